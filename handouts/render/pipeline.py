"""The whole path from a request to PDF bytes, one stage after another."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from handouts.build.fill import fill_plan
from handouts.build.markup import build_document
from handouts.build.plan import make_plan
from handouts.build.request import Request
from handouts.figures.resolve import resolve_figures
from handouts.library.model import Library
from handouts.render.fit import Fit, page_count, page_limit
from handouts.render.output import chooses_name, resolve_target, write_atomically, write_free
from handouts.workspace.clinic import Clinic

# ReportLab keeps process-wide state (font registry, caches): one render at a time per
# process, so a threaded caller (the web app) never mixes two handouts' layout state.
_RENDER_LOCK = threading.Lock()


def _fresh_lock_in_child() -> None:
    """A forked batch worker must not inherit the lock held by another thread mid-render."""
    global _RENDER_LOCK
    _RENDER_LOCK = threading.Lock()


os.register_at_fork(after_in_child=_fresh_lock_in_child)


def render_bytes(request: Request, library: Library, clinic: Clinic) -> bytes:
    """Plan, fill, parse and lay out one handout; return its PDF bytes."""
    return render_checked(request, library, clinic)[0]


def render_checked(
    request: Request, library: Library, clinic: Clinic, arrange: bool = True
) -> tuple[bytes, Fit]:
    """Render one handout; also say how many pages it took against its limit.

    When it runs past the limit, its sections are measured to name the longest. Without
    `arrange`, the first layout is kept (quicker, for checks that only need it drawn).
    """
    from handouts.library.strings import load_strings
    from handouts.pdf import PageOptions, render_pdf
    from handouts.render.provenance import INFO_KEY, for_plan

    plan = make_plan(request, library)
    document = resolve_figures(build_document(fill_plan(plan, clinic)), library)
    paper = request.paper or clinic.paper
    strings = load_strings(list(library.roots), request.lang)
    large_print = clinic.large_print if request.large_print is None else request.large_print
    stamp = for_plan(plan, large_print).to_json()
    page = PageOptions(paper, large_print, page_limit(large_print), arrange)
    with _RENDER_LOCK:
        data = render_pdf(document, clinic, page, request.date, strings, info={INFO_KEY: stamp})
        fit = Fit(page_count(data), page_limit(large_print))
        if not fit.fits and arrange:  # only a layout that was tried hard names sections
            from handouts.pdf import section_heights

            heights, _ = section_heights(document, clinic, page)
            longest = tuple(sorted(heights, key=lambda sid: -heights[sid]))
            fit = Fit(fit.pages, fit.limit, longest)
    return data, fit


def held_by_another(path: Path, request: Request) -> bool:
    """Whether `path` exists and is not a handout made for this patient, template and date."""
    from handouts.errors import HandoutsError
    from handouts.render.provenance import read_provenance

    if not path.exists():
        return False
    try:
        earlier = read_provenance(path).request
    except HandoutsError:
        return True
    same = (earlier.patient, earlier.template, earlier.date)
    return same != (request.patient, request.template, request.date)


def render_to_file(
    request: Request,
    library: Library,
    clinic: Clinic,
    output: Path | None,
    choose: bool | None = None,
    notices: list[str] | None = None,
) -> Path:
    """Render one handout and write it atomically; return the path written.

    A file name chosen from the clinic's pattern (or any name when `choose` is true) never
    replaces another patient's handout: when the name is taken by a sheet made for someone
    else (or by a file handouts did not make), the next free name (-2, -3, ...) is claimed
    instead, atomically, so runs at the same moment never write over each other. When it
    runs past one double-sided sheet, a one-line notice goes to `notices`.
    """
    target = resolve_target(output, request, clinic.file_pattern)
    data, fit = render_checked(request, library, clinic)
    if notices is not None and not fit.fits:
        notices.append(fit.notice())
    if chooses_name(output) if choose is None else choose:
        return write_free(target, data, lambda path: not held_by_another(path, request))
    write_atomically(target, data)
    return target


@dataclass(frozen=True)
class Reprint:
    """A handout made again from the request inside an earlier PDF."""

    path: Path
    changed: tuple[str, ...]
    made_by: str


def reprint(
    source: Path, clinic: Clinic, output: Path | None, library_for: Callable[[str], Library]
) -> Reprint:
    """Render the request embedded in `source` again; note sections changed since.

    `library_for(lang)` gives the library in the request's language.
    """
    from handouts.render.provenance import changed_sections, read_provenance

    provenance = read_provenance(source)
    request = provenance.request
    library = library_for(request.lang)
    changed = tuple(changed_sections(provenance, library))
    path = render_to_file(request, library, clinic, output)
    return Reprint(path, changed, provenance.version)
