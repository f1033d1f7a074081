"""E-I index and block density on valued ties: sums of weights instead of counts.

A tie of weight 3 (three joint projects, a grant three times larger) weighs
as much as three ties of weight 1. Both measures read the ``weight`` edge
attribute (1 where a tie lacks it; weights must be positive and finite):

* :func:`valued_ei_index`: ``(E − I) / (E + I)`` where E sums the weights of
  ties between groups and I of ties within a group (Krackhardt & Stern's
  index with weights, as UCINET's valued E-I);
* :func:`valued_block_density`: for two groups, the sum of the weights
  between them over the number of possible ties: the mean weight of a
  possible tie, absent ties counting 0 (Wasserman & Faust's density of a
  valued graph, by block).

With every weight 1 they equal :func:`ecograph.ei_index` and
:func:`ecograph.block_density`. An undirected tie counts once; in a
``DiGraph`` each arc counts, and block densities read from row group (sender)
to column group (receiver) over ``|A|·|B|`` possible arcs (``|A|(|A| − 1)``
inside a group).

**Unknown groups** are handled as by the unvalued versions
(:mod:`ecograph.measures.group_coverage`): only ties whose two ends have a
known group count, the known groups alone are rows and columns, results
carry ``attrs["coverage"]`` (or ``.coverage``: counts of ties, not weights)
and are NaN with a ``reason`` when the known part cannot support them.

References
----------
.. [1] Krackhardt, D. & Stern, R. N. (1988). Informal networks and
   organizational crises: an experimental simulation. *Social Psychology
   Quarterly* 51(2), 123-140.
.. [2] Wasserman, S. & Faust, K. (1994). *Social Network Analysis*.
   Cambridge University Press, ch. 4 and 10.
.. [3] Borgatti, S. P., Everett, M. G. & Freeman, L. C. (2002). *UCINET for
   Windows: Software for Social Network Analysis*. Analytic Technologies.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph(); G.add_weighted_edges_from([(0, 1, 3.0), (1, 2, 1.0)])
>>> float(valued_ei_index(G, {0: "a", 1: "a", 2: "b"}))  # (1 − 3) / 4
-0.5
"""

from __future__ import annotations

from typing import Literal, NamedTuple

import networkx as nx
import numpy as np
import pandas as pd

from ..partition import PartitionLike, resolve_grouping
from ..sparse import GraphLike, SparseGraph, as_sparse
from .directed import DirectedMatrix, directed_codes, directed_matrix
from .group_coverage import Coverage, MeasureValue, unavailable_reason, with_coverage

__all__ = ["valued_block_density", "valued_ei_index"]


class _Ties(NamedTuple):
    nodes: pd.Index
    u: np.ndarray
    v: np.ndarray
    w: np.ndarray
    codes: np.ndarray
    groups: list
    cov: Coverage
    directed: bool


def _valued_ties(G: GraphLike, partition: PartitionLike, weight: str | None) -> _Ties:
    """Each tie once (each arc in a DiGraph) with its weight, the group codes and the coverage."""
    if isinstance(G, DirectedMatrix) and not G.directed:  # the matrix of an undirected graph: each tie once, from the graph
        G = G.source
    if isinstance(G, DirectedMatrix) or (isinstance(G, nx.Graph) and G.is_directed()):
        M = directed_matrix(G, weight=weight)
        coo = M.A.tocoo()
        codes, groups = directed_codes(M, partition)
        u, v, w, nodes, directed = coo.row.astype(np.int64), coo.col.astype(np.int64), coo.data.astype(float), M.nodes, True
    else:
        S = G if isinstance(G, SparseGraph) else as_sparse(G, weight=weight)
        S, _, codes, groups = resolve_grouping(S, partition)
        u, v, w = S.edges()
        if weight is None:
            w = np.ones(len(u))
        nodes, directed = S.nodes, False
    known = codes >= 0
    both = known[u] & known[v]
    cov = Coverage(int(known.sum()), len(codes), int(both.sum()), len(u))
    return _Ties(nodes, u, v, w, codes, groups, cov, directed)


def _ratio(e: np.ndarray | float, i: np.ndarray | float) -> np.ndarray:
    total = np.asarray(e + i, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, (np.asarray(e, dtype=float) - i) / np.where(total > 0, total, 1), np.nan)


