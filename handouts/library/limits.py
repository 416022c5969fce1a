"""Limits on filling a section: what a text may use, and how much work and text it may make.

A section body is the clinic's text with a few placeholders, `{% if %}` and perhaps a loop
over a list param. Everything else Jinja2 offers is refused before the text is used, and a
fill that would loop, nest or grow without end stops with an error naming the limit.
"""

from __future__ import annotations

import contextvars
import math
from collections.abc import Iterable, Iterator
from typing import Any

from jinja2 import TemplateSyntaxError, nodes

MAX_LOOP_STEPS = 10_000  # steps of every loop of one text, together
MAX_TEXT = 100_000  # characters (or items) of any value made while filling, and of the result
MAX_BLOCK_NESTING = 10  # {% if %} / {% for %} inside each other
MAX_BRACKET_NESTING = 20  # ( [ { inside each other in one expression
MAX_POWER = 10**12  # the largest number `**` may make

# Statements a section does not need, by the tag that writes them.
REFUSED_STATEMENTS: dict[type[nodes.Node], str] = {
    nodes.Macro: "macro",
    nodes.CallBlock: "call",
    nodes.FilterBlock: "filter",
    nodes.With: "with",
    nodes.Block: "block",
    nodes.Extends: "extends",
    nodes.Include: "include",
    nodes.Import: "import",
    nodes.FromImport: "from",
    nodes.ScopedEvalContextModifier: "autoescape",
}
# The filters a section may use (besides our own `plural`): none can make a huge value
# from a small one, read the clock or draw a random number.
SAFE_FILTERS = frozenset(
    {
        "abs", "capitalize", "count", "d", "default", "dictsort", "first", "float", "int",
        "items", "join", "last", "length", "list", "lower", "map", "max", "min", "reject",
        "rejectattr", "reverse", "round", "select", "selectattr", "sort", "string", "title",
        "trim", "truncate", "unique", "upper", "wordcount",
    }
)  # fmt: skip
# Methods a value may call: text only, and only those that cannot grow it.
STR_METHODS = frozenset(
    {
        "capitalize", "casefold", "count", "endswith", "find", "isalnum", "isalpha", "isdigit",
        "islower", "isnumeric", "isspace", "istitle", "isupper", "lower", "lstrip", "rstrip",
        "split", "startswith", "strip", "title", "upper",
    }
)  # fmt: skip
SAFE_METHODS: dict[type, frozenset[str]] = {
    str: STR_METHODS,
    dict: frozenset({"get", "items", "keys", "values"}),
}
PLAIN_TYPES = (str, bytes, int, float, complex, bool, list, tuple, dict, set, frozenset)
COUNTED, SIZED = "_counted", "_sized"  # filters wrapped around every loop and every `~`


class FillLimit(Exception):
    """Filling a text went past one of the limits above; the message names it."""


class _Budget:
    def __init__(self) -> None:
        self.steps = 0

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_LOOP_STEPS:
            raise FillLimit(
                f"loops ran more than {MAX_LOOP_STEPS:,} steps (the limit for one text); "
                "loop over fewer items"
            )


_BUDGET: contextvars.ContextVar[_Budget] = contextvars.ContextVar("fill_budget")


def new_budget() -> contextvars.Token[_Budget]:
    """Start counting loop steps for one fill (per thread and task: the web app fills many)."""
    return _BUDGET.set(_Budget())


def end_budget(token: contextvars.Token[_Budget]) -> None:
    """Stop counting for the fill that `new_budget` started."""
    _BUDGET.reset(token)


def counted(items: Iterable[Any]) -> Iterator[Any]:
    """`items`, each one a step of this fill's loop budget."""
    budget = _BUDGET.get(None) or _Budget()
    for item in items:
        budget.step()
        yield item


def sized(value: Any) -> Any:
    """`value`, refused when it is longer than MAX_TEXT."""
    check_size(value)
    return value


def check_size(value: Any, what: str = "a value") -> None:
    """FillLimit when `value` has more than MAX_TEXT characters or items."""
    if isinstance(value, (str, list, tuple, dict)) and len(value) > MAX_TEXT:
        raise FillLimit(too_long(what))


