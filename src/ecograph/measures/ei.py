"""Krackhardt & Stern's E-I index: do actors tie outside their group or inside it?

``E-I = (E − I) / (E + I)`` where E counts ties between different groups and
I ties within a group. It runs from −1 (all ties inside groups: people "know
each other in groups but not across the ecosystem") to +1 (all ties cross
groups). Each undirected tie is counted once, at every level.

* ``level="network"``: one value for the whole graph;
* ``level="group"``: for each group, E = ties with exactly one end in it, I =
  ties with both ends in it;
* ``level="actor"``: for each actor, E and I count its own neighbours.

With ``permutations=N`` the group labels are shuffled N times among the
actors (group sizes kept, seeded), as UCINET does, and the result adds the
expected value, its standard deviation, and the p-values of a value at
least (``p_greater``) or at most (``p_less``) the observed one: the share of
relabellings as extreme, the observed labelling counted among them
(``(1 + as extreme) / (1 + N)``, never 0).

Unknown is unknown: only ties whose two ends have a known group count, and
the permutations shuffle groups among the actors whose group is known. Every
result says how much of the network that is (``.coverage`` of the number,
``attrs["coverage"]`` of a table), and is NaN with a ``reason`` when the known
part cannot support it (see :mod:`ecograph.measures.group_coverage`).

References
----------
.. [1] Krackhardt, D. & Stern, R. N. (1988). Informal networks and
   organizational crises: an experimental simulation. *Social Psychology
   Quarterly* 51(2), 123-140.

Examples
--------
>>> import networkx as nx
>>> K = nx.karate_club_graph()
>>> round(ei_index(K, "club"), 3)
-0.718
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import pandas as pd

from ..partition import PartitionLike, resolve_grouping
from ..sparse import GraphLike, SparseGraph
from .group_coverage import Coverage, MeasureValue, coverage_of_codes, known_tie_codes, unavailable_reason, with_coverage

__all__ = ["ei_index"]


def _ei(e: np.ndarray | float, i: np.ndarray | float) -> np.ndarray | float:
    total = np.asarray(e + i, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(total > 0, (np.asarray(e, dtype=float) - i) / np.where(total > 0, total, 1), np.nan)
    return float(out) if out.ndim == 0 else out


def ei_index(
    G: GraphLike,
    attr: PartitionLike = "sphere",
    *,
    level: Literal["network", "group", "actor"] = "network",
    permutations: int = 0,
    seed: int = 0,
) -> MeasureValue | pd.Series | pd.DataFrame:
    """Krackhardt & Stern's E-I index, with an optional permutation test.

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
    attr : str, Series, mapping, list of sets or Communities, default "sphere"
        The grouping (see :func:`ecograph.partition.group_labels`).
    level : {"network", "group", "actor"}, default "network"
    permutations : int, default 0
        Number of random relabellings for the permutation test (network and
        group levels).
    seed : int, default 0
        Seed of the permutations.

    Returns
    -------
    MeasureValue, Series or DataFrame
        ``network`` without permutations: a :class:`~ecograph.measures.group_coverage.MeasureValue`
        (a float with ``.coverage`` and ``.reason``). ``network`` with
        permutations: a Series (``observed``, ``expected``, ``std``,
        ``p_greater``, ``p_less``, ``external``, ``internal``,
        ``permutations``, ``seed``). ``group``: a DataFrame indexed by known
        group (``external``, ``internal``, ``ei_index`` and, with
        permutations, ``expected``, ``p_greater``, ``p_less``). ``actor``: a
        Series named ``ei_index`` indexed by actor id. Series and DataFrames
        carry ``attrs["coverage"]`` and ``attrs["reason"]``.

    Notes
    -----
    Only ties whose two ends have a known group count, at every level; the
    permutations shuffle the groups among the actors whose group is known.
    An actor's own E-I counts its neighbours of known group, and is NaN when
    its own group is unknown or it has no such neighbour. The index cannot
    be computed (NaN, with ``reason``) when no group is known
    (``no_known_group``), when one group only is known (``one_known_group``:
    E-I would be −1 by construction) or when no tie joins two actors of
    known group (``no_known_tie``); the group level then gives its counts
    with NaN indices, the actor level NaN, and the permutation test NaN
    statistics.

    Examples
    --------
    >>> import networkx as nx
    >>> K = nx.karate_club_graph()
    >>> test = ei_index(K, "club", permutations=500, seed=1)
    >>> round(float(test["observed"]), 3), bool(test["p_less"] < 0.01)
    (-0.718, True)
    >>> ei_index(K, "club", level="group").round(3)
             external  internal  ei_index
    group
    Mr. Hi         11        35    -0.522
    Officer        11        32    -0.488
    >>> ei_index(K, "club", level="actor").loc[[0, 8]].round(3).tolist()
    [-0.875, 0.2]
    >>> G = nx.Graph([(0, 1), (2, 3)]); nx.set_node_attributes(G, {0: "a", 1: "", 2: "b", 3: ""}, "sphere")
    >>> ei = ei_index(G, "sphere")
    >>> ei.reason, ei.coverage.ties_known
    ('no_known_tie', 0)
    """
    if level not in ("network", "group", "actor"):
        raise ValueError("level must be 'network', 'group' or 'actor'")
    if permutations < 0:
        raise ValueError("permutations must be zero or positive")
    if level == "actor" and permutations:
        raise ValueError("the permutation test is available at network and group level")
    S, _, codes, groups = resolve_grouping(G, attr)
    cov = coverage_of_codes(S, codes)
    reason = unavailable_reason(len(groups), cov)
    k = len(groups)
    if level == "actor":
        return with_coverage(_actor_ei(S, codes, cov, reason), cov, reason)
    cu, cv, both = known_tie_codes(S, codes, cov)  # from here on, only ties between two actors of known group
    external, internal = _group_counts(cu, cv, k)
    if level == "network":
        e_tot, i_tot = int(external.sum() // 2), int(internal.sum())
        observed = MeasureValue(_ei(e_tot, i_tot), coverage=cov, reason=reason)
        if not permutations:
            return observed
    rng = np.random.default_rng(seed)
    # permutations shuffle the groups among known actors: ties as positions among the known actors
    if permutations and reason is None:
        ku, kv, known_codes = _known_positions(S, codes, both)
        # small codes: the relabelled array stays in cache while the ties read it (same permutations, 2 to 3 times as fast)
        known_codes = known_codes.astype(np.int8 if k < 128 else np.int32)
    if level == "network":
        done = bool(permutations) and reason is None
        sims = np.full(permutations, np.nan)
        if done:
            m = len(ku)
            for p in range(permutations):
                c = rng.permutation(known_codes)
                e = int((c[ku] != c[kv]).sum())
                sims[p] = _ei(e, m - e)
        test = pd.Series(
            {
                "observed": float(observed),
                "expected": float(sims.mean()) if done else np.nan,
                "std": float(sims.std(ddof=1)) if done and permutations > 1 else float("nan"),
                "p_greater": _p(sims >= observed - 1e-12) if done else np.nan,
                "p_less": _p(sims <= observed + 1e-12) if done else np.nan,
                "external": e_tot,
                "internal": i_tot,
                "permutations": permutations,
                "seed": seed,
            },
            name="ei_index",
        )
        return with_coverage(test, cov, reason)
    obs = _ei(external, internal) if reason is None else np.full(k, np.nan)
    index = pd.Index(groups, name="group", dtype=object if not groups else None, tupleize_cols=False)
    frame = pd.DataFrame({"external": external, "internal": internal, "ei_index": obs}, index=index)
    if permutations:
        if reason is None:
            sims = np.empty((permutations, k))
            for p in range(permutations):
                c = rng.permutation(known_codes)
                sims[p] = _ei(*_group_counts(c[ku], c[kv], k))
            frame["expected"] = np.nanmean(sims, axis=0)
            frame["p_greater"] = _p(sims >= obs - 1e-12)
            frame["p_less"] = _p(sims <= obs + 1e-12)
        else:
            frame["expected"] = frame["p_greater"] = frame["p_less"] = np.nan
        frame.attrs.update({"permutations": permutations, "seed": seed})
    return with_coverage(frame, cov, reason)


def _p(extreme: np.ndarray) -> Any:
    """Permutation p-value counting the observed labelling among the draws: ``(1 + extreme) / (1 + draws)``.

    Never 0: with 1,000 relabellings none as extreme gives 1/1001 (Phipson &
    Smyth 2010), as the null models' p-values (:mod:`ecograph.measures.robustness`).

    >>> _p(np.array([False, False, False])), _p(np.array([True, False, False]))
    (0.25, 0.5)
    """
    out = (1 + extreme.sum(axis=0)) / (1 + len(extreme))
    return float(out) if np.ndim(out) == 0 else out


def network_ei_of_codes(S: SparseGraph, codes: np.ndarray, k: int, cov: Coverage) -> MeasureValue:
    """The network-level E-I of resolved group codes."""
    reason = unavailable_reason(k, cov)
    if reason is not None:
        return MeasureValue(np.nan, coverage=cov, reason=reason)
    cu, cv, _ = known_tie_codes(S, codes, cov)
    e = int((cu != cv).sum())
    return MeasureValue(_ei(e, len(cu) - e), coverage=cov)


def _group_counts(cu: np.ndarray, cv: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Ties leaving each group (external) and inside it (internal), from the codes of both ends."""
    same = cu == cv
    internal = np.bincount(cu[same], minlength=k)
    external = np.bincount(cu[~same], minlength=k) + np.bincount(cv[~same], minlength=k)
    return external, internal


