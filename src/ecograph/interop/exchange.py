"""What the exchange formats share: nodes and edges read from another tool's file become a validated dataset.

The readers of :mod:`ecograph.interop.gexf`, :mod:`ecograph.interop.graphml` and :mod:`ecograph.interop.kumu`
(Kumu JSON and workbooks) turn a file into an :class:`ImportedGraph`: its
nodes and edges as plain records, with the row each came from, plus the
*leftovers* already known while reading (an edge to a node the file never
declares, a node declared twice, a hierarchy edge from a node to its own
group...). :func:`graph_to_dataset` then makes the actors and ties tables:

* the file's ids are kept; an id that is not a valid identifier is made into
  one (``slugify``, numbered when two collide) and the original is kept in the
  ``original_id`` column;
* the node's name is its ``name`` attribute, else its label, else its id;
* the kind is read from ``kind_from`` (a column of the file; its values become
  the dataset's own kinds when the vocabulary lacks them), else the
  ``kind`` attribute, else ``default_kind`` (``initiative``);
* the tie type is read from ``type_from``, else the ``tie_type`` or ``type``
  attribute, else the default: ``linked`` for an undirected edge and
  ``linked_to`` for a directed one (both added to the dataset's vocabulary:
  "a tie found in the file, of no stated type");
* an edge attribute named ``directed`` (which the readers keep as
  ``tie_directed``, :data:`DIRECTED_ATTRIBUTE`, since ``directed`` is the
  edge's own direction) becomes the ties' ``directed`` column;
* self-loops are leftovers (a tie links two actors);
* a ``website`` that is no web address (``www.example.org``, ``na``) is kept
  as written in a ``website (as written)`` column, not at the cost of the node;
* people are not actors: a node whose kind, ``type``, ``category`` or
  ``element type`` says it is a person (:data:`PEOPLE_WORDS`, or a value of
  ``people_kinds``) becomes a row of the people table; its edges to actors
  become affiliations (:func:`affiliation_role` reads the role from the
  edge's role, type or label, kept as written in the ``note`` column; its
  ``start`` and ``end`` are kept) and an edge between two people is a
  leftover, since it is neither a tie between actors nor an affiliation;
* rows that fail validation are leftovers too, with the validator's reasons.

Nothing is dropped silently: every leftover is in ``Ecosystem.rejected`` (and
the command line writes them to ``leftovers.csv``); nothing stops the valid
rows from loading.

:func:`xml_text` is how every XML writer here handles text: characters that
XML 1.0 forbids (control characters other than tab, newline and carriage
return, lone surrogates, U+FFFE and U+FFFF) are replaced by U+FFFD, so that no
value can make a GEXF or GraphML file ill-formed.

Examples
--------
>>> g = ImportedGraph("f.graphml", "GraphML")
>>> g.add_node({"id": "A b", "label": "Alpha"}, row=2); g.add_node({"id": "c"}, row=3)
>>> g.add_edge({"source": "A b", "target": "c", "directed": False}, row=4)
>>> eco = graph_to_dataset(g, name="f")
>>> eco.actors[["name", "original_id"]].to_dict("index")
{'a-b': {'name': 'Alpha', 'original_id': 'A b'}, 'c': {'name': 'c', 'original_id': ''}}
>>> eco.ties[["source", "target", "type"]].values.tolist()
[['a-b', 'c', 'linked']]
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..ecosystem import from_raw_tables
from ..io import RawRow, RawTable, cell_text
from ..schema import TABLES
from ..validation import SLUG_PATTERN, slugify
from ..vocabulary import default_vocabulary

__all__ = [
    "read_graph_file",
    "DEFAULT_KIND",
    "DEFAULT_TIE_TYPES",
    "DIRECTED_ATTRIBUTE",
    "PEOPLE_WORDS",
    "ImportedGraph",
    "affiliation_role",
    "graph_to_dataset",
    "is_person_kind",
    "leftovers_frame",
    "xml_text",
]

#: Kind of the actors whose file says none.
DEFAULT_KIND = "initiative"
#: Tie types of the edges whose file says none: undirected and directed.
DEFAULT_TIE_TYPES = {False: "linked", True: "linked_to"}
#: Record key of an edge attribute named ``directed`` (the key ``directed`` is the edge's direction).
DIRECTED_ATTRIBUTE = "tie_directed"
_DEFAULT_TYPE_TEXT = "A tie found in the imported file, which states no type"

_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
LEFTOVER_COLUMNS = ["table", "file", "row", "reasons", "cells"]

#: Values of a kind, ``type``, ``category`` or ``element type`` that say a node is a person (compared folded:
#: case, accents, spaces, hyphens and underscores aside).
PEOPLE_WORDS = frozenset(
    {"person", "persons", "people", "individual", "individuals", "personne", "personnes", "individu", "individus", "human"}
)
#: Node attributes, besides the kind, whose value may say that the node is a person.
_PEOPLE_FIELDS = ("type", "category", "categorie", "element type", "element_type", "node type", "node_type", "entity type", "entity_type")
#: Roles of the vocabulary, each with the beginnings of words that name it (French and English); the first match wins.
_ROLE_WORDS = (
    ("founder", ("found", "cofound", "co found", "fondat", "cofondat", "co fondat", "fonde", "creat", "cree", "createur")),
    ("mentor", ("mentor", "coach", "advis", "advice", "parrain", "marrain", "tutor", "tuteur", "tutrice")),
    ("board", ("board", "trustee", "chair", "director", "ca ", "administrat", "conseil d", "president", "vice president", "governance")),
    ("consultant", ("consult", "research", "chercheu", "expert", "freelanc", "contractor", "prestatai")),
    ("volunteer", ("volunt", "benevol")),
    ("student", ("student", "studied", "etudi", "alumn", "trainee", "stagiai", "intern ", "internship", "apprenti", "graduat", "phd")),
    ("speaker", ("speaker", "spoke", "speech", "talk", "intervenant", "facilitat", "animat", "conferenc")),
    (
        "employee",
        (
            "employ",
            "staff",
            "work",
            "salari",
            "travail",
            "hired",
            "job",
            "ceo ",
            "cto ",
            "cfo ",
            "coo ",
            "chief",
            "manag",
            "engineer",
            "head of",
            "lead",
            "developer",
            "directeur",
            "directrice",
            "responsable",
            "charge",
            "embauch",
        ),
    ),
    ("member", ("member", "membre", "adher", "belong", "part of", "affiliat", "associate")),
)
_START_FIELDS = ("start", "start date", "start_date", "startdate", "from date", "since", "begin", "debut", "date de debut")
_END_FIELDS = ("end", "end date", "end_date", "enddate", "to date", "until", "fin", "date de fin")
_PERSON_TIES = "a tie between two people: ecograph's ties link actors and affiliations link a person to an actor"


def _folded(value: Any) -> str:
    """Text without case, accents, or separators other than single spaces."""
    text = unicodedata.normalize("NFKD", cell_text(value)).encode("ascii", "ignore").decode("ascii").casefold()
    return " ".join(re.sub(r"[\s_\-'’.,;:/()&+]+", " ", text).split())


def is_person_kind(value: Any, people_kinds: Iterable[str] = ()) -> bool:
    """Whether a kind or type names people: one of :data:`PEOPLE_WORDS` or of ``people_kinds``, folded.

    Examples
    --------
    >>> is_person_kind("Person"), is_person_kind("Personne"), is_person_kind("Founder"), is_person_kind("Founder", ["founder"])
    (True, True, False, True)
    """
    folded = _folded(value)
    return bool(folded) and (folded in PEOPLE_WORDS or folded in {_folded(k) for k in people_kinds})


def affiliation_role(*texts: Any) -> str:
    """The vocabulary's role that the first of ``texts`` to name one names (``other`` when none does).

    Examples
    --------
    >>> affiliation_role("Co-founder"), affiliation_role("worked at"), affiliation_role("", "Membre du CA")
    ('founder', 'employee', 'board')
    >>> affiliation_role("Board member"), affiliation_role("bénévole"), affiliation_role("invested in")
    ('board', 'volunteer', 'other')
    """
    for text in texts:
        folded = _folded(text)
        if not folded:
            continue
        padded = f" {folded} "
        for role, stems in _ROLE_WORDS:
            if role == folded or any(f" {stem}" in padded for stem in stems):
                return role
    return "other"


def xml_text(value: Any) -> str:
    """A value as text that XML 1.0 can hold: forbidden characters become U+FFFD.

    Examples
    --------
    >>> xml_text("a\\x00b\\x1bc\\td")
    'a\\ufffdb\\ufffdc\\td'
    """
    return _XML_FORBIDDEN.sub("\ufffd", cell_text(value) if not isinstance(value, str) else value)


@dataclass
class ImportedGraph:
    """Nodes and edges read from a file, before they become tables.

    Attributes
    ----------
    file : str
        The file read.
    format : str
        ``"GEXF"``, ``"GraphML"``, ``"Kumu"``...
    nodes, edges : list of (row, dict)
        Each record with the row it came from (the file's order, numbered as a
        spreadsheet numbers rows: the first node is row 2).
    leftovers : list of dict
        Records that cannot become actors or ties, with the reason.

    Examples
    --------
    >>> g = ImportedGraph("f", "GEXF"); g.add_node({"id": "a"}, row=2)
    >>> len(g.nodes), g.n_read
    (1, (1, 0))
    """

    file: str
    format: str
    nodes: list[tuple[int, dict]] = field(default_factory=list)
    edges: list[tuple[int, dict]] = field(default_factory=list)
    leftovers: list[dict] = field(default_factory=list)
    read_nodes: int = 0
    read_edges: int = 0

    def add_node(self, record: dict, *, row: int) -> None:
        """Add a node read from the file."""
        self.read_nodes += 1
        self.nodes.append((row, record))

    def add_edge(self, record: dict, *, row: int) -> None:
        """Add an edge read from the file."""
        self.read_edges += 1
        self.edges.append((row, record))

    def leave(self, table: str, row: int | None, reason: str, cells: Mapping, *, counted: str = "") -> None:
        """Keep a record that cannot be imported, with why (``counted``: "node"/"edge" if it was read as one)."""
        if counted == "node":
            self.read_nodes += 1
        elif counted == "edge":
            self.read_edges += 1
        self.leftovers.append(
            {"table": table, "file": self.file, "row": row, "reasons": reason, "cells": {str(k): cell_text(v) for k, v in cells.items()}}
        )

    @property
    def n_read(self) -> tuple[int, int]:
        """Nodes and edges read from the file."""
        return self.read_nodes, self.read_edges


def _column(name: str) -> str:
    text = re.sub(r"\s+", " ", str(name)).strip()
    return text or "unnamed"


def _code(value: str) -> str:
    return slugify(value).replace("-", "_").replace(".", "_").strip("_") or "other"


def _map_codes(values: list[str], field_name: str) -> tuple[dict[str, str], set[str]]:
    """Each distinct value to a vocabulary code; the codes the built-in vocabulary lacks."""
    voc = default_vocabulary()
    mapping, new = {}, set()
    for v in values:
        if not v or v in mapping:
            continue
        normalised = v.strip().lower().replace(" ", "_").replace("-", "_")
        if voc.is_valid(field_name, v):
            mapping[v] = v
        elif voc.is_valid(field_name, normalised):
            mapping[v] = normalised
        else:
            mapping[v] = _code(v)
            if not voc.is_valid(field_name, mapping[v]):
                new.add(mapping[v])
    return mapping, new


def _ids(nodes: list[tuple[int, dict]]) -> dict[str, str]:
    """The file's node ids to dataset ids (kept when valid, else made valid and unique)."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for _, rec in nodes:
        original = rec["id"]
        if SLUG_PATTERN.match(original) and original not in used:
            out[original] = original
            used.add(original)
    for _, rec in nodes:
        original = rec["id"]
        if original in out:
            continue
        base = slugify(original)
        ident, n = base, 1
        while ident in used:
            n += 1
            ident = f"{base}-{n}"
        out[original] = ident
        used.add(ident)
    return out


