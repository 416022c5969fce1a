"""The `handouts` command line: thin commands over the library functions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from handouts import __version__
from handouts.cli.options import (
    DateType,
    complete_section,
    complete_template,
    large_print_option,
    load_setup,
    output_option,
    workspace_options,
)
from handouts.errors import HandoutsError
from handouts.typed_text import PAPERS

EPILOG = """\b
Examples:
  handouts templates
  handouts sections
  handouts show stretch-holds --set hold_seconds=60
  handouts render knee-dry-needling --patient "María López" \\
      --practitioner "Sam Lee, PT" --add orthotics-advice --drop heat-use \\
      --set stretch-holds.hold_seconds=60 --note "Ice, not heat, for the first day." \\
      --paper a4 -o output/
"""


INTERRUPTED = "interrupted; handouts already made are kept, nothing half-written is left"

# Commands whose modules load only when they run, so `handouts --help` stays fast:
# name -> (module, attribute, the short help shown in `handouts --help`).
LAZY_COMMANDS = {
    "batch": ("handouts.cli.batch", "batch", "Make one handout per row of a CSV or YAML file."),
    "check": ("handouts.cli.check", "check", "Check a library or workspace for mistakes."),
    "copy": ("handouts.cli.copy", "copy", "Copy a built-in section or template in, to edit."),
    "figures": ("handouts.cli.figures", "figures", "List the figures; --sheet prints them all."),
    "init": ("handouts.cli.init", "init", "Write a clinic workspace to start from."),
    "inspect": ("handouts.cli.inspect", "inspect", "Print the request a handout was made from."),
    "new": ("handouts.cli.new", "new", "Make a handout by answering questions."),
    "serve": ("handouts.cli.serve", "serve", "Serve the handout page in the browser (local)."),
}


class HandoutsCliError(click.ClickException):
    """A library error on its way out of the command line: its lines, its exit code."""

    def __init__(self, error: HandoutsError) -> None:
        super().__init__(error.message)
        self.error = error
        vars(self)["exit_code"] = error.exit_code  # click reads it from the instance

    def show(self, file: Any = None) -> None:
        for line in self.error.lines():
            click.echo(line, err=True)


class LazyGroup(click.Group):
    """A click group that imports some commands only when they are used, and turns the
    library's errors into messages and exit codes (the only place that does)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run the command with SIGTERM handled like Ctrl-C (see `stopped_like_ctrl_c`)."""
        from handouts.cli.signals import stopped_like_ctrl_c

        with stopped_like_ctrl_c():
            return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except HandoutsError as error:
            raise HandoutsCliError(error) from None
        except KeyboardInterrupt:
            raise HandoutsCliError(HandoutsError(INTERRUPTED)) from None

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY_COMMANDS:
            import importlib

            module, attribute, _ = LAZY_COMMANDS[cmd_name]
            return getattr(importlib.import_module(module), attribute)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            if name in LAZY_COMMANDS:
                rows.append((name, LAZY_COMMANDS[name][2]))
            else:
                command = super().get_command(ctx, name)
                if command is not None and not command.hidden:
                    rows.append((name, command.get_short_help_str(formatter.width - 20)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="handouts")
def main() -> None:
    """Make branded, printable take-home sheets for patients."""


@main.command(epilog=EPILOG)
@click.argument("template", required=False, shell_complete=complete_template)
@click.option(
    "--from",
    "from_pdf",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Make the handout in this PDF again, from the request inside it.",
)
@click.option("--patient", default="", help="Patient's name, printed on the sheet.")
@click.option("--practitioner", default="", help='Your name and credentials, e.g. "Sam Lee, PT".')
@click.option(
    "--date",
    "date",
    type=DateType(),
    default=None,
    help="Date printed on the sheet, YYYY-MM-DD (default: today).",
)
@click.option(
    "--section",
    "sections",
    multiple=True,
    metavar="ID",
    shell_complete=complete_section,
    help="Use exactly these sections, in this order (repeatable).",
)
@click.option(
    "--add",
    multiple=True,
    metavar="ID",
    shell_complete=complete_section,
    help="Add a section (repeatable).",
)
@click.option(
    "--drop",
    multiple=True,
    metavar="ID",
    shell_complete=complete_section,
    help="Leave out a section (repeatable).",
)
@click.option(
    "--set",
    "settings",
    multiple=True,
    metavar="SECTION.PARAM=VALUE",
    help="Change a number or choice, e.g. stretch-holds.hold_seconds=60 (repeatable).",
)
@click.option(
    "--note",
    "notes",
    multiple=True,
    metavar="TEXT",
    help="A note printed in the notes box (repeatable).",
)
@click.option(
    "--paper",
    type=click.Choice(PAPERS, case_sensitive=False),
    default=None,
    help="Paper size (default: the clinic's, else letter).",
)
@large_print_option
@workspace_options
@click.option("-v", "--verbose", is_flag=True, help="Say which workspace and language are used.")
@output_option
def render(
    template: str | None,
    from_pdf: Path | None,
    patient: str,
    practitioner: str,
    date: dt.date | None,
    sections: Sequence[str],
    add: Sequence[str],
    drop: Sequence[str],
    settings: Sequence[str],
    notes: Sequence[str],
    paper: str | None,
    large_print: bool | None,
    workspace: Path | None,
    lang: str | None,
    verbose: bool,
    output: Path | None,
) -> None:
    """Render TEMPLATE as a PDF handout and print the path written."""
    from handouts.build.intake import intake
    from handouts.render.pipeline import render_to_file

    if from_pdf is not None or template is None:
        from handouts.cli.inspect import refuse_with_from, render_from

        refuse_with_from(click.get_current_context(), from_pdf)
        render_from(from_pdf, template, output, workspace)
        return
    setup = load_setup(workspace, lang)
    if verbose:
        click.echo(f"{setup.description}; language: {setup.lang}", err=True)
    typed = {
        "template": template,
        "patient": patient,
        "practitioner": practitioner,
        "date": date,
        "sections": list(sections),
        "add": list(add),
        "drop": list(drop),
        "set": list(settings),
        "notes": list(notes),
        "paper": paper,
        "large_print": large_print,
        "lang": setup.lang,
    }
    request = intake(typed, setup.clinic, library=setup.library)
    folder = setup.workspace.output_folder(output)
    notices: list[str] = []
    path = render_to_file(request, setup.library, setup.clinic, folder, notices=notices)
    click.echo(str(path))
    for notice in notices:
        click.echo(notice, err=True)


@main.command()
@workspace_options
def sections(workspace: Path | None, lang: str | None) -> None:
    """List every section by category, with its params, defaults and origin."""
    from handouts.text.listing import section_listing

    setup = load_setup(workspace, lang)
    click.echo(f"{setup.description}; language: {setup.lang}\n")
    click.echo(section_listing(setup.library))


@main.command()
@workspace_options
def templates(workspace: Path | None, lang: str | None) -> None:
    """List every template with its sections, optional extras and origin."""
    from handouts.text.listing import template_listing

    setup = load_setup(workspace, lang)
    click.echo(f"{setup.description}; language: {setup.lang}\n")
    click.echo(template_listing(setup.library))


@main.command()
@click.argument("section_id", metavar="ID", shell_complete=complete_section)
@click.option(
    "--set",
    "settings",
    multiple=True,
    metavar="PARAM=VALUE",
    help="Show with a changed value, e.g. hold_seconds=60 (repeatable).",
)
@workspace_options
def show(
    section_id: str, settings: Sequence[str], workspace: Path | None, lang: str | None
) -> None:
    """Show section ID filled with its defaults (or --set values), as text."""
    from handouts.text.listing import show_section

    setup = load_setup(workspace, lang)
    click.echo(show_section(setup.library, setup.clinic, section_id, settings, setup.lang))
