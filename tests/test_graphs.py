"""Graph building: tie aggregation, the people projection, snapshots, the bipartite graph."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

import ecograph as eg
from conftest import actor, tie
from ecograph.errors import EcographError
from ecograph.graphs import network_snapshots
from ecograph.sparse import SparseGraph


def edge_key(G):
    return {tuple(sorted(e)) for e in G.edges}


def test_premice_moves_projection_matches_hand_built_graph():
    eco = eg.datasets.dijon()
    P = eco.graph(via_people=True)
    T = eco.graph(via_people=False)
    # built by hand from the study: former PREMICE staff moved to Toaster Lab and Village by CA,
    # and a member of the study team belongs both to Amnyos and the RGCS.
    expected = nx.Graph()
    expected.add_edge("premice", "toaster-lab", kind="moved", person="premice-alumni-a", year=2018)
    expected.add_edge("premice", "village-by-ca", kind="moved", person="premice-alumni-b", year=2018)
    expected.add_edge("amnyos", "rgcs", kind="shared", person="study-team-member-m", year=2016)
    added = edge_key(P) - edge_key(T)
    assert added == edge_key(expected)
    for u, v, want in expected.edges(data=True):
        links = P[u][v]["people_links"]
        assert len(links) == 1
        got = links[0]
        assert (got["kind"], got["person"], got["year"]) == (want["kind"], want["person"], want["year"])
        if want["kind"] == "moved":  # direction: from PREMICE to the new structure
            assert (got["source"], got["target"]) == ("premice", v if u == "premice" else u)
        assert P[u][v]["types"] == ["people"]
        assert P[u][v]["n_ties"] == 0 and P[u][v]["weight"] == 1.0


def test_people_links_table(make_dataset):
    people = [["p1", "A", "n"], ["p2", "B", "n"], ["p3", "C", "n"]]
    affiliations = [
        ["p1", "a", "employee", "2010", "2014", "n"],  # moves a -> b in 2014
        ["p1", "b", "employee", "2014", "", "n"],
        ["p2", "a", "board", "2012", "", "n"],  # shared a & c from 2015
        ["p2", "c", "member", "2015", "2019", "n"],
        ["p3", "b", "volunteer", "", "", "n"],  # undated: shared, year unknown
        ["p3", "c", "volunteer", "", "", "n"],
        ["p1", "a", "board", "2016", "", "n"],  # p1 came back to a's board: shared with b
    ]
    eco = eg.load(make_dataset(people=people, affiliations=affiliations))
    links = eco.people_links()
    got = {(r.source, r.target, r.person, r.kind, None if pd.isna(r.year) else int(r.year)) for r in links.itertuples()}
    assert got == {
        ("a", "b", "p1", "moved", 2014),
        ("a", "b", "p1", "shared", 2016),
        ("a", "c", "p2", "shared", 2015),
        ("b", "c", "p3", "shared", None),
    }
    G = eco.graph()
    assert G["a"]["b"]["people"] == ["p1"] and G["a"]["b"]["n_people"] == 1
    assert len(G["a"]["b"]["people_links"]) == 2
    assert G["a"]["b"]["weight"] == 2.0  # one tie (weight 1) + one person


def test_overlapping_periods_are_shared_not_moved(make_dataset):
    eco = eg.load(
        make_dataset(
            people=[["p", "P", "n"]],
            affiliations=[["p", "a", "employee", "2012", "2018", "n"], ["p", "b", "employee", "2015", "", "n"]],
        )
    )
    assert eco.people_links()["kind"].tolist() == ["shared"]


def test_ties_are_aggregated_per_pair(make_dataset):
    ties = [
        tie("a", "b", "partnership", evidence="e1"),
        tie("b", "a", "funding", weight="2.5", evidence="e2"),
        tie("a", "b", "partnership", evidence="e1"),
    ]
    eco = eg.load(make_dataset(ties=ties))
    G = eco.graph()
    assert isinstance(G, nx.Graph) and not G.is_directed() and not G.is_multigraph()
    data = G["a"]["b"]
    assert data["types"] == ["funding", "partnership"]
    assert data["n_ties"] == 3 and data["weight"] == pytest.approx(4.5)
    assert data["evidence"] == ["e1", "e2"]
    # parallel rows of one direction and type are one record, with their count
    assert [(t["source"], t["target"], t["type"], t["n"]) for t in data["ties"]] == [
        ("a", "b", "partnership", 2),
        ("b", "a", "funding", 1),
    ]
    assert eco.vocabulary.is_directed("funding") and not eco.vocabulary.is_directed("partnership")


def test_parallel_ties_are_one_record_with_their_span(make_dataset):
    ties = [
        tie("a", "b", "partnership", start="2014", end="2015", evidence="e1"),
        tie("a", "b", "partnership", start="2012", end="2013", evidence="e2"),
        tie("a", "b", "partnership", start="2016", end="2018", evidence="e3"),
        tie("a", "c", "partnership", start="2016", evidence="e1"),
        tie("a", "c", "partnership", start="2012", end="2013", evidence="e1"),
    ]
    G = eg.load(make_dataset(ties=ties)).graph()
    (ab,) = G["a"]["b"]["ties"]
    assert (ab["start"], ab["end"], ab["n"], ab["weight"], ab["evidence"]) == ("2012", "2018", 3, 3.0, "e1")
    assert G["a"]["b"]["n_ties"] == 3 and G["a"]["b"]["evidence"] == ["e1", "e2", "e3"]
    (ac,) = G["a"]["c"]["ties"]
    assert (ac["start"], ac["end"]) == ("2012", "")  # still lasting: the span stays open


def test_nodes_carry_every_actor_column(make_dataset):
    eco = eg.load(make_dataset(actors=[actor("a", sphere="finance", founded="2015", lat="47.3", lon="5.0"), actor("b"), actor("c")]))
    G = eco.graph()
    assert G.nodes["a"] == {
        "name": "A",
        "kind": "initiative",
        "sphere": "finance",
        "scope": "",
        "founded": 2015,
        "commune": "",
        "lat": 47.3,
        "lon": 5.0,
        "website": "",
        "description": "",
        "source": "test notes",
        "sphere_status": "",
        "sphere_basis": "",
        "addresses": "",
        "observer": "",
    }
    assert type(G.nodes["a"]["founded"]) is int
    assert "founded" not in G.nodes["b"]  # missing numbers are left out


def test_tie_types_filter(make_dataset):
    eco = eg.load(make_dataset(ties=[tie("a", "b", "partnership"), tie("b", "c", "support")]))
    assert edge_key(eco.graph(tie_types=["support"])) == {("b", "c")}
    assert edge_key(eco.graph(tie_types="partnership")) == {("a", "b")}
    with pytest.raises(EcographError, match="unknown tie type"):
        eco.graph(tie_types=["friendship"])


def test_snapshot_semantics(make_dataset):
    actors = [actor("old", founded="2000"), actor("new", founded="2016"), actor("gone", founded="2005", closed="2012"), actor("undated")]
    ties = [
        tie("old", "new", start="2016"),
        tie("old", "gone", start="2006", end="2012"),
        tie("old", "undated", start="2014", end="2015-06"),
        tie("new", "undated"),
    ]
    people = [["p", "P", "n"], ["q", "Q", "n"]]
    affiliations = [
        ["p", "gone", "employee", "2008", "2012", "n"],
        ["p", "new", "employee", "2016", "", "n"],  # moved gone -> new in 2016, but gone has closed by then
        ["q", "old", "employee", "2001", "2013", "n"],
        ["q", "undated", "employee", "2013", "", "n"],  # moved old -> undated in 2013
    ]
    eco = eg.load(make_dataset(actors=actors, ties=ties, people=people, affiliations=affiliations))
    g2010 = eco.graph(as_of=2010)
    assert set(g2010.nodes) == {"old", "gone", "undated"}
    assert edge_key(g2010) == {("gone", "old")}
    g2012 = eco.graph(as_of=2012)
    assert edge_key(g2012) == {("gone", "old")}  # the tie ends in 2012: still active that year
    g2013 = eco.graph(as_of=2013)
    assert set(g2013.nodes) == {"old", "undated"}
    assert edge_key(g2013) == {("old", "undated")}
    assert g2013["old"]["undated"]["types"] == ["people"]
    g2015 = eco.graph(as_of=2015)
    assert g2015["old"]["undated"]["types"] == ["partnership", "people"]
    g2016 = eco.graph(as_of=2016)
    assert set(g2016.nodes) == {"old", "new", "undated"}
    assert edge_key(g2016) == {("new", "old"), ("new", "undated"), ("old", "undated")}
    assert g2016["old"]["undated"]["types"] == ["people"]  # the 2014-2015 tie is over; the move stays
    assert g2016.graph["as_of"] == 2016
    # the snapshots of several years at once (as the evolution reads them) are those of each year, in the order asked
    expected = {2016: edge_key(g2016), 2010: {("gone", "old")}, 2013: {("old", "undated")}, 2012: {("gone", "old")}}
    for year, tables in zip(expected, network_snapshots(eco, list(expected))):
        S = SparseGraph.from_network_tables(tables, eco, as_of=year)
        u, v, _ = S.edges()
        assert {tuple(sorted((S.nodes[a], S.nodes[b]))) for a, b in zip(u, v)} == expected[year], year
    people_only = [{tuple(sorted(p)) for p in zip(t.links["source"], t.links["target"])} for t in network_snapshots(eco, [2012, 2013])]
    assert people_only == [set(), {("old", "undated")}]


def test_affiliation_graph_is_bipartite(make_dataset):
    eco = eg.datasets.tiny()
    B = eco.affiliation_graph()
    assert nx.is_bipartite(B)
    people = {n for n, d in B.nodes(data=True) if d["node_type"] == "person"}
    assert people == {"person:p1", "person:p2"}
    assert set(B["person:p2"]) == {"incubator", "network"}
    assert B["person:p2"]["incubator"]["roles"] == ["board"]
    # projecting the bipartite graph on actors gives the actor pairs linked by people
    proj = nx.bipartite.projected_graph(B, [n for n in B if n not in people])
    assert edge_key(proj) == {tuple(sorted(p)) for p in eco.people_links()[["source", "target"]].values.tolist()}
    assert set(eco.affiliation_graph(as_of=2013)["person:p1"]) == {"incubator"}


def test_graph_does_not_share_mutable_state():
    eco = eg.datasets.tiny()
    G = eco.graph()
    G.nodes["fablab"]["name"] = "changed"
    G["incubator"]["fablab"]["types"].append("x")
    assert eco.actors.loc["fablab", "name"] == "Fab lab"
    assert eco.graph()["incubator"]["fablab"]["types"] == ["support"]
