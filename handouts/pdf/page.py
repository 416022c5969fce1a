"""Page chrome: the clinic header on page 1 (name, contact, logo), a slim running head on the
pages after it (name and phone, once per page in one line), and a "Page X of Y" footer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from handouts.library.strings import Strings
from handouts.pdf.flowables import text_markup
from handouts.pdf.fonts import FontSet
from handouts.pdf.styles import RULE, Styles
from handouts.workspace.clinic import Clinic

PAPER_SIZES = {"letter": LETTER, "a4": A4}
SIDE_MARGIN = 18 * mm
TOP_MARGIN = 12 * mm
BOTTOM_MARGIN = 10 * mm
TOTAL_PAGES_FORM = "handouts-total-pages"
LABEL_GAP = 24
LOGO_MAX_HEIGHT = 40.0
LOGO_GAP = 12


@dataclass(frozen=True)
class PageGeometry:
    """Where the header, body frame and footer sit on the page."""

    width: float
    height: float
    header_height: float
    footer_height: float
    slim_height: float = 0.0
    side: float = SIDE_MARGIN
    top: float = TOP_MARGIN
    bottom: float = BOTTOM_MARGIN

    @property
    def frame_width(self) -> float:
        """Usable width between the side margins."""
        return self.width - 2 * self.side

    @property
    def frame_bottom(self) -> float:
        """Lowest point of the body frame."""
        return self.bottom + self.footer_height

    @property
    def frame_height(self) -> float:
        """Height of the body frame on page 1."""
        return self.height - self.top - self.header_height - self.frame_bottom

    @property
    def later_frame_height(self) -> float:
        """Height of the body frame on the pages after the first (slim running head)."""
        return self.height - self.top - self.slim_height - self.frame_bottom


@dataclass(frozen=True)
class Logo:
    """The clinic's logo file and the size it is drawn at (aspect kept)."""

    path: str
    width: float
    height: float


def fit_logo(clinic: Clinic, max_width: float, max_height: float) -> Logo | None:
    """Scale the logo to fit the header box, keeping its aspect ratio."""
    if clinic.logo is None:
        return None
    from handouts.workspace.assets import image_size

    width, height = image_size(clinic.logo)
    scale = min(max_width / width, max_height / height)
    return Logo(str(clinic.logo), width * scale, height * scale)


