"""`handouts inspect FILE.pdf`: show the request a handout was made from."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command()
@click.argument("pdf", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the embedded record as JSON.")
def inspect(pdf: Path, as_json: bool) -> None:
    """Print the request embedded in PDF: template, sections, values, people, notes."""
    from handouts.render.provenance import describe, read_provenance

    provenance = read_provenance(pdf)
    if as_json:
        click.echo(json.dumps(provenance.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(describe(provenance))


# What `render --from` may still be given: where to write, which workspace, and how much to say.
ALLOWED_WITH_FROM = {"from_pdf", "template", "output", "workspace", "verbose"}


def refuse_with_from(ctx: click.Context, source: Path | None) -> None:
    """`--from` remakes the handout as it was: refuse options it would otherwise ignore."""
    from click.core import ParameterSource

    if source is None:
        return
    given = [
        param.opts[0]
        for param in ctx.command.params
        if param.name not in ALLOWED_WITH_FROM
        and ctx.get_parameter_source(param.name)
        in (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT)
    ]
    if given:
        raise click.UsageError(
            "--from makes the same handout again; it cannot be combined with " + ", ".join(given)
        )


def render_from(
    source: Path | None, template: str | None, output: Path | None, workspace: Path | None
) -> None:
    """`render --from FILE.pdf`: reprint, saying which sections changed since."""
    from handouts.render.pipeline import reprint
    from handouts.workspace.folder import find_workspace, load_clinic, load_workspace_library

    if source is None:
        raise click.UsageError("give a TEMPLATE, or --from FILE.pdf to make a handout again")
    if template is not None:
        raise click.UsageError("give either a TEMPLATE or --from FILE.pdf, not both")
    found = find_workspace(workspace)
    result = reprint(
        source,
        load_clinic(found),
        found.output_folder(output),
        lambda lang: load_workspace_library(found, lang, str(source), "lang"),
    )
    if result.changed:
        click.echo(
            "note: changed since the original was made: " + ", ".join(result.changed),
            err=True,
        )
    click.echo(str(result.path))
