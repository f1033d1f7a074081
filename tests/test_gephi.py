"""GEXF and GraphML: exact round trips, and files that independent readers understand."""

from __future__ import annotations

import tempfile
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import carried, ecosystems

import ecograph as eg
from ecograph.errors import SchemaError
from ecograph.gephi import read_gexf, read_graphml, write_gexf, write_graphml
from ecograph.schema import TABLES


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(eco=ecosystems())
def test_round_trip_keeps_every_actor_tie_and_attribute(eco):
    with tempfile.TemporaryDirectory() as folder:
        for write, read, suffix in ((write_gexf, read_gexf, "gexf"), (write_graphml, read_graphml, "graphml")):
            back = read(write(eco, Path(folder) / f"eco.{suffix}"))
            pd.testing.assert_frame_equal(back.actors, carried(eco.actors, TABLES["actors"].column_names), check_index_type=False)
            pd.testing.assert_frame_equal(back.ties, carried(eco.ties, TABLES["ties"].column_names))


def test_dijon_round_trip_keeps_the_dataset_vocabulary(tmp_path):
    eco = eg.datasets.dijon()
    back = read_graphml(write_graphml(eco, tmp_path / "dijon.graphml"))
    assert back.actors.equals(eco.actors) and back.ties.equals(eco.ties)
    assert back.vocabulary.is_directed("potential_carrier") and back.vocabulary.is_valid("type", "candidate_site")


def test_independent_readers(tmp_path):
    import igraph as ig

    eco = eg.datasets.dijon()
    gexf = nx.read_gexf(write_gexf(eco, tmp_path / "d.gexf"))
    graphml = nx.read_graphml(write_graphml(eco, tmp_path / "d.graphml"))
    for G in (gexf, graphml):
        assert set(G.nodes) == set(eco.actors.index)
        assert G.number_of_edges() == len(eco.ties)
        assert G.nodes["premice"]["name"] == "PREMICE"
        assert G.nodes["la-colloc"]["founded"] == 2016  # an integer stays an integer
    assert gexf.nodes["premice"]["viz"]["color"] == {"r": 153, "g": 153, "b": 153, "a": 1.0}
    assert gexf.nodes["creativ-21"]["viz"]["color"] == {"r": 0xCC, "g": 0x79, "b": 0xA7, "a": 1.0}  # support colour
    assert set(gexf.nodes["premice"]["viz"]["position"]) == {"x", "y", "z"}
    g = ig.Graph.Read_GraphML(str(tmp_path / "d.graphml"))
    assert g.vcount() == len(eco.actors) == 108 and g.ecount() == len(eco.ties) == 96
    assert set(g.vs["id"]) == set(eco.actors.index)
    assert sorted(g.es["tie_type"]) == sorted(eco.ties["type"])


def test_hostile_files(tmp_path):
    bad = tmp_path / "bad.gexf"
    bad.write_text("<gexf><graph><nodes><node id='a'", encoding="utf-8")
    with pytest.raises(SchemaError, match="cannot read the GEXF file"):
        read_gexf(bad)
    G = nx.Graph()
    G.add_node("x", label="<script>alert(1)</script>")
    G.add_node("y", label="Y")
    G.add_edge("x", "y")
    path = tmp_path / "foreign.graphml"
    nx.write_graphml(G, path)
    with pytest.raises(SchemaError) as info:
        read_graphml(path)
    assert {p.column for p in info.value.problems} >= {"kind", "source", "type"}
    with pytest.raises(SchemaError) as info:  # sources can be given for the whole file; kinds and types cannot be guessed
        read_graphml(path, default_source="given by a partner")
    assert {p.column for p in info.value.problems} == {"kind", "type"}
    nx.set_node_attributes(G, "initiative", "kind")
    nx.set_edge_attributes(G, "partnership", "type")
    nx.write_graphml(G, path)
    eco = read_graphml(path, default_source="given by a partner")
    assert eco.actors.loc["x", "name"] == "<script>alert(1)</script>"  # kept as text; views show it as text
    assert eco.ties.loc[0, "evidence"] == "given by a partner"
