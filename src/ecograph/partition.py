"""Groupings of actors: an attribute name, a Series or mapping, a list of sets, or communities.

Every group-based measure (block density, mixing matrix, E-I index,
modularity of a grouping, participation, brokerage roles, agreement of
communities with a grouping, people flows between groups, the null-model and
robustness statistics) reads its grouping through this module, so they all
accept the same forms and treat missing values the same way.

**Unknown is unknown.** An actor whose group is missing — an empty or blank
text, NaN, None, pandas' NA, an attribute the node does not carry, or an
actor that a Series, mapping or list of sets leaves out — has an *unknown*
group. It never forms a group of its own: :func:`group_codes` gives it the
code ``-1`` and :func:`group_labels` the label ``None``, and every measure
counts only the actors (and the ties between actors) whose group is known,
and says how much of the network that is (see :mod:`ecograph.measures.group_coverage`).

Misuse is still an error: an attribute that no node carries
(:class:`~ecograph.errors.MissingAttributeError`, naming the attribute), a
partition that names actors not in the graph, or one that puts an actor in
two groups (:class:`~ecograph.errors.GraphError`).

Examples
--------
>>> import networkx as nx
>>> G = nx.path_graph(4)
>>> group_labels(G, [{0, 1}, {2, 3}]).tolist()
[0, 0, 1, 1]
>>> group_labels(G, {0: "a", 1: "a", 2: "b"}).tolist()  # actor 3 is left out: unknown
['a', 'a', 'b', None]
>>> group_codes(G, {0: "b", 1: "", 2: "a", 3: float("nan")})
(array([ 1, -1,  0, -1]), ['a', 'b'])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .errors import GraphError, MissingAttributeError
from .sparse import GraphLike, SparseGraph, as_sparse

__all__ = ["PartitionLike", "factorize", "group_codes", "group_labels"]

#: What a measure accepts as a grouping.
PartitionLike = str | pd.Series | Mapping | Iterable


def _name_some(values: Iterable[Any], limit: int = 5) -> str:
    values = list(values)
    shown = ", ".join(str(v) for v in values[:limit])
    return shown + (", ..." if len(values) > limit else "")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def factorize(labels: np.ndarray | pd.Series) -> tuple[np.ndarray, list]:
    """Integer codes for labels and the sorted list of known groups; ``-1`` for a missing label.

    A label is missing when it is None, NaN, pandas' NA or a text that is
    empty or blank. Groups are sorted (labels of mixed types by type name,
    then value), so the codes are deterministic.

    Examples
    --------
    >>> factorize(np.array(["b", "a", "b"], dtype=object))
    (array([1, 0, 1]), ['a', 'b'])
    >>> factorize(np.array(["b", "", None, " ", "a"], dtype=object))
    (array([ 1, -1, -1, -1,  0]), ['a', 'b'])
    """
    if not isinstance(labels, pd.Series):
        labels = np.asarray(labels, dtype=object) if not isinstance(labels, np.ndarray) else labels
    try:
        codes, uniques = pd.factorize(labels, sort=True)
        groups = list(uniques)
    except TypeError:  # mixed label types cannot be sorted together: order by type name, then value
        codes, uniques = pd.factorize(labels, sort=False)
        groups = list(uniques)
        order = sorted(range(len(groups)), key=lambda i: (type(groups[i]).__name__, str(groups[i])))
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        codes = np.where(codes >= 0, rank[np.maximum(codes, 0)], -1)
        groups = [groups[i] for i in order]
    codes = np.asarray(codes, dtype=np.int64)
    # one check per distinct group, not per actor: blank texts are missing too
    blank = np.array([isinstance(g, str) and not g.strip() for g in groups], dtype=bool)
    if blank.any():
        renumber = np.where(blank, -1, np.cumsum(~blank) - 1)
        codes = np.where(codes >= 0, renumber[np.maximum(codes, 0)], -1)
        groups = [g for g, b in zip(groups, blank) if not b]
    return codes, groups


def _attribute_values(S: SparseGraph, attr: str) -> np.ndarray | pd.Series:
    """The ``attr`` value of every node (missing where a node lacks it); an error if no node has it."""
    if attr in S.attributes.columns:
        return S.attributes[attr]
    if S.has_attribute(attr):
        return S.attribute(attr)
    raise MissingAttributeError(
        f"no node has a '{attr}' attribute ({_plural(S.n, 'node')}, e.g. {_name_some(S.nodes[:5])}); "
        f"set it, e.g. nx.set_node_attributes(G, value, '{attr}'), or pick another attribute "
        "(nodes without a value count as unknown)"
    )


def _series_values(S: SparseGraph, partition: pd.Series) -> pd.Series:
    if partition.index.equals(S.nodes):  # already aligned (e.g. communities of this graph)
        return partition
    if not partition.index.is_unique:
        dup = partition.index[partition.index.duplicated()].unique()
        raise GraphError(f"the partition puts {_plural(len(dup), 'actor')} in two groups ({_name_some(dup)})")
    outside = partition.index.difference(S.nodes, sort=False)
    if len(outside):
        raise GraphError(f"the partition names {_plural(len(outside), 'actor')} not in the graph ({_name_some(outside)})")
    return partition.reindex(S.nodes)  # actors left out: NaN, unknown


def _values(S: SparseGraph, partition: PartitionLike) -> np.ndarray | pd.Series:
    """The raw group value of every node, in node order (missing values not yet recognised)."""
    if isinstance(partition, str):
        return _attribute_values(S, partition)
    membership = getattr(partition, "membership", None)
    if isinstance(membership, pd.Series):
        partition = membership
    if isinstance(partition, pd.Series):
        return _series_values(S, partition)
    if isinstance(partition, Mapping):
        keys = pd.Index(list(partition.keys()), dtype=object, tupleize_cols=False)
        values = np.empty(len(keys), dtype=object)
        values[:] = list(partition.values())
        return _series_values(S, pd.Series(values, index=keys, dtype=object))
    mapping: dict = {}
    for i, group in enumerate(partition):
        for node in group:
            if node in mapping:
                raise GraphError(f"the partition puts actor {node} in two groups ({mapping[node]} and {i})")
            mapping[node] = i
    return _values(S, mapping)


def resolve_grouping(G: GraphLike | SparseGraph, partition: PartitionLike) -> tuple[SparseGraph, np.ndarray | pd.Series, np.ndarray, list]:
    """``(S, raw values, codes, groups)``: the one way from a grouping argument to group codes."""
    S = G if isinstance(G, SparseGraph) else as_sparse(G)
    values = _values(S, partition)
    codes, groups = factorize(values)
    return S, values, codes, groups


def table_graph(actors: pd.DataFrame) -> SparseGraph:
    """The actors of a table as a graph without ties, to read a grouping against the table (flows, evolution)."""
    ids = pd.Index(actors.index, dtype=object)
    return SparseGraph(ids, sp.csr_array((len(ids), len(ids))), actors.set_axis(ids))


def group_codes(G: GraphLike | SparseGraph, partition: PartitionLike) -> tuple[np.ndarray, list]:
    """The group of every node as an integer code (``-1``: unknown), and the sorted list of known groups.

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
    partition : str, Series, mapping, list of sets, or Communities
        See :func:`group_labels`.

    Returns
    -------
    codes : ndarray of int64
        In node order; ``groups[codes[i]]`` is node ``i``'s group, and
        ``codes[i] == -1`` when it is unknown.
    groups : list
        The known groups, sorted.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(3); nx.set_node_attributes(G, {0: "b", 1: "", 2: "a"}, "sphere")
    >>> group_codes(G, "sphere")
    (array([ 1, -1,  0]), ['a', 'b'])
    """
    _, _, codes, groups = resolve_grouping(G, partition)
    return codes, groups


def group_labels(G: GraphLike | SparseGraph, partition: PartitionLike) -> np.ndarray:
    """The group of every node of ``G``, in node order, as an object array (``None``: unknown).

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
    partition : str, Series, mapping, list of sets, or Communities
        A node attribute name; a Series or mapping from actor id to group; a
        list of disjoint sets of actor ids; or a :class:`Communities` result.
        An actor that the partition leaves out, or whose value is empty,
        blank, NaN or None, has an unknown group.

    Raises
    ------
    MissingAttributeError
        If ``partition`` is an attribute that no node carries.
    GraphError
        If the partition names actors not in the graph, or puts an actor in
        two groups.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(3); nx.set_node_attributes(G, {0: "a", 1: "b", 2: ""}, "sphere")
    >>> group_labels(G, "sphere").tolist()
    ['a', 'b', None]
    >>> group_labels(G, "colour")
    Traceback (most recent call last):
    ...
    ecograph.errors.MissingAttributeError: no node has a 'colour' attribute (3 nodes, e.g. 0, 1, 2); set it, e.g. nx.set_node_attributes(G, value, 'colour'), or pick another attribute (nodes without a value count as unknown)
    """
    _, values, codes, _ = resolve_grouping(G, partition)
    labels = values.to_numpy(dtype=object, copy=True) if isinstance(values, pd.Series) else np.array(values, dtype=object, copy=True)
    labels[codes < 0] = None
    return labels
