"""Benchmark of the interactive views: layouts (time and how well they show communities), page size, first draw.

For synthetic ecosystems of 200 to 20,000 actors it times the layout the
views use (community-aware) and the one they used before
(Fruchterman–Reingold), measures how well each keeps the detected
communities apart (mean silhouette of the Leiden communities in layout
coordinates: above 0 they separate, below 0 they overlap), builds the view
and its page, measures the HTML file, and opens it in headless Chromium
(Debian's, network cut) to time the first draw: from navigation start until
every actor is drawn, with its names, and the page answers (WebGL pages wait
for the GPU). A last row draws 20,000 actors and 80,000 ties (the synthetic
ecosystem's ties plus random ones within communities) to check the WebGL
target.

Usage::

    python benchmarks/views.py [--sizes 200 1000 2000 5000 20000] [--no-dense] [--out FILE.md]

Targets (checked): where Fruchterman–Reingold's silhouette is below 0, the
default layout's is at least +0.25; 5,000 actors laid out in under 5 s;
20,000 actors and 80,000 ties drawn one by one in under 3 s.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from _common import finish
from browser import browser, open_page

import ecograph as eg
from ecograph.views.layout import silhouette


def dense(G: nx.Graph, ties: int, communities: eg.Communities, seed: int = 0) -> nx.Graph:
    """G with random ties added inside communities until it has ``ties`` ties."""
    rng = np.random.default_rng(seed)
    H = G.copy()
    groups = [sorted(m, key=str) for m in communities.communities() if len(m) > 2]
    sizes = np.array([len(m) for m in groups], dtype=float)
    while H.number_of_edges() < ties:
        members = groups[rng.choice(len(groups), p=sizes / sizes.sum())]
        a, b = rng.choice(len(members), 2, replace=False)
        H.add_edge(members[a], members[b], types=["partnership"], n_ties=1, weight=1.0)
    return H


def first_draw(b, path: Path, runs: int = 3) -> float:
    draws = []
    for _ in range(runs):
        with open_page(b, path) as p:
            p.page.wait_for_selector("body[data-drawn='1']", timeout=180_000)
            draws.append(p.page.evaluate("() => window.__egFirstDraw") / 1000)
            assert p.requests == [] and p.errors == [], (p.requests, p.errors)
    return sorted(draws)[len(draws) // 2]


def measure(b, G: nx.Graph, label: str, folder: Path) -> tuple:
    S = eg.as_sparse(G)
    comms = eg.detect_communities(S, seed=0)
    sample = 4000 if S.n > 5000 else None
    t0 = time.perf_counter()
    old = eg.layout(S, method="fruchterman_reingold", seed=0)
    t_old = time.perf_counter() - t0
    t0 = time.perf_counter()
    new = eg.layout(S, communities=comms, seed=0)
    t_new = time.perf_counter() - t0
    s_old, s_new = silhouette(old, comms, sample=sample), silhouette(new, comms, sample=sample)
    t0 = time.perf_counter()
    v = eg.view(G, layout=new, seed=0)
    path = v.write_html(folder / f"view-{label}.html")
    t_build = time.perf_counter() - t0
    mb = path.stat().st_size / 2**20
    draw = first_draw(b, path)
    row = (label, S.n, S.m, t_old, t_new, s_old, s_new, v.renderer, t_build, mb, draw)
    print(
        f"{label}: FR {t_old:.2f} s (silhouette {s_old:+.2f}), communities {t_new:.2f} s ({s_new:+.2f}), "
        f"{v.renderer}, view+page {t_build:.2f} s, {mb:.1f} MB, first draw {draw:.2f} s",
        flush=True,
    )
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1_000, 2_000, 5_000, 20_000])
    parser.add_argument("--no-dense", action="store_true", help="skip the 20,000 actors / 80,000 ties row")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    rows = []
    with browser() as b:
        for n in args.sizes:
            rows.append(measure(b, eg.datasets.synthetic(n, seed=0).graph(provenance=False), f"{n:,}", folder))
        if not args.no_dense:
            G = eg.datasets.synthetic(20_000, seed=0).graph(provenance=False)
            rows.append(measure(b, dense(G, 80_000, eg.detect_communities(G, seed=0)), "20,000 + ties", folder))
    lines = [
        f"Machine: {platform.machine()}, Python {platform.python_version()}; headless Chromium (software WebGL).",
        "",
        "| actors | ties | FR layout s | FR silhouette | layout s | silhouette | drawn with | view and page s | HTML MB | first draw s (median of 3) |",
        "|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|",
    ]
    lines += [
        f"| {n:,} | {m:,} | {to:.2f} | {so:+.2f} | {tn:.2f} | {sn:+.2f} | {r} | {tb:.2f} | {mb:.1f} | {d:.2f} |"
        for _label, n, m, to, tn, so, sn, r, tb, mb, d in rows
    ]
    failures = []
    for label, n, m, _to, tn, so, sn, _r, _tb, _mb, d in rows:
        if so < 0 and sn < 0.25:
            failures.append(f"{label}: silhouette {sn:+.2f} where Fruchterman-Reingold gives {so:+.2f} (target +0.25)")
        if n == 5_000 and tn > 5:
            failures.append(f"5,000 actors: layout {tn:.2f} s (target 5)")
        if n >= 20_000 and m >= 80_000 and d > 3:
            failures.append(f"{n:,} actors and {m:,} ties: first draw {d:.2f} s (target 3)")
    return finish(lines, failures, args.out)


if __name__ == "__main__":
    sys.exit(main())
