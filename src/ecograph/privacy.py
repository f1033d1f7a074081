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

from collections.abc import Iterable

__all__ = ["pseudonyms"]

_WORD = {"en": "Person", "fr": "Personne"}


def pseudonyms(person_ids: Iterable, *, lang: str = "en") -> dict:
    """Map each person id to a stable pseudonym ("Person 1", "Person 2"...).

    Examples
    --------
    >>> pseudonyms(["b", "a"]) == pseudonyms(["a", "b"])
    True
    """
    ids = sorted(set(person_ids), key=str)
    width = len(str(len(ids)))
    word = _WORD.get(lang, _WORD["en"])
    return {pid: f"{word} {str(i).zfill(width) if width > 1 else i}" for i, pid in enumerate(ids, start=1)}
