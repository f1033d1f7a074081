"""A gallery of real ecosystems that are not Dijon: each imports with ``ecograph import``, and its report's first page
speaks only of what the data hold.

The files (sources and licences in data/external/SOURCES): information exchange among 10 organisations of Indianapolis
(Knoke and Wood 1981, GraphML written by igraph), two maps of NGO networks met at the social forums (the /etc/groups
demo data, GraphML), and 17 members of the 1989 Polish Round Table with the organisations they belonged to (Kumu JSON).

The first page is the text of ``report.html`` before its table of contents (``<nav>``). Checked there, in French and in
English: no count of zero; no sentence about recommendations, who made the data, spheres, scopes or the territory when
the dataset has none of them; no conclusion its own test contradicts (groups whose modularity is within 2 standard
deviations of rewired networks said to stop acquaintance at their edges; actors "left out" of a network all in one
piece). Every check holds on every file, in both languages.
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

import networkx as nx
import pytest

from ecograph.cli import main
from ecograph.interop.gephi import read_graphml
from ecograph.interop.kumu import read_kumu
from ecograph.measures.analysis import Analysis
from ecograph.report import build_report
from ecograph.words import word

EXTERNAL = Path(__file__).parent / "data" / "external"
GALLERY = {
    "knoke": EXTERNAL / "gallery" / "knoke-bureaucracies-information.graphml",
    "ngo-networks": EXTERNAL / "gallery" / "etcgroups-networks.graphml",
    "ngo-movements": EXTERNAL / "gallery" / "etcgroups-movnet.graphml",
    "round-table": EXTERNAL / "people" / "polandroundtable-people.json",
}
#: (actors, ties, people, affiliations, leftovers) each file imports into, counted in the files by hand.
COUNTS = {
    "knoke": (10, 22, 0, 0, 0),
    "ngo-networks": (24, 43, 0, 0, 4),  # 4 edges from a network to itself
    "ngo-movements": (8, 9, 0, 0, 0),
    "round-table": (39, 0, 17, 47, 0),
}
ZERO = re.compile(
    r"(?<![\d.,])0 (actors?|ties?|rows?|recommendations?|of|acteurs?|liens?|lignes?|préconisations?|des|sur)\b"
    r"|\(0\)|\b(of|de) 0(?!\d|[,.]\d)"
)
TOPIC_WORDS = {
    "recommendations": r"recommendation|préconisation|recommandation",
    "who made the data": r"who made the data|qui a produit les données",
    "spheres": r"\bsph(?:ere|ère)s?\b",
    "scopes": r"\bscopes?\b|\bportées?\b",
    "territory": r"\bterritor(?:y|ies)\b|\bterritoires?\b",
}


def _read(name: str):
    path = GALLERY[name]
    return read_kumu(path) if path.suffix == ".json" else read_graphml(path)


@functools.cache
def _first_page(name: str, lang: str) -> str:
    page = build_report(_read(name), lang=lang, date="2026-01-01").html
    page = page[: page.index("<nav")]
    page = re.sub(r"<(script|style|svg)\b.*?</\1>", "", page, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "\n", page))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _has_none(eco, topic: str) -> bool:
    actors = eco.actors

    def empty(column: str) -> bool:
        return column not in actors or not actors[column].fillna("").astype(str).str.strip().ne("").any()

    if topic == "recommendations":
        return not (actors["kind"] == "recommendation").any()
    if topic == "who made the data":
        return empty("observer") or not actors["observer"].astype(str).str.lower().isin(["yes", "true", "1"]).any()
    if topic == "territory":
        return empty("scope") and not eco.metadata.territory
    return empty(topic.rstrip("s"))


def _case(check: str, name: str, lang: str):
    return pytest.param(check, name, lang, id=f"{name}-{lang}-{check.replace(' ', '_')}")


CHECKS = ["zero counts", *TOPIC_WORDS, "groups beyond chance", "one piece"]
CASES = [_case(check, name, lang) for name in GALLERY for lang in ("en", "fr") for check in CHECKS]


@pytest.mark.parametrize("name", list(GALLERY))
def test_each_file_imports_with_the_command(name, tmp_path, capsys):
    out = tmp_path / name
    assert main(["import", str(GALLERY[name]), "--out", str(out)]) == 0
    actors, ties, *_, leftovers = COUNTS[name]
    assert f"imported {actors} actors and {ties} ties" in capsys.readouterr().out
    eco = _read(name)
    assert (len(eco.actors), len(eco.ties), len(eco.people), len(eco.affiliations), len(eco.rejected)) == COUNTS[name]
    assert eco.problems == [] and (out / "leftovers.csv").exists() == bool(leftovers)


def test_a_website_that_is_no_web_address_keeps_its_node():
    eco = _read("ngo-networks")
    assert eco.actors.loc["0", "website (as written)"] == "www.antenna.nl/enaat/"
    assert eco.actors.loc["23", "website (as written)"] == "na"
    assert (eco.actors["website"] == "").all()
    assert _read("ngo-movements").actors.loc["1", "website"] == "http://www.genet-info.org/members.html"


@pytest.mark.slow
@pytest.mark.parametrize(("check", "name", "lang"), CASES)
def test_the_first_page_speaks_only_of_what_the_data_hold(check, name, lang):
    text = _first_page(name, lang)
    if check == "zero counts":
        assert not ZERO.findall(text), [line for line in text.splitlines() if ZERO.search(line)]
    elif check in TOPIC_WORDS:
        if _has_none(_read(name), check):
            said = [line for line in text.splitlines() if re.search(TOPIC_WORDS[check], line, re.I)]
            assert not said, said
    elif check == "groups beyond chance":
        nulls = Analysis(_read(name), seed=0).null_models.set_index("statistic")
        if nulls.loc["modularity", "z"] < 2:
            assert word("findings.action.cross_groups", lang) not in text
    else:
        graph = nx.Graph(_read(name).graph())
        if graph.number_of_nodes() and nx.is_connected(graph):
            left_out = "Bring in the actors left out" if lang == "en" else "Faire entrer les acteurs laissés à l'écart"
            assert left_out not in text
