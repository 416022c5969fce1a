"""What a check sees (`CheckContext`) and what it reports (`Finding`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from handouts.errors import HandoutsError, Problem
from handouts.library.loader import LibraryRoot, languages, load_library
from handouts.library.model import Library
from handouts.workspace.clinic import Clinic

LEVELS = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """One thing a check found: how serious, which check, and the located problem."""

    level: str
    check: str
    problem: Problem | str

    def as_dict(self) -> dict[str, Any]:
        """The finding as plain data for `--format json`."""
        problem = self.problem
        if isinstance(problem, str):
            problem = Problem("", problem)
        return {
            "level": self.level,
            "check": self.check,
            "where": problem.where,
            "line": problem.line,
            "field": problem.field,
            "message": problem.message,
            "text": str(self.problem),
        }


@dataclass
class CheckContext:
    """What every check sees. `libraries` holds each language that loaded cleanly."""

    roots: list[LibraryRoot]
    clinic: Clinic
    libraries: dict[str, Library] = field(default_factory=dict)


Check = Callable[[CheckContext], Iterable[Finding]]


def findings_of(check: str, error: HandoutsError, level: str = "error") -> list[Finding]:
    """Turn every problem of a raised error into a finding."""
    return [Finding(level, check, problem) for problem in error.problems]


def load_check(context: CheckContext) -> Iterable[Finding]:
    """Every file of every language validates (fills `context.libraries`)."""
    langs = languages(context.roots) or ["en"]
    for lang in langs:
        try:
            context.libraries[lang] = load_library(context.roots, lang=lang)
        except HandoutsError as error:
            yield from findings_of("files", error)


def counts(findings: list[Finding]) -> dict[str, int]:
    """How many findings there are of each level."""
    return {level: sum(1 for f in findings if f.level == level) for level in LEVELS}


def failed(findings: list[Finding], strict: bool) -> bool:
    """True when the run should exit non-zero: errors, or warnings too with --strict."""
    found = counts(findings)
    return bool(found["error"] or (strict and found["warning"]))
