"""GEXF and GraphML: exact round trips, schema-valid files, and files that networkx and igraph read as meant."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import igraph as ig
import networkx as nx
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree
from strategies import carried, ecosystems

import ecograph as eg
from ecograph.cli import main
from ecograph.errors import SchemaError
from ecograph.interop.gephi import read_gexf, read_graphml, write_gexf, write_graphml
from ecograph.schema import TABLES

SCHEMAS = Path(__file__).parent / "data" / "schemas"
EXTERNAL = Path(__file__).parent / "data" / "external"


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(eco=ecosystems())
def test_round_trip_keeps_every_actor_tie_and_attribute(eco):
    with tempfile.TemporaryDirectory() as folder:
        for write, read, suffix in ((write_gexf, read_gexf, "gexf"), (write_graphml, read_graphml, "graphml")):
            for mode in ("mark", "both-ways"):
                back = read(write(eco, Path(folder) / f"eco.{suffix}", undirected_ties=mode))
                pd.testing.assert_frame_equal(back.actors, carried(eco.actors, TABLES["actors"].column_names), check_index_type=False)
                pd.testing.assert_frame_equal(back.ties, carried(eco.ties, TABLES["ties"].column_names))
                assert back.rejected.empty


@pytest.mark.parametrize("mode", ["mark", "both-ways"])
def test_dijon_round_trip_gives_identical_tables(tmp_path, mode):
    eco = eg.datasets.dijon()
    for write, read in ((write_gexf, read_gexf), (write_graphml, read_graphml)):
        back = read(write(eco, tmp_path / f"dijon.{write.__name__}", undirected_ties=mode))
        assert back.actors.equals(eco.actors) and back.ties.equals(eco.ties) and back.rejected.empty
        assert back.vocabulary.is_directed("potential_carrier") and back.vocabulary.is_valid("type", "candidate_site")


def _graphml_schema():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "graphml" / "graphml-structure-ecograph.xsd")))


def test_dijon_graphml_is_valid_against_the_graphml_schema(tmp_path):
    schema = _graphml_schema()
    for mode in ("mark", "both-ways"):
        doc = etree.parse(str(write_graphml(eg.datasets.dijon(), tmp_path / f"d-{mode}.graphml", undirected_ties=mode)))
        assert schema.validate(doc), schema.error_log
    # the schema can fail: networkx's writer with named key ids declares <key id="name"> twice (nodes and edges)
    G = nx.MultiDiGraph()
    G.add_node("a", name="A")
    G.add_edge("a", "a", name="loop")
    nx.write_graphml(G, tmp_path / "nx.graphml", named_key_ids=True)
    assert not schema.validate(etree.parse(str(tmp_path / "nx.graphml")))


def test_graphml_keys_labels_and_per_edge_direction(tmp_path):
    eco = eg.datasets.dijon()
    root = etree.parse(str(write_graphml(eco, tmp_path / "d.graphml"))).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    key_ids = [k.get("id") for k in root.findall("g:key", ns)]
    assert len(key_ids) == len(set(key_ids))
    labels = {n.get("id"): n.find("g:data[@key='label']", ns).text for n in root.iter("{*}node")}
    assert labels["premice"] == "PREMICE" and labels == eco.actors["name"].to_dict()
    graph = root.find("g:graph", ns)
    assert graph.get("edgedefault") == "directed"
    undirected = {i for i, t in enumerate(eco.ties["type"]) if not eco.vocabulary.is_directed(t)}
    marked = {int(e.get("id")[1:]) for e in root.iter("{*}edge") if e.get("directed") == "false"}
    assert len(undirected) == 9 and marked == undirected


def _gexf_schema():
    """The GEXF 1.2 schema, loaded under the 1.2draft namespace that Gephi and networkx write (the files are unchanged)."""
    folder = SCHEMAS / "gexf-1.2"

    class Resolver(etree.Resolver):
        def resolve(self, url, pubid, context):
            text = (folder / Path(url).name).read_text(encoding="utf-8").replace("http://www.gexf.net/1.2", "http://www.gexf.net/1.2draft")
            return self.resolve_string(text, context)

    parser = etree.XMLParser()
    parser.resolvers.add(Resolver())
    return etree.XMLSchema(etree.parse(str(folder / "gexf.xsd"), parser))


def _without_viz(path: Path):
    doc = etree.parse(str(path))
    for el in list(doc.iter("{http://www.gexf.net/1.2draft/viz}*")):
        el.getparent().remove(el)
    return doc


def test_gexf_is_valid_against_the_gexf_schema_with_viz_set_aside(tmp_path):
    schema = _gexf_schema()
    dated = eg.datasets.tiny()
    dated.ties.loc[0, "start"] = "2014-03"
    for name, eco in (("dijon", eg.datasets.dijon()), ("tiny", eg.datasets.tiny()), ("dated", dated)):
        doc = _without_viz(write_gexf(eco, tmp_path / f"{name}.gexf"))
        assert schema.validate(doc), (name, schema.error_log)
    bad = _without_viz(tmp_path / "dijon.gexf")
    del next(bad.iter("{*}edge")).attrib["source"]
    assert not schema.validate(bad)


def test_gexf_time_is_static_without_dates_integer_years_else_dates(tmp_path):
    eco = eg.datasets.tiny()
    undated = eg.Ecosystem(eco.actors, eco.people, eco.affiliations, eco.ties.assign(start="", end=""), eco.vocabulary)
    text = write_gexf(undated, tmp_path / "u.gexf").read_text(encoding="utf-8")
    assert 'mode="static"' in text and "timeformat" not in text and "start=" not in text
    text = write_gexf(eco, tmp_path / "y.gexf", undirected_ties="both-ways").read_text(encoding="utf-8")
    assert 'mode="dynamic" timeformat="integer"' in text and 'start="2014"' in text
    years = {d["start"] for *_, d in nx.read_gexf(tmp_path / "y.gexf").edges(data=True) if "start" in d}
    assert years == {2014, 2015, 2016, 2005, 2010, 2018}  # years stay years, not dates
    dated = eco.ties.copy()
    dated.loc[0, "start"] = "2014-03"
    dated_eco = eg.Ecosystem(eco.actors, eco.people, eco.affiliations, dated, eco.vocabulary)
    text = write_gexf(dated_eco, tmp_path / "d.gexf").read_text(encoding="utf-8")
    assert 'timeformat="date"' in text and 'start="2014-03-01"' in text and 'start="2015-01-01"' in text
    assert read_gexf(tmp_path / "d.gexf").ties.equals(dated_eco.ties)


def test_networkx_and_igraph_read_names_as_labels_and_the_right_directions(tmp_path):
    eco = eg.datasets.dijon()
    directed = [eco.vocabulary.is_directed(t) for t in eco.ties["type"]]
    expected = {(s, t) for s, t, d in zip(eco.ties["source"], eco.ties["target"], directed)}
    expected |= {(t, s) for s, t, d in zip(eco.ties["source"], eco.ties["target"], directed) if not d}
    gexf = nx.read_gexf(write_gexf(eco, tmp_path / "d.gexf", undirected_ties="both-ways"))
    graphml = nx.read_graphml(write_graphml(eco, tmp_path / "d.graphml", undirected_ties="both-ways"))
    for G in (gexf, graphml):
        assert G.is_directed() and set(G.nodes) == set(eco.actors.index)
        assert G.number_of_edges() == sum(directed) + 2 * (len(directed) - sum(directed)) == 105
        assert set(G.edges()) == expected
        assert G.nodes["premice"]["label"] == "PREMICE"
        assert G.nodes["la-colloc"]["founded"] == 2016  # an integer stays an integer
    assert gexf.nodes["creativ-21"]["viz"]["color"] == {"r": 0xCC, "g": 0x79, "b": 0xA7, "a": 1.0}  # support colour
    assert set(gexf.nodes["premice"]["viz"]["position"]) == {"x", "y", "z"}
    g = ig.Graph.Read_GraphML(str(tmp_path / "d.graphml"))
    assert g.is_directed() and g.vcount() == 108 and g.ecount() == 105
    assert g.vs.find(name="PREMICE")["id"] == "premice"
    arcs = {(g.vs[e.source]["id"], g.vs[e.target]["id"]) for e in g.es}
    assert arcs == expected
    # the default file marks each undirected tie: igraph reads names and every tie; networkx refuses mixed graphs
    marked = write_graphml(eco, tmp_path / "m.graphml")
    h = ig.Graph.Read_GraphML(str(marked))
    assert h.ecount() == 96 and sorted(h.vs["name"]) == sorted(eco.actors["name"])
    with pytest.raises(nx.NetworkXError, match="directed=false"):
        nx.read_graphml(marked)


def test_control_characters_never_make_the_xml_ill_formed(tmp_path):
    eco = eg.datasets.tiny()
    actors = eco.actors.copy()
    actors.loc["fablab", "name"] = "Fab\x00lab\x1b \ud800 \ufffe"
    actors.loc["fablab", "description"] = "<script>&\x0b"
    hostile = eg.Ecosystem(actors, eco.people, eco.affiliations, eco.ties, eco.vocabulary)
    for write, read in ((write_gexf, read_gexf), (write_graphml, read_graphml)):
        path = write(hostile, tmp_path / f"h.{write.__name__}")
        etree.parse(str(path))  # well-formed
        back = read(path)
        assert back.actors.loc["fablab", "name"] == "Fab\ufffdlab\ufffd \ufffd \ufffd"
        assert back.actors.loc["fablab", "description"] == "<script>&\ufffd"


def test_foreign_files_import_with_defaults_mapped_ids_and_leftovers(tmp_path):
    G = nx.MultiDiGraph()
    G.add_node("Node A", label="<script>alert(1)</script>", Role="Fab lab")
    G.add_node("n2", label="Second", Role="institution")
    G.add_edge("Node A", "n2", relation="Partner of")
    G.add_edge("Node A", "n2", relation="Funds")
    G.add_edge("n2", "n2", relation="self")
    path = tmp_path / "foreign.graphml"
    nx.write_graphml(G, path)
    plain = read_graphml(path)
    assert plain.actors.loc["node-a", ["name", "kind", "original_id"]].tolist() == ["<script>alert(1)</script>", "initiative", "Node A"]
    assert plain.ties["type"].tolist() == ["linked_to", "linked_to"] and plain.vocabulary.is_directed("linked_to")
    assert plain.ties["evidence"].unique().tolist() == ["imported from foreign.graphml"]
    assert plain.rejected["reasons"].tolist() == ["a tie cannot link an actor to itself (self-loop)"]
    typed = read_graphml(path, kind_from="Role", type_from="relation", default_source="partner's map, 2026")
    assert typed.actors["kind"].tolist() == ["fab_lab", "institution"]
    assert typed.ties["type"].tolist() == ["partner_of", "funds"] and typed.vocabulary.is_directed("funds")
    assert typed.ties["evidence"].unique().tolist() == ["partner's map, 2026"]


def test_real_files_details(tmp_path):
    mixed = read_gexf(EXTERNAL / "gexf" / "graphology-mixed.gexf")
    assert mixed.ties["type"].tolist() == ["linked_to", "linked_to", "linked"]
    assert mixed.ties["weight"].tolist() == [1.0, 4.56, 1.0]
    assert mixed.actors["name"].tolist() == ["one", "two", "three"]
    yed = read_graphml(EXTERNAL / "graphml" / "igraph-yfiles.graphml")
    assert yed.actors["name"].tolist()[:3] == ["Top left rounded rectangle", "Star", "őð中"]
    case_gexf = read_gexf(EXTERNAL / "gexf" / "gexfnet-dynamics_openintervals.gexf")
    assert case_gexf.actors.loc["1", "value over time"] == "15 [2000, 2005]; 20 [2005, 2010]; 25 [2010, 2015]"
    nested = read_gexf(EXTERNAL / "gexf" / "gexfnet-hierarchy2.gexf")
    assert nested.actors.loc["c", "parent"] == "b" and nested.actors.loc["a", "parent"] == ""
    assert nested.rejected["reasons"].tolist() == ["hierarchy edge: node 'f' is inside group 'a'"]
    multi = read_graphml(EXTERNAL / "graphml" / "graphology-mixed_multigraph.graphml")
    assert multi.ties[["source", "target"]].value_counts()[("n2", "n4")] == 2  # parallel edges stay two ties
    assert multi.ties["type"].tolist().count("linked_to") == 2  # the two edges marked directed="true"


@pytest.mark.parametrize("content", ["<gexf><graph><nodes><node id='a'", "<gexf version='1.2'/>", "<graphml/>", "not xml at all"])
def test_unreadable_files_are_refused_in_one_line(tmp_path, content):
    path = tmp_path / "bad.gexf"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        read_gexf(path)
    assert len(info.value.problems) == 1 and re.search(r"well-formed|<graph>|root element", str(info.value.problems[0]))


def _with_directed_column(tmp_path) -> eg.Ecosystem:
    """Dijon (ties of both directions) with a ``directed`` column in its ties, as a dataset folder holds it."""
    eco = eg.datasets.dijon()
    flags = ["true" if eco.vocabulary.is_directed(t) else "false" for t in eco.ties["type"]]
    marked = eg.Ecosystem(eco.actors, eco.people, eco.affiliations, eco.ties.assign(directed=flags), eco.vocabulary)
    eg.io.write_dataset(marked, tmp_path / "marked")
    return eg.load(tmp_path / "marked")


@pytest.mark.parametrize("mode", ["mark", "both-ways"])
def test_a_directed_column_of_the_ties_comes_back_from_graphml_and_gexf(tmp_path, mode):
    eco = _with_directed_column(tmp_path)
    assert sorted(set(eco.ties["directed"])) == ["false", "true"]
    for write, read in ((write_graphml, read_graphml), (write_gexf, read_gexf)):
        back = read(write(eco, tmp_path / f"d.{write.__name__}", undirected_ties=mode))
        assert back.ties["directed"].tolist() == eco.ties["directed"].tolist()
        assert back.ties.equals(eco.ties) and back.actors.equals(eco.actors) and back.rejected.empty


def test_gexf_of_mixed_directions_opens_in_networkx_and_comes_back_tie_for_tie(tmp_path):
    eco = _with_directed_column(tmp_path)
    directed = [eco.vocabulary.is_directed(t) for t in eco.ties["type"]]
    assert 0 < sum(directed) < len(directed)
    path = write_gexf(eco, tmp_path / "d.gexf")
    root = etree.parse(str(path)).getroot()
    assert root.find("{*}graph").get("defaultedgetype") == "directed"
    assert not [e for e in root.iter("{*}edge") if e.get("type")]  # no edge says otherwise than the graph
    G = nx.read_gexf(path)
    assert G.is_directed() and G.number_of_edges() == sum(directed) + 2 * (len(directed) - sum(directed))
    pairs = [(s, t) for s, t, d in zip(eco.ties["source"], eco.ties["target"], directed) if not d]
    assert all(G.has_edge(s, t) and G.has_edge(t, s) for s, t in pairs)
    back = read_gexf(path)
    assert back.ties.equals(eco.ties) and back.rejected.empty
    assert [back.vocabulary.is_directed(t) for t in back.ties["type"]] == directed


NO_NODE_IMPORTS = {
    "gexf": '<gexf xmlns="http://www.gexf.net/1.2draft"><graph><nodes><node label="A"/><node label="B"/></nodes>'
    '<edges><edge source="a" target="b"/></edges></graph></gexf>',
    "graphml": '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node/><node/>'
    '<edge source="a" target="b"/></graph></graphml>',
}


@pytest.mark.parametrize("suffix", sorted(NO_NODE_IMPORTS))
def test_an_import_that_imports_no_node_fails_and_keeps_the_leftovers(tmp_path, capsys, suffix):
    path = tmp_path / f"nameless.{suffix}"
    path.write_text(NO_NODE_IMPORTS[suffix], encoding="utf-8")
    out = tmp_path / "out"
    assert main(["import", str(path), "--out", str(out)]) == 1
    printed, err = capsys.readouterr()
    assert err.strip() == (
        f"{path}: no node could be imported as an actor, so no dataset was written; the 3 rows left over, each with its "
        f"reasons, are in {out / 'leftovers.csv'}"
    )
    assert "Not imported (3):" in printed
    leftovers = pd.read_csv(out / "leftovers.csv")
    assert leftovers[["table", "row", "reasons"]].values.tolist() == [
        ["actors", 2, "the node has no id"],
        ["actors", 3, "the node has no id"],
        ["ties", 2, "the edge refers to a node the file does not declare: a, b"],
    ]
    assert not (out / "actors.csv").exists()
    # a file holding no node at all has nothing left over: an empty graph imports as an empty dataset, as before
    empty = tmp_path / f"empty.{suffix}"
    empty.write_text(re.sub(r"<nodes>.*</edges>|<node/>.*/>(?=</graph>)", "", NO_NODE_IMPORTS[suffix]), encoding="utf-8")
    assert main(["import", str(empty), "--out", str(tmp_path / "empty")]) == 0
    assert "nothing left over" in capsys.readouterr().out


def test_files_with_the_measures_stay_valid_against_the_schemas(tmp_path):
    a = eg.Analysis(eg.datasets.dijon())
    gexf = _without_viz(write_gexf(a, tmp_path / "m.gexf"))
    assert _gexf_schema().validate(gexf), _gexf_schema().error_log
    assert len(gexf.findall(".//{*}attributes[@class='node']/{*}attribute[@title='betweenness']")) == 1
    graphml = etree.parse(str(write_graphml(a, tmp_path / "m.graphml")))
    assert _graphml_schema().validate(graphml)
