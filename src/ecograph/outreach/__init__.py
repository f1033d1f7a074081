"""Outreach: who is left out, who could introduce them, and what each introduction changes.

The study asks to "sortir de la cooptation": find "connecteurs" and bring
isolated and peripheral actors into the network, without overloading the
pioneers who already carry it. This module turns the measures into a
worklist an officer can act on:

:func:`suggest_introducers`
    for given actors, the best actors to introduce them, each with a score,
    the reasons in plain words, and the expected effect of that one new tie;
:func:`outreach_worklist`
    one row per isolated or peripheral actor, ranked by how much bringing it
    in would help, with up to ``k`` introducers;
:func:`what_if`
    the headline measures before and after adding or removing ties or actors;
:func:`key_players`
    the actors whose departure would fragment the network most (greedy).

How introducers are scored
--------------------------
For an actor ``t`` and a candidate ``c`` not yet tied to it, the score adds
(weights in :data:`WEIGHTS`):

* **Adamic–Adar** over their common neighbours (``Σ 1 / log deg z``): shared
  contacts, weighted towards rare ones (Adamic & Adar 2003) — the main term;
* **same sphere** (+0.2), or **support structure** (+0.1: connecting others
  is their job, the study's "structures d'accompagnement"; +0.8 for an actor
  with no known tie, for whom shared contacts cannot help);
* **proximity** (up to +0.1, halving every 5 km) when both have coordinates;
* **a person** already linking them (+1.5: someone who worked in both);
* **how connected** the candidate is (up to +0.3, its degree percentile);
* a **load penalty**: the score is divided by ``1 + 0.3 p`` where ``p`` is the
  candidate's betweenness percentile, so over-stretched brokers rank lower;
  in a worklist it is also divided by ``1 + u / 3`` where ``u`` counts the
  actors already on the list for whom the candidate is the first
  suggestion, so that introductions are spread over several people.

The weights were chosen with ``benchmarks/outreach.py``: with them the
suggestions recover hidden ties at least as well as plain common neighbours
and far better than random pairs.

Candidates are the actors two steps away, the support structures and
best-connected actors of the same sphere, and the nearest actors on the map,
so that the search stays fast on large ecosystems.

References
----------
.. [1] Adamic, L. A. & Adar, E. (2003). Friends and neighbors on the Web.
   *Social Networks* 25(3), 211-230.
.. [2] Borgatti, S. P. (2006). Identifying sets of key players in a social
   network. *Computational & Mathematical Organization Theory* 12, 21-34.

Examples
--------
>>> import ecograph as eg
>>> w = outreach_worklist(eg.datasets.tiny(), k=2)
>>> w.loc["loner", ["reason", "introducer_1"]].tolist()
['no known tie', 'network']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..brokerage import betweenness
from ..errors import GraphError, MissingAttributeError, UnknownActorError
from ..evolution import headline_measures
from ..isolation import isolated_actors
from ..sparse import SparseGraph, _symmetric, as_sparse
from ..vocabulary import SPHERE_LABELS

__all__ = [
    "suggested_ties",
    "suggest_introducers",
    "outreach_worklist",
    "what_if",
    "key_players",
    "worklist_table",
    "write_worklist",
    "WORKLIST_HEADERS",
]

SUPPORT_KINDS = ("support_structure",)
#: Weights of the introducer score (see the module notes); measured with benchmarks/outreach.py.
WEIGHTS = {
    "cn": 0.0,
    "aa": 1.0,
    "same": 0.2,
    "support": 0.1,
    "support_isolated": 0.8,
    "proximity": 0.1,
    "person": 1.5,
    "degree": 0.3,
    "load": 0.3,
}
#: In a worklist, each time a candidate is someone's first introducer its score is divided by ``1 + u / USAGE_SOFTNESS``.
USAGE_SOFTNESS = 3.0
_EARTH_KM = 6371.0


def _graph_and_eco(obj: Any) -> tuple[SparseGraph, Any]:
    from ..ecosystem import Ecosystem

    if isinstance(obj, Ecosystem):
        return obj.sparse_graph(), obj
    return as_sparse(obj), None


def _column(S: SparseGraph, name: str, default: Any = "") -> np.ndarray:
    """A node attribute as an array, ``default`` where missing (no error)."""
    try:
        return S.labels(name)
    except MissingAttributeError:
        if name in S.attributes.columns:
            return S.attributes[name].where(S.attributes[name].notna(), default).to_numpy(dtype=object)
        source = S._source() if S._source is not None else None
        if source is None:
            return np.full(S.n, default, dtype=object)
        return np.array([source.nodes[n].get(name, default) for n in S.nodes], dtype=object)


def _check_attr(S: SparseGraph, attr: str) -> np.ndarray:
    return S.labels(attr)  # raises MissingAttributeError naming the nodes


def _coords(S: SparseGraph) -> np.ndarray | None:
    lat = pd.to_numeric(pd.Series(_column(S, "lat", np.nan)), errors="coerce").to_numpy(dtype=float)
    lon = pd.to_numeric(pd.Series(_column(S, "lon", np.nan)), errors="coerce").to_numpy(dtype=float)
    if np.isfinite(lat).sum() < 2:
        return None
    return np.column_stack([lat, lon])


def _km(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Great-circle distance in km between rows of (lat, lon) arrays."""
    la1, lo1, la2, lo2 = (np.radians(x) for x in (a[:, 0], a[:, 1], b[:, 0], b[:, 1]))
    h = np.sin((la2 - la1) / 2) ** 2 + np.cos(la1) * np.cos(la2) * np.sin((lo2 - lo1) / 2) ** 2
    return 2 * _EARTH_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1)))


