"""The engine seam: igraph (default) and NetworKit run components, k-cores, degrees, Leiden and sampled betweenness alike.

Tests that need NetworKit skip without it; the seam itself (the default, the
error naming the extra, routing through an engine) is tested either way.
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import ecograph as eg
from ecograph.errors import EcographError, EngineError
from ecograph.measures.brokerage import SETTLED_TOP
from ecograph.measures.engines import BETWEENNESS_DELTA, Engine, IgraphEngine, get_engine, hoeffding_epsilon


def _graph_with_parts() -> eg.SparseGraph:
    """Three parts (a 4-clique with a tail, a triangle, a pair), two isolates, nodes interleaved so that labels must be renumbered."""
    G = nx.Graph()
    G.add_nodes_from(["iso1", "t1", "k1", "p1", "k2", "t2", "k3", "iso2", "k4", "t3", "p2", "tail"])
    G.add_edges_from([("k1", "k2"), ("k1", "k3"), ("k1", "k4"), ("k2", "k3"), ("k2", "k4"), ("k3", "k4"), ("k4", "tail")])
    G.add_edges_from([("t1", "t2"), ("t2", "t3"), ("t1", "t3"), ("p1", "p2")])
    return eg.SparseGraph.from_networkx(G)


def _expected_components(S: eg.SparseGraph) -> list[int]:
    """networkx's components, numbered by their first node in node order (built independently of the engines)."""
    G = S.to_networkx()
    part = {v: min(list(S.nodes).index(u) for u in comp) for comp in nx.connected_components(G) for v in comp}
    firsts = sorted(set(part.values()))
    return [firsts.index(part[v]) for v in S.nodes]


class CountingEngine(IgraphEngine):
    """igraph's routines, counting each call: shows what an Analysis asks its engine."""

    name = "counting"

    def __init__(self) -> None:
        self.calls: list[str] = []

    def components(self, S):
        self.calls.append("components")
        return super().components(S)

    def core_numbers(self, S):
        self.calls.append("core_numbers")
        return super().core_numbers(S)

    def degrees(self, S):
        self.calls.append("degrees")
        return super().degrees(S)

    def leiden(self, S, **options):
        self.calls.append("leiden")
        return super().leiden(S, **options)

    def sampled_betweenness(self, S, **options):
        self.calls.append("sampled_betweenness")
        return super().sampled_betweenness(S, **options)


# ---- the seam without NetworKit -------------------------------------------------------------------


def test_the_default_engine_is_igraph_and_matches_networkx():
    S = _graph_with_parts()
    engine = get_engine()
    assert engine.name == "igraph" and eg.Analysis(eg.datasets.tiny()).engine is engine
    assert engine.components(S).tolist() == _expected_components(S) == [0, 1, 2, 3, 2, 1, 2, 4, 2, 1, 3, 2]
    G = S.to_networkx()
    assert engine.core_numbers(S).tolist() == [nx.core_number(G)[v] for v in S.nodes]
    assert engine.degrees(S).tolist() == [G.degree(v) for v in S.nodes]


def test_networkit_missing_is_a_clear_error_naming_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "networkit", None)  # import networkit now raises ImportError, as when it is not installed
    for ask in (lambda: eg.Analysis(eg.datasets.tiny(), engine="networkit"), lambda: eg.betweenness(nx.path_graph(3), engine="networkit")):
        with pytest.raises(EngineError, match=r"pip install 'ecograph\[fast\]'") as caught:
            ask()
        assert isinstance(caught.value, EcographError) and isinstance(caught.value, ImportError)
    assert eg.Analysis(eg.datasets.tiny()).communities.n_communities == 4  # the default engine never needs it


def test_an_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="engine must be one of igraph, networkit"):
        eg.Analysis(eg.datasets.tiny(), engine="graph-tool")


def test_the_analysis_asks_its_engine_for_the_five_routines():
    eco = eg.datasets.synthetic(5_200, seed=4)  # above the exact betweenness limit: sampled
    engine = CountingEngine()
    a, b = eg.Analysis(eco, engine=engine), eg.Analysis(eco)
    assert a.degree.equals(b.degree) and a.components.equals(b.components) and a.core_numbers.equals(b.core_numbers)
    assert a.communities.membership.equals(b.communities.membership)
    assert a.brokers.equals(b.brokers) and a.brokers.attrs["method"] == "sampled"
    assert a.isolated.equals(b.isolated)
    assert sorted(set(engine.calls)) == ["components", "core_numbers", "degrees", "leiden", "sampled_betweenness"]
    assert a.brokers.attrs["engine"] == "counting" and "engine" not in b.communities.parameters  # the default is not written
    assert repr(a).endswith("seed 0, engine 'counting'>") and repr(b).endswith("seed 0>")


