"""The people links computed with numpy are those of the loop over each person's pairs of affiliations it replaced.

``loop_people_links`` below is the former :func:`ecograph.graphs.people_links`,
kept word for word as the reference: one Python loop per pair of
affiliations, each date parsed with :func:`ecograph.timeutil.period`. The
tables compared are random (empty, partial and full dates, a person twice in
one actor, people with one to six affiliations, periods in any order), the
Dijon data and a synthetic ecosystem; rows, order, dtypes and values
(``<NA>`` years included) must be identical.
"""

from __future__ import annotations

import calendar
import random
from types import SimpleNamespace

import pandas as pd
import pytest

import ecograph as eg
from ecograph.graphs import PEOPLE_LINK_COLUMNS, links_as_of, people_links
from ecograph.timeutil import period, year_of


def _pair_relation(a: dict, b: dict) -> tuple[str, dict, dict, int | None]:
    """Classify two affiliations of one person: (kind, first, second, year)."""

    def moved(x: dict, y: dict) -> bool:
        return bool(x["end"]) and bool(y["start"]) and period(y["start"])[1] >= period(x["end"])[0]

    ab, ba = moved(a, b), moved(b, a)
    if ab and ba:  # both short periods in the same span: order by start
        ab = period(a["start"] or a["end"])[0] <= period(b["start"] or b["end"])[0]
        ba = not ab
    if ab:
        return "moved", a, b, year_of(b["start"])
    if ba:
        return "moved", b, a, year_of(a["start"])
    starts = [period(x["start"])[0] for x in (a, b) if x["start"]]
    first, second = (a, b) if a["actor"] <= b["actor"] else (b, a)
    return "shared", first, second, (max(starts).year if starts else None)


def loop_people_links(eco, *, as_of: int | None = None) -> pd.DataFrame:
    """The former implementation of :func:`ecograph.graphs.people_links` (the reference)."""
    aff = eco.affiliations
    rows: list[dict] = []
    if len(aff):
        records = aff[["person", "actor", "role", "start", "end"]].to_dict("records")
        by_person: dict[str, list[dict]] = {}
        for rec in records:
            by_person.setdefault(rec["person"], []).append(rec)
        for person, recs in by_person.items():
            if len({r["actor"] for r in recs}) < 2:
                continue
            for i in range(len(recs)):
                for j in range(i + 1, len(recs)):
                    a, b = recs[i], recs[j]
                    if a["actor"] == b["actor"]:
                        continue
                    kind, first, second, year = _pair_relation(a, b)
                    rows.append(
                        {
                            "source": first["actor"],
                            "target": second["actor"],
                            "person": person,
                            "kind": kind,
                            "year": year,
                            "source_start": first["start"],
                            "source_end": first["end"],
                            "target_start": second["start"],
                            "target_end": second["end"],
                            "source_role": first["role"],
                            "target_role": second["role"],
                        }
                    )
    df = pd.DataFrame(rows, columns=PEOPLE_LINK_COLUMNS)
    df["year"] = pd.array(df["year"].tolist(), dtype="Int64")
    df = df.sort_values(["source", "target", "person"], kind="stable").reset_index(drop=True)
    return df if as_of is None else links_as_of(df, eco.actors, as_of)


def _when(rng: random.Random) -> str:
    """An empty, year, month or day text, in a few years so that periods often meet."""
    y = rng.choice([2011, 2012, 2013])
    m = rng.randint(1, 12)
    return rng.choice(["", "", f"{y}", f"{y}-{m:02d}", f"{y}-{m:02d}-{rng.randint(1, calendar.monthrange(y, m)[1]):02d}"])


def _random_affiliations(seed: int, *, people: int = 60, actors: int = 8, ordered: bool = False) -> pd.DataFrame:
    """Each person in 1 to 6 affiliations (the same actor possibly twice), rows shuffled; ``ordered``: start before end."""
    rng = random.Random(seed)
    rows = []
    for p in range(people):
        for _ in range(rng.randint(1, 6)):
            start, end = _when(rng), _when(rng)
            if ordered and start and end and period(start)[0] > period(end)[1]:
                start, end = end, start
            rows.append(
                {
                    "person": f"p{p:02d}",
                    "actor": f"a{rng.randrange(actors)}",
                    "role": rng.choice(["", "member", "board"]),
                    "start": start,
                    "end": end,
                }
            )
    rng.shuffle(rows)
    return pd.DataFrame(rows, columns=["person", "actor", "role", "start", "end"])


