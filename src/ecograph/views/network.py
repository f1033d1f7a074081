"""The view of a network: :func:`view`, and its neighbourhood and community cuts :func:`view_ego`, :func:`view_community`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ..errors import UnknownActorError
from ..measures.analysis import Analysis
from ..words import check_language, word
from .highlights import highlight_records, highlight_sets
from .layout import layout as compute_layout
from .legend import color_section, filters, size_section, ties_section
from .mapping import boundary_paths, geo_positions
from .page import RENDERERS, NetworkView
from .records import edge_records, move_records, moves_to_animate, node_records, people_aliases, people_names, suggested_records, text
from .style import NO_SPHERE_COLOR, VisualSpec, resolve_colors, resolve_sizes, resolve_values

__all__ = ["view", "view_ego", "view_community", "AGGREGATE_ABOVE", "WEBGL_ABOVE"]

#: Above this many actors, :func:`view` draws one node per community instead.
AGGREGATE_ABOVE = 30_000
#: Above this many actors (or four times as many ties), :func:`view` draws with WebGL (sigma.js).
WEBGL_ABOVE = 2_000


def _positions(G: nx.Graph, analysis: Analysis, given: pd.DataFrame | None, seed: int) -> pd.DataFrame:
    """The layout given, completed for the actors it lacks (laid out apart, below), or computed once."""
    if given is None:
        return compute_layout(analysis.sparse, communities=analysis.communities, seed=seed)
    missing = [n for n in G if n not in given.index]
    if not missing:
        return given
    extra = compute_layout(G.subgraph(missing), seed=seed, method="fruchterman_reingold")
    if len(given):
        extra["y"] += float(given["y"].max()) + 200.0
    return pd.concat([given, extra])


def _label_order(nodes: list[dict], degree: Mapping) -> list[int]:
    """Node numbers, most important first: marked actors, people (in a view of people), then by size and number of ties."""
    keys = [(-(n["borderWidth"] >= 3), -(n["shape"] == "diamond"), -n["size"], -float(degree.get(i, 0)), i) for i, n in enumerate(nodes)]
    return [k[-1] for k in sorted(keys)]


def _isolated_caption(nodes: list[dict], isolated: list[int], lang: str) -> list[dict]:
    """The caption of the block of actors without ties (when they form a block apart)."""
    if not isolated:
        return []
    for i in isolated:
        nodes[i]["iso"] = True
    xs = np.array([nodes[i]["x"] for i in isolated])
    ys = np.array([nodes[i]["y"] for i in isolated])
    lo_x, hi_x, lo_y, hi_y = xs.min(), xs.max(), ys.min(), ys.max()
    others = [n for n in nodes if not n.get("iso")]
    if any(lo_x <= n["x"] <= hi_x and lo_y <= n["y"] <= hi_y for n in others):
        return []  # scattered among the others (a layout given): no block to caption
    n = len(isolated)
    caption = word("views.isolated_caption_one", lang) if n == 1 else word("views.isolated_caption", lang, n=n)
    return [{"text": caption, "x": float(lo_x), "y": float(lo_y), "right": float(hi_x), "nodes": isolated}]


def _time_range(nodes: list[dict], edges: list[dict], *, hidden: bool = False) -> dict | None:
    """The first and last year any actor, tie or move has, or None when nothing is dated; ``hidden``: no slider shown."""
    years = [y for n in nodes for y in n.get("t", []) if y is not None]
    years += [y for e in edges for s in e.get("t", []) for y in s if y is not None]
    if not years:
        return None
    return {"min": min(years), "max": max(years)} | ({"hidden": True} if hidden else {})


def _map(G: nx.Graph, nodes: list[dict], index: Mapping, *, lat: str, lon: str, scale: float, boundaries: Any) -> dict | None:
    """Map positions of the actors with coordinates, the boundaries, and the actors left off the map."""
    actors = [(n, d) for n, d in G.nodes(data=True) if d.get("node_type") != "person"]
    geo, projection = geo_positions(actors, lat=lat, lon=lon, scale=scale)
    if projection is None:
        if boundaries is not None:
            raise ValueError(f"boundaries= needs actors with coordinates: no actor has both '{lat}' and '{lon}'")
        return None
    for n, xy in geo.items():
        nodes[index[n]]["geo"] = xy
    missing = [index[n] for n, _ in actors if n not in geo]
    paths = boundary_paths(boundaries, projection) if boundaries is not None else []
    return {"boundaries": paths, "missing": missing}


def _options(n_edges: int) -> dict:
    """vis-network's options: physics off, positions fixed, labels drawn by the page."""
    return {
        "physics": {"enabled": False},
        "interaction": {
            "hover": True,
            "tooltipDelay": 100,
            "hideEdgesOnDrag": n_edges > 2000,
            "navigationButtons": False,
            "dragNodes": False,
        },
        "edges": {"smooth": False},
        "nodes": {"font": {"face": "system-ui, Arial, sans-serif"}},
        "layout": {"improvedLayout": False},
    }


