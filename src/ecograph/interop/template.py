"""An Excel collection template that structures can fill in, and that loads back as it is.

:func:`write_template` writes a workbook with the ``actors``, ``people``,
``affiliations`` and ``ties`` sheets (the names :func:`ecograph.load` reads),
a ``vocabulary`` sheet for codes the dataset adds (pre-filled with its own),
their column names in row 1, drop-down lists (Excel data validation) for every
vocabulary column and for the actor and person ids that ties and affiliations
refer to, a ``help`` sheet explaining each column with example rows, the lists
themselves on a hidden ``lists`` sheet, and a ``metadata`` sheet (one row per
field: title, territory, period, language...). With ``source=`` the sheets are
pre-filled with an existing dataset so that structures can correct their own
rows; ``mark_gaps=True`` then highlights what is not known yet (an empty
sphere, founding year or scope, an actor without any tie, see
:func:`ecograph.gaps.actor_gaps`). What people fill in loads back with
``ecograph validate`` and :func:`ecograph.load`.

Examples
--------
>>> import tempfile, pathlib, ecograph as eg
>>> path = pathlib.Path(tempfile.mkdtemp()) / "collecte.xlsx"
>>> _ = write_template(path, lang="fr", source=eg.datasets.tiny())
>>> eco = eg.load(path)
>>> len(eco.actors), len(eco.ties), eco.metadata.title
(8, 8, 'Tiny example ecosystem')
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..gaps import actor_gaps
from ..io import append_rows, normalise_xlsx, set_cell, sheet_rows_xml
from ..metadata import Metadata
from ..schema import METADATA_FIELDS, METADATA_LANGUAGES, TABLE_ORDER, TABLES
from ..vocabulary import Vocabulary, default_vocabulary
from ..words import CATALOGUE, check_language, word

__all__ = ["column_help", "write_template"]

#: Columns of the help sheet (words: ``template.head.<key>``).
_HELP_HEAD = ("sheet", "column", "required", "allowed", "help", "example")
_MAX_ROWS = 5000


def column_help(table: str, column: str, lang: str = "en") -> str:
    """What to write in a column of the schema (``table`` may be ``"metadata"``), in ``lang``.

    The words are the catalogue's (``template.help.<table>.<column>``); their
    English is the schema's description.

    Examples
    --------
    >>> column_help("actors", "founded", "fr"), column_help("metadata", "language", "en")[:37]
    ('Année de création.', 'Language of the people the dataset is')
    """
    return word(f"template.help.{table}.{column}", lang)


def _example(table: str, spec: Any, lang: str) -> str:
    """A column's example in ``lang``: the catalogue's where it is words, else the schema's (a code, an id, a date...)."""
    key = f"template.example.{table}.{spec.name}"
    return word(key, lang) if key in CATALOGUE else spec.example


def _append(ws: Any, values: list) -> None:
    """Add a row of values as cells that are never formulas (text from the data stays text)."""

    row = ws.max_row + 1 if ws.max_row > 1 or ws.cell(row=1, column=1).value is not None else 1
    for c, value in enumerate(values, start=1):
        if value != "":
            set_cell(ws, row, c, value)


def _frames(source: Any | None) -> dict[str, pd.DataFrame]:
    if source is None:
        return {name: pd.DataFrame(columns=TABLES[name].column_names) for name in TABLE_ORDER}
    out = {}
    for name in TABLE_ORDER:
        df = getattr(source, name)
        if TABLES[name].key:
            df = df.reset_index()
        cols = TABLES[name].column_names + [c for c in df.columns if c not in TABLES[name].column_names]
        out[name] = df.reindex(columns=cols)
    return out


