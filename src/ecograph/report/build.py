"""The main job: :func:`build_report` makes a :class:`Report` from an Ecosystem, :func:`run_report` writes it from a path.

Everything is computed once, by one :class:`~ecograph.Brief` (which holds
the :class:`~ecograph.Analysis`, the worklist and the key players); the
sections, the view, the figures and the tables only read its values.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
from collections.abc import Callable
from typing import Any

import pandas as pd

from ..ecosystem import Ecosystem, load
from ..errors import SchemaError
from ..findings import FINDING_CODES, Brief
from ..io import BIDI_CONTROLS, isolate_text, read_dataset_files
from ..measures.background import fewer_collections
from ..outputs import output_folder
from ..privacy import people_in_tables, people_mentioned, pseudonymised, pseudonyms, scrub_people
from ..version import __version__
from ..views import view
from ..views.communities import community_graph
from ..views.figures import figure_block_density, figure_brokers, figure_creations, figure_flows, figure_network
from ..walk import Walk
from ..waves import compare_maps
from ..words import check_language, word
from ..words import date as date_words
from .brief import first_page
from .document import GAPS_FILE, Report
from .draft import draft_walk
from .html import PAGE_CSS, esc, figure_png, figure_uri
from .present import PLAYER_CSS, player
from .sections import Context, sections
from .tables import ReportTables
from .walk_print import WALK_PRINT_FILE, walk_print_page

__all__ = ["STEPS", "build_report", "detect_language", "run_report"]

#: The steps the report announces, in order (words: ``report.step.<key>``).
STEPS = (*Brief.STEPS, "views", "writing")


def detect_language(eco: Ecosystem) -> str:
    """The dataset's language: its metadata's, else ``"fr"`` when names and communes look French, else ``"en"``.

    Examples
    --------
    >>> import ecograph as eg
    >>> detect_language(eg.datasets.dijon()), detect_language(eg.datasets.tiny())
    ('fr', 'en')
    """
    declared = getattr(getattr(eco, "metadata", None), "language", "")
    if declared:
        return declared
    text = " ".join(eco.actors["name"].astype(str)) + " " + " ".join(eco.actors.get("commune", pd.Series(dtype=str)).astype(str))
    if not text.strip():
        return "en"
    accented = sum(text.count(c) for c in "éèêàçùôîâëïÉÈ")
    words = text.lower().split()
    french = sum(w in {"de", "la", "le", "des", "du", "et", "les", "l'", "à"} for w in words)
    return "fr" if accented >= 3 or french >= max(3, len(words) // 50) else "en"


def _date(date: str | None) -> str:
    if date:
        return str(date)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return _dt.datetime.fromtimestamp(int(epoch), tz=_dt.timezone.utc).date().isoformat()
    return _dt.date.today().isoformat()


def _title(eco: Ecosystem, title: str | None, lang: str) -> str:
    if title:
        return title
    declared = getattr(getattr(eco, "metadata", None), "title", "")
    return declared or word("report.default_title", lang, name=eco.name)


def _meta_lines(eco: Ecosystem, lang: str, date: str) -> list[str]:
    meta = getattr(eco, "metadata", None)
    lines = []
    where = " · ".join(x for x in (getattr(meta, "territory", ""), getattr(meta, "period", "")) if x)
    if where:
        lines.append(where)
    if getattr(meta, "source", ""):
        lines.append(word("report.source", lang, source=meta.source))
    lines.append(word("report.generated", lang, date=date_words(date, lang), version=__version__))
    return lines


#: Columns that hold ids linking the tables: kept as they are when texts are isolated.
_ID_COLUMNS = {"affiliations": ("person", "actor"), "ties": ("source", "target")}


def _isolated_texts(frame: pd.DataFrame, keep: tuple[str, ...]) -> pd.DataFrame:
    """``frame`` with each text holding bidirectional controls wrapped in an isolate (the same frame when none does)."""
    changed = {}
    for col in frame.columns:
        column = frame[col]
        if col in keep or not (column.dtype == object or pd.api.types.is_string_dtype(column)):
            continue
        if not BIDI_CONTROLS.search("".join(v for v in column.tolist() if isinstance(v, str))):  # the whole column at once
            continue
        marked = column.map(lambda v: isinstance(v, str) and BIDI_CONTROLS.search(v) is not None).astype(bool)
        if marked.any():
            changed[col] = column.where(~marked, column[marked].map(isolate_text))
    return frame.assign(**changed) if changed else frame


def _isolated(eco: Ecosystem) -> Ecosystem:
    """The ecosystem as the page names it: a text holding U+202E and the like cannot reorder the sentence around it.

    Each such text (a name, a description) is wrapped in U+2068 … U+2069
    (:func:`ecograph.io.isolate_text`) wherever the report writes it; the
    files meant for spreadsheets leave the controls out
    (:func:`ecograph.io.spreadsheet_text`).
    """
    tables = {t: _isolated_texts(getattr(eco, t), _ID_COLUMNS.get(t, ())) for t in ("actors", "people", "affiliations", "ties")}
    if all(tables[t] is getattr(eco, t) for t in tables):
        return eco
    return dataclasses.replace(eco, **tables)


def _figures(brief: Brief, lang: str, v: Any, seed: int) -> dict[str, Any]:
    a = brief.analysis
    eco = a.network_eco
    connectors = a.brokers[a.standing["connector"].reindex(a.brokers.index).to_numpy()]  # the connectors, decided once
    if v.positions.index.equals(pd.Index(a.sparse.nodes)):  # the static map is the view's, same positions
        network = figure_network(a.graph, layout=v.positions, lang=lang, title="", seed=seed, label_first=connectors.index)
    else:  # the view draws one node per community: so does the map
        network = figure_network(
            community_graph(a, seed=seed, lang=lang), layout=v.positions, size="members", lang=lang, title="", seed=seed
        )
    figures = {"network": network}
    if len(connectors):
        on_paths = int((a.brokers["betweenness"] > 0).sum())  # the caption counts the connectors among all of them
        figures["brokers"] = figure_brokers(connectors, names=eco.actors["name"].astype(str), lang=lang, on_paths=on_paths)
    # figures of groups or years that are mostly unknown would only draw the unknown: left out, as the findings are
    if brief.dates_sufficient:
        figures["creations"] = figure_creations(eco, lang=lang)
    if int(a.flow_table.to_numpy().sum()):
        figures["flows"] = figure_flows(a.flow_table, lang=lang)
    if a.coverage.is_sufficient() and a.ei_index.computable:
        figures["density"] = figure_block_density(a.block_density, lang=lang)
    return figures


def _heading(key: str, lang: str, group: Any) -> str:
    """A section's title; the groups section is named after the grouping (spheres, or the attribute's name)."""
    if key == "groups" and group != "sphere":
        return word("report.section.groups_other", lang, name=group if isinstance(group, str) else word("findings.groups.", lang))
    return word(f"report.section.{key}", lang)


def _page(
    title: str,
    lang: str,
    meta: list[str],
    synthetic: bool,
    first: str,
    body: list[tuple[str, str, bool]],
    group: Any,
    date: str,
    player: str = "",
) -> str:
    nav = "<li><a href='#changes'>" + esc(word("waves.heading", lang)) + "</a></li>" if "id='changes'" in first else ""
    nav += "".join(f"<li><a href='#{key}'>{esc(word(f'report.section.{key}', lang))}</a></li>" for key in ("covers", "findings", "cannot"))
    nav += "".join(f"<li><a href='#{key}'>{esc(_heading(key, lang, group))}</a></li>" for key, _, _ in body)
    parts = []
    annex_open = False
    for key, html, annex in body:
        if annex and not annex_open:
            parts.append(f"<h2 class='annex' id='annex'>{esc(word('report.section.annex', lang))}</h2>")
            annex_open = True
        tag = "h3" if annex else "h2"
        parts.append(f"<{tag} id='{key}'>{esc(_heading(key, lang, group))}</{tag}>{html}")
    synthetic_note = f"<p class='synthetic'>{esc(word('common.synthetic', lang))}</p>" if synthetic else ""
    csp = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; frame-src about: data: blob:"
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<meta name='date' content='{esc(date)}'>"
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        f"<title>{esc(title)}</title><style>{PAGE_CSS}{PLAYER_CSS}</style></head><body>"
        f"<h1>{esc(title)}</h1>"
        + "".join(f"<p class='meta'>{esc(line)}</p>" for line in meta)
        + synthetic_note
        + first
        + f"<nav><h3>{esc(word('report.contents', lang))}</h3><ol>{nav}</ol></nav>"
        + "".join(parts)
        + player
        + "</body></html>"
    )


@fewer_collections()  # millions of objects that live to the end: the cycle collector need not walk them every 700
def build_report(
    eco: Ecosystem,
    *,
    lang: str | None = None,
    pseudonymise_people: bool = False,
    title: str | None = None,
    seed: int = 0,
    date: str | None = None,
    progress: Callable[[str], None] | None = None,
    group: Any = "sphere",
    walk: Walk | None = None,
    previous: Ecosystem | None = None,
    print_walk: bool = False,
) -> Report:
    """Compute the report of an Ecosystem: a brief on the first page, then the detailed sections and the annexes.

    Parameters
    ----------
    eco : Ecosystem
    lang : {"fr", "en"}, optional
        Defaults to the dataset's (:func:`detect_language`).
    pseudonymise_people : bool, default False
        No person's name or id in any file: people get stable pseudonyms.
    title : str, optional
        Defaults to the dataset's metadata title.
    seed : int, default 0
        Seed of every random step (communities, sampling, permutations, layout).
    date : str, optional
        Date shown on the page (default: ``SOURCE_DATE_EPOCH`` or today).
    progress : callable, optional
        Called with a short message before each long step.
    group : str, Series, mapping or partition, default "sphere"
        The grouping of every group-based measure.
    walk : Walk, optional
        The walk its presenter plays (:mod:`ecograph.walk`); drafted from the brief when not given.
    previous : Ecosystem, optional
        The previous map of the same ecosystem: the first page opens with
        what changed since (:func:`ecograph.waves.compare_maps`).
    print_walk : bool, default False
        Also make the walk's printable page (:func:`ecograph.report.walk_print_page`), written as
        ``walk-print.html`` beside the page; the presenter links to it.

    Examples
    --------
    >>> import ecograph as eg
    >>> report = build_report(eg.datasets.tiny(), lang="fr", date="2026-01-01")
    >>> "Ce que couvrent les données" in report.html, "Constats" in report.html
    (True, True)
    """
    lang = check_language(lang or detect_language(eco))
    say = progress or (lambda _msg: None)
    title = _title(eco, title, lang)
    original = eco
    aliases = pseudonyms(eco.people.index, lang=lang) if pseudonymise_people else {}
    if pseudonymise_people:  # every file below is written from tables that hold no person's name, id or other data
        eco = pseudonymised(eco, lang=lang)
    brief = Brief(_isolated(eco), group=group, seed=seed)
    a = brief.analysis
    brief.compute(lambda step: say(word(f"report.step.{step}", "en")))  # the null models of a large network on the second core
    say(word("report.step.views", "en"))
    v = view(
        a,
        highlight=["bridges", "cut_points", "to_reach", "connectors"],
        aggregate_above=5_000,
        lang=lang,
        title=title,
        seed=seed,
        time=brief.dates_sufficient,  # the evolution is withheld below the years it needs: the map does not suggest one
    )
    figures = _figures(brief, lang, v, seed)
    pngs = {key: figure_png(fig) for key, fig in figures.items()}  # drawn once: the page and figures/*.png hold the same bytes
    tables = ReportTables(brief, lang, {})
    context = Context(
        brief,
        lang,
        tables,
        {key: figure_uri(fig, pngs[key]) for key, fig in figures.items()},
        v._repr_html_().replace("<iframe ", '<iframe class="view" ', 1),
    )
    changes = None
    if previous is not None:
        before = pseudonymised(previous, lang=lang) if pseudonymise_people else previous
        changes = compare_maps(_isolated(before), brief, group=group, seed=seed)
    first = first_page(brief, lang, gaps_file=GAPS_FILE, changes=changes)
    day = _date(date)
    walk = draft_walk(brief, lang=lang) if walk is None else walk.check(eco, analysis=a, codes=FINDING_CODES)
    if pseudonymise_people:  # an edited walk may name people: their pseudonyms are shown
        walk = _scrubbed_walk(walk, people_mentioned(original), aliases, lang)
    positions = v.positions if v.positions.index.equals(pd.Index(a.sparse.nodes)) else None  # the map's, when it draws each actor
    walk_page = walk_print_page(walk, brief, lang=lang, positions=positions, seed=seed) if print_walk else ""
    shown = player(walk, a, lang, print_page=WALK_PRINT_FILE if print_walk else None)
    named = brief.analysis.group_name or group  # the dataset's own word for its groups ("faction"), else the grouping
    page = _page(title, lang, _meta_lines(eco, lang, day), eco.synthetic, first, sections(context), named, day, shown)
    summary = word("report.summary_note", lang) + "\n\n" + a.summary.text(lang)
    validation = (
        word("report.validation_valid", "en")
        if not eco.problems
        else word("report.validation_problems", "en", problems=len(eco.problems), rows=len(eco.rejected)) + "\n" + eco.validation_report()
    )
    files = dict(tables.files)
    files["rejected"] = _rejected_table(original, pseudonymise_people)
    if pseudonymise_people:
        people = people_mentioned(original)
        summary = scrub_people(summary, people, aliases, lang=lang)
        validation = scrub_people(
            word("report.validation_valid", "en")
            if not original.problems
            else word("report.validation_problems", "en", problems=len(original.problems), rows=len(original.rejected))
            + "\n"
            + original.validation_report(),
            people,
            aliases,
            lang=lang,
        )
    return Report(title, lang, files, figures, page, summary, validation, gaps_source=eco, gaps=brief.gaps, walk_page=walk_page, pngs=pngs)


def _scrubbed_walk(walk: Walk, people: dict[str, str], aliases: dict[str, str], lang: str) -> Walk:
    """The walk with every person's name and id in its texts replaced by their pseudonym."""

    def scrubbed(texts: dict[str, str]) -> dict[str, str]:
        return {k: scrub_people(t, people, aliases, lang=lang) for k, t in texts.items()}

    steps = [dataclasses.replace(s, title=scrubbed(s.title), caption=scrubbed(s.caption), notes=scrubbed(s.notes)) for s in walk.steps]
    return Walk(scrubbed(walk.title), steps, walk.lang)


