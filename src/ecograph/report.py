"""The main job: a one-file HTML report for a steering committee, with its tables and figures.

:func:`build_report` computes every measure once through the package, and
:meth:`Report.write` writes:

``report.html``
    one self-contained page (scripts, styles and images inlined; no request
    to any other origin) that reads on a laptop and prints on A4: key figures
    in plain words, the interactive network, sphere × sphere density,
    communities against spheres, connectors and brokers, isolated actors and
    the outreach worklist, people flows, evolution by year, robustness, data
    coverage and provenance, and method notes with references;
``tables/*.csv`` and ``tables.xlsx``
    every table behind it, complete (the page truncates long ones);
``figures/*.png`` and ``figures/*.svg``
    the static figures, for slides;
``validation.txt`` and ``summary.txt``
    the dataset check and its summary.

With ``pseudonymise_people`` no person's name or id appears in any file:
people get stable pseudonyms (:mod:`ecograph.privacy`). Two runs on the same
input and seed write identical files; the date shown is today's unless fixed
with ``date=`` or the ``SOURCE_DATE_EPOCH`` environment variable.

Examples
--------
>>> import tempfile, pathlib, ecograph as eg
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> report = build_report(eg.datasets.tiny(), lang="en", date="2026-01-01")
>>> path = report.write(out)
>>> path.name, (out / "tables.xlsx").exists(), (out / "figures" / "network.svg").exists()
('report.html', True, True)
"""

from __future__ import annotations

import base64
import datetime as _dt
import html
import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .io import clean_text, write_spreadsheet_csv, write_xlsx
from .outputs import output_folder

__all__ = ["Report", "build_report", "run_report", "detect_language"]


