"""Benchmark of the route most users take: ``G = eco.graph()``, then ``eg.<measure>(G)``.

Two comparisons, each measured in the same run:

1. **Building the networkx graph** from the tables: ``eco.graph()`` (one
   edge per pair of actors, every tie kept as a record on it, people links
   included) against a plain networkx build of the same tables (one node per
   actor with its row as attributes, one ``add_edges_from`` with each tie's row
   as attributes). Target: at most 2x, at 100,000 and 1,000,000 actors.
2. **The measure suite on G**: density, E-I index, block density,
   communities, modularity, bridges, local bridges, cut points, brokers,
   isolated actors and headline measures called on the networkx graph ``G``
   (ecograph converts it once and keeps the sparse form in
   ``G.__networkx_cache__``), against python-igraph doing the same work on an
   igraph graph built beforehand (its build is not counted; neither is
   ``eco.graph()``). igraph has no single call for block density, E-I and the
   headline measures: they are timed for ecograph but left out of the ratio.
   Target: within 1.5x of igraph at 100,000 actors.

Usage::

    python benchmarks/networkx_route.py                      # 10,000, 100,000 and 1,000,000 actors
    python benchmarks/networkx_route.py --sizes 10000 100000
    python benchmarks/networkx_route.py --out outputs/benchmarks/networkx_route.md
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

import igraph as ig
import networkx as nx
from _common import finish
from measures import ig_bridges, ig_isolated, ig_local_bridges

import ecograph as eg


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    gc.collect()
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def plain_networkx(eco: eg.Ecosystem) -> nx.Graph:
    """The same tables as a networkx graph, the way a networkx user would write it."""
    G = nx.Graph()
    G.add_nodes_from(eco.actors.to_dict("index").items())
    ties = eco.ties
    G.add_edges_from(zip(ties["source"], ties["target"], ties.drop(columns=["source", "target"]).to_dict("records")))
    return G


def igraph_of(G: nx.Graph) -> ig.Graph:
    """An igraph graph of G's structure (what an igraph user would have built from the tables)."""
    index = {node: i for i, node in enumerate(G)}
    return ig.Graph(n=len(index), edges=[(index[a], index[b]) for a, b in G.edges()])


def run_size(n: int, seed: int) -> dict:
    print(f"\n== {n:,} actors ==", flush=True)
    eco = eg.datasets.synthetic(n, seed=seed)
    eco.people_links()  # derived once per ecosystem; not part of either build
    t_plain, P = timed(lambda: plain_networkx(eco))
    del P
    t_ours, G = timed(eco.graph)
    print(f"  build: eco.graph() {t_ours:.2f} s, plain networkx {t_plain:.2f} s, ratio {t_ours / t_plain:.2f}", flush=True)
    g = igraph_of(G)
    sources = list(range(min(256, G.number_of_nodes())))
    ours: dict[str, Callable[[], object]] = {
        "density": lambda: eg.density(G),
        "communities (Leiden)": lambda: eg.detect_communities(G, seed=0),
        "modularity": lambda: eg.modularity(G, state["comms"]),
        "bridges": lambda: eg.bridges(G),
        "local bridges": lambda: eg.local_bridges(G, with_span=False),
        "cut points": lambda: eg.cut_points(G),
        "brokers": lambda: eg.brokers(G, seed=0),
        "isolated actors": lambda: eg.isolated_actors(G),
    }
    theirs: dict[str, Callable[[], object]] = {
        "density": g.density,
        "communities (Leiden)": lambda: g.community_leiden(objective_function="modularity", n_iterations=2),
        "modularity": lambda: g.modularity(state["comms"].membership.tolist()),
        "bridges": lambda: ig_bridges(g),
        "local bridges": lambda: ig_local_bridges(g),
        "cut points": lambda: g.biconnected_components(return_articulation_points=True),
        "brokers": lambda: (g.as_directed(mode="mutual").betweenness(directed=True, sources=sources), g.constraint(), g.list_triangles()),
        "isolated actors": lambda: ig_isolated(g),
    }
    extra = {"E-I index": lambda: eg.ei_index(G), "block density": lambda: eg.block_density(G), "headline": lambda: eg.headline_measures(G)}
    state: dict = {}
    t_suite = t_ig = 0.0
    for name, fn in ours.items():
        dt, out = timed(fn)
        if name == "communities (Leiden)":
            state["comms"] = out
        di, _ = timed(theirs[name])
        t_suite += dt
        t_ig += di
        print(f"  {name:<22} ecograph on G {dt:7.2f} s   igraph {di:7.2f} s", flush=True)
    t_extra = 0.0
    for name, fn in extra.items():
        dt, _ = timed(fn)
        t_extra += dt
        print(f"  {name:<22} ecograph on G {dt:7.2f} s   (no igraph call)", flush=True)
    print(f"  suite: ecograph on G {t_suite:.2f} s, igraph {t_ig:.2f} s, ratio {t_suite / t_ig:.2f}", flush=True)
    return {"n": n, "build": t_ours, "plain": t_plain, "suite": t_suite, "igraph": t_ig, "extra": t_extra, "ties": len(eco.ties)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, help="also write the Markdown table to this file")
    args = parser.parse_args()
    results = [run_size(n, args.seed) for n in args.sizes]
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"networkx {nx.__version__}, igraph {ig.__version__}.",
        "",
        "| actors | ties | eco.graph() s | plain networkx s | ratio | suite on G s | igraph s | ratio | E-I, block density, headline s |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    failures = []
    for r in results:
        build_ratio, suite_ratio = r["build"] / r["plain"], r["suite"] / r["igraph"]
        lines.append(
            f"| {r['n']:,} | {r['ties']:,} | {r['build']:.2f} | {r['plain']:.2f} | {build_ratio:.2f} | "
            f"{r['suite']:.2f} | {r['igraph']:.2f} | {suite_ratio:.2f} | {r['extra']:.2f} |"
        )
        if r["n"] >= 100_000 and build_ratio > 2:
            failures.append(f"{r['n']:,} actors: eco.graph() is {build_ratio:.2f}x a plain networkx build (target 2x)")
        if r["n"] == 100_000 and suite_ratio > 1.5:
            failures.append(f"100,000 actors: the suite on G is {suite_ratio:.2f}x igraph (target 1.5x)")
    return finish(lines, failures, args.out)


if __name__ == "__main__":
    sys.exit(main())
