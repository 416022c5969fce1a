"""Which workspace, library and brand to use.

A workspace is a folder holding `clinic.yaml` and override folders (`content/`, `templates/`,
and anything clinic.yaml names, like a logo or fonts). It is found from `--workspace`, else
`HANDOUTS_WORKSPACE`, else the nearest `clinic.yaml` in the current folder or its parents,
else the built-in defaults are used. This module is the one entry point for the library and
the brand.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from handouts.errors import LibraryError, Problem
from handouts.library.loader import LibraryRoot, builtin_root, read_library
from handouts.library.model import Library
from handouts.workspace.clinic import Clinic
from handouts.workspace.paths import inside

CLINIC_FILE = "clinic.yaml"
ENV_VAR = "HANDOUTS_WORKSPACE"


@dataclass(frozen=True)
class Workspace:
    """A clinic's folder (or none: built-in defaults) and how it was chosen."""

    root: Path | None = None
    how: str = "built-in defaults"

    def describe(self) -> str:
        """One line for people: which workspace, and why."""
        if self.root is None:
            return "workspace: none (built-in defaults)"
        return f"workspace: {self.root} ({self.how})"

    def output_folder(self, given: Path | None) -> Path | None:
        """Where handouts go: `given` (-o), else the workspace's output/ folder (made when
        missing), else None (the renderer's default, output/ in the current folder)."""
        if given is not None or self.root is None:
            return given
        folder = self.root / "output"
        with contextlib.suppress(OSError):  # a folder that cannot be made is reported on writing
            folder.mkdir(exist_ok=True)
        return folder

    def roots(self) -> list[LibraryRoot]:
        """Library roots in lookup order: the workspace first, then the built-in library."""
        roots = [LibraryRoot(self.root, "workspace")] if self.root else []
        return [*roots, builtin_root()]

    def resolve(self, relative: str, where: str, line: int | None, field: str) -> Path:
        """A path named in a workspace file, kept inside the workspace (symlinks resolved)."""
        return inside(self.root or Path.cwd(), relative, where, line, field)


def find_workspace(
    explicit: Path | None = None,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Workspace:
    """Choose the workspace: --workspace, else $HANDOUTS_WORKSPACE, else the nearest clinic.yaml."""
    environ = os.environ if environ is None else environ
    if explicit is not None:
        return _named(explicit, "--workspace")
    if environ.get(ENV_VAR):
        return _named(Path(environ[ENV_VAR]), ENV_VAR)
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        try:
            found = (folder / CLINIC_FILE).is_file()
        except OSError:  # a folder we may not look into: not ours
            continue
        if found:
            return Workspace(folder, f"nearest {CLINIC_FILE}")
    return Workspace()


def _named(path: Path, how: str) -> Workspace:
    if not path.is_dir():
        raise LibraryError(
            Problem(
                how,
                f'"{path}" is not a folder; give a workspace folder '
                "(make one with `handouts init DIR`)",
            )
        )
    if not os.access(path, os.R_OK | os.X_OK):
        raise LibraryError(
            Problem(
                how,
                f'"{path}" cannot be read (permission denied); give a folder you may read '
                "or ask for read access",
            )
        )
    return Workspace(path.resolve(), how)


def load_workspace_library(
    workspace: Workspace, lang: str = "en", where: str = "lang", field: str | None = None
) -> Library:
    """The library with the workspace's sections and templates layered over the built-in ones.

    An unknown `lang` is a RequestError located at `where` (the option or file that asked
    for it, and `field`), or a LibraryError at its line when `where` is the clinic.yaml.
    """
    from handouts.library.languages import check_language

    roots = workspace.roots()
    paths = [root.path for root in roots]
    if where == CLINIC_FILE:
        check_language(
            paths, lang, CLINIC_FILE, _clinic_line(workspace, "language"), "language", LibraryError
        )
    else:
        check_language(paths, lang, where, field=field)
    return read_library(roots, lang)


def _clinic_line(workspace: Workspace, key: str) -> int | None:
    """The line of a top-level key in the workspace's clinic.yaml (None when not found)."""
    from handouts.files import read_text
    from handouts.yamlfile.reader import load_yaml

    if workspace.root is None:
        return None
    path = workspace.root / CLINIC_FILE
    try:
        data, _ = load_yaml(read_text(path, root=workspace.root), CLINIC_FILE)
        return data.line_of(key) if key in data else None
    except Exception:  # read_clinic has already reported an unreadable clinic.yaml
        return None


def load_default_library(lang: str = "en") -> Library:
    """The built-in library, validated."""
    return load_workspace_library(Workspace(), lang)


def load_clinic(workspace: Workspace | None = None) -> Clinic:
    """The workspace's brand from its clinic.yaml, or the neutral built-in brand."""
    workspace = workspace or Workspace()
    if workspace.root is None:
        return Clinic()
    path = workspace.root / CLINIC_FILE
    if not path.exists() and not path.is_symlink():
        return Clinic()
    from handouts.workspace.clinic_file import read_clinic

    return read_clinic(workspace.root)
