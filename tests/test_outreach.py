"""Outreach: the worklist covers the territory, its reasons hold in the data, what-if and key players are right."""

from __future__ import annotations

import dataclasses
import itertools

import networkx as nx
import numpy as np
import openpyxl
import pandas as pd
import pytest

import ecograph as eg
from ecograph.errors import GraphError, MissingAttributeError, UnknownActorError
from ecograph.outreach import worklist_table, write_worklist
from ecograph.outreach.files import reason_words, why_words
from ecograph.vocabulary import NOT_ORGANISATIONS
from ecograph.words import is_missing, label


@pytest.fixture(scope="module")
def dijon():
    return eg.datasets.dijon()


@pytest.fixture(scope="module")
def analysis(dijon):
    return eg.Analysis(dijon)


@pytest.fixture(scope="module")
def worklist(analysis):
    return eg.outreach_worklist(analysis, k=3)


def _introducers(row, k=3):
    return [row[f"introducer_{r}"] for r in range(1, k + 1) if isinstance(row[f"introducer_{r}"], str)]


# ---- who is on the list ------------------------------------------------------------------------


def _left_out(analysis) -> set:
    """Isolated, pendant, or outside a largest component that holds most actors (in a network in pieces, only the first two)."""
    iso = analysis.isolated
    if analysis.headline["largest_component_share"] < 0.5:
        iso = iso[iso["isolate"] | iso["pendant"]]
    return set(iso.index)


def test_default_worklist_is_the_territorys_own_actors(dijon, analysis, worklist):
    actors = dijon.actors
    listed = actors.loc[worklist.index]
    assert not listed["scope"].isin(["national", "international", "elsewhere"]).any()
    assert not listed["kind"].isin(list(NOT_ORGANISATIONS)).any()
    # the platforms and national bodies the study names without ties are not there ...
    assert not {"airbnb", "blablacar", "foodora", "uber-eats", "anact", "cget"} & set(worklist.index)
    # ... nor the examples it cites from elsewhere (scope "elsewhere"), which every scope would list
    outside = set(actors.index[actors["scope"] == "elsewhere"])
    assert outside == {
        "rennes-metropole", "metropole-lyon", "lab-o-orleans", "friche-belle-de-mai", "la-colloc",
        "ecolocal", "anciela", "bretagne-creative", "direccte-aura",
    }  # fmt: skip
    assert not outside & set(worklist.index)
    assert outside <= set(eg.outreach_worklist(analysis, k=1, scope=None).index)
    # ... while every left-out actor of local or regional scope that is not a programme or event is
    expected = {
        a for a in _left_out(analysis) if actors.loc[a, "scope"] in ("local", "regional") and actors.loc[a, "kind"] not in NOT_ORGANISATIONS
    }
    assert expected <= set(worklist.index)
    assert (worklist["scope"] == listed["scope"]).all()
    # the Dijon network is in pieces (the largest holds 8% of the actors): the hub of another piece is not "left out"
    assert analysis.headline["largest_component_share"] < 0.5
    iso = analysis.isolated
    assert iso.loc["pole-emploi", "outside_main"] and not iso.loc["pole-emploi", ["isolate", "pendant"]].any()
    assert "pole-emploi" not in worklist.index
    # two pieces of 8 tie for the largest: the hub of either is in "the largest", not outside it
    assert "metropole-dijon" not in iso.index and "metropole-dijon" not in worklist.index


def test_funds_programmes_events_places_and_recommendations_never_introduce(dijon, analysis):
    kinds = dijon.actors["kind"]
    # a fund or funding programme is not an organisation; the banks and France Active that run funds are
    assert set(kinds[kinds == "fund"].index) == {"feder", "fse", "fiso", "fonds-noviss"}
    assert (kinds[["france-active", "credit-cooperatif", "bpifrance", "caisse-des-depots"]] == "funder").all()
    not_introducers = {"fund", "programme", "event", "territory", "recommendation"}
    assert set(NOT_ORGANISATIONS) == not_introducers
    # every candidate of every actor, on the list or not, of any scope
    everyone = eg.suggest_introducers(analysis, k=200)
    wide = eg.outreach_worklist(analysis, k=30, scope=None, kinds_excluded=())
    listed = eg.outreach_worklist(analysis, k=30, scope=None)
    # with nothing excluded funds are candidates (their ties make them so): the exclusion is what keeps them out
    assert {"fund", "programme"} <= set(kinds[wide.attrs["suggestions"]["introducer"]])
    for frame in (everyone, listed.attrs["suggestions"]):
        assert len(frame) > 100
        assert not set(kinds[frame["introducer"]]) & not_introducers
    assert not set(kinds[listed.index]) & not_introducers


