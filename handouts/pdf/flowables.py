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
from handouts.library.strings import Strings, english
from handouts.pdf.fonts import FontSet
from handouts.pdf.styles import CALLOUT_COLOURS, MUTED, RULE, Styles, box_padding


def markup(
    spans: doc.Inline, fonts: FontSet | None = None, bold: bool = False, italic: bool = False
) -> str:
    """Spans as ReportLab paragraph markup; the span text is always escaped.

    With `fonts`, runs the body face cannot draw are wrapped in the fallback face that can
    (matching bold and italic, including a bold or italic base style given by `bold`/`italic`).
    """
    parts = []
    for span in spans:
        text = _escaped_runs(span.text, fonts, bold or span.bold, italic or span.italic)
        if span.bold:
            text = f"<b>{text}</b>"
        if span.italic:
            text = f"<i>{text}</i>"
        parts.append(text)
    return "".join(parts)


def _escaped_runs(text: str, fonts: FontSet | None, bold: bool, italic: bool) -> str:
    if fonts is None or not fonts.fallbacks or fonts.body.draws_all(text):
        return escape(text).replace("\n", "<br/>")
    out = []
    for run, family in fonts.runs(text):
        piece = escape(run).replace("\n", "<br/>")
        if family is not fonts.body:
            piece = f'<font name="{family.face(bold, italic)}">{piece}</font>'
        out.append(piece)
    return "".join(out)


def text_markup(
    text: str, fonts: FontSet | None = None, bold: bool = False, italic: bool = False
) -> str:
    """Plain text (a name, a note) as escaped paragraph markup."""
    return markup((doc.Span(text),), fonts, bold, italic)


def style_flags(style, fonts: FontSet | None) -> tuple[bool, bool]:
    """Whether a paragraph style's own face is bold and italic (for fallback runs)."""
    if fonts is None:
        return False, False
    family = fonts.body
    return (
        style.fontName in (family.bold, family.bold_italic),
        style.fontName in (family.italic, family.bold_italic),
    )


SHORT_LIST_ITEMS = 10
KEEP_LIMIT = 0.45  # of the frame height: taller groups flow instead of jumping a page
SPLIT_ROOM = 0.15  # of the frame height: a group that would leave this much empty splits


class KeepTogetherIfShort(KeepTogether):
    page_height = 0.0  # the tallest body frame; set per handout by the layout
    """Keeps its flowables on one page only while they are short.

    A group taller than KEEP_LIMIT of the frame would leave a half-empty page
    behind it (large print makes this common), so it keeps just its first two
    flowables (a heading and what follows) together and lets the rest flow.
    """

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        frame_height = self._frame_height(aH)
        height = self._H
        lead = self.NullActionFlowable()  # ReportLab places a split's first piece at once
        if height > aH and aH >= SPLIT_ROOM * frame_height:
            # Moved whole, it would leave a part-empty page: start it here instead.
            parts = self._split_where_room_ends(aW, aH)
            if parts:
                return [lead, *parts]
        if height <= KEEP_LIMIT * frame_height or height <= aH:
            return super().split(aW, aH)
        if len(self._content) > 2:
            return [lead, KeepTogether(self._content[:2]), *self._content[2:]]
        return [lead, *self._content]

    def _frame_height(self, aH: float) -> float:
        frame = getattr(self, "_frame", None)
        return max(frame._height if frame is not None else aH, self.page_height)

    def _split_where_room_ends(self, aW: float, aH: float) -> list[Flowable]:
        """Its first flowables (at least two: a heading and what follows) kept together in
        `aH`, the rest after them; [] when fewer than two fit. A bullet list may be cut
        between its items, with at least ORPHAN_ITEMS of them on each side."""
        if any(isinstance(f, KeepTogether) for f in self._content):
            return []
        content = bullet_items(self._content)
        used, count = 0.0, 0
        for flowable in content:
            need = _height(flowable, aW, aH)
            if used + need > aH:
                break
            used, count = used + need, count + 1
        while 0 < count < len(content) and _orphans(content, count):
            used -= _height(content[count - 1], aW, aH)
            count -= 1  # cut earlier: never one item of a list alone on a page
        if count < 2 or count == len(content):
            return []
        rest = list(content[count:])
        if aH - used < SPLIT_ROOM / 2 * self._frame_height(aH):
            from reportlab.platypus.doctemplate import FrameBreak

            rest.insert(0, FrameBreak())  # no sliver of a box under it: on in the next frame
        return [KeepTogether(content[:count]), *rest]


