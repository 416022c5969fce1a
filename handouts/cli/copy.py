"""`handouts copy section|template ID`: a built-in file into the workspace, to edit."""

from __future__ import annotations

from pathlib import Path

import click

from handouts.cli.options import complete_item, workspace_options


@click.command()
@click.argument("kind", type=click.Choice(["section", "template"]))
@click.argument("item_id", metavar="ID", shell_complete=complete_item)
@workspace_options
def copy(kind: str, item_id: str, workspace: Path | None, lang: str | None) -> None:
    """Copy the built-in section or template ID into the workspace, where it replaces the
    built-in one; print the path to edit."""
    from handouts.render.output import write_new
    from handouts.workspace.copy import copy_target
    from handouts.workspace.folder import find_workspace, load_clinic

    found = find_workspace(workspace)
    chosen = (lang or load_clinic(found).language).strip()
    source, target = copy_target(kind, item_id, found, chosen)
    write_new(target, source.read_bytes())  # atomic; never replaces a file
    click.echo(str(target))
