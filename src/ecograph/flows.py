"""People flows: who moved from which structure to which, and between which spheres.

The study saw people carry know-how from one structure to the next ("former
PREMICE staff are now at Toaster Lab and Village by CA"). From the dated
affiliations, :func:`people_flows` lists each move and :func:`flow_table`
counts moves between groups of actors (spheres by default).

Examples
--------
>>> import ecograph as eg
>>> eco = eg.datasets.dijon()
>>> people_flows(eco)[["person", "source", "target", "year"]].values.tolist()
[['premice-alumni-a', 'premice', 'toaster-lab', 2018], ['premice-alumni-b', 'premice', 'village-by-ca', 2018]]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from .ecosystem import Ecosystem

__all__ = ["flow_table", "people_flows"]

_COLUMNS = ["person", "source", "target", "year", "source_role", "target_role"]


def people_flows(eco: Ecosystem, *, attr: str = "sphere", as_of: int | None = None) -> pd.DataFrame:
    """Every move of a person from one actor to another.

    Parameters
    ----------
    eco : Ecosystem
    attr : str, default "sphere"
        Actor column added for both ends (``source_<attr>``, ``target_<attr>``).
    as_of : int, optional
        Only the moves made by that year.

    Returns
    -------
    DataFrame
        ``person``, ``source`` (left), ``target`` (joined), ``year`` (of the
        move), both roles, and the ``attr`` of both ends; sorted by year,
        person and actors.

    Examples
    --------
    >>> import ecograph as eg
    >>> people_flows(eg.datasets.tiny())[["person", "source", "target", "year", "target_sphere"]].values.tolist()
    [['p1', 'incubator', 'lab', 2018, 'innovation']]
    """
    links = eco.people_links(as_of=as_of)
    moves = links[links["kind"] == "moved"][_COLUMNS].copy()
    if attr not in eco.actors.columns:
        raise KeyError(f"the actors table has no column '{attr}'")
    values = eco.actors[attr]
    moves[f"source_{attr}"] = moves["source"].map(values).astype(object)
    moves[f"target_{attr}"] = moves["target"].map(values).astype(object)
    return moves.sort_values(["year", "person", "source", "target"], kind="stable", na_position="last").reset_index(drop=True)


def flow_table(eco: Ecosystem, *, attr: str = "sphere", as_of: int | None = None) -> pd.DataFrame:
    """Number of moves from each group (rows) to each group (columns).

    Groups are the values of ``attr`` among the actors (``""`` for actors
    without one); every group appears in both rows and columns.

    Examples
    --------
    >>> import ecograph as eg
    >>> t = flow_table(eg.datasets.tiny())
    >>> int(t.loc["support", "innovation"]), int(t.values.sum())
    (1, 1)
    """
    moves = people_flows(eco, attr=attr, as_of=as_of)
    groups = sorted(set(eco.actors[attr].fillna("").astype(str)))
    table = pd.crosstab(moves[f"source_{attr}"].fillna("").astype(str), moves[f"target_{attr}"].fillna("").astype(str))
    table = table.reindex(index=groups, columns=groups, fill_value=0).astype(int)
    table.index.name = f"from_{attr}"
    table.columns.name = f"to_{attr}"
    return table
