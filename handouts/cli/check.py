"""The `handouts check` command: run every check and print a table or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from handouts.check.findings import Finding

CHECK_FAILED = 3


@click.command("check")
@click.argument(
    "roots",
    nargs=-1,
    metavar="[FOLDER]...",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@click.option(
    "--workspace",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="The clinic workspace to check (default: $HANDOUTS_WORKSPACE, else the nearest "
    "clinic.yaml in this folder or above, else only the built-in library).",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too, not only on errors.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    help="table for people (default), json for scripts.",
)
def check(roots: Sequence[Path], workspace: Path | None, strict: bool, output_format: str) -> None:
    """Check the workspace and library: FOLDERs first, then the workspace, then the built-in.

    clinic.yaml must validate (colour contrast, logo, fonts), every file must
    validate, every template must render with its defaults and its params'
    extremes, every printed character needs a font, and each English section
    should read at grade 8 or below. Exits 3 when there are errors (or
    warnings, with --strict).
    """
    from handouts.check import run_checks
    from handouts.check.brand import clinic_with_findings
    from handouts.check.findings import counts, failed
    from handouts.library.loader import LibraryRoot
    from handouts.workspace.folder import CLINIC_FILE, find_workspace

    if workspace is None:  # a FOLDER holding a clinic.yaml is the workspace to check
        workspace = next((path for path in roots if (path / CLINIC_FILE).is_file()), None)
        roots = [path for path in roots if path != workspace]
    found = find_workspace(workspace)
    library_roots = [LibraryRoot(path, "workspace") for path in roots] + found.roots()
    clinic, findings = clinic_with_findings(found)
    findings += run_checks(library_roots, clinic)
    tally = counts(findings)
    failing = failed(findings, strict)
    if output_format == "json":
        report = {
            "ok": not failing,
            "strict": strict,
            "counts": tally,
            "findings": [finding.as_dict() for finding in findings],
        }
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        click.echo(table(findings))
        click.echo(summary(tally, failing))
    if failing:
        raise SystemExit(CHECK_FAILED)


def table(findings: list[Finding]) -> str:
    """Findings as an aligned table, errors first; a short line when there are none."""
    if not findings:
        return "No problems found."
    order = {"error": 0, "warning": 1, "info": 2}
    rows = sorted(findings, key=lambda f: order.get(f.level, 3))
    check_width = max(len("check"), *(len(f.check) for f in rows))
    lines = [f"{'level':<8} {'check':<{check_width}}  problem"]
    lines += [f"{f.level:<8} {f.check:<{check_width}}  {f.problem}" for f in rows]
    return "\n".join(lines)


def summary(found: dict[str, int], failing: bool) -> str:
    """One line: how many of each, and whether the check passed."""
    verdict = "FAILED" if failing else "passed"
    return (
        f"\n{verdict}: {found['error']} errors, {found['warning']} warnings, {found['info']} notes"
    )
