"""The glossary of measures, written from the catalogue of words so that it cannot drift from it.

Each measure's words (what it says, formula, range, how it reads direction,
weight and unknown values, reference) live in :mod:`ecograph.words`, section
``glossary``, in English and French; :data:`GLOSSARY_MEASURES` lists the
measures in the order the glossary gives them, with the calls that compute
each (code, not words). ``docs/glossary.md`` is :func:`glossary_markdown`'s
output (``python3 tasks.py glossary`` or ``ecograph glossary -o FILE``
writes it; a test checks it is current).

Examples
--------
>>> text = glossary_markdown("en")
>>> text.splitlines()[0]
'# Glossary of measures'
>>> '<a id="ei_index"></a>' in text and "Krackhardt" in text
True
>>> glossary_markdown("fr").splitlines()[0]
'# Glossaire des mesures'
"""

from __future__ import annotations

from .words import check_language, section

__all__ = ["GLOSSARY_FIELDS", "GLOSSARY_MEASURES", "glossary_markdown"]

#: The measures of the glossary, in its order: (code in the catalogue, the calls that compute it).
GLOSSARY_MEASURES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("density", ("eg.density(G)", 'eg.directed_density(D, weight="weight")', "Analysis.density")),
    ("block_density", ('eg.block_density(G, "sphere")', 'eg.valued_block_density(D, "sphere")', 'eg.mixing_matrix(G, "sphere")')),
    ("ei_index", ('eg.ei_index(G, "sphere", level="network"|"group"|"actor", permutations=1000)', 'eg.valued_ei_index(D, "sphere")')),
    ("modularity", ("eg.modularity(G, partition)", "Communities.modularity")),
    ("communities", ('eg.detect_communities(G, method="leiden", seed=0)', "Analysis.communities")),
    ("agreement", ('Communities.compare("sphere")', "Analysis.agreement")),
    ("degree", ("eg.degrees(D)", "Analysis.degree")),
    ("reciprocity", ('eg.reciprocity(D, level="network"|"actor")', "eg.dyad_census(D)")),
    ("betweenness", ("eg.betweenness(G)", 'eg.brokers(G)["betweenness"]', "eg.weighted_betweenness(D)")),
    ("closeness", ("eg.weighted_closeness(D)",)),
    ("constraint", ('eg.brokers(G)["constraint"]',)),
    ("effective_size", ('eg.brokers(G)["effective_size"]',)),
    ("participation", ('eg.participation(G, "sphere")', 'eg.brokers(G)["participation"]')),
    ("roles", ('eg.brokers(G, "sphere")', 'eg.brokerage_roles(G, "sphere")', 'eg.directed_brokerage_roles(D, "sphere")')),
    ("bridges", ("eg.bridges(G)", "eg.local_bridges(G)")),
    ("cut_points", ("eg.cut_points(G)",)),
    ("core", ("eg.core_numbers(G)", 'eg.isolated_actors(G)["core"]')),
    ("reach", ("eg.two_step_reach(G)", 'eg.isolated_actors(G)["reach_2"]')),
    ("standing", ("eg.actor_standing(G)", "Analysis.standing")),
    ("coverage", ('eg.group_coverage(G, "sphere")', "Analysis.coverage", "eg.MIN_COVERAGE")),
    ("robustness", ('eg.robustness(G, "density")', 'eg.null_model_test(G, "modularity")')),
    ("key_players", ("eg.key_players(G, k=5)",)),
)

#: The fields of each measure, in the order the glossary shows them (``what`` and ``name`` aside).
GLOSSARY_FIELDS = ("formula", "range", "direction", "weight", "unknown", "reference")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _measure(code: str, calls: tuple[str, ...], words: dict[str, str]) -> list[str]:
    lines = [f'<a id="{code}"></a>', "", f"## {words[f'{code}.name']}", "", words[f"{code}.what"], "", "| | |", "|---|---|"]
    lines.append(f"| {words['field.call']} | {', '.join(f'`{_cell(c)}`' for c in calls)} |")
    lines += [f"| {words[f'field.{field}']} | {_cell(words[f'{code}.{field}'])} |" for field in GLOSSARY_FIELDS]
    return [*lines, ""]


def glossary_markdown(lang: str = "en") -> str:
    """The glossary of measures as Markdown, in English or French, from the catalogue of words.

    Parameters
    ----------
    lang : {"en", "fr"}, default "en"

    Returns
    -------
    str
        A heading, a note saying how the text is made, the conventions
        every measure shares, a list of the measures (each linked to its
        entry) and one entry per measure: what it says, then a table of the
        calls that compute it, its formula, range, how it reads direction,
        weight and unknown values, and its reference. No trailing newline.

    Examples
    --------
    >>> "| Formula | 2m / (n(n − 1)); with arcs, arcs / (n(n − 1)). |" in glossary_markdown()
    True
    """
    words = section("glossary", check_language(lang))
    lines = [f"# {words['title']}", "", f"*{words['generated']}*", "", words["intro"], "", f"**{words['contents']}:**", ""]
    lines += [f"- [{words[f'{code}.name']}](#{code})" for code, _ in GLOSSARY_MEASURES]
    lines.append("")
    for code, calls in GLOSSARY_MEASURES:
        lines += _measure(code, calls, words)
    return "\n".join(lines).rstrip("\n")
