"""Node positions, computed once in Python, seeded, and reused by every view and figure.

Two methods, both seeded and deterministic (the same graph and seed give the
same positions, rounded so that files made from them are identical from run
to run):

* ``"communities"`` (the default): a community-aware layout in the spirit of
  "group-in-a-box" layouts [1]_. Communities (Leiden, or the partition given)
  are placed first, with a force-directed layout of the community graph
  (communities as nodes, ties between them as weights) whose discs are then
  pushed apart until none overlap; the actors of each community are laid out
  inside their disc (Fruchterman–Reingold [2]_), and each disc is turned to
  face the communities it has ties with. Communities stay visibly apart, and
  ties across them stay short where they can.
* ``"fruchterman_reingold"``: igraph's Fruchterman–Reingold layout of each
  component (compiled, with a grid approximation above :data:`GRID_ABOVE`
  actors), the layout ecograph used before.

With either method each connected component is laid out on its own and the
components are packed, largest first: the main component on top, the smaller
ones in rows below it, and the actors without any tie last, as one compact
block (views caption it "32 actors without a known tie").

:func:`silhouette` measures how well a layout separates groups (the mean
silhouette [3]_ of the groups in layout coordinates, from -1 to 1).

References
----------
.. [1] Rodrigues, E. M., Milic-Frayling, N., Smith, M., Shneiderman, B. &
   Hansen, D. (2011). Group-in-a-box layout for multi-faceted analysis of
   communities. *IEEE SocialCom*, 354-361.
.. [2] Fruchterman, T. M. J. & Reingold, E. M. (1991). Graph drawing by
   force-directed placement. *Software: Practice and Experience* 21, 1129-1164.
.. [3] Rousseeuw, P. J. (1987). Silhouettes: a graphical aid to the
   interpretation and validation of cluster analysis. *Journal of
   Computational and Applied Mathematics* 20, 53-65.

Examples
--------
>>> import networkx as nx
>>> pos = layout(nx.path_graph(4), seed=1)
>>> list(pos.columns), len(pos)
(['x', 'y'], 4)
>>> pos.equals(layout(nx.path_graph(4), seed=1))
True
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.spatial import cKDTree

from ..measures.communities import detect_communities
from ..measures.engines import igraph_seed
from ..partition import factorize
from ..sparse import GraphLike, as_sparse, igraph_module

if TYPE_CHECKING:  # pragma: no cover
    import igraph

__all__ = ["layout", "silhouette", "GRID_ABOVE", "METHODS"]

#: Above this many actors in a component, Fruchterman–Reingold uses igraph's grid approximation.
GRID_ABOVE = 1_000
#: The layout methods, by name.
METHODS = ("communities", "fruchterman_reingold")
#: Distance between neighbouring actors of the block of actors without ties (layout units, where
#: a component of n actors is about √n wide).
_ISOLATE_SPACING = 0.55
#: Gap left between the discs of two communities, as a share of their radii.
_DISC_GAP = 0.18


def _unit_disc(coords: np.ndarray) -> np.ndarray:
    """Coordinates centred and scaled to fill the unit disc (a uniform disc of radius 1 keeps its size).

    The scale comes from the mean squared distance to the centre, so that one
    actor far out does not shrink all the others.
    """
    coords = coords - coords.mean(axis=0)
    if not len(coords):
        return coords
    rms = math.sqrt(float((coords**2).sum(axis=1).mean()))
    if rms <= 0:
        return coords
    coords = coords / (rms * math.sqrt(2.0))
    # pull the few actors far outside back to the rim's neighbourhood
    r = np.sqrt((coords**2).sum(axis=1))
    far = r > 1.15
    coords[far] *= ((1.15 + np.log1p(r[far] - 1.15) * 0.3) / r[far])[:, None]
    return coords


def _fruchterman_reingold(g: igraph.Graph, seed: int, weights: list[float] | None = None, niter: int = 500) -> np.ndarray:
    """Seeded Fruchterman–Reingold positions of a graph, in the unit disc."""
    n = g.vcount()
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[-0.5, 0.0], [0.5, 0.0]])
    niter = niter if n <= GRID_ABOVE else 200
    with igraph_seed(seed):
        coords = g.layout_fruchterman_reingold(weights=weights, niter=niter, grid="grid" if n > GRID_ABOVE else "nogrid").coords
    return _unit_disc(np.asarray(coords, dtype=float))


def _separate(centres: np.ndarray, radii: np.ndarray, *, iterations: int = 300) -> np.ndarray:
    """Push discs apart until no two overlap (each keeps its direction from the others)."""
    P = centres.copy()
    if len(P) < 2:
        return P
    reach = 2.0 * float(radii.max()) * (1 + _DISC_GAP)
    for _ in range(iterations):
        pairs = cKDTree(P).query_pairs(reach, output_type="ndarray")
        if not len(pairs):
            break
        a, b = pairs[:, 0], pairs[:, 1]
        d = P[a] - P[b]
        dist = np.sqrt((d**2).sum(axis=1))
        overlap = (radii[a] + radii[b]) * (1 + _DISC_GAP) - dist
        keep = overlap > 1e-9
        if not keep.any():
            break
        a, b, d, dist, overlap = a[keep], b[keep], d[keep], dist[keep], overlap[keep]
        # discs at the same place move along a fixed, index-dependent direction
        angle = (a * 0.618034 + b * 0.414214) % 1.0 * 2 * np.pi
        unit = np.where(dist[:, None] > 1e-9, d / np.maximum(dist, 1e-9)[:, None], np.column_stack([np.cos(angle), np.sin(angle)]))
        # the smaller disc moves more
        wa = radii[b] ** 2 / (radii[a] ** 2 + radii[b] ** 2)
        step = unit * (overlap * 0.5)[:, None]
        move = np.zeros_like(P)
        np.add.at(move, a, step * (2 * wa)[:, None])
        np.add.at(move, b, -step * (2 * (1 - wa))[:, None])
        P += move
    return P


def _community_layout(g: igraph.Graph, groups: np.ndarray, seed: int) -> np.ndarray:
    """One component: communities as discs placed by the community graph, actors inside their disc."""
    codes, uniques = factorize(groups)
    k = len(uniques)
    sizes = np.bincount(codes, minlength=k)
    radii = np.sqrt(sizes).astype(float)
    edges = np.asarray(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    cu, cv = codes[edges[:, 0]], codes[edges[:, 1]]
    cross = cu != cv
    lo, hi = np.minimum(cu[cross], cv[cross]), np.maximum(cu[cross], cv[cross])
    pairs, counts = np.unique(lo * k + hi, return_counts=True)
    Q = igraph_module().Graph(n=k, edges=np.column_stack([pairs // k, pairs % k]).tolist())
    centres = _fruchterman_reingold(Q, seed, weights=counts.astype(float).tolist())
    # scale so that a typical disc about touches its nearest neighbour, then remove the overlaps
    if k > 1:
        dist, near = cKDTree(centres).query(centres, k=2)
        ratio = (radii + radii[near[:, 1]]) * (1 + _DISC_GAP) / np.maximum(dist[:, 1], 1e-9)
        centres *= float(np.median(ratio))
    centres = _separate(centres, radii)
    # actors inside each disc
    local = np.zeros((g.vcount(), 2))
    members = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[members], np.arange(k + 1))
    for c in range(k):
        idx = members[bounds[c] : bounds[c + 1]]
        local[idx] = _fruchterman_reingold(g.induced_subgraph(idx.tolist()), seed, niter=200) * radii[c]
    # turn each disc to face the communities it is tied to (least squares rotation)
    u, v = edges[cross, 0], edges[cross, 1]
    ends = np.concatenate([u, v])
    towards = np.concatenate([centres[codes[v]] - centres[codes[u]], centres[codes[u]] - centres[codes[v]]])
    p = local[ends]
    dot = np.bincount(codes[ends], weights=(p * towards).sum(axis=1), minlength=k)
    crs = np.bincount(codes[ends], weights=p[:, 0] * towards[:, 1] - p[:, 1] * towards[:, 0], minlength=k)
    theta = np.arctan2(crs, dot)
    cos, sin = np.cos(theta)[codes], np.sin(theta)[codes]
    rotated = np.column_stack([cos * local[:, 0] - sin * local[:, 1], sin * local[:, 0] + cos * local[:, 1]])
    return rotated + centres[codes]


#: Width over height the rows of small components aim at when the first component is narrower (a landscape page).
_ROW_ASPECT = 1.5


def _isolate_block(m: int) -> np.ndarray:
    """A compact block of ``m`` positions, wider than tall, centred."""
    cols = max(1, math.ceil(math.sqrt(m * 2.0)))
    i = np.arange(m)
    grid = np.column_stack([i % cols, i // cols]).astype(float) * _ISOLATE_SPACING
    return grid - grid.mean(axis=0)


def _pack(boxes: list[tuple[np.ndarray, np.ndarray]], n: int) -> tuple[np.ndarray, float]:
    """Place components (indices, centred coordinates): the first on top, the others in rows below it.

    Returns the positions and the half-size of the first component (its larger half-side).
    """
    pos = np.zeros((n, 2))
    if not boxes:
        return pos, 1.0
    half = [np.abs(c).max(axis=0) if len(c) else np.zeros(2) for _, c in boxes]
    main_idx, main_coords = boxes[0]
    pos[main_idx] = main_coords
    margin = 1.2  # half the gap between two pieces: wider than a tie, so that pieces side by side do not read as one chain
    # rows as wide as the first component, or wider when the others would otherwise stack into a tall narrow
    # column (a map of many small pieces): about as wide as a landscape page (3:2) holding all of them
    area = sum((2 * float(hw) + 2 * margin) * (2 * float(hh) + 2 * margin) for hw, hh in half)
    main_w = max(float(half[0][0]), 1.0, math.sqrt(area * _ROW_ASPECT) / 2)
    y = float(half[0][1]) + 2 * margin
    x = -main_w
    row_h = 0.0
    for (idx, coords), (hw, hh) in zip(boxes[1:], half[1:]):
        if x + 2 * hw > main_w and x > -main_w:
            x = -main_w
            y += 2 * row_h + 2 * margin
            row_h = 0.0
        pos[idx] = coords + np.array([x + hw, y + hh])
        x += 2 * hw + 2 * margin
        row_h = max(row_h, hh)
    return pos, max(main_w, float(half[0][1]))


def layout(
    G: GraphLike,
    *,
    method: Literal["communities", "fruchterman_reingold"] = "communities",
    communities: Any = None,
    seed: int = 0,
    scale: float | None = None,
) -> pd.DataFrame:
    """Seeded positions of every actor.

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
    method : {"communities", "fruchterman_reingold"}, default "communities"
        See the module's description.
    communities : Communities, Series, mapping or list of sets, optional
        The groups the ``"communities"`` layout keeps apart; detected with
        :func:`ecograph.detect_communities` (``seed``) when missing (pass
        ``Analysis.communities`` to reuse them).
    seed : int, default 0
    scale : float, optional
        Half-size of the largest component (half its longer side) in the result's units (pixels in
        the interactive views); by default ``40 √n`` (at least 250), so that
        labels are readable when the whole network fits the screen. When the
        largest component holds only a few of the actors, it is drawn smaller
        (as if it were ``0.9 √n`` layout units wide), not blown up.

    Returns
    -------
    DataFrame
        Columns ``x`` and ``y`` (``y`` grows downwards, as on screens),
        indexed by actor id.

    Examples
    --------
    >>> import networkx as nx
    >>> pos = layout(nx.complete_graph(3), seed=0, scale=100)
    >>> float(pos.abs().to_numpy().max()) <= 100.0
    True
    >>> two = nx.union(nx.complete_graph(6), nx.complete_graph(range(6, 12)))
    >>> two.add_edge(0, 6)
    >>> round(silhouette(layout(two), [set(range(6)), set(range(6, 12))]), 2) > 0.5
    True
    """
    if method not in METHODS:
        raise ValueError(f"unknown layout method {method!r}: use one of {', '.join(METHODS)}")
    S = as_sparse(G)
    if scale is None:
        scale = max(250.0, 40.0 * math.sqrt(S.n))
    g = S.igraph()
    if method == "communities":
        given = communities if communities is not None else detect_communities(S, seed=seed)
        groups = _group_codes(S.nodes, given)
        groups = np.where(groups < 0, groups.max() + 1, groups)  # actors of unknown group are placed together
    component = np.asarray(g.connected_components().membership, dtype=np.int64)
    sizes = np.bincount(component)
    order = np.lexsort((np.arange(len(sizes)), -sizes))  # largest first, stable
    members = np.argsort(component, kind="stable")
    bounds = np.searchsorted(component[members], np.arange(len(sizes) + 1))
    boxes = []
    for c in order:
        if sizes[c] == 1:
            continue
        idx = members[bounds[c] : bounds[c + 1]]
        sub = g.induced_subgraph(idx.tolist())
        if method == "communities" and len(np.unique(groups[idx])) > 1:
            coords = _community_layout(sub, groups[idx], seed)
            coords -= (coords.max(axis=0) + coords.min(axis=0)) / 2
        else:
            coords = _fruchterman_reingold(sub, seed) * math.sqrt(sizes[c])
        boxes.append((idx, coords))
    singles = np.flatnonzero(sizes[component] == 1)
    if len(singles):
        boxes.append((singles, _isolate_block(len(singles))))
    pos, half_size = _pack(boxes, S.n)
    # a main component much smaller than the network (many actors apart) is not blown up to the full size
    pos *= scale / max(half_size, 0.9 * math.sqrt(S.n))
    return pd.DataFrame(np.round(pos, 2), index=S.nodes.copy(), columns=["x", "y"])


def _group_codes(nodes: pd.Index, groups: Any) -> np.ndarray:
    """Group number of every node (from a Communities, a Series/mapping or a list of sets); missing nodes are refused."""
    membership = getattr(groups, "membership", groups)
    if isinstance(membership, (list, tuple)):
        mapping = {n: i for i, members in enumerate(membership) for n in members}
        series = pd.Series(mapping, dtype=object)
    else:
        series = pd.Series(membership, dtype=object) if not isinstance(membership, pd.Series) else membership
    values = series.reindex(nodes)
    if values.isna().any():
        missing = [str(x) for x in nodes[values.isna().to_numpy()][:5]]
        raise ValueError(f"{int(values.isna().sum())} actors have no group in the partition given (e.g. {', '.join(missing)})")
    codes, _ = factorize(values.to_numpy(dtype=object))
    return codes  # -1 where the group is unknown (empty, None)


def silhouette(positions: pd.DataFrame, groups: Any, *, sample: int | None = None, seed: int = 0) -> float:
    """Mean silhouette of the groups in layout coordinates (Rousseeuw 1987).

    Actors whose group is unknown (empty or None) are left out. For an
    actor, ``a`` is its mean distance to the other members of its
    group and ``b`` the smallest mean distance to the members of another
    group; its silhouette is ``(b - a) / max(a, b)``, and 0 for the only
    member of a group. The mean over actors is near 1 when groups sit apart,
    near 0 when they touch and below 0 when they overlap.

    Parameters
    ----------
    positions : DataFrame
        Columns ``x`` and ``y`` indexed by actor id (from :func:`layout`).
    groups : Communities, Series, mapping or list of sets
        Every actor's group.
    sample : int, optional
        Average over this many actors drawn at random (``seed``), each still
        compared with every actor, for large layouts.
    seed : int, default 0

    Returns
    -------
    float

    Examples
    --------
    >>> import pandas as pd
    >>> pos = pd.DataFrame({"x": [0, 1, 10, 11], "y": [0, 0, 0, 0]}, index=list("abcd"))
    >>> round(silhouette(pos, {"a": 0, "b": 0, "c": 1, "d": 1}), 4)  # (9.5 / 10.5 + 8.5 / 9.5) / 2
    0.8997
    """
    codes = _group_codes(positions.index, groups)
    known = codes >= 0  # an actor of unknown group belongs to no group: left out
    codes, positions = codes[known], positions[known]
    xy = positions[["x", "y"]].to_numpy(dtype=float)
    n = len(xy)
    k = int(codes.max()) + 1 if n else 0
    counts = np.bincount(codes, minlength=k).astype(float)
    onehot = sp.csr_array((np.ones(n), (np.arange(n), codes)), shape=(n, k))
    rows = np.arange(n) if sample is None or sample >= n else np.sort(np.random.default_rng(seed).choice(n, sample, replace=False))
    values = np.zeros(len(rows))
    for start in range(0, len(rows), 500):
        chunk = rows[start : start + 500]
        d = np.sqrt(((xy[chunk, None, :] - xy[None, :, :]) ** 2).sum(axis=-1))
        sums = (onehot.T @ d.T).T  # distance from each actor of the chunk to each group, summed
        own = codes[chunk]
        r = np.arange(len(chunk))
        alone = counts[own] <= 1
        a = sums[r, own] / np.maximum(counts[own] - 1, 1)
        means = sums / counts
        means[r, own] = np.inf
        b = means.min(axis=1) if k > 1 else np.zeros(len(chunk))
        top = np.maximum(a, b)
        s = np.where(top > 0, (b - a) / np.where(top > 0, top, 1), 0.0)
        values[start : start + len(chunk)] = np.where(alone | (k < 2), 0.0, s)
    return float(values.mean()) if len(values) else 0.0
