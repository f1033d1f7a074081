"""The six notebooks run with a real Jupyter kernel, hold no logic, and keep their views when exported."""

from __future__ import annotations

import ast
import json

import nbformat
import pytest
from notebooks_runner import NOTEBOOKS, execute, export_html

pytestmark = pytest.mark.slow  # real kernel / browser / wheel: left out of the quick loop

EXPECTED = [
    "01-load-and-validate",
    "02-density-and-spheres",
    "03-communities-and-bridges",
    "04-isolated-actors-and-outreach",
    "05-people-flows-and-evolution",
    "06-steering-committee-views",
]


def test_the_six_notebooks_are_there_and_stored_without_outputs():
    assert [p.stem for p in NOTEBOOKS] == EXPECTED
    for path in NOTEBOOKS:
        raw = json.loads(path.read_text(encoding="utf-8"))
        code = [c for c in raw["cells"] if c["cell_type"] == "code"]
        assert all(c.get("outputs") == [] and c.get("execution_count") is None for c in code), path.name
        nb = nbformat.read(path, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert "parameters" in code[0].metadata.get("tags", []), path.name
        markdown = [c for c in nb.cells if c.cell_type == "markdown"]
        assert markdown[0].source.startswith("# ") and "Conclusion" in markdown[-1].source, path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_hold_no_logic(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        banned = (
            ast.If,
            ast.For,
            ast.While,
            ast.FunctionDef,
            ast.ClassDef,
            ast.Lambda,
            ast.IfExp,
            ast.ListComp,
            ast.DictComp,
            ast.With,
            ast.Try,
        )
        found = [type(n).__name__ for n in ast.walk(tree) if isinstance(n, banned)]
        assert found == [], (path.name, cell.source)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_executes_and_exports(path, tmp_path):
    nb = execute(path, tmp_path)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    assert len(outputs) >= 5
    page = export_html(nb)
    if path.stem in (
        "03-communities-and-bridges",
        "04-isolated-actors-and-outreach",
        "05-people-flows-and-evolution",
        "06-steering-committee-views",
    ):
        assert "<iframe" in page and "srcdoc=" in page  # the views travel inside the exported page
    assert list(tmp_path.glob("*.html")) == []  # showing views wrote no file
