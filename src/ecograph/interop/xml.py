"""What the XML graph formats (GEXF, GraphML) share: safe parsing, the edges of a file, the columns written.

* reading XML from untrusted files (:func:`parse_xml`, :func:`read_xml`: no
  DTD, no entities, bounded size) and walking it whatever the namespace
  (:func:`local_name`, :func:`children`, :func:`child`);
* the edges of a file: attributes that clash with the fields a reader sets
  (:func:`keep_attribute`), an ecograph file's ties written twice, both ways,
  folded back into one undirected tie each (:func:`one_record_per_tie`), and
  the edges that cannot be ties (:func:`accept_edge`: no end, an undeclared
  node, a hierarchy edge to a group that holds the node);
* writing: the columns and their types (:func:`attribute_columns`,
  :func:`value_text`), the edges of the ties, undirected ones both ways when
  asked (:func:`tie_records`), and the file (:func:`write_xml`).

:mod:`ecograph.interop.gexf` and :mod:`ecograph.interop.graphml` build on it;
:mod:`ecograph.interop.netcanvas` reads its GraphML with :func:`parse_xml`.

Examples
--------
>>> root = parse_xml(b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph/></graphml>',
...                  file="g.graphml", label="GraphML", root_name="graphml")
>>> local_name(root.tag), child(root, "graph") is not None
('graphml', True)
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from ..errors import Problem, SchemaError
from ..io import python_value
from ..schema import MAX_FILE_BYTES
from .exchange import DIRECTED_ATTRIBUTE, ImportedGraph, xml_text

__all__ = [
    "UndirectedTies",
    "accept_edge",
    "attribute_columns",
    "check_undirected_ties",
    "child",
    "children",
    "group_ancestors",
    "keep_attribute",
    "local_name",
    "one_record_per_tie",
    "parse_xml",
    "read_xml",
    "tie_records",
    "value_text",
    "write_xml",
    "xml_problem",
]

#: How ties of an undirected type are written in a file of directed edges: marked undirected, or as two opposite edges.
UndirectedTies = Literal["mark", "both-ways"]


def local_name(tag: Any) -> str:
    """An element's tag without its namespace ("" for a comment or processing instruction).

    Examples
    --------
    >>> local_name("{http://www.gexf.net/1.2draft}node"), local_name("node")
    ('node', 'node')
    """
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(element: ET.Element, name: str) -> Iterator[ET.Element]:
    """The children of ``element`` whose local name is ``name``, whatever their namespace.

    Examples
    --------
    >>> root = ET.fromstring('<g xmlns="urn:x"><node id="a"/><edge/><node id="b"/></g>')
    >>> [n.get("id") for n in children(root, "node")], child(root, "edge") is not None, child(root, "key")
    (['a', 'b'], True, None)
    """
    return (c for c in element if local_name(c.tag) == name)


def child(element: ET.Element, name: str) -> ET.Element | None:
    """The first child of ``element`` whose local name is ``name``, or None (see :func:`children`).

    >>> child(ET.fromstring("<g><graph/></g>"), "graph").tag
    'graph'
    """
    return next(children(element, name), None)


def xml_problem(label: str, file: str, message: str, hint: str) -> SchemaError:
    """The error that refuses a whole file: one problem of table ``label`` (the format's name).

    Examples
    --------
    >>> xml_problem("GEXF", "g.gexf", "no <graph> element", "Export it again").problems[0].message
    'no <graph> element'
    """
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
        raise xml_problem(label, file, f"the file declares {what}, which a {label} file never needs", hint)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise xml_problem(label, file, f"not a well-formed XML file ({exc})", hint) from None
    if local_name(root.tag) != root_name:
        raise xml_problem(label, file, f"not a {label} file: the root element is <{local_name(root.tag)}>, not <{root_name}>", hint)
    return root


def read_xml(path: Path, label: str, root_name: str) -> ET.Element:
    """The root of an XML file read from disk: within :data:`ecograph.schema.MAX_FILE_BYTES`, then :func:`parse_xml`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> _ = path.write_text("<graphml><graph/></graphml>", encoding="utf-8")
    >>> read_xml(path, "GraphML", "graphml").tag
    'graphml'
    """
    file = str(path)
    hint = f"Export the file again from the tool that made it, as {label}"
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise xml_problem(label, file, f"the file is larger than {MAX_FILE_BYTES // 2**20} MiB, the largest ecograph reads", hint)
        data = path.read_bytes()
    except OSError as exc:
        raise xml_problem(label, file, f"cannot read the file ({exc.strerror or exc})", "Check the path") from None
    return parse_xml(data, file=file, label=label, root_name=root_name)


def keep_attribute(rec: dict, key: str, value: str) -> None:
    """Put an edge attribute in its record; one named like a field the reader sets (``directed``, ``source``...) is kept too.

    An attribute ``directed`` is kept as :data:`~ecograph.interop.exchange.DIRECTED_ATTRIBUTE`
    (it becomes the ties' ``directed`` column); any other clash as ``KEY (attribute)``.

    Examples
    --------
    >>> rec = {"source": "a", "target": "b", "directed": True}
    >>> keep_attribute(rec, "directed", "no"); keep_attribute(rec, "source", "x"); keep_attribute(rec, "w", "1")
    >>> rec
    {'source': 'a', 'target': 'b', 'directed': True, 'tie_directed': 'no', 'source (attribute)': 'x', 'w': '1'}
    """
    if key == "directed":
        key = DIRECTED_ATTRIBUTE
    rec[key if key not in rec else f"{key} (attribute)"] = value


def one_record_per_tie(records: list[tuple[int, dict]]) -> list[tuple[int, dict]]:
    """Edges of a file ecograph wrote (each has a ``tie_row``) back to one record per tie, in the ties' order.

    A tie written both ways (two opposite edges with the same ``tie_row``) is
    one undirected tie. Files from other tools are left as they are.

    Examples
    --------
    >>> edges = [(2, {"source": "a", "target": "b", "directed": True, "tie_row": "0", "edge_id": "t0a"}),
    ...          (3, {"source": "b", "target": "a", "directed": True, "tie_row": "0", "edge_id": "t0b"})]
    >>> one_record_per_tie(edges)
    [(2, {'source': 'a', 'target': 'b', 'directed': False})]
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


def group_ancestors(parent_of: dict[str, str], node: str) -> set[str]:
    """The groups that hold ``node``, directly or not, from each node's group (``parent_of``; "" for none).

    Examples
    --------
    >>> sorted(group_ancestors({"a": "g", "g": "top", "top": ""}, "a"))
    ['g', 'top']
    """
    seen: set[str] = set()
    while parent_of.get(node) and parent_of[node] not in seen:
        node = parent_of[node]
        seen.add(node)
    return seen


def accept_edge(g: ImportedGraph, row: int, rec: dict, declared: dict[str, str]) -> bool:
    """Whether an edge record can become a tie; when not, it is left in ``g``'s leftovers with the reason.

    An edge needs a source and a target among the declared nodes (``declared``
    maps each node to its group, see :func:`group_ancestors`), and is no
    hierarchy edge (from a node to a group that holds it).

    Examples
    --------
    >>> g = ImportedGraph("f.gexf", "GEXF")
    >>> accept_edge(g, 2, {"source": "a", "target": "b"}, {"a": "", "b": ""}), accept_edge(g, 3, {"source": "a", "target": "z"}, {"a": ""})
    (True, False)
    >>> g.leftovers[0]["reasons"]
    'the edge refers to a node the file does not declare: z'
    """
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
    if source != target and (source in group_ancestors(declared, target) or target in group_ancestors(declared, source)):
        inner, outer = (target, source) if source in group_ancestors(declared, target) else (source, target)
        g.leave("ties", row, f"hierarchy edge: node '{inner}' is inside group '{outer}'", cells, counted="edge")
        return False
    return True


def _kind_of(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "int"
    if pd.api.types.is_float_dtype(series):
        return "double"
    return "string"


def attribute_columns(frame: pd.DataFrame, skip: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(column, type) of the columns with at least one value; types ``boolean``, ``int``, ``double``, ``string``.

    Examples
    --------
    >>> import pandas as pd
    >>> attribute_columns(pd.DataFrame({"id": ["a"], "n": [1], "x": [0.5], "empty": [""]}), skip=("id",))
    [('n', 'int'), ('x', 'double')]
    """
    out = []
    for col in frame.columns:
        if col in skip:
            continue
        values = frame[col].astype(object)
        if (values.notna() & (values != "")).any():
            out.append((str(col), _kind_of(frame[col])))
    return out


def value_text(value: Any, kind: str) -> str | None:
    """A value as the text of an XML attribute of type ``kind`` (see :func:`attribute_columns`), None when missing.

    Examples
    --------
    >>> value_text(True, "boolean"), value_text(3.0, "int"), value_text(0.5, "double"), value_text("a\\x0bb", "string"), value_text(None, "int")
    ('true', '3', '0.5', 'a\\ufffdb', None)
    """
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


def tie_records(eco: Any, undirected_ties: UndirectedTies) -> list[tuple[str, int, dict, bool]]:
    """(edge id, tie row, record, directed) for each edge to write; undirected ties twice when both-ways.

    Examples
    --------
    >>> import ecograph as eg
    >>> [(e, row, d) for e, row, _, d in tie_records(eg.datasets.tiny(), "mark")][4:6]
    [('t4', 4, True), ('t5', 5, False)]
    >>> [(e, row, d) for e, row, _, d in tie_records(eg.datasets.tiny(), "both-ways")][4:7]
    [('t4', 4, True), ('t5a', 5, True), ('t5b', 5, True)]
    """
    out = []
    for i, rec in enumerate(eco.ties.to_dict("records")):
        directed = bool(eco.vocabulary.is_directed(rec["type"]))
        if undirected_ties == "both-ways" and not directed:
            out.append((f"t{i}a", i, rec, True))
            out.append((f"t{i}b", i, {**rec, "source": rec["target"], "target": rec["source"]}, True))
        else:
            out.append((f"t{i}", i, rec, directed))
    return out


def check_undirected_ties(undirected_ties: str) -> None:
    """Refuse an ``undirected_ties`` option other than ``"mark"`` or ``"both-ways"`` (ValueError).

    >>> check_undirected_ties("mark")
    """
    if undirected_ties not in ("mark", "both-ways"):
        raise ValueError("undirected_ties must be 'mark' or 'both-ways'")


def write_xml(root: ET.Element, path: Path) -> Path:
    """Write an XML tree, indented, as UTF-8 with its declaration; return the path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = write_xml(ET.fromstring("<g><n/></g>"), pathlib.Path(tempfile.mkdtemp()) / "g.xml")
    >>> path.read_text(encoding="utf-8").splitlines()
    ["<?xml version='1.0' encoding='utf-8'?>", '<g>', '  <n />', '</g>']
    """
    ET.indent(root, space="  ")
    path.write_bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n")
    return path
