"""`handouts new`: make a handout by answering questions (also works with piped answers)."""

from __future__ import annotations

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
def new(output: Path | None, large_print: bool, workspace: Path | None, lang: str | None) -> None:
    """Make a handout step by step: template, patient, sections, values, notes."""
    from handouts.cli.prompts import ask_request
    from handouts.render.pipeline import RenderOptions, render_to_file

    setup = load_setup(workspace, lang)
    library, clinic = setup.library, setup.clinic
    default_practitioner = clinic.practitioners[0] if clinic.practitioners else ""
    request = ask_request(library, default_practitioner)
    path = render_to_file(request, library, clinic, output, RenderOptions(large_print))
    click.echo(f"Wrote {path}")
