"""The worklist in words, for officers: the table in the reader's language, and the ``.xlsx`` / ``.csv`` files.

:func:`outreach_worklist` returns codes; here they become words from the
catalogue (:mod:`ecograph.words`, section ``outreach``): headers, reasons,
"why this introducer", sphere, kind and scope labels, and sheet names. Two
rows read the same only when their facts are the same: every fact shown
carries its own values (names, passage, commune, counts).

Examples
--------
>>> import ecograph as eg
>>> t = worklist_table(eg.outreach_worklist(eg.datasets.tiny(), k=1), lang="fr")
>>> t.loc[0, "pourquoi cet introducteur 1"]
'cité avec lui dans la même source : interview 2017 ; même sphère (Consommation) ; à 4,7 km ; même type (initiative)'
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..io import write_spreadsheet_csv, write_xlsx
from ..words import CATALOGUE, is_missing, label, word
from .worklist import RANK_COLUMNS

__all__ = ["worklist_table", "write_worklist"]


def _w(key: str, lang: str, **values: Any) -> str:
    return word(f"outreach.{key}", lang, **values)


def _names(ids: tuple, names: dict, lang: str, more: int = 0) -> str:
    """Names joined in words: "A", "A and B", "A, B and C", or "A, B and 3 others" when ``more`` are not shown."""
    shown = [names.get(x, str(x)) for x in ids]
    if more:
        return _w("others", lang, names=", ".join(shown), n=more)
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + _w("and", lang) + shown[-1]


def _quoted(actor: str, names: dict, lang: str) -> str:
    return _w("quoted", lang, name=names.get(actor, actor))


def _field(group: str | None, lang: str, named: str | None = None) -> str:
    """The words for the grouping ``group`` (a column); ``named``: the dataset's own word for it (``faction``), when it has one."""
    if named and named not in (group, "sphere"):
        return named
    key = f"outreach.field.{group or ''}"
    return word(key, lang) if key in CATALOGUE else str(group)


def _value(group: str | None, value: Any, lang: str, own: dict | None = None) -> str:
    if group:
        return label(group, value, lang, own)
    return _w("unknown_group", lang) if is_missing(value) else str(value)


def _role(code: str, lang: str) -> str | None:
    key = f"outreach.role.{code}"
    return word(key, lang) if code and key in CATALOGUE else None


def reason_words(reason: tuple, lang: str = "en", names: dict | None = None) -> str:
    """Why an actor is on the list, in words.

    >>> reason_words((("outside_main", 3), ("only_through", "premice")), "fr", {"premice": "PREMICE"})
    'dans un ensemble relié de 3 acteurs, hors du plus grand ; relié seulement par PREMICE'
    """
    names = names or {}
    parts = []
    for code, *values in reason:
        if code in ("no_tie", "no_tie_with_organisation"):
            parts.append(word(f"standing.reason.{code}", lang))
        elif code == "outside_main":
            parts.append(word("standing.reason.outside_main", lang, n=values[0]))
        elif code == "only_through":
            parts.append(word("standing.reason.only_through", lang, names=_names(tuple(values), names, lang)))
        elif code == "named_in":
            quoted = tuple(_quoted(x, names, lang) for x in values)
            parts.append(word("standing.reason.named_in", lang, names=_names(quoted, {}, lang)))
        elif code == "low_reach":
            parts.append(word("standing.reason.low_reach", lang, n=values[0]))
    return _w("separator", lang).join(parts)


def _named_in(values: list, names: dict, lang: str) -> str:
    programme, role_actor, role_introducer = values
    where = _quoted(programme, names, lang)
    mine, theirs = _role(role_actor, lang), _role(role_introducer, lang)
    if mine and mine == theirs:
        return _w("why.named_in_same", lang, role=mine, name=where)
    if mine and theirs:
        return _w("why.named_in_roles", lang, name=where, role=mine, other=theirs)
    return _w("why.named_in", lang, name=where)


