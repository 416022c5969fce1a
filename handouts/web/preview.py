"""Preview images: pages of a PDF as PNGs, drawn by pypdfium2 when first asked for."""

from __future__ import annotations

import io
import threading

# PDFium is not thread-safe: one document at a time in this process.
_PDFIUM = threading.Lock()
WIDTH = 560  # pixels across a page: sharp enough to read headings, quick to draw


def page_count(data: bytes) -> int:
    """How many pages the PDF `data` has."""
    import pypdfium2 as pdfium

    with _PDFIUM:
        document = pdfium.PdfDocument(data)
        try:
            return len(document)
        finally:
            document.close()


def page_image(data: bytes, index: int, width: int = WIDTH) -> bytes:
    """Page `index` (from 0) of the PDF `data` as PNG bytes, `width` pixels wide."""
    import pypdfium2 as pdfium

    with _PDFIUM:
        document = pdfium.PdfDocument(data)
        try:
            page = document[index]
            image = page.render(scale=width / page.get_width()).to_pil()
            page.close()
        finally:
            document.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()
