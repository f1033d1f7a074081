"""Gephi and the graph tools: GEXF and GraphML files, read as users have them and written as the tools read them.

Reading (:func:`read_gexf`, :func:`read_graphml`) takes what Gephi, Gephi
Lite, yEd, graphology, networkx and igraph write:

* GEXF 1.1, 1.2draft and 1.3 under every namespace spelling real files use
  (``http://www.gexf.net/1.2draft``, ``http://gexf.net/1.3``,
  ``http://www.gexf.net/1.3``, none at all...), static or dynamic: ``start``,
  ``end``, spells and timestamps are kept, as years where they are years
  (``2005.0`` is 2005); values that change over time are kept as text in a
  column ``<attribute> over time``; nested nodes and ``pid`` keep their group
  in a ``parent`` column;
* GraphML with any node ids, labels from the usual keys (``label``,
  ``name``, yEd's node labels), mixed directed and undirected edges
  (``edgedefault`` and each edge's ``directed``), parallel edges, nested
  graphs and the keys' defaults.

Each node becomes an actor and each edge a tie (see
:func:`ecograph.interop.exchange.graph_to_dataset` for ids, names, kinds and types).
What cannot become a tie is listed in ``Ecosystem.rejected`` with the
reason, and the rest imports: self-loops, edges to nodes the file does not
declare, hyperedges, and hierarchy edges (from a node to a group that contains
it). A file that is not well-formed, or not GEXF/GraphML, raises a
:class:`~ecograph.errors.SchemaError` with one line saying so.

Writing (:func:`write_gexf`, :func:`write_graphml`):

* GraphML valid against the GraphML schema: each key declared once, the
  actors' names as node ``label`` (and ``name``), every column with its type,
  and each tie's direction from its type (undirected types undirected);
* GEXF 1.2 (namespace ``http://www.gexf.net/1.2draft``, what Gephi, Gephi
  Lite and networkx read by default), static unless ties have dates; with
  years only, ``timeformat="integer"``; ecograph's colours, sizes (degree,
  from :class:`ecograph.Analysis`) and seeded positions in ``viz``.

networkx and python-igraph hold one direction for a whole graph: networkx
refuses a file that mixes directed and undirected edges, and igraph reads it
as undirected. For them, ``undirected_ties="both-ways"`` writes a directed
graph in which each undirected tie is two opposite edges (sharing the tie's
``tie_row``, which ecograph reads back as one tie). GEXF is always written
so when some ties are directed and others not (Gephi shows the directions,
and every reader opens the file); GraphML marks each undirected tie
``directed="false"`` unless asked for both ways.

Text is written through :func:`ecograph.interop.exchange.xml_text`: a character
XML 1.0 forbids becomes U+FFFD.

What the formats cannot carry: the ``people`` and ``affiliations`` tables,
the descriptions of the dataset's own vocabulary terms (the tie types come
back with their direction), columns empty for every row, and in GraphML
spaces in column names (written as ``_``).

Examples
--------
>>> import tempfile, pathlib, ecograph as eg
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> eco = eg.datasets.tiny()
>>> back = read_gexf(write_gexf(eco, folder / "tiny.gexf"))
>>> back.actors.equals(eco.actors), back.ties.equals(eco.ties)
(True, True)
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from ..errors import Problem, SchemaError
from ..io import python_value
from ..measures.analysis import Analysis
from ..schema import MAX_FILE_BYTES
from ..views.layout import layout
from ..views.style import resolve_colors
from .exchange import DEFAULT_KIND, DIRECTED_ATTRIBUTE, ImportedGraph, graph_to_dataset, xml_text

__all__ = ["parse_xml", "read_gexf", "read_graphml", "write_gexf", "write_graphml"]

GEXF_NS = "http://www.gexf.net/1.2draft"
GEXF_VIZ_NS = "http://www.gexf.net/1.2draft/viz"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
UndirectedTies = Literal["mark", "both-ways"]


# ---- reading ---------------------------------------------------------------------------------------


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: ET.Element, name: str) -> Iterator[ET.Element]:
    return (c for c in element if _local(c.tag) == name)


def _child(element: ET.Element, name: str) -> ET.Element | None:
    return next(_children(element, name), None)


def _refuse(label: str, file: str, message: str, hint: str) -> SchemaError:
    return SchemaError([Problem(label, file, None, None, None, message, hint)])


def parse_xml(data: bytes, *, file: str, label: str, root_name: str) -> ET.Element:
    """The root of an XML document read from an untrusted file, refusing DTDs and entities.

    GEXF, GraphML and the formats built on them never need a document type
    declaration; declaring entities is how "billion laughs" files blow up, so
    a file that declares any is refused before it is parsed. Any problem is a
    :class:`~ecograph.errors.SchemaError` with one line that names ``file``.

    Examples
    --------
    >>> parse_xml(b"<graphml><graph/></graphml>", file="g.graphml", label="GraphML", root_name="graphml").tag
    'graphml'
    >>> try:
    ...     parse_xml(b'<!DOCTYPE g [<!ENTITY a "aa">]><graphml/>', file="g.graphml", label="GraphML", root_name="graphml")
    ... except SchemaError as exc:
    ...     print(exc.problems[0].message)
    the file declares XML entities, which a GraphML file never needs
    """
    hint = f"Export the file again from the tool that made it, as {label}"
    if b"<!ENTITY" in data or b"<!DOCTYPE" in data:
        what = "XML entities" if b"<!ENTITY" in data else "a document type (DTD)"
        raise _refuse(label, file, f"the file declares {what}, which a {label} file never needs", hint)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise _refuse(label, file, f"not a well-formed XML file ({exc})", hint) from None
    if _local(root.tag) != root_name:
        raise _refuse(label, file, f"not a {label} file: the root element is <{_local(root.tag)}>, not <{root_name}>", hint)
    return root


def _parse(path: Path, label: str, root_name: str) -> ET.Element:
    file = str(path)
    hint = f"Export the file again from the tool that made it, as {label}"
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _refuse(label, file, f"the file is larger than {MAX_FILE_BYTES // 2**20} MiB, the largest ecograph reads", hint)
        data = path.read_bytes()
    except OSError as exc:
        raise _refuse(label, file, f"cannot read the file ({exc.strerror or exc})", "Check the path") from None
    return parse_xml(data, file=file, label=label, root_name=root_name)


def _time(value: str | None) -> str:
    """A GEXF time as ecograph writes it: whole years as years, a dateTime as its date."""
    if value is None:
        return ""
    text = value.strip()
    if re.match(r"^-?\d{4}(\.0*)?$", text):
        return text.split(".")[0]
    if re.match(r"^\d{4}-\d{2}-\d{2}T", text):
        return text[:10]
    return text


def _interval(element: ET.Element) -> str:
    start = _time(element.get("start") or element.get("startopen") or element.get("timestamp"))
    end = _time(element.get("end") or element.get("endopen") or element.get("timestamp"))
    return f"[{start}, {end}]"


def _gexf_values(element: ET.Element, declared: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Attribute values of a node or edge by title; values that change over time as text."""
    holders = [element, *_children(element, "attvalues")]
    values: dict[str, list[tuple[str, ET.Element]]] = {}
    for holder in holders:
        for av in _children(holder, "attvalue"):
            key = av.get("for") or av.get("id") or ""
            title = declared.get(key, (key, ""))[0]
            values.setdefault(title, []).append((av.get("value", ""), av))
    out: dict[str, str] = {}
    for title, items in values.items():
        timed = [i for i in items if any(i[1].get(a) for a in ("start", "end", "startopen", "endopen", "timestamp"))]
        if len(items) == 1 and not timed:
            out[title] = items[0][0]
        else:
            out[f"{title} over time"] = "; ".join(f"{v} {_interval(av)}" if av in [t[1] for t in timed] else v for v, av in items)
    for title, default in ((t, d) for t, d in declared.values() if d):
        if title not in out and f"{title} over time" not in out:
            out[title] = default
    return out


