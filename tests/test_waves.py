"""Two maps of Dijon compared: each change counted exactly, in both languages, and never a zero count."""

from __future__ import annotations

import json
import re
import shutil

import pandas as pd
import pytest

import ecograph as eg
from ecograph.cli import main
from ecograph.report.brief import coverage_items
from ecograph.vocabulary import NO_SPHERE_KINDS
from ecograph.waves import compare_maps, main_part_share
from ecograph.words import word

ON = "2027-01-10"
ZERO_COUNT = re.compile(r"(?<![\d.,\u202f])0[ \u00a0]+[A-Za-zÀ-ÿ]")


def _write_ties(folder, ties):
    ties.to_csv(folder / "ties.csv", index=False, encoding="utf-8", lineterminator="\n")


def _tie(source, target, status, by="", type="partnership"):
    return {
        "source": source,
        "target": target,
        "type": type,
        "evidence": f"response-{by or source}.json ({ON})",
        "status": status,
        "declared_by": by,
        "declared_on": ON if by else "",
    }


@pytest.fixture(scope="module")
def waves(tmp_path_factory):
    """Two maps: Dijon with one tie declared by one side; then that tie confirmed, 3 worklist actors tied, 5 spheres, 2 actors."""
    root = tmp_path_factory.mktemp("waves")
    dijon = eg.datasets.dijon()
    a = eg.Analysis(dijon)
    tied = [x for x in a.standing.index if not a.standing.at[x, "no_known_tie"]]
    first, second = tied[0], tied[-1]
    old = root / "old"
    shutil.copytree(eg.datasets.dijon_path(), old)
    ties = pd.read_csv(old / "ties.csv", dtype=str, keep_default_na=False)
    ties = pd.concat([ties, pd.DataFrame([_tie(first, second, "declared", by=first)])], ignore_index=True).fillna("")
    _write_ties(old, ties)
    before = eg.load(old)
    worklist = eg.Brief(before).worklist.index[:3].tolist()  # the first three to reach
    new = root / "new"
    shutil.copytree(old, new)
    ties = pd.read_csv(new / "ties.csv", dtype=str, keep_default_na=False)
    ties.loc[(ties["source"] == first) & (ties["target"] == second), "status"] = "confirmed"
    partners = [x for x in tied[1:] if x not in eg.Brief(before).worklist.index][:3]
    added = [_tie(w, p, "declared", by=w) for w, p in zip(worklist, partners)]
    _write_ties(new, pd.concat([ties, pd.DataFrame(added)], ignore_index=True).fillna(""))
    actors = pd.read_csv(new / "actors.csv", dtype=str, keep_default_na=False)
    observed = before.observed().actors
    blank = observed[(observed["sphere"].fillna("") == "") & ~observed["kind"].isin(NO_SPHERE_KINDS)].index[:5].tolist()
    actors.loc[actors["id"].isin(blank), "sphere"] = "production"
    newcomers = pd.DataFrame(
        {
            "id": ["atelier-test", "ressourcerie-test"],
            "name": ["Atelier Test", "Ressourcerie Test"],
            "kind": "initiative",
            "source": f"response ({ON})",
        }
    )
    pd.concat([actors, newcomers], ignore_index=True).fillna("").to_csv(
        new / "actors.csv", index=False, encoding="utf-8", lineterminator="\n"
    )
    after = eg.load(new)
    return {
        "old": old,
        "new": new,
        "before": before,
        "after": after,
        "worklist": worklist,
        "blank": blank,
        "pair": (first, second),
        "partners": partners,
    }


@pytest.fixture(scope="module")
def changes(waves):
    return compare_maps(waves["before"], waves["after"])


def test_each_change_counted_exactly(waves, changes):
    assert len(waves["blank"]) == 5
    assert changes.counts == {
        "actors_added": 2,
        "ties_added": 3,
        "ties_added_declared": 3,
        "ties_confirmed": 1,
        "now_connected": 3,
        "spheres_filled": 5,
        **({"findings_changed": len(changes.findings)} if changes.findings else {}),
    }
    assert sorted(changes.diff.actors_added.index) == ["atelier-test", "ressourcerie-test"]
    assert changes.ties_confirmed[["source", "target"]].values.tolist() == [list(waves["pair"])]
    assert changes.now_connected.index.tolist() == waves["worklist"]
    assert [p[0] for p in changes.now_connected["partners"]] == waves["partners"]
    names = waves["after"].actors["name"]
    assert [b[0] for b in changes.now_connected["declared_by"]] == waves["worklist"]
    assert [b[0] for b in changes.now_connected["declared_by_names"]] == [names[w] for w in waves["worklist"]]
    assert sorted(changes.spheres_filled) == sorted(waves["blank"])
    assert changes.measures.loc["density", "after_size"] == changes.measures.loc["density", "before_size"] + 3


