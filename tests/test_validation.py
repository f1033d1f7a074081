"""One test per validation rule: each problem names the file, the row and the column."""

from __future__ import annotations

import pandas as pd
import pytest

import ecograph as eg
from conftest import ACTORS_HEADER, TIES_HEADER, actor, tie
from ecograph.errors import SchemaError


def problems_of(path):
    with pytest.raises(SchemaError) as info:
        eg.load(path)
    return info.value.problems


def only(problems, column):
    found = [p for p in problems if p.column == column]
    assert found, f"no problem on column {column!r}: {[str(p) for p in problems]}"
    return found[0]


def test_valid_dataset_loads(make_dataset):
    eco = eg.load(make_dataset())
    assert list(eco.actors.index) == ["a", "b", "c"]
    assert len(eco.ties) == 2
    assert eco.problems == []


def test_missing_required_column(make_dataset):
    header = [c for c in TIES_HEADER if c != "evidence"]
    path = make_dataset(ties=[row[:-1] for row in [tie("a", "b")]], ties_header=header)
    p = only(problems_of(path), "evidence")
    assert p.table == "ties" and p.row is None
    assert p.file.endswith("ties.csv")
    assert "missing required column" in str(p) and "'evidence'" in str(p)


def test_duplicate_id_names_both_rows(make_dataset):
    path = make_dataset(actors=[actor("a"), actor("b"), actor("a", name="Again")])
    p = only(problems_of(path), "id")
    assert (p.row, p.value) == (4, "a")
    assert "already used on row 2" in p.message
    assert "actors.csv, row 4, column 'id'" in str(p)


def test_reference_to_unknown_actor_suggests_closest(make_dataset):
    path = make_dataset(actors=[actor("coursive"), actor("docks")], ties=[tie("coursive", "dokcs")])
    p = only(problems_of(path), "target")
    assert (p.table, p.row, p.value) == ("ties", 2, "dokcs")
    assert "unknown actor id" in p.message and "Did you mean 'docks'" in p.hint


def test_reference_to_unknown_person(make_dataset):
    path = make_dataset(people=[["p1", "Anne", "notes"]], affiliations=[["p2", "a", "employee", "", "", "notes"]])
    p = only(problems_of(path), "person")
    assert (p.table, p.row, p.value) == ("affiliations", 2, "p2")
    assert p.file.endswith("affiliations.csv")


def test_unknown_vocabulary_value_suggests_closest(make_dataset):
    path = make_dataset(actors=[actor("a", sphere="finnance"), actor("b")], ties=[tie("a", "b", "partenership")])
    problems = problems_of(path)
    sphere = only(problems, "sphere")
    assert (sphere.row, sphere.value) == (2, "finnance") and "Did you mean 'finance'" in sphere.hint
    ttype = only(problems, "type")
    assert (ttype.table, ttype.row) == ("ties", 2) and "Did you mean 'partnership'" in ttype.hint


def test_vocabulary_is_case_and_dash_tolerant(make_dataset):
    eco = eg.load(make_dataset(actors=[actor("a", kind="Support Structure"), actor("b")], ties=[tie("a", "b", "co-organisation")]))
    assert eco.actors.loc["a", "kind"] == "support_structure"
    assert eco.ties.loc[0, "type"] == "co_organisation"


def test_unreadable_year(make_dataset):
    path = make_dataset(actors=[actor("a", founded="deux mille"), actor("b", founded="2016-05-01")], ties=[])
    problems = [p for p in problems_of(path) if p.column == "founded"]
    assert [(p.row, p.value) for p in problems] == [(2, "deux mille"), (3, "2016-05-01")]
    assert "Write only the year, for example 2016" in problems[1].hint


def test_unreadable_date_gives_iso_hint(make_dataset):
    path = make_dataset(ties=[tie("a", "b", start="01/03/2016")])
    p = only(problems_of(path), "start")
    assert (p.table, p.row) == ("ties", 2)
    assert "2016-03-01" in p.hint