def _pick(rec: Mapping, *names: str) -> str:
    lower = {str(k).lower(): v for k, v in rec.items()}
    for n in names:
        text = cell_text(lower.get(n.lower()))
        if text:
            return text
    return ""


def graph_to_dataset(
    graph: ImportedGraph,
    *,
    name: str,
    default_kind: str = DEFAULT_KIND,
    default_tie_type: str | None = None,
    kind_from: str | None = None,
    type_from: str | None = None,
    default_source: str | None = None,
    people_kinds: Iterable[str] = (),
) -> Any:
    """The actors, ties, people and affiliations of an imported graph, validated; what cannot be imported is in ``rejected``.

    Parameters
    ----------
    graph : ImportedGraph
    name : str
        Name of the dataset.
    default_kind : str, default "initiative"
        Kind of the actors whose file gives none.
    default_tie_type : str, optional
        Type of the edges whose file gives none (by default ``linked``, or
        ``linked_to`` for a directed edge).
    kind_from, type_from : str, optional
        The node (edge) attribute that holds the kind (tie type); its values
        become the dataset's own codes where the built-in vocabulary lacks
        them.
    default_source : str, optional
        ``source``/``evidence`` of the rows whose file gives none (default:
        "imported from FILE").
    people_kinds : iterable of str, optional
        Kinds (or values of ``type``, ``category``, ``element type``) of the
        nodes that are people, besides :data:`PEOPLE_WORDS`.

    Returns
    -------
    Ecosystem
        ``rejected`` lists every node and edge left out, and why.

    Examples
    --------
    >>> g = ImportedGraph("m.gexf", "GEXF")
    >>> for i, n in enumerate(["a", "b"]): g.add_node({"id": n, "Role": "Fab lab"}, row=i + 2)
    >>> g.add_edge({"source": "a", "target": "a"}, row=4)
    >>> eco = graph_to_dataset(g, name="m", kind_from="Role")
    >>> eco.actors["kind"].tolist(), eco.rejected["reasons"].tolist()
    (['fab_lab', 'fab_lab'], ['a tie cannot link an actor to itself (self-loop)'])

    A person and the company she founded:

    >>> g = ImportedGraph("k.json", "Kumu")
    >>> g.add_node({"id": "ada", "label": "Ada", "kind": "Person"}, row=2); g.add_node({"id": "acme", "kind": "Company"}, row=3)
    >>> g.add_edge({"source": "ada", "target": "acme", "tie_type": "Co-founder", "start": "2015"}, row=2)
    >>> eco = graph_to_dataset(g, name="k")
    >>> eco.people.index.tolist(), eco.affiliations[["person", "actor", "role", "start", "note"]].values.tolist()
    (['ada'], [['ada', 'acme', 'founder', '2015', 'Co-founder']])
    """

    file = graph.file
    source = default_source or f"imported from {Path(file).name}"
    leftovers = list(graph.leftovers)
    ids = _ids(graph.nodes)
    people_ids = {ids[rec["id"]] for _, rec in graph.nodes if _is_person(rec, kind_from, people_kinds)}
    tables = _people_tables(graph, ids, people_ids, leftovers, source=source, kind_from=kind_from)
    nodes = [(row, rec) for row, rec in graph.nodes if ids[rec["id"]] not in people_ids]
    actors, new_kinds = _actor_table(graph, nodes, ids, source=source, default_kind=default_kind, kind_from=kind_from)
    edges = [(row, rec) for row, rec in graph.edges if not {ids.get(rec["source"]), ids.get(rec["target"])} & people_ids]
    ties, found_types = _tie_table(graph, edges, ids, leftovers, source=source, default_tie_type=default_tie_type, type_from=type_from)
    tables = {"actors": actors, "ties": ties, **tables}
    eco = _validated(tables, name=name, path=file, found_tie_types=found_types, found_kinds=sorted(new_kinds))
    extra = pd.DataFrame(leftovers, columns=LEFTOVER_COLUMNS)
    frames = [f for f in (extra, eco.rejected) if len(f)]
    eco.rejected = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=LEFTOVER_COLUMNS)
    eco.rejected = eco.rejected.sort_values(["table", "row"], key=_sort_key, kind="stable").reset_index(drop=True)
    return eco


