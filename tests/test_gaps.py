"""Coverage: the gap list and the sphere statuses, against values counted by hand."""

from __future__ import annotations

import pandas as pd

import ecograph as eg
from ecograph.vocabulary import NO_SPHERE_KINDS


def small():
    actors = pd.DataFrame(
        [
            ("a", "A", "initiative", "finance", "stated", "“x”", "local", "2015"),
            ("b", "B", "initiative", "support", "inferred", "“y”", "", ""),
            ("c", "C", "place", "", "", "", "regional", "2010"),
            ("d", "D", "initiative", "production", "", "", "local", ""),  # tied only through a person
            ("e", "E", "initiative", "", "", "", "", ""),  # nothing known
            ("f", "F", "initiative", "consumption", "", "", "local", "2001"),
        ],
        columns=["id", "name", "kind", "sphere", "sphere_status", "sphere_basis", "scope", "founded"],
    ).assign(source="notes")
    ties = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "type": "partnership", "evidence": "notes"})
    people = pd.DataFrame({"id": ["p"], "name": ["P"], "source": ["notes"]})
    affiliations = pd.DataFrame(
        {"person": ["p", "p"], "actor": ["d", "f"], "role": "member", "start": ["2015", "2016"], "end": "", "source": "notes"}
    )
    return eg.from_frames(actors, ties, people, affiliations, name="small")


def test_actor_gaps_flags_each_missing_piece():
    gaps = eg.actor_gaps(small())
    assert gaps.index.tolist() == ["a", "b", "c", "d", "e", "f"]
    assert gaps.columns.tolist() == ["name", *eg.gaps.GAP_COLUMNS, "sphere_inferred", "n_missing"]
    expected = {  # sphere, founded, scope, tie: counted by hand from the rows above
        "a": (False, False, False, False),
        "b": (False, True, True, False),
        "c": (True, False, False, False),
        "d": (False, True, False, False),
        "e": (True, True, True, True),
        "f": (False, False, False, False),
    }
    for actor_id, flags in expected.items():
        assert tuple(gaps.loc[actor_id, list(eg.gaps.GAP_COLUMNS)]) == flags, actor_id
        assert gaps.loc[actor_id, "n_missing"] == sum(flags)
    assert gaps.index[gaps["sphere_inferred"]].tolist() == ["b"]
    assert gaps["name"].tolist() == ["A", "B", "C", "D", "E", "F"]


def test_actor_gaps_on_the_dijon_data_agree_with_the_tables():
    eco = eg.datasets.dijon()
    gaps = eg.actor_gaps(eco)
    assert gaps.index.equals(eco.actors.index)
    named_in_ties = set(eco.ties["source"]) | set(eco.ties["target"]) | set(eco.affiliations["actor"])
    assert set(gaps.index[~gaps["missing_tie"]]) == named_in_ties
    no_sphere = eco.actors["kind"].isin(NO_SPHERE_KINDS)  # an institution's sphere is not missing: none applies
    assert int(gaps["missing_sphere"].sum()) == int(((eco.actors["sphere"] == "") & ~no_sphere).sum()) == 35
    assert int(gaps["missing_founded"].sum()) == int(eco.actors["founded"].isna().sum())


def test_sphere_status_counts_and_the_stated_only_copy():
    eco = small()
    assert eg.sphere_status_counts(eco).to_dict() == {"stated": 1, "inferred": 1, "unmarked": 2, "unknown": 2}
    stated = eg.without_inferred_spheres(eco)
    assert stated.actors.loc["b", ["sphere", "sphere_status", "sphere_basis"]].tolist() == ["", "", "“y”"]
    assert eco.actors.loc["b", "sphere"] == "support"  # the original is untouched
    assert eg.sphere_status_counts(stated).to_dict() == {"stated": 1, "inferred": 0, "unmarked": 2, "unknown": 3}
    assert eg.without_inferred_spheres(eg.datasets.tiny()) is not None
    synthetic = eg.datasets.synthetic(200, seed=0)
    assert eg.sphere_status_counts(synthetic)["unmarked"] == int((synthetic.actors["sphere"] != "").sum())
