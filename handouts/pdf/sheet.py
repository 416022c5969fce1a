"""The one-sheet layout: page 1's plan at a glance full width, then the sections in columns.

Page 1 has a full-width top frame, sized to what it holds (title, notes, "Your plan", the
warning-signs panel), and columns under it; later pages have a slim running head and columns.
Two columns at 12 pt keep lines near 45-60 characters; large print uses one column.

The warning-signs panel is not split unless it is taller than a page. It has a few places
(`PLACES`, best first): after "Your plan", before it, across the foot of page 1, or across
the top of page 2. The renderer lays the handout out in each place that can hold it (and
with the week tracker moved into a gap a tall card left) and keeps the first that fits its
pages with no page left part-empty, else the one with the fewest pages and the smallest gap.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Frame,
    NextPageTemplate,
    PageTemplate,
    Spacer,
)

from handouts import document as doc
from handouts.pdf.flowables import FlowableBuilder
from handouts.pdf.measure import measure_height
from handouts.pdf.page import PageGeometry
from handouts.pdf.parts import Tracker, WriteIn
from handouts.workspace.clinic import Clinic

COLUMN_GAP = 18
TOP_SLACK = 3
TOP_MOST = 0.9  # of page 1's frame: the top part never takes more
MIN_COLUMNS = 72  # points: less room than this under page 1's top gets no columns
NO_ROOM = 1.0  # points: a frame nothing fits in, for a page the panel fills
PANEL_GAP = 8  # points between the columns and a panel drawn across the page
# Where the warning panel may go, best first. "stacked" (split between its groups) is
# only for a panel taller than a page.
PLACES = ("after", "before", "foot", "page-two")


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
    builder: FlowableBuilder,
    document: doc.Document,
    clinic: Clinic,
    panel: str = "after",
) -> list[Flowable]:
    """Page 1's full-width part: title, meta line, notes, "Your plan", warning panel.

    `panel` is "after" the plan, "before" it, "stacked" (after it, split between its
    groups), or anything else for a panel drawn elsewhere (foot of page 1, top of page 2).
    """
    from handouts.pdf.panel import notes_panel, plan_summary

    styles = builder.styles
    story: list[Flowable] = [builder.para(document.title, styles.title)]
    if document.subtitle:
        story.append(builder.para(document.subtitle, styles.subtitle))
    story += [builder.meta_line(document), Spacer(1, 5)]
    if document.notes_box and document.notes_box.notes:
        story.append(notes_panel(builder, document.notes_box.notes))
    points = document.plan_points()
    plan = plan_summary(builder, points) if points else []
    shown = document.warning and panel in ("after", "before", "stacked")
    box = [panel_of(builder, document, clinic, panel == "stacked")] if shown else []
    # The disclaimer, once, at 12 pt (no longer in a 10 pt footer on every page).
    disclaimer = builder.para(clinic.disclaimer or builder.strings["disclaimer"], styles.body)
    return story + (box + plan if panel == "before" else plan + box) + [disclaimer]


def tracker_part(builder: FlowableBuilder, document: doc.Document) -> list[Flowable]:
    """The week grid, with a page break hint so that it starts where it fits whole."""
    if not document.tracker:
        return []
    # Its heading sits in the grid's empty corner cell: no heading line above it.
    tracker = Tracker(builder, document.tracker, builder.strings["tracker_heading"])
    return [CondPageBreak(tracker.least_height(builder.width) + 4), Spacer(1, 4), tracker]


def panel_of(
    builder: FlowableBuilder, document: doc.Document, clinic: Clinic, stack: bool = False
) -> Flowable:
    """The warning-signs panel of `document` (which has one); `stack`ed, it may split."""
    from handouts.pdf.panel import warning_panel

    assert document.warning is not None
    return warning_panel(builder, document.warning, clinic.phone, stack)


def body_part(
    builder: FlowableBuilder,
    document: doc.Document,
    clinic: Clinic,
    tracker: bool = True,
    notes: bool = True,
) -> list[Flowable]:
    """The columns: intro, sections (cards inside), booking code, tracker, writing lines
    (the last two left out when moved elsewhere)."""
    styles = builder.styles
    story: list[Flowable] = []
    story += builder.blocks(document.intro, styles.intro)
    for section in document.sections:
        story += builder.section(section)
    if builder.booking and not document.warning:  # else it sits by the phone, in the panel
        story.append(builder.booking_block(*builder.booking))
    if tracker:
        story += tracker_part(builder, document)
    if notes:
        box = notes_part(builder, document)
        if box and story and isinstance(story[-1], Tracker):
            story[-1].reserve = box[0].least_height(builder.width)  # no blank rows for it
        story += box
    return story


def notes_part(builder: FlowableBuilder, document: doc.Document) -> list[WriteIn]:
    """The "Notes and next visit" box with its writing lines, if the handout has one."""
    if document.notes_box and document.notes_box.writing_lines:
        return [WriteIn(builder, builder.strings["write_heading"])]
    return []


@dataclass
class Sheet:
    """A laid-out plan: the story, the columns, page 1's top frame, and a panel drawn apart.

    `drawn_panel` is drawn across the foot of page 1 or the top of page 2 (`place`).
    """

    story: list[Flowable]
    columns: Columns
    top_height: float
    place: str = "after"
    drawn_panel: Flowable | None = None
    panel_height: float = 0.0


def page_templates(geometry: PageGeometry, sheet: Sheet, on_page) -> list[PageTemplate]:
    """The first page (top frame, then columns) and the later pages (columns only).

    A panel drawn apart shortens page 1's columns from below ("foot") or page 2's from
    above ("page-two") and is drawn in the room left.
    """
    columns = sheet.columns
    panel, height = sheet.drawn_panel, sheet.panel_height
    room = height + PANEL_GAP if panel is not None else 0.0

    def column_frames(prefix: str, bottom: float, height: float) -> list[Frame]:
        return [
            Frame(
                geometry.side + index * (columns.width + COLUMN_GAP),
                bottom,
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

    def draw_panel(y: float):
        def on(canvas, document) -> None:
            on_page(canvas, document)
            assert panel is not None
            panel.wrap(geometry.frame_width, height)
            panel.drawOn(canvas, geometry.side, y)

        return on

    foot = room if sheet.place == "foot" else 0.0
    first_body = geometry.frame_height - sheet.top_height - foot
    top = Frame(
        geometry.side,
        geometry.frame_bottom + foot + first_body,
        geometry.frame_width,
        sheet.top_height,
        0,
        0,
        0,
        0,
        id="top",
    )
    bottom = geometry.frame_bottom + foot
    first = [top, *column_frames("first", bottom, first_body)] if first_body > 0 else [top]
    later = column_frames("later", geometry.frame_bottom, geometry.later_frame_height)
    if panel is None:
        return [
            PageTemplate("first", first, onPage=on_page),
            PageTemplate("later", later, onPage=on_page),
        ]
    if sheet.place == "foot":
        return [
            PageTemplate("first", first, onPage=draw_panel(geometry.frame_bottom)),
            PageTemplate("later", later, onPage=on_page),
        ]
    top_y = geometry.frame_bottom + geometry.later_frame_height
    under = geometry.later_frame_height - room
    # The panel is page 2 when only a sliver is left, that would hold a line or two.
    sliver = not room_under_panel(geometry, sheet)
    second = column_frames("second", geometry.frame_bottom, NO_ROOM if sliver else under)
    for frame in second if sliver else []:
        frame.unused = max(0.0, under)  # the blank the page really has, for the measure
    return [
        PageTemplate("first", first, onPage=on_page),
        PageTemplate("second", second, onPage=draw_panel(top_y - height)),
        PageTemplate("later", later, onPage=on_page),
    ]


def room_under_panel(geometry: PageGeometry, sheet: Sheet) -> float:
    """The height of the columns under a panel drawn across the top of page 2; 0 when
    there are none (no such panel, or only a sliver of room under it)."""
    if sheet.place != "page-two" or sheet.drawn_panel is None:
        return 0.0
    under = geometry.later_frame_height - sheet.panel_height - PANEL_GAP
    return under if under >= MIN_COLUMNS else 0.0


def places(
    builder: FlowableBuilder, document: doc.Document, clinic: Clinic, geometry: PageGeometry
) -> list[str]:
    """The panel places that can hold this document's panel whole, best first."""
    from handouts.pdf.panel import plan_summary

    if not document.warning:
        return ["after"]
    builder.page_height = geometry.later_frame_height
    width, page_one = geometry.frame_width, geometry.frame_height
    box = panel_of(builder, document, clinic)
    if box.wrap(width, 100_000)[1] > geometry.later_frame_height:
        return ["stacked"]  # taller than a page: it flows on, split between its groups
    panel = measure_height([box], width)  # with the space under it
    bare = measure_height(top_part(builder, document, clinic, "none"), width)
    points = document.plan_points()
    plan = measure_height(plan_summary(builder, points), width) if points else 0.0
    room = {
        "after": bare + panel + TOP_SLACK <= TOP_MOST * page_one,
        # before the plan: the plan may go on in the first column under it
        "before": bare - plan + panel + TOP_SLACK <= page_one,
        "foot": bare + panel + PANEL_GAP + MIN_COLUMNS <= page_one,
        "page-two": True,
    }
    return [place for place in PLACES if room[place]]


