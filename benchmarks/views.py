"""Benchmark of the interactive views: layout time, page size, time to first draw.

For 200, 1,000, 5,000 and 20,000 actors (synthetic ecosystems), it times the
seeded layout, the building of the view and the page, measures the HTML file,
and opens it in headless Chromium (Debian's, network cut) to time the first
draw (from navigation start to vis-network's first ``afterDrawing``). Above
``ecograph.views.AGGREGATE_ABOVE`` actors the view shows one node per
community; the script says which form it drew.

Usage::

    python benchmarks/views.py [--sizes 200 1000 5000 20000] [--out FILE.md]

Targets on a 2-core machine: 5,000 actors drawn in under 3 s after opening,
layout under 5 s; above the threshold, first draw under 2 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from _common import finish
from browser import browser, open_page

import ecograph as eg


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1_000, 5_000, 20_000])
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    rows = []
    folder = Path(tempfile.mkdtemp())
    with browser() as b:
        for n in args.sizes:
            eco = eg.datasets.synthetic(n, seed=0)
            G = eco.graph(provenance=False)
            t0 = time.perf_counter()
            aggregated = n > eg.views.AGGREGATE_ABOVE
            pos = None if aggregated else eg.layout(G, seed=0)
            t_layout = time.perf_counter() - t0
            t0 = time.perf_counter()
            v = eg.view(G, layout=pos, seed=0)
            path = v.write_html(folder / f"view-{n}.html")
            t_build = time.perf_counter() - t0
            size_mb = path.stat().st_size / 2**20
            draws = []
            for _ in range(3):
                with open_page(b, path) as p:
                    p.page.wait_for_selector("body[data-drawn='1']", timeout=120_000)
                    draws.append(p.page.evaluate("() => window.__egFirstDraw") / 1000)
                    assert p.requests == [], p.requests
            draw = sorted(draws)[1]
            form = f"communities ({len(v.nodes)} nodes)" if aggregated else "actors"
            rows.append((n, form, t_layout, t_build, size_mb, draw))
            print(
                f"{n:>7,} actors, {form}: layout {t_layout:.2f} s, view+page {t_build:.2f} s, {size_mb:.1f} MB, first draw {draw:.2f} s",
                flush=True,
            )
    lines = ["| actors | drawn as | layout s | view and page s | HTML MB | first draw s (median of 3) |", "|---:|---|---:|---:|---:|---:|"]
    lines += [f"| {n:,} | {form} | {lay:.2f} | {build:.2f} | {mb:.1f} | {draw:.2f} |" for n, form, lay, build, mb, draw in rows]
    failures = []
    for n, form, lay, _build, _, draw in rows:
        if n == 5_000 and (draw > 3 or lay > 5):
            failures.append(f"5,000 actors: layout {lay:.2f} s (target 5), first draw {draw:.2f} s (target 3)")
        if form.startswith("communities") and draw > 2:
            failures.append(f"{n:,} actors (communities): first draw {draw:.2f} s (target 2)")
    return finish(lines, failures, args.out)


if __name__ == "__main__":
    sys.exit(main())
