"""Engines: the compiled library that runs the heavy graph routines, chosen in one place.

Five routines of the measures are the ones that grow with the network:
connected components, k-core shells, degrees, Leiden communities and sampled
betweenness. Each :class:`Engine` runs them from the
:class:`~ecograph.SparseGraph`'s arrays (never through networkx) and returns
arrays in node order, so the measures read the same thing whichever runs them.

``"igraph"`` (the default)
    python-igraph and scipy, as ecograph always ran: components by
    :func:`scipy.sparse.csgraph.connected_components`, coreness, Leiden and
    betweenness from source actors drawn with the seed (Brandes & Pich), one
    in each of :data:`~ecograph.measures.brokerage.DEFAULT_SAMPLES` stretches
    of a breadth-first order, in rounds until the top brokers settle.
``"networkit"``
    NetworKit (C++, parallel; ``pip install 'ecograph[fast]'``): its
    connected components, core decomposition, degrees, parallel Leiden (run
    on one thread: on several the partition depends on how the threads
    interleave, and ecograph's outputs are reproducible) and KADABRA's
    adaptive sampling of shortest paths for betweenness, which guarantees
    every actor's value within :data:`BETWEENNESS_EPSILON` of the exact one
    with probability at least ``1 - BETWEENNESS_DELTA``, for all actors at
    once (Borassi & Natale 2016), in a fraction of igraph's time.

Both engines give the same components (numbered by their first actor), the
same k-core shells and degrees; Leiden's modularity and the sampled
betweenness agree within the sampling: the tests check it. Every sampled
betweenness states its error: ``epsilon`` and ``delta`` in its ``attrs``.
For igraph's sources it is Hoeffding's bound over every actor: each source
adds at most ``1 / (n - 1)`` to an actor's normalised value, so with ``k``
sources all values lie within ``n / (n - 1) * sqrt(ln(2 n / delta) / (2 k))``
of the exact ones with probability ``1 - delta``.

References
----------
.. [1] Brandes, U. & Pich, C. (2007). Centrality estimation in large
   networks. *Int. J. Bifurcation and Chaos* 17(7), 2303-2318.
.. [2] Borassi, M. & Natale, E. (2016). KADABRA is an ADaptive Algorithm for
   Betweenness via Random Approximation. *ESA 2016*, 20:1-20:18.
.. [3] Hoeffding, W. (1963). Probability inequalities for sums of bounded
   random variables. *JASA* 58(301), 13-30.
.. [4] Staudt, C. L., Sazonovs, A. & Meyerhenke, H. (2016). NetworKit: a tool
   suite for large-scale complex network analysis. *Network Science* 4(4),
   508-530.

Examples
--------
>>> import networkx as nx
>>> from ecograph import SparseGraph
>>> S = SparseGraph.from_networkx(nx.Graph([(0, 1), (1, 2), (3, 4)]))
>>> engine = get_engine("igraph")
>>> engine.components(S).tolist(), engine.core_numbers(S).tolist(), engine.degrees(S).tolist()
([0, 0, 0, 1, 1], [1, 1, 1, 1, 1], [1, 2, 1, 1, 1])
>>> get_engine("graph-tool")
Traceback (most recent call last):
...
ValueError: engine must be one of igraph, networkit (got 'graph-tool')
"""

from __future__ import annotations

import math
import random
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

import numpy as np
from scipy.sparse.csgraph import connected_components, reverse_cuthill_mckee

from ..errors import EngineError
from ..sparse import SparseGraph, igraph_module

__all__ = [
    "BETWEENNESS_DELTA",
    "BETWEENNESS_EPSILON",
    "ENGINES",
    "Engine",
    "Estimate",
    "IgraphEngine",
    "NetworkitEngine",
    "SETTLE_ROUNDS",
    "SETTLED_SHARE",
    "UNTIL_STABLE_RUNS",
    "get_engine",
    "hoeffding_epsilon",
    "igraph_seed",
    "networkit_module",
    "path_order",
]

