"""Options every library-reading command shares: --workspace and --lang."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from click.shell_completion import CompletionItem

if TYPE_CHECKING:
    from handouts.library.model import Library
    from handouts.workspace.clinic import Clinic
    from handouts.workspace.folder import Workspace

F = TypeVar("F", bound=Callable[..., object])


def workspace_options(command: F) -> F:
    """Add --workspace DIR and --lang CODE to a command."""
    command = click.option(
        "--lang",
        default=None,
        metavar="CODE",
        help="Language of the sections and printed words, e.g. es "
        "(default: the clinic's, else en).",
    )(command)
    return click.option(
        "--workspace",
        type=click.Path(path_type=Path, file_okay=False),
        default=None,
        help="The clinic's workspace folder (default: $HANDOUTS_WORKSPACE, else the nearest "
        "clinic.yaml in this folder or above, else built-in defaults).",
    )(command)


def output_option(command: F) -> F:
    """Add -o/--output: a .pdf file, or a folder for the default name."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(path_type=Path),
        default=None,
        help="A .pdf file, or a folder for the default name (default: output/).",
    )(command)


def large_print_option(command: F) -> F:
    """Add --large-print."""
    return click.option(
        "--large-print/--no-large-print",
        default=None,
        help="Body text 16 pt for low-vision readers (default: the clinic's choice).",
    )(command)


@dataclass(frozen=True)
class Setup:
    """What a command works with: the workspace's description, the brand, language, library."""

    description: str
    clinic: Clinic
    lang: str
    library: Library
    workspace: Workspace


def load_setup(workspace: Path | None, lang: str | None) -> Setup:
    """Find the workspace, read its clinic.yaml, and load the library in the chosen language."""
    from handouts.workspace.folder import (
        CLINIC_FILE,
        find_workspace,
        load_clinic,
        load_workspace_library,
    )

    found = find_workspace(workspace)
    clinic = load_clinic(found)
    chosen = (clinic.language if lang is None else lang).strip()
    library = load_workspace_library(found, chosen, CLINIC_FILE if lang is None else "--lang")
    return Setup(found.describe(), clinic, chosen, library, found)


class DateError(click.BadParameter):
    """A bad date on the command line, shown as one located line (no usage block)."""

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.message}", err=True)


class DateType(click.ParamType):
    """A command-line date, YYYY-MM-DD; a wrong one is one plain line, exit code 2."""

    name = "date"

    def convert(self, value: Any, param: Any, ctx: Any) -> dt.date:
        if isinstance(value, dt.date):
            return value
        from handouts.typed_text import parse_date

        try:
            return parse_date(str(value))
        except ValueError as exc:
            option = param.opts[0] if param is not None and param.opts else "date"
            raise DateError(f"{option}: {exc}", ctx, param) from None


def _library_for_completion(ctx: click.Context) -> Library | None:
    """The library the command would use, or None when it cannot load (complete nothing)."""
    from handouts.errors import HandoutsError

    try:
        return load_setup(ctx.params.get("workspace"), ctx.params.get("lang")).library
    except HandoutsError:
        return None


def _matching(names: Any, incomplete: str) -> list[CompletionItem]:
    return [CompletionItem(name) for name in sorted(names) if name.startswith(incomplete)]


def complete_template(ctx: click.Context, param: Any, incomplete: str) -> list[CompletionItem]:
    """Shell completion: template ids of the workspace and the built-in library."""
    library = _library_for_completion(ctx)
    return _matching(library.templates if library else (), incomplete)


def complete_section(ctx: click.Context, param: Any, incomplete: str) -> list[CompletionItem]:
    """Shell completion: section ids of the workspace and the built-in library."""
    library = _library_for_completion(ctx)
    return _matching(library.sections if library else (), incomplete)


def complete_item(ctx: click.Context, param: Any, incomplete: str) -> list[CompletionItem]:
    """Shell completion for `copy KIND ID`: section or template ids, by KIND."""
    if ctx.params.get("kind") == "template":
        return complete_template(ctx, param, incomplete)
    return complete_section(ctx, param, incomplete)
