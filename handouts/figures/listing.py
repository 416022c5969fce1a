"""The list of figures with their origin (what `handouts figures` prints)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from handouts.errors import LibraryError
from handouts.figures.model import FigureEntry, Picture


def loaded_figures(roots: Iterable[Path]) -> list[FigureEntry]:
    """Every figure, read and checked; LibraryError lists every broken one."""
    from handouts.figures import load_all

    entries, problems = load_all(roots)
    if problems:
        raise LibraryError(problems)
    return entries


def kind_of(entry: FigureEntry) -> str:
    """What a figure is drawn from: a pose file, a photo or an SVG drawing."""
    if isinstance(entry.art, Picture):
        return "SVG drawing" if entry.art.kind == "svg" else f"{entry.art.kind.upper()} photo"
    return "pose file"


def figure_listing(entries: list[FigureEntry], lang: str) -> str:
    """One line per figure: id, origin, what it is, and its caption in `lang`."""
    if not entries:
        return "no figures"
    width = max(len(entry.id) for entry in entries)
    lines = []
    for entry in entries:
        caption = entry.caption(lang) or "(no caption: sections give it)"
        origin = f"{entry.origin}, {kind_of(entry)}"
        lines.append(f"{entry.id:<{width}}  {origin:<24}  {caption}")
    return "\n".join(lines)
