"""Typed form values -> Request: the one place the web app builds a request.

Until `handouts.build.intake` lands this builds the Request the way `handouts render` does,
so the same values give the same request (and the same PDF bytes) as the command line.
Every problem comes from the shared code, in the command line's words; `field_of` only
says which form field a problem belongs beside.
"""

from __future__ import annotations

import datetime as dt

from handouts.clinic import Clinic
from handouts.errors import Problem, RequestError
from handouts.model import Library
from handouts.request import ParamSetting, Request, parse_date
from handouts.web.form import FormState, ParamField, default_rows

# Where a problem is located on the command line -> the form field beside which it shows.
_OPTION_FIELDS = {
    "--patient": "patient",
    "--practitioner": "practitioner",
    "--date": "date",
    "--note": "notes",
    "--paper": "paper",
    "--lang": "lang",
    "lang": "lang",
    "TEMPLATE": "template",
    "template": "template",
    "sections": "sections",
}


def request_from_form(state: FormState, library: Library, clinic: Clinic) -> Request:
    """The Request the form asks for; raise RequestError with every problem found.

    Sections in their usual order become --add/--drop (as a person would type them);
    a changed order becomes --section in that order. A param left at its default is not
    sent; a changed one is `--set SECTION.PARAM=VALUE`, typed text as it is.
    """
    problems: list[Problem] = []
    date = dt.date.today()
    if state.date.strip():
        try:
            date = parse_date(state.date)
        except ValueError as exc:
            problems.append(Problem("--date", str(exc)))
    used = [row.id for row in state.rows if row.used]
    usual = [row.id for row in default_rows(library.templates[state.template], library)]
    sections: tuple[str, ...] | None = None
    add: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    if used == [sid for sid in usual if sid in used]:
        add = tuple(row.id for row in state.rows if row.used and row.optional)
        drop = tuple(row.id for row in state.rows if not row.used and not row.optional)
    else:
        sections = tuple(used)
    settings = []
    for row in state.rows:
        for param in row.params if row.used else ():
            if _changed(param):
                try:
                    settings.append(ParamSetting.parse(f"{param.key}={param.value}"))
                except RequestError as exc:
                    problems += [p for p in exc.problems if isinstance(p, Problem)]
    request = None
    try:
        request = Request(
            template=state.template,
            patient=state.patient.strip(),
            practitioner=clinic.default_practitioner(state.practitioner),
            date=date,
            sections=sections,
            add=add,
            drop=drop,
            settings=tuple(settings),
            notes=tuple(note for note in state.notes.splitlines() if note.strip()),
            paper=state.paper.lower() or None,
            lang=state.lang,
        )
    except RequestError as exc:
        problems += [p for p in exc.problems if isinstance(p, Problem)]
    if problems or request is None:
        raise RequestError(problems)
    return request


def _changed(param: ParamField) -> bool:
    """Whether a param's typed value differs from its default (a list: which are ticked)."""
    if param.spec.type == "list":
        return set(param.ticked) != {item.strip() for item in param.default.split(",")}
    return param.value.strip() != param.default


def field_of(problem: Problem | str) -> str:
    """The form field a problem belongs beside ("form" when it belongs to none)."""
    if isinstance(problem, str):
        return "form"
    if problem.field:
        return problem.field if "." not in problem.field else f"p.{problem.field}"
    where = problem.where
    if where.startswith("--set "):
        return "p." + where[len("--set ") :].partition("=")[0].strip()
    option, _, section_id = where.partition(" ")
    if option in ("--add", "--drop", "--section") and section_id:
        return f"section.{section_id}"
    return _OPTION_FIELDS.get(where, "form")


def message_of(problem: Problem | str) -> str:
    """What to show beside the field: the command line's message, without the location."""
    return problem if isinstance(problem, str) else " ".join(problem.message.splitlines())
