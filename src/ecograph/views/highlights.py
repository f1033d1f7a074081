"""Highlights: named sets of actors or ties the side panel switches on and off.

The named ones (``"bridges"``, ``"cut_points"``, ``"isolated"``,
``"brokers"``) are read from an :class:`~ecograph.Analysis`, which computes
each measure once; a caller may give them as values instead (the measure's
result, or a set), and any ``(label, set of actors)`` pair is a highlight too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ..measures.analysis import Analysis
from ..words import word

__all__ = ["NAMED_HIGHLIGHTS"]

#: The highlights known by name, read from an Analysis.
NAMED_HIGHLIGHTS = ("bridges", "cut_points", "isolated", "brokers")


def _top_brokers(table: pd.DataFrame) -> set:
    """The brokers worth a switch: positive betweenness, the top 5 to 20 (a twentieth of the actors)."""
    top = table[table["betweenness"] > 0].sort_values("betweenness", ascending=False, kind="stable")
    return set(top.head(max(5, min(20, len(table) // 20))).index)


def _members(name: str, value: Any) -> tuple[set, set]:
    """(actors, ties) of a named highlight from the measure's result or a set."""
    if name == "bridges":
        if isinstance(value, pd.DataFrame):
            return set(), set(zip(value["source"], value["target"]))
        return set(), {tuple(pair) for pair in value}
    if name == "brokers" and isinstance(value, pd.DataFrame):
        return _top_brokers(value), set()
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
            name, value = item, getattr(analysis, item)
        else:
            name, value = item
        if name in NAMED_HIGHLIGHTS:
            nodes, edges = _members(name, value)
            out.append({"key": name, "label": word(f"views.{name}", lang), "nodes": nodes, "edges": edges})
        else:
            out.append({"key": f"custom-{len(out)}", "label": str(name), "nodes": set(value), "edges": set()})
    return out


def highlight_records(sets: list[dict], *, index: Mapping, edge_index: Mapping, on: Iterable[str]) -> list[dict]:
    """Highlights as the page needs them: node and edge numbers, whether switched on when the page opens."""
    on = set(on)
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
