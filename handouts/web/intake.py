"""The web form as typed input for the one intake (`handouts.build.intake`).

The form's fields are handed over as a person would type them on the command line, so
the same values give the same Request (and the same PDF bytes) as `handouts render`, and
every problem is the intake's, in the command line's words. No rule lives here: this only
says which options the form amounts to, and beside which field a problem belongs.
"""

from __future__ import annotations

from typing import Any

from handouts.build.intake import intake
from handouts.build.request import Request
from handouts.errors import Problem
from handouts.library.model import Library
from handouts.web.form import FormState, ParamField, default_rows
from handouts.workspace.clinic import Clinic

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
    "--large-print": "large_print",
}


def typed_from_form(state: FormState, library: Library, clinic: Clinic) -> dict[str, Any]:
    """The form as the command line's typed options.

    Sections in their usual order become --add/--drop (as a person would type them);
    a changed order becomes --section in that order. A param left at its default is not
    sent; a changed one is `--set SECTION.PARAM=VALUE`, typed text as it is. Large print
    is sent only when it differs from the clinic's choice.
    """
    used = [row.id for row in state.rows if row.used]
    usual = [row.id for row in default_rows(library.templates[state.template], library)]
    in_usual_order = used == [sid for sid in usual if sid in used]
    settings = [
        f"{param.key}={param.value}"
        for row in state.rows
        if row.used
        for param in row.params
        if _changed(param)
    ]
    return {
        "template": state.template,
        "patient": state.patient,
        "practitioner": state.practitioner,
        "date": state.date,
        "sections": None if in_usual_order else used,
        "add": [r.id for r in state.rows if r.used and r.optional] if in_usual_order else [],
        "drop": [r.id for r in state.rows if not r.used and not r.optional]
        if in_usual_order
        else [],
        "set": settings,
        "notes": state.notes.splitlines(),  # a browser sends CR LF between lines
        "paper": state.paper,
        "large_print": None if state.large_print == clinic.large_print else state.large_print,
        "lang": state.lang,
    }


def request_from_form(state: FormState, library: Library, clinic: Clinic) -> Request:
    """The Request the form asks for; raise RequestError with every problem found."""
    return intake(typed_from_form(state, library, clinic), clinic, library=library)


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
        return f"p.{problem.field}" if "." in problem.field else problem.field
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
