"""Benchmark of the report's presenter: how long each step of a walk takes to show on a large network.

It builds the report of a synthetic ecosystem (5,000 actors by default: the
report's view draws every actor, with WebGL), with the walk drafted from its
brief, opens the page in headless Chromium (Debian's, a fresh profile, the
network cut), enters the presenter and moves through every step with the
arrow key, forwards then backwards. Each step is timed by the page itself
(``window.__egWalkTimes``): from the moment the presenter asks the view for
the step until the view has applied it (focus, dimming, filters, camera,
year) and the next frame is painted. Prints the time of each step, the
median and the maximum.

Usage::

    python benchmarks/present.py [--actors 5000] [--rounds 2] [--out FILE.md]

Target (checked, from issue 20): the median step under 300 ms at 5,000 actors.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from _common import finish
from browser import browser, open_page

import ecograph as eg
from ecograph.report import build_report

TARGET_MS = 300


def step_times(path: Path, rounds: int) -> tuple[list[tuple[int, float]], str, int]:
    """Each step shown ``(step, ms)``, forwards then backwards ``rounds`` times; the renderer; the number of steps."""
    with browser() as b, open_page(b, path, width=1280, height=720) as p:
        page = p.page
        page.click("#walk-open")
        page.wait_for_function("() => window.__egWalkTimes.length >= 1", timeout=180_000)  # the first step, once the view is drawn
        n = page.locator(".walk-step").count()
        frame = next(f for f in page.frames if f != page.main_frame)
        renderer = frame.evaluate("() => window.egView.renderer")
        keys = (["ArrowRight"] * (n - 1) + ["ArrowLeft"] * (n - 1)) * rounds
        for shown, key in enumerate(keys, 2):
            page.keyboard.press(key)
            page.wait_for_function(f"() => window.__egWalkTimes.length >= {shown}", timeout=60_000)
        times = page.evaluate("() => window.__egWalkTimes.map((t) => [t.step, t.ms])")
        assert p.requests == [] and p.errors == [], (p.requests, p.errors)
    return [(int(s), float(ms)) for s, ms in times[1:]], renderer, n  # the first step waited for the first drawing: left out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actors", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=2, help="forward and back passes through the walk")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    eco = eg.datasets.synthetic(args.actors, seed=0)
    t0 = time.perf_counter()
    report = build_report(eco, lang="en", date="2026-01-01")
    print(f"{args.actors:,} actors: report built in {time.perf_counter() - t0:.1f} s", flush=True)
    path = Path(tempfile.mkdtemp()) / "report.html"
    path.write_text(report.html, encoding="utf-8")
    times, renderer, n = step_times(path, args.rounds)
    for step, ms in times:
        print(f"  step {step:>2} / {n}: {ms:6.1f} ms", flush=True)
    values = [ms for _, ms in times]
    median, worst = statistics.median(values), max(values)
    verdict = "PASS" if median < TARGET_MS else "MISSED"
    print(f"median {median:.1f} ms, max {worst:.1f} ms over {len(values)} steps: {verdict} (target: median under {TARGET_MS} ms)")
    lines = [
        f"Machine: {platform.machine()}, Python {platform.python_version()}; headless Chromium (software WebGL), 1280×720.",
        "",
        "| actors | view drawn with | steps in the walk | steps timed | median ms | max ms | median under 300 ms |",
        "|---:|---|---:|---:|---:|---:|---|",
        f"| {args.actors:,} | {renderer} | {n} | {len(values)} | {median:.0f} | {worst:.0f} | {verdict} |",
    ]
    failures = [] if median < TARGET_MS else [f"{args.actors:,} actors: median step {median:.0f} ms (target {TARGET_MS} ms)"]
    return finish(lines, failures, args.out)


if __name__ == "__main__":
    sys.exit(main())
