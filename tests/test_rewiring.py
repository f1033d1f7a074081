"""Degree-preserving rewiring on arrays (ecograph.measures.rewiring)."""

from __future__ import annotations

import itertools
from collections import Counter

import networkx as nx
import numpy as np
import pytest

import ecograph as eg
from ecograph.measures.rewiring import rewire_edges, rewired


def _edges(G: nx.Graph) -> tuple[np.ndarray, np.ndarray, int]:
    index = {node: i for i, node in enumerate(G)}
    e = np.array([(index[a], index[b]) for a, b in G.edges()], dtype=np.int64)
    return e[:, 0], e[:, 1], G.number_of_nodes()


GRAPHS = {
    "karate": nx.karate_club_graph(),
    "dense": nx.gnm_random_graph(30, 300, seed=3),  # half of the pairs tied: many swaps collide
    "hubs": nx.barabasi_albert_graph(400, 3, seed=1),
    "star and path": nx.disjoint_union(nx.star_graph(20), nx.path_graph(15)),
}


@pytest.mark.parametrize("name", GRAPHS)
@pytest.mark.parametrize("seed", [0, 7])
def test_every_degree_is_kept_exactly_and_the_graph_stays_simple(name, seed):
    u, v, n = _edges(GRAPHS[name])
    ru, rv = rewire_edges(u, v, n, swaps_per_tie=10, seed=seed)
    assert len(ru) == len(u)
    assert (ru < rv).all()  # no self-loop, each tie once as u < v
    assert len(np.unique(ru * n + rv)) == len(ru)  # no tie twice
    before = np.bincount(np.concatenate([u, v]), minlength=n)
    after = np.bincount(np.concatenate([ru, rv]), minlength=n)
    assert (after == before).all()


def test_the_same_seed_gives_the_same_graph_and_another_seed_another():
    u, v, n = _edges(GRAPHS["hubs"])
    first, again, other = (rewire_edges(u, v, n, seed=s) for s in (5, 5, 6))
    assert all((a == b).all() for a, b in zip(first, again))
    assert not all((a == b).all() for a, b in zip(first, other))


def test_the_ties_are_shuffled():
    u, v, n = _edges(GRAPHS["hubs"])
    ru, rv = rewire_edges(u, v, n, seed=0)
    kept = np.isin(ru * n + rv, np.minimum(u, v) * n + np.maximum(u, v)).mean()
    assert kept < 0.1  # 10 swaps proposed per tie: almost every tie has moved


def test_a_graph_that_cannot_change_is_left_as_it_is():
    # a triangle: every swap would make a self-loop or a tie twice
    ru, rv = rewire_edges(np.array([0, 1, 0]), np.array([1, 2, 2]), 3, seed=0)
    assert sorted(zip(ru.tolist(), rv.tolist())) == [(0, 1), (0, 2), (1, 2)]
    one = rewire_edges(np.array([0]), np.array([1]), 2, seed=0)
    assert [x.tolist() for x in one] == [[0], [1]]


def test_every_graph_with_the_degrees_is_equally_likely():
    # six actors with one tie each: the 15 perfect matchings are the graphs with these degrees
    matchings = set()
    for perm in itertools.permutations(range(6)):
        pairs = tuple(sorted(tuple(sorted(perm[i : i + 2])) for i in (0, 2, 4)))
        matchings.add(pairs)
    rng = np.random.default_rng(0)
    counts = Counter()
    draws = 3000
    for _ in range(draws):
        ru, rv = rewire_edges(np.array([0, 2, 4]), np.array([1, 3, 5]), 6, seed=rng)
        counts[tuple(zip(ru.tolist(), rv.tolist()))] += 1
    assert set(counts) == matchings
    expected = draws / len(matchings)
    chi2 = sum((c - expected) ** 2 / expected for c in counts.values())
    assert chi2 < 36.1  # 14 degrees of freedom: p = 0.001


def test_rewired_sparse_graph_keeps_nodes_attributes_and_degrees():
    eco = eg.datasets.synthetic(300, seed=2)
    S = eg.Analysis(eco).sparse
    R = rewired(S, seed=1)
    assert list(R.nodes) == list(S.nodes) and R.attributes is S.attributes
    assert (R.degrees() == S.degrees()).all() and R.m == S.m
    assert (R.adjacency.diagonal() == 0).all() and set(R.adjacency.data.tolist()) == {1.0}


def test_several_swaps_a_round_still_reach_every_graph_equally_often():
    # six actors with two ties each: 60 hexagons and 10 pairs of triangles, 70 graphs; three swaps proposed a round
    rng = np.random.default_rng(1)
    counts = Counter()
    draws = 3500
    for _ in range(draws):
        ru, rv = rewire_edges(np.arange(6), np.array([1, 2, 3, 4, 5, 0]), 6, swaps_per_tie=3, seed=rng)
        counts[tuple(zip(ru.tolist(), rv.tolist()))] += 1
    assert len(counts) == 70
    expected = draws / 70
    chi2 = sum((c - expected) ** 2 / expected for c in counts.values())
    assert chi2 < 111.3  # 69 degrees of freedom: p = 0.001