def _gexf_time(element: ET.Element, rec: dict) -> None:
    for attr in ("start", "end", "timestamp"):
        if element.get(attr) is not None:
            rec[attr] = _time(element.get(attr))
    for attr, name in (("startopen", "start"), ("endopen", "end")):
        if element.get(attr) is not None and name not in rec:
            rec[name] = _time(element.get(attr))
    if element.get("timestamps"):
        rec["timestamps"] = element.get("timestamps")
    if element.get("intervals"):
        rec["intervals"] = element.get("intervals")
    spells = [s for holder in (*_children(element, "spells"), *_children(element, "slices")) for s in holder]
    if spells:
        rec["spells"] = "; ".join(_interval(s) for s in spells)
        starts = [_time(s.get("start") or s.get("startopen")) for s in spells]
        ends = [_time(s.get("end") or s.get("endopen")) for s in spells]
        if "start" not in rec and all(starts):
            rec["start"] = min(starts)
        if "end" not in rec and all(ends):
            rec["end"] = max(ends)


def _gexf_graph(path: Path) -> ImportedGraph:
    file = str(path)
    root = _parse(path, "GEXF", "gexf")
    graph = _child(root, "graph")
    if graph is None:
        raise _refuse("GEXF", file, "no <graph> element: the file holds no network", "Export the graph again from Gephi (File > Export)")
    g = ImportedGraph(file, "GEXF")
    default_directed = graph.get("defaultedgetype", "undirected") == "directed"
    declared: dict[str, dict[str, tuple[str, str]]] = {"node": {}, "edge": {}}
    for attributes in _children(graph, "attributes"):
        cls = attributes.get("class", "node")
        for a in _children(attributes, "attribute"):
            default = _child(a, "default")
            declared.setdefault(cls, {})[a.get("id", "")] = (
                a.get("title") or a.get("id", ""),
                (default.text or "").strip() if default is not None else "",
            )
    parent_of: dict[str, str] = {}
    edges: list[tuple[int, ET.Element]] = []
    counter = {"node": 1, "edge": 1}

    def walk(container: ET.Element, parent: str) -> None:
        for nodes in _children(container, "nodes"):
            for node in _children(nodes, "node"):
                counter["node"] += 1
                row = counter["node"]
                ident = node.get("id")
                if ident is None or ident in parent_of:
                    why = "the node has no id" if ident is None else f"node id '{ident}' is declared twice"
                    g.leave("actors", row, why, {"id": ident or "", "label": node.get("label", "")}, counted="node")
                else:
                    rec: dict = {"id": ident, "label": node.get("label", "")}
                    rec.update(_gexf_values(node, declared["node"]))
                    _gexf_time(node, rec)
                    group = node.get("pid") or parent
                    if group:
                        rec["parent"] = group
                    parents = [p.get("for", "") for ps in _children(node, "parents") for p in _children(ps, "parent")]
                    if parents:
                        rec["parents"] = " | ".join(parents)
                    parent_of[ident] = group
                    g.add_node(rec, row=row)
                walk(node, ident or parent)
        for edges_el in _children(container, "edges"):
            for edge in _children(edges_el, "edge"):
                counter["edge"] += 1
                edges.append((counter["edge"], edge))

    walk(graph, "")

    def ancestors(n: str) -> set[str]:
        seen: set[str] = set()
        while parent_of.get(n) and parent_of[n] not in seen:
            n = parent_of[n]
            seen.add(n)
        return seen

    records = [(row, _gexf_edge(edge, declared["edge"], default_directed)) for row, edge in edges]
    for row, rec in _one_record_per_tie(records):
        if _edge_ok(g, row, rec, parent_of, ancestors):
            g.add_edge(rec, row=row)
    return g


