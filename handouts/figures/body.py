"""Where the joints of a posed pictogram are, from its segment directions and reach points."""

from __future__ import annotations

import math
from dataclasses import dataclass

from handouts.figures.model import Limb, Point, Pose

TRUNK = 31.0
NECK = 4.0
SHOULDER_DROP = 3.5  # the arms hang from a little below the top of the trunk
HEAD_RADIUS = 7.0
UPPER_ARM = 15.0
FOREARM = 17.0  # elbow to fingertips
THIGH = 24.0
SHIN = 23.0
FOOT = 9.0  # ankle to toes
HEEL = 2.0
TRUNK_WIDTH = 12.5
LIMB_WIDTH = 7.5
ARM_WIDTH = 6.5
SHOULDER_SPREAD = 8.0  # front view: each shoulder off the trunk line
HIP_SPREAD = 4.0
FRONT_TRUNK_WIDTH = 17.0


@dataclass(frozen=True)
class Skeleton:
    """Joint points of one pose. Arms: shoulder, elbow, fingertips; legs: hip, knee, ankle,
    heel, toes."""

    hip: Point
    shoulder: Point
    head: Point
    near_arm: tuple[Point, ...]
    far_arm: tuple[Point, ...]
    near_leg: tuple[Point, ...]
    far_leg: tuple[Point, ...]
    front: bool


def towards(origin: Point, angle: float, length: float) -> Point:
    """The point `length` away from `origin` in direction `angle` (degrees)."""
    rad = math.radians(angle)
    return (origin[0] + length * math.cos(rad), origin[1] + length * math.sin(rad))


def direction(a: Point, b: Point) -> float:
    """The direction from `a` to `b` in degrees."""
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def solve(
    root: Point, target: Point, first: float, second: float, bend: int
) -> tuple[float, float]:
    """Directions of two segments from `root` whose end reaches `target` (or points at it)."""
    dx, dy = target[0] - root[0], target[1] - root[1]
    distance = max(math.hypot(dx, dy), 1e-6)
    distance = min(max(distance, abs(first - second) + 1e-3), first + second - 1e-6)
    cos_a = (first**2 + distance**2 - second**2) / (2 * first * distance)
    spread = math.degrees(math.acos(max(-1.0, min(1.0, cos_a))))
    upper = math.degrees(math.atan2(dy, dx)) + bend * spread
    joint = towards(root, upper, first)
    return upper, direction(joint, target)


def _limb(root: Point, limb: Limb, first: float, second: float, leg: bool) -> tuple[Point, ...]:
    if limb.reach is not None:
        upper, lower = solve(root, limb.reach, first, second, limb.bend)
        angles: tuple[float, ...] = (upper, lower) + ((limb.end,) if limb.end is not None else ())
    else:
        angles = limb.angles
    joint = towards(root, angles[0], first)
    end = towards(joint, angles[1], second)
    if not leg:
        return (root, joint, end)
    foot = angles[2] if len(angles) > 2 else angles[1] + 90.0
    return (root, joint, end, towards(end, foot + 180.0, HEEL), towards(end, foot, FOOT))


def skeleton(pose: Pose) -> Skeleton:
    """Every joint of `pose`."""
    front = pose.view == "front"
    hip = pose.hip
    shoulder = towards(hip, pose.trunk, TRUNK)
    head_angle = pose.trunk if pose.head is None else pose.head
    head = towards(shoulder, head_angle, NECK + HEAD_RADIUS)
    side = pose.trunk - 90.0  # to the figure's right when seen from the front
    arms = towards(hip, pose.trunk, TRUNK - SHOULDER_DROP)
    near_shoulder = towards(arms, side, SHOULDER_SPREAD) if front else arms
    far_shoulder = towards(arms, side + 180.0, SHOULDER_SPREAD) if front else arms
    near_hip = towards(hip, side, HIP_SPREAD) if front else hip
    far_hip = towards(hip, side + 180.0, HIP_SPREAD) if front else hip
    return Skeleton(
        hip=hip,
        shoulder=shoulder,
        head=head,
        near_arm=_limb(near_shoulder, pose.near_arm, UPPER_ARM, FOREARM, False),
        far_arm=_limb(far_shoulder, pose.far_arm, UPPER_ARM, FOREARM, False),
        near_leg=_limb(near_hip, pose.near_leg, THIGH, SHIN, True),
        far_leg=_limb(far_hip, pose.far_leg, THIGH, SHIN, True),
        front=front,
    )


SEGMENTS = {
    "trunk": ("hip", None, None),
    "near_thigh": ("near_leg", 0, 1),
    "near_shin": ("near_leg", 1, 2),
    "far_thigh": ("far_leg", 0, 1),
    "far_shin": ("far_leg", 1, 2),
    "near_upper_arm": ("near_arm", 0, 1),
    "near_forearm": ("near_arm", 1, 2),
    "far_upper_arm": ("far_arm", 0, 1),
    "far_forearm": ("far_arm", 1, 2),
}


def segment(joints: Skeleton, name: str) -> tuple[Point, Point]:
    """The two end points of a named body segment (see SEGMENTS)."""
    limb, start, end = SEGMENTS[name]
    if start is None or end is None:
        return joints.hip, joints.shoulder
    points: tuple[Point, ...] = getattr(joints, limb)
    return points[start], points[end]
