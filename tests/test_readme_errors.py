"""The README's exit-code table says what the code does."""

from __future__ import annotations

import re
from pathlib import Path

from handouts.cli.check import CHECK_FAILED
from handouts.errors import LibraryError, OutputError, RenderError, RequestError

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def exit_table() -> dict[int, str]:
    section = README.split("## Errors and exit codes", 1)[1].split("\n## ", 1)[0]
    return {int(code): text for code, text in re.findall(r"^\| (\d) \| (.+) \|$", section, re.M)}


def test_every_exit_code_is_documented_with_its_meaning():
    table = exit_table()
    assert sorted(table) == [0, 1, 2, 3, 4, 5, 6]
    assert "file is invalid" in table[LibraryError.exit_code]
    assert "`handouts check` found errors" in table[CHECK_FAILED]
    assert "request is invalid" in table[RequestError.exit_code]
    assert "cannot be drawn" in table[RenderError.exit_code]
    assert "cannot be written" in table[OutputError.exit_code]