def test_options_widen_the_list(analysis, worklist):
    wide = eg.outreach_worklist(analysis, scope=None, kinds_excluded=())
    isolated = _left_out(analysis)
    elsewhere = {a for a in isolated if analysis.eco.actors.loc[a, "scope"] in ("national", "international", "elsewhere")}
    assert elsewhere and isolated <= set(wide.index)
    assert set(worklist.index) < set(wide.index)
    national = eg.outreach_worklist(analysis, scope=("national",))
    assert set(analysis.eco.actors.loc[national.index, "scope"]) == {"national"}


def test_unknown_scope_is_kept_and_shown_as_unknown():
    G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a")])
    G.add_nodes_from(["far", "near", "unsure"])
    nx.set_node_attributes(G, "p", "sphere")
    nx.set_node_attributes(G, "initiative", "kind")
    nx.set_node_attributes(G, {"a": "local", "b": "local", "c": "local", "far": "national", "near": "local"}, "scope")
    w = eg.outreach_worklist(G, k=1, low_reach_share=0)
    assert set(w.index) == {"near", "unsure"} and w.loc["unsure", "scope"] is None
    table = worklist_table(w, lang="fr").set_index("identifiant")
    assert table.loc["unsure", "portée"] == "portée inconnue"
    assert set(eg.outreach_worklist(G, k=1, low_reach_share=0, include_unknown_scope=False).index) == {"near"}


# ---- introducers and their reasons --------------------------------------------------------------


def test_worklist_rows_are_sound(dijon, analysis, worklist):
    G = analysis.graph
    main = max(nx.connected_components(G), key=len)
    kinds = dijon.actors["kind"]
    for actor, row in worklist.iterrows():
        intro = _introducers(row)
        assert intro, actor  # somebody can always be suggested here
        assert actor not in intro and len(set(intro)) == len(intro)
        for r, x in enumerate(intro, start=1):
            assert not G.has_edge(actor, x)
            assert kinds[x] not in NOT_ORGANISATIONS and G.degree(x) > 0
            assert row[f"why_{r}"] and isinstance(row[f"why_{r}"], tuple)
    # an isolated actor brought into the main component would reach all of it
    isolated = worklist[worklist["degree"] == 0]
    into_main = isolated[isolated["introducer_1"].map(lambda x: x in main)]
    assert len(into_main) > 0
    assert (into_main["newly_reachable_1"] == len(main)).all()


def test_reasons_hold_in_the_tables(dijon, analysis, worklist):
    G = analysis.graph
    actors = dijon.actors
    for actor, row in worklist.iterrows():
        code = row["reason"][0][0]
        if code == "no_tie":
            assert G.degree(actor) == 0
        elif code == "no_tie_with_organisation":
            assert G.degree(actor) > 0 and actors.loc[list(G[actor]), "kind"].isin(list(NOT_ORGANISATIONS)).all()
        named = [item for item in row["reason"] if item[0] == "named_in"]
        tied = set(dijon.ties.loc[dijon.ties["source"] == actor, "target"]) | set(dijon.ties.loc[dijon.ties["target"] == actor, "source"])
        expected = sorted(z for z in tied if actors.loc[z, "kind"] in NOT_ORGANISATIONS)
        assert (named == [("named_in", *expected)]) if expected and code.startswith("no_tie") else not named
        for r in range(1, 4):
            for fact in row[f"why_{r}"] if isinstance(row[f"why_{r}"], tuple) else ():
                intro = row[f"introducer_{r}"]
                if fact[0] == "mentioned":  # the passage is in both actors' source
                    assert fact[1] in actors.loc[actor, "source"] and fact[1] in actors.loc[intro, "source"]
                elif fact[0] == "same_commune":
                    assert actors.loc[actor, "commune"] == actors.loc[intro, "commune"] == fact[1]
                elif fact[0] == "contacts":
                    assert fact[1] == len(
                        [z for z in nx.common_neighbors(G, actor, intro) if actors.loc[z, "kind"] not in NOT_ORGANISATIONS]
                    )
                elif fact[0] == "same_group":
                    assert actors.loc[actor, "sphere"] == actors.loc[intro, "sphere"] == fact[1] != ""


def _with_recommendation():
    """The tiny ecosystem with a recommendation naming the repair café and the food co-op as partners, carried by the city."""
    eco = eg.datasets.tiny()
    actors = pd.concat([eco.actors, eco.actors.loc[["city"]].rename(index={"city": "reco"}).assign(name="Reco", kind="recommendation")])
    ties = pd.concat(
        [eco.ties, pd.DataFrame({"source": ["loner", "coop", "city"], "target": "reco", "weight": 1.0, "evidence": "study"})],
        ignore_index=True,
    )
    ties["type"] = ties["type"].fillna(pd.Series(["potential_partner", "potential_partner", "potential_carrier"], index=ties.index[-3:]))
    return dataclasses.replace(eco, actors=actors, ties=ties.fillna({"start": "", "end": ""}))


