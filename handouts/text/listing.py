"""Text for the terminal: section and template listings, and one section shown filled."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import groupby

from handouts.build.fill import FilledSection, dose_of, fill_section, section_context
from handouts.build.intake import intake_settings
from handouts.build.markup import build_section
from handouts.build.plan import group_settings, section_values
from handouts.errors import Problem, RequestError, did_you_mean
from handouts.library.model import Library, Section
from handouts.library.params import format_value
from handouts.library.strings import load_strings
from handouts.text.view import blocks_as_text
from handouts.typed_text import visible
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


def show_section(
    library: Library,
    clinic: Clinic,
    section_id: str,
    settings: Sequence[str],
    lang: str = "en",
) -> str:
    """A section's title, summary, params and body filled as a patient would read it
    (exercise cards with their dose strips, in `lang`'s words)."""
    section = library.sections.get(section_id)
    if section is None:
        hint = did_you_mean(section_id, library.sections)
        raise RequestError(
            Problem(
                "show", f'no section "{section_id}"{hint}; run `handouts sections` to see them all'
            )
        )
    typed = [text if "." in text.partition("=")[0] else f"{section_id}.{text}" for text in settings]
    read = intake_settings(typed)  # raises for any that is not PARAM=VALUE
    shown = tuple(
        replace(s, origin=f"--set {visible(text)}") for s, text in zip(read, settings, strict=True)
    )
    problems: list[Problem] = []
    grouped = group_settings(shown, [section_id], library, problems)
    values = section_values(section, {}, grouped.get(section_id, []), problems)
    if problems:
        raise RequestError(problems)
    context = section_context(clinic, lang)
    markdown = fill_section(section, values, context)
    filled = FilledSection(
        section.id, section.title, markdown, section.category, dose=dose_of(values)
    )
    strings = load_strings(list(library.roots), lang)
    body = blocks_as_text(build_section(filled).blocks, strings=strings)
    head = [section.title, "=" * len(section.title), section.summary, ""]
    if section.params:
        head += ["Values:"] + [f"  {n} = {format_value(v)}" for n, v in values.items()] + [""]
    return "\n".join(head) + "\n" + body + "\n"
