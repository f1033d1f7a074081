"""Benchmark of the shapes that used to blow up: one hub tied to everyone, many tie rows between few actors, self-loops.

Each case runs in its own process (so that its peak memory is its own) and
prints seconds and peak resident memory:

* ``star N``: one funder funding each of ``N - 1`` actors, as a dataset folder
  (``benchmarks/_hub_data.py``): load, ``build_report``, ``Report.write``, and
  the build step by step (from the report's progress messages);
* ``star-measures N``: the measures of the Analysis on the same star, built
  straight as a :class:`~ecograph.SparseGraph` (loading a million rows is
  timed by the ``star`` case): density, components, betweenness and brokers,
  bridges, local bridges, cut points, isolated actors, two-step reach and
  the standing (connectors, cut points, who is to reach);
* ``parallel R``: ``R`` tie rows among the 45 pairs of 10 actors: the report,
  the page's size, the rows of ``gaps.xlsx`` and of the Kumu workbook;
* ``loops R``: ``R`` ties from an actor to itself among 10 actors: the report.

Targets: the star of 4,000 actors costs at most about twice the star of
2,000 (report build + write, measured in the same run), and the measures of
a star of 1,000,000 actors finish.

Usage::

    python benchmarks/hubs.py                      # every case (about 15 minutes on 2 cores, 7 of them the star of 8,000 timing out)
    python benchmarks/hubs.py --quick              # stars of 1,000 to 4,000 and 100,000 parallel rows
    python benchmarks/hubs.py --case star 4000     # one case, printed as JSON
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FULL = [
    ("star", 1_000),
    ("star", 2_000),
    ("star", 4_000),
    ("star", 8_000),
    ("star-measures", 4_000),
    ("star-measures", 1_000_000),
    ("parallel", 100_000),
    ("parallel", 1_000_000),
    ("loops", 1_000_000),
]
QUICK = [("star", 1_000), ("star", 2_000), ("star", 4_000), ("star-measures", 100_000), ("parallel", 100_000)]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def _report(folder: Path) -> dict:
    import matplotlib

    matplotlib.use("Agg")
    import ecograph as eg
    from ecograph.report import build_report

    out: dict = {}
    t0 = time.perf_counter()
    eco = eg.load(folder, on_error="collect")
    out["load_s"] = time.perf_counter() - t0
    steps: list[tuple[str, float]] = []
    t0 = time.perf_counter()
    report = build_report(eco, lang="fr", date="2026-01-01", progress=lambda m: steps.append((m, time.perf_counter())))
    out["build_s"] = time.perf_counter() - t0
    ends = [t for _, t in steps[1:]] + [t0 + out["build_s"]]
    out["steps"] = {m: round(e - s, 2) for (m, s), e in zip(steps, ends)}
    target = Path(tempfile.mkdtemp()) / "out"
    t0 = time.perf_counter()
    page = report.write(target)
    out["write_s"] = time.perf_counter() - t0
    out["page_mb"] = page.stat().st_size / 2**20
    out["files_mb"] = sum(f.stat().st_size for f in target.rglob("*") if f.is_file()) / 2**20
    out["gaps_ties_rows"] = _sheet_rows(target / "gaps.xlsx", "ties")
    out["eco"] = eco
    return out


def _sheet_rows(path: Path, sheet: str) -> int:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)  # the sheet's dimension, without reading a million rows
    try:
        return book[sheet].max_row
    finally:
        book.close()


def _star_measures(n: int) -> dict:
    import numpy as np
    import pandas as pd
    import scipy.sparse as sp

    import ecograph as eg
    from ecograph.measures.evolution import headline_measures

    leaves = np.arange(1, n)
    rows = np.concatenate([np.zeros(n - 1, dtype=np.int64), leaves])
    cols = np.concatenate([leaves, np.zeros(n - 1, dtype=np.int64)])
    adjacency = sp.csr_array((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    nodes = pd.Index(["hub", *(f"a{i}" for i in leaves)], dtype=object)
    spheres = np.array(["production", "consumption", "finance", "innovation", None], dtype=object)[np.arange(n) % 5]
    kinds = np.array(["initiative", "place", "company", "institution"], dtype=object)[np.arange(n) % 4]
    kinds[0] = "funder"
    attributes = pd.DataFrame({"kind": kinds, "sphere": spheres, "scope": "local", "name": nodes}, index=nodes)
    a = eg.Analysis(eg.SparseGraph(nodes, adjacency, attributes), seed=0)
    times = {}
    for name in ("density", "components", "brokers", "bridges", "local_bridges", "cut_points", "isolated", "two_step_reach", "standing"):
        t0 = time.perf_counter()
        value = getattr(a, name) if name != "components" else headline_measures(a.sparse)
        times[name] = round(time.perf_counter() - t0, 2)
    standing = a.standing
    return {
        "measures_s": sum(times.values()),
        "steps": times,
        "connectors": int(standing["connector"].sum()),
        "cut_points": int(standing["cut_point"].sum()),
        "to_reach": int(standing["to_reach"].sum()),
        "hub_betweenness": float(a.betweenness.iloc[0]),
        "betweenness_method": a.betweenness.attrs.get("method"),
        "_": str(type(value)),
    }


def run_case(kind: str, size: int) -> dict:
    """One case in this process: its measurements."""
    sys.path.insert(0, str(HERE))
    import _hub_data as hub_data

    t_start = time.perf_counter()
    if kind == "star-measures":
        result = _star_measures(size)
    else:
        tables = {"star": hub_data.star, "parallel": hub_data.parallel, "loops": hub_data.loops}[kind](size)
        folder = hub_data.write(Path(tempfile.mkdtemp()) / kind, *tables)
        result = _report(folder)
        eco = result.pop("eco")
        if kind == "parallel":
            from ecograph.interop.kumu import write_kumu_xlsx

            t0 = time.perf_counter()
            path = write_kumu_xlsx(eco, Path(tempfile.mkdtemp()) / "kumu.xlsx")
            result["kumu_s"] = time.perf_counter() - t0
            result["kumu_connection_rows"] = _sheet_rows(path, "Connections")
        result["total_s"] = result["build_s"] + result["write_s"]
    result.update({"case": kind, "size": size, "wall_s": time.perf_counter() - t_start, "peak_mb": _peak_mb()})
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", nargs=2, metavar=("KIND", "SIZE"))
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--timeout", type=int, default=420, help="seconds a case may take (the star of 8,000 needs more: its worklist)")
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case[0], int(args.case[1]))))
        return 0
    sys.path.insert(0, str(HERE))
    from _common import finish

    results = {}
    for kind, size in QUICK if args.quick else FULL:
        try:
            done = subprocess.run(
                [sys.executable, __file__, "--case", kind, str(size)], capture_output=True, text=True, timeout=args.timeout, check=True
            )
            results[kind, size] = json.loads(done.stdout.strip().splitlines()[-1])
        except subprocess.TimeoutExpired:
            results[kind, size] = {"case": kind, "size": size, "timeout": args.timeout}
        except subprocess.CalledProcessError as exc:
            results[kind, size] = {"case": kind, "size": size, "error": exc.stderr.strip().splitlines()[-1]}
        print(json.dumps(results[kind, size]), flush=True)
    lines = [
        "| case | size | load s | build s | write s | build + write s | peak MB | notes |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for (kind, size), r in results.items():
        if "timeout" in r or "error" in r:
            lines.append(f"| {kind} | {size:,} | | | | | | {r.get('error') or 'over ' + str(r['timeout']) + ' s'} |")
            continue
        if kind == "star-measures":
            slow = sorted(r["steps"].items(), key=lambda kv: -kv[1])[:3]
            note = f"{r['betweenness_method']} betweenness; slowest: " + ", ".join(f"{k} {v:.1f} s" for k, v in slow)
            lines.append(f"| {kind} | {size:,} | | {r['measures_s']:.1f} | | {r['measures_s']:.1f} | {r['peak_mb']:,.0f} | {note} |")
            continue
        slow = sorted(r["steps"].items(), key=lambda kv: -kv[1])[:2]
        note = f"page {r['page_mb']:.1f} MB; gaps.xlsx ties {r['gaps_ties_rows']:,} rows"
        if "kumu_s" in r:
            note += f"; Kumu xlsx {r['kumu_s']:.0f} s, {r['kumu_connection_rows']:,} rows"
        note += "; slowest: " + ", ".join(f"{k.split(' ...')[0][:28]} {v:.1f} s" for k, v in slow)
        lines.append(
            f"| {kind} | {size:,} | {r['load_s']:.1f} | {r['build_s']:.1f} | {r['write_s']:.1f} | {r['total_s']:.1f} | {r['peak_mb']:,.0f} | {note} |"
        )
    failures = []
    two, four = results.get(("star", 2_000), {}), results.get(("star", 4_000), {})
    if "total_s" in two and "total_s" in four:
        ratio = four["total_s"] / two["total_s"]
        lines.append(f"\nStar of 4,000 / star of 2,000 (build + write): {ratio:.2f}×")
        if ratio > 2.2:
            failures.append(f"star 4,000 / 2,000 = {ratio:.2f}× (target about 2×)")
    big = results.get(("star-measures", 1_000_000))
    if big is not None and "measures_s" not in big:
        failures.append("the measures of a star of 1,000,000 actors did not finish")
    return finish(lines, failures)


if __name__ == "__main__":
    sys.exit(main())
