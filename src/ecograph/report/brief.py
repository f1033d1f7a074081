"""The report's first page: what the data cover, the findings, and what cannot be said yet.

It reads a :class:`~ecograph.Brief` and writes it in the reader's language;
it computes nothing.
"""

from __future__ import annotations

from typing import Any

from ..findings import Brief
from ..gaps import counted_coverage
from ..words import agreement, date, label, word
from .html import esc

__all__ = ["changes_html", "coverage_items", "first_page"]


def coverage_items(brief: Brief, lang: str) -> list[str]:
    """What the data cover, one sentence per fact (only the facts that apply)."""
    f = brief.facts
    n = f["actors"]
    group = brief.analysis.group_name if isinstance(brief.analysis.group, str) else ""  # "sphere", or the dataset's own word
    items = []
    meta_date = getattr(getattr(brief.analysis.eco, "metadata", None), "date", "")
    if meta_date:
        items.append(word("report.covers.dated", lang, date=date(meta_date, lang)))
    counted = _counted(brief, lang)
    if counted:
        items.append(counted)
    items.append(_actors_sentence(f, lang))
    if not f["tie_rows"] and not f["pairs"]:
        items.append(word("report.covers.no_ties", lang))
    else:
        linked_by_people = bool(f["people"]) and f["pairs"] != f["tie_pairs"]
        key = "report.covers.ties" if linked_by_people else "report.covers.ties_plain"
        if not f["tie_rows"]:
            key = "report.covers.people_ties_only"
        items.append(word(key, lang, rows=f["tie_rows"], pairs=f["pairs"], tied=f["tied"], n=n))
    if f["proposed"] or f["cited"]:
        items.append(word("report.covers.proposals", lang, proposed=f["proposed"], cited=f["cited"]))
    items += _declared_items(brief, lang)
    if group and f["group_known"]:  # a dataset without any value of the grouping is not told it lacks one
        what = label("column", group, lang)
        agree = agreement(what, brief.analysis.group_gender, lang)  # "La sphère est connue", "Le département est connu"
        if f["group_stated"] or f["group_inferred"]:
            items.append(
                word(
                    "report.covers.group_status",
                    lang,
                    what=what,
                    known=f["group_known"],
                    n=n,
                    stated=f["group_stated"],
                    inferred=f["group_inferred"],
                    **agree,
                )
            )
        else:
            items.append(word("report.covers.group", lang, what=what, known=f["group_known"], n=n, **agree))
    if f["founded_known"]:
        items.append(word("report.covers.founded", lang, known=f["founded_known"], n=n))
    if f["people"]:
        key = "report.covers.people" if f["moves"] else "report.covers.people_no_move"
        items.append(word(key, lang, people=f["people"], moves=f["moves"]))
    if f["rejected"]:
        items.append(word("report.covers.rejected", lang, rejected=f["rejected"]))
    if brief.without_inferred is not None:
        changes = brief.inferred_changes
        if not changes:
            items.append(word("report.covers.inferred_same", lang, inferred=f["group_inferred"]))
        for _with, without in changes:
            text = without.text(lang)
            items.append(word("report.covers.inferred_differs", lang, text=text.get("sentence") or text.get("withheld", "")))
    return items


def _declared_items(brief: Brief, lang: str) -> list[str]:
    """How many ties were declared by one side and confirmed by both (only the counts that are not zero), and whether the findings hold without the declared ones."""
    f = brief.facts
    declared, confirmed = f["declared"], f["confirmed"]
    if not declared and not confirmed:
        return []
    key = "waves.covers_declared_confirmed" if declared and confirmed else "waves.covers_declared" if declared else "waves.covers_confirmed"
    items = [word(key, lang, declared=declared, confirmed=confirmed)]
    if brief.confirmed_only is not None:
        changes = brief.confirmed_changes
        if not changes:
            items.append(word("waves.covers_confirmed_holds", lang, declared=declared))
        for mine, alone in changes:
            text = alone.text(lang) if alone is not None else {}
            said = text.get("sentence") or text.get("withheld") or word("waves.finding_gone", lang, question=mine.text(lang)["question"])
            items.append(word("waves.covers_confirmed_differs", lang, text=said))
    return items


def _actors_sentence(f: dict, lang: str) -> str:
    """How many actors, and what was set aside only when the dataset has it (recommendations, who made the data)."""
    recommendations, observers = f["recommendations"], f["observers"]
    if recommendations and observers:
        return word("report.covers.actors", lang, n=f["actors"], recommendations=recommendations, observers=observers)
    if recommendations:
        return word("report.covers.actors_recommendations", lang, n=f["actors"], recommendations=recommendations)
    if observers:
        return word("report.covers.actors_observers", lang, n=f["actors"], observers=observers)
    return word("report.covers.actors_plain", lang, n=f["actors"])


def _unknown(brief: Brief, lang: str) -> str:
    """What is still unknown, only what is missing (the sphere only where the dataset has spheres), or ""."""
    gaps, f = brief.gaps, brief.facts
    parts = []
    sphere = int(gaps["missing_sphere"].sum())
    if sphere and f["group_known"] and brief.analysis.group == "sphere":
        parts.append(word("report.cannot.unknown_sphere", lang, n=sphere))
    founded = int(gaps["missing_founded"].sum())
    if founded:
        parts.append(word("report.cannot.unknown_founded", lang, n=founded))
    tie = int(gaps["missing_tie"].sum())
    if tie:
        parts.append(word("report.cannot.unknown_tie", lang, n=tie))
    return word("report.cannot.unknown", lang, items=parts) if parts else ""


def _counted(brief: Brief, lang: str) -> str:
    """How many of the structures the source counted (the metadata's ``counted``) the data name, or ""."""
    table = counted_coverage(brief.analysis.eco)
    if not len(table):
        return ""
    total = table.loc["total"]
    spheres = [s for s in table.index if s not in ("total",) and not str(s).startswith("(") and table.loc[s, "dataset"] == 0]
    joined = word("report.covers.counted_or", lang).join(label("sphere", s, lang).lower() for s in spheres)
    unknown = [s for s in table.index if str(s).startswith("(")]
    unknown_n = int(table.loc[unknown[0], "dataset"]) if unknown else 0
    zero = ""
    if spheres and unknown_n:  # "none in production" is said of the actors whose sphere is known, not of all named
        known = int(total["dataset"]) - unknown_n
        zero = word("report.covers.counted_zero_known", lang, spheres=joined, known=known, unknown=unknown_n)
    elif spheres:
        zero = word("report.covers.counted_zero", lang, spheres=joined)
    return word("report.covers.counted", lang, counted=int(total["study"]), named=int(total["dataset"]), zero=zero)


def _finding_html(finding: Any, lang: str) -> str:
    t = finding.text(lang)
    return (
        "<li class='finding'>"
        f"<span class='question'>{esc(t['question'])}</span>"
        f"<span class='sentence'>{esc(t['sentence'])}</span>"
        f"<span class='confidence'>{esc(t['confidence'])}</span>"
        f"<span class='action'>{esc(t['action'])}</span>"
        "</li>"
    )


def _withheld_html(finding: Any, lang: str) -> str:
    t = finding.text(lang)
    return f"<li><strong>{esc(t['question'])}</strong> {esc(t['withheld'])} <span class='unlock'>{esc(t['unlock'])}</span></li>"


def changes_html(changes: Any, lang: str) -> str:
    """The section "Since the previous map" of a :class:`~ecograph.waves.WaveComparison` ("" without one)."""
    if changes is None:
        return ""
    items = "".join(f"<li>{esc(s)}</li>" for s in changes.sentences(lang))
    return f"<h2 class='first' id='changes'>{esc(word('waves.heading', lang))}</h2><ul class='changes'>{items}</ul>"


def first_page(brief: Brief, lang: str, *, gaps_file: str | None, changes: Any = None) -> str:
    """The first page, readable on its own and printed alone: what changed since the previous map (when given), coverage, findings, what cannot be said yet."""
    covers = "".join(f"<li>{esc(s)}</li>" for s in coverage_items(brief, lang))
    findings = "".join(_finding_html(f, lang) for f in brief.findings)
    cannot = [_withheld_html(f, lang) for f in brief.withheld]
    unknown = _unknown(brief, lang)
    workbook = word("report.cannot.workbook", lang, file=gaps_file) if gaps_file else ""
    if unknown or workbook:
        cannot.append("<li>" + esc(" ".join(t for t in (unknown, workbook) if t)) + "</li>")
    return (
        "<section class='brief'>"
        + changes_html(changes, lang)
        + f"<h2 class='first' id='covers'>{esc(word('report.section.covers', lang))}</h2><ul class='covers'>{covers}</ul>"
        f"<h2 class='first' id='findings'>{esc(word('report.section.findings', lang))}</h2><ol class='findings'>{findings}</ol>"
        f"<h2 class='first' id='cannot'>{esc(word('report.section.cannot', lang))}</h2><ul class='cannot'>{''.join(cannot)}</ul>"
        "</section>"
    )
