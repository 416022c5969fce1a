"""Document blocks as plain terminal text: what `handouts show` prints."""

from __future__ import annotations

import textwrap

from handouts.document import (
    Block,
    Callout,
    Card,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    Table,
    plain_text,
)
from handouts.library.strings import Strings, english

WIDTH = 88


def blocks_as_text(
    blocks: tuple[Block, ...], indent: str = "", strings: Strings | None = None
) -> str:
    """Render blocks as wrapped plain text, one blank line between blocks; a card's dose
    strip in the words of `strings` (English by default)."""
    parts = [_block(block, indent, strings) for block in blocks]
    return "\n\n".join(part for part in parts if part)


def _wrap(text: str, first: str, rest: str) -> str:
    return textwrap.fill(
        " ".join(text.split()), WIDTH, initial_indent=first, subsequent_indent=rest
    )


def _block(block: Block, indent: str, strings: Strings | None = None) -> str:
    if isinstance(block, Heading):
        title = plain_text(block.spans)
        return f"{indent}{title}\n{indent}{'-' * len(title)}"
    if isinstance(block, Paragraph):
        return _wrap(plain_text(block.spans), indent, indent)
    if isinstance(block, ListBlock):
        lines = []
        for number, item in enumerate(block.items, start=block.start):
            marker = f"{number}. " if block.ordered else "- "
            body = blocks_as_text(item, indent + " " * len(marker), strings).lstrip()
            lines.append(f"{indent}{marker}{body}")
        return "\n".join(lines)
    if isinstance(block, Callout):
        inner = blocks_as_text(block.blocks, indent + "  | ", strings)
        return f"{indent}  [{block.kind.upper()}]\n{inner}"
    if isinstance(block, Table):
        rows = [block.header, *block.rows] if block.header else list(block.rows)
        return "\n".join(indent + " | ".join(plain_text(cell) for cell in row) for row in rows)
    if isinstance(block, Figure):
        return f"{indent}[picture: {block.caption}]"
    if isinstance(block, Card):
        title = plain_text(block.title)
        parts = [f"{indent}{title}\n{indent}{'-' * len(title)}"]
        if block.figure:
            parts.append(_block(block.figure, indent))
        parts.append(blocks_as_text(block.blocks, indent, strings))
        if block.dose:
            words = strings or english()
            dose = " \u00b7 ".join("".join(words.dose(d.kind, d.value)) for d in block.dose)
            parts.append(f"{indent}[ ] {dose}")
        return "\n\n".join(part for part in parts if part)
    return ""