def _renderer(renderer: str, n: int, m: int) -> str:
    if renderer == "auto":
        return "webgl" if n > WEBGL_ABOVE or m > 4 * WEBGL_ABOVE else "canvas"
    if renderer not in RENDERERS:
        raise ValueError(f"renderer must be 'auto' or one of {', '.join(repr(r) for r in RENDERERS)} (got {renderer!r})")
    return renderer


def view(
    G: Any,
    *,
    color: VisualSpec = "sphere",
    size: VisualSpec = None,
    label: str = "name",
    highlight: Iterable | Mapping = (),
    layout: pd.DataFrame | None = None,
    seed: int = 0,
    title: str | None = None,
    lang: str = "en",
    node_color_palette: Mapping | None = None,
    node_size_range: tuple[float, float] = (8, 36),
    default_node_color: str = NO_SPHERE_COLOR,
    default_node_size: float = 12,
    node_border: VisualSpec = None,
    edge_style: VisualSpec = None,
    suggested_ties: pd.DataFrame | Iterable | None = None,
    key_players: Iterable | None = None,
    pseudonymise_people: bool = False,
    highlight_on: Iterable[str] = (),
    card_values: Mapping[str, Mapping] | None = None,
    aggregate_above: int | None = AGGREGATE_ABOVE,
    renderer: str = "auto",
    boundaries: Mapping | str | None = None,
    lat_attr: str = "lat",
    lon_attr: str = "lon",
    time: bool = True,
) -> NetworkView:
    """An interactive view of a graph.

    The page shows a legend, a card on hover or click, a search box, filters,
    highlights, a time slider when actors or ties have years (positions stay
    fixed, a play button steps through the years, the legend counts follow
    the year, moves of people are animated), a map mode when actors have
    coordinates, and buttons to save the picture as PNG or SVG with its
    legend and title. The state (filters, search, year, map) is kept in the
    page's address, so that a link opens on the same view. Names are drawn
    where they fit without overlapping, the most important first; the others
    appear on hover, zoom or search.

    Parameters
    ----------
    G : networkx.Graph, SparseGraph or Analysis
        Any undirected graph: the actor network (``eco.graph()``), the
        person–actor graph (``eco.affiliation_graph()``, people drawn as
        diamonds and moves as labelled arrows), an ego network... With an
        :class:`~ecograph.Analysis`, the highlights, sizes and communities
        are read from it; with a graph, from ``Analysis.of(G, seed=seed)``.
    color : attribute name, mapping, Series, set, partition or callable, default "sphere"
        Node colour (see :mod:`ecograph.views.style`). Spheres have fixed colours.
    size : same forms, optional
        Node size, mapped linearly onto ``node_size_range`` (e.g. a
        betweenness Series). ``None``: by number of ties.
    label : str, default "name"
        Node attribute shown as label (the id when missing).
    highlight : iterable or mapping
        Any of ``"bridges"``, ``"cut_points"``, ``"to_reach"``,
        ``"connectors"``, ``"no_known_tie"``, ``"outside_main"`` (read
        from the Analysis: :func:`ecograph.actor_standing`), ``(label, set_of_actors)``
        pairs, or a mapping from those names (or labels) to values the
        caller has (the measure's result or a set); each gets a switch.
    layout : DataFrame, optional
        Positions (``x``, ``y``) from :func:`ecograph.views.layout.layout` or an
        earlier view's ``positions``; computed once with ``seed`` (the
        community-aware layout) if missing.
    seed : int, default 0
    title : str, optional
        Defaults to the dataset's title (its metadata's), else the graph's name.
    lang : {"en", "fr"}, default "en"
    node_color_palette : mapping, optional
        Colour of given values (overrides the defaults).
    node_size_range, default_node_color, default_node_size
        As in ipysigma.
    node_border : same forms, optional
        Actors with a true value get a thick dark border (and their names
        are drawn first).
    edge_style : mapping, optional
        Mapping from ``(u, v)`` to ``"dashed"`` or ``"solid"``; by default
        people-only links are dashed.
    suggested_ties : DataFrame or iterable of pairs, optional
        Ties to draw dashed in the highlight colour (e.g. outreach
        suggestions), with columns ``source`` and ``target``.
    key_players : iterable of actor ids, optional
        Marked with a border and a switch.
    pseudonymise_people : bool, default False
        Replace people's names and ids by stable pseudonyms everywhere in
        the view (labels, cards, people links).
    highlight_on : iterable of str
        Highlights switched on when the page opens.
    card_values : mapping, optional
        Values shown in each actor's card, by name (``"betweenness"``,
        ``"degree"``, ``"community"``): Series or mappings keyed by actor.
    aggregate_above : int or None, default 30000
        Above this many actors, draw :func:`view_communities` instead.
    renderer : {"auto", "canvas", "webgl"}, default "auto"
        vis-network on a canvas, or sigma.js on WebGL; ``"auto"`` takes
        WebGL above :data:`WEBGL_ABOVE` actors.
    boundaries : GeoJSON mapping or path, optional
        Outlines drawn under the map (communes, a region).
    lat_attr, lon_attr : str, default "lat", "lon"
        Node attributes holding the coordinates of the map mode.
    time : bool, default True
        ``False`` leaves the time slider out: the report does where too few
        founding years are known to follow the network over time (the
        slider would show actors of unknown year in every year). A
        presenter's step can still show a year.

    Returns
    -------
    NetworkView

    Examples
    --------
    >>> import ecograph as eg
    >>> a = eg.Analysis(eg.datasets.tiny())
    >>> v = eg.view(a, size=a.betweenness, highlight=["bridges", "to_reach"], lang="fr")
    >>> [h["label"] for h in v.highlights]
    ['Ponts', 'Acteurs à faire entrer (liste de travail)']
    >>> v.nodes[0]["name"], v.nodes[0]["color"]
    ('Incubator', '#CC79A7')
    >>> v.captions[0]["text"]
    '1 acteur sans lien connu'
    """
    check_language(lang)
    analysis = Analysis.of(G, seed=seed)
    if aggregate_above is not None and analysis.sparse.n > aggregate_above:
        from .communities import view_communities  # a real cycle: the community view draws itself with view()

        return view_communities(analysis, seed=seed, title=title, lang=lang)
    G = analysis.graph
    positions = _positions(G, analysis, layout, seed)
    index = {n: i for i, n in enumerate(G.nodes)}
    aliases = people_aliases(G, pseudonymise_people, lang)
    colors, color_legend = resolve_colors(G, color, palette=node_color_palette, default=default_node_color)
    sizes, size_legend = resolve_sizes(
        G, size if size is not None else analysis.degree, size_range=node_size_range, default=default_node_size
    )
    own, group = _own_groups(G, analysis, lang)
    nodes = node_records(
        G, index=index, positions=positions, colors=colors, sizes=sizes,
        borders=resolve_values(G, node_border) if node_border is not None else {},
        label_attr=label, aliases=aliases, values=card_values or {}, lang=lang, own=own, group=group,
    )  # fmt: skip
    color_part = _color_legend(G, nodes, index, color, color_legend, lang, own, group)
    edges, counts = _edges(G, index, aliases or people_names(G), lang, edge_style=edge_style, suggested_ties=suggested_ties, own=own)
    degree = analysis.degree
    scale = max(float(np.abs(positions.loc[list(G.nodes)].to_numpy()).max()), 1.0)
    return NetworkView(
        title=str(title or G.graph.get("title") or G.graph.get("name") or word("views.network", lang)),
        nodes=nodes,
        edges=edges,
        legend=[part for part in (color_part, size_section(size, size_legend, lang), ties_section(counts, lang)) if part],
        filters=filters(nodes, counts, lang, own, group),
        highlights=_highlights(G, analysis, index, edges, lang, highlight=highlight, on=highlight_on, key_players=key_players),
        positions=positions.loc[list(G.nodes)],
        lang=lang,
        synthetic=bool(G.graph.get("synthetic")),
        seed=seed,
        options=_options(len(edges)),
        renderer=_renderer(renderer, len(nodes), len(edges)),
        time=_time_range(nodes, edges, hidden=not time),
        geo=_map(G, nodes, index, lat=lat_attr, lon=lon_attr, scale=scale, boundaries=boundaries),
        moves=moves_to_animate(G, index),
        captions=_isolated_caption(nodes, [index[n] for n in G if degree.get(n, 0) == 0], lang),
        order=_label_order(nodes, {index[n]: d for n, d in degree.items() if n in index}),
    )