def _gexf_edge(edge: ET.Element, declared: dict[str, tuple[str, str]], default_directed: bool) -> dict:
    """The record of a GEXF edge: its ends, direction, id, weight, label, kind, times and attributes."""
    kind = edge.get("type", "")
    rec: dict = {"source": edge.get("source") or "", "target": edge.get("target") or ""}
    rec["directed"] = default_directed if kind not in ("directed", "undirected", "mutual") else kind == "directed"
    if edge.get("id") is not None:
        rec["edge_id"] = edge.get("id")
    if edge.get("weight") is not None:
        rec["weight"] = edge.get("weight")
    if edge.get("label"):
        rec["label"] = edge.get("label")
    if edge.get("kind"):
        rec["kind"] = edge.get("kind")
    values = _gexf_values(edge, declared)
    _gexf_time(edge, rec)
    for key, value in values.items():
        if key in ("tie_start", "tie_end"):
            rec[key[4:]] = value
        else:
            _keep_attribute(rec, key, value)
    return rec


def _keep_attribute(rec: dict, key: str, value: str) -> None:
    """Put an edge attribute in its record; one named like a field the reader sets (``directed``, ``source``...) is kept too.

    An attribute ``directed`` is kept as :data:`~ecograph.interop.exchange.DIRECTED_ATTRIBUTE`
    (it becomes the ties' ``directed`` column); any other clash as ``KEY (attribute)``.
    """
    if key == "directed":
        key = DIRECTED_ATTRIBUTE
    rec[key if key not in rec else f"{key} (attribute)"] = value


