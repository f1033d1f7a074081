"""Out to networkx and Gephi with the measures: networkx's own writers accept the flat graph, and the measures come back."""

from __future__ import annotations

import networkx as nx
import pytest

import ecograph as eg
from ecograph.interop.flat import MEASURE_ATTRIBUTES


@pytest.mark.parametrize("make", [eg.datasets.dijon, lambda: eg.datasets.synthetic(400, seed=3)], ids=["dijon", "synthetic"])
def test_networkx_writers_accept_it_and_the_measures_come_back(tmp_path, make):
    a = eg.Analysis(make())
    with pytest.raises((TypeError, ValueError, nx.NetworkXError)):  # what a researcher meets today with the raw graph
        nx.write_gexf(a.graph, tmp_path / "raw.gexf")
    G = eg.to_networkx(a)
    nx.write_gexf(G, tmp_path / "g.gexf")
    nx.write_graphml(G, tmp_path / "g.graphml")
    for back in (nx.read_gexf(tmp_path / "g.gexf"), nx.read_graphml(tmp_path / "g.graphml")):
        assert back.number_of_nodes() == a.sparse.n and back.number_of_edges() == a.sparse.m
        node = str(a.brokers["betweenness"].idxmax())
        assert back.nodes[node]["betweenness"] == pytest.approx(float(a.brokers.loc[node, "betweenness"]))
        assert int(back.nodes[node]["community"]) == int(a.communities.membership[node])
        to_reach = {n for n, d in back.nodes(data=True) if d.get("to_reach") in (True, "true", "True")}
        assert to_reach == {str(x) for x in a.standing.index[a.standing["to_reach"]]}
    assert set(MEASURE_ATTRIBUTES) - {"role", "participation", "constraint", "effective_size"} <= set(G.nodes[node])
    assert "people_links" not in a.graph.graph  # the Analysis's own graph is untouched
