"""Static figures for slides and print: the same colours and positions as the views.

Each function returns a matplotlib :class:`~matplotlib.figure.Figure` (shown
inline in Jupyter; the command line draws with the Agg backend);
:func:`save_figure` writes it as PNG and SVG with fixed metadata, so the
same input gives byte-identical files. Labels are in English or French.

Text from the data is shown as it is written: matplotlib's mathtext and TeX
are off for every text of a figure (a name like ``Le $$ club`` stays that),
and actors that share a name are told apart by their id, ``name (id)``.

Examples
--------
>>> import ecograph as eg
>>> from ecograph.views.figures import figure_network
>>> fig = figure_network(eg.datasets.tiny().graph(), lang="fr")
>>> fig.axes[0].get_title()
'tiny'
"""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.text import Text

from ..io import clean_text
from ..vocabulary import SPHERE_LABELS
from .layout import layout as compute_layout
from .style import NO_SPHERE_COLOR, SPHERE_COLORS, resolve_colors, resolve_sizes

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from ..ecosystem import Ecosystem

__all__ = [
    "figure_network",
    "figure_block_density",
    "figure_creations",
    "figure_brokers",
    "figure_flows",
    "save_figure",
]

_T = {
    "en": {
        "density": "Density of ties within and between spheres",
        "creations": "Creations per year by sphere",
        "year": "year founded",
        "count": "actors",
        "brokers": "Top brokers (normalised betweenness)",
        "betweenness": "betweenness",
        "flows": "Moves of people between spheres",
        "from": "from",
        "to": "to",
        "synthetic": "synthetic data",
    },
    "fr": {
        "density": "Densité des liens dans et entre les sphères",
        "creations": "Créations par année et par sphère",
        "year": "année de création",
        "count": "acteurs",
        "brokers": "Principaux intermédiaires (intermédiarité normalisée)",
        "betweenness": "intermédiarité",
        "flows": "Passages de personnes entre sphères",
        "from": "depuis",
        "to": "vers",
        "synthetic": "données synthétiques",
    },
}


_LITERAL_TEXT = {"text.parse_math": False, "text.usetex": False}


#: Above this many actors, the network figure draws its dots and lines as an image inside the SVG (the labels stay text).
RASTER_ABOVE = 2_000


def _literal_text(draw: Callable[..., Figure]) -> Callable[..., Figure]:
    """Draw with mathtext and TeX off, then make sure every text of the figure shows its characters as they are.

    Characters no XML file may hold are replaced too (:func:`ecograph.io.clean_text`).
    """

    @functools.wraps(draw)
    def wrapper(*args: Any, **kwargs: Any) -> Figure:
        # Only these settings are restored: plt.rc_context would also restore "interactive" as it was before pyplot
        # chose its backend inside the call, and Jupyter's inline backend would show no later figure.
        before = {key: plt.rcParams[key] for key in _LITERAL_TEXT}
        plt.rcParams.update(_LITERAL_TEXT)
        try:
            fig = draw(*args, **kwargs)
        finally:
            plt.rcParams.update(before)
        for text in fig.findobj(Text):
            text.set_parse_math(False)
            text.set_usetex(False)
            text.set_text(clean_text(str(text.get_text())))  # the SVG file repeats each text: it must be valid XML
        return fig

    return wrapper


def _distinct(names: list[str], ids: list[Any], *, width: int = 40) -> list[str]:
    """Names cut to ``width`` characters; those that are then the same get their id: ``name (id)``.

    >>> _distinct(["Le Bar", "Le Bar", "Café"], ["bar-1", "bar-2", "cafe"])
    ['Le Bar (bar-1)', 'Le Bar (bar-2)', 'Café']
    """
    cut = [clean_text(name) if len(name) <= width else clean_text(name[: width - 2]) + "…" for name in names]
    seen = Counter(cut)
    return [f"{name} ({ident})" if seen[name] > 1 else name for name, ident in zip(cut, ids)]


def _label(value: Any, lang: str) -> str:
    """Words for a group; tick labels are drawn from these, so they must already be fit for XML."""
    return clean_text(SPHERE_LABELS[lang].get(value, str(value)) if isinstance(value, str) else str(value))


def _mark_synthetic(fig: Figure, synthetic: bool, lang: str) -> None:
    if synthetic:
        fig.text(0.99, 0.01, _T[lang]["synthetic"].upper(), ha="right", va="bottom", color="#b00", fontsize=8, weight="bold")


