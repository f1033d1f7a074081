"""The null models on the second core: same values as in the caller, failures seen in the caller."""

from __future__ import annotations

import os

import pytest

import ecograph as eg
from ecograph.measures.background import background_available, in_background


def test_a_failure_in_the_child_is_raised_in_the_caller():
    wait = in_background(lambda: 1 / 0, use_process=True)
    with pytest.raises(ZeroDivisionError):
        wait()


def test_a_result_that_cannot_travel_is_computed_in_the_caller():
    pid = os.getpid()
    wait = in_background(lambda: lambda: os.getpid(), use_process=True)  # a lambda cannot be pickled
    assert wait()() == pid


def test_the_child_runs_in_another_process():
    assert in_background(os.getpid, use_process=True)() != os.getpid()
    assert in_background(os.getpid, use_process=False)() == os.getpid()


def test_background_can_be_switched_off(monkeypatch):
    monkeypatch.setenv("ECOGRAPH_BACKGROUND", "0")
    assert background_available() is False


def test_null_models_in_the_background_equal_those_computed_in_place():
    eco = eg.datasets.synthetic(1_500, seed=4)
    here = eg.Analysis(eco, seed=2).null_models
    a = eg.Analysis(eco, seed=2)
    wait = a.start_null_models(use_process=True)
    assert a.communities.modularity > 0  # the caller goes on meanwhile
    there = wait()
    assert there.equals(here) and a.null_models is there


def test_the_report_lets_the_cycle_collector_run_less_and_puts_it_back():
    import gc

    from ecograph.measures.background import YOUNG_OBJECTS
    from ecograph.report import build_report

    before = gc.get_threshold()
    seen = []
    build_report(eg.datasets.tiny(), lang="en", date="2026-01-01", progress=lambda _m: seen.append(gc.get_threshold()[0]))
    assert seen and min(seen) >= YOUNG_OBJECTS and gc.get_threshold() == before
