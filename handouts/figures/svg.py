"""A figure drawing as SVG text (for the web app and for review)."""

from __future__ import annotations

from handouts.figures.shapes import Disc, Drawing, Line, Primitive, Shape, colour


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _points(points: tuple[tuple[float, float], ...]) -> str:
    return " ".join(f"{_num(x)},{_num(y)}" for x, y in points)


def _paint(fill: str | None, stroke: str | None, width: float, accent: str | None) -> str:
    parts = [f'fill="{colour(fill, accent) or "none"}"']
    if stroke:
        parts.append(f'stroke="{colour(stroke, accent)}" stroke-width="{_num(width)}"')
        parts.append('stroke-linejoin="round"')
    return " ".join(parts)


def _element(shape: Primitive, accent: str | None) -> str:
    if isinstance(shape, Line):
        return (
            f'<polyline points="{_points(shape.points)}" fill="none" '
            f'stroke="{colour(shape.colour, accent)}" stroke-width="{_num(shape.width)}" '
            'stroke-linecap="round" stroke-linejoin="round"/>'
        )
    if isinstance(shape, Disc):
        x, y = shape.centre
        paint = _paint(shape.fill, shape.stroke, shape.width, accent)
        return f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(shape.radius)}" {paint}/>'
    if isinstance(shape, Shape):
        paint = _paint(shape.fill, shape.stroke, shape.width, accent)
        return f'<polygon points="{_points(shape.points)}" {paint}/>'
    raise TypeError(type(shape).__name__)


def to_svg(drawing: Drawing, accent: str | None = None, title: str = "") -> str:
    """The drawing as a standalone SVG document (y up in the figure, flipped for SVG)."""
    from xml.sax.saxutils import escape

    width, height = _num(drawing.width), _num(drawing.height)
    body = "\n".join(_element(shape, accent) for shape in drawing.shapes)
    shift = f"{_num(-drawing.left)} {_num(drawing.height + drawing.bottom)}"
    label = f"<title>{escape(title)}</title>\n" if title else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img">\n{label}'
        f'<g transform="matrix(1 0 0 -1 {shift})">\n{body}\n</g>\n</svg>\n'
    )
