"""Batch and prompt mistakes are located, and fail only their own row or answer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def batch(run, tmp_path: Path, out: Path, name: str, data: bytes):
    (tmp_path / name).write_bytes(data)
    return run("batch", str(tmp_path / name), "-o", str(out), "-j", "1")


def test_a_megabyte_csv_cell_fails_its_row_only(run, tmp_path, out):
    data = (
        "template,patient,notes\nknee-dry-needling,Ann,ok\n"
        f"knee-dry-needling,Bo,{'x' * 1_000_000}\nknee-dry-needling,Cy,ok\n"
    ).encode()
    result = batch(run, tmp_path, out, "rows.csv", data)
    assert result.exit_code == 4
    assert "made 2, failed 1" in result.stdout
    assert result.stderr == (
        "error: rows.csv:3: notes: is 1,000,000 characters long; a note may be at most "
        "100,000 characters\n"
    )


@pytest.mark.parametrize("column", ["template", "patient", "paper", "lang", "large_print"])
def test_a_megabyte_cell_in_any_column_is_one_short_line(run, tmp_path, out, column):
    cells = {"template": "knee-dry-needling", column: "y" * 1_000_000}
    data = (",".join(cells) + "\n" + ",".join(cells.values()) + "\n").encode()
    result = batch(run, tmp_path, out, "rows.csv", data)
    assert result.exit_code == 4
    assert result.stderr.startswith(f"error: rows.csv:2: {column}: ")
    assert len(result.stderr) < 400


def test_a_nul_byte_is_called_a_nul_byte(run, tmp_path, out):
    data = b"template,patient\nknee-dry-needling,Ann\x00Lee\n"
    result = batch(run, tmp_path, out, "rows.csv", data)
    assert result.exit_code == 4
    assert (
        result.stderr == "error: rows.csv:2: contains a NUL byte (0x00) at column 22; remove it\n"
    )


def test_an_impossible_date_in_a_batch_yaml_fails_its_row_at_its_line(run, tmp_path, out):
    data = (
        b"- template: knee-dry-needling\n  patient: Ann\n  date: 2026-03-04\n"
        b"- template: knee-dry-needling\n  patient: Bo\n  date: 2026-02-30\n"
    )
    result = batch(run, tmp_path, out, "rows.yaml", data)
    assert result.exit_code == 4
    assert "made 1, failed 1" in result.stdout
    assert result.stderr == (
        'error: rows.yaml:4: date: "2026-02-30" is not a date; use YYYY-MM-DD, e.g. 2026-11-21\n'
    )


def test_a_large_print_cell_of_x_is_an_error_not_no(run, tmp_path, out):
    data = b"template,patient,large_print\nknee-dry-needling,Ann,x\nknee-dry-needling,Bo,yes\n"
    result = batch(run, tmp_path, out, "rows.csv", data)
    assert result.exit_code == 4
    assert "made 1, failed 1" in result.stdout
    assert result.stderr == 'error: rows.csv:2: large_print: must be yes or no (got "x")\n'


def test_undecodable_bytes_piped_to_new_are_a_located_request_error(tmp_path):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    result = subprocess.run(
        [sys.executable, "-m", "handouts", "new", "-o", str(tmp_path / "x.pdf")],
        input=b"1\n\xff\xfeAnn\n",
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 4
    assert result.stderr.decode() == (
        "error: new: patient: is not UTF-8 text (byte 0xff); type it again as UTF-8 text\n"
    )
    assert not (tmp_path / "x.pdf").exists()


def test_undecodable_bytes_on_the_command_line_are_refused(run, tmp_path):
    result = run("render", "knee-dry-needling", "--patient", "Ann \udcff", "-o", str(tmp_path))
    assert result.exit_code == 4
    assert result.stderr == (
        "error: --patient: is not UTF-8 text (byte 0xff); type it again as UTF-8 text\n"
    )


def deny(monkeypatch, folder: Path) -> None:
    """Make `folder` unreadable as far as handouts can tell (the tests run as root)."""
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode: Path(path) != folder and real_access(path, mode)
    )


def test_an_unreadable_workspace_is_an_error_not_the_built_in_one(run, tmp_path, monkeypatch):
    root = tmp_path / "clinic"
    assert run("init", str(root)).exit_code == 0
    deny(monkeypatch, root)
    monkeypatch.setenv("HANDOUTS_WORKSPACE", str(root))
    result = run("sections")
    assert result.exit_code == 3
    assert result.stderr == (
        f'error: HANDOUTS_WORKSPACE: "{root}" cannot be read (permission denied); give a '
        "folder you may read or ask for read access\n"
    )


def test_an_unreadable_content_folder_is_an_error_not_the_built_in_one(run, tmp_path, monkeypatch):
    root = tmp_path / "clinic"
    assert run("init", str(root)).exit_code == 0
    deny(monkeypatch, root / "content" / "en")
    result = run("sections", "--workspace", str(root))
    assert result.exit_code == 3
    assert result.stderr == (
        "error: content/en: folder cannot be read (permission denied); ask for access\n"
    )
