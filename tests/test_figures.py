"""Static figures: colours shared with the views, both languages, deterministic files."""

from __future__ import annotations

import dataclasses
from itertools import combinations

import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from matplotlib.image import AxesImage

import ecograph as eg
from ecograph import figures as F
from ecograph.views.style import SPHERE_COLORS
from ecograph.words import word


def test_network_map_uses_the_view_positions_and_colours(tmp_path):
    G = eg.datasets.dijon().graph()
    v = eg.view(G)
    fig = F.figure_network(G, layout=v.positions, lang="fr")
    ax = fig.axes[0]
    points = ax.collections[-1]
    offsets = points.get_offsets()
    np.testing.assert_allclose(offsets[:, 0], v.positions["x"].to_numpy())
    np.testing.assert_allclose(offsets[:, 1], -v.positions["y"].to_numpy())
    colours = {mcolors.to_hex(c).upper() for c in points.get_facecolors()}
    assert SPHERE_COLORS["finance"].upper() in colours
    assert "Structures d'accompagnement" in [t.get_text() for t in fig.legends[0].get_texts()]


@pytest.mark.slow
def test_all_figures_in_both_languages_are_byte_identical_twice(tmp_path):
    eco = eg.datasets.synthetic(1500, seed=2)
    G = eco.graph(provenance=False)
    b = eg.brokers(G)
    makers = {
        "map": lambda lang: F.figure_network(G, lang=lang),
        "density": lambda lang: F.figure_block_density(eg.block_density(G), lang=lang),
        "creations": lambda lang: F.figure_creations(eco, lang=lang),
        "brokers": lambda lang: F.figure_brokers(b, names=eco.actors["name"], lang=lang),
        "flows": lambda lang: F.figure_flows(eg.flow_table(eco), lang=lang),
    }
    for name, make in makers.items():
        for lang in ("en", "fr"):
            first = F.save_figure(make(lang), tmp_path / "a" / f"{name}-{lang}")
            second = F.save_figure(make(lang), tmp_path / "b" / f"{name}-{lang}")
            assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second], (name, lang)
            assert first[0].read_bytes()[:4] == b"\x89PNG" and b"<svg" in first[1].read_bytes()
    fr = (tmp_path / "a" / "creations-fr.svg").read_text(encoding="utf-8")
    en = (tmp_path / "a" / "creations-en.svg").read_text(encoding="utf-8")
    assert fr != en


def test_density_heatmap_writes_the_values():
    G = nx.Graph([(0, 1), (1, 2)])
    fig = F.figure_block_density(eg.block_density(G, {0: "a", 1: "a", 2: "b"}), lang="en")
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts == ["1.000", "0.500", "0.500", "–"]  # a one-actor group has no within density


def _bar_heights(ax) -> np.ndarray:
    """The heights of the creations chart's bars, sphere by sphere (one path of rectangles per sphere)."""
    corners = np.stack([p.get_path().vertices.reshape(-1, 5, 2) for p in ax.patches])
    return corners[:, :, 2, 1] - corners[:, :, 0, 1]


def test_creations_chart_counts_actors_per_year():
    eco = eg.datasets.tiny()
    fig = F.figure_creations(eco)
    heights = _bar_heights(fig.axes[0])
    assert heights.sum() == eco.actors["founded"].notna().sum()
    founded = eco.actors["founded"].dropna().astype(int)
    assert heights.sum(axis=0).tolist() == founded.value_counts().sort_index().tolist()  # one bar per year, stacked


@pytest.mark.parametrize("spread", [(2015, 2020), (1950, 2020), (1700, 2020)])
def test_creations_chart_looks_as_matplotlib_bars_with_the_best_legend(spread):
    """The same picture as one ``ax.bar`` per sphere with ``loc="best"``: limits, ticks shown and the legend's place."""
    eco = eg.datasets.synthetic(300, seed=1)
    rng = np.random.default_rng(spread[0])
    years = np.sort(rng.integers(*spread, len(eco.actors)))[:: 1 if spread[0] < 1900 else -1]  # old or young ecosystems
    eco = dataclasses.replace(eco, actors=eco.actors.assign(founded=years.astype(float)))
    fig = F.figure_creations(eco)
    fig.canvas.draw()
    table = pd.crosstab(eco.actors["founded"].astype(int), eco.actors["sphere"].fillna(""))
    order = [s for s in SPHERE_COLORS if s in table.columns] + [c for c in table.columns if c not in SPHERE_COLORS]
    ref_fig, ref = plt.subplots(figsize=(8, 4.5), dpi=110)
    bottom = np.zeros(len(table))
    names = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    for sphere, name in zip(order, names, strict=True):
        ref.bar(table.index.astype(str), table[sphere].to_numpy(), bottom=bottom, label=name)
        bottom += table[sphere].to_numpy()
    ref.legend(fontsize=8, frameon=False)
    ref.tick_params(axis="x", labelrotation=60, labelsize=8)
    ax = fig.axes[0]
    ref_fig.subplots_adjust(*[getattr(ax.get_position(), k) for k in ("x0", "y0", "x1", "y1")])
    ref_fig.canvas.draw()
    assert ax.get_xlim() == ref.get_xlim() and ax.get_ylim() == ref.get_ylim()
    step = max(1, len(table) // 15) if len(table) > 20 else 1
    shown = [t.get_text() for t in ref.get_xticklabels()][::step]
    assert [t.get_text() for t in ax.get_xticklabels()] == shown
    marks = [*ax.get_xticks(), *(x for line in ax.lines for x in line.get_xdata())]  # labelled ticks, then the other marks
    assert sorted(marks) == list(range(len(table)))  # every bar keeps its tick mark
    np.testing.assert_allclose(ax.get_legend().get_window_extent().bounds, ref.get_legend().get_window_extent().bounds)
    plt.close(ref_fig)


# ---- helpers ----------------------------------------------------------------------------------------


def _texts(fig) -> str:
    """The texts a figure shows (titles, texts in the axes, texts on the figure), lines wrapped for the page joined again."""
    shown = [t for ax in fig.axes for t in (ax.title, *ax.texts)] + list(fig.texts)
    return " | ".join(" ".join(t.get_text().split()) for t in shown if t.get_text())


def _overlapping(labels) -> list[tuple[str, str]]:
    boxes = [(t.get_text(), t.get_window_extent()) for t in labels if t.get_visible() and t.get_text()]
    return [(a, b) for (a, ba), (b, bb) in combinations(boxes, 2) if ba.overlaps(bb)]


@pytest.fixture(scope="module")
def dijon():
    eco = eg.datasets.dijon()
    return eco, eg.Analysis(eco)


@pytest.fixture(scope="module")
def known():
    """A synthetic ecosystem whose every actor has a sphere (no institution or school): nothing is withheld."""
    eco = eg.datasets.synthetic(300, seed=1, share_institutions=0, share_schools=0)
    return eco, eg.Analysis(eco)


# ---- no figure of zeros --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_density_on_dijon_is_withheld_with_its_reason_and_what_it_rests_on(dijon, lang):
    _, a = dijon
    cov = a.block_density.attrs["coverage"]
    assert (cov.ties_known, cov.ties, a.ei_index.reason) == (0, 26, "no_known_tie")  # the findings withhold it too
    fig = F.figure_block_density(a.block_density, lang=lang)
    assert fig.findobj(AxesImage) == [] and len(fig.axes) == 1  # no heatmap, no colour bar
    texts = _texts(fig)
    assert word("measures.reason.no_known_tie", lang) in texts
    assert word("measures.coverage", lang, **cov.to_dict()) in texts
    assert word("measures.unlock_ties", lang, needed=21) in texts
    assert fig.axes[0].get_title() == word("figures.density", lang)
    assert "0.000" not in texts and "0,000" not in texts
    assert ("0 of 26 ties join two of them." in texts) if lang == "en" else ("0 lien sur 26 relie" in texts)


def test_density_below_the_coverage_the_findings_need_is_withheld():
    eco = eg.datasets.synthetic(300, seed=1)  # institutions and schools have no sphere: 65% of ties known
    a = eg.Analysis(eco)
    assert not a.coverage.is_sufficient() and a.ei_index.computable
    assert "spheres" in [f.code for f in eg.Brief(a).withheld]
    fig = F.figure_block_density(a.block_density)
    assert fig.findobj(AxesImage) == []
    assert word("measures.withheld", "en", share=a.coverage.share, threshold=eg.MIN_COVERAGE) in _texts(fig)
    assert "Not shown: this figure rests on 65% of the data, below the 80% it needs." in _texts(fig)


@pytest.mark.parametrize(
    ("groups", "reason"),
    [({}, "no_known_group"), ({0: "a", 1: "a"}, "one_known_group"), ({0: "a", 2: "b"}, "no_known_tie")],
)
def test_every_reason_a_measure_cannot_be_computed_is_said(groups, reason):
    G = nx.Graph([(0, 1), (1, 2), (2, 3)])
    assert eg.ei_index(G, groups).reason == reason  # the reason the findings read
    fig = F.figure_block_density(eg.block_density(G, groups), lang="fr")
    assert fig.findobj(AxesImage) == [] and word(f"measures.reason.{reason}", "fr") in _texts(fig)


def test_density_on_known_spheres_draws_the_measure(known):
    _, a = known
    assert a.coverage.is_sufficient()
    fig = F.figure_block_density(a.block_density, lang="fr")
    (image,) = fig.axes[0].images
    np.testing.assert_allclose(image.get_array(), np.nan_to_num(a.block_density.to_numpy(dtype=float)))
    cells = [t.get_text() for t in fig.axes[0].texts]
    assert cells == ["–" if np.isnan(v) else f"{v:.3f}".replace(".", ",") for v in a.block_density.to_numpy(dtype=float).ravel()]
    assert word("measures.coverage", "fr", **a.coverage.to_dict()) in _texts(fig)  # what it rests on, under it


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_flows_on_dijon_are_withheld_with_the_moves_of_unknown_ends(dijon, lang):
    _, a = dijon
    flows = a.flow_table
    assert int(flows.to_numpy().sum()) == 0 and flows.attrs["coverage"].ties == 2
    fig = F.figure_flows(flows, lang=lang)
    assert fig.findobj(AxesImage) == []
    texts = _texts(fig)
    assert word("figures.no_known_move", lang) in texts
    assert word("measures.coverage_moves", lang, **flows.attrs["coverage"].to_dict()) in texts
    assert word("figures.moves_unknown", lang, from_unknown=1, to_unknown=0, unknown_to_unknown=1) in texts
    assert fig.axes[0].get_title() == word("figures.flows", lang)


def test_flows_without_any_move_say_so():
    eco = eg.datasets.tiny()
    flows = eg.flow_table(eco, as_of=1900)  # before any affiliation
    assert flows.attrs["coverage"].ties == 0
    fig = F.figure_flows(flows)
    assert fig.findobj(AxesImage) == [] and word("figures.no_moves", "en") in _texts(fig)


def test_flows_of_known_spheres_draw_the_counts(known):
    _, a = known
    flows = a.flow_table
    fig = F.figure_flows(flows)
    (image,) = fig.axes[0].images
    np.testing.assert_array_equal(image.get_array(), flows.to_numpy(dtype=float))
    assert [t.get_text() for t in fig.axes[0].texts] == [str(int(v)) for v in flows.to_numpy().ravel()]
    assert int(flows.to_numpy().sum()) == flows.attrs["coverage"].ties_known > 0


# ---- the network map's legend --------------------------------------------------------------------------------


@pytest.mark.parametrize("data", ["dijon", "known"])
def test_network_legend_stands_outside_the_map(data, request):
    _, a = request.getfixturevalue(data)
    fig = F.figure_network(a.graph, lang="fr")
    fig.canvas.draw()
    ax = fig.axes[0]
    (legend,) = fig.legends
    box = legend.get_window_extent()
    assert not box.overlaps(ax.get_window_extent())  # beside the drawing area, not over it
    nodes = ax.transData.transform(ax.collections[-1].get_offsets())
    assert not box.count_contains(nodes)
    assert fig.bbox.contains(box.x1 - 1, box.y0 + 1)  # and inside the figure, not cut off
    assert len(legend.get_texts()) >= 5


@pytest.mark.parametrize("data", ["dijon", "known"])
def test_network_names_never_overlap_and_the_most_connected_is_named(data, request):
    _, a = request.getfixturevalue(data)
    positions = eg.view(a, seed=0).positions  # as notebook 06 and the report draw it: the view's layout
    fig = F.figure_network(a.graph, layout=positions, lang="fr")
    fig.canvas.draw()  # where matplotlib really puts each name
    names = fig.axes[0].texts
    boxes = [t.get_window_extent() for t in names]
    assert [(x.get_text(), y.get_text()) for (x, bx), (y, by) in combinations(zip(names, boxes), 2) if bx.overlaps(by)] == []
    top = min(a.graph, key=lambda n: (-a.graph.degree(n), str(n)))  # the first name drawn is never left out
    assert str(a.graph.nodes[top]["name"])[:30] in [t.get_text()[:30] for t in names]
    assert len(names) >= 5


# ---- brokers -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("data", ["dijon", "known"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_brokers_have_readable_labels_and_no_empty_bar(data, lang, request):
    eco, a = request.getfixturevalue(data)
    b = a.brokers
    fig = F.figure_brokers(b, names=eco.actors["name"], lang=lang)
    fig.canvas.draw()
    ax = fig.axes[0]
    widths = [p.get_width() for p in ax.patches]
    on_paths = b[b["betweenness"] > 0]
    assert len(widths) == min(10, len(on_paths)) and min(widths) > 0
    assert sorted(widths, reverse=True) == on_paths["betweenness"].head(10).tolist()
    assert _overlapping(ax.get_yticklabels()) == []
    assert _overlapping(ax.get_xticklabels()) == []
    assert all(len(t.get_text()) <= 32 for t in ax.get_yticklabels())


def test_long_broker_names_are_cut_with_an_ellipsis():
    G = nx.star_graph(3)
    names = {0: "Association pour le développement de l'économie circulaire en Bourgogne-Franche-Comté"}
    fig = F.figure_brokers(eg.brokers(G, {}), names=names)
    (label,) = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert label == "Association pour le développem…"


def test_brokers_without_any_actor_on_a_path_say_so():
    G = nx.complete_graph(4)
    fig = F.figure_brokers(eg.brokers(G, {}), lang="fr")
    assert fig.axes[0].containers == [] and word("figures.no_brokers", "fr") in _texts(fig)  # no bar


def test_the_network_map_keeps_every_name_on_the_page():
    """A name at the map's edge ran off it ("ernatives Economiques" in Dijon's map): it now starts at its actor."""
    from ecograph.report import build_report

    fig = build_report(eg.datasets.dijon(), lang="fr", date="2026-01-01").figures["network"]
    renderer = fig.canvas.get_renderer()
    names = [t for t in fig.axes[0].texts if t.get_text()]
    assert len(names) >= 10
    for t in names:
        box = t.get_window_extent(renderer)
        assert fig.bbox.x0 - 1 <= box.x0 and box.x1 <= fig.bbox.x1 + 1, t.get_text()
    plt.close(fig)
