"""Read a PDF's text runs as a patient's eye meets them: page, position, size, text."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader


@dataclass(frozen=True)
class Run:
    """One run of text as drawn: page number (1-based), baseline x/y, size in points."""

    page: int
    x: float
    y: float
    size: float
    text: str


def text_runs(path: Path) -> list[Run]:
    """Every non-blank text run of every page, with its size after the text matrix."""
    runs: list[Run] = []
    for number, page in enumerate(PdfReader(str(path)).pages, start=1):

        def visit(text, cm, tm, font, size, number=number) -> None:
            if text.strip():
                scale = abs(tm[3] * cm[3]) or 1.0
                x = tm[4] * cm[0] + cm[4]
                y = tm[5] * cm[3] + cm[5]
                runs.append(Run(number, x, y, size * scale, text))

        page.extract_text(visitor_text=visit)
    return runs


def page_width(path: Path) -> float:
    """The first page's width in points."""
    return float(PdfReader(str(path)).pages[0].mediabox.width)


def body_lines(path: Path, size: float) -> list[str]:
    """Printed lines of body-size text, one column at a time (runs sharing a baseline)."""
    middle = page_width(path) / 2
    lines: dict[tuple[int, int, bool], list[Run]] = {}
    for run in text_runs(path):
        if abs(run.size - size) > 0.01:
            continue
        key = (run.page, round(run.y), run.x >= middle)
        lines.setdefault(key, []).append(run)
    return [
        "".join(r.text for r in sorted(group, key=lambda r: r.x)).strip()
        for group in lines.values()
    ]


def median_line_length(path: Path, size: float, shortest: int = 25) -> float:
    """The median length of body lines (lines shorter than `shortest` are ends of paragraphs)."""
    lengths = [len(line) for line in body_lines(path, size) if len(line) >= shortest]
    return statistics.median(lengths)
