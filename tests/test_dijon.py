"""The bundled Dijon dataset: valid, complete against the study, and described truthfully."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

import ecograph as eg
from conftest import ROOT

README = (ROOT / "data" / "dijon" / "README.md").read_text(encoding="utf-8")
#: The study's text: $ECOGRAPH_STUDY, else ../shared beside the clone (where CI lays it). The quotes are
#: checked when it is there, skipped on a clone with nothing beside it, and required when
#: $ECOGRAPH_REQUIRE_STUDY is 1 (.ci/run sets it, so CI fails rather than skips).
STUDY_FILE = Path(
    os.environ.get("ECOGRAPH_STUDY")
    or Path(__file__).resolve().parents[2] / "shared" / "study" / "dijon-collaborative-economy-study-2018.txt"
)
STUDY_REQUIRED = os.environ.get("ECOGRAPH_REQUIRE_STUDY") == "1"

# Every structure, initiative, institution, school, funder, programme, place and event the
# study names, written as the study writes them (read from the study, independently of actors.csv).
NAMED_IN_STUDY = [
    # chapter 1
    "DIRECCTE Auvergne-Rhône-Alpes", "Journées de l'Economie Autrement", "Alternatives Economiques",
    # chapter 2, key message 1
    "Foodora", "Airbnb", "Blablacar", "Uber Eats", "Happy Bourgogne", "MythMakers", "Coccigo",
    "Village by CA", "PME Innovation", "Power Angels", "TOASTER Lab", "Bourgogne Collaborative Network",
    "Créativ 21", "K'elles Energies", "Docks numériques", "Coursive Boutaric", "AgrOnov", "Vitagora",
    "Eat Valley", "Ruches qui dit Oui", "Drive Fermier", "Petula Green", "Café Pirouette",
    "Cabane à Jules", "Rustine", "Coagul", "Sens Pratique", "Kelle Fabrik", "Go Up", "Gaïa", "PREMICE",
    "BSB", "Université", "AgroSup", "Smart City",
    # chapter 2, key message 3 and chapter 3
    "ANACT", "Cité de la gastronomie", "Cité de l'autre économie", "TIGA",
    # chapter 4
    "Métropole du Grand Dijon", "Région", "DIRECCTE", "CRESS", "Rennes Métropole", "Lyon", "MRI",
    "Lab'O", "Belle de Mai", "lab Pôle Emploi", "Bpifrance", "Caisse des dépôts", "France Barter",
    "Fabrique Aviva", "FISO", "Start-up de territoire", "Groupe Archer", "Pôle Emploi", "APEC",
    "Compétences cluster", "Cojob", "Stagiaires sans frontières", "Fondation Orange", "Grésilles",
    "La Colloc", "Calculette collaborative", "Campus des Métiers et des Qualifications", "France Clusters",
    "ARDEA", "NACRE", "FEDER", "FSE", "France Active", "Fondation MACIF", "Crédit coopératif", "PIA",
    "Nov'ESS", "Graines d'Action", "CGET", "Ecolocal", "Anciela", "French Tech", "Station F", "PTCE",
    "Movilab", "Sharitories", "PEPITE", "Mois de l'ESS", "Mois de l'innovation",
    "séminaire de lancement des fonds européens",
    # bibliography and back cover
    "Collaborative Spaces", "FING", "Labo de l'ESS", "27e Région", "Bretagne Créative", "Le Monde", "Amnyos",
]  # fmt: skip


def fold(text: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


@pytest.fixture(scope="module")
def eco():
    return eg.datasets.dijon()


def test_dijon_validates():
    result = eg.validate(eg.datasets.dijon_path())
    assert result.problems == []
    assert result.rejected.empty


def test_every_structure_the_study_names_is_present(eco):
    haystack = [fold(f"{n} {d}") for n, d in zip(eco.actors["name"], eco.actors["description"])]
    missing = [name for name in NAMED_IN_STUDY if not any(fold(name) in text for text in haystack)]
    assert missing == []


def test_every_row_carries_its_source(eco):
    pattern = re.compile(r"Étude Dijon 2018, (?:chap\. [1-4]|bibliographie|dernière page)")
    for table, column in (("actors", "source"), ("people", "source"), ("affiliations", "source"), ("ties", "evidence")):
        values = getattr(eco, table)[column]
        bad = values[~values.str.contains(pattern)]
        assert bad.empty, f"{table}.{column} without a chapter: {bad.tolist()[:3]}"
    # ties name the section, not only the chapter
    assert eco.ties["evidence"].str.contains(r"préconisation \d|«|bibliographie").all()


def test_the_study_relationships_are_there(eco):
    G = eco.graph()
    assert G.has_edge("coursive-boutaric", "qpv-gresilles")
    assert G.has_edge("coursive-boutaric", "eu-funds-seminar-2015") and G.has_edge("region-bfc", "eu-funds-seminar-2015")
    assert G.has_edge("alternatives-economiques", "jea")
    for reco, carriers in {"reco-1": {"creativ-21", "metropole-dijon"}, "reco-4": {"creativ-21", "direccte"}}.items():
        ties = eco.ties[(eco.ties["target"] == reco) & (eco.ties["type"] == "potential_carrier")]
        got = set(ties["source"])
        assert got == carriers
    assert G.has_edge("premice", "toaster-lab") and G.has_edge("premice", "village-by-ca")
    # added in the second pass: the study states them, the first pass had missed them
    assert G.has_edge("coursive-boutaric", "cget") and G.has_edge("pole-emploi", "lab-pole-emploi")
    partners = set(eco.ties.loc[(eco.ties["target"] == "reco-3") & (eco.ties["type"] == "potential_partner"), "source"])
    assert {"ptce-label", "cget", "bpifrance", "caisse-des-depots"} <= partners


def parse_table(text: str, marker: str) -> list[list[str]]:
    """The first Markdown table at or after ``marker``, header row first."""
    lines = text[text.index(marker) :].splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("|"))
    rows = []
    for ln in lines[start:]:
        if not ln.startswith("|"):
            break
        cells = [c.strip() for c in ln.strip().strip("|").split("|")]
        if not set("".join(cells)) <= set("-: "):
            rows.append(cells)
    return rows


def test_readme_coverage_table_matches_the_data():
    rows = parse_table(README, "## Coverage against the study's counts")
    header, body = rows[0], rows[1:]
    assert header == ["sphere", "study (local)", "named here (local, panorama)", "stated", "inferred"]
    cov = eg.datasets.dijon_coverage()
    readme = {r[0]: r[1:] for r in body}
    assert set(readme) == {"consumption", "production", "innovation", "support", "finance", "sphere unknown", "total"}
    for sphere, (study, named, stated, inferred) in readme.items():
        key = "(sphere unknown)" if sphere == "sphere unknown" else sphere
        assert named == str(int(cov.loc[key, "dataset"])), sphere
        if study:
            assert study == str(int(cov.loc[key, "study"])), sphere
        if stated or inferred:
            assert (stated, inferred) == (str(cov.loc[key, "stated"]), str(cov.loc[key, "inferred"])), sphere
    assert readme["total"][:2] == ["69", str(int(cov.loc["total", "dataset"]))]
    assert (cov.loc["total", "stated"], cov.loc["total", "inferred"]) == (0, 8)


def test_readme_file_counts_match_the_data(eco):
    rows = parse_table(README, "| file | rows | what it holds |")
    counts = {r[0].strip("`"): int(r[1]) for r in rows[1:]}
    assert counts == {
        "actors.csv": len(eco.actors),
        "ties.csv": len(eco.ties),
        "people.csv": len(eco.people),
        "affiliations.csv": len(eco.affiliations),
        "vocabulary.csv": 3,
        "metadata.csv": len(eco.metadata.to_frame()),
    }
    status = eco.ties["status"].value_counts()
    assert f"({status['stated']}, `status=stated`)" in README
    assert f"({status['proposed']}, `status=proposed`)" in README
    assert f"({status['cited']}, `status=cited`)" in README
    spheres = eg.sphere_status_counts(eco)
    assert (
        f"{(eco.actors['sphere'] != '').sum()} of {len(eco.actors)} actors have a sphere, {spheres['inferred']} of them inferred" in README
    )
    assert f"`stated` — the study itself places the actor in a sphere: {spheres['stated']} actor" in README
    assert f"only one, of its definitions: {spheres['inferred']} actors" in README
    assert f"empty — unknown: {spheres['unknown']} actors" in README
    assert f"({eco.actors['founded'].notna().sum()} actors: " in README
    assert f"actor ({(eco.actors['commune'] != '').sum()} actors)" in README
    assert f"({int(eg.actor_gaps(eco)['missing_tie'].sum())} actors have no tie at all)" in README


def test_no_invented_coordinates(eco):
    assert eco.actors["lat"].isna().all() and eco.actors["lon"].isna().all()


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def study() -> str:
    if not STUDY_FILE.exists():
        message = f"the study's text is needed to check the dataset's quotes: {STUDY_FILE} (set ECOGRAPH_STUDY to its path)"
        if STUDY_REQUIRED:
            pytest.fail(message + "; ECOGRAPH_REQUIRE_STUDY=1 makes it required")
        pytest.skip(message)
    return normalised(STUDY_FILE.read_text(encoding="utf-8"))


# Where each sphere's definition lies in the study (chapter 2, "Périmètre retenu... 4 sphères"),
# and what the study says accompaniment is (it does not define its support structures).
DEFINITION_BOUNDS = {
    "consumption": ("Description: La consommation collaborative", "•Description: La production collaborative"),
    "production": ("•Description: La production collaborative", "• Description: La finance collaborative"),
    "finance": ("• Description: La finance collaborative", "• Description: L’innovation collaborative"),
    "innovation": ("• Description: L’innovation collaborative", "Périmètre retenu dans le cadre de l’étude"),
}
SUPPORT_DEFINITIONS = {
    "Structures d'accompagnement; 11",
    "Accompagnement à la définition du projet, à sa structuration d’un point de vue économique, financier, RH",
}
SPHERE_WORDS = {
    "consumption": "consommation collaborative",
    "production": "production collaborative",
    "finance": "finance collaborative",
    "innovation": "innovation collaborative",
    "support": "structures d'accompagnement",
}
# how a basis names the definition it matches ("définition de la consommation collaborative : “...”")
DEFINITION_OF = {
    "consumption": "de la consommation collaborative",
    "production": "de la production collaborative",
    "finance": "de la finance collaborative",
    "innovation": "de l'innovation collaborative",
    "support": "des structures d'accompagnement",
}
REFERENCE = re.compile(r"^ \((Étude Dijon 2018, (?:chap\. [1-4]|bibliographie).*)\)(?:; |; $|$)")


def quotes_of(part: str) -> list[tuple[str, str]]:
    """Each “quote” of a part of a basis with its reference, which must follow it as ``(Étude Dijon 2018, chap. ...)``."""
    found = []
    marks = list(re.finditer(r"“([^”]+)”", part))
    for i, m in enumerate(marks):
        tail = part[m.end() : marks[i + 1].start() if i + 1 < len(marks) else len(part)]
        ref = REFERENCE.match(tail)
        assert ref, f"no chapter and section after {m.group(0)[:40]!r}: {tail!r}"
        found.append((m.group(1), ref.group(1)))
    return found


def test_sphere_counts(eco):
    assert eg.sphere_status_counts(eco).to_dict() == {"stated": 1, "inferred": 20, "unmarked": 0, "unknown": 87}
    assert eco.actors.loc[eco.actors["sphere_status"] == "stated"].index.tolist() == ["bretagne-creative"]
    assert eco.actors.loc["france-clusters", "sphere"] == ""  # no words of the study support a sphere for it
    assert eco.actors["founded"].notna().sum() == 9 and pd.isna(eco.actors.loc["village-by-ca", "founded"])
    assert (eco.actors["scope"] != "").all()


def test_no_sphere_without_a_status_and_a_basis(eco):
    a = eco.actors
    has_sphere = a["sphere"] != ""
    assert (a.loc[has_sphere, "sphere_status"] != "").all()
    assert (a.loc[has_sphere, "sphere_basis"].str.strip() != "").all()
    assert (a.loc[~has_sphere, ["sphere_status", "sphere_basis"]] == "").all().all()


def test_sphere_bases_quote_the_study_verbatim(eco, study):
    for actor_id, row in eco.actors[eco.actors["sphere_status"] != ""].iterrows():
        basis = row["sphere_basis"]
        assert basis.startswith("étude : “"), actor_id
        said, _, definition = basis.partition("; définition ")
        said += "; " if definition else ""
        quotes = quotes_of(said[len("étude : ") :])
        assert len(quotes) >= 1, actor_id
        for text, _ref in quotes + quotes_of(definition.partition(" : ")[2]):
            assert normalised(text) in study, (actor_id, text)
        # the study's words are about this actor: one of them names it
        name = fold(re.sub(r"\(.*\)", "", row["name"]))
        assert any(name in fold(text) for text, _ in quotes), (actor_id, name)
        if row["sphere_status"] == "stated":
            assert any(SPHERE_WORDS[row["sphere"]] in text.lower() for text, _ in quotes), actor_id
            continue
        # an inferred sphere quotes the definition it matches, from that sphere's definition
        assert definition.startswith(DEFINITION_OF[row["sphere"]] + " : “"), (actor_id, definition[:60])
        definitions = [text for text, _ in quotes_of(definition.partition(" : ")[2])]
        assert len(definitions) >= 1, actor_id
        for text in definitions:
            if row["sphere"] == "support":
                assert text in SUPPORT_DEFINITIONS, (actor_id, text)
            else:
                start, end = DEFINITION_BOUNDS[row["sphere"]]
                block = study[study.index(start) : study.index(end)]
                assert text in block, (actor_id, text)


def test_summary_command(capsys):
    from ecograph.cli import main

    assert main(["summary", "dijon"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Ecosystem 'dijon': 108 actors, 96 ties, 3 people, 6 affiliations")
    assert "moved   2" in out


# ---- the texts are the study's, in French --------------------------------------------------------


def folded(text: str) -> str:
    """For comparing a quote with the study: spaces, apostrophes and capitals aside."""
    return normalised(text.replace("’", "'")).lower()


def guillemet_quotes(text: str) -> list[str]:
    """The innermost « ... » passages of a text."""
    return re.findall(r"«\s*([^«»]+?)\s*»", text)


def test_texts_are_french_and_quote_the_study(eco, study):
    cells = [*eco.actors["description"], *eco.ties["note"], *eco.people["note"], *eco.affiliations["note"]]
    quotes = [q for cell in cells for q in guillemet_quotes(cell)]
    assert len(quotes) > 200
    text = folded(study)
    assert [q for q in quotes if folded(q) not in text] == []
    # nothing is left of the English paraphrase, outside the study's own words
    english = re.compile(r"\b(?:the|and|of|with|which|for|from|to|its|cited|partners?|carriers?|potential|aid|known|study)\b", re.I)
    assert [c for c in cells if english.search(re.sub(r"«[^«»]*»", "", c))] == []
    references = [
        *eco.actors["source"],
        *eco.ties["evidence"],
        *eco.people["source"],
        *eco.affiliations["source"],
        *eco.actors["sphere_basis"],
    ]
    assert not [r for r in references if re.search(r"Dijon study|key message|recommendation \d|bibliography|back cover|\bch\. ", r)]
    # each reference is one of the study's sections, written one way
    sections = {p.strip() for r in references if r and not r.startswith(("étude", "“")) for p in r.split(";")}
    assert all(
        re.fullmatch(r"Étude Dijon 2018, (?:chap\. [1-4][^;]*|bibliographie \(Des ressources inspirantes\)|dernière page \(contacts\))", p)
        for p in sections
    )
    for p in sections:
        if "«" in p:  # a section named by its heading: the heading is the study's
            assert folded(guillemet_quotes(p)[0]) in text, p


def test_people_are_not_named(eco):
    # the study names the member of its team; the dataset keeps the pseudonym
    cells = [*eco.people["name"], *eco.people["note"], *eco.affiliations["note"]]
    assert not [c for c in cells if "Martine" in c]


# Where the study places each actor it cites from outside the territory and its region
# (Bourgogne-Franche-Comté), in its words; read from the study, independently of actors.csv.
ELSEWHERE = {
    "rennes-metropole": "Rennes Métropole : structuration et animation des acteurs de la consommation collaborative",
    "metropole-lyon": "qui fait de Lyon la métropole pionnière sur les nouveaux espaces de travail",
    "lab-o-orleans": "Orléans: le Lab’O : lieu totem de la filière numérique",
    "friche-belle-de-mai": "Friche de la belle de mai à Marseille",
    "la-colloc": "La Colloc à Lorient",
    "ecolocal": "comme en Bretagne à Narbonne, l’association Ecolocal",
    "anciela": "association anciela à Lyon",
    "bretagne-creative": "Bretagne Créative/ Collporterre : initiative sur la consommation collaborative",
    "direccte-aura": "Une animation pour la DIRECCTE Auvergne-Rhône-Alpes sur l’économie collaborative dans les territoires",
}


def test_outside_examples_are_elsewhere(eco, study):
    assert set(eco.actors.index[eco.actors["scope"] == "elsewhere"]) == set(ELSEWHERE)
    for actor, passage in ELSEWHERE.items():
        assert normalised(passage) in study, actor
    # national bodies the study does not place stay national
    assert (eco.actors.loc[["station-f", "lab-pole-emploi", "la-27e-region", "startup-de-territoire"], "scope"] == "national").all()


def test_readme_scopes_match_the_data(eco, study):
    rows = parse_table(README, "## Scopes: where the study places each actor")
    assert rows[0] == ["scope", "actors", "on what it rests"]
    counts = {r[0].strip("`"): int(r[1]) for r in rows[1:]}
    assert counts == eco.actors["scope"].value_counts().to_dict()
    rows = parse_table(README, "| actor | where the study places it |")
    by_name = dict(zip(eco.actors["name"], eco.actors.index))
    assert {by_name[r[0]] for r in rows[1:]} == set(ELSEWHERE)
    text = folded(study)
    for name, words in rows[1:]:
        quotes = guillemet_quotes(words)
        assert quotes and all(folded(q) in text for q in quotes), name


def test_readme_says_which_findings_each_recommendation_answers(eco, study):
    rows = parse_table(README, "## Which findings each recommendation answers")
    assert rows[0] == ["recommendation", "finding", "the study's words"]
    said: dict[str, set[str]] = {}
    for reco, finding, words in rows[1:]:
        reco = reco.strip("`")
        said.setdefault(reco, set()).update([] if finding == "—" else [finding.strip("`")])
        # the words are the recommendation's own section of chapter 4
        n = int(reco.removeprefix("reco-"))
        start = study.index(f"Préconisation {n} - ")
        end = study.index(f"Préconisation {n + 1} - ") if n < 5 else study.index("Un plan d’action qui en réalité")
        quotes = re.findall(r"“([^”]+)”", words)
        assert quotes, reco
        for quote in quotes:
            assert normalised(quote) in study[start:end], (reco, quote)
    recos = eco.actors[eco.actors["kind"] == "recommendation"]
    assert said == {r: {c for c in a.split(";") if c} for r, a in recos["addresses"].items()}
    assert set().union(*said.values()) <= set(eg.findings.FINDING_CODES)
    assert said["reco-3"] == set() and said["reco-5"] == {"fragmentation", "connectors", "flows"}
