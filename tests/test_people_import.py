"""People in other tools' files: nodes that are people become the people table, their edges to actors affiliations.

A real file (17 members of the 1989 Polish Round Table and the organisations they belonged to, with dates; MIT, see
data/external/SOURCES) imports with no option into people and affiliations, and its report lists who moved from
where to where, in French and in English. The moves are counted here again from the CSV the file was made from.
"""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path

import pytest

import ecograph as eg
from ecograph.cli import main
from ecograph.interop.exchange import ImportedGraph, affiliation_role, graph_to_dataset, is_person_kind
from ecograph.interop.gephi import read_gexf, read_graphml
from ecograph.interop.kumu import read_kumu
from ecograph.interop.umap import read_umap
from ecograph.report import build_report

PEOPLE = Path(__file__).parent / "data" / "external" / "people"
ROUND_TABLE = PEOPLE / "polandroundtable-people.json"
ROUND_TABLE_ROWS = PEOPLE / "polandroundtable-affiliations-subset.csv"


def _blueprint(tmp_path: Path) -> Path:
    data = {
        "elements": [
            {"label": "Ada", "type": "Person"},
            {"label": "Bob", "type": "Person"},
            {"label": "Acme", "type": "Company"},
            {"label": "Beta Labs", "type": "Company"},
        ],
        "connections": [
            {"from": "Ada", "to": "Acme", "type": "Worked at", "end date": "2016"},
            {"from": "Ada", "to": "Beta Labs", "type": "Co-founder", "start date": "2017"},
            {"from": "Bob", "to": "Acme", "type": "Board member"},
            {"from": "Bob", "to": "Ada", "type": "Friend"},
            {"from": "Acme", "to": "Beta Labs", "type": "Partner"},
        ],
    }
    path = tmp_path / "founders.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_kumu_people_become_people_and_their_connections_affiliations(tmp_path):
    eco = read_kumu(_blueprint(tmp_path))
    assert eco.problems == []
    assert eco.actors.index.tolist() == ["acme", "beta-labs"]
    assert eco.people.index.tolist() == ["ada", "bob"]
    assert eco.people.loc["ada", "name"] == "Ada"
    rows = eco.affiliations[["person", "actor", "role", "start", "end", "note"]].astype(str).values.tolist()
    assert rows == [
        ["ada", "acme", "employee", "", "2016", "Worked at"],
        ["ada", "beta-labs", "founder", "2017", "", "Co-founder"],
        ["bob", "acme", "board", "", "", "Board member"],
    ]
    assert eco.ties[["source", "target", "type"]].values.tolist() == [["acme", "beta-labs", "partner"]]
    assert not eco.vocabulary.is_valid("kind", "person")  # no actor is a person
    (left,) = eco.rejected.to_dict("records")
    assert (left["table"], left["row"], left["cells"]["type"]) == ("ties", 5, "Friend")
    assert left["reasons"].startswith("a tie between two people")


def test_people_links_and_flows_see_the_imported_moves(tmp_path):
    eco = read_kumu(_blueprint(tmp_path))
    links = eco.people_links()
    assert links[["source", "target", "person", "kind", "year"]].astype(str).values.tolist() == [
        ["acme", "beta-labs", "ada", "moved", "2017"]
    ]
    flows = eg.people_flows(eco)
    assert flows[["person", "source", "target"]].values.tolist() == [["ada", "acme", "beta-labs"]]


@pytest.mark.parametrize(
    ("attribute", "value"),
    [("type", "person"), ("category", "Personne"), ("kind", "individu"), ("type", "People"), ("category", "Individual")],
)
def test_a_gexf_type_or_category_names_people(tmp_path, attribute, value):
    path = tmp_path / "g.gexf"
    path.write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">
<attributes class="node"><attribute id="0" title="{attribute}" type="string"/></attributes>
<nodes>
<node id="p" label="Pat"><attvalues><attvalue for="0" value="{value}"/></attvalues></node>
<node id="o" label="Org"><attvalues><attvalue for="0" value="association"/></attvalues></node>
</nodes>
<edges><edge id="e" source="p" target="o" label="bénévole"/></edges>
</graph></gexf>""",
        encoding="utf-8",
    )
    eco = read_gexf(path)
    assert eco.people.index.tolist() == ["p"] and eco.actors.index.tolist() == ["o"]
    assert eco.affiliations[["person", "actor", "role", "note"]].values.tolist() == [["p", "o", "volunteer", "bénévole"]]
    assert eco.ties.empty and eco.problems == []


def _founders_graphml(tmp_path: Path) -> Path:
    path = tmp_path / "f.graphml"
    path.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="k" for="node" attr.name="kind" attr.type="string"/>
<key id="r" for="edge" attr.name="role" attr.type="string"/>
<key id="s" for="edge" attr.name="start" attr.type="string"/>
<graph edgedefault="directed">
<node id="a"><data key="k">Entrepreneur</data></node>
<node id="x"><data key="k">Startup</data></node>
<node id="y"><data key="k">Startup</data></node>
<edge source="a" target="x"><data key="r">CEO</data><data key="s">2012</data></edge>
<edge source="a" target="y"><data key="r">mentor</data></edge>
</graph></graphml>""",
        encoding="utf-8",
    )
    return path


