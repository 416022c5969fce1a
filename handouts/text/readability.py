"""Reading level of a section's prose (Flesch-Kincaid grade), measured with textstat.

Only sentences count: headings and bullets of one or two words are left out, and
each paragraph or list item is closed with a full stop if it has none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from handouts.build.fill import fill_section, section_context
from handouts.build.markup import parse_markdown
from handouts.document import Block, Paragraph, Table, plain_text, walk
from handouts.library.model import Section
from handouts.workspace.clinic import Clinic

MIN_WORDS = 3


def prose_units(blocks: tuple[Block, ...]) -> Iterator[str]:
    """The sentences-bearing texts of some blocks: paragraphs, list items, callouts, cells."""
    for block in walk(blocks):
        if isinstance(block, Paragraph):
            yield plain_text(block.spans)
        elif isinstance(block, Table):
            for row in block.rows:
                yield from (plain_text(cell) for cell in row)


def prose(blocks: tuple[Block, ...]) -> str:
    """Prose of some blocks as one text, each unit ending as a sentence."""
    sentences = []
    for unit in prose_units(blocks):
        unit = " ".join(unit.split())
        if len(unit.split()) < MIN_WORDS:
            continue
        sentences.append(unit if unit[-1] in ".!?:" else unit + ".")
    return " ".join(sentences)


def grade(text: str) -> float:
    """Flesch-Kincaid grade of a text (0 for no text)."""
    if not text.strip():
        return 0.0
    import textstat

    return round(float(textstat.flesch_kincaid_grade(text)), 1)


def section_prose(section: Section, clinic: Clinic | None = None) -> str:
    """A section's prose filled with its defaults."""
    context = section_context(clinic or Clinic(), date=dt.date(2026, 1, 1))
    return prose(parse_markdown(fill_section(section, section.defaults(), context)))


def section_grade(section: Section, clinic: Clinic | None = None) -> float:
    """Flesch-Kincaid grade of a section's prose with its defaults."""
    return grade(section_prose(section, clinic))
