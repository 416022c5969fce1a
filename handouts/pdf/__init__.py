"""The PDF stage: lays out a document with ReportLab. Nothing else imports reportlab."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass

from handouts.clinic import Clinic
from handouts.document import Document


@dataclass(frozen=True)
class PageOptions:
    """How to print: paper size and large print."""

    paper: str = "letter"
    large_print: bool = False


def render_pdf(
    document: Document,
    clinic: Clinic,
    options: PageOptions,
    date: dt.date,
    info: Mapping[str, str] | None = None,
) -> bytes:
    """Lay out `document` with the clinic's brand; return the PDF bytes.

    `info` adds custom document info entries (ASCII text), e.g. the embedded request.
    """
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    from handouts import __version__
    from handouts.pdf.flowables import FlowableBuilder
    from handouts.pdf.fonts import body_family
    from handouts.pdf.page import SIDE_MARGIN, PageChrome, canvas_class
    from handouts.pdf.styles import make_styles

    family = body_family()
    styles = make_styles(family, clinic.primary_colour, clinic.accent_colour, options.large_print)
    chrome = PageChrome(clinic, styles, options.paper)
    geo = chrome.geometry
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=(geo.width, geo.height),
        title=document.title,
        author=clinic.name,
        subject=document.subtitle,
        creator=f"handouts {__version__}",
        producer=f"handouts {__version__}",
        invariant=1,
        initialFontName=family.regular,
        leftMargin=SIDE_MARGIN,
        rightMargin=SIDE_MARGIN,
    )
    frame = Frame(
        SIDE_MARGIN,
        geo.frame_bottom,
        geo.frame_width,
        geo.frame_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    template.addPageTemplates([PageTemplate("page", [frame], onPage=chrome.draw)])
    story = FlowableBuilder(styles, geo.frame_width).handout(document)
    canvasmaker = canvas_class(styles, date)
    if info:
        canvasmaker = with_info(canvasmaker, info)
    template.build(story, canvasmaker=canvasmaker)
    return buffer.getvalue()


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
