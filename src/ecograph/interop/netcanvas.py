"""Network Canvas interviews: the CSV and GraphML exports of Interviewer and Server, read as declared ties.

Network Canvas (https://networkcanvas.com) records personal networks: in each
interview (a *session*) a respondent, the *ego*, names the people and
organisations they deal with (*alters*, nodes of a node type) and the ties
they see between them (edges of an edge type). Its exports come in two forms,
which :func:`read_sessions` reads into one model (:class:`Session`):

* CSV: ``*_ego.csv`` (``networkCanvasEgoUUID``, ``networkCanvasCaseID``,
  ``networkCanvasSessionID``, ``networkCanvasProtocolName``, the session's
  start, finish and export times, then the ego's variables), one
  ``*_attributeList_<NodeType>.csv`` per node type (``nodeID``,
  ``networkCanvasEgoUUID``, ``networkCanvasUUID``, then the variables) and
  one ``*_edgeList_<EdgeType>.csv`` per edge type (``edgeID``, ``from``,
  ``to``, ``networkCanvasEgoUUID``, ``networkCanvasUUID``,
  ``networkCanvasSourceUUID``, ``networkCanvasTargetUUID``, then the
  variables). Rows are joined on the UUIDs, never on ``from``/``to``, which
  the export renumbers. The older names ``_egoID``, ``_caseID`` and ``_uid``
  are read too.
* GraphML with the ``nc`` namespace (``http://schema.networkcanvas.com/xmlns``):
  one ``<graph>`` per session, the session in its ``nc:`` attributes, the ego's
  variables as the graph's own ``<data>``, keys whose ids are codebook UUIDs
  and whose ``attr.name`` is the variable's name (two keys may share a name,
  as variables of two edge types do: both are kept).

Both forms split a categorical variable into one boolean column per option
(``Var_option``) and a layout variable into ``Var_x``/``Var_y`` (``_X``/``_Y``
in GraphML). The options are folded back into one column ``Var`` (the chosen
options joined by ``"; "``): exactly, with the protocol's codebook (a
``.netcanvas`` file is a zip holding ``protocol.json``), else by grouping
the boolean columns that share the longest prefix. Positions stay as
``Var_x``/``Var_y``.

:func:`sessions_to_dataset` turns the interviews into a dataset:

* each ego is a person (``people``), affiliated to their organisation (the
  ego variable ``organisation``, or its roster id);
* each alter named is a tie from the ego's organisation to the alter, and each
  edge a tie between two alters: every tie is *declared* (``status``
  ``declared``), with ``declared_by`` (the ego's person), ``declared_on`` (the
  session's date), ``perceived`` (``yes`` for a tie between two alters: what
  the ego perceives of others) and the interview as its ``evidence``;
* alters are matched to actors by the id the interview carried (a roster
  variable, ``actor_id`` by default), else by name (accents, case and spacing
  aside); what was matched by name, and the near names of new actors, are in
  ``Ecosystem.review`` (``review.csv`` from the command line) for someone to
  check.

An export that cannot be read whole (no ego file, a UUID that resolves to
nothing, a file too large once uncompressed) raises one
:class:`~ecograph.errors.SchemaError` listing every problem; nothing is imported
from it.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "R1_s1_ego.csv").write_text(
...     "networkCanvasEgoUUID,networkCanvasCaseID,networkCanvasSessionID,sessionStart,organisation\\n"
...     "e1,R1,s1,2026-03-02T09:00:00Z,Fab lab\\n")
>>> _ = (folder / "R1_s1_attributeList_Organisation.csv").write_text(
...     "nodeID,networkCanvasEgoUUID,networkCanvasUUID,name,sector_public,sector_private\\n"
...     "1,e1,n1,Coop X,true,false\\n2,e1,n2,Mairie,true,true\\n")
>>> _ = (folder / "R1_s1_edgeList_knows.csv").write_text(
...     "edgeID,from,to,networkCanvasEgoUUID,networkCanvasUUID,networkCanvasSourceUUID,networkCanvasTargetUUID\\n"
...     "3,1,2,e1,x1,n1,n2\\n")
>>> eco = read_netcanvas(folder)
>>> eco.ties[["source", "target", "status", "perceived"]].values.tolist()
[['fab-lab', 'coop-x', 'declared', 'no'], ['fab-lab', 'mairie', 'declared', 'no'], ['coop-x', 'mairie', 'declared', 'yes']]
>>> eco.actors["sector"].tolist()
['', 'public', 'public; private']
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import os
import re
import unicodedata
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..ecosystem import from_raw_tables
from ..errors import Problem, SchemaError
from ..io import RawRow, RawTable
from ..schema import MAX_COLUMNS, MAX_FILE_BYTES, MAX_TABLE_CELLS, MAX_XLSX_UNCOMPRESSED_BYTES, TABLES
from ..validation import SLUG_PATTERN, slugify
from ..vocabulary import default_vocabulary
from .exchange import DEFAULT_KIND, DEFAULT_TIE_TYPES, LEFTOVER_COLUMNS
from .xml import parse_xml

__all__ = [
    "NC_NAMESPACE",
    "REVIEW_COLUMNS",
    "Entity",
    "Session",
    "read_codebook",
    "read_netcanvas",
    "read_sessions",
    "sessions_to_dataset",
]

#: Namespace of Network Canvas's GraphML attributes.
NC_NAMESPACE = "http://schema.networkcanvas.com/xmlns"
#: Columns of ``Ecosystem.review``: the matches of alters to actors that someone should check.
REVIEW_COLUMNS = ["interview", "file", "row", "name", "actor", "match", "candidates"]
_LABEL = "Network Canvas"
_MAX_MEMBERS = 10_000
_HINT = "Export the interviews again from Network Canvas (Interviewer or Server), as CSV or GraphML"
# CSV columns, with the older names of the same columns
_EGO = ("networkCanvasEgoUUID", "_egoID", "_egoId")
_CASE = ("networkCanvasCaseID", "_caseID", "_caseId")
_SESSION = ("networkCanvasSessionID", "_sessionID", "_sessionId")
_PROTOCOL = ("networkCanvasProtocolName", "_protocolName")
_UUID = ("networkCanvasUUID", "_uid")
_SOURCE = ("networkCanvasSourceUUID",)
_TARGET = ("networkCanvasTargetUUID",)
_TIMES = {"started": ("sessionStart", "_sessionStart"), "finished": ("sessionFinish", "_sessionFinish")}
_TIMES["exported"] = ("sessionExported", "_sessionExported", "sessionExport")
_RESERVED = {*_EGO, *_CASE, *_SESSION, *_PROTOCOL, *_UUID, *_SOURCE, *_TARGET, *(n for v in _TIMES.values() for n in v)}
_RESERVED |= {"nodeID", "edgeID", "from", "to", "_id", "_from", "_to", "networkCanvasType", "label", "_protocolUID"}


@dataclass
class Entity:
    """A node (alter) or edge of an interview: its UUID, its type's name, its variables by name, and where it was read."""

    uuid: str
    type: str
    attributes: dict[str, str]
    file: str
    row: int | None = None
    source: str = ""
    target: str = ""


