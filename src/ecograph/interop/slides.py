"""A walk as a slide deck (PowerPoint, 16:9): one slide per step, for a committee that meets without the report.

Each slide holds the step's title, its caption (emphasis and lists kept), a
picture of the network with the step's focus (the same positions as the
report's map, from :func:`ecograph.views.figures.figure_network`; the
focused actors in colour and named, the others greyed, the step's ties
marked) and speaker notes with how sure the finding is. Actors are named,
never shown by their ids. It needs python-pptx (``pip install
ecograph[slides]``).

Examples
--------
>>> import tempfile, pathlib, ecograph as eg
>>> from ecograph.report import draft_walk
>>> brief = eg.Brief(eg.datasets.tiny())
>>> path = write_slides(draft_walk(brief), brief, pathlib.Path(tempfile.mkdtemp()) / "brief.pptx", lang="en")
>>> from pptx import Presentation
>>> len(Presentation(path).slides) == len(draft_walk(brief).steps)
True
"""

from __future__ import annotations

import io
import os
import textwrap
from pathlib import Path
from typing import Any

from ..findings import FINDING_CODES, Brief
from ..views.figures import figure_network, plt
from ..views.layout import layout as compute_layout
from ..walk import Step, Walk, focused_actors, inline_runs, markdown_blocks
from ..words import check_language, word

__all__ = ["step_figure", "step_picture", "withheld_figure", "write_slides"]

#: 16:9, in EMU (English Metric Units: 914,400 an inch): 13.333 × 7.5 inches.
SLIDE_WIDTH, SLIDE_HEIGHT = 12_192_000, 6_858_000
_MARK = "#D55E00"
_DIM = (0.88, 0.88, 0.88, 1.0)


def step_figure(step: Step, analysis: Any, *, positions: Any, lang: str = "en", seed: int = 0) -> Any:
    """The network with a step's focus: focused actors in colour and named, the others greyed, the step's ties marked.

    Examples
    --------
    >>> import ecograph as eg
    >>> a = eg.Analysis(eg.datasets.tiny())
    >>> from ecograph.views.layout import layout
    >>> s = Step("s", {"fr": "", "en": ""}, {"fr": "", "en": ""}, focus={"actors": ["coop", "bank"]})
    >>> fig = step_figure(s, a, positions=layout(a.graph, seed=0))
    >>> sorted(t.get_text() for t in fig.axes[0].texts)[:2]
    ['Crowdfunding platform', 'Food co-op']
    """
    G = analysis.graph
    focus = set(focused_actors(step, analysis))
    fig = figure_network(G, layout=positions, lang=lang, title="", seed=seed, label_top=0 if focus else 12)
    ax = fig.axes[0]
    nodes = list(G.nodes)
    xy = {n: (float(positions.loc[n, "x"]), -float(positions.loc[n, "y"])) for n in nodes}
    if focus:
        dots = next(c for c in ax.collections if c.get_offsets().shape[0] == len(nodes))
        colours = dots.get_facecolors().copy()
        colours[[n not in focus for n in nodes]] = _DIM
        dots.set_facecolors(colours)
        lines = [c for c in ax.collections if c is not dots]
        for c in lines:
            c.set_alpha(0.25)
        for u, v in G.edges():
            if u in focus and v in focus:
                ax.plot(*zip(xy[u], xy[v]), color="#555555", linewidth=1.2, zorder=1.5)
        if step.camera == "focus":
            _zoom(ax, [xy[n] for n in focus], [xy[n] for n in nodes])
        _name(fig, ax, [(str(G.nodes[n].get("name") or n)[:32], xy[n]) for n in nodes if n in focus][:15])
    for u, v in step.ties:
        if u in xy and v in xy:
            ax.plot(*zip(xy[u], xy[v]), color=_MARK, linewidth=2.5, linestyle="--", zorder=3)
    return fig


def _name(fig: Any, ax: Any, labels: list[tuple[str, tuple[float, float]]]) -> None:
    """Name the actors above their dot, else below, else not at all: two names never overlap."""
    ax.apply_aspect()  # the equal aspect moves the points when drawn: placed after it, the names are checked where they will be
    renderer = fig.canvas.get_renderer()
    placed: list[Any] = []
    for name, point in labels:
        text = ax.annotate(name, point, fontsize=9, ha="center", va="bottom", xytext=(0, 7), textcoords="offset points", zorder=4)
        box = text.get_window_extent(renderer)
        if any(box.overlaps(p) for p in placed):
            text.set_va("top")
            text.xyann = (0, -7)
            box = text.get_window_extent(renderer)
        if any(box.overlaps(p) for p in placed):
            text.remove()
            continue
        placed.append(box)


