"""Font registration: the body family is registered once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class FontFamily:
    """ReportLab names of a registered family's four faces."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


def atkinson_files() -> dict[str, Path]:
    """Paths of the four Atkinson Hyperlegible faces shipped by its PyPI package."""
    from fontpkg_atkinson_hyperlegible import ROOT

    folder = Path(ROOT) / "files"
    stem = "AtkinsonHyperlegible"
    return {
        "regular": folder / f"{stem}-Regular.ttf",
        "bold": folder / f"{stem}-Bold.ttf",
        "italic": folder / f"{stem}-Italic.ttf",
        "bold_italic": folder / f"{stem}-BoldItalic.ttf",
    }


@lru_cache(maxsize=8)
def register_family(name: str, files: tuple[tuple[str, Path], ...]) -> FontFamily:
    """Register four TTF faces under `name` (once) and map <b>/<i> to them."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    faces = dict(files)
    family = FontFamily(name, f"{name}-Bold", f"{name}-Italic", f"{name}-BoldItalic")
    for style, face_name in (
        ("regular", family.regular),
        ("bold", family.bold),
        ("italic", family.italic),
        ("bold_italic", family.bold_italic),
    ):
        pdfmetrics.registerFont(TTFont(face_name, str(faces[style])))
    pdfmetrics.registerFontFamily(
        name,
        normal=family.regular,
        bold=family.bold,
        italic=family.italic,
        boldItalic=family.bold_italic,
    )
    return family


def body_family() -> FontFamily:
    """The default body family, Atkinson Hyperlegible, registered."""
    return register_family("Atkinson", tuple(sorted(atkinson_files().items())))
