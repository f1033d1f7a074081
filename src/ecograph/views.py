"""Interactive network views: offline, safe, the same every time.

:func:`view` turns a graph into a :class:`NetworkView`, drawn by
vis-network (the library pyvis wraps, shipped inside the pyvis package). The
view fixes what plain pyvis gets wrong for our users:

* **offline**: one HTML file with vis-network's script and styles inlined
  and a content-security policy that forbids any request to another origin;
* **safe**: data travel as escaped JSON and reach the page only as text
  (labels on the canvas, cards and legends through ``textContent``), so a
  name holding ``<script>`` or ``<img onerror=...>`` is shown, never run;
* **fast and stable**: positions are computed in Python (seeded, see
  :func:`ecograph.layout.layout`) and physics is off;
* **usable**: a legend, a card on hover or click, a search box that focuses
  an actor and dims all but its neighbourhood, filters by sphere, kind and
  tie type, highlights of bridges, cut points, isolated actors and brokers,
  and a button to save the picture as PNG;
* **in notebooks**: ``_repr_html_`` embeds the same page in a sandboxed
  ``<iframe srcdoc>``, which works in JupyterLab, Notebook 7, VS Code and
  exported HTML, and writes no file.

Visual variables follow :mod:`ecograph.style`. Writing a file is a separate,
explicit step: :meth:`NetworkView.write_html`.

Examples
--------
>>> import ecograph as eg
>>> v = eg.view(eg.datasets.tiny().graph(), seed=0)
>>> v
<NetworkView 'tiny': 8 actors, 9 ties>
>>> html = v.to_html()
>>> "<script src=" in html, "http://" in html.split('id="eg-data"')[1].split("</script>")[0]
(False, False)
"""

from __future__ import annotations

import html as _html
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from .errors import GraphError, UnknownActorError
from .layout import layout as compute_layout
from .privacy import pseudonyms
from .style import HIGHLIGHT_COLOR, NO_SPHERE_COLOR, VisualSpec, resolve_colors, resolve_sizes, resolve_values
from .vocabulary import KIND_LABELS, SPHERE_LABELS

__all__ = ["NetworkView", "view", "view_ego", "view_communities", "view_community", "AGGREGATE_ABOVE", "TEXT"]

#: Above this many actors, :func:`view` draws one node per community instead.
AGGREGATE_ABOVE = 5_000

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "search": "Find an actor",
        "radius": "steps",
        "reset": "Show all",
        "png": "Save as PNG",
        "card": "Details",
        "cardHint": "Hover over or click an actor or a tie.",
        "legend": "Legend",
        "highlight": "Highlight",
        "filters": "Filters",
        "synthetic": "SYNTHETIC DATA",
        "color": "Colour",
        "size": "Size",
        "ties": "Ties",
        "tie": "tie",
        "people_link": "people link (shared or moved)",
        "move": "move of a person",
        "suggested": "suggested tie",
        "person": "person",
        "bridges": "Bridges",
        "cut_points": "Cut points",
        "isolated": "Isolated and peripheral actors",
        "brokers": "Top brokers",
        "key_players": "Key players",
        "sphere": "Sphere",
        "kind": "Kind",
        "type": "Tie type",
        "no_sphere": "no sphere",
        "members": "members",
        "community": "Community",
    },
    "fr": {
        "search": "Chercher un acteur",
        "radius": "pas",
        "reset": "Tout afficher",
        "png": "Enregistrer en PNG",
        "card": "Détails",
        "cardHint": "Survolez ou cliquez un acteur ou un lien.",
        "legend": "Légende",
        "highlight": "Mettre en évidence",
        "filters": "Filtres",
        "synthetic": "DONNÉES SYNTHÉTIQUES",
        "color": "Couleur",
        "size": "Taille",
        "ties": "Liens",
        "tie": "lien",
        "people_link": "lien par des personnes (commun ou passage)",
        "move": "passage d'une personne",
        "suggested": "lien suggéré",
        "person": "personne",
        "bridges": "Ponts",
        "cut_points": "Points d'articulation",
        "isolated": "Acteurs isolés et périphériques",
        "brokers": "Principaux intermédiaires",
        "key_players": "Acteurs clés",
        "sphere": "Sphère",
        "kind": "Type",
        "type": "Type de lien",
        "no_sphere": "sans sphère",
        "members": "membres",
        "community": "Communauté",
    },
}

