"""A walk through the findings: the steps an officer presents to a steering committee.

A walk is a short file, ``walk.json``, that the report plays full screen
(``ecograph report PATH --walk walk.json``), prints one step per page with
its picture (``--print-walk``, :mod:`ecograph.report.walk_print`) and that
``ecograph slides`` turns into a slide deck. ``ecograph walk PATH -o walk.json`` drafts one from
the :class:`~ecograph.Brief` (:func:`ecograph.report.draft_walk`) (what the data cover, one step per stated
finding, the worklist, what the data cannot tell yet, the actions); the
officer then edits the words and the focus of each step.

The format
----------
A JSON object::

    {
      "ecograph_walk": 1,
      "lang": "fr",
      "title": {"fr": "...", "en": "..."},
      "steps": [
        {
          "id": "connectors",
          "finding": "connectors",
          "title": {"fr": "Qui relie les autres ?", "en": "Who connects the others?"},
          "caption": {"fr": "...", "en": "..."},
          "notes": {"fr": "...", "en": "..."},
          "focus": {"actors": ["metropole-dijon", "region-bfc"]},
          "filters": ["kind:event"],
          "highlight": ["connectors"],
          "ties": [["premice", "toaster-lab"]],
          "camera": "fit",
          "year": null,
          "layer": "network"
        }
      ]
    }

``lang`` is the language the walk is presented in when the command that
plays it is not told one. Each step has:

``id`` (text, unique in the walk)
    How the step is named in the page address (``#step=3`` counts from 1)
    and in error messages.
``finding`` (text or null)
    The :data:`ecograph.findings.FINDING_CODES` code the step tells, if any (its
    confidence goes to the slides' notes when the step has none).
``title``, ``caption``, ``notes`` (``{"fr": ..., "en": ...}``)
    The caption is short Markdown of which only plain text, emphasis
    (``*a*``, ``**b**``) and lists (lines starting ``- `` or ``1. ``) are
    rendered; anything else (links, HTML, headings) is shown as typed.
    The notes are the speaker's (the finding's confidence).
``focus`` (null or one of)
    ``{"actors": [ids]}``; ``{"sphere": code}``; ``{"community": n}`` (the
    community numbered ``n`` in :attr:`ecograph.Analysis.communities`);
    ``{"around": id, "depth": 1..3}`` (an actor's neighbourhood).
``filters`` (list of ``"field:value"``)
    Values hidden in the view (``kind:event``, ``sphere:finance``,
    ``type:funding``), as the view's ``#off=`` address does.
``highlight`` (list)
    The view's highlight layers switched on (``bridges``, ``cut_points``,
    ``to_reach``, ``connectors``); ``ties`` marks ties given as actor pairs.
``camera``
    ``"fit"`` (the whole network), ``"focus"`` (the focused actors), or
    ``{"x": .., "y": .., "zoom": ..}`` in the layout's coordinates.
``year`` (integer or null) and ``layer`` (``"network"`` or ``"map"``).

:func:`load_walk` checks every field and raises one :class:`WalkError`
listing every problem by step and field; :meth:`Walk.check` checks the
actor ids, spheres and communities against an ecosystem. :meth:`Walk.to_json`
writes every field in this order, so a walk loaded and saved again is the
same file, byte for byte.

Examples
--------
>>> import ecograph as eg
>>> from ecograph.report import draft_walk
>>> walk = draft_walk(eg.Brief(eg.datasets.dijon()))
>>> [s.id for s in walk.steps][:4]
['covers', 'ties', 'fragmentation', 'connectors']
>>> load_walk(walk.to_json()).to_json() == walk.to_json()
True
>>> print(markdown("**Dijon** <b>x</b>"))
<p><strong>Dijon</strong> &lt;b&gt;x&lt;/b&gt;</p>
"""

from __future__ import annotations

import html
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from .errors import EcographError
from .words import LANGUAGES

