"""The figures check: every figure file reads, and every exercise has a picture.

An exercise is a `###` block with numbered steps in an exercise, massage or self-care
section; one without a `![caption](figure:id)` is a warning at its heading's line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from handouts import document as doc
from handouts.check.findings import CheckContext, Finding
from handouts.errors import HandoutsError, Problem
from handouts.library.model import Section

EXERCISE_CATEGORIES = ("exercise", "massage", "self-care")


def figures_check(context: CheckContext) -> Iterable[Finding]:
    """Broken figure files are errors; exercises without a figure are warnings."""
    from handouts.figures import load_all

    _, problems = load_all(root.path for root in context.roots)
    for problem in problems:
        yield Finding("error", "figures", problem)
    for library in context.libraries.values():
        for section in sorted(library.sections.values(), key=lambda s: s.path):
            if section.category in EXERCISE_CATEGORIES:
                yield from _unpictured(section, context)


def exercises(blocks: tuple[doc.Block, ...]) -> Iterator[tuple[str, bool]]:
    """(title, has a figure) for each `###` block with numbered steps."""
    title: str | None = None
    steps = pictured = False
    for block in (*blocks, doc.Heading(3, ())):
        if isinstance(block, doc.Heading) and block.level <= 3:
            if title is not None and steps:
                yield title, pictured
            title = doc.plain_text(block.spans) if block.level == 3 else None
            steps = pictured = False
        elif isinstance(block, doc.ListBlock) and block.ordered:
            steps = True
        elif isinstance(block, doc.Figure):
            pictured = True


def _unpictured(section: Section, context: CheckContext) -> Iterator[Finding]:
    from handouts.build.fill import base_context, fill_section
    from handouts.build.markup import parse_markdown
    from handouts.build.request import Request

    base = base_context(Request(template="", date=dt.date(2026, 1, 1)), context.clinic)
    try:
        blocks = parse_markdown(fill_section(section, section.defaults(), base))
    except HandoutsError:
        return  # the render check reports sections that do not fill
    lines = section.body.split("\n")
    for title, pictured in exercises(blocks):
        if pictured:
            continue
        offset = next((i for i, text in enumerate(lines) if text.strip() == f"### {title}"), 0)
        yield Finding(
            "warning",
            "figures",
            Problem(
                section.path,
                f'exercise "{title}" has no picture; add ![a few words](figure:<id>) '
                "under its heading (`handouts figures` lists them)",
                line=section.body_line + offset,
            ),
        )