def valued_ei_index(
    G: GraphLike,
    attr: PartitionLike = "sphere",
    *,
    weight: str | None = "weight",
    level: Literal["network", "group", "actor"] = "network",
) -> MeasureValue | pd.Series | pd.DataFrame:
    """Krackhardt & Stern's E-I index with weights: ``(E − I) / (E + I)`` over sums of tie weights.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or SparseGraph
        A SparseGraph carries its own weights (``as_sparse(G, weight=...)``).
    attr : str, Series, mapping, list of sets or Communities, default "sphere"
    weight : str or None, default "weight"
        ``None``: every tie weighs 1 (:func:`ecograph.ei_index`'s value).
    level : {"network", "group", "actor"}, default "network"
        As :func:`ecograph.ei_index`: the whole network; each group (E: ties
        with one end in it, I: both ends); each actor (its own ties, sent
        and received).

    Returns
    -------
    MeasureValue, DataFrame or Series
        ``network``: a :class:`~ecograph.measures.group_coverage.MeasureValue`.
        ``group``: a DataFrame indexed by known group (``external``,
        ``internal``: sums of weights, and ``ei_index``). ``actor``: a Series
        named ``ei_index`` (NaN where the actor's group is unknown or it has
        no tie to a known group). Tables carry ``attrs["coverage"]`` and
        ``attrs["reason"]``; the reasons are :func:`ecograph.ei_index`'s.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(); G.add_weighted_edges_from([(0, 1, 3.0), (1, 2, 1.0), (2, 3, 2.0)])
    >>> valued_ei_index(G, {0: "a", 1: "a", 2: "b", 3: "b"}, level="group")
           external  internal  ei_index
    group
    a           1.0       3.0 -0.500000
    b           1.0       2.0 -0.333333
    >>> ei = valued_ei_index(G, {0: "a", 1: "a", 2: "b"})  # 3's group unknown: the tie 2-3 is left out
    >>> float(ei), ei.coverage.ties_known
    (-0.5, 2)
    """
    if level not in ("network", "group", "actor"):
        raise ValueError("level must be 'network', 'group' or 'actor'")
    t = _valued_ties(G, attr, weight)
    k = len(t.groups)
    reason = unavailable_reason(k, t.cov)
    cu, cv = t.codes[t.u], t.codes[t.v]
    both = (cu >= 0) & (cv >= 0)
    u, v, w, cu, cv = t.u[both], t.v[both], t.w[both], cu[both], cv[both]
    same = cu == cv
    if level == "network":
        e, i = float(w[~same].sum()), float(w[same].sum())
        return MeasureValue(float(_ratio(e, i)), coverage=t.cov, reason=reason)
    if level == "group":
        internal = np.bincount(cu[same], weights=w[same], minlength=k)
        external = np.bincount(cu[~same], weights=w[~same], minlength=k) + np.bincount(cv[~same], weights=w[~same], minlength=k)
        index = pd.Index(t.groups, name="group", dtype=object if not t.groups else None, tupleize_cols=False)
        values = _ratio(external, internal) if reason is None else np.full(k, np.nan)
        frame = pd.DataFrame({"external": external, "internal": internal, "ei_index": values}, index=index)
        return with_coverage(frame, t.cov, reason)
    n = len(t.nodes)
    internal = np.bincount(u[same], weights=w[same], minlength=n) + np.bincount(v[same], weights=w[same], minlength=n)
    external = np.bincount(u[~same], weights=w[~same], minlength=n) + np.bincount(v[~same], weights=w[~same], minlength=n)
    values = np.where((t.codes >= 0) & (reason is None), _ratio(external, internal), np.nan)
    out = pd.Series(values, index=t.nodes.copy(), name="ei_index")
    out.index.name = "actor"
    return with_coverage(out, t.cov, reason)


def valued_block_density(G: GraphLike, attr: PartitionLike = "sphere", *, weight: str | None = "weight") -> pd.DataFrame:
    """Mean weight of a possible tie within and between groups (sums of weights over possible ties).

    Undirected: diagonal ``W_AA / (|A|(|A| − 1)/2)``, off-diagonal ``W_AB /
    (|A|·|B|)``, symmetric. DiGraph: row group sends, column group receives,
    diagonal ``W_AA / (|A|(|A| − 1))``. A group of one actor has NaN on the
    diagonal. Sizes count the actors whose group is known; a tie counts
    when its two ends are known.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or SparseGraph
    attr : str, Series, mapping, list of sets or Communities, default "sphere"
    weight : str or None, default "weight"
        ``None``: every tie weighs 1 (:func:`ecograph.block_density`'s value).

    Returns
    -------
    DataFrame
        Known groups × known groups; ``attrs["coverage"]`` and
        ``attrs["reason"]`` (``"no_known_group"`` with an empty table).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(); G.add_weighted_edges_from([(0, 1, 3.0), (1, 2, 1.0), (2, 3, 2.0)])
    >>> valued_block_density(G, {0: "a", 1: "a", 2: "b", 3: "b"})
    group     a     b
    group
    a      3.00  0.25
    b      0.25  2.00
    >>> D = nx.DiGraph(); D.add_nodes_from([0, 1, 2]); D.add_weighted_edges_from([(0, 2, 4.0), (2, 0, 1.0)])
    >>> valued_block_density(D, {0: "a", 1: "a", 2: "b"})  # a sends 4 over 2 possible arcs, receives 1
    group    a    b
    group
    a      0.0  2.0
    b      0.5  NaN
    """
    t = _valued_ties(G, attr, weight)
    k = len(t.groups)
    cu, cv = t.codes[t.u], t.codes[t.v]
    both = (cu >= 0) & (cv >= 0)
    sums = np.bincount(cu[both] * k + cv[both], weights=t.w[both], minlength=k * k).reshape(k, k) if k else np.zeros((0, 0))
    sizes = np.bincount(t.codes[t.codes >= 0], minlength=k).astype(float)
    possible = np.outer(sizes, sizes)
    if t.directed:
        np.fill_diagonal(possible, sizes * (sizes - 1))
    else:
        sums = sums + sums.T - np.diag(np.diag(sums))
        np.fill_diagonal(possible, sizes * (sizes - 1) / 2.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        dens = np.where(possible > 0, sums / np.where(possible > 0, possible, 1), np.nan)
    index = pd.Index(t.groups, name="group", dtype=object if not t.groups else None, tupleize_cols=False)
    frame = pd.DataFrame(dens, index=index, columns=index.rename("group"))
    return with_coverage(frame, t.cov, None if t.groups else "no_known_group")
