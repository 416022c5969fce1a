"""Pose files: read with located errors, drawn with plausible bodies, written as SVG."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from handouts.figures import body
from handouts.figures.catalog import find_figures
from handouts.figures.draw import drawing, mark_line
from handouts.figures.posefile import read_pose_text
from handouts.figures.shapes import Shape
from handouts.figures.svg import to_svg
from handouts.library.loader import builtin_root

FILES = find_figures([builtin_root().path])

MINIMAL = """\
caption:
  en: Standing
size: [60, 100]
props:
  - {type: floor}
poses:
  - hip: [30, 50.75]
"""


def _read(text: str):
    return read_pose_text(text, "figures/x.yaml")


def test_a_minimal_pose_file_reads():
    captions, figure, image, problems = _read(MINIMAL)
    assert problems == []
    assert captions == {"en": "Standing"}
    assert image is None
    assert figure is not None and len(figure.poses) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            MINIMAL.replace("caption:\n  en: Standing\n", ""),
            "figures/x.yaml:1: caption: is required",
        ),
        (
            MINIMAL.replace("{type: floor}", "{type: flor}"),
            'figures/x.yaml:5: props[1].type: unknown prop "flor" (did you mean "floor"?)',
        ),
        (MINIMAL + "    trunk: up\n", "figures/x.yaml:8: poses[1].trunk: expected a number"),
        (
            MINIMAL + "    near_leg: [1]\n",
            "figures/x.yaml:8: poses[1].near_leg: expected 2 or 3 angles",
        ),
        (
            MINIMAL + "    mark: [knee]\n",
            'figures/x.yaml:8: poses[1].mark: unknown body part "knee"',
        ),
        (
            MINIMAL + "arrows:\n  - {points: [[0, 0]]}\n",
            "figures/x.yaml:9: arrows[1].points: give points",
        ),
        (
            MINIMAL + "    mark: [near_thigh_side]\n",
            'figures/x.yaml:8: poses[1].mark: unknown body part "near_thigh_side"',
        ),
        (
            MINIMAL + "    near_arm: {reach: [40, 40], hand: fist}\n",
            "figures/x.yaml:8: poses[1].near_arm.hand: an arm's hand is thumb or fingers",
        ),
        (
            MINIMAL + "    near_leg: {reach: [40, 4], hand: thumb}\n",
            "figures/x.yaml:8: poses[1].near_leg.hand: an arm's hand is thumb or fingers",
        ),
        (MINIMAL + "colour: red\n", "figures/x.yaml:8: colour: unknown key"),
        (
            MINIMAL.replace("  - hip: [30, 50.75]\n", "  - trunk: 90\n"),
            "figures/x.yaml:7: poses[1].hip: is required",
        ),
    ],
)
def test_each_mistake_in_a_pose_file_is_located(text, expected):
    _, figure, _, problems = _read(text)
    assert figure is None
    assert len(problems) == 1
    assert str(problems[0]).startswith(expected), str(problems[0])


def test_a_mark_can_run_along_the_back_or_front_edge_of_a_limb():
    lines = {}
    for name in ("near_thigh", "near_thigh_back", "near_thigh_front"):
        _, figure, _, problems = _read(MINIMAL + f"    mark: [{name}]\n")
        assert problems == [] and figure is not None
        joints = body.skeleton(figure.poses[0])
        lines[name] = mark_line(joints, name)
    # a standing figure faces right: the back of its thigh is to the left
    assert lines["near_thigh_back"][0][0] < lines["near_thigh"][0][0]
    assert lines["near_thigh_front"][0][0] > lines["near_thigh"][0][0]


def test_an_arm_can_end_in_a_pressing_thumb_or_spread_fingers():
    plain = MINIMAL + "    near_arm: {reach: [45, 40]}\n"
    counts = {}
    for hand in ("", "thumb", "fingers"):
        text = plain.replace("]}", f"], hand: {hand}}}") if hand else plain
        _, figure, _, problems = _read(text)
        assert problems == [] and figure is not None
        assert figure.poses[0].near_arm.hand == hand
        counts[hand] = len(drawing(figure).shapes)
    assert counts[""] < counts["thumb"] < counts["fingers"]


def test_a_side_view_head_shows_which_way_the_figure_faces():
    _, figure, _, _ = _read(MINIMAL)
    head = body.skeleton(figure.poses[0]).head
    noses = [s for s in drawing(figure).shapes if isinstance(s, Shape) and s.fill == "ink"]
    assert len(noses) == 1
    assert max(x for x, _ in noses[0].points) > head[0] + body.HEAD_RADIUS  # faces right
    _, front, _, _ = _read(MINIMAL + "    view: front\n")
    assert not [s for s in drawing(front).shapes if isinstance(s, Shape) and s.fill == "ink"]


def _floor_top(figure) -> float | None:
    for prop in figure.props:
        if prop.kind == "floor":
            return float(prop.get("y"))
        if prop.kind == "mat":
            return float(prop.get("y")) + float(prop.get("height"))
    return None


def _pose_figures():
    out = []
    for figure_id, file in sorted(FILES.items()):
        _, figure, _, problems = read_pose_text(file.path.read_text("utf-8"), file.where)
        assert not problems, problems
        out.append((figure_id, figure))
    return out


@pytest.mark.parametrize(("figure_id", "figure"), _pose_figures())
def test_no_body_part_sinks_below_the_floor(figure_id, figure):
    floor = _floor_top(figure)
    if floor is None or any(p.view == "front" and p.trunk == 180 for p in figure.poses):
        return  # seen from above: no floor to stand on
    for pose in figure.poses:
        joints = body.skeleton(pose)
        points = [*joints.near_leg, *joints.far_leg, *joints.near_arm, *joints.far_arm]
        lowest = min(y for _, y in points)
        assert lowest >= floor + 2.0, f"{figure_id}: a limb goes through the floor ({lowest})"


@pytest.mark.parametrize(("figure_id", "figure"), _pose_figures())
def test_knees_bend_forward_and_legs_are_full_length(figure_id, figure):
    for pose in figure.poses:
        if pose.view != "side":
            continue
        joints = body.skeleton(pose)
        for hip, knee, ankle, *_ in (joints.near_leg, joints.far_leg):
            cross = (ankle[0] - hip[0]) * (knee[1] - hip[1]) - (ankle[1] - hip[1]) * (
                knee[0] - hip[0]
            )
            assert cross >= -1.0, f"{figure_id}: a knee bends backwards"


@pytest.mark.parametrize(("figure_id", "figure"), _pose_figures())
def test_every_figure_is_valid_svg(figure_id, figure):
    svg = to_svg(drawing(figure), "#AA0000", figure_id)
    root = ElementTree.fromstring(svg)
    assert root.tag.endswith("svg")
    assert "#AA0000" in svg  # arrows and marks take the clinic's accent
