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
person with the actor, or when it is among those likeliest tied to an actor
of its group by the model fitted on the known ties
(:mod:`ecograph.outreach.mixing`, which weighs scope with the other attributes).

Spreading introductions
-----------------------
The first introducers of the whole list are chosen together, as an
assignment under capacity (a min-cost flow): each actor's first introducer
is one of its :data:`FIRST_CANDIDATES` (10) best, no introducer is the first
suggestion of more than ``max_first_share`` of the list (at least one
actor), and the actors together lose as little score as possible; among
equal losses an actor keeps the candidate it ranks higher (score, then id),
so the same data give the same list. Only when no assignment within that
share serves every actor (some actors have no other candidate) do the fewest
actors possible get their best candidate over it. On Dijon, where few actors
of the territory have ties, every one of the 33 actors now has one under the
cap (3): La Coursive Boutaric, first for 7 when the candidates by tie rate
came from the territory only, is first for 3. The other introducers of an actor are its best
others. It replaces a greedy cap that served actors one by one, most
isolated first, each taking its best candidate still under the cap: the
order decided who lost their best introducer, and the last actors served
could lose more than needed.

Measured with ``benchmarks/outreach.py`` (cold start, 150 actors hidden,
5 synthetic ecosystems): without a cap, one introducer is the first suggestion for 69% and 86% of
the list on 2,000 and 10,000 actors when the hidden actors keep their
people, and for 96% and 100% when only their attributes are known (actors
of one sphere then share their candidates); with the assignment, for 10.0%
at most in all four, and precision@5 does not move (0.098, 0.069, 0.060,
0.030 with and without the cap, with the previous score; with the fitted tie
rate, 0.0326 with the cap and 0.0327 without on 10,000 actors, attributes
only, where one introducer would otherwise be first for the whole list): the actors get
other introducers first, among their own best.
Solving the assignment takes under a second with all 10,000 actors of a
synthetic ecosystem listed (the flow has 10 arcs per actor). A softer
spreading (dividing a candidate's score by ``1 + u / s`` after ``u`` first
suggestions) was measured while tuning the greedy cap and dropped: on 2,000
synthetic actors it lowered the cold-start precision@5 from 0.080 to 0.062
with ``s = 3``, for no spreading the cap does not already give.

Examples
--------
>>> import ecograph as eg
>>> w = outreach_worklist(eg.datasets.tiny(), k=2)
>>> w.loc["loner", ["reason", "introducer_1"]].tolist()
[(('no_tie',),), 'coop']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.optimize import linprog
from scipy.sparse.csgraph import maximum_flow

from ..errors import GraphError
from ..measures.analysis import Analysis
from ..measures.standing import TERRITORY_SCOPES, actor_standing
from ..partition import PartitionLike
from ..vocabulary import NOT_ORGANISATIONS
from ..words import LANGUAGES
from .facts import Facts
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
        and tuple(kinds_excluded) == tuple(NOT_ORGANISATIONS)
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
    """The actors in a fixed order, most isolated first (smallest component), then by id: the same data, the same list."""
    ids = [str(x) for x in F.S.nodes[pos]]
    order = sorted(range(len(pos)), key=lambda i: (F.component_sizes[F.component[pos[i]]], ids[i]))
    return pos[np.asarray(order, dtype=np.int64)] if len(pos) else pos


#: Best candidates of each actor among which its first introducer is chosen.
FIRST_CANDIDATES = 10


def _served_within(actor: np.ndarray, intro: np.ndarray, n_actors: int, n_intros: int, cap: int) -> int:
    """How many actors can have a first introducer among their pairs with none first for more than ``cap`` (a maximum flow)."""
    source, sink = n_actors + n_intros, n_actors + n_intros + 1
    arcs = np.concatenate([np.full(n_actors, source), actor, n_actors + np.arange(n_intros)])
    heads = np.concatenate([np.arange(n_actors), n_actors + intro, np.full(n_intros, sink)])
    capacity = np.concatenate([np.ones(n_actors + len(actor), dtype=np.int32), np.full(n_intros, cap, dtype=np.int32)])
    graph = sp.csr_array((capacity, (arcs, heads)), shape=(sink + 1, sink + 1))
    return int(maximum_flow(graph, source, sink).flow_value)


