"""The report's presenter: a walk (:mod:`ecograph.walk`) played full screen beside the network view.

A "Present" button opens the walk over the page: the step's title and
caption on the left, in type sized for a projector (1280×720 to 1920×1080),
the report's own network view on the right. The arrow keys, Page Up/Down
and the buttons move between steps; the counter says where one is; the
page's address holds the step (``#step=3``), so a link opens the
presentation there. At each step the presenter sends the view a message
(``postMessage``, the view's frame being sandboxed) with what to focus, dim,
mark, the camera, the year and the layer; once the step is painted the
view answers with the state it shows, kept in ``window.__egWalkStates`` for
checks, and the time from asking to painting in ``window.__egWalkTimes``
(``benchmarks/present.py``). Nothing is fetched:
the steps travel in the page. Printed while presenting, the walk gives one
step per page, its words only; ``--print-walk`` writes the printable page
with each step's picture (:mod:`ecograph.report.walk_print`), which the
presenter's bar then links to.

Examples
--------
>>> import ecograph as eg
>>> from ecograph.report import draft_walk
>>> brief = eg.Brief(eg.datasets.tiny())
>>> html = player(draft_walk(brief), brief.analysis, "en")
>>> html.count("class='walk-step'") == len(draft_walk(brief).steps), "Present" in html
(True, True)
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from ..walk import Step, Walk, focused_actors, markdown
from ..words import word
from .html import esc

__all__ = ["PLAYER_CSS", "player", "step_message"]

PLAYER_CSS = """
/* the fixed button has a gutter of its own and never covers the text: in the margin above 1,440 px, 150 px kept for it below */
@media screen and (min-width: 761px) and (max-width: 1440px) { body { padding-right: 150px; } }
@media screen and (max-width: 760px) { body > h1:first-of-type { padding-right: 7.5em; } }
.walk-open { position: fixed; top: 10px; right: 12px; z-index: 900; font-size: 15px; padding: 6px 14px; border: 1px solid #0072B2;
  background: #0072B2; color: #fff; border-radius: 4px; cursor: pointer; }
#walk { position: fixed; inset: 0; z-index: 1000; background: #fff; }
#walk[hidden] { display: none; }
.walk-panel { position: absolute; top: 0; bottom: 0; left: 0; width: 36vw; box-sizing: border-box; padding: 4vh 2.4vw 0;
  display: flex; flex-direction: column; }
.walk-steps { flex: 1; overflow: auto; }
.walk-step[hidden] { display: none; }
.walk-kicker { color: #0b5394; font-size: clamp(14px, 1.1vw, 24px); margin: 0 0 1vh; }
.walk-title { font-size: clamp(26px, 2.6vw, 54px); line-height: 1.15; font-weight: 700; margin: 0 0 2.5vh; color: #1a1a1a; }
.walk-caption { font-size: clamp(19px, 1.6vw, 34px); line-height: 1.4; }
.walk-caption p { margin: 0 0 1.6vh; } .walk-caption ul, .walk-caption ol { margin: 0 0 1.6vh; padding-left: 1.2em; }
.walk-caption li { margin: 0 0 1vh; }
.walk-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 1vh 0.8vw; padding: 2vh 0 2.5vh; font-size: clamp(16px, 1.2vw, 26px);
  border-top: 1px solid #ddd; }
.walk-bar button:disabled { opacity: 0.4; cursor: default; }
.walk-bar button { font-size: inherit; padding: 0.35em 0.8em; border: 1px solid #888; background: #f4f4f4; border-radius: 4px; cursor: pointer;
  white-space: nowrap; }
.walk-count { font-variant-numeric: tabular-nums; font-weight: 600; white-space: nowrap; padding: 0 0.3em; }
#walk-close { position: absolute; top: 1.2vh; left: calc(36vw - 1vw); transform: translateX(-100%); z-index: 1; font-size: clamp(13px, 0.9vw, 20px);
  padding: 0.25em 0.7em; border: 1px solid #bbb; background: #fff; border-radius: 4px; cursor: pointer; color: #444; }
.walk-keys { flex-basis: 100%; color: #666; font-size: clamp(12px, 0.85vw, 18px); }
.walk-print { flex-basis: 100%; font-size: clamp(12px, 0.85vw, 18px); color: #0b5394; }
body.presenting { overflow: hidden; }
body.presenting iframe.view { position: fixed; top: 0; left: 36vw; width: 64vw !important; height: 100vh !important; z-index: 1001;
  border: none !important; border-left: 1px solid #ccc !important; margin: 0; }
@media print {
  .walk-open { display: none; }
  body.presenting > *:not(#walk) { display: none !important; }
  body.presenting #walk { position: static; }
  body.presenting .walk-panel { position: static; width: auto; padding: 0; display: block; }
  body.presenting .walk-step, body.presenting .walk-step[hidden] { display: block; break-after: page; }
  body.presenting .walk-bar, #walk-close { display: none; }
  .walk-title { font-size: 26pt; } .walk-caption { font-size: 16pt; } .walk-kicker { font-size: 12pt; }
}
"""

PLAYER_JS = """
(function () {
  "use strict";
  var W = JSON.parse(document.getElementById("eg-walk").textContent);
  var box = document.getElementById("walk"), frame = document.querySelector("iframe.view");
  var steps = box.querySelectorAll(".walk-step"), count = document.getElementById("walk-count");
  var k = 0, open = false;
  window.__egWalkStates = {};
  window.__egWalkTimes = [];  // each step shown: {step, ms} from the step asked for until the view painted it
  var asked = {};
  function send() {
    if (!frame || !frame.contentWindow) return;
    asked[k + 1] = performance.now();
    frame.contentWindow.postMessage({ egStep: W.steps[k], step: k + 1 }, "*");
  }
  window.addEventListener("message", function (ev) {
    if (!frame || ev.source !== frame.contentWindow || !ev.data) return;
    if (ev.data.egView === "ready" && open) send();
    if (ev.data.egView === "key" && typeof ev.data.key === "string") press(ev.data.key);  // a key pressed on the network
    if (ev.data.egView === "state" && typeof ev.data.step === "number") {
      window.__egWalkStates[ev.data.step] = ev.data.state;
      if (asked[ev.data.step] !== undefined) {
        window.__egWalkTimes.push({ step: ev.data.step, ms: performance.now() - asked[ev.data.step] });
        delete asked[ev.data.step];
      }
      document.body.setAttribute("data-walk-shown", String(ev.data.step));
    }
  });
  var prev = document.getElementById("walk-prev"), next = document.getElementById("walk-next");
  var area = box.querySelector(".walk-steps");
  function fit() {  // a long step's text is made smaller until it fits its panel (down to 12 px), never cut
    var step = steps[k], caption = step.querySelector(".walk-caption"), title = step.querySelector(".walk-title");
    caption.style.fontSize = ""; title.style.fontSize = "";
    if (!open) return;
    var size = parseFloat(getComputedStyle(caption).fontSize), big = parseFloat(getComputedStyle(title).fontSize);
    while (area.scrollHeight > area.clientHeight + 1 && size > 12) {
      size -= 1; big = Math.max(size * 1.3, big - 1);
      caption.style.fontSize = size + "px"; title.style.fontSize = big + "px";
    }
  }
  window.addEventListener("resize", function () { if (open) fit(); });
  function show(n) {
    k = Math.max(0, Math.min(steps.length - 1, n));
    steps.forEach(function (s, i) { s.hidden = i !== k; });
    prev.disabled = k === 0; next.disabled = k === steps.length - 1;  // nothing before the first step, nor after the last
    fit();
    count.textContent = W.counter + " " + (k + 1) + " / " + steps.length;
    try { history.replaceState(null, "", "#step=" + (k + 1)); } catch (err) { /* a page without an address */ }
    send();
  }
  function start(n) {
    open = true; box.hidden = false; document.body.classList.add("presenting");
    var root = document.documentElement;
    if (root.requestFullscreen && !document.fullscreenElement) root.requestFullscreen().catch(function () {});
    show(n); box.focus();
  }
  function stop() {
    open = false; box.hidden = true; document.body.classList.remove("presenting");
    if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(function () {});
    try { history.replaceState(null, "", location.pathname + location.search); } catch (err) { /* idem */ }
  }
  document.getElementById("walk-open").addEventListener("click", function () { start(0); });
  document.getElementById("walk-close").addEventListener("click", stop);
  prev.addEventListener("click", function () { show(k - 1); });
  next.addEventListener("click", function () { show(k + 1); });
  function press(key) {  // whether the key moved the presentation
    if (!open) return false;
    if (key === "ArrowRight" || key === "PageDown" || key === " ") show(k + 1);
    else if (key === "ArrowLeft" || key === "PageUp") show(k - 1);
    else if (key === "Home") show(0);
    else if (key === "End") show(steps.length - 1);
    else if (key === "Escape") stop();
    else return false;
    return true;
  }
  document.addEventListener("keydown", function (ev) { if (press(ev.key)) ev.preventDefault(); });
  function fromAddress() {  // #step=3 opens the presentation at the third step (when the page opens, or a link is followed)
    var at = /^#step=(\\d{1,4})$/.exec(location.hash);
    if (at && open) show(parseInt(at[1], 10) - 1);
    else if (at) start(parseInt(at[1], 10) - 1);
  }
  window.addEventListener("hashchange", fromAddress);
  fromAddress();
  window.egWalk = { show: show, start: start, stop: stop, current: function () { return k + 1; } };
})();
"""


def step_message(step: Step, analysis: Any) -> dict[str, Any]:
    """What the view is told for a step: the actor ids to focus (with a depth around one actor), filters, marks, camera, year, layer.

    Examples
    --------
    >>> import ecograph as eg
    >>> s = Step("s", {"fr": "", "en": ""}, {"fr": "", "en": ""}, focus={"around": "coop", "depth": 2}, year=2015)
    >>> m = step_message(s, eg.Analysis(eg.datasets.tiny()))
    >>> m["focus"], m["depth"], m["year"], m["camera"]
    (['coop'], 2, 2015, 'fit')
    """
    focus = step.focus or {}
    around = "around" in focus
    return {
        "focus": [focus["around"]] if around else focused_actors(step, analysis),
        "depth": int(focus["depth"]) if around else 0,
        "off": [_encoded_filter(f) for f in step.filters],
        "highlight": list(step.highlight),
        "ties": [list(t) for t in step.ties],
        "camera": step.camera,
        "year": step.year,
        "layer": step.layer,
    }


def _encoded_filter(text: str) -> str:
    """A ``field:value`` filter as the view's address writes it (each side URI-encoded)."""
    key, _, value = text.partition(":")
    return quote(key, safe="-_.!~*'()") + ":" + quote(value, safe="-_.!~*'()")


def _step_html(step: Step, k: int, n: int, lang: str) -> str:
    kicker = f"{word('walk.counter', lang)} {k} / {n}"
    return (
        f"<section class='walk-step' data-step='{k}' data-id='{esc(step.id)}'{'' if k == 1 else ' hidden'}>"
        f"<p class='walk-kicker'>{esc(kicker)}</p>"
        f"<p class='walk-title' role='heading' aria-level='2'>{esc(step.title[lang])}</p>"
        f"<div class='walk-caption'>{markdown(step.caption[lang])}</div>"
        "</section>"
    )


def player(walk: Walk, analysis: Any, lang: str, *, print_page: str | None = None) -> str:
    """The presenter's markup, data and script, to put at the end of the report's body.

    ``print_page``, the file name of the walk's printable page written beside the report
    (:mod:`ecograph.report.walk_print`), is linked from the presenter's bar.
    """
    n = len(walk.steps)
    data = {"counter": word("walk.counter", lang), "steps": [step_message(s, analysis) for s in walk.steps]}
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    bar = (
        "<div class='walk-bar'>"
        f"<button type='button' id='walk-prev'>← {esc(word('walk.previous', lang))}</button>"
        f"<span class='walk-count' id='walk-count'>{esc(word('walk.counter', lang))} 1 / {n}</span>"
        f"<button type='button' id='walk-next'>{esc(word('walk.next', lang))} →</button>"
        f"<span class='walk-keys'>{esc(word('walk.keys', lang))}</span>"
        + (f"<a class='walk-print' href='{esc(print_page)}' target='_blank'>{esc(word('walk.print_link', lang))}</a>" if print_page else "")
        + "</div>"
    )
    steps = "".join(_step_html(s, k, n, lang) for k, s in enumerate(walk.steps, 1))
    return (
        f"<button type='button' class='walk-open' id='walk-open'>▶ {esc(word('walk.present', lang))}</button>"
        f"<div id='walk' hidden tabindex='-1' aria-label='{esc(walk.title[lang])}'>"
        f"<button type='button' id='walk-close' title='{esc(word('walk.close', lang))}'>✕ {esc(word('walk.close', lang))}</button>"
        f"<div class='walk-panel'><div class='walk-steps'>{steps}</div>{bar}</div></div>"
        f"<script type='application/json' id='eg-walk'>{text}</script>"
        f"<script>{PLAYER_JS}</script>"
    )
