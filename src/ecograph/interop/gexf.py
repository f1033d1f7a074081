"""GEXF files (Gephi, Gephi Lite, graphology, networkx), read as users have them and written as the tools read them.

Reading (:func:`read_gexf`) takes GEXF 1.1, 1.2draft and 1.3 under every
namespace spelling real files use (``http://www.gexf.net/1.2draft``,
``http://gexf.net/1.3``, ``http://www.gexf.net/1.3``, none at all...), static
or dynamic: ``start``, ``end``, spells and timestamps are kept, as years where
they are years (``2005.0`` is 2005); values that change over time are kept as
text in a column ``<attribute> over time``; nested nodes and ``pid`` keep
their group in a ``parent`` column.

Each node becomes an actor and each edge a tie (see
:func:`ecograph.interop.exchange.graph_to_dataset` for ids, names, kinds and types).
What cannot become a tie is listed in ``Ecosystem.rejected`` with the
reason, and the rest imports: self-loops, edges to nodes the file does not
declare, and hierarchy edges (from a node to a group that contains it;
:func:`ecograph.interop.xml.accept_edge`). A file that is not well-formed, or
not GEXF, raises a :class:`~ecograph.errors.SchemaError` with one line saying so.

Writing (:func:`write_gexf`): GEXF 1.2 (namespace
``http://www.gexf.net/1.2draft``, what Gephi, Gephi Lite and networkx read by
default), static unless ties have dates; with years only,
``timeformat="integer"``; ecograph's colours, sizes (degree, from
:class:`ecograph.Analysis`) and seeded positions in ``viz``. Every edge has
the graph's direction: when some ties are directed and others not, each
undirected tie is written as two opposite edges sharing its ``tie_row``,
which ecograph reads back as one tie (:func:`ecograph.interop.xml.one_record_per_tie`).
Text is written through :func:`ecograph.interop.exchange.xml_text`: a
character XML 1.0 forbids becomes U+FFFD.

What the format cannot carry: the ``people`` and ``affiliations`` tables,
the descriptions of the dataset's own vocabulary terms (the tie types come
back with their direction), and columns empty for every row.

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
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..io import python_value
from ..measures.analysis import Analysis
from ..views.layout import layout
from ..views.style import resolve_colors
from .exchange import DEFAULT_KIND, ImportedGraph, read_graph_file, xml_text
from .flat import export_parts
from .xml import (
    UndirectedTies,
    accept_edge,
    attribute_columns,
    check_undirected_ties,
    child,
    children,
    keep_attribute,
    one_record_per_tie,
    read_xml,
    tie_records,
    value_text,
    write_xml,
    xml_problem,
)

__all__ = ["read_gexf", "write_gexf"]


GEXF_NS = "http://www.gexf.net/1.2draft"
GEXF_VIZ_NS = "http://www.gexf.net/1.2draft/viz"


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
    holders = [element, *children(element, "attvalues")]
    values: dict[str, list[tuple[str, ET.Element]]] = {}
    for holder in holders:
        for av in children(holder, "attvalue"):
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
    spells = [s for holder in (*children(element, "spells"), *children(element, "slices")) for s in holder]
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
    root = read_xml(path, "GEXF", "gexf")
    graph = child(root, "graph")
    if graph is None:
        raise xml_problem(
            "GEXF", file, "no <graph> element: the file holds no network", "Export the graph again from Gephi (File > Export)"
        )
    g = ImportedGraph(file, "GEXF")
    default_directed = graph.get("defaultedgetype", "undirected") == "directed"
    declared: dict[str, dict[str, tuple[str, str]]] = {"node": {}, "edge": {}}
    for attributes in children(graph, "attributes"):
        cls = attributes.get("class", "node")
        for a in children(attributes, "attribute"):
            default = child(a, "default")
            declared.setdefault(cls, {})[a.get("id", "")] = (
                a.get("title") or a.get("id", ""),
                (default.text or "").strip() if default is not None else "",
            )
    parent_of: dict[str, str] = {}
    edges: list[tuple[int, ET.Element]] = []
    counter = {"node": 1, "edge": 1}

    def walk(container: ET.Element, parent: str) -> None:
        for nodes in children(container, "nodes"):
            for node in children(nodes, "node"):
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
                    parents = [p.get("for", "") for ps in children(node, "parents") for p in children(ps, "parent")]
                    if parents:
                        rec["parents"] = " | ".join(parents)
                    parent_of[ident] = group
                    g.add_node(rec, row=row)
                walk(node, ident or parent)
        for edges_el in children(container, "edges"):
            for edge in children(edges_el, "edge"):
                counter["edge"] += 1
                edges.append((counter["edge"], edge))

    walk(graph, "")

    records = [(row, _gexf_edge(edge, declared["edge"], default_directed)) for row, edge in edges]
    for row, rec in one_record_per_tie(records):
        if accept_edge(g, row, rec, parent_of):
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
            keep_attribute(rec, key, value)
    return rec


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
    return read_graph_file(_gexf_graph, path, default_source, default_kind, default_tie_type, kind_from, type_from, people_kinds)


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
            text = value_text(rec[c], kind)
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
            text = value_text(full[c], kind)
            if text is not None:
                ET.SubElement(values, f"{{{GEXF_NS}}}attvalue", {"for": str(i), "value": text})


def write_gexf(
    data: Any,
    path: str | os.PathLike,
    *,
    seed: int = 0,
    undirected_ties: UndirectedTies = "mark",
    analysis: Any = None,
    measures: bool | None = None,
) -> Path:
    """Write a GEXF 1.2 file for Gephi and Gephi Lite, with colours, sizes, positions and, if asked, the measures.

    ``data`` is an Ecosystem or an :class:`ecograph.Analysis` of one. With
    ``measures`` (the default for an Analysis) every node also carries the
    columns of :func:`ecograph.interop.flat.measure_table` (degree,
    betweenness, community, constraint, role, worklist flag...), declared in
    ``<attributes class="node">`` with their types (``integer``, ``double``,
    ``string``, ``boolean``), so that Gephi's Appearance panel partitions by
    ``community`` and ranks by ``betweenness`` at once.

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
    >>> G = nx.read_gexf(write_gexf(eg.Analysis(eg.datasets.tiny()), path))  # an Analysis: its measures come along
    >>> G.nodes["coop"]["community"], G.nodes["loner"]["no_known_tie"], round(G.nodes["network"]["betweenness"], 3)
    (1, True, 0.048)
    """

    check_undirected_ties(undirected_ties)
    path = Path(path)
    eco, analysis, table = export_parts(data, measures=measures, analysis=analysis)
    analysis = Analysis.of(analysis if analysis is not None else eco, seed=seed)
    actors = (eco.actors if table is None else eco.actors.join(table)).reset_index()
    node_cols = attribute_columns(actors, skip=("id",))
    ties = eco.ties.rename(columns={"type": "tie_type"})
    edge_cols = attribute_columns(ties, skip=("source", "target", "start", "end", "weight"))
    mixed = len({bool(eco.vocabulary.is_directed(t)) for t in eco.ties["type"]}) == 2
    edges = tie_records(eco, "both-ways" if mixed else undirected_ties)
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
    return write_xml(root, path)
