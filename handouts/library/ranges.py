"""A section's `ranges:`: pairs of number params that form a range (low, high).

    ranges:
      - [weeks_min, weeks_max]

Each pair names two different integer or number params of the section; a param is in one
range at most. The rule itself (`ParamRange.contradiction`) lives with the params and is
applied wherever values are resolved: here for a section's defaults and a template's
overrides (at load), in the plan for `--set`, batch rows, `new` and the web form.
"""

from __future__ import annotations

from typing import Any

from handouts.errors import did_you_mean
from handouts.library.params import ParamRange, ParamSpec
from handouts.yamlfile.checker import Checker, describe
from handouts.yamlfile.reader import Located, item_line

NUMBER_TYPES = ("integer", "number")
SHAPE = "expected a list of [low, high] pairs, e.g. ranges: [[weeks_min, weeks_max]]"


def read_ranges(
    check: Checker, data: Located, params: dict[str, ParamSpec], names: set[str]
) -> tuple[ParamRange, ...]:
    """The valid ranges of a section's front matter; every mistake is recorded in `check`.

    `params` holds the valid specs, `names` every param name given (a param whose own
    spec is broken is reported there, not again here). Defaults are checked against
    each range.
    """
    raw = data.get("ranges")
    if raw is None:
        return ()
    if not isinstance(raw, list):
        check.add(data.line_of("ranges"), "ranges", f"{SHAPE}; got {describe(raw)}")
        return ()
    ranges: list[ParamRange] = []
    used: set[str] = set()
    for index, pair in enumerate(raw):
        field = f"ranges[{index + 1}]"
        line = item_line(raw, index, data.line_of("ranges"))
        found = _read_pair(check, pair, line, field, params, names, used)
        if found is None:
            continue
        used.update((found.low, found.high))
        ranges.append(found)
        why = found.contradiction({name: spec.default for name, spec in params.items()})
        if why:
            check.add(line, field, f"the defaults do not fit: {why}")
    return tuple(ranges)


def _read_pair(
    check: Checker,
    pair: Any,
    line: int,
    field: str,
    params: dict[str, ParamSpec],
    names: set[str],
    used: set[str],
) -> ParamRange | None:
    if not isinstance(pair, list) or len(pair) != 2 or not all(isinstance(n, str) for n in pair):
        check.add(line, field, f"{SHAPE}; got {describe(pair)}")
        return None
    low, high = pair
    if low == high:
        check.add(line, field, f'names "{low}" twice; a range needs two different params')
        return None
    good = True
    for name in (low, high):
        if name not in names:
            listed = ", ".join(sorted(names)) or "none"
            hint = did_you_mean(name, names) or f"; params are {listed}"
            check.add(line, field, f'no param "{name}"{hint}')
            good = False
        elif name in params and params[name].type not in NUMBER_TYPES:
            kind = params[name].type
            check.add(line, field, f'"{name}" is a {kind} param; a range needs numbers')
            good = False
        elif name in used:
            check.add(line, field, f'"{name}" is already in another range; use it in one only')
            good = False
    if not good or low not in params or high not in params:
        return None
    return ParamRange(low, high, line)


def override_problems(
    ranges: tuple[ParamRange, ...], defaults: dict[str, Any], overrides: dict[str, Any]
) -> list[tuple[str, str]]:
    """(param, why) for each range that a template's checked `overrides` break.

    `defaults` are the section's. Each problem is placed at an overriding param of the
    range (its high end when both are given).
    """
    values = {**defaults, **overrides}
    found = []
    for pair in ranges:
        why = pair.contradiction(values)
        if why:
            found.append((pair.high if pair.high in overrides else pair.low, why))
    return found
