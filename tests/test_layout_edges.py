"""Unusual sheets the layout search must still draw or place well, read from the PDF: a
sheet with only the warning panel, a booking code in large print, an opening paragraph
that runs on to page 2, a tracker before a notes box that cannot fit."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

from pypdf import PdfReader

from handouts import document as doc
from handouts.build.fill import fill_plan
from handouts.build.markup import build_document
from handouts.build.plan import make_plan
from handouts.build.request import Request
from handouts.library.loader import load_library
from handouts.pdf import Job, PageOptions, _build, prepare_layout
from handouts.pdf.parts import Tracker
from handouts.pdf.sheet import Arrangement
from handouts.workspace.clinic import Clinic
from tests.helpers import write_tree

NOTES = "Notes and next visit"


def pages(path: Path) -> list[str]:
    return pages_of(path.read_bytes())


def workspace(tmp_path: Path, run, files: dict[str, str], clinic: str = "") -> Path:
    """A workspace from `handouts init`, with extra files, and `clinic` as the whole of
    clinic.yaml when given."""
    root = tmp_path / "clinic"
    assert run("init", str(root)).exit_code == 0
    write_tree(root, files)
    if clinic:
        (root / "clinic.yaml").write_text(clinic, encoding="utf-8")
    return root


def render(run, root: Path, tmp_path: Path, *args: str) -> list[str]:
    target = tmp_path / "out.pdf"
    result = run("render", *args, "--workspace", str(root), "--date", "2026-11-30",
                 "-o", str(target))  # fmt: skip
    assert result.exit_code == 0, result.output
    return pages(target)


def test_a_sheet_of_only_the_warning_panel_draws(tmp_path, run):
    bare = "id: bare\ntitle: Only the signs\nsections:\n  - when-to-call\nnotes_box: true\n"
    root = workspace(tmp_path, run, {"templates/bare.yaml": bare})
    texts = render(run, root, tmp_path, "bare")
    # the panel fills the page: the box would be alone on a page, so it is left out
    assert len(texts) == 1 and "When to call for help" in texts[0]


def test_a_booking_code_in_large_print_draws(tmp_path, run):
    booking = "booking:\n  link: https://example.com/book\n  label: Book\n"
    root = workspace(tmp_path, run, {}, clinic=booking)
    texts = render(run, root, tmp_path, "knee-acupuncture", "--large-print")
    assert len(texts) <= 4
    assert "https://example.com/book" in " ".join(texts)


def test_the_notes_box_is_offered_under_the_panel_only_where_page_two_starts_whole():
    # A 350-word opening paragraph runs on from page 1 to page 2. Its second half is not
    # counted as drawn on page 2's start, so the notes box is not offered at index 0 (it
    # would land on page 1 under the top, before the paragraph).

    document, clinic = dry_needling_document()
    text = " ".join(["The knee may feel sore for a day or two after the visit."] * 29)
    document = dataclasses.replace(document, intro=(doc.Paragraph((doc.Span(text),)),))
    layout = prepare_layout(document, clinic, PageOptions("letter", True, 4))
    job = Job(document, clinic, layout, dt.date(2026, 11, 30))
    built = _build(job, True, Arrangement("page-two"))
    assert built.notes_at != 0
    if built.notes_at is not None:
        moved = _build(job, True, Arrangement("page-two", notes_at=built.notes_at))
        texts = pages_of(moved.data)
        assert NOTES not in texts[0] and NOTES in texts[1]


def dry_needling_document() -> tuple[doc.Document, Clinic]:
    """The standard handout's document, with the built-in brand."""
    clinic = Clinic()
    request = Request(template="knee-dry-needling", date=dt.date(2026, 11, 30))
    return build_document(fill_plan(make_plan(request, load_library()), clinic)), clinic


def pages_of(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def test_the_tracker_keeps_its_blank_rows_when_the_notes_box_cannot_fit_anyway():

    document, clinic = dry_needling_document()
    builder = prepare_layout(document, clinic, PageOptions()).builder.narrowed(260)
    assert document.tracker is not None
    grid = Tracker(builder, document.tracker)
    least = grid.least_height(260)
    rows = len(document.tracker.rows) + 1  # the day names, then one row a plan item

    def blank_rows(room: float, reserve: float) -> int:
        grid.reserve = reserve
        grid.wrap(260, room)
        assert grid.table is not None
        return len(grid.table._cellvalues) - rows

    assert blank_rows(least + 60, reserve=0) >= 1
    assert blank_rows(least + 60, reserve=40) == 0  # room kept for the notes box
    assert blank_rows(least + 60, reserve=80) >= 1  # the box cannot fit: no room kept