#: The engines by name, the default first.
ENGINES = ("igraph", "networkit")
#: Additive error of NetworKit's betweenness (KADABRA), on the normalised scale, for every actor at once.
BETWEENNESS_EPSILON = 0.01
#: Leiden runs of NetworKit for ``n_iterations=-1`` (igraph's "until the partition no longer changes"): it stops earlier when stable.
UNTIL_STABLE_RUNS = 50
#: Probability that some actor's sampled betweenness lies further than its stated error (both engines).
BETWEENNESS_DELTA = 0.1
#: Rounds of sources igraph draws at most when asked to settle the top actors (each round as many sources as the first).
SETTLE_ROUNDS = 16
#: Share of the top actors that igraph's estimate and each of its two halves must share for the top to be settled.
SETTLED_SHARE = 0.95


class Estimate(NamedTuple):
    """A sampled betweenness: normalised values in node order, the samples drawn and the error stated.

    >>> import networkx as nx
    >>> from ecograph import SparseGraph
    >>> e = get_engine().sampled_betweenness(SparseGraph.from_networkx(nx.path_graph(5)), samples=2, seed=0)
    >>> e.method, e.samples, e.delta
    ('sources', 2, 0.1)
    """

    values: np.ndarray
    method: str  # "sources" (Brandes & Pich) or "kadabra" (shortest paths, Borassi & Natale)
    samples: int  # sources, or shortest paths sampled
    epsilon: float  # every value within epsilon of the exact one...
    delta: float  # ...with probability at least 1 - delta
    settled: bool | None = None  # for a top asked to be settled: whether it was, before the rounds ran out


def hoeffding_epsilon(n: int, samples: int, delta: float = BETWEENNESS_DELTA, *, weights: np.ndarray | None = None) -> float:
    """Error of betweenness estimated from ``samples`` sources among ``n`` actors, for every actor at once.

    Each source ``s`` adds ``δ_s(v) / ((n - 1)(n - 2))`` to the normalised
    betweenness of ``v``, a share in ``[0, 1 / (n - 1)]``; the estimate
    weighs each sampled source (``n / samples`` for a uniform draw, the size
    of its stratum for a stratified one, divided by the rounds), so its
    terms are independent (Hoeffding's inequality also holds for draws
    without replacement) and bounded by ``weight / (n - 1)``: Hoeffding and a
    union bound over the ``n`` actors give
    ``sqrt(Σ weight² · ln(2 n / delta) / 2) / (n - 1)``, that is
    ``n / (n - 1) * sqrt(ln(2 n / delta) / (2 samples))`` for equal weights.
    It is a guarantee, often loose: the ranking of the top brokers is far
    steadier than it says.

    >>> round(hoeffding_epsilon(1_000_000, 256), 3), hoeffding_epsilon(10, 10)
    (0.181, 0.0)
    >>> hoeffding_epsilon(1_000, 4, weights=np.full(4, 250.0)) == hoeffding_epsilon(1_000, 4)
    True
    """
    if weights is None:
        if samples >= n:
            return 0.0
        return n / (n - 1) * math.sqrt(math.log(2 * n / delta) / (2 * samples))
    return math.sqrt(float(np.sum(np.square(weights))) * math.log(2 * n / delta) / 2) / (n - 1)


def path_order(S: SparseGraph) -> np.ndarray:
    """The actors' positions in the order of a breadth-first sweep (reverse Cuthill-McKee): actors close in the network come close.

    Cut into consecutive strata, it spreads sampled sources over the whole
    network: one source per stratum is a stratified sample whose betweenness
    estimate varies less than a uniform draw's (sources near one another see
    the network alike).

    >>> import networkx as nx
    >>> from ecograph import SparseGraph
    >>> path_order(SparseGraph.from_networkx(nx.path_graph(4))).tolist()
    [3, 2, 1, 0]
    """
    return np.asarray(reverse_cuthill_mckee(S.binary.tocsr(), symmetric_mode=True), dtype=np.int64)


def _top(values: np.ndarray, k: int) -> set[int]:
    """Positions of the ``k`` largest values (ties by position)."""
    return set(np.lexsort((np.arange(len(values)), -values))[:k].tolist())


# ---- igraph's random generator, seeded --------------------------------------------------------------

_GENERATORS: list = [random]


@contextmanager
def igraph_seed(seed: int) -> Iterator[None]:
    """Run igraph with a private random generator seeded with ``seed``.

    Contexts nest: leaving one gives igraph back the generator of the
    enclosing one (igraph has no getter, so ecograph keeps the stack).
    """
    igraph = igraph_module()
    generator = random.Random(seed)
    _GENERATORS.append(generator)
    igraph.set_random_number_generator(generator)
    try:
        yield
    finally:
        _GENERATORS.pop()
        igraph.set_random_number_generator(_GENERATORS[-1])


