"""Views without a browser: the visual grammar, layouts, options, errors."""

from __future__ import annotations

import json

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import ecograph as eg
from ecograph.errors import GraphError, UnknownActorError
from ecograph.views.style import SPHERE_COLORS, resolve_colors


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


def test_a_given_layout_is_used_and_completed():
    G = eg.datasets.synthetic(800, seed=1).graph(provenance=False)
    a = eg.layout(G, seed=1)
    v = eg.view(G, layout=a)
    assert [(n["x"], n["y"]) for n in v.nodes] == list(zip(a.loc[list(G), "x"], a.loc[list(G), "y"]))
    pd.testing.assert_frame_equal(v.positions, a.loc[list(G)])
    # actors the layout lacks are laid out apart, below the others
    part = a.drop(index=["a001", "a002"])
    w = eg.view(G, layout=part)
    below = {n["key"]: n["y"] for n in w.nodes if n["key"] in ("a001", "a002")}
    assert min(below.values()) > part["y"].max()


def test_view_options():
    eco = eg.datasets.tiny()
    G = eco.graph()
    v = eg.view(G, highlight=["bridges", "cut_points", "isolated", "brokers", ("my set", {"coop"})], highlight_on=["isolated"])
    keys = {h["key"]: h for h in v.highlights}
    assert set(keys) == {"bridges", "cut_points", "to_reach", "connectors", "custom-4"}  # older names are read as the new ones
    assert keys["to_reach"]["on"] and not keys["bridges"]["on"]
    assert len(keys["bridges"]["edges"]) == len(eg.bridges(G))
    ids = {n["id"]: n["key"] for n in v.nodes}
    standing = eg.actor_standing(G)
    assert {ids[i] for i in keys["cut_points"]["nodes"]} == set(standing.index[standing["cut_point"]])
    assert {ids[i] for i in keys["to_reach"]["nodes"]} == set(standing.index[standing["to_reach"]]) >= {"loner"}
    assert {ids[i] for i in keys["connectors"]["nodes"]} == set(standing.index[standing["connector"]])
    assert keys["to_reach"]["label"] == "Actors to reach (worklist)"
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


def test_tie_cards_name_the_people_not_their_ids():
    eco = eg.datasets.tiny()
    v = eg.view(eco.graph())
    people_cards = [dict(e["card"]) for e in v.edges if "people" in e["types"]]
    assert {c.get("moved") or c.get("in both") for c in people_cards} == {"Person A (2018)", "Person B (2014)"}
    hidden = [dict(e["card"]) for e in eg.view(eco.graph(), pseudonymise_people=True).edges if "people" in e["types"]]
    assert {c.get("moved") or c.get("in both") for c in hidden} == {"Person 1 (2018)", "Person 2 (2014)"}


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
    v = eg.view(big, aggregate_above=5000)  # above the threshold: one node per community
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
    with pytest.raises(GraphError, match=r"an Analysis needs an Ecosystem, a networkx\.Graph or a SparseGraph, got list"):
        eg.view([("a", "b")])
    # an Ecosystem goes through the one door (Analysis.of) like any other input
    assert len(eg.view(eg.datasets.tiny()).nodes) == len(eg.view(eg.Analysis(eg.datasets.tiny())).nodes)
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


def test_views_read_measures_from_the_analysis():
    eco = eg.datasets.tiny()
    a = eg.Analysis(eco)
    # a value planted in the analysis is what the view shows: the view computes nothing itself
    a.__dict__["cut_points"] = pd.Series({"coop": 1}, name="cut_point")
    v = eg.view(a, highlight=["cut_points", "brokers"])
    keys = {h["key"]: h for h in v.highlights}
    ids = {n["key"]: n["id"] for n in v.nodes}
    assert keys["cut_points"]["nodes"] == [ids["coop"]]
    assert "standing" in a.__dict__ and "bridges" not in a.__dict__  # computed once, on demand, in the analysis
    top = a.brokers[a.brokers["betweenness"] > 0].sort_values("betweenness", ascending=False).head(5).index
    assert sorted(keys["connectors"]["nodes"]) == sorted(ids[n] for n in top)  # the tiny data hold only organisations
    # highlights given as values, by name or by label
    G = eco.graph()
    given = eg.view(G, highlight={"bridges": eg.bridges(G), "isolated": {"loner"}, "my set": {"coop", "lab"}})
    keys = {h["key"]: h for h in given.highlights}
    assert set(keys) == {"bridges", "to_reach", "custom-2"}
    assert len(keys["bridges"]["edges"]) == len(eg.bridges(G)) and keys["to_reach"]["nodes"] == [ids["loner"]]
    assert keys["custom-2"]["label"] == "my set" and len(keys["custom-2"]["nodes"]) == 2


