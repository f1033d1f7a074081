"""The six notebooks run with a real Jupyter kernel, in English and in French, hold no logic, read every measure from one analysis
per dataset, teach each measure on data where it works before the real case, conclude with the findings computed from their data,
and keep their views when exported."""

from __future__ import annotations

import ast
import html
import json
import re
import string
import tempfile
from functools import cache, cached_property
from pathlib import Path

import igraph as ig
import nbformat
import networkx as nx
import numpy as np
import pytest
from notebooks_runner import NOTEBOOKS, ROOT, execute, export_html, notebook_in, translated

import ecograph as eg
from ecograph.measures.group_coverage import REASONS
from ecograph.words import CATALOGUE, LANGUAGES, number, word

pytestmark = pytest.mark.slow  # real kernel / browser / wheel: left out of the quick loop

EXPECTED = [
    "01-load-and-validate",
    "02-density-and-spheres",
    "03-communities-and-bridges",
    "04-isolated-actors-and-outreach",
    "05-people-flows-and-evolution",
    "06-steering-committee-views",
]


#: Every notebook, in each language: (path, LANG).
ALL = [(notebook_in(p, lang), lang) for lang in ("en", "fr") for p in NOTEBOOKS]


def _id(case):
    return f"{case[0].stem}-{case[1]}"


def test_the_six_notebooks_are_there_and_stored_without_outputs():
    assert [p.stem for p in NOTEBOOKS] == EXPECTED
    for path, _ in ALL:
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
    "05-people-flows-and-evolution": ["flows", "evolution"],
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


#: The datasets a notebook teaches on: where every measure it teaches can be computed and shown.
TEACHING = (
    "eg.datasets.karate(lang=LANG)",
    "eg.datasets.synthetic(300, seed=SEED, share_institutions=0, share_schools=0, lang=LANG)",
)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_read_every_measure_from_one_analysis_per_dataset(path):
    nb = nbformat.read(path, as_version=4)
    calls = [n for c in nb.cells if c.cell_type == "code" for n in ast.walk(ast.parse(c.source)) if isinstance(n, ast.Call)]
    names = [ast.unparse(n.func) for n in calls]
    assert [n for n in names if n.startswith("eg.") and n.split(".")[-1] in MEASURES] == []
    # the real case's one Brief, and its analysis; one more Analysis or Brief only for the teaching data, built by a public loader
    built = [n for n in calls if ast.unparse(n.func) in ("eg.Brief", "eg.Analysis")]
    assert [ast.unparse(n) for n in built if ast.unparse(n.args[0]) == "eco"] == ["eg.Brief(eco, seed=SEED)"]
    teaching = [ast.unparse(n.args[0]) for n in built if ast.unparse(n.args[0]) != "eco"]
    assert len(teaching) == 1 and teaching[0] in TEACHING, teaching


def _parts(nb: nbformat.NotebookNode) -> tuple[list, list]:
    """The cells of the teaching part and of the real case (between the headings tagged ``teaching`` and ``real-case``)."""
    tags = [c.metadata.get("tags", []) for c in nb.cells]
    start = next(i for i, t in enumerate(tags) if "teaching" in t)
    real = next(i for i, t in enumerate(tags) if "real-case" in t)
    return nb.cells[start:real], nb.cells[real:]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_notebook_teaches_before_the_real_case(path):
    nb = nbformat.read(path, as_version=4)
    teaching, real = _parts(nb)
    code = "\n".join(c.source for c in teaching if c.cell_type == "code")
    assert any(t in code for t in TEACHING), path.name  # taught on data where the measures work ...
    assert "eg.Brief(eco, seed=SEED)" in "\n".join(c.source for c in real)  # ... then the real case, DATA
    names = {n.id for c in teaching if c.cell_type == "code" for n in ast.walk(ast.parse(c.source)) if isinstance(n, ast.Name)}
    assert names & {"eco", "a", "brief"} == set(), names  # the teaching part never reads the real case


@pytest.mark.parametrize("case", ALL, ids=_id)
def test_notebooks_hold_no_logic(case):
    path, _ = case
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


@cache
def executed(path: Path, lang: str) -> tuple[nbformat.NotebookNode, Path]:
    """``path`` executed once with ``LANG=lang`` (its default), in a folder of its own: several tests read it."""
    workdir = Path(tempfile.mkdtemp(prefix=f"nb-{path.stem}-{lang}-"))
    return execute(path, workdir, parameters={"LANG": lang}), workdir


