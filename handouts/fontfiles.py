"""Font files: a family from an installed font package, or TTF files named by the clinic.

Only static TrueType files work in ReportLab; variable fonts are refused here.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from handouts.clinic import FONT_STYLES, FontChoice

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
    """A family from four TTF files; each must be a static TrueType font."""
    for style, path in files.items():
        check_ttf(path, style)
    return FontChoice(_face_name(name), tuple((s, files[s]) for s in FONT_STYLES))


def check_ttf(path: Path, style: str) -> None:
    """Refuse a file that is missing, damaged, or not a static TrueType font."""
    from handouts.assets import check_font

    problems = check_font(path)
    if problems:
        raise FontProblem(f'{style} font "{path.name}" {problems[0].message}')


def fallback_family() -> FontChoice:
    """The shipped fallback family (Fira Sans: Latin Extended, Greek, Cyrillic, Vietnamese)."""
    return package_family(FALLBACK_PACKAGE)


def _face_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "", name.title()) or "ClinicFont"
