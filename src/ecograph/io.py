"""Reading dataset files into raw tables of text, and writing files safely.

A raw table keeps every cell as text, exactly as read (surrounding spaces
removed), with the row number a spreadsheet shows. Typing and checking the
cells is the job of :mod:`ecograph.validation`.

CSV files may be UTF-8 (with or without a byte-order mark), Windows-1252,
which is what French Excel writes, or UTF-16/UTF-32 with a byte-order mark
(Excel's "Unicode Text"), and may use ``,``, ``;`` or a tab between cells;
the encoding is detected for each file and the separator from its header. A
file whose rows are not all in one encoding is reported row by row, never
read as garbled text. Workbooks are read as a stream: the sheets' declared
size is ignored, every row holds only the cells the file has, and the size
of what is read is bounded (:data:`ecograph.schema.MAX_XLSX_UNCOMPRESSED_BYTES`),
so that a damaged or hostile workbook gives a problem, not a crash.

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

import contextlib
import csv
import datetime as _dt
import io as _io
import json
import os
import re
import sys
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

import numpy as np
import pandas as pd

from .errors import Problem, SchemaError
from .schema import (
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_JSON_DEPTH,
    MAX_TABLE_CELLS,
    MAX_XLSX_RATIO,
    MAX_XLSX_UNCOMPRESSED_BYTES,
    TABLE_ORDER,
    TABLES,
)
from .vocabulary import default_vocabulary

__all__ = [
    "SPREADSHEET_ROWS",
    "RawRow",
    "RawTable",
    "cell_text",
    "decode_bytes",
    "sniff_delimiter",
    "clean_text",
    "find_table_files",
    "isolate_text",
    "python_value",
    "read_dataset_files",
    "read_json",
    "read_sheets",
    "read_table",
    "set_cell",
    "spreadsheet_rows",
    "spreadsheet_safe",
    "spreadsheet_text",
    "write_dataset",
    "write_spreadsheet_csv",
    "write_xlsx",
]

_EXTRA_TABLES = ("vocabulary", "metadata")
#: Rows a sheet of Excel or LibreOffice holds, the header included: no workbook written here holds more.
SPREADSHEET_ROWS = 1_048_576

# A cell may be as long as its file: the csv module's own limit (131,072
# characters) would stop the reading with an error.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass
class RawRow:
    """One data row: its spreadsheet row number and its non-empty cells by column name.

    Empty cells are left out (``cells.get(column, "")`` reads any cell), so
    that a wide, mostly empty sheet costs no more memory than its values.

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

    ``unreadable`` is true when the file could not be read at all (too large,
    damaged, undecodable): ``problems`` say why, and the table has no rows.

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
    unreadable: bool = False


def _unreadable(name: str, file: str, message: str, hint: str, *, encoding: str = "") -> RawTable:
    """A table that could not be read: one problem that stops the load (table "dataset")."""
    return RawTable(name, file, [], [], encoding, "", [Problem("dataset", file, None, None, None, message, hint)], unreadable=True)


def _size_problem(path: Path) -> str | None:
    """Why a file is too large to read, or None."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return f"the file is too large to read: {size / 2**20:,.0f} MiB (ecograph reads files up to {MAX_FILE_BYTES / 2**20:,.0f} MiB)"
    return None


# ---- encodings -----------------------------------------------------------------------------------

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, kept by "surrogateescape"
_ENCODING_NAMES = {"utf-8": "UTF-8", "cp1252": "Windows-1252", "latin-1": "Latin-1"}


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when the bytes look like UTF-16 text without a byte-order mark."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _single_byte(data: bytes) -> tuple[str, str]:
    """Windows-1252, else Latin-1 (which decodes any byte)."""
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def decode_bytes(data: bytes, file: str = "") -> tuple[str, str]:
    """Decode a whole file: by its byte-order mark (UTF-8, UTF-16, UTF-32), else UTF-8, else Windows-1252.

    Raises :class:`SchemaError` when a byte-order mark announces an encoding
    the bytes do not follow.

    Examples
    --------
    >>> decode_bytes("Café".encode("utf-16"))
    ('Café', 'utf-16')
    >>> decode_bytes("Café".encode("cp1252"))
    ('Café', 'cp1252')
    """
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "") or _utf16_without_bom(data) or ""
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            if encoding.startswith("utf-16") and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
                return _decode_plain(data)
            name = encoding.upper().replace("-SIG", "")
            problem = Problem(
                "dataset",
                file or "the file",
                None,
                None,
                None,
                f"the file starts like {name} text but byte {exc.start} is not {name}",
                "Save the file again (UTF-8 is best)",
            )
            raise SchemaError([problem]) from None
        return text[1:] if text.startswith("\ufeff") else text, encoding
    return _decode_plain(data)


def _decode_plain(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _single_byte(data)


def _fix_cell(cell: str, as_utf8: bool) -> str:
    """A cell read with "surrogateescape", decoded again from its bytes."""
    raw = cell.encode("utf-8", "surrogateescape")
    if as_utf8:
        with contextlib.suppress(UnicodeDecodeError):  # not UTF-8 after all: read as the file's single-byte encoding
            return raw.decode("utf-8")
    return _single_byte(raw)[0]


def _mixed_rows(records: list[list[str]]) -> tuple[list[list[str]], str, dict[int, tuple[int, str]]]:
    """Settle a file that is not all UTF-8: the encoding of most of its rows, and the rows in the other one.

    ``records`` were decoded as UTF-8 with "surrogateescape": bytes that are
    not UTF-8 became lone surrogates. A row is UTF-8 when it holds accented
    letters that decoded, Windows-1252 when it holds bytes that did not. The
    file's encoding is the one of most such rows; the others are returned, by
    index, with the position and text of their first cell in the other
    encoding, and every cell is decoded again from its bytes.
    """
    utf8_rows: dict[int, int] = {}
    other_rows: dict[int, int] = {}
    for i, record in enumerate(records):
        for j, cell in enumerate(record):
            if cell.isascii():
                continue
            if _ESCAPED_BYTE.search(cell):
                other_rows.setdefault(i, j)
            if not _ESCAPED_BYTE.sub("", cell).isascii():
                utf8_rows.setdefault(i, j)
    file_is_utf8 = len(utf8_rows) >= len(other_rows)
    odd = other_rows if file_is_utf8 else utf8_rows
    fixed: list[list[str]] = []
    single: set[str] = set()
    for i, record in enumerate(records):
        row_is_utf8 = i not in other_rows if file_is_utf8 else i in utf8_rows
        out = []
        for cell in record:
            if not cell.isascii() and (not row_is_utf8 or _ESCAPED_BYTE.search(cell)):
                raw = cell.encode("utf-8", "surrogateescape")
                try:
                    cell = raw.decode("utf-8") if row_is_utf8 else _single_byte(raw)[0]
                except UnicodeDecodeError:
                    cell, encoding = _single_byte(raw)
                    single.add(encoding)
                else:
                    if not row_is_utf8 and i not in odd:
                        single.add(_single_byte(raw)[1])
            out.append(cell)
        fixed.append(out)
    encoding = "utf-8" if file_is_utf8 else ("latin-1" if "latin-1" in single else "cp1252")
    return fixed, encoding, {i: (j, fixed[i][j]) for i, j in odd.items()}


# ---- CSV -----------------------------------------------------------------------------------------


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text: the most frequent of ``, ; TAB`` in the header.

    >>> sniff_delimiter("id;name;kind\\na;A;event"), sniff_delimiter("id,name"), sniff_delimiter("id")
    (';', ',', ',')
    """
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] > 0 else ","


