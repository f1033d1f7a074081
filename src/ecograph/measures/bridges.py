"""Bridges, local bridges and cut points: the ties and actors the network hangs on.

* a **bridge** is a tie whose removal splits its component in two; the
  result gives the size of both sides;
* a **local bridge** is a tie whose two actors have no common neighbour; its
  *span* is the length of the shortest other path between them (infinite for
  a bridge);
* a **cut point** (articulation point) is an actor whose departure splits its
  component; the result says how many actors it cuts off from the largest
  remaining piece.

Bridges and biconnected components are computed by igraph; sides and pieces
by one pass over the bridge tree or block-cut tree, so the whole runs in
linear time.

Examples
--------
>>> import networkx as nx
>>> F = nx.florentine_families_graph()
>>> cut_points(F).to_dict()
{'Medici': 3, 'Albizzi': 1, 'Guadagni': 1, 'Salviati': 1}
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import breadth_first_order, connected_components, shortest_path

from ..sparse import GraphLike, SparseGraph, as_sparse, igraph_module

__all__ = ["bridges", "cut_points", "local_bridges"]


def _tree_passes(n_nodes: int, eu: np.ndarray, ev: np.ndarray, weight: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Root every tree of a forest; return (parent, subtree weight, tree total) per node.

    The work runs in compiled code: a breadth-first search from a virtual root
    joined to one node of each tree gives parents and depths, then subtree
    weights are summed level by level from the leaves up.
    """

    eu = np.asarray(eu, dtype=np.int64)
    ev = np.asarray(ev, dtype=np.int64)
    n_comp, comp = (
        connected_components(sp.coo_array((np.ones(len(eu)), (eu, ev)), shape=(n_nodes, n_nodes)).tocsr(), directed=False)
        if n_nodes
        else (0, np.empty(0, dtype=np.int64))
    )
    roots = np.unique(comp, return_index=True)[1] if n_nodes else np.empty(0, dtype=np.int64)
    virtual = n_nodes
    rows = np.concatenate([eu, ev, np.full(len(roots), virtual), roots])
    cols = np.concatenate([ev, eu, roots, np.full(len(roots), virtual)])
    adj = sp.coo_array((np.ones(len(rows)), (rows, cols)), shape=(n_nodes + 1, n_nodes + 1)).tocsr()
    _, pred = breadth_first_order(adj, virtual, directed=False, return_predecessors=True)
    parent = pred[:n_nodes].astype(np.int64)
    parent[parent == virtual] = -1
    parent[parent < 0] = -1
    dist = shortest_path(adj, directed=False, unweighted=True, indices=virtual)
    depth = np.where(np.isfinite(dist), dist, 0).astype(np.int64)
    sub = weight.astype(np.int64).copy()
    node_depth = depth[:n_nodes]
    by_depth = np.argsort(-node_depth, kind="stable")  # deepest first
    levels = node_depth[by_depth]
    bounds = np.flatnonzero(np.diff(levels)) + 1
    for at in np.split(by_depth, bounds):
        at = at[parent[at] >= 0]
        if len(at):
            np.add.at(sub, parent[at], sub[at])
    total = np.bincount(comp, weights=weight, minlength=n_comp).astype(np.int64)[comp] if n_nodes else np.empty(0, dtype=np.int64)
    return parent, sub, total