def test_measures_are_the_briefs(changes):
    m = changes.measures
    assert m.loc["density", "before"] == changes.before.analysis.density
    assert m.loc["density", "after"] == changes.after.analysis.density
    assert m.loc["density", "after"] == float(changes.diff.measures.loc["density", "after"])
    assert m.loc["main_part", "after"] == main_part_share(changes.after.analysis.sparse)
    band = changes.before.analysis.robustness.set_index("measure").loc["density"]
    assert (m.loc["density", "before_low"], m.loc["density", "before_high"]) == (band["ci_low"], band["ci_high"])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_sentences_in_both_languages(waves, changes, lang):
    said = changes.sentences(lang)
    names = waves["after"].actors["name"]
    assert said[0] == word("waves.actors_added", lang, n=2, names=["Atelier Test", "Ressourcerie Test"])
    assert said[1] == word("waves.ties_added", lang, n=3, detail=f" ({word('waves.of_declared', lang, n=3)})")
    first, second = waves["pair"]
    assert said[2] == word("waves.ties_confirmed", lang, n=1, pairs=[f"{names[first]} – {names[second]}"])
    assert said[3].startswith(word("waves.now_connected", lang, n=3, items=[]).rstrip(".: "))
    assert all(names[w] in said[3] and names[p] in said[3] for w, p in zip(waves["worklist"], waves["partners"]))
    assert word("waves.spheres_filled", lang, n=5, names=[]).rstrip(".: ") in said[4]
    assert any(s.startswith(word("waves.density_plain", lang, before=0, after=0)[:6]) for s in said)
    assert not any(ZERO_COUNT.search(s) for s in said)


def test_identical_maps_say_nothing_changed(waves):
    same = compare_maps(waves["before"], waves["before"])
    assert same.nothing_changed and same.counts == {}
    assert same.sentences("en") == [word("waves.nothing", "en")]
    assert same.sentences("fr") == [word("waves.nothing", "fr")]


def test_no_zero_count_in_any_sentence(waves):
    """Only removals, or only one kind of change: no sentence says "0 ..." of what did not happen."""
    before, after = waves["before"], waves["after"]
    for old, new in ((after, before), (before, after)):
        for lang in ("en", "fr"):
            said = compare_maps(old, new).sentences(lang)
            assert said and not any(ZERO_COUNT.search(s) for s in said), said
    for lang in ("en", "fr"):
        for brief in (eg.Brief(before), eg.Brief(after), eg.Brief(eg.datasets.dijon())):
            assert not any(ZERO_COUNT.search(s) for s in coverage_items(brief, lang))


def test_declared_and_confirmed_in_what_the_data_cover(waves):
    brief = eg.Brief(waves["after"])
    assert (brief.facts["declared"], brief.facts["confirmed"]) == (3, 1)
    items = coverage_items(brief, "en")
    assert word("waves.covers_declared_confirmed", "en", declared=3, confirmed=1) in items
    held = word("waves.covers_confirmed_holds", "en", declared=3)
    assert (held in items) == (not brief.confirmed_changes)
    alone = brief.confirmed_only
    assert len(alone.analysis.network_eco.ties) == len(brief.analysis.network_eco.ties) - 3
    assert eg.Brief(waves["before"]).facts["confirmed"] == 0
    assert word("waves.covers_declared", "fr", declared=1) in coverage_items(eg.Brief(waves["before"]), "fr")
    plain = eg.Brief(eg.datasets.dijon())
    assert plain.confirmed_only is None and not any("declared" in s for s in coverage_items(plain, "en"))


def test_compare_command(waves, capsys):
    assert main(["compare", str(waves["old"]), str(waves["new"]), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "Since the previous map\n- 2 actors added: Atelier Test and Ressourcerie Test.\n- 3 ties added (3 declared by one side)."
    )
    assert main(["compare", str(waves["old"]), str(waves["new"]), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["ties_confirmed"] == 1 and data["now_connected"][0]["actor"] == waves["worklist"][0]
    assert main(["compare", str(waves["old"]), str(waves["old"])]) == 0
    assert capsys.readouterr().out == "Depuis la carte précédente\n- " + word("waves.nothing", "fr") + "\n"


def test_report_with_previous(waves, tmp_path):
    out = tmp_path / "report"
    assert (
        main(["report", str(waves["new"]), "-o", str(out), "--previous", str(waves["old"]), "--lang", "en", "-q", "--date", "2027-02-01"])
        == 0
    )
    page = next(out.glob("*.html")).read_text(encoding="utf-8")
    assert "<h2 class='first' id='changes'>Since the previous map</h2>" in page
    assert "2 actors added: Atelier Test and Ressourcerie Test." in page
    assert page.index("id='changes'") < page.index("id='covers'")
    same = eg.report.build_report(waves["before"], previous=waves["before"], lang="fr", date="2027-02-01").html
    assert word("waves.nothing", "fr").replace("'", "&#x27;") in same
    assert "id='changes'" not in eg.report.build_report(waves["before"], lang="fr", date="2027-02-01").html


def test_report_with_previous_pseudonymised(waves):
    html = eg.report.build_report(waves["after"], previous=waves["before"], pseudonymise_people=True, lang="en", date="2027-02-01").html
    assert "2 actors added: Atelier Test and Ressourcerie Test." in html
    assert not any(name in html for name in waves["after"].people["name"])
