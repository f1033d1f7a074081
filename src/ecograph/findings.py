"""Findings that hold on the data: what a steering committee is told, what is withheld, and what would unlock it.

A :class:`Brief` reads one :class:`~ecograph.Analysis` (each measure computed
once) and the outreach worklist made from it, and states:

* **what the data cover** (:attr:`Brief.facts`): how many actors and ties,
  how many ties are only proposed or cited, for how many actors the group
  (sphere), the founding year and the scope are known, how many actors have
  no known tie;
* **findings** (:attr:`Brief.findings`): one per question the study asks
  (are ties dense? is the network in one piece? who connects? do the groups
  talk to each other? which groups know each other? what does the network
  hang on? do people move?), each with its numbers, how sure one can be
  (a resampling band, a test, or a plain count and what it rests on), and
  the action it suggests; where the dataset holds recommendation rows that
  address the question (their ``addresses`` column), the action names them
  and who is proposed to carry them;
* **what cannot be said yet** (:attr:`Brief.withheld`): each finding whose
  data are too thin (coverage below :data:`ecograph.MIN_COVERAGE`, or
  nothing to compute on), with the reason and what data would unlock it.

Findings are codes and numbers; :meth:`Finding.text` writes them in the
reader's language from the catalogue of words. The report's first page and
the notebooks' conclusions both come from here, so a conclusion can never
say more than the data.

Examples
--------
>>> import ecograph as eg
>>> brief = eg.Brief(eg.datasets.dijon())
>>> [f.code for f in brief.findings][:3]
['ties', 'fragmentation', 'connectors']
>>> "spheres" in [f.code for f in brief.withheld]
True
>>> print(brief.findings[0].text("en")["sentence"])
26 ties are known between the 100 actors: 0.5% of the ties possible; 65 actors have no known tie.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from .gaps import actor_gaps, sphere_applies
from .measures.analysis import Analysis
from .measures.group_coverage import MIN_COVERAGE, withheld_reason
from .measures.robustness import STABLE_RANKING, Z_THRESHOLD
from .outreach import key_players, outreach_worklist
from .sparse import largest_parts
from .vocabulary import NO_SPHERE_KINDS
from .words import CATALOGUE, agreement, check_language, word

__all__ = ["FINDING_CODES", "MAX_FINDINGS", "Brief", "Conclusion", "Finding", "group_names"]

#: The findings, in the order a committee reads them (and the codes a recommendation row's ``addresses`` column uses).
FINDING_CODES = ("ties", "fragmentation", "connectors", "spheres", "flows", "communities", "fragility", "evolution")
#: A founding year counts as recent when it is at most this many years before the latest one known.
RECENT_YEARS = 3
#: At most this many findings on the first page.
MAX_FINDINGS = 5


def group_names(group: str, lang: str) -> dict[str, str]:
    """The word for one group and for several of a grouping named ``group`` (``"sphere"``, a dataset's own word, ``""``).

    >>> group_names("sphere", "fr"), group_names("faction", "en")["groups"], group_names("", "fr")["groups"]
    ({'group': 'sphère', 'groups': 'sphères'}, 'factions', 'groupes')
    """
    if f"findings.group.{group}" in CATALOGUE:
        return {"group": word(f"findings.group.{group}", lang), "groups": word(f"findings.groups.{group}", lang)}
    return {"group": group, "groups": group if group.endswith(("s", "x", "z")) else group + "s"}


@dataclass(frozen=True)
class Finding:
    """One finding: codes and numbers, written in words by :meth:`text`.

    Attributes
    ----------
    code : str
        One of :data:`FINDING_CODES`.
    values : mapping
        The numbers and names of its sentence.
    confidence : str
        Key of how sure it is (``findings.confidence.<key>``), with
        ``confidence_values``.
    action : str
        Key of the action it suggests (``findings.action.<key>``), with
        ``action_values``.
    recommendations : tuple of (name, carriers)
        The dataset's recommendations that address it, with the actors
        proposed to carry each.
    withheld : str or None
        Why it is not stated (a key of ``findings.withheld.<key>``), with
        ``unlock`` saying what data would unlock it.
    variant : str
        Which sentence says it (``findings.sentence.<code>_<variant>``).
    group : str
        The grouping the finding is about (``"sphere"`` is written as
        spheres; another attribute by its name).

    Examples
    --------
    >>> f = Finding("flows", {"n": 2, "moves": ["A → B", "A → C"]}, "count", {"people": 2}, "follow_people", {})
    >>> t = f.text("fr")
    >>> t["question"], t["sentence"]
    ('Les personnes circulent-elles entre les structures ?', "2 passages de personnes d'une structure à une autre sont enregistrés : A → B et A → C.")
    """

    code: str
    values: Mapping[str, Any]
    confidence: str
    confidence_values: Mapping[str, Any]
    action: str
    action_values: Mapping[str, Any]
    recommendations: tuple[tuple[str, tuple[str, ...]], ...] = ()
    withheld: str | None = None
    unlock: Mapping[str, Any] = field(default_factory=dict)
    variant: str = ""
    group: str = "sphere"
    gender: str = "f"

    @property
    def stated(self) -> bool:
        """Whether the data support the finding (it is not withheld)."""
        return self.withheld is None

    def group_words(self, lang: str = "en") -> dict[str, str]:
        """The words of the finding's grouping, one group and several: the spheres', or the dataset's own (``faction``, ``factions``).

        With them, the words that agree with the group's word in French
        (:func:`ecograph.words.agreement`, its gender :attr:`gender`).

        >>> words = Finding("spheres", {}, "", {}, "", {}, group="faction").group_words("fr")
        >>> words["group"], words["groups"], words["la"]
        ('faction', 'factions', 'la ')
        >>> words = Finding("spheres", {}, "", {}, "", {}, group="département", gender="m").group_words("fr")
        >>> words["groups"], words["la"] + words["group"], words["e"]
        ('départements', 'le département', '')
        """
        named = group_names(self.group, lang)
        return named | agreement(named["group"], self.gender, lang)

    def text(self, lang: str = "en") -> dict[str, str]:
        """The finding in words: ``question``, then ``sentence``, ``confidence``, ``action`` (or ``withheld`` and ``unlock``)."""
        check_language(lang)
        groups = self.group_words(lang)
        out = {"question": word(f"findings.question.{self.code}", lang, **groups)}
        if self.withheld is not None:
            out["withheld"] = word(f"findings.withheld.{self.withheld}", lang, **groups, **self.values)
            out["unlock"] = " ".join(word(f"findings.unlock.{key}", lang, **groups, **values) for key, values in self.unlock.items())
            return out
        sentence = f"findings.sentence.{self.code}" + (f"_{self.variant}" if self.variant else "")
        out["sentence"] = word(sentence, lang, **groups, **self.values)
        out["confidence"] = word(f"findings.confidence.{self.confidence}", lang, **groups, **self.confidence_values)
        action = word(f"findings.action.{self.action}", lang, **groups, **self.action_values)
        items = [
            word("findings.recommendation_carried" if carriers else "findings.recommendation", lang, name=name, carriers=list(carriers))
            for name, carriers in self.recommendations
        ]
        if items:
            action += " " + word("findings.recommendations", lang, items=items)
        out["action"] = action
        return out


class Brief:
    """What the data say, and do not say yet, for a steering committee (computed once, shared by report and notebooks).

    Parameters
    ----------
    data : Ecosystem or Analysis
        An ecosystem (analysed with :class:`~ecograph.Analysis` and the
        options below) or an analysis made already.
    group, seed
        Passed to :class:`~ecograph.Analysis` when ``data`` is an ecosystem.
    k : int, default 3
        Introducers suggested per actor in the worklist.

    Examples
    --------
    >>> import ecograph as eg
    >>> brief = eg.Brief(eg.datasets.tiny())
    >>> brief.facts["actors"], brief.facts["isolates"]
    (8, 1)
    >>> brief.worklist is brief.worklist
    True
    """

    def __init__(self, data: Any, *, group: Any = "sphere", seed: int = 0, k: int = 3) -> None:
        self.analysis = Analysis.of(data, group=group, seed=seed)
        if self.analysis.eco is None:
            raise TypeError("a Brief needs an Ecosystem (or an Analysis of one): its findings read the tables")
        self.k = k

    def __repr__(self) -> str:
        return f"<Brief of {self.analysis.name!r}: {len(self.findings)} findings, {len(self.withheld)} withheld>"

    #: The steps of :meth:`compute`, in order (their words are ``report.step.<name>``).
    STEPS = ("network", "groups", "communities", "brokers", "outreach", "people", "confidence")

    def compute(self, progress: Any = None) -> Brief:
        """Compute everything the brief reads, step by step (:attr:`STEPS`), saying each step to ``progress``.

        Nothing is computed twice: each step asks the Analysis (or this
        brief) for values it keeps. On a large network the null models run
        on another core meanwhile (:meth:`ecograph.Analysis.start_null_models`).
        Returns the brief itself.

        Examples
        --------
        >>> import ecograph as eg
        >>> said = []
        >>> brief = eg.Brief(eg.datasets.tiny()).compute(said.append)
        >>> said == list(brief.STEPS) and "robustness" in brief.analysis.__dict__
        True
        """
        say = progress or (lambda _step: None)
        a = self.analysis
        null_models = a.start_null_models()
        steps = {
            "network": lambda: (a.headline, a.standing),
            "groups": lambda: (a.coverage, a.ei_test, a.block_density),
            "communities": lambda: (a.communities, a.agreement),
            "brokers": lambda: (a.brokers, a.bridges, a.cut_points),
            "outreach": lambda: (self.worklist, self.key_players),
            "people": lambda: (a.people_flows, a.flow_table, a.evolution if self.dates_sufficient else None),
            "confidence": lambda: (a.robustness, null_models(), self.candidates),
        }
        for name in self.STEPS:
            say(name)
            steps[name]()
        return self

    # ---- what is computed once -----------------------------------------------------------------------

    @cached_property
    def worklist(self) -> pd.DataFrame:
        """The outreach worklist (:func:`ecograph.outreach_worklist`) of the analysed network."""
        if self.analysis.sparse.n < 2:
            return pd.DataFrame(columns=["name", "reason", "introducer_1"])
        return outreach_worklist(self.analysis, k=self.k, seed=self.analysis.seed)

    @cached_property
    def key_players(self) -> pd.DataFrame:
        """The actors whose departure would fragment the network most (:func:`ecograph.key_players`)."""
        if self.analysis.sparse.n < 2:
            return pd.DataFrame(columns=["step", "actor", "name", "kind", "role", "pairs_disconnected", "largest_component_share"])
        return key_players(self.analysis, k=5, seed=self.analysis.seed)

    @cached_property
    def gaps(self) -> pd.DataFrame:
        """:func:`ecograph.actor_gaps` of the analysed actors: what to ask each of them."""
        return actor_gaps(self.analysis.network_eco)

    @cached_property
    def facts(self) -> dict[str, Any]:
        """What the data cover: counts an officer can check against the tables."""
        a = self.analysis
        eco, net = a.eco, a.network_eco
        actors = net.actors
        ties = eco.ties
        status = ties["status"] if "status" in ties.columns else pd.Series("", index=ties.index)
        net_status = net.ties["status"] if "status" in net.ties.columns else pd.Series("", index=net.ties.index)
        cov = a.coverage
        sphere_status = actors["sphere_status"] if "sphere_status" in actors.columns else pd.Series("", index=actors.index)
        known = ~actors["sphere"].isna() & (actors["sphere"].astype(str).str.strip() != "") if "sphere" in actors.columns else None
        return {
            "actors": int(a.sparse.n),
            "recommendations": int((eco.actors["kind"] == "recommendation").sum()),
            "observers": int((eco.actors["observer"] == "yes").sum()) if "observer" in eco.actors.columns else 0,
            "tie_rows": len(net.ties),
            "tie_pairs": _tie_pairs(net.ties),
            "pairs": int(a.sparse.m),
            "proposed": int((status == "proposed").sum()),
            "cited": int((status == "cited").sum()),
            "declared": int((net_status == "declared").sum()),
            "confirmed": int((net_status == "confirmed").sum()),
            "isolates": int(a.standing["no_known_tie"].sum()),
            "tied": int((~a.standing["no_known_tie"]).sum()),
            "outside_main": int(a.standing["outside_main"].sum()),
            "to_reach": int(a.standing["to_reach"].sum()),
            "group_known": int(cov.actors_known),
            "group_ties_known": int(cov.ties_known),
            "group_stated": int(((sphere_status == "stated") & known).sum()) if known is not None else 0,
            "group_inferred": int(((sphere_status == "inferred") & known).sum()) if known is not None else 0,
            "founded_known": int(actors["founded"].notna().sum()),
            "scope_known": int((actors["scope"].astype(str).str.strip() != "").sum()) if "scope" in actors.columns else 0,
            "people": len(eco.people),
            "moves": len(a.people_flows),
            "rejected": len(eco.rejected),
        }

    @cached_property
    def candidates(self) -> list[Finding]:
        """Every finding, stated or withheld, in the order of :data:`FINDING_CODES`."""
        makers = {
            "ties": self._ties,
            "fragmentation": self._fragmentation,
            "connectors": self._connectors,
            "spheres": self._spheres,
            "communities": self._communities,
            "fragility": self._fragility,
            "flows": self._flows,
            "evolution": self._evolution,
        }
        out = []
        for code in FINDING_CODES:
            finding = makers[code]()
            if finding is not None:
                out.append(finding)
        return out

    @property
    def findings(self) -> list[Finding]:
        """The stated findings for the first page: at most :data:`MAX_FINDINGS`, in reading order."""
        return [f for f in self.candidates if f.stated][:MAX_FINDINGS]

    @property
    def withheld(self) -> list[Finding]:
        """The findings the data cannot support yet, each with what would unlock it."""
        return [f for f in self.candidates if not f.stated]

    # ---- one function per finding --------------------------------------------------------------------

    def _names(self, ids: Any) -> list[str]:
        actors = self.analysis.eco.actors
        return [str(actors["name"].get(i, i)) for i in ids]

    def _recommendations(self, code: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The dataset's recommendation rows whose ``addresses`` name ``code``, with their proposed carriers."""
        eco = self.analysis.eco
        actors = eco.actors
        if "addresses" not in actors.columns:
            return ()
        recos = actors[
            (actors["kind"] == "recommendation")
            & actors["addresses"].astype(str).str.split(";").apply(lambda xs: code in [x.strip() for x in xs])
        ]
        out = []
        for rid, name in zip(recos.index, recos["name"]):
            ties = eco.ties[(eco.ties["target"] == rid) & (eco.ties["type"] == "potential_carrier")]
            out.append((str(name), tuple(self._names(ties["source"]))))
        return tuple(out)

    @property
    def _group(self) -> str:
        """The grouping's name as the dataset gives it (:attr:`Analysis.group_name`: ``"sphere"``, ``"faction"``, ``""``)."""
        return self.analysis.group_name

    def _finding(
        self, code: str, values: dict, confidence: str, confidence_values: dict, action: str, action_values: dict, variant: str = ""
    ) -> Finding:
        return Finding(
            code,
            values,
            confidence,
            confidence_values,
            action,
            action_values,
            self._recommendations(code),
            variant=variant,
            group=self._group,
            gender=self.analysis.group_gender,
        )

    def _withheld(self, code: str, values: dict, reason: str, unlock: dict) -> Finding:
        """A finding the data cannot support yet: why (``reason``) and what would unlock it, in the grouping's words."""
        return Finding(code, values, "", {}, "", {}, withheld=reason, unlock=unlock, group=self._group, gender=self.analysis.group_gender)

    def _ties(self) -> Finding | None:
        a, facts = self.analysis, self.facts
        n, m, isolates = facts["actors"], facts["pairs"], facts["isolates"]
        if n < 2:
            return None
        values = {"m": m, "n": n, "density": a.density, "isolates": isolates}
        band = a.robustness.set_index("measure").loc["density"]
        confidence = {"low": float(band["ci_low"]), "high": float(band["ci_high"]), "share": 0.1}
        if m == 0:
            return self._finding("ties", values, "no_ties", {}, "map_first_ties", {}, variant="none")
        if isolates == 0:
            return self._finding("ties", values, "lower_bound", confidence, "update_ties", {}, variant="all_tied")
        return self._finding("ties", values, "lower_bound", confidence, "map_ties", {"isolates": isolates})

    def _fragmentation(self) -> Finding | None:
        a = self.analysis
        head = a.headline
        n = int(head["actors"])
        if n < 2 or not a.sparse.m:
            return None
        wl = self.worklist
        introduced = int(wl["introducer_1"].notna().sum()) if "introducer_1" in wl.columns else 0
        values = {
            "largest": round(float(head["largest_component_share"]) * n),
            "share": float(head["largest_component_share"]),
            "others": int(head["components"]) - 1,
            "isolates": self.facts["isolates"],
            "outside": self.facts["outside_main"],
        }
        tied = len(largest_parts(a.components.to_numpy()))  # parts of the largest size: all of them are "the largest"
        variant = "whole" if values["others"] == 0 else "no_isolate" if values["isolates"] == 0 else ""
        if tied > 1:
            values.update({"tied": tied, "others": int(head["components"]) - tied})
            variant = "tied_no_isolate" if values["isolates"] == 0 else "tied"
        unscoped = "" if self.facts["scope_known"] else "_unscoped"  # no scope in the data: no "territory" to speak of
        confidence = "known_ties_whole" if variant == "whole" else "known_ties"  # in one piece: nothing left to join
        if variant == "whole" and len(wl):  # all in one piece: nobody is outside, some hang on one tie or reach few
            return self._finding("fragmentation", values, confidence, {}, "tie_in_edge", {"listed": len(wl)}, variant=variant)
        if not len(wl):
            action, action_values = "none_to_reach" + unscoped, {}
        elif introduced == len(wl):
            action, action_values = "introduce_all" + unscoped, {"listed": len(wl)}
        elif introduced == 0:
            action, action_values = "introduce_none", {"listed": len(wl)}
        else:
            action, action_values = "introduce" + unscoped, {"listed": len(wl), "introduced": introduced}
        return self._finding("fragmentation", values, confidence, {}, action, action_values, variant=variant)

    def _connectors(self) -> Finding | None:
        a = self.analysis
        standing = a.standing
        chosen = a.betweenness[standing["connector"].to_numpy()]
        top = sorted(chosen.index, key=lambda x: (-float(chosen[x]), str(x)))[:3]
        if not top:
            return None
        rob = a.robustness.set_index("measure")
        kept = float(rob.loc["top_brokers", "mean"]) if "top_brokers" in rob.index else math.nan
        values = {"names": self._names(top), "ids": list(top), "connectors": int(standing["connector"].sum())}
        on_paths = int((a.brokers["betweenness"] > 0).sum())
        if on_paths < 10:  # a "top 10" of fewer than ten actors on any path says nothing about stability
            confidence = "few_paths"
        else:
            confidence = "unchecked_ranking" if math.isnan(kept) else "stable_ranking" if kept >= STABLE_RANKING else "fragile_ranking"
        variant = "one" if len(top) == 1 else "top" if values["connectors"] > len(top) else ""
        largest = int(a.components.value_counts().max())
        if 2 * largest < a.sparse.n:  # a network in pieces: a connector links the others of its own part, not the whole
            values["largest"] = largest
            variant = f"{variant}_pieces" if variant else "pieces"
        action = "rely_on_connector" if len(top) == 1 else "rely_on_connectors"
        return self._finding("connectors", values, confidence, {"kept": kept, "k": 10, "on_paths": on_paths}, action, {}, variant=variant)

    def _spheres(self, a: Analysis | None = None) -> Finding | None:
        a = a if a is not None else self.analysis
        cov = a.coverage
        if not cov.actors_known:  # the data hold no value of the grouping: nothing to ask about it
            return None
        ei = a.ei_index
        values = {"known": cov.actors_known, "actors": cov.actors, "ties_known": cov.ties_known, "ties": cov.ties, "share": cov.share}
        reason = withheld_reason(cov, None if ei.computable else ei.reason)
        if reason is not None:
            unknown = a.unknown_actors
            if self._group == "sphere":  # a sphere applies to structures and initiatives, not institutions, funders, events...
                kinds = self.analysis.eco.actors["kind"].reindex(unknown.index)
                unknown = unknown[~kinds.isin(NO_SPHERE_KINDS).to_numpy()]
            ask = unknown.head(5).index
            needed = cov.needed()
            first = {"ties": {"needed": needed}} if needed else {"other_group": {}} if reason == "one_known_group" else {"first_ties": {}}
            unlock = {**first, **({"ask": {"names": self._names(ask)}} if len(ask) else {})}
            reachable = self._ties_spheres_can_join(a) if self._group == "sphere" and needed else None
            if reachable is not None and reachable < math.ceil(MIN_COVERAGE * cov.ties):  # no sphere asked for could conclude
                unlock = {"beyond_spheres": {"reachable": reachable, "ties": cov.ties}}
            values["threshold"] = MIN_COVERAGE
            return self._withheld("spheres", values, reason, unlock)
        test = a.ei_test
        p_less, p_greater = float(test["p_less"]), float(test["p_greater"])
        verdict = "inside" if p_less < 0.05 else "across" if p_greater < 0.05 else "chance"
        values.update({"ei": float(ei), "expected": float(test["expected"]), "verdict": verdict})
        confidence = {"p": min(p_less, p_greater), "permutations": int(test["permutations"])}
        return self._finding("spheres", values, f"permutation_{verdict}", confidence, f"spheres_{verdict}", {}, variant=verdict)

    def _ties_spheres_can_join(self, a: Analysis) -> int:
        """How many ties of ``a`` join two actors to which a sphere applies (:func:`ecograph.gaps.sphere_applies`)."""
        eco = a.eco if a.eco is not None else self.analysis.eco  # an analysis of the network alone: the brief's actors
        actors = eco.actors.reindex(a.sparse.nodes)
        applies = sphere_applies(actors)
        u, v, _ = a.sparse.edges()
        return int((applies[u] & applies[v]).sum())

    def _communities(self) -> Finding | None:
        a = self.analysis
        if a.sparse.m < 2:
            return None
        sizes = a.communities.sizes
        groups = int((sizes >= 2).sum())
        nulls = a.null_models.set_index("statistic") if len(a.null_models) else pd.DataFrame()
        if "modularity" not in nulls.index or groups < 2:
            return None
        z = float(nulls.loc["modularity", "z"])
        values = {"n_groups": groups, "largest": int(sizes.max()), "q": float(a.communities.modularity)}
        confidence = {"z": z, "mean": float(nulls.loc["modularity", "mean"]), "samples": int(nulls.loc["modularity", "samples"])}
        tied = a.degree.to_numpy() > 0
        pairs = pd.DataFrame(
            {"group": a.communities.membership.reindex(a.sparse.nodes).to_numpy()[tied], "piece": a.components.to_numpy()[tied]}
        )
        if pairs.drop_duplicates().shape[0] == pairs["group"].nunique() == pairs["piece"].nunique():
            # each group is one whole piece of the network: the groups repeat the pieces, they tell nothing more
            return self._finding("communities", values, "pieces", confidence, "map_before_groups", {}, variant="pieces")
        if z >= Z_THRESHOLD:
            return self._finding("communities", values, "beyond_chance", confidence, "cross_groups", {})
        # no more distinct than chance: nothing says acquaintance stops at the groups' edges
        return self._finding("communities", values, "not_beyond_chance", confidence, "map_before_groups", {}, variant="weak")

    def _fragility(self) -> Finding | None:
        a = self.analysis
        standing = a.standing
        cuts = standing[standing["cut_point"]]  # an organisation to build ties around, not an event
        if not len(cuts):
            return None
        order = sorted(cuts.index, key=lambda x: (-int(cuts.loc[x, "cuts_off"]), str(x)))
        actor = order[0]
        name = self._names([actor])[0]
        values = {"name": name, "id": actor, "cut_off": int(cuts.loc[actor, "cuts_off"]), "cut_points": len(cuts)}
        return self._finding("fragility", values, "known_paths", {}, "backup_ties", {"name": name})

    def _flows(self) -> Finding:
        a = self.analysis
        flows = a.people_flows
        if not len(self.analysis.eco.affiliations):
            return self._withheld("flows", {}, "no_affiliations", {"affiliations": {}})
        moves = [f"{s} → {t}" for s, t in zip(self._names(flows["source"]), self._names(flows["target"]))]
        if not len(flows):
            return self._withheld("flows", {}, "no_moves", {"affiliations": {}})
        values = {"n": len(flows), "moves": moves[:4], "more": max(0, len(moves) - 4)}
        variant = "more" if values["more"] else ""
        return self._finding("flows", values, "count", {"people": len(a.eco.people)}, "follow_people", {}, variant=variant)

    @cached_property
    def without_inferred(self) -> Finding | None:
        """The spheres finding with only the spheres the source states (the inferred ones set aside), or None when none is inferred.

        It is computed on the same network (no second graph), grouped by the
        stated spheres only; :attr:`inferred_changes` compares it with this one.
        """
        actors = self.analysis.eco.actors
        if "sphere_status" not in actors.columns or not (actors["sphere_status"] == "inferred").any() or self._group != "sphere":
            return None
        stated = actors["sphere"].where(actors["sphere_status"] != "inferred", "").reindex(self.analysis.sparse.nodes)
        other = Analysis(self.analysis.sparse, group=stated, seed=self.analysis.seed, permutations=self.analysis.permutations)
        finding = self._spheres(other)
        if finding is None:  # every known sphere was inferred: without them, none is known
            values = {"known": 0, "actors": other.coverage.actors}
            return self._withheld("spheres", values, "no_known_group", {"stated_groups": {}})
        return finding

    @cached_property
    def inferred_changes(self) -> list[tuple[Finding, Finding]]:
        """The group findings whose conclusion changes once the inferred spheres are set aside: (with, without) pairs.

        A conclusion changes when one is stated and the other withheld, or
        when both are stated with another verdict; two withheld findings
        say the same (nothing can be said yet), whatever their reasons.
        """
        without = self.without_inferred
        if without is None:
            return []
        mine = next((f for f in self.candidates if f.code == "spheres"), None)
        if mine is None:
            return []
        differ = mine.stated != without.stated or (mine.stated and mine.variant != without.variant)
        return [(mine, without)] if differ else []

    #: The findings :attr:`confirmed_changes` checks on the stated and confirmed ties alone.
    CONFIRMED_CHECKS = ("ties", "fragmentation", "connectors")

    @cached_property
    def confirmed_only(self) -> Brief | None:
        """The brief of the stated and confirmed ties alone (those declared by one side set aside), or None when none is declared."""
        if not self.facts["declared"]:
            return None
        eco = self.analysis.eco.with_ties(status=("stated", "confirmed"))
        return Brief(eco, group=self.analysis.group, seed=self.analysis.seed, k=self.k)

    @cached_property
    def confirmed_changes(self) -> list[tuple[Finding, Finding | None]]:
        """The findings of :data:`CONFIRMED_CHECKS` that do not hold on the stated and confirmed ties alone: (with, without) pairs.

        A finding holds when it is stated both ways with the same conclusion
        (variant), the same connectors named, and a density inside this
        map's band under 10% of actors missing (:attr:`ecograph.Analysis.robustness`).
        """
        other = self.confirmed_only
        if other is None:
            return []
        theirs = {f.code: f for f in other.candidates}
        band = self.analysis.robustness.set_index("measure").loc["density"]
        out = []
        for mine in self.candidates:
            if mine.code not in self.CONFIRMED_CHECKS or not mine.stated:
                continue
            alone = theirs.get(mine.code)
            holds = alone is not None and alone.stated and alone.variant == mine.variant
            if holds and mine.code == "connectors":
                holds = list(alone.values["ids"]) == list(mine.values["ids"])
            if holds and mine.code == "ties":
                holds = float(band["ci_low"]) <= float(alone.values["density"]) <= float(band["ci_high"])
            if not holds:
                out.append((mine, alone))
        return out

    @property
    def dates_sufficient(self) -> bool:
        """Whether founding years are known for at least :data:`~ecograph.MIN_COVERAGE` of the actors (to follow the years)."""
        f = self.facts
        return bool(f["actors"]) and f["founded_known"] / f["actors"] >= MIN_COVERAGE

    def _evolution(self) -> Finding:
        f = self.facts
        founded = self.analysis.network_eco.actors["founded"].dropna().astype(int)
        values = {"known": f["founded_known"], "actors": f["actors"], "share": f["founded_known"] / f["actors"] if f["actors"] else 0.0}
        if not self.dates_sufficient or not len(founded):
            unlock = {"years": {"needed": max(0, math.ceil(MIN_COVERAGE * f["actors"] - 1e-9) - f["founded_known"])}}
            reason = "few_dates" if f["founded_known"] else "no_dates"
            return self._withheld("evolution", {**values, "threshold": MIN_COVERAGE}, reason, unlock)
        latest = int(founded.max())
        recent = int((founded >= latest - RECENT_YEARS + 1).sum())
        values.update({"recent": recent, "since": latest - RECENT_YEARS + 1, "recent_share": recent / len(founded)})
        return self._finding("evolution", values, "dated", {"known": f["founded_known"], "actors": f["actors"]}, "support_young", {})

    # ---- for tables and notebooks ------------------------------------------------------------------

    def to_frame(self, lang: str = "en") -> pd.DataFrame:
        """Every finding as a row: code, whether stated, and its words in ``lang``.

        Examples
        --------
        >>> import ecograph as eg
        >>> eg.Brief(eg.datasets.tiny()).to_frame()["code"].tolist()[:2]
        ['ties', 'fragmentation']
        """
        rows = []
        for f in self.candidates:
            text = f.text(lang)
            rows.append({"code": f.code, "stated": f.stated, **text})
        return pd.DataFrame(rows)

    def __iter__(self):
        return iter(self.findings)

    def conclusion(self, codes: Iterable[str] | None = None, lang: str = "en") -> Conclusion:
        """The findings a notebook concludes with, in ``lang``: stated ones with their confidence and action, withheld ones with what would unlock them.

        Parameters
        ----------
        codes : iterable of str, optional
            Codes of :data:`FINDING_CODES`, shown in that order; a code these
            data give nothing to say about (no cut point for ``"fragility"``,
            say) is left out. ``None``: those of the first page, :attr:`findings`
            (at most :data:`MAX_FINDINGS`) then :attr:`withheld`.
        lang : {"en", "fr"}, default "en"

        Returns
        -------
        Conclusion
            Rows of :meth:`to_frame`; shown as HTML in Jupyter, as text by ``print``.

        Examples
        --------
        >>> import ecograph as eg
        >>> c = eg.Brief(eg.datasets.tiny()).conclusion(["spheres", "flows"])
        >>> c.frame[["code", "stated"]].values.tolist()
        [['spheres', False], ['flows', True]]
        >>> print(c)
        Do the spheres talk to each other?
          Cannot be said yet: only 78% of the ties join two actors of known sphere, below the 80% a finding needs.
          → Knowing more spheres would not be enough: 7 of the 9 ties join two actors to which a sphere can apply (the others touch an institution, funder, school, programme or event, which has none). Record ties between structures and initiatives first.
        <BLANKLINE>
        Do people move between structures?
          1 move of people between structures is recorded: Incubator → Accelerator lab.
          Moves recorded in the sources for 2 people; moves not recorded are not counted.
          → Record people's moves at each update: they carry know-how between structures.
        >>> eg.Brief(eg.datasets.tiny()).conclusion(["sphere"])
        Traceback (most recent call last):
        ...
        ValueError: codes must be among ties, fragmentation, connectors, spheres, flows, communities, fragility, evolution (got 'sphere')
        """
        frame = self.to_frame(lang).reindex(columns=_CONCLUSION_COLUMNS)
        if codes is None:
            stated = frame["stated"].astype(bool)
            frame = pd.concat([frame[stated].head(MAX_FINDINGS), frame[~stated]])
        else:
            codes = [codes] if isinstance(codes, str) else list(codes)
            unknown = [c for c in codes if c not in FINDING_CODES]
            if unknown:
                raise ValueError(f"codes must be among {', '.join(FINDING_CODES)} (got {', '.join(map(repr, unknown))})")
            frame = frame.set_index("code", drop=False).reindex([c for c in codes if c in set(frame["code"])])
        return Conclusion(frame.reset_index(drop=True), check_language(lang))


def _tie_pairs(ties: pd.DataFrame) -> int:
    """Pairs of distinct actors the ties table links (people links aside)."""
    if not len(ties):
        return 0
    codes, _ = pd.factorize(pd.concat([ties["source"], ties["target"]], ignore_index=True).astype(str))
    u, v = codes[: len(ties)], codes[len(ties) :]
    keep = u != v
    low, high = np.minimum(u[keep], v[keep]), np.maximum(u[keep], v[keep])
    return len(np.unique(low.astype(np.int64) * (int(codes.max()) + 1) + high)) if keep.any() else 0


_CONCLUSION_COLUMNS = ["code", "stated", "question", "sentence", "confidence", "action", "withheld", "unlock"]


@dataclass(frozen=True, eq=False)
class Conclusion:
    """Findings written out for a notebook's conclusion (made by :meth:`Brief.conclusion`).

    Attributes
    ----------
    frame : DataFrame
        One row per finding, with the columns of :meth:`Brief.to_frame`.
    lang : str
        The language the words are in.

    Examples
    --------
    >>> import ecograph as eg
    >>> c = eg.Brief(eg.datasets.tiny()).conclusion(["ties"], lang="fr")
    >>> question, sentence, confidence, action = c.lines()[0]
    >>> question, action[:22]
    ('Les liens sont-ils assez denses ?', '→ Compléter la carte :')
    >>> "<strong>Les liens sont-ils assez denses ?</strong>" in c._repr_html_()
    True
    """

    frame: pd.DataFrame
    lang: str = "en"

    def lines(self) -> list[list[str]]:
        """For each finding: its question, then what is said (or why it is withheld), how sure, and the action (or what would unlock it)."""
        out = []
        for row in self.frame.to_dict("records"):
            said = ["sentence", "confidence"] if row["stated"] else ["withheld"]
            then = row["action"] if row["stated"] else row["unlock"]
            texts = [row[key] for key in said] + ([f"→ {then}"] if isinstance(then, str) and then else [])
            out.append([row["question"], *(t for t in texts if isinstance(t, str) and t)])
        return out

    def __str__(self) -> str:
        return "\n\n".join("\n".join([question, *("  " + t for t in rest)]) for question, *rest in self.lines())

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        parts = [f"<div class='ecograph-conclusion' lang='{self.lang}'>"]
        for (question, *rest), stated in zip(self.lines(), self.frame["stated"]):
            colour = "#0072B2" if stated else "#999999"
            parts.append(f"<div style='margin:0 0 1em 0;padding-left:0.8em;border-left:4px solid {colour}'>")
            parts.append(f"<p style='margin:0'><strong>{html.escape(question)}</strong></p>")
            parts += [f"<p style='margin:0.2em 0'>{html.escape(t)}</p>" for t in rest]
            parts.append("</div>")
        parts.append("</div>")
        return "".join(parts)
