"""Ranges that cannot contradict: a section's `ranges:` pairs a low and a high param, and a
low above its high is a located error at load, in a template, on `--set` and in a batch row."""

from __future__ import annotations

import json

import pytest

from handouts.library.loader import load_library
from tests.helpers import write_tree

SECTION = """
---
id: ache-time
title: How long the ache lasts
category: after-treatment
summary: Soreness that comes and goes.
params:
  hours_low:
    type: integer
    default: 12
    min: 0
    max: 48
    unit: hours
    label: Lasts at least (hours)
  hours_high:
    type: integer
    default: 24
    min: 6
    max: 72
    unit: hours
    label: Lasts up to (hours)
ranges:
  - [hours_low, hours_high]
---
The ache often lasts {{ hours_low }} to {{ hours_high }} hours.
"""

TEMPLATE = """
id: ache-sheet
title: After your visit
sections:
  - ache-time
  - id: when-to-call
"""


def clinic(tmp_path, section: str = SECTION, template: str = TEMPLATE):
    """A clinic workspace with the ache-time section and a template using it."""
    return write_tree(
        tmp_path / "clinic",
        {
            "clinic.yaml": "name: Maple Clinic\n",
            "content/en/ache-time.md": section,
            "templates/ache-sheet.yaml": template,
        },
    )


def errors(result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("error")]


def test_the_builtin_low_high_pairs_are_declared_in_every_language():
    for lang in ("en", "es", "fr"):
        sections = load_library(lang=lang).sections
        pairs = {
            sid: [(r.low, r.high) for r in sections[sid].ranges]
            for sid in ("soreness-after-needling", "treatment-plan")
        }
        assert pairs == {
            "soreness-after-needling": [("soreness_hours_min", "soreness_hours_max")],
            "treatment-plan": [("weeks_min", "weeks_max")],
        }, lang


def test_a_range_that_fits_renders(tmp_path, render):
    root = clinic(tmp_path)
    result, text = render("ache-sheet", "--workspace", str(root), "--set", "ache-time.hours_low=24")
    assert result.exit_code == 0, result.output
    assert "24 to 24 hours" in text


def test_section_defaults_with_low_above_high_are_refused_at_load(tmp_path, run):
    root = clinic(tmp_path, SECTION.replace("default: 12", "default: 30"))
    result = run("check", "--format", "json", str(root))
    assert result.exit_code == 3
    found = [f for f in json.loads(result.output)["findings"] if f["level"] == "error"]
    assert [(f["where"], f["line"], f["field"]) for f in found] == [
        ("content/en/ache-time.md", 22, "ranges[1]")
    ]
    assert found[0]["message"] == (
        "the defaults do not fit: hours_low (30) is above hours_high (24); "
        "the low end of a range may not be above its high end"
    )


def test_a_template_override_with_low_above_high_is_refused_with_its_line(tmp_path, run):
    template = TEMPLATE.replace(
        "  - ache-time\n", "  - id: ache-time\n    params:\n      hours_high: 8\n"
    )
    root = clinic(tmp_path, template=template)
    result = run("render", "ache-sheet", "--workspace", str(root), "-o", str(tmp_path / "o.pdf"))
    assert result.exit_code == 3
    assert errors(result) == [
        "error: templates/ache-sheet.yaml:6: sections[1].params.hours_high: hours_low (12) is "
        "above hours_high (8); the low end of a range may not be above its high end"
    ]
    assert not (tmp_path / "o.pdf").exists()


def test_set_with_low_above_high_is_refused_naming_the_options(tmp_path, render):
    root = clinic(tmp_path)
    result, text = render(
        "ache-sheet", "--workspace", str(root),
        "--set", "ache-time.hours_low=40", "--set", "ache-time.hours_high=20",
    )  # fmt: skip
    assert result.exit_code == 4
    assert result.stderr == (
        "error: --set ache-time.hours_low=40, --set ache-time.hours_high=20: ache-time.hours_low "
        "(40) is above ache-time.hours_high (20); the low end of a range may not be above its "
        "high end\n"
    )
    assert text == ""


def test_set_against_a_template_value_names_the_one_option(tmp_path, render):
    template = TEMPLATE.replace(
        "  - ache-time\n", "  - id: ache-time\n    params:\n      hours_high: 30\n"
    )
    root = clinic(tmp_path, template=template)
    result, _ = render("ache-sheet", "--workspace", str(root), "--set", "ache-time.hours_low=31")
    assert result.exit_code == 4
    assert result.stderr.startswith(
        "error: --set ache-time.hours_low=31: ache-time.hours_low (31) is above "
        "ache-time.hours_high (30);"
    )


