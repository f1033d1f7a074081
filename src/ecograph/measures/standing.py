"""Who is left out and who connects: each rule decided once, read by the brief, the views, the worklist and the summary.

A committee shown two numbers for one idea trusts neither. This module
decides, for every actor of one network, the answers that the outputs
count and name, each under one name in the catalogue of words
(``standing.<column>``):

``no_known_tie``
    No tie at all in the network (degree 0).
``outside_main``
    Not in the largest connected part (a fact of the network, whatever
    the largest part's size); when parts tie for the largest, none of
    them is outside.
``to_reach``
    On the outreach worklist: an **organisation of the territory** that is
    isolated (no tie, one tie only, or outside the largest part when that
    part holds at least half of the actors: in a network in pieces, being
    in another piece is the rule, not a sign of being left out) or, in the
    main part, among the ``low_reach_share`` with the lowest two-step
    reach (and below the median: in a clique no one lags behind). ``reason`` says why, as codes.
``connector``
    An organisation on the shortest paths between others: positive
    betweenness, among the top ``max(5, min(20, n // 20))`` organisations.
``cut_point``
    An organisation whose departure cuts actors off (``cuts_off`` of them).

An *organisation* is an actor whose kind is not in
:data:`ecograph.vocabulary.NOT_ORGANISATIONS` (programmes, funds, events,
territories, recommendations: where actors meet or what they are proposed
for; an unknown kind counts as an organisation). The *territory* is the
organisations of scope ``local`` or ``regional``, or of unknown scope
(unknown is not ``elsewhere``).

Reason codes (``reason``, only for ``to_reach``): ``("no_tie",)``;
``("no_tie_with_organisation",)`` when the actor's only ties go to
programmes, events...; ``("outside_main", size)`` and ``("only_through", id,
...)`` for a pendant or a small part's member; ``("low_reach", reach)``.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("e", "f")])
>>> G.add_node("g")
>>> nx.set_node_attributes(G, "initiative", "kind"); G.nodes["f"]["kind"] = "event"
>>> s = actor_standing(G, low_reach_share=0)
>>> s.loc[s["to_reach"], "reason"].to_dict()
{'d': (('only_through', 'c'),), 'e': (('no_tie_with_organisation',),), 'g': (('no_tie',),)}
>>> s[["no_known_tie", "outside_main", "to_reach", "connector"]].sum().to_dict()
{'no_known_tie': 1, 'outside_main': 3, 'to_reach': 3, 'connector': 1}
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from scipy.sparse.csgraph import connected_components

from ..sparse import GraphLike, as_sparse, outside_largest
from ..vocabulary import NOT_ORGANISATIONS
from ..words import is_missing
from .bridges import cut_points as _cut_points_measure
from .brokerage import betweenness as _betweenness_measure
from .isolation import two_step_reach as _two_step_reach_measure

__all__ = ["STANDING_COLUMNS", "TERRITORY_SCOPES", "actor_standing", "connector_count"]

#: The scopes of the territory's own actors.
TERRITORY_SCOPES = ("local", "regional")
#: The yes/no columns of :func:`actor_standing`: the concepts every output counts under one name.
STANDING_COLUMNS = ("no_known_tie", "outside_main", "to_reach", "connector", "cut_point")


def connector_count(n: int) -> int:
    """How many organisations at most are named connectors in a network of ``n`` actors: a twentieth, between 5 and 20.

    >>> connector_count(100), connector_count(300), connector_count(10_000)
    (5, 15, 20)
    """
    return max(5, min(20, n // 20))


def _known(values: np.ndarray) -> np.ndarray:
    return np.array([not is_missing(v) for v in values], dtype=bool)


def actor_standing(
    G: GraphLike,
    *,
    kind: str = "kind",
    scope: str = "scope",
    territory: Iterable[str] | None = TERRITORY_SCOPES,
    include_unknown_scope: bool = True,
    not_organisations: Iterable[str] = NOT_ORGANISATIONS,
    low_reach_share: float = 0.05,
    betweenness: pd.Series | None = None,
    cut_points: pd.Series | None = None,
    reach_2: pd.Series | None = None,
    reason_for: Iterable | None = None,
) -> pd.DataFrame:
    """Each actor's standing: left out or not, why, and whether it connects (the module's rules).

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
    kind, scope : str
        Node attributes holding each actor's kind and scope (missing: unknown).
    territory : iterable of str or None, default ("local", "regional")
        Scopes of the territory (None: every scope).
    include_unknown_scope : bool, default True
        Whether actors of unknown scope belong to the territory.
    not_organisations : iterable of str
        Kinds that are not organisations (never to reach, connectors or cut points).
    low_reach_share : float, default 0.05
        Share of main-part actors with the lowest two-step reach also to reach.
    betweenness, cut_points, reach_2 : Series, optional
        The measures the rules read (:func:`ecograph.betweenness`,
        :func:`ecograph.cut_points`, two-step reach), computed here when not
        given; an :class:`~ecograph.Analysis` gives its own, computed once.
    reason_for : iterable of actor ids, optional
        Actors whose ``reason`` to give too, whether or not they are to reach
        (a worklist of given actors).

    Returns
    -------
    DataFrame
        Indexed by actor id in node order: ``organisation``, ``territory``,
        ``degree``, ``component_size``, the yes/no columns of
        :data:`STANDING_COLUMNS`, ``cuts_off`` (0 unless a cut point) and
        ``reason`` (codes, empty unless ``to_reach``). ``attrs`` holds the
        rule's settings and ``main_share``, the largest part's share.

    Examples
    --------
    >>> import ecograph as eg
    >>> s = eg.Analysis(eg.datasets.dijon()).standing  # the Analysis's own: computed once
    >>> s[["no_known_tie", "to_reach"]].sum().tolist(), bool(s.loc["jea", "connector"])
    ([65, 33], False)
    """
    S = as_sparse(G)
    n = S.n
    kinds = S.attribute(kind)
    organisation = ~np.isin(np.array([str(k) if not is_missing(k) else "" for k in kinds], dtype=object), list(not_organisations))
    scopes = S.attribute(scope)
    in_territory = organisation.copy()
    if territory is not None:
        known = _known(scopes)
        wanted = np.isin(np.array([str(s) if k else "" for s, k in zip(scopes, known)], dtype=object), list(territory))
        in_territory &= (known & wanted) | (~known & include_unknown_scope)
    A = S.binary
    degree = S.degrees().astype(np.int64)
    n_comp, comp = connected_components(S.adjacency, directed=False)
    sizes = np.bincount(comp, minlength=n_comp) if n else np.zeros(0, dtype=np.int64)
    largest = int(sizes.max()) if n else 0
    outside = outside_largest(comp)
    main_share = largest / n if n else 0.0
    org_degree = A @ organisation.astype(float)
    left_out = (degree == 0) | (degree == 1) | (org_degree == 0) | (outside & (main_share >= 0.5))
    reach = (reach_2 if reach_2 is not None else _two_step_reach_measure(S)).reindex(S.nodes).to_numpy()
    to_reach = left_out.copy()
    if low_reach_share > 0 and n:
        rest = np.flatnonzero(~left_out)
        if len(rest):
            r = pd.Series(reach[rest], index=rest)
            # the lowest reach, and below the median: where every actor reaches as many, no one lags behind
            low = r[(r <= r.quantile(low_reach_share)) & (r < r.median())]
            low = low.sort_values(kind="stable").head(max(1, int(low_reach_share * n)))
            to_reach[low.index.to_numpy()] = True
    to_reach &= in_territory
    reasons = np.empty(n, dtype=object)
    reasons[:] = [()] * n
    explain = to_reach.copy()
    if reason_for is not None:
        at = S.nodes.get_indexer(list(reason_for))
        explain[at[at >= 0]] = True
    for i in np.flatnonzero(explain):
        reasons[i] = _reason(S, A, i, org_degree, degree, comp, sizes, outside, reach)
    cuts = (cut_points if cut_points is not None else _cut_points_measure(S)).reindex(S.nodes).fillna(0).astype(np.int64).to_numpy()
    bc = (betweenness if betweenness is not None else _betweenness_measure(S)).reindex(S.nodes).fillna(0.0).to_numpy(dtype=float)
    frame = pd.DataFrame(
        {
            "organisation": organisation,
            "territory": in_territory,
            "degree": degree,
            "component_size": sizes[comp].astype(np.int64) if n else np.zeros(0, dtype=np.int64),
            "no_known_tie": degree == 0,
            "outside_main": outside,
            "to_reach": to_reach,
            "connector": _connectors(S.nodes, bc, organisation),
            "cut_point": (cuts > 0) & organisation,
            "cuts_off": np.where(organisation, cuts, 0),
            "reason": reasons,
        },
        index=pd.Index(S.nodes, name="actor", dtype=object),
    )
    frame.attrs.update({"main_share": main_share, "low_reach_share": low_reach_share, "territory": territory})
    return frame


def _connectors(nodes: pd.Index, bc: np.ndarray, organisation: np.ndarray) -> np.ndarray:
    """The organisations with positive betweenness, the top :func:`connector_count` of them (ties broken by id)."""
    candidates = np.flatnonzero((bc > 0) & organisation)
    k = connector_count(len(nodes))
    if len(candidates) > k:  # only those at or above the k-th highest betweenness can be among the first k
        kth = np.partition(bc[candidates], len(candidates) - k)[len(candidates) - k]
        candidates = candidates[bc[candidates] >= kth]
    order = sorted(candidates.tolist(), key=lambda i: (-bc[i], str(nodes[i])))[:k]
    out = np.zeros(len(nodes), dtype=bool)
    out[order] = True
    return out


def _reason(S, A, i: int, org_degree, degree, comp, sizes, outside_main: np.ndarray, reach) -> tuple:
    """Why the actor at position ``i`` is to reach, as codes (see the module notes)."""
    if org_degree[i] == 0:
        return (("no_tie",) if degree[i] == 0 else ("no_tie_with_organisation",),)
    nbrs = A.indices[A.indptr[i] : A.indptr[i + 1]]
    outside = bool(outside_main[i])
    parts: list[tuple] = [("outside_main", int(sizes[comp[i]]))] if outside else []
    if len(nbrs) == 1 or (outside and len(nbrs) <= 2):
        parts.append(("only_through", *sorted((S.nodes[z] for z in nbrs.tolist()), key=str)))
    return tuple(parts) if parts else (("low_reach", int(reach[i])),)
