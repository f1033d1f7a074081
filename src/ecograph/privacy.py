"""People are personal data: stable pseudonyms for everything meant for sharing.

A pseudonym depends only on the set of people ids of the dataset (they are
numbered in sorted id order), so the same person gets the same pseudonym in
every view, table and file made from one dataset, and no pseudonym reveals
anything about the name.

Examples
--------
>>> pseudonyms(["p-jean", "p-anne", "p-zoe"])
{'p-anne': 'Person 1', 'p-jean': 'Person 2', 'p-zoe': 'Person 3'}
>>> pseudonyms(["p-jean", "p-anne"], lang="fr")["p-jean"]
'Personne 2'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from .errors import printable
from .validation import slugify
from .words import LANGUAGES, word

__all__ = ["people_in_tables", "people_mentioned", "pseudonyms", "scrub_people"]


def pseudonyms(person_ids: Iterable, *, lang: str = "en") -> dict:
    """Map each person id to a stable pseudonym ("Person 1", "Person 2"...).

    Examples
    --------
    >>> pseudonyms(["b", "a"]) == pseudonyms(["a", "b"])
    True
    """
    ids = sorted(set(person_ids), key=str)
    width = len(str(len(ids)))
    lang = lang if lang in LANGUAGES else "en"
    return {pid: word("common.pseudonym", lang, n=str(i).zfill(width)) for i, pid in enumerate(ids, start=1)}


def people_mentioned(eco: Any) -> dict[str, str]:
    """Every person an Ecosystem mentions, id to name: its people, and the people of its rejected rows.

    The rejected rows matter: a person whose row was rejected is not in
    ``eco.people``, but their name and id are in the validation messages and
    the rejected rows. A person id an affiliation refers to (even an unknown
    one) is included, with an empty name.

    Examples
    --------
    >>> import ecograph as eg
    >>> sorted(people_mentioned(eg.datasets.tiny()).items())
    [('p1', 'Person A'), ('p2', 'Person B')]
    """
    found: dict[str, str] = {}
    people = getattr(eco, "people", None)
    if people is not None and len(people):
        names = people["name"] if "name" in people.columns else [""] * len(people)
        for pid, name in zip(people.index, names):
            found[str(pid)] = "" if name is None or name != name else str(name)
    rejected = getattr(eco, "rejected", None)
    if rejected is not None and len(rejected):
        for table, cells in zip(rejected["table"], rejected["cells"]):
            _add_from_cells(found, table, cells if isinstance(cells, Mapping) else {})
    return found


def people_in_tables(tables: Mapping[str, Any]) -> dict[str, str]:
    """Every person raw tables mention (see :func:`people_mentioned`), valid or not.

    For a dataset that could not be loaded at all: ``tables`` as read by
    :func:`ecograph.io.read_dataset_files`.

    Examples
    --------
    >>> from ecograph.io import RawRow, RawTable
    >>> people = RawTable("people", "people.csv", ["id", "name"], [RawRow(2, {"id": "p-jean", "name": "Jean Dupont"})])
    >>> people_in_tables({"people": people})
    {'p-jean': 'Jean Dupont'}
    """
    found: dict[str, str] = {}
    for table in ("people", "affiliations"):
        raw = tables.get(table)
        for row in getattr(raw, "rows", []):
            _add_from_cells(found, table, row.cells)
    return found


def _add_from_cells(found: dict[str, str], table: str, cells: Mapping) -> None:
    if table == "people":
        pid = str(cells.get("id", "") or "")
        name = str(cells.get("name", "") or "")
        if pid or name:
            found[pid or name] = name if pid else ""
    elif table == "affiliations":
        pid = str(cells.get("person", "") or "")
        if pid:
            found.setdefault(pid, "")


def scrub_people(text: str, people: Mapping[str, str], aliases: Mapping[str, str], *, hidden: str | None = None, lang: str = "en") -> str:
    """``text`` with every person's id and name replaced by their pseudonym.

    Parameters
    ----------
    text : str
    people : mapping
        Person id to name (:func:`people_mentioned`, :func:`people_in_tables`).
    aliases : mapping
        Person id to pseudonym (:func:`pseudonyms`); people without one
        (rejected rows) become ``hidden``.
    hidden : str, optional
        Default: "(hidden person)" in ``lang``.
    lang : {"en", "fr"}, default "en"

    Ids and names are replaced as whole words, longest first and in one
    pass, so that a pseudonym is never replaced in turn, and in the forms a
    message shows them (as typed, quoted with escapes, and as the identifier
    validation suggests for them). Names of one character are left: they say
    nothing about anyone.

    Examples
    --------
    >>> people = {"p-jean": "Jean Dupont", "p-jeanne": "Jeanne Martin"}
    >>> scrub_people("p-jeanne (Jeanne Martin) met p-jean; 'Jean Dupont' left", people, {"p-jean": "Person 1"})
    "(hidden person) ((hidden person)) met Person 1; 'Person 1' left"
    """
    hidden = word("common.hidden_person", lang) if hidden is None else hidden
    replace: dict[str, str] = {}
    for pid, name in people.items():
        alias = aliases.get(pid, hidden)
        for form in {name, repr(name)[1:-1], printable(name), slugify(name)} if name and len(name) > 1 else ():
            replace.setdefault(form, alias)
        for form in {pid, repr(pid)[1:-1], printable(pid), slugify(pid)} if pid else ():
            replace[form] = alias  # an id that is not valid is shown with the id validation suggests
    present = sorted((k for k in replace if k and k in text), key=len, reverse=True)
    if not present:
        return text
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in present) + r")(?!\w)")
    return pattern.sub(lambda m: replace[m.group(0)], text)
