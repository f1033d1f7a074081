"""The report's presenter in a real Chromium: each step of the walk shown, the view following it, offline."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from browser import browser, open_page

import ecograph as eg
from ecograph.report import build_report, draft_walk
from ecograph.report.present import step_message
from ecograph.walk import load_walk

pytestmark = pytest.mark.slow  # a real browser: left out of the quick loop

SHOTS = os.environ.get("ECOGRAPH_WALK_SHOTS")  # a folder: screenshots of three steps are saved there


@pytest.fixture(scope="module")
def chromium():
    with browser() as b:
        yield b


@pytest.fixture(scope="module")
def brief():
    return eg.Brief(eg.datasets.dijon())


def _report(tmp_path: Path, lang: str, walk=None) -> Path:
    report = build_report(eg.datasets.dijon(), lang=lang, date="2026-01-01", walk=walk)
    path = tmp_path / f"report-{lang}.html"
    path.write_text(report.html, encoding="utf-8")
    return path


def _state(page, n: int) -> dict:
    page.wait_for_function(f"() => window.__egWalkStates[{n}] !== undefined", timeout=30_000)
    return page.evaluate(f"() => window.__egWalkStates[{n}]")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_presenter_shows_each_step_and_the_view_follows(chromium, brief, tmp_path, lang):
    walk = draft_walk(brief, lang=lang)
    path = _report(tmp_path, lang)
    with open_page(chromium, path, width=1280, height=720) as p:
        page = p.page
        page.click("#walk-open")
        for n, step in enumerate(walk.steps, 1):
            if n > 1:
                page.keyboard.press("ArrowRight")
            state = _state(page, n)
            expected = step_message(step, brief.analysis)
            assert sorted(state["focus"]) == sorted(expected["focus"]), step.id
            assert state["year"] == step.year and state["mode"] == step.layer
            assert page.evaluate("() => location.hash") == f"#step={n}"
            shown = page.locator(".walk-step:not([hidden])")
            assert shown.count() == 1 and shown.locator(".walk-title").inner_text() == step.title[lang]
            assert page.locator("#walk-count").inner_text().endswith(f"{n} / {len(walk.steps)}")
            fits = "() => { const a = document.querySelector('.walk-steps'); return a.scrollHeight <= a.clientHeight + 1; }"
            assert page.evaluate(fits), (step.id, "the step's text is cut at 1280x720")  # steps 1 and 10 were
            assert page.locator("#walk-prev").is_disabled() == (n == 1) and page.locator("#walk-next").is_disabled() == (
                n == len(walk.steps)
            )
            if 0 < len(state["focus"]) <= 5:  # the actors the step's text names are named on the map too (Région was not)
                view = page.frames[1]
                view.wait_for_function("() => window.egView && window.egView.labels().length > 0", timeout=10_000)
                labelled = set(view.evaluate("() => window.egView.labels().map(b => String(window.egView.keys[b.id]))"))
                assert set(state["focus"]) <= labelled, (step.id, set(state["focus"]) - labelled)
            if SHOTS and step.id in ("ties", "connectors", "flows"):
                page.wait_for_timeout(300)
                page.screenshot(path=str(Path(SHOTS) / f"{lang}-{n}-{step.id}-1280x720.png"))
        assert len(_state(page, 4)["focus"]) == 3 and _state(page, 5)["marked"] == 2  # connectors; PREMICE's two moves
        page.keyboard.press("ArrowLeft")
        assert page.evaluate("() => location.hash") == f"#step={len(walk.steps) - 1}"
        page.locator("iframe.view").click(position={"x": 20, "y": 400})  # on the network: its keys still move the steps
        page.keyboard.press("ArrowLeft")
        page.wait_for_function(f"() => location.hash === '#step={len(walk.steps) - 2}'", timeout=5_000)
        page.keyboard.press("Escape")  # pressed in the network's frame: relayed to the page by a message, asynchronously
        page.wait_for_function("() => location.hash === ''", timeout=5_000)
        assert page.locator("#walk").is_hidden()
        assert p.errors == [] and p.requests == []


@pytest.mark.parametrize("width", [800, 1024, 1280, 1440, 1600])
def test_the_present_button_never_covers_the_text(chromium, tmp_path, width):
    """The fixed button stays beside the page's text at every scroll position (it covered the worklist at 1280 px)."""
    path = _report(tmp_path, "fr")
    with open_page(chromium, path, width=width, height=720) as p:
        page = p.page
        button = page.evaluate("() => document.getElementById('walk-open').getBoundingClientRect().left")
        text_right = page.evaluate(
            """() => { const b = document.body, s = getComputedStyle(b);
                       return b.getBoundingClientRect().right - parseFloat(s.paddingRight); }"""
        )
        widest = page.evaluate(
            """() => Math.max(...Array.from(document.querySelectorAll('body > *:not(#walk):not(#walk-open):not(script)'))
                       .map(e => e.getBoundingClientRect().right))"""
        )
        assert text_right <= button and widest <= button, (width, text_right, widest, button)


