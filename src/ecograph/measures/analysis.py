"""One network, each measure computed once: the :class:`Analysis` that report, views, exports, worklist and notebooks share.

An :class:`Analysis` wraps one actor network (built from an
:class:`~ecograph.Ecosystem`, or any networkx graph or
:class:`~ecograph.SparseGraph`) and the settings every measure needs: the
grouping (``group``, by default the spheres) and the seed. Each measure is an
attribute computed on first use by calling the package's public function of
that name, and kept: asking for ``brokers`` twice runs :func:`ecograph.brokers`
once, and the view, the figures, the exports and the worklist all read the same
values. Nothing here computes a measure itself.

Examples
--------
>>> import ecograph as eg
>>> a = eg.Analysis(eg.datasets.tiny(), seed=0)
>>> a
<Analysis of 'tiny': 8 actors, 9 ties, grouped by 'sphere', seed 0>
>>> a.brokers is a.brokers
True
>>> round(a.density, 4), a.communities.n_communities
(0.3214, 4)
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Any

import networkx as nx
import pandas as pd

from ..ecosystem import Ecosystem
from ..errors import GraphError
from ..partition import PartitionLike
from ..sparse import SparseGraph, as_sparse, check_graph
from ..summary import Summary, network_counts, summarise
from ..words import CATALOGUE, word
from .background import in_background
from .bridges import bridges, cut_points, local_bridges
from .brokerage import EXACT_BETWEENNESS_LIMIT, brokers
from .communities import Communities, detect_communities
from .density import block_density, density, mixing_matrix
from .directed import (
    DirectedMatrix,
    arc_matrix,
    degrees,
    directed_density,
    directed_graph,
    directed_matrix,
    dyad_census,
    reciprocity,
    tie_treatment,
)
from .directed_roles import directed_brokerage_roles
from .ei import ei_index
from .engines import Engine, get_engine
from .evolution import evolution, headline_measures
from .flows import flow_table, people_flows
from .group_coverage import Coverage, MeasureValue, group_coverage, unknown_actors, withheld_reason
from .isolation import core_numbers, isolated_actors, two_step_reach
from .robustness import STABLE_RANKING, Z_THRESHOLD, null_model_tests, robustness
from .standing import actor_standing
from .valued import valued_block_density, valued_ei_index
from .weighted_paths import weighted_betweenness

__all__ = ["EVOLUTION_YEARS", "NULL_MODEL_LIMIT", "RANKING_BATCH", "RANKING_CHECK_LIMIT", "Analysis"]

#: The evolution covers at most this many years, up to the latest founding year.
EVOLUTION_YEARS = 20
#: Above this many actors, :attr:`Analysis.robustness` leaves out the stability of the top brokers: betweenness is
#: estimated there (:data:`ecograph.measures.brokerage.EXACT_BETWEENNESS_LIMIT`), and the check would measure the
#: estimate's own error as much as missing data.
RANKING_CHECK_LIMIT = EXACT_BETWEENNESS_LIMIT
#: Above this many actors, :attr:`Analysis.null_models` uses 3 rewirings of 3 swaps per tie (each takes seconds).
NULL_MODEL_LIMIT = 20_000
#: Resamplings between two looks of the ranking check (each recomputes betweenness).
RANKING_BATCH = 5


def _default_grouping(G: nx.Graph | SparseGraph) -> PartitionLike:
    """``"sphere"`` when every node has one, else each node's sphere where it has one and unknown elsewhere."""
    S = as_sparse(G)
    values = S.attribute("sphere")
    if all(v is not None for v in values):
        return "sphere"
    return pd.Series(values, index=S.nodes.copy(), dtype=object)