def too_long(what: str) -> str:
    """The message for a value or text past MAX_TEXT."""
    return f"{what} would be longer than {MAX_TEXT:,} characters (the limit); make it shorter"


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse `*`, `+` and `**` that would make a huge value, and `%` text formatting."""
    sequences, numbers = (str, list, tuple), (int, float)
    if operator == "*":
        for seq, count in ((left, right), (right, left)):
            if (
                isinstance(seq, sequences)
                and isinstance(count, int)
                and len(seq) * count > MAX_TEXT
            ):
                raise FillLimit(too_long("repeating a value with *"))
    elif operator == "+":
        both = isinstance(left, sequences) and isinstance(right, sequences)
        if both and len(left) + len(right) > MAX_TEXT:
            raise FillLimit(too_long("joining values with +"))
    elif operator == "**":
        both = isinstance(left, numbers) and isinstance(right, numbers)
        if both and abs(left) > 1 and right > 0 and right * math.log10(abs(left)) > 12:
            raise FillLimit(f"** would make a number above {MAX_POWER:,} (the limit)")
    elif operator == "%" and isinstance(left, str):
        raise FillLimit("% formatting is not available in a section; write the text out")


def safe_join(value: Iterable[Any], separator: str = "", attribute: Any = None) -> str:
    """The `join` filter, refusing a result longer than MAX_TEXT before it is made."""
    items = [str(item if attribute is None else item[attribute]) for item in value]
    if sum(map(len, items)) + len(separator) * max(len(items) - 1, 0) > MAX_TEXT:
        raise FillLimit(too_long("join"))
    return separator.join(items)


def method_allowed(obj: Any, attr: str) -> bool:
    """Whether `obj.attr` may be called: plain values only through SAFE_METHODS."""
    for kind, names in SAFE_METHODS.items():
        if isinstance(obj, kind):
            return attr in names
    return not isinstance(obj, PLAIN_TYPES)


def check_nesting(env: Any, source: str) -> None:
    """Refuse blocks or brackets nested past the limits, from the tokens (no recursion),
    so a deep text is a located error and never a RecursionError in the parser."""
    blocks: list[int] = []
    brackets = 0
    tokens = iter(env.lex(source))
    for line, kind, value in tokens:
        if kind == "operator" and value in "([{":
            brackets += 1
            if brackets > MAX_BRACKET_NESTING:
                raise _too_deep(line, f"brackets nested more than {MAX_BRACKET_NESTING} deep")
        elif kind == "operator" and value in ")]}":
            brackets = max(brackets - 1, 0)
        elif kind == "block_begin":
            words = _block_words(tokens)
            if not words:
                continue
            if words[0].startswith("end"):
                if blocks:
                    blocks.pop()
            elif words[0] in ("if", "for", "macro", "call", "filter", "with", "block") or (
                words[0] == "set" and "=" not in words
            ):
                blocks.append(line)
                if len(blocks) > MAX_BLOCK_NESTING:
                    raise _too_deep(line, f"blocks nested more than {MAX_BLOCK_NESTING} deep")


def _block_words(tokens: Iterator[tuple[int, str, str]]) -> list[str]:
    words = []
    for _, kind, value in tokens:
        if kind == "block_end":
            break
        if kind == "name" or (kind == "operator" and value == "="):
            words.append(value)
    return words


def _too_deep(line: int, what: str) -> TemplateSyntaxError:
    return TemplateSyntaxError(f"{what} (the limit); split the text up", line)


def check_tree(tree: nodes.Template) -> None:
    """Refuse statements a section does not need, and recursive loops."""
    for node in tree.find_all(nodes.Stmt):
        tag = next((t for k, t in REFUSED_STATEMENTS.items() if isinstance(node, k)), None)
        if tag is not None:
            raise TemplateSyntaxError(
                f'"{{% {tag} %}}" is not available in a section; use if, for and set',
                node.lineno,
            )
        if isinstance(node, nodes.For) and node.recursive:
            raise TemplateSyntaxError("recursive loops are not available in a section", node.lineno)


def guard_tree(tree: nodes.Template) -> nodes.Template:
    """Count every loop's steps and size every `~`, in place; return the tree."""
    for loop in tree.find_all(nodes.For):
        loop.iter = _wrap(loop.iter, COUNTED)
    for parent in list(tree.find_all(nodes.Node)):
        for field in parent.fields:
            child = getattr(parent, field)
            if isinstance(child, nodes.Concat):
                setattr(parent, field, _wrap(child, SIZED))
            elif isinstance(child, list):
                child[:] = [_wrap(c, SIZED) if isinstance(c, nodes.Concat) else c for c in child]
    return tree


def _wrap(node: nodes.Node, name: str) -> nodes.Expr:
    return nodes.Filter(node, name, [], [], None, None, lineno=node.lineno)
