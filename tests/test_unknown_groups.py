"""Unknown is unknown: every group measure on a graph with missing group values equals the
same measure computed here by hand on the known part, carries its coverage, and says when it
cannot be computed.

Missing values come in every form a dataset or a caller produces: empty and blank text, NaN,
None, a node without the attribute, an actor that a mapping or Series leaves out.
"""

from __future__ import annotations

import itertools
import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import ecograph as eg
from ecograph.errors import GraphError, MissingAttributeError
from ecograph.measures.brokerage import ROLES
from ecograph.measures.group_coverage import MIN_COVERAGE, Coverage, MeasureValue

MISSING = ["", " ", float("nan"), None, "absent"]  # "absent": the node does not carry the attribute


def with_unknowns(seed: int, n: int = 40, p: float = 0.15, groups: int = 3, unknown: float = 0.3) -> tuple[nx.Graph, dict]:
    """A random graph whose ``sphere`` is missing (in every form) for a share of the actors.

    Returns the graph and the known groups ``{actor: group}``.
    """
    G = nx.gnp_random_graph(n, p, seed=seed)
    rng = np.random.default_rng(seed)
    known = {}
    for v in G:
        if rng.random() < unknown:
            form = MISSING[int(rng.integers(len(MISSING)))]
            if form != "absent":
                G.nodes[v]["sphere"] = form
        else:
            known[v] = f"g{rng.integers(groups)}"
            G.nodes[v]["sphere"] = known[v]
    return G, known


def known_part(G: nx.Graph, known: dict) -> nx.Graph:
    """The graph induced by the actors of known group, nodes in G's order, with their groups only."""
    H = nx.Graph()
    H.add_nodes_from((v, {"sphere": known[v]}) for v in G if v in known)
    H.add_edges_from((u, v) for u, v in G.edges() if u in known and v in known)
    return H


def expected_coverage(G: nx.Graph, known: dict) -> tuple[int, int, int, int]:
    both = sum(1 for u, v in G.edges() if u in known and v in known)
    return len(known), G.number_of_nodes(), both, G.number_of_edges()


SEEDS = range(5)


# --- grouping: every form of missing is unknown ---------------------------------------------


def test_every_missing_form_is_unknown():
    G = nx.path_graph(7)
    values = {0: "a", 1: "", 2: " ", 3: float("nan"), 4: None, 6: "b"}  # 5: no attribute at all
    for v, x in values.items():
        G.nodes[v]["sphere"] = x
    codes, groups = eg.group_codes(G, "sphere")
    assert codes.tolist() == [0, -1, -1, -1, -1, -1, 1] and groups == ["a", "b"]
    assert eg.group_labels(G, "sphere").tolist() == ["a", None, None, None, None, None, "b"]
    S = eg.SparseGraph(eg.as_sparse(G).nodes, eg.as_sparse(G).adjacency, pd.DataFrame({"sphere": ["a", "", " ", np.nan, None, pd.NA, "b"]}))
    assert eg.group_codes(S, "sphere")[0].tolist() == [0, -1, -1, -1, -1, -1, 1]


def test_partition_forms_agree_and_leaving_out_is_unknown():
    G, known = with_unknowns(1)
    sets = [{v for v, g in known.items() if g == name} for name in sorted(set(known.values()))]
    series = pd.Series(known).reindex(list(G))  # NaN for the unknown
    forms = ["sphere", known, pd.Series(known), series, sets]
    want = eg.ei_index(known_part(G, known), "sphere")
    for form in forms:
        got = eg.ei_index(G, form)
        assert got == pytest.approx(want), type(form)
        assert (got.coverage.actors_known, got.coverage.ties_known) == expected_coverage(G, known)[::2]