def _km(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "fr" else text


def _fact_words(
    code: str, values: list, lang: str, names: dict, group: str | None, own: dict | None = None, named: str | None = None
) -> str:
    """One fact behind an introducer, in words."""
    if code == "contacts":
        n, ids = values[0], tuple(values[1:])
        return _w("why.contacts", lang, names=_names(ids, names, lang, more=max(0, n - len(ids))))
    if code == "named_in":
        return _named_in(values, names, lang)
    if code == "person":
        return _w("why.person_one", lang) if values[0] == 1 else _w("why.person_many", lang, n=values[0])
    if code == "mentioned":
        more = values[1] - 1 if len(values) > 1 else 0
        return _w("why.mentioned_more", lang, source=values[0], n=more) if more else _w("why.mentioned", lang, source=values[0])
    if code == "support":
        return label("kind", values[0], lang, own)
    if code == "group_ties":
        key = "why.group_ties_one" if values[1] == 1 else "why.group_ties"
        return _w(key, lang, n=values[1], field=_field(group, lang, named), value=_value(group, values[0], lang, own))
    if code == "same_group":
        return _w("why.same_group", lang, field=_field(group, lang, named), value=_value(group, values[0], lang, own))
    if code == "same_commune":
        return _w("why.same_commune", lang, commune=values[0])
    if code == "distance":
        return _w("why.distance", lang, km=_km(values[0], lang))
    if code == "same_kind":
        return _w("why.same_kind", lang, kind=label("kind", values[0], lang, own))
    if code == "connected":
        return _w("why.connected_one", lang) if values[0] == 1 else _w("why.connected", lang, n=values[0])
    if code == "broker":
        return _w("why.broker", lang)
    raise ValueError(f"unknown fact code {code!r}")


def why_words(
    why: tuple,
    lang: str = "en",
    names: dict | None = None,
    group: str | None = "sphere",
    own: dict | None = None,
    group_name: str | None = None,
) -> str:
    """The facts behind an introducer, in words, strongest first (``group_name``: the dataset's own word for ``group``).

    >>> why_words((("named_in", "reco-3", "potential_partner", "potential_partner"), ("same_kind", "platform")), "en", {"reco-3": "Recommendation 3"})
    'both named in “Recommendation 3”, each as potential partner; same kind (platform)'
    """
    return _w("separator", lang).join(_fact_words(code, values, lang, names or {}, group, own, group_name) for code, *values in why)


def _header(column: str, lang: str, group_column: str, group: str | None, named: str | None = None) -> str:
    if column == group_column:
        return _field(group, lang, named)
    numbered = re.fullmatch(r"introducer_(\d+)_name", column)
    if numbered:
        return _w("header.introducer_name", lang, r=numbered[1])
    base, _, rank = column.rpartition("_")
    if base in RANK_COLUMNS and rank.isdigit():
        return _w(f"header.{base}", lang, r=rank)
    key = f"outreach.header.{column}"
    return word(key, lang) if key in CATALOGUE else column


def _each_once(values: pd.Series, words: Any) -> pd.Series:
    """``values`` mapped through ``words``, each distinct value written once (reasons and facts repeat a lot)."""
    keys = [None if is_missing(v) else v for v in values.tolist()]  # every missing value is one key (NaN != NaN)
    written = {v: words(v) for v in dict.fromkeys(keys)}
    return pd.Series([written[v] for v in keys], index=values.index, dtype=object, name=values.name)


def worklist_table(worklist: pd.DataFrame, *, lang: str = "en") -> pd.DataFrame:
    """The worklist in words, for officers: readable headers, labels, reasons and why.

    Parameters
    ----------
    worklist : DataFrame
        From :func:`ecograph.outreach_worklist`.
    lang : {"en", "fr"}, default "en"

    Examples
    --------
    >>> import ecograph as eg
    >>> t = worklist_table(eg.outreach_worklist(eg.datasets.tiny(), k=1), lang="fr")
    >>> list(t.columns[:6])
    ['identifiant', 'nom', 'sphère', 'type', 'portée', 'pourquoi sur la liste']
    >>> t.loc[0, "pourquoi sur la liste"], t.loc[0, "portée"]
    ('aucun lien connu', 'locale')
    """
    group = worklist.attrs.get("group", "sphere")
    names = worklist.attrs.get("names", {})
    own = worklist.attrs.get("labels", {}).get(lang, {})  # the dataset's own codes, named as its vocabulary.csv does
    named = worklist.attrs.get("group_name")  # the dataset's own word for its groups (its metadata's group)
    group_column = next((c for c in worklist.columns if c in (group, "group")), None)
    table = worklist.reset_index()
    table.attrs = {}  # the table in words stands on its own (pandas copies attrs at every step)
    if group_column is not None:
        table[group_column] = _each_once(table[group_column], lambda v: _value(group, v, lang, own))
    for field in ("kind", "scope"):
        table[field] = _each_once(table[field], lambda v, f=field: label(f, v, lang, own))
    table["reason"] = _each_once(table["reason"], lambda r: reason_words(r, lang, names))
    for column in [c for c in table.columns if c.startswith("why_")]:
        table[column] = _each_once(table[column], lambda w: why_words(w, lang, names, group, own, named) if isinstance(w, tuple) else "")
    table["commune"] = table["commune"].map(lambda v: "" if is_missing(v) else v)
    table.columns = [_header(c, lang, group_column or "", group, named) for c in table.columns]
    return table


def write_worklist(worklist: pd.DataFrame, path: str | Path, *, lang: str = "en") -> Path:
    """Write the worklist as ``.xlsx`` (a sheet with every actor, then one per group) or ``.csv``.

    Both are safe to open in a spreadsheet program: the workbook stores text as
    text, and in the CSV a text starting with ``=``, ``+``, ``-`` or ``@``
    gets a leading ``'`` so that it is not run as a formula.

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl, ecograph as eg
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "worklist.xlsx"
    >>> _ = write_worklist(eg.outreach_worklist(eg.datasets.tiny()), out, lang="fr")
    >>> openpyxl.load_workbook(out).sheetnames
    ['Tous', 'Consommation', 'Sphère inconnue']
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError("write the worklist as .xlsx or .csv")
    path.parent.mkdir(parents=True, exist_ok=True)
    table = worklist_table(worklist, lang=lang)
    if suffix == ".csv":
        write_spreadsheet_csv(table, path)  # officers open it in a spreadsheet: no text may start a formula
        return path
    group = worklist.attrs.get("group", "sphere")
    group_column = next((c for c in worklist.columns if c in (group, "group")), None)
    sheets = {_w("sheet.all", lang): table}
    if group_column is not None:
        values = [None if is_missing(v) else v for v in worklist[group_column]]
        for value in sorted(set(values), key=lambda v: (v is None, str(v))):
            shown = _value(group, value, lang, worklist.attrs.get("labels", {}).get(lang, {}))
            name = "".join(ch for ch in shown if ch not in "[]:*?/\\")[:31] or "-"
            sheets[name] = table[np.array([v == value if value is not None else v is None for v in values], dtype=bool)]
    write_xlsx(sheets, path)
    return path
