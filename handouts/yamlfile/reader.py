"""Safe YAML reading that remembers line numbers and refuses duplicate keys.

Mappings come back as `Located` dicts: `.line` is where the mapping starts and
`.line_of(key)` is where a key sits, so validators can point at the exact line.
"""

from __future__ import annotations

from typing import Any

import yaml

from handouts.errors import Problem


class Located(dict):
    """A dict that knows the (1-based) line of itself and of each key."""

    def __init__(self, *args: Any, line: int = 1, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.line = line
        self.key_lines: dict[Any, int] = {}

    def line_of(self, key: Any) -> int:
        """Line of `key`, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)


class LocatedList(list):
    """A list that knows the (1-based) line of itself and of each item."""

    def __init__(self, *args: Any, line: int = 1) -> None:
        super().__init__(*args)
        self.line = line
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        """Line of item `index`, or of the list itself."""
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class DuplicateKeyError(Exception):
    """A key appears twice in one mapping."""

    def __init__(self, key: Any, first: int, second: int) -> None:
        super().__init__(key)
        self.key, self.first, self.second = key, first, second


# libyaml's C parser when PyYAML was built with it: several times faster, same safe rules.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LocatingLoader(_SafeBase):
    """SafeLoader whose mappings and sequences carry line numbers."""


def _construct_mapping(loader: _LocatingLoader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    mapping = Located(line=node.start_mark.line + 1)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be plain text", key_node.start_mark
            ) from None
        key_line = key_node.start_mark.line + 1
        if key in mapping:
            raise DuplicateKeyError(key, mapping.key_lines[key], key_line)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_line
    return mapping


def _construct_sequence(loader: _LocatingLoader, node: yaml.SequenceNode) -> LocatedList:
    items = LocatedList(
        (loader.construct_object(child, deep=True) for child in node.value),
        line=node.start_mark.line + 1,
    )
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    return items


_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LocatingLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence
)


def load_yaml(text: str, where: str, first_line: int = 1) -> tuple[Any, list[Problem]]:
    """Parse YAML text safely; return (data, problems). Line numbers start at `first_line`."""
    offset = first_line - 1
    try:
        return yaml.load("\n" * offset + text, Loader=_LocatingLoader), []
    except DuplicateKeyError as dup:
        return None, [
            Problem(
                where,
                f'"{dup.key}" is given twice (first on line {dup.first}); keep one of them',
                line=dup.second,
                field=str(dup.key),
            )
        ]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or "not valid YAML"
        if "could not determine a constructor" in what:
            what = f"{what.split('for the tag')[-1].strip()} tags are not allowed; use plain values"
        return None, [Problem(where, f"YAML: {what}", line=line)]
    except yaml.YAMLError as exc:
        return None, [Problem(where, f"YAML: {exc}", line=first_line)]
    except RecursionError:
        return None, [
            Problem(where, "YAML: nested too deeply; use at most a few levels", line=first_line)
        ]
    except Exception:
        # PyYAML's own constructors fail with plain exceptions on e.g. `!!int abc`,
        # an empty `!!int` or `!!timestamp x`: a mistake in the file, not a crash.
        return None, [
            Problem(
                where,
                "YAML: a value does not fit its !! tag; remove the tag or fix the value",
                line=_tag_line(text, offset),
            )
        ]


def _tag_line(text: str, offset: int) -> int:
    """Line of the first explicit `!!` tag, the likely culprit of a constructor failure."""
    for number, line in enumerate(text.split("\n"), start=offset + 1):
        if "!!" in line:
            return number
    return offset + 1
