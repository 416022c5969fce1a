"""Every PDF carries its request: `inspect`, `render --from`, and same request, same bytes."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pypdf import PdfReader

from handouts.build.intake import intake
from handouts.build.request import ParamSetting, Request
from handouts.library.loader import builtin_root

FULL_REQUEST = (
    "knee-dry-needling",
    "--patient",
    "María López",
    "--practitioner",
    "Sam Lee, PT",
    "--date",
    "2026-03-04",
    "--add",
    "orthotics-advice",
    "--add",
    "stretch-holds",
    "--drop",
    "heat-use",
    "--set",
    "stretch-holds.hold_seconds=60",
    "--note",
    'Ice (not heat) for the first day; "\\" and <b>tags</b> stay text.',
    "--note",
    "Second note.",
    "--paper",
    "a4",
)


def test_same_request_gives_the_same_bytes(tmp_path, run):
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    assert run("render", *FULL_REQUEST, "-o", str(first)).exit_code == 0
    assert run("render", *FULL_REQUEST, "-o", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_inspect_prints_the_embedded_request(tmp_path, run):
    pdf = tmp_path / "h.pdf"
    assert run("render", *FULL_REQUEST, "--large-print", "-o", str(pdf)).exit_code == 0
    result = run("inspect", str(pdf))
    assert result.exit_code == 0, result.output
    for expected in (
        "template: knee-dry-needling",
        "patient: María López",
        "practitioner: Sam Lee, PT",
        "date: 2026-03-04",
        "lang: en",
        "paper: a4",
        "large print: yes",
        "add: orthotics-advice",
        "drop: heat-use",
        "set: stretch-holds.hold_seconds=60",
        "note: Second note.",
        "made by: handouts 0.1.0",
        "stretch-holds: sha256:",
    ):
        assert expected in result.output
    data = json.loads(run("inspect", "--json", str(pdf)).output)
    assert data["request"]["notes"][0] == (
        'Ice (not heat) for the first day; "\\" and <b>tags</b> stay text.'
    )
    assert set(data["sections"]) == {
        "soreness-after-needling",
        "stretch-holds",
        "orthotics-advice",
        "when-to-call",
    }


def test_render_from_pdf_gives_identical_bytes(tmp_path, run):
    original, again = tmp_path / "original.pdf", tmp_path / "again.pdf"
    assert run("render", *FULL_REQUEST, "--large-print", "-o", str(original)).exit_code == 0
    result = run("render", "--from", str(original), "-o", str(again))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(again)
    assert "changed" not in result.stderr
    assert again.read_bytes() == original.read_bytes()


def test_render_from_names_sections_changed_since(tmp_path, run):
    original, again = tmp_path / "original.pdf", tmp_path / "again.pdf"
    assert run("render", "knee-dry-needling", "-o", str(original)).exit_code == 0
    clinic = tmp_path / "clinic"
    heat = clinic / "content" / "en" / "heat-use.md"
    heat.parent.mkdir(parents=True)
    (clinic / "clinic.yaml").write_text("name: Test Clinic\n")
    source = builtin_root().path / "content" / "en" / "heat-use.md"
    heat.write_text(source.read_text() + "\nA new sentence.\n")
    result = run("render", "--from", str(original), "--workspace", str(clinic), "-o", str(again))
    assert result.exit_code == 0, result.output
    assert "changed since the original was made: heat-use" in result.stderr
    assert again.read_bytes() != original.read_bytes()


def test_pdf_without_a_request_is_a_clear_error(tmp_path, run):
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(b"not a pdf at all")
    result = run("inspect", str(plain))
    assert result.exit_code == 4
    assert result.stderr.startswith(f"error: {plain}: cannot be read as a PDF")
    assert "Traceback" not in result.output
    result = run("render", "--from", str(tmp_path / "missing.pdf"))
    assert result.exit_code == 4
    assert "missing.pdf: no such file" in result.stderr


def test_render_needs_a_template_or_from(run, tmp_path):
    assert run("render").exit_code == 2
    assert run("render", "knee-dry-needling", "--from", str(tmp_path / "x.pdf")).exit_code == 2


def test_embedded_request_is_one_info_entry(tmp_path, run):
    pdf = tmp_path / "h.pdf"
    assert run("render", "knee-dry-needling", "-o", str(pdf)).exit_code == 0
    info = PdfReader(str(pdf)).metadata
    assert json.loads(info["/HandoutsRequest"])["request"]["template"] == "knee-dry-needling"


@pytest.mark.parametrize(
    "request_",
    [
        Request("knee-dry-needling"),
        Request(
            "knee-acupuncture",
            patient="Zoë O'Brien-Nguyễn",
            practitioner="Sam Lee, PT",
            date=dt.date(2026, 1, 2),
            sections=("heat-use", "stretch-holds"),
            add=("orthotics-advice",),
            drop=("heat-use",),
            settings=(
                ParamSetting("stretch-holds", "hold_seconds", "60"),
                ParamSetting("heat-use", "minutes", 20),
                ParamSetting("x", "items", ["a", "b"]),
            ),
            notes=("one", "two"),
            paper="a4",
            lang="en",
        ),
    ],
)
def test_request_round_trips_through_plain_data(request_):
    data = json.loads(json.dumps(request_.to_dict()))
    assert intake(data) == request_
