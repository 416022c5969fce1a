"""Font registration and coverage: which registered face draws each character.

Faces are registered once per process. The body family is the clinic's (Atkinson Hyperlegible
by default); fallback families draw the characters it lacks, the shipped one being Fira Sans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from handouts.workspace.clinic import FONT_STYLES, Clinic, FontChoice

# Characters never checked: they are layout, not letters a face must draw.
IGNORED = frozenset("\n\r\t\u00ad\u200b\u200c\u200d\ufeff")


@dataclass(frozen=True)
class FontFamily:
    """ReportLab names of a registered family's four faces, and the characters all four draw."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    covers: frozenset[int] = field(default=frozenset(), compare=False, repr=False)

    def face(self, bold: bool, italic: bool) -> str:
        """The face name for a style."""
        if bold:
            return self.bold_italic if italic else self.bold
        return self.italic if italic else self.regular

    def draws(self, char: str) -> bool:
        """Whether every face of this family has a glyph for `char`."""
        return char.isspace() or char in IGNORED or ord(char) in self.covers

    def draws_all(self, text: str) -> bool:
        """Whether this family draws every character of `text` (a fast set test first)."""
        codes = set(map(ord, text))
        return codes <= self.covers or all(self.draws(chr(code)) for code in codes - self.covers)


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


@lru_cache(maxsize=16)
def register_family(name: str, files: tuple[tuple[str, Path], ...]) -> FontFamily:
    """Register four TTF faces under `name` (once) and map <b>/<i> to them."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    faces = dict(files)
    names = {
        "regular": name,
        "bold": f"{name}-Bold",
        "italic": f"{name}-Italic",
        "bold_italic": f"{name}-BoldItalic",
    }
    covers: set[int] | None = None
    for style in FONT_STYLES:
        font = TTFont(names[style], str(faces[style]))
        pdfmetrics.registerFont(font)
        chars = set(font.face.charToGlyph)
        covers = chars if covers is None else covers & chars
    pdfmetrics.registerFontFamily(
        name,
        normal=names["regular"],
        bold=names["bold"],
        italic=names["italic"],
        boldItalic=names["bold_italic"],
    )
    return FontFamily(
        names["regular"],
        names["bold"],
        names["italic"],
        names["bold_italic"],
        frozenset(covers or ()),
    )


def register_choice(choice: FontChoice) -> FontFamily:
    """Register a clinic's or package's family."""
    return register_family(choice.name, tuple(sorted(choice.files)))


def body_family() -> FontFamily:
    """The default body family, Atkinson Hyperlegible, registered."""
    return register_family("Atkinson", tuple(sorted(atkinson_files().items())))


@dataclass(frozen=True)
class FontSet:
    """The body family and the fallback families, in the order they are tried."""

    body: FontFamily
    fallbacks: tuple[FontFamily, ...] = ()

    def family_for(self, char: str) -> FontFamily | None:
        """The first family that draws `char` (the body family if it can), else None."""
        for family in (self.body, *self.fallbacks):
            if family.draws(char):
                return family
        return None

    def runs(self, text: str) -> list[tuple[str, FontFamily]]:
        """Split `text` into runs, each drawn by one family.

        A word the body face cannot fully draw is set whole in the first fallback that can,
        so one word never mixes two faces ("Nguyễn", not "Nguy" + "ễ" + "n").
        """
        runs: list[tuple[str, FontFamily]] = []
        for word in re.split(r"(\s+)", text):
            if not word:
                continue
            for piece, family in self._word_runs(word):
                if runs and (runs[-1][1] is family or piece.isspace()):
                    runs[-1] = (runs[-1][0] + piece, runs[-1][1])
                else:
                    runs.append((piece, family))
        return runs

    def _word_runs(self, word: str) -> list[tuple[str, FontFamily]]:
        for family in (self.body, *self.fallbacks):
            if all(family.draws(char) for char in word):
                return [(word, family)]
        return [(char, self.family_for(char) or self.body) for char in word]

    def missing(self, text: str) -> list[str]:
        """Characters of `text` that no family draws, in order of first appearance."""
        return list(dict.fromkeys(ch for ch in text if self.family_for(ch) is None))


def font_set(clinic: Clinic, texts: Iterable[str] | None = None) -> FontSet:
    """Register the clinic's body family, and the fallbacks only when `texts` need them.

    Reading a fallback font costs several milliseconds a face, so a handout whose every
    character the body face draws (the usual case) never loads them. With `texts` None
    the fallbacks are always registered.
    """
    from handouts.workspace.fonts import fallback_family

    body = register_choice(clinic.font) if clinic.font else body_family()
    if texts is not None and all(body.draws_all(text) for text in texts):
        return FontSet(body)
    fallbacks = [register_choice(choice) for choice in clinic.fallback_fonts]
    return FontSet(body, (register_choice(fallback_family()), *fallbacks))
