"""Before drawing: every character that will be printed must have a font that draws it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from handouts import document as doc
from handouts.errors import Problem, RenderError
from handouts.library.strings import Strings
from handouts.pdf.fonts import FontSet
from handouts.workspace.clinic import Clinic

HOW_TO_ADD = (
    "add a static .ttf font that has them to clinic.yaml, e.g. "
    "fonts: {fallback: [fonts/NotoSansSC-Regular.ttf]}"
)


def check_coverage(
    document: doc.Document, clinic: Clinic, strings: Strings, fonts: FontSet
) -> None:
    """Raise RenderError naming each text with characters no configured font can draw."""
    problems = missing_glyphs(printed_texts(document, clinic, strings), fonts)
    if problems:
        raise RenderError(problems)


def missing_glyphs(texts: Iterable[tuple[str, str]], fonts: FontSet) -> list[Problem]:
    """One problem at the first (where, text) holding characters no font draws, naming
    them and how to add a font; each character is reported once."""
    problems = []
    seen: set[str] = set()
    for where, text in texts:
        missing = [ch for ch in fonts.missing(text) if ch not in seen]
        if not missing:
            continue
        seen.update(missing)
        listed = ", ".join(f'"{ch}" (U+{ord(ch):04X})' for ch in missing)
        problems.append(Problem(where, f"no font can print {listed}; {HOW_TO_ADD}"))
    return problems


def printed_texts(
    document: doc.Document, clinic: Clinic, strings: Strings
) -> Iterator[tuple[str, str]]:
    """(where, text) for every text the PDF prints."""
    yield "--patient", document.patient
    yield "--practitioner", document.practitioner
    yield "title", document.title
    yield "subtitle", document.subtitle
    yield "date", document.date_text
    for block in document.intro:
        yield "intro", block_text(block)
    sections = [*document.sections, *([document.warning] if document.warning else [])]
    for section in sections:
        yield f"section {section.id}", section.title
        yield f"section {section.id}: key_point", doc.plain_text(section.key_point)
        for block in section.blocks:
            yield f"section {section.id}", block_text(block)
    if document.tracker:
        for text in (*document.tracker.days, *document.tracker.rows):
            yield "tracker", text
    if document.notes_box:
        for note in document.notes_box.notes:
            yield "--note", note
    for text in clinic.texts():
        yield "clinic.yaml", text
    for key, text in strings.labels.items():
        yield f"strings.yaml: {key}", text


def block_text(block: doc.Block) -> str:
    """All text inside a block, joined."""
    return " ".join(text for inner in doc.walk((block,)) for text in doc.own_texts(inner))
