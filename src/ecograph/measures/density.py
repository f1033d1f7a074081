"""How dense the ties are: overall, and between and within groups (spheres).

The study's question "are the links dense enough?" is answered by the
overall density, and "do the spheres talk to each other?" by the block
density: for two groups A and B, the ties between them divided by the
|A|·|B| possible; within a group, its ties divided by |A|(|A|−1)/2.

Actors whose group is unknown are left out of both tables: a group's size
counts its known members, and a tie counts only when both its ends have a
known group. ``attrs["coverage"]`` says how many actors and ties that is
(:class:`ecograph.measures.group_coverage.Coverage`), and ``attrs["reason"]`` is
``"no_known_group"`` (with an empty table) when no actor's group is known.

Examples
--------
>>> import ecograph as eg
>>> G = eg.datasets.tiny().graph()
>>> round(density(G), 4)
0.3214
>>> int(mixing_matrix(G, "sphere").loc["support", "production"])
2
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..partition import PartitionLike, resolve_grouping
from ..sparse import GraphLike, as_sparse
from .group_coverage import Coverage, coverage_of_codes, known_tie_codes, with_coverage

__all__ = ["block_density", "density", "mixing_matrix"]


def density(G: GraphLike) -> float:
    """Share of possible ties that exist: ``2m / (n (n − 1))``.

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
        Undirected and simple.

    Returns
    -------
    float
        0 for a graph of one actor.

    Examples
    --------
    >>> import networkx as nx
    >>> density(nx.complete_graph(5)), density(nx.path_graph(3))
    (1.0, 0.6666666666666666)
    """
    S = as_sparse(G)
    n = S.n
    return 0.0 if n < 2 else 2.0 * S.m / (n * (n - 1))


def _counts(G: GraphLike, partition: PartitionLike) -> tuple[np.ndarray, list, np.ndarray, Coverage]:
    S, _, codes, groups = resolve_grouping(G, partition)
    k = len(groups)
    cov = coverage_of_codes(S, codes)
    cu, cv, _ = known_tie_codes(S, codes, cov)  # a tie counts only when both ends are known
    counts = np.bincount(cu * k + cv, minlength=k * k).reshape(k, k) if k else np.zeros((0, 0), dtype=np.int64)
    counts = counts + counts.T - np.diag(np.diag(counts))  # symmetric; within-group ties counted once
    sizes = np.bincount(codes[codes >= 0], minlength=k)
    return counts, groups, sizes, cov


def _table(values: np.ndarray, groups: list, cov: Coverage) -> pd.DataFrame:
    index = pd.Index(groups, name="group", dtype=object if not groups else None, tupleize_cols=False)
    frame = pd.DataFrame(values, index=index, columns=index.rename("group"))
    return with_coverage(frame, cov, None if groups else "no_known_group")


def mixing_matrix(G: GraphLike, attr: PartitionLike = "sphere") -> pd.DataFrame:
    """Number of ties within and between groups.

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
    attr : str, Series, mapping or list of sets, default "sphere"
        The grouping (see :func:`ecograph.partition.group_labels`).

    Returns
    -------
    DataFrame
        Known groups × known groups, symmetric; the diagonal holds ties
        inside a group (each counted once), so the upper triangle sums to the
        number of ties whose two ends have a known group.
        ``attrs["coverage"]`` and ``attrs["reason"]`` as in the module notes.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(0, 1), (1, 2), (2, 3)])
    >>> mixing_matrix(G, {0: "a", 1: "a", 2: "b", 3: "b"})
    group  a  b
    group
    a      1  1
    b      1  1
    >>> m = mixing_matrix(G, {0: "a", 1: "a", 2: "b"})  # actor 3's group is unknown: tie 2-3 is left out
    >>> int(m.to_numpy().sum()), m.attrs["coverage"].ties_known
    (3, 2)
    """
    counts, groups, _, cov = _counts(G, attr)
    return _table(counts, groups, cov)


def block_density(G: GraphLike, attr: PartitionLike = "sphere") -> pd.DataFrame:
    """Density of ties within and between groups.

    Diagonal: ties inside the group / (|A|(|A|−1)/2). Off-diagonal: ties
    between the two groups / (|A|·|B|). A group of one actor has density NaN
    on the diagonal (no pair is possible).

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
    attr : str, Series, mapping or list of sets, default "sphere"

    Returns
    -------
    DataFrame
        Known groups × known groups, symmetric; sizes count the actors whose
        group is known. ``attrs["coverage"]`` and ``attrs["reason"]`` as in
        the module notes.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(0, 1), (1, 2), (2, 3)])
    >>> block_density(G, {0: "a", 1: "a", 2: "b", 3: "b"})
    group     a     b
    group
    a      1.00  0.25
    b      0.25  1.00
    """
    counts, groups, sizes, cov = _counts(G, attr)
    possible = np.outer(sizes, sizes).astype(float)
    np.fill_diagonal(possible, sizes * (sizes - 1) / 2.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        dens = np.where(possible > 0, counts / np.where(possible > 0, possible, 1), np.nan)
    return _table(dens, groups, cov)
