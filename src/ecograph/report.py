"""The main job: validate a dataset and write what is known about it.

For now the job writes the validation report, the summary (text and JSON)
and the people links; later steps add measures, views and a one-file HTML
report. Every file is written as UTF-8 with ``\\n`` line ends, and two runs
on the same input write identical files.

Examples
--------
>>> import tempfile, ecograph as eg
>>> from ecograph.report import run_report
>>> out = tempfile.mkdtemp()
>>> run_report(eg.datasets.dijon_path(), out, quiet=True, name="dijon", echo=lambda s: None)
0
>>> sorted(p.name for p in __import__("pathlib").Path(out).iterdir())
['people_links.csv', 'summary.json', 'summary.txt', 'validation.txt']
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

__all__ = ["run_report"]


def _write(path: Path, text: str) -> None:
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8", newline="\n")


def run_report(
    path: str | os.PathLike,
    output: str | os.PathLike,
    *,
    quiet: bool = False,
    name: str | None = None,
    echo: Callable[[str], None] = print,
) -> int:
    """Validate ``path`` and write the results in the folder ``output``.

    Returns the exit status: 0 when the dataset is valid, 1 when rows were
    rejected (the results then cover the valid rows, and ``validation.txt``
    lists every problem), 2 when the dataset cannot be read at all.
    """
    from .ecosystem import load
    from .errors import SchemaError

    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)

    def step(text: str) -> None:
        if not quiet:
            echo(text)

    step(f"Validating {path} ...")
    try:
        eco = load(path, on_error="collect", name=name)
    except SchemaError as exc:
        _write(out / "validation.txt", str(exc))
        echo(str(exc))
        return 2
    if eco.problems:
        _write(out / "validation.txt", f"{len(eco.problems)} problems; {len(eco.rejected)} rows rejected\n" + eco.validation_report())
        eco.rejected.assign(cells=eco.rejected["cells"].map(repr)).to_csv(out / "rejected.csv", index=False, lineterminator="\n")
    else:
        counts = ", ".join(
            f"{len(df)} {t}"
            for t, df in (("actors", eco.actors), ("people", eco.people), ("affiliations", eco.affiliations), ("ties", eco.ties))
        )
        _write(out / "validation.txt", f"valid: {counts}")
    step("Summarising ...")
    summary = eco.summary()
    _write(out / "summary.txt", str(summary))
    _write(out / "summary.json", summary.to_json())
    eco.people_links().to_csv(out / "people_links.csv", index=False, lineterminator="\n")
    echo(f"Results written to {out}")
    return 1 if eco.problems else 0
