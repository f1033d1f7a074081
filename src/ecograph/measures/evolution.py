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

from ..graphs import network_snapshots
from ..partition import PartitionLike, resolve_grouping, table_graph
from ..sparse import GraphLike, SparseGraph, as_sparse
from .communities import modularity_of_codes
from .ei import network_ei_of_codes
from .group_coverage import MeasureValue, coverage_of_codes, unavailable_reason

if TYPE_CHECKING:  # pragma: no cover
    from ..ecosystem import Ecosystem

__all__ = ["HEADLINE", "EcosystemDiff", "diff", "evolution", "headline_measures", "tie_keys"]

#: The headline measures, in report order.
HEADLINE = (
    "actors",
    "ties",
    "density",
    "mean_degree",
    "components",
    "largest_component_share",
    "isolates",
    "ei_index",
    "group_modularity",
    "group_known_actors",
    "group_known_ties",
)
#: The headline measures that read the grouping.
GROUP_HEADLINE = ("ei_index", "group_modularity")


def headline_measures(G: GraphLike, attr: PartitionLike = "sphere") -> pd.Series:
    """The few numbers that describe a network at a glance.

    ``actors``, ``ties`` (pairs of actors linked), ``density``,
    ``mean_degree``, ``components``, ``largest_component_share`` (share of
    actors in the largest component), ``isolates``, ``ei_index`` across the
    ``attr`` groups, ``group_modularity`` (modularity of the ``attr``
    groups), and what those two rest on: ``group_known_actors`` (actors whose
    group is known) and ``group_known_ties`` (ties whose two ends are known).
    E-I and modularity are NaN where they cannot be computed (a graph
    without ties, or a reason of :mod:`ecograph.measures.group_coverage`):
    ``attrs["reasons"]`` gives the reason of each (None when computed), and
    ``attrs["coverage"]`` the grouping's coverage.

    Parameters
    ----------
    G : networkx.Graph or SparseGraph
    attr : str, Series, mapping, list of sets or Communities, default "sphere"

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(0, 1), (2, 3)])
    >>> nx.set_node_attributes(G, {0: "a", 1: "a", 2: "a", 3: "b"}, "sphere")
    >>> headline_measures(G)[["density", "components", "ei_index"]].tolist()
    [0.3333333333333333, 2.0, 0.0]
    >>> nx.set_node_attributes(G, {3: ""}, "sphere")
    >>> h = headline_measures(G)
    >>> h[["ei_index", "group_known_actors", "group_known_ties"]].tolist(), h.attrs["reasons"]["ei_index"]
    ([nan, 3.0, 1.0], 'one_known_group')
    """
    S, _, codes, groups = resolve_grouping(as_sparse(G), attr)  # resolved once, read by both group measures
    cov = coverage_of_codes(S, codes)
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
    }
    ei = network_ei_of_codes(S, codes, len(groups), cov)
    reason = unavailable_reason(len(groups), cov)
    q = MeasureValue(modularity_of_codes(S, codes, len(groups), 1.0, cov) if reason is None else np.nan, coverage=cov, reason=reason)
    values.update({"ei_index": ei, "group_modularity": q, "group_known_actors": cov.actors_known, "group_known_ties": cov.ties_known})
    out = pd.Series(values, name="value", dtype=float)
    out.attrs.update({"coverage": cov, "reasons": {"ei_index": ei.reason, "group_modularity": q.reason}})
    return out


def _empty_measures() -> pd.Series:
    zero = ("actors", "ties", "components", "isolates", "group_known_actors", "group_known_ties")
    return pd.Series({k: (0.0 if k in zero else np.nan) for k in HEADLINE}, dtype=float)


def _grouping_of(actors: pd.DataFrame, attr: PartitionLike) -> PartitionLike:
    """``attr`` itself when it names a column; else the grouping resolved once against the actors table (None: unknown)."""
    if isinstance(attr, str):
        return attr
    S, values, codes, _ = resolve_grouping(table_graph(actors), attr)
    labels = values.to_numpy(dtype=object, copy=True) if isinstance(values, pd.Series) else np.array(values, dtype=object, copy=True)
    labels[codes < 0] = None
    return pd.Series(labels, index=S.nodes, dtype=object)


