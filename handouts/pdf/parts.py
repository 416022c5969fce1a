"""The one-sheet parts: exercise cards, the week tracker, tick boxes, width-aware wrapping."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table

from handouts import document as doc
from handouts.pdf.styles import MUTED, RULE, box_padding

TRACKER_WRITE_IN_ROWS = 2  # blank rows for the patient's own items, when they fit
TRACKER_ROWS = 5  # a short plan gets more of them, up to this many rows in all


class Sized(Flowable):
    """A flowable made for the width it is given: `make(width)` is called at wrap time.

    So one part lays out in a column, a full-width frame or a table cell alike. With
    `keep`, it is never split while it fits on a page: it moves to the next column
    whole (not a KeepTogether: nested in another one, that would hide its height).
    """

    def __init__(
        self,
        make: Callable[[float], Flowable],
        keep: bool = False,
        space_after: float = 0,
        page_height: float = 0,
    ) -> None:
        super().__init__()
        self.make = make
        self.page_height = page_height
        self.keep = keep
        self.space_after = space_after
        self.inner: Flowable | None = None
        self.made_for = -1.0

    def _inner(self, width: float) -> Flowable:
        if self.inner is None or abs(self.made_for - width) > 0.01:
            self.inner = self.make(width)
            self.made_for = width
        return self.inner

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        width, height = self._inner(aW).wrap(aW, aH)
        self.width, self.height = width, height
        return width, height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        page = max(frame._height if frame is not None else aH, self.page_height)
        if self.keep and self._inner(aW).wrap(aW, page)[1] <= page:
            if frame is not None and getattr(frame, "_atTop", False):
                # At the top of a short frame (page 1's columns): go on to the next one.
                from reportlab.platypus.doctemplate import FrameBreak

                return [FrameBreak(), self]
            return []
        return self._inner(aW).split(aW, aH)

    def getSpaceBefore(self) -> float:
        return self.inner.getSpaceBefore() if self.inner else 0

    def getSpaceAfter(self) -> float:
        return self.space_after or (self.inner.getSpaceAfter() if self.inner else 0)

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:
        assert self.inner is not None
        self.inner.drawOn(canvas, x, y, _sW)


class TickBox(Flowable):
    """An empty square to tick, `size` points wide, sitting on the text baseline."""

    def __init__(self, size: float) -> None:
        super().__init__()
        self.size = size

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(MUTED)
        self.canv.setLineWidth(1)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)
        self.canv.restoreState()


def dose_strip(builder, items: tuple[doc.DoseItem, ...], width: float) -> Table:
    """The dose on one tick-box line: "Hold: 45 seconds · Repeats: 2 · Times a day: 2"."""
    from xml.sax.saxutils import escape

    styles, strings = builder.styles, builder.strings
    size = styles.body_size
    parts = []
    for item in items:
        label, value, rest = strings.dose(item.kind, item.value)
        parts.append(f"{escape(label)}<b>{escape(value)}</b>{escape(rest)}")
    style = styles.list_item.clone("dose", spaceAfter=0)
    text = Paragraph(" \u00b7 ".join(parts), style)
    return Table(
        [[TickBox(size * 0.9), text]],
        colWidths=[size * 1.6, width - size * 1.6],
        style=builder.table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (0, 0), 4),
                ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
            ]
        ),
    )


def card(builder, block: doc.Card) -> Flowable:
    """An exercise card: title, picture, steps, dose strip, in a ruled box never split."""

    def make(width: float) -> Flowable:
        inner_width = width - 14
        sub = builder.narrowed(inner_width)
        title = builder.para(block.title, builder.styles.card_title)
        rows: list[list[Flowable]] = [[card_head(builder, title, block.figure, inner_width)]]
        for flowable in sub.blocks(block.blocks, builder.styles.body, keep=False):
            rows.append([flowable])
        if block.dose:
            rows.append([dose_strip(builder, block.dose, inner_width)])
        table = Table(rows, colWidths=[width])
        table.setStyle(
            builder.table_style(
                [
                    ("BOX", (0, 0), (-1, -1), 1, RULE),
                    ("LINEABOVE", (0, 0), (-1, 0), 3, builder.styles.accent),
                    *box_padding((7, 7), (0, 0), 4, 5),
                ]
            )
        )
        return table

    return Sized(
        make, keep=True, space_after=builder.styles.body_size * 0.5, page_height=builder.page_height
    )


CARD_FIGURE_LINES = 5  # a card's picture is at most this many body lines tall
CARD_FIGURE_MOST = 64  # points: and no taller (large print enlarges the words, not drawings)
CARD_FIGURE_SHARE = 0.42  # and at most this share of the card's width


def card_head(builder, title: Flowable, figure: doc.Figure | None, width: float) -> Flowable:
    """The card's title, with its picture at the right and the caption under the title.

    Side by side, a picture costs the card a few lines, not its own height plus a caption.
    """
    if figure is None or figure.art is None:
        return title
    from handouts.pdf.figure import art_flowable, figure_caption_style

    styles = builder.styles
    side = width * CARD_FIGURE_SHARE
    drawing = art_flowable(
        figure.art,
        side,
        hex_of(styles.accent),
        min(styles.body_size * CARD_FIGURE_LINES, CARD_FIGURE_MOST),
    )
    caption = builder.para(figure.caption, figure_caption_style(styles))
    head = Table([[[title, caption], drawing]], colWidths=[width - side, side])
    head.setStyle(
        builder.table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return head


def hex_of(colour) -> str:
    """A ReportLab colour as #RRGGBB."""
    return "#" + colour.hexval()[2:].upper()


