"""Every finding on the null and degenerate cases says what the evidence supports, and no more.

Fully connected, no ties, one group, every group unknown, a single tie: each
finding is stated with the variant and the action that its own evidence
supports, or withheld with its reason, or absent when there is nothing to say;
no sentence or action carries a count of 0 or a number that disagrees with
its word.
"""

from __future__ import annotations

import re

import networkx as nx
import pandas as pd
import pytest

import ecograph as eg
from ecograph.report import build_report
from ecograph.words import LANGUAGES


def ecosystem(G: nx.Graph, spheres: dict | str | None = None, name: str = "case", scope: str = "local") -> eg.Ecosystem:
    """An ecosystem whose actors are the nodes of ``G`` (initiatives, of local scope by default) and whose ties are its edges."""
    nodes = [f"a{n}" for n in G]
    if isinstance(spheres, str):
        sphere = [spheres] * len(nodes)
    else:
        sphere = [(spheres or {}).get(n, "") for n in G]
    actors = pd.DataFrame({"id": nodes, "name": [f"Actor {n}" for n in G], "kind": "initiative", "scope": scope, "sphere": sphere})
    actors["source"] = "notes"
    ties = pd.DataFrame(
        {"source": [f"a{u}" for u, _ in G.edges], "target": [f"a{v}" for _, v in G.edges], "type": "partnership", "evidence": "notes"}
    )
    return eg.from_frames(actors, ties, name=name)


def by_code(brief: eg.Brief) -> dict:
    return {f.code: f for f in brief.candidates}


ZERO_COUNT = re.compile(
    r"(?<![\d.,])0 (?:actors?|ties?|acteurs?|liens?|groups?|groupes?|other|autres?)\b|\(0\)|\bthe 1 \w+s\b|\bles 1 \w+s\b"
)
SINGULAR_MISMATCH = re.compile(r"\b1 (?:actors|ties|groups|acteurs|liens|groupes)\b")


def assert_well_said(brief: eg.Brief) -> None:
    for f in brief.candidates:
        for lang in LANGUAGES:
            for key, text in f.text(lang).items():
                assert not ZERO_COUNT.search(text), (f.code, lang, key, text)
                assert not SINGULAR_MISMATCH.search(text), (f.code, lang, key, text)


def test_fully_connected():
    brief = eg.Brief(ecosystem(nx.complete_graph(12), spheres={n: ("production", "finance")[n % 2] for n in range(12)}))
    f = by_code(brief)
    assert f["ties"].variant == "all_tied" and f["ties"].action == "update_ties"
    assert f["fragmentation"].variant == "whole" and f["fragmentation"].action == "none_to_reach"
    assert "connectors" not in f and "fragility" not in f  # no one lies between two others; nothing hangs on one actor
    assert len(brief.worklist) == 0
    communities = f.get("communities")
    if communities is not None:  # one group, or groups no more distinct than chance: never "acquaintance stops at their edges"
        assert communities.action != "cross_groups"
    assert_well_said(brief)


def test_no_ties():
    brief = eg.Brief(ecosystem(nx.empty_graph(6), spheres="production"))
    f = by_code(brief)
    assert f["ties"].variant == "none" and f["ties"].action == "map_first_ties"
    assert f["ties"].text("en")["sentence"] == "No tie is known between the 6 actors yet."
    assert "fragmentation" not in f and "connectors" not in f and "communities" not in f and "fragility" not in f
    assert not f["spheres"].stated
    assert_well_said(brief)


def test_one_group():
    G = nx.barbell_graph(5, 1)
    brief = eg.Brief(ecosystem(G, spheres="production"))
    spheres = by_code(brief)["spheres"]
    assert not spheres.stated and spheres.withheld == "one_known_group"
    assert brief.analysis.agreement.isna().all() and brief.analysis.agreement.attrs["reason"] == "one_known_group"
    assert_well_said(brief)


def test_every_group_unknown():
    G = nx.barbell_graph(5, 1)
    brief = eg.Brief(ecosystem(G))
    assert "spheres" not in by_code(brief)  # a dataset without any sphere is not asked whether its spheres talk
    assert brief.analysis.agreement.attrs["reason"] == "no_known_group"
    page = build_report(ecosystem(G, scope=""), lang="en", date="2026-01-01").html
    first = page.split("<section class='brief'>")[1].split("id='cannot'")[0]  # what the data cover, and the findings
    for lacking in ("sphere", "recommendation", "who made the data", "territory", "through people", "founding year"):
        assert lacking not in first, lacking
    connectors = by_code(brief)["connectors"]  # the bar of the barbell: a connector whatever the groups
    assert connectors.stated and connectors.values["ids"][0] == "a5"
    assert_well_said(brief)


def test_one_tie_and_one_isolate():
    G = nx.Graph([(0, 1)])
    G.add_node(2)
    brief = eg.Brief(ecosystem(G, spheres={0: "production", 1: "finance", 2: "finance"}))
    f = by_code(brief)
    assert f["ties"].variant == "" and f["ties"].action_values == {"isolates": 1}
    assert f["ties"].text("en")["sentence"].endswith("1 actor has no known tie.")
    assert "2 actors" in f["fragmentation"].text("en")["sentence"]
    assert_well_said(brief)


@pytest.mark.parametrize("z, action", [(3.0, "cross_groups"), (1.8, "map_before_groups"), (0.0, "map_before_groups")])
def test_communities_action_follows_its_test(z, action):
    """'Acquaintance stops at their edges' only when the groups are more distinct than chance (z >= 2)."""
    G = nx.connected_caveman_graph(4, 5)
    a = eg.Analysis(ecosystem(G, spheres="production"))
    nulls = a.null_models.copy()
    nulls.loc[nulls["statistic"] == "modularity", "z"] = z
    a.__dict__["null_models"] = nulls
    finding = by_code(eg.Brief(a))["communities"]
    assert finding.action == action and finding.variant == ("" if z >= 2 else "weak")
    assert (finding.confidence == "beyond_chance") == (z >= 2)
