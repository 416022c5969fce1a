"""The contact sheet: every figure with its id and caption, three to a row."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from handouts.figures.model import FigureEntry
from handouts.pdf.figure import art_flowable
from handouts.pdf.flowables import text_markup
from handouts.workspace.clinic import Clinic

COLUMNS = 3
MARGIN = 36.0


def contact_sheet_pdf(
    entries: Sequence[FigureEntry], lang: str, clinic: Clinic, title: str = "Figures"
) -> bytes:
    """A PDF showing each figure with its id, origin and caption in `lang`."""
    from handouts.pdf.fonts import font_set
    from handouts.pdf.styles import make_styles

    texts = [title, *(e.id for e in entries), *(e.caption(lang) for e in entries)]
    fonts = font_set(clinic, texts)
    styles = make_styles(fonts.body, clinic.primary_colour, clinic.accent_colour)
    label = styles.body.clone("figure-id", fontName=fonts.body.bold, fontSize=10, leading=12)
    caption = styles.body.clone("figure-caption", fontSize=12, leading=15)
    width = letter[0] - 2 * MARGIN
    cell = width / COLUMNS - 12
    cells: list[Any] = []
    for entry in entries:
        cells.append(
            [
                art_flowable(entry.art, cell, clinic.accent_colour),
                Spacer(1, 3),
                Paragraph(text_markup(f"{entry.id} ({entry.origin})", fonts), label),
                Paragraph(text_markup(entry.caption(lang) or "(no caption)", fonts), caption),
            ]
        )
    rows: list[list[Any]] = [cells[i : i + COLUMNS] for i in range(0, len(cells), COLUMNS)]
    if rows:
        rows[-1] += [""] * (COLUMNS - len(rows[-1]))
    table = Table(rows or [[""]], colWidths=[width / COLUMNS] * COLUMNS)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#CCCCCC")),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=letter,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        invariant=1,
        initialFontName=fonts.body.regular,
    )
    template.build([Paragraph(text_markup(title, fonts), styles.title), table])
    return buffer.getvalue()