def test_misuse_is_still_an_error():
    G = nx.path_graph(4)
    nx.set_node_attributes(G, {0: "a", 1: "b"}, "sphere")
    measures = [
        lambda a: eg.ei_index(G, a),
        lambda a: eg.block_density(G, a),
        lambda a: eg.brokers(G, a),
        lambda a: eg.modularity(G, a),
        lambda a: eg.robustness(G, "ei_index", attr=a, samples=2),
        lambda a: eg.null_model_test(G, "cross_group_density", attr=a, samples=2),
        lambda a: eg.detect_communities(G).compare(a),
        lambda a: eg.headline_measures(G, a),
    ]
    for measure in measures:
        with pytest.raises(MissingAttributeError, match="no node has a 'sphre' attribute"):
            measure("sphre")
        with pytest.raises(GraphError, match=r"names 1 actor not in the graph \(9\)"):
            measure({0: "a", 9: "b"})
        with pytest.raises(GraphError, match="in two groups"):
            measure([{0, 1}, {1, 2}])
        with pytest.raises(GraphError, match="in two groups"):
            measure(pd.Series(["a", "b"], index=[0, 0]))
    with pytest.raises(MissingAttributeError, match="the actors table has no column 'sphre'"):
        eg.flow_table(eg.datasets.tiny(), attr="sphre")


# --- each measure against the known part, counted by hand --------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_mixing_and_block_density_count_the_known_part(seed):
    G, known = with_unknowns(seed)
    mm, bd = eg.mixing_matrix(G, "sphere"), eg.block_density(G, "sphere")
    members = {g: [v for v in known if known[v] == g] for g in sorted(set(known.values()))}
    assert list(mm.index) == list(members) and list(bd.index) == list(members)  # no group for the unknown
    for a, b in itertools.product(members, repeat=2):
        ties = sum(1 for u, v in G.edges() if {known.get(u), known.get(v)} == {a, b} and u in known and v in known)
        if a == b:
            ties = sum(1 for u, v in G.edges() if known.get(u) == a and known.get(v) == a)
            possible = len(members[a]) * (len(members[a]) - 1) / 2
        else:
            possible = len(members[a]) * len(members[b])
        assert mm.loc[a, b] == ties
        assert bd.loc[a, b] == pytest.approx(ties / possible) if possible else np.isnan(bd.loc[a, b])
    assert np.triu(mm.to_numpy()).sum() == expected_coverage(G, known)[2]
    for table in (mm, bd):
        assert table.attrs["coverage"] == Coverage(*expected_coverage(G, known))
        assert table.attrs["reason"] is None
    pd.testing.assert_frame_equal(bd, eg.block_density(known_part(G, known), "sphere"))


@pytest.mark.parametrize("seed", SEEDS)
def test_ei_index_at_every_level_counts_the_known_part(seed):
    G, known = with_unknowns(seed)
    e = sum(1 for u, v in G.edges() if u in known and v in known and known[u] != known[v])
    i = sum(1 for u, v in G.edges() if u in known and v in known and known[u] == known[v])
    ei = eg.ei_index(G, "sphere")
    assert isinstance(ei, MeasureValue) and ei.reason is None
    assert ei == pytest.approx((e - i) / (e + i))
    assert ei.coverage == Coverage(*expected_coverage(G, known))
    groups = eg.ei_index(G, "sphere", level="group")
    for g, row in groups.iterrows():
        ext = sum(1 for u, v in G.edges() if u in known and v in known and (known[u] == g) != (known[v] == g))
        inside = sum(1 for u, v in G.edges() if known.get(u) == g and known.get(v) == g)
        assert (row["external"], row["internal"]) == (ext, inside)
        assert row["ei_index"] == pytest.approx((ext - inside) / (ext + inside)) if ext + inside else np.isnan(row["ei_index"])
    actor = eg.ei_index(G, "sphere", level="actor")
    for v in G:
        nb = [u for u in G[v] if u in known]
        if v not in known or not nb:
            assert np.isnan(actor[v]), v
        else:
            ext = sum(known[u] != known[v] for u in nb)
            assert actor[v] == pytest.approx((2 * ext - len(nb)) / len(nb))
    assert actor.attrs["coverage"] == ei.coverage


