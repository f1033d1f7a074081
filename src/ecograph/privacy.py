"""People are personal data: stable pseudonyms for everything meant for sharing.

A pseudonym depends only on the set of people ids of the dataset, so the
same person gets the same pseudonym in every view, table and file made from
one dataset. People are numbered in the order of a hash of their id salted
with all the ids (not in the order of the ids, which would tell "Person 1"
is the first name in the alphabet), so a pseudonym reveals nothing of the
name or id.

:func:`pseudonymised` makes pseudonymisation a property of the outputs: the
ecosystem every shared file is written from holds no person's name or id,
no other column of the people and affiliations tables, and no name inside
free text (compared after folding case, Unicode form, apostrophes and
spaces).

Examples
--------
>>> aliases = pseudonyms(["p-jean", "p-anne", "p-zoe"])
>>> sorted(aliases.values())
['Person 1', 'Person 2', 'Person 3']
>>> aliases == pseudonyms(["p-zoe", "p-anne", "p-jean"])
True
>>> pseudonyms(["p-jean", "p-anne"], lang="fr")["p-jean"][:9]
'Personne '
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from .errors import printable
from .validation import slugify
from .words import LANGUAGES, word

__all__ = ["people_in_tables", "people_mentioned", "pseudonymised", "pseudonyms", "scrub_people"]


def pseudonyms(person_ids: Iterable, *, lang: str = "en") -> dict:
    """Map each person id to a stable pseudonym ("Person 1", "Person 2"...).

    Examples
    --------
    >>> pseudonyms(["b", "a"]) == pseudonyms(["a", "b"])
    True
    """
    ids = sorted({str(x): x for x in person_ids}.items())
    salt = hashlib.sha256("\x1f".join(k for k, _ in ids).encode("utf-8")).digest()
    ids = [pid for _, pid in sorted(ids, key=lambda kv: hashlib.sha256(salt + kv[0].encode("utf-8")).hexdigest())]
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
    replace_by: dict[str, str] = {}
    for pid, name in people.items():
        alias = aliases.get(pid, hidden)
        for form in {name, repr(name)[1:-1], printable(name), slugify(name)} if name and len(name) > 1 else ():
            replace_by.setdefault(_fold(form), alias)
        for form in {pid, repr(pid)[1:-1], printable(pid), slugify(pid)} if pid else ():
            replace_by[_fold(form)] = alias  # an id that is not valid is shown with the id validation suggests
    replace_by.pop("", None)
    if not replace_by or not text:
        return text
    text = unicodedata.normalize("NFC", text)
    folded = _fold(text)
    present = sorted((k for k in replace_by if k in folded), key=len, reverse=True)
    if not present:
        return text
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(_loose(k) for k in present) + r")(?!\w)", re.IGNORECASE)
    return pattern.sub(lambda m: replace_by.get(_fold(m.group(0)), hidden), text)


#: Characters written for an apostrophe; a name is found whichever one the text uses.
_APOSTROPHES = "'\u2019\u2018\u02bc\u00b4`\u2032"
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")


def _fold(text: str) -> str:
    """``text`` as names are compared: NFC, case folded, one kind of apostrophe, one space between words."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = text.translate({ord(c): "'" for c in _APOSTROPHES})
    return _SPACES.sub(" ", text).strip()


def _loose(folded: str) -> str:
    """A pattern finding ``folded`` in a text whatever its apostrophes and spaces (case is ignored by the caller)."""
    out = []
    for ch in folded:
        if ch == "'":
            out.append("[" + re.escape(_APOSTROPHES) + "]")
        elif ch == " ":
            out.append(r"[\s\u00a0\u202f\u2009]+")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def pseudonymised(eco: Any, *, lang: str = "en") -> Any:
    """The ecosystem as shared files may show it: people known by their pseudonyms only.

    * people: only ``id`` and ``name``, both the pseudonym; ``source`` says
      the personal data are hidden; every other column is dropped;
    * affiliations: the person's pseudonym, the actor, role and years; the
      other columns (``source``, ``note``, extra ones such as ``email``)
      dropped or scrubbed;
    * actors and ties: every text cell scrubbed of people's names and ids
      (:func:`scrub_people`, after folding case, Unicode form, apostrophes
      and spaces);
    * rejected rows of the people and affiliations tables: hidden.

    Examples
    --------
    >>> import ecograph as eg
    >>> eco = eg.datasets.tiny()
    >>> safe = pseudonymised(eco)
    >>> sorted(safe.people["name"]), list(safe.people.columns)
    (['Person 1', 'Person 2'], ['name', 'source'])
    >>> set(safe.affiliations["person"]) <= set(safe.people.index)
    True
    """
    aliases = pseudonyms(eco.people.index, lang=lang)
    mentioned = people_mentioned(eco)
    hidden_data = word("common.personal_data_hidden", lang)

    def scrub_frame(frame: Any) -> Any:
        frame = frame.copy()
        for column in frame.columns:
            if frame[column].dtype == object:
                frame[column] = [scrub_people(v, mentioned, aliases, lang=lang) if isinstance(v, str) else v for v in frame[column]]
        return frame

    people = eco.people.iloc[:, :0].copy()
    people["name"] = [aliases[p] for p in eco.people.index]
    people["source"] = hidden_data
    people.index = people.index.map(aliases).rename(eco.people.index.name)
    affiliations = eco.affiliations
    if len(affiliations):
        keep = [c for c in ("actor", "person", "role", "start", "end", "source") if c in affiliations.columns]
        affiliations = scrub_frame(affiliations[keep].assign(person=affiliations["person"].map(lambda p: aliases.get(p, p))))
    rejected = eco.rejected
    if len(rejected) and "table" in rejected.columns:
        rejected = rejected[~rejected["table"].isin(["people", "affiliations"])].reset_index(drop=True)
        rejected = scrub_frame(rejected.drop(columns=[c for c in ("cells",) if c in rejected.columns]))
    return replace(
        eco, actors=scrub_frame(eco.actors), people=people, affiliations=affiliations, ties=scrub_frame(eco.ties), rejected=rejected
    )