def _person_pairs(eco: Any, S: SparseGraph) -> set[tuple[int, int]]:
    if eco is None or not len(eco.affiliations):
        return set()
    links = eco.people_links()
    a = S.nodes.get_indexer(links["source"])
    b = S.nodes.get_indexer(links["target"])
    ok = (a >= 0) & (b >= 0)
    return {(min(x, y), max(x, y)) for x, y in zip(a[ok], b[ok])}


def suggest_introducers(
    G: Any,
    actors: Iterable | None = None,
    *,
    k: int = 3,
    attr: str = "sphere",
    seed: int = 0,
    candidates: int = 30,
    label: str = "name",
    exclude_kinds: Iterable[str] = ("programme", "event"),
    lang: str = "en",
    _context: dict | None = None,
) -> pd.DataFrame:
    """The best introducers for each of ``actors``, with reasons and expected effects.

    Parameters
    ----------
    G : Ecosystem, networkx.Graph or SparseGraph
        With an Ecosystem, people who worked in both actors count as a reason.
    actors : iterable of actor ids, optional
        Defaults to every actor.
    k : int, default 3
        Introducers per actor.
    attr : str, default "sphere"
    seed : int, default 0
        Seed of the betweenness estimate on large graphs (see :func:`ecograph.betweenness`).
    candidates : int, default 30
        Candidates drawn from each source (same sphere, support structures, nearest).
    exclude_kinds : iterable of str, default ("programme", "event")
        Kinds of actors that cannot introduce anyone (a programme or an event
        is where people meet, not who introduces them).
    lang : {"en", "fr"}, default "en"
        Language of the reasons (``why``).

    Returns
    -------
    DataFrame
        One row per (actor, introducer): ``actor``, ``introducer``, ``rank``,
        ``score``, ``common_neighbours``, ``adamic_adar``, ``same_sphere``,
        ``support_structure``, ``distance_km``, ``person_link``,
        ``introducer_betweenness``, ``why`` (plain words), and the effect of
        the new tie: ``components_merged``, ``newly_reachable`` (actors the
        actor can now reach), ``density_change``, ``ei_change`` and
        ``load_paths`` (pairs of actors that would now route through the
        introducer).

    Examples
    --------
    >>> import ecograph as eg
    >>> s = suggest_introducers(eg.datasets.tiny(), ["lab"], k=2)
    >>> s[["introducer", "common_neighbours"]].values.tolist()
    [['coop', 1], ['network', 1]]
    """
    S, eco = _graph_and_eco(G)
    if S.n < 2:
        raise GraphError("suggestions need at least two actors")
    groups = _check_attr(S, attr)
    ctx = _context if _context is not None else _prepare(S, eco, attr, seed)
    kinds_all = _column(S, "kind", "")
    ctx["excluded"] = set(np.flatnonzero(np.isin(kinds_all.astype(str), list(exclude_kinds))).tolist())
    targets = list(S.nodes) if actors is None else list(actors)
    pos = S.nodes.get_indexer(targets)
    if (pos < 0).any():
        bad = [t for t, p in zip(targets, pos) if p < 0]
        raise UnknownActorError(f"{len(bad)} actor(s) not in the graph: {', '.join(map(str, bad[:5]))}")
    A = S.binary
    names = _column(S, label, "")
    n = S.n
    excluded = np.zeros(n, dtype=bool)
    excluded[sorted(ctx["excluded"])] = True
    empty = np.empty(0, dtype=np.int64)
    group_lists = {g: np.asarray(v[:candidates], dtype=np.int64) for g, v in ctx["by_group"].items()}
    fixed = np.unique(np.asarray(ctx["support"][:candidates] + ctx["hubs"][:candidates], dtype=np.int64))
    # common neighbours of every target with everyone, in one product: (A[T] A)[t, c] = |N(t) ∩ N(c)|
    At = A[pos]
    two = (At @ A).tocsr()
    inv_log = np.zeros(n)
    ok = ctx["deg"] > 1
    inv_log[ok] = 1.0 / np.log(ctx["deg"][ok])
    weighted = (At.multiply(inv_log[None, :]) @ A).tocsr()
    near: dict[int, np.ndarray] = {}
    if ctx["tree"] is not None:
        coords_t = ctx["coords"][pos]
        has = np.flatnonzero(np.isfinite(coords_t).all(axis=1))
        if len(has):
            _, idx = ctx["tree"].query(coords_t[has], k=min(candidates, n))
            idx = np.atleast_2d(idx)
            for row, i in zip(idx, has):
                near[int(i)] = row[row < n].astype(np.int64)
    pair_t, pair_c = [], []
    for i, t in enumerate(pos):
        parts = [
            two.indices[two.indptr[i] : two.indptr[i + 1]].astype(np.int64),
            group_lists.get(groups[t], empty),
            fixed,
            near.get(i, empty),
        ]
        c = np.unique(np.concatenate(parts))
        nbrs = A.indices[A.indptr[t] : A.indptr[t + 1]]
        c = c[~excluded[c] & (c != t) & ~np.isin(c, nbrs)]
        pair_t.append(np.full(len(c), i, dtype=np.int64))
        pair_c.append(c)
    ti = np.concatenate(pair_t) if pair_t else empty
    cj = np.concatenate(pair_c) if pair_c else empty
    t_abs = pos[ti]

    def lookup(M: sp.csr_array) -> np.ndarray:
        if not len(ti):
            return np.zeros(0)
        values = M[ti, cj]
        return np.asarray(values.toarray() if sp.issparse(values) else values, dtype=float).ravel()

    common = lookup(two).astype(np.int64)
    aa = lookup(weighted)
    same = (groups[cj] == groups[t_abs]) & (groups[t_abs] != "")
    support = ctx["is_support"][cj]
    dist = np.full(len(cj), np.nan)
    if ctx["coords"] is not None and len(cj):
        both = np.isfinite(ctx["coords"][t_abs]).all(axis=1) & np.isfinite(ctx["coords"][cj]).all(axis=1)
        dist[both] = _km(ctx["coords"][t_abs[both]], ctx["coords"][cj[both]])
    prox = np.where(np.isfinite(dist), 0.5 * np.power(0.5, np.nan_to_num(dist, nan=1e9) / 5.0), 0.0)
    if ctx["person_pairs"] and len(cj):
        known = np.array(sorted(a * n + b for a, b in ctx["person_pairs"]), dtype=np.int64)
        person = np.isin(np.minimum(t_abs, cj) * n + np.maximum(t_abs, cj), known)
    else:
        person = np.zeros(len(cj), dtype=bool)
    W8 = WEIGHTS
    raw = (
        W8["cn"] * common
        + W8["aa"] * aa
        + W8["same"] * same
        + np.where(ctx["deg"][t_abs] > 0, W8["support"], W8["support_isolated"]) * (support & ~same)
        + W8["proximity"] * 2 * prox  # prox is at most 0.5
        + W8["person"] * person
        + W8["degree"] * ctx["deg_pct"][cj]
    )
    score = raw / (1.0 + W8["load"] * ctx["bc_pct"][cj])
    # best candidates of each target, in target order; the load spreading of worklists is sequential
    order = np.lexsort((cj, -score, ti))
    starts = np.searchsorted(ti[order], np.arange(len(pos)), side="left")
    ends = np.searchsorted(ti[order], np.arange(len(pos)), side="right")
    usage = ctx.get("usage")
    chosen, ranks, final = [], [], []
    for i in range(len(pos)):
        block = order[starts[i] : ends[i]]
        if not len(block):
            continue
        if usage is None:
            pick, adjusted = block[:k], score[block[:k]]
        else:  # spread introductions over introducers: earlier first suggestions weigh on later ones
            top = block[: max(50, k)]
            adjusted_all = score[top] / (1.0 + np.array([usage.get(int(x), 0) for x in cj[top]], dtype=float) / USAGE_SOFTNESS)
            sub = np.lexsort((cj[top], -adjusted_all))[:k]
            pick, adjusted = top[sub], adjusted_all[sub]
            usage[int(cj[pick[0]])] = usage.get(int(cj[pick[0]]), 0) + 1
        chosen.extend(pick.tolist())
        ranks.extend(range(1, len(pick) + 1))
        final.extend(adjusted.tolist())
    sel = np.asarray(chosen, dtype=np.int64)
    W = _WHY[lang]
    rows = []
    effects = _effects(ctx, t_abs[sel], cj[sel])
    for j, rank, sc, eff in zip(sel.tolist(), ranks, final, effects):
        t, x = int(t_abs[j]), int(cj[j])
        why = []
        if common[j]:
            why.append(W["common"].format(n=int(common[j]), s="s" if common[j] > 1 else ""))
        if same[j]:
            shown = SPHERE_LABELS[lang].get(groups[t], groups[t]) if attr == "sphere" else groups[t]
            why.append(W["same"].format(attr=W.get(attr, attr), value=shown))
        if support[j]:
            why.append(W["support"])
        if np.isfinite(dist[j]):
            why.append(W["km"].format(d=dist[j]))
        if person[j]:
            why.append(W["person"])
        if ctx["bc_pct"][x] >= 0.9:
            why.append(W["broker"])
        if not why:
            why.append(W["connected"])
        rows.append(
            {
                "actor": S.nodes[t],
                "introducer": S.nodes[x],
                "introducer_name": str(names[x] or S.nodes[x]),
                "rank": rank,
                "score": round(float(sc), 6),
                "common_neighbours": int(common[j]),
                "adamic_adar": round(float(aa[j]), 6),
                "same_sphere": bool(same[j]),
                "support_structure": bool(support[j]),
                "distance_km": None if not np.isfinite(dist[j]) else round(float(dist[j]), 2),
                "person_link": bool(person[j]),
                "introducer_betweenness": round(float(ctx["bc"][x]), 6),
                "why": "; ".join(why),
                **eff,
            }
        )
    columns = [
        "actor", "introducer", "introducer_name", "rank", "score", "common_neighbours", "adamic_adar", "same_sphere", "support_structure",
        "distance_km", "person_link", "introducer_betweenness", "why", "components_merged", "newly_reachable", "density_change", "ei_change", "load_paths",
    ]  # fmt: skip
    out = pd.DataFrame(rows, columns=columns)
    out["actor"] = out["actor"].astype(object)
    out["introducer"] = out["introducer"].astype(object)
    return out


