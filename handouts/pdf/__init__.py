"""The PDF stage: lays out a document with ReportLab. Nothing else imports reportlab."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from handouts.clinic import Clinic
from handouts.document import Document
from handouts.errors import Problem, RenderError


@dataclass(frozen=True)
class PageOptions:
    """How to print: paper size and large print."""

    paper: str = "letter"
    large_print: bool = False


def render_pdf(document: Document, clinic: Clinic, options: PageOptions, date: dt.date) -> bytes:
    """Lay out `document` with the clinic's brand; return the PDF bytes."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
    from reportlab.platypus.doctemplate import LayoutError

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
    try:
        template.build(story, canvasmaker=canvas_class(styles, date))
    except LayoutError:
        raise RenderError(
            Problem(
                document.title or "handout",
                "some content is too big to fit on a page; shorten it or split it up",
            )
        ) from None
    return buffer.getvalue()
