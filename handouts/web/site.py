"""What the web app works with: the workspace, its brand and library, the output folder.

The brand and library are read again whenever a workspace file changes, so a clinic can
edit its Markdown and YAML while the app runs; a broken file is reported, never fatal.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from handouts.library.model import Library
from handouts.web.store import Store
from handouts.workspace.clinic import Clinic
from handouts.workspace.folder import CLINIC_FILE, Workspace, load_clinic, load_workspace_library

WATCHED = (CLINIC_FILE, "content", "templates")
WATCH_LIMIT = 5000  # files looked at for changes


@dataclass(frozen=True)
class Setup:
    """A workspace read: its brand, the language, and the library in that language."""

    clinic: Clinic
    lang: str
    library: Library
    languages: tuple[str, ...]


class Site:
    """The workspace served, with its setups cached until a file in it changes."""

    def __init__(self, workspace: Workspace, output: Path | None = None) -> None:
        self.workspace = workspace
        base = workspace.root or Path.cwd()
        self.output = (output or base / "output").resolve()
        self.store = Store()
        self._cache: dict[tuple[str | None, tuple], Setup] = {}
        self._lock = threading.Lock()

    def describe(self) -> str:
        """Which workspace this is, for the page footer."""
        return self.workspace.describe()

    def fingerprint(self) -> tuple:
        """Names, sizes and times of the workspace's own files: changes when one is edited."""
        root = self.workspace.root
        if root is None:
            return ()
        seen: list[tuple[str, int, int]] = []
        for name in WATCHED:
            top = root / name
            paths = [top] if top.is_file() else sorted(top.rglob("*")) if top.is_dir() else []
            for path in paths[:WATCH_LIMIT]:
                try:
                    stat = path.stat()
                except OSError:
                    continue
                seen.append((str(path), stat.st_size, stat.st_mtime_ns))
        return tuple(seen)

    def setup(self, lang: str | None = None) -> Setup:
        """Brand and library in `lang` (default: the clinic's); raise HandoutsError if broken."""
        from handouts.library.languages import available_languages

        key = (lang, self.fingerprint())
        with self._lock:
            if key in self._cache:
                return self._cache[key]
        clinic = load_clinic(self.workspace)
        chosen = (lang or clinic.language).strip()
        where = CLINIC_FILE if not lang else "--lang"
        library = load_workspace_library(self.workspace, chosen, where)
        languages = available_languages([root.path for root in self.workspace.roots()])
        setup = Setup(clinic, chosen, library, tuple(languages))
        with self._lock:
            if len(self._cache) > 16:
                self._cache.clear()
            self._cache[key] = setup
        return setup

    def output_folder(self) -> Path:
        """The folder handouts are written to (made when missing)."""
        os.makedirs(self.output, exist_ok=True)
        return self.output
