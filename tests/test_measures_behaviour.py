"""Measures: bad input, permutation and null-model tests, robustness, evolution, determinism."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import ecograph as eg
from ecograph.errors import EcographError, GraphError, MissingAttributeError

GROUP_MEASURES = [
    lambda G, a: eg.block_density(G, a),
    lambda G, a: eg.mixing_matrix(G, a),
    lambda G, a: eg.ei_index(G, a),
    lambda G, a: eg.modularity(G, a),
    lambda G, a: eg.brokers(G, a),
    lambda G, a: eg.participation(G, a),
]
GRAPH_MEASURES = [
    eg.density,
    eg.bridges,
    eg.cut_points,
    eg.local_bridges,
    eg.isolated_actors,
    eg.detect_communities,
    eg.betweenness,
    eg.headline_measures,
]


@pytest.mark.parametrize("measure", GROUP_MEASURES)
def test_an_attribute_no_node_carries_is_named(measure):
    G = nx.path_graph(4)
    nx.set_node_attributes(G, {0: "a", 1: "b"}, "sphere")
    with pytest.raises(MissingAttributeError, match=r"no node has a 'spehre' attribute \(4 nodes, e\.g\. 0, 1, 2, 3\)"):
        measure(G, "spehre")
    measure(G, "sphere")  # some nodes without it: their group is unknown, not an error


@pytest.mark.parametrize("measure", GRAPH_MEASURES)
def test_directed_multi_and_empty_graphs_are_refused(measure):
    with pytest.raises(GraphError, match="directed"):
        measure(nx.DiGraph([(0, 1)]))
    with pytest.raises(GraphError, match="multigraph"):
        measure(nx.MultiGraph([(0, 1), (0, 1)]))
    with pytest.raises(GraphError, match="empty"):
        measure(nx.Graph())
    with pytest.raises(GraphError, match="self-loops"):
        measure(nx.Graph([(0, 0), (0, 1)]))


def test_errors_are_ecograph_errors_and_builtins():
    with pytest.raises(EcographError):
        eg.density(nx.DiGraph([(0, 1)]))
    with pytest.raises(ValueError):
        eg.density(nx.DiGraph([(0, 1)]))
    with pytest.raises(KeyError):
        eg.ei_index(nx.path_graph(3), "sphere")
    with pytest.raises(GraphError, match=r"expected a networkx\.Graph"):
        eg.density(eg.datasets.tiny())


def test_partition_that_leaves_actors_out_or_misnames_them():
    G = nx.path_graph(4)
    q = eg.modularity(G, pd.Series({0: "a", 1: "a", 2: "b"}))  # actor 3 left out: unknown
    assert q == pytest.approx(nx.community.modularity(G.subgraph([0, 1, 2]), [{0, 1}, {2}]))
    assert (q.coverage.actors_known, q.coverage.ties_known) == (3, 2)
    with pytest.raises(GraphError, match=r"names 1 actor not in the graph \(9\)"):
        eg.ei_index(G, {0: "a", 1: "a", 2: "b", 3: "b", 9: "c"})
    with pytest.raises(GraphError, match="in two groups"):
        eg.block_density(G, [{0, 1}, {1, 2, 3}])


def test_all_partition_forms_agree():
    K = nx.karate_club_graph()
    clubs = nx.get_node_attributes(K, "club")
    forms = ["club", clubs, pd.Series(clubs), [{n for n in K if clubs[n] == c} for c in ("Mr. Hi", "Officer")]]
    values = [eg.modularity(K, f) for f in forms]
    assert max(values) - min(values) < 1e-12
    comms = eg.detect_communities(K, seed=0)
    assert eg.modularity(K, comms) == pytest.approx(comms.modularity)


def test_modularity_of_graph_without_ties():
    G = nx.empty_graph(3)
    nx.set_node_attributes(G, "a", "sphere")
    with pytest.raises(GraphError, match="without ties"):
        eg.modularity(G, "sphere")


def test_ei_permutation_expected_value_matches_theory():
    K = nx.karate_club_graph()
    res = eg.ei_index(K, "club", permutations=2000, seed=3)
    sizes = pd.Series(nx.get_node_attributes(K, "club")).value_counts()
    n = sizes.sum()
    p_cross = 1 - (sizes * (sizes - 1)).sum() / (n * (n - 1))
    assert res["expected"] == pytest.approx(2 * p_cross - 1, abs=0.01)
    assert res["p_less"] == 1 / 2001 and res["p_greater"] == 1.0  # no relabelling as low: the observed one counted (never 0)
    assert eg.words.number(res["p_less"], "fr", "pvalue") == "p < 0,001"
    # same seed, same answer; another seed, another sample
    pd.testing.assert_series_equal(res, eg.ei_index(K, "club", permutations=2000, seed=3))
    assert res["expected"] != eg.ei_index(K, "club", permutations=2000, seed=4)["expected"]


def test_ei_random_labels_are_not_significant():
    G = nx.gnp_random_graph(200, 0.05, seed=1)
    rng = np.random.default_rng(1)
    nx.set_node_attributes(G, {v: int(rng.integers(3)) for v in G}, "sphere")
    res = eg.ei_index(G, permutations=500, seed=0)
    assert 0.02 < res["p_less"] < 0.98


def test_ei_group_and_actor_levels_add_up():
    G = nx.gnp_random_graph(50, 0.1, seed=2)
    rng = np.random.default_rng(2)
    nx.set_node_attributes(G, {v: "abc"[rng.integers(3)] for v in G}, "sphere")
    groups = eg.ei_index(G, level="group")
    assert groups["internal"].sum() + groups["external"].sum() / 2 == G.number_of_edges()
    actor = eg.ei_index(G, level="actor")
    sphere = nx.get_node_attributes(G, "sphere")
    for v in G:
        e = sum(sphere[u] != sphere[v] for u in G[v])
        i = G.degree(v) - e
        assert actor[v] == pytest.approx((e - i) / (e + i)) if e + i else np.isnan(actor[v])
    with pytest.raises(ValueError, match="network and group level"):
        eg.ei_index(G, level="actor", permutations=10)


def test_null_model_finds_karate_communities_significant():
    K = nx.karate_club_graph()
    t = eg.null_model_test(K, "modularity", samples=40, seed=0)
    assert t.observed == pytest.approx(eg.detect_communities(K, seed=0).modularity)
    assert t.z > 2 and t.p_greater < 0.05
    assert t.to_series()["samples"] == 40


def test_null_model_rewiring_keeps_degrees():
    K = nx.karate_club_graph()
    degrees = []
    t = eg.null_model_test(K, lambda S: degrees.append(S.degrees().copy()) or S.m, samples=5, seed=1)
    base = eg.as_sparse(K).degrees()
    assert len(degrees) == 6  # observed + 5 rewired
    for d in degrees:
        np.testing.assert_array_equal(d, base)
    assert t.std == 0 and t.z == 0.0


def test_cross_group_density_statistic():
    K = nx.karate_club_graph()
    t = eg.null_model_test(K, "cross_group_density", attr="club", samples=30, seed=2)
    assert t.observed == pytest.approx(11 / (17 * 17))  # 11 cross ties, two clubs of 17
    assert t.p_less < 0.05


def test_robustness_intervals():
    K = nx.karate_club_graph()
    nothing = eg.robustness(K, "density", fraction=0.0, samples=5)
    assert nothing.std == 0 and nothing.mean == pytest.approx(nothing.observed)
    r = eg.robustness(K, "ei_index", attr="club", drop="actors", fraction=0.2, samples=100, seed=3)
    assert r.ci_low <= r.observed <= r.ci_high
    assert r.ci_high - r.ci_low < 0.4
    again = eg.robustness(K, "ei_index", attr="club", drop="actors", fraction=0.2, samples=100, seed=3)
    np.testing.assert_array_equal(r.values, again.values)
    s = r.to_series()
    assert list(s.index) == [
        "measure",
        "observed",
        "mean",
        "std",
        "ci_low",
        "ci_high",
        "drop",
        "fraction",
        "samples",
        "max_samples",
        "rule",
        "seed",
        "actor_coverage",
        "tie_coverage",
        "reason",
    ]
    assert (s["actor_coverage"], s["tie_coverage"], s["reason"]) == (1.0, 1.0, None)
    top = eg.robustness(K, "top_brokers", k=5, drop="actors", fraction=0.1, samples=50, seed=0)
    dens = eg.robustness(K, "density", drop="actors", fraction=0.1, samples=50, seed=0)
    # rankings are more fragile than density (Smith & Moody 2013)
    assert top.std / top.mean > dens.std / dens.mean
    with pytest.raises(ValueError, match="unknown measure"):
        eg.robustness(K, "centralisation")


def test_evolution_of_a_synthetic_ecosystem():
    eco = eg.datasets.synthetic(3000, seed=4)
    ev = eg.evolution(eco, [2005, 2010, 2015, 2018])
    from ecograph.measures.evolution import HEADLINE

    assert list(ev.columns) == list(HEADLINE)
    assert ev["actors"].iloc[-1] > ev["actors"].iloc[0]
    last = ev.loc[2018]
    full = eg.headline_measures(eco.sparse_graph(as_of=2018))
    pd.testing.assert_series_equal(last, full, check_names=False)


def test_diff_between_two_waves():
    wave1 = eg.datasets.synthetic(500, seed=1)
    actors2 = wave1.actors.drop(index=wave1.actors.index[:3])
    kept = wave1.ties[wave1.ties["source"].isin(actors2.index) & wave1.ties["target"].isin(actors2.index)]
    new = kept.iloc[:2].assign(type="funding")  # same pairs, a new type of tie
    ties2 = pd.concat([kept.iloc[10:], new], ignore_index=True)
    aff2 = wave1.affiliations[wave1.affiliations["actor"].isin(actors2.index)]
    wave2 = eg.Ecosystem(actors2, wave1.people, aff2, ties2, name="wave2")
    d = eg.diff(wave1, wave2)
    assert d.actors_removed.index.tolist() == wave1.actors.index[:3].tolist()
    assert d.actors_added.empty
    assert len(d.ties_added) == 2 and set(d.ties_added["type"]) == {"funding"}
    assert len(d.ties_removed) == len(wave1.ties) - (len(kept) - 10)
    assert d.measures.loc["actors", "change"] == -3


def test_sparse_graph_from_tables_equals_networkx_route():
    eco = eg.datasets.synthetic(2000, seed=6)
    S = eco.sparse_graph()
    W = eg.SparseGraph.from_networkx(eco.graph(), weight="weight")
    assert list(S.nodes) == list(W.nodes)
    assert (S.adjacency != W.adjacency).nnz == 0
    for year in (2012, 2016):
        S = eco.sparse_graph(as_of=year)
        W = eg.SparseGraph.from_networkx(eco.graph(as_of=year), weight="weight")
        assert list(S.nodes) == list(W.nodes) and (S.adjacency != W.adjacency).nnz == 0
    # measures give the same answers on both routes
    G = eco.graph()
    assert eg.ei_index(G) == pytest.approx(eg.ei_index(eco.sparse_graph()))
    pd.testing.assert_frame_equal(eg.bridges(G), eg.bridges(eco.sparse_graph()))


def test_measures_are_deterministic():
    eco = eg.datasets.synthetic(6000, seed=2)
    S = eco.sparse_graph()
    a = eg.brokers(S, seed=1)
    b = eg.brokers(S, seed=1)
    pd.testing.assert_frame_equal(a, b)
    assert a.attrs["method"] == "sampled" and a.attrs["samples"] == 256 and a.attrs["settled"] is None  # one round of 256 sources
    settled = [eg.betweenness(S, seed=1, top=20) for _ in range(2)]
    pd.testing.assert_series_equal(*settled)
    assert settled[0].attrs["samples"] % 256 == 0 and settled[0].attrs["settled"] is True
    c1, c2 = eg.detect_communities(S, seed=9), eg.detect_communities(S, seed=9)
    pd.testing.assert_series_equal(c1.membership, c2.membership)
    assert c1.compare(c2).tolist() == [1.0, 1.0]


def test_communities_against_spheres_on_synthetic():
    eco = eg.datasets.synthetic(5000, seed=3)
    comms = eg.detect_communities(eco.sparse_graph(), seed=0)
    planted = comms.compare(eco.actors["community"])
    spheres = comms.compare("sphere")
    assert planted["nmi"] > 0.6  # the planted communities are found
    assert planted["nmi"] > spheres["nmi"]
    frame = comms.to_frame()
    assert frame.attrs["method"] == "leiden" and frame.attrs["seed"] == 0
    assert (frame.groupby("community")["community_size"].first() == comms.sizes).all()


# ---- hubs: the shortcuts give the values of the plain computation -------------------------------------


def _with_hubs(seed: int) -> nx.Graph:
    """A random graph, two hubs with dozens of pendants, a pair and a path apart."""
    rng = np.random.default_rng(seed)
    G = nx.gnm_random_graph(20, 30, seed=seed)
    nxt = G.number_of_nodes()
    for hub in rng.choice(20, size=2, replace=False):
        for _ in range(int(rng.integers(5, 40))):
            G.add_edge(int(hub), nxt)
            nxt += 1
    G.add_edges_from([(nxt, nxt + 1), (nxt + 2, nxt + 3), (nxt + 3, nxt + 4)])
    return G


@pytest.mark.parametrize("seed", range(8))
def test_betweenness_with_pendants_folded_is_networkx(seed):
    G = _with_hubs(seed)
    expected = nx.betweenness_centrality(G)
    got = eg.betweenness(G)
    assert got.attrs["method"] == "exact"
    assert max(abs(got[v] - expected[v]) for v in G) < 1e-12


def test_betweenness_of_a_large_star_is_exact_and_linear():
    b = eg.betweenness(nx.star_graph(20_000))
    assert b.attrs["method"] == "exact" and b.iloc[0] == pytest.approx(1.0) and (b.iloc[1:] == 0).all()


@pytest.mark.parametrize("seed", range(4))
def test_constraint_and_two_step_reach_are_the_plain_ones(seed):
    from ecograph.measures.isolation import two_step_reach

    G = _with_hubs(seed)
    G.add_node("alone")
    S = eg.as_sparse(G)
    b = eg.brokers(S, {v: "a" for v in G})
    expected = nx.constraint(G)
    for v in G:
        assert b.loc[v, "constraint"] == pytest.approx(expected[v], abs=1e-12, nan_ok=True)
    reach = two_step_reach(S)
    assert all(reach[v] == len(nx.single_source_shortest_path_length(G, v, cutoff=2)) - 1 for v in G)


@pytest.mark.parametrize("batch", [1, 50, 4_000_000])
def test_two_step_reach_taken_in_batches_of_rows_is_networkx(batch, monkeypatch):
    from ecograph.measures import isolation

    monkeypatch.setattr(isolation, "REACH_BATCH", batch)  # one row at a time, a few rows, all rows
    G = _with_hubs(5)
    G.add_node("alone")
    expected = {v: len(nx.single_source_shortest_path_length(G, v, cutoff=2)) - 1 for v in G}
    assert isolation.two_step_reach(G).to_dict() == expected
    some = ["alone", *list(G)[::7], 0]  # a subset, in another order, one actor twice
    reach = isolation.two_step_reach(G, some)
    assert list(reach.index) == some and reach.tolist() == [expected[v] for v in some]


def test_local_bridges_of_a_star_are_bridges_of_infinite_span():
    lb = eg.local_bridges(nx.star_graph(5_000))
    assert len(lb) == 5_000 and np.isinf(lb["span"]).all()
