"""Exercise cards and the tracker's rows, built from a section's parsed blocks.

Each `###` block with numbered steps in an exercise, massage or self-care section becomes
a card: its title, its picture, its blocks (steps, a tip) and the section's dose.
When some cards' steps give the dose's numbers in bold ("hold for **12 seconds**"), only
those carry the dose strip: a "find the spot" card before a "press and hold" one does not.
"""

from __future__ import annotations

import re

from handouts.document import (
    Block,
    Callout,
    Card,
    DocSection,
    DoseItem,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    walk,
)

CARD_CATEGORIES = ("exercise", "massage", "self-care")
CARD_LEVEL = 3


def with_cards(blocks: tuple[Block, ...], dose: tuple[tuple[str, str], ...]) -> tuple[Block, ...]:
    """Blocks with every `###` block that has numbered steps turned into a card.

    A card runs to the next heading; a `###` block without steps ("Heat or not?" and its
    list) stays a sub-heading and its text, free to flow on into the next column. After
    the last card, what follows its first list and is not a callout attached to it (a
    closing note, a section caution) stays outside, under the cards.
    """
    values = {value for _, value in dose}
    named = any(_names_dose(_card_blocks(blocks, start), values) for start in _card_starts(blocks))
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if not (isinstance(block, Heading) and block.level == CARD_LEVEL):
            out.append(block)
            index += 1
            continue
        end = index + 1
        while end < len(blocks) and not isinstance(blocks[end], Heading):
            end += 1
        inner = list(blocks[index + 1 : end])
        tail: list[Block] = []
        if end == len(blocks):
            inner, tail = _split_tail(inner)
        if not any(isinstance(b, ListBlock) and b.ordered for b in inner):
            out += [block, *inner, *tail]
            index = end
            continue
        figure = next((b for b in inner if isinstance(b, Figure)), None)
        inner = [b for b in inner if b is not figure]
        carries = not named or _names_dose(inner, values)
        out.append(
            Card(block.spans, tuple(inner), _dose_for(inner, dose) if carries else (), figure)
        )
        out += tail
        index = end
    return tuple(out)


def _split_tail(inner: list[Block]) -> tuple[list[Block], list[Block]]:
    """Keep a last card's blocks up to its first list (and a tip right after it)."""
    for position, block in enumerate(inner):
        if isinstance(block, ListBlock):
            cut = position + 1
            after = inner[cut] if cut < len(inner) else None
            if isinstance(after, Callout) and after.kind == "tip":
                cut += 1
            return inner[:cut], inner[cut:]
    return inner, []


def _card_starts(blocks: tuple[Block, ...]) -> list[int]:
    return [i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.level == CARD_LEVEL]


def _card_blocks(blocks: tuple[Block, ...], start: int) -> list[Block]:
    """The blocks under the card heading at `start`, up to the next heading."""
    end = start + 1
    while end < len(blocks) and not isinstance(blocks[end], Heading):
        end += 1
    return list(blocks[start + 1 : end])


def _names_dose(inner: list[Block], values: set[str]) -> bool:
    """Whether a bold run in these blocks starts with one of the dose's numbers."""
    return any(
        span.bold and span.text.strip().split(" ")[0] in values
        for block in walk(tuple(inner))
        if isinstance(block, (Paragraph, Heading))
        for span in block.spans
    )


def _dose_for(inner: list[Block], dose: tuple[tuple[str, str], ...]) -> tuple[DoseItem, ...]:
    has_steps = any(isinstance(b, ListBlock) and b.ordered for b in inner)
    return tuple(DoseItem(kind, value) for kind, value in dose) if has_steps else ()


def tracker_rows(sections: tuple[DocSection, ...]) -> tuple[str, ...]:
    """The plan's exercise, massage and self-care sections, one tracker row each.

    One row a section, not a card: the grid stays short enough to share the last page.
    """
    rows = [
        section.title
        for section in sections
        if section.category in CARD_CATEGORIES
        and any(isinstance(b, Card) and b.dose for b in section.blocks)
    ]
    return tuple(dict.fromkeys(rows))


def short_title(text: str) -> str:
    """A title without its bracketed gloss: "Calf (back of the leg)" -> "Calf"."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", text).strip() or text
