"""The sequential rule of the robustness bands and null models: draw until the printed interval stops moving."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest

import ecograph as eg
from ecograph.measures.analysis import RANKING_BATCH
from ecograph.measures.rewiring import rewired, rewiring_chain
from ecograph.measures.robustness import (
    BATCH,
    STABLE_RANKING,
    Z_THRESHOLD,
    interval_decimals,
    null_model_tests,
    robustness,
    settled_mean,
    settled_z,
    shown_summary,
)

K = nx.karate_club_graph()


def test_the_printed_summary_is_rounded_to_the_first_digit_of_the_width():
    values = np.array([0.1, 0.2, 0.3, 0.35, np.nan])
    low, high = np.percentile([0.1, 0.2, 0.3, 0.35], [2.5, 97.5])  # 0.1075, 0.34625: width 0.24 -> 1 decimal
    assert interval_decimals(low, high) == 1
    assert shown_summary(values) == (round(0.2375, 1), round(low, 1), round(high, 1)) == (0.2, 0.1, 0.3)
    assert interval_decimals(0.00612, 0.00705) == 4 and interval_decimals(0.0061, 0.0062) == 4  # never more than the tables' 4
    assert interval_decimals(0.2, 0.2) == 4 and interval_decimals(-3.0, 40.0) == 1
    assert all(np.isnan(shown_summary(np.array([np.nan]))))


@pytest.mark.parametrize("measure", ["density", "top_brokers"])
def test_it_stops_once_a_batch_leaves_the_printed_interval_unchanged(measure):
    r = robustness(K, measure, samples=400, seed=3, adaptive=True, k=5)
    assert r.rule == "stable" and r.max_samples == 400
    assert 2 * BATCH <= r.samples < 400 and r.samples % BATCH == 0 and len(r.values) == r.samples
    # the last batch moved nothing at the printed precision; the batch before it did
    assert shown_summary(r.values) == shown_summary(r.values[:-BATCH])
    if r.samples > 2 * BATCH:
        assert shown_summary(r.values[:-BATCH]) != shown_summary(r.values[: -2 * BATCH])
    # the draws are those of the fixed rule with as many samples (same seed)
    fixed = robustness(K, measure, samples=r.samples, seed=3, k=5)
    assert fixed.values.tolist() == r.values.tolist() and fixed.rule == "fixed"


def test_it_stops_at_the_maximum_when_the_interval_keeps_moving():
    counter = itertools.count()
    r = robustness(K, lambda S: float(next(counter)) ** 2, samples=60, adaptive=True)  # every draw larger: the interval never settles
    assert r.samples == r.max_samples == 60
    few = robustness(K, "density", samples=BATCH + 3, adaptive=True)  # fewer than two batches: all of them
    assert few.samples == BATCH + 3


def test_the_draws_and_the_rule_are_stated():
    r = robustness(K, "density", samples=300, seed=1, adaptive=True).to_series()
    assert (r["samples"], r["max_samples"], r["rule"]) == (
        len(robustness(K, "density", samples=300, seed=1, adaptive=True).values),
        300,
        "stable",
    )
    t = null_model_tests(K, ["modularity"], samples=20, seed=0)[0].to_series()
    assert (t["samples"], t["max_samples"], t["rule"]) == (20, 20, "fixed")


def test_null_models_stop_together_when_every_statistic_is_settled():
    G = K.copy()
    nx.set_node_attributes(G, {n: d["club"] for n, d in K.nodes(data=True)}, "sphere")
    tests = null_model_tests(G, ["ei_index", "cross_group_density", "modularity"], samples=300, seed=2, adaptive=True)
    used = {t.samples for t in tests}
    assert len(used) == 1 and 2 * BATCH <= used.pop() < 300
    for t in tests:
        assert shown_summary(t.values) == shown_summary(t.values[:-BATCH])
        assert t.ci_low == pytest.approx(np.percentile(t.values, 2.5)) and t.ci_high == pytest.approx(np.percentile(t.values, 97.5))
    again = null_model_tests(G, ["ei_index", "cross_group_density", "modularity"], samples=300, seed=2, adaptive=True)
    assert [t.values.tolist() for t in tests] == [t.values.tolist() for t in again]


def test_the_report_annex_states_the_rule_and_the_draws_per_figure():
    from ecograph.report import build_report
    from ecograph.words import word

    eco = eg.datasets.synthetic(150, seed=4)
    report = build_report(eco, lang="en", date="2026-01-01")
    rob = report.tables["robustness"].set_index("measure")
    assert rob["rule"].to_dict() == {"density": "stable", "ei_index": "stable", "group_modularity": "stable", "top_brokers": "settled"}
    stable = rob[rob["rule"] == "stable"]
    assert ((stable["samples"] <= stable["max_samples"]) & (stable["samples"] >= 2 * BATCH)).all()
    top = rob.loc["top_brokers"]
    assert RANKING_BATCH <= top["samples"] <= top["max_samples"] and top["samples"] % RANKING_BATCH == 0
    nulls = report.tables["null_models"]
    assert set(nulls["rule"]) == {"settled"} and (nulls["samples"] >= 2 * BATCH).all()
    assert report.html.count("The share of the top brokers kept, read against 70%, is drawn 5 at a time") == 1
    assert f"{BATCH} at a time" in report.html and "at least 20 (so that p can fall below 0.05)" in report.html
    assert word("report.note.null_models", "en", batch=BATCH, least=2 * BATCH, se=2, z=2).split("(")[0] in report.html
    again = build_report(eg.datasets.synthetic(150, seed=4), lang="en", date="2026-01-01")
    assert again.tables["robustness"].equals(report.tables["robustness"]) and again.tables["null_models"].equals(
        report.tables["null_models"]
    )


def test_a_reading_against_a_threshold_stops_once_its_side_is_settled():
    r = robustness(K, "top_brokers", k=5, samples=200, seed=3, adaptive=True, settle=STABLE_RANKING, batch=RANKING_BATCH)
    assert r.rule == "settled" and r.samples % RANKING_BATCH == 0 and r.samples < 200
    assert settled_mean(r.values, STABLE_RANKING)
    if r.samples > RANKING_BATCH:  # the look before did not settle it
        assert not settled_mean(r.values[:-RANKING_BATCH], STABLE_RANKING)
    mean, se = r.values.mean(), r.values.std(ddof=1) / np.sqrt(r.samples)
    assert abs(mean - 0.7) > 2 * se or se == 0
    fixed = robustness(K, "top_brokers", k=5, samples=r.samples, seed=3)
    assert fixed.values.tolist() == r.values.tolist()
    # a mean on the threshold never settles: every draw is made
    counter = itertools.count()
    around = robustness(K, lambda S: 0.7 + 0.01 * (-1) ** next(counter), samples=41, adaptive=True, settle=0.7, batch=5)
    assert around.samples == 41


def test_the_standard_error_of_z_is_that_of_simulations():
    rng = np.random.default_rng(0)
    n, observed = 20, 3.0  # rewired values ~ N(0, 1): z = 3
    zs = np.array([(observed - x.mean()) / x.std(ddof=1) for x in rng.normal(0, 1, size=(20_000, n))])
    formula = np.sqrt((1 + observed**2 / 2) / n)
    assert zs.std() == pytest.approx(formula, rel=0.15)  # the delta method at n = 20: simulated 0.56, formula 0.51
    assert settled_z(rng.normal(0, 1, 20), 10.0) and not settled_z(rng.normal(0, 1, 20), 2.05)
    assert settled_z(np.full(20, 0.5), 0.7) and settled_z(np.array([np.nan]), np.nan)


def test_null_models_stop_once_every_z_is_settled():
    G = K.copy()
    nx.set_node_attributes(G, {n: d["club"] for n, d in K.nodes(data=True)}, "sphere")
    stats = ["ei_index", "cross_group_density", "modularity"]
    tests = null_model_tests(G, stats, samples=300, seed=2, adaptive=True, settle=Z_THRESHOLD)
    used = tests[0].samples
    assert {t.samples for t in tests} == {used} and 2 * BATCH <= used < 300 and used % BATCH == 0
    assert all(t.rule == "settled" for t in tests)
    assert all(settled_z(t.values, t.observed) for t in tests)
    if used > 2 * BATCH:
        assert not all(settled_z(t.values[:-BATCH], t.observed) for t in tests)
    assert tests[0].p_less == pytest.approx(1 / (used + 1))  # the clubs' E-I is below every rewiring's
    fixed = null_model_tests(G, stats, samples=used, seed=2)
    assert [t.values.tolist() for t in fixed] == [t.values.tolist() for t in tests]


def test_the_chain_of_rewirings_draws_what_fresh_rewirings_draw():
    """Same distribution of a statistic, successive draws as uncorrelated as independent ones (lag-1)."""
    G = K.copy()
    S = eg.as_sparse(G)
    club = np.array([d["club"] == "Mr. Hi" for _, d in K.nodes(data=True)])

    def cross(R):
        u, v, _ = R.edges()
        return float((club[u] != club[v]).mean())

    chain = rewiring_chain(S, swaps_per_tie=10, gap=1, seed=0)
    linked = np.array([cross(next(chain)) for _ in range(400)])
    rng = np.random.default_rng(1)
    fresh = np.array([cross(rewired(S, seed=rng)) for _ in range(400)])
    se = np.sqrt(linked.var(ddof=1) / 400 + fresh.var(ddof=1) / 400)
    assert abs(linked.mean() - fresh.mean()) < 3 * se
    assert linked.std() == pytest.approx(fresh.std(), rel=0.15)
    assert abs(np.corrcoef(linked[:-1], linked[1:])[0, 1]) < 0.2  # 3.5 standard errors of a zero correlation over 400 draws
    assert all(bool((R.degrees() == S.degrees()).all()) for R in itertools.islice(rewiring_chain(S, seed=2), 5))


def test_the_null_model_reads_the_analysis_modularity_rather_than_detecting_it_again():
    a = eg.Analysis(eg.datasets.synthetic(300, seed=1), seed=0)
    row = a.null_models.set_index("statistic").loc["modularity"]
    recomputed = null_model_tests(a.sparse, ["modularity"], samples=1, seed=0)[0].observed
    assert row["observed"] == a.communities.modularity == recomputed
    given = null_model_tests(a.sparse, ["modularity"], samples=20, seed=0, observed={"modularity": 0.5})[0]
    assert (
        given.observed == 0.5 and given.values.tolist() == null_model_tests(a.sparse, ["modularity"], samples=20, seed=0)[0].values.tolist()
    )


def test_the_ranking_check_is_left_out_where_betweenness_is_estimated(monkeypatch):
    import ecograph.measures.analysis as analysis
    from ecograph.measures.brokerage import EXACT_BETWEENNESS_LIMIT

    assert analysis.RANKING_CHECK_LIMIT == EXACT_BETWEENNESS_LIMIT
    eco = eg.datasets.synthetic(300, seed=1)
    checked = eg.Brief(eco).compute()
    monkeypatch.setattr(analysis, "RANKING_CHECK_LIMIT", 299)
    unchecked = eg.Brief(eco).compute()
    assert "top_brokers" in set(checked.analysis.robustness["measure"])
    assert "top_brokers" not in set(unchecked.analysis.robustness["measure"])
    said = {f.code: f.confidence for f in checked.findings}, {f.code: f.confidence for f in unchecked.findings}
    assert said[0]["connectors"] in ("stable_ranking", "fragile_ranking") and said[1]["connectors"] == "unchecked_ranking"


def test_the_ranking_check_reads_the_analysis_betweenness():
    a = eg.Analysis(eg.datasets.synthetic(300, seed=1), seed=0)
    row = a.robustness.set_index("measure").loc["top_brokers"]
    alone = robustness(a.sparse, "top_brokers", k=10, samples=int(row["samples"]), seed=0)
    assert alone.mean == pytest.approx(row["mean"]) and alone.observed == row["observed"] == 1.0
    given = robustness(a.sparse, "top_brokers", k=10, samples=10, seed=0, between=a.betweenness)
    assert given.values.tolist() == robustness(a.sparse, "top_brokers", k=10, samples=10, seed=0).values.tolist()
