"""Read a pose file (figures/<id>.yaml) into a figure, collecting located problems.

A pose file holds `caption` (text per language), `size` [width, height], `props`, one or
two `poses` and `arrows`; or, for a clinic's own picture, `caption` and `image` (a path).
"""

from __future__ import annotations

from typing import Any

from handouts.errors import did_you_mean
from handouts.figures.body import SEGMENTS
from handouts.figures.model import Arrow, Limb, Point, Pose, PoseFigure, Prop
from handouts.figures.props import PROP_KINDS
from handouts.yamlfile.checker import Checker, describe
from handouts.yamlfile.reader import Located, LocatedList, load_yaml

FILE_KEYS = ("caption", "size", "props", "poses", "arrows", "image")
POSE_KEYS = (
    "phase",
    "view",
    "hip",
    "trunk",
    "head",
    "near_arm",
    "far_arm",
    "near_leg",
    "far_leg",
    "mark",
)
LIMB_KEYS = ("reach", "flip", "foot", "hand")
HANDS = ("thumb", "fingers")
ARROW_KEYS = ("points", "arc", "both")
ARC_KEYS = ("centre", "radius", "from", "to")
PHASES = ("start", "end")
VIEWS = ("side", "front")


def read_pose_text(
    text: str, where: str
) -> tuple[dict[str, str], PoseFigure | None, tuple[str, int] | None, list[Any]]:
    """Parse a pose file: (captions, figure or None, (image path, line) or None, problems)."""
    check = Checker(where)
    data, problems = load_yaml(text, where)
    if problems:
        return {}, None, None, problems
    if not isinstance(data, Located):
        check.add(1, None, f"expected a mapping with caption and poses, got {describe(data)}")
        return {}, None, None, check.problems
    check.known_keys(data, FILE_KEYS)
    captions = _captions(check, data)
    if "image" in data:
        image = check.text(data, "image")
        return captions, None, (image, data.line_of("image")), check.problems
    figure = _figure(check, data)
    return captions, figure if not check.problems else None, None, check.problems


def _captions(check: Checker, data: Located) -> dict[str, str]:
    if "caption" not in data:
        check.add(data.line, "caption", "is required: a few words per language, e.g. en: ...")
        return {}
    value = check.mapping(data["caption"], data.line_of("caption"), "caption")
    if value is None:
        return {}
    captions = {str(lang): check.text(value, lang, "caption.") for lang in value}
    if "en" not in captions:
        check.add(value.line, "caption.en", "is required (the English caption)")
    return captions


def _figure(check: Checker, data: Located) -> PoseFigure:
    size = _point(check, data, "size", "") or (100.0, 100.0)
    if min(size) <= 0:
        check.add(data.line_of("size"), "size", "width and height must be above 0")
    poses = _list(check, data, "poses", required=True) or LocatedList()
    if "poses" in data and not 1 <= len(poses) <= 2:
        check.add(data.line_of("poses"), "poses", f"give one or two poses, got {len(poses)}")
    read = [
        _pose(check, item, poses.line_of(i), f"poses[{i + 1}].", i, len(poses))
        for i, item in enumerate(poses)
    ]
    props = _list(check, data, "props") or LocatedList()
    arrows = _list(check, data, "arrows") or LocatedList()
    return PoseFigure(
        size=size,
        poses=tuple(p for p in read if p is not None),
        props=tuple(
            p
            for i, item in enumerate(props)
            if (p := _prop(check, item, props.line_of(i), f"props[{i + 1}].", size))
        ),
        arrows=tuple(
            a
            for i, item in enumerate(arrows)
            if (a := _arrow(check, item, arrows.line_of(i), f"arrows[{i + 1}]."))
        ),
    )


def _list(check: Checker, data: Located, key: str, required: bool = False) -> LocatedList | None:
    if key not in data:
        if required:
            check.add(data.line, key, "is required")
        return None
    value = data[key]
    if not isinstance(value, LocatedList):
        check.add(data.line_of(key), key, f"expected a list, got {describe(value)}")
        return None
    return value


def _number(check: Checker, data: Located, key: str, prefix: str, default: float | None) -> float:
    value = check.number(data, key, prefix)
    if value is None:
        if default is None and key not in data:
            check.add(data.line, f"{prefix}{key}", "is required (a number)")
        return default if default is not None else 0.0
    return float(value)


def _point(check: Checker, data: Located, key: str, prefix: str) -> Point | None:
    if key not in data:
        return None
    return _as_point(check, data[key], data.line_of(key), f"{prefix}{key}")


def _as_point(check: Checker, value: Any, line: int, field: str) -> Point | None:
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
    ):
        return (float(value[0]), float(value[1]))
    check.add(line, field, f"expected a point [x, y], got {describe(value)}")
    return None


def _pose(check: Checker, item: Any, line: int, prefix: str, index: int, count: int) -> Pose | None:
    data = check.mapping(item, line, prefix.rstrip("."))
    if data is None:
        return None
    check.known_keys(data, POSE_KEYS, prefix)
    phase = check.text(
        data,
        "phase",
        prefix,
        required=False,
        default="start" if count == 2 and index == 0 else "end",
    )
    view = check.text(data, "view", prefix, required=False, default="side")
    for key, value, allowed in (("phase", phase, PHASES), ("view", view, VIEWS)):
        if value not in allowed:
            check.add(data.line_of(key), prefix + key, f"must be one of {', '.join(allowed)}")
    hip = _point(check, data, "hip", prefix)
    if hip is None:
        if "hip" not in data:
            check.add(data.line, prefix + "hip", "is required (a point [x, y])")
        return None
    trunk = _number(check, data, "trunk", prefix, 90.0)
    head = check.number(data, "head", prefix)
    limbs = {
        key: _limb(check, data, key, prefix, -1 if key.endswith("arm") else 1)
        for key in ("near_arm", "far_arm", "near_leg", "far_leg")
    }
    marks = []
    for name, mark_line in check.text_list(data, "mark", prefix):
        if name.removesuffix("_back").removesuffix("_front") in SEGMENTS:
            marks.append(name)
        else:
            hint = (
                did_you_mean(name, SEGMENTS)
                or f"; marks are {', '.join(SEGMENTS)} (add _back or _front for one edge)"
            )
            check.add(mark_line, prefix + "mark", f'unknown body part "{name}"{hint}')
    return Pose(
        hip=hip,
        trunk=trunk,
        head=None if head is None else float(head),
        view=view,
        phase=phase,
        marks=tuple(marks),
        **limbs,
    )


