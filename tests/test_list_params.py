"""A list param needs at least one of its choices."""

from __future__ import annotations

from handouts.check.rendering import extreme
from handouts.library.loader import load_library

STRETCHES = load_library().sections["stretch-holds"].params["stretches"]


def test_an_empty_list_is_refused_naming_the_choices(render):
    result, text = render(
        "knee-dry-needling", "--add", "stretch-holds", "--set", "stretch-holds.stretches="
    )
    assert result.exit_code == 4
    assert result.stderr == (
        "error: --set stretch-holds.stretches=: stretch-holds.stretches must be a "
        "comma-separated list of one or more of calf, front-thigh, back-thigh (got nothing)\n"
    )
    assert text == ""


def test_a_list_of_only_commas_is_empty_too(render):
    result, _ = render(
        "knee-dry-needling", "--add", "stretch-holds", "--set", "stretch-holds.stretches=, ,"
    )
    assert result.exit_code == 4
    assert "(got nothing)" in result.stderr


def test_one_choice_prints(render):
    result, text = render(
        "knee-dry-needling", "--add", "stretch-holds", "--set", "stretch-holds.stretches=calf"
    )
    assert result.exit_code == 0, result.output
    assert "calf" in text.lower()


def test_a_lists_lowest_extreme_is_its_first_choice_alone():
    assert extreme(STRETCHES, high=False) == ["calf"]
    assert extreme(STRETCHES, high=True) == ["calf", "front-thigh", "back-thigh"]
    assert STRETCHES.convert(extreme(STRETCHES, high=False)) == ["calf"]