__all__ = [
    "CAMERAS",
    "LAYERS",
    "Step",
    "Walk",
    "WalkError",
    "focused_actors",
    "inline_runs",
    "load_walk",
    "markdown",
    "markdown_blocks",
]

#: The version of the format written in ``ecograph_walk``.
VERSION = 1
#: The layers a step may show.
LAYERS = ("network", "map")
#: The named cameras (besides an ``{"x", "y", "zoom"}`` position).
CAMERAS = ("fit", "focus")
#: The view's highlight layers a step may switch on.
HIGHLIGHTS = ("bridges", "cut_points", "to_reach", "connectors")
_FIELDS = ("id", "finding", "title", "caption", "notes", "focus", "filters", "highlight", "ties", "camera", "year", "layer")
ORDER = ("fr", "en")  # the order the texts are written in
_FOCUS_KEYS = ({"actors"}, {"sphere"}, {"community"}, {"around", "depth"})


class WalkError(EcographError, ValueError):
    """A walk that cannot be played: every problem, each naming its step and field.

    Examples
    --------
    >>> err = WalkError(["step 2 ('flows'), field 'year': must be a whole number or null"])
    >>> isinstance(err, ValueError), err.problems[0].startswith("step 2")
    (True, True)
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("walk: " + "; ".join(self.problems))


@dataclass
class Step:
    """One step of a walk (the fields are those of the format, see the module notes).

    Examples
    --------
    >>> step = Step("ties", {"fr": "Liens", "en": "Ties"}, {"fr": "*Peu*", "en": "*Few*"}, focus={"actors": ["premice"]})
    >>> list(step.to_dict())[:4], step.camera, step.layer
    (['id', 'finding', 'title', 'caption'], 'fit', 'network')
    """

    id: str
    title: dict[str, str]
    caption: dict[str, str]
    notes: dict[str, str] = field(default_factory=lambda: {lang: "" for lang in ORDER})
    finding: str | None = None
    focus: dict[str, Any] | None = None
    filters: list[str] = field(default_factory=list)
    highlight: list[str] = field(default_factory=list)
    ties: list[list[str]] = field(default_factory=list)
    camera: Any = "fit"
    year: int | None = None
    layer: str = "network"

    def to_dict(self) -> dict[str, Any]:
        """The step as the format writes it, every field in order."""
        out = {name: getattr(self, name) for name in _FIELDS}
        for name in ("title", "caption", "notes"):  # French first, whatever order the texts came in
            out[name] = {lang: out[name].get(lang, "") for lang in ORDER}
        return out


@dataclass
class Walk:
    """A walk: a title, its steps, and the language it is presented in by default.

    Examples
    --------
    >>> walk = Walk({"fr": "Dijon", "en": "Dijon"}, [Step("a", {"fr": "A", "en": "A"}, {"fr": "", "en": ""})], "en")
    >>> import json
    >>> list(json.loads(walk.to_json())), load_walk(walk.to_json()).lang
    (['ecograph_walk', 'lang', 'title', 'steps'], 'en')
    """

    title: dict[str, str]
    steps: list[Step]
    lang: str = "fr"

    def to_json(self) -> str:
        """The walk as ``walk.json`` text (UTF-8, two-space indents, one final newline)."""
        title = {lang: self.title.get(lang, "") for lang in ORDER}
        data = {"ecograph_walk": VERSION, "lang": self.lang, "title": title, "steps": [s.to_dict() for s in self.steps]}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def save(self, path: str | os.PathLike) -> Path:
        """Write the walk to ``path``."""
        path = Path(path)
        path.write_text(self.to_json(), encoding="utf-8", newline="\n")
        return path

    def check(self, eco: Any, *, analysis: Any = None, codes: Any = None) -> Walk:
        """Raise :class:`WalkError` naming each unknown actor id, sphere, community or finding code, with its step; return the walk.

        ``codes`` are the finding codes a step may tell (:data:`ecograph.FINDING_CODES`); communities are checked
        against ``analysis`` when given.
        """
        actors = eco.actors
        spheres = set(actors["sphere"].dropna().astype(str)) if "sphere" in actors.columns else set()
        communities = set(analysis.communities.membership.unique()) if analysis is not None else None
        problems = []
        for k, step in enumerate(self.steps, 1):
            where = f"step {k} ({step.id!r})"
            ids = _step_actor_ids(step)
            problems += [f"{where}, field {name!r}: unknown actor id {i!r}" for name, i in ids if i not in actors.index]
            if codes is not None and step.finding is not None and step.finding not in codes:
                problems.append(f"{where}, field 'finding': {step.finding!r} is none of {', '.join(codes)}")
            focus = step.focus or {}
            if "sphere" in focus and str(focus["sphere"]) not in spheres:
                problems.append(f"{where}, field 'focus.sphere': no actor has the sphere {focus['sphere']!r}")
            if "community" in focus and communities is not None and focus["community"] not in communities:
                problems.append(f"{where}, field 'focus.community': there is no community {focus['community']!r}")
        if problems:
            raise WalkError(problems)
        return self


def _step_actor_ids(step: Step) -> list[tuple[str, str]]:
    """The actor ids a step names, each with its field."""
    focus = step.focus or {}
    out = [("focus.actors", i) for i in focus.get("actors", [])]
    if "around" in focus:
        out.append(("focus.around", focus["around"]))
    out += [("ties", i) for pair in step.ties for i in pair]
    return out


# ---- loading: every field checked ----------------------------------------------------------------------------------


def load_walk(source: str | os.PathLike) -> Walk:
    """Read a walk from a file, or from its JSON text; raise :class:`WalkError` listing every problem.

    Examples
    --------
    >>> load_walk('{"ecograph_walk": 1, "title": {"fr": "T", "en": "T"}, "steps": [{"id": "a"}]}')
    Traceback (most recent call last):
    ...
    ecograph.walk.WalkError: walk: step 1 ('a'), field 'title': missing; step 1 ('a'), field 'caption': missing
    """
    text = str(source) if isinstance(source, str) and source.lstrip().startswith("{") else Path(source).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise WalkError([f"not JSON ({exc.msg}, line {exc.lineno}, column {exc.colno})"]) from None
    if not isinstance(data, dict) or not isinstance(data.get("steps"), list):
        raise WalkError(["the file must be a JSON object with a list of 'steps'"])
    problems: list[str] = []
    if data.get("ecograph_walk") != VERSION:
        problems.append(f"field 'ecograph_walk': must be {VERSION}")
    title = _texts(data.get("title"), "field 'title'", problems)
    lang = data.get("lang", "fr")
    if lang not in LANGUAGES:
        problems.append(f"field 'lang': must be one of {', '.join(LANGUAGES)}")
    steps = [_step(raw, k, problems) for k, raw in enumerate(data["steps"], 1)]
    seen: dict[str, int] = {}
    for k, step in enumerate(steps, 1):
        if step is not None and step.id in seen:
            problems.append(f"step {k} ({step.id!r}), field 'id': the same as step {seen[step.id]}'s")
        elif step is not None:
            seen[step.id] = k
    if problems:
        raise WalkError(problems)
    return Walk(title, [s for s in steps if s is not None], lang)


def _texts(value: Any, where: str, problems: list[str], *, required: bool = True) -> dict[str, str]:
    """A ``{"fr": ..., "en": ...}`` pair of texts."""
    if value is None and not required:
        return {lang: "" for lang in ORDER}
    if value is None:
        problems.append(f"{where}: missing")
        return {}
    if not isinstance(value, dict) or set(value) != set(LANGUAGES) or not all(isinstance(v, str) for v in value.values()):
        problems.append(f"{where}: must be an object with a text for each of {', '.join(LANGUAGES)}")
        return {}
    return {lang: value[lang] for lang in ORDER}


def _step(raw: Any, k: int, problems: list[str]) -> Step | None:
    """One step, its problems added to ``problems`` (None when it is not an object with an id)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not raw["id"]:
        problems.append(f"step {k}: must be an object with a text 'id'")
        return None
    where = f"step {k} ({raw['id']!r}), field"
    unknown = sorted(set(raw) - set(_FIELDS))
    problems += [f"{where} {name!r}: unknown field" for name in unknown]
    step = Step(
        raw["id"],
        _texts(raw.get("title"), f"{where} 'title'", problems),
        _texts(raw.get("caption"), f"{where} 'caption'", problems),
        _texts(raw.get("notes"), f"{where} 'notes'", problems, required=False),
        finding=raw.get("finding"),
        focus=raw.get("focus"),
        filters=raw.get("filters", []),
        highlight=raw.get("highlight", []),
        ties=raw.get("ties", []),
        camera=raw.get("camera", "fit"),
        year=raw.get("year"),
        layer=raw.get("layer", "network"),
    )
    problems += [f"{where} {p}" for p in _step_problems(step)]
    return step


