"""Gephi: GEXF and GraphML files, written and read with every attribute and its type.

The files hold the actors as nodes (every column of the actors table as an
attribute, numbers as numbers) and the **ties** as edges, one per row of the
ties table (``tie_type`` — GEXF reserves ``type`` —, ``start``, ``end``,
``weight``, ``evidence`` and the extra columns), so that a file read back gives the same tables. GEXF also
carries ecograph's colours, sizes (number of ties) and positions (the seeded
layout) in its ``viz`` namespace, so that Gephi opens it looking like the
interactive view.

What the formats cannot carry: the ``people`` and ``affiliations`` tables
(export the people links separately with ``eco.people_links()``), and the
descriptions of the dataset's own vocabulary terms (the tie types it adds come
back, with their direction, but described only as "found in the file"), and
extra columns left empty for every row (there is no value to carry).

Examples
--------
>>> import tempfile, pathlib, ecograph as eg
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> eco = eg.datasets.tiny()
>>> back = read_gexf(write_gexf(eco, folder / "tiny.gexf"))
>>> back.actors.equals(eco.actors), len(back.ties) == len(eco.ties)
(True, True)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np

from .errors import Problem, SchemaError
from .io import RawRow, RawTable, cell_text, python_value
from .schema import TABLES
from .vocabulary import default_vocabulary

__all__ = ["tables_to_graph", "write_gexf", "write_graphml", "read_gexf", "read_graphml", "graph_to_ecosystem"]


def _hex_rgb(color: str) -> dict:
    color = color.lstrip("#")
    return {"r": int(color[0:2], 16), "g": int(color[2:4], 16), "b": int(color[4:6], 16), "a": 1.0}


def tables_to_graph(eco: Any, *, viz: bool = False, seed: int = 0) -> nx.MultiDiGraph:
    """The actors and each tie as a networkx MultiDiGraph (edge key = row of the ties table).

    Examples
    --------
    >>> import ecograph as eg
    >>> G = tables_to_graph(eg.datasets.tiny())
    >>> G.number_of_nodes(), G.number_of_edges(), G["city"]["incubator"][3]["tie_type"]
    (8, 8, 'funding')
    """
    from .layout import layout
    from .style import resolve_colors

    G = nx.MultiDiGraph(name=str(eco.name))
    for ident, rec in zip(eco.actors.index, eco.actors.to_dict("records")):
        attrs = {k: python_value(v) for k, v in rec.items()}
        G.add_node(ident, **{k: v for k, v in attrs.items() if v is not None and v != ""})
    for i, rec in enumerate(eco.ties.to_dict("records")):
        attrs = {k: python_value(v) for k, v in rec.items() if k not in ("source", "target")}
        attrs = {k: v for k, v in attrs.items() if v is not None and v != ""}
        attrs["tie_type"] = attrs.pop("type")  # GEXF reserves an edge attribute called "type"
        attrs["tie_row"] = i  # keeps the order of the ties table through readers that reorder edges
        attrs["directed"] = bool(eco.vocabulary.is_directed(rec["type"]))
        G.add_edge(rec["source"], rec["target"], key=i, **attrs)
    if viz and G.number_of_nodes():
        simple = eco.graph(via_people=False, provenance=False)
        pos = layout(simple, seed=seed)
        colors, _ = resolve_colors(simple, "sphere")
        degree = dict(simple.degree())
        for n in G.nodes:
            G.nodes[n]["viz"] = {
                "color": _hex_rgb(colors[n]),
                "size": float(6 + 2 * np.sqrt(degree.get(n, 0))),
                "position": {"x": float(pos.at[n, "x"]), "y": float(-pos.at[n, "y"]), "z": 0.0},
            }
    return G


def write_gexf(eco: Any, path: str | os.PathLike, *, seed: int = 0) -> Path:
    """Write a GEXF 1.2 file for Gephi (with colours, sizes and positions).

    Examples
    --------
    >>> import tempfile, pathlib, ecograph as eg
    >>> write_gexf(eg.datasets.tiny(), pathlib.Path(tempfile.mkdtemp()) / "t.gexf").suffix
    '.gexf'
    """
    path = Path(path)
    nx.write_gexf(tables_to_graph(eco, viz=True, seed=seed), path, encoding="utf-8", prettyprint=True, version="1.2draft")
    return path


def write_graphml(eco: Any, path: str | os.PathLike) -> Path:
    """Write a GraphML file (readable by Gephi, yEd, igraph, networkx).

    Examples
    --------
    >>> import tempfile, pathlib, networkx as nx, ecograph as eg
    >>> path = write_graphml(eg.datasets.tiny(), pathlib.Path(tempfile.mkdtemp()) / "t.graphml")
    >>> nx.read_graphml(path).number_of_edges()
    8
    """
    path = Path(path)
    nx.write_graphml(tables_to_graph(eco), path, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return path


def graph_to_ecosystem(G: nx.Graph, *, file: str, name: str, default_source: str | None = None) -> Any:
    """Tables from a graph whose nodes are actors and edges ties, validated like a spreadsheet.

    Missing ``source``/``evidence`` are filled with ``default_source`` when
    given (say where the file came from), else reported.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b")])
    >>> nx.set_node_attributes(G, "initiative", "kind")
    >>> nx.set_edge_attributes(G, "partnership", "type")
    >>> graph_to_ecosystem(G, file="g", name="g", default_source="notes").ties["evidence"].tolist()
    ['notes']
    """
    from .ecosystem import from_raw_tables

    actor_cols = list(TABLES["actors"].column_names)
    rows = []
    for number, (node, data) in enumerate(G.nodes(data=True), start=1):
        cells = {"id": cell_text(node)}
        for key, value in data.items():
            if key in ("viz", "label") and key not in actor_cols:
                continue
            cells[str(key)] = cell_text(value)
            if str(key) not in actor_cols:
                actor_cols.append(str(key))
        if not cells.get("name"):
            cells["name"] = cell_text(data.get("label")) or cells["id"]
        if default_source and not cells.get("source"):
            cells["source"] = default_source
        rows.append(RawRow(number, cells))
    tie_cols = list(TABLES["ties"].column_names)
    ties = []
    edges = list(G.edges(keys=True, data=True)) if G.is_multigraph() else [(u, v, None, d) for u, v, d in G.edges(data=True)]
    rows_of = [str(d.get("tie_row", "")) for _, _, _, d in edges]
    if rows_of and all(r.isdigit() for r in rows_of):  # written by ecograph: back to the ties table's order
        edges = [e for _, e in sorted(zip((int(r) for r in rows_of), edges), key=lambda p: p[0])]
    for number, (u, v, _, data) in enumerate(edges, start=1):
        cells = {"source": cell_text(u), "target": cell_text(v)}
        for key, value in data.items():
            if key in ("directed", "id", "label", "tie_row") or (key == "type" and "tie_type" in data):
                continue
            key = "type" if key == "tie_type" else key
            cells[str(key)] = cell_text(value)
            if str(key) not in tie_cols:
                tie_cols.append(str(key))
        if default_source and not cells.get("evidence"):
            cells["evidence"] = default_source
        ties.append(RawRow(number, cells))
    # tie types the built-in vocabulary lacks come with the file: add them, with the direction the edges carry
    known = set(default_vocabulary().codes("type"))
    extra: dict[str, str] = {}
    for *_, data in G.edges(data=True):
        code = cell_text(data.get("tie_type", data.get("type", "")))
        if code and code not in known and extra.get(code) != "yes":
            extra[code] = "yes" if data.get("directed") in (True, "true", "True", 1) else "no"
    tables = {"actors": RawTable("actors", file, actor_cols, rows), "ties": RawTable("ties", file, tie_cols, ties)}
    return from_raw_tables(tables, name=name, path=file, found_tie_types=extra)


def _read(path: Path, reader: Any, label: str, default_source: str | None) -> Any:
    try:
        G = reader(path)
    except Exception as exc:  # the readers raise many kinds of errors on a damaged file
        raise SchemaError(
            [Problem(label, str(path), None, None, None, f"cannot read the {label} file ({exc})", "Export it again from Gephi")]
        ) from None
    return graph_to_ecosystem(G, file=str(path), name=path.stem, default_source=default_source)


def read_gexf(path: str | os.PathLike, *, default_source: str | None = None) -> Any:
    """Read a GEXF file (from ecograph or Gephi) as an Ecosystem.

    Examples
    --------
    >>> import tempfile, pathlib, ecograph as eg
    >>> read_gexf(write_gexf(eg.datasets.tiny(), pathlib.Path(tempfile.mkdtemp()) / "t.gexf"))
    <Ecosystem 't': 8 actors, 8 ties, 0 people, 0 affiliations>
    """
    return _read(Path(path), lambda p: nx.read_gexf(p, node_type=str), "GEXF", default_source)


def read_graphml(path: str | os.PathLike, *, default_source: str | None = None) -> Any:
    """Read a GraphML file (from ecograph, Gephi, yEd...) as an Ecosystem.

    Examples
    --------
    >>> import tempfile, pathlib, ecograph as eg
    >>> read_graphml(write_graphml(eg.datasets.tiny(), pathlib.Path(tempfile.mkdtemp()) / "t.graphml")).ties["type"].tolist()[:2]
    ['support', 'membership']
    """
    return _read(Path(path), lambda p: nx.read_graphml(p, node_type=str, force_multigraph=True), "GraphML", default_source)
