"""The renderer-independent document: a tree of blocks the PDF stage lays out."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A run of text with one style. The text is always literal, never markup."""

    text: str
    bold: bool = False
    italic: bool = False


Inline = tuple[Span, ...]


@dataclass(frozen=True)
class Heading:
    """A heading inside a section (level 1 is the biggest the body may use)."""

    level: int
    spans: Inline


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of styled runs."""

    spans: Inline


@dataclass(frozen=True)
class ListBlock:
    """A bullet list or a numbered list of steps."""

    ordered: bool
    items: tuple[tuple[Block, ...], ...]
    start: int = 1


@dataclass(frozen=True)
class Callout:
    """A boxed tip or caution."""

    kind: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Table:
    """A simple table: a header row and body rows of inline cells."""

    header: tuple[Inline, ...]
    rows: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True)
class Figure:
    """A picture of an exercise: `![caption](figure:id)` in a section.

    `target` is what the Markdown named (normally `figure:<id>`); `art` is filled in when
    the figure is resolved: a vector drawing (figures.shapes.Drawing) or a clinic picture
    (figures.model.Picture). The caption is always printed under it.
    """

    id: str
    caption: str
    target: str = ""
    art: object = None


@dataclass(frozen=True)
class DoseItem:
    """One number of an exercise's dose: `kind` is hold, reps, sets, daily or minutes."""

    kind: str
    value: str


@dataclass(frozen=True)
class Card:
    """One exercise (a `###` block): its title, picture slot, steps and dose strip."""

    title: Inline
    blocks: tuple[Block, ...]
    dose: tuple[DoseItem, ...] = ()
    figure: Figure | None = None


Block = Heading | Paragraph | ListBlock | Callout | Table | Figure | Card


@dataclass(frozen=True)
class DocSection:
    """One section of advice with its title, category and one-line key point."""

    id: str
    title: str
    blocks: tuple[Block, ...]
    category: str = ""
    key_point: Inline = ()


@dataclass(frozen=True)
class Tracker:
    """A week grid: day labels across, the plan's exercises and self-care items down."""

    days: tuple[str, ...]
    rows: tuple[str, ...]


@dataclass(frozen=True)
class NotesBox:
    """The practitioner's notes, plus ruled lines to write on."""

    notes: tuple[str, ...]
    writing_lines: int


@dataclass(frozen=True)
class Document:
    """A whole handout, ready for layout."""

    title: str
    subtitle: str
    patient: str
    practitioner: str
    date_text: str
    intro: tuple[Block, ...]
    sections: tuple[DocSection, ...]
    notes_box: NotesBox | None
    warning: DocSection | None = None
    tracker: Tracker | None = None

    def plan_points(self) -> tuple[Inline, ...]:
        """The key point of every section that has one, in order ("Your plan")."""
        return tuple(s.key_point for s in self.sections if s.key_point)


def plain_text(spans: Inline) -> str:
    """The text of some spans without styling."""
    return "".join(span.text for span in spans)


def walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Every block, depth first: a list's items and a callout's contents follow their holder.

    The one walk of the tree: font coverage, the text view, readability and checks use it.
    """
    for block in blocks:
        yield block
        if isinstance(block, ListBlock):
            for item in block.items:
                yield from walk(item)
        elif isinstance(block, (Callout, Card)):
            yield from walk(block.blocks)


def own_texts(block: Block) -> list[str]:
    """The texts a block holds itself, not in the blocks inside it: a paragraph's or
    heading's text, a table's header and cells."""
    if isinstance(block, (Paragraph, Heading)):
        return [plain_text(block.spans)]
    if isinstance(block, Table):
        return [plain_text(cell) for cell in (*block.header, *(c for r in block.rows for c in r))]
    if isinstance(block, Card):
        caption = [block.figure.caption] if block.figure else []
        return [plain_text(block.title), *caption, *(item.value for item in block.dose)]
    if isinstance(block, Figure):
        return [block.caption]
    return []
