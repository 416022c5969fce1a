"""Preview images: each page of a PDF as a PNG, drawn by pypdfium2."""

from __future__ import annotations

import io
import threading

# PDFium is not thread-safe: one document at a time in this process.
_PDFIUM = threading.Lock()
WIDTH = 560  # pixels across a page: sharp enough to read headings, quick to draw


def page_images(data: bytes, width: int = WIDTH) -> list[bytes]:
    """Every page of the PDF `data` as PNG bytes, `width` pixels wide."""
    import pypdfium2 as pdfium

    images = []
    with _PDFIUM:
        document = pdfium.PdfDocument(data)
        try:
            for index in range(len(document)):
                page = document[index]
                scale = width / page.get_width()
                bitmap = page.render(scale=scale)
                images.append(bitmap.to_pil())
                page.close()
        finally:
            document.close()
    pngs = []
    for image in images:
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", compress_level=1)
        pngs.append(buffer.getvalue())
    return pngs
