"""Kumu blueprint JSON and spreadsheet: round trips and hostile input."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import carried, ecosystems

import ecograph as eg
from ecograph.cli import main
from ecograph.errors import SchemaError
from ecograph.interop.kumu import kumu_blueprint, read_kumu, write_kumu_json, write_kumu_xlsx
from ecograph.schema import TABLES


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(eco=ecosystems())
def test_round_trips(eco):
    actors = carried(eco.actors, TABLES["actors"].column_names)
    ties = carried(eco.ties, TABLES["ties"].column_names)
    with tempfile.TemporaryDirectory() as folder:
        back = read_kumu(write_kumu_json(eco, Path(folder) / "k.json"))
        pd.testing.assert_frame_equal(back.actors, actors, check_index_type=False)
        pd.testing.assert_frame_equal(back.ties, ties)
        sheet = read_kumu(write_kumu_xlsx(eco, Path(folder) / "k.xlsx"))
        # Excel keeps 15 significant digits
        pd.testing.assert_frame_equal(sheet.actors, actors, check_index_type=False, rtol=1e-13, check_exact=False)
        pd.testing.assert_frame_equal(sheet.ties, ties, rtol=1e-13, check_exact=False)


def test_blueprint_refers_to_element_ids_and_keeps_parallel_ties_apart():
    eco = eg.datasets.tiny()
    actors = eco.actors.copy()
    actors.loc["coop", "name"] = "Fab lab"  # two actors with one name
    ties = pd.concat([eco.ties, eco.ties.iloc[[0]]], ignore_index=True)  # a parallel tie
    twin = eg.Ecosystem(actors, eco.people, eco.affiliations, ties, eco.vocabulary)
    bp = kumu_blueprint(twin)
    ids = [e["id"] for e in bp["elements"]]
    assert ids == list(actors.index) and [e["label"] for e in bp["elements"]] == actors["name"].tolist()
    assert [(c["from"], c["to"]) for c in bp["connections"]] == list(zip(ties["source"], ties["target"]))
    assert len({c["id"] for c in bp["connections"]}) == len(ties) == 9
    funding = next(c for c in bp["connections"] if c["type"] == "funding")
    partnership = next(c for c in bp["connections"] if c["type"] == "partnership")
    assert funding["direction"] == "directed" and partnership["direction"] == "undirected"
    with tempfile.TemporaryDirectory() as folder:
        for write in (write_kumu_json, write_kumu_xlsx):
            back = read_kumu(write(twin, Path(folder) / f"k.{'json' if write is write_kumu_json else 'xlsx'}"))
            assert back.actors["name"].tolist() == actors["name"].tolist() and back.ties.equals(ties)


def test_dijon_round_trip_gives_identical_tables(tmp_path):
    eco = eg.datasets.dijon()
    for path in (write_kumu_json(eco, tmp_path / "d.json"), write_kumu_xlsx(eco, tmp_path / "d.xlsx")):
        back = read_kumu(path)
        assert back.actors.equals(eco.actors) and back.ties.equals(eco.ties) and back.rejected.empty


def test_kumu_project_export_and_workbook_rows(tmp_path):
    export = read_kumu(Path(__file__).parent / "data" / "external" / "kumu" / "own-kumu-project-export.json")
    assert export.actors["kumu_id"].tolist() == ["elem-A1b2C3d4", "elem-E5f6G7h8", "elem-I9j0K1l2", "elem-M3n4O5p6"]
    assert export.actors["name"].tolist() == ["Latitude 21", "Coagul", "Jardin des Maraîchers", "Coagul"]
    assert export.actors["kind"].unique().tolist() == ["organization"] and export.vocabulary.is_valid("kind", "organization")
    assert export.ties["kumu_id"].tolist() == ["conn-Q7r8S9t0", "conn-U1v2W3x4", "conn-Y5z6A7b8", "conn-C9d0E1f2"]
    assert export.ties["type"].tolist() == ["support", "partnership", "partnership", "linked"]
    assert export.rejected[["row", "reasons"]].values.tolist() == [
        [6, "the connection refers to an element not in the file: elem-gone0000"]
    ]
    path = tmp_path / "k.xlsx"
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "Elements"
    wb.active.append(["Label", "Type", "founded"])
    wb.active.append(["First", "initiative", "long ago"])  # the first element's bad cell is rejected, on row 2
    wb.active.append(["Second", "initiative", 2016])
    wb.save(path)
    eco = read_kumu(path)
    assert eco.actors.index.tolist() == ["second"]
    assert eco.rejected[["row", "reasons"]].values.tolist() == [[2, "founded: not a year"]]


def test_a_hand_made_kumu_file(tmp_path):
    path = tmp_path / "map.json"
    path.write_text(
        json.dumps(
            {
                "elements": [
                    {"label": "Café Pirouette", "type": "initiative", "source": "Kumu"},
                    {"label": "Coagul", "type": "initiative", "source": "Kumu"},
                ],
                "connections": [{"from": "Café Pirouette", "to": "Coagul", "type": "neighbours", "direction": "undirected"}],
            }
        ),
        encoding="utf-8",
    )
    eco = read_kumu(path, default_source="Kumu map, 2026")
    assert list(eco.actors.index) == ["cafe-pirouette", "coagul"]
    assert eco.ties.loc[0, "type"] == "neighbours" and not eco.vocabulary.is_directed("neighbours")
    assert eco.ties.loc[0, "evidence"] == "Kumu map, 2026"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b'["a", "b"]', "no 'elements' list"),
        (b'{"elements": [], "connections": 5}', "'connections' is not a list"),
    ],
)
def test_hostile_input(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(SchemaError, match=message):
        read_kumu(path)


def test_non_utf8_is_read_as_windows_1252(tmp_path):
    path = tmp_path / "legacy.json"
    path.write_bytes('{"elements": [{"label": "Café", "type": "initiative", "source": "s"}]}'.encode("cp1252"))
    assert read_kumu(path).actors["name"].tolist() == ["Café"]
    assert np.isnan(read_kumu(path).actors["lat"].iloc[0])


def test_an_import_that_imports_no_element_fails_and_keeps_the_leftovers(tmp_path, capsys):
    path = tmp_path / "map.json"
    elements = [
        {"label": "Café", "type": "initiative", "founded": "long ago"},
        {"label": "Coagul", "type": "initiative", "founded": "soon"},
    ]
    path.write_text(json.dumps({"elements": elements, "connections": [{"from": "Café", "to": "Coagul"}]}), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["import", str(path), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{path}: no node could be imported as an actor" in err and str(out / "leftovers.csv") in err
    leftovers = pd.read_csv(out / "leftovers.csv")
    assert leftovers["table"].tolist() == ["actors", "actors", "ties"] and leftovers["row"].tolist()[:2] == [2, 3]
    assert leftovers["reasons"].str.contains("founded").tolist()[:2] == [True, True]
    assert not (out / "actors.csv").exists()
