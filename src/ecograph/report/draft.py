"""A walk drafted from the brief (:mod:`ecograph.walk`), for an officer to edit before presenting it.

The draft reads a :class:`~ecograph.Brief` and computes nothing: what the
data cover, one step per stated finding (its focus decided by the measures'
standing: the actors without a known tie, the largest connected part, the
connectors, the cut point, the largest community, the actors people moved
between), the worklist, one step per withheld finding saying so instead of
showing a figure, and the actions. Every text is written in French and
English.

Examples
--------
>>> import ecograph as eg
>>> walk = draft_walk(eg.Brief(eg.datasets.dijon()))
>>> [s.id for s in walk.steps]  # doctest: +NORMALIZE_WHITESPACE
['covers', 'ties', 'fragmentation', 'connectors', 'flows', 'communities', 'worklist',
 'withheld-spheres', 'withheld-evolution', 'actions']
"""

from __future__ import annotations

from typing import Any

from ..findings import Brief
from ..sparse import outside_largest
from ..walk import ORDER, Step, Walk
from ..words import check_language, word
from .brief import coverage_items

__all__ = ["draft_walk"]


def _both(make: Any) -> dict[str, str]:
    return {lang: make(lang) for lang in ORDER}


def _list(items: list[str]) -> str:
    return "\n".join(f"- {x}" for x in items)


def draft_walk(brief: Brief, *, lang: str = "fr") -> Walk:
    """A walk drafted from a brief, for an officer to edit: coverage, findings, worklist, what is withheld, actions.

    Every text is written in French and English; ``lang`` is the language it is presented in unless told otherwise.

    Examples
    --------
    >>> import ecograph as eg
    >>> walk = draft_walk(eg.Brief(eg.datasets.tiny()), lang="en")
    >>> walk.lang, walk.steps[0].id, walk.steps[-1].id
    ('en', 'covers', 'actions')
    """
    eco = brief.analysis.eco
    name = getattr(getattr(eco, "metadata", None), "title", "") or eco.name or ""
    title = _both(lambda lang: word("walk.title", lang, name=name))
    steps = [_covers_step(brief)]
    steps += [_finding_step(brief, f) for f in brief.findings]
    worklist = _worklist_step(brief)
    if worklist is not None:
        steps.append(worklist)
    steps += [_withheld_step(f) for f in brief.withheld]
    steps.append(_actions_step(brief))
    return Walk(title, steps, check_language(lang))


def _covers_step(brief: Brief) -> Step:
    return Step(
        "covers",
        _both(lambda lang: word("report.section.covers", lang)),
        _both(lambda lang: _list(coverage_items(brief, lang)[:5])),
        _both(lambda lang: word("walk.notes.covers", lang)),
    )


def _finding_focus(brief: Brief, f: Any) -> dict[str, Any]:
    """The focus, highlights and ties that show a finding in the view."""
    a = brief.analysis
    standing = a.standing
    if f.code == "ties":
        return {"focus": {"actors": [str(i) for i in standing.index[standing["no_known_tie"]]]}}
    if f.code == "fragmentation":
        comps = a.components  # from the sparse network: no networkx graph built for this
        main = sorted(map(str, comps.index[~outside_largest(comps.to_numpy())]))  # parts tied for the largest: the text names them all
        return {"focus": {"actors": main}, "camera": "focus"}
    if f.code == "connectors":
        return {"focus": {"actors": list(f.values["ids"])}, "highlight": ["connectors"], "camera": "focus"}
    if f.code == "fragility":
        return {"focus": {"around": str(f.values["id"]), "depth": 1}, "highlight": ["cut_points"], "camera": "focus"}
    if f.code == "communities":
        if f.variant == "pieces":  # the groups are the network's pieces: all those the text counts (two actors or more)
            membership = a.communities.membership
            sizes = membership.value_counts()
            kept = set(sizes.index[sizes.to_numpy() >= 2])
            return {"focus": {"actors": sorted(str(i) for i, c in membership.items() if c in kept)}, "camera": "focus"}
        return {"focus": {"community": int(a.communities.sizes.idxmax())}, "camera": "focus"}  # groups within a piece: one
    if f.code == "flows":
        flows = a.people_flows
        pairs = sorted({(str(s), str(t)) for s, t in zip(flows["source"], flows["target"])})
        ids = sorted({i for pair in pairs for i in pair})
        return {"focus": {"actors": ids}, "ties": [list(p) for p in pairs], "camera": "focus"}
    if f.code == "evolution":
        return {"year": int(f.values["since"])}
    return {}


def _finding_step(brief: Brief, f: Any) -> Step:
    shown = _finding_focus(brief, f)
    return Step(
        f.code,
        _both(lambda lang: f.text(lang)["question"]),
        _both(lambda lang: f.text(lang)["sentence"]),
        _both(lambda lang: f.text(lang)["confidence"]),
        finding=f.code,
        focus=shown.get("focus"),
        highlight=shown.get("highlight", []),
        ties=shown.get("ties", []),
        camera=shown.get("camera", "fit"),
        year=shown.get("year"),
    )


def _worklist_step(brief: Brief) -> Step | None:
    wl = brief.worklist
    if not len(wl) or "introducer_1" not in wl.columns:
        return None
    head = wl.head(5)
    names = brief.analysis.eco.actors["name"]

    def caption(lang: str) -> str:
        items = [
            word("walk.worklist.item", lang, name=str(n), introducer=str(names.get(i, i))) if isinstance(i, str) else str(n)
            for n, i in zip(head["name"], head["introducer_1"])
        ]
        return word("walk.worklist.caption", lang, listed=len(wl)) + "\n" + _list(items)

    ids = [str(i) for i in head.index] + [str(i) for i in head["introducer_1"].dropna() if str(i) not in head.index]
    return Step(
        "worklist",
        _both(lambda lang: word("report.section.outreach", lang)),
        _both(caption),
        _both(lambda lang: word("walk.notes.worklist", lang)),
        focus={"actors": sorted(set(ids))},
        highlight=["to_reach"],
    )


def _withheld_step(f: Any) -> Step:
    return Step(
        f"withheld-{f.code}",
        _both(lambda lang: f.text(lang)["question"]),
        _both(lambda lang: f"*{word('walk.withheld', lang)}* " + f.text(lang)["withheld"] + "\n\n" + f.text(lang)["unlock"]),
        _both(lambda lang: word("walk.notes.withheld", lang)),
        finding=f.code,
    )


def _actions_step(brief: Brief) -> Step:
    def caption(lang: str) -> str:
        actions = [word(f"findings.action.{f.action}", lang, **_groups(f, lang), **f.action_values) for f in brief.findings]
        return _list(list(dict.fromkeys(actions)))

    return Step(
        "actions",
        _both(lambda lang: word("walk.actions", lang)),
        _both(caption),
        _both(lambda lang: word("walk.notes.actions", lang)),
    )


def _groups(f: Any, lang: str) -> dict[str, str]:
    """The words of a finding's grouping (spheres, or the dataset's own), as :meth:`Finding.text` fills them."""
    return f.group_words(lang)
