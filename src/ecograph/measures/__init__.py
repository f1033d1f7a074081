"""Measures: what the study asks of a network, one concept per module, graph first, pandas results keyed by actor id.

Every measure takes any undirected networkx graph or a
:class:`~ecograph.SparseGraph`; group-based measures count only actors of
known group (:mod:`ecograph.measures.group_coverage`); :class:`Analysis`
computes each of them once for one network.

* :mod:`~ecograph.measures.density`: density, block density, mixing matrix;
* :mod:`~ecograph.measures.ei`: Krackhardt & Stern's E-I index;
* :mod:`~ecograph.measures.communities`: Leiden, Louvain, modularity, agreement;
* :mod:`~ecograph.measures.bridges`: bridges, local bridges, cut points;
* :mod:`~ecograph.measures.brokerage`: betweenness, participation, constraint, Gould–Fernandez roles;
* :mod:`~ecograph.measures.isolation`: isolated and peripheral actors;
* :mod:`~ecograph.measures.flows`: people moving between structures;
* :mod:`~ecograph.measures.evolution`: headline measures per year, two waves compared;
* :mod:`~ecograph.measures.robustness`: missing data and null models, drawn until the printed interval stops moving;
* :mod:`~ecograph.measures.rewiring`: degree-preserving rewiring (double-edge swaps on arrays);
* :mod:`~ecograph.measures.group_coverage`: how much a group measure rests on;
* :mod:`~ecograph.measures.directed`: the directed network, in/out degree and strength, density, reciprocity, dyads;
* :mod:`~ecograph.measures.weighted_paths`: betweenness and closeness with tie length 1/weight;
* :mod:`~ecograph.measures.directed_roles`: Gould–Fernandez roles on directed ties;
* :mod:`~ecograph.measures.valued`: E-I index and block density with weights;
* :mod:`~ecograph.measures.engines`: igraph or NetworKit for components, k-cores, degrees, Leiden and sampled betweenness;
* :mod:`~ecograph.measures.analysis`: one network, each measure computed once.

Examples
--------
>>> import networkx as nx
>>> from ecograph.measures import density
>>> density(nx.complete_graph(4))
1.0
"""

from .analysis import Analysis
from .bridges import bridges, cut_points, local_bridges
from .brokerage import betweenness, brokerage_roles, brokers, participation
from .communities import Communities, compare_partitions, detect_communities, modularity
from .density import block_density, density, mixing_matrix
from .directed import degrees, directed_density, directed_graph, dyad_census, reciprocity
from .directed_roles import directed_brokerage_roles
from .ei import ei_index
from .evolution import EcosystemDiff, diff, evolution, headline_measures
from .flows import flow_table, people_flows
from .group_coverage import MIN_COVERAGE, Coverage, MeasureValue, explain, group_coverage, unknown_actors
from .isolation import core_numbers, isolated_actors, two_step_reach
from .robustness import NullModelTest, Robustness, null_model_test, null_model_tests, robustness
from .standing import actor_standing
from .valued import valued_block_density, valued_ei_index
from .weighted_paths import weighted_betweenness, weighted_closeness

__all__ = [
    "MIN_COVERAGE",
    "Analysis",
    "Communities",
    "Coverage",
    "EcosystemDiff",
    "MeasureValue",
    "NullModelTest",
    "Robustness",
    "betweenness",
    "block_density",
    "bridges",
    "brokerage_roles",
    "brokers",
    "compare_partitions",
    "core_numbers",
    "cut_points",
    "density",
    "detect_communities",
    "diff",
    "ei_index",
    "evolution",
    "flow_table",
    "explain",
    "group_coverage",
    "headline_measures",
    "isolated_actors",
    "actor_standing",
    "local_bridges",
    "mixing_matrix",
    "modularity",
    "null_model_test",
    "null_model_tests",
    "participation",
    "people_flows",
    "robustness",
    "two_step_reach",
    "unknown_actors",
    # directed and valued ties
    "degrees",
    "directed_brokerage_roles",
    "directed_density",
    "directed_graph",
    "dyad_census",
    "reciprocity",
    "valued_block_density",
    "valued_ei_index",
    "weighted_betweenness",
    "weighted_closeness",
]