def _step_problems(step: Step) -> list[str]:
    """What is wrong with a step's fields other than its texts, each starting with the field's name."""
    out = []
    if step.finding is not None and not isinstance(step.finding, str):
        out.append("'finding': must be a finding's code (ecograph.findings.FINDING_CODES) or null")
    out += _focus_problems(step.focus)
    if not isinstance(step.filters, list) or not all(isinstance(f, str) and ":" in f for f in step.filters):
        out.append("'filters': must be a list of 'field:value' texts")
    if not isinstance(step.highlight, list) or not all(h in HIGHLIGHTS for h in step.highlight):
        out.append(f"'highlight': must be a list of {', '.join(HIGHLIGHTS)}")
    if not isinstance(step.ties, list) or not all(
        isinstance(t, list) and len(t) == 2 and all(isinstance(i, str) for i in t) for t in step.ties
    ):
        out.append("'ties': must be a list of [actor id, actor id] pairs")
    camera = step.camera
    position = isinstance(camera, dict) and set(camera) == {"x", "y", "zoom"} and all(_number(v) for v in camera.values())
    if camera not in CAMERAS and not (position and camera["zoom"] > 0):
        out.append("'camera': must be 'fit', 'focus' or {'x': number, 'y': number, 'zoom': positive number}")
    if step.year is not None and (isinstance(step.year, bool) or not isinstance(step.year, int)):
        out.append("'year': must be a whole number or null")
    if step.layer not in LAYERS:
        out.append(f"'layer': must be one of {', '.join(LAYERS)}")
    return out


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _focus_problems(focus: Any) -> list[str]:
    if focus is None:
        return []
    if not isinstance(focus, dict) or set(focus) not in _FOCUS_KEYS:
        return ["'focus': must be null, {'actors': [...]}, {'sphere': ...}, {'community': n} or {'around': id, 'depth': 1..3}"]
    if "actors" in focus and (not isinstance(focus["actors"], list) or not all(isinstance(i, str) for i in focus["actors"])):
        return ["'focus.actors': must be a list of actor ids"]
    if "sphere" in focus and not isinstance(focus["sphere"], str):
        return ["'focus.sphere': must be a sphere code"]
    if "community" in focus and (isinstance(focus["community"], bool) or not isinstance(focus["community"], int)):
        return ["'focus.community': must be a whole number"]
    if "around" in focus and (not isinstance(focus["around"], str) or focus["depth"] not in (1, 2, 3)):
        return ["'focus.around': must be an actor id, with a 'depth' of 1, 2 or 3"]
    return []


