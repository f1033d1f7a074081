"""The :class:`NetworkView` object: the records of a view, and the one-file page (or pyvis network) made from them."""

from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..words import section, word
from .template import json_for_script, page

if TYPE_CHECKING:  # pragma: no cover
    from pyvis.network import Network

__all__ = ["NetworkView", "RENDERERS"]

#: The renderers: vis-network on a canvas, sigma.js on WebGL (for large views).
RENDERERS = ("canvas", "webgl")


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    return (resources.files("ecograph.views") / "assets" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    # pyvis's folder found without importing pyvis, which imports IPython (0.1 s) to read two files
    lib = Path(find_spec("pyvis").submodule_search_locations[0]) / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


@dataclass
class NetworkView:
    """An interactive network view, ready to write or show.

    Build it with :func:`~ecograph.view`, :func:`~ecograph.view_ego`,
    :func:`~ecograph.view_community` or :func:`~ecograph.view_communities`.
    ``nodes`` and ``edges`` are the records drawn (plain data: positions,
    colours, sizes, cards, years), ``legend``, ``filters`` and ``highlights``
    the side panel, ``positions`` the layout (reusable by other views and
    figures through ``layout=``), ``renderer`` ``"canvas"`` (vis-network)
    or ``"webgl"`` (sigma.js, for large views). ``time`` gives the years the
    slider runs over, ``geo`` the map (boundaries, actors without
    coordinates), ``moves`` the moves of people the slider animates.

    Examples
    --------
    >>> import tempfile, pathlib, ecograph as eg
    >>> v = eg.view(eg.datasets.tiny().graph())
    >>> path = v.write_html(pathlib.Path(tempfile.mkdtemp()) / "map.html")
    >>> v._repr_html_().startswith("<iframe"), path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    (True, True)
    >>> v.time
    {'min': 2000, 'max': 2018}
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
    renderer: str = "canvas"
    time: dict | None = None
    geo: dict | None = None
    moves: list[dict] = field(default_factory=list)
    captions: list[dict] = field(default_factory=list)
    order: list[int] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"<NetworkView {self.title!r}: {len(self.nodes)} actors, {len(self.edges)} ties>"

    def text(self, lang: str | None = None) -> str:
        """What the view shows, in ``lang`` (default: the view's own language); Jupyter shows it where it cannot show the page.

        >>> import ecograph as eg
        >>> print(eg.view(eg.datasets.tiny(), lang="fr").text())
        Vue « Tiny example ecosystem » : 8 acteurs, 9 liens
        """
        return word("views.view", lang or self.lang, title=self.title, nodes=len(self.nodes), edges=len(self.edges))

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(self.text())

    def _payload(self) -> dict:
        return {
            "title": self.title,
            "lang": self.lang,
            "synthetic": self.synthetic,
            "renderer": self.renderer,
            "text": section("views", self.lang),
            "nodes": _columns(self.nodes),
            "edges": _columns(self.edges),
            "legend": self.legend,
            "filters": self.filters,
            "highlights": self.highlights,
            "options": self.options,
            "time": self.time,
            "geo": self.geo,
            "moves": self.moves,
            "captions": self.captions,
            "order": self.order,
            "filename": "".join(c if c.isalnum() or c in "-_" else "-" for c in self.title)[:60] or "network",
        }

    def to_html(self) -> str:
        """The whole self-contained page as text."""
        css = _asset("view.css")
        if self.renderer == "webgl":
            styles, libraries = [css], [_asset("sigma-graphology.min.js")]
        else:
            vis_js, vis_css = _vis_assets()
            styles, libraries = [vis_css, css], [vis_js]
        return page(lang=self.lang, styles=styles, data=json_for_script(self._payload()), scripts=[*libraries, _asset("view.js")])

    def write_html(self, path: str | os.PathLike) -> Path:
        """Write the view as one self-contained HTML file (UTF-8 on every system)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.to_html(), encoding="utf-8", newline="\n")
        return path

    def _repr_html_(self) -> str:
        """The view embedded in a sandboxed iframe (no file written)."""
        doc = html.escape(self.to_html(), quote=True)
        label = html.escape(self.title, quote=True)
        return (
            f'<iframe title="{label}" srcdoc="{doc}" sandbox="allow-scripts allow-downloads" '
            'style="width:100%;height:640px;border:1px solid #ddd" loading="eager"></iframe>'
        )

    def to_pyvis(self, **network_options: Any) -> Network:
        """The same drawing as a :class:`pyvis.network.Network`, for pyvis's own API.

        Nodes keep their positions, colours, sizes and shapes, physics is
        off, and every tooltip (``title``) is the card's text with HTML
        escaped, so that pyvis, which shows titles as HTML, shows them as
        text. Node ids are the actors' ids. ``network_options`` go to
        ``Network`` (by default ``cdn_resources="in_line"``, so that what
        pyvis writes does not fetch vis-network from a CDN).

        Examples
        --------
        >>> import ecograph as eg
        >>> v = eg.view(eg.datasets.tiny().graph())
        >>> net = v.to_pyvis()
        >>> node = net.get_node("fablab")
        >>> (node["x"], node["y"]) == (v.nodes[3]["x"], v.nodes[3]["y"]), node["physics"]
        (True, False)
        """
        from pyvis.network import Network  # deferred: pyvis's import takes a third of a second

        options = {"height": "640px", "width": "100%", "cdn_resources": "in_line", "directed": any(e.get("arrows") for e in self.edges)}
        options.update(network_options)
        net = Network(**options)
        keys = [n["key"] for n in self.nodes]
        ids = keys if len(set(keys)) == len(keys) else [n["id"] for n in self.nodes]
        for n, node_id in zip(self.nodes, ids):
            net.add_node(
                node_id,
                label=n["label"],
                x=n["x"],
                y=n["y"],
                size=n["size"],
                shape=n["shape"],
                color={"background": n["color"], "border": n["border"]},
                borderWidth=n["borderWidth"],
                title=html.escape(_card_text(n["name"], n["card"])),
                physics=False,
            )
        for e in self.edges:
            a, b = ids[e["from"]], ids[e["to"]]
            title = f"{self.nodes[e['from']]['name']} — {self.nodes[e['to']]['name']}"
            extra = {"arrows": "to"} if e.get("arrows") else {}
            if e.get("label"):
                extra["label"] = e["label"]
            net.add_edge(
                a, b, color=e["color"], width=e["width"], dashes=e["dashes"], title=html.escape(_card_text(title, e["card"])), **extra
            )
        net.toggle_physics(False)
        return net


#: Fields whose values hardly repeat: sent as they are.
_UNIQUE = frozenset({"id", "key", "name", "label", "x", "y", "from", "to", "geo"})


def _columns(records: list[dict]) -> dict:
    """Records as columns, for a smaller page that parses faster: ``{"n": count, "columns": {field: column}}``.

    A column is ``{"values": [...]}`` (one value per record, ``None`` where
    the record lacks the field), or ``{"values": [distinct values],
    "codes": [...]}`` when values repeat; cards become lists of ``[label
    number, text]`` with the labels listed once (``"labels"``). The page's
    script turns the columns back into records.

    >>> _columns([{"a": 1, "c": "x"}, {"a": 2, "c": "x"}, {"a": 3, "c": "x"}, {"a": 4, "c": "x"}])
    {'n': 4, 'columns': {'a': {'values': [1, 2, 3, 4]}, 'c': {'values': ['x'], 'codes': [0, 0, 0, 0]}}}
    """
    fields = list(dict.fromkeys(k for rec in records for k in rec))
    columns: dict[str, dict] = {}
    for f in fields:
        values = [rec.get(f) for rec in records]
        if f == "card":
            labels: dict[str, int] = {}
            number = labels.setdefault
            cards = [[[number(k, len(labels)), v] for k, v in card] if card else [] for card in values]
            columns[f] = {"values": cards, "labels": list(labels)}
            continue
        if f in _UNIQUE:
            columns[f] = {"values": values}
            continue
        seen: dict[Any, int] = {}
        codes = [seen.setdefault(_hashable(v), len(seen)) for v in values]
        if len(seen) * 4 <= len(values):
            distinct = [None] * len(seen)
            for v, c in zip(values, codes):
                distinct[c] = v
            columns[f] = {"values": distinct, "codes": codes}
        else:
            columns[f] = {"values": values}
    return {"n": len(records), "columns": columns}


def _hashable(value: Any) -> Any:
    """A key telling values apart exactly (1, 1.0 and True differ; lists and dicts by their text)."""
    if value is None or isinstance(value, (str, int, float)):
        return (type(value), value)
    return repr(value)


def _card_text(title: str, card: list) -> str:
    lines = [title] + [f"{k}: {v}" if v else str(k) for k, v in card]
    return "\n".join(lines)