TEXT = {
    "en": {
        "report": "Ecosystem report",
        "generated": "Generated on {date} with ecograph {version}",
        "synthetic": "SYNTHETIC DATA: every figure below describes generated data, not a real territory.",
        "contents": "Contents",
        "key": "Key figures",
        "network": "The network",
        "density": "Density between spheres",
        "communities": "Communities and spheres",
        "brokers": "Connectors and brokers",
        "isolated": "Isolated actors and outreach",
        "flows": "People flows",
        "evolution": "Evolution by year",
        "robustness": "How robust are these figures?",
        "coverage": "Data coverage and provenance",
        "methods": "Method notes",
        "network_note": "Hover over or click an actor; search one to see its neighbourhood; filter by sphere, kind or tie type. Printed, the page shows the static map.",
        "truncated": "Showing {shown} of {total} rows; the complete table is in tables/{file}.csv and tables.xlsx.",
        "none": "None.",
        "no_dates": "The dataset has too few dates to follow its evolution year by year.",
        "sphere": "sphere",
        "actors_ties": "{n} actors and {m} known ties between them ({t} ties recorded in the tables); {i} actors have no known tie.",
        "density_sentence": "The network's density is {d:.1%}: {m} ties out of {p} possible.",
        "components_sentence": "The main network gathers {share:.0%} of the actors; {c} other groups are cut off from it.",
        "ei_sentence": "E-I index across spheres: {ei:+.2f} (−1: all ties inside spheres, +1: all across). Spheres assigned at random would give {exp:+.2f}; {verdict}",
        "ei_inside": "ties stay inside spheres more than chance would (p = {p:.3f}).",
        "ei_chance": "spheres mix about as much as chance would (p = {p:.3f}).",
        "ei_across": "ties cross spheres more than chance would (p = {p:.3f}).",
        "rare_pair": "Ties between the {a} and {b} spheres are rare: {k} out of {p} possible.",
        "dense_group": "Ties are densest inside the {a} sphere: {k} out of {p} possible.",
        "communities_sentence": "{k} communities detected ({single} of them a single actor; modularity {q:.2f}); their overlap with the spheres is {level} (NMI {nmi:.2f}).",
        "no_sphere_note": "The {k} actors without a sphere count as one more group.",
        "low": "low",
        "medium": "medium",
        "high": "high",
        "connectors_sentence": "Main connectors: {names}.",
        "isolated_sentence": "{n} actors are isolated or peripheral; {w} of them have at least one suggested introducer.",
        "moves_sentence": "{n} moves of people between structures are recorded.",
        "robust_sentence": "With 10% of actors missing at random, density would lie between {lo:.3f} and {hi:.3f} (observed {obs:.3f}).",
        "key_players": "Key players: the actors whose departure would fragment the network most",
        "short_roles": {
            "cut point": "cut point",
            "coordinator": "coordinator",
            "itinerant": "consultant",
            "gatekeeper": "gatekeeper",
            "representative": "representative",
            "liaison": "liaison",
        },
        "role_words": {
            "coordinator": "coordinator (links actors of its own sphere)",
            "itinerant": "consultant (links actors of another sphere)",
            "gatekeeper": "gatekeeper (brings outsiders into its sphere)",
            "representative": "representative (carries its sphere outward)",
            "liaison": "liaison (links two other spheres)",
            "": "—",
        },
    },
    "fr": {
        "report": "Rapport sur l'écosystème",
        "generated": "Produit le {date} avec ecograph {version}",
        "synthetic": "DONNÉES SYNTHÉTIQUES : tous les chiffres ci-dessous décrivent des données générées, pas un territoire réel.",
        "contents": "Sommaire",
        "key": "Chiffres clés",
        "network": "Le réseau",
        "density": "Densité entre les sphères",
        "communities": "Communautés et sphères",
        "brokers": "Connecteurs et intermédiaires",
        "isolated": "Acteurs isolés et mise en relation",
        "flows": "Passages de personnes",
        "evolution": "Évolution par année",
        "robustness": "Quelle confiance accorder à ces chiffres ?",
        "coverage": "Couverture et provenance des données",
        "methods": "Notes de méthode",
        "network_note": "Survolez ou cliquez un acteur ; cherchez-en un pour voir son voisinage ; filtrez par sphère, type ou type de lien. À l'impression, la page montre la carte statique.",
        "truncated": "{shown} lignes affichées sur {total} ; le tableau complet est dans tables/{file}.csv et tables.xlsx.",
        "none": "Aucun.",
        "no_dates": "Le jeu de données compte trop peu de dates pour suivre son évolution année par année.",
        "sphere": "sphère",
        "actors_ties": "{n} acteurs et {m} liens connus entre eux ({t} liens enregistrés dans les tables) ; {i} acteurs n'ont aucun lien connu.",
        "density_sentence": "La densité du réseau est de {d:.1%} : {m} liens sur {p} possibles.",
        "components_sentence": "Le réseau principal réunit {share:.0%} des acteurs ; {c} autres groupes en restent séparés.",
        "ei_sentence": "Indice E-I entre sphères : {ei:+.2f} (−1 : tous les liens à l'intérieur des sphères, +1 : tous entre sphères). Des sphères attribuées au hasard donneraient {exp:+.2f} ; {verdict}",
        "ei_inside": "les liens restent davantage à l'intérieur des sphères que le hasard ne le voudrait (p = {p:.3f}).",
        "ei_chance": "les sphères se mélangent à peu près comme le voudrait le hasard (p = {p:.3f}).",
        "ei_across": "les liens traversent les sphères plus que le hasard ne le voudrait (p = {p:.3f}).",
        "rare_pair": "Les liens entre les sphères {a} et {b} sont rares : {k} liens sur {p} possibles.",
        "dense_group": "Les liens sont les plus denses au sein de la sphère {a} : {k} liens sur {p} possibles.",
        "communities_sentence": "{k} communautés détectées (dont {single} d'un seul acteur ; modularité {q:.2f}) ; leur recoupement avec les sphères est {level} (NMI {nmi:.2f}).",
        "no_sphere_note": "Les {k} acteurs sans sphère comptent comme un groupe de plus.",
        "low": "faible",
        "medium": "moyen",
        "high": "fort",
        "connectors_sentence": "Principaux connecteurs : {names}.",
        "isolated_sentence": "{n} acteurs sont isolés ou périphériques ; {w} d'entre eux ont au moins un introducteur suggéré.",
        "moves_sentence": "{n} passages de personnes d'une structure à une autre sont enregistrés.",
        "robust_sentence": "Si 10 % des acteurs manquaient au hasard, la densité serait comprise entre {lo:.3f} et {hi:.3f} (observée : {obs:.3f}).",
        "key_players": "Acteurs clés : ceux dont le départ fragmenterait le plus le réseau",
        "short_roles": {
            "cut point": "point d'articulation",
            "coordinator": "coordinateur",
            "itinerant": "consultant",
            "gatekeeper": "gardien",
            "representative": "représentant",
            "liaison": "agent de liaison",
        },
        "role_words": {
            "coordinator": "coordinateur (relie des acteurs de sa sphère)",
            "itinerant": "consultant (relie des acteurs d'une autre sphère)",
            "gatekeeper": "gardien (fait entrer des acteurs extérieurs dans sa sphère)",
            "representative": "représentant (porte sa sphère vers l'extérieur)",
            "liaison": "agent de liaison (relie deux autres sphères)",
            "": "—",
        },
    },
}

