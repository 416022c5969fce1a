"""`handouts init [DIR]`: write a workspace a clinic can start from."""

from __future__ import annotations

import os
from pathlib import Path

import click

from handouts.errors import OutputError, Problem

SKELETON = Path(__file__).resolve().parent.parent / "_skeleton"


def init_workspace(target: Path) -> list[Path]:
    """Copy the starter workspace into `target`; refuse to overwrite any file. Return files.

    Nothing is written through a link: a name that exists in any form (a dangling link
    included) is a clash, a folder that leads outside `target` is refused, and each file is
    written to a temporary file and claimed under its name only when complete.
    """
    from handouts.render.output import write_new

    files = sorted(p for p in SKELETON.rglob("*") if p.is_file())
    for source in files:
        destination = target / source.relative_to(SKELETON)
        if os.path.lexists(destination):
            raise OutputError(
                Problem(
                    str(destination),
                    "already exists; init never overwrites: choose an empty folder or remove it",
                )
            )
    written = []
    try:
        for source in files:
            destination = target / source.relative_to(SKELETON)
            destination.parent.mkdir(parents=True, exist_ok=True)
            _refuse_outside(target, destination.parent)
            write_new(destination, source.read_bytes())
            written.append(destination)
    except OSError as exc:
        raise OutputError(Problem(str(target), f"cannot write here: {exc.strerror}")) from None
    return written


def _refuse_outside(target: Path, folder: Path) -> None:
    if not folder.resolve().is_relative_to(target.resolve()):
        raise OutputError(
            Problem(
                str(folder),
                f"leads outside {target} (a link to {folder.resolve()}); init writes only "
                "inside the folder it is given",
            )
        )


@click.command()
@click.argument("directory", default=".", type=click.Path(path_type=Path, file_okay=False))
def init(directory: Path) -> None:
    """Write a clinic workspace in DIRECTORY (default: here) to start from."""
    written = init_workspace(directory)
    for path in written:
        click.echo(str(path))
    click.echo(
        f"\nWorkspace ready in {directory}. Edit {directory / 'clinic.yaml'}, then read "
        f"{directory / 'GUIDE.txt'}.",
        err=True,
    )
