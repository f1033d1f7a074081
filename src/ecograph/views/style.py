"""One grammar for visual variables, shared by every view, figure and export.

A visual variable (a node's colour, size or border; an edge's style) is
given the same way everywhere:

* an **attribute name** (``"sphere"``): the value of that node attribute;
* a **mapping or Series** keyed by actor id;
* a **set** of actor ids: members get the value ``True``, others ``False``;
* a **partition** (a :class:`~ecograph.Communities` result or a list of
  sets): each actor gets the number of its group;
* a **callable** ``f(actor_id, attributes) -> value``.

Categorical values are coloured with a palette (``node_color_palette``, a
mapping from value to colour); numbers are mapped linearly onto a range
(``node_size_range``). Values that are missing get the default
(``default_node_color``, ``default_node_size``).

The five spheres have fixed colours from the Okabe–Ito palette, which stays
distinguishable with the common colour-vision deficiencies, and they are the
same in every view, figure and export.

Examples
--------
>>> SPHERE_COLORS["finance"]
'#D55E00'
>>> import networkx as nx
>>> G = nx.Graph([("a", "b")]); G.nodes["a"]["sphere"] = "finance"; G.nodes["b"]["sphere"] = ""
>>> colors, legend = resolve_colors(G, "sphere")
>>> colors, legend
({'a': '#D55E00', 'b': '#999999'}, {'finance': '#D55E00', '': '#999999'})
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from ..sparse import SparseGraph

__all__ = [
    "SPHERE_COLORS",
    "NO_SPHERE_COLOR",
    "CATEGORICAL_PALETTE",
    "HIGHLIGHT_COLOR",
    "VisualSpec",
    "resolve_values",
    "resolve_colors",
    "resolve_sizes",
]

#: Fixed, colour-blind-safe colours of the spheres (Okabe & Ito 2008).
SPHERE_COLORS: dict[str, str] = {
    "consumption": "#E69F00",  # orange
    "production": "#009E73",  # bluish green
    "finance": "#D55E00",  # vermilion
    "innovation": "#0072B2",  # blue
    "support": "#CC79A7",  # reddish purple
}
#: Colour of actors without a sphere.
NO_SPHERE_COLOR = "#999999"
#: Colours for other categories, in order (Okabe–Ito, then Paul Tol's muted scheme).
CATEGORICAL_PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#D55E00",
    "#56B4E9",
    "#F0E442",
    "#332288",
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#DDCC77",
    "#CC6677",
    "#882255",
    "#AA4499",
)
#: Colour used to highlight (sets, selections).
HIGHLIGHT_COLOR = "#D55E00"

#: What a visual variable can be given as.
VisualSpec = str | Mapping | pd.Series | set | frozenset | Iterable | Callable | None


def _node_attrs(G: Any) -> tuple[list, Callable[[Any], dict]]:
    """Nodes of a networkx graph or SparseGraph, and a getter of their attributes."""

    if isinstance(G, SparseGraph):
        return list(G.nodes), G.node_attributes
    return list(G.nodes), lambda n: G.nodes[n]


def resolve_values(G: Any, spec: VisualSpec) -> dict:
    """The value of a visual variable for every node (``None`` where missing).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(3)
    >>> resolve_values(G, {0, 2})
    {0: True, 1: False, 2: True}
    >>> resolve_values(G, [{0}, {1, 2}])
    {0: 0, 1: 1, 2: 1}
    >>> resolve_values(G, lambda n, attrs: n * 10)
    {0: 0, 1: 10, 2: 20}
    """
    nodes, attrs = _node_attrs(G)
    if spec is None:
        return dict.fromkeys(nodes)
    membership = getattr(spec, "membership", None)
    if isinstance(membership, pd.Series):
        spec = membership
    if isinstance(spec, str):
        out = {}
        for n in nodes:
            v = attrs(n).get(spec)
            out[n] = None if v is None or (isinstance(v, float) and np.isnan(v)) else v
        return out
    if isinstance(spec, pd.Series):
        spec = spec.to_dict()
    if isinstance(spec, Mapping):
        return {n: spec.get(n) for n in nodes}
    if isinstance(spec, (set, frozenset)):
        return {n: n in spec for n in nodes}
    if callable(spec):
        return {n: spec(n, attrs(n)) for n in nodes}
    groups = list(spec)
    if groups and all(isinstance(g, (set, frozenset, list, tuple)) for g in groups):
        out = dict.fromkeys(nodes)
        for i, group in enumerate(groups):
            for n in group:
                if n in out:
                    out[n] = i
        return out
    raise TypeError(
        f"cannot use {type(spec).__name__} as a visual variable: give an attribute name, a mapping, a set, a partition or a function"
    )


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool) and np.isfinite(v)


def resolve_colors(
    G: Any,
    spec: VisualSpec,
    *,
    palette: Mapping | None = None,
    default: str = NO_SPHERE_COLOR,
) -> tuple[dict, dict]:
    """Colour of every node and the legend (value → colour), in legend order.

    Sphere codes always get their fixed colours; ``True`` gets the highlight
    colour; other categories take the palette in order of first appearance
    (sorted). Numeric values are binned onto a sequential blue scale.

    Examples
    --------
    >>> import networkx as nx
    >>> colors, legend = resolve_colors(nx.path_graph(3), {0, 1})
    >>> colors[0] == HIGHLIGHT_COLOR, legend[False]
    (True, '#999999')
    """
    values = resolve_values(G, spec)
    palette = dict(palette or {})
    present = [v for v in values.values() if v is not None]
    legend: dict = {}
    if (
        present
        and all(_is_number(v) for v in present)
        and not all(isinstance(v, (int, np.integer)) for v in present if not isinstance(v, bool))
    ):
        lo, hi = min(present), max(present)
        scale = ["#DEEBF7", "#9ECAE1", "#4292C6", "#08519C", "#08306B"]

        def shade(x: float) -> str:
            t = 0.0 if hi == lo else (x - lo) / (hi - lo)
            return scale[min(int(t * len(scale)), len(scale) - 1)]

        colors = {n: shade(v) if v is not None else default for n, v in values.items()}
        legend = {f"{lo:.3g}": scale[0], f"{hi:.3g}": scale[-1]}
        return colors, legend
    order = sorted(set(present), key=lambda v: (0, float(v), "") if _is_number(v) else (1, 0.0, str(v)))  # numbers in numeric order
    if isinstance(spec, str) and spec == "sphere":
        present_set = set(present)
        order = [s for s in SPHERE_COLORS if s in present_set] + [v for v in order if v not in SPHERE_COLORS]
    free = iter(c for c in CATEGORICAL_PALETTE if c not in palette.values())
    for v in order:
        if v in palette:
            legend[v] = palette[v]
        elif isinstance(v, str) and v in SPHERE_COLORS:
            legend[v] = SPHERE_COLORS[v]
        elif v is True:
            legend[v] = HIGHLIGHT_COLOR
        elif v is False or v == "":
            legend[v] = default
        else:
            legend[v] = next(free, default)
    colors = {n: legend.get(v, default) if v is not None else default for n, v in values.items()}
    if any(v is None for v in values.values()) and "" not in legend:
        legend[""] = default
    return colors, legend


def resolve_sizes(G: Any, spec: VisualSpec, *, size_range: tuple[float, float] = (8, 40), default: float = 12) -> tuple[dict, dict]:
    """Size of every node (numbers mapped linearly onto ``size_range``) and its legend.

    Examples
    --------
    >>> import networkx as nx
    >>> sizes, legend = resolve_sizes(nx.path_graph(3), {0: 0.0, 1: 0.5, 2: 1.0}, size_range=(10, 30))
    >>> sizes, legend
    ({0: 10.0, 1: 20.0, 2: 30.0}, {'min': 0.0, 'max': 1.0})
    """
    values = resolve_values(G, spec)
    nums = [float(v) for v in values.values() if _is_number(v) or isinstance(v, bool)]
    if spec is None or not nums:
        return dict.fromkeys(values, float(default)), {}
    lo, hi = min(nums), max(nums)
    a, b = size_range

    def scale(v: Any) -> float:
        if not (_is_number(v) or isinstance(v, bool)):
            return float(default)
        return float(a) if hi == lo else float(a + (float(v) - lo) / (hi - lo) * (b - a))

    return {n: scale(v) for n, v in values.items()}, {"min": lo, "max": hi}
