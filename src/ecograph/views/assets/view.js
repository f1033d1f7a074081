/* The script of ecograph's view pages (see ecograph/views/template.py).
 *
 * One script for both renderers: vis-network on a canvas, sigma.js on WebGL for large views. It reads the
 * page's one JSON block, and puts data into the document only through textContent, value, attributes of
 * elements it creates, and canvas text; never through innerHTML. It makes no request. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("eg-data").textContent);
  var T = data.text;
  // records travel as columns (see ecograph/views/page.py): back to one object per actor and per tie
  function records(table) {
    var out = new Array(table.n), k, i;
    for (i = 0; i < table.n; i++) out[i] = {};
    for (k in table.columns) {
      var col = table.columns[k], values = col.values, codes = col.codes, labels = col.labels;
      for (i = 0; i < table.n; i++) {
        var v = codes ? values[codes[i]] : values[i];
        if (v === null || v === undefined) continue;
        out[i][k] = v;
      }
    }
    return out;
  }
  var nodes = records(data.nodes), edges = records(data.edges);
  function cardLabels(table) { return table.columns.card ? table.columns.card.labels : []; }
  var nodeCardLabels = cardLabels(data.nodes), edgeCardLabels = cardLabels(data.edges);
  performance.mark("eg-parsed");
  var N = nodes.length, M = edges.length;
  var DIM = "#e8e8e8", DIM_BORDER = "#d8d8d8", DIM_EDGE = "#eeeeee", MARK = "#D55E00";
  var MIN_LABELLED_RADIUS = 3;  // screen pixels: smaller actors are named on hover, search or zoom
  var LABEL_GAP = 3;            // screen pixels kept free around each name
  var FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
  var webgl = data.renderer === "webgl";

  function byId(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  // a text from the data in its own bidirectional isolate: a U+202E in a name cannot reorder what follows it
  function bdi(text, cls) { return el("bdi", cls, text); }
  function setParts(node, parts) {  // parts: plain strings (the page's words) and [text] (data, isolated)
    node.textContent = "";
    parts.forEach(function (p) { node.appendChild(typeof p === "string" ? document.createTextNode(p) : bdi(p[0])); });
  }
  // names compared as people read them: bidirectional controls left out, Unicode-normalised (NFC), case folded
  var BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
  function fold(text) { return String(text).replace(BIDI, "").normalize("NFC").toLowerCase(); }

  // ---- texts of the page ----------------------------------------------------------------------------
  document.title = data.title;
  byId("eg-title").textContent = data.title;
  byId("eg-synthetic").textContent = data.synthetic ? T.synthetic : "";
  byId("eg-search-label").textContent = T.search;
  byId("eg-radius-label").textContent = T.radius;
  byId("eg-reset").textContent = T.reset;
  byId("eg-save-label").textContent = T.save;
  byId("eg-png").textContent = T.png;
  byId("eg-svg").textContent = T.svg;
  byId("eg-card-heading").textContent = T.card;
  byId("eg-legend-heading").textContent = T.legend;
  byId("eg-labels-hint").textContent = T.labels_hint;
  byId("eg-highlight-heading").textContent = data.highlights.length ? T.highlight : "";
  byId("eg-filter-heading").textContent = data.filters.length ? T.filters : "";
  byId("eg-card").textContent = T.card_hint;

  // ---- positions: the network layout, or the map ---------------------------------------------------------
  var px = new Float64Array(N), py = new Float64Array(N);
  function usePositions(mode) {
    for (var i = 0; i < N; i++) {
      var g = mode === "map" ? nodes[i].geo : null;
      px[i] = g ? g[0] : nodes[i].x;
      py[i] = g ? g[1] : nodes[i].y;
    }
  }
  usePositions("network");

  // ---- state: what is drawn, dimmed, marked ----------------------------------------------------------------
  var S = { year: null, mode: "network", focus: null, query: "" };
  var hidden = Object.create(null);  // "key\u0000value" -> true for filtered-out values (no prototype: any value is a key)
  var active = Object.create(null);  // highlight key -> on
  var hood = null;      // the focused actor's neighbourhood (node -> true)
  var named = [];       // the actors a presenter's step names, in its order: their names are placed first
  var stepEdges = null; // the ties a presenter's step marks (indices), or null
  var hover = null;     // the actor under the pointer
  var nodeOn = new Uint8Array(N), nodeDim = new Uint8Array(N), nodeMark = new Uint8Array(N);
  var edgeOn = new Uint8Array(M), edgeDim = new Uint8Array(M), edgeMark = new Uint8Array(M);
  var adjacency = [];
  for (var a = 0; a < N; a++) adjacency.push([]);
  edges.forEach(function (e) { adjacency[e.from].push(e.to); adjacency[e.to].push(e.from); });

  function within(span, y) { return (span[0] === null || span[0] <= y) && (span[1] === null || span[1] >= y); }
  function nodePresent(i) {
    var n = nodes[i];
    if (S.year !== null && n.t && !within(n.t, S.year)) return false;
    return !(S.mode === "map" && !n.geo);
  }
  function nodeFiltered(i) {
    var g = nodes[i].groups;
    for (var k = 0; k < data.filters.length; k++) {
      var f = data.filters[k];
      if (f.target === "node" && hidden[f.key + "\u0000" + g[f.key]]) return true;
    }
    return false;
  }
  function edgePresent(j) {
    var e = edges[j];
    if (S.year === null || !e.t) return true;
    for (var k = 0; k < e.t.length; k++) if (within(e.t[k], S.year)) return true;
    return false;
  }
  function edgeFiltered(j) {
    var types = edges[j].types;
    if (!types.length) return false;
    for (var k = 0; k < types.length; k++) if (!hidden["type\u0000" + types[k]]) return false;
    return true;
  }
  function compute() {
    var i, j;
    for (i = 0; i < N; i++) {
      nodeOn[i] = nodePresent(i) && !nodeFiltered(i) ? 1 : 0;
      nodeDim[i] = hood && !hood[i] ? 1 : 0;
      nodeMark[i] = 0;
    }
    for (j = 0; j < M; j++) {
      var e = edges[j];
      edgeOn[j] = nodeOn[e.from] && nodeOn[e.to] && edgePresent(j) && !edgeFiltered(j) ? 1 : 0;
      edgeDim[j] = hood && !(hood[e.from] && hood[e.to]) ? 1 : 0;
      edgeMark[j] = 0;
    }
    data.highlights.forEach(function (h) {
      if (!active[h.key]) return;
      h.nodes.forEach(function (x) { nodeMark[x] = 1; });
      h.edges.forEach(function (x) { edgeMark[x] = 1; });
    });    if (stepEdges) stepEdges.forEach(function (x) { edgeMark[x] = 1; });  // the ties a presenter's step marks
  }

  // ---- the drawing layers around the renderer ----------------------------------------------------------------
  var host = byId("eg-network"), drawHost = byId("eg-draw");
  var under = byId("eg-under"), over = byId("eg-over");
  var underCtx = under.getContext("2d"), overCtx = over.getContext("2d");
  function sizeLayers() {
    var w = host.clientWidth, h = host.clientHeight, r = window.devicePixelRatio || 1;
    [under, over].forEach(function (c) {
      c.width = Math.max(1, Math.round(w * r)); c.height = Math.max(1, Math.round(h * r));
      c.style.width = w + "px"; c.style.height = h + "px";
      c.getContext("2d").setTransform(r, 0, 0, r, 0, 0);
    });
  }
  sizeLayers();

  // ---- renderer: vis-network on a canvas ----------------------------------------------------------------------
  function makeVis() {
    var last = { nodes: [], edges: [] };
    function nodeStyle(i) {
      var n = nodes[i], dim = nodeDim[i];
      var bg = dim ? DIM : n.color;
      var border = dim ? DIM_BORDER : (nodeMark[i] ? "#000" : n.border);
      return { id: i, hidden: !nodeOn[i], borderWidth: nodeMark[i] ? 4 : n.borderWidth,
               color: { background: bg, border: border, highlight: { background: bg, border: "#000" }, hover: { background: bg, border: "#000" } } };
    }
    function edgeStyle(j) {
      var e = edges[j], dim = edgeDim[j];
      return { id: j, hidden: !edgeOn[j], width: edgeMark[j] ? e.width * 3 : e.width,
               color: { color: dim ? DIM_EDGE : (edgeMark[j] ? MARK : e.color), opacity: dim ? 0.4 : 0.75 } };
    }
    compute();
    var visNodes = new vis.DataSet(nodes.map(function (n, i) {
      var s = nodeStyle(i);
      s.x = px[i]; s.y = py[i]; s.size = n.size; s.shape = n.shape;
      return s;
    }));
    var visEdges = new vis.DataSet(edges.map(function (e, j) {
      var s = edgeStyle(j);
      s.from = e.from; s.to = e.to; s.dashes = !!e.dashes; s.label = e.label || undefined;
      if (e.arrows) s.arrows = { to: { enabled: true, scaleFactor: 0.6 } };
      s.font = { size: 11, color: "#444", strokeWidth: 3, align: "top" };
      return s;
    }));
    var network = new vis.Network(drawHost, { nodes: visNodes, edges: visEdges }, data.options);
    function changed(list, style, n, key) {
      var out = [];
      for (var i = 0; i < n; i++) {
        var s = style(i), k = JSON.stringify(s);
        if (last[key][i] !== k) { last[key][i] = k; out.push(s); }
      }
      return out;
    }
    changed(null, nodeStyle, N, "nodes"); changed(null, edgeStyle, M, "edges");
    network.on("hoverNode", function (p) { hover = p.node; showNode(p.node); drawOver(); });
    network.on("blurNode", function () { hover = null; drawOver(); });
    network.on("selectNode", function (p) { showNode(p.nodes[0]); });
    network.on("hoverEdge", function (p) { showEdge(p.edge); });
    network.on("doubleClick", function (p) { if (p.nodes.length) focusOn(p.nodes[0]); });
    network.on("afterDrawing", function () { drawUnder(); drawOver(); });
    window.egNetwork = network;
    return {
      network: network,
      apply: function () { visNodes.update(changed(null, nodeStyle, N, "nodes")); visEdges.update(changed(null, edgeStyle, M, "edges")); },
      moved: function () { visNodes.update(nodes.map(function (n, i) { return { id: i, x: px[i], y: py[i] }; })); },
      project: function (x, y) { return network.canvasToDOM({ x: x, y: y }); },
      radius: function (i) { return nodes[i].size * network.getScale(); },
      fit: function () { network.fit({ animation: false }); },
      fitNodes: function (list) {  // the actors in view, never closer than a name can be read
        network.fit({ nodes: list, animation: false });
        if (network.getScale() > 1.5) network.moveTo({ scale: 1.5, animation: false });
      },
      moveTo: function (x, y, zoom) { network.moveTo({ position: { x: x, y: y }, scale: zoom, animation: false }); },
      focus: function (i) { network.selectNodes([i]); network.focus(i, { scale: Math.max(network.getScale(), 0.8), animation: false }); },
      unselect: function () { network.unselectAll(); },
      layers: function () { return [drawHost.querySelector("canvas")]; },
      redraw: function () { network.redraw(); },
      settle: function () {},
      present: function () {},
      onFirstDraw: function (f) { network.once("afterDrawing", f); }
    };
  }

  // ---- renderer: sigma.js on WebGL -------------------------------------------------------------------------------
  function rgba(hex, alpha) {
    var h = hex.replace("#", "");
    if (h.length !== 6) return hex;
    return "rgba(" + parseInt(h.slice(0, 2), 16) + "," + parseInt(h.slice(2, 4), 16) + "," + parseInt(h.slice(4, 6), 16) + "," + alpha + ")";
  }
  // a presented network of more ties than this is drawn as large ones are, ties as one-pixel lines and actors as point discs:
  // software WebGL (a projector's laptop without a graphics card) then draws a step several times faster
  var PRESENT_LIGHT = 5000;
  function makeWebGL() {
    var W = window.EcographWebGL;
    var large = M > 20000 || N > 10000;  // light programs: 1-pixel lines, point discs
    var extent = 1;
    for (var i = 0; i < N; i++) extent = Math.max(extent, Math.abs(px[i]), Math.abs(py[i]));
    var unit = Math.min(1, Math.max(0.12, Math.min(host.clientWidth, host.clientHeight) / 2 / extent));
    var sizes = new Float64Array(N);
    var graph = new W.Graph({ type: "directed", allowSelfLoops: true });
    var nodeType = large ? "point" : "circle";
    nodes.forEach(function (n, i) {
      sizes[i] = Math.max(1.5, n.size * unit);
      graph.addNode(String(i), { x: px[i], y: -py[i], size: sizes[i], color: n.color, type: nodeType });
    });
    var alpha = large ? 0.5 : 0.6, colours = {}, light = false;
    edges.forEach(function (e, j) {
      var a = String(e.from), b = String(e.to);
      if (graph.hasDirectedEdge(a, b) || graph.hasDirectedEdge(b, a)) return;  // one line per pair (a move along a tie)
      var colour = colours[e.color] || (colours[e.color] = rgba(e.color, alpha));
      graph.addDirectedEdgeWithKey("e" + j, a, b,
        { size: Math.max(0.8, e.width * 0.6), color: colour, type: e.arrows ? "arrow" : (large ? "thin" : "line") });
    });
    compute();
    performance.mark("eg-graph");
    var sigma = new W.Sigma(graph, drawHost, {
      nodeProgramClasses: W.programs.nodes, edgeProgramClasses: W.programs.edges,
      renderLabels: false, renderEdgeLabels: false, enableEdgeEvents: M <= 30000, zIndex: true,
      defaultEdgeType: "line", defaultNodeType: "circle", hideEdgesOnMove: large, stagePadding: 24, minCameraRatio: 0.005, maxCameraRatio: 10,
      defaultDrawNodeHover: function () {},
      nodeReducer: function (key, attrs) {
        var k = +key, r = { x: attrs.x, y: attrs.y, size: attrs.size, color: attrs.color, type: light ? "point" : attrs.type };
        if (!nodeOn[k]) { r.hidden = true; return r; }
        if (nodeDim[k]) { r.color = DIM; r.zIndex = 0; } else r.zIndex = nodeMark[k] ? 2 : 1;
        if (k === hover || k === S.focus) r.highlighted = true;
        return r;
      },
      edgeReducer: function (key, attrs) {
        var k = +key.slice(1), r = { size: attrs.size, color: attrs.color, type: light && attrs.type === "line" ? "thin" : attrs.type };
        if (!edgeOn[k]) { r.hidden = true; return r; }
        if (edgeDim[k]) { r.color = "rgba(230,230,230,0.4)"; r.zIndex = 0; }
        else if (edgeMark[k]) { r.color = MARK; r.size = attrs.size * 3; r.zIndex = 2; } else r.zIndex = 1;
        return r;
      }
    });
    sigma.on("enterNode", function (p) { hover = +p.node; showNode(hover); drawOver(); });
    sigma.on("leaveNode", function () { hover = null; drawOver(); });
    sigma.on("clickNode", function (p) { showNode(+p.node); });
    sigma.on("doubleClickNode", function (p) { p.preventSigmaDefault(); focusOn(+p.node); });
    sigma.on("enterEdge", function (p) { showEdge(+p.edge.slice(1)); });
    sigma.on("afterRender", function () { drawUnder(); drawOver(); });
    window.egSigma = sigma;
    var camera = sigma.getCamera();
    // an actor's place in the framed graph's units, from its position: right even before a refresh asked for later is drawn
    function framed(i) {
      var f = sigma.normalizationFunction;
      return f ? f({ x: px[i], y: -py[i] }) : sigma.getNodeDisplayData(String(i));
    }
    return {
      sigma: sigma,
      apply: function (later) { if (later) sigma.scheduleRefresh(); else sigma.refresh(); },  // later: once, at the next frame
      moved: function () {
        graph.updateEachNodeAttributes(function (key, attrs) { attrs.x = px[+key]; attrs.y = -py[+key]; return attrs; });
        sigma.refresh();
      },
      project: function (x, y) { return sigma.graphToViewport({ x: x, y: -y }); },
      radius: function (i) { return sigma.scaleSize(sizes[i]); },
      fit: function () { camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }); },
      focus: function (i) {
        var d = framed(i);
        if (d) camera.setState({ x: d.x, y: d.y, ratio: Math.min(camera.ratio, 0.25), angle: 0 });
      },
      fitNodes: function (list) {  // the box around the actors, with a margin (sigma's camera works in the framed graph's units)
        var xs = [], ys = [];
        list.forEach(function (i) { var d = framed(i); if (d) { xs.push(d.x); ys.push(d.y); } });
        if (!xs.length) return;
        var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
        var ratio = Math.min(1, Math.max(0.08, 1.3 * Math.max(x1 - x0, y1 - y0)));
        camera.setState({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio: ratio, angle: 0 });
      },
      unselect: function () {},
      layers: function () { var c = sigma.getCanvases(); return [c.edges, c.nodes]; },
      redraw: function () { sigma.refresh(); },
      present: function () {  // a presenter drives the view: above PRESENT_LIGHT ties, the light programs, no tie picked by the pointer
        if (large || M <= PRESENT_LIGHT || light) return;
        light = true;  // read by the reducers at the next refresh
        sigma.setSetting("enableEdgeEvents", false);
      },
      settle: function () {  // WebGL draws in another process: reading one pixel waits until the picture is really there
        [sigma.getCanvases().edges, sigma.getCanvases().nodes].forEach(function (c) {
          var gl = c.getContext("webgl2") || c.getContext("webgl");
          if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
        });
      },
      onFirstDraw: function (f) { this.settle(); f(); }
    };
  }

  // ---- the layers drawn by the page: boundaries under, names, captions, rings and moves over --------------------------
  var R = null;
  var labelBoxes = [];
  var widths = new Float64Array(N).fill(-1);
  var rankOf = new Int32Array(N);
  data.order.forEach(function (i, k) { rankOf[i] = k; });
  var ringed = [];
  nodes.forEach(function (n, i) { if (n.borderWidth >= 2) ringed.push(i); });
  var animation = null;

  function drawUnder() {
    var w = host.clientWidth, h = host.clientHeight;
    underCtx.clearRect(0, 0, w, h);
    if (!R || S.mode !== "map" || !data.geo || !data.geo.boundaries.length) return;
    underCtx.strokeStyle = "#b8b8b8"; underCtx.lineWidth = 1; underCtx.fillStyle = "rgba(240,240,235,0.5)";
    data.geo.boundaries.forEach(function (path) {
      underCtx.beginPath();
      path.forEach(function (pt, k) { var p = R.project(pt[0], pt[1]); if (k) underCtx.lineTo(p.x, p.y); else underCtx.moveTo(p.x, p.y); });
      underCtx.fill(); underCtx.stroke();
    });
  }
  function labelWidth(i) {
    if (widths[i] < 0) widths[i] = overCtx.measureText(nodes[i].label).width;
    return widths[i];
  }
  function placeLabels(w, h, blocked) {
    var cell = 48, grid = {}, boxes = [], seen = new Uint8Array(N), leading = Math.max(10, N / 20);
    function cells(b, f) {
      for (var cx = Math.floor(b.x0 / cell); cx <= Math.floor(b.x1 / cell); cx++)
        for (var cy = Math.floor(b.y0 / cell); cy <= Math.floor(b.y1 / cell); cy++) if (f(cx + ":" + cy) === false) return false;
      return true;
    }
    // a name never overlaps another name; it avoids every actor's disc where it can, and may cover
    // the discs of less important actors (``lenient``) when there is no other place; a name the step's text says, any disc
    function free(b, lenient) {
      return cells(b, function (k) {
        var list = grid[k];
        if (!list) return true;
        for (var q = 0; q < list.length; q++) {
          var o = list[q];
          if (lenient && o.disc && !nodes[o.id].iso && (rankOf[o.id] > rankOf[b.id] || named.indexOf(b.id) >= 0)) continue;
          var gap = o.disc ? 0 : LABEL_GAP;
          if (b.x0 - gap < o.x1 && o.x0 < b.x1 + gap && b.y0 - gap < o.y1 && o.y0 < b.y1 + gap) return false;
        }
        return true;
      });
    }
    function consider(i, forced) {
      if (seen[i] || !nodeOn[i]) return;
      seen[i] = 1;
      if (!forced && (nodes[i].iso || (hood && nodeDim[i]))) return;
      var p = R.project(px[i], py[i]);
      if (p.x < -50 || p.y < -50 || p.x > w + 50 || p.y > h + 50) return;
      var r = R.radius(i), tw = labelWidth(i) + 4;
      // too small to name at this zoom (unless among the most important)
      if (!forced && r < MIN_LABELLED_RADIUS && rankOf[i] >= 20 && !(hood && hood[i])) return;
      // below, above, right, left of the actor: the first place where the name fits
      var places = [[p.x - tw / 2, p.y + r + 1], [p.x - tw / 2, p.y - r - 16], [p.x + r + 2, p.y - 8], [p.x - r - 2 - tw, p.y - 8]];
      for (var q = 0; q < 2 * places.length; q++) {
        var at = places[q % places.length];
        var b = { id: i, x0: at[0], y0: at[1], x1: at[0] + tw, y1: at[1] + 15 };
        b.cx = (b.x0 + b.x1) / 2;
        if (!forced && (b.x0 < 0 || b.y0 < 0 || b.x1 > w || b.y1 > h)) continue;
        if (q >= places.length && rankOf[i] >= leading && named.indexOf(i) < 0) break;
        if (!forced && !free(b, q >= places.length)) continue;
        boxes.push(b);
        cells(b, function (k) { (grid[k] = grid[k] || []).push(b); });
        return;
      }
    }
    blocked.forEach(function (b) { cells(b, function (k) { (grid[k] = grid[k] || []).push(b); }); });
    // the discs of the actors drawn are obstacles too: a name never covers another actor
    var discs = 0;
    for (var d = 0; d < N && discs < 5000; d++) {
      if (!nodeOn[d]) continue;
      var c = R.project(px[d], py[d]), rd = R.radius(d);
      if (rd < 2.5 || c.x < -rd || c.y < -rd || c.x > w + rd || c.y > h + rd) continue;
      var disc = { id: d, x0: c.x - rd, y0: c.y - rd, x1: c.x + rd, y1: c.y + rd, disc: true };
      cells(disc, function (k) { (grid[k] = grid[k] || []).push(disc); });
      discs++;
    }
    if (hover !== null) consider(hover, true);
    if (S.focus !== null) consider(S.focus, true);
    named.forEach(function (i) { consider(i, false); });  // the step's actors, named in its text: before their neighbours
    var order = data.order, budget = Math.min(order.length, 6000);
    if (hood) for (var q = 0; q < order.length; q++) if (hood[order[q]]) consider(order[q], false);
    for (var k = 0; k < budget && boxes.length < 400; k++) consider(order[k], false);
    return boxes;
  }
  function drawOver() {
    var w = host.clientWidth, h = host.clientHeight, ctx = overCtx;
    ctx.clearRect(0, 0, w, h);
    if (!R) return;
    ctx.font = FONT;
    if (webgl) {  // borders the WebGL node program does not draw
      var rings = ringed.slice();
      for (var m = 0; m < N; m++) if (nodeMark[m]) rings.push(m);
      ctx.lineWidth = 2;
      rings.forEach(function (i) {
        if (!nodeOn[i]) return;
        var p = R.project(px[i], py[i]);
        ctx.strokeStyle = nodeDim[i] ? DIM_BORDER : (nodeMark[i] ? "#000" : nodes[i].border);
        ctx.beginPath(); ctx.arc(p.x, p.y, R.radius(i) + 1, 0, 2 * Math.PI); ctx.stroke();
      });
    }
    var captions = [];
    if (S.mode === "network") {
      ctx.font = "italic " + FONT;
      data.captions.forEach(function (c) {
        var count = c.nodes.filter(function (i) { return nodeOn[i]; }).length;
        if (!count) return;
        var text = count === c.nodes.length ? c.text : (count === 1 ? T.isolated_caption_one : T.isolated_caption.replace("{n}", String(count)));
        var p = R.project(c.x, c.y), r = R.radius(c.nodes[0]);
        ctx.fillStyle = "#444";
        ctx.fillText(text, p.x - r, p.y - r - 6);
        captions.push({ id: -1, x0: p.x - r - 2, y0: p.y - r - 20, x1: p.x - r + ctx.measureText(text).width + 2, y1: p.y - r - 2 });
      });
      ctx.font = FONT;
    }
    labelBoxes = placeLabels(w, h, captions);
    ctx.textAlign = "center"; ctx.textBaseline = "top"; ctx.lineJoin = "round";
    labelBoxes.forEach(function (b) {
      ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.strokeText(nodes[b.id].label, b.cx, b.y0 + 1);
      ctx.fillStyle = "#222"; ctx.fillText(nodes[b.id].label, b.cx, b.y0 + 1);
    });
    ctx.textAlign = "start"; ctx.textBaseline = "alphabetic";
    if (animation) drawMoves(ctx);
  }
  function drawMoves(ctx) {
    var t = (performance.now() - animation.start) / 1600;
    var k = t >= 1 ? 1 : 0.5 - Math.cos(Math.PI * t) / 2;
    animation.moves.forEach(function (mv) {
      if (!nodeOn[mv.from] || !nodeOn[mv.to]) return;
      var a = R.project(px[mv.from], py[mv.from]), b = R.project(px[mv.to], py[mv.to]);
      var x = a.x + (b.x - a.x) * k, y = a.y + (b.y - a.y) * k;
      ctx.strokeStyle = "rgba(68,68,68,0.6)"; ctx.lineWidth = 2; ctx.setLineDash([4, 3]);
      ctx.beginPath(); ctx.moveTo(a.x, a.y); ctx.lineTo(x, y); ctx.stroke(); ctx.setLineDash([]);
      ctx.fillStyle = "#222"; ctx.strokeStyle = "#fff";
      ctx.beginPath(); ctx.arc(x, y, 5, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
    });
    if (t < 1) requestAnimationFrame(drawOver); else animation = null;
  }
  function animateMoves(year) {
    var moves = data.moves.filter(function (mv) { return mv.year === year; });
    animation = moves.length ? { start: performance.now(), moves: moves } : null;
    if (animation) requestAnimationFrame(drawOver);
  }

  // ---- the card: text only --------------------------------------------------------------------------------------------
  function showCard(fields, title) {
    var card = byId("eg-card");
    card.textContent = "";
    var head = el("div", "eg-card-title");
    setParts(head, title);
    card.appendChild(head);
    fields.forEach(function (f) {
      var row = el("div"), key = el("span", "eg-card-key");
      setParts(key, [[f[0]], f[1] ? ": " : ""]);
      row.appendChild(key);
      row.appendChild(bdi(f[1], "eg-card-value"));
      card.appendChild(row);
    });
  }
  function fields(card, labels) { return (card || []).map(function (pair) { return [labels[pair[0]], pair[1]]; }); }
  function showNode(i) { if (nodes[i]) showCard(fields(nodes[i].card, nodeCardLabels), [[shownName(i)]]); }
  function showEdge(j) {
    var e = edges[j];
    if (e) showCard(fields(e.card, edgeCardLabels), [[shownName(e.from)], e.arrows ? " → " : " — ", [shownName(e.to)]]);
  }

  // ---- legend and filter counts follow the year ----------------------------------------------------------------------
  var legendCounts = [], filterCounts = [];
  var legendBox = byId("eg-legend");
  data.legend.forEach(function (part) {
    legendBox.appendChild(el("div", "eg-legend-title", part.title));
    part.items.forEach(function (item) {
      var row = el("div", "eg-legend-row" + (item.unknown ? " eg-unknown" : ""));
      if (item.kind === "line") {
        var l = el("span", "eg-line" + (item.dashed && !webgl ? " dashed" : ""));
        l.style.borderTopColor = item.color; row.appendChild(l);
      } else if (item.color) {
        var sw = el("span", "eg-swatch" + (item.unknown ? " unknown" : ""));
        sw.style.background = item.color; row.appendChild(sw);
      }
      var text = el("span", "eg-legend-label");
      setParts(text, [[item.label]]);
      row.appendChild(text);
      legendBox.appendChild(row);
      if (item.count !== undefined && item.count !== null) legendCounts.push({ item: item, span: text });
    });
  });
  function presentCounts() {
    var byItem = Object.create(null), byGroup = Object.create(null), people = 0;
    for (var i = 0; i < N; i++) {
      if (!nodePresent(i)) continue;
      var n = nodes[i];
      if (n.c >= 0) byItem[n.c] = (byItem[n.c] || 0) + 1;
      if (n.shape === "diamond") people++;
      for (var key in n.groups) byGroup[key + "\u0000" + n.groups[key]] = (byGroup[key + "\u0000" + n.groups[key]] || 0) + 1;
    }
    return { byItem: byItem, byGroup: byGroup, people: people };
  }
  function updateCounts() {
    var c = presentCounts(), colour = data.legend.length ? data.legend[0].items : [];
    legendCounts.forEach(function (x) {
      var count = x.item.people ? c.people : (c.byItem[colour.indexOf(x.item)] || 0);
      setParts(x.span, [[x.item.label], " (" + count + ")"]);
    });
    filterCounts.forEach(function (x) {
      var count = x.filter.target === "node" ? (c.byGroup[x.filter.key + "\u0000" + x.value.value] || 0) : x.value.count;
      setParts(x.span, [" ", [x.value.label], " (" + count + ")"]);
    });
  }

  // ---- highlights and filters -------------------------------------------------------------------------------------------
  var highlightBox = byId("eg-highlights");
  data.highlights.forEach(function (h) {
    var row = el("div", "eg-filter-row"), label = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = !!h.on; box.value = h.key; active[h.key] = !!h.on;
    box.addEventListener("change", function () { active[h.key] = box.checked; refresh(); });
    label.appendChild(box);
    var text = el("span");
    setParts(text, [" ", [h.label], " (" + (h.nodes.length || h.edges.length) + ")"]);
    label.appendChild(text);
    row.appendChild(label); highlightBox.appendChild(row);
  });
  var filterBox = byId("eg-filters");
  data.filters.forEach(function (f) {
    filterBox.appendChild(el("div", "eg-legend-title", f.title));
    f.values.forEach(function (v) {
      var row = el("div", "eg-filter-row" + (v.unknown ? " eg-unknown" : "")), label = el("label"), box = el("input");
      box.type = "checkbox"; box.checked = true;
      box.setAttribute("data-filter", f.key); box.value = v.value;
      box.addEventListener("change", function () { hidden[f.key + "\u0000" + v.value] = !box.checked; refresh(); });
      var text = el("span");
      setParts(text, [" ", [v.label], " (" + v.count + ")"]);
      label.appendChild(box); label.appendChild(text);
      row.appendChild(label); filterBox.appendChild(row);
      filterCounts.push({ filter: f, value: v, span: text, box: box });
    });
  });
  function refresh(later) {  // later: the renderer draws once, at the next frame (its overlays drawn after it, by its own event)
    compute();
    if (R) R.apply(later);
    updateCounts();
    if (!later) { drawUnder(); drawOver(); }
    writeHash();
  }

  // ---- search and neighbourhood --------------------------------------------------------------------------------------------
  // lookups by Map, never by a plain object: a name or an id such as "__proto__" or "toString" is data like any other
  var names = byId("eg-names"), byName = new Map(), byKey = new Map(), folded = null, twins = new Map();
  nodes.forEach(function (n, i) { var f = fold(n.name); twins.set(f, twins.has(f)); byKey.set(String(n.key), i); });
  // two actors whose names read the same (once normalised) are told apart by their ids, in the list and the card
  function shownName(i) { return twins.get(fold(nodes[i].name)) ? nodes[i].name + " (" + nodes[i].key + ")" : nodes[i].name; }
  nodes.forEach(function (n, i) {
    [shownName(i), n.name, String(n.key)].forEach(function (text) { var f = fold(text); if (!byName.has(f)) byName.set(f, i); });
  });
  function fillNames() {  // the list of names the search box suggests, made when first needed
    if (names.childNodes.length || !N) return;
    var list = document.createDocumentFragment();
    nodes.forEach(function (n, i) { var o = document.createElement("option"); o.value = shownName(i); list.appendChild(o); });
    names.appendChild(list);
  }
  byId("eg-search").addEventListener("focus", fillNames);
  if (N <= 3000) fillNames();
  function neighbourhood(start, radius) {
    var seen = {}, frontier = [start];
    seen[start] = true;
    for (var d = 0; d < radius; d++) {
      var next = [];
      frontier.forEach(function (x) { adjacency[x].forEach(function (y) { if (!seen[y]) { seen[y] = true; next.push(y); } }); });
      frontier = next;
    }
    return seen;
  }
  function focusOn(i) {
    S.focus = i; named = [];
    hood = neighbourhood(i, parseInt(byId("eg-radius").value, 10));
    refresh();
    R.focus(i);
    showNode(i);
    document.body.setAttribute("data-focus", String(i));
    writeHash();
  }
  function search() {
    var q = fold(byId("eg-search").value.trim());
    S.query = byId("eg-search").value.trim();
    if (!q) return;
    var id = byName.get(q);
    if (id === undefined) {
      folded = folded || nodes.map(function (n) { return fold(n.name); });
      for (var i = 0; i < N; i++) if (folded[i].indexOf(q) >= 0) { id = i; break; }
    }
    if (typeof id === "number") focusOn(id);
  }
  function reset() {
    S.focus = null; S.query = ""; hood = null; named = [];
    document.body.removeAttribute("data-focus");
    byId("eg-search").value = "";
    R.unselect();
    refresh();
    R.fit();
  }
  byId("eg-search").addEventListener("change", search);
  byId("eg-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") search(); });
  byId("eg-radius").addEventListener("change", function () { if (S.focus !== null) focusOn(S.focus); });
  byId("eg-reset").addEventListener("click", reset);

  // ---- time slider ------------------------------------------------------------------------------------------------------------
  var slider = byId("eg-year"), playing = null;
  function showYear() {
    byId("eg-year-value").textContent = S.year === null ? T.all_years : String(S.year);
    slider.value = String(S.year === null ? data.time.max + 1 : S.year);
  }
  function setYear(y) {
    var before = S.year;
    S.year = y === null || y > data.time.max ? null : Math.max(data.time.min, y);
    showYear();
    refresh();
    if (S.year !== null && S.year !== before) animateMoves(S.year);
  }
  function stop() { if (playing) { clearInterval(playing); playing = null; } byId("eg-play").textContent = "▶ " + T.play; }
  if (data.time) {
    byId("eg-time").hidden = !!data.time.hidden;  // too few years known: no slider, a presenter's step may still set one
    byId("eg-year-label").textContent = T.year;
    slider.min = String(data.time.min); slider.max = String(data.time.max + 1);
    slider.addEventListener("input", function () { stop(); setYear(parseInt(slider.value, 10)); });
    byId("eg-play").addEventListener("click", function () {
      if (playing) { stop(); return; }
      if (S.year === null || S.year >= data.time.max) setYear(data.time.min);
      byId("eg-play").textContent = "❚❚ " + T.pause;
      playing = setInterval(function () {
        if (S.year >= data.time.max) { stop(); return; }
        setYear(S.year + 1);
      }, 900);
    });
    stop();
    showYear();
  }

  // ---- map mode ----------------------------------------------------------------------------------------------------------------
  function setMode(mode) {
    if (!data.geo || mode === S.mode) return;
    S.mode = mode;
    byId("eg-mode").textContent = mode === "map" ? T.show_network : T.show_map;
    byId("eg-missing").hidden = mode !== "map" || !data.geo.missing.length;
    usePositions(mode);
    compute();
    R.moved();
    R.apply();
    R.fit();
    refresh();
  }
  if (data.geo) {
    var modeButton = byId("eg-mode");
    modeButton.hidden = false; modeButton.textContent = T.show_map;
    modeButton.addEventListener("click", function () { setMode(S.mode === "map" ? "network" : "map"); });
    byId("eg-missing-heading").textContent = T.no_coordinates + " (" + data.geo.missing.length + ")";
    var list = byId("eg-missing-list");
    data.geo.missing.forEach(function (i) {
      var item = el("li");
      item.appendChild(bdi(shownName(i)));
      item.addEventListener("click", function () { showNode(i); });
      list.appendChild(item);
    });
  }

  // ---- the view's state in the page's address --------------------------------------------------------------------------------
  var restoring = true;
  // each part of the address is encoded once when written and decoded once when read: a filter value
  // holding ",", ":" or "%" comes back as it was
  function writeHash() {
    if (restoring) return;
    var parts = [];
    if (S.year !== null) parts.push("year=" + S.year);
    if (S.mode === "map") parts.push("mode=map");
    var off = Object.keys(hidden).filter(function (k) { return hidden[k]; }).sort();
    if (off.length) parts.push("off=" + off.map(function (k) {
      var c = k.indexOf("\u0000");
      return encodeURIComponent(k.slice(0, c)) + ":" + encodeURIComponent(k.slice(c + 1));
    }).join(","));
    var on = data.highlights.filter(function (h) { return active[h.key] !== !!h.on; }).map(function (h) { return encodeURIComponent(h.key) + (active[h.key] ? "" : "!"); });
    if (on.length) parts.push("hl=" + on.join(","));
    if (S.focus !== null) parts.push("focus=" + encodeURIComponent(nodes[S.focus].key) + "&steps=" + byId("eg-radius").value);
    if (S.query && S.focus === null) parts.push("q=" + encodeURIComponent(S.query));
    var hash = parts.length ? "#" + parts.join("&") : "";
    try { history.replaceState(null, "", hash || location.pathname + location.search); } catch (err) { /* a sandboxed frame */ }
  }
  function decode(text) { try { return decodeURIComponent(text); } catch (err) { return null; } }  // null: a broken part, ignored
  function readHash() {  // the parts of the address, still encoded (a Map: no part name is special)
    var state = new Map();
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var k = part.indexOf("=");
      if (k > 0) state.set(part.slice(0, k), part.slice(k + 1));
    });
    return state;
  }
  function restoreFilter(item) {  // "key:value", each encoded; an older address encoded the pair as one
    var c = item.indexOf(":"), key, value;
    if (c >= 0) { key = decode(item.slice(0, c)); value = decode(item.slice(c + 1)); }
    else { var pair = decode(item) || ""; c = pair.indexOf(":"); key = c < 0 ? null : pair.slice(0, c); value = pair.slice(c + 1); }
    if (key === null || value === null) return;
    filterCounts.forEach(function (x) {  // only a filter and a value the data has
      if (x.filter.key !== key || x.value.value !== value) return;
      hidden[key + "\u0000" + value] = true;
      x.box.checked = false;
    });
  }
  function restoreHighlight(item) {
    var key = decode(item);
    if (key === null) return;
    var on = key.slice(-1) !== "!";
    key = on ? key : key.slice(0, -1);
    data.highlights.forEach(function (h) {
      if (h.key !== key) return;
      active[key] = on;
      highlightBox.querySelectorAll("input").forEach(function (box) { if (box.value === key) box.checked = on; });
    });
  }
  function restoreYear(text) {  // a year outside the data's years is brought within them
    if (!data.time || !/^-?\d{1,9}$/.test(text || "")) return false;
    S.year = Math.min(data.time.max, Math.max(data.time.min, parseInt(text, 10)));
    showYear();
    return true;
  }
  function restore() {  // read once, when the page is first drawn
    var st = readHash(), changed = false;
    if (st.has("off")) { st.get("off").split(",").forEach(restoreFilter); changed = true; }
    if (st.has("hl")) { st.get("hl").split(",").forEach(restoreHighlight); changed = true; }
    if (st.get("mode") === "map") setMode("map");
    changed = restoreYear(st.get("year")) || changed;
    if (/^[123]$/.test(st.get("steps") || "")) byId("eg-radius").value = st.get("steps");
    restoring = false;
    if (changed) refresh();
    var focus = st.has("focus") ? byKey.get(decode(st.get("focus"))) : undefined, query = st.has("q") ? decode(st.get("q")) : null;
    if (typeof focus === "number") { byId("eg-search").value = shownName(focus); focusOn(focus); }
    else if (query) { byId("eg-search").value = query; search(); }
  }

  // ---- pictures: PNG and SVG with the title and the legend ------------------------------------------------------------------
  function download(href, name) {
    var link = document.createElement("a");
    link.download = name; link.href = href;
    document.body.appendChild(link); link.click(); link.remove();
  }
  function legendLines() {
    var lines = [];
    if (S.year !== null) lines.push({ title: T.year + " " + S.year });
    data.legend.forEach(function (part) {
      lines.push({ title: part.title });
      part.items.forEach(function (item) {
        var shown = legendCounts.filter(function (x) { return x.item === item; })[0];
        lines.push({ item: item, text: shown ? shown.span.textContent : item.label });
      });
    });
    if (data.synthetic) lines.push({ title: T.synthetic, warn: true });
    return lines;
  }
  var TOP = 40, LINE = 18, SIDE = 280;
  function sideWidth(lines) {  // wide enough for the longest line of the legend
    var ctx = document.createElement("canvas").getContext("2d"), widest = 0;
    lines.forEach(function (line) {
      ctx.font = (line.title ? "bold " : "") + "12px system-ui, Arial, sans-serif";
      widest = Math.max(widest, ctx.measureText(line.title || line.text).width + (line.item && line.item.color ? 26 : 0));
    });
    return Math.max(SIDE, Math.ceil(widest) + 24);
  }
  function savePNG() {
    R.redraw();
    var w = host.clientWidth, h = host.clientHeight, lines = legendLines(), r = window.devicePixelRatio || 1;
    var SIDE = sideWidth(lines);
    var height = Math.max(h, lines.length * LINE + 20) + TOP;
    var c = document.createElement("canvas");
    c.width = Math.round((w + SIDE) * r); c.height = Math.round(height * r);
    var ctx = c.getContext("2d");
    ctx.scale(r, r);
    ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, w + SIDE, height);
    ctx.fillStyle = "#222"; ctx.font = "bold 16px system-ui, Arial, sans-serif"; ctx.fillText(data.title, 12, 26);
    [under].concat(R.layers(), [over]).forEach(function (layer) { if (layer) ctx.drawImage(layer, 0, TOP, w, h); });
    var y = TOP + 14;
    lines.forEach(function (line) {
      ctx.font = (line.title ? "bold " : "") + "12px system-ui, Arial, sans-serif";
      ctx.fillStyle = line.warn ? "#b00" : "#222";
      var x = w + 12;
      if (line.item && line.item.color) {
        ctx.fillStyle = line.item.color; ctx.strokeStyle = line.item.kind === "line" ? line.item.color : "#0005";
        if (line.item.kind === "line") { ctx.lineWidth = 2; ctx.beginPath(); ctx.moveTo(x, y - 4); ctx.lineTo(x + 20, y - 4); ctx.stroke(); }
        else { ctx.beginPath(); ctx.arc(x + 6, y - 4, 6, 0, 2 * Math.PI); ctx.fill(); ctx.lineWidth = 1; ctx.stroke(); }
        x += 26; ctx.fillStyle = "#222";
      }
      ctx.fillText(line.title || line.text, x, y);
      y += LINE;
    });
    download(c.toDataURL("image/png"), data.filename + ".png");
  }
  var SVG_NS = "http://www.w3.org/2000/svg";
  function svgEl(tag, attrs, text) {
    var e = document.createElementNS(SVG_NS, tag);
    for (var k in attrs) e.setAttribute(k, String(attrs[k]));
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  function saveSVG() {
    var w = host.clientWidth, h = host.clientHeight, lines = legendLines();
    var SIDE = sideWidth(lines);
    var height = Math.max(h, lines.length * LINE + 20) + TOP;
    var svg = svgEl("svg", { xmlns: SVG_NS, width: w + SIDE, height: height, viewBox: "0 0 " + (w + SIDE) + " " + height, "font-family": "system-ui, Arial, sans-serif" });
    svg.appendChild(svgEl("rect", { x: 0, y: 0, width: w + SIDE, height: height, fill: "#fff" }));
    svg.appendChild(svgEl("text", { x: 12, y: 26, "font-size": 16, "font-weight": "bold", fill: "#222" }, data.title));
    var clip = svgEl("clipPath", { id: "eg-frame" });
    clip.appendChild(svgEl("rect", { x: 0, y: 0, width: w, height: h }));
    svg.appendChild(clip);
    var g = svgEl("g", { transform: "translate(0," + TOP + ")", "clip-path": "url(#eg-frame)" });
    svg.appendChild(g);
    if (S.mode === "map" && data.geo) data.geo.boundaries.forEach(function (path) {
      var d = path.map(function (pt, k) { var p = R.project(pt[0], pt[1]); return (k ? "L" : "M") + p.x.toFixed(1) + " " + p.y.toFixed(1); }).join("");
      g.appendChild(svgEl("path", { d: d, fill: "#f0f0eb", stroke: "#b8b8b8" }));
    });
    var pos = [];
    for (var i = 0; i < N; i++) pos.push(nodeOn[i] ? R.project(px[i], py[i]) : null);
    function inside(p) { return p && p.x > -40 && p.y > -40 && p.x < w + 40 && p.y < h + 40; }
    edges.forEach(function (e, j) {
      var a = pos[e.from], b = pos[e.to];
      if (!edgeOn[j] || !(inside(a) || inside(b))) return;
      var attrs = { x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: b.x.toFixed(1), y2: b.y.toFixed(1),
                    stroke: edgeDim[j] ? DIM_EDGE : (edgeMark[j] ? MARK : e.color), "stroke-width": edgeMark[j] ? e.width * 3 : Math.min(e.width, 2), "stroke-opacity": 0.7 };
      if (e.dashes) attrs["stroke-dasharray"] = "5 4";
      g.appendChild(svgEl("line", attrs));
    });
    for (i = 0; i < N; i++) {
      if (!inside(pos[i])) continue;
      g.appendChild(svgEl("circle", { cx: pos[i].x.toFixed(1), cy: pos[i].y.toFixed(1), r: R.radius(i).toFixed(1),
        fill: nodeDim[i] ? DIM : nodes[i].color, stroke: nodeMark[i] ? "#000" : (nodes[i].border || "#333"), "stroke-width": nodeMark[i] ? 3 : nodes[i].borderWidth }));
    }
    labelBoxes.forEach(function (b) {
      g.appendChild(svgEl("text", { x: b.cx.toFixed(1), y: (b.y0 + 12).toFixed(1), "text-anchor": "middle", "font-size": 12, fill: "#222",
        stroke: "#fff", "stroke-width": 3, "paint-order": "stroke", "stroke-linejoin": "round" }, nodes[b.id].label));
    });
    var y = TOP + 14;
    lines.forEach(function (line) {
      var x = w + 12;
      if (line.item && line.item.color) {
        if (line.item.kind === "line") svg.appendChild(svgEl("line", { x1: x, y1: y - 4, x2: x + 20, y2: y - 4, stroke: line.item.color, "stroke-width": 2 }));
        else svg.appendChild(svgEl("circle", { cx: x + 6, cy: y - 4, r: 6, fill: line.item.color, stroke: "#0005" }));
        x += 26;
      }
      svg.appendChild(svgEl("text", { x: x, y: y, "font-size": 12, "font-weight": line.title ? "bold" : "normal", fill: line.warn ? "#b00" : "#222" }, line.title || line.text));
      y += LINE;
    });
    var text = new XMLSerializer().serializeToString(svg);
    download("data:image/svg+xml;charset=utf-8," + encodeURIComponent(text), data.filename + ".svg");
  }
  byId("eg-png").addEventListener("click", savePNG);
  byId("eg-svg").addEventListener("click", saveSVG);

  // ---- a presenter's step: a message from the page that holds this view (the report's walk) ------------------------------
  var tiesByPair = null;  // "id\u0000id" (either way) -> the ties between the two actors, made at the first step that marks ties
  function stepEdgeList(pairs) {  // the ties between the pairs of actor ids, either way
    if (!pairs.length) return [];
    if (!tiesByPair) {
      tiesByPair = new Map();
      edges.forEach(function (e, j) {
        var a = String(nodes[e.from].key), b = String(nodes[e.to].key);
        [a + "\u0000" + b, b + "\u0000" + a].forEach(function (k) { if (!tiesByPair.has(k)) tiesByPair.set(k, []); tiesByPair.get(k).push(j); });
      });
    }
    var out = new Set();
    pairs.forEach(function (p) { (tiesByPair.get(p[0] + "\u0000" + p[1]) || []).forEach(function (j) { out.add(j); }); });
    return Array.from(out).sort(function (x, y) { return x - y; });
  }
  function stepCamera(camera, list) {
    if (camera && typeof camera === "object" && R.moveTo) R.moveTo(+camera.x, +camera.y, +camera.zoom);
    else if (camera === "focus" && list.length > 1 && R.fitNodes) R.fitNodes(list);
    else if (camera === "focus" && list.length) R.focus(list[0]);
    else R.fit();
  }
  function applyStep(st) {
    stop();
    setMode(st.layer === "map" ? "map" : "network");
    Object.keys(hidden).forEach(function (k) { delete hidden[k]; });
    filterCounts.forEach(function (x) { x.box.checked = true; });
    (st.off || []).forEach(function (f) { restoreFilter(String(f)); });
    data.highlights.forEach(function (h) { active[h.key] = (st.highlight || []).indexOf(h.key) >= 0; });
    highlightBox.querySelectorAll("input").forEach(function (box) { box.checked = !!active[box.value]; });
    S.year = data.time && typeof st.year === "number" ? Math.min(data.time.max, Math.max(data.time.min, st.year)) : null;
    if (data.time) showYear();
    stepEdges = stepEdgeList(st.ties || []);
    var list = (st.focus || []).map(function (k) { return byKey.get(String(k)); }).filter(function (i) { return typeof i === "number"; });
    hood = null; named = list;
    if (list.length) {
      hood = {};
      list.forEach(function (i) { var h = neighbourhood(i, st.depth || 0); for (var k in h) hood[k] = true; });
    }
    S.focus = list.length === 1 ? list[0] : null; S.query = "";
    if (list.length) document.body.setAttribute("data-focus", list.join(",")); else document.body.removeAttribute("data-focus");
    R.unselect();
    refresh(true);  // one drawing for the whole step, the camera's move included
    stepCamera(st.camera, list);
    if (!webgl) { drawUnder(); drawOver(); }  // the canvas renderer may not draw again when nothing it shows changed
    return { focus: list.map(function (i) { return String(nodes[i].key); }), year: S.year, mode: S.mode,
             lit: hood ? Object.keys(hood).length : N, marked: stepEdges.length };
  }
  var presented = false;  // once a presenter drives this view, the keys that move between steps go back to it
  var drawn = false;      // a step that comes before the first drawing waits for it: the presenter sends it again when told "ready"
  window.addEventListener("message", function (ev) {
    if (ev.source !== window.parent || window.parent === window || !ev.data || typeof ev.data.egStep !== "object" || !drawn) return;
    if (!presented) R.present();
    presented = true;
    var state = applyStep(ev.data.egStep);
    // the state goes back once the step is painted: after the next frame's drawing (the renderer's own, asked for above),
    // its pixels really there (a WebGL picture is drawn by another process)
    requestAnimationFrame(function () {
      R.settle();
      setTimeout(function () { window.parent.postMessage({ egView: "state", step: ev.data.step, state: state }, "*"); }, 0);
    });
  });
  var STEP_KEYS = ["ArrowRight", "ArrowLeft", "PageDown", "PageUp", "Home", "End", "Escape"];
  document.addEventListener("keydown", function (ev) {
    if (!presented || STEP_KEYS.indexOf(ev.key) < 0 || /^(INPUT|SELECT|TEXTAREA)$/.test(ev.target.tagName)) return;
    window.parent.postMessage({ egView: "key", key: ev.key }, "*");
    ev.preventDefault();
  });

  // ---- start -----------------------------------------------------------------------------------------------------------------
  data.highlights.forEach(function (h) { active[h.key] = !!h.on; });
  function begin() {
    R = webgl ? makeWebGL() : makeVis();
    performance.mark("eg-renderer");
    R.onFirstDraw(function () {
      if (!webgl) R.fit();  // the frame's final size is known now (inline views in notebooks)
      restore();
      updateCounts();
      drawUnder(); drawOver();
      drawn = true;
      window.__egFirstDraw = performance.now();  // drawn, with its names, and ready to use
      performance.mark("eg-drawn");
      document.body.setAttribute("data-drawn", "1");
      if (window.parent !== window) window.parent.postMessage({ egView: "ready" }, "*");  // a presenter may send its step now
    });
  }
  // WebGL needs a container with a size: a frame not laid out yet (out of sight in a long page) waits until it has one
  if (webgl && !host.clientWidth && window.ResizeObserver) {
    var sized = new ResizeObserver(function () { if (host.clientWidth) { sized.disconnect(); begin(); } });
    sized.observe(host);
  } else begin();
  window.addEventListener("resize", function () { sizeLayers(); drawUnder(); drawOver(); });
  window.egView = {
    renderer: data.renderer,
    labels: function () { return labelBoxes.map(function (b) { return { id: b.id, x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 }; }); },
    toScreen: function (i) { var p = R.project(px[i], py[i]); return { x: p.x, y: p.y }; },
    shown: function () { var out = []; for (var i = 0; i < N; i++) if (nodeOn[i]) out.push(i); return out; },
    shownEdges: function () { var out = []; for (var j = 0; j < M; j++) if (edgeOn[j]) out.push(j); return out; },
    setYear: function (y) { stop(); setYear(y); },
    setMode: setMode,
    state: function () { return { year: S.year, mode: S.mode, focus: S.focus, query: S.query }; },
    moving: function () { return animation ? animation.moves.length : 0; },
    keys: nodes.map(function (n) { return n.key; }),
    names: nodes.map(function (n) { return n.label; }),
    redraw: function () { drawUnder(); drawOver(); }
  };
})();
