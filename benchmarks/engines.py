"""Benchmark of the engines: the measure suite with igraph and with NetworKit, as ratios to igraph in the same run.

For each size, each engine runs in a process of its own (so that its peak
memory is its own): it generates the calibrated synthetic ecosystem, builds
the SparseGraph straight from the tables, then times the suite of
``benchmarks/measures.py`` (every measure of the million-actor suite) plus
the engine's own routines (components, k-core shells, degrees), passing
``engine=`` wherever a measure takes one: components, k-cores, degrees,
Leiden, sampled betweenness (inside ``brokers``) and isolated actors. The
graph each engine needs (igraph's, and NetworKit's as well for NetworKit,
whose suite still uses igraph for triangles, bridges and cut points) is
built inside the timings. Ratios below 1 mean NetworKit is faster.

It then checks that the engines agree (components identical, Leiden
modularity within 1%, the top 20 brokers shared) and says how far one
machine goes: the largest ecosystem whose suite fits in 24 GiB, extrapolated
linearly from the largest size measured (said so when extrapolated).

Usage::

    python benchmarks/engines.py                          # 1,000,000 and 4,000,000 actors
    python benchmarks/engines.py --sizes 100000 1000000   # quicker
    python benchmarks/engines.py --out outputs/benchmarks/engines.md
    python benchmarks/engines.py --sizes 1000000 --keep /tmp/engines   # then --sizes 1000000 4000000 --keep /tmp/engines

Target (issue 21): at 1,000,000 actors, NetworKit's suite in at most half of
igraph's time on the same machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from _common import finish
from measures import timed

import ecograph as eg
from ecograph.measures.engines import get_engine
from ecograph.sparse import igraph_module

#: Memory of the machine the question "how far does one machine go" is asked for.
MACHINE_GIB = 24


def suite(eco: eg.Ecosystem, engine_name: str, state: dict) -> dict[str, Callable[[], object]]:
    """The measures timed, in order: ``benchmarks/measures.py``'s suite with ``engine=`` where a measure takes it."""
    engine = get_engine(engine_name)
    S = lambda: state["S"]  # noqa: E731

    def build() -> None:
        state["S"] = eco.sparse_graph()

    def engine_graph() -> None:
        S().igraph()  # bridges, cut points and triangles run on igraph with either engine
        if engine_name == "networkit":
            engine.graph(S())

    def communities() -> None:
        state["comms"] = eg.detect_communities(S(), seed=0, engine=engine)

    def brokers() -> None:
        state["brokers"] = eg.brokers(S(), seed=0, engine=engine)

    return {
        "build graph": build,
        "engine graph": engine_graph,
        "components": lambda: state.__setitem__("components", engine.components(S())),
        "k-core": lambda: engine.core_numbers(S()),
        "degree": lambda: engine.degrees(S()),
        "density": lambda: eg.density(S()),
        "block density": lambda: eg.block_density(S()),
        "E-I index": lambda: eg.ei_index(S()),
        "communities (Leiden)": communities,
        "modularity": lambda: eg.modularity(S(), state["comms"]),
        "bridges": lambda: eg.bridges(S()),
        "local bridges": lambda: eg.local_bridges(S(), with_span=False),
        "cut points": lambda: eg.cut_points(S()),
        "brokers": brokers,
        "isolated actors": lambda: eg.isolated_actors(S(), engine=engine),
        "people flows": lambda: eg.people_flows(eco),
        "headline measures": lambda: eg.headline_measures(S()),
    }


def child(n: int, engine_name: str, seed: int, out: Path) -> None:
    """Run the suite for one size and one engine; write the timings and what the agreement needs to ``out``."""
    igraph_module()  # imports (igraph loads matplotlib) are not part of the suite
    get_engine(engine_name)
    t0 = time.perf_counter()
    eco = eg.datasets.synthetic(n, seed=seed)
    generate = time.perf_counter() - t0
    state: dict = {}
    rows = {}
    for name, fn in suite(eco, engine_name, state).items():
        seconds, peak, _ = timed(fn)
        rows[name] = {"seconds": seconds, "peak_mb": peak / 2**20}
        print(f"  {engine_name:<9} {name:<22} {seconds:8.2f} s {peak / 2**20:8.0f} MB", file=sys.stderr, flush=True)
    b = state["brokers"]
    np.save(out.with_suffix(".components.npy"), state["components"])
    result = {
        "n": n,
        "m": state["S"].m,
        "engine": engine_name,
        "generate": generate,
        "rows": rows,
        "peak_gib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 2**30,
        "modularity": state["comms"].modularity,
        "top20": [str(x) for x in b.index[:20]],
        "betweenness": {k: b.attrs.get(k) for k in ("method", "samples", "epsilon", "delta", "engine", "settled")},
    }
    out.write_text(json.dumps(result), encoding="utf-8")


def run(n: int, engine_name: str, seed: int, folder: Path, *, reuse: bool = False) -> dict:
    out = folder / f"{engine_name}-{n}.json"
    if not (reuse and out.exists()):
        command = [sys.executable, __file__, "--child", str(n), engine_name, "--seed", str(seed), "--folder", str(folder)]
        subprocess.run(command, check=True)
    result = json.loads(out.read_text(encoding="utf-8"))
    result["components"] = np.load(out.with_suffix(".components.npy"))
    result["total"] = sum(r["seconds"] for r in result["rows"].values())
    return result


