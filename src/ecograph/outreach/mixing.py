"""Who an actor known only by its attributes would be tied to: a degree-corrected attribute mixing model fitted on the known ties.

An actor without any known tie or person (the *cold start*) is known by its
group (sphere), kind, scope, commune and place. Which actor of the network is
it likeliest to be tied to? This module estimates, for an actor ``t`` and a
candidate ``c``, a tie rate

.. math::

   \\lambda(t, c) = d_c^{\\beta_d}\\;
   \\prod_a \\ell_a(c, t)^{\\beta_a}\\;
   e^{\\beta_p\\,\\mathrm{proximity}(t, c) + \\beta_s\\,\\mathrm{support}(c)}

where ``d_c`` is ``c``'s degree and, for each attribute ``a`` (group, kind,
scope, commune), ``ℓ_a(c, t)`` is the **lift** of ``c``'s ties towards
``t``'s class: the share of ``c``'s ties that go to actors of that class,
smoothed towards the share of the ties of ``c``'s own class that do (the
attribute's block model: sphere × sphere, kind × kind...), over the class's
share of all tie ends,

.. math::

   \\ell_a(c, t) = \\frac{(n_{c,x} + \\alpha\\,q_{y,x}) / (d_c + \\alpha)}{\\pi_x},
   \\quad x = a(t),\\; y = a(c),

``n_{c,x}`` being ``c``'s ties to actors of class ``x``, ``q_{y,x}`` the
share of the ties of class ``y``'s actors that go to class ``x`` (``π_x``
when ``c``'s class is unknown), ``π_x`` the share of tie ends in class ``x``
and ``α`` (:data:`PSEUDO_TIES`) a pseudo-count of ties, so that a candidate
with few ties is read as its class rather than as its two or three ties.
The lift is 1 (no information) when ``t``'s class is unknown. With ``β_d =
β_group = 1`` and every other coefficient 0, ``λ`` is (smoothed) ``c``'s
ties to ``t``'s group, the tie rate of ``c`` with a member of
that group that a degree-corrected block model (Karrer & Newman 2011) gives
when each candidate is its own block; this, with small bonuses (:data:`PRIOR`), is
the prior of the fit.

Each candidate is thus its own block, its mixing read from its own ties
(smoothed), and the coefficients say how much each attribute and the degree
matter. They are fitted on the known ties by **hiding each sampled actor's
ties in turn**, as the cold start hides them: for an actor ``u``, each of its
neighbours is a choice among itself and :data:`ALTERNATIVES` actors drawn at
random, with ``u``'s ties removed from every count (a conditional logit with
sampled alternatives, McFadden 1978, whose estimate stays consistent when the
alternatives are drawn uniformly). The fit is a maximum a posteriori
estimate, with a Gaussian prior of precision :data:`PRIOR_PRECISION`
centred on the block model above, with the small bonuses a support
structure, a shared kind or commune and a nearby place had as judgements
(:data:`PRIOR`): with few ties (the Dijon network) the prior holds, with
many the data decide. Costs are linear in the actors:
at most :data:`FIT_ACTORS` actors and :data:`FIT_NEIGHBOURS` neighbours each
are sampled.

On synthetic ecosystems (``benchmarks/outreach.py``), where ties follow
planted communities, each dominated by a sphere, and communes, places and
scopes are drawn at random, the fit gives ``β_d ≈ 0.85``, ``β_group ≈ 0.72``, ``β_kind``
0.02 to 0.08, ``β_support ≈ 0.16`` and under 0.03 in size for scope, commune
and proximity, as it should (2,000 and 10,000 actors; 6,000 choices or so,
under a second).

References
----------
.. [1] Karrer, B. & Newman, M. E. J. (2011). Stochastic blockmodels and
   community structure in networks. *Physical Review E* 83, 016107.
.. [2] McFadden, D. (1978). Modelling the choice of residential location.
   In *Spatial Interaction Theory and Planning Models*, 75-96.

Examples
--------
>>> import ecograph as eg
>>> from ecograph.outreach.facts import Facts
>>> F = Facts.read(eg.Analysis(eg.datasets.tiny()))
>>> m = AttributeMixing.fit(F)
>>> sorted(m.coefficients)
['commune', 'degree', 'group', 'kind', 'proximity', 'scope', 'support']
>>> m.ties
18
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.optimize import minimize

from .facts import Facts

__all__ = ["ALTERNATIVES", "FIT_ACTORS", "FIT_NEIGHBOURS", "PRIOR", "PRIOR_PRECISION", "PSEUDO_TIES", "AttributeMixing", "km"]

#: Pseudo-count of ties by which a candidate's mixing is smoothed towards the class's share of all tie ends.
PSEUDO_TIES = 2.0
#: Coefficients of the model before any tie is seen: ``c``'s ties to ``t``'s group (see the module notes).
PRIOR: dict[str, float] = {"degree": 1.0, "group": 1.0, "kind": 0.05, "scope": 0.0, "commune": 0.1, "proximity": 0.1, "support": 0.1}
#: Precision of the Gaussian prior on each coefficient: a network of a few dozen ties (Dijon's gives 7 choices) keeps the
#: prior, thousands of ties decide (the log-likelihood's curvature grows with the choices, about 1 to 4 each).
PRIOR_PRECISION = 100.0
#: Actors whose ties are hidden in turn to fit the model (sampled when there are more).
FIT_ACTORS = 1000
#: Neighbours of each such actor used as choices (sampled when there are more).
FIT_NEIGHBOURS = 20
#: Actors drawn at random as the alternatives of each choice.
ALTERNATIVES = 30
#: The categorical attributes whose mixing is fitted, in :data:`PRIOR`'s order.
CLASSES = ("group", "kind", "scope", "commune")
_EARTH_KM = 6371.0


def km(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Great-circle distance in km between rows of (lat, lon) arrays.

    >>> float(np.round(km(np.array([[0.0, 0.0]]), np.array([[0.0, 1.0]]))[0], 1))
    111.2
    """
    la1, lo1, la2, lo2 = (np.radians(x) for x in (a[:, 0], a[:, 1], b[:, 0], b[:, 1]))
    h = np.sin((la2 - la1) / 2) ** 2 + np.cos(la1) * np.cos(la2) * np.sin((lo2 - lo1) / 2) ** 2
    return 2 * _EARTH_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1)))


