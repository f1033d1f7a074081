"""Out to networkx and Gephi with the measures: networkx's own writers accept the flat graph, and the measures come back."""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

import ecograph as eg
from ecograph.cli import main
from ecograph.interop.flat import MEASURE_ATTRIBUTES
from ecograph.interop.gexf import read_gexf
from ecograph.interop.graphml import read_graphml
from ecograph.interop.kumu import read_kumu, write_kumu_json, write_kumu_xlsx


@pytest.mark.parametrize("make", [eg.datasets.dijon, lambda: eg.datasets.synthetic(400, seed=3)], ids=["dijon", "synthetic"])
def test_networkx_writers_accept_it_and_the_measures_come_back(tmp_path, make):
    a = eg.Analysis(make())
    with pytest.raises((TypeError, ValueError, nx.NetworkXError)):  # what a researcher meets today with the raw graph
        nx.write_gexf(a.graph, tmp_path / "raw.gexf")
    G = eg.to_networkx(a)
    nx.write_gexf(G, tmp_path / "g.gexf")
    nx.write_graphml(G, tmp_path / "g.graphml")
    for back in (nx.read_gexf(tmp_path / "g.gexf"), nx.read_graphml(tmp_path / "g.graphml")):
        assert back.number_of_nodes() == a.sparse.n and back.number_of_edges() == a.sparse.m
        node = str(a.brokers["betweenness"].idxmax())
        assert back.nodes[node]["betweenness"] == pytest.approx(float(a.brokers.loc[node, "betweenness"]))
        assert int(back.nodes[node]["community"]) == int(a.communities.membership[node])
        to_reach = {n for n, d in back.nodes(data=True) if d.get("to_reach") in (True, "true", "True")}
        assert to_reach == {str(x) for x in a.standing.index[a.standing["to_reach"]]}
    assert set(MEASURE_ATTRIBUTES) - {"role", "participation", "constraint", "effective_size"} <= set(G.nodes[node])
    assert "people_links" not in a.graph.graph  # the Analysis's own graph is untouched


# --- files with the measures: GEXF, GraphML, Kumu ------------------------------------------------

GEXF_NS = {"g": "http://www.gexf.net/1.2draft"}
BOOLEAN_TEXT = {"true": True, "false": False, "yes": True, "no": False}


def _some_actors(a: eg.Analysis) -> list:
    """The top broker, an actor without a known tie, one on the worklist and one with a brokerage role, where they exist."""
    b, s = a.brokers, a.standing
    picks = [b["betweenness"].idxmax(), s.index[s["no_known_tie"]][0]]
    picks += list(s.index[s["to_reach"]][:1]) + list(b.index[b["main_role"].fillna("").astype(str) != ""][:1])
    return list(dict.fromkeys(picks))


def _expected(a: eg.Analysis, actor) -> dict:
    """What a file must say of an actor, read from the Analysis itself (not from measure_table)."""
    b, s = a.brokers.loc[actor], a.standing.loc[actor]
    out = {
        "degree": int(a.degree[actor]),
        "betweenness": float(b["betweenness"]),
        "community": int(a.communities.membership[actor]),
        "constraint": float(b["constraint"]),
        "to_reach": bool(s["to_reach"]),
        "no_known_tie": bool(s["no_known_tie"]),
        "connector": bool(s["connector"]),
    }
    if isinstance(b["main_role"], str) and b["main_role"]:
        out["role"] = b["main_role"]
    own = set(a.eco.actors.columns)  # the synthetic actors have their planted "community": the measure is renamed, never lost
    return {f"measure_{k}" if k in own else k: v for k, v in out.items() if not (isinstance(v, float) and math.isnan(v))}


def _same(value, expected) -> bool:
    if isinstance(expected, bool):
        return (BOOLEAN_TEXT[value.lower()] if isinstance(value, str) else bool(value)) is expected
    if isinstance(expected, float):
        return float(value) == pytest.approx(expected, rel=1e-12)
    if isinstance(expected, int):
        return int(value) == expected
    return str(value) == expected


@pytest.fixture(scope="module", params=["dijon", "synthetic"])
def measured(request):
    return eg.Analysis(eg.datasets.dijon() if request.param == "dijon" else eg.datasets.synthetic(400, seed=3))


def test_gephi_files_of_an_analysis_carry_its_measures(tmp_path, measured):
    a = measured
    gexf = eg.write_gexf(a, tmp_path / "a.gexf")
    graphml = eg.write_graphml(a, tmp_path / "a.graphml", undirected_ties="both-ways")  # networkx holds one direction per graph
    readers = [nx.read_gexf(gexf), nx.read_graphml(graphml)]  # networkx's readers: typed values
    readers += [read_gexf(gexf).actors, read_graphml(graphml).actors]  # ecograph's own: the values as text
    for actor in _some_actors(a):
        expected = _expected(a, actor)
        for back in readers:
            values = back.nodes[str(actor)] if isinstance(back, nx.Graph) else back.loc[actor]
            assert all(_same(values[k], v) for k, v in expected.items()), (actor, dict(values), expected)
    # outside the network (the source's recommendations): no measure rather than a made-up one
    outside = [x for x in a.eco.actors.index if x not in a.sparse.nodes]
    if outside:
        assert "betweenness" not in readers[0].nodes[outside[0]]


