"""The report's HTML: escaped text, tables, figures and the page around them.

Every string from the data reaches the page through :func:`esc` (or inside a
table built by :func:`table`), never as markup; a string holding
bidirectional controls (U+202E...) is isolated, so that it cannot reorder
the text around it.

Examples
--------
>>> esc("<b>Café & co</b>")
'&lt;b&gt;Café &amp; co&lt;/b&gt;'
>>> import pandas as pd
>>> print(table(pd.DataFrame({"name": ["A"], "degree": [3]}), lang="fr"))
<table><thead><tr><th>nom</th><th>liens</th></tr></thead><tbody><tr><td>A</td><td class="num">3</td></tr></tbody></table>
"""

from __future__ import annotations

import base64
import html
from typing import Any

import numpy as np
import pandas as pd

from ..io import isolate_text
from ..views.figures import png_bytes
from ..words import CATALOGUE, number, word

__all__ = ["PAGE_CSS", "esc", "figure_png", "figure_uri", "header", "table"]

PAGE_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #222; max-width: 1100px; margin: 0 auto; padding: 16px 24px; line-height: 1.45; }
h1 { font-size: 26px; margin: 8px 0 4px; } h2 { font-size: 20px; border-bottom: 2px solid #0072B2; padding-bottom: 3px; margin-top: 36px; }
h3 { font-size: 16px; margin: 18px 0 6px; }
.meta { color: #555; font-size: 13px; margin: 2px 0; } .synthetic { color: #b00; font-weight: bold; border: 2px solid #b00; padding: 6px 10px; }
.brief { border: 1px solid #c9d6e3; background: #f7fafc; padding: 4px 18px 12px; margin: 14px 0; }
.covers li, .cannot li { margin: 4px 0; }
ol.findings { padding-left: 22px; } ol.findings > li { margin: 10px 0 12px; }
.finding .question { display: block; color: #0b5394; font-size: 13px; font-weight: 600; text-transform: none; }
.finding .sentence { display: block; font-size: 16px; font-weight: 600; }
.finding .confidence { display: block; color: #555; font-size: 13px; }
.finding .action { display: block; font-size: 14.5px; } .finding .action::before { content: "→ "; color: #0072B2; font-weight: bold; }
.cannot .unlock { color: #555; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0; } th, td { border: 1px solid #ccc; padding: 3px 7px; text-align: left; vertical-align: top; }
th { background: #f0f4f8; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: #555; font-size: 12.5px; } img.figure { max-width: 100%; height: auto; }
iframe.view { width: 100%; height: 680px; border: 1px solid #ccc; }
.print-only { display: none; }
@media screen and (max-width: 1000px) { table { display: block; max-width: 100%; overflow-x: auto; } }  /* a wide table scrolls, the page does not */
nav ol { columns: 2; font-size: 14px; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; } nav { display: none; }
  .brief { break-after: page; border: none; background: none; padding: 0; }
  h2 { break-before: page; } h2.first { break-before: avoid; }
  iframe.view { display: none; } .print-only { display: block; }
  table { break-inside: auto; } tr { break-inside: avoid; }
}
"""


def esc(value: Any, lang: str = "en") -> str:
    """Text for the page: escaped, numbers written the reader's way, nothing for a missing value."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return html.escape(word("common.yes" if value else "common.no", lang))
    if isinstance(value, (float, np.floating)):
        return html.escape(number(float(value), lang, ".4g"))
    if isinstance(value, (int, np.integer)):  # years and other four-digit numbers are not grouped
        return html.escape(number(int(value), lang, "," if abs(int(value)) >= 10_000 else ""))
    return html.escape(isolate_text(str(value)))


def header(column: Any, lang: str) -> str:
    """The words for a column code (``columns.<code>``, else the measure's name); the code itself if neither knows it."""
    for key in (f"columns.{column}", f"measures.name.{column}"):
        if key in CATALOGUE:
            return word(key, lang)
    return str(column)


def table(df: pd.DataFrame, *, lang: str = "en", max_rows: int | None = None, file: str | None = None, index: bool = False) -> str:
    """An HTML table with headers in words and every cell escaped; a note when rows are cut."""
    frame = df.reset_index() if index else df
    if not len(frame):
        return f"<p>{esc(word('common.none', lang))}</p>"
    shown = frame.head(max_rows) if max_rows else frame
    head = "".join(f"<th>{esc(header(c, lang))}</th>" for c in shown.columns)
    rows = []
    for rec in shown.itertuples(index=False, name=None):
        cells = "".join(
            f'<td class="num">{esc(v, lang)}</td>'
            if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, (bool, np.bool_))
            else f"<td>{esc(v, lang)}</td>"
            for v in rec
        )
        rows.append(f"<tr>{cells}</tr>")
    note = ""
    if max_rows and len(frame) > max_rows:
        note = f'<p class="note">{esc(word("report.truncated", lang, shown=max_rows, total=len(frame), file=file))}</p>'
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{note}"


def figure_png(fig: Any) -> bytes:
    """A figure as PNG bytes, as :func:`ecograph.views.figures.save_figure` writes them (the figure stays open).

    >>> import matplotlib.pyplot as plt
    >>> figure_png(plt.figure(figsize=(1, 1)))[:4]
    b'\x89PNG'
    """
    return png_bytes(fig)


def figure_uri(fig: Any, png: bytes | None = None) -> str:
    """A figure as an inline PNG (the figure stays open: it is saved to files later); ``png``: its bytes, already drawn."""
    return "data:image/png;base64," + base64.b64encode(figure_png(fig) if png is None else png).decode("ascii")
