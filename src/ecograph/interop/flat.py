"""Out to networkx and Gephi with the measures: a graph whose attributes are all plain values.

ecograph's actor network carries lists, dicts and ``None`` on its edges
(the tie types, the people links with who and when) and graph-level
mappings, which ``networkx.write_gexf`` and ``networkx.write_graphml``
refuse. :func:`to_networkx` returns a copy where every attribute is a
string, an integer, a float or a boolean, and adds the measures of the
:class:`~ecograph.Analysis` as node attributes, so that a Gephi user colours
by community and sizes by betweenness at once:

``degree``, ``betweenness``, ``community``, ``constraint``,
``effective_size``, ``participation``, ``role`` (Gould & Fernandez main
role, empty when unknown), ``no_known_tie``, ``outside_main``, ``to_reach``
(on the worklist), ``connector``, ``cut_point``.

Lists become text joined by ``"; "``, mappings JSON text; a missing value
(None, NaN) is left out of the element (GEXF and GraphML have no null).

The same measures, from the same table (:func:`measure_table`, read once
from the Analysis), go into ecograph's own files when asked:
:func:`ecograph.write_gexf` and :func:`ecograph.write_graphml` given an
Analysis (or ``measures=True``), the Kumu writers, and ``ecograph export
--with-measures`` (:func:`export_parts` says what a writer writes).

Examples
--------
>>> import io, networkx as nx, ecograph as eg
>>> G = to_networkx(eg.Analysis(eg.datasets.tiny()))
>>> sorted(k for k in G.nodes["coop"] if k in ("betweenness", "community", "to_reach"))
['betweenness', 'community', 'to_reach']
>>> buffer = io.BytesIO(); nx.write_gexf(G, buffer); nx.write_graphml(G, io.BytesIO())
>>> back = nx.read_gexf(io.BytesIO(buffer.getvalue()))
>>> round(back.nodes["coop"]["betweenness"], 4) == round(G.nodes["coop"]["betweenness"], 4)
True
"""

from __future__ import annotations

import json
import math
from typing import Any, NamedTuple

import networkx as nx
import numpy as np
import pandas as pd

from ..ecosystem import Ecosystem
from ..errors import GraphError
from ..measures.analysis import Analysis

__all__ = ["MEASURE_ATTRIBUTES", "ExportParts", "export_parts", "measure_table", "to_networkx"]

#: The node attributes :func:`to_networkx` adds from the Analysis.
MEASURE_ATTRIBUTES = (
    "degree",
    "betweenness",
    "community",
    "constraint",
    "effective_size",
    "participation",
    "role",
    "no_known_tie",
    "outside_main",
    "to_reach",
    "connector",
    "cut_point",
)


