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
        body=style("body", spaceAfter=6 * scale),
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
            fontSize=17 * scale,
            leading=21 * scale,
            textColor=primary_colour,
            spaceBefore=14 * scale,
            spaceAfter=2,
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
        list_item=style("list_item", spaceAfter=3 * scale),
        table_cell=style("table_cell", leading=size * 1.25),
        callout_label=style("callout_label", fontName=family.bold, spaceAfter=2),
        header_name=style(
            "header_name",
            fontName=family.bold,
            fontSize=15 * scale,
            leading=18 * scale,
            textColor=primary_colour,
        ),
        header_contact=style(
            "header_contact",
            fontSize=10 * scale,
            leading=12.5 * scale,
            textColor=MUTED,
        ),
        footer=style("footer", fontSize=10 * scale, leading=12.5 * scale, textColor=MUTED),
        body_size=size,
        primary=primary_colour,
        accent=accent_colour,
    )