def _actor_table(
    graph: ImportedGraph, nodes: list[tuple[int, dict]], ids: dict[str, str], *, source: str, default_kind: str, kind_from: str | None
) -> tuple[RawTable, set[str]]:
    """The nodes (people aside) as the raw actors table; the kinds the built-in vocabulary lacks."""
    kind_values = [_pick(rec, kind_from) if kind_from else _pick(rec, "kind") for _, rec in nodes]
    kinds, new_kinds = _map_codes(kind_values, "kind")
    actor_cols = list(TABLES["actors"].column_names)
    rows = []
    mapped = False
    for (row, rec), kind_value in zip(nodes, kind_values):
        original = rec["id"]
        label = cell_text(rec.get("label"))
        cells = {
            "id": ids[original],
            "name": _pick(rec, "name") or label or original,
            "kind": kinds.get(kind_value, "") if kind_value else default_kind,
            "source": _pick(rec, "source") or source,
            "original_id": original if ids[original] != original else "",
        }
        mapped |= ids[original] != original
        if label and label != cells["name"]:
            cells["label"] = label
        for key, value in rec.items():
            column = _column(key)
            if column in ("id", "label", "name", "kind", "source") or (kind_from and key == kind_from):
                continue
            cells[column] = cell_text(value)
            if column not in actor_cols:
                actor_cols.append(column)
        if "label" in cells and "label" not in actor_cols:
            actor_cols.append("label")
        rows.append(RawRow(row, cells))
    if mapped:
        actor_cols.append("original_id")
    return RawTable("actors", graph.file, actor_cols, rows), new_kinds


