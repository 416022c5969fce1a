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
    from handouts.provenance import describe, read_provenance

    provenance = read_provenance(pdf)
    if as_json:
        click.echo(json.dumps(provenance.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(describe(provenance))


def render_from(
    source: Path | None, template: str | None, output: Path | None, workspace: Path | None
) -> None:
    """`render --from FILE.pdf`: reprint, saying which sections changed since."""
    from handouts.pipeline import reprint
    from handouts.workspace import find_workspace, load_clinic, load_workspace_library

    if source is None:
        raise click.UsageError("give a TEMPLATE, or --from FILE.pdf to make a handout again")
    if template is not None:
        raise click.UsageError("give either a TEMPLATE or --from FILE.pdf, not both")
    found = find_workspace(workspace)
    result = reprint(
        source,
        load_clinic(found),
        output,
        lambda lang: load_workspace_library(found, lang, str(source), "lang"),
    )
    if result.changed:
        click.echo(
            "note: changed since the original was made: " + ", ".join(result.changed),
            err=True,
        )
    click.echo(str(result.path))
