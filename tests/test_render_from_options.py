"""`render --from` makes the same handout again: options it would ignore are refused."""

from __future__ import annotations

import pytest


@pytest.fixture
def original(tmp_path, run):
    path = tmp_path / "a.pdf"
    assert run("render", "knee-dry-needling", "--patient", "Jane", "-o", str(path)).exit_code == 0
    return path


@pytest.mark.parametrize(
    "given",
    [
        ["--patient", "Ann"],
        ["--practitioner", "Sam"],
        ["--note", "x"],
        ["--set", "stretch-holds.hold_seconds=60"],
        ["--paper", "a4"],
        ["--date", "2026-01-01"],
        ["--section", "heat-use"],
        ["--add", "orthotics-advice"],
        ["--drop", "heat-use"],
        ["--large-print"],
        ["--lang", "es"],
    ],
)
def test_each_ignored_option_is_refused(original, tmp_path, run, given):
    target = tmp_path / "b.pdf"
    result = run("render", "--from", str(original), *given, "-o", str(target))
    assert result.exit_code == 2
    assert (
        f"--from makes the same handout again; it cannot be combined with {given[0]}"
        in result.stderr
    )
    assert not target.exists()


def test_the_refusal_names_every_option_given(original, tmp_path, run):
    result = run("render", "--from", str(original), "--patient", "Ann", "--note", "x")
    assert result.exit_code == 2
    assert "it cannot be combined with --patient, --note\n" in result.stderr


def test_output_workspace_and_verbose_stay_allowed(original, tmp_path, run):
    target = tmp_path / "b.pdf"
    result = run(
        "render", "--from", str(original), "--workspace", str(tmp_path), "-v", "-o", str(target)
    )
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == original.read_bytes()
