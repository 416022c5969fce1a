"""Checks on a clinic's picture files: inside the workspace, the right type, sane size.

PNG and JPEG go through the same checks as a logo (handouts.assets); an SVG must be
well-formed XML with an <svg> root, with no DOCTYPE, entities or linked files.
"""

from __future__ import annotations

from pathlib import Path

from handouts.errors import Problem
from handouts.figures.model import Picture

MAX_SVG_BYTES = 2 * 1024 * 1024
SVG_REFUSED = (b"<!doctype", b"<!entity", b"<image", b"<use", b"xi:include", b"<script")


def inside_root(
    path: Path,
    root: Path,
    where: str,
    line: int | None = None,
    field: str | None = None,
    named: str | None = None,
) -> tuple[Path, Problem | None]:
    """`path` with symlinks resolved, or a problem when it leads outside `root`."""
    base = root.resolve()
    target = path.resolve()
    if target.is_relative_to(base):
        return target, None
    shown = named or path.name
    return target, Problem(
        where,
        f'"{shown}" leads outside the workspace {base}; '
        "put the picture inside the workspace folder and name it relative to it",
        line=line,
        field=field,
    )


def check_picture(
    path: Path, where: str, line: int | None = None
) -> tuple[Picture | None, list[Problem]]:
    """A checked picture (PNG, JPEG or SVG), or the located problems with it."""
    from handouts.workspace.assets import check_image, image_size

    field = "image" if line is not None else None
    if path.suffix.lower() == ".svg":
        problem = _svg_problem(path)
        if problem:
            located = Problem(where, problem, line=line, field=field)
            return None, [located]
        return Picture(str(path), "svg"), []
    if line is None:
        problems = check_image(path)
        problems = [Problem(where, p.message) for p in problems]
    else:
        problems = check_image(path, where, line, field)
    if problems:
        return None, problems
    kind = "png" if path.suffix.lower() == ".png" else "jpeg"
    width, height = image_size(path)
    return Picture(str(path), kind, (float(width), float(height))), []


def _svg_problem(path: Path) -> str | None:
    """What is wrong with an SVG file, or None."""
    if not path.is_file():
        return f'"{path.name}" does not exist; check the file name and folder'
    data = path.read_bytes()
    if not data.strip():
        return f'"{path.name}" is empty; save the drawing again'
    if len(data) > MAX_SVG_BYTES:
        return (
            f'"{path.name}" is {len(data) // 1024} KB; use an SVG under {MAX_SVG_BYTES // 1024} KB'
        )
    lowered = data.lower()
    for refused in SVG_REFUSED:
        if refused in lowered:
            word = refused.decode().lstrip("<!")
            return (
                f'"{path.name}" uses {word}, which handouts does not draw; '
                "save it as a plain SVG (shapes and text only) or use a PNG"
            )
    from lxml import etree

    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return f'"{path.name}" is damaged (not valid SVG: {exc.msg}); export the drawing again'
    if etree.QName(root).localname != "svg":
        return f'"{path.name}" is not an SVG drawing (no <svg> root); export it as SVG'
    return None