def networkit_module() -> Any:
    """The ``networkit`` module, imported on first use, or an :class:`~ecograph.errors.EngineError` naming the extra to install.

    >>> try:
    ...     found = networkit_module().__name__
    ... except EngineError as exc:
    ...     found = "networkit" if "pip install 'ecograph[fast]'" in str(exc) else str(exc)
    >>> found
    'networkit'
    """
    try:
        import networkit  # optional: the "fast" extra
    except ImportError as exc:
        raise EngineError(
            "engine='networkit' needs the NetworKit package, which is not installed: "
            "pip install 'ecograph[fast]' (or pip install networkit), or use engine='igraph'"
        ) from exc
    return networkit


def _first_member_order(labels: np.ndarray) -> np.ndarray:
    """Relabel a partition so that parts are numbered by their first node."""
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    return rank[inverse.ravel()]


class Engine:
    """What an engine runs: five routines on a :class:`~ecograph.SparseGraph`, each returning an array in node order.

    Subclasses set :attr:`name` and implement the routines; measures take an
    engine (or its name) through :func:`get_engine`.

    >>> class Counting(IgraphEngine):
    ...     name = "counting"
    ...     def degrees(self, S):
    ...         print("asked for degrees")
    ...         return super().degrees(S)
    >>> import ecograph as eg
    >>> int(eg.Analysis(eg.datasets.tiny(), engine=Counting()).degree.max())
    asked for degrees
    4
    """

    name: str = ""

    def __repr__(self) -> str:
        return f"<{self.name} engine>"

    def components(self, S: SparseGraph) -> np.ndarray:
        """Connected component of every node, numbered by the position of its first node (0 holds node 0)."""
        raise NotImplementedError

    def core_numbers(self, S: SparseGraph) -> np.ndarray:
        """k-core shell of every node (0 for an isolate)."""
        raise NotImplementedError

    def degrees(self, S: SparseGraph) -> np.ndarray:
        """Number of neighbours of every node."""
        raise NotImplementedError

    def leiden(self, S: SparseGraph, *, seed: int, resolution: float = 1.0, n_iterations: int = 2, weighted: bool = False) -> np.ndarray:
        """Leiden communities optimising modularity: a community label per node (labels in no particular order)."""
        raise NotImplementedError

    def sampled_betweenness(self, S: SparseGraph, *, samples: int, seed: int, top: int | None = None) -> Estimate:
        """Normalised betweenness estimated by sampling, with its error stated; ``top``: the top actors are read, sample until they settle."""
        raise NotImplementedError


