"""The one-sheet layout: page 1's plan at a glance full width, then the sections in columns.

Page 1 has a full-width top frame, sized to what it holds (title, notes, "Your plan", the
warning-signs panel), and columns under it; later pages have a slim running head and columns.
Two columns at 12 pt keep lines near 45-60 characters; large print uses one column.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Spacer,
)

from handouts import document as doc
from handouts.pdf.flowables import FlowableBuilder
from handouts.pdf.page import PageGeometry
from handouts.pdf.parts import WriteIn
from handouts.workspace.clinic import Clinic

COLUMN_GAP = 18
TOP_SLACK = 3
TOP_MOST = 0.9  # of page 1's frame: a taller top puts the panel before the plan
MIN_COLUMNS = 72  # points: less room than this under page 1's top gets no columns


@dataclass(frozen=True)
class Columns:
    """How many body columns and how wide each is."""

    count: int
    width: float


def columns_for(geometry: PageGeometry, single: bool) -> Columns:
    """Two columns at 12 pt; one in large print, where two would give lines under 45."""
    count = 1 if single else 2
    width = (geometry.frame_width - COLUMN_GAP * (count - 1)) / count
    return Columns(count, width)


def top_part(
    builder: FlowableBuilder, document: doc.Document, clinic: Clinic, panel: str = "after"
) -> list[Flowable]:
    """Page 1's full-width part: title, meta line, notes, "Your plan", warning panel.

    `panel` is "after" the plan, "before" it (a page 1 too short for all of it, as in
    large print: the panel then stays whole on page 1), or "none" (drawn on page 2).
    """
    from handouts.pdf.panel import notes_panel, plan_summary

    styles = builder.styles
    story: list[Flowable] = [builder.para(document.title, styles.title)]
    if document.subtitle:
        story.append(builder.para(document.subtitle, styles.subtitle))
    story += [builder.meta_line(document), Spacer(1, 8)]
    if document.notes_box and document.notes_box.notes:
        story.append(notes_panel(builder, document.notes_box.notes))
    points = document.plan_points()
    plan = plan_summary(builder, points) if points else []
    shown = document.warning and panel != "none"
    box = [panel_of(builder, document, clinic, panel == "stacked")] if shown else []
    # The disclaimer, once, at 12 pt (no longer in a 10 pt footer on every page).
    disclaimer = builder.para(clinic.disclaimer or builder.strings["disclaimer"], styles.body)
    return story + (box + plan if panel == "before" else plan + box) + [disclaimer]


def panel_of(
    builder: FlowableBuilder, document: doc.Document, clinic: Clinic, stack: bool = False
) -> Flowable:
    """The warning-signs panel of `document` (which has one); `stack`ed, it may split."""
    from handouts.pdf.panel import warning_panel

    assert document.warning is not None
    return warning_panel(builder, document.warning, clinic.phone, stack)


def body_part(builder: FlowableBuilder, document: doc.Document, clinic: Clinic) -> list[Flowable]:
    """The columns: intro, sections (cards inside), booking code, tracker, writing lines."""
    from handouts.pdf.parts import Tracker

    styles = builder.styles
    story: list[Flowable] = []
    story += builder.blocks(document.intro, styles.intro)
    for section in document.sections:
        story += builder.section(section)
    if builder.booking and not document.warning:  # else it sits by the phone, in the panel
        story.append(builder.booking_block(*builder.booking))
    if document.tracker:
        # Its heading sits in the grid's empty corner cell: no heading line above it.
        tracker = Tracker(builder, document.tracker, builder.strings["tracker_heading"])
        story += [CondPageBreak(tracker.least_height(builder.width) + 4), Spacer(1, 4), tracker]
    if document.notes_box and document.notes_box.writing_lines:
        story.append(WriteIn(builder, builder.strings["write_heading"]))
    return story


def measure_height(flowables: list[Flowable], width: float) -> float:
    """How tall `flowables` stand in a frame `width` wide (spacing as a frame does it)."""
    frame = Frame(0, 0, width, 100_000, 0, 0, 0, 0)
    canvas = Canvas(io.BytesIO())
    pending = list(flowables)
    while pending:
        flowable = pending.pop(0)
        if isinstance(flowable, KeepTogether):
            pending[:0] = flowable._content
            continue
        frame.add(flowable, canvas)
    return 100_000 - frame._y


@dataclass
class Sheet:
    """A laid-out plan: the story, the columns, page 1's top frame, and a panel kept for page 2."""

    story: list[Flowable]
    columns: Columns
    top_height: float
    page_two_panel: Flowable | None = None
    panel_height: float = 0.0


