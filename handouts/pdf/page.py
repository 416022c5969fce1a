"""Page chrome: the clinic header, the disclaimer footer and "Page X of Y"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from handouts.clinic import Clinic
from handouts.pdf.styles import RULE, Styles

PAPER_SIZES = {"letter": LETTER, "a4": A4}
SIDE_MARGIN = 18 * mm
TOP_MARGIN = 12 * mm
BOTTOM_MARGIN = 10 * mm
TOTAL_PAGES_FORM = "handouts-total-pages"
LABEL_GAP = 24


@dataclass(frozen=True)
class PageGeometry:
    """Where the header, body frame and footer sit on the page."""

    width: float
    height: float
    header_height: float
    footer_height: float

    @property
    def frame_width(self) -> float:
        """Usable width between the side margins."""
        return self.width - 2 * SIDE_MARGIN

    @property
    def frame_bottom(self) -> float:
        """Lowest point of the body frame."""
        return BOTTOM_MARGIN + self.footer_height

    @property
    def frame_height(self) -> float:
        """Height of the body frame."""
        return self.height - TOP_MARGIN - self.header_height - self.frame_bottom


class PageChrome:
    """Draws the header and footer on every page of one handout."""

    def __init__(self, clinic: Clinic, styles: Styles, paper: str) -> None:
        self.clinic = clinic
        self.styles = styles
        width, height = PAPER_SIZES[paper]
        inner = width - 2 * SIDE_MARGIN
        self.name = Paragraph(escape(clinic.name), styles.header_name)
        contact = clinic.contact_line()
        self.contact = Paragraph(escape(contact), styles.header_contact) if contact else None
        self.page_label_width = stringWidth(
            "Page 00 of 00", styles.footer.fontName, styles.footer.fontSize
        )
        self.disclaimer = Paragraph(escape(clinic.disclaimer), styles.footer)
        header = self.name.wrap(inner, height)[1]
        if self.contact:
            header += self.contact.wrap(inner, height)[1] + 2
        footer = self.disclaimer.wrap(inner - self.page_label_width - LABEL_GAP, height)[1]
        self.geometry = PageGeometry(width, height, header + 14, footer + 14)

    def draw(self, canvas: Canvas, _doc: object = None) -> None:
        """Draw header and footer (the page total is filled in when the file is saved)."""
        geo = self.geometry
        inner = geo.frame_width
        canvas.saveState()
        top = geo.height - TOP_MARGIN
        height = self.name.wrap(inner, geo.height)[1]
        self.name.drawOn(canvas, SIDE_MARGIN, top - height)
        top -= height + 2
        if self.contact:
            height = self.contact.wrap(inner, geo.height)[1]
            self.contact.drawOn(canvas, SIDE_MARGIN, top - height)
            top -= height
        canvas.setStrokeColor(self.styles.accent)
        canvas.setLineWidth(1.5)
        rule_y = geo.height - TOP_MARGIN - geo.header_height + 6
        canvas.line(SIDE_MARGIN, rule_y, geo.width - SIDE_MARGIN, rule_y)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        footer_top = BOTTOM_MARGIN + geo.footer_height - 6
        canvas.line(SIDE_MARGIN, footer_top, geo.width - SIDE_MARGIN, footer_top)
        width = inner - self.page_label_width - LABEL_GAP
        height = self.disclaimer.wrap(width, geo.height)[1]
        self.disclaimer.drawOn(canvas, SIDE_MARGIN, footer_top - 4 - height)
        self._draw_page_label(canvas, footer_top - 4 - self.styles.footer.fontSize)
        canvas.restoreState()

    def _draw_page_label(self, canvas: Canvas, baseline: float) -> None:
        style = self.styles.footer
        label = f"Page {canvas.getPageNumber()} of "
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        x = self.geometry.width - SIDE_MARGIN - self.page_label_width
        canvas.drawString(x, baseline, label)
        canvas.saveState()
        canvas.translate(x + canvas.stringWidth(label, style.fontName, style.fontSize), baseline)
        canvas.doForm(TOTAL_PAGES_FORM)
        canvas.restoreState()


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