def _own_groups(G: nx.Graph, analysis: Analysis, lang: str) -> tuple[dict, str]:
    """The dataset's own codes by their names (its vocabulary, or what its network carries) and its word for a group."""
    own = {"sphere": dict(G.graph.get("group_labels") or {})}
    if analysis.eco is not None:
        for field, names in analysis.eco.vocabulary.own_labels(lang).items():
            own[field] = {**own.get(field, {}), **names}
    return own, str(G.graph.get("group") or "sphere")


def _color_legend(
    G: nx.Graph,
    nodes: list[dict],
    index: Mapping,
    color: VisualSpec,
    legend: Mapping,
    lang: str,
    own: Mapping | None = None,
    group: str = "sphere",
) -> dict | None:
    """The colour section of the legend; each actor's record learns its item (``c``), people counted apart."""
    if color is None:
        return None
    values = resolve_values(G, color)
    actors = {n: v for n, v in values.items() if G.nodes[n].get("node_type") != "person"}
    people = len(values) - len(actors)
    part, item_of = color_section(color, legend, actors, people, lang, own, group)
    for n, i in item_of.items():
        nodes[index[n]]["c"] = i
    return part


def _edges(
    G: nx.Graph, index: Mapping, aliases: Mapping, lang: str, *, edge_style: Any, suggested_ties: Any, own: Mapping | None = None
) -> tuple[list[dict], dict]:
    """Edge records: the graph's ties, then the moves of people, then the suggested ties; counts by type."""
    edges, counts = edge_records(G, index=index, aliases=aliases, edge_style=edge_style, lang=lang, own=own)
    extra = move_records(G, index=index, aliases=aliases, lang=lang, start=len(edges))
    if suggested_ties is not None:
        extra += suggested_records(suggested_ties, index=index, start=len(edges) + len(extra), lang=lang)
    for e in extra:
        counts[e["types"][0]] = counts.get(e["types"][0], 0) + 1
    return edges + extra, counts


