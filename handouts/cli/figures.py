"""`handouts figures`: list the figures, or print them all on a contact sheet."""

from __future__ import annotations

from pathlib import Path

import click

from handouts.cli.options import load_setup, workspace_options


@click.command()
@click.option(
    "--sheet",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    metavar="FILE.pdf",
    help="Also write a contact sheet: every figure with its id and caption.",
)
@workspace_options
def figures(sheet: Path | None, workspace: Path | None, lang: str | None) -> None:
    """List every figure (built-in or the workspace's) with its caption."""
    from handouts.render.figure_sheet import figures_report

    setup = load_setup(workspace, lang)
    click.echo(f"{setup.description}; language: {setup.lang}\n")
    click.echo(figures_report(setup.library.roots, setup.lang, setup.clinic, sheet))
