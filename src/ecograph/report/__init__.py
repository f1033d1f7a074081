"""The steering-committee report: a brief on its first page, the detailed sections, and the files behind them.

* :func:`build_report` computes a :class:`Report` from an Ecosystem (once,
  through one :class:`~ecograph.Brief`);
* :meth:`Report.write` writes ``report.html`` (one self-contained page that
  opens offline and prints on A4), ``gaps.xlsx`` (the collection workbook
  with the gaps marked), ``tables/``, ``tables.xlsx``, ``figures/``,
  ``validation.txt`` and ``summary.txt``;
* :func:`run_report` does both from a path (the ``ecograph report`` command);
* :func:`draft_walk` drafts the walk its presenter plays (:mod:`ecograph.walk`,
  ``ecograph walk``); :func:`walk_print_page` makes the walk's printable page,
  one step per printed page with its picture (``ecograph report --print-walk``).

The first page states what the data cover, at most five findings with how
sure they are and the action each suggests, and what cannot be said yet and
which data would unlock it. Detailed sections follow (the network, outreach,
connectors, communities, groups, people flows, evolution), then the annexes
(how far to trust the figures, coverage and provenance, method notes). Every
word comes from :mod:`ecograph.words` in the reader's language; the files
keep codes. With ``pseudonymise_people`` no person's name or id appears in
any file. Two runs on the same input and seed write identical files (the
date shown can be fixed with ``date=`` or ``SOURCE_DATE_EPOCH``).

Examples
--------
>>> import tempfile, pathlib, ecograph as eg
>>> out = pathlib.Path(tempfile.mkdtemp()) / "report"
>>> report = build_report(eg.datasets.tiny(), lang="en", date="2026-01-01")
>>> path = report.write(out)
>>> path.name, (out / "tables.xlsx").exists(), (out / "gaps.xlsx").exists(), (out / "figures" / "network.svg").exists()
('report.html', True, True, True)
"""

from .build import build_report, detect_language, run_report
from .document import Report
from .draft import draft_walk
from .walk_print import walk_print_page

__all__ = ["Report", "build_report", "detect_language", "draft_walk", "run_report", "walk_print_page"]