def test_an_analysis_can_settle_its_top_brokers_and_every_reading_uses_them(monkeypatch):
    """``Analysis(settle_brokers=k)`` passes ``top=k`` to igraph's rounds: the brokers table and the connectors read that estimate."""
    import ecograph.measures.brokerage as brokerage

    monkeypatch.setattr(brokerage, "EXACT_BETWEENNESS_LIMIT", 100)  # 600 actors are sampled (256 sources a round)
    eco = eg.datasets.synthetic(600, seed=2)
    one, settled = eg.Analysis(eco), eg.Analysis(eco, settle_brokers=10)
    assert one.brokers.attrs["samples"] == 256 and one.brokers.attrs["settled"] is None
    attrs = settled.brokers.attrs
    assert attrs["method"] == "sampled" and isinstance(attrs["settled"], bool) and attrs["samples"] % 256 == 0
    direct = eg.betweenness(settled.sparse, top=10)
    assert np.array_equal(settled.betweenness.to_numpy(), direct.to_numpy()) and attrs["samples"] == direct.attrs["samples"]
    assert not np.array_equal(one.betweenness.to_numpy(), settled.betweenness.to_numpy()) or attrs["samples"] == 256
    connectors = settled.standing.index[settled.standing["connector"].to_numpy()]
    assert set(connectors) <= set(settled.brokers.index[settled.brokers["betweenness"] > 0])
    for bad in (0, -3, 2.5, True, "20"):
        with pytest.raises(ValueError, match="settle_brokers"):
            eg.Analysis(eco, settle_brokers=bad)