def bridges(G: GraphLike) -> pd.DataFrame:
    """Ties whose removal disconnects the network, with the size of each side.

    Parameters
    ----------
    G : networkx.Graph or SparseGraph

    Returns
    -------
    DataFrame
        One row per bridge: ``source``, ``target``, ``source_side`` and
        ``target_side`` (number of actors on each side once the tie is gone),
        sorted by the smaller side, largest first.

    Examples
    --------
    >>> import networkx as nx
    >>> F = nx.florentine_families_graph()
    >>> bridges(F).head(2)
        source    target  source_side  target_side
    0   Medici  Salviati           13            2
    1  Albizzi    Ginori           14            1
    """
    S = as_sparse(G)
    g = S.igraph()
    ids = np.asarray(g.bridges(), dtype=np.int64)
    columns = ["source", "target", "source_side", "target_side"]
    if len(ids) == 0:
        return pd.DataFrame(columns=columns).astype({"source_side": int, "target_side": int})
    u, v, _ = S.edges()
    bu, bv = u[ids], v[ids]
    rest = g.copy()
    rest.delete_edges(ids.tolist())
    comp = np.asarray(rest.connected_components().membership, dtype=np.int64)
    n_comp = int(comp.max()) + 1
    size = np.bincount(comp, minlength=n_comp)
    cu, cv = comp[bu], comp[bv]
    parent, sub, total = _tree_passes(n_comp, cu, cv, size)
    # the child end of each tree edge holds the subtree weight
    child_is_v = parent[cv] == cu
    child = np.where(child_is_v, cv, cu)
    child_side = sub[child]
    other_side = total[child] - child_side
    v_side = np.where(child_is_v, child_side, other_side)
    u_side = np.where(child_is_v, other_side, child_side)
    names = S.nodes.to_numpy(dtype=object)
    # name the smaller side as the target, so rows read "source keeps target attached"
    swap = u_side < v_side
    frame = pd.DataFrame(
        {
            "source": np.where(swap, names[bv], names[bu]),
            "target": np.where(swap, names[bu], names[bv]),
            "source_side": np.where(swap, v_side, u_side),
            "target_side": np.where(swap, u_side, v_side),
        }
    )
    frame["_small"] = frame[["source_side", "target_side"]].min(axis=1)
    frame = frame.sort_values(["_small", "source", "target"], ascending=[False, True, True], kind="stable").drop(columns="_small")
    frame["source"] = frame["source"].astype(object)
    frame["target"] = frame["target"].astype(object)
    return frame.reset_index(drop=True)


def cut_point_pieces(S: SparseGraph) -> pd.DataFrame:
    """For each cut point (by position): its component size, largest piece and sum of squared piece sizes.

    Removing a cut point splits its component into pieces (the subtrees of
    the block-cut tree around it); their sizes add up to the component size
    minus one.
    """
    igraph = igraph_module()
    # the C routine gives each block as edge ids (igraph's edge ids follow S.edges()); skipping the
    # Python wrapper that turns them into vertex sets saves most of the time on large graphs
    edge_blocks, aps = igraph.GraphBase.biconnected_components(S.igraph(), True)
    columns = ["position", "component_size", "largest_piece", "sum_sq_pieces", "pieces"]
    if not aps:
        return pd.DataFrame(columns=columns, dtype=np.int64)
    aps = np.asarray(sorted(aps), dtype=np.int64)
    n_blocks = len(edge_blocks)
    lengths = np.fromiter((len(b) for b in edge_blocks), dtype=np.int64, count=n_blocks)
    eids = np.fromiter(itertools.chain.from_iterable(edge_blocks), dtype=np.int64, count=int(lengths.sum()))
    u, v, _ = S.edges()
    edge_block = np.repeat(np.arange(n_blocks, dtype=np.int64), lengths)
    pairs = np.unique(np.concatenate([edge_block, edge_block]) * S.n + np.concatenate([u[eids], v[eids]]))
    block_of, members = pairs // S.n, pairs % S.n
    cut_node = np.full(S.n, -1, dtype=np.int64)
    cut_node[aps] = n_blocks + np.arange(len(aps))
    n_tree = n_blocks + len(aps)
    weight = np.zeros(n_tree, dtype=np.int64)
    weight[n_blocks:] = 1
    is_cut = cut_node[members] >= 0
    weight[:n_blocks] = np.bincount(block_of[~is_cut], minlength=n_blocks)
    tu, tv = block_of[is_cut], cut_node[members[is_cut]]
    parent, sub, total = _tree_passes(n_tree, tu, tv, weight)
    child = parent >= 0
    largest_child = np.zeros(n_tree, dtype=np.int64)
    np.maximum.at(largest_child, parent[child], sub[child])
    sq_children = np.zeros(n_tree, dtype=np.int64)
    np.add.at(sq_children, parent[child], sub[child] ** 2)
    n_children = np.bincount(parent[child], minlength=n_tree)
    nodes = n_blocks + np.arange(len(aps))
    above = total[nodes] - sub[nodes]
    return pd.DataFrame(
        {
            "position": aps,
            "component_size": total[nodes],
            "largest_piece": np.maximum(largest_child[nodes], above),
            "sum_sq_pieces": sq_children[nodes] + above**2,
            "pieces": n_children[nodes] + (above > 0),
        }
    )