class IgraphEngine(Engine):
    """python-igraph and scipy: ecograph's default engine.

    >>> import networkx as nx
    >>> from ecograph import SparseGraph
    >>> IgraphEngine().core_numbers(SparseGraph.from_networkx(nx.complete_graph(4))).tolist()
    [3, 3, 3, 3]
    """

    name = "igraph"

    def components(self, S: SparseGraph) -> np.ndarray:
        return _first_member_order(connected_components(S.adjacency, directed=False)[1])

    def core_numbers(self, S: SparseGraph) -> np.ndarray:
        return np.asarray(S.igraph().coreness(), dtype=np.int64)

    def degrees(self, S: SparseGraph) -> np.ndarray:
        return S.degrees()

    def leiden(self, S: SparseGraph, *, seed: int, resolution: float = 1.0, n_iterations: int = 2, weighted: bool = False) -> np.ndarray:
        with igraph_seed(seed):
            found = S.igraph().community_leiden(
                objective_function="modularity", weights="weight" if weighted else None, resolution=resolution, n_iterations=n_iterations
            )
        return np.asarray(found.membership, dtype=np.int64)

    def sampled_betweenness(self, S: SparseGraph, *, samples: int, seed: int, top: int | None = None) -> Estimate:
        """Brandes & Pich's estimator from ``samples`` sources, stratified along :func:`path_order`, in rounds when ``top`` is given.

        The actors, in :func:`path_order`, are cut into ``samples``
        consecutive strata and one source is drawn in each, weighted by its
        stratum's size: an unbiased estimate. With ``top``, rounds of as
        many sources are added until the top actors are settled: the
        strata are paired, one of each pair goes (at random) to each of two
        halves, each half an unbiased estimate on its own, and the rounds
        stop when the whole and each half share :data:`SETTLED_SHARE` of
        their ``top`` actors (a half differs from the whole as much as the
        whole is expected to differ from the exact values), or after
        :data:`SETTLE_ROUNDS` rounds. As the rounds stop on what they found,
        their error is Hoeffding's bound at ``delta / SETTLE_ROUNDS`` (it then
        holds whichever round they stop at).
        """
        n = S.n
        rng = np.random.default_rng(seed)
        order = path_order(S)
        directed = _in_path_order(S, order)
        lo = np.arange(samples, dtype=np.int64) * n // samples
        size = np.diff(np.append(lo, n))
        parts, rounds, settled = np.zeros((2 if top else 1, n)), 0, None
        while True:
            rounds += 1
            sources = lo + (rng.random(samples) * size).astype(np.int64)  # positions in path order
            for part, weight in zip(parts, _half_weights(size, rng) if top else (size,)):
                for w in np.unique(weight[weight > 0]):  # igraph sums unweighted: one call per weight
                    picked = sources[weight == w].tolist()
                    part += w * np.asarray(directed.betweenness(directed=True, sources=picked), dtype=float)
            if not top:
                break
            whole, need = parts.sum(axis=0), math.ceil(SETTLED_SHARE * top)
            settled = min(len(_top(whole, top) & _top(half, top)) for half in parts) >= need
            if settled or rounds == SETTLE_ROUNDS:
                break
        # each part estimates the sum of all sources' dependencies (every pair twice, once from each end)
        scale = 1.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
        values = np.empty(n)
        values[order] = parts.mean(axis=0) / rounds * scale
        # the rounds stop on what they found: the bound is taken over every round they could stop at (a union bound)
        delta = BETWEENNESS_DELTA / (SETTLE_ROUNDS if top else 1)
        epsilon = hoeffding_epsilon(n, samples * rounds, delta, weights=np.tile(size / rounds, rounds))
        return Estimate(values, "sources", int(samples * rounds), epsilon, BETWEENNESS_DELTA, settled)


def _in_path_order(S: SparseGraph, order: np.ndarray) -> Any:
    """The network as a directed igraph Graph (each tie both ways), its vertex ``i`` the actor at ``order[i]``.

    Breadth-first searches walk neighbours that now lie close in memory:
    on 100,000 synthetic actors the sampled sources' searches run about
    1.5 times as fast as in the actors' own order (same values).
    """
    return S.igraph().permute_vertices(order.tolist()).as_directed(mode="mutual")  # new vertex i is old order[i]


