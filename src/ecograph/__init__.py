"""ecograph: ecosystem relationship-graph analytics.

Map who works with whom in a territory: validated tables of actors, people,
affiliations and ties; the networks they form; measures that answer the
questions territorial studies ask; and views, reports and worklists for the
people who act on them.

The public API, by theme:

* data: :func:`load`, :func:`validate`, :func:`from_frames`, :class:`Ecosystem`,
  :mod:`ecograph.datasets`, :func:`schema_markdown`;
* graphs: :meth:`Ecosystem.graph`, :meth:`Ecosystem.affiliation_graph`,
  :func:`people_links`;
* errors: :class:`EcographError`, :class:`SchemaError`, :class:`GraphError`.

Examples
--------
>>> import ecograph as eg
>>> eco = eg.datasets.tiny()
>>> eco.graph().number_of_nodes()
8
"""

from . import datasets
from .ecosystem import Ecosystem, from_frames, load, validate
from .errors import EcographError, GraphError, MissingAttributeError, Problem, SchemaError, UnknownActorError
from .graphs import people_links
from .schema import schema_markdown
from .summary import Summary
from .vocabulary import Vocabulary, default_vocabulary

__version__ = "0.1.0"

__all__ = [
    # errors
    "EcographError",
    # data
    "Ecosystem",
    "GraphError",
    "MissingAttributeError",
    "Problem",
    "SchemaError",
    "Summary",
    "UnknownActorError",
    "Vocabulary",
    "datasets",
    "default_vocabulary",
    "from_frames",
    "load",
    # graphs
    "people_links",
    "schema_markdown",
    "validate",
]
