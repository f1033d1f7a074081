"""Directed and valued measures against networkx, igraph, hand-computed values and brute force written here.

References: networkx (in/out degree and strength, density, reciprocity,
betweenness and closeness with ``distance = 1/weight``), igraph (dyad census,
reciprocity, strength), ecograph's own undirected measures (the directed and
valued ones must equal them on symmetric graphs and weights of 1), and
brute-force counts of Gould & Fernandez two-paths and of weighted E-I and
block densities.
"""

from __future__ import annotations

import itertools
import math
import random

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import ecograph as eg
import ecograph.measures.directed_roles as directed_roles_module
from conftest import directed_ecosystem
from ecograph.measures.directed import arc_matrix, degrees, directed_density, directed_graph, directed_matrix, dyad_census, reciprocity
from ecograph.measures.directed_roles import directed_brokerage_roles
from ecograph.measures.valued import valued_block_density, valued_ei_index
from ecograph.measures.weighted_paths import weighted_betweenness, weighted_closeness

WEIGHTS = [0.5, 1.0, 2.0, 4.0]  # lengths 2, 1, 0.5, 0.25: sums are exact in floating point


def random_valued(seed: int, *, directed: bool, n: int = 30, p: float = 0.12, groups: int = 4, unknown: float = 0.0) -> nx.Graph:
    G = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    rng = np.random.default_rng(seed)
    for _, _, d in G.edges(data=True):
        d["weight"] = float(rng.choice(WEIGHTS))
        d["distance"] = 1.0 / d["weight"]
    for v in G:
        G.nodes[v]["sphere"] = "" if rng.random() < unknown else f"g{rng.integers(groups)}"
    return G


def to_igraph(G: nx.Graph) -> ig.Graph:
    index = {v: i for i, v in enumerate(G)}
    g = ig.Graph(n=len(index), edges=[(index[u], index[v]) for u, v in G.edges()], directed=G.is_directed())
    g.es["weight"] = [d.get("weight", 1.0) for _, _, d in G.edges(data=True)]
    return g


# --- directed_graph -------------------------------------------------------------------


def test_directed_graph_keeps_directions_of_directed_types_and_doubles_the_others():
    eco = eg.datasets.tiny()
    D = directed_graph(eco, via_people=False)
    for row in eco.ties.itertuples():
        assert D.has_edge(row.source, row.target)
        if not eco.vocabulary.is_directed(row.type):
            assert D.has_edge(row.target, row.source)
    assert not D.has_edge("incubator", "city")  # funding, one way
    assert D.has_edge("coop", "fablab") and D.has_edge("fablab", "coop")  # partnership
    assert D["network"]["fablab"]["types"] == ["support"] and D["fablab"]["network"]["types"] == ["membership"]


def test_directed_graph_has_the_pairs_and_actors_of_the_undirected_graph():
    eco = eg.datasets.tiny()
    D, G = directed_graph(eco), eco.graph()
    assert list(D) == list(G) and dict(D.nodes(data=True)) == dict(G.nodes(data=True))
    assert {frozenset(e) for e in D.edges()} == {frozenset(e) for e in G.edges()}
    assert D["incubator"]["lab"]["types"] == ["people"] and D["lab"]["incubator"]["weight"] == 1.0


def test_directed_graph_reads_the_options_of_the_undirected_graph():
    eco = eg.datasets.tiny()
    D = directed_graph(eco, tie_types="funding", via_people=False)
    assert sorted(D.edges()) == [("bank", "coop"), ("city", "incubator"), ("city", "network")]
    assert {frozenset(e) for e in directed_graph(eco, as_of=2012).edges()} == {frozenset(e) for e in eco.graph(as_of=2012).edges()}


def test_directed_graph_sums_parallel_rows_per_direction():
    actors = pd.DataFrame({"id": ["a", "b"], "name": ["A", "B"], "kind": "initiative", "source": "notes"})
    ties = pd.DataFrame(
        {
            "source": ["a", "a", "b", "a"],
            "target": ["b", "b", "a", "b"],
            "type": ["funding", "funding", "funding", "partnership"],
            "weight": [2.0, 3.0, 1.0, 0.5],
            "evidence": "notes",
        }
    )
    D = directed_graph(eg.from_frames(actors, ties))
    assert D["a"]["b"] == {"weight": 5.5, "n_ties": 3, "types": ["funding", "partnership"]}
    assert D["b"]["a"] == {"weight": 1.5, "n_ties": 2, "types": ["funding", "partnership"]}


# --- degrees, density, reciprocity, dyads ---------------------------------------------------


