"""People flows: who moved from which structure to which, and between which spheres.

The study saw people carry know-how from one structure to the next ("former
PREMICE staff are now at Toaster Lab and Village by CA"). From the dated
affiliations, :func:`people_flows` lists each move and :func:`flow_table`
counts moves between groups of actors (spheres by default). An actor whose
group is unknown forms no group: its moves are counted apart, as unknown.

Examples
--------
>>> import ecograph as eg
>>> eco = eg.datasets.dijon()
>>> people_flows(eco)[["person", "source", "target", "year"]].values.tolist()
[['premice-alumni-a', 'premice', 'toaster-lab', 2018], ['premice-alumni-b', 'premice', 'village-by-ca', 2018]]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..errors import MissingAttributeError
from ..partition import PartitionLike, resolve_grouping, table_graph
from .group_coverage import Coverage, with_coverage

if TYPE_CHECKING:  # pragma: no cover
    from ..ecosystem import Ecosystem

__all__ = ["flow_table", "people_flows"]

_COLUMNS = ["person", "source", "target", "year", "source_role", "target_role"]


def _grouping_name(attr: PartitionLike) -> str:
    return attr if isinstance(attr, str) else "group"


def _actor_groups(eco: Ecosystem, attr: PartitionLike) -> tuple[pd.Series, list]:
    """Each actor's group code (-1: unknown), keyed by actor id, and the known groups."""
    if isinstance(attr, str) and attr not in eco.actors.columns:
        raise MissingAttributeError(f"the actors table has no column '{attr}'")
    S, _, codes, groups = resolve_grouping(table_graph(eco.actors), attr)
    return pd.Series(codes, index=S.nodes), groups


def people_flows(eco: Ecosystem, *, attr: PartitionLike = "sphere", as_of: int | None = None) -> pd.DataFrame:
    """Every move of a person from one actor to another.

    Parameters
    ----------
    eco : Ecosystem
    attr : str, Series, mapping or list of sets, default "sphere"
        Grouping of the actors (an actors column, or any grouping keyed by
        actor id), added for both ends as ``source_<attr>`` and
        ``target_<attr>`` (``source_group`` and ``target_group`` when it is
        not a column name); None where an end's group is unknown.
    as_of : int, optional
        Only the moves made by that year.

    Returns
    -------
    DataFrame
        ``person``, ``source`` (left), ``target`` (joined), ``year`` (of the
        move), both roles, and the group of both ends; sorted by year,
        person and actors.

    Examples
    --------
    >>> import ecograph as eg
    >>> people_flows(eg.datasets.tiny())[["person", "source", "target", "year", "target_sphere"]].values.tolist()
    [['p1', 'incubator', 'lab', 2018, 'innovation']]
    """
    codes, groups = _actor_groups(eco, attr)
    name = _grouping_name(attr)
    links = eco.people_links(as_of=as_of)
    moves = links[links["kind"] == "moved"][_COLUMNS].copy()
    labels = np.empty(len(groups) + 1, dtype=object)
    labels[: len(groups)] = groups
    labels[-1] = None  # code -1: unknown
    for end in ("source", "target"):
        c = moves[end].map(codes).fillna(-1).to_numpy(dtype=np.int64)
        moves[f"{end}_{name}"] = pd.Series(labels[c], index=moves.index, dtype=object)
    return moves.sort_values(["year", "person", "source", "target"], kind="stable", na_position="last").reset_index(drop=True)


def flow_table(eco: Ecosystem, *, attr: PartitionLike = "sphere", as_of: int | None = None) -> pd.DataFrame:
    """Number of moves from each group (rows) to each group (columns).

    Groups are the known groups among the actors; every one appears in both
    rows and columns. A move from or to an actor whose group is unknown is
    not in the table: ``attrs`` counts them (``from_unknown``: moves into
    each group from an actor of unknown group; ``to_unknown``: moves out of
    each group to one; ``unknown_to_unknown``), and ``attrs["coverage"]``
    counts the actors of known group and the moves whose two ends are known
    (``tie_unit="moves"``); ``attrs["reason"]`` is ``"no_known_group"`` when
    no actor's group is known.

    Examples
    --------
    >>> import ecograph as eg
    >>> t = flow_table(eg.datasets.tiny())
    >>> int(t.loc["support", "innovation"]), int(t.values.sum()), t.attrs["coverage"].ties_known
    (1, 1, 1)
    """
    codes, groups = _actor_groups(eco, attr)
    name = _grouping_name(attr)
    links = eco.people_links(as_of=as_of)
    moves = links[links["kind"] == "moved"]
    cs = moves["source"].map(codes).fillna(-1).to_numpy(dtype=np.int64)
    ct = moves["target"].map(codes).fillna(-1).to_numpy(dtype=np.int64)
    k = len(groups)
    both = (cs >= 0) & (ct >= 0)
    counts = np.bincount(cs[both] * k + ct[both], minlength=k * k).reshape(k, k) if k else np.zeros((0, 0), dtype=np.int64)
    index = pd.Index(groups, dtype=object if not groups else None, tupleize_cols=False)
    table = pd.DataFrame(counts.astype(int), index=index.rename(f"from_{name}"), columns=index.rename(f"to_{name}"))
    from_unknown = np.bincount(ct[(cs < 0) & (ct >= 0)], minlength=k)
    to_unknown = np.bincount(cs[(cs >= 0) & (ct < 0)], minlength=k)
    table.attrs.update(
        {
            "from_unknown": {g: int(x) for g, x in zip(groups, from_unknown)},
            "to_unknown": {g: int(x) for g, x in zip(groups, to_unknown)},
            "unknown_to_unknown": int(((cs < 0) & (ct < 0)).sum()),
        }
    )
    cov = Coverage(int((codes >= 0).sum()), len(codes), int(both.sum()), len(moves), "ties", "moves")
    return with_coverage(table, cov, None if groups else "no_known_group")
