"""Free output names are claimed atomically: runs at the same moment never lose a sheet."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from handouts.render.output import write_free, write_new
from handouts.render.provenance import read_provenance

RENDER = [sys.executable, "-m", "handouts", "render", "knee-dry-needling"]
PATIENTS = ["Ann Lee", "Amy Lo", "Al Li", "Abe Low"]


def test_concurrent_renders_with_the_same_initials_give_one_sheet_each(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    runs = [
        subprocess.Popen(
            [*RENDER, "--patient", patient, "--date", "2026-11-21", "-o", str(out)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
        )
        for patient in PATIENTS
    ]
    results = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0] * len(PATIENTS), results
    paths = [Path(stdout.strip()) for stdout, _ in results]
    assert len(set(paths)) == len(PATIENTS)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in paths)
    for patient, path in zip(PATIENTS, paths, strict=True):
        assert read_provenance(path).request.patient == patient


def test_a_name_taken_between_choosing_and_writing_is_not_replaced(tmp_path):
    target = tmp_path / "sheet.pdf"

    def may_replace(path: Path) -> bool:
        return False

    first = write_free(target, b"first", may_replace)
    second = write_free(target, b"second", may_replace)
    assert (first.name, second.name) == ("sheet.pdf", "sheet-2.pdf")
    assert first.read_bytes() == b"first"
    assert second.read_bytes() == b"second"
    assert not list(tmp_path.glob(".handouts-*"))


def test_a_name_the_same_patient_holds_is_made_again(tmp_path):
    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"old")
    assert write_free(target, b"new", lambda path: True) == target
    assert target.read_bytes() == b"new"


def test_write_new_never_writes_through_a_dangling_link(tmp_path):
    outside = tmp_path / "outside.txt"
    (tmp_path / "ws").mkdir()
    (tmp_path / "ws" / "clinic.yaml").symlink_to(outside)
    try:
        write_new(tmp_path / "ws" / "clinic.yaml", b"x")
    except Exception as exc:
        assert "already exists" in str(exc)
    assert not outside.exists()
