"""SIGTERM is handled like Ctrl-C: temporary files removed, one line, exit 1; quiet workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from handouts.render import batch as runner

INTERRUPTED = "error: interrupted; handouts already made are kept, nothing half-written is left\n"


def test_sigterm_mid_write_removes_the_temporary_file(run, tmp_path, monkeypatch):
    real_fsync = os.fsync

    def fsync_then_terminated(fd: int) -> None:
        real_fsync(fd)
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(os, "fsync", fsync_then_terminated)
    target = tmp_path / "out.pdf"
    result = run("render", "knee-dry-needling", "--patient", "Ann Lee", "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr == INTERRUPTED
    assert list(tmp_path.iterdir()) == []


def test_the_sigterm_handler_is_put_back_after_a_run(run, tmp_path):
    before = signal.getsignal(signal.SIGTERM)
    assert run("render", "knee-dry-needling", "-o", str(tmp_path / "a.pdf")).exit_code == 0
    assert signal.getsignal(signal.SIGTERM) == before


def wait_for_a_sheet(folder: Path, process: subprocess.Popen) -> None:
    """Poll until the batch has written its first handout (the workers are busy then)."""
    deadline = time.monotonic() + 120
    while not list(folder.glob("*.pdf")):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the batch wrote nothing"
        time.sleep(0.02)


@pytest.mark.parametrize("how", ["sigterm", "ctrl-c"])
def test_stopping_a_batch_is_one_line_no_tracebacks_no_temporary_files(tmp_path, how):
    rows = tmp_path / "rows.csv"
    rows.write_text(
        "template,patient\n" + "".join(f"knee-dry-needling,Pat{i} Lee\n" for i in range(400))
    )
    out = tmp_path / "out"
    out.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "handouts", "batch", str(rows), "-o", str(out), "-j", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        wait_for_a_sheet(out, process)
        if how == "sigterm":
            process.send_signal(signal.SIGTERM)
        else:  # a terminal's Ctrl-C reaches every process of the group
            os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 1, stderr
    assert stderr == INTERRUPTED
    assert not [p for p in out.iterdir() if p.suffix != ".pdf"]


def test_jobs_are_capped_by_rows_and_cores(run, tmp_path, monkeypatch):
    rows = tmp_path / "rows.csv"
    rows.write_text("template\nknee-dry-needling\nknee-dry-needling\nknee-dry-needling\n")
    used = []
    real_run_batch = runner.run_batch

    def spy(rows, names, jobs, workspace=None):
        used.append(jobs)
        return real_run_batch(rows, names, 1, workspace)

    monkeypatch.setattr(runner, "run_batch", spy)
    out = tmp_path / "out"
    out.mkdir()
    result = run("batch", str(rows), "-o", str(out), "--jobs", "999")
    assert result.exit_code == 0, result.output
    assert used == [min(3, runner.default_jobs())]


@pytest.mark.parametrize(
    ("requested", "rows", "most"), [(999, 3, 3), (None, 1, 1), (999, 10**6, None), (2, 0, 1)]
)
def test_worker_count(requested, rows, most):
    count = runner.worker_count(requested, rows)
    assert 1 <= count <= runner.default_jobs()
    if most is not None:
        assert count <= most
