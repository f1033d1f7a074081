"""The collection template: drop-down lists, help, and what people fill in loads back."""

from __future__ import annotations

import openpyxl
import pytest

import ecograph as eg
from ecograph.cli import main
from ecograph.errors import SchemaError


def test_template_sheets_lists_and_help(tmp_path):
    path = tmp_path / "collecte.xlsx"
    assert main(["template", str(path), "--lang", "fr"]) == 0
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["help", "actors", "people", "affiliations", "ties", "lists", "vocabulary"]
    assert wb["lists"].sheet_state == "hidden"
    assert [c.value for c in wb["actors"][1]] == list(eg.schema.TABLES["actors"].column_names)
    rules = {str(dv.sqref): dv.formula1 for dv in wb["ties"].data_validations.dataValidation}
    assert rules["A2:A5000"] == "=actors!$A$2:$A$5000" and rules["B2:B5000"] == "=actors!$A$2:$A$5000"
    assert any(f.startswith("=lists!") for f in rules.values())
    sphere_rule = next(dv for dv in wb["actors"].data_validations.dataValidation if str(dv.sqref) == "D2:D5000")
    column = sphere_rule.formula1.split("!")[1].split(":")[0].replace("$", "")[0]
    listed = [c.value for c in wb["lists"][column][1:] if c.value]
    assert listed == ["consumption", "production", "finance", "innovation", "support"]
    help_rows = list(wb["help"].iter_rows(values_only=True))
    assert help_rows[0] == ("feuille", "colonne", "obligatoire", "valeurs possibles", "quoi écrire", "exemple")
    assert any(r[:3] == ("ties", "evidence", "oui") for r in help_rows)


def test_filled_in_template_validates_and_loads(tmp_path):
    path = tmp_path / "collecte.xlsx"
    eg.template.write_template(path, lang="fr")
    wb = openpyxl.load_workbook(path)  # as a person would, in a spreadsheet program
    actors, ties = wb["actors"], wb["ties"]
    actors.append(
        [
            "coursive",
            "La Coursive Boutaric",
            "place",
            "production",
            "local",
            2012,
            None,
            "Dijon",
            47.3235,
            5.0595,
            None,
            None,
            "entretien 2026",
        ]
    )
    actors.append(["docks", "Les Docks numériques", "place", None, "local", 2013, None, "Dijon", None, None, None, None, "entretien 2026"])
    ties.append(["coursive", "docks", "partnership", 2016, None, None, "entretien 2026"])
    wb.save(path)
    eco = eg.load(path)
    assert list(eco.actors.index) == ["coursive", "docks"]
    assert eco.ties.loc[0, ["source", "target", "type", "start"]].tolist() == ["coursive", "docks", "partnership", "2016"]
    assert main(["validate", str(path)]) == 0
    actors.append(["bad id", "Sans source", "placee", None, None, None, None, None, None, None, None, None, None])
    wb.save(path)
    with pytest.raises(SchemaError) as info:
        eg.load(path)
    assert {(p.row, p.column) for p in info.value.problems} == {(4, "id"), (4, "kind"), (4, "source")}


def test_prefilled_template_round_trips(tmp_path):
    path = tmp_path / "dijon.xlsx"
    assert main(["template", str(path), "--from", "dijon"]) == 0
    eco, original = eg.load(path), eg.datasets.dijon()
    assert eco.actors.equals(original.actors.reindex(columns=eco.actors.columns))
    assert eco.ties.equals(original.ties) and eco.affiliations.equals(original.affiliations)
    assert eco.vocabulary.is_valid("type", "potential_carrier")
