"""Static figures: colours shared with the views, both languages, deterministic files."""

from __future__ import annotations

import matplotlib.colors as mcolors
import numpy as np
import pytest

import ecograph as eg
from ecograph import figures as F
from ecograph.views.style import SPHERE_COLORS


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
    assert "Structures d'accompagnement" in [t.get_text() for t in ax.get_legend().get_texts()]


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
    G = eg.datasets.tiny().graph()
    fig = F.figure_block_density(eg.block_density(G), lang="en")
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "1.000" in texts and "–" in texts  # a one-actor group has no within density


def test_creations_chart_counts_actors_per_year():
    eco = eg.datasets.tiny()
    fig = F.figure_creations(eco)
    heights = sum(p.get_height() for p in fig.axes[0].patches)
    assert heights == eco.actors["founded"].notna().sum()
