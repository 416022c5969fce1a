"""Where a page breaks inside a kept group, read from the PDF page by page: a bullet list
may break between its items (never leaving one alone), numbered steps and a short tinted
box move on whole."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

from handouts.pdf.flowables import KeepTogetherIfShort, WholeIfShort

STYLE = getSampleStyleSheet()["Normal"]
FRAME = 400.0  # points: the body frame of the test page
PAD = 12.0  # SimpleDocTemplate's frame pads 6 pt above and below


def page_texts(story: list) -> list[str]:
    """Lay `story` out on small pages; each page's text."""
    buffer = io.BytesIO()
    page = (300, FRAME + PAD + 72)
    SimpleDocTemplate(buffer, pagesize=page, topMargin=36, bottomMargin=36).build(story)
    return [" ".join(p.extract_text().split()) for p in PdfReader(buffer).pages]


def after_room(room: float, flowable) -> list:
    """`flowable` after a spacer that leaves `room` points at the foot of page 1."""
    return [Spacer(1, FRAME - room), flowable]


def group(ordered: bool, items: int = 6) -> KeepTogetherIfShort:
    """A heading kept with a list of one-line items."""
    kind = {"bulletType": "1"} if ordered else {"bulletType": "bullet", "start": "-"}
    points = ListFlowable(
        [ListItem(Paragraph(f"item{n}", STYLE)) for n in range(1, items + 1)], **kind
    )
    kept = KeepTogetherIfShort([Paragraph("Heading", STYLE), points])
    kept.page_height = FRAME
    return kept


def line() -> float:
    return STYLE.leading


def test_a_bullet_list_breaks_between_items_where_the_room_ends():
    # room for the heading and four items: more than 15% of the page, too much to leave
    first, second = page_texts(after_room(5.5 * line(), group(ordered=False, items=8)))
    assert "Heading" in first and "item4" in first and "item5" not in first
    assert "item5" in second and "item8" in second


def test_a_list_that_would_leave_only_a_sliver_moves_on_whole():
    first, second = page_texts(after_room(3.5 * line(), group(ordered=False, items=8)))
    assert "Heading" not in first
    assert "Heading" in second and "item8" in second


def test_a_bullet_list_never_leaves_one_item_alone_on_either_page():
    first, second = page_texts(after_room(6.5 * line(), group(ordered=False)))
    # room for the heading and five items: it breaks after four, two go on
    assert "item4" in first and "item5" not in first
    assert "item5" in second and "item6" in second


def test_numbered_steps_move_on_whole_with_their_heading():
    first, second = page_texts(after_room(5.5 * line(), group(ordered=True)))
    assert "Heading" not in first
    assert "Heading" in second and "item6" in second


def box(lines: int, keep: float) -> WholeIfShort:
    """A one-column tinted-box table of `lines` one-line rows, kept whole up to `keep`."""
    table = WholeIfShort([[Paragraph(f"row{n}", STYLE)] for n in range(1, lines + 1)],
                         splitByRow=1, splitInRow=1)  # fmt: skip
    table.keep_height = keep
    return table


@pytest.mark.parametrize("lines", [3, 5])
def test_a_short_box_moves_to_the_next_page_whole(lines):
    first, second = page_texts(after_room(2 * line(), box(lines, FRAME * 0.45)))
    assert "row1" not in first
    assert "row1" in second and f"row{lines}" in second


def test_a_box_taller_than_its_keep_height_splits():
    first, second = page_texts(after_room(2.5 * line(), box(12, 3 * line())))
    assert "row1" in first and "row12" in second


def test_a_bullet_item_of_several_paragraphs_is_not_cut_inside():
    parts = [Paragraph(f"item2{letter}", STYLE) for letter in "abcd"]
    items = [ListItem(Paragraph("item1", STYLE)), ListItem(parts)]
    items += [ListItem(Paragraph(f"item{n}", STYLE)) for n in range(3, 9)]
    points = ListFlowable(items, bulletType="bullet", start="-")
    kept = KeepTogetherIfShort([Paragraph("Heading", STYLE), points])
    kept.page_height = FRAME
    # room for the heading, item 1 and three of item 2's four paragraphs
    texts = page_texts(after_room(5.5 * line(), kept))
    holding = [text for text in texts if "item2a" in text]
    assert len(holding) == 1 and "item2d" in holding[0]
