"""Highlights: named sets of actors or ties the side panel switches on and off.

The named ones are read from an :class:`~ecograph.Analysis`, which decides
each once (:func:`ecograph.actor_standing`), so that a view highlights the
same actors, under the same name, as the brief and the worklist count:

* ``"to_reach"``: the actors on the outreach worklist (``"isolated"`` is
  another name for it);
* ``"no_known_tie"``, ``"outside_main"``: the actors without a known tie,
  outside the largest connected part;
* ``"connectors"``: the organisations named connectors (``"brokers"`` is
  another name for it), never a programme, event, fund, territory or
  recommendation;
* ``"cut_points"``: the organisations whose departure cuts others off;
* ``"bridges"``: the ties whose loss cuts the network.

A caller may give them as values instead (the measure's result, or a set),
and any ``(label, set of actors)`` pair is a highlight too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ..measures.analysis import Analysis
from ..words import word

__all__ = ["NAMED_HIGHLIGHTS"]

#: The highlights known by name, read from an Analysis (the standing columns of :func:`ecograph.actor_standing`).
NAMED_HIGHLIGHTS = ("bridges", "cut_points", "to_reach", "no_known_tie", "outside_main", "connectors", "isolated", "brokers")
#: Older names of the same highlights.
ALIASES = {"isolated": "to_reach", "brokers": "connectors"}
#: The standing column each named highlight of actors shows.
_STANDING = {
    "cut_points": "cut_point",
    "to_reach": "to_reach",
    "no_known_tie": "no_known_tie",
    "outside_main": "outside_main",
    "connectors": "connector",
}


def _members(name: str, value: Any) -> tuple[set, set]:
    """(actors, ties) of a named highlight from the measure's result or a set."""
    if name == "bridges":
        if isinstance(value, pd.DataFrame):
            return set(), set(zip(value["source"], value["target"]))
        return set(), {tuple(pair) for pair in value}
    if isinstance(value, pd.DataFrame) and _STANDING.get(name) in value.columns:  # the standing table: its yes column
        return set(value.index[value[_STANDING[name]].to_numpy(dtype=bool)]), set()
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return set(value.index), set()
    return set(value), set()


def highlight_sets(highlight: Iterable | Mapping, analysis: Analysis, lang: str) -> list[dict]:
    """Each highlight as ``{"key", "label", "nodes", "edges"}`` (sets of actor ids and of actor pairs)."""
    items = list(highlight.items()) if isinstance(highlight, Mapping) else list(highlight)
    out = []
    for item in items:
        if isinstance(item, str):
            if item not in NAMED_HIGHLIGHTS:
                raise ValueError(
                    f"unknown highlight {item!r}: use {', '.join(repr(h) for h in NAMED_HIGHLIGHTS)} or (label, set of actors)"
                )
            name = ALIASES.get(item, item)
            value = analysis.bridges if name == "bridges" else analysis.standing
        else:
            name, value = item
            name = ALIASES.get(name, name) if isinstance(name, str) else name
        if name in NAMED_HIGHLIGHTS:
            nodes, edges = _members(name, value)
            out.append(
                {
                    "key": name,
                    "label": word(f"standing.{_STANDING[name]}" if name in _STANDING else f"views.{name}", lang),
                    "nodes": nodes,
                    "edges": edges,
                }
            )
        else:
            out.append({"key": f"custom-{len(out)}", "label": str(name), "nodes": set(value), "edges": set()})
    return out


def highlight_records(sets: list[dict], *, index: Mapping, edge_index: Mapping, on: Iterable[str]) -> list[dict]:
    """Highlights as the page needs them: node and edge numbers, whether switched on when the page opens."""
    on = {ALIASES.get(k, k) for k in on}
    return [
        {
            "key": h["key"],
            "label": h["label"],
            "nodes": sorted(index[n] for n in h["nodes"] if n in index),
            "edges": sorted(edge_index[e] for e in h["edges"] if e in edge_index),
            "on": h["key"] in on,
        }
        for h in sets
    ]
