"""The attribute mixing model of the cold start: features checked by hand, the fit against what the generator plants."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

import ecograph as eg
from ecograph.outreach.facts import Facts
from ecograph.outreach.mixing import PRIOR, PSEUDO_TIES, AttributeMixing, km


def _small():
    """Ties a-b, a-c, a-d, b-e; a, b, e and t in group x, c and d in y; t has no tie."""
    G = nx.Graph([("a", "b"), ("a", "c"), ("a", "d"), ("b", "e")])
    G.add_node("t")
    nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y", "d": "y", "e": "x", "t": "x"}, "sphere")
    nx.set_node_attributes(G, "initiative", "kind")
    return Facts.read(eg.Analysis(G))


def test_lift_towards_the_actors_group_by_hand():
    F = _small()
    m = AttributeMixing.fit(F)
    # tie ends: 6 in x (a 3, b 2, e 1), 2 in y; add-one shares 7/10 and 3/10
    assert m.shares["group"].tolist() == pytest.approx([0.7, 0.3])
    # x's ties: 4 to x (a-b, b-a, b-e, e-b), 2 to y; y's: 2 to x. With one pseudo-tie: x→x 4.7/7, y→x 2.7/3
    x_x, y_x = 4.7 / 7, 2.7 / 3
    t = np.full(F.n, F.index("t"))
    X = m.features(t, np.arange(F.n))
    by_hand = {
        "a": (1 + PSEUDO_TIES * x_x) / (3 + PSEUDO_TIES) / 0.7,  # 1 of its 3 ties to x, smoothed towards x's mixing
        "b": (2 + PSEUDO_TIES * x_x) / (2 + PSEUDO_TIES) / 0.7,
        "c": (1 + PSEUDO_TIES * y_x) / (1 + PSEUDO_TIES) / 0.7,  # c is in y: smoothed towards y's mixing
        "e": (1 + PSEUDO_TIES * x_x) / (1 + PSEUDO_TIES) / 0.7,
    }
    for actor, lift in by_hand.items():
        row = X[F.index(actor)]
        assert row[1] == pytest.approx(math.log(lift))
        assert row[0] == pytest.approx(math.log(F.degree[F.index(actor)]))
    assert by_hand["a"] < 1 < by_hand["e"] < by_hand["b"] < by_hand["c"]
    # one kind for everyone: its lift says nothing (log 1); no commune, scope, place or support structure
    assert np.allclose(X[:, 2:], 0)


def test_hidden_ties_leave_the_counts():
    F = _small()
    m = AttributeMixing.fit(F)
    # b's ties hidden: a keeps 2 ties, none to x
    X = m.features(np.array([F.index("b")]), np.array([F.index("a")]), hidden=np.array([1.0]))
    assert X[0, 0] == pytest.approx(math.log(2))
    assert X[0, 1] == pytest.approx(math.log((0 + PSEUDO_TIES * 4.7 / 7) / (2 + PSEUDO_TIES) / 0.7))


def test_without_ties_the_prior_holds():
    G = nx.Graph()
    G.add_nodes_from(["a", "b", "c"])
    nx.set_node_attributes(G, "p", "sphere")
    m = AttributeMixing.fit(Facts.read(eg.Analysis(G)))
    assert m.ties == 0 and m.coefficients == PRIOR


def test_fit_finds_what_the_generator_plants():
    # ties follow communities dominated by a sphere; communes, places and scopes are drawn at random
    F = Facts.read(eg.Analysis(eg.datasets.synthetic(2000, seed=0)))
    m = AttributeMixing.fit(F, eligible=~F.excluded & (F.degree > 0))
    beta = m.coefficients
    assert m.ties > 5000
    assert 0.6 < beta["degree"] < 1.1 and beta["group"] > 0.5
    assert all(abs(beta[key]) < 0.1 for key in ("scope", "commune", "proximity"))
    again = AttributeMixing.fit(F, eligible=~F.excluded & (F.degree > 0))
    assert again.coefficients == beta  # the same seed, the same sample


def test_the_rate_ranks_an_actor_known_only_by_its_group():
    F = _small()
    m = AttributeMixing.fit(F)
    c = np.arange(F.n)
    rate = m.log_rate(np.full(F.n, F.index("t")), c)
    alone = m.group_log_rate(c, int(F.group_codes[F.index("t")]))
    assert np.allclose(rate, alone)  # t is known by its group only (one kind for all)
    beta = m.coefficients
    expected = beta["degree"] * np.log(np.maximum(F.degree, 1)) + beta["group"] * m.features(np.full(F.n, F.index("t")), c)[:, 1]
    assert np.allclose(rate, expected)


def test_km():
    # one degree of longitude on the equator: 2 pi R / 360
    assert km(np.array([[0.0, 0.0]]), np.array([[0.0, 1.0]]))[0] == pytest.approx(2 * math.pi * 6371.0 / 360)
