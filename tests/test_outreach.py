"""Outreach: the worklist is readable and sound, what-if and key players are right."""

from __future__ import annotations

import networkx as nx
import openpyxl
import pandas as pd
import pytest

import ecograph as eg
from ecograph.errors import GraphError, MissingAttributeError, UnknownActorError


@pytest.fixture(scope="module")
def dijon():
    return eg.datasets.dijon()


@pytest.fixture(scope="module")
def worklist(dijon):
    return eg.outreach_worklist(dijon, k=3)


def test_worklist_rows_are_readable_and_sound(dijon, worklist):
    G = dijon.graph()
    iso = eg.isolated_actors(G)
    assert set(iso.index) <= set(worklist.index)
    main = max(nx.connected_components(G), key=len)
    for actor, row in worklist.iterrows():
        assert isinstance(row["reason"], str) and row["reason"], actor
        intro = [row[f"introducer_{r}"] for r in (1, 2, 3) if isinstance(row[f"introducer_{r}"], str)]
        # at least one introducer whenever someone could be one
        assert intro, actor
        assert actor not in intro
        assert not any(G.has_edge(actor, x) for x in intro), actor
        assert len(set(intro)) == len(intro)
        for r, x in enumerate(intro, start=1):
            assert isinstance(row[f"why_{r}"], str) and row[f"why_{r}"]
            assert G.nodes[x]["kind"] not in ("programme", "event")
    # isolated actors brought into the main component: the effect says how many they would reach
    isolated = worklist[worklist["degree"] == 0]
    first = isolated["introducer_1"].map(lambda x: x in main)
    assert (isolated.loc[first, "newly_reachable_1"] == len(main)).all()


def test_worklist_spreads_introductions(worklist):
    counts = worklist["introducer_1"].value_counts()
    assert counts.iloc[0] <= len(worklist) / 3  # nobody is asked to introduce everyone


def test_suggestions_have_effects_computed_by_hand():
    G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")])
    G.add_node("z")
    nx.set_node_attributes(G, {"a": "p", "b": "p", "c": "q", "x": "p", "y": "q", "z": "p"}, "sphere")
    nx.set_node_attributes(G, "initiative", "kind")
    s = eg.suggest_introducers(G, ["z"], k=5)
    assert set(s["introducer"]) <= {"a", "b", "c", "x", "y"}
    row = s.set_index("introducer").loc["a"]
    assert row["components_merged"] == 1 and row["newly_reachable"] == 3 and row["load_paths"] == 2
    # E-I before: cross ties b-c, c-a, x-y and one inside (a-b): (3 - 1)/4 = 0.5; with z-a inside: (3 - 2)/5 = 0.2
    assert row["ei_change"] == pytest.approx(0.2 - 0.5)
    assert row["density_change"] == pytest.approx(2 / (6 * 5))
    assert row["same_sphere"] and "same sphere (p)" in row["why"]


def test_common_neighbours_and_adamic_adar_match_networkx():
    G = eg.datasets.synthetic(600, seed=5).graph(provenance=False, via_people=False)
    actors = [n for n in G if G.degree(n) >= 2][:20]
    s = eg.suggest_introducers(G, actors, k=10)
    for row in s.itertuples():
        assert row.common_neighbours == len(list(nx.common_neighbors(G, row.actor, row.introducer)))
        ((_, _, aa),) = nx.adamic_adar_index(G, [(row.actor, row.introducer)])
        assert row.adamic_adar == pytest.approx(aa, abs=1e-5)


def test_overloaded_brokers_rank_lower():
    # two candidates with four ties each: "broker" holds leaves to a clique, "member" sits inside the clique
    G = nx.complete_graph(["a", "b", "c", "member"])
    G.add_edges_from([("member", "d"), ("broker", "a"), ("broker", "e"), ("broker", "f"), ("broker", "g")])
    G.add_node("t")
    nx.set_node_attributes(G, "p", "sphere")
    nx.set_node_attributes(G, "initiative", "kind")
    assert G.degree("broker") == G.degree("member") == 4
    s = eg.suggest_introducers(G, ["t"], k=8).set_index("introducer")
    assert s.loc["broker", "introducer_betweenness"] > s.loc["member", "introducer_betweenness"]
    assert s.loc["broker", "rank"] > s.loc["member", "rank"]
    assert "already a major broker" in s.loc["broker", "why"]


def test_worklist_bad_input():
    G = nx.path_graph(4)
    with pytest.raises(MissingAttributeError, match="sphere"):
        eg.outreach_worklist(G)
    with pytest.raises(GraphError, match="empty"):
        eg.outreach_worklist(nx.Graph())
    nx.set_node_attributes(G, "p", "sphere")
    with pytest.raises(UnknownActorError, match="ghost"):
        eg.suggest_introducers(G, ["ghost"])


