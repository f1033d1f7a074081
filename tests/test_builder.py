"""One table-to-graph semantics: eco.graph() and eco.sparse_graph() agree for every argument form.

Also the sparse form of a networkx graph kept in networkx's own cache, and
dropped when the graph's structure changes.
"""

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import ecograph as eg
from ecograph.errors import EcographError

DATASETS = {
    "tiny": eg.datasets.tiny,
    "dijon": eg.datasets.dijon,
    "synthetic": lambda: eg.datasets.synthetic(1500, seed=3),
}

FORMS = [
    {},
    {"via_people": False},
    {"tie_types": "co_organisation"},
    {"tie_types": ["co_organisation"]},
    {"tie_types": ("partnership", "co_organisation")},
    {"tie_types": {"partnership", "support", "funding"}},
    {"tie_types": []},
    {"as_of": 2012},
    {"as_of": 2016, "via_people": False},
    {"as_of": 2018, "tie_types": ["partnership", "membership"]},
]


@pytest.fixture(scope="module", params=sorted(DATASETS))
def eco(request):
    return DATASETS[request.param]()


@pytest.mark.parametrize("form", FORMS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items()) or "default")
def test_graph_and_sparse_graph_agree(eco, form):
    G = eco.graph(**form)
    S = eco.sparse_graph(**form)
    W = eg.as_sparse(G, weight="weight")
    assert list(S.nodes) == list(W.nodes) == list(G.nodes)
    assert (S.adjacency != W.adjacency).nnz == 0
    # the edges are those of the tables, counted independently
    tables = eg.graphs.network_tables(eco, **form)
    pairs = {frozenset(p) for p in zip(tables.ties["source"], tables.ties["target"])}
    pairs |= {frozenset(p) for p in zip(tables.links["source"], tables.links["target"])}
    assert S.m == G.number_of_edges() == len(pairs)


def test_igraph_form_has_the_networkx_edges_and_weights(eco):
    G = eco.graph()
    S = eco.sparse_graph()
    g = S.igraph()
    names = list(S.nodes)
    got = {frozenset((names[a], names[b])): w for (a, b), w in zip(g.get_edgelist(), g.es["weight"], strict=True)}
    assert g.vcount() == G.number_of_nodes() and not g.is_directed()
    assert got == {frozenset((u, v)): d["weight"] for u, v, d in G.edges(data=True)}


def test_a_single_tie_type_is_one_type_not_its_letters():
    eco = eg.datasets.synthetic(1500, seed=3)
    expected = int((eco.ties["type"] == "co_organisation").sum())
    assert expected > 0
    G = eco.graph(tie_types="co_organisation", via_people=False)
    S = eco.sparse_graph(tie_types="co_organisation", via_people=False)
    assert sum(d["n_ties"] for _, _, d in G.edges(data=True)) == expected
    assert S.m == G.number_of_edges()


@pytest.mark.parametrize("build", ["graph", "sparse_graph"])
def test_unknown_tie_types_are_reported_the_same_way(build):
    eco = eg.datasets.tiny()
    with pytest.raises(EcographError, match=r"unknown tie type\(s\) \['partnerships'\]; valid types: partnership"):
        getattr(eco, build)(tie_types=["partnerships"])


def test_people_links_are_derived_once_and_follow_edits():
    eco = eg.datasets.tiny()
    first = eco.people_links()
    first.loc[:, "person"] = "changed by the caller"
    assert eco.people_links()["person"].tolist() == ["p1", "p2"]  # the caller's copy, not the kept table
    eco.affiliations = eco.affiliations[eco.affiliations["person"] != "p1"]
    assert eco.people_links()["person"].tolist() == ["p2"]


def test_sparse_form_is_cached_on_the_networkx_graph():
    G = nx.karate_club_graph()
    S = eg.as_sparse(G)
    assert eg.as_sparse(G) is S
    assert eg.as_sparse(G, weight="weight") is not eg.as_sparse(G, weight="weight")  # weights are never cached
    G.add_edge(0, 9)  # networkx empties its cache on a structural change
    assert eg.as_sparse(G) is not S and eg.as_sparse(G).m == S.m + 1
    G.remove_node(33)
    assert eg.as_sparse(G).n == 33


