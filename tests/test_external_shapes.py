"""The shapes of real files that used to be left out: Gephi hierarchies, dynamic GEXF 1.1 with spells, Kumu ids; and the corpus's counts."""

from __future__ import annotations

from pathlib import Path

from ecograph.errors import SchemaError
from ecograph.interop.gephi import read_gexf, read_graphml
from ecograph.interop.kumu import read_kumu
from ecograph.interop.umap import read_umap

EXTERNAL = Path(__file__).parent / "data" / "external"

GEXF_11_SPELLS = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.1draft" version="1.1">
  <graph mode="dynamic" defaultedgetype="undirected" timeformat="date">
    <nodes>
      <node id="a" label="Atelier">
        <spells><spell start="2007-01-01" end="2007-12-31"/><spell start="2009-01-01" end="2009-12-31"/></spells>
      </node>
      <node id="b" label="Bureau"><spells><spell start="2008-03-01" end="2010-06-30"/></spells></node>
      <node id="c" label="Cantine"/>
    </nodes>
    <edges>
      <edge id="0" source="a" target="b"><spells><spell start="2009-01-01" end="2009-06-30"/></spells></edge>
      <edge id="1" source="b" target="c"/>
    </edges>
  </graph>
</gexf>
"""


def test_nested_nodes_by_pid_keep_their_edges_and_their_group():
    eco = read_gexf(EXTERNAL / "gexf" / "gexfnet-hierarchy3.gexf")
    assert eco.actors["parent"].to_dict() == {"a": "", "b": "a", "c": "b", "d": "b", "e": "a", "f": "e", "g": "e"}
    assert eco.ties[["source", "target"]].values.tolist() == [["b", "e"], ["c", "d"], ["g", "b"]]
    assert eco.rejected["reasons"].tolist() == ["hierarchy edge: node 'f' is inside group 'a'"]


def test_nodes_nested_in_nodes_keep_their_edges_and_their_group():
    eco = read_gexf(EXTERNAL / "gexf" / "gexfnet-hierarchy1.gexf")
    assert eco.actors.loc[["b", "c", "f", "j"], "parent"].tolist() == ["a", "b", "e", "a"]
    assert ["f", "g"] in eco.ties[["source", "target"]].values.tolist()
    assert len(eco.actors) == 10 and len(eco.ties) + len(eco.rejected) == 9


def test_a_dynamic_gexf_1_1_keeps_every_node_with_its_spells(tmp_path):
    path = tmp_path / "spells.gexf"
    path.write_text(GEXF_11_SPELLS, encoding="utf-8")
    eco = read_gexf(path)
    assert eco.actors[["start", "end"]].to_dict("index") == {
        "a": {"start": "2007-01-01", "end": "2009-12-31"},
        "b": {"start": "2008-03-01", "end": "2010-06-30"},
        "c": {"start": "", "end": ""},
    }
    assert eco.actors.loc["a", "spells"] == "[2007-01-01, 2007-12-31]; [2009-01-01, 2009-12-31]"
    assert eco.ties[["start", "end"]].values.tolist()[0] == ["2009-01-01", "2009-06-30"]


def test_kumu_element_ids_that_are_not_slugs_are_kept():
    eco = read_kumu(EXTERNAL / "kumu" / "own-kumu-project-export.json")
    assert eco.actors["kumu_id"].tolist() == ["elem-A1b2C3d4", "elem-E5f6G7h8", "elem-I9j0K1l2", "elem-M3n4O5p6"]


def test_the_real_files_import_exactly_or_are_refused_with_a_reason():
    # graph and map files gathered from public repositories (people/ holds a table and a conversion written here)
    real = [
        p
        for p in sorted(EXTERNAL.glob("*/*"))
        if p.is_file() and p.name != "SOURCES" and not p.name.startswith("own-") and p.parent.name != "people"
    ]
    imported, refused = [], []
    for path in real:
        read = {".gexf": read_gexf, ".graphml": read_graphml}.get(path.suffix, read_umap)
        try:
            read(path)
            imported.append(path)
        except SchemaError as exc:
            assert len(exc.problems) == 1 and exc.problems[0].message
            refused.append(path)
    assert (len(real), len(imported), len(refused)) == (71, 61, 10)
    assert sorted(p.parent.name for p in refused) == ["broken"] * 8 + ["umap"] * 2
