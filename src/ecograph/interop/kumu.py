"""Kumu: blueprint JSON, Kumu's own project export and Kumu workbooks, read and written.

Many ecosystem maps live in Kumu. :func:`read_kumu` reads

* the JSON import form Kumu documents, ``{"elements": [...], "connections":
  [...]}``, elements with a ``label``, ``type``, ``description``, ``tags``
  and any other field, connections with ``from`` and ``to`` (an element's
  ``id`` or label), ``type`` and ``direction``;
* Kumu's own "Export to JSON" file: elements and connections with an ``_id``
  and their fields under ``attributes`` (``label``, ``element type``,
  ``connection type``...), ``from``/``to`` being element ``_id``s;
* a Kumu workbook: an ``Elements`` sheet (``Label``, ``Type``...) and a
  ``Connections`` sheet (``From``, ``To``, ``Type``, ``Direction``), rows
  numbered as the spreadsheet shows them (the first element is row 2).

The element type is the actor's kind (its values become the dataset's own
kinds where the built-in vocabulary lacks them; ``kind_from`` names another
field) and the connection type the tie type (``type_from``); the Kumu
``_id`` of elements and connections is kept in a ``kumu_id`` column, so
parallel connections stay distinct. Connections that cannot become ties
(to an element not in the file, from an element to itself) are listed in
``Ecosystem.rejected``, never dropped silently. Elements of type ``Person``
(or ``People``, ``Individual``, ``Personne``..., or a type named in
``people_kinds``) are people, not actors: they go to the people table, their
connections to organisations become affiliations (``Founder`` → role
``founder``, ``Worked at`` → ``employee``..., the connection type kept in
``note``), and a connection between two people is a leftover.

:func:`write_kumu_json` and :func:`write_kumu_xlsx` write the import form:
each element has the actor's ``id`` and its name as ``label``; each
connection's ``from``/``to`` are element ids and it has its own ``id``
(``tie-<row>``), so parallel ties stay apart; ``direction`` comes from the
tie type. What Kumu cannot carry: people and affiliations; the workbook keeps
numbers to Excel's 15 significant digits.

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
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import Problem, SchemaError
from ..io import cell_text, python_value, read_json, write_xlsx
from ..validation import slugify
from .exchange import DEFAULT_KIND, ImportedGraph, read_graph_file
from .flat import export_parts

__all__ = ["kumu_blueprint", "write_kumu_json", "write_kumu_xlsx", "read_kumu"]

_SHEET_HEADS = {
    "id": "ID",
    "label": "Label",
    "type": "Type",
    "description": "Description",
    "from": "From",
    "to": "To",
    "direction": "Direction",
}


def kumu_blueprint(data: Any, *, analysis: Any = None, measures: bool | None = None) -> dict:
    """The dataset as Kumu's ``{"elements": [...], "connections": [...]}``, connections by element id.

    ``data`` is an Ecosystem or an :class:`ecograph.Analysis` of one; with
    ``measures`` (the default for an Analysis) each element also has the
    fields of :func:`ecograph.interop.flat.measure_table` (numbers,
    booleans and text, a missing value left out), for Kumu's decorations
    (size by betweenness, colour by community).

    Examples
    --------
    >>> import ecograph as eg
    >>> bp = kumu_blueprint(eg.datasets.tiny())
    >>> bp["elements"][0]["label"], bp["connections"][0]["from"], bp["connections"][0]["id"], bp["connections"][0]["direction"]
    ('Incubator', 'incubator', 'tie-1', 'directed')
    >>> coop = next(e for e in kumu_blueprint(eg.Analysis(eg.datasets.tiny()))["elements"] if e["id"] == "coop")
    >>> coop["id"], coop["degree"], coop["community"], coop["to_reach"]
    ('coop', 2, 1, False)
    """
    eco, _, table = export_parts(data, measures=measures, analysis=analysis)
    actors = eco.actors if table is None else eco.actors.join(table)
    elements = []
    for ident, rec in zip(actors.index, actors.to_dict("records")):
        el = {"id": ident, "label": rec.get("name"), "type": rec.get("kind"), "description": rec.get("description") or None}
        for key, value in rec.items():
            if key not in ("name", "kind", "description"):
                el[key] = python_value(value)
        elements.append({k: v for k, v in el.items() if v not in (None, "")})
    connections = []
    for i, rec in enumerate(eco.ties.to_dict("records"), start=1):
        conn = {
            "id": f"tie-{i}",
            "from": rec["source"],
            "to": rec["target"],
            "type": rec["type"],
            "direction": "directed" if eco.vocabulary.is_directed(rec["type"]) else "undirected",
        }
        for key, value in rec.items():
            if key not in ("source", "target", "type"):
                conn[key] = python_value(value)
        connections.append({k: v for k, v in conn.items() if v not in (None, "")})
    return {"elements": elements, "connections": connections}


def write_kumu_json(data: Any, path: str | os.PathLike, *, analysis: Any = None, measures: bool | None = None) -> Path:
    """Write Kumu's JSON import file (options as :func:`kumu_blueprint`).

    Examples
    --------
    >>> import tempfile, pathlib, json, ecograph as eg
    >>> path = write_kumu_json(eg.datasets.tiny(), pathlib.Path(tempfile.mkdtemp()) / "k.json")
    >>> sorted(json.loads(path.read_text(encoding="utf-8")))
    ['connections', 'elements']
    """
    path = Path(path)
    path.write_text(
        json.dumps(kumu_blueprint(data, analysis=analysis, measures=measures), ensure_ascii=False, indent=1, allow_nan=False),
        encoding="utf-8",
    )
    return path


def write_kumu_xlsx(data: Any, path: str | os.PathLike, *, analysis: Any = None, measures: bool | None = None) -> Path:
    """Write Kumu's spreadsheet import file (``Elements`` and ``Connections`` sheets; options as :func:`kumu_blueprint`).

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl, ecograph as eg
    >>> path = write_kumu_xlsx(eg.datasets.tiny(), pathlib.Path(tempfile.mkdtemp()) / "k.xlsx")
    >>> openpyxl.load_workbook(path).sheetnames
    ['Elements', 'Connections']
    """
    path = Path(path)
    blueprint = kumu_blueprint(data, analysis=analysis, measures=measures)
    elements = pd.DataFrame(blueprint["elements"]).rename(columns=_SHEET_HEADS)
    connections = pd.DataFrame(blueprint["connections"]).rename(columns=_SHEET_HEADS)
    if not len(connections.columns):
        connections = pd.DataFrame(columns=["ID", "From", "To", "Type", "Direction"])
    return write_xlsx({"Elements": elements, "Connections": connections}, path)


def _refuse(file: str, message: str, hint: str = "Export it again from Kumu") -> SchemaError:
    return SchemaError([Problem("kumu", file, None, None, None, message, hint)])


def _flatten(record: Any) -> dict:
    """A Kumu element or connection as one level of lower-case fields (``attributes`` merged in)."""
    if not isinstance(record, dict):
        return {"label": record}
    out = {str(k).strip().lower(): v for k, v in record.items() if k != "attributes"}
    attributes = record.get("attributes")
    if isinstance(attributes, dict):
        for k, v in attributes.items():
            out.setdefault(str(k).strip().lower(), v)
    return out


def _load(path: Path) -> tuple[list[tuple[int, dict]], list[tuple[int, dict]]]:
    file = str(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            sheets = pd.read_excel(path, sheet_name=None, dtype=object, na_filter=False)  # the text "NaN" stays text
        except Exception as exc:  # openpyxl raises many kinds of errors on a damaged file
            raise _refuse(file, f"cannot open the workbook ({exc})") from None
        lower = {k.strip().lower(): v for k, v in sheets.items()}
        if "elements" not in lower:
            raise _refuse(file, "no 'Elements' sheet", "A Kumu workbook has 'Elements' and 'Connections' sheets")

        def records(df: pd.DataFrame) -> list[tuple[int, dict]]:
            df = df.rename(columns=lambda c: str(c).strip().lower())
            return [
                (i, {k: v for k, v in rec.items() if cell_text(v) != ""})
                for i, rec in enumerate(df.to_dict("records"), start=2)
                if any(cell_text(v) for v in rec.values())
            ]

        return records(lower["elements"]), records(lower.get("connections", pd.DataFrame()))
    data, _ = read_json(path, "kumu", "Export it again from Kumu")
    if not isinstance(data, dict) or not isinstance(data.get("elements"), list):
        raise _refuse(file, "not a Kumu file: no 'elements' list", 'Kumu JSON looks like {"elements": [...], "connections": [...]}')
    connections = data.get("connections") or []
    if not isinstance(connections, list):
        raise _refuse(file, "'connections' is not a list")
    return [(i, _flatten(e)) for i, e in enumerate(data["elements"], start=2)], [
        (i, _flatten(c)) for i, c in enumerate(connections, start=2)
    ]


def _text(value: Any) -> str:
    if isinstance(value, list):
        return " | ".join(cell_text(v) for v in value)
    return cell_text(value)


def _kumu_graph(path: Path) -> ImportedGraph:
    elements, connections = _load(path)
    g = ImportedGraph(str(path), "Kumu")
    by_ref: dict[str, str] = {}
    by_label: dict[str, str] = {}
    used: set[str] = set()
    for row, el in elements:
        label = _text(el.get("label"))
        ident = _text(el.get("id")) or slugify(label or _text(el.get("_id")) or f"element-{row}")
        if ident in used:
            n = 2
            while f"{ident}-{n}" in used:
                n += 1
            ident = f"{ident}-{n}"
        used.add(ident)
        rec = {"id": ident, "label": label, "kind": _text(el.get("element type", el.get("type")))}
        for key, value in el.items():
            if key in ("id", "label", "type", "element type", "_id"):
                continue
            rec[key] = _text(value)
        if el.get("_id"):
            rec["kumu_id"] = _text(el["_id"])
            by_ref[_text(el["_id"])] = ident
        by_ref.setdefault(ident, ident)
        by_label.setdefault(label, ident)
        by_label.setdefault(label.casefold(), ident)
        g.add_node(rec, row=row)
    for row, conn in connections:
        ends = []
        for side in ("from", "to"):
            ref = _text(conn.get(side))
            ends.append(by_ref.get(ref) or by_label.get(ref) or by_label.get(ref.casefold()) or "")
        cells = {"from": _text(conn.get("from")), "to": _text(conn.get("to")), "type": _text(conn.get("type"))}
        if not all(ends):
            missing = [c for c, e in zip((cells["from"], cells["to"]), ends) if not e]
            g.leave(
                "ties",
                row,
                f"the connection refers to an element not in the file: {', '.join(missing) or '(empty)'}",
                cells,
                counted="edge",
            )
            continue
        direction = _text(conn.get("direction")).lower()
        rec = {"source": ends[0], "target": ends[1], "directed": direction in ("directed", "")}  # Kumu's default is directed
        rec["tie_type"] = _text(conn.get("connection type", conn.get("type")))
        for key, value in conn.items():
            if key in ("from", "to", "type", "connection type", "direction", "_id", "id", "delayed", "reversed"):
                continue
            rec[key] = _text(value)
        if conn.get("_id") or conn.get("id"):
            own = _text(conn.get("_id") or conn.get("id"))
            if not own.startswith("tie-"):
                rec["kumu_id"] = own
        g.add_edge(rec, row=row)
    return g


def read_kumu(
    path: str | os.PathLike,
    *,
    default_source: str | None = None,
    default_kind: str = DEFAULT_KIND,
    default_tie_type: str | None = None,
    kind_from: str | None = None,
    type_from: str | None = None,
    people_kinds: Iterable[str] = (),
) -> Any:
    """Read a Kumu JSON file (import form or Kumu's export) or a Kumu workbook as an Ecosystem.

    Parameters and result as :func:`ecograph.interop.gexf.read_gexf`; ``kind_from``
    defaults to the element type and ``type_from`` to the connection type.
    Elements of type ``Person`` (or another of
    :data:`ecograph.interop.exchange.PEOPLE_WORDS`, or of ``people_kinds``)
    are people: their connections to other elements are affiliations, the
    role read from the connection type or label (see
    :func:`ecograph.interop.exchange.graph_to_dataset`).

    Examples
    --------
    >>> import tempfile, pathlib, ecograph as eg
    >>> read_kumu(write_kumu_xlsx(eg.datasets.tiny(), pathlib.Path(tempfile.mkdtemp()) / "k.xlsx")).actors.index.tolist()[:3]
    ['incubator', 'network', 'city']
    """
    return read_graph_file(_kumu_graph, path, default_source, default_kind, default_tie_type, kind_from, type_from, people_kinds)