def test_legend_counts_unknown_spheres_apart_and_in_words():
    v = eg.view(eg.datasets.dijon().graph(), lang="fr")
    spheres = v.legend[0]
    assert spheres["title"] == "Sphère"
    unknown = [item for item in spheres["items"] if item["unknown"]]
    assert [item["label"] for item in unknown] == ["Sphère inconnue"]
    known = [item for item in spheres["items"] if not item["unknown"]]
    assert sum(item["count"] for item in spheres["items"]) == 108
    assert unknown[0]["count"] == sum(1 for n in v.nodes if n["groups"]["sphere"] == "")
    assert all(item["label"] != "" for item in known)
    # every actor points at its legend item
    assert all(spheres["items"][n["c"]]["color"] == n["color"] for n in v.nodes)
    sphere_filter = next(f for f in v.filters if f["key"] == "sphere")
    assert sphere_filter["values"][-1] == {"value": "", "label": "Sphère inconnue", "count": unknown[0]["count"], "unknown": True}


def test_actors_without_ties_form_one_captioned_block():
    G = eg.datasets.dijon().graph()
    isolated = sorted(nx.isolates(G))
    v = eg.view(G, lang="fr")
    assert len(isolated) == 31
    assert v.captions[0]["text"] == "31 acteurs sans lien connu"
    assert sorted(v.nodes[i]["key"] for i in v.captions[0]["nodes"]) == isolated
    assert all(v.nodes[i].get("iso") for i in v.captions[0]["nodes"])
    assert eg.view(G).captions[0]["text"] == "31 actors without a known tie"
    # the most important actors come first in the order names are drawn
    first = v.nodes[v.order[0]]
    assert first["size"] == max(n["size"] for n in v.nodes)


def test_years_of_actors_ties_and_moves():
    eco = eg.datasets.tiny()
    v = eg.view(eco.graph())
    by_key = {n["key"]: n for n in v.nodes}
    assert by_key["lab"]["t"] == [2017, None] and "t" not in by_key["city"]  # founding unknown: always there
    pair = {(v.nodes[e["from"]]["key"], v.nodes[e["to"]]["key"]): e for e in v.edges}
    assert pair[("incubator", "fablab")]["t"] == [[2014, None]]
    assert pair[("incubator", "lab")]["t"] == [[2018, None]]  # a person's move, from the year of the move
    assert v.time == {"min": 2000, "max": 2018}
    assert v.moves == [{"from": by_key["incubator"]["id"], "to": by_key["lab"]["id"], "year": 2018}]
    p = eg.view(eco.affiliation_graph())
    assert [m["year"] for m in p.moves] == [2018]
    people = [n for n in p.nodes if n["shape"] == "diamond"]
    assert all("t" in n or n["key"] for n in people)
    # nothing dated: no slider
    assert eg.view(nx.path_graph(3)).time is None


def test_map_mode_projects_coordinates_and_boundaries():
    G = nx.Graph([("dijon", "beaune"), ("beaune", "nowhere")])
    nx.set_node_attributes(G, {"dijon": 47.32, "beaune": 47.02}, "lat")
    nx.set_node_attributes(G, {"dijon": 5.04, "beaune": 4.84}, "lon")
    square = {"type": "Polygon", "coordinates": [[[4.84, 47.02], [5.04, 47.02], [5.04, 47.32], [4.84, 47.32], [4.84, 47.02]]]}
    v = eg.view(G, boundaries={"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": square, "properties": {}}]})
    geo = {n["key"]: n.get("geo") for n in v.nodes}
    assert geo["nowhere"] is None and v.geo["missing"] == [2]
    # Dijon is north-east of Beaune: right of it and above it (screen y grows downwards)
    assert geo["dijon"][0] > geo["beaune"][0] and geo["dijon"][1] < geo["beaune"][1]
    # distances keep their proportions: 0.2° of longitude at 47°N is about 0.45 of 0.3° of latitude
    dx, dy = geo["dijon"][0] - geo["beaune"][0], geo["beaune"][1] - geo["dijon"][1]
    assert dx / dy == pytest.approx(0.2 * np.cos(np.radians(47.17)) / 0.3, rel=0.01)
    ring = v.geo["boundaries"][0]
    assert ring[0] == pytest.approx(geo["beaune"], abs=0.01) and ring[2] == pytest.approx(geo["dijon"], abs=0.01)
    assert eg.view(nx.path_graph(2)).geo is None
    with pytest.raises(ValueError, match="needs actors with coordinates"):
        eg.view(nx.path_graph(2), boundaries=square)
    with pytest.raises(eg.EcographError, match="feature 0: unknown geometry type 'Circle'"):
        eg.view(G, boundaries={"type": "FeatureCollection", "features": [{"geometry": {"type": "Circle", "coordinates": [0, 0]}}]})


