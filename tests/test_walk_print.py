"""The walk printed one step per page (ecograph.report.walk_print), with each step's picture, offline, in both languages."""

from __future__ import annotations

import base64
import html
import io
import os
import re
from pathlib import Path

import pytest
from PIL import Image

import ecograph as eg
from ecograph.cli import main
from ecograph.report import draft_walk, walk_print_page
from ecograph.walk import load_walk

SHOTS = os.environ.get("ECOGRAPH_WALK_SHOTS")  # a folder: screenshots of two printed steps are saved there
PNG_URI = re.compile(r"<img src='data:image/png;base64,([A-Za-z0-9+/=]+)' alt='([^']*)'>")


@pytest.fixture(scope="module")
def brief():
    return eg.Brief(eg.datasets.dijon())


@pytest.fixture(scope="module")
def pages(brief):
    return {lang: (draft_walk(brief, lang=lang), walk_print_page(draft_walk(brief, lang=lang), brief, lang=lang)) for lang in ("fr", "en")}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_one_section_per_step_each_with_a_png_picture(pages, lang):
    walk, page = pages[lang]
    assert len(walk.steps) == 10
    sections = re.findall(r"<section class='step' data-step='(\d+)' data-id='([^']*)'>(.*?)</section>", page)
    assert [int(k) for k, _, _ in sections] == list(range(1, 11))
    assert [i for _, i, _ in sections] == [s.id for s in walk.steps]
    counter = {"fr": "Étape", "en": "Step"}[lang]
    for (k, _, body), step in zip(sections, walk.steps):
        (data, alt), *more = PNG_URI.findall(body)
        assert more == [] and html.unescape(alt) == step.title[lang]
        picture = Image.open(io.BytesIO(base64.b64decode(data, validate=True)))
        assert picture.format == "PNG" and picture.size == (1100, 825)  # the slides' picture: 10 × 7.5 inches at 110 dpi
        assert f"{counter} {k} / 10</p><h1>{html.escape(step.title[lang])}</h1>" in body
    assert f"<html lang='{lang}'>" in page
    assert "http:" not in page and "https:" not in page and "src='data:" in page


def test_names_not_ids_and_the_withheld_steps_say_so(pages):
    walk, page = pages["en"]
    text = PNG_URI.sub("", page)
    assert "Métropole du Grand Dijon" in text and "PREMICE → TOASTER Lab" in text
    ids = {i for s in walk.steps for i in (s.focus or {}).get("actors", [])}  # actor ids are never shown (step ids name sections)
    shown = re.sub(r"data-id='[^']*'", "", text)
    assert {i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", shown)} == set()
    _, french = pages["fr"]
    sections = dict(re.findall(r"data-id='([^']*)'>(.*?)</section>", french))
    said = {i for i, body in sections.items() if "Ne peut pas encore être montré." in body}
    assert said == {"withheld-spheres", "withheld-evolution"}


def test_data_strings_are_escaped(brief):
    walk = load_walk(draft_walk(brief).to_json())
    walk.title["fr"] = "Dijon <script>alert(1)</script>"
    walk.steps[0].title["fr"] = "Titre <em>à moi</em> & « le reste »"
    walk.steps[0].caption["fr"] = "**Gras** <img src=x onerror=alert(1)>\n- a & b"
    walk.steps[0].id = "a'b<c"
    page = walk_print_page(walk, brief, lang="fr")
    assert "<script>alert" not in page and "<em>à moi" not in page and "<img src=x" not in page
    assert "Dijon &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<h1>Titre &lt;em&gt;à moi&lt;/em&gt; &amp; « le reste »</h1>" in page
    assert "<p><strong>Gras</strong> &lt;img src=x onerror=alert(1)&gt;</p><ul><li>a &amp; b</li></ul>" in page
    assert "data-id='a&#x27;b&lt;c'" in page


def test_report_print_walk_writes_the_page_with_pseudonyms(tmp_path):
    """``ecograph report --print-walk --pseudonymise-people``: the page beside the report, linked, no person named."""
    brief = eg.Brief(eg.datasets.dijon())
    walk = load_walk(draft_walk(brief, lang="en").to_json())
    walk.steps[4].caption["en"] += "\n\nAsk Ancien salarié de PREMICE A (pseudonyme), id premice-alumni-a."
    walk.save(tmp_path / "walk.json")
    out = tmp_path / "report"
    args = ["report", "dijon", "-o", str(out), "--lang", "en", "--date", "2026-01-01", "--quiet"]
    assert main([*args, "--print-walk", "--pseudonymise-people", "--walk", str(tmp_path / "walk.json")]) == 0
    page = (out / "walk-print.html").read_text(encoding="utf-8")
    report = (out / "report.html").read_text(encoding="utf-8")
    assert page.count("<section class='step'") == 10 and len(PNG_URI.findall(page)) == 10
    assert "href='walk-print.html'" in report and "Print the steps with their pictures" in report
    for text in (page, report):
        assert "Ancien salarié de PREMICE A" not in text and "premice-alumni-a" not in text
    assert re.search(r"Ask Person \d+, id Person \d+\.", page)
    plain = tmp_path / "plain"
    assert main([*args, "-o", str(plain)]) == 0
    assert not (plain / "walk-print.html").exists() and "walk-print.html" not in (plain / "report.html").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_printed_in_chromium_one_page_per_step_offline(pages, tmp_path, lang):
    from browser import browser, open_page

    walk, page = pages[lang]
    path = tmp_path / f"walk-print-{lang}.html"
    path.write_text(page, encoding="utf-8")
    with browser() as b, open_page(b, path, width=1280, height=720) as p:
        loaded = p.page.locator("img").evaluate_all("(xs) => xs.filter((x) => x.complete && x.naturalWidth === 1100).length")
        assert loaded == len(walk.steps)
        pdf = p.page.pdf(prefer_css_page_size=True)
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == len(walk.steps)
        assert re.search(rb"/MediaBox\s*\[\s*0 0 84[12]\.[0-9]+ 59[45]\.[0-9]+\s*\]", pdf)  # A4 landscape, in points
        p.page.emulate_media(media="print")
        boxes = p.page.locator(".step").evaluate_all("(xs) => xs.map((x) => x.getBoundingClientRect().height)")
        assert len(boxes) == len(walk.steps) and all(700 < h < 720 for h in boxes)  # 188 mm: one A4 landscape page each
        if SHOTS:
            for n in (4, 5):
                p.page.locator(f".step[data-step='{n}']").screenshot(path=str(Path(SHOTS) / f"print-{lang}-{n}-1280x720.png"))
        assert p.requests == [] and p.errors == []
