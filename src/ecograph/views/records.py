"""What a view draws, as plain records: one per actor (node), one per tie (edge), and the moves of people.

Records hold values only: positions, colours and sizes already resolved,
cards as ``(label, text)`` pairs, and the years each item exists (``t``: a
``[start, end]`` pair for an actor, a list of such pairs for a tie, ``None``
standing for an open or unknown bound). Nothing here computes a measure.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ..errors import UnknownActorError
from ..privacy import pseudonyms
from ..words import is_missing, label, word
from .style import HIGHLIGHT_COLOR

__all__: list[str] = []


@lru_cache(maxsize=4096)
def _word(key: str, lang: str) -> str:
    """A text without placeholders, looked up once (cards repeat the same few)."""
    return word(key, lang)


@lru_cache(maxsize=4096)
def _label(field: str, value: Any, lang: str) -> str:
    return label(field, value, lang)


def _code_words(field: str, value: Any, lang: str) -> str:
    """Words for a code, cached when the code can be a key."""
    try:
        return _label(field, value, lang)
    except TypeError:  # an unhashable value
        return label(field, value, lang)


#: Actor attributes shown in a card, in this order.
CARD_FIELDS = ("kind", "sphere", "scope", "founded", "closed", "commune", "website", "description", "source")
#: Values given for display (measures read elsewhere) shown after them.
CARD_VALUES = ("betweenness", "degree", "community")
#: Colours of the lines (the legend uses the same).
TIE_COLOR = "#8a8a8a"
PEOPLE_LINK_COLOR = "#56B4E9"
MOVE_COLOR = "#444444"
SUGGESTED_COLOR = HIGHLIGHT_COLOR
PERSON_FILL = "#FFFFFF"
PERSON_BORDER = "#555555"


def text(value: Any) -> str:
    """A value as the text a card shows ("" for a missing value)."""
    if isinstance(value, (list, tuple)):
        return ", ".join(text(v) for v in value)
    if not isinstance(value, str) and is_missing(value):
        return ""
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value)


def group_words(name: str | None, lang: str, *, heading: bool = False) -> str:
    """The word for one group of a grouping named ``name``: the spheres' words, else the dataset's own word (``"faction"``).

    ``name`` is ``"sphere"`` (or missing) for the spheres, a dataset's own
    word (its metadata's ``group``, carried as ``G.graph["group"]``) or an
    attribute's name; ``""`` is a grouping without a name. ``heading``
    starts it with a capital, as legend and filter titles do.

    >>> group_words("sphere", "fr", heading=True), group_words("faction", "fr", heading=True), group_words("", "en")
    ('Sphère', 'Faction', 'group')
    """
    if name in (None, "sphere"):
        words = word("views.card_sphere", lang)
    elif name == "":
        words = word("views.card_group", lang)
    else:
        words = str(name)
    return words[:1].upper() + words[1:] if heading else words


#: The years a view places on its time slider; a year outside them (``inf``, ``1e300``, ``-5``) is unknown.
YEARS = (1, 9999)


def year(value: Any) -> int | None:
    """The year of a number, a year text or an ISO date; None where missing, unreadable or not a plausible year.

    A view treats such a year as unknown (the actor or tie is there in every
    year), as it does an empty cell: ``founded=inf``, NaN or ``1e300`` never
    stops a view from being drawn, and never stretches its time slider.

    Examples
    --------
    >>> [year(v) for v in (2012, 2012.0, "2012-05-01", float("inf"), float("nan"), 1e300, 99999, "soon")]
    [2012, 2012, 2012, None, None, None, None, None]
    """
    if value is None or (not isinstance(value, str) and is_missing(value)):
        return None
    if isinstance(value, (int, np.integer, float, np.floating)) and not isinstance(value, (bool, np.bool_)):
        number = float(value)
        if not np.isfinite(number) or not YEARS[0] <= number <= YEARS[1]:
            return None
        return int(number)
    head = str(value).strip()[:4]
    return int(head) if head.isdigit() and len(head) == 4 and YEARS[0] <= int(head) else None


def span(start: Any, end: Any) -> list | None:
    """``[start, end]`` years, or None when both are unknown (always there)."""
    a, b = year(start), year(end)
    return None if a is None and b is None else [a, b]


def people_aliases(G: nx.Graph, pseudonymise: bool, lang: str) -> dict:
    """Node, person id and ``person:<id>`` → shown name for people (pseudonyms when asked)."""
    if not pseudonymise:
        return {}
    ids = {d.get("person_id", n) for n, d in G.nodes(data=True) if d.get("node_type") == "person"}
    for _, _, d in G.edges(data=True):
        ids.update(link["person"] for link in d.get("people_links", []))
    ids.update(move["person"] for move in G.graph.get("moves", []))
    names = pseudonyms(ids, lang=lang)
    out = {n: names[d.get("person_id", n)] for n, d in G.nodes(data=True) if d.get("node_type") == "person"}
    out.update(names)
    out.update({f"person:{pid}": alias for pid, alias in names.items()})
    return out


def people_names(G: nx.Graph) -> dict:
    """Person id → name, for the people named on ties and moves (``G.graph["people"]`` and person nodes)."""
    named = {d.get("person_id", n): text(d.get("name")) for n, d in G.nodes(data=True) if d.get("node_type") == "person"}
    return {pid: name for pid, name in {**G.graph.get("people", {}), **named}.items() if name}


def node_card(
    n: Any, d: dict, alias: str | None, lang: str, values: Mapping[str, Mapping], own: Mapping | None = None, group: str = "sphere"
) -> list[tuple[str, str]]:
    """The card of one node: its attributes in words (a dataset's own groups by their names), the values given, last its id."""
    if d.get("node_type") == "person":
        return [(_word("views.person", lang), alias or text(d.get("name")) or text(n))]
    card = []
    for key in CARD_FIELDS:
        value = d.get(key)
        if key in ("sphere", "kind", "scope") and key in d:
            named = (own or {}).get(key, {}).get(value) if isinstance(value, str) else None
            shown = named or _code_words(key, value, lang)
        else:
            shown = text(value)
        if shown:
            card.append((group_words(group, lang) if key == "sphere" else _word(f"views.card_{key}", lang), shown))
    for key in CARD_VALUES:
        given = values.get(key)
        value = given.get(n) if given is not None else d.get(key)
        if value is not None and not is_missing(value):
            shown = text(round(float(value), 4) if isinstance(value, (float, np.floating)) else value)
            card.append((_word(f"views.card_{key}", lang), shown))
    card.append((_word("views.card_id", lang), text(n)))
    return card


def _person(aliases: Mapping, pid: Any) -> str:
    return str(aliases.get(pid, pid)) if aliases else str(pid)


def edge_card(d: dict, aliases: Mapping, lang: str, own: Mapping | None = None) -> list[tuple[str, str]]:
    """The card of one tie: its types (a dataset's own by their names, ``own``), the evidence of each tie, the people linking."""
    types = (own or {}).get("type", {})

    def named(t: Any) -> str:
        return types.get(t) or _code_words("type", t, lang) if isinstance(t, str) else _code_words("type", t, lang)

    card = []
    if d.get("types"):
        card.append((_word("views.card_types", lang), ", ".join(named(t) for t in d["types"])))
    for t in d.get("ties", [])[:8]:
        when = "–".join(x for x in (text(t.get("start")), text(t.get("end"))) if x)
        evidence = text(t.get("evidence"))
        card.append((named(t.get("type")), f"{evidence} ({when})" if when else evidence))
    for link in d.get("people_links", [])[:8]:
        who = _person(aliases, link["person"])
        kind = _word(f"views.link_{link['kind']}", lang) if link.get("kind") in ("moved", "shared") else text(link.get("kind"))
        card.append((kind, f"{who} ({text(link.get('year'))})" if link.get("year") is not None else who))
    for a in d.get("affiliations", [])[:8]:
        role = _code_words("role", a.get("role"), lang)
        card.append((role, f"{text(a.get('start'))}–{text(a.get('end'))}"))
    return card


def edge_spans(d: dict) -> list | None:
    """The years a tie exists: one ``[start, end]`` per tie, affiliation or people link (None: always)."""
    spans = []
    for t in d.get("ties", []):
        spans.append(span(t.get("start"), t.get("end")) or [None, None])
    for link in d.get("people_links", []):
        spans.append([year(link.get("year")), None])
    for a in d.get("affiliations", []):
        spans.append(span(a.get("start"), a.get("end")) or [None, None])
    if not spans or any(s == [None, None] for s in spans):
        return None
    return spans


def node_records(
    G: nx.Graph,
    *,
    index: Mapping,
    positions: pd.DataFrame,
    colors: Mapping,
    sizes: Mapping,
    borders: Mapping,
    label_attr: str,
    aliases: Mapping,
    values: Mapping[str, Mapping],
    lang: str,
    own: Mapping | None = None,
    group: str = "sphere",
) -> list[dict]:
    """One record per node, in graph order (``own``, ``group``: the dataset's own codes and grouping, for the cards)."""
    xs, ys = positions["x"].to_dict(), positions["y"].to_dict()
    records = []
    for n, d in G.nodes(data=True):
        person = d.get("node_type") == "person"
        shown = aliases.get(n) if person and aliases else None
        name = shown or text(d.get(label_attr)) or text(n)
        rec = {
            "id": index[n],
            "key": (aliases.get(n, "") if person and aliases else text(n)),
            "name": name,
            "label": name if len(name) <= 40 else name[:38] + "…",
            "x": float(xs[n]),
            "y": float(ys[n]),
            "color": PERSON_FILL if person else colors[n],
            "border": PERSON_BORDER if person else colors[n],
            "borderWidth": 3 if borders.get(n) else (2 if person else 1),
            "size": 10.0 if person else round(float(sizes[n]), 2),
            "shape": "diamond" if person else "dot",
            # what the filters sort by (people have no sphere: a sphere filter never hides them)
            "groups": {"kind": _word("views.person", lang)} if person else {"sphere": text(d.get("sphere")), "kind": text(d.get("kind"))},
            "c": -1,
            "card": node_card(n, d, shown, lang, values, own, group),
        }
        when = span(d.get("founded"), d.get("closed"))
        if when is not None:
            rec["t"] = when
        records.append(rec)
    _person_spans(G, records, index)
    return records


def _person_spans(G: nx.Graph, records: list[dict], index: Mapping) -> None:
    """People are there while one of their affiliations is."""
    for n, d in G.nodes(data=True):
        if d.get("node_type") != "person":
            continue
        spans = [edge_spans(G[n][m]) for m in G[n]]
        if spans and all(s is not None for s in spans):
            flat = [p for s in spans for p in s]
            starts = [p[0] for p in flat]
            ends = [p[1] for p in flat]
            records[index[n]]["t"] = [None if None in starts else min(starts), None if None in ends else max(ends)]


def edge_records(
    G: nx.Graph, *, index: Mapping, aliases: Mapping, edge_style: Any, lang: str, own: Mapping | None = None
) -> tuple[list[dict], dict[str, int]]:
    """One record per edge, in graph order, and the number of edges of each type."""
    person = {n: d.get("node_type") == "person" for n, d in G.nodes(data=True)}
    styles = edge_style if isinstance(edge_style, Mapping) else {}
    records = []
    counts: dict[str, int] = {}
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        if person[u] or person[v]:
            types = ["affiliation"]
        else:
            types = list(d.get("types") or ["tie"])
        for t in types:
            counts[t] = counts.get(t, 0) + 1
        people_only = types == ["people"]
        dashed = styles.get((u, v), styles.get((v, u))) == "dashed" if styles else people_only
        rec = {
            "id": i,
            "from": index[u],
            "to": index[v],
            "types": types,
            "dashes": bool(dashed),
            "width": round(1.0 + min(float(d.get("n_ties", 1) or 1), 5.0) * 0.4, 2),
            "color": PEOPLE_LINK_COLOR if people_only else TIE_COLOR,
            "card": edge_card(d, aliases, lang, own),
        }
        when = edge_spans(d)
        if when is not None:
            rec["t"] = when
        records.append(rec)
    return records, counts


def move_records(G: nx.Graph, *, index: Mapping, aliases: Mapping, lang: str, start: int) -> list[dict]:
    """Moves of people between structures (affiliation graph): arrows labelled with the year."""
    records = []
    for move in G.graph.get("moves", []):
        a, b = move["source"], move["target"]
        if a not in index or b not in index:
            continue
        when = year(move.get("year"))
        rec = {
            "id": start + len(records),
            "from": index[a],
            "to": index[b],
            "types": ["move"],
            "dashes": True,
            "arrows": True,
            "label": text(when),
            "width": 2.0,
            "color": MOVE_COLOR,
            "card": [(_word("views.person", lang), _person(aliases, move["person"])), (_word("views.card_year", lang), text(when))],
        }
        if when is not None:
            rec["t"] = [[when, None]]
        records.append(rec)
    return records


def moves_to_animate(G: nx.Graph, index: Mapping) -> list[dict]:
    """Every dated move of a person between two actors drawn (``from``, ``to``, ``year``), for the time slider."""
    found = set()
    for move in G.graph.get("moves", []):
        found.add((move["source"], move["target"], year(move.get("year"))))
    for _, _, d in G.edges(data=True):
        for link in d.get("people_links", []):
            if link.get("kind") == "moved":
                found.add((link["source"], link["target"], year(link.get("year"))))
    moves = [(index[a], index[b], y) for a, b, y in found if a in index and b in index and y is not None]
    return [{"from": a, "to": b, "year": y} for a, b, y in sorted(moves)]


def suggested_records(pairs: Any, *, index: Mapping, start: int, lang: str) -> list[dict]:
    """Suggested ties (outreach), drawn dashed in the highlight colour."""
    if isinstance(pairs, pd.DataFrame):
        pairs = list(zip(pairs["source"], pairs["target"]))
    records = []
    for a, b in pairs:
        if a not in index or b not in index:
            raise UnknownActorError(f"suggested tie {a!r}–{b!r} names an actor not in the graph")
        records.append(
            {
                "id": start + len(records),
                "from": index[a],
                "to": index[b],
                "types": ["suggested"],
                "dashes": True,
                "width": 2.5,
                "color": SUGGESTED_COLOR,
                "card": [(_word("views.suggested", lang), "")],
            }
        )
    return records
