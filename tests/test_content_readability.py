"""Every built-in section reads plainly in every language and for every treatment a sheet
can follow: English at Flesch-Kincaid grade 6 or below, Spanish at Fernández-Huerta 70 or
above, French at Kandel-Moles 70 or above (the scales `handouts check` uses; textstat's
data ships with it, nothing is downloaded)."""

from __future__ import annotations

import pytest

from handouts.library.loader import load_library
from handouts.text.readability import SCALES, section_score

CASES = [
    (lang, section_id)
    for lang in ("en", "es", "fr")
    for section_id in sorted(load_library(lang=lang).sections)
]


@pytest.mark.parametrize(("lang", "section_id"), CASES)
def test_each_section_reads_plainly_for_every_treatment(lang, section_id):
    found = section_score(load_library(lang=lang).sections[section_id], lang)
    assert found is not None
    score, treatment = found
    assert SCALES[lang].passes(score), f"{SCALES[lang].name} {score} on a {treatment!r} sheet"
