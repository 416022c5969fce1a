"""The clinic's booking or video link as a QR code, with the link in text under it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, KeepTogether, Spacer

if TYPE_CHECKING:
    from handouts.pdf.flowables import FlowableBuilder

QR_SIZE = 84  # points: a little under 3 cm, easy for a phone camera


def qr_drawing(link: str, size: float = QR_SIZE) -> Drawing:
    """A QR code of `link`, `size` points square (quiet zone included)."""
    widget = QrCodeWidget(link, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    width, height = x1 - x0, y1 - y0
    drawing = Drawing(size, size, transform=[size / width, 0, 0, size / height, 0, 0])
    drawing.add(widget)
    return drawing


def booking_block(link: str, label: str, builder: FlowableBuilder) -> Flowable:
    """The clinic's label, the QR code, and the link printed under it, kept together."""
    styles = builder.styles
    link_style = styles.body.clone("link", spaceBefore=2)  # 12 pt like every printed word
    drawing = qr_drawing(link)
    drawing.hAlign = "LEFT"
    parts: list[Flowable] = [Spacer(1, 12)]
    if label:
        parts.append(builder.para(label, styles.callout_label))
    parts += [drawing, builder.para(link, link_style)]
    return KeepTogether(parts)