def _text(cell: nbformat.NotebookNode) -> str:
    """Everything a code cell printed or displayed as text or HTML (an embedded view's page, code and all, left out)."""
    out = []
    for o in cell.get("outputs", []):
        out.append(o.get("text", ""))
        out += [o.get("data", {}).get(k, "") for k in ("text/plain", "text/html", "text/markdown")]
    return "\n".join(t for t in out if "<iframe" not in t)


@pytest.mark.parametrize("case", ALL, ids=_id)
def test_notebook_executes_and_exports(case):
    path, lang = case
    nb, workdir = executed(path, lang)
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
    assert list(workdir.glob("*.html")) == []  # showing views wrote no file


def _withheld_words(lang: str) -> list[str]:
    """The openings of the library's sentences for a value that cannot be computed or shown, in ``lang``."""
    sentences = [word(f"measures.reason.{r}", lang) for r in REASONS] + [word("measures.withheld", lang, share=0.5, threshold=0.8)]
    sentences += [word("figures.no_known_move", lang), word("figures.no_moves", lang)]
    return [s.split(":")[0].split(" :")[0] for s in sentences]


@pytest.mark.parametrize("case", ALL, ids=_id)
def test_the_teaching_part_shows_measures_that_work(case):
    path, lang = case
    nb, _ = executed(path, lang)
    teaching, _ = _parts(nb)
    for cell in (c for c in teaching if c.cell_type == "code"):
        text = _text(cell)
        assert re.search(r"\bnan\b|<NA>", text, flags=re.IGNORECASE) is None, (cell.source, text[:2000])
        assert [w for w in _withheld_words(lang) if w in text] == [], cell.source


@cache
def _teaching_synthetic() -> tuple[eg.Ecosystem, nx.Graph]:
    eco = eg.datasets.synthetic(300, seed=0, share_institutions=0, share_schools=0)
    return eco, eco.observed().graph()


def _output_of(nb: nbformat.NotebookNode, source: str) -> str:
    (cell,) = [c for c in nb.cells if c.cell_type == "code" and c.source == source]
    return _text(cell)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_density_and_spheres_teach_the_e_i_index_on_known_spheres(lang):
    nb, _ = executed(notebook_in(NOTEBOOKS[1], lang), lang)
    _, G = _teaching_synthetic()
    # E-I counted here, tie by tie: (external - internal) / all, every sphere known
    sphere = nx.get_node_attributes(G, "sphere")
    assert len(sphere) == G.number_of_nodes() and all(sphere.values())
    external = sum(sphere[u] != sphere[v] for u, v in G.edges())
    ei = (2 * external - G.number_of_edges()) / G.number_of_edges()
    assert -1 <= ei <= 1 and float(eg.ei_index(G, "sphere")) == pytest.approx(ei)
    shown = _output_of(nb, "print(eg.explain(t.ei_index, LANG))")
    assert shown.startswith(number(ei, lang, ".3f") + "."), shown
    assert f"{G.number_of_edges()}" in shown and "nan" not in shown.lower()
    # the teaching heatmap has something to show: no reason to withhold it, and ties inside and between spheres
    block = eg.block_density(G, "sphere")
    assert block.attrs["reason"] is None and block.attrs["coverage"].is_sufficient()
    assert (np.diag(block.to_numpy()) > 0).all() and block.to_numpy().sum() > np.trace(block.to_numpy())
    # on Dijon the same cells give the library's reason, in the notebook's language, and no figure of zeros
    reason = word("measures.reason.no_known_tie", lang)
    assert _output_of(nb, "print(eg.explain(a.ei_index, LANG))").startswith(reason)
    assert _output_of(nb, "print(eg.explain(a.block_density, LANG))").startswith(reason)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_communities_and_bridges_teach_on_the_karate_club(lang):
    nb, _ = executed(notebook_in(NOTEBOOKS[2], lang), lang)
    K = nx.karate_club_graph()
    # the one bridge (0-11: member 11 has no other tie) and the one cut point (Mr. Hi), by networkx
    assert list(nx.bridges(K)) == [(0, 11)] and set(nx.articulation_points(K)) == {0}
    bridges, cuts = _output_of(nb, "t.bridges"), _output_of(nb, "t.cut_points")
    assert "m00" in bridges and "m11" in bridges and "m00" in cuts
    # communities against the factions: NMI and adjusted Rand by igraph, on the communities the notebook shows
    a = eg.Analysis(eg.datasets.karate(), seed=0)
    ids = [f"m{v:02d}" for v in K]
    found = a.communities.membership.reindex(ids).tolist()
    faction = [K.nodes[v]["club"] for v in K]
    codes = [sorted(set(faction)).index(f) for f in faction]
    nmi = ig.compare_communities(found, codes, method="nmi")
    ari = ig.compare_communities(found, codes, method="adjusted_rand")
    assert 0.3 < nmi < 1 and 0.2 < ari < 1
    shown = _output_of(nb, "t.agreement")
    assert f"{nmi:.6f}" in shown and f"{ari:.6f}" in shown, shown
    # brokers: Mr. Hi and the officer have the highest betweenness, as networkx says
    top = sorted(nx.betweenness_centrality(K), key=nx.betweenness_centrality(K).get, reverse=True)[:2]
    assert top == [0, 33] and _output_of(nb, "t.brokers.head(10)").index("m00") < _output_of(nb, "t.brokers.head(10)").index("m33")
    # on Dijon the agreement is withheld with its reason, not shown as NaN
    assert _output_of(nb, "print(eg.explain(a.agreement, LANG))").startswith(word("measures.reason.no_known_tie", lang))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_people_flows_teach_on_moves_between_known_spheres(lang):
    nb, _ = executed(notebook_in(NOTEBOOKS[4], lang), lang)
    eco, _ = _teaching_synthetic()
    flows = eg.flow_table(eco.observed(), attr="sphere")
    assert flows.attrs["reason"] is None and flows.to_numpy().sum() > 0 and flows.attrs["coverage"].is_sufficient()
    assert f"{flows.attrs['coverage'].ties_known}" in _output_of(nb, "print(eg.explain(t.flow_table, LANG))")
    # the real case's figure and sentence say why there is no heatmap
    assert "nan" not in _output_of(nb, "print(eg.explain(a.flow_table, LANG))").lower()