def write_template(
    path: str | os.PathLike,
    *,
    lang: str = "en",
    source: Any | None = None,
    vocabulary: Vocabulary | None = None,
    mark_gaps: bool | pd.DataFrame = False,
) -> Path:
    """Write the collection workbook.

    Parameters
    ----------
    path : path-like
        An ``.xlsx`` file.
    lang : {"en", "fr"}, default "en"
        Language of the help sheet (column names stay those of the schema,
        so that the workbook loads back).
    source : Ecosystem, optional
        Pre-fill the sheets with this dataset.
    vocabulary : Vocabulary, optional
        Codes offered in the drop-down lists (default: the source's, else the built-in ones).
    mark_gaps : bool, default False
        With ``source``: highlight, on the ``actors`` sheet, the empty
        ``sphere``, ``founded`` and ``scope`` cells and the ``id`` of every
        actor without any known tie (the flags of
        :func:`ecograph.gaps.actor_gaps`), so that people see what to fill
        in; the help sheet says what the colour means. A DataFrame of those
        flags (e.g. the gaps of the observed network) is marked as given.

    Returns
    -------
    Path

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl
    >>> path = write_template(pathlib.Path(tempfile.mkdtemp()) / "t.xlsx")
    >>> openpyxl.load_workbook(path).sheetnames
    ['help', 'actors', 'people', 'affiliations', 'ties', 'lists', 'vocabulary', 'metadata']
    """

    check_language(lang)
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValueError("the template is an .xlsx workbook")
    marking = mark_gaps is not False and mark_gaps is not None
    if marking and source is None:
        raise ValueError("mark_gaps needs a source: the gaps are those of the dataset that pre-fills the template")
    path.parent.mkdir(parents=True, exist_ok=True)
    voc = vocabulary or (source.vocabulary if source is not None else default_vocabulary())
    frames = _frames(source)
    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    required_fill = PatternFill("solid", fgColor="FFE8B0")

    # hidden lists: one column per vocabulary
    lists = wb.create_sheet("lists")
    list_ranges = {}
    for col, field_name in enumerate(voc.fields, start=1):
        letter = get_column_letter(col)
        set_cell(lists, 1, col, field_name)
        lists.cell(row=1, column=col).font = bold
        codes = voc.codes(field_name)
        for r, code in enumerate(codes, start=2):
            set_cell(lists, r, col, code)
        list_ranges[field_name] = f"lists!${letter}$2:${letter}${len(codes) + 1}"
    lists.sheet_state = "hidden"

    sheets = {}
    for name in TABLE_ORDER:
        ws = wb.create_sheet(name, index=len(sheets))
        sheets[name] = ws
        frame = frames[name]
        for c, column in enumerate(frame.columns, start=1):
            set_cell(ws, 1, c, str(column))  # a column name from the data stays text, never a formula
            cell = ws.cell(row=1, column=c)
            cell.font = bold
            if column in TABLES[name].column_names:
                spec = TABLES[name].column(column)
                if spec.required:
                    cell.fill = required_fill
                cell.comment = Comment(column_help(name, column, lang), "ecograph")
            ws.column_dimensions[get_column_letter(c)].width = 18 if column not in ("description", "source", "evidence") else 40
        ws.freeze_panes = "B2"
    # drop-down lists: vocabularies and the ids other sheets refer to
    id_ranges = {"actors": f"actors!$A$2:$A${_MAX_ROWS}", "people": f"people!$A$2:$A${_MAX_ROWS}"}
    for name in TABLE_ORDER:
        ws = sheets[name]
        header = [c.value for c in ws[1]]
        for spec in TABLES[name].columns:
            if spec.name not in header:
                continue
            letter = get_column_letter(header.index(spec.name) + 1)
            formula = None
            if spec.vocab:
                formula = list_ranges[spec.vocab]
            elif spec.ref:
                formula = id_ranges[spec.ref]
            if formula:
                dv = DataValidation(type="list", formula1=f"={formula}", allow_blank=not spec.required, showErrorMessage=True)
                dv.error = word("template.choose_from_list", lang, column=spec.name)
                ws.add_data_validation(dv)
                dv.add(f"{letter}2:{letter}{_MAX_ROWS}")

    # the dataset's own codes (and room for more): the sheet ecograph.load reads as vocabulary extensions
    vocab_ws = wb.create_sheet("vocabulary")
    _append(vocab_ws, ["field", "value", "directed", "description"])
    for cell in vocab_ws[1]:
        cell.font = bold
    base = default_vocabulary()
    for field_name in voc.fields:
        for term in voc.terms[field_name].values():
            if term.code not in base.terms.get(field_name, {}):
                _append(
                    vocab_ws,
                    [field_name, term.code, ("yes" if term.directed else "no") if field_name == "type" else "", term.description],
                )

    _metadata_sheet(wb, getattr(source, "metadata", None) or Metadata(), lang)

    # help sheet with example rows
    help_ws = wb.create_sheet("help")
    _append(help_ws, [word(f"template.head.{key}", lang) for key in _HELP_HEAD])
    for cell in help_ws[1]:
        cell.font = bold
    for name in TABLE_ORDER:
        for spec in TABLES[name].columns:
            allowed = _allowed(spec, voc, lang)
            required = word("common.yes", lang) if spec.required else ""
            _append(help_ws, [name, spec.name, required, allowed, column_help(name, spec.name, lang), _example(name, spec, lang)])
    for spec in METADATA_FIELDS:
        allowed = _allowed(spec, voc, lang)
        _append(help_ws, ["metadata", spec.name, "", allowed, column_help("metadata", spec.name, lang), _example("metadata", spec, lang)])
    marks: dict[str, np.ndarray] = {}
    gap_style = 0
    if marking:
        help_ws.append([])
        _append(help_ws, [word("common.gap_marked", lang)])
        legend = help_ws.cell(row=help_ws.max_row, column=1)
        legend.fill = _gap_fill()
        gap_style = legend.style_id  # the gap cells of the actors sheet take the legend's style
        marks = _gap_marks(frames["actors"], mark_gaps if isinstance(mark_gaps, pd.DataFrame) else actor_gaps(source))
    for col, width in zip("ABCDEF", (14, 14, 11, 40, 70, 30)):
        help_ws.column_dimensions[col].width = width
    wb.move_sheet("help", offset=-wb.sheetnames.index("help"))
    wb.active = 1
    wb.properties.creator = "ecograph"
    bodies = {}
    for name in TABLE_ORDER:  # the rows written as XML: 20 times faster than openpyxl's cells on large datasets
        rows = sheet_rows_xml(frames[name], marked=marks if name == "actors" else None, style=gap_style)
        if rows is None:  # a value openpyxl must write (a date...): the sheet is written by openpyxl
            _append_frame(sheets[name], frames[name], marks if name == "actors" else {})
        elif len(frames[name]):
            bodies[name] = rows
    wb.save(path)
    normalise_xlsx(path, rows={sheets[name].path.lstrip("/"): rows for name, rows in bodies.items()})
    return path


