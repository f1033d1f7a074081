"""The fiches of ``ecograph invite`` in a real headless Chromium with the network cut: offline, in both languages, filled and saved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser import browser, open_page

import ecograph as eg
from ecograph.interop.invite import dataset_fingerprint, write_invitations
from ecograph.interop.merge import review_responses

pytestmark = pytest.mark.slow  # a real browser: left out of the quick loop


@pytest.fixture(scope="module")
def chromium():
    with browser() as b:
        yield b


@pytest.fixture(scope="module")
def fiches(tmp_path_factory):
    eco = eg.datasets.dijon()
    out = {}
    for lang in ("fr", "en"):
        folder = tmp_path_factory.mktemp(f"invite-{lang}")
        write_invitations(eco, folder, actors=["metropole-dijon", "cafe-pirouette"], lang=lang, secret="11" * 32, deadline="2027-01-15")
        out[lang] = folder
    return eco, out


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_fiche_opens_offline_in_both_languages(chromium, fiches, lang):
    eco, folders = fiches
    name = eco.actors.at["metropole-dijon", "name"]
    with open_page(chromium, folders[lang] / "fiches" / "fiche-metropole-dijon.html") as p:
        assert p.requests == [] and p.errors == []
        assert p.page.title() == (f"{name} : ce que nous savons de vous" if lang == "fr" else f"{name}: what we know of you")
        assert p.page.input_value("#eg-f-name") == name
        assert p.page.input_value("#eg-f-kind") == eco.actors.at["metropole-dijon", "kind"]
        known = p.page.locator("#eg-ties tr").count()
        ties = eco.ties
        mine = ((ties["source"] == "metropole-dijon") | (ties["target"] == "metropole-dijon")) & ties["status"].isin(["stated", "declared"])
        assert known == mine.sum() > 0  # the ties a source only proposes or cites are never asked about
        assert p.page.locator("#eg-f-sphere").count() == 0  # an institution has no sphere
        assert p.page.is_hidden("#eg-tie-end-0")
        p.page.select_option("#eg-tie-0", "ended")
        assert not p.page.is_hidden("#eg-tie-end-0")
        assert p.page.locator("#eg-names option").count() > 50


def test_fiche_is_filled_and_saved(chromium, fiches):
    eco, folders = fiches
    with open_page(chromium, folders["en"] / "fiches" / "fiche-cafe-pirouette.html", accept_downloads=True) as p:
        page = p.page
        page.fill("#eg-f-founded", "20x5")  # a wrong year is caught before saving
        page.click("#eg-save")
        assert page.locator("#eg-errors li").count() == 1
        assert "four digits" in page.locator("#eg-errors li").first.text_content()
        page.fill("#eg-f-founded", "2015")  # a field corrected
        page.fill("#eg-f-commune", "Dijon")
        n = page.locator("#eg-new tr").count()  # suggested partners and one empty row
        page.click("#eg-add")
        page.click("#eg-add")
        page.fill(f"#eg-new-partner-{n}", "La Coursive Boutaric")  # from the list
        page.select_option(f"#eg-new-type-{n}", "partnership")
        page.fill(f"#eg-new-since-{n}", "2019")
        page.fill(f"#eg-new-partner-{n + 1}", "Repair Café Chenôve")  # a new name
        page.select_option(f"#eg-new-type-{n + 1}", "support")
        assert page.is_disabled(f"#eg-new-direction-{n}") and page.is_enabled(f"#eg-new-direction-{n + 1}")  # partnership has no direction
        page.select_option(f"#eg-new-direction-{n + 1}", "in")
        with page.expect_download() as info:
            page.click("#eg-save")
        download = info.value
        assert download.suggested_filename == "response-cafe-pirouette.json"
        saved = folders["en"] / download.suggested_filename
        download.save_as(saved)
        answer = json.loads(Path(saved).read_text(encoding="utf-8"))
        assert page.locator("#eg-errors li").count() == 0
        assert not page.locator("#eg-mail-box").is_hidden()
        assert "response-cafe-pirouette.json" in page.input_value("#eg-mail")
        assert p.requests == [] and p.errors == []
    assert answer["actor"] == "cafe-pirouette" and answer["fingerprint"] == dataset_fingerprint(eco)
    assert answer["fields"]["founded"] == "2015" and answer["shown"]["founded"] == ""
    assert answer["fields"]["name"] == "Café Pirouette"
    assert answer["new_ties"] == [
        {
            "partner": "coursive-boutaric",
            "partner_name": "La Coursive Boutaric",
            "type": "partnership",
            "direction": "out",
            "start": "2019",
        },
        {"partner": "", "partner_name": "Repair Café Chenôve", "type": "support", "direction": "in", "start": ""},
    ]

    # the saved answer goes through ecograph merge: attributed, one row per change
    review = review_responses(eco, [saved], secret="11" * 32)
    rows = review[["change", "field", "new", "partner", "partner_name", "status", "accept"]].values.tolist()
    assert rows == [
        ["field", "commune", "Dijon", "", "", "", "yes"],
        ["field", "founded", "2015", "", "", "", "yes"],
        ["new_tie", "", "", "coursive-boutaric", "La Coursive Boutaric", "declared", "yes"],
        ["new_tie", "", "", "repair-cafe-chenove", "Repair Café Chenôve", "declared", "yes"],
        ["new_actor", "kind", "initiative", "repair-cafe-chenove", "Repair Café Chenôve", "", "yes"],
    ]
