"""`handouts render` end to end: what the patient reads, and how mistakes are answered."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from handouts.library.loader import load_library
from tests.helpers import pdf_text

LIBRARY = load_library()


@pytest.mark.parametrize("template_id", sorted(LIBRARY.templates))
def test_every_builtin_template_renders_its_sections(render, template_id):
    result, text = render(template_id, "--patient", "Jane Doe", "--date", "2026-03-04")
    assert result.exit_code == 0, result.output
    template = LIBRARY.templates[template_id]
    assert template.title in text
    assert "Jane Doe" in text
    assert "March 4, 2026" in text
    for section_id in template.section_ids():
        assert LIBRARY.sections[section_id].title in text


def test_cli_example_from_the_issue(render):
    result, text = render(
        "knee-dry-needling",
        "--patient",
        "María López",
        "--practitioner",
        "Sam Lee, PT",
        "--add",
        "orthotics-advice",
        "--add",
        "stretch-holds",
        "--drop",
        "heat-use",
        "--set",
        "stretch-holds.hold_seconds=60",
        "--note",
        "Ice, not heat, for the first day.",
        "--paper",
        "a4",
    )
    assert result.exit_code == 0, result.output
    sections = LIBRARY.sections
    assert "María López" in text
    assert "Sam Lee, PT" in text
    assert sections["orthotics-advice"].title in text
    assert sections["heat-use"].title not in text
    assert "60 seconds" in text
    assert "45 seconds" not in text
    assert "Ice, not heat, for the first day." in text


def test_added_section_goes_before_the_closing_safety_section(render):
    result, text = render("knee-dry-needling", "--add", "orthotics-advice")
    assert result.exit_code == 0
    # The warning signs are printed on page 1, in their panel; the added section
    # comes after the other advice sections.
    assert text.index("Clinic phone") < text.index(LIBRARY.sections["heat-use"].title)
    assert text.index(LIBRARY.sections["heat-use"].title) < text.index(
        LIBRARY.sections["orthotics-advice"].title
    )


def test_section_option_gives_exactly_those_in_that_order(render):
    result, text = render(
        "knee-dry-needling", "--section", "heat-use", "--section", "stretch-holds"
    )
    assert result.exit_code == 0, result.output
    heat, stretch = LIBRARY.sections["heat-use"].title, LIBRARY.sections["stretch-holds"].title
    assert text.index(heat) < text.index(stretch)
    assert LIBRARY.sections["soreness-after-needling"].title not in text


def test_paper_size_letter_by_default_and_a4_on_request(tmp_path, run):
    letter, a4 = tmp_path / "letter.pdf", tmp_path / "a4.pdf"
    assert run("render", "knee-dry-needling", "-o", str(letter)).exit_code == 0
    assert run("render", "knee-dry-needling", "--paper", "a4", "-o", str(a4)).exit_code == 0
    letter_box = PdfReader(str(letter)).pages[0].mediabox
    a4_box = PdfReader(str(a4)).pages[0].mediabox
    assert (round(letter_box.width), round(letter_box.height)) == (612, 792)
    assert (round(a4_box.width), round(a4_box.height)) == (595, 842)


def test_footer_numbers_pages_and_the_sheet_says_once_it_does_not_replace_the_doctor(tmp_path, run):
    target = tmp_path / "out.pdf"
    run("render", "knee-dry-needling", "-o", str(target))
    pages = PdfReader(str(target)).pages
    assert len(pages) >= 2
    texts = [" ".join(page.extract_text().split()) for page in pages]
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(pages)}" in text
    assert " ".join(texts).count("does not replace advice from your doctor") == 1


def test_body_font_is_embedded_atkinson_at_12pt_or_more(tmp_path, run):
    target = tmp_path / "out.pdf"
    run("render", "knee-dry-needling", "-o", str(target))
    reader = PdfReader(str(target))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]))
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, "TrueType font must be embedded"
    assert any("Atkinson" in name for name in fonts)
    assert not any("Helvetica" in name for name in fonts)
    sizes = body_font_sizes(reader.pages[0])
    assert sizes and min(sizes) >= 12


def body_font_sizes(page) -> list[float]:
    """Font sizes of text drawn inside the body frame (not the header or footer)."""
    sizes: list[float] = []
    top, bottom = float(page.mediabox.height) - 90, 70

    def visit(text, cm, tm, font, size):
        y = tm[5] * cm[3] + cm[5]
        if text.strip() and bottom < y < top:
            sizes.append(size * tm[3] * cm[3] if tm[3] else size)

    page.extract_text(visitor_text=visit)
    return sizes


def test_person_typed_text_prints_exactly_as_typed(render):
    patient = "Tom & <b>Jerry</b>"
    note = 'Bring <img src="/etc/passwd"> & **shoes** "soon"'
    result, text = render("knee-dry-needling", "--patient", patient, "--note", note)
    assert result.exit_code == 0, result.output
    assert patient in text
    assert note in text


def test_default_file_name_uses_date_template_and_initials_only(tmp_path, run):
    result = run(
        "render",
        "knee-dry-needling",
        "--patient",
        "María López",
        "--date",
        "2026-11-21",
        "-o",
        str(tmp_path),
    )
    assert result.exit_code == 0, result.output
    written = Path(result.output.strip())
    assert written == tmp_path / "2026-11-21-knee-dry-needling-ML.pdf"
    assert written.exists()
    assert "López" not in written.name


def test_same_request_gives_the_same_bytes(tmp_path, run):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    args = ["render", "knee-dry-needling", "--patient", "Ann", "--date", "2026-01-02"]
    run(*args, "-o", str(first))
    run(*args, "-o", str(second))
    assert first.read_bytes() == second.read_bytes()
    assert b"D:20260102000000" in first.read_bytes()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["--add", "stretch-holds", "--set", "stretch-holds.hold_seconds=900"],
            r"--set stretch-holds\.hold_seconds=900: stretch-holds\.hold_seconds must be a whole "
            r"number from \d+ to \d+ seconds \(got \"900\"\)",
        ),
        (["--set", "nosuch.x=1"], r'--set nosuch\.x=1: no section "nosuch"'),
        (
            ["--add", "stretch-holds", "--set", "stretch-holds.hold_second=30"],
            r'stretch-holds has no param "hold_second" \(did you mean "hold_seconds"\?\)',
        ),
        (["--set", "stretch-holds=30"], r"must look like SECTION\.PARAM=VALUE"),
        (["--add", "nosuch"], r'--add nosuch: no section "nosuch"'),
        (["--add", "orthotic-advice"], r'did you mean "orthotics-advice"\?'),
        (["--drop", "orthotics-advice"], r"--drop orthotics-advice: is not in this handout"),
        (
            ["--set", "orthotics-advice.wear_in_days=3"],
            r'section "orthotics-advice" is not in this handout; add it with --add',
        ),
    ],
)
def test_bad_request_is_one_located_line_with_exit_4(tmp_path, run, args, expected):
    target = tmp_path / "out.pdf"
    result = run("render", "knee-dry-needling", *args, "-o", str(target))
    assert result.exit_code == 4
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert re.search(expected, lines[0]), lines[0]
    assert "Traceback" not in result.output
    assert not target.exists()


def test_every_mistake_is_reported_together(run, tmp_path):
    result = run(
        "render",
        "knee-dry-needling",
        "--add",
        "nosuch",
        "--set",
        "heat-use.minutes=999",
        "-o",
        str(tmp_path / "x.pdf"),
    )
    assert result.exit_code == 4
    assert len(result.stderr.strip().splitlines()) == 2


def test_unknown_template_suggests_a_near_one(run):
    result = run("render", "knee-dry-needle")
    assert result.exit_code == 4
    assert 'did you mean "knee-dry-needling"?' in result.stderr


def test_missing_output_folder_is_an_error_and_writes_nothing(tmp_path, run):
    result = run("render", "knee-dry-needling", "-o", str(tmp_path / "nope" / "x.pdf"))
    assert result.exit_code == 6
    assert "does not exist" in result.stderr
    assert not (tmp_path / "nope").exists()


def test_failed_render_leaves_an_existing_file_untouched(tmp_path, run):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    result = run("render", "knee-dry-needling", "--add", "nosuch", "-o", str(target))
    assert result.exit_code == 4
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_notes_and_empty_patient_are_fine(render):
    result, text = render("knee-self-massage", "--note", "Gently at first.")
    assert result.exit_code == 0, result.output
    assert "Notes from your practitioner Gently at first." in text
    assert "For:" not in text


def test_a_default_name_never_replaces_another_patients_sheet(tmp_path, run):
    args = ["render", "knee-dry-needling", "--date", "2026-11-21", "-o", str(tmp_path)]
    first = run(*args, "--patient", "Jane Doe").output.strip()
    second = run(*args, "--patient", "John Dean").output.strip()
    again = run(*args, "--patient", "Jane Doe").output.strip()
    assert first.endswith("2026-11-21-knee-dry-needling-JD.pdf")
    assert second.endswith("2026-11-21-knee-dry-needling-JD-2.pdf")
    assert again == first  # the same patient's sheet is simply made again
    assert "Jane Doe" in pdf_text(Path(first))
    assert "John Dean" in pdf_text(Path(second))


def test_initials_of_any_script_go_into_the_file_name(tmp_path, run):
    result = run(
        "render", "knee-dry-needling", "--patient", "Σοφία Παπαδοπούλου", "--date", "2026-11-21",
        "-o", str(tmp_path),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert Path(result.output.strip()).name == "2026-11-21-knee-dry-needling-ΣΠ.pdf"


def test_a_file_where_a_folder_should_be_is_named(tmp_path, run):
    (tmp_path / "afile").write_text("x")
    result = run("render", "knee-dry-needling", "-o", str(tmp_path / "afile" / "x.pdf"))
    assert result.exit_code == 6
    assert "is a file, not a folder" in result.stderr
