"""Typed params: values from YAML or the command line are converted and checked."""

from __future__ import annotations

import pytest

from handouts.library.params import ParamSpec, ParamValueError

HOLD = ParamSpec("hold_seconds", "integer", 45, "Hold", 15, 90, (), "seconds")
TOOL = ParamSpec("tool", "choice", "thumb", "Tool", choices=("thumb", "rolling-pin"))
WHICH = ParamSpec("which", "list", ["calf"], "Which", choices=("calf", "thigh"))
OIL = ParamSpec("oil", "yesno", True, "Oil")
RATIO = ParamSpec("ratio", "number", 1.5, "Ratio", 0.5, 3)
HINT = ParamSpec("hint", "text", "", "Hint")


@pytest.mark.parametrize(
    ("spec", "raw", "value"),
    [
        (HOLD, "60", 60),
        (HOLD, 15, 15),
        (HOLD, " 90 ", 90),
        (TOOL, "rolling-pin", "rolling-pin"),
        (WHICH, "thigh, calf", ["thigh", "calf"]),
        (WHICH, ["calf"], ["calf"]),
        (OIL, "no", False),
        (OIL, "YES", True),
        (OIL, False, False),
        (RATIO, "2.5", 2.5),
        (RATIO, 2, 2),
        (HINT, "Ask for Kim", "Ask for Kim"),
    ],
)
def test_good_values_convert(spec, raw, value):
    assert spec.convert(raw) == value


@pytest.mark.parametrize(
    ("spec", "raw", "message"),
    [
        (HOLD, "900", 'must be a whole number from 15 to 90 seconds (got "900")'),
        (HOLD, "4.5", 'must be a whole number from 15 to 90 seconds (got "4.5")'),
        (HOLD, True, "must be a whole number"),
        (TOOL, "foam", 'must be one of thumb, rolling-pin (got "foam")'),
        (
            WHICH,
            "calf,knee",
            'must be a comma-separated list of one or more of calf, thigh (got "knee")',
        ),
        (WHICH, "", "must be a comma-separated list of one or more of calf, thigh (got nothing)"),
        (WHICH, [], "(got nothing)"),
        (OIL, "maybe", 'must be yes or no (got "maybe")'),
        (RATIO, "nan", "must be a number from 0.5 to 3"),
        (HINT, "x" * 501, "(got 501 characters)"),
    ],
)
def test_bad_values_say_what_would_be_right(spec, raw, message):
    with pytest.raises(ParamValueError) as caught:
        spec.convert(raw)
    assert message in str(caught.value)