def _first_choices(ranked: Ranked, cap: int, best: int = FIRST_CANDIDATES) -> np.ndarray:
    """Position of each actor's first introducer among its candidates (best first); -1 for an actor without any.

    An assignment under capacity (a min-cost flow): each actor's first
    introducer is one of its ``best`` candidates, none is first for more than
    ``cap`` actors, and the actors together lose as little score as possible.
    Giving an actor its ``x``-th candidate costs the score it loses (in units
    of 1e-4), then ``x``: among equal losses, the candidate the actor ranks
    higher (score, then node order). When no assignment within the cap serves
    every actor (a maximum flow says how many can be served), the fewest
    actors possible get their best candidate over the cap.

    With ``L`` actors and ``D`` distinct candidates, the flow has ``L × best``
    arcs and ``L + D`` nodes: the maximum flow (Dinic) and HiGHS's dual
    simplex, which solves the flow as a linear programme whose optimal
    vertices are integral (the matrix of a bipartite flow is totally
    unimodular), both take memory in ``O(L × best)`` and, measured, under a
    second for 10,000 actors.
    """
    blocks = [ranked.block(i)[:best] for i in range(len(ranked.targets))]
    served = np.flatnonzero([len(b) > 0 for b in blocks])
    choice = np.full(len(blocks), -1, dtype=np.int64)
    if not len(served):
        return choice
    L = len(served)
    sizes = np.array([len(blocks[i]) for i in served])
    actor = np.repeat(np.arange(L), sizes)
    at = np.concatenate([np.arange(n) for n in sizes])
    pairs = np.concatenate([blocks[i] for i in served])
    intros, intro = np.unique(ranked.cj[pairs], return_inverse=True)
    D, P = len(intros), len(pairs)
    score = ranked.score[pairs]
    loss = np.round((score[np.repeat(np.cumsum(sizes) - sizes, sizes)] - score) * 1e4)  # each block starts with its best score
    over = L - _served_within(actor, intro, L, D, cap)
    # variables: the P pairs, then for each actor "its best candidate, over the cap", used by exactly ``over`` actors
    ones = np.ones(P + 2 * L)
    eq = sp.csr_array(
        (ones, (np.concatenate([actor, np.arange(L), np.full(L, L)]), np.concatenate([np.arange(P), P + np.arange(L), P + np.arange(L)]))),
        shape=(L + 1, P + L),
    )
    ub = sp.csr_array((np.ones(P), (intro, np.arange(P))), shape=(D, P + L))
    cost = np.concatenate([loss * (best + 1) + at, np.zeros(L)])
    b_eq = np.concatenate([np.ones(L), [over]])
    res = linprog(cost, A_ub=ub, b_ub=np.full(D, cap), A_eq=eq, b_eq=b_eq, bounds=(0, 1), method="highs-ds")
    if res.status != 0:  # cannot happen: the maximum flow makes the programme feasible
        raise RuntimeError(f"assigning first introducers failed: {res.message}")
    x = res.x > 0.5
    choice[served[actor[x[:P]]]] = at[x[:P]]
    choice[served[x[P:]]] = 0
    return choice


def _spread(ranked: Ranked, k: int, cap: int) -> list[tuple[int, int, float]]:
    """The ``k`` introducers of each actor: the first assigned under the cap (see the module notes), then its best others."""
    picks = []
    for i, first in enumerate(_first_choices(ranked, cap)):
        if first < 0:
            continue
        block = ranked.block(i)
        chosen = [int(first), *[x for x in range(min(len(block), k + 1)) if x != first][: k - 1]]
        picks += [(int(block[x]), r, float(ranked.score[block[x]])) for r, x in enumerate(chosen, start=1)]
    return picks


def _reason(F: Facts, reasons: np.ndarray, i: int) -> tuple:
    """Why the actor at position ``i`` is on the list: its standing's reason, and the programmes naming it when it has no tie with an organisation."""
    reason = reasons[i]
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
    reasons = standing["reason"].to_numpy()
    frame["reason"] = pd.Series([_reason(F, reasons, int(i)) for i in pos], index=frame.index, dtype=object)
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


#: Actors ranked together: a longer list is ranked in consecutive parts of this many (in the service order), each
#: with its own cap of first suggestions, so that memory stays that of one part (a hub's million leaves).
WORKLIST_PART = 20_000


def _suggestions(F: Facts, pos: np.ndarray, k: int, max_first_share: float, **ranking: Any) -> pd.DataFrame:
    """One row per suggestion for the actors at ``pos``, ranked a part of :data:`WORKLIST_PART` actors at a time.

    Each part's first suggestions are capped at ``max_first_share`` of the
    part, so no introducer is first for more than that share of the whole list.
    """
    frames = []
    for start in range(0, max(len(pos), 1), WORKLIST_PART):
        part = pos[start : start + WORKLIST_PART]
        ranked = rank_candidates(F, part, **ranking)
        frames.append(suggestion_frame(ranked, _spread(ranked, k, max(1, int(max_first_share * len(part))))))
        del ranked
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


def outreach_worklist(
    G: Any,
    *,
    group: PartitionLike | None = None,
    k: int = 3,
    seed: int | None = None,
    actors: Iterable | None = None,
    scope: Iterable[str] | None = ("local", "regional"),
    include_unknown_scope: bool = True,
    kinds_excluded: Iterable[str] = NOT_ORGANISATIONS,
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
    kinds_excluded : iterable of str, default ("programme", "event", "territory", "recommendation", "fund")
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
    (('mentioned', 'interview 2017', 1), ('same_group', 'consumption'), ('distance', 4.7), ('same_kind', 'initiative'))
    >>> int(w.loc["loner", "newly_reachable_1"])
    7
    """
    a = Analysis.of(G, group=group, seed=seed)
    if a.sparse.n < 2:
        raise GraphError("a worklist needs at least two actors")
    F = Facts.read(a, label=label, kinds_excluded=kinds_excluded, support_kinds=support_kinds)
    territory = _in_scope(F, scope, include_unknown_scope)
    given = None if actors is None else list(actors)
    standing = _targets(F, scope, include_unknown_scope, kinds_excluded, low_reach_share, given)
    pos = _service_order(F, np.flatnonzero(standing["to_reach"].to_numpy()) if given is None else positions(F, given))
    sugg = _suggestions(F, pos, k, max_first_share, candidates=candidates, weights=weights, popular_from=territory)
    frame = _wide(F, standing, pos, sugg, k)
    # the dataset's own codes, for the table in words: by language (a label of vocabulary.csv, else the description)
    own = {lang: a.eco.vocabulary.own_labels(lang) for lang in LANGUAGES} if a.eco is not None else {}
    frame.attrs.update(
        {
            "suggestions": sugg,
            "group": F.group_field,
            "group_name": a.group_name,
            "k": k,
            "seed": a.seed,
            "names": _names_referenced(F, frame, sugg),
            "labels": own,
        }
    )
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
    [('loner', 'coop')]
    """
    head = worklist if n is None else worklist.head(n)
    return [
        (actor, intro)
        for actor, intro in zip(head.index, head[f"introducer_{rank}"])
        if isinstance(intro, str) or (intro is not None and intro == intro)
    ]