@pytest.mark.parametrize("seed", range(3))
def test_degrees_match_networkx_and_igraph(seed):
    D = random_valued(seed, directed=True)
    d = degrees(D)
    nodes = list(D)
    assert d["in_degree"].tolist() == [D.in_degree(v) for v in nodes]
    assert d["out_degree"].tolist() == [D.out_degree(v) for v in nodes]
    assert d["in_strength"].tolist() == pytest.approx([D.in_degree(v, weight="weight") for v in nodes])
    assert d["out_strength"].tolist() == pytest.approx([D.out_degree(v, weight="weight") for v in nodes])
    g = to_igraph(D)
    assert d["in_strength"].tolist() == pytest.approx(g.strength(mode="in", weights="weight"))
    assert d["out_strength"].tolist() == pytest.approx(g.strength(mode="out", weights="weight"))
    assert (degrees(D, weight=None)["in_strength"] == d["in_degree"]).all()


def test_degrees_of_an_undirected_graph_are_its_degree_both_ways():
    G = random_valued(0, directed=False)
    d = degrees(G)
    assert (d["in_degree"] == d["out_degree"]).all() and d["in_degree"].tolist() == [G.degree(v) for v in G]
    assert d["out_strength"].tolist() == pytest.approx([G.degree(v, weight="weight") for v in G])


def test_directed_density_matches_networkx_and_the_hand_formula():
    D = random_valued(1, directed=True)
    n = D.number_of_nodes()
    assert directed_density(D) == pytest.approx(nx.density(D))
    assert directed_density(D, weight="weight") == pytest.approx(D.size(weight="weight") / (n * (n - 1)))
    G = random_valued(1, directed=False)
    assert directed_density(G) == pytest.approx(eg.density(G))
    assert directed_density(nx.DiGraph([(0, 1)]), weight="weight") == 0.5


@pytest.mark.parametrize("seed", range(3))
def test_reciprocity_matches_networkx_and_igraph(seed):
    D = random_valued(seed, directed=True, p=0.2)
    assert reciprocity(D) == pytest.approx(nx.overall_reciprocity(D))
    assert reciprocity(D) == pytest.approx(to_igraph(D).reciprocity(mode="default"))
    expected = nx.reciprocity(D, [v for v in D if D.degree(v)])
    actor = reciprocity(D, level="actor")
    assert actor.dropna().to_dict() == pytest.approx(expected)
    assert actor[[v for v in D if not D.degree(v)]].isna().all()


def test_reciprocity_by_hand():
    D = nx.DiGraph([(0, 1), (1, 0), (1, 2), (3, 2)])
    assert reciprocity(D) == 0.5
    assert reciprocity(nx.path_graph(3)) == 1.0


@pytest.mark.parametrize("seed", range(3))
def test_dyad_census_matches_igraph(seed):
    D = random_valued(seed, directed=True, p=0.2)
    census = dyad_census(D)
    assert tuple(census) == tuple(to_igraph(D).dyad_census())
    n = D.number_of_nodes()
    assert census.sum() == n * (n - 1) // 2


# --- weighted shortest paths --------------------------------------------------------------


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("seed", range(4))
def test_weighted_betweenness_and_closeness_match_networkx_with_distance_one_over_weight(directed, seed):
    G = random_valued(seed, directed=directed)
    nodes = list(G)
    bc = nx.betweenness_centrality(G, weight="distance")
    cc = nx.closeness_centrality(G, distance="distance")
    assert weighted_betweenness(G).tolist() == pytest.approx([bc[v] for v in nodes], abs=1e-12)
    assert weighted_closeness(G).tolist() == pytest.approx([cc[v] for v in nodes], abs=1e-12)


def test_weighted_paths_without_weights_are_networkx_unweighted():
    G = nx.les_miserables_graph()
    nodes = list(G)
    bc = nx.betweenness_centrality(G)
    assert weighted_betweenness(G, weight=None).tolist() == pytest.approx([bc[v] for v in nodes], abs=1e-12)
    assert eg.betweenness(G).tolist() == pytest.approx(weighted_betweenness(G, weight=None).tolist(), abs=1e-12)


def test_weighted_closeness_on_les_miserables_matches_networkx():
    G = nx.les_miserables_graph()  # co-appearance counts as weights
    for _, _, d in G.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    cc = nx.closeness_centrality(G, distance="distance")
    assert weighted_closeness(G).to_dict() == pytest.approx(cc, abs=1e-12)