def _validated(tables: dict[str, RawTable], **options: Any) -> Any:
    """The tables validated (valid rows loaded, the others rejected); once more if web addresses were set aside."""
    options.update(descriptions={c: _DEFAULT_TYPE_TEXT for c in DEFAULT_TIE_TYPES.values()}, on_error="collect")
    eco = from_raw_tables(tables, **options)
    if _set_aside_misfits(tables, eco.problems):
        eco = from_raw_tables(tables, **options)
    return eco


def _set_aside_misfits(tables: dict[str, RawTable], problems: list) -> bool:
    """Move each web address that is not one to ``COLUMN (as written)``; whether any moved.

    Other tools' files often hold a ``website`` attribute written as
    ``www.example.org`` or ``na``: the node is kept, and the value too, beside
    the column, rather than the whole node and its edges being left out. Every
    other misfit value still leaves its row out (a year that is not one, a
    sphere the vocabulary lacks...).
    """
    moved = False
    for problem in problems:
        table = tables.get(problem.table)
        if table is None or problem.row is None or problem.column not in TABLES[problem.table].column_names:
            continue
        column = next(c for c in TABLES[problem.table].columns if c.name == problem.column)
        if column.required or column.type != "url":
            continue
        for raw in table.rows:
            if raw.row == problem.row and raw.cells.get(column.name):
                aside = f"{column.name} (as written)"
                raw.cells[aside] = raw.cells.pop(column.name)
                table.columns += [aside] if aside not in table.columns else []
                moved = True
    return moved