ORPHAN_ITEMS = 2  # a bullet list split between pages keeps this many items on each side


def bullet_items(content: list[Flowable]) -> list[Flowable]:
    """`content` with each bullet list opened into its items, so that a group may split
    between them (numbered steps stay whole: a step read without the one before is lost)."""
    out: list[Flowable] = []
    for flowable in content:
        if isinstance(flowable, ListFlowable) and flowable._bulletType == "bullet":
            for item in flowable._content:
                item.list_of = flowable
                out.append(item)
        else:
            out.append(flowable)
    return out


def _height(flowable: Flowable, width: float, height: float) -> float:
    """The room `flowable` takes in a frame: its height and the space around it."""
    return flowable.wrap(width, height)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()


def _orphans(content: list[Flowable], count: int) -> bool:
    """Whether cutting `content` before `count` cuts inside a bullet list's item, or leaves
    fewer than ORPHAN_ITEMS of its items on either side of the cut."""
    owner = getattr(content[count], "list_of", None)
    if owner is None:
        return False
    if not _starts_item(content[count]):
        return True  # an item's second paragraph: it stays with its bullet

    def items(pieces: list[Flowable]) -> int:
        return sum(1 for p in pieces if getattr(p, "list_of", None) is owner and _starts_item(p))

    return items(content[:count]) < ORPHAN_ITEMS or items(content[count:]) < ORPHAN_ITEMS


def _starts_item(piece: Flowable) -> bool:
    """Whether a piece of an opened list starts an item (it carries the bullet); an item of
    several paragraphs opens into one piece a paragraph."""
    return getattr(piece, "_bullet", None) is not None


class WholeIfShort(Table):
    """A table that moves on whole while it is at most `keep_height` tall, and splits
    (as a Table does) when taller, or when the next frame cannot hold it either."""

    keep_height = 0.0

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        moved = getattr(self, "_postponed", False)  # ReportLab's mark: moved on once already
        if not moved and self.wrap(availWidth, 100_000)[1] <= self.keep_height:
            return []
        return super().split(availWidth, availHeight)


