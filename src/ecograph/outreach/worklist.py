"""The outreach worklist: the territory's isolated and peripheral actors, each with its reason and introducers.

Who is on the list
------------------
The isolated actors of the :class:`~ecograph.Analysis` (no known tie, one tie
only, outside the main component; see :func:`ecograph.isolated_actors`) and,
in the main component, the ``low_reach_share`` of actors with the lowest
two-step reach. By default the list covers **the territory's own actors**:

* ``scope`` in ``("local", "regional")``: platforms, institutions and
  networks of national or international scope, and references from
  ``elsewhere``, are left out (they are not the isolated initiatives an
  officer reaches out to);
* actors whose scope is **unknown are kept** (``include_unknown_scope=True``):
  unknown is not ``elsewhere``; the table shows their scope as unknown;
* kinds in ``kinds_excluded`` (programmes, events and a study's
  recommendations, whether ``recommendation`` or ``programme`` rows) are
  neither listed nor suggested as introducers: they are where actors meet or
  what they are proposed for, not actors to reach. They stay in the network:
  two actors named in one recommendation share it as a contact, and an actor
  whose only ties go to such rows has no tie with another organisation, which
  its reason says.

``actors=`` lists given actors instead (no filter).

Why an actor is listed (``reason``, as codes): ``("no_tie",)``, or
``("no_tie_with_organisation",)`` when its only ties go to programmes,
events or recommendations, each followed by ``("named_in", programme, ...)``
when the tables name it in some; ``("outside_main", size)`` and
``("only_through", id, ...)`` for a pendant or a small component's member;
``("low_reach", reach)``.

Introducers are actors with at least one tie (an actor with no known tie
cannot introduce anyone) and not of ``kinds_excluded``. Those suggested only
for being well connected (hubs, support structures, the best connected of a
group or commune) come from the territory; an actor of any scope can be
suggested when it shares a contact, a programme, a source passage or a
person with the actor.

Spreading introductions
-----------------------
Actors are served most isolated first (smallest component, then id), so
that they get the best introducers. No introducer is the first suggestion of
more than ``max_first_share`` of the list (at least one actor), unless no
other candidate is left for an actor: once an introducer has reached that
share, the next actors get their next best candidate first (it may still be
their second or third). A softer spreading (dividing a candidate's score by
``1 + u / s`` after ``u`` first suggestions) was measured with
``benchmarks/outreach.py`` while tuning and dropped: on 2,000 synthetic
actors it lowered the cold-start precision@5 from 0.080 to 0.062 with
``s = 3`` and by 0.005 to 0.009 with ``s = 10`` (on ties alone from 0.044 to
0.029), for no spreading the cap does not already give.

Examples
--------
>>> import ecograph as eg
>>> w = outreach_worklist(eg.datasets.tiny(), k=2)
>>> w.loc["loner", ["reason", "introducer_1"]].tolist()
[(('no_tie',),), 'fablab']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from ..errors import GraphError
from ..measures.standing import TERRITORY_SCOPES, actor_standing
from ..partition import PartitionLike
from .facts import NOT_ACTORS, Facts, analysis_of
from .scoring import Ranked, positions, rank_candidates, suggestion_frame

__all__ = ["outreach_worklist", "suggested_ties"]

#: Per-rank columns of the worklist, in order.
RANK_COLUMNS = ("introducer", "introducer_name", "why", "newly_reachable", "ei_change", "load_paths")


def _in_scope(F: Facts, scope: Iterable[str] | None, include_unknown: bool) -> np.ndarray:
    """Mask of the actors of the territory: scope listed (or unknown, if included) and kind not excluded."""
    keep = ~F.excluded
    if scope is not None:
        wanted = set(scope)
        keep &= np.array([(s is None and include_unknown) or (s is not None and s in wanted) for s in F.scopes], dtype=bool)
    return keep


def _targets(
    F: Facts, scope: Iterable[str] | None, include_unknown: bool, kinds_excluded: Iterable[str], low_reach_share: float, actors: list | None
) -> pd.DataFrame:
    """The standing of every actor (:func:`ecograph.actor_standing`): the Analysis's own with the default rule, else the same rule with these settings."""
    a = F.analysis
    default = (
        (scope is not None and tuple(scope) == TERRITORY_SCOPES)
        and include_unknown
        and tuple(kinds_excluded) == tuple(NOT_ACTORS)
        and low_reach_share == 0.05
        and actors is None
    )
    if default:
        return a.standing
    return actor_standing(
        a.sparse,
        territory=scope,
        include_unknown_scope=include_unknown,
        not_organisations=kinds_excluded,
        low_reach_share=low_reach_share,
        betweenness=a.betweenness,
        cut_points=a.cut_points,
        reach_2=a.two_step_reach,
        reason_for=actors,
    )


def _service_order(F: Facts, pos: np.ndarray) -> np.ndarray:
    """Most isolated first (smallest component), then by id, so that they get the best introducers."""
    ids = [str(x) for x in F.S.nodes[pos]]
    order = sorted(range(len(pos)), key=lambda i: (F.component_sizes[F.component[pos[i]]], ids[i]))
    return pos[np.asarray(order, dtype=np.int64)] if len(pos) else pos


