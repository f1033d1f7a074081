"""Layouts: seeded, packed, and the community-aware default keeps communities apart (silhouette)."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import ecograph as eg
from ecograph.views.layout import layout, silhouette


def brute_force_silhouette(xy: np.ndarray, labels: list) -> float:
    """Rousseeuw's definition, one actor at a time (sklearn's convention: 0 for a group of one)."""
    values = []
    for i in range(len(xy)):
        d = np.sqrt(((xy - xy[i]) ** 2).sum(axis=1))
        own = [j for j in range(len(xy)) if labels[j] == labels[i] and j != i]
        if not own:
            values.append(0.0)
            continue
        a = d[own].mean()
        b = min(d[[j for j in range(len(xy)) if labels[j] == g]].mean() for g in set(labels) if g != labels[i])
        values.append((b - a) / max(a, b))
    return float(np.mean(values))


def test_silhouette_matches_the_definition():
    rng = np.random.default_rng(3)
    xy = rng.normal(size=(60, 2)) + np.repeat([[0, 0], [3, 0], [0, 3], [9, 9]], 15, axis=0)
    labels = [i // 15 for i in range(60)]
    labels[59] = 4  # a group of one counts 0
    pos = pd.DataFrame(xy, columns=["x", "y"], index=[f"a{i}" for i in range(60)])
    groups = dict(zip(pos.index, labels))
    assert silhouette(pos, groups) == pytest.approx(brute_force_silhouette(xy, labels), abs=1e-12)
    # a sample estimates it; every form of partition gives the same value
    assert silhouette(pos, groups, sample=40, seed=1) == pytest.approx(silhouette(pos, groups), abs=0.1)
    sets = [{a for a, g in groups.items() if g == k} for k in range(5)]
    assert silhouette(pos, sets) == pytest.approx(silhouette(pos, pd.Series(groups)))
    with pytest.raises(ValueError, match="have no group"):
        silhouette(pos, {"a0": 0})


def test_layout_is_seeded_and_packs_components():
    G = eg.datasets.synthetic(800, seed=1).graph(provenance=False)
    for method in ("communities", "fruchterman_reingold"):
        a, b, c = layout(G, seed=1, method=method), layout(G, seed=1, method=method), layout(G, seed=2, method=method)
        pd.testing.assert_frame_equal(a, b)
        assert not a.equals(c)
        # isolates sit below the main component, not scattered across it, as one compact block
        main = max(nx.connected_components(G), key=len)
        iso = list(nx.isolates(G))
        assert a.loc[iso, "y"].min() > a.loc[list(main), "y"].max()
        block = a.loc[iso].max() - a.loc[iso].min()
        span = a.loc[list(main)].max() - a.loc[list(main)].min()
        assert block["x"] < span["x"] / 2 and block["y"] < span["y"] / 4
    with pytest.raises(ValueError, match="unknown layout method"):
        layout(G, method="spring")


def test_a_map_of_small_pieces_is_laid_out_in_rows_as_wide_as_a_page():
    """As Dijon's map: the largest piece holds 8 actors; the others used to stack under it, three times as tall as wide."""
    G = nx.star_graph(7)
    for k in range(10):
        nx.add_path(G, [f"p{k}a", f"p{k}b", f"p{k}c"])
    for k in range(6):
        G.add_edge(f"d{k}a", f"d{k}b")
    G.add_nodes_from(f"i{k}" for k in range(60))
    pos = layout(G, seed=0)
    width, height = (pos.max() - pos.min()).tolist()
    assert 0.8 <= width / height <= 2.0, (width, height)
    # a network whose largest component is most of it stays about that component's width
    G = eg.datasets.synthetic(800, seed=1).graph(provenance=False)
    pos = layout(G, seed=1)
    main = list(max(nx.connected_components(G), key=len))
    main_width = pos.loc[main, "x"].max() - pos.loc[main, "x"].min()
    assert main_width <= pos.x.max() - pos.x.min() <= 1.15 * main_width


def test_community_layout_separates_the_detected_communities():
    # the case: 2,000 synthetic actors, Fruchterman–Reingold mixes the communities
    G = eg.datasets.synthetic(2000, seed=0).graph(provenance=False)
    S = eg.as_sparse(G)  # (keeps a weak reference to G for the attributes: G must stay alive)
    comms = eg.detect_communities(S, seed=0)
    old = silhouette(layout(S, method="fruchterman_reingold", communities=comms), comms)
    new = silhouette(layout(S, communities=comms), comms)
    assert old < 0 and new >= 0.25, (old, new)
    # the communities given are the ones kept apart, whatever their origin
    spheres = pd.Series(S.labels("sphere"), index=S.nodes)
    by_sphere = layout(S, communities=spheres)
    assert silhouette(by_sphere, spheres) > silhouette(layout(S, communities=comms), spheres)


def test_community_layout_of_two_cliques_and_a_bridge():
    G = nx.union(nx.complete_graph(8), nx.complete_graph(range(8, 16)))
    G.add_edge(0, 8)
    pos = layout(G, communities=[set(range(8)), set(range(8, 16))])
    left, right = pos.loc[list(range(8))], pos.loc[list(range(8, 16))]
    # each clique in its own disc, the two discs apart, the bridge's ends facing each other
    gap = np.hypot(*(left.mean() - right.mean()))
    assert gap > 2 * max(left.std().max(), right.std().max())
    centre = (left.mean() + right.mean()) / 2
    assert np.hypot(*(pos.loc[0] - centre)) < np.hypot(*(left.mean() - centre))
    assert np.hypot(*(pos.loc[8] - centre)) < np.hypot(*(right.mean() - centre))
