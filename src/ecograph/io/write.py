"""Writing datasets and tables that people open in a spreadsheet program, safely.

A dataset folder (:func:`write_dataset`) is UTF-8 CSV that
:func:`ecograph.load` reads back; a table for people (:func:`write_spreadsheet_csv`)
has no cell a spreadsheet would run as a formula (:func:`spreadsheet_safe`).

Examples
--------
>>> spreadsheet_safe("=1+1"), spreadsheet_safe("Café")
("'=1+1", 'Café')
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from ..schema import TABLE_ORDER, TABLES
from ..vocabulary import default_vocabulary
from ..words import LANGUAGES
from .raw import spreadsheet_text

__all__ = ["spreadsheet_safe", "write_dataset", "write_spreadsheet_csv"]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


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
        if (column.dtype == object or pd.api.types.is_string_dtype(column)) and not _already_safe(column):
            safe.isetitem(i, column.map(spreadsheet_safe))
    safe.columns = [spreadsheet_safe(str(c)) for c in frame.columns]
    safe.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return path


def _already_safe(column: pd.Series) -> bool:
    """Whether :func:`spreadsheet_safe` would leave every value of ``column`` as it is (checked at once, not cell by cell).

    >>> _already_safe(pd.Series(["Café", None, 3])), _already_safe(pd.Series(["a", "=1"])), _already_safe(pd.Series(["a\u202e"]))
    (True, False, False)
    """
    texts = [v for v in column.tolist() if isinstance(v, str)]
    joined = "".join(texts)
    return spreadsheet_text(joined) == joined and not any(text.startswith(_FORMULA_START) for text in texts)


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
        | {f"label_{lang}": t.label(lang) or "" for lang in LANGUAGES}
        for f in eco.vocabulary.fields
        for t in eco.vocabulary.terms[f].values()
        if t.code not in base.terms.get(f, {})
    ]
    if rows:
        frame = pd.DataFrame(rows)
        frame = frame.drop(columns=[c for c in frame.columns if c.startswith("label_") and not frame[c].any()])  # no empty labels
        frame.to_csv(out / "vocabulary.csv", index=False, encoding="utf-8", lineterminator="\n")
    _write_metadata(eco, out)
    return out


def _write_metadata(eco, out: Path) -> None:
    """Write ``metadata.csv`` (field, value) when the ecosystem's metadata is known."""
    metadata = getattr(eco, "metadata", None)
    if metadata:
        metadata.to_frame().to_csv(out / "metadata.csv", index=False, encoding="utf-8", lineterminator="\n")