def _is_person(rec: Mapping, kind_from: str | None, people_kinds: Iterable[str]) -> bool:
    """Whether a node's kind, or its ``type``/``category``/``element type``, says it is a person."""
    kind = _pick(rec, kind_from) if kind_from else _pick(rec, "kind")
    return any(is_person_kind(value, people_kinds) for value in (kind, *(_pick(rec, f) for f in _PEOPLE_FIELDS)))


def _people_tables(
    graph: ImportedGraph, ids: dict[str, str], people_ids: set[str], leftovers: list[dict], *, source: str, kind_from: str | None
) -> dict[str, RawTable]:
    """The people among the nodes, and their edges to actors as affiliations (edges between two people go to ``leftovers``)."""
    if not people_ids:
        return {}
    people_cols = list(TABLES["people"].column_names)
    skip = {"id", "label", "name", "kind", "source", *_PEOPLE_FIELDS, *([kind_from] if kind_from else [])}
    people = []
    for row, rec in graph.nodes:
        original = rec["id"]
        if ids[original] not in people_ids:
            continue
        cells = {"id": ids[original], "name": _pick(rec, "name", "label") or original, "source": _pick(rec, "source") or source}
        if ids[original] != original:
            cells["original_id"] = original
        cells.update({_column(k): cell_text(v) for k, v in rec.items() if str(k).lower() not in skip and cell_text(v)})
        people_cols += [c for c in cells if c not in people_cols]
        people.append(RawRow(row, cells))
    return {
        "people": RawTable("people", graph.file, people_cols, people),
        "affiliations": _affiliation_table(graph, ids, people_ids, leftovers, source=source),
    }


