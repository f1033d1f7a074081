"""The side panel's legend and filters, from the resolved visual variables and the records.

Every legend item carries its count over all years (``count``); the page
recounts what is drawn when the year changes. A missing value is unknown: it
gets its own neutral item labelled as unknown (``unknown: true``), never a
group of its own among the spheres.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..words import label, word
from .records import MOVE_COLOR, PEOPLE_LINK_COLOR, PERSON_FILL, SUGGESTED_COLOR, TIE_COLOR, group_words, text

__all__: list[str] = []


def _value_words(color: Any, value: Any, lang: str, own: Mapping | None = None) -> str:
    if isinstance(color, str):
        return label(color, value, lang, own)
    if value is True:
        return word("common.yes", lang)
    if value is False:
        return word("common.no", lang)
    return text(value) or word("common.unknown", lang)


def _color_title(color: Any, lang: str, group: str = "sphere") -> str:
    if isinstance(color, str):
        return group_words(group, lang, heading=True) if color == "sphere" else word("views.color", lang, name=color)
    if hasattr(color, "membership"):
        return word("views.community", lang)
    return word("views.color", lang, name=getattr(color, "name", None) or "…")


def color_section(
    color: Any, legend: Mapping, values: Mapping, people: int, lang: str, own: Mapping | None = None, group: str = "sphere"
) -> tuple[dict, dict]:
    """The colour section and the legend item of every actor (its index in the section); ``group`` names the sphere column."""
    keys = list(legend)
    position = {k: i for i, k in enumerate(keys)}
    items = []
    for k in keys:
        unknown = k == "" or k is None
        items.append({"label": _value_words(color, None if unknown else k, lang, own), "color": legend[k], "count": 0, "unknown": unknown})
    item_of = {}
    for n, v in values.items():
        i = position.get("" if v is None or v == "" else v)
        if i is None:  # numeric scales list their ends only
            continue
        item_of[n] = i
        items[i]["count"] += 1
    if not item_of:  # a numeric scale: its two ends, no counts
        for item in items:
            item["count"] = None
    if people:
        items.append({"label": word("views.person", lang), "color": PERSON_FILL, "count": people, "people": True})
    return {"title": _color_title(color, lang, group), "items": items}, item_of


def size_section(size: Any, size_legend: Mapping, lang: str) -> dict | None:
    """What node size means, with its range."""
    if not size_legend:
        return None
    name = (size if isinstance(size, str) else getattr(size, "name", None) or "…") if size is not None else word("views.size_degree", lang)
    return {"title": word("views.size", lang, name=name), "items": [{"label": f"{size_legend['min']:.3g} – {size_legend['max']:.3g}"}]}


def ties_section(counts: Mapping[str, int], lang: str) -> dict:
    """The kinds of lines drawn."""
    items = [{"label": word("views.tie", lang), "kind": "line", "color": TIE_COLOR}]
    if "affiliation" in counts:
        items = [{"label": word("views.affiliation", lang), "kind": "line", "color": TIE_COLOR}]
    if "people" in counts:
        items.append({"label": word("views.people_link", lang), "kind": "line", "dashed": True, "color": PEOPLE_LINK_COLOR})
    if "move" in counts:
        items.append({"label": word("views.move", lang), "kind": "line", "dashed": True, "color": MOVE_COLOR})
    if "suggested" in counts:
        items.append({"label": word("views.suggested", lang), "kind": "line", "dashed": True, "color": SUGGESTED_COLOR})
    return {"title": word("views.ties", lang), "items": items}


def filters(nodes: list[dict], counts: Mapping[str, int], lang: str, own: Mapping | None = None, group: str = "sphere") -> list[dict]:
    """Filters by sphere (headed by the dataset's word for its groups, ``group``) and kind (when actors differ), and by tie type."""
    out = []
    for key in ("sphere", "kind"):
        seen: dict[str, int] = {}
        for rec in nodes:
            if key in rec["groups"]:
                seen[rec["groups"][key]] = seen.get(rec["groups"][key], 0) + 1
        if len(seen) > 1:
            values = sorted(seen, key=lambda v: (v == "", v))
            out.append(
                {
                    "key": key,
                    "target": "node",
                    "title": group_words(group, lang, heading=True) if key == "sphere" else word(f"views.{key}", lang),
                    "values": [{"value": v, "label": label(key, v, lang, own), "count": seen[v], "unknown": v == ""} for v in values],
                }
            )
    if len(counts) > 1:
        out.append(
            {
                "key": "type",
                "target": "edge",
                "title": word("views.type", lang),
                "values": [{"value": t, "label": _type_words(t, lang, own), "count": c} for t, c in sorted(counts.items())],
            }
        )
    return out


def _type_words(t: str, lang: str, own: Mapping | None = None) -> str:
    if t in ("tie", "affiliation", "move", "suggested"):
        return word(f"views.{t}", lang)
    return label("type", t, lang, own)
