"""Benchmark `handouts serve`: a changed field -> the new preview image, and 20 at once.

Runs the real app under waitress on a free loopback port (127.0.0.1 only), posts the
standard handout's form (knee-dry-needling) with one field changed, and fetches the first
page image the answer names. Bounded: a fixed number of requests, each with a timeout.

    python bench/web_preview.py [--rounds 30] [--concurrent 20]
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import statistics
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from handouts.web.app import create_app
from handouts.web.form import as_posted, blank_state
from handouts.web.security import Guard
from handouts.web.serve import free_port, serve_in_thread, stop
from handouts.workspace.folder import Workspace

TIMEOUT = 30  # seconds for one request
HOLD = "p.stretch-holds.hold_seconds"


def post_preview(base: str, fields: list[tuple[str, str]]) -> str:
    """POST the form to /preview as the page would; return the answer's HTML."""
    body = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(base + "/preview", body, {"Origin": base})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
        return answer.read().decode()


def first_image(base: str, html: str) -> bytes:
    """GET the first page image named in a preview answer."""
    found = re.search(r'src="(/files/[^"]+/page-1\.png)"', html)
    if found is None:
        raise RuntimeError("no preview image in the answer: " + html[:300])
    with urllib.request.urlopen(base + found.group(1), timeout=TIMEOUT) as answer:
        data = answer.read()
    if not data.startswith(b"\x89PNG"):
        raise RuntimeError("the preview image is not a PNG")
    return data


def changed(fields: list[tuple[str, str]], seconds: int, patient: str) -> list[tuple[str, str]]:
    """The form with the stretch hold time changed (and a name, so no answer is reused)."""
    values = {HOLD: str(seconds), "patient": patient}
    return [(key, values.get(key, value)) for key, value in fields]


def one_change(base: str, fields: list[tuple[str, str]], seconds: int, patient: str) -> float:
    """Seconds from posting a changed field to having the new first page image."""
    start = time.perf_counter()
    first_image(base, post_preview(base, changed(fields, seconds, patient)))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--concurrent", type=int, default=20)
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("web_results.json"))
    args = parser.parse_args()

    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # the burst queues on purpose
    port = free_port()
    app = create_app(Workspace(), Guard("127.0.0.1", port))
    server = serve_in_thread(app, port=port)
    base = f"http://127.0.0.1:{port}"
    setup = app.extensions["handouts"].setup()
    fields = as_posted(blank_state("knee-dry-needling", setup.lang, setup.library, ""))
    try:
        for seconds in (30, 40, 50, 60, 70):  # warm: imports, fonts, caches
            one_change(base, fields, seconds, "Warm Up")
        times = [one_change(base, fields, 15 + (i % 76), f"Round {i}") for i in range(args.rounds)]
        errors: list[str] = []
        latencies: list[float] = []

        def room(index: int) -> None:
            try:
                latencies.append(one_change(base, fields, 15 + index, f"Room {index}"))
            except Exception as exc:  # counted, not raised: the point is how many fail
                errors.append(repr(exc))

        threads = [threading.Thread(target=room, args=(i,)) for i in range(args.concurrent)]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(TIMEOUT * 2)
        wall = time.perf_counter() - start
    finally:
        time.sleep(0.5)  # let waitress finish writing the last answers
        stop(server)
    results = {
        "change_to_image_ms": {
            "median": round(statistics.median(times) * 1000, 1),
            "p90": round(sorted(times)[int(0.9 * (len(times) - 1))] * 1000, 1),
            "min": round(min(times) * 1000, 1),
            "rounds": len(times),
            "target_median": 150,
        },
        "concurrent": {
            "requests": args.concurrent,
            "errors": len(errors),
            "wall_s": round(wall, 2),
            "slowest_ms": round(max(latencies, default=0) * 1000, 1),
            "first_errors": errors[:3],
        },
    }
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    change, burst = results["change_to_image_ms"], results["concurrent"]
    verdict = "met" if change["median"] <= 150 else "missed"
    print(
        f"field change -> new preview image (warm, {change['rounds']} rounds): "
        f"median {change['median']} ms, p90 {change['p90']} ms (target <= 150 ms: {verdict})"
    )
    print(
        f"{burst['requests']} concurrent previews: {burst['errors']} errors, "
        f"all done in {burst['wall_s']} s, slowest {burst['slowest_ms']} ms"
    )


if __name__ == "__main__":
    main()