def test_gexf_declares_the_measures_with_their_types_for_gephi(tmp_path):
    a = eg.Analysis(eg.datasets.synthetic(400, seed=3))
    root = ET.parse(eg.write_gexf(a, tmp_path / "a.gexf")).getroot()
    declared = {x.get("title"): x.get("type") for x in root.findall("g:graph/g:attributes[@class='node']/g:attribute", GEXF_NS)}
    own = set(a.eco.actors.columns)  # the synthetic actors' planted "community" keeps its name; the measure is measure_community
    assert {k: declared[f"measure_{k}" if k in own else k] for k in MEASURE_ATTRIBUTES} == {
        "degree": "integer",
        "betweenness": "double",
        "community": "integer",  # Gephi's Partition (colour) reads integers and text; Ranking (size) numbers
        "constraint": "double",
        "effective_size": "double",
        "participation": "double",
        "role": "string",
        "no_known_tie": "boolean",
        "outside_main": "boolean",
        "to_reach": "boolean",
        "connector": "boolean",
        "cut_point": "boolean",
    }
    keys = {
        k.get("attr.name"): k.get("attr.type")
        for k in ET.parse(eg.write_graphml(a, tmp_path / "a.graphml")).getroot()
        if k.get("for") == "node"
    }
    assert (keys["degree"], keys["betweenness"], keys["measure_community"], keys["role"], keys["to_reach"]) == (
        "int",
        "double",
        "int",
        "string",
        "boolean",
    )


def test_kumu_files_of_an_analysis_carry_its_measures(tmp_path, measured):
    a = measured
    paths = [write_kumu_json(a, tmp_path / "a.json"), write_kumu_xlsx(a, tmp_path / "a.xlsx")]
    elements = {e["id"]: e for e in json.loads(paths[0].read_text(encoding="utf-8"))["elements"]}
    for actor in _some_actors(a):
        expected = _expected(a, actor)
        assert all(_same(elements[actor][k], v) for k, v in expected.items())
        assert isinstance(elements[actor]["betweenness"], float) and isinstance(elements[actor]["to_reach"], bool)
        for path in paths:
            back = read_kumu(path).actors.loc[actor]
            assert all(_same(back[k], v) for k, v in expected.items()), (path.suffix, actor)


def test_an_ecosystem_is_written_without_measures_unless_asked(tmp_path):
    eco = eg.datasets.tiny()
    assert "betweenness" not in nx.read_gexf(eg.write_gexf(eco, tmp_path / "e.gexf")).nodes["coop"]
    G = nx.read_graphml(eg.write_graphml(eco, tmp_path / "e.graphml", measures=True, undirected_ties="both-ways"))
    assert G.nodes["coop"]["degree"] == eg.Analysis(eco).degree["coop"]
    assert "betweenness" not in nx.read_gexf(eg.write_gexf(eg.Analysis(eco), tmp_path / "n.gexf", measures=False)).nodes["coop"]


def test_a_measure_never_hides_an_actor_column_of_the_same_name(tmp_path):
    eco = eg.datasets.tiny()
    eco.actors["community"] = "their own"
    G = nx.read_gexf(eg.write_gexf(eg.Analysis(eco), tmp_path / "a.gexf"))
    assert G.nodes["coop"]["community"] == "their own"
    assert G.nodes["coop"]["measure_community"] == int(eg.Analysis(eco).communities.membership["coop"])


def test_an_analysis_of_a_bare_graph_is_sent_to_networkx(tmp_path):
    with pytest.raises(eg.GraphError, match="to_networkx"):
        eg.write_gexf(eg.Analysis(nx.karate_club_graph()), tmp_path / "k.gexf")


def test_export_with_measures_on_the_command_line(tmp_path, capsys):
    a = eg.Analysis(eg.datasets.dijon())
    for fmt, name in (("gexf", "d.gexf"), ("graphml", "d.graphml"), ("kumu-json", "d.json")):
        assert (
            main(["export", "dijon", "--format", fmt, "-o", str(tmp_path / name), "--with-measures", "--undirected-ties", "both-ways"]) == 0
        )
    G = nx.read_gexf(tmp_path / "d.gexf")
    top = a.brokers["betweenness"].idxmax()
    assert G.nodes[top]["betweenness"] == pytest.approx(float(a.brokers.loc[top, "betweenness"]))
    assert nx.read_graphml(tmp_path / "d.graphml").nodes[top]["community"] == int(a.communities.membership[top])
    assert main(["export", "dijon", "--format", "gexf", "-o", str(tmp_path / "plain.gexf")]) == 0
    assert "betweenness" not in nx.read_gexf(tmp_path / "plain.gexf").nodes[top]
    assert main(["export", "dijon", "--format", "csv", "-o", str(tmp_path / "csv"), "--with-measures"]) == 2
    assert "gexf, graphml, kumu-json, kumu-xlsx" in capsys.readouterr().err
    assert not (tmp_path / "csv").exists()
