"""The community view: one node per community, for networks too large to draw actor by actor."""

from __future__ import annotations

from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ..measures.analysis import Analysis
from ..words import label, word
from .network import view
from .page import NetworkView
from .records import text

__all__ = ["community_graph", "view_communities"]


def _community_graph(S: Any, codes: np.ndarray, names: np.ndarray, spheres: np.ndarray, top: int, title: str, lang: str) -> nx.Graph:
    """Communities as nodes (size, dominant sphere, best-connected members), ties between them counted."""
    k = int(codes.max()) + 1
    u, v, _ = S.edges()
    cu, cv = codes[u], codes[v]
    cross = cu != cv
    a, b = np.minimum(cu[cross], cv[cross]), np.maximum(cu[cross], cv[cross])
    pair_counts = pd.Series(1, index=pd.MultiIndex.from_arrays([a, b])).groupby(level=[0, 1]).sum() if len(a) else pd.Series(dtype=int)
    sizes = np.bincount(codes, minlength=k)
    deg = S.degrees()
    Q = nx.Graph(name=title, synthetic=S.graph.get("synthetic", False))
    # every community's members, best connected first, from one sort
    by_community = np.lexsort((-deg, codes))
    bounds = np.searchsorted(codes[by_community], np.arange(k + 1))
    known = pd.Series(spheres).replace("", np.nan)
    counts = pd.DataFrame({"c": codes, "s": known}).dropna().groupby(["c", "s"]).size()
    # the most frequent known sphere of each community (ties: the first in sphere order)
    dominant = counts.sort_values(ascending=False, kind="stable").reset_index().drop_duplicates("c").set_index("c")["s"]
    for c in range(k):
        order = by_community[bounds[c] : bounds[c + 1]][:top]
        Q.add_node(
            f"community {c}",
            name=word("views.community_name", lang, c=c, n=int(sizes[c])),
            sphere=dominant.get(c, ""),
            kind="community",
            members=int(sizes[c]),
            top=[text(names[i]) for i in order],
        )
    for (x, y), w in pair_counts.items():
        Q.add_edge(f"community {x}", f"community {y}", n_ties=int(w), types=["tie"])
    return Q


def _column(S: Any, attr: str) -> list:
    """A node attribute of the sparse graph (from its table, or the graph it came from), None where missing."""
    if attr in S.attributes.columns:
        return S.attributes[attr].tolist()
    return S.attribute(attr).tolist()


def community_graph(G: Any, communities: Any = None, *, seed: int = 0, lang: str = "en", top: int = 10, title: str = "") -> nx.Graph:
    """The network of communities: one node per community (``members``, dominant known ``sphere``, ``top`` members), ties counted.

    Examples
    --------
    >>> import ecograph as eg
    >>> Q = community_graph(eg.datasets.synthetic(600, seed=1).graph())
    >>> Q.nodes["community 0"]["members"] > 0
    True
    """
    analysis: Analysis = Analysis.of(G, seed=seed)
    S = analysis.sparse
    comms = communities if communities is not None else analysis.communities
    codes = comms.membership.reindex(S.nodes).to_numpy(dtype=np.int64)
    spheres = np.array([text(v) for v in _column(S, "sphere")], dtype=object)
    names = np.array([text(v) or text(n) for v, n in zip(_column(S, "name"), S.nodes)], dtype=object)
    return _community_graph(S, codes, names, spheres, top, title, lang)


def view_communities(
    G: Any, communities: Any = None, *, seed: int = 0, title: str | None = None, lang: str = "en", top: int = 10
) -> NetworkView:
    """One node per community, sized by members, ties weighted; click a community to list its members.

    Used automatically by :func:`~ecograph.view` above
    :data:`~ecograph.views.AGGREGATE_ABOVE` actors. Each community's card
    lists its best-connected members; drill down into one community with
    :func:`~ecograph.view_community`.

    Parameters
    ----------
    G : networkx.Graph, SparseGraph or Analysis
    communities : Communities, optional
        Read from the Analysis (``Analysis.of(G, seed=seed).communities``) if missing.
    top : int, default 10
        Members listed in each community's card (by number of ties).

    Examples
    --------
    >>> import ecograph as eg
    >>> v = eg.view_communities(eg.datasets.synthetic(600, seed=1).graph())
    >>> v.nodes[0]["card"][0][0]
    'members'
    """
    analysis: Analysis = Analysis.of(G, seed=seed)
    graph = analysis.sparse.graph
    name = title or f"{graph.get('title') or graph.get('name') or word('views.network', lang)}: {word('views.communities', lang)}"
    Q = community_graph(analysis, communities, seed=seed, lang=lang, top=top, title=name)
    v = view(Q, color="sphere", size="members", seed=seed, lang=lang, aggregate_above=None, renderer="canvas")
    for rec in v.nodes:
        d = Q.nodes[rec["key"]]
        rec["card"] = [(word("views.members", lang), str(d["members"])), (word("views.sphere", lang), label("sphere", d["sphere"], lang))]
        rec["card"] += [(str(i + 1), member) for i, member in enumerate(d["top"])]
    return v
