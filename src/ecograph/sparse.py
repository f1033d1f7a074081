"""The analytical core: a graph as a sparse adjacency matrix plus an id index.

Measures accept a :class:`networkx.Graph` (any, not only graphs built by
ecograph) or a :class:`SparseGraph`. A networkx graph is converted on each call
(one pass over its edges); to run several measures on a large graph, convert
it once with :func:`as_sparse` and pass the result. For very large ecosystems, build the
:class:`SparseGraph` straight from the tables with
:meth:`SparseGraph.from_ecosystem`, which skips networkx altogether.

Examples
--------
>>> import ecograph as eg
>>> S = SparseGraph.from_networkx(eg.datasets.tiny().graph())
>>> S.n, S.m
(8, 9)
>>> S.labels("sphere")[:3].tolist()
['support', 'support', '']
>>> W = SparseGraph.from_networkx(eg.datasets.tiny().graph(), weight="weight")
>>> S2 = SparseGraph.from_ecosystem(eg.datasets.tiny())  # same graph, from the tables
>>> (S2.adjacency != W.adjacency).nnz, list(S2.nodes) == list(W.nodes)
(0, True)
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from .errors import GraphError, MissingAttributeError

if TYPE_CHECKING:  # pragma: no cover
    import igraph

    from .ecosystem import Ecosystem

__all__ = ["GraphLike", "SparseGraph", "as_sparse"]


class SparseGraph:
    """An undirected simple graph as a symmetric CSR adjacency matrix.

    Parameters
    ----------
    nodes : pandas.Index
        Node ids, in matrix order.
    adjacency : scipy.sparse.csr_array
        Symmetric ``n × n`` matrix of edge weights, zero diagonal.
    attributes : DataFrame, optional
        Node attributes indexed like ``nodes``.
    source : networkx.Graph, optional
        Graph the matrix was built from; attributes missing from
        ``attributes`` are read from it.

    Examples
    --------
    >>> import networkx as nx
    >>> S = SparseGraph.from_networkx(nx.path_graph(3))
    >>> S.degrees().tolist(), S.edges()[0].tolist()
    ([1, 2, 1], [0, 1])
    """

    def __init__(self, nodes: pd.Index, adjacency: sp.csr_array, attributes: pd.DataFrame | None = None, source: nx.Graph | None = None):
        self.nodes = pd.Index(nodes)
        self.adjacency = sp.csr_array(adjacency)
        self.attributes = attributes if attributes is not None else pd.DataFrame(index=self.nodes)
        self._source = weakref.ref(source) if source is not None else None
        self._igraph: igraph.Graph | None = None
        self._binary: sp.csr_array | None = None
        self._edges: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self.graph: dict[str, Any] = dict(source.graph) if source is not None else {}

    def __repr__(self) -> str:
        return f"<SparseGraph: {self.n} nodes, {self.m} edges>"

    @property
    def n(self) -> int:
        """Number of nodes."""
        return self.adjacency.shape[0]

    @property
    def m(self) -> int:
        """Number of edges."""
        return int(self.adjacency.nnz // 2)

    @property
    def binary(self) -> sp.csr_array:
        """The 0/1 adjacency matrix, as floats (products of it count paths without overflow)."""
        if self._binary is None:
            b = self.adjacency.copy()
            b.data = np.ones_like(b.data, dtype=np.float64)
            self._binary = b
        return self._binary

    def degrees(self) -> np.ndarray:
        """Number of neighbours of each node."""
        return np.diff(self.adjacency.indptr)

    def edges(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each edge once, as arrays ``(u, v, weight)`` of node positions with ``u < v``."""
        if self._edges is None:
            coo = sp.triu(self.adjacency, k=1, format="coo")
            order = np.lexsort((coo.col, coo.row))
            self._edges = (coo.row[order].astype(np.int64), coo.col[order].astype(np.int64), coo.data[order].astype(float))
        return self._edges

    def igraph(self) -> igraph.Graph:
        """The same graph as an igraph Graph (vertex ``i`` is ``nodes[i]``), cached."""
        if self._igraph is None:
            import igraph as ig

            u, v, w = self.edges()
            g = ig.Graph(n=self.n, edges=np.column_stack([u, v]), directed=False)
            g.es["weight"] = w
            self._igraph = g
        return self._igraph

    def labels(self, attr: str) -> np.ndarray:
        """The ``attr`` value of every node, as an object array in node order.

        Raises
        ------
        MissingAttributeError
            If some nodes lack the attribute (the message names a few).
        """
        if attr in self.attributes.columns:
            values = self.attributes[attr]
            missing = values.isna().to_numpy()
            result = values.to_numpy(dtype=object)
        else:
            source = self._source() if self._source is not None else None
            if source is None:
                missing = np.ones(self.n, dtype=bool)
                result = np.empty(self.n, dtype=object)
            else:
                data = source.nodes
                result = np.array([data[node].get(attr) for node in self.nodes], dtype=object)
                missing = np.array([v is None or (isinstance(v, float) and np.isnan(v)) for v in result], dtype=bool)
        if missing.any():
            bad = [str(x) for x in self.nodes[missing][:5]]
            raise MissingAttributeError(
                f"{int(missing.sum())} of {self.n} nodes have no '{attr}' attribute (e.g. {', '.join(bad)}); "
                f"set it on every node, e.g. nx.set_node_attributes(G, value, '{attr}'), or pick another attribute"
            )
        return result

    def _derived(self, nodes: pd.Index, adjacency: sp.csr_array, attributes: pd.DataFrame) -> SparseGraph:
        """A graph made from this one: same source graph for attributes, same graph data."""
        out = SparseGraph(nodes, adjacency, attributes, source=self._source() if self._source is not None else None)
        out.graph = dict(self.graph)
        return out

    def subgraph(self, keep: np.ndarray) -> SparseGraph:
        """The graph induced by the nodes where ``keep`` (boolean mask) is true."""
        idx = np.flatnonzero(keep)
        attrs = self.attributes.iloc[idx] if len(self.attributes.columns) else pd.DataFrame(index=self.nodes[idx])
        return self._derived(self.nodes[idx], self.adjacency[idx][:, idx], attrs)

    def without_edges(self, mask: np.ndarray) -> SparseGraph:
        """The graph without the edges (of :meth:`edges`) where ``mask`` is true."""
        u, v, w = self.edges()
        keep = ~mask
        return self._derived(self.nodes, _symmetric(u[keep], v[keep], w[keep], self.n), self.attributes)

    def to_networkx(self) -> nx.Graph:
        """A networkx Graph with the same nodes, edges, weights and attributes."""
        G = nx.Graph()
        G.graph.update(self.graph)
        attrs = self.attributes
        if len(attrs.columns):
            G.add_nodes_from((n, {k: v for k, v in rec.items() if not _missing(v)}) for n, rec in zip(self.nodes, attrs.to_dict("records")))
        else:
            G.add_nodes_from(self.nodes)
        u, v, w = self.edges()
        names = self.nodes.to_numpy(dtype=object)
        G.add_weighted_edges_from(zip(names[u], names[v], w))
        return G

    @classmethod
    def from_networkx(cls, G: nx.Graph, *, weight: str | None = None) -> SparseGraph:
        """Convert a networkx graph (checked: not empty, undirected, simple).

        Parameters
        ----------
        G : networkx.Graph
        weight : str, optional
            Edge attribute holding weights; ``None`` gives every edge weight 1.
        """
        check_graph(G)
        nodes = list(G)
        index = {node: i for i, node in enumerate(nodes)}
        m = G.number_of_edges()
        u = np.empty(m, dtype=np.int64)
        v = np.empty(m, dtype=np.int64)
        w = np.ones(m, dtype=float)
        if weight is None:
            for k, (a, b) in enumerate(G.edges()):
                u[k], v[k] = index[a], index[b]
        else:
            for k, (a, b, x) in enumerate(G.edges(data=weight, default=1.0)):
                u[k], v[k], w[k] = index[a], index[b], float(x)
            if (w <= 0).any() or not np.isfinite(w).all():
                raise GraphError(f"edge attribute '{weight}' must hold positive finite numbers")
        ids = pd.Index(nodes, dtype=object, tupleize_cols=False)
        return cls(ids, _symmetric(u, v, w, len(nodes)), source=G)

    @classmethod
    def from_ecosystem(
        cls,
        eco: Ecosystem,
        *,
        tie_types: list[str] | None = None,
        via_people: bool = True,
        as_of: int | None = None,
        links: pd.DataFrame | None = None,
    ) -> SparseGraph:
        """Build the actor network straight from the tables, without networkx.

        The same graph as :meth:`Ecosystem.graph` (same nodes in the same
        order, same edges and weights), with the actor table as attributes;
        on a million actors it is an order of magnitude faster and lighter.
        ``links`` is ``eco.people_links()`` when already computed (e.g. to
        build many yearly snapshots from one table).
        """
        from .graphs import _active_mask, active_actors, links_as_of, people_links

        actors = eco.actors
        ties = eco.ties
        if as_of is not None:
            actors = actors.loc[active_actors(actors, as_of)]
            ties = ties[_active_mask(ties["start"], ties["end"], as_of)] if len(ties) else ties
        if tie_types is not None:
            ties = ties[ties["type"].isin(set(tie_types))]
        ids = pd.Index(actors.index, dtype=object)
        s = ids.get_indexer(ties["source"])
        t = ids.get_indexer(ties["target"])
        ok = (s >= 0) & (t >= 0)
        us, vs, ws = [s[ok]], [t[ok]], [ties["weight"].to_numpy(dtype=float)[ok]]
        if via_people and len(eco.affiliations):
            if links is None:
                links = people_links(eco, as_of=as_of)
            elif as_of is not None:
                links = links_as_of(links, eco.actors, as_of)
            if len(links):
                # one unit of weight per person and pair (a person linking two actors twice counts once)
                pairs = links.drop_duplicates(["source", "target", "person"])
                a = ids.get_indexer(pairs["source"])
                b = ids.get_indexer(pairs["target"])
                keep = (a >= 0) & (b >= 0)
                lo, hi = np.minimum(a, b)[keep], np.maximum(a, b)[keep]
                person = pairs["person"].to_numpy(dtype=object)[keep]
                dedup = pd.DataFrame({"lo": lo, "hi": hi, "p": person}).drop_duplicates()
                us.append(dedup["lo"].to_numpy())
                vs.append(dedup["hi"].to_numpy())
                ws.append(np.ones(len(dedup)))
        u, v, w = np.concatenate(us), np.concatenate(vs), np.concatenate(ws)
        attrs = actors.copy()
        attrs.index = ids
        out = cls(ids, _symmetric(u, v, w, len(ids)), attrs)
        out.graph = {"name": eco.name, "as_of": as_of, "synthetic": eco.synthetic}
        return out


