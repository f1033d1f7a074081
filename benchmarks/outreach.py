"""Benchmark of outreach: do the worklist's introducers recover hidden ties, and how fast is it?

1. **Cold start** (the isolated actor's situation: no tie to learn from). On
   synthetic ecosystems, *all* ties of ``--hidden`` actors (sampled among the
   local and regional actors that are not programmes or events) are removed
   from the tables; the worklist runs on what is left with those actors as
   targets. Two settings: people and attributes kept (what is known about an
   actor without ties), and **attributes only** (their affiliations removed
   too: nothing known but sphere, kind, scope, commune and place, the
   situation of an actor the data only list). Precision@k is the share of the ``k`` introducers that
   are hidden partners, recall@k the share of hidden partners found (partners
   already linked by a person are not counted: they are not new). Compared
   with the same candidates ranked by: the most connected actors of the same
   group (``sphere``; the whole network for an actor whose sphere is unknown,
   or when the sphere has fewer than ``k``), the most connected actors
   overall, and random actors; and with ecograph on the tie network alone
   (``via_people=False``, no person weight), to show what people add. The
   last column is the share of the list whose first introducer is the most
   frequent one (target: at most 10%).
2. **Warm start.** 10% of the ties are hidden at random; for actors that lost
   a tie, ecograph's ``k`` introducers against plain common neighbours (ties
   broken at random) and random actors.
3. **Speed.** The worklist, what-if and key players on a 100,000-actor
   synthetic ecosystem, the measures they read from the
   :class:`~ecograph.Analysis` timed apart (target: worklist under a minute
   on 2 cores).

Means and standard deviations are over ``--seeds`` independent ecosystems and
samples. Targets (checked): in cold start, ecograph above both popularity
baselines in both settings at every size, with the most frequent first introducer at most 10%
of the list; in warm start, at least as good as common neighbours.

Usage::

    python benchmarks/outreach.py [--sizes 2000 10000] [--settings people attributes] [--k 5] [--hidden 150] [--seeds 5] [--big 100000]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time

import numpy as np
from _common import finish

import ecograph as eg
from ecograph.sparse import SparseGraph, symmetric_matrix

EXCLUDED = ("programme", "event", "recommendation")
METHODS = ("ecograph", "ecograph, ties only", "same sphere, most connected", "most connected", "random")


def _hide_actors(eco: eg.Ecosystem, n_hidden: int, rng: np.random.Generator, *, people: bool = True) -> tuple[eg.Ecosystem, np.ndarray]:
    """The ecosystem without any tie of ``n_hidden`` sampled actors (and, unless ``people``, their affiliations), and those actors."""
    actors = eco.actors
    tied = set(eco.ties["source"]) | set(eco.ties["target"])
    ok = actors["scope"].isin(["local", "regional"]) & ~actors["kind"].isin(EXCLUDED) & actors.index.isin(list(tied))
    sample = rng.choice(np.array(sorted(actors.index[ok]), dtype=object), size=n_hidden, replace=False)
    gone = eco.ties["source"].isin(sample) | eco.ties["target"].isin(sample)
    reduced = dataclasses.replace(eco, ties=eco.ties[~gone].reset_index(drop=True))
    if not people:  # the attribute-only cold start: nothing known but sphere, kind, scope, commune, place
        kept = ~eco.affiliations["actor"].isin(sample)
        reduced = dataclasses.replace(reduced, affiliations=eco.affiliations[kept].reset_index(drop=True))
    return reduced, sample


def _truth(eco: eg.Ecosystem, reduced: eg.Analysis, sample: np.ndarray) -> dict:
    """Hidden partners of each sampled actor that could be suggested (not programmes, not already linked)."""
    kind = eco.actors["kind"]
    truth: dict = {t: set() for t in sample}
    for s, t in zip(eco.ties["source"], eco.ties["target"]):
        for a, b in ((s, t), (t, s)):
            if a in truth and kind[b] not in EXCLUDED and not reduced.graph.has_edge(a, b):
                truth[a].add(b)
    return {t: v for t, v in truth.items() if v}


def _popular(degree: np.ndarray, pool: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    order = np.lexsort((rng.random(len(pool)), -degree[pool]))
    return pool[order[:k]]


def _baselines(a: eg.Analysis, targets: list, k: int, rng: np.random.Generator) -> dict[str, dict]:
    S = a.sparse
    deg = a.degree.to_numpy(dtype=float)
    kind = a.eco.actors["kind"].reindex(S.nodes).to_numpy(dtype=object)
    sphere = a.eco.actors["sphere"].reindex(S.nodes).to_numpy(dtype=object)
    A = S.binary
    out: dict[str, dict] = {name: {} for name in METHODS[2:]}
    for t in targets:
        i = S.nodes.get_loc(t)
        blocked = np.zeros(S.n, dtype=bool)
        blocked[A.indices[A.indptr[i] : A.indptr[i + 1]]] = True
        blocked[i] = True
        pool = np.flatnonzero(~blocked & ~np.isin(kind, EXCLUDED))
        overall = _popular(deg, pool, k, rng)
        same = pool[(sphere[pool] == sphere[i])] if sphere[i] else pool[:0]
        top_same = _popular(deg, same, k, rng)
        if len(top_same) < k:
            top_same = np.concatenate([top_same, [x for x in overall if x not in set(top_same)]])[:k]
        out["same sphere, most connected"][t] = set(S.nodes[top_same.astype(int)])
        out["most connected"][t] = set(S.nodes[overall])
        out["random"][t] = set(S.nodes[rng.choice(pool, size=k, replace=False)])
    return out


def cold_start(n: int, k: int, n_hidden: int, seed: int, *, people: bool = True) -> dict:
    """Precision and recall at ``k`` of each method after hiding all ties (and, unless ``people``, all people) of ``n_hidden`` actors."""
    rng = np.random.default_rng(seed)
    eco = eg.datasets.synthetic(n, seed=seed)
    reduced, sample = _hide_actors(eco, n_hidden, rng, people=people)
    a = eg.Analysis(reduced, seed=seed)
    truth = _truth(eco, a, sample)
    targets = sorted(truth)
    work = eg.outreach_worklist(a, actors=targets, k=k)
    picked = {"ecograph": {t: {r[f"introducer_{j}"] for j in range(1, k + 1)} for t, r in work.iterrows()}}
    ties_only = eg.outreach_worklist(eg.Analysis(reduced, seed=seed, via_people=False), actors=targets, k=k, weights={"person": 0.0})
    picked["ecograph, ties only"] = {t: {r[f"introducer_{j}"] for j in range(1, k + 1)} for t, r in ties_only.iterrows()}
    picked.update(_baselines(a, targets, k, rng))
    result = {"targets": len(targets), "first_share": float(work["introducer_1"].value_counts().iloc[0] / len(work))}
    for name, chosen in picked.items():
        hits = [len(chosen.get(t, set()) & truth[t]) for t in targets]
        result[name] = float(np.mean(hits) / k)
        result[name + " recall"] = float(np.mean([h / len(truth[t]) for h, t in zip(hits, targets)]))
    return result


def warm_start(n: int, k: int, n_targets: int, seed: int) -> dict:
    """Precision at ``k`` after hiding 10% of the ties at random."""
    eco = eg.datasets.synthetic(n, seed=seed)
    S = eco.sparse_graph(via_people=False)
    rng = np.random.default_rng(seed)
    u, v, w = S.edges()
    hide = np.zeros(len(u), dtype=bool)
    hide[rng.choice(len(u), size=len(u) // 10, replace=False)] = True
    train = SparseGraph(S.nodes, symmetric_matrix(u[~hide], v[~hide], w[~hide], S.n), S.attributes)
    hidden: dict[int, set[int]] = {}
    for a, b in zip(u[hide], v[hide]):
        hidden.setdefault(int(a), set()).add(int(b))
        hidden.setdefault(int(b), set()).add(int(a))
    deg = train.degrees()
    eligible = np.array(sorted(t for t in hidden if deg[t] > 0))
    targets = rng.choice(eligible, size=min(n_targets, len(eligible)), replace=False)
    A = train.binary
    ours = eg.suggest_introducers(train, list(train.nodes[targets]), k=k, kinds_excluded=(), seed=seed)
    picked = ours.groupby("actor")["introducer"].apply(list).to_dict()
    scores: dict[str, list] = {"ecograph": [], "common neighbours": [], "random": []}
    for t in targets:
        truth = hidden[int(t)]
        mine = [train.nodes.get_loc(x) for x in picked.get(train.nodes[t], [])]
        scores["ecograph"].append(len(set(mine) & truth) / k)
        nbrs = set(A.indices[A.indptr[t] : A.indptr[t + 1]].tolist()) | {int(t)}
        cn = (A[[t]] @ A).toarray().ravel()
        order = np.lexsort((rng.random(train.n), -cn))
        top = [int(x) for x in order if int(x) not in nbrs][:k]
        scores["common neighbours"].append(len(set(top) & truth) / k)
        pool = np.setdiff1d(np.arange(train.n), np.fromiter(nbrs, dtype=np.int64))
        scores["random"].append(len(set(rng.choice(pool, size=k, replace=False).tolist()) & truth) / k)
    return {name: float(np.mean(vals)) for name, vals in scores.items()} | {"targets": len(targets)}


def _mean_sd(runs: list[dict], key: str) -> tuple[float, float]:
    values = [r[key] for r in runs]
    return float(np.mean(values)), float(np.std(values, ddof=1)) if len(values) > 1 else 0.0


#: The cold-start settings: what is still known about the hidden actors.
SETTINGS = {"people": "ties hidden, people kept", "attributes": "ties and people hidden (attributes only)"}


def _cold_table(args: argparse.Namespace, failures: list[str]) -> list[str]:
    lines = [
        f"| setting | actors | seeds × targets | {' | '.join(METHODS)} | first introducer's share |",
        "|---|---:|---:|" + "---:|" * (len(METHODS) + 1),
    ]
    for setting in args.settings:
        for n in args.sizes:
            runs = [cold_start(n, args.k, args.hidden, args.seed + s, people=setting == "people") for s in range(args.seeds)]
            cells = []
            for name in METHODS:
                (p, sd), (r, _) = _mean_sd(runs, name), _mean_sd(runs, name + " recall")
                cells.append(f"{p:.3f} ± {sd:.3f} (recall {r:.3f})")
            share = max(r["first_share"] for r in runs)
            print(f"{SETTINGS[setting]}, {n:,} actors, per seed (ecograph / same sphere / most connected / first share): "
                  + ", ".join(f"{r['ecograph']:.3f}/{r[METHODS[2]]:.3f}/{r[METHODS[3]]:.3f}/{r['first_share']:.1%}" for r in runs),
                  flush=True)  # fmt: skip
            targets = min(r["targets"] for r in runs)
            lines.append(f"| {SETTINGS[setting]} | {n:,} | {len(runs)} × {targets} | {' | '.join(cells)} | {share:.1%} |")
            ours = _mean_sd(runs, "ecograph")[0]
            best = max(_mean_sd(runs, METHODS[2])[0], _mean_sd(runs, METHODS[3])[0])
            where = f"cold start ({SETTINGS[setting]}), {n:,} actors"
            if ours <= best:
                failures.append(f"{where}: ecograph {ours:.3f} not above the popularity baselines ({best:.3f})")
            if share > 0.10:
                failures.append(f"{where}: one introducer is first for {share:.1%} of the list (target 10%)")
    return lines


def _warm_table(args: argparse.Namespace, failures: list[str]) -> list[str]:
    lines = [f"| actors | seeds × targets | ecograph precision@{args.k} | common neighbours | random |", "|---:|---:|---:|---:|---:|"]
    for n in args.sizes:
        runs = [warm_start(n, args.k, args.targets, args.seed + s) for s in range(args.seeds)]
        (m, sd), (c, csd), (r, _) = (_mean_sd(runs, key) for key in ("ecograph", "common neighbours", "random"))
        print(
            f"{n:,} actors, warm start per seed: " + ", ".join(f"{x['ecograph']:.3f}/{x['common neighbours']:.3f}" for x in runs),
            flush=True,
        )
        lines.append(f"| {n:,} | {len(runs)} × {runs[0]['targets']} | {m:.3f} ± {sd:.3f} | {c:.3f} ± {csd:.3f} | {r:.4f} |")
        if not (m > r and m >= c):
            failures.append(f"warm start, {n:,} actors: ecograph {m:.3f} vs common neighbours {c:.3f}, random {r:.4f}")
    return lines


def _timed(step) -> float:
    t0 = time.perf_counter()
    step()
    return time.perf_counter() - t0


def _speed_table(n: int, seed: int, failures: list[str]) -> list[str]:
    eco = eg.datasets.synthetic(n, seed=seed)
    a = eg.Analysis(eco, seed=seed)
    t_graph = _timed(lambda: a.sparse)
    t_measures = _timed(lambda: (a.betweenness, a.isolated, a.two_step_reach, a.people_links))
    out: dict = {}
    t_work = _timed(lambda: out.update(wl=eg.outreach_worklist(a)))
    t_what = _timed(lambda: eg.what_if(a, add=eg.suggested_ties(out["wl"], 10)))
    t_brokers = _timed(lambda: a.brokers)
    t_key = _timed(lambda: eg.key_players(a, k=5))
    if t_work > 60:
        failures.append(f"worklist on {n:,} actors took {t_work:.1f} s (target 60 s)")
    return [
        f"| {n:,} actors | seconds |",
        "|---|---:|",
        f"| network (Analysis.sparse, from the tables through networkx) | {t_graph:.1f} |",
        f"| measures the worklist reads, once (betweenness, isolated actors, two-step reach, people links) | {t_measures:.1f} |",
        f"| worklist ({len(out['wl']):,} actors, 3 introducers each) | {t_work:.1f} |",
        f"| what-if (10 new ties) | {t_what:.1f} |",
        f"| brokers (read by key players), once | {t_brokers:.1f} |",
        f"| key players (k=5) | {t_key:.1f} |",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2_000, 10_000])
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--hidden", type=int, default=150, help="actors whose ties are all hidden (cold start)")
    parser.add_argument("--targets", type=int, default=300, help="actors scored in warm start")
    parser.add_argument("--big", type=int, default=100_000, help="size of the speed run (0 to skip)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--seeds", type=int, default=5, help="ecosystems averaged per size (default 5)")
    parser.add_argument("--settings", nargs="+", choices=list(SETTINGS), default=list(SETTINGS), help="cold-start settings to run")
    parser.add_argument("--skip-warm", action="store_true")
    args = parser.parse_args()
    failures: list[str] = []
    lines = ["Cold start: all ties (and, in the second setting, all people) of the sampled actors hidden; precision@k ± sd (recall@k).", ""]
    lines += _cold_table(args, failures)
    if not args.skip_warm:
        lines += ["", "Warm start: 10% of the ties hidden.", "", *_warm_table(args, failures)]
    if args.big:
        lines += ["", *_speed_table(args.big, args.seed, failures)]
    return finish(lines, failures)


if __name__ == "__main__":
    sys.exit(main())
