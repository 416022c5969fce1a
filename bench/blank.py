"""How much of each page is left blank: every built-in template, from a raster of its pages.

    python bench/blank.py [--langs en,es,fr] [--out bench/blank.json] [--dpi 50]

The body band of a page runs from the rule under the running head to the rule over the
footer (found in the raster: rows mostly inked across the page). Its blank fraction is the
empty height from the last inked row down to the footer rule, over the band's height. A
tinted panel, a card's frame or a ruled notes box counts as ink. The last page of a handout
may end early; every other page should be at most 15% blank.

Rasters come from pypdfium2 (`pip install pypdfium2`), else poppler's `pdftoppm`.
Not part of the test run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

RULE_SHARE = 0.7  # a rule row is inked across at least this share of the page width
INK = 235  # a pixel darker than this (any channel) is ink
DATE = dt.date(2026, 11, 30)


def rasters(data: bytes, dpi: int) -> list[Image.Image]:
    """Each page of a PDF as a greyscale image."""
    try:
        import pypdfium2
    except ImportError:
        return _pdftoppm(data, dpi)
    document = pypdfium2.PdfDocument(data)
    return [page.render(scale=dpi / 72).to_pil().convert("L") for page in document]


def _pdftoppm(data: bytes, dpi: int) -> list[Image.Image]:
    if not shutil.which("pdftoppm"):
        raise SystemExit("needs pypdfium2 (pip install pypdfium2) or poppler's pdftoppm")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.pdf"
        source.write_bytes(data)
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), source, f"{tmp}/p"], check=True)
        return [Image.open(p).convert("L") for p in sorted(Path(tmp).glob("p-*.png"))]


def blank_fraction(image: Image.Image) -> float:
    """The blank share of the page's body band (0 = filled to the footer rule)."""
    width, height = image.size
    pixels = image.load()
    inked = [sum(1 for x in range(width) if pixels[x, y] < INK) for y in range(height)]
    rules = [y for y, count in enumerate(inked) if count >= RULE_SHARE * width]
    if len(rules) < 2:
        return 0.0
    top, bottom = rules[0], rules[-1]
    while top + 1 < bottom and inked[top + 1] >= RULE_SHARE * width:
        top += 1  # a rule drawn over several pixel rows
    while bottom - 1 > top and inked[bottom - 1] >= RULE_SHARE * width:
        bottom -= 1
    last = next((y for y in range(bottom - 1, top, -1) if inked[y]), top)
    return (bottom - 1 - last) / max(1, bottom - 1 - top)


def handouts(langs: list[str]) -> list[tuple[str, bytes]]:
    """Every built-in template in each language, Letter and A4, and large print (Letter)."""
    from handouts.build.request import Request
    from handouts.library.loader import load_library
    from handouts.render.pipeline import render_bytes
    from handouts.workspace.clinic import Clinic

    made = []
    clinic = Clinic()
    for lang in langs:
        library = load_library(lang=lang)
        for template in sorted(library.templates):
            for paper, large in (("letter", False), ("a4", False), ("letter", True)):
                request = Request(
                    template=template,
                    patient="Jane Doe",
                    date=DATE,
                    lang=lang,
                    paper=paper,
                    large_print=large,
                )
                data = render_bytes(request, library, clinic)
                name = f"{template} {lang} {paper}{' large print' if large else ''}"
                made.append((name, data))
    return made


def main() -> None:
    """Render, rasterise, measure; print a table and write JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", default="en,es,fr")
    parser.add_argument("--dpi", type=int, default=50)
    parser.add_argument("--out", type=Path, default=HERE / "blank.json")
    args = parser.parse_args()
    from handouts.pdf import MOST_BLANK

    results = {}
    worst = (0.0, "")
    for name, data in handouts(args.langs.split(",")):
        fractions = [round(blank_fraction(page), 3) for page in rasters(data, args.dpi)]
        results[name] = fractions
        for number, fraction in enumerate(fractions[:-1], start=1):
            worst = max(worst, (fraction, f"{name} p{number}"))
        shown = "  ".join(f"p{i} {f:4.0%}" for i, f in enumerate(fractions, start=1))
        print(f"{name:45} {len(fractions)} pages  {shown}")
    verdict = "ok" if worst[0] <= MOST_BLANK else f"over {MOST_BLANK:.0%}"
    print(f"\nworst page before the last: {worst[0]:.0%} ({worst[1]}): {verdict}")
    args.out.write_text(
        json.dumps({"pages": results, "worst_mid_handout": worst, "limit": MOST_BLANK}, indent=1)
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
