"""The report's detailed sections and its annexes, one function each.

Each function reads the values the :class:`~ecograph.Brief` and its
:class:`~ecograph.Analysis` computed once, and returns ``(key, html)``; none
computes a measure.
"""

from __future__ import annotations

from typing import Any

from ..findings import group_names
from ..gaps import sphere_status_counts
from ..measures.analysis import RANKING_BATCH
from ..measures.group_coverage import MIN_COVERAGE
from ..measures.robustness import BATCH, SETTLED_SE, STABLE_RANKING, Z_THRESHOLD
from ..views.records import group_words
from ..words import agreement, word
from .html import esc, table
from .tables import ReportTables

__all__ = ["SECTIONS", "Context", "sections"]


class Context:
    """What every section reads: the brief, the language, names, figures as inline images, the view's HTML."""

    def __init__(self, brief: Any, lang: str, tables: ReportTables, images: dict[str, str], view_html: str) -> None:
        self.brief = brief
        self.analysis = brief.analysis
        self.lang = lang
        self.tables = tables
        self.images = images
        self.view_html = view_html

    def w(self, key: str, **values: Any) -> str:
        return esc(word(f"report.{key}", self.lang, **values))

    def img(self, key: str) -> str:
        uri = self.images.get(key)
        return f"<img class='figure' alt='' src='{uri}'>" if uri else ""


def _coverage_note(c: Context, cov: Any) -> str:
    """How much of the grouping is known, in the grouping's own words ("21 actors of 100 have a known sphere")."""
    a = c.analysis
    named = group_names(a.group_name, c.lang)["group"]
    return word("measures.coverage_of", c.lang, group=named, **agreement(named, a.group_gender, c.lang), **cov.to_dict())


def _network(c: Context) -> str:
    # what the view's filter is headed by: the spheres, or the dataset's own groups
    group = group_words(c.analysis.sparse.graph.get("group"), c.lang)
    note = "note.network" if c.brief.dates_sufficient else "note.network_no_years"  # the map has no slider then
    return f"<p class='note'>{c.w(note, group=group)}</p>{c.view_html}<img class='figure print-only' alt='' src='{c.images['network']}'>"


def _outreach(c: Context) -> str:
    facts = c.brief.facts
    wl = c.tables.worklist_shown
    note = "note.outreach" if facts["scope_known"] else "note.outreach_unscoped"
    listed = len(c.brief.worklist)
    no_tie = int(c.analysis.standing["no_known_tie"].reindex(c.brief.worklist.index).sum())
    # the list is not a part of the actors without a tie: those barely tied are on it too, and the sentence says how many
    split = word(f"report.{note}_split", c.lang, no_tie=no_tie, others=listed - no_tie) if 0 < no_tie < listed else ""
    intro = c.w(note, isolates=facts["isolates"], listed=listed, split=split)
    firsts = c.brief.worklist["introducer_1"].dropna() if "introducer_1" in c.brief.worklist else []
    if len(firsts) > 1:  # the same few names recur in the three columns: the first ones are spread, the others are spares
        intro += " " + c.w("note.outreach_spread", most=int(firsts.value_counts().max()))
    return f"<p>{intro}</p>" + table(wl, lang=c.lang, max_rows=25, file="worklist")


def _connectors(c: Context) -> str:
    t = c.tables
    return (
        f"<p class='note'>{c.w('note.connectors')}</p>"
        + table(t.brokers_shown, lang=c.lang, max_rows=15, file="brokers")
        + f"<h3>{c.w('heading.key_players')}</h3><p class='note'>{c.w('note.key_players')}</p>"
        + table(t.key_players_shown, lang=c.lang)
        + c.img("brokers")
    )


def _communities(c: Context) -> str:
    t = c.tables
    singles = int((c.analysis.communities.sizes == 1).sum())
    return f"<p>{c.w('note.communities', singles=singles)}</p>" + table(
        t.communities_shown, lang=c.lang, max_rows=20, file="community_summary"
    )


def _groups(c: Context) -> str:
    a = c.analysis
    cov = a.coverage
    spheres = next((f for f in c.brief.candidates if f.code == "spheres"), None)
    if spheres is None:  # no actor has a value of the grouping: no section about groups the data do not have
        return ""
    text = spheres.text(c.lang)
    if not spheres.stated:
        return (
            f"<p>{esc(text.get('withheld', ''))} {esc(text.get('unlock', ''))}</p>"
            + f"<p class='note'>{esc(_coverage_note(c, cov))}</p>"
            + f"<h3>{c.w('heading.known_groups')}</h3>"
            + table(c.tables.groups_known, lang=c.lang)
        )
    return (
        f"<p>{esc(text.get('sentence', ''))} {esc(text.get('confidence', ''))}</p>"
        + f"<p class='note'>{esc(_coverage_note(c, cov))}</p>"
        + table(c.tables.block_density_shown, lang=c.lang, index=True)
        + c.img("density")
    )


def _flows(c: Context) -> str:
    flows = c.tables.flows_shown
    return table(flows, lang=c.lang, max_rows=30, file="people_flows") + c.img("flows")


def _evolution(c: Context) -> str:
    facts = c.brief.facts
    if not len(c.tables.evolution_shown):
        return f"<p>{c.w('note.no_dates', known=facts['founded_known'], n=facts['actors'])}</p>"
    return table(c.tables.evolution_shown, lang=c.lang, max_rows=40, file="evolution") + c.img("creations")


