"""Figures: pictures of exercises drawn from pose files, or a clinic's own pictures.

No ReportLab here: `handouts.pdf.figure` draws them, `figures.svg` writes SVG.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from handouts.errors import Problem
from handouts.figures.model import FigureEntry


def load_all(roots: Iterable[Path]) -> tuple[list[FigureEntry], list[Problem]]:
    """Every figure in `roots` (first root wins per id), read and checked, sorted by id.

    A workspace picture without captions takes those of the built-in figure it replaces.
    """
    from handouts.figures.catalog import find_figures, read_figure

    roots = list(roots)
    entries: list[FigureEntry] = []
    problems: list[Problem] = []
    builtin = find_figures(roots[-1:]) if roots else {}
    for figure_id, file in sorted(find_figures(roots).items()):
        fallback = _builtin_captions(builtin.get(figure_id)) if file.origin != "built-in" else None
        entry, found = read_figure(file, fallback)
        problems += found
        if entry is not None:
            entries.append(entry)
    return entries, problems


def _builtin_captions(file: object) -> dict[str, str] | None:
    from handouts.figures.catalog import FigureFile, read_figure

    if not isinstance(file, FigureFile) or file.origin != "built-in":
        return None
    entry, _ = read_figure(file)
    return entry.captions if entry else None