_CARD_FIELDS = ("kind", "sphere", "scope", "founded", "closed", "commune", "website", "description", "source")
_CARD_LABELS = {
    "en": {"id": "id", "kind": "kind", "sphere": "sphere", "scope": "scope", "founded": "founded", "closed": "closed", "commune": "commune",
           "website": "website", "description": "description", "source": "source", "betweenness": "betweenness", "degree": "ties", "community": "community"},
    "fr": {"id": "identifiant", "kind": "type", "sphere": "sphère", "scope": "échelle", "founded": "création", "closed": "fermeture", "commune": "commune",
           "website": "site web", "description": "description", "source": "source", "betweenness": "intermédiarité", "degree": "liens", "community": "communauté"},
}  # fmt: skip


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    lib = resources.files("pyvis") / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def _json_for_script(data: Any) -> str:
    """JSON that is safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False, allow_nan=False, default=_json_default)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _json_default(value: Any) -> Any:
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return None if np.isnan(value) else float(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    return str(value)


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass
class NetworkView:
    """An interactive network view, ready to write or show.

    Build it with :func:`view`, :func:`view_ego` or :func:`view_communities`.
    ``nodes`` and ``edges`` are the records drawn (plain data), ``legend``,
    ``filters`` and ``highlights`` the side panel, ``positions`` the layout
    (reusable by other views and figures through ``layout=``).

    Examples
    --------
    >>> import tempfile, pathlib, ecograph as eg
    >>> v = eg.view(eg.datasets.tiny().graph())
    >>> path = v.write_html(pathlib.Path(tempfile.mkdtemp()) / "map.html")
    >>> v._repr_html_().startswith("<iframe"), path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    (True, True)
    """

    title: str
    nodes: list[dict]
    edges: list[dict]
    legend: list[dict]
    filters: list[dict]
    highlights: list[dict]
    positions: pd.DataFrame
    lang: str = "en"
    synthetic: bool = False
    seed: int = 0
    options: dict = field(default_factory=dict)

    def __repr__(self) -> str:
        return f"<NetworkView {self.title!r}: {len(self.nodes)} actors, {len(self.edges)} ties>"

    def _payload(self) -> dict:
        return {
            "title": self.title,
            "synthetic": self.synthetic,
            "text": TEXT[self.lang],
            "nodes": self.nodes,
            "edges": self.edges,
            "legend": self.legend,
            "filters": self.filters,
            "highlights": self.highlights,
            "options": self.options,
            "filename": "".join(c if c.isalnum() or c in "-_" else "-" for c in self.title)[:60] or "network",
        }

    def to_html(self) -> str:
        """The whole self-contained page as text."""
        from ._view_template import PAGE

        js, css = _vis_assets()
        return (
            PAGE.replace("__LANG__", self.lang)
            .replace("__TITLE__", _html.escape(self.title))
            .replace("__VIS_CSS__", css)
            .replace("__DATA__", _json_for_script(self._payload()))
            .replace("__VIS_JS__", js)
        )

    def write_html(self, path: str | os.PathLike) -> Path:
        """Write the view as one self-contained HTML file (UTF-8 on every system)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.to_html(), encoding="utf-8", newline="\n")
        return path

    def _repr_html_(self) -> str:
        """The view embedded in a sandboxed iframe (no file written)."""
        page = _html.escape(self.to_html(), quote=True)
        label = _html.escape(self.title, quote=True)
        return (
            f'<iframe title="{label}" srcdoc="{page}" sandbox="allow-scripts allow-downloads" '
            'style="width:100%;height:640px;border:1px solid #ddd" loading="eager"></iframe>'
        )