def test_impossible_date(make_dataset):
    p = only(problems_of(make_dataset(ties=[tie("a", "b", end="2017-02-30")])), "end")
    assert p.row == 2 and "does not exist" in p.hint


def test_start_after_end(make_dataset):
    path = make_dataset(ties=[tie("a", "b"), tie("a", "c", start="2018", end="2016-06")])
    p = only(problems_of(path), "end")
    assert (p.row, p.value) == (3, "2016-06") and "ends before it starts" in p.message


def test_start_and_end_in_same_year_is_fine(make_dataset):
    eco = eg.load(make_dataset(ties=[tie("a", "b", start="2016-05", end="2016")]))
    assert eco.ties.loc[0, "start"] == "2016-05"


def test_founded_after_closed(make_dataset):
    p = only(problems_of(make_dataset(actors=[actor("a", founded="2018", closed="2015"), actor("b"), actor("c")])), "closed")
    assert p.row == 2 and "closed before it was founded" in p.message


@pytest.mark.parametrize(("lat", "lon", "column"), [("147.3", "5.0", "lat"), ("47.3", "-190", "lon")])
def test_coordinates_out_of_range(make_dataset, lat, lon, column):
    p = only(problems_of(make_dataset(actors=[actor("a"), actor("b", lat=lat, lon=lon), actor("c")])), column)
    assert p.row == 3 and "out of range" in p.message


def test_latitude_without_longitude(make_dataset):
    p = only(problems_of(make_dataset(actors=[actor("a", lat="47.3"), actor("b"), actor("c")])), "lon")
    assert p.row == 2 and "together" in p.message


def test_decimal_comma_is_read(make_dataset):
    eco = eg.load(make_dataset(actors=[actor("a", lat="47,3235", lon="5,0595"), actor("b"), actor("c")]))
    assert eco.actors.loc["a", "lat"] == pytest.approx(47.3235)


def test_empty_source(make_dataset):
    p = only(problems_of(make_dataset(actors=[actor("a"), actor("b", source=""), actor("c")])), "source")
    assert (p.table, p.row) == ("actors", 3) and "must be filled in" in p.message


def test_empty_evidence(make_dataset):
    p = only(problems_of(make_dataset(ties=[tie("a", "b", evidence="")])), "evidence")
    assert (p.table, p.row) == ("ties", 2) and "Say where this fact comes from" in p.hint


def test_tie_to_itself(make_dataset):
    p = only(problems_of(make_dataset(ties=[tie("a", "a")])), "target")
    assert p.row == 2 and "itself" in p.message


def test_many_ties_to_itself_are_one_problem_after_the_first(make_dataset):
    from ecograph.validation import SELF_LOOPS_LISTED

    folder = make_dataset(ties=[tie("a", "a")] * (SELF_LOOPS_LISTED + 30) + [tie("a", "b")])
    found = [p for p in problems_of(folder) if p.column == "target"]
    assert len(found) == SELF_LOOPS_LISTED + 1
    (summary,) = [p for p in found if p.row is None]
    assert summary.message.startswith("30 more ties link an actor to itself (rows 22 to 51)")
    eco = eg.load(folder, on_error="collect")
    assert len(eco.rejected) == SELF_LOOPS_LISTED + 30 and len(eco.ties) == 1


def test_bad_identifier_suggests_slug(make_dataset):
    p = only(problems_of(make_dataset(actors=[actor("Café Pirouette"), actor("b")], ties=[])), "id")
    assert p.row == 2 and "'cafe-pirouette'" in p.hint


def test_bad_website(make_dataset):
    problems = problems_of(
        make_dataset(actors=[actor("a", website="www.la-coursive.fr"), actor("b", website="javascript:alert(1)"), actor("c")])
    )
    sites = [p for p in problems if p.column == "website"]
    assert [p.row for p in sites] == [2, 3]
    assert "https://www.la-coursive.fr" in sites[0].hint


