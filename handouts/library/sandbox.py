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
from jinja2.sandbox import SandboxedEnvironment

from handouts.errors import Problem
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


class HandoutEnvironment(SandboxedEnvironment):
    """Sandboxed Jinja2 with StrictUndefined; values are printed as literal text."""

    def __init__(self) -> None:
        super().__init__(
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            autoescape=False,
            finalize=literal_text,
        )
        self.filters["plural"] = plural


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
        tree = env.parse(source)
    except TemplateSyntaxError as exc:
        line = first_line + (exc.lineno or 1) - 1
        return [Problem(where, f"template syntax: {exc.message}", line=line, field=field)]
    stored = {node.name for node in tree.find_all(nodes.Name) if node.ctx in ("store", "param")}
    allowed = known | stored | set(env.globals)
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
    try:
        return _compiled(source).render(context)
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


@lru_cache(maxsize=1024)
def _compiled(source: str) -> Any:
    return environment().from_string(source)


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
