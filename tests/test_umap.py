"""uMap: the three file layouts in, layers per sphere out, markup and hostile input."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import PLAIN, ecosystems, has_values

import ecograph as eg
from ecograph.cli import main
from ecograph.errors import SchemaError
from ecograph.interop.umap import read_umap, umap_text, write_geojson, write_umap
from ecograph.views.style import SPHERE_COLORS


def feature(name, lon, lat, **props):
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": {"name": name, **props}}


LINE = {
    "type": "Feature",
    "geometry": {"type": "LineString", "coordinates": [[5.0, 47.3], [5.1, 47.4]]},
    "properties": {"name": "Vélo-route"},
}


@pytest.mark.parametrize("storage", ["properties", "_umap_options", "_storage"])
def test_umap_backups_current_and_older_formats(tmp_path, storage):
    layers = [
        {"type": "FeatureCollection", storage: {"name": "Consommation collaborative", "color": "red"}, "features": [
            feature("Café Pirouette", 5.04, 47.32, description="**Café** associatif, voir [[https://cafe.example|le site]]"),
            feature("La Rustine", 5.05, 47.33, website="https://rustine.example", horaires="mardi"),
        ]},
        {"type": "FeatureCollection", storage: {"name": "Innovation"}, "features": [feature("Kelle Fabrik", 5.03, 47.31), LINE]},
    ]  # fmt: skip
    path = tmp_path / "map.umap"
    path.write_text(json.dumps({"type": "umap", "properties": {"name": "ecoco"}, "layers": layers}), encoding="utf-8")
    eco = read_umap(path)
    a = eco.actors
    assert list(a.index) == ["cafe-pirouette", "la-rustine", "kelle-fabrik"]
    assert a.loc["cafe-pirouette", ["lat", "lon"]].tolist() == [47.32, 5.04]  # GeoJSON is longitude first
    assert a.loc["cafe-pirouette", "sphere"] == "consumption" and a.loc["kelle-fabrik", "sphere"] == "innovation"
    assert a.loc["cafe-pirouette", "description"] == "Café associatif, voir le site (https://cafe.example)"
    assert a.loc["la-rustine", "horaires"] == "mardi" and a.loc["la-rustine", "website"] == "https://rustine.example"
    assert a.loc["kelle-fabrik", "umap_layer"] == "Innovation"
    # the line is reported, not dropped silently
    assert [(p.row, p.column, p.value) for p in eco.problems] == [(5, "geometry", "LineString")]  # the 4th feature, row 5
    assert eco.rejected["reasons"].tolist() == ["geometry: not a point (LineString)"]
    # and the actors load back through the usual validation
    folder = tmp_path / "dataset"
    eg.io.write_dataset(eco, folder)
    assert len(eg.load(folder).actors) == 3


def test_geojson_and_csv_exports_of_umap(tmp_path):
    gj = tmp_path / "export.geojson"
    gj.write_text(json.dumps({"type": "FeatureCollection", "features": [feature("Coagul", 5.0, 47.3, kind="place")]}), encoding="utf-8")
    eco = read_umap(gj)
    assert eco.actors.loc["coagul", "kind"] == "place" and eco.actors.loc["coagul", "source"] == "uMap export.geojson"
    csv_path = tmp_path / "export.csv"
    csv_path.write_text("name,Latitude,Longitude,description\nGaïa,47.32,5.04,*jeux* vidéo\n", encoding="utf-8")
    eco = read_umap(csv_path, layer_spheres={})
    assert eco.actors.loc["gaia", ["name", "lat", "lon", "description"]].tolist() == ["Gaïa", 47.32, 5.04, "jeux vidéo"]


def test_layer_to_sphere_mapping_can_be_given(tmp_path):
    path = tmp_path / "map.umap"
    path.write_text(
        json.dumps({"type": "umap", "layers": [{"_umap_options": {"name": "Tiers-lieux"}, "features": [feature("Docks", 5.0, 47.3)]}]}),
        encoding="utf-8",
    )
    assert read_umap(path).actors.loc["docks", "sphere"] == ""
    assert read_umap(path, layer_spheres={"Tiers-lieux": "production"}).actors.loc["docks", "sphere"] == "production"


def test_export_one_layer_per_sphere_with_measures(tmp_path):
    eco = eg.datasets.synthetic(300, seed=2)
    skipped = write_umap(eco, tmp_path / "s.umap", lang="fr")
    doc = json.loads((tmp_path / "s.umap").read_text(encoding="utf-8"))
    names = [layer["_umap_options"]["name"] for layer in doc["layers"]]
    assert set(names) <= {"Consommation", "Production", "Finance", "Innovation", "Structures d'accompagnement", "Sphère inconnue"}
    finance = next(layer for layer in doc["layers"] if layer["_umap_options"]["name"] == "Finance")
    assert finance["_umap_options"]["color"] == SPHERE_COLORS["finance"] == finance["properties"]["color"]
    props = finance["features"][0]["properties"]
    assert {"degree", "betweenness", "community", "isolated", "name", "id"} <= set(props)
    placed = sum(len(layer["features"]) for layer in doc["layers"])
    assert placed + len(skipped) == len(eco.actors)
    back = read_umap(tmp_path / "s.umap")
    assert len(back.actors) == placed and back.problems == []
    by_comm = write_geojson(eco, tmp_path / "s.geojson", by="community")
    assert by_comm == skipped


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(eco=ecosystems(text=PLAIN, with_coordinates=True))
def test_round_trip_of_actors_with_coordinates(eco):
    with tempfile.TemporaryDirectory() as folder:
        write_umap(eco, Path(folder) / "e.umap")
        back = read_umap(Path(folder) / "e.umap")
        cols = [c for c in eco.actors.columns if has_values(eco.actors[c])]
        pd.testing.assert_frame_equal(back.actors.loc[eco.actors.index, cols], eco.actors[cols], check_index_type=False, check_dtype=False)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{oops", "not valid JSON"),
        (b"[1, 2]", "top level is not a JSON object"),
        (b'{"type": "umap", "layers": "no"}', "no 'layers' list"),
    ],
)
def test_malformed_files(tmp_path, content, message):
    path = tmp_path / "bad.umap"
    path.write_bytes(content)
    with pytest.raises(SchemaError, match=message):
        read_umap(path)


def test_hostile_content_is_kept_as_text(tmp_path):
    huge = "x" * 10_000_000
    path = tmp_path / "hostile.umap"
    layers = [{"_umap_options": {"name": "<b>layer</b>"}, "features": [
        feature("<script>window.__pwned=1</script>", 5.0, 47.3, description=huge),
        {"type": "Feature", "geometry": None, "properties": {"name": "nowhere"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": ["east", "north"]}, "properties": {"name": "words"}},
        "not a feature",
    ]}]  # fmt: skip
    path.write_bytes(json.dumps({"type": "umap", "layers": layers}).encode("utf-8"))
    eco = read_umap(path)
    assert eco.actors["name"].tolist() == ["<script>window.__pwned=1</script>"]
    assert len(eco.actors["description"].iloc[0]) == 10_000_000
    reasons = " ".join(str(p) for p in eco.problems)
    assert "not a point" in reasons and "not a number" in reasons
    page = eg.view(eco.graph()).to_html()
    assert "<script>window.__pwned" not in page  # shown as text in views


def test_markup_to_text():
    assert umap_text("# Titre\n**gras** et *italique*") == "Titre\ngras et italique"
    assert umap_text("[[https://a.example]] {{https://a.example/i.png|300}}") == "https://a.example https://a.example/i.png"


EXTERNAL = Path(__file__).parent / "data" / "external" / "umap"


def test_layer_groups_at_any_depth_and_the_maps_label_key():
    eco = read_umap(EXTERNAL / "own-layer-groups.umap")
    assert eco.actors["name"].tolist() == ["Coagul", "La Cagette", "La Rustine", "Le Pavé"]  # the map's labelKey is "Nom"
    assert eco.actors.loc["la-rustine", "umap_layer"] == "Consommation collaborative / Réemploi / Ateliers"
    assert eco.actors.loc["la-rustine", "sphere"] == "consumption"  # from the group's name
    assert eco.actors.loc["le-pave", "sphere"] == "finance"
    assert eco.rejected["reasons"].tolist() == ["geometry: not a point (LineString)"]


def test_the_first_feature_is_rejected_like_any_other(tmp_path):
    path = tmp_path / "m.geojson"
    bad = feature("First", 5.0, 47.3, founded="long ago")
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [bad, feature("Second", 5.1, 47.4)]}), encoding="utf-8")
    eco = read_umap(path)
    assert eco.actors.index.tolist() == ["second"]
    assert eco.rejected[["row", "reasons"]].values.tolist() == [[2, "founded: not a year"]]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("umap-test_upload_data.csv", [(41.34, 122.86), (43.34, 121.86)]),  # Latitude and geo_Longitude, uMap's own fixture
        ("own-lat-lng.csv", [(47.321, 5.041), (47.3, 5.02)]),
        ("own-tab.tsv", [(47.321, 5.041), (47.31, 5.03)]),  # tab-separated, decimal commas, "long"
        ("own-wkt.csv", [(47.321, 5.041), (47.3, 5.02)]),  # POINT (lon lat); the LINESTRING is listed
    ],
)
def test_csv_coordinates_as_umap_reads_them(name, expected):
    eco = read_umap(EXTERNAL / name)
    assert list(zip(eco.actors["lat"], eco.actors["lon"])) == expected
    assert len(eco.rejected) == (1 if name == "own-wkt.csv" else 0)


@pytest.mark.parametrize(
    ("name", "what"),
    [("umap-test_upload_data.gpx", "GPX"), ("umap-test_upload_georss.xml", "GeoRSS"), ("own-osm.json", "OSM JSON")],
)
def test_formats_umap_reads_and_ecograph_does_not_are_named(name, what):
    with pytest.raises(SchemaError, match=f"{what}.* is a format uMap reads but ecograph does not"):
        read_umap(EXTERNAL / name)


def test_export_has_typed_fields_a_popup_and_a_view_that_fits(tmp_path):
    eco = eg.datasets.synthetic(200, seed=3)
    write_umap(eco, tmp_path / "s.umap", lang="fr")
    doc = json.loads((tmp_path / "s.umap").read_text(encoding="utf-8"))
    options = doc["layers"][0]["_umap_options"]
    types = {f["key"]: f["type"] for f in options["fields"]}
    assert types["degree"] == types["betweenness"] == "Number" and types["isolated"] == "Boolean" and types["sphere"] == "Enum"
    assert options["popupContentTemplate"].splitlines()[:3] == ["# {name}", "Sphère: {sphere_label}", "Liens: {degree}"]
    lons = [f["geometry"]["coordinates"][0] for layer in doc["layers"] for f in layer["features"]]
    lats = [f["geometry"]["coordinates"][1] for layer in doc["layers"] for f in layer["features"]]
    lon, lat = doc["geometry"]["coordinates"]
    assert min(lons) <= lon <= max(lons) and min(lats) <= lat <= max(lats)
    assert doc["properties"]["defaultView"] == "data" and 2 <= doc["properties"]["zoom"] <= 17
    a = eg.Analysis(eco, seed=0)
    props = {f["properties"]["id"]: f["properties"] for layer in doc["layers"] for f in layer["features"]}
    some = next(iter(props))
    assert props[some]["degree"] == a.degree[some] and props[some]["community"] == a.communities.membership[some]


def test_export_without_coordinates_is_refused_with_how_to_add_them(tmp_path, capsys):
    from ecograph.cli import main
    from ecograph.interop.umap import MissingCoordinatesError

    with pytest.raises(MissingCoordinatesError, match="none of the 108 actors has coordinates"):
        write_umap(eg.datasets.dijon(), tmp_path / "d.umap")
    assert main(["export", "dijon", "--format", "umap", "-o", str(tmp_path / "d.umap")]) != 0
    err = capsys.readouterr().err
    assert "Ajoutez les colonnes lat et lon à actors.csv" in err and not (tmp_path / "d.umap").exists()  # Dijon's language


def _run_import(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_an_import_that_imports_no_feature_fails_and_keeps_every_feature_in_the_leftovers(tmp_path, capsys):
    path = tmp_path / "m.geojson"
    dateless = feature("Second", 5.1, 47.4)
    dateless["geometry"]["coordinates"] = []
    features = [feature("First", 5.0, 47.3, founded="long ago"), dateless, LINE]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    out = tmp_path / "out"
    code, printed, err = _run_import(["import-umap", str(path), "--out", str(out)], capsys)
    assert code == 1
    assert err.strip() == (
        f"{path}: no feature could be imported, so no dataset was written; the 3 rows left over, each with its reasons, "
        f"are in {out / 'leftovers.csv'}"
    )
    assert "Not imported (3):" in printed and "imported 0 actors" not in printed
    leftovers = pd.read_csv(out / "leftovers.csv")
    assert leftovers[["row", "reasons"]].values.tolist() == [
        [2, "founded: not a year"],
        [3, "geometry: a point without coordinates"],
        [4, "geometry: not a point (LineString)"],
    ]
    assert not (out / "actors.csv").exists()  # no empty dataset that would pass for an import
    # uMap's own fixture whose features all lack coordinates
    code, _, err = _run_import(
        ["import-umap", str(EXTERNAL / "umap-test_upload_empty_coordinates.json"), "--out", str(tmp_path / "o2")], capsys
    )
    assert code == 1 and "umap-test_upload_empty_coordinates.json: no feature could be imported" in err
    assert len(pd.read_csv(tmp_path / "o2" / "leftovers.csv")) == 3
    # one feature imported is an import: exit 0, as before
    features[0] = feature("First", 5.0, 47.3)
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    code, printed, err = _run_import(["import-umap", str(path), "--out", str(out)], capsys)
    assert code == 0 and err == "" and "imported 1 actors" in printed and (out / "actors.csv").exists()
