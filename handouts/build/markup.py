"""Markdown (already filled) to document blocks, with markdown-it-py.

Supported: headings, paragraphs with bold and italic, bullet and numbered
lists, `:::tip` / `:::caution` callouts, pipe tables and figures
(`![caption](figure:id)`, a Figure block after its paragraph's text). Raw HTML is off: any
`<tag>` in the text stays literal text.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.container import container_plugin

from handouts.build.fill import FilledHandout, FilledSection
from handouts.document import (
    Block,
    Callout,
    DocSection,
    Document,
    Figure,
    Heading,
    Inline,
    ListBlock,
    NotesBox,
    Paragraph,
    Span,
    Table,
    Tracker,
    plain_text,
)

CALLOUT_KINDS = ("tip", "caution")
WRITING_LINES = 4
WARNING_SECTION = "when-to-call"  # printed as the warning-signs panel on page 1


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    for kind in CALLOUT_KINDS:
        parser.use(container_plugin, name=kind)
    return parser


@lru_cache(maxsize=512)
def parse_markdown(text: str) -> tuple[Block, ...]:
    """Parse Markdown into document blocks (immutable, so equal texts share one parse)."""
    root = SyntaxTreeNode(_parser().parse(text))
    return tuple(_blocks(root.children))


def build_section(section: FilledSection) -> DocSection:
    """One filled section as document blocks, with cards where it is an exercise."""
    from handouts.build.cards import CARD_CATEGORIES, with_cards

    blocks = parse_markdown(section.markdown)
    if section.category in CARD_CATEGORIES:
        blocks = with_cards(blocks, section.dose)
    key_point: Inline = ()
    if section.key_point:
        first = parse_markdown(section.key_point)
        if first and isinstance(first[0], Paragraph):
            key_point = first[0].spans
    return DocSection(section.id, section.title, blocks, section.category, key_point)


def build_document(filled: FilledHandout) -> Document:
    """Parse every filled text of a handout into one document."""
    from handouts.build.cards import tracker_rows

    parsed = [build_section(section) for section in filled.sections]
    warning = next((s for s in parsed if s.id == WARNING_SECTION), None)
    sections = tuple(s for s in parsed if s is not warning)
    tracker = None
    rows = tracker_rows(sections)
    if filled.tracker_days and rows:
        tracker = Tracker(filled.tracker_days, rows)
    notes_box = None
    if filled.notes_box or filled.notes:
        notes_box = NotesBox(filled.notes, WRITING_LINES if filled.notes_box else 0)
    return Document(
        title=filled.title,
        subtitle=filled.subtitle,
        patient=filled.patient,
        practitioner=filled.practitioner,
        date_text=filled.date_text,
        intro=parse_markdown(filled.intro),
        sections=sections,
        notes_box=notes_box,
        warning=warning,
        tracker=tracker,
    )


def _blocks(nodes: list[SyntaxTreeNode]) -> list[Block]:
    blocks: list[Block] = []
    for node in nodes:
        blocks.extend(_block(node))
    return blocks


def _block(node: SyntaxTreeNode) -> list[Block]:
    kind = node.type
    if kind == "paragraph":
        return _paragraph(node)
    if kind == "heading":
        return [Heading(int(node.tag[1]), _inline(node))]
    if kind in ("bullet_list", "ordered_list"):
        items = tuple(tuple(_blocks(item.children)) for item in node.children)
        start = int(node.attrs.get("start", 1)) if kind == "ordered_list" else 1
        return [ListBlock(kind == "ordered_list", items, start)]
    if kind.startswith("container_"):
        return [Callout(kind.removeprefix("container_"), tuple(_blocks(node.children)))]
    if kind == "table":
        return [_table(node)]
    if kind in ("code_block", "fence"):
        return [Paragraph((Span(node.content.rstrip("\n")),))]
    if kind == "blockquote":
        return _blocks(node.children)
    return []  # hr and anything else carry no text


def _table(node: SyntaxTreeNode) -> Table:
    header: tuple[Inline, ...] = ()
    rows: list[tuple[Inline, ...]] = []
    for part in node.children:
        for row in part.children:
            cells = tuple(_inline(cell) for cell in row.children)
            if part.type == "thead":
                header = cells
            else:
                rows.append(cells)
    return Table(header, tuple(rows))


FIGURE_SCHEME = "figure:"


def _paragraph(node: SyntaxTreeNode) -> list[Block]:
    """A paragraph; each image in it, `![caption](figure:id)`, becomes a Figure after it."""
    images = [child for child in _walk(node) if child.type == "image"]
    if not images:
        return [Paragraph(_inline(node))]
    spans = _inline(node, skip_images=True)
    blocks: list[Block] = [Paragraph(spans)] if plain_text(spans).strip() else []
    for image in images:
        target = str(image.attrs.get("src", ""))
        caption = " ".join(plain_text(_merge(_spans_of(image.children))).split())
        figure_id = target.removeprefix(FIGURE_SCHEME) if target.startswith(FIGURE_SCHEME) else ""
        blocks.append(Figure(figure_id, caption, target))
    return blocks


def _walk(node: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    out = []
    for child in node.children:
        out.append(child)
        if child.type != "image":
            out += _walk(child)
    return out


def _spans_of(nodes: list[SyntaxTreeNode]) -> list[Span]:
    spans: list[Span] = []
    _collect(nodes, False, False, spans)
    return spans


def _inline(node: SyntaxTreeNode, skip_images: bool = False) -> Inline:
    spans: list[Span] = []
    for child in node.children:
        if child.type == "inline":
            _collect(child.children, False, False, spans, skip_images)
    return _merge(spans)


def _collect(
    nodes: list[SyntaxTreeNode], bold: bool, italic: bool, spans: list[Span], skip: bool = False
) -> None:
    for node in nodes:
        kind = node.type
        if skip and kind == "image":
            continue
        if kind in ("text", "code_inline", "html_inline"):
            spans.append(Span(node.content, bold, italic))
        elif kind == "softbreak":
            spans.append(Span(" ", bold, italic))
        elif kind == "hardbreak":
            spans.append(Span("\n", bold, italic))
        elif kind == "strong":
            _collect(node.children, True, italic, spans, skip)
        elif kind == "em":
            _collect(node.children, bold, True, spans, skip)
        else:  # links (and images outside paragraphs): keep their words, drop the target
            _collect(node.children, bold, italic, spans, skip)


def _merge(spans: list[Span]) -> Inline:
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if merged and (merged[-1].bold, merged[-1].italic) == (span.bold, span.italic):
            merged[-1] = Span(merged[-1].text + span.text, span.bold, span.italic)
        else:
            merged.append(span)
    return tuple(merged)
