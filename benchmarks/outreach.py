"""Benchmark of outreach: do suggested introductions recover hidden ties, and how fast is it?

1. **Link recovery (precision@k).** On synthetic ecosystems, 10% of the ties
   are hidden at random (seeded; the mean and standard deviation over
   ``--seeds`` independent hidings are shown, since one hiding is noisy). For actors that lost a tie, the script
   compares the ``k`` introducers ecograph suggests with (a) ``k`` random
   actors not yet tied to them and (b) the ``k`` actors with most common
   neighbours (plain common-neighbours link prediction, ties broken at
   random): precision@k is the share of suggestions that are hidden ties.
2. **Speed.** The worklist, what-if and key players on a 100,000-actor
   synthetic ecosystem (target: worklist under a minute on 2 cores).

Usage::

    python benchmarks/outreach.py [--sizes 2000 10000] [--k 5] [--targets 300] [--big 100000]
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np
from _common import finish

import ecograph as eg
from ecograph.sparse import SparseGraph, _symmetric


def precision_at_k(n: int, k: int, n_targets: int, seed: int) -> dict:
    eco = eg.datasets.synthetic(n, seed=seed)
    S = eco.sparse_graph(via_people=False)
    rng = np.random.default_rng(seed)
    u, v, w = S.edges()
    hide = np.zeros(len(u), dtype=bool)
    hide[rng.choice(len(u), size=len(u) // 10, replace=False)] = True
    train = SparseGraph(S.nodes, _symmetric(u[~hide], v[~hide], w[~hide], S.n), S.attributes)
    hidden: dict[int, set[int]] = {}
    for a, b in zip(u[hide], v[hide]):
        hidden.setdefault(int(a), set()).add(int(b))
        hidden.setdefault(int(b), set()).add(int(a))
    deg = train.degrees()
    eligible = np.array(sorted(t for t in hidden if deg[t] > 0))
    targets = rng.choice(eligible, size=min(n_targets, len(eligible)), replace=False)
    A = train.binary
    ours = eg.suggest_introducers(train, list(train.nodes[targets]), k=k, exclude_kinds=(), seed=seed)
    picked = ours.groupby("actor")["introducer"].apply(list).to_dict()
    scores = {"ecograph": [], "common neighbours": [], "random": []}
    for t in targets:
        truth = hidden[int(t)]
        mine = [train.nodes.get_loc(x) for x in picked.get(train.nodes[t], [])]
        scores["ecograph"].append(len(set(mine) & truth) / k)
        nbrs = set(A.indices[A.indptr[t] : A.indptr[t + 1]].tolist()) | {int(t)}
        cn = (A[[t]] @ A).toarray().ravel()
        noise = rng.random(train.n)
        order = np.lexsort((noise, -cn))
        top = [int(x) for x in order if int(x) not in nbrs][:k]
        scores["common neighbours"].append(len(set(top) & truth) / k)
        pool = np.setdiff1d(np.arange(train.n), np.fromiter(nbrs, dtype=np.int64))
        rand = rng.choice(pool, size=k, replace=False)
        scores["random"].append(len(set(rand.tolist()) & truth) / k)
    return {name: float(np.mean(vals)) for name, vals in scores.items()} | {"targets": len(targets)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2_000, 10_000])
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--targets", type=int, default=300)
    parser.add_argument("--big", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--seeds", type=int, default=5, help="hidings of ties averaged per size (default 5)")
    args = parser.parse_args()
    lines = [
        f"| actors | seeds × targets | ecograph precision@{args.k} | common neighbours | random |",
        "|---:|---:|---:|---:|---:|",
    ]
    failures = []
    for n in args.sizes:
        runs = [precision_at_k(n, args.k, args.targets, args.seed + s) for s in range(args.seeds)]
        mean = {key: float(np.mean([r[key] for r in runs])) for key in ("ecograph", "common neighbours", "random")}
        sd = {key: float(np.std([r[key] for r in runs], ddof=1)) if len(runs) > 1 else 0.0 for key in mean}
        per_seed = ", ".join(f"{r['ecograph']:.3f}/{r['common neighbours']:.3f}" for r in runs)
        print(f"{n:,} actors, ecograph/common neighbours per seed: {per_seed}", flush=True)
        lines.append(
            f"| {n:,} | {len(runs)} × {runs[0]['targets']} | {mean['ecograph']:.3f} ± {sd['ecograph']:.3f} | "
            f"{mean['common neighbours']:.3f} ± {sd['common neighbours']:.3f} | {mean['random']:.4f} |"
        )
        if not (mean["ecograph"] > mean["random"] and mean["ecograph"] >= mean["common neighbours"]):
            failures.append(
                f"{n:,} actors: ecograph {mean['ecograph']:.3f} vs common neighbours {mean['common neighbours']:.3f}, random {mean['random']:.4f}"
            )
    eco = eg.datasets.synthetic(args.big, seed=args.seed)
    t0 = time.perf_counter()
    S = eco.sparse_graph()
    t_graph = time.perf_counter() - t0
    t0 = time.perf_counter()
    wl = eg.outreach_worklist(eco, seed=args.seed)
    t_work = time.perf_counter() - t0
    t0 = time.perf_counter()
    first = wl.head(10)
    eg.what_if(S, add=[(a, r["introducer_1"]) for a, r in first.iterrows() if isinstance(r["introducer_1"], str)])
    t_what = time.perf_counter() - t0
    t0 = time.perf_counter()
    eg.key_players(S, k=5)
    t_key = time.perf_counter() - t0
    lines += ["", f"| {args.big:,} actors | seconds |", "|---|---:|"]
    lines += [
        f"| graph from tables | {t_graph:.1f} |",
        f"| worklist ({len(wl):,} actors, 3 introducers each) | {t_work:.1f} |",
        f"| what-if (10 new ties) | {t_what:.1f} |",
        f"| key players (k=5) | {t_key:.1f} |",
    ]
    if t_work > 60:
        failures.append(f"worklist on {args.big:,} actors took {t_work:.1f} s (target 60 s)")
    return finish(lines, failures)


if __name__ == "__main__":
    sys.exit(main())
