"""A readable summary of an ecosystem: counts, tie types, components, density.

Examples
--------
>>> import ecograph as eg
>>> s = eg.datasets.tiny().summary()
>>> print(str(s).splitlines()[0])
Ecosystem 'tiny': 8 actors, 8 ties, 2 people, 4 affiliations
>>> s.by_sphere["production"]
1
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from scipy.sparse.csgraph import connected_components

from .sparse import largest_parts, outside_largest
from .words import CATALOGUE, LANGUAGES, label, number, word

if TYPE_CHECKING:  # pragma: no cover
    from .ecosystem import Ecosystem
    from .sparse import SparseGraph

__all__ = ["Summary", "network_counts", "summarise"]

_NONE = "(none)"


@dataclass
class Summary:
    """Counts describing one ecosystem. Build it with :meth:`Ecosystem.summary`.

    Examples
    --------
    >>> import ecograph as eg
    >>> eg.datasets.tiny().summary().to_dict()["counts"]
    {'actors': 8, 'ties': 8, 'people': 2, 'affiliations': 4}
    """

    name: str
    synthetic: bool
    counts: dict[str, int]
    by_kind: dict[str, int]
    by_sphere: dict[str, int]
    by_scope: dict[str, int]
    ties_by_type: dict[str, int]
    people_links: dict[str, int]
    network: dict[str, float | int]
    rejected_rows: int
    #: The dataset's own codes that its vocabulary names in a language (``label_fr``...), by language then field.
    own: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The summary as plain Python data (JSON-ready)."""
        return {
            "name": self.name,
            "synthetic": self.synthetic,
            "counts": self.counts,
            "actors_by_kind": self.by_kind,
            "actors_by_sphere": self.by_sphere,
            "actors_by_scope": self.by_scope,
            "ties_by_type": self.ties_by_type,
            "people_links": self.people_links,
            "network": self.network,
            "rejected_rows": self.rejected_rows,
        }

    def to_json(self) -> str:
        """The summary as indented JSON text."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False, sort_keys=False)

    def _sections(self, lang: str = "en") -> list[tuple[str, dict]]:
        net = self.network
        network = {
            word("summary.nodes", lang): net["nodes"],
            word("summary.edges", lang): net["edges"],
            word("summary.density", lang): number(net["density"], lang, ".4f"),
            word("summary.components", lang): net["components"],
            word("summary.largest", lang): word(
                "summary.largest_value" if net.get("largest_components", 1) < 2 else "summary.largest_value_tied",
                lang,
                n=net["largest_component"],
                k=net.get("largest_components", 1),
            ),
            word("standing.no_known_tie", lang): net["isolates"],
            word("standing.outside_main", lang): net["outside_main"],
        }

        def named(field: str, counts: dict[str, int]) -> dict[str, int]:
            if lang == "en":  # the codes, as in the tables; a missing value is unknown, not a group
                return {(label(field, None, lang) if k == _NONE else k): v for k, v in counts.items()}
            if field == "people_link":  # moved, shared: the view's words for a people link
                return {(word(f"views.link_{k}", lang) if f"views.link_{k}" in CATALOGUE else k): v for k, v in counts.items()}
            own = self.own.get(lang)  # an own code without a label in the language stays a code, not a sentence
            return {label(field, None if k == _NONE else k, lang, own): v for k, v in counts.items()}

        return [
            (word("summary.by_kind", lang), named("kind", self.by_kind)),
            (word("summary.by_sphere", lang), named("sphere", self.by_sphere)),
            (word("summary.by_scope", lang), named("scope", self.by_scope)),
            (word("summary.ties_by_type", lang), named("type", self.ties_by_type)),
            (word("summary.people_links", lang), named("people_link", self.people_links)),
            (word("summary.network", lang), network),
        ]

    def headline(self, lang: str = "en") -> str:
        """The first line: name and table sizes, in ``lang``."""
        text = word("summary.headline", lang, name=self.name, **self.counts)
        return text + (word("summary.synthetic", lang) if self.synthetic else "")

    def text(self, lang: str = "en") -> str:
        """The summary as plain text in ``lang`` (``str(summary)`` is the English one, with the tables' codes).

        Examples
        --------
        >>> import ecograph as eg
        >>> print(eg.datasets.tiny().summary().text("fr").splitlines()[0])
        Écosystème « tiny » : 8 acteurs, 8 liens, 2 personnes, 4 affiliations
        """
        lines = [self.headline(lang)]
        if self.rejected_rows:
            lines.append("  " + word("summary.rejected", lang, n=self.rejected_rows))
        for title, values in self._sections(lang):
            lines.append("")
            lines.append(title)
            width = max((len(str(k)) for k in values), default=0)
            for key, value in values.items():
                lines.append(f"  {key!s:<{width}}  {value}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text("en")

    def _repr_html_(self) -> str:
        esc = html.escape
        parts = [f"<div class='ecograph-summary'><strong>{esc(self.headline())}</strong>"]
        if self.rejected_rows:
            parts.append(f"<p>{esc(word('summary.rejected', 'en', n=self.rejected_rows))}</p>")
        parts.append("<div style='display:flex;flex-wrap:wrap;gap:1.5em'>")
        for title, values in self._sections():
            rows = "".join(
                f"<tr><td style='text-align:left'>{esc(str(k))}</td><td style='text-align:right'>{esc(str(v))}</td></tr>"
                for k, v in values.items()
            )
            parts.append(f"<table><caption style='text-align:left;font-weight:bold'>{esc(title)}</caption>{rows}</table>")
        parts.append("</div></div>")
        return "".join(parts)


def _counts(series) -> dict[str, int]:
    values = series.fillna("").astype(str).replace("", _NONE)
    counts = values.value_counts()
    return {str(k): int(v) for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))}


def network_counts(S: SparseGraph, *, density: float | None = None) -> dict[str, float | int]:
    """The network section of a summary: nodes, edges, density, components, largest, without a tie, outside the largest.

    >>> import networkx as nx
    >>> from ecograph.sparse import as_sparse
    >>> G = nx.path_graph(3); G.add_node(9)
    >>> network_counts(as_sparse(G))["outside_main"], network_counts(as_sparse(G))["isolates"]
    (1, 1)
    """
    n = S.n
    comp = connected_components(S.adjacency, directed=False)[1] if n else np.zeros(0, dtype=np.int64)
    sizes = np.bincount(comp)
    return {
        "nodes": n,
        "edges": S.m,
        "density": density if density is not None else (2.0 * S.m / (n * (n - 1)) if n > 1 else 0.0),
        "components": len(sizes),
        "largest_component": int(sizes.max()) if n else 0,
        "largest_components": len(largest_parts(comp)),  # parts tied for the largest: all are main
        "isolates": int((S.degrees() == 0).sum()),
        "outside_main": int(outside_largest(comp).sum()),
    }


def summarise(eco: Ecosystem, *, network: dict | None = None) -> Summary:
    """Compute the :class:`Summary` of an ecosystem.

    ``network`` is the network section when a caller has it already
    (:attr:`ecograph.Analysis.summary` gives its own, read from the network
    its measures see); otherwise it is computed from the observed network.

    Examples
    --------
    >>> import ecograph as eg
    >>> summarise(eg.datasets.tiny()).network["edges"]
    9
    """
    if network is None:
        network = network_counts(eco.observed().sparse_graph())  # the network every measure reads (Analysis.sparse)
    links = eco.people_links()
    return Summary(
        name=eco.name,
        synthetic=eco.synthetic,
        counts={"actors": len(eco.actors), "ties": len(eco.ties), "people": len(eco.people), "affiliations": len(eco.affiliations)},
        by_kind=_counts(eco.actors["kind"]),
        by_sphere=_counts(eco.actors["sphere"]),
        by_scope=_counts(eco.actors["scope"]),
        ties_by_type=_counts(eco.ties["type"]),
        people_links=_counts(links["kind"]) if len(links) else {},
        network=network,
        rejected_rows=len(eco.rejected),
        own={lang: eco.vocabulary.own_labels(lang, described=False) for lang in LANGUAGES},
    )
