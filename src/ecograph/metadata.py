"""What a dataset is: its title, territory, period, language, source and licence.

A dataset may carry a small ``metadata`` table beside its other tables
(``metadata.csv`` in a folder, a ``metadata`` sheet in a workbook), with one
row per field and two columns, ``field`` and ``value``: a layout that reads
the same in a text editor and in a spreadsheet. The fields are declared in
:data:`ecograph.schema.METADATA_FIELDS` (and documented in ``docs/schema.md``).
:func:`read_metadata` checks the table and names the file, row and field of
every problem: an unknown or repeated field, a language other than ``en`` or
``fr``, a period, date or web address that cannot be read. What it reads is a
:class:`Metadata`, carried by the Ecosystem as ``eco.metadata``; a field left
out is ``""`` (unknown).

Examples
--------
>>> import ecograph as eg
>>> meta = eg.datasets.dijon().metadata
>>> meta.language, meta.period
('fr', '2018')
>>> meta.title
"L'économie collaborative et ses impacts RH sur le territoire dijonnais — étude 2018"
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields

import pandas as pd

from .errors import Problem, SchemaError
from .io import RawRow, RawTable
from .schema import METADATA_FIELDS, METADATA_LANGUAGES, Column
from .timeutil import parse_when
from .vocabulary import Vocabulary

__all__ = ["Metadata", "metadata_table", "read_metadata"]

_PERIOD = re.compile(r"^(\d{4})(?:\s*[-–]\s*(\d{4}))?$")
_COUNT = re.compile(r"^([a-z0-9][a-z0-9_.-]*)\s*=\s*(\d+)$")
_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
# French names people may write for the fields: suggested as the fix.
_FRENCH_NAMES = {
    "titre": "title",
    "territoire": "territory",
    "période": "period",
    "periode": "period",
    "langue": "language",
    "licence": "licence",
    "license": "licence",
    "adresse": "url",
    "site": "url",
}


@dataclass(frozen=True)
class Metadata:
    """What a dataset is. Every field is text; ``""`` means unknown.

    Attributes
    ----------
    title : str
        Title of the dataset (reports take it as their title).
    territory : str
        Territory mapped.
    period : str
        Year the data describe, or two years joined by a dash (``2016-2018``).
    language : str
        ``"en"`` or ``"fr"``: the language of the people the dataset is for.
    source : str
        Full reference of where the data come from.
    licence : str
        Terms of reuse, or words saying they are unknown.
    description : str
        What the dataset covers and leaves out.
    url : str
        Web page of the dataset or its source.
    date : str
        When the data were collected or their source published (ISO text).
    counted : str
        How many local structures and initiatives the source counts, by
        sphere (``"consumption=23; finance=4"``); read as numbers with
        :attr:`counts`.
    group : str
        The word for one group of the ``sphere`` column when the dataset's
        groups are its own (``"faction"``); ``""``: the spheres.
    group_gender : str
        French grammatical gender of :attr:`group`'s word, ``"f"`` or
        ``"m"``; ``""``: feminine, as *sphère*.

    Examples
    --------
    >>> meta = Metadata(title="Tiny", language="en", period="2016-2018")
    >>> meta.years, bool(meta), bool(Metadata())
    ((2016, 2018), True, False)
    >>> meta.to_frame()
       field      value
    0  title       Tiny
    1 period  2016-2018
    2 language       en
    """

    title: str = ""
    territory: str = ""
    period: str = ""
    language: str = ""
    source: str = ""
    licence: str = ""
    description: str = ""
    url: str = ""
    date: str = ""
    counted: str = ""
    group: str = ""
    group_gender: str = ""

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    @property
    def years(self) -> tuple[int, int] | None:
        """First and last year of :attr:`period` (``None`` when unknown)."""
        m = _PERIOD.match(self.period)
        if not m:
            return None
        first = int(m.group(1))
        return first, int(m.group(2) or first)

    @property
    def counts(self) -> dict[str, int]:
        """:attr:`counted` as numbers by sphere, in the order given (empty when the source counts nothing).

        Examples
        --------
        >>> Metadata(counted="consumption=23; finance=4").counts
        {'consumption': 23, 'finance': 4}
        """
        return dict(_read_counts(self.counted)[0])

    def to_dict(self) -> dict[str, str]:
        """Every field, in the schema's order (unknown ones as ``""``).

        Examples
        --------
        >>> list(Metadata(title="T").to_dict())[:3]
        ['title', 'territory', 'period']
        """
        return asdict(self)

    def to_frame(self) -> pd.DataFrame:
        """The known fields as the ``metadata`` table writes them: columns ``field`` and ``value``.

        Examples
        --------
        >>> Metadata(title="T", language="fr").to_frame().values.tolist()
        [['title', 'T'], ['language', 'fr']]
        """
        rows = [(name, value) for name, value in self.to_dict().items() if value]
        return pd.DataFrame(rows, columns=["field", "value"])

    @classmethod
    def from_mapping(cls, values: Mapping[str, object] | Metadata, *, file: str = "<metadata>") -> Metadata:
        """Metadata from a mapping of field to value, checked as a ``metadata`` table is.

        Raises
        ------
        SchemaError
            Listing every problem (unknown field, bad language...).

        Examples
        --------
        >>> Metadata.from_mapping({"title": "Tiny", "language": "FR"}).language
        'fr'
        >>> Metadata.from_mapping({"titel": "Tiny"})
        Traceback (most recent call last):
        ...
        ecograph.errors.SchemaError: 1 problem found in the dataset:
          - <metadata>, row 2, column 'field': unknown metadata field (value: 'titel'). Did you mean 'title'? Fields: title, territory, period, language, source, licence, description, url, date, counted, group, group_gender
        """
        meta, problems = read_metadata(metadata_table(values, file=file))
        if problems:
            raise SchemaError(problems)
        return meta


def metadata_table(values: Mapping[str, object] | Metadata, *, file: str = "<metadata>") -> RawTable:
    """A mapping of field to value (or a :class:`Metadata`) as a raw ``metadata`` table, one row per field.

    Examples
    --------
    >>> [r.cells for r in metadata_table({"title": "T", "period": 2018}).rows]
    [{'field': 'title', 'value': 'T'}, {'field': 'period', 'value': '2018'}]
    """
    items = values.to_dict() if isinstance(values, Metadata) else values
    rows = [
        RawRow(i, {"field": str(k), "value": "" if v is None else str(v).strip()})
        for i, (k, v) in enumerate(((k, v) for k, v in items.items() if v not in (None, "")), start=2)
    ]
    return RawTable("metadata", file, ["field", "value"], rows)


_BY_NAME: dict[str, Column] = {c.name: c for c in METADATA_FIELDS}


def _field_hint(name: str) -> str:
    closest = _FRENCH_NAMES.get(name) or next(iter(difflib.get_close_matches(name, list(_BY_NAME), n=1, cutoff=0.6)), None)
    listed = "Fields: " + ", ".join(_BY_NAME)
    return (f"Did you mean '{closest}'? " if closest else "") + listed


def _read_counts(text: str) -> tuple[list[tuple[str, int]], str | None]:
    """``code=number`` pairs separated by ``;``, and what is wrong with them (``None`` when nothing)."""
    pairs: list[tuple[str, int]] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        m = _COUNT.match(part.lower())
        if not m:
            return [], f"counted: {part!r} is not a code and a whole number joined by '='"
        if any(code == m.group(1) for code, _ in pairs):
            return [], f"counted: {m.group(1)!r} is counted twice"
        pairs.append((m.group(1), int(m.group(2))))
    return pairs, None


def _check_spheres(counted: str, vocabulary: Vocabulary) -> tuple[str | None, str | None]:
    """What is wrong with the codes of ``counted`` that are not spheres of ``vocabulary`` (``None`` when nothing)."""
    for code in Metadata(counted=counted).counts:
        if not vocabulary.is_valid("sphere", code):
            closest = vocabulary.closest("sphere", code)
            hint = (f"Did you mean '{closest}'? " if closest else "") + "Spheres: " + ", ".join(vocabulary.codes("sphere"))
            return f"counted: {code!r} is not a sphere", hint
    return None, None


def _check_value(spec: Column, value: str) -> tuple[str, str | None, str | None]:
    """The value as stored, or ``("", message, hint)`` when it cannot be read."""
    if spec.type == "language":
        code = value.strip().lower()
        if code in METADATA_LANGUAGES:
            return code, None, None
        return "", f"language: not one of {', '.join(METADATA_LANGUAGES)}", "Write en (English) or fr (French)"
    if spec.type == "period":
        m = _PERIOD.match(value)
        if not m:
            return "", "period: not a year or two years joined by a dash", "Write a year (2018) or a span (2016-2018)"
        if m.group(2) and int(m.group(2)) < int(m.group(1)):
            return "", "period: ends before it starts", "Write the first year first (2016-2018)"
        return (f"{m.group(1)}-{m.group(2)}" if m.group(2) else m.group(1)), None, None
    if spec.type == "when":
        try:
            return parse_when(value), None, None
        except ValueError as exc:
            return "", f"{spec.name}: not a readable year or date", str(exc)[0].upper() + str(exc)[1:]
    if spec.type == "counts":
        pairs, message = _read_counts(value)
        if message:
            return "", message, "Write each sphere's code and its count, separated by ';' (consumption=23; finance=4)"
        return "; ".join(f"{code}={n}" for code, n in pairs), None, None
    if spec.type == "gender":
        code = value.strip().lower()
        if code in ("f", "m"):
            return code, None, None
        return "", f"{spec.name}: not f or m", "Write f (feminine, as 'faction') or m (masculine, as 'département')"
    if spec.type == "url" and not _URL.match(value):
        return "", f"{spec.name}: not a web address", "Write a web address starting with https://"
    return value, None, None


def read_metadata(raw: RawTable, vocabulary: Vocabulary | None = None) -> tuple[Metadata, list[Problem]]:
    """Check a raw ``metadata`` table and read it; problems name the file, row and field.

    A value that cannot be read is left unknown (``""``) and reported; so is
    a field the schema does not know, a field given twice, a value without a
    field, and text in a column other than ``field`` and ``value``.

    Parameters
    ----------
    raw : RawTable
        The table as read from ``metadata.csv`` or a ``metadata`` sheet.
    vocabulary : Vocabulary, optional
        The dataset's: the codes of ``counted`` must be spheres of it.

    Returns
    -------
    metadata : Metadata
    problems : list of Problem

    Examples
    --------
    >>> raw = RawTable("metadata", "metadata.csv", ["field", "value"],
    ...     [RawRow(2, {"field": "title", "value": "Dijon"}), RawRow(3, {"field": "language", "value": "french"})])
    >>> meta, problems = read_metadata(raw)
    >>> meta.title, meta.language
    ('Dijon', '')
    >>> print(problems[0])
    metadata.csv, row 3, column 'value': language: not one of en, fr (value: 'french'). Write en (English) or fr (French)
    """
    problems: list[Problem] = []

    def add(row: int | None, column: str | None, value: str | None, message: str, hint: str) -> None:
        problems.append(Problem("metadata", raw.file, row, column, value, message, hint))

    missing = [c for c in ("field", "value") if c not in raw.columns]
    if missing:
        wide = [c for c in raw.columns if c.strip().lower() in _BY_NAME]
        hint = (
            "Write one field per row: a column 'field' (title, territory...) and a column 'value'"
            if wide
            else "The metadata table has two columns, 'field' and 'value', and one row per field"
        )
        for name in missing:
            add(None, name, None, "missing required column", hint)
        return Metadata(), problems
    extra = [c for c in raw.columns if c and c not in ("field", "value")]
    values: dict[str, str] = {}
    first_row: dict[str, int] = {}
    for r in raw.rows:
        name = r.cells.get("field", "").strip().lower()
        value = r.cells.get("value", "").strip()
        for column in extra:
            if r.cells.get(column, ""):
                add(r.row, column, r.cells[column], "this column is not read", "Move the text to the 'value' column or delete it")
        if not name:
            if value:
                add(r.row, "field", None, "a value without a field", "Write the field's name in the 'field' column")
            continue
        spec = _BY_NAME.get(name)
        if spec is None:
            add(r.row, "field", name, "unknown metadata field", _field_hint(name))
            continue
        if name in first_row:
            add(r.row, "field", name, f"this field is given twice, already on row {first_row[name]}", "Keep one of the two rows")
            continue
        first_row[name] = r.row
        if not value:
            continue
        stored, message, hint = _check_value(spec, value)
        if not message and spec.type == "counts" and vocabulary is not None:
            message, hint = _check_spheres(stored, vocabulary)
            stored = "" if message else stored
        if message:
            add(r.row, "value", value, message, hint or "")
        values[name] = stored
    return Metadata(**values), problems
