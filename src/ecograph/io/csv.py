"""CSV files read as raw tables: any of the encodings people have, any of three separators.

CSV files may be UTF-8 (with or without a byte-order mark), Windows-1252,
which is what French Excel writes, or UTF-16/UTF-32 with a byte-order mark
(Excel's "Unicode Text"), and may use ``,``, ``;`` or a tab between cells;
the encoding is detected for each file and the separator from its header. A
file whose rows are not all in one encoding is reported row by row, never
read as garbled text.

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
import io as _io
import os
import re
import sys
from pathlib import Path

from ..errors import Problem, SchemaError
from ..schema import MAX_COLUMNS, MAX_TABLE_CELLS
from .raw import (
    RawRow,
    RawTable,
    clean_header,
    column_positions,
    decode_bytes,
    decode_single_byte,
    header_problems,
    row_cells,
    size_problem,
    sniff_delimiter,
    too_many_cells,
    too_many_columns,
    unreadable_table,
)

__all__ = ["read_table"]


# A cell may be as long as its file: the csv module's own limit (131,072
# characters) would stop the reading with an error.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, kept by "surrogateescape"
_ENCODING_NAMES = {"utf-8": "UTF-8", "cp1252": "Windows-1252", "latin-1": "Latin-1"}


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
                    cell = raw.decode("utf-8") if row_is_utf8 else decode_single_byte(raw)[0]
                except UnicodeDecodeError:
                    cell, encoding = decode_single_byte(raw)
                    single.add(encoding)
                else:
                    if not row_is_utf8 and i not in odd:
                        single.add(decode_single_byte(raw)[1])
            out.append(cell)
        fixed.append(out)
    encoding = "utf-8" if file_is_utf8 else ("latin-1" if "latin-1" in single else "cp1252")
    return fixed, encoding, {i: (j, fixed[i][j]) for i, j in odd.items()}


def _read_csv(path: Path, name: str) -> RawTable:
    file = str(path)
    try:
        too_large = size_problem(path)
        data = b"" if too_large else path.read_bytes()
    except OSError as exc:
        return unreadable_table(name, file, f"cannot read the file ({exc.strerror or exc})", "Check that the file exists and may be read")
    if too_large:
        return unreadable_table(name, file, too_large, "Split the table into several datasets, or remove what is not used")
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
        return unreadable_table(
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
    columns = clean_header(records[0])
    if len(columns) > MAX_COLUMNS:
        return too_many_columns(name, file, len(columns))
    table = RawTable(name, file, columns, [], encoding, delimiter, header_problems(name, file, columns))
    table.problems.extend(_encoding_problems(name, file, columns, odd_rows, encoding))
    width = max(len(columns), 1)
    positions = column_positions(columns)
    # csv.reader counts physical lines for quoted newlines; track the row as a spreadsheet does.
    for offset, record in enumerate(records[1:], start=2):
        if not "".join(record).strip():
            continue  # a blank row holds no data
        if (len(table.rows) + 1) * width > MAX_TABLE_CELLS:
            return too_many_cells(name, file, len(table.rows), width)
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
        table.rows.append(RawRow(offset, row_cells(positions, record)))
    return table


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