_WHY = {
    "en": {"common": "{n} common contact{s}", "same": "same {attr} ({value})", "support": "support structure", "km": "{d:.1f} km away",
           "person": "a person worked in both", "broker": "already a major broker", "connected": "well connected in the main network",
           "sphere": "sphere", "few": "few actors within two steps"},
    "fr": {"common": "{n} contact{s} commun{s}", "same": "même {attr} ({value})", "support": "structure d'accompagnement", "km": "à {d:.1f} km",
           "person": "une personne a travaillé dans les deux", "broker": "déjà un intermédiaire majeur", "connected": "bien relié au réseau principal",
           "sphere": "sphère", "few": "peu d'acteurs à deux pas"},
}  # fmt: skip


def _prepare(S: SparseGraph, eco: Any, attr: str, seed: int) -> dict:
    """What every suggestion needs, computed once."""
    from scipy.sparse.csgraph import connected_components

    groups = S.labels(attr)
    deg = S.degrees().astype(float)
    kinds = _column(S, "kind", "")
    is_support = np.isin(kinds.astype(str), SUPPORT_KINDS) | (groups.astype(str) == "support")
    bc = betweenness(S, seed=seed).to_numpy()
    bc_pct = pd.Series(bc).rank(pct=True, method="average").to_numpy().copy() if S.n > 1 else np.zeros(S.n)
    bc_pct[bc == 0] = 0.0
    deg_pct = pd.Series(deg).rank(pct=True, method="average").to_numpy().copy()
    deg_pct[deg == 0] = 0.0
    order = np.lexsort((np.arange(S.n), -deg))
    n_comp, comp = connected_components(S.adjacency, directed=False)
    sizes = np.bincount(comp, minlength=n_comp)
    main = int(np.argmax(sizes))
    by_group: dict[Any, list[int]] = {}
    # per group, candidates in the main component first, best connected first
    in_main = comp[order] == main
    for i in np.concatenate([order[in_main], order[~in_main]]):
        by_group.setdefault(groups[i], []).append(int(i))
    support = [int(i) for i in order if is_support[i] and comp[i] == main]
    hubs = [int(i) for i in order if comp[i] == main]
    coords = _coords(S)
    tree = None
    if coords is not None:
        from scipy.spatial import cKDTree

        finite = np.isfinite(coords).all(axis=1)
        filled = np.where(finite[:, None], coords, 1e6)
        tree = cKDTree(filled)
    u, v, _ = S.edges()
    cross = int((groups[u] != groups[v]).sum())
    return {
        "deg": deg,
        "is_support": is_support,
        "bc": bc,
        "bc_pct": bc_pct,
        "deg_pct": deg_pct,
        "by_group": by_group,
        "support": support,
        "hubs": hubs,
        "coords": coords,
        "tree": tree,
        "person_pairs": _person_pairs(eco, S),
        "comp": comp,
        "sizes": sizes,
        "groups": groups,
        "m": S.m,
        "n": S.n,
        "cross": cross,
    }


