"""The catalogue of words: every text ecograph shows to people, in English and French.

Measures return codes (``"finance"``, ``"gatekeeper"``, ``"ei_index"``); the
layers that render (report, views, figures, worklist, command line) turn them
into words here, and nowhere else. Each entry is a key and its two
translations side by side, grouped in sections by the layer that uses them,
so that a missing or mismatched translation is easy to see (a test checks
that every entry has both languages and the same ``{placeholders}``).

* :func:`word` gives one text, filled with its values;
* :func:`label` gives the words for a code of a field (a sphere, a kind, a
  tie type, a role, a measure, a column), the code itself when the
  catalogue does not know it (datasets may add their own codes), and the
  field's "unknown" words for a missing value;
* :func:`section` gives every text of a section (what a view page needs).

Examples
--------
>>> word("common.unknown", "fr")
'inconnu'
>>> label("sphere", "support", "fr"), label("sphere", "", "en"), label("sphere", "circular", "en")
("Structures d'accompagnement", 'Sphere unknown', 'circular')
>>> word("common.n_actors", "fr", n=3)
'3 acteurs'
"""

from __future__ import annotations

import math
import string
from collections.abc import Mapping
from typing import Any

__all__ = ["CATALOGUE", "LANGUAGES", "check_language", "is_missing", "label", "section", "word"]

#: Languages ecograph writes.
LANGUAGES = ("en", "fr")

# Each section maps a key to (English, French). Keys are looked up as "<section>.<key>".

COMMON: dict[str, tuple[str, str]] = {
    "unknown": ("unknown", "inconnu"),
    "none": ("None.", "Aucun."),
    "yes": ("yes", "oui"),
    "no": ("no", "non"),
    "n_actors": ("{n} actors", "{n} acteurs"),
    "synthetic": (
        "SYNTHETIC DATA: every figure below describes generated data, not a real territory.",
        "DONNÉES SYNTHÉTIQUES : tous les chiffres ci-dessous décrivent des données générées, pas un territoire réel.",
    ),
}

# Codes of the vocabularies (schema fields): "<field>.<code>"; "<field>." is the missing value.
VOCABULARY: dict[str, tuple[str, str]] = {
    "sphere.consumption": ("Consumption", "Consommation"),
    "sphere.production": ("Production", "Production"),
    "sphere.finance": ("Finance", "Finance"),
    "sphere.innovation": ("Innovation", "Innovation"),
    "sphere.support": ("Support structures", "Structures d'accompagnement"),
    "sphere.": ("Sphere unknown", "Sphère inconnue"),
    "kind.initiative": ("initiative", "initiative"),
    "kind.support_structure": ("support structure", "structure d'accompagnement"),
    "kind.institution": ("institution", "institution"),
    "kind.school": ("school", "école"),
    "kind.company": ("company", "entreprise"),
    "kind.platform": ("platform", "plateforme"),
    "kind.funder": ("funder", "financeur"),
    "kind.place": ("place", "lieu"),
    "kind.event": ("event", "événement"),
    "kind.programme": ("programme", "programme"),
    "kind.": ("kind unknown", "type inconnu"),
    "scope.local": ("local", "local"),
    "scope.regional": ("regional", "régional"),
    "scope.national": ("national", "national"),
    "scope.international": ("international", "international"),
    "scope.": ("scope unknown", "portée inconnue"),
    "type.partnership": ("partnership", "partenariat"),
    "type.support": ("support", "accompagnement"),
    "type.funding": ("funding", "financement"),
    "type.hosting": ("hosting", "hébergement"),
    "type.membership": ("membership", "adhésion"),
    "type.co_organisation": ("co-organisation", "co-organisation"),
    "type.supply": ("supply", "fourniture"),
    "type.spin_off": ("spin-off", "essaimage"),
    "type.participation": ("participation", "participation"),
    "type.inspiration": ("inspiration", "inspiration"),
    "type.people": ("people in common", "personnes en commun"),
    "type.": ("type unknown", "type inconnu"),
    "role.founder": ("founder", "fondateur ou fondatrice"),
    "role.employee": ("employee", "salarié·e"),
    "role.volunteer": ("volunteer", "bénévole"),
    "role.board": ("board member", "membre du bureau ou du conseil"),
    "role.member": ("member", "membre"),
    "role.mentor": ("mentor", "mentor"),
    "role.student": ("student", "étudiant·e"),
    "role.speaker": ("speaker", "intervenant·e"),
    "role.consultant": ("consultant", "consultant·e"),
    "role.other": ("other role", "autre rôle"),
    "role.": ("role unknown", "rôle inconnu"),
}

# Names of measures, statistics and roles the measures layer returns as codes.
MEASURES: dict[str, tuple[str, str]] = {}

# Column headers of the tables shown to people (CSV and XLSX files keep the codes).
COLUMNS: dict[str, tuple[str, str]] = {}

# The steering-committee report.
REPORT: dict[str, tuple[str, str]] = {}

# Interactive views (texts shown on the page, cards, legend, controls).
VIEWS: dict[str, tuple[str, str]] = {}

# Static figures.
FIGURES: dict[str, tuple[str, str]] = {}

# The outreach worklist (reasons, why, headers, sheets).
OUTREACH: dict[str, tuple[str, str]] = {}

# Import and export of other tools' files.
INTEROP: dict[str, tuple[str, str]] = {}

