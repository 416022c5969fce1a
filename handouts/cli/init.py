"""`handouts init [DIR]`: write a workspace a clinic can start from."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from handouts.errors import OutputError, Problem

SKELETON = Path(__file__).resolve().parent.parent / "_skeleton"


def init_workspace(target: Path) -> list[Path]:
    """Copy the starter workspace into `target`; refuse to overwrite any file. Return files."""
    files = sorted(p for p in SKELETON.rglob("*") if p.is_file())
    clashes = [
        p.relative_to(SKELETON) for p in files if (target / p.relative_to(SKELETON)).exists()
    ]
    if clashes:
        raise OutputError(
            Problem(
                str(target / clashes[0]),
                "already exists; init never overwrites: choose an empty folder or remove it",
            )
        )
    written = []
    try:
        for source in files:
            destination = target / source.relative_to(SKELETON)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
            written.append(destination)
    except OSError as exc:
        raise OutputError(Problem(str(target), f"cannot write here: {exc.strerror}")) from None
    return written


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
