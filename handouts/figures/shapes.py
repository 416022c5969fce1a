"""The drawing a figure becomes: a few primitive shapes any backend (PDF, SVG) can draw.

Colours are roles, not values, so the clinic's accent is chosen when the drawing is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

Point = tuple[float, float]

# role -> colour; "accent" is replaced by the clinic's accent colour.
PALETTE = {
    "ink": "#3A3A3A",  # the end pose (or the only one)
    "pale": "#B4B4B4",  # the start pose
    "partner": "#7A7A7A",  # a helper's hands
    "prop": "#6E6E6E",  # outlines of floor, wall and furniture
    "fill": "#E8E8E8",  # inside of props
    "paper": "#FFFFFF",  # the white halo that separates overlapping parts
    "accent": "#1F6F8B",
}


@dataclass(frozen=True)
class Line:
    """A polyline with round caps and joins."""

    points: tuple[Point, ...]
    width: float
    colour: str


@dataclass(frozen=True)
class Disc:
    """A circle, filled and/or outlined."""

    centre: Point
    radius: float
    fill: str | None
    stroke: str | None = None
    width: float = 0.0


@dataclass(frozen=True)
class Shape:
    """A closed polygon, filled and/or outlined."""

    points: tuple[Point, ...]
    fill: str | None
    stroke: str | None = None
    width: float = 0.0


Primitive = Line | Disc | Shape


@dataclass(frozen=True)
class Drawing:
    """A figure ready to draw: its size in figure units and its shapes, back to front."""

    width: float
    height: float
    shapes: tuple[Primitive, ...]
    left: float = 0.0  # figure coordinates of the drawing's lower left corner
    bottom: float = 0.0


def colour(role: str | None, accent: str | None = None) -> str | None:
    """The colour of a role (`accent` replaces the default accent)."""
    if role is None:
        return None
    if role == "accent" and accent:
        return accent
    return PALETTE.get(role, role)