def _one_record_per_tie(records: list[tuple[int, dict]]) -> list[tuple[int, dict]]:
    """Edges of a file ecograph wrote (each has a ``tie_row``) back to one record per tie, in the ties' order.

    A tie written both ways (two opposite edges with the same ``tie_row``) is
    one undirected tie. Files from other tools are left as they are.
    """
    if not records or not all(str(r.get("tie_row", "")).isdigit() for _, r in records):
        return records
    first: dict[str, tuple[int, dict]] = {}
    for row, rec in records:
        if str(rec["tie_row"]) in first:
            first[str(rec["tie_row"])][1]["directed"] = False
            continue
        first[str(rec["tie_row"])] = (row, rec)
    out = sorted(first.values(), key=lambda p: int(p[1]["tie_row"]))
    for _, rec in out:
        rec.pop("edge_id", None)
        rec.pop("tie_row", None)
    return out


def _edge_ok(g: ImportedGraph, row: int, rec: dict, declared: dict, ancestors: Any) -> bool:
    source, target = rec["source"], rec["target"]
    cells = {"source": source, "target": target, **{k: v for k, v in rec.items() if k in ("edge_id", "label")}}
    if not source or not target:
        g.leave("ties", row, "the edge has no source or no target", cells, counted="edge")
        return False
    missing = [n for n in (source, target) if n not in declared]
    if missing:
        g.leave(
            "ties", row, f"the edge refers to a node the file does not declare: {', '.join(sorted(set(missing)))}", cells, counted="edge"
        )
        return False
    if source != target and (source in ancestors(target) or target in ancestors(source)):
        inner, outer = (target, source) if source in ancestors(target) else (source, target)
        g.leave("ties", row, f"hierarchy edge: node '{inner}' is inside group '{outer}'", cells, counted="edge")
        return False
    return True


def _graphml_keys(root: ET.Element, file: str) -> dict[tuple[str, str], tuple[str, str, str]]:
    keys: dict[tuple[str, str], tuple[str, str, str]] = {}
    names: dict[tuple[str, str], str] = {}
    for key in root.iter():
        if _local(key.tag) != "key":
            continue
        ident = key.get("id", "")
        domain = key.get("for", "all")
        name = key.get("attr.name", ident)
        default = _child(key, "default")
        definition = (name, key.get("attr.type", "string"), "".join(default.itertext()).strip() if default is not None else "")
        hint = "Each <key> needs its own id and a name; export the file again"
        if not ident:
            raise _refuse("GraphML", file, "a <key> has no id", hint)
        if not name:
            raise _refuse("GraphML", file, f"<key id='{ident}'> has an empty attr.name", hint)
        if (domain, ident) in keys and keys[(domain, ident)] != definition:
            raise _refuse("GraphML", file, f"<key id='{ident}'> is declared twice for '{domain}', differently", hint)
        if (domain, name) in names and names[(domain, name)] != ident and domain in ("node", "edge", "graph", "all"):
            other = next(d for (dm, k), d in keys.items() if dm == domain and k == names[(domain, name)])
            if other[1] != definition[1]:
                raise _refuse("GraphML", file, f"two keys for '{domain}' are both called '{name}', with different types", hint)
        keys[(domain, ident)] = definition
        names.setdefault((domain, name), ident)
    return keys


def _graphml_data(element: ET.Element, domain: str, keys: dict) -> dict[str, str]:
    rec: dict[str, str] = {}
    for data in _children(element, "data"):
        key = data.get("key", "")
        name = (keys.get((domain, key)) or keys.get(("all", key)) or (key, "", ""))[0]
        if len(data):  # yEd and yFiles put graphics inside <data>: keep only the label text
            texts = [
                "".join(e.itertext()).strip()
                for e in data.iter()
                if _local(e.tag) in ("NodeLabel", "EdgeLabel", "Label.Text") and "".join(e.itertext()).strip()
            ]
            if texts and "label" not in rec:
                rec["label"] = texts[0]
            continue
        rec[name] = (data.text or "").strip()
    for (dm, _), (name, _, default) in keys.items():
        if dm in (domain, "all") and default and name not in rec and dm == domain:
            rec[name] = default
    desc = _child(element, "desc")
    if desc is not None and (desc.text or "").strip() and "description" not in rec:
        rec["description"] = desc.text.strip()
    return rec


