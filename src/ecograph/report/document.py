"""The written report: :class:`Report` holds what :func:`~ecograph.report.build_report` made, and writes it.

``Report.write(folder)`` writes, following :mod:`ecograph.outputs` (the
whole folder written in a temporary place, then moved in; a folder holding
other files refused unless ``force``):

``report.html``
    one self-contained page (no request to any other origin), readable on a
    laptop and printable on A4, its first page a brief on its own;
``gaps.xlsx``
    the collection workbook pre-filled with the dataset, the missing
    spheres, founding years, scopes and ties marked, for officers to fill in
    (above :data:`WORKBOOK_ROWS` actors, only the actors with a gap: a
    workbook to fill by hand, not a copy of a large dataset; a ties, people
    or affiliations sheet holds at most :data:`WORKBOOK_ROWS` rows and says so);
``tables/*.csv`` and ``tables.xlsx``
    every table behind the page with stable codes: complete in the CSV
    files (which neutralise formulas); in the workbook, a sheet holds at most
    :data:`WORKBOOK_ROWS` rows and says so;
``figures/*.png`` and ``figures/*.svg``
    the static figures, for slides;
``validation.txt`` and ``summary.txt``
    the dataset check and its summary;
``walk-print.html``
    when asked (``--print-walk``), the walk one step per printed page, each
    with its picture and legend (:mod:`ecograph.report.walk_print`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from ..interop.template import write_template
from ..io import clean_text, spreadsheet_rows, write_spreadsheet_csv, write_xlsx
from ..measures.background import fewer_collections
from ..outputs import output_folder
from ..views.figures import save_figure
from .walk_print import WALK_PRINT_FILE

__all__ = ["GAPS_FILE", "Report"]

#: The collection workbook with the gaps marked, written beside the page.
GAPS_FILE = "gaps.xlsx"
#: A sheet of ``tables.xlsx`` holds at most this many rows (the CSV files hold every row);
#: above this many actors, ``gaps.xlsx`` holds only the actors with a gap (and no ties, people or affiliations).
WORKBOOK_ROWS = 10_000


@dataclass
class Report:
    """Everything the report shows: the page, its tables, figures and gap workbook. Build it with :func:`build_report`.

    ``pngs`` holds each figure's PNG bytes as the page shows them (written
    as they are into ``figures/``).

    Examples
    --------
    >>> import ecograph as eg
    >>> from ecograph.report import build_report
    >>> report = build_report(eg.datasets.tiny(), date="2026-01-01")
    >>> report.lang, sorted(report.figures)
    ('en', ['brokers', 'creations', 'flows', 'network'])
    """

    title: str
    lang: str
    tables: dict[str, pd.DataFrame]
    figures: dict[str, Any]
    html: str
    summary: str
    validation: str
    gaps_source: Any = None
    gaps: pd.DataFrame | None = None
    notes: list[str] = field(default_factory=list)
    walk_page: str = ""
    pngs: dict[str, bytes] = field(default_factory=dict)

    @fewer_collections()
    def write(self, output: str | os.PathLike, *, force: bool = False) -> Path:
        """Write the page, gap workbook, tables, workbook and figures into the folder ``output``; return the page's path.

        Characters no file may hold are replaced (:func:`ecograph.io.clean_text`).
        """
        with output_folder(output, command="report", force=force) as out:
            (out / "tables").mkdir()
            (out / "figures").mkdir()
            (out / "report.html").write_text(clean_text(self.html), encoding="utf-8", newline="\n")
            if self.gaps_source is not None:
                source, gaps = self.gaps_source, self.gaps
                if len(source.actors) > WORKBOOK_ROWS and gaps is not None:  # a workbook to fill by hand, not a copy of a large dataset
                    gaps = gaps[gaps["n_missing"] > 0]
                    empty = {"ties": source.ties.iloc[:0], "people": source.people.iloc[:0], "affiliations": source.affiliations.iloc[:0]}
                    source = replace(source, actors=source.actors.loc[gaps.index], **empty)
                source = _cut_source(source)
                write_template(out / GAPS_FILE, lang=self.lang, source=source, mark_gaps=gaps if gaps is not None else True)
            tables = {name: df for name, df in self.tables.items() if len(df.columns)}  # a section with no data has no table
            for name, df in tables.items():
                write_spreadsheet_csv(df, out / "tables" / f"{name}.csv")
            write_xlsx({name: _cut(df) for name, df in tables.items()}, out / "tables.xlsx", widths=False)
            for name, fig in self.figures.items():
                if name in self.pngs:  # the page's image: the same bytes, not drawn again
                    (out / "figures" / f"{name}.png").write_bytes(self.pngs[name])
                save_figure(fig, out / "figures" / name, formats=("svg",) if name in self.pngs else ("png", "svg"))
            (out / "summary.txt").write_text(clean_text(self.summary) + "\n", encoding="utf-8", newline="\n")
            (out / "validation.txt").write_text(clean_text(self.validation) + "\n", encoding="utf-8", newline="\n")
            if self.walk_page:
                (out / WALK_PRINT_FILE).write_text(clean_text(self.walk_page), encoding="utf-8", newline="\n")
        return Path(output).expanduser().resolve() / "report.html"


def _cut(frame: pd.DataFrame) -> pd.DataFrame:
    """At most :data:`WORKBOOK_ROWS` rows, the last one saying where the rest is."""
    if len(frame) <= WORKBOOK_ROWS:
        return frame
    return spreadsheet_rows(frame, "in the CSV file of the same name", limit=WORKBOOK_ROWS + 1)


def _cut_source(source: Any) -> Any:
    """The ecosystem of the gaps workbook with at most :data:`WORKBOOK_ROWS` ties, people and affiliations each, and a note.

    Two million tie rows between ten actors are a dataset to fix, not a workbook to fill by hand.
    """
    long = {
        name: spreadsheet_rows(getattr(source, name), f"in the dataset's {name} table", limit=WORKBOOK_ROWS + 1)
        for name in ("ties", "people", "affiliations")
        if len(getattr(source, name)) > WORKBOOK_ROWS + 1
    }
    return replace(source, **long) if long else source
