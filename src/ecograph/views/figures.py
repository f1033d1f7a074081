"""Static figures for slides and print: the same colours and positions as the views.

Each function returns a matplotlib :class:`~matplotlib.figure.Figure` (shown
inline in Jupyter; the command line draws with the Agg backend);
:func:`save_figure` writes it as PNG and SVG with fixed metadata, so the
same input gives byte-identical files. Labels are in English or French.

**No figure of zeros.** A figure of groups is drawn only where the findings
state it (:mod:`ecograph.findings`): the block density needs the measure to
be computable (two known groups or more, and a tie between two actors of
known group) and :meth:`~ecograph.Coverage.is_sufficient` coverage
(:data:`ecograph.MIN_COVERAGE`); the flows need at least one move whose two
ends have a known group. Otherwise the figure is a panel that says why, in
the reader's words, and what it rests on ("0 of 26 ties join two of
them"), with no chart. A figure that is drawn says what it rests on below
it. The brokers figure shows only actors on some shortest path.

Text from the data is shown as it is written: matplotlib's mathtext and TeX
are off for every text of a figure (a name like ``Le $$ club`` stays that),
and actors that share a name are told apart by their id, ``name (id)``.

Examples
--------
>>> import ecograph as eg
>>> from ecograph.views.figures import figure_network
>>> fig = figure_network(eg.datasets.tiny().graph(), lang="fr")
>>> fig.axes[0].get_title()
'Tiny example ecosystem'
"""

from __future__ import annotations

import functools
import importlib
import io
import os
import textwrap
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pandas as pd

from ..io import clean_text
from ..measures.group_coverage import MIN_COVERAGE, withheld_reason
from ..words import label, number, word
from .layout import layout as compute_layout
from .records import group_words
from .style import NO_SPHERE_COLOR, SPHERE_COLORS, resolve_colors, resolve_sizes


