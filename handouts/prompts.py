"""Guided questions for `handouts new`: each answer is checked, a bad one asked again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import click

from handouts.model import Library
from handouts.params import ParamSpec, ParamValueError, format_value
from handouts.request import ParamSetting, Request


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
            self.spec.convert(value)
        except ParamValueError as exc:
            self.fail(str(exc), param, ctx)
        return value


def _list(rows: Sequence[tuple[str, str]]) -> None:
    for number, (key, title) in enumerate(rows, start=1):
        click.echo(f"  {number:>2}. {key:<26} {title}")


def ask_request(library: Library, default_practitioner: str = "") -> Request:
    """Ask for a whole request, step by step, with defaults and the choices listed."""
    from handouts.plan import make_plan

    templates = sorted(library.templates)
    click.echo("Templates:")
    _list([(tid, library.templates[tid].title) for tid in templates])
    first = "knee-dry-needling" if "knee-dry-needling" in templates else templates[0]
    template_id = click.prompt("Template", default=first, type=PickType(templates, single=True))
    template = library.templates[template_id]
    patient = click.prompt("Patient's name", default="", show_default=False).strip()
    practitioner = click.prompt(
        "Practitioner", default=default_practitioner, show_default=bool(default_practitioner)
    ).strip()
    date = click.prompt(
        "Date", default=dt.date.today().isoformat(), type=click.DateTime(["%Y-%m-%d"])
    )
    add: tuple[str, ...] = ()
    if template.optional:
        click.echo("Sections you may add:")
        _list([(sid, library.sections[sid].title) for sid in template.optional])
        add = (
            click.prompt(
                "Add (numbers or ids, blank for none)",
                default="",
                show_default=False,
                type=PickType(template.optional),
            )
            or ()
        )
    standard = template.section_ids()
    click.echo("Standard sections:")
    _list([(sid, library.sections[sid].title) for sid in standard])
    drop = (
        click.prompt(
            "Drop (numbers or ids, blank for none)",
            default="",
            show_default=False,
            type=PickType(standard),
        )
        or ()
    )
    request = Request(template_id, patient, practitioner, date.date(), add=add, drop=drop)
    settings = ()
    if click.confirm("Change any values (times, counts, choices)?", default=False):
        settings = _ask_values(make_plan(request, library))
    notes = []
    while note := click.prompt("Note (blank when done)", default="", show_default=False).strip():
        notes.append(note)
    return Request(
        template_id,
        patient,
        practitioner,
        date.date(),
        add=add,
        drop=drop,
        settings=settings,
        notes=tuple(notes),
    )


def _ask_values(plan: Any) -> tuple[ParamSetting, ...]:
    """Each param of each section, its current value as the default; keep those changed."""
    settings = []
    for planned in plan.sections:
        section = planned.section
        if not section.params:
            continue
        click.echo(f"{section.title} ({section.id}):")
        for name, spec in section.params.items():
            current = planned.values[name]
            answer = click.prompt(
                f"  {spec.label} ({spec.allowed()})",
                default=format_value(current),
                type=SpecType(spec),
            )
            if spec.convert(answer) != current:
                settings.append(ParamSetting(section.id, name, answer, f"{section.id}.{name}"))
    return tuple(settings)
