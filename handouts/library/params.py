"""Typed section parameters: their specs, and turning raw values into checked ones.

A value may come from YAML (already an int, list, ...) or from the command
line (always a string); `ParamSpec.convert` accepts both and either returns the
checked value or raises `ParamValueError` saying what would be right.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from handouts.typed_text import yes_no

PARAM_TYPES = ("integer", "number", "text", "choice", "list", "yesno")
MAX_TEXT_LENGTH = 500


class ParamValueError(ValueError):
    """A value that does not fit its parameter; the message says what would."""


@dataclass(frozen=True)
class ParamSpec:
    """One typed, checked parameter of a section."""

    name: str
    type: str
    default: Any
    label: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    unit: str = ""

    def allowed(self) -> str:
        """Describe the allowed values in plain words."""
        unit = f" {self.unit}" if self.unit else ""
        if self.type in ("integer", "number"):
            kind = "a whole number" if self.type == "integer" else "a number"
            if self.minimum is not None and self.maximum is not None:
                low, high = _plain(self.minimum), _plain(self.maximum)
                return f"{kind} from {low} to {high}{unit}"
            if self.minimum is not None:
                return f"{kind} of at least {_plain(self.minimum)}{unit}"
            if self.maximum is not None:
                return f"{kind} of at most {_plain(self.maximum)}{unit}"
            return kind
        if self.type == "choice":
            return "one of " + ", ".join(self.choices)
        if self.type == "list":
            return "a comma-separated list of one or more of " + ", ".join(self.choices)
        if self.type == "yesno":
            return "yes or no"
        return f"text of at most {MAX_TEXT_LENGTH} characters"

    def describe_default(self) -> str:
        """The default value as a person would type it."""
        return format_value(self.default)

    def convert(self, raw: Any) -> Any:
        """Return `raw` as a checked value of this type, or raise ParamValueError."""
        converter = _CONVERTERS[self.type]
        return converter(self, raw)


@dataclass(frozen=True)
class ParamRange:
    """Two number params of a section that form a range: `low` may not be above `high`.

    Declared in a section's front matter as `ranges: [[low, high], ...]`; `line` is where.
    """

    low: str
    high: str
    line: int | None = None

    def contradiction(self, values: dict[str, Any], prefix: str = "") -> str | None:
        """Why `values` break this range (a low above its high), or None when they fit.

        `prefix` goes before each param name, e.g. "treatment-plan.".
        """
        low, high = values.get(self.low), values.get(self.high)
        if not isinstance(low, (int, float)) or not isinstance(high, (int, float)):
            return None
        if low <= high:
            return None
        low_name, high_name = prefix + self.low, prefix + self.high
        return (
            f"{low_name} ({format_value(low)}) is above {high_name} ({format_value(high)}); "
            "the low end of a range may not be above its high end"
        )


def format_value(value: Any) -> str:
    """Show a param value the way it would be typed on the command line."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    if isinstance(value, float):
        return _plain(value)
    return str(value)


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def _got(raw: Any) -> str:
    return f'"{raw}"' if isinstance(raw, str) else format_value(raw)


def _wrong(spec: ParamSpec, raw: Any) -> ParamValueError:
    return ParamValueError(f"must be {spec.allowed()} (got {_got(raw)})")


def _check_range(spec: ParamSpec, value: float, raw: Any) -> None:
    too_low = spec.minimum is not None and value < spec.minimum
    too_high = spec.maximum is not None and value > spec.maximum
    if too_low or too_high:
        raise _wrong(spec, raw)


def _to_integer(spec: ParamSpec, raw: Any) -> int:
    if isinstance(raw, bool):
        raise _wrong(spec, raw)
    if isinstance(raw, int):
        value = raw
    elif isinstance(raw, float) and raw.is_integer():
        value = int(raw)
    elif isinstance(raw, str) and raw.strip().lstrip("+-").isdigit():
        value = int(raw.strip())
    else:
        raise _wrong(spec, raw)
    _check_range(spec, value, raw)
    return value


def _to_number(spec: ParamSpec, raw: Any) -> int | float:
    if isinstance(raw, bool):
        raise _wrong(spec, raw)
    if isinstance(raw, (int, float)):
        value: float = raw
    elif isinstance(raw, str):
        try:
            value = float(raw.strip())
        except ValueError:
            raise _wrong(spec, raw) from None
    else:
        raise _wrong(spec, raw)
    if not math.isfinite(value):
        raise _wrong(spec, raw)
    _check_range(spec, value, raw)
    return int(value) if float(value).is_integer() else value


def _to_text(spec: ParamSpec, raw: Any) -> str:
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        raise _wrong(spec, raw)
    text = str(raw)
    if len(text) > MAX_TEXT_LENGTH:
        raise ParamValueError(f"must be {spec.allowed()} (got {len(text)} characters)")
    return text


def _to_choice(spec: ParamSpec, raw: Any) -> str:
    text = raw.strip() if isinstance(raw, str) else raw
    if text not in spec.choices:
        raise _wrong(spec, raw)
    return text


def _to_list(spec: ParamSpec, raw: Any) -> list[str]:
    if isinstance(raw, str):
        items = [item.strip() for item in raw.split(",") if item.strip()]
    elif isinstance(raw, list):
        items = raw
    else:
        raise _wrong(spec, raw)
    if not items:
        raise ParamValueError(f"must be {spec.allowed()} (got nothing)")
    unknown = [item for item in items if item not in spec.choices]
    if unknown:
        raise ParamValueError(f"must be {spec.allowed()} (got {_got(format_value(unknown))})")
    return list(dict.fromkeys(items))


def _to_yesno(spec: ParamSpec, raw: Any) -> bool:
    if isinstance(raw, (bool, str)):
        try:
            return yes_no(raw)
        except ValueError:
            pass
    raise _wrong(spec, raw)


_CONVERTERS = {
    "integer": _to_integer,
    "number": _to_number,
    "text": _to_text,
    "choice": _to_choice,
    "list": _to_list,
    "yesno": _to_yesno,
}