def _append_frame(ws, frame: pd.DataFrame, marks: dict[str, np.ndarray]) -> None:
    """The rows of a sheet written by openpyxl, the marked cells filled."""
    append_rows(
        ws, ([None if isinstance(v, str) and v == "" else v for v in record] for record in frame.itertuples(index=False, name=None))
    )
    fill = _gap_fill()
    for column, marked in marks.items():
        c = list(frame.columns).index(column) + 1
        for r in np.flatnonzero(marked).tolist():
            ws.cell(row=r + 2, column=c).fill = fill


def _allowed(spec: Any, voc: Vocabulary, lang: str) -> str:
    """What a column takes, for the help sheet: its codes, or its type in words."""
    if spec.vocab:
        return ", ".join(voc.codes(spec.vocab))
    if spec.type == "language":
        return ", ".join(METADATA_LANGUAGES)
    if spec.ref:
        return word("template.type.ref", lang, table=spec.ref)
    return word(f"template.type.{spec.type}", lang)


def _gap_fill():
    """The fill of a cell that the dataset does not know yet."""

    return PatternFill("solid", fgColor="F4B6C2")


def _metadata_sheet(wb, metadata: Metadata, lang: str) -> None:
    """The ``metadata`` sheet: one row per field, its value when known, help as a comment, a list for the language."""

    ws = wb.create_sheet("metadata")
    ws.append(["field", "value"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    known = metadata.to_dict()
    for r, spec in enumerate(METADATA_FIELDS, start=2):
        set_cell(ws, r, 1, spec.name)
        set_cell(ws, r, 2, known[spec.name] or None)
        ws.cell(row=r, column=1).comment = Comment(column_help("metadata", spec.name, lang), "ecograph")
        if spec.type == "language":
            dv = DataValidation(type="list", formula1='"' + ",".join(METADATA_LANGUAGES) + '"', allow_blank=True, showErrorMessage=True)
            ws.add_data_validation(dv)
            dv.add(f"B{r}")
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 90


def _gap_marks(actors: pd.DataFrame, gaps: pd.DataFrame) -> dict[str, np.ndarray]:
    """The cells to highlight on the actors sheet, by column: the flags of :func:`ecograph.gaps.actor_gaps`, matched by id.

    An actor the gaps do not cover (e.g. outside the analysed network) is marked nowhere.
    """
    columns = {"missing_sphere": "sphere", "missing_founded": "founded", "missing_scope": "scope", "missing_tie": "id"}
    aligned = gaps.reindex(actors["id"].tolist())
    return {column: aligned[flag].fillna(False).to_numpy(dtype=bool) for flag, column in columns.items() if column in actors.columns}
