"""Before drawing: every character that will be printed must have a font that draws it."""

from __future__ import annotations

from collections.abc import Iterator

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
    problems = []
    seen: set[str] = set()
    for where, text in printed_texts(document, clinic, strings):
        missing = [ch for ch in fonts.missing(text) if ch not in seen]
        if not missing:
            continue
        seen.update(missing)
        listed = ", ".join(f'"{ch}" (U+{ord(ch):04X})' for ch in missing)
        problems.append(Problem(where, f"no font can print {listed}; {HOW_TO_ADD}"))
    if problems:
        raise RenderError(problems)


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
    if isinstance(block, (doc.Paragraph, doc.Heading)):
        return doc.plain_text(block.spans)
    if isinstance(block, doc.ListBlock):
        return " ".join(block_text(inner) for item in block.items for inner in item)
    if isinstance(block, doc.Callout):
        return " ".join(block_text(inner) for inner in block.blocks)
    if isinstance(block, doc.Table):
        cells = [*block.header, *(cell for row in block.rows for cell in row)]
        return " ".join(doc.plain_text(cell) for cell in cells)
    if isinstance(block, doc.Card):
        inner = " ".join(block_text(b) for b in block.blocks)
        dose = " ".join(item.value for item in block.dose)
        return f"{doc.plain_text(block.title)} {inner} {dose}"
    return ""
