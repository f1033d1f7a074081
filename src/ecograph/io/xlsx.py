"""Workbooks: the streaming .xlsx reader, and workbooks written safely and byte-identically.

Workbooks are read as a stream (:func:`read_sheets`): the sheets' declared
size is ignored, every row holds only the cells the file has, and the size
of what is read is bounded (:data:`ecograph.schema.MAX_XLSX_UNCOMPRESSED_BYTES`,
:data:`ecograph.schema.MAX_XLSX_RATIO`), so that a damaged or hostile
workbook gives a problem, not a crash. Workbooks are written
(:func:`write_xlsx`, :func:`set_cell`, :func:`append_rows`) with text always
as text (no formula injection) and fixed timestamps (:func:`normalise_xlsx`).

Examples
--------
>>> import tempfile, pathlib, pandas as pd
>>> path = write_xlsx({"actors": pd.DataFrame({"id": ["a"]})}, pathlib.Path(tempfile.mkdtemp()) / "w.xlsx")
>>> read_sheets(path, ["actors"])[0]["actors"].rows[0].cells
{'id': 'a'}
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

import numpy as np
import pandas as pd

from ..errors import Problem
from ..schema import MAX_COLUMNS, MAX_TABLE_CELLS, MAX_XLSX_RATIO, MAX_XLSX_UNCOMPRESSED_BYTES
from .raw import (
    RawRow,
    RawTable,
    cell_text,
    claimed_twice,
    clean_header,
    clean_text,
    column_positions,
    header_problems,
    size_problem,
    spreadsheet_text,
    too_many_cells,
    too_many_columns,
    unreadable_table,
)

__all__ = [
    "SPREADSHEET_ROWS",
    "append_rows",
    "normalise_xlsx",
    "read_sheets",
    "set_cell",
    "sheet_rows_xml",
    "spreadsheet_rows",
    "write_xlsx",
]


#: Rows a sheet of Excel or LibreOffice holds, the header included: no workbook written here holds more.
SPREADSHEET_ROWS = 1_048_576


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
                        return too_many_columns(name, file, width)
                    columns = clean_header([texts.get(c, "") for c in range(1, width + 1)])
                    while columns and not columns[-1]:
                        columns.pop()
                positions = column_positions(columns)
                table = RawTable(name, file, columns, [], "xlsx", "", header_problems(name, file, columns))
                if number == 1:
                    continue
            if not any(texts.values()):
                continue
            if (len(table.rows) + 1) * max(len(columns), 1) > MAX_TABLE_CELLS:
                return too_many_cells(name, file, len(table.rows), len(columns))
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
        return unreadable_table(name, file, f"cannot read the sheet: {exc}", _XLSX_BUDGET_NOTE if "large" in str(exc) else _PART_HINT)
    except ET.ParseError as exc:
        return unreadable_table(name, file, f"the sheet is damaged: its XML is not well-formed ({exc})", _PART_HINT)
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
        return unreadable_table(name, file, f"the sheet is damaged ({exc})", _PART_HINT)
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


def _read_workbook(path: Path, names: Iterable[str]) -> tuple[dict[str, RawTable], list[Problem]]:
    file = str(path)
    names = {n.strip().lower() for n in names}
    try:
        too_large = size_problem(path)
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
                tables[key] = claimed_twice(key, file, [f"sheet '{t}'" for t in claimed[key]])
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


_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_FIXED_STAMP = "2000-01-01T00:00:00Z"
#: zlib level of the workbook's parts: level 1 deflates a report's tables 3.5 times faster than the default 6,
#: for files about 25% larger (10,000 actors: tables.xlsx 3.6 MB instead of 2.8 MB).
_ZIP_LEVEL = 1


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
            z.writestr(info, data, compresslevel=_ZIP_LEVEL)


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
        rows = sheet_rows_xml(frame)
        if rows is None:
            append_rows(ws, frame.itertuples(index=False, name=None))
        elif len(frame):
            bodies[f"xl/worksheets/sheet{number}.xml"] = rows
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


def _cells_xml(column: pd.Series, letter: str, marked: np.ndarray | None = None, style: int = 0) -> list[str]:
    """The ``<c>`` elements of one column, rows 2 onwards ("" for an empty cell); cells ``marked`` take the style ``style``.

    Columns of numbers or booleans are written from their values at once; a
    column of objects value by value.
    """
    values = column.tolist()
    rows = range(2, len(values) + 2)
    kind = column.dtype.kind if isinstance(column.dtype, np.dtype) else "O"
    if marked is not None:
        return [_cell_xml(_cell_value(v), f"{letter}{r}", f' s="{style}"' if m else "") for r, v, m in zip(rows, values, marked.tolist())]
    if kind == "b":
        return [f'<c r="{letter}{r}" t="b"><v>{int(v)}</v></c>' for r, v in zip(rows, values)]
    if kind in "iu":
        return [f'<c r="{letter}{r}" t="n"><v>{v}</v></c>' for r, v in zip(rows, values)]
    if kind == "f":
        if np.isinf(column.to_numpy()).any():
            raise _NotPlain
        return ["" if v != v else f'<c r="{letter}{r}" t="n"><v>{v!r}</v></c>' for r, v in zip(rows, values)]
    texts = _plain_texts(values)
    if texts is not None:
        return [
            "" if not t else f'<c r="{letter}{r}" t="inlineStr"><is><t{_space(t)}>{e}</t></is></c>'
            for r, t, e in zip(rows, texts, _escaped(texts))
        ]
    return [_cell_xml(_cell_value(v), f"{letter}{r}") for r, v in zip(rows, values)]


def _plain_texts(values: list) -> list[str] | None:
    """The values as texts ("" for a missing one) when every one is a text or missing and none needs cleaning; else None."""
    if not all(type(v) is str or v is None or v is pd.NA or (type(v) is float and v != v) for v in values):
        return None
    texts = [v if type(v) is str else "" for v in values]
    joined = "\n".join(texts)
    return texts if spreadsheet_text(joined) == joined else None


def _escaped(texts: list[str]) -> list[str]:
    """The texts escaped for XML, all at once (they hold no U+0000, which XML forbids: it parts them)."""
    joined = "\x00".join(texts)
    return joined.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;").split("\x00")


def _space(text: str) -> str:
    """The attribute that keeps a text's leading or trailing spaces and line breaks."""
    return ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""