# ---- what a step focuses ----------------------------------------------------------------------------------------


def focused_actors(step: Step, analysis: Any) -> list[str]:
    """The actor ids a step focuses, in the network's order (an actor's neighbourhood included), or [] for none.

    Examples
    --------
    >>> import ecograph as eg
    >>> a = eg.Analysis(eg.datasets.tiny())
    >>> step = Step("s", {"fr": "", "en": ""}, {"fr": "", "en": ""}, focus={"around": "coop", "depth": 1})
    >>> focused_actors(step, a)
    ['fablab', 'coop', 'bank']
    """
    focus = step.focus or {}
    nodes = [str(n) for n in analysis.sparse.nodes]
    if "actors" in focus:
        chosen = set(focus["actors"])
    elif "sphere" in focus:
        spheres = analysis.eco.actors["sphere"].reindex(nodes)
        chosen = {n for n, s in zip(nodes, spheres) if str(s) == focus["sphere"]}
    elif "community" in focus:
        membership = analysis.communities.membership
        chosen = {str(n) for n, c in membership.items() if c == focus["community"]}
    elif "around" in focus:
        G = analysis.graph
        chosen = set(nx.single_source_shortest_path_length(G, focus["around"], cutoff=focus["depth"])) if focus["around"] in G else set()
    else:
        return []
    return [n for n in nodes if n in chosen]


