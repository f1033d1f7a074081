"""What an introduction or a departure would change: :func:`what_if` and :func:`key_players`.

Both read the network and its measures from an :class:`~ecograph.Analysis`
(built from an Ecosystem or a graph when not given): the "before" figures are
the Analysis's own headline measures and brokerage roles.

References
----------
.. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social
   network. *Computational & Mathematical Organization Theory* 12, 21-34.

Examples
--------
>>> import ecograph as eg
>>> float(what_if(eg.datasets.tiny(), add=[("loner", "fablab")]).loc["isolates", "change"])
-1.0
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd
from scipy.sparse.csgraph import connected_components

from ..errors import GraphError, UnknownActorError
from ..measures.analysis import Analysis
from ..measures.bridges import cut_point_pieces
from ..measures.evolution import headline_measures
from ..partition import PartitionLike, group_labels
from ..sparse import SparseGraph, symmetric_matrix
from ..vocabulary import NOT_ORGANISATIONS
from ..words import is_missing
from .facts import column, known_groups

__all__ = ["key_players", "what_if"]

#: Columns of :func:`key_players`.
KEY_PLAYER_COLUMNS = [
    "step",
    "actor",
    "name",
    "kind",
    "cut_point",
    "role",
    "pairs_disconnected",
    "largest_component_share",
    "groups_cut_off",
]


def _removals(S: SparseGraph, index: dict, edges: dict, remove: Iterable) -> set[int]:
    """Delete the ties to remove from ``edges``; return the positions of the actors to remove."""
    actors: set[int] = set()
    for item in remove:
        if isinstance(item, tuple) and len(item) == 2:
            a, b = item
            for x in (a, b):
                if x not in index:
                    raise UnknownActorError(f"cannot remove the tie {a!r}–{b!r}: actor {x!r} is not in the graph")
            key = (min(index[a], index[b]), max(index[a], index[b]))
            if key not in edges:
                raise GraphError(f"cannot remove the tie {a!r}–{b!r}: there is no such tie")
            del edges[key]
        else:
            if item not in index:
                raise UnknownActorError(f"cannot remove actor {item!r}: it is not in the graph")
            actors.add(index[item])
    return actors


def _additions(index: dict, edges: dict, add: Iterable) -> None:
    for item in add:
        if not (isinstance(item, tuple) and len(item) == 2):
            raise GraphError(f"cannot add {item!r}: give ties as (actor, actor) pairs, and new actors with add_actors=")
        a, b = item
        for x in (a, b):
            if x not in index:
                raise UnknownActorError(f"cannot add the tie {a!r}–{b!r}: actor {x!r} is not in the graph (new actors go in add_actors=)")
        if a == b:
            raise GraphError(f"cannot add a tie from {a!r} to itself")
        edges[(min(index[a], index[b]), max(index[a], index[b]))] = 1.0


def _apply_edits(S: SparseGraph, groups: pd.Series, add: Iterable, remove: Iterable, add_actors: Mapping | None) -> SparseGraph:
    """The graph after the edits, with the group of every actor as the attribute named ``groups.name``."""
    nodes = list(S.nodes)
    new = dict(add_actors or {})
    for key in new:
        if key in set(nodes):
            raise GraphError(f"actor {key!r} is already in the graph")
    nodes += list(new)
    index = {node: i for i, node in enumerate(nodes)}
    u, v, w = S.edges()
    edges = {(int(a), int(b)): float(x) for a, b, x in zip(u, v, w)}
    removed = _removals(S, index, edges, remove)
    _additions(index, edges, add)
    keep = [i for i in range(len(nodes)) if i not in removed]
    remap = {old: i for i, old in enumerate(keep)}
    kept = [(remap[a], remap[b], x) for (a, b), x in edges.items() if a in remap and b in remap]
    eu, ev, ew = (np.array([e[i] for e in kept], dtype=np.int64 if i < 2 else float) for i in range(3))
    new_nodes = pd.Index([nodes[i] for i in keep], dtype=object)
    values = {**groups.to_dict(), **{key: attrs.get(groups.name) for key, attrs in new.items()}}
    attrs = pd.DataFrame({groups.name: [values[x] for x in new_nodes]}, index=new_nodes)
    out = SparseGraph(new_nodes, symmetric_matrix(eu, ev, ew, len(new_nodes)), attrs)
    out.graph = dict(S.graph)
    return out


def what_if(
    G: Any, *, add: Iterable = (), remove: Iterable = (), group: PartitionLike | None = None, add_actors: Mapping | None = None
) -> pd.DataFrame:
    """The headline measures before and after adding or removing ties or actors.

    Parameters
    ----------
    G : Ecosystem, networkx.Graph, SparseGraph or Analysis
    add : iterable of (actor, actor)
        Ties to add.
    remove : iterable of (actor, actor) or actor ids
        Ties or actors to remove.
    group : str, Series, mapping or list of sets, optional
        The grouping of E-I and modularity; default ``"sphere"``, or the Analysis's.
    add_actors : mapping of actor id to attributes, optional
        New actors: give each its group under the grouping attribute's name
        (``"group"`` for a grouping given as a Series, mapping or partition),
        and tie them with ``add``.

    Returns
    -------
    DataFrame
        Indexed by measure: ``before`` (the Analysis's headline measures),
        ``after`` and ``change``.

    Examples
    --------
    >>> import ecograph as eg
    >>> w = what_if(eg.datasets.tiny(), add=[("loner", "coop")])
    >>> w.loc[["components", "isolates"], "change"].tolist()
    [-1.0, -1.0]
    """
    a = Analysis.of(G, group=group)
    name = a.group if isinstance(a.group, str) else "group"
    groups = pd.Series(group_labels(a.sparse, a.group), index=a.sparse.nodes, name=name)
    after = _apply_edits(a.sparse, groups, add, remove, add_actors)
    if after.n == 0:
        raise GraphError("nothing is left once those actors are removed")
    frame = pd.DataFrame({"before": a.headline, "after": headline_measures(after, name)})
    frame["change"] = frame["after"] - frame["before"]
    frame.index.name = "measure"
    return frame


def _components(S: SparseGraph) -> np.ndarray:
    return connected_components(S.adjacency, directed=False)[1] if S.n else np.zeros(0, dtype=np.int64)


def _reachable_pairs(S: SparseGraph) -> int:
    sizes = np.bincount(_components(S))
    return int((sizes * (sizes - 1) // 2).sum())


def _connected_group_pairs(S: SparseGraph, groups: np.ndarray) -> set[tuple]:
    """Pairs of known groups with members in one component."""
    frame = pd.DataFrame({"comp": _components(S), "g": groups})
    frame = frame[frame["g"].notna()].drop_duplicates()
    frame["key"] = frame["g"].map(str)  # each pair once, in the order of the groups' names
    both = frame.merge(frame, on="comp")  # all components at once: a few groups each, thousands of components
    both = both[(both["key_x"] < both["key_y"]).to_numpy()]
    return set(zip(both["g_x"], both["g_y"]))


def _most_fragmenting(current: SparseGraph, allowed: np.ndarray) -> tuple[int, bool]:
    """Position of the allowed actor whose removal disconnects most pairs, and whether it is a cut point."""
    table = cut_point_pieces(current)
    table = table[allowed[table["position"].to_numpy()]] if len(table) else table
    if len(table):
        c = table["component_size"].to_numpy()
        lost = c * (c - 1) // 2 - (table["sum_sq_pieces"].to_numpy() - (c - 1)) // 2
        best = int(np.lexsort((table["position"].to_numpy(), -lost))[0])
        return int(table["position"].iloc[best]), True
    candidates = np.flatnonzero(allowed)
    return int(candidates[np.lexsort((candidates, -current.degrees()[candidates]))[0]]), False


def key_players(
    G: Any, *, k: int = 5, group: PartitionLike | None = None, seed: int | None = None, kinds_excluded: Iterable[str] = NOT_ORGANISATIONS
) -> pd.DataFrame:
    """The ``k`` actors whose departure would fragment the network most (greedy).

    At each step the actor whose removal disconnects the most pairs of the
    remaining actors is taken out (only cut points can disconnect pairs; when
    none is left, the actor with most ties). This is the greedy heuristic for
    Borgatti's key-player problem (KPP-Neg).

    Parameters
    ----------
    G : Ecosystem, networkx.Graph, SparseGraph or Analysis
    k : int, default 5
    group : str, Series, mapping or list of sets, optional
        The grouping of the brokerage roles and of ``groups_cut_off``; default
        ``"sphere"``, or the Analysis's.
    seed : int, optional
        Seed of the betweenness estimate on large graphs (default 0, or the Analysis's).
    kinds_excluded : iterable of str, default ("programme", "event", "territory", "recommendation", "fund")
        Kinds never taken out (a recommendation does not leave); they stay in the network.

    Returns
    -------
    DataFrame
        One row per step (fewer than ``k`` when no other actor is left): ``step``, ``actor``, ``name``, ``kind``,
        ``cut_point`` (whether its removal disconnected pairs), ``role`` (its
        main Gould & Fernandez role code, from the Analysis's brokers; None
        when it has none),
        ``pairs_disconnected`` (cumulative share of originally connected
        pairs no longer connected), ``largest_component_share`` (after the
        removals), ``groups_cut_off`` (pairs of known groups connected before
        and no longer after).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.barbell_graph(4, 1)
    >>> nx.set_node_attributes(G, "x", "sphere")
    >>> key_players(G, k=1)[["actor", "cut_point", "pairs_disconnected"]].values.tolist()
    [[4, True, 0.6666666666666667]]
    """
    if k < 1:
        raise ValueError("k must be at least 1")
    a = Analysis.of(G, group=group, seed=seed)
    S = a.sparse
    groups, _ = known_groups(a)
    groups = pd.array(groups, dtype=object)
    roles = a.brokers["main_role"]
    names, kinds = column(a, "name"), column(a, "kind")
    base_pairs, base_groups = _reachable_pairs(S), _connected_group_pairs(S, groups)
    keep = np.ones(S.n, dtype=bool)
    allowed = np.array([kind is None or kind not in set(kinds_excluded) for kind in kinds], dtype=bool)
    current, rows = S, []
    for step in range(1, min(k, int(allowed.sum())) + 1):
        pick, is_cut = _most_fragmenting(current, allowed[keep])
        actor = current.nodes[pick]
        original = S.nodes.get_loc(actor)
        keep[original] = False
        current = S.subgraph(keep)
        rows.append(
            {
                "step": step,
                "actor": actor,
                "name": str(names[original] if names[original] is not None else actor),
                "kind": kinds[original],
                "cut_point": is_cut,
                "role": None if is_missing(roles.get(actor)) else roles.get(actor),
                "pairs_disconnected": 1 - _reachable_pairs(current) / base_pairs if base_pairs else 0.0,
                "largest_component_share": float(np.bincount(_components(current)).max() / S.n) if current.n else 0.0,
                "groups_cut_off": len(base_groups - _connected_group_pairs(current, groups[keep])),
            }
        )
    out = pd.DataFrame(rows, columns=KEY_PLAYER_COLUMNS)
    out["actor"] = out["actor"].astype(object)
    return out