@_literal_text
def figure_network(
    G: Any,
    *,
    layout: pd.DataFrame | None = None,
    color: Any = "sphere",
    size: Any = None,
    label_top: int = 12,
    lang: str = "en",
    title: str | None = None,
    seed: int = 0,
) -> Figure:
    """The network map: positions from :func:`ecograph.views.layout.layout`, sphere colours, top actors named.

    Parameters
    ----------
    G : networkx.Graph
    layout : DataFrame, optional
        Reuse a view's ``positions`` so the slide matches the interactive map.
    color, size
        As in :func:`ecograph.view`.
    label_top : int, default 12
        Name the actors with the most ties.

    Examples
    --------
    >>> import ecograph as eg
    >>> fig = figure_network(eg.datasets.tiny().graph())
    >>> len(fig.axes) >= 1
    True
    """
    pos = layout if layout is not None else compute_layout(G, seed=seed)
    nodes = list(G.nodes)
    colors, legend = resolve_colors(G, color)
    sizes, _ = resolve_sizes(G, size if size is not None else dict(G.degree()), size_range=(12, 220), default=20)
    fig, ax = plt.subplots(figsize=(10, 7.5), dpi=110)
    xy = pos.loc[nodes, ["x", "y"]].to_numpy(dtype=float, copy=True)
    xy[:, 1] = -xy[:, 1]  # screen y grows downwards, plots upwards
    index = {n: i for i, n in enumerate(nodes)}
    segments = [(xy[index[u]], xy[index[v]]) for u, v in G.edges()]
    large = len(nodes) > RASTER_ABOVE  # thousands of dots and lines: drawn as an image inside the SVG, the text stays vector
    if segments:
        ax.add_collection(LineCollection(segments, colors="#9a9a9a", linewidths=0.6, alpha=0.6, zorder=1, rasterized=large))
    ax.scatter(
        xy[:, 0],
        xy[:, 1],
        s=[sizes[n] for n in nodes],
        c=[colors[n] for n in nodes],
        edgecolors="#333333",
        linewidths=0.4,
        zorder=2,
        rasterized=large,
    )
    top = sorted(nodes, key=lambda n: (-G.degree(n), str(n)))[:label_top]
    for n, name in zip(top, _distinct([str(G.nodes[n].get("name") or n) for n in top], top, width=32)):
        ax.annotate(
            name,
            xy[index[n]],
            fontsize=7,
            ha="center",
            va="bottom",
            xytext=(0, 5),
            textcoords="offset points",
            zorder=3,
        )
    handles = [
        plt.Line2D(
            [],
            [],
            marker="o",
            ls="",
            color=c,
            markeredgecolor="#333",
            label=_label(v, lang) if isinstance(color, str) and color == "sphere" else str(v),
        )
        for v, c in legend.items()
    ]
    if handles:
        ax.legend(handles=handles, loc="upper left", fontsize=8, frameon=False)
    ax.set_title(title if title is not None else str(G.graph.get("name") or ""), fontsize=12)
    ax.set_axis_off()
    ax.autoscale()
    ax.set_aspect("equal")
    _mark_synthetic(fig, bool(G.graph.get("synthetic")), lang)
    fig.tight_layout()
    return fig


@_literal_text
def figure_block_density(block: pd.DataFrame, *, lang: str = "en", title: str | None = None) -> Figure:
    """Heatmap of a :func:`ecograph.block_density` table, values written in the cells.

    Examples
    --------
    >>> import ecograph as eg
    >>> fig = figure_block_density(eg.block_density(eg.datasets.tiny().graph()))
    >>> len(fig.axes) >= 1
    True
    """
    labels = [_label(g, lang) for g in block.index]
    fig, ax = plt.subplots(figsize=(6.5, 5.5), dpi=110)
    values = block.to_numpy(dtype=float)
    top = float(np.nanmax(values)) if np.isfinite(values).any() else 0.0
    vmax = top if top > 0 else 1.0  # no tie at all: a scale from 0 to 1, every cell at 0
    im = ax.imshow(np.nan_to_num(values, nan=0.0), cmap="Blues", vmin=0, vmax=vmax)
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            text = "–" if np.isnan(values[i, j]) else f"{values[i, j]:.3f}"
            ax.text(
                j,
                i,
                text,
                ha="center",
                va="center",
                fontsize=8,
                color="#fff" if np.isfinite(values[i, j]) and values[i, j] > vmax * 0.6 else "#000",
            )
    ax.set_xticks(range(len(labels)), labels, rotation=30, ha="right", fontsize=8)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    ax.set_title(title or _T[lang]["density"], fontsize=11)
    fig.colorbar(im, ax=ax, shrink=0.8)
    fig.tight_layout()
    return fig