def _affiliation_table(graph: ImportedGraph, ids: dict[str, str], people_ids: set[str], leftovers: list[dict], *, source: str) -> RawTable:
    """The edges between a person and an actor as the raw affiliations table; those between two people go to ``leftovers``."""
    cols = [*TABLES["affiliations"].column_names, "note"]
    skip = {
        "source",
        "target",
        "directed",
        DIRECTED_ATTRIBUTE,
        "tie_type",
        "type",
        "role",
        "label",
        "evidence",
        *_START_FIELDS,
        *_END_FIELDS,
    }
    rows = []
    for row, rec in graph.edges:
        ends = [ids.get(rec["source"], rec["source"]), ids.get(rec["target"], rec["target"])]
        persons = [e for e in ends if e in people_ids]
        if not persons:
            continue
        said = [_pick(rec, "role"), _pick(rec, "tie_type", "type"), _pick(rec, "label")]
        if len(persons) == 2:
            cells = {"source": rec["source"], "target": rec["target"], "type": said[1] or said[2]}
            leftovers.append({"table": "ties", "file": graph.file, "row": row, "reasons": _PERSON_TIES, "cells": cells})
            continue
        cells = {
            "person": persons[0],
            "actor": ends[1] if ends[0] == persons[0] else ends[0],
            "role": affiliation_role(*said),
            "start": _pick(rec, *_START_FIELDS),
            "end": _pick(rec, *_END_FIELDS),
            "source": _pick(rec, "evidence") or source,
            "note": " / ".join(dict.fromkeys(t for t in said if t)),
        }
        for key, value in rec.items():
            column = _column(key)
            if str(key).lower() not in skip and cell_text(value):
                cells[column] = cell_text(value)
                cols += [column] if column not in cols else []
        rows.append(RawRow(row, cells))
    return RawTable("affiliations", graph.file, cols, rows)


