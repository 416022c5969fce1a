"""The floor: a minimal hand-written ReportLab script making the standard 2-page handout.

It lays out the same words as `handouts render knee-dry-needling` (header, title, meta band,
intro, sections with lists, steps, tip/caution boxes and the table, notes box, disclaimer
footer with "Page X of Y") in the same Atkinson Hyperlegible fonts, with none of handouts'
machinery: no library loading, Jinja2, Markdown or validation. The words come from
`floor_text.json` (regenerate with `python bench/floor.py --regenerate`).

    python bench/floor.py OUT.pdf
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

HERE = Path(__file__).resolve().parent
DATA = HERE / "floor_text.json"
W, H = LETTER
M = 18 * mm
BLUE, GREEN = colors.HexColor("#1F4E79"), colors.HexColor("#2E6B57")
BOXES = {"tip": colors.HexColor("#EAF3EE"), "caution": colors.HexColor("#FDF1E2")}
_fonts: list[str] = []


def fonts() -> None:
    """Register the four Atkinson faces once."""
    if _fonts:
        return
    from fontpkg_atkinson_hyperlegible import ROOT

    for face in ("Regular", "Bold", "Italic", "BoldItalic"):
        name = "A" if face == "Regular" else f"A-{face}"
        path = Path(ROOT) / "files" / f"AtkinsonHyperlegible-{face}.ttf"
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        "A", normal="A", bold="A-Bold", italic="A-Italic", boldItalic="A-BoldItalic"
    )
    _fonts.append("A")


def style(size: float, bold: bool = False, colour=colors.black, after: float = 6) -> ParagraphStyle:
    name = "A-Bold" if bold else "A"
    return ParagraphStyle(
        name + str(size),
        fontName=name,
        fontSize=size,
        leading=size * 1.35,
        textColor=colour,
        spaceAfter=after,
    )


def build(data: dict) -> bytes:
    """The handout's PDF bytes."""
    fonts()
    body, small = style(12), style(9, colour=colors.HexColor("#4A4A4A"))
    story = [
        Paragraph(data["title"], style(22, True, BLUE)),
        Paragraph(data["subtitle"], style(14)),
    ]
    meta = Table([[Paragraph(data["meta"], body)]], colWidths=[W - 2 * M])
    meta.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#EEF2F6"))]))
    story += [meta, Spacer(1, 8)]
    for section in data["sections"]:
        if section["title"]:
            story.append(Paragraph(section["title"], style(16, True, BLUE)))
        story += [block(b, body) for b in section["blocks"]]
    story.append(Paragraph("Notes from your practitioner", style(16, True, BLUE)))
    story += [Paragraph(note, body) for note in data["notes"]]
    lines = Table([[""]] * 4, colWidths=[W - 2 * M], rowHeights=22)
    lines.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.6, colors.grey)]))
    story.append(lines)

    def chrome(canvas: Canvas, doc: object) -> None:
        canvas.saveState()
        canvas.setFont("A-Bold", 14)
        canvas.setFillColor(BLUE)
        canvas.drawString(M, H - 16 * mm, data["clinic"])
        canvas.setStrokeColor(GREEN)
        canvas.line(M, H - 20 * mm, W - M, H - 20 * mm)
        p = Paragraph(data["footer"], small)
        p.wrap(W - 2 * M - 90, 60)
        p.drawOn(canvas, M, 10 * mm)
        canvas.setFont("A", 9)
        canvas.drawRightString(W - M, 10 * mm, f"Page {canvas.getPageNumber()} of ")
        canvas.doForm("total")
        canvas.restoreState()

    class TotalCanvas(Canvas):
        def save(self) -> None:
            self.beginForm("total")
            self.setFont("A", 9)
            self.drawString(0, 0, str(self.getPageNumber() - 1))
            self.endForm()
            super().save()

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=LETTER,
        leftMargin=M,
        rightMargin=M,
        topMargin=24 * mm,
        bottomMargin=24 * mm,
        invariant=1,
        initialFontName="A",
        title=data["title"],
    )
    doc.build(story, onFirstPage=chrome, onLaterPages=chrome, canvasmaker=TotalCanvas)
    return out.getvalue()


def block(b: dict, body: ParagraphStyle):
    kind = b["kind"]
    if kind == "p":
        return Paragraph(b["text"], body)
    if kind == "h":
        return Paragraph(b["text"], style(13, True))
    if kind == "list":
        items = [ListItem(Paragraph(t, body)) for t in b["items"]]
        return ListFlowable(
            items,
            bulletType="1" if b["ordered"] else "bullet",
            bulletFontName="A",
            bulletFontSize=12,
        )
    if kind == "table":
        rows = [[Paragraph(c, body) for c in row] for row in b["rows"]]
        table = Table(rows, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E4ECF3")),
                ]
            )
        )
        return table
    inner = [block(x, body) for x in b["blocks"]]
    box = Table(
        [[Paragraph(kind.title(), style(12, True))], *[[x] for x in inner]], colWidths=[W - 2 * M]
    )
    box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), BOXES[kind])]))
    return box


def regenerate() -> None:
    """Write floor_text.json from the handout's own document (the only use of handouts here)."""
    from handouts import document as d
    from handouts.build.fill import fill_plan
    from handouts.build.markup import build_document
    from handouts.build.plan import make_plan
    from handouts.build.request import Request
    from handouts.pdf.flowables import markup
    from handouts.workspace.folder import load_clinic, load_default_library

    clinic = load_clinic()
    plan = make_plan(Request("knee-dry-needling"), load_default_library())
    doc = build_document(fill_plan(plan, clinic))

    def conv(b):
        if isinstance(b, d.Paragraph):
            return {"kind": "p", "text": markup(b.spans)}
        if isinstance(b, d.Heading):
            return {"kind": "h", "text": markup(b.spans)}
        if isinstance(b, d.ListBlock):
            return {
                "kind": "list",
                "ordered": b.ordered,
                "items": [" ".join(conv(x).get("text", "") for x in item) for item in b.items],
            }
        if isinstance(b, d.Table):
            return {"kind": "table", "rows": [[markup(c) for c in r] for r in (b.header, *b.rows)]}
        return {"kind": b.kind, "blocks": [conv(x) for x in b.blocks]}

    data = {
        "title": doc.title,
        "subtitle": doc.subtitle,
        "meta": f"<b>Date:</b> {doc.date_text}",
        "clinic": clinic.name,
        "footer": clinic.disclaimer,
        "sections": [{"title": "", "blocks": [conv(b) for b in doc.intro]}]
        + [{"title": s.title, "blocks": [conv(b) for b in s.blocks]} for s in doc.sections],
        "notes": list(doc.notes_box.notes) if doc.notes_box else [],
    }
    DATA.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["--regenerate"]:
        regenerate()
    else:
        Path(sys.argv[1]).write_bytes(build(json.loads(DATA.read_text(encoding="utf-8"))))