@_literal_text
def figure_creations(eco: Ecosystem, *, lang: str = "en", title: str | None = None, years: Iterable[int] | None = None) -> Figure:
    """Stacked bars of actors created each year, by sphere (the chart the study shows).

    Examples
    --------
    >>> import ecograph as eg
    >>> fig = figure_creations(eg.datasets.tiny())
    >>> len(fig.axes) >= 1
    True
    """
    a = eco.actors[eco.actors["founded"].notna()]
    table = pd.crosstab(a["founded"].astype(int), a["sphere"].fillna(""))
    if years is not None:
        table = table.reindex(list(years), fill_value=0)
    order = [s for s in SPHERE_COLORS if s in table.columns] + [c for c in table.columns if c not in SPHERE_COLORS]
    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=110)
    bottom = np.zeros(len(table))
    for sphere in order:
        vals = table[sphere].to_numpy()
        ax.bar(table.index.astype(str), vals, bottom=bottom, color=SPHERE_COLORS.get(sphere, NO_SPHERE_COLOR), label=_label(sphere, lang))
        bottom += vals
    ax.set_xlabel(_T[lang]["year"])
    ax.set_ylabel(_T[lang]["count"])
    ax.set_title(title or _T[lang]["creations"], fontsize=11)
    ax.tick_params(axis="x", labelrotation=60, labelsize=8)
    if len(table) > 20:
        for i, tick in enumerate(ax.get_xticklabels()):
            tick.set_visible(i % max(1, len(table) // 15) == 0)
    if order:
        ax.legend(fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    _mark_synthetic(fig, eco.synthetic, lang)
    fig.tight_layout()
    return fig


@_literal_text
def figure_brokers(
    brokers: pd.DataFrame, *, names: pd.Series | dict | None = None, top: int = 10, lang: str = "en", title: str | None = None
) -> Figure:
    """Horizontal bars of the top brokers' betweenness, coloured by their group.

    Examples
    --------
    >>> import ecograph as eg
    >>> fig = figure_brokers(eg.brokers(eg.datasets.tiny().graph()))
    >>> len(fig.axes) >= 1
    True
    """
    head = brokers.head(top).iloc[::-1]
    labels = [str((names or {}).get(i, i)) if not isinstance(names, pd.Series) else str(names.get(i, i)) for i in head.index]
    labels = _distinct(labels, list(head.index))  # one bar per actor, even when two share a name
    colors = [
        SPHERE_COLORS.get(g, NO_SPHERE_COLOR) if isinstance(g, str) else NO_SPHERE_COLOR
        for g in head.get("group", pd.Series("", index=head.index))
    ]
    fig, ax = plt.subplots(figsize=(7.5, 0.35 * len(head) + 1.2), dpi=110)
    positions = np.arange(len(head))
    ax.barh(positions, head["betweenness"].to_numpy(dtype=float), color=colors)
    ax.set_yticks(positions, labels)
    ax.set_xlabel(_T[lang]["betweenness"])
    ax.set_title(title or _T[lang]["brokers"], fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


@_literal_text
def figure_flows(flows: pd.DataFrame, *, lang: str = "en", title: str | None = None) -> Figure:
    """Heatmap of moves between spheres (a :func:`ecograph.flow_table`).

    Examples
    --------
    >>> import ecograph as eg
    >>> fig = figure_flows(eg.flow_table(eg.datasets.tiny()))
    >>> len(fig.axes) >= 1
    True
    """
    fig, ax = plt.subplots(figsize=(6, 5), dpi=110)
    values = flows.to_numpy(dtype=float)
    ax.imshow(values, cmap="Oranges", vmin=0, vmax=max(values.max() if values.size else 0, 1))
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            ax.text(j, i, f"{int(values[i, j])}", ha="center", va="center", fontsize=8)
    ax.set_xticks(range(flows.shape[1]), [_label(c, lang) for c in flows.columns], rotation=30, ha="right", fontsize=8)
    ax.set_yticks(range(flows.shape[0]), [_label(c, lang) for c in flows.index], fontsize=8)
    ax.set_xlabel(_T[lang]["to"])
    ax.set_ylabel(_T[lang]["from"])
    ax.set_title(title or _T[lang]["flows"], fontsize=11)
    fig.tight_layout()
    return fig


def save_figure(fig: Figure, path: str | os.PathLike, *, formats: Iterable[str] = ("png", "svg")) -> list[Path]:
    """Write ``fig`` as ``path.png`` and ``path.svg`` (byte-identical for identical figures) and close it.

    Examples
    --------
    >>> import tempfile, pathlib, ecograph as eg
    >>> from ecograph.views.figures import figure_network, save_figure
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "map"
    >>> [p.name for p in save_figure(figure_network(eg.datasets.tiny().graph()), out)]
    ['map.png', 'map.svg']
    """
    base = Path(path)
    base.parent.mkdir(parents=True, exist_ok=True)
    written = []
    with plt.rc_context({"svg.hashsalt": "ecograph", "svg.fonttype": "path"}):
        for fmt in formats:
            target = base.with_suffix(f".{fmt}")
            metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None} if fmt in ("svg", "pdf") else None
            fig.savefig(target, format=fmt, metadata=metadata)
            written.append(target)
    plt.close(fig)
    return written
