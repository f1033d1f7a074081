"""Groupings of actors: an attribute name, a Series or mapping, a list of sets, or communities.

Every group-based measure (block density, E-I index, modularity,
participation, brokerage roles) reads its grouping through
:func:`group_labels`, so they all accept the same forms and fail the same way
on a partition that does not cover the graph.

Examples
--------
>>> import networkx as nx
>>> G = nx.path_graph(4)
>>> group_labels(G, [{0, 1}, {2, 3}]).tolist()
[0, 0, 1, 1]
>>> group_labels(G, {0: "a", 1: "a", 2: "b"})
Traceback (most recent call last):
...
ecograph.errors.GraphError: the partition does not cover the graph: 1 actor has no group (3)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .errors import GraphError
from .sparse import GraphLike, SparseGraph, as_sparse

__all__ = ["PartitionLike", "factorize", "group_labels"]

#: What a measure accepts as a grouping.
PartitionLike = str | pd.Series | Mapping | Iterable


def _name_some(values: Iterable[Any], limit: int = 5) -> str:
    values = list(values)
    shown = ", ".join(str(v) for v in values[:limit])
    return shown + (", ..." if len(values) > limit else "")


def group_labels(G: GraphLike | SparseGraph, partition: PartitionLike) -> np.ndarray:
    """The group of every node of ``G``, in node order, as an object array.

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
    partition : str, Series, mapping, list of sets, or Communities
        A node attribute name; a Series or mapping from actor id to group; a
        list of disjoint sets of actor ids; or a :class:`Communities` result.

    Raises
    ------
    MissingAttributeError
        If ``partition`` is an attribute some nodes lack.
    GraphError
        If the partition leaves actors out, names actors not in the graph, or
        puts an actor in two groups.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(3); nx.set_node_attributes(G, {0: "a", 1: "b", 2: "a"}, "sphere")
    >>> group_labels(G, "sphere").tolist()
    ['a', 'b', 'a']
    """
    S = G if isinstance(G, SparseGraph) else as_sparse(G)
    if isinstance(partition, str):
        return S.labels(partition)
    membership = getattr(partition, "membership", None)
    if isinstance(membership, pd.Series):
        partition = membership
    if isinstance(partition, pd.Series):
        if partition.index.equals(S.nodes):  # already aligned (e.g. communities of this graph)
            gaps = partition.isna().to_numpy()
            if gaps.any():
                raise GraphError(f"the partition gives no group to {int(gaps.sum())} actors ({_name_some(S.nodes[gaps])})")
            return partition.to_numpy()
        if not partition.index.is_unique:
            dup = partition.index[partition.index.duplicated()].unique()
            raise GraphError(f"the partition puts {len(dup)} actors in two groups ({_name_some(dup)})")
        unknown_ids = partition.index.difference(S.nodes, sort=False)
        if len(unknown_ids):
            raise GraphError(
                f"the partition names {len(unknown_ids)} actor{'s' if len(unknown_ids) != 1 else ''} not in the graph ({_name_some(unknown_ids)})"
            )
        aligned = partition.reindex(S.nodes)
        gaps = aligned.isna().to_numpy()
        if gaps.any():
            n_gap = int(gaps.sum())
            raise GraphError(
                f"the partition does not cover the graph: {n_gap} actor{'s' if n_gap != 1 else ''} {'has' if n_gap == 1 else 'have'} no group ({_name_some(S.nodes[gaps])})"
            )
        return aligned.to_numpy(dtype=object)
    if isinstance(partition, Mapping):
        mapping = partition
    else:
        mapping = {}
        for i, group in enumerate(partition):
            for node in group:
                if node in mapping:
                    raise GraphError(f"the partition puts actor {node} in two groups ({mapping[node]} and {i})")
                mapping[node] = i
    known = set(S.nodes)
    unknown = [k for k in mapping if k not in known]
    if unknown:
        raise GraphError(
            f"the partition names {len(unknown)} actor{'s' if len(unknown) != 1 else ''} not in the graph ({_name_some(unknown)})"
        )
    missing = [n for n in S.nodes if n not in mapping]
    if missing:
        raise GraphError(
            f"the partition does not cover the graph: {len(missing)} actor{'s' if len(missing) != 1 else ''} {'has' if len(missing) == 1 else 'have'} no group ({_name_some(missing)})"
        )
    values = np.array([mapping[n] for n in S.nodes], dtype=object)
    nan = np.array([v is None or (isinstance(v, float) and np.isnan(v)) for v in values], dtype=bool)
    if nan.any():
        raise GraphError(f"the partition gives no group to {int(nan.sum())} actors ({_name_some(S.nodes[nan])})")
    return values


def factorize(labels: np.ndarray) -> tuple[np.ndarray, list]:
    """Integer codes for labels and the sorted list of groups (deterministic order).

    >>> factorize(np.array(["b", "a", "b"], dtype=object))
    (array([1, 0, 1]), ['a', 'b'])
    """
    try:
        codes, uniques = pd.factorize(labels, sort=True)
        return codes.astype(np.int64), list(uniques)
    except TypeError:  # mixed label types cannot be sorted together: order by type name, then value
        groups = sorted(set(labels.tolist()), key=lambda g: (type(g).__name__, str(g)))
        index = {g: i for i, g in enumerate(groups)}
        return np.fromiter((index[x] for x in labels), dtype=np.int64, count=len(labels)), groups
