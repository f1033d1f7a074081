"""A Frictionless data package descriptor (``datapackage.json``) for a dataset folder.

:func:`datapackage_descriptor` describes the CSV files of a dataset folder
as a `Frictionless data package <https://specs.frictionlessdata.io/data-package/>`_,
from the one declaration of the schema (:mod:`ecograph.schema`): each
table a tabular resource with its path, encoding and delimiter (as ecograph
reads them), each column a field with its type, description and
constraints, the codes of the dataset's vocabulary as enumerations, the
``id`` of ``actors`` and ``people`` as primary keys, the references of
``ties`` and ``affiliations`` as foreign keys. Columns the schema does not
know (extra attributes) are strings.

How schema types map: ``slug`` a string with the identifier pattern,
``text`` a string, ``year`` an integer from 1000 to 2999, ``when`` a string
with the pattern of a year, a month or a date, ``float`` a number (with its
bounds), ``url`` a string in the ``uri`` format, ``vocab`` a string whose
enumeration is the vocabulary's codes. For ``sphere``, ``scope`` and
``role``, where ecograph keeps a code the vocabulary does not know (with a
warning), the codes found in the files are added to the enumeration.

Examples
--------
>>> import tempfile, ecograph as eg
>>> from ecograph.io import write_dataset
>>> folder = write_dataset(eg.datasets.tiny(), tempfile.mkdtemp())
>>> package = datapackage_descriptor(folder)
>>> [r["name"] for r in package["resources"]]
['actors', 'people', 'affiliations', 'ties']
>>> package["resources"][3]["schema"]["foreignKeys"][0]
{'fields': 'source', 'reference': {'resource': 'actors', 'fields': 'id'}}
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..ecosystem import load
from ..io import find_table_files, read_table
from ..schema import TABLE_ORDER, TABLES, Column
from ..validation import KEPT_WHEN_UNKNOWN, SLUG_PATTERN

__all__ = ["datapackage_descriptor", "write_datapackage"]

#: The ``when`` of the schema: a year, a month or an ISO date, or a day as French spreadsheets write it.
WHEN_PATTERN = r"^(\d{4}(-\d{1,2}(-\d{1,2})?)?|\d{1,2}[/.]\d{1,2}[/.]\d{4})$"
_PLAIN = {
    "slug": "string",
    "text": "string",
    "year": "integer",
    "when": "string",
    "float": "number",
    "url": "string",
    "vocab": "string",
    "ref": "string",
}


def _field(col: Column, codes: list[str] | None) -> dict[str, Any]:
    field: dict[str, Any] = {"name": col.name, "type": _PLAIN.get(col.type, "string"), "description": col.description}
    constraints: dict[str, Any] = {}
    if col.required:
        constraints["required"] = True
    if col.type == "slug":
        constraints["pattern"] = SLUG_PATTERN.pattern.strip("^$")
    elif col.type == "year":
        constraints.update(minimum=1000, maximum=2999)
    elif col.type == "when":
        constraints["pattern"] = WHEN_PATTERN.strip("^$")
    elif col.type == "url":
        field["format"] = "uri"
    if col.type == "float":
        constraints.update({k: v for k, v in (("minimum", col.minimum), ("maximum", col.maximum)) if v is not None})
    if codes is not None:
        constraints["enum"] = codes
    if constraints:
        field["constraints"] = constraints
    return field


def _codes(eco: Any, table: str, col: Column) -> list[str] | None:
    if col.type != "vocab":
        return None
    codes = list(eco.vocabulary.codes(col.vocab))
    frame = getattr(eco, table)
    if col.vocab in KEPT_WHEN_UNKNOWN and col.name in frame.columns:
        codes += sorted({str(v) for v in frame[col.name].dropna() if str(v) and str(v) not in codes})
    return codes


def _foreign_keys(table: str) -> list[dict[str, Any]]:
    return [{"fields": c.name, "reference": {"resource": c.ref, "fields": TABLES[c.ref].key}} for c in TABLES[table].columns if c.ref]


def datapackage_descriptor(folder: str | os.PathLike) -> dict[str, Any]:
    """The ``datapackage.json`` descriptor of a dataset folder (which must be valid: it is loaded first).

    Examples
    --------
    >>> import ecograph as eg
    >>> actors = datapackage_descriptor(eg.datasets.dijon_path())["resources"][0]
    >>> actors["schema"]["primaryKey"], actors["schema"]["fields"][2]["constraints"]["enum"][:2]
    ('id', ['initiative', 'support_structure'])
    """
    folder = Path(folder)
    eco = load(folder)
    files = find_table_files(folder)
    resources = []
    for name in TABLE_ORDER:
        if name not in files:
            continue
        raw = read_table(files[name], name)
        table = TABLES[name]
        known = {c.name: c for c in table.columns}
        fields = [_field(known[c], _codes(eco, name, known[c])) if c in known else {"name": c, "type": "string"} for c in raw.columns]
        schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
        if table.key:
            schema["primaryKey"] = table.key
        if _foreign_keys(name):
            schema["foreignKeys"] = [fk for fk in _foreign_keys(name) if fk["reference"]["resource"] in files]
        resources.append(
            {
                "name": name,
                "path": files[name].name,
                "profile": "tabular-data-resource",
                "format": "csv",
                "encoding": "utf-8" if raw.encoding in ("utf-8", "utf-8-sig", "") else raw.encoding,
                "dialect": {"delimiter": raw.delimiter or ","},
                "description": table.description,
                "schema": schema,
            }
        )
    return _package(eco, folder, resources)


def _package(eco: Any, folder: Path, resources: list[dict]) -> dict[str, Any]:
    metadata = getattr(eco, "metadata", None)
    title = getattr(metadata, "title", None) if metadata else None
    description = getattr(metadata, "description", None) if metadata else None
    package: dict[str, Any] = {"name": _package_name(folder.name), "profile": "tabular-data-package", "resources": resources}
    if title:
        package["title"] = title
    if description:
        package["description"] = description
    return package


def _package_name(text: str) -> str:
    name = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "-" for c in text.lower()).strip("-.")
    return name or "dataset"


def write_datapackage(folder: str | os.PathLike, path: str | os.PathLike | None = None) -> Path:
    """Write the descriptor of a dataset folder (by default as ``datapackage.json`` in it); return its path.

    Examples
    --------
    >>> import tempfile, pathlib, ecograph as eg
    >>> from ecograph.io import write_dataset
    >>> folder = write_dataset(eg.datasets.tiny(), tempfile.mkdtemp())
    >>> write_datapackage(folder).name
    'datapackage.json'
    """
    target = Path(path) if path is not None else Path(folder) / "datapackage.json"
    text = json.dumps(datapackage_descriptor(folder), ensure_ascii=False, indent=2) + "\n"
    target.write_text(text, encoding="utf-8")
    return target
