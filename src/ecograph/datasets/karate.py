"""Zachary's karate club as an ecosystem: a network where every actor's group is known, to learn the measures on.

Zachary (1977) recorded the ties between the 34 members of a university
karate club that later split in two: the members who followed the
instructor, Mr. Hi, and those who stayed with the club's officer. The
network ships with networkx (:func:`networkx.karate_club_graph`); here it is
an :class:`~ecograph.Ecosystem` whose groups are the two factions, declared as
the dataset's own codes of the ``sphere`` column (``mr_hi`` and ``officer``,
as a ``vocabulary.csv`` would declare them), and whose ties carry Zachary's
weights (the number of contexts in which two members met). Every group is
known, so every measure between groups can be computed and shown: the
notebooks teach on it before they turn to a real mapping with gaps.

References
----------
.. [1] W. W. Zachary, "An information flow model for conflict and fission in
   small groups", *Journal of Anthropological Research* 33(4), 452–473, 1977.

Examples
--------
>>> import ecograph as eg
>>> eco = eg.datasets.karate()
>>> len(eco.actors), len(eco.ties), eco.actors["sphere"].value_counts().to_dict()
(34, 78, {'mr_hi': 17, 'officer': 17})
>>> round(float(eg.Analysis(eco).ei_index), 4)  # (11 - 67) / 78: the factions kept to themselves
-0.7179
"""

from __future__ import annotations

import networkx as nx

from ..ecosystem import Ecosystem, from_raw_tables
from ..io import RawRow, RawTable
from ..metadata import metadata_table
from ..words import word

__all__ = ["FACTIONS", "karate"]

#: The two factions of the club, as codes of the ``sphere`` column and the words the dataset gives them.
FACTIONS: dict[str, str] = {"Mr. Hi": "mr_hi", "Officer": "officer"}

_SOURCE = "Zachary (1977), J. Anthropological Research 33(4), via networkx.karate_club_graph"


def _table(name: str, columns: list[str], rows: list[tuple]) -> RawTable:
    """A raw table of ``rows`` (spreadsheet row numbers from 2)."""
    return RawTable(name, "karate", columns, [RawRow(i, dict(zip(columns, map(str, row), strict=True))) for i, row in enumerate(rows, 2)])


def karate(*, lang: str = "en") -> Ecosystem:
    """Zachary's karate club: 34 members, 78 weighted ties, grouped by the faction each member joined.

    Actor ids are ``m00`` to ``m33`` (networkx's nodes 0 to 33), named
    "Member 0" to "Member 33"; member 0 is Mr. Hi and member 33 the officer.
    The actors' kind is the dataset's own ``member``, and the ties' type its
    own ``friendship`` (not directed), declared in its vocabulary like the
    two factions; its metadata names the grouping (``group``: ``faction``),
    so that views and figures head their legends "Faction", not "Sphere".

    Parameters
    ----------
    lang : {"en", "fr"}, default "en"
        Language of the members' names, the factions' names and the title
        (the codes and the network are the same).

    Returns
    -------
    Ecosystem

    Examples
    --------
    >>> import ecograph as eg
    >>> eco = eg.datasets.karate()
    >>> eco.actors.loc[["m00", "m33"], "sphere"].tolist(), eco.name
    (['mr_hi', 'officer'], 'karate')
    >>> eco.vocabulary.is_valid("sphere", "officer"), eco.rejected.empty
    (True, True)
    """
    K = nx.karate_club_graph()
    actors = [(f"m{v:02d}", word("datasets.karate.member", lang, n=v), "member", FACTIONS[K.nodes[v]["club"]], _SOURCE) for v in K]
    ties = [(f"m{u:02d}", f"m{v:02d}", "friendship", d["weight"], _SOURCE) for u, v, d in K.edges(data=True)]
    vocabulary = [
        ("sphere", "mr_hi", word("datasets.karate.mr_hi", lang), ""),
        ("sphere", "officer", word("datasets.karate.officer", lang), ""),
        ("kind", "member", word("datasets.karate.kind", lang), ""),
        ("type", "friendship", word("datasets.karate.type", lang), "no"),
    ]
    metadata = {
        "title": word("datasets.karate.title", lang),
        "territory": word("datasets.karate.territory", lang),
        "language": lang,
        "source": _SOURCE,
        "licence": "published data (Zachary 1977), as distributed with networkx (BSD)",
        "group": word("datasets.karate.group", lang),
    }
    tables = {
        "actors": _table("actors", ["id", "name", "kind", "sphere", "source"], actors),
        "ties": _table("ties", ["source", "target", "type", "weight", "evidence"], ties),
        "vocabulary": _table("vocabulary", ["field", "value", "description", "directed"], vocabulary),
        "metadata": metadata_table(metadata),
    }
    return from_raw_tables(tables, name="karate", path="karate")
