"""Document blocks to ReportLab flowables. Every text is escaped here, in one place."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from handouts import document as doc
from handouts.pdf.styles import CALLOUT_COLOURS, MUTED, RULE, Styles


def markup(spans: doc.Inline) -> str:
    """Spans as ReportLab paragraph markup; the span text is always escaped."""
    parts = []
    for span in spans:
        text = escape(span.text).replace("\n", "<br/>")
        if span.bold:
            text = f"<b>{text}</b>"
        if span.italic:
            text = f"<i>{text}</i>"
        parts.append(text)
    return "".join(parts)


def text_markup(text: str) -> str:
    """Plain text (a name, a note) as escaped paragraph markup."""
    return markup((doc.Span(text),))


class FlowableBuilder:
    """Turns document blocks into flowables with one set of styles."""

    def __init__(self, styles: Styles, width: float) -> None:
        self.styles = styles
        self.width = width

    def table_style(self, commands: list[tuple]) -> TableStyle:
        """A TableStyle whose cells start in the body font (not ReportLab's Helvetica)."""
        return TableStyle([("FONTNAME", (0, 0), (-1, -1), self.styles.body.fontName), *commands])

    def handout(self, document: doc.Document) -> list[Flowable]:
        """Every flowable of a handout, title to notes box."""
        story: list[Flowable] = [Paragraph(escape(document.title), self.styles.title)]
        if document.subtitle:
            story.append(Paragraph(escape(document.subtitle), self.styles.subtitle))
        story.append(self.meta_line(document))
        story.append(Spacer(1, 8))
        story += self.blocks(document.intro, self.styles.intro)
        for section in document.sections:
            story += self.section(section)
        if document.notes_box:
            story += self.notes_box(document.notes_box)
        return story

    def meta_line(self, document: doc.Document) -> Flowable:
        """The patient / practitioner / date line, on a light band."""
        fields = [
            ("For", document.patient),
            ("From", document.practitioner),
            ("Date", document.date_text),
        ]
        parts = [f"<b>{label}:</b> {text_markup(value)}" for label, value in fields if value]
        cell = Paragraph("&nbsp;&nbsp;&nbsp;&nbsp;".join(parts), self.styles.meta)
        table = Table([[cell]], colWidths=[self.width])
        table.setStyle(
            self.table_style(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F1F4F7")),
                    ("LINEBEFORE", (0, 0), (0, -1), 3, self.styles.accent),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                    ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ]
            )
        )
        return table

    def section(self, section: doc.DocSection) -> list[Flowable]:
        """A section: its heading kept with the start of its body."""
        heading = [
            Paragraph(escape(section.title), self.styles.section),
            HRFlowable(
                width="100%", thickness=1.2, color=self.styles.accent, spaceBefore=1, spaceAfter=6
            ),
        ]
        body = self.blocks(section.blocks, self.styles.body)
        if not body:
            return heading
        return [
            CondPageBreak(self.styles.body_size * 6),
            KeepTogether(heading + body[:1]),
            *body[1:],
        ]

    def blocks(self, blocks: tuple[doc.Block, ...], style) -> list[Flowable]:
        """Flowables for a run of blocks; `style` is used for plain paragraphs."""
        out: list[Flowable] = []
        for block in blocks:
            out += self.block(block, style)
        return out

    def block(self, block: doc.Block, style) -> list[Flowable]:
        """Flowables for one block."""
        if isinstance(block, doc.Paragraph):
            return [Paragraph(markup(block.spans), style)]
        if isinstance(block, doc.Heading):
            return [Paragraph(markup(block.spans), self.styles.subheading)]
        if isinstance(block, doc.ListBlock):
            return [self.list_block(block)]
        if isinstance(block, doc.Callout):
            return [self.callout(block)]
        if isinstance(block, doc.Table):
            return [self.table(block)]
        raise TypeError(f"unknown block {type(block).__name__}")

    def list_block(self, block: doc.ListBlock) -> Flowable:
        """Numbered steps (bold numbers) or bullets."""
        size = self.styles.body_size
        items = [
            ListItem(self.blocks(item, self.styles.list_item) or [Spacer(1, 1)])
            for item in block.items
        ]
        if block.ordered:
            return ListFlowable(
                items,
                bulletType="1",
                start=block.start,
                bulletFontName=self.styles.callout_label.fontName,
                bulletFontSize=size,
                bulletColor=self.styles.primary,
                leftIndent=size * 1.9,
                bulletFormat="%s.",
                spaceAfter=4,
            )
        return ListFlowable(
            items,
            bulletType="bullet",
            start="\u2022",
            bulletFontName=self.styles.body.fontName,
            bulletFontSize=size,
            bulletColor=self.styles.primary,
            leftIndent=size * 1.5,
            spaceAfter=4,
        )

    def callout(self, block: doc.Callout) -> Flowable:
        """A tinted box with a coloured bar and a label; splits between and inside its rows."""
        label, background, bar = CALLOUT_COLOURS[block.kind]
        label_style = self.styles.callout_label.clone("label", textColor=bar)
        rows = [[Paragraph(label, label_style)]]
        rows += [[flowable] for flowable in self.blocks(block.blocks, self.styles.body)]
        table = Table(rows, colWidths=[self.width], splitByRow=1, splitInRow=1)
        table.setStyle(
            self.table_style(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), background),
                    ("LINEBEFORE", (0, 0), (0, -1), 4, bar),
                    ("LEFTPADDING", (0, 0), (-1, -1), 12),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    ("TOPPADDING", (0, 0), (-1, 0), 7),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
                ]
            )
        )
        return KeepTogether([Spacer(1, 4), table, Spacer(1, 6)])

    def table(self, block: doc.Table) -> Flowable:
        """A plain grid with a tinted header row; a cell taller than a page splits across pages."""
        columns = max([1, len(block.header), *(len(row) for row in block.rows)])
        cell = self.styles.table_cell
        header_style = cell.clone("th", fontName=self.styles.callout_label.fontName)
        rows = []
        if block.header:
            rows.append([Paragraph(markup(c), header_style) for c in block.header])
        for row in block.rows:
            cells = [Paragraph(markup(c), cell) for c in row]
            rows.append(cells + [""] * (columns - len(cells)))
        table = Table(
            rows,
            colWidths=[self.width / columns] * columns,
            repeatRows=1 if block.header else 0,
            splitInRow=1,
        )
        commands = [
            ("GRID", (0, 0), (-1, -1), 0.6, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]
        if block.header:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEF2F6")))
        table.setStyle(self.table_style(commands))
        return KeepTogether([Spacer(1, 2), table, Spacer(1, 8)]) if len(rows) < 12 else table

    def notes_box(self, notes: doc.NotesBox) -> list[Flowable]:
        """The practitioner's notes and ruled lines to write on, in a box."""
        heading = Paragraph("Notes from your practitioner", self.styles.section)
        rows = [[Paragraph(text_markup(note), self.styles.body)] for note in notes.notes]
        line_height = self.styles.body_size * 2.1
        rows += [[""] for _ in range(notes.writing_lines)]
        heights = [None] * len(notes.notes) + [line_height] * notes.writing_lines
        table = Table(rows, colWidths=[self.width], rowHeights=heights, splitByRow=1, splitInRow=1)
        commands = [
            ("BOX", (0, 0), (-1, -1), 1, MUTED),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, 0), 8),
        ]
        first_line = len(notes.notes)
        for index in range(first_line, first_line + notes.writing_lines):
            commands.append(("LINEBELOW", (0, index), (-1, index), 0.5, RULE))
        table.setStyle(self.table_style(commands))
        return [CondPageBreak(line_height * 4), heading, Spacer(1, 4), table]
