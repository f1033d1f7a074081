"""Views in a real headless Chromium with the network cut: drawn, offline, safe, usable."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from browser import COUNT_DRAWN_PIXELS, browser, open_page

import ecograph as eg

pytestmark = pytest.mark.slow  # real kernel / browser / wheel: left out of the quick loop

PAYLOADS = [
    "<script>window.__pwned = 'script'</script>",
    "<img src=x onerror=\"window.__pwned = 'img'\">",
    "\"'><svg onload=\"window.__pwned='svg'\">",
    "javascript:window.__pwned='js'",
    "</script><script>window.__pwned='close'</script>",
]


@pytest.fixture(scope="module")
def chromium():
    with browser() as b:
        yield b


@pytest.fixture(scope="module")
def dijon_view(tmp_path_factory):
    path = tmp_path_factory.mktemp("views") / "dijon.html"
    G = eg.datasets.dijon().graph()
    eg.view(G, highlight=["bridges", "cut_points", "isolated", "brokers"], lang="fr", title="Économie collaborative – Dijon").write_html(
        path
    )
    return path


def wait_drawn(page) -> None:
    page.wait_for_selector("body[data-drawn='1']", timeout=30_000)


def hover_node(page, node_id: int) -> None:
    box = page.locator("#eg-network").bounding_box()
    xy = page.evaluate("(id) => window.egNetwork.canvasToDOM(window.egNetwork.getPosition(id))", node_id)
    page.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
    page.wait_for_timeout(150)


def test_dijon_view_draws_offline_with_legend_search_and_filters(chromium, dijon_view):
    with open_page(chromium, dijon_view) as p:
        page = p.page
        wait_drawn(page)
        assert page.evaluate(COUNT_DRAWN_PIXELS, "#eg-draw canvas") > 2000
        assert page.locator("#eg-legend .eg-legend-row").count() >= 5
        assert "Structures d'accompagnement" in page.locator("#eg-legend").inner_text()
        assert page.locator("#eg-search").is_visible()
        assert page.locator("#eg-filters input[type=checkbox]").count() >= 10
        assert page.locator("#eg-highlights input").count() == 4
        assert p.requests == []
        assert p.errors == []


def test_search_focuses_an_actor_and_dims_the_rest(chromium, dijon_view):
    with open_page(chromium, dijon_view) as p:
        page = p.page
        wait_drawn(page)
        page.fill("#eg-search", "Créativ 21")
        page.press("#eg-search", "Enter")
        focus = page.get_attribute("body", "data-focus")
        assert focus is not None
        card = page.locator("#eg-card").inner_text()
        assert card.startswith("Créativ 21") and "structure d'accompagnement" in card
        colours = page.evaluate("() => window.egNetwork.body.data.nodes.get().map(n => n.color.background)")
        dimmed = sum(c == "#e8e8e8" for c in colours)
        assert 0 < dimmed < len(colours)
        page.click("#eg-reset")
        colours = page.evaluate("() => window.egNetwork.body.data.nodes.get().map(n => n.color.background)")
        assert "#e8e8e8" not in colours
        assert p.errors == [] and p.requests == []


def test_filters_hide_actors_and_ties(chromium, dijon_view):
    with open_page(chromium, dijon_view) as p:
        page = p.page
        wait_drawn(page)
        page.locator("#eg-filters input[data-filter='sphere'][value='finance']").uncheck()
        hidden = page.evaluate("() => window.egNetwork.body.data.nodes.get({filter: n => n.hidden}).length")
        assert hidden == int((eg.datasets.dijon().actors["sphere"] == "finance").sum()) == 4
        page.locator("#eg-filters input[data-filter='type'][value='inspiration']").uncheck()
        hidden_edges = page.evaluate("() => window.egNetwork.body.data.edges.get({filter: e => e.hidden}).length")
        assert hidden_edges > 0
        page.locator("#eg-highlights input").first.check()
        wide = page.evaluate("() => window.egNetwork.body.data.edges.get().filter(e => e.color.color === '#D55E00').length")
        assert wide > 0
        assert p.errors == []


def test_png_button_downloads_a_picture(chromium, dijon_view, tmp_path):
    with open_page(chromium, dijon_view, accept_downloads=True) as p:
        page = p.page
        wait_drawn(page)
        with page.expect_download() as info:
            page.click("#eg-png")
        target = tmp_path / "view.png"
        info.value.save_as(target)
        assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def hostile_graph() -> nx.Graph:
    G = nx.Graph(name=PAYLOADS[0] + " title")
    for i, payload in enumerate(PAYLOADS):
        G.add_node(
            f"a{i}",
            name=payload,
            description=payload,
            sphere=payload if i == 1 else "finance",
            kind=payload if i == 2 else "initiative",
            website=PAYLOADS[3],
            source=payload,
        )
    G.add_node("gaia", name="Gaïa – Café Pirouette", sphere="", kind="initiative")
    for i in range(len(PAYLOADS) - 1):
        G.add_edge(f"a{i}", f"a{i + 1}", types=[PAYLOADS[4]], n_ties=1, ties=[{"type": PAYLOADS[1], "evidence": PAYLOADS[2]}])
    G.add_edge("a0", "gaia", types=["partnership"], n_ties=1)
    return G


def test_hostile_strings_are_shown_never_run(chromium, tmp_path):
    path = tmp_path / "hostile.html"
    eg.view(hostile_graph(), highlight=[(PAYLOADS[1], {"a1"})]).write_html(path)
    with open_page(chromium, path) as p:
        page = p.page
        wait_drawn(page)
        # every place data reaches: cards (hover each actor), search, legend, filters, labels, title
        for i in range(len(PAYLOADS) + 1):
            hover_node(page, i)
            page.locator("#eg-network").click(position={"x": 5, "y": 5})
        for payload in PAYLOADS:
            page.fill("#eg-search", payload)
            page.press("#eg-search", "Enter")
            assert page.locator("#eg-card").inner_text().startswith(payload)
        for box in page.locator("#eg-filters input").all():
            box.uncheck()
            box.check()
        page.locator("#eg-highlights input").first.check()
        assert page.evaluate("() => window.__pwned") is None
        side = page.locator("#eg-side").inner_text()
        assert PAYLOADS[1] in side and PAYLOADS[2] in side and PAYLOADS[4] in side
        assert page.locator("#eg-side img, #eg-side svg, #eg-side script, #eg-side a").count() == 0
        assert page.title() == PAYLOADS[0] + " title"
        # long names are shortened, and drawn as text on the canvas by the page (vis-network draws none)
        assert page.evaluate("() => window.egNetwork.body.data.nodes.get().every(n => n.label === undefined)")
        assert p.requests == []


def test_accented_names_display_correctly(chromium, tmp_path):
    G = nx.Graph(name="Réseau dijonnais")
    G.add_edge("gaia", "kelles")
    nx.set_node_attributes(G, {"gaia": "Gaïa", "kelles": "K'elles Énergies"}, "name")
    nx.set_node_attributes(G, {"gaia": "", "kelles": "support"}, "sphere")
    path = eg.view(G, lang="fr").write_html(tmp_path / "accents.html")
    assert "Gaïa" in path.read_text(encoding="utf-8")
    with open_page(chromium, path) as p:
        page = p.page
        wait_drawn(page)
        page.fill("#eg-search", "k'elles énergies")
        page.press("#eg-search", "Enter")
        assert page.locator("#eg-card").inner_text().startswith("K'elles Énergies")
        options = page.evaluate("() => Array.from(document.querySelectorAll('#eg-names option')).map(o => o.value)")
        assert options == ["Gaïa", "K'elles Énergies"]
        assert page.title() == "Réseau dijonnais"
        assert "Sphère inconnue (1)" in page.locator("#eg-legend").inner_text()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_karate_view_is_headed_by_its_factions_not_spheres(chromium, tmp_path, lang):
    t = eg.Analysis(eg.datasets.karate(lang=lang), seed=0)
    path = eg.view(t, color=t.communities, lang=lang).write_html(tmp_path / f"karate-{lang}.html")  # as notebook 03 draws it
    factions = {"en": ["Mr. Hi's faction", "Officer's faction"], "fr": ["Faction de Mr. Hi", "Faction du responsable"]}[lang]
    with open_page(chromium, path) as p:
        page = p.page
        wait_drawn(page)
        headings = page.locator("#eg-filters .eg-legend-title").all_inner_texts()
        assert headings == ["Faction"], headings
        shown = page.locator("#eg-filters").inner_text()
        assert all(f in shown for f in factions) and "Sphere" not in shown and "Sphère" not in shown
        hover_node(page, 0)  # a member's card names the faction as the dataset does, not the code
        card = page.locator("#eg-card").inner_text().splitlines()
        assert any(line in (f"faction: {f}" for f in factions) for line in card), card
        assert p.errors == []


def test_two_inline_views_in_one_page_both_draw(chromium, tmp_path):
    eco = eg.datasets.tiny()
    a = eg.view(eco.graph(), title="first")._repr_html_()
    b = eg.view(eco.affiliation_graph(), title="second")._repr_html_()
    page_path = tmp_path / "two.html"
    page_path.write_text(f"<!DOCTYPE html><meta charset='utf-8'><body>{a}{b}</body>", encoding="utf-8")
    with open_page(chromium, page_path) as p:
        page = p.page
        frames = [f for f in page.frames if f != page.main_frame]
        assert len(frames) == 2
        for frame in frames:
            frame.wait_for_selector("body[data-drawn='1']", timeout=30_000)
            assert frame.evaluate(COUNT_DRAWN_PIXELS, "#eg-draw canvas") > 500
        assert sorted(f.evaluate("() => document.title") for f in frames) == ["first", "second"]
        assert p.requests == [] and p.errors == []


def test_people_view_draws_moves_and_pseudonymises(chromium, tmp_path):
    eco = eg.datasets.dijon()
    v = eg.view(eco.affiliation_graph(), pseudonymise_people=True, lang="fr")
    moves = [e for e in v.edges if e["types"] == ["move"]]
    assert len(moves) == 2 and {e["label"] for e in moves} == {"2018"}
    names = {n["name"] for n in v.nodes if n["shape"] == "diamond"}
    assert names == {"Personne 1", "Personne 2", "Personne 3"}
    page_html = v.to_html()
    for person_id, name in zip(eco.people.index, eco.people["name"]):
        assert name not in page_html and person_id not in page_html
    path = v.write_html(tmp_path / "people.html")
    with open_page(chromium, path) as p:
        wait_drawn(p.page)
        arrows = p.page.evaluate("() => window.egNetwork.body.data.edges.get().filter(e => e.arrows).map(e => e.label)")
        assert arrows == ["2018", "2018"]
        assert p.errors == []


def test_notebook_view_survives_execution_and_html_export(chromium, tmp_path):
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("import ecograph as eg\neco = eg.datasets.dijon()"),
        nbformat.v4.new_code_cell("eg.view(eco.graph(), lang='fr')"),
        nbformat.v4.new_code_cell("eg.view(eco.affiliation_graph(), pseudonymise_people=True)"),
    ]
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for cell in nb.cells for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert sum("text/html" in o.get("data", {}) for o in outputs) == 2
    assert list(tmp_path.glob("*.html")) == []  # showing a view writes no file
    body, _ = HTMLExporter().from_notebook_node(nb)
    exported = tmp_path / "exported.html"
    exported.write_text(body, encoding="utf-8")
    with open_page(chromium, exported) as p:
        frames = [f for f in p.page.frames if f != p.page.main_frame]
        assert len(frames) == 2
        for frame in frames:
            frame.wait_for_selector("body[data-drawn='1']", timeout=30_000)
            assert frame.evaluate(COUNT_DRAWN_PIXELS, "#eg-draw canvas") > 500
        # nbconvert's own template asks a CDN for require.js and MathJax; the embedded views ask nothing
        assert [url for frame, url in p.frame_requests if frame == "about:srcdoc"] == []
        assert p.requests  # the check above sees requests: the page does make some (nbconvert's)


def test_views_are_deterministic(tmp_path):
    G = eg.datasets.synthetic(400, seed=2).graph()
    a = eg.view(G, seed=3, highlight=["bridges"]).write_html(tmp_path / "a.html").read_bytes()
    b = eg.view(G, seed=3, highlight=["bridges"]).write_html(tmp_path / "b.html").read_bytes()
    c = eg.view(G, seed=4, highlight=["bridges"]).write_html(tmp_path / "c.html").read_bytes()
    assert a == b and a != c
    page = a.decode("utf-8")
    data = json.loads(page.split('<script type="application/json" id="eg-data">')[1].split("</script>")[0])
    assert data["synthetic"] is True and data["nodes"]["n"] == 400


def overlaps(boxes: list[dict]) -> list[tuple]:
    return [
        (a["id"], b["id"])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["x0"] < b["x1"] and b["x0"] < a["x1"] and a["y0"] < b["y1"] and b["y0"] < a["y1"]
    ]


def test_names_at_the_default_zoom_fit_without_overlapping(chromium, dijon_view):
    with open_page(chromium, dijon_view) as p:
        page = p.page
        wait_drawn(page)
        boxes = page.evaluate("() => window.egView.labels()")
        assert len(boxes) >= 25 and overlaps(boxes) == []
        data = json.loads(page.evaluate("() => document.getElementById('eg-data').textContent"))
        iso = data["captions"][0]["nodes"]
        assert data["captions"][0]["text"] == "31 acteurs sans lien connu"
        # the most important actor is named; actors without ties are not, until hovered
        assert data["order"][0] in {b["id"] for b in boxes}
        assert not {b["id"] for b in boxes} & set(iso)
        hover_node(page, iso[0])
        named = {b["id"] for b in page.evaluate("() => window.egView.labels()")}
        assert iso[0] in named
        assert page.locator("#eg-card").inner_text().startswith(data["nodes"]["columns"]["name"]["values"][iso[0]])
        # zooming in shows more names, still without overlaps
        page.evaluate("() => { window.egNetwork.moveTo({scale: window.egNetwork.getScale() * 2.5}); }")
        page.wait_for_timeout(200)
        zoomed = page.evaluate("() => window.egView.labels()")
        assert overlaps(zoomed) == []
        assert p.errors == []


def test_time_slider_changes_what_is_drawn(chromium, tmp_path):
    eco = eg.datasets.tiny()
    path = eg.view(eco.graph(), title="tiny").write_html(tmp_path / "tiny.html")
    with open_page(chromium, path) as p:
        page = p.page
        wait_drawn(page)
        assert page.locator("#eg-time").is_visible() and page.locator("#eg-year-value").inner_text() == "all years"
        everything = page.evaluate(COUNT_DRAWN_PIXELS, "#eg-draw canvas")
        page.locator("#eg-year").fill("2010")
        page.wait_for_timeout(200)
        shown = page.evaluate("() => window.egView.shown().map(i => window.egView.keys[i])")
        # founded by 2010 (or founding unknown: always there)
        expected = sorted(eco.actors.index[eco.actors["founded"].isna() | (eco.actors["founded"] <= 2010)])
        assert sorted(shown) == expected
        hidden = page.evaluate("() => window.egNetwork.body.data.nodes.get({filter: n => n.hidden}).length")
        assert hidden == len(eco.actors) - len(expected)
        assert page.evaluate(COUNT_DRAWN_PIXELS, "#eg-draw canvas") < everything
        # the legend counts the actors there in 2010: incubator and network (support), loner (consumption), city (unknown)
        rows = page.locator("#eg-legend .eg-legend-row").all_inner_texts()
        assert rows[:6] == [
            "Consumption (1)",
            "Production (0)",
            "Finance (0)",
            "Innovation (0)",
            "Support structures (2)",
            "Sphere unknown (1)",
        ]
        # positions do not move with the year; the person who moved in 2018 is shown moving
        before = page.evaluate("() => window.egView.toScreen(0)")
        page.locator("#eg-year").fill("2017")
        still = page.evaluate(COUNT_DRAWN_PIXELS, "#eg-over")
        page.locator("#eg-year").fill("2018")
        assert page.evaluate("() => window.egView.toScreen(0)") == before
        assert page.locator("#eg-year-value").inner_text() == "2018"
        assert page.evaluate("() => window.egView.moving()") == 1
        page.wait_for_timeout(500)
        assert page.evaluate(COUNT_DRAWN_PIXELS, "#eg-over") > still  # the moving dot and its trail
        page.wait_for_timeout(1500)
        assert page.evaluate("() => window.egView.moving()") == 0
        # play steps through the years from the first
        page.click("#eg-play")
        page.wait_for_timeout(1300)
        year = page.evaluate("() => window.egView.state().year")
        assert 2000 < year <= 2018
        page.click("#eg-play")
        assert "year=" in page.evaluate("() => location.hash")
        assert p.errors == []


def test_state_in_the_address_opens_the_same_view(chromium, dijon_view):
    url = dijon_view.resolve().as_uri() + "#year=2016&off=sphere:finance&hl=bridges&focus=premice&steps=1"
    with open_page(chromium, dijon_view) as p:
        page = p.page
        page.goto("about:blank")
        page.goto(url)  # a fresh load of the page, with its address
        wait_drawn(page)
        state = page.evaluate("() => window.egView.state()")
        assert state["year"] == 2016 and state["focus"] is not None
        assert page.locator("#eg-filters input[data-filter='sphere'][value='finance']").is_checked() is False
        assert page.locator("#eg-highlights input[value='bridges']").is_checked()
        assert page.locator("#eg-card").inner_text().startswith("PREMICE")
        assert page.evaluate("() => window.egNetwork.body.data.nodes.get({filter: n => n.hidden}).length") >= 3
        page.click("#eg-reset")
        page.locator("#eg-filters input[data-filter='sphere'][value='finance']").check()
        assert page.evaluate("() => location.hash") == "#year=2016&hl=bridges"
        assert p.errors == [] and p.requests == []


def test_map_mode_places_actors_by_their_coordinates(chromium, tmp_path):
    G = nx.Graph([("dijon", "beaune"), ("beaune", "nowhere"), ("dijon", "auxonne")])
    nx.set_node_attributes(G, {"dijon": "Dijon", "beaune": "Beaune", "nowhere": "Sans adresse", "auxonne": "Auxonne"}, "name")
    nx.set_node_attributes(G, {"dijon": 47.322, "beaune": 47.025, "auxonne": 47.194}, "lat")
    nx.set_node_attributes(G, {"dijon": 5.041, "beaune": 4.840, "auxonne": 5.389}, "lon")
    commune = {"type": "Polygon", "coordinates": [[[4.9, 47.25], [5.1, 47.25], [5.1, 47.4], [4.9, 47.4], [4.9, 47.25]]]}
    path = eg.view(G, boundaries=commune, lang="fr").write_html(tmp_path / "map.html")
    with open_page(chromium, path) as p:
        page = p.page
        wait_drawn(page)
        assert page.locator("#eg-mode").inner_text() == "Carte"
        page.click("#eg-mode")
        page.wait_for_timeout(200)
        xy = page.evaluate("() => window.egView.keys.map((k, i) => [k, window.egView.toScreen(i)])")
        at = dict((k, v) for k, v in xy)
        # Dijon is north-east of Beaune, Auxonne east of Dijon and south of it
        assert at["dijon"]["x"] > at["beaune"]["x"] and at["dijon"]["y"] < at["beaune"]["y"]
        assert at["auxonne"]["x"] > at["dijon"]["x"] and at["auxonne"]["y"] > at["dijon"]["y"]
        shown = page.evaluate("() => window.egView.shown().map(i => window.egView.keys[i])")
        assert sorted(shown) == ["auxonne", "beaune", "dijon"]
        assert page.locator("#eg-missing").is_visible() and page.locator("#eg-missing-list").inner_text() == "Sans adresse"
        assert page.evaluate(COUNT_DRAWN_PIXELS, "#eg-under") > 1000  # the commune's outline, under the actors
        page.click("#eg-mode")
        assert not page.locator("#eg-missing").is_visible() and len(page.evaluate("() => window.egView.shown()")) == 4
        assert p.errors == [] and p.requests == []


def test_pictures_have_the_title_and_the_legend(chromium, dijon_view, tmp_path):
    import xml.etree.ElementTree as ET

    with open_page(chromium, dijon_view, accept_downloads=True) as p:
        page = p.page
        wait_drawn(page)
        with page.expect_download() as info:
            page.click("#eg-svg")
        svg = tmp_path / "view.svg"
        info.value.save_as(svg)
        root = ET.parse(svg).getroot()
        texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
        assert texts[0] == "Économie collaborative – Dijon"
        assert "Structures d'accompagnement (7)" in texts and "Sphère inconnue (87)" in texts
        drawn = len(page.evaluate("() => window.egView.shown()"))
        assert len(list(root.iter("{http://www.w3.org/2000/svg}circle"))) >= drawn
        names = {t for t in texts if t}
        assert len(names & set(page.evaluate("() => window.egView.labels().map(b => window.egView.names[b.id])"))) >= 20
        with page.expect_download() as info:
            page.click("#eg-png")
        png = tmp_path / "view.png"
        info.value.save_as(png)
        raw = png.read_bytes()
        assert raw[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(raw[16:20], "big")
        network = page.evaluate("() => document.getElementById('eg-network').clientWidth")
        assert network + 280 <= width < network + 600  # the drawing and a legend wide enough for its longest line


@pytest.mark.parametrize("name", ["__VIS_JS__", "__DATA__"])
def test_a_name_like_a_placeholder_draws_as_itself(chromium, tmp_path, name):
    G = nx.Graph([("a", "b"), ("b", "c")])
    nx.set_node_attributes(G, {"a": name, "b": "__LANG__ __TITLE__", "c": "</script><!--"}, "name")
    path = eg.view(G, title="__VIS_CSS__").write_html(tmp_path / "placeholders.html")
    with open_page(chromium, path) as p:
        page = p.page
        wait_drawn(page)
        assert page.title() == "__VIS_CSS__"
        page.fill("#eg-search", name)
        page.press("#eg-search", "Enter")
        assert page.locator("#eg-card").inner_text().startswith(name)
        assert page.evaluate(COUNT_DRAWN_PIXELS, "#eg-draw canvas") > 500
        assert p.errors == [] and p.requests == []


def test_webgl_view_is_offline_safe_and_names_without_overlaps(chromium, tmp_path):
    path = eg.view(hostile_graph(), highlight=[(PAYLOADS[1], {"a1"})], renderer="webgl").write_html(tmp_path / "webgl.html")
    with open_page(chromium, path) as p:
        page = p.page
        wait_drawn(page)
        assert page.evaluate("() => window.egView.renderer") == "webgl"
        for payload in PAYLOADS:
            page.fill("#eg-search", payload)
            page.press("#eg-search", "Enter")
            assert page.locator("#eg-card").inner_text().startswith(payload)
        page.click("#eg-reset")
        for box in page.locator("#eg-filters input").all():
            box.uncheck()
            box.check()
        page.locator("#eg-highlights input").first.check()
        for i in range(len(PAYLOADS) + 1):
            xy = page.evaluate("(i) => window.egView.toScreen(i)", i)
            box = page.locator("#eg-network").bounding_box()
            page.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
            page.wait_for_timeout(50)
        assert page.evaluate("() => window.__pwned") is None
        side = page.locator("#eg-side").inner_text()
        assert PAYLOADS[1] in side and PAYLOADS[2] in side
        assert page.locator("#eg-side img, #eg-side svg, #eg-side script, #eg-side a").count() == 0
        assert page.title() == PAYLOADS[0] + " title"
        assert overlaps(page.evaluate("() => window.egView.labels()")) == []
        assert drawn_pixels(page) > 500
        assert p.requests == [] and p.errors == []


def drawn_pixels(page) -> int:
    """Pixels that are not white in a screenshot of the drawing (WebGL canvases cannot be read back from 2D)."""
    import io

    from PIL import Image

    shot = Image.open(io.BytesIO(page.locator("#eg-draw").screenshot())).convert("L")
    return sum(1 for v in shot.tobytes() if v < 240)


def test_large_views_draw_every_actor_with_webgl(chromium, tmp_path):
    G = eg.datasets.synthetic(3000, seed=0).graph(provenance=False)
    v = eg.view(G)
    assert v.renderer == "webgl" and len(v.nodes) == 3000
    path = v.write_html(tmp_path / "large.html")
    with open_page(chromium, path) as p:
        page = p.page
        wait_drawn(page)
        assert page.evaluate("() => window.egView.shown().length") == 3000
        assert drawn_pixels(page) > 20_000
        boxes = page.evaluate("() => window.egView.labels()")
        assert boxes and overlaps(boxes) == []
        page.locator("#eg-filters input[data-filter='sphere'][value='consumption']").uncheck()
        consumption = sum(1 for n in v.nodes if n["groups"]["sphere"] == "consumption")
        assert page.evaluate("() => window.egView.shown().length") == 3000 - consumption
        assert p.requests == [] and p.errors == []


def test_to_pyvis_round_trip(chromium, tmp_path):
    v = eg.view(hostile_graph())
    net = v.to_pyvis()
    path = tmp_path / "pyvis.html"
    path.write_text(net.generate_html(), encoding="utf-8")
    with open_page(chromium, path) as p:
        page = p.page
        page.wait_for_function("() => typeof network !== 'undefined' && network !== null", timeout=30_000)
        positions = page.evaluate("() => network.getPositions()")
        for n in v.nodes:
            assert positions[n["key"]] == {"x": pytest.approx(n["x"], abs=1), "y": pytest.approx(n["y"], abs=1)}  # vis drops the decimals
        colours = page.evaluate("() => Object.fromEntries(nodes.get().map(n => [n.id, n.color.background]))")
        assert colours == {n["key"]: n["color"] for n in v.nodes}
        # every title is escaped: whether a template shows it as HTML or as text, nothing runs
        box = page.locator("#mynetwork").bounding_box()
        for n in v.nodes:
            xy = page.evaluate("(id) => network.canvasToDOM(network.getPositions([id])[id])", n["key"])
            page.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
            page.wait_for_timeout(400)
        page.mouse.move(box["x"] + 1, box["y"] + 1)
        xy = page.evaluate("() => network.canvasToDOM(network.getPositions(['a0'])['a0'])")
        page.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
        page.wait_for_selector(".vis-tooltip", state="visible", timeout=5_000)
        assert page.locator(".vis-tooltip").inner_text().startswith("&lt;script&gt;window.__pwned")
        assert page.evaluate("() => window.__pwned") is None


# ---- crafted addresses and names (tests/data/adversarial/view-addresses.txt and object-names/) ----------------------

CORPUS = Path(__file__).parent / "data" / "adversarial"
ADDRESSES = [line for line in (CORPUS / "view-addresses.txt").read_text(encoding="utf-8").splitlines() if line]
ODD_VALUES = ["a,b%2C", "100%", "x:y"]  # filter values that must come back from the address as they were


def object_names_graph() -> nx.Graph:
    """Actors named __proto__, toString, constructor, two "Café Pirouette" (NFC, NFD), founding years, odd filter values."""
    G = eg.load(CORPUS / "object-names").graph()
    G.graph["name"] = "object names"
    for i, n in enumerate(sorted(G)):
        G.nodes[n]["founded"] = 2000 + 2 * i
    G.nodes["constructor"]["sphere"], G.nodes["cafe-nfd"]["sphere"], G.nodes["hub"]["kind"] = ODD_VALUES
    return G


def open_at(page, path: Path, address: str) -> None:
    page.goto("about:blank")
    page.goto(path.resolve().as_uri() + "#" + address)  # a fresh load of the page, with its address
    wait_drawn(page)


@pytest.mark.parametrize("renderer", ["canvas", "webgl"])
def test_crafted_addresses_never_break_the_view(chromium, tmp_path, renderer):
    G = object_names_graph()
    path = eg.view(G, renderer=renderer, highlight=["bridges"]).write_html(tmp_path / "names.html")
    with open_page(chromium, path) as p:
        page = p.page
        wait_drawn(page)
        for address in ADDRESSES:
            open_at(page, path, address)
            assert p.errors == [], (address, p.errors)
            assert page.evaluate("() => window.egView.shown().length") > 0, address
            assert "(" in page.locator("#eg-legend").inner_text(), address  # the legend counts the actors drawn
            year = page.evaluate("() => window.egView.state().year")
            assert year is None or 2000 <= year <= 2010, (address, year)
            if address.startswith("year="):
                assert page.locator("#eg-year-value").inner_text() == str(year) and year in (2000, 2010)
        assert p.errors == [] and p.requests == []


@pytest.mark.parametrize("renderer", ["canvas", "webgl"])
def test_filter_values_with_commas_and_percents_come_back_from_the_address(chromium, tmp_path, renderer):
    path = eg.view(object_names_graph(), renderer=renderer).write_html(tmp_path / "names.html")
    with open_page(chromium, path) as p:
        page = p.page
        wait_drawn(page)
        boxes = {v: page.locator(f"#eg-filters input[value='{v}']") for v in ODD_VALUES}
        for box in boxes.values():
            box.uncheck()
        address = page.evaluate("() => location.hash").lstrip("#")
        shown = page.evaluate("() => window.egView.shown().length")
        open_at(page, path, address)
        assert all(not box.is_checked() for box in boxes.values()), address
        assert page.evaluate("() => window.egView.shown().length") == shown == 3
        assert page.evaluate("() => location.hash").lstrip("#") == address
        assert p.errors == []


@pytest.mark.parametrize("renderer", ["canvas", "webgl"])
def test_an_actor_named_proto_is_found_and_filters_work_after(chromium, tmp_path, renderer):
    path = eg.view(object_names_graph(), renderer=renderer).write_html(tmp_path / "names.html")
    with open_page(chromium, path) as p:
        page = p.page
        wait_drawn(page)
        for name in ["__proto__", "toString", "constructor"]:
            page.fill("#eg-search", name)
            page.press("#eg-search", "Enter")
            assert page.locator("#eg-card").inner_text().startswith(name)
            assert page.evaluate("() => window.egView.keys[window.egView.state().focus]") == name.lower().strip("_")[:11]
        before = page.evaluate("() => window.egView.shown().length")
        page.locator("#eg-filters input[data-filter='sphere'][value='finance']").uncheck()
        assert page.evaluate("() => window.egView.shown().length") == before - 1
        page.locator("#eg-filters input[data-filter='sphere'][value='finance']").check()
        assert page.evaluate("() => window.egView.shown().length") == before
        # the two "Café Pirouette" (NFC and NFD) read the same: found by either spelling, told apart by id
        options = page.evaluate("() => Array.from(document.querySelectorAll('#eg-names option')).map(o => o.value)")
        assert [o for o in options if "Pirouette" in o] == ["Caf\u00e9 Pirouette (cafe-nfc)", "Cafe\u0301 Pirouette (cafe-nfd)"]
        for typed, key in [("CAFE\u0301 PIROUETTE", "cafe-nfc"), ("caf\u00e9 pirouette (cafe-nfd)", "cafe-nfd")]:
            page.fill("#eg-search", typed)
            page.press("#eg-search", "Enter")
            assert page.evaluate("() => window.egView.keys[window.egView.state().focus]") == key
            assert page.locator("#eg-card").inner_text().startswith("Caf") and f"({key})" in page.locator("#eg-card").inner_text()
        assert p.errors == [] and p.requests == []


def test_the_report_opens_at_crafted_addresses_and_isolates_an_override(chromium, tmp_path):
    from ecograph.cli import main

    out = tmp_path / "report"
    assert main(["report", str(CORPUS / "object-names"), "-o", str(out), "--quiet", "--date", "2026-01-01"]) == 0
    bidi = tmp_path / "bidi"
    assert main(["report", str(CORPUS / "bidi-override"), "-o", str(bidi), "--quiet", "--date", "2026-01-01"]) == 0
    with open_page(chromium, out / "report.html") as p:
        for address in ADDRESSES:
            open_at_report(p.page, out / "report.html", address)
        assert p.errors == [] and p.requests == []
    with open_page(chromium, bidi / "report.html") as p:
        open_at_report(p.page, bidi / "report.html", "focus=evil")
        # a cell naming "Evil\u202eCorp" among others keeps its order after the name: the override ends with the isolate
        sentence = p.page.locator("td", has_text="Lab, Coop").first
        order = sentence.evaluate(
            """(e) => {
                 const t = e.firstChild, text = t.textContent, r = document.createRange();
                 const rest = text.indexOf("\u2069") + 1, words = [...text.slice(rest).matchAll(/[^\\s\u2068\u2069]+/g)];
                 const left = (m) => { r.setStart(t, rest + m.index); r.setEnd(t, rest + m.index + m[0].length); return r.getBoundingClientRect().left; };
                 return words.map(left);
               }"""
        )
        assert len(order) >= 2 and order == sorted(order), order
        assert p.errors == []


def open_at_report(page, path: Path, address: str) -> None:
    page.goto("about:blank")
    page.goto(path.resolve().as_uri() + "#" + address)
    page.locator("iframe.view").scroll_into_view_if_needed()  # Chromium draws a frame out of sight only once it is seen
    frame = next(f for f in page.frames if f != page.main_frame)
    frame.wait_for_selector("body[data-drawn='1']", timeout=30_000)
    assert frame.evaluate("() => window.egView.shown().length") > 0
