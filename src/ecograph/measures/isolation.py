"""Isolated and peripheral actors: who is left out, and how far out.

The study notes that "some initiatives stay isolated" and recommends bringing
them in. :func:`isolated_actors` lists every actor that is

* an **isolate** (no known tie),
* a **pendant** (one tie only: it hangs on a single actor), or
* **outside the largest component** (its part of the network is cut off from
  the main one),

with its component's size, its k-core shell (how deep in the network it sits:
1 for the periphery), how many actors it reaches in two steps, and a reason
in plain words.

Examples
--------
>>> import ecograph as eg
>>> iso = isolated_actors(eg.datasets.tiny().graph(via_people=False))
>>> iso["reason"].to_dict()
{'loner': 'no known tie', 'lab': 'only linked through Crowdfunding platform'}
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..sparse import GraphLike, as_sparse, outside_largest
from ..words import word
from .engines import Engine, get_engine

__all__ = ["REACH_BATCH", "core_numbers", "isolated_actors", "two_step_reach"]

#: Marks of two-step paths :func:`two_step_reach` holds in memory at once (about 12 bytes each).
REACH_BATCH = 4_000_000


def core_numbers(G: GraphLike, *, engine: str | Engine = "igraph") -> pd.Series:
    """k-core shell of every actor (igraph's coreness, or NetworKit's core decomposition with ``engine="networkit"``).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.complete_graph(4); G.add_edge(3, 4)
    >>> core_numbers(G).tolist()
    [3, 3, 3, 3, 1]
    """
    S = as_sparse(G)
    return pd.Series(get_engine(engine).core_numbers(S), index=S.nodes.copy(), name="core")


def two_step_reach(G: GraphLike, actors: list | None = None) -> pd.Series:
    """Number of other actors within two steps of each actor (or of ``actors``).

    Examples
    --------
    >>> import networkx as nx
    >>> two_step_reach(nx.path_graph(5)).tolist()
    [2, 3, 4, 3, 2]
    """
    S = as_sparse(G)
    idx = np.arange(S.n) if actors is None else S.nodes.get_indexer(actors)
    A = S.binary
    degree = np.diff(A.indptr)
    counts = np.zeros(len(idx), dtype=np.int64)
    # a pendant reaches its one neighbour and that neighbour's other neighbours: the neighbour's degree,
    # read off without listing them (a hub's thousand pendants would each list the hub's thousand ties)
    pendant = degree[idx] == 1
    counts[pendant] = degree[A.indices[A.indptr[idx[pendant]]]]
    rest = np.flatnonzero(~pendant)
    if len(rest):
        # a row of A (A + I) marks the actor's neighbours and theirs, the actor itself once it has one
        steps = (A + sp.eye_array(S.n, format="csr")).tocsr()
        work = (A @ (degree + 1.0))[idx[rest]]  # at most that many marks per row: rows taken a few million marks at a time
        for part in np.split(rest, np.flatnonzero(np.diff(np.cumsum(work) // REACH_BATCH)) + 1):
            rows = idx[part]
            counts[part] = np.diff((A[rows] @ steps).indptr) - (degree[rows] > 0)
    return pd.Series(counts, index=S.nodes[idx].copy(), name="reach_2")


def isolated_actors(G: GraphLike, *, label: str = "name", lang: str = "en", engine: str | Engine = "igraph") -> pd.DataFrame:
    """Isolates, pendants and actors outside the largest component.

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
    label : str, default "name"
        Node attribute used to name actors in the reasons (the id when an
        actor lacks it).
    lang : {"en", "fr"}, default "en"
        Language of the reasons.
    engine : {"igraph", "networkit"} or Engine, default "igraph"
        What finds the components and the k-core shells (:mod:`ecograph.measures.engines`).

    Returns
    -------
    DataFrame
        Indexed by actor id, most isolated first: ``isolate``, ``pendant``
        (booleans), ``outside_main`` (not in the largest component),
        ``component_size``, ``degree``, ``core`` (k-core shell), ``reach_2``
        (actors within two steps), ``linked_through`` (the neighbours of a
        pendant or of a small component's members) and ``reason``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("e", "f")])
    >>> G.add_node("g")
    >>> iso = isolated_actors(G)
    >>> iso[["component_size", "reach_2"]].values.tolist()
    [[1, 0], [2, 1], [2, 1], [4, 3]]
    >>> for actor, reason in iso["reason"].items():
    ...     print(actor, "|", reason)
    g | no known tie
    e | in a connected part of 2 actors, outside the largest; only linked through f
    f | in a connected part of 2 actors, outside the largest; only linked through e
    d | only linked through c
    """
    S = as_sparse(G)
    runner = get_engine(engine)
    comp = runner.components(S)
    sizes = np.bincount(comp)
    deg = S.degrees()
    isolate = deg == 0
    pendant = deg == 1
    outside = outside_largest(comp)
    pick = np.flatnonzero(isolate | pendant | outside)
    A = S.adjacency
    columns = ["isolate", "pendant", "outside_main", "component_size", "degree", "core", "reach_2", "linked_through", "reason"]
    if len(pick) == 0:
        return pd.DataFrame(columns=columns, index=pd.Index([], name="actor", dtype=object))
    core = core_numbers(S, engine=runner).to_numpy()[pick]
    reach = two_step_reach(S, list(S.nodes[pick])).to_numpy()
    neighbours = [A.indices[A.indptr[i] : A.indptr[i + 1]] for i in pick]
    needed = np.unique(np.concatenate(neighbours)) if neighbours else np.empty(0, dtype=np.int64)
    names = dict(zip(needed.tolist(), _labels(S, label, needed)))
    through, reasons = [], []
    for i, nbrs in zip(pick, neighbours):
        nbr_names = [names[j] for j in nbrs.tolist()]
        through.append(", ".join(nbr_names))
        parts = []
        if isolate[i]:
            parts.append(word("standing.reason.no_tie", lang))
        else:
            if outside[i]:
                parts.append(word("standing.reason.outside_main", lang, n=int(sizes[comp[i]])))
            if pendant[i] or (outside[i] and len(nbrs) <= 2):
                parts.append(word("standing.reason.only_through", lang, names=nbr_names))
        reasons.append("; ".join(parts))
    frame = pd.DataFrame(
        {
            "isolate": isolate[pick],
            "pendant": pendant[pick],
            "outside_main": outside[pick],
            "component_size": sizes[comp[pick]].astype(np.int64),
            "degree": deg[pick].astype(np.int64),
            "core": core,
            "reach_2": reach,
            "linked_through": through,
            "reason": reasons,
        },
        index=pd.Index(S.nodes[pick], name="actor", dtype=object),
    )
    frame["linked_through"] = frame["linked_through"].astype(object)
    frame["reason"] = frame["reason"].astype(object)
    frame["_id"] = [str(x) for x in frame.index]
    frame = frame.sort_values(["isolate", "component_size", "reach_2", "_id"], ascending=[False, True, True, True], kind="stable")
    return frame.drop(columns="_id")


def _labels(S, label: str, positions: np.ndarray) -> list[str]:
    """Display names of the nodes at ``positions`` (their id when they lack ``label``)."""
    ids = S.nodes[positions]
    values = S.attribute(label)[positions].tolist()
    return [str(v) if v not in (None, "") and not (isinstance(v, float) and np.isnan(v)) else str(x) for v, x in zip(values, ids)]
