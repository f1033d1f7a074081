"""Brokers: the "connectors" the study asks to find, and the roles they play.

:func:`brokers` gives one row per actor with the measures of brokerage the
literature uses, computed in compiled or sparse code:

``betweenness``
    Normalised betweenness centrality: the share of shortest paths between
    other actors that pass through the actor. Exact (igraph) up to
    :data:`EXACT_BETWEENNESS_LIMIT` actors; above it (or when
    ``betweenness_samples`` is given) estimated from that many source actors
    drawn with ``seed`` (Brandes & Pich's estimator, as networkx's ``k``).
``participation``
    Guimerà & Amaral's participation coefficient ``1 − Σ_s (k_is / k_i)²``
    against the grouping: 0 when all ties stay in one group, close to 1 when
    they spread evenly over many groups.
``constraint``, ``effective_size``
    Burt's constraint (low: the actor's contacts are not tied to each other,
    the actor spans structural holes) and effective size (number of
    non-redundant contacts, Borgatti's formula for unweighted ties).
``coordinator``, ``itinerant``, ``gatekeeper``, ``representative``, ``liaison``
    Gould & Fernandez brokerage roles: for every pair of the actor's
    neighbours ``a → v → c`` that are not tied to each other, the role
    depends on the groups of ``a``, ``v`` and ``c``: coordinator (all three
    in one group), itinerant or consultant (``a`` and ``c`` in one group,
    ``v`` in another), gatekeeper (``a`` outside, ``v`` and ``c`` in one
    group), representative (``a`` and ``v`` in one group, ``c`` outside),
    liaison (all three in different groups).

**Unknown groups.** Participation and roles read the groups of an actor's
neighbours; a neighbour whose group is unknown is left out, as
compositional measures of ego networks are computed over the alters whose
attribute is known (Perry, Pescosolido & Borgatti 2018). Participation is
computed over the neighbours of known group (it does not depend on the
actor's own group), and is NaN for an actor with no such neighbour. A role
needs the groups of the three actors of ``a → v → c``: only those open pairs
count, and an actor whose own group is unknown has NaN role counts and
``main_role`` None (its brokerage may be real, its role cannot be said).
``known_neighbours`` in :func:`brokers` says how many neighbours each actor's
figures rest on, and ``attrs["coverage"]`` the whole grouping's coverage.

**Convention for undirected ties.** An undirected tie counts in both
directions, so every open pair of neighbours ``{a, c}`` is counted as both
``a → v → c`` and ``c → v → a``: coordinator, itinerant and liaison counts are
twice the number of open pairs, and a mixed pair adds one gatekeeper and one
representative count. This is what UCINET reports on symmetric data.

References
----------
.. [1] Freeman, L. C. (1977). A set of measures of centrality based on
   betweenness. *Sociometry* 40, 35-41.
.. [2] Brandes, U. & Pich, C. (2007). Centrality estimation in large
   networks. *Int. J. Bifurcation and Chaos* 17(7), 2303-2318.
.. [3] Guimerà, R. & Amaral, L. A. N. (2005). Functional cartography of
   complex metabolic networks. *Nature* 433, 895-900.
.. [4] Burt, R. S. (1992). *Structural Holes*. Harvard University Press.
.. [5] Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy
   measures. *Connections* 20(1), 35-38.
.. [6] Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a
   formal approach to brokerage in transaction networks. *Sociological
   Methodology* 19, 89-126.
.. [7] Perry, B. L., Pescosolido, B. A. & Borgatti, S. P. (2018). *Egocentric
   Network Analysis: Foundations, Methods, and Models*. Cambridge
   University Press.

Examples
--------
>>> import networkx as nx
>>> F = nx.florentine_families_graph()
>>> nx.set_node_attributes(F, "family", "group")
>>> b = brokers(F, "group")
>>> b.index[0], round(float(b.loc["Medici", "betweenness"]), 3)
('Medici', 0.522)
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from ..partition import PartitionLike, resolve_grouping
from ..sparse import GraphLike, SparseGraph, as_sparse
from .engines import BETWEENNESS_DELTA, Engine, get_engine
from .group_coverage import Coverage, coverage_of_codes, with_coverage

__all__ = ["EXACT_BETWEENNESS_LIMIT", "ROLES", "SETTLED_TOP", "betweenness", "brokerage_roles", "brokers", "participation"]

#: Above this many actors, betweenness is estimated from sampled sources
#: unless ``betweenness_samples`` says otherwise. Exact betweenness costs
#: O(n·m): about a second for 5,000 actors on a 2-core machine.
EXACT_BETWEENNESS_LIMIT = 5_000
#: Number of sampled sources used above the limit (and in each round with ``top=``).
DEFAULT_SAMPLES = 256
#: The top brokers ``betweenness(..., top=SETTLED_TOP)`` settles: sources are added until its top 20 no longer moves.
SETTLED_TOP = 20
#: Gould & Fernandez roles, in the order of the columns.
ROLES = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")


def betweenness(
    G: GraphLike, *, samples: int | None = None, seed: int = 0, engine: str | Engine = "igraph", top: int | None = None
) -> pd.Series:
    """Normalised betweenness centrality, exact or estimated by sampling, with the sampling error stated.

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
    samples : int, optional
        Number of source actors to sample; ``None`` computes exactly up to
        :data:`EXACT_BETWEENNESS_LIMIT` actors and samples
        :data:`DEFAULT_SAMPLES` above it. ``samples >= n`` is exact; so is a network whose pendants, folded
        into their one neighbour, leave less work than the samples would (a
        hub tied to thousands of actors).
    seed : int, default 0
    engine : {"igraph", "networkit"} or Engine, default "igraph"
        What estimates a sampled betweenness
        (:mod:`ecograph.measures.engines`): igraph from source actors
        stratified along the network (Brandes & Pich), NetworKit by
        KADABRA's adaptive sampling of shortest paths (``samples`` then
        only decides between exact and sampled). Exact values are igraph's
        with either.

    top : int, optional
        With igraph, when the ranking is what is read: add rounds of as many
        sources until the estimate's ``top`` brokers settle (the estimate
        and each half of its sources share 95% of them, at most
        :data:`~ecograph.measures.engines.SETTLE_ROUNDS` rounds).
        :data:`SETTLED_TOP` (20) at 100,000 synthetic actors: 18 to 19 of the
        exact top 20 in 4 to 11 rounds, where one round shares 17 or 18;
        several times the time of one round. NetworKit ignores it.

    Returns
    -------
    Series
        Named ``betweenness``; ``attrs`` records ``method`` (``exact`` or
        ``sampled``), ``samples`` (sources, or shortest paths for KADABRA),
        ``seed``, ``engine`` and the error: every value lies within
        ``epsilon`` of the exact one with probability at least
        ``1 - delta``, for all actors at once (``epsilon`` 0 when exact);
        ``settled``: whether igraph's rounds settled the top brokers (None
        when exact, for a given ``samples`` or for NetworKit).

    Examples
    --------
    >>> import networkx as nx
    >>> b = betweenness(nx.star_graph(4))
    >>> b.tolist(), b.attrs["method"], b.attrs["epsilon"]
    ([1.0, 0.0, 0.0, 0.0, 0.0], 'exact', 0.0)
    >>> b = betweenness(nx.barbell_graph(20, 0), samples=10)
    >>> b.attrs["method"], b.attrs["samples"], round(b.attrs["epsilon"], 2), b.attrs["delta"]
    ('sampled', 10, 0.59, 0.1)
    """
    S = as_sparse(G)
    runner = get_engine(engine)
    n = S.n
    if samples is None and n <= EXACT_BETWEENNESS_LIMIT:
        samples = n
    elif samples is None:
        samples = DEFAULT_SAMPLES
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    folded = _folded(S) if S.m and samples < n else None
    if folded is not None and folded.leaf.any() and folded.cost <= samples * S.m:
        samples = n  # pendants folded into their hub, the exact values cost less than the estimate (a star)
    if samples >= n:
        values, method, used, epsilon, settled = _exact_betweenness(S, folded) * scale, "exact", n, 0.0, None
    else:
        estimate = runner.sampled_betweenness(S, samples=int(samples), seed=seed, top=top)
        values, method, used, epsilon, settled = estimate.values, "sampled", estimate.samples, estimate.epsilon, estimate.settled
    out = pd.Series(values, index=S.nodes.copy(), name="betweenness")
    out.attrs.update({"method": method, "samples": used, "seed": seed, "exact_limit": EXACT_BETWEENNESS_LIMIT})
    out.attrs.update({"engine": runner.name if method == "sampled" else "igraph", "epsilon": epsilon, "delta": BETWEENNESS_DELTA})
    out.attrs["settled"] = settled
    return out


def _constraint(S: SparseGraph, tri: np.ndarray) -> np.ndarray:
    """Burt's constraint of unweighted ties, as igraph's, from the triangles: linear in ties and triangles.

    ``c_i = Σ_j (p_ij + Σ_q p_iq p_qj)²`` over the contacts ``j`` of ``i``,
    ``q`` running over their common contacts, with ``p_ij = 1 / deg i``.
    igraph walks every contact's contacts (``Σ deg²`` steps: a hub tied to a
    million actors would take a million million); only the triangles add to
    ``p_ij``, so each tie starts at ``1 / deg i`` and each triangle adds to
    its three ties. NaN for an actor without ties.
    """
    n = S.n
    u, v, _ = S.edges()
    deg = np.diff(S.binary.indptr).astype(float)
    inv = np.divide(1.0, deg, out=np.zeros(n), where=deg > 0)
    # each tie in both directions, as one key per ordered pair; s holds Σ_q 1/deg q over common contacts q
    src, dst = np.concatenate([u, v]), np.concatenate([v, u])
    keys = src * n + dst
    order = np.argsort(keys)
    shared = np.zeros(len(keys))
    if len(tri):
        a, b, c = tri[:, 0], tri[:, 1], tri[:, 2]
        for x, y, z in ((a, b, c), (b, a, c), (a, c, b), (c, a, b), (b, c, a), (c, b, a)):
            np.add.at(shared, order[np.searchsorted(keys[order], x * n + y)], inv[z])
    term = (inv[src] * (1.0 + shared)) ** 2
    out = np.bincount(src, weights=term, minlength=n).astype(float)  # float even with no tie
    out[deg == 0] = np.nan
    return out


class _Folded(NamedTuple):
    """A network with its pendants folded into their neighbours (see :func:`_exact_betweenness`)."""

    leaf: np.ndarray  # pendants whose neighbour has other ties
    core: np.ndarray  # positions of the other actors
    hangs: np.ndarray  # pendants hanging from each core actor
    classes: np.ndarray  # distinct pair weights 1 + hangs
    cost: int  # weight classes × core actors × core ties: the folded computation's work


def _folded(S: SparseGraph) -> _Folded:
    A = S.binary
    degree = np.diff(A.indptr)
    first = A.indices[np.minimum(A.indptr[:-1], max(len(A.indices) - 1, 0))]  # the one neighbour of a pendant
    leaf = (degree == 1) & (degree[first] > 1)
    core = np.flatnonzero(~leaf)
    hangs = np.bincount(first[leaf], minlength=S.n)[core].astype(float)
    classes = np.unique(1.0 + hangs)
    return _Folded(leaf, core, hangs, classes, len(classes) * len(core) * max(S.m - int(leaf.sum()), 1))


def _exact_betweenness(S: SparseGraph, folded: _Folded | None = None) -> np.ndarray:
    """Raw betweenness (each unordered pair once), with an actor's pendants folded into it when that is cheaper.

    A pendant's only paths go through its one neighbour ``a``: ``a`` lies on
    the paths between each of its ``c`` pendants and every other actor of its
    component (``c (N - 1 - c) + c (c - 1) / 2`` pairs), and paths between
    two other actors ``s`` and ``t`` stand for ``(1 + c_s) (1 + c_t)`` pairs.
    So betweenness is Brandes's on the network without its pendants, each
    pair weighted, grouped by weight (igraph's betweenness between subsets):
    a star of a million actors costs one pass instead of a million searches
    (Baglioni, Geraci, Pellegrini & Lastres 2012). Used only where its cost
    (weight classes × actors × ties left) is below Brandes's on the whole.
    """
    n = S.n
    if not S.m:
        return np.zeros(n)
    f = folded or _folded(S)
    if not f.leaf.any() or f.cost >= n * S.m:
        return np.asarray(S.igraph().betweenness(directed=False), dtype=float)
    _, comp = connected_components(S.adjacency, directed=False)
    size = np.bincount(comp)[comp[f.core]].astype(float)
    raw = np.zeros(n)
    raw[f.core] = f.hangs * (size - 1 - f.hangs) + f.hangs * (f.hangs - 1) / 2
    if S.m > f.leaf.sum():
        mutual = S.subgraph(~f.leaf).igraph().as_directed(mode="mutual")
        weight = 1.0 + f.hangs
        members = [np.flatnonzero(weight == w).tolist() for w in f.classes]
        ordered = np.zeros(len(f.core))
        for wi, si in zip(f.classes, members):
            for wj, tj in zip(f.classes, members):
                ordered += wi * wj * np.asarray(mutual.betweenness(directed=True, sources=si, targets=tj), dtype=float)
        raw[f.core] += ordered / 2.0  # ordered pairs: each unordered pair twice
    return raw


def _known_onehot(S: SparseGraph, codes: np.ndarray, k: int) -> sp.csr_array:
    """Neighbours of each actor in each known group (rows: actors, columns: groups)."""
    known = np.flatnonzero(codes >= 0)
    onehot = sp.csr_array((np.ones(len(known)), (known, codes[known])), shape=(S.n, k))
    return (S.binary @ onehot).tocsr()


def _participation(K: sp.csr_array) -> tuple[np.ndarray, np.ndarray]:
    k = np.asarray(K.sum(axis=1)).ravel()
    sq = np.asarray(K.multiply(K).sum(axis=1)).ravel()
    with np.errstate(invalid="ignore", divide="ignore"):
        p = np.where(k > 0, 1.0 - sq / np.where(k > 0, k, 1) ** 2, np.nan)
    return p, k


def participation(G: GraphLike, partition: PartitionLike = "sphere") -> pd.Series:
    """Guimerà & Amaral's participation coefficient against a grouping.

    ``P_i = 1 − Σ_s (k_is / k_i)²`` where ``k_is`` counts the neighbours of
    ``i`` in group ``s`` and ``k_i`` its neighbours of known group.
    Neighbours whose group is unknown are left out (see the module notes);
    actors without a neighbour of known group get NaN (the coefficient is
    undefined for them).

    Returns
    -------
    Series
        Named ``participation``, indexed by actor id; ``attrs["coverage"]``
        (basis ``"actors"``) and ``attrs["reason"]``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.star_graph(4)
    >>> participation(G, {0: "a", 1: "a", 2: "b", 3: "c", 4: "d"}).round(3).tolist()
    [0.75, 0.0, 0.0, 0.0, 0.0]
    >>> participation(G, {1: "a", 2: "b", 3: "b"}).round(3).tolist()  # 0 and 4 unknown: 0 counts 1, 2, 3
    [0.444, nan, nan, nan, nan]
    """
    S, _, codes, groups = resolve_grouping(G, partition)
    p, _ = _participation(_known_onehot(S, codes, len(groups)))
    cov = coverage_of_codes(S, codes, "actors")
    return with_coverage(pd.Series(p, index=S.nodes.copy(), name="participation"), cov, None if groups else "no_known_group")


def _roles(S: SparseGraph, codes: np.ndarray, K: sp.csr_array, tri: np.ndarray) -> np.ndarray:
    """Role counts (5 × n, float: NaN for actors of unknown group) over open pairs of known neighbours."""
    n = S.n
    known = codes >= 0
    own = np.zeros(n)
    rows = np.flatnonzero(known)
    if len(rows):
        own[rows] = np.asarray(K[rows, codes[rows]]).ravel()
    kk = np.asarray(K.sum(axis=1)).ravel()  # neighbours of known group
    other = kk - own
    sq_all = np.asarray(K.multiply(K).sum(axis=1)).ravel()
    sq_other = sq_all - own**2
    coordinator = own * np.maximum(own - 1, 0)  # own * (own - 1) is -0.0 when own = 0: a count is 0, never -0
    itinerant = sq_other - other  # Σ_{g≠o} n_g (n_g − 1)
    gatekeeper = own * other
    representative = own * other
    liaison = other**2 - sq_other
    counts = np.vstack([coordinator, itinerant, gatekeeper, representative, liaison])
    # closed pairs are no brokerage: remove the triangles whose three groups are known
    tri = tri[known[tri].all(axis=1)] if len(tri) else tri
    for x, y, z in ((0, 1, 2), (1, 0, 2), (2, 0, 1)):
        v, a, c = tri[:, x], tri[:, y], tri[:, z]
        gv, ga, gc = codes[v], codes[a], codes[c]
        coord = (ga == gv) & (gc == gv)
        itin = (ga == gc) & (ga != gv)
        mixed = (ga == gv) ^ (gc == gv)
        liais = (ga != gc) & (ga != gv) & (gc != gv)
        counts[0] -= 2 * np.bincount(v[coord], minlength=n)
        counts[1] -= 2 * np.bincount(v[itin], minlength=n)
        counts[2] -= np.bincount(v[mixed], minlength=n)
        counts[3] -= np.bincount(v[mixed], minlength=n)
        counts[4] -= 2 * np.bincount(v[liais], minlength=n)
    counts[:, ~known] = np.nan
    return counts


def _role_frame(S: SparseGraph, counts: np.ndarray, cov: Coverage, reason: str | None) -> pd.DataFrame:
    complete = not np.isnan(counts).any()
    data = counts.T.astype(np.int64) if complete else counts.T
    frame = pd.DataFrame(data, index=S.nodes.copy(), columns=list(ROLES))
    frame["brokerage"] = frame.sum(axis=1, min_count=1) if not complete else frame.sum(axis=1)
    return with_coverage(frame, cov, reason)


def brokerage_roles(G: GraphLike, partition: PartitionLike = "sphere") -> pd.DataFrame:
    """Gould & Fernandez brokerage role counts of every actor.

    See the module notes for the roles, the convention for undirected ties
    and what is done with unknown groups.

    Returns
    -------
    DataFrame
        Columns ``coordinator``, ``itinerant``, ``gatekeeper``,
        ``representative``, ``liaison`` and their sum ``brokerage``, indexed
        by actor id: integers, or floats with NaN for the actors whose group
        is unknown when there are some. ``attrs["coverage"]`` (basis
        ``"actors"``) and ``attrs["reason"]``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "v"), ("v", "c")])
    >>> brokerage_roles(G, {"a": 1, "v": 2, "c": 2}).loc["v"].tolist()
    [0, 0, 1, 1, 0, 2]
    >>> brokerage_roles(G, {"v": 2, "c": 2}).loc["v"].tolist()  # a's group unknown: no triad to classify
    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    >>> brokerage_roles(G, {"a": 1, "v": 2}).loc["v"].tolist()  # c's group unknown; v has no neighbour in its group: 0, not -0
    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    """
    S, _, codes, groups = resolve_grouping(G, partition)
    tri = S.triangles()
    counts = _roles(S, codes, _known_onehot(S, codes, len(groups)), tri)
    return _role_frame(S, counts, coverage_of_codes(S, codes, "actors"), None if groups else "no_known_group")


def brokers(
    G: GraphLike,
    attr: PartitionLike = "sphere",
    *,
    betweenness_samples: int | None = None,
    seed: int = 0,
    engine: str | Engine = "igraph",
    top: int | None = None,
) -> pd.DataFrame:
    """Brokerage measures of every actor, most important brokers first.

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
    attr : str, Series, mapping, list of sets or Communities, default "sphere"
        Grouping for participation and brokerage roles: the spheres, or a
        community partition.
    betweenness_samples : int, optional
        See :func:`betweenness`.
    seed : int, default 0
    engine : {"igraph", "networkit"} or Engine, default "igraph"
        What estimates a sampled betweenness (see :func:`betweenness`).
    top : int, optional
        With a sampled betweenness, settle this many top brokers (see :func:`betweenness`).

    Returns
    -------
    DataFrame
        Indexed by actor id: ``group`` (None where unknown), ``degree``,
        ``known_neighbours`` (neighbours whose group is known: what
        participation and roles rest on), ``betweenness``,
        ``participation``, ``constraint``, ``effective_size``, the five role
        counts, ``brokerage`` (their sum) and ``main_role`` (the role with the
        largest count, ``""`` for none, None where the actor's group is
        unknown). Sorted by betweenness, then brokerage, then id. ``attrs``
        records how betweenness was computed, the grouping's ``coverage``
        (basis ``"actors"``) and ``reason``. Actors without ties have NaN
        constraint, effective size and participation (undefined for them).

    Examples
    --------
    >>> import networkx as nx
    >>> K = nx.karate_club_graph()
    >>> top = brokers(K, "club").head(3)
    >>> top.index.tolist(), top["main_role"].tolist()
    ([0, 33, 32], ['coordinator', 'coordinator', 'coordinator'])
    >>> G = nx.Graph([("a", "v"), ("v", "c"), ("v", "x")])
    >>> b = brokers(G, {"a": "p", "v": "q", "c": "q"})  # x's group is unknown
    >>> int(b.loc["v", "known_neighbours"]), float(b.loc["v", "participation"]), b.loc["v", "main_role"], b.loc["x", "main_role"]
    (2, 0.5, 'gatekeeper', None)
    """
    S, values, codes, groups = resolve_grouping(as_sparse(G), attr)
    labels = values.to_numpy(dtype=object, copy=True) if isinstance(values, pd.Series) else np.array(values, dtype=object, copy=True)
    labels[codes < 0] = None
    cov = coverage_of_codes(S, codes, "actors")
    bc = betweenness(S, samples=betweenness_samples, seed=seed, engine=engine, top=top)
    tri = S.triangles()
    K = _known_onehot(S, codes, len(groups))
    part, known_neighbours = _participation(K)
    roles = _role_frame(S, _roles(S, codes, K, tri), cov, None)
    deg = S.degrees()
    n = S.n
    t = np.bincount(tri.ravel(), minlength=n).astype(float) if len(tri) else np.zeros(n)
    with np.errstate(invalid="ignore", divide="ignore"):
        esize = np.where(deg > 0, deg - 2.0 * t / np.where(deg > 0, deg, 1), np.nan)
    constraint = _constraint(S, tri)
    frame = pd.DataFrame(
        {
            "group": pd.Series(labels, index=S.nodes, dtype=object),
            "degree": deg.astype(np.int64),
            "known_neighbours": known_neighbours.astype(np.int64),
            "betweenness": bc.to_numpy(),
            "participation": part,
            "constraint": constraint,
            "effective_size": esize,
        },
        index=S.nodes.copy(),
    )
    frame = frame.join(roles)
    role_counts = np.nan_to_num(frame[list(ROLES)].to_numpy(dtype=float), nan=0.0)
    main = np.where(role_counts.max(axis=1) > 0, np.array(ROLES, dtype=object)[role_counts.argmax(axis=1)], "").astype(object)
    main[codes < 0] = None
    frame["main_role"] = pd.Series(main, index=frame.index, dtype=object)
    frame["_id"] = [str(x) for x in frame.index]
    frame = frame.sort_values(["betweenness", "brokerage", "_id"], ascending=[False, False, True], kind="stable").drop(columns="_id")
    frame.attrs.update(bc.attrs)
    with_coverage(frame, cov, None if groups else "no_known_group")
    frame.index.name = "actor"
    return frame
