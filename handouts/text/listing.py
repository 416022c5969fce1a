"""Text for the terminal: section and template listings, and one section shown filled."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from handouts.build.fill import fill_section, section_context
from handouts.build.markup import parse_markdown
from handouts.errors import Problem, RequestError, did_you_mean
from handouts.library.model import Library, Section
from handouts.library.params import ParamValueError, format_value
from handouts.text.view import blocks_as_text
from handouts.workspace.clinic import Clinic


def describe_params(section: Section) -> list[str]:
    """One line per param: name=default, allowed values and label."""
    lines = []
    for name, spec in section.params.items():
        lines.append(f"{name}={spec.describe_default()}  ({spec.allowed()}; {spec.label})")
    return lines


def section_listing(library: Library) -> str:
    """Every section grouped by category, with params and defaults."""
    out: list[str] = []
    ordered = sorted(library.sections.values(), key=lambda s: (s.category, s.id))
    for category, group in groupby(ordered, key=lambda s: s.category):
        out.append(f"{category}:")
        for section in group:
            out.append(f"  {section.id:<26} {section.title}  [{section.origin}: {section.path}]")
            out += [f"      {line}" for line in describe_params(section)]
        out.append("")
    return "\n".join(out).rstrip()


def template_listing(library: Library) -> str:
    """Every template with its ordered sections and optional extras."""
    out: list[str] = []
    for template in sorted(library.templates.values(), key=lambda t: t.id):
        out.append(f"{template.id:<26} {template.title}  [{template.origin}: {template.path}]")
        out.append(f"      sections: {', '.join(template.section_ids())}")
        if template.optional:
            out.append(f"      optional: {', '.join(template.optional)}")
        out.append("")
    return "\n".join(out).rstrip()


def show_section(library: Library, clinic: Clinic, section_id: str, settings: Sequence[str]) -> str:
    """A section's title, summary, params and body filled as a patient would read it."""
    section = library.sections.get(section_id)
    if section is None:
        hint = did_you_mean(section_id, library.sections)
        raise RequestError(
            Problem(
                "show", f'no section "{section_id}"{hint}; run `handouts sections` to see them all'
            )
        )
    values = section.defaults()
    problems = []
    for text in settings:
        name, sep, raw = text.partition("=")
        name = name.strip().removeprefix(f"{section_id}.")
        spec = section.params.get(name)
        if not sep or spec is None:
            hint = did_you_mean(name, section.params)
            problems.append(
                Problem(
                    f"--set {text}",
                    f"expected PARAM=VALUE with a param of "
                    f"{section_id}{hint}: {', '.join(section.params) or 'none'}",
                )
            )
            continue
        try:
            values[name] = spec.convert(raw)
        except ParamValueError as exc:
            problems.append(Problem(f"--set {text}", f"{section_id}.{name} {exc}"))
    if problems:
        raise RequestError(problems)
    context = section_context(clinic)
    body = blocks_as_text(parse_markdown(fill_section(section, values, context)))
    head = [section.title, "=" * len(section.title), section.summary, ""]
    if section.params:
        head += ["Values:"] + [f"  {n} = {format_value(v)}" for n, v in values.items()] + [""]
    return "\n".join(head) + "\n" + body + "\n"
