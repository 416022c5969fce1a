"""Only regular files are read, with a size cap, and nothing outside the workspace."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from handouts import files
from tests.helpers import write_tree


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "old.pdf"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("command", [["inspect"], ["render", "--from"]])
def test_a_fifo_given_as_a_pdf_is_one_line_never_a_hang(run, fifo, command):
    result = run(*command, str(fifo))
    assert result.exit_code == 4
    assert result.stderr == f"error: {fifo}: is a pipe (FIFO), not a file; give a regular file\n"


def test_a_device_given_as_a_pdf_is_one_line_never_read(run):
    result = run("inspect", "/dev/zero")
    assert result.exit_code == 4
    assert result.stderr == "error: /dev/zero: is a device, not a file; give a regular file\n"


def test_a_fifo_where_an_old_sheet_would_be_is_kept_and_skipped(run, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "2026-11-21-knee-dry-needling-AL.pdf")
    result = run(
        "render", "knee-dry-needling", "--patient", "Ann Lee", "--date", "2026-11-21",
        "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out / "2026-11-21-knee-dry-needling-AL-2.pdf")


def test_a_pdf_too_large_is_refused_before_it_is_read(run, tmp_path, monkeypatch):
    monkeypatch.setattr(files, "PDF_LIMIT", 1000)
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * 5000)
    result = run("inspect", str(big))
    assert result.exit_code == 4
    assert "files here may be at most 1,000 bytes" in result.stderr


def test_a_batch_file_that_is_a_fifo_is_refused(run, tmp_path):
    rows = tmp_path / "rows.csv"
    os.mkfifo(rows)
    result = run("batch", str(rows), "-o", str(tmp_path))
    assert result.exit_code == 4
    assert result.stderr == "error: rows.csv: is a pipe (FIFO), not a file; give a regular file\n"


SECTION = """
    ---
    id: {id}
    title: Secret
    category: self-care
    summary: Read from outside.
    ---
    Outside text.
    """


def test_a_section_linked_from_outside_the_workspace_is_refused(run, tmp_path):
    outside = tmp_path / "elsewhere"
    write_tree(outside, {"heat-use.md": SECTION.format(id="heat-use")})
    root = tmp_path / "clinic"
    assert run("init", str(root)).exit_code == 0
    (root / "content" / "en" / "heat-use.md").symlink_to(outside / "heat-use.md")
    result = run("sections", "--workspace", str(root))
    assert result.exit_code == 3
    assert result.stderr.startswith("error: content/en/heat-use.md: leads outside the workspace"), (
        result.stderr
    )
    assert "Outside text" not in result.output


@pytest.mark.parametrize("name", ["clinic.yaml", "content/en/strings.yaml"])
def test_workspace_files_linked_from_outside_are_refused(run, tmp_path, name):
    root = tmp_path / "clinic"
    assert run("init", str(root)).exit_code == 0
    outside = tmp_path / "outside.yaml"
    outside.write_text("name: Elsewhere\n")
    (root / name).unlink(missing_ok=True)
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).symlink_to(outside)
    target = tmp_path / "out.pdf"
    result = run("render", "knee-dry-needling", "--workspace", str(root), "-o", str(target))
    assert result.exit_code == 3
    assert f"error: {name}: leads outside the workspace" in result.stderr
    assert not target.exists()


def test_a_link_inside_the_workspace_is_fine(run, tmp_path):
    root = tmp_path / "clinic"
    assert run("init", str(root)).exit_code == 0
    section = root / "content" / "en" / "stretch-holds.md"
    kept = root / "kept-stretch-holds.md"
    section.rename(kept)
    section.symlink_to(kept)
    assert run("sections", "--workspace", str(root)).exit_code == 0


def test_init_does_not_follow_a_dangling_clinic_yaml_link(run, tmp_path):
    target = tmp_path / "new-clinic"
    target.mkdir()
    outside = tmp_path / "outside.yaml"
    (target / "clinic.yaml").symlink_to(outside)
    result = run("init", str(target))
    assert result.exit_code == 6
    assert "clinic.yaml: already exists" in result.stderr
    assert not outside.exists()
    assert not (target / "GUIDE.txt").exists()


def test_init_does_not_write_through_a_linked_folder(run, tmp_path):
    target = tmp_path / "new-clinic"
    target.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (target / "content").symlink_to(elsewhere)
    result = run("init", str(target))
    assert result.exit_code == 6
    assert "leads outside" in result.stderr
    assert not list(elsewhere.rglob("*.md"))


def test_init_leaves_no_temporary_files(run, tmp_path):
    assert run("init", str(tmp_path / "c")).exit_code == 0
    assert not list((tmp_path / "c").rglob(".handouts-*"))
