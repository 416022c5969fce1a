"""The built-in knee-care library: every section and template loads, fills and renders,
reads at grade 6 or below, and fits on a page."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pypdf import PdfReader

from handouts.build.fill import fill_plan
from handouts.build.markup import build_document
from handouts.build.plan import make_plan
from handouts.build.request import ParamSetting, Request
from handouts.check.rendering import extreme
from handouts.figures.resolve import resolve_figures
from handouts.library.loader import load_library
from handouts.library.model import Section
from handouts.library.params import format_value
from handouts.pdf import PageOptions, section_heights
from handouts.render.pipeline import render_bytes
from handouts.text.readability import section_grade, section_prose
from handouts.workspace.clinic import Clinic

LIBRARY = load_library()
SECTIONS = sorted(LIBRARY.sections)
TEMPLATES = sorted(LIBRARY.templates)
MAX_GRADE = 6.0
NEEDLING_TEMPLATES = ("knee-acupuncture", "knee-dry-needling")


def request_for(section: Section, high: bool | None) -> Request:
    settings = ()
    if high is not None:
        settings = tuple(
            ParamSetting(section.id, name, format_value(extreme(spec, high)), "test")
            for name, spec in section.params.items()
        )
    return Request(
        template="knee-dry-needling",
        patient="Pat Example",
        date=dt.date(2026, 5, 6),
        sections=(section.id,),
        settings=settings,
    )


def text_of(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(pdf)
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


def test_library_has_the_planned_sections_and_templates():
    assert len(SECTIONS) >= 15
    assert {
        "knee-acupuncture",
        "knee-dry-needling",
        "knee-self-massage",
        "knee-muscle-balance",
        "knee-natural-relief",
    } <= set(TEMPLATES)


@pytest.mark.parametrize("section_id", SECTIONS)
def test_every_section_names_its_sources(section_id):
    section = LIBRARY.sections[section_id]
    assert section.sources, f"{section_id} cites no source"
    assert all(ref.title for ref in section.sources)


@pytest.mark.parametrize("high", [None, False, True], ids=["defaults", "lowest", "highest"])
@pytest.mark.parametrize("section_id", SECTIONS)
def test_every_section_fills_and_renders_at_defaults_and_extremes(section_id, high, tmp_path):
    section = LIBRARY.sections[section_id]
    text = text_of(render_bytes(request_for(section, high), LIBRARY, Clinic()), tmp_path)
    assert section.title in text
    for name, spec in section.params.items():
        value = extreme(spec, high) if high is not None else spec.default
        if spec.type == "integer" and spec.unit and re.fullmatch(r"[a-z ]+", spec.unit):
            assert str(value) in text, f"{section_id}.{name}={value} not printed"


def test_readability_is_grade_6_or_below_for_every_section(capsys):
    grades = {section_id: section_grade(LIBRARY.sections[section_id]) for section_id in SECTIONS}
    with capsys.disabled():
        print("\nFlesch-Kincaid grade per section (prose, defaults):")
        for section_id, grade in grades.items():
            print(f"  {section_id:<26} {grade:4.1f}")
    too_hard = {sid: g for sid, g in grades.items() if g > MAX_GRADE}
    assert not too_hard, f"sections above grade {MAX_GRADE}: {too_hard}"


@pytest.mark.parametrize("section_id", SECTIONS)
def test_readability_measures_real_prose(section_id):
    prose = section_prose(LIBRARY.sections[section_id])
    assert len(prose.split()) >= 40
    assert "**" not in prose and "{{" not in prose


def test_every_section_fits_on_one_double_sided_sheet_at_12pt():
    """Laid out alone at the full frame width, with its figures: at most two pages high.
    (The sheet itself sets sections in two columns; cards never split.)"""
    request = Request(
        template="knee-dry-needling", sections=tuple(SECTIONS), date=dt.date(2026, 5, 6)
    )
    document = build_document(fill_plan(make_plan(request, LIBRARY), Clinic()))
    document = resolve_figures(document, LIBRARY)  # as the render pipeline does
    for paper in ("letter", "a4"):
        heights, page_height = section_heights(document, Clinic(), PageOptions(paper))
        too_tall = {sid: round(h) for sid, h in heights.items() if h > 2 * page_height}
        assert not too_tall, f"{paper}: taller than two pages ({round(page_height)} pt): {too_tall}"


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_each_template_prints_its_titles_and_numbers(template_id, tmp_path):
    template = LIBRARY.templates[template_id]
    request = Request(template=template_id, patient="Ana Ruiz", date=dt.date(2026, 5, 6))
    text = text_of(render_bytes(request, LIBRARY, Clinic()), tmp_path)
    assert template.title in text
    plan = make_plan(request, LIBRARY)
    for planned in plan.sections:
        assert planned.section.title in text
        for name, spec in planned.section.params.items():
            if spec.type == "integer":
                assert str(planned.values[name]) in text, f"{planned.section.id}.{name}"


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_templates_have_a_few_core_sections_and_offer_extras(template_id):
    # One double-sided sheet: two or three core sections plus the warning signs by
    # default; the rest are one --add away.
    template = LIBRARY.templates[template_id]
    assert 3 <= len(template.entries) <= 4
    assert template.optional
    assert template.intro.strip()


@pytest.mark.parametrize("template_id", NEEDLING_TEMPLATES)
def test_needling_templates_say_when_to_call(template_id):
    assert "when-to-call" in LIBRARY.templates[template_id].section_ids()


def test_sections_command_groups_by_category(run):
    result = run("sections")
    assert result.exit_code == 0
    categories = [line[:-1] for line in result.output.splitlines() if re.fullmatch(r"\S+:", line)]
    assert categories == sorted(categories)
    assert len(categories) == len({s.category for s in LIBRARY.sections.values()})
    listed = re.findall(r"^  (\S+) ", result.output, flags=re.M)
    assert sorted(listed) == SECTIONS
    assert "hold_seconds=45" in result.output
