"""SparseGraph.edges: each tie once, u < v, in (u, v) order, whatever the order of the matrix's indices."""

from __future__ import annotations

import networkx as nx
import numpy as np
import scipy.sparse as sp

from ecograph import SparseGraph


def test_edges_are_each_tie_once_sorted_even_from_unsorted_indices():
    G = nx.gnm_random_graph(200, 900, seed=3)
    for u, v in G.edges():
        G[u][v]["weight"] = float(u * 1000 + v)
    A = sp.csr_array(nx.to_scipy_sparse_array(G, nodelist=range(200), weight="weight"))
    shuffled = A.copy()
    rng = np.random.default_rng(0)
    order = np.concatenate([rng.permutation(np.arange(A.indptr[i], A.indptr[i + 1])) for i in range(200)])
    shuffled.indices, shuffled.data = A.indices[order], A.data[order]
    shuffled.has_sorted_indices = False
    expected = sorted((min(u, v), max(u, v)) for u, v in G.edges())
    for matrix in (A, shuffled):
        u, v, w = SparseGraph(list(range(200)), matrix).edges()
        assert list(zip(u.tolist(), v.tolist())) == expected
        assert w.tolist() == [float(a * 1000 + b) for a, b in expected]
        assert u.dtype == v.dtype == np.int64 and w.dtype == np.float64