def test_permutation_test_shuffles_known_actors_only():
    G, known = with_unknowns(3, n=60, p=0.1)
    H = known_part(G, known)
    ours = eg.ei_index(G, "sphere", permutations=300, seed=7)
    ref = eg.ei_index(H, "sphere", permutations=300, seed=7)  # the same test on the known part alone
    pd.testing.assert_series_equal(ours, ref)
    assert ours.attrs["coverage"].actors_known == len(known)
    groups, groups_ref = (
        eg.ei_index(G, "sphere", level="group", permutations=200, seed=2),
        eg.ei_index(H, "sphere", level="group", permutations=200, seed=2),
    )
    pd.testing.assert_frame_equal(groups, groups_ref)
    # the expected value under the known actors' group sizes (not all actors')
    sizes = pd.Series(known).value_counts()
    n = sizes.sum()
    p_cross = 1 - (sizes * (sizes - 1)).sum() / (n * (n - 1))
    big = eg.ei_index(G, "sphere", permutations=3000, seed=1)
    assert big["expected"] == pytest.approx(2 * p_cross - 1, abs=0.03)


@pytest.mark.parametrize("seed", SEEDS)
def test_participation_counts_neighbours_of_known_group(seed):
    G, known = with_unknowns(seed)
    p = eg.participation(G, "sphere")
    for v in G:
        nb = [known[u] for u in G[v] if u in known]
        if not nb:
            assert np.isnan(p[v])
            continue
        shares = pd.Series(nb).value_counts() / len(nb)
        assert p[v] == pytest.approx(1 - (shares**2).sum())
    assert p.attrs["coverage"] == Coverage(*expected_coverage(G, known), basis="actors")


def brute_force_known_roles(G: nx.Graph, known: dict) -> pd.DataFrame:
    rows = {}
    for v in G:
        if v not in known:
            rows[v] = dict.fromkeys(ROLES, np.nan)
            continue
        r = dict.fromkeys(ROLES, 0.0)
        for a, c in itertools.permutations([u for u in G[v] if u in known], 2):
            if G.has_edge(a, c):
                continue
            ga, gv, gc = known[a], known[v], known[c]
            role = (
                "coordinator"
                if ga == gv == gc
                else "itinerant"
                if ga == gc != gv
                else "gatekeeper"
                if ga != gv == gc
                else "representative"
                if ga == gv != gc
                else "liaison"
            )
            r[role] += 1
        rows[v] = r
    return pd.DataFrame(rows).T[list(ROLES)]


@pytest.mark.parametrize("seed", SEEDS)
def test_brokerage_roles_count_triads_of_three_known_groups(seed):
    G, known = with_unknowns(seed, n=30, p=0.2)
    ours = eg.brokerage_roles(G, "sphere")
    ref = brute_force_known_roles(G, known).loc[ours.index].astype(float)
    pd.testing.assert_frame_equal(ours[list(ROLES)], ref, check_index_type=False, check_dtype=False)
    b = eg.brokers(G, "sphere")
    assert b.loc[[v for v in G if v not in known], "main_role"].isna().all()
    assert b.loc[[v for v in G if v not in known], "group"].tolist() == [None] * (G.number_of_nodes() - len(known))
    assert b["known_neighbours"].to_dict() == {v: sum(u in known for u in G[v]) for v in G}
    pd.testing.assert_series_equal(b["participation"], eg.participation(G, "sphere").reindex(b.index), check_names=False)


def test_roles_keep_integers_when_every_group_is_known():
    K = nx.karate_club_graph()
    roles = eg.brokerage_roles(K, "club")
    assert (roles.dtypes == np.int64).all()
    assert roles.attrs["coverage"].complete


@pytest.mark.parametrize("seed", SEEDS)
def test_modularity_of_a_grouping_is_that_of_the_known_part(seed):
    G, known = with_unknowns(seed)
    H = known_part(G, known)
    parts = [{v for v in known if known[v] == g} for g in sorted(set(known.values()))]
    q = eg.modularity(G, "sphere")
    assert q == pytest.approx(nx.community.modularity(H, parts))
    assert q.coverage == Coverage(*expected_coverage(G, known))
    S = eg.as_sparse(H)
    assert q == pytest.approx(S.igraph().modularity(eg.group_codes(S, "sphere")[0].tolist()))


