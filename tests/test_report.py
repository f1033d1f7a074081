"""The steering-committee report: complete, offline, private when asked, identical from run to run."""

from __future__ import annotations

import filecmp
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from browser import COUNT_DRAWN_PIXELS, browser, open_page

import ecograph as eg
from conftest import ROOT
from ecograph.cli import main
from ecograph.report import build_report

SECTIONS = ["key", "network", "density", "communities", "brokers", "isolated", "flows", "evolution", "robustness", "coverage", "methods"]
ARTIFACTS = ROOT / "outputs" / "test-artifacts"


@pytest.fixture(scope="module")
def dijon_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    assert main(["report", "dijon", "-o", str(out), "--quiet", "--date", "2026-11-26"]) == 0
    return out


def test_report_files(dijon_report):
    out = dijon_report
    assert (out / "report.html").exists() and (out / "tables.xlsx").exists()
    for name in ("network", "density", "creations", "brokers", "flows"):
        assert (out / "figures" / f"{name}.png").exists() and (out / "figures" / f"{name}.svg").exists()
    csvs = {p.stem for p in (out / "tables").glob("*.csv")}
    assert {"key_figures", "block_density", "brokers", "worklist", "people_flows", "robustness", "coverage", "provenance"} <= csvs
    import openpyxl

    assert set(openpyxl.load_workbook(out / "tables.xlsx").sheetnames) == csvs
    flows = pd.read_csv(out / "tables" / "people_flows.csv")
    assert set(flows["target"]) == {"toaster-lab", "village-by-ca"}


def test_report_is_french_for_dijon_and_says_things_plainly(dijon_report):
    page = (dijon_report / "report.html").read_text(encoding="utf-8")
    assert "<html lang='fr'>" in page
    assert "Chiffres clés" in page and "liens sur" in page and "possibles" in page
    assert "Krackhardt" in page and "Gould" in page and "Burt" in page and "Guimerà" in page and "Traag" in page
    assert "69" in page  # coverage against the study's counts
    assert "<script src" not in page and "http://" not in page.split("<iframe")[0]


@pytest.mark.slow
def test_report_in_a_browser_offline(dijon_report):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with browser() as b, open_page(b, dijon_report / "report.html", width=1200, height=1600) as p:
        page = p.page
        for key in SECTIONS:
            assert page.locator(f"h2#{key}").count() == 1, key
        frames = [f for f in page.frames if f != page.main_frame]
        assert len(frames) == 1
        frames[0].wait_for_selector("body[data-drawn='1']", timeout=30_000)
        assert frames[0].evaluate(COUNT_DRAWN_PIXELS, "#eg-network canvas") > 2000
        assert page.locator("img.figure").count() >= 5
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
    assert "2026-01-01" in (a / "report.html").read_text(encoding="utf-8")


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
    assert len(texts) > 25
    for needle in ("Jeanne Dupont", "Karim Benali", "jeanne-dupont", "karim-benali", "Jeanne", "Dupont"):
        found = [f for f, t in texts.items() if needle in t]
        assert found == [], (needle, found)
    assert "Person 1" in texts[str(out / "tables" / "people_flows.csv")]
    # the same person has the same pseudonym across files
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


@pytest.mark.parametrize("n_actors", [1, 2])
def test_report_of_a_tiny_dataset_without_ties(tmp_path, n_actors):
    actors = pd.DataFrame(
        {"id": [f"a{i}" for i in range(n_actors)], "name": [f"A{i}" for i in range(n_actors)], "kind": "initiative", "source": "notes"}
    )
    eco = eg.from_frames(actors, pd.DataFrame(columns=["source", "target", "type", "evidence"]), name="tiny")
    page = build_report(eco, date="2026-01-01").write(tmp_path)
    text = page.read_text(encoding="utf-8")
    assert f"{n_actors} actors and 0 known ties" in text