def test_the_sampling_error_is_hoeffdings_bound_and_holds():
    # each source adds at most 1/(n-1) to a normalised value: Hoeffding + union bound over the n actors
    n, k, delta = 1_000, 64, BETWEENNESS_DELTA
    assert hoeffding_epsilon(n, k) == pytest.approx(n / (n - 1) * math.sqrt(math.log(2 * n / delta) / (2 * k)))
    S = eg.datasets.synthetic(1_000, seed=3).sparse_graph()
    exact = eg.betweenness(S, samples=S.n).to_numpy()
    sampled = eg.betweenness(S, samples=k, seed=1)
    assert sampled.attrs["method"] == "sampled" and sampled.attrs["engine"] == "igraph"
    # one source in each of 64 strata of 15 or 16 actors, weighted by its size
    sizes = np.diff(np.arange(k + 1) * S.n // k)
    expected = math.sqrt(np.sum(sizes**2.0) * math.log(2 * S.n / delta) / 2) / (S.n - 1)
    assert sampled.attrs["epsilon"] == pytest.approx(expected) and sampled.attrs["delta"] == delta
    assert expected == pytest.approx(hoeffding_epsilon(S.n, k), rel=1e-3)  # as a uniform draw's, the strata being near equal
    assert np.abs(sampled.to_numpy() - exact).max() <= sampled.attrs["epsilon"]
    assert eg.betweenness(S).attrs["epsilon"] == 0.0  # exact below the limit


def test_igraphs_sampled_routine_with_every_actor_as_source_gives_the_exact_values():
    """The searches run on the network renumbered along its breadth-first order: the values come back to each actor."""
    S = eg.datasets.synthetic(1_500, seed=2).sparse_graph()
    every = get_engine().sampled_betweenness(S, samples=S.n, seed=0)
    exact = eg.betweenness(S, samples=S.n).to_numpy()
    assert exact.max() > 0.05 and np.abs(every.values - exact).max() <= 1e-12


def test_stratified_sources_are_unbiased_and_vary_less_than_uniform_ones():
    """Over many seeds the stratified estimate averages to the exact values; its spread is below the uniform draw's (Brandes & Pich)."""
    G = nx.les_miserables_graph()
    S = eg.SparseGraph.from_networkx(G)
    exact = pd.Series(nx.betweenness_centrality(G)).reindex(S.nodes).to_numpy()
    draws = np.array([get_engine().sampled_betweenness(S, samples=9, seed=seed).values for seed in range(2_000)])
    spread = draws.std(axis=0)
    assert np.all(np.abs(draws.mean(axis=0) - exact) <= 4 * spread / math.sqrt(len(draws)) + 1e-12)
    # a uniform draw of 9 sources: the variance of a sample mean without replacement, from every source's dependencies
    n = S.n
    per_source = np.array([list(nx.betweenness_centrality_subset(G, [v], list(G), normalized=False).values()) for v in S.nodes])
    per_source = per_source * 2 * n / ((n - 1) * (n - 2))  # a source's share, times n: what one uniform draw estimates
    uniform_var = per_source.var(axis=0) / 9 * (n - 9) / (n - 1)
    assert np.sum(spread**2) < 0.8 * np.sum(uniform_var)


def test_an_engine_must_implement_the_routines():
    with pytest.raises(NotImplementedError):
        Engine().components(_graph_with_parts())


# ---- NetworKit -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def networkit_engine():
    pytest.importorskip("networkit")
    return get_engine("networkit")


def test_networkit_gives_identical_components_cores_and_degrees(networkit_engine):
    igraph = get_engine("igraph")
    S = _graph_with_parts()
    assert networkit_engine.components(S).tolist() == _expected_components(S)
    for graph in (S, eg.datasets.synthetic(3_000, seed=5).sparse_graph()):
        assert np.array_equal(networkit_engine.components(graph), igraph.components(graph))
        assert np.array_equal(networkit_engine.core_numbers(graph), igraph.core_numbers(graph))
        assert np.array_equal(networkit_engine.degrees(graph), igraph.degrees(graph))


def test_networkit_betweenness_lies_within_its_stated_error(networkit_engine):
    for G in (nx.karate_club_graph(), nx.les_miserables_graph(), eg.datasets.synthetic(800, seed=2).sparse_graph()):
        exact = eg.betweenness(G)
        sampled = eg.betweenness(G, samples=1, engine=networkit_engine)
        assert sampled.attrs["method"] == "sampled" and sampled.attrs["engine"] == "networkit"
        assert 0.01 <= sampled.attrs["epsilon"] <= 0.011 and sampled.attrs["samples"] > 1_000  # shortest paths drawn
        assert sampled.equals(eg.betweenness(G, samples=1, engine="networkit"))  # same seed, same values
        # every value within epsilon with probability 1 - delta = 0.9: over 10 seeds, 4 misses or more would happen 1.3% of the time
        misses = 0
        for seed in range(10):
            draw = eg.betweenness(G, samples=1, seed=seed, engine=networkit_engine)
            misses += int(np.abs(draw.to_numpy() - exact.to_numpy()).max() > draw.attrs["epsilon"])
        assert misses <= 3


def test_networkit_betweenness_does_not_depend_on_the_number_of_threads(networkit_engine):
    from ecograph.measures.engines import NetworkitEngine

    S = eg.datasets.synthetic(800, seed=2).sparse_graph()
    one = eg.betweenness(S, samples=1, engine=NetworkitEngine(threads=1))
    several = eg.betweenness(S, samples=1, engine=NetworkitEngine(threads=4))
    assert one.equals(several) and one.equals(eg.betweenness(S, samples=1, engine=networkit_engine))


def test_networkit_leiden_is_reproducible_and_as_modular(networkit_engine):
    S = eg.datasets.synthetic(3_000, seed=6).sparse_graph()
    ours = eg.detect_communities(S, seed=1, engine=networkit_engine)
    assert ours.membership.equals(eg.detect_communities(S, seed=1, engine="networkit").membership)
    assert ours.parameters["engine"] == "networkit"
    reference = eg.detect_communities(S, seed=1)
    assert abs(ours.modularity - reference.modularity) <= 0.01 * reference.modularity
    assert ours.modularity == pytest.approx(eg.modularity(S, ours))


def test_an_analysis_on_networkit_matches_igraph(networkit_engine):
    eco = eg.datasets.synthetic(5_200, seed=4)
    a, b = eg.Analysis(eco, engine="networkit"), eg.Analysis(eco)
    assert a.components.equals(b.components) and a.core_numbers.equals(b.core_numbers) and a.degree.equals(b.degree)
    assert a.isolated.equals(b.isolated)
    assert abs(a.communities.modularity - b.communities.modularity) <= 0.01 * b.communities.modularity
    assert a.brokers.attrs["engine"] == "networkit" and a.brokers.attrs["epsilon"] < b.brokers.attrs["epsilon"] / 2
    exact = eg.betweenness(a.sparse, samples=a.sparse.n)
    assert np.abs(a.betweenness - exact).max() <= a.brokers.attrs["epsilon"]


def test_the_exact_betweenness_of_igraph_and_networkit_agree(networkit_engine):
    """What the stored reference rests on: igraph's Brandes (with ecograph's pendant folding) and NetworKit's give the same values."""
    S = eg.datasets.synthetic(2_000, seed=0).sparse_graph()
    n, (u, v, _) = S.n, S.edges()
    nk = networkit_engine.nk
    graph = nk.GraphFromCoo((np.ones(len(u)), (u.astype(np.uint64), v.astype(np.uint64))), n=n, directed=False, weighted=False)
    found = nk.centrality.Betweenness(graph, normalized=False)
    found.run()
    theirs = np.asarray(found.scores()) / ((n - 1) * (n - 2))  # NetworKit counts ordered pairs: each unordered pair twice
    ours = eg.betweenness(S)
    assert ours.attrs["method"] == "exact" and np.abs(ours.to_numpy() - theirs).max() <= 1e-9


# ---- the top brokers against exact betweenness ------------------------------------------------------------

#: Exact betweenness of synthetic(100_000, seed=0), its 100 highest: written by benchmarks/exact_betweenness.py.
REFERENCE = Path(__file__).parent / "data" / "betweenness" / "synthetic-100000-seed0.csv"


def _fingerprint(S: eg.SparseGraph) -> str:
    """SHA-256 of the actor ids and ties, as benchmarks/exact_betweenness.py writes it."""
    u, v, _ = S.edges()
    digest = hashlib.sha256("\n".join(map(str, S.nodes)).encode("utf-8"))
    digest.update(np.asarray(u, dtype="<i8").tobytes())
    digest.update(np.asarray(v, dtype="<i8").tobytes())
    return digest.hexdigest()


def _shared_top(sampled: pd.Series, exact: pd.Series, k: int = 20) -> int:
    return len(set(sampled.nlargest(k).index) & set(exact.nlargest(k).index))


def test_the_stored_exact_betweenness_says_how_it_was_made():
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    assert any("benchmarks/exact_betweenness.py" in line and "python-igraph" in line for line in header)
    table = pd.read_csv(REFERENCE, comment="#")
    assert table.columns.tolist() == ["rank", "actor", "betweenness"] and table["rank"].tolist() == list(range(1, 101))
    assert table["betweenness"].is_monotonic_decreasing and table["betweenness"].between(0, 1).all()
    assert table["actor"].is_unique


@pytest.mark.slow
def test_at_100000_actors_the_top_brokers_match_exact_betweenness():
    """Issue 21: at 100,000 actors the top 20 brokers of either engine share at least 18 with exact betweenness (stored)."""
    S = eg.Analysis(eg.datasets.synthetic(100_000, seed=0)).sparse
    header = [line for line in REFERENCE.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    made_from = f"# actors {S.n}, ties {S.m}, sha256 {_fingerprint(S)}"
    assert made_from in header, "the synthetic network changed: run python benchmarks/exact_betweenness.py again"
    table = pd.read_csv(REFERENCE, comment="#")
    exact = pd.Series(table["betweenness"].to_numpy(), index=table["actor"].astype(str))
    sampled = eg.betweenness(S, top=SETTLED_TOP)
    assert sampled.attrs["method"] == "sampled" and sampled.attrs["settled"] is True
    assert _shared_top(sampled, exact) >= 18
    one_round = eg.betweenness(S)  # the default, what the report reads: one round of 256 stratified sources
    assert one_round.attrs["samples"] == 256 and one_round.attrs["settled"] is None and _shared_top(one_round, exact) >= 17
    common = exact.index[:20]
    assert np.abs(sampled[common] - exact[common]).max() <= sampled.attrs["epsilon"]
    if importlib.util.find_spec("networkit") is not None:
        fast = eg.betweenness(S, engine="networkit")
        assert _shared_top(fast, exact) >= 18
        assert np.abs(fast[common] - exact[common]).max() <= fast.attrs["epsilon"]


@pytest.mark.slow
def test_at_6000_actors_the_top_brokers_match_exact_betweenness():
    """The same at 6,000 actors, where exact betweenness takes seconds: for five seeds of igraph's rounds, and NetworKit."""
    S = eg.datasets.synthetic(6_000, seed=0).sparse_graph()
    exact = eg.betweenness(S, samples=S.n)
    for seed in range(5):
        sampled = eg.betweenness(S, seed=seed, top=SETTLED_TOP)
        assert sampled.attrs["settled"] is True and sampled.attrs["samples"] % 256 == 0
        assert _shared_top(sampled, exact) >= 18
    if importlib.util.find_spec("networkit") is not None:
        fast = eg.betweenness(S, engine="networkit")
        assert np.abs(fast - exact).max() <= fast.attrs["epsilon"]
        assert _shared_top(fast, exact) >= 18


@pytest.mark.slow
def test_at_100000_actors_the_engines_agree(networkit_engine):
    """The issue's agreement at 100,000 actors: components identical, Leiden modularity within 1%, betweenness sampled with its error."""
    S = eg.datasets.synthetic(100_000, seed=0).sparse_graph()
    igraph = get_engine("igraph")
    assert np.array_equal(networkit_engine.components(S), igraph.components(S))
    q_nk = eg.detect_communities(S, seed=0, engine=networkit_engine).modularity
    q_ig = eg.detect_communities(S, seed=0).modularity
    assert abs(q_nk - q_ig) <= 0.01 * q_ig
    fast = eg.betweenness(S, engine=networkit_engine)
    assert fast.attrs["method"] == "sampled" and fast.attrs["epsilon"] == pytest.approx(0.01, rel=1e-4)