class Analysis:
    """Measures of one actor network, each computed once on first use.

    Parameters
    ----------
    data : Ecosystem, networkx.Graph or SparseGraph
        An ecosystem (its actor network is built with the options below) or
        a network built already.
    group : str, Series, mapping or list of sets, default "sphere"
        The grouping of every group-based measure (density between groups,
        E-I index, participation, brokerage roles, agreement of the
        communities).
    seed : int, default 0
        Seed of every random step.
    tie_types, via_people, as_of
        How the actor network is built from an ecosystem (see
        :meth:`ecograph.Ecosystem.graph`); ignored for a graph.
    observed : bool, default True
        Build the network of an ecosystem from what is observed
        (:meth:`ecograph.Ecosystem.observed`: no recommendation rows, no
        proposed or cited ties); ``eco`` stays the whole ecosystem.
    permutations : int, default 1000
        Relabellings of the E-I permutation test (:attr:`ei_test`).
    samples : int, optional
        Resamplings of :attr:`robustness` (default 100 up to 2,000 actors,
        30 above) and rewirings of :attr:`null_models` (half as many).
    engine : {"igraph", "networkit"} or Engine, default "igraph"
        What computes components, k-core shells, degrees, Leiden communities
        and sampled betweenness (:mod:`ecograph.measures.engines`):
        python-igraph, or NetworKit, faster on millions of actors
        (``pip install 'ecograph[fast]'``; without it, asking for it raises
        :class:`~ecograph.errors.EngineError`).
    settle_brokers : int, optional
        Above :data:`~ecograph.measures.brokerage.EXACT_BETWEENNESS_LIMIT`
        actors, where betweenness is estimated: with igraph, add rounds of
        sampled sources until this many top brokers settle
        (:func:`ecograph.betweenness`'s ``top``). Every reading of the
        Analysis (brokers, connectors, the report's) then uses that
        estimate. ``20`` at 100,000 synthetic actors: 18 or 19 of the exact
        top 20, where the default one round shares 17 or 18, in several
        times the time. Exact values and NetworKit's are unchanged by it.

    Examples
    --------
    >>> import ecograph as eg
    >>> a = eg.Analysis(eg.datasets.tiny())
    >>> a.isolated.index.tolist()
    ['loner']
    >>> Analysis.of(a) is a
    True
    """

    def __init__(
        self,
        data: Ecosystem | nx.Graph | SparseGraph,
        *,
        group: PartitionLike = "sphere",
        seed: int = 0,
        tie_types: list[str] | str | None = None,
        via_people: bool = True,
        as_of: int | None = None,
        observed: bool = True,
        permutations: int = 1000,
        samples: int | None = None,
        engine: str | Engine = "igraph",
        settle_brokers: int | None = None,
    ) -> None:
        if isinstance(data, Analysis):
            raise TypeError("data is already an Analysis: use Analysis.of(data) to reuse it")
        self.eco: Ecosystem | None = data if isinstance(data, Ecosystem) else None
        if self.eco is None and not isinstance(data, (nx.Graph, SparseGraph)):
            raise GraphError(f"an Analysis needs an Ecosystem, a networkx.Graph or a SparseGraph, got {type(data).__name__}")
        self._data = data
        self.group = group
        self.seed = seed
        self.options = {"tie_types": tie_types, "via_people": via_people, "as_of": as_of}
        self.observed = observed
        self.permutations = permutations
        self._samples = samples
        self.engine = get_engine(engine)
        if settle_brokers is not None and (isinstance(settle_brokers, bool) or not isinstance(settle_brokers, int) or settle_brokers < 1):
            raise ValueError(f"settle_brokers must be a whole number of actors (at least 1) or None, got {settle_brokers!r}")
        self.settle_brokers = settle_brokers

    @classmethod
    def of(cls, data: Any, *, group: PartitionLike | None = None, seed: int | None = None, **options: Any) -> Analysis:
        """The one door into an Analysis: ``data`` itself if it is one, else a new Analysis of it.

        Parameters
        ----------
        data : Analysis, Ecosystem, networkx.Graph or SparseGraph
            A graph is checked (:func:`ecograph.sparse.check_graph`: not
            directed, not a multigraph, not empty) and a SparseGraph taken as is.
        group : grouping, optional
            Default ``"sphere"``; on a graph whose nodes do not all carry a
            ``sphere`` attribute, each node's sphere where it has one and
            unknown elsewhere (missing is unknown, never an error here).
        seed : int, optional
            Default 0.
        **options
            Passed to :class:`Analysis` for a new one.

        Raises
        ------
        ValueError
            When ``data`` is an Analysis and ``group`` or ``seed`` differ from
            its own: an Analysis carries its own, and a silent choice would
            hide it.
        GraphError
            For what the measures cannot take.

        Examples
        --------
        >>> import networkx as nx, ecograph as eg
        >>> a = eg.Analysis(eg.datasets.tiny(), seed=3)
        >>> Analysis.of(a) is a, Analysis.of(eg.datasets.tiny(), group="kind", seed=1).group
        (True, 'kind')
        >>> Analysis.of(nx.path_graph(3)).coverage.actors_known  # no sphere on the nodes: unknown, not an error
        0
        >>> Analysis.of(a, seed=4)
        Traceback (most recent call last):
        ...
        ValueError: the Analysis given has seed 3: build it with Analysis(data, seed=4) instead
        """
        if isinstance(data, Analysis):
            if group is not None and not (group is data.group or (isinstance(group, str) and group == data.group)):
                raise ValueError("the Analysis given has its own grouping: build it with Analysis(data, group=...) instead")
            if seed is not None and seed != data.seed:
                raise ValueError(f"the Analysis given has seed {data.seed}: build it with Analysis(data, seed={seed}) instead")
            return data
        if isinstance(data, (nx.Graph, SparseGraph)):
            check_graph(data)
            if group is None:
                group = _default_grouping(data)
        elif not isinstance(data, Ecosystem):
            raise GraphError(f"an Analysis needs an Ecosystem, a networkx.Graph or a SparseGraph, got {type(data).__name__}")
        return cls(data, group="sphere" if group is None else group, seed=0 if seed is None else seed, **options)

    def __repr__(self) -> str:
        group = self.group if isinstance(self.group, str) else type(self.group).__name__
        engine = "" if self.engine.name == "igraph" else f", engine {self.engine.name!r}"
        return f"<Analysis of {self.name!r}: {self.sparse.n} actors, {self.sparse.m} ties, grouped by {group!r}, seed {self.seed}{engine}>"

    def text(self, lang: str = "en") -> str:
        """What this analysis is, in ``lang``: the network's name and size, its grouping (named as the dataset names it), its seed.

        Examples
        --------
        >>> import ecograph as eg
        >>> print(eg.Analysis(eg.datasets.karate()).text("fr"))
        Analyse de « karate » : 34 acteurs, 78 liens, regroupés par faction, graine 0
        >>> print(eg.Analysis(eg.datasets.tiny(), seed=2).text())
        Analysis of 'tiny': 8 actors, 9 ties, grouped by sphere, seed 2
        """
        name = self.group_name
        group = word(f"findings.group.{name}", lang) if f"findings.group.{name}" in CATALOGUE else name
        text = word("measures.analysis", lang, name=self.name, actors=self.sparse.n, ties=self.sparse.m, group=group, seed=self.seed)
        return text + ("" if self.engine.name == "igraph" else word("measures.analysis_engine", lang, engine=self.engine.name))

    @property
    def group_name(self) -> str:
        """The word for one group of :attr:`group`: ``"sphere"``, the dataset's own (``"faction"``), or ``""`` for an unnamed grouping.

        For the ``sphere`` column it is the dataset's own word when its
        metadata declares one (``group``), else ``"sphere"``; for another
        attribute, its name; for a grouping given as a Series, mapping or
        partition, its ``name`` if any.

        >>> import ecograph as eg
        >>> eg.Analysis(eg.datasets.karate()).group_name, eg.Analysis(eg.datasets.tiny()).group_name
        ('faction', 'sphere')
        """
        if isinstance(self.group, str):
            own = self.sparse.graph.get("group") if self.group == "sphere" else None
            return str(own or self.group)
        return str(getattr(self.group, "name", None) or "")

    @property
    def group_gender(self) -> str:
        """French grammatical gender of :attr:`group_name`: ``"m"`` when the dataset's metadata says so (``group_gender``), else ``"f"`` (as *sphère*).

        >>> import ecograph as eg
        >>> eg.Analysis(eg.datasets.karate()).group_gender
        'f'
        """
        own = self.sparse.graph.get("group_gender") if isinstance(self.group, str) and self.group == "sphere" else None
        return "m" if own == "m" else "f"

    def _named(self, table: pd.DataFrame) -> pd.DataFrame:
        """``table`` by group, with the dataset's words for its groups in ``attrs``: ``group`` and ``group_labels``."""
        table.attrs["group"] = self.group_name
        own = self.sparse.graph.get("group_labels") if isinstance(self.group, str) and self.group == "sphere" else None
        if own:
            table.attrs["group_labels"] = dict(own)
        return table

    @property
    def name(self) -> str:
        """The dataset's or graph's name."""
        if self.eco is not None:
            return self.eco.name
        return str(getattr(self._data, "graph", {}).get("name") or "network")

    # ---- the network ------------------------------------------------------------------------------

    @cached_property
    def network_eco(self) -> Ecosystem:
        """The tables the network is built from: :meth:`~ecograph.Ecosystem.observed` (or the whole ecosystem)."""
        eco = self._need_ecosystem("network_eco")
        return eco.observed() if self.observed else eco

    @cached_property
    def graph(self) -> nx.Graph:
        """The actor network as a networkx graph (built once)."""
        if self.eco is not None:
            return self.network_eco.graph(**self.options)
        if isinstance(self._data, SparseGraph):
            return self._data.to_networkx()
        return self._data

    @cached_property
    def sparse(self) -> SparseGraph:
        """The same network in the measures' sparse form.

        For an ecosystem it is built straight from the tables
        (:meth:`~ecograph.Ecosystem.sparse_graph`, the same network as
        :attr:`graph`, whose networkx form is then built only if asked for).
        """
        if isinstance(self._data, SparseGraph):
            return as_sparse(self._data)
        if self.eco is not None:
            return self.network_eco.sparse_graph(**self.options)
        return as_sparse(self.graph)

    # ---- measures -------------------------------------------------------------------------------

    @cached_property
    def headline(self) -> pd.Series:
        """:func:`ecograph.headline_measures`."""
        return headline_measures(self.sparse, self.group)

    @cached_property
    def density(self) -> float:
        """:func:`ecograph.density`."""
        return density(self.sparse)

    @cached_property
    def degree(self) -> pd.Series:
        """Number of neighbours of each actor (by the engine)."""
        return pd.Series(self.engine.degrees(self.sparse), index=self.sparse.nodes.copy(), name="degree")

    @cached_property
    def components(self) -> pd.Series:
        """Connected component of each actor (by the engine), numbered by the position of its first actor.

        Examples
        --------
        >>> import ecograph as eg
        >>> eg.Analysis(eg.datasets.tiny()).components.value_counts().tolist()  # the loner alone
        [7, 1]
        """
        return pd.Series(self.engine.components(self.sparse), index=self.sparse.nodes.copy(), name="component")

    @cached_property
    def core_numbers(self) -> pd.Series:
        """:func:`ecograph.core_numbers` (by the engine)."""
        return core_numbers(self.sparse, engine=self.engine)

    @cached_property
    def block_density(self) -> pd.DataFrame:
        """:func:`ecograph.block_density` across ``group``."""
        return self._named(block_density(self.sparse, self.group))

    @cached_property
    def mixing_matrix(self) -> pd.DataFrame:
        """:func:`ecograph.mixing_matrix` across ``group``."""
        return self._named(mixing_matrix(self.sparse, self.group))

    @cached_property
    def ei_index(self) -> MeasureValue:
        """:func:`ecograph.ei_index` at network level."""
        return ei_index(self.sparse, self.group)

    @cached_property
    def ei_groups(self) -> pd.DataFrame:
        """:func:`ecograph.ei_index` for each group."""
        return self._named(ei_index(self.sparse, self.group, level="group"))

    @cached_property
    def ei_test(self) -> pd.Series:
        """:func:`ecograph.ei_index` with its permutation test (``permutations`` relabellings of known actors)."""
        return ei_index(self.sparse, self.group, permutations=self.permutations, seed=self.seed)

    @cached_property
    def coverage(self) -> Coverage:
        """:func:`ecograph.group_coverage` of ``group``: actors with a known group, ties between two of them."""
        return group_coverage(self.sparse, self.group)

    @cached_property
    def unknown_actors(self) -> pd.DataFrame:
        """:func:`ecograph.unknown_actors`: whose group to ask first."""
        return unknown_actors(self.sparse, self.group)

    @cached_property
    def communities(self) -> Communities:
        """:func:`ecograph.detect_communities` (Leiden, seeded)."""
        return detect_communities(self.sparse, seed=self.seed, engine=self.engine)

    @cached_property
    def agreement(self) -> pd.Series:
        """How the communities match ``group``: NMI and adjusted Rand (:meth:`ecograph.Communities.compare`), or NaN when withheld.

        Below the coverage a group finding needs (the rule of
        :func:`ecograph.measures.group_coverage.withheld_reason`, the brief's),
        both values are NaN and ``attrs["reason"]`` says why: on few known
        actors, singletons inflate NMI while adjusted Rand stays near 0. The
        values on the known actors alone stay in ``attrs["computed"]``.

        Examples
        --------
        >>> import ecograph as eg
        >>> agreement = eg.Analysis(eg.datasets.dijon()).agreement
        >>> bool(agreement.isna().all()), agreement.attrs["reason"]
        (True, 'no_known_tie')
        """
        computed = self.communities.compare(self.group)
        reason = withheld_reason(self.coverage, computed.attrs.get("reason"))
        if reason is None:
            return computed
        out = pd.Series(float("nan"), index=computed.index, name=computed.name)
        out.attrs.update({**computed.attrs, "reason": reason, "computed": computed.copy()})
        return out

    @cached_property
    def betweenness(self) -> pd.Series:
        """:func:`ecograph.betweenness` of every actor, in node order: the brokers table's column (computed once, with it)."""
        values = self.brokers["betweenness"].reindex(self.sparse.nodes)
        values.attrs.update(self.brokers.attrs)
        values.index.name = None
        return values

    @cached_property
    def brokers(self) -> pd.DataFrame:
        """:func:`ecograph.brokers` across ``group``."""
        return brokers(self.sparse, self.group, seed=self.seed, engine=self.engine, top=self.settle_brokers)

    @cached_property
    def bridges(self) -> pd.DataFrame:
        """:func:`ecograph.bridges`."""
        return bridges(self.sparse)

    @cached_property
    def local_bridges(self) -> pd.DataFrame:
        """:func:`ecograph.local_bridges`."""
        return local_bridges(self.sparse)

    @cached_property
    def cut_points(self) -> pd.Series:
        """:func:`ecograph.cut_points`."""
        return cut_points(self.sparse)

    @cached_property
    def isolated(self) -> pd.DataFrame:
        """:func:`ecograph.isolated_actors`."""
        return isolated_actors(self.sparse, engine=self.engine)

    @cached_property
    def two_step_reach(self) -> pd.Series:
        """:func:`ecograph.measures.isolation.two_step_reach` of every actor."""
        return two_step_reach(self.sparse)

    @cached_property
    def standing(self) -> pd.DataFrame:
        """:func:`ecograph.actor_standing`: who has no known tie, is outside the main part, is to reach, is a connector or a cut point.

        Each of these is decided here once; the brief, the views, the
        worklist, the summary and the notebooks count and name the same
        actors. Kinds and scopes come from the ecosystem's actors table (or
        the graph's node attributes).
        """
        return actor_standing(self.sparse, betweenness=self.betweenness, cut_points=self.cut_points, reach_2=self.two_step_reach)

    @cached_property
    def summary(self) -> Summary:
        """The ecosystem's :class:`~ecograph.Summary`, its network section read from this Analysis's network (no second build).

        Examples
        --------
        >>> import ecograph as eg
        >>> a = eg.Analysis(eg.datasets.dijon())
        >>> a.summary.network["isolates"] == int(a.standing["no_known_tie"].sum())
        True
        """
        eco = self._need_ecosystem("summary")
        return summarise(eco, network=network_counts(self.sparse, density=self.density))

    # ---- direction and weight -----------------------------------------------------------------------

    @cached_property
    def directed_graph(self) -> nx.Graph:
        """:func:`ecograph.directed_graph` of the same tables and options (for a graph: the graph itself, each tie read as two arcs).

        Every directed and valued attribute below reads it: a tie of a
        directed type is one arc, an undirected tie and a people link two,
        and an arc's ``weight`` sums its rows' weights (plus one per person).
        """
        if self.eco is None:
            return self.graph
        return directed_graph(self.network_eco, **self.options)

    @cached_property
    def directed_matrix(self) -> DirectedMatrix:
        """The arcs and weights of :attr:`directed_graph` as a sparse matrix, read once: every attribute below takes it.

        For an ecosystem, :func:`ecograph.measures.directed.arc_matrix` builds
        it from the tables in :attr:`sparse`'s node order (no networkx graph);
        for a graph, :func:`ecograph.measures.directed.directed_matrix`.
        """
        if self.eco is None:
            return directed_matrix(self.graph, weight="weight")
        return arc_matrix(self.network_eco, nodes=self.sparse, **self.options)

    @cached_property
    def tie_treatment(self) -> pd.Series:
        """:func:`ecograph.measures.directed.tie_treatment`: how many ties were read as directed, undirected, weighted."""
        return tie_treatment(self.network_eco if self.eco is not None else self.graph, **(self.options if self.eco is not None else {}))

    @cached_property
    def directed_degrees(self) -> pd.DataFrame:
        """:func:`ecograph.degrees`: in- and out-degree and strength of every actor."""
        return degrees(self.directed_matrix)

    @cached_property
    def reciprocity(self) -> float:
        """:func:`ecograph.reciprocity` of the network: the share of arcs whose reverse arc exists."""
        return reciprocity(self.directed_matrix)

    @cached_property
    def dyad_census(self) -> pd.Series:
        """:func:`ecograph.dyad_census`: pairs tied both ways, one way, or not at all."""
        return dyad_census(self.directed_matrix)

    @cached_property
    def directed_density(self) -> float:
        """:func:`ecograph.directed_density`: arcs over the ``n (n − 1)`` possible."""
        return directed_density(self.directed_matrix)

    @cached_property
    def valued_density(self) -> float:
        """:func:`ecograph.directed_density` with ``weight="weight"``: the mean weight of a possible arc."""
        return directed_density(self.directed_matrix, weight="weight")

    @cached_property
    def directed_roles(self) -> pd.DataFrame:
        """:func:`ecograph.directed_brokerage_roles` across ``group``: Gould & Fernandez roles on the arcs."""
        return directed_brokerage_roles(self.directed_matrix, self.group)

    @cached_property
    def weighted_betweenness(self) -> pd.Series:
        """:func:`ecograph.weighted_betweenness` on the arcs, a tie's length being ``1 / weight``."""
        return weighted_betweenness(self.directed_matrix)

    @cached_property
    def valued_ei_index(self) -> MeasureValue:
        """:func:`ecograph.valued_ei_index` across ``group`` on the arcs (sums of weights)."""
        return valued_ei_index(self.directed_matrix, self.group)

    @cached_property
    def valued_block_density(self) -> pd.DataFrame:
        """:func:`ecograph.valued_block_density` across ``group``, from sender group (rows) to receiver group (columns)."""
        return valued_block_density(self.directed_matrix, self.group)

    # ---- people -----------------------------------------------------------------------------------

    def _need_ecosystem(self, what: str) -> Ecosystem:
        if self.eco is None:
            raise GraphError(f"{what} needs the ecosystem's tables: build the Analysis from an Ecosystem")
        return self.eco

    @cached_property
    def people_links(self) -> pd.DataFrame:
        """:meth:`ecograph.Ecosystem.people_links` (all years)."""
        return self._need_ecosystem("people_links").people_links()

    @cached_property
    def people_flows(self) -> pd.DataFrame:
        """:func:`ecograph.people_flows`."""
        return people_flows(self.network_eco, attr=self.group)

    @cached_property
    def flow_table(self) -> pd.DataFrame:
        """:func:`ecograph.flow_table`."""
        return self._named(flow_table(self.network_eco, attr=self.group))

    @cached_property
    def evolution(self) -> pd.DataFrame:
        """:func:`ecograph.evolution` over the last :data:`EVOLUTION_YEARS` years the founding years reach (empty with fewer than three of them)."""
        eco = self.network_eco
        years = sorted({int(y) for y in eco.actors["founded"].dropna()})
        if len(years) < 3:
            return pd.DataFrame()
        return evolution(eco, range(max(years[0], years[-1] - EVOLUTION_YEARS + 1), years[-1] + 1), attr=self.group)

    # ---- how far to trust the figures ---------------------------------------------------------------

    @property
    def samples(self) -> int:
        """The most resamplings :attr:`robustness` draws (rewirings of :attr:`null_models`: half as many).

        By default 100 up to 2,000 actors, 30 up to 20,000 and 10 above: on
        large networks each resampling costs seconds, and the spread of a
        figure under 10% missing actors narrows as the network grows. Fewer
        are drawn when the figure shown stops moving (the sequential rule of
        :func:`ecograph.measures.robustness.shown_summary`); each row of the
        tables says how many were drawn.
        """
        if self._samples is not None:
            return self._samples
        n = self.sparse.n
        return 100 if n <= 2_000 else 30 if n <= 20_000 else 10

    @cached_property
    def robustness(self) -> pd.DataFrame:
        """:func:`ecograph.robustness` of density, E-I, modularity of the groups and the top brokers (10% of actors missing).

        Each draws until its printed interval stops moving (``adaptive=True``),
        at most :attr:`samples` times; the top brokers, read against
        :data:`ecograph.measures.robustness.STABLE_RANKING`, five at a time
        until the mean's side of it is settled (``settle=``), at most a third
        as many. The top brokers are left out above
        :data:`RANKING_CHECK_LIMIT` actors.
        """
        S, n = self.sparse, self.samples
        rows = [robustness(S, "density", samples=n, seed=self.seed, adaptive=True).to_series()]
        if S.m:
            rows += [
                robustness(S, "ei_index", samples=n, seed=self.seed, attr=self.group, adaptive=True).to_series(),
                robustness(S, "group_modularity", samples=n, seed=self.seed, attr=self.group, adaptive=True).to_series(),
            ]
            if S.n <= RANKING_CHECK_LIMIT:  # above, a sampled betweenness would check its own sampling error
                rows.append(
                    robustness(
                        S,
                        "top_brokers",
                        k=10,
                        samples=max(5, n // 3),
                        seed=self.seed,
                        adaptive=True,
                        settle=STABLE_RANKING,
                        batch=RANKING_BATCH,
                        between=self.betweenness,
                    ).to_series()
                )
        return pd.DataFrame(rows).reset_index(drop=True)

    @cached_property
    def null_models(self) -> pd.DataFrame:
        """:func:`ecograph.null_model_tests` of cross-group density, E-I and modularity on degree-preserving rewirings.

        One chain of rewirings (a gap of one swap per tie), drawn until every
        z-score's side of :data:`ecograph.measures.robustness.Z_THRESHOLD` is
        settled (at least 20, so that a p-value can fall below 0.05), at most
        :attr:`samples` times; three rewirings above
        :data:`NULL_MODEL_LIMIT` actors.
        """
        if self.sparse.m < 2:
            return pd.DataFrame()
        large = self.sparse.n > NULL_MODEL_LIMIT  # each rewiring takes seconds there
        tests = null_model_tests(
            self.sparse,
            ["cross_group_density", "ei_index", "modularity"],
            samples=3 if large else self.samples,
            seed=self.seed,
            attr=self.group,
            swaps_per_tie=3 if large else 10,
            adaptive=True,
            settle=Z_THRESHOLD,
            observed={"modularity": self.communities.modularity} if self.engine.name == "igraph" else None,
        )
        return pd.DataFrame([t.to_series() for t in tests]).reset_index(drop=True)

    def start_null_models(self, *, use_process: bool | None = None) -> Callable[[], pd.DataFrame]:
        """Start :attr:`null_models` on another core; the function returned waits for them and caches them.

        On a network above :data:`NULL_MODEL_LIMIT` actors the null models
        take tens of seconds and need nothing else: they run in a forked
        process (:func:`ecograph.measures.background.in_background`: Linux,
        two cores or more) while the caller computes the rest. Smaller
        networks, or ``use_process=False``, compute them when asked. The
        values are the same either way.

        Examples
        --------
        >>> import ecograph as eg
        >>> a = eg.Analysis(eg.datasets.synthetic(300, seed=1))
        >>> wait = a.start_null_models(use_process=True)
        >>> wait().equals(eg.Analysis(eg.datasets.synthetic(300, seed=1)).null_models)
        True
        """
        if "null_models" in self.__dict__ or (use_process is None and self.sparse.n <= NULL_MODEL_LIMIT):
            return lambda: self.null_models
        self.sparse  # noqa: B018 - built here, so that the child process inherits it
        collect = in_background(lambda: Analysis.null_models.func(self), use_process=use_process)

        def wait() -> pd.DataFrame:
            if "null_models" not in self.__dict__:
                self.__dict__["null_models"] = collect()
            return self.null_models

        return wait
