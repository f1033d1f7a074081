"""A calibrated synthetic ecosystem, from a handful of actors to millions.

The generator reproduces what the Dijon study and the literature on
territorial ecosystems describe, so that demos, tests and benchmarks exercise
realistic structure:

* sphere shares of the 69 local initiatives the study counted (23
  consumption, 18 production, 13 innovation, 11 support structures, 4
  finance) and its local/non-local split (69 of 147);
* communities that are dense inside and sparse across spheres (each
  community has a dominant sphere);
* hubs: support structures and institutions are far more attractive tie
  partners (Pareto-distributed activity), so the degree distribution is
  heavy-tailed;
* isolated actors and small components kept apart from the main network;
* people who move between structures (mostly inside their community) or
  hold two positions at once;
* creation years such that about half of local initiatives are under three
  years old at the reference year.

Everything is vectorised with numpy; a million actors take seconds. The
result is flagged ``synthetic=True`` and its ``source`` and ``evidence``
columns say so.

Examples
--------
>>> import ecograph as eg
>>> eco = eg.datasets.synthetic(500, seed=1)
>>> eco.synthetic, len(eco.actors)
(True, 500)
>>> eco.ties["evidence"].iloc[0]
'synthetic data (ecograph.datasets.synthetic, seed=1)'
>>> eco.metadata.title
'Synthetic ecosystem of 500 actors (seed 1)'
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..ecosystem import Ecosystem
from ..metadata import Metadata
from ..vocabulary import default_vocabulary
from ..words import word

__all__ = ["STUDY_LOCAL_SHARE", "STUDY_SPHERE_COUNTS", "synthetic"]

#: Local initiatives by sphere counted by the 2018 Dijon study.
STUDY_SPHERE_COUNTS: dict[str, int] = {"consumption": 23, "production": 18, "innovation": 13, "support": 11, "finance": 4}
#: Share of local structures among those the study counted (69 of 147).
STUDY_LOCAL_SHARE: float = 69 / 147

_SPHERES = list(STUDY_SPHERE_COUNTS)
_KIND_BY_SPHERE = {
    "consumption": (["initiative", "platform", "place"], [0.75, 0.15, 0.10]),
    "production": (["initiative", "place", "company"], [0.70, 0.20, 0.10]),
    "innovation": (["initiative", "company", "programme", "event"], [0.55, 0.25, 0.10, 0.10]),
    "support": (["support_structure"], [1.0]),
    "finance": (["platform", "funder", "initiative"], [0.45, 0.35, 0.20]),
}
_TIE_TYPES = ["partnership", "co_organisation", "supply", "membership", "participation"]
_TIE_TYPE_P = [0.45, 0.15, 0.15, 0.15, 0.10]
_COMMUNES = ["Dijon", "Chenôve", "Talant", "Quetigny", "Longvic", "Fontaine-lès-Dijon", "Chevigny-Saint-Sauveur", "Saint-Apollinaire"]


def _const(value: str, size: int) -> np.ndarray:
    """An object array holding ``size`` references to one string (fast, small)."""
    return np.array([value], dtype=object)[np.zeros(size, dtype=np.intp)]


def _object_text(df: pd.DataFrame) -> pd.DataFrame:
    """Text columns as ``object`` dtype, as validated tables have them (pandas 3 infers ``str``)."""
    for col in df.columns:
        if pd.api.types.is_string_dtype(df[col].dtype) and df[col].dtype != object:
            df[col] = df[col].astype(object)
    if pd.api.types.is_string_dtype(df.index.dtype) and df.index.dtype != object:
        df.index = df.index.astype(object)
    return df


def _year_text(years: np.ndarray) -> np.ndarray:
    """Years as text, sharing one string object per distinct year."""
    if len(years) == 0:
        return np.empty(0, dtype=object)
    lo = int(years.min())
    table = np.array([str(y) for y in range(lo, int(years.max()) + 1)], dtype=object)
    return table[years - lo]


def _numbered(key: str, lang: str, count: int) -> np.ndarray:
    """The words of ``key`` for 1 to ``count`` (``"Synthetic actor 1"``...), built at once for a million names."""
    before, after = word(key, lang, n="\0").split("\0")
    return np.char.add(np.char.add(before, np.arange(1, count + 1).astype(str)), after).astype(object)


def synthetic(
    n_actors: int,
    *,
    seed: int = 0,
    mean_degree: float = 8.0,
    community_size: int = 40,
    within_community: float = 0.8,
    share_institutions: float = 0.04,
    share_schools: float = 0.02,
    share_isolated: float = 0.03,
    share_small_components: float = 0.02,
    people_per_actor: float = 0.6,
    share_movers: float = 0.3,
    share_concurrent: float = 0.1,
    reference_year: int = 2018,
    lang: str = "en",
) -> Ecosystem:
    """Generate a calibrated synthetic ecosystem.

    Parameters
    ----------
    n_actors : int
        Number of actors (2 or more).
    seed : int, default 0
        Seed of the random generator: the same seed gives the same tables.
    mean_degree : float, default 8
        Target mean number of tie partners per connected actor.
    community_size : int, default 40
        Mean community size.
    within_community : float, default 0.8
        Share of ties drawn inside the actor's community.
    share_institutions, share_schools : float
        Shares of institutions and schools (no sphere, hubs).
    share_isolated : float, default 0.03
        Share of actors with no tie at all.
    share_small_components : float, default 0.02
        Share of actors in small groups (2 to 4) tied only to each other.
    people_per_actor : float, default 0.6
        People generated per actor.
    share_movers, share_concurrent : float
        Shares of people who moved from one actor to another, or held two
        positions at once.
    reference_year : int, default 2018
        "Now" for creation years (the study's year).
    lang : {"en", "fr"}, default "en"
        Language of the generated names, title and sources (the tables are
        otherwise the same): ``"Synthetic actor 1"`` or ``"Acteur synthétique 1"``.

    Returns
    -------
    Ecosystem
        With ``synthetic=True``; ``actors`` carry an extra ``community``
        column (the planted community).

    Examples
    --------
    >>> import ecograph as eg
    >>> eco = eg.datasets.synthetic(2000, seed=0)
    >>> G = eco.graph(provenance=False)
    >>> degrees = sorted((d for _, d in G.degree()), reverse=True)
    >>> degrees[0] > 5 * (2 * G.number_of_edges() / G.number_of_nodes())
    True
    """
    n = int(n_actors)
    if n < 2:
        raise ValueError("a synthetic ecosystem needs at least 2 actors")
    rng = np.random.default_rng(seed)
    label = word("datasets.synthetic.source", lang, seed=seed)

    # --- actors -------------------------------------------------------------
    width = len(str(n))
    ids = np.char.add("a", np.char.zfill(np.arange(1, n + 1).astype(str), width)).astype(object)
    n_comm = max(1, round(n / community_size))
    community = rng.integers(0, n_comm, size=n)
    sphere_p = np.array([STUDY_SPHERE_COUNTS[s] for s in _SPHERES], dtype=float)
    sphere_p /= sphere_p.sum()
    dominant = rng.choice(len(_SPHERES), size=n_comm, p=sphere_p)
    # 70% of an actor's sphere follows its community, the rest follows the study's shares
    own = rng.choice(len(_SPHERES), size=n, p=sphere_p)
    follow = rng.random(n) < 0.7
    sphere_idx = np.where(follow, dominant[community], own)
    sphere = np.array(_SPHERES, dtype=object)[sphere_idx]

    kind = np.empty(n, dtype=object)
    for s, (kinds, probs) in _KIND_BY_SPHERE.items():
        mask = sphere == s
        kind[mask] = rng.choice(np.array(kinds, dtype=object), size=int(mask.sum()), p=probs)
    special = rng.random(n)
    inst = special < share_institutions
    school = (special >= share_institutions) & (special < share_institutions + share_schools)
    kind[inst] = "institution"
    kind[school] = "school"
    sphere[inst | school] = ""

    local = rng.random(n) < STUDY_LOCAL_SHARE
    scope = np.where(
        local, "local", rng.choice(np.array(["regional", "national", "international"], dtype=object), size=n, p=[0.5, 0.35, 0.15])
    ).astype(object)

    # creation years: about half of local initiatives under 3 years old
    young = rng.random(n) < 0.5
    age = np.where(young, rng.integers(0, 3, size=n), 2 + rng.geometric(0.12, size=n))  # young: 0-2 years, others 3 or more
    founded = np.clip(reference_year - age, 1900, reference_year)
    old_kinds = inst | school
    founded[old_kinds] = reference_year - 20 - rng.integers(0, 60, size=int(old_kinds.sum()))
    closed_mask = (~young) & (rng.random(n) < 0.05)
    closed = np.where(closed_mask, np.minimum(founded + 1 + rng.integers(0, 8, size=n), reference_year), -1)

    lat = np.where(local, 47.322 + rng.normal(0, 0.03, size=n), np.nan)
    lon = np.where(local, 5.041 + rng.normal(0, 0.045, size=n), np.nan)
    commune = np.where(local, np.array(_COMMUNES, dtype=object)[rng.integers(0, len(_COMMUNES), size=n)], "").astype(object)

    actors = pd.DataFrame(
        {
            "name": _numbered("datasets.synthetic.actor", lang, n),
            "kind": kind,
            "sphere": sphere,
            "scope": scope,
            "founded": pd.array(founded, dtype="Int64"),
            "closed": pd.array(np.where(closed >= 0, closed, 0), dtype="Int64"),
            "commune": commune,
            "lat": lat.astype(float),
            "lon": lon.astype(float),
            "website": _const("", n),
            "description": _const("", n),
            "source": _const(label, n),
            "sphere_status": _const("", n),
            "sphere_basis": _const("", n),
            "addresses": _const("", n),
            "observer": _const("", n),
            "community": community.astype(str).astype(object),
        },
        index=pd.Index(ids, name="id"),
    )
    actors.loc[~closed_mask, "closed"] = pd.NA

    # --- ties ---------------------------------------------------------------
    hub = (kind == "support_structure") | inst | school
    activity = rng.pareto(1.6, size=n) + 1.0
    activity[hub] *= 6.0
    roles = rng.random(n)
    isolated = roles < share_isolated
    small = (roles >= share_isolated) & (roles < share_isolated + share_small_components)
    activity[isolated | small] = 0.0

    src_list, dst_list = [], []
    n_active = int((activity > 0).sum())
    m = round(n_active * mean_degree / 2)
    draws = int(m * 1.35)  # repeated pairs (mostly at hubs) are merged below
    if m > 0 and activity.sum() > 0:
        p = activity / activity.sum()
        src = rng.choice(n, size=draws, p=p)
        inside = rng.random(draws) < within_community
        # inside a community: draw a target by activity among the members
        order = np.lexsort((np.arange(n), community))
        comm_sorted = community[order]
        cum = np.cumsum(activity[order])
        starts = np.searchsorted(comm_sorted, np.arange(n_comm), side="left")
        ends = np.searchsorted(comm_sorted, np.arange(n_comm), side="right")
        lo = np.where(starts > 0, cum[np.maximum(starts - 1, 0)], 0.0)
        hi = cum[np.maximum(ends - 1, 0)]
        c = community[src]
        u = lo[c] + rng.random(draws) * (hi[c] - lo[c])
        pos = np.minimum(np.searchsorted(cum, u, side="right"), n - 1)
        dst_inside = order[pos]
        dst_outside = rng.choice(n, size=draws, p=p)
        dst = np.where(inside, dst_inside, dst_outside)
        src_list.append(src)
        dst_list.append(dst)
    # small components: consecutive groups of 2-4 actors, chained
    small_idx = np.flatnonzero(small)
    if len(small_idx) >= 2:
        sizes = rng.integers(2, 5, size=len(small_idx))
        group = np.repeat(np.arange(len(sizes)), sizes)[: len(small_idx)]
        same = group[1:] == group[:-1]
        src_list.append(small_idx[:-1][same])
        dst_list.append(small_idx[1:][same])
    src = np.concatenate(src_list) if src_list else np.empty(0, dtype=int)
    dst = np.concatenate(dst_list) if dst_list else np.empty(0, dtype=int)
    keep = src != dst
    src, dst = src[keep], dst[keep]
    a, b = np.minimum(src, dst), np.maximum(src, dst)
    key = np.sort(a.astype(np.int64) * n + b)
    key = key[np.concatenate(([True], key[1:] != key[:-1]))] if len(key) else key
    n_small = int(small.sum())
    if len(key) > m + n_small:  # oversampled to make up for repeated pairs at hubs
        key = np.sort(key[rng.permutation(len(key))[: m + n_small]])
    a, b = key // n, key % n
    # orient from the hub when there is one, else keep a random direction
    flip = rng.random(len(a)) < 0.5
    flip = np.where(hub[b] & ~hub[a], True, np.where(hub[a] & ~hub[b], False, flip))
    s_idx, t_idx = np.where(flip, b, a), np.where(flip, a, b)
    t_type = rng.choice(np.array(_TIE_TYPES, dtype=object), size=len(s_idx), p=_TIE_TYPE_P)
    t_type[hub[s_idx] & (kind[s_idx] != "institution")] = "support"
    t_type[(kind[s_idx] == "funder") | (kind[s_idx] == "institution")] = "funding"
    start_year = np.maximum(founded[s_idx], founded[t_idx]) + rng.integers(0, 3, size=len(s_idx))
    start_year = np.minimum(start_year, reference_year)
    ties = pd.DataFrame(
        {
            "source": ids[s_idx],
            "target": ids[t_idx],
            "type": t_type,
            "start": _year_text(start_year),
            "end": _const("", len(s_idx)),
            "weight": np.ones(len(s_idx)),
            "evidence": _const(label, len(s_idx)),
            "status": _const("stated", len(s_idx)),
            "declared_by": _const("", len(s_idx)),
            "declared_on": _const("", len(s_idx)),
        }
    )

    # --- people and affiliations -------------------------------------------
    n_people = round(n * people_per_actor)
    pid_width = len(str(max(n_people, 1)))
    pids = np.char.add("p", np.char.zfill(np.arange(1, n_people + 1).astype(str), pid_width)).astype(object)
    connected = np.flatnonzero(~isolated)
    weights = activity[connected] + 0.5
    first = (
        connected[rng.choice(len(connected), size=n_people, p=weights / weights.sum())] if len(connected) else np.zeros(n_people, dtype=int)
    )
    r = rng.random(n_people)
    mover = r < share_movers
    concurrent = (r >= share_movers) & (r < share_movers + share_concurrent)
    two = mover | concurrent
    # the second actor: usually in the same community (a random member), else anywhere
    members_order = np.lexsort((np.arange(n), community))
    comm_sorted = community[members_order]
    cstart = np.searchsorted(comm_sorted, community[first], side="left")
    cend = np.searchsorted(comm_sorted, community[first], side="right")
    pick = cstart + (rng.random(n_people) * (cend - cstart)).astype(int)
    second = np.where(rng.random(n_people) < 0.75, members_order[np.minimum(pick, n - 1)], rng.integers(0, n, size=n_people))
    two &= second != first
    start1 = np.maximum(np.minimum(founded[first] + rng.integers(0, 4, size=n_people), reference_year - 1), founded[first])
    move_year = np.minimum(np.maximum(start1 + 1 + rng.integers(0, 5, size=n_people), founded[second]), reference_year)
    role_names = np.array(["founder", "employee", "volunteer", "board", "member", "mentor"], dtype=object)
    role1 = role_names[rng.choice(len(role_names), size=n_people, p=[0.15, 0.35, 0.25, 0.1, 0.1, 0.05])]
    role2 = role_names[rng.choice(len(role_names), size=n_people, p=[0.15, 0.35, 0.25, 0.1, 0.1, 0.05])]
    end1 = np.where(mover & two, _year_text(move_year), "").astype(object)
    start2 = _year_text(np.where(mover, move_year, np.maximum(start1, founded[second])))
    idx2 = np.flatnonzero(two)
    affiliations = pd.DataFrame(
        {
            "person": np.concatenate([pids, pids[idx2]]),
            "actor": np.concatenate([ids[first], ids[second[idx2]]]),
            "role": np.concatenate([role1, role2[idx2]]),
            "start": np.concatenate([_year_text(start1), start2[idx2]]),
            "end": np.concatenate([end1, _const("", len(idx2))]),
            "source": _const(label, n_people + len(idx2)),
        }
    )
    people = pd.DataFrame(
        {
            "name": _numbered("datasets.synthetic.person", lang, n_people),
            "source": _const(label, n_people),
        },
        index=pd.Index(pids, name="id"),
    )
    return Ecosystem(
        actors=_object_text(actors),
        people=_object_text(people),
        affiliations=_object_text(affiliations),
        ties=_object_text(ties),
        vocabulary=default_vocabulary(),
        name=f"synthetic-{n}-seed{seed}",
        path="",
        synthetic=True,
        metadata=Metadata(
            title=word("datasets.synthetic.title", lang, n=n, seed=seed),
            territory=word("datasets.synthetic.territory", lang),
            period=str(reference_year),
            language=lang,
            source=label,
            description=word("datasets.synthetic.description", lang),
        ),
    )
