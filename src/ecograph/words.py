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
OUTREACH: dict[str, tuple[str, str]] = {
    "separator": ("; ", " ; "),
    "and": (" and ", " et "),
    "others": ("{names} and {n} others", "{names} et {n} autres"),
    "quoted": ("“{name}”", "« {name} »"),
    "unknown_group": ("group unknown", "groupe inconnu"),
    "sheet.all": ("All", "Tous"),
    # why an actor is on the list
    "reason.no_tie": ("no known tie", "aucun lien connu"),
    "reason.no_tie_with_organisation": ("no known tie with another organisation", "aucun lien connu avec une autre organisation"),
    "reason.named_in": ("named in {names}", "cité dans {names}"),
    "reason.outside_main": ("outside the main network, {n} actors", "hors du réseau principal, {n} acteurs"),
    "reason.only_through": ("only linked through {names}", "relié seulement par {names}"),
    "reason.low_reach": ("few actors within two steps ({n})", "peu d'acteurs à deux pas ({n})"),
    # why this introducer (one entry per fact)
    "why.contacts": ("both linked to {names}", "tous deux liés à {names}"),
    "why.named_in_same": ("both named in {name}, each as {role}", "tous deux cités dans {name}, chacun comme {role}"),
    "why.named_in_roles": (
        "named in {name}: this actor as {role}, the introducer as {other}",
        "cités dans {name} : cet acteur comme {role}, l'introducteur comme {other}",
    ),
    "why.named_in": ("both linked to {name}", "tous deux liés à {name}"),
    "why.mentioned": ("cited with it in the same source: {source}", "cité avec lui dans la même source : {source}"),
    "why.mentioned_more": (
        "cited with it in the same source: {source} (and {n} more)",
        "cité avec lui dans la même source : {source} (et {n} autres)",
    ),
    "why.person_one": ("a person worked in both", "une personne a travaillé dans les deux"),
    "why.person_many": ("{n} people worked in both", "{n} personnes ont travaillé dans les deux"),
    "why.group_ties_one": ("already linked to 1 actor of the same {field} ({value})", "déjà lié à 1 acteur de même {field} ({value})"),
    "why.group_ties": ("already linked to {n} actors of the same {field} ({value})", "déjà lié à {n} acteurs de même {field} ({value})"),
    "why.same_group": ("same {field} ({value})", "même {field} ({value})"),
    "why.same_commune": ("same commune ({commune})", "même commune ({commune})"),
    "why.distance": ("{km} km away", "à {km} km"),
    "why.same_kind": ("same kind ({kind})", "même type ({kind})"),
    "why.connected": ("{n} known ties in the network", "{n} liens connus dans le réseau"),
    "why.connected_one": ("1 known tie in the network", "1 lien connu dans le réseau"),
    "why.broker": ("already a major broker", "déjà un intermédiaire majeur"),
    # names of groupings ("same sphere"); a grouping given as a Series or partition is a "group"
    "field.": ("group", "groupe"),
    "field.sphere": ("sphere", "sphère"),
    "field.community": ("community", "communauté"),
    # the part an actor plays in a programme or event, by the type of the tie it is the source of
    "role.potential_partner": ("potential partner", "partenaire potentiel"),
    "role.potential_carrier": ("potential carrier", "porteur potentiel"),
    "role.candidate_site": ("possible site", "site possible"),
    "role.inspiration": ("example", "exemple"),
    "role.participation": ("participant", "participant"),
    "role.co_organisation": ("co-organiser", "co-organisateur"),
    "role.hosting": ("host", "hôte"),
    "role.funding": ("funder", "financeur"),
    "role.support": ("supporter", "accompagnateur"),
    "role.partnership": ("partner", "partenaire"),
    "role.membership": ("member", "membre"),
    "role.supply": ("supplier", "fournisseur"),
    # column headers of the officers' table
    "header.actor": ("actor id", "identifiant"),
    "header.name": ("name", "nom"),
    "header.kind": ("kind", "type"),
    "header.scope": ("scope", "portée"),
    "header.reason": ("why it is on the list", "pourquoi sur la liste"),
    "header.degree": ("known ties", "liens connus"),
    "header.reach_2": ("actors within two steps", "acteurs à deux pas"),
    "header.priority": ("actors it would reach", "acteurs qu'il atteindrait"),
    "header.introducer": ("introducer {r}", "introducteur {r}"),
    "header.introducer_name": ("introducer name {r}", "nom de l'introducteur {r}"),
    "header.why": ("why this introducer {r}", "pourquoi cet introducteur {r}"),
    "header.newly_reachable": ("actors newly reachable {r}", "acteurs nouvellement joignables {r}"),
    "header.ei_change": ("change in E-I index {r}", "variation de l'indice E-I {r}"),
    "header.load_paths": ("paths added to the introducer {r}", "chemins ajoutés à l'introducteur {r}"),
    "header.commune": ("commune", "commune"),
    "header.component_size": ("size of its group", "taille de son groupe"),
}

# Import and export of other tools' files.
INTEROP: dict[str, tuple[str, str]] = {}

# Messages of the command line.
CLI: dict[str, tuple[str, str]] = {}

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
