"""The bundled Dijon dataset: valid, complete against the study, and described truthfully."""

from __future__ import annotations

import re
import unicodedata

import pytest

import ecograph as eg
from conftest import ROOT

README = (ROOT / "data" / "dijon" / "README.md").read_text(encoding="utf-8")

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
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
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
    pattern = re.compile(r"Dijon study 2018, (?:ch\. [1-4]|bibliography|back cover)")
    for table, column in (("actors", "source"), ("people", "source"), ("affiliations", "source"), ("ties", "evidence")):
        values = getattr(eco, table)[column]
        bad = values[~values.str.contains(pattern)]
        assert bad.empty, f"{table}.{column} without a chapter: {bad.tolist()[:3]}"
    # ties name the section, not only the chapter
    assert eco.ties["evidence"].str.contains(r"recommendation \d|\"|bibliography").all()


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
    assert header == ["sphere", "study (local)", "named here (local, panorama)"]
    cov = eg.datasets.dijon_coverage()
    readme = {r[0]: (r[1], r[2]) for r in body}
    assert set(readme) == {"consumption", "production", "innovation", "support", "finance", "sphere not stated", "total"}
    for sphere, (study, named) in readme.items():
        key = "(sphere not stated)" if sphere == "sphere not stated" else sphere
        assert named == str(int(cov.loc[key, "dataset"])), sphere
        if study:
            assert study == str(int(cov.loc[key, "study"])), sphere
    assert readme["total"] == ("69", str(int(cov.loc["total", "dataset"])))


def test_readme_file_counts_match_the_data(eco):
    rows = parse_table(README, "| file | rows | what it holds |")
    counts = {r[0].strip("`"): int(r[1]) for r in rows[1:]}
    assert counts == {
        "actors.csv": len(eco.actors),
        "ties.csv": len(eco.ties),
        "people.csv": len(eco.people),
        "affiliations.csv": len(eco.affiliations),
        "vocabulary.csv": 3,
    }
    status = eco.ties["status"].value_counts()
    assert f"({status['stated']}, `status=stated`)" in README
    assert f"({status['proposed']}, `status=proposed`)" in README
    assert f"({status['cited']}, `status=cited`)" in README
    assert f"{(eco.actors['sphere'] != '').sum()} of {len(eco.actors)}\n  actors" in README
    assert f"({eco.actors['founded'].notna().sum()} actors)" in README


def test_no_invented_coordinates(eco):
    assert eco.actors["lat"].isna().all() and eco.actors["lon"].isna().all()
    assert (eco.actors.loc[eco.actors["sphere"] != "", "sphere_basis"] != "").all()


def test_summary_command(capsys):
    from ecograph.cli import main

    assert main(["summary", "dijon"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Ecosystem 'dijon': 108 actors, 92 ties, 3 people, 6 affiliations")
    assert "moved   2" in out