def _clean_header(names: list[str]) -> list[str]:
    return [n.strip().lstrip("\ufeff").strip() for n in names]


def _header_problems(table: str, file: str, columns: list[str]) -> list[Problem]:
    problems = []
    first: dict[str, int] = {}
    for i, name in enumerate(columns, start=1):
        if not name:
            problems.append(
                Problem(
                    table, file, 1, None, None, f"column {i} has no name", "Give every column a name in row 1, or delete the empty column."
                )
            )
        elif name in first:
            problems.append(
                Problem(
                    table,
                    file,
                    1,
                    name,
                    None,
                    f"this column name appears twice (columns {first[name]} and {i}); only column {first[name]} is read",
                    "Rename or delete one of the two columns.",
                )
            )
        else:
            first[name] = i
    return problems


def _too_many_columns(name: str, file: str, n: int) -> RawTable:
    return _unreadable(
        name,
        file,
        f"the table has {n:,} columns; ecograph reads tables of up to {MAX_COLUMNS:,} columns",
        "Delete the columns that are not used (an empty column with a name counts too)",
    )


def _too_many_cells(name: str, file: str, rows: int, columns: int) -> RawTable:
    return _unreadable(
        name,
        file,
        f"the table is too large: more than {rows:,} rows of {columns:,} columns (ecograph reads tables of up to {MAX_TABLE_CELLS:,} cells)",
        "Split the table, or delete the columns that are not used",
    )


