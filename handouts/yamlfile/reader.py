"""Safe YAML reading that remembers line numbers and refuses duplicate keys.

Mappings come back as `Located` dicts: `.line` is where the mapping starts and
`.line_of(key)` is where a key sits, so validators can point at the exact line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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


def item_line(items: list[Any], index: int, default: int) -> int:
    """Line of item `index` of a list read from YAML, or `default` for a plain list."""
    return items.line_of(index) if isinstance(items, LocatedList) else default


class DuplicateKeyError(Exception):
    """A key appears twice in one mapping."""

    def __init__(self, key: Any, first: int, second: int) -> None:
        super().__init__(key)
        self.key, self.first, self.second = key, first, second


# libyaml's C parser when PyYAML was built with it: several times faster, same safe rules.
if TYPE_CHECKING:
    _SafeBase = yaml.SafeLoader
else:
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


def _construct_timestamp(loader: _LocatingLoader, node: yaml.ScalarNode) -> Any:
    """A date or time; a value that looks like one but is not (2026-02-30) stays text, so
    the field that reads it says what is wrong, at its own place."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        if yaml.constructor.SafeConstructor.timestamp_regexp.match(str(node.value)):
            return str(node.value)
        raise


_LocatingLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LocatingLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence
)


MAX_DEPTH = 40  # mappings and lists inside each other; our files need five or six
MAX_VALUES = 200_000  # values once every alias is written out (an alias bomb has billions)
TOO_DEEP = f"YAML: nested too deeply; use at most {MAX_DEPTH} levels"


class _TooLarge(Exception):
    """The document is deeper or, with its aliases expanded, larger than our limits."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message, self.line = message, line


def _check_size(root: yaml.Node | None) -> None:
    """Refuse a node graph deeper than MAX_DEPTH or holding more than MAX_VALUES values
    once aliases are expanded; shared (aliased) nodes are measured once, without recursion."""
    if root is None:
        return
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    open_nodes: set[int] = set()
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        line = node.start_mark.line + 1
        if depth > MAX_DEPTH:
            raise _TooLarge(TOO_DEEP, line)
        children = _children(node)
        if done:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in children)
            if sizes[key] > MAX_VALUES:
                raise _TooLarge(
                    f"YAML: holds more than {MAX_VALUES:,} values once its aliases (*name) are "
                    "written out; repeat fewer values",
                    line,
                )
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            raise _TooLarge("YAML: an alias (*name) refers to the value that holds it", line)
        open_nodes.add(key)
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in children if id(child) not in sizes)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _parse(text: str) -> Any:
    loader = _LocatingLoader(text)
    try:
        node = loader.get_single_node()
        _check_size(node)
        return None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()


def load_yaml(text: str, where: str, first_line: int = 1) -> tuple[Any, list[Problem]]:
    """Parse YAML text safely; return (data, problems). Line numbers start at `first_line`.

    Every message is ours, whichever PyYAML is installed; depth and alias expansion are
    limited (MAX_DEPTH, MAX_VALUES) so a file cannot hang the program or eat its memory.
    """
    offset = first_line - 1
    try:
        return _parse("\n" * offset + text), []
    except _TooLarge as exc:
        return None, [Problem(where, exc.message, line=exc.line)]
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
        if "nesting depth" in what:  # libyaml's own limit, worded by the installed version
            return None, [Problem(where, TOO_DEEP, line=line)]
        if mark is not None and _indented_with_tab(text, mark.line - offset):
            what = "a tab is used to indent this line; YAML needs spaces"
        if "could not determine a constructor" in what:
            what = f"{what.split('for the tag')[-1].strip()} tags are not allowed; use plain values"
        return None, [Problem(where, f"YAML: {what}", line=line)]
    except yaml.YAMLError as exc:
        return None, [Problem(where, f"YAML: {exc}", line=first_line)]
    except RecursionError:
        return None, [Problem(where, TOO_DEEP, line=first_line)]
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


def _indented_with_tab(text: str, index: int) -> bool:
    """Whether line `index` (0-based) of `text` starts its indentation with a tab."""
    lines = text.split("\n")
    if not 0 <= index < len(lines):
        return False
    line = lines[index]
    return "\t" in line[: len(line) - len(line.lstrip(" \t"))]


def _tag_line(text: str, offset: int) -> int:
    """Line of the first explicit `!!` tag, the likely culprit of a constructor failure."""
    for number, line in enumerate(text.split("\n"), start=offset + 1):
        if "!!" in line:
            return number
    return offset + 1
