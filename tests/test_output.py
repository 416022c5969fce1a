"""Where the PDF goes: clear errors for bad targets, and no half-written files."""

from __future__ import annotations

import os

import handouts.render.output


def only_files(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_target_that_is_a_folder_is_an_error(tmp_path, run):
    target = tmp_path / "2026-01-02-knee-dry-needling.pdf"
    target.mkdir()
    result = run("render", "knee-dry-needling", "--date", "2026-01-02", "-o", str(tmp_path))
    assert result.exit_code == 6
    assert result.stderr.strip() == (
        f"error: {target}: is a folder, not a file; give another name ending in .pdf"
    )


def test_output_naming_a_file_that_is_not_a_folder_is_an_error(tmp_path, run):
    plain = tmp_path / "notes.txt"
    plain.write_text("keep me")
    result = run("render", "knee-dry-needling", "-o", str(plain))
    assert result.exit_code == 6
    assert "is a file, not a folder" in result.stderr
    assert plain.read_text() == "keep me"


def test_unwritable_folder_is_reported_before_rendering(tmp_path, run, monkeypatch):
    real_access = os.access
    monkeypatch.setattr(
        handouts.render.output.os,
        "access",
        lambda path, mode: False if str(path) == str(tmp_path) else real_access(path, mode),
    )
    result = run("render", "knee-dry-needling", "-o", str(tmp_path / "x.pdf"))
    assert result.exit_code == 6
    assert result.stderr.strip() == (
        f"error: {tmp_path}: folder cannot be written to; "
        "choose another folder or ask for write access"
    )
    assert "Traceback" not in result.output


def test_a_temporary_file_that_cannot_be_made_is_an_output_error(tmp_path, run, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(handouts.render.output.tempfile, "mkstemp", refuse)
    result = run("render", "knee-dry-needling", "-o", str(tmp_path / "x.pdf"))
    assert result.exit_code == 6
    assert "folder cannot be written to (permission denied)" in result.stderr
    assert only_files(tmp_path) == []


def test_a_failed_write_leaves_no_partial_file_and_keeps_the_old_one(tmp_path, run, monkeypatch):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old handout")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(handouts.render.output.os, "fsync", disk_full)
    result = run("render", "knee-dry-needling", "-o", str(target))
    assert result.exit_code == 6
    assert "cannot be written (no space left on device)" in result.stderr
    assert target.read_bytes() == b"old handout"
    assert only_files(tmp_path) == ["out.pdf"]


def test_an_interrupted_run_leaves_no_partial_file(tmp_path, run, monkeypatch):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old handout")

    def interrupt(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(handouts.render.output.os, "replace", interrupt)
    result = run("render", "knee-dry-needling", "-o", str(target))
    assert result.exit_code == 1  # click reports Ctrl-C as "Aborted!"
    assert target.read_bytes() == b"old handout"
    assert only_files(tmp_path) == ["out.pdf"]


def test_a_successful_write_replaces_the_old_file_and_leaves_nothing_else(tmp_path, run):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old handout")
    result = run("render", "knee-dry-needling", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"%PDF-")
    assert only_files(tmp_path) == ["out.pdf"]
