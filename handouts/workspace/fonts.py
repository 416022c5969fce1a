"""Font files: a family from an installed font package, or TTF files named by the clinic.

Only static TrueType files work in ReportLab; variable fonts are refused here.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from pathlib import Path

from handouts.workspace.clinic import FONT_STYLES, FontChoice

FALLBACK_PACKAGE = "fira-sans"
STYLE_SUFFIXES = {
    "regular": "Regular",
    "bold": "Bold",
    "italic": "Italic",
    "bold_italic": "BoldItalic",
}


class FontProblem(ValueError):
    """Why a font cannot be used."""


def package_family(package: str) -> FontChoice:
    """The four static faces of an installed `fontpkg-<name>` package."""
    name = package.removeprefix("fontpkg-")
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name):
        raise FontProblem(f'"{package}" is not a font package name; write it like "fira-sans"')
    module_name = "fontpkg_" + name.replace("-", "_")
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        raise FontProblem(
            f'font package "fontpkg-{name}" is not installed; run `pip install fontpkg-{name}` '
            "or name TTF files for regular, bold, italic and bold_italic"
        ) from None
    folder = Path(module.ROOT) / "files"
    files = []
    for style in FONT_STYLES:
        matches = sorted(folder.glob(f"*-{STYLE_SUFFIXES[style]}.ttf"))
        if not matches:
            variable = [p.name for p in folder.glob("*[[]*.ttf")]
            hint = " (it ships only variable fonts, which do not work here)" if variable else ""
            raise FontProblem(
                f'font package "fontpkg-{name}" has no static {style} face{hint}; '
                "choose a package with static TTFs, e.g. fira-sans"
            )
        files.append((style, matches[0]))
    return FontChoice(_face_name(name), tuple(files))


def file_family(name: str, files: dict[str, Path]) -> FontChoice:
    """A family from four TTF files; each must be a static TrueType font ReportLab can read."""
    for style in FONT_STYLES:
        check_ttf(files[style], style)
    return FontChoice(_face_name(name), tuple((s, files[s]) for s in FONT_STYLES))


def fallback_file(path: Path) -> FontChoice:
    """A fallback family from one TTF file, drawn in every style."""
    check_ttf(path, "fallback")
    return FontChoice(_face_name(path.stem), tuple((style, path) for style in FONT_STYLES))


def check_ttf(path: Path, role: str) -> None:
    """Refuse a file that is missing, damaged, not a static TrueType font, or that
    ReportLab's font parser cannot read; `role` names it ("regular", "fallback", ...)."""
    problem = ttf_problem(path)
    if problem:
        raise FontProblem(f'{role} font "{path.name}" {problem}')


def ttf_problem(path: Path) -> str | None:
    """What is wrong with a TTF file, or None; checked once per file and process."""
    try:
        stat = path.stat()
    except OSError:
        return _ttf_problem(path, 0, 0)
    return _ttf_problem(path, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=64)
def _ttf_problem(path: Path, size: int, mtime: int) -> str | None:
    from handouts.workspace.assets import check_font

    problems = check_font(path)
    if problems:
        return problems[0].message
    return read_tables(path)


# The tables ReportLab reads when it embeds a TrueType font.
_EMBEDDED_TABLES = ("head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap", "name", "post")


def read_tables(path: Path) -> str | None:
    """Why the font's tables cannot be read, or None: fontTools decodes every table that
    embedding needs (a glyph count beyond its data, a bad head table), without ReportLab."""
    from fontTools.ttLib import TTFont

    try:
        with TTFont(str(path), lazy=True) as font:
            for tag in _EMBEDDED_TABLES:
                if tag in font:
                    font[tag]
            font["glyf"].glyphs if "glyf" in font else None
            if font.getBestCmap() is None:
                return "has no character map usable for text; choose another font"
    except Exception:  # fontTools raises struct.error, TTLibError, AssertionError, ...
        return "is damaged (its font tables cannot be read); download the font again"
    return None


def fallback_family() -> FontChoice:
    """The shipped fallback family (Fira Sans: Latin Extended, Greek, Cyrillic, Vietnamese)."""
    return package_family(FALLBACK_PACKAGE)


def _face_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "", name.title()) or "ClinicFont"
