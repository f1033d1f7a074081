"""``datapackage.json``: a dataset folder described as a Frictionless data package, checked by frictionless itself."""

from __future__ import annotations

import json
import shutil

import pytest

import ecograph as eg
from ecograph.cli import main
from ecograph.interop.datapackage import datapackage_descriptor, write_datapackage

frictionless = pytest.importorskip("frictionless")  # the `test` extra installs it


@pytest.fixture
def dijon(tmp_path):
    folder = tmp_path / "dijon"
    shutil.copytree(eg.datasets.dijon_path(), folder)
    return folder


def _errors(path):
    report = frictionless.validate(str(path))
    return report.valid, sorted({t for t in report.flatten(["type"]) for t in t})


def test_dijon_is_a_valid_data_package(dijon, capsys):
    assert main(["datapackage", str(dijon)]) == 0
    package = json.loads((dijon / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == ["actors", "people", "affiliations", "ties"]
    actors, people, affiliations, ties = package["resources"]
    assert actors["schema"]["primaryKey"] == "id" and people["schema"]["primaryKey"] == "id"
    assert [fk["fields"] for fk in affiliations["schema"]["foreignKeys"]] == ["person", "actor"]
    assert [fk["reference"]["resource"] for fk in ties["schema"]["foreignKeys"]] == ["actors", "actors"]
    status = next(f for f in ties["schema"]["fields"] if f["name"] == "status")
    assert status["constraints"]["enum"] == ["stated", "proposed", "cited", "declared", "confirmed"]
    founded = next(f for f in actors["schema"]["fields"] if f["name"] == "founded")
    assert (founded["type"], founded["constraints"]) == ("integer", {"minimum": 1000, "maximum": 2999})
    assert next(f for f in ties["schema"]["fields"] if f["name"] == "note") == {"name": "note", "type": "string"}
    assert package["title"] == eg.datasets.dijon().metadata.title
    assert _errors(dijon / "datapackage.json") == (True, [])
    assert main(["datapackage", str(dijon)]) == 2  # an existing file is refused without --force
    assert main(["datapackage", "dijon"]) == 2  # the bundled dataset is never written into


def test_frictionless_finds_a_broken_reference_and_an_unknown_code(dijon):
    path = write_datapackage(dijon)
    ties = (dijon / "ties.csv").read_text(encoding="utf-8").splitlines()
    source, _target, rest = ties[1].split(",", 2)
    ties[1] = f"{source},nobody,{rest}"  # an actor that does not exist
    status = next(s for s in (",stated,", ",proposed,", ",cited,") if s in ties[2])
    ties[2] = ties[2].replace(status, ",rumoured,", 1)  # a status the vocabulary does not have
    (dijon / "ties.csv").write_text("\n".join(ties) + "\n", encoding="utf-8")
    valid, errors = _errors(path)
    assert not valid and errors == ["constraint-error", "foreign-key"]


def test_the_merged_dataset_comes_with_its_data_package(tmp_path):
    from test_merge import SECRET, _answer, _tie, _write

    from ecograph.interop.merge import apply_review, review_responses

    eco = eg.datasets.tiny()
    _write(tmp_path / "r", "a.json", _answer(eco, "loner", new=[_tie("coop", start="2020")]))
    _write(tmp_path / "r", "b.json", _answer(eco, "coop", new=[_tie("loner")]))
    new, counts = apply_review(eco, review_responses(eco, sorted((tmp_path / "r").iterdir()), secret=SECRET))
    assert counts["confirmed_tie"] == 1
    folder = eg.io.write_dataset(new, tmp_path / "new")
    package = datapackage_descriptor(folder)
    ties = package["resources"][-1]["schema"]["fields"]
    assert [f["name"] for f in ties][-3:] == ["declared_by", "declared_on", "confirmed_by"]
    write_datapackage(folder)
    assert _errors(folder / "datapackage.json") == (True, [])
