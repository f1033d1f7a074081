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
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ..measures.analysis import Analysis

__all__ = ["MEASURE_ATTRIBUTES", "to_networkx"]

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


def _add_measures(G: nx.Graph, a: Analysis) -> None:
    brokers = a.brokers
    standing = a.standing
    membership = a.communities.membership
    columns = {
        "degree": a.degree,
        "betweenness": brokers["betweenness"],
        "community": membership,
        "constraint": brokers["constraint"],
        "effective_size": brokers["effective_size"],
        "participation": brokers["participation"],
        "role": brokers["main_role"],
        **{name: standing[name] for name in ("no_known_tie", "outside_main", "to_reach", "connector", "cut_point")},
    }
    for name, series in columns.items():
        values = series.to_dict()
        for node, attrs in G.nodes(data=True):
            value = values.get(node)
            if value is not None and not (isinstance(value, float) and math.isnan(value)):
                attrs[name] = value.item() if isinstance(value, np.generic) else value