def _graphml_graph(path: Path) -> ImportedGraph:
    file = str(path)
    root = _parse(path, "GraphML", "graphml")
    keys = _graphml_keys(root, file)
    graph = _child(root, "graph")
    if graph is None:
        raise _refuse("GraphML", file, "no <graph> element: the file holds no network", "Export the graph again")
    g = ImportedGraph(file, "GraphML")
    parent_of: dict[str, str] = {}
    edges: list[tuple[int, ET.Element, bool]] = []
    counter = {"node": 1, "edge": 1}

    def walk(container: ET.Element, parent: str) -> None:
        directed = container.get("edgedefault", "directed") == "directed"
        for element in container:
            name = _local(element.tag)
            if name == "node":
                counter["node"] += 1
                ident = element.get("id")
                if ident is None or ident in parent_of:
                    why = "the node has no id" if ident is None else f"node id '{ident}' is declared twice"
                    g.leave("actors", counter["node"], why, {"id": ident or ""}, counted="node")
                else:
                    rec = {"id": ident, **_graphml_data(element, "node", keys)}
                    if parent:
                        rec["parent"] = parent
                    parent_of[ident] = parent
                    g.add_node(rec, row=counter["node"])
                for sub in _children(element, "graph"):
                    walk(sub, ident or parent)
            elif name == "edge":
                counter["edge"] += 1
                edges.append((counter["edge"], element, directed))
                for sub in _children(element, "graph"):
                    walk(sub, parent)
            elif name == "hyperedge":
                counter["edge"] += 1
                ends = [e.get("node", "") for e in _children(element, "endpoint")]
                g.leave(
                    "ties",
                    counter["edge"],
                    "a hyperedge joins several nodes at once; a tie links two actors",
                    {"nodes": " | ".join(ends)},
                    counted="edge",
                )

    walk(graph, "")

    def ancestors(n: str) -> set[str]:
        seen: set[str] = set()
        while parent_of.get(n) and parent_of[n] not in seen:
            n = parent_of[n]
            seen.add(n)
        return seen

    records = []
    for row, edge, default_directed in edges:
        flag = (edge.get("directed") or "").strip().lower()
        rec: dict = {"source": edge.get("source") or "", "target": edge.get("target") or ""}
        rec["directed"] = default_directed if flag not in ("true", "false", "1", "0") else flag in ("true", "1")
        if edge.get("id") is not None:
            rec["edge_id"] = edge.get("id")
        for key, value in _graphml_data(edge, "edge", keys).items():
            _keep_attribute(rec, key, value)
        records.append((row, rec))
    for row, rec in _one_record_per_tie(records):
        if _edge_ok(g, row, rec, parent_of, ancestors):
            g.add_edge(rec, row=row)
    return g


def _read(
    reader: Any,
    path: str | os.PathLike,
    default_source: str | None,
    default_kind: str,
    default_tie_type: str | None,
    kind_from: str | None,
    type_from: str | None,
    people_kinds: Iterable[str] = (),
) -> Any:
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


def read_gexf(
    path: str | os.PathLike,
    *,
    default_source: str | None = None,
    default_kind: str = DEFAULT_KIND,
    default_tie_type: str | None = None,
    kind_from: str | None = None,
    type_from: str | None = None,
    people_kinds: Iterable[str] = (),
) -> Any:
    """Read a GEXF file (Gephi, Gephi Lite, graphology, networkx, ecograph) as an Ecosystem.

    Parameters
    ----------
    path : path-like
    default_source : str, optional
        ``source``/``evidence`` of the rows the file gives none (default
        "imported from FILE").
    default_kind, default_tie_type, kind_from, type_from, people_kinds
        See :func:`ecograph.interop.exchange.graph_to_dataset` (nodes that
        are people become the people table, their edges affiliations).

    Returns
    -------
    Ecosystem
        ``rejected`` lists the nodes and edges that could not be imported and
        why; ``read_counts`` holds the numbers of nodes and edges in the file.

    Raises
    ------
    SchemaError
        If the file is not well-formed XML or holds no GEXF graph.

    Examples
    --------
    >>> import tempfile, pathlib, ecograph as eg
    >>> read_gexf(write_gexf(eg.datasets.tiny(), pathlib.Path(tempfile.mkdtemp()) / "t.gexf"))
    <Ecosystem 't': 8 actors, 8 ties, 0 people, 0 affiliations>
    """
    return _read(_gexf_graph, path, default_source, default_kind, default_tie_type, kind_from, type_from, people_kinds)


