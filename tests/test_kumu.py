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
from ecograph.errors import SchemaError
from ecograph.kumu import kumu_blueprint, read_kumu, write_kumu_json, write_kumu_xlsx
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


def test_blueprint_shape_and_unique_labels():
    eco = eg.datasets.tiny()
    actors = eco.actors.copy()
    actors.loc["coop", "name"] = "Fab lab"  # two actors with one name
    twin = eg.Ecosystem(actors, eco.people, eco.affiliations, eco.ties)
    bp = kumu_blueprint(twin)
    labels = [e["label"] for e in bp["elements"]]
    assert len(set(labels)) == len(labels) and "Fab lab (coop)" in labels
    funding = next(c for c in bp["connections"] if c["type"] == "funding")
    partnership = next(c for c in bp["connections"] if c["type"] == "partnership")
    assert funding["direction"] == "directed" and partnership["direction"] == "undirected"
    assert set(bp["elements"][0]) >= {"label", "type", "id", "sphere", "source"}


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
        ('{"elements": [{"label": "Caf\xe9", "type": "initiative"}]}'.encode("cp1252"), "source"),
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
