"""Validating raw tables against the schema and turning them into typed tables.

Validation collects every problem (it never stops at the first one) and
names, for each, the file, the row as a spreadsheet shows it, the column, the
bad value and how to fix it. Rows with a problem are *rejected*: with
``on_error="raise"`` the whole load fails with a :class:`SchemaError`; with
``on_error="collect"`` the valid rows load and the rejected ones are returned
with their reasons, so nothing is silently lost.

Examples
--------
>>> from ecograph.io import RawTable, RawRow
>>> actors = RawTable("actors", "actors.csv", ["id", "name", "kind", "source"],
...     [RawRow(2, {"id": "a", "name": "A", "kind": "initiative", "source": "s"}),
...      RawRow(3, {"id": "b", "name": "B", "kind": "initiativ", "source": ""})])
>>> ties = RawTable("ties", "ties.csv", ["source", "target", "type", "evidence"], [])
>>> result = validate_tables({"actors": actors, "ties": ties})
>>> for p in result.problems: print(p)
actors.csv, row 3, column 'kind': unknown kind (value: 'initiativ'). Did you mean 'initiative'? Valid codes: initiative, support_structure, institution, school, company, platform, funder, fund, place, territory, event, programme, recommendation
actors.csv, row 3, column 'source': this column must be filled in. Say where this fact comes from
>>> list(result.tables["actors"].index)
['a']
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .errors import Problem
from .io import RawRow, RawTable
from .metadata import Metadata, read_metadata
from .schema import TABLE_ORDER, TABLES, Column, Table
from .timeutil import parse_when, period
from .vocabulary import Term, Vocabulary, default_vocabulary
from .words import LANGUAGES

__all__ = ["CONTROL_CHARACTERS", "SLUG_PATTERN", "ValidationResult", "data_warnings", "slugify", "validate_tables"]

SLUG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_TRUE = {"yes", "y", "true", "1", "oui", "o", "x"}
_FALSE = {"no", "n", "false", "0", "non", ""}
#: Ties linking an actor to itself are each rejected; the first this many are listed one by one, the rest in one problem.
SELF_LOOPS_LISTED = 20
_REJECTED_COLUMNS = ["table", "file", "row", "reasons", "cells"]
_WARNING_COLUMNS = ["table", "file", "column", "message", "hint"]

#: Characters no cell may hold: control characters other than tab and line breaks (C0, DEL, C1),
#: lone surrogates and the non-characters U+FFFE/U+FFFF. They are invisible, usually pasted by
#: accident, and XML (workbooks, GEXF, GraphML) cannot hold most of them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_CONTROL_HINT = "Delete it and retype what is around it: it is invisible, usually pasted from another program, and no workbook, GEXF or GraphML file can hold it"


def slugify(text: str) -> str:
    """A valid identifier made from ``text``.

    >>> slugify("Café Pirouette !")
    'cafe-pirouette'
    """

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9._-]+", "-", ascii_text.lower()).strip("-._")
    return slug or "id"


@dataclass
class ValidationResult:
    """What validation found.

    Attributes
    ----------
    tables : dict of str to DataFrame
        Typed tables of the valid rows (``actors`` and ``people`` indexed by id).
    problems : list of Problem
        Every problem found.
    rejected : DataFrame
        One row per rejected data row: ``table``, ``file``, ``row``, ``reasons``
        and ``cells`` (the row as read).
    vocabulary : Vocabulary
        The vocabularies in force (built-in plus the dataset's extensions).
    files : dict of str to str
        The file each table was read from.
    metadata : Metadata
        What the dataset is (title, territory, language...), from its
        ``metadata`` table; empty when it has none.
    warnings : list of Problem
        What is worth knowing but rejects no row: tables that have a header
        but no rows. :func:`data_warnings` lists them with the problems of
        whole tables (duplicate or unnamed columns...) for the report.

    Examples
    --------
    >>> import ecograph as eg
    >>> result = eg.validate(eg.datasets.dijon_path())
    >>> result.is_valid, sorted(result.tables)
    (True, ['actors', 'affiliations', 'people', 'ties'])
    """

    tables: dict[str, pd.DataFrame]
    problems: list[Problem]
    rejected: pd.DataFrame
    vocabulary: Vocabulary
    files: dict[str, str] = field(default_factory=dict)
    metadata: Metadata = field(default_factory=Metadata)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        """Whether no problem was found."""
        return not self.problems


class _Checker:
    def __init__(self, raw: RawTable, table: Table, vocabulary: Vocabulary):
        self.raw = raw
        self.table = table
        self.vocabulary = vocabulary
        self.problems: list[Problem] = []
        self.bad_rows: dict[int, list[str]] = {}
        self.bad_cells: set[tuple[int, str]] = set()
        for p in raw.problems:
            if p.row is not None and p.row > 1:
                self.bad_rows.setdefault(p.row, []).append(p.message)

    def flag(self, row: int | None, column: str | None, value: str | None, message: str, hint: str = "") -> None:
        """A problem that keeps its row (the cell is read as unknown): listed, but the row is not rejected."""
        self.problems.append(Problem(self.table.name, self.raw.file, row, column, value, message, hint))

    def add(self, row: int | None, column: str | None, value: str | None, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.table.name, self.raw.file, row, column, value, message, hint))
        if row is not None and row > 1:
            self.bad_rows.setdefault(row, []).append(f"{column}: {message}" if column else message)


def _parse_code(chk: _Checker, r: RawRow, col: Column, value: str) -> object:
    """A code of the vocabulary (``col.vocab``), normalised; an unknown one recorded as a problem (see :data:`KEPT_WHEN_UNKNOWN`)."""
    voc = col.vocab or col.name
    if chk.vocabulary.is_valid(voc, value):
        return value
    normalised = value.strip().lower().replace(" ", "_").replace("-", "_")
    if chk.vocabulary.is_valid(voc, normalised):
        return normalised
    closest = chk.vocabulary.closest(voc, value)
    codes = chk.vocabulary.codes(voc)
    hint = (f"Did you mean '{closest}'? " if closest else "") + f"Valid codes: {_valid_list(codes)}"
    if col.required or voc not in KEPT_WHEN_UNKNOWN:
        chk.add(r.row, col.name, value, f"unknown {voc}", hint)
    else:  # a grouping a dataset may extend: the row is kept, this value read as unknown, and the way out named
        hint += f". To use your own code, declare it in vocabulary.csv (field '{voc}', value '{value}')"
        chk.flag(r.row, col.name, value, f"unknown {voc}: the row is kept with its {voc} unknown", hint)
    return None


def _check_text(chk: _Checker, raw: RawTable) -> None:
    """Report column names and cells that hold control characters (their row is rejected)."""
    for i, name in enumerate(raw.columns, start=1):
        bad = CONTROL_CHARACTERS.search(name)
        if bad:
            chk.add(1, name, None, f"the name of column {i} holds a control character (U+{ord(bad.group()):04X})", _CONTROL_HINT)
    for r in raw.rows:
        if not CONTROL_CHARACTERS.search("".join(r.cells.values())):
            continue  # one search for the whole row: most rows are clean
        for column, value in r.cells.items():
            bad = CONTROL_CHARACTERS.search(value)
            if bad:
                chk.add(
                    r.row,
                    column,
                    value,
                    f"holds a control character (U+{ord(bad.group()):04X}, at position {bad.start() + 1})",
                    _CONTROL_HINT,
                )
                if r.row > 1:  # the row is rejected: its other checks would only repeat the problem
                    chk.bad_cells.add((r.row, column))


#: Optional fields a dataset may extend with its own codes (vocabulary.csv): an unknown code there keeps its row,
#: read as unknown (a dataset's own groups must not cost it its actors and ties); elsewhere it rejects the row.
KEPT_WHEN_UNKNOWN = ("sphere", "scope", "role")


def _valid_list(codes: list[str]) -> str:
    return ", ".join(codes)


def _parse_cell(chk: _Checker, r: RawRow, col: Column) -> object:
    """Return the typed value of a cell, recording a problem if it is invalid."""
    value = r.cells.get(col.name, "")
    if value == "":
        if col.required:
            hint = "Say where this fact comes from" if col.name in ("source", "evidence") else f"Fill in the {col.name}"
            chk.add(r.row, col.name, None, "this column must be filled in", hint)
        return None
    if col.type == "slug":
        if not SLUG_PATTERN.match(value):
            chk.add(
                r.row,
                col.name,
                value,
                "not a valid identifier",
                f"Use lower-case letters, digits, '-', '_' or '.', for example '{slugify(value)}'",
            )
            return None
        return value
    if col.type == "year":
        text = value[:-2] if re.match(r"^\d{4}\.0$", value) else value
        if not re.match(r"^\d{4}$", text) or not 1000 <= int(text) <= 2999:
            hint = (
                f"Write only the year, for example {value[:4]}"
                if re.match(r"^\d{4}\D", value)
                else "Write a four-digit year, for example 2016"
            )
            chk.add(r.row, col.name, value, "not a year", hint)
            return None
        return int(text)
    if col.type == "when":
        try:
            return parse_when(value)
        except ValueError as exc:
            chk.add(r.row, col.name, value, "not a readable year or date", str(exc)[0].upper() + str(exc)[1:])
            return None
    if col.type == "float":
        try:
            number = float(value.replace(",", ".").replace("\u00a0", "").replace(" ", ""))
        except ValueError:
            chk.add(r.row, col.name, value, "not a number", "Write a decimal number such as 47.32")
            return None
        if not np.isfinite(number):
            chk.add(r.row, col.name, value, "not a finite number", "Write a decimal number such as 47.32")
            return None
        if (col.minimum is not None and number < col.minimum) or (col.maximum is not None and number > col.maximum):
            if col.maximum is not None:
                rng = f"between {col.minimum:g} and {col.maximum:g}"
            else:
                rng = f"at least {col.minimum:g}"
            chk.add(
                r.row,
                col.name,
                value,
                f"out of range: must be {rng}",
                "Check the value (latitude and longitude swapped?)" if col.name in ("lat", "lon") else "",
            )
            return None
        return number
    if col.type == "url":
        if not re.match(r"^https?://[^\s<>\"']+$", value, re.IGNORECASE):
            hint = (
                f"Write the full address, for example https://{value}"
                if re.match(r"^[\w.-]+\.[a-z]{2,}(/\S*)?$", value, re.I)
                else "Write a web address starting with https://"
            )
            chk.add(r.row, col.name, value, "not a web address", hint)
            return None
        return value
    if col.type == "vocab":
        return _parse_code(chk, r, col, value)
    return value  # text and ref (refs are checked across tables)


def _vocabulary_additions(raw: RawTable, base: Vocabulary) -> tuple[dict[str, list[Term]], list[Problem]]:
    problems: list[Problem] = []
    additions: dict[str, list[Term]] = {}
    if raw.unreadable:
        return additions, problems
    chk = _Checker(raw, TABLES["actors"], base)
    _check_text(chk, raw)
    problems += [Problem("vocabulary", p.file, p.row, p.column, p.value, p.message, p.hint) for p in chk.problems]
    for col in ("field", "value"):
        if col not in raw.columns:
            problems.append(
                Problem(
                    "vocabulary",
                    raw.file,
                    None,
                    col,
                    None,
                    "missing required column",
                    "The vocabulary table needs columns field, value, description, directed",
                )
            )
    if problems:
        return additions, problems
    for r in raw.rows:
        if r.row in chk.bad_rows:
            continue
        field_name = r.cells.get("field", "").strip().lower()
        value = r.cells.get("value", "").strip()
        if field_name not in base.fields:
            problems.append(
                Problem("vocabulary", raw.file, r.row, "field", field_name, "unknown field", f"Use one of {_valid_list(base.fields)}")
            )
            continue
        if not SLUG_PATTERN.match(value.replace("_", "-")) or value != value.lower():
            problems.append(
                Problem(
                    "vocabulary",
                    raw.file,
                    r.row,
                    "value",
                    value,
                    "not a valid code",
                    f"Use lower-case letters, digits and '_', for example '{slugify(value).replace('-', '_')}'",
                )
            )
            continue
        directed_text = r.cells.get("directed", "").strip().lower()
        if directed_text not in _TRUE | _FALSE:
            problems.append(Problem("vocabulary", raw.file, r.row, "directed", directed_text, "not yes or no", "Write yes or no"))
            continue
        labels = tuple((lang, r.cells[f"label_{lang}"].strip()) for lang in LANGUAGES if r.cells.get(f"label_{lang}", "").strip())
        additions.setdefault(field_name, []).append(Term(value, r.cells.get("description", ""), directed_text in _TRUE, labels))
    return additions, problems


def _check_table(raw: RawTable, table: Table, vocabulary: Vocabulary) -> tuple[_Checker, list[dict]]:
    chk = _Checker(raw, table, vocabulary)
    if raw.unreadable:  # the reading problem says why; nothing to check
        return chk, []
    _check_text(chk, raw)
    missing = [c for c in table.required_columns if c not in raw.columns]
    for name in missing:
        chk.add(None, name, None, "missing required column", f"Add a column named '{name}' to row 1: {table.column(name).description}")
    if missing:
        for r in raw.rows:
            chk.bad_rows.setdefault(r.row, []).append("the table lacks required column(s) " + ", ".join(missing))
        return chk, []
    records = []
    for r in raw.rows:
        rec: dict[str, object] = {"_row": r.row}
        for col in table.columns:
            rec[col.name] = None if (r.row, col.name) in chk.bad_cells else _parse_cell(chk, r, col)
        for name, value in r.cells.items():  # extra columns: only the cells with a value (the frame fills in the rest)
            if name not in rec:
                rec[name] = value
        records.append(rec)
    _check_rows(chk, table, records, raw.rows)
    _check_unique_keys(chk, table, records)
    return chk, records


def _check_rows(chk: _Checker, table: Table, records: list[dict], rows: list[RawRow]) -> None:
    """Rules across the cells of one row: periods, founding and closing, coordinates, sphere status, ties to oneself."""
    loops: list[int] = []  # rows of ties from an actor to itself
    for rec, r in zip(records, rows, strict=False):
        row = rec["_row"]
        if "start" in rec and rec.get("start") and rec.get("end") and period(rec["start"])[0] > period(rec["end"])[1]:
            chk.add(
                row,
                "end",
                rec["end"],
                f"ends before it starts ({rec['start']})",
                "Check the start and end; swap them if they were inverted",
            )
        if table.name == "actors":
            if rec.get("founded") is not None and rec.get("closed") is not None and rec["founded"] > rec["closed"]:
                chk.add(
                    row,
                    "closed",
                    str(rec["closed"]),
                    f"closed before it was founded ({rec['founded']})",
                    "Check the founded and closed years",
                )
            lat_given = r.cells.get("lat", "") != ""
            lon_given = r.cells.get("lon", "") != ""
            if lat_given != lon_given:
                missing_col = "lon" if lat_given else "lat"
                chk.add(
                    row,
                    missing_col,
                    None,
                    "latitude and longitude must be given together",
                    f"Fill in {missing_col} or clear the other coordinate",
                )
        if table.name == "actors":
            _check_sphere_status(chk, rec, r)
        if table.name == "ties" and rec.get("source") and rec.get("source") == rec.get("target"):
            loops.append(row)
            if len(loops) <= SELF_LOOPS_LISTED:
                chk.add(row, "target", rec["target"], "a tie cannot link an actor to itself", "Check the source and target ids")
            else:  # rejected all the same, counted in one problem below
                chk.bad_rows.setdefault(row, []).append("target: a tie cannot link an actor to itself")
    if len(loops) > SELF_LOOPS_LISTED:
        more = len(loops) - SELF_LOOPS_LISTED
        chk.add(
            None,
            "target",
            None,
            f"{more:,} more ties link an actor to itself (rows {loops[SELF_LOOPS_LISTED]:,} to {loops[-1]:,}): left out like the ones above",
            "Check the source and target ids",
        )


def _check_unique_keys(chk: _Checker, table: Table, records: list[dict]) -> None:
    """The first row with an id is the one used; every later row with it is rejected."""
    if table.key:
        first_row: dict[str, int] = {}
        for rec in records:
            key = rec.get(table.key)
            if key is None:
                continue
            if key in first_row:
                first = first_row[key]
                kept = f"row {first} is the one used" if first not in chk.bad_rows else f"row {first} is rejected too"
                chk.add(
                    rec["_row"],
                    table.key,
                    key,
                    f"duplicate id, already used on row {first}: this row is left out and {kept}",
                    "Give each row its own id, or merge the two rows",
                )
            else:
                first_row[key] = rec["_row"]


def _check_sphere_status(chk: _Checker, rec: dict, r: RawRow) -> None:
    """A sphere status needs a sphere and a basis that says why."""
    status = rec.get("sphere_status")
    if not status:
        return
    if r.cells.get("sphere", "") == "":
        chk.add(rec["_row"], "sphere_status", status, "a sphere status without a sphere", "Fill in the sphere, or clear sphere_status")
    if not rec.get("sphere_basis"):
        chk.add(
            rec["_row"],
            "sphere_basis",
            None,
            f"a sphere marked {status} needs its basis",
            "Quote the words of the source that place the actor in this sphere, and say where they are",
        )


def _frame(table: Table, records: list[dict], raw_columns: list[str]) -> pd.DataFrame:
    extras = list(dict.fromkeys(c for c in raw_columns if c and c not in table.column_names))
    columns = ["_row", *table.column_names]
    df = pd.DataFrame.from_records(records, columns=columns) if records else pd.DataFrame(columns=columns)
    for col in table.columns:
        if col.type == "year":
            df[col.name] = pd.array([v if v is not None and not pd.isna(v) else pd.NA for v in df[col.name]], dtype="Int64")
        elif col.type == "float":
            df[col.name] = pd.to_numeric(df[col.name], errors="coerce").astype("float64")
        else:
            df[col.name] = df[col.name].map(_text).astype(object)
    if extras:
        # records hold only the extra cells with a value: one block of text, "" elsewhere
        block = np.full((len(records), len(extras)), "", dtype=object)
        position = {name: j for j, name in enumerate(extras)}
        for i, rec in enumerate(records):
            for name, value in rec.items():
                j = position.get(name)
                if j is not None and value is not None:
                    block[i, j] = str(value)
        df = pd.concat([df, pd.DataFrame(block, columns=extras, index=df.index)], axis=1)
    if table.name == "ties":
        df["weight"] = df["weight"].fillna(1.0)
    df = df.drop(columns="_row")
    if table.key:
        df = df.set_index(table.key)
    else:
        df = df.reset_index(drop=True)
    return df


def _text(value: object) -> str:
    """A cell of a text column: missing (None, or NaN where a row had no value) is ""."""
    return "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)


def _empty_raw(name: str) -> RawTable:
    return RawTable(name, f"{name}.csv", TABLES[name].column_names, [])


def validate_tables(raw_tables: dict[str, RawTable], *, read_problems: list[Problem] | None = None) -> ValidationResult:
    """Validate raw tables and build typed tables of their valid rows.

    Parameters
    ----------
    raw_tables : dict of str to RawTable
        Tables as read by :func:`ecograph.io.read_dataset_files`.
    read_problems : list of Problem, optional
        Problems already found while reading files; included in the result.

    Returns
    -------
    ValidationResult

    Examples
    --------
    >>> from ecograph.io import read_dataset_files
    >>> import ecograph as eg
    >>> validate_tables(read_dataset_files(eg.datasets.dijon_path())[0]).problems
    []
    """
    problems: list[Problem] = [p for p in (read_problems or []) if p.row is None or p.row <= 1 or p.table not in raw_tables]
    warnings: list[Problem] = []
    vocabulary = default_vocabulary()
    if "vocabulary" in raw_tables:
        additions, voc_problems = _vocabulary_additions(raw_tables["vocabulary"], vocabulary)
        problems.extend(voc_problems)
        vocabulary = vocabulary.extended(additions)
    metadata = Metadata()
    if "metadata" in raw_tables:
        metadata, metadata_problems = read_metadata(raw_tables["metadata"], vocabulary)
        problems.extend(metadata_problems)
        problems.extend(p for p in raw_tables["metadata"].problems if p.row is not None and p.row > 1)

    for name in TABLE_ORDER:
        if name not in raw_tables and not TABLES[name].optional:
            cols = ",".join(TABLES[name].column_names)
            problems.append(
                Problem(
                    name,
                    f"{name}.csv",
                    None,
                    None,
                    None,
                    f"the required table '{name}' is missing",
                    f"Add {name}.csv (or a '{name}' sheet) with header {cols}",
                )
            )

    checkers: dict[str, _Checker] = {}
    records: dict[str, list[dict]] = {}
    for name in TABLE_ORDER:
        raw = raw_tables.get(name) or _empty_raw(name)
        checkers[name], records[name] = _check_table(raw, TABLES[name], vocabulary)

    # references across tables: against every id written in the file, so that a
    # row rejected for another reason does not also make its references "unknown";
    # a reference is rejected only when no row with that id was kept (a later row
    # repeating a valid actor's id is rejected alone, the actor's ties stay).
    ids = {name: {rec[TABLES[name].key] for rec in records[name] if rec.get(TABLES[name].key)} for name in ("actors", "people")}
    id_rows: dict[str, dict[str, int]] = {"actors": {}, "people": {}}
    for name in ("actors", "people"):
        for rec in records[name]:
            if rec.get(TABLES[name].key):
                id_rows[name].setdefault(rec[TABLES[name].key], rec["_row"])
    kept_ids = {
        name: {rec[TABLES[name].key] for rec in records[name] if rec.get(TABLES[name].key) and rec["_row"] not in checkers[name].bad_rows}
        for name in ("actors", "people")
    }
    rejected_ids = {name: ids[name] - kept_ids[name] for name in ("actors", "people")}
    for name in ("affiliations", "ties"):
        chk = checkers[name]
        for col in TABLES[name].columns:
            if col.type != "ref":
                continue
            if col.ref in raw_tables and raw_tables[col.ref].unreadable:
                continue  # the table referred to could not be read: its reading problem says so
            for rec in records[name]:
                value = rec.get(col.name)
                if value is None:
                    continue
                if value not in ids[col.ref]:
                    closest = _closest_id(value, ids[col.ref])
                    hint = (f"Did you mean '{closest}'? " if closest else "") + f"Add it to the {col.ref} table or correct the id"
                    chk.add(rec["_row"], col.name, value, f"unknown {col.ref[:-1] if col.ref == 'actors' else 'person'} id", hint)
                elif value in rejected_ids[col.ref]:
                    chk.bad_rows.setdefault(rec["_row"], []).append(
                        f"{col.name}: refers to {col.ref} row {id_rows[col.ref][value]}, which was rejected"
                    )

    tables: dict[str, pd.DataFrame] = {}
    rejected_rows: list[dict] = []
    for name in TABLE_ORDER:
        chk = checkers[name]
        problems.extend(chk.problems)
        raw = raw_tables.get(name) or _empty_raw(name)
        good = [rec for rec in records[name] if rec["_row"] not in chk.bad_rows]
        tables[name] = _frame(TABLES[name], good, raw.columns)
        for r in raw.rows:
            if r.row in chk.bad_rows:
                rejected_rows.append(
                    {"table": name, "file": raw.file, "row": r.row, "reasons": "; ".join(chk.bad_rows[r.row]), "cells": dict(r.cells)}
                )
        # rows rejected in the reading stage are already in bad_rows via raw.problems
        problems.extend(p for p in raw.problems if p.row is not None and p.row > 1)
        if name in raw_tables and not raw.unreadable and raw.columns and not raw.rows:
            warnings.append(
                Problem(
                    name,
                    raw.file,
                    None,
                    None,
                    None,
                    "the table has a header but no rows",
                    "Nothing from it is in the analysis: fill it in, or delete it if it is not needed",
                )
            )
    problems = _sorted_unique(problems)
    rejected = pd.DataFrame(rejected_rows, columns=_REJECTED_COLUMNS)
    files = {name: t.file for name, t in raw_tables.items()}
    return ValidationResult(tables, problems, rejected, vocabulary, files, metadata, _sorted_unique(warnings))


def data_warnings(source) -> pd.DataFrame:
    """What the data's coverage section should say about whole tables: one row per note.

    The warnings (a table with a header but no rows) and the problems that
    concern a whole table or its header rather than one row (a column
    missing, named twice or unnamed, a file or sheet that could not be read,
    two files for one table): they reject no row, so the rejected rows do not
    show them.

    Parameters
    ----------
    source : Ecosystem or ValidationResult
        Anything with ``warnings`` and ``problems``.

    Returns
    -------
    DataFrame
        Columns ``table``, ``file``, ``column``, ``message`` and ``hint``
        (English, like every validation message); empty when there is nothing to say.

    Examples
    --------
    >>> import ecograph as eg
    >>> from ecograph.io import RawTable, RawRow
    >>> actors = RawTable("actors", "actors.csv", ["id", "name", "kind", "source", "name"],
    ...     [RawRow(2, {"id": "a", "name": "A", "kind": "place", "source": "s"})])
    >>> from ecograph.io.raw import header_problems
    >>> actors.problems = header_problems("actors", "actors.csv", actors.columns)
    >>> ties = RawTable("ties", "ties.csv", ["source", "target", "type", "evidence"], [])
    >>> result = validate_tables({"actors": actors, "ties": ties}, read_problems=actors.problems)
    >>> notes = data_warnings(result)
    >>> notes[["table", "column"]].values.tolist()
    [['actors', 'name'], ['ties', '']]
    >>> notes["message"].tolist()
    ['this column name appears twice (columns 2 and 5); only column 2 is read', 'the table has a header but no rows']
    """
    notes = [p for p in getattr(source, "problems", []) if p.row is None or p.row <= 1]
    notes += list(getattr(source, "warnings", []))
    rows = [{"table": p.table, "file": p.file, "column": p.column or "", "message": p.message, "hint": p.hint} for p in notes]
    return pd.DataFrame(rows, columns=_WARNING_COLUMNS)


def _closest_id(value: str, candidates: set[str]) -> str | None:

    match = difflib.get_close_matches(value, sorted(candidates), n=1, cutoff=0.75)
    return match[0] if match else None


def _sorted_unique(problems: list[Problem]) -> list[Problem]:
    order = {name: i for i, name in enumerate(("dataset", "metadata", "vocabulary", *TABLE_ORDER))}
    seen: set[Problem] = set()
    unique = []
    for p in problems:
        if p not in seen:
            seen.add(p)
            unique.append(p)
    return sorted(unique, key=lambda p: (order.get(p.table, 99), p.file, -1 if p.row is None else p.row))