def run_in_headings(blocks: tuple[doc.Block, ...]) -> tuple[doc.Block, ...]:
    """A sub-heading followed by a paragraph runs into it in bold ("The twitch. During...").

    It saves a line and its spacing per sub-heading; a heading over a list stays a heading.
    """
    out: list[doc.Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        if isinstance(block, doc.Heading) and block.level >= 3 and isinstance(after, doc.Paragraph):
            title = doc.plain_text(block.spans).strip()
            lead = title if title[-1:] in ".:?!" else title + "."
            out.append(doc.Paragraph((doc.Span(lead + " ", bold=True), *after.spans)))
            index += 2
            continue
        out.append(block)
        index += 1
    return tuple(out)


def _is_short_list(block: doc.Block) -> bool:
    """A list short enough that splitting it across pages would only confuse."""
    return isinstance(block, doc.ListBlock) and len(block.items) <= SHORT_LIST_ITEMS


class FlowableBuilder:
    """Turns document blocks into flowables with one set of styles."""

    def __init__(
        self,
        styles: Styles,
        width: float,
        fonts: FontSet | None = None,
        strings: Strings | None = None,
        booking: tuple[str, str] | None = None,
    ) -> None:
        self.styles = styles
        self.width = width
        self.fonts = fonts
        self.strings = strings or english()
        self.booking = booking
        self.large_print = styles.body_size > 12
        self.page_height = 0.0  # the tallest body frame (keeps compare with it)
        # layout choices made once per handout and reused by every try (shared when narrowed)
        self.memo: dict[object, object] = {}

    def narrowed(self, width: float) -> FlowableBuilder:
        """The same builder for a narrower space (a column, a card, a panel cell)."""
        narrow = FlowableBuilder(self.styles, width, self.fonts, self.strings, self.booking)
        narrow.page_height = self.page_height
        narrow.memo = self.memo
        return narrow

    def keep(self, flowables: list[Flowable]) -> KeepTogetherIfShort:
        """Flowables kept on one page while short (measured against the tallest frame)."""
        group = KeepTogetherIfShort(flowables)
        group.page_height = self.page_height
        return group

    def rule(self) -> HRFlowable:
        """The thin accent rule under a section heading."""
        return HRFlowable(
            width="100%", thickness=1.2, color=self.styles.accent, spaceBefore=1, spaceAfter=6
        )

    def para(self, content: doc.Inline | str, style) -> Paragraph:
        """A paragraph of spans or plain text in `style`, escaped, with fallback fonts."""
        spans = (doc.Span(content),) if isinstance(content, str) else content
        return Paragraph(markup(spans, self.fonts, *style_flags(style, self.fonts)), style)

    def table_style(self, commands: list[tuple]) -> TableStyle:
        """A TableStyle whose cells start in the body font (not ReportLab's Helvetica)."""
        return TableStyle([("FONTNAME", (0, 0), (-1, -1), self.styles.body.fontName), *commands])

    def handout(self, document: doc.Document) -> list[Flowable]:
        """Every flowable of a handout, title to notes box."""
        story: list[Flowable] = [self.para(document.title, self.styles.title)]
        if document.subtitle:
            story.append(self.para(document.subtitle, self.styles.subtitle))
        story.append(self.meta_line(document))
        story.append(Spacer(1, 8))
        story += self.blocks(document.intro, self.styles.intro)
        for section in document.sections:
            story += self.section(section)
        if self.booking:
            story.append(KeepTogetherIfShort([self.booking_block(*self.booking)]))
        if document.notes_box:
            story += self.notes_box(document.notes_box)
        return story

    def booking_block(self, link: str, label: str) -> Flowable:
        """The clinic's label, the QR code, and the link printed under it, kept together."""
        from handouts.pdf.qr import qr_drawing

        styles = self.styles
        link_style = styles.body.clone("link", spaceBefore=2)  # 12 pt like every printed word
        drawing = qr_drawing(link)
        drawing.hAlign = "LEFT"
        parts: list[Flowable] = [Spacer(1, 12)]
        if label:
            parts.append(self.para(label, styles.callout_label))
        parts += [drawing, self.para(link, link_style)]
        return KeepTogether(parts)

    def meta_line(self, document: doc.Document) -> Flowable:
        """The patient / practitioner / date line, on a light band."""
        fields = [
            (self.strings["for"], document.patient),
            (self.strings["from"], document.practitioner),
            (self.strings["date"], document.date_text),
        ]
        fonts = self.fonts
        labelled = self.strings.labelled
        parts = [
            f"<b>{text_markup(labelled(label), fonts, bold=True)}</b>&nbsp;"
            f"{text_markup(value, fonts)}"
            for label, value in fields[:2]
            if value
        ]
        label, date = fields[2]
        # The date never breaks inside ("November / 21, 2026" reads badly).
        date_markup = text_markup(date, fonts).replace(" ", "&nbsp;")
        parts.append(f"<b>{text_markup(labelled(label), fonts, bold=True)}</b>&nbsp;{date_markup}")
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
        heading = [self.para(section.title, self.styles.section), self.rule()]
        body = self.blocks(section.blocks, self.styles.body)
        if not body:
            return heading
        if isinstance(body[0], Paragraph):
            # A paragraph may break after its first lines: the heading needs room for
            # itself and three lines of it, not for all of it (short page-1 columns).
            title = heading[0]
            title.keepWithNext = 0
            room = title.wrap(self.width, 1000)[1] + self.styles.section.spaceBefore + 14
            room += 3 * self.styles.body.leading
            return [CondPageBreak(room), *heading, *body]
        first = body[0]._content if isinstance(body[0], KeepTogetherIfShort) else body[:1]
        return [
            CondPageBreak(self.styles.body_size * 6),
            self.keep(heading + list(first)),
            *body[1:],
        ]

    def blocks(self, blocks: tuple[doc.Block, ...], style, keep: bool = True) -> list[Flowable]:
        """Flowables for a run of blocks; `style` is used for plain paragraphs.

        A sub-heading stays with what follows it, a callout with what it comments
        on, and a short list of steps is never split across pages.
        """
        from handouts.pdf.figure import with_steps

        # a sub-heading runs into its paragraph; a figure and the steps under it sit side by side
        blocks = with_steps(run_in_headings(blocks))
        groups: list[tuple[list[doc.Block], list[Flowable]]] = []
        for index, block in enumerate(blocks):
            flowables = self.block(block, style)
            previous = blocks[index - 1] if index > 0 else None
            follows_heading = isinstance(previous, doc.Heading)
            # A callout stays with what it comments on, except after a card (whole by itself).
            comments = isinstance(block, doc.Callout) and not isinstance(previous, doc.Card)
            if groups and (follows_heading or comments):
                groups[-1][0].append(block)
                groups[-1][1].extend(flowables)
            else:
                groups.append(([block], flowables))
        out: list[Flowable] = []
        for members, flowables in groups:
            if keep and (len(flowables) > 1 or _is_short_list(members[0])):
                out.append(self.keep(flowables))
            else:
                out += flowables
        return out

    def block(self, block: doc.Block, style) -> list[Flowable]:
        """Flowables for one block."""
        if isinstance(block, doc.Paragraph):
            return [self.para(block.spans, style)]
        if isinstance(block, doc.Heading):
            return [self.para(block.spans, self.styles.subheading)]
        if isinstance(block, doc.ListBlock):
            return [self.list_block(block)]
        if isinstance(block, doc.Callout):
            return [Spacer(1, 2), self.callout(block), Spacer(1, 5)]
        if isinstance(block, doc.Table):
            return [Spacer(1, 2), self.table(block), Spacer(1, 8)]
        from handouts.pdf.figure import FigureWithSteps, figure_block

        if isinstance(block, (doc.Figure, FigureWithSteps)):
            return [figure_block(self, block)]
        if isinstance(block, doc.Card):
            from handouts.pdf.parts import card

            return [card(self, block)]
        raise TypeError(f"unknown block {type(block).__name__}")

    def list_block(self, block: doc.ListBlock) -> Flowable:
        """Numbered steps (bold numbers) or bullets."""
        size = self.styles.body_size
        items = [
            ListItem(self.blocks(item, self.styles.list_item, keep=False) or [Spacer(1, 1)])
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
                leftIndent=size * 1.6,
                bulletFormat="%s.",
                spaceAfter=3,
            )
        return ListFlowable(
            items,
            bulletType="bullet",
            start="\u2022",
            bulletFontName=self.styles.body.fontName,
            bulletFontSize=size,
            bulletColor=self.styles.primary,
            leftIndent=size * 1.3,
            spaceAfter=3,
        )

    def callout(self, block: doc.Callout) -> Flowable:
        """A tinted box with a coloured bar and a label; splits between and inside its rows."""
        background, bar = CALLOUT_COLOURS[block.kind]
        blocks = list(block.blocks)
        label = doc.Span(self.strings[block.kind] + ": ", bold=True)
        flowables: list[Flowable] = []
        opening = blocks[0] if blocks else None
        if isinstance(opening, doc.Paragraph):
            # The label runs in at the start of the first paragraph: one line saved.
            blocks.pop(0)
            first = self.para((label, *opening.spans), self.styles.body)
            first.style = first.style.clone("callout_first", spaceAfter=2)
            flowables.append(first)
        else:
            flowables.append(self.para((label,), self.styles.callout_label))
        flowables += self.blocks(tuple(blocks), self.styles.body, keep=False)
        return self.tinted([[f] for f in flowables], self.width, background, bar)

    def tinted(
        self, rows: list[list], width: float, background, bar, ends: tuple[float, float] = (5, 3)
    ) -> Table:
        """Rows in a tinted box with a coloured bar down its left (a callout, the notes);
        `ends` pads above the first row and below the last. A short box moves to the next
        page whole; a tall one splits between and inside its rows."""
        table = WholeIfShort(rows, colWidths=[width], splitByRow=1, splitInRow=1)
        table.keep_height = KEEP_LIMIT * self.page_height
        table.setStyle(
            self.table_style(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), background),
                    ("LINEBEFORE", (0, 0), (0, -1), 4, bar),
                    *box_padding((12, 10), (1, 1), *ends),
                ]
            )
        )
        return table

    def table(self, block: doc.Table) -> Flowable:
        """A plain grid with a tinted header row; a cell taller than a page splits across pages."""
        columns = max([1, len(block.header), *(len(row) for row in block.rows)])
        cell = self.styles.table_cell
        header_style = cell.clone("th", fontName=self.styles.callout_label.fontName)
        rows = []
        if block.header:
            rows.append([self.para(c, header_style) for c in block.header])
        for row in block.rows:
            cells = [self.para(c, cell) for c in row]
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
        return table

    def notes_box(self, notes: doc.NotesBox) -> list[Flowable]:
        """The practitioner's notes in a box, then ruled lines to write on.

        The heading never ends a page alone, and the writing lines shrink (down to
        MIN_WRITING_LINES) to fit the page they start on rather than spill onto a new one.
        """
        line_height = self.styles.body_size * 2.1
        heading = self.para(self.strings["notes_heading"], self.styles.section)
        heading.keepWithNext = 0  # kept with what follows by the CondPageBreak below
        first_rows = min(notes.writing_lines, MIN_WRITING_LINES) * line_height
        out: list[Flowable] = [CondPageBreak(self.styles.body_size * 4 + first_rows), heading]
        out.append(Spacer(1, 4))
        if notes.notes:
            rows = [[self.para(note, self.styles.body)] for note in notes.notes]
            table = Table(rows, colWidths=[self.width], splitByRow=1, splitInRow=1)
            table.setStyle(
                self.table_style(
                    [
                        ("BOX", (0, 0), (-1, -1), 1, MUTED),
                        ("LEFTPADDING", (0, 0), (-1, -1), 10),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                        ("TOPPADDING", (0, 0), (-1, 0), 8),
                        ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
                    ]
                )
            )
            out.append(table)
        if notes.writing_lines:
            out.append(WritingLines(notes.writing_lines, line_height, open_top=bool(notes.notes)))
        return out


MIN_WRITING_LINES = 2


class WritingLines(Flowable):
    """A box of ruled lines to write on: as many as fit where it lands, within limits."""

    def __init__(self, most: int, line_height: float, open_top: bool = False) -> None:
        super().__init__()
        self.most = most
        self.least = min(most, MIN_WRITING_LINES)
        self.line_height = line_height
        self.open_top = open_top
        self.lines = most

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        fits = int(aH // self.line_height)
        self.lines = max(self.least, min(self.most, fits))
        self.width = aW
        return aW, self.lines * self.line_height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []  # never split: it shrinks instead, or moves whole to the next page

    def draw(self) -> None:
        canvas, width = self.canv, self.width
        height = self.lines * self.line_height
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        for index in range(1, self.lines):
            y = index * self.line_height
            canvas.line(10, y, width - 10, y)
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(1)
        canvas.line(0, 0, width, 0)
        canvas.line(0, 0, 0, height)
        canvas.line(width, 0, width, height)
        if not self.open_top:
            canvas.line(0, height, width, height)
        canvas.restoreState()
