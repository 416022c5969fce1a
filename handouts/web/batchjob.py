"""A batch file uploaded in the browser, rendered in a background thread with progress.

The rows go through `handouts.batch` like `handouts batch FILE`: the same reading, the
same per-row errors, the same names; the combined PDF is kept for printing.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from handouts.errors import HandoutsError
from handouts.web.site import Site
from handouts.web.store import Stored

SUFFIXES = (".csv", ".yaml", ".yml")
KEPT = 20  # finished jobs remembered


@dataclass
class Job:
    """One uploaded batch: how far it got, what failed, and the combined PDF when done."""

    id: str
    name: str
    total: int = 0
    done: int = 0
    made: int = 0
    errors: list[str] = field(default_factory=list)
    combined: str = ""  # the store id of the combined PDF
    finished: bool = False

    @property
    def percent(self) -> int:
        """Progress out of 100."""
        return 100 if self.finished else int(100 * self.done / self.total) if self.total else 0


class Jobs:
    """The batches started from this app."""

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def get(self, job_id: str) -> Job | None:
        """A job by its id."""
        with self._lock:
            return self._jobs.get(job_id)

    def start(
        self, site: Site, upload: bytes, suffix: str, shown_name: str, duplex: bool = False
    ) -> Job:
        """Save the upload under a name of our own and render it in a new thread."""
        job = Job(secrets.token_urlsafe(12), shown_name)
        with self._lock:
            done = [key for key, old in self._jobs.items() if old.finished]
            for key in done[: max(0, len(self._jobs) - KEPT)]:
                del self._jobs[key]
            self._jobs[job.id] = job
        folder = Path(tempfile.mkdtemp(prefix="handouts-batch-"))
        source = folder / f"batch{suffix}"
        source.write_bytes(upload)
        thread = threading.Thread(target=_run, args=(job, site, source, duplex), daemon=True)
        thread.start()
        return job


def _shown(line: str, saved: str, uploaded: str) -> str:
    """A message about the saved copy, naming the file as the person uploaded it."""
    return uploaded + line[len(saved) :] if line.startswith(saved) else line


def _run(job: Job, site: Site, source: Path, duplex: bool) -> None:
    """Render every row of `source` into the output folder; combine what was made."""
    from handouts.render import batch as runner

    try:
        setup = site.setup()
        job.total = runner.count_rows(source)
        names = runner.Names(site.output_folder(), setup.clinic.file_pattern)
        made: list[Path] = []
        rows = runner.read_rows(source, setup.clinic)
        for outcome in runner.run_batch(rows, names, 1, site.workspace.root):
            job.done += 1
            if outcome.path is None:
                job.errors += [
                    _shown(line, source.name, job.name) for line in outcome.error.splitlines()
                ]
            else:
                made.append(outcome.path)
                job.made += 1
        if made:
            combined = source.parent / "combined.pdf"
            runner.combine(made, combined, duplex)
            stored = Stored("handouts-combined.pdf", data=combined.read_bytes())
            job.combined = site.store.put(stored)
    except HandoutsError as error:
        job.errors += [_shown(str(problem), source.name, job.name) for problem in error.problems]
    except Exception as error:  # a bug: say so on the page rather than spin for ever
        job.errors.append(f"unexpected failure: {error!r}")
    finally:
        job.finished = True
        shutil.rmtree(source.parent, ignore_errors=True)
