"""Building networkx graphs from the tables.

Three graphs are built here:

* the **actor network** (:func:`actor_graph`): a simple undirected graph of
  actors, whose edges gather every tie between two actors (types, count,
  weight, provenance) and, optionally, the people who link them; parallel
  rows of one direction and type are one provenance record (``ties``) with
  their count ``n``, total weight, first start and last end, so that two
  million rows between ten actors make 45 edges of a few records each;
* the **people links** (:func:`people_links`): the projection of the
  person–actor affiliations onto pairs of actors, one row per person and
  pair, saying whether the person was in both at the same time (``shared``)
  or went from one to the other (``moved``), and when;
* the **affiliation graph** (:func:`affiliation_graph`): the bipartite
  person–actor graph.

Time semantics
--------------
``start`` is the year or date from which an affiliation or tie is attested and
``end`` the one by which it had ended. A person *moved* from actor A to actor B
when the A affiliation has an end, the B affiliation has a start, and B's start
is not certainly before A's end (``A: 2012-2018, B: 2018-`` is a move;
``A: 2012-2018, B: 2015-`` is a shared period). Any other pair of affiliations
is *shared*: concurrent, or undated so that concurrency cannot be excluded.

A snapshot ``as_of=Y`` keeps actors founded by ``Y`` (or with no founding year)
and not closed before ``Y``, ties and affiliations active in ``Y`` (start by
``Y``, end not before ``Y``, missing bounds counting as open); shared links
need both affiliations active in ``Y``, while a move, once made, links the two
actors from the year the person joined the second one.

Examples
--------
>>> import ecograph as eg
>>> eco = eg.datasets.tiny()
>>> G = eco.graph()
>>> G.number_of_nodes(), G.number_of_edges()
(8, 9)
>>> sorted(G["incubator"]["lab"]["types"])
['people']
>>> [(m["person"], m["source"], m["target"], m["kind"], m["year"]) for m in G["incubator"]["lab"]["people_links"]]
[('p1', 'incubator', 'lab', 'moved', 2018)]
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NamedTuple

import networkx as nx
import numpy as np
import pandas as pd

from .errors import EcographError
from .timeutil import period, year_of
from .vocabulary import Vocabulary

if TYPE_CHECKING:  # pragma: no cover
    from .ecosystem import Ecosystem

__all__ = [
    "PEOPLE_LINK_COLUMNS",
    "NetworkTables",
    "active_actors",
    "actor_graph",
    "affiliation_graph",
    "graph_attributes",
    "network_snapshots",
    "network_tables",
    "people_links",
    "tie_type_set",
]

PEOPLE_LINK_COLUMNS = [
    "source",
    "target",
    "person",
    "kind",
    "year",
    "source_start",
    "source_end",
    "target_start",
    "target_end",
    "source_role",
    "target_role",
]


def _years(values: pd.Series) -> pd.Series:
    """The year of each "when" text as a float (NaN where empty).

    Dates repeat a lot (a table of a million ties has a few hundred distinct
    ones): each distinct text is parsed once.
    """
    codes, uniques = pd.factorize(values)
    years = pd.to_numeric(pd.Series(uniques, dtype=object).astype(str).str[:4], errors="coerce").to_numpy(dtype=float)
    return pd.Series(np.where(codes >= 0, years[np.maximum(codes, 0)], np.nan), index=values.index)


def _in_period(start: pd.Series, end: pd.Series, year: int) -> np.ndarray:
    """Rows whose [start, end] period (years from :func:`_years`, NaN = open) includes ``year``."""
    return ((start.isna() | (start <= year)) & (end.isna() | (end >= year))).to_numpy(dtype=bool)


def active_actors(actors: pd.DataFrame, year: int) -> pd.Index:
    """Ids of the actors existing in ``year`` (unknown founding years count as existing).

    >>> import ecograph as eg
    >>> list(active_actors(eg.datasets.tiny().actors, 2015))
    ['incubator', 'network', 'city', 'fablab', 'coop', 'loner']
    """
    founded = actors["founded"]
    closed = actors["closed"]
    mask = (founded.isna() | (founded <= year)) & (closed.isna() | (closed >= year))
    return actors.index[mask.to_numpy(dtype=bool)]


def _when_bounds(values: np.ndarray, used: np.ndarray) -> dict[str, np.ndarray]:
    """For each "when" text of ``values`` (at the rows ``used``): given or empty, first and last day, years.

    Each distinct text is read once (:func:`~ecograph.timeutil.period`):
    ``given`` (a non-empty text), ``first`` and ``last`` (ordinals of the
    first and last day) and ``year``; 0 where empty or not used.
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    needed = np.zeros(len(uniques), dtype=bool)
    needed[codes[used]] = True
    out = {"given": np.zeros(len(uniques), dtype=bool)} | {k: np.zeros(len(uniques), dtype=np.int64) for k in ("first", "last", "year")}
    for k in np.flatnonzero(needed).tolist():
        text = uniques[k]
        if text:
            lo, hi = period(text)
            out["given"][k] = True
            out["first"][k], out["last"][k], out["year"][k] = lo.toordinal(), hi.toordinal(), year_of(text)
    return {k: v[codes] for k, v in out.items()}