def cut_points(G: GraphLike) -> pd.Series:
    """Actors whose removal disconnects the network, and how many actors each cuts off.

    When a cut point leaves, its component splits into pieces; the number
    reported is the number of actors no longer connected to the largest
    remaining piece.

    Returns
    -------
    Series
        Named ``cut_off``, indexed by actor id, largest first (ties by id).

    Examples
    --------
    >>> import networkx as nx
    >>> cut_points(nx.path_graph(5)).to_dict()
    {2: 2, 1: 1, 3: 1}
    """
    S = as_sparse(G)
    table = cut_point_pieces(S)
    if table.empty:
        return pd.Series([], index=pd.Index([], dtype=object), name="cut_off", dtype=np.int64)
    cut_off = (table["component_size"] - 1 - table["largest_piece"]).to_numpy()
    ids = S.nodes[table["position"].to_numpy()]
    series = pd.Series(cut_off, index=pd.Index(ids, dtype=object), name="cut_off")
    order = sorted(range(len(series)), key=lambda i: (-int(cut_off[i]), str(series.index[i])))
    return series.iloc[order]


def _span(S: SparseGraph, a: int, b: int, cutoff: float) -> float:
    """Shortest path length between a and b without their direct tie (bidirectional BFS)."""
    indptr, indices = S.adjacency.indptr, S.adjacency.indices
    dist_a, dist_b = {a: 0}, {b: 0}
    front_a, front_b = [a], [b]
    while front_a and front_b:
        # expand the smaller frontier
        if len(front_a) > len(front_b):
            front_a, front_b, dist_a, dist_b, a, b = front_b, front_a, dist_b, dist_a, b, a
        nxt = []
        best = math.inf
        for x in front_a:
            dx = dist_a[x]
            for y in indices[indptr[x] : indptr[x + 1]]:
                y = int(y)
                if (x == a and y == b) or (x == b and y == a):
                    continue
                if y in dist_b:
                    best = min(best, dx + 1 + dist_b[y])
                if y not in dist_a:
                    dist_a[y] = dx + 1
                    nxt.append(y)
        if best < math.inf:
            return float(best)
        front_a = nxt
        depth = max(dist_a[x] for x in nxt) + max(dist_b.values()) if nxt else math.inf
        if depth + 1 > cutoff:
            return math.inf
    return math.inf


def local_bridges(G: GraphLike, *, with_span: bool = True, cutoff: float | None = None) -> pd.DataFrame:
    """Ties between actors with no common neighbour, and their span.

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
    with_span : bool, default True
        Compute the span: the length of the shortest path between the two
        actors that does not use the tie (``inf`` when there is none, i.e.
        for a bridge). This needs one search per local bridge that is not a bridge.
    cutoff : float, optional
        Stop searching beyond this length and report ``inf``.

    Returns
    -------
    DataFrame
        ``source``, ``target`` and, with ``with_span``, ``span``; sorted by
        span (longest first), then ids.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.cycle_graph(5)
    >>> G.add_edge(0, 2)
    >>> local_bridges(G)
       source  target  span
    0       0       4   3.0
    1       2       3   3.0
    2       3       4   3.0
    """
    S = as_sparse(G)
    u, v, _ = S.edges()
    in_triangle = np.zeros(len(u), dtype=bool)
    tri = S.triangles()
    if len(tri):
        n = S.n
        a = np.concatenate([tri[:, 0], tri[:, 0], tri[:, 1]])
        b = np.concatenate([tri[:, 1], tri[:, 2], tri[:, 2]])
        keys = np.minimum(a, b) * n + np.maximum(a, b)
        in_triangle[np.searchsorted(u * n + v, keys)] = True  # edges() is sorted by (u, v)
    idx = np.flatnonzero(~in_triangle)
    names = S.nodes.to_numpy(dtype=object)
    frame = pd.DataFrame({"source": names[u[idx]], "target": names[v[idx]]})
    frame["source"] = frame["source"].astype(object)
    frame["target"] = frame["target"].astype(object)
    if with_span:
        limit = math.inf if cutoff is None else float(cutoff)
        # a bridge has no other path (igraph's edge ids follow S.edges()): no search, so that a hub's
        # thousands of pendant ties cost one pass, not one search of the hub's neighbours each
        is_bridge = np.zeros(len(u), dtype=bool)
        if len(u):
            is_bridge[np.asarray(S.igraph().bridges(), dtype=np.int64)] = True
        frame["span"] = [math.inf if is_bridge[i] else _span(S, int(u[i]), int(v[i]), limit) for i in idx.tolist()]
        frame = frame.sort_values("span", ascending=False, kind="stable").reset_index(drop=True)
    return frame
