"""Direction and weight: the directed network of an ecosystem, degrees, density, reciprocity, dyads.

:func:`directed_graph` turns the tables into a :class:`networkx.DiGraph`: a
tie of a directed type (the vocabulary's ``directed``: funding, support,
hosting...) is one arc from its ``source`` (who acts) to its ``target`` (who
receives); a tie of an undirected type (partnership...) and a people link
become **two arcs**, one each way, each with the tie's full weight. Parallel
rows are summed: an arc's ``weight`` is the sum of the weights of the rows
that make it (plus one per person linking the two actors), ``n_ties`` their
number and ``types`` their sorted types.

The measures here take that graph, any networkx ``DiGraph``, or an
undirected graph (read as a directed one whose every tie is two arcs, so
that in- and out-values equal the undirected ones):

* :func:`degrees`: in- and out-degree (arcs) and in- and out-strength (sum of
  the arcs' weights);
* :func:`directed_density`: arcs over the ``n (n − 1)`` possible, or with
  ``weight`` the mean weight over the possible arcs;
* :func:`reciprocity`: networkx's definition, the share of arcs whose
  reverse arc exists, for the network or each actor;
* :func:`dyad_census`: pairs of actors tied both ways (mutual), one way
  (asymmetric) or not at all (null), as Holland & Leinhardt's census;
* :func:`tie_treatment`: how many of an ecosystem's ties were read as
  directed, undirected or weighted (what a report says of them).

Self-loops are not ties between actors: they are refused, as by every measure.

References
----------
.. [1] Wasserman, S. & Faust, K. (1994). *Social Network Analysis: Methods
   and Applications*. Cambridge University Press, ch. 4 (degree, density)
   and 13 (dyads).
.. [2] Holland, P. W. & Leinhardt, S. (1970). A method for detecting
   structure in sociometric data. *American Journal of Sociology* 76(3),
   492-513.
.. [3] Opsahl, T., Agneessens, F. & Skvoretz, J. (2010). Node centrality in
   weighted networks: generalizing degree and shortest paths. *Social
   Networks* 32(3), 245-251.

Examples
--------
>>> import ecograph as eg
>>> D = directed_graph(eg.datasets.tiny())
>>> D.number_of_nodes(), D.number_of_edges()
(8, 14)
>>> degrees(D).loc["city"].tolist()
[0.0, 2.0, 0.0, 2.0]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, NamedTuple

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..errors import GraphError
from ..graphs import NetworkTables, network_tables
from ..partition import PartitionLike, resolve_grouping
from ..sparse import SparseGraph, check_graph

if TYPE_CHECKING:  # pragma: no cover
    from ..ecosystem import Ecosystem
    from ..vocabulary import Vocabulary

__all__ = ["degrees", "directed_density", "directed_graph", "dyad_census", "reciprocity", "tie_treatment"]


def directed_graph(
    eco: Ecosystem,
    *,
    tie_types: Iterable[str] | str | None = None,
    via_people: bool = True,
    as_of: int | None = None,
) -> nx.DiGraph:
    """The actor network with its directions, as a networkx DiGraph.

    The actors, ties and people links are those of :meth:`Ecosystem.graph`
    (:func:`ecograph.graphs.network_tables`, same options). A tie of a
    directed type is one arc ``source → target``; a tie of an undirected
    type, and a people link, are two arcs (one each way, each with the full
    weight). Parallel rows are summed into one arc: ``weight`` (the rows'
    weights, plus one per person linking the two actors), ``n_ties`` (rows)
    and ``types`` (sorted; ``"people"`` for people links).

    Parameters
    ----------
    eco : Ecosystem
    tie_types : str or iterable of str, optional
    via_people : bool, default True
    as_of : int, optional

    Returns
    -------
    networkx.DiGraph
        Nodes are actor ids with the actor columns as attributes; graph
        attributes ``name``, ``title``, ``as_of`` and ``directed_types`` (the
        vocabulary's directed tie types).

    Examples
    --------
    >>> import ecograph as eg
    >>> D = directed_graph(eg.datasets.tiny(), via_people=False)
    >>> D["city"]["network"]["weight"], D.has_edge("network", "city")  # funding: one way
    (1.0, False)
    >>> D["fablab"]["coop"]["types"], D.has_edge("coop", "fablab")  # partnership: both ways
    (['partnership'], True)
    >>> D["fablab"]["network"]["types"], D["network"]["fablab"]["types"]  # membership one way, support back
    (['membership'], ['support'])
    """
    tables = network_tables(eco, tie_types=tie_types, via_people=via_people, as_of=as_of)
    voc = eco.vocabulary
    D = nx.DiGraph()
    directed_types = sorted(t for t in voc.codes("type") if voc.is_directed(t))
    D.graph.update({"name": eco.name, "title": eco.metadata.title, "as_of": as_of, "directed_types": directed_types})
    records = tables.actors.to_dict("records")
    D.add_nodes_from((actor, {k: v for k, v in rec.items() if not _is_missing(v)}) for actor, rec in zip(tables.actors.index, records))
    arcs = _arc_rows(tables, voc)
    if len(arcs):
        summed = arcs.groupby(["source", "target"], sort=False).agg(weight=("weight", "sum"), n_ties=("n", "sum"))
        types: dict[tuple, list] = {}
        distinct = arcs[["source", "target", "type"]].drop_duplicates().sort_values("type", kind="stable")
        for s, t, ty in zip(distinct["source"], distinct["target"], distinct["type"]):  # each arc's types, sorted
            types.setdefault((s, t), []).append(ty)
        D.add_edges_from(
            (s, t, {"weight": float(w), "n_ties": int(k), "types": types[s, t]}) for (s, t), w, k in summed.itertuples(name=None)
        )
    return D


def _arc_rows(tables: NetworkTables, voc: Vocabulary) -> pd.DataFrame:
    """One row per arc a tie or a person makes (``source``, ``target``, ``type``, ``weight``, ``n``), before parallel rows are summed."""
    ties, links = tables.ties, tables.links
    frames = [pd.DataFrame({"source": [], "target": [], "type": [], "weight": [], "n": []})]
    if len(ties):
        one_way = ties["type"].map(voc.is_directed).to_numpy(dtype=bool)
        rows = ties[["source", "target", "type", "weight"]].assign(n=1)
        back = rows[~one_way].rename(columns={"source": "target", "target": "source"})
        frames += [rows, back]
    if len(links):
        people = links[["source", "target", "person"]].copy()
        lo = np.where(people["source"].astype(str) <= people["target"].astype(str), people["source"], people["target"])
        hi = np.where(people["source"].astype(str) <= people["target"].astype(str), people["target"], people["source"])
        pairs = pd.DataFrame({"source": lo, "target": hi, "person": people["person"].to_numpy()}).drop_duplicates()
        pairs = pairs.assign(type="people", weight=1.0, n=0).drop(columns="person")  # one unit per person and pair
        frames += [pairs, pairs.rename(columns={"source": "target", "target": "source"})]
    arcs = pd.concat([f for f in frames if len(f)] or frames[:1], ignore_index=True)
    arcs["weight"] = arcs["weight"].astype(float)
    return arcs


def arc_matrix(
    eco: Ecosystem,
    *,
    nodes: SparseGraph | None = None,
    tie_types: Iterable[str] | str | None = None,
    via_people: bool = True,
    as_of: int | None = None,
) -> DirectedMatrix:
    """The arcs and weights of :func:`directed_graph` straight from the tables, as a :class:`DirectedMatrix` (no networkx graph).

    The same arcs and summed weights as ``directed_matrix(directed_graph(eco,
    ...), weight="weight")``, built in a fraction of the time on large
    networks; every directed measure takes it. An arc whose rows all weigh 0
    (the schema allows it) is left out, where ``directed_matrix`` refuses
    the graph.

    Parameters
    ----------
    eco : Ecosystem
    nodes : SparseGraph, optional
        The undirected network of the same tables and options
        (:meth:`ecograph.Ecosystem.sparse_graph`): its node order and
        attributes (the groups) are used. Built when not given.
    tie_types, via_people, as_of
        As :func:`directed_graph`.

    Examples
    --------
    >>> import ecograph as eg
    >>> M = arc_matrix(eg.datasets.tiny())
    >>> M.A.nnz, degrees(M).loc["city"].tolist()
    (14, [0.0, 2.0, 0.0, 2.0])
    """
    options = {"tie_types": tie_types, "via_people": via_people, "as_of": as_of}
    S = nodes if nodes is not None else eco.sparse_graph(**options)
    arcs = _arc_rows(network_tables(eco, **options), eco.vocabulary)
    n = S.n
    A = sp.csr_array(
        (arcs["weight"].to_numpy(dtype=float), (S.nodes.get_indexer(arcs["source"]), S.nodes.get_indexer(arcs["target"]))), shape=(n, n)
    )
    A.sum_duplicates()  # parallel rows summed, indices sorted
    A.eliminate_zeros()  # an arc whose rows all weigh 0 carries nothing a path or a strength could read
    return DirectedMatrix(S.nodes, A, True, S)


def tie_treatment(
    eco: Ecosystem | nx.Graph,
    *,
    tie_types: Iterable[str] | str | None = None,
    via_people: bool = True,
    as_of: int | None = None,
) -> pd.Series:
    """How :func:`directed_graph` reads the ties of the network: counts by direction and weight.

    The ties are those of :func:`ecograph.graphs.network_tables` (same
    options as :func:`directed_graph`). A networkx graph counts its edges:
    all directed in a DiGraph, none otherwise, weighted where the ``weight``
    attribute is present and not 1 (the options are then ignored).

    Returns
    -------
    Series
        Named ``ties``, integers: ``ties`` (rows of the ties table in the
        network), ``directed`` (rows of a directed type: one arc
        ``source → target``), ``undirected`` (one arc each way),
        ``weighted`` (rows whose weight is not 1), ``people_pairs`` (pairs of
        actors linked by a person: one arc each way, one unit of weight per
        person).

    Examples
    --------
    >>> import ecograph as eg
    >>> tie_treatment(eg.datasets.tiny()).to_dict()
    {'ties': 8, 'directed': 6, 'undirected': 2, 'weighted': 0, 'people_pairs': 2}
    >>> tie_treatment(nx.DiGraph([(0, 1, {"weight": 2.0}), (1, 0)])).to_dict()
    {'ties': 2, 'directed': 2, 'undirected': 0, 'weighted': 1, 'people_pairs': 0}
    """
    if isinstance(eco, nx.Graph):
        m = eco.number_of_edges()
        weighted = sum(1 for *_, w in eco.edges(data="weight", default=1.0) if float(w) != 1.0)
        directed = m if eco.is_directed() else 0
        counts = {"ties": m, "directed": directed, "undirected": m - directed, "weighted": weighted, "people_pairs": 0}
        return pd.Series(counts, name="ties", dtype=np.int64)
    tables = network_tables(eco, tie_types=tie_types, via_people=via_people, as_of=as_of)
    ties, links = tables.ties, tables.links
    directed = int(ties["type"].map(eco.vocabulary.is_directed).astype(bool).sum()) if len(ties) else 0
    weighted = int((ties["weight"].astype(float) != 1.0).sum()) if len(ties) else 0
    source, target = links["source"].astype(str).to_numpy(), links["target"].astype(str).to_numpy()
    pairs = pd.DataFrame({"lo": np.where(source <= target, source, target), "hi": np.where(source <= target, target, source)})
    counts = {"ties": len(ties), "directed": directed, "undirected": len(ties) - directed, "weighted": weighted}
    counts["people_pairs"] = len(pairs.drop_duplicates())
    return pd.Series(counts, name="ties", dtype=np.int64)


def _is_missing(v: object) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v))


class DirectedMatrix(NamedTuple):
    """A graph as a directed sparse matrix: ``A[i, j]`` is the weight of the arc ``i → j`` (shared helper of the directed measures)."""

    nodes: pd.Index
    A: sp.csr_array
    directed: bool
    source: nx.Graph | SparseGraph


def directed_matrix(G: nx.Graph | SparseGraph | DirectedMatrix, *, weight: str | None = None) -> DirectedMatrix:
    """``G`` as a :class:`DirectedMatrix` (an undirected tie is two arcs); weights checked positive and finite.

    A SparseGraph is undirected and carries its own weights: ``weight=None``
    reads it as 0/1, any other value as its matrix. A DirectedMatrix (read
    once, then handed to every directed measure, as
    :attr:`ecograph.Analysis.directed_matrix` does) likewise carries its own.

    Examples
    --------
    >>> import networkx as nx
    >>> directed_matrix(nx.DiGraph([(0, 1)])).A.toarray().tolist()
    [[0.0, 1.0], [0.0, 0.0]]
    >>> M = directed_matrix(nx.DiGraph([(0, 1, {"weight": 3.0})]), weight="weight")
    >>> directed_matrix(M, weight="weight") is M, directed_matrix(M).A.toarray().tolist()
    (True, [[0.0, 1.0], [0.0, 0.0]])
    """
    if isinstance(G, DirectedMatrix):  # read already, with its weights
        if weight is not None:
            return G
        B = G.A.copy()
        B.data = np.ones_like(B.data)
        return G._replace(A=B)
    if isinstance(G, SparseGraph):  # undirected, weights already read (as_sparse(G, weight=...))
        check_graph(G)
        A = (G.adjacency if weight is not None else G.binary).astype(float).tocsr()
        return DirectedMatrix(G.nodes, A, False, G)
    if not isinstance(G, nx.Graph):
        raise GraphError(f"expected a networkx graph, got {type(G).__name__}; for an Ecosystem use directed_graph(eco)")
    if G.is_multigraph():
        raise GraphError("the graph is a multigraph; merge parallel edges first, e.g. nx.DiGraph(G)")
    if G.number_of_nodes() == 0:
        raise GraphError("the graph is empty: it has no actors")
    if nx.number_of_selfloops(G):
        raise GraphError("the graph has self-loops; remove them first, e.g. G.remove_edges_from(nx.selfloop_edges(G))")
    nodes = pd.Index(list(G), dtype=object, tupleize_cols=False)
    A = nx.to_scipy_sparse_array(G, nodelist=list(G), weight=weight, dtype=float, format="csr")
    if weight is not None and len(A.data) and ((A.data <= 0).any() or not np.isfinite(A.data).all()):
        raise GraphError(f"edge attribute '{weight}' must hold positive finite numbers")
    A.sort_indices()
    return DirectedMatrix(nodes, A, G.is_directed(), G)


def directed_codes(M: DirectedMatrix, partition: PartitionLike) -> tuple[np.ndarray, list]:
    """Group codes (``-1``: unknown) and known groups of a directed graph's actors, read as every measure reads them."""
    S = M.source if isinstance(M.source, SparseGraph) else SparseGraph(M.nodes, sp.csr_array((len(M.nodes), len(M.nodes))), source=M.source)
    _, _, codes, groups = resolve_grouping(S, partition)
    return codes, groups


def degrees(G: nx.Graph, *, weight: str | None = "weight") -> pd.DataFrame:
    """In- and out-degree and strength of every actor.

    ``in_degree`` counts the arcs an actor receives and ``out_degree`` those
    it sends; ``in_strength`` and ``out_strength`` sum their weights (the
    ``weight`` attribute, 1 where an arc lacks it; with ``weight=None`` the
    strengths equal the degrees). An undirected tie counts as two arcs, so
    on an undirected graph in- and out-values are the degree and strength.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
    weight : str or None, default "weight"

    Returns
    -------
    DataFrame
        Indexed by actor id: ``in_degree``, ``out_degree``, ``in_strength``,
        ``out_strength`` (floats).

    Examples
    --------
    >>> import networkx as nx
    >>> D = nx.DiGraph(); D.add_weighted_edges_from([("a", "b", 2.0), ("c", "b", 0.5), ("b", "a", 1.0)])
    >>> degrees(D)
           in_degree  out_degree  in_strength  out_strength
    actor
    a            1.0         1.0          1.0           2.0
    b            2.0         1.0          2.5           1.0
    c            0.0         1.0          0.0           0.5
    """
    W = directed_matrix(G, weight=weight)
    B = W.A.copy()
    B.data = np.ones_like(B.data)
    frame = pd.DataFrame(
        {
            "in_degree": np.asarray(B.sum(axis=0)).ravel(),
            "out_degree": np.asarray(B.sum(axis=1)).ravel(),
            "in_strength": np.asarray(W.A.sum(axis=0)).ravel(),
            "out_strength": np.asarray(W.A.sum(axis=1)).ravel(),
        },
        index=W.nodes.copy(),
    )
    frame.index.name = "actor"
    return frame


def directed_density(G: nx.Graph, *, weight: str | None = None) -> float:
    """Share of possible arcs that exist, ``arcs / (n (n − 1))``, or the mean weight over the possible arcs.

    With ``weight`` the value is ``Σ w / (n (n − 1))``: the mean weight of
    an arc over all the ``n (n − 1)`` ordered pairs, absent arcs counting 0
    (Wasserman & Faust's density of a valued graph), so it is no longer a
    share and may exceed 1. An undirected tie is two arcs: on an undirected
    graph the unweighted value is :func:`ecograph.density`'s ``2m / (n (n − 1))``.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
    weight : str, optional

    Returns
    -------
    float
        0 for a graph of one actor.

    Examples
    --------
    >>> import networkx as nx
    >>> D = nx.DiGraph(); D.add_weighted_edges_from([(0, 1, 3.0), (1, 2, 1.0)])
    >>> directed_density(D), directed_density(D, weight="weight")
    (0.3333333333333333, 0.6666666666666666)
    """
    M = directed_matrix(G, weight=weight)
    n = len(M.nodes)
    return 0.0 if n < 2 else float(M.A.sum()) / (n * (n - 1))


def _mutual(M: DirectedMatrix) -> sp.csr_array:
    """1 where both ``i → j`` and ``j → i`` exist."""
    B = M.A.copy()
    B.data = np.ones_like(B.data)
    return B.multiply(B.T).tocsr()


def reciprocity(G: nx.Graph, *, level: Literal["network", "actor"] = "network") -> float | pd.Series:
    """Share of arcs whose reverse arc exists (networkx's definition).

    Network: arcs ``i → j`` such that ``j → i`` exists, over all arcs (as
    ``networkx.overall_reciprocity``; 2 × mutual dyads / arcs). Actor: its
    reciprocated arcs, sent and received, over all its arcs,
    ``2 × mutual neighbours / (in-degree + out-degree)`` (as
    ``networkx.reciprocity(G, nodes)``), NaN for an actor without arcs.
    Weights are not read. An undirected graph has reciprocity 1.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
    level : {"network", "actor"}, default "network"

    Returns
    -------
    float or Series
        A float (NaN without arcs), or a Series named ``reciprocity`` indexed
        by actor id.

    Examples
    --------
    >>> import networkx as nx
    >>> D = nx.DiGraph([(0, 1), (1, 0), (1, 2), (3, 2)])
    >>> reciprocity(D)
    0.5
    >>> reciprocity(D, level="actor").tolist()
    [1.0, 0.6666666666666666, 0.0, 0.0]
    """
    if level not in ("network", "actor"):
        raise ValueError("level must be 'network' or 'actor'")
    M = directed_matrix(G)
    mutual = _mutual(M)
    if level == "network":
        arcs = M.A.nnz
        return float(mutual.nnz) / arcs if arcs else float("nan")
    both = np.asarray(mutual.sum(axis=1)).ravel()
    B = M.A
    total = np.diff(B.indptr) + np.bincount(B.indices, minlength=len(M.nodes))
    with np.errstate(invalid="ignore", divide="ignore"):
        values = np.where(total > 0, 2.0 * both / np.where(total > 0, total, 1), np.nan)
    out = pd.Series(values, index=M.nodes.copy(), name="reciprocity")
    out.index.name = "actor"
    return out


def dyad_census(G: nx.Graph) -> pd.Series:
    """Holland & Leinhardt's dyad census: pairs of actors tied both ways, one way, or not at all.

    ``mutual + asymmetric + null = n (n − 1) / 2``. Weights are not read; on
    an undirected graph every tie is mutual.

    Returns
    -------
    Series
        Named ``dyads``, indexed ``mutual``, ``asymmetric``, ``null`` (ints).

    Examples
    --------
    >>> import networkx as nx
    >>> dyad_census(nx.DiGraph([(0, 1), (1, 0), (1, 2), (3, 2)])).to_dict()
    {'mutual': 1, 'asymmetric': 2, 'null': 3}
    """
    M = directed_matrix(G)
    n = len(M.nodes)
    mutual = _mutual(M).nnz // 2
    asymmetric = M.A.nnz - 2 * mutual
    null = n * (n - 1) // 2 - mutual - asymmetric
    return pd.Series({"mutual": mutual, "asymmetric": asymmetric, "null": null}, name="dyads", dtype=np.int64)
