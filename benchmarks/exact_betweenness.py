"""Exact betweenness of the synthetic ecosystem, stored as the reference the sampled estimates are tested against.

Issue 21 asks that the top 20 brokers of a sampled betweenness, at 100,000
actors, share at least 18 actors with exact betweenness. Exact betweenness at
100,000 actors (Brandes: a breadth-first search from each of the 100,000
actors over 347,654 ties) takes about half an hour on one core, too long for a
test: this script computes it once, with python-igraph's plain Brandes
(``Graph.betweenness``, not ecograph's own exact route, so the reference does
not rest on the code it tests), and writes the top actors with their
normalised values to ``tests/data/betweenness/``. ``tests/test_engines.py``
reads it.

Before computing, it checks the two exact implementations against each other
on a smaller synthetic ecosystem (``--check``, 2,000 actors by default):
igraph's and NetworKit's ``Betweenness`` must agree within 1e-9 on the
normalised scale, and ecograph's exact route (pendants folded) with them.

The file starts with ``#`` lines saying how it was made (libraries, versions,
date, command, the network's size and fingerprint: a SHA-256 of its actor ids
and ties, so that a change of the generator is caught rather than read as a
poor estimate), then ``rank,actor,betweenness`` rows.

Usage::

    python benchmarks/exact_betweenness.py                    # 100,000 actors, seed 0, top 100 (about 30 min)
    python benchmarks/exact_betweenness.py --n 6000 --stdout  # print instead of writing
    python benchmarks/exact_betweenness.py --engine networkit --threads 2
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import platform
import sys
import time
from pathlib import Path

import numpy as np

import ecograph as eg

#: Where the references live (one file per size and seed).
FOLDER = Path(__file__).resolve().parent.parent / "tests" / "data" / "betweenness"


def reference_path(n: int, seed: int) -> Path:
    """The reference file of ``synthetic(n, seed=seed)``."""
    return FOLDER / f"synthetic-{n}-seed{seed}.csv"


def fingerprint(S: eg.SparseGraph) -> str:
    """SHA-256 of the actor ids in node order and of the ties (node positions, in the SparseGraph's order)."""
    u, v, _ = S.edges()
    digest = hashlib.sha256()
    digest.update("\n".join(map(str, S.nodes)).encode("utf-8"))
    digest.update(np.asarray(u, dtype="<i8").tobytes())
    digest.update(np.asarray(v, dtype="<i8").tobytes())
    return digest.hexdigest()


def exact_igraph(S: eg.SparseGraph) -> np.ndarray:
    """Normalised betweenness by igraph's Brandes: raw counts each unordered pair once, over ``(n - 1)(n - 2) / 2`` pairs."""
    n = S.n
    raw = np.asarray(S.igraph().betweenness(directed=False), dtype=float)
    return raw * 2.0 / ((n - 1) * (n - 2))


def exact_networkit(S: eg.SparseGraph, threads: int | None = None) -> np.ndarray:
    """Normalised betweenness by NetworKit's Brandes: its raw counts are of ordered pairs (each unordered pair twice)."""
    import networkit as nk

    if threads:
        nk.setNumberOfThreads(threads)
    u, v, _ = S.edges()
    graph = nk.GraphFromCoo((np.ones(len(u)), (u.astype(np.uint64), v.astype(np.uint64))), n=S.n, directed=False, weighted=False)
    found = nk.centrality.Betweenness(graph, normalized=False)
    found.run()
    n = S.n
    return np.asarray(found.scores(), dtype=float) / ((n - 1) * (n - 2))


def check(n: int, seed: int) -> float:
    """Largest gap between igraph's, NetworKit's and ecograph's exact normalised betweenness on ``synthetic(n)``."""
    S = eg.datasets.synthetic(n, seed=seed).sparse_graph()
    ig, nk = exact_igraph(S), exact_networkit(S, threads=1)
    ours = eg.betweenness(S, samples=S.n).to_numpy()
    return float(max(np.abs(ig - nk).max(), np.abs(ig - ours).max()))


def header(S: eg.SparseGraph, n: int, seed: int, engine: str, seconds: float, top: int) -> list[str]:
    import igraph

    versions = f"python-igraph {igraph.__version__}"
    if engine == "networkit":
        import networkit

        versions = f"networkit {networkit.__version__}"
    return [
        f"# Exact normalised betweenness of eg.datasets.synthetic({n}, seed={seed}).sparse_graph(), the {top} highest.",
        f"# Computed by benchmarks/exact_betweenness.py with {engine}'s Brandes ({versions}; ecograph {eg.__version__}, "
        f"numpy {np.__version__}, Python {platform.python_version()}) on {datetime.date.today().isoformat()} in {seconds:.0f} s.",
        "# Normalised: each unordered pair once, divided by (n - 1)(n - 2) / 2.",
        f"# actors {S.n}, ties {S.m}, sha256 {fingerprint(S)}",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--top", type=int, default=100)
    parser.add_argument("--engine", choices=("igraph", "networkit"), default="igraph")
    parser.add_argument("--threads", type=int, help="NetworKit's threads (default: its own)")
    parser.add_argument("--check", type=int, default=2_000, help="actors of the cross-check of the exact implementations (0: none)")
    parser.add_argument("--stdout", action="store_true", help="print the reference instead of writing it")
    args = parser.parse_args()
    if args.check:
        gap = check(args.check, args.seed)
        print(f"exact betweenness at {args.check:,} actors: igraph, NetworKit and ecograph within {gap:.1e}", file=sys.stderr)
        if gap > 1e-9:
            print("the exact implementations disagree: no reference written", file=sys.stderr)
            return 1
    S = eg.datasets.synthetic(args.n, seed=args.seed).sparse_graph()
    t0 = time.perf_counter()
    values = exact_igraph(S) if args.engine == "igraph" else exact_networkit(S, args.threads)
    seconds = time.perf_counter() - t0
    order = np.lexsort((np.arange(S.n), -values))[: args.top]  # highest first, ties by node order
    lines = [*header(S, args.n, args.seed, args.engine, seconds, args.top), "rank,actor,betweenness"]
    lines += [f"{rank},{S.nodes[i]},{float(values[i])!r}" for rank, i in enumerate(order, start=1)]
    text = "\n".join(lines) + "\n"
    if args.stdout:
        print(text, end="")
    else:
        path = reference_path(args.n, args.seed)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path} ({seconds:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
