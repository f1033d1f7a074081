"""GraphML files (Gephi, yEd, Cytoscape, igraph, networkx, graphology), read as users have them and written valid.

Reading (:func:`read_graphml`) takes GraphML with any node ids, labels from
the usual keys (``label``, ``name``, yEd's node labels), mixed directed and
undirected edges (``edgedefault`` and each edge's ``directed``), parallel
edges, nested graphs and the keys' defaults. Each node becomes an actor and
each edge a tie (see :func:`ecograph.interop.exchange.graph_to_dataset`);
what cannot become a tie (self-loops, edges to undeclared nodes, hyperedges,
hierarchy edges) is listed in ``Ecosystem.rejected`` with the reason. A file
that is not well-formed, or not GraphML, raises a
:class:`~ecograph.errors.SchemaError` with one line saying so.

Writing (:func:`write_graphml`): GraphML valid against the GraphML schema,
each key declared once, the actors' names as node ``label`` (and ``name``),
every column with its type, and each tie's direction from its type
(``directed="false"`` on the undirected ties of a directed graph). networkx
and python-igraph hold one direction for a whole graph: for them,
``undirected_ties="both-ways"`` writes a directed graph in which each
undirected tie is two opposite edges sharing the tie's ``tie_row``, which
ecograph reads back as one tie. Spaces in column names are written as ``_``;
the ``people`` and ``affiliations`` tables are not written.

Examples
--------
>>> import tempfile, pathlib, ecograph as eg
>>> eco = eg.datasets.tiny()
>>> back = read_graphml(write_graphml(eco, pathlib.Path(tempfile.mkdtemp()) / "tiny.graphml"))
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
    local_name,
    one_record_per_tie,
    read_xml,
    tie_records,
    value_text,
    write_xml,
    xml_problem,
)

__all__ = ["read_graphml", "write_graphml"]


GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def _graphml_keys(root: ET.Element, file: str) -> dict[tuple[str, str], tuple[str, str, str]]:
    keys: dict[tuple[str, str], tuple[str, str, str]] = {}
    names: dict[tuple[str, str], str] = {}
    for key in root.iter():
        if local_name(key.tag) != "key":
            continue
        ident = key.get("id", "")
        domain = key.get("for", "all")
        name = key.get("attr.name", ident)
        default = child(key, "default")
        definition = (name, key.get("attr.type", "string"), "".join(default.itertext()).strip() if default is not None else "")
        hint = "Each <key> needs its own id and a name; export the file again"
        if not ident:
            raise xml_problem("GraphML", file, "a <key> has no id", hint)
        if not name:
            raise xml_problem("GraphML", file, f"<key id='{ident}'> has an empty attr.name", hint)
        if (domain, ident) in keys and keys[(domain, ident)] != definition:
            raise xml_problem("GraphML", file, f"<key id='{ident}'> is declared twice for '{domain}', differently", hint)
        if (domain, name) in names and names[(domain, name)] != ident and domain in ("node", "edge", "graph", "all"):
            other = next(d for (dm, k), d in keys.items() if dm == domain and k == names[(domain, name)])
            if other[1] != definition[1]:
                raise xml_problem("GraphML", file, f"two keys for '{domain}' are both called '{name}', with different types", hint)
        keys[(domain, ident)] = definition
        names.setdefault((domain, name), ident)
    return keys


def _graphml_data(element: ET.Element, domain: str, keys: dict) -> dict[str, str]:
    rec: dict[str, str] = {}
    for data in children(element, "data"):
        key = data.get("key", "")
        name = (keys.get((domain, key)) or keys.get(("all", key)) or (key, "", ""))[0]
        if len(data):  # yEd and yFiles put graphics inside <data>: keep only the label text
            texts = [
                "".join(e.itertext()).strip()
                for e in data.iter()
                if local_name(e.tag) in ("NodeLabel", "EdgeLabel", "Label.Text") and "".join(e.itertext()).strip()
            ]
            if texts and "label" not in rec:
                rec["label"] = texts[0]
            continue
        rec[name] = (data.text or "").strip()
    for (dm, _), (name, _, default) in keys.items():
        if dm in (domain, "all") and default and name not in rec and dm == domain:
            rec[name] = default
    desc = child(element, "desc")
    if desc is not None and (desc.text or "").strip() and "description" not in rec:
        rec["description"] = desc.text.strip()
    return rec


def _graphml_graph(path: Path) -> ImportedGraph:
    file = str(path)
    root = read_xml(path, "GraphML", "graphml")
    keys = _graphml_keys(root, file)
    graph = child(root, "graph")
    if graph is None:
        raise xml_problem("GraphML", file, "no <graph> element: the file holds no network", "Export the graph again")
    g = ImportedGraph(file, "GraphML")
    parent_of: dict[str, str] = {}
    edges: list[tuple[int, ET.Element, bool]] = []
    counter = {"node": 1, "edge": 1}

    def walk(container: ET.Element, parent: str) -> None:
        directed = container.get("edgedefault", "directed") == "directed"
        for element in container:
            name = local_name(element.tag)
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
                for sub in children(element, "graph"):
                    walk(sub, ident or parent)
            elif name == "edge":
                counter["edge"] += 1
                edges.append((counter["edge"], element, directed))
                for sub in children(element, "graph"):
                    walk(sub, parent)
            elif name == "hyperedge":
                counter["edge"] += 1
                ends = [e.get("node", "") for e in children(element, "endpoint")]
                g.leave(
                    "ties",
                    counter["edge"],
                    "a hyperedge joins several nodes at once; a tie links two actors",
                    {"nodes": " | ".join(ends)},
                    counted="edge",
                )

    walk(graph, "")

    records = []
    for row, edge, default_directed in edges:
        flag = (edge.get("directed") or "").strip().lower()
        rec: dict = {"source": edge.get("source") or "", "target": edge.get("target") or ""}
        rec["directed"] = default_directed if flag not in ("true", "false", "1", "0") else flag in ("true", "1")
        if edge.get("id") is not None:
            rec["edge_id"] = edge.get("id")
        for key, value in _graphml_data(edge, "edge", keys).items():
            keep_attribute(rec, key, value)
        records.append((row, rec))
    for row, rec in one_record_per_tie(records):
        if accept_edge(g, row, rec, parent_of):
            g.add_edge(rec, row=row)
    return g


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

    Parameters and result as :func:`ecograph.interop.gexf.read_gexf`.

    Examples
    --------
    >>> import tempfile, pathlib, ecograph as eg
    >>> read_graphml(write_graphml(eg.datasets.tiny(), pathlib.Path(tempfile.mkdtemp()) / "t.graphml")).ties["type"].tolist()[:2]
    ['support', 'membership']
    """
    return read_graph_file(_graphml_graph, path, default_source, default_kind, default_tie_type, kind_from, type_from, people_kinds)