#: Words only one of the two languages writes often (a notebook's prose is told by which it uses more).
STOPWORDS = {
    "en": {"the", "and", "of", "is", "are", "with", "which", "what", "when", "each", "their", "on", "or", "they", "not", "why"},
    "fr": {"le", "la", "les", "des", "et", "est", "une", "du", "qui", "quand", "chaque", "sur", "dans", "ou", "ils", "pas", "pourquoi"},
}


def _language(text: str) -> str:
    words = re.findall(r"[a-zàâçéèêëîïôûùüÿœ]+", text.lower())
    counts = {lang: sum(w in stop for w in words) for lang, stop in STOPWORDS.items()}
    return max(counts, key=counts.get) if len(set(counts.values())) > 1 else "undecided"


@pytest.mark.parametrize("case", ALL, ids=_id)
def test_prose_and_parameters_speak_the_same_language(case):
    path, lang = case
    nb = nbformat.read(path, as_version=4)
    (params,) = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert f'LANG = "{lang}"' in params.source.splitlines()
    prose = [c.source for c in nb.cells if c.cell_type == "markdown" and len(c.source.split()) >= 12]
    assert len(prose) >= 5 and [_language(p) for p in prose] == [lang] * len(prose), path


def test_the_french_notebooks_are_the_english_ones_translated():
    for path in NOTEBOOKS:
        source = nbformat.read(path, as_version=4)
        untranslated = [c.source[:60] for c in source.cells if (c.cell_type == "markdown" or "#" in c.source) and "fr" not in c.metadata]
        assert untranslated == [], path.name  # every text has its French, comments of code included
        committed = nbformat.read(notebook_in(path, "fr"), as_version=4)
        assert committed == translated(source, "fr"), f"run: python tests/notebooks_runner.py --translate ({path.name})"


@pytest.mark.parametrize("case", ALL, ids=_id)
def test_outputs_speak_the_notebook_language(case):
    path, lang = case
    nb, _ = executed(path, lang)
    brief = eg.Brief(eg.datasets.dijon(), seed=0)
    conclusion = nb.cells[-1].outputs[0]["data"]["text/plain"]
    codes = CONCLUSIONS[path.stem]
    expected = [f for f in brief.candidates if f.code in codes] if codes else [*brief.findings, *brief.withheld]
    for finding in expected:
        assert finding.text(lang)["question"] in conclusion, finding.code
    # every value explained, and every coverage, in the notebook's words
    explained = [_text(c) for c in nb.cells if c.cell_type == "code" and ("eg.explain(" in c.source or "coverage.text(LANG)" in c.source)]
    coverage = {
        max(word("measures.coverage", lang, **dict.fromkeys(("actors_known", "actors", "ties_known", "ties"), n)).split(str(n)), key=len)
        for n in (0, 2)
    }
    assert all(any(piece in t for piece in coverage) for t in explained), (path.name, coverage)  # "0 lien ... relie", "2 liens ... relient"
    # each analysis says what it is in the notebook's words (the teaching data's and the real case's)
    analyses = [_text(c) for c in nb.cells if c.cell_type == "code" and c.source.endswith(("print(t.text(LANG))", "print(a.text(LANG))"))]
    opening = word("measures.analysis", lang, name="", actors=0, ties=0, group="", seed=0).split("«")[0].split("'")[0]
    assert len(analyses) >= 2 and all(t.startswith(opening) for t in analyses), (path.name, opening, analyses)