def test_actors_named_in_a_recommendation_get_its_other_partners():
    eco = _with_recommendation()
    w = eg.outreach_worklist(eco, k=3, low_reach_share=0)
    assert "reco" not in w.index
    row = w.loc["loner"]
    assert row["reason"][0][0] in ("no_tie", "no_tie_with_organisation") and row["reason"][1:] == (("named_in", "reco"),)
    facts = {row[f"introducer_{r}"]: row[f"why_{r}"] for r in (1, 2, 3)}
    assert ("named_in", "reco", "potential_partner", "potential_partner") in facts["coop"]
    assert ("named_in", "reco", "potential_partner", "potential_carrier") in facts["city"]
    text = worklist_table(w, lang="en").set_index("actor id").loc["loner"]
    assert text["why it is on the list"].startswith("no known tie") and text["why it is on the list"].endswith("; named in “Reco”")
    said = {text[f"introducer {r}"]: text[f"why this introducer {r}"] for r in (1, 2, 3)}
    assert said["coop"].startswith("both named in “Reco”, each as potential partner")
    assert said["city"].startswith("named in “Reco”: this actor as potential partner, the introducer as potential carrier")


def test_dijon_roles_in_recommendations_are_those_of_the_ties(dijon, worklist):
    ties = dijon.ties
    role = {(s, t): kind for s, t, kind in zip(ties["source"], ties["target"], ties["type"])}
    seen = 0
    for actor, row in worklist.iterrows():
        for r in (1, 2, 3):
            for fact in row[f"why_{r}"] if isinstance(row[f"why_{r}"], tuple) else ():
                if fact[0] == "named_in":
                    _, programme, mine, theirs = fact
                    assert mine == role.get((actor, programme), "") and theirs == role.get((row[f"introducer_{r}"], programme), "")
                    seen += 1
    assert seen > 10


def test_two_rows_read_the_same_only_when_their_facts_are_the_same(worklist):
    for lang in ("en", "fr"):
        table = worklist_table(worklist, lang=lang)
        for r in (1, 2, 3):
            column = next(c for c in table.columns if c.endswith(f" {r}") and ("why" in c or "pourquoi" in c))
            pairs = {}
            for text, codes in zip(table[column], worklist[f"why_{r}"]):
                pairs.setdefault(text, set()).add(codes)
            assert all(len(codes) == 1 for codes in pairs.values()), lang
        reasons = {}
        for text, codes in zip(table[worklist_table(worklist.head(0), lang=lang).columns[5]], worklist["reason"]):
            reasons.setdefault(text, set()).add(codes)
        assert all(len(codes) == 1 for codes in reasons.values())


def test_every_fact_has_words_in_both_languages():
    names = {"x": "X", "reco": "Reco"}
    why = (
        ("contacts", 3, "x", "y"),
        ("named_in", "reco", "potential_partner", "potential_carrier"),
        ("named_in", "reco", "", "partnership"),
        ("person", 2),
        ("mentioned", "Study, ch. 2", 1),
        ("support", "support_structure"),
        ("group_ties", "finance", 4),
        ("same_group", "finance"),
        ("same_commune", "Quetigny"),
        ("distance", 2.5),
        ("same_kind", "initiative"),
        ("connected", 7),
        ("broker",),
    )
    en, fr = why_words(why, "en", names), why_words(why, "fr", names)
    assert en.split("; ") == [
        "both linked to X, y and 1 other",
        "named in “Reco”: this actor as potential partner, the introducer as potential carrier",
        "both linked to “Reco”",
        "2 people worked in both",
        "cited with it in the same source: Study, ch. 2",
        "support structure",
        "already linked to 4 actors of the same sphere (Finance)",
        "same sphere (Finance)",
        "same commune (Quetigny)",
        "2.5 km away",
        "same kind (initiative)",
        "the introducer has 7 known ties",
        "already among those most often on the shortest paths between others",
    ]
    assert "à 2,5 km" in fr and "même commune (Quetigny)" in fr and "déjà lié à 4 acteurs de même sphère (Finance)" in fr
    assert reason_words((("no_tie",),), "fr") == "aucun lien connu"
    with pytest.raises(ValueError, match="unknown fact"):
        why_words((("nonsense",),))


def _attribute_only(eco: eg.Ecosystem, n: int, seed: int) -> tuple[eg.Ecosystem, list]:
    """The ecosystem less every tie and every person of ``n`` local actors (the attribute-only cold start), and those actors."""
    local = eco.actors.index[(eco.actors["scope"] == "local") & eco.actors["kind"].isin(["initiative", "place", "company"])]
    hidden = sorted(np.random.default_rng(seed).choice(np.array(sorted(local), dtype=object), size=n, replace=False))
    ties, aff = eco.ties, eco.affiliations
    ties = ties[~(ties["source"].isin(hidden) | ties["target"].isin(hidden))].reset_index(drop=True)
    return dataclasses.replace(eco, ties=ties, affiliations=aff[~aff["actor"].isin(hidden)].reset_index(drop=True)), hidden