METHOD_NOTES = {
    "en": [
        (
            "Density",
            "Share of possible ties that exist; between two groups A and B, ties / (|A|·|B|); within a group, ties / (|A|(|A|−1)/2).",
        ),
        (
            "E-I index",
            "Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises. Social Psychology Quarterly 51(2), 123–140. Significance by random relabelling of actors (as UCINET).",
        ),
        (
            "Communities",
            "Traag, V. A., Waltman, L. & van Eck, N. J. (2019). From Louvain to Leiden: guaranteeing well-connected communities. Scientific Reports 9, 5233; Blondel, V. D. et al. (2008). Fast unfolding of communities in large networks. J. Stat. Mech. P10008.",
        ),
        (
            "Brokerage roles",
            "Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation. Sociological Methodology 19, 89–126. An undirected tie counts in both directions.",
        ),
        (
            "Constraint and effective size",
            "Burt, R. S. (1992). Structural Holes. Harvard University Press; Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy measures. Connections 20(1).",
        ),
        (
            "Participation coefficient",
            "Guimerà, R. & Amaral, L. A. N. (2005). Functional cartography of complex metabolic networks. Nature 433, 895–900.",
        ),
        (
            "Betweenness",
            "Freeman, L. C. (1977). Sociometry 40, 35–41; estimated from sampled sources above 5,000 actors (Brandes & Pich 2007).",
        ),
        (
            "Robustness",
            "Smith, J. A. & Moody, J. (2013). Structural effects of network sampling coverage I: nodes missing at random. Social Networks 35(4), 652–668.",
        ),
        (
            "Introducers",
            "Adamic, L. A. & Adar, E. (2003). Friends and neighbors on the Web. Social Networks 25(3), 211–230; key players: Borgatti, S. P. (2006), Computational & Mathematical Organization Theory 12, 21–34.",
        ),
    ],
    "fr": [
        (
            "Densité",
            "Part des liens possibles qui existent ; entre deux groupes A et B, liens / (|A|·|B|) ; au sein d'un groupe, liens / (|A|(|A|−1)/2).",
        ),
        (
            "Indice E-I",
            "Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises. Social Psychology Quarterly 51(2), 123–140. Significativité par réattribution aléatoire des sphères (comme UCINET).",
        ),
        (
            "Communautés",
            "Traag, V. A., Waltman, L. & van Eck, N. J. (2019). From Louvain to Leiden: guaranteeing well-connected communities. Scientific Reports 9, 5233 ; Blondel, V. D. et al. (2008). Fast unfolding of communities in large networks. J. Stat. Mech. P10008.",
        ),
        (
            "Rôles d'intermédiaire",
            "Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation. Sociological Methodology 19, 89–126. Un lien non orienté compte dans les deux sens.",
        ),
        (
            "Contrainte et taille effective",
            "Burt, R. S. (1992). Structural Holes. Harvard University Press ; Borgatti, S. P. (1997). Connections 20(1).",
        ),
        (
            "Coefficient de participation",
            "Guimerà, R. & Amaral, L. A. N. (2005). Functional cartography of complex metabolic networks. Nature 433, 895–900.",
        ),
        (
            "Intermédiarité",
            "Freeman, L. C. (1977). Sociometry 40, 35–41 ; estimée par échantillonnage au-delà de 5 000 acteurs (Brandes & Pich 2007).",
        ),
        (
            "Robustesse",
            "Smith, J. A. & Moody, J. (2013). Structural effects of network sampling coverage I: nodes missing at random. Social Networks 35(4), 652–668.",
        ),
        (
            "Introducteurs",
            "Adamic, L. A. & Adar, E. (2003). Friends and neighbors on the Web. Social Networks 25(3), 211–230 ; acteurs clés : Borgatti, S. P. (2006), Computational & Mathematical Organization Theory 12, 21–34.",
        ),
    ],
}

