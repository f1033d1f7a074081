"""The glossary of measures: written from the catalogue, committed as generated, and saying what the code does."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

import ecograph as eg
from conftest import ROOT
from ecograph import words
from ecograph.glossary import GLOSSARY_FIELDS, GLOSSARY_MEASURES, glossary_markdown
from ecograph.measures import brokerage


@pytest.mark.parametrize(("lang", "name"), [("en", "glossary.md"), ("fr", "glossary.fr.md")])
def test_the_committed_glossary_is_the_catalogues(lang, name):
    committed = (ROOT / "docs" / name).read_text(encoding="utf-8")
    assert committed == glossary_markdown(lang) + "\n", f"docs/{name} is stale: run python3 tasks.py glossary"


def test_every_measure_has_every_field_in_both_languages():
    for code, calls in GLOSSARY_MEASURES:
        assert calls, code
        for field in ("name", "what", *GLOSSARY_FIELDS):
            en, fr = words.CATALOGUE[f"glossary.{code}.{field}"]
            assert en.strip() and fr.strip(), (code, field)


def test_every_call_the_glossary_names_exists():
    for _, calls in GLOSSARY_MEASURES:
        for call in calls:
            head = call.split("(", 1)[0].split("[", 1)[0]
            owner, _, attr = head.partition(".")
            target = {"eg": eg, "Analysis": eg.Analysis, "Communities": eg.Communities}[owner]
            fields = getattr(target, "__dataclass_fields__", {})
            assert hasattr(target, attr) or attr in fields, call


def test_the_numbers_the_glossary_states_are_the_codes_defaults():
    text = glossary_markdown("en")
    assert f"Exact up to {brokerage.EXACT_BETWEENNESS_LIMIT:,} actors" in text
    assert (
        f"one in each of {brokerage.DEFAULT_SAMPLES} stretches of the network (with top={brokerage.SETTLED_TOP}: in rounds of {brokerage.DEFAULT_SAMPLES}"
        in text
    )
    assert f"until the top {brokerage.SETTLED_TOP} brokers settle" in text
    assert f"withheld below {eg.MIN_COVERAGE}" in text
    robustness = inspect.signature(eg.robustness).parameters
    assert f"on {robustness['samples'].default} samples with {robustness['fraction'].default:.0%} of the actors" in text
    null = inspect.signature(eg.null_model_test).parameters
    assert f"{null['samples'].default} degree-preserving rewirings ({null['swaps_per_tie'].default} swaps per tie)" in text
    standing = inspect.signature(eg.actor_standing).parameters
    assert f"the lowest {standing['low_reach_share'].default:.0%}" in text


def test_the_glossary_ranges_hold_on_small_graphs():
    import networkx as nx

    triangle = nx.Graph([("a", "b"), ("b", "c"), ("c", "a")])
    assert eg.brokers(triangle, {})["constraint"].max() == pytest.approx(1.125)  # "up to 1.125"
    pendant = nx.Graph([("a", "b")])
    assert eg.brokers(pendant, {})["constraint"].tolist() == [1.0, 1.0]  # "1 (one contact)"
    assert eg.betweenness(nx.star_graph(5)).max() == 1.0  # "1 (the centre of a star)"
    assert eg.reciprocity(triangle) == 1.0  # "1 on undirected ties"
    groups = {"a": "x", "b": "y", "c": "z"}
    assert eg.participation(triangle, groups).iloc[0] == pytest.approx(1 - 1 / 2)  # two neighbours in two groups: 1 − 1/S


def test_the_command_line_prints_the_glossary():
    out = subprocess.run([sys.executable, "-m", "ecograph", "glossary", "--lang", "fr"], capture_output=True, text=True, check=True).stdout
    assert out == glossary_markdown("fr") + "\n"