def _first_share(w: pd.DataFrame) -> float:
    return float(w["introducer_1"].value_counts().iloc[0] / len(w))


def test_introductions_are_spread():
    synthetic = eg.outreach_worklist(eg.datasets.synthetic(1500, seed=8))
    assert synthetic["introducer_1"].value_counts().iloc[0] <= max(1, int(0.1 * len(synthetic)))
    # without the cap one support structure would be first for many more
    free = eg.outreach_worklist(eg.datasets.synthetic(1500, seed=8), max_first_share=1.0)
    assert free["introducer_1"].value_counts().iloc[0] > max(1, int(0.1 * len(free)))


def test_attribute_only_cold_start_is_spread_and_deterministic():
    # 120 actors with no tie and no person: all of one sphere share the same candidates
    eco, hidden = _attribute_only(eg.datasets.synthetic(2000, seed=3), 120, seed=3)
    a = eg.Analysis(eco, seed=3)
    w = eg.outreach_worklist(a, actors=hidden, k=5)
    assert len(w) == 120 and w["introducer_1"].notna().all()
    assert _first_share(w) <= 0.1
    assert _first_share(eg.outreach_worklist(a, actors=hidden, k=5, max_first_share=1.0)) > 0.2
    again = eg.outreach_worklist(eg.Analysis(eco, seed=3), actors=hidden, k=5)
    pd.testing.assert_frame_equal(w, again)
    pd.testing.assert_frame_equal(w.attrs["suggestions"], again.attrs["suggestions"])


def _best_assignment(best: pd.DataFrame, cap: int) -> tuple[int, int]:
    """Actors served within the cap and the least cost of serving them, by networkx (an independent min-cost flow).

    ``best``: one row per (actor, candidate), with ``rank`` (1 = the actor's best) and ``score``;
    the cost is the score lost, in units of 1e-4, then the rank, as in the worklist.
    """
    G = nx.DiGraph()
    for actor, rows in best.groupby("actor"):
        top = rows["score"].max()
        G.add_edge("source", ("a", actor), capacity=1, weight=0)
        for intro, rank, score in zip(rows["introducer"], rows["rank"], rows["score"]):
            G.add_edge(("a", actor), ("i", intro), capacity=1, weight=round((top - score) * 1e4) * 11 + int(rank) - 1)
            G.add_edge(("i", intro), "sink", capacity=cap, weight=0)
    flow = nx.max_flow_min_cost(G, "source", "sink")
    served = sum(flow["source"].values())
    return served, nx.cost_of_flow(G, flow)


@pytest.mark.parametrize("where", ["dijon", "synthetic"])
def test_first_introducers_are_a_least_cost_assignment_under_the_cap(where, analysis):
    a = analysis if where == "dijon" else eg.Analysis(eg.datasets.synthetic(800, seed=5))
    w = eg.outreach_worklist(a, k=3)
    cap = max(1, int(0.1 * len(w)))
    # every actor's 10 best candidates, in its own order (no cap: the first is the best)
    best = eg.outreach_worklist(a, k=10, max_first_share=1.0).attrs["suggestions"]
    served, least = _best_assignment(best, cap)
    firsts = w.attrs["suggestions"].query("rank == 1").merge(best, on=["actor", "introducer"], suffixes=("", "_best"))
    assert len(firsts) == w["introducer_1"].notna().sum()  # every first is one of the actor's 10 best
    uses = firsts["introducer"].value_counts()
    over = int((uses - cap).clip(lower=0).sum())
    # an introducer is first for more than the cap only for actors that no assignment within the cap serves ...
    assert over == len(firsts) - served
    # on Dijon too, where few actors of the territory have ties: the candidates likeliest tied to an actor's group
    # come from every scope (ecograph.outreach.mixing), so that every actor has one left under the cap
    assert over == 0 and uses.max() <= cap
    # ... and the actors together lose as little score as possible (the table rounds scores to 1e-6: a unit of slack each)
    top = best.groupby("actor")["score"].max()
    cost = sum(round((top[x] - s) * 1e4) * 11 + int(r) - 1 for x, s, r in zip(firsts["actor"], firsts["score"], firsts["rank_best"]))
    assert abs(cost - least) <= 11 * len(firsts) // 20


def test_an_introducer_goes_over_the_cap_only_when_no_other_can_serve():
    # one actor with a tie that may introduce anyone (the other end is a programme): five actors without a tie share it
    G = nx.Graph([("hub", "programme")])
    G.add_nodes_from(["t1", "t2", "t3", "t4", "t5"])
    nx.set_node_attributes(G, "initiative", "kind")
    G.nodes["programme"]["kind"] = "programme"
    w = eg.outreach_worklist(G, actors=["t1", "t2", "t3", "t4", "t5"], k=2)
    assert w["introducer_1"].tolist() == ["hub"] * 5 and w["introducer_2"].isna().all()


