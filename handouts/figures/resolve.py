"""Give every Figure block of a document its drawing, or report each problem where it is.

A figure needs a caption (the alt text), a `figure:<id>` target and a figure with that id
in the workspace or the built-in library whose file passes its checks.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from handouts import document as doc
from handouts.errors import LibraryError, Problem, did_you_mean
from handouts.figures.catalog import FigureFile, find_figures, read_figure
from handouts.figures.model import FigureEntry
from handouts.library.model import Library

HOW = "write ![a few words saying what it shows](figure:<id>)"


def resolve_figures(document: doc.Document, library: Library) -> doc.Document:
    """`document` with the art of each figure filled in; LibraryError lists every problem."""
    files = find_figures(library.roots)
    problems: list[Problem] = []

    def place(section_id: str | None, target: str) -> tuple[str, int | None]:
        return _place(library, section_id, target)

    def attach(section_id: str | None) -> Callable[[doc.Figure], doc.Figure]:
        def one(figure: doc.Figure) -> doc.Figure:
            where, line = place(section_id, figure.target)
            entry, found = _check(figure, files, where, line)
            problems.extend(found)
            return dataclasses.replace(figure, art=entry.art) if entry else figure

        return one

    intro = _map(document.intro, attach(None))
    sections = tuple(
        dataclasses.replace(section, blocks=_map(section.blocks, attach(section.id)))
        for section in document.sections
    )
    if problems:
        raise LibraryError(_unique(problems))
    return dataclasses.replace(document, intro=intro, sections=sections)


def _check(
    figure: doc.Figure, files: dict[str, FigureFile], where: str, line: int | None
) -> tuple[FigureEntry | None, list[Problem]]:
    field = f"figure {figure.target or '(none)'}"
    if not figure.target.startswith("figure:") or not figure.id:
        shown = figure.target or "nothing"
        return None, [Problem(where, f'an image must name a figure, got "{shown}"; {HOW}', line)]
    if not figure.caption:
        return None, [Problem(where, f"has no caption; {HOW}", line, field)]
    file = files.get(figure.id)
    if file is None:
        hint = did_you_mean(figure.id, files) or "; `handouts figures` lists them"
        return None, [Problem(where, f'no figure "{figure.id}"{hint}', line, field)]
    return _read(file, *_stamp(file.path))


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (0, 0)
    return (stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)
def _read(file: FigureFile, mtime: int, size: int) -> tuple[FigureEntry | None, list[Problem]]:
    """Read a figure file once per version of it (batch renders reuse the drawing)."""
    return read_figure(file)


def _place(library: Library, section_id: str | None, target: str) -> tuple[str, int | None]:
    """The file and line where a section names `target` (the section file when not found)."""
    section = library.sections.get(section_id) if section_id else None
    if section is None:
        return "intro", None
    for offset, text in enumerate(section.body.split("\n")):
        if f"]({target})" in text:
            return section.path, section.body_line + offset
    return section.path, None


def _map(blocks: Iterable[doc.Block], fn: Callable[[doc.Figure], doc.Figure]) -> tuple:
    out: list[doc.Block] = []
    for block in blocks:
        if isinstance(block, doc.Figure):
            out.append(fn(block))
        elif isinstance(block, doc.ListBlock):
            items = tuple(_map(item, fn) for item in block.items)
            out.append(dataclasses.replace(block, items=items))
        elif isinstance(block, doc.Callout):
            out.append(dataclasses.replace(block, blocks=_map(block.blocks, fn)))
        elif isinstance(block, doc.Card):
            figure = fn(block.figure) if block.figure else None
            out.append(dataclasses.replace(block, blocks=_map(block.blocks, fn), figure=figure))
        else:
            out.append(block)
    return tuple(out)


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[str] = set()
    out = []
    for problem in problems:
        if str(problem) not in seen:
            seen.add(str(problem))
            out.append(problem)
    return out