def test_people_kinds_names_the_other_kinds_of_people(tmp_path):
    path = _founders_graphml(tmp_path)
    assert read_graphml(path).people.empty  # "Entrepreneur" is no word for people by itself
    eco = read_graphml(path, people_kinds=["entrepreneur"])
    assert eco.people.index.tolist() == ["a"] and eco.actors.index.tolist() == ["x", "y"]
    assert eco.affiliations[["actor", "role", "start"]].astype(str).values.tolist() == [["x", "employee", "2012"], ["y", "mentor", ""]]


def test_the_command_line_takes_people_kind(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["import", str(_founders_graphml(tmp_path)), "--out", str(out), "--people-kind", "Entrepreneur"]) == 0
    assert "1 person and 2 affiliations imported" in capsys.readouterr().out
    with open(out / "affiliations.csv", encoding="utf-8") as f:
        assert [(r["person"], r["actor"], r["role"]) for r in csv.DictReader(f)] == [("a", "x", "employee"), ("a", "y", "mentor")]
    assert eg.validate(out).problems == []


def test_umap_features_that_are_people_go_to_the_people_table(tmp_path):
    path = tmp_path / "m.geojson"
    point = {"type": "Point", "coordinates": [5.04, 47.32]}
    features = [
        {"type": "Feature", "geometry": point, "properties": {"name": "Ada", "kind": "Personne"}},
        {"type": "Feature", "geometry": point, "properties": {"name": "Fab lab", "kind": "place"}},
        {"type": "Feature", "geometry": point, "properties": {"name": "Bob", "kind": "member"}},
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    assert read_umap(path).people.index.tolist() == ["ada"]
    eco = read_umap(path, people_kinds=["member"])
    assert eco.people.index.tolist() == ["ada", "bob"] and eco.actors.index.tolist() == ["fab-lab"]


@pytest.mark.parametrize(
    ("texts", "role"),
    [
        (("Co-founder",), "founder"),
        (("Fondatrice",), "founder"),
        (("employed by",), "employee"),
        (("CEO",), "employee"),
        (("Salariée",), "employee"),
        (("Board member",), "board"),
        (("Membre du CA",), "board"),
        (("Advisory board",), "mentor"),
        (("membre",), "member"),
        (("Bénévole",), "volunteer"),
        (("alumni",), "student"),
        (("stagiaire",), "student"),
        (("keynote speaker",), "speaker"),
        (("Consultant",), "consultant"),
        (("", "worked at"), "employee"),
        (("invested in",), "other"),
        (("international partner",), "other"),
        (("",), "other"),
    ],
)
def test_affiliation_role(texts, role):
    assert affiliation_role(*texts) == role


def test_only_the_words_for_people_are_people():
    assert [is_person_kind(v) for v in ("person", "PERSONNE", "individus", "Persons", "personnel", "company", "")] == [
        True,
        True,
        True,
        True,
        False,
        False,
        False,
    ]


def test_a_tie_between_two_people_is_left_over_with_its_row():
    g = ImportedGraph("f.gexf", "GEXF")
    for i, n in enumerate(["p", "q", "o"]):
        g.add_node({"id": n, "type": "person" if n != "o" else "org"}, row=i + 2)
    g.add_edge({"source": "p", "target": "q", "label": "knows"}, row=5)
    eco = graph_to_dataset(g, name="f")
    assert eco.affiliations.empty and eco.ties.empty
    assert eco.rejected[["table", "row"]].values.tolist() == [["ties", 5]]
    assert eco.rejected["cells"][0] == {"source": "p", "target": "q", "type": "knows"}


# ---- the real file ----------------------------------------------------------------------------------


def _round_table_rows() -> list[dict]:
    with open(ROUND_TABLE_ROWS, encoding="utf-8") as f:
        return [{k: ("" if v == "NA" else v) for k, v in r.items()} for r in csv.DictReader(f)]


def _expected_moves() -> set[tuple[str, str, str]]:
    """(person, from, to) for every pair of one person's affiliations where one ended before the other began."""
    by_person: dict[str, list[dict]] = {}
    for r in _round_table_rows():
        by_person.setdefault(r["Full.Name"], []).append(r)
    moves = set()
    for name, rows in by_person.items():
        for i, a in enumerate(rows):
            for b in rows[i + 1 :]:
                ab = bool(a["End.Date"] and b["Start.Date"] and b["Start.Date"] >= a["End.Date"])
                ba = bool(b["End.Date"] and a["Start.Date"] and a["Start.Date"] >= b["End.Date"])
                if ab and ba:
                    ab = a["Start.Date"] <= b["Start.Date"]
                if ab or ba:
                    first, second = (a, b) if ab else (b, a)
                    moves.add((name, first["Name"], second["Name"]))
    return moves


def test_the_real_file_imports_people_and_affiliations_with_no_option(tmp_path, capsys):
    out = tmp_path / "roundtable"
    assert main(["import", str(ROUND_TABLE), "--out", str(out)]) == 0
    assert "17 people and 47 affiliations imported" in capsys.readouterr().out
    assert not (out / "leftovers.csv").exists()
    assert eg.validate(out).problems == []
    eco = eg.load(out)
    rows = _round_table_rows()
    assert len(eco.people) == len({r["Member.ID"] for r in rows}) == 17
    assert len(eco.actors) == len({r["Org.ID"] for r in rows}) == 39 and eco.ties.empty
    assert len(eco.affiliations) == len(rows) == 47
    assert set(eco.people["name"]) == {r["Full.Name"] for r in rows}
    assert sorted(eco.actors["kind"].unique()) == ["event", "organization"]
    links = eco.people_links()
    moved = links[links["kind"] == "moved"]
    names, people = eco.actors["name"], eco.people["name"]
    found = {(people[p], names[s], names[t]) for p, s, t in moved[["person", "source", "target"]].values}
    assert found == _expected_moves() and len(found) == 24
    assert len(eg.people_flows(eco)) == 24


@pytest.mark.parametrize(("lang", "heading"), [("en", "People moving between structures"), ("fr", "Passages de personnes")])
def test_the_real_file_report_lists_who_moved_from_where_to_where(lang, heading):
    report = build_report(read_kumu(ROUND_TABLE), lang=lang, date="2026-01-01")
    section = report.html[report.html.index("id='flows'") :]
    section = section[: section.index("<h2", 5)]
    assert heading in section
    cells = [
        [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", section, re.S)
    ]
    listed = {tuple(c[:3]) for c in cells if len(c) >= 3}
    assert listed == _expected_moves()
    assert ("Andrzej Ziabicki", "Wrocław University Faculty of Math Physics and Chemistry", '"NTO"') in listed


def test_a_kumu_workbook_of_founders_writes_people_affiliations_and_leftovers(tmp_path, capsys):
    import openpyxl

    path = tmp_path / "founders.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Elements"
    for row in (["Label", "Type"], ["Ada", "Person"], ["Bob", "Person"], ["Acme", "Company"], ["Beta", "Company"]):
        wb.active.append(row)
    sheet = wb.create_sheet("Connections")
    for row in (
        ["From", "To", "Type", "Start date", "End date"],
        ["Ada", "Acme", "Founder", 2012, 2015],
        ["Ada", "Beta", "CEO", 2016, None],
    ):
        sheet.append(row)
    sheet.append(["Ada", "Bob", "Friend", None, None])
    wb.save(path)
    out = tmp_path / "out"
    assert main(["import", str(path), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "ties, row 4: a tie between two people" in printed and "2 people and 2 affiliations imported" in printed
    with open(out / "people.csv", encoding="utf-8") as f:
        assert [r["name"] for r in csv.DictReader(f)] == ["Ada", "Bob"]
    with open(out / "affiliations.csv", encoding="utf-8") as f:
        rows = [(r["person"], r["actor"], r["role"], r["start"], r["end"], r["note"]) for r in csv.DictReader(f)]
    assert rows == [("ada", "acme", "founder", "2012", "2015", "Founder"), ("ada", "beta", "employee", "2016", "", "CEO")]
    with open(out / "leftovers.csv", encoding="utf-8") as f:
        (left,) = list(csv.DictReader(f))
    assert (left["table"], left["row"], json.loads(left["cells"])) == ("ties", "4", {"source": "ada", "target": "bob", "type": "Friend"})
    eco = eg.load(out)
    assert eco.people_links()[["source", "target", "person", "kind"]].values.tolist() == [["acme", "beta", "ada", "moved"]]
