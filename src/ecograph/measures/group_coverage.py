"""How much of the network a group-based figure rests on, and why a figure cannot be computed.

Group measures count only the actors whose group is known, and only the ties
whose two ends are known (see :mod:`ecograph.partition`). Each of their
results says how much that is, as a :class:`Coverage`:

* a DataFrame or Series result carries it in ``.attrs["coverage"]``, next to
  ``.attrs["reason"]`` (``None``, or why it cannot be computed);
* a single number is a :class:`MeasureValue`: a ``float`` with
  ``.coverage`` and ``.reason``.

**Cannot be computed.** When the known part cannot support the measure, the
result is NaN with a reason code (never a number, never an exception, so
that a report can say it):

``no_known_group``
    no actor's group is known;
``one_known_group``
    the actors whose group is known all belong to one group (nothing to
    compare: E-I would be −1 and modularity 0 by construction);
``no_known_tie``
    no tie joins two actors whose group is known.

The words for each code are ``ecograph.words.word("measures.reason.<code>", lang)``.

**When to show a figure.** :data:`MIN_COVERAGE` (0.8) is the share below
which the report and notebooks withhold a finding, and
:meth:`Coverage.needed` says how many more actors or ties would unlock it;
:func:`unknown_actors` says whose group to ask first.

**Why 0.8.** A figure computed on the known part describes the whole network
only if the unknown part resembles it, and missing groups are rarely missing
at random in mapping work (a study states the sphere of the structures it
describes at length). Assuming nothing about the unknown part, the
whole-network value can only be bounded [1]_: a share of ties such as the E-I
index, computed on a share ``c`` of the ties, is for the whole network
``c·x + (1 − c)·y`` with ``y`` anywhere in −1…+1, so the truth lies in an
interval of width ``2(1 − c)``, that is ``1 − c`` of the index's range. At
``c = 0.8`` the interval spans a fifth of the scale: a known-part E-I of −0.6
leaves −0.68 to −0.28, still "ties stay inside groups". At ``c = 0.5`` it
leaves −0.8 to +0.2, and the finding could be reversed. The same bound holds
for shares of actors (participation, agreement with communities). Missing
data are known to bias network measures more as coverage falls [2]_ [3]_; 0.8
is a convention, like a 5% significance level, stated once so that every
layer withholds the same findings.

References
----------
.. [1] Manski, C. F. (2003). *Partial Identification of Probability
   Distributions*. Springer.
.. [2] Kossinets, G. (2006). Effects of missing data in social networks.
   *Social Networks* 28(3), 247-268.
.. [3] Smith, J. A. & Moody, J. (2013). Structural effects of network
   sampling coverage I: nodes missing at random. *Social Networks* 35(4),
   652-668.

Examples
--------
>>> import networkx as nx, ecograph as eg
>>> G = nx.Graph([(0, 1), (1, 2), (2, 3), (3, 0)])
>>> nx.set_node_attributes(G, {0: "a", 1: "b", 2: "a", 3: ""}, "sphere")
>>> c = group_coverage(G, "sphere")
>>> print(c)
3 of 4 actors with a known group (75%); 2 of 4 ties between two of them (50%)
>>> c.is_sufficient(), c.needed()
(False, 2)
>>> ei = eg.ei_index(G, "sphere")
>>> float(ei), ei.coverage == c, ei.reason
(1.0, True, None)
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Literal

import numpy as np
import pandas as pd

from ..partition import PartitionLike, resolve_grouping
from ..sparse import GraphLike, SparseGraph
from ..words import number, word

__all__ = ["MIN_COVERAGE", "REASONS", "Coverage", "MeasureValue", "explain", "group_coverage", "unknown_actors", "withheld_reason"]

#: Share of the data (ties whose two ends have a known group, or actors with
#: a known group, see :attr:`Coverage.basis`) below which a group-based
#: finding is withheld; the reasoning is in the module notes ("Why 0.8").
MIN_COVERAGE = 0.8

#: Reason codes of a result that cannot be computed (words in ``ecograph.words.MEASURES``).
REASONS = ("no_known_group", "one_known_group", "no_known_tie")


@dataclass(frozen=True)
class Coverage:
    """How much of a network a group-based result rests on.

    Attributes
    ----------
    actors_known, actors : int
        Actors whose group is known, and all actors.
    ties_known, ties : int
        Ties whose two ends have a known group, and all ties (for
        :func:`ecograph.flow_table`, moves of people: see ``tie_unit``).
    basis : {"ties", "actors"}
        Which share the result rests on: ``"ties"`` for measures counting
        ties (E-I, mixing, block density, modularity, cross-group density,
        flows), ``"actors"`` for measures of actors (participation,
        brokerage roles, agreement with communities).
    tie_unit : str
        What ``ties`` counts: ``"ties"``, or ``"moves"`` for people flows.

    Examples
    --------
    >>> c = Coverage(18, 108, 0, 93)
    >>> round(c.actor_share, 3), c.tie_share, c.share, c.complete
    (0.167, 0.0, 0.0, False)
    >>> c.needed(), Coverage(18, 108, 0, 93, basis="actors").needed()
    (75, 69)
    """

    actors_known: int
    actors: int
    ties_known: int
    ties: int
    basis: Literal["ties", "actors"] = "ties"
    tie_unit: str = "ties"

    def __post_init__(self) -> None:
        if self.basis not in ("ties", "actors"):
            raise ValueError("basis must be 'ties' or 'actors'")

    @property
    def actor_share(self) -> float:
        """Share of actors whose group is known (NaN without actors)."""
        return self.actors_known / self.actors if self.actors else float("nan")

    @property
    def tie_share(self) -> float:
        """Share of ties whose two ends have a known group (NaN without ties)."""
        return self.ties_known / self.ties if self.ties else float("nan")

    @property
    def share(self) -> float:
        """The share the result rests on: :attr:`tie_share` or :attr:`actor_share`, by :attr:`basis`."""
        return self.tie_share if self.basis == "ties" else self.actor_share

    @property
    def complete(self) -> bool:
        """Whether every actor's group is known."""
        return self.actors_known == self.actors

    def is_sufficient(self, threshold: float = MIN_COVERAGE) -> bool:
        """Whether :attr:`share` reaches ``threshold`` (False when it is NaN)."""
        share = self.share
        return bool(share >= threshold) if not math.isnan(share) else False

    def needed(self, threshold: float = MIN_COVERAGE) -> int:
        """How many more ties (basis ``"ties"``) or actors (``"actors"``) must become known to reach ``threshold``."""
        known, total = (self.ties_known, self.ties) if self.basis == "ties" else (self.actors_known, self.actors)
        return max(0, math.ceil(threshold * total - 1e-9) - known)

    def to_dict(self) -> dict:
        """The counts, the shares and the basis (keys match the placeholders of ``measures.coverage`` in the words)."""
        return {**asdict(self), "actor_share": self.actor_share, "tie_share": self.tie_share, "share": self.share}

    def text(self, lang: str = "en") -> str:
        """The coverage as a sentence in ``lang`` (``print(c)`` gives the short English form).

        Examples
        --------
        >>> print(Coverage(actors_known=21, actors=100, ties_known=0, ties=26).text("fr"))
        21 acteurs sur 100 ont un groupe connu ; 0 lien sur 26 relie deux d'entre eux.
        """
        return word("measures.coverage_moves" if self.tie_unit == "moves" else "measures.coverage", lang, **self.to_dict())

    def __str__(self) -> str:
        def pct(x: float) -> str:
            return "–" if math.isnan(x) else f"{x:.0%}"

        return (
            f"{self.actors_known} of {self.actors} actors with a known group ({pct(self.actor_share)}); "
            f"{self.ties_known} of {self.ties} {self.tie_unit} between two of them ({pct(self.tie_share)})"
        )


