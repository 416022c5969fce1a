"""Measure laid-out heights without writing a PDF: does each section fit on one page?"""

from __future__ import annotations

import io

from handouts.document import Document
from handouts.pdf import PageOptions
from handouts.workspace.clinic import Clinic


def section_heights(
    document: Document, clinic: Clinic, options: PageOptions
) -> tuple[dict[str, float], float]:
    """Each section's height when laid out, and the height of a page's body frame."""
    from reportlab.pdfgen.canvas import Canvas

    from handouts.pdf import prepare_layout

    layout = prepare_layout(document, clinic, options)
    geometry = layout.chrome.geometry
    builder = layout.builder
    canvas = Canvas(io.BytesIO())
    heights = {
        section.id: _stack_height(builder.section(section), canvas, geometry.frame_width)
        for section in document.sections
    }
    return heights, geometry.frame_height


def _stack_height(flowables: list, canvas: object, width: float) -> float:
    """Height of flowables stacked in a frame of `width`, spacing included."""
    from reportlab.platypus import CondPageBreak, KeepTogether

    total = 0.0
    for flowable in flowables:
        if isinstance(flowable, CondPageBreak):
            continue  # a page-break hint, not content
        if isinstance(flowable, KeepTogether):
            total += _stack_height(flowable._content, canvas, width)
            continue
        _, height = flowable.wrapOn(canvas, width, 10_000)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total
