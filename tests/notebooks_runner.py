"""Execute the notebooks with a real Jupyter kernel, and export them to HTML.

Used by tests/test_notebooks.py and by ``python3 tasks.py notebooks``, which
writes the executed copies under ``outputs/notebooks/``::

    python tests/notebooks_runner.py outputs/notebooks
    python tests/notebooks_runner.py outputs/notebooks-mine DATA=path/to/dataset LANG=en
    python tests/notebooks_runner.py outputs/notebooks/fr LANG=fr   # the French notebooks (notebooks/fr/)
    python tests/notebooks_runner.py --translate                    # write notebooks/fr/ from notebooks/

**Two languages, one source.** The notebooks of ``notebooks/`` are written in
English with ``LANG = "en"``; each cell whose text differs in French carries
that text in its metadata (``"fr"``). :func:`translated` writes the French
notebook from it, with its own ``LANG = "fr"``, into ``notebooks/fr/``: the
prose of each notebook and the language of its outputs agree, and a test
checks that the French copies are the ones the English sources give.

Parameters are passed the way papermill does: a cell tagged
``injected-parameters`` is inserted after the cell tagged ``parameters``,
so the values given win over the defaults. The kernel imports the ecograph of
this tree: ``src/`` goes first on its ``PYTHONPATH``, and relative entries of
the caller's ``PYTHONPATH`` are made absolute (the kernel runs in another folder).
"""

from __future__ import annotations

import ast
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
#: Languages of the notebooks other than English, each in its folder of notebooks/.
TRANSLATIONS = ("fr",)


def notebook_in(path: Path, lang: str) -> Path:
    """The notebook ``path`` in ``lang``: itself in English, else its copy in ``notebooks/<lang>/``."""
    return path if lang == "en" else path.parent / lang / path.name


def translated(nb: nbformat.NotebookNode, lang: str) -> nbformat.NotebookNode:
    """A copy of ``nb`` whose cells carry their ``lang`` text (metadata ``lang``), without the translations."""
    out = nbformat.from_dict(nb)
    for cell in out.cells:
        text = cell.metadata.pop(lang, None)
        for other in TRANSLATIONS:
            cell.metadata.pop(other, None)
        if text is not None:
            cell.source = text
    return out


def write_translations() -> list[Path]:
    """Write ``notebooks/<lang>/`` for every language of :data:`TRANSLATIONS` from the English notebooks."""
    written = []
    for lang in TRANSLATIONS:
        for path in NOTEBOOKS:
            target = notebook_in(path, lang)
            target.parent.mkdir(exist_ok=True)
            nbformat.write(translated(nbformat.read(path, as_version=4), lang), target)
            written.append(target)
    return written


def inject_parameters(nb: nbformat.NotebookNode, parameters: Mapping[str, Any]) -> nbformat.NotebookNode:
    """Insert a cell setting ``parameters`` right after the cell tagged ``parameters`` (papermill's convention)."""
    tagged = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "parameters" in c.metadata.get("tags", [])]
    if not tagged:
        raise ValueError("the notebook has no cell tagged 'parameters'")
    source = "# Injected parameters\n" + "".join(f"{name} = {value!r}\n" for name, value in parameters.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    nb.cells.insert(tagged[0] + 1, cell)
    return nb


def kernel_env() -> dict[str, str]:
    """The kernel's environment: this tree's ``src`` first on ``PYTHONPATH``, every entry absolute."""
    env = dict(os.environ)
    given = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    paths = [str(ROOT / "src")] + [str(Path(p).resolve()) for p in given]
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    return env


def execute(path: Path, workdir: Path, *, parameters: Mapping[str, Any] | None = None, timeout: int = 600) -> nbformat.NotebookNode:
    """Run every cell of a notebook in a fresh python3 kernel (with ``parameters`` injected); raise on the first error."""
    nb = nbformat.read(path, as_version=4)
    if parameters:
        inject_parameters(nb, parameters)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(workdir)}})
    client.execute(env=kernel_env())
    return nb


def export_html(nb: nbformat.NotebookNode) -> str:
    """The executed notebook as a standalone HTML page."""
    body, _ = HTMLExporter().from_notebook_node(nb)
    return body


def _parameter(text: str) -> tuple[str, Any]:
    """``NAME=VALUE`` from the command line: a Python literal when it reads as one (``SEED=1``), else the text (``DATA`` made absolute)."""
    name, sep, value = text.partition("=")
    if not sep or not name.isidentifier():
        raise SystemExit(f"parameters are NAME=VALUE (got {text!r})")
    try:
        return name, ast.literal_eval(value)
    except (ValueError, SyntaxError):
        pass
    if name == "DATA" and Path(value).exists():
        return name, str(Path(value).resolve())  # the kernel runs in the output folder
    return name, value


def main(out: str, *params: str) -> int:
    if out == "--translate":
        for target in write_translations():
            print(f"wrote {target.relative_to(ROOT)}")
        return 0
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    parameters = dict(_parameter(p) for p in params)
    for path in [notebook_in(p, parameters.get("LANG", "en")) for p in NOTEBOOKS]:
        print(f"executing {path.relative_to(ROOT)} ...", flush=True)
        nb = execute(path, folder, parameters=parameters)
        nbformat.write(nb, folder / path.name)
        (folder / path.with_suffix(".html").name).write_text(export_html(nb), encoding="utf-8")
    print(f"executed notebooks written to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*(sys.argv[1:] or [str(ROOT / "outputs" / "notebooks")])))