def _highlights(
    G: nx.Graph, analysis: Analysis, index: Mapping, edges: list[dict], lang: str, *, highlight: Any, on: Iterable[str], key_players: Any
) -> list[dict]:
    """The highlight switches: named sets read from the analysis or given, and the key players."""
    sets = highlight_sets(highlight, analysis, lang)
    on = set(on)
    if key_players is not None:
        sets.append({"key": "key_players", "label": word("views.key_players", lang), "nodes": set(key_players), "edges": set()})
        on.add("key_players")
    edge_index = {}
    for rec, (u, v) in zip(edges, G.edges()):
        edge_index[(u, v)] = edge_index[(v, u)] = rec["id"]
    return highlight_records(sets, index=index, edge_index=edge_index, on=on)


def view_ego(G: Any, actor: Any, *, radius: int = 2, **kwargs: Any) -> NetworkView:
    """The neighbourhood of one actor, up to ``radius`` steps, with the actor marked.

    Examples
    --------
    >>> import ecograph as eg
    >>> v = eg.view_ego(eg.datasets.tiny().graph(), "fablab", radius=1)
    >>> sorted(n["key"] for n in v.nodes)
    ['coop', 'fablab', 'incubator', 'network']
    """
    G = Analysis.of(G, seed=kwargs.get("seed", 0)).graph
    if actor not in G:
        raise UnknownActorError(f"actor {actor!r} is not in the graph")
    ego = nx.ego_graph(G, actor, radius=radius)
    ego.graph.update(G.graph)
    kwargs.setdefault("title", text(G.nodes[actor].get("name")) or text(actor))
    kwargs.setdefault("node_border", {actor})
    return view(ego, **kwargs)


def view_community(G: Any, communities: Any, community: int, *, with_neighbours: bool = False, **kwargs: Any) -> NetworkView:
    """Drill down into one community: its actors (and, optionally, their outside contacts).

    Parameters
    ----------
    G : networkx.Graph, SparseGraph or Analysis
    communities : Communities
        From :func:`ecograph.detect_communities` (the same as the aggregated view's).
    community : int
        The community number shown in :func:`view_communities`.
    with_neighbours : bool, default False
        Also draw the actors outside the community tied to it, with a border.

    Examples
    --------
    >>> import ecograph as eg
    >>> G = eg.datasets.synthetic(600, seed=1).graph()
    >>> comms = eg.detect_communities(G, seed=0)
    >>> v = eg.view_community(G, comms, 0)
    >>> len(v.nodes) == int(comms.sizes[0])
    True
    """
    G = Analysis.of(G, seed=kwargs.get("seed", 0)).graph
    members = set(communities.membership.index[communities.membership == community])
    if not members:
        raise ValueError(f"there is no community {community!r}; communities are numbered 0 to {communities.n_communities - 1}")
    shown = set(members)
    if with_neighbours:
        for n in members:
            shown.update(G[n])
    sub = G.subgraph(shown).copy()
    sub.graph.update(G.graph)
    kwargs.setdefault("title", f"{word('views.community', kwargs.get('lang', 'en'))} {community}")
    if with_neighbours:
        kwargs.setdefault("node_border", shown - members)
    return view(sub, aggregate_above=None, **kwargs)
