"""Write every built-in figure alone, without caption, as a PNG (100 dpi, via pdftoppm).

People who did not draw them name each one; a figure they get wrong is redrawn.

python bench/figure_review.py [OUT_DIR]   (default /work/figures-review)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from handouts.figures import load_all
from handouts.library.loader import builtin_root
from handouts.pdf.figure import art_flowable

WIDTH = 300.0


def main(out: Path) -> None:
    """Write <id>.png for each built-in figure into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    entries, problems = load_all([builtin_root().path])
    for problem in problems:
        print(problem, file=sys.stderr)
    for entry in entries:
        drawing = art_flowable(entry.art, WIDTH)
        with tempfile.TemporaryDirectory() as folder:
            pdf = Path(folder) / "figure.pdf"
            width, height = drawing.wrap(WIDTH, WIDTH)
            canvas = Canvas(str(pdf), pagesize=(width, height))
            drawing.drawOn(canvas, 0, 0)
            canvas.save()
            stem = out / entry.id
            subprocess.run(["pdftoppm", "-png", "-r", "100", "-singlefile", pdf, stem], check=True)
        print(out / f"{entry.id}.png")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/figures-review"))
