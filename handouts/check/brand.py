"""`handouts check` for the clinic's look: its clinic.yaml, and fonts for every printed character.

The brand is validated by reading it (colour contrast, logo, fonts, paths all raise located
errors); here those errors become findings, and every text the library can print is
checked against the clinic's fonts, so a missing glyph is found before a patient's sheet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from handouts.build.fill import fill_section, section_context
from handouts.build.markup import parse_markdown
from handouts.check.findings import CheckContext, Finding, findings_of
from handouts.errors import HandoutsError
from handouts.library.model import Library
from handouts.workspace.clinic import Clinic
from handouts.workspace.folder import Workspace, load_clinic


def clinic_with_findings(workspace: Workspace) -> tuple[Clinic, list[Finding]]:
    """The workspace's brand, or the neutral one plus the findings that stopped it loading."""
    try:
        return load_clinic(workspace), []
    except HandoutsError as error:
        return Clinic(), findings_of("brand", error)


def fonts_check(context: CheckContext) -> Iterable[Finding]:
    """Every character the library and brand can print has a font (errors otherwise)."""
    from handouts.pdf.coverage import missing_glyphs
    from handouts.pdf.fonts import font_set

    texts = list(_printed_texts(context))
    try:
        fonts = font_set(context.clinic, (text for _, text in texts))
    except HandoutsError as error:
        yield from findings_of("fonts", error)
        return
    for problem in missing_glyphs(texts, fonts):
        yield Finding("error", "fonts", problem)


def _printed_texts(context: CheckContext) -> Iterator[tuple[str, str]]:
    yield "clinic.yaml", " ".join(context.clinic.texts())
    for lang, library in context.libraries.items():
        yield from _library_texts(library, context.clinic, lang)


def _library_texts(library: Library, clinic: Clinic, lang: str) -> Iterator[tuple[str, str]]:
    from handouts.text.view import blocks_as_text

    context = section_context(clinic, lang, dt.date(2026, 1, 1))
    for template in library.templates.values():
        yield template.path, " ".join((template.title, template.subtitle, template.intro))
    for section in library.sections.values():
        try:
            body = fill_section(section, section.defaults(), context)
        except HandoutsError:
            continue  # the render check reports sections that do not fill
        yield section.path, section.title + " " + blocks_as_text(parse_markdown(body))
