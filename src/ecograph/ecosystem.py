"""The :class:`Ecosystem`: validated tables of one mapping, and :func:`load`.

Examples
--------
>>> import ecograph as eg
>>> eco = eg.datasets.tiny()
>>> eco
<Ecosystem 'tiny': 8 actors, 8 ties, 2 people, 4 affiliations>
>>> eco.actors.loc["fablab", "sphere"]
'production'
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

import networkx as nx
import pandas as pd

from .errors import Problem, SchemaError
from .graphs import actor_graph, affiliation_graph, links_as_of, people_links
from .io import RawRow, RawTable, read_dataset_files
from .metadata import Metadata, metadata_table
from .schema import TABLES
from .sparse import SparseGraph
from .summary import Summary, summarise
from .validation import ValidationResult, validate_tables
from .vocabulary import Vocabulary, default_vocabulary
from .words import word

__all__ = ["Ecosystem", "from_frames", "load"]


@dataclass
class Ecosystem:
    """Validated tables describing one ecosystem.

    Attributes
    ----------
    actors : DataFrame
        Indexed by actor ``id``; the schema's columns, then any extra columns.
    people : DataFrame
        Indexed by person ``id``.
    affiliations : DataFrame
        ``person``, ``actor``, ``role``, ``start``, ``end``, ``source``, extras.
    ties : DataFrame
        ``source``, ``target``, ``type``, ``start``, ``end``, ``weight``,
        ``evidence``, extras.
    vocabulary : Vocabulary
        Vocabularies in force (built-in plus the dataset's extensions).
    name : str
        Short name of the dataset (the folder or workbook name).
    path : str
        Where it was loaded from ("" when built in memory).
    rejected : DataFrame
        Rows left out because they were invalid (only with
        ``load(..., on_error="collect")``), with their reasons.
    problems : list of Problem
        The problems behind the rejected rows.
    warnings : list of Problem
        What rejects no row but the reader should know, such as a table with
        a header and no rows. :func:`ecograph.validation.data_warnings` lists
        them, with the problems of whole tables (duplicate or unnamed
        columns), as a DataFrame for the report's coverage section.
    synthetic : bool
        True for generated data: every output made from it says so.
    metadata : Metadata
        What the dataset is: ``title``, ``territory``, ``period``,
        ``language`` (``"en"``/``"fr"``), ``source``, ``licence``... from its
        ``metadata`` table (``""`` where unknown).

    Examples
    --------
    >>> import ecograph as eg
    >>> eco = eg.datasets.tiny()
    >>> eco.actors.index.name, list(eco.ties.columns[:3])
    ('id', ['source', 'target', 'type'])
    >>> eco.metadata.title, eco.metadata.language
    ('Tiny example ecosystem', 'en')
    """

    actors: pd.DataFrame
    people: pd.DataFrame
    affiliations: pd.DataFrame
    ties: pd.DataFrame
    vocabulary: Vocabulary = field(default_factory=default_vocabulary)
    name: str = "ecosystem"
    path: str = ""
    rejected: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["table", "file", "row", "reasons", "cells"]))
    problems: list[Problem] = field(default_factory=list)
    synthetic: bool = False
    metadata: Metadata = field(default_factory=Metadata)
    _links_memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    warnings: list[Problem] = field(default_factory=list)

    def __repr__(self) -> str:
        extra = ", synthetic" if self.synthetic else ""
        rejected = f", {len(self.rejected)} rejected rows" if len(self.rejected) else ""
        return (
            f"<Ecosystem {self.name!r}: {len(self.actors)} actors, {len(self.ties)} ties, "
            f"{len(self.people)} people, {len(self.affiliations)} affiliations{rejected}{extra}>"
        )

    def observed(self) -> Ecosystem:
        """The ecosystem as observed: without recommendation rows and without proposed or cited ties.

        A study's recommendations (actors of kind ``recommendation``) are not
        actors, who made the data (``observer`` is ``yes``: a study's team,
        the events it ran) took no part in the ecosystem, and a tie whose
        ``status`` is ``proposed`` (someone proposes it) or ``cited`` (one
        actor is cited as an example for the other) is not a working tie:
        the analysis of who works with whom leaves them out. Ties with no status count as stated. The tables are otherwise
        unchanged (same people, affiliations, vocabulary and metadata).

        Examples
        --------
        >>> import ecograph as eg
        >>> eco = eg.datasets.dijon()
        >>> obs = eco.observed()
        >>> len(eco.actors) - len(obs.actors), sorted(set(eco.ties["status"]) - set(obs.ties["status"]))
        (8, ['cited', 'proposed'])
        """
        actors = self.actors[self.actors["kind"] != "recommendation"]
        if "observer" in actors.columns:  # who made the data (a study's team and its own events) is not part of the ecosystem
            actors = actors[actors["observer"] != "yes"]
        ties = self.ties
        if len(actors) < len(self.actors):  # else every tie is between two of them still
            ties = ties[ties["source"].isin(actors.index) & ties["target"].isin(actors.index)]
        if "status" in ties.columns:
            ties = ties[~ties["status"].isin(["proposed", "cited"])]
        affiliations = self.affiliations[self.affiliations["actor"].isin(actors.index)] if len(self.affiliations) else self.affiliations
        out = replace(self, actors=actors, ties=ties.reset_index(drop=True), affiliations=affiliations)
        out._links_memo = self._links_memo  # shared: each entry is keyed by the affiliations' fingerprint
        if len(self.affiliations):  # a person's link between two actors depends on those two affiliations only: filter, do not derive again
            links = self._all_people_links(self._affiliations_fingerprint())
            if len(affiliations) < len(self.affiliations):  # else the same rows, kept under the same fingerprint
                kept = links[links["source"].isin(actors.index) & links["target"].isin(actors.index)].reset_index(drop=True)
                self._links_memo.setdefault(out._affiliations_fingerprint(), kept)
        return out

    def with_ties(self, *, status: Iterable[str]) -> Ecosystem:
        """The ecosystem with only the ties of these ``status`` values (an empty status counts as ``stated``).

        ``Analysis(eco.with_ties(status=("stated", "confirmed")))`` analyses the
        network without the ties declared by one side only. The other tables
        are unchanged.

        Examples
        --------
        >>> import ecograph as eg
        >>> eco = eg.datasets.dijon()
        >>> len(eco.ties), len(eco.with_ties(status=("stated", "confirmed")).ties)
        (96, 28)
        """
        keep = set(status)
        if "status" not in self.ties.columns:
            return self if "stated" in keep else replace(self, ties=self.ties.iloc[:0])
        statuses = self.ties["status"].fillna("").astype(str).str.strip().replace("", "stated")
        out = replace(self, ties=self.ties[statuses.isin(keep).to_numpy()].reset_index(drop=True))
        out._links_memo = self._links_memo  # the people links depend on the affiliations only
        return out

    def graph(
        self,
        *,
        tie_types: Iterable[str] | str | None = None,
        via_people: bool = True,
        as_of: int | None = None,
        provenance: bool = True,
    ) -> nx.Graph:
        """The actor network.

        A simple undirected graph. Nodes are actor ids with every actor column
        as attributes (missing numbers are left out). Each edge gathers the
        ties between its two actors:

        ``types``
            sorted tie types, plus ``"people"`` when people link them;
        ``n_ties``
            number of ties;
        ``weight``
            sum of the ties' weights, plus one per linking person;
        ``ties``, ``evidence``
            every tie as a record, and their evidence (with ``provenance``);
        ``people``, ``n_people``, ``people_links``
            with ``via_people``: who links them, and for each person whether
            the link is ``shared`` or ``moved`` and when.

        Directed tie types keep their direction in ``ties`` (``source`` and
        ``target`` of each record).

        Parameters
        ----------
        tie_types : iterable of str, optional
            Keep only ties of these types.
        via_people : bool, default True
            Also link actors that share a person or between which a person
            moved (see :func:`ecograph.graphs.people_links`).
        as_of : int, optional
            A snapshot of that year: actors founded by then and not closed,
            ties and affiliations active that year.
        provenance : bool, default True
            Keep each tie's record and evidence on the edges (turn off for
            very large graphs).

        Returns
        -------
        networkx.Graph

        Examples
        --------
        >>> import ecograph as eg
        >>> eco = eg.datasets.tiny()
        >>> G = eco.graph()
        >>> G["network"]["fablab"]["types"], G["network"]["fablab"]["evidence"]
        (['membership', 'support'], ['annual report 2016', 'interview 2017'])
        >>> eco.graph(via_people=False).has_edge("incubator", "lab")
        False
        >>> sorted(eco.graph(as_of=2012).nodes)
        ['city', 'incubator', 'loner', 'network']
        """
        return actor_graph(self, tie_types=tie_types, via_people=via_people, as_of=as_of, provenance=provenance)

    def sparse_graph(
        self, *, tie_types: Iterable[str] | str | None = None, via_people: bool = True, as_of: int | None = None
    ) -> SparseGraph:
        """The actor network as a :class:`ecograph.SparseGraph`, built from the tables.

        Same nodes, edges and weights as :meth:`graph` (both are built from
        :func:`ecograph.graphs.network_tables`, and take the same arguments),
        without networkx: the fast route for measures on large ecosystems.

        Examples
        --------
        >>> import ecograph as eg
        >>> eg.datasets.tiny().sparse_graph()
        <SparseGraph: 8 nodes, 9 edges>
        """
        return SparseGraph.from_ecosystem(self, tie_types=tie_types, via_people=via_people, as_of=as_of)

    def affiliation_graph(self, *, as_of: int | None = None) -> nx.Graph:
        """The bipartite person–actor graph (see :func:`ecograph.graphs.affiliation_graph`).

        Examples
        --------
        >>> import ecograph as eg
        >>> B = eg.datasets.tiny().affiliation_graph()
        >>> B.number_of_nodes(), B.number_of_edges()
        (10, 4)
        """
        return affiliation_graph(self, as_of=as_of)

    def people_links(self, *, as_of: int | None = None) -> pd.DataFrame:
        """Actors linked by a person: who, shared or moved, and when.

        See :func:`ecograph.graphs.people_links`. The table for all years is
        derived once and kept while the affiliations stay the same (they are
        fingerprinted on each call, so editing them is always seen); each
        call returns a new frame.

        Examples
        --------
        >>> import ecograph as eg
        >>> eg.datasets.tiny().people_links()["kind"].tolist()
        ['moved', 'shared']
        """
        links = self._all_people_links(self._affiliations_fingerprint())
        return links if as_of is None else links_as_of(links, self.actors, as_of)

    def _all_people_links(self, fingerprint: tuple[int, int]) -> pd.DataFrame:
        """A copy of the people links of all years, derived once for the affiliations of that ``fingerprint``."""
        if fingerprint not in self._links_memo:  # one entry per version of the affiliations (an ecosystem and its observed part)
            if len(self._links_memo) >= 4:
                self._links_memo.pop(next(iter(self._links_memo)))
            self._links_memo[fingerprint] = people_links(self)
        return self._links_memo[fingerprint].copy()

    def _affiliations_fingerprint(self) -> tuple[int, int]:
        """The affiliations' row count and a hash of their people, actors, roles and dates, row by row.

        A column of texts is hashed with Python's own hash, which each text
        keeps once computed: the same table fingerprinted again (once per
        snapshot of an evolution) hashes no text twice.
        """
        aff = self.affiliations
        parts = []
        for c in ("person", "actor", "role", "start", "end"):
            if c in aff.columns:
                column = aff[c]
                if column.dtype == object:  # the objects held, each time the same (a NaN among them hashes by identity)
                    parts.append(hash(tuple(column.tolist())))
                else:  # values made anew on each call: pandas' hash of them
                    parts.append(hash(pd.util.hash_array(column.to_numpy()).tobytes()))
        return len(aff), hash(tuple(parts))

    def summary(self) -> Summary:
        """Counts by kind, sphere and scope, ties by type, components and density.

        Returns
        -------
        Summary
            Prints as text, shows as a table in Jupyter, converts with
            ``to_dict()``.

        Examples
        --------
        >>> import ecograph as eg
        >>> s = eg.datasets.tiny().summary()
        >>> s.counts["actors"], s.network["components"], s.network["isolates"]
        (8, 2, 1)
        """
        return summarise(self)

    def validation_report(self, lang: str | None = None) -> str:
        """The problems found by the validation, one per line ("" if none).

        Parameters
        ----------
        lang : {"en", "fr"}, optional
            Write the report for a reader of ``lang``: a first line says how
            many problems and rejected rows there are, or that every row is
            valid, and each problem's place (row, column, value) is written in
            ``lang`` (its message and hint stay as the validation writes
            them). Without it, the problems alone, in English, as ``str``.

        Examples
        --------
        >>> import ecograph as eg
        >>> eg.datasets.tiny().validation_report()
        ''
        >>> print(eg.datasets.tiny().validation_report("fr"))
        Aucun problème : chaque ligne est valide.
        """
        if lang is None:
            return "\n".join(str(p) for p in self.problems)
        if not self.problems and self.rejected.empty:
            return word("report.validation_none", lang)
        head = word("report.validation_problems", lang, problems=len(self.problems), rows=len(self.rejected))
        return "\n".join([head, *(p.text(lang) for p in self.problems)])


def _from_result(result: ValidationResult, *, name: str, path: str, synthetic: bool = False) -> Ecosystem:
    t = result.tables
    return Ecosystem(
        actors=t["actors"],
        people=t["people"],
        affiliations=t["affiliations"],
        ties=t["ties"],
        vocabulary=result.vocabulary,
        name=name,
        path=path,
        rejected=result.rejected,
        problems=result.problems,
        synthetic=synthetic,
        metadata=result.metadata,
        warnings=result.warnings,
    )


def validate(path: str | os.PathLike) -> ValidationResult:
    """Read and validate a dataset without raising; see :func:`load`.

    Examples
    --------
    >>> import ecograph as eg
    >>> eg.validate(eg.datasets.dijon_path()).is_valid
    True
    """
    tables, read_problems = read_dataset_files(path)
    return validate_tables(tables, read_problems=read_problems)


def load(path: str | os.PathLike, *, on_error: Literal["raise", "collect"] = "raise", name: str | None = None) -> Ecosystem:
    """Load and validate a dataset folder of CSV files or an ``.xlsx`` workbook.

    Parameters
    ----------
    path : path-like
        A folder with ``actors.csv``, ``ties.csv`` and optionally
        ``people.csv``, ``affiliations.csv`` and ``vocabulary.csv``; or a
        workbook with sheets of the same names.
    on_error : {"raise", "collect"}, default "raise"
        With ``"raise"``, any problem raises a :class:`SchemaError` listing
        every problem. With ``"collect"``, the valid rows load and the
        invalid ones are kept in ``Ecosystem.rejected`` with their reasons
        (problems with the dataset as a whole, such as a missing ``actors``
        table, still raise).
    name : str, optional
        Name of the dataset; defaults to the folder or workbook name.

    Returns
    -------
    Ecosystem

    Raises
    ------
    SchemaError
        If the dataset has problems and ``on_error="raise"``.

    Examples
    --------
    >>> import ecograph as eg
    >>> eco = eg.load(eg.datasets.dijon_path())
    >>> eco.name, len(eco.rejected)
    ('dijon', 0)
    """
    if on_error not in ("raise", "collect"):
        raise ValueError("on_error must be 'raise' or 'collect'")
    path = Path(path)
    result = validate(path)
    if result.problems:
        fatal = [
            p
            for p in result.problems
            if p.row is None and (p.table == "dataset" or p.message.startswith("the required table") or p.table == "actors")
        ]
        if on_error == "raise" or fatal:
            raise SchemaError(result.problems)
    return _from_result(result, name=name or path.stem, path=str(path))


def from_frames(
    actors: pd.DataFrame,
    ties: pd.DataFrame,
    people: pd.DataFrame | None = None,
    affiliations: pd.DataFrame | None = None,
    *,
    name: str = "ecosystem",
    on_error: Literal["raise", "collect"] = "raise",
    metadata: Mapping[str, object] | Metadata | None = None,
) -> Ecosystem:
    """Validate tables held in memory (columns as in the schema) into an Ecosystem.

    The frames go through the same validation as files; row numbers in errors
    count the header as row 1, like a spreadsheet. ``metadata`` (a mapping of
    field to value, or a :class:`Metadata`) is checked as a ``metadata``
    table is.

    Examples
    --------
    >>> import pandas as pd, ecograph as eg
    >>> actors = pd.DataFrame({"id": ["a", "b"], "name": ["A", "B"], "kind": "initiative", "source": "notes"})
    >>> ties = pd.DataFrame({"source": ["a"], "target": ["b"], "type": ["partnership"], "evidence": ["notes"]})
    >>> eg.from_frames(actors, ties).graph().number_of_edges()
    1
    >>> eg.from_frames(actors, ties, metadata={"title": "Two actors", "language": "fr"}).metadata.language
    'fr'
    """

    def raw(df: pd.DataFrame | None, table: str) -> RawTable | None:
        if df is None:
            return None
        df = df.reset_index() if df.index.name == TABLES[table].key and TABLES[table].key else df
        cols = [str(c) for c in df.columns]
        rows = []
        for i, values in enumerate(df.itertuples(index=False, name=None), start=2):
            cells = {}
            for c, v in zip(cols, values, strict=False):
                if v is None or (not isinstance(v, str) and pd.isna(v)):
                    cells[c] = ""
                elif isinstance(v, float) and v.is_integer() and c in ("founded", "closed", "start", "end"):
                    cells[c] = str(int(v))
                else:
                    cells[c] = str(v).strip()
            rows.append(RawRow(i, cells))
        return RawTable(table, f"<{table} table>", cols, rows)

    tables = {
        k: v
        for k, v in {
            "actors": raw(actors, "actors"),
            "ties": raw(ties, "ties"),
            "people": raw(people, "people"),
            "affiliations": raw(affiliations, "affiliations"),
        }.items()
        if v is not None
    }
    if metadata is not None:
        tables["metadata"] = metadata_table(metadata)
    result = validate_tables(tables)
    if result.problems and on_error == "raise":
        raise SchemaError(result.problems)
    return _from_result(result, name=name, path="")


def from_raw_tables(
    tables: dict,
    *,
    name: str,
    path: str,
    found_tie_types: dict[str, str] | None = None,
    found_kinds: Iterable[str] = (),
    descriptions: dict[str, str] | None = None,
    on_error: Literal["raise", "collect"] = "raise",
) -> Ecosystem:
    """Validate raw tables read from another tool's file into an Ecosystem.

    ``found_tie_types`` maps tie types the file uses but the built-in
    vocabulary lacks to ``"yes"``/``"no"`` (directed or not), and
    ``found_kinds`` lists such kinds; they are added as the dataset's own
    vocabulary, through the same checks as a ``vocabulary.csv``
    (``descriptions`` may describe some of them). With ``on_error="raise"``
    any problem raises a :class:`SchemaError`; with ``"collect"`` the valid
    rows load and the others are in ``rejected``.

    Examples
    --------
    >>> from ecograph.io import RawRow, RawTable
    >>> actors = RawTable("actors", "f", ["id", "name", "kind", "source"], [RawRow(2, {"id": "a", "name": "A", "kind": "place", "source": "s"}), RawRow(3, {"id": "b", "name": "B", "kind": "place", "source": "s"})])
    >>> ties = RawTable("ties", "f", ["source", "target", "type", "evidence"], [RawRow(2, {"source": "a", "target": "b", "type": "neighbours", "evidence": "s"})])
    >>> from_raw_tables({"actors": actors, "ties": ties}, name="f", path="f", found_tie_types={"neighbours": "no"}).vocabulary.is_valid("type", "neighbours")
    True
    """

    tables = dict(tables)
    label = Path(path).name
    descriptions = descriptions or {}
    terms = [("type", code, directed) for code, directed in sorted((found_tie_types or {}).items())]
    terms += [("kind", code, "") for code in sorted(found_kinds)]
    if terms:
        rows = [
            RawRow(
                i,
                {"field": f, "value": code, "directed": directed, "description": descriptions.get(code, f"{f} found in {label}")},
            )
            for i, (f, code, directed) in enumerate(terms, start=2)
        ]
        tables["vocabulary"] = RawTable("vocabulary", path, ["field", "value", "directed", "description"], rows)
    result = validate_tables(tables)
    if result.problems and on_error == "raise":
        raise SchemaError(result.problems)
    return _from_result(result, name=name, path=path)
