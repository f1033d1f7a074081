"""A researcher's own groups: declared in vocabulary.csv, every row kept, and named and coloured as the dataset names them."""

from __future__ import annotations

import ecograph as eg
from ecograph.report import build_report

ACTORS = """id,name,kind,sphere,source
a,Atelier A,initiative,arts,notes
b,Bureau B,initiative,arts,notes
c,Coop C,initiative,sport,notes
d,Dojo D,initiative,sport,notes
e,Espace E,initiative,finance,notes
f,Forum F,initiative,theatre,notes
"""
TIES = """source,target,type,evidence
a,b,partnership,notes
b,c,partnership,notes
c,d,partnership,notes
d,e,partnership,notes
e,f,partnership,notes
"""
VOCABULARY = """field,value,description,directed
sphere,arts,Arts and culture,
sphere,sport,Sport and leisure,
"""


def _dataset(folder):
    folder.mkdir()
    (folder / "actors.csv").write_text(ACTORS, encoding="utf-8")
    (folder / "ties.csv").write_text(TIES, encoding="utf-8")
    (folder / "vocabulary.csv").write_text(VOCABULARY, encoding="utf-8")
    return folder


def test_own_groups_lose_no_row_and_are_named_in_the_view_and_the_report(tmp_path):
    eco = eg.load(_dataset(tmp_path / "own"), on_error="collect")
    # 'theatre' was not declared: the actor and its ties are kept, its group unknown, the problem named
    assert len(eco.actors) == 6 and len(eco.ties) == 5 and len(eco.rejected) == 0
    assert eco.actors["sphere"].tolist() == ["arts", "arts", "sport", "sport", "finance", ""]
    assert [p.value for p in eco.problems] == ["theatre"] and "vocabulary.csv" in eco.problems[0].hint
    v = eg.view(eco, lang="en")
    legend = {item["label"]: item for item in v.legend[0]["items"]}
    assert legend["Arts and culture"]["count"] == 2 and legend["Sport and leisure"]["count"] == 2
    colours = {item["color"] for label, item in legend.items() if label in ("Arts and culture", "Sport and leisure", "Finance")}
    assert len(colours) == 3 and "#999999" not in colours  # coloured, not grey as if unknown
    assert {value["label"] for value in v.filters[0]["values"]} >= {"Arts and culture", "Sport and leisure"}
    report = build_report(eco, lang="en", date="2026-01-01")
    page = report.html[report.html.index("id='outreach'") :]
    worklist = page[: page.index("</table>")]  # the worklist table, outside the embedded view
    assert "Arts and culture" in worklist and "<td>arts</td>" not in worklist
    words = eg.outreach.worklist_table(eg.outreach_worklist(eco), lang="en")
    assert set(words["sphere"]) <= {"Arts and culture", "Sport and leisure", "Finance", "Sphere unknown"}
