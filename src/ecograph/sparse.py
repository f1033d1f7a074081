"""The analytical core: a graph as a sparse adjacency matrix plus an id index.

Measures accept a :class:`networkx.Graph` (any, not only graphs built by
ecograph) or a :class:`SparseGraph`. A networkx graph is converted once and
the result kept in the graph's own ``__networkx_cache__`` (emptied by
networkx when nodes or edges change; see :func:`as_sparse`), so running many
measures on one graph costs one conversion. For very large ecosystems, build
the :class:`SparseGraph` straight from the tables with
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

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from .errors import GraphError, MissingAttributeError
from .graphs import NetworkTables, graph_attributes, network_tables

if TYPE_CHECKING:  # pragma: no cover
    import igraph

    from .ecosystem import Ecosystem

__all__ = ["GraphLike", "SparseGraph", "as_sparse", "igraph_module", "largest_parts", "outside_largest"]


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
        self._source = _Ref(source) if source is not None else None
        self._igraph: igraph.Graph | None = None
        self._binary: sp.csr_array | None = None
        self._edges: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._triangles: np.ndarray | None = None
        self._graph: dict[str, Any] | None = None

    def __repr__(self) -> str:
        return f"<SparseGraph: {self.n} nodes, {self.m} edges>"

    @property
    def graph(self) -> dict[str, Any]:
        """Graph attributes (name, year...): the source graph's, read fresh, unless set on this one."""
        if self._graph is not None:
            return self._graph
        source = self._source() if self._source is not None else None
        return source.graph if source is not None else {}

    @graph.setter
    def graph(self, value: dict[str, Any]) -> None:
        self._graph = dict(value)

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
        if self._edges is None:  # read off the rows in order, each row's columns sorted: no sort of the edges
            A = self.adjacency if self.adjacency.has_sorted_indices else self.adjacency.sorted_indices()
            rows = np.repeat(np.arange(self.n, dtype=np.int64), np.diff(A.indptr))
            cols = A.indices.astype(np.int64)
            upper = cols > rows
            self._edges = (rows[upper], cols[upper], A.data[upper].astype(float))
        return self._edges

    def igraph(self) -> igraph.Graph:
        """The same graph as an igraph Graph (vertex ``i`` is ``nodes[i]``), cached."""
        if self._igraph is None:
            ig = igraph_module()
            u, v, w = self.edges()
            # pairs as tuples: igraph reads a list of tuples three times as fast as a numpy array or a list of lists
            g = ig.Graph(n=self.n, edges=list(zip(u.tolist(), v.tolist())), directed=False)
            g.es["weight"] = w
            self._igraph = g
        return self._igraph

    def triangles(self) -> np.ndarray:
        """Every triangle once, as rows of three node positions (igraph), cached."""
        if self._triangles is None:
            self._triangles = np.asarray(self.igraph().list_triangles(), dtype=np.int64).reshape(-1, 3)
        return self._triangles

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

    def attribute(self, name: str, default: Any = None) -> np.ndarray:
        """The ``name`` attribute of every node in node order, ``default`` where a node lacks it (never an error).

        Read from :attr:`attributes`, else from the graph the matrix was built from.

        Examples
        --------
        >>> import networkx as nx
        >>> G = nx.path_graph(3); G.nodes[0]["kind"] = "event"
        >>> SparseGraph.from_networkx(G).attribute("kind").tolist()
        ['event', None, None]
        """
        if name in self.attributes.columns:
            values = self.attributes[name].to_numpy(dtype=object).copy()
        else:
            source = self._source() if self._source is not None else None
            values = np.empty(self.n, dtype=object)
            if source is not None:
                data = source.nodes
                values[:] = [data[node].get(name) for node in self.nodes]
        missing = np.fromiter((_missing(v) for v in values), dtype=bool, count=self.n)
        values[missing] = default
        return values

    def has_attribute(self, name: str) -> bool:
        """Whether some node carries the attribute ``name`` (in :attr:`attributes` or the graph it was built from).

        >>> import networkx as nx
        >>> G = nx.path_graph(2); G.nodes[0]["kind"] = "event"
        >>> S = SparseGraph.from_networkx(G)
        >>> S.has_attribute("kind"), S.has_attribute("sphere")
        (True, False)
        """
        if name in self.attributes.columns:
            return True
        source = self._source() if self._source is not None else None
        return source is not None and any(name in source.nodes[node] for node in self.nodes)

    def node_attributes(self, node: Any) -> dict:
        """Every attribute of one node, as a dict (from :attr:`attributes`, else the graph it was built from).

        >>> import networkx as nx
        >>> G = nx.path_graph(2); G.nodes[0]["kind"] = "event"
        >>> SparseGraph.from_networkx(G).node_attributes(0)
        {'kind': 'event'}
        """
        if len(self.attributes.columns):
            row = self.attributes.loc[node]
            return {k: v for k, v in row.items() if not _missing(v)}
        source = self._source() if self._source is not None else None
        return dict(source.nodes[node]) if source is not None else {}

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
        return self._derived(self.nodes, symmetric_matrix(u[keep], v[keep], w[keep], self.n), self.attributes)

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
        return cls(ids, symmetric_matrix(u, v, w, len(nodes)), source=G)

    @classmethod
    def from_ecosystem(
        cls,
        eco: Ecosystem,
        *,
        tie_types: Iterable[str] | str | None = None,
        via_people: bool = True,
        as_of: int | None = None,
    ) -> SparseGraph:
        """Build the actor network straight from the tables, without networkx.

        The same graph as :meth:`Ecosystem.graph` (same nodes in the same
        order, same edges and weights: both are built from
        :func:`ecograph.graphs.network_tables`), with the actor table as
        attributes; on a million actors it is an order of magnitude faster
        and lighter.
        """
        return cls.from_network_tables(network_tables(eco, tie_types=tie_types, via_people=via_people, as_of=as_of), eco, as_of=as_of)

    @classmethod
    def from_network_tables(cls, tables: NetworkTables, eco: Ecosystem, *, as_of: int | None = None) -> SparseGraph:
        """The actor network of the rows :func:`ecograph.graphs.network_tables` (or ``network_snapshots``) selected in ``eco``.

        >>> import ecograph as eg
        >>> from ecograph.graphs import network_snapshots
        >>> eco = eg.datasets.tiny()
        >>> [SparseGraph.from_network_tables(t, eco).m for t in network_snapshots(eco, [2012, 2018])]
        [2, 9]
        """
        actors, ties, links = tables
        ids = pd.Index(actors.index, dtype=object)
        us = [ids.get_indexer(ties["source"])]
        vs = [ids.get_indexer(ties["target"])]
        ws = [ties["weight"].to_numpy(dtype=float)]
        if len(links):
            # one unit of weight per person and pair (a person linking two actors twice counts once)
            a = ids.get_indexer(links["source"])
            b = ids.get_indexer(links["target"])
            dedup = pd.DataFrame(
                {"lo": np.minimum(a, b), "hi": np.maximum(a, b), "p": links["person"].to_numpy(dtype=object)}
            ).drop_duplicates()
            us.append(dedup["lo"].to_numpy())
            vs.append(dedup["hi"].to_numpy())
            ws.append(np.ones(len(dedup)))
        u, v, w = np.concatenate(us).astype(np.int64), np.concatenate(vs).astype(np.int64), np.concatenate(ws)
        attrs = actors.copy()
        attrs.index = ids
        out = cls(ids, symmetric_matrix(u, v, w, len(ids)), attrs)
        out.graph = graph_attributes(eco, as_of=as_of)
        return out