def _effects(ctx: dict, t: np.ndarray, c: np.ndarray) -> list[dict]:
    """The effect of each new tie (t[i], c[i]) on components, reach, density, E-I and the introducer's load."""
    comp, sizes, n, m = ctx["comp"], ctx["sizes"], ctx["n"], ctx["m"]
    merged = comp[t] != comp[c]
    reach = np.where(merged, sizes[comp[c]], 0)
    before = (2 * ctx["cross"] - m) / m if m else 0.0
    cross_after = ctx["cross"] + (ctx["groups"][t] != ctx["groups"][c])
    after = (2 * cross_after - (m + 1)) / (m + 1)
    # pairs that would route through the introducer: the actor's component to the introducer's
    load = np.where(merged, sizes[comp[t]] * (sizes[comp[c]] - 1), 0)
    dens = 2.0 / (n * (n - 1)) if n > 1 else 0.0
    return [
        {
            "components_merged": int(mg),
            "newly_reachable": int(r),
            "density_change": dens,
            "ei_change": round(float(a - before), 6),
            "load_paths": int(ld),
        }
        for mg, r, a, ld in zip(merged, reach, after, load)
    ]


def outreach_worklist(
    G: Any, *, attr: str = "sphere", k: int = 3, seed: int = 0, label: str = "name", low_reach_share: float = 0.05, lang: str = "en"
) -> pd.DataFrame:
    """One row per isolated or peripheral actor, most useful to bring in first.

    Targets are the isolates, pendants and actors outside the main component
    (see :func:`ecograph.isolated_actors`) and, in the main component, the
    ``low_reach_share`` of actors with the lowest two-step reach.

    Parameters
    ----------
    G : Ecosystem, networkx.Graph or SparseGraph
    attr : str, default "sphere"
    k : int, default 3
        Introducers per actor.
    seed : int, default 0
    label : str, default "name"
    low_reach_share : float, default 0.05
    lang : {"en", "fr"}, default "en"
        Language of the reasons.

    Returns
    -------
    DataFrame
        Indexed by actor id: ``name``, ``sphere`` (the ``attr`` value),
        ``kind``, ``reason``, ``component_size``, ``degree``, ``reach_2``,
        ``priority`` (actors that would become reachable through the best
        introduction, then isolation), and for each of the ``k`` introducers
        ``introducer_i``, ``introducer_i_name``, ``why_i``,
        ``newly_reachable_i``, ``ei_change_i``, ``load_paths_i``. The long
        form (one row per suggestion) is in ``attrs["suggestions"]``.

    Examples
    --------
    >>> import ecograph as eg
    >>> w = outreach_worklist(eg.datasets.tiny(), k=2, lang="fr")
    >>> w.loc["loner", ["reason", "introducer_1"]].tolist(), int(w.loc["loner", "newly_reachable_1"])
    (['aucun lien connu', 'network'], 7)
    """
    S, eco = _graph_and_eco(G)
    if S.n < 2:
        raise GraphError("a worklist needs at least two actors")
    groups = _check_attr(S, attr)
    iso = isolated_actors(S, label=label, lang=lang)
    targets = list(iso.index)
    if low_reach_share > 0:
        from ..isolation import two_step_reach

        listed = set(targets)
        main_rest = [n for n in S.nodes if n not in listed]
        if main_rest:
            reach = two_step_reach(S, main_rest)
            cut = reach.quantile(low_reach_share)
            extra = reach[reach <= cut].sort_values(kind="stable").head(max(1, int(low_reach_share * S.n)))
            targets += [n for n in extra.index if n not in listed]
    ctx = _prepare(S, eco, attr, seed)
    ctx["usage"] = {}
    # most promising first, so they get the best introducers
    promise = ctx["sizes"][ctx["comp"][S.nodes.get_indexer(targets)]]
    targets = [t for _, t in sorted(zip(promise, targets), key=lambda p: (p[0], str(p[1])))]
    sugg = suggest_introducers(S if eco is None else eco, targets, k=k, attr=attr, seed=seed, label=label, lang=lang, _context=ctx)
    idx = S.nodes.get_indexer(targets)
    names = _column(S, label, "")
    kinds = _column(S, "kind", "")
    frame = pd.DataFrame(index=pd.Index(targets, name="actor", dtype=object))
    frame["name"] = [str(names[i] or S.nodes[i]) for i in idx]
    frame[attr] = [groups[i] for i in idx]
    frame["kind"] = [kinds[i] for i in idx]
    if len(iso):
        frame["reason"] = iso["reason"].reindex(frame.index)
    else:
        frame["reason"] = np.nan
    frame["reason"] = frame["reason"].fillna(_WHY[lang]["few"]).astype(object)
    frame["component_size"] = ctx["sizes"][ctx["comp"][idx]]
    frame["degree"] = ctx["deg"][idx].astype(np.int64)
    from ..isolation import two_step_reach

    frame["reach_2"] = two_step_reach(S, targets).to_numpy()
    best = sugg[sugg["rank"] == 1].set_index("actor")["newly_reachable"] if len(sugg) else pd.Series(dtype=float)
    frame["priority"] = best.reindex(frame.index).fillna(0).astype(np.int64)
    for r in range(1, k + 1):
        part = sugg[sugg["rank"] == r].set_index("actor") if len(sugg) else pd.DataFrame()
        for col, src in (
            ("introducer", "introducer"),
            ("introducer_name", "introducer_name"),
            ("why", "why"),
            ("newly_reachable", "newly_reachable"),
            ("ei_change", "ei_change"),
            ("load_paths", "load_paths"),
        ):
            name = f"{col}_{r}" if col != "introducer_name" else f"introducer_{r}_name"
            frame[name] = part[src].reindex(frame.index) if len(part) else np.nan
    frame["_iso"] = frame["degree"] == 0
    frame["_id"] = [str(x) for x in frame.index]
    frame = frame.sort_values(["priority", "_iso", "reach_2", "_id"], ascending=[False, False, True, True], kind="stable").drop(
        columns=["_iso", "_id"]
    )
    frame.attrs.update({"suggestions": sugg, "attr": attr, "k": k, "seed": seed})
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
    [('loner', 'network')]
    """
    column = f"introducer_{rank}"
    head = worklist if n is None else worklist.head(n)
    return [
        (actor, intro) for actor, intro in zip(head.index, head[column]) if isinstance(intro, str) or (intro is not None and intro == intro)
    ]


#: Column headers of the exported worklist, in English and French.
WORKLIST_HEADERS: dict[str, dict[str, str]] = {
    "en": {"actor": "actor id", "name": "name", "sphere": "sphere", "kind": "kind", "reason": "why it is on the list", "component_size": "size of its group",
           "degree": "known ties", "reach_2": "actors within two steps", "priority": "actors it would reach", "introducer": "introducer", "introducer_name": "introducer name",
           "why": "why this introducer", "newly_reachable": "actors newly reachable", "ei_change": "change in E-I index", "load_paths": "paths added to the introducer"},
    "fr": {"actor": "identifiant", "name": "nom", "sphere": "sphère", "kind": "type", "reason": "pourquoi sur la liste", "component_size": "taille de son groupe",
           "degree": "liens connus", "reach_2": "acteurs à deux pas", "priority": "acteurs qu'il atteindrait", "introducer": "introducteur", "introducer_name": "nom de l'introducteur",
           "why": "pourquoi cet introducteur", "newly_reachable": "acteurs nouvellement joignables", "ei_change": "variation de l'indice E-I", "load_paths": "chemins ajoutés à l'introducteur"},
}  # fmt: skip


def _apply_edits(S: SparseGraph, add: Iterable, remove: Iterable, add_actors: Mapping | None) -> SparseGraph:
    nodes = list(S.nodes)
    attrs = S.attributes.copy() if len(S.attributes.columns) else None
    if add_actors:
        existing = set(nodes)
        for key in add_actors:
            if key in existing:
                raise GraphError(f"actor {key!r} is already in the graph")
        nodes += list(add_actors)
    index = {n: i for i, n in enumerate(nodes)}
    u, v, w = S.edges()
    edges = {(int(a), int(b)): float(x) for a, b, x in zip(u, v, w)}
    removed_actors: set[int] = set()
    for item in remove:
        if isinstance(item, tuple) and len(item) == 2:
            a, b = item
            for x in (a, b):
                if x not in index:
                    raise UnknownActorError(f"cannot remove the tie {a!r}–{b!r}: actor {x!r} is not in the graph")
            key = (min(index[a], index[b]), max(index[a], index[b]))
            if key not in edges:
                raise GraphError(f"cannot remove the tie {a!r}–{b!r}: there is no such tie")
            del edges[key]
        else:
            if item not in index:
                raise UnknownActorError(f"cannot remove actor {item!r}: it is not in the graph")
            removed_actors.add(index[item])
    for item in add:
        if not (isinstance(item, tuple) and len(item) == 2):
            raise GraphError(f"cannot add {item!r}: give ties as (actor, actor) pairs, and new actors with add_actors=")
        a, b = item
        for x in (a, b):
            if x not in index:
                raise UnknownActorError(f"cannot add the tie {a!r}–{b!r}: actor {x!r} is not in the graph (new actors go in add_actors=)")
        if a == b:
            raise GraphError(f"cannot add a tie from {a!r} to itself")
        edges[(min(index[a], index[b]), max(index[a], index[b]))] = 1.0
    keep = [i for i in range(len(nodes)) if i not in removed_actors]
    remap = {old: new for new, old in enumerate(keep)}
    eu = np.array([remap[a] for (a, b) in edges if a in remap and b in remap], dtype=np.int64)
    ev = np.array([remap[b] for (a, b) in edges if a in remap and b in remap], dtype=np.int64)
    ew = np.array([x for (a, b), x in edges.items() if a in remap and b in remap], dtype=float)
    new_nodes = pd.Index([nodes[i] for i in keep], dtype=object)
    if attrs is None:
        attrs = pd.DataFrame({c: S.labels(c) for c in ("sphere",) if _has(S, c)}, index=S.nodes)
    if add_actors:
        extra = pd.DataFrame.from_dict(dict(add_actors), orient="index")
        attrs = pd.concat([attrs, extra])
    attrs = attrs.reindex(new_nodes)
    out = SparseGraph(new_nodes, _symmetric(eu, ev, ew, len(new_nodes)), attrs)
    out.graph = dict(S.graph)
    return out


def _has(S: SparseGraph, attr: str) -> bool:
    try:
        S.labels(attr)
        return True
    except MissingAttributeError:
        return False


def what_if(G: Any, *, add: Iterable = (), remove: Iterable = (), attr: str = "sphere", add_actors: Mapping | None = None) -> pd.DataFrame:
    """The headline measures before and after adding or removing ties or actors.

    Parameters
    ----------
    G : Ecosystem, networkx.Graph or SparseGraph
    add : iterable of (actor, actor)
        Ties to add.
    remove : iterable of (actor, actor) or actor ids
        Ties or actors to remove.
    attr : str, default "sphere"
    add_actors : mapping of actor id to attributes, optional
        New actors (give them the ``attr`` value, and tie them with ``add``).

    Returns
    -------
    DataFrame
        Indexed by measure: ``before``, ``after`` and ``change``.

    Examples
    --------
    >>> import ecograph as eg
    >>> w = what_if(eg.datasets.tiny(), add=[("loner", "coop")])
    >>> w.loc[["components", "isolates"], "change"].tolist()
    [-1.0, -1.0]
    """
    S, _ = _graph_and_eco(G)
    _check_attr(S, attr)
    after = _apply_edits(S, add, remove, add_actors)
    if after.n == 0:
        raise GraphError("nothing is left once those actors are removed")
    frame = pd.DataFrame({"before": headline_measures(S, attr), "after": headline_measures(after, attr)})
    frame["change"] = frame["after"] - frame["before"]
    frame.index.name = "measure"
    return frame


def _reachable_pairs(S: SparseGraph) -> int:
    from scipy.sparse.csgraph import connected_components

    _, comp = connected_components(S.adjacency, directed=False)
    sizes = np.bincount(comp)
    return int((sizes * (sizes - 1) // 2).sum())


def _connected_group_pairs(S: SparseGraph, groups: np.ndarray) -> set[tuple]:
    from scipy.sparse.csgraph import connected_components

    _, comp = connected_components(S.adjacency, directed=False)
    frame = pd.DataFrame({"comp": comp, "g": groups}).drop_duplicates()
    pairs = set()
    for _, members in frame.groupby("comp")["g"]:
        vals = sorted(set(members), key=str)
        pairs.update((a, b) for i, a in enumerate(vals) for b in vals[i + 1 :])
    return pairs


def key_players(G: Any, *, k: int = 5, attr: str = "sphere", seed: int = 0) -> pd.DataFrame:
    """The ``k`` actors whose departure would fragment the network most (greedy).

    At each step the actor whose removal disconnects the most pairs of the
    remaining actors is taken out (only cut points can disconnect pairs; when
    none is left, the actor with most ties). This is the greedy heuristic for
    Borgatti's key-player problem (KPP-Neg).

    Returns
    -------
    DataFrame
        One row per step: ``step``, ``actor``, ``name``, ``kind``, ``role``
        (its main Gould & Fernandez role, or "cut point"), ``pairs_disconnected``
        (cumulative share of originally connected pairs no longer connected),
        ``largest_component_share`` (after the removals), ``groups_cut_off``
        (pairs of ``attr`` groups connected before and no longer after).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.barbell_graph(4, 1)
    >>> nx.set_node_attributes(G, "x", "sphere")
    >>> key_players(G, k=1)[["actor", "pairs_disconnected"]].values.tolist()
    [[4, 0.6666666666666667]]
    """
    from ..bridges import _cut_point_pieces
    from ..brokerage import brokers

    S, _ = _graph_and_eco(G)
    groups = _check_attr(S, attr)
    if k < 1:
        raise ValueError("k must be at least 1")
    roles = brokers(S, attr, seed=seed)["main_role"]
    names = _column(S, "name", "")
    kinds = _column(S, "kind", "")
    base_pairs = _reachable_pairs(S)
    base_groups = _connected_group_pairs(S, groups)
    current = S
    keep = np.ones(S.n, dtype=bool)
    rows = []
    for step in range(1, min(k, S.n) + 1):
        table = _cut_point_pieces(current)
        if len(table):
            c = table["component_size"].to_numpy()
            lost = c * (c - 1) // 2 - (table["sum_sq_pieces"].to_numpy() - (c - 1)) // 2
            best = int(np.lexsort((table["position"].to_numpy(), -lost))[0])
            pick_local = int(table["position"].iloc[best])
            role_note = "cut point"
        else:
            deg = current.degrees()
            pick_local = int(np.lexsort((np.arange(current.n), -deg))[0])
            role_note = ""
        actor = current.nodes[pick_local]
        original = S.nodes.get_loc(actor)
        keep[original] = False
        current = S.subgraph(keep)
        after_pairs = _reachable_pairs(current)
        after_groups = _connected_group_pairs(current, groups[keep])
        rows.append(
            {
                "step": step,
                "actor": actor,
                "name": str(names[original] or actor),
                "kind": kinds[original],
                "role": ", ".join(x for x in (role_note, roles.get(actor, "")) if x),
                "pairs_disconnected": 1 - after_pairs / base_pairs if base_pairs else 0.0,
                "largest_component_share": _largest_share(current, S.n),
                "groups_cut_off": len(base_groups - after_groups),
            }
        )
    out = pd.DataFrame(rows)
    out["actor"] = out["actor"].astype(object)
    return out


def _largest_share(S: SparseGraph, n_original: int) -> float:
    from scipy.sparse.csgraph import connected_components

    if S.n == 0:
        return 0.0
    _, comp = connected_components(S.adjacency, directed=False)
    return float(np.bincount(comp).max() / n_original)


def _header(column: str, lang: str, attr: str) -> str:
    heads = WORKLIST_HEADERS[lang]
    if column == attr:
        return heads["sphere"] if attr == "sphere" else attr
    for base in ("introducer_name", "introducer", "why", "newly_reachable", "ei_change", "load_paths"):
        for r in range(1, 100):
            if column in (f"{base}_{r}", f"introducer_{r}_name" if base == "introducer_name" else ""):
                return f"{heads[base]} {r}"
    return heads.get(column, column)


def worklist_table(worklist: pd.DataFrame, *, lang: str = "en") -> pd.DataFrame:
    """The worklist with readable headers and sphere names, for officers.

    Examples
    --------
    >>> import ecograph as eg
    >>> t = worklist_table(eg.outreach_worklist(eg.datasets.tiny(), k=1), lang="fr")
    >>> list(t.columns[:4])
    ['identifiant', 'nom', 'sphère', 'type']
    """
    from ..vocabulary import KIND_LABELS, SPHERE_LABELS

    if lang not in WORKLIST_HEADERS:
        raise ValueError("lang must be 'en' or 'fr'")
    attr = worklist.attrs.get("attr", "sphere")
    table = worklist.reset_index()
    if attr == "sphere":
        table[attr] = table[attr].map(lambda v: SPHERE_LABELS[lang].get(v, v))
    table["kind"] = table["kind"].map(lambda v: KIND_LABELS[lang].get(v, v))
    table.columns = [_header(c, lang, attr) for c in table.columns]
    return table


def write_worklist(worklist: pd.DataFrame, path: str | Any, *, lang: str = "en") -> Any:
    """Write the worklist as ``.xlsx`` (one sheet per sphere, after one with every actor) or ``.csv``.

    Both are safe to open in a spreadsheet program: the workbook stores text as
    text, and in the CSV a text starting with ``=``, ``+``, ``-`` or ``@``
    gets a leading ``'`` so that it is not run as a formula.

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl, ecograph as eg
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "worklist.xlsx"
    >>> _ = write_worklist(eg.outreach_worklist(eg.datasets.tiny()), out, lang="fr")
    >>> openpyxl.load_workbook(out).sheetnames
    ['Tous', 'Consommation', 'Sans sphère']
    """
    from pathlib import Path

    from ..vocabulary import SPHERE_LABELS

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    table = worklist_table(worklist, lang=lang)
    if path.suffix.lower() == ".csv":
        # officers open this file in a spreadsheet: text that would start a formula is quoted
        safe = table.map(lambda v: "'" + v if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r") else v)
        safe.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        return path
    if path.suffix.lower() != ".xlsx":
        raise ValueError("write the worklist as .xlsx or .csv")
    from ..io import write_xlsx

    attr = worklist.attrs.get("attr", "sphere")
    values = worklist[attr].fillna("").astype(str)
    sheets = {"Tous" if lang == "fr" else "All": table}
    for value in sorted(set(values), key=lambda v: (v == "", v)):
        label = SPHERE_LABELS[lang].get(value, value) if attr == "sphere" else (value or "-")
        name = "".join(ch for ch in label if ch not in "[]:*?/\\")[:31] or "-"
        sheets[name] = table[(values == value).to_numpy()]
    write_xlsx(sheets, path)
    return path