def _limb(check: Checker, data: Located, key: str, prefix: str, natural: int) -> Limb:
    field = prefix + key
    if key not in data:
        return Limb((-90.0, -90.0))
    value, line = data[key], data.line_of(key)
    if isinstance(value, list):
        if 2 <= len(value) <= 3 and all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in value
        ):
            return Limb(tuple(float(v) for v in value))
        check.add(
            line, field, f"expected 2 or 3 angles [upper, lower, foot], got {describe(value)}"
        )
        return Limb((-90.0, -90.0))
    limb = check.mapping(value, line, field)
    if limb is None:
        return Limb((-90.0, -90.0))
    check.known_keys(limb, LIMB_KEYS, field + ".")
    reach = _point(check, limb, "reach", field + ".")
    if reach is None:
        if "reach" not in limb:
            check.add(
                limb.line, field + ".reach", "is required (the point the hand or foot reaches)"
            )
        return Limb((-90.0, -90.0))
    flip = check.flag(limb, "flip", False, field + ".")
    foot = check.number(limb, "foot", field + ".")
    hand = check.text(limb, "hand", field + ".", required=False, default="")
    if hand and (hand not in HANDS or not key.endswith("arm")):
        check.add(limb.line_of("hand"), field + ".hand", "an arm's hand is thumb or fingers")
    return Limb(
        reach=reach,
        bend=-natural if flip else natural,
        end=None if foot is None else float(foot),
        hand=hand,
    )


def _prop(check: Checker, item: Any, line: int, prefix: str, size: Point) -> Prop | None:
    data = check.mapping(item, line, prefix.rstrip("."))
    if data is None:
        return None
    kind = check.text(data, "type", prefix)
    if kind not in PROP_KINDS:
        if kind:
            hint = did_you_mean(kind, PROP_KINDS) or f"; props are {', '.join(PROP_KINDS)}"
            check.add(data.line_of("type"), prefix + "type", f'unknown prop "{kind}"{hint}')
        return None
    spec, front = PROP_KINDS[kind]
    check.known_keys(data, ("type", "front", *spec), prefix)
    defaults = {"to": size[0], "top": size[1]}
    values: dict[str, object] = {}
    for name, default in spec.items():
        values[name] = _prop_value(check, data, name, prefix, default, defaults.get(name))
    front = check.flag(data, "front", front, prefix)
    return Prop(kind, tuple(values.items()), front)


def _prop_value(
    check: Checker, data: Located, name: str, prefix: str, default: object, fallback: object
) -> object:
    if name not in data:
        if default is None and fallback is None:
            check.add(data.line, prefix + name, "is required")
        return default if default is not None else fallback
    value, line = data[name], data.line_of(name)
    if name in ("at",):
        return _as_point(check, value, line, prefix + name)
    if name == "points" or (name in ("from", "to") and isinstance(value, list)):
        if name == "points":
            points = (
                [_as_point(check, v, line, prefix + name) for v in value]
                if isinstance(value, list)
                else [None]
            )
            if len(points) < 2:
                check.add(line, prefix + name, "give at least two points")
            return tuple(points)
        return _as_point(check, value, line, prefix + name)
    if isinstance(default, str):
        if value not in ("left", "right"):
            check.add(line, prefix + name, "must be left or right")
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        check.add(line, prefix + name, f"expected a number, got {describe(value)}")
        return default
    return float(value)


def _arrow(check: Checker, item: Any, line: int, prefix: str) -> Arrow | None:
    data = check.mapping(item, line, prefix.rstrip("."))
    if data is None:
        return None
    check.known_keys(data, ARROW_KEYS, prefix)
    both = check.flag(data, "both", False, prefix)
    if "arc" in data:
        arc = check.mapping(data["arc"], data.line_of("arc"), prefix + "arc")
        if arc is None:
            return None
        check.known_keys(arc, ARC_KEYS, prefix + "arc.")
        centre = _point(check, arc, "centre", prefix + "arc.")
        if centre is None:
            check.add(arc.line, prefix + "arc.centre", "is required (a point [x, y])")
            return None
        return Arrow(
            centre=centre,
            radius=_number(check, arc, "radius", prefix + "arc.", None),
            start=_number(check, arc, "from", prefix + "arc.", None),
            end=_number(check, arc, "to", prefix + "arc.", None),
            both=both,
        )
    points = data.get("points")
    if not isinstance(points, LocatedList) or len(points) < 2:
        check.add(data.line, prefix + "points", "give points: [[x, y], [x, y], ...] or an arc")
        return None
    read = [
        _as_point(check, p, points.line_of(i), f"{prefix}points[{i + 1}]")
        for i, p in enumerate(points)
    ]
    if any(p is None for p in read):
        return None
    return Arrow(points=tuple(p for p in read if p is not None), both=both)
