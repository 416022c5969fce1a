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
    from handouts.provenance import INFO_KEY, for_plan

    options = options or RenderOptions()
    plan = make_plan(request, library)
    document = build_document(fill_plan(plan, clinic))
    paper = request.paper or clinic.paper
    stamp = for_plan(plan, options.large_print).to_json()
    page = PageOptions(paper, options.large_print)
    return render_pdf(document, clinic, page, request.date, info={INFO_KEY: stamp})


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


@dataclass(frozen=True)
class Reprint:
    """A handout made again from the request inside an earlier PDF."""

    path: Path
    changed: tuple[str, ...]
    made_by: str


def reprint(source: Path, clinic: Clinic, output: Path | None) -> Reprint:
    """Render the request embedded in `source` again; note sections changed since."""
    from handouts.provenance import changed_sections, read_provenance
    from handouts.workspace import load_default_library

    provenance = read_provenance(source)
    request = provenance.request
    library = load_default_library(request.lang)
    changed = tuple(changed_sections(provenance, library))
    options = RenderOptions(large_print=provenance.large_print)
    path = render_to_file(request, library, clinic, output, options)
    return Reprint(path, changed, provenance.version)
