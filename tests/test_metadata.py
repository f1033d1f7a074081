"""Dataset metadata: read beside the tables, checked field by field, carried and written back."""

from __future__ import annotations

import pytest

import ecograph as eg
from conftest import write_csv
from ecograph.errors import SchemaError
from ecograph.io import write_dataset


def write_metadata(folder, rows, header=("field", "value"), **kwargs):
    write_csv(folder / "metadata.csv", list(header), [list(r) for r in rows], **kwargs)
    return folder


def test_dijon_metadata_comes_from_its_file():
    meta = eg.datasets.dijon().metadata
    assert meta.title == "L'économie collaborative et ses impacts RH sur le territoire dijonnais — étude 2018"
    assert (meta.territory, meta.period, meta.language, meta.date) == (
        "Territoire dijonnais (Métropole du Grand Dijon)",
        "2018",
        "fr",
        "2018-02-02",
    )
    assert meta.years == (2018, 2018)
    assert meta.licence.startswith("inconnue")  # the study states no licence: said, not invented
    assert "02/02/2018" in meta.source and "Livrable 4" in meta.source


def test_every_bundled_dataset_has_a_title_and_a_language():
    assert eg.datasets.tiny().metadata.title == "Tiny example ecosystem"
    synthetic = eg.datasets.synthetic(50, seed=3).metadata
    assert synthetic.title == "Synthetic ecosystem of 50 actors (seed 3)"
    assert "synthetic" in synthetic.title.lower() and synthetic.language == "en"
    assert synthetic.source == "synthetic data (ecograph.datasets.synthetic, seed=3)"


def test_write_dataset_round_trips_the_metadata(tmp_path):
    for eco in (eg.datasets.tiny(), eg.datasets.dijon()):
        folder = write_dataset(eco, tmp_path / eco.name)
        text = (folder / "metadata.csv").read_text(encoding="utf-8")
        assert text.splitlines()[0] == "field,value"
        assert eg.load(folder).metadata == eco.metadata
    bare = eg.from_frames(eg.datasets.tiny().actors, eg.datasets.tiny().ties)
    assert not bare.metadata and bare.metadata.title == ""
    assert not (write_dataset(bare, tmp_path / "bare") / "metadata.csv").exists()


def test_french_excel_csv_and_case_are_read(make_dataset):
    folder = write_metadata(
        make_dataset(),
        [("Title", "Économie collaborative à Chenôve"), ("language", " FR "), ("period", "2016 – 2018"), ("licence", "")],
        encoding="cp1252",
        delimiter=";",
    )
    meta = eg.load(folder).metadata
    assert (meta.title, meta.language, meta.period, meta.licence) == ("Économie collaborative à Chenôve", "fr", "2016-2018", "")
    assert meta.years == (2016, 2018)


def test_every_problem_names_the_file_the_row_and_the_field(make_dataset):
    folder = write_metadata(
        make_dataset(),
        [
            ("title", "Dijon"),
            ("titre", "Dijon encore"),
            ("language", "français"),
            ("period", "2018-2016"),
            ("date", "02/02/2018"),
            ("url", "www.example.org"),
            ("title", "Dijon bis"),
            ("", "a value alone"),
            ("colour", "blue"),
        ],
    )
    with pytest.raises(SchemaError) as info:
        eg.load(folder)
    got = [str(p).split("metadata.csv, ", 1)[1] for p in info.value.problems]
    assert got == [
        "row 3, column 'field': unknown metadata field (value: 'titre'). Did you mean 'title'? "
        "Fields: title, territory, period, language, source, licence, description, url, date, counted, group, group_gender",
        "row 4, column 'value': language: not one of en, fr (value: 'français'). Write en (English) or fr (French)",
        "row 5, column 'value': period: ends before it starts (value: '2018-2016'). Write the first year first (2016-2018)",
        "row 6, column 'value': date: not a readable year or date (value: '02/02/2018'). Write dates as ISO dates, year first: 2018-02-02",
        "row 7, column 'value': url: not a web address (value: 'www.example.org'). Write a web address starting with https://",
        "row 8, column 'field': this field is given twice, already on row 2 (value: 'title'). Keep one of the two rows",
        "row 9, column 'field': a value without a field. Write the field's name in the 'field' column",
        "row 10, column 'field': unknown metadata field (value: 'colour'). "
        "Fields: title, territory, period, language, source, licence, description, url, date, counted, group, group_gender",
    ]
    assert all(p.table == "metadata" and p.file.endswith("metadata.csv") for p in info.value.problems)


