"""The collection template: drop-down lists, help, and what people fill in loads back."""

from __future__ import annotations

import openpyxl
import pytest

import ecograph as eg
import ecograph.interop.template
from ecograph.cli import main
from ecograph.errors import SchemaError


def test_template_sheets_lists_and_help(tmp_path):
    path = tmp_path / "collecte.xlsx"
    assert main(["template", str(path), "--lang", "fr"]) == 0
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["help", "actors", "people", "affiliations", "ties", "lists", "vocabulary", "metadata"]
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
    eg.interop.template.write_template(path, lang="fr")
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
    assert eco.metadata == original.metadata and eco.metadata.language == "fr"


def test_metadata_sheet_lists_every_field_and_loads_back_what_people_write(tmp_path):
    path = tmp_path / "collecte.xlsx"
    eg.interop.template.write_template(path, lang="fr")
    wb = openpyxl.load_workbook(path)
    ws = wb["metadata"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("field", "value")
    assert [r[0] for r in rows[1:]] == [c.name for c in eg.schema.METADATA_FIELDS]
    assert all(r[1] is None for r in rows[1:])  # nothing known yet
    language_row = 1 + [r[0] for r in rows].index("language")
    rule = next(dv for dv in ws.data_validations.dataValidation if str(dv.sqref) == f"B{language_row}")
    assert rule.formula1 == '"en,fr"'
    ws.cell(row=2, column=2, value="Économie collaborative à Chenôve")
    ws.cell(row=language_row, column=2, value="fr")
    ws.cell(row=1 + [r[0] for r in rows].index("period"), column=2, value=2019)  # a number, as Excel keeps it
    wb.save(path)
    meta = eg.load(path).metadata
    assert (meta.title, meta.language, meta.period, meta.territory) == ("Économie collaborative à Chenôve", "fr", "2019", "")
    ws.cell(row=language_row, column=2, value="allemand")
    wb.save(path)
    with pytest.raises(SchemaError) as info:
        eg.load(path)
    [problem] = info.value.problems
    assert (problem.table, problem.row, problem.column, problem.value) == ("metadata", language_row, "value", "allemand")
    assert str(problem).startswith(f"{path}[metadata], row {language_row}, column 'value': language: not one of en, fr")


def test_mark_gaps_highlights_exactly_the_gaps(tmp_path):
    eco = eg.datasets.dijon()
    path = eg.interop.template.write_template(tmp_path / "dijon.xlsx", lang="fr", source=eco, mark_gaps=True)
    ws = openpyxl.load_workbook(path)["actors"]
    header = [c.value for c in ws[1]]
    gaps = eg.gaps.actor_gaps(eco)
    assert [c.value for c in ws["A"][1:]] == gaps.index.tolist()

    def marked(column: str) -> list[bool]:
        c = header.index(column)
        return [row[c].fill.fgColor.rgb == "00F4B6C2" for row in ws.iter_rows(min_row=2)]

    for flag, column in {"missing_sphere": "sphere", "missing_founded": "founded", "missing_scope": "scope", "missing_tie": "id"}.items():
        assert marked(column) == gaps[flag].tolist(), column
    # an empty cell is marked where a sphere applies (not an institution's, a programme's...), a filled one never is
    c, applies = header.index("sphere"), eg.gaps.sphere_applies(eco.actors)
    rows = zip(ws.iter_rows(min_row=2), marked("sphere"), applies, strict=True)
    assert all((row[c].value is None and bool(a)) == flagged for row, flagged, a in rows)
    assert sum(marked("sphere")) == 35  # 87 of 108 rows without a sphere, 52 of them of kinds no sphere applies to
    assert not any(marked("name"))
    help_rows = [r[0] for r in openpyxl.load_workbook(path)["help"].iter_rows(values_only=True)]
    assert any(str(r).startswith("Cellules surlignées") for r in help_rows)
    # marking changes nothing that loads back
    assert eg.load(path).actors.equals(eco.actors.reindex(columns=eg.load(path).actors.columns))
    with pytest.raises(ValueError, match="mark_gaps needs a source"):
        eg.interop.template.write_template(tmp_path / "x.xlsx", mark_gaps=True)


def test_the_template_is_in_the_language_of_the_dataset_it_is_filled_from(tmp_path):
    assert main(["template", str(tmp_path / "d.xlsx"), "--from", "dijon"]) == 0
    assert next(openpyxl.load_workbook(tmp_path / "d.xlsx")["help"].values)[:2] == ("feuille", "colonne")
    assert main(["template", str(tmp_path / "e.xlsx")]) == 0  # no dataset: English
    assert next(openpyxl.load_workbook(tmp_path / "e.xlsx")["help"].values)[:2] == ("sheet", "column")
    assert main(["template", str(tmp_path / "f.xlsx"), "--from", "dijon", "--lang", "en"]) == 0
    assert next(openpyxl.load_workbook(tmp_path / "f.xlsx")["help"].values)[:2] == ("sheet", "column")


def test_every_column_has_help_in_both_languages_and_the_english_is_the_schemas():
    columns = [(t, c) for t in eg.schema.TABLE_ORDER for c in eg.schema.TABLES[t].columns]
    columns += [("metadata", c) for c in eg.schema.METADATA_FIELDS]
    for table, spec in columns:
        assert ecograph.interop.template.column_help(table, spec.name, "en") == spec.description, (table, spec.name)
        assert ecograph.interop.template.column_help(table, spec.name, "fr") != spec.description, (table, spec.name)
    for kind in eg.schema.TYPES:
        if kind not in ("vocab", "language"):
            assert f"template.type.{kind}" in eg.words.CATALOGUE, kind


def test_the_french_help_sheet_is_french(tmp_path):
    path = ecograph.interop.template.write_template(tmp_path / "t.xlsx", lang="fr")
    rows = {(r[0], r[1]): r for r in openpyxl.load_workbook(path)["help"].iter_rows(min_row=2, values_only=True)}
    assert rows[("actors", "founded")][3:5] == ("année (par ex. 2016)", "Année de création.")
    assert rows[("ties", "source")][3] == "identifiant de la feuille actors"
    assert rows[("ties", "status")][4].startswith("Comment le lien est connu")
    assert rows[("metadata", "counted")][3:5] == (
        "codes suivis chacun d'un nombre entier (consumption=23; finance=4)",
        eg.words.word("template.help.metadata.counted", "fr"),
    )
    ws = openpyxl.load_workbook(path)["ties"]
    assert {dv.error for dv in ws.data_validations.dataValidation} >= {"Choisissez une valeur dans la liste (type)"}


def test_the_help_sheet_examples_speak_the_template_language(tmp_path):
    """The French help sheet showed "Former PREMICE employee A" and "Interview, 2017-06-08"; codes and dates stay as they are."""

    def examples(lang: str) -> dict:
        path = eg.interop.template.write_template(tmp_path / f"{lang}.xlsx", lang=lang)
        rows = list(openpyxl.load_workbook(path)["help"].iter_rows(min_row=2, values_only=True))
        return {(r[0], r[1]): r[5] for r in rows}

    fr, en = examples("fr"), examples("en")
    assert fr[("people", "name")] == "Ancien salarié de PREMICE A" and en[("people", "name")] == "Former PREMICE employee A"
    assert fr[("people", "source")] == "Entretien, 2017-06-08" and fr[("metadata", "title")] == "L'économie collaborative à Dijon"
    assert fr[("actors", "founded")] == en[("actors", "founded")] and fr[("actors", "scope")] == en[("actors", "scope")] == "local"
    english = [k for k, v in fr.items() if isinstance(v, str) and any(w in v for w in ("Study", "Interview", "Former", "economy"))]
    assert english == []