def test_negative_weight(make_dataset):
    p = only(problems_of(make_dataset(ties=[tie("a", "b", weight="-2")])), "weight")
    assert p.row == 2 and "at least 0" in p.message


def test_row_with_too_many_cells(make_dataset, tmp_path):
    folder = make_dataset()
    text = (folder / "ties.csv").read_text()
    (folder / "ties.csv").write_text(text + "a,c,partnership,,,,notes,surplus\r\n")
    p = next(p for p in problems_of(folder) if p.table == "ties")
    assert p.row == 4 and "has 8 cells but the header has 7" in p.message


def test_missing_required_table(tmp_path, make_dataset):
    folder = make_dataset()
    (folder / "ties.csv").unlink()
    with pytest.raises(SchemaError, match="the required table 'ties' is missing"):
        eg.load(folder, on_error="collect")


def test_every_problem_is_listed_at_once(make_dataset):
    path = make_dataset(
        actors=[actor("a", sphere="x"), actor("b", founded="y"), actor("b")],
        ties=[tie("a", "zz"), tie("a", "b", evidence="")],
    )
    problems = problems_of(path)
    assert {(p.table, p.row, p.column) for p in problems} == {
        ("actors", 2, "sphere"),
        ("actors", 3, "founded"),
        ("actors", 4, "id"),
        ("ties", 2, "target"),
        ("ties", 3, "evidence"),
    }
    assert str(SchemaError(problems)).startswith("5 problems found")


def test_schema_error_is_a_value_error(make_dataset):
    with pytest.raises(ValueError):
        eg.load(make_dataset(ties=[tie("a", "nobody")]))


def test_collect_loads_valid_rows_and_keeps_rejected(make_dataset):
    path = make_dataset(actors=[actor("a"), actor("b", founded="soon"), actor("c")], ties=[tie("a", "c"), tie("a", "b"), tie("c", "ghost")])
    eco = eg.load(path, on_error="collect")
    assert list(eco.actors.index) == ["a", "c"]
    assert eco.ties[["source", "target"]].values.tolist() == [["a", "c"]]
    rejected = eco.rejected.set_index(["table", "row"])
    assert set(rejected.index) == {("actors", 3), ("ties", 3), ("ties", 4)}
    assert "founded: not a year" in rejected.loc[("actors", 3), "reasons"]
    assert "refers to actors row 3, which was rejected" in rejected.loc[("ties", 3), "reasons"]
    assert rejected.loc[("ties", 4), "cells"]["target"] == "ghost"
    # nothing is lost: valid + rejected = every data row
    assert len(eco.actors) + (eco.rejected["table"] == "actors").sum() == 3
    assert len(eco.ties) + (eco.rejected["table"] == "ties").sum() == 3


def test_dataset_vocabulary_extension(make_dataset):
    folder = make_dataset(ties=[tie("a", "b", "mentoring")])
    (folder / "vocabulary.csv").write_text("field,value,directed,description\ntype,mentoring,yes,The source mentors the target.\n")
    eco = eg.load(folder)
    assert eco.vocabulary.is_directed("mentoring")
    assert eco.ties.loc[0, "type"] == "mentoring"


def test_bad_vocabulary_extension(make_dataset):
    folder = make_dataset()
    (folder / "vocabulary.csv").write_text("field,value,directed\ncolour,red,no\ntype,Mentoring Tie,maybe\n")
    problems = problems_of(folder)
    assert [(p.table, p.row, p.column) for p in problems] == [("vocabulary", 2, "field"), ("vocabulary", 3, "value")]


def test_cli_validate_lists_every_problem_and_fails(make_dataset, capsys):
    from ecograph.cli import main

    path = make_dataset(actors=[actor("a", sphere="finnance"), actor("b", lat="95", lon="5")], ties=[tie("a", "ghost")])
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "3 problems found" in out
    assert "actors.csv, row 2, column 'sphere'" in out
    assert "actors.csv, row 3, column 'lat'" in out
    assert "ties.csv, row 2, column 'target'" in out


