"""Public seams: no module reaches into another's private names; one door into an Analysis."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import networkx as nx
import pytest

import ecograph as eg
from ecograph.errors import GraphError

SRC = Path(__file__).resolve().parents[1] / "src" / "ecograph"
MODULES = sorted(SRC.rglob("*.py"))


def _private_imports(path: Path) -> list[str]:
    """``from X import _name`` of another module's private name (a private module, such as ``_startup``, is allowed)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("ecograph")):
            base = path.parent
            for _ in range(max(node.level - 1, 0)):
                base = base.parent
            for alias in node.names:
                if not alias.name.startswith("_") or alias.name.startswith("__"):
                    continue
                target = base.joinpath(*(node.module or "").split(".")) if node.module else base
                if (target / f"{alias.name}.py").exists():  # a module of the package, not a name inside one
                    continue
                found.append(f"line {node.lineno}: from {'.' * node.level}{node.module or ''} import {alias.name}")
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_imports_a_private_name_of_another(path):
    assert _private_imports(path) == []


@pytest.mark.parametrize("path", [p for p in MODULES if p.name != "sparse.py"], ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_reads_a_sparse_graphs_private_source(path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\._source\b", text), "use SparseGraph.attribute, has_attribute or node_attributes"


def test_one_door_into_an_analysis():
    """Analysis.of takes every input (an Analysis as is), checks graphs once, and is what views and the worklist use."""
    eco = eg.datasets.tiny()
    a = eg.Analysis.of(eco, seed=2)
    assert eg.Analysis.of(a) is a and eg.Analysis.of(a, seed=2) is a
    S = eg.as_sparse(eco.graph())
    assert eg.Analysis.of(S).sparse is S  # a SparseGraph taken as is, not round-tripped through networkx
    for bad, message in ((nx.DiGraph([(0, 1)]), "directed"), (nx.MultiGraph([(0, 1)]), "multigraph"), (nx.Graph(), "empty")):
        with pytest.raises(GraphError, match=message):
            eg.Analysis.of(bad)
    with pytest.raises(GraphError, match="got dict"):
        eg.Analysis.of({"a": "b"})
    sources = "\n".join(p.read_text(encoding="utf-8") for p in MODULES)
    assert "def analysis_of" not in sources and "def _analysis_of" not in sources
