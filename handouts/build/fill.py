"""Fill a plan's texts with its values in the sandbox, giving Markdown per section."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from handouts.build.plan import Plan
from handouts.build.request import Request
from handouts.errors import LibraryError, Problem
from handouts.library.model import Section
from handouts.library.sandbox import TemplateFillError, render_source
from handouts.workspace.clinic import Clinic

# Params that make an exercise's dose strip, by the kind of number they hold.
DOSE_PARAMS = {
    "hold_seconds": "hold",
    "press_seconds": "hold",
    "reps": "reps",
    "sets": "sets",
    "minutes": "minutes",
    "minutes_per_leg": "minutes",
    "times_per_day": "daily",
}
TRACKER_DAYS = 7


@dataclass(frozen=True)
class FilledSection:
    """One section's title, its filled Markdown and key point, and its dose numbers."""

    id: str
    title: str
    markdown: str
    category: str = ""
    key_point: str = ""
    dose: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FilledHandout:
    """Every text of a handout, filled, still as Markdown."""

    title: str
    subtitle: str
    intro: str
    sections: tuple[FilledSection, ...]
    patient: str
    practitioner: str
    date_text: str
    notes: tuple[str, ...]
    notes_box: bool
    tracker_days: tuple[str, ...] = ()


def dose_of(values: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The (kind, number) pairs of a section's dose, in a fixed order of kinds."""
    order = ("hold", "reps", "sets", "minutes", "daily")
    found = {}
    for name, kind in DOSE_PARAMS.items():
        value = values.get(name)
        if isinstance(value, int) and not isinstance(value, bool) and kind not in found:
            found[kind] = str(value)
    return tuple((kind, found[kind]) for kind in order if kind in found)


def week_days(start: dt.date, lang: str) -> tuple[str, ...]:
    """Seven day labels from `start`, e.g. "Mo 30", in the language's own short names."""
    from babel.dates import format_date as babel_format_date

    days = (start + dt.timedelta(days=n) for n in range(TRACKER_DAYS))
    return tuple(
        f"{babel_format_date(day, 'EEEEEE', locale=lang).title()}\n{day.day}" for day in days
    )


def format_date(date: dt.date, lang: str) -> str:
    """A date written the way the language writes it (e.g. "November 21, 2026")."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(date, format="long", locale=lang)


def base_context(
    request: Request, clinic: Clinic, treatment: str = "", sections: tuple[str, ...] = ()
) -> dict[str, Any]:
    """What every text may use: patient, practitioner, clinic, date, the sheet's
    treatment (its template's `treatment:`; "" outside a handout or when not given) and
    the ids of the sections on the sheet (none outside a handout), so that a section can
    leave out what another section on the same sheet already says."""
    return {
        "patient": request.patient,
        "practitioner": request.practitioner,
        "clinic": clinic.as_context(),
        "date": format_date(request.date, request.lang),
        "treatment": treatment,
        "sections": sections,
    }


def section_context(
    clinic: Clinic, lang: str = "en", date: dt.date | None = None
) -> dict[str, Any]:
    """The context for filling a section outside any handout (no patient, a given date)."""
    request = Request(template="", date=date or dt.date.today(), lang=lang)
    return base_context(request, clinic)


def fill_section(section: Section, values: dict[str, Any], context: dict[str, Any]) -> str:
    """Fill one section's body with its values; raise LibraryError located in its file."""
    problems: list[Problem] = []
    text = _fill(
        section.body, {**context, **values}, section.path, section.body_line, "body", problems
    )
    if problems:
        raise LibraryError(problems)
    return text


def fill_plan(plan: Plan, clinic: Clinic) -> FilledHandout:
    """Fill the intro and every section; raise LibraryError listing every failure."""
    template = plan.template
    on_sheet = tuple(planned.section.id for planned in plan.sections)
    context = base_context(plan.request, clinic, template.treatment, on_sheet)
    problems: list[Problem] = []
    intro = _fill(template.intro, context, template.path, template.intro_line, "intro", problems)
    sections = []
    for planned in plan.sections:
        section = planned.section
        values = {**context, **planned.values}
        markdown = _fill(section.body, values, section.path, section.body_line, "body", problems)
        key_point = ""
        if section.key_point:
            line = section.key_point_line
            key_point = _fill(section.key_point, values, section.path, line, "key_point", problems)
        sections.append(
            FilledSection(
                section.id,
                section.title,
                markdown,
                section.category,
                key_point.strip(),
                dose_of(planned.values),
            )
        )
    if problems:
        raise LibraryError(problems)
    return FilledHandout(
        title=template.title,
        subtitle=template.subtitle,
        intro=intro,
        sections=tuple(sections),
        patient=plan.request.patient,
        practitioner=plan.request.practitioner,
        date_text=context["date"],
        notes=plan.request.notes,
        notes_box=template.notes_box,
        tracker_days=week_days(plan.request.date, plan.request.lang) if template.tracker else (),
    )


def _fill(
    source: str,
    context: dict[str, Any],
    where: str,
    line: int,
    field: str,
    problems: list[Problem],
) -> str:
    try:
        return render_source(source, context, where, line, field)
    except TemplateFillError as exc:
        problems.append(exc.problem)
        return ""
