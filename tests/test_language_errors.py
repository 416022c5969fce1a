"""An unknown language: a request mistake (exit 4) when asked for, a clinic-file mistake
(exit 3, at its line) when clinic.yaml names it."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader, PdfWriter

from tests.helpers import write_tree


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("de", " (add content/de/ to the workspace to write your own)"),
        ("EN", ' (did you mean "en"?)'),
        ("", ""),
        ("../../etc", ""),
    ],
)
def test_an_unknown_lang_option_is_a_request_error(render, typed, hint):
    result, text = render("knee-dry-needling", "--lang", typed)
    assert result.exit_code == 4
    assert result.stderr == (
        f'error: --lang: no sections in language "{typed}"; languages are en, es, fr{hint}\n'
    )
    assert text == ""


def test_listing_commands_agree(run):
    result = run("sections", "--lang", "de")
    assert result.exit_code == 4
    assert result.stderr.startswith('error: --lang: no sections in language "de"')


def test_an_unknown_clinic_language_is_a_clinic_file_error_at_its_line(tmp_path, run):
    write_tree(tmp_path, {"clinic.yaml": "name: Maple Clinic\nlanguage: de\n"})
    result = run("render", "knee-dry-needling", "--workspace", str(tmp_path), "-o", str(tmp_path))
    assert result.exit_code == 3
    assert result.stderr.startswith(
        'error: clinic.yaml:2: language: no sections in language "de"; languages are en, es, fr'
    )
    assert list(tmp_path.glob("*.pdf")) == []


def test_lang_option_overrides_the_clinic_language(tmp_path, run):
    write_tree(tmp_path, {"clinic.yaml": "name: Maple Clinic\nlanguage: de\n"})
    result = run("sections", "--workspace", str(tmp_path), "--lang", "es")
    assert result.exit_code == 0, result.output


def test_a_reprinted_pdf_with_a_bad_language_is_a_request_error(tmp_path, run):
    original = tmp_path / "a.pdf"
    assert run("render", "knee-dry-needling", "-o", str(original)).exit_code == 0
    reader = PdfReader(str(original))
    stamp = json.loads(reader.metadata["/HandoutsRequest"])
    stamp["request"]["lang"] = "../../etc"
    writer = PdfWriter(clone_from=reader)
    writer.add_metadata({"/HandoutsRequest": json.dumps(stamp)})
    tampered = tmp_path / "b.pdf"
    with tampered.open("wb") as handle:
        writer.write(handle)
    result = run("render", "--from", str(tampered), "-o", str(tmp_path / "c.pdf"))
    assert result.exit_code == 4
    assert result.stderr == (
        f'error: {tampered}: lang: no sections in language "../../etc"; languages are en, es, fr\n'
    )
    assert not (tmp_path / "c.pdf").exists()
