"""`handouts batch FILE`: one handout per row, in parallel, with a progress bar and a summary."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from handouts.cli.options import workspace_options

if TYPE_CHECKING:
    from handouts.render.batch import Outcome


@click.command()
@click.argument("batch_file", metavar="FILE", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder for the handouts (default: output/).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default and most: the machine's cores, and one per row).",
)
@click.option(
    "--combine",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Also write every handout, in row order, as one PDF for a single print job.",
)
@click.option(
    "--duplex",
    is_flag=True,
    help="With --combine: start every handout on a fresh sheet for two-sided printing "
    "(a blank page follows a handout with an odd number of pages).",
)
@workspace_options
def batch(
    batch_file: Path,
    output: Path | None,
    jobs: int | None,
    combine: Path | None,
    duplex: bool,
    workspace: Path | None,
    lang: str | None,
) -> None:
    """Make one handout per row of a CSV file, or per entry of a YAML list of requests.

    \b
    CSV columns: template (required), patient, practitioner, date, sections,
    add, drop (ids separated by spaces or commas), notes (separate several
    with |), paper, lang, large_print, and SECTION.PARAM for any param, e.g.
    stretch-holds.hold_seconds. A blank cell keeps the default.
    """
    from handouts.render import batch as runner
    from handouts.workspace.folder import find_workspace, load_clinic

    if duplex and combine is None:
        raise click.UsageError("--duplex goes with --combine FILE.pdf")
    if combine is not None and combine.suffix.lower() != ".pdf":
        raise click.BadParameter("must name a .pdf file", param_hint="--combine")
    found = find_workspace(workspace)
    clinic = load_clinic(found)
    output = found.output_folder(output)
    runner.check_destinations(output, combine)
    total = runner.count_rows(batch_file)
    jobs = runner.worker_count(jobs, total)
    names = runner.Names(output, clinic.file_pattern)
    made, kept, failures = 0, [], []
    outcomes = runner.run_batch(runner.read_rows(batch_file, clinic, lang), names, jobs, workspace)
    # The bar only on a terminal: off one, click would still print its label line.
    progress: contextlib.AbstractContextManager[Iterable[Outcome]]
    if sys.stderr.isatty():
        progress = click.progressbar(outcomes, length=total, label="Rendering", file=sys.stderr)
    else:
        progress = contextlib.nullcontext(outcomes)
    with progress as bar:
        for outcome in bar:
            if outcome.path is None:
                failures.append(outcome)
                continue
            made += 1
            if combine is not None:
                kept.append(outcome.path)
    for failure in failures:
        for line in failure.error.splitlines():
            click.echo(f"error: {line}", err=True)
    where = output if output is not None else Path("output")
    click.echo(f"made {made}, failed {len(failures)}, in {where}{'/' if made else ''}")
    if combine is not None and kept:
        runner.combine(kept, combine, duplex)
        click.echo(f"combined {len(kept)} handouts into {combine}")
    if failures:
        raise click.exceptions.Exit(failures[0].exit_code)
