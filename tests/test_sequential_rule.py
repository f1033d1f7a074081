"""The sequential rule of the robustness bands and null models: draw until the printed interval stops moving."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest

import ecograph as eg
from ecograph.measures.robustness import BATCH, interval_decimals, null_model_tests, robustness, shown_summary

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
    rob = report.tables["robustness"]
    assert set(rob["rule"]) == {"stable"}
    assert ((rob["samples"] <= rob["max_samples"]) & (rob["samples"] >= 2 * BATCH)).all()
    assert report.html.count(word("report.note.robustness", "en", batch=BATCH).split(":")[0]) == 1
    assert f"{BATCH} at a time" in report.html
    again = build_report(eg.datasets.synthetic(150, seed=4), lang="en", date="2026-01-01")
    assert again.tables["robustness"].equals(rob) and again.tables["null_models"].equals(report.tables["null_models"])
