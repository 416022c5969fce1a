"""Test helpers: read what a patient would read from a PDF, write small file trees."""

from __future__ import annotations

import textwrap
from pathlib import Path

from pypdf import PdfReader


def pdf_text(path: Path) -> str:
    """All text of a PDF, pages joined, whitespace folded to single spaces."""
    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return " ".join(text.split())


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """Write a small file tree from {relative path: text}; return root."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root