class Tracker(Flowable):
    """The week grid: a label column, then a column of tick boxes per day.

    It adds blank rows for the patient's own items when the space it lands in has room
    for them: TRACKER_WRITE_IN_ROWS, or more for a short plan, up to TRACKER_ROWS rows.
    They give way to what must follow it in the same column (`reserve` points: the notes
    box's fewest lines).
    """

    reserve = 0.0

    def __init__(self, builder, tracker: doc.Tracker, label: str = "") -> None:
        super().__init__()
        self.builder = builder
        self.tracker = tracker
        self.label = label
        self.table: Table | None = None

    def _table(self, width: float, blank_rows: int) -> Table:
        builder = self.builder
        styles = builder.styles
        size = styles.body_size
        head = styles.table_cell.clone("day", alignment=1)
        widest = max(
            stringWidth(part, head.fontName, head.fontSize)
            for day in self.tracker.days
            for part in day.split("\n")
        )
        day_width = max(size * 1.6, widest + 6)
        label_width = width - day_width * len(self.tracker.days)
        corner = styles.card_title.clone("tracker_label", fontSize=size, leading=size * 1.2)
        header = [builder.para(self.label, corner) if self.label else ""]
        header += [builder.para(day, head) for day in self.tracker.days]
        rows = [header] + [
            [builder.para(label, styles.table_cell)] + [""] * len(self.tracker.days)
            for label in self.tracker.rows
        ]
        rows += [[""] * (len(self.tracker.days) + 1) for _ in range(blank_rows)]
        table = Table(
            rows,
            colWidths=[label_width] + [day_width] * len(self.tracker.days),
            rowHeights=[None] * (len(rows) - blank_rows) + [size * 1.9] * blank_rows,
        )
        table.setStyle(
            builder.table_style(
                [
                    ("GRID", (1, 0), (-1, -1), 0.8, MUTED),
                    ("LINEBELOW", (0, 0), (0, -1), 0.8, MUTED),
                    ("BACKGROUND", (1, 0), (-1, 0), colors.HexColor("#EEF2F6")),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("VALIGN", (0, 0), (0, 0), "BOTTOM"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return table

    def least_height(self, width: float) -> float:
        """The grid's height with no blank rows."""
        return self._table(width, 0).wrap(width, 100_000)[1]

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        most = max(TRACKER_WRITE_IN_ROWS, TRACKER_ROWS - len(self.tracker.rows))
        # Room kept for what follows, if it can have it at all.
        reserve = self.reserve if self.least_height(aW) + self.reserve <= aH else 0.0
        for blank in range(most, -1, -1):
            self.table = self._table(aW, blank)
            width, height = self.table.wrap(aW, aH)
            if height + (reserve if blank else 0.0) <= aH:
                break
        self.width, self.height = width, height
        return width, height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        assert self.table is not None
        self.table.drawOn(self.canv, 0, 0)


class WriteIn(Flowable):
    """The closing "Notes and next visit" box: it takes the rest of the column it lands in.

    Ruled lines fill what is left (up to MOST_LINES); with room for fewer than
    LEAST_LINES it prints nothing rather than start a page of its own.
    """

    MOST_LINES = 30
    LEAST_LINES = 2

    def __init__(self, builder, heading: str) -> None:
        super().__init__()
        self.heading = builder.para(heading, builder.styles.section)
        self.line_height = builder.styles.body_size * 2.1
        self.lines = 0
        self.head_height = 0.0

    def least_height(self, width: float) -> float:
        """The box's height with its fewest lines: less room than this and it prints nothing."""
        style = self.heading.style
        head = self.heading.wrap(width, 100_000)[1] + style.spaceBefore + 4
        return head + self.LEAST_LINES * self.line_height + 2

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        style = self.heading.style
        self.head_height = self.heading.wrap(aW, aH)[1] + style.spaceBefore + 4
        fits = int((aH - self.head_height - 2) // self.line_height)
        self.lines = min(self.MOST_LINES, fits) if fits >= self.LEAST_LINES else 0
        self.width = aW
        self.height = self.head_height + self.lines * self.line_height if self.lines else 0
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        if not self.lines:
            return
        canvas, width = self.canv, self.width
        box = self.lines * self.line_height
        self.heading.drawOn(canvas, 0, box + 4)
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        for index in range(1, self.lines):
            y = index * self.line_height
            canvas.line(10, y, width - 10, y)
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(1)
        canvas.rect(0, 0, width, box, stroke=1, fill=0)
        canvas.restoreState()
