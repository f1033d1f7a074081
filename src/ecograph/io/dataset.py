"""A dataset folder of CSV files, or one workbook, read as raw tables by name.

The tables are those of :data:`ecograph.schema.TABLE_ORDER` plus
``vocabulary`` and ``metadata``; their names do not depend on case, and a
table that two files or sheets claim is reported, not guessed.

Examples
--------
>>> import ecograph as eg
>>> tables, problems = read_dataset_files(eg.datasets.dijon_path())
>>> sorted(tables), problems
(['actors', 'affiliations', 'metadata', 'people', 'ties', 'vocabulary'], [])
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import Problem
from ..schema import TABLE_ORDER
from .csv import read_table
from .raw import RawTable, claimed_twice
from .xlsx import read_sheets

__all__ = ["find_table_files", "read_dataset_files"]


_EXTRA_TABLES = ("vocabulary", "metadata")


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
            tables[key] = read_table(file, key)
        for key, claimants in conflicts.items():
            tables[key] = claimed_twice(key, str(path), [p.name for p in claimants])
    elif path.suffix.lower() in (".xlsx", ".xlsm"):
        tables, problems = read_sheets(path, (*TABLE_ORDER, *_EXTRA_TABLES))
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
