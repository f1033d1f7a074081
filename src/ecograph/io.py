"""Reading dataset files into raw tables of text.

A raw table keeps every cell as text, exactly as read (surrounding spaces
removed), with the row number a spreadsheet shows. Typing and checking the
cells is the job of :mod:`ecograph.validation`.

CSV files may be UTF-8 (with or without a byte-order mark) or Windows-1252,
which is what French Excel writes, and may use ``,``, ``;`` or a tab between
cells; both are detected. Workbooks are read with openpyxl.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "actors.csv").write_bytes("id;name\\ncafe;Café Pirouette\\n".encode("cp1252"))
>>> raw = read_table(folder / "actors.csv", "actors")
>>> raw.encoding, raw.delimiter, raw.rows[0].cells["name"], raw.rows[0].row
('cp1252', ';', 'Café Pirouette', 2)
"""

from __future__ import annotations

import csv
import datetime as _dt
import io as _io
import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem
from .schema import TABLE_ORDER

__all__ = ["RawRow", "RawTable", "find_table_files", "read_dataset_files", "read_table"]

_EXTRA_TABLES = ("vocabulary", "metadata")


@dataclass
class RawRow:
    """One data row: its spreadsheet row number and its cells by column name.

    Examples
    --------
    >>> RawRow(2, {"id": "a"}).row
    2
    """

    row: int
    cells: dict[str, str]


@dataclass
class RawTable:
    """A table as read from a file, every cell as text.

    Examples
    --------
    >>> RawTable("actors", "actors.csv", ["id"], [RawRow(2, {"id": "a"})]).rows[0].cells
    {'id': 'a'}
    """

    name: str
    file: str
    columns: list[str]
    rows: list[RawRow]
    encoding: str = ""
    delimiter: str = ""
    problems: list[Problem] = field(default_factory=list)


def _decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (BOM or not), else Windows-1252, else Latin-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"  # decodes any byte


def read_json(path: str | os.PathLike, table: str, hint: str) -> tuple[object, str]:
    """Parse a JSON file (UTF-8, else Windows-1252); a syntax error becomes a located :class:`SchemaError`.

    Returns the data and the encoding it was read with.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "bad.json"
    >>> _ = path.write_text('{"a": }', encoding="utf-8")
    >>> read_json(path, "kumu", "Export it again")
    Traceback (most recent call last):
    ...
    ecograph.errors.SchemaError: 1 problem found in the dataset:
      - ..., row 1: not valid JSON: Expecting value (line 1, column 7). Export it again
    """
    import json

    from .errors import SchemaError

    text, encoding = _decode(Path(path).read_bytes())
    try:
        return json.loads(text), encoding
    except json.JSONDecodeError as exc:
        problem = Problem(
            table, str(path), exc.lineno, None, None, f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", hint
        )
        raise SchemaError([problem]) from None


def _sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text: the most frequent of ``, ; TAB`` in the header."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] > 0 else ","


def _clean_header(names: list[str]) -> list[str]:
    return [n.strip().lstrip("\ufeff").strip() for n in names]


def _header_problems(table: str, file: str, columns: list[str]) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for i, name in enumerate(columns, start=1):
        if not name:
            problems.append(
                Problem(
                    table, file, 1, None, None, f"column {i} has no name", "Give every column a name in row 1, or delete the empty column."
                )
            )
        elif name in seen:
            problems.append(
                Problem(table, file, 1, name, None, "this column name appears twice", "Rename or delete one of the two columns.")
            )
        seen.add(name)
    return problems


def _read_csv(path: Path, name: str) -> RawTable:
    text, encoding = _decode(path.read_bytes())
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(_io.StringIO(text, newline=""), delimiter=delimiter)
    file = str(path)
    records = list(reader)
    if not records:
        return RawTable(
            name,
            file,
            [],
            [],
            encoding,
            delimiter,
            [Problem(name, file, None, None, None, "the file is empty", "Add a header row with the column names.")],
        )
    columns = _clean_header(records[0])
    table = RawTable(name, file, columns, [], encoding, delimiter, _header_problems(name, file, columns))
    # csv.reader counts physical lines for quoted newlines; track the row as a spreadsheet does.
    for offset, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue  # a blank row holds no data
        if len(record) > len(columns) and any(c.strip() for c in record[len(columns) :]):
            table.problems.append(
                Problem(
                    name,
                    file,
                    offset,
                    None,
                    delimiter.join(record[len(columns) :]),
                    f"the row has {len(record)} cells but the header has {len(columns)}",
                    f"Remove the extra cells or quote values that contain '{delimiter}'.",
                )
            )
        cells = {col: (record[i].strip() if i < len(record) else "") for i, col in enumerate(columns) if col}
        table.rows.append(RawRow(offset, cells))
    return table