def _plain(value: Any) -> Any:
    """A value GEXF and GraphML can hold (str, int, float, bool), or None to leave the attribute out."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(float(value)) else float(value)
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [str(x) for x in value if x is not None]
        return "; ".join(sorted(items) if isinstance(value, (set, frozenset)) else items)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def _flat(data: dict) -> dict:
    out = {}
    for key, value in data.items():
        plain = _plain(value)
        if plain is not None:
            out[str(key)] = plain
    return out


def to_networkx(data: Any, *, flat: bool = True, measures: bool = True) -> nx.Graph:
    """The actor network as a networkx graph, with the Analysis's measures as node attributes.

    Parameters
    ----------
    data : Analysis, Ecosystem, networkx.Graph or SparseGraph
        What to analyse (:meth:`ecograph.Analysis.of`: an Analysis is used as is).
    flat : bool, default True
        Plain attribute values only (see the module notes), so that
        ``nx.write_gexf`` and ``nx.write_graphml`` accept the graph.
    measures : bool, default True
        Add :data:`MEASURE_ATTRIBUTES` to every node.

    Returns
    -------
    networkx.Graph
        A copy: the Analysis's own graph is left as it is.

    Examples
    --------
    >>> import ecograph as eg
    >>> a = eg.Analysis(eg.datasets.dijon())
    >>> G = to_networkx(a)
    >>> G.nodes["jea"]["betweenness"] > 0, G.nodes["jea"]["connector"], G.nodes["metropole-dijon"]["connector"]
    (True, False, True)
    """
    a = Analysis.of(data)
    G = a.graph.copy()
    if measures:
        _add_measures(G, a)
    if not flat:
        return G
    out = nx.Graph()
    out.graph.update(_flat(G.graph))
    out.add_nodes_from((n, _flat(d)) for n, d in G.nodes(data=True))
    out.add_edges_from((u, v, _flat(d)) for u, v, d in G.edges(data=True))
    return out


def measure_table(data: Any) -> pd.DataFrame:
    """The measures every export carries, one row per actor of the network: the one source of :data:`MEASURE_ATTRIBUTES`.

    :func:`to_networkx`, :func:`ecograph.interop.gexf.write_gexf`,
    :func:`ecograph.interop.graphml.write_graphml` and the Kumu writers all
    read this table, whose values come from the Analysis (each measure
    computed once, on first use).

    Parameters
    ----------
    data : Analysis, Ecosystem, networkx.Graph or SparseGraph
        What to analyse (:meth:`ecograph.Analysis.of`).

    Returns
    -------
    DataFrame
        Indexed by actor id, the columns of :data:`MEASURE_ATTRIBUTES`, typed
        for the files: ``degree`` and ``community`` integers, the four
        structural measures floats (NaN where undefined), ``role`` text
        (Gould & Fernandez main role, missing when the actor's group is
        unknown, empty when it has none) and the standing flags booleans.
        Nullable dtypes, so that a reindexed table keeps its types.

    Examples
    --------
    >>> import ecograph as eg
    >>> t = measure_table(eg.Analysis(eg.datasets.tiny()))
    >>> int(t.at["coop", "degree"]), int(t.at["coop", "community"]), bool(t.at["coop", "to_reach"])
    (2, 1, False)
    >>> [str(t[c].dtype) for c in ("degree", "betweenness", "community", "role", "connector")]
    ['Int64', 'float64', 'Int64', 'object', 'boolean']
    """
    a = Analysis.of(data)
    nodes = a.sparse.nodes
    brokers = a.brokers.reindex(nodes)
    standing = a.standing.reindex(nodes)
    frame = pd.DataFrame(
        {
            "degree": a.degree.reindex(nodes).astype("Int64"),
            "betweenness": brokers["betweenness"].astype(float),
            "community": a.communities.membership.reindex(nodes).astype("Int64"),
            "constraint": brokers["constraint"].astype(float),
            "effective_size": brokers["effective_size"].astype(float),
            "participation": brokers["participation"].astype(float),
            "role": brokers["main_role"].astype(object),
            **{name: standing[name].astype("boolean") for name in MEASURE_ATTRIBUTES[-5:]},
        },
        index=nodes.copy(),
    )
    frame.index.name = "actor"
    return frame[list(MEASURE_ATTRIBUTES)]


def _add_measures(G: nx.Graph, a: Analysis) -> None:
    rows = measure_table(a).astype(object).to_dict("index")
    for node, attrs in G.nodes(data=True):
        for name, value in rows.get(node, {}).items():
            plain = _plain(value)
            if plain is not None:
                attrs[name] = plain


class ExportParts(NamedTuple):
    """What a file writer writes: the ecosystem's tables, its Analysis (when one is known) and the measures to add (or None)."""

    eco: Ecosystem
    analysis: Analysis | None
    measures: pd.DataFrame | None


def export_parts(data: Any, *, measures: bool | None = None, analysis: Analysis | None = None) -> ExportParts:
    """Split what a writer is given (an Ecosystem or an Analysis of one) into tables, Analysis and measures.

    Parameters
    ----------
    data : Ecosystem or Analysis
        An Analysis must be built from an ecosystem: the files carry its
        tables (for an Analysis of a bare graph, write
        ``eg.to_networkx(a)`` with networkx's writers).
    measures : bool, optional
        Add :func:`measure_table`'s columns to the actors; by default, when
        ``data`` is an Analysis.
    analysis : Analysis, optional
        The Analysis of an ecosystem given as ``data`` (made when measures
        are asked for and none is given).

    Returns
    -------
    ExportParts
        ``measures`` is indexed by the actors' ids (every actor of the
        tables, missing values for those outside the network); a measure
        whose name an actor column already holds is renamed ``measure_<name>``.

    Examples
    --------
    >>> import ecograph as eg
    >>> parts = export_parts(eg.Analysis(eg.datasets.tiny()))
    >>> parts.eco.name, int(parts.measures.loc["loner", "degree"]), bool(parts.measures.loc["loner", "no_known_tie"])
    ('tiny', 0, True)
    >>> export_parts(eg.datasets.tiny()).measures is None
    True
    """
    if isinstance(data, Analysis):
        if data.eco is None:
            raise GraphError("this Analysis was built from a graph, not an ecosystem: write nx.write_gexf(eg.to_networkx(a), path) instead")
        eco, analysis = data.eco, data
    elif isinstance(data, Ecosystem):
        eco = data
    else:
        raise GraphError(f"expected an Ecosystem or an Analysis of one, got {type(data).__name__}")
    if not (isinstance(data, Analysis) if measures is None else measures):
        return ExportParts(eco, analysis, None)
    analysis = Analysis.of(analysis if analysis is not None else eco)
    table = measure_table(analysis).reindex(eco.actors.index)
    taken = {str(c) for c in eco.actors.columns} | {"id", "label"}
    table = table.rename(columns={c: f"measure_{c}" for c in table.columns if c in taken})
    table.index.name = eco.actors.index.name
    return ExportParts(eco, analysis, table)
