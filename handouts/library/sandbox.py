"""The one Jinja2 environment: sandboxed, strict, and Markdown-safe for values.

Every value printed by `{{ ... }}` is turned into literal text for the Markdown
stage (its punctuation backslash-escaped), so a patient called `**Bo**` or
`<img src=x>` stays exactly that on paper.
"""

from __future__ import annotations

import re
import traceback
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from handouts.errors import Problem
from handouts.library import limits
from handouts.library.params import format_value

_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


def literal_text(value: Any) -> str:
    """Render a value as Markdown that reads back as exactly this text."""
    if isinstance(value, (bool, list, tuple)):
        value = format_value(value)
    text = _LINE_BREAKS.sub(" ", str(value))
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


def plural(count: Any, singular: str, plural_form: str | None = None) -> str:
    """`3 | plural("time")` gives "3 times"; `1 | plural("day")` gives "1 day"."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{format_value(count)} {word}"


class HandoutEnvironment(ImmutableSandboxedEnvironment):
    """Sandboxed Jinja2 with StrictUndefined; values are printed as literal text.

    Only what a section needs is there (see `limits`): no globals (`range`, `lipsum`,
    `cycler`, ...), a short list of filters, no methods that grow a value, no changing a
    list or dict; and `*`, `+`, `**` and `~` may not make a huge value.
    """

    intercepted_binops = frozenset({"*", "+", "**", "%"})

    def __init__(self) -> None:
        super().__init__(
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            autoescape=False,
            finalize=literal_text,
        )
        self.globals.clear()
        self.filters = {name: self.filters[name] for name in limits.SAFE_FILTERS}
        self.filters.update(
            plural=plural, join=limits.safe_join, _counted=limits.counted, _sized=limits.sized
        )

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        limits.check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if callable(value) and not limits.method_allowed(obj, attr):
            return False
        return super().is_safe_attribute(obj, attr, value)


_ENVIRONMENT: HandoutEnvironment | None = None


def environment() -> HandoutEnvironment:
    """The process-wide environment (built once)."""
    global _ENVIRONMENT
    if _ENVIRONMENT is None:
        _ENVIRONMENT = HandoutEnvironment()
    return _ENVIRONMENT


def check_source(
    source: str, where: str, first_line: int, field: str, known: set[str]
) -> list[Problem]:
    """Find syntax errors and unknown variable names in a Jinja2 source, with lines."""
    env = environment()
    try:
        tree = _prepared(source)[0]
    except TemplateSyntaxError as exc:
        line = first_line + (exc.lineno or 1) - 1
        return [Problem(where, f"template syntax: {exc.message}", line=line, field=field)]
    stored = {node.name for node in tree.find_all(nodes.Name) if node.ctx in ("store", "param")}
    allowed = known | stored | set(env.globals) | {"loop"}
    problems = []
    reported: set[str] = set()
    for node in tree.find_all(nodes.Name):
        if node.ctx == "load" and node.name not in allowed and node.name not in reported:
            reported.add(node.name)
            problems.append(
                Problem(
                    where,
                    f'"{node.name}" is not defined; you can use {", ".join(sorted(known))}',
                    line=first_line + node.lineno - 1,
                    field=field,
                )
            )
    return problems


def render_source(
    source: str, context: dict[str, Any], where: str, first_line: int, field: str
) -> str:
    """Fill a Jinja2 source; raise TemplateFillError located at the failing line."""
    token = limits.new_budget()
    try:
        return _filled(_prepared(source)[1], context)
    except TemplateSyntaxError as exc:
        line = first_line + (exc.lineno or 1) - 1
        raise TemplateFillError(
            Problem(where, f"template syntax: {exc.message}", line=line, field=field)
        ) from None
    except Exception as exc:  # whatever a template does wrong is the template's mistake
        found = _template_line(exc)
        located = first_line + found - 1 if found else first_line
        kind = "not allowed in a template" if isinstance(exc, SecurityError) else "template"
        raise TemplateFillError(
            Problem(where, f"{kind}: {exc or type(exc).__name__}", line=located, field=field)
        ) from None
    finally:
        limits.end_budget(token)


def _filled(template: Any, context: dict[str, Any]) -> str:
    """The template filled, stopped as soon as the text passes MAX_TEXT."""
    parts, length = [], 0
    for part in template.generate(context):
        length += len(part)
        if length > limits.MAX_TEXT:
            raise limits.FillLimit(limits.too_long("the filled text"))
        parts.append(part)
    return "".join(parts)


@lru_cache(maxsize=1024)
def _prepared(source: str) -> tuple[nodes.Template, Any]:
    """The parsed text (for name checks) and its compiled, guarded template.

    Every refusal is a TemplateSyntaxError with its line; a text nested so deeply that
    Jinja2 or Python would recurse too far is refused as such.
    """
    env = environment()
    limits.check_nesting(env, source)
    try:
        tree = env.parse(source)
        limits.check_tree(tree)
        guarded = limits.guard_tree(env.parse(source))
        return tree, env.from_string(guarded)
    except (RecursionError, MemoryError):
        message = "nested too deeply (Jinja2 cannot read it); split it up"
        raise TemplateSyntaxError(message, 1) from None


def _template_line(exc: BaseException) -> int | None:
    """The template line a Jinja2 error was raised from, if the traceback shows it."""
    line = None
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        if frame.f_code.co_filename == "<template>":
            line = lineno
    return line


class TemplateFillError(Exception):
    """A located failure while filling a template."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem
