"""The steering-committee report: a brief that is true of the data, in the reader's words; complete, offline, private, identical from run to run."""

from __future__ import annotations

import collections
import dataclasses
import filecmp
import functools
import html
import re
import shutil
import string
import zipfile
from pathlib import Path

import networkx as nx
import openpyxl
import pandas as pd
import pytest
from browser import COUNT_DRAWN_PIXELS, browser, open_page

import ecograph as eg
import ecograph.measures.analysis as analysis_module
from conftest import ROOT, directed_ecosystem
from ecograph import words
from ecograph.cli import main
from ecograph.report import build_report
from ecograph.report.brief import coverage_items
from ecograph.report.tables import ReportTables

SECTIONS = ["covers", "findings", "cannot", "network", "outreach", "connectors", "communities", "groups", "flows", "evolution", "annex"]
ARTIFACTS = ROOT / "outputs" / "test-artifacts"


@pytest.fixture(scope="module")
def dijon_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    assert main(["report", "dijon", "-o", str(out), "--quiet", "--date", "2026-11-26"]) == 0
    return out


@pytest.fixture(scope="module")
def dijon_page(dijon_report):
    return (dijon_report / "report.html").read_text(encoding="utf-8")


def test_report_files(dijon_report):
    out = dijon_report
    assert (out / "report.html").exists() and (out / "tables.xlsx").exists() and (out / "gaps.xlsx").exists()
    for name in ("network", "brokers"):
        assert (out / "figures" / f"{name}.png").exists() and (out / "figures" / f"{name}.svg").exists()
    # figures that would only draw unknowns are left out: the Dijon spheres and years are mostly unknown
    assert not (out / "figures" / "density.png").exists() and not (out / "figures" / "creations.png").exists()
    csvs = {p.stem for p in (out / "tables").glob("*.csv")}
    assert {
        "findings",
        "coverage",
        "key_figures",
        "block_density",
        "brokers",
        "worklist",
        "people_flows",
        "robustness",
        "gaps",
        "provenance",
    } <= csvs
    assert set(openpyxl.load_workbook(out / "tables.xlsx").sheetnames) == csvs
    flows = pd.read_csv(out / "tables" / "people_flows.csv")
    assert set(flows["target"]) == {"toaster-lab", "village-by-ca"}


def test_title_and_language_come_from_the_dataset(dijon_page):
    eco = eg.datasets.dijon()
    assert "<html lang='fr'>" in dijon_page
    title = re.search(r"<h1>(.*?)</h1>", dijon_page).group(1)
    assert "dijonnais" in title and title == eg.report.html.esc(eco.metadata.title)
    other = build_report(eco, title="Comité du 3 mars", date="2026-01-01")
    assert "<h1>Comité du 3 mars</h1>" in other.html


def _observed_counts(eco: eg.Ecosystem) -> dict:
    """Counts computed from the tables with networkx, independently of ecograph's measures."""
    actors = eco.actors[(eco.actors["kind"] != "recommendation") & (eco.actors["observer"] != "yes")]
    ties = eco.ties[
        ~eco.ties["status"].isin(["proposed", "cited"]) & eco.ties["source"].isin(actors.index) & eco.ties["target"].isin(actors.index)
    ]
    G = nx.Graph()
    G.add_nodes_from(actors.index)
    G.add_edges_from(zip(ties["source"], ties["target"]))
    for _, group in eco.affiliations.groupby("person"):  # a person in two structures links them
        places = sorted(set(group["actor"]) & set(actors.index))
        G.add_edges_from((a, b) for i, a in enumerate(places) for b in places[i + 1 :])
    known = actors["sphere"].astype(str).str.strip() != ""
    return {
        "n": G.number_of_nodes(),
        "m": G.number_of_edges(),
        "isolates": nx.number_of_isolates(G),
        "largest": len(max(nx.connected_components(G), key=len)),
        "known": int(known.sum()),
        "known_ties": sum(known[u] and known[v] for u, v in G.edges()),
    }


def test_first_page_findings_are_true_of_the_data_and_each_names_an_action():
    eco = eg.datasets.dijon()
    truth = _observed_counts(eco)
    brief = eg.Brief(eco)
    assert 1 <= len(brief.findings) <= eg.findings.MAX_FINDINGS
    found = {f.code: f for f in brief.findings}
    assert found["ties"].values["m"] == truth["m"] and found["ties"].values["n"] == truth["n"]
    assert found["ties"].values["isolates"] == truth["isolates"]
    assert found["fragmentation"].values["largest"] == truth["largest"]
    assert truth["known_ties"] == 0  # no tie joins two actors of known sphere: the spheres finding must be withheld
    withheld = {f.code: f for f in brief.withheld}
    assert "spheres" in withheld and withheld["spheres"].withheld == "no_known_tie"
    assert withheld["spheres"].values["known"] == truth["known"]
    for f in brief.findings:
        text = f.text("fr")
        assert text["sentence"] and text["action"] and text["confidence"], f.code
    # recommendations are named beside the actions they answer, with their proposed carriers from the ties table
    assert "Préconisation 1" in found["ties"].text("fr")["action"] and "Créativ 21" in found["ties"].text("fr")["action"]


def test_first_screen_states_the_coverage(dijon_report):
    eco = eg.datasets.dijon()
    truth = _observed_counts(eco)
    with browser() as b, open_page(b, dijon_report / "report.html", width=1300, height=900) as p:
        first_screen = p.page.evaluate(
            "() => [...document.querySelectorAll('body *')].filter(e => e.children.length === 0 && e.getBoundingClientRect().top < innerHeight).map(e => e.textContent).join(' ')"
        )
    assert f"La sphère est connue pour {truth['known']} des {truth['n']} acteurs" in first_screen
    assert f"{truth['n']} acteurs de l'écosystème" in first_screen


def _english_fragments() -> set[str]:
    """Literal pieces (between placeholders) of every English text that differs from its French one."""
    pieces = set()
    for en, fr in words.CATALOGUE.values():
        if en == fr:
            continue
        for literal, *_ in string.Formatter().parse(en):
            for part in re.split(r"[(){}:;,.\[\]]", literal or ""):
                part = part.strip()
                if len(part) >= 14 and part not in fr:
                    pieces.add(part)
    return pieces


def test_the_french_report_shows_no_code_and_no_english_label(dijon_report):
    with browser() as b, open_page(b, dijon_report / "report.html", width=1300, height=900) as p:
        p.page.locator("iframe.view").scroll_into_view_if_needed()
        frames = [f for f in p.page.frames if f != p.page.main_frame]
        frames[0].wait_for_selector("body[data-drawn='1']", timeout=30_000)
        main_text = p.page.evaluate("document.body.innerText")
        view_text = frames[0].evaluate("document.body.innerText")
    text = main_text + "\n" + view_text
    for code in ("ei_index", "group_modularity", "top_brokers", "cross_group_density", "Key players", "no_known_tie", "Sphere unknown"):
        assert code not in text, code
    leaks = sorted(piece for piece in _english_fragments() if piece in text)
    assert leaks == []


def test_the_annex_names_the_measures_of_a_grouping_after_it(dijon_page):
    """The spheres' modularity is not "the groups'", beside the communities' modularity (a reader took one for the other)."""
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r'srcdoc="[^"]*"', "", dijon_page))))
    assert "modularité des sphères" in text and "densité des liens entre sphères" in text and "modularité des communautés" in text
    assert "modularité des groupes" not in text and "densité des liens entre groupes" not in text
    eco = eg.datasets.tiny()
    english = build_report(eco, group="kind", lang="en", date="2026-01-01").html
    assert "modularity of the kinds" in html.unescape(english)


def test_the_method_notes_say_how_a_sphere_is_known_when_the_data_say_it(dijon_page):
    """PREMICE is a support structure of unknown sphere: the notes say a type never decides a sphere (only where statuses exist)."""
    assert "Comment la sphère est connue" in dijon_page and "ne décide jamais de sa sphère" in html.unescape(dijon_page)
    eco = eg.datasets.tiny()
    bare = dataclasses.replace(eco, actors=eco.actors.assign(sphere_status=None))
    assert "How a sphere is known" not in build_report(bare, lang="en", date="2026-01-01").html


def test_the_report_computes_each_measure_once(monkeypatch):
    dates_known = int(eg.Brief(eg.datasets.dijon()).dates_sufficient)
    calls = collections.Counter()
    names = ["bridges", "cut_points", "brokers", "detect_communities", "block_density", "mixing_matrix", "evolution"]
    names += ["headline_measures", "flow_table", "people_flows", "group_coverage", "actor_standing", "null_model_tests", "unknown_actors"]
    for name in names:
        original = getattr(analysis_module, name)

        def counting(*args, _original=original, _name=name, **kwargs):
            # the comparison without the inferred spheres groups the same network another way (a Series): not the same measure
            if _name == "actor_standing" or not any(isinstance(x, pd.Series) for x in (*args, *kwargs.values())):
                calls[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(analysis_module, name, functools.wraps(original)(counting))
    betweenness = []
    original_betweenness = eg.measures.brokerage.betweenness
    monkeypatch.setattr(eg.measures.brokerage, "betweenness", lambda *a, **kw: betweenness.append(1) or original_betweenness(*a, **kw))
    links, graphs = [], []
    monkeypatch.setattr(eg.ecosystem, "people_links", lambda eco, _f=eg.ecosystem.people_links: links.append(1) or _f(eco))
    monkeypatch.setattr(eg.ecosystem, "actor_graph", lambda eco, _f=eg.ecosystem.actor_graph, **kw: graphs.append(1) or _f(eco, **kw))
    build_report(eg.datasets.dijon(), date="2026-01-01")
    expected = dict.fromkeys(names, 1)
    expected["evolution"] = dates_known  # not computed when too few years are known
    assert {name: calls[name] for name in names} == expected
    assert len(links) == 1 and len(graphs) == 1
    assert len(betweenness) == 1  # the network's own, for the brokers, the worklist and the view (resamplings are other graphs)


def test_default_worklist_holds_the_territory_only(dijon_report):
    eco = eg.datasets.dijon()
    wl = pd.read_csv(dijon_report / "tables" / "worklist.csv")
    ids = wl["id"].tolist()
    assert ids
    scopes = eco.actors.loc[ids, "scope"]
    assert not scopes.isin(["national", "international"]).any()
    assert not eco.actors.loc[ids, "kind"].isin(["programme", "event", "territory", "recommendation"]).any()


def test_gaps_workbook_marks_what_is_missing(dijon_report):
    wb = openpyxl.load_workbook(dijon_report / "gaps.xlsx")
    ws = wb["actors"]
    header = [c.value for c in ws[1]]
    sphere = header.index("sphere") + 1
    brief = eg.Brief(eg.datasets.dijon())
    missing = set(brief.gaps.index[brief.gaps["missing_sphere"]])
    marked = {
        ws.cell(row=r, column=1).value
        for r in range(2, ws.max_row + 1)
        if ws.cell(row=r, column=sphere).fill.fgColor.rgb not in (None, "00000000")
    }
    assert marked == missing


def test_gaps_workbook_holds_a_long_ties_table_cut_with_a_note(tmp_path, monkeypatch, make_dataset):
    import ecograph.report.document as document
    from conftest import actor, tie

    monkeypatch.setattr(document, "WORKBOOK_ROWS", 20)
    ties = [tie("a", "b", start=str(2000 + i % 20)) for i in range(40)] + [tie("b", "c")]
    eco = eg.load(make_dataset(actors=[actor("a"), actor("b"), actor("c")], ties=ties))
    build_report(eco, date="2026-01-01").write(tmp_path / "out")
    rows = list(openpyxl.load_workbook(tmp_path / "out" / "gaps.xlsx")["ties"].iter_rows(values_only=True))
    assert len(rows) == 1 + 21
    assert rows[-1][0] == "... 21 more rows in the dataset's ties table"


@pytest.mark.slow
def test_report_in_a_browser_offline(dijon_report):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with browser() as b, open_page(b, dijon_report / "report.html", width=1200, height=1600) as p:
        page = p.page
        for key in SECTIONS:
            assert page.locator(f"#{key}").count() == 1, key
        page.locator("iframe.view").scroll_into_view_if_needed()
        frames = [f for f in page.frames if f != page.main_frame]
        assert len(frames) == 1
        frames[0].wait_for_selector("body[data-drawn='1']", timeout=30_000)
        page.evaluate("window.scrollTo(0, 0)")
        assert frames[0].evaluate(COUNT_DRAWN_PIXELS, "#eg-network canvas") > 2000
        assert page.locator("img.figure").count() >= 2
        page.screenshot(path=str(ARTIFACTS / "report-first-page.png"))
        page.emulate_media(media="print")
        assert page.locator("iframe.view").is_hidden() and page.locator("img.print-only").is_visible()
        pdf = page.pdf(format="A4")
        assert pdf[:4] == b"%PDF"
        assert p.requests == []
        assert p.errors == []
    assert (ARTIFACTS / "report-first-page.png").stat().st_size > 10_000


@pytest.mark.slow
def test_two_runs_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["report", "dijon", "-o", str(a), "--quiet"]) == 0
    assert main(["report", "dijon", "-o", str(b), "--quiet"]) == 0
    files = sorted(str(p.relative_to(a)) for p in a.rglob("*") if p.is_file())
    assert len(files) > 25
    _, mismatch, errors = filecmp.cmpfiles(a, b, files, shallow=False)
    assert mismatch == [] and errors == []
    page = (a / "report.html").read_text(encoding="utf-8")
    assert "<meta name='date' content='2026-01-01'>" in page and "1er janvier 2026" in page


def _all_text(folder: Path) -> dict[str, str]:
    texts = {}
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as z:
                texts[str(path)] = " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
        else:
            texts[str(path)] = path.read_bytes().decode("utf-8", "replace")
    return texts


@pytest.mark.slow
def test_pseudonymised_report_names_no_person(tmp_path):
    eco = eg.datasets.tiny()
    people = pd.DataFrame({"id": ["jeanne-dupont", "karim-benali"], "name": ["Jeanne Dupont", "Karim Benali"], "source": "interview 2017"})
    aff = eco.affiliations.assign(person=eco.affiliations["person"].map({"p1": "jeanne-dupont", "p2": "karim-benali"}))
    named = eg.from_frames(eco.actors, eco.ties, people, aff, name="named")
    out = tmp_path / "private"
    build_report(named, pseudonymise_people=True, date="2026-01-01").write(out)
    texts = _all_text(out)
    assert len(texts) > 25 and str(out / "gaps.xlsx") in texts
    for needle in ("Jeanne Dupont", "Karim Benali", "jeanne-dupont", "karim-benali", "Jeanne", "Dupont"):
        found = [f for f, t in texts.items() if needle in t]
        assert found == [], (needle, found)
    assert re.search(r"^Person \d,", texts[str(out / "tables" / "people_flows.csv")], re.M)
    flows = pd.read_csv(out / "tables" / "people_flows.csv")
    links = pd.read_csv(out / "tables" / "people_links.csv")
    assert set(flows["person"]) <= set(links["person"])
    # without the option, names are there (the test can fail)
    plain = tmp_path / "plain"
    build_report(named, date="2026-01-01").write(plain)
    assert any("jeanne-dupont" in t for t in _all_text(plain).values())


@pytest.mark.slow
def test_large_ecosystem_stays_readable(tmp_path):
    eco = eg.datasets.synthetic(6000, seed=1)
    report = build_report(eco, lang="en", date="2026-01-01")
    page = report.html
    assert "SYNTHETIC DATA" in page
    assert "Showing 25 of" in page and "tables/worklist.csv" in page
    assert len(report.tables["worklist"]) > 25
    assert "community 0" in page  # the view falls back to one node per community
    # the spheres finding is stated exactly when the ties it rests on are known well enough
    brief = eg.Brief(eco)
    stated = "spheres" in [f.code for f in brief.candidates if f.stated]
    assert stated == brief.analysis.coverage.is_sufficient()


@pytest.mark.parametrize("n_actors", [1, 2])
def test_report_of_a_tiny_dataset_without_ties(tmp_path, n_actors):
    actors = pd.DataFrame(
        {"id": [f"a{i}" for i in range(n_actors)], "name": [f"A{i}" for i in range(n_actors)], "kind": "initiative", "source": "notes"}
    )
    eco = eg.from_frames(actors, pd.DataFrame(columns=["source", "target", "type", "evidence"]), name="tiny")
    page = build_report(eco, date="2026-01-01").write(tmp_path / "out")
    text = page.read_text(encoding="utf-8")
    assert f"{n_actors} actors of the ecosystem" in text
    assert "No tie is stated in the tables." in text and "0 ties" not in text


def test_the_sources_counts_come_from_the_metadata_whatever_the_folder_is_called(tmp_path):
    copy = tmp_path / "etude-2018"
    shutil.copytree(eg.datasets.dijon_path(), copy)
    eco = eg.load(copy)
    assert eco.name != "dijon" and eco.metadata.counts == {
        "consumption": 23,
        "production": 18,
        "innovation": 13,
        "support": 11,
        "finance": 4,
    }
    pd.testing.assert_frame_equal(eg.counted_coverage(eco), eg.datasets.dijon_coverage())
    brief = eg.Brief(eco)
    counted = coverage_items(brief, "fr")  # "none in production" is of the 8 named actors whose sphere is known (15 unknown)
    assert (
        "La source compte 69 structures locales ; les données en nomment 23 (dont 8 de sphère connue, aucune en production ni en "
        "innovation ; la sphère des 15 autres est inconnue)." in counted
    )
    shown = ReportTables(brief, "fr").dataset_coverage_shown
    assert shown.iloc[:, 0].tolist()[-1] == "total" and shown["study"].tolist()[:5] == [23, 18, 13, 11, 4]
    # without counts in the metadata, no such sentence nor table
    (copy / "metadata.csv").write_text("field,value\nlanguage,fr\n", encoding="utf-8")
    bare = eg.Brief(eg.load(copy))
    assert not any("La source compte" in s for s in coverage_items(bare, "fr"))
    assert ReportTables(bare, "fr").dataset_coverage.empty


def test_the_people_moves_table_names_people_or_their_pseudonyms():
    eco = eg.datasets.tiny()
    people = pd.DataFrame({"id": ["jeanne-dupont", "karim-benali"], "name": ["Jeanne Dupont", "Karim Benali"], "source": "interview 2017"})
    aff = eco.affiliations.assign(person=eco.affiliations["person"].map({"p1": "jeanne-dupont", "p2": "karim-benali"}))
    named = eg.from_frames(eco.actors, eco.ties, people, aff, name="named")
    flows = ReportTables(eg.Brief(named), "en").flows_shown
    assert flows.values.tolist() == [["Jeanne Dupont", "Incubator", "Accelerator lab", 2018]]
    report = build_report(named, pseudonymise_people=True, lang="fr", date="2026-01-01")
    moves = report.html[report.html.index("id='flows'") :]
    assert re.search(r"<td>Personne \d</td>", moves) and "Jeanne" not in report.html and "jeanne-dupont" not in report.html


# --- direction and weight of ties ---------------------------------------------------------------------


def _directions_section(page: str) -> str:
    return page[page.index("<h3 id='directions'>") : page.index("<h3 id='methods'>")]


