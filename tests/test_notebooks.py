"""The six notebooks run with a real Jupyter kernel, hold no logic, read every measure from one analysis,
conclude with the findings computed from their data, and keep their views when exported."""

from __future__ import annotations

import ast
import html
import json
from functools import cached_property

import nbformat
import pytest
from notebooks_runner import NOTEBOOKS, ROOT, execute, export_html

import ecograph as eg

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
        # the Conclusion introduces the last cell, which shows the Brief's findings: no conclusion is written by hand
        assert nb.cells[-2] is markdown[-1] and nb.cells[-1].cell_type == "code", path.name
        assert conclusion_codes(nb.cells[-1].source) == CONCLUSIONS[path.stem], path.name


#: The findings each notebook concludes with (None: the report's first page).
CONCLUSIONS = {
    "01-load-and-validate": None,
    "02-density-and-spheres": ["ties", "spheres"],
    "03-communities-and-bridges": ["communities", "connectors", "fragility"],
    "04-isolated-actors-and-outreach": ["fragmentation", "fragility"],
    "05-people-flows-and-evolution": ["flows"],
    "06-steering-committee-views": None,
}


def conclusion_codes(source: str) -> list[str] | None:
    """The codes of a cell that is exactly ``brief.conclusion([codes], lang=LANG)``; fails on anything else."""
    (stmt,) = ast.parse(source).body
    call = stmt.value
    assert isinstance(call, ast.Call) and ast.unparse(call.func) == "brief.conclusion", source
    assert [(k.arg, ast.unparse(k.value)) for k in call.keywords] == [("lang", "LANG")], source
    return ast.literal_eval(call.args[0]) if call.args else None


#: Measure functions: a notebook reads these from its Analysis (or Brief), computed once, and never calls them itself.
MEASURES = {name for name, value in vars(eg.Analysis).items() if isinstance(value, cached_property) and name in eg.__all__} | {
    "detect_communities",
    "isolated_actors",
    "headline_measures",
    "group_coverage",
    "modularity",
    "null_model_test",
    "null_model_tests",
    "outreach_worklist",
    "key_players",
}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_read_every_measure_from_one_analysis(path):
    nb = nbformat.read(path, as_version=4)
    calls = [n for c in nb.cells if c.cell_type == "code" for n in ast.walk(ast.parse(c.source)) if isinstance(n, ast.Call)]
    names = [ast.unparse(n.func) for n in calls]
    assert [n for n in names if n.startswith("eg.") and n.split(".")[-1] in MEASURES] == []
    assert names.count("eg.Brief") == 1  # the dataset's one Brief, and its analysis
    # another Analysis only for a synthetic contrast, on another network
    others = [ast.unparse(n) for n in calls if ast.unparse(n.func) == "eg.Analysis"]
    assert all(o.startswith("eg.Analysis(eg.datasets.synthetic(") for o in others), others


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
    for cell in nb.cells:  # every figure is shown, not only the first of the notebook
        if cell.cell_type == "code" and "eg.figures.figure_" in cell.source:
            assert any("image/png" in o.get("data", {}) for o in cell.outputs), cell.source
    assert "ecograph-conclusion" in nb.cells[-1].outputs[0]["data"]["text/html"]
    page = export_html(nb)
    if path.stem in (
        "03-communities-and-bridges",
        "04-isolated-actors-and-outreach",
        "05-people-flows-and-evolution",
        "06-steering-committee-views",
    ):
        assert "<iframe" in page and "srcdoc=" in page  # the views travel inside the exported page
    assert list(tmp_path.glob("*.html")) == []  # showing views wrote no file


def test_the_kernel_imports_this_tree_and_takes_the_parameters(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell('DATA = "dijon"', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("import ecograph\nprint(ecograph.__file__, DATA)"),
    ]
    path = tmp_path / "probe.ipynb"
    nbformat.write(nb, path)
    out = execute(path, tmp_path, parameters={"DATA": "tiny"})
    assert out.cells[1].metadata["tags"] == ["injected-parameters"]
    assert out.cells[2].outputs[0]["text"] == f"{ROOT / 'src' / 'ecograph' / '__init__.py'} tiny\n"


@pytest.fixture(scope="module")
def spheres_known(tmp_path_factory):
    """A dataset folder where every actor's sphere is known (no institutions or schools), so that E-I can be stated."""
    eco = eg.datasets.synthetic(300, seed=1, share_institutions=0, share_schools=0)
    return str(eg.io.write_dataset(eco, tmp_path_factory.mktemp("spheres-known") / "data"))


def _conclusion(nb: nbformat.NotebookNode) -> tuple[str, str]:
    (out,) = nb.cells[-1].outputs
    return out["data"]["text/plain"], out["data"]["text/html"]


def test_notebook_conclusions_change_when_the_data_change(tmp_path, spheres_known):
    path = next(p for p in NOTEBOOKS if p.stem == "02-density-and-spheres")
    codes = CONCLUSIONS[path.stem]
    shown, stated = {}, {}
    for data in ("dijon", spheres_known):
        nb = execute(path, tmp_path, parameters={"DATA": data, "LANG": "en"})
        text, page = shown[data] = _conclusion(nb)
        # the Brief of the same data, computed here: every word of its findings is in the notebook's conclusion
        brief = eg.Brief(eg.datasets.open_dataset(data, seed=0), seed=0)
        findings = [f for f in brief.candidates if f.code in codes]
        assert [f.code for f in findings] == codes
        for finding in findings:
            for value in finding.text("en").values():
                assert value in text and html.escape(value) in page, value
        stated[data] = {f.code: f.stated for f in findings}
    assert shown["dijon"] != shown[spheres_known]
    # on Dijon no tie joins two actors of known sphere: the E-I finding is withheld, with what would unlock it
    assert stated["dijon"] == {"ties": True, "spheres": False}
    assert "Cannot be said yet" in shown["dijon"][0] and "would unlock it" in shown["dijon"][0]
    assert stated[spheres_known] == {"ties": True, "spheres": True}
    assert "E-I index" in shown[spheres_known][0] and "Cannot be said yet" not in shown[spheres_known][0]
