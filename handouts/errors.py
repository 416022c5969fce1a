"""The one exception family every user-facing failure belongs to.

Library code raises these; only the CLI (`handouts.cli`) turns them into messages and
an exit code, so nothing here knows about click.
Exit codes are documented in the README ("Errors and exit codes").
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One located mistake: where it is, which field, and what would be right."""

    where: str
    message: str
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        place = self.where if self.line is None else f"{self.where}:{self.line}"
        text = (
            f"{place}: {self.field}: {self.message}" if self.field else f"{place}: {self.message}"
        )
        return " ".join(text.splitlines())  # one line per problem, always


class HandoutsError(Exception):
    """Base of every error a user can cause; shown as one line per problem, no traceback."""

    exit_code = 1

    def __init__(self, problems: Problem | str | Iterable[Problem | str]) -> None:
        if isinstance(problems, (str, Problem)):
            problems = [problems]
        self.problems: list[Problem | str] = list(problems)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """Every problem, one per line."""
        return "\n".join(str(p) for p in self.problems)

    def lines(self) -> list[str]:
        """The lines a person is shown: `error: <problem>` each."""
        return [f"error: {problem}" for problem in self.problems]


class LibraryError(HandoutsError):
    """A section, template or clinic file is invalid (exit code 3)."""

    exit_code = 3


class RequestError(HandoutsError):
    """What was asked for on the command line or in a request file is invalid (exit code 4)."""

    exit_code = 4


class RenderError(HandoutsError):
    """The handout cannot be drawn, e.g. a character no font has (exit code 5)."""

    exit_code = 5


class OutputError(HandoutsError):
    """The PDF cannot be written where it was asked to go (exit code 6)."""

    exit_code = 6


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """Return ' (did you mean "x"?)' when a known name is close to `name`, else ''."""
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def one_of(known: Iterable[str]) -> str:
    """Format a short list of allowed names for an error message."""
    names = sorted(known)
    if len(names) > 12:
        return ", ".join(names[:12]) + f", ... ({len(names)} in all)"
    return ", ".join(names)