def test_weighted_betweenness_counts_equal_lengths_as_equal():
    """networkx with float 1/weight splits paths that rounding made unequal; with exact integer lengths it agrees."""
    G = nx.les_miserables_graph()
    scale = math.lcm(*(int(w) for _, _, w in G.edges(data="weight")))
    for _, _, d in G.edges(data=True):
        d["exact"] = scale // int(d["weight"])  # scale / weight, an integer: sums are exact
    D = nx.DiGraph(G)
    D.remove_edges_from(random.Random(1).sample(sorted(D.edges), 100))
    exact = nx.betweenness_centrality(D, weight="exact")
    assert weighted_betweenness(D).to_dict() == pytest.approx(exact, abs=1e-12)


def test_directed_measures_take_a_sparse_graph():
    G = random_valued(0, directed=False)
    S = eg.as_sparse(G, weight="weight")
    assert degrees(S).equals(degrees(G))
    assert weighted_closeness(S).tolist() == pytest.approx(weighted_closeness(G).tolist())
    assert directed_brokerage_roles(S, "sphere").equals(directed_brokerage_roles(G, "sphere"))


def test_weighted_paths_by_hand():
    G = nx.Graph()
    G.add_weighted_edges_from([("a", "b", 1.0), ("b", "c", 1.0), ("a", "c", 0.25)])
    assert weighted_betweenness(G).tolist() == [0.0, 1.0, 0.0]  # a-c is 4 long, a-b-c 2
    G["a"]["c"]["weight"] = 1.0
    assert weighted_betweenness(G).tolist() == [0.0, 0.0, 0.0]
    assert weighted_closeness(G).loc["b"] == pytest.approx(1.0)


# --- Gould & Fernandez on directed ties -----------------------------------------------------


def brute_force_roles(D: nx.DiGraph, groups: dict) -> dict:
    """For each broker v of known group: its open two-paths a → v → c by role, written from the definition."""
    out = {}
    for v in D:
        if groups.get(v) in (None, ""):
            continue
        counts = dict.fromkeys(("coordinator", "itinerant", "gatekeeper", "representative", "liaison"), 0)
        for a, c in itertools.product(D.predecessors(v), D.successors(v)):
            if a == c or D.has_edge(a, c) or groups.get(a) in (None, "") or groups.get(c) in (None, ""):
                continue
            ga, gv, gc = groups[a], groups[v], groups[c]
            if ga == gv == gc:
                counts["coordinator"] += 1
            elif ga == gc:
                counts["itinerant"] += 1
            elif gv == gc:
                counts["gatekeeper"] += 1
            elif ga == gv:
                counts["representative"] += 1
            else:
                counts["liaison"] += 1
        out[v] = counts
    return out


@pytest.fixture
def five_roles():
    """One broker b1 playing the five roles: in {a1, b2, b3, d1}, out {b2, a2, c1}; a1 → c1 is direct."""
    D = nx.DiGraph([("a1", "b1"), ("b2", "b1"), ("b3", "b1"), ("d1", "b1"), ("b1", "b2"), ("b1", "a2"), ("b1", "c1"), ("a1", "c1")])
    groups = {"a1": "A", "a2": "A", "b1": "B", "b2": "B", "b3": "B", "c1": "C", "d1": "D"}
    return D, groups


def test_directed_roles_by_hand(five_roles):
    D, groups = five_roles
    roles = directed_brokerage_roles(D, groups)
    # b3→b1→b2 coordinator; a1→b1→a2 itinerant; a1→b1→b2, d1→b1→b2 gatekeeper;
    # b2→b1→a2, b2→b1→c1, b3→b1→a2, b3→b1→c1 representative; d1→b1→a2, d1→b1→c1 liaison;
    # a1→b1→c1 closed (a1 → c1), b2→b1→b2 is no two-path
    assert roles.loc["b1"].tolist() == [1, 1, 2, 4, 2, 10]
    assert roles.drop(index="b1")["brokerage"].eq(0).all()


def test_directed_roles_tell_gatekeeper_from_representative(five_roles):
    D, groups = five_roles
    reverse = directed_brokerage_roles(D.reverse(), groups).loc["b1"]
    # reversed: b2→b1→a1 and b2→b1→d1 representative; a2→b1→b2, a2→b1→b3, c1→b1→b2, c1→b1→b3 gatekeeper
    assert reverse["gatekeeper"] == 4 and reverse["representative"] == 2


