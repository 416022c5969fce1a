"""Every built-in section reads plainly in every language and for every treatment a sheet
can follow: English at Flesch-Kincaid grade 6 or below, Spanish at Fernández-Huerta 70 or
above, French at Kandel-Moles 70 or above (textstat; its data ships with it, nothing is
downloaded)."""

from __future__ import annotations

import datetime as dt

import pytest

from handouts.build.fill import base_context, fill_section
from handouts.build.markup import parse_markdown
from handouts.build.request import Request
from handouts.library.loader import load_library
from handouts.library.model import TREATMENTS
from handouts.text.readability import prose
from handouts.workspace.clinic import Clinic

CASES = [
    (lang, section_id)
    for lang in ("en", "es", "fr")
    for section_id in sorted(load_library(lang=lang).sections)
]


def prose_for(lang: str, section_id: str, treatment: str) -> str:
    section = load_library(lang=lang).sections[section_id]
    request = Request(template="", date=dt.date(2026, 1, 1), lang=lang)
    context = base_context(request, Clinic(), treatment)
    return prose(parse_markdown(fill_section(section, section.defaults(), context)))


@pytest.mark.parametrize(("lang", "section_id"), CASES)
def test_each_section_reads_plainly_for_every_treatment(lang, section_id):
    import textstat

    try:
        textstat.set_lang(lang if lang != "en" else "en_US")
        for treatment in ("", *TREATMENTS):
            text = prose_for(lang, section_id, treatment)
            if lang == "en":
                assert textstat.flesch_kincaid_grade(text) <= 6.0, treatment
            elif lang == "es":
                assert textstat.fernandez_huerta(text) >= 70, treatment
            else:  # textstat's French reading ease is the Kandel-Moles formula
                assert textstat.flesch_reading_ease(text) >= 70, treatment
    finally:
        textstat.set_lang("en_US")
