"""Measure layouts: heights without writing a PDF, and the gaps a built layout left."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether

GAP_SLACK = 1  # points of room kept under a part put into a gap (measures round)


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
class PageGaps:
    """What a layout left empty: for each page, its columns' least empty room at the foot."""

    band: float  # the body band's height on a page after the first
    empty: dict[int, dict[str, float]] = field(default_factory=dict)

    def record(self, page: int, frame: Frame) -> None:
        """Note how much of `frame` is left under its last flowable on `page`."""
        self.empty.setdefault(page, {})[frame.id] = frame._y - frame._y1

    def fractions(self, frames: dict[int, list[Frame]]) -> list[float]:
        """Each page's blank share: its fullest column's empty foot over the band."""
        out = []
        for page in sorted(frames):
            seen = self.empty.get(page, {})
            columns = [f for f in frames[page] if f.id != "top"] or frames[page]
            left = min(getattr(f, "unused", seen.get(f.id, f._height)) for f in columns)
            out.append(max(0.0, left) / self.band)
        return out


class MeasuredDocTemplate(BaseDocTemplate):
    """A doc template that notes, page by page, how much room its frames leave empty."""

    def __init__(self, *args, band: float = 1.0, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.gaps = PageGaps(band)
        self.page_frames: dict[int, list[Frame]] = {}
        self.last_drawn: dict[tuple[int, str], int] = {}
        self.flow: list[tuple[int, str]] = []  # (page, frame id) in the order filled
        self.first_drawn: dict[int, int] = {}  # page -> the first body element drawn on it
        self.handling: int | None = None  # the body element being laid out

    def handle_frameEnd(self, resume: int = 0) -> None:
        self._note(self.frame)
        super().handle_frameEnd(resume)

    def handle_pageEnd(self) -> None:
        self._note(self.frame)
        super().handle_pageEnd()

    def _note(self, frame: Frame | None) -> None:
        if frame is None:
            return
        page = self.page
        self.page_frames[page] = list(self.pageTemplate.frames)
        self.gaps.record(page, frame)
        if (page, frame.id) not in self.flow:
            self.flow.append((page, frame.id))

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        """As ReportLab does, except that a frame a page's panel leaves no room in (marked
        `unused`) is not a try: a flowable moved on from page 1 may not fit it either, and
        ReportLab gives up on a flowable that fits two frames running. Pieces a split puts
        back carry the body story index of what they were cut from."""
        first = flowables[0] if flowables else None
        frame = getattr(self, "frame", None)  # none yet when ReportLab flushes its last parts
        if first is not None and hasattr(frame, "unused") and hasattr(first, "_postponed"):
            del first._postponed
        index = getattr(first, "story_index", None)
        waiting = {id(flowable) for flowable in flowables} if index is not None else set()
        self.handling = index  # the first piece of a split is drawn before it is tagged
        super().handle_flowable(flowables)
        self.handling = None
        for piece in flowables if index is not None else []:
            if id(piece) in waiting:
                break  # past the new pieces at the front
            if getattr(piece, "story_index", None) is None:
                piece.story_index = index

    def afterFlowable(self, flowable: Flowable) -> None:
        index = getattr(flowable, "story_index", self.handling)
        if index is not None and self.frame is not None:
            key = (self.page, self.frame.id)
            self.last_drawn[key] = max(index, self.last_drawn.get(key, -1))
            self.first_drawn.setdefault(self.page, index)

    def gaps_for(self, height: float, most: int = 2) -> list[int]:
        """Where a part `height` tall could go into a gap at the foot of a column (or an
        empty column), on a page before the last: body story indexes to put it at, the
        biggest gaps first."""
        fits = []
        last = -1  # the last body element drawn so far, in the order the frames filled
        for page, frame_id in self.flow:
            last = max(last, self.last_drawn.get((page, frame_id), -1))
            left = self.gaps.empty.get(page, {}).get(frame_id, 0.0)
            if page < self.page and left >= height + GAP_SLACK:
                fits.append((left, page, last + 1))
        return [spot for *_, spot in sorted(fits, reverse=True)[:most]]

    def page_start(self, page: int) -> tuple[int, float] | None:
        """The body story index of the element that starts `page` (or the first page after
        it that has any) whole, and the room left in the last column filled before it; None
        when that page starts with the rest of an element split across the page turn."""
        last, room = -1, 0.0
        for at, frame_id in self.flow:
            if at < page:
                last = max(last, self.last_drawn.get((at, frame_id), -1))
                room = self.gaps.empty.get(at, {}).get(frame_id, 0.0)
        after = [self.first_drawn[at] for at in sorted(self.first_drawn) if at >= page]
        if after and after[0] != last + 1:
            return None
        return last + 1, room

    def blank_fractions(self) -> list[float]:
        """Each page's blank share at the foot of its columns, first page to last."""
        return self.gaps.fractions(self.page_frames)
