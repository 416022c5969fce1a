"""Oversized content flows across pages instead of crashing the layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from handouts.library.loader import LibraryRoot
from tests.helpers import pdf_text, write_tree

ENGLISH_STRINGS = (Path(__file__).parent.parent / "content/en/strings.yaml").read_text("utf-8")
WORDS = " ".join(f"w{i}" for i in range(10_000))
LONG = " ".join(f"c{i}" for i in range(2_500))

SECTION = """
---
id: big
title: Big section
category: self-care
summary: Very long content.
---
{body}
"""

TEMPLATE = """
id: big-sheet
title: Big sheet
sections:
  - big
"""


@pytest.fixture
def big_library(tmp_path, monkeypatch):
    """Point the CLI at a one-section library whose body is given by the test."""

    def make(body: str) -> None:
        write_tree(
            tmp_path / "lib",
            {
                "content/en/big.md": SECTION.format(body=body),
                "templates/big-sheet.yaml": TEMPLATE,
                "content/en/strings.yaml": ENGLISH_STRINGS,
            },
        )
        monkeypatch.setattr(
            "handouts.workspace.folder.builtin_root", lambda: LibraryRoot(tmp_path / "lib", "test")
        )

    return make


def words_in(text: str, prefix: str, count: int) -> bool:
    found = set(text.split())
    return all(f"{prefix}{i}" in found for i in range(count))


def test_a_note_of_ten_thousand_words_flows_across_pages(tmp_path, run):
    target = tmp_path / "out.pdf"
    result = run(
        "render", "knee-self-massage", "--note", WORDS, "--note", "Last one.", "-o", str(target)
    )
    assert result.exit_code == 0, result.output
    text = pdf_text(target)
    assert words_in(text, "w", 10_000)
    assert "Last one." in text
    assert len(PdfReader(str(target)).pages) > 10


def test_a_callout_taller_than_a_page_is_split(tmp_path, run, big_library):
    big_library(f":::caution\n{LONG}\n:::\n\nAfter the box.")
    target = tmp_path / "out.pdf"
    result = run("render", "big-sheet", "-o", str(target))
    assert result.exit_code == 0, result.output
    text = pdf_text(target)
    assert words_in(text, "c", 2_500)
    assert "After the box." in text
    assert len(PdfReader(str(target)).pages) >= 3


def test_a_table_cell_taller_than_a_page_is_split(tmp_path, run, big_library):
    big_library(f"| Step | What to do |\n|---|---|\n| 1 | {LONG} |\n| 2 | Rest. |")
    target = tmp_path / "out.pdf"
    result = run("render", "big-sheet", "-o", str(target))
    assert result.exit_code == 0, result.output
    text = pdf_text(target)
    assert words_in(text, "c", 2_500)
    assert "Rest." in text


def test_a_list_item_taller_than_a_page_flows_on(tmp_path, run, big_library):
    big_library(f"1. {LONG}\n2. Then rest.")
    target = tmp_path / "out.pdf"
    result = run("render", "big-sheet", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert words_in(pdf_text(target), "c", 2_500)