def _half_weights(size: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Weights of each stratum's source in two halves: of each pair of strata, one (at random) counts twice in each half.

    Each half is then an unbiased estimate, and their mean is the whole
    stratified one; an unpaired last stratum counts once in both.
    """
    k = len(size)
    first = np.zeros(k)
    pairs = np.arange(k // 2) * 2
    chosen = pairs + (rng.random(len(pairs)) < 0.5)
    first[chosen] = 2 * size[chosen]
    second = 2 * size - first
    if k % 2:
        first[-1] = second[-1] = size[-1]
    return first, second


class NetworkitEngine(Engine):
    """NetworKit (``pip install 'ecograph[fast]'``): parallel C++ routines, fed from the sparse arrays.

    Parameters
    ----------
    threads : int, optional
        Threads NetworKit may use; by default its own (every core).

    Raises
    ------
    EngineError
        When NetworKit is not installed (the message names the extra).

    Examples
    --------
    >>> import networkx as nx
    >>> from ecograph import SparseGraph
    >>> S = SparseGraph.from_networkx(nx.Graph([(0, 1), (2, 3)]))
    >>> try:
    ...     labels = NetworkitEngine().components(S).tolist()
    ... except EngineError:  # NetworKit not installed: igraph's give the same
    ...     labels = IgraphEngine().components(S).tolist()
    >>> labels
    [0, 0, 1, 1]
    """

    name = "networkit"

    def __init__(self, *, threads: int | None = None) -> None:
        self.nk = networkit_module()
        if threads is not None:
            self.nk.setNumberOfThreads(int(threads))

    def graph(self, S: SparseGraph, *, weighted: bool = False) -> Any:
        """The NetworKit graph of ``S`` (node ``i`` is ``S.nodes[i]``), built from its edge arrays once per graph."""
        built = _NETWORKIT_GRAPHS.setdefault(S, {})
        if weighted not in built:
            u, v, w = S.edges()
            data = (w if weighted else np.ones(len(u)), (u.astype(np.uint64), v.astype(np.uint64)))
            built[weighted] = self.nk.GraphFromCoo(data, n=S.n, directed=False, weighted=weighted)
        return built[weighted]

    def components(self, S: SparseGraph) -> np.ndarray:
        found = self.nk.components.ConnectedComponents(self.graph(S))
        found.run()
        return _first_member_order(np.asarray(found.getPartition().getVector(), dtype=np.int64))

    def core_numbers(self, S: SparseGraph) -> np.ndarray:
        found = self.nk.centrality.CoreDecomposition(self.graph(S))
        found.run()
        return np.asarray(found.scores(), dtype=np.int64)

    def degrees(self, S: SparseGraph) -> np.ndarray:
        found = self.nk.centrality.DegreeCentrality(self.graph(S))
        found.run()
        return np.asarray(found.scores(), dtype=np.int64)

    def leiden(self, S: SparseGraph, *, seed: int, resolution: float = 1.0, n_iterations: int = 2, weighted: bool = False) -> np.ndarray:
        graph = self.graph(S, weighted=weighted)
        runs = n_iterations if n_iterations > 0 else UNTIL_STABLE_RUNS
        threads = self.nk.getMaxNumberOfThreads()
        self.nk.setNumberOfThreads(1)  # on several threads the partition depends on their interleaving: one keeps it reproducible
        try:
            self.nk.engineering.setSeed(int(seed), True)
            found = self.nk.community.ParallelLeiden(graph, randomize=True, iterations=runs, gamma=resolution)
            found.run()
        finally:
            self.nk.setNumberOfThreads(threads)
        return np.asarray(found.getPartition().getVector(), dtype=np.int64)

    def sampled_betweenness(self, S: SparseGraph, *, samples: int, seed: int, top: int | None = None) -> Estimate:
        """KADABRA to :data:`BETWEENNESS_EPSILON` for every actor (``samples`` and ``top`` play no part: it stops by its own bound)."""
        n = S.n
        threads = self.nk.getMaxNumberOfThreads()
        self.nk.setNumberOfThreads(1)  # the paths each thread draws depend on the number of threads: one keeps the values reproducible
        try:
            self.nk.engineering.setSeed(int(seed), True)
            found = self.nk.centrality.KadabraBetweenness(self.graph(S), BETWEENNESS_EPSILON, BETWEENNESS_DELTA, True)
            found.run()
        finally:
            self.nk.setNumberOfThreads(threads)
        # KADABRA estimates the share of the n (n - 1) ordered pairs whose shortest paths pass through v, and
        # NetworKit reports twice that share; the normalised betweenness divides by the (n - 1)(n - 2) pairs
        # that leave v out: n / (n - 2) times the share, and so is the error
        share = np.asarray(found.scores(), dtype=float) / 2.0
        values = share * (n / (n - 2) if n > 2 else 0.0)
        return Estimate(values, "kadabra", int(found.getNumberOfIterations()), BETWEENNESS_EPSILON * n / (n - 2), BETWEENNESS_DELTA)


def get_engine(engine: str | Engine = "igraph") -> Engine:
    """The engine named ``engine`` (an :class:`Engine` is returned as is).

    Raises
    ------
    ValueError
        For a name not in :data:`ENGINES`.
    EngineError
        For ``"networkit"`` when NetworKit is not installed.

    >>> get_engine(), get_engine(get_engine()).name
    (<igraph engine>, 'igraph')
    """
    if isinstance(engine, Engine):
        return engine
    if engine == "igraph":
        return _IGRAPH
    if engine == "networkit":
        return NetworkitEngine()
    raise ValueError(f"engine must be one of {', '.join(ENGINES)} (got {engine!r})")


_IGRAPH = IgraphEngine()
#: NetworKit graphs built, per SparseGraph (dropped with it) and weighting: every engine object shares them.
_NETWORKIT_GRAPHS: weakref.WeakKeyDictionary[SparseGraph, dict[bool, Any]] = weakref.WeakKeyDictionary()