def _zoom(ax: Any, chosen: list[tuple[float, float]], every: list[tuple[float, float]]) -> None:
    """Frame the chosen points, with a margin of a fifth of the whole network's span (as the view's camera does)."""
    xs, ys = [p[0] for p in every], [p[1] for p in every]
    margin = 0.2 * max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    cx, cy = [p[0] for p in chosen], [p[1] for p in chosen]
    ax.set_xlim(min(cx) - margin, max(cx) + margin)
    ax.set_ylim(min(cy) - margin, max(cy) + margin)


def withheld_figure(text: str) -> Any:
    """A panel in place of a picture for a finding the data cannot support yet: its words, no figure."""
    fig = plt.figure(figsize=(10, 7.5), dpi=110)
    fig.text(0.5, 0.5, "\n".join(textwrap.wrap(text, 48)), ha="center", va="center", fontsize=20, color="#555555", wrap=True)
    return fig


def step_picture(step: Step, brief: Brief, *, positions: Any, lang: str = "en", seed: int = 0) -> bytes:
    """A step's picture as PNG bytes: :func:`step_figure`, or :func:`withheld_figure` for a finding the data cannot support.

    The slides and the printed walk (:func:`ecograph.report.walk_print_page`) show this same picture.

    Examples
    --------
    >>> import ecograph as eg
    >>> from ecograph.views.layout import layout
    >>> brief = eg.Brief(eg.datasets.tiny())
    >>> s = Step("s", {"fr": "", "en": ""}, {"fr": "", "en": ""}, focus={"actors": ["coop"]})
    >>> step_picture(s, brief, positions=layout(brief.analysis.graph, seed=0))[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    withheld = next((f for f in brief.withheld if f.code == step.finding), None)
    if withheld is not None:
        fig = withheld_figure(word("walk.withheld", lang) + " " + withheld.text(lang)["withheld"])
    else:
        fig = step_figure(step, brief.analysis, positions=positions, lang=lang, seed=seed)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def _notes(step: Step, brief: Brief, lang: str) -> str:
    """The speaker's notes: the step's own, else the confidence of the finding it tells."""
    if step.notes.get(lang):
        return step.notes[lang]
    finding = next((f for f in brief.findings if f.code == step.finding), None)
    return word("walk.confidence", lang, text=finding.text(lang)["confidence"]) if finding is not None else ""


def _caption(frame: Any, text: str, pt: Any) -> None:
    """The caption's blocks as paragraphs: list items with a bullet or a number, emphasis as bold or italic runs."""
    frame.word_wrap = True
    first = True
    for kind, lines in markdown_blocks(text):
        for k, line in enumerate(lines, 1):
            para = frame.paragraphs[0] if first else frame.add_paragraph()
            first = False
            para.space_after = pt(8)
            prefix = "• " if kind == "ul" else f"{k}. " if kind == "ol" else ""
            for t, bold, italic in [(prefix, False, False)] * bool(prefix) + inline_runs(line):
                run = para.add_run()
                run.text, run.font.bold, run.font.italic, run.font.size = t, bold, italic, pt(18)


def _slide(prs: Any, step: Step, picture: bytes, notes: str, lang: str) -> None:
    from pptx.util import Emu, Pt

    slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank
    title = slide.shapes.add_textbox(Emu(457_200), Emu(300_000), Emu(11_277_600), Emu(900_000)).text_frame
    title.word_wrap = True
    run = title.paragraphs[0].add_run()
    run.text, run.font.size, run.font.bold = step.title[lang], Pt(30), True
    caption = slide.shapes.add_textbox(Emu(457_200), Emu(1_300_000), Emu(4_600_000), Emu(5_200_000)).text_frame
    _caption(caption, step.caption[lang], Pt)
    slide.shapes.add_picture(io.BytesIO(picture), Emu(5_250_000), Emu(1_250_000), height=Emu(5_400_000))
    slide.notes_slide.notes_text_frame.text = notes


def _presentation_class() -> Any:
    """python-pptx's ``Presentation``, an optional dependency loaded when slides are written, or a clear error."""
    try:
        from pptx import Presentation
    except ImportError:
        raise ImportError("slides need python-pptx: pip install 'ecograph[slides]'") from None
    return Presentation


def write_slides(walk: Walk, brief: Brief, path: str | os.PathLike, *, lang: str | None = None, seed: int = 0) -> Path:
    """Write ``walk`` as a 16:9 deck at ``path``: one slide per step, each with a picture, its caption and notes.

    ``lang`` defaults to the walk's; the walk is checked against the brief's
    ecosystem first (:meth:`ecograph.walk.Walk.check`).
    """
    Presentation = _presentation_class()
    lang = check_language(lang or walk.lang)
    a = brief.analysis
    walk.check(a.eco, analysis=a, codes=FINDING_CODES)
    positions = compute_layout(a.graph, seed=seed)
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    prs.core_properties.title = walk.title[lang]
    for step in walk.steps:
        _slide(prs, step, step_picture(step, brief, positions=positions, lang=lang, seed=seed), _notes(step, brief, lang), lang)
    path = Path(path)
    prs.save(path)
    return path