def _confidence(c: Context) -> str:
    return (
        f"<p class='note'>{c.w('note.robustness', batch=BATCH, ranking=STABLE_RANKING, ranking_batch=RANKING_BATCH, se=SETTLED_SE)}</p>"
        + table(c.tables.robustness_shown, lang=c.lang)
        + f"<p class='note'>{c.w('note.null_models', batch=BATCH, least=2 * BATCH, se=SETTLED_SE, z=Z_THRESHOLD)}</p>"
        + table(c.tables.null_models_shown, lang=c.lang)
    )


def _coverage(c: Context) -> str:
    t = c.tables
    out = ""
    if len(t.dataset_coverage_shown):
        out += f"<p>{c.w('note.dataset_coverage')}</p>" + table(t.dataset_coverage_shown, lang=c.lang)
    if len(t.data_warnings):
        out += f"<h3>{c.w('heading.data_warnings')}</h3>" + table(t.data_warnings, lang=c.lang)
    out += f"<h3>{c.w('heading.provenance')}</h3>" + table(t.provenance, lang=c.lang, max_rows=15, file="provenance")
    rejected = len(c.analysis.eco.rejected)
    if rejected:
        out += f"<p>{c.w('note.rejected', n=rejected)}</p>"
    return out


def _directions(c: Context) -> str:
    """Which ties were read as directed and weighted, then the directed and valued figures; one line when there are none."""
    a = c.analysis
    t = {k: int(v) for k, v in a.tie_treatment.items()}
    if not (t["ties"] or t["people_pairs"]):
        return ""
    if not (t["directed"] or t["weighted"]):
        return f"<p>{c.w('directions.none')}</p>"
    out = f"<p>{c.w('directions.treatment', **t)} "
    out += f"{c.w('directions.people', people_pairs=t['people_pairs'])} " if t["people_pairs"] else ""
    out += (c.w("directions.weights", weighted=t["weighted"]) if t["weighted"] else c.w("directions.no_weight")) + "</p>"
    out += table(c.tables.directions_shown, lang=c.lang)
    if not t["directed"]:
        return out + f"<p>{c.w('directions.no_direction')}</p>"
    out += f"<h4>{c.w('heading.directed_actors')}</h4>" + table(c.tables.directed_actors_shown, lang=c.lang, max_rows=10, file="directions")
    out += f"<h4>{c.w('heading.directed_roles')}</h4><p class='note'>{c.w('directions.roles')}</p>"
    roles = a.directed_roles
    reason = roles.attrs.get("reason")
    if reason:
        return out + f"<p>{esc(word(f'measures.reason.{reason}', c.lang))}</p>"
    cov = roles.attrs["coverage"]
    out += f"<p class='note'>{esc(_coverage_note(c, cov))}</p>"
    if not cov.is_sufficient():  # as the undirected roles: shown only when the groups are known well enough
        return out + f"<p>{esc(word('measures.withheld', c.lang, share=cov.share, threshold=MIN_COVERAGE))}</p>"
    shown = c.tables.directed_roles_shown
    return out + (table(shown, lang=c.lang, max_rows=10, file="directions") if len(shown) else f"<p>{c.w('directions.no_roles')}</p>")


def _methods(c: Context) -> str:
    own = c.analysis.group_name if c.analysis.group_name != "sphere" else None  # a dataset's own groups are named as such

    def text(key: str) -> str:
        if key == "unknown" and own is not None:
            return word("report.method.unknown.text_group", c.lang, group=own)
        return word(f"report.method.{key}.text", c.lang)

    status = sphere_status_counts(c.analysis.eco)  # an empty status column says nothing: only stated or inferred ones count
    known = own is None and int(status["stated"] + status["inferred"]) > 0
    keys = [k for k in METHODS if k != "spheres_known" or known]
    items = "".join(f"<dt><strong>{esc(word(f'report.method.{key}.title', c.lang))}</strong></dt><dd>{esc(text(key))}</dd>" for key in keys)
    return f"<dl>{items}</dl>"


#: The method notes, in order (their words are ``report.method.<key>.title`` and ``.text``).
METHODS = (
    "observed",
    "unknown",
    "spheres_known",
    "density",
    "ei",
    "communities",
    "brokers",
    "constraint",
    "participation",
    "betweenness",
    "directions",
    "robustness",
    "introducers",
)

#: The sections after the first page, in order: key, builder, whether it belongs to the annex.
SECTIONS = (
    ("network", _network, False),
    ("outreach", _outreach, False),
    ("connectors", _connectors, False),
    ("communities", _communities, False),
    ("groups", _groups, False),
    ("flows", _flows, False),
    ("evolution", _evolution, False),
    ("confidence", _confidence, True),
    ("coverage", _coverage, True),
    ("directions", _directions, True),
    ("methods", _methods, True),
)


def sections(c: Context) -> list[tuple[str, str, bool]]:
    """Every section that has something to show, as ``(key, html, in_annex)`` (a dataset without groups has no groups section)."""
    built = ((key, build(c), annex) for key, build, annex in SECTIONS)
    return [(key, html, annex) for key, html, annex in built if html]