class MeasureValue(float):
    """A measure's value with the coverage it rests on; NaN with a reason when it cannot be computed.

    It is a ``float`` (``round``, comparisons, arithmetic and formatting work
    as for any number; arithmetic gives plain floats), with two attributes:

    Attributes
    ----------
    coverage : Coverage or None
    reason : str or None
        ``None`` when computed; else one of :data:`REASONS`, and the value
        is NaN.

    Examples
    --------
    >>> v = MeasureValue(float("nan"), coverage=Coverage(18, 108, 0, 93), reason="no_known_tie")
    >>> v.computable, v.reason, str(v)
    (False, 'no_known_tie', 'nan')
    >>> round(MeasureValue(-0.71795, coverage=Coverage(34, 34, 78, 78)), 3)
    -0.718
    """

    __slots__ = ("coverage", "reason")

    def __new__(cls, value: float, *, coverage: Coverage | None = None, reason: str | None = None) -> MeasureValue:
        if reason is not None and reason not in REASONS:
            raise ValueError(f"reason must be one of {', '.join(REASONS)}")
        self = super().__new__(cls, float("nan") if reason is not None else value)
        self.coverage = coverage
        self.reason = reason
        return self

    def __reduce__(self) -> tuple:
        return (_measure_value, (float(self), self.coverage, self.reason))

    @property
    def computable(self) -> bool:
        """Whether the data could support the measure."""
        return self.reason is None


