"""`handouts check`: a list of checks, each a function returning findings.

A check takes a `CheckContext` (the library roots, the clinic, and the libraries
that loaded) and yields `Finding`s. Add one with `register_check`. The brand (colour
contrast, logo, fonts) is checked by loading clinic.yaml (see `check_brand`).
"""

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
_CHECKS: list[tuple[str, Check]] = []


def register_check(name: str, check: Check) -> None:
    """Add a check; it runs after the ones already registered (replacing one of that name)."""
    global _CHECKS
    _CHECKS = [(known, func) for known, func in _CHECKS if known != name]
    _CHECKS.append((name, check))


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


def run_checks(roots: list[LibraryRoot], clinic: Clinic | None = None) -> list[Finding]:
    """Load the library from `roots` and run every registered check on it."""
    _register_builtin_checks()
    context = CheckContext(roots, clinic or Clinic())
    findings = list(load_check(context))
    for _name, check in _CHECKS:
        findings += check(context)
    return findings


def counts(findings: list[Finding]) -> dict[str, int]:
    """How many findings there are of each level."""
    return {level: sum(1 for f in findings if f.level == level) for level in LEVELS}


def failed(findings: list[Finding], strict: bool) -> bool:
    """True when the run should exit non-zero: errors, or warnings too with --strict."""
    found = counts(findings)
    return bool(found["error"] or (strict and found["warning"]))


_BUILTIN_REGISTERED = False


def _register_builtin_checks() -> None:
    global _BUILTIN_REGISTERED
    if _BUILTIN_REGISTERED:
        return
    _BUILTIN_REGISTERED = True
    from handouts.check.brand import fonts_check
    from handouts.check.overrides import overrides_check
    from handouts.check.rendering import readability_check, render_check

    builtin = [
        ("render", render_check),
        ("readability", readability_check),
        ("overrides", overrides_check),
        ("fonts", fonts_check),
    ]
    replaced = {name for name, _ in _CHECKS}
    _CHECKS[:0] = [(name, check) for name, check in builtin if name not in replaced]
