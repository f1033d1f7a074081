"""Views without a browser: the visual grammar, layouts, options, errors."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

import ecograph as eg
from ecograph.errors import GraphError, UnknownActorError
from ecograph.style import SPHERE_COLORS, resolve_colors


def test_sphere_colours_are_fixed_everywhere():
    G = nx.path_graph(5)
    nx.set_node_attributes(G, dict(enumerate(["support", "finance", "innovation", "production", "consumption"])), "sphere")
    _colors, legend = resolve_colors(G, "sphere")
    assert legend == {s: SPHERE_COLORS[s] for s in SPHERE_COLORS}  # in the fixed order
    v = eg.view(G)
    assert [n["color"] for n in v.nodes] == [SPHERE_COLORS[s] for s in ["support", "finance", "innovation", "production", "consumption"]]
    # the same colour whatever the other actors are
    H = nx.Graph([(0, 1)])
    nx.set_node_attributes(H, {0: "finance", 1: "mystery"}, "sphere")
    assert resolve_colors(H, "sphere")[0][0] == SPHERE_COLORS["finance"]


def test_every_form_of_visual_variable():
    eco = eg.datasets.tiny()
    G = eco.graph()
    comms = eg.detect_communities(G, seed=0)
    forms = {
        "attribute": "kind",
        "mapping": {"fablab": "x", "coop": "y"},
        "series": pd.Series({"fablab": 1.0, "coop": 2.0}),
        "set": {"fablab", "coop"},
        "partition": comms,
        "sets": comms.communities(),
        "callable": lambda n, d: d.get("scope"),
    }
    for name, spec in forms.items():
        v = eg.view(G, color=spec, size=spec if name in ("series",) else None)
        assert len({n["color"] for n in v.nodes}) >= 2, name
    v = eg.view(G, size=eg.betweenness(G), node_size_range=(5, 50))
    sizes = {n["key"]: n["size"] for n in v.nodes}
    assert min(sizes.values()) == 5 and max(sizes.values()) == 50
    v = eg.view(G, color={"fablab": "a"}, node_color_palette={"a": "#123456"}, default_node_color="#ABCDEF")
    colors = {n["key"]: n["color"] for n in v.nodes}
    assert colors["fablab"] == "#123456" and colors["coop"] == "#ABCDEF"


def test_layout_is_seeded_reusable_and_packs_components():
    G = eg.datasets.synthetic(800, seed=1).graph(provenance=False)
    a, b, c = eg.layout(G, seed=1), eg.layout(G, seed=1), eg.layout(G, seed=2)
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(c)
    v = eg.view(G, layout=a)
    assert [(n["x"], n["y"]) for n in v.nodes] == list(zip(a.loc[list(G), "x"], a.loc[list(G), "y"]))
    # isolates sit below the main component, not scattered across it
    main = max(nx.connected_components(G), key=len)
    iso = list(nx.isolates(G))
    assert a.loc[iso, "y"].min() > a.loc[list(main), "y"].max()


def test_view_options():
    eco = eg.datasets.tiny()
    G = eco.graph()
    v = eg.view(G, highlight=["bridges", "cut_points", "isolated", "brokers", ("my set", {"coop"})], highlight_on=["isolated"])
    keys = {h["key"]: h for h in v.highlights}
    assert set(keys) == {"bridges", "cut_points", "isolated", "brokers", "custom-4"}
    assert keys["isolated"]["on"] and not keys["bridges"]["on"]
    assert len(keys["bridges"]["edges"]) == len(eg.bridges(G))
    ids = {n["id"]: n["key"] for n in v.nodes}
    assert {ids[i] for i in keys["cut_points"]["nodes"]} == set(eg.cut_points(G).index)
    s = eg.view(G, suggested_ties=pd.DataFrame({"source": ["loner"], "target": ["coop"]}), key_players=["fablab"])
    suggested = [e for e in s.edges if e["types"] == ["suggested"]]
    assert len(suggested) == 1 and suggested[0]["dashes"]
    assert {h["key"]: h["on"] for h in s.highlights} == {"key_players": True}
    with pytest.raises(UnknownActorError):
        eg.view(G, suggested_ties=[("loner", "ghost")])
    with pytest.raises(ValueError, match="unknown highlight"):
        eg.view(G, highlight=["hubs"])


def test_people_only_links_are_dashed_and_moves_are_arrows():
    eco = eg.datasets.tiny()
    v = eg.view(eco.graph())
    by_pair = {(v.nodes[e["from"]]["key"], v.nodes[e["to"]]["key"]): e for e in v.edges}
    assert by_pair[("incubator", "lab")]["dashes"] is True
    assert by_pair[("incubator", "fablab")]["dashes"] is False
    p = eg.view(eco.affiliation_graph())
    moves = [e for e in p.edges if e["types"] == ["move"]]
    assert [(p.nodes[e["from"]]["key"], p.nodes[e["to"]]["key"], e["label"]) for e in moves] == [("incubator", "lab", "2018")]
    assert {n["shape"] for n in p.nodes if n["key"].startswith("person:")} == {"diamond"}


def test_pseudonymised_view_contains_no_person_name_or_id():
    eco = eg.datasets.tiny()
    for G in (eco.graph(), eco.affiliation_graph()):
        page = eg.view(G, pseudonymise_people=True).to_html()
        for pid, name in zip(eco.people.index, eco.people["name"]):
            assert name not in page
            assert f'"{pid}"' not in page and f"person:{pid}" not in page
        assert "Person 1" in page


def test_ego_and_community_views():
    G = eg.datasets.dijon().graph()
    ego = eg.view_ego(G, "premice", radius=1)
    assert sorted(n["key"] for n in ego.nodes) == ["premice", "toaster-lab", "village-by-ca"]
    assert ego.title == "PREMICE"
    with pytest.raises(UnknownActorError, match="'nobody' is not in the graph"):
        eg.view_ego(G, "nobody")
    big = eg.datasets.synthetic(6000, seed=1).graph(provenance=False)
    v = eg.view(big)  # above the threshold: one node per community
    comms = eg.detect_communities(big, seed=0)
    assert len(v.nodes) == comms.n_communities
    assert sum(int(n["card"][0][1]) for n in v.nodes) == 6000
    assert v.synthetic
    # drill down into the largest community, with its outside contacts marked
    one = eg.view_community(big, comms, 0, with_neighbours=True)
    members = set(comms.membership.index[comms.membership == 0])
    keys = {n["key"] for n in one.nodes}
    assert members <= keys and all(str(m) in keys for m in members)
    outside = [n for n in one.nodes if n["key"] not in members]
    assert outside and all(n["borderWidth"] == 3 for n in outside)
    with pytest.raises(ValueError, match="no community"):
        eg.view_community(big, comms, 10_000)


def test_bad_graphs_are_refused():
    with pytest.raises(GraphError, match="directed"):
        eg.view(nx.DiGraph([(0, 1)]))
    with pytest.raises(GraphError, match="empty"):
        eg.view(nx.Graph())
    with pytest.raises(GraphError, match="Ecosystem"):
        eg.view(eg.datasets.tiny())
    with pytest.raises(ValueError, match="lang"):
        eg.view(nx.path_graph(2), lang="de")


def test_view_does_not_change_the_callers_graph():
    G = eg.datasets.tiny().graph()
    before = (dict(G.nodes(data=True)), {(u, v): dict(d) for u, v, d in G.edges(data=True)})
    eg.view(G, size=eg.betweenness(G), highlight=["bridges", "brokers"])
    after = (dict(G.nodes(data=True)), {(u, v): dict(d) for u, v, d in G.edges(data=True)})
    assert before == after


def test_write_html_is_utf8_and_self_contained(tmp_path):
    G = nx.Graph([("a", "b")])
    nx.set_node_attributes(G, {"a": "Café Pirouette", "b": "Gaïa"}, "name")
    path = eg.view(G, title="Réseau").write_html(tmp_path / "sub" / "v.html")
    raw = path.read_bytes()
    assert "Café Pirouette".encode() in raw and "Réseau".encode() in raw
    text = raw.decode("utf-8")
    assert "<script src" not in text and "<link" not in text and "@import" not in text
    assert "default-src 'none'" in text