# ---- groups: any form, missing is unknown ---------------------------------------------------


def _grouped_graph():
    G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("d", "a"), ("a", "c")])
    G.add_nodes_from(["t", "u"])
    nx.set_node_attributes(G, "initiative", "kind")
    nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y", "d": "y", "t": "x"}, "sector")  # u has no sector
    return G


def test_grouping_takes_every_form_and_nothing_assumes_spheres():
    G = _grouped_graph()
    by_attr = eg.suggest_introducers(G, ["t", "u"], k=4, group="sector")
    as_series = pd.Series({"a": "x", "b": "x", "c": "y", "d": "y", "t": "x", "u": None})
    for form in (as_series, as_series.to_dict()):
        other = eg.suggest_introducers(G, ["t", "u"], k=4, group=form)
        pd.testing.assert_series_equal(other["same_group"], by_attr["same_group"])
    sets = eg.suggest_introducers(G, ["t"], k=4, group=[{"a", "b", "t"}, {"c", "d"}, {"u"}])
    assert set(sets.loc[sets["same_group"], "introducer"]) == {"a", "b"}
    same = by_attr[by_attr["same_group"]]
    assert set(same["actor"]) == {"t"} and set(same["introducer"]) == {"a", "b"}
    # u's sector is unknown: never in the same group as anyone, no E-I change can be computed
    u = by_attr[by_attr["actor"] == "u"]
    assert not u["same_group"].any() and u["ei_change"].isna().all() and (u["group_ties"] == 0).all()
    assert all(f[0] not in ("same_group", "group_ties") for why in u["why"] for f in why)
    w = eg.outreach_worklist(G, group="sector", k=2)
    assert w.attrs["group"] == "sector" and "sector" in w.columns
    assert list(worklist_table(w).columns[:4]) == ["actor id", "name", "sector", "kind"]


def test_missing_sphere_is_unknown():
    eco = eg.datasets.synthetic(800, seed=2)  # institutions and schools have no sphere
    spheres = eco.actors["sphere"]
    w = eg.outreach_worklist(eco, k=5, scope=None, actors=list(eco.actors.index[:300]))
    sugg = w.attrs["suggestions"]
    unknown_actor = sugg["actor"].map(spheres).eq("")
    unknown_intro = sugg["introducer"].map(spheres).eq("")
    assert unknown_actor.sum() > 20 and unknown_intro.sum() > 20
    assert not sugg.loc[unknown_actor | unknown_intro, "same_group"].any()
    assert (
        sugg.loc[unknown_actor | unknown_intro, "ei_change"].isna().all()
        and sugg.loc[~(unknown_actor | unknown_intro), "ei_change"].notna().all()
    )
    assert (sugg.loc[unknown_actor, "group_ties"] == 0).all()
    assert all(f[0] not in ("same_group", "group_ties") for why in sugg.loc[unknown_actor, "why"] for f in why)
    known = sugg[~unknown_actor & ~unknown_intro]
    assert (known["same_group"] == (known["actor"].map(spheres) == known["introducer"].map(spheres))).all()
    table = worklist_table(w, lang="fr")
    assert (table.loc[w["sphere"].isna().to_numpy(), "sphère"] == "Sphère inconnue").all()


def test_support_kinds_are_a_parameter():
    G = _grouped_graph()
    nx.set_node_attributes(G, {"a": "hub"}, "kind")
    with_hub = eg.suggest_introducers(G, ["u"], k=4, group="sector", support_kinds=("hub",)).set_index("introducer")
    without = eg.suggest_introducers(G, ["u"], k=4, group="sector", support_kinds=()).set_index("introducer")
    assert with_hub.loc["a", "support_structure"] and ("support", "hub") in with_hub.loc["a", "why"]
    assert not without["support_structure"].any()

    # the best candidate either way, a support structure stands further ahead of the others (scores are against the best)
    def lead(s):
        return s.loc["a", "score"] / s.drop("a")["score"].max()

    assert lead(with_hub) > lead(without) > 1


# ---- scores and effects against independent computations ------------------------------------


def test_suggestions_have_effects_computed_by_hand():
    G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")])
    G.add_node("z")
    nx.set_node_attributes(G, {"a": "p", "b": "p", "c": "q", "x": "p", "y": "q", "z": "p"}, "sphere")
    nx.set_node_attributes(G, "initiative", "kind")
    s = eg.suggest_introducers(G, ["z"], k=5)
    assert set(s["introducer"]) == {"a", "b", "c", "x", "y"}
    row = s.set_index("introducer").loc["a"]
    assert row["components_merged"] == 1 and row["newly_reachable"] == 3 and row["load_paths"] == 2
    # E-I before: cross ties b-c, c-a, x-y and one inside (a-b): (3 - 1)/4 = 0.5; with z-a inside: (3 - 2)/5 = 0.2
    assert row["ei_change"] == pytest.approx(0.2 - 0.5)
    assert row["density_change"] == pytest.approx(2 / (6 * 5))
    assert row["same_group"] and ("same_group", "p") in row["why"]
    assert "same sphere (p)" in why_words(row["why"])


