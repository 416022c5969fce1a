"""Resolve a request against the library: which sections, in what order, with what values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from handouts.build.request import ParamSetting, Request
from handouts.errors import Problem, RequestError, did_you_mean, one_of
from handouts.library.model import Library, Section, Template
from handouts.library.params import ParamValueError


@dataclass(frozen=True)
class PlannedSection:
    """A section with every param resolved and checked."""

    section: Section
    values: dict[str, Any]


@dataclass(frozen=True)
class Plan:
    """A request resolved: the template, its ordered sections, and the request itself."""

    template: Template
    sections: tuple[PlannedSection, ...]
    request: Request


def make_plan(request: Request, library: Library) -> Plan:
    """Resolve `request`; raise RequestError listing every problem found."""
    template = library.templates.get(request.template)
    if template is None:
        hint = did_you_mean(request.template, library.templates)
        raise RequestError(
            Problem(
                "template",
                f'no template "{request.template}"{hint}; '
                f"templates are {one_of(library.templates)}",
            )
        )
    problems: list[Problem] = []
    order = _choose_sections(request, template, library, problems)
    overrides = {entry.section_id: entry.params for entry in template.entries}
    settings = group_settings(request.settings, order, library, problems)
    planned = []
    for section_id in order:
        section = library.sections[section_id]
        base = overrides.get(section_id, {})
        values = section_values(section, base, settings.get(section_id, []), problems)
        planned.append(PlannedSection(section, values))
    if problems:
        raise RequestError(problems)
    return Plan(template, tuple(planned), request)


def _choose_sections(
    request: Request, template: Template, library: Library, problems: list[Problem]
) -> list[str]:
    """The ordered section ids after --section, --add and --drop."""

    def known(section_id: str, option: str) -> bool:
        if section_id in library.sections:
            return True
        hint = did_you_mean(section_id, library.sections)
        problems.append(
            Problem(
                option, f'no section "{section_id}"{hint}; run `handouts sections` to see them all'
            )
        )
        return False

    _check_contradictions(request, problems)
    if request.sections is not None:
        order = [sid for sid in request.sections if known(sid, f"--section {sid}")]
    else:
        order = template.section_ids()
    for section_id in dict.fromkeys(request.add):
        if not known(section_id, f"--add {section_id}"):
            continue
        if section_id in order:
            problems.append(
                Problem(
                    f"--add {section_id}",
                    "is already in this handout; its sections are " + ", ".join(order),
                )
            )
        else:
            order.insert(library.insert_point(order), section_id)
    for section_id in dict.fromkeys(request.drop):
        if section_id in request.add or section_id in (request.sections or ()):
            continue  # reported by _check_contradictions
        if not known(section_id, f"--drop {section_id}"):
            continue
        if section_id not in order:
            problems.append(
                Problem(
                    f"--drop {section_id}",
                    "is not in this handout; its sections are " + ", ".join(order),
                )
            )
        else:
            order.remove(section_id)
    if not order and not problems:
        problems.append(
            Problem("sections", "the handout would have no sections; keep at least one")
        )
    return list(dict.fromkeys(order))


def _check_contradictions(request: Request, problems: list[Problem]) -> None:
    """A section listed twice, or both kept and dropped: say so rather than pick one."""
    for option, ids in (
        ("--section", request.sections or ()),
        ("--add", request.add),
        ("--drop", request.drop),
    ):
        for section_id in dict.fromkeys(ids):
            if ids.count(section_id) > 1:
                problems.append(
                    Problem(f"{option} {section_id}", "is listed twice; list each section once")
                )
    for option, ids in (("--section", request.sections or ()), ("--add", request.add)):
        for section_id in dict.fromkeys(ids):
            if section_id in request.drop:
                problems.append(
                    Problem(
                        f"--drop {section_id}",
                        f"{section_id} is also given with {option}; keep it or drop it, not both",
                    )
                )


def section_values(
    section: Section,
    base: dict[str, Any],
    settings: list[ParamSetting],
    problems: list[Problem],
) -> dict[str, Any]:
    """A section's values: its defaults, then `base` (the template's), then `settings`
    (checked by `group_settings`); a value that does not fit its param is a problem."""
    values = section.defaults()
    values.update(base)
    good = []
    for setting in settings:
        spec = section.params[setting.name]
        try:
            values[setting.name] = spec.convert(setting.value)
            good.append(setting)
        except ParamValueError as exc:
            problems.append(Problem(setting.origin, f"{section.id}.{setting.name} {exc}"))
    for name, spec in section.params.items():
        values[name] = spec.convert(values[name])
    if len(good) == len(settings):  # a range is judged on values that fit their params
        problems += range_problems(section, values, settings)
    return values


def range_problems(
    section: Section, values: dict[str, Any], settings: list[ParamSetting]
) -> list[Problem]:
    """A low above its high in any of the section's ranges, placed where it was typed
    (the settings of either end); defaults and template values were checked at load."""
    origins = {setting.name: setting.origin for setting in settings}
    found = []
    for pair in section.ranges:
        why = pair.contradiction(values, prefix=f"{section.id}.")
        if why is None:
            continue
        typed = [origins[name] for name in (pair.low, pair.high) if name in origins]
        where = ", ".join(dict.fromkeys(typed)) or section.path
        found.append(Problem(where, why))
    return found


def group_settings(
    settings: tuple[ParamSetting, ...], order: list[str], library: Library, problems: list[Problem]
) -> dict[str, list[ParamSetting]]:
    """Check each setting names a section in the handout (`order`) and a param it has,
    once; group the good ones by section."""
    grouped: dict[str, list[ParamSetting]] = {}
    first: dict[tuple[str, str], ParamSetting] = {}
    for setting in settings:
        key = (setting.section_id, setting.name)
        if key in first:
            problems.append(
                Problem(
                    ", ".join(dict.fromkeys([first[key].origin, setting.origin])),
                    f"{setting.section_id}.{setting.name} is set twice; keep one",
                )
            )
            continue
        first[key] = setting
        section = library.sections.get(setting.section_id)
        if section is None:
            hint = did_you_mean(setting.section_id, library.sections)
            problems.append(Problem(setting.origin, f'no section "{setting.section_id}"{hint}'))
            continue
        if setting.section_id not in order:
            problems.append(
                Problem(
                    setting.origin,
                    f'section "{setting.section_id}" is not in this handout; '
                    f"add it with --add {setting.section_id}",
                )
            )
            continue
        if setting.name not in section.params:
            hint = did_you_mean(setting.name, section.params)
            allowed = ", ".join(section.params) or "no params"
            problems.append(
                Problem(
                    setting.origin,
                    f'{setting.section_id} has no param "{setting.name}"'
                    f"{hint}; its params are {allowed}",
                )
            )
            continue
        grouped.setdefault(setting.section_id, []).append(setting)
    return grouped
