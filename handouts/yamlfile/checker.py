"""Small helpers for validating YAML data while collecting located problems."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from handouts.errors import Problem, did_you_mean
from handouts.yamlfile.reader import Located

TYPE_NAMES = {
    str: "text",
    int: "a whole number",
    bool: "yes or no",
    list: "a list",
    dict: "a mapping",
}


def describe(value: Any) -> str:
    """Name a YAML value's kind for an error message: 'text "x"', 'a list', ..."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"yes/no ({str(value).lower()})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return '"' + shown.replace("\r", "\\r").replace("\n", "\\n") + '"'
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


class Checker:
    """Collects problems for one file; every check names the field path and line."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.problems: list[Problem] = []

    def add(self, line: int | None, field: str | None, message: str) -> None:
        """Record one problem."""
        self.problems.append(Problem(self.where, message, line=line, field=field))

    def mapping(self, value: Any, line: int, field: str | None) -> Located | None:
        """Return `value` if it is a mapping, else record a problem and return None."""
        if isinstance(value, Located):
            return value
        self.add(line, field, f"expected a mapping of keys and values, got {describe(value)}")
        return None

    def known_keys(self, data: Located, allowed: Iterable[str], prefix: str = "") -> None:
        """Record every key not in `allowed`, suggesting a near one."""
        allowed = list(allowed)
        for key in data:
            if key not in allowed:
                hint = did_you_mean(str(key), allowed)
                self.add(
                    data.line_of(key),
                    f"{prefix}{key}",
                    f"unknown key{hint}; allowed keys are {', '.join(allowed)}",
                )

    def text(
        self, data: Located, key: str, prefix: str = "", required: bool = True, default: str = ""
    ) -> str:
        """A text field; numbers are accepted as text, other kinds are a problem."""
        if key not in data or data[key] is None:
            if required:
                self.add(data.line, f"{prefix}{key}", "is required (some text)")
            return default
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.add(data.line_of(key), f"{prefix}{key}", f"expected text, got {describe(value)}")
            return default
        text = str(value).strip()
        if required and not text:
            self.add(data.line_of(key), f"{prefix}{key}", "must not be empty")
        return text

    def flag(self, data: Located, key: str, default: bool, prefix: str = "") -> bool:
        """A yes/no field."""
        if key not in data:
            return default
        value = data[key]
        if not isinstance(value, bool):
            self.add(
                data.line_of(key), f"{prefix}{key}", f"expected yes or no, got {describe(value)}"
            )
            return default
        return value

    def number(self, data: Located, key: str, prefix: str = "") -> float | None:
        """An optional number field."""
        if key not in data or data[key] is None:
            return None
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.add(
                data.line_of(key), f"{prefix}{key}", f"expected a number, got {describe(value)}"
            )
            return None
        return value

    def text_list(self, data: Located, key: str, prefix: str = "") -> list[tuple[str, int]]:
        """An optional list of texts, each with its line."""
        if key not in data or data[key] is None:
            return []
        value = data[key]
        if not isinstance(value, list):
            self.add(data.line_of(key), f"{prefix}{key}", f"expected a list, got {describe(value)}")
            return []
        items = []
        for index, item in enumerate(value):
            line = value.line_of(index) if hasattr(value, "line_of") else data.line_of(key)
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                self.add(
                    line, f"{prefix}{key}[{index + 1}]", f"expected text, got {describe(item)}"
                )
                continue
            items.append((str(item), line))
        return items
