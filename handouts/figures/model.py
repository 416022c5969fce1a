"""A figure as plain data: a posed pictogram, props and motion arrows, with captions.

Coordinates are figure units with y pointing up and the floor usually at y = 0; a standing
person is about 100 units tall. Angles are degrees counter-clockwise from "pointing right":
0 is forward for a figure facing right, 90 is up, -90 is down.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from handouts.figures.shapes import Drawing

Point = tuple[float, float]


@dataclass(frozen=True)
class Limb:
    """An arm or a leg: segment directions, or a point its end reaches (two-joint solve).

    `angles` are the upper and lower segment directions (and, for a leg, the foot's);
    `reach` puts the wrist or ankle at a point instead, bending the middle joint the
    natural way unless `bend` is -1. `end` sets the foot's direction with `reach`; `hand`
    draws an arm's thumb or fingers at its end.
    """

    angles: tuple[float, ...] = ()
    reach: Point | None = None
    bend: int = 1
    end: float | None = None
    hand: str = ""  # an arm's hand: "thumb" (pressing) or "fingers" (feeling along)


@dataclass(frozen=True)
class Pose:
    """One position of the body: where the hip is and which way each part points."""

    hip: Point
    trunk: float = 90.0
    head: float | None = None
    near_arm: Limb = Limb((-90.0, -90.0))
    far_arm: Limb = Limb((-90.0, -90.0))
    near_leg: Limb = Limb((-90.0, -90.0))
    far_leg: Limb = Limb((-90.0, -90.0))
    view: str = "side"
    phase: str = "end"
    marks: tuple[str, ...] = ()  # segments whose muscle is stretched or worked (accent)


@dataclass(frozen=True)
class Prop:
    """Something drawn with the body: a floor, a wall, a chair, a ball, a hand, ..."""

    kind: str
    values: tuple[tuple[str, object], ...] = ()
    front: bool = False

    def get(self, name: str, default: object = None) -> object:
        """One of the prop's values, or `default`."""
        return dict(self.values).get(name, default)


@dataclass(frozen=True)
class Arrow:
    """A motion arrow: through `points` (2 straight, 3 or more curved) or along an arc."""

    points: tuple[Point, ...] = ()
    centre: Point | None = None
    radius: float = 0.0
    start: float = 0.0
    end: float = 0.0
    both: bool = False


@dataclass(frozen=True)
class PoseFigure:
    """A figure drawn from data: poses (start pale, end dark), props and arrows."""

    size: Point
    poses: tuple[Pose, ...]
    props: tuple[Prop, ...] = ()
    arrows: tuple[Arrow, ...] = ()


@dataclass(frozen=True)
class Picture:
    """A clinic's own picture file: a PNG or JPEG photo or an SVG drawing."""

    path: str
    kind: str  # "png", "jpeg" or "svg"
    size: Point = (0.0, 0.0)  # pixels (photos) or points (SVG)


@dataclass(frozen=True)
class FigureEntry:
    """One figure the library knows: its id, origin, captions and what to draw."""

    id: str
    origin: str
    where: str
    captions: dict[str, str] = field(default_factory=dict)
    art: Drawing | Picture | None = None  # a pose file is kept as its drawing

    def caption(self, lang: str) -> str:
        """The caption in `lang`, else in English, else empty."""
        return self.captions.get(lang) or self.captions.get("en", "")