def test_common_neighbours_and_adamic_adar_match_networkx():
    G = eg.datasets.synthetic(600, seed=5).graph(provenance=False, via_people=False)
    actors = [n for n in G if G.degree(n) >= 2][:20]
    s = eg.suggest_introducers(G, actors, k=10)
    assert len(s) == 200
    for row in s.itertuples():
        assert row.common_neighbours == len(list(nx.common_neighbors(G, row.actor, row.introducer)))
        ((_, _, aa),) = nx.adamic_adar_index(G, [(row.actor, row.introducer)])
        assert row.adamic_adar == pytest.approx(aa, abs=1e-5)
        assert row.group_ties == sum(G.nodes[z]["sphere"] == G.nodes[row.actor]["sphere"] != "" for z in G[row.introducer])


def test_people_and_passages_count_as_facts():
    eco = eg.datasets.tiny()  # p1 moved from the incubator to the lab
    a = eg.Analysis(eco, via_people=False)
    s = eg.suggest_introducers(a, ["lab"], k=8).set_index("introducer")
    assert s.loc["incubator", "person_link"] == 1 and ("person", 1) in s.loc["incubator", "why"]
    assert s["person_link"].drop("incubator").eq(0).all()
    loner = eg.suggest_introducers(eco, ["loner"], k=8).set_index("introducer")
    passage = {x for x in loner.index if ("mentioned", "interview 2017", 1) in loner.loc[x, "why"]}
    assert passage == set(eco.actors.index[eco.actors["source"] == "interview 2017"]) - {"loner"}


def test_overloaded_brokers_rank_lower():
    # two candidates with four ties each: "broker" holds leaves to a clique, "member" sits inside the clique
    G = nx.complete_graph(["a", "b", "c", "member"])
    G.add_edges_from([("member", "d"), ("broker", "a"), ("broker", "e"), ("broker", "f"), ("broker", "g")])
    G.add_node("t")
    nx.set_node_attributes(G, "p", "sphere")
    nx.set_node_attributes(G, "initiative", "kind")
    assert G.degree("broker") == G.degree("member") == 4
    s = eg.suggest_introducers(G, ["t"], k=8).set_index("introducer")
    assert s.loc["broker", "introducer_betweenness"] > s.loc["member", "introducer_betweenness"]
    assert s.loc["broker", "rank"] > s.loc["member", "rank"]
    assert ("broker",) in s.loc["broker", "why"] and ("broker",) not in s.loc["member", "why"]


def test_worklist_reads_its_measures_from_the_analysis(analysis, worklist):
    assert "betweenness" in analysis.__dict__ and "standing" in analysis.__dict__
    sugg = worklist.attrs["suggestions"]
    expected = analysis.betweenness.reindex(sugg["introducer"]).round(6).to_numpy()
    assert np.allclose(sugg["introducer_betweenness"].to_numpy(), expected)
    assert (sugg["introducer_degree"].to_numpy() == analysis.degree.reindex(sugg["introducer"]).to_numpy()).all()
    with pytest.raises(ValueError, match="own grouping"):
        eg.outreach_worklist(analysis, group="kind")
    with pytest.raises(ValueError, match="seed 0"):
        eg.key_players(analysis, seed=3)


def test_worklist_bad_input():
    G = nx.path_graph(4)
    with pytest.raises(MissingAttributeError, match="sphere"):
        eg.outreach_worklist(G, group="sphere")  # asked for by name: every actor must carry it
    w = eg.outreach_worklist(G)  # by default, a graph without spheres has them unknown (Analysis.of)
    assert w["group"].isna().all() and len(w)
    with pytest.raises(GraphError, match="empty"):
        eg.outreach_worklist(nx.Graph())
    nx.set_node_attributes(G, "p", "sphere")
    with pytest.raises(UnknownActorError, match="ghost"):
        eg.suggest_introducers(G, ["ghost"])
    with pytest.raises(ValueError, match="unknown weight"):
        eg.suggest_introducers(G, [0], weights={"typo": 1.0})


# ---- what-if and key players ------------------------------------------------------------------


