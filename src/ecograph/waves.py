"""Two maps of one ecosystem, compared: what changed since the previous map.

A territory is mapped again after the actors have answered their fiches
(``ecograph invite``, then ``ecograph merge``). :func:`compare_maps` reads
the two maps' :class:`~ecograph.Brief` objects (each computed once) and
:func:`ecograph.diff` of their observed tables, and says:

* which actors were added or removed, which ties were added (and how many of
  them were declared by one side or confirmed by both), removed, or
  confirmed (``declared`` then, ``confirmed`` now);
* which actors of the previous worklist now have a known tie, with whom,
  and who declared it;
* for how many actors the sphere or the founding year is now known;
* density and the size of the main part (the largest connected part), each
  with the band it has in each map when 10% of actors go missing at random
  (:func:`ecograph.robustness`): a change is *beyond the uncertainty* when
  the two bands do not overlap;
* which findings changed: stated then withheld or the reverse, or stated
  both times with another conclusion (variant).

Counts are exact; a change that did not happen is not mentioned.

Examples
--------
>>> import ecograph as eg
>>> eco = eg.datasets.tiny()
>>> later = eg.from_frames(eco.actors.drop(index="loner"), eco.ties, eco.people, eco.affiliations)
>>> changes = compare_maps(eco, later)
>>> changes.counts
{'actors_removed': 1, 'findings_changed': 2}
>>> print(changes.sentences("en")[0])
1 actor removed: Repair café.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd
from scipy.sparse.csgraph import connected_components

from .ecosystem import Ecosystem
from .findings import FINDING_CODES, Brief, Finding
from .measures.evolution import EcosystemDiff, diff, tie_keys
from .measures.robustness import robustness
from .sparse import GraphLike, as_sparse
from .words import check_language, is_missing, word

__all__ = ["BANDED", "MAX_NAMES", "FindingChange", "WaveComparison", "compare_maps", "finding_changes", "main_part_share"]

#: The measures compared with their bands, in reading order.
BANDED = ("density", "main_part")
#: At most this many names in one sentence; the rest are counted.
MAX_NAMES = 5


def main_part_share(G: GraphLike) -> float:
    """Share of the actors in the largest connected part (0 for an empty network).

    Examples
    --------
    >>> import networkx as nx
    >>> main_part_share(nx.Graph([(0, 1), (1, 2), (3, 4)]))
    0.6
    """
    S = as_sparse(G)
    if not S.n:
        return 0.0
    _, parts = connected_components(S.adjacency, directed=False)
    return float(np.bincount(parts).max() / S.n)


@dataclass(frozen=True)
class FindingChange:
    """A finding that changed: ``kind`` is ``stated``, ``withheld``, ``gone`` or ``variant``.

    Examples
    --------
    >>> import ecograph as eg
    >>> eco = eg.datasets.tiny()
    >>> later = eg.from_frames(eco.actors.drop(index="loner"), eco.ties, eco.people, eco.affiliations)
    >>> [(c.code, c.kind, c.after.variant) for c in finding_changes(eg.Brief(eco), eg.Brief(later))]
    [('ties', 'variant', 'all_tied'), ('fragmentation', 'variant', 'whole')]
    """

    code: str
    kind: str
    before: Finding | None
    after: Finding | None


def finding_changes(before: Brief, after: Brief) -> list[FindingChange]:
    """The findings whose conclusion changed between two briefs, in the order of :data:`~ecograph.findings.FINDING_CODES`.

    Examples
    --------
    >>> import ecograph as eg
    >>> finding_changes(eg.Brief(eg.datasets.tiny()), eg.Brief(eg.datasets.tiny()))
    []
    """
    old = {f.code: f for f in before.candidates}
    new = {f.code: f for f in after.candidates}
    out = []
    for code in FINDING_CODES:
        b, a = old.get(code), new.get(code)
        was = b is not None and b.stated
        if a is not None and a.stated:
            kind = "variant" if was and b.variant != a.variant else "stated" if not was else ""
        elif was:
            kind = "withheld" if a is not None else "gone"
        else:
            kind = ""
        if kind:
            out.append(FindingChange(code, kind, b, a))
    return out


@dataclass
class WaveComparison:
    """What changed between a previous map and the new one (made by :func:`compare_maps`).

    Attributes
    ----------
    before, after : Brief
        The two maps' briefs.
    diff : EcosystemDiff
        :func:`ecograph.diff` of the two maps' observed tables.
    ties_confirmed : DataFrame
        The new map's ties that were ``declared`` in the previous one and are
        ``confirmed`` now.
    now_connected : DataFrame
        Actors of the previous worklist with a tie added, indexed by actor:
        ``name``, ``partners`` (the other ends' ids), ``partner_names``,
        ``declared_by`` (who declared each added tie, when known: an actor's
        or a person's id) and ``declared_by_names``.
    spheres_filled, founded_filled : Index
        Actors of both maps whose sphere, or founding year, was unknown and
        is known now.
    measures : DataFrame
        ``density`` and ``main_part`` (its share of the actors; ``size``:
        actors in it): ``before``, ``after``, the band of each
        (``before_low``...) and ``beyond`` (the bands do not overlap).
    findings : list of FindingChange
        The findings that changed.

    Examples
    --------
    >>> import ecograph as eg
    >>> eco = eg.datasets.tiny()
    >>> later = eg.from_frames(eco.actors.drop(index="loner"), eco.ties, eco.people, eco.affiliations)
    >>> changes = compare_maps(eco, later)
    >>> changes.diff.actors_removed.index.tolist(), changes.nothing_changed
    (['loner'], False)
    >>> print(changes.text("en").splitlines()[1])
    - 1 actor removed: Repair café.
    """

    before: Brief
    after: Brief
    diff: EcosystemDiff
    ties_confirmed: pd.DataFrame
    now_connected: pd.DataFrame
    spheres_filled: pd.Index
    founded_filled: pd.Index
    measures: pd.DataFrame
    findings: list = field(default_factory=list)

    def __repr__(self) -> str:
        counts = ", ".join(f"{k} {v}" for k, v in self.counts.items()) or "nothing changed"
        return f"<WaveComparison {self.before.analysis.name!r} → {self.after.analysis.name!r}: {counts}>"

    @cached_property
    def counts(self) -> dict[str, int]:
        """Each count that is not zero, by name."""
        added = self.diff.ties_added
        status = added["status"] if "status" in added.columns else pd.Series("", index=added.index)
        counts = {
            "actors_added": len(self.diff.actors_added),
            "actors_removed": len(self.diff.actors_removed),
            "ties_added": len(added),
            "ties_added_declared": int((status == "declared").sum()),
            "ties_added_confirmed": int((status == "confirmed").sum()),
            "ties_removed": len(self.diff.ties_removed),
            "ties_confirmed": len(self.ties_confirmed),
            "now_connected": len(self.now_connected),
            "spheres_filled": len(self.spheres_filled),
            "founded_filled": len(self.founded_filled),
            "findings_changed": len(self.findings),
        }
        return {k: v for k, v in counts.items() if v}

    @property
    def changed_measures(self) -> pd.DataFrame:
        """The rows of :attr:`measures` whose value changed."""
        m = self.measures
        moved = (m["before"] != m["after"]) | (m["before_size"] != m["after_size"])
        return m[moved.to_numpy()]

    @property
    def nothing_changed(self) -> bool:
        """Whether the two maps say the same: no count, no measure and no finding changed."""
        return not self.counts and not len(self.changed_measures)

    # ---- words -----------------------------------------------------------------------------------

    def _name(self, actor: Any) -> str:
        """An actor's name in the new map (else in the previous one), or the id itself."""
        for eco in (self.after.analysis.eco, self.before.analysis.eco):
            if actor in eco.actors.index:
                return str(eco.actors.at[actor, "name"])
        return str(actor)

    def _names(self, ids: Any, lang: str) -> list[str]:
        ids = list(ids)
        shown = [self._name(i) for i in ids[:MAX_NAMES]]
        return shown + ([word("waves.more", lang, n=len(ids) - MAX_NAMES)] if len(ids) > MAX_NAMES else [])

    def sentences(self, lang: str = "en") -> list[str]:
        """What changed, one sentence per change that happened (a single sentence when nothing did)."""
        check_language(lang)
        if self.nothing_changed:
            return [word("waves.nothing", lang)]
        out = self._actor_sentences(lang) + self._tie_sentences(lang) + self._filled_sentences(lang)
        out += [self._measure_sentence(key, row, lang) for key, row in self.changed_measures.iterrows()]
        return out + [self._finding_sentence(change, lang) for change in self.findings]

    def _actor_sentences(self, lang: str) -> list[str]:
        out = []
        for key, table in (("actors_added", self.diff.actors_added), ("actors_removed", self.diff.actors_removed)):
            if len(table):
                out.append(word(f"waves.{key}", lang, n=len(table), names=self._names(table.index, lang)))
        return out

    def _tie_sentences(self, lang: str) -> list[str]:
        c, out = self.counts, []
        if c.get("ties_added"):
            parts = [
                word(f"waves.of_{status}", lang, n=c[f"ties_added_{status}"])
                for status in ("declared", "confirmed")
                if c.get(f"ties_added_{status}")
            ]
            out.append(word("waves.ties_added", lang, n=c["ties_added"], detail=f" ({', '.join(parts)})" if parts else ""))
        if c.get("ties_removed"):
            out.append(word("waves.ties_removed", lang, n=c["ties_removed"]))
        if c.get("ties_confirmed"):
            t = self.ties_confirmed
            pairs = [f"{self._name(s)} – {self._name(g)}" for s, g in zip(t["source"], t["target"])]
            shown = pairs[:MAX_NAMES] + ([word("waves.more", lang, n=len(pairs) - MAX_NAMES)] if len(pairs) > MAX_NAMES else [])
            out.append(word("waves.ties_confirmed", lang, n=len(t), pairs=shown))
        if c.get("now_connected"):
            items = []
            for row in self.now_connected.head(MAX_NAMES).itertuples():
                by = list(dict.fromkeys(row.declared_by_names))
                key = "waves.connected_declared" if by else "waves.connected_with"
                items.append(word(key, lang, name=row.name, partners=list(row.partner_names), by=by))
            if len(self.now_connected) > MAX_NAMES:
                items.append(word("waves.more", lang, n=len(self.now_connected) - MAX_NAMES))
            out.append(word("waves.now_connected", lang, n=len(self.now_connected), items=items))
        return out

    def _filled_sentences(self, lang: str) -> list[str]:
        return [
            word(f"waves.{key}", lang, n=len(ids), names=self._names(ids, lang))
            for key, ids in (("spheres_filled", self.spheres_filled), ("founded_filled", self.founded_filled))
            if len(ids)
        ]

    def _measure_sentence(self, key: str, row: pd.Series, lang: str) -> str:
        values = {name: float(row[name]) for name in ("before", "after", "before_low", "before_high", "after_low", "after_high")}
        if key == "main_part":
            values.update(before_share=values["before"], after_share=values["after"])
            values.update(before=int(row["before_size"]), after=int(row["after_size"]))
        banded = all(np.isfinite(row[name]) for name in ("before_low", "before_high", "after_low", "after_high"))
        if not banded:
            return word(f"waves.{key}_plain", lang, **values)
        return word(f"waves.{key}", lang, **values, verdict=word("waves.beyond" if row["beyond"] else "waves.within", lang))

    def _finding_sentence(self, change: FindingChange, lang: str) -> str:
        shown = change.after if change.after is not None else change.before
        text = shown.text(lang)
        return word(
            f"waves.finding_{change.kind}",
            lang,
            question=text["question"],
            sentence=text.get("sentence", ""),
            withheld=text.get("withheld", ""),
        )

    def text(self, lang: str = "en") -> str:
        """The comparison as plain text: a heading, then one line per change."""
        return "\n".join([word("waves.heading", lang), *(f"- {s}" for s in self.sentences(lang))])

    def to_dict(self) -> dict[str, Any]:
        """The comparison as data (ids, counts, measures, findings), for ``--json``."""
        m = self.measures
        return {
            "before": self.before.analysis.name,
            "after": self.after.analysis.name,
            "counts": dict(self.counts),
            "actors_added": [str(i) for i in self.diff.actors_added.index],
            "actors_removed": [str(i) for i in self.diff.actors_removed.index],
            "ties_confirmed": [
                [str(s), str(t), str(k)] for s, t, k in zip(*(self.ties_confirmed[c] for c in ("source", "target", "type")))
            ],
            "now_connected": [
                {"actor": str(i), "with": [str(p) for p in row.partners], "declared_by": [str(b) for b in row.declared_by]}
                for i, row in zip(self.now_connected.index, self.now_connected.itertuples())
            ],
            "spheres_filled": [str(i) for i in self.spheres_filled],
            "founded_filled": [str(i) for i in self.founded_filled],
            "measures": {key: {c: _plain(v) for c, v in m.loc[key].items()} for key in m.index},
            "findings": [{"code": c.code, "change": c.kind, "before": _state(c.before), "after": _state(c.after)} for c in self.findings],
        }


def _plain(value: Any) -> Any:
    """A JSON value: NaN as None, numpy numbers as Python ones."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    value = float(value)
    return None if not np.isfinite(value) else value


def _state(finding: Finding | None) -> str | None:
    """``stated`` (with its variant), ``withheld`` or None."""
    if finding is None:
        return None
    return ("stated" + (f":{finding.variant}" if finding.variant else "")) if finding.stated else "withheld"


def _brief(data: Brief | Ecosystem, group: Any, seed: int) -> Brief:
    return data if isinstance(data, Brief) else Brief(data, group=group, seed=seed)


def _confirmed_ties(before: Ecosystem, after: Ecosystem) -> pd.DataFrame:
    """The ties of ``after`` that are ``confirmed`` and were ``declared`` in ``before``."""
    if "status" not in before.ties.columns or "status" not in after.ties.columns:
        return after.ties.iloc[:0]
    declared = set(tie_keys(before)[(before.ties["status"] == "declared").to_numpy()])
    keys = tie_keys(after)
    confirmed = (after.ties["status"] == "confirmed").to_numpy() & keys.isin(declared).to_numpy()
    return after.ties[confirmed].reset_index(drop=True)


def _who(eco: Ecosystem, value: Any) -> str:
    """Who declared a tie, by name: an actor's or a person's, else the value as written."""
    for table in (eco.actors, eco.people):
        if value in table.index and "name" in table.columns:
            return str(table.at[value, "name"])
    return str(value)


def _now_connected(worklist: pd.Index, added: pd.DataFrame, after: Ecosystem) -> pd.DataFrame:
    """Actors of the previous worklist that an added tie touches, with the other ends and who declared those ties."""
    rows = {}
    by_col = added["declared_by"] if "declared_by" in added.columns else pd.Series(None, index=added.index, dtype=object)
    for s, t, by in zip(added["source"], added["target"], by_col):
        for actor, partner in ((s, t), (t, s)):
            if actor not in worklist:
                continue
            row = rows.setdefault(actor, {"partners": [], "declared_by": []})
            row["partners"].append(partner)
            if not is_missing(by):
                row["declared_by"].append(by)
    names_of = after.actors["name"].astype(str)
    frame = pd.DataFrame(
        {
            "name": [names_of.get(a, str(a)) for a in rows],
            "partners": [r["partners"] for r in rows.values()],
            "partner_names": [[names_of.get(p, str(p)) for p in r["partners"]] for r in rows.values()],
            "declared_by": [r["declared_by"] for r in rows.values()],
            "declared_by_names": [[_who(after, by) for by in r["declared_by"]] for r in rows.values()],
        },
        index=pd.Index(list(rows), name="actor", dtype=object),
    )
    return frame.loc[[a for a in worklist if a in rows]]


def _filled(before: pd.DataFrame, after: pd.DataFrame, column: str) -> pd.Index:
    """Actors of both tables whose ``column`` was missing before and is known after."""
    if column not in after.columns:
        return pd.Index([], dtype=object)
    both = after.index.intersection(before.index, sort=False)
    was = before[column].reindex(both) if column in before.columns else pd.Series(None, index=both, dtype=object)
    filled = [a for a in both if is_missing(was[a]) and not is_missing(after.at[a, column])]
    return pd.Index(filled, dtype=object)


def _bands(brief: Brief) -> dict[str, tuple[float, float, float, int]]:
    """Each banded measure of one map: value, band low and high, and (main part) its size in actors."""
    a = brief.analysis
    density = a.robustness.set_index("measure").loc["density"]
    main = robustness(a.sparse, main_part_share, samples=a.samples, seed=a.seed)
    share = float(a.headline["largest_component_share"]) if a.sparse.n else 0.0
    return {
        "density": (float(a.density), float(density["ci_low"]), float(density["ci_high"]), int(a.sparse.m)),
        "main_part": (share, main.ci_low, main.ci_high, round(share * a.sparse.n)),
    }


def _measures(before: Brief, after: Brief) -> pd.DataFrame:
    b, a = _bands(before), _bands(after)
    rows = {}
    for key in BANDED:
        (bv, bl, bh, bs), (av, al, ah, as_) = b[key], a[key]
        beyond = bool(np.isfinite([bl, bh, al, ah]).all() and (al > bh or ah < bl))
        rows[key] = {
            "before": bv,
            "after": av,
            "before_low": bl,
            "before_high": bh,
            "after_low": al,
            "after_high": ah,
            "before_size": bs,
            "after_size": as_,
            "beyond": beyond,
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def compare_maps(before: Brief | Ecosystem, after: Brief | Ecosystem, *, group: Any = "sphere", seed: int = 0) -> WaveComparison:
    """Compare a previous map of an ecosystem with the new one.

    Parameters
    ----------
    before, after : Brief or Ecosystem
        The previous map and the new one; an ecosystem is read through a
        :class:`~ecograph.Brief` made with ``group`` and ``seed`` (a brief
        given is used as it is, with its own).

    Returns
    -------
    WaveComparison

    Examples
    --------
    >>> import ecograph as eg
    >>> eco = eg.datasets.tiny()
    >>> compare_maps(eco, eco).sentences("fr")
    ["Rien n'a changé depuis la carte précédente : mêmes acteurs, mêmes liens, mêmes constats."]
    """
    old, new = _brief(before, group, seed), _brief(after, group, seed)
    old_eco, new_eco = old.analysis.network_eco, new.analysis.network_eco
    changes = diff(old_eco, new_eco)
    worklist = pd.Index(old.worklist.index)
    return WaveComparison(
        before=old,
        after=new,
        diff=changes,
        ties_confirmed=_confirmed_ties(old_eco, new_eco),
        now_connected=_now_connected(worklist, changes.ties_added, new.analysis.eco),
        spheres_filled=_filled(old_eco.actors, new_eco.actors, "sphere"),
        founded_filled=_filled(old_eco.actors, new_eco.actors, "founded"),
        measures=_measures(old, new),
        findings=finding_changes(old, new),
    )
