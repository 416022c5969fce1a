"""Document blocks as plain terminal text: what `handouts show` prints."""

from __future__ import annotations

import textwrap

from handouts.document import (
    Block,
    Callout,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    Table,
    plain_text,
)

WIDTH = 88


def blocks_as_text(blocks: tuple[Block, ...], indent: str = "") -> str:
    """Render blocks as wrapped plain text, one blank line between blocks."""
    parts = [_block(block, indent) for block in blocks]
    return "\n\n".join(part for part in parts if part)


def _wrap(text: str, first: str, rest: str) -> str:
    return textwrap.fill(
        " ".join(text.split()), WIDTH, initial_indent=first, subsequent_indent=rest
    )


def _block(block: Block, indent: str) -> str:
    if isinstance(block, Heading):
        title = plain_text(block.spans)
        return f"{indent}{title}\n{indent}{'-' * len(title)}"
    if isinstance(block, Paragraph):
        return _wrap(plain_text(block.spans), indent, indent)
    if isinstance(block, ListBlock):
        lines = []
        for number, item in enumerate(block.items, start=block.start):
            marker = f"{number}. " if block.ordered else "- "
            body = blocks_as_text(item, indent + " " * len(marker)).lstrip()
            lines.append(f"{indent}{marker}{body}")
        return "\n".join(lines)
    if isinstance(block, Callout):
        inner = blocks_as_text(block.blocks, indent + "  | ")
        return f"{indent}  [{block.kind.upper()}]\n{inner}"
    if isinstance(block, Table):
        rows = [block.header, *block.rows] if block.header else list(block.rows)
        return "\n".join(indent + " | ".join(plain_text(cell) for cell in row) for row in rows)
    if isinstance(block, Figure):
        return f"{indent}[picture: {block.caption}]"
    return ""
