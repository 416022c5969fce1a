"""Measure laid-out heights without writing a PDF."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, KeepTogether


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
