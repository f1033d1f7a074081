"""The files ecograph writes for Dijon do not change when the code is only moved: their SHA-256 against a golden list.

The lists in ``tests/data/golden`` were recorded from the code before the
``io`` and ``interop.gephi`` modules were split (and checked to be the same on
two runs). Only what ecograph itself decides is compared: the CSV tables,
``summary.txt``, ``validation.txt``, ``report.html`` with its embedded images
masked, and the GraphML export. The figures (PNG, SVG, and the PNG images that
``report.html`` embeds) are left out: matplotlib renders them differently from
one version to the next; so are the workbooks (openpyxl writes its own XML)
and the GEXF export (its positions come from a force layout, whose last digits
follow numpy's version). ecograph's version, which the page prints, is masked
too. When an output changes on purpose, record the list again with
``python tests/test_golden_outputs.py``.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import ecograph as eg
from ecograph.interop.gephi import write_graphml
from ecograph.report import build_report
from ecograph.version import __version__

GOLDEN = Path(__file__).parent / "data" / "golden"
_EMBEDDED = re.compile(rb"data:image/[a-z+]+;base64,[A-Za-z0-9+/=]+")


def _compared(path: Path) -> bytes:
    """The bytes compared: a page's embedded images and ecograph's version masked, other files as they are."""
    data = path.read_bytes()
    if path.suffix == ".html":
        data = _EMBEDDED.sub(b"data:image", data).replace(f"ecograph {__version__}".encode(), b"ecograph VERSION")
    return data


def _digests(folder: Path) -> str:
    """``sha256  path`` lines (as ``sha256sum`` writes them) of the files of ``folder`` that are compared."""
    kept = [
        p
        for p in sorted(folder.rglob("*"))
        if p.is_file() and (p.suffix == ".csv" or p.name in ("report.html", "summary.txt", "validation.txt", "dijon.graphml"))
    ]
    return "".join(f"{hashlib.sha256(_compared(p)).hexdigest()}  {p.relative_to(folder).as_posix()}\n" for p in kept)


def _report_digests(folder: Path) -> str:
    build_report(eg.datasets.dijon(), lang="fr", date="2026-01-01").write(folder)
    return _digests(folder)


def _export_digests(folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    write_graphml(eg.datasets.dijon(), folder / "dijon.graphml")
    return _digests(folder)


def test_the_dijon_report_is_byte_identical(tmp_path):
    assert _report_digests(tmp_path / "report") == (GOLDEN / "dijon-report.sha256").read_text(encoding="utf-8")


def test_the_dijon_graphml_export_is_byte_identical(tmp_path):
    assert _export_digests(tmp_path / "exports") == (GOLDEN / "dijon-exports.sha256").read_text(encoding="utf-8")


if __name__ == "__main__":  # record the lists again
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        (GOLDEN / "dijon-report.sha256").write_text(_report_digests(Path(scratch) / "report"), encoding="utf-8")
        (GOLDEN / "dijon-exports.sha256").write_text(_export_digests(Path(scratch) / "exports"), encoding="utf-8")
    sys.exit(0)
