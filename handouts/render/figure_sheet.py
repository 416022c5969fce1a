"""`handouts figures`: the listing, and the contact sheet of every figure as a PDF."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from handouts.figures.listing import figure_listing, loaded_figures
from handouts.figures.model import FigureEntry
from handouts.workspace.clinic import Clinic


def write_contact_sheet(
    entries: list[FigureEntry], lang: str, clinic: Clinic, target: Path
) -> Path:
    """Write the contact sheet PDF (every figure with id and caption) atomically."""
    from handouts.pdf.figure_sheet import contact_sheet_pdf
    from handouts.render.output import write_atomically

    data = contact_sheet_pdf(entries, lang, clinic, title="Figures")
    write_atomically(target, data)
    return target


def figures_report(
    roots: Iterable[Path], lang: str, clinic: Clinic, sheet: Path | None = None
) -> str:
    """What `handouts figures` prints: the listing, and where the sheet went when asked."""
    entries = loaded_figures(roots)
    text = figure_listing(entries, lang)
    if sheet is not None:
        written = write_contact_sheet(entries, lang, clinic, sheet)
        text += f"\n\ncontact sheet: {written}"
    return text
