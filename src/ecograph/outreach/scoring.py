"""Who could introduce an actor: candidates, their score, the facts behind it, and what the new tie would change.

How introducers are scored
--------------------------
For an actor ``t`` and a candidate ``c`` not yet tied to it, the score adds
what links the pair and the pair's fitted tie rate, each term weighted by
:data:`WEIGHTS`:

* what links the pair:

  * ``adamic_adar``: their common contacts ``z`` in the network, each
    counting ``1 / log deg z`` (Adamic & Adar 2003), so that a rare shared
    contact counts more than a hub everybody is tied to (programmes, events,
    funds and recommendations are counted by the next term instead);
  * ``named_in``: the programmes, events and recommendations both are named
    in (from the tables), each counting ``1 / log`` of the number of actors
    named in it: the same weighting, whether or not the network holds them;
  * ``mentions``: the source passages naming both (same weighting by the
    number of actors each passage names; see :mod:`ecograph.outreach.facts`);
  * ``person``: someone worked in both;

* ``tie_rate``: what the network says of the pair, the tie rate
  ``λ(t, c)`` of a **degree-corrected attribute mixing model** fitted on the
  known ties (:mod:`ecograph.outreach.mixing`): ``c``'s degree, times how
  much more than the average ``c``'s ties go to actors of ``t``'s group, kind,
  scope and commune (smoothed towards the mixing of ``c``'s own class:
  sphere × sphere, kind × kind...), times its proximity and whether it is a
  support structure, each raised to a fitted exponent; as ``λ / λ_best``,
  ``λ_best`` being ``t``'s best candidate's. It is what "the most connected
  actors" lacks: who, among the well connected, already serves actors like
  ``t``;

and the total is divided by ``1 + load × p``, ``p`` being ``c``'s betweenness
percentile, so that over-stretched brokers rank lower. A worklist also spreads
first suggestions over introducers (see :func:`ecograph.outreach_worklist`).

The exponents are fitted, not set: by hiding sampled actors' ties in turn
and asking which of them the model would have guessed (a conditional logit,
with the block model "ties to the actor's group" as prior, so that a network
with few ties, as Dijon's, keeps it: the prior gives a support structure,
a shared commune, a nearby place and a shared kind the small bonuses they
had as judgements). On synthetic ecosystems the fit finds what the
generator plants: degree and group matter, commune, place and scope
(drawn at random there) do not.

Measured with ``benchmarks/outreach.py`` (5 synthetic ecosystems of 2,000
and of 10,000 actors, about 148 actors whose ties are all hidden, precision@5;
the standard deviation between ecosystems is 0.012 to 0.020), with the
previous score (ties to the group, linear, the shared attributes multiplying
it, candidates by ties to the group from the territory only) in brackets:

* people kept: 0.103 and 0.071 (0.098 and 0.069), against 0.045 and 0.018
  for the most connected actors of the same sphere, 0.052 and 0.030 for the
  most connected overall;
* attributes only (no tie, no person): 0.065 and 0.0326 (0.060 and 0.030),
  against 0.047 and 0.019, and 0.055 and 0.0312: above both baselines at
  both sizes, no introducer first for more than 10% of the list;
* warm start (10% of the ties hidden): 0.086 and 0.084 (0.084 and 0.083),
  against 0.082 and 0.083 for plain common neighbours.

In the attribute-only cold start on 10,000 actors the sphere says little
(a sphere spreads over some 80 communities of 40 actors): the most connected
actors are hard to beat there, and the model is at or above them in each of
the 5 ecosystems (by 0.000 to 0.003). Two choices made the difference: the
candidates likeliest tied to the actor's group come from every scope (their
scope weighed by the fitted model) rather than from the territory only
(0.066 against 0.060 on 2,000 actors), and the shared attributes are no
longer added as judgement bonuses on top of a fitted rate that already counts
them (0.0327 against 0.0314 on 10,000). ``tie_rate`` was set with the same
benchmark: 0.3, 0.4 and 0.6 gave 0.068, 0.071 and 0.067 with people kept
on 10,000 actors, 0.084, 0.084 and 0.082 in warm start (the attribute-only
ranking does not depend on it). ``load`` is kept because the study asks not
to overload the pioneers (it cost about 0.0003 there).

The generator places actors in communes and on the map at random and names
them all in one source, so ``mentions`` cannot be measured there, and the
fitted exponents of commune and proximity are about 0: on real data the fit
decides, and a passage of the study is a fact an officer can act on.

Candidates are the actors two steps away, those named in the same passages or
sharing a person, the actors with the highest fitted tie rate with an actor
of ``t``'s group (of any scope), the best-connected members of that group, of
``t``'s commune, support structures and the whole network (of the territory,
in a worklist), and the nearest on the map, so that the search stays fast on
large ecosystems.

References
----------
.. [1] Adamic, L. A. & Adar, E. (2003). Friends and neighbors on the Web.
   *Social Networks* 25(3), 211-230.
.. [2] Karrer, B. & Newman, M. E. J. (2011). Stochastic blockmodels and
   community structure in networks. *Physical Review E* 83, 016107.
.. [3] Liben-Nowell, D. & Kleinberg, J. (2007). The link-prediction problem
   for social networks. *JASIST* 58(7), 1019-1031.

Examples
--------
>>> import ecograph as eg
>>> s = suggest_introducers(eg.datasets.tiny(), ["loner"], k=2)
>>> s[["introducer", "rank"]].values.tolist()
[['fablab', 1], ['coop', 2]]
>>> s.loc[0, "why"]
(('mentioned', 'interview 2017', 1), ('group_ties', 'consumption', 1), ('distance', 5.0), ('same_kind', 'initiative'))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..errors import GraphError, UnknownActorError
from ..measures.analysis import Analysis
from ..partition import PartitionLike
from ..vocabulary import NOT_ORGANISATIONS
from .facts import Facts
from .mixing import AttributeMixing, proximity

__all__ = ["WEIGHTS", "suggest_introducers"]

#: Weights of the introducer score (see the module notes), set with benchmarks/outreach.py.
WEIGHTS: dict[str, float] = {
    "adamic_adar": 1.0,
    "named_in": 1.0,
    "mentions": 0.5,
    "person": 1.5,
    "tie_rate": 0.4,
    "load": 0.3,
}
#: Betweenness percentile from which an introducer is flagged as already a major broker.
BROKER_PERCENTILE = 0.9
_EMPTY = np.empty(0, dtype=np.int64)


def _weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    if not weights:
        return dict(WEIGHTS)
    unknown = set(weights) - set(WEIGHTS)
    if unknown:
        raise ValueError(f"unknown weight(s) {sorted(unknown)}; the weights are {', '.join(WEIGHTS)}")
    return {**WEIGHTS, **{key: float(value) for key, value in weights.items()}}


def _lookup(M: sp.csr_array, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    if not len(rows):
        return np.zeros(0)
    values = M[rows, cols]
    return np.asarray(values.toarray() if sp.issparse(values) else values, dtype=float).ravel()


def _best_first(F: Facts, members: np.ndarray, keys: np.ndarray, limit: int) -> np.ndarray:
    """The ``limit`` members with the largest keys, then most ties, then in node order."""
    order = np.lexsort((members, -F.degree[members], -keys))
    return members[order[:limit]].astype(np.int64)


@dataclass
class _Pools:
    """Candidate lists shared by every target: by group, by commune, support structures and hubs."""

    by_rate: dict[int, np.ndarray]
    by_group: dict[int, np.ndarray]
    by_commune: dict[Any, np.ndarray]
    fixed: np.ndarray

    @classmethod
    def build(cls, F: Facts, eligible: np.ndarray, size: int, mixing: AttributeMixing, likely: np.ndarray) -> _Pools:
        """The pools; those by tie rate (for an actor known by its group only, -1 when unknown) drawn from ``likely``."""
        main = int(np.argmax(F.component_sizes))
        ok = eligible & (F.component == main)
        everyone = np.flatnonzero(ok)
        fixed = np.union1d(
            _best_first(F, everyone, F.degree[everyone], size),
            _best_first(F, np.flatnonzero(ok & F.support), F.degree[ok & F.support], size),
        )
        by_rate, by_group = {}, {}
        rows = np.flatnonzero(likely)
        for g in range(-1, len(F.group_values)):
            by_rate[g] = _best_first(F, rows, mixing.group_log_rate(rows, g), size)
            members = np.flatnonzero(eligible & (F.group_codes == g))
            by_group[g] = _best_first(F, members, F.degree[members], size)
        by_commune = {}
        known = np.array([c is not None for c in F.communes]) & eligible
        if known.any():
            frame = pd.DataFrame({"i": np.flatnonzero(known), "c": F.communes[known]})
            for commune, members in frame.groupby("c", sort=True)["i"]:
                by_commune[commune] = _best_first(F, members.to_numpy(), F.degree[members.to_numpy()], size)
        return cls(by_rate, by_group, by_commune, fixed)


@dataclass
class Ranked:
    """Every candidate of every target, with its features and score; pairs are indexed ``j``.

    ``block(i)`` gives the pairs of the ``i``-th target, best first (ties
    broken by node order).
    """

    facts: Facts
    targets: np.ndarray
    ti: np.ndarray
    cj: np.ndarray
    features: dict[str, np.ndarray]
    score: np.ndarray
    weights: dict[str, float]
    coefficients: dict[str, float]

    def __post_init__(self) -> None:
        self._order = np.lexsort((self.cj, -self.score, self.ti))
        sorted_ti = self.ti[self._order]
        self._starts = np.searchsorted(sorted_ti, np.arange(len(self.targets)), side="left")
        self._ends = np.searchsorted(sorted_ti, np.arange(len(self.targets)), side="right")

    def block(self, i: int) -> np.ndarray:
        """Pair indices of target ``i``, best first."""
        return self._order[self._starts[i] : self._ends[i]]

    def top(self, k: int) -> list[tuple[int, int, float]]:
        """The ``k`` best pairs of every target: (pair index, rank, score)."""
        return [(int(j), r, float(self.score[j])) for i in range(len(self.targets)) for r, j in enumerate(self.block(i)[:k], start=1)]


def _candidates(
    F: Facts, pos: np.ndarray, rows: list[sp.csr_array], pools: _Pools, eligible: np.ndarray, size: int
) -> tuple[np.ndarray, np.ndarray]:
    """(target index, candidate position) pairs: every source of candidates, less the actor and its neighbours."""
    near: dict[int, np.ndarray] = {}
    if F.tree is not None:
        has = np.flatnonzero(np.isfinite(F.coords[pos]).all(axis=1))
        if len(has):
            _, idx = F.tree.query(F.coords[pos[has]], k=min(size, len(F.tree_rows)))
            for i, found in zip(has, np.atleast_2d(idx).reshape(len(has), -1)):
                near[int(i)] = F.tree_rows[found[found < len(F.tree_rows)]]
    pair_t, pair_c = [], []
    blocked = ~eligible
    for i, t in enumerate(pos):
        g = F.group_codes[t]
        parts = [M.indices[M.indptr[i] : M.indptr[i + 1]].astype(np.int64) for M in rows]
        parts += [pools.by_rate[g], pools.by_group.get(g, _EMPTY), pools.fixed, near.get(i, _EMPTY)]
        parts.append(pools.by_commune.get(F.communes[t], _EMPTY) if F.communes[t] is not None else _EMPTY)
        c = np.unique(np.concatenate(parts))
        nbrs = F.neighbours(t)
        blocked[nbrs] = True
        blocked[t] = True
        c = c[~blocked[c]]
        blocked[nbrs] = ~eligible[nbrs]
        blocked[t] = not eligible[t]
        pair_t.append(np.full(len(c), i, dtype=np.int64))
        pair_c.append(c)
    return (np.concatenate(pair_t), np.concatenate(pair_c)) if pair_t else (_EMPTY, _EMPTY)


def _features(
    F: Facts, t: np.ndarray, c: np.ndarray, ti: np.ndarray, products: dict[str, sp.csr_array], mixing: AttributeMixing
) -> dict[str, np.ndarray]:
    """The facts of each (actor ``t``, candidate ``c``) pair, as arrays."""
    feats = {name: _lookup(M, ti, c) for name, M in products.items()}
    g = F.group_codes[t]
    known = g >= 0
    ties = np.zeros(len(c))
    ties[known] = _lookup(F.group_ties, c[known], g[known])
    feats["group_ties"] = ties
    # the fitted tie rate of the pair (ecograph.outreach.mixing), against the actor's best candidate
    log_rate = mixing.log_rate(t, c)
    best = np.full(int(ti.max()) + 1 if len(ti) else 0, -np.inf)
    np.maximum.at(best, ti, log_rate)
    feats["tie_rate"] = np.exp(log_rate - best[ti]) if len(ti) else np.zeros(0)
    feats["same_group"] = known & (F.group_codes[c] == g)
    feats["same_kind"] = (F.kind_codes[t] >= 0) & (F.kind_codes[t] == F.kind_codes[c])
    feats["same_commune"] = (F.commune_codes[t] >= 0) & (F.commune_codes[t] == F.commune_codes[c])
    feats["distance_km"] = proximity(F, t, c)[0]
    feats["support"] = F.support[c]
    feats["load"] = F.betweenness_pct[c]
    return feats


def _score(feats: dict[str, np.ndarray], w: dict[str, float]) -> np.ndarray:
    """What links the pair, plus the pair's fitted tie rate (the candidate's degree included), over the load."""
    links = (
        w["adamic_adar"] * feats["aa_organisations"]
        + w["named_in"] * feats["named_in"]
        + w["mentions"] * feats["mentions"]
        + w["person"] * (feats["people"] > 0)
    )
    return (links + w["tie_rate"] * feats["tie_rate"]) / (1.0 + w["load"] * feats["load"])


def _shared(B: sp.csr_array, weight: np.ndarray, pos: np.ndarray, n: int) -> sp.csr_array:
    """For each actor at ``pos`` and every actor, the weights of the columns of ``B`` (programmes, passages) both have."""
    if not B.shape[1]:
        return sp.csr_array((len(pos), n))
    return (B[pos].multiply(weight[None, :]) @ B.T).tocsr()


def rank_candidates(
    F: Facts, pos: np.ndarray, *, candidates: int = 30, weights: Mapping[str, float] | None = None, popular_from: np.ndarray | None = None
) -> Ranked:
    """Score every candidate introducer of the actors at positions ``pos``.

    ``popular_from`` (a mask) limits the candidates drawn only for being well
    connected (hubs, support structures, the group's and the commune's best
    connected) to those actors; candidates sharing a contact, a passage or a
    person with the actor, and those with the highest fitted tie rate with an
    actor of its group (:mod:`ecograph.outreach.mixing`, where scope is one of
    the attributes weighed), are drawn from everyone.
    """
    w = _weights(weights)
    products = {
        "named_in": _sorted(_shared(F.named, F.named_weight, pos, F.n)),
        "mentions": _sorted(_shared(F.passages, F.passage_weight, pos, F.n)),
        "people": _sorted(F.people[pos].tocsr()),
    }
    eligible = ~F.excluded & (F.degree > 0)  # an actor with no known tie cannot introduce anyone
    mixing = AttributeMixing.of(F, seed=F.analysis.seed)
    pools = _Pools.build(F, eligible if popular_from is None else eligible & popular_from, candidates, mixing, eligible)
    sources = [_through_contacts(F, pos), *(products[key] for key in ("named_in", "mentions", "people"))]
    ti, cj = _candidates(F, pos, sources, pools, eligible, candidates)
    feats = {**_contact_features(F, pos[ti], cj), **_features(F, pos[ti], cj, ti, products, mixing)}
    return Ranked(F, pos, ti, cj, feats, _score(feats, w), w, dict(mixing.coefficients))


#: A contact with more ties than this does not make its contacts each other's candidates: a hub tied to everyone
#: would make every pair of actors a candidate pair (n² of them). Its weight in the Adamic–Adar score,
#: 1 / log(degree), is small anyway, and the pairs it joins still count it (:func:`_contact_features`).
CANDIDATE_HUB_DEGREE = 200


def _sorted(M: sp.csr_array) -> sp.csr_array:
    """``M`` with sorted column indices: a lookup is then a binary search, not a scan of the row."""
    M = sp.csr_array(M)
    if not M.has_sorted_indices:
        M.sort_indices()
    return M


def _through_contacts(F: Facts, pos: np.ndarray) -> sp.csr_array:
    """For each actor at ``pos``, the actors sharing a contact with it, through contacts of at most
    :data:`CANDIDATE_HUB_DEGREE` ties (cost linear in the ties on a star, not quadratic)."""
    A = F.A
    small = np.flatnonzero(F.degree <= CANDIDATE_HUB_DEGREE)
    rows = A[pos][:, small].tocsr()  # the hubs' columns dropped, not zeroed: a stored zero would still count in the product
    return _sorted((rows @ A[small]).tocsr())


def _contact_features(F: Facts, t: np.ndarray, c: np.ndarray) -> dict[str, np.ndarray]:
    """Common contacts of each (actor ``t``, candidate ``c``) pair, with Adamic–Adar weights, computed for these pairs only.

    Every contact counts here, hubs included. For each pair, the contacts of
    the end with fewer ties are looked up among the other's (a binary search
    in its sorted row): the cost is the smaller degree of each pair, never an
    actor × actor product, nor a copy of a hub's row per pair.
    """
    A = F.A
    small = np.where(F.degree[t] <= F.degree[c], t, c)
    other = np.where(F.degree[t] <= F.degree[c], c, t)
    lengths = (A.indptr[small + 1] - A.indptr[small]).astype(np.int64)
    pair = np.repeat(np.arange(len(t)), lengths)
    offset = np.arange(len(pair)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    z = A.indices[np.repeat(A.indptr[small], lengths) + offset].astype(np.int64)  # each contact of the smaller end
    shared = _lookup(A, other[pair], z) > 0
    pair, z = pair[shared], z[shared]
    inv_log = np.zeros(F.n)
    inv_log[F.degree > 1] = 1.0 / np.log(F.degree[F.degree > 1])
    return {
        "common_neighbours": np.bincount(pair, minlength=len(t)).astype(float),
        "adamic_adar": np.bincount(pair, weights=inv_log[z], minlength=len(t)),
        "aa_organisations": np.bincount(pair, weights=(inv_log * ~F.excluded)[z], minlength=len(t)),
    }


def positions(F: Facts, actors: Iterable | None) -> np.ndarray:
    """Node positions of ``actors`` (every actor when None); an unknown id is an error naming it."""
    targets = list(F.S.nodes) if actors is None else list(actors)
    pos = F.S.nodes.get_indexer(targets)
    if (pos < 0).any():
        bad = [t for t, p in zip(targets, pos) if p < 0]
        raise UnknownActorError(f"{len(bad)} actor(s) not in the graph: {', '.join(map(str, bad[:5]))}")
    return pos.astype(np.int64)


def _why(F: Facts, ranked: Ranked, j: int) -> tuple:
    """The facts behind pair ``j``, strongest first, as codes (words come with the table writers)."""
    t, c, f, w = int(ranked.targets[ranked.ti[j]]), int(ranked.cj[j]), ranked.features, ranked.weights
    common = F.common_neighbours(t, c)
    common = common[np.lexsort((common, F.degree[common]))]
    why: list[tuple] = []
    contacts = common[~F.excluded[common]]
    if len(contacts) and w["adamic_adar"]:
        why.append(("contacts", len(contacts), *F.S.nodes.to_numpy()[contacts[:2]]))  # the array: no Index built per pair
    if f["named_in"][j] and w["named_in"]:
        shared = np.intersect1d(F.named[[t]].indices, F.named[[c]].indices)
        for z in shared[np.lexsort((shared, -F.named_weight[shared]))][:2]:  # the most specific first
            why.append(("named_in", F.named_ids[z], F.roles.get((t, int(z)), ""), F.roles.get((c, int(z)), "")))
    if f["people"][j] and w["person"]:
        why.append(("person", int(f["people"][j])))
    if f["mentions"][j] and w["mentions"]:
        shared = np.intersect1d(F.passages[[t]].indices, F.passages[[c]].indices)
        best = shared[np.argmax(F.passage_weight[shared])]
        why.append(("mentioned", F.passage_names[best], len(shared)))
    why += _why_attributes(F, ranked, j, t, c)
    if not any(item[0] in _RELATIONAL for item in why) and F.degree[c] > 0:
        why.append(("connected", int(F.degree[c])))
    if F.betweenness[c] > 0 and F.betweenness_pct[c] >= BROKER_PERCENTILE:
        why.append(("broker",))
    return tuple(why)


#: Facts that say something about the pair (not only about the introducer).
_RELATIONAL = {"contacts", "named_in", "person", "mentioned", "group_ties", "same_group", "same_commune", "distance"}


def _why_attributes(F: Facts, ranked: Ranked, j: int, t: int, c: int) -> list[tuple]:
    """What the actor and the candidate are (group, kind, place, support), as codes, for pair ``j``."""
    f, w = ranked.features, ranked.weights
    why: list[tuple] = []
    m = {key: value * w["tie_rate"] for key, value in ranked.coefficients.items()}  # a fact shows when the fitted rate rises with it
    if F.support[c] and m["support"] > 0:
        why.append(("support", F.kinds[c]))
    if f["group_ties"][j] and m["group"] > 0:
        why.append(("group_ties", F.groups[t], int(f["group_ties"][j])))
    if f["same_group"][j] and m["group"] > 0:
        why.append(("same_group", F.groups[t]))
    if f["same_commune"][j] and m["commune"] > 0:
        why.append(("same_commune", F.communes[t]))
    if np.isfinite(f["distance_km"][j]) and m["proximity"] > 0:
        why.append(("distance", round(float(f["distance_km"][j]), 1)))
    if f["same_kind"][j] and m["kind"] > 0:
        why.append(("same_kind", F.kinds[t]))
    return why


def _effects(F: Facts, t: np.ndarray, c: np.ndarray) -> dict[str, np.ndarray]:
    """The effect of each new tie (t[i], c[i]) on components, reach, density, E-I and the introducer's load.

    E-I counts only ties whose two ends have a known group: a new tie with an
    end of unknown group leaves it unchanged (NaN: it cannot be computed).
    """
    comp, sizes, n, m = F.component, F.component_sizes, F.n, F.S.m
    merged = comp[t] != comp[c]
    cross, inside = F.known_ties
    before = (cross - inside) / (cross + inside) if cross + inside else np.nan
    known = (F.group_codes[t] >= 0) & (F.group_codes[c] >= 0)
    is_cross = F.group_codes[t] != F.group_codes[c]
    after = np.where(is_cross, cross + 1 - inside, cross - inside - 1) / (cross + inside + 1)
    return {
        "components_merged": merged.astype(np.int64),
        "newly_reachable": np.where(merged, sizes[comp[c]], 0).astype(np.int64),
        "density_change": np.full(len(t), 2.0 / (n * (n - 1)) if n > 1 and m >= 0 else 0.0),
        "ei_change": np.where(known, np.round(after - before, 6), np.nan),
        # pairs that would route through the introducer: the actor's component to the introducer's
        "load_paths": np.where(merged, sizes[comp[t]] * (sizes[comp[c]] - 1), 0).astype(np.int64),
    }


SUGGESTION_COLUMNS = [
    "actor", "introducer", "introducer_name", "rank", "score", "why", "common_neighbours", "adamic_adar", "named_in", "mentions", "person_link",
    "group_ties", "same_group", "same_kind", "same_commune", "distance_km", "support_structure", "introducer_degree",
    "introducer_betweenness", "components_merged", "newly_reachable", "density_change", "ei_change", "load_paths",
]  # fmt: skip


def suggestion_frame(ranked: Ranked, picks: list[tuple[int, int, float]]) -> pd.DataFrame:
    """One row per chosen (actor, introducer) pair, with its facts, reasons (as codes) and effects."""
    F = ranked.facts
    sel = np.array([p[0] for p in picks], dtype=np.int64)
    t, c = ranked.targets[ranked.ti[sel]], ranked.cj[sel]
    f = {key: values[sel] for key, values in ranked.features.items()}
    frame = pd.DataFrame(
        {
            "actor": pd.Index(F.S.nodes[t], dtype=object),
            "introducer": pd.Index(F.S.nodes[c], dtype=object),
            "introducer_name": F.names[c],
            "rank": np.array([p[1] for p in picks], dtype=np.int64),
            "score": np.round([p[2] for p in picks], 6),
            "why": pd.Series([_why(F, ranked, int(j)) for j in sel], dtype=object),
            "common_neighbours": f["common_neighbours"].astype(np.int64),
            "adamic_adar": np.round(f["adamic_adar"], 6),
            "named_in": np.round(f["named_in"], 6),
            "mentions": np.round(f["mentions"], 6),
            "person_link": f["people"].astype(np.int64),
            "group_ties": f["group_ties"].astype(np.int64),
            "same_group": f["same_group"],
            "same_kind": f["same_kind"],
            "same_commune": f["same_commune"],
            "distance_km": np.round(f["distance_km"], 2),
            "support_structure": f["support"],
            "introducer_degree": F.degree[c].astype(np.int64),
            "introducer_betweenness": np.round(F.betweenness[c], 6),
            **_effects(F, t, c),
        },
        columns=SUGGESTION_COLUMNS,
    )
    return frame


def suggest_introducers(
    G: Any,
    actors: Iterable | None = None,
    *,
    k: int = 3,
    group: PartitionLike | None = None,
    seed: int | None = None,
    candidates: int = 30,
    label: str = "name",
    kinds_excluded: Iterable[str] = NOT_ORGANISATIONS,
    support_kinds: Iterable[str] = ("support_structure",),
    weights: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """The best introducers for each of ``actors``, with the facts behind each and the effect of the new tie.

    Parameters
    ----------
    G : Ecosystem, networkx.Graph, SparseGraph or Analysis
        With an Ecosystem (or an Analysis of one), people who worked in both
        actors and the tie types to programmes and events count as facts.
    actors : iterable of actor ids, optional
        Defaults to every actor.
    k : int, default 3
        Introducers per actor.
    group : str, Series, mapping or list of sets, optional
        The grouping ("same sphere"); default ``"sphere"``, or the Analysis's.
        A missing value is unknown, never a group.
    seed : int, optional
        Seed of the betweenness estimate on large graphs (default 0, or the Analysis's).
    candidates : int, default 30
        Candidates drawn from each source (group, commune, support, hubs, nearest).
    label : str, default "name"
    kinds_excluded : iterable of str, default ("programme", "event", "territory", "recommendation", "fund")
        Kinds that cannot introduce anyone (a programme or an event is where
        people meet, not who introduces them); they still count as contacts.
    support_kinds : iterable of str, default ("support_structure",)
        Kinds whose job is to connect others.
    weights : mapping, optional
        Weights overriding :data:`WEIGHTS`.

    Returns
    -------
    DataFrame
        One row per (actor, introducer), best first: ``rank``, ``score``,
        ``why`` (the facts as codes, strongest first: ``("contacts", n, id,
        ...)``, ``("named_in", programme, role of the actor, role of the
        introducer)``, ``("person", n)``, ``("mentioned", passage, n)``,
        ``("support", kind)``, ``("group_ties", group, n)``,
        ``("same_group", group)``, ``("same_commune", commune)``,
        ``("distance", km)``, ``("same_kind", kind)``, ``("connected",
        degree)`` when nothing else links them, ``("broker",)``; rendered in
        words by :func:`ecograph.outreach.worklist_table`), the facts as
        columns, and the effect of the new tie: ``components_merged``,
        ``newly_reachable`` (actors the actor can now reach),
        ``density_change``, ``ei_change`` (NaN when either group is unknown)
        and ``load_paths`` (pairs of actors that would now route through the
        introducer).

    Examples
    --------
    >>> import ecograph as eg
    >>> s = suggest_introducers(eg.datasets.tiny(), ["lab"], k=2)
    >>> s[["introducer", "common_neighbours"]].values.tolist()
    [['coop', 1], ['network', 1]]
    >>> s.loc[0, "why"]
    (('contacts', 1, 'bank'), ('distance', 4.7))
    """
    a = Analysis.of(G, group=group, seed=seed)
    if a.sparse.n < 2:
        raise GraphError("suggestions need at least two actors")
    F = Facts.read(a, label=label, kinds_excluded=kinds_excluded, support_kinds=support_kinds)
    ranked = rank_candidates(F, positions(F, actors), candidates=candidates, weights=weights)
    return suggestion_frame(ranked, ranked.top(k))
