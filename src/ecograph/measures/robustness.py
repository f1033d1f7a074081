"""How far to trust a figure: robustness to missing data, and significance.

Mapping is never complete. :func:`robustness` removes a random share of
actors or ties many times (seeded) and reports how much a headline measure
moves: a bootstrap-style interval under random missing data. Betweenness
rankings and centralisation are known to be fragile this way (Smith & Moody
2013), density and E-I much less so.

:func:`null_model_test` asks whether a figure could arise by chance from the
degrees alone: it rewires the network many times keeping every actor's
number of ties (degree-preserving double-edge swaps,
:mod:`ecograph.measures.rewiring`) and compares the observed value with the
rewired ones (z-score and p-values).

Both can draw until the figure shown stops moving (``adaptive=True``, the
sequential rule of :func:`shown_summary`): draws come in batches of
:data:`BATCH`; after each batch the mean and the 95% interval are printed
to the decimal of the first significant digit of the interval's width (at
most four decimals), and drawing stops as soon as a batch leaves that
printed summary unchanged, or at ``samples`` draws. Where a figure is read
against a threshold (``settle=``: the share of top brokers kept against
:data:`STABLE_RANKING`, a null model's z-score against
:data:`Z_THRESHOLD`), drawing stops instead as soon as the reading is
settled: the estimate lies farther from the threshold than
:data:`SETTLED_SE` Monte Carlo standard errors (:func:`settled_mean`,
:func:`settled_z`). The result records the draws used (``samples``), the
maximum (``max_samples``) and the rule (``"fixed"``, ``"stable"`` or
``"settled"``).

The rewired networks of a null model form one Markov chain (``gap=``): the
first rewiring makes ``swaps_per_tie`` swaps per tie from the observed
network, each next one ``gap`` more from the one before (the sampling gap
of Fosdick et al. 2018). With a gap of one swap per tie, successive
rewirings of a 1,000-actor network are as uncorrelated as independent ones
(lag-1 autocorrelation of modularity, E-I and cross-group density within
±0.12 over 150 draws, the noise of that estimate) at a tenth of the cost.

The group statistics (``ei_index``, ``group_modularity``,
``cross_group_density``) take the grouping in any form (``attr``: an
attribute name, a Series or mapping, a list of sets, communities) and count
only actors and ties whose group is known, in the observed network and in
every sample. Each result carries the observed network's ``coverage``; when
the observed statistic cannot be computed (see :mod:`ecograph.measures.group_coverage`) it
is NaN with its ``reason``, no sample is drawn, and every summary is NaN.

References
----------
.. [1] Smith, J. A. & Moody, J. (2013). Structural effects of network
   sampling coverage I: nodes missing at random. *Social Networks* 35(4),
   652-668.
.. [2] Maslov, S. & Sneppen, K. (2002). Specificity and stability in topology
   of protein networks. *Science* 296, 910-913.
.. [3] Fosdick, B. K., Larremore, D. B., Nishimura, J. & Ugander, J. (2018).
   Configuring random graph models with fixed degree sequences. *SIAM
   Review* 60(2), 315-355.

Examples
--------
>>> import networkx as nx
>>> K = nx.karate_club_graph()
>>> r = robustness(K, "density", drop="ties", fraction=0.1, samples=50, seed=0)
>>> round(r.observed, 4), round(r.mean, 4)
(0.139, 0.1248)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from ..errors import GraphError
from ..partition import PartitionLike, resolve_grouping
from ..sparse import GraphLike, SparseGraph, as_sparse
from .brokerage import betweenness
from .communities import detect_communities, modularity
from .density import density
from .ei import ei_index
from .group_coverage import Coverage, coverage_of_codes, known_tie_codes, unavailable_reason
from .rewiring import rewired, rewiring_chain

__all__ = [
    "BATCH",
    "MAX_DECIMALS",
    "MEASURES",
    "STATISTICS",
    "SETTLED_SE",
    "STABLE_RANKING",
    "Z_THRESHOLD",
    "NullModelTest",
    "Robustness",
    "interval_decimals",
    "null_model_test",
    "null_model_tests",
    "robustness",
    "settled_mean",
    "settled_z",
    "shown_summary",
]

#: Measures :func:`robustness` knows by name.
MEASURES = ("density", "ei_index", "group_modularity", "modularity", "top_brokers")
#: Statistics :func:`null_model_test` knows by name.
STATISTICS = ("modularity", "group_modularity", "cross_group_density", "ei_index")


#: Draws between two looks at the printed summary (``adaptive=True``): at least two batches are drawn.
BATCH = 10
#: The most decimals a summary is printed with (the report's tables).
MAX_DECIMALS = 4
#: A statistic differs from its null model when its z-score is at least this far from 0 (the findings read it).
Z_THRESHOLD = 2.0
#: A ranking holds when at least this share of the top brokers stays in the top under 10% missing actors.
STABLE_RANKING = 0.7
#: Monte Carlo standard errors between an estimate and its threshold for the reading to be settled.
SETTLED_SE = 2.0

#: Statistics that read the grouping.
_GROUP_STATISTICS = ("ei_index", "group_modularity", "cross_group_density")
#: Column of the attribute table that holds the resolved grouping (None: unknown).
_GROUP = "__ecograph_group__"


def _with_labels(S: SparseGraph, attr: PartitionLike | None) -> tuple[SparseGraph, Coverage | None, str | None]:
    """A copy whose attribute table holds the grouping (so that subgraphs keep it), its coverage, and why it cannot be used."""
    if attr is None:
        return S, None, None
    S, values, codes, groups = resolve_grouping(S, attr)
    labels = values.to_numpy(dtype=object, copy=True) if isinstance(values, pd.Series) else np.array(values, dtype=object, copy=True)
    labels[codes < 0] = None
    attrs = S.attributes.copy() if len(S.attributes.columns) else pd.DataFrame(index=S.nodes)
    attrs[_GROUP] = pd.Series(labels, index=attrs.index, dtype=object)
    out = SparseGraph(S.nodes, S.adjacency, attrs)
    out.graph = dict(S.graph)
    cov = coverage_of_codes(S, codes)
    return out, cov, unavailable_reason(len(groups), cov)


def _measure_function(
    measure: str | Callable, k: int, seed: int, full: SparseGraph, between: pd.Series | None = None
) -> Callable[[SparseGraph], float]:
    """The function of a SparseGraph behind a measure or statistic name (or the caller's own function)."""
    if callable(measure):
        return lambda S: float(measure(S))
    named: dict[str, Callable[[SparseGraph], float]] = {
        "density": density,
        "ei_index": lambda S: float(ei_index(S, _GROUP)) if S.m else np.nan,
        "group_modularity": lambda S: float(modularity(S, _GROUP)) if S.m else np.nan,
        "modularity": lambda S: detect_communities(S, seed=seed).modularity,
        "cross_group_density": lambda S: _cross_group_density(S, _GROUP),
    }
    if measure in named:
        return named[measure]
    if measure == "top_brokers":
        top_full = set((betweenness(full, seed=seed) if between is None else between).nlargest(k).index)

        def overlap(S: SparseGraph) -> float:
            if S is full:  # the observed network: its top against itself (betweenness is not computed again)
                return len(top_full) / k
            top = set(betweenness(S, seed=seed).nlargest(k).index)
            return len(top & top_full) / k

        return overlap
    raise ValueError(
        f"unknown measure {measure!r}; use one of {', '.join(sorted({*MEASURES, *STATISTICS}))} or a function of a SparseGraph"
    )


def _finite(values: np.ndarray) -> np.ndarray:
    return values[np.isfinite(values)]


def interval_decimals(low: float, high: float) -> int:
    """The decimals an interval is printed with: down to the first significant digit of its width (1 to :data:`MAX_DECIMALS`).

    A wider interval says less: printing it with more decimals than its
    width would show digits that the next draws change.

    Examples
    --------
    >>> interval_decimals(-0.173, -0.107), interval_decimals(0.0062, 0.0070), interval_decimals(0.6, 1.0), interval_decimals(0.5, 0.5)
    (2, 4, 1, 4)
    """
    width = high - low
    if not np.isfinite(width) or width <= 0:
        return MAX_DECIMALS
    return int(min(MAX_DECIMALS, max(1, -np.floor(np.log10(width)))))


def shown_summary(values: np.ndarray) -> tuple[float, float, float]:
    """Mean, 2.5th and 97.5th percentiles of the finite values, rounded as printed (:func:`interval_decimals`).

    The sequential rule of ``adaptive=True`` stops when one more batch of
    draws leaves this unchanged. NaN when no value is finite.

    Examples
    --------
    >>> import numpy as np
    >>> shown_summary(np.array([0.61, 0.64, 0.70, np.nan]))
    (0.65, 0.61, 0.7)
    """
    ok = _finite(np.asarray(values, dtype=float))
    if not len(ok):
        return (np.nan, np.nan, np.nan)
    low, high = np.percentile(ok, [2.5, 97.5])
    d = interval_decimals(float(low), float(high))
    return (round(float(ok.mean()), d), round(float(low), d), round(float(high), d))


def settled_mean(values: np.ndarray, threshold: float) -> bool:
    """Whether the mean of the finite values lies on one side of ``threshold`` beyond :data:`SETTLED_SE` standard errors.

    The standard error is the Monte Carlo one, ``sd / sqrt(n)``: more draws
    could not move the mean across the threshold but with a chance of about
    2.5%. No finite value: nothing to settle (True).

    Examples
    --------
    >>> import numpy as np
    >>> settled_mean(np.array([0.8, 0.9, 0.8, 0.9, 1.0]), 0.7), settled_mean(np.array([0.6, 0.8, 0.7, 0.9, 0.6]), 0.7)
    (True, False)
    """
    ok = _finite(np.asarray(values, dtype=float))
    if not len(ok):
        return True
    if len(ok) < 2:
        return False
    se = ok.std(ddof=1) / np.sqrt(len(ok))
    return bool(abs(ok.mean() - threshold) > SETTLED_SE * se) if se > 0 else bool(ok.mean() != threshold)


def settled_z(values: np.ndarray, observed: float, threshold: float = Z_THRESHOLD) -> bool:
    """Whether ``|z|`` lies on one side of ``threshold`` beyond :data:`SETTLED_SE` standard errors.

    ``z = (observed - mean) / sd`` over the rewired ``values``; with ``n``
    draws its Monte Carlo standard error is about ``sqrt((1 + z²/2) / n)``
    (the mean's error, ``sd / sqrt(n)``, and the standard deviation's,
    ``sd / sqrt(2n)``, carried through the ratio). Rewired values that do
    not vary settle it at once (``z`` is infinite, or 0 when equal to the
    observed one); an observed value that cannot be computed has nothing to
    settle.

    Examples
    --------
    >>> import numpy as np
    >>> rewired = np.random.default_rng(0).normal(0.35, 0.01, 20)
    >>> settled_z(rewired, 0.70), settled_z(rewired, 0.37)
    (True, False)
    """
    ok = _finite(np.asarray(values, dtype=float))
    if not np.isfinite(observed) or not len(ok):
        return True
    if len(ok) < 2:
        return False
    sd = ok.std(ddof=1)
    if sd == 0:
        return True
    z = (observed - ok.mean()) / sd
    return bool(abs(abs(z) - threshold) > SETTLED_SE * np.sqrt((1 + z * z / 2) / len(ok)))


def _draw(
    draw: Callable[[int], np.ndarray],
    samples: int,
    adaptive: bool,
    width: int = 1,
    *,
    settled: Callable[[int, np.ndarray], bool] | None = None,
    batch: int = BATCH,
    least: int = 2 * BATCH,
) -> np.ndarray:
    """``samples`` draws (rows of ``width`` values), or fewer under a sequential rule, looked at after each ``batch``.

    Without ``settled``: stop when a batch leaves every printed summary as
    it was. With it: stop, once ``least`` draws are made, when
    ``settled(column, values)`` holds for every column.
    """
    values = np.full((samples, width), np.nan)
    before = None
    for i in range(samples):
        values[i] = draw(i)
        done = i + 1
        if not adaptive or done % batch:
            continue
        if settled is not None:
            if done >= least and all(settled(j, values[:done, j]) for j in range(width)):
                return values[:done]
            continue
        now = [repr(shown_summary(values[:done, j])) for j in range(width)]  # as printed: NaN, which cannot be computed, stays NaN
        if now == before:
            return values[:done]
        before = now
    return values


@dataclass
class Robustness:
    """How a measure moves when data go missing at random.

    ``ci_low`` and ``ci_high`` are the 2.5th and 97.5th percentiles of the
    resampled values (samples where the measure cannot be computed are left
    out of every summary). ``coverage`` is the grouping's coverage in the
    observed network (None for measures without a grouping) and ``reason``
    why the observed value cannot be computed (None when it can).
    ``samples`` is the number of draws made, ``max_samples`` the most that
    ``rule`` allowed (``"fixed"``: all of them; ``"stable"``: the
    sequential rule of :func:`shown_summary`; ``"settled"``: until the
    mean's side of a threshold is settled, :func:`settled_mean`).

    Examples
    --------
    >>> import networkx as nx
    >>> r = robustness(nx.karate_club_graph(), "density", fraction=0.0, samples=3)
    >>> r.std, r.to_series()["samples"]
    (0.0, 3)
    """

    measure: str
    observed: float
    values: np.ndarray = field(repr=False)
    drop: str
    fraction: float
    samples: int
    seed: int
    coverage: Coverage | None = None
    reason: str | None = None
    max_samples: int | None = None
    rule: str = "fixed"

    @property
    def mean(self) -> float:
        """Mean of the resampled values."""
        ok = _finite(self.values)
        return float(ok.mean()) if len(ok) else float("nan")

    @property
    def std(self) -> float:
        """Standard deviation of the resampled values."""
        ok = _finite(self.values)
        return float(ok.std(ddof=1)) if len(ok) > 1 else float("nan")

    @property
    def ci_low(self) -> float:
        """2.5th percentile of the resampled values."""
        ok = _finite(self.values)
        return float(np.percentile(ok, 2.5)) if len(ok) else float("nan")

    @property
    def ci_high(self) -> float:
        """97.5th percentile of the resampled values."""
        ok = _finite(self.values)
        return float(np.percentile(ok, 97.5)) if len(ok) else float("nan")

    def to_series(self) -> pd.Series:
        """The summary as a Series (for tables and reports), with the coverage shares and the reason."""
        return pd.Series(
            {
                "measure": self.measure,
                "observed": self.observed,
                "mean": self.mean,
                "std": self.std,
                "ci_low": self.ci_low,
                "ci_high": self.ci_high,
                "drop": self.drop,
                "fraction": self.fraction,
                "samples": self.samples,
                "max_samples": self.max_samples if self.max_samples is not None else self.samples,
                "rule": self.rule,
                "seed": self.seed,
                **_coverage_items(self.coverage, self.reason),
            },
            name=self.measure,
        )


def _coverage_items(cov: Coverage | None, reason: str | None) -> dict:
    """The coverage columns of a summary table (NaN for a measure without a grouping)."""
    return {
        "actor_coverage": cov.actor_share if cov is not None else np.nan,
        "tie_coverage": cov.tie_share if cov is not None else np.nan,
        "reason": reason,
    }


def robustness(
    G: GraphLike,
    measure: str | Callable[[SparseGraph], float],
    *,
    drop: Literal["actors", "ties"] = "actors",
    fraction: float = 0.1,
    samples: int = 200,
    seed: int = 0,
    attr: PartitionLike = "sphere",
    k: int = 10,
    adaptive: bool = False,
    settle: float | None = None,
    batch: int = BATCH,
    between: pd.Series | None = None,
) -> Robustness:
    """Resample the network with data missing at random and recompute a measure.

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
    measure : str or callable
        ``"density"``, ``"ei_index"`` (across ``attr``), ``"group_modularity"``
        (modularity of the ``attr`` groups), ``"modularity"`` (of communities
        detected afresh in each sample), ``"top_brokers"`` (share of the
        ``k`` actors with the highest betweenness that stay in the top ``k``),
        or a function taking a :class:`SparseGraph` and returning a number.
    drop : {"actors", "ties"}, default "actors"
        What goes missing.
    fraction : float, default 0.1
        Share removed in each sample (rounded to a whole number of actors or ties).
    samples : int, default 200
        Number of draws (the most, with ``adaptive``).
    seed : int, default 0
    attr : str, Series, mapping, list of sets or Communities, default "sphere"
        The grouping of ``ei_index`` and ``group_modularity`` (see
        :func:`ecograph.partition.group_labels`); unknown groups are left out.
    k : int, default 10
    adaptive : bool, default False
        Draw in batches of ``batch`` and stop as soon as a batch leaves
        the printed mean and interval unchanged (:func:`shown_summary`).
        The first draws are the same either way (same seed).
    settle : float, optional
        With ``adaptive``: stop instead, from the first batch on, as soon as
        the mean lies on one side of ``settle`` beyond :data:`SETTLED_SE`
        standard errors (:func:`settled_mean`; rule ``"settled"``), for a
        figure read against a threshold (the top brokers against
        :data:`STABLE_RANKING`).
    batch : int, default :data:`BATCH`
        Draws between two looks.
    between : Series, optional
        For ``"top_brokers"``: the betweenness of ``G`` already computed the
        same way (an Analysis's), indexed by node, so that it is not
        computed again.

    Returns
    -------
    Robustness

    Examples
    --------
    >>> import networkx as nx
    >>> K = nx.karate_club_graph()
    >>> r = robustness(K, "top_brokers", k=5, samples=30, seed=1)
    >>> r.observed, 0 < r.mean < 1
    (1.0, True)
    >>> s = robustness(K, "density", samples=200, seed=1, adaptive=True)
    >>> s.samples < 200, s.rule, s.values.tolist() == robustness(K, "density", samples=s.samples, seed=1).values.tolist()
    (True, 'stable', True)
    >>> t = robustness(K, "top_brokers", k=5, samples=30, seed=1, adaptive=True, settle=0.7, batch=5)
    >>> t.rule, t.samples < 30, t.values.tolist() == robustness(K, "top_brokers", k=5, samples=t.samples, seed=1).values.tolist()
    ('settled', True, True)
    """
    if drop not in ("actors", "ties"):
        raise ValueError("drop must be 'actors' or 'ties'")
    if isinstance(measure, str) and measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; use one of {', '.join(MEASURES)} or a function of a SparseGraph")
    if not 0 <= fraction < 1:
        raise ValueError("fraction must be at least 0 and below 1")
    uses_attr = measure in _GROUP_STATISTICS
    S, cov, reason = _with_labels(as_sparse(G), attr if uses_attr else None)
    fn = _measure_function(measure, k, seed, S, between)
    observed = float(fn(S)) if reason is None else float("nan")
    name = measure if isinstance(measure, str) else getattr(measure, "__name__", "custom")
    rng = np.random.default_rng(seed)
    rule = "fixed" if not adaptive else "stable" if settle is None else "settled"
    if reason is not None:  # nothing to resample: a part of what cannot be computed cannot be computed either (no draw made)
        return Robustness(name, observed, np.full(0, np.nan), drop, float(fraction), 0, seed, cov, reason, samples, rule)

    def draw(_: int) -> float:
        if drop == "actors":
            keep = np.ones(S.n, dtype=bool)
            keep[rng.choice(S.n, size=round(fraction * S.n), replace=False)] = False
            sample = S.subgraph(keep)
        else:
            mask = np.zeros(S.m, dtype=bool)
            mask[rng.choice(S.m, size=round(fraction * S.m), replace=False)] = True
            sample = S.without_edges(mask)
        return fn(sample) if sample.n else np.nan

    settled = None if settle is None else (lambda _j, vals: settled_mean(vals, settle))
    values = _draw(draw, samples, adaptive, settled=settled, batch=batch, least=batch if settle is not None else 2 * batch)[:, 0]
    return Robustness(name, observed, values, drop, float(fraction), len(values), seed, cov, reason, samples, rule)


@dataclass
class NullModelTest:
    """An observed statistic against degree-preserving rewirings.

    ``coverage`` is the grouping's coverage for a group statistic (None for
    the others) and ``reason`` why the observed statistic cannot be
    computed; then every summary (mean, std, z, p-values) is NaN.
    ``samples``, ``max_samples`` and ``rule`` say how many rewirings were
    drawn, as in :class:`Robustness` (``"settled"``: until every
    statistic's ``|z|`` was settled on one side of a threshold,
    :func:`settled_z`).

    Examples
    --------
    >>> import networkx as nx
    >>> t = null_model_test(nx.karate_club_graph(), lambda S: S.m, samples=5)
    >>> t.observed, t.mean, t.p_greater
    (78.0, 78.0, 1.0)
    """

    statistic: str
    observed: float
    values: np.ndarray = field(repr=False)
    samples: int
    seed: int
    coverage: Coverage | None = None
    reason: str | None = None
    max_samples: int | None = None
    rule: str = "fixed"

    @property
    def _rewired(self) -> np.ndarray:
        """The rewired values that could be computed (all NaN when the observed one cannot)."""
        return _finite(self.values) if np.isfinite(self.observed) else self.values[:0]

    @property
    def mean(self) -> float:
        """Mean over rewired graphs."""
        ok = self._rewired
        return float(ok.mean()) if len(ok) else float("nan")

    @property
    def std(self) -> float:
        """Standard deviation over rewired graphs."""
        ok = self._rewired
        return float(ok.std(ddof=1)) if len(ok) > 1 else float("nan")

    @property
    def ci_low(self) -> float:
        """2.5th percentile of the rewired values."""
        ok = self._rewired
        return float(np.percentile(ok, 2.5)) if len(ok) else float("nan")

    @property
    def ci_high(self) -> float:
        """97.5th percentile of the rewired values."""
        ok = self._rewired
        return float(np.percentile(ok, 97.5)) if len(ok) else float("nan")

    @property
    def z(self) -> float:
        """(observed − mean) / std; infinite when the rewired values do not vary."""
        if not len(self._rewired):
            return float("nan")
        sd, mean = self.std, self.mean
        if sd == 0 or np.isnan(sd):
            return float(np.sign(self.observed - mean) * np.inf) if self.observed != mean else 0.0
        return (self.observed - mean) / sd

    @property
    def p_greater(self) -> float:
        """Share of rewired graphs (counting the observed one) at least as high."""
        ok = self._rewired
        return float((1 + (ok >= self.observed - 1e-12).sum()) / (1 + len(ok))) if len(ok) else float("nan")

    @property
    def p_less(self) -> float:
        """Share of rewired graphs (counting the observed one) at most as high."""
        ok = self._rewired
        return float((1 + (ok <= self.observed + 1e-12).sum()) / (1 + len(ok))) if len(ok) else float("nan")

    def to_series(self) -> pd.Series:
        """The summary as a Series."""
        return pd.Series(
            {
                "statistic": self.statistic,
                "observed": self.observed,
                "mean": self.mean,
                "std": self.std,
                "z": self.z,
                "p_greater": self.p_greater,
                "p_less": self.p_less,
                "ci_low": self.ci_low,
                "ci_high": self.ci_high,
                "samples": self.samples,
                "max_samples": self.max_samples if self.max_samples is not None else self.samples,
                "rule": self.rule,
                "seed": self.seed,
                **_coverage_items(self.coverage, self.reason),
            },
            name=self.statistic,
        )


def _cross_group_density(S: SparseGraph, attr: PartitionLike) -> float:
    """Ties between two different known groups / pairs of actors in two different known groups (NaN: cannot be computed)."""
    _, _, codes, groups = resolve_grouping(S, attr)
    cov = coverage_of_codes(S, codes)
    if unavailable_reason(len(groups), cov) is not None:
        return np.nan
    cu, cv, _ = known_tie_codes(S, codes, cov)
    cross = int((cu != cv).sum())
    sizes = np.bincount(codes[codes >= 0], minlength=len(groups)).astype(float)
    possible = (sizes.sum() ** 2 - (sizes**2).sum()) / 2
    return cross / possible if possible else np.nan


def null_model_test(
    G: GraphLike,
    statistic: str | Callable[[SparseGraph], float],
    *,
    samples: int = 100,
    seed: int = 0,
    attr: PartitionLike = "sphere",
    swaps_per_tie: int = 10,
    adaptive: bool = False,
    gap: float | None = 1,
    settle: float | None = None,
) -> NullModelTest:
    """Compare a statistic with its values on degree-preserving rewirings.

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
    statistic : str or callable
        ``"modularity"`` (of communities detected with Leiden), ``"group_modularity"``,
        ``"cross_group_density"`` (ties between two different known ``attr``
        groups over the pairs of actors in two different known groups),
        ``"ei_index"``, or a function of a :class:`SparseGraph`.
    samples : int, default 100
        Number of rewired graphs (the most, with ``adaptive``).
    seed : int, default 0
    attr : str, Series, mapping, list of sets or Communities, default "sphere"
        The grouping of the group statistics; unknown groups are left out.
    swaps_per_tie : int, default 10
        Double-edge swaps attempted per tie from the observed network
        (:func:`ecograph.measures.rewiring.rewire_edges`).
    adaptive : bool, default False
        Rewire in batches of :data:`BATCH` and stop as soon as a batch
        leaves the printed mean and 95% range of the rewired values
        unchanged (:func:`shown_summary`), for every statistic.
    gap : float or None, default 1
        Swaps per tie between two successive rewirings of one chain
        (:func:`ecograph.measures.rewiring.rewiring_chain`); None rewires
        each afresh from the observed network with ``swaps_per_tie``.
    settle : float, optional
        With ``adaptive``: stop instead, once :data:`BATCH` × 2 rewirings are
        drawn (so that a p-value can fall below 0.05), as soon as every
        statistic's ``|z|`` lies on one side of ``settle`` beyond
        :data:`SETTLED_SE` standard errors (:func:`settled_z`; rule
        ``"settled"``), e.g. :data:`Z_THRESHOLD`.

    Returns
    -------
    NullModelTest
        With ``z``, ``p_greater`` and ``p_less`` (p-values count the observed
        graph, so they are never 0), and for a group statistic the
        grouping's ``coverage`` and ``reason`` (all NaN when it cannot be
        computed: no rewiring can make up for unknown groups).

    Examples
    --------
    >>> import networkx as nx
    >>> K = nx.karate_club_graph()
    >>> t = null_model_test(K, "ei_index", attr="club", samples=50, seed=0)
    >>> round(t.observed, 3), t.z < -3, t.p_less < 0.05
    (-0.718, True, True)
    """
    return null_model_tests(
        G, [statistic], samples=samples, seed=seed, attr=attr, swaps_per_tie=swaps_per_tie, adaptive=adaptive, gap=gap, settle=settle
    )[0]


def null_model_tests(
    G: GraphLike,
    statistics: list[str | Callable[[SparseGraph], float]],
    *,
    samples: int = 100,
    seed: int = 0,
    attr: PartitionLike = "sphere",
    swaps_per_tie: int = 10,
    adaptive: bool = False,
    gap: float | None = 1,
    settle: float | None = None,
    observed: Mapping[str, float] | None = None,
) -> list[NullModelTest]:
    """Several statistics against the same degree-preserving rewirings (each graph is rewired once).

    Gives, statistic by statistic, what :func:`null_model_test` gives.
    ``observed`` may hold a named statistic's value on ``G`` already
    computed the same way (the modularity of the communities an Analysis
    detected with the same seed), so that it is not computed again.

    Examples
    --------
    >>> import networkx as nx
    >>> K = nx.karate_club_graph()
    >>> both = null_model_tests(K, ["ei_index", "cross_group_density"], attr="club", samples=10)
    >>> [t.statistic for t in both], both[0].values.tolist() == null_model_test(K, "ei_index", attr="club", samples=10).values.tolist()
    (['ei_index', 'cross_group_density'], True)
    """
    S = as_sparse(G)
    if S.m < 2:
        raise GraphError("a null-model test needs at least two ties to rewire")
    for statistic in statistics:
        if isinstance(statistic, str) and statistic not in STATISTICS:
            raise ValueError(f"unknown statistic {statistic!r}; use one of {', '.join(STATISTICS)} or a function of a SparseGraph")
    uses_attr = any(isinstance(stat, str) and stat in _GROUP_STATISTICS for stat in statistics)
    S, cov, reason = _with_labels(S, attr if uses_attr else None)
    grouped = [isinstance(stat, str) and stat in _GROUP_STATISTICS for stat in statistics]
    functions = [_measure_function(stat, 10, seed, S) for stat in statistics]
    if reason is not None:  # a group statistic that cannot be computed is not computed on rewirings either
        functions = [(lambda _S: np.nan) if g else fn for g, fn in zip(grouped, functions)]
    known = dict(observed or {})
    values_seen = [
        float(known[stat]) if isinstance(stat, str) and stat in known else float(fn(S)) for stat, fn in zip(statistics, functions)
    ]
    rng = np.random.default_rng(seed)
    chain = rewiring_chain(S, swaps_per_tie=swaps_per_tie, gap=gap, seed=rng) if gap is not None else None

    def draw(_: int) -> list[float]:
        R = next(chain) if chain is not None else rewired(S, swaps_per_tie=swaps_per_tie, seed=rng)
        return [fn(R) for fn in functions]

    unavailable = [g and reason is not None for g in grouped]  # nothing computed on the rewirings: none counted
    settled = None if settle is None else (lambda j, vals: settled_z(vals, values_seen[j], settle))
    values = (
        np.full((len(statistics), 0), np.nan)
        if all(unavailable)
        else _draw(draw, samples, adaptive, width=len(statistics), settled=settled).T
    )
    rule = "fixed" if not adaptive else "stable" if settle is None else "settled"
    return [
        NullModelTest(
            stat if isinstance(stat, str) else getattr(stat, "__name__", "custom"),
            obs,
            vals[:0] if none else vals,
            0 if none else len(vals),
            seed,
            cov if g else None,
            reason if g else None,
            samples,
            rule,
        )
        for stat, obs, vals, g, none in zip(statistics, values_seen, values, grouped, unavailable)
    ]