def _graph_of(G: Any) -> nx.Graph:
    from .sparse import SparseGraph

    if isinstance(G, SparseGraph):
        return G.to_networkx()
    if not isinstance(G, nx.Graph):
        raise GraphError(f"expected a networkx.Graph, got {type(G).__name__}; for an Ecosystem use eco.graph()")
    if G.is_directed():
        raise GraphError("the graph is directed; views draw undirected graphs: use G.to_undirected()")
    if G.is_multigraph():
        raise GraphError("the graph is a multigraph; merge parallel edges first, e.g. nx.Graph(G)")
    if G.number_of_nodes() == 0:
        raise GraphError("the graph is empty: nothing to draw")
    return G


def _highlight_sets(G: nx.Graph, highlight: Iterable, attr: str, lang: str, precomputed: Mapping | None = None) -> list[dict]:
    """Named highlights from the measures layer (``precomputed`` results, or computed here), or sets of actors."""
    from .bridges import bridges, cut_points
    from .brokerage import brokers
    from .isolation import isolated_actors

    T = TEXT[lang]
    given = dict(precomputed or {})
    out = []
    for item in highlight:
        if isinstance(item, str):
            if item == "bridges":
                b = given["bridges"] if "bridges" in given else bridges(G)
                out.append({"key": "bridges", "label": T["bridges"], "nodes": set(), "edges": set(zip(b["source"], b["target"]))})
            elif item == "cut_points":
                cuts = given["cut_points"] if "cut_points" in given else cut_points(G)
                out.append({"key": "cut_points", "label": T["cut_points"], "nodes": set(cuts.index), "edges": set()})
            elif item == "isolated":
                iso = given["isolated"] if "isolated" in given else isolated_actors(G)
                out.append({"key": "isolated", "label": T["isolated"], "nodes": set(iso.index), "edges": set()})
            elif item == "brokers":
                if "brokers" in given:
                    top = given["brokers"]
                else:
                    grouping = attr if all(attr in d for _, d in G.nodes(data=True)) else dict.fromkeys(G, "all")
                    top = brokers(G, grouping)
                top = top[top["betweenness"] > 0].head(max(5, min(20, len(top) // 20)))
                out.append({"key": "brokers", "label": T["brokers"], "nodes": set(top.index), "edges": set()})
            else:
                raise ValueError(
                    f"unknown highlight {item!r}: use 'bridges', 'cut_points', 'isolated', 'brokers' or (label, set of actors)"
                )
        else:
            label, members = item
            out.append({"key": f"custom-{len(out)}", "label": str(label), "nodes": set(members), "edges": set()})
    return out


def _sphere_label(value: Any, lang: str) -> str:
    if value in SPHERE_LABELS[lang]:
        return SPHERE_LABELS[lang][value]
    return _text(value) if _text(value) else TEXT[lang]["no_sphere"]


def view(
    G: Any,
    *,
    color: VisualSpec = "sphere",
    size: VisualSpec = None,
    label: str = "name",
    highlight: Iterable = (),
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
    aggregate_above: int | None = AGGREGATE_ABOVE,
    precomputed: Mapping | None = None,
) -> NetworkView:
    """An interactive view of a graph.

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
        Any undirected graph: the actor network (``eco.graph()``), the
        person–actor graph (``eco.affiliation_graph()``, people drawn as
        diamonds and moves as labelled arrows), an ego network...
    color : attribute name, mapping, Series, set, partition or callable, default "sphere"
        Node colour (see :mod:`ecograph.style`). Spheres have fixed colours.
    size : same forms, optional
        Node size, mapped linearly onto ``node_size_range`` (e.g. a
        betweenness Series). ``None``: by number of ties.
    label : str, default "name"
        Node attribute shown as label (the id when missing).
    highlight : iterable
        Any of ``"bridges"``, ``"cut_points"``, ``"isolated"``,
        ``"brokers"`` (computed with ecograph's measures), or ``(label,
        set_of_actors)`` pairs; each gets a switch in the side panel.
    layout : DataFrame, optional
        Positions (``x``, ``y``) from :func:`ecograph.layout.layout` or an
        earlier view's ``positions``; computed with ``seed`` if missing.
    seed : int, default 0
    title : str, optional
        Defaults to the graph's name.
    lang : {"en", "fr"}, default "en"
    node_color_palette : mapping, optional
        Colour of given values (overrides the defaults).
    node_size_range, default_node_color, default_node_size
        As in ipysigma.
    node_border : same forms, optional
        Actors with a true value get a thick dark border.
    edge_style : same forms as edges are keyed, optional
        Mapping from ``(u, v)`` to ``"dashed"`` or ``"solid"``; by default
        people-only links are dashed.
    suggested_ties : DataFrame or iterable of pairs, optional
        Ties to draw dashed in the highlight colour (e.g. outreach
        suggestions), with columns ``source`` and ``target``.
    key_players : iterable of actor ids, optional
        Marked with a warning border and a switch.
    pseudonymise_people : bool, default False
        Replace people's names and ids by stable pseudonyms everywhere in
        the view (labels, cards, people links).
    highlight_on : iterable of str
        Highlights switched on when the page opens.
    aggregate_above : int or None, default 5000
        Above this many actors, draw :func:`view_communities` instead.
    precomputed : mapping, optional
        Results the caller already has for the named highlights, so that they
        are not computed again: ``{"bridges": eg.bridges(G), "cut_points":
        eg.cut_points(G), "isolated": eg.isolated_actors(G), "brokers": eg.brokers(G)}``
        (any subset).

    Returns
    -------
    NetworkView

    Examples
    --------
    >>> import ecograph as eg
    >>> eco = eg.datasets.tiny()
    >>> v = eg.view(eco.graph(), size=eg.betweenness(eco.graph()), highlight=["bridges", "isolated"], lang="fr")
    >>> [h["label"] for h in v.highlights]
    ['Ponts', 'Acteurs isolés et périphériques']
    >>> v.nodes[0]["name"], v.nodes[0]["color"]
    ('Incubator', '#CC79A7')
    """
    G = _graph_of(G)
    if aggregate_above is not None and G.number_of_nodes() > aggregate_above:
        return view_communities(G, seed=seed, title=title, lang=lang)
    if lang not in TEXT:
        raise ValueError("lang must be 'en' or 'fr'")
    T = TEXT[lang]
    nodes_list = list(G.nodes)
    is_person = {n: G.nodes[n].get("node_type") == "person" for n in nodes_list}
    people_ids = [G.nodes[n].get("person_id", n) for n in nodes_list if is_person[n]]
    aliases = _people_aliases(G, pseudonymise_people, lang)

    pos = layout if layout is not None else compute_layout(G, seed=seed)
    missing = [n for n in nodes_list if n not in pos.index]
    if missing:
        # actors the given layout lacks are laid out apart, below the others
        extra = compute_layout(G.subgraph(missing), seed=seed)
        if len(pos):
            extra["y"] += float(pos["y"].max()) + 200.0
        pos = pd.concat([pos, extra])
    colors, color_legend = resolve_colors(G, color, palette=node_color_palette, default=default_node_color)
    if size is None:
        size_spec: VisualSpec = dict(G.degree())
    else:
        size_spec = size
    sizes, size_legend = resolve_sizes(G, size_spec, size_range=node_size_range, default=default_node_size)
    borders = resolve_values(G, node_border) if node_border is not None else {}
    index = {n: i for i, n in enumerate(nodes_list)}
    count_by_color: dict = {}
    values = resolve_values(G, color) if color is not None else {}
    for n in nodes_list:
        count_by_color[values.get(n)] = count_by_color.get(values.get(n), 0) + 1

    node_records = []
    for n in nodes_list:
        d = G.nodes[n]
        person = is_person[n]
        shown = aliases.get(n) if person and aliases else None
        name = shown or _text(d.get(label)) or _text(n)
        card = _node_card(n, d, person, shown, lang)
        node_records.append(
            {
                "id": index[n],
                "key": (aliases.get(n, "") if person and aliases else _text(n)),
                "name": name,
                "label": name if len(name) <= 40 else name[:38] + "…",
                "x": float(pos.at[n, "x"]),
                "y": float(pos.at[n, "y"]),
                "color": "#FFFFFF" if person else colors[n],
                "border": "#555555" if person else colors[n],
                "borderWidth": 3 if borders.get(n) else (2 if person else 1),
                "size": 10.0 if person else round(sizes[n], 2),
                "shape": "diamond" if person else "dot",
                "fontSize": 12 if len(nodes_list) <= 300 else 0,
                "groups": {"sphere": _text(d.get("sphere")), "kind": T["person"] if person else _text(d.get("kind"))},
                "card": card,
            }
        )

    edge_records = []
    types_count: dict[str, int] = {}
    styles = edge_style if isinstance(edge_style, Mapping) else {}
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        types = list(d.get("types") or ([] if is_person[u] or is_person[v] else ["tie"]))
        if is_person[u] or is_person[v]:
            types = ["affiliation"]
        for t in types:
            types_count[t] = types_count.get(t, 0) + 1
        people_only = types == ["people"]
        dashed = styles.get((u, v), styles.get((v, u))) == "dashed" if styles else people_only
        edge_records.append(
            {
                "id": i,
                "from": index[u],
                "to": index[v],
                "types": types,
                "dashes": bool(dashed),
                "width": round(1.0 + min(float(d.get("n_ties", 1) or 1), 5.0) * 0.4, 2),
                "color": "#8a8a8a" if not people_only else "#6f6f6f",
                "title": f"{node_records[index[u]]['name']} — {node_records[index[v]]['name']}",
                "card": _edge_card(d, aliases, lang),
            }
        )
    # moves of people between structures (affiliation graph): labelled arrows
    for move in G.graph.get("moves", []):
        a, b = move["source"], move["target"]
        if a in index and b in index:
            year = _text(move.get("year"))
            edge_records.append(
                {
                    "id": len(edge_records),
                    "from": index[a],
                    "to": index[b],
                    "types": ["move"],
                    "dashes": True,
                    "arrows": True,
                    "label": year,
                    "width": 2.0,
                    "color": "#444444",
                    "title": f"{node_records[index[a]]['name']} → {node_records[index[b]]['name']}",
                    "card": [
                        (T["person"], aliases.get(f"person:{move['person']}", move["person"]) if aliases else move["person"]),
                        ("year", year),
                    ],
                }
            )
            types_count["move"] = types_count.get("move", 0) + 1
    if suggested_ties is not None:
        pairs = (
            list(zip(suggested_ties["source"], suggested_ties["target"]))
            if isinstance(suggested_ties, pd.DataFrame)
            else list(suggested_ties)
        )
        for a, b in pairs:
            if a not in index or b not in index:
                raise UnknownActorError(f"suggested tie {a!r}–{b!r} names an actor not in the graph")
            edge_records.append(
                {
                    "id": len(edge_records),
                    "from": index[a],
                    "to": index[b],
                    "types": ["suggested"],
                    "dashes": [8, 6],
                    "width": 2.5,
                    "color": HIGHLIGHT_COLOR,
                    "title": f"{node_records[index[a]]['name']} — {node_records[index[b]]['name']}",
                    "card": [(T["suggested"], "")],
                }
            )
            types_count["suggested"] = types_count.get("suggested", 0) + 1

    # legend
    legend = []
    if color is not None:
        items = []
        for value, col in color_legend.items():
            shown = _sphere_label(value, lang) if isinstance(color, str) and color == "sphere" else (_text(value) or T["no_sphere"])
            items.append(
                {"label": f"{shown} ({count_by_color.get(value, count_by_color.get(None, 0) if value == '' else 0)})", "color": col}
            )
        if any(is_person.values()):
            items.append({"label": f"{T['person']} ({len(people_ids)})", "color": "#FFFFFF"})
        if isinstance(color, str):
            title_color = T["sphere"] if color == "sphere" else f"{T['color']}: {color}"
        elif hasattr(color, "membership"):
            title_color = T["community"]
        else:
            title_color = f"{T['color']}: {getattr(color, 'name', None) or '…'}"
        legend.append({"title": title_color, "items": items})
    size_text = (
        (size if isinstance(size, str) else getattr(size, "name", None) or "…")
        if size is not None
        else ("degree" if lang == "en" else "nombre de liens")
    )
    if size_legend:
        legend.append({"title": f"{T['size']}: {size_text}", "items": [{"label": f"{size_legend['min']:.3g} – {size_legend['max']:.3g}"}]})
    tie_items = [{"label": T["tie"], "kind": "line", "color": "#8a8a8a"}]
    if "people" in types_count:
        tie_items.append({"label": T["people_link"], "kind": "line", "dashed": True, "color": "#6f6f6f"})
    if "move" in types_count:
        tie_items.append({"label": T["move"], "kind": "line", "dashed": True, "color": "#444444"})
    if "suggested" in types_count:
        tie_items.append({"label": T["suggested"], "kind": "line", "dashed": True, "color": HIGHLIGHT_COLOR})
    legend.append({"title": T["ties"], "items": tie_items})

    # filters
    filters = []
    for key in ("sphere", "kind"):
        counts: dict[str, int] = {}
        for rec in node_records:
            counts[rec["groups"][key]] = counts.get(rec["groups"][key], 0) + 1
        if len(counts) > 1:
            vals = sorted(counts, key=lambda v: (v == "", v))
            filters.append(
                {
                    "key": key,
                    "target": "node",
                    "title": T[key],
                    "values": [
                        {
                            "value": v,
                            "label": (_sphere_label(v, lang) if key == "sphere" else (KIND_LABELS[lang].get(v, v) or "–")),
                            "count": counts[v],
                        }
                        for v in vals
                    ],
                }
            )
    if len(types_count) > 1:
        filters.append(
            {
                "key": "type",
                "target": "edge",
                "title": T["type"],
                "values": [{"value": t, "label": t, "count": c} for t, c in sorted(types_count.items())],
            }
        )
    for rec in node_records:
        rec["groups"]["type"] = ""

    # highlights
    hl = _highlight_sets(G, highlight, "sphere", lang, precomputed)
    if key_players is not None:
        hl.append({"key": "key_players", "label": T["key_players"], "nodes": set(key_players), "edges": set()})
    edge_index = {}
    for rec, (u, v) in zip(edge_records, G.edges()):
        edge_index[(u, v)] = rec["id"]
        edge_index[(v, u)] = rec["id"]
    on = set(highlight_on) | ({"key_players"} if key_players is not None else set())
    highlights = [
        {
            "key": h["key"],
            "label": h["label"],
            "nodes": sorted(index[n] for n in h["nodes"] if n in index),
            "edges": sorted(edge_index[e] for e in h["edges"] if e in edge_index),
            "on": h["key"] in on,
        }
        for h in hl
    ]
    options = {
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 100, "hideEdgesOnDrag": len(edge_records) > 2000, "navigationButtons": False},
        "edges": {"smooth": False},
        "nodes": {"font": {"face": "system-ui, Arial, sans-serif"}},
        "layout": {"improvedLayout": False},
    }
    name = title or G.graph.get("name") or ("network" if lang == "en" else "réseau")
    return NetworkView(
        title=str(name),
        nodes=node_records,
        edges=edge_records,
        legend=legend,
        filters=filters,
        highlights=highlights,
        positions=pos.loc[nodes_list],
        lang=lang,
        synthetic=bool(G.graph.get("synthetic")),
        seed=seed,
        options=options,
    )


def _people_aliases(G: nx.Graph, pseudonymise: bool, lang: str) -> dict:
    """Node → shown name for people (pseudonyms when asked)."""
    if not pseudonymise:
        return {}
    ids = set()
    for n, d in G.nodes(data=True):
        if d.get("node_type") == "person":
            ids.add(d.get("person_id", n))
    for _, _, d in G.edges(data=True):
        for link in d.get("people_links", []):
            ids.add(link["person"])
    for move in G.graph.get("moves", []):
        ids.add(move["person"])
    names = pseudonyms(ids, lang=lang)
    out = {}
    for n, d in G.nodes(data=True):
        if d.get("node_type") == "person":
            out[n] = names[d.get("person_id", n)]
    out.update({pid: alias for pid, alias in names.items()})
    out.update({f"person:{pid}": alias for pid, alias in names.items()})
    return out


def _node_card(n: Any, d: dict, person: bool, alias: str | None, lang: str) -> list[tuple[str, str]]:
    if person:
        return [(TEXT[lang]["person"], alias or _text(d.get("name")) or _text(n))]
    labels = _CARD_LABELS[lang]
    card = [(labels["id"], _text(n))]
    for key in _CARD_FIELDS:
        value = d.get(key)
        if key == "sphere":
            value = _sphere_label(value or "", lang) if value is not None else None
        elif key == "kind" and value is not None:
            value = KIND_LABELS[lang].get(value, value)
        text = _text(value)
        if text:
            card.append((labels[key], text))
    for key in ("betweenness", "degree", "community"):
        if key in d:
            card.append((labels[key], _text(round(d[key], 4) if isinstance(d[key], float) else d[key])))
    return card


def _edge_card(d: dict, aliases: dict, lang: str) -> list[tuple[str, str]]:
    card = []
    if d.get("types"):
        card.append(("types", ", ".join(d["types"])))
    for t in d.get("ties", [])[:8]:
        card.append((t.get("type", ""), _text(t.get("evidence"))))
    for link in d.get("people_links", [])[:8]:
        who = aliases.get(link["person"], link["person"]) if aliases else link["person"]
        card.append((link["kind"], f"{who} ({_text(link.get('year'))})" if link.get("year") else who))
    for a in d.get("affiliations", [])[:8]:
        card.append((_text(a.get("role")) or "affiliation", f"{_text(a.get('start'))}–{_text(a.get('end'))}"))
    return card


def view_ego(G: Any, actor: Any, *, radius: int = 2, **kwargs: Any) -> NetworkView:
    """The neighbourhood of one actor, up to ``radius`` steps, with the actor marked.

    Examples
    --------
    >>> import ecograph as eg
    >>> v = eg.view_ego(eg.datasets.tiny().graph(), "fablab", radius=1)
    >>> sorted(n["key"] for n in v.nodes)
    ['coop', 'fablab', 'incubator', 'network']
    """
    G = _graph_of(G)
    if actor not in G:
        raise UnknownActorError(f"actor {actor!r} is not in the graph")
    ego = nx.ego_graph(G, actor, radius=radius)
    ego.graph.update(G.graph)
    name = _text(G.nodes[actor].get("name")) or _text(actor)
    kwargs.setdefault("title", name)
    kwargs.setdefault("node_border", {actor})
    return view(ego, **kwargs)


def view_community(G: Any, communities: Any, community: int, *, with_neighbours: bool = False, **kwargs: Any) -> NetworkView:
    """Drill down into one community: its actors (and, optionally, their outside contacts).

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
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
    G = _graph_of(G)
    members = set(communities.membership.index[communities.membership == community])
    if not members:
        raise ValueError(f"there is no community {community!r}; communities are numbered 0 to {communities.n_communities - 1}")
    shown = set(members)
    if with_neighbours:
        for n in members:
            shown.update(G[n])
    sub = G.subgraph(shown).copy()
    sub.graph.update(G.graph)
    kwargs.setdefault("title", f"{TEXT[kwargs.get('lang', 'en')]['community']} {community}")
    if with_neighbours:
        kwargs.setdefault("node_border", shown - members)
    return view(sub, aggregate_above=None, **kwargs)


def view_communities(
    G: Any, communities: Any = None, *, seed: int = 0, title: str | None = None, lang: str = "en", top: int = 10
) -> NetworkView:
    """One node per community, sized by members, ties weighted; click a community to list its members.

    Used automatically by :func:`view` above :data:`AGGREGATE_ABOVE` actors.
    Each community's card lists its best-connected members; drill down into
    one community with :func:`view_community`.

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
    communities : Communities, optional
        Detected with :func:`ecograph.detect_communities` (``seed``) if missing.
    top : int, default 10
        Members listed in each community's card (by number of ties).

    Examples
    --------
    >>> import ecograph as eg
    >>> v = eg.view_communities(eg.datasets.synthetic(600, seed=1).graph())
    >>> v.nodes[0]["card"][0][0]
    'members'
    """
    from .communities import detect_communities
    from .sparse import as_sparse

    S = as_sparse(G)
    comms = communities if communities is not None else detect_communities(S, seed=seed)
    membership = comms.membership.reindex(S.nodes)
    codes = membership.to_numpy(dtype=np.int64)
    k = int(codes.max()) + 1
    u, v, _ = S.edges()
    cu, cv = codes[u], codes[v]
    cross = cu != cv
    a, b = np.minimum(cu[cross], cv[cross]), np.maximum(cu[cross], cv[cross])
    pair_counts = pd.Series(1, index=pd.MultiIndex.from_arrays([a, b])).groupby(level=[0, 1]).sum() if len(a) else pd.Series(dtype=int)
    sizes = np.bincount(codes, minlength=k)
    deg = S.degrees()
    try:
        spheres = S.labels("sphere")
    except Exception:  # graphs without spheres: colour by size only
        spheres = np.array([""] * S.n, dtype=object)
    try:
        names = S.labels("name")
    except Exception:
        names = np.array([str(x) for x in S.nodes], dtype=object)
    Q = nx.Graph()
    Q.graph.update(
        {
            "name": title or f"{S.graph.get('name') or 'network'}: {TEXT[lang]['community'].lower()}",
            "synthetic": S.graph.get("synthetic", False),
        }
    )
    # every community's members, best connected first, from one sort
    by_community = np.lexsort((-deg, codes))
    bounds = np.searchsorted(codes[by_community], np.arange(k + 1))
    top_members = [by_community[bounds[c] : bounds[c + 1]][:top] for c in range(k)]
    dominant_sphere = pd.DataFrame({"c": codes, "s": spheres}).groupby("c")["s"].agg(lambda x: x.value_counts().index[0])
    for c in range(k):
        dominant = dominant_sphere.get(c, "")
        order = top_members[c]
        Q.add_node(
            f"community {c}",
            name=f"{TEXT[lang]['community']} {c} ({sizes[c]})",
            sphere=dominant,
            kind="community",
            members=int(sizes[c]),
            description="; ".join(_text(names[i]) for i in order),
        )
    for (x, y), w in pair_counts.items():
        Q.add_edge(f"community {x}", f"community {y}", n_ties=int(w), types=["ties"])
    v = view(Q, color="sphere", size="members", seed=seed, lang=lang, aggregate_above=None)
    for rec in v.nodes:
        c = int(rec["key"].split()[-1])
        rec["card"] = [
            (TEXT[lang]["members"], str(sizes[c])),
            (TEXT[lang]["sphere"], _sphere_label(Q.nodes[rec["key"]]["sphere"], lang)),
        ] + [(str(i + 1), _text(names[j])) for i, j in enumerate(top_members[c])]
    return v
