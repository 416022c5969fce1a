"""Figures in the PDF: pose drawings as vector shapes, clinic photos and SVGs, with a caption.

`figure_flowable(block, width, accent, caption_style)` is the one entry point the layout uses.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.platypus import Flowable, Image, Paragraph, Spacer

from handouts import document as doc
from handouts.figures.model import Picture
from handouts.figures.shapes import Disc, Drawing, Line, Shape, colour

MAX_HEIGHT_SHARE = 1.0  # a figure is at most as tall as it is wide
FIGURE_LINES = 6  # in a layout, a drawing is at most this many body lines tall


class VectorFigure(Flowable):
    """A pose drawing drawn straight onto the canvas: paths only, no font is referenced."""

    def __init__(self, drawing: Drawing, width: float, accent: str | None = None) -> None:
        super().__init__()
        self.drawing = drawing
        self.accent = accent
        self.scale = width / drawing.width
        self.width = width
        self.height = drawing.height * self.scale

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.scale(self.scale, self.scale)
        canvas.translate(-self.drawing.left, -self.drawing.bottom)
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        for shape in self.drawing.shapes:
            _draw_shape(canvas, shape, self.accent)
        canvas.restoreState()


def _draw_shape(canvas: Any, shape: Line | Disc | Shape, accent: str | None) -> None:
    if isinstance(shape, Disc):
        fill, stroke, width = shape.fill, shape.stroke, shape.width
        path = canvas.beginPath()
        path.circle(*shape.centre, shape.radius)
    else:
        points = shape.points
        path = canvas.beginPath()
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
        if isinstance(shape, Line):
            fill, stroke, width = None, shape.colour, shape.width
        else:
            path.close()
            fill, stroke, width = shape.fill, shape.stroke, shape.width
    if fill:
        canvas.setFillColor(colors.HexColor(colour(fill, accent)))
    if stroke:
        canvas.setStrokeColor(colors.HexColor(colour(stroke, accent)))
        canvas.setLineWidth(width)
    canvas.drawPath(path, stroke=1 if stroke else 0, fill=1 if fill else 0)


def vector_drawing(drawing: Drawing, width: float, accent: str | None = None) -> Flowable:
    """A flowable drawing `drawing` scaled to `width` points."""
    return VectorFigure(drawing, width, accent)


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

    builder = accent if hasattr(accent, "styles") else None  # the layout's FlowableBuilder
    if builder is not None:
        accent = hex_colour(builder.styles.accent)
        caption_style = caption_style or figure_caption_style(builder.styles)
        fonts = fonts or builder.fonts
        height = height or builder.styles.body_size * FIGURE_LINES
    drawing = art_flowable(block.art, width, accent, height)
    if builder is not None:  # its paragraphs escape the text and use fallback fonts
        caption = builder.para(block.caption, caption_style)
    else:
        caption = Paragraph(escape(block.caption), caption_style)
    table = Table([[drawing], [caption]], colWidths=[width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), caption_style.fontName),  # no stray Helvetica
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
    return frame_width * (0.42 if large_print else 0.30)


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
                ("FONTNAME", (0, 0), (-1, -1), builder.styles.body.fontName),
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
