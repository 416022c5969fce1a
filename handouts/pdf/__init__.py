"""The PDF stage: lays out a document with ReportLab. Nothing else imports reportlab."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from handouts.document import Document
from handouts.errors import Problem, RenderError
from handouts.library.strings import Strings
from handouts.workspace.clinic import Clinic

if TYPE_CHECKING:
    from handouts.pdf.sheet import Arrangement


@dataclass(frozen=True)
class PageOptions:
    """How to print: paper size, large print, and the pages the handout should fit in."""

    paper: str = "letter"
    large_print: bool = False
    page_limit: int = 2
    arrange: bool = True  # try the panel's other places and the tracker in a gap


@dataclass(frozen=True)
class Layout:
    """Everything laid out for one handout: fonts, styles, page chrome and flowable builder."""

    fonts: Any
    styles: Any
    chrome: Any
    builder: Any


@dataclass(frozen=True)
class Job:
    """One handout to lay out: the document, the brand, the prepared layout, the date
    stamped on it, and extra document info entries."""

    document: Document
    clinic: Clinic
    layout: Layout
    date: dt.date
    info: Mapping[str, str] | None = None


def prepare_layout(
    document: Document, clinic: Clinic, options: PageOptions, strings: Strings | None = None
) -> Layout:
    """Check every character has a font, then build styles, page chrome and the builder."""
    from handouts.library.strings import english
    from handouts.pdf.coverage import check_coverage, printed_texts
    from handouts.pdf.flowables import FlowableBuilder
    from handouts.pdf.fonts import font_set
    from handouts.pdf.page import PageChrome
    from handouts.pdf.styles import make_styles

    strings = strings or english()
    texts = [text for _, text in printed_texts(document, clinic, strings)]
    fonts = font_set(clinic, texts)
    if fonts.fallbacks:  # the body face alone draws everything otherwise
        check_coverage(document, clinic, strings, fonts)
    styles = make_styles(
        fonts.body, clinic.primary_colour, clinic.accent_colour, options.large_print
    )
    chrome = PageChrome(clinic, styles, options.paper, strings, fonts)
    booking = (clinic.booking_link, clinic.booking_label) if clinic.booking_link else None
    builder = FlowableBuilder(styles, chrome.geometry.frame_width, fonts, strings, booking)
    return Layout(fonts, styles, chrome, builder)


def section_heights(
    document: Document, clinic: Clinic, options: PageOptions
) -> tuple[dict[str, float], float]:
    """Each section's height when laid out, and the height of a page's body frame."""
    from handouts.pdf.measure import measure_height

    layout = prepare_layout(document, clinic, options)
    geometry = layout.chrome.geometry
    heights = {
        section.id: measure_height(layout.builder.section(section), geometry.frame_width)
        for section in document.sections
    }
    return heights, geometry.frame_height


def render_pdf(
    document: Document,
    clinic: Clinic,
    options: PageOptions,
    date: dt.date,
    strings: Strings | None = None,
    info: Mapping[str, str] | None = None,
) -> bytes:
    """Check every character has a font, lay out `document` with the brand; return PDF bytes.

    The warning panel is tried in each place that can hold it (see `pdf.sheet`); the first
    layout within the page limit with no page but the last more than `MOST_BLANK` empty is
    kept, else the one with the fewest pages and the smallest such gap.
    `info` adds custom document info entries (ASCII text), e.g. the embedded request.
    """
    from reportlab.platypus.doctemplate import LayoutError

    from handouts.pdf.sheet import Arrangement

    job = Job(document, clinic, prepare_layout(document, clinic, options, strings), date, info)
    # Two columns unless large print; one column when a very long text cannot be
    # split between columns (ReportLab then gets the whole width to break it).
    for single in (options.large_print, True):
        if not options.arrange:  # the panel after the plan, as it comes, if that draws
            try:
                return _build(job, single, Arrangement()).data
            except LayoutError:
                pass  # then every place, as when arranging
        best = _best_layout(job, single, options.page_limit)
        if best is not None:
            return best
    raise RenderError(
        Problem(
            document.title or "handout",
            "some content is too big to fit on a page; shorten it or split it up",
        )
    )


def _best_layout(job: Job, single: bool, page_limit: int) -> bytes | None:
    """Lay the handout out in each arrangement worth trying; return the first that fits,
    else the best (fewest pages, then the smallest gap, then the better place), or None
    when none can be drawn."""
    from collections import deque

    from reportlab.platypus.doctemplate import LayoutError

    from handouts.pdf.sheet import Arrangement, places

    spots = places(job.layout.builder, job.document, job.clinic, job.layout.chrome.geometry)
    queue = deque(Arrangement(place) for place in spots)
    seen = set(queue)
    tried: list[tuple[tuple[int, float, int], bytes]] = []
    while queue:
        way = queue.popleft()
        try:
            built = _build(job, single, way)
        except LayoutError:
            continue
        worst = max(built.blank[:-1], default=0.0)
        if built.pages <= page_limit and worst <= MOST_BLANK - BLANK_MARGIN:
            return built.data
        if built.pages > page_limit + FAR_PAST:
            return built.data  # far past its limit, no arrangement brings it back
        over = max(worst, MOST_BLANK - BLANK_MARGIN)
        tried.append(((built.pages, over, len(tried)), built.data))
        # Next, the same place with the week tracker in a gap a tall card left, or the
        # notes box under a panel drawn across page 2.
        nexts = []
        if way.tracker_at is None:
            nexts += [replace(way, tracker_at=at) for at in built.tracker_gaps]
        if way.notes_at is None and built.notes_at is not None:
            nexts.append(replace(way, notes_at=built.notes_at))
        for gap in reversed([n for n in dict.fromkeys(nexts) if n not in seen]):
            queue.appendleft(gap)
            seen.add(gap)
    return min(tried)[1] if tried else None


MOST_BLANK = 0.15  # of a page's body band, on any page but the last
BLANK_MARGIN = 0.02  # the frames' measure runs a little under a raster's
FAR_PAST = 2  # pages past the limit beyond which other arrangements are not tried


@dataclass(frozen=True)
class Built:
    """One layout of a handout: the PDF, its page count, each page's blank share."""

    data: bytes
    pages: int
    blank: list[float]
    tracker_gaps: tuple[int, ...] = ()  # where the tracker would fill a gap, biggest first
    notes_at: int | None = None  # where the notes box would fill the room under the panel


