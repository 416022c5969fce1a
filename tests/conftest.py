"""Shared helpers: run the real CLI, read what a patient would read from the PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from handouts.cli.main import main
from tests.helpers import pdf_text


@pytest.fixture
def run() -> Callable[..., Result]:
    """Run the `handouts` CLI in-process with CliRunner (stderr kept apart)."""

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


@pytest.fixture
def render(tmp_path: Path, run: Callable[..., Result]) -> Callable[..., tuple[Result, str]]:
    """Render into tmp_path/out.pdf; return the CLI result and the PDF's text."""

    def invoke(*args: str) -> tuple[Result, str]:
        target = tmp_path / "out.pdf"
        target.unlink(missing_ok=True)
        result = run("render", *args, "-o", str(target))
        text = pdf_text(target) if target.exists() else ""
        return result, text

    return invoke