PAGE_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #222; max-width: 1100px; margin: 0 auto; padding: 16px 24px; line-height: 1.45; }
h1 { font-size: 26px; margin-bottom: 4px; } h2 { font-size: 20px; border-bottom: 2px solid #0072B2; padding-bottom: 3px; margin-top: 36px; }
h3 { font-size: 15px; margin-bottom: 4px; }
.meta { color: #555; font-size: 13px; } .synthetic { color: #b00; font-weight: bold; border: 2px solid #b00; padding: 6px 10px; }
.key { font-size: 16px; } .key li { margin: 6px 0; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0; } th, td { border: 1px solid #ccc; padding: 3px 7px; text-align: left; vertical-align: top; }
th { background: #f0f4f8; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: #555; font-size: 12.5px; } img.figure { max-width: 100%; height: auto; }
iframe.view { width: 100%; height: 680px; border: 1px solid #ccc; }
.print-only { display: none; }
nav ol { columns: 2; font-size: 14px; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; } nav { display: none; }
  h2 { page-break-before: always; } h2.first { page-break-before: avoid; }
  iframe.view { display: none; } .print-only { display: block; }
  table { page-break-inside: auto; } tr { page-break-inside: avoid; }
}
"""


#: Column headers shown on the page (the CSV and XLSX files keep the codes).
COLUMN_LABELS = {
    "en": {"group": "sphere", "dominant_sphere": "main sphere", "dominant_share": "share of the main sphere", "community": "community", "size": "actors",
           "name": "name", "sphere": "sphere", "degree": "ties", "betweenness": "betweenness", "participation": "participation", "constraint": "constraint",
           "role": "role", "step": "step", "pairs_disconnected": "pairs disconnected", "largest_component_share": "largest group left", "person": "person",
           "source": "from", "target": "to", "year": "year", "measure": "measure", "observed": "observed", "mean": "mean", "ci_low": "95% low",
           "ci_high": "95% high", "samples": "samples", "statistic": "statistic", "z": "z", "p_greater": "p (higher)", "p_less": "p (lower)",
           "study": "study", "dataset": "dataset", "share": "share", "rows": "rows"},
    "fr": {"group": "sphère", "dominant_sphere": "sphère principale", "dominant_share": "part de la sphère principale", "community": "communauté", "size": "acteurs",
           "name": "nom", "sphere": "sphère", "degree": "liens", "betweenness": "intermédiarité", "participation": "participation", "constraint": "contrainte",
           "role": "rôle", "step": "étape", "pairs_disconnected": "paires déconnectées", "largest_component_share": "plus grand groupe restant", "person": "personne",
           "source": "de", "target": "vers", "year": "année", "measure": "mesure", "observed": "observé", "mean": "moyenne", "ci_low": "bas (95 %)",
           "ci_high": "haut (95 %)", "samples": "tirages", "statistic": "statistique", "z": "z", "p_greater": "p (plus haut)", "p_less": "p (plus bas)",
           "study": "étude", "dataset": "jeu de données", "share": "part", "rows": "lignes", "actors": "acteurs", "ties": "liens", "density": "densité",
           "mean_degree": "liens par acteur", "components": "groupes séparés", "isolates": "isolés", "ei_index": "indice E-I", "group_modularity": "modularité des sphères"},
}  # fmt: skip


def detect_language(eco: Any) -> str:
    """``"fr"`` when the actors' names and descriptions look French, else ``"en"``.

    Examples
    --------
    >>> import ecograph as eg
    >>> detect_language(eg.datasets.dijon()), detect_language(eg.datasets.tiny())
    ('fr', 'en')
    """
    text = " ".join(eco.actors["name"].astype(str)) + " " + " ".join(eco.actors.get("commune", pd.Series(dtype=str)).astype(str))
    if not text.strip():
        return "en"
    accented = sum(text.count(c) for c in "éèêàçùôîâëïÉÈ")
    words = text.lower().split()
    french = sum(w in {"de", "la", "le", "des", "du", "et", "les", "l'", "à"} for w in words)
    return "fr" if accented >= 3 or french >= max(3, len(words) // 50) else "en"


def _fixed_date(date: str | None) -> str:
    if date:
        return str(date)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return _dt.datetime.fromtimestamp(int(epoch), tz=_dt.timezone.utc).date().isoformat()
    return _dt.date.today().isoformat()


def _esc(value: Any) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, float):
        return html.escape(f"{value:.4g}")
    return html.escape(str(value))


def _table(df: pd.DataFrame, *, max_rows: int | None = None, file: str | None = None, lang: str = "en", index: bool = False) -> str:
    """An HTML table with every cell escaped."""
    frame = df.reset_index() if index else df
    shown = frame.head(max_rows) if max_rows else frame
    labels = COLUMN_LABELS.get(lang, {})
    head = "".join(f"<th>{_esc(labels.get(str(c), c))}</th>" for c in shown.columns)
    rows = []
    for rec in shown.itertuples(index=False, name=None):
        cells = "".join(
            f'<td class="num">{_esc(v)}</td>'
            if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)
            else f"<td>{_esc(v)}</td>"
            for v in rec
        )
        rows.append(f"<tr>{cells}</tr>")
    note = ""
    if max_rows and len(frame) > max_rows:
        note = f'<p class="note">{_esc(TEXT[lang]["truncated"].format(shown=max_rows, total=len(frame), file=file))}</p>'
    if not len(frame):
        return f"<p>{_esc(TEXT[lang]['none'])}</p>"
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{note}"


def _png_data_uri(fig: Any) -> str:
    """The figure as an inline PNG (the figure stays open: it is saved to files later)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


@dataclass
class Report:
    """Everything the report shows: tables, figures and the page. Build it with :func:`build_report`.

    Examples
    --------
    >>> import ecograph as eg
    >>> report = build_report(eg.datasets.tiny(), date="2026-01-01")
    >>> report.lang, sorted(report.figures)
    ('en', ['brokers', 'creations', 'density', 'flows', 'network'])
    """

    title: str
    lang: str
    tables: dict[str, pd.DataFrame]
    figures: dict[str, Any]
    html: str
    summary: str
    validation: str
    notes: list[str] = field(default_factory=list)

    def write(self, output: str | os.PathLike, *, force: bool = False) -> Path:
        """Write the page, tables, workbook and figures into the folder ``output``; return the page's path.

        The folder follows :mod:`ecograph.outputs`: it is written whole in a
        temporary place and then replaces the earlier report there (nothing
        stale is left); a folder holding other files is refused with an
        :class:`~ecograph.errors.OutputError` unless ``force``. The CSV
        tables neutralise formulas (:func:`ecograph.io.write_spreadsheet_csv`);
        characters no file may hold are replaced (:func:`ecograph.io.clean_text`).
        """
        from .figures import save_figure

        with output_folder(output, command="report", force=force) as out:
            (out / "tables").mkdir()
            (out / "figures").mkdir()
            (out / "report.html").write_text(clean_text(self.html), encoding="utf-8", newline="\n")
            tables = {name: df for name, df in self.tables.items() if len(df.columns)}  # a section with no data has no table
            for name, df in tables.items():
                write_spreadsheet_csv(df, out / "tables" / f"{name}.csv")
            write_xlsx(tables, out / "tables.xlsx", widths=False)
            for name, fig in self.figures.items():
                save_figure(fig, out / "figures" / name)
            (out / "summary.txt").write_text(clean_text(self.summary) + "\n", encoding="utf-8", newline="\n")
            (out / "validation.txt").write_text(clean_text(self.validation) + "\n", encoding="utf-8", newline="\n")
        return Path(output).expanduser().resolve() / "report.html"


def build_report(
    eco: Any,
    *,
    lang: str | None = None,
    pseudonymise_people: bool = False,
    title: str | None = None,
    seed: int = 0,
    date: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Compute every section of the report for an Ecosystem.

    Parameters
    ----------
    eco : Ecosystem
    lang : {"fr", "en"}, optional
        Defaults to :func:`detect_language`.
    pseudonymise_people : bool, default False
    title : str, optional
    seed : int, default 0
        Seed of every random step (communities, sampling, permutations, layout).
    date : str, optional
        Date shown on the page (default: ``SOURCE_DATE_EPOCH`` or today).
    progress : callable, optional
        Called with a short message before each long step.

    Examples
    --------
    >>> import ecograph as eg
    >>> report = build_report(eg.datasets.tiny(), lang="fr", date="2026-01-01")
    >>> "Chiffres clés" in report.html, len(report.tables["key_figures"]) > 10
    (True, True)
    """
    from . import __version__
    from .bridges import bridges, cut_points
    from .brokerage import brokers
    from .communities import detect_communities
    from .density import block_density, mixing_matrix
    from .ei import ei_index
    from .evolution import evolution, headline_measures
    from .figures import figure_block_density, figure_brokers, figure_creations, figure_flows, figure_network
    from .flows import flow_table, people_flows
    from .isolation import isolated_actors
    from .outreach import key_players, outreach_worklist, worklist_table
    from .privacy import pseudonyms
    from .robustness import null_model_tests, robustness
    from .views import view
    from .vocabulary import SPHERE_LABELS

    lang = lang or detect_language(eco)
    if lang not in TEXT:
        raise ValueError("lang must be 'fr' or 'en'")
    T = TEXT[lang]
    say = progress or (lambda _msg: None)
    title = title or f"{T['report']} — {eco.name}"
    sphere_label = SPHERE_LABELS[lang]
    names = eco.actors["name"].astype(str)
    people_alias = pseudonyms(eco.people.index, lang=lang) if pseudonymise_people else {}

    say("graph and headline measures")
    G = eco.graph()
    S = eco.sparse_graph()
    head = headline_measures(S)
    n, m = int(head["actors"]), int(head["ties"])
    possible = n * (n - 1) // 2

    say("density and E-I index")
    bd = block_density(S, "sphere")
    mm = mixing_matrix(S, "sphere")
    ei_test = ei_index(S, "sphere", permutations=1000, seed=seed) if m else None
    ei_groups = ei_index(S, "sphere", level="group") if m else pd.DataFrame()

    say("communities")
    comms = detect_communities(S, seed=seed)
    agreement = comms.compare("sphere")

    say("brokers, bridges and cut points")
    br = brokers(S, "sphere", seed=seed)
    bridge_table = bridges(S)
    cuts = cut_points(S)

    say("isolated actors and outreach")
    if n >= 2:
        worklist = outreach_worklist(eco, seed=seed)
        kp = key_players(S, k=5, seed=seed)
    else:  # one actor: nobody to introduce, nothing to fragment
        worklist = pd.DataFrame(columns=["name", "sphere", "kind", "reason", "degree", "introducer_1"])
        kp = pd.DataFrame(
            columns=[
                "step",
                "actor",
                "name",
                "kind",
                "cut_point",
                "role",
                "pairs_disconnected",
                "largest_component_share",
                "groups_cut_off",
            ]
        )

    say("people flows and evolution")
    flows = people_flows(eco)
    ftable = flow_table(eco)
    years = sorted({int(y) for y in eco.actors["founded"].dropna()})
    ev = evolution(eco, range(years[0], years[-1] + 1)) if len(years) >= 3 else pd.DataFrame()

    say("robustness and significance")
    samples = 100 if n <= 2000 else 30
    robust = [
        robustness(S, "density", samples=samples, seed=seed).to_series(),
        robustness(S, "ei_index", samples=samples, seed=seed).to_series() if m else None,
        robustness(S, "group_modularity", samples=samples, seed=seed).to_series() if m else None,
        robustness(S, "top_brokers", k=10, samples=max(10, samples // 3), seed=seed).to_series() if m else None,
    ]
    robust_df = pd.DataFrame([r for r in robust if r is not None]).reset_index(drop=True)
    statistics = ["cross_group_density", "ei_index", "modularity"]
    nulls = pd.DataFrame(
        [t.to_series() for t in null_model_tests(S, statistics, samples=50 if n <= 2000 else 20, seed=seed)] if m >= 2 else []
    )

    say("views and figures")
    # connectors are organisations: programmes and events are where people meet, not who connects them
    organisations = eco.actors.index[~eco.actors["kind"].isin(["programme", "event"])]
    v = view(
        G,
        highlight={"bridges": bridge_table, "cut_points": cuts, "isolated": isolated_actors(S), "brokers": br},
        aggregate_above=5_000,  # an e-mail attachment: communities above 5,000 actors (eg.view draws up to 30,000 one by one)
        lang=lang,
        title=title,
        seed=seed,
        pseudonymise_people=pseudonymise_people,
    )
    figures = {
        "network": figure_network(
            G, layout=v.positions if v.positions.index.equals(pd.Index(G.nodes)) else None, lang=lang, title="", seed=seed
        ),
        "density": figure_block_density(bd, lang=lang),
        "creations": figure_creations(eco, lang=lang),
        "brokers": figure_brokers(br[br.index.isin(organisations)], names=names, lang=lang),
        "flows": figure_flows(ftable, lang=lang),
    }

    # ---- tables (what the page shows, complete) ------------------------------------------
    def person(pid: Any) -> str:
        return people_alias.get(pid, pid) if pseudonymise_people else pid

    flows_out = flows.copy()
    flows_out["person"] = flows_out["person"].map(person)
    links = eco.people_links()
    links["person"] = links["person"].map(person)
    actors_out = eco.actors.reset_index()[["id", "name", "kind", "sphere", "scope", "founded", "commune"]].copy()
    actors_out["degree"] = actors_out["id"].map(pd.Series(S.degrees(), index=S.nodes))
    actors_out["community"] = actors_out["id"].map(comms.membership)
    actors_out["betweenness"] = actors_out["id"].map(br["betweenness"])
    actors_out["main_role"] = actors_out["id"].map(br["main_role"])
    key_rows = [(k, head[k]) for k in head.index]
    if ei_test is not None:
        key_rows += [("ei_expected", ei_test["expected"]), ("ei_p_less", ei_test["p_less"]), ("ei_p_greater", ei_test["p_greater"])]
    key_rows += [
        ("communities", comms.n_communities),
        ("modularity", comms.modularity),
        ("nmi_spheres", agreement["nmi"]),
        ("ari_spheres", agreement["adjusted_rand"]),
    ]
    key_rows += [("moves", len(flows)), ("worklist", len(worklist))]
    key_df = pd.DataFrame(key_rows, columns=["measure", "value"])
    br_out = br.reset_index().rename(columns={"actor": "id"})
    br_out.insert(1, "name", br_out["id"].map(names))
    wl_out = worklist_table(worklist, lang=lang) if len(worklist) else worklist.reset_index()
    comm_summary = (
        pd.DataFrame({"community": comms.membership, "sphere": eco.actors["sphere"].reindex(comms.membership.index)})
        .groupby("community")["sphere"]
        .agg(
            size="size",
            dominant_sphere=lambda s: s.value_counts().index[0],
            dominant_share=lambda s: round(s.value_counts().iloc[0] / len(s), 3),
        )
        .reset_index()
    )
    coverage = pd.DataFrame()
    if eco.name == "dijon":
        from .datasets import dijon_coverage

        coverage = dijon_coverage(eco).reset_index()
    sources = pd.concat([eco.actors["source"], eco.ties["evidence"]]).str.split(";").explode().str.strip()
    provenance = sources.value_counts().rename_axis("source").reset_index(name="rows")
    tables = {
        "key_figures": key_df,
        "actors": actors_out,
        "block_density": bd.reset_index(),
        "mixing_matrix": mm.reset_index(),
        "ei_by_sphere": ei_groups.reset_index() if len(ei_groups) else pd.DataFrame(),
        "communities": comms.to_frame().reset_index().rename(columns={"index": "id"}),
        "community_summary": comm_summary,
        "brokers": br_out,
        "bridges": bridges_named(bridge_table, names),
        "cut_points": cuts.rename_axis("id").reset_index().assign(name=lambda d: d["id"].map(names)),
        "key_players": kp,
        "worklist": wl_out,
        "people_flows": flows_out,
        "people_links": links,
        "flow_table": ftable.reset_index(),
        "evolution": ev.reset_index() if len(ev) else pd.DataFrame(),
        "robustness": robust_df,
        "null_models": nulls,
        "coverage": coverage,
        "provenance": provenance,
        "rejected": _rejected_table(eco, pseudonymise_people),
    }

    # ---- sentences ---------------------------------------------------------------------------
    sentences = [
        T["actors_ties"].format(n=n, m=m, t=len(eco.ties), i=int(head["isolates"])),
        T["density_sentence"].format(d=head["density"], m=m, p=possible),
        T["components_sentence"].format(share=head["largest_component_share"], c=int(head["components"]) - 1),
    ]
    if ei_test is not None:
        p_less, p_greater = float(ei_test["p_less"]), float(ei_test["p_greater"])
        verdict = (
            T["ei_inside"].format(p=p_less)
            if p_less < 0.05
            else T["ei_across"].format(p=p_greater)
            if p_greater < 0.05
            else T["ei_chance"].format(p=min(p_less, p_greater))
        )
        sentences.append(T["ei_sentence"].format(ei=float(ei_test["observed"]), exp=float(ei_test["expected"]), verdict=verdict))
        no_sphere = int((eco.actors["sphere"] == "").sum())
        if no_sphere:
            sentences[-1] += " " + T["no_sphere_note"].format(k=no_sphere)
    spheres = [s for s in bd.index if s != ""]
    sizes = eco.actors["sphere"].value_counts()
    pairs = [(a, b) for i, a in enumerate(spheres) for b in spheres[i + 1 :]]
    if pairs:
        a, b = min(pairs, key=lambda p: (bd.loc[p[0], p[1]], str(p)))
        sentences.append(
            T["rare_pair"].format(a=sphere_label.get(a, a), b=sphere_label.get(b, b), k=int(mm.loc[a, b]), p=int(sizes[a] * sizes[b]))
        )
    inside = [s for s in spheres if sizes[s] > 1 and mm.loc[s, s] > 0]
    if inside:
        d = max(inside, key=lambda s: (bd.loc[s, s], str(s)))
        sentences.append(T["dense_group"].format(a=sphere_label.get(d, d), k=int(mm.loc[d, d]), p=int(sizes[d] * (sizes[d] - 1) // 2)))
    level = T["low"] if agreement["nmi"] < 0.3 else T["medium"] if agreement["nmi"] < 0.6 else T["high"]
    singles = int((comms.sizes == 1).sum())
    comm_sentence = T["communities_sentence"].format(
        k=comms.n_communities, single=singles, q=comms.modularity, level=level, nmi=agreement["nmi"]
    )
    sentences.append(comm_sentence)
    top = br[(br["betweenness"] > 0) & br.index.isin(organisations)].head(5)
    if len(top):
        sentences.append(T["connectors_sentence"].format(names=", ".join(names.get(i, str(i)) for i in top.index)))
    with_intro = int(worklist["introducer_1"].notna().sum()) if len(worklist) else 0
    sentences.append(T["isolated_sentence"].format(n=len(worklist), w=with_intro))
    sentences.append(T["moves_sentence"].format(n=len(flows)))
    dens = robust_df[robust_df["measure"] == "density"].iloc[0]
    sentences.append(T["robust_sentence"].format(lo=dens["ci_low"], hi=dens["ci_high"], obs=dens["observed"]))

    # ---- page ------------------------------------------------------------------------------------
    roles = T["role_words"]
    br_show = br_out.head(15).copy()
    br_show["sphere"] = br_show["group"].map(lambda s: sphere_label.get(s, s))
    br_show["role"] = br_show["main_role"].map(lambda r: roles.get(r, r))
    br_show = br_show[["name", "sphere", "degree", "betweenness", "participation", "constraint", "role"]]
    comm_show = comm_summary.copy()
    comm_show["dominant_sphere"] = comm_show["dominant_sphere"].map(lambda s: sphere_label.get(s, s))
    hidden = {
        "identifiant",
        "actor id",
        "actor",
        "introducteur 1",
        "introducer 1",
        "component_size",
        "taille de son groupe",
        "size of its group",
    }
    wl_show = wl_out[[c for c in wl_out.columns[:12] if c not in hidden]]
    flows_show = flows_out[["person", "source", "target", "year"]].copy()
    flows_show["source"] = flows_show["source"].map(names)
    flows_show["target"] = flows_show["target"].map(names)
    kp_show = kp[["step", "name", "role", "pairs_disconnected", "largest_component_share"]].copy()
    kp_show["role"] = [
        ", ".join(
            T["short_roles"].get(part, part) for part in (["cut point"] if cut else []) + ([role] if isinstance(role, str) and role else [])
        )
        for cut, role in zip(kp["cut_point"], kp["role"])
    ]
    bd_show = bd.rename(index=lambda s: sphere_label.get(s, s), columns=lambda s: sphere_label.get(s, s)).round(4)
    rob_show = robust_df[["measure", "observed", "mean", "ci_low", "ci_high", "samples"]] if len(robust_df) else robust_df
    nulls_show = nulls[["statistic", "observed", "mean", "z", "p_greater", "p_less", "samples"]] if len(nulls) else nulls
    imgs = {key: _png_data_uri(fig) for key, fig in figures.items()}
    view_html = v._repr_html_().replace("<iframe ", '<iframe class="view" ', 1)
    sections = [
        ("key", "<ul class='key'>" + "".join(f"<li>{_esc(s)}</li>" for s in sentences) + "</ul>"),
        (
            "network",
            f"<p class='note'>{_esc(T['network_note'])}</p>{view_html}<img class='figure print-only' alt='' src='{imgs['network']}'>",
        ),
        ("density", _table(bd_show, index=True, lang=lang) + f"<img class='figure' alt='' src='{imgs['density']}'>"),
        ("communities", f"<p>{_esc(comm_sentence)}</p>" + _table(comm_show, max_rows=20, file="community_summary", lang=lang)),
        (
            "brokers",
            _table(br_show, max_rows=15, file="brokers", lang=lang)
            + "<h3>Key players</h3>"
            + _table(kp_show, lang=lang)
            + f"<img class='figure' alt='' src='{imgs['brokers']}'>",
        ),
        ("isolated", _table(wl_show, max_rows=25, file="worklist", lang=lang)),
        (
            "flows",
            _table(flows_show, max_rows=30, file="people_flows", lang=lang)
            + (f"<img class='figure' alt='' src='{imgs['flows']}'>" if len(flows) else ""),
        ),
        (
            "evolution",
            (_table(ev.reset_index().round(4), max_rows=40, file="evolution", lang=lang) if len(ev) else f"<p>{_esc(T['no_dates'])}</p>")
            + f"<img class='figure' alt='' src='{imgs['creations']}'>",
        ),
        (
            "robustness",
            _table(rob_show.round(4) if len(rob_show) else rob_show, lang=lang)
            + _table(nulls_show.round(4) if len(nulls_show) else nulls_show, lang=lang),
        ),
        (
            "coverage",
            (_table(coverage, lang=lang) if len(coverage) else "")
            + _table(provenance, max_rows=15, file="provenance", lang=lang)
            + _rejected_note(eco, lang),
        ),
        ("methods", "<dl>" + "".join(f"<dt><strong>{_esc(a)}</strong></dt><dd>{_esc(b)}</dd>" for a, b in METHOD_NOTES[lang]) + "</dl>"),
    ]
    nav = "".join(f"<li><a href='#{key}'>{_esc(T[key])}</a></li>" for key, _ in sections)
    first = ' class="first"'
    body = "".join(f"<h2 id='{key}'{first if i == 0 else ''}>{_esc(T[key])}</h2>{content}" for i, (key, content) in enumerate(sections))
    synthetic = f"<p class='synthetic'>{_esc(T['synthetic'])}</p>" if eco.synthetic else ""
    page = (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; frame-src about: data: blob:\">"
        f"<title>{_esc(title)}</title><style>{PAGE_CSS}</style></head><body>"
        f"<h1>{_esc(title)}</h1><p class='meta'>{_esc(T['generated'].format(date=_fixed_date(date), version=__version__))}</p>{synthetic}"
        f"<nav><h3>{_esc(T['contents'])}</h3><ol>{nav}</ol></nav>{body}</body></html>"
    )
    summary = str(eco.summary())
    validation = (
        "valid" if not eco.problems else f"{len(eco.problems)} problems; {len(eco.rejected)} rows rejected\n" + eco.validation_report()
    )
    if pseudonymise_people:
        for pid, alias in people_alias.items():
            summary = summary.replace(str(pid), alias)
        validation = _scrub_people(validation, eco, people_alias)
    return Report(title, lang, tables, figures, page, summary, validation)


def bridges_named(table: pd.DataFrame, names: pd.Series) -> pd.DataFrame:
    """A bridges table with the names of both actors."""
    out = table.copy()
    out.insert(1, "source_name", out["source"].map(names))
    out.insert(3, "target_name", out["target"].map(names))
    return out


def _rejected_table(eco: Any, pseudonymise: bool) -> pd.DataFrame:
    """The rows validation set aside, with their reasons (people's rows hidden, and people scrubbed, when pseudonymising)."""
    if not len(eco.rejected):
        return pd.DataFrame()
    table = eco.rejected.copy()
    personal = table["table"].isin(["people", "affiliations"])
    table["cells"] = [
        "(personal data hidden)" if pseudonymise and hide else "; ".join(f"{k}={v}" for k, v in cells.items())
        for cells, hide in zip(table["cells"], personal)
    ]
    if pseudonymise:
        from .privacy import people_mentioned, scrub_people

        people = people_mentioned(eco)
        for column in ("reasons", "cells"):
            table[column] = [scrub_people(str(text), people, {}) for text in table[column]]
    return table


def _rejected_note(eco: Any, lang: str) -> str:
    if not len(eco.rejected):
        return ""
    text = {
        "en": "{n} rows were rejected by validation and are not used (see validation.txt and tables/rejected.csv).",
        "fr": "{n} lignes ont été rejetées à la validation et ne sont pas utilisées (voir validation.txt et tables/rejected.csv).",
    }
    return f"<p>{_esc(text[lang].format(n=len(eco.rejected)))}</p>"


def _scrub_people(text: str, eco: Any, aliases: dict) -> str:
    """``text`` naming no person: the valid people and those of rejected rows (see :func:`ecograph.privacy.scrub_people`)."""
    from .privacy import people_mentioned, scrub_people

    return scrub_people(text, people_mentioned(eco), aliases)


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
) -> int:
    """Validate ``path``, build the report and write it under ``output``; return the exit status.

    0 when the dataset is valid; 1 when rows were rejected (the report covers
    the valid rows and says so) or when the dataset cannot be read at all
    (then ``output`` holds only ``validation.txt``). ``output`` follows
    :mod:`ecograph.outputs` (``force`` replaces a folder holding other files).

    Examples
    --------
    >>> import tempfile, ecograph as eg
    >>> run_report(eg.datasets.dijon_path(), tempfile.mkdtemp(), quiet=True, echo=lambda text: None)
    0
    """
    from .ecosystem import load
    from .errors import SchemaError

    steps = ["validation"]

    def step(text: str) -> None:
        steps.append(text)
        if not quiet:
            echo(f"[{len(steps)}/10] {text} ...")

    if not quiet:
        echo(f"[1/10] validating {path} ...")
    try:
        eco = load(path, on_error="collect", name=name)
    except SchemaError as exc:
        text = str(exc)
        if pseudonymise_people:  # no loaded people to go by: every person the files mention
            from .io import read_dataset_files
            from .privacy import people_in_tables, pseudonyms, scrub_people

            people = people_in_tables(read_dataset_files(path)[0])
            text = scrub_people(text, people, pseudonyms(people, lang=lang or "en"))
        with output_folder(output, command="report", force=force) as out:
            (out / "validation.txt").write_text(text + "\n", encoding="utf-8", newline="\n")
        echo(text)
        return 1
    report = build_report(eco, lang=lang, pseudonymise_people=pseudonymise_people, title=title, seed=seed, date=date, progress=step)
    if not quiet:
        echo("[10/10] writing files ...")
    page = report.write(output, force=force)
    echo(f"Report written to {page}")
    return 1 if eco.problems else 0
