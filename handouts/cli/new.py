"""`handouts new`: make a handout by answering questions (also works with piped answers)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from handouts.cli.options import (
    large_print_option,
    load_setup,
    output_option,
    workspace_options,
)


@click.command()
@output_option
@large_print_option
@workspace_options
def new(
    output: Path | None, large_print: bool | None, workspace: Path | None, lang: str | None
) -> None:
    """Make a handout step by step: template, patient, sections, values, notes."""
    from handouts.cli.prompts import ask_request
    from handouts.render.pipeline import render_to_file

    setup = load_setup(workspace, lang)
    library, clinic = setup.library, setup.clinic
    if hasattr(sys.stdin, "reconfigure"):  # a bad byte is then named at its own answer
        sys.stdin.reconfigure(errors="surrogateescape")
    request = ask_request(library, clinic, setup.lang, large_print)
    path = render_to_file(request, library, clinic, setup.workspace.output_folder(output))
    click.echo(f"Wrote {path}")