class PageChrome:
    """Draws the header and footer on every page of one handout."""

    def __init__(
        self, clinic: Clinic, styles: Styles, paper: str, strings: Strings, fonts: FontSet
    ) -> None:
        self.clinic = clinic
        self.styles = styles
        self.strings = strings
        width, height = PAPER_SIZES[paper]
        margins = clinic.margins
        side, top, bottom = margins.side * mm, margins.top * mm, margins.bottom * mm
        inner = width - 2 * side
        scale = styles.body_size / 12
        self.logo = fit_logo(clinic, inner / 3, LOGO_MAX_HEIGHT * scale)
        self.text_width = inner - (self.logo.width + LOGO_GAP if self.logo else 0)

        def para(text: str, style) -> Paragraph:
            bold = style.fontName in (fonts.body.bold, fonts.body.bold_italic)
            return Paragraph(text_markup(text, fonts, bold=bold), style)

        self.name = para(clinic.name or strings["care_team"], styles.header_name)
        contact = clinic.contact_line()
        self.contact = para(contact, styles.header_contact) if contact else None
        widest = strings.page(88, 88)
        self.page_label_width = fonts_width(widest, styles)
        slim = " \u00b7 ".join(part for part in (clinic.name, clinic.phone) if part)
        self.slim = para(slim or strings["care_team"], styles.footer)
        header = self.name.wrap(self.text_width, height)[1]
        if self.contact:
            header += self.contact.wrap(self.text_width, height)[1] + 2
        if self.logo:
            header = max(header, self.logo.height)
        slim_height = self.slim.wrap(inner, height)[1]
        footer = styles.footer.leading
        self.geometry = PageGeometry(
            width,
            height,
            header + 14,
            footer + 12,
            slim_height + 12,
            side=side,
            top=top,
            bottom=bottom,
        )

    def draw(self, canvas: Canvas, _doc: object = None) -> None:
        """Draw header and footer (the page total is filled in when the file is saved)."""
        geo = self.geometry
        canvas.saveState()
        top = geo.height - geo.top
        if canvas.getPageNumber() > 1:
            self._draw_slim(canvas)
            return
        if self.logo:
            canvas.drawImage(
                self.logo.path,
                geo.width - geo.side - self.logo.width,
                top - self.logo.height,
                self.logo.width,
                self.logo.height,
                mask="auto",
            )
        height = self.name.wrap(self.text_width, geo.height)[1]
        self.name.drawOn(canvas, geo.side, top - height)
        top -= height + 2
        if self.contact:
            height = self.contact.wrap(self.text_width, geo.height)[1]
            self.contact.drawOn(canvas, geo.side, top - height)
            top -= height
        canvas.setStrokeColor(self.styles.accent)
        canvas.setLineWidth(1.5)
        rule_y = geo.height - geo.top - geo.header_height + 6
        canvas.line(geo.side, rule_y, geo.width - geo.side, rule_y)
        self._draw_footer(canvas)

    def _draw_slim(self, canvas: Canvas) -> None:
        """The running head of pages after the first: name and phone, one line."""
        geo = self.geometry
        top = geo.height - geo.top
        height = self.slim.wrap(geo.frame_width, geo.height)[1]
        self.slim.drawOn(canvas, geo.side, top - height)
        canvas.setStrokeColor(self.styles.accent)
        canvas.setLineWidth(1)
        rule_y = top - geo.slim_height + 6
        canvas.line(geo.side, rule_y, geo.width - geo.side, rule_y)
        self._draw_footer(canvas)

    def _draw_footer(self, canvas: Canvas) -> None:
        """The page label, right-aligned under a thin rule; restores the canvas state."""
        geo = self.geometry
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        footer_top = geo.bottom + geo.footer_height - 4
        canvas.line(geo.side, footer_top, geo.width - geo.side, footer_top)
        self._draw_page_label(canvas, footer_top - 4 - self.styles.footer.fontSize)
        canvas.restoreState()

    def _draw_page_label(self, canvas: Canvas, baseline: float) -> None:
        style = self.styles.footer
        before, _, after = self.strings.page("\0", "\1").partition("\1")
        before = before.replace("\0", str(canvas.getPageNumber()))
        after = after.replace("\0", str(canvas.getPageNumber()))
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        x = self.geometry.width - self.geometry.side - self.page_label_width
        canvas.drawString(x, baseline, before)
        x += canvas.stringWidth(before, style.fontName, style.fontSize)
        canvas.saveState()
        canvas.translate(x, baseline)
        canvas.doForm(TOTAL_PAGES_FORM)
        canvas.restoreState()
        if after:
            total_width = canvas.stringWidth("88", style.fontName, style.fontSize)
            canvas.drawString(x + total_width, baseline, after)


def fonts_width(text: str, styles: Styles) -> float:
    """Width of `text` in the footer style."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, styles.footer.fontName, styles.footer.fontSize)


def canvas_class(styles: Styles, date: dt.date) -> type[Canvas]:
    """A Canvas that stamps a fixed creation date and defines the page-total form on save."""
    stamp = f"D:{date:%Y%m%d}000000+00'00'"

    class HandoutCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._doc.setDateFormatter(lambda *_: stamp)
            self.pages_drawn = 0

        def showPage(self) -> None:
            self.pages_drawn += 1
            super().showPage()

        def save(self) -> None:
            self.beginForm(TOTAL_PAGES_FORM)
            self.setFont(styles.footer.fontName, styles.footer.fontSize)
            self.setFillColor(styles.footer.textColor)
            self.drawString(0, 0, str(self.pages_drawn))
            self.endForm()
            super().save()

    return HandoutCanvas