def _assert_same(eco, as_of: int | None = None) -> pd.DataFrame:
    got = people_links(eco, as_of=as_of)
    want = loop_people_links(eco, as_of=as_of)
    pd.testing.assert_frame_equal(got, want, check_dtype=True, check_exact=True)
    assert list(got.dtypes.astype(str)) == list(want.dtypes.astype(str))
    return got


@pytest.mark.parametrize("seed", range(12))
def test_random_tables_give_the_rows_of_the_loop(seed):
    aff = _random_affiliations(seed)
    eco = SimpleNamespace(affiliations=aff, actors=pd.DataFrame(index=pd.Index([f"a{k}" for k in range(8)], name="id")))
    got = _assert_same(eco)
    # the cases the comparison must cover are there
    assert {"moved", "shared"} <= set(got["kind"]) and got["year"].isna().any()
    assert {len(text) for text in [*got["source_start"], *got["target_end"]]} == {0, 4, 7, 10}  # empty, year, month, day
    assert aff.groupby("person").size().max() >= 5 and aff.duplicated(["person", "actor"]).any()
    assert (got["kind"] == "moved").any() and ((got["kind"] == "shared") & got["year"].notna()).any()


@pytest.mark.parametrize("seed", range(3))
def test_validated_tables_and_snapshots_give_the_rows_of_the_loop(seed):
    aff = _random_affiliations(100 + seed, people=40, ordered=True)
    actors = pd.DataFrame({"id": [f"a{k}" for k in range(8)], "name": [f"A{k}" for k in range(8)], "kind": "initiative", "source": "notes"})
    actors["founded"] = [2010, 2012, None, 2013, None, None, 2011, None]
    people = pd.DataFrame({"id": sorted(set(aff["person"])), "name": "x", "source": "notes"})
    ties = pd.DataFrame({"source": ["a0"], "target": ["a1"], "type": ["partnership"], "evidence": ["notes"]})
    eco = eg.from_frames(actors, ties, people, aff.assign(source="notes"))
    assert len(eco.affiliations) == len(aff)
    _assert_same(eco)
    for year in (2011, 2012, 2013):
        _assert_same(eco, as_of=year)


def test_odd_values_give_the_rows_of_the_loop():
    """Missing roles, one person only, nobody in two actors, and no affiliation at all."""
    aff = pd.DataFrame(
        {
            "person": ["p", "p", "p", "q", "q"],
            "actor": ["b", "a", "c", "a", "a"],
            "role": [None, "member", None, "", ""],
            "start": ["2012-02-29", "", "2012", "2010", ""],
            "end": ["2012-02-29", "2012-02", "", "", "2011"],
        }
    )
    actors = pd.DataFrame(index=pd.Index(["a", "b", "c"], name="id"))
    got = _assert_same(SimpleNamespace(affiliations=aff, actors=actors))
    assert got[["source", "target", "kind"]].values.tolist() == [["a", "b", "moved"], ["a", "c", "moved"], ["b", "c", "moved"]]
    assert got["year"].tolist() == [2012, 2012, 2012]
    _assert_same(SimpleNamespace(affiliations=aff[aff["person"] == "q"], actors=actors))
    _assert_same(SimpleNamespace(affiliations=aff.iloc[:0], actors=actors))


@pytest.mark.parametrize(
    "eco", [eg.datasets.dijon(), eg.datasets.tiny(), eg.datasets.synthetic(3000, seed=2)], ids=["dijon", "tiny", "synthetic"]
)
def test_bundled_data_give_the_rows_of_the_loop(eco):
    got = _assert_same(eco)
    assert len(got) > 0
    _assert_same(eco, as_of=2018)
