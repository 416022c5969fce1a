"""Checks that draw: every template renders with its defaults and its params' extremes,
and every section fills."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from handouts.build.fill import base_context, fill_section
from handouts.build.markup import parse_markdown
from handouts.build.request import ParamSetting, Request
from handouts.check.findings import CheckContext, Finding, findings_of
from handouts.errors import HandoutsError, Problem
from handouts.library.model import Library, Section
from handouts.library.params import MAX_TEXT_LENGTH, ParamSpec
from handouts.render.fit import LONGEST_NAMED, Fit

CHECK_DATE = dt.date(2026, 12, 31)
LONG_NAME = "Maria-Josefina de la Cruz Fernández-Ólafsdóttir"
LONG_NOTE = "Keep going with the stretches every morning and evening. " * 12


def extreme(spec: ParamSpec, high: bool) -> Any:
    """The lowest or highest value a param accepts (its default when it has no bound)."""
    if spec.type in ("integer", "number"):
        bound = spec.maximum if high else spec.minimum
        if bound is None:
            return spec.default
        return int(bound) if spec.type == "integer" else bound
    if spec.type == "choice":
        return spec.choices[-1] if high else spec.choices[0]
    if spec.type == "list":
        return list(spec.choices) if high else [spec.choices[0]]
    if spec.type == "yesno":
        return high
    if not high:
        return ""
    words = "word " * (MAX_TEXT_LENGTH // 5)
    return words[:MAX_TEXT_LENGTH].strip()


def extremes(section: Section, high: bool) -> dict[str, Any]:
    """Every param of a section at its extreme, kept inside the section's ranges: at the
    highest a range's low is lowered to its high, at the lowest the high is raised."""
    values = {name: extreme(spec, high) for name, spec in section.params.items()}
    for pair in section.ranges:
        if pair.contradiction(values):
            if high:
                values[pair.low] = values[pair.high]
            else:
                values[pair.high] = values[pair.low]
    return values


def variants(template_id: str, library: Library) -> Iterator[tuple[str, Request]]:
    """The requests a template is checked with: as it is, then every extra at the extremes."""
    template = library.templates[template_id]
    yield "defaults", Request(template=template_id, date=CHECK_DATE)
    ids = [*template.section_ids(), *template.optional]
    for label, high in (("lowest values", False), ("highest values", True)):
        settings = tuple(
            ParamSetting(sid, name, value, f"check {template_id} ({label})")
            for sid in ids
            for name, value in extremes(library.sections[sid], high).items()
        )
        yield (
            label,
            Request(
                template=template_id,
                patient=LONG_NAME if high else "",
                practitioner=LONG_NAME if high else "",
                date=CHECK_DATE,
                add=template.optional,
                settings=settings,
                notes=(LONG_NOTE,) if high else (),
            ),
        )


def render_check(context: CheckContext) -> Iterable[Finding]:
    """Every template renders (defaults and extremes); every section fills at its extremes."""
    from handouts.render.pipeline import render_checked

    for library in context.libraries.values():
        for template_id in sorted(library.templates):
            template = library.templates[template_id]
            for label, request in variants(template_id, library):
                try:
                    # the extremes only need to draw; the defaults are laid out to fit
                    arrange = label == "defaults"
                    _, fit = render_checked(request, library, context.clinic, arrange)
                    if label == "defaults" and not fit.fits:
                        yield _too_long(template.path, fit)
                except HandoutsError as error:
                    yield from findings_of("render", error)
                    break
                except Exception as exc:  # a bug, but the report must go on
                    where = f"{template.path} ({label})"
                    message = f"cannot be drawn ({type(exc).__name__}: {exc}); please report it"
                    yield Finding("error", "render", Problem(where, message))
                    break
        for section in library.sections.values():
            yield from _fill_extremes(section, context)


def _too_long(where: str, fit: Fit) -> Finding:
    """A template whose defaults run past one double-sided sheet."""
    names = ", ".join(fit.longest[:LONGEST_NAMED])
    message = (
        f"with its default sections the handout runs to {fit.pages} pages, past {fit.limit} "
        f"(one double-sided sheet); make its longest sections ({names}) optional or shorter"
    )
    return Finding("info", "fit", Problem(where, message))  # reported, not a failure


def _fill_extremes(section: Section, context: CheckContext) -> Iterator[Finding]:
    request = Request(template="", patient=LONG_NAME, date=CHECK_DATE)
    base = base_context(request, context.clinic)
    for high in (False, True):
        values = extremes(section, high)
        try:
            parse_markdown(fill_section(section, values, base))
        except HandoutsError as error:
            yield from findings_of("render", error)
            return