def _mapped_pair() -> nx.Graph:
    G = nx.Graph([("dijon", "beaune")])
    nx.set_node_attributes(G, {"dijon": 47.32, "beaune": 47.02}, "lat")
    nx.set_node_attributes(G, {"dijon": 5.04, "beaune": 4.84}, "lon")
    return G


def _nested(levels: int) -> dict:
    geometry: dict = {"type": "Point", "coordinates": [5.0, 47.0]}
    for _ in range(levels):
        geometry = {"type": "GeometryCollection", "geometries": [geometry]}
    return geometry


def _collection(*geometries) -> dict:
    return {"type": "FeatureCollection", "features": [{"geometry": g} for g in geometries]}


LINE = {"type": "LineString", "coordinates": [[4.84, 47.02], [5.04, 47.32]]}


@pytest.mark.parametrize(
    ("boundaries", "message"),
    [
        ([1, 2], "the boundaries given: not GeoJSON"),
        ({"type": "FeatureCollection"}, "the boundaries given: the FeatureCollection has no list of 'features'"),
        ({"type": "FeatureCollection", "features": [{"geometry": LINE}, None]}, "feature 1: the feature is not a GeoJSON object"),
        (_collection(LINE, {"type": "LineString", "coordinates": [[4.8, "x"], [5, 47]]}), "feature 1: a coordinate is not a number"),
        (
            _collection({"type": "Polygon", "coordinates": [[[4.8, 47], [float("inf"), 47]]]}),
            "feature 0: a coordinate is not a finite number",
        ),
        (_collection({"type": "Polygon", "coordinates": 5}), "feature 0: the coordinates are not a list of rings"),
        (
            _collection({"type": "LineString", "coordinates": [[[[[[1]]]]], [1, 2]]}),
            "feature 0: the coordinates are not a list of \\[longitude",
        ),
        (_collection(_nested(5000)), "feature 0: geometries are nested too deeply"),
        (_collection("Polygon"), "feature 0: the geometry is not a GeoJSON object"),
    ],
)
def test_malformed_boundaries_are_refused_naming_the_feature(boundaries, message):
    with pytest.raises(eg.EcographError, match=message):
        eg.view(_mapped_pair(), boundaries=boundaries)


def test_malformed_boundary_files_are_refused_naming_the_file(tmp_path):
    deep = tmp_path / "deep.geojson"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    broken = tmp_path / "broken.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    bad = tmp_path / "bad.geojson"
    bad.write_text(json.dumps(_collection(LINE, {"type": "Polygon", "coordinates": [[["a", "b"], [1, 2]]]})), encoding="utf-8")
    for path, message in [(deep, "nested too deeply"), (broken, "not valid JSON"), (bad, "feature 1: a coordinate is not a number")]:
        with pytest.raises(eg.EcographError, match=f"{path.name}.*{message}"):
            eg.view(_mapped_pair(), boundaries=path)
    assert eg.view(_mapped_pair(), boundaries=_collection(LINE)).geo["boundaries"]


def test_years_that_are_not_years_are_unknown_in_a_view():
    G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    nx.set_node_attributes(G, {"a": float("inf"), "b": float("nan"), "c": 1e300, "d": 2012}, "founded")
    nx.set_node_attributes(G, {"a": float("-inf"), "c": -5}, "closed")
    v = eg.view(G)
    assert [n.get("t") for n in v.nodes] == [None, None, None, [2012, None]]
    assert v.time == {"min": 2012, "max": 2012}
    assert ("founded", "inf") in v.nodes[0]["card"]  # shown as given, never placed on the slider


