"""Paths named in a workspace's files, kept inside the workspace."""

from __future__ import annotations

from pathlib import Path

from handouts.errors import LibraryError, Problem


def inside(root: Path, relative: str, where: str, line: int | None, field: str) -> Path:
    """`relative` resolved under `root` (symlinks followed); a LibraryError located at
    `where`:`line` `field` when it leads outside the workspace."""
    base = root.resolve()
    candidate = Path(relative).expanduser()
    target = (candidate if candidate.is_absolute() else base / candidate).resolve()
    if not target.is_relative_to(base):
        raise LibraryError(
            Problem(
                where,
                f'"{relative}" leads outside the workspace {base}; '
                "put the file inside the workspace folder and name it relative to it",
                line=line,
                field=field,
            )
        )
    return target