# ---- captions: plain text, emphasis and lists --------------------------------------------------------------------

_LIST_ITEM = re.compile(r"^\s*(?:([-*])|(\d+)[.)])\s+(.*)$")
_STRONG = re.compile(r"\*\*(.+?)\*\*")
_EM = re.compile(r"(?<![\w*])[*_](?![\s*_])(.+?)(?<![\s*_])[*_](?![\w*])")


def markdown_blocks(text: str) -> list[tuple[str, list[str]]]:
    """The caption's blocks: ``("p", [line])``, ``("ul", items)`` or ``("ol", items)``, from the text as typed.

    Examples
    --------
    >>> markdown_blocks("Two:\\n- a\\n- b\\n\\nEnd")
    [('p', ['Two:']), ('ul', ['a', 'b']), ('p', ['End'])]
    """
    blocks: list[tuple[str, list[str]]] = []
    for line in str(text).splitlines():
        item = _LIST_ITEM.match(line)
        if item:
            kind = "ul" if item.group(1) else "ol"
            if blocks and blocks[-1][0] == kind:
                blocks[-1][1].append(item.group(3))
            else:
                blocks.append((kind, [item.group(3)]))
        elif not line.strip():
            blocks.append(("", []))
        elif blocks and blocks[-1][0] == "p":
            blocks[-1][1][0] += " " + line.strip()
        else:
            blocks.append(("p", [line.strip()]))
    return [b for b in blocks if b[0]]


def inline_runs(text: str) -> list[tuple[str, bool, bool]]:
    """A line as runs of ``(text, bold, italic)``; the emphasis marks themselves dropped.

    Examples
    --------
    >>> inline_runs("a **b** *c*")
    [('a ', False, False), ('b', True, False), (' ', False, False), ('c', False, True)]
    """
    out: list[tuple[str, bool, bool]] = []
    for k, part in enumerate(_STRONG.split(text)):
        bold = k % 2 == 1
        for j, piece in enumerate(_EM.split(part)):
            if piece:
                out.append((piece, bold, j % 2 == 1))
    return out


def _inline_html(text: str) -> str:
    parts = []
    for t, bold, italic in inline_runs(text):
        shown = html.escape(t)
        shown = f"<em>{shown}</em>" if italic else shown
        parts.append(f"<strong>{shown}</strong>" if bold else shown)
    return "".join(parts)


def markdown(text: str) -> str:
    """The caption as HTML: every character escaped, then emphasis and lists (nothing else) rendered.

    Examples
    --------
    >>> markdown("*Two* ties:\\n- a & b\\n- <i>c</i>")
    '<p><em>Two</em> ties:</p><ul><li>a &amp; b</li><li>&lt;i&gt;c&lt;/i&gt;</li></ul>'
    """
    out = []
    for kind, lines in markdown_blocks(text):
        if kind == "p":
            out.append(f"<p>{_inline_html(lines[0])}</p>")
        else:
            out.append(f"<{kind}>" + "".join(f"<li>{_inline_html(x)}</li>" for x in lines) + f"</{kind}>")
    return "".join(out)
