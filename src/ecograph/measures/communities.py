"""Communities: groups of actors more tied to each other than to the rest.

Detection runs in igraph's compiled code (Leiden, Louvain or label
propagation) with a seeded random generator, so the same graph and seed give
the same communities. Communities are numbered by decreasing size (ties broken
by the first member in node order), so numbering is stable too.

The result says how it was made (method, parameters, seed), converts itself
to a DataFrame, and compares itself with the spheres or any other partition
(normalised mutual information and adjusted Rand index).

References
----------
.. [1] Newman, M. E. J. & Girvan, M. (2004). Finding and evaluating community
   structure in networks. *Physical Review E* 69, 026113.
.. [2] Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008).
   Fast unfolding of communities in large networks. *J. Stat. Mech.* P10008.
.. [3] Traag, V. A., Waltman, L. & van Eck, N. J. (2019). From Louvain to
   Leiden: guaranteeing well-connected communities. *Scientific Reports* 9, 5233.
.. [4] Hubert, L. & Arabie, P. (1985). Comparing partitions. *Journal of
   Classification* 2, 193-218.

Examples
--------
>>> import networkx as nx
>>> K = nx.karate_club_graph()
>>> round(modularity(K, "club"), 4)
0.3582
>>> comms = detect_communities(K, seed=0)
>>> comms.n_communities, round(comms.modularity, 4)
(4, 0.4188)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..errors import GraphError
from ..partition import PartitionLike, factorize, resolve_grouping
from ..sparse import GraphLike, SparseGraph, as_sparse
from ..words import word
from .engines import Engine, get_engine, igraph_seed
from .group_coverage import Coverage, MeasureValue, coverage_of_codes, known_tie_codes, unavailable_reason, with_coverage

__all__ = ["Communities", "compare_partitions", "detect_communities", "modularity"]

METHODS = ("leiden", "louvain", "label_propagation")


def modularity(G: GraphLike, partition: PartitionLike, *, weight: str | None = None, resolution: float = 1.0) -> MeasureValue:
    """Newman–Girvan modularity of a partition.

    ``Q = Σ_c [ L_c / m − γ (d_c / 2m)² ]`` where ``L_c`` is the (weighted)
    number of ties inside community ``c``, ``d_c`` the sum of its degrees and
    ``γ`` the resolution.

    Actors whose group is unknown are left out: ``Q`` is the modularity of
    the known groups in the network of the actors whose group is known (``m``
    and the degrees count only ties whose two ends are known).

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
    partition : str, Series, mapping, list of sets or Communities
        An attribute name (e.g. ``"sphere"``) or any grouping.
    weight : str, optional
        Edge weight attribute; ``None`` (default) counts every tie once.
    resolution : float, default 1

    Returns
    -------
    MeasureValue
        A float with ``.coverage``; NaN with ``.reason`` when no group is
        known, only one is (``Q`` would be 0 by construction) or no tie
        joins two actors of known group.

    Raises
    ------
    GraphError
        If the graph has no tie at all.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.barbell_graph(3, 0)
    >>> round(modularity(G, [{0, 1, 2}, {3, 4, 5}]), 4)
    0.3571
    >>> q = modularity(G, [{0, 1}, {3, 4, 5}])  # actor 2's group is unknown
    >>> round(q, 4) == round(nx.community.modularity(G.subgraph([0, 1, 3, 4, 5]), [{0, 1}, {3, 4, 5}]), 4), q.coverage.ties_known
    (True, 4)
    """
    S = as_sparse(G, weight=weight)
    if S.m == 0:
        raise GraphError("modularity is undefined for a graph without ties")
    S, _, codes, groups = resolve_grouping(S, partition)
    cov = coverage_of_codes(S, codes)
    reason = unavailable_reason(len(groups), cov)
    q = modularity_of_codes(S, codes, len(groups), resolution, cov) if reason is None else float("nan")
    return MeasureValue(q, coverage=cov, reason=reason)


def modularity_of_codes(S: SparseGraph, codes: np.ndarray, k: int, resolution: float, cov: Coverage | None = None) -> float:
    """Modularity of the groups ``codes`` (``-1``: unknown, left out with its ties)."""
    w = S.edges()[2]
    cu, cv, both = known_tie_codes(S, codes, cov if cov is not None else coverage_of_codes(S, codes))
    w = w if both is None else w[both]
    m = float(w.sum())
    same = cu == cv
    inside = np.bincount(cu[same], weights=w[same], minlength=k)
    d = np.bincount(cu, weights=w, minlength=k) + np.bincount(cv, weights=w, minlength=k)
    return float((inside / m - resolution * (d / (2 * m)) ** 2).sum())


def _agreement(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """NMI and adjusted Rand index of two code arrays (dense codes 0..k-1, none missing)."""
    n = len(a)
    table = sp.coo_array((np.ones(n), (a, b))).tocsr()
    table.sum_duplicates()
    nij = table.data
    ai = np.asarray(table.sum(axis=1)).ravel()
    bj = np.asarray(table.sum(axis=0)).ravel()
    # mutual information and entropies (natural log; the ratio does not depend on the base)
    rows, cols = table.nonzero()
    mi = float((nij / n * np.log(nij * n / (ai[rows] * bj[cols]))).sum())
    ha = float(-(ai / n * np.log(ai / n)).sum())
    hb = float(-(bj / n * np.log(bj / n)).sum())
    nmi = 1.0 if ha + hb == 0 else 2 * mi / (ha + hb)

    def comb2(x: np.ndarray) -> float:
        return float((x * (x - 1) / 2).sum())

    index = comb2(nij)
    sa, sb = comb2(ai), comb2(bj)
    total = n * (n - 1) / 2
    expected = sa * sb / total if total else 0.0
    maximum = (sa + sb) / 2
    ari = 1.0 if maximum == expected else (index - expected) / (maximum - expected)
    return nmi, ari


def _agreement_series(values: tuple[float, float], cov: Coverage, reason: str | None) -> pd.Series:
    out = pd.Series({"nmi": values[0], "adjusted_rand": values[1]}, name="agreement")
    return with_coverage(out, cov, reason)


def compare_partitions(a: np.ndarray | pd.Series, b: np.ndarray | pd.Series) -> pd.Series:
    """Normalised mutual information and adjusted Rand index of two labelings.

    NMI is normalised by the arithmetic mean of the two entropies (Danon et
    al.); both are 1 for identical partitions. Positions where either label
    is missing (None, NaN, empty or blank text) are left out;
    ``attrs["coverage"]`` counts the positions kept (basis ``"actors"``), and
    both values are NaN with ``attrs["reason"] == "no_known_group"`` when
    none is left.

    Examples
    --------
    >>> compare_partitions(np.array([0, 0, 1, 1]), np.array(["x", "x", "y", "y"])).tolist()
    [1.0, 1.0]
    >>> compare_partitions(np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1])).round(3).tolist()
    [0.0, -0.5]
    >>> r = compare_partitions(np.array([0, 0, 1, 1, 1]), np.array(["x", "x", "y", "", None], dtype=object))
    >>> r.tolist(), r.attrs["coverage"].actors_known
    ([1.0, 1.0], 3)
    """
    ca, _ = factorize(a)
    cb, _ = factorize(b)
    if len(ca) != len(cb):
        raise ValueError(f"the two labelings differ in length ({len(ca)} and {len(cb)})")
    keep = (ca >= 0) & (cb >= 0)
    cov = Coverage(int(keep.sum()), len(keep), 0, 0, "actors")
    if not keep.any():
        return _agreement_series((np.nan, np.nan), cov, "no_known_group")
    return _agreement_series(_agreement(factorize(ca[keep])[0], factorize(cb[keep])[0]), cov, None)


@dataclass
class Communities:
    """Communities found in a graph, with how they were found.

    Attributes
    ----------
    membership : Series
        Community number of each actor (name ``community``), 0 for the largest.
    modularity : float
        Modularity of the partition (same weight and resolution as detection).
    method : str
    parameters : dict
        ``resolution`` and ``weight`` used.
    seed : int

    Examples
    --------
    >>> import networkx as nx
    >>> comms = detect_communities(nx.barbell_graph(3, 0), seed=0)
    >>> comms.n_communities, comms.sizes.tolist()
    (2, [3, 3])
    """

    membership: pd.Series
    modularity: float
    method: str
    parameters: dict[str, Any]
    seed: int
    _graph: SparseGraph | None = field(default=None, repr=False, compare=False)

    def __repr__(self) -> str:
        return f"<Communities: {self.n_communities} communities by {self.method} (seed={self.seed}), modularity {self.modularity:.4f}>"

    def text(self, lang: str = "en") -> str:
        """How many communities, found how, and their modularity, in ``lang``.

        >>> import networkx as nx
        >>> print(detect_communities(nx.barbell_graph(3, 0), seed=0).text("fr"))
        2 communautés trouvées par leiden (graine 0), modularité 0,3571
        """
        return word("measures.communities", lang, n=self.n_communities, method=self.method, seed=self.seed, modularity=self.modularity)

    @property
    def n_communities(self) -> int:
        """Number of communities."""
        return int(self.membership.nunique())

    @property
    def sizes(self) -> pd.Series:
        """Number of actors in each community."""
        return self.membership.value_counts().sort_index().rename("size")

    def communities(self) -> list[set]:
        """The communities as a list of sets of actor ids, largest first."""
        return [set(ids) for _, ids in self.membership.groupby(self.membership, sort=True).groups.items()]

    def to_frame(self) -> pd.DataFrame:
        """One row per actor: its community and that community's size.

        The method, parameters and seed are in ``DataFrame.attrs``.

        Examples
        --------
        >>> import networkx as nx
        >>> frame = detect_communities(nx.barbell_graph(4, 0)).to_frame()
        >>> frame["community"].tolist(), frame.attrs["method"]
        ([0, 0, 0, 0, 1, 1, 1, 1], 'leiden')
        """
        frame = self.membership.to_frame()
        frame["community_size"] = self.membership.map(self.sizes).astype(int)
        frame.attrs.update({"method": self.method, "seed": self.seed, "modularity": self.modularity, **self.parameters})
        return frame

    def compare(self, other: Communities | PartitionLike) -> pd.Series:
        """Agreement with another partition: NMI and adjusted Rand index.

        ``other`` may be another :class:`Communities`, an attribute name of the
        graph's nodes (e.g. ``"sphere"``), a Series, a mapping or a list of sets.
        Both are computed on the actors whose ``other`` group is known;
        ``attrs["coverage"]`` (basis ``"actors"``) says how many, and
        ``attrs["reason"]`` why both are NaN when no group or only one group
        is known (agreement with one group is 0 by construction).

        Examples
        --------
        >>> import networkx as nx
        >>> K = nx.karate_club_graph()
        >>> detect_communities(K, seed=0).compare("club").round(3).tolist()
        [0.49, 0.392]
        """
        if self._graph is None:
            raise GraphError("these communities carry no graph to compare against; pass a Series or mapping instead")
        S, _, theirs, groups = resolve_grouping(self._graph, other)
        mine, _ = factorize(self.membership.reindex(S.nodes))
        cov = coverage_of_codes(S, theirs, "actors")
        reason = unavailable_reason(len(groups), cov, need_ties=False)
        keep = (theirs >= 0) & (mine >= 0)
        if reason is not None:
            return _agreement_series((np.nan, np.nan), cov, reason)
        return _agreement_series(_agreement(factorize(mine[keep])[0], factorize(theirs[keep])[0]), cov, None)


def _canonical(membership: np.ndarray) -> np.ndarray:
    """Renumber communities by decreasing size, ties by first member."""
    labels, first = np.unique(membership, return_index=True)
    sizes = np.bincount(np.searchsorted(labels, membership), minlength=len(labels))
    order = np.lexsort((first, -sizes))
    rank = np.empty(len(labels), dtype=np.int64)
    rank[order] = np.arange(len(labels))
    return rank[np.searchsorted(labels, membership)]


def detect_communities(
    G: GraphLike,
    *,
    method: Literal["leiden", "louvain", "label_propagation"] = "leiden",
    resolution: float = 1.0,
    weight: str | None = None,
    seed: int = 0,
    n_iterations: int = 2,
    engine: str | Engine = "igraph",
) -> Communities:
    """Find communities.

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
    method : {"leiden", "louvain", "label_propagation"}, default "leiden"
        Leiden optimises modularity and guarantees connected communities;
        Louvain is the classic (Gephi's default); label propagation is
        fastest and has no resolution.
    resolution : float, default 1
        Higher values give more, smaller communities (Leiden and Louvain).
    weight : str, optional
        Edge weight attribute; ``None`` (default) counts every tie once.
    seed : int, default 0
    n_iterations : int, default 2
        Leiden iterations (igraph's and leidenalg's default); ``-1`` iterates
        until the partition no longer changes, which can take long on very
        large graphs.
    engine : {"igraph", "networkit"} or Engine, default "igraph"
        What runs Leiden (:mod:`ecograph.measures.engines`); Louvain and label
        propagation always run on igraph.

    Returns
    -------
    Communities

    Examples
    --------
    >>> import networkx as nx
    >>> comms = detect_communities(nx.karate_club_graph(), method="louvain", seed=3)
    >>> comms.method, comms.seed, comms.parameters
    ('louvain', 3, {'resolution': 1.0, 'weight': None, 'n_iterations': 2})
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}")
    S = as_sparse(G, weight=weight)
    runner = get_engine(engine)
    weights = "weight" if weight is not None else None
    if S.m == 0:
        raw = np.arange(S.n)
    elif method == "leiden":
        raw = runner.leiden(S, seed=seed, resolution=resolution, n_iterations=n_iterations, weighted=weight is not None)
    else:
        with igraph_seed(seed):
            if method == "louvain":
                raw = np.array(S.igraph().community_multilevel(weights=weights, resolution=resolution).membership)
            else:
                raw = np.array(S.igraph().community_label_propagation(weights=weights).membership)
    codes = _canonical(raw)
    q = modularity_of_codes(S, codes, int(codes.max()) + 1, resolution) if S.m else 0.0
    membership = pd.Series(codes, index=S.nodes.copy(), name="community")
    params = {"resolution": float(resolution), "weight": weight, "n_iterations": n_iterations}
    if method == "leiden" and runner.name != "igraph":  # the default engine is not written, so that outputs stay as they were
        params["engine"] = runner.name
    return Communities(membership, q, method, params, seed, S)
