"""Guided questions for `handouts new`: each answer is checked.

At a terminal a bad answer is asked again. With piped answers (standard input not a
terminal) a bad answer, or running out of answers, stops the run with one located error:
asking again would take the next line, silently shifting every later answer.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from typing import Any

import click

from handouts.build.intake import Source, intake
from handouts.build.plan import Plan, make_plan
from handouts.build.request import Request
from handouts.errors import Problem, RequestError
from handouts.library.model import Library
from handouts.library.params import ParamSpec, ParamValueError, format_value
from handouts.typed_text import (
    NAME_LIMIT,
    NOTE_LIMIT,
    clean_typed,
    not_utf8,
    parse_date,
    visible,
    yes_no,
)
from handouts.workspace.clinic import Clinic

WHERE = "new"


def interactive() -> bool:
    """Whether a person answers at a terminal (else the answers are piped in)."""
    return sys.stdin.isatty()


class PickType(click.ParamType):
    """Some of `choices`, typed as numbers or ids separated by spaces or commas."""

    name = "pick"

    def __init__(self, choices: Sequence[str], single: bool = False) -> None:
        self.choices = list(choices)
        self.single = single

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return value
        picked = []
        for word in str(value).replace(",", " ").split():
            if word.isdigit() and 1 <= int(word) <= len(self.choices):
                picked.append(self.choices[int(word) - 1])
            elif word in self.choices:
                picked.append(word)
            else:
                self.fail(f'"{word}" is not one of the numbers or ids listed', param, ctx)
        if self.single:
            if len(picked) != 1:
                self.fail("pick exactly one", param, ctx)
            return picked[0]
        return tuple(dict.fromkeys(picked))


class SpecType(click.ParamType):
    """A param value, checked against its spec."""

    name = "value"

    def __init__(self, spec: ParamSpec) -> None:
        self.spec = spec

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            if isinstance(value, str):
                value = clean_typed(value)
            self.spec.convert(value)
        except (ParamValueError, ValueError) as exc:
            self.fail(str(exc), param, ctx)
        return value


class TypedText(click.ParamType):
    """Text a person types (a name, a note): checked and cleaned like every request's text."""

    name = "text"

    def __init__(self, limit: int, kind: str) -> None:
        self.limit = limit
        self.kind = kind

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            return clean_typed(str(value), self.limit, self.kind).strip()
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


class DateAnswer(click.ParamType):
    """A date, YYYY-MM-DD."""

    name = "date"

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if isinstance(value, dt.date):
            return value
        try:
            return parse_date(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


class YesNo(click.ParamType):
    """yes or no (y, n)."""

    name = "yes/no"

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            return yes_no(value)
        except ValueError:
            self.fail(
                f'"{visible(str(value).strip())}" is not yes or no; answer y or n', param, ctx
            )


def ask(
    question: str,
    name: str,
    field: str,
    kind: click.ParamType,
    default: Any = "",
    show_default: bool = False,
) -> Any:
    """One answer, checked by `kind`; `name` and `field` locate it in an error message.

    At a terminal a bad answer is asked again; piped, it stops the run (RequestError).
    """
    if interactive():
        if isinstance(kind, YesNo):
            return click.confirm(question, default=default)
        return click.prompt(question, default=default, type=kind, show_default=show_default)
    suffix = ""
    if isinstance(kind, YesNo):
        suffix = " [Y/n]" if default else " [y/N]"
    elif show_default and default != "":
        suffix = f" [{default}]"
    click.echo(f"{question}{suffix}: ", nl=False)
    try:
        line = sys.stdin.readline()
    except UnicodeDecodeError as exc:
        message = f"is not UTF-8 text (byte 0x{exc.object[exc.start]:02x}); answer in UTF-8"
        raise RequestError(Problem(WHERE, message, field=field)) from None
    click.echo()
    if not line:
        raise RequestError(Problem(WHERE, f'ran out of answers at "{name}"'))
    answer = line.rstrip("\r\n")
    wrong = not_utf8(answer)
    if wrong:
        raise RequestError(Problem(WHERE, wrong, field=field))
    if answer.strip() == "":
        answer = default
    try:
        return kind.convert(answer, None, None)
    except click.BadParameter as exc:
        raise RequestError(Problem(WHERE, exc.message, field=field)) from None


def _list(rows: Sequence[tuple[str, str]]) -> None:
    for number, (key, title) in enumerate(rows, start=1):
        click.echo(f"  {number:>2}. {key:<26} {title}")


def ask_request(
    library: Library, clinic: Clinic, lang: str, large_print: bool | None = None
) -> Request:
    """Ask for a whole request, step by step, with defaults and the choices listed;
    the answers go through the one intake like every other way in."""
    templates = sorted(library.templates)
    click.echo("Templates:")
    _list([(tid, library.templates[tid].title) for tid in templates])
    first = "knee-dry-needling" if "knee-dry-needling" in templates else templates[0]
    template_id = ask(
        "Template", "Template", "template", PickType(templates, single=True), first, True
    )
    template = library.templates[template_id]
    name = TypedText(NAME_LIMIT, "name")
    patient = ask("Patient's name", "Patient's name", "patient", name)
    usual = clinic.default_practitioner("")
    practitioner = ask("Practitioner", "Practitioner", "practitioner", name, usual, bool(usual))
    date = ask("Date", "Date", "date", DateAnswer(), dt.date.today().isoformat(), True)
    add: tuple[str, ...] = ()
    if template.optional:
        click.echo("Sections you may add:")
        _list([(sid, library.sections[sid].title) for sid in template.optional])
        add = ask("Add (numbers or ids, blank for none)", "Add", "add", PickType(template.optional))
        add = add or ()
    standard = template.section_ids()
    click.echo("Standard sections:")
    _list([(sid, library.sections[sid].title) for sid in standard])
    drop = ask("Drop (numbers or ids, blank for none)", "Drop", "drop", PickType(standard))
    typed: dict[str, Any] = {
        "template": template_id,
        "patient": patient,
        "practitioner": practitioner,
        "date": date,
        "add": list(add),
        "drop": list(drop or ()),
        "large_print": large_print,
        "lang": lang,
    }
    source = Source(WHERE)
    change = "Change any values (times, counts, choices)?"
    if ask(change, "Change any values", "values", YesNo(), False):
        plan = make_plan(intake(typed, clinic, source, library), library)
        typed["set"] = _ask_values(plan)
    notes = []
    note_type = TypedText(NOTE_LIMIT, "note")
    while note := ask("Note (blank when done)", "Notes", "note", note_type):
        notes.append(note)
    typed["notes"] = notes
    return intake(typed, clinic, source, library)


def _ask_values(plan: Plan) -> list[dict[str, Any]]:
    """Each param of each section, its current value as the default; keep those changed."""
    settings = []
    for planned in plan.sections:
        section = planned.section
        if not section.params:
            continue
        click.echo(f"{section.title} ({section.id}):")
        for name, spec in section.params.items():
            current = planned.values[name]
            answer = ask(
                f"  {spec.label} ({spec.allowed()})",
                spec.label,
                f"{section.id}.{name}",
                SpecType(spec),
                format_value(current),
                True,
            )
            if spec.convert(answer) != current:
                settings.append({"section": section.id, "param": name, "value": answer})
    return settings