def _for_nodes(grouping: PartitionLike, nodes: pd.Index) -> PartitionLike:
    """The grouping restricted to the actors of one snapshot."""
    return grouping.reindex(nodes) if isinstance(grouping, pd.Series) else grouping


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
    attr : str, Series, mapping or list of sets, default "sphere"
        The grouping of ``ei_index`` and ``group_modularity``.
    via_people : bool, default True

    Returns
    -------
    DataFrame
        One row per year (index ``year``), the :data:`HEADLINE` columns.
        Actors without a founding year count as present every year (see
        :meth:`Ecosystem.graph`). ``attrs["reasons"]`` maps each year to the
        reasons its E-I and modularity cannot be computed (years where both
        can are left out).

    Examples
    --------
    >>> import ecograph as eg
    >>> ev = evolution(eg.datasets.tiny(), [2010, 2015, 2018])
    >>> ev[["actors", "ties"]].astype(int).values.tolist()
    [[4, 2], [6, 5], [8, 9]]
    """
    years = list(years) if years is not None else _default_years(eco)
    grouping = _grouping_of(eco.actors, attr)  # resolved once against every actor, cut to each year's
    rows, reasons = [], {}
    snapshots = network_snapshots(eco, years, via_people=via_people)  # the tables' dates read once for every year
    for year, tables in zip(years, snapshots):
        S = SparseGraph.from_network_tables(tables, eco, as_of=year)
        row = headline_measures(S, _for_nodes(grouping, S.nodes)) if S.n else _empty_measures()
        rows.append(row)
        why = {k: r for k, r in row.attrs.get("reasons", {k: "no_known_group" for k in GROUP_HEADLINE}).items() if r is not None}
        if why:
            reasons[year] = why
    frame = pd.DataFrame(rows, index=pd.Index(years, name="year"))[list(HEADLINE)]
    frame.attrs["reasons"] = reasons
    return frame


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


def tie_keys(eco: Ecosystem) -> pd.Series:
    """Each tie's key ``(source, target, type)``, the ends of an undirected tie in sorted order: one tie in two waves has one key.

    Examples
    --------
    >>> import ecograph as eg
    >>> tie_keys(eg.datasets.tiny()).iloc[0]  # support is directed: incubator supports the fablab
    ('incubator', 'fablab', 'support')
    """
    t = eco.ties
    keys = []
    for s, g, ty in zip(t["source"], t["target"], t["type"]):
        a, b = (s, g) if eco.vocabulary.is_directed(ty) or s <= g else (g, s)
        keys.append((a, b, ty))
    return pd.Series(keys, index=t.index, dtype=object)


def diff(before: Ecosystem, after: Ecosystem, *, attr: PartitionLike = "sphere") -> EcosystemDiff:
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
    kb, ka = tie_keys(before), tie_keys(after)
    # multiset difference: a tie listed twice and kept once counts as one removal
    count_b, count_a = kb.value_counts(), ka.value_counts()
    rank_b = kb.groupby(kb).cumcount()
    rank_a = ka.groupby(ka).cumcount()
    removed = before.ties[[rank_b[i] >= count_a.get(k, 0) for i, k in kb.items()]]
    added = after.ties[[rank_a[i] >= count_b.get(k, 0) for i, k in ka.items()]]
    if isinstance(attr, str):
        grouping: PartitionLike = attr
    else:  # one grouping for both waves, read against every actor of either
        grouping = _grouping_of(pd.concat([before.actors, after.actors[~after.actors.index.isin(before.actors.index)]]), attr)
    gb, ga = before.graph(provenance=False), after.graph(provenance=False)
    mb = headline_measures(gb, _for_nodes(grouping, pd.Index(list(gb), dtype=object))) if len(before.actors) else _empty_measures()
    ma = headline_measures(ga, _for_nodes(grouping, pd.Index(list(ga), dtype=object))) if len(after.actors) else _empty_measures()
    measures = pd.DataFrame({"before": mb, "after": ma})
    measures["change"] = measures["after"] - measures["before"]
    return EcosystemDiff(
        after.actors.loc[added_ids],
        before.actors.loc[removed_ids],
        added.reset_index(drop=True),
        removed.reset_index(drop=True),
        measures,
    )
