"""The formats table: every file format ecograph reads or writes, in one place the command line reads.

A new format is one module (its reader and writer) and one row here: the
``ecograph export --format`` choices, the suffixes ``ecograph import``
recognises and the help texts all come from :data:`FORMATS`.

Examples
--------
>>> [f.name for f in FORMATS if f.write is not None]
['gexf', 'graphml', 'kumu-json', 'kumu-xlsx', 'umap', 'geojson', 'csv']
>>> import_format("map.GEXF").name, import_format("board.xlsx").name
('gexf', 'kumu-xlsx')
>>> import_format("notes.txt") is None
True
>>> [f.name for f in FORMATS if f.measures]  # ecograph export --with-measures
['gexf', 'graphml', 'kumu-json', 'kumu-xlsx']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..io import write_dataset
from . import gexf, graphml, kumu, umap

__all__ = ["FORMATS", "Format", "export_format", "import_format"]


@dataclass(frozen=True)
class Format:
    """One file format.

    Attributes
    ----------
    name : str
        The name ``--format`` takes.
    suffixes : tuple of str
        The file suffixes ``ecograph import`` reads with :attr:`read` (lower case).
    read : callable or None
        ``read(path, **options)`` → Ecosystem (the options of :func:`ecograph.interop.exchange.graph_to_dataset`).
    write : callable or None
        ``write(eco, target, *, seed, undirected_ties, layers, lang, analysis, measures)`` → the ids of the
        actors left out of the file (a map leaves out the actors without coordinates).
    measures : bool
        Whether the file can carry the measures of each actor
        (:func:`ecograph.interop.flat.measure_table`; ``ecograph export --with-measures``).
    folder : bool
        Whether the output is a folder (a dataset) rather than a file.
    tool : str
        Who reads or writes such files.
    """

    name: str
    suffixes: tuple[str, ...]
    read: Callable[..., Any] | None
    write: Callable[..., list] | None
    measures: bool = False
    folder: bool = False
    tool: str = ""


def _gexf(eco: Any, target: Any, *, seed: int, undirected_ties: str, analysis: Any, measures: bool = False, **_: Any) -> list:
    gexf.write_gexf(eco, target, seed=seed, undirected_ties=undirected_ties, analysis=analysis, measures=measures)
    return []


def _graphml(eco: Any, target: Any, *, undirected_ties: str, analysis: Any, measures: bool = False, **_: Any) -> list:
    graphml.write_graphml(eco, target, undirected_ties=undirected_ties, analysis=analysis, measures=measures)
    return []


def _kumu_json(eco: Any, target: Any, *, analysis: Any, measures: bool = False, **_: Any) -> list:
    kumu.write_kumu_json(eco, target, analysis=analysis, measures=measures)
    return []


def _kumu_xlsx(eco: Any, target: Any, *, analysis: Any, measures: bool = False, **_: Any) -> list:
    kumu.write_kumu_xlsx(eco, target, analysis=analysis, measures=measures)
    return []


def _umap(eco: Any, target: Any, *, layers: str, lang: str, seed: int, analysis: Any, **_: Any) -> list:
    return umap.write_umap(eco, target, by=layers, lang=lang, seed=seed, analysis=analysis)


def _geojson(eco: Any, target: Any, *, layers: str, lang: str, seed: int, analysis: Any, **_: Any) -> list:
    return umap.write_geojson(eco, target, by=layers, lang=lang, seed=seed, analysis=analysis)


def _csv(eco: Any, target: Any, **_: Any) -> list:
    write_dataset(eco, target)
    return []


#: Every format, in the order the help lists them.
FORMATS: tuple[Format, ...] = (
    Format("gexf", (".gexf",), gexf.read_gexf, _gexf, measures=True, tool="Gephi, Gephi Lite"),
    Format("graphml", (".graphml", ".xml"), graphml.read_graphml, _graphml, measures=True, tool="Gephi, yEd, igraph, networkx"),
    Format("kumu-json", (".json",), kumu.read_kumu, _kumu_json, measures=True, tool="Kumu"),
    Format("kumu-xlsx", (".xlsx", ".xlsm"), kumu.read_kumu, _kumu_xlsx, measures=True, tool="Kumu"),
    Format("umap", (), None, _umap, tool="uMap (ecograph import-umap reads .umap, .geojson, .csv)"),
    Format("geojson", (), None, _geojson, tool="any map tool"),
    Format("csv", (), None, _csv, folder=True, tool="ecograph, spreadsheets"),
)


def export_format(name: str) -> Format:
    """The format ``--format name`` writes.

    >>> export_format("csv").folder
    True
    """
    return next(f for f in FORMATS if f.name == name and f.write is not None)


def import_format(path: str | Path) -> Format | None:
    """The format ``ecograph import`` reads a file with, from its suffix (None when none does)."""
    suffix = Path(path).suffix.lower()
    return next((f for f in FORMATS if f.read is not None and suffix in f.suffixes), None)
