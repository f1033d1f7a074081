"""Measures against published values and an independent implementation (networkx).

Published values: Zachary's karate club (modularity of the two-club split
0.3582; E-I index of the club split −0.718), Padgett's Florentine families
(Medici betweenness 0.522). Everything else is compared with networkx's own
implementation or with a brute-force count written here.
"""

from __future__ import annotations

import itertools
import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import ecograph as eg


@pytest.fixture(scope="module")
def karate():
    return nx.karate_club_graph()


@pytest.fixture(scope="module")
def florentine():
    F = nx.florentine_families_graph()
    # a grouping to exercise group measures: wealthy (Padgett's wealth > 40) or not, by name here
    wealthy = {"Medici", "Strozzi", "Guadagni", "Tornabuoni", "Peruzzi", "Bischeri", "Castellani"}
    nx.set_node_attributes(F, {n: ("wealthy" if n in wealthy else "other") for n in F}, "sphere")
    return F


def random_grouped(seed: int, n: int = 40, p: float = 0.12, groups: int = 4) -> nx.Graph:
    G = nx.gnp_random_graph(n, p, seed=seed)
    rng = np.random.default_rng(seed)
    nx.set_node_attributes(G, {v: f"g{rng.integers(groups)}" for v in G}, "sphere")
    return G


# --- published values -------------------------------------------------------------


def test_karate_modularity_of_the_club_split(karate):
    assert eg.modularity(karate, "club") == pytest.approx(0.3582, abs=5e-5)


def test_karate_ei_index_of_the_club_split(karate):
    assert eg.ei_index(karate, "club") == pytest.approx(-0.718, abs=5e-4)


def test_florentine_medici_betweenness(florentine):
    assert eg.brokers(florentine).loc["Medici", "betweenness"] == pytest.approx(0.522, abs=5e-4)


# --- networkx as the independent implementation --------------------------------


def test_density_matches_networkx(florentine, karate):
    for G in (florentine, karate, random_grouped(1)):
        assert eg.density(G) == pytest.approx(nx.density(G))


def test_block_density_and_mixing_match_brute_force():
    G = random_grouped(2)
    groups = nx.get_node_attributes(G, "sphere")
    bd = eg.block_density(G, "sphere")
    mm = eg.mixing_matrix(G, "sphere")
    members = {g: [v for v in G if groups[v] == g] for g in set(groups.values())}
    for a, b in itertools.product(members, repeat=2):
        if a == b:
            ties = G.subgraph(members[a]).number_of_edges()
            possible = len(members[a]) * (len(members[a]) - 1) / 2
        else:
            ties = sum(1 for u in members[a] for v in members[b] if G.has_edge(u, v))
            possible = len(members[a]) * len(members[b])
        assert mm.loc[a, b] == ties
        assert bd.loc[a, b] == pytest.approx(ties / possible)
    assert np.triu(mm.to_numpy()).sum() == G.number_of_edges()


def test_betweenness_matches_networkx(florentine, karate):
    for G in (florentine, karate, random_grouped(3)):
        ours = eg.betweenness(G)
        ref = pd.Series(nx.betweenness_centrality(G))
        pd.testing.assert_series_equal(ours, ref.reindex(ours.index), check_names=False, check_index_type=False, atol=1e-12)
        assert ours.attrs["method"] == "exact"