def _read_csv(path: Path, name: str) -> RawTable:
    file = str(path)
    try:
        too_large = _size_problem(path)
        data = b"" if too_large else path.read_bytes()
    except OSError as exc:
        return _unreadable(name, file, f"cannot read the file ({exc.strerror or exc})", "Check that the file exists and may be read")
    if too_large:
        return _unreadable(name, file, too_large, "Split the table into several datasets, or remove what is not used")
    try:
        text, encoding = decode_bytes(data, file)
        mixed = False
    except SchemaError as exc:
        return RawTable(name, file, [], [], "", "", exc.problems, unreadable=True)
    if encoding in ("cp1252", "latin-1"):
        # not UTF-8: read it as UTF-8 keeping the other bytes, and settle row by row below
        text, mixed = data.decode("utf-8", "surrogateescape"), True
    delimiter = sniff_delimiter(text)
    reader = csv.reader(_io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as exc:
        return _unreadable(
            name, file, f"the file cannot be read as CSV (line {reader.line_num}: {exc})", "Save it again as CSV from a spreadsheet program"
        )
    odd_rows: dict[int, tuple[int, str]] = {}
    if mixed:
        records, encoding, odd_rows = _mixed_rows(records)
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
    if len(columns) > MAX_COLUMNS:
        return _too_many_columns(name, file, len(columns))
    table = RawTable(name, file, columns, [], encoding, delimiter, _header_problems(name, file, columns))
    table.problems.extend(_encoding_problems(name, file, columns, odd_rows, encoding))
    width = max(len(columns), 1)
    positions = _positions(columns)
    # csv.reader counts physical lines for quoted newlines; track the row as a spreadsheet does.
    for offset, record in enumerate(records[1:], start=2):
        if not "".join(record).strip():
            continue  # a blank row holds no data
        if (len(table.rows) + 1) * width > MAX_TABLE_CELLS:
            return _too_many_cells(name, file, len(table.rows), width)
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
        table.rows.append(RawRow(offset, _cells(positions, record)))
    return table


def _positions(columns: list[str]) -> list[tuple[int, str]]:
    """Where each named column is read from: the first of two columns with one name."""
    seen: set[str] = set()
    positions = []
    for i, col in enumerate(columns):
        if col and col not in seen:
            seen.add(col)
            positions.append((i, col))
    return positions


def _cells(positions: list[tuple[int, str]], values: list[str]) -> dict[str, str]:
    """The non-empty cells of a row by column name."""
    n = len(values)
    return {col: value for i, col in positions if i < n and (value := values[i].strip())}


def _encoding_problems(name: str, file: str, columns: list[str], odd_rows: dict[int, tuple[int, str]], encoding: str) -> list[Problem]:
    problems = []
    other = "Windows-1252" if encoding == "utf-8" else "UTF-8"
    for index, (position, value) in sorted(odd_rows.items()):
        column = columns[position] if index > 0 and position < len(columns) and columns[position] else None
        problems.append(
            Problem(
                name,
                file,
                index + 1,
                column,
                value,
                f"this row is written in {other} while the rest of the file is {_ENCODING_NAMES.get(encoding, encoding)}; "
                "its accented letters cannot be trusted",
                "Save the whole file again in one encoding (in Excel: 'CSV UTF-8'), then check this row's accents",
            )
        )
    return problems


def cell_text(value: object) -> str:
    """A value as the text a person would have typed in a cell.

    Missing values give ``""``, booleans ``yes``/``no``, whole floats no
    decimals, dates ISO text, lists and mappings JSON.

    Examples
    --------
    >>> [cell_text(v) for v in (None, float("nan"), True, 2016.0, 47.5, {"a": 1}, " x ")]
    ['', '', 'yes', '2016', '47.5', '{"a": 1}', 'x']
    """

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
        try:
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        except (TypeError, ValueError, RecursionError):  # keys of several types, nesting too deep
            return json.dumps(str(value), ensure_ascii=False)[1:-1]
    return str(value).strip()


def python_value(value: object) -> object:
    """A table value as a plain Python scalar, ``None`` when missing (for JSON, GEXF, GraphML).

    Text is made safe for XML: characters XML forbids (control characters
    such as a vertical tab or NUL, lone surrogates) become U+FFFD, so that
    every file written from it opens (:func:`clean_text`).

    Examples
    --------
    >>> import numpy as np
    >>> [python_value(v) for v in (np.int64(3), np.float64(0.5), float("nan"), "a", "a\\x0bb")]
    [3, 0.5, None, 'a', 'a\\ufffdb']
    """

    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
        return None if isinstance(value, float) and value != value else value
    if isinstance(value, str):
        return clean_text(value)
    return value


# ---- workbooks -----------------------------------------------------------------------------------

_XLSX_BUDGET_NOTE = "Save the workbook again from Excel or LibreOffice; if it is really this large, split it or use CSV files"
_PART_HINT = "Open the workbook in Excel or LibreOffice and save it again"
_RATIO_GRACE = 2**20  # parts smaller than this are never too compressed


class _Refused(Exception):
    """A workbook part that ecograph will not read (too large, a document type declaration)."""


class _PartStream:
    """A zip member read in chunks, within a budget of uncompressed bytes, refusing DTDs."""

    def __init__(self, stream, budget: list[int], name: str):
        self._stream = stream
        self._budget = budget
        self._name = name
        self._tail = b""

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(65536 if size is None or size < 0 else min(size, 65536))
        self._budget[0] -= len(data)
        if self._budget[0] < 0:
            raise _Refused(
                f"the workbook is too large once uncompressed (ecograph reads up to {MAX_XLSX_UNCOMPRESSED_BYTES / 2**20:,.0f} MiB)"
            )
        window = (self._tail + data).replace(b"\x00", b"")  # UTF-16 parts: drop the zero bytes
        if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
            raise _Refused(f"part {self._name} declares a document type (DTD); a workbook never does")
        self._tail = data[-24:]
        return data

    def __enter__(self) -> _PartStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attr(element: ET.Element, local: str) -> str | None:
    """An attribute by its local name, whatever its namespace."""
    for key, value in element.attrib.items():
        if _local(key) == local:
            return value
    return None


class _Workbook:
    """The parts of an .xlsx file ecograph needs: sheet names and paths, shared strings, date styles."""

    def __init__(self, path: Path):
        self.path = path
        self.zip = zipfile.ZipFile(path)
        self.names = {info.filename: info for info in self.zip.infolist()}
        self.budget = [MAX_XLSX_UNCOMPRESSED_BYTES]
        self.epoch = _dt.datetime(1899, 12, 30)
        main = self._main_part()
        rels = self._relationships(main)
        self.sheets: list[tuple[str, str]] = []
        for element in self._elements(main):
            tag = _local(element.tag)
            if tag == "workbookPr" and (element.get("date1904") or "").lower() in ("1", "true"):
                self.epoch = _dt.datetime(1904, 1, 1)
            elif tag == "sheet":
                target = rels.get(_attr(element, "id") or "")
                if target and target[1].endswith("/worksheet"):
                    self.sheets.append((element.get("name") or "", target[0]))
        self.shared: list[str] = []
        self.date_styles: set[int] = set()
        self.timedelta_styles: set[int] = set()
        for target, kind in rels.values():
            if kind.endswith("/sharedStrings"):
                self.shared = self._shared_strings(target)
            elif kind.endswith("/styles"):
                self._styles(target)

    def close(self) -> None:
        self.zip.close()

    def open(self, name: str) -> _PartStream:
        info = self.names.get(name)
        if info is None:
            raise _Refused(f"part {name} is missing")
        if info.file_size > self.budget[0]:
            raise _Refused(
                f"the workbook is too large once uncompressed: {info.file_size / 2**20:,.0f} MiB in {name} "
                f"(ecograph reads up to {MAX_XLSX_UNCOMPRESSED_BYTES / 2**20:,.0f} MiB)"
            )
        if info.file_size > _RATIO_GRACE and info.file_size > MAX_XLSX_RATIO * max(info.compress_size, 1):
            raise _Refused(
                f"part {name} is compressed {info.file_size / max(info.compress_size, 1):,.0f} times "
                f"(a workbook is compressed at most about {MAX_XLSX_RATIO} times; this looks like a zip bomb)"
            )
        return _PartStream(self.zip.open(info), self.budget, name)

    def _elements(self, name: str, tags: tuple[str, ...] = ()) -> Iterator[ET.Element]:
        """Every element of a part as it ends (or only those with the given local names), then cleared."""
        with self.open(name) as stream:
            for _, element in ET.iterparse(stream, events=("end",)):
                if not tags or _local(element.tag) in tags:
                    yield element
                    element.clear()

    def _main_part(self) -> str:
        if "_rels/.rels" in self.names:
            for element in self._elements("_rels/.rels", ("Relationship",)):
                if (element.get("Type") or "").endswith("/officeDocument"):
                    return (element.get("Target") or "").lstrip("/")
        return "xl/workbook.xml"

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        folder, _, base = part.rpartition("/")
        rels_name = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
        out: dict[str, tuple[str, str]] = {}
        if rels_name not in self.names:
            return out
        for element in self._elements(rels_name, ("Relationship",)):
            target = element.get("Target") or ""
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                parts = [p for p in (folder.split("/") if folder else [])]
                for piece in target.split("/"):
                    if piece == "..":
                        if parts:
                            parts.pop()
                    elif piece and piece != ".":
                        parts.append(piece)
                resolved = "/".join(parts)
            out[element.get("Id") or ""] = (resolved, element.get("Type") or "")
        return out

    def _shared_strings(self, name: str) -> list[str]:
        strings: list[str] = []
        texts: list[str] = []
        phonetic = 0
        with self.open(name) as stream:
            for event, element in ET.iterparse(stream, events=("start", "end")):
                tag = _local(element.tag)
                if tag == "rPh":
                    phonetic += 1 if event == "start" else -1
                elif event == "end" and tag == "t" and not phonetic:
                    texts.append(element.text or "")
                elif event == "end" and tag == "si":
                    strings.append("".join(texts))
                    texts = []
                    element.clear()
        return strings

    def _styles(self, name: str) -> None:
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

        custom: dict[int, str] = {}
        in_cell_xfs = False
        index = 0
        with self.open(name) as stream:
            for event, element in ET.iterparse(stream, events=("start", "end")):
                tag = _local(element.tag)
                if tag == "numFmt" and event == "end":
                    with contextlib.suppress(ValueError):
                        custom[int(element.get("numFmtId") or -1)] = element.get("formatCode") or ""
                elif tag == "cellXfs":
                    in_cell_xfs = event == "start"
                elif tag == "xf" and event == "start" and in_cell_xfs:
                    try:
                        fmt_id = int(element.get("numFmtId") or 0)
                    except ValueError:
                        fmt_id = 0
                    fmt = custom.get(fmt_id, BUILTIN_FORMATS.get(fmt_id, ""))
                    if fmt and is_date_format(fmt):
                        self.date_styles.add(index)
                    if fmt and is_timedelta_format(fmt):
                        self.timedelta_styles.add(index)
                    index += 1
                if event == "end" and tag in ("numFmt", "xf"):
                    element.clear()

    def rows(self, part: str) -> Iterator[tuple[int, dict[int, object]]]:
        """Each row of a sheet that has cells: its number and its values by column number (1 = A)."""
        from openpyxl.utils.cell import column_index_from_string

        row_number = 0
        values: dict[int, object] = {}
        column = 0
        parent = None
        with self.open(part) as stream:
            for event, element in ET.iterparse(stream, events=("start", "end")):
                tag = _local(element.tag)
                if event == "start":
                    if tag == "sheetData":
                        parent = element
                    elif tag == "row":
                        try:
                            row_number = int(element.get("r") or row_number + 1)
                        except ValueError:
                            row_number += 1
                        values, column = {}, 0
                    continue
                if tag == "c":
                    letters = (element.get("r") or "").rstrip("0123456789")
                    try:
                        column = column_index_from_string(letters) if letters else column + 1
                    except ValueError:
                        column += 1
                    value = self._value(element)
                    if value is not None and value != "":
                        values[column] = value
                    element.clear()
                elif tag == "row":
                    if values:
                        yield row_number, values
                    if parent is not None:
                        parent.clear()
                elif tag == "sheetData":
                    return  # nothing after the cells matters

    def _value(self, cell: ET.Element) -> object:
        kind = cell.get("t") or "n"
        raw = None
        inline: list[str] = []
        for child in cell:
            tag = _local(child.tag)
            if tag == "v":
                raw = child.text
            elif tag == "is":  # text runs, directly or in rich-text runs; phonetic readings (rPh) left out
                for part in child:
                    if _local(part.tag) == "t":
                        inline.append(part.text or "")
                    elif _local(part.tag) == "r":
                        inline += [t.text or "" for t in part if _local(t.tag) == "t"]
        if kind == "inlineStr":
            return "".join(inline)
        if raw is None:
            return None
        if kind == "s":
            try:
                return self.shared[int(raw)]
            except (ValueError, IndexError):
                raise _Refused(f"a cell refers to shared string {raw!r}, which the workbook does not have") from None
        if kind == "b":
            return raw.strip() in ("1", "true")
        if kind in ("str", "e", "d"):
            return raw
        try:
            number: object = float(raw) if any(c in raw for c in ".eE") else int(raw)
        except ValueError:
            return raw
        try:
            style = int(cell.get("s") or 0)
        except ValueError:
            style = 0
        if style in self.date_styles:
            from openpyxl.utils.datetime import from_excel

            try:
                return from_excel(number, self.epoch, timedelta=style in self.timedelta_styles)
            except (OverflowError, ValueError):
                return number
        return number


def _read_sheet(book: _Workbook, title: str, part: str, name: str) -> RawTable:
    file = f"{book.path}[{title}]"
    columns: list[str] = []
    positions: list[tuple[int, str]] = []
    table: RawTable | None = None
    try:
        for number, values in book.rows(part):
            texts = {c: cell_text(v) for c, v in values.items()}
            if table is None:
                if number == 1:
                    width = max(texts) if texts else 0
                    if width > MAX_COLUMNS:
                        return _too_many_columns(name, file, width)
                    columns = _clean_header([texts.get(c, "") for c in range(1, width + 1)])
                    while columns and not columns[-1]:
                        columns.pop()
                positions = _positions(columns)
                table = RawTable(name, file, columns, [], "xlsx", "", _header_problems(name, file, columns))
                if number == 1:
                    continue
            if not any(texts.values()):
                continue
            if (len(table.rows) + 1) * max(len(columns), 1) > MAX_TABLE_CELLS:
                return _too_many_cells(name, file, len(table.rows), len(columns))
            extra = [t for c, t in sorted(texts.items()) if c > len(columns) and t]
            if extra:
                table.problems.append(
                    Problem(
                        name,
                        file,
                        number,
                        None,
                        " | ".join(extra[:5]) + (" | …" if len(extra) > 5 else ""),
                        "the row has values in columns without a header",
                        "Give those columns a name in row 1 or clear the cells.",
                    )
                )
            table.rows.append(RawRow(number, {col: texts[i + 1] for i, col in positions if texts.get(i + 1)}))
    except _Refused as exc:
        return _unreadable(name, file, f"cannot read the sheet: {exc}", _XLSX_BUDGET_NOTE if "large" in str(exc) else _PART_HINT)
    except ET.ParseError as exc:
        return _unreadable(name, file, f"the sheet is damaged: its XML is not well-formed ({exc})", _PART_HINT)
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
        return _unreadable(name, file, f"the sheet is damaged ({exc})", _PART_HINT)
    if table is None:
        return RawTable(
            name,
            file,
            [],
            [],
            "xlsx",
            "",
            [Problem(name, file, None, None, None, "the sheet is empty", "Add a header row with the column names.")],
        )
    return table


def _read_workbook(path: Path, names: Iterable[str] = (*TABLE_ORDER, *_EXTRA_TABLES)) -> tuple[dict[str, RawTable], list[Problem]]:
    file = str(path)
    names = {n.strip().lower() for n in names}
    try:
        too_large = _size_problem(path)
    except OSError as exc:
        return {}, [
            Problem("dataset", file, None, None, None, f"cannot read the file ({exc.strerror or exc})", "Check that it may be read")
        ]
    if too_large:
        return {}, [Problem("dataset", file, None, None, None, too_large, "Split the workbook, or use CSV files")]
    try:
        book = _Workbook(path)
    except _Refused as exc:
        hint = _XLSX_BUDGET_NOTE if "large" in str(exc) or "compressed" in str(exc) else _PART_HINT
        return {}, [Problem("dataset", file, None, None, None, f"cannot open the workbook: {exc}", hint)]
    except (zipfile.BadZipFile, ET.ParseError, EOFError, OSError, RuntimeError, NotImplementedError, ValueError) as exc:
        return {}, [Problem("dataset", file, None, None, None, f"cannot open the workbook ({exc})", "Save it again as an .xlsx workbook.")]
    tables: dict[str, RawTable] = {}
    problems: list[Problem] = []
    try:
        claimed: dict[str, list[str]] = {}
        for title, _ in book.sheets:
            key = title.strip().lower()
            if key in names:
                claimed.setdefault(key, []).append(title)
        for title, part in book.sheets:
            key = title.strip().lower()
            if key not in claimed:
                continue
            if len(claimed[key]) > 1:
                tables[key] = _claimed_twice(key, file, [f"sheet '{t}'" for t in claimed[key]])
                continue
            tables[key] = _read_sheet(book, title, part, key)
    finally:
        book.close()
    return tables, problems


def read_sheets(path: str | os.PathLike, names: Iterable[str]) -> tuple[dict[str, RawTable], list[Problem]]:
    """Read the sheets called ``names`` (whatever their case) of any workbook, as raw tables.

    The reader of :func:`read_dataset_files`, for other tools' workbooks
    (Kumu's ``Elements`` and ``Connections``): the same bounds and the same
    problems for a damaged, oversized or hostile file. Tables are keyed by
    lower-case name.

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> path = write_xlsx({"Elements": pd.DataFrame({"Label": ["Café"]})}, pathlib.Path(tempfile.mkdtemp()) / "k.xlsx")
    >>> tables, problems = read_sheets(path, ["elements", "connections"])
    >>> tables["elements"].rows[0].cells, problems
    ({'Label': 'Café'}, [])
    """
    return _read_workbook(Path(path), names)


def _claimed_twice(key: str, where: str, names: list[str]) -> RawTable:
    """The table that several files or sheets claim: none of them is read."""
    return _unreadable(
        key,
        where,
        f"{len(names)} {'sheets' if names[0].startswith('sheet') else 'files'} claim the table '{key}': {', '.join(names)}; "
        "ecograph reads none of them",
        "Keep one of them (table names do not depend on upper or lower case)",
    )


# ---- JSON ----------------------------------------------------------------------------------------


def _depth(data: object) -> int:
    """How deeply lists and mappings nest in ``data`` (without recursion)."""
    deepest = 0
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            values = value.values()
        elif isinstance(value, list):
            values = value
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_JSON_DEPTH:
            return deepest
        stack.extend((v, depth + 1) for v in values if isinstance(v, (dict, list)))
    return deepest


def read_json(path: str | os.PathLike, table: str, hint: str) -> tuple[object, str]:
    """Parse a JSON file (UTF-8, else Windows-1252); a syntax error becomes a located :class:`SchemaError`.

    Returns the data and the encoding it was read with. Files larger than
    :data:`ecograph.schema.MAX_FILE_BYTES` and data nested more than
    :data:`ecograph.schema.MAX_JSON_DEPTH` levels deep are refused with a
    :class:`SchemaError` too.

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
    >>> _ = path.write_text("[" * 10_000 + "]" * 10_000, encoding="utf-8")
    >>> read_json(path, "kumu", "Export it again")
    Traceback (most recent call last):
    ...
    ecograph.errors.SchemaError: 1 problem found in the dataset:
      - ...: the data is nested too deeply (more than 64 levels). Export it again
    """

    path = Path(path)
    file = str(path)
    try:
        too_large = _size_problem(path)
        data = b"" if too_large else path.read_bytes()
    except OSError as exc:
        raise SchemaError([Problem(table, file, None, None, None, f"cannot read the file ({exc.strerror or exc})", hint)]) from None
    if too_large:
        raise SchemaError([Problem(table, file, None, None, None, too_large, hint)])
    text, encoding = decode_bytes(data, file)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = Problem(table, file, exc.lineno, None, None, f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", hint)
        raise SchemaError([problem]) from None
    except RecursionError:
        data = None
        depth = MAX_JSON_DEPTH + 1
    else:
        depth = _depth(data)
    if depth > MAX_JSON_DEPTH:
        raise SchemaError(
            [Problem(table, file, None, None, None, f"the data is nested too deeply (more than {MAX_JSON_DEPTH} levels)", hint)]
        )
    return data, encoding


# ---- folders and files ---------------------------------------------------------------------------


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


def _table_files(folder: Path) -> tuple[dict[str, Path], dict[str, list[Path]]]:
    found: dict[str, list[Path]] = {}
    for entry in sorted(folder.iterdir()):
        if entry.is_file() and entry.suffix.lower() in (".csv", ".tsv", ".txt"):
            key = entry.stem.strip().lower()
            if key in TABLE_ORDER or key in _EXTRA_TABLES:
                found.setdefault(key, []).append(entry)
    return {k: v[0] for k, v in found.items() if len(v) == 1}, {k: v for k, v in found.items() if len(v) > 1}


def find_table_files(folder: str | os.PathLike) -> dict[str, Path]:
    """Map table names to the CSV files of a dataset folder (names are case-insensitive).

    A table that two files claim (``actors.csv`` and ``ACTORS.csv``) is left
    out: :func:`read_dataset_files` reports it.

    Examples
    --------
    >>> import ecograph as eg
    >>> sorted(find_table_files(eg.datasets.dijon_path()))
    ['actors', 'affiliations', 'metadata', 'people', 'ties', 'vocabulary']
    """
    return _table_files(Path(folder))[0]


def _nothing_read(path: Path) -> dict[str, RawTable]:
    """Placeholders for the tables of a dataset that could not be read at all (no "missing table" on top of why)."""
    return {name: RawTable(name, str(path), [], [], unreadable=True) for name in TABLE_ORDER}


def read_dataset_files(path: str | os.PathLike) -> tuple[dict[str, RawTable], list[Problem]]:
    """Read every table of a dataset folder or workbook.

    Returns
    -------
    tables : dict of str to RawTable
        The tables found, by name (``actors``, ``people``, ``affiliations``,
        ``ties``, ``vocabulary``, ``metadata``).
    problems : list of Problem
        Problems reading the files (missing, empty, too large or damaged
        files, two files for one table, bad rows).

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
        return _nothing_read(path), problems
    if path.is_dir():
        try:
            files, conflicts = _table_files(path)
        except OSError as exc:
            problems.append(Problem("dataset", str(path), None, None, None, f"cannot list the folder ({exc.strerror or exc})", ""))
            return _nothing_read(path), problems
        for key, file in files.items():
            tables[key] = _read_csv(file, key)
        for key, claimants in conflicts.items():
            tables[key] = _claimed_twice(key, str(path), [p.name for p in claimants])
    elif path.suffix.lower() in (".xlsx", ".xlsm"):
        tables, problems = _read_workbook(path)
        if problems and not tables:  # the workbook could not be opened: its problem says why
            return _nothing_read(path), problems
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
        return _nothing_read(path), problems
    for table in tables.values():
        problems.extend(table.problems)
    return tables, problems


# ---- writing ------------------------------------------------------------------------------------

# Characters XML 1.0 forbids (so no workbook, GEXF or GraphML file may hold them), and lone
# surrogates (no UTF-8 file may hold them). Validation reports them in data; writers replace
# any that reach them, so that every file written opens.
_XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def clean_text(text: str) -> str:
    r"""``text`` with every character XML forbids (and lone surrogates) replaced by U+FFFD.

    Examples
    --------
    >>> clean_text("Le\x0bclub\x00")
    'Le\ufffdclub\ufffd'
    >>> clean_text("tab\tand newline\n stay")
    'tab\tand newline\n stay'
    """
    return _XML_FORBIDDEN.sub("\ufffd", text)


#: The bidirectional formatting characters (embeddings, overrides, isolates, marks): a name holding
#: U+202E RIGHT-TO-LEFT OVERRIDE reverses the text that follows it wherever it is shown.
BIDI_CONTROLS = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def spreadsheet_text(text: str) -> str:
    r"""``text`` as a cell of a CSV file or a workbook holds it: cleaned (:func:`clean_text`), bidirectional controls removed.

    A spreadsheet shows a cell's text as one run, so that an override left
    open in a name would reverse the rest of the cell, and the CSV line in a
    text editor: the controls (:data:`BIDI_CONTROLS`) are left out.

    Examples
    --------
    >>> spreadsheet_text("Caf\u00e9 \u202eevil\u202c & co\x0b")
    'Café evil & co�'
    """
    return clean_text(BIDI_CONTROLS.sub("", text))


def isolate_text(text: str) -> str:
    r"""``text`` wrapped in U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE when it holds bidirectional controls.

    Within the isolate an override or embedding left open ends with the
    text, so that the sentence around it keeps its order (HTML pages; the
    text is unchanged when it holds none).

    Examples
    --------
    >>> isolate_text("\u202eevil"), isolate_text("Café")
    ('\u2068\u202eevil\u2069', 'Café')
    """
    return f"\u2068{text}\u2069" if BIDI_CONTROLS.search(text) else text


def spreadsheet_safe(value: object) -> object:
    """A value as it may go into a CSV file that people open in a spreadsheet program.

    Text that a spreadsheet would run as a formula (starting with ``=``,
    ``+``, ``-``, ``@``, a tab or a line break) gets a leading ``'``, which
    spreadsheets show as text; characters no file should hold are replaced
    (:func:`spreadsheet_text`: bidirectional controls left out). Other
    values are returned as they are.

    Examples
    --------
    >>> [spreadsheet_safe(v) for v in ("=HYPERLINK(\\"x\\")", "-1", "Café", 3, None)]
    ['\\'=HYPERLINK("x")', "'-1", 'Café', 3, None]
    """
    if not isinstance(value, str):
        return value
    value = spreadsheet_text(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def write_spreadsheet_csv(frame, path: str | os.PathLike) -> Path:
    """Write a DataFrame as a UTF-8 CSV file meant to be opened in a spreadsheet program.

    Every text cell and column name goes through :func:`spreadsheet_safe`, so
    that no cell is run as a formula: the one rule for the report's tables
    and the outreach worklist.

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = write_spreadsheet_csv(pd.DataFrame({"name": ["=1+1", "Café"], "n": [1, 2]}), path)
    >>> path.read_text(encoding="utf-8").splitlines()
    ['name,n', "'=1+1,1", 'Café,2']
    """
    path = Path(path)
    safe = frame.copy()
    for i in range(len(frame.columns)):  # only the text columns: numbers never start a formula
        column = frame.iloc[:, i]
        if column.dtype == object or pd.api.types.is_string_dtype(column):
            safe.isetitem(i, column.map(spreadsheet_safe))
    safe.columns = [spreadsheet_safe(str(c)) for c in frame.columns]
    safe.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return path


_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_FIXED_STAMP = "2000-01-01T00:00:00Z"


def normalise_xlsx(path: str | os.PathLike, *, rows: dict[str, tuple[str, str]] | None = None) -> None:
    """Make a written workbook byte-identical for identical content.

    openpyxl stamps the zip entries and the document properties with the
    time of saving; this rewrites both with fixed values. ``rows`` maps a
    sheet's part name to the XML of rows to add after its header and its new
    ``<dimension>`` range (see :func:`write_xlsx`).

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "w.xlsx"
    >>> openpyxl.Workbook().save(path); normalise_xlsx(path)
    >>> "2000-01-01" in __import__("zipfile").ZipFile(path).read("docProps/core.xml").decode()
    True
    """
    with zipfile.ZipFile(path) as z:
        entries = [(info.filename, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)", rf"\g<1>{_FIXED_STAMP}\g<3>", text)
                data = text.encode("utf-8")
            elif rows and name in rows:
                body, extent = rows[name]
                text = data.decode("utf-8")
                text = re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{extent}"/>', text, count=1)
                cut = text.rindex("</sheetData>")
                data = (text[:cut] + body + text[cut:]).encode("utf-8")
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

    Characters a workbook cannot hold (control characters, lone surrogates)
    are replaced by U+FFFD and bidirectional controls left out
    (:func:`spreadsheet_text`), so that the file opens and reads in order.

    Examples
    --------
    >>> import openpyxl
    >>> ws = openpyxl.Workbook().active
    >>> set_cell(ws, 1, 1, "=1+1")
    >>> ws["A1"].data_type, ws["A1"].value
    ('s', '=1+1')
    >>> set_cell(ws, 1, 2, "Le\x0bclub"); ws["B1"].value
    'Le\ufffdclub'
    """

    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return
    if isinstance(value, np.generic):
        value = value.item()
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = spreadsheet_text(value)
        cell.data_type = "s"
    else:
        cell.value = value


def _cell_value(value):
    """A value as openpyxl stores it: missing as empty, numpy scalars as Python ones, text cleaned (:func:`spreadsheet_text`)."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
        if isinstance(value, float) and value != value:
            return None
    if isinstance(value, str):
        return spreadsheet_text(value)
    return value


def append_rows(ws, rows) -> None:
    """Append rows of values to a worksheet quickly; text stays text even when it starts with ``=`` (as :func:`set_cell`).

    Rows are added with ``ws.append`` (far faster than a cell at a time on
    large tables); the few text cells openpyxl would take for formulas are
    then marked as text.

    Examples
    --------
    >>> import openpyxl
    >>> ws = openpyxl.Workbook().active
    >>> append_rows(ws, [["=1+1", 2, None], ["Le\x0bclub", float("nan"), "x"]])
    >>> ws["A1"].data_type, ws["A1"].value, ws["A2"].value, ws["B2"].value
    ('s', '=1+1', 'Le\ufffdclub', None)
    """
    for row in rows:
        values = [_cell_value(v) for v in row]
        ws.append(values)
        for c, v in enumerate(values, start=1):
            if isinstance(v, str) and v.startswith("="):
                cell = ws.cell(row=ws.max_row, column=c)
                cell.value = v
                cell.data_type = "s"


def _sheet_title(name: object) -> str:
    """A valid sheet name: no ``[]:*?/\\``, no forbidden character, at most 31 characters."""
    title = "".join(ch for ch in clean_text(str(name)) if ch not in "[]:*?/\\\ufffd").strip("'")[:31]
    return title or "-"


def spreadsheet_rows(frame: pd.DataFrame, rest: str, *, limit: int = SPREADSHEET_ROWS - 1) -> pd.DataFrame:
    """At most ``limit`` rows (default: what a sheet holds below its header), the last one saying how many more and where.

    ``rest`` says where the rows left out are (e.g. "in the CSV file of the
    same name"). A frame that fits is returned as it is.

    Examples
    --------
    >>> import pandas as pd
    >>> spreadsheet_rows(pd.DataFrame({"a": range(5)}), "in a.csv", limit=3)["a"].tolist()
    [0, 1, '... 3 more rows in a.csv']
    """
    if len(frame) <= limit:
        return frame
    kept = limit - 1
    note = pd.DataFrame([{frame.columns[0]: f"... {len(frame) - kept} more rows {rest}"}])
    return pd.concat([frame.head(kept).astype(object), note], ignore_index=True)


def write_xlsx(sheets: dict, path: str | os.PathLike, *, widths: bool = True) -> Path:
    """Write DataFrames as the sheets of one workbook, safely and byte-identically.

    Text cells are always text (a value starting with ``=`` is not turned into
    a formula), and the file's timestamps are fixed (:func:`normalise_xlsx`).
    openpyxl writes the workbook and each sheet's header; the rows of text,
    numbers and booleans are written straight as the sheet's XML (inline
    strings), about 20 times faster than one openpyxl cell at a time, which
    matters for report tables of 10,000 rows. A sheet holding other values
    (dates, infinities) is written by openpyxl cell by cell. A sheet holds at
    most :data:`SPREADSHEET_ROWS` rows, what Excel opens, the last one
    saying how many were left out (:func:`spreadsheet_rows`).

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd, openpyxl
    >>> frame = pd.DataFrame({"a": ["=cmd", " x", None], "n": [1, 2.5, True]})
    >>> path = write_xlsx({"t": frame}, pathlib.Path(tempfile.mkdtemp()) / "t.xlsx")
    >>> ws = openpyxl.load_workbook(path)["t"]
    >>> [[c.value for c in row] for row in ws.iter_rows()], ws["A2"].data_type, ws["A1"].font.b
    ([['a', 'n'], ['=cmd', 1], [' x', 2.5], [None, True]], 's', True)
    """
    from openpyxl import Workbook  # openpyxl takes 0.4 s to import: loaded when a workbook is read or written
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    path = Path(path)
    wb = Workbook()
    wb.remove(wb.active)
    bodies: dict[str, tuple[str, str]] = {}
    for number, (name, frame) in enumerate(sheets.items(), start=1):
        ws = wb.create_sheet(_sheet_title(name))
        frame = spreadsheet_rows(frame, f"left out: a sheet holds {SPREADSHEET_ROWS:,} rows")
        append_rows(ws, [[str(c) for c in frame.columns]])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        letters = [get_column_letter(c) for c in range(1, len(frame.columns) + 1)]
        rows = _rows_xml(frame, letters)
        if rows is None:
            append_rows(ws, frame.itertuples(index=False, name=None))
        elif len(frame):
            last = f"{letters[-1]}{len(frame) + 1}" if letters else "A1"
            bodies[f"xl/worksheets/sheet{number}.xml"] = (rows, f"A1:{last}")
        if widths:
            for c, column in enumerate(frame.columns, start=1):
                longest = max([len(str(column)), *(len(str(v)) for v in frame.iloc[:200, c - 1])]) if len(frame) else len(str(column))
                ws.column_dimensions[get_column_letter(c)].width = min(max(10, longest + 2), 60)
    wb.properties.creator = "ecograph"
    wb.save(path)
    normalise_xlsx(path, rows=bodies)
    return path


class _NotPlain(Exception):
    """A value the fast row writer leaves to openpyxl (a date, an infinity...)."""


def _cells_xml(values: list, letter: str) -> list[str]:
    """The ``<c>`` elements of one column, rows 2 onwards ("" for an empty cell)."""
    out = []
    for r, value in enumerate(values, start=2):
        v = _cell_value(value)
        if v is None or v == "":  # an empty text is an empty cell, as openpyxl writes it
            out.append("")
        elif isinstance(v, str):
            text = v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
            space = ' xml:space="preserve"' if v != v.strip() or "\n" in v else ""
            out.append(f'<c r="{letter}{r}" t="inlineStr"><is><t{space}>{text}</t></is></c>')
        elif isinstance(v, bool):
            out.append(f'<c r="{letter}{r}" t="b"><v>{int(v)}</v></c>')
        elif isinstance(v, int):
            out.append(f'<c r="{letter}{r}" t="n"><v>{v}</v></c>')
        elif isinstance(v, float) and np.isfinite(v):
            out.append(f'<c r="{letter}{r}" t="n"><v>{v!r}</v></c>')
        else:
            raise _NotPlain
    return out


def _rows_xml(frame: pd.DataFrame, letters: list[str]) -> str | None:
    """The ``<row>`` elements of a frame's rows (the header is row 1), or None when a value is not plain."""
    try:
        columns = [_cells_xml(frame.iloc[:, c].tolist(), letter) for c, letter in enumerate(letters)]
    except _NotPlain:
        return None
    return "".join(f'<row r="{r}">{"".join(cells)}</row>' for r, cells in enumerate(zip(*columns), start=2))