def test_what_if(dijon, analysis):
    G = dijon.graph()
    w = eg.what_if(analysis, add=[("gaia", "creativ-21")])
    assert w.loc["isolates", "change"] == -1 and w.loc["ties", "change"] == 1
    n = analysis.sparse.n
    assert w.loc["density", "change"] == pytest.approx(2 / (n * (n - 1)))
    pd.testing.assert_series_equal(w["before"], analysis.headline, check_names=False)
    r = eg.what_if(G, remove=["creativ-21"])
    assert r.loc["actors", "after"] == 107
    t = eg.what_if(G, remove=[("premice", "toaster-lab")])
    assert t.loc["components", "change"] == 1
    new = eg.what_if(G, add=[("newbie", "creativ-21")], add_actors={"newbie": {"sphere": "production"}})
    assert new.loc["actors", "change"] == 1 and new.loc["ties", "change"] == 1
    assert list(w.columns) == ["before", "after", "change"]
    with pytest.raises(UnknownActorError, match="'ghost' is not in the graph"):
        eg.what_if(G, add=[("ghost", "creativ-21")])
    with pytest.raises(GraphError, match="no such tie"):
        eg.what_if(G, remove=[("gaia", "creativ-21")])
    with pytest.raises(GraphError, match="add_actors"):
        eg.what_if(G, add=["gaia"])


def test_what_if_with_a_partition_matches_the_measures():
    G = _grouped_graph()
    nx.set_node_attributes(G, {"u": "y"}, "sector")
    groups = {n: G.nodes[n]["sector"] for n in G}
    w = eg.what_if(G, group=groups, add=[("t", "c")], add_actors={"new": {"group": "x"}})
    H = G.copy()
    H.add_edge("t", "c")
    H.add_node("new", sector="x")
    expected = eg.headline_measures(H, "sector")
    assert w["after"].to_dict() == pytest.approx(expected.to_dict(), nan_ok=True)


