"""An Excel collection template that structures can fill in, and that loads back as it is.

:func:`write_template` writes a workbook with the ``actors``, ``people``,
``affiliations`` and ``ties`` sheets (the names :func:`ecograph.load` reads),
a ``vocabulary`` sheet for codes the dataset adds (pre-filled with its own),
their column names in row 1, drop-down lists (Excel data validation) for every
vocabulary column and for the actor and person ids that ties and affiliations
refer to, a ``help`` sheet explaining each column with example rows, and the
lists themselves on a hidden ``lists`` sheet. With ``source=`` the sheets are
pre-filled with an existing dataset so that structures can correct their own
rows. What people fill in loads back with ``ecograph validate`` and
:func:`ecograph.load`.

Examples
--------
>>> import tempfile, pathlib, ecograph as eg
>>> path = pathlib.Path(tempfile.mkdtemp()) / "collecte.xlsx"
>>> _ = write_template(path, lang="fr", source=eg.datasets.tiny())
>>> eco = eg.load(path)
>>> len(eco.actors), len(eco.ties)
(8, 8)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pandas as pd

from .schema import TABLE_ORDER, TABLES
from .vocabulary import Vocabulary, default_vocabulary

__all__ = ["write_template", "COLUMN_HELP_FR"]

#: French help for each column, shown in the template's help sheet with ``lang="fr"``.
COLUMN_HELP_FR: dict[tuple[str, str], str] = {
    ("actors", "id"): "Identifiant unique et stable (minuscules, chiffres, tirets). Ne plus le changer une fois utilisé dans les liens.",
    ("actors", "name"): "Nom tel que l'acteur l'écrit.",
    ("actors", "kind"): "Type d'acteur (liste déroulante).",
    ("actors", "sphere"): "Sphère de l'économie collaborative ; laisser vide si elle ne s'applique pas ou n'est pas connue.",
    ("actors", "scope"): "Échelle d'action : locale, régionale, nationale, internationale.",
    ("actors", "founded"): "Année de création.",
    ("actors", "closed"): "Année de fermeture ; vide tant que l'acteur est actif.",
    ("actors", "commune"): "Commune de l'adresse principale.",
    ("actors", "lat"): "Latitude en degrés décimaux (WGS 84).",
    ("actors", "lon"): "Longitude en degrés décimaux (WGS 84).",
    ("actors", "website"): "Adresse du site web (https://...).",
    ("actors", "description"): "Ce que fait l'acteur, en une ou deux phrases.",
    ("actors", "source"): "D'où vient cette information : document et section, entretien, page web et date de lecture.",
    ("people", "id"): "Identifiant unique de la personne.",
    ("people", "name"): "Nom ou pseudonyme (les personnes sont des données personnelles).",
    ("people", "source"): "D'où vient cette information.",
    ("affiliations", "person"): "Identifiant de la personne (feuille people).",
    ("affiliations", "actor"): "Identifiant de l'acteur (feuille actors).",
    ("affiliations", "role"): "Rôle de la personne dans la structure (liste déroulante).",
    ("affiliations", "start"): "Année ou date (AAAA-MM-JJ) à partir de laquelle le rattachement est attesté.",
    ("affiliations", "end"): "Année ou date à laquelle il avait pris fin ; vide s'il dure.",
    ("affiliations", "source"): "D'où vient cette information.",
    ("ties", "source"): "Identifiant du premier acteur (pour un lien orienté : celui qui agit).",
    ("ties", "target"): "Identifiant du second acteur (pour un lien orienté : celui qui reçoit).",
    ("ties", "type"): "Nature du lien (liste déroulante).",
    ("ties", "start"): "Année ou date à partir de laquelle le lien est attesté.",
    ("ties", "end"): "Année ou date à laquelle il avait pris fin ; vide s'il dure.",
    ("ties", "weight"): "Intensité du lien, nombre positif ; vide = 1.",
    ("ties", "evidence"): "D'où vient ce lien (document et section, entretien...).",
}

_HELP_HEAD = {
    "en": ["sheet", "column", "required", "allowed values", "what to write", "example"],
    "fr": ["feuille", "colonne", "obligatoire", "valeurs possibles", "quoi écrire", "exemple"],
}
_YES = {"en": "yes", "fr": "oui"}
_MAX_ROWS = 5000


def _append(ws: Any, values: list) -> None:
    """Add a row of values as cells that are never formulas (text from the data stays text)."""
    from .io import set_cell

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


def write_template(path: str | os.PathLike, *, lang: str = "en", source: Any | None = None, vocabulary: Vocabulary | None = None) -> Path:
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

    Returns
    -------
    Path

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl
    >>> path = write_template(pathlib.Path(tempfile.mkdtemp()) / "t.xlsx")
    >>> openpyxl.load_workbook(path).sheetnames[:2]
    ['help', 'actors']
    """
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from .io import normalise_xlsx, set_cell

    if lang not in _HELP_HEAD:
        raise ValueError("lang must be 'en' or 'fr'")
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValueError("the template is an .xlsx workbook")
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
                text = COLUMN_HELP_FR.get((name, column), spec.description) if lang == "fr" else spec.description
                cell.comment = Comment(text, "ecograph")
            ws.column_dimensions[get_column_letter(c)].width = 18 if column not in ("description", "source", "evidence") else 40
        for r, record in enumerate(frame.itertuples(index=False, name=None), start=2):
            for c, value in enumerate(record, start=1):
                if not (isinstance(value, str) and value == ""):
                    set_cell(ws, r, c, value)
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
                dv.error = (
                    f"Choose a value from the list ({spec.name})" if lang == "en" else f"Choisissez une valeur dans la liste ({spec.name})"
                )
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

    # help sheet with example rows
    help_ws = wb.create_sheet("help")
    _append(help_ws, _HELP_HEAD[lang])
    for cell in help_ws[1]:
        cell.font = bold
    for name in TABLE_ORDER:
        for spec in TABLES[name].columns:
            allowed = ", ".join(voc.codes(spec.vocab)) if spec.vocab else (f"id ({spec.ref})" if spec.ref else spec.type)
            text = COLUMN_HELP_FR.get((name, spec.name), spec.description) if lang == "fr" else spec.description
            _append(help_ws, [name, spec.name, _YES[lang] if spec.required else "", allowed, text, spec.example])
    for col, width in zip("ABCDEF", (14, 14, 11, 40, 70, 30)):
        help_ws.column_dimensions[col].width = width
    wb.move_sheet("help", offset=-len(wb.sheetnames) + 1)
    wb.active = 1
    wb.properties.creator = "ecograph"
    wb.save(path)
    normalise_xlsx(path)
    return path
