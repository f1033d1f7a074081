"""Network Canvas interviews through ``ecograph merge``: import, review, apply, report (fixtures: data/netcanvas/README.md).

The map the interviews are merged into is written here by hand: La Coursive and
the Fab Lab carry the ids the interviews' roster passed (matched by id), the
metropolis is named alike but has another id (matched by name), and the map
already knows the collaboration of the Fab Lab and the metropolis. Every
number below is counted by hand from the three interviews of the fixtures.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import ecograph as eg
from ecograph.cli import main
from ecograph.errors import SchemaError
from ecograph.interop.invite import dataset_fingerprint
from ecograph.interop.merge import REVIEW_COLUMNS, apply_review, read_interviews, read_review, review_responses
from ecograph.words import is_missing

HERE = Path(__file__).parent / "data" / "netcanvas"
CSV, GRAPHML, PROTOCOL = HERE / "csv", HERE / "graphml", HERE / "protocol.netcanvas"
S1, S2, S3 = (f"0e0e0e0e-1111-4111-8111-00000000000{i}" for i in (1, 2, 3))
ACTORS = """id,name,kind,source
coursive,La Coursive,initiative,Map 2025
fablab,Fab Lab Dijon,initiative,Map 2025
metropole-dijon,Dijon Métropole,institution,Map 2025
halle,Halle 38,place,Map 2025
"""
TIES = """source,target,type,evidence,status
coursive,halle,partnership,Map 2025,stated
fablab,metropole-dijon,collaborates,Map 2025,stated
"""
VOCABULARY = """field,value,directed,description
type,collaborates,no,The two actors collaborate.
"""


def _map(folder: Path) -> Path:
    folder.mkdir()
    for name, text in (("actors", ACTORS), ("ties", TIES), ("vocabulary", VOCABULARY)):
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    out = tmp_path_factory.mktemp("nc") / "interviews"
    assert main(["import-netcanvas", str(CSV), "--protocol", str(PROTOCOL), "--out", str(out)]) == 0
    return out


def test_interviews_flow_through_merge_into_a_dataset_whose_report_counts_their_declared_ties(imported, tmp_path, capsys):
    dataset = _map(tmp_path / "map")
    before = _digests(dataset)
    assert main(["merge", str(dataset), str(imported), "-o", str(tmp_path / "review")]) == 0
    review, _about = read_review(tmp_path / "review" / "review.xlsx")
    changes = review["change"].value_counts().to_dict()
    # 12 ties declared; 3 actors new to the map (one close to "Fab Lab Dijon") and the commune of one; 2 types new to it
    assert changes == {"new_tie": 12, "new_actor": 3, "new_type": 2, "field": 1}
    actors = review[review["change"] == "new_actor"]
    assert actors[["partner", "partner_name", "new", "reason", "conflict", "accept"]].values.tolist() == [
        ["tiers-lieu-nord", "Tiers-lieu Nord", "place", "new_name", "", "yes"],
        ["repair-cafe-dijon", "Repair Café Dijon", "initiative", "new_name", "", "yes"],
        ["fablab-dijon", "Fablab Dijon", "initiative", "close_name", "Fab Lab Dijon", "no"],
    ]
    ties = review[review["change"] == "new_tie"]
    assert ties[["actor", "subject", "partner", "type", "interview", "perceived", "status", "reason", "accept"]].values.tolist() == [
        ["coursive", "coursive", "fablab", "linked", S1, "no", "confirmed", "interview_tie", "yes"],
        ["coursive", "coursive", "metropole-dijon", "linked", S1, "no", "declared", "interview_tie", "yes"],
        ["coursive", "coursive", "tiers-lieu-nord", "linked", S1, "no", "declared", "interview_tie", "yes"],
        ["coursive", "fablab", "metropole-dijon", "collaborates", S1, "yes", "declared", "already_known", "no"],
        ["coursive", "metropole-dijon", "fablab", "funds", S1, "yes", "declared", "perceived_tie", "yes"],
        ["fablab", "fablab", "coursive", "linked", S2, "no", "confirmed", "interview_tie", "yes"],
        ["fablab", "fablab", "repair-cafe-dijon", "linked", S2, "no", "declared", "interview_tie", "yes"],
        ["fablab", "fablab", "tiers-lieu-nord", "linked", S2, "no", "declared", "interview_tie", "yes"],
        ["fablab", "coursive", "repair-cafe-dijon", "collaborates", S2, "yes", "declared", "perceived_tie", "yes"],
        ["repair-cafe-dijon", "repair-cafe-dijon", "metropole-dijon", "linked", S3, "no", "declared", "interview_tie", "yes"],
        ["repair-cafe-dijon", "repair-cafe-dijon", "fablab-dijon", "linked", S3, "no", "declared", "interview_tie", "yes"],
        ["repair-cafe-dijon", "metropole-dijon", "fablab-dijon", "funds", S3, "yes", "declared", "perceived_tie", "yes"],
    ]
    assert ties["declared_on"].tolist() == ["2026-03-02"] * 5 + ["2026-03-05"] * 4 + ["2026-03-09"] * 3
    # the name the interview said: "Dijon Métropole" (id metropole there) is the map's metropole-dijon
    assert ties["partner_name"].iloc[1] == "Dijon Métropole"
    assert review.loc[review["change"] == "new_type", ["type", "accept"]].values.tolist() == [["linked", "yes"], ["funds", "yes"]]

    assert main(["merge", str(dataset), "--apply", str(tmp_path / "review" / "review.xlsx"), "-o", str(tmp_path / "new")]) == 0
    assert "new_actor 2, new_tie 7, confirmed_tie 1" in capsys.readouterr().out
    assert _digests(dataset) == before  # the old map is only read
    new = eg.load(tmp_path / "new")
    assert len(new.ties) == 2 + 8 and len(new.actors) == 4 + 2
    assert new.actors.at["tiers-lieu-nord", "commune"] == "Dijon"
    heard = new.ties[~new.ties["interview"].map(is_missing)]
    assert heard[["source", "target", "type", "status", "declared_by", "declared_on", "interview", "perceived"]].values.tolist() == [
        ["coursive", "fablab", "linked", "confirmed", "coursive", "2026-03-02", f"{S1}; {S2}", "no"],
        ["coursive", "metropole-dijon", "linked", "declared", "coursive", "2026-03-02", S1, "no"],
        ["coursive", "tiers-lieu-nord", "linked", "declared", "coursive", "2026-03-02", S1, "no"],
        ["metropole-dijon", "fablab", "funds", "declared", "coursive", "2026-03-02", S1, "yes"],
        ["fablab", "repair-cafe-dijon", "linked", "declared", "fablab", "2026-03-05", S2, "no"],
        ["fablab", "tiers-lieu-nord", "linked", "declared", "fablab", "2026-03-05", S2, "no"],
        ["coursive", "repair-cafe-dijon", "collaborates", "declared", "fablab", "2026-03-05", S2, "yes"],
        ["repair-cafe-dijon", "metropole-dijon", "linked", "declared", "repair-cafe-dijon", "2026-03-09", S3, "no"],
    ]
    assert heard["confirmed_by"].tolist()[0] == "fablab"
    assert heard["evidence"].iloc[-1] == f"Network Canvas interview R03, 2026-03-09 (session {S3}, protocol Ecosystem partners 2026)"
    assert new.vocabulary.is_valid("type", "linked") and new.vocabulary.is_valid("type", "funds")

    assert main(["report", str(tmp_path / "new"), "-o", str(tmp_path / "report"), "--lang", "en"]) == 0
    summary = (tmp_path / "report" / "summary.txt").read_text(encoding="utf-8")
    assert "6 actors, 10 ties" in summary
    page = (tmp_path / "report" / "report.html").read_text(encoding="utf-8")
    assert "7 ties were declared by one side only and 1 tie confirmed by both." in page


def test_the_export_itself_and_its_imported_folder_give_the_same_review(imported, tmp_path):
    eco = eg.load(_map(tmp_path / "map"))
    columns = [c for c in review_responses(eco, [], secret=None).columns if c != "response"]
    reviews = [review_responses(eco, [source], secret=None)[columns] for source in (imported, CSV, GRAPHML)]
    for other in reviews[1:]:
        pd.testing.assert_frame_equal(other, reviews[0])
    pd.testing.assert_frame_equal(review_responses(eco, [imported], secret=None)[columns], reviews[0])  # deterministic


def test_interviews_that_cannot_be_read_are_refused_whole_and_nothing_is_written(imported, tmp_path, capsys):
    dataset = _map(tmp_path / "map")
    no_ego = tmp_path / "no-ego"
    shutil.copytree(CSV, no_ego)
    for p in no_ego.glob("*_ego.csv"):
        p.unlink()
    not_interviews = tmp_path / "plain"
    shutil.copytree(dataset, not_interviews)
    broken = tmp_path / "broken"
    shutil.copytree(imported, broken)
    ties = (broken / "ties.csv").read_text(encoding="utf-8").replace("coursive,fablab,linked", "coursive,nobody,linked", 1)
    (broken / "ties.csv").write_text(ties, encoding="utf-8")
    for source, said in (
        (no_ego, "no ego file"),
        (not_interviews, "not interviews imported by ecograph import-netcanvas: the column interview is missing"),
        (broken, "nobody"),
    ):
        out = tmp_path / f"review-{source.name}"
        assert main(["merge", str(dataset), str(source), "-o", str(out)]) == 1
        assert said in capsys.readouterr().err
        assert not out.exists()
    with pytest.raises(SchemaError, match="no ego file"):
        read_interviews(no_ego)


def test_hostile_names_in_interviews_are_refused_by_row(imported, tmp_path):
    hostile = tmp_path / "hostile"
    shutil.copytree(imported, hostile)
    actors = pd.read_csv(hostile / "actors.csv", dtype=str, keep_default_na=False)
    actors.loc[actors["id"] == "tiers-lieu-nord", "name"] = "=HYPERLINK(1)"
    actors.to_csv(hostile / "actors.csv", index=False)
    review = review_responses(eg.load(_map(tmp_path / "map")), [hostile], secret=None)
    refused = review[review["change"] == "rejected"]
    assert refused[["actor", "interview", "reason", "accept"]].values.tolist() == [
        ["coursive", S1, "formula", "no"],
        ["fablab", S2, "formula", "no"],
    ]
    assert refused["conflict"].tolist() == ["=HYPERLINK(1)"] * 2  # shown as found (written as text, never run)
    assert "tiers-lieu-nord" not in set(review["partner"]) and (review["change"] == "new_tie").sum() == 10


def test_the_same_interviews_merged_again_add_nothing(imported, tmp_path):
    dataset = _map(tmp_path / "map")
    assert main(["merge", str(dataset), str(imported), "-o", str(tmp_path / "review")]) == 0
    assert main(["merge", str(dataset), "--apply", str(tmp_path / "review" / "review.xlsx"), "-o", str(tmp_path / "new")]) == 0
    again = review_responses(eg.load(tmp_path / "new"), [imported], secret=None)
    assert set(again["change"]) == {"new_tie", "new_actor"}
    # the ties applied are known now; what was left out stays proposed (the actor close to "Fab Lab Dijon" and its two ties,
    # which cannot be applied while it is not accepted)
    applied = again[again["reason"] == "already_known"]
    assert len(applied) == 10 and set(applied["accept"]) == {"no"}
    assert again.loc[again["accept"] == "yes", ["subject", "partner"]].values.tolist() == [
        ["repair-cafe-dijon", "fablab-dijon"],
        ["metropole-dijon", "fablab-dijon"],
    ]
    assert again.loc[again["change"] == "new_actor", ["partner", "reason", "accept"]].values.tolist() == [
        ["fablab-dijon", "close_name", "no"]
    ]


def test_a_review_written_before_interviews_were_read_still_applies(tmp_path):
    eco = eg.load(_map(tmp_path / "map"))
    path = tmp_path / "review.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "review"
    old_columns = [c for c in REVIEW_COLUMNS if c not in ("interview", "perceived")]
    row = dict.fromkeys(old_columns, "") | {"response": "response-halle.json", "actor": "halle", "subject": "halle"}
    row |= {"declared_on": "2027-01-10", "change": "field", "field": "commune", "new": "Dijon", "accept": "yes"}
    ws.append(old_columns)
    ws.append([row[c] or None for c in old_columns])
    about = wb.create_sheet("about")
    about.append(["field", "value"])
    about.append(["fingerprint", dataset_fingerprint(eco)])
    wb.save(path)
    review, about = read_review(path)
    assert review[["interview", "perceived"]].values.tolist() == [["", ""]]
    new, counts = apply_review(eco, review, fingerprint=about["fingerprint"])
    assert new.actors.at["halle", "commune"] == "Dijon" and counts["field"] == 1


def test_a_reviewer_points_a_name_close_to_a_known_one_at_the_known_actor(imported, tmp_path):
    dataset = _map(tmp_path / "map")
    assert main(["merge", str(dataset), str(imported), "-o", str(tmp_path / "review")]) == 0
    path = tmp_path / "review" / "review.xlsx"
    wb = openpyxl.load_workbook(path)
    ws = wb["review"]
    head = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        for name in ("subject", "partner"):
            if row[head.index(name)].value == "fablab-dijon":  # "Fablab Dijon" is the Fab Lab: its ties go to fablab
                row[head.index(name)].value = "fablab"
    wb.save(path)
    assert main(["merge", str(dataset), "--apply", str(path), "-o", str(tmp_path / "new")]) == 0
    ties = eg.load(tmp_path / "new").ties
    assert "fablab-dijon" not in set(ties["source"]) | set(ties["target"])
    heard = ties[~ties["interview"].map(is_missing)]
    # R03 (Repair Café) now declares its tie with the Fab Lab, which R02 (Fab Lab) declared: confirmed
    assert len(heard) == 8 and heard["status"].value_counts().to_dict() == {"declared": 6, "confirmed": 2}
    # the funding of the Fab Lab, perceived in two interviews, is one tie, declared by the first to tell it
    funds = heard[heard["type"] == "funds"]
    assert funds[["source", "target", "declared_by", "interview", "perceived"]].values.tolist() == [
        ["metropole-dijon", "fablab", "coursive", f"{S1}; {S3}", "yes"]
    ]
