"""Today's handouts in the output folder, read from the request inside each PDF."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path

from handouts.errors import HandoutsError
from handouts.render.provenance import Provenance, read_provenance

_CACHE: dict[tuple[Path, int, int], Provenance | None] = {}
_LOCK = threading.Lock()
LIMIT = 500  # files listed at most


@dataclass(frozen=True)
class Made:
    """One handout made today: its file, when, and the request inside it."""

    path: Path
    time: dt.datetime
    provenance: Provenance


def made_today(folder: Path, today: dt.date | None = None) -> list[Made]:
    """Handouts written to `folder` today, newest first (files without a request are skipped)."""
    today = today or dt.date.today()
    found = []
    if not folder.is_dir():
        return []
    for path in folder.glob("*.pdf"):
        try:
            stat = path.stat()
        except OSError:
            continue
        time = dt.datetime.fromtimestamp(stat.st_mtime)
        if time.date() != today or not path.is_file():
            continue
        provenance = _provenance(path, stat.st_mtime_ns, stat.st_size)
        if provenance is not None:
            found.append(Made(path, time, provenance))
    found.sort(key=lambda made: (made.time, made.path.name), reverse=True)
    return found[:LIMIT]


def _provenance(path: Path, mtime: int, size: int) -> Provenance | None:
    key = (path, mtime, size)
    with _LOCK:
        if key in _CACHE:
            return _CACHE[key]
    try:
        provenance: Provenance | None = read_provenance(path)
    except HandoutsError:
        provenance = None
    with _LOCK:
        if len(_CACHE) > 4 * LIMIT:
            _CACHE.clear()
        _CACHE[key] = provenance
    return provenance