# Messages of the command line.
CLI: dict[str, tuple[str, str]] = {
    "usage_error": ("{prog}: error: {message} (see '{prog} --help')", "{prog} : erreur : {message} (voir '{prog} --help')"),
    "error": ("ecograph: error: {message}", "ecograph : erreur : {message}"),
    "internal_error": (
        "ecograph: internal error ({error}); this is a bug in ecograph. Run the command again with --debug to see where, and report it",
        "ecograph : erreur interne ({error}) ; c'est un défaut d'ecograph. Relancez la commande avec --debug pour voir où, et signalez-le",
    ),
    "no_memory": (
        "ecograph: not enough memory for this dataset; close other programs or split the dataset",
        "ecograph : pas assez de mémoire pour ce jeu de données ; fermez d'autres programmes ou divisez le jeu de données",
    ),
    "interrupted": ("ecograph: interrupted; nothing was written", "ecograph : interrompu ; rien n'a été écrit"),
    "validate_hint": ("Run 'ecograph validate' for details.", "Lancez 'ecograph validate' pour le détail."),
    "warnings": ("{n} warning(s):", "{n} avertissement(s) :"),
    "bad_epoch": (
        "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 (got {value})",
        "SOURCE_DATE_EPOCH doit être un nombre entier de secondes depuis le 1970-01-01 (reçu : {value})",
    ),
    "bad_layer_sphere": (
        "give LAYER=SPHERE, for example 'Lieux=production' (got {value})",
        "écrivez CALQUE=SPHÈRE, par exemple 'Lieux=production' (reçu : {value})",
    ),
    "bad_suffix": ("the file must end with {suffixes} (got {value})", "le fichier doit se terminer par {suffixes} (reçu : {value})"),
    "bad_count": ("give a whole number of at least 1 (got {value})", "donnez un nombre entier d'au moins 1 (reçu : {value})"),
    "bad_seed": (
        "give a whole number between 0 and 4294967295 (got {value})",
        "donnez un nombre entier entre 0 et 4294967295 (reçu : {value})",
    ),
    "help_debug": ("show the full error (traceback) when a command fails", "montrer l'erreur complète (traceback) en cas d'échec"),
    "help_force": (
        "replace the output even if it is an existing file, or a folder holding other files",
        "remplacer la sortie même si c'est un fichier existant ou un dossier contenant d'autres fichiers",
    ),
}

_SECTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "common": COMMON,
    "vocabulary": VOCABULARY,
    "measures": MEASURES,
    "columns": COLUMNS,
    "report": REPORT,
    "views": VIEWS,
    "figures": FIGURES,
    "outreach": OUTREACH,
    "interop": INTEROP,
    "cli": CLI,
}

#: Every entry, keyed "<section>.<key>" (vocabulary codes as "<field>.<code>").
CATALOGUE: dict[str, tuple[str, str]] = {
    **{f"{name}.{key}": texts for name, entries in _SECTIONS.items() if name != "vocabulary" for key, texts in entries.items()},
    **VOCABULARY,
}


def check_language(lang: str) -> str:
    """``lang`` if ecograph writes it, else a ``ValueError`` naming the languages.

    >>> check_language("de")
    Traceback (most recent call last):
    ...
    ValueError: lang must be one of 'en', 'fr' (got 'de')
    """
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(repr(x) for x in LANGUAGES)} (got {lang!r})")
    return lang


def word(key: str, lang: str = "en", /, **values: Any) -> str:
    """The text of ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``.

    Examples
    --------
    >>> word("common.none", "fr")
    'Aucun.'
    >>> word("common.nothing", "en")
    Traceback (most recent call last):
    ...
    KeyError: "no text 'common.nothing' in the catalogue of words"
    """
    check_language(lang)
    try:
        text = CATALOGUE[key][LANGUAGES.index(lang)]
    except KeyError:
        raise KeyError(f"no text {key!r} in the catalogue of words") from None
    return text.format(**values) if values else text


def is_missing(value: Any) -> bool:
    """Whether a cell holds no value: None, NaN, pandas' NA or text that is empty or blank.

    >>> [is_missing(v) for v in (None, float("nan"), "", "  ", "x", 0)]
    [True, True, True, True, False, False]
    """
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return math.isnan(value)
    try:
        import pandas as pd

        return value is pd.NA or value is pd.NaT
    except ImportError:  # pragma: no cover
        return False


def label(field: str, value: Any, lang: str = "en") -> str:
    """Words for the code ``value`` of ``field`` (``"sphere"``, ``"kind"``, ``"type"``, a measure...).

    A code the catalogue does not know is shown as itself (datasets may add
    codes of their own); a missing value gives the field's "unknown" words.

    >>> label("kind", "support_structure", "fr"), label("scope", None, "fr")
    ("structure d'accompagnement", 'portée inconnue')
    """
    check_language(lang)
    if is_missing(value):
        key = f"{field}."
        return word(key, lang) if key in CATALOGUE else word("common.unknown", lang)
    key = f"{field}.{value}"
    return word(key, lang) if key in CATALOGUE else str(value)


def section(name: str, lang: str = "en") -> dict[str, str]:
    """Every text of one section, keyed without the section's prefix.

    >>> section("common", "fr")["yes"]
    'oui'
    """
    check_language(lang)
    entries: Mapping[str, tuple[str, str]] = _SECTIONS[name]
    i = LANGUAGES.index(lang)
    return {key: texts[i] for key, texts in entries.items()}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
