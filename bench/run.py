"""The benchmark: handouts against a hand-written ReportLab floor. Prints a table, writes JSON.

    python bench/run.py [--quick] [--out bench/results.json]

Not part of the test run. Targets are ratios, because shared machines are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
HANDOUTS = [str(Path(PY).with_name("handouts"))]  # the console script people run
RUNS = 7


def wall(cmd: list[str], runs: int = RUNS) -> float:
    """Median whole-process wall time in ms, after one warm-up run."""
    subprocess.run(cmd, check=True, capture_output=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KB (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def batch(rows: int, jobs: int, folder: Path) -> dict:
    """Run `handouts batch` on `rows` rows; wall time and peak memory of the process tree."""
    csv_path = folder / f"rows-{rows}.csv"
    names = ["Jane Doe", "María López", "Sam Roe", "Ann Poe"]
    with csv_path.open("w", encoding="utf-8") as handle:
        handle.write("template,patient,date,heat-use.minutes\n")
        for index in range(rows):
            handle.write(f"knee-dry-needling,{names[index % 4]},2026-03-04,{5 + index % 16}\n")
    out = folder / f"out-{rows}-{jobs}"
    out.mkdir()
    cmd = [*HANDOUTS, "batch", str(csv_path), "-o", str(out), "--jobs", str(jobs)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"batch failed: {cmd}")
    made = len(list(out.iterdir()))
    return {
        "rows": rows,
        "jobs": jobs,
        "seconds": seconds,
        "per_second": made / seconds,
        "peak_rss_mb": peak / 1024,
    }


def warm(count: int) -> dict:
    """Handouts per second in one process: handouts' pipeline vs the floor script."""
    sys.path.insert(0, str(HERE))
    import floor

    from handouts.build.request import Request
    from handouts.render.pipeline import render_bytes
    from handouts.workspace.folder import load_clinic, load_default_library

    data = json.loads(floor.DATA.read_text(encoding="utf-8"))
    library, clinic = load_default_library(), load_clinic()
    request = Request("knee-dry-needling")

    def rate(make) -> float:
        make()
        start = time.perf_counter()
        for _ in range(count):
            make()
        return count / (time.perf_counter() - start)

    floor_rate = rate(lambda: floor.build(data))
    handouts_rate = rate(lambda: render_bytes(request, library, clinic))
    return {
        "floor_per_second": floor_rate,
        "handouts_per_second": handouts_rate,
        "ratio": floor_rate / handouts_rate,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer rows, for a smoke run")
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    args = parser.parse_args()
    small, rows, large = (20, 50, 200) if args.quick else (100, 500, 2000)
    report: dict = {"python": sys.version.split()[0], "cores": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        floor_cmd = [PY, str(HERE / "floor.py"), str(folder / "floor.pdf")]
        render_cmd = [*HANDOUTS, "render", "knee-dry-needling", "-o", str(folder / "h.pdf")]
        cold_floor, cold_handouts = wall(floor_cmd), wall(render_cmd)
        report["cold_ms"] = {
            "floor": cold_floor,
            "handouts": cold_handouts,
            "ratio": cold_handouts / cold_floor,
        }
        report["size_kb"] = {
            "handouts": (folder / "h.pdf").stat().st_size / 1024,
            "floor": (folder / "floor.pdf").stat().st_size / 1024,
        }
        click_ms = wall([PY, "-c", "import click"])
        help_ms = wall([*HANDOUTS, "--help"])
        report["startup_ms"] = {
            "import_click": click_ms,
            "handouts_help": help_ms,
            "ratio": help_ms / click_ms,
        }
        report["warm"] = warm(20 if args.quick else 100)
        one, two = batch(rows, 1, folder), batch(rows, 2, folder)
        report["batch"] = {
            "jobs1": one,
            "jobs2": two,
            "speedup": two["per_second"] / one["per_second"],
        }
        low, high = batch(small, 2, folder), batch(large, 2, folder)
        report["memory_mb"] = {
            f"rows_{small}": low["peak_rss_mb"],
            f"rows_{large}": high["peak_rss_mb"],
            "ratio": high["peak_rss_mb"] / low["peak_rss_mb"],
        }
    report["targets"] = {
        "cold <= 1.3x floor": report["cold_ms"]["ratio"] <= 1.3,
        "warm <= 1.3x floor": report["warm"]["ratio"] <= 1.3,
        "jobs 2 >= 1.6x jobs 1": report["batch"]["speedup"] >= 1.6,
        "--help <= 1.5x import click": report["startup_ms"]["ratio"] <= 1.5,
        "memory at large within 10% of small": report["memory_mb"]["ratio"] <= 1.10,
        "standard handout <= 80 KB": report["size_kb"]["handouts"] <= 80,
    }
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))
    print()
    print(f"{'measure':<34}{'handouts':>12}{'floor/base':>12}{'ratio':>8}")
    c, s, w = report["cold_ms"], report["startup_ms"], report["warm"]
    print(f"{'cold render, ms':<34}{c['handouts']:>12.0f}{c['floor']:>12.0f}{c['ratio']:>8.2f}")
    print(
        f"{'warm, handouts/s':<34}{w['handouts_per_second']:>12.1f}"
        f"{w['floor_per_second']:>12.1f}{w['ratio']:>8.2f}"
    )
    print(
        f"{'--help vs import click, ms':<34}{s['handouts_help']:>12.0f}"
        f"{s['import_click']:>12.0f}{s['ratio']:>8.2f}"
    )
    b = report["batch"]
    print(
        f"{f'batch {rows} rows, handouts/s (j2/j1)':<34}{b['jobs2']['per_second']:>12.1f}"
        f"{b['jobs1']['per_second']:>12.1f}{b['speedup']:>8.2f}"
    )
    m = report["memory_mb"]
    print(
        f"{f'peak MB, {large} vs {small} rows':<34}{m[f'rows_{large}']:>12.1f}"
        f"{m[f'rows_{small}']:>12.1f}{m['ratio']:>8.2f}"
    )
    print(f"{'standard handout, KB':<34}{report['size_kb']['handouts']:>12.1f}")
    for name, met in report["targets"].items():
        print(f"  {'met ' if met else 'MISS'}  {name}")


if __name__ == "__main__":
    main()
