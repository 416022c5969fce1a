"""The clinic's booking or video link as a QR code drawing."""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing

QR_SIZE = 84  # points: a little under 3 cm, easy for a phone camera


def qr_drawing(link: str, size: float = QR_SIZE) -> Drawing:
    """A QR code of `link`, `size` points square (quiet zone included)."""
    widget = QrCodeWidget(link, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    width, height = x1 - x0, y1 - y0
    drawing = Drawing(size, size, transform=[size / width, 0, 0, size / height, 0, 0])
    drawing.add(widget)
    return drawing
