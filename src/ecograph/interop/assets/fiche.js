// The fiche: a form filled in by one actor, saved as one JSON file. Data go into the page only as
// textContent, value and attributes of created elements, never as HTML.
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("eg-data").textContent);
  var W = D.words;
  var THIS_YEAR = new Date().getFullYear();
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function byId(id) { return document.getElementById(id); }
  function options(select, list, value, blank) {
    if (blank !== undefined) select.appendChild(el("option", { value: "" }, blank));
    list.forEach(function (o) {
      var opt = el("option", { value: o[0] }, o[1]);
      if (o[0] === value) opt.selected = true;
      select.appendChild(opt);
    });
  }
  function isYear(text) {
    if (!/^[0-9]{4}$/.test(text)) return false;
    var y = parseInt(text, 10);
    return y >= 1000 && y <= THIS_YEAR + 1;
  }

  document.title = D.title;
  byId("eg-title").textContent = D.title;
  byId("eg-intro").textContent = D.intro;
  byId("eg-fields-heading").textContent = W.fields_heading;
  byId("eg-ties-heading").textContent = W.ties_heading;
  byId("eg-new-heading").textContent = W.new_heading;
  byId("eg-new-hint").textContent = W.new_hint;
  byId("eg-comment-heading").textContent = W.comment_heading;
  byId("eg-add").textContent = W.add_partner;
  byId("eg-save").textContent = W.save;
  byId("eg-deadline").textContent = D.deadline_text;

  // 1. the actor's own fields, pre-filled
  var fields = byId("eg-fields");
  D.fields.forEach(function (f) {
    var row = el("div", { "class": "eg-field" });
    var id = "eg-f-" + f.name;
    row.appendChild(el("label", { "for": id }, f.label + (f.required ? " *" : "")));
    var input;
    if (f.options) {
      input = el("select", { id: id });
      options(input, f.options, f.value, f.required ? undefined : W.unknown);
    } else if (f.name === "description") {
      input = el("textarea", { id: id, rows: "3", maxlength: "2000" });
      input.value = f.value;
    } else {
      input = el("input", { id: id, type: "text", maxlength: f.name === "website" ? "500" : "300" });
      if (f.kind === "year") input.setAttribute("inputmode", "numeric");
      input.value = f.value;
    }
    input.dataset.field = f.name;
    row.appendChild(input);
    row.appendChild(el("span", { "class": "eg-was" }, W.known + " " + (f.shown || W.unknown)));
    fields.appendChild(row);
  });

  // 2. known ties: still true, ended (when), never true
  var tbody = byId("eg-ties");
  if (!D.ties.length) {
    byId("eg-no-ties").textContent = W.no_ties;
    byId("eg-ties-head").parentNode.parentNode.hidden = true;
  }
  D.ties.forEach(function (t, i) {
    var tr = el("tr");
    tr.appendChild(el("td", {}, t.partner_name));
    tr.appendChild(el("td", {}, t.type_label));
    tr.appendChild(el("td", {}, t.start || W.unknown));
    tr.appendChild(el("td", {}, t.source));
    var answer = el("select", { id: "eg-tie-" + i, "aria-label": W.answer });
    options(answer, [["yes", W.still], ["ended", W.ended], ["no", W.never]], "yes");
    var end = el("input", { id: "eg-tie-end-" + i, type: "text", size: "12", placeholder: W.end_year, "aria-label": W.end_year });
    end.hidden = true;  // asked only for a tie that has ended
    answer.addEventListener("change", function () { end.hidden = answer.value !== "ended"; });
    var td = el("td");
    td.appendChild(answer);
    td.appendChild(end);
    tr.appendChild(td);
    tbody.appendChild(tr);
  });
  ["partner", "type", "since", "source", "answer"].forEach(function (k) {
    byId("eg-ties-head").appendChild(el("th", {}, W["col_" + k]));
  });

  // 3. new partners: searched by name among the ecosystem's organisations, or a new name
  var names = byId("eg-names");
  var idOf = {};
  D.organisations.forEach(function (o) {
    names.appendChild(el("option", { value: o[1] }));
    idOf[o[1].toLowerCase()] = o[0];
  });
  ["partner", "type", "direction", "since"].forEach(function (k) {
    byId("eg-new-head").appendChild(el("th", {}, W["col_" + k]));
  });
  var newRows = byId("eg-new");
  var count = 0;
  function addPartner(name) {
    var i = count++;  // a suggested partner left as it is (no kind, no year) is not an answer
    var tr = el("tr");
    var partner = el("input", { id: "eg-new-partner-" + i, type: "text", list: "eg-names", maxlength: "200", "aria-label": W.col_partner });
    partner.value = name || "";
    partner.dataset.suggested = name || "";
    var type = el("select", { id: "eg-new-type-" + i, "aria-label": W.col_type });
    options(type, D.types, "", W.choose);
    var direction = el("select", { id: "eg-new-direction-" + i, "aria-label": W.col_direction });
    options(direction, [["out", W.we_to_them], ["in", W.them_to_us]], "out");
    direction.disabled = true;  // a direction only for a kind of tie that has one (support, funding...)
    type.addEventListener("change", function () { direction.disabled = D.directed.indexOf(type.value) < 0; });
    var since = el("input", { id: "eg-new-since-" + i, type: "text", size: "5", "aria-label": W.col_since });
    [partner, type, direction, since].forEach(function (x) {
      var td = el("td");
      td.appendChild(x);
      tr.appendChild(td);
    });
    newRows.appendChild(tr);
  }
  if (D.suggested.length) byId("eg-new-hint").textContent = W.new_hint + " " + W.suggested_hint;
  D.suggested.forEach(function (s) { addPartner(s); });
  addPartner("");
  byId("eg-add").addEventListener("click", function () { addPartner(""); });

  // 4. checks, then one response file
  function value(id) { var e = byId(id); return e ? e.value.trim() : ""; }
  function collect() {
    var problems = [];
    function bad(input, text) { input.setAttribute("aria-invalid", "true"); problems.push(text); }
    document.querySelectorAll("[aria-invalid]").forEach(function (x) { x.removeAttribute("aria-invalid"); });
    var out = { format: "ecograph-response", version: 1, actor: D.actor, token: D.token, fingerprint: D.fingerprint,
      answered_on: new Date().toISOString().slice(0, 10), fields: {}, shown: {}, known_ties: [], new_ties: [], comment: "" };
    D.fields.forEach(function (f) {
      var input = byId("eg-f-" + f.name);
      var v = input.value.trim();
      out.fields[f.name] = v;
      out.shown[f.name] = f.value;
      if (f.required && !v) bad(input, W.required.replace("{field}", f.label));
      if (v && f.kind === "year" && !isYear(v)) bad(input, W.bad_year.replace("{field}", f.label).replace("{max}", THIS_YEAR + 1));
      if (v && f.name === "website" && !/^https?:\/\/\S+$/.test(v)) bad(input, W.bad_url);
    });
    var founded = out.fields.founded, closed = out.fields.closed;
    if (founded && closed && isYear(founded) && isYear(closed) && +closed < +founded) bad(byId("eg-f-closed"), W.closed_before);
    D.ties.forEach(function (t, i) {
      var answer = value("eg-tie-" + i), end = value("eg-tie-end-" + i);
      if (answer === "ended" && end && !isYear(end)) bad(byId("eg-tie-end-" + i), W.bad_year.replace("{field}", W.end_year).replace("{max}", THIS_YEAR + 1));
      out.known_ties.push({ partner: t.partner, type: t.type, start: t.start, answer: answer, end: answer === "ended" ? end : "" });
    });
    for (var i = 0; i < count; i++) {
      var name = value("eg-new-partner-" + i), type = value("eg-new-type-" + i), since = value("eg-new-since-" + i);
      if (!type && !since && (!name || name === byId("eg-new-partner-" + i).dataset.suggested)) continue;
      if (!name) bad(byId("eg-new-partner-" + i), W.partner_missing);
      if (!type) bad(byId("eg-new-type-" + i), W.type_missing);
      if (since && !isYear(since)) bad(byId("eg-new-since-" + i), W.bad_year.replace("{field}", W.col_since).replace("{max}", THIS_YEAR + 1));
      out.new_ties.push({ partner: idOf[name.toLowerCase()] || "", partner_name: name, type: type,
        direction: value("eg-new-direction-" + i), start: since });
    }
    out.comment = value("eg-comment");
    return { response: out, problems: problems };
  }
  byId("eg-save").addEventListener("click", function () {
    var r = collect();
    var list = byId("eg-errors");
    list.textContent = "";
    r.problems.forEach(function (p) { list.appendChild(el("li", {}, p)); });
    if (r.problems.length) { byId("eg-done").textContent = ""; return; }
    var blob = new Blob([JSON.stringify(r.response, null, 2)], { type: "application/json" });
    var a = el("a", { href: URL.createObjectURL(blob), download: D.response_file });
    document.body.appendChild(a);
    a.click();
    a.remove();
    byId("eg-done").textContent = W.saved.replace("{file}", D.response_file);
    byId("eg-mail-box").hidden = false;
    byId("eg-mail-label").textContent = W.mail_label;
    byId("eg-mail").value = D.mail;
  });
})();