def test_cli_validate_valid(make_dataset, capsys):
    from ecograph.cli import main

    assert main(["validate", str(make_dataset())]) == 0
    assert "valid (3 actors" in capsys.readouterr().out


@pytest.mark.parametrize(
    "command", [["summary"], ["outreach", "-o", "w.xlsx"], ["export", "--format", "gexf", "-o", "g.gexf"], ["template", "t.xlsx", "--from"]]
)
def test_commands_on_an_invalid_dataset_fail_cleanly(make_dataset, capsys, tmp_path, monkeypatch, command):
    from ecograph.cli import main

    monkeypatch.chdir(tmp_path)
    path = str(make_dataset(ties=[tie("a", "ghost")]))
    argv = [*command, path] if command[0] == "template" else [command[0], path, *command[1:]]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "ties.csv, row 2, column 'target'" in err and "Traceback" not in err


SPHERE_HEADER = [*ACTORS_HEADER, "sphere_status", "sphere_basis"]


def sphere_row(id_: str, sphere: str, status: str, basis: str) -> list[str]:
    return [*actor(id_, sphere=sphere), status, basis]


def test_sphere_status_is_a_small_vocabulary_and_needs_a_sphere_and_a_basis(make_dataset):
    path = make_dataset(
        actors=[
            sphere_row("a", "finance", "stated", "“plateforme de financement participatif” (study, ch. 2)"),
            sphere_row("b", "", "inferred", "“un réseau”"),
            sphere_row("c", "support", "inferred", ""),
            sphere_row("d", "support", "guessed", "a hunch"),
            sphere_row("e", "production", "", ""),  # a sphere without a status: allowed, as in any dataset
        ],
        ties=[tie("a", "e")],
        actors_header=SPHERE_HEADER,
    )
    problems = problems_of(path)
    assert [(p.row, p.column, p.value, p.message) for p in problems] == [
        (3, "sphere_status", "inferred", "a sphere status without a sphere"),
        (4, "sphere_basis", None, "a sphere marked inferred needs its basis"),
        (5, "sphere_status", "guessed", "unknown sphere_status"),
    ]
    assert problems[2].hint == "Valid codes: stated, inferred"
    eco = eg.load(path, on_error="collect")
    assert list(eco.actors.index) == ["a", "e"]
    assert eco.actors.loc["a", ["sphere", "sphere_status"]].tolist() == ["finance", "stated"]


def test_an_unknown_code_in_an_optional_column_keeps_the_row_and_names_the_way_out():
    """Own groups in `sphere`: the actors and their ties are kept, the value read as unknown, vocabulary.csv named."""
    actors = pd.DataFrame(
        {"id": ["a", "b", "c"], "name": ["A", "B", "C"], "kind": "initiative", "source": "notes", "sphere": ["arts", "finance", "arts"]}
    )
    ties = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "type": "partnership", "evidence": "notes"})
    eco = eg.from_frames(actors, ties, on_error="collect")
    assert len(eco.actors) == 3 and len(eco.ties) == 2 and len(eco.rejected) == 0
    assert eco.actors["sphere"].tolist() == ["", "finance", ""]
    assert [(p.row, p.column, p.value) for p in eco.problems] == [(2, "sphere", "arts"), (4, "sphere", "arts")]
    assert "declare it in vocabulary.csv (field 'sphere', value 'arts')" in eco.problems[0].hint
    with pytest.raises(SchemaError, match="unknown sphere"):
        eg.from_frames(actors, ties)  # still an error by default: the user is told, and how to fix it
    # a required column still rejects its row
    bad_kind = actors.assign(kind=["initiative", "initiativ", "initiative"], sphere="finance")
    eco = eg.from_frames(bad_kind, ties, on_error="collect")
    assert "b" not in eco.actors.index and len(eco.rejected) >= 1
