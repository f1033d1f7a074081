"""Gephi's formats under their former address: GEXF and GraphML, read and written (kept for compatibility).

Each format now has its module, as networkx's ``readwrite/`` keeps them:
:mod:`ecograph.interop.gexf` (:func:`read_gexf`, :func:`write_gexf`) and
:mod:`ecograph.interop.graphml` (:func:`read_graphml`, :func:`write_graphml`);
what they share (the safe XML parser :func:`parse_xml`, the edges written
twice folded back into one tie) is in :mod:`ecograph.interop.xml`. This
module re-exports those five names, so that ``from ecograph.interop.gephi
import read_gexf`` keeps working; new code imports from the format's module.

Examples
--------
>>> import tempfile, pathlib, ecograph as eg
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> eco = eg.datasets.tiny()
>>> back = read_gexf(write_gexf(eco, folder / "tiny.gexf"))
>>> back.actors.equals(eco.actors), back.ties.equals(eco.ties)
(True, True)
"""

from __future__ import annotations

from .gexf import read_gexf, write_gexf
from .graphml import read_graphml, write_graphml
from .xml import parse_xml

__all__ = ["parse_xml", "read_gexf", "read_graphml", "write_gexf", "write_graphml"]
