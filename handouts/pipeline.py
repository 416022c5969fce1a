"""The whole path from a request to PDF bytes, one stage after another."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from handouts.clinic import Clinic
from handouts.fill import fill_plan
from handouts.markup import build_document
from handouts.model import Library
from handouts.output import resolve_target, write_atomically
from handouts.plan import make_plan
from handouts.request import Request


@dataclass(frozen=True)
class RenderOptions:
    """How to print, beyond what the request says."""

    large_print: bool = False


def render_bytes(
    request: Request, library: Library, clinic: Clinic, options: RenderOptions | None = None
) -> bytes:
    """Plan, fill, parse and lay out one handout; return its PDF bytes."""
    from handouts.pdf import PageOptions, render_pdf

    options = options or RenderOptions()
    from handouts.strings import load_strings

    plan = make_plan(request, library)
    document = build_document(fill_plan(plan, clinic))
    paper = request.paper or clinic.paper
    strings = load_strings(list(library.roots), request.lang)
    page = PageOptions(paper, options.large_print or clinic.large_print)
    return render_pdf(document, clinic, page, request.date, strings)


def render_to_file(
    request: Request,
    library: Library,
    clinic: Clinic,
    output: Path | None,
    options: RenderOptions | None = None,
) -> Path:
    """Render one handout and write it atomically; return the path written."""
    target = resolve_target(output, request, clinic.file_pattern)
    data = render_bytes(request, library, clinic, options)
    write_atomically(target, data)
    return target
