"""How an ecosystem changes: headline measures per year, and between two mapping waves.

Examples
--------
>>> import ecograph as eg
>>> m = headline_measures(eg.datasets.tiny().graph())
>>> int(m["actors"]), int(m["ties"]), int(m["components"])
(8, 9, 2)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy.sparse.csgraph import connected_components

from .communities import modularity
from .ei import ei_index
from .sparse import GraphLike, as_sparse

if TYPE_CHECKING:  # pragma: no cover
    from .ecosystem import Ecosystem

__all__ = ["HEADLINE", "EcosystemDiff", "diff", "evolution", "headline_measures"]

#: The headline measures, in report order.
HEADLINE = ("actors", "ties", "density", "mean_degree", "components", "largest_component_share", "isolates", "ei_index", "group_modularity")


def headline_measures(G: GraphLike, attr: str = "sphere") -> pd.Series:
    """The few numbers that describe a network at a glance.

    ``actors``, ``ties`` (pairs of actors linked), ``density``,
    ``mean_degree``, ``components``, ``largest_component_share`` (share of
    actors in the largest component), ``isolates``, ``ei_index`` across the
    ``attr`` groups and ``group_modularity`` (modularity of the ``attr``
    groups). E-I and modularity are NaN for a graph without ties, where they
    are undefined.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(0, 1), (2, 3)])
    >>> nx.set_node_attributes(G, {0: "a", 1: "a", 2: "a", 3: "b"}, "sphere")
    >>> headline_measures(G)[["density", "components", "ei_index"]].tolist()
    [0.3333333333333333, 2.0, 0.0]
    """
    S = as_sparse(G)
    n, m = S.n, S.m
    n_comp, comp = connected_components(S.adjacency, directed=False)
    sizes = np.bincount(comp, minlength=n_comp)
    values = {
        "actors": n,
        "ties": m,
        "density": 0.0 if n < 2 else 2.0 * m / (n * (n - 1)),
        "mean_degree": 2.0 * m / n,
        "components": n_comp,
        "largest_component_share": float(sizes.max() / n),
        "isolates": int((S.degrees() == 0).sum()),
        "ei_index": float(ei_index(S, attr)) if m else np.nan,
        "group_modularity": modularity(S, attr) if m else np.nan,
    }
    return pd.Series(values, name="value", dtype=float)


def _empty_measures() -> pd.Series:
    return pd.Series({k: (0.0 if k in ("actors", "ties", "components", "isolates") else np.nan) for k in HEADLINE}, dtype=float)


def _default_years(eco: Ecosystem) -> list[int]:
    years: list[int] = []
    for col in ("founded", "closed"):
        years += [int(y) for y in eco.actors[col].dropna()]
    for table in (eco.ties, eco.affiliations):
        for col in ("start", "end"):
            if len(table):
                years += [int(s[:4]) for s in table[col] if s]
    if not years:
        raise ValueError("the dataset has no dates: give the years explicitly")
    return list(range(min(years), max(years) + 1))


def evolution(eco: Ecosystem, years: Iterable[int] | None = None, *, attr: str = "sphere", via_people: bool = True) -> pd.DataFrame:
    """Headline measures of each yearly snapshot.

    Parameters
    ----------
    eco : Ecosystem
    years : iterable of int, optional
        Defaults to every year from the earliest to the latest date in the
        data.
    attr : str, default "sphere"
    via_people : bool, default True

    Returns
    -------
    DataFrame
        One row per year (index ``year``), the :data:`HEADLINE` columns.
        Actors without a founding year count as present every year (see
        :meth:`Ecosystem.graph`).

    Examples
    --------
    >>> import ecograph as eg
    >>> ev = evolution(eg.datasets.tiny(), [2010, 2015, 2018])
    >>> ev[["actors", "ties"]].astype(int).values.tolist()
    [[4, 2], [6, 5], [8, 9]]
    """
    years = list(years) if years is not None else _default_years(eco)
    rows = []
    for year in years:  # the people links are classified once (Ecosystem.people_links keeps them) and filtered per year
        S = eco.sparse_graph(as_of=year, via_people=via_people)
        rows.append(headline_measures(S, attr) if S.n else _empty_measures())
    frame = pd.DataFrame(rows, index=pd.Index(years, name="year"))
    return frame[list(HEADLINE)]


@dataclass
class EcosystemDiff:
    """What changed between two mappings of an ecosystem.

    Attributes
    ----------
    actors_added, actors_removed : DataFrame
        Rows of the actors table present only after, or only before.
    ties_added, ties_removed : DataFrame
        Ties (``source``, ``target``, ``type`` and the rest of the row)
        present only after, or only before; an undirected tie written the
        other way round is the same tie.
    measures : DataFrame
        Headline measures ``before``, ``after`` and their ``change``.

    Examples
    --------
    >>> import ecograph as eg
    >>> eco = eg.datasets.tiny()
    >>> diff(eco, eco)
    <EcosystemDiff: +0/-0 actors, +0/-0 ties>
    """

    actors_added: pd.DataFrame
    actors_removed: pd.DataFrame
    ties_added: pd.DataFrame
    ties_removed: pd.DataFrame
    measures: pd.DataFrame

    def __repr__(self) -> str:
        return (
            f"<EcosystemDiff: +{len(self.actors_added)}/-{len(self.actors_removed)} actors, "
            f"+{len(self.ties_added)}/-{len(self.ties_removed)} ties>"
        )


def _tie_keys(eco: Ecosystem) -> pd.Series:
    t = eco.ties
    keys = []
    for s, g, ty in zip(t["source"], t["target"], t["type"]):
        a, b = (s, g) if eco.vocabulary.is_directed(ty) or s <= g else (g, s)
        keys.append((a, b, ty))
    return pd.Series(keys, index=t.index, dtype=object)


def diff(before: Ecosystem, after: Ecosystem, *, attr: str = "sphere") -> EcosystemDiff:
    """Compare two mapping waves of one ecosystem.

    Examples
    --------
    >>> import ecograph as eg
    >>> eco = eg.datasets.tiny()
    >>> later = eg.from_frames(eco.actors.drop(index="loner"), eco.ties.iloc[:-1], eco.people, eco.affiliations)
    >>> d = diff(eco, later)
    >>> d.actors_removed.index.tolist(), d.ties_removed[["source", "target"]].values.tolist()
    (['loner'], [['lab', 'bank']])
    >>> float(d.measures.loc["isolates", "change"])  # the repair café was the only isolate
    -1.0
    """
    added_ids = after.actors.index.difference(before.actors.index, sort=False)
    removed_ids = before.actors.index.difference(after.actors.index, sort=False)
    kb, ka = _tie_keys(before), _tie_keys(after)
    # multiset difference: a tie listed twice and kept once counts as one removal
    count_b, count_a = kb.value_counts(), ka.value_counts()
    rank_b = kb.groupby(kb).cumcount()
    rank_a = ka.groupby(ka).cumcount()
    removed = before.ties[[rank_b[i] >= count_a.get(k, 0) for i, k in kb.items()]]
    added = after.ties[[rank_a[i] >= count_b.get(k, 0) for i, k in ka.items()]]
    mb = headline_measures(before.graph(provenance=False), attr) if len(before.actors) else _empty_measures()
    ma = headline_measures(after.graph(provenance=False), attr) if len(after.actors) else _empty_measures()
    measures = pd.DataFrame({"before": mb, "after": ma})
    measures["change"] = measures["after"] - measures["before"]
    return EcosystemDiff(
        after.actors.loc[added_ids],
        before.actors.loc[removed_ids],
        added.reset_index(drop=True),
        removed.reset_index(drop=True),
        measures,
    )