def cell_text(value: object) -> str:
    """A value as the text a person would have typed in a cell.

    Missing values give ``""``, booleans ``yes``/``no``, whole floats no
    decimals, dates ISO text, lists and mappings JSON.

    Examples
    --------
    >>> [cell_text(v) for v in (None, float("nan"), True, 2016.0, 47.5, {"a": 1}, " x ")]
    ['', '', 'yes', '2016', '47.5', '{"a": 1}', 'x']
    """
    import json

    import pandas as pd

    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value).strip()


def python_value(value: object) -> object:
    """A table value as a plain Python scalar, ``None`` when missing (for JSON, GEXF, GraphML).

    Examples
    --------
    >>> import numpy as np
    >>> [python_value(v) for v in (np.int64(3), np.float64(0.5), float("nan"), "a")]
    [3, 0.5, None, 'a']
    """
    import numpy as np
    import pandas as pd

    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
        return None if isinstance(value, float) and value != value else value
    return value


def _read_sheet(path: Path, sheet, name: str) -> RawTable:
    file = f"{path}[{sheet.title}]"
    rows_iter = sheet.iter_rows(values_only=True)
    try:
        header = next(rows_iter)
    except StopIteration:
        return RawTable(
            name,
            file,
            [],
            [],
            "xlsx",
            "",
            [Problem(name, file, None, None, None, "the sheet is empty", "Add a header row with the column names.")],
        )
    columns = _clean_header([cell_text(v) for v in header])
    while columns and not columns[-1]:
        columns.pop()
    table = RawTable(name, file, columns, [], "xlsx", "", _header_problems(name, file, columns))
    for offset, values in enumerate(rows_iter, start=2):
        texts = [cell_text(v) for v in values]
        if not any(texts):
            continue
        if len(texts) > len(columns) and any(texts[len(columns) :]):
            extra = [t for t in texts[len(columns) :] if t]
            table.problems.append(
                Problem(
                    name,
                    file,
                    offset,
                    None,
                    " | ".join(extra),
                    "the row has values in columns without a header",
                    "Give those columns a name in row 1 or clear the cells.",
                )
            )
        cells = {col: (texts[i] if i < len(texts) else "") for i, col in enumerate(columns) if col}
        table.rows.append(RawRow(offset, cells))
    return table


def read_table(path: str | os.PathLike, name: str) -> RawTable:
    """Read one CSV file as a raw table called ``name``.

    Parameters
    ----------
    path : path-like
        A ``.csv`` (or ``.txt``/``.tsv``) file.
    name : str
        The table name used in error messages.

    Returns
    -------
    RawTable

    Examples
    --------
    >>> import ecograph as eg
    >>> read_table(eg.datasets.dijon_path() / "ties.csv", "ties").delimiter
    ','
    """
    return _read_csv(Path(path), name)


def find_table_files(folder: str | os.PathLike) -> dict[str, Path]:
    """Map table names to the CSV files of a dataset folder (names are case-insensitive).

    Examples
    --------
    >>> import ecograph as eg
    >>> sorted(find_table_files(eg.datasets.dijon_path()))
    ['actors', 'affiliations', 'metadata', 'people', 'ties', 'vocabulary']
    """
    found: dict[str, Path] = {}
    for entry in sorted(Path(folder).iterdir()):
        if entry.is_file() and entry.suffix.lower() in (".csv", ".tsv", ".txt"):
            key = entry.stem.strip().lower()
            if key in TABLE_ORDER or key in _EXTRA_TABLES:
                found.setdefault(key, entry)
    return found


def read_dataset_files(path: str | os.PathLike) -> tuple[dict[str, RawTable], list[Problem]]:
    """Read every table of a dataset folder or workbook.

    Returns
    -------
    tables : dict of str to RawTable
        The tables found, by name (``actors``, ``people``, ``affiliations``,
        ``ties``, ``vocabulary``, ``metadata``).
    problems : list of Problem
        Problems reading the files (missing files, empty files, bad rows).

    Examples
    --------
    >>> import ecograph as eg
    >>> tables, problems = read_dataset_files(eg.datasets.dijon_path())
    >>> len(tables["actors"].rows), problems
    (108, [])
    """
    path = Path(path)
    tables: dict[str, RawTable] = {}
    problems: list[Problem] = []
    if not path.exists():
        problems.append(
            Problem(
                "dataset", str(path), None, None, None, "no such file or folder", "Give the path of a dataset folder or an .xlsx workbook."
            )
        )
        return tables, problems
    if path.is_dir():
        for key, file in find_table_files(path).items():
            tables[key] = _read_csv(file, key)
    elif path.suffix.lower() in (".xlsx", ".xlsm"):
        import openpyxl

        try:
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for a damaged file
            problems.append(
                Problem("dataset", str(path), None, None, None, f"cannot open the workbook ({exc})", "Save it again as an .xlsx workbook.")
            )
            return tables, problems
        try:
            for sheet in wb.worksheets:
                key = sheet.title.strip().lower()
                if (key in TABLE_ORDER or key in _EXTRA_TABLES) and key not in tables:
                    tables[key] = _read_sheet(path, sheet, key)
        finally:
            wb.close()
    else:
        problems.append(
            Problem(
                "dataset",
                str(path),
                None,
                None,
                None,
                "not a dataset folder nor an .xlsx workbook",
                "Give a folder of CSV files or an .xlsx workbook.",
            )
        )
        return tables, problems
    for table in tables.values():
        problems.extend(table.problems)
    return tables, problems


