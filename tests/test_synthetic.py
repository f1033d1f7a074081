"""The synthetic generator is calibrated on the study and deterministic."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import ecograph as eg
from ecograph.datasets.synthetic import STUDY_LOCAL_SHARE, STUDY_SPHERE_COUNTS


@pytest.fixture(scope="module")
def eco():
    return eg.datasets.synthetic(20_000, seed=3)


def test_sphere_shares_follow_the_study(eco):
    spheres = eco.actors.loc[eco.actors["sphere"] != "", "sphere"].value_counts(normalize=True)
    total = sum(STUDY_SPHERE_COUNTS.values())
    for sphere, count in STUDY_SPHERE_COUNTS.items():
        assert spheres[sphere] == pytest.approx(count / total, abs=0.04), sphere


def test_local_share_follows_the_study(eco):
    assert (eco.actors["scope"] == "local").mean() == pytest.approx(STUDY_LOCAL_SHARE, abs=0.02)


def test_half_of_local_initiatives_are_young(eco):
    a = eco.actors
    local = a[(a["scope"] == "local") & (a["kind"] == "initiative")]
    young = (2018 - local["founded"]) < 3
    assert young.mean() == pytest.approx(0.5, abs=0.05)


def test_heavy_tailed_degrees_with_hubs(eco):
    G = eco.graph(provenance=False, via_people=False)
    deg = pd.Series(dict(G.degree()))
    mean = deg[deg > 0].mean()
    assert 5 <= mean <= 10
    assert deg.max() > 10 * mean
    hubs = deg.nlargest(50).index
    assert eco.actors.loc[hubs, "kind"].isin(["support_structure", "institution", "school"]).mean() > 0.8


def test_dense_within_communities_sparse_across_spheres(eco):
    G = eco.graph(provenance=False, via_people=False)
    comm = eco.actors["community"]
    sphere = eco.actors["sphere"]
    same_comm = sum(1 for u, v in G.edges if comm[u] == comm[v])
    assert same_comm / G.number_of_edges() > 0.5
    # density inside communities is far above density between spheres
    sizes = comm.value_counts()
    within_pairs = (sizes * (sizes - 1) / 2).sum()
    within_density = same_comm / within_pairs
    s_sizes = sphere[sphere != ""].value_counts()
    cross_pairs = (s_sizes.sum() ** 2 - (s_sizes**2).sum()) / 2
    cross = sum(1 for u, v in G.edges if sphere[u] and sphere[v] and sphere[u] != sphere[v])
    assert within_density > 20 * (cross / cross_pairs)


def test_isolated_actors_and_small_components(eco):
    G = eco.graph(provenance=False, via_people=False)
    assert 0.01 < nx.number_of_isolates(G) / G.number_of_nodes() < 0.08
    sizes = sorted((len(c) for c in nx.connected_components(G)), reverse=True)
    assert sizes[0] > 0.85 * G.number_of_nodes()
    assert any(2 <= s <= 4 for s in sizes[1:])


def test_people_move_between_structures(eco):
    links = eco.people_links()
    kinds = links["kind"].value_counts()
    assert kinds["moved"] > 2 * kinds["shared"] > 0
    assert (links["source"] != links["target"]).all()


def test_tables_follow_the_schema_types(eco):
    tiny = eg.datasets.tiny()
    for table in ("actors", "ties", "affiliations", "people"):
        synth = getattr(eco, table)
        ref = getattr(tiny, table)
        for col in ref.columns:
            assert synth[col].dtype == ref[col].dtype, (table, col)
    assert eco.ties["source"].isin(eco.actors.index).all() and eco.ties["target"].isin(eco.actors.index).all()
    assert eco.affiliations["actor"].isin(eco.actors.index).all()
    assert eco.actors.index.is_unique


def test_same_seed_same_tables_other_seed_other_tables():
    a, b, c = (eg.datasets.synthetic(3000, seed=s) for s in (7, 7, 8))
    for table in ("actors", "ties", "people", "affiliations"):
        pd.testing.assert_frame_equal(getattr(a, table), getattr(b, table))
    assert not a.ties.equals(c.ties)


def test_says_it_is_synthetic(eco):
    assert eco.synthetic
    assert eco.ties["evidence"].str.startswith("synthetic data").all()
    assert "[SYNTHETIC DATA]" in str(eco.summary())
    assert eco.graph(provenance=False).graph["synthetic"] is True


def test_too_small():
    with pytest.raises(ValueError, match="at least 2"):
        eg.datasets.synthetic(1)


def test_any_size_works():
    for n in (2, 10, 101):
        eco = eg.datasets.synthetic(n, seed=0)
        assert len(eco.actors) == n
        assert np.all(eco.ties["source"] != eco.ties["target"])