def _cell_xml(v: object, ref: str, style: str = "") -> str:
    """One ``<c>`` element (an empty cell is "" unless it has a style)."""
    if v is None or v == "":  # an empty text is an empty cell, as openpyxl writes it
        return f'<c r="{ref}"{style}/>' if style else ""
    if isinstance(v, str):
        return f'<c r="{ref}"{style} t="inlineStr"><is><t{_space(v)}>{_escaped([v])[0]}</t></is></c>'
    if isinstance(v, bool):
        return f'<c r="{ref}"{style} t="b"><v>{int(v)}</v></c>'
    if isinstance(v, int):
        return f'<c r="{ref}"{style} t="n"><v>{v}</v></c>'
    if isinstance(v, float) and np.isfinite(v):
        return f'<c r="{ref}"{style} t="n"><v>{v!r}</v></c>'
    raise _NotPlain


def sheet_rows_xml(frame: pd.DataFrame, *, marked: dict[str, np.ndarray] | None = None, style: int = 0) -> tuple[str, str] | None:
    """A sheet's rows below its header as XML (inline strings), and the sheet's extent; None when a value is not plain.

    For :func:`normalise_xlsx`'s ``rows``: text stays text (a value starting
    with ``=`` is never a formula), numbers and booleans are typed, missing
    values are empty cells. ``marked`` maps a column to the rows whose cell
    takes the cell style ``style`` (an index among the workbook's cell
    styles, e.g. ``cell.style_id`` of an openpyxl cell with that style), empty
    cells included. A date or an infinity is not plain: leave such a sheet
    to openpyxl.

    Examples
    --------
    >>> import pandas as pd, numpy as np
    >>> body, extent = sheet_rows_xml(pd.DataFrame({"a": ["=x", None], "n": [1, 2]}), marked={"a": np.array([False, True])}, style=3)
    >>> extent, body
    ('A1:B3', '<row r="2"><c r="A2" t="inlineStr"><is><t>=x</t></is></c><c r="B2" t="n"><v>1</v></c></row><row r="3"><c r="A3" s="3"/><c r="B3" t="n"><v>2</v></c></row>')
    """
    from openpyxl.utils import get_column_letter  # openpyxl takes 0.4 s to import

    letters = [get_column_letter(c) for c in range(1, len(frame.columns) + 1)]
    marked = marked or {}
    try:
        columns = [
            _cells_xml(frame.iloc[:, c], letter, marked.get(name), style) for c, (name, letter) in enumerate(zip(frame.columns, letters))
        ]
    except _NotPlain:
        return None
    body = "".join(f'<row r="{r}">{"".join(cells)}</row>' for r, cells in enumerate(zip(*columns), start=2))
    return body, f"A1:{letters[-1] if letters else 'A'}{len(frame) + 1}"