def read_graphml(
    path: str | os.PathLike,
    *,
    default_source: str | None = None,
    default_kind: str = DEFAULT_KIND,
    default_tie_type: str | None = None,
    kind_from: str | None = None,
    type_from: str | None = None,
    people_kinds: Iterable[str] = (),
) -> Any:
    """Read a GraphML file (Gephi, yEd, igraph, networkx, graphology, ecograph) as an Ecosystem.

    Parameters and result as :func:`read_gexf`.

    Examples
    --------
    >>> import tempfile, pathlib, ecograph as eg
    >>> read_graphml(write_graphml(eg.datasets.tiny(), pathlib.Path(tempfile.mkdtemp()) / "t.graphml")).ties["type"].tolist()[:2]
    ['support', 'membership']
    """
    return _read(_graphml_graph, path, default_source, default_kind, default_tie_type, kind_from, type_from, people_kinds)


# ---- writing ---------------------------------------------------------------------------------------


def _kind_of(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "int"
    if pd.api.types.is_float_dtype(series):
        return "double"
    return "string"


def _columns(frame: pd.DataFrame, skip: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(column, type) of the columns with at least one value."""
    out = []
    for col in frame.columns:
        if col in skip:
            continue
        values = frame[col].astype(object)
        if (values.notna() & (values != "")).any():
            out.append((str(col), _kind_of(frame[col])))
    return out


def _value_text(value: Any, kind: str) -> str | None:
    value = python_value(value)
    if value is None or value == "":
        return None
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "int":
        return str(int(value))
    if kind == "double":
        return repr(float(value))
    return xml_text(value)


def _tie_records(eco: Any, undirected_ties: UndirectedTies) -> list[tuple[str, int, dict, bool]]:
    """(edge id, tie row, record, directed) for each edge to write; undirected ties twice when both-ways."""
    out = []
    for i, rec in enumerate(eco.ties.to_dict("records")):
        directed = bool(eco.vocabulary.is_directed(rec["type"]))
        if undirected_ties == "both-ways" and not directed:
            out.append((f"t{i}a", i, rec, True))
            out.append((f"t{i}b", i, {**rec, "source": rec["target"], "target": rec["source"]}, True))
        else:
            out.append((f"t{i}", i, rec, directed))
    return out


def _check_mode(undirected_ties: str) -> None:
    if undirected_ties not in ("mark", "both-ways"):
        raise ValueError("undirected_ties must be 'mark' or 'both-ways'")


def _write_xml(root: ET.Element, path: Path) -> Path:
    ET.indent(root, space="  ")
    path.write_bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n")
    return path


def write_graphml(eco: Any, path: str | os.PathLike, *, undirected_ties: UndirectedTies = "mark") -> Path:
    """Write a GraphML file valid against the GraphML schema (Gephi, yEd, Cytoscape, igraph, networkx).

    Each key is declared once; the actors' names are the nodes' ``label``
    (and ``name``); each tie is one edge whose direction is its type's
    (``directed="false"`` on undirected ties of a directed graph), or, with
    ``undirected_ties="both-ways"``, a directed graph where undirected ties
    are two opposite edges (for networkx and igraph, which hold one direction
    per graph).

    Examples
    --------
    >>> import tempfile, pathlib, networkx as nx, ecograph as eg
    >>> path = write_graphml(eg.datasets.tiny(), pathlib.Path(tempfile.mkdtemp()) / "t.graphml", undirected_ties="both-ways")
    >>> G = nx.read_graphml(path)
    >>> G.nodes["fablab"]["label"], G.is_directed()
    ('Fab lab', True)
    """
    _check_mode(undirected_ties)
    path = Path(path)
    actors = eco.actors.reset_index()
    node_cols = _columns(actors, skip=("id",))
    ties = eco.ties.rename(columns={"type": "tie_type"})
    edge_cols = _columns(ties, skip=("source", "target"))
    edges = _tie_records(eco, undirected_ties)
    n_directed = sum(d for *_, d in edges)
    graph_directed = n_directed * 2 >= len(edges) if edges else True
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")

    def key(ident: str, domain: str, name: str, kind: str) -> None:
        name = re.sub(r"\s", "_", name)
        ET.SubElement(root, f"{{{GRAPHML_NS}}}key", {"id": ident, "for": domain, "attr.name": name, "attr.type": kind})

    key("label", "node", "label", "string")
    node_keys = {c: f"n{i}" for i, (c, _) in enumerate(node_cols)}
    for (c, kind), ident in zip(node_cols, node_keys.values()):
        key(ident, "node", c, kind)
    edge_keys = {c: f"e{i}" for i, (c, _) in enumerate(edge_cols)}
    for (c, kind), ident in zip(edge_cols, edge_keys.values()):
        key(ident, "edge", c, kind)
    key("tie_row", "edge", "tie_row", "int")
    graph = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"id": "G", "edgedefault": "directed" if graph_directed else "undirected"})
    for rec in actors.to_dict("records"):
        node = ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", {"id": xml_text(rec["id"])})
        ET.SubElement(node, f"{{{GRAPHML_NS}}}data", {"key": "label"}).text = xml_text(rec["name"])
        for c, kind in node_cols:
            text = _value_text(rec[c], kind)
            if text is not None:
                ET.SubElement(node, f"{{{GRAPHML_NS}}}data", {"key": node_keys[c]}).text = text
    for ident, row, rec, directed in edges:
        attrs = {"id": ident, "source": xml_text(rec["source"]), "target": xml_text(rec["target"])}
        if directed != graph_directed:
            attrs["directed"] = "true" if directed else "false"
        edge = ET.SubElement(graph, f"{{{GRAPHML_NS}}}edge", attrs)
        rec = {**rec, "tie_type": rec["type"]}
        for c, kind in edge_cols:
            text = _value_text(rec[c], kind)
            if text is not None:
                ET.SubElement(edge, f"{{{GRAPHML_NS}}}data", {"key": edge_keys[c]}).text = text
        ET.SubElement(edge, f"{{{GRAPHML_NS}}}data", {"key": "tie_row"}).text = str(row)
    return _write_xml(root, path)


_GEXF_TYPES = {"boolean": "boolean", "int": "integer", "double": "double", "string": "string"}


def _gexf_time_bounds(value: Any, *, end: bool) -> str:
    text = str(value)
    if re.match(r"^\d{4}$", text):
        return f"{text}-12-31" if end else f"{text}-01-01"
    if re.match(r"^\d{4}-\d{2}$", text):
        if not end:
            return f"{text}-01"
        last = pd.Period(text, freq="M").days_in_month
        return f"{text}-{last:02d}"
    return text


def _hex_rgb(color: str) -> dict[str, str]:
    color = color.lstrip("#")
    return {"r": str(int(color[0:2], 16)), "g": str(int(color[2:4], 16)), "b": str(int(color[4:6], 16)), "a": "1.0"}


def _gexf_nodes(graph: ET.Element, actors: pd.DataFrame, node_cols: list[tuple[str, str]], analysis: Any, seed: int) -> None:
    """The actors as GEXF nodes, with their attributes, sphere colour, seeded position and degree size."""
    simple = analysis.graph
    pos = layout(simple, seed=seed) if simple.number_of_nodes() else None
    colors, _ = resolve_colors(simple, "sphere") if simple.number_of_nodes() else ({}, None)
    degree = analysis.degree
    nodes = ET.SubElement(graph, f"{{{GEXF_NS}}}nodes")
    for rec in actors.to_dict("records"):
        node = ET.SubElement(nodes, f"{{{GEXF_NS}}}node", {"id": xml_text(rec["id"]), "label": xml_text(rec["name"])})
        values = ET.SubElement(node, f"{{{GEXF_NS}}}attvalues")
        for i, (c, kind) in enumerate(node_cols):
            text = _value_text(rec[c], kind)
            if text is not None:
                ET.SubElement(values, f"{{{GEXF_NS}}}attvalue", {"for": str(i), "value": text})
        ident = rec["id"]
        if pos is not None and ident in pos.index:
            ET.SubElement(node, f"{{{GEXF_VIZ_NS}}}color", _hex_rgb(colors[ident]))
            x, y = float(pos.at[ident, "x"]), float(-pos.at[ident, "y"])
            ET.SubElement(node, f"{{{GEXF_VIZ_NS}}}position", {"x": repr(x), "y": repr(y), "z": "0.0"})
            size = 6 + 2 * np.sqrt(float(degree.get(ident, 0)))
            ET.SubElement(node, f"{{{GEXF_VIZ_NS}}}size", {"value": repr(float(size))})


def _gexf_edges(graph: ET.Element, edges: list[tuple[str, int, dict, bool]], edge_cols: list[tuple[str, str]], years_only: bool) -> None:
    """The ties as GEXF edges (their direction is the graph's), with weight, times and attributes."""
    edges_el = ET.SubElement(graph, f"{{{GEXF_NS}}}edges")
    for ident, row, rec, _ in edges:
        attrs = {"id": ident, "source": xml_text(rec["source"]), "target": xml_text(rec["target"])}
        attrs["weight"] = repr(float(rec["weight"]))
        for col in ("start", "end"):
            if python_value(rec[col]) not in (None, ""):
                attrs[col] = str(rec[col]) if years_only else _gexf_time_bounds(rec[col], end=col == "end")
        edge = ET.SubElement(edges_el, f"{{{GEXF_NS}}}edge", attrs)
        values = ET.SubElement(edge, f"{{{GEXF_NS}}}attvalues")
        full = {**rec, "tie_type": rec["type"], "tie_start": rec["start"], "tie_end": rec["end"], "tie_row": row}
        for i, (c, kind) in enumerate([*edge_cols, ("tie_row", "int")]):
            text = _value_text(full[c], kind)
            if text is not None:
                ET.SubElement(values, f"{{{GEXF_NS}}}attvalue", {"for": str(i), "value": text})


def write_gexf(eco: Any, path: str | os.PathLike, *, seed: int = 0, undirected_ties: UndirectedTies = "mark", analysis: Any = None) -> Path:
    """Write a GEXF 1.2 file for Gephi and Gephi Lite, with colours, sizes and positions.

    Static unless ties have a ``start`` or ``end``; dynamic with
    ``timeformat="integer"`` when every date is a year, ``"date"`` otherwise
    (the exact values also kept as ``tie_start``/``tie_end``). Sizes grow
    with each actor's degree, taken from ``analysis`` (an
    :class:`ecograph.Analysis` of ``eco``, made when not given).

    Every edge has the graph's direction, so that every GEXF reader (networkx
    included) opens the file: when some ties are directed and others not,
    the graph is directed and each undirected tie is two opposite edges
    sharing its ``tie_row`` (as with ``undirected_ties="both-ways"``, which
    does so even when no tie is directed); Gephi draws those as a
    double arrow, and :func:`read_gexf` reads them back as one undirected tie.

    Examples
    --------
    >>> import tempfile, pathlib, networkx as nx, ecograph as eg
    >>> path = write_gexf(eg.datasets.tiny(), pathlib.Path(tempfile.mkdtemp()) / "t.gexf")
    >>> text = path.read_text(encoding="utf-8")
    >>> 'mode="dynamic" timeformat="integer"' in text, 'start="2014"' in text
    (True, True)
    >>> G = nx.read_gexf(path)  # 6 directed ties and 2 undirected ones, written both ways
    >>> G.is_directed(), G.number_of_edges(), len(read_gexf(path).ties)
    (True, 10, 8)
    """

    _check_mode(undirected_ties)
    path = Path(path)
    analysis = Analysis.of(analysis if analysis is not None else eco, seed=seed)
    actors = eco.actors.reset_index()
    node_cols = _columns(actors, skip=("id",))
    ties = eco.ties.rename(columns={"type": "tie_type"})
    edge_cols = _columns(ties, skip=("source", "target", "start", "end", "weight"))
    mixed = len({bool(eco.vocabulary.is_directed(t)) for t in eco.ties["type"]}) == 2
    edges = _tie_records(eco, "both-ways" if mixed else undirected_ties)
    times = [str(v) for col in ("start", "end") for v in eco.ties[col] if python_value(v) not in (None, "")]
    years_only = all(re.match(r"^\d{4}$", t) for t in times)
    if times and not years_only:
        edge_cols += [("tie_start", "string"), ("tie_end", "string")]
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", GEXF_VIZ_NS)
    root = ET.Element(f"{{{GEXF_NS}}}gexf", {"version": "1.2"})
    meta = ET.SubElement(root, f"{{{GEXF_NS}}}meta")
    ET.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "ecograph"
    ET.SubElement(meta, f"{{{GEXF_NS}}}description").text = xml_text(eco.name)
    graph_directed = any(d for *_, d in edges) or not edges  # after "both-ways", every edge has one direction
    graph_attrs = {"defaultedgetype": "directed" if graph_directed else "undirected", "mode": "dynamic" if times else "static"}
    if times:
        graph_attrs["timeformat"] = "integer" if years_only else "date"
    graph = ET.SubElement(root, f"{{{GEXF_NS}}}graph", graph_attrs)
    for cls, cols in (("node", node_cols), ("edge", [*edge_cols, ("tie_row", "int")])):
        attributes = ET.SubElement(graph, f"{{{GEXF_NS}}}attributes", {"class": cls})
        for i, (c, kind) in enumerate(cols):
            ET.SubElement(attributes, f"{{{GEXF_NS}}}attribute", {"id": str(i), "title": xml_text(c), "type": _GEXF_TYPES[kind]})
    _gexf_nodes(graph, actors, node_cols, analysis, seed)
    _gexf_edges(graph, edges, edge_cols, years_only)
    return _write_xml(root, path)
