"""Gould & Fernandez brokerage roles on directed ties.

Gould & Fernandez define brokerage on a transaction network: ``v`` brokers
when ``a → v → c`` and ``a`` does not send to ``c`` directly (``a ≠ c``;
whether ``c`` sends to ``a`` does not matter). Each such open two-path is
one count, for ``v``, of the role set by the groups of the three actors:

``coordinator``
    ``a``, ``v``, ``c`` all in one group;
``itinerant`` (consultant)
    ``a`` and ``c`` in one group, ``v`` in another;
``gatekeeper``
    ``v`` and ``c`` in one group, ``a`` outside: ``v`` lets a resource into
    its group;
``representative``
    ``a`` and ``v`` in one group, ``c`` outside: ``v`` speaks for its group;
``liaison``
    three different groups.

Gatekeeper and representative differ only by direction; on an undirected
graph (each tie two arcs) the counts are :func:`ecograph.brokerage_roles`'s.
Weights are not read. **Unknown groups** are handled as there: a two-path
counts only when the groups of ``a`` and ``c`` are known, and an actor whose
own group is unknown has NaN counts; ``attrs["coverage"]`` says how many
actors are known (basis ``"actors"``; ties counted once per pair of actors).

The counts are computed actor by actor from its in- and out-neighbours'
groups (``Σ in-degree × out-degree`` work at most), which suits networks of
thousands of actors.

References
----------
.. [1] Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a
   formal approach to brokerage in transaction networks. *Sociological
   Methodology* 19, 89-126.
.. [2] Butts, C. T. (2008). Social network analysis with sna. *Journal of
   Statistical Software* 24(6) (``brokerage()``: the same definition).

Examples
--------
>>> import networkx as nx
>>> D = nx.DiGraph([("a", "v"), ("v", "c")])
>>> directed_brokerage_roles(D, {"a": "x", "v": "y", "c": "y"}).loc["v", "gatekeeper"]
np.int64(1)
>>> directed_brokerage_roles(D, {"a": "y", "v": "y", "c": "x"}).loc["v", "representative"]
np.int64(1)
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..partition import PartitionLike
from .brokerage import ROLES
from .directed import directed_codes, directed_matrix
from .group_coverage import Coverage, with_coverage

__all__ = ["directed_brokerage_roles"]


def _arcs_from(A: sp.csr_array, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every arc ``a → c`` leaving one of ``rows``, as two arrays (read straight from the CSR arrays)."""
    starts, ends = A.indptr[rows], A.indptr[rows + 1]
    lengths = ends - starts
    positions = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(int(lengths.sum()))
    return np.repeat(rows, lengths), A.indices[positions]


def _role_counts(A: sp.csr_array, codes: np.ndarray, k: int) -> np.ndarray:
    """Role counts (5 × n, NaN where the broker's group is unknown)."""
    n = A.shape[0]
    At = A.T.tocsr()
    counts = np.full((5, n), np.nan)
    is_out = np.zeros(n, dtype=bool)  # scratch: the current broker's out-neighbours
    for v in np.flatnonzero(codes >= 0):
        ins = At.indices[At.indptr[v] : At.indptr[v + 1]]
        outs = A.indices[A.indptr[v] : A.indptr[v + 1]]
        ins, outs = ins[codes[ins] >= 0], outs[codes[outs] >= 0]
        pairs = np.outer(np.bincount(codes[ins], minlength=k), np.bincount(codes[outs], minlength=k)).astype(float)
        is_out[outs] = True
        both = ins[is_out[ins]]  # a = c is no two-path
        np.subtract.at(pairs, (codes[both], codes[both]), 1.0)
        a, c = _arcs_from(A, ins)  # a → c exists with c an out-neighbour: no brokerage
        closed = is_out[c]
        np.subtract.at(pairs, (codes[a[closed]], codes[c[closed]]), 1.0)
        is_out[outs] = False
        g = codes[v]
        diag = np.diag(pairs)
        coordinator = diag[g]
        itinerant = diag.sum() - diag[g]
        representative = pairs[g].sum() - diag[g]
        gatekeeper = pairs[:, g].sum() - diag[g]
        liaison = pairs.sum() - coordinator - itinerant - representative - gatekeeper
        counts[:, v] = [coordinator, itinerant, gatekeeper, representative, liaison]
    return counts


def directed_brokerage_roles(G: nx.Graph, partition: PartitionLike = "sphere") -> pd.DataFrame:
    """Gould & Fernandez role counts of every actor on directed ties.

    See the module notes for the roles and for unknown groups.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
    partition : str, Series, mapping, list of sets or Communities, default "sphere"

    Returns
    -------
    DataFrame
        Indexed by actor id: ``coordinator``, ``itinerant``,
        ``gatekeeper``, ``representative``, ``liaison`` and their sum
        ``brokerage``; integers, or floats with NaN for the actors whose
        group is unknown when there are some. ``attrs["coverage"]`` and
        ``attrs["reason"]`` (``"no_known_group"`` when no group is known).

    Examples
    --------
    >>> import networkx as nx
    >>> D = nx.DiGraph([("a", "v"), ("v", "c"), ("a", "c"), ("b", "v")])
    >>> directed_brokerage_roles(D, {"a": 1, "b": 1, "v": 2, "c": 3}).loc["v"].tolist()  # a → c is direct: only b → v → c
    [0, 0, 0, 0, 1, 1]
    >>> directed_brokerage_roles(D, {"a": 1, "v": 2, "c": 3}).loc["v"].tolist()  # b unknown
    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    """
    M = directed_matrix(G)
    codes, groups = directed_codes(M, partition)
    counts = _role_counts(M.A, codes, len(groups))
    complete = not np.isnan(counts).any()
    frame = pd.DataFrame(counts.T.astype(np.int64) if complete else counts.T, index=M.nodes.copy(), columns=list(ROLES))
    frame["brokerage"] = frame.sum(axis=1) if complete else frame.sum(axis=1, min_count=1)
    frame.index.name = "actor"
    known = codes >= 0
    pairs = (M.A + M.A.T).tocoo()
    upper = pairs.row < pairs.col
    ties_known = int((known[pairs.row] & known[pairs.col] & upper).sum())
    cov = Coverage(int(known.sum()), len(codes), ties_known, int(upper.sum()), "actors")
    return with_coverage(frame, cov, None if groups else "no_known_group")