def _affiliation_pairs(persons: pd.Series, actors: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of rows ``(i, j)``, ``i < j``, of one person and two different actors.

    In the order of a loop over the people (first seen first), then over
    ``i``, then over ``j``: each person's ``k`` rows make ``k(k-1)/2`` pairs,
    listed with numpy whatever ``k``.
    """
    person, _ = pd.factorize(persons, use_na_sentinel=False)
    actor, _ = pd.factorize(actors, use_na_sentinel=False)
    rows = np.argsort(person, kind="stable")  # each person's rows together, in table order
    _, ends, _ = _runs(person[rows])
    size = np.diff(np.r_[0, ends])
    later = np.repeat(ends, size) - np.arange(len(rows)) - 1  # how many rows of the same person follow each row
    left = np.repeat(np.arange(len(rows)), later)
    step = np.arange(len(left)) - np.repeat(np.cumsum(later) - later, later) + 1
    i, j = rows[left], rows[left + step]
    keep = actor[i] != actor[j]
    return i[keep], j[keep]


def _pair_relations(aff: pd.DataFrame, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, ...]:
    """How the affiliations ``i`` and ``j`` (rows, ``i < j``) of one person relate: (first, second, moved, year, dated).

    ``a`` moved to ``b`` when ``a`` has an end, ``b`` a start, and ``b``'s
    start is not certainly before ``a``'s end; when each "moved" to the other
    (two short periods in the same span), the one that opens first came
    first. Any other pair is shared, the smaller actor id first, dated by the
    later known start (``dated`` is false when neither start is known).
    """
    used = np.union1d(i, j)
    start = _when_bounds(aff["start"].to_numpy(dtype=object), used)
    end = _when_bounds(aff["end"].to_numpy(dtype=object), used)

    def moves(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return end["given"][x] & start["given"][y] & (start["last"][y] >= end["first"][x])

    ab, ba = moves(i, j), moves(j, i)
    opening = np.where(start["given"], start["first"], end["first"])  # the start, or the end when there is none
    ab = np.where(ab & ba, opening[i] <= opening[j], ab)
    ba &= ~ab
    actors = aff["actor"].to_numpy(dtype=object)
    in_order = ab | (~ba & (actors[i] <= actors[j]).astype(bool))
    first, second = np.where(in_order, i, j), np.where(in_order, j, i)
    moved = ab | ba
    start_year = np.where(start["given"], start["year"], -1)
    latest = np.maximum(start_year[i], start_year[j])
    return first, second, moved, np.where(moved, start["year"][second], latest), moved | (latest >= 0)


def people_links(eco: Ecosystem, *, as_of: int | None = None) -> pd.DataFrame:
    """Pairs of actors linked by a person, one row per person and pair.

    Parameters
    ----------
    eco : Ecosystem
    as_of : int, optional
        Keep only the links that exist in that year (see the module notes).

    Returns
    -------
    DataFrame
        Columns ``source``, ``target`` (for a move: from, to), ``person``,
        ``kind`` (``shared`` or ``moved``), ``year`` (year of the move, or the
        year from which the shared period is attested; ``<NA>`` if undated),
        the start and end of both affiliations, and both roles; sorted by
        source, target and person.

    Examples
    --------
    >>> import ecograph as eg
    >>> links = people_links(eg.datasets.tiny())
    >>> links[["source", "target", "person", "kind", "year"]].to_string(index=False)
    '   source target person   kind  year\\nincubator    lab     p1  moved  2018\\nincubator network     p2 shared  2014'
    """
    aff = eco.affiliations
    i, j = _affiliation_pairs(aff["person"], aff["actor"]) if len(aff) else (np.empty(0, dtype=np.int64),) * 2
    if len(i):
        first, second, moved, year, dated = _pair_relations(aff, i, j)
        columns = {
            "source": aff["actor"].to_numpy(dtype=object)[first],
            "target": aff["actor"].to_numpy(dtype=object)[second],
            "person": aff["person"].to_numpy(dtype=object)[i],
            "kind": np.where(moved, "moved", "shared").astype(object),
        }
        for side, at in (("source", first), ("target", second)):
            for column in ("start", "end", "role"):
                columns[f"{side}_{column}"] = aff[column].to_numpy(dtype=object)[at]
        # lists, not object arrays: pandas infers each column's dtype as it did from the rows of the loop this replaced
        df = pd.DataFrame({c: columns[c].tolist() for c in PEOPLE_LINK_COLUMNS if c != "year"})
        df.insert(4, "year", pd.arrays.IntegerArray(np.where(dated, year, 0), ~dated))
    else:
        df = pd.DataFrame([], columns=PEOPLE_LINK_COLUMNS)
        df["year"] = pd.array([], dtype="Int64")
    df = df.sort_values(["source", "target", "person"], kind="stable").reset_index(drop=True)
    return df if as_of is None else links_as_of(df, eco.actors, as_of)


def links_as_of(links: pd.DataFrame, actors: pd.DataFrame, year: int) -> pd.DataFrame:
    """The people links that exist in ``year``, from the table :func:`people_links` gives for all years.

    A move links the two actors from the year the person joined the second
    one (once both affiliations had started); a shared link needs both
    affiliations active that year; both actors must exist that year.

    Examples
    --------
    >>> import ecograph as eg
    >>> eco = eg.datasets.tiny()
    >>> links_as_of(eco.people_links(), eco.actors, 2017)["kind"].tolist()
    ['shared']
    """
    if not len(links):
        return links
    return links[_links_alive(links, _link_years(links), active_actors(actors, year), year)].reset_index(drop=True)


def _link_years(links: pd.DataFrame) -> dict[str, pd.Series]:
    """The years of a people-link table's four dates (NaN where empty), read once for any number of years."""
    return {column: _years(links[column]) for column in ("source_start", "source_end", "target_start", "target_end")}


def _links_alive(links: pd.DataFrame, years: dict[str, pd.Series], alive: pd.Index, year: int) -> np.ndarray:
    """Which people links exist in ``year`` (the rule of :func:`links_as_of`), their dates read by :func:`_link_years`."""

    def started(column: str) -> np.ndarray:
        y = years[column]
        return (y.isna() | (y <= year)).to_numpy(dtype=bool)

    def not_ended(column: str) -> np.ndarray:
        y = years[column]
        return (y.isna() | (y >= year)).to_numpy(dtype=bool)

    moved = (links["kind"] == "moved").to_numpy() & (links["year"].fillna(year + 1) <= year).to_numpy(dtype=bool) & started("source_start")
    shared = (
        (links["kind"] == "shared").to_numpy()
        & started("source_start")
        & started("target_start")
        & not_ended("source_end")
        & not_ended("target_end")
    )
    return (moved | shared) & links["source"].isin(alive).to_numpy() & links["target"].isin(alive).to_numpy()


class NetworkTables(NamedTuple):
    """The rows one actor network is built from: what :func:`network_tables` selects.

    ``actors`` are the nodes, ``ties`` the ties between two of them, and
    ``links`` the people links between two of them (empty without people).

    Examples
    --------
    >>> import ecograph as eg
    >>> actors, ties, links = network_tables(eg.datasets.tiny())
    >>> len(actors), len(ties), len(links)
    (8, 8, 2)
    """

    actors: pd.DataFrame
    ties: pd.DataFrame
    links: pd.DataFrame


def tie_type_set(tie_types: Iterable[str] | str | None, vocabulary: Vocabulary) -> set[str] | None:
    """The tie types asked for, as a set (``None``: all), checked against the vocabulary.

    A single type may be given as a string; an unknown type raises an
    :class:`EcographError` listing the valid ones.

    Examples
    --------
    >>> from ecograph.vocabulary import default_vocabulary
    >>> sorted(tie_type_set("co_organisation", default_vocabulary()))
    ['co_organisation']
    >>> tie_type_set(["partnerships"], default_vocabulary())
    Traceback (most recent call last):
    ...
    ecograph.errors.EcographError: unknown tie type(s) ['partnerships']; valid types: partnership, support, funding, hosting, membership, co_organisation, supply, spin_off, participation, inspiration
    """
    if tie_types is None:
        return None
    wanted = {tie_types} if isinstance(tie_types, str) else set(tie_types)
    unknown = wanted - set(vocabulary.codes("type"))
    if unknown:
        raise EcographError(f"unknown tie type(s) {sorted(unknown)}; valid types: {', '.join(vocabulary.codes('type'))}")
    return wanted


def network_tables(
    eco: Ecosystem,
    *,
    tie_types: Iterable[str] | str | None = None,
    via_people: bool = True,
    as_of: int | None = None,
) -> NetworkTables:
    """Select the actors, ties and people links of one actor network: the one table-to-graph semantics.

    :meth:`Ecosystem.graph` (networkx) and :meth:`Ecosystem.sparse_graph`
    (the measures' sparse form) are both built from what this returns, so
    they always agree. ``as_of`` keeps the actors existing that year and the
    ties and people links active then (see the module notes); ``tie_types``
    keeps ties of those types (a string or any iterable of strings; unknown
    types raise); ``via_people=False`` leaves people links out.

    Examples
    --------
    >>> import ecograph as eg
    >>> t = network_tables(eg.datasets.tiny(), as_of=2012)
    >>> sorted(t.actors.index), len(t.ties), len(t.links)
    (['city', 'incubator', 'loner', 'network'], 2, 0)
    """
    if as_of is not None:
        return next(network_snapshots(eco, [as_of], tie_types=tie_types, via_people=via_people))
    wanted = tie_type_set(tie_types, eco.vocabulary)
    links = eco.people_links() if via_people and len(eco.affiliations) else None
    return _between(eco.actors, eco.ties, links, wanted)


def network_snapshots(
    eco: Ecosystem, years: Iterable[int], *, tie_types: Iterable[str] | str | None = None, via_people: bool = True
) -> Iterator[NetworkTables]:
    """:func:`network_tables` of each year (``as_of=year``, in the order given), the tables' dates read once for all years.

    Examples
    --------
    >>> import ecograph as eg
    >>> [len(t.actors) for t in network_snapshots(eg.datasets.tiny(), [2012, 2015, 2018])]
    [4, 6, 8]
    """
    wanted = tie_type_set(tie_types, eco.vocabulary)
    ties = eco.ties
    tie_years = (_years(ties["start"]), _years(ties["end"])) if len(ties) else None
    links = eco.people_links() if via_people and len(eco.affiliations) else None
    link_years = _link_years(links) if links is not None and len(links) else None
    for year in years:
        alive = active_actors(eco.actors, year)
        actors = eco.actors.loc[alive]
        active = ties if tie_years is None else ties[_in_period(*tie_years, year)]
        linked = links if link_years is None else links[_links_alive(links, link_years, alive, year)].reset_index(drop=True)
        yield _between(actors, active, linked, wanted)


def _between(actors: pd.DataFrame, ties: pd.DataFrame, links: pd.DataFrame | None, wanted: set[str] | None) -> NetworkTables:
    """The ties (of the types ``wanted``) and people links (None: left out) whose two ends are among ``actors``."""
    if len(ties):
        ties = ties[ties["source"].isin(actors.index) & ties["target"].isin(actors.index)]
        if wanted is not None:
            ties = ties[ties["type"].isin(wanted)]
    if links is not None:
        links = links[links["source"].isin(actors.index) & links["target"].isin(actors.index)]
    else:
        links = pd.DataFrame(columns=PEOPLE_LINK_COLUMNS)
    return NetworkTables(actors, ties, links)


def _pair_keys(ids: pd.Index, source: pd.Series, target: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each (source, target): a key of the unordered pair, and its two ends with the smaller id first.

    Keys sort like the pairs' ids as text, so that edges come in the same
    order whatever the table order.
    """
    n = len(ids)
    rank = np.empty(n, dtype=np.int64)
    rank[np.argsort(ids.to_numpy(dtype=str), kind="stable")] = np.arange(n)
    s = rank[ids.get_indexer(source)]
    t = rank[ids.get_indexer(target)]
    lo, hi = np.minimum(s, t), np.maximum(s, t)
    by_rank = ids.to_numpy(dtype=object)[np.argsort(rank)]
    return lo * n + hi, by_rank[lo], by_rank[hi]


def _runs(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sorted ``keys`` cut into runs of equal values: (first position, end, value) of each run."""
    if not len(keys):
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, empty
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    return starts, ends, keys[starts]


def _records(frame: pd.DataFrame, columns: list[str]) -> list[dict]:
    """Rows as dicts of plain Python values (``tolist`` per column: much faster than ``to_dict``)."""
    values = [frame[c].tolist() for c in columns]
    return [dict(zip(columns, row)) for row in zip(*values)]


def _tie_edges(ids: pd.Index, ties: pd.DataFrame, provenance: bool) -> dict[int, tuple[Any, Any, dict]]:
    """One edge per pair of actors with ties: types, count, weight and (with ``provenance``) the ties themselves."""
    if not len(ties):
        return {}
    keys, a, b = _pair_keys(ids, ties["source"], ties["target"])
    order = np.argsort(keys, kind="stable")  # table order kept within a pair
    keys = keys[order]
    starts, ends, uniq = _runs(keys)
    weights = np.add.reduceat(ties["weight"].to_numpy(dtype=float)[order], starts).tolist()
    typ = (
        pd.DataFrame({"k": keys, "t": ties["type"].to_numpy(dtype=object)[order]}).drop_duplicates().sort_values(["k", "t"], kind="stable")
    )
    t_starts, t_ends, _ = _runs(typ["k"].to_numpy())
    types = typ["t"].tolist()
    first = order[starts]
    pairs = zip(uniq.tolist(), a[first].tolist(), b[first].tolist(), (ends - starts).tolist(), weights, t_starts.tolist(), t_ends.tolist())
    edges = {key: (x, y, {"types": types[ts:te], "n_ties": count, "weight": w, "n_people": 0}) for key, x, y, count, w, ts, te in pairs}
    if provenance:
        merged = _merged_ties(keys, ties.iloc[order])
        r_starts, r_ends, _ = _runs(merged["k"].to_numpy())
        records = _records(merged, ["source", "target", "type", "start", "end", "weight", "evidence", "n"])
        ev = pd.DataFrame({"k": keys, "e": ties["evidence"].to_numpy(dtype=object)[order]}).drop_duplicates()
        e_starts, e_ends, _ = _runs(ev["k"].to_numpy())
        evidence = ev["e"].tolist()
        for key, s, e, es, ee in zip(uniq.tolist(), r_starts.tolist(), r_ends.tolist(), e_starts.tolist(), e_ends.tolist()):
            data = edges[key][2]
            data["ties"] = records[s:e]
            data["evidence"] = evidence[es:ee]
    return edges


def _merged_ties(keys: np.ndarray, ties: pd.DataFrame) -> pd.DataFrame:
    """One record per pair, direction and type: the first row's evidence, the rows' count ``n``, total weight and span.

    ``ties`` are sorted by pair ``keys``, table order kept within a pair. The
    span runs from the first start to the last end; an empty bound (unknown
    start, or still lasting) stays empty, as it counts as open. So that a
    pair tied by a million rows carries one record per type, not a million
    (see ``benchmarks/hubs.py``).
    """
    frame = pd.DataFrame(
        {
            "k": keys,
            "source": ties["source"].to_numpy(dtype=object),
            "target": ties["target"].to_numpy(dtype=object),
            "type": ties["type"].to_numpy(dtype=object),
            "start": ties["start"].to_numpy(dtype=object),
            "end": ties["end"].to_numpy(dtype=object),
            "weight": ties["weight"].to_numpy(dtype=float),
            "evidence": ties["evidence"].to_numpy(dtype=object),
        }
    )
    by = [frame["k"], frame["source"], frame["target"], frame["type"]]
    group = frame.groupby(by, sort=False)
    if group.ngroups == len(frame):  # no parallel rows: every record as it is
        return frame.assign(n=1)
    bounds = {}
    for side, pick in (("start", "min"), ("end", "max")):
        known = ~frame[side].isna() & (frame[side].astype(str) != "")
        has_open = (~known).groupby(by, sort=False).any().to_numpy()
        agg = frame[side].astype(str).where(known).groupby(by, sort=False).agg(pick).to_numpy(dtype=object)
        bounds[side] = np.where(has_open, "", agg)
    first = group.head(1).reset_index(drop=True)
    first["start"], first["end"] = bounds["start"], bounds["end"]
    first["weight"] = group["weight"].sum().to_numpy()
    first["n"] = group.size().to_numpy()
    return first


def _add_people(edges: dict[int, tuple[Any, Any, dict]], ids: pd.Index, links: pd.DataFrame) -> None:
    """Add the people links to the edges (new edges for pairs linked only by people), in the links' order."""
    if not len(links):
        return
    keys, a, b = _pair_keys(ids, links["source"], links["target"])
    years = links["year"]
    entries = [
        {"person": p, "source": s, "target": t, "kind": k, "year": None if pd.isna(y) else int(y)}
        for p, s, t, k, y in zip(links["person"], links["source"], links["target"], links["kind"], years)
    ]
    touched: dict[int, list[dict]] = {}
    for key, x, y, entry in zip(keys.tolist(), a, b, entries):
        if key not in edges:
            edges[key] = (x, y, {"types": [], "n_ties": 0, "weight": 0.0, "n_people": 0})
        touched.setdefault(key, []).append(entry)
    for key, plinks in touched.items():
        data = edges[key][2]
        people = sorted({p["person"] for p in plinks})
        data["people_links"] = plinks
        data["people"] = people
        data["n_people"] = len(people)
        data["weight"] += len(people)
        data["types"] = sorted([*data["types"], "people"])


def graph_attributes(eco: Ecosystem, *, as_of: int | None = None) -> dict[str, Any]:
    """What every network of ``eco`` carries about itself (networkx's ``G.graph``, a SparseGraph's ``graph``).

    ``name``, ``title``, ``as_of`` and ``synthetic``; and, for a dataset whose
    groups are its own, ``group`` (the word for one of them, its metadata's
    ``group``) and ``group_labels`` (its own codes of the ``sphere`` column by
    their names, from its vocabulary), so that views and figures drawn from
    the network alone name the groups as the dataset does.

    Examples
    --------
    >>> import ecograph as eg
    >>> graph_attributes(eg.datasets.karate())["group"], graph_attributes(eg.datasets.karate())["group_labels"]["mr_hi"]
    ('faction', "Mr. Hi's faction")
    >>> sorted(graph_attributes(eg.datasets.tiny()))
    ['as_of', 'name', 'synthetic', 'title']
    """
    out: dict[str, Any] = {"name": eco.name, "title": eco.metadata.title, "as_of": as_of, "synthetic": eco.synthetic}
    if eco.metadata.group:
        out["group"] = eco.metadata.group
    if eco.metadata.group_gender:
        out["group_gender"] = eco.metadata.group_gender
    own = eco.vocabulary.own_labels().get("sphere")
    if own:
        out["group_labels"] = dict(own)
    return out


def actor_graph(
    eco: Ecosystem,
    *,
    tie_types: Iterable[str] | str | None = None,
    via_people: bool = True,
    as_of: int | None = None,
    provenance: bool = True,
) -> nx.Graph:
    """The actor network as a simple undirected networkx graph.

    See :meth:`ecograph.Ecosystem.graph`, which calls this function, and
    :func:`network_tables` for what is selected.

    Examples
    --------
    >>> import ecograph as eg
    >>> actor_graph(eg.datasets.tiny(), via_people=False).number_of_edges()
    7
    """
    tables = network_tables(eco, tie_types=tie_types, via_people=via_people, as_of=as_of)
    ids = pd.Index(tables.actors.index, dtype=object)
    G = nx.Graph()
    G.graph.update(graph_attributes(eco, as_of=as_of))
    with _no_cyclic_gc():  # millions of small dicts and no cycles: collecting while building only costs time
        G.add_nodes_from(_node_records(tables.actors))
        edges = _tie_edges(ids, tables.ties, provenance)
        _add_people(edges, ids, tables.links)
        G.add_edges_from(edges.values())
    if len(tables.links):
        # the names of the people on the ties, for views and exports (not attributes of any node)
        people = eco.people["name"] if "name" in eco.people.columns else pd.Series(dtype=object)
        linked = pd.unique(tables.links["person"].to_numpy(dtype=object))
        G.graph["people"] = {p: str(people[p]) for p in linked if p in people.index and not pd.isna(people[p])}
    return G


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector (reference counting still frees memory) for a bulk build."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _node_records(actors: pd.DataFrame) -> list[tuple[str, dict]]:
    """Actor rows as (id, attributes), leaving out missing values (NaN, None, NA)."""
    columns = list(actors.columns)
    records = _records(actors, columns)
    for column in columns:
        for i in np.flatnonzero(actors[column].isna().to_numpy(dtype=bool)).tolist():
            del records[i][column]
    return list(zip(actors.index, records))


def affiliation_graph(eco: Ecosystem, *, as_of: int | None = None) -> nx.Graph:
    """The bipartite person–actor graph.

    Actor nodes keep their ids and attributes, with ``bipartite=0`` and
    ``node_type="actor"``; person nodes are ``"person:<id>"`` with
    ``bipartite=1``, ``node_type="person"``, ``name`` and ``source``. Each edge
    lists the person's affiliations to that actor (role, start, end, source).
    ``B.graph["moves"]`` lists the moves of people between actors (person,
    source, target, year), which views draw as arrows.

    Examples
    --------
    >>> import ecograph as eg
    >>> B = affiliation_graph(eg.datasets.tiny())
    >>> sorted(n for n, d in B.nodes(data=True) if d["bipartite"] == 1)
    ['person:p1', 'person:p2']
    >>> B["person:p1"]["lab"]["affiliations"][0]["role"]
    'employee'
    """
    aff = eco.affiliations
    actors = eco.actors
    if as_of is not None:
        actors = actors.loc[active_actors(actors, as_of)]
        aff = aff[_in_period(_years(aff["start"]), _years(aff["end"]), as_of)] if len(aff) else aff
    B = nx.Graph()
    B.graph.update({**graph_attributes(eco, as_of=as_of), "bipartite": True})
    B.add_nodes_from((n, {**d, "bipartite": 0, "node_type": "actor"}) for n, d in _node_records(actors))
    people = eco.people
    for pid, rec in zip(people.index, people.to_dict("records"), strict=False):
        B.add_node(f"person:{pid}", **rec, person_id=pid, bipartite=1, node_type="person")
    for rec in aff.to_dict("records"):
        if rec["actor"] not in B:
            continue
        p = f"person:{rec['person']}"
        if not B.has_edge(p, rec["actor"]):
            B.add_edge(p, rec["actor"], affiliations=[])
        B[p][rec["actor"]]["affiliations"].append({k: v for k, v in rec.items() if k not in ("person", "actor")})
    for _, _, data in B.edges(data=True):
        data["roles"] = sorted({a["role"] for a in data["affiliations"] if a["role"]})
    links = people_links(eco, as_of=as_of)
    moves = links[links["kind"] == "moved"]
    B.graph["moves"] = [
        {"person": r.person, "source": r.source, "target": r.target, "year": None if pd.isna(r.year) else int(r.year)}
        for r in moves.itertuples()
    ]
    return B