_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_FIXED_STAMP = "2000-01-01T00:00:00Z"


def normalise_xlsx(path: str | os.PathLike) -> None:
    """Make a written workbook byte-identical for identical content.

    openpyxl stamps the zip entries and the document properties with the
    time of saving; this rewrites both with fixed values.

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "w.xlsx"
    >>> openpyxl.Workbook().save(path); normalise_xlsx(path)
    >>> "2000-01-01" in __import__("zipfile").ZipFile(path).read("docProps/core.xml").decode()
    True
    """
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        entries = [(info.filename, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)", rf"\g<1>{_FIXED_STAMP}\g<3>", text)
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=_FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


def write_dataset(eco, folder: str | os.PathLike) -> Path:
    """Write an Ecosystem as a dataset folder of UTF-8 CSV files that :func:`ecograph.load` reads back.

    The dataset's own vocabulary terms go to ``vocabulary.csv``, its
    metadata (when known) to ``metadata.csv``.

    Examples
    --------
    >>> import tempfile, ecograph as eg
    >>> folder = write_dataset(eg.datasets.tiny(), tempfile.mkdtemp())
    >>> eg.load(folder).actors.equals(eg.datasets.tiny().actors)
    True
    """
    import pandas as pd

    from .schema import TABLES
    from .vocabulary import default_vocabulary

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for name in TABLE_ORDER:
        df = getattr(eco, name)
        if TABLES[name].optional and not len(df):
            continue
        frame = df.reset_index() if TABLES[name].key else df
        frame.to_csv(out / f"{name}.csv", index=False, encoding="utf-8", lineterminator="\n")
    base = default_vocabulary()
    rows = [
        {"field": f, "value": t.code, "directed": ("yes" if t.directed else "no") if f == "type" else "", "description": t.description}
        for f in eco.vocabulary.fields
        for t in eco.vocabulary.terms[f].values()
        if t.code not in base.terms.get(f, {})
    ]
    if rows:
        pd.DataFrame(rows).to_csv(out / "vocabulary.csv", index=False, encoding="utf-8", lineterminator="\n")
    _write_metadata(eco, out)
    return out


def _write_metadata(eco, out: Path) -> None:
    """Write ``metadata.csv`` (field, value) when the ecosystem's metadata is known."""
    metadata = getattr(eco, "metadata", None)
    if metadata:
        metadata.to_frame().to_csv(out / "metadata.csv", index=False, encoding="utf-8", lineterminator="\n")


def set_cell(ws, row: int, column: int, value) -> None:
    """Write one workbook cell; text stays text even when it starts with ``=`` (no formula injection).

    Examples
    --------
    >>> import openpyxl
    >>> ws = openpyxl.Workbook().active
    >>> set_cell(ws, 1, 1, "=1+1")
    >>> ws["A1"].data_type, ws["A1"].value
    ('s', '=1+1')
    """
    import numpy as np
    import pandas as pd

    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return
    if isinstance(value, np.generic):
        value = value.item()
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"
    else:
        cell.value = value


def write_xlsx(sheets: dict, path: str | os.PathLike, *, widths: bool = True) -> Path:
    """Write DataFrames as the sheets of one workbook, safely and byte-identically.

    Text cells are always text (a value starting with ``=`` is not turned into
    a formula), and the file's timestamps are fixed (:func:`normalise_xlsx`).

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd, openpyxl
    >>> path = write_xlsx({"t": pd.DataFrame({"a": ["=cmd", "x"]})}, pathlib.Path(tempfile.mkdtemp()) / "t.xlsx")
    >>> [c.value for c in openpyxl.load_workbook(path)["t"]["A"]]
    ['a', '=cmd', 'x']
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    path = Path(path)
    wb = Workbook()
    wb.remove(wb.active)
    for name, frame in sheets.items():
        ws = wb.create_sheet(str(name)[:31])
        for c, column in enumerate(frame.columns, start=1):
            set_cell(ws, 1, c, str(column))
            ws.cell(row=1, column=c).font = Font(bold=True)
        for r, record in enumerate(frame.itertuples(index=False, name=None), start=2):
            for c, value in enumerate(record, start=1):
                set_cell(ws, r, c, value)
        if widths:
            for c, column in enumerate(frame.columns, start=1):
                longest = max([len(str(column)), *(len(str(v)) for v in frame.iloc[:200, c - 1])]) if len(frame) else len(str(column))
                ws.column_dimensions[get_column_letter(c)].width = min(max(10, longest + 2), 60)
    wb.properties.creator = "ecograph"
    wb.save(path)
    normalise_xlsx(path)
    return path
