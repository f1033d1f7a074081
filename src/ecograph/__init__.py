"""ecograph: ecosystem relationship-graph analytics.

Map who works with whom in a territory: validated tables of actors, people,
affiliations and ties; the networks they form; measures that answer the
questions territorial studies ask; and views, reports and worklists for the
people who act on them.

The public API, by theme:

* data: :func:`load`, :func:`validate`, :func:`from_frames`, :class:`Ecosystem`,
  :class:`Metadata`, :mod:`ecograph.datasets`, :func:`schema_markdown`,
  :func:`glossary_markdown` (the glossary of measures);
* coverage: :func:`actor_gaps`, :func:`sphere_status_counts`,
  :func:`without_inferred_spheres`, :func:`counted_coverage`;
* analysis: :class:`Analysis` (one network, each measure computed once);
* graphs: :meth:`Ecosystem.graph`, :meth:`Ecosystem.affiliation_graph`,
  :func:`people_links`, :class:`SparseGraph`, :func:`as_sparse`;
* measures: :func:`density`, :func:`block_density`, :func:`mixing_matrix`,
  :func:`ei_index`, :func:`detect_communities`, :func:`modularity`,
  :func:`bridges`, :func:`local_bridges`, :func:`cut_points`, :func:`brokers`,
  :func:`betweenness`, :func:`participation`, :func:`brokerage_roles`,
  :func:`isolated_actors`, :func:`people_flows`, :func:`flow_table`,
  :func:`headline_measures`, :func:`evolution`, :func:`diff`,
  :func:`robustness`, :func:`null_model_test`;
* directed and valued ties: :func:`directed_graph`, :func:`degrees`,
  :func:`directed_density`, :func:`reciprocity`, :func:`dyad_census`,
  :func:`weighted_betweenness`, :func:`weighted_closeness`,
  :func:`directed_brokerage_roles`, :func:`valued_ei_index`,
  :func:`valued_block_density`;
* unknown groups: :func:`group_coverage`, :class:`Coverage`,
  :class:`MeasureValue`, :data:`MIN_COVERAGE`, :func:`unknown_actors`, :func:`explain`,
  :func:`group_labels` (unknown groups are never a group: see
  :mod:`ecograph.measures.group_coverage`);
* outreach: :func:`outreach_worklist`, :func:`suggest_introducers`,
  :func:`what_if`, :func:`key_players`;
* out to networkx and Gephi with the measures: :func:`to_networkx`,
  :func:`write_gexf`, :func:`write_graphml` (an :class:`Analysis` or an
  :class:`Ecosystem`);
* views: :func:`view`, :func:`view_ego`, :func:`view_communities`,
  :func:`view_community`, :class:`NetworkView`, :func:`layout`;
* errors: :class:`EcographError`, :class:`SchemaError`, :class:`GraphError`, :class:`EngineError`.

Examples
--------
>>> import ecograph as eg
>>> eco = eg.datasets.tiny()
>>> eco.graph().number_of_nodes()
8
"""

from . import _startup, datasets, gaps  # _startup first: it must run before numpy and scipy load
from .ecosystem import Ecosystem, from_frames, load, validate
from .errors import EcographError, EngineError, GraphError, MissingAttributeError, Problem, SchemaError, UnknownActorError
from .findings import Brief, Finding
from .gaps import actor_gaps, counted_coverage, sphere_status_counts, without_inferred_spheres
from .glossary import glossary_markdown
from .graphs import people_links
from .interop.flat import to_networkx
from .interop.gexf import write_gexf
from .interop.graphml import write_graphml
from .measures.analysis import Analysis
from .measures.bridges import bridges, cut_points, local_bridges
from .measures.brokerage import betweenness, brokerage_roles, brokers, participation
from .measures.communities import Communities, compare_partitions, detect_communities, modularity
from .measures.density import block_density, density, mixing_matrix
from .measures.directed import degrees, directed_density, directed_graph, dyad_census, reciprocity
from .measures.directed_roles import directed_brokerage_roles
from .measures.ei import ei_index
from .measures.evolution import EcosystemDiff, diff, evolution, headline_measures
from .measures.flows import flow_table, people_flows
from .measures.group_coverage import MIN_COVERAGE, Coverage, MeasureValue, explain, group_coverage, unknown_actors
from .measures.isolation import core_numbers, isolated_actors, two_step_reach
from .measures.robustness import NullModelTest, Robustness, null_model_test, null_model_tests, robustness
from .measures.standing import actor_standing
from .measures.valued import valued_block_density, valued_ei_index
from .measures.weighted_paths import weighted_betweenness, weighted_closeness
from .metadata import Metadata
from .outreach import key_players, outreach_worklist, suggest_introducers, suggested_ties, what_if
from .partition import group_codes, group_labels
from .schema import schema_markdown
from .sparse import SparseGraph, as_sparse
from .summary import Summary
from .version import __version__ as __version__
from .views import NetworkView, view, view_communities, view_community, view_ego
from .views.layout import layout
from .vocabulary import Vocabulary, default_vocabulary

_startup.restore()

__all__ = [
    # data
    "Ecosystem",
    "Analysis",
    "Brief",
    "Finding",
    "load",
    "validate",
    "from_frames",
    "datasets",
    "figures",
    "schema_markdown",
    "glossary_markdown",
    "Summary",
    "Vocabulary",
    "default_vocabulary",
    "Metadata",
    # coverage
    "gaps",
    "actor_gaps",
    "sphere_status_counts",
    "without_inferred_spheres",
    "counted_coverage",
    # graphs
    "people_links",
    "SparseGraph",
    "as_sparse",
    # density and mixing
    "density",
    "block_density",
    "mixing_matrix",
    "ei_index",
    # communities
    "detect_communities",
    "Communities",
    "modularity",
    "compare_partitions",
    # bridges and brokers
    "bridges",
    "local_bridges",
    "cut_points",
    "brokers",
    "betweenness",
    "participation",
    "brokerage_roles",
    # isolation
    "isolated_actors",
    "actor_standing",
    "to_networkx",
    "write_gexf",
    "write_graphml",
    "core_numbers",
    "two_step_reach",
    # people and time
    "people_flows",
    "flow_table",
    "headline_measures",
    "evolution",
    "diff",
    "EcosystemDiff",
    # unknown groups: what a group measure rests on
    "explain",
    "group_coverage",
    "Coverage",
    "MeasureValue",
    "MIN_COVERAGE",
    "unknown_actors",
    "group_labels",
    "group_codes",
    # robustness and significance
    "robustness",
    "Robustness",
    "null_model_test",
    "null_model_tests",
    "NullModelTest",
    # directed and valued ties
    "directed_graph",
    "degrees",
    "directed_density",
    "reciprocity",
    "dyad_census",
    "weighted_betweenness",
    "weighted_closeness",
    "directed_brokerage_roles",
    "valued_ei_index",
    "valued_block_density",
    # outreach
    "outreach_worklist",
    "suggest_introducers",
    "suggested_ties",
    "what_if",
    "key_players",
    # views
    "view",
    "view_ego",
    "view_communities",
    "view_community",
    "NetworkView",
    "layout",
    # errors
    "EcographError",
    "SchemaError",
    "EngineError",
    "GraphError",
    "MissingAttributeError",
    "UnknownActorError",
    "Problem",
]


def __getattr__(name: str):
    """``eg.figures`` is imported on first use: importing ecograph does not load matplotlib.pyplot."""
    if name == "figures":
        import importlib

        return importlib.import_module(".views.figures", __name__)
    raise AttributeError(f"module 'ecograph' has no attribute {name!r}")