def test_what_if(dijon):
    G = dijon.graph()
    w = eg.what_if(G, add=[("gaia", "creativ-21")])
    assert w.loc["isolates", "change"] == -1 and w.loc["ties", "change"] == 1
    assert w.loc["density", "change"] == pytest.approx(2 / (108 * 107))
    r = eg.what_if(G, remove=["creativ-21"])
    assert r.loc["actors", "after"] == 107
    t = eg.what_if(G, remove=[("premice", "toaster-lab")])
    assert t.loc["components", "change"] == 1
    new = eg.what_if(G, add=[("newbie", "creativ-21")], add_actors={"newbie": {"sphere": "production"}})
    assert new.loc["actors", "change"] == 1 and new.loc["ties", "change"] == 1
    assert list(w.columns) == ["before", "after", "change"]
    with pytest.raises(UnknownActorError, match="'ghost' is not in the graph"):
        eg.what_if(G, add=[("ghost", "creativ-21")])
    with pytest.raises(GraphError, match="no such tie"):
        eg.what_if(G, remove=[("gaia", "creativ-21")])
    with pytest.raises(GraphError, match="add_actors"):
        eg.what_if(G, add=["gaia"])


def test_key_players_match_brute_force():
    G = eg.datasets.synthetic(150, seed=3).graph(provenance=False, via_people=False)

    def reachable_pairs(H):
        return sum(len(c) * (len(c) - 1) // 2 for c in nx.connected_components(H))

    base = reachable_pairs(G)
    kp = eg.key_players(G, k=3)
    removed = []
    for row in kp.itertuples():
        H = G.copy()
        H.remove_nodes_from(removed)
        best = max(reachable_pairs(H) - reachable_pairs(nx.restricted_view(H, [v], [])) for v in H)
        H2 = H.copy()
        H2.remove_node(row.actor)
        assert reachable_pairs(H) - reachable_pairs(H2) == best  # the greedy choice
        removed.append(row.actor)
        assert row.pairs_disconnected == pytest.approx(1 - reachable_pairs(G.subgraph(set(G) - set(removed))) / base)
    assert kp["pairs_disconnected"].is_monotonic_increasing


def test_key_players_on_dijon_name_roles(dijon):
    kp = eg.key_players(dijon.graph(), k=3)
    assert list(kp.columns) == ["step", "actor", "name", "kind", "role", "pairs_disconnected", "largest_component_share", "groups_cut_off"]
    assert kp["role"].str.contains("cut point").all()
    assert (kp["groups_cut_off"] >= 0).all()


def test_xlsx_and_csv_exports(tmp_path, dijon, worklist):
    from ecograph.cli import main

    out = tmp_path / "worklist.xlsx"
    assert main(["outreach", "dijon", "-o", str(out), "--lang", "fr"]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Tous", "Consommation", "Finance", "Innovation", "Structures d'accompagnement", "Sphère inconnue"]
    header = [c.value for c in wb["Tous"][1]]
    assert header[:5] == ["identifiant", "nom", "sphère", "type", "pourquoi sur la liste"]
    assert "nom de l'introducteur 1" in header and "pourquoi cet introducteur 3" in header
    assert wb["Tous"].max_row == len(worklist) + 1
    assert sum(wb[s].max_row - 1 for s in wb.sheetnames[1:]) == len(worklist)
    assert "aucun lien connu" in [c.value for c in wb["Tous"]["E"]]
    csv_path = tmp_path / "worklist.csv"
    assert main(["outreach", "dijon", "-o", str(csv_path), "--lang", "en"]) == 0
    table = pd.read_csv(csv_path)
    assert list(table.columns[:3]) == ["actor id", "name", "sphere"] and len(table) == len(worklist)


def test_view_shows_suggestions_and_key_players(dijon, worklist):
    G = dijon.graph()
    pairs = [(a, r["introducer_1"]) for a, r in worklist.head(5).iterrows()]
    kp = eg.key_players(G, k=2)
    v = eg.view(G, suggested_ties=pairs, key_players=kp["actor"])
    assert sum(e["types"] == ["suggested"] for e in v.edges) == 5
    marked = next(h for h in v.highlights if h["key"] == "key_players")
    assert marked["on"] and len(marked["nodes"]) == 2


def test_worklist_is_deterministic():
    eco = eg.datasets.synthetic(1500, seed=8)
    a = eg.outreach_worklist(eco, seed=1)
    b = eg.outreach_worklist(eco, seed=1)
    pd.testing.assert_frame_equal(a, b)
    assert len(a) > 50


def test_csv_worklist_is_safe_to_open_in_a_spreadsheet(tmp_path):
    G = nx.Graph([("a", "b"), ("b", "c")])
    G.add_node("d")
    nx.set_node_attributes(G, {"a": '=HYPERLINK("http://x")', "b": "B", "c": "C", "d": "@SUM(1)"}, "name")
    nx.set_node_attributes(G, "p", "sphere")
    nx.set_node_attributes(G, "initiative", "kind")
    from ecograph.outreach import write_worklist

    path = write_worklist(eg.outreach_worklist(G), tmp_path / "w.csv")
    table = pd.read_csv(path)
    assert "'@SUM(1)" in table["name"].tolist()
    assert not any(str(v).startswith(("=", "@", "+")) for v in table.to_numpy().ravel())
    xlsx = write_worklist(eg.outreach_worklist(G), tmp_path / "w.xlsx")
    cells = [c for row in openpyxl.load_workbook(xlsx)["All"].iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells) and "@SUM(1)" in [c.value for c in cells]
