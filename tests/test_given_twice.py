"""A value given twice, or a section both kept and dropped, is an error, not a silent pick."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("given", "error"),
    [
        (
            [
                "--add",
                "stretch-holds",
                "--set",
                "stretch-holds.hold_seconds=45",
                "--set",
                "stretch-holds.hold_seconds=60",
            ],
            "error: --set stretch-holds.hold_seconds=45, --set stretch-holds.hold_seconds=60: "
            "stretch-holds.hold_seconds is set twice; keep one",
        ),
        (
            ["--section", "heat-use", "--section", "heat-use"],
            "error: --section heat-use: is listed twice; list each section once",
        ),
        (
            ["--add", "orthotics-advice", "--add", "orthotics-advice"],
            "error: --add orthotics-advice: is listed twice; list each section once",
        ),
        (
            ["--drop", "heat-use", "--drop", "heat-use"],
            "error: --drop heat-use: is listed twice; list each section once",
        ),
        (
            ["--section", "heat-use", "--section", "stretch-holds", "--drop", "heat-use"],
            "error: --drop heat-use: heat-use is also given with --section; "
            "keep it or drop it, not both",
        ),
        (
            ["--add", "orthotics-advice", "--drop", "orthotics-advice"],
            "error: --drop orthotics-advice: orthotics-advice is also given with --add; "
            "keep it or drop it, not both",
        ),
        (
            ["--add", "heat-use"],
            "error: --add heat-use: is already in this handout; its sections are "
            "soreness-after-needling, heat-use, when-to-call",
        ),
    ],
)
def test_given_twice_is_one_located_error(render, given, error):
    result, text = render("knee-dry-needling", *given)
    assert result.exit_code == 4
    assert result.stderr == error + "\n"
    assert text == ""


def test_a_batch_row_setting_a_param_twice_is_refused(tmp_path, run):
    (tmp_path / "rows.yaml").write_text(
        "- template: knee-dry-needling\n"
        "  set: [stretch-holds.hold_seconds=45, stretch-holds.hold_seconds=60]\n"
    )
    result = run("batch", str(tmp_path / "rows.yaml"), "-o", str(tmp_path), "--jobs", "1")
    assert result.exit_code == 4
    assert "error: rows.yaml:1: stretch-holds.hold_seconds is set twice; keep one" in result.stderr


def test_the_same_value_once_still_works(render):
    result, text = render(
        "knee-dry-needling", "--add", "stretch-holds", "--set", "stretch-holds.hold_seconds=60"
    )
    assert result.exit_code == 0, result.output
    assert "60 seconds" in text
