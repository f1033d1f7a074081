"""Readers and validation under bad input: every problem named by file, row and column, never a crash or silent change.

Most inputs are the files of tests/data/adversarial/ (its README says what
each must trigger); a few are built here when their size is the point.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import ecograph as eg
from conftest import ACTORS_HEADER, TIES_HEADER, actor, tie, write_csv
from ecograph.errors import SchemaError

CORPUS = Path(__file__).parent / "data" / "adversarial"


def problems(path) -> list:
    return eg.validate(path).problems


def messages(path) -> str:
    return "\n".join(str(p) for p in problems(path))


# ---- control characters -------------------------------------------------------------------------------


def test_control_characters_in_cells_are_problems_with_file_row_and_column():
    found = {(p.file.rsplit("/", 1)[-1], p.row, p.column): p for p in problems(CORPUS / "control-characters")}
    vt = found[("actors.csv", 2, "name")]
    nul = found[("actors.csv", 3, "name")]
    assert "control character (U+000B" in vt.message and vt.value == "Le\x0bclub"
    assert "control character (U+0000" in nul.message
    eco = eg.load(CORPUS / "control-characters", on_error="collect")
    assert list(eco.actors.index) == ["c"]  # the two names with control characters are rejected, not changed
    assert sorted(eco.rejected["row"]) == [2, 2, 3]  # actors rows 2 and 3, and the tie to a rejected actor


def test_nul_in_a_header_is_named_as_the_cause():
    text = messages(CORPUS / "nul-in-header")
    assert "actors.csv, row 1, column 'na\\x00me': the name of column 2 holds a control character (U+0000)" in text
    assert "missing required column" in text


def test_control_characters_from_memory_tables_are_reported_too():
    actors = eg.datasets.tiny().actors.reset_index()
    actors.loc[0, "name"] = "Tab\tstays\nok"
    actors.loc[1, "description"] = "bell\x07"
    with pytest.raises(SchemaError, match=r"row 3, column 'description': holds a control character \(U\+0007"):
        eg.from_frames(actors, eg.datasets.tiny().ties)
    actors.loc[1, "description"] = ""
    assert eg.from_frames(actors, eg.datasets.tiny().ties).actors.iloc[0]["name"] == "Tab\tstays\nok"


# ---- workbooks ----------------------------------------------------------------------------------------


def _validate_in_a_child(path: Path, seconds: int) -> tuple[float, int, str]:
    """Run `ecograph validate` in its own process: wall time, peak memory (MiB) and output."""
    code = (
        "import resource, sys, time; from ecograph.cli import main; t = time.perf_counter(); status = main(['validate', sys.argv[1]]);"
        "print('@@', time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=seconds)
    assert "Traceback" not in out.stderr, out.stderr
    wall, rss = out.stdout.rsplit("@@", 1)[1].split()
    return float(wall), int(rss) // 1024, out.stdout


def test_oversized_dimension_is_ignored():
    # 2 KB: <dimension ref="A1:XFD1048576"/> and a cell in the last row; today's reader pads every row to 16,384 columns
    wall, _, out = _validate_in_a_child(CORPUS / "oversized-dimension.xlsx", 120)
    assert wall < 10
    assert "oversized-dimension.xlsx[actors], row 1048576, column 'name': this column must be filled in" in out
    eco = eg.load(CORPUS / "oversized-dimension.xlsx", on_error="collect")
    assert list(eco.actors.index) == ["a", "b"] and len(eco.ties) == 1


def test_malformed_sheet_is_a_problem_naming_file_and_sheet():
    with pytest.raises(SchemaError) as error:
        eg.load(CORPUS / "malformed-sheet.xlsx")
    (p,) = error.value.problems
    assert p.file.endswith("malformed-sheet.xlsx[actors]") and "not well-formed" in p.message


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("zip-bomb.xlsx", "is compressed 1,024 times"),
        ("doctype-entities.xlsx", "declares a document type (DTD)"),
        ("not-a-workbook.xlsx", "cannot open the workbook"),
        ("wide-header.xlsx", "the table has 2,000 columns; ecograph reads tables of up to 1,000 columns"),
    ],
)
def test_hostile_workbooks_are_one_clear_problem(name, needle):
    with pytest.raises(SchemaError) as error:
        eg.load(CORPUS / name, on_error="collect")
    assert [needle in p.message for p in error.value.problems] == [True]


def test_uncompressed_size_is_bounded_even_when_the_ratio_looks_normal(monkeypatch):
    import ecograph.io.xlsx

    monkeypatch.setattr(ecograph.io.xlsx, "MAX_XLSX_UNCOMPRESSED_BYTES", 1000)
    path = CORPUS / "oversized-dimension.xlsx"
    with pytest.raises(SchemaError, match="too large once uncompressed"):
        eg.load(path)


def _wide_workbook(path: Path, columns: int, rows: int) -> Path:
    """A workbook whose actors sheet names many columns and fills four: small on disk, huge when padded."""
    from openpyxl.utils import get_column_letter

    def cell(ref: str, text: str) -> str:
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'

    names = ["id", "name", "kind", "source"] + [f"extra{i}" for i in range(5, columns + 1)]
    head = "".join(cell(f"{get_column_letter(i)}1", n) for i, n in enumerate(names, start=1))
    body = "".join(
        f'<row r="{r}">{cell(f"A{r}", f"a{r}")}{cell(f"B{r}", "A")}{cell(f"C{r}", "place")}{cell(f"D{r}", "s")}</row>'
        for r in range(2, rows + 2)
    )
    sheet = f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">{head}</row>{body}</sheetData></worksheet>'
    eg.io.write_xlsx({"actors": eg.datasets.tiny().actors.reset_index(), "ties": eg.datasets.tiny().ties.iloc[:0]}, path)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)
    return path


def test_a_small_wide_workbook_takes_little_memory(tmp_path):
    path = _wide_workbook(tmp_path / "wide.xlsx", columns=900, rows=10_000)
    assert path.stat().st_size < 250_000
    baseline = _validate_in_a_child(CORPUS / "utf32-bom", 120)[1]  # the interpreter and its libraries
    _, rss, out = _validate_in_a_child(path, 300)
    assert "valid (10000 actors" in out
    # before: about 800 MB for this 180 KB file (650 MB above the interpreter); the empty cells are never stored one by one
    assert rss - baseline < 250, (rss, baseline)


def test_workbook_dates_numbers_and_booleans_read_as_typed(tmp_path):
    import datetime

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "actors"
    ws.append(["id", "name", "kind", "source", "founded", "lat", "lon", "member"])
    ws.append(["a", "A", "place", "s", 2016, 47.5, 5.0, True])
    ws.append(["b", "B", "place", datetime.datetime(2017, 3, 1), 2017.0, 47.25, 5.25, False])
    ties = wb.create_sheet("ties")
    ties.append(["source", "target", "type", "start", "evidence"])
    ties.append(["a", "b", "partnership", datetime.date(2016, 5, 2), "notes"])
    wb.save(tmp_path / "typed.xlsx")
    eco = eg.load(tmp_path / "typed.xlsx")
    assert eco.actors.loc["b", "source"] == "2017-03-01"
    assert eco.actors["founded"].tolist() == [2016, 2017]
    assert eco.actors["lat"].tolist() == [47.5, 47.25]
    assert eco.actors["member"].tolist() == ["yes", "no"]
    assert eco.ties["start"].tolist() == ["2016-05-02"]


# ---- CSV ----------------------------------------------------------------------------------------------


def test_a_cell_longer_than_the_csv_module_limit_loads():
    eco = eg.load(CORPUS / "long-cell")
    assert len(eco.actors.loc["a", "description"]) == 140_000


@pytest.mark.parametrize(("name", "row", "other"), [("mixed-utf8-cp1252", 4, "Windows-1252"), ("mixed-cp1252-utf8", 3, "UTF-8")])
def test_rows_in_another_encoding_are_reported_never_garbled(name, row, other):
    (p,) = problems(CORPUS / name)
    assert (p.row, p.column) == (row, "name")
    assert f"this row is written in {other}" in p.message
    eco = eg.load(CORPUS / name, on_error="collect")
    names = eco.actors["name"].tolist()
    assert all("Ã" not in n for n in names), names  # no mojibake in what loads
    assert {"Café"} <= set(names)


@pytest.mark.parametrize("name", ["utf16-unicode-text", "utf32-bom"])
def test_utf16_and_utf32_with_a_bom_are_decoded(name):
    eco = eg.load(CORPUS / name)
    assert eco.actors.loc["cafe", "name"].startswith("Café") and len(eco.ties) == 1


def test_two_files_claiming_one_table_are_reported():
    (p,) = problems(CORPUS / "two-actors-files")
    assert p.table == "dataset" and "2 files claim the table 'actors': ACTORS.csv, actors.csv" in p.message
    with pytest.raises(SchemaError):
        eg.load(CORPUS / "two-actors-files", on_error="collect")


def test_two_sheets_claiming_one_table_are_reported(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "actors"
    wb.create_sheet("Actors ")
    wb.create_sheet("ties")
    wb.save(tmp_path / "two.xlsx")
    assert "2 sheets claim the table 'actors': sheet 'actors', sheet 'Actors '" in messages(tmp_path / "two.xlsx")


# ---- duplicate ids, empty tables, duplicate columns -----------------------------------------------------


def test_a_repeated_id_rejects_the_repeat_only_and_keeps_the_first_actors_ties():
    eco = eg.load(CORPUS / "duplicate-id", on_error="collect")
    assert eco.rejected[["table", "row"]].values.tolist() == [["actors", 4]]
    assert "this row is left out and row 2 is the one used" in eco.rejected["reasons"].iloc[0]
    assert eco.actors.loc["a", "name"] == "Alpha"
    assert eco.ties[["source", "target"]].values.tolist() == [["a", "b"]]
    assert eco.graph().degree("a") == 1  # not isolated


def test_a_repeated_id_whose_first_row_is_invalid_rejects_both(make_dataset):
    path = make_dataset(actors=[actor("a", kind="nope"), actor("a"), actor("b")], ties=[tie("a", "b")])
    eco = eg.load(path, on_error="collect")
    assert sorted(eco.rejected["row"]) == [2, 2, 3]  # actors rows 2 and 3, and the tie
    assert "row 2 is rejected too" in " ".join(eco.rejected["reasons"])


def test_empty_tables_and_duplicate_columns_are_listed_for_the_coverage_section():
    from ecograph.validation import data_warnings

    eco = eg.load(CORPUS / "empty-ties")
    assert [(w.table, w.message) for w in eco.warnings] == [("ties", "the table has a header but no rows")]
    notes = data_warnings(eco)
    assert notes[["table", "message"]].values.tolist() == [["ties", "the table has a header but no rows"]]
    eco = eg.load(CORPUS / "duplicate-column", on_error="collect")
    notes = data_warnings(eco)
    assert notes[["table", "column"]].values.tolist() == [["actors", "name"]]
    assert "appears twice (columns 2 and 6); only column 2 is read" in notes["message"].iloc[0]
    assert eco.actors.loc["a", "name"] == "Alpha"  # the first of the two columns


def test_blank_cells_cost_nothing_in_raw_rows(tmp_path):
    header = ACTORS_HEADER + [f"x{i}" for i in range(300)]
    write_csv(tmp_path / "actors.csv", header, [actor("a") + [""] * 300])
    write_csv(tmp_path / "ties.csv", TIES_HEADER, [])
    raw = eg.io.read_table(tmp_path / "actors.csv", "actors")
    assert sorted(raw.rows[0].cells) == ["id", "kind", "name", "source"]
    eco = eg.load(tmp_path)
    assert eco.actors.loc["a", "x299"] == "" and eco.actors.shape == (1, len(eg.schema.TABLES["actors"].columns) - 1 + 300)


# ---- JSON ----------------------------------------------------------------------------------------------


def test_deeply_nested_json_is_a_schema_error_not_a_recursion_error():
    from ecograph.interop.kumu import read_kumu
    from ecograph.interop.umap import read_umap

    for reader in (read_kumu, read_umap):
        with pytest.raises(SchemaError, match="nested too deeply"):
            reader(CORPUS / "deeply-nested.json")


def test_xml_imports_that_are_broken_or_entity_laden_are_schema_errors():
    from ecograph.interop.gephi import read_gexf, read_graphml

    with pytest.raises(SchemaError, match="not a well-formed XML file"):
        read_gexf(CORPUS / "broken.gexf")
    with pytest.raises(SchemaError, match="declares XML entities"):
        read_graphml(CORPUS / "laughs.graphml", default_source="corpus")


def test_problem_text_is_bounded_and_printable():
    from ecograph.errors import Problem

    text = str(Problem("actors", "a\x1b[2J.csv", 2, "na\x1bme", "v" * 10_000, "bad", "Did you mean '\x9b31m'?"))
    assert "\x1b" not in text and "\x9b" not in text
    assert len(text) < 600 and "10,000 characters" in text