def write_graphml(
    data: Any,
    path: str | os.PathLike,
    *,
    undirected_ties: UndirectedTies = "mark",
    analysis: Any = None,
    measures: bool | None = None,
) -> Path:
    """Write a GraphML file valid against the GraphML schema (Gephi, yEd, Cytoscape, igraph, networkx), with the measures if asked.

    ``data`` is an Ecosystem or an :class:`ecograph.Analysis` of one; with
    ``measures`` (the default for an Analysis; ``analysis`` gives the one of
    an ecosystem) every node also carries the columns of
    :func:`ecograph.interop.flat.measure_table`, each key with its type
    (``int``, ``double``, ``string``, ``boolean``).

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
    >>> G = nx.read_graphml(write_graphml(eg.Analysis(eg.datasets.tiny()), path, undirected_ties="both-ways"))
    >>> G.nodes["coop"]["community"], G.nodes["loner"]["no_known_tie"], round(G.nodes["network"]["betweenness"], 3)
    (1, True, 0.048)
    """
    check_undirected_ties(undirected_ties)
    path = Path(path)
    eco, _, table = export_parts(data, measures=measures, analysis=analysis)
    actors = (eco.actors if table is None else eco.actors.join(table)).reset_index()
    node_cols = attribute_columns(actors, skip=("id",))
    ties = eco.ties.rename(columns={"type": "tie_type"})
    edge_cols = attribute_columns(ties, skip=("source", "target"))
    edges = tie_records(eco, undirected_ties)
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
            text = value_text(rec[c], kind)
            if text is not None:
                ET.SubElement(node, f"{{{GRAPHML_NS}}}data", {"key": node_keys[c]}).text = text
    for ident, row, rec, directed in edges:
        attrs = {"id": ident, "source": xml_text(rec["source"]), "target": xml_text(rec["target"])}
        if directed != graph_directed:
            attrs["directed"] = "true" if directed else "false"
        edge = ET.SubElement(graph, f"{{{GRAPHML_NS}}}edge", attrs)
        rec = {**rec, "tie_type": rec["type"]}
        for c, kind in edge_cols:
            text = value_text(rec[c], kind)
            if text is not None:
                ET.SubElement(edge, f"{{{GRAPHML_NS}}}data", {"key": edge_keys[c]}).text = text
        ET.SubElement(edge, f"{{{GRAPHML_NS}}}data", {"key": "tie_row"}).text = str(row)
    return write_xml(root, path)
