"""Reading: encodings, delimiters, workbooks, extra columns."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

import ecograph as eg
from conftest import ACTORS_HEADER, TIES_HEADER, actor, tie
from ecograph.errors import SchemaError

ACCENTED = [
    actor("cafe", name="Café Pirouette", commune="Fontaine-lès-Dijon"),
    actor("kelles", name="K'elles Énergies"),
    actor("gaia", name="Gaïa"),
]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_encodings_and_delimiters(make_dataset, encoding, delimiter):
    folder = make_dataset(actors=ACCENTED, ties=[tie("cafe", "kelles", description="")[:7]], encoding=encoding, delimiter=delimiter)
    eco = eg.load(folder)
    assert eco.actors.loc["cafe", "name"] == "Café Pirouette"
    assert eco.actors.loc["cafe", "commune"] == "Fontaine-lès-Dijon"
    assert eco.actors.loc["kelles", "name"] == "K'elles Énergies"
    assert list(eco.actors.columns[:3]) == ["name", "kind", "sphere"]  # BOM does not corrupt the first header


def test_reader_reports_what_it_detected(tmp_path):
    from ecograph.io import read_table

    path = tmp_path / "actors.csv"
    path.write_bytes("\ufeffid;name\r\nx;Été\r\n".encode())
    raw = read_table(path, "actors")
    assert (raw.encoding, raw.delimiter, raw.columns) == ("utf-8-sig", ";", ["id", "name"])
    assert raw.rows[0].cells == {"id": "x", "name": "Été"}


def test_quoted_delimiters_and_newlines(make_dataset):
    folder = make_dataset(actors=[actor("a", description='Says "hello", then; goes\non two lines'), actor("b"), actor("c")])
    eco = eg.load(folder)
    assert eco.actors.loc["a", "description"] == 'Says "hello", then; goes\non two lines'


def test_blank_rows_are_skipped_but_row_numbers_kept(make_dataset):
    folder = make_dataset(actors=[actor("a"), [""] * len(ACTORS_HEADER), actor("b", sphere="nope"), actor("c")])
    with pytest.raises(SchemaError) as info:
        eg.load(folder)
    assert [(p.row, p.column) for p in info.value.problems] == [(4, "sphere")]


def test_extra_columns_are_kept(make_dataset):
    header = [*ACTORS_HEADER, "legal_form", "employees"]
    rows = [[*actor("a"), "association", "3"], [*actor("b"), "SCIC", ""], [*actor("c"), "", "12"]]
    eco = eg.load(
        make_dataset(actors=rows, actors_header=header, ties=[[*tie("a", "b"), "since the meet-up"]], ties_header=[*TIES_HEADER, "comment"])
    )
    assert eco.actors.loc["a", "legal_form"] == "association"
    assert eco.actors.loc["c", "employees"] == "12"
    G = eco.graph()
    assert G.nodes["b"]["legal_form"] == "SCIC"
    assert G["a"]["b"]["ties"][0]["evidence"] == "test notes"
    assert eco.ties.loc[0, "comment"] == "since the meet-up"


def write_workbook(path, sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, (header, rows) in sheets.items():
        ws = wb.create_sheet(title)
        ws.append(header)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def test_xlsx_dataset(tmp_path):
    actors = [
        [
            "coursive",
            "La Coursive Boutaric",
            "place",
            "",
            "local",
            2012,
            None,
            "Dijon",
            47.3235,
            5.0595,
            None,
            None,
            "study ch. 2",
            "café-friendly",
        ],
        ["docks", "Les Docks numériques", "place", None, "local", 2013.0, None, None, None, None, None, None, "study ch. 2", None],
    ]
    ties = [["coursive", "docks", "partnership", dt.datetime(2016, 3, 1), None, 2, "study ch. 4"]]
    people = [["p1", "Anne", "interview"]]
    affiliations = [
        ["p1", "coursive", "founder", 2012, dt.date(2017, 9, 30), "interview"],
        ["p1", "docks", "volunteer", "2018", None, "interview"],
    ]
    path = write_workbook(
        tmp_path / "ecosystem.xlsx",
        {
            "Actors": ([*ACTORS_HEADER, "note"], actors),
            "ties": (TIES_HEADER, ties),
            "people": (["id", "name", "source"], people),
            "affiliations": (["person", "actor", "role", "start", "end", "source"], affiliations),
        },
    )
    eco = eg.load(path)
    assert eco.name == "ecosystem"
    assert eco.actors.loc["docks", "founded"] == 2013
    assert eco.actors.loc["coursive", "lat"] == pytest.approx(47.3235)
    assert eco.actors.loc["coursive", "note"] == "café-friendly"
    assert eco.ties.loc[0, "start"] == "2016-03-01"
    assert eco.ties.loc[0, "weight"] == 2.0
    assert eco.affiliations.loc[0, "end"] == "2017-09-30"
    links = eco.people_links()
    assert links[["source", "target", "kind", "year"]].values.tolist() == [["coursive", "docks", "moved", 2018]]


def test_xlsx_errors_name_the_sheet(tmp_path):
    path = write_workbook(
        tmp_path / "bad.xlsx",
        {"actors": (ACTORS_HEADER, [actor("a"), actor("b", sphere="financ")]), "ties": (TIES_HEADER, [tie("a", "c")])},
    )
    with pytest.raises(SchemaError) as info:
        eg.load(path)
    texts = [str(p) for p in info.value.problems]
    assert texts[0].startswith(f"{path}[actors], row 3, column 'sphere'")
    assert texts[1].startswith(f"{path}[ties], row 2, column 'target'")


def test_not_a_dataset(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(SchemaError, match="not a dataset folder"):
        eg.load(tmp_path / "notes.txt")
    with pytest.raises(SchemaError, match="no such file or folder"):
        eg.load(tmp_path / "missing")


def test_damaged_workbook(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(SchemaError, match="cannot open the workbook"):
        eg.load(path)


def test_from_frames_validates_like_files():
    import pandas as pd

    actors = pd.DataFrame({"id": ["a", "b"], "name": ["A", "B"], "kind": ["initiative", "initiatve"], "source": ["s", "s"]})
    ties = pd.DataFrame({"source": ["a"], "target": ["b"], "type": ["partnership"], "evidence": ["e"]})
    with pytest.raises(SchemaError) as info:
        eg.from_frames(actors, ties)
    assert [(p.table, p.row, p.column) for p in info.value.problems] == [("actors", 3, "kind")]


def test_own_codes_are_named_in_each_language_and_kept_when_written(make_dataset, tmp_path):
    """``label_en``/``label_fr`` of vocabulary.csv name a dataset's own code; the French summary said ``mentoring``."""
    folder = make_dataset(ties=[tie("a", "b", "mentoring"), tie("b", "c", "mentoring"), tie("a", "c", "cheering")])
    (folder / "vocabulary.csv").write_text(
        "field,value,directed,description,label_en,label_fr\n"
        "type,mentoring,yes,The source mentors the target.,mentoring,parrainage\n"
        "type,cheering,no,The two cheer each other on.,,\n",
        encoding="utf-8",
    )
    eco = eg.load(folder)
    assert not eco.problems
    voc = eco.vocabulary
    assert voc.own_labels("fr")["type"] == {"mentoring": "parrainage", "cheering": "The two cheer each other on."}
    assert voc.own_labels("fr", described=False) == {"type": {"mentoring": "parrainage"}}
    lines = eco.summary().text("fr").splitlines()
    assert any(line.split() == ["parrainage", "2"] for line in lines) and any(line.split() == ["cheering", "1"] for line in lines)
    out = eg.io.write_dataset(eco, tmp_path / "again")
    written = (out / "vocabulary.csv").read_text(encoding="utf-8").splitlines()
    assert written[0] == "field,value,directed,description,label_en,label_fr" and written[1].endswith(",mentoring,parrainage")
    assert eg.load(out).vocabulary.own_labels("fr") == voc.own_labels("fr")
