"""The HTML page of an interactive view (private: see :mod:`ecograph.views`).

Safety rules followed here: every string from the data travels inside one
JSON block whose ``<``, ``>`` and ``&`` are escaped, and the page's script
puts data into the document only through ``textContent``, ``value`` and the
canvas, never through ``innerHTML``; vis-network draws labels on the canvas
and is given no HTML tooltip. The page loads nothing from any other origin.
"""

from __future__ import annotations

PAGE = """<!DOCTYPE html>
<html lang="__LANG__">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:">
<title>__TITLE__</title>
<style>__VIS_CSS__</style>
<style>
  html, body { margin: 0; height: 100%; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #222; background: #fff; }
  #eg-root { display: grid; grid-template-columns: 1fr 290px; grid-template-rows: auto 1fr; height: 100vh; }
  #eg-head { grid-column: 1 / 3; padding: 6px 12px; border-bottom: 1px solid #ddd; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
  #eg-head h1 { font-size: 16px; margin: 0 12px 0 0; }
  #eg-synthetic { color: #b00; font-weight: bold; font-size: 13px; }
  #eg-network { position: relative; min-height: 300px; }
  #eg-side { border-left: 1px solid #ddd; overflow-y: auto; padding: 8px 10px; font-size: 13px; }
  #eg-side h2 { font-size: 13px; margin: 10px 0 4px; text-transform: uppercase; letter-spacing: .04em; color: #555; }
  .eg-swatch { display: inline-block; width: 12px; height: 12px; border-radius: 50%; margin-right: 6px; vertical-align: -1px; border: 1px solid #0003; }
  .eg-line { display: inline-block; width: 22px; margin-right: 6px; vertical-align: 3px; border-top: 2px solid #777; }
  .eg-line.dashed { border-top-style: dashed; }
  .eg-legend-row, .eg-filter-row { margin: 2px 0; }
  #eg-card { background: #f7f7f7; border: 1px solid #ddd; border-radius: 4px; padding: 6px 8px; min-height: 40px; white-space: pre-wrap; word-break: break-word; }
  #eg-card .eg-card-title { font-weight: bold; margin-bottom: 4px; }
  #eg-card .eg-card-key { color: #666; }
  input[type=search] { width: 220px; }
  button, select { font: inherit; }
  @media print { #eg-head input, #eg-head button, #eg-head select, #eg-head label { display: none; } #eg-root { height: auto; } #eg-network { height: 18cm; } }
</style>
</head>
<body>
<div id="eg-root">
  <div id="eg-head">
    <h1 id="eg-title"></h1>
    <span id="eg-synthetic"></span>
    <label><span id="eg-search-label"></span> <input id="eg-search" type="search" list="eg-names" autocomplete="off"></label>
    <datalist id="eg-names"></datalist>
    <label><span id="eg-radius-label"></span> <select id="eg-radius"><option value="1">1</option><option value="2" selected>2</option><option value="3">3</option></select></label>
    <button id="eg-reset" type="button"></button>
    <button id="eg-png" type="button"></button>
  </div>
  <div id="eg-network"></div>
  <div id="eg-side">
    <h2 id="eg-card-heading"></h2>
    <div id="eg-card"></div>
    <h2 id="eg-legend-heading"></h2>
    <div id="eg-legend"></div>
    <h2 id="eg-highlight-heading"></h2>
    <div id="eg-highlights"></div>
    <h2 id="eg-filter-heading"></h2>
    <div id="eg-filters"></div>
  </div>
</div>
<script type="application/json" id="eg-data">__DATA__</script>
<script>__VIS_JS__</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("eg-data").textContent);
  var T = data.text;
  function byId(id) { return document.getElementById(id); }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined && text !== null) e.textContent = String(text); return e; }
  byId("eg-title").textContent = data.title;
  document.title = data.title;
  byId("eg-synthetic").textContent = data.synthetic ? T.synthetic : "";
  byId("eg-search-label").textContent = T.search;
  byId("eg-radius-label").textContent = T.radius;
  byId("eg-reset").textContent = T.reset;
  byId("eg-png").textContent = T.png;
  byId("eg-card-heading").textContent = T.card;
  byId("eg-legend-heading").textContent = T.legend;
  byId("eg-highlight-heading").textContent = data.highlights.length ? T.highlight : "";
  byId("eg-filter-heading").textContent = data.filters.length ? T.filters : "";
  byId("eg-card").textContent = T.cardHint;

  var nodeIndex = {};
  data.nodes.forEach(function (n) { nodeIndex[n.id] = n; });
  var adjacency = {};
  data.nodes.forEach(function (n) { adjacency[n.id] = []; });
  data.edges.forEach(function (e) { adjacency[e.from].push(e.to); if (!e.arrows) adjacency[e.to].push(e.from); else adjacency[e.to].push(e.from); });

  function nodeStyle(n, dim) {
    var bg = dim ? "#e8e8e8" : n.color;
    var border = dim ? "#d8d8d8" : (n.mark ? n.markColor : (n.border || n.color));
    return { id: n.id, color: { background: bg, border: border, highlight: { background: bg, border: "#000" }, hover: { background: bg, border: "#000" } },
             borderWidth: n.mark ? 4 : (n.borderWidth || 1), font: { color: dim ? "#bbb" : "#222" } };
  }
  var visNodes = new vis.DataSet(data.nodes.map(function (n) {
    var s = nodeStyle(n, false);
    s.x = n.x; s.y = n.y; s.label = n.label; s.size = n.size; s.shape = n.shape; s.font.size = n.fontSize;
    return s;
  }));
  function edgeStyle(e, dim) {
    return { id: e.id, color: { color: dim ? "#eeeeee" : (e.mark ? "#D55E00" : e.color), opacity: dim ? 0.4 : 0.75 }, width: e.mark ? e.width * 3 : e.width };
  }
  var visEdges = new vis.DataSet(data.edges.map(function (e) {
    var s = edgeStyle(e, false);
    s.from = e.from; s.to = e.to; s.dashes = e.dashes; s.label = e.label || undefined;
    if (e.arrows) s.arrows = { to: { enabled: true, scaleFactor: 0.6 } };
    s.font = { size: 11, color: "#444", strokeWidth: 3, align: "top" };
    return s;
  }));
  var container = byId("eg-network");
  var options = data.options;
  var network = new vis.Network(container, { nodes: visNodes, edges: visEdges }, options);
  network.once("afterDrawing", function () {
    window.__egFirstDraw = performance.now();
    document.body.setAttribute("data-drawn", "1");
    network.fit({ animation: false });  // the frame's final size is known now (inline views in notebooks)
  });

  // ---- the card: text only ------------------------------------------------------------
  function showCard(fields, title) {
    var card = byId("eg-card");
    card.textContent = "";
    card.appendChild(el("div", "eg-card-title", title));
    fields.forEach(function (f) {
      var row = el("div");
      row.appendChild(el("span", "eg-card-key", f[0] + ": "));
      row.appendChild(el("span", "eg-card-value", f[1]));
      card.appendChild(row);
    });
  }
  network.on("hoverNode", function (p) { var n = nodeIndex[p.node]; if (n) showCard(n.card, n.name); });
  network.on("selectNode", function (p) { var n = nodeIndex[p.nodes[0]]; if (n) showCard(n.card, n.name); });
  network.on("hoverEdge", function (p) { var e = data.edges[p.edge]; if (e) showCard(e.card, e.title); });

  // ---- legend ----------------------------------------------------------------------------
  var legend = byId("eg-legend");
  data.legend.forEach(function (section) {
    legend.appendChild(el("div", "eg-legend-title", section.title));
    section.items.forEach(function (item) {
      var row = el("div", "eg-legend-row");
      if (item.kind === "line") { var l = el("span", "eg-line" + (item.dashed ? " dashed" : "")); l.style.borderTopColor = item.color; row.appendChild(l); }
      else if (item.color) { var sw = el("span", "eg-swatch"); sw.style.background = item.color; row.appendChild(sw); }
      row.appendChild(el("span", "eg-legend-label", item.label));
      legend.appendChild(row);
    });
  });

  // ---- highlights -----------------------------------------------------------------------
  var active = {};
  function applyHighlights() {
    var nodeUpdates = data.nodes.map(function (n) {
      n.mark = data.highlights.some(function (h) { return active[h.key] && h.nodes.indexOf(n.id) >= 0; });
      n.markColor = "#000";
      return nodeStyle(n, dimmed && !dimmed[n.id]);
    });
    visNodes.update(nodeUpdates);
    var edgeUpdates = data.edges.map(function (e) {
      e.mark = data.highlights.some(function (h) { return active[h.key] && h.edges.indexOf(e.id) >= 0; });
      return edgeStyle(e, dimmed && !(dimmed[e.from] && dimmed[e.to]));
    });
    visEdges.update(edgeUpdates);
  }
  var hbox = byId("eg-highlights");
  data.highlights.forEach(function (h) {
    var row = el("div", "eg-filter-row");
    var label = el("label");
    var box = el("input"); box.type = "checkbox"; box.checked = !!h.on; active[h.key] = !!h.on;
    box.addEventListener("change", function () { active[h.key] = box.checked; applyHighlights(); });
    label.appendChild(box); label.appendChild(document.createTextNode(" " + h.label + " (" + (h.nodes.length || h.edges.length) + ")"));
    row.appendChild(label); hbox.appendChild(row);
  });

  // ---- filters -------------------------------------------------------------------------------
  var hiddenValues = {};
  function applyFilters() {
    visNodes.update(data.nodes.map(function (n) {
      var hide = data.filters.some(function (f) { return f.target === "node" && hiddenValues[f.key + "\\u0000" + n.groups[f.key]]; });
      return { id: n.id, hidden: hide };
    }));
    visEdges.update(data.edges.map(function (e) {
      var hide = data.filters.some(function (f) { return f.target === "edge" && e.types.length && e.types.every(function (t) { return hiddenValues[f.key + "\\u0000" + t]; }); });
      return { id: e.id, hidden: hide };
    }));
  }
  var fbox = byId("eg-filters");
  data.filters.forEach(function (f) {
    fbox.appendChild(el("div", "eg-legend-title", f.title));
    f.values.forEach(function (v) {
      var row = el("div", "eg-filter-row");
      var label = el("label");
      var box = el("input"); box.type = "checkbox"; box.checked = true;
      box.setAttribute("data-filter", f.key); box.value = v.value;
      box.addEventListener("change", function () { hiddenValues[f.key + "\\u0000" + v.value] = !box.checked; applyFilters(); });
      label.appendChild(box); label.appendChild(document.createTextNode(" " + v.label + " (" + v.count + ")"));
      row.appendChild(label); fbox.appendChild(row);
    });
  });

  // ---- search and neighbourhood -------------------------------------------------------------
  var names = byId("eg-names");
  var byName = {};
  data.nodes.forEach(function (n) { var o = document.createElement("option"); o.value = n.name; names.appendChild(o); byName[n.name.toLowerCase()] = n.id; byName[String(n.key).toLowerCase()] = n.id; });
  var dimmed = null;
  function neighbourhood(start, radius) {
    var seen = {}; seen[start] = true; var frontier = [start];
    for (var d = 0; d < radius; d++) {
      var next = [];
      frontier.forEach(function (x) { adjacency[x].forEach(function (y) { if (!seen[y]) { seen[y] = true; next.push(y); } }); });
      frontier = next;
    }
    return seen;
  }
  function focusOn(id) {
    dimmed = neighbourhood(id, parseInt(byId("eg-radius").value, 10));
    applyHighlights();
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 0.8), animation: false });
    var n = nodeIndex[id]; showCard(n.card, n.name);
    document.body.setAttribute("data-focus", String(id));
  }
  function search() {
    var q = byId("eg-search").value.trim().toLowerCase();
    if (!q) return;
    var id = byName[q];
    if (id === undefined) { var match = data.nodes.filter(function (n) { return n.name.toLowerCase().indexOf(q) >= 0; })[0]; if (match) id = match.id; }
    if (id !== undefined) focusOn(id);
  }
  byId("eg-search").addEventListener("change", search);
  byId("eg-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") search(); });
  byId("eg-radius").addEventListener("change", function () { var f = document.body.getAttribute("data-focus"); if (f !== null) focusOn(parseInt(f, 10)); });
  byId("eg-reset").addEventListener("click", function () { dimmed = null; document.body.removeAttribute("data-focus"); byId("eg-search").value = ""; network.unselectAll(); applyHighlights(); network.fit({ animation: false }); });
  network.on("doubleClick", function (p) { if (p.nodes.length) focusOn(p.nodes[0]); });

  // ---- picture ------------------------------------------------------------------------------------
  byId("eg-png").addEventListener("click", function () {
    var canvas = container.querySelector("canvas");
    var a = document.createElement("a");
    a.download = data.filename + ".png";
    a.href = canvas.toDataURL("image/png");
    document.body.appendChild(a); a.click(); a.remove();
  });
  window.egNetwork = network;
  if (data.highlights.some(function (h) { return h.on; })) applyHighlights();
})();
</script>
</body>
</html>
"""
