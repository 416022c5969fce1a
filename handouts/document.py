"""The renderer-independent document: a tree of blocks the PDF stage lays out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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


Block = Heading | Paragraph | ListBlock | Callout | Table


@dataclass(frozen=True)
class DocSection:
    """One section of advice with its title."""

    id: str
    title: str
    blocks: tuple[Block, ...]


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


def plain_text(spans: Inline) -> str:
    """The text of some spans without styling."""
    return "".join(span.text for span in spans)


def walk(blocks: Iterable[Block]) -> Iterator[Block]:
    """Every block and every block inside it, depth first in printed order: a list's items,
    and what any container (a tip or caution box, an exercise card) holds in `blocks`."""
    for block in blocks:
        yield block
        if isinstance(block, ListBlock):
            for item in block.items:
                yield from walk(item)
        else:
            yield from walk(getattr(block, "blocks", ()))
