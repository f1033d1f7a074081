"""The gaps of a dataset: which actors lack a sphere, a year, a scope or any tie (this module was ``ecograph.coverage``).

"Coverage" names one thing in ecograph: the share of actors and ties a group
measure rests on (:mod:`ecograph.measures.group_coverage`). This module says
what is missing, actor by actor.

Real mappings are incomplete. These functions say where, so that a report can
state what its figures rest on and a collection round can ask for what is
missing:

* :func:`actor_gaps` — one row per actor, one flag per missing piece;
* :func:`sphere_status_counts` — how many spheres are stated by the source,
  inferred from its definitions, given without saying how, or unknown;
* :func:`without_inferred_spheres` — the same ecosystem with only the
  spheres the source states, to show findings with and without the inferred
  ones;
* :func:`counted_coverage` — how many of the local structures the source
  counts (the ``counted`` field of the dataset's metadata) the data name.

Examples
--------
>>> import ecograph as eg
>>> gaps = actor_gaps(eg.datasets.tiny())
>>> gaps.loc[["city", "loner"], ["missing_sphere", "missing_founded", "missing_tie"]].values.tolist()  # no sphere applies to a city
[[False, True, False], [False, False, True]]
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from .ecosystem import Ecosystem
from .vocabulary import NO_SPHERE_KINDS

__all__ = [
    "GAP_COLUMNS",
    "STRUCTURE_KINDS",
    "actor_gaps",
    "counted_coverage",
    "sphere_applies",
    "sphere_status_counts",
    "without_inferred_spheres",
]

#: The flags of :func:`actor_gaps`, one per thing an actor's row may lack.
GAP_COLUMNS: tuple[str, ...] = ("missing_sphere", "missing_founded", "missing_scope", "missing_tie")
#: Kinds counted as "structures and initiatives" by :func:`counted_coverage` when a dataset has no
#: ``panorama`` column (institutions, schools, events and programmes are not).
STRUCTURE_KINDS: tuple[str, ...] = ("initiative", "support_structure", "place", "platform", "company", "funder")


def _blank(values: pd.Series) -> np.ndarray:
    """Where a text column is missing (empty, NaN or None)."""
    return values.isna().to_numpy() | (values.astype(object).fillna("").astype(str).str.strip() == "").to_numpy()


def _text_column(actors: pd.DataFrame, name: str) -> pd.Series:
    if name in actors:
        return actors[name].astype(object).fillna("").astype(str).str.strip()
    return pd.Series("", index=actors.index, dtype=object)


def sphere_applies(actors: pd.DataFrame) -> np.ndarray:
    """Where a sphere applies to an actor: it has one, or its kind is not one a sphere never applies to.

    Institutions, funders, schools, programmes, events, funds, territories
    and recommendations (:data:`ecograph.vocabulary.NO_SPHERE_KINDS`) have
    no sphere unless the data give one: theirs is not missing, it does not
    apply. The gaps do not ask for it, and a finding between spheres does
    not count on it.

    >>> import ecograph as eg
    >>> actors = eg.datasets.tiny().actors
    >>> bool(dict(zip(actors.index, sphere_applies(actors)))["city"]), int(sphere_applies(actors).sum()), len(actors)
    (False, 7, 8)
    """
    kinds = _text_column(actors, "kind")
    return ~_blank(actors["sphere"]) | ~kinds.isin(NO_SPHERE_KINDS).to_numpy()


def actor_gaps(eco: Ecosystem) -> pd.DataFrame:
    """Which actors lack a sphere, a founding year, a scope, or any known tie.

    An actor has a known tie when a row of ``ties`` names it (whatever the
    tie's type or status) or when a person links it to another actor
    (an affiliation to both, at the same time or one after the other).

    Parameters
    ----------
    eco : Ecosystem

    Returns
    -------
    DataFrame
        Indexed by actor id, in the order of ``eco.actors``, with columns
        ``name``, the boolean flags of :data:`GAP_COLUMNS`
        (``missing_sphere``, ``missing_founded``, ``missing_scope``,
        ``missing_tie``), ``sphere_inferred`` (the sphere is given but only
        inferred, worth confirming) and ``n_missing`` (how many flags are set).

    Examples
    --------
    >>> import ecograph as eg
    >>> gaps = actor_gaps(eg.datasets.tiny())
    >>> int(gaps["n_missing"].sum()), gaps.index[gaps["missing_tie"]].tolist()
    (2, ['loner'])
    """
    actors = eco.actors
    ids = actors.index
    tied = pd.Index(pd.unique(np.concatenate([eco.ties["source"].to_numpy(), eco.ties["target"].to_numpy()]))) if len(eco.ties) else None
    linked = eco.people_links() if len(eco.affiliations) else None
    has_tie = np.zeros(len(ids), dtype=bool)
    if tied is not None:
        has_tie |= ids.isin(tied)
    if linked is not None and len(linked):
        has_tie |= ids.isin(pd.Index(np.concatenate([linked["source"].to_numpy(), linked["target"].to_numpy()])))
    out = pd.DataFrame(
        {
            "name": actors["name"].to_numpy(),
            "missing_sphere": _blank(actors["sphere"]) & sphere_applies(actors),  # not asked where no sphere applies
            "missing_founded": actors["founded"].isna().to_numpy(),
            "missing_scope": _blank(actors["scope"]),
            "missing_tie": ~has_tie,
            "sphere_inferred": (_text_column(actors, "sphere_status") == "inferred").to_numpy() & ~_blank(actors["sphere"]),
        },
        index=ids.copy(),
    )
    out["n_missing"] = out[list(GAP_COLUMNS)].sum(axis=1).astype(int)
    return out


def sphere_status_counts(eco: Ecosystem) -> pd.Series:
    """How the actors' spheres are known: stated, inferred, given without a status, or unknown.

    Returns
    -------
    Series
        Named ``sphere_status``, indexed by ``stated``, ``inferred``,
        ``unmarked`` (a sphere is given but ``sphere_status`` does not say
        how it is known) and ``unknown`` (no sphere), in that order; a code
        a dataset adds to the ``sphere_status`` vocabulary gets its own row.

    Examples
    --------
    >>> import ecograph as eg
    >>> sphere_status_counts(eg.datasets.tiny()).to_dict()
    {'stated': 0, 'inferred': 0, 'unmarked': 7, 'unknown': 1}
    """
    actors = eco.actors
    has_sphere = ~_blank(actors["sphere"])
    status = _text_column(actors, "sphere_status").to_numpy()
    counts: dict[str, int] = {"stated": 0, "inferred": 0}
    for code in pd.unique(status[has_sphere & (status != "")]):
        counts[str(code)] = int(((status == code) & has_sphere).sum())
    counts["unmarked"] = int((has_sphere & (status == "")).sum())
    counts["unknown"] = int((~has_sphere).sum())
    return pd.Series(counts, name="sphere_status", dtype=int)


def without_inferred_spheres(eco: Ecosystem) -> Ecosystem:
    """A copy of ``eco`` whose inferred spheres are blanked: only the spheres the source states remain.

    Rows whose ``sphere_status`` is ``inferred`` lose their ``sphere`` and
    ``sphere_status`` (the ``sphere_basis`` stays, to say what was set
    aside). Compare a measure on both to show whether a finding depends on
    the inferred spheres.

    Examples
    --------
    >>> import pandas as pd, ecograph as eg
    >>> actors = pd.DataFrame({"id": ["a", "b", "c"], "name": ["A", "B", "C"], "kind": "initiative", "source": "notes",
    ...     "sphere": ["finance", "support", ""], "sphere_status": ["stated", "inferred", ""],
    ...     "sphere_basis": ["“crowdfunding”", "“accompaniment”", ""]})
    >>> ties = pd.DataFrame({"source": ["a"], "target": ["b"], "type": ["partnership"], "evidence": ["notes"]})
    >>> eco = eg.from_frames(actors, ties)
    >>> sphere_status_counts(eco).to_dict()
    {'stated': 1, 'inferred': 1, 'unmarked': 0, 'unknown': 1}
    >>> without_inferred_spheres(eco).actors["sphere"].tolist()
    ['finance', '', '']
    """
    if "sphere_status" not in eco.actors:
        return eco
    inferred = eco.actors["sphere_status"].astype(object).fillna("").astype(str).str.strip() == "inferred"
    if not inferred.any():
        return eco
    actors = eco.actors.copy()
    actors.loc[inferred, ["sphere", "sphere_status"]] = ""
    return dataclasses.replace(eco, actors=actors)


def counted_coverage(eco: Ecosystem) -> pd.DataFrame:
    """How much of the source's count of local structures the dataset names, sphere by sphere.

    A source may count the structures and initiatives of its territory by
    sphere without naming them all; the dataset's metadata then says so in
    its ``counted`` field (:attr:`ecograph.Metadata.counts`). This table
    compares, sphere by sphere, that count with the local actors of the
    dataset that are structures or initiatives (the ``panorama`` column says
    ``yes``: structures and initiatives of the collaborative economy itself,
    not the institutions, funders, schools, events, programmes and outside
    references a source also names; without that column, the kinds of
    :data:`STRUCTURE_KINDS`), says how many of their spheres the source states
    and how many are inferred from its definitions (``sphere_status``), and
    counts those whose sphere is unknown.

    Parameters
    ----------
    eco : Ecosystem

    Returns
    -------
    DataFrame
        Indexed by sphere (plus ``"(sphere unknown)"`` and ``"total"``),
        with columns ``study`` (the source's count), ``dataset`` (named in
        the dataset), ``stated`` and ``inferred`` (how the dataset's spheres
        are known) and ``share`` (dataset / study). Empty (no rows) when the
        metadata counts nothing.

    Examples
    --------
    >>> import ecograph as eg
    >>> cov = counted_coverage(eg.datasets.dijon())
    >>> int(cov.loc["total", "study"]), int(cov.loc["total", "dataset"])
    (69, 23)
    >>> cov.loc["finance", ["dataset", "stated", "inferred"]].tolist()
    [3, 0, 3]
    >>> len(counted_coverage(eg.datasets.tiny()))
    0
    """
    columns = ["study", "dataset", "stated", "inferred", "share"]
    counts = eco.metadata.counts
    if not counts:
        return pd.DataFrame(columns=columns, index=pd.Index([], name="sphere"))
    a = eco.actors
    sphere = _text_column(a, "sphere")
    in_panorama = _text_column(a, "panorama").str.lower().eq("yes") if "panorama" in a else a["kind"].isin(STRUCTURE_KINDS)
    local = (_text_column(a, "scope") == "local") & in_panorama
    status = _text_column(a, "sphere_status")
    stated, inferred = local & (status == "stated"), local & (status == "inferred")
    rows = [
        (
            code,
            count,
            int((local & (sphere == code)).sum()),
            int((stated & (sphere == code)).sum()),
            int((inferred & (sphere == code)).sum()),
        )
        for code, count in counts.items()
    ]
    rows.append(("(sphere unknown)", pd.NA, int((local & (sphere == "")).sum()), 0, 0))
    has_sphere = sphere != ""
    rows.append(("total", sum(counts.values()), int(local.sum()), int((stated & has_sphere).sum()), int((inferred & has_sphere).sum())))
    df = pd.DataFrame(rows, columns=["sphere", *columns[:-1]]).set_index("sphere")
    df["study"] = df["study"].astype("Int64")
    df["share"] = (df["dataset"] / df["study"].astype("Float64")).round(3)
    return df
