"""Network Canvas interviews in: both export forms give one dataset of declared ties (fixtures: data/netcanvas/README.md)."""

from __future__ import annotations

import csv
import shutil
import struct
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from lxml import etree

from ecograph.cli import main
from ecograph.errors import SchemaError
from ecograph.interop.netcanvas import read_codebook, read_netcanvas, read_sessions

HERE = Path(__file__).parent / "data" / "netcanvas"
CSV, GRAPHML, PROTOCOL = HERE / "csv", HERE / "graphml", HERE / "protocol.netcanvas"


def _zip(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for p in sorted(folder.iterdir()):
            z.write(p, p.name)
    return target


def _frames(eco) -> dict[str, pd.DataFrame]:
    return {"actors": eco.actors, "ties": eco.ties, "people": eco.people, "affiliations": eco.affiliations}


@pytest.fixture(scope="module")
def from_csv():
    return read_netcanvas(CSV, protocol=PROTOCOL)


def test_csv_and_graphml_import_identically_with_or_without_the_protocol(from_csv, tmp_path):
    forms = {
        "graphml": read_netcanvas(GRAPHML),
        "graphml+protocol": read_netcanvas(GRAPHML, protocol=PROTOCOL),
        "csv without protocol": read_netcanvas(CSV),
        "csv zip": read_netcanvas(_zip(CSV, tmp_path / "export.zip"), protocol=PROTOCOL),
        "graphml zip": read_netcanvas(_zip(GRAPHML, tmp_path / "graphml.zip")),
    }
    for label, eco in forms.items():
        for table, frame in _frames(from_csv).items():
            pd.testing.assert_frame_equal(_frames(eco)[table], frame, obj=f"{label}: {table}")
        assert eco.read_counts == from_csv.read_counts == (8, 4), label
        assert eco.review[["interview", "name", "actor", "match", "candidates"]].equals(
            from_csv.review[["interview", "name", "actor", "match", "candidates"]]
        )


def test_the_actors_ties_and_provenance_are_the_interviews(from_csv):
    eco = from_csv
    assert eco.actors["name"].to_dict() == {
        "coursive": "La Coursive",
        "fablab": "Fab Lab Dijon",
        "metropole": "Dijon Métropole",
        "tiers-lieu-nord": "Tiers-lieu Nord",
        "repair-cafe-dijon": "Repair Café Dijon",
        "fablab-dijon": "Fablab Dijon",
    }
    assert eco.actors.loc["tiers-lieu-nord", ["kind", "commune", "netcanvas_type"]].tolist() == ["place", "Dijon", "Place"]
    ties = eco.ties[["source", "target", "type", "declared_by", "declared_on", "perceived"]].values.tolist()
    assert ties == [
        ["coursive", "fablab", "linked", "respondent-r01", "2026-03-02", "no"],
        ["coursive", "metropole", "linked", "respondent-r01", "2026-03-02", "no"],
        ["coursive", "tiers-lieu-nord", "linked", "respondent-r01", "2026-03-02", "no"],
        ["fablab", "metropole", "collaborates", "respondent-r01", "2026-03-02", "yes"],
        ["metropole", "fablab", "funds", "respondent-r01", "2026-03-02", "yes"],
        ["fablab", "coursive", "linked", "respondent-r02", "2026-03-05", "no"],
        ["fablab", "repair-cafe-dijon", "linked", "respondent-r02", "2026-03-05", "no"],
        ["fablab", "tiers-lieu-nord", "linked", "respondent-r02", "2026-03-05", "no"],
        ["coursive", "repair-cafe-dijon", "collaborates", "respondent-r02", "2026-03-05", "yes"],
        ["repair-cafe-dijon", "metropole", "linked", "respondent-r03", "2026-03-09", "no"],
        ["repair-cafe-dijon", "fablab-dijon", "linked", "respondent-r03", "2026-03-09", "no"],
        ["metropole", "fablab-dijon", "funds", "respondent-r03", "2026-03-09", "yes"],
    ]
    assert set(eco.ties["status"]) == {"declared"}
    assert eco.ties["evidence"].iloc[-1] == (
        "Network Canvas interview R03, 2026-03-09 (session 0e0e0e0e-1111-4111-8111-000000000003, protocol Ecosystem partners 2026)"
    )
    assert eco.people["name"].tolist() == ["Alice", "Bruno", "Chloé"]
    assert eco.people.loc["respondent-r02", "role"] == "employee; volunteer"
    assert eco.affiliations[["person", "actor"]].values.tolist() == [
        ["respondent-r01", "coursive"],
        ["respondent-r02", "fablab"],
        ["respondent-r03", "repair-cafe-dijon"],
    ]
    assert eco.vocabulary.is_valid("type", "collaborates") and not eco.vocabulary.is_directed("collaborates")


def test_alters_are_matched_by_roster_id_then_by_name_with_a_review(from_csv):
    review = from_csv.review[["interview", "name", "actor", "match", "candidates"]].values.tolist()
    assert review == [
        ["R02", "Tiers-Lieu  nord", "tiers-lieu-nord", "name", ""],
        ["R03", "Repair Cafe Dijon", "repair-cafe-dijon", "name", ""],
        ["R03", "Fablab Dijon", "fablab-dijon", "new", "fablab"],
    ]
    # "Dijon Metropole" (R03) carries the roster id metropole: the same actor as R01's "Dijon Métropole", not a review
    assert (from_csv.ties["target"] == "metropole").sum() == 3


def test_attributes_named_alike_in_two_edge_types_both_survive(from_csv):
    root = etree.parse(str(next(GRAPHML.glob("R01_*.graphml")))).getroot()
    keys = [k for k in root if etree.QName(k).localname == "key" and k.get("attr.name") == "strength"]
    assert len(keys) == 2 and keys[0].get("id") != keys[1].get("id")
    for eco in (from_csv, read_netcanvas(GRAPHML)):
        perceived = eco.ties[eco.ties["perceived"] == "yes"]
        assert perceived[["type", "strength"]].values.tolist() == [
            ["collaborates", "3"],
            ["funds", "2"],
            ["collaborates", "1"],
            ["funds", "4"],
        ]
        assert perceived["since"].tolist() == ["2019", "", "2024", ""]
        assert perceived["amount_known"].tolist() == ["", "true", "", "false"]


def _one_hot_rows() -> dict[str, dict[str, str]]:
    """Each alter's row of the CSV attribute lists, by UUID, read with the csv module."""
    rows = {}
    for path in CSV.glob("*_attributeList_*.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            rows.update({r["networkCanvasUUID"]: r for r in csv.DictReader(f)})
    return rows


@pytest.mark.parametrize("form", ["csv+protocol", "csv", "graphml"])
def test_folded_categoricals_equal_the_one_hot_columns_row_by_row(form):
    source, protocol = (CSV, PROTOCOL) if form == "csv+protocol" else (CSV if form == "csv" else GRAPHML, None)
    options = [
        o["value"] for v in read_codebook(PROTOCOL)["node"].values() for var in v["variables"].values() for o in var.get("options", [])
    ]
    raw = _one_hot_rows()
    checked = 0
    for session in read_sessions(source, protocol=protocol):
        for node in session.nodes:
            row = raw[node.uuid]
            assert not any(k.startswith("sector_") for k in node.attributes)
            if "sector_public" in row:
                assert node.attributes["sector"] == "; ".join(o for o in options if row.get(f"sector_{o}") == "true")
                checked += 1
            assert (node.attributes["Layout_x"], node.attributes["Layout_y"]) == (row["Layout_x"], row["Layout_y"])
    assert checked == 6


def test_older_column_names_are_read(tmp_path, from_csv):
    old = tmp_path / "old"
    shutil.copytree(CSV, old)
    for path in old.iterdir():
        text = path.read_text(encoding="utf-8").replace("networkCanvasEgoUUID", "_egoID").replace("networkCanvasCaseID", "_caseID")
        path.write_text(text, encoding="utf-8")
    eco = read_netcanvas(old, protocol=PROTOCOL)
    pd.testing.assert_frame_equal(eco.ties, from_csv.ties)


def _refused(path: Path, tmp_path: Path, capsys, *words: str) -> None:
    with pytest.raises(SchemaError) as info:
        read_netcanvas(path)
    for w in words:
        assert w in str(info.value)
    out = tmp_path / "out"
    assert main(["import-netcanvas", str(path), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert "Traceback" not in err and not out.exists()  # no partial dataset


def test_an_export_without_its_ego_file_is_refused(tmp_path, capsys):
    folder = tmp_path / "export"
    shutil.copytree(CSV, folder)
    for p in folder.glob("*_ego.csv"):
        p.unlink()
    _refused(folder, tmp_path, capsys, "no ego file")


def test_uuids_that_do_not_resolve_are_refused_naming_file_row_and_column(tmp_path, capsys):
    folder = tmp_path / "export"
    shutil.copytree(CSV, folder)
    edge = next(folder.glob("R02_*_edgeList_collaborates.csv"))
    edge.write_text(edge.read_text(encoding="utf-8").replace("c2e3473fd893", "000000000000"), encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        read_netcanvas(folder)
    [problem] = info.value.problems
    assert (Path(problem.file).name, problem.row, problem.column) == (edge.name, 2, "networkCanvasTargetUUID")
    _refused(folder, tmp_path, capsys, "no node of this interview has this UUID")
    ego = tmp_path / "ego"
    shutil.copytree(CSV, ego)
    nodes = next(ego.glob("R03_*_attributeList_Organisation.csv"))
    nodes.write_text(nodes.read_text(encoding="utf-8").replace("e90e0e0e-1111-4111-8111-000000000003", "e90e0e0e-dead"), encoding="utf-8")
    _refused(ego, tmp_path, capsys, "no ego of the ego file has this UUID")


def test_a_zip_declaring_2_gb_is_refused_before_it_is_read(tmp_path, capsys):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("R01_x_ego.csv", "networkCanvasEgoUUID\n" + "e" * 100 + "\n")
    data = bytearray(path.read_bytes())
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 2 * 2**30)  # the uncompressed size the central directory declares
    path.write_bytes(bytes(data))
    _refused(path, tmp_path, capsys, "too large once uncompressed", "2,048 MiB")


def test_graphml_with_a_dtd_is_refused(tmp_path, capsys):
    folder = tmp_path / "export"
    shutil.copytree(GRAPHML, folder)
    first = sorted(folder.iterdir())[0]
    first.write_text(
        first.read_text(encoding="utf-8").replace("<graphml ", '<!DOCTYPE graphml [<!ENTITY a "a">]>\n<graphml ', 1), encoding="utf-8"
    )
    _refused(folder, tmp_path, capsys, "declares XML entities")


def test_the_command_writes_a_valid_dataset_and_the_report_counts_its_declared_ties(tmp_path, capsys):
    out = tmp_path / "survey"
    assert main(["import-netcanvas", str(GRAPHML), "--out", str(out), "--protocol", str(PROTOCOL)]) == 0
    printed = capsys.readouterr().out
    assert "Read 8 nodes and 4 edges" in printed and "imported 6 actors and 12 ties" in printed
    with (out / "review.csv").open(encoding="utf-8") as f:
        assert [r["match"] for r in csv.DictReader(f)] == ["name", "name", "new"]
    assert main(["validate", str(out)]) == 0
    ties = pd.read_csv(out / "ties.csv", dtype=str, keep_default_na=False)
    assert (ties["status"] == "declared").sum() == 12 and ties["declared_on"].str.match(r"^2026-03-0\d$").all()
    assert main(["report", str(out), "-o", str(tmp_path / "report"), "-q"]) == 0
    html = (tmp_path / "report" / "report.html").read_text(encoding="utf-8")
    assert "12 ties are stated in the tables" in html


def test_an_ego_without_organisation_leaves_the_ties_to_alters_over_with_the_reason(tmp_path):
    folder = tmp_path / "export"
    shutil.copytree(CSV, folder)
    ego = next(folder.glob("R03_*_ego.csv"))
    ego.write_text(ego.read_text(encoding="utf-8").replace("Repair Cafe Dijon", ""), encoding="utf-8")
    eco = read_netcanvas(folder, protocol=PROTOCOL)
    assert eco.rejected["reasons"].tolist() == ["the ego's organisation is not known (ego variable organisation)"] * 2
    assert len(eco.ties) == 10 and (eco.ties["declared_by"] == "respondent-r03").sum() == 1  # the edge between two alters stays
    assert "respondent-r03" not in set(eco.affiliations["person"])


def test_two_keys_of_one_name_on_one_node_are_both_kept(tmp_path):
    text = next(GRAPHML.glob("R01_*.graphml")).read_text(encoding="utf-8")
    text = text.replace('attr.name="commune"', 'attr.name="name"')  # Place's commune key now also called "name"
    folder = tmp_path / "g"
    folder.mkdir()
    (folder / "R01.graphml").write_text(text, encoding="utf-8")
    [session] = read_sessions(folder)
    place = next(n for n in session.nodes if n.type == "Place")
    key = next(
        k for k in etree.fromstring(text.encode()).iter() if k.get("attr.name") == "name" and k.get("id", "").startswith("7c1d2e3f-5292")
    )
    assert place.attributes["name"] == "Tiers-lieu Nord" and place.attributes[f"name ({key.get('id')})"] == "Dijon"
