"""A walk to print (:mod:`ecograph.walk`): one page per step, its picture and legend beside its title and caption.

``ecograph report PATH -o DIR --print-walk`` writes ``walk-print.html``
beside ``report.html``: one self-contained page (the pictures travel in it
as PNG, nothing is fetched) that prints on A4 landscape, one step per
sheet. Each step shows the words the presenter shows (its counter, title and
caption, in the report's language) and the picture the slides show
(:func:`ecograph.interop.slides.step_picture`: the focused actors in colour
and named, the others greyed, the step's ties marked, the legend inside the
picture; a withheld finding says so instead of showing a figure). Every text
from the data is escaped; actors are named, never shown by their ids.

Printing the report itself while presenting also gives one step per page,
with the words only; the presenter's bar links to this page when it was
written.

Examples
--------
>>> import ecograph as eg
>>> from ecograph.report import draft_walk
>>> brief = eg.Brief(eg.datasets.tiny())
>>> walk = draft_walk(brief)
>>> page = walk_print_page(walk, brief, lang="en")
>>> page.count("<section class='step'") == len(walk.steps), page.count("src='data:image/png;base64,") == len(walk.steps)
(True, True)
"""

from __future__ import annotations

import base64
from typing import Any

from ..findings import FINDING_CODES, Brief
from ..interop.slides import step_picture
from ..views.layout import layout as compute_layout
from ..walk import Step, Walk, markdown
from ..words import check_language, word
from .html import esc

__all__ = ["PRINT_CSS", "WALK_PRINT_FILE", "walk_print_page"]

#: The printable walk, written beside ``report.html`` when asked (``--print-walk``).
WALK_PRINT_FILE = "walk-print.html"

PRINT_CSS = """
@page { size: A4 landscape; margin: 10mm 12mm; }
html { background: #e8e8e8; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #1a1a1a; }
.step { box-sizing: border-box; width: 100%; max-width: 1280px; height: 100vh; margin: 0 auto 16px; padding: 28px 36px;
  background: #fff; display: grid; grid-template-rows: auto minmax(0, 1fr); grid-template-columns: minmax(0, 36fr) minmax(0, 64fr);
  column-gap: 28px; overflow: hidden; }
.step header { grid-column: 1 / -1; border-bottom: 2px solid #0072B2; margin-bottom: 16px; }
.kicker { color: #0b5394; font-size: 15px; margin: 0 0 6px; }
.step h1 { font-size: 30px; line-height: 1.15; margin: 0 0 12px; }
.caption { font-size: 19px; line-height: 1.4; overflow: hidden; }
.caption p { margin: 0 0 12px; } .caption ul, .caption ol { margin: 0 0 12px; padding-left: 1.2em; } .caption li { margin: 0 0 6px; }
.step figure { margin: 0; min-height: 0; display: flex; align-items: flex-start; justify-content: center; }
.step img { max-width: 100%; max-height: 100%; object-fit: contain; }
@media print {
  html { background: none; }
  .step { height: 188mm; max-width: none; margin: 0; padding: 0; break-after: page; page-break-after: always; }
  .step:last-child { break-after: auto; page-break-after: auto; }
  .kicker { font-size: 11pt; } .step h1 { font-size: 22pt; } .caption { font-size: 13pt; }
}
"""


def _png_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _step_section(step: Step, k: int, n: int, heading: str, picture: bytes, lang: str) -> str:
    kicker = f"{heading} · {word('walk.counter', lang)} {k} / {n}"
    return (
        f"<section class='step' data-step='{k}' data-id='{esc(step.id)}'>"
        f"<header><p class='kicker'>{esc(kicker)}</p><h1>{esc(step.title[lang])}</h1></header>"
        f"<div class='caption'>{markdown(step.caption[lang])}</div>"
        f"<figure><img src='{_png_uri(picture)}' alt='{esc(step.title[lang])}'></figure>"
        "</section>"
    )


def walk_print_page(walk: Walk, brief: Brief, *, lang: str | None = None, positions: Any = None, seed: int = 0) -> str:
    """The printable walk: one self-contained HTML page, one step per printed page with its picture.

    Parameters
    ----------
    walk : Walk
        Checked against the brief's ecosystem first (:meth:`ecograph.walk.Walk.check`).
    brief : Brief
        The brief the walk tells (its names are those shown: pseudonyms when the brief's ecosystem has them).
    lang : {"fr", "en"}, optional
        Defaults to the walk's.
    positions : DataFrame, optional
        The actors' positions (``x``, ``y``), e.g. the report's map; by default the layout of the network with ``seed``.
    seed : int, default 0

    Returns
    -------
    str
        The page, to write as ``walk-print.html`` (:data:`WALK_PRINT_FILE`).

    Examples
    --------
    >>> import ecograph as eg
    >>> from ecograph.report import draft_walk
    >>> brief = eg.Brief(eg.datasets.tiny())
    >>> page = walk_print_page(draft_walk(brief, lang="en"), brief)
    >>> page.count("<img src='data:image/png;base64,") == len(draft_walk(brief, lang="en").steps), "default-src 'none'" in page
    (True, True)
    """
    lang = check_language(lang or walk.lang)
    a = brief.analysis
    walk.check(a.eco, analysis=a, codes=FINDING_CODES)
    if positions is None:
        positions = compute_layout(a.graph, seed=seed)
    n = len(walk.steps)
    heading = walk.title[lang]
    sections = "".join(
        _step_section(step, k, n, heading, step_picture(step, brief, positions=positions, lang=lang, seed=seed), lang)
        for k, step in enumerate(walk.steps, 1)
    )
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        f"<title>{esc(heading)}</title><style>{PRINT_CSS}</style></head><body>{sections}</body></html>"
    )
