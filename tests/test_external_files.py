"""Real files from Gephi, Gephi Lite, gexf.net, graphology, networkx, igraph, uMap (and files of our own in Kumu's and
uMap's shapes) import with the counts the files hold, counted here by parsing them independently (lxml, json,
openpyxl, csv), and what cannot be imported is listed, never dropped. Sources and licences: data/external/SOURCES."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

from ecograph.cli import main
from ecograph.errors import SchemaError
from ecograph.interop.gephi import read_gexf, read_graphml
from ecograph.interop.kumu import read_kumu
from ecograph.interop.umap import read_umap

EXTERNAL = Path(__file__).parent / "data" / "external"
GRAPHS = sorted((EXTERNAL / "gexf").glob("*.gexf")) + sorted((EXTERNAL / "graphml").glob("*.graphml"))
KUMU = sorted((EXTERNAL / "kumu").iterdir())
UMAP_READ = [p for p in sorted((EXTERNAL / "umap").iterdir()) if p.suffix not in (".gpx", ".xml") and p.name != "own-osm.json"]
BROKEN = sorted((EXTERNAL / "broken").iterdir())


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def expected_graph(path: Path) -> dict:
    """Nodes, edges and the edges that cannot be ties, counted from the XML with lxml."""
    root = etree.parse(str(path)).getroot()
    nodes = [el for el in root.iter() if _local(el) == "node"]
    parent = {}
    for node in nodes:
        up = node.getparent()
        while up is not None and _local(up) != "node":
            up = up.getparent()
        parent[node.get("id")] = node.get("pid") or (up.get("id") if up is not None else None)

    def ancestors(n):
        out = set()
        while parent.get(n):
            n = parent[n]
            out.add(n)
        return out

    edges = [el for el in root.iter() if _local(el) in ("edge", "hyperedge")]
    left = {"undeclared": 0, "hierarchy": 0, "self-loop": 0, "hyperedge": 0}
    for e in edges:
        s, t = e.get("source"), e.get("target")
        if _local(e) == "hyperedge":
            left["hyperedge"] += 1
        elif s not in parent or t not in parent:
            left["undeclared"] += 1
        elif s != t and (s in ancestors(t) or t in ancestors(s)):
            left["hierarchy"] += 1
        elif s == t:
            left["self-loop"] += 1
    return {"nodes": len(nodes), "edges": len(edges), "ties": len(edges) - sum(left.values()), "left": left}


def expected_kumu(path: Path) -> dict:
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path, read_only=True)
        sheets = {ws.title.lower(): [r for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
        head = [str(h).lower() for h in sheets["elements"][0]]
        elements = [dict(zip(head, r)) for r in sheets["elements"][1:] if any(v not in (None, "") for v in r)]
        chead = [str(h).lower() for h in sheets["connections"][0]]
        connections = [dict(zip(chead, r)) for r in sheets["connections"][1:] if any(v not in (None, "") for v in r)]
    else:
        data = json.loads(path.read_text(encoding="utf-8"))
        elements = [{**e, **{k.lower(): v for k, v in (e.get("attributes") or {}).items()}} for e in data["elements"]]
        connections = data.get("connections", [])
    index = {}
    for i, e in enumerate(elements):
        for ref in (e.get("_id"), e.get("id"), e.get("label")):
            if ref:
                index.setdefault(str(ref), i)
    ends = [(index.get(str(c.get("from"))), index.get(str(c.get("to")))) for c in connections]
    bad = sum(1 for a, b in ends if a is None or b is None)
    loops = sum(1 for a, b in ends if a is not None and a == b)
    return {"nodes": len(elements), "edges": len(connections), "ties": len(connections) - bad - loops}


def _umap_features(layer) -> list:
    out = list(layer.get("features") or [])
    for sub in layer.get("layers") or []:
        out += _umap_features(sub)
    return out


def expected_umap(path: Path) -> dict:
    if path.suffix in (".csv", ".tsv"):
        text = path.read_text(encoding="utf-8")
        rows = list(csv.DictReader(text.splitlines(), delimiter="\t" if path.suffix == ".tsv" else ","))
        points = [
            r
            for r in rows
            if any(re.match(r"^\s*POINT", v or "") for v in r.values()) or not any("STRING" in (v or "") for v in r.values())
        ]
        return {"nodes": len(rows), "actors": len(points)}
    data = json.loads(path.read_text(encoding="utf-8"))
    features = (
        data["features"] if data.get("type") == "FeatureCollection" else [f for layer in data["layers"] for f in _umap_features(layer)]
    )
    points = [f for f in features if (f.get("geometry") or {}).get("type") == "Point" and len(f["geometry"].get("coordinates") or []) == 2]
    return {"nodes": len(features), "actors": len(points)}


def _counts(eco) -> tuple[int, int, int, int]:
    rejected = eco.rejected["table"].value_counts()
    return len(eco.actors), len(eco.ties), int(rejected.get("actors", 0)), int(rejected.get("ties", 0))


@pytest.mark.parametrize("path", GRAPHS + KUMU, ids=lambda p: p.name)
def test_every_graph_file_imports_with_the_counts_it_holds(path):
    expected = expected_kumu(path) if path.parent.name == "kumu" else expected_graph(path)
    read = {".gexf": read_gexf, ".graphml": read_graphml}.get(path.suffix, read_kumu)
    eco = read(path)
    actors, ties, left_actors, left_ties = _counts(eco)
    people, affiliations = len(eco.people), len(eco.affiliations)
    assert eco.read_counts == (expected["nodes"], expected["edges"])
    assert (actors + people, left_actors) == (expected["nodes"], 0)  # a node whose type says person is a person
    if not people:
        assert ties == expected["ties"]
    assert ties + affiliations + left_ties == expected["edges"]  # every edge is a tie, an affiliation or a listed leftover


@pytest.mark.parametrize("path", UMAP_READ, ids=lambda p: p.name)
def test_every_umap_file_imports_its_points(path):
    expected = expected_umap(path)
    eco = read_umap(path)
    actors, _, left_actors, _ = _counts(eco)
    assert actors == expected["actors"] and actors + left_actors == expected["nodes"]


def test_the_corpus_is_large_and_imports_exactly():
    real_with_nodes = [p for p in GRAPHS if expected_graph(p)["nodes"]]
    assert len(GRAPHS) + len(KUMU) + len(list((EXTERNAL / "umap").iterdir())) + len(BROKEN) >= 70
    assert len(real_with_nodes) >= 40
    sources = (EXTERNAL / "SOURCES").read_text(encoding="utf-8")
    listed = {line.split("\t")[0] for line in sources.splitlines() if line and not line.startswith("#")}
    on_disk = {f"{p.parent.name}/{p.name}" for p in EXTERNAL.glob("*/*")}
    assert listed == on_disk  # every file has its source, repository, path, commit and licence


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.name)
def test_broken_files_are_refused_in_one_line(path, tmp_path, capsys):
    read = read_gexf if path.suffix == ".gexf" else read_graphml
    with pytest.raises(SchemaError) as info:
        read(path)
    assert len(info.value.problems) == 1
    assert main(["import", str(path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err and path.name in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("path", [*GRAPHS[::4], *KUMU, *UMAP_READ[::3]], ids=lambda p: p.name)
def test_the_command_writes_a_valid_dataset_and_keeps_the_leftovers(path, tmp_path, capsys):
    command = "import-umap" if path.parent.name == "umap" else "import"
    out = tmp_path / "out"
    assert main([command, str(path), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    summary = printed.strip().splitlines()[-1]
    assert summary.startswith("Read ") and "imported" in summary
    assert main(["validate", str(out)]) == 0
    leftovers = out / "leftovers.csv"
    n = 0 if "nothing left over" in summary else int(re.search(r"(\d+) left over", summary).group(1))
    assert (leftovers.exists() and len(list(csv.DictReader(leftovers.open(encoding="utf-8"))))) == n or (n == 0 and not leftovers.exists())
    if n:
        assert main([command, str(path), "--out", str(tmp_path / "strict"), "--strict"]) == 1