def test_sampled_betweenness_is_the_brandes_pich_estimator(karate):
    from networkx.algorithms.centrality.betweenness import _accumulate_basic, _single_source_shortest_path_basic

    est = eg.betweenness(karate, samples=10, seed=5)
    limit = eg.measures.brokerage.EXACT_BETWEENNESS_LIMIT
    # ten strata of 3 or 4 actors along the breadth-first order: Σ size² = 6·3² + 4·4²
    epsilon = math.sqrt((6 * 9 + 4 * 16) * math.log(2 * 34 / 0.1) / 2) / 33
    error = {"engine": "igraph", "epsilon": pytest.approx(epsilon), "delta": 0.1, "settled": None}
    assert est.attrs == {"method": "sampled", "samples": 10, "seed": 5, "exact_limit": limit, **error}
    # one source in each stratum, weighted by its size, accumulated by networkx's own Brandes code
    nodes = list(karate)
    n = len(nodes)
    order = eg.measures.engines.path_order(eg.SparseGraph.from_networkx(karate))
    bounds = [i * n // 10 for i in range(11)]
    draws = np.random.default_rng(5).random(10)
    acc = dict.fromkeys(nodes, 0.0)
    for i, (lo, hi) in enumerate(itertools.pairwise(bounds)):
        s = nodes[order[lo + int(draws[i] * (hi - lo))]]
        S, P, sigma, _ = _single_source_shortest_path_basic(karate, s)
        part, _ = _accumulate_basic(dict.fromkeys(nodes, 0.0), S, P, sigma, s)
        acc = {v: acc[v] + (hi - lo) * part[v] for v in nodes}
    ref = pd.Series(acc) / ((n - 1) * (n - 2))
    pd.testing.assert_series_equal(est, ref.reindex(est.index), check_names=False, check_index_type=False, atol=1e-12)
    # with every source sampled, the estimate is exact
    exact = eg.betweenness(karate)
    pd.testing.assert_series_equal(eg.betweenness(karate, samples=n), exact)
    # and on average over seeds it is close to the exact value
    mean = sum(eg.betweenness(karate, samples=12, seed=s) for s in range(60)) / 60
    assert np.abs(mean - exact).max() < 0.05


def test_constraint_and_effective_size_match_networkx(florentine, karate):
    for G in (florentine, karate, random_grouped(4)):
        b = eg.brokers(G, dict.fromkeys(G, "all"))  # constraint and size do not depend on groups
        connected = [v for v in G if G.degree(v) > 0]
        constraint = pd.Series(nx.constraint(G, nodes=connected))
        esize = pd.Series(nx.effective_size(G, nodes=connected))
        np.testing.assert_allclose(b.loc[connected, "constraint"].to_numpy(dtype=float), constraint[connected].to_numpy(), atol=1e-12)
        np.testing.assert_allclose(b.loc[connected, "effective_size"].to_numpy(dtype=float), esize[connected].to_numpy(), atol=1e-12)


def test_florentine_constraint_values(florentine):
    # Burt constraint per family (networkx reference values, 3 decimals)
    expected = {"Medici": 0.210, "Guadagni": 0.250, "Albizzi": 0.333, "Strozzi": 0.458, "Ridolfi": 0.460, "Pazzi": 1.0, "Peruzzi": 0.656}
    got = eg.brokers(florentine)["constraint"].round(3)
    assert {k: got[k] for k in expected} == expected


def test_participation_matches_formula():
    G = random_grouped(5)
    groups = nx.get_node_attributes(G, "sphere")
    p = eg.participation(G, "sphere")
    for v in G:
        k = G.degree(v)
        if k == 0:
            assert np.isnan(p[v])
            continue
        counts = pd.Series([groups[u] for u in G[v]]).value_counts()
        assert p[v] == pytest.approx(1 - ((counts / k) ** 2).sum())


def brute_force_roles(G: nx.Graph, groups: dict) -> dict:
    roles = {v: dict.fromkeys(eg.measures.brokerage.ROLES, 0) for v in G}
    for v in G:
        for a, c in itertools.permutations(G[v], 2):
            if G.has_edge(a, c):
                continue
            ga, gv, gc = groups[a], groups[v], groups[c]
            if ga == gv == gc:
                roles[v]["coordinator"] += 1
            elif ga == gc != gv:
                roles[v]["itinerant"] += 1
            elif ga != gv == gc:
                roles[v]["gatekeeper"] += 1
            elif ga == gv != gc:
                roles[v]["representative"] += 1
            else:
                roles[v]["liaison"] += 1
    return roles


def test_brokerage_roles_worked_by_hand():
    # a - v - c with every grouping, counted by hand (undirected: both directions)
    G = nx.Graph([("a", "v"), ("v", "c")])
    cases = {
        (1, 1, 1): [2, 0, 0, 0, 0],  # coordinator, both directions
        (1, 2, 1): [0, 2, 0, 0, 0],  # itinerant
        (1, 2, 2): [0, 0, 1, 1, 0],  # a->v->c gatekeeper, c->v->a representative
        (1, 2, 3): [0, 0, 0, 0, 2],  # liaison
    }
    for (ga, gv, gc), want in cases.items():
        got = eg.brokerage_roles(G, {"a": ga, "v": gv, "c": gc}).loc["v", list(eg.measures.brokerage.ROLES)].tolist()
        assert got == want, (ga, gv, gc)
    # closing the triad removes the brokerage
    G.add_edge("a", "c")
    assert eg.brokerage_roles(G, {"a": 1, "v": 2, "c": 3})["brokerage"].tolist() == [0, 0, 0]


@pytest.mark.parametrize("seed", range(6))
def test_brokerage_roles_match_brute_force(seed):
    G = random_grouped(seed, n=30, p=0.2, groups=3)
    groups = nx.get_node_attributes(G, "sphere")
    ours = eg.brokerage_roles(G, "sphere")
    ref = pd.DataFrame(brute_force_roles(G, groups)).T
    pd.testing.assert_frame_equal(
        ours[list(eg.measures.brokerage.ROLES)],
        ref.loc[ours.index, list(eg.measures.brokerage.ROLES)].astype(np.int64),
        check_index_type=False,
    )


def test_bridges_and_sides_match_brute_force(florentine):
    for G in (florentine, nx.karate_club_graph(), random_grouped(6, n=60, p=0.04)):
        ours = eg.bridges(G)
        assert {frozenset(e) for e in zip(ours["source"], ours["target"])} == {frozenset(e) for e in nx.bridges(G)}
        for row in ours.itertuples():
            H = G.copy()
            H.remove_edge(row.source, row.target)
            assert len(nx.node_connected_component(H, row.source)) == row.source_side
            assert len(nx.node_connected_component(H, row.target)) == row.target_side


def test_florentine_bridges_and_cut_points(florentine):
    pairs = {frozenset(e) for e in zip(eg.bridges(florentine)["source"], eg.bridges(florentine)["target"])}
    assert pairs == {
        frozenset(p)
        for p in [
            ("Acciaiuoli", "Medici"),
            ("Albizzi", "Ginori"),
            ("Guadagni", "Lamberteschi"),
            ("Medici", "Salviati"),
            ("Pazzi", "Salviati"),
        ]
    }
    assert set(eg.cut_points(florentine).index) == {"Albizzi", "Guadagni", "Medici", "Salviati"}


def test_cut_off_counts_match_brute_force(florentine):
    for G in (florentine, nx.karate_club_graph(), random_grouped(7, n=60, p=0.05)):
        ours = eg.cut_points(G)
        assert set(ours.index) == set(nx.articulation_points(G))
        for v, cut in ours.items():
            comp = nx.node_connected_component(G, v)
            H = G.subgraph(comp - {v})
            largest = max(len(c) for c in nx.connected_components(H))
            assert cut == len(comp) - 1 - largest, v


def test_local_bridges_match_networkx():
    for G in (nx.karate_club_graph(), random_grouped(8, n=50, p=0.08), nx.florentine_families_graph()):
        ours = eg.local_bridges(G)
        ref = {frozenset((u, v)): span for u, v, span in nx.local_bridges(G, with_span=True)}
        got = {frozenset((u, v)): span for u, v, span in zip(ours["source"], ours["target"], ours["span"])}
        assert got == ref


def test_core_numbers_and_reach_match_networkx():
    G = random_grouped(9, n=60, p=0.06)
    assert eg.core_numbers(G).to_dict() == nx.core_number(G)
    reach = eg.two_step_reach(G)
    for v in G:
        assert reach[v] == len(nx.single_source_shortest_path_length(G, v, cutoff=2)) - 1


def test_isolated_actors_cover_isolates_pendants_and_small_components():
    G = random_grouped(10, n=80, p=0.03)
    iso = eg.isolated_actors(G)
    main = max(nx.connected_components(G), key=len)
    expected = {v for v in G if G.degree(v) <= 1 or v not in main}
    assert set(iso.index) == expected
    assert (iso.loc[iso["isolate"], "reason"] == "no known tie").all()
    assert iso["reason"].str.len().gt(0).all()
    for v, row in iso.iterrows():
        assert row["component_size"] == len(nx.node_connected_component(G, v))


def test_communities_modularity_matches_networkx_and_igraph():

    G = nx.les_miserables_graph()
    for method in ("leiden", "louvain", "label_propagation"):
        comms = eg.detect_communities(G, method=method, seed=1)
        parts = comms.communities()
        assert comms.modularity == pytest.approx(nx.community.modularity(G, parts, weight=None))
        S = eg.as_sparse(G)
        assert comms.modularity == pytest.approx(S.igraph().modularity(comms.membership.reindex(S.nodes).tolist()))
        assert sorted(len(p) for p in parts) == sorted(comms.sizes.tolist())
    assert eg.detect_communities(G, method="leiden", seed=1).modularity > 0.55


def test_partition_comparison_matches_igraph():
    import igraph as ig

    for seed in range(4):
        rng = np.random.default_rng(seed)
        a, b = rng.integers(0, 4, 60), rng.integers(0, 3, 60)
        ours = eg.compare_partitions(a, b)
        assert ours["nmi"] == pytest.approx(ig.compare_communities(a.tolist(), b.tolist(), method="nmi"))
        assert ours["adjusted_rand"] == pytest.approx(ig.compare_communities(a.tolist(), b.tolist(), method="adjusted_rand"))


def test_davis_southern_women_projection():
    """The person→actor projection equals networkx's weighted bipartite projection."""
    B = nx.davis_southern_women_graph()
    women, events = B.graph["top"], B.graph["bottom"]
    slug = {name: eg.validation.slugify(name) for name in B}
    actors = pd.DataFrame({"id": [slug[e] for e in events], "name": list(events), "kind": "event", "source": "Davis et al. 1941"})
    people = pd.DataFrame({"id": [slug[w] for w in women], "name": list(women), "source": "Davis et al. 1941"})
    affiliations = pd.DataFrame(
        [(slug[w], slug[e], "member", "", "", "Davis et al. 1941") for w, e in B.edges() if w in women]
        + [(slug[w], slug[e], "member", "", "", "Davis et al. 1941") for e, w in B.edges() if w in women],
        columns=["person", "actor", "role", "start", "end", "source"],
    )
    ties = pd.DataFrame(columns=["source", "target", "type", "evidence"])
    eco = eg.from_frames(actors, ties, people, affiliations, name="davis")
    ours = eco.graph()
    ref = nx.bipartite.weighted_projected_graph(B, events)
    assert {frozenset((slug[u], slug[v])): d["weight"] for u, v, d in ref.edges(data=True)} == {
        frozenset((u, v)): d["n_people"] for u, v, d in ours.edges(data=True)
    }
    assert all(link["kind"] == "shared" for _, _, d in ours.edges(data=True) for link in d["people_links"])
    # and the sparse route builds the same weighted graph
    S = eco.sparse_graph()
    W = eg.SparseGraph.from_networkx(ours, weight="weight")
    assert (S.adjacency != W.adjacency).nnz == 0


def test_people_move_flows_between_spheres():
    eco = eg.datasets.tiny()
    flows = eg.people_flows(eco)
    assert flows[["person", "source", "target", "year", "source_sphere", "target_sphere"]].values.tolist() == [
        ["p1", "incubator", "lab", 2018, "support", "innovation"]
    ]
    table = eg.flow_table(eco)
    assert table.to_numpy().sum() == 1 and table.loc["support", "innovation"] == 1
    assert eg.flow_table(eco, as_of=2017).to_numpy().sum() == 0
