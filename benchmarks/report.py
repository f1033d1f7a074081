"""Benchmark of the steering-committee report on synthetic ecosystems, on one core and on two.

Times ``build_report`` (one Brief: every measure, the worklist, key players,
robustness and null models, the view and figures) and ``Report.write`` (the
page, the gaps workbook, the tables as CSV and workbook, the figures), build
and write together, each size in a fresh process (imports not counted:
ecograph, igraph, matplotlib and openpyxl are loaded before the clock
starts, as in a notebook that reruns the report after a wave of answers):

* one core: ``taskset -c 0`` and ``ECOGRAPH_BACKGROUND=0`` (everything in one
  process on one core, as on a one-core laptop);
* two cores: the null models of a large network on the second core.

Targets on one core: 1,000 actors under 3 s, 10,000 under 10 s, 100,000
under 60 s (PASS or MISSED). Each time is given twice: wall-clock and the
CPU time of the process (what the wall-clock time is on an idle core). On a
shared machine the wall-clock times are inflated by the other programs: the
verdict then reads the CPU time (``--judge cpu``), and ``--compare SRC``
times another source tree (e.g. the main branch's ``src``) in the same run,
size by size, and prints the ratio of CPU times.

Usage::

    python benchmarks/report.py [--sizes 1000 10000 100000] [--no-two-cores] [--compare ../main/src] [--steps] [--judge cpu]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import finish

#: Seconds allowed on one core, build and write together.
TARGETS = {1_000: 3.0, 10_000: 10.0, 100_000: 60.0}
SRC = Path(__file__).resolve().parents[1] / "src"


def child(n: int) -> None:
    """Build and write the report of a synthetic ecosystem of ``n`` actors; print the times as JSON."""
    import matplotlib

    matplotlib.use("Agg")
    import igraph  # noqa: F401 - imported before the clock, as in a session that has already made a report
    import matplotlib.pyplot
    import openpyxl  # noqa: F401

    import ecograph as eg
    from ecograph.report import build_report

    eco = eg.datasets.synthetic(n, seed=0)
    steps: list[tuple[str, float]] = []
    t0, c0 = time.perf_counter(), time.process_time()
    report = build_report(eco, lang="fr", date="2026-01-01", progress=lambda message: steps.append((message, time.process_time())))
    t_build, c_build = time.perf_counter() - t0, time.process_time() - c0
    ends = [t for _, t in steps[1:]] + [c0 + c_build]
    t1, c1 = time.perf_counter(), time.process_time()
    page = report.write(Path(tempfile.mkdtemp()))
    t_write, c_write = time.perf_counter() - t1, time.process_time() - c1
    print(
        json.dumps(
            {
                "build": t_build,
                "write": t_write,
                "cpu_build": c_build,
                "cpu_write": c_write,
                "mb": page.stat().st_size / 2**20,
                "steps": [[message, end - start] for (message, start), end in zip(steps, ends)],
            }
        )
    )


def measure(n: int, *, one_core: bool, src: Path) -> dict:
    """Run :func:`child` in a fresh process (on core 0 alone, or on every core) with ``src`` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, __file__, "--child", str(n)]
    if one_core:
        env["ECOGRAPH_BACKGROUND"] = "0"
        command = ["taskset", "-c", "0", *command]
    else:
        env.pop("ECOGRAPH_BACKGROUND", None)
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--no-two-cores", action="store_true", help="time on one core only")
    parser.add_argument("--compare", type=Path, help="another source tree, timed in the same run on one core")
    parser.add_argument("--steps", action="store_true", help="print the build step by step (CPU seconds)")
    parser.add_argument("--judge", choices=["wall", "cpu"], default="wall", help="the clock the one-core verdict reads")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    head = "| actors | one core: build s | write s | total s | CPU s | target s | one core | two cores s | page MB |"
    rule = "|---:|---:|---:|---:|---:|---:|---|---:|---:|"
    if args.compare:
        head, rule = head + " compared: total s | CPU s | CPU ratio |", rule + "---:|---:|---:|"
    lines, failures = [head, rule], []
    for n in args.sizes:
        one = measure(n, one_core=True, src=SRC)
        total, cpu = one["build"] + one["write"], one["cpu_build"] + one["cpu_write"]
        target = TARGETS.get(n)
        judged = cpu if args.judge == "cpu" else total
        verdict = "–" if target is None else "PASS" if judged <= target else "MISSED"
        if verdict == "MISSED":
            failures.append(f"{n:,} actors on one core: {judged:.1f} s ({args.judge}; target {target:.0f} s)")
        two = "–" if args.no_two_cores else f"{sum(measure(n, one_core=False, src=SRC)[k] for k in ('build', 'write')):.1f}"
        line = f"| {n:,} | {one['build']:.1f} | {one['write']:.1f} | {total:.1f} | {cpu:.1f} | {target or '–'} | {verdict} | {two} | {one['mb']:.1f} |"
        if args.compare:
            other = measure(n, one_core=True, src=args.compare.resolve())
            other_cpu = other["cpu_build"] + other["cpu_write"]
            line += f" {other['build'] + other['write']:.1f} | {other_cpu:.1f} | {cpu / other_cpu:.2f} |"
        lines.append(line)
        print(line, flush=True)
        if args.steps:
            for message, seconds in one["steps"]:
                print(f"    {message:<45} {seconds:6.1f} s CPU", flush=True)
            print(f"    {'write':<45} {one['cpu_write']:6.1f} s CPU", flush=True)
    lines.append(f"\nVerdict read on the {'CPU' if args.judge == 'cpu' else 'wall-clock'} time of the one-core run.")
    return finish(lines, failures)


if __name__ == "__main__":
    sys.exit(main())