@pytest.mark.parametrize("chunk", [None, 5])
@pytest.mark.parametrize("unknown", [0.0, 0.2])
@pytest.mark.parametrize("seed", range(4))
def test_directed_roles_match_brute_force(seed, unknown, chunk, monkeypatch):
    if chunk:  # the closed two-paths looked for a few at a time, as on large networks
        monkeypatch.setattr(directed_roles_module, "_CHUNK", chunk)
    D = random_valued(seed, directed=True, p=0.15, groups=3, unknown=unknown)
    groups = dict(D.nodes(data="sphere"))
    roles = directed_brokerage_roles(D, "sphere")
    expected = brute_force_roles(D, groups)
    for v in D:
        if v in expected:
            assert roles.loc[v, list(expected[v])].tolist() == list(expected[v].values())
        else:
            assert roles.loc[v].isna().all()
    assert roles.attrs["coverage"].actors_known == len(expected) and roles.attrs["coverage"].basis == "actors"


@pytest.mark.parametrize("name", ["karate", "florentine"])
def test_directed_roles_on_symmetric_ties_are_the_undirected_roles(name):
    if name == "karate":
        G, attr = nx.karate_club_graph(), "club"
    else:
        G, attr = nx.florentine_families_graph(), {v: v[0] < "M" for v in nx.florentine_families_graph()}
    expected = eg.brokerage_roles(G, attr)
    assert directed_brokerage_roles(G, attr).equals(expected)
    assert directed_brokerage_roles(nx.DiGraph(G), attr).equals(expected)


def test_directed_roles_without_known_group():
    roles = directed_brokerage_roles(nx.DiGraph([(0, 1), (1, 2)]), {})
    assert roles.attrs["reason"] == "no_known_group" and roles.isna().all().all()


# --- valued E-I and block density -------------------------------------------------------------


def brute_force_valued_ei(G: nx.Graph, groups: dict) -> tuple[float, float]:
    e = i = 0.0
    for u, v, w in G.edges(data="weight"):
        if groups.get(u) in (None, "") or groups.get(v) in (None, ""):
            continue
        if groups[u] == groups[v]:
            i += w
        else:
            e += w
    return e, i


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("seed", range(3))
def test_valued_ei_matches_brute_force(seed, directed):
    G = random_valued(seed, directed=directed, unknown=0.2)
    e, i = brute_force_valued_ei(G, dict(G.nodes(data="sphere")))
    value = valued_ei_index(G, "sphere")
    assert float(value) == pytest.approx((e - i) / (e + i))
    groups = valued_ei_index(G, "sphere", level="group")
    assert groups["internal"].sum() == pytest.approx(i) and groups["external"].sum() == pytest.approx(2 * e)


@pytest.mark.parametrize("level", ["network", "group", "actor"])
def test_valued_ei_with_unit_weights_is_ei_index(level):
    G = random_valued(2, directed=False, unknown=0.2)
    valued, plain = valued_ei_index(G, "sphere", weight=None, level=level), eg.ei_index(G, "sphere", level=level)
    if level == "network":
        assert float(valued) == pytest.approx(float(plain)) and valued.coverage == plain.coverage
    else:
        assert np.allclose(valued.to_numpy(dtype=float), plain.to_numpy(dtype=float), equal_nan=True)
        assert valued.attrs["coverage"] == plain.attrs["coverage"]


def test_valued_ei_by_hand_and_unknown_groups():
    G = nx.Graph()
    G.add_weighted_edges_from([(0, 1, 3.0), (1, 2, 1.0), (2, 3, 2.0)])
    assert float(valued_ei_index(G, {0: "a", 1: "a", 2: "b", 3: "b"})) == pytest.approx((1 - 5) / 6)
    actor = valued_ei_index(G, {0: "a", 1: "a", 2: "b"}, level="actor")
    assert actor.tolist()[:3] == pytest.approx([-1.0, -0.5, 1.0]) and np.isnan(actor[3])
    one = valued_ei_index(G, {0: "a", 1: "a"})
    assert one.reason == "one_known_group" and np.isnan(one)


def test_valued_block_density_with_unit_weights_is_block_density():
    G = random_valued(0, directed=False, unknown=0.2)
    valued, plain = valued_block_density(G, "sphere", weight=None), eg.block_density(G, "sphere")
    pd.testing.assert_frame_equal(valued, plain)
    assert valued.attrs["coverage"] == plain.attrs["coverage"]