def _tie_table(
    graph: ImportedGraph,
    edges: list[tuple[int, dict]],
    ids: dict[str, str],
    leftovers: list[dict],
    *,
    source: str,
    default_tie_type: str | None,
    type_from: str | None,
) -> tuple[RawTable, dict[str, str]]:
    """The edges (between actors) as the raw ties table (self-loops added to ``leftovers``); the tie types found, with their direction."""
    type_values = [_pick(rec, type_from) if type_from else _pick(rec, "tie_type", "type") for _, rec in edges]
    types, new_types = _map_codes(type_values, "type")
    directions: dict[str, set[bool]] = {}
    tie_cols = list(TABLES["ties"].column_names)
    ties = []
    for (row, rec), type_value in zip(edges, type_values):
        directed = bool(rec.get("directed"))
        code = types.get(type_value, "") if type_value else (default_tie_type or DEFAULT_TIE_TYPES[directed])
        if type_value and code in new_types:
            directions.setdefault(code, set()).add(directed)
        source_id, target_id = ids.get(rec["source"], rec["source"]), ids.get(rec["target"], rec["target"])
        cells = {"source": source_id, "target": target_id, "type": code, "evidence": _pick(rec, "evidence") or source}
        skip = {"source", "target", "directed", "tie_type", "type", "evidence"}
        for key, value in rec.items():
            column = "directed" if key == DIRECTED_ATTRIBUTE else _column(key)
            if key in skip or (type_from and key == type_from):
                continue
            cells[column] = cell_text(value)
            if column not in tie_cols:
                tie_cols.append(column)
        if rec["source"] == rec["target"]:
            reason = "a tie cannot link an actor to itself (self-loop)"
            ends = {"source": rec["source"], "target": rec["target"], "type": code}
            leftovers.append({"table": "ties", "file": graph.file, "row": row, "reasons": reason, "cells": ends})
            continue
        ties.append(RawRow(row, cells))
    found_types = {code: "yes" if directions.get(code, {False}) == {True} else "no" for code in new_types}
    used_defaults = {t.cells["type"] for t in ties} & set(DEFAULT_TIE_TYPES.values())
    for directed, code in DEFAULT_TIE_TYPES.items():
        if code in used_defaults and not default_vocabulary().is_valid("type", code):
            found_types[code] = "yes" if directed else "no"
    return RawTable("ties", graph.file, tie_cols, ties), found_types


def _sort_key(column: pd.Series) -> pd.Series:
    if column.name == "table":
        return column.map({"actors": 0, "ties": 1}).fillna(2)
    return pd.to_numeric(column, errors="coerce").fillna(0)


def leftovers_frame(eco: Any) -> pd.DataFrame:
    """The rows left out of an import, one per line, with their cells as text (for ``leftovers.csv``).

    Examples
    --------
    >>> import ecograph as eg
    >>> list(leftovers_frame(eg.datasets.tiny()).columns)
    ['table', 'file', 'row', 'reasons', 'cells']
    """

    frame = eco.rejected.copy() if len(eco.rejected) else pd.DataFrame(columns=LEFTOVER_COLUMNS)
    frame["cells"] = [json.dumps(c, ensure_ascii=False, sort_keys=True) if isinstance(c, Mapping) else cell_text(c) for c in frame["cells"]]
    return frame[LEFTOVER_COLUMNS]


def read_graph_file(
    reader: Any,
    path: str | os.PathLike,
    default_source: str | None,
    default_kind: str,
    default_tie_type: str | None,
    kind_from: str | None,
    type_from: str | None,
    people_kinds: Iterable[str] = (),
) -> Any:
    """An Ecosystem from a graph file: ``reader(path)`` gives an :class:`ImportedGraph`, made a dataset by :func:`graph_to_dataset`.

    The options are those of :func:`ecograph.interop.gexf.read_gexf`; the
    Ecosystem's ``read_counts`` holds the numbers of nodes and edges in the file.

    Examples
    --------
    >>> def reader(path):
    ...     g = ImportedGraph(str(path), "GraphML"); g.add_node({"id": "a"}, row=2); g.add_node({"id": "b"}, row=3)
    ...     g.add_edge({"source": "a", "target": "b", "directed": False}, row=2)
    ...     return g
    >>> eco = read_graph_file(reader, "g.graphml", None, "initiative", None, None, None)
    >>> eco.read_counts, eco.ties["type"].tolist()
    ((2, 1), ['linked'])
    """
    path = Path(path)
    graph = reader(path)
    eco = graph_to_dataset(
        graph,
        name=path.stem,
        default_kind=default_kind,
        default_tie_type=default_tie_type,
        kind_from=kind_from,
        type_from=type_from,
        default_source=default_source,
        people_kinds=people_kinds,
    )
    eco.read_counts = graph.n_read  # nodes and edges in the file, for the import summary
    return eco