@dataclass
class Session:
    """One interview: the session's data, the ego's variables, the alters and the edges between them."""

    uuid: str
    case_id: str
    protocol: str
    ego_uuid: str
    ego: dict[str, str]
    file: str
    row: int | None = None
    started: str = ""
    finished: str = ""
    exported: str = ""
    nodes: list[Entity] = field(default_factory=list)
    edges: list[Entity] = field(default_factory=list)

    @property
    def date(self) -> str:
        """The day of the interview (its start, else its finish, else its export), as an ISO date."""
        for value in (self.started, self.finished, self.exported):
            if re.match(r"^\d{4}-\d{2}-\d{2}", value or ""):
                return value[:10]
        return ""


# ---- files -------------------------------------------------------------------------------------------


def _refuse(file: str, message: str, hint: str = _HINT) -> SchemaError:
    return SchemaError([Problem(_LABEL, file, None, None, None, message, hint)])


def _zip_members(path: Path) -> dict[str, bytes]:
    """The files of a zip, each and all within ecograph's bounds, checked on the sizes declared before anything is read."""
    file = str(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise _refuse(file, f"not a readable zip file ({exc})") from None
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        if len(infos) > _MAX_MEMBERS:
            raise _refuse(file, f"the zip holds {len(infos):,} files, more than the {_MAX_MEMBERS:,} ecograph reads")
        total = sum(i.file_size for i in infos)
        big = next((i for i in infos if i.file_size > MAX_FILE_BYTES), None)
        if big is not None or total > MAX_XLSX_UNCOMPRESSED_BYTES:
            what = f"{big.filename} declares {big.file_size / 2**20:,.0f} MiB" if big else f"its files declare {total / 2**20:,.0f} MiB"
            limit = MAX_FILE_BYTES if big else MAX_XLSX_UNCOMPRESSED_BYTES
            raise _refuse(file, f"the zip is too large once uncompressed: {what}, more than the {limit // 2**20} MiB ecograph reads")
        out = {}
        for info in infos:
            try:
                with archive.open(info) as member:
                    data = member.read(info.file_size + 1)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                raise _refuse(f"{file}[{info.filename}]", f"cannot read this file of the zip ({exc})") from None
            if len(data) > info.file_size:
                raise _refuse(f"{file}[{info.filename}]", "the file is larger than the zip declares")
            out[f"{file}[{info.filename}]"] = data
    return out


def _export_files(path: Path) -> dict[str, bytes]:
    """The export's files by name: a zip's members, a folder's files, or one file."""
    if not path.exists():
        raise _refuse(str(path), "no such file or folder", "Check the path")
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (".csv", ".graphml", ".xml", ".zip"))
        if len(files) > _MAX_MEMBERS or sum(p.stat().st_size for p in files) > MAX_XLSX_UNCOMPRESSED_BYTES:
            limits = f"{_MAX_MEMBERS:,} files, {MAX_XLSX_UNCOMPRESSED_BYTES // 2**20} MiB"
            raise _refuse(str(path), f"the folder holds more than ecograph reads ({limits})")
        out: dict[str, bytes] = {}
        for p in files:
            out.update(_export_files(p))
        if sum(len(d) for d in out.values()) > MAX_XLSX_UNCOMPRESSED_BYTES:
            raise _refuse(str(path), f"the folder's files hold more than the {MAX_XLSX_UNCOMPRESSED_BYTES // 2**20} MiB ecograph reads")
        return out
    if zipfile.is_zipfile(path):
        return _zip_members(path)
    if path.stat().st_size > MAX_FILE_BYTES:
        raise _refuse(str(path), f"the file is larger than {MAX_FILE_BYTES // 2**20} MiB, the largest ecograph reads")
    return {str(path): path.read_bytes()}


