"""Typed text is NFC; right-to-left and complex scripts are refused until they print right."""

from __future__ import annotations

import pytest

from handouts.render.provenance import read_provenance
from handouts.typed_text import clean_typed
from tests.helpers import pdf_text


def test_a_combining_accent_is_joined_to_its_letter(run, tmp_path):
    target = tmp_path / "out.pdf"
    result = run("render", "knee-dry-needling", "--patient", "Rene\u0301 Lee", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert read_provenance(target).request.patient == "Ren\u00e9 Lee"
    assert "Ren\u00e9 Lee" in pdf_text(target)


@pytest.mark.parametrize(
    ("typed", "script", "code"),
    [
        ("\u05e9\u05dc\u05d5\u05dd", "Hebrew", "U+05E9"),
        ("\u0633\u0644\u0627\u0645", "Arabic", "U+0633"),
        ("\u0928\u092e\u0938\u094d\u0924\u0947", "Devanagari", "U+0928"),
        ("\u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35", "Thai", "U+0E2A"),
        ("Ann \u0ba4\u0bae\u0bbf\u0bb4\u0bcd", "Tamil", "U+0BA4"),
    ],
)
@pytest.mark.parametrize("option", ["--patient", "--practitioner", "--note"])
def test_right_to_left_and_complex_scripts_are_refused_where_typed(
    run, tmp_path, typed, script, code, option
):
    target = tmp_path / "out.pdf"
    result = run("render", "knee-dry-needling", option, typed, "-o", str(target))
    assert result.exit_code == 4
    assert result.stderr.startswith(f"error: {option}: contains {script} letters ({code}); ")
    assert "not yet supported" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not target.exists()


def test_a_right_to_left_value_in_a_batch_row_fails_that_row_only(run, tmp_path):
    rows = tmp_path / "rows.csv"
    rows.write_text(
        "template,patient\nknee-dry-needling,Ann Lee\nknee-dry-needling,\u05e9\u05dc\u05d5\u05dd\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    out.mkdir()
    result = run("batch", str(rows), "-o", str(out), "-j", "1")
    assert result.exit_code == 4
    assert "made 1, failed 1" in result.stdout
    assert result.stderr.startswith("error: rows.csv:3: patient: contains Hebrew letters")


@pytest.mark.parametrize("typed", ["Zoë", "Σοφία", "Дмитрий", "Nguyễn", "李", "Ça va"])
def test_left_to_right_scripts_pass(typed):
    assert clean_typed(typed) == typed