def test_communities_compare_on_actors_of_known_group():
    import igraph as ig

    for seed in SEEDS:
        G, known = with_unknowns(seed, n=80, p=0.06)
        comms = eg.detect_communities(G, seed=0)
        got = comms.compare("sphere")
        ids = [v for v in G if v in known]
        mine = comms.membership.loc[ids].tolist()
        theirs = pd.factorize(pd.Series([known[v] for v in ids]))[0].tolist()
        assert got["nmi"] == pytest.approx(ig.compare_communities(mine, theirs, method="nmi"))
        assert got["adjusted_rand"] == pytest.approx(ig.compare_communities(mine, theirs, method="adjusted_rand"))
        assert got.attrs["coverage"] == Coverage(*expected_coverage(G, known), basis="actors")
        assert comms.compare(comms).attrs["coverage"].complete


def test_compare_partitions_leaves_missing_labels_out():
    a = np.array([0, 0, 1, 1, 2, 2], dtype=object)
    b = np.array(["x", "x", "y", "", None, float("nan")], dtype=object)
    got = eg.compare_partitions(a, b)
    assert got.tolist() == eg.compare_partitions(a[:4], b[:4]).tolist() == [1.0, 1.0]
    assert got.attrs["coverage"].actors_known == 3
    nothing = eg.compare_partitions(a, np.array([None] * 6))
    assert np.isnan(nothing).all() and nothing.attrs["reason"] == "no_known_group"


def test_robustness_and_null_models_on_the_known_part():
    G, known = with_unknowns(2, n=60, p=0.1)
    H = known_part(G, known)
    r = eg.robustness(G, "ei_index", fraction=0.2, samples=20, seed=1)
    assert r.observed == pytest.approx(eg.ei_index(H, "sphere"))
    assert r.coverage == Coverage(*expected_coverage(G, known)) and r.reason is None
    assert np.isfinite(r.values).all()
    cross = sum(1 for u, v in G.edges() if u in known and v in known and known[u] != known[v])
    sizes = pd.Series(known).value_counts()
    pairs = (sizes.sum() ** 2 - (sizes**2).sum()) / 2
    tests = eg.null_model_tests(G, ["cross_group_density", "ei_index", "modularity"], samples=10, seed=0)
    assert tests[0].observed == pytest.approx(cross / pairs)
    assert tests[1].observed == pytest.approx(eg.ei_index(H, "sphere"))
    assert tests[0].coverage == tests[1].coverage == r.coverage and tests[2].coverage is None
    assert tests[0].to_series()["tie_coverage"] == pytest.approx(r.coverage.tie_share)
    # the grouping may be any form, here a partition given as a mapping
    q = eg.robustness(G, "group_modularity", attr=known, samples=5, seed=0)
    assert q.observed == pytest.approx(eg.modularity(G, "sphere"))


def test_headline_measures_and_evolution_say_what_they_rest_on():
    G, known = with_unknowns(4)
    h = eg.headline_measures(G)
    assert h["ei_index"] == pytest.approx(eg.ei_index(known_part(G, known), "sphere"))
    assert h["group_modularity"] == pytest.approx(eg.modularity(known_part(G, known), "sphere"))
    assert (h["group_known_actors"], h["group_known_ties"]) == expected_coverage(G, known)[::2]
    assert h.attrs["reasons"] == {"ei_index": None, "group_modularity": None}
    eco = eg.datasets.synthetic(800, seed=2)
    ev = eg.evolution(eco, [2010, 2018])
    S = eco.sparse_graph(as_of=2018)
    known_2018 = (S.attributes["sphere"].fillna("").str.strip() != "").to_numpy()
    assert not known_2018.all()  # the synthetic data leave some spheres empty
    u, v, _ = S.edges()
    assert ev.loc[2018, "group_known_actors"] == known_2018.sum()
    assert ev.loc[2018, "group_known_ties"] == (known_2018[u] & known_2018[v]).sum()
    # a grouping given as a Series of all actors is cut to each year's actors
    by_series = eg.evolution(eco, [2010, 2018], attr=eco.actors["sphere"])
    pd.testing.assert_frame_equal(ev, by_series)