def test_collect_keeps_what_can_be_read_and_reports_the_rest(make_dataset):
    folder = write_metadata(make_dataset(), [("title", "Dijon"), ("language", "de")])
    eco = eg.load(folder, on_error="collect")
    assert (eco.metadata.title, eco.metadata.language) == ("Dijon", "")  # unknown, never a guess
    assert [(p.table, p.row, p.column) for p in eco.problems] == [("metadata", 3, "value")]
    assert len(eco.actors) == 3 and eco.rejected.empty  # no data row is lost for a metadata problem


def test_a_wide_table_and_stray_columns_are_explained(make_dataset):
    folder = write_metadata(make_dataset(), [("Dijon", "fr")], header=("title", "language"))
    with pytest.raises(SchemaError) as info:
        eg.load(folder)
    assert {p.column for p in info.value.problems} == {"field", "value"}
    assert all("Write one field per row" in p.hint for p in info.value.problems)
    folder = write_metadata(make_dataset(), [("title", "Dijon", "to check"), ("language", "fr", "")], header=("field", "value", "note"))
    with pytest.raises(SchemaError) as info:
        eg.load(folder)
    [problem] = info.value.problems
    assert (problem.row, problem.column, problem.value, problem.message) == (2, "note", "to check", "this column is not read")


def test_from_frames_checks_metadata_like_a_file():
    tiny = eg.datasets.tiny()
    eco = eg.from_frames(tiny.actors, tiny.ties, metadata=eg.Metadata(title="T", language="en"))
    assert eco.metadata == eg.Metadata(title="T", language="en")
    with pytest.raises(SchemaError, match=r"<metadata>, row 3, column 'value': language: not one of en, fr \(value: 'english'\)"):
        eg.from_frames(tiny.actors, tiny.ties, metadata={"title": "T", "language": "english"})


def test_schema_documents_every_metadata_field():
    text = eg.schema_markdown()
    section = text[text.index("## `metadata` (optional table)") : text.index("## Rules checked across rows")]
    for spec in eg.schema.METADATA_FIELDS:
        assert f"| `{spec.name}` |" in section
    assert "`en` or `fr`" in section


def test_counted_is_read_as_numbers_by_sphere_and_checked(make_dataset):
    folder = write_metadata(make_dataset(), [("counted", " Consumption = 23 ;finance=4; ")])
    meta = eg.load(folder).metadata
    assert (meta.counted, meta.counts) == ("consumption=23; finance=4", {"consumption": 23, "finance": 4})
    assert eg.datasets.dijon().metadata.counts == {"consumption": 23, "production": 18, "innovation": 13, "support": 11, "finance": 4}
    for bad, message in (
        ("consumption=many", "'consumption=many' is not a code and a whole number"),
        ("finance=4; finance=5", "'finance' is counted twice"),
        ("consumtion=23", "'consumtion' is not a sphere"),
    ):
        folder = write_metadata(make_dataset(), [("counted", bad)])
        with pytest.raises(SchemaError) as info:
            eg.load(folder)
        [problem] = info.value.problems
        assert (problem.row, problem.column) == (2, "value") and message in problem.message
    assert problem.hint.startswith("Did you mean 'consumption'? Spheres: consumption, production")
