"""`handouts batch`: one handout per row, bad rows reported and skipped, names never collide."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from tests.helpers import pdf_text, write_tree

CSV = """\
template,patient,practitioner,date,add,drop,notes,heat-use.minutes,stretch-holds.hold_seconds
knee-dry-needling,Jane Doe,"Sam Lee, PT",2026-03-04,orthotics-advice,,Ice first day|Walk daily,20,
knee-dry-needling,Jane Doe,,2026-03-04,stretch-holds,heat-use,,,60
knee-acupuncture,John Roe,,2026-03-04,heat-use,,,90,
knee-dry-needling,Jane Doe,,2026-03-04,,,,,
knee-nope,Ann Poe,,2026-03-04,,,,,
knee-dry-needling,Ann Poe,,2026-03-04,,,,,
"""


@pytest.fixture
def batch_dir(tmp_path):
    write_tree(tmp_path, {"batch.csv": CSV})
    (tmp_path / "out").mkdir()
    return tmp_path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_makes_good_rows_reports_bad_ones_and_fails(batch_dir, run, jobs):
    out = batch_dir / "out"
    result = run("batch", str(batch_dir / "batch.csv"), "-o", str(out), "--jobs", jobs)
    assert result.exit_code == 4
    assert "made 4, failed 2, in " + str(out) in result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        "error: batch.csv:4: heat-use.minutes must be a whole number from 5 to 20 minutes"
        ' (got "90")',
        'error: batch.csv:6: template: no template "knee-nope"; templates are knee-acupuncture, '
        "knee-dry-needling, knee-muscle-balance, knee-natural-relief, knee-self-massage",
    ]
    assert "Traceback" not in result.output
    names = sorted(path.name for path in out.iterdir())
    assert names == [
        "2026-03-04-knee-dry-needling-AP.pdf",
        "2026-03-04-knee-dry-needling-JD-2.pdf",
        "2026-03-04-knee-dry-needling-JD-3.pdf",
        "2026-03-04-knee-dry-needling-JD.pdf",
    ]


def test_batch_rows_carry_their_choices(batch_dir, run):
    out = batch_dir / "out"
    run("batch", str(batch_dir / "batch.csv"), "-o", str(out), "--jobs", "1")
    first = pdf_text(out / "2026-03-04-knee-dry-needling-JD.pdf")
    assert "Sam Lee, PT" in first
    assert "Ice first day" in first
    assert "Walk daily" in first
    assert "20 minutes" in first
    assert "Arch supports and shoes" in first
    second = pdf_text(out / "2026-03-04-knee-dry-needling-JD-2.pdf")
    assert "60 seconds" in second
    assert "Using moist heat at home" not in second
    inspected = run("inspect", str(out / "2026-03-04-knee-dry-needling-JD-2.pdf")).output
    assert "drop: heat-use" in inspected


def test_batch_combine_writes_one_pdf_in_row_order(batch_dir, run):
    out, combined = batch_dir / "out", batch_dir / "all.pdf"
    result = run("batch", str(batch_dir / "batch.csv"), "-o", str(out), "--combine", str(combined))
    assert "combined 4 handouts" in result.stdout
    pages = sum(len(PdfReader(str(path)).pages) for path in out.iterdir())
    reader = PdfReader(str(combined))
    assert len(reader.pages) == pages
    texts = [page.extract_text() for page in reader.pages]
    jane = [index for index, text in enumerate(texts) if "Jane Doe" in text]
    ann = [index for index, text in enumerate(texts) if "Ann Poe" in text]
    assert jane[0] == 0
    assert ann and min(ann) > max(jane)  # a later page's running head names the patient too


def test_batch_from_a_yaml_list(tmp_path, run):
    write_tree(
        tmp_path,
        {
            "batch.yaml": """\
            - template: knee-dry-needling
              patient: Jane Doe
              date: 2026-03-04
              add: [stretch-holds]
              set:
                stretch-holds.hold_seconds: 60
              notes: [One note]
            - template: knee-dry-needling
              patient: Jane Doe
              date: 2026-03-04
              large_print: yes
              colour: red
            """
        },
    )
    result = run("batch", str(tmp_path / "batch.yaml"), "-o", str(tmp_path), "--jobs", "1")
    assert result.exit_code == 4
    assert "made 1, failed 1" in result.stdout
    assert "error: batch.yaml:8: colour: unknown field; use template" in result.stderr
    assert "60 seconds" in pdf_text(tmp_path / "2026-03-04-knee-dry-needling-JD.pdf")


def test_batch_with_an_unknown_column_stops_before_rendering(tmp_path, run):
    write_tree(tmp_path, {"b.csv": "template,colour\nknee-dry-needling,red\n"})
    result = run("batch", str(tmp_path / "b.csv"), "-o", str(tmp_path))
    assert result.exit_code == 4
    assert result.stderr.startswith("error: b.csv:1: colour: unknown column; use template,")
    assert not list(tmp_path.glob("*.pdf"))


def test_batch_all_good_exits_zero(tmp_path, run):
    write_tree(tmp_path, {"b.csv": "template,patient\nknee-dry-needling,A B\nknee-acupuncture,\n"})
    result = run("batch", str(tmp_path / "b.csv"), "-o", str(tmp_path), "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert "made 2, failed 0" in result.stdout


def test_batch_missing_output_folder_is_one_error_before_rendering(tmp_path, run):
    write_tree(tmp_path, {"b.csv": "template\nknee-dry-needling\nknee-dry-needling\n"})
    nope = tmp_path / "nope"
    result = run("batch", str(tmp_path / "b.csv"), "-o", str(nope))
    assert result.exit_code == 6
    assert result.stderr.splitlines() == [
        f"error: -o {nope}: folder does not exist; create it first or give an existing folder"
    ]
    assert "made" not in result.stdout


def test_batch_missing_combine_folder_is_one_error_before_rendering(tmp_path, run, monkeypatch):
    import handouts.render.batch

    def no_rendering(*args, **kwargs):
        raise AssertionError("nothing may be rendered")

    monkeypatch.setattr(handouts.render.batch, "render_row", no_rendering)
    write_tree(tmp_path, {"b.csv": "template\nknee-dry-needling\nknee-dry-needling\n"})
    (tmp_path / "out").mkdir()
    combined = tmp_path / "nope" / "all.pdf"
    result = run(
        "batch", str(tmp_path / "b.csv"), "-o", str(tmp_path / "out"), "--jobs", "1",
        "--combine", str(combined),
    )  # fmt: skip
    assert result.exit_code == 6
    assert result.stderr.splitlines() == [
        f'error: --combine {combined}: folder "{combined.parent}" does not exist; '
        "create it first or give an existing folder"
    ]
    assert not list((tmp_path / "out").iterdir())


def test_batch_without_a_terminal_prints_no_progress_label(tmp_path, run):
    write_tree(tmp_path, {"b.csv": "template\nknee-dry-needling\n"})
    result = run("batch", str(tmp_path / "b.csv"), "-o", str(tmp_path), "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_uses_the_workspace_brand_and_language(tmp_path, run, jobs):
    clinic = write_tree(tmp_path / "clinic", {"clinic.yaml": "name: Maple Clinic\nlanguage: es\n"})
    write_tree(tmp_path, {"rows.csv": "template,patient\nknee-dry-needling,Ana Ruiz\n"})
    out = tmp_path / "out"
    out.mkdir()
    result = run(
        "batch", str(tmp_path / "rows.csv"), "-o", str(out), "--jobs", jobs,
        "--workspace", str(clinic),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    (made,) = out.iterdir()
    text = pdf_text(made)
    assert "Maple Clinic" in text
    assert "Para: Ana Ruiz" in text


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        (
            "c.csv",
            b"template,patient\nknee-dry-needling,Mar\xeda L\xf3pez\n",
            'error: c.csv:2: is not UTF-8 text (byte 0xed); save it as "CSV UTF-8"',
        ),
        (
            "c.csv",
            b"\xef\xbb\xbftemplate,patient\nknee-dry-needling,Ana\nknee-dry-needling,Jos\xe9\n",
            'error: c.csv:3: is not UTF-8 text (byte 0xe9); save it as "CSV UTF-8"',
        ),
        (
            "c.csv",
            "template,patient\nknee-dry-needling,Ana\n".encode("utf-16"),
            'error: c.csv:1: is UTF-16 text, not UTF-8; save it as "CSV UTF-8"',
        ),
        (
            "c.csv",
            "template,patient\nknee-dry-needling,Ana\n".encode("utf-16-le"),
            'error: c.csv:1: is UTF-16 text, not UTF-8; save it as "CSV UTF-8"',
        ),
        (
            "b.yaml",
            b"- template: knee-dry-needling\n  patient: Mar\xeda\n",
            "error: b.yaml:2: is not UTF-8 text (byte 0xed); save it as UTF-8",
        ),
        (
            "b.yaml",
            "- template: knee-dry-needling\n".encode("utf-16"),
            "error: b.yaml:1: is UTF-16 text, not UTF-8; save it as UTF-8",
        ),
    ],
)
def test_batch_file_that_is_not_utf8_is_one_located_error(tmp_path, run, name, data, expected):
    (tmp_path / name).write_bytes(data)
    result = run("batch", str(tmp_path / name), "-o", str(tmp_path))
    assert result.exit_code == 4
    assert result.stderr.splitlines() == [expected]
    assert not list(tmp_path.glob("*.pdf"))


def test_batch_utf8_with_excel_bom_reads_accents(tmp_path, run):
    data = "template,patient\nknee-dry-needling,María López\n".encode("utf-8-sig")
    (tmp_path / "c.csv").write_bytes(data)
    result = run("batch", str(tmp_path / "c.csv"), "-o", str(tmp_path), "--jobs", "1")
    assert result.exit_code == 0, result.output
    (made,) = tmp_path.glob("*.pdf")
    assert "María López" in pdf_text(made)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            "template,patient,template",
            ["error: b.csv:1: template: column is named twice; keep one of them"],
        ),
        (
            "Template,patient,template",
            ["error: b.csv:1: template: column is named twice; keep one of them"],
        ),
        (
            "template;patient",
            [
                "error: b.csv:1: columns are separated by semicolons; separate them with commas"
                ' (save the file as "CSV UTF-8 (Comma delimited)")'
            ],
        ),
    ],
)
def test_batch_header_mistakes_are_located_on_line_1(tmp_path, run, header, expected):
    write_tree(tmp_path, {"b.csv": f"{header}\nknee-dry-needling,Ann Poe,knee-acupuncture\n"})
    result = run("batch", str(tmp_path / "b.csv"), "-o", str(tmp_path))
    assert result.exit_code == 4
    assert result.stderr.splitlines() == expected
    assert not list(tmp_path.glob("*.pdf"))


def test_batch_known_columns_are_read_whatever_their_case(tmp_path, run):
    write_tree(tmp_path, {"b.csv": "Template,PATIENT,Date\nknee-dry-needling,Ann Poe,2026-03-04\n"})
    result = run("batch", str(tmp_path / "b.csv"), "-o", str(tmp_path), "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert "Ann Poe" in pdf_text(tmp_path / "2026-03-04-knee-dry-needling-AP.pdf")


def test_batch_unknown_column_suggests_a_near_one(tmp_path, run):
    write_tree(tmp_path, {"b.csv": "template,patien\nknee-dry-needling,Ann Poe\n"})
    result = run("batch", str(tmp_path / "b.csv"), "-o", str(tmp_path))
    assert result.exit_code == 4
    assert result.stderr.startswith(
        'error: b.csv:1: patien: unknown column (did you mean "patient"?); use template,'
    )


def test_batch_duplex_starts_every_handout_on_a_fresh_sheet(tmp_path, run):
    rows = "template,patient,sections\n"
    rows += "knee-dry-needling,Ann Poe,standing-posture\n" * 1
    rows += "knee-dry-needling,Bo Lin,standing-posture\n"
    rows += "knee-dry-needling,Cy Ray,\n"
    write_tree(tmp_path, {"rows.csv": rows})
    out, combined = tmp_path / "out", tmp_path / "all.pdf"
    out.mkdir()
    args = ["batch", str(tmp_path / "rows.csv"), "-o", str(out), "--combine", str(combined)]
    result = run(*args, "--duplex")
    assert result.exit_code == 0, result.output
    counts = [len(PdfReader(str(path)).pages) for path in sorted(out.iterdir())]
    assert any(count % 2 for count in counts), "the test needs an odd-length handout"
    reader = PdfReader(str(combined))
    assert len(reader.pages) == sum(count + count % 2 for count in counts)
    texts = [page.extract_text() for page in reader.pages]
    for name in ("Ann Poe", "Bo Lin", "Cy Ray"):
        first = next(index for index, text in enumerate(texts) if name in text)
        assert first % 2 == 0, f"{name} starts on the back of a sheet"


def test_duplex_needs_combine(tmp_path, run):
    write_tree(tmp_path, {"rows.csv": "template\nknee-dry-needling\n"})
    result = run("batch", str(tmp_path / "rows.csv"), "--duplex")
    assert result.exit_code == 2
    assert "--duplex goes with --combine" in result.output


def test_batch_never_replaces_another_patients_sheet_from_an_earlier_run(tmp_path, run):
    out = tmp_path / "out"
    out.mkdir()
    first = "template,patient,date\nknee-dry-needling,Jane Doe,2026-03-04\n"
    second = "template,patient,date\nknee-dry-needling,John Dean,2026-03-04\n"
    write_tree(tmp_path, {"first.csv": first, "second.csv": second})
    assert run("batch", str(tmp_path / "first.csv"), "-o", str(out), "--jobs", "1").exit_code == 0
    assert run("batch", str(tmp_path / "second.csv"), "-o", str(out), "--jobs", "1").exit_code == 0
    assert run("batch", str(tmp_path / "first.csv"), "-o", str(out), "--jobs", "1").exit_code == 0
    names = sorted(path.name for path in out.iterdir())
    assert names == ["2026-03-04-knee-dry-needling-JD-2.pdf", "2026-03-04-knee-dry-needling-JD.pdf"]
    assert "Jane Doe" in pdf_text(out / "2026-03-04-knee-dry-needling-JD.pdf")
    assert "John Dean" in pdf_text(out / "2026-03-04-knee-dry-needling-JD-2.pdf")
