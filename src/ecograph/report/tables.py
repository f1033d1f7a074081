"""The report's tables: complete ones with stable codes for ``tables/*.csv`` and ``tables.xlsx``, and what the page shows.

Files keep codes (column names, sphere and kind codes, measure names) so
that a script reading them does not depend on the language; the page shows
the same values in the reader's words, cut to their first rows. The
worklist is the exception: its reasons are sentences, so ``worklist.csv``
keeps code headers with the officer's words as values (the officers'
workbook is ``ecograph outreach``). Nothing here computes a measure: every
value comes from the :class:`~ecograph.Brief` and its Analysis.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cached_property
from typing import Any

import pandas as pd

from ..findings import Brief, group_names
from ..gaps import counted_coverage
from ..measures.robustness import interval_decimals
from ..outreach import worklist_table
from ..validation import data_warnings
from ..words import is_missing, label, number, word

__all__ = ["ReportTables"]


#: Measures of a grouping, named after it in the tables shown ("modularity of the spheres").
_OF_GROUPS = ("group_modularity", "cross_group_density")


class ReportTables:
    """Every table of the report, computed from the brief's values on first use.

    ``person`` maps a person id to what the report may show (their pseudonym
    when pseudonymising): the files keep it in place of the id, and the page
    shows it in place of the name.
    """

    def __init__(self, brief: Brief, lang: str, person: Mapping[Any, str] | None = None) -> None:
        self.brief = brief
        self.analysis = brief.analysis
        self.eco = brief.analysis.eco
        self.lang = lang
        self._person = dict(person or {})
        self.names = self.eco.actors["name"].astype(str)
        self.group = brief.analysis.group if isinstance(brief.analysis.group, str) else "group"
        #: the page's header of the groups' column: the dataset's own word for them ("faction"), else the grouping's
        self.heading = (brief.analysis.group_name or self.group) if isinstance(brief.analysis.group, str) else self.group

    def person(self, pid: Any) -> Any:
        """What the files show for a person: their id, or their pseudonym."""
        return self._person.get(pid, pid)

    def person_name(self, pid: Any) -> str:
        """What the page shows for a person: their pseudonym, else their name (their id when they have none)."""
        if pid in self._person:
            return str(self._person[pid])
        name = self._people_names.get(pid)
        return str(pid) if is_missing(name) else str(name)

    @cached_property
    def _people_names(self) -> dict:
        """Each person's name by id (read once: a table's ``get`` per person costs more than the rest of a row)."""
        people = self.eco.people
        return dict(zip(people.index, people["name"])) if "name" in people.columns else {}

    def _label(self, field: str, value: Any) -> str:
        return label(field, value, self.lang, self._own_labels)

    @cached_property
    def _own_labels(self) -> dict:
        """The dataset's own codes named as its vocabulary.csv does: its label in the page's language, else its description."""
        return self.eco.vocabulary.own_labels(self.lang)

    # ---- files: codes ---------------------------------------------------------------------------------

    @cached_property
    def files(self) -> dict[str, pd.DataFrame]:
        """Every table written to ``tables/`` and ``tables.xlsx`` (codes, complete)."""
        a, b = self.analysis, self.brief
        tables = {
            "findings": b.to_frame(self.lang).assign(first_page=lambda d: d["code"].isin([f.code for f in b.findings])),
            "coverage": pd.DataFrame(list(b.facts.items()), columns=["fact", "value"]),
            "key_figures": self.key_figures,
            "actors": self.actors,
            "gaps": b.gaps.reset_index(),
            "block_density": a.block_density.reset_index(),
            "mixing_matrix": a.mixing_matrix.reset_index(),
            "ei_by_group": a.ei_groups.reset_index() if a.sparse.m else pd.DataFrame(),
            "communities": a.communities.to_frame().rename_axis("id").reset_index(),
            "community_summary": self.community_summary,
            "brokers": a.brokers.reset_index()
            .rename(columns={"actor": "id"})
            .assign(name=lambda d: d["id"].map(self.names), connector=lambda d: d["id"].map(a.standing["connector"])),
            "bridges": self._named_pairs(a.bridges),
            "cut_points": a.cut_points.rename_axis("id")
            .reset_index()
            .assign(name=lambda d: d["id"].map(self.names), cut_point=lambda d: d["id"].map(a.standing["cut_point"])),
            "key_players": b.key_players,
            "worklist": self.worklist_file,
            "people_flows": a.people_flows.assign(person=lambda d: d["person"].map(self.person)),
            "people_links": a.people_links.assign(person=lambda d: d["person"].map(self.person)),
            "flow_table": a.flow_table.reset_index(),
            "evolution": a.evolution.reset_index() if len(a.evolution) else pd.DataFrame(),
            "robustness": a.robustness,
            "null_models": a.null_models,
            "dataset_coverage": self.dataset_coverage,
            "data_warnings": data_warnings(self.eco),
            "provenance": self.provenance,
        }
        if self.has_directions:
            tables["directions"] = self.directions_file
        return tables

    @cached_property
    def key_figures(self) -> pd.DataFrame:
        a = self.analysis
        rows = [(k, float(v)) for k, v in a.headline.items()]
        rows += [("ei_index", float(a.ei_index))] if "ei_index" not in a.headline.index else []
        rows += [
            ("ei_reason", a.ei_index.reason or ""),
            ("communities", int((a.communities.sizes >= 2).sum())),  # groups of two actors or more, as the page counts them
            ("modularity", a.communities.modularity),
            ("moves", len(a.people_flows)),
            ("worklist", len(self.brief.worklist)),
        ]
        # counts as whole numbers (100, not 100.0)
        rows = [(k, int(v) if isinstance(v, float) and v.is_integer() else v) for k, v in rows]
        return pd.DataFrame(rows, columns=["measure", "value"])

    @cached_property
    def actors(self) -> pd.DataFrame:
        a = self.analysis
        cols = [c for c in ("name", "kind", "sphere", "sphere_status", "scope", "founded", "commune") if c in self.eco.actors.columns]
        out = self.eco.actors[cols].copy()
        out["in_network"] = out.index.isin(a.sparse.nodes)
        # whole numbers, empty for an actor outside the network (nullable integers: 2, not 2.0)
        out["degree"] = a.degree.reindex(out.index).astype("Int64")
        out["community"] = a.communities.membership.reindex(out.index).astype("Int64")
        out["betweenness"] = a.brokers["betweenness"].reindex(out.index)
        out["main_role"] = a.brokers["main_role"].reindex(out.index)
        return out.rename_axis("id").reset_index()

    def _named_pairs(self, frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        out.insert(1, "source_name", out["source"].map(self.names))
        out.insert(3, "target_name", out["target"].map(self.names))
        return out

    @cached_property
    def community_summary(self) -> pd.DataFrame:
        """Communities of two actors or more: size, main members, and the main known group with its share of the known."""
        a = self.analysis
        membership = a.communities.membership
        degree = a.degree
        values = self.eco.actors[self.group] if self.group in self.eco.actors.columns else pd.Series(dtype=object)
        rows = []
        for c, ids in membership.groupby(membership, sort=True).groups.items():
            if len(ids) < 2:
                continue
            groups = values.reindex(ids)
            known = groups[groups.notna() & (groups.astype(str).str.strip() != "")]
            top = degree.reindex(ids).sort_values(ascending=False, kind="stable").index[:5]
            counts = known.value_counts()
            rows.append(
                {
                    "community": int(c),
                    "size": len(ids),
                    "members": ", ".join(self.names.get(i, str(i)) for i in top) + (" …" if len(ids) > 5 else ""),
                    "group_known": len(known),
                    "main_group": counts.index[0] if len(counts) else None,
                    "main_group_share_of_known": round(counts.iloc[0] / len(known), 3) if len(counts) else None,
                }
            )
        return pd.DataFrame(rows, columns=["community", "size", "members", "group_known", "main_group", "main_group_share_of_known"])

    @cached_property
    def worklist_file(self) -> pd.DataFrame:
        wl = self.brief.worklist
        if not len(wl) or "reason" not in wl.columns:
            return pd.DataFrame()
        shown = worklist_table(wl, lang=self.lang)
        shown.columns = ["id", *wl.columns]
        return shown

    @cached_property
    def dataset_coverage(self) -> pd.DataFrame:
        counted = counted_coverage(self.eco)
        return counted.reset_index() if len(counted) else pd.DataFrame()

    @cached_property
    def dataset_coverage_shown(self) -> pd.DataFrame:
        cov = self.dataset_coverage
        if not len(cov):
            return cov
        out = cov.copy()
        first = out.columns[0]
        out[first] = [
            word("report.total", self.lang) if v == "total" else self._label("sphere", "" if str(v).startswith("(") else v)
            for v in out[first]
        ]
        return out

    @cached_property
    def provenance(self) -> pd.DataFrame:
        sources = pd.concat([self.eco.actors["source"], self.eco.ties["evidence"]]).astype(str).str.split(";").explode().str.strip()
        sources = sources[sources != ""]
        return sources.value_counts().rename_axis("reference").reset_index(name="rows")

    # ---- page: words ---------------------------------------------------------------------------------

    @cached_property
    def worklist_shown(self) -> pd.DataFrame:
        wl = self.worklist_file
        if not len(wl):
            return wl
        names = [c for c in ("introducer_1_name", "introducer_2_name", "introducer_3_name") if c in wl.columns]
        shown = pd.DataFrame(
            {
                "name": wl["name"],
                self.heading: wl[self.group] if self.group in wl.columns else "",
                "kind": wl["kind"],
                "reason": wl["reason"],
                "introducers": [", ".join(str(x) for x in row if isinstance(x, str) and x) for row in wl[names].itertuples(index=False)],
                "why_1": wl.get("why_1", pd.Series("", index=wl.index)).fillna("").astype(str),  # every fact: the officer reads why
            }
        )
        return shown

    @cached_property
    def brokers_shown(self) -> pd.DataFrame:
        br = self.analysis.brokers
        top = br[self.analysis.standing["connector"].reindex(br.index).to_numpy()]  # the connectors, decided once
        frame = pd.DataFrame(
            {
                "name": top.index.map(self.names),
                self.heading: [self._label(self.group, g) for g in top["group"]],
                "degree": top["degree"].to_numpy(),
                "betweenness": top["betweenness"].round(4).to_numpy(),
                "constraint": top["constraint"].round(3).to_numpy(),
            }
        )
        coverage = br.attrs.get("coverage")
        if coverage is not None and coverage.is_sufficient():  # roles and participation rest on the groups: shown only when known enough
            frame["participation"] = top["participation"].round(3).to_numpy()
            frame["role"] = [self._role(r) for r in top["main_role"]]
        return frame

    def _role(self, role: Any) -> str:
        """A brokerage role in words: a code, "" for none, None when the group is unknown."""
        if role is None or (isinstance(role, float) and role != role):
            return word("measures.role.", self.lang)
        return word(f"measures.role.{role}" if role else "measures.role.none", self.lang)

    @cached_property
    def key_players_shown(self) -> pd.DataFrame:
        kp = self.brief.key_players
        if not len(kp):
            return kp
        return pd.DataFrame(
            {
                "step": kp["step"].to_numpy(),
                "name": kp["name"].to_numpy(),
                "pairs_disconnected": [number(float(x), self.lang, ".0%") for x in kp["pairs_disconnected"]],
                "largest_component_share": [number(float(x), self.lang, ".0%") for x in kp["largest_component_share"]],
            }
        )

    @cached_property
    def communities_shown(self) -> pd.DataFrame:
        cs = self.community_summary.copy()
        cs["main_group"] = ["" if is_missing(g) else self._label(self.group, g) for g in cs["main_group"]]
        own = self.analysis.group_name
        if own != "sphere":  # a dataset's own groups are named in the headers, not as spheres
            cs = cs.rename(
                columns={
                    c: word(f"report.columns_group.{c}", self.lang, group=own)
                    for c in ("group_known", "main_group", "main_group_share_of_known")
                }
            )
        return cs

    @cached_property
    def groups_known(self) -> pd.DataFrame:
        a = self.analysis
        values = self.eco.actors[self.group].reindex(a.sparse.nodes) if self.group in self.eco.actors.columns else pd.Series(dtype=object)
        labels = [self._label(self.group, v) for v in values]
        counts = pd.Series(labels, dtype=object).value_counts()
        return counts.rename_axis(self.heading).reset_index(name="actors")

    @cached_property
    def block_density_shown(self) -> pd.DataFrame:
        bd = self.analysis.block_density
        return bd.rename(index=lambda s: self._label(self.group, s), columns=lambda s: self._label(self.group, s)).round(4)

    @cached_property
    def flows_shown(self) -> pd.DataFrame:
        f = self.analysis.people_flows
        return pd.DataFrame(
            {
                "person": [self.person_name(p) for p in f["person"]],
                "source": f["source"].map(self.names).to_numpy(),
                "target": f["target"].map(self.names).to_numpy(),
                "year": f["year"].to_numpy(),
            }
        )

    @cached_property
    def evolution_shown(self) -> pd.DataFrame:
        ev = self.analysis.evolution
        cols = ["actors", "ties", "density", "components", "largest_component_share", "isolates"]
        if not self.brief.dates_sufficient:
            return pd.DataFrame()
        return ev[cols].round(4).reset_index() if len(ev) else ev

    # ---- direction and weight (the directed and valued measures, shown only where the data have them) ----------

    @property
    def has_directions(self) -> bool:
        """Whether some tie has a direction or a weight other than 1."""
        t = self.analysis.tie_treatment
        return bool(t["directed"] or t["weighted"])

    @cached_property
    def directions_file(self) -> pd.DataFrame:
        """Every actor's in- and out-degree and strength, and its Gould & Fernandez role counts on the arcs."""
        a = self.analysis
        frame = a.directed_degrees.join(a.directed_roles)
        frame.insert(0, "name", frame.index.map(self.names))
        return frame.rename_axis("id").reset_index()

    @cached_property
    def directions_shown(self) -> pd.DataFrame:
        """The network's directed figures (when some tie has a direction) and valued ones (when some has a weight)."""
        a, t = self.analysis, self.analysis.tie_treatment
        rows: list[tuple[str, Any]] = []
        if t["directed"]:
            dyads = a.dyad_census
            rows += [
                ("arcs", int(2 * dyads["mutual"] + dyads["asymmetric"])),
                ("reciprocity", round(a.reciprocity, 4)),
                ("mutual_pairs", int(dyads["mutual"])),
                ("asymmetric_pairs", int(dyads["asymmetric"])),
                ("directed_density", round(a.directed_density, 4)),
            ]
        if t["weighted"]:
            ei = a.valued_ei_index
            rows += [
                ("valued_density", round(a.valued_density, 4)),
                ("valued_ei_index", word(f"measures.reason.{ei.reason}", self.lang) if ei.reason else round(float(ei), 4)),
            ]
        return pd.DataFrame({"measure": [word(f"measures.name.{k}", self.lang) for k, _ in rows], "value": [v for _, v in rows]})

    @cached_property
    def directed_actors_shown(self) -> pd.DataFrame:
        """The actors with at least one arc, those with the most arcs first: received and sent (and their weights when weighted)."""
        d = self.analysis.directed_degrees
        total = d["in_degree"] + d["out_degree"]
        top = d.loc[total[total > 0].sort_values(ascending=False, kind="stable").index]
        frame = pd.DataFrame(
            {
                "name": top.index.map(self.names),
                "in_degree": top["in_degree"].astype(int).to_numpy(),
                "out_degree": top["out_degree"].astype(int).to_numpy(),
            }
        )
        if self.analysis.tie_treatment["weighted"]:
            frame["in_strength"] = top["in_strength"].round(3).to_numpy()
            frame["out_strength"] = top["out_strength"].round(3).to_numpy()
        return frame

    @cached_property
    def directed_roles_shown(self) -> pd.DataFrame:
        """The actors who broker on the arcs, the most first: their group and the count of each Gould & Fernandez role."""
        roles = self.analysis.directed_roles
        top = roles[roles["brokerage"] > 0].sort_values("brokerage", ascending=False, kind="stable")
        groups = (
            self.eco.actors[self.group].reindex(top.index) if self.group in self.eco.actors.columns else pd.Series(None, index=top.index)
        )
        frame = pd.DataFrame({"name": top.index.map(self.names), self.heading: [self._label(self.group, g) for g in groups]})
        for col in ("coordinator", "itinerant", "gatekeeper", "representative", "liaison", "brokerage"):
            frame[col] = top[col].astype(int).to_numpy()
        return frame

    def _measure_rows(self, frame: pd.DataFrame, key: str, cols: list[str]) -> pd.DataFrame:
        """The rows as shown: the mean and interval to the decimal of the interval's width (the sequential rule's precision), the rest to 4 decimals."""
        if not len(frame):
            return frame
        out = frame[[key, *cols]].copy()
        groups = group_names(self.analysis.group_name, self.lang)["groups"]  # "modularity of the spheres", not of "the groups"
        out[key] = [
            word(f"measures.name.{m}_of", self.lang, groups=groups) if m in _OF_GROUPS else word(f"measures.name.{m}", self.lang)
            for m in out[key]
        ]
        out["reason"] = [word(f"measures.reason.{r}", self.lang) if isinstance(r, str) and r else "" for r in frame["reason"]]
        for c in cols:
            if out[c].dtype.kind == "f":
                out[c] = out[c].round(4)
        for c in ("p_greater", "p_less"):  # a p-value from N draws moves by 1/(N+1): no more decimals than that step shows
            if c in out:
                places = [max(2, math.ceil(math.log10(n + 1))) if n == n and n > 0 else 4 for n in frame["samples"]]
                out[c] = [round(float(v), d) if v == v else v for v, d in zip(frame[c], places)]
        decimals = [interval_decimals(lo, hi) for lo, hi in zip(frame["ci_low"], frame["ci_high"])]
        for c in ("mean", "ci_low", "ci_high"):
            out[c] = [round(float(v), d) + 0.0 for v, d in zip(frame[c], decimals)]  # + 0.0: -0.0 is printed 0
        return out.rename(columns={key: "measure"})

    @cached_property
    def robustness_shown(self) -> pd.DataFrame:
        return self._measure_rows(self.analysis.robustness, "measure", ["observed", "mean", "ci_low", "ci_high", "samples", "max_samples"])

    @cached_property
    def null_models_shown(self) -> pd.DataFrame:
        cols = ["observed", "mean", "ci_low", "ci_high", "z", "p_greater", "p_less", "samples", "max_samples"]
        return self._measure_rows(self.analysis.null_models, "statistic", cols)

    @property
    def data_warnings(self) -> pd.DataFrame:
        return self.files["data_warnings"][["table", "file", "column", "message"]] if len(self.files["data_warnings"]) else pd.DataFrame()