def test_the_map_has_no_year_slider_when_too_few_years_are_known(chromium, brief, tmp_path):
    """Founding years known for 2 of 100 actors: the evolution is withheld, so the map offers no slider (it showed every actor in 2015)."""
    assert not brief.dates_sufficient
    path = _report(tmp_path, "fr")
    with open_page(chromium, path, width=1280, height=720) as p:
        p.page.locator("iframe.view").scroll_into_view_if_needed()
        view = p.page.frames[1]
        view.wait_for_selector("body[data-drawn='1']", timeout=30_000)
        assert view.locator("#eg-time").is_hidden() and view.locator("#eg-search").is_visible()
    shown = eg.view(eg.datasets.synthetic(200, seed=1), lang="en")
    assert shown.time is not None and "hidden" not in shown.time  # the library's view keeps its slider


def test_an_edited_walk_plays_from_the_address_with_its_year(chromium, brief, tmp_path):
    walk = load_walk(draft_walk(brief).to_json())
    walk.steps[2].year = 2016
    walk.steps[2].title["fr"] = "Un titre <em>modifié</em>"
    walk.steps[2].focus = {"around": "metropole-dijon", "depth": 1}
    path = _report(tmp_path, "fr", walk)
    with open_page(chromium, path, width=1920, height=1080) as p:
        page = p.page
        page.goto(path.resolve().as_uri() + "#step=3")
        state = _state(page, 3)
        assert state["year"] == 2016 and state["focus"] == ["metropole-dijon"] and state["lit"] == 7
        assert page.locator(".walk-step:not([hidden]) .walk-title").inner_text() == "Un titre <em>modifié</em>"
        size = page.locator(".walk-step:not([hidden]) .walk-title").evaluate("(e) => parseFloat(getComputedStyle(e).fontSize)")
        assert size >= 48  # read from the back of a room at 1920×1080
        if SHOTS:
            page.wait_for_timeout(300)
            page.screenshot(path=str(Path(SHOTS) / "fr-3-edited-1920x1080.png"))
        page.click("#walk-close")
        assert page.locator("#walk").is_hidden() and not page.evaluate("() => document.body.classList.contains('presenting')")
        assert p.errors == [] and p.requests == []


def test_printing_the_presenter_gives_one_step_per_page(chromium, brief, tmp_path):
    path = _report(tmp_path, "en")
    steps = len(draft_walk(brief).steps)
    with open_page(chromium, path, width=1280, height=720) as p:
        page = p.page
        page.click("#walk-open")
        _state(page, 1)
        pdf = page.pdf(format="A4", landscape=True)
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == steps
        page.emulate_media(media="print")
        assert page.locator(".walk-step").evaluate_all("(xs) => xs.filter((x) => x.getBoundingClientRect().height > 0).length") == steps
        assert page.locator("iframe.view").is_hidden() and page.locator("#walk-open").is_hidden()
        assert p.errors == [] and p.requests == []


def test_the_presenter_drives_the_webgl_view_of_a_large_network(chromium, tmp_path):
    eco = eg.datasets.synthetic(2_500, seed=1)  # above the canvas renderer's limit: the report's view draws with WebGL
    brief = eg.Brief(eco)
    walk = draft_walk(brief, lang="en")
    path = tmp_path / "large.html"
    path.write_text(build_report(eco, lang="en", date="2026-01-01").html, encoding="utf-8")
    with open_page(chromium, path, width=1280, height=720) as p:
        page = p.page
        page.click("#walk-open")
        for n, step in enumerate(walk.steps, 1):
            if n > 1:
                page.keyboard.press("ArrowRight")
            state = _state(page, n)
            assert sorted(state["focus"]) == sorted(step_message(step, brief.analysis)["focus"]), step.id
            if step.id == "connectors":
                frame = next(f for f in page.frames if f != page.main_frame)
                assert frame.evaluate("() => window.egView.renderer") == "webgl"
                keys = frame.evaluate("() => window.egView.keys")
                box = page.locator("iframe.view").bounding_box()
                for key in state["focus"]:  # the camera frames every connector
                    xy = frame.evaluate("(i) => window.egView.toScreen(i)", keys.index(key))
                    assert 0 <= xy["x"] <= box["width"] and 0 <= xy["y"] <= box["height"], key
        frame = next(f for f in page.frames if f != page.main_frame)
        ties = frame.evaluate("() => window.egSigma.getGraph().size")
        light = frame.evaluate("() => [window.egSigma.getSetting('enableEdgeEvents'), window.egSigma.getEdgeDisplayData('e0').type]")
        assert ties > 5_000 and light == [False, "thin"]  # presented, more than 5,000 ties: one-pixel lines, none picked
        times = page.evaluate("() => window.__egWalkTimes")  # each step timed from asking to painting (benchmarks/present.py)
        assert [t["step"] for t in times] == list(range(1, len(walk.steps) + 1)) and all(t["ms"] > 0 for t in times)
        assert p.errors == [] and p.requests == []
