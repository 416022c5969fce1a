"""A section's translations keep its English front matter in step: the same params with the
same types and limits, and the same ranges, so a value refused in one language is refused
in all."""

from __future__ import annotations

from collections.abc import Iterable

from handouts.check.findings import CheckContext, Finding
from handouts.errors import Problem
from handouts.library.languages import BASE_LANGUAGE
from handouts.library.model import Section
from handouts.library.params import format_value

CHECK = "translations"


def translations_check(context: CheckContext) -> Iterable[Finding]:
    """A warning for each translated section whose params or ranges differ from the base
    language's."""
    base = context.libraries.get(BASE_LANGUAGE)
    if base is None:
        return
    for lang, library in sorted(context.libraries.items()):
        if lang == BASE_LANGUAGE:
            continue
        for section_id, section in sorted(library.sections.items()):
            original = base.sections.get(section_id)
            if original is None:
                continue
            for difference in differences(original, section):
                message = f"{difference} ({original.path} has it otherwise); keep them in step"
                yield Finding("warning", CHECK, Problem(section.path, message))


def differences(original: Section, translated: Section) -> list[str]:
    """How `translated`'s params and ranges differ from `original`'s, in words."""
    found = []
    missing = [name for name in original.params if name not in translated.params]
    extra = [name for name in translated.params if name not in original.params]
    if missing:
        found.append("lacks param " + ", ".join(missing))
    if extra:
        found.append("has param " + ", ".join(extra) + " that the original has not")
    for name, spec in translated.params.items():
        other = original.params.get(name)
        if other is None:
            continue
        for what, mine, theirs in (
            ("type", spec.type, other.type),
            ("min", spec.minimum, other.minimum),
            ("max", spec.maximum, other.maximum),
        ):
            if mine != theirs:
                shown = "none" if mine is None else format_value(mine)
                found.append(f"params.{name}.{what} is {shown}")
    pairs = [(r.low, r.high) for r in translated.ranges]
    if pairs != [(r.low, r.high) for r in original.ranges]:
        listed = ", ".join(f"[{low}, {high}]" for low, high in pairs) or "none"
        found.append(f"ranges are {listed}")
    return found