def small_ecosystem(spheres: dict) -> eg.Ecosystem:
    actors = pd.DataFrame(
        {
            "id": list(spheres),
            "name": [s.upper() for s in spheres],
            "kind": "initiative",
            "sphere": list(spheres.values()),
            "source": "notes",
        }
    )
    ties = pd.DataFrame({"source": ["a"], "target": ["b"], "type": ["partnership"], "evidence": ["notes"]})
    people = pd.DataFrame({"id": ["p1", "p2", "p3", "p4"], "name": ["P1", "P2", "P3", "P4"], "source": "notes"})
    moves = [("p1", "a", "b"), ("p2", "a", "c"), ("p3", "c", "b"), ("p4", "c", "d")]
    rows = []
    for person, first, second in moves:
        rows += [(person, first, "employee", "2010", "2012", "notes"), (person, second, "employee", "2013", "", "notes")]
    affiliations = pd.DataFrame(rows, columns=["person", "actor", "role", "start", "end", "source"])
    return eg.from_frames(actors, ties, people, affiliations, name="small")


def test_flow_table_has_no_group_for_the_unknown():
    eco = small_ecosystem({"a": "finance", "b": "support", "c": "", "d": ""})
    flows = eg.people_flows(eco)
    assert flows[["person", "source_sphere", "target_sphere"]].values.tolist() == [
        ["p1", "finance", "support"],
        ["p2", "finance", None],
        ["p3", None, "support"],
        ["p4", None, None],
    ]
    t = eg.flow_table(eco)
    assert list(t.index) == list(t.columns) == ["finance", "support"]  # no row named ''
    assert t.loc["finance", "support"] == 1 and t.to_numpy().sum() == 1
    assert t.attrs["from_unknown"] == {"finance": 0, "support": 1}
    assert t.attrs["to_unknown"] == {"finance": 1, "support": 0}
    assert t.attrs["unknown_to_unknown"] == 1
    assert t.attrs["coverage"] == Coverage(2, 4, 1, 4, "ties", "moves")
    by_mapping = eg.flow_table(eco, attr={"a": "x", "b": "x", "d": "y"})
    assert by_mapping.index.name == "from_group" and by_mapping.loc["x", "x"] == 1
    assert by_mapping.attrs["coverage"] == Coverage(3, 4, 1, 4, "ties", "moves")


# --- what cannot be computed says so -------------------------------------------------------


@pytest.mark.parametrize(
    ("spheres", "reason"),
    [
        ({0: "", 1: None, 2: float("nan"), 3: " "}, "no_known_group"),
        ({0: "a", 1: "a", 2: "a", 3: ""}, "one_known_group"),
        ({0: "a", 1: "", 2: "b", 3: ""}, "no_known_tie"),  # path 0-1-2-3: every tie has an unknown end
    ],
)
def test_nothing_to_compute_gives_the_reason_not_a_number(spheres, reason):
    G = nx.path_graph(4)
    nx.set_node_attributes(G, spheres, "sphere")
    for value in (eg.ei_index(G, "sphere"), eg.modularity(G, "sphere")):
        assert isinstance(value, MeasureValue) and math.isnan(value) and value.reason == reason and not value.computable
        assert value.coverage == Coverage(
            sum(1 for x in spheres.values() if isinstance(x, str) and x.strip()), 4, value.coverage.ties_known, 3
        )
    test = eg.ei_index(G, "sphere", permutations=50)
    assert test[["observed", "expected", "std", "p_greater", "p_less"]].isna().all() and test.attrs["reason"] == reason
    groups = eg.ei_index(G, "sphere", level="group", permutations=20)
    assert groups["ei_index"].isna().all() and groups.attrs["reason"] == reason
    assert eg.ei_index(G, "sphere", level="actor").isna().all()
    agreement = eg.detect_communities(G, seed=0).compare("sphere")
    if reason != "no_known_tie":  # agreement needs known groups, not ties
        assert agreement.isna().all() and agreement.attrs["reason"] == reason
    r = eg.robustness(G, "ei_index", samples=10)
    assert math.isnan(r.observed) and r.reason == reason and math.isnan(r.mean) and math.isnan(r.ci_low)
    assert r.to_series()["reason"] == reason
    for t in eg.null_model_tests(G, ["ei_index", "cross_group_density", "group_modularity"], samples=10):
        assert math.isnan(t.observed) and t.reason == reason
        assert all(math.isnan(x) for x in (t.mean, t.std, t.z, t.p_greater, t.p_less))
    h = eg.headline_measures(G)
    assert np.isnan(h["ei_index"]) and h.attrs["reasons"]["ei_index"] == reason
    if reason == "no_known_group":
        assert eg.block_density(G, "sphere").empty and eg.mixing_matrix(G, "sphere").attrs["reason"] == reason
        assert eg.participation(G, "sphere").isna().all()