def test_a_value_that_does_not_fit_its_param_is_not_also_a_range_error(tmp_path, render):
    root = clinic(tmp_path)
    result, _ = render(
        "ache-sheet", "--workspace", str(root),
        "--set", "ache-time.hours_low=40", "--set", "ache-time.hours_high=lots",
    )  # fmt: skip
    assert result.exit_code == 4
    assert "range" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_batch_row_with_low_above_high_is_refused_at_its_line(tmp_path, run, jobs):
    root = clinic(tmp_path)
    rows = (
        "template,patient,ache-time.hours_low,ache-time.hours_high\n"
        "ache-sheet,Ann Poe,6,12\n"
        "ache-sheet,Bo Roe,36,12\n"
    )
    write_tree(tmp_path, {"rows.csv": rows})
    out = tmp_path / "out"
    out.mkdir()
    result = run(
        "batch", str(tmp_path / "rows.csv"), "-o", str(out), "--jobs", jobs,
        "--workspace", str(root),
    )  # fmt: skip
    assert result.exit_code == 4
    assert "made 1, failed 1" in result.stdout
    assert errors(result) == [
        "error: rows.csv:3: ache-time.hours_low (36) is above ache-time.hours_high (12); "
        "the low end of a range may not be above its high end"
    ]


@pytest.mark.parametrize(
    ("ranges", "message"),
    [
        ("[[hours_low, hours_hi]]", 'no param "hours_hi" (did you mean "hours_high"?)'),
        ("[[hours_low, hours_low]]", 'names "hours_low" twice; a range needs two different'),
        ("hours_low", "expected a list of [low, high] pairs"),
        ("[[hours_low, hours_high, x]]", "expected a list of [low, high] pairs"),
        ("[[hours_low, hours_high], [hours_high, hours_low]]", "is already in another range"),
    ],
)
def test_a_malformed_ranges_key_is_a_located_error(tmp_path, run, ranges, message):
    section = SECTION.replace("ranges:\n  - [hours_low, hours_high]", f"ranges: {ranges}")
    root = clinic(tmp_path, section)
    result = run("check", "--format", "json", str(root))
    assert result.exit_code == 3
    found = [f for f in json.loads(result.output)["findings"] if f["level"] == "error"]
    assert found and found[0]["where"] == "content/en/ache-time.md"
    assert found[0]["line"] == 21
    assert message in found[0]["message"]


def test_a_range_of_non_numbers_is_refused(tmp_path, run):
    section = SECTION.replace(
        "ranges:", "  note:\n    type: text\n    default: ''\n    label: Note\nranges:"
    ).replace("[hours_low, hours_high]", "[hours_low, note]")
    root = clinic(tmp_path, section)
    result = run("check", "--format", "json", str(root))
    found = [f for f in json.loads(result.output)["findings"] if f["level"] == "error"]
    assert '"note" is a text param; a range needs numbers' in found[0]["message"]


def test_check_keeps_its_extreme_values_inside_a_range(run, tmp_path):
    """The high end's lowest (0) is below the low end's lowest (10): check's "lowest values"
    render raises the high end to the low one instead of reporting a contradiction."""
    section = SECTION.replace("min: 0\n    max: 48", "min: 10\n    max: 50").replace(
        "min: 6\n    max: 72", "min: 0\n    max: 30"
    )
    root = clinic(tmp_path, section)
    result = run("check", "--format", "json", "--workspace", str(root))
    found = json.loads(result.output)["findings"]
    assert [f for f in found if f["level"] == "error"] == []
    assert result.exit_code == 0


def test_new_refuses_answers_with_low_above_high(tmp_path):
    from click.testing import CliRunner

    from handouts.cli.main import main

    root = clinic(tmp_path)
    answers = ["ache-sheet", "Jane Doe", "", "2026-03-04", "", "y", "40", "20", ""]
    target = tmp_path / "new.pdf"
    result = CliRunner().invoke(
        main,
        ["new", "--workspace", str(root), "-o", str(target)],
        input="\n".join(answers) + "\n",
    )
    assert result.exit_code == 4, result.output
    assert result.stderr == (
        "error: new: ache-time.hours_low (40) is above ache-time.hours_high (20); "
        "the low end of a range may not be above its high end\n"
    )
    assert not target.exists()


def test_a_template_extending_another_is_refused_at_the_line_it_changed(tmp_path, run):
    root = clinic(tmp_path)
    write_tree(
        root,
        {
            "templates/ache-more.yaml": """
            id: ache-more
            extends: ache-sheet
            params:
              ache-time:
                hours_high: 8
            """
        },
    )
    result = run("render", "ache-more", "--workspace", str(root), "-o", str(tmp_path / "o.pdf"))
    assert result.exit_code == 3
    assert errors(result) == [
        "error: templates/ache-more.yaml:5: sections[1].params.hours_high: hours_low (12) is "
        "above hours_high (8); the low end of a range may not be above its high end"
    ]
