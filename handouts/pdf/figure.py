"""Figures in the PDF: pose drawings as vector shapes, clinic photos and SVGs, with a caption.

`figure_flowable(block, width, accent, caption_style)` is the one entry point the layout uses.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.shapes import Circle, Group, Polygon, PolyLine
from reportlab.graphics.shapes import Drawing as RLDrawing
from reportlab.lib import colors
from reportlab.platypus import Flowable, Image, Paragraph, Spacer

from handouts import document as doc
from handouts.figures.model import Picture
from handouts.figures.shapes import Disc, Drawing, Line, Shape, colour

MAX_HEIGHT_SHARE = 1.0  # a figure is at most as tall as it is wide
FIGURE_LINES = 9  # in a layout, a drawing is at most this many body lines tall


def _rl(role: str | None, accent: str | None) -> Any:
    value = colour(role, accent)
    return None if value is None else colors.HexColor(value)


def _flat(points: tuple[tuple[float, float], ...]) -> list[float]:
    return [value for point in points for value in point]


def vector_drawing(drawing: Drawing, width: float, accent: str | None = None) -> RLDrawing:
    """A ReportLab drawing of `drawing` scaled to `width` points."""
    scale = width / drawing.width
    group = Group()
    for shape in drawing.shapes:
        if isinstance(shape, Line):
            group.add(
                PolyLine(
                    _flat(shape.points),
                    strokeColor=_rl(shape.colour, accent),
                    strokeWidth=shape.width,
                    strokeLineCap=1,
                    strokeLineJoin=1,
                )
            )
        elif isinstance(shape, Disc):
            group.add(
                Circle(
                    *shape.centre,
                    shape.radius,
                    fillColor=_rl(shape.fill, accent),
                    strokeColor=_rl(shape.stroke, accent),
                    strokeWidth=shape.width,
                )
            )
        elif isinstance(shape, Shape):
            group.add(
                Polygon(
                    _flat(shape.points),
                    fillColor=_rl(shape.fill, accent),
                    strokeColor=_rl(shape.stroke, accent),
                    strokeWidth=shape.width,
                    strokeLineJoin=1,
                )
            )
    group.scale(scale, scale)
    group.translate(-drawing.left, -drawing.bottom)
    out = RLDrawing(width, drawing.height * scale)
    out.add(group)
    return out


def picture_flowable(picture: Picture, width: float, height: float | None = None) -> Flowable:
    """A clinic's photo or SVG, fitted into `width` by `height` (default: as tall as wide)."""
    height = width * MAX_HEIGHT_SHARE if height is None else height
    if picture.kind == "svg":
        from svglib.svglib import svg2rlg

        with open(picture.path, "rb") as handle:  # a stream: svglib reads no linked files
            drawing = svg2rlg(io.BytesIO(handle.read()))
        if drawing is None or not drawing.width or not drawing.height:
            return Spacer(width, height * 0.5)
        scale = min(width / drawing.width, height / drawing.height)
        drawing.scale(scale, scale)
        drawing.width, drawing.height = drawing.width * scale, drawing.height * scale
        return drawing
    pixel_width, pixel_height = picture.size
    scale = min(width / pixel_width, height / pixel_height)
    return Image(picture.path, pixel_width * scale, pixel_height * scale)


def art_flowable(
    art: object, width: float, accent: str | None = None, height: float | None = None
) -> Flowable:
    """The drawing of a figure's art (pose drawing or picture) within `width` by `height`."""
    if isinstance(art, Picture):
        return picture_flowable(art, width, height)
    if isinstance(art, Drawing):
        if height is not None and art.height * width / art.width > height:
            width = art.width * height / art.height
        return vector_drawing(art, width, accent)
    return Spacer(width, (height or width) * 0.5)


def figure_flowable(
    block: doc.Figure,
    width: float,
    accent: Any = None,
    caption_style: Any = None,
    fonts: Any = None,
    height: float | None = None,
) -> Flowable:
    """A figure with its caption below, kept together, at most `width` wide.

    `accent` is the arrows' colour (hex), or the layout's FlowableBuilder, whose accent,
    caption style, fonts and a height that scales with the type (9 lines) are then used:
    `figure_flowable(block, width, builder)`.
    """
    from reportlab.platypus import Table, TableStyle

    from handouts.pdf.flowables import markup

    if hasattr(accent, "styles"):  # a FlowableBuilder
        builder = accent
        accent = hex_colour(builder.styles.accent)
        caption_style = caption_style or figure_caption_style(builder.styles)
        fonts = fonts or builder.fonts
        height = height or builder.styles.body_size * FIGURE_LINES
    drawing = art_flowable(block.art, width, accent, height)
    caption = Paragraph(markup((doc.Span(block.caption),), fonts), caption_style)
    table = Table([[drawing], [caption]], colWidths=[width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 1), (-1, 1), 3),
            ]
        )
    )
    return table


def hex_colour(colour: Any) -> str:
    """A ReportLab colour as #RRGGBB."""
    return "#" + colour.hexval()[2:].upper()


@dataclass(frozen=True)
class FigureWithSteps:
    """A figure and the numbered steps under it, laid out side by side (PDF layout only)."""

    figure: doc.Figure
    steps: doc.ListBlock


def with_steps(blocks: tuple[Any, ...]) -> tuple[Any, ...]:
    """`blocks` with each figure that is directly followed by a list paired with it."""
    out: list[Any] = []
    for block in blocks:
        previous = out[-1] if out else None
        if isinstance(block, doc.ListBlock) and isinstance(previous, doc.Figure):
            out[-1] = FigureWithSteps(previous, block)
        else:
            out.append(block)
    return tuple(out)


def figure_width(frame_width: float, large_print: bool) -> float:
    """How wide a figure is drawn: a third of the frame, more in large print."""
    return frame_width * (0.42 if large_print else 0.34)


def figure_caption_style(styles: Any) -> Any:
    """The caption's style: body size (12 pt, 16 in large print), muted, a little tighter."""
    from handouts.pdf.styles import MUTED

    size = styles.body_size
    return styles.body.clone("figure-caption", textColor=MUTED, leading=size * 1.2)


def figure_block(builder: Any, block: doc.Figure | FigureWithSteps) -> Flowable:
    """A figure (with its steps beside it, if any) for the FlowableBuilder."""
    from reportlab.platypus import Table, TableStyle

    large = builder.styles.body_size > 12
    width = figure_width(builder.width, large)
    figure = block.figure if isinstance(block, FigureWithSteps) else block
    drawn = figure_flowable(figure, width, builder)
    if not isinstance(block, FigureWithSteps):
        return drawn
    gap = builder.styles.body_size
    steps = builder.list_block(block.steps)
    table = Table([[drawn, steps]], colWidths=[width + gap, builder.width - width - gap])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), gap),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table