def agreement(ig: dict, nk: dict) -> dict:
    return {
        "components": bool(np.array_equal(ig["components"], nk["components"])),
        "modularity_gap": abs(nk["modularity"] - ig["modularity"]) / ig["modularity"],
        "top20_shared": len(set(ig["top20"]) & set(nk["top20"])),
    }


def reach(results: dict, engine_name: str) -> tuple[int, str]:
    """Largest ecosystem whose suite fits in :data:`MACHINE_GIB`, extrapolated along the line through the two largest sizes measured."""
    sizes = sorted(n for (n, e) in results if e == engine_name)
    largest = results[(sizes[-1], engine_name)]
    if largest["peak_gib"] > MACHINE_GIB:
        return sizes[-1], "measured: over"
    if len(sizes) < 2:
        return int(largest["n"] * MACHINE_GIB / largest["peak_gib"]), f"extrapolated in proportion from {largest['n']:,}"
    before = results[(sizes[-2], engine_name)]
    per_actor = (largest["peak_gib"] - before["peak_gib"]) / (largest["n"] - before["n"])
    actors = largest["n"] + (MACHINE_GIB - largest["peak_gib"]) / per_actor
    return int(actors), f"extrapolated from {before['n']:,} and {largest['n']:,}: {per_actor * 2**30 / 1e3:.1f} kB per actor"


def table(results: dict, sizes: list[int]) -> tuple[list[str], list[str]]:
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"igraph {__import__('igraph').__version__}, networkit {__import__('networkit').__version__} "
        f"({__import__('networkit').getMaxNumberOfThreads()} threads). Each engine in its own process, one after the other.",
        "",
        "| actors | measure | igraph s | networkit s | ratio | igraph peak MB | networkit peak MB |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    failures = []
    for n in sizes:
        ig, nk = results[(n, "igraph")], results[(n, "networkit")]
        for name, r in ig["rows"].items():
            other = nk["rows"][name]
            ratio = other["seconds"] / r["seconds"] if r["seconds"] > 0 else float("nan")
            lines.append(
                f"| {n:,} | {name} | {r['seconds']:.2f} | {other['seconds']:.2f} | {ratio:.2f} | {r['peak_mb']:.0f} | {other['peak_mb']:.0f} |"
            )
    lines += [
        "",
        "| actors | ties | igraph suite s | networkit suite s | ratio | igraph peak GiB | networkit peak GiB | components identical | modularity gap | top 20 shared | betweenness error ε (igraph / networkit) | igraph sources |",
        "|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|---:|",
    ]
    for n in sizes:
        ig, nk = results[(n, "igraph")], results[(n, "networkit")]
        agree = agreement(ig, nk)
        eps = f"{ig['betweenness']['epsilon']:.3f} / {nk['betweenness']['epsilon']:.3f}"
        lines.append(
            f"| {n:,} | {ig['m']:,} | {ig['total']:.1f} | {nk['total']:.1f} | {nk['total'] / ig['total']:.2f} | {ig['peak_gib']:.2f} | "
            f"{nk['peak_gib']:.2f} | {'yes' if agree['components'] else 'NO'} | {agree['modularity_gap']:.2%} | {agree['top20_shared']} | {eps} | {ig['betweenness']['samples']:,} |"
        )
        # the top 20 brokers are compared with exact betweenness in tests/test_engines.py (at 100,000 actors with the
        # exact values stored by benchmarks/exact_betweenness.py); here the two estimates are compared with each other
        if not agree["components"] or agree["modularity_gap"] > 0.01:
            failures.append(f"{n:,} actors: the engines disagree ({agree})")
        if n == 1_000_000 and nk["total"] > ig["total"] / 2:
            failures.append(f"1,000,000 actors: networkit {nk['total']:.1f} s is more than half of igraph's {ig['total']:.1f} s")
    lines.append("")
    for engine_name in ("igraph", "networkit"):
        actors, how = reach(results, engine_name)
        lines.append(f"Largest ecosystem whose suite fits in {MACHINE_GIB} GiB with {engine_name}: about {actors:,} actors ({how}).")
    return lines, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 4_000_000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, help="also write the Markdown table to this file")
    parser.add_argument("--keep", type=Path, help="keep each size's results in this folder, and reuse those found there (sizes run apart)")
    parser.add_argument("--child", nargs=2, metavar=("N", "ENGINE"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        n, engine_name = int(args.child[0]), args.child[1]
        child(n, engine_name, args.seed, args.folder / f"{engine_name}-{n}.json")
        return 0
    get_engine("networkit")  # a clear error now if NetworKit is missing
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for n in args.sizes:
            print(f"\n== {n:,} actors ==", flush=True)
            for engine_name in ("igraph", "networkit"):
                results[(n, engine_name)] = run(n, engine_name, args.seed, folder, reuse=args.keep is not None)
                r = results[(n, engine_name)]
                print(f"  {engine_name}: suite {r['total']:.1f} s, peak {r['peak_gib']:.2f} GiB", flush=True)
    lines, failures = table(results, args.sizes)
    return finish(lines, failures, args.out)


if __name__ == "__main__":
    sys.exit(main())