def _spread(ranked: Ranked, k: int, cap: int) -> list[tuple[int, int, float]]:
    """The ``k`` introducers of each actor in turn, no one first for more than ``cap`` actors (see the module notes)."""
    usage: dict[int, int] = {}
    picks = []
    for i in range(len(ranked.targets)):
        block = ranked.block(i)
        if not len(block):
            continue
        first = next((x for x in range(len(block)) if usage.get(int(ranked.cj[block[x]]), 0) < cap), 0)
        chosen = [first, *[x for x in range(len(block)) if x != first][: k - 1]]
        usage[int(ranked.cj[block[first]])] = usage.get(int(ranked.cj[block[first]]), 0) + 1
        picks += [(int(block[x]), r, float(ranked.score[block[x]])) for r, x in enumerate(chosen, start=1)]
    return picks


def _reason(F: Facts, standing: pd.DataFrame, i: int) -> tuple:
    """Why the actor at position ``i`` is on the list: its standing's reason, and the programmes naming it when it has no tie with an organisation."""
    reason = standing["reason"].iat[i]
    if not reason or reason[0][0] not in ("no_tie", "no_tie_with_organisation"):
        return reason
    named = tuple(F.named_ids[z] for z in F.named[[i]].indices)
    return reason + ((("named_in", *named),) if named else ())


def _group_column(field: str | None) -> str:
    return field if field and field not in ("name", "kind", "scope", "commune", "reason") else "group"


def _wide(F: Facts, standing: pd.DataFrame, pos: np.ndarray, sugg: pd.DataFrame, k: int) -> pd.DataFrame:
    """One row per actor, with its introducers side by side."""
    reach = F.analysis.two_step_reach.iloc[pos].to_numpy() if len(pos) else np.zeros(0, dtype=np.int64)
    frame = pd.DataFrame(index=pd.Index(F.S.nodes[pos], name="actor", dtype=object))
    for column, values in (("name", F.names), (_group_column(F.group_field), F.groups), ("kind", F.kinds), ("scope", F.scopes)):
        frame[column] = pd.Series(values[pos], index=frame.index, dtype=object)  # codes, None where unknown
    frame["reason"] = pd.Series([_reason(F, standing, int(i)) for i in pos], index=frame.index, dtype=object)
    frame["degree"] = F.degree[pos].astype(np.int64)
    frame["reach_2"] = reach.astype(np.int64)
    best = sugg[sugg["rank"] == 1].set_index("actor")["newly_reachable"]
    frame["priority"] = best.reindex(frame.index).fillna(0).astype(np.int64)
    ranked = {}
    for r in range(1, k + 1):
        part = sugg[sugg["rank"] == r].set_index("actor")
        for col in RANK_COLUMNS:
            name = f"introducer_{r}_name" if col == "introducer_name" else f"{col}_{r}"
            ranked[name] = (
                part[col].reindex(frame.index).astype(object) if len(part) else pd.Series(np.nan, index=frame.index, dtype=object)
            )
    ranked["commune"] = pd.Series(F.communes[pos], index=frame.index, dtype=object)
    ranked["component_size"] = pd.Series(F.component_sizes[F.component[pos]].astype(np.int64), index=frame.index)
    frame = pd.concat([frame, pd.DataFrame(ranked, index=frame.index)], axis=1)  # the columns in one go, not one by one
    key = pd.DataFrame({"p": -frame["priority"].to_numpy(), "iso": frame["degree"].to_numpy() > 0, "r": frame["reach_2"].to_numpy()})
    key["id"] = [str(x) for x in frame.index]
    return frame.iloc[key.sort_values(["p", "iso", "r", "id"], kind="stable").index.to_numpy()]


class SharedNames(dict):
    """Actor id → name, shared (not copied) by the frames made from a worklist.

    pandas deep-copies ``DataFrame.attrs`` on every operation; a worklist of
    10,000 actors refers to as many names, and copying them at each step of
    the table writers cost more than writing the tables. Read-only by use.

    >>> import copy
    >>> names = SharedNames(a="A")
    >>> copy.deepcopy(names) is names
    True
    """

    def __deepcopy__(self, memo: dict) -> SharedNames:
        return self


def _names_referenced(F: Facts, frame: pd.DataFrame, sugg: pd.DataFrame) -> SharedNames:
    """Names of every actor a reason or a why refers to, for the table writers."""
    ids: set = set(frame.index) | set(sugg["introducer"])
    where = {"contacts": slice(2, None), "named_in": slice(1, 2), "only_through": slice(1, None)}
    for codes in sugg["why"]:
        ids.update(x for item in codes if item[0] in where for x in item[where[item[0]]])
    for codes in frame["reason"]:
        ids.update(x for item in codes if item[0] in ("named_in", "only_through") for x in item[1:])
    ids_list = list(ids)
    at = F.S.nodes.get_indexer(ids_list)
    names = {x: F.names[i] for x, i in zip(ids_list, at) if i >= 0}
    eco = F.analysis.eco  # programmes and recommendations may be outside the network
    if eco is not None and "name" in eco.actors.columns:
        names.update({x: str(eco.actors.loc[x, "name"]) for x, i in zip(ids_list, at) if i < 0 and x in eco.actors.index})
    return SharedNames(names)