@dataclass(frozen=True)
class Arrangement:
    """Where the movable parts go: the warning panel's place, and where in the columns the
    week tracker and the notes box go, if not at the end (`tracker_at`: into a gap a tall
    card left; `notes_at`: right under a panel drawn across page 2), as body story indexes."""

    place: str = "after"
    tracker_at: int | None = None
    notes_at: int | None = None


def tag(flowable: Flowable, index: int) -> None:
    """Mark `flowable` (and what a keep-together group holds) as body story element `index`,
    so that the measured layout can tell which element each column ends with."""
    flowable.story_index = index
    for inner in getattr(flowable, "_content", None) or []:
        tag(inner, index)


def sheet_story(
    builder: FlowableBuilder,
    document: doc.Document,
    clinic: Clinic,
    geometry: PageGeometry,
    single: bool,
    arrangement: Arrangement = Arrangement(),
) -> Sheet:
    """Lay out the story arranged as `arrangement` (its place one of `places`).

    A top taller than the page (pages of notes) flows in one full-width column.
    """
    place = arrangement.place
    builder.page_height = geometry.later_frame_height
    drawn, drawn_height = None, 0.0
    if document.warning and place in ("foot", "page-two"):
        drawn = panel_of(builder, document, clinic)
        drawn_height = measure_height([drawn], geometry.frame_width)
    top = top_part(builder, document, clinic, place)
    top_height = measure_height(top, geometry.frame_width) + TOP_SLACK
    body_room = geometry.frame_height - (drawn_height + PANEL_GAP if place == "foot" else 0)
    if place == "before" and top_height > body_room:
        top_height = body_room  # "Your plan" goes on in page 2's first column
    elif top_height > body_room:  # pages of notes: one full-width column
        top_height, single = body_room, True
    elif body_room - top_height < MIN_COLUMNS:
        top_height = body_room  # no sliver of columns under the top
    columns = columns_for(geometry, single)
    column_builder = builder.narrowed(columns.width)
    later = ["second", "*", "later"] if place == "page-two" and drawn else "later"
    story: list[Flowable] = [NextPageTemplate(later)]
    story += top
    tracker_at, notes_at = arrangement.tracker_at, arrangement.notes_at
    body = body_part(column_builder, document, clinic, tracker_at is None, notes_at is None)
    for index, flowable in enumerate(body):
        tag(flowable, index)
    moved: list[tuple[int, list[Flowable]]] = []
    if tracker_at is not None:  # just the grid: it goes where the gap is
        moved.append((tracker_at, tracker_part(column_builder, document)[-1:]))
    if notes_at is not None:  # on past the foot of page 1, where it would print nothing
        box = notes_part(column_builder, document)
        least = box[0].least_height(columns.width) if box else 0.0
        moved.append((notes_at, [CondPageBreak(least), *box]))
    # From the back, so that the earlier indexes still hold; at one index, the tracker
    # (it filled a gap before that index) goes before the notes box.
    order = sorted(((at, rank) for rank, (at, _) in enumerate(moved)), reverse=True)
    for at, rank in order:
        body[at:at] = moved[rank][1]
    story += body
    return Sheet(story, columns, top_height, place, drawn, drawn_height)
