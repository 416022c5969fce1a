"""Props as shapes: floor, wall, chair, bed, mat, towel, heat pack, ball, roller, hands, ..."""

from __future__ import annotations

import math
from collections.abc import Callable

from handouts.figures.body import direction, towards
from handouts.figures.model import Point, Prop
from handouts.figures.shapes import Disc, Line, Primitive, Shape

OUTLINE = 1.6

# kind -> (values it takes with their defaults (None = required), drawn in front of the body)
PROP_KINDS: dict[str, tuple[dict[str, object], bool]] = {
    "floor": ({"y": 0.0, "from": 0.0, "to": None}, False),
    "wall": ({"x": None, "bottom": 0.0, "top": None}, False),
    "chair": (
        {"x": None, "y": 0.0, "facing": "right", "seat": 24.0, "depth": 22.0, "back": 28.0},
        False,
    ),
    "bed": ({"from": None, "to": None, "y": 30.0}, False),
    "mat": ({"from": None, "to": None, "y": 0.0, "height": 3.0}, False),
    "towel": ({"points": None}, True),
    "heat_pack": ({"at": None, "angle": 0.0, "length": 20.0}, True),
    "ball": ({"at": None, "radius": 6.0}, False),
    "roller": ({"at": None, "radius": 7.5}, False),
    "rolling_pin": ({"at": None, "angle": 0.0, "length": 30.0}, True),
    "hand": ({"from": None, "to": None}, True),
    "spot": ({"at": None}, True),
}


def shapes(prop: Prop) -> list[Primitive]:
    """The shapes of one prop."""
    return _DRAW[prop.kind](prop)


def _n(prop: Prop, name: str) -> float:
    return float(prop.get(name))  # type: ignore[arg-type]


def _p(prop: Prop, name: str) -> Point:
    return _point(prop.get(name))


def _point(value: object) -> Point:
    if not isinstance(value, tuple) or len(value) != 2:
        raise TypeError(f"not a point: {value!r}")
    return (float(value[0]), float(value[1]))


def _floor(prop: Prop) -> list[Primitive]:
    y, left, right = _n(prop, "y"), _n(prop, "from"), _n(prop, "to")
    return [Line(((left, y - 1.2), (right, y - 1.2)), 2.4, "prop")]


def _wall(prop: Prop) -> list[Primitive]:
    x, bottom, top = _n(prop, "x"), _n(prop, "bottom"), _n(prop, "top")
    out: list[Primitive] = [Shape(((x, bottom), (x + 6, bottom), (x + 6, top), (x, top)), "fill")]
    out.append(Line(((x, bottom), (x, top)), 2.4, "prop"))
    return out


def _chair(prop: Prop) -> list[Primitive]:
    x, y, seat, depth = _n(prop, "x"), _n(prop, "y"), _n(prop, "seat"), _n(prop, "depth")
    back = -1 if prop.get("facing") == "right" else 1
    front_x, back_x = x - back * depth / 2, x + back * depth / 2
    top = y + seat
    return [
        Line(((front_x, y), (front_x, top)), 2.4, "prop"),
        Line(((back_x, y), (back_x, top + _n(prop, "back"))), 2.4, "prop"),
        Line(((front_x, top), (back_x, top)), 3.4, "prop"),
    ]


def _bed(prop: Prop) -> list[Primitive]:
    left, right, top = _n(prop, "from"), _n(prop, "to"), _n(prop, "y")
    out: list[Primitive] = [
        Line(((left + 3, 0), (left + 3, top - 8)), 3, "prop"),
        Line(((right - 3, 0), (right - 3, top - 8)), 3, "prop"),
    ]
    out.append(_box(left, right, top - 8, top))
    return out


def _mat(prop: Prop) -> list[Primitive]:
    left, right, y = _n(prop, "from"), _n(prop, "to"), _n(prop, "y")
    return [_box(left, right, y, y + _n(prop, "height"))]


def _box(left: float, right: float, bottom: float, top: float) -> Shape:
    return Shape(
        ((left, bottom), (right, bottom), (right, top), (left, top)), "fill", "prop", OUTLINE
    )


def _towel(prop: Prop) -> list[Primitive]:
    value = prop.get("points")
    points = tuple(_point(p) for p in value) if isinstance(value, tuple) else ()
    return [Line(points, 5.0, "paper"), Line(points, 3.0, "prop")]


def _heat_pack(prop: Prop) -> list[Primitive]:
    centre, angle, length = _p(prop, "at"), _n(prop, "angle"), _n(prop, "length")
    a = towards(centre, angle, length / 2)
    b = towards(centre, angle + 180, length / 2)
    out: list[Primitive] = [Line((a, b), 9.5, "prop"), Line((a, b), 6.5, "fill")]
    for offset in (-length / 3, 0.0, length / 3):
        base = towards(towards(centre, angle, offset), angle + 90, 8)
        out.append(Line(_wave(base, angle + 90, 9), 1.8, "accent"))
    return out


def _wave(start: Point, angle: float, length: float) -> tuple[Point, ...]:
    points = []
    for i in range(13):
        t = i / 12
        along = towards(start, angle, t * length)
        points.append(towards(along, angle + 90, 1.6 * math.sin(t * 2 * math.pi)))
    return tuple(points)


def _ball(prop: Prop) -> list[Primitive]:
    return [Disc(_p(prop, "at"), _n(prop, "radius"), "fill", "prop", OUTLINE)]


def _roller(prop: Prop) -> list[Primitive]:
    centre, radius = _p(prop, "at"), _n(prop, "radius")
    return [
        Disc(centre, radius, "fill", "prop", OUTLINE),
        Disc(centre, radius * 0.35, None, "prop", OUTLINE * 0.8),
    ]


def _rolling_pin(prop: Prop) -> list[Primitive]:
    centre, angle, length = _p(prop, "at"), _n(prop, "angle"), _n(prop, "length")
    a, b = towards(centre, angle, length / 2), towards(centre, angle + 180, length / 2)
    ha, hb = towards(a, angle, 6), towards(b, angle + 180, 6)
    return [
        Line((ha, hb), 3.0, "prop"),
        Line((a, b), 8.0, "prop"),
        Line((a, b), 5.0, "fill"),
    ]


def _hand(prop: Prop) -> list[Primitive]:
    start, end = _p(prop, "from"), _p(prop, "to")
    angle = direction(start, end)
    thumb = towards(towards(end, angle + 180, 5), angle - 35, 5)
    palm = towards(end, angle + 180, 5)
    return [
        Line((start, end), 6.0 + 4, "paper"),
        Line((start, end), 6.0, "partner"),
        Line((palm, thumb), 3.2, "partner"),
    ]


def _spot(prop: Prop) -> list[Primitive]:
    centre = _p(prop, "at")
    return [Disc(centre, 4.2, "paper", "accent", 1.8), Disc(centre, 1.6, "accent")]


_DRAW: dict[str, Callable[[Prop], list[Primitive]]] = {
    "floor": _floor,
    "wall": _wall,
    "chair": _chair,
    "bed": _bed,
    "mat": _mat,
    "towel": _towel,
    "heat_pack": _heat_pack,
    "ball": _ball,
    "roller": _roller,
    "rolling_pin": _rolling_pin,
    "hand": _hand,
    "spot": _spot,
}
