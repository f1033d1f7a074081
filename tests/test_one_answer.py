"""One number per concept: the brief, the view, the worklist, the summary and the command line count the same actors under the same name.

Who has no known tie, who is outside the largest part, who is to reach (the
worklist) and who is a connector or a cut point are decided once
(:func:`ecograph.actor_standing`, read through ``Analysis.standing``); every
file a reader opens shows those counts, and no other number, next to the
concept's name from the catalogue of words.
"""

from __future__ import annotations

import html
import json
import re

import pandas as pd
import pytest

import ecograph as eg
from ecograph.cli import main
from ecograph.report import build_report
from ecograph.vocabulary import NOT_ORGANISATIONS
from ecograph.words import word

CASES = {"dijon": eg.datasets.dijon, "synthetic": lambda: eg.datasets.synthetic(500, seed=5)}


@pytest.fixture(scope="module", params=sorted(CASES))
def written(request, tmp_path_factory):
    eco = CASES[request.param]()
    out = tmp_path_factory.mktemp(request.param)
    report = build_report(eco, lang="en", date="2026-01-01")
    report.write(out / "report")
    return eco, out, report


def _plain(page: str) -> str:
    body = re.sub(r"<script.*?</script>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))


def _view_data(page: str) -> dict:
    """The data of the network view embedded in the report (an iframe's srcdoc)."""
    doc = html.unescape(re.search(r'srcdoc="([^"]*)"', page).group(1))
    block = doc.split('<script type="application/json" id="eg-data">', 1)[1].split("</script>", 1)[0]
    return json.loads(block)


def _numbers_before(text: str, phrase: str) -> set[int]:
    return {int(x.replace(",", "")) for x in re.findall(r"([\d,]+) " + re.escape(phrase), text)}


def test_every_output_counts_the_same_actors(written):
    eco, out, _ = written
    standing = eg.Analysis(eco).standing  # an analysis of its own: the same rule gives the same actors
    none, outside, to_reach = (int(standing[c].sum()) for c in ("no_known_tie", "outside_main", "to_reach"))
    page = (out / "report" / "report.html").read_text(encoding="utf-8")
    text = _plain(page)
    # the brief and the sections: "N actors without a known tie", "(N)" after the name, "N actors have no known tie"
    expected = {none} if none else set()
    assert _numbers_before(text, "actors without a known tie") == expected
    assert _numbers_before(text, "actors have no known tie") | _numbers_before(text, "actor has no known tie") == expected
    assert set(map(int, re.findall(r"actors without a known tie \((\d+)\)", text))) == expected
    # the worklist: its file, the brief's action, the CLI's file
    worklist = pd.read_csv(out / "report" / "tables" / "worklist.csv")
    assert len(worklist) == to_reach
    assert set(worklist["id"]) == set(standing.index[standing["to_reach"]])
    on_list = set(map(int, re.findall(r"(\d+) actors? of the territory", text))) | set(
        map(int, re.findall(r"\((\d+) on the worklist\)", text))
    )
    assert on_list == ({to_reach} if to_reach else set())
    # the section says how many of the list have no known tie: the list is not a part of the actors without one
    bare = int(standing.loc[list(worklist["id"]), "no_known_tie"].sum())
    if 0 < bare < to_reach:
        assert f": {to_reach}, {bare} with no known tie and {to_reach - bare} barely tied," in text
    firsts = worklist["introducer_1"].dropna()
    if len(firsts) > 1:  # the page says how far the first introducers are spread, as the file has them
        assert f"none is first for more than {int(firsts.value_counts().max())} of them" in text
    # summary.txt: the same names, the same numbers
    summary = (out / "report" / "summary.txt").read_text(encoding="utf-8")
    assert re.search(rf"{word('standing.no_known_tie', 'en')}\s+{none}\n", summary)
    assert re.search(rf"{word('standing.outside_main', 'en')}\s+{outside}\n", summary)
    # the view: highlights named as in the catalogue, holding the same actors, and its caption
    data = _view_data(page)
    highlights = {h["key"]: h for h in data["highlights"]}
    assert highlights["to_reach"]["label"] == word("standing.to_reach", "en")
    assert len(highlights["to_reach"]["nodes"]) == to_reach
    connectors = int(standing["connector"].sum())
    assert len(highlights["connectors"]["nodes"]) == connectors
    said = set(map(int, re.findall(r"(\d+) organisations connect the others", text)))
    assert said == ({connectors} if connectors > 3 else set())  # the brief names the top three and counts them all
    assert len(highlights["cut_points"]["nodes"]) == int(standing["cut_point"].sum())
    captions = " ".join(c["text"] for c in data.get("captions", []))
    assert _numbers_before(captions, "actors without a known tie") <= {none}


def test_no_programme_event_or_territory_is_named_a_connector_or_cut_point(written):
    eco, _, _ = written
    a = eg.Analysis(eco)
    kinds = eco.actors["kind"].reindex(a.standing.index)
    for column in ("connector", "cut_point", "to_reach"):
        assert not kinds[a.standing[column]].isin(NOT_ORGANISATIONS).any(), column
    brief = eg.Brief(a)
    named = [i for f in brief.candidates if f.code in ("connectors", "fragility") for i in (f.values.get("ids") or [f.values.get("id")])]
    assert not kinds.reindex(named).isin(NOT_ORGANISATIONS).any()


def test_dijon_counts(tmp_path):
    """On Dijon: 65 actors without a known tie, the worklist's actors (also from the command line), and JEA (an event) never a connector."""
    a = eg.Analysis(eg.datasets.dijon())
    s = a.standing
    assert int(s["no_known_tie"].sum()) == 65
    assert int(s["outside_main"].sum()) == 100 - 2 * 8  # two parts of 8 tie for the largest: neither is outside
    assert s.loc["direccte", "reason"] == (("only_through", "metropole-dijon"),)  # in one of them, it hangs on one actor
    assert not s.loc["jea", "connector"] and not s.loc["jea", "cut_point"]  # the JEA are an event
    assert a.betweenness["jea"] > 0 and a.cut_points["jea"] > 0  # ... which the measures themselves rank
    assert len(eg.outreach_worklist(a)) == int(s["to_reach"].sum())
    assert main(["outreach", "dijon", "-o", str(tmp_path / "w.csv")]) == 0
    assert len(pd.read_csv(tmp_path / "w.csv")) == int(s["to_reach"].sum())


@pytest.mark.parametrize("levels", [4, 40_000])
def test_connectors_are_the_first_by_betweenness_then_by_id_among_ties(levels):
    """A twentieth of the organisations at most (10 of 200), highest betweenness first, ties broken by the id as text."""
    import networkx as nx
    import numpy as np

    G = nx.relabel_nodes(nx.path_graph(200), lambda i: f"x{i}")
    nodes = list(G)
    values = np.random.default_rng(levels).integers(0, levels, size=len(nodes)) / levels  # 4 levels: many ties at the cut
    betweenness = pd.Series(values, index=nodes)
    zeros = pd.Series(0, index=nodes)
    standing = eg.actor_standing(G, betweenness=betweenness, cut_points=zeros, reach_2=zeros)
    expected = sorted((v for v in nodes if betweenness[v] > 0), key=lambda v: (-betweenness[v], v))[:10]
    assert sorted(standing.index[standing["connector"]]) == sorted(expected)
    few = betweenness.where(betweenness.rank(method="first") > 195, 0.0)  # fewer candidates than places
    standing = eg.actor_standing(G, betweenness=few, cut_points=zeros, reach_2=zeros)
    assert set(standing.index[standing["connector"]]) == set(few.index[few > 0]) and len(few[few > 0]) == 5