def page_templates(geometry: PageGeometry, sheet: Sheet, on_page) -> list[PageTemplate]:
    """The first page (top frame, then columns) and the later pages (columns only).

    With a panel kept for page 2, page 2 draws it at the top and its columns start under it.
    """
    columns = sheet.columns

    def column_frames(prefix: str, height: float) -> list[Frame]:
        return [
            Frame(
                geometry.side + index * (columns.width + COLUMN_GAP),
                geometry.frame_bottom,
                columns.width,
                height,
                0,
                0,
                0,
                0,
                id=f"{prefix}{index}",
            )
            for index in range(columns.count)
        ]

    first_body = geometry.frame_height - sheet.top_height
    top = Frame(
        geometry.side,
        geometry.frame_bottom + first_body,
        geometry.frame_width,
        sheet.top_height,
        0,
        0,
        0,
        0,
        id="top",
    )
    first = [top, *column_frames("first", first_body)] if first_body > 0 else [top]
    later = column_frames("later", geometry.later_frame_height)
    if sheet.page_two_panel is None:
        return [
            PageTemplate("first", first, onPage=on_page),
            PageTemplate("later", later, onPage=on_page),
        ]
    panel, height = sheet.page_two_panel, sheet.panel_height

    def with_panel(canvas, document) -> None:
        on_page(canvas, document)
        top_y = geometry.frame_bottom + geometry.later_frame_height
        panel.wrap(geometry.frame_width, height)
        panel.drawOn(canvas, geometry.side, top_y - height)

    second = column_frames("second", geometry.later_frame_height - height)
    return [
        PageTemplate("first", first, onPage=on_page),
        PageTemplate("second", second, onPage=with_panel),
        PageTemplate("later", later, onPage=on_page),
    ]


def sheet_story(
    builder: FlowableBuilder,
    document: doc.Document,
    clinic: Clinic,
    geometry: PageGeometry,
    single: bool,
) -> Sheet:
    """Lay out the story; choose where the warning panel goes so it is never split.

    It goes after "Your plan" on page 1; if page 1 is too short for both (large print),
    before it; if it does not fit on page 1 even so, at the top of page 2. A top taller
    than the page (pages of notes) flows in one full-width column.
    """
    builder.page_height = geometry.later_frame_height
    limit = TOP_MOST * geometry.frame_height
    panel, kept, kept_height = "after", None, 0.0
    height = measure_height(top_part(builder, document, clinic), geometry.frame_width)
    if height + TOP_SLACK > limit and document.warning:
        panel = "before"
        ahead = top_part(builder, document, clinic, "none")
        without_plan = (
            [f for f in ahead if f not in ahead[-1:]] if document.plan_points() else ahead
        )
        box = panel_of(builder, document, clinic)
        fits = measure_height([*without_plan, box], geometry.frame_width) <= geometry.frame_height
        if not fits:
            panel, kept = "none", panel_of(builder, document, clinic)
            kept_height = measure_height([kept], geometry.frame_width)
            if kept_height > geometry.later_frame_height - MIN_COLUMNS:
                # Taller than a page (long warning text in large print): the one case
                # where it flows on, split between its groups, right after "Your plan".
                panel, kept, kept_height = "stacked", None, 0.0
    top = top_part(builder, document, clinic, panel)
    top_height = measure_height(top, geometry.frame_width) + TOP_SLACK
    if panel == "before" and top_height > geometry.frame_height:
        top_height = geometry.frame_height  # "Your plan" goes on in page 2's first column
    elif top_height > geometry.frame_height:  # pages of notes: one full-width column
        top_height, single = geometry.frame_height, True
    elif geometry.frame_height - top_height < MIN_COLUMNS:
        top_height = geometry.frame_height  # no sliver of columns under the top
    columns = columns_for(geometry, single)
    column_builder = builder.narrowed(columns.width)
    # Page 2 (with the kept panel, if any), then the later pages over and over.
    story: list[Flowable] = [NextPageTemplate(["second", "*", "later"] if kept else "later")]
    story += top_part(builder, document, clinic, panel)
    story += body_part(column_builder, document, clinic)
    return Sheet(story, columns, top_height, kept, kept_height)
