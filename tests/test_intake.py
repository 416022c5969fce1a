"""One intake: the same typed input gives the same request and the same errors, whatever
the way in (command line, batch row, `new`, show --set, reprint)."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from handouts.build.intake import OPTIONS, Source, intake
from handouts.cli.main import main
from handouts.errors import RequestError
from handouts.render.provenance import read_provenance
from handouts.workspace.clinic import Clinic, Practitioner
from tests.helpers import pdf_text, write_tree

CLINIC = "name: Test Clinic\npractitioners:\n  - name: Sam Lee\n    credentials: PT\n"


@pytest.fixture
def clinic_ws(tmp_path):
    return write_tree(tmp_path / "ws", {"clinic.yaml": CLINIC})


def cli(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


def test_new_prints_the_clinics_practitioner_by_name(clinic_ws, tmp_path):
    target = tmp_path / "new.pdf"
    answers = "\n".join(["", "Jane Doe", "", "2026-03-04", "", "", "n", ""]) + "\n"
    result = cli("new", "--workspace", str(clinic_ws), "-o", str(target), stdin=answers)
    assert result.exit_code == 0, result.output
    text = pdf_text(target)
    assert "Sam Lee, PT" in text
    assert "Practitioner(" not in text


@pytest.mark.parametrize(("cell", "printed"), [("", "Sam Lee, PT"), ("sam lee", "Sam Lee, PT")])
def test_batch_applies_the_clinics_practitioner_rule_like_render(
    clinic_ws, tmp_path, cell, printed
):
    rows = tmp_path / "day.csv"
    rows.write_text(f"template,patient,practitioner\nknee-dry-needling,Ann Bee,{cell}\n")
    out = tmp_path / "out"
    out.mkdir()
    result = cli("batch", str(rows), "--workspace", str(clinic_ws), "-o", str(out))
    assert result.exit_code == 0, result.output
    (made,) = out.glob("*.pdf")
    assert printed in pdf_text(made)
    single = tmp_path / "single.pdf"
    args = ["render", "knee-dry-needling", "--patient", "Ann Bee", "-o", str(single)]
    cli(*args, "--practitioner", cell, "--workspace", str(clinic_ws))
    assert read_provenance(single).request.practitioner == printed
    assert read_provenance(made).request.practitioner == printed


def test_show_set_refuses_a_param_given_twice():
    result = cli("show", "heat-use", "--set", "minutes=10", "--set", "minutes=15")
    assert result.exit_code == 4
    assert "heat-use.minutes is set twice; keep one" in result.stderr


def test_show_set_refuses_control_characters():
    result = cli("show", "stretch-holds", "--set", "hold_seconds=3\x070")
    assert result.exit_code == 4
    assert "control character U+0007" in result.stderr
    assert "Traceback" not in result.output


def test_render_reports_every_problem_of_the_run_at_once(tmp_path):
    args = ["render", "knee-dry-needling", "--set", "bad", "--set", "alsobad"]
    result = cli(*args, "--add", "nosuch", "-o", str(tmp_path / "x.pdf"))
    assert result.exit_code == 4
    lines = result.stderr.strip().splitlines()
    assert any('"bad" must look like SECTION.PARAM=VALUE' in line for line in lines)
    assert any('"alsobad" must look like SECTION.PARAM=VALUE' in line for line in lines)
    assert any("nosuch" in line for line in lines)
    assert all(line.startswith("error: ") for line in lines)
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("suffix", ["csv", "yaml"])
def test_a_large_print_cell_that_is_not_yes_or_no_fails_its_row(tmp_path, suffix):
    rows = tmp_path / f"day.{suffix}"
    if suffix == "csv":
        rows.write_text(
            "template,patient,large_print\nknee-dry-needling,Ann Bee,maybe\n"
            "knee-dry-needling,Cy Dee,yes\n"
        )
    else:
        rows.write_text(
            "- template: knee-dry-needling\n  patient: Ann Bee\n  large_print: maybe\n"
            "- template: knee-dry-needling\n  patient: Cy Dee\n  large_print: yes\n"
        )
    out = tmp_path / "out"
    out.mkdir()
    result = cli("batch", str(rows), "-o", str(out))
    assert result.exit_code == 4
    row = 2 if suffix == "csv" else 1  # a YAML row starts at its "- template" line
    assert f'day.{suffix}:{row}: large_print: must be yes or no (got "maybe")' in result.stderr
    (made,) = out.glob("*.pdf")  # the good row is still made, in large print
    assert read_provenance(made).large_print is True


TYPED = {
    "template": "knee-dry-needling",
    "patient": "Ann Bee",
    "practitioner": "sam lee",
    "date": "2026-03-04",
    "add": "orthotics-advice",
    "set": ["stretch-holds.hold_seconds=45"],
    "notes": ["Ice, not heat."],
    "paper": "A4",
    "large_print": "no",
}
BRAND = Clinic(practitioners=(Practitioner("Sam Lee", "PT"),))


def test_every_source_gives_the_same_request():
    from_options = intake(TYPED, BRAND, OPTIONS)
    from_row = intake(TYPED, BRAND, Source("day.csv:2"))
    from_form = intake({**TYPED, "date": dt.date(2026, 3, 4)}, BRAND, Source("form"))
    assert from_options == from_row == from_form
    assert from_options.practitioner == "Sam Lee, PT"
    assert from_options.paper == "a4"
    assert from_options.large_print is False
    assert intake(from_options.to_dict()) == from_options  # a reprint reads it back the same


@pytest.mark.parametrize(
    ("source", "located"),
    [
        (OPTIONS, ["--paper: ", "--date: ", "--large-print: "]),
        (
            Source("day.csv:2"),
            ["day.csv:2: paper: ", "day.csv:2: date: ", "day.csv:2: large_print: "],
        ),
    ],
)
def test_every_source_gives_the_same_errors_located_its_own_way(source, located):
    bad = {**TYPED, "paper": "legal", "date": "2026-02-30", "large_print": "x"}
    with pytest.raises(RequestError) as caught:
        intake(bad, BRAND, source)
    shown = [str(p) for p in caught.value.problems]
    assert len(shown) == 3
    for prefix, line in zip(
        located,
        sorted(shown, key=lambda s: located.index(next(p for p in located if s.startswith(p)))),
        strict=True,
    ):
        assert line.startswith(prefix)
    messages = sorted(
        str(p).split(": ", 1 if source is OPTIONS else 2)[-1] for p in caught.value.problems
    )
    assert any(m.startswith('must be letter or a4 (got "legal")') for m in messages)
    assert any(m.startswith("must be yes or no") for m in messages)
