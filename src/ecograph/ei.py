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
expected value, its standard deviation, and the shares of permutations giving
a value at least (``p_greater``) or at most (``p_less``) the observed one.

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

from typing import Literal

import numpy as np
import pandas as pd

from .partition import PartitionLike, factorize, group_labels
from .sparse import GraphLike, as_sparse

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
) -> float | pd.Series | pd.DataFrame:
    """Krackhardt & Stern's E-I index, with an optional permutation test.

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
    attr : str, Series, mapping or list of sets, default "sphere"
        The grouping.
    level : {"network", "group", "actor"}, default "network"
    permutations : int, default 0
        Number of random relabellings for the permutation test (network and
        group levels).
    seed : int, default 0
        Seed of the permutations.

    Returns
    -------
    float, Series or DataFrame
        ``network`` without permutations: a float. ``network`` with
        permutations: a Series (``observed``, ``expected``, ``std``,
        ``p_greater``, ``p_less``, ``external``, ``internal``,
        ``permutations``, ``seed``). ``group``: a DataFrame indexed by group
        (``external``, ``internal``, ``ei_index`` and, with permutations,
        ``expected``, ``p_greater``, ``p_less``). ``actor``: a Series named
        ``ei_index`` indexed by actor id (NaN for actors without ties: the
        index is undefined for them).

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
    """
    if level not in ("network", "group", "actor"):
        raise ValueError("level must be 'network', 'group' or 'actor'")
    if permutations < 0:
        raise ValueError("permutations must be zero or positive")
    S = as_sparse(G)
    codes, groups = factorize(group_labels(S, attr))
    u, v, _ = S.edges()
    if level == "actor":
        if permutations:
            raise ValueError("the permutation test is available at network and group level")
        same = codes[u] == codes[v]
        n = S.n
        internal = np.bincount(u[same], minlength=n) + np.bincount(v[same], minlength=n)
        external = np.bincount(u[~same], minlength=n) + np.bincount(v[~same], minlength=n)
        return pd.Series(_ei(external, internal), index=S.nodes.copy(), name="ei_index")

    k = len(groups)

    def group_counts(c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        cu, cv = c[u], c[v]
        same = cu == cv
        internal = np.bincount(cu[same], minlength=k)
        external = np.bincount(cu[~same], minlength=k) + np.bincount(cv[~same], minlength=k)
        return external, internal

    external, internal = group_counts(codes)
    if level == "network":
        e_tot, i_tot = int(external.sum() // 2), int(internal.sum())
        observed = _ei(e_tot, i_tot)
        if not permutations:
            return observed
    rng = np.random.default_rng(seed)
    if level == "network":
        m = len(u)
        sims = np.empty(permutations)
        for p in range(permutations):
            c = rng.permutation(codes)
            e = int((c[u] != c[v]).sum())
            sims[p] = _ei(e, m - e)
        return pd.Series(
            {
                "observed": observed,
                "expected": float(sims.mean()),
                "std": float(sims.std(ddof=1)) if permutations > 1 else float("nan"),
                "p_greater": float((sims >= observed - 1e-12).mean()),
                "p_less": float((sims <= observed + 1e-12).mean()),
                "external": e_tot,
                "internal": i_tot,
                "permutations": permutations,
                "seed": seed,
            },
            name="ei_index",
        )
    obs = _ei(external, internal)
    frame = pd.DataFrame({"external": external, "internal": internal, "ei_index": obs}, index=pd.Index(groups, name="group"))
    if permutations:
        sims = np.empty((permutations, k))
        for p in range(permutations):
            e, i = group_counts(rng.permutation(codes))
            sims[p] = _ei(e, i)
        frame["expected"] = np.nanmean(sims, axis=0)
        frame["p_greater"] = (sims >= obs - 1e-12).mean(axis=0)
        frame["p_less"] = (sims <= obs + 1e-12).mean(axis=0)
        frame.attrs.update({"permutations": permutations, "seed": seed})
    return frame
