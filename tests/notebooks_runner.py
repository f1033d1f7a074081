"""Execute the notebooks with a real Jupyter kernel, and export them to HTML.

Used by tests/test_notebooks.py and by ``python3 tasks.py notebooks``, which
writes the executed copies under ``outputs/notebooks/``::

    python tests/notebooks_runner.py outputs/notebooks
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def execute(path: Path, workdir: Path, *, timeout: int = 600) -> nbformat.NotebookNode:
    """Run every cell of a notebook in a fresh python3 kernel; raise on the first error."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(workdir)}}).execute()
    return nb


def export_html(nb: nbformat.NotebookNode) -> str:
    """The executed notebook as a standalone HTML page."""
    body, _ = HTMLExporter().from_notebook_node(nb)
    return body


def main(out: str) -> int:
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for path in NOTEBOOKS:
        print(f"executing {path.name} ...", flush=True)
        nb = execute(path, folder)
        nbformat.write(nb, folder / path.name)
        (folder / path.with_suffix(".html").name).write_text(export_html(nb), encoding="utf-8")
    print(f"executed notebooks written to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "outputs" / "notebooks")))
