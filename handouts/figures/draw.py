"""A pose figure as primitive shapes: props behind, poses (start pale, end dark), arrows."""

from __future__ import annotations

import math

import handouts.figures.body as body
import handouts.figures.props as props
from handouts.figures.model import Arrow, Point, Pose, PoseFigure
from handouts.figures.shapes import Disc, Drawing, Line, Primitive, Shape

HALO = 2.6  # white edge around each part so overlapping limbs stay apart
ARROW_WIDTH = 2.6
ARROW_HEAD = 7.0
PAD = 4.0  # room around the figure's size for the floor line and halos
MARK_WIDTH = 3.0
MARK_SIDES = {"_back": -1.0, "_front": 1.0}  # a mark along the back or front edge of a limb
MARK_OFFSET = 2.3
NOSE = 2.6  # how far the nose stands out of the head (side view: which way the figure faces)
DIGIT = 2.4
HAND = 3.6  # the palm or fist drawn at an arm's end with `hand`


def drawing(figure: PoseFigure) -> Drawing:
    """Every shape of `figure`, back to front."""
    shapes: list[Primitive] = []
    for prop in figure.props:
        if not prop.front:
            shapes += props.shapes(prop)
    for pose in figure.poses:
        shapes += pose_shapes(pose, "pale" if pose.phase == "start" else "ink")
    for prop in figure.props:
        if prop.front:
            shapes += props.shapes(prop)
    for arrow in figure.arrows:
        shapes += arrow_shapes(arrow)
    width, height = figure.size
    return Drawing(width + 2 * PAD, height + 2 * PAD, tuple(shapes), -PAD, -PAD)


def _part(points: tuple[Point, ...], width: float, ink: str) -> list[Primitive]:
    return [Line(points, width + 2 * HALO, "paper"), Line(points, width, ink)]


def pose_shapes(pose: Pose, ink: str) -> list[Primitive]:
    """The pictogram of one pose: far limbs, trunk, head, near limbs."""
    joints = body.skeleton(pose)
    out: list[Primitive] = []
    out += _leg(joints.far_leg, ink)
    out += _part(joints.far_arm, body.ARM_WIDTH, ink)
    trunk_width = body.FRONT_TRUNK_WIDTH if joints.front else body.TRUNK_WIDTH
    neckless = body.towards(joints.shoulder, pose.trunk + 180.0, trunk_width * 0.25)
    out += _part((joints.hip, neckless), trunk_width, ink)
    out.append(Disc(joints.head, body.HEAD_RADIUS + HALO, "paper"))
    out.append(Disc(joints.head, body.HEAD_RADIUS, ink))
    if not joints.front:
        out.append(Shape(_nose(joints.head, pose), ink))
    out += _leg(joints.near_leg, ink)
    out += _part(joints.near_arm, body.ARM_WIDTH, ink)
    for hand, arm in ((pose.far_arm.hand, joints.far_arm), (pose.near_arm.hand, joints.near_arm)):
        out += hand_shapes(hand, arm, ink)
    for name in pose.marks:
        out.append(Line(mark_line(joints, name), MARK_WIDTH, "accent"))
    return out


def hand_shapes(hand: str, arm: tuple[Point, ...], ink: str) -> list[Primitive]:
    """A hand at an arm's end: a fist with the thumb pressing on, or three spread fingers."""
    if hand not in ("thumb", "fingers"):
        return []
    elbow, tip = arm[1], arm[2]
    angle = body.direction(elbow, tip)
    palm = body.towards(tip, angle + 180.0, 1.0)
    spreads = (0.0,) if hand == "thumb" else (-30.0, 0.0, 30.0)
    reach = 7.0 if hand == "thumb" else 6.0
    digits = [(palm, body.towards(palm, angle + spread, reach)) for spread in spreads]
    halos: list[Primitive] = [Disc(palm, HAND + HALO, "paper")]
    halos += [Line(d, DIGIT + 2 * HALO, "paper") for d in digits]
    return [*halos, Disc(palm, HAND, ink), *(Line(d, DIGIT, ink) for d in digits)]


def _nose(head: Point, pose: Pose) -> tuple[Point, ...]:
    """A small point on the head, the way the face looks (a quarter turn from the trunk)."""
    face = (pose.trunk if pose.head is None else pose.head) - 90.0
    r = body.HEAD_RADIUS
    return (
        body.towards(head, face + 38.0, r - 0.6),
        body.towards(head, face - 8.0, r + NOSE),
        body.towards(head, face - 42.0, r - 0.6),
    )


