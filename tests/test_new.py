"""`handouts new`: guided questions, answered here through piped standard input."""

from __future__ import annotations

from click.testing import CliRunner

from handouts.cli import main
from handouts.loader import load_library
from tests.helpers import pdf_text

LIBRARY = load_library()


def answer(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def new(tmp_path, text: str):
    target = tmp_path / "new.pdf"
    result = CliRunner().invoke(main, ["new", "-o", str(target)], input=text)
    return result, target


def test_new_with_defaults_everywhere(tmp_path):
    result, target = new(tmp_path, answer("", "Jane Doe", "", "2026-03-04", "", "", "n", ""))
    assert result.exit_code == 0, result.output
    assert f"Wrote {target}" in result.output
    assert "1. knee-acupuncture" in result.output
    text = pdf_text(target)
    assert LIBRARY.templates["knee-dry-needling"].title in text
    assert "Jane Doe" in text


def test_new_adds_drops_changes_values_and_reasks_on_bad_answers(tmp_path):
    template = LIBRARY.templates["knee-dry-needling"]
    walking = template.optional.index("walking-activity") + 1
    params_before = len(LIBRARY.sections["soreness-after-needling"].params)
    params_after = sum(
        len(LIBRARY.sections[sid].params)
        for sid in ("treatment-plan", "orthotics-advice", "walking-activity")
    )
    text = answer(
        "knee-nope",  # not a template: asked again
        "2",
        "María López",
        "Sam Lee, PT",
        "2026-03-04",
        f"orthotics-advice {walking}",
        "heat-use",
        "y",
        *[""] * params_before,
        "900",  # out of range: asked again
        "60",
        *[""] * (len(LIBRARY.sections["stretch-holds"].params) - 1),
        *[""] * params_after,
        "Ice, not heat, for the first day.",
        "",
    )
    result, target = new(tmp_path, text)
    assert result.exit_code == 0, result.output
    assert "Error: must be a whole number from 15 to 90 seconds" in result.output
    assert '"knee-nope" is not one of the numbers or ids listed' in result.output
    pdf = pdf_text(target)
    sections = LIBRARY.sections
    assert "María López" in pdf and "Sam Lee, PT" in pdf
    assert sections["orthotics-advice"].title in pdf
    assert sections["walking-activity"].title in pdf
    assert sections["heat-use"].title not in pdf
    assert "60 seconds" in pdf
    assert "Ice, not heat, for the first day." in pdf
    inspected = CliRunner().invoke(main, ["inspect", str(target)]).output
    assert "set: stretch-holds.hold_seconds=60" in inspected
    assert inspected.count("set: ") == 1


def test_new_stops_cleanly_when_answers_run_out(tmp_path):
    result, target = new(tmp_path, answer("", "Jane"))
    assert result.exit_code == 1
    assert "Aborted" in result.output
    assert not target.exists()
