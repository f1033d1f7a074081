"""Benchmark of the steering-committee report on synthetic ecosystems.

Times ``build_report`` (one Brief: every measure, the worklist, key players,
robustness and null models, the view and figures) and ``Report.write`` (the
page, the gaps workbook, the tables as CSV and workbook, the figures) and
prints the size of the page. Target on a 2-core machine: a 100,000-actor
ecosystem in under two minutes, build and write together.

Usage::

    python benchmarks/report.py [--sizes 1000 10000 100000]
    ECOGRAPH_BACKGROUND=0 python benchmarks/report.py --sizes 100000   # everything in one process

Each size also prints the build step by step (from the report's progress
messages) and whether the null models ran on the second core.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from _common import finish

import ecograph as eg
from ecograph.measures.analysis import RANKING_CHECK_LIMIT
from ecograph.measures.background import background_available
from ecograph.report import build_report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    args = parser.parse_args()
    lines = ["| actors | build s | write s | total s | report.html MB |", "|---:|---:|---:|---:|---:|"]
    failures = []
    for n in args.sizes:
        eco = eg.datasets.synthetic(n, seed=0)
        steps: list[tuple[str, float]] = []  # each step of the build, timed from the report's own progress messages

        def step(message: str, steps: list = steps) -> None:
            steps.append((message, time.perf_counter()))

        t0 = time.perf_counter()
        report = build_report(eco, lang="fr", date="2026-01-01", progress=step)
        t_build = time.perf_counter() - t0
        ends = [t for _, t in steps[1:]] + [t0 + t_build]
        where = "on the second core" if n > RANKING_CHECK_LIMIT and background_available() else "in this process"
        print(f"{n:,} actors, build by step (null models {where}):", flush=True)
        for (message, start), end in zip(steps, ends):
            print(f"  {message:<45} {end - start:6.1f} s", flush=True)
        out = Path(tempfile.mkdtemp())
        t0 = time.perf_counter()
        page = report.write(out)
        t_write = time.perf_counter() - t0
        total = t_build + t_write
        mb = page.stat().st_size / 2**20
        print(f"{n:,} actors: build {t_build:.1f} s, write {t_write:.1f} s, page {mb:.1f} MB", flush=True)
        lines.append(f"| {n:,} | {t_build:.1f} | {t_write:.1f} | {total:.1f} | {mb:.1f} |")
        if n == 100_000 and total > 120:
            failures.append(f"100,000 actors: {total:.1f} s (target 120 s)")
    return finish(lines, failures)


if __name__ == "__main__":
    sys.exit(main())
