"""Paragraph styles and colours for one handout, scaled for normal or large print."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from handouts.pdf.fonts import FontFamily

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#4A4A4A")
RULE = colors.HexColor("#B8C2CC")
WARNING = colors.HexColor("#9B1C1C")  # 7.9:1 on white, 7.1:1 on the panel's tint
WARNING_TINT = colors.HexColor("#FCEDED")
NOTE_TINT = colors.HexColor("#FFF4C7")
NOTE_BAR = colors.HexColor("#6B5200")
CALLOUT_COLOURS = {
    # kind: (background, bar and label colour); the label itself is in strings.yaml
    "tip": (colors.HexColor("#EAF3EE"), colors.HexColor("#24614A")),
    "caution": (colors.HexColor("#FDF1E2"), colors.HexColor("#8A4500")),
}


@dataclass(frozen=True)
class Styles:
    """Every style a handout uses."""

    body: ParagraphStyle
    intro: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    meta: ParagraphStyle
    section: ParagraphStyle
    subheading: ParagraphStyle
    list_item: ParagraphStyle
    table_cell: ParagraphStyle
    callout_label: ParagraphStyle
    header_name: ParagraphStyle
    header_contact: ParagraphStyle
    footer: ParagraphStyle
    card_title: ParagraphStyle
    panel_title: ParagraphStyle
    phone: ParagraphStyle
    body_size: float
    primary: colors.Color
    accent: colors.Color


def make_styles(family: FontFamily, primary: str, accent: str, large_print: bool = False) -> Styles:
    """Build styles: body 12 pt (16 pt for large print), everything else scaled from it."""
    size = 16.0 if large_print else 12.0
    scale = size / 12.0
    primary_colour = colors.HexColor(primary)
    accent_colour = colors.HexColor(accent)

    def style(name: str, **kw: object) -> ParagraphStyle:
        base = {
            "fontName": family.regular,
            "fontSize": size,
            "leading": size * 1.33,
            "textColor": INK,
            "alignment": TA_LEFT,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)

    return Styles(
        body=style("body", spaceAfter=5 * scale),
        intro=style("intro", fontSize=size + 0.5, leading=(size + 0.5) * 1.4, spaceAfter=8),
        title=style(
            "title",
            fontName=family.bold,
            fontSize=24 * scale,
            leading=29 * scale,
            textColor=primary_colour,
            spaceAfter=2,
        ),
        subtitle=style(
            "subtitle",
            fontSize=14 * scale,
            leading=18 * scale,
            textColor=MUTED,
            spaceAfter=8,
        ),
        meta=style("meta", leading=size * 1.3),
        section=style(
            "section",
            fontName=family.bold,
            fontSize=15.5 * scale,
            leading=19 * scale,
            textColor=primary_colour,
            spaceBefore=10 * scale,
            spaceAfter=1,
            keepWithNext=1,
        ),
        subheading=style(
            "subheading",
            fontName=family.bold,
            fontSize=13.5 * scale,
            leading=17 * scale,
            spaceBefore=6 * scale,
            spaceAfter=3,
            keepWithNext=1,
        ),
        list_item=style("list_item", spaceAfter=1.5 * scale),
        table_cell=style("table_cell", leading=size * 1.25),
        callout_label=style("callout_label", fontName=family.bold, spaceAfter=2),
        header_name=style(
            "header_name",
            fontName=family.bold,
            fontSize=15 * scale,
            leading=18 * scale,
            textColor=primary_colour,
        ),
        header_contact=style("header_contact", leading=size * 1.25, textColor=MUTED),
        footer=style("footer", leading=size * 1.25, textColor=MUTED),
        card_title=style(
            "card_title",
            fontName=family.bold,
            fontSize=13.5 * scale,
            leading=17 * scale,
            textColor=primary_colour,
            spaceAfter=2,
        ),
        panel_title=style(
            "panel_title",
            fontName=family.bold,
            fontSize=17 * scale,
            leading=21 * scale,
            textColor=WARNING,
        ),
        phone=style(
            "phone", fontName=family.bold, fontSize=20 * scale, leading=25 * scale, textColor=INK
        ),
        body_size=size,
        primary=primary_colour,
        accent=accent_colour,
    )


def box_padding(
    sides: tuple[float, float], rows: tuple[float, float], top: float, bottom: float
) -> list[tuple]:
    """Table padding commands for a box: left and right, above and below every row, and
    `top` above its first row and `bottom` below its last."""
    return [
        ("LEFTPADDING", (0, 0), (-1, -1), sides[0]),
        ("RIGHTPADDING", (0, 0), (-1, -1), sides[1]),
        ("TOPPADDING", (0, 0), (-1, -1), rows[0]),
        ("BOTTOMPADDING", (0, 0), (-1, -1), rows[1]),
        ("TOPPADDING", (0, 0), (-1, 0), top),
        ("BOTTOMPADDING", (0, -1), (-1, -1), bottom),
    ]