def largest_parts(components: np.ndarray) -> np.ndarray:
    """The labels of the largest connected parts, from each node's component label: several when parts tie for the size.

    >>> largest_parts(np.array([0, 0, 1, 1, 2])).tolist(), largest_parts(np.array([], dtype=int)).tolist()
    ([0, 1], [])
    """
    if not len(components):
        return np.zeros(0, dtype=np.int64)
    sizes = np.bincount(components)
    return np.flatnonzero(sizes == sizes.max())


def outside_largest(components: np.ndarray) -> np.ndarray:
    """Which nodes lie outside the largest connected part, from each node's component label (0, 1, 2...).

    The one rule of "the largest part": parts tied for the largest size are
    all largest, none outside another (a network of two parts of 8 actors).

    >>> outside_largest(np.array([0, 0, 1, 1, 2])).tolist()
    [False, False, False, False, True]
    """
    return ~np.isin(components, largest_parts(components))


def igraph_module() -> Any:
    """The ``igraph`` module, imported on first use.

    python-igraph imports ``matplotlib.pyplot`` when it is imported (for its
    drawing functions), which costs half a second and starts a plotting
    backend: ecograph imports it here, when a measure first needs it, so
    that ``import ecograph`` stays light.

    >>> igraph_module().Graph(n=2).vcount()
    2
    """
    import igraph  # deferred on purpose: see the docstring

    return igraph


class _Ref:
    """A strong reference that reads like a weak one (``ref()``): a SparseGraph keeps the graph it reads attributes from alive."""

    __slots__ = ("obj",)

    def __init__(self, obj: object) -> None:
        self.obj = obj

    def __call__(self) -> object:
        return self.obj


def _missing(v: object) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v))


def symmetric_matrix(u: np.ndarray, v: np.ndarray, w: np.ndarray, n: int) -> sp.csr_array:
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


#: Key of ecograph's sparse form in a networkx graph's ``__networkx_cache__``.
_CACHE_KEY = "ecograph.sparse"

#: What measures accept: a networkx graph or a SparseGraph.
GraphLike = nx.Graph | SparseGraph


def as_sparse(G: GraphLike, *, weight: str | None = None) -> SparseGraph:
    """``G`` as a :class:`SparseGraph`: converted if it is a networkx graph.

    Every measure calls this. The conversion of a networkx graph (one pass
    over its edges) is kept in the graph's own cache,
    ``G.__networkx_cache__``, which networkx empties whenever nodes or edges
    are added or removed: running many measures on one graph converts it
    once, and a changed graph is converted again. Only the structure is
    kept: node attributes (groupings, names) are read from ``G`` on every
    call, and weighted conversions (``weight=...``), whose edge attributes
    networkx does not watch, are never cached. networkx's
    ``nx.config.cache_converted_graphs = False`` turns the cache off.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(4)
    >>> as_sparse(G).m, as_sparse(G) is as_sparse(G)
    (3, True)
    >>> G.add_edge(3, 4); as_sparse(G).m
    4
    >>> as_sparse(nx.DiGraph([(0, 1)]))
    Traceback (most recent call last):
    ...
    ecograph.errors.GraphError: the graph is directed; ecograph's measures work on undirected graphs: use G.to_undirected()
    """
    if isinstance(G, SparseGraph):
        check_graph(G)
        return G
    cache = getattr(G, "__networkx_cache__", None) if weight is None and nx.config.cache_converted_graphs else None
    if cache is not None:
        hit = cache.get(_CACHE_KEY)
        if hit is not None:
            return hit
    check_graph(G)
    S = SparseGraph.from_networkx(G, weight=weight)
    if cache is not None:
        cache[_CACHE_KEY] = S
    return S