def _missing(v: object) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v))


def _symmetric(u: np.ndarray, v: np.ndarray, w: np.ndarray, n: int) -> sp.csr_array:
    """Symmetric CSR matrix with ``w`` at (u, v) and (v, u), duplicates summed."""
    if len(u) and (u == v).any():
        raise GraphError("the graph has self-loops; remove them first, e.g. G.remove_edges_from(nx.selfloop_edges(G))")
    rows = np.concatenate([u, v])
    cols = np.concatenate([v, u])
    data = np.concatenate([w, w])
    mat = sp.coo_array((data, (rows, cols)), shape=(n, n)).tocsr()
    mat.sum_duplicates()
    mat.sort_indices()
    return mat


def check_graph(G: object) -> None:
    """Raise a clear :class:`GraphError` for graphs the measures cannot take."""
    if isinstance(G, SparseGraph):
        if G.n == 0:
            raise GraphError("the graph is empty: it has no actors")
        return
    if not isinstance(G, nx.Graph):
        raise GraphError(f"expected a networkx.Graph or an ecograph SparseGraph, got {type(G).__name__}; for an Ecosystem use eco.graph()")
    if G.is_directed():
        raise GraphError("the graph is directed; ecograph's measures work on undirected graphs: use G.to_undirected()")
    if G.is_multigraph():
        raise GraphError("the graph is a multigraph; merge parallel edges first, e.g. nx.Graph(G) (ecograph's own graphs are simple)")
    if G.number_of_nodes() == 0:
        raise GraphError("the graph is empty: it has no actors")
    if nx.number_of_selfloops(G):
        raise GraphError("the graph has self-loops; remove them first, e.g. G.remove_edges_from(nx.selfloop_edges(G))")


#: What measures accept: a networkx graph or a SparseGraph.
GraphLike = nx.Graph | SparseGraph


def as_sparse(G: GraphLike, *, weight: str | None = None) -> SparseGraph:
    """``G`` as a :class:`SparseGraph`: converted if it is a networkx graph.

    Every measure calls this. Converting a networkx graph costs one pass
    over its edges; to run many measures on a large graph, convert it once
    and pass the :class:`SparseGraph` (there is deliberately no hidden cache:
    a networkx graph can change without notice).

    Examples
    --------
    >>> import networkx as nx
    >>> as_sparse(nx.path_graph(4)).m
    3
    >>> as_sparse(nx.DiGraph([(0, 1)]))
    Traceback (most recent call last):
    ...
    ecograph.errors.GraphError: the graph is directed; ecograph's measures work on undirected graphs: use G.to_undirected()
    """
    if isinstance(G, SparseGraph):
        check_graph(G)
        return G
    check_graph(G)
    return SparseGraph.from_networkx(G, weight=weight)