def outreach_worklist(
    G: Any,
    *,
    group: PartitionLike | None = None,
    k: int = 3,
    seed: int | None = None,
    actors: Iterable | None = None,
    scope: Iterable[str] | None = ("local", "regional"),
    include_unknown_scope: bool = True,
    kinds_excluded: Iterable[str] = NOT_ACTORS,
    support_kinds: Iterable[str] = ("support_structure",),
    label: str = "name",
    low_reach_share: float = 0.05,
    max_first_share: float = 0.1,
    candidates: int = 30,
    weights: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """One row per isolated or peripheral actor of the territory, most useful to bring in first, with ``k`` introducers.

    Parameters
    ----------
    G : Ecosystem, networkx.Graph, SparseGraph or Analysis
        Degrees, betweenness, isolated actors and two-step reach are read from
        the :class:`~ecograph.Analysis` (built here when not given).
    group : str, Series, mapping or list of sets, optional
        The grouping; default ``"sphere"``, or the Analysis's. Missing is unknown.
    k : int, default 3
    seed : int, optional
        Default 0, or the Analysis's.
    actors : iterable of actor ids, optional
        List these actors instead of the isolated and peripheral ones (no filter).
    scope : iterable of str or None, default ("local", "regional")
        Scopes of the territory (None: every scope): the actors listed, and
        the introducers suggested only for being well connected.
    include_unknown_scope : bool, default True
        Count actors of unknown scope in the territory (the table says "scope unknown").
    kinds_excluded : iterable of str, default ("programme", "event", "territory", "recommendation")
        Kinds neither listed nor suggested as introducers.
    support_kinds, candidates, weights, label
        See :func:`ecograph.suggest_introducers`.
    low_reach_share : float, default 0.05
        Share of main-component actors with the lowest two-step reach also listed.
    max_first_share : float, default 0.1
        Largest share of the list one introducer may be the first suggestion of.

    Returns
    -------
    DataFrame
        Indexed by actor id, in codes (words come with
        :func:`~ecograph.outreach.worklist_table`): ``name``, the group
        (column named after the grouping attribute, else ``group``), ``kind``,
        ``scope``, ``reason`` (see the module notes), ``degree``,
        ``reach_2``, ``priority`` (actors the best introduction would make
        reachable), for each introducer ``introducer_i``,
        ``introducer_i_name``, ``why_i`` (the facts, as in
        :func:`~ecograph.suggest_introducers`), ``newly_reachable_i``,
        ``ei_change_i``, ``load_paths_i``; then ``commune`` and
        ``component_size``. One row per suggestion: ``attrs["suggestions"]``.

    Examples
    --------
    >>> import ecograph as eg
    >>> w = outreach_worklist(eg.datasets.tiny(), k=2)
    >>> w.loc["loner", "why_1"]
    (('mentioned', 'interview 2017', 1), ('group_ties', 'consumption', 1), ('distance', 5.0), ('same_kind', 'initiative'))
    >>> int(w.loc["loner", "newly_reachable_1"])
    7
    """
    a = analysis_of(G, group, seed)
    if a.sparse.n < 2:
        raise GraphError("a worklist needs at least two actors")
    F = Facts.read(a, label=label, kinds_excluded=kinds_excluded, support_kinds=support_kinds)
    territory = _in_scope(F, scope, include_unknown_scope)
    given = None if actors is None else list(actors)
    standing = _targets(F, scope, include_unknown_scope, kinds_excluded, low_reach_share, given)
    pos = _service_order(F, np.flatnonzero(standing["to_reach"].to_numpy()) if given is None else positions(F, given))
    ranked = rank_candidates(F, pos, candidates=candidates, weights=weights, popular_from=territory)
    sugg = suggestion_frame(ranked, _spread(ranked, k, max(1, int(max_first_share * len(pos)))))
    frame = _wide(F, standing, pos, sugg, k)
    frame.attrs.update({"suggestions": sugg, "group": F.group_field, "k": k, "seed": a.seed, "names": _names_referenced(F, frame, sugg)})
    return frame


def suggested_ties(worklist: pd.DataFrame, n: int | None = None, *, rank: int = 1) -> list[tuple]:
    """The (actor, introducer) pairs of a worklist, for :func:`what_if` or a view's ``suggested_ties``.

    Parameters
    ----------
    worklist : DataFrame
        From :func:`outreach_worklist`.
    n : int, optional
        Only the first ``n`` actors of the list.
    rank : int, default 1
        Which introducer of each actor (1 = the best).

    Examples
    --------
    >>> import ecograph as eg
    >>> suggested_ties(eg.outreach_worklist(eg.datasets.tiny()), 1)
    [('loner', 'fablab')]
    """
    head = worklist if n is None else worklist.head(n)
    return [
        (actor, intro)
        for actor, intro in zip(head.index, head[f"introducer_{rank}"])
        if isinstance(intro, str) or (intro is not None and intro == intro)
    ]
