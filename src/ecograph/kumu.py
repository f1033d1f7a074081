"""Kumu: blueprint JSON and spreadsheet, written and read.

Many ecosystem maps live in Kumu. The JSON written here is Kumu's import
format, ``{"elements": [...], "connections": [...]}``: each element has a
``label`` (the actor's name, made unique), a ``type`` (its kind), a
``description`` and every other actor column as a field (including ``id``);
each connection has ``from`` and ``to`` (element labels), a ``type``, a
``direction`` (``directed`` or ``undirected``, from the vocabulary) and the
other tie columns. The spreadsheet has the same content on an ``Elements``
sheet (``Label``, ``Type``, ``Description``...) and a ``Connections`` sheet
(``From``, ``To``, ``Type``, ``Direction``...).

Reading accepts both, from ecograph or from Kumu: the actor id is the ``id``
field when there is one, else made from the label; ties without evidence get
``default_source`` when given. What Kumu cannot carry: people and
affiliations; the spreadsheet keeps numbers to Excel's 15 significant digits.

Examples
--------
>>> import tempfile, pathlib, ecograph as eg
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> eco = eg.datasets.tiny()
>>> back = read_kumu(write_kumu_json(eco, folder / "tiny.json"))
>>> back.actors.equals(eco.actors), back.ties.equals(eco.ties)
(True, True)
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .errors import Problem, SchemaError
from .io import RawRow, RawTable, cell_text, python_value, read_json, write_xlsx
from .schema import TABLES
from .validation import slugify
from .vocabulary import default_vocabulary

__all__ = ["kumu_blueprint", "write_kumu_json", "write_kumu_xlsx", "read_kumu"]

_SHEET_HEADS = {"label": "Label", "type": "Type", "description": "Description", "from": "From", "to": "To", "direction": "Direction"}


def _labels(eco: Any) -> dict:
    """A unique label per actor: its name, with the id added where names repeat."""
    names = eco.actors["name"].astype(str)
    counts = names.value_counts()
    return {i: (n if counts[n] == 1 else f"{n} ({i})") for i, n in zip(eco.actors.index, names)}


def kumu_blueprint(eco: Any) -> dict:
    """The dataset as Kumu's ``{"elements": [...], "connections": [...]}``.

    Examples
    --------
    >>> import ecograph as eg
    >>> bp = kumu_blueprint(eg.datasets.tiny())
    >>> bp["elements"][0]["label"], bp["connections"][0]["from"], bp["connections"][0]["direction"]
    ('Incubator', 'Incubator', 'directed')
    """
    labels = _labels(eco)
    elements = []
    for ident, rec in zip(eco.actors.index, eco.actors.to_dict("records")):
        el = {"label": labels[ident], "type": rec.get("kind"), "description": rec.get("description") or None, "id": ident}
        for key, value in rec.items():
            if key in ("kind", "description"):
                continue
            el[key] = python_value(value)
        elements.append({k: v for k, v in el.items() if v not in (None, "")})
    connections = []
    for rec in eco.ties.to_dict("records"):
        conn = {
            "from": labels[rec["source"]],
            "to": labels[rec["target"]],
            "type": rec["type"],
            "direction": "directed" if eco.vocabulary.is_directed(rec["type"]) else "undirected",
        }
        for key, value in rec.items():
            if key not in ("source", "target", "type"):
                conn[key] = python_value(value)
        connections.append({k: v for k, v in conn.items() if v not in (None, "")})
    return {"elements": elements, "connections": connections}


def write_kumu_json(eco: Any, path: str | os.PathLike) -> Path:
    """Write Kumu's JSON import file.

    Examples
    --------
    >>> import tempfile, pathlib, json, ecograph as eg
    >>> path = write_kumu_json(eg.datasets.tiny(), pathlib.Path(tempfile.mkdtemp()) / "k.json")
    >>> sorted(json.loads(path.read_text(encoding="utf-8")))
    ['connections', 'elements']
    """
    path = Path(path)
    path.write_text(json.dumps(kumu_blueprint(eco), ensure_ascii=False, indent=1, allow_nan=False), encoding="utf-8")
    return path


def write_kumu_xlsx(eco: Any, path: str | os.PathLike) -> Path:
    """Write Kumu's spreadsheet import file (``Elements`` and ``Connections`` sheets).

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl, ecograph as eg
    >>> path = write_kumu_xlsx(eg.datasets.tiny(), pathlib.Path(tempfile.mkdtemp()) / "k.xlsx")
    >>> openpyxl.load_workbook(path).sheetnames
    ['Elements', 'Connections']
    """
    path = Path(path)
    blueprint = kumu_blueprint(eco)
    elements = pd.DataFrame(blueprint["elements"]).rename(columns=_SHEET_HEADS)
    connections = pd.DataFrame(blueprint["connections"]).rename(columns=_SHEET_HEADS)
    if not len(connections.columns):
        connections = pd.DataFrame(columns=["From", "To", "Type", "Direction"])
    return write_xlsx({"Elements": elements, "Connections": connections}, path)


def _load_blueprint(path: Path) -> tuple[list[dict], list[dict]]:
    file = str(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            sheets = pd.read_excel(path, sheet_name=None, dtype=object, na_filter=False)  # the text "NaN" stays text
        except Exception as exc:  # openpyxl raises many kinds of errors on a damaged file
            raise SchemaError(
                [Problem("kumu", file, None, None, None, f"cannot open the workbook ({exc})", "Export it again from Kumu")]
            ) from None
        lower = {k.strip().lower(): v for k, v in sheets.items()}
        if "elements" not in lower:
            raise SchemaError(
                [
                    Problem(
                        "kumu", file, None, None, None, "no 'Elements' sheet", "A Kumu spreadsheet has 'Elements' and 'Connections' sheets"
                    )
                ]
            )

        def records(df: pd.DataFrame) -> list[dict]:
            df = df.rename(columns=lambda c: str(c).strip().lower())
            return [{k: v for k, v in rec.items() if not (isinstance(v, float) and np.isnan(v))} for rec in df.to_dict("records")]

        return records(lower["elements"]), records(lower.get("connections", pd.DataFrame()))
    data, _ = read_json(path, "kumu", "Export it again from Kumu")
    if not isinstance(data, dict) or not isinstance(data.get("elements"), list):
        raise SchemaError(
            [
                Problem(
                    "kumu",
                    file,
                    None,
                    "elements",
                    None,
                    "not a Kumu blueprint: no 'elements' list",
                    'Kumu JSON looks like {"elements": [...], "connections": [...]}',
                )
            ]
        )
    connections = data.get("connections") or []
    if not isinstance(connections, list):
        raise SchemaError([Problem("kumu", file, None, "connections", None, "'connections' is not a list", "Export it again from Kumu")])
    return [e if isinstance(e, dict) else {"label": e} for e in data["elements"]], [c if isinstance(c, dict) else {} for c in connections]


def read_kumu(path: str | os.PathLike, *, default_source: str | None = None) -> Any:
    """Read a Kumu JSON blueprint or spreadsheet as an Ecosystem (validated like a spreadsheet).

    Examples
    --------
    >>> import tempfile, pathlib, ecograph as eg
    >>> read_kumu(write_kumu_xlsx(eg.datasets.tiny(), pathlib.Path(tempfile.mkdtemp()) / "k.xlsx")).actors.index.tolist()[:3]
    ['incubator', 'network', 'city']
    """
    from .ecosystem import from_raw_tables

    path = Path(path)
    file = str(path)
    elements, connections = _load_blueprint(path)
    actor_cols = list(TABLES["actors"].column_names)
    rows, by_label = [], {}
    for number, el in enumerate(elements, start=1):
        el = {str(k).lower(): v for k, v in el.items()}
        label = cell_text(el.get("label"))
        ident = cell_text(el.get("id")) or slugify(label or f"element-{number}")
        by_label[label] = ident
        cells = {
            "id": ident,
            "name": cell_text(el.get("name")) or label,
            "kind": cell_text(el.get("type")),
            "description": cell_text(el.get("description")),
        }
        for key, value in el.items():
            if key in ("label", "type", "description", "id", "name", "_id", "attributes"):
                continue
            cells[key] = cell_text(value)
            if key not in actor_cols:
                actor_cols.append(key)
        if default_source and not cells.get("source"):
            cells["source"] = default_source
        rows.append(RawRow(number, cells))
    tie_cols = list(TABLES["ties"].column_names)
    ties, extra = [], {}
    known = set(default_vocabulary().codes("type"))
    for number, conn in enumerate(connections, start=1):
        conn = {str(k).lower(): v for k, v in conn.items()}
        cells = {
            "source": by_label.get(cell_text(conn.get("from")), cell_text(conn.get("from"))),
            "target": by_label.get(cell_text(conn.get("to")), cell_text(conn.get("to"))),
            "type": cell_text(conn.get("type")),
        }
        for key, value in conn.items():
            if key in ("from", "to", "type", "direction", "_id", "attributes"):
                continue
            cells[key] = cell_text(value)
            if key not in tie_cols:
                tie_cols.append(key)
        if cells["type"] and cells["type"] not in known:
            extra[cells["type"]] = "no" if cell_text(conn.get("direction")).lower() in ("undirected", "mutual") else "yes"
        if default_source and not cells.get("evidence"):
            cells["evidence"] = default_source
        ties.append(RawRow(number, cells))
    tables = {"actors": RawTable("actors", file, actor_cols, rows), "ties": RawTable("ties", file, tie_cols, ties)}
    return from_raw_tables(tables, name=path.stem, path=file, found_tie_types=extra)
