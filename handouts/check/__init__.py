"""`handouts check`: the library, the workspace and its brand, checked by an explicit list.

A check takes a `CheckContext` (the library roots, the clinic, and the libraries that
loaded) and yields `Finding`s. The brand (colour contrast, logo, fonts) is checked while
clinic.yaml loads (see `check.brand.clinic_with_findings`).
"""

from __future__ import annotations

from collections.abc import Sequence

from handouts.check.brand import fonts_check
from handouts.check.figures import figures_check
from handouts.check.findings import Check, CheckContext, Finding, load_check
from handouts.check.overrides import overrides_check
from handouts.check.pemat import pemat_check
from handouts.check.readability import readability_check
from handouts.check.rendering import render_check
from handouts.library.loader import LibraryRoot
from handouts.workspace.clinic import Clinic

# Run in this order, after every file of every language has loaded (`load_check`).
CHECKS: tuple[Check, ...] = (
    render_check,
    readability_check,
    pemat_check,
    overrides_check,
    fonts_check,
    figures_check,
)


def run_checks(
    roots: list[LibraryRoot], clinic: Clinic | None = None, checks: Sequence[Check] | None = None
) -> list[Finding]:
    """Load the library from `roots` and run each of `checks` (default: CHECKS) in order."""
    checks = CHECKS if checks is None else checks
    context = CheckContext(roots, clinic or Clinic())
    findings = list(load_check(context))
    for check in checks:
        findings += check(context)
    return findings
