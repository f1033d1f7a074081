"""Outreach: who is left out, who could introduce them, and what each introduction changes.

The study asks to "sortir de la cooptation": find "connecteurs" and bring
isolated and peripheral actors into the network, without overloading the
pioneers who already carry it. This subpackage turns the measures of an
:class:`~ecograph.Analysis` into a worklist an officer can act on:

:func:`outreach_worklist` (:mod:`~ecograph.outreach.worklist`)
    one row per isolated or peripheral actor of the territory, with the reason
    it is listed and up to ``k`` introducers, first suggestions spread over
    several of them;
:func:`suggest_introducers` (:mod:`~ecograph.outreach.scoring`)
    for given actors, the best introducers, each with the facts behind it
    (common contacts, programmes and source passages both are named in,
    people, group, kind, commune, distance) and the effect of that one new tie;
:func:`what_if` and :func:`key_players` (:mod:`~ecograph.outreach.what_if`)
    the headline measures before and after adding or removing ties or actors,
    and the actors whose departure would fragment the network most;
:func:`worklist_table` and :func:`write_worklist` (:mod:`~ecograph.outreach.files`)
    the worklist in the reader's language, and the officers' ``.xlsx`` or ``.csv``.

The worklist holds codes (sphere, kind, scope, reasons and facts); words come
from the catalogue (:mod:`ecograph.words`) only in the table writers.

Examples
--------
>>> import ecograph as eg
>>> w = outreach_worklist(eg.datasets.tiny(), k=2)
>>> worklist_table(w).loc[0, ["actor id", "why it is on the list", "introducer 1"]].tolist()
['loner', 'no known tie', 'coop']
"""

from __future__ import annotations

from .files import worklist_table, write_worklist
from .scoring import WEIGHTS, suggest_introducers
from .what_if import key_players, what_if
from .worklist import outreach_worklist, suggested_ties

__all__ = [
    "WEIGHTS",
    "key_players",
    "outreach_worklist",
    "suggest_introducers",
    "suggested_ties",
    "what_if",
    "worklist_table",
    "write_worklist",
]