def run_report(
    path: str | os.PathLike,
    output: str | os.PathLike,
    *,
    quiet: bool = False,
    name: str | None = None,
    lang: str | None = None,
    pseudonymise_people: bool = False,
    title: str | None = None,
    seed: int = 0,
    date: str | None = None,
    echo: Callable[[str], None] = print,
    force: bool = False,
    walk: Walk | None = None,
    previous: str | os.PathLike | None = None,
    print_walk: bool = False,
) -> int:
    """Validate ``path``, build the report and write it under ``output``; return the exit status.

    0 when the dataset is valid; 1 when rows were rejected (the report covers
    the valid rows and says so) or when the dataset cannot be read at all
    (then ``output`` holds only ``validation.txt``). ``output`` follows
    :mod:`ecograph.outputs` (``force`` replaces a folder holding other files).
    ``previous``, the folder of the previous map, opens the first page with
    what changed since (its invalid rows are left out, as the report's are).
    ``print_walk`` also writes ``walk-print.html``, the walk one step per printed page.

    Examples
    --------
    >>> import tempfile, ecograph as eg
    >>> run_report(eg.datasets.dijon_path(), tempfile.mkdtemp(), quiet=True, echo=lambda text: None)
    0
    """
    total = len(STEPS) + 1
    count = [1]

    def step(text: str) -> None:
        count[0] += 1
        if not quiet:
            echo(word("report.progress", "en", step=count[0], total=total, text=text))

    if not quiet:
        echo(word("report.progress", "en", step=1, total=total, text=word("report.step.validating", "en", path=path)))
    try:
        eco = load(path, on_error="collect", name=name)
    except SchemaError as exc:
        text = str(exc)
        if pseudonymise_people:  # no loaded people to go by: every person the files mention
            people = people_in_tables(read_dataset_files(path)[0])
            text = scrub_people(text, people, pseudonyms(people, lang=lang or "en"))
        with output_folder(output, command="report", force=force) as out:
            (out / "validation.txt").write_text(text + "\n", encoding="utf-8", newline="\n")
        echo(text)
        return 1
    if walk is not None:  # its actor ids and spheres checked before the long computations (its communities after)
        walk.check(eco)
    before = load(previous, on_error="collect") if previous is not None else None
    report = build_report(
        eco,
        lang=lang,
        pseudonymise_people=pseudonymise_people,
        title=title,
        seed=seed,
        date=date,
        progress=step,
        walk=walk,
        previous=before,
        print_walk=print_walk,
    )
    step(word("report.step.writing", "en"))
    page = report.write(output, force=force)
    echo(word("report.written", "en", page=page))
    return 1 if eco.problems else 0


def _rejected_table(eco: Ecosystem, pseudonymise: bool) -> pd.DataFrame:
    """The rows validation set aside, with their reasons (people's rows hidden, and people scrubbed, when pseudonymising)."""
    if not len(eco.rejected):
        return pd.DataFrame()
    table = eco.rejected.copy()
    personal = table["table"].isin(["people", "affiliations"])
    table["cells"] = [
        word("common.personal_data_hidden", "en") if pseudonymise and hide else "; ".join(f"{k}={v}" for k, v in cells.items())
        for cells, hide in zip(table["cells"], personal)
    ]
    if pseudonymise:
        people = people_mentioned(eco)
        for column in ("reasons", "cells"):
            table[column] = [scrub_people(str(text), people, {}) for text in table[column]]
    return table