def test_renderer_is_chosen_by_size_and_ships_only_its_library():
    G = nx.path_graph(5)
    assert eg.view(G).renderer == "canvas"
    webgl = eg.view(G, renderer="webgl")
    page = webgl.to_html()
    assert page.count("sigma.js and graphology for ecograph views") == 1 and ".vis-network" not in page
    canvas = eg.view(G).to_html()
    assert "sigma.js and graphology for ecograph views" not in canvas and ".vis-network" in canvas
    big = nx.barabasi_albert_graph(eg.views.WEBGL_ABOVE + 1, 1, seed=0)
    assert eg.view(big, layout=eg.layout(big, method="fruchterman_reingold")).renderer == "webgl"
    with pytest.raises(ValueError, match="renderer must be"):
        eg.view(G, renderer="svg")


PLACEHOLDERS = ["__VIS_JS__", "__DATA__", "__LANG__", "__TITLE__", "__VIS_CSS__", "</script>", "<!--", "${x}", "{title}"]


@pytest.mark.parametrize("renderer", ["canvas", "webgl"])
def test_no_name_can_change_the_page(renderer):
    G = nx.Graph(name="__TITLE__ __DATA__")
    for i, name in enumerate(PLACEHOLDERS):
        G.add_node(f"a{i}", name=name, description=name, sphere="finance")
    nx.add_path(G, [f"a{i}" for i in range(len(PLACEHOLDERS))])
    page = eg.view(G, renderer=renderer, title="__VIS_JS__").to_html()
    plain = eg.view(nx.relabel_nodes(nx.path_graph(len(PLACEHOLDERS)), lambda i: f"a{i}"), renderer=renderer, title="x").to_html()
    head, rest = page.split('<script type="application/json" id="eg-data">')
    block, tail = rest.split("</script>", 1)
    plain_head, plain_rest = plain.split('<script type="application/json" id="eg-data">')
    # everything but the data block is the same as for a graph with plain names
    assert head == plain_head and tail == plain_rest.split("</script>", 1)[1]
    data = json.loads(block)
    assert data["title"] == "__VIS_JS__" and data["nodes"]["columns"]["name"]["values"] == PLACEHOLDERS
    assert "<" not in block and page.count('id="eg-data"') == 1


def test_to_pyvis_keeps_positions_colours_sizes_and_escapes_titles():
    G = nx.Graph([("a", "b"), ("b", "c")])
    nx.set_node_attributes(G, {"a": "<img src=x onerror=alert(1)>", "b": "Gaïa & co", "c": "C"}, "name")
    nx.set_node_attributes(G, {"a": "finance", "b": "support", "c": ""}, "sphere")
    v = eg.view(G)
    net = v.to_pyvis()
    assert [n["id"] for n in net.nodes] == ["a", "b", "c"]
    for rec, node in zip(v.nodes, net.nodes):
        assert (node["x"], node["y"], node["size"], node["shape"]) == (rec["x"], rec["y"], rec["size"], rec["shape"])
        assert node["color"] == {"background": rec["color"], "border": rec["border"]} and node["physics"] is False
        assert "<" not in node["title"] and node["label"] == rec["label"]
    assert net.nodes[0]["title"].startswith("&lt;img src=x onerror=alert(1)&gt;")
    assert "Gaïa &amp; co" in net.nodes[1]["title"]
    assert sorted((e["from"], e["to"]) for e in net.edges) == [("a", "b"), ("b", "c")]
    assert [e["color"] for e in net.edges] == [e["color"] for e in v.edges]
    assert net.options.physics.enabled is False
    html = net.generate_html()
    assert "onerror=alert(1)>" not in html.replace("&lt;img src=x onerror=alert(1)&gt;", "")


def test_a_standalone_view_is_titled_from_the_datasets_metadata():
    eco = eg.datasets.dijon()
    title = "L'économie collaborative et ses impacts RH sur le territoire dijonnais — étude 2018"
    assert eco.metadata.title == title
    assert eg.view(eg.Analysis(eco)).title == title
    assert eg.view(eco.graph()).title == title
    assert eg.view(eco.graph(), title="Comité").title == "Comité"
    tiny = eg.datasets.tiny()
    bare = eg.from_frames(tiny.actors, tiny.ties, name="bare")  # no metadata: the dataset's name
    assert eg.view(eg.Analysis(bare)).title == "bare"
