"""The HTML page of an interactive view, assembled from fixed parts (private: see :mod:`ecograph.views`).

The page is put together by concatenation, never by replacing text: the
skeleton below is fixed, the styles and scripts are the package's own files
(``assets/view.css``, ``assets/view.js`` and the renderer's library), and
every value from the data travels in one JSON block whose ``<``, ``>`` and
``&`` are escaped (:func:`json_for_script`), so that no name, description or
title can change the structure of the page. The page's script puts data into
the document only through ``textContent``, ``value``, attributes of elements
it creates and canvas text, never through ``innerHTML``. The page loads
nothing from any other origin; its content-security policy forbids it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

import numpy as np

__all__: list[str] = []

#: What the page may do: inline scripts and styles, pictures it makes itself; no request anywhere.
CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:"

_BODY = """<div id="eg-root">
  <div id="eg-head">
    <h1 id="eg-title"></h1>
    <span id="eg-synthetic"></span>
    <label><span id="eg-search-label"></span> <input id="eg-search" type="search" list="eg-names" autocomplete="off"></label>
    <datalist id="eg-names"></datalist>
    <label><span id="eg-radius-label"></span> <select id="eg-radius"><option value="1">1</option><option value="2" selected>2</option><option value="3">3</option></select></label>
    <button id="eg-reset" type="button"></button>
    <button id="eg-mode" type="button" hidden></button>
    <span id="eg-time" hidden><button id="eg-play" type="button"></button> <label><span id="eg-year-label"></span> <input id="eg-year" type="range" step="1"></label> <output id="eg-year-value"></output></span>
    <span id="eg-save"><span id="eg-save-label"></span> <button id="eg-png" type="button"></button> <button id="eg-svg" type="button"></button></span>
  </div>
  <div id="eg-network"><div id="eg-draw"></div><canvas id="eg-under" class="eg-layer"></canvas><canvas id="eg-over" class="eg-layer"></canvas></div>
  <div id="eg-side">
    <h2 id="eg-card-heading"></h2>
    <div id="eg-card"></div>
    <h2 id="eg-legend-heading"></h2>
    <div id="eg-legend"></div>
    <p id="eg-labels-hint" class="eg-hint"></p>
    <div id="eg-missing" hidden><h2 id="eg-missing-heading"></h2><ul id="eg-missing-list"></ul></div>
    <h2 id="eg-highlight-heading"></h2>
    <div id="eg-highlights"></div>
    <h2 id="eg-filter-heading"></h2>
    <div id="eg-filters"></div>
  </div>
</div>
"""


def json_for_script(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` (escaped as ``\\u003c``...).

    >>> json_for_script({"name": "</script><b>"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_json_default)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _json_default(value: Any) -> Any:
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return None if np.isnan(value) else float(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    return str(value)


_SCRIPT_END = re.compile(r"</(script)", re.IGNORECASE)
_COMMENT_START = re.compile(r"<!--")


def script_text(js: str) -> str:
    """A library's code made safe to inline: ``</script`` and ``<!--`` cannot end or hide the element.

    Inside JavaScript both only occur in strings, regular expressions or
    comments, where ``<\\/`` and ``<\\!--`` mean the same.

    >>> script_text('var s = "</script>";')
    'var s = "<\\\\/script>";'
    """
    return _COMMENT_START.sub("<\\\\!--", _SCRIPT_END.sub(r"<\\/\1", js))


def style_text(css: str) -> str:
    """A style sheet made safe to inline (``</style`` cannot end the element)."""
    return re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)


def page(*, lang: str, styles: Iterable[str], data: str, scripts: Iterable[str]) -> str:
    """The whole page: fixed parts, the package's styles and scripts, and the one JSON block of data."""
    if lang not in ("en", "fr"):
        raise ValueError("lang must be 'en' or 'fr'")
    if "<" in data:
        raise ValueError("the data block must come from json_for_script (it holds '<')")
    parts = [
        "<!DOCTYPE html>\n",
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n',
        "<title></title>\n",
    ]
    parts += [f"<style>{style_text(css)}</style>\n" for css in styles]
    parts += ["</head>\n<body>\n", _BODY]
    parts += ['<script type="application/json" id="eg-data">', data, "</script>\n"]
    parts += [f"<script>{script_text(js)}</script>\n" for js in scripts]
    parts += ["</body>\n</html>\n"]
    return "".join(parts)
