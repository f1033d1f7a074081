"""Findings (the Brief): true of the data, withheld when the data cannot support them, in both languages."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

import ecograph as eg
from ecograph.findings import FINDING_CODES, MAX_FINDINGS
from ecograph.report import build_report
from ecograph.vocabulary import NO_SPHERE_KINDS


def _with_spheres(eco: eg.Ecosystem, status: pd.Series) -> eg.Ecosystem:
    actors = eco.actors.copy()
    actors["sphere_status"] = status
    actors.loc[status == "inferred", "sphere_basis"] = "“words of the source” (notes)"
    actors.loc[status == "stated", "sphere_basis"] = "“words of the source” (notes)"
    return eg.from_frames(actors.reset_index(), eco.ties, eco.people.reset_index(), eco.affiliations, name="spheres")


def test_every_text_is_filled_in_both_languages():
    for eco in (eg.datasets.dijon(), eg.datasets.tiny(), eg.datasets.synthetic(800, seed=2)):
        brief = eg.Brief(eco)
        assert len(brief.findings) <= MAX_FINDINGS
        assert {f.code for f in brief.candidates} <= set(FINDING_CODES)
        for f in brief.candidates:
            for lang in ("en", "fr"):
                for key, text in f.text(lang).items():
                    assert text and "{" not in text and "}" not in text, (eco.name, f.code, lang, key, text)


def test_withheld_spheres_say_how_many_ties_would_unlock_them():
    brief = eg.Brief(eg.datasets.synthetic(800, seed=2))
    cov = brief.analysis.coverage
    spheres = next(f for f in brief.candidates if f.code == "spheres")
    if cov.is_sufficient():
        assert spheres.stated
    else:
        assert spheres.withheld == "low_coverage"
        a = brief.analysis
        kinds = a.eco.actors["kind"].reindex(a.sparse.nodes).to_numpy()
        spheres_given = a.eco.actors["sphere"].reindex(a.sparse.nodes).fillna("").astype(str).str.strip().ne("").to_numpy()
        applies = spheres_given | ~np.isin(kinds, NO_SPHERE_KINDS)
        u, v, _ = a.sparse.edges()
        reachable = int((applies[u] & applies[v]).sum())
        if reachable >= math.ceil(eg.MIN_COVERAGE * cov.ties):
            assert spheres.unlock["ties"]["needed"] == math.ceil(eg.MIN_COVERAGE * cov.ties) - cov.ties_known
        else:  # even every sphere that can apply would not reach the threshold: the finding says so, and asks for ties
            assert spheres.unlock == {"beyond_spheres": {"reachable": reachable, "ties": cov.ties}}


def test_the_dijon_spheres_cannot_be_unlocked_by_spheres_alone():
    """24 of Dijon's 26 ties touch an institution, a funder, an event...: no sphere asked for could reach 80% (it asked for 21)."""
    spheres = next(f for f in eg.Brief(eg.datasets.dijon()).withheld if f.code == "spheres")
    assert spheres.unlock == {"beyond_spheres": {"reachable": 2, "ties": 26}}
    assert "Relever d'abord des liens entre structures et initiatives" in spheres.text("fr")["unlock"]


def test_findings_with_and_without_inferred_spheres_are_compared():
    eco = eg.datasets.synthetic(600, seed=4)
    eco.actors.loc[eco.actors["sphere"].astype(str) == "", "sphere"] = "support"  # every sphere known
    # every sphere stated: nothing inferred, nothing to compare
    stated = _with_spheres(eco, pd.Series("stated", index=eco.actors.index))
    assert eg.Brief(stated).without_inferred is None
    # all but five spheres only inferred: with them the spheres finding is stated, without them it cannot be
    status = pd.Series("inferred", index=eco.actors.index)
    status.iloc[:5] = "stated"
    brief = eg.Brief(_with_spheres(eco, status))
    with_inferred = next(f for f in brief.candidates if f.code == "spheres")
    without = brief.without_inferred
    assert with_inferred.stated and not without.stated
    assert brief.inferred_changes == [(with_inferred, without)]
    page = build_report(_with_spheres(eco, status), lang="en", date="2026-01-01").html
    assert "With only the spheres the source states (the inferred ones set aside): Cannot be said yet" in page


def test_fragmentation_and_ties_match_an_independent_count():
    eco = eg.datasets.tiny()
    brief = eg.Brief(eco)
    G = eco.observed().graph()
    import networkx as nx

    found = {f.code: f for f in brief.findings}
    assert found["ties"].values["m"] == G.number_of_edges()
    assert found["ties"].values["isolates"] == nx.number_of_isolates(G)
    assert found["fragmentation"].values["largest"] == len(max(nx.connected_components(G), key=len))
    assert found["fragmentation"].values["others"] == nx.number_connected_components(G) - 1


def test_a_territory_is_never_named_as_a_connector():
    # two chains of initiatives joined only through a district: the district carries every path between them
    acts = [("t", "District", "territory", "consumption")]
    acts += [(f"a{i}", f"A{i}", "initiative", "consumption" if i < 6 else "production") for i in range(12)]
    actors = pd.DataFrame(acts, columns=["id", "name", "kind", "sphere"]).assign(scope="local", source="s")
    pairs = [(f"a{i}", f"a{i + 1}") for i in (*range(0, 5), *range(6, 11))] + [("a0", "t"), ("t", "a6")]
    ties = pd.DataFrame(pairs, columns=["source", "target"]).assign(type="partnership", evidence="e")
    eco = eg.from_frames(actors, ties)
    brief = eg.Brief(eco)
    assert brief.analysis.brokers.index[0] == "t"  # the measure itself sees the district
    named = {code: f.values for f in brief.findings for code in [f.code] if code in ("connectors", "fragility")}
    assert "connectors" in named
    assert "t" not in named["connectors"]["ids"] and "District" not in named["connectors"]["names"]
    assert named.get("fragility", {}).get("id") != "t"
    assert "t" not in eg.outreach_worklist(eco).index


def test_when_every_sphere_is_inferred_the_finding_without_them_cannot_be_said():
    eco = eg.datasets.synthetic(300, seed=4)
    eco.actors.loc[eco.actors["sphere"].astype(str) == "", "sphere"] = "support"
    brief = eg.Brief(_with_spheres(eco, pd.Series("inferred", index=eco.actors.index)))
    without = brief.without_inferred
    assert without.withheld == "no_known_group" and not without.stated
    mine = next(f for f in brief.candidates if f.code == "spheres")
    assert brief.inferred_changes == ([(mine, without)] if mine.stated else [])
    assert "stated by the source or by the actors" in without.text("en")["unlock"]


def test_connectors_of_a_network_in_pieces_are_said_to_connect_within_their_part():
    """Dijon is in 75 pieces, the largest of 8: "5 organisations connect the others" read as hubs of the whole ecosystem."""
    f = next(f for f in eg.Brief(eg.datasets.dijon()).findings if f.code == "connectors")
    assert f.variant == "top_pieces" and f.values["largest"] == 8
    assert "relient les autres au sein de leur propre ensemble relié, dont le plus grand compte 8 acteurs" in f.text("fr")["sentence"]
    whole = next(f for f in eg.Brief(eg.datasets.karate()).findings if f.code == "connectors")  # in one piece: said plainly
    assert "pieces" not in whole.variant and "within" not in whole.text("en")["sentence"]
