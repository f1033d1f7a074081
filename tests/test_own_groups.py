"""A researcher's own groups: declared in vocabulary.csv, every row kept, and named and coloured as the dataset names them."""

from __future__ import annotations

import matplotlib

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


METADATA = """field,value
title,Clubs of the valley
group,department
"""


def _tick_labels(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in [*ax.get_xticklabels(), *ax.get_yticklabels()]]


def test_a_dataset_names_its_grouping_and_views_and_figures_say_it(tmp_path):
    folder = _dataset(tmp_path / "own")
    (folder / "metadata.csv").write_text(METADATA, encoding="utf-8")
    eco = eg.load(folder, on_error="collect")
    assert eco.metadata.group == "department" and len(eco.actors) == 6
    a = eg.Analysis(eco)
    assert a.group_name == "department" and a.text("fr").endswith("regroupés par department, graine 0")
    for lang in ("en", "fr"):
        v = eg.view(a, lang=lang)
        # the legend and the filter are headed by the dataset's word, never by the spheres'
        assert v.legend[0]["title"] == "Department" and v.filters[0]["title"] == "Department"
        assert [t for t in (v.legend[0]["title"], *(f["title"] for f in v.filters)) if t in ("Sphere", "Sphère")] == []
        assert ("department", "Arts and culture") in v.nodes[0]["card"]  # the card names the group as the dataset does
        ego = eg.view_ego(a, "a", radius=3, lang=lang)  # drawn from the network alone: it still knows the words
        assert ego.filters[0]["title"] == "Department" and ego.legend[0]["items"][0]["label"] == "Arts and culture"
    block = eg.figures.figure_block_density(a.block_density, lang="fr")
    assert block.axes[0].get_title() == "Densité des liens dans et entre les groupes (department)"
    assert {"Arts and culture", "Sport and leisure"} <= set(_tick_labels(block)) and "arts" not in _tick_labels(block)
    legend = [t.get_text() for t in eg.figures.figure_network(a.graph, lang="en").legends[0].get_texts()]
    assert {"Arts and culture", "Sport and leisure"} <= set(legend) and "arts" not in legend


def test_karate_is_grouped_by_faction_in_its_views_and_figures():
    t = eg.Analysis(eg.datasets.karate(lang="fr"), seed=0)
    assert t.group_name == "faction" and t.text("fr") == "Analyse de « karate » : 34 acteurs, 78 liens, regroupés par faction, graine 0"
    v = eg.view(t, lang="fr")
    assert [f["title"] for f in v.filters] == ["Faction"] and v.legend[0]["title"] == "Faction"
    colours = {item["label"]: item["color"] for item in v.legend[0]["items"]}
    assert set(colours) == {"Faction de Mr. Hi", "Faction du responsable"} and len(set(colours.values())) == 2
    # the brokers' bars take the view's colours of their faction (Mr. Hi, member 0, first; the officer, member 33, second)
    bars = eg.figures.figure_brokers(t.brokers, names=t.eco.actors["name"], lang="fr").axes[0].patches
    hexes = [matplotlib.colors.to_hex(b.get_facecolor()).upper() for b in bars][::-1]
    assert hexes[:2] == [colours["Faction de Mr. Hi"].upper(), colours["Faction du responsable"].upper()]
    block = eg.figures.figure_block_density(t.block_density, lang="en")
    assert block.axes[0].get_title() == "Density of ties within and between groups (faction)"
    assert {"Faction de Mr. Hi", "Faction du responsable"} <= set(_tick_labels(block)) and "mr_hi" not in _tick_labels(block)


def test_karate_findings_and_worklist_speak_of_factions():
    brief = eg.Brief(eg.datasets.karate(lang="fr"), seed=0)
    spheres = next(f for f in brief.candidates if f.code == "spheres")
    assert spheres.group == "faction" and spheres.text("fr")["question"] == "Les factions se parlent-elles ?"
    assert spheres.text("en")["question"] == "Do the factions talk to each other?"
    table = eg.outreach.worklist_table(brief.worklist, lang="fr")
    assert "faction" in table.columns and "sphère" not in table.columns
    why = " ".join(str(v) for c in table.columns if c.startswith("pourquoi cet introducteur") for v in table[c])
    assert "de même faction (Faction de Mr. Hi)" in why and "sphère" not in why and "même type (member)" not in why


def test_karate_report_names_its_factions():
    page = build_report(eg.datasets.karate(lang="fr"), lang="fr", date="2026-01-01").html
    assert "La faction est connue pour 34 des 34 acteurs." in page and "Groupes (faction)" in page
    assert "Les factions se parlent-elles ?" in page and "Faction de Mr. Hi" in page and "filtrez par faction, type" in page
    assert "<th>faction</th>" in page and "<th>sphère</th>" not in page and "mr_hi" not in page.split("<iframe")[0]


def test_the_report_names_own_groups_in_the_communities_table_and_the_method_notes():
    from ecograph.report import build_report

    for lang, known, note, sphere in (
        ("fr", "de groupe connu (faction)", "Un groupe manquant (faction) est inconnu", "sphère connue"),
        ("en", "of known group (faction)", "A missing group (faction) is unknown", "known sphere"),
    ):
        html = build_report(eg.datasets.karate(lang=lang), lang=lang, date="2026-01-01").html
        assert f"<th>{known}</th>" in html and note in html and sphere not in html
    dijon = build_report(eg.datasets.dijon(), lang="fr", date="2026-01-01").html  # the spheres keep their words
    assert "<th>de sphère connue</th>" in dijon and "Une sphère manquante est inconnue" in dijon


def test_french_sentences_agree_with_a_masculine_group_word():
    """A dataset grouped by départements (masculine, its metadata's group_gender): no "la département est connue"."""
    import dataclasses

    from ecograph.report.brief import coverage_items

    eco = eg.datasets.karate(lang="fr")
    eco = dataclasses.replace(eco, metadata=dataclasses.replace(eco.metadata, group="département", group_gender="m"))
    brief = eg.Brief(eco, seed=0)
    spheres = next(f for f in brief.candidates if f.code == "spheres")
    text = spheres.text("fr")
    assert text["question"] == "Les départements se parlent-ils ?"
    assert "réattributions au hasard des départements connus" in text["confidence"]
    assert "Le département est connu pour 34 des 34 acteurs." in coverage_items(brief, "fr")
    assert spheres.text("en")["question"] == "Do the départements talk to each other?"
    # withheld: the same agreement, and an article elided before a vowel
    withheld = dataclasses.replace(spheres, values={"known": 3, "actors": 34}, withheld="no_known_tie", unlock={"ties": {"needed": 2}})
    said = withheld.text("fr")
    assert said["withheld"].startswith("Impossible à dire pour l'instant : le département n'est connu que pour 3 des 34 acteurs")
    assert said["unlock"] == "Connaître le département des deux bouts de 2 liens de plus permettrait de conclure."
    elided = dataclasses.replace(withheld, group="activité", gender="f").text("fr")["withheld"]
    assert "l'activité n'est connue que pour 3" in elided
    # the metadata refuses anything but f or m, naming the field
    try:
        eg.Metadata.from_mapping({"group": "département", "group_gender": "masculin"})
    except eg.errors.SchemaError as error:
        assert "group_gender: not f or m" in str(error)
    else:
        raise AssertionError("group_gender 'masculin' was accepted")
