"""Views in a real headless Chromium with the network cut: drawn, offline, safe, usable."""

from __future__ import annotations

import json

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
        assert page.evaluate(COUNT_DRAWN_PIXELS, "#eg-network canvas") > 2000
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
        labels = page.evaluate("() => window.egNetwork.body.data.nodes.get().map(n => n.label)")
        assert PAYLOADS[0][:38] + "…" in labels  # long labels are shortened, and drawn as text
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
            assert frame.evaluate(COUNT_DRAWN_PIXELS, "#eg-network canvas") > 500
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
            assert frame.evaluate(COUNT_DRAWN_PIXELS, "#eg-network canvas") > 500
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
    assert data["synthetic"] is True and len(data["nodes"]) == 400