def proximity(F: Facts, t: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distance in km of each pair (NaN where a place is unknown) and its proximity ``0.5 ** (km / 5)`` (0 where unknown)."""
    dist = np.full(len(c), np.nan)
    if F.coords is not None and len(c):
        both = np.isfinite(F.coords[t]).all(axis=1) & np.isfinite(F.coords[c]).all(axis=1)
        dist[both] = km(F.coords[t[both]], F.coords[c[both]])
    return dist, np.where(np.isfinite(dist), np.power(0.5, np.nan_to_num(dist, nan=1e9) / 5.0), 0.0)


def _class_codes(F: Facts) -> dict[str, np.ndarray]:
    """The class of every actor for each attribute of :data:`CLASSES` (-1 where unknown)."""
    known = np.array([s is not None for s in F.scopes], dtype=bool)
    scope = np.full(F.n, -1, dtype=np.int64)
    if known.any():
        scope[known] = pd.factorize(pd.Series(F.scopes[known], dtype=object).astype(str), sort=True)[0]
    return {"group": F.group_codes, "kind": F.kind_codes, "scope": scope, "commune": F.commune_codes}


def _lookup(M: sp.csr_array, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    if not len(rows):
        return np.zeros(0)
    values = M[rows, cols]
    return np.asarray(values.toarray() if sp.issparse(values) else values, dtype=float).ravel()


@dataclass
class AttributeMixing:
    """A fitted tie-rate model (see the module notes); build it with :meth:`fit`.

    Attributes
    ----------
    coefficients : dict
        ``degree``, then the lift exponent of each attribute (``group``,
        ``kind``, ``scope``, ``commune``), ``proximity`` and ``support``.
    ties : int
        Choices (an actor's known neighbour among random actors) the fit read.
    seed : int
        Seed of the sampling.
    """

    facts: Facts
    coefficients: dict[str, float]
    ties: int
    seed: int
    codes: dict[str, np.ndarray] = field(repr=False)
    counts: dict[str, sp.csr_array] = field(repr=False)
    shares: dict[str, np.ndarray] = field(repr=False)
    blocks: dict[str, sp.csr_array] = field(repr=False)
    group_rates: dict[int, np.ndarray] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, F: Facts, *, seed: int = 0) -> AttributeMixing:
        """The model fitted on ``F`` with the introducers' candidates (actors with a tie, not of the excluded kinds), once per seed.

        A worklist ranked in several parts reads the same fitted model.

        >>> import ecograph as eg
        >>> F = Facts.read(eg.Analysis(eg.datasets.tiny()))
        >>> AttributeMixing.of(F) is AttributeMixing.of(F)
        True
        """
        key = ("attribute_mixing", int(seed))
        if key not in F.fitted:
            F.fitted[key] = cls.fit(F, eligible=~F.excluded & (F.degree > 0), seed=seed)
        return F.fitted[key]

    @classmethod
    def fit(cls, F: Facts, *, eligible: np.ndarray | None = None, seed: int = 0) -> AttributeMixing:
        """Fit the coefficients on the known ties of ``F`` (candidates: ``eligible`` actors with a tie, default every one)."""
        codes = _class_codes(F)
        counts, shares, blocks = {}, {}, {}
        for name, code in codes.items():
            known = np.flatnonzero(code >= 0)
            m = max(int(code.max()) + 1, 1) if len(code) else 1
            H = sp.csr_array((np.ones(len(known)), (known, code[known])), shape=(F.n, m))
            counts[name] = _sorted((F.A @ H).tocsr())  # c's ties to each class
            ends = np.asarray(counts[name].sum(axis=0)).ravel()
            shares[name] = (ends + 1.0) / (ends.sum() + m)  # share of tie ends in each class (add-one: never 0)
            blocks[name] = _sorted((H.T @ counts[name]).tocsr())  # ties between classes: the attribute's block model
        model = cls(F, dict(PRIOR), 0, int(seed), codes, counts, shares, blocks)
        ok = (F.degree > 0) if eligible is None else (eligible & (F.degree > 0))
        model._fit(ok)
        return model

    def features(self, t: np.ndarray, c: np.ndarray, hidden: np.ndarray | None = None) -> np.ndarray:
        """The model's features of each pair (``t[i]``, ``c[i]``), one column per coefficient.

        ``hidden`` (1 where ``t[i]`` and ``c[i]`` are tied) removes ``t``'s
        ties from ``c``'s counts, as when ``t``'s ties are hidden.
        """
        classes = {name: self.codes[name][t] for name in CLASSES}
        return self._pair_features(classes, None if self.facts.coords is None else self.facts.coords[t], c, hidden)

    def _pair_features(
        self, classes: dict[str, np.ndarray], where: np.ndarray | None, c: np.ndarray, hidden: np.ndarray | None
    ) -> np.ndarray:
        """Features of an actor of these classes (and place, NaN where unknown) with each candidate ``c``."""
        F = self.facts
        gone = np.zeros(len(c)) if hidden is None else np.asarray(hidden, dtype=float)
        d = F.degree[c] - gone
        columns = [np.log(np.maximum(d, 1.0))]
        for name in CLASSES:
            x = classes[name]
            known = x >= 0
            lift = np.zeros(len(c))
            if known.any():
                n = _lookup(self.counts[name], c[known], x[known]) - gone[known]
                own = self.codes[name][c[known]]
                p = self.shares[name][x[known]]
                q = np.where(own >= 0, self._block_share(name, np.maximum(own, 0), x[known]), p)  # the mixing of c's own class
                lift[known] = np.log((n + PSEUDO_TIES * q) / (np.maximum(d[known], 0) + PSEUDO_TIES)) - np.log(p)
            columns.append(lift)
        near = np.zeros(len(c))
        if where is not None and F.coords is not None and len(c):
            both = np.isfinite(where).all(axis=1) & np.isfinite(F.coords[c]).all(axis=1)
            near[both] = np.power(0.5, km(where[both], F.coords[c[both]]) / 5.0)
        columns.append(near)
        columns.append(F.support[c].astype(float))
        return np.column_stack(columns)

    def _block_share(self, name: str, y: np.ndarray, x: np.ndarray) -> np.ndarray:
        """Share of the ties of class ``y``'s actors that go to class ``x`` (one pseudo-tie spread as the tie ends are)."""
        B = self.blocks[name]
        total = np.asarray(B.sum(axis=1)).ravel()
        return (_lookup(B, y, x) + self.shares[name][x]) / (total[y] + 1.0)

    def log_rate(self, t: np.ndarray, c: np.ndarray) -> np.ndarray:
        """``log λ(t, c)`` of each pair (``t[i]``, ``c[i]``) (positions in node order)."""
        return self.features(t, c) @ np.array(list(self.coefficients.values()))

    def group_log_rate(self, c: np.ndarray, group: int) -> np.ndarray:
        """``log λ`` of an actor known only by its group (code ``group``; -1: unknown) with each candidate ``c``.

        >>> import ecograph as eg
        >>> from ecograph.outreach.facts import Facts
        >>> m = AttributeMixing.fit(Facts.read(eg.Analysis(eg.datasets.tiny())))
        >>> c = np.arange(m.facts.n)
        >>> beta = m.coefficients
        >>> expected = beta["degree"] * np.log(np.maximum(m.facts.degree, 1)) + beta["support"] * m.facts.support
        >>> bool(np.allclose(m.group_log_rate(c, -1), expected))
        True
        """
        if group not in self.group_rates:  # every actor's, once per group (a worklist ranked in parts asks again)
            everyone = np.arange(self.facts.n)
            classes = {name: np.full(self.facts.n, group if name == "group" else -1, dtype=np.int64) for name in CLASSES}
            self.group_rates[group] = self._pair_features(classes, None, everyone, None) @ np.array(list(self.coefficients.values()))
        return self.group_rates[group][c]

    def _choices(self, ok: np.ndarray) -> tuple[np.ndarray, ...]:
        """Sampled (actor, candidate) rows: each actor's neighbours (chosen) then random actors, and the actor each row is of."""
        F, rng = self.facts, np.random.default_rng(self.seed)
        pool = np.flatnonzero(ok)
        actors = np.flatnonzero(ok & (F.degree > 0))
        if len(actors) > FIT_ACTORS:
            actors = np.sort(rng.choice(actors, size=FIT_ACTORS, replace=False))
        rows_t, rows_c, tied, chosen = [], [], [], []
        for u in actors:
            nbrs = F.neighbours(u)
            nbrs = nbrs[ok[nbrs] & (F.degree[nbrs] > 1)]  # with u's ties hidden, a neighbour must keep one
            if not len(nbrs):
                continue
            if len(nbrs) > FIT_NEIGHBOURS:
                nbrs = np.sort(rng.choice(nbrs, size=FIT_NEIGHBOURS, replace=False))
            others = rng.choice(pool, size=ALTERNATIVES)
            c = np.concatenate([nbrs, others[others != u]])
            rows_t.append(np.full(len(c), u))
            rows_c.append(c)
            tied.append(np.isin(c, F.neighbours(u)).astype(float))
            chosen.append(np.arange(len(c)) < len(nbrs))
        if not rows_t:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0, dtype=bool)
        return tuple(np.concatenate(x) for x in (rows_t, rows_c, tied, chosen))

    def _fit(self, ok: np.ndarray) -> None:
        """Maximum a posteriori coefficients of the conditional logit (see the module notes).

        Each neighbour ``v`` of a sampled actor ``u`` is chosen among itself
        and ``u``'s random actors ``R``: its probability is
        ``λ(u, v) / (λ(u, v) + Σ_R λ(u, w))``.
        """
        t, c, tied, chosen = self._choices(ok)
        self.ties = int(chosen.sum())
        if not self.ties:
            return
        X = self.features(t, c, tied)
        actor = np.unique(t, return_inverse=True)[1]
        others = ~chosen
        k = int(actor.max()) + 1
        prior = np.array(list(PRIOR.values()))

        def loss(beta: np.ndarray) -> tuple[float, np.ndarray]:
            eta = X @ beta
            shift = np.zeros(k)
            np.maximum.at(shift, actor, eta)
            e = np.exp(eta - shift[actor])
            rest = np.bincount(actor[others], weights=e[others], minlength=k)  # Σ_R λ, per actor
            rest_x = np.column_stack([np.bincount(actor[others], weights=(e * X[:, j])[others], minlength=k) for j in range(X.shape[1])])
            a = actor[chosen]
            total = e[chosen] + rest[a]
            ll = np.sum(np.log(e[chosen]) - np.log(total))
            grad = (X[chosen] - (e[chosen, None] * X[chosen] + rest_x[a]) / total[:, None]).sum(axis=0)
            diff = beta - prior
            return -ll + PRIOR_PRECISION / 2 * diff @ diff, -grad + PRIOR_PRECISION * diff

        result = minimize(loss, prior, jac=True, method="L-BFGS-B")
        self.coefficients = dict(zip(PRIOR, (round(float(b), 6) for b in result.x)))


def _sorted(M: sp.csr_array) -> sp.csr_array:
    M = sp.csr_array(M)
    if not M.has_sorted_indices:
        M.sort_indices()
    return M