def _measure_value(value: float, coverage: Coverage | None, reason: str | None) -> MeasureValue:
    return MeasureValue(value, coverage=coverage, reason=reason)


def coverage_of_codes(S: SparseGraph, codes: np.ndarray, basis: Literal["ties", "actors"] = "ties") -> Coverage:
    known = codes >= 0
    n_known = int(known.sum())
    if n_known == S.n:
        return Coverage(n_known, S.n, S.m, S.m, basis)
    u, v, _ = S.edges()
    return Coverage(n_known, S.n, int((known[u] & known[v]).sum()), S.m, basis)


def unavailable_reason(k: int, cov: Coverage, *, need_ties: bool = True) -> str | None:
    """Why a between-groups measure on ``k`` known groups with coverage ``cov`` cannot be computed, or None."""
    if k == 0:
        return "no_known_group"
    if k == 1:
        return "one_known_group"
    if need_ties and cov.ties_known == 0:
        return "no_known_tie"
    return None


def known_tie_codes(S: SparseGraph, codes: np.ndarray, cov: Coverage) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """Group codes of both ends of the ties whose two ends are known, and which ties those are (None: all)."""
    u, v, _ = S.edges()
    cu, cv = codes[u], codes[v]
    if cov.ties_known == cov.ties:
        return cu, cv, None
    both = (cu >= 0) & (cv >= 0)
    return cu[both], cv[both], both


def with_coverage(obj: pd.DataFrame | pd.Series, cov: Coverage, reason: str | None) -> pd.DataFrame | pd.Series:
    obj.attrs["coverage"] = cov
    obj.attrs["reason"] = reason
    return obj


def group_coverage(G: GraphLike, partition: PartitionLike = "sphere", *, basis: Literal["ties", "actors"] = "ties") -> Coverage:
    """The coverage of a grouping: actors with a known group, ties whose two ends are known.

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
    partition : str, Series, mapping, list of sets or Communities, default "sphere"
    basis : {"ties", "actors"}, default "ties"

    Examples
    --------
    >>> import ecograph as eg
    >>> group_coverage(eg.datasets.tiny().graph(), "sphere")
    Coverage(actors_known=7, actors=8, ties_known=7, ties=9, basis='ties', tie_unit='ties')
    """
    S, _, codes, _ = resolve_grouping(G, partition)
    return coverage_of_codes(S, codes, basis)


def unknown_actors(G: GraphLike, partition: PartitionLike = "sphere") -> pd.DataFrame:
    """The actors whose group is unknown, those whose group would unlock the most ties first.

    Returns
    -------
    DataFrame
        Indexed by actor id: ``degree`` and ``ties_to_known`` (ties to actors
        whose group is known: the ties the known part gains when this
        actor's group becomes known). Sorted by ``ties_to_known``, then
        degree, then id. ``attrs["coverage"]`` is the grouping's coverage.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "x"), ("b", "x"), ("x", "y"), ("y", "c")])
    >>> nx.set_node_attributes(G, {"a": "p", "b": "q", "c": "p"}, "sphere")
    >>> unknown_actors(G).values.tolist()
    [[3, 2], [2, 1]]
    """
    S, _, codes, _ = resolve_grouping(G, partition)
    known = codes >= 0
    u, v, _ = S.edges()
    half = known[u] ^ known[v]
    to_known = np.bincount(np.where(known[u], v, u)[half], minlength=S.n)
    idx = np.flatnonzero(~known)
    frame = pd.DataFrame({"degree": S.degrees()[idx].astype(np.int64), "ties_to_known": to_known[idx].astype(np.int64)}, index=S.nodes[idx])
    frame["_id"] = frame.index.map(str)
    frame = frame.sort_values(["ties_to_known", "degree", "_id"], ascending=[False, False, True], kind="stable").drop(columns="_id")
    frame.index.name = "actor"
    frame.attrs["coverage"] = coverage_of_codes(S, codes)
    return frame


