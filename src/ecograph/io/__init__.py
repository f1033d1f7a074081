"""Reading dataset files into raw tables of text, and writing files safely: one module per format and audience.

* :mod:`~ecograph.io.raw`: raw tables (:class:`RawRow`, :class:`RawTable`), a value as cell text
  (:func:`cell_text`, :func:`python_value`), bytes to text (:func:`decode_bytes`,
  :func:`sniff_delimiter`), the header checks and size limits every reader applies, and the
  text every file may hold (:func:`clean_text`, :func:`spreadsheet_text`, :func:`isolate_text`);
* :mod:`~ecograph.io.csv`: CSV files in any of the encodings and separators people have (:func:`read_table`);
* :mod:`~ecograph.io.xlsx`: the streaming, bounded workbook reader (:func:`read_sheets`) and
  workbooks written safely and byte-identically (:func:`write_xlsx`, :func:`set_cell`,
  :func:`append_rows`, :func:`normalise_xlsx`, :func:`spreadsheet_rows`);
* :mod:`~ecograph.io.json`: JSON within bounds of size and depth (:func:`read_json`);
* :mod:`~ecograph.io.dataset`: a dataset folder or workbook read table by table
  (:func:`read_dataset_files`, :func:`find_table_files`);
* :mod:`~ecograph.io.write`: dataset folders (:func:`write_dataset`) and formula-safe CSV for
  spreadsheets (:func:`spreadsheet_safe`, :func:`write_spreadsheet_csv`).

Every name is re-exported here, so that ``from ecograph.io import read_table`` keeps working.
Typing and checking the cells is the job of :mod:`ecograph.validation`.

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

from .csv import read_table
from .dataset import find_table_files, read_dataset_files
from .json import read_json
from .raw import (
    BIDI_CONTROLS,
    RawRow,
    RawTable,
    cell_text,
    clean_text,
    decode_bytes,
    isolate_text,
    python_value,
    sniff_delimiter,
    spreadsheet_text,
)
from .write import spreadsheet_safe, write_dataset, write_spreadsheet_csv
from .xlsx import SPREADSHEET_ROWS, append_rows, normalise_xlsx, read_sheets, set_cell, sheet_rows_xml, spreadsheet_rows, write_xlsx

__all__ = [
    "BIDI_CONTROLS",
    "SPREADSHEET_ROWS",
    "RawRow",
    "RawTable",
    "append_rows",
    "cell_text",
    "clean_text",
    "decode_bytes",
    "find_table_files",
    "isolate_text",
    "normalise_xlsx",
    "python_value",
    "read_dataset_files",
    "read_json",
    "read_sheets",
    "read_table",
    "set_cell",
    "sheet_rows_xml",
    "sniff_delimiter",
    "spreadsheet_rows",
    "spreadsheet_safe",
    "spreadsheet_text",
    "write_dataset",
    "write_spreadsheet_csv",
    "write_xlsx",
]
