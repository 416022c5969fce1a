"""`handouts new`: guided questions, answered here through piped standard input."""

from __future__ import annotations

from click.testing import CliRunner

from handouts.cli.main import main
from handouts.library.loader import load_library
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


def test_new_at_a_terminal_adds_drops_changes_values_and_reasks_on_bad_answers(
    tmp_path, monkeypatch
):
    monkeypatch.setattr("handouts.cli.prompts.interactive", lambda: True)
    template = LIBRARY.templates["knee-dry-needling"]
    walking = template.optional.index("walking-activity") + 1
    params_before = len(LIBRARY.sections["soreness-after-needling"].params)
    params_after = sum(
        len(LIBRARY.sections[sid].params) for sid in ("orthotics-advice", "walking-activity")
    )
    text = answer(
        "knee-nope",  # not a template: asked again
        "2",
        "María López",
        "Sam Lee, PT",
        "2026-03-04",
        f"stretch-holds orthotics-advice {walking}",
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
    assert result.exit_code == 4
    assert result.stderr == 'error: new: ran out of answers at "Practitioner"\n'
    assert "Aborted" not in result.output
    assert not target.exists()


def test_new_piped_without_the_closing_blank_note_runs_out_at_notes(tmp_path):
    result, target = new(tmp_path, answer("", "Jane", "", "2026-03-04", "", "", "n", "A note"))
    assert result.exit_code == 4
    assert result.stderr == 'error: new: ran out of answers at "Notes"\n'
    assert not target.exists()


def test_new_piped_bad_date_stops_instead_of_shifting_answers(tmp_path):
    result, target = new(
        tmp_path, answer("", "Jane", "", "31/12/2026", "2026-03-04", "", "", "n", "")
    )
    assert result.exit_code == 4
    assert result.stderr == (
        'error: new: date: "31/12/2026" is not a date; use YYYY-MM-DD, e.g. 2026-11-21\n'
    )
    assert not target.exists()


def test_new_piped_bad_pick_stops_instead_of_dropping_the_sections(tmp_path):
    result, target = new(tmp_path, answer("", "Jane", "", "2026-03-04", "42,foo", "", "n", ""))
    assert result.exit_code == 4
    assert result.stderr == 'error: new: add: "42" is not one of the numbers or ids listed\n'
    assert not target.exists()


def test_new_piped_bad_value_and_bad_yes_no_stop(tmp_path):
    params_before = len(LIBRARY.sections["soreness-after-needling"].params)
    params_heat = len(LIBRARY.sections["heat-use"].params)
    bad_value = answer(
        "",
        "Jane",
        "",
        "2026-03-04",
        "stretch-holds",
        "",
        "y",
        *[""] * params_before,
        *[""] * params_heat,
        "900",
    )
    result, target = new(tmp_path, bad_value)
    assert result.exit_code == 4
    assert result.stderr == (
        "error: new: stretch-holds.hold_seconds: must be a whole number from 15 to 90 "
        'seconds (got "900")\n'
    )
    assert not target.exists()
    result, target = new(tmp_path, answer("", "Jane", "", "2026-03-04", "", "", "maybe", ""))
    assert result.exit_code == 4
    assert result.stderr == 'error: new: values: "maybe" is not yes or no; answer y or n\n'
    assert not target.exists()


def test_new_checks_a_typed_name_the_same_way(tmp_path):
    target = tmp_path / "new.pdf"
    answers = "\nJa\x1bne\n\n2026-03-04\n\n\nn\n\n"
    result = CliRunner().invoke(main, ["new", "-o", str(target)], input=answers)
    assert result.exit_code == 4
    assert "error: new: patient: contains the control character U+001B; remove it" in (
        result.stderr
    )
    assert not target.exists()


def test_new_removes_invisible_characters(tmp_path):
    target = tmp_path / "new.pdf"
    answers = "\nJa\u200bne\n\n2026-03-04\n\n\nn\nIc\u200be\n\n"
    result = CliRunner().invoke(main, ["new", "-o", str(target)], input=answers)
    assert result.exit_code == 0, result.output
    text = pdf_text(target)
    assert "Jane" in text and "Ice" in text
