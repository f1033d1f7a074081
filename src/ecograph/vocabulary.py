"""Controlled vocabularies: the one place where valid codes are defined.

Each vocabulary maps a code (what goes in the spreadsheet cell) to a
:class:`Term` with a plain-language description. Tie types also say whether
they are directed. A dataset may extend the vocabularies with a small
``vocabulary`` table (``vocabulary.csv`` in a folder, or a ``vocabulary``
sheet in a workbook) with columns ``field``, ``value``, ``description`` and,
for tie types, ``directed``.

Examples
--------
>>> from ecograph.vocabulary import default_vocabulary
>>> voc = default_vocabulary()
>>> voc.is_directed("funding"), voc.is_directed("partnership")
(True, False)
>>> sorted(voc.codes("sphere"))
['consumption', 'finance', 'innovation', 'production', 'support']
>>> voc.closest("sphere", "finnance")
'finance'
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from .words import LANGUAGES, label

__all__ = [
    "KINDS",
    "NO_SPHERE_KINDS",
    "NOT_ORGANISATIONS",
    "ROLES",
    "SCOPES",
    "SPHERES",
    "SPHERE_LABELS",
    "SPHERE_STATUSES",
    "TIE_STATUSES",
    "YES_NO",
    "TIE_TYPES",
    "Term",
    "Vocabulary",
    "default_vocabulary",
]


@dataclass(frozen=True)
class Term:
    """One code of a vocabulary; ``labels``: its short name in each language, as ``(lang, label)`` pairs (a dataset's own code).

    Examples
    --------
    >>> Term("hosting", "The source hosts the target.", True).directed
    True
    >>> Term("mentoring", "The source mentors the target.", True, (("fr", "parrainage"),)).label("fr")
    'parrainage'
    """

    code: str
    description: str
    directed: bool = False
    labels: tuple[tuple[str, str], ...] = ()

    def label(self, lang: str) -> str | None:
        """The code's short name in ``lang``, when the dataset gives one."""
        return dict(self.labels).get(lang)


def _terms(items: Iterable[tuple]) -> dict[str, Term]:
    return {item[0]: Term(*item) for item in items}


KINDS: dict[str, Term] = _terms(
    [
        ("initiative", "A collaborative initiative or project (association, collective, start-up)."),
        ("support_structure", "Incubator, accelerator, network or agency whose job is to support others."),
        ("institution", "Public body: local authority, state service, public agency."),
        ("school", "School, university or other education and research body."),
        ("company", "Private company that is not itself a collaborative initiative."),
        ("platform", "Digital platform putting people or organisations in touch."),
        ("funder", "Organisation whose role here is to finance (a bank, a foundation, a financing network)."),
        ("fund", "A fund or funding programme, not an organisation: what actors apply to, not who introduces them."),
        ("place", "Physical place run by someone: third place, coworking, building."),
        ("territory", "An area actors work in or for (district, priority neighbourhood, commune), not an actor itself."),
        ("event", "Event or recurring gathering."),
        ("programme", "Programme, scheme, label, project or plan."),
        (
            "recommendation",
            "A recommendation or proposed action of a study, not an actor: ties to it say who is proposed to carry or join it; "
            "the analysis of who works with whom leaves it out (Ecosystem.observed).",
        ),
    ]
)

#: Kinds that are where actors meet or work, what they are proposed for, or what they apply to, not organisations:
#: never an actor to reach, an introducer, a connector or a cut point to build around (a district or a fund cannot
#: introduce anyone).
NOT_ORGANISATIONS = ("programme", "event", "territory", "recommendation", "fund")
#: Kinds to which no sphere applies (the spheres sort the collaborative economy's own structures): never asked for one.
NO_SPHERE_KINDS = ("institution", "funder", "school", *NOT_ORGANISATIONS)

SPHERES: dict[str, Term] = _terms(
    [
        ("consumption", "Collaborative consumption: sharing, swapping, reselling, renting, short food chains."),
        ("production", "Collaborative production: making goods or services together, fab labs, third places."),
        ("finance", "Collaborative finance: crowdfunding, peer lending, local currencies."),
        ("innovation", "Collaborative innovation: clusters, open innovation, hackathons, joint R&D."),
        ("support", "Support structures: incubators, networks, agencies that accompany the others."),
    ]
)

#: Human labels of the spheres and kinds (from the catalogue of words, :mod:`ecograph.words`).
SPHERE_LABELS: dict[str, dict[str, str]] = {
    lang: {code: label("sphere", code, lang) for code in ("consumption", "production", "finance", "innovation", "support", "")}
    for lang in LANGUAGES
}
KIND_LABELS: dict[str, dict[str, str]] = {lang: {code: label("kind", code, lang) for code in KINDS} for lang in LANGUAGES}

#: How well a sphere is supported by the actor's source (``sphere_basis`` quotes it).
SPHERE_STATUSES: dict[str, Term] = _terms(
    [
        ("stated", "The source itself places the actor in this sphere."),
        (
            "inferred",
            "The source describes the actor in words that match its own definition of this sphere; sphere_basis quotes both.",
        ),
    ]
)

#: A yes/no field (an empty cell is "no").
YES_NO: dict[str, Term] = _terms([("yes", "Yes."), ("no", "No.")])

#: How a tie is known (the ``status`` column of ties); an empty status counts as stated.
TIE_STATUSES: dict[str, Term] = _terms(
    [
        ("stated", "The source states that the tie exists (the default when the status is empty)."),
        ("proposed", "The source proposes the tie (e.g. a potential partner of a recommendation): not an observed tie."),
        ("cited", "The source cites one actor as a reference or example for the other: not a working tie."),
        ("declared", "A respondent declared the tie in a survey or interview (who and when: declared_by, declared_on)."),
        (
            "confirmed",
            "Both actors of the tie declared it, each in its own answer (ecograph merge): declared_by is the first, "
            "confirmed_by the second.",
        ),
    ]
)

SCOPES: dict[str, Term] = _terms(
    [
        ("local", "Based in and acting on the territory mapped."),
        ("regional", "Acting on the wider region."),
        ("national", "National organisation or platform."),
        ("international", "International organisation or platform."),
        ("elsewhere", "Based and acting outside the territory and its region: a reference or example from elsewhere."),
    ]
)

ROLES: dict[str, Term] = _terms(
    [
        ("founder", "Founded or co-founded the actor."),
        ("employee", "Paid staff."),
        ("volunteer", "Unpaid contributor."),
        ("board", "Member of the board or governance."),
        ("member", "Member of the association, network or community."),
        ("mentor", "Mentor, coach or expert contributing to the actor's programme."),
        ("student", "Student or trainee."),
        ("speaker", "Speaker or facilitator at an event."),
        ("consultant", "External consultant or researcher working with the actor."),
        ("other", "Any other role (describe it in an extra column)."),
    ]
)

TIE_TYPES: dict[str, Term] = _terms(
    [
        ("partnership", "The two actors work together as partners.", False),
        ("support", "The source supports or accompanies the target.", True),
        ("funding", "The source finances the target.", True),
        ("hosting", "The source hosts the target (premises, programme).", True),
        ("membership", "The source is a member of the target (network, cluster).", True),
        ("co_organisation", "The two actors organise something together, or the source co-organises the target event.", False),
        ("supply", "The source supplies goods or services to the target.", True),
        ("spin_off", "The target was created out of the source.", True),
        ("participation", "The source takes part in the target (event, programme).", True),
        ("inspiration", "The source is cited as an example for the target.", True),
    ]
)

_DEFAULTS: dict[str, dict[str, Term]] = {
    "kind": KINDS,
    "sphere": SPHERES,
    "sphere_status": SPHERE_STATUSES,
    "tie_status": TIE_STATUSES,
    "yes_no": YES_NO,
    "scope": SCOPES,
    "role": ROLES,
    "type": TIE_TYPES,
}


@dataclass
class Vocabulary:
    """The vocabularies in force for one dataset.

    Parameters
    ----------
    terms : mapping of field name to mapping of code to Term
        ``kind``, ``sphere``, ``sphere_status``, ``scope``, ``role``
        (affiliations) and ``type`` (ties).

    Examples
    --------
    >>> voc = Vocabulary().extended({"type": [Term("mentoring", "The source mentors the target.", True)]})
    >>> voc.is_directed("mentoring"), voc.is_valid("type", "partnership")
    (True, True)
    """

    terms: dict[str, dict[str, Term]] = field(default_factory=lambda: {k: dict(v) for k, v in _DEFAULTS.items()})

    @property
    def fields(self) -> list[str]:
        """Fields that have a vocabulary."""
        return list(self.terms)

    def codes(self, field_name: str) -> list[str]:
        """Valid codes of one field, in definition order."""
        return list(self.terms[field_name])

    def is_valid(self, field_name: str, code: str) -> bool:
        """Whether ``code`` is a valid code of ``field_name``."""
        return code in self.terms[field_name]

    def is_directed(self, tie_type: str) -> bool:
        """Whether ties of this type are directed (unknown types are not)."""
        term = self.terms["type"].get(tie_type)
        return bool(term and term.directed)

    def closest(self, field_name: str, code: str) -> str | None:
        """The valid code closest to ``code``, to suggest a fix."""
        lowered = {c.lower(): c for c in self.terms[field_name]}
        key = code.strip().lower().replace(" ", "_").replace("-", "_")
        if key in lowered:
            return lowered[key]
        match = difflib.get_close_matches(key, list(lowered), n=1, cutoff=0.5)
        return lowered[match[0]] if match else None

    def own_labels(self, lang: str | None = None, *, described: bool = True) -> dict[str, dict[str, str]]:
        """The dataset's own codes (not in the default vocabulary) by field, with how to name them.

        A code is named by its label in ``lang`` (``label_en``, ``label_fr``
        of ``vocabulary.csv``) when the dataset gives one, else by its
        description; ``described=False`` leaves out codes that have no label
        in ``lang`` (a list of counts shows their code rather than a sentence).

        >>> voc = Vocabulary().extended({"sphere": [Term("arts", "Arts and culture", False, (("fr", "arts et culture"),))]})
        >>> voc.own_labels(), voc.own_labels("fr"), voc.own_labels("en", described=False)
        ({'sphere': {'arts': 'Arts and culture'}}, {'sphere': {'arts': 'arts et culture'}}, {})
        """
        out: dict[str, dict[str, str]] = {}
        for field_name, terms in self.terms.items():
            defaults = _DEFAULTS.get(field_name, {})
            own = {}
            for code, t in terms.items():
                named = (t.label(lang) if lang else None) or (t.description if described else None)
                if code not in defaults and named:
                    own[code] = named
            if own:
                out[field_name] = own
        return out

    def extended(self, additions: Mapping[str, Iterable[Term]]) -> Vocabulary:
        """A copy with extra terms added (existing codes are redefined)."""
        terms = {k: dict(v) for k, v in self.terms.items()}
        for field_name, new_terms in additions.items():
            for term in new_terms:
                terms.setdefault(field_name, {})[term.code] = term
        return Vocabulary(terms)

    def to_frame(self):
        """All terms as a DataFrame (``field``, ``value``, ``directed``, ``description``)."""

        rows = [
            {"field": f, "value": t.code, "directed": t.directed if f == "type" else None, "description": t.description}
            for f, terms in self.terms.items()
            for t in terms.values()
        ]
        return pd.DataFrame(rows, columns=["field", "value", "directed", "description"])


def default_vocabulary() -> Vocabulary:
    """The built-in vocabularies, as a new :class:`Vocabulary`.

    Examples
    --------
    >>> "support_structure" in default_vocabulary().codes("kind")
    True
    """
    return Vocabulary()