def withheld_reason(coverage: Coverage, reason: str | None = None, threshold: float = MIN_COVERAGE) -> str | None:
    """Why a group finding, figure or agreement value is withheld, or None when it can be shown: the one rule.

    The measure's own reason first (``no_known_group``, ``one_known_group``,
    ``no_known_tie``: it could not be computed), else, when the coverage is
    below ``threshold`` (:data:`MIN_COVERAGE`), ``"no_known_tie"`` if no tie
    joins two actors of known group and ``"low_coverage"`` otherwise. The brief, the
    figures and the Analysis's agreement values all ask this function.

    Examples
    --------
    >>> cov = Coverage(actors_known=21, actors=100, ties_known=0, ties=26)
    >>> withheld_reason(cov, "no_known_group"), withheld_reason(cov)
    ('no_known_group', 'no_known_tie')
    >>> withheld_reason(Coverage(actors_known=21, actors=100, ties_known=3, ties=26))
    'low_coverage'
    >>> withheld_reason(Coverage(actors_known=10, actors=10, ties_known=9, ties=9)) is None
    True
    """
    if reason:
        return reason
    if coverage.is_sufficient(threshold):
        return None
    return "no_known_tie" if not coverage.ties_known and coverage.tie_unit == "ties" else "low_coverage"


def explain(result: MeasureValue | pd.DataFrame | pd.Series, lang: str = "en", *, spec: str = ".3f") -> str:
    """A group-based result in words, in ``lang``: its value or why it is withheld, then what it rests on; never a bare NaN.

    ``result`` is a :class:`MeasureValue` (the E-I index) or a table whose
    ``attrs`` carry ``coverage`` and ``reason`` (block density, mixing
    matrix, the agreement of communities, people flows). When
    :func:`withheld_reason` withholds it, the sentence says why and what
    would unlock it; else a value is written with ``spec`` (a table is
    not repeated). Notebooks print it beside or instead of the result.

    Examples
    --------
    >>> ei = MeasureValue(float("nan"), coverage=Coverage(21, 100, 0, 26), reason="no_known_tie")
    >>> print(explain(ei))
    Cannot be computed: no tie joins two actors whose group is known. 21 of 100 actors have a known group; 0 of 26 ties join two of them. Knowing the group of the actors at both ends of 21 more ties would unlock it.
    >>> print(explain(MeasureValue(-0.71795, coverage=Coverage(34, 34, 78, 78)), "fr"))
    −0,718. 34 acteurs sur 34 ont un groupe connu ; 78 liens sur 78 relient deux d'entre eux.
    >>> import ecograph as eg
    >>> print(explain(eg.flow_table(eg.datasets.dijon())))
    Cannot be drawn: no move of a person joins two actors whose group is known. 21 of 108 actors have a known group; 0 of 2 moves join two of them.
    """
    is_value = isinstance(result, MeasureValue)
    cov = result.coverage if is_value else result.attrs.get("coverage")
    own = result.reason if is_value else result.attrs.get("reason")
    if cov is None:
        return number(float(result), lang, spec) if is_value else ""
    reason = withheld_reason(cov, None if own is None else str(own))
    if reason is None:
        return " ".join(([number(float(result), lang, spec) + "."] if is_value else []) + [cov.text(lang)])
    if cov.tie_unit == "moves" and not cov.ties_known:
        why = word("figures.no_known_move", lang)  # as the figure of the flows says it
    elif reason == "low_coverage":
        why = word("measures.withheld", lang, share=cov.share, threshold=MIN_COVERAGE)
    else:
        why = word(f"measures.reason.{reason}", lang)
    key = "measures.unlock_actors" if cov.basis == "actors" else "measures.unlock_ties"
    unlock = [word(key, lang, needed=cov.needed())] if cov.needed() and cov.tie_unit == "ties" else []
    return " ".join([why, cov.text(lang), *unlock])