#: What the library's own objects print when they are shown bare (their ``repr``, in English): a notebook prints their ``text(LANG)``.
REPRS = ("<Analysis ", "<Communities", "<NetworkView", "<Coverage", "<Brief", "<Finding")


def _fragments(text: str) -> list[str]:
    """The runs of words of a catalogue text between its placeholders and punctuation (two words and 8 characters or more)."""
    literal = "".join(part for part, *_ in string.Formatter().parse(text))
    chunks = (c.strip() for c in re.split(r"[:;()«»“”\"'.,!?→\[\]{}|]", literal))
    return [c for c in chunks if len(c) >= 8 and len(c.split()) >= 2]


@cache
def _data_text() -> str:
    """Every text the data the notebooks show carry (the Dijon study is in French): a data's words are never a leak."""
    eco = eg.datasets.dijon()
    tables = [eco.actors, eco.ties, eco.people, eco.affiliations, eco.vocabulary.to_frame(), eco.metadata.to_frame()]
    return "\n".join(t.to_csv() for t in tables)


@cache
def _foreign(lang: str) -> frozenset[str]:
    """The library's words that only the other language writes: runs of the catalogue's texts, not in ``lang``'s, not in the data."""
    i, j = LANGUAGES.index("fr" if lang == "en" else "en"), LANGUAGES.index(lang)
    data = _data_text()
    return frozenset(
        f for texts in CATALOGUE.values() if texts[i] != texts[j] for f in _fragments(texts[i]) if f not in texts[j] and f not in data
    )


def _shown(nb: nbformat.NotebookNode) -> str:
    """Everything a reader sees in the outputs: printed and displayed text and HTML, and the words of each embedded view.

    The text a front end shows in place of a figure (matplotlib's ``<Figure ...>``) is left out; a view is read from the
    data its page is drawn from (legend, filters, cards, captions), not from its code.
    """
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            data = o.get("data", {})
            out.append(o.get("text", ""))
            page = data.get("text/html", "")
            if "<iframe" in page:
                srcdoc = html.unescape(re.search(r'srcdoc="([^"]*)"', page).group(1))
                out += re.findall(r'<script[^>]*type="application/json"[^>]*>(.*?)</script>', srcdoc, flags=re.S)
            else:
                out.append(page)
            out += [data.get("text/markdown", "")] + ([] if "image/png" in data else [data.get("text/plain", "")])
    return "\n".join(out)


@pytest.mark.parametrize("case", ALL, ids=_id)
def test_no_output_speaks_the_other_language(case):
    path, lang = case
    nb, _ = executed(path, lang)
    shown = _shown(nb)
    assert [r for r in REPRS if r in shown] == []  # every object is printed in the notebook's words, never its English repr
    leaks = sorted(f for f in _foreign(lang) if f in shown)
    assert leaks == [], (path.name, leaks)


def test_the_language_check_sees_a_leak():
    # what notebook 01 showed in French before its outputs took LANG: the summary's and the analysis' English
    old = "<Analysis of 'karate': 34 actors, 78 ties, grouped by 'sphere', seed 0>\nActors by kind\nSynthetic actor 3"
    assert {"Actors by kind", "Synthetic actor"} <= {f for f in _foreign("fr") if f in old}
    assert [r for r in REPRS if r in old] == ["<Analysis "]
    assert "Acteurs par type" in _foreign("en") and "Acteurs par type" not in _foreign("fr")


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
    # on Dijon no tie joins two actors of known sphere: the E-I finding is withheld, and since 24 of its 26 ties touch an
    # actor to which no sphere applies, it says that spheres alone cannot unlock it and asks for ties first
    assert stated["dijon"] == {"ties": True, "spheres": False}
    assert "Cannot be said yet" in shown["dijon"][0] and "Knowing more spheres would not be enough" in shown["dijon"][0]
    assert stated[spheres_known] == {"ties": True, "spheres": True}
    assert "E-I index" in shown[spheres_known][0] and "Cannot be said yet" not in shown[spheres_known][0]
