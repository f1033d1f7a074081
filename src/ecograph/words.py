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
    "gap_marked": (
        "Highlighted cells: not known yet (sphere, founding year, scope; on the id, an actor without any known tie). "
        "Please fill them in if you know.",
        "Cellules surlignées : pas encore connu (sphère, année de création, échelle ; sur l'identifiant, un acteur "
        "sans aucun lien connu). Merci de les compléter si vous savez.",
    ),
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
    "kind.recommendation": ("recommendation", "préconisation"),
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
    "tie_status.stated": ("stated", "attesté"),
    "tie_status.proposed": ("proposed", "proposé"),
    "tie_status.cited": ("cited", "cité en exemple"),
    "tie_status.": ("status unknown", "statut inconnu"),
    "sphere_status.stated": ("stated by the source", "indiquée par la source"),
    "sphere_status.inferred": ("inferred from the source's definitions", "déduite des définitions de la source"),
    "sphere_status.": ("not checked", "non vérifiée"),
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

# Names of measures, statistics and roles the measures layer returns as codes, and why a measure
# cannot be computed. Read names with label("measures.name", code), roles with
# label("measures.role", code) (main_role "" is word("measures.role.none"); None, an actor of
# unknown group, gives "measures.role."), reasons with label("measures.reason", code), and the
# coverage sentences with word("measures.coverage", lang, **coverage.to_dict()).
MEASURES: dict[str, tuple[str, str]] = {
    "name.actors": ("actors", "acteurs"),
    "name.ties": ("ties", "liens"),
    "name.density": ("density", "densité"),
    "name.mean_degree": ("ties per actor", "liens par acteur"),
    "name.components": ("components", "composantes"),
    "name.largest_component_share": ("share of actors in the largest component", "part des acteurs dans la plus grande composante"),
    "name.isolates": ("isolated actors", "acteurs isolés"),
    "name.block_density": ("density between and within groups", "densité entre et dans les groupes"),
    "name.mixing_matrix": ("ties between and within groups", "liens entre et dans les groupes"),
    "name.ei_index": ("E-I index", "indice E-I"),
    "name.modularity": ("modularity of the communities", "modularité des communautés"),
    "name.group_modularity": ("modularity of the groups", "modularité des groupes"),
    "name.cross_group_density": ("density of ties between groups", "densité des liens entre groupes"),
    "name.group_known_actors": ("actors whose group is known", "acteurs dont le groupe est connu"),
    "name.group_known_ties": ("ties between two actors of known group", "liens entre deux acteurs de groupe connu"),
    "name.known_neighbours": ("neighbours of known group", "voisins de groupe connu"),
    "name.degree": ("ties", "liens"),
    "name.betweenness": ("betweenness", "intermédiarité"),
    "name.participation": ("participation coefficient", "coefficient de participation"),
    "name.constraint": ("constraint", "contrainte"),
    "name.effective_size": ("effective size", "taille effective"),
    "name.brokerage": ("brokerage", "courtage"),
    "name.nmi": ("normalised mutual information", "information mutuelle normalisée"),
    "name.adjusted_rand": ("adjusted Rand index", "indice de Rand ajusté"),
    "name.top_brokers": ("top brokers kept", "principaux intermédiaires conservés"),
    "role.coordinator": ("coordinator", "coordinateur"),
    "role.itinerant": ("itinerant (consultant)", "itinérant (consultant)"),
    "role.gatekeeper": ("gatekeeper", "gardien"),
    "role.representative": ("representative", "représentant"),
    "role.liaison": ("liaison", "agent de liaison"),
    "role.none": ("no brokerage role", "aucun rôle d'intermédiaire"),
    "role.": ("role unknown (group unknown)", "rôle inconnu (groupe inconnu)"),
    "group.": ("group unknown", "groupe inconnu"),
    "reason.no_known_group": ("Cannot be computed: no actor's group is known.", "Incalculable : le groupe d'aucun acteur n'est connu."),
    "reason.one_known_group": (
        "Cannot be computed: the actors whose group is known all belong to one group.",
        "Incalculable : les acteurs dont le groupe est connu appartiennent tous au même groupe.",
    ),
    "reason.no_known_tie": (
        "Cannot be computed: no tie joins two actors whose group is known.",
        "Incalculable : aucun lien ne relie deux acteurs dont le groupe est connu.",
    ),
    "coverage": (
        "{actors_known} of {actors} actors have a known group; {ties_known} of {ties} ties join two of them.",
        "Le groupe de {actors_known} acteurs sur {actors} est connu ; {ties_known} liens sur {ties} relient deux d'entre eux.",
    ),
    "coverage_moves": (
        "{actors_known} of {actors} actors have a known group; {ties_known} of {ties} moves join two of them.",
        "Le groupe de {actors_known} acteurs sur {actors} est connu ; {ties_known} mouvements sur {ties} relient deux d'entre eux.",
    ),
    "withheld": (
        "Not shown: this figure rests on {share:.0%} of the data, below the {threshold:.0%} it needs.",
        "Non affiché : ce chiffre repose sur {share:.0%} des données, en dessous des {threshold:.0%} nécessaires.",
    ),
    "unlock_ties": (
        "Knowing the group of the actors at both ends of {needed} more ties would unlock it.",
        "Connaître le groupe des acteurs aux deux bouts de {needed} liens de plus permettrait de le calculer.",
    ),
    "unlock_actors": (
        "Knowing the group of {needed} more actors would unlock it.",
        "Connaître le groupe de {needed} acteurs de plus permettrait de le calculer.",
    ),
    "ask_first": ("Whose group to ask first: {names}.", "Les acteurs dont il faut d'abord connaître le groupe : {names}."),
}

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
INTEROP: dict[str, tuple[str, str]] = {
    "no_coordinates": (
        "none of the {n} actors has coordinates: a map would be empty. Add lat and lon columns to actors.csv "
        "(decimal degrees, WGS 84, e.g. 47.3220 and 5.0415), or import the actors' places from uMap with "
        "'ecograph import-umap', then export again",
        "aucun des {n} acteurs n'a de coordonnées : la carte serait vide. Ajoutez les colonnes lat et lon à actors.csv "
        "(degrés décimaux, WGS 84, par ex. 47.3220 et 5.0415), ou importez les lieux depuis uMap avec "
        "« ecograph import-umap », puis exportez à nouveau",
    ),
    "community": ("Community", "Communauté"),
    "popup_sphere": ("Sphere", "Sphère"),
    "popup_degree": ("Ties", "Liens"),
    "popup_betweenness": ("Betweenness", "Intermédiarité"),
    "popup_community": ("Community", "Communauté"),
    "popup_isolated": ("Isolated", "Isolé"),
}

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