def test_the_report_says_how_directed_and_weighted_ties_were_read():
    report = build_report(directed_ecosystem(), lang="en", date="2026-01-01")
    text = re.sub(r"<[^>]+>", " ", _directions_section(report.html))
    assert "Of the 7 ties stated, 5 have a direction" in text and "2 have none" in text
    assert "3 ties carry a weight other than 1" in text and "length is 1/weight" in text
    figures = {r: v for r, v in re.findall(r"<tr><td>([^<]+)</td><td class=\"num\">([^<]+)</td></tr>", _directions_section(report.html))}
    assert figures["arcs (a tie each way counts twice)"] == "9"
    assert figures["share of arcs returned (reciprocity; an undirected tie counts as returned)"] == "0.4444"  # 4 of 9 arcs
    assert figures["pairs tied both ways"] == "2" and figures["pairs tied one way only"] == "5"
    assert figures["mean weight of a possible arc (valued density)"] == "0.45"  # 13.5 over 30 possible arcs
    assert figures["E-I index on weights"] == "\u22120.1852"  # (5.5 − 8) / 13.5
    assert "Ties received and sent" in text and "Brokerage roles on directed ties" in text
    assert re.search(r"C\s+Production\s+0\s+1\s+2\s+1\s+1\s+5", text)  # the roles worked out by hand (tests/test_directed.py)
    a = eg.Analysis(directed_ecosystem())
    file = report.tables["directions"].set_index("id")
    assert file.loc["c", ["in_degree", "out_degree", "in_strength", "out_strength", "gatekeeper"]].tolist() == [3, 2, 4.5, 4, 2]
    assert file["brokerage"].to_dict() == a.directed_roles["brokerage"].to_dict()


def test_dijon_report_counts_its_directed_ties_and_says_it_has_no_weight(dijon_page):
    eco = eg.datasets.dijon()
    observed = eco.ties[~eco.ties["status"].isin(["proposed", "cited"])]
    observed = observed[observed["source"].isin(eco.observed().actors.index) & observed["target"].isin(eco.observed().actors.index)]
    directed = int(observed["type"].map(eco.vocabulary.is_directed).astype(bool).sum())
    section = _directions_section(dijon_page)
    assert f"Sur {len(observed)} liens attestés, {directed} ont un sens" in section and (directed, len(observed)) == (17, 24)
    assert "Aucun lien ne porte de poids autre que 1" in section and "poids moyen d&#x27;un arc possible" not in section
    assert "Non affiché" in section  # the roles rest on 21 of 100 actors of known sphere: withheld, as the undirected roles


def test_without_directed_or_weighted_ties_the_report_says_so_in_one_line():
    eco = directed_ecosystem(types=("partnership", "co_organisation", "partnership"), weights=False)
    section = _directions_section(build_report(eco, lang="en", date="2026-01-01").html)
    assert section.count("<p>") == 1 and "<table>" not in section
    assert "no tie of the data has a direction or a weight other than 1" in section
    assert "directions" not in build_report(eco, lang="en", date="2026-01-01").tables


def test_weighted_ties_without_direction_show_the_valued_figures_only():
    eco = directed_ecosystem(types=("partnership", "co_organisation", "partnership"))
    section = _directions_section(build_report(eco, lang="en", date="2026-01-01").html)
    assert "3 ties carry a weight" in section and "No tie has a direction" in section
    assert "valued density" in section and "Ties received and sent" not in section and "reciprocity" not in section


def test_the_report_reads_the_arcs_once_and_builds_no_networkx_digraph(monkeypatch):
    calls = collections.Counter()
    for name in ("arc_matrix", "directed_graph", "tie_treatment"):
        original = getattr(analysis_module, name)
        monkeypatch.setattr(analysis_module, name, lambda *a, _f=original, _n=name, **kw: calls.update([_n]) or _f(*a, **kw))
    build_report(directed_ecosystem(), lang="en", date="2026-01-01")
    assert calls == {"arc_matrix": 1, "tie_treatment": 1}