def _known_positions(S: SparseGraph, codes: np.ndarray, both: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The known-known ties as positions among the actors of known group, and those actors' codes."""
    u, v, _ = S.edges()
    if both is None and (codes >= 0).all():
        return u, v, codes
    if both is not None:
        u, v = u[both], v[both]
    known = np.flatnonzero(codes >= 0)
    position = np.full(S.n, -1, dtype=np.int64)
    position[known] = np.arange(len(known))
    return position[u], position[v], codes[known]


def _actor_ei(S: SparseGraph, codes: np.ndarray, cov: Coverage, reason: str | None) -> pd.Series:
    n = S.n
    if reason is not None:
        return pd.Series(np.full(n, np.nan), index=S.nodes.copy(), name="ei_index")
    u, v, _ = S.edges()
    cu, cv = codes[u], codes[v]
    if cov.ties_known < cov.ties:
        both = (cu >= 0) & (cv >= 0)
        u, v, cu, cv = u[both], v[both], cu[both], cv[both]
    same = cu == cv
    internal = np.bincount(u[same], minlength=n) + np.bincount(v[same], minlength=n)
    external = np.bincount(u[~same], minlength=n) + np.bincount(v[~same], minlength=n)
    values = np.where(codes >= 0, _ei(external, internal), np.nan)
    return pd.Series(values, index=S.nodes.copy(), name="ei_index")
