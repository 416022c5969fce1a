"""End to end in a real browser: Chromium fills the form, watches the preview, prints."""

from __future__ import annotations

import io
import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

import pytest

from tests.web.browser import ARGS, CHROMIUM, need_browser

if TYPE_CHECKING:
    from playwright.sync_api import Page

DOCS_SHOT = Path(__file__).resolve().parents[2] / "docs" / "serve.png"
HEAT = "Using moist heat at home"


@pytest.fixture
def live(workspace: Path) -> Iterator[str]:
    """The app served by waitress on a free loopback port; yields its base URL."""
    from handouts.web.app import create_app
    from handouts.web.security import Guard
    from handouts.web.serve import free_port, serve_in_thread, stop

    port = free_port()
    server = serve_in_thread(create_app(workspace, Guard("127.0.0.1", port)), port=port)
    yield f"http://127.0.0.1:{port}"
    stop(server)


@pytest.fixture
def page(live: str) -> Iterator[Page]:
    """A Chromium page (1366x860, a laptop screen) on the app."""
    need_browser()
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=15_000)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 860})
        tab = context.new_page()
        problems: list[str] = []
        tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        tab.goto(live + "/new")
        yield tab
        browser.close()
        assert not problems, problems  # e.g. the page breaking its own CSP


def text_of(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def preview_pdf(page: Page) -> tuple[str, str]:
    """The preview's id and the text of the PDF it shows."""
    link = page.locator("#preview .pages-note a")
    link.wait_for()
    href = urljoin(page.url, link.get_attribute("href"))
    return href, text_of(page.request.get(href).body())


def wait_for_preview(page: Page, expect: Callable[[str], bool], timeout: float = 15) -> str:
    """Wait until the preview shows a PDF whose text passes `expect`; return that text."""
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        try:
            _, text = preview_pdf(page)
        except Exception:  # swapped while reading: look again
            text = ""
        if expect(text):
            return text
        page.wait_for_timeout(150)
    raise AssertionError(f"the preview never showed the change; last text:\n{text[:500]}")


def test_make_a_handout_in_the_browser(page, workspace, tmp_path):
    first_image = page.locator("#preview img.page").first
    first_image.wait_for()
    before = first_image.get_attribute("src")
    page.select_option("#f-template", "knee-acupuncture")
    page.locator('input[name="shown_template"][value="knee-acupuncture"]').wait_for(
        state="attached"
    )
    page.fill("#f-patient", "Jane Doe")
    page.fill("#f-p-stretch-holds-hold_seconds", "75")
    page.uncheck("#f-section-heat-use")
    text = wait_for_preview(page, lambda t: "Jane Doe" in t and "75 seconds" in t and HEAT not in t)
    assert "Your knee after acupuncture" in text
    page.locator("#preview img.page").first.wait_for()
    assert page.locator("#preview img.page").first.get_attribute("src") != before
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(300)  # let the last image paint
    shot = tmp_path / "serve.png"
    page.screenshot(path=str(shot))
    if os.environ.get("HANDOUTS_UPDATE_DOCS"):  # the README's picture, only when asked
        shutil.copyfile(shot, DOCS_SHOT)
    opened = lambda r: "/files/" in r.url and r.request.method == "GET"  # noqa: E731
    with page.expect_popup(), page.context.expect_event("response", opened) as response:
        page.get_by_role("button", name="Print").click()
    assert response.value.headers["content-disposition"].startswith("inline")
    printed = page.request.get(response.value.url)
    assert printed.headers["content-type"] == "application/pdf"
    text = text_of(printed.body())
    assert "Jane Doe" in text and "75 seconds" in text and "45 seconds" not in text
    assert HEAT not in text
    saved = list((workspace / "output").glob("*-knee-acupuncture-JD.pdf"))
    assert len(saved) == 1 and saved[0].read_bytes() == printed.body()


def test_an_error_shows_beside_the_field_and_clears(page):
    from playwright.sync_api import expect

    page.locator("#preview img.page").first.wait_for()
    page.fill("#f-p-stretch-holds-hold_seconds", "900")
    error = page.locator("#err-f-p-stretch-holds-hold_seconds")
    error.get_by_text("from 15 to 90 seconds").wait_for()
    assert '(got "900")' in error.inner_text()
    problems = page.locator("#preview-problems")
    expect(problems).to_contain_text("from 15 to 90 seconds")
    expect(page.locator("#preview img.page").first).to_be_attached()  # last good pages kept
    page.fill("#f-p-stretch-holds-hold_seconds", "60")
    expect(error).to_have_text("")
    expect(problems).to_have_text("")
    wait_for_preview(page, lambda t: "60 seconds" in t)


def test_the_keyboard_moves_a_section_and_keeps_focus(page):
    page.locator("#preview img.page").first.wait_for()
    before = page.locator('input[name="order"]').evaluate_all("(els) => els.map(e => e.value)")
    moved, other = before[1], before[2]  # a section with one above and one below
    button = page.locator(f"#down-f-section-{moved}")
    button.focus()
    page.keyboard.press("Enter")
    page.locator('input[name="order"]').first.wait_for(state="attached")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        order = page.locator('input[name="order"]').evaluate_all("(els) => els.map(e => e.value)")
        if order[1:3] == [other, moved]:
            break
        page.wait_for_timeout(100)
    assert order[1:3] == [other, moved]
    focused = page.evaluate("document.activeElement && document.activeElement.id")
    assert focused == f"down-f-section-{moved}"
    titles = {
        sid: page.locator(f'label[for="f-section-{sid}"]').inner_text().strip()
        for sid in (moved, other)
    }
    text = wait_for_preview(
        page, lambda t: titles[other] in t and t.index(titles[other]) < t.index(titles[moved])
    )
    assert text.index(titles[other]) < text.index(titles[moved])
