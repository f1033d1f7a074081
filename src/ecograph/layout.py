"""Node positions, computed once in Python, seeded, and reused by every view and figure.

Positions come from igraph's Fruchterman–Reingold layout (compiled, with a
grid approximation above :data:`GRID_ABOVE` actors), seeded, then each
connected component is laid out on its own and the components are packed on a
grid, largest first, so isolated actors do not fly off the picture. The same
graph and seed give the same positions, rounded so that files made from them
are identical from run to run.

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

import numpy as np
import pandas as pd

from .sparse import GraphLike, as_sparse

__all__ = ["layout", "GRID_ABOVE"]

#: Above this many actors in a component, the layout uses igraph's grid approximation.
GRID_ABOVE = 1_000


def _component_layout(sub, seed: int) -> np.ndarray:
    from .communities import _igraph_seed

    n = sub.vcount()
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[-0.5, 0.0], [0.5, 0.0]])
    niter = 500 if n <= GRID_ABOVE else 200
    with _igraph_seed(seed):
        coords = np.asarray(sub.layout_fruchterman_reingold(niter=niter, grid="grid" if n > GRID_ABOVE else "nogrid").coords, dtype=float)
    coords -= coords.mean(axis=0)
    radius = np.sqrt((coords**2).sum(axis=1)).max()
    return coords / radius if radius > 0 else coords


def layout(G: GraphLike, *, seed: int = 0, scale: float | None = None) -> pd.DataFrame:
    """Seeded positions of every actor.

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
    seed : int, default 0
    scale : float, optional
        Half-width of the largest component in the result's units (pixels in
        the interactive views); by default ``40 √n`` (at least 250), so that
        labels are readable when the whole network fits the screen.

    Returns
    -------
    DataFrame
        Columns ``x`` and ``y``, indexed by actor id.

    Examples
    --------
    >>> import networkx as nx
    >>> pos = layout(nx.complete_graph(3), seed=0, scale=100)
    >>> float(pos.abs().to_numpy().max()) <= 100.0
    True
    """
    S = as_sparse(G)
    if scale is None:
        scale = max(250.0, 40.0 * math.sqrt(S.n))
    g = S.igraph()
    membership = np.asarray(g.connected_components().membership, dtype=np.int64)
    sizes = np.bincount(membership)
    order = np.lexsort((np.arange(len(sizes)), -sizes))  # largest first, stable
    pos = np.zeros((S.n, 2))
    # components of one actor share one layout call (a grid), the others each get theirs
    singles = [c for c in order if sizes[c] == 1]
    multi = [c for c in order if sizes[c] > 1]
    boxes: list[tuple[np.ndarray, np.ndarray, float]] = []
    for c in multi:
        idx = np.flatnonzero(membership == c)
        coords = _component_layout(g.induced_subgraph(idx.tolist()), seed)
        boxes.append((idx, coords, math.sqrt(sizes[c])))
    if singles:
        idx = np.concatenate([np.flatnonzero(membership == c) for c in singles])
        side = math.ceil(math.sqrt(len(idx)))
        grid = np.array([[(i % side), (i // side)] for i in range(len(idx))], dtype=float)
        grid = (grid - grid.mean(axis=0)) / max(side, 1)
        boxes.append((idx, grid, math.sqrt(len(idx)) * 0.8))
    # pack: the largest component on top, the others in rows below it (screen y grows downwards)
    if boxes:
        main_idx, main_coords, main_r = boxes[0]
        pos[main_idx] = main_coords * main_r
        y = main_r * 1.15
        x = -main_r
        row_h = 0.0
        for idx, coords, r in boxes[1:]:
            if x + 2 * r > main_r and x > -main_r:
                x = -main_r
                y += row_h * 2.2
                row_h = 0.0
            pos[idx] = coords * r + np.array([x + r, y + r])
            x += 2.2 * r
            row_h = max(row_h, r)
        span = max(main_r, 1e-9)
        pos *= scale / span
    return pd.DataFrame(np.round(pos, 2), index=S.nodes.copy(), columns=["x", "y"])
