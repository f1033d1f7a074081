"""Shortest paths on valued and directed ties: weighted betweenness and closeness.

A strong tie is a short one: the length of a tie is ``1 / weight`` (a tie of
weight 2 is half as long as a tie of weight 1), and a path's length is the
sum of its ties' lengths, as Newman (2001) and Opsahl et al. (2010) do for
collaboration strengths. A path follows the arcs' directions in a
``DiGraph``; an undirected tie can be walked both ways.

* :func:`weighted_betweenness`: the share of shortest paths between other
  actors that pass through an actor, normalised as networkx's
  ``betweenness_centrality(G, weight="distance")`` with ``distance = 1/weight``
  (by ``(n − 1)(n − 2) / 2`` undirected, ``(n − 1)(n − 2)`` directed);
  computed by igraph (Brandes's algorithm), where two paths whose lengths
  differ by less than a relative 1e-10 count as equally short (networkx
  compares lengths exactly, so on weights such as 3 it may split paths that
  rounding made unequal).
* :func:`weighted_closeness`: the inverse mean length of the shortest paths
  *to* an actor from the actors that reach it (networkx's convention,
  incoming paths in a DiGraph), times the share of the others that reach it
  (Wasserman & Faust's correction for networks in several pieces), as
  networkx's ``closeness_centrality(G, distance="distance")``.

References
----------
.. [1] Brandes, U. (2001). A faster algorithm for betweenness centrality.
   *Journal of Mathematical Sociology* 25(2), 163-177.
.. [2] Newman, M. E. J. (2001). Scientific collaboration networks. II.
   Shortest paths, weighted networks, and centrality. *Physical Review E*
   64, 016132.
.. [3] Opsahl, T., Agneessens, F. & Skvoretz, J. (2010). Node centrality in
   weighted networks: generalizing degree and shortest paths. *Social
   Networks* 32(3), 245-251.
.. [4] Wasserman, S. & Faust, K. (1994). *Social Network Analysis*.
   Cambridge University Press, ch. 5.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph(); G.add_weighted_edges_from([("a", "b", 1), ("b", "c", 1), ("a", "c", 0.25)])
>>> weighted_betweenness(G).tolist()  # a-c has length 4: the path through b (length 2) is shorter
[0.0, 1.0, 0.0]
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
from scipy.sparse.csgraph import dijkstra

from ..sparse import igraph_module
from .directed import DirectedMatrix, directed_matrix

__all__ = ["weighted_betweenness", "weighted_closeness"]

#: Sources per block of Dijkstra searches in :func:`weighted_closeness` (memory: block × actors floats).
_BLOCK = 256


def _lengths(M: DirectedMatrix) -> DirectedMatrix:
    L = M.A.copy()
    L.data = 1.0 / L.data
    return M._replace(A=L)


def weighted_betweenness(G: nx.Graph, *, weight: str | None = "weight") -> pd.Series:
    """Normalised betweenness on shortest paths whose length is the sum of ``1 / weight``.

    Equal to networkx's ``betweenness_centrality(G, weight="distance")``
    where each tie's ``distance`` is ``1 / weight`` (see the module notes for
    ties of equal length). ``weight=None`` counts every tie as length 1
    (plain betweenness, directed in a DiGraph).

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
    weight : str or None, default "weight"
        Positive finite weights; a tie without the attribute weighs 1.

    Returns
    -------
    Series
        Named ``betweenness``, indexed by actor id; ``attrs["length"]`` is
        ``"1/weight"`` (or ``"1"``) and ``attrs["directed"]`` whether paths
        followed the arcs.

    Examples
    --------
    >>> import networkx as nx
    >>> D = nx.DiGraph(); D.add_weighted_edges_from([(0, 1, 1), (1, 2, 1), (2, 0, 1)])
    >>> weighted_betweenness(D).tolist()  # a cycle: each actor is on one of the two paths of its two others
    [0.5, 0.5, 0.5]
    """
    M = _lengths(directed_matrix(G, weight=weight))
    n = len(M.nodes)
    values = np.zeros(n)
    if n > 2 and M.A.nnz:
        ig = igraph_module()
        coo = M.A.tocoo()
        keep = (coo.row < coo.col) | M.directed  # an undirected tie once
        g = ig.Graph(n=n, edges=np.column_stack([coo.row[keep], coo.col[keep]]).tolist(), directed=M.directed)
        raw = np.asarray(g.betweenness(directed=M.directed, weights=coo.data[keep].tolist()), dtype=float)
        values = raw / ((n - 1) * (n - 2)) * (1.0 if M.directed else 2.0)
    out = pd.Series(values, index=M.nodes.copy(), name="betweenness")
    out.index.name = "actor"
    out.attrs.update({"length": "1/weight" if weight is not None else "1", "directed": M.directed})
    return out


def weighted_closeness(G: nx.Graph, *, weight: str | None = "weight") -> pd.Series:
    """Closeness on shortest paths whose length is the sum of ``1 / weight``, corrected for unreachable actors.

    For an actor ``v`` reached by ``r`` others at total length ``d``:
    ``(r / d) · (r / (n − 1))``; 0 when no one reaches it. In a DiGraph the
    paths run *to* ``v`` (networkx's convention; use ``G.reverse()`` for
    outgoing paths). Equal to networkx's ``closeness_centrality(G,
    distance="distance")`` with ``distance = 1 / weight``.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
    weight : str or None, default "weight"

    Returns
    -------
    Series
        Named ``closeness``, indexed by actor id; ``attrs`` as
        :func:`weighted_betweenness`.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(); G.add_weighted_edges_from([("a", "b", 2), ("b", "c", 1)])
    >>> weighted_closeness(G).round(4).tolist()  # b: lengths 0.5 and 1, so 2 / 1.5
    [1.0, 1.3333, 0.8]
    """
    M = _lengths(directed_matrix(G, weight=weight))
    n = len(M.nodes)
    incoming = M.A.T.tocsr() if M.directed else M.A  # rows: v, distances from the others to v
    values = np.zeros(n)
    for start in range(0, n, _BLOCK):
        block = np.arange(start, min(start + _BLOCK, n))
        dist = dijkstra(incoming, directed=True, indices=block)
        finite = np.isfinite(dist)
        reached = finite.sum(axis=1) - 1.0
        total = np.where(finite, dist, 0.0).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            values[block] = np.where(total > 0, reached / np.where(total > 0, total, 1.0) * reached / max(n - 1, 1), 0.0)
    out = pd.Series(values, index=M.nodes.copy(), name="closeness")
    out.index.name = "actor"
    out.attrs.update({"length": "1/weight" if weight is not None else "1", "directed": M.directed})
    return out
