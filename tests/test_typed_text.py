"""What a person types (names, notes, text values) is checked and cleaned in one place,
whichever way it comes in: command-line options, batch rows, `new` answers."""

from __future__ import annotations

import pytest

from tests.helpers import pdf_text, write_tree

# Invisible format characters: zero-width space, non-joiner, joiner, direction marks,
# word joiner, byte-order mark, bidi embeddings and overrides, bidi isolates.
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u202a\u202b\u202c\u202d\u202e" + (
    "\u2066\u2067\u2068\u2069"
)


@pytest.mark.parametrize(
    ("option", "value", "code"),
    [
        ("--patient", "Ja\x1bne", "U+001B"),
        ("--practitioner", "Sam\x00 Lee", "U+0000"),
        ("--note", "Ice\x07 first", "U+0007"),
        ("--patient", "Ja\x85ne", "U+0085"),
    ],
)
def test_a_control_character_is_one_located_error_never_echoed(render, option, value, code):
    result, text = render("knee-dry-needling", option, value)
    assert result.exit_code == 4
    assert result.stderr == f"error: {option}: contains the control character {code}; remove it\n"
    assert value not in result.output
    assert text == ""


def test_a_control_character_in_a_text_value_names_the_param(render):
    result, _ = render(
        "knee-dry-needling",
        "--add",
        "orthotics-advice",
        "--set",
        "orthotics-advice.shop_hint=a\x1bb",
    )
    assert result.exit_code == 4
    assert result.stderr == (
        "error: --set orthotics-advice.shop_hint: contains the control character U+001B; "
        "remove it\n"
    )
    assert "\x1b" not in result.output


def test_newlines_and_tabs_in_a_note_are_allowed(render):
    result, text = render("knee-dry-needling", "--note", "Ice first.\tThen heat.\nWalk daily.")
    assert result.exit_code == 0, result.output
    assert "Ice first." in text and "Walk daily." in text


def test_invisible_format_characters_are_removed_before_printing(render, run, tmp_path):
    result, text = render(
        "knee-dry-needling", "--patient", "Ja\u200bne", "--note", f"Ic{INVISIBLE}e"
    )
    assert result.exit_code == 0, result.output
    assert "Jane" in text and "Ice" in text
    assert "\u2610" not in text and "\u200b" not in text
    inspected = run("inspect", str(tmp_path / "out.pdf")).output
    assert "patient: Jane\n" in inspected


def test_every_invisible_format_character_is_removed_not_reported_as_missing_font(render):
    result, text = render("knee-dry-needling", "--patient", f"Ja{INVISIBLE}ne")
    assert result.exit_code == 0, result.output
    assert "Jane" in text


def test_the_soft_hyphen_is_kept(render, run, tmp_path):
    result, _ = render("knee-dry-needling", "--patient", "Fernán\u00addez")
    assert result.exit_code == 0, result.output
    inspected = run("inspect", str(tmp_path / "out.pdf"), "--json").output
    assert "Fern\\u00e1n\\u00addez" in inspected or "Fernán\u00addez" in inspected


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--patient", "x" * 201, "--patient: is 201 characters long; a name may be at most 200"),
        (
            "--practitioner",
            "x" * 100_000,
            "--practitioner: is 100,000 characters long; a name may be at most 200 characters",
        ),
        (
            "--note",
            "word " * 20_001,
            "--note: is 100,005 characters long; a note may be at most 100,000 characters",
        ),
    ],
)
def test_too_long_text_names_the_option_and_the_limit(render, option, value, message):
    result, text = render("knee-dry-needling", option, value)
    assert result.exit_code == 4
    assert result.stderr.startswith(f"error: {message}")
    assert len(result.stderr.splitlines()) == 1
    assert text == ""


def test_many_notes_together_are_limited_too(render):
    notes = [arg for _ in range(3) for arg in ("--note", "word " * 8_000)]
    result, _ = render("knee-dry-needling", *notes)
    assert result.exit_code == 4
    assert result.stderr == (
        "error: --note: are 120,000 characters in all; notes may be at most 100,000\n"
    )


def test_a_name_of_200_characters_is_accepted(render):
    result, _ = render("knee-dry-needling", "--patient", "Ann " * 50)
    assert result.exit_code == 0, result.output


def test_batch_rows_are_checked_the_same_way(tmp_path, run):
    rows = (
        "template,patient,notes\n"
        "knee-dry-needling,Ja\x1bne,\n"
        f"knee-dry-needling,{'x' * 201},\n"
        "knee-dry-needling,Jo\u200bhn Roe,Ice first\n"
    )
    (tmp_path / "rows.csv").write_text(rows, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = run("batch", str(tmp_path / "rows.csv"), "-o", str(out), "--jobs", "1")
    assert result.exit_code == 4
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        "error: rows.csv:2: patient: contains the control character U+001B; remove it",
        "error: rows.csv:3: patient: is 201 characters long; a name may be at most 200 characters",
    ]
    assert "\x1b" not in result.output
    [made] = out.iterdir()
    assert "John Roe" in pdf_text(made)


def test_batch_yaml_text_values_are_checked(tmp_path, run):
    write_tree(
        tmp_path,
        {
            "rows.yaml": """\
            - template: knee-dry-needling
              add: [orthotics-advice]
              set:
                orthotics-advice.shop_hint: "a\\x1bb"
            """
        },
    )
    result = run("batch", str(tmp_path / "rows.yaml"), "-o", str(tmp_path), "--jobs", "1")
    assert result.exit_code == 4
    assert (
        "error: rows.yaml:1: orthotics-advice.shop_hint: contains the control character "
        "U+001B; remove it" in result.stderr
    )