def test_dijon_ei_index_is_not_a_number_without_a_tie_between_known_spheres():
    """Read live: another pass may add spheres; the claim is checked against the data as they are."""
    eco = eg.datasets.dijon()
    G = eco.graph()
    sphere = eco.actors["sphere"].fillna("").astype(str).str.strip()
    known = set(sphere.index[sphere != ""])
    known_ties = [(u, v) for u, v in G.edges() if u in known and v in known]
    ei = eg.ei_index(G, "sphere")
    assert ei.coverage == Coverage(len(known), G.number_of_nodes(), len(known_ties), G.number_of_edges())
    if not known_ties:
        assert math.isnan(ei) and ei.reason == "no_known_tie"
        assert math.isnan(eg.ei_index(eco.sparse_graph(), "sphere", permutations=100)["observed"])
    else:
        e = sum(sphere[u] != sphere[v] for u, v in known_ties)
        assert ei == pytest.approx((2 * e - len(known_ties)) / len(known_ties))
    # the unknown sphere is never a group of its own
    assert "" not in eg.block_density(G, "sphere").index and "" not in eg.flow_table(eco).index
    assert ei.coverage.is_sufficient() == (len(known_ties) >= MIN_COVERAGE * G.number_of_edges())


# --- coverage ----------------------------------------------------------------------------------


def test_coverage_counts_and_threshold():
    G, known = with_unknowns(0)
    c = eg.group_coverage(G, "sphere")
    assert (c.actors_known, c.actors, c.ties_known, c.ties) == expected_coverage(G, known)
    assert c.tie_share == c.ties_known / c.ties and c.share == c.tie_share
    assert c.is_sufficient(0.0) and not c.is_sufficient(1.0)
    assert c.needed(1.0) == c.ties - c.ties_known and c.needed(0.0) == 0
    assert eg.group_coverage(G, "sphere", basis="actors").needed(1.0) == c.actors - c.actors_known
    assert not Coverage(0, 3, 0, 0).is_sufficient(0.0)  # no tie: nothing to rest on
    assert Coverage(10, 10, 80, 100).is_sufficient() and not Coverage(10, 10, 79, 100).is_sufficient()
    assert Coverage(10, 10, 79, 100).needed() == 1
    karate = eg.group_coverage(nx.karate_club_graph(), "club")
    assert karate.complete and karate.share == 1.0


def test_unknown_actors_ranks_whose_group_unlocks_most_ties():
    G, known = with_unknowns(1)
    table = eg.unknown_actors(G, "sphere")
    assert set(table.index) == set(G) - set(known)
    for v, row in table.iterrows():
        assert row["ties_to_known"] == sum(u in known for u in G[v]) and row["degree"] == G.degree(v)
    assert table["ties_to_known"].is_monotonic_decreasing


def test_sparse_route_from_tables_agrees():
    eco = eg.datasets.synthetic(1500, seed=3)
    G, S = eco.graph(), eco.sparse_graph()
    assert eg.ei_index(G) == pytest.approx(eg.ei_index(S))
    assert eg.ei_index(G).coverage == eg.ei_index(S).coverage
    assert not eg.ei_index(S).coverage.complete
    pd.testing.assert_frame_equal(eg.block_density(G), eg.block_density(S))