@pytest.mark.parametrize("directed", [False, True])
def test_valued_block_density_matches_brute_force(directed):
    G = random_valued(3, directed=directed, unknown=0.2)
    groups = {v: g for v, g in G.nodes(data="sphere") if g}
    table = valued_block_density(G, "sphere")
    for ga, gb in itertools.product(table.index, table.columns):
        A = [v for v in G if groups.get(v) == ga]
        B = [v for v in G if groups.get(v) == gb]
        if directed:
            pairs = [(a, b) for a in A for b in B if a != b]
        else:
            pairs = [(a, b) for a, b in itertools.product(A, B) if a != b and (ga != gb or str(a) < str(b))]
        total = sum(G[a][b]["weight"] for a, b in pairs if G.has_edge(a, b))
        expected = total / len(pairs) if pairs else np.nan
        assert table.loc[ga, gb] == pytest.approx(expected, nan_ok=True)


def test_valued_block_density_without_known_group():
    table = valued_block_density(nx.path_graph(3), {})
    assert table.empty and table.attrs["reason"] == "no_known_group"


# --- the Analysis: each directed and valued measure once, equal to the module's function -----------------


def test_the_analysis_holds_the_directed_and_valued_measures_of_its_network():
    a = eg.Analysis(directed_ecosystem())
    D = directed_graph(a.network_eco)
    assert a.directed_graph is a.directed_graph and sorted(a.directed_graph.edges) == sorted(D.edges)
    assert a.tie_treatment.to_dict() == {"ties": 7, "directed": 5, "undirected": 2, "weighted": 3, "people_pairs": 0}
    pd.testing.assert_frame_equal(a.directed_degrees, degrees(D))
    assert a.directed_degrees.loc["c"].tolist() == [3.0, 2.0, 4.5, 4.0]  # from b (1), d (3), e (0.5); to d (3), f (1)
    assert a.reciprocity == reciprocity(D) == pytest.approx(4 / 9)  # c⇄d and a⇄e: 4 of the 9 arcs returned
    assert a.dyad_census.to_dict() == dyad_census(D).to_dict() == {"mutual": 2, "asymmetric": 5, "null": 8}
    assert a.directed_density == directed_density(D) == pytest.approx(9 / 30)
    assert a.valued_density == directed_density(D, weight="weight") == pytest.approx(13.5 / 30)
    pd.testing.assert_frame_equal(a.directed_roles, directed_brokerage_roles(D, "sphere"))
    # c: b→c→d and e→c→d gatekeeper, d→c→f representative, e→c→f itinerant, b→c→f liaison
    assert a.directed_roles.loc["c"].tolist() == [0, 1, 2, 1, 1, 5]
    pd.testing.assert_series_equal(a.weighted_betweenness, weighted_betweenness(D))
    assert float(a.valued_ei_index) == float(valued_ei_index(D, "sphere")) == pytest.approx((5.5 - 8) / 13.5)
    pd.testing.assert_frame_equal(a.valued_block_density, valued_block_density(D, "sphere"))
    assert a.valued_block_density.loc["production", "production"] == pytest.approx(3.0)  # 6 over 2 possible arcs


def test_the_analysis_of_a_synthetic_ecosystem_agrees_with_networkx_on_the_arcs():
    a = eg.Analysis(eg.datasets.synthetic(300, seed=1))
    D = a.directed_graph
    assert a.directed_degrees["in_degree"].to_dict() == {v: float(k) for v, k in D.in_degree()}
    assert a.directed_degrees["out_strength"].to_dict() == pytest.approx({v: float(k) for v, k in D.out_degree(weight="weight")})
    assert a.reciprocity == pytest.approx(nx.overall_reciprocity(D))
    eco = a.network_eco
    directed = eco.ties["type"].map(eco.vocabulary.is_directed).astype(bool)
    assert (a.tie_treatment["directed"], a.tie_treatment["undirected"]) == (int(directed.sum()), int((~directed).sum()))


def test_the_analysis_of_a_graph_reads_each_tie_both_ways():
    a = eg.Analysis(nx.karate_club_graph())
    assert a.reciprocity == 1.0 and a.tie_treatment["directed"] == 0 and a.tie_treatment["ties"] == 78
    assert (a.directed_degrees["in_degree"] == a.degree.astype(float)).all()


@pytest.mark.parametrize(
    "make", [eg.datasets.dijon, lambda: eg.datasets.synthetic(300, seed=1), directed_ecosystem], ids=["dijon", "synthetic", "hand"]
)
def test_arc_matrix_holds_the_arcs_and_weights_of_the_directed_graph(make):
    eco = make()
    M, W = arc_matrix(eco), directed_matrix(directed_graph(eco), weight="weight")
    order = W.nodes.get_indexer(M.nodes)
    assert M.directed and (order >= 0).all() and len(order) == len(W.nodes)
    assert abs(M.A - W.A[order][:, order]).sum() == 0 and M.A.nnz == W.A.nnz