def read_codebook(path: str | os.PathLike) -> dict:
    """The codebook of a protocol file (``.netcanvas``, a zip holding ``protocol.json``, or that JSON itself).

    Examples
    --------
    >>> import json, tempfile, pathlib, zipfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "study.netcanvas"
    >>> with zipfile.ZipFile(path, "w") as z:
    ...     z.writestr("protocol.json", json.dumps({"codebook": {"node": {"t1": {"name": "Organisation"}}}}))
    >>> [t["name"] for t in read_codebook(path)["node"].values()]
    ['Organisation']
    """
    path = Path(path)
    files = _zip_members(path) if zipfile.is_zipfile(path) else _export_files(path)
    name = next((n for n in files if n.rstrip("]").endswith("protocol.json")), None)
    if name is None:
        raise _refuse(str(path), "no protocol.json: not a Network Canvas protocol", "Give the .netcanvas file of the interviews' protocol")
    try:
        data = json.loads(files[name].decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _refuse(name, f"protocol.json is not readable JSON ({exc})", "Give the .netcanvas file as Architect saved it") from None
    codebook = data.get("codebook") if isinstance(data, dict) else None
    if not isinstance(codebook, dict):
        raise _refuse(name, "protocol.json has no codebook", "Give the .netcanvas file as Architect saved it")
    return codebook


# ---- CSV ---------------------------------------------------------------------------------------------

_CSV_KINDS = [("ego", re.compile(r"(?:^|_)ego\.csv$", re.I)), ("node", re.compile(r"_attributeList_(.+)\.csv$", re.I))]
_CSV_KINDS.append(("edge", re.compile(r"_edgeList_(.+)\.csv$", re.I)))


def _csv_rows(name: str, data: bytes) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _refuse(name, "not a UTF-8 text file", _HINT) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    if len(header) > MAX_COLUMNS:
        raise _refuse(name, f"the file has {len(header):,} columns, more than the {MAX_COLUMNS:,} ecograph reads")
    rows = []
    for i, cells in enumerate(reader, start=2):
        if (i - 1) * len(header) > MAX_TABLE_CELLS:
            raise _refuse(name, f"the file has more than {MAX_TABLE_CELLS:,} cells, the most ecograph reads")
        if any(c.strip() for c in cells):
            rows.append((i, {h: c.strip() for h, c in zip(header, cells) if c.strip()}))
    return header, rows


def _first(header: list[str], names: tuple[str, ...]) -> str | None:
    return next((n for n in names if n in header), None)


def _need(name: str, header: list[str], names: tuple[str, ...], problems: list[Problem]) -> str:
    column = _first(header, names)
    if column is None:
        problems.append(Problem(_LABEL, name, 1, names[0], None, f"the column {names[0]} is missing", _HINT))
    return column or names[0]


def _csv_sessions(files: dict[str, bytes], problems: list[Problem], where: str) -> list[Session]:
    """The sessions of a CSV export; ``problems`` gets every row that cannot be joined."""
    parts: dict[str, list] = {"ego": [], "node": [], "edge": []}
    for name, data in files.items():
        base = name.rstrip("]").rsplit("[", 1)[-1].rsplit("/", 1)[-1]
        for kind, pattern in _CSV_KINDS:
            match = pattern.search(base)
            if match:
                parts[kind].append((name, match.group(1) if match.groups() else "", *_csv_rows(name, data)))
                break
    if not parts["ego"]:
        raise _refuse(where, "no ego file (*_ego.csv): the interviews' sessions are unknown", "Export again with the ego attribute list")
    sessions = _csv_egos(parts["ego"], problems)
    by_ego = {s.ego_uuid: s for s in sessions}
    for kind in ("node", "edge"):
        for name, type_name, header, rows in parts[kind]:
            ego_col = _need(name, header, _EGO, problems)
            uuid_col = _need(name, header, _UUID, problems)
            ends = (_need(name, header, _SOURCE, problems), _need(name, header, _TARGET, problems)) if kind == "edge" else ("", "")
            for row, cells in rows:
                session = by_ego.get(cells.get(ego_col, ""))
                if session is None:
                    value = cells.get(ego_col, "")
                    problems.append(Problem(_LABEL, name, row, ego_col, value, "no ego of the ego file has this UUID", _HINT))
                    continue
                attrs = {k: v for k, v in cells.items() if k not in _RESERVED}
                entity = Entity(cells.get(uuid_col, ""), type_name, attrs, name, row, cells.get(ends[0], ""), cells.get(ends[1], ""))
                (session.nodes if kind == "node" else session.edges).append(entity)
    return sessions


def _csv_egos(egos: list, problems: list[Problem]) -> list[Session]:
    sessions = []
    for name, _, header, rows in egos:
        ego_col = _need(name, header, _EGO, problems)
        case_col, session_col = _first(header, _CASE), _first(header, _SESSION)
        protocol_col = _first(header, _PROTOCOL)
        times = {k: _first(header, v) for k, v in _TIMES.items()}
        for row, cells in rows:
            ego = cells.get(ego_col, "")
            if not ego:
                problems.append(Problem(_LABEL, name, row, ego_col, None, "the ego has no UUID", _HINT))
                continue
            session = Session(
                uuid=cells.get(session_col or "", "") or ego,
                case_id=cells.get(case_col or "", ""),
                protocol=cells.get(protocol_col or "", ""),
                ego_uuid=ego,
                ego={k: v for k, v in cells.items() if k not in _RESERVED},
                file=name,
                row=row,
                **{k: cells.get(c or "", "") for k, c in times.items()},
            )
            sessions.append(session)
    return sessions


# ---- GraphML -----------------------------------------------------------------------------------------


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _graphml_values(element: Any, keys: dict[str, str]) -> dict[str, str]:
    """The ``<data>`` of an element by variable name; a second key of the same name keeps its value under ``name (key)``."""
    out: dict[str, str] = {}
    for data in (c for c in element if _local(c.tag) == "data"):
        key = data.get("key", "")
        name = keys.get(key, key)
        out[name if name not in out else f"{name} ({key})"] = "".join(data.itertext()).strip()
    return out


def _nc(element: Any, name: str) -> str:
    return element.get(f"{{{NC_NAMESPACE}}}{name}") or ""


def _graphml_sessions(files: dict[str, bytes], problems: list[Problem]) -> list[Session]:
    """The sessions of GraphML files (one ``<graph>`` each)."""
    sessions = []
    for name, data in files.items():
        root = parse_xml(data, file=name, label="GraphML", root_name="graphml")
        keys = {k.get("id", ""): k.get("attr.name") or k.get("id", "") for k in root if _local(k.tag) == "key"}
        for graph in (g for g in root if _local(g.tag) == "graph"):
            ego = {k: v for k, v in _graphml_values(graph, keys).items() if v}
            ego_uuid = ego.pop("networkCanvasUUID", "") or _nc(graph, "sessionUUID") or _nc(root, "sessionUUID")
            session = Session(
                uuid=_nc(graph, "sessionUUID") or _nc(root, "sessionUUID"),
                case_id=_nc(graph, "caseId") or _nc(graph, "caseID") or _nc(root, "caseId") or _nc(root, "caseID"),
                protocol=_nc(graph, "protocolName") or _nc(root, "protocolName"),
                ego_uuid=ego_uuid,
                ego=ego,
                file=name,
                started=_nc(graph, "sessionStartTime") or _nc(root, "sessionStartTime"),
                finished=_nc(graph, "sessionFinishTime") or _nc(root, "sessionFinishTime"),
                exported=_nc(graph, "sessionExportTime") or _nc(root, "sessionExportTime"),
            )
            _graphml_entities(session, graph, keys)
            if not session.uuid:
                problems.append(Problem(_LABEL, name, None, "nc:sessionUUID", None, "a <graph> has no nc:sessionUUID", _HINT))
            sessions.append(session)
    return sessions


def _graphml_entities(session: Session, graph: Any, keys: dict[str, str]) -> None:
    counter = {"node": 1, "edge": 1}
    for element in graph:
        kind = _local(element.tag)
        if kind not in ("node", "edge"):
            continue
        counter[kind] += 1
        values = _graphml_values(element, keys)
        attrs = {k: v for k, v in values.items() if k not in _RESERVED and v != ""}
        entity = Entity(
            values.get("networkCanvasUUID", ""),
            values.get("networkCanvasType", ""),
            attrs,
            session.file,
            counter[kind],
            values.get("networkCanvasSourceUUID", ""),
            values.get("networkCanvasTargetUUID", ""),
        )
        (session.nodes if kind == "node" else session.edges).append(entity)


# ---- categorical and layout variables ----------------------------------------------------------------

_TRUE, _FALSE = {"true", "1"}, {"false", "0"}
_OTHER_AXIS = {"x": "y", "y": "x", "X": "Y", "Y": "X", "screenSpaceX": "screenSpaceY", "screenSpaceY": "screenSpaceX"}


def _codebook_variables(codebook: Mapping | None, kind: str, type_name: str) -> dict[str, dict]:
    """The variables of a node or edge type (or of the ego) by name, from the codebook."""
    if not codebook:
        return {}
    if kind == "ego":
        variables = (codebook.get("ego") or {}).get("variables") or {}
    else:
        types = codebook.get(kind) or {}
        entry = next((t for uid, t in types.items() if isinstance(t, dict) and type_name in (t.get("name"), uid)), {})
        variables = entry.get("variables") or {}
    return {v["name"]: v for v in variables.values() if isinstance(v, dict) and v.get("name")}


def _layout_names(columns: set[str]) -> dict[str, str]:
    """Layout columns to their names in ecograph: ``Var_X``/``Var_Y`` (GraphML) as ``Var_x``/``Var_y`` (CSV)."""
    out = {}
    for c in columns:
        m = re.match(r"^(.+)_(x|y|X|Y|screenSpaceX|screenSpaceY)$", c)
        if not m:
            continue
        axis = m.group(2)
        if f"{m.group(1)}_{_OTHER_AXIS[axis]}" in columns:
            out[c] = f"{m.group(1)}_screen_{axis[-1].lower()}" if axis.startswith("screen") else f"{m.group(1)}_{axis.lower()}"
    return out


def _categoricals(records: list[dict[str, str]], variables: dict[str, dict]) -> dict[str, tuple[str, list[str]]]:
    """The one-hot columns to fold: ``{variable: (prefix, [option columns])}``, from the codebook or guessed."""
    columns = list(dict.fromkeys(c for r in records for c in r))  # the export's order, which is the options' order
    out: dict[str, tuple[str, list[str]]] = {}
    for name, spec in variables.items():
        if spec.get("type") == "categorical":
            options = [f"{name}_{o.get('value') if isinstance(o, dict) else o}" for o in spec.get("options") or []]
            present = [o for o in options if o in columns]
            if present:
                out[name] = (name, present)
    if variables:
        return out
    booleans = [c for c in columns if all(r.get(c, "").lower() in _TRUE | _FALSE | {""} for r in records)]
    booleans = [c for c in booleans if any(r.get(c) for r in records) and "_" in c]
    for c in booleans:
        parts = c.split("_")
        for cut in range(len(parts) - 1, 0, -1):
            prefix = "_".join(parts[:cut])
            group = [b for b in booleans if b.startswith(prefix + "_")]
            if len(group) >= 2:
                out.setdefault(prefix, (prefix, group))
                break
    return out


def _fold(records: list[dict[str, str]], variables: dict[str, dict]) -> list[dict[str, str]]:
    """The records with each categorical's option columns folded into one column and layout columns named ``_x``/``_y``."""
    layout = _layout_names({c for r in records for c in r})
    records = [{layout.get(k, k): v for k, v in r.items()} for r in records]
    folds = _categoricals(records, variables)
    out = []
    for rec in records:
        rec = dict(rec)
        for name, (prefix, columns) in folds.items():
            chosen = [c[len(prefix) + 1 :] for c in columns if rec.get(c, "").lower() in _TRUE]
            seen = any(c in rec for c in columns)
            for c in columns:
                rec.pop(c, None)
            if seen:
                rec[name] = "; ".join(chosen)
        out.append(rec)
    return out


def _fold_sessions(sessions: list[Session], codebook: Mapping | None) -> None:
    """Fold the categoricals of every entity, type by type (the ego's variables as one type)."""
    groups: dict[tuple[str, str], list[Any]] = {}
    for s in sessions:
        groups.setdefault(("ego", ""), []).append(s)
        for kind, items in (("node", s.nodes), ("edge", s.edges)):
            for e in items:
                groups.setdefault((kind, e.type), []).append(e)
    for (kind, type_name), items in groups.items():
        variables = _codebook_variables(codebook, kind, type_name)
        folded = _fold([i.ego if kind == "ego" else i.attributes for i in items], variables)
        for item, rec in zip(items, folded):
            if kind == "ego":
                item.ego = rec
            else:
                item.attributes = rec


def _check(sessions: list[Session], problems: list[Problem]) -> None:
    """Every node and edge has its UUID, and every edge's ends are nodes of its interview."""
    seen: set[str] = set()
    for s in sessions:
        if s.uuid in seen:
            problems.append(Problem(_LABEL, s.file, s.row, "session", s.uuid, "this session is in the export twice", _HINT))
        seen.add(s.uuid)
        nodes = {n.uuid for n in s.nodes}
        for n in s.nodes:
            if not n.uuid:
                problems.append(Problem(_LABEL, n.file, n.row, _UUID[0], None, "the node has no UUID", _HINT))
        for e in s.edges:
            for column, end in ((_SOURCE[0], e.source), (_TARGET[0], e.target)):
                if end not in nodes:
                    why = "the edge has no end here" if not end else "no node of this interview has this UUID"
                    problems.append(Problem(_LABEL, e.file, e.row, column, end or None, why, _HINT))


def read_sessions(path: str | os.PathLike, *, protocol: str | os.PathLike | None = None) -> list[Session]:
    """The interviews of a Network Canvas export (a zip, a folder or one file; CSV or GraphML).

    Categorical variables are folded back into one column and layout
    variables named ``Var_x``/``Var_y`` (see the module's description).
    Sessions come in the order of their start time, then UUID. An export
    holding both forms (Network Canvas can write both at once) is read from
    its CSV files.

    Raises
    ------
    SchemaError
        Listing every problem, when the export cannot be read whole.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "R1.graphml"
    >>> _ = path.write_text(
    ...     '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:nc="http://schema.networkcanvas.com/xmlns">'
    ...     '<key id="networkCanvasUUID" attr.name="networkCanvasUUID" for="all"/>'
    ...     '<key id="networkCanvasType" attr.name="networkCanvasType" for="all"/>'
    ...     '<key id="v1_X" attr.name="Layout_X" for="node"/><key id="v1_Y" attr.name="Layout_Y" for="node"/>'
    ...     '<graph nc:caseId="R1" nc:sessionUUID="s1" nc:sessionStartTime="2026-03-02T09:00:00Z">'
    ...     '<data key="networkCanvasUUID">e1</data>'
    ...     '<node id="1"><data key="networkCanvasUUID">n1</data><data key="networkCanvasType">Place</data>'
    ...     '<data key="v1_X">0.2</data><data key="v1_Y">0.7</data></node></graph></graphml>')
    >>> [(s.case_id, s.date, s.nodes[0].type, s.nodes[0].attributes) for s in read_sessions(path)]
    [('R1', '2026-03-02', 'Place', {'Layout_x': '0.2', 'Layout_y': '0.7'})]
    """
    path = Path(path)
    files = _export_files(path)
    codebook = read_codebook(protocol) if protocol is not None else None
    problems: list[Problem] = []
    graphml = {n: d for n, d in files.items() if re.search(r"\.(graphml|xml)\]?$", n, re.I)}
    csvs = {n: d for n, d in files.items() if re.search(r"\.csv\]?$", n, re.I)}
    if graphml and not csvs:
        sessions = _graphml_sessions(graphml, problems)
    elif csvs:
        sessions = _csv_sessions(csvs, problems, str(path))
    else:
        raise _refuse(str(path), "no CSV or GraphML file of a Network Canvas export here")
    if not sessions and not problems:
        raise _refuse(str(path), "the export holds no interview")
    _check(sessions, problems)
    if problems:
        raise SchemaError(problems)
    _fold_sessions(sessions, codebook)
    return sorted(sessions, key=lambda s: (s.started or s.finished or s.exported, s.uuid))


# ---- interviews to a dataset -------------------------------------------------------------------------

_ORGANISATION = ("organisation", "organization", "organisation_name", "organization_name", "org")
_TYPE_TEXT = "A tie type of the Network Canvas protocol (its edge type {name})"


def _normal(name: str) -> str:
    """A name for matching: accents, case, punctuation and spacing aside."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _get(rec: Mapping[str, str], *names: str) -> str:
    lower = {k.lower(): v for k, v in rec.items()}
    return next((lower[n.lower()] for n in names if lower.get(n.lower())), "")


@dataclass
class _Mention:
    """An actor named in an interview: the ego's organisation (``entity`` None) or an alter."""

    session: Session
    entity: Entity | None
    name: str
    roster: str
    kind: str
    attributes: dict[str, str]


class _Matcher:
    """Mentions to actors: by roster id first (every interview), then by name, with what to review."""

    def __init__(self, mentions: list[_Mention]) -> None:
        self.actors: dict[str, dict] = {}
        self.by_name: dict[str, str] = {}
        self.review: list[dict] = []
        self.of: dict[int, str] = {}
        for i, m in enumerate(mentions):
            if m.roster:
                self.of[i] = self._add(m, m.roster)
        for i, m in enumerate(mentions):
            if i not in self.of and m.name:
                self.of[i] = self._by_name(m)
        for i, ident in sorted(self.of.items()):  # each variable's first value, in the interviews' order
            for k, v in mentions[i].attributes.items():
                if v:
                    self.actors[ident]["attributes"].setdefault(k, v)

    def _new_id(self, base: str) -> str:
        ident, n = base or "actor", 1
        while ident in self.actors:
            n += 1
            ident = f"{base}-{n}"
        return ident

    def _add(self, m: _Mention, roster: str) -> str:
        ident = roster if SLUG_PATTERN.match(roster) else slugify(roster)
        if ident not in self.actors:
            ident = ident if SLUG_PATTERN.match(roster) else self._new_id(ident)
            self.actors[ident] = {"mention": m, "original_id": roster if ident != roster else "", "attributes": {}}
        if m.name:
            self.by_name.setdefault(_normal(m.name), ident)
        return ident

    def _by_name(self, m: _Mention) -> str:
        key = _normal(m.name)
        place = m.entity or m.session
        where = {"interview": m.session.case_id, "file": place.file, "row": "" if place.row is None else place.row, "name": m.name}
        if key in self.by_name:
            ident = self.by_name[key]
            self.review.append({**where, "actor": ident, "match": "name", "candidates": ""})
            return ident
        near = difflib.get_close_matches(key, list(self.by_name), n=3, cutoff=0.8)
        ident = self._new_id(slugify(m.name))
        self.actors[ident] = {"mention": m, "original_id": "", "attributes": {}}
        self.by_name[key] = ident
        if near:
            candidates = " | ".join(self.by_name[n] for n in near)
            self.review.append({**where, "actor": ident, "match": "new", "candidates": candidates})
        return ident


def _mentions(sessions: list[Session], roster: str, kind_of: dict[str, str], default_kind: str) -> list[_Mention]:
    out = []
    for s in sessions:
        org = _get(s.ego, *_ORGANISATION)
        org_id = _get(s.ego, roster)
        if org or org_id:
            out.append(_Mention(s, None, org, org_id, default_kind, {}))
        for n in s.nodes:
            attrs = {k: v for k, v in n.attributes.items() if k.lower() not in ("name", roster.lower())}
            attrs["netcanvas_type"] = n.type
            name, ident = _get(n.attributes, "name"), _get(n.attributes, roster)
            out.append(_Mention(s, n, name or ident, ident, kind_of.get(n.type, default_kind), attrs))
    return out


def _vocabulary_code(name: str, field_name: str) -> tuple[str, bool]:
    """The vocabulary code of a node or edge type's name, and whether the built-in vocabulary has it."""
    code = slugify(name).replace("-", "_").replace(".", "_").strip("_") or "other"
    return code, default_vocabulary().is_valid(field_name, code)


def _evidence(s: Session) -> str:
    when = f", {s.date}" if s.date else ""
    protocol = f", protocol {s.protocol}" if s.protocol else ""
    return f"Network Canvas interview {s.case_id or s.uuid}{when} (session {s.uuid}{protocol})"


def _people(sessions: list[Session], org_of: dict[str, str]) -> tuple[RawTable, RawTable, dict[str, str]]:
    """Each ego as a person, affiliated to their organisation; the person of each session."""
    used: set[str] = set()
    person_of, people, affiliations = {}, [], []
    columns = list(TABLES["people"].column_names)
    for i, s in enumerate(sessions, start=2):
        base = "respondent-" + slugify(s.case_id or s.uuid[:8])
        ident, n = base, 1
        while ident in used:
            n += 1
            ident = f"{base}-{n}"
        used.add(ident)
        person_of[s.uuid] = ident
        cells = {"id": ident, "name": _get(s.ego, "name") or s.case_id or ident, "source": _evidence(s)}
        for k, v in s.ego.items():
            if k.lower() != "name" and k not in columns:
                columns.append(k)
            if k.lower() != "name":
                cells[k] = v
        people.append(RawRow(i, cells))
        if s.uuid in org_of:
            affiliations.append(RawRow(len(affiliations) + 2, {"person": ident, "actor": org_of[s.uuid], "source": _evidence(s)}))
    people_table = RawTable("people", sessions[0].file if sessions else "", columns, people)
    affiliation_table = RawTable(
        "affiliations", sessions[0].file if sessions else "", list(TABLES["affiliations"].column_names), affiliations
    )
    return people_table, affiliation_table, person_of


def _actor_table(matcher: _Matcher, file: str) -> RawTable:
    columns = list(TABLES["actors"].column_names)
    rows = []
    for i, (ident, actor) in enumerate(matcher.actors.items(), start=2):
        m: _Mention = actor["mention"]
        cells = {"id": ident, "name": m.name or ident, "kind": m.kind, "source": _evidence(m.session)}
        if actor["original_id"]:
            cells["original_id"] = actor["original_id"]
        for k, v in actor["attributes"].items():
            if k in ("id", "name", "kind", "source", "original_id"):
                k = f"{k} (interview)"
            cells[k] = v
        for k in cells:
            if k not in columns:
                columns.append(k)
        rows.append(RawRow(i, cells))
    return RawTable("actors", file, columns, rows)


def _declared(s: Session, person: str) -> dict[str, str]:
    return {"evidence": _evidence(s), "status": "declared", "declared_by": person, "declared_on": s.date, "interview": s.uuid}


def _tie_rows(
    sessions: list[Session], actor_of: dict[tuple[str, str], str], org_of: dict[str, str], person_of: dict[str, str], ego_tie_type: str
) -> tuple[list[dict], list[dict]]:
    """The ties each interview declares (ego's organisation to each alter, then alter to alter) and the leftovers."""
    ties, leftovers = [], []

    def keep(cells: dict, where: Entity) -> None:
        if cells["source"] == cells["target"]:
            why = "a tie cannot link an actor to itself (the alter is the ego's organisation, or both ends are one actor)"
            leftovers.append({"table": "ties", "file": where.file, "row": where.row, "reasons": why, "cells": cells})
        else:
            ties.append(cells)

    for s in sessions:
        base = _declared(s, person_of[s.uuid])
        for n in s.nodes:
            target = actor_of.get((s.uuid, n.uuid))
            cells = {"source": org_of.get(s.uuid, ""), "target": target or "", "type": ego_tie_type, **base, "perceived": "no"}
            if target is None or s.uuid not in org_of:
                why = (
                    "the alter has no name and no id"
                    if target is None
                    else "the ego's organisation is not known (ego variable organisation)"
                )
                leftovers.append({"table": "ties", "file": n.file, "row": n.row, "reasons": why, "cells": {**cells, "alter": n.uuid}})
                continue
            keep(cells, n)
        for e in s.edges:
            ends = actor_of.get((s.uuid, e.source)), actor_of.get((s.uuid, e.target))
            cells = {"source": ends[0] or "", "target": ends[1] or "", "type": e.type, **base, "perceived": "yes"}
            cells.update({k if k not in cells else f"{k} (interview)": v for k, v in e.attributes.items()})
            if None in ends:
                why = "an end of the edge is an alter with no name and no id"
                leftovers.append({"table": "ties", "file": e.file, "row": e.row, "reasons": why, "cells": cells})
                continue
            keep(cells, e)
    return ties, leftovers


def sessions_to_dataset(
    sessions: list[Session],
    *,
    name: str,
    path: str = "",
    roster: str = "actor_id",
    ego_tie_type: str = DEFAULT_TIE_TYPES[False],
    default_kind: str = DEFAULT_KIND,
) -> Any:
    """The actors, people and declared ties of Network Canvas interviews, validated.

    Parameters
    ----------
    sessions : list of Session
        As :func:`read_sessions` returns them.
    name : str
        Name of the dataset.
    path : str
        Where the interviews were read (for the dataset's messages).
    roster : str, default "actor_id"
        The variable (of alters, and of the ego for their organisation) that
        holds the dataset's id of the actor, passed through the interview by
        a roster; alters without it are matched by name.
    ego_tie_type : str, default "linked"
        Type of the ties from the ego's organisation to the alters it names.
    default_kind : str, default "initiative"
        Kind of the actors whose node type is not a kind of the vocabulary.

    Returns
    -------
    Ecosystem
        With ``review`` (the matches by name, and new actors whose name is
        near another's: :data:`REVIEW_COLUMNS`), ``rejected`` (ties that cannot
        be imported, and why) and ``read_counts`` (alters and edges read).

    Examples
    --------
    >>> s = Session("s1", "R01", "P", "e1", {"organisation": "Fab lab", "name": "Ana"}, "f.csv", started="2026-03-02T10:00:00Z")
    >>> s.nodes.append(Entity("n1", "Organisation", {"name": "Coopérative X", "sector": "public"}, "f.csv", 2))
    >>> eco = sessions_to_dataset([s], name="f")
    >>> eco.ties[["source", "target", "status", "declared_by", "declared_on"]].values.tolist()
    [['fab-lab', 'cooperative-x', 'declared', 'respondent-r01', '2026-03-02']]
    """
    kind_of = {}
    for t in {n.type for s in sessions for n in s.nodes}:
        code, known = _vocabulary_code(t, "kind")
        kind_of[t] = code if known else default_kind
    mentions = _mentions(sessions, roster, kind_of, default_kind)
    matcher = _Matcher(mentions)
    org_of = {m.session.uuid: matcher.of[i] for i, m in enumerate(mentions) if m.entity is None and i in matcher.of}
    actor_of = {(m.session.uuid, m.entity.uuid): matcher.of[i] for i, m in enumerate(mentions) if m.entity is not None and i in matcher.of}
    people, affiliations, person_of = _people(sessions, org_of)
    ties, leftovers = _tie_rows(sessions, actor_of, org_of, person_of, ego_tie_type)
    found = {}
    for t in ties:
        code, known = _vocabulary_code(t["type"], "type")
        t["type"] = code
        if not known:
            found[code] = "no"
    columns = list(TABLES["ties"].column_names)
    for c in (c for t in ties for c in t):
        if c not in columns:
            columns.append(c)
    tie_table = RawTable("ties", path, columns, [RawRow(i, t) for i, t in enumerate(ties, start=2)])
    edge_types = {_vocabulary_code(e.type, "type")[0]: e.type for s in sessions for e in s.edges}
    descriptions = {c: _TYPE_TEXT.format(name=edge_types[c]) for c in found if c in edge_types}
    descriptions.update({c: "A tie found in the imported file, which states no type" for c in found if c not in edge_types})
    tables = {"actors": _actor_table(matcher, path), "people": people, "affiliations": affiliations, "ties": tie_table}
    eco = from_raw_tables(tables, name=name, path=path, found_tie_types=found, descriptions=descriptions, on_error="collect")
    frames = [f for f in (pd.DataFrame(leftovers, columns=LEFTOVER_COLUMNS), eco.rejected) if len(f)]
    eco.rejected = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=LEFTOVER_COLUMNS)
    eco.review = pd.DataFrame(matcher.review, columns=REVIEW_COLUMNS)
    eco.read_counts = (sum(len(s.nodes) for s in sessions), sum(len(s.edges) for s in sessions))
    return eco


