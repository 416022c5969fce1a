"""Page 1 parts: the practitioner's notes, the "Your plan" summary and the warning-signs panel."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, ListFlowable, ListItem, Spacer, Table

from handouts import document as doc
from handouts.pdf.flowables import KeepTogetherIfShort
from handouts.pdf.measure import measure_height
from handouts.pdf.parts import Sized
from handouts.pdf.styles import NOTE_BAR, NOTE_TINT, WARNING, WARNING_TINT, box_padding

WRITE_IN = "_" * 16


def notes_panel(builder, notes: tuple[str, ...]) -> Flowable:
    """The practitioner's typed notes, highlighted, right under the title."""
    styles = builder.styles
    label = styles.callout_label.clone("note_label", textColor=NOTE_BAR)

    def make(width: float) -> Flowable:
        rows = [[builder.para(builder.strings["notes_heading"], label)]]
        rows += [[builder.para(note, styles.body.clone("note", spaceAfter=2))] for note in notes]
        return builder.tinted(rows, width, NOTE_TINT, NOTE_BAR, ends=(6, 6))

    return KeepTogetherIfShort([Sized(make), Spacer(1, 5)])


def plan_summary(builder, points: tuple[doc.Inline, ...]) -> list[Flowable]:
    """ "Your plan": each section's key point as a tick-box line, two columns when wide."""
    styles = builder.styles
    size = styles.body_size

    def make(width: float) -> Flowable:
        columns = 2 if width >= size * 40 and not builder.large_print else 1
        item_style = styles.list_item.clone("plan_item", spaceAfter=1)
        items = [builder.para(point, item_style) for point in points]
        per_column = -(-len(items) // columns)
        lists = []
        for column in range(columns):
            chunk = items[column * per_column : (column + 1) * per_column]
            lists.append(
                ListFlowable(
                    [ListItem(item) for item in chunk] or [ListItem(Spacer(1, 1))],
                    bulletType="bullet",
                    start="\u2022",
                    bulletFontName=styles.body.fontName,
                    bulletFontSize=size,
                    bulletColor=styles.primary,
                    leftIndent=size * 1.3,
                )
            )
        gap = size
        column_width = (width - gap * (columns - 1)) / columns
        table = Table([lists], colWidths=[column_width + (gap if c else 0) for c in range(columns)])
        table.setStyle(
            builder.table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                    ("LEFTPADDING", (1, 0), (-1, -1), gap),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return table

    heading = builder.para(builder.strings["plan_heading"], styles.section)
    return [KeepTogether([heading, builder.rule(), Sized(make), Spacer(1, 3)])]


def _groups(
    blocks: tuple[doc.Block, ...],
) -> tuple[list[doc.Block], list[list[doc.Block]], list[doc.Block]]:
    """Blocks before the first sub-heading, each sub-heading with what follows it, and the
    callouts that close the section (they speak to every group, so they span the panel)."""
    blocks = tuple(blocks)
    cut = len(blocks)
    while cut > 0 and isinstance(blocks[cut - 1], doc.Callout):
        cut -= 1
    lead: list[doc.Block] = []
    groups: list[list[doc.Block]] = []
    for block in blocks[:cut]:
        if isinstance(block, doc.Heading):
            groups.append([block])
        elif groups:
            groups[-1].append(block)
        else:
            lead.append(block)
    return lead, groups, list(blocks[cut:])


def balanced(heights: list[float], columns: int) -> list[int]:
    """Where to cut groups of these heights, in reading order, into `columns` runs that
    end as evenly as they can (the panel is as tall as its tallest column)."""
    if columns == 1 or len(heights) < 2:
        return [len(heights)]
    best = min(
        range(1, len(heights)),
        key=lambda cut: max(sum(heights[:cut]), sum(heights[cut:])),
    )
    return [best, len(heights)]


def warning_panel(builder, section: doc.DocSection, phone: str, stack: bool = False) -> Flowable:
    """The warning signs in one boxed panel (never split), the clinic's phone large and bold.

    With no phone, a line to write it on. Its groups sit side by side when wide, cut where
    the two columns come out most even; closing callouts span the panel's width.
    """
    styles = builder.styles
    size = styles.body_size
    lead, groups, tail = _groups(section.blocks)
    phone_text = builder.strings["clinic_phone"].replace("{phone}", phone or WRITE_IN)

    def make(width: float) -> Flowable:
        if stack or len(groups) < 2 or width < size * 30:
            return laid_out(width, 1, True)
        # Side by side is shorter when lines are long, with the closing callouts across
        # or in the shorter column; in large print, one column may be shortest. Laid out
        # once per handout and width: every layout tried draws the same panel.
        key = ("warning panel", section.id, phone_text, round(width, 2))
        table = builder.memo.get(key)
        if table is None:
            ways = ((2, True), (2, False), (1, True))
            tables = [laid_out(width, *way) for way in ways]
            table = min(tables, key=lambda t: t.wrap(width, 100_000)[1])
            builder.memo[key] = table
        return table

    measured: dict[tuple[int, float], float] = {}

    def unit_height(unit: list[doc.Block], part: list[Flowable], width: float) -> float:
        key = (id(unit[0]), round(width, 2))  # a unit is known by its first block
        if key not in measured:
            measured[key] = measure_height(part, width)
        return measured[key]

    def laid_out(width: float, columns: int, across: bool) -> Table:
        cell_width = width / columns
        sub = builder.narrowed(cell_width - 22)
        full = builder.narrowed(width - 22)
        pad = [""] * (columns - 1)
        heading: list[Flowable] = [builder.para(section.title, styles.panel_title)]
        heading.append(builder.para(phone_text, styles.phone))
        rows: list[list] = []
        if builder.booking:  # the lead sits beside the booking code, in the room it leaves
            side = booked(builder, heading, width - 22, tuple(lead))
            rows.append([[side], *pad])
        else:
            rows.append([heading, *pad])
            if lead:
                rows.append([full.blocks(tuple(lead), styles.body, keep=False), *pad])
        units = groups if across else [*groups, *([block] for block in tail)]
        parts = [sub.blocks(tuple(unit), styles.body, keep=False) for unit in units]
        if stack:  # taller than a page: one row a group, so that it splits between groups
            rows += [[part, *pad] for part in parts]
        else:
            heights = [
                unit_height(unit, part, cell_width - 22)
                for unit, part in zip(units, parts, strict=True)
            ]
            cells: list[list[Flowable]] = [[] for _ in range(columns)]
            start = 0
            for column, cut in enumerate(balanced(heights, columns)):
                for part in parts[start:cut]:
                    cells[column] += part
                start = cut
            rows.append(cells)
        grouped = len(rows) - 1 if columns > 1 else -1  # the only row not spanned
        if tail and across:
            rows.append([full.blocks(tuple(tail), styles.body, keep=False), *pad])
        spans = [("SPAN", (0, r), (-1, r)) for r in range(len(rows)) if stack or r != grouped]
        table = Table(rows, colWidths=[cell_width] * columns, splitByRow=1)
        commands = [
            ("BACKGROUND", (0, 0), (-1, -1), WARNING_TINT),
            ("BOX", (0, 0), (-1, -1), 2, WARNING),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *box_padding((12, 10), (1, 2), 6, 6),
            *spans,
        ]
        table.setStyle(builder.table_style(commands))
        return table

    return Sized(make, keep=not stack, space_after=5)


BOOKING_QR = 72  # points: small, but a phone camera reads it at arm's length
NO_PADDING = [
    ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ("TOPPADDING", (0, 0), (-1, -1), 4),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
]  # a white margin round the code, so that it reads on the tinted panel


def booked(
    builder, heading: list[Flowable], width: float, lead: tuple[doc.Block, ...] = ()
) -> Table:
    """The panel's title, phone and `lead` text with the booking QR code and its label
    beside them."""
    from handouts.pdf.qr import qr_drawing

    link, label = builder.booking
    size = BOOKING_QR * builder.styles.body_size / 12
    from reportlab.pdfbase.pdfmetrics import stringWidth

    body = builder.styles.body
    side_width = max(
        size + 8, min(width * 0.45, stringWidth(link, body.fontName, body.fontSize) + 6)
    )
    side: list[Flowable] = []
    if label:
        side.append(builder.para(label, builder.styles.callout_label))
    code = Table([[qr_drawing(link, size)]], colWidths=[size + 8])
    code.setStyle(
        builder.table_style([("BACKGROUND", (0, 0), (-1, -1), colors.white), *NO_PADDING])
    )
    code.hAlign = "LEFT"
    side += [code, builder.para(link, builder.styles.body.clone("link", spaceAfter=0))]
    if lead:
        narrow = builder.narrowed(width - side_width - 8)
        heading = heading + narrow.blocks(lead, builder.styles.body, keep=False)
    table = Table([[heading, side]], colWidths=[width - side_width, side_width])
    table.setStyle(
        builder.table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table