class _Later:
    """A module imported on its first use: ``import ecograph`` and ``import ecograph.cli`` do not load matplotlib (about a second)."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: Any = None

    def __getattr__(self, attr: str) -> Any:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attr)


plt = _Later("matplotlib.pyplot")
_collections = _Later("matplotlib.collections")
_lines = _Later("matplotlib.lines")
_patches = _Later("matplotlib.patches")
_paths = _Later("matplotlib.path")
_text = _Later("matplotlib.text")
_ticker = _Later("matplotlib.ticker")

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from ..ecosystem import Ecosystem

__all__ = [
    "figure_network",
    "figure_block_density",
    "figure_creations",
    "figure_brokers",
    "figure_flows",
    "png_bytes",
    "save_figure",
    "SAVE_OPTIONS",
]

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
        for text in fig.findobj(_text.Text):
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


def _label(value: Any, lang: str, own: Mapping | None = None) -> str:
    """Words for a group (a dataset's own codes by their names, ``own``); tick labels are drawn from these, so fit for XML."""
    return clean_text(label("sphere", value, lang, {"sphere": own} if own else None))


def _group_title(key: str, table: pd.DataFrame, lang: str) -> str:
    """The title ``figures.<key>``, or, for a dataset's own groups (``attrs["group"]``), ``figures.<key>_own`` naming them."""
    group = table.attrs.get("group")
    if group in (None, "sphere"):
        return word(f"figures.{key}", lang)
    return word(f"figures.{key}_own", lang, group=group_words(group, lang))


def _group_colours(groups: pd.Series) -> dict:
    """The colour of each group code, as the view colours the actors holding them (a dataset's own groups included)."""
    codes = nx.Graph()
    codes.add_nodes_from((i, {"sphere": g}) for i, g in enumerate(sorted({str(g) for g in groups.dropna()})))
    return resolve_colors(codes, "sphere")[1]


def _mark_synthetic(fig: Figure, synthetic: bool, lang: str) -> None:
    if synthetic:
        fig.text(0.99, 0.01, word("figures.synthetic", lang).upper(), ha="right", va="bottom", color="#b00", fontsize=8, weight="bold")


def _caption(fig: Figure, lines: list[str], *, width: int = 100) -> float:
    """Write what a figure rests on at its bottom left; returns the share of the figure's height to keep free for it."""
    text = "\n".join(textwrap.fill(line, width) for line in lines if line)
    if not text:
        return 0.0
    fig.text(0.01, 0.01, text, ha="left", va="bottom", fontsize=7, color="#555555")
    return ((text.count("\n") + 1) * 7 * 1.35 / 72 + 0.08) / fig.get_figheight()


def _withheld_reason(table: pd.DataFrame) -> str | None:
    """Why a table of groups (a block density) is not drawn, by the rule of the findings; None when it is drawn.

    The rule :class:`ecograph.Brief` follows for the spheres: first why the
    measure cannot be computed (the codes of
    :data:`ecograph.measures.group_coverage.REASONS`: no known group, one
    known group, no tie between two actors of known group), then
    ``"low_coverage"`` when :meth:`~ecograph.Coverage.is_sufficient` says too
    few ties join two actors of known group (:data:`ecograph.MIN_COVERAGE`).
    A table without ``attrs["coverage"]`` (made by hand) is drawn.

    >>> import networkx as nx, ecograph as eg
    >>> G = nx.Graph([(0, 1), (1, 2), (2, 3)])
    >>> print(_withheld_reason(eg.block_density(G, {0: "a", 1: "a", 2: "b", 3: "b"})))
    None
    >>> _withheld_reason(eg.block_density(G, {0: "a", 2: "b"})), _withheld_reason(eg.block_density(G, {0: "a", 1: "a", 2: "b"}))
    ('no_known_tie', 'low_coverage')
    """
    cov = table.attrs.get("coverage")
    if cov is None:
        return None
    own = table.attrs.get("reason") or ("one_known_group" if len(table.index) == 1 else None)
    return withheld_reason(cov, None if own is None else str(own))


def _fit(fig: Figure, rect: tuple[float, float, float, float] = (0, 0, 1, 1)) -> None:
    """Lay the figure out once (``tight_layout`` within ``rect``), and leave no layout engine to run again.

    ``tight_layout`` leaves a placeholder engine behind; with it, each
    ``savefig`` draws the whole figure once more before drawing it for the
    file. The placeholder only says whether a colorbar may be added later.
    """
    fig.tight_layout(rect=rect)
    fig.set_layout_engine(None)


def _withheld_figure(title: str, reason: str, rests_on: list[str]) -> Figure:
    """A figure that is not drawn: a framed panel saying why and what it rests on, with no chart."""
    reason = textwrap.fill(reason, 70)
    lines = [textwrap.fill(line, 80) for line in rests_on if line]
    height = 0.2 * (1.3 * (reason.count("\n") + 1) + sum(line.count("\n") + 1 for line in lines) + 1.5)  # inches of text
    fig, ax = plt.subplots(figsize=(6.5, 0.6 + height), dpi=110)
    ax.set_axis_off()
    ax.set_title(title, fontsize=11)
    ax.add_patch(_patches.Rectangle((0, 0), 1, 1, transform=ax.transAxes, facecolor="#f4f4f4", edgecolor="#bbbbbb", linewidth=0.8))
    why = ax.annotate(reason, (0.5, 1), xycoords="axes fraction", xytext=(0, -10), textcoords="offset points", ha="center", va="top")
    why.set(fontsize=10, weight="bold")
    if lines:
        ax.annotate(
            "\n".join(lines),
            xy=(0.5, 0),
            xycoords=why,
            xytext=(0, -10),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=8.5,
            color="#444444",
        )
    _fit(fig)
    return fig


def _heatmap(ax: Any, table: pd.DataFrame, *, lang: str, cmap: str, text: Callable[[float], str]) -> Any:
    """Cells coloured by value (NaN as 0) with the value written in each; groups named on both axes."""
    values = table.to_numpy(dtype=float)
    top = float(np.nanmax(values)) if np.isfinite(values).any() else 0.0
    vmax = top if top > 0 else 1.0
    image = ax.imshow(np.nan_to_num(values, nan=0.0), cmap=cmap, vmin=0, vmax=vmax)
    for (i, j), value in np.ndenumerate(values):
        dark = bool(np.isfinite(value) and value > vmax * 0.6)
        ax.text(j, i, text(value), ha="center", va="center", fontsize=8, color="#fff" if dark else "#000")
    own = table.attrs.get("group_labels")
    ax.set_xticks(range(table.shape[1]), [_label(c, lang, own) for c in table.columns], rotation=30, ha="right", fontsize=8)
    ax.set_yticks(range(table.shape[0]), [_label(g, lang, own) for g in table.index], fontsize=8)
    return image


def _legend_beside(fig: Figure, handles: list) -> float:
    """Put the legend in the figure's right margin, outside the map; returns the share of the width it takes."""
    if not handles:
        return 0.0
    legend = fig.legend(
        handles=handles,
        loc="upper right",
        bbox_to_anchor=(0.995, 0.95),
        borderaxespad=0.0,
        ncols=1 + (len(handles) - 1) // 24,
        fontsize=8,
        frameon=False,
    )
    return legend.get_window_extent().width / fig.bbox.width + 0.015


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
    label_first: Iterable[Any] = (),
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
    label_first : iterable, optional
        Actors named before those (the report's connectors): where two
        names would overlap, the one named first stays.

    The legend stands beside the map, outside the area where the nodes are.

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
    ends = np.array([(index[u], index[v]) for u, v in G.edges()], dtype=np.int64).reshape(-1, 2)
    large = len(nodes) > RASTER_ABOVE  # thousands of dots and lines: drawn as an image inside the SVG, the text stays vector
    if len(ends):  # every tie looks the same: one path of segments (one SVG element, not one per tie)
        vertices = xy[ends.ravel()]
        codes = np.tile([_paths.Path.MOVETO, _paths.Path.LINETO], len(ends)).astype(np.uint8)
        edges = _patches.PathPatch(_paths.Path(vertices, codes), fill=False, edgecolor="#9a9a9a", linewidth=0.6, alpha=0.6, zorder=1)
        edges.set_rasterized(large)
        ax.add_artist(edges)  # its ends are the dots, which set the limits: no need to walk thousands of segments for them
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
    first = [n for n in label_first if n in G]
    named_first = set(first)
    by_degree = [n for n in sorted(nodes, key=lambda n: (-G.degree(n), str(n))) if n not in named_first]
    top = (first + by_degree)[: max(label_top, len(first))]
    names = []
    for n, name in zip(top, _distinct([str(G.nodes[n].get("name") or n) for n in top], top, width=32)):
        names.append(
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
        )
    handles = [
        plt.Line2D(
            [],
            [],
            marker="o",
            ls="",
            color=c,
            markeredgecolor="#333",
            label=_label(v, lang, G.graph.get("group_labels")) if isinstance(color, str) and color == "sphere" else str(v),
        )
        for v, c in legend.items()
    ]
    ax.set_title(title if title is not None else str(G.graph.get("title") or G.graph.get("name") or ""), fontsize=12)
    ax.set_axis_off()
    ax.autoscale()
    ax.set_aspect("equal")
    _mark_synthetic(fig, bool(G.graph.get("synthetic")), lang)
    _fit(fig, rect=(0, 0, 1 - _legend_beside(fig, handles), 1))
    _drop_overlapping(fig, names)
    return fig


def _drop_overlapping(fig: Figure, labels: list) -> None:
    """Put each name above its actor, or below when above would overlap a name placed before it, else leave it out.

    ``labels`` come most important first. A name that would run off the
    page's left or right edge starts (or ends) at its actor instead.
    """
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        ax.apply_aspect()  # where the names will be drawn: an equal aspect moves the axes at drawing time
    kept: list = []
    page = fig.bbox
    for text in labels:
        for offset, anchor in (((0, 5), "bottom"), ((0, -6), "top")):
            text.set_position(offset)
            text.set_verticalalignment(anchor)
            text.set_horizontalalignment("center")
            box = text.get_window_extent(renderer)
            if box.x0 < page.x0 or box.x1 > page.x1:  # a name at the edge runs from its actor inwards, never off the page
                text.set_horizontalalignment("left" if box.x0 < page.x0 else "right")
            box = text.get_window_extent(renderer).expanded(1.05, 1.2)
            if not any(box.overlaps(other) for other in kept):
                kept.append(box)
                break
        else:
            text.remove()


@_literal_text
def figure_block_density(block: pd.DataFrame, *, lang: str = "en", title: str | None = None) -> Figure:
    """Heatmap of a :func:`ecograph.block_density` table, values written in the cells, or why it is not drawn.

    Below the coverage the findings need (see the module notes), the figure
    is a panel with the reason and what it rests on, and no heatmap.

    Examples
    --------
    >>> import networkx as nx, ecograph as eg
    >>> G = nx.Graph([(0, 1), (1, 2), (2, 3), (0, 2)])
    >>> fig = figure_block_density(eg.block_density(G, {0: "a", 1: "a", 2: "b", 3: "b"}))
    >>> len(fig.axes[0].images), fig.axes[0].texts[0].get_text()
    (1, '1.000')
    >>> fig = figure_block_density(eg.block_density(G, {0: "a", 3: "b"}), lang="fr")
    >>> len(fig.axes[0].images), " ".join(fig.axes[0].texts[0].get_text().split())
    (0, 'Incalculable : aucun lien ne relie deux acteurs dont le groupe est connu.')
    """
    title = title or _group_title("density", block, lang)
    cov = block.attrs.get("coverage")
    rests_on = [word("measures.coverage", lang, **cov.to_dict())] if cov is not None else []
    reason = _withheld_reason(block)
    if reason is not None:
        low = reason == "low_coverage"
        why = word("measures.withheld", lang, share=cov.share, threshold=MIN_COVERAGE) if low else word(f"measures.reason.{reason}", lang)
        unlock = [word("measures.unlock_ties", lang, needed=cov.needed())] if cov.needed() else []
        return _withheld_figure(title, why, rests_on + unlock)
    fig, ax = plt.subplots(figsize=(6.5, 5.5), dpi=110)
    image = _heatmap(ax, block, lang=lang, cmap="Blues", text=lambda v: "–" if np.isnan(v) else number(v, lang, ".3f"))
    ax.set_title(title, fontsize=11)
    scale = fig.colorbar(image, ax=ax, shrink=0.8)
    scale.ax.yaxis.set_major_formatter(_ticker.FuncFormatter(lambda x, _: number(x, lang, ".2f")))
    _fit(fig, rect=(0, _caption(fig, rests_on), 1, 1))
    return fig


def _stacked_bars(ax: Any, heights: np.ndarray, bottom: np.ndarray, *, color: str, label: str) -> Any:
    """One sphere's bars as one path of rectangles (one artist, not one per year), drawn as ``ax.bar`` draws them.

    Each bar is the rectangle ``ax.bar`` makes (0.8 wide, centred on its
    position, drawn from its bottom-left corner); the axes' limits take in
    every corner and stop at each bar's bottom (its sticky edge), as they
    do for ``ax.bar``. Bars are snapped to the pixel grid as single
    rectangles are, however many there are.
    """
    left = np.arange(len(heights), dtype=float) - 0.4
    corners = np.stack([(left, bottom), (left + 0.8, bottom), (left + 0.8, bottom + heights), (left, bottom + heights), (left, bottom)])
    vertices = corners.transpose(2, 0, 1).reshape(-1, 2)
    codes = np.tile([_paths.Path.MOVETO, *[_paths.Path.LINETO] * 3, _paths.Path.CLOSEPOLY], len(heights)).astype(np.uint8)
    bars = _patches.PathPatch(_paths.Path(vertices, codes), facecolor=color, edgecolor="none", label=label, snap=True)
    bars.sticky_edges.y[:] = bottom.tolist()
    ax.add_artist(bars)
    ax.update_datalim(vertices)
    return bars


def _best_place(legend: Any, boxes: np.ndarray) -> None:
    """Put an axes legend where ``loc="best"`` would put it over these rectangles (display x0, y0, x1, y1 rows).

    The rule of matplotlib's "best": the first place, in the order of
    ``Legend.codes``, that overlaps the fewest rectangles (and the first
    that overlaps none). Computed once, where "best" computes it again at
    each drawing.
    """
    x0, x1 = np.minimum(boxes[:, 0], boxes[:, 2]), np.maximum(boxes[:, 0], boxes[:, 2])
    y0, y1 = np.minimum(boxes[:, 1], boxes[:, 3]), np.maximum(boxes[:, 1], boxes[:, 3])
    best = None
    for code in range(1, 11):
        legend.set_loc(code)
        box = legend.get_window_extent()
        apart = (x1 <= box.x0) | (y1 <= box.y0) | (x0 >= box.x1) | (y0 >= box.y1)
        badness = int((~apart).sum())
        if best is None or badness < best[0]:
            best = (badness, code)
        if badness == 0:
            break
    legend.set_loc(best[1])


def _tick_marks(ax: Any, positions: np.ndarray) -> None:
    """Tick marks without labels below the x axis, drawn as the axis draws its ticks, as one artist (not one tick each)."""
    rc = plt.rcParams
    marks = _lines.Line2D(
        positions,
        np.zeros(len(positions)),
        transform=ax.get_xaxis_transform(),
        linestyle="none",
        marker=_lines.TICKDOWN,
        markersize=rc["xtick.major.size"],
        markeredgewidth=rc["xtick.major.width"],
        color=rc["xtick.color"],
        markeredgecolor=rc["xtick.color"],
        clip_on=False,
        zorder=ax.xaxis.get_zorder(),
    )
    marks.set_in_layout(False)
    ax.add_artist(marks)


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
    own = eco.vocabulary.own_labels().get("sphere")
    colours = _group_colours(eco.actors["sphere"])
    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=110)
    bottom = np.zeros(len(table))
    boxes = []
    for sphere in order:
        vals = table[sphere].to_numpy(dtype=float)
        _stacked_bars(ax, vals, bottom.copy(), color=colours.get(sphere, NO_SPHERE_COLOR), label=_label(sphere, lang, own))
        boxes.append(np.column_stack([np.arange(len(vals)) - 0.4, bottom, np.arange(len(vals)) + 0.4, bottom + vals]))
        bottom += vals
    ax.autoscale_view()
    positions = np.arange(len(table))
    step = max(1, len(table) // 15) if len(table) > 20 else 1  # a year named every few bars; each bar keeps its tick
    ax.set_xticks(positions[::step], [str(year) for year in table.index[::step]])
    if step > 1:
        _tick_marks(ax, np.setdiff1d(positions, positions[::step]))
    ax.set_xlabel(word("figures.year", lang))
    ax.set_ylabel(word("figures.count", lang))
    ax.yaxis.set_major_locator(_ticker.MaxNLocator(integer=True))  # actors are counted: no 0.2 of an actor
    ax.set_title(title or word("figures.creations", lang), fontsize=11)
    ax.tick_params(axis="x", labelrotation=60, labelsize=8)
    legend = ax.legend(fontsize=8, frameon=False, loc="upper left") if order else None
    ax.spines[["top", "right"]].set_visible(False)
    _mark_synthetic(fig, eco.synthetic, lang)
    _fit(fig)
    if legend is not None:
        _best_place(legend, ax.transData.transform(np.concatenate(boxes).reshape(-1, 2)).reshape(-1, 4))
    return fig


@_literal_text
def figure_brokers(
    brokers: pd.DataFrame,
    *,
    names: pd.Series | dict | None = None,
    top: int = 10,
    lang: str = "en",
    title: str | None = None,
    on_paths: int | None = None,
) -> Figure:
    """Horizontal bars of the top brokers' betweenness, coloured by their group, names on the left.

    Only actors on some shortest path between two others (betweenness above
    0) get a bar; long names are cut with an ellipsis. Without any such
    actor the figure is a panel that says so. ``on_paths``: how many actors
    of the whole network lie on a shortest path, when ``brokers`` holds
    only some of them (the connectors): the caption counts against it and
    says the others are not connectors.

    Examples
    --------
    >>> import ecograph as eg
    >>> b = eg.brokers(eg.datasets.tiny().graph())
    >>> fig = figure_brokers(b)
    >>> len(fig.axes[0].patches), int((b["betweenness"] > 0).sum()), len(b)
    (6, 6, 8)
    """
    title = title or word("figures.brokers", lang)
    on_paths_frame = brokers[brokers["betweenness"] > 0].sort_values("betweenness", ascending=False, kind="stable")
    if not len(on_paths_frame):
        return _withheld_figure(title, word("figures.no_brokers", lang), [])
    head = on_paths_frame.head(top).iloc[::-1]
    lookup = names if isinstance(names, pd.Series) else pd.Series(names or {}, dtype=object)
    every = _distinct([str(lookup.get(i, i)) for i in brokers.index], list(brokers.index), width=32)  # twins told apart
    labels = pd.Series(every, index=brokers.index, dtype=object).loc[head.index].tolist()
    colours = _group_colours(brokers["group"]) if "group" in brokers else {}
    colors = [
        colours.get(g, NO_SPHERE_COLOR) if isinstance(g, str) else NO_SPHERE_COLOR
        for g in head.get("group", pd.Series("", index=head.index))
    ]
    fig, ax = plt.subplots(figsize=(7.5, 0.32 * len(head) + 1.6), dpi=110)
    positions = np.arange(len(head))
    ax.barh(positions, head["betweenness"].to_numpy(dtype=float), color=colors)
    ax.set_yticks(positions, labels, fontsize=9)
    ax.xaxis.set_major_locator(_ticker.MaxNLocator(nbins=4))
    ax.xaxis.set_major_formatter(_ticker.FuncFormatter(lambda x, _: number(x, lang, ".2g")))
    ax.set_xlabel(word("figures.betweenness", lang))
    ax.set_title(title, fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    zero = int((brokers["betweenness"] == 0).sum())
    everyone = max(on_paths or 0, len(on_paths_frame))  # on a shortest path in the whole network
    rests_on = [word("figures.brokers_shown", lang, shown=len(head), on_paths=everyone)]
    if everyone > len(on_paths_frame):
        rests_on.append(word("figures.brokers_not_connectors", lang, n=everyone - len(on_paths_frame)))
    rests_on += [word("figures.brokers_zero", lang, zero=zero)] if zero else []
    _fit(fig, rect=(0, _caption(fig, rests_on), 1, 1))
    return fig


def _moves_rest(flows: pd.DataFrame, lang: str) -> list[str]:
    """What a flow table rests on: moves whose two ends have a known group, and those with an unknown end."""
    cov = flows.attrs.get("coverage")
    if cov is None:
        return []
    unknown = {
        "from_unknown": sum(flows.attrs.get("from_unknown", {}).values()),
        "to_unknown": sum(flows.attrs.get("to_unknown", {}).values()),
        "unknown_to_unknown": int(flows.attrs.get("unknown_to_unknown", 0)),
    }
    lines = [word("measures.coverage_moves", lang, **cov.to_dict())]
    return lines + ([word("figures.moves_unknown", lang, **unknown)] if any(unknown.values()) else [])


@_literal_text
def figure_flows(flows: pd.DataFrame, *, lang: str = "en", title: str | None = None) -> Figure:
    """Heatmap of moves between spheres (a :func:`ecograph.flow_table`), or why it is not drawn.

    Without any move whose two ends have a known group, the figure is a
    panel with the reason and the moves it would rest on (those from or to
    an actor of unknown group, counted in the table's ``attrs``).

    Examples
    --------
    >>> import ecograph as eg
    >>> fig = figure_flows(eg.flow_table(eg.datasets.tiny()))
    >>> len(fig.axes[0].images), fig.axes[0].get_title()
    (1, 'Moves of people between spheres')
    >>> fig = figure_flows(eg.flow_table(eg.datasets.dijon()))
    >>> len(fig.axes[0].images), " ".join(fig.axes[0].texts[0].get_text().split())
    (0, 'Cannot be drawn: no move of a person joins two actors whose group is known.')
    """
    title = title or _group_title("flows", flows, lang)
    cov = flows.attrs.get("coverage")
    rests_on = _moves_rest(flows, lang)
    if cov is not None and (cov.ties_known == 0 or flows.attrs.get("reason") is not None):
        reason = flows.attrs.get("reason")
        key = "figures.no_moves" if cov.ties == 0 else f"measures.reason.{reason}" if reason else "figures.no_known_move"
        return _withheld_figure(title, word(key, lang), rests_on)
    fig, ax = plt.subplots(figsize=(6, 5), dpi=110)
    _heatmap(ax, flows, lang=lang, cmap="Oranges", text=lambda v: number(int(v), lang))
    ax.set_xlabel(word("figures.to", lang))
    ax.set_ylabel(word("figures.from", lang))
    ax.set_title(title, fontsize=11)
    _fit(fig, rect=(0, _caption(fig, rests_on), 1, 1))
    return fig


#: How each format is written: no date or software version (the same figure gives the same bytes); PNG compressed at
#: zlib level 3, as small as the default level 6 (smaller for the network map) and about twice as fast to write.
SAVE_OPTIONS: dict[str, dict[str, Any]] = {
    "png": {"metadata": {"Software": None}, "pil_kwargs": {"compress_level": 3}},
    "svg": {"metadata": {"Date": None, "Creator": None}},
    "pdf": {"metadata": {"Date": None, "Creator": None}},
}


def png_bytes(fig: Figure) -> bytes:
    """``fig`` as the bytes of the PNG file :func:`save_figure` writes (the figure stays open).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> png_bytes(plt.figure(figsize=(1, 1)))[:4]
    b'\\x89PNG'
    """
    buf = io.BytesIO()
    fig.savefig(buf, format="png", **SAVE_OPTIONS["png"])
    return buf.getvalue()


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
            fig.savefig(target, format=fmt, **SAVE_OPTIONS.get(fmt, {}))
            written.append(target)
    plt.close(fig)
    return written
