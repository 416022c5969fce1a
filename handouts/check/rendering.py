"""Checks that draw: every template renders with its defaults and its params' extremes,
every section fills, and each section's prose reads at grade 8 or below."""

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
from handouts.text.readability import section_grade

MAX_GRADE = 8.0
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


def variants(template_id: str, library: Library) -> Iterator[tuple[str, Request]]:
    """The requests a template is checked with: as it is, then every extra at the extremes."""
    template = library.templates[template_id]
    yield "defaults", Request(template=template_id, date=CHECK_DATE)
    ids = [*template.section_ids(), *template.optional]
    for label, high in (("lowest values", False), ("highest values", True)):
        settings = tuple(
            ParamSetting(sid, name, extreme(spec, high), f"check {template_id} ({label})")
            for sid in ids
            for name, spec in library.sections[sid].params.items()
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
                    _, fit = render_checked(request, library, context.clinic)
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
        values = {name: extreme(spec, high) for name, spec in section.params.items()}
        try:
            parse_markdown(fill_section(section, values, base))
        except HandoutsError as error:
            yield from findings_of("render", error)
            return


READABILITY_LANGUAGE = "en"


def readability_check(context: CheckContext) -> Iterable[Finding]:
    """Each section's prose reads at Flesch-Kincaid grade 8 or below (else a warning)."""
    for lang, library in context.libraries.items():
        if lang != READABILITY_LANGUAGE:
            continue  # the Flesch-Kincaid grade is defined for English text only
        for section in sorted(library.sections.values(), key=lambda s: s.path):
            try:
                level = section_grade(section, context.clinic)
            except HandoutsError:
                continue  # the render check reports sections that do not fill
            if level > MAX_GRADE:
                yield Finding(
                    "warning",
                    "readability",
                    Problem(
                        section.path,
                        f"reads at grade {level:g}; aim for {MAX_GRADE:g} or below "
                        "(shorter sentences, everyday words)",
                        line=section.body_line,
                        field="body",
                    ),
                )