def test_key_players_match_brute_force():
    G = eg.datasets.synthetic(150, seed=3).graph(provenance=False, via_people=False)

    def reachable_pairs(H):
        return sum(len(c) * (len(c) - 1) // 2 for c in nx.connected_components(H))

    base = reachable_pairs(G)
    kp = eg.key_players(G, k=3)
    removed = []
    for row in kp.itertuples():
        H = G.copy()
        H.remove_nodes_from(removed)
        allowed = [v for v in H if G.nodes[v]["kind"] not in NOT_ORGANISATIONS]
        best = max(reachable_pairs(H) - reachable_pairs(nx.restricted_view(H, [v], [])) for v in allowed)
        H2 = H.copy()
        H2.remove_node(row.actor)
        assert reachable_pairs(H) - reachable_pairs(H2) == best  # the greedy choice
        assert row.cut_point == (row.actor in set(nx.articulation_points(H))) and G.nodes[row.actor]["kind"] not in NOT_ORGANISATIONS
        removed.append(row.actor)
        assert row.pairs_disconnected == pytest.approx(1 - reachable_pairs(G.subgraph(set(G) - set(removed))) / base)
    assert kp["pairs_disconnected"].is_monotonic_increasing


def _group_pairs(H):
    pairs = set()
    for comp in nx.connected_components(H):
        known = sorted({H.nodes[n]["sphere"] for n in comp} - {""})
        pairs |= set(itertools.combinations(known, 2))
    return pairs


def test_key_players_on_dijon(analysis):
    G = analysis.graph
    kp = eg.key_players(analysis, k=3)
    assert list(kp.columns) == [
        "step",
        "actor",
        "name",
        "kind",
        "cut_point",
        "role",
        "pairs_disconnected",
        "largest_component_share",
        "groups_cut_off",
    ]
    cuts = set(nx.articulation_points(G))
    assert kp.loc[0, "cut_point"] and kp.loc[0, "actor"] in cuts
    assert kp["role"].tolist() == [None if is_missing(r) else r for r in analysis.brokers["main_role"].reindex(kp["actor"])]
    assert not analysis.eco.actors.loc[kp["actor"], "kind"].isin(list(NOT_ORGANISATIONS)).any()
    before = _group_pairs(G)
    for step in range(len(kp)):
        H = G.subgraph(set(G) - set(kp["actor"].iloc[: step + 1]))
        assert kp.loc[step, "groups_cut_off"] == len(before - _group_pairs(H))
        assert kp.loc[step, "largest_component_share"] == pytest.approx(len(max(nx.connected_components(H), key=len)) / len(G))


# ---- files ------------------------------------------------------------------------------------


def test_xlsx_and_csv_exports(tmp_path, worklist):
    from ecograph.cli import main

    out = tmp_path / "worklist.xlsx"
    assert main(["outreach", "dijon", "-o", str(out), "--lang", "fr"]) == 0
    wb = openpyxl.load_workbook(out)
    spheres = [s for s in worklist["sphere"] if s is not None]
    expected = ["Tous"] + [label("sphere", s, "fr") for s in sorted(set(spheres))] + ["Sphère inconnue"] * (len(spheres) < len(worklist))
    assert wb.sheetnames == expected
    header = [c.value for c in wb["Tous"][1]]
    assert header[:6] == ["identifiant", "nom", "sphère", "type", "portée", "pourquoi sur la liste"]
    assert "nom de l'introducteur 1" in header and "pourquoi cet introducteur 3" in header
    assert wb["Tous"].max_row == len(worklist) + 1
    assert sum(wb[s].max_row - 1 for s in wb.sheetnames[1:]) == len(worklist)
    assert "aucun lien connu" in [c.value for c in wb["Tous"]["F"]]
    table = worklist_table(worklist, lang="fr")
    cells = [[c.value for c in row] for row in wb["Tous"].iter_rows(min_row=2)]
    for column in ("pourquoi sur la liste", "pourquoi cet introducteur 1", "pourquoi cet introducteur 3"):
        assert [row[header.index(column)] or "" for row in cells] == table[column].tolist()
    csv_path = tmp_path / "worklist.csv"
    assert main(["outreach", "dijon", "-o", str(csv_path), "--lang", "en"]) == 0
    table = pd.read_csv(csv_path)
    assert list(table.columns[:5]) == ["actor id", "name", "sphere", "kind", "scope"] and len(table) == len(worklist)
    assert table["actor id"].tolist() == list(worklist.index)


def test_the_worklist_is_in_the_datasets_language_unless_asked(tmp_path, make_dataset):
    from ecograph.cli import main

    out = tmp_path / "dijon.xlsx"
    assert main(["outreach", "dijon", "-o", str(out)]) == 0  # Dijon's metadata says fr
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Tous" and "Sphère inconnue" in wb.sheetnames and "Sphere unknown" not in wb.sheetnames
    assert [c.value for c in wb["Tous"][1]][:3] == ["identifiant", "nom", "sphère"]
    assert main(["outreach", "dijon", "-o", str(out), "--lang", "en", "--force"]) == 0  # an explicit --lang wins
    assert openpyxl.load_workbook(out).sheetnames[0] == "All"
    folder = make_dataset()  # no metadata: English
    assert not (folder / "metadata.csv").exists()
    assert main(["outreach", str(folder), "-o", str(tmp_path / "w.csv")]) == 0
    assert list(pd.read_csv(tmp_path / "w.csv").columns[:3]) == ["actor id", "name", "sphere"]


def test_view_shows_suggestions_and_key_players(dijon, worklist):
    G = dijon.graph()
    pairs = eg.suggested_ties(worklist, 5)
    assert pairs == [(a, r["introducer_1"]) for a, r in worklist.head(5).iterrows()]
    kp = eg.key_players(G, k=2)
    v = eg.view(G, suggested_ties=pairs, key_players=kp["actor"])
    assert sum(e["types"] == ["suggested"] for e in v.edges) == 5
    marked = next(h for h in v.highlights if h["key"] == "key_players")
    assert marked["on"] and len(marked["nodes"]) == 2


def test_worklist_is_deterministic():
    eco = eg.datasets.synthetic(1500, seed=8)
    a = eg.outreach_worklist(eco, seed=1)
    b = eg.outreach_worklist(eco, seed=1)
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(a.attrs["suggestions"], b.attrs["suggestions"])
    assert len(a) > 50


def test_csv_worklist_is_safe_to_open_in_a_spreadsheet(tmp_path):
    G = nx.Graph([("a", "b"), ("b", "c")])
    G.add_node("d")
    nx.set_node_attributes(G, {"a": '=HYPERLINK("http://x")', "b": "B", "c": "C", "d": "@SUM(1)"}, "name")
    nx.set_node_attributes(G, "p", "sphere")
    nx.set_node_attributes(G, "initiative", "kind")
    path = write_worklist(eg.outreach_worklist(G), tmp_path / "w.csv")
    table = pd.read_csv(path)
    assert "'@SUM(1)" in table["name"].tolist()
    assert not any(str(v).startswith(("=", "@", "+")) for v in table.to_numpy().ravel())
    xlsx = write_worklist(eg.outreach_worklist(G), tmp_path / "w.xlsx")
    cells = [c for row in openpyxl.load_workbook(xlsx)["All"].iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells) and "@SUM(1)" in [c.value for c in cells]


def test_a_long_worklist_is_ranked_in_parts_with_the_cap_held(monkeypatch):
    """Past WORKLIST_PART actors the list is ranked part by part (memory of one part): every actor is kept, and the cap holds overall."""
    from ecograph.outreach import worklist as module

    eco = eg.datasets.synthetic(1500, seed=8)
    whole = eg.outreach_worklist(eco, seed=1)
    monkeypatch.setattr(module, "WORKLIST_PART", 17)
    parts = eg.outreach_worklist(eco, seed=1)
    assert len(whole) > 3 * 17
    assert parts.index.tolist() == whole.index.tolist()
    assert parts["introducer_1"].notna().sum() == whole["introducer_1"].notna().sum()
    assert _first_share(parts) <= 0.1
    # the first part is ranked exactly as it would be alone
    head = whole.index[:17].tolist()
    alone = eg.outreach_worklist(eco, seed=1, actors=head)
    assert parts.loc[head, "introducer_2"].tolist() == alone.loc[head, "introducer_2"].tolist()
