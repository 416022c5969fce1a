"""Screenshots of every page for a person to look at (not a test).

    python -m tests.web.screenshots OUTDIR

Serves a fresh workspace on a free loopback port and has Chromium visit each page.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.web.browser import ARGS, CHROMIUM

CSV = (
    "template,patient,heat-use.minutes,add\n"
    "knee-dry-needling,Ann Lee,20,\n"
    "knee-dry-needling,Bo Ek,90,\n"
    "knee-acupuncture,Cy Dunn,,orthotic-advice\n"
    "knee-self-massage,Dee Fox,,\n"
)


def main(out: Path) -> None:
    """Take the screenshots into `out`."""
    from playwright.sync_api import sync_playwright

    from handouts.web.app import create_app
    from handouts.web.security import Guard
    from handouts.web.serve import free_port, serve_in_thread, stop

    out.mkdir(parents=True, exist_ok=True)
    workspace = Path(tempfile.mkdtemp(prefix="handouts-shots-"))
    (workspace / "clinic.yaml").write_text(
        "name: Riverside Physio\npractitioners:\n  - name: Sam Lee\n    credentials: PT\n",
        encoding="utf-8",
    )
    port = free_port()
    server = serve_in_thread(create_app(workspace, Guard("127.0.0.1", port)), port=port)
    base = f"http://127.0.0.1:{port}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_context(viewport={"width": 1366, "height": 860}).new_page()
        page.goto(base + "/new")
        page.locator("#preview img.page").first.wait_for()
        page.fill("#f-patient", "María López")
        page.locator("#preview img.page").first.wait_for()
        page.wait_for_timeout(1200)
        page.screenshot(path=str(out / "new-handout.png"))
        page.fill("#f-p-heat-use-minutes", "90")  # a field of the standard handout
        page.locator("#err-f-p-heat-use-minutes span").wait_for()
        page.locator("#f-p-heat-use-minutes").evaluate("e => e.scrollIntoView({block: 'center'})")
        page.wait_for_timeout(300)
        page.screenshot(path=str(out / "error-beside-field.png"))
        page.fill("#f-p-heat-use-minutes", "15")
        page.locator("#preview img.page").first.wait_for()
        page.wait_for_timeout(800)
        with page.expect_popup():
            page.get_by_role("button", name="Print").click()
        page.goto(base + "/today")
        page.screenshot(path=str(out / "today.png"))
        page.goto(base + "/batch")
        csv = workspace / "today.csv"
        csv.write_text(CSV, encoding="utf-8")
        page.set_input_files("#batch-file", str(csv))
        page.get_by_role("button", name="Make the handouts").click()
        page.get_by_text("Done:").wait_for(timeout=60_000)
        page.screenshot(path=str(out / "batch.png"))
        page.goto(base + "/library")
        page.locator("#check .summary").wait_for(timeout=120_000)
        page.screenshot(path=str(out / "library.png"), full_page=False)
        page.locator("#check").scroll_into_view_if_needed()
        page.screenshot(path=str(out / "library-check.png"))
        (workspace / "clinic.yaml").write_text(
            "name: Riverside\ncolours:\n  primary: red\n", encoding="utf-8"
        )
        page.goto(base + "/new")
        page.screenshot(path=str(out / "broken-workspace.png"))
        browser.close()
    stop(server)
    print("\n".join(str(path) for path in sorted(out.glob("*.png"))))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "web-review"))