def mark_line(joints: body.Skeleton, name: str) -> tuple[Point, Point]:
    """Where a mark is drawn: the middle of its segment, or along its back or front edge."""
    side = 0.0
    for suffix, sign in MARK_SIDES.items():
        if name.endswith(suffix):
            name, side = name.removesuffix(suffix), sign
    a, b = _middle(body.segment(joints, name))
    angle = body.direction(a, b) + 90.0
    return body.towards(a, angle, side * MARK_OFFSET), body.towards(b, angle, side * MARK_OFFSET)


def _middle(segment: tuple[Point, Point]) -> tuple[Point, Point]:
    """The middle part of a segment: where a stretched or worked muscle is marked."""
    (ax, ay), (bx, by) = segment
    return (
        (ax + (bx - ax) * 0.25, ay + (by - ay) * 0.25),
        (ax + (bx - ax) * 0.75, ay + (by - ay) * 0.75),
    )


def _leg(points: tuple[Point, ...], ink: str) -> list[Primitive]:
    hip, knee, ankle, heel, toe = points
    width = body.LIMB_WIDTH
    return [
        Line((hip, knee, ankle), width + 2 * HALO, "paper"),
        Line((heel, toe), width * 0.8 + 2 * HALO, "paper"),
        Line((hip, knee, ankle), width, ink),
        Line((heel, toe), width * 0.8, ink),
    ]


def arrow_path(arrow: Arrow) -> tuple[Point, ...]:
    """The points an arrow runs through, curves sampled finely enough to look smooth."""
    if arrow.centre is not None:
        steps = max(8, int(abs(arrow.end - arrow.start) / 6))
        return tuple(
            body.towards(
                arrow.centre, arrow.start + (arrow.end - arrow.start) * i / steps, arrow.radius
            )
            for i in range(steps + 1)
        )
    if len(arrow.points) == 3:
        (ax, ay), (bx, by), (cx, cy) = arrow.points
        out = []
        for i in range(17):
            t = i / 16
            u = 1 - t
            out.append(
                (u * u * ax + 2 * u * t * bx + t * t * cx, u * u * ay + 2 * u * t * by + t * t * cy)
            )
        return tuple(out)
    return arrow.points


def arrow_shapes(arrow: Arrow) -> list[Primitive]:
    """A motion arrow in the accent colour, with a head at the end (or both ends)."""
    path = arrow_path(arrow)
    heads = [_head(path)]
    if arrow.both:
        heads.append(_head(tuple(reversed(path))))
    shaft = _trim(path, ARROW_HEAD * 0.6)
    if arrow.both:
        shaft = tuple(reversed(_trim(tuple(reversed(shaft)), ARROW_HEAD * 0.6)))
    halo: list[Primitive] = [Line(shaft, ARROW_WIDTH + 2 * HALO * 0.7, "paper")]
    halo += [Shape(h, "paper", "paper", 2 * HALO * 0.7) for h in heads]
    return [*halo, Line(shaft, ARROW_WIDTH, "accent"), *(Shape(h, "accent") for h in heads)]


def _head(path: tuple[Point, ...]) -> tuple[Point, ...]:
    tip = path[-1]
    back = _point_back(path, ARROW_HEAD)
    angle = body.direction(back, tip)
    left = body.towards(tip, angle + 180 - 28, ARROW_HEAD * 1.1)
    right = body.towards(tip, angle + 180 + 28, ARROW_HEAD * 1.1)
    return (tip, left, right)


def _point_back(path: tuple[Point, ...], distance: float) -> Point:
    """The point `distance` back along the path from its end."""
    left = distance
    for a, b in zip(reversed(path[1:]), reversed(path[:-1]), strict=True):
        step = math.dist(a, b)
        if step >= left:
            t = left / step
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        left -= step
    return path[0]


def _trim(path: tuple[Point, ...], distance: float) -> tuple[Point, ...]:
    """The path with its last `distance` cut off (so the shaft ends inside the head)."""
    end = _point_back(path, distance)
    keep = list(path)
    left = distance
    while len(keep) > 1 and math.dist(keep[-1], keep[-2]) <= left:
        left -= math.dist(keep[-1], keep[-2])
        keep.pop()
    keep[-1] = end
    return tuple(keep)