def read_netcanvas(
    path: str | os.PathLike,
    *,
    protocol: str | os.PathLike | None = None,
    roster: str = "actor_id",
    ego_tie_type: str = DEFAULT_TIE_TYPES[False],
    default_kind: str = DEFAULT_KIND,
) -> Any:
    """Read a Network Canvas export (zip, folder or file; CSV or GraphML) as a dataset of declared ties.

    :func:`read_sessions` then :func:`sessions_to_dataset`; ``protocol`` is the
    interviews' ``.netcanvas`` file, whose codebook folds the categorical
    variables exactly.

    Raises
    ------
    SchemaError
        Listing every problem, when the export cannot be read whole: nothing is imported then.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "R1_s1_attributeList_Place.csv").write_text("nodeID,networkCanvasEgoUUID,networkCanvasUUID,name\\n1,e1,n1,Halle\\n")
    >>> try:
    ...     read_netcanvas(folder)
    ... except SchemaError as exc:
    ...     print("refused:", exc.problems[0].message)
    refused: no ego file (*_ego.csv): the interviews' sessions are unknown
    >>> _ = (folder / "R1_s1_ego.csv").write_text("networkCanvasEgoUUID,networkCanvasCaseID,organisation\\ne1,R1,Fab lab\\n")
    >>> eco = read_netcanvas(folder)
    >>> eco.read_counts, eco.ties[["source", "target", "declared_by"]].values.tolist()
    ((1, 0), [['fab-lab', 'halle', 'respondent-r1']])
    """
    path = Path(path)
    sessions = read_sessions(path, protocol=protocol)
    return sessions_to_dataset(
        sessions, name=path.stem, path=str(path), roster=roster, ego_tie_type=ego_tie_type, default_kind=default_kind
    )
