"""Each section's prose reads easily enough in its own language (see `text.readability`):
English Flesch-Kincaid grade 6 or below, Spanish Fernández-Huerta and French Kandel-Moles
70 or above. A section below its scale is a warning naming its file and score; a note per
language gives the range of scores."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from handouts.check.findings import CheckContext, Finding
from handouts.errors import HandoutsError, Problem
from handouts.library.model import Library
from handouts.text.readability import SCALES, Scale, section_score
from handouts.workspace.clinic import Clinic

CHECK = "readability"


def readability_check(context: CheckContext) -> Iterable[Finding]:
    """A warning for each section that reads harder than its language's limit, then one
    note per language with the range of scores (or that it has no scale)."""
    for lang, library in sorted(context.libraries.items()):
        scale = SCALES.get(lang)
        if scale is None:
            message = f"no readability scale for {lang}; scales: {', '.join(SCALES)}"
            yield Finding("info", CHECK, Problem(f"content/{lang}", message))
            continue
        scores = dict(_scores(library, lang, context.clinic))
        for path, (score, line) in sorted(scores.items()):
            if not scale.passes(score):
                message = f"reads at {scale.name} {score:g}; {scale.aim()} " + HOW
                yield Finding("warning", CHECK, Problem(path, message, line=line, field="body"))
        if scores:
            yield Finding("info", CHECK, _summary(lang, scale, scores))


HOW = "(shorter sentences, everyday words)"


def _scores(library: Library, lang: str, clinic: Clinic) -> Iterator[tuple[str, tuple[float, int]]]:
    for section in library.sections.values():
        try:
            score = section_score(section, lang, clinic)
        except HandoutsError:
            continue  # the render check reports sections that do not fill
        if score is not None:
            yield section.path, (score, section.body_line)


def _summary(lang: str, scale: Scale, scores: dict[str, tuple[float, int]]) -> Problem:
    values = sorted(score for score, _ in scores.values())
    passing = sum(1 for value in values if scale.passes(value))
    message = (
        f"{scale.name} {values[0]:g} to {values[-1]:g} over {len(values)} sections; "
        f"{passing} of {len(values)} meet the limit ({scale.aim()})"
    )
    return Problem(f"content/{lang}", message)