def _build(job: Job, single: bool, arrangement: Arrangement) -> Built:
    """Lay out the handout once, in one column or two, arranged as `arrangement`."""
    from handouts import __version__
    from handouts.pdf.measure import MeasuredDocTemplate
    from handouts.pdf.page import canvas_class
    from handouts.pdf.sheet import page_templates, sheet_story

    document, clinic, layout = job.document, job.clinic, job.layout
    geo = layout.chrome.geometry
    buffer = io.BytesIO()
    template = MeasuredDocTemplate(
        buffer,
        band=geo.later_frame_height,
        pagesize=(geo.width, geo.height),
        title=document.title,
        author=clinic.name or layout.chrome.strings["care_team"],
        subject=document.subtitle,
        creator=f"handouts {__version__}",
        producer=f"handouts {__version__}",
        invariant=1,
        initialFontName=layout.fonts.body.regular,
        leftMargin=geo.side,
        rightMargin=geo.side,
    )
    sheet = sheet_story(layout.builder, document, clinic, geo, single, arrangement)
    template.addPageTemplates(page_templates(geo, sheet, layout.chrome.draw))
    canvasmaker = canvas_class(layout.styles, job.date)
    if job.info:
        canvasmaker = with_info(canvasmaker, job.info)
    template.build(sheet.story, canvasmaker=canvasmaker)
    blank = template.blank_fractions()
    columns = layout.builder.narrowed(sheet.columns.width)
    width = sheet.columns.width
    gaps: tuple[int, ...] = ()
    if document.tracker:
        from handouts.pdf.sheet import tracker_part

        grid = tracker_part(columns, document)[-1]
        gaps = tuple(template.gaps_for(grid.least_height(width)))
    return Built(buffer.getvalue(), len(blank), blank, gaps, _notes_spot(template, sheet, job))


def _notes_spot(template: Any, sheet: Any, job: Job) -> int | None:
    """The body index at which the notes box would open page 2, right under a panel drawn
    across its top (filling the room there), or None when it would not land there."""
    from handouts.pdf.sheet import notes_part, room_under_panel

    geometry = job.layout.chrome.geometry
    box = notes_part(job.layout.builder.narrowed(sheet.columns.width), job.document)
    under = room_under_panel(geometry, sheet)
    if not box or not under:
        return None
    starts = template.page_start(2)
    if starts is None:  # page 2 goes on with a split paragraph: no box before its end
        return None
    start, room_before = starts
    least = box[0].least_height(sheet.columns.width)
    if room_before >= least or under < least:  # it would land on page 1, or not fit
        return None
    return start


def with_info(canvas_type: type, info: Mapping[str, str]) -> type:
    """A subclass of `canvas_type` whose document info also holds the `info` entries."""
    from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFString

    entries = dict(sorted(info.items()))

    class InfoWithExtras(PDFInfo):
        def format(self, document: object) -> bytes:
            standard = super().format(document)
            extra = PDFDictionary({key: PDFString(value) for key, value in entries.items()})
            extra_body = extra.format(document)
            # Both are "<< ... >>": splice the extra entries into the standard dictionary.
            return standard.rstrip()[:-2] + extra_body.strip()[2:]

    class CanvasWithInfo(canvas_type):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            old = self._doc.info
            self._doc.info = InfoWithExtras()
            self._doc.info.__dict__.update(old.__dict__)

    return CanvasWithInfo