def test_attributes_are_read_fresh_from_the_cached_graph():
    G = nx.karate_club_graph()
    before = eg.ei_index(G, "club")
    nx.set_node_attributes(G, {n: n % 2 for n in G}, "club")  # attributes change, the structure does not
    assert eg.as_sparse(G) is eg.as_sparse(G)
    assert before == pytest.approx(-0.718, abs=1e-3)
    external = sum((u % 2) != (v % 2) for u, v in G.edges())
    assert eg.ei_index(G, "club") == pytest.approx((2 * external - G.number_of_edges()) / G.number_of_edges())


def test_cache_respects_networkx_config():
    G = nx.path_graph(5)
    nx.config.cache_converted_graphs = False
    try:
        assert eg.as_sparse(G) is not eg.as_sparse(G)
    finally:
        nx.config.cache_converted_graphs = True


def test_measures_on_the_graph_convert_it_once(monkeypatch):
    G = eg.datasets.dijon().graph()
    calls = []
    original = eg.SparseGraph.from_networkx.__func__

    def counting(cls, graph, **kwargs):
        calls.append(kwargs.get("weight"))
        return original(cls, graph, **kwargs)

    monkeypatch.setattr(eg.SparseGraph, "from_networkx", classmethod(counting))
    eg.density(G)
    eg.bridges(G)
    eg.cut_points(G)
    eg.isolated_actors(G)
    eg.detect_communities(G, seed=0)
    eg.headline_measures(G)
    assert calls == [None]
    assert np.isfinite(eg.density(G))


def test_importing_ecograph_or_its_command_line_does_not_load_matplotlib():
    import subprocess
    import sys

    code = (
        "import sys, ecograph as eg, ecograph.cli, ecograph.report; "
        "assert not [m for m in sys.modules if m.startswith('matplotlib')], 'matplotlib loaded on import'; "
        "eg.figures.figure_block_density(eg.Analysis(eg.datasets.tiny()).block_density); "
        "assert 'matplotlib.pyplot' in sys.modules  # the first figure loads it"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("name", ["dijon", "synthetic"])
def test_observed_part_keeps_the_links_it_would_derive_itself(name):
    """Dijon loses recommendations and observers (and their affiliations); the synthetic data lose nothing."""
    eco = eg.datasets.dijon() if name == "dijon" else eg.datasets.synthetic(800, seed=4)
    obs = eco.observed()
    lost = len(eco.actors) - len(obs.actors)
    assert (lost > 0 and len(obs.affiliations) < len(eco.affiliations)) if name == "dijon" else lost == 0
    fresh = eg.graphs.people_links(obs)  # derived from the observed tables, no memo
    pd.testing.assert_frame_equal(obs.people_links(), fresh)
    pd.testing.assert_frame_equal(obs.people_links(as_of=2018), eg.graphs.people_links(obs, as_of=2018))
    kept = eco.ties["source"].isin(obs.actors.index) & eco.ties["target"].isin(obs.actors.index)
    kept &= ~eco.ties["status"].isin(["proposed", "cited"])
    pd.testing.assert_frame_equal(obs.ties, eco.ties[kept].reset_index(drop=True))


def test_people_links_follow_edits_in_place():
    eco = eg.datasets.dijon()
    before = eco.people_links()
    moved = before.index[before["kind"] == "moved"][0]
    rows = eco.affiliations.index[(eco.affiliations["person"] == before.loc[moved, "person"]) & (eco.affiliations["end"] != "")]
    eco.affiliations.loc[rows, "end"] = ""  # no end any more: not a move but a shared link
    after = eco.people_links()
    pd.testing.assert_frame_equal(after, eg.graphs.people_links(eco))
    assert after.loc[moved, "kind"] == "shared" and (after["kind"] != before["kind"]).sum() == 1
    eco.affiliations = eco.affiliations.iloc[::-1]  # same rows in another order: fingerprinted anew
    pd.testing.assert_frame_equal(eco.people_links(), eg.graphs.people_links(eco))
    eco.affiliations = eco.affiliations.assign(role=eco.affiliations["role"].where(eco.affiliations["person"] != "premice-alumni-a"))
    assert eco.affiliations["role"].isna().any()  # NaN hashes by identity: pandas' hash, the same on each call
    assert eco._affiliations_fingerprint() == eco._affiliations_fingerprint()
    pd.testing.assert_frame_equal(eco.people_links(), eg.graphs.people_links(eco))
