"""Which figures exist, where each comes from, and reading one with every check.

Built-in pose files live in `content/figures/<id>.yaml`; a workspace adds or replaces one
with `figures/<id>.yaml` (a pose file, or a caption plus `image: path`), `figures/<id>.png`,
`.jpg`/`.jpeg` or `.svg`. The first root that has an id wins (the workspace comes first).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from handouts.errors import Problem
from handouts.figures.model import FigureEntry, Picture

SUFFIXES = (".yaml", ".png", ".jpg", ".jpeg", ".svg")
BUILTIN_FOLDER = ("content", "figures")
WORKSPACE_FOLDER = ("figures",)


@dataclass(frozen=True)
class FigureFile:
    """A figure file found in a root, before it is read."""

    id: str
    path: Path
    root: Path
    origin: str

    @property
    def where(self) -> str:
        """The path as shown in messages, relative to its root."""
        try:
            return self.path.relative_to(self.root).as_posix()
        except ValueError:
            return str(self.path)


def _origin(root: Path) -> str:
    from handouts.library.loader import builtin_root

    return "built-in" if root.resolve() == builtin_root().path.resolve() else "workspace"


def find_figures(roots: Iterable[Path]) -> dict[str, FigureFile]:
    """Every figure id in `roots` (first root wins), with its file."""
    found: dict[str, FigureFile] = {}
    for root in roots:
        origin = _origin(root)
        folder = root.joinpath(*(BUILTIN_FOLDER if origin == "built-in" else WORKSPACE_FOLDER))
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in SUFFIXES and path.stem not in found:
                found[path.stem] = FigureFile(path.stem, path, root, origin)
    return found


def read_figure(
    file: FigureFile, fallback_captions: dict[str, str] | None = None
) -> tuple[FigureEntry | None, list[Problem]]:
    """Read and check one figure file; (entry, []) or (None, located problems)."""
    from handouts.figures.checks import inside_root

    where = file.where
    target, problem = inside_root(file.path, file.root, where)
    if problem:
        return None, [problem]
    suffix = file.path.suffix.lower()
    if suffix == ".yaml":
        return _read_yaml(file, target, fallback_captions)
    picture, problems = _picture(target, where)
    if picture is None:
        return None, problems
    entry = FigureEntry(file.id, file.origin, where, dict(fallback_captions or {}), picture)
    return entry, []


def _read_yaml(
    file: FigureFile, target: Path, fallback_captions: dict[str, str] | None
) -> tuple[FigureEntry | None, list[Problem]]:
    from handouts.figures.checks import inside_root
    from handouts.figures.draw import drawing
    from handouts.figures.posefile import read_pose_text

    where = file.where
    try:
        text = target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [
            Problem(where, f"cannot be read ({exc.__class__.__name__}); save it as UTF-8")
        ]
    captions, figure, image, problems = read_pose_text(text, where)
    if problems:
        return None, problems
    if image is not None:
        name, line = image
        path, problem = inside_root(file.root / name, file.root, where, line, "image", name)
        if problem:
            return None, [problem]
        picture, problems = _picture(path, where, line)
        if picture is None:
            return None, problems
        return FigureEntry(file.id, file.origin, where, captions, picture), []
    art = drawing(figure) if figure else None
    return FigureEntry(
        file.id, file.origin, where, captions or dict(fallback_captions or {}), art
    ), []


def _picture(
    path: Path, where: str, line: int | None = None
) -> tuple[Picture | None, list[Problem]]:
    from handouts.figures.checks import check_picture

    return check_picture(path, where, line)
