"""Raw tables of text, and the text rules every reader and writer shares.

A raw table (:class:`RawTable`) keeps every cell as text, exactly as read
(surrounding spaces removed), with the row number a spreadsheet shows; the
typing and checking of cells is the job of :mod:`ecograph.validation`. Here
too: how a value becomes the text of a cell (:func:`cell_text`,
:func:`python_value`), how a file's bytes become text (:func:`decode_bytes`:
byte-order marks, UTF-8, else Windows-1252) and its separator is found
(:func:`sniff_delimiter`), the header checks and size limits every table
reader applies (:func:`header_problems`, :func:`too_many_columns`,
:func:`too_many_cells`, :func:`size_problem`), and the text every file may
hold (:func:`clean_text`, :func:`spreadsheet_text`, :func:`isolate_text`).

Examples
--------
>>> decode_bytes("Café".encode("utf-8-sig")), sniff_delimiter("id;name")
(('Café', 'utf-8-sig'), ';')
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import Problem, SchemaError
from ..schema import MAX_COLUMNS, MAX_FILE_BYTES, MAX_TABLE_CELLS

__all__ = [
    "BIDI_CONTROLS",
    "RawRow",
    "RawTable",
    "cell_text",
    "claimed_twice",
    "clean_header",
    "clean_text",
    "column_positions",
    "decode_bytes",
    "decode_single_byte",
    "header_problems",
    "isolate_text",
    "python_value",
    "row_cells",
    "size_problem",
    "sniff_delimiter",
    "spreadsheet_text",
    "too_many_cells",
    "too_many_columns",
    "unreadable_table",
]


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


def unreadable_table(name: str, file: str, message: str, hint: str, *, encoding: str = "") -> RawTable:
    """A table that could not be read: one problem that stops the load (table "dataset").

    Examples
    --------
    >>> t = unreadable_table("actors", "a.csv", "the file is damaged", "Save it again")
    >>> t.unreadable, t.rows, t.problems[0].message
    (True, [], 'the file is damaged')
    """
    return RawTable(name, file, [], [], encoding, "", [Problem("dataset", file, None, None, None, message, hint)], unreadable=True)


def size_problem(path: Path) -> str | None:
    """Why a file is too large to read (over :data:`ecograph.schema.MAX_FILE_BYTES`), or None.

    Examples
    --------
    >>> import ecograph as eg
    >>> size_problem(eg.datasets.dijon_path() / "actors.csv") is None
    True
    """
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return f"the file is too large to read: {size / 2**20:,.0f} MiB (ecograph reads files up to {MAX_FILE_BYTES / 2**20:,.0f} MiB)"
    return None


_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


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


def decode_single_byte(data: bytes) -> tuple[str, str]:
    """Text and encoding of bytes in a single-byte encoding: Windows-1252, else Latin-1 (which decodes any byte).

    Examples
    --------
    >>> decode_single_byte("Café".encode("cp1252")), decode_single_byte(b"\\x81")
    (('Café', 'cp1252'), ('\\x81', 'latin-1'))
    """
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
        return decode_single_byte(data)


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text: the most frequent of ``, ; TAB`` in the header.

    >>> sniff_delimiter("id;name;kind\\na;A;event"), sniff_delimiter("id,name"), sniff_delimiter("id")
    (';', ',', ',')
    """
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] > 0 else ","


def clean_header(names: list[str]) -> list[str]:
    """Column names as read from a header row: surrounding spaces and a byte-order mark removed.

    Examples
    --------
    >>> clean_header(["\\ufeffid ", " name"])
    ['id', 'name']
    """
    return [n.strip().lstrip("\ufeff").strip() for n in names]


def header_problems(table: str, file: str, columns: list[str]) -> list[Problem]:
    """The problems of a header row: a column without a name, a name given twice (only its first column is read).

    Examples
    --------
    >>> [p.message for p in header_problems("actors", "actors.csv", ["id", "", "id"])]
    ['column 2 has no name', 'this column name appears twice (columns 1 and 3); only column 1 is read']
    """
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


def too_many_columns(name: str, file: str, n: int) -> RawTable:
    """The unreadable table of a file with more than :data:`ecograph.schema.MAX_COLUMNS` columns.

    Examples
    --------
    >>> too_many_columns("actors", "a.csv", 5000).problems[0].message
    'the table has 5,000 columns; ecograph reads tables of up to 1,000 columns'
    """
    return unreadable_table(
        name,
        file,
        f"the table has {n:,} columns; ecograph reads tables of up to {MAX_COLUMNS:,} columns",
        "Delete the columns that are not used (an empty column with a name counts too)",
    )


def too_many_cells(name: str, file: str, rows: int, columns: int) -> RawTable:
    """The unreadable table of a file with more than :data:`ecograph.schema.MAX_TABLE_CELLS` cells.

    Examples
    --------
    >>> too_many_cells("actors", "a.csv", 10, 3).unreadable
    True
    """
    return unreadable_table(
        name,
        file,
        f"the table is too large: more than {rows:,} rows of {columns:,} columns (ecograph reads tables of up to {MAX_TABLE_CELLS:,} cells)",
        "Split the table, or delete the columns that are not used",
    )


def column_positions(columns: list[str]) -> list[tuple[int, str]]:
    """Where each named column is read from: the first of two columns with one name.

    Examples
    --------
    >>> column_positions(["id", "", "name", "id"])
    [(0, 'id'), (2, 'name')]
    """
    seen: set[str] = set()
    positions = []
    for i, col in enumerate(columns):
        if col and col not in seen:
            seen.add(col)
            positions.append((i, col))
    return positions


def row_cells(positions: list[tuple[int, str]], values: list[str]) -> dict[str, str]:
    """The non-empty cells of a row by column name (see :func:`column_positions`).

    Examples
    --------
    >>> row_cells([(0, "id"), (2, "name")], [" a ", "x", "", "b"])
    {'id': 'a'}
    """
    n = len(values)
    return {col: value for i, col in positions if i < n and (value := values[i].strip())}


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


def claimed_twice(key: str, where: str, names: list[str]) -> RawTable:
    """The table that several files or sheets claim: none of them is read.

    Examples
    --------
    >>> claimed_twice("actors", "data", ["actors.csv", "ACTORS.csv"]).problems[0].message
    "2 files claim the table 'actors': actors.csv, ACTORS.csv; ecograph reads none of them"
    """
    return unreadable_table(
        key,
        where,
        f"{len(names)} {'sheets' if names[0].startswith('sheet') else 'files'} claim the table '{key}': {', '.join(names)}; "
        "ecograph reads none of them",
        "Keep one of them (table names do not depend on upper or lower case)",
    )


# Characters XML 1.0 forbids (so no workbook, GEXF or GraphML file may hold them), and lone
# surrogates (no UTF-8 file may hold them). Validation reports them in data; writers replace
# any that reach them, so that every file written opens.
_XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


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
