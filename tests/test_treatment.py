"""A template's `treatment:` follows what was done, and section bodies can read it."""

from __future__ import annotations

import datetime as dt

import pytest

from handouts.build.fill import fill_plan
from handouts.build.plan import make_plan
from handouts.build.request import Request
from handouts.errors import LibraryError
from handouts.library.loader import LibraryRoot, load_library
from handouts.library.model import TREATMENTS
from handouts.workspace.clinic import Clinic
from tests.helpers import write_tree

SECTION = """
---
id: signs
title: Warning signs
category: safety
summary: Signs.
params: {}
sources:
  - title: Some article
---
{% if treatment in ("dry-needling", "acupuncture") %}
Needle spot signs.
{% else %}
No needles today ({{ treatment or "not given" }}).
{% endif %}
"""


def load(tmp_path, templates: dict[str, str]):
    files = {"content/en/signs.md": SECTION}
    files.update({f"templates/{name}.yaml": text for name, text in templates.items()})
    write_tree(tmp_path, files)
    return load_library([LibraryRoot(tmp_path, "test")])


def body(library, template_id: str) -> str:
    request = Request(template=template_id, date=dt.date(2026, 5, 6))
    return fill_plan(make_plan(request, library), Clinic()).sections[0].markdown


def sheet(template_id: str, treatment: str | None) -> str:
    line = f"treatment: {treatment}\n" if treatment is not None else ""
    return f"id: {template_id}\ntitle: A sheet\n{line}sections:\n  - signs\n"


def test_section_body_reads_the_template_treatment(tmp_path):
    library = load(
        tmp_path,
        {
            "needles": sheet("needles", "dry-needling"),
            "rub": sheet("rub", "massage"),
            "plain": sheet("plain", None),
        },
    )
    assert library.templates["needles"].treatment == "dry-needling"
    assert "Needle spot signs." in body(library, "needles")
    assert "Needle spot signs." not in body(library, "rub")
    assert "No needles today (massage)." in body(library, "rub")
    assert "No needles today (not given)." in body(library, "plain")


def test_an_extending_template_inherits_or_replaces_the_treatment(tmp_path):
    library = load(
        tmp_path,
        {
            "needles": sheet("needles", "acupuncture"),
            "ours": "id: ours\nextends: needles\ntitle: Ours\n",
            "rubbed": "id: rubbed\nextends: needles\ntreatment: massage\n",
        },
    )
    assert library.templates["ours"].treatment == "acupuncture"
    assert "Needle spot signs." in body(library, "ours")
    assert library.templates["rubbed"].treatment == "massage"
    assert "Needle spot signs." not in body(library, "rubbed")


def test_an_unknown_treatment_is_a_located_error_with_a_hint(tmp_path):
    with pytest.raises(LibraryError) as caught:
        load(tmp_path, {"typo": sheet("typo", "dry_needling")})
    (problem,) = caught.value.problems
    text = str(problem)
    assert "templates/typo.yaml:3" in text and "treatment" in text
    assert 'unknown treatment "dry_needling" (did you mean "dry-needling"?)' in text
    for name in TREATMENTS:
        assert name in text


def test_every_builtin_template_names_its_treatment():
    for lang in ("en", "es", "fr"):
        library = load_library(lang=lang)
        for template in library.templates.values():
            assert template.treatment in TREATMENTS, (lang, template.id)
