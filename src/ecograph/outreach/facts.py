"""What is known about every actor, read once from an :class:`~ecograph.Analysis`: the facts introducers are chosen from.

The worklist never computes a network measure itself: degrees, betweenness
and the isolated actors come from the :class:`~ecograph.Analysis` it is given
(or builds). This module reads them, with the actors' own attributes, into one
:class:`Facts` object that the scoring, the worklist and the reasons share:

* the grouping (``group`` of the Analysis: an attribute name, a Series or
  mapping, a list of sets or communities), with a missing value **unknown**,
  never a group: two actors are "in the same group" only when both are known;
* kind, scope, commune and coordinates (unknown where empty);
* people who worked in two actors (from the ecosystem's affiliations);
* the **source passages** that name several actors (the ``source`` column:
  "a document and its section"): actors named in the same passage share it,
  like a common contact; a passage naming at most one actor, or more than half
  of them, says nothing about who knows whom and is left out;
* the programmes, events and recommendations each actor is named in, read
  from the ecosystem's ties whether or not the network holds them (an
  :class:`~ecograph.Analysis` may build the observed network only), with the
  actor's role when it is the tie's source ("potential partner");
* each actor's ties to each group (how many of its neighbours are in it).

Examples
--------
>>> import ecograph as eg
>>> f = Facts.read(eg.Analysis(eg.datasets.tiny()))
>>> f.groups[f.index("loner")], f.communes[f.index("loner")], f.passage_names
('consumption', 'Talant', ['city website', 'interview 2017'])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from ..measures.analysis import Analysis
from ..partition import factorize, group_labels
from ..sparse import SparseGraph
from ..vocabulary import NOT_ORGANISATIONS

__all__ = ["Facts"]


def _unknown_to_none(values: np.ndarray) -> np.ndarray:
    """The values with None wherever one is missing (None, NaN, NA, blank text: see :func:`ecograph.words.is_missing`)."""
    out = np.empty(len(values), dtype=object)
    out[:] = list(values)
    missing = pd.isna(pd.Series(out, dtype=object)).to_numpy().copy()
    missing |= np.fromiter((isinstance(v, str) and not v.strip() for v in out), dtype=bool, count=len(out))
    out[missing] = None
    return out


def _codes(values: np.ndarray) -> np.ndarray:
    """Integer code of each value (-1 where None), for fast equality tests."""
    known = np.array([v is not None for v in values], dtype=bool)
    codes = np.full(len(values), -1, dtype=np.int64)
    if known.any():
        codes[known] = pd.factorize(pd.Series(values[known], dtype=object).astype(str))[0]
    return codes


def column(a: Analysis, name: str) -> np.ndarray:
    """The ``name`` attribute of every actor in node order, None where it is missing (never an error)."""
    S = a.sparse
    if a.eco is not None and name in a.eco.actors.columns:
        values = a.eco.actors[name].reindex(S.nodes).to_numpy(dtype=object)
    elif name in S.attributes.columns:
        values = S.attributes[name].to_numpy(dtype=object)
    else:
        values = S.attribute(name)
    return _unknown_to_none(values)


def _has_column(a: Analysis, name: str) -> bool:
    S = a.sparse
    return (a.eco is not None and name in a.eco.actors.columns) or S.has_attribute(name)


class _Unknown:
    """Stands for an explicit missing value of a Series or mapping while the partition is checked."""


def known_groups(a: Analysis) -> tuple[np.ndarray, str | None]:
    """The group of every actor (None where unknown) and the attribute it comes from (None for a partition).

    A Series or mapping must name every actor (as the measures require), but
    may give a missing value (None, NaN, empty text): that actor's group is unknown.
    """
    group = a.group
    if isinstance(group, str):
        if not _has_column(a, group):
            a.sparse.labels(group)  # raises MissingAttributeError naming the attribute and some actors
        return column(a, group), group
    unknown = _Unknown()
    if isinstance(group, pd.Series):
        group = pd.Series(
            [unknown if v is None else v for v in _unknown_to_none(group.to_numpy(dtype=object))], index=group.index, dtype=object
        )
    elif isinstance(group, Mapping):
        group = dict(zip(group, [unknown if v is None else v for v in _unknown_to_none(np.array(list(group.values()), dtype=object))]))
    values = group_labels(a.sparse, group).astype(object)
    values[np.array([v is unknown for v in values], dtype=bool)] = None
    return _unknown_to_none(values), None


def _kind_in(kinds: np.ndarray, wanted: Iterable[str]) -> np.ndarray:
    wanted = set(wanted)
    return np.array([k is not None and k in wanted for k in kinds], dtype=bool)


def _percentile(values: np.ndarray) -> np.ndarray:
    """Rank of each value as a share (0 for zero values): 1 for the largest."""
    if len(values) < 2:
        return np.zeros(len(values))
    pct = pd.Series(values).rank(pct=True, method="average").to_numpy().copy()
    pct[values == 0] = 0.0
    return pct


def _people_matrix(a: Analysis, S: SparseGraph) -> sp.csr_array:
    """Number of distinct people who worked in both actors, for every pair."""
    if a.eco is None or not len(a.eco.affiliations):
        return sp.csr_array((S.n, S.n))
    links = a.people_links
    i = S.nodes.get_indexer(links["source"])
    j = S.nodes.get_indexer(links["target"])
    ok = (i >= 0) & (j >= 0) & (i != j)
    pairs = pd.DataFrame({"lo": np.minimum(i, j)[ok], "hi": np.maximum(i, j)[ok], "p": links["person"].to_numpy(dtype=object)[ok]})
    pairs = pairs.drop_duplicates()
    counts = pairs.groupby(["lo", "hi"]).size()
    lo, hi = counts.index.get_level_values(0).to_numpy(), counts.index.get_level_values(1).to_numpy()
    upper = sp.coo_array((counts.to_numpy(dtype=float), (lo, hi)), shape=(S.n, S.n))
    return (upper + upper.T).tocsr()


def _passages(sources: np.ndarray) -> tuple[sp.csr_array, list[str]]:
    """Actor × passage incidence of the source passages naming two actors or more, and at most half of them."""
    n = len(sources)
    codes, uniques = pd.factorize(pd.Series(sources, dtype=object), use_na_sentinel=True)
    split = [sorted({p.strip(" ,;:") for p in str(u).split(";") if p.strip(" ,;:")}) for u in uniques]
    rows, names = [], []
    for code, parts in enumerate(split):
        members = np.flatnonzero(codes == code)
        for p in parts:
            rows.append(members)
            names.append(p)
    if not rows:
        return sp.csr_array((n, 0)), []
    frame = pd.DataFrame({"actor": np.concatenate(rows), "passage": np.repeat(np.array(names, dtype=object), [len(r) for r in rows])})
    frame = frame.drop_duplicates()
    size = frame.groupby("passage")["actor"].transform("size")
    frame = frame[(size >= 2) & (2 * size <= n)]
    if not len(frame):
        return sp.csr_array((n, 0)), []
    pcodes, kept = factorize(frame["passage"].to_numpy(dtype=object))
    B = sp.csr_array((np.ones(len(frame)), (frame["actor"].to_numpy(), pcodes)), shape=(n, len(kept)))
    return B, [str(x) for x in kept]


def _named_in(a: Analysis, S: SparseGraph, kinds: np.ndarray, not_actors: set) -> tuple[sp.csr_array, list, dict]:
    """Actor × programme incidence (programmes, events, recommendations), their ids, and each actor's role.

    Read from the ecosystem's ties (every tie, whether or not the network
    holds it or the programme: an Analysis may build the observed network
    only); without tables, from the network's ties to such actors. The role
    is the type of the actor's tie when the actor is its source ("potential
    partner" of a recommendation), else unknown.
    """
    if a.eco is not None:
        ties, kind_of = a.eco.ties, a.eco.actors["kind"]
        src, dst, types = ties["source"].to_numpy(dtype=object), ties["target"].to_numpy(dtype=object), ties["type"].to_numpy(dtype=object)
        src_not = kind_of.reindex(src).isin(not_actors).to_numpy()
        dst_not = kind_of.reindex(dst).isin(not_actors).to_numpy()
        rows = [(x, z, t, True) for x, z, t, bad_x, bad_z in zip(src, dst, types, src_not, dst_not) if bad_z and not bad_x]
        rows += [(x, z, t, False) for z, x, t, bad_z, bad_x in zip(src, dst, types, src_not, dst_not) if bad_z and not bad_x]
    else:
        u, v, _ = S.edges()
        is_not = np.array([k in not_actors for k in kinds], dtype=bool)
        pairs = [(x, z) for x, z in zip(u, v) if is_not[z] and not is_not[x]] + [
            (x, z) for z, x in zip(u, v) if is_not[z] and not is_not[x]
        ]
        rows = [(S.nodes[x], S.nodes[z], "", False) for x, z in pairs]
    index = {node: i for i, node in enumerate(S.nodes)}
    rows = sorted((index[x], str(z), z, str(t) if source else "") for x, z, t, source in rows if x in index)
    programmes = sorted({r[2] for r in rows}, key=str)
    col = {z: j for j, z in enumerate(programmes)}
    roles: dict[tuple[int, int], str] = {}
    for x, _, z, role in rows:  # sorted: the first role of an actor in a programme is kept
        key = (x, col[z])
        if role and not roles.get(key):
            roles[key] = role
        else:
            roles.setdefault(key, "")
    pos = np.array([r[0] for r in rows], dtype=np.int64)
    cols = np.array([col[r[2]] for r in rows], dtype=np.int64)
    R = sp.csr_array((np.ones(len(rows)), (pos, cols)), shape=(S.n, len(programmes)))
    R.data[:] = 1.0  # an actor tied twice to one programme is named in it once
    return R, programmes, roles


@dataclass
class Facts:
    """What the scoring and the reasons read about every actor, in node order (see the module notes).

    Build it with :meth:`Facts.read`. Arrays hold None where a value is unknown.

    Examples
    --------
    >>> import ecograph as eg
    >>> f = Facts.read(eg.Analysis(eg.datasets.tiny()))
    >>> int(f.degree[f.index("fablab")]), bool(f.support[f.index("incubator")])
    (3, True)
    """

    analysis: Analysis
    S: SparseGraph
    A: sp.csr_array
    names: np.ndarray
    groups: np.ndarray
    group_field: str | None
    group_codes: np.ndarray
    group_values: list
    group_ties: sp.csc_array
    kinds: np.ndarray
    kind_codes: np.ndarray
    scopes: np.ndarray
    communes: np.ndarray
    commune_codes: np.ndarray
    coords: np.ndarray | None
    tree: cKDTree | None
    tree_rows: np.ndarray
    excluded: np.ndarray
    support: np.ndarray
    degree: np.ndarray
    degree_pct: np.ndarray
    betweenness: np.ndarray
    betweenness_pct: np.ndarray
    component: np.ndarray
    component_sizes: np.ndarray
    people: sp.csr_array
    passages: sp.csr_array
    passage_names: list[str]
    passage_weight: np.ndarray
    named: sp.csr_array
    named_ids: list
    named_weight: np.ndarray
    roles: dict[tuple[int, int], str]
    org_degree: np.ndarray
    known_ties: tuple[int, int]
    #: Models fitted on these facts, by name (see :meth:`ecograph.outreach.mixing.AttributeMixing.of`): fitted once.
    fitted: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def read(
        cls,
        a: Analysis,
        *,
        label: str = "name",
        kinds_excluded: Iterable[str] = NOT_ORGANISATIONS,
        support_kinds: Iterable[str] = ("support_structure",),
        source_attr: str | None = "source",
    ) -> Facts:
        """Read every fact once from the Analysis ``a`` (its network, measures and tables)."""
        S = a.sparse
        A = S.binary.copy()
        A.sort_indices()
        groups, field = known_groups(a)
        known = np.array([g is not None for g in groups], dtype=bool)
        codes = np.full(S.n, -1, dtype=np.int64)
        values: list = []
        if known.any():
            codes[known], values = factorize(groups[known])
        H = sp.csr_array((np.ones(int(known.sum())), (np.flatnonzero(known), codes[known])), shape=(S.n, max(len(values), 1)))
        kinds, communes = column(a, "kind"), column(a, "commune")
        names = column(a, label)
        names = np.array([str(v) if v is not None else str(x) for v, x in zip(names, S.nodes)], dtype=object)
        excluded = _kind_in(kinds, kinds_excluded)
        support = _kind_in(kinds, support_kinds)
        degree = a.degree.to_numpy(dtype=float)
        bc = a.betweenness.reindex(S.nodes).to_numpy(dtype=float)
        n_comp, comp = connected_components(S.adjacency, directed=False)
        coords, tree, tree_rows = _coordinates(a)
        passages, passage_names = _passages(column(a, source_attr)) if source_attr else (sp.csr_array((S.n, 0)), [])
        sizes = np.asarray(passages.sum(axis=0)).ravel()
        named, named_ids, roles = _named_in(a, S, kinds, set(kinds_excluded))
        named_sizes = np.asarray(named.sum(axis=0)).ravel()
        u, v, _ = S.edges()
        both = known[u] & known[v]
        cross = int((groups[u[both]] != groups[v[both]]).sum())
        return cls(
            analysis=a,
            S=S,
            A=A,
            names=names,
            groups=groups,
            group_field=field,
            group_codes=codes,
            group_values=list(values),
            group_ties=(A @ H).tocsc(),
            kinds=kinds,
            kind_codes=_codes(kinds),
            scopes=column(a, "scope"),
            communes=communes,
            commune_codes=_codes(communes),
            coords=coords,
            tree=tree,
            tree_rows=tree_rows,
            excluded=excluded,
            support=support,
            degree=degree,
            degree_pct=_percentile(degree),
            betweenness=bc,
            betweenness_pct=_percentile(bc),
            component=comp,
            component_sizes=np.bincount(comp, minlength=n_comp),
            people=_people_matrix(a, S),
            passages=passages,
            passage_names=passage_names,
            passage_weight=1.0 / np.log(np.maximum(sizes, 2)),
            named=named,
            named_ids=named_ids,
            named_weight=1.0 / np.log(np.maximum(named_sizes, 2)),
            roles=roles,
            org_degree=A @ (~excluded).astype(float),
            known_ties=(cross, int(both.sum()) - cross),
        )

    @property
    def n(self) -> int:
        """Number of actors."""
        return self.S.n

    def index(self, actor: Any) -> int:
        """Position of ``actor`` in node order."""
        return int(self.S.nodes.get_loc(actor))

    def neighbours(self, i: int) -> np.ndarray:
        """Positions of the neighbours of the actor at position ``i`` (sorted)."""
        return self.A.indices[self.A.indptr[i] : self.A.indptr[i + 1]]

    def common_neighbours(self, i: int, j: int) -> np.ndarray:
        """Positions of the actors tied to both ``i`` and ``j`` (sorted)."""
        a, b = self.neighbours(i), self.neighbours(j)
        if len(a) > len(b):
            a, b = b, a
        at = np.minimum(np.searchsorted(b, a), max(len(b) - 1, 0))
        return a[(b[at] == a)] if len(b) else a[:0]


def _coordinates(a: Analysis) -> tuple[np.ndarray | None, cKDTree | None, np.ndarray]:
    """(lat, lon) of every actor (NaN where unknown) and a search tree over those known."""
    lat = pd.to_numeric(pd.Series(column(a, "lat")), errors="coerce").to_numpy(dtype=float)
    lon = pd.to_numeric(pd.Series(column(a, "lon")), errors="coerce").to_numpy(dtype=float)
    finite = np.isfinite(lat) & np.isfinite(lon)
    if finite.sum() < 2:
        return None, None, np.empty(0, dtype=np.int64)
    coords = np.column_stack([lat, lon])
    rows = np.flatnonzero(finite)
    return coords, cKDTree(coords[rows]), rows
