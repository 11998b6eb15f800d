/* dipgraph interactive graph. Every piece of fact text reaches the page through
   textContent or attribute values, never as markup.

   Read-only API for automation and tests, on window.dipgraph:
     state()            -> {nodes, edges, contacts, statements, selected, filters, layers, path}
                           (ids of what is visible now, and the view's settings)
     select(id)         -> opens an actor, topic, "contact:<id>", "statement:<id>" or edge id
     setFilters({...})  -> from, to, undated, types, statuses, country, layers, focus
     path(a, b)         -> highlights the shortest path over the contacts shown
                           (ids or names); returns its hops, or null
     clear()            -> back to the whole graph (filters, layers, selection, path)
     item(id)           -> a copy of a node's or an edge's record (a pair's contacts...)
     overlap()          -> fraction of visible nodes whose disc overlaps another one
     labels()           -> ids of the nodes whose names are drawn
     labelOverlaps()    -> how many pairs of drawn nodes' boxes (shape and name) overlap
     tidy()             -> pushes apart nodes whose boxes overlap (done after each layout);
                           returns the overlaps left
     network, nodes, edges: the vis-network objects (read them, do not change them)
*/
(function () {
  "use strict";

  performance.mark("dipgraph:start");
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var F = JSON.parse(document.getElementById("graph-facts").textContent);
  performance.mark("dipgraph:parsed");
  var large = Boolean(data.large);
  var LAYERS = ["contacts", "statements", "topics", "posts", "countries"];
  var LAYER_LABELS = { contacts: "contacts (always)", statements: "statements",
    topics: "topics", posts: "posts and memberships", countries: "countries" };
  var DEFAULT_LAYERS = { contacts: true, statements: false, topics: false, posts: false,
    countries: false };
  var EDGE_STYLE = {
    party: { color: "#555555", width: 2 },
    subject: { color: "#555555", width: 1.5, dashes: [6, 4], arrows: "to", label: "subject" },
    host: { color: "#555555", width: 1.5, dashes: [2, 4], label: "host" },
    mediator: { color: "#555555", width: 1.5, dashes: [2, 4], label: "mediator" },
    topic: { color: "#999933", width: 1 },
    said: { color: "#8a6d00", width: 1.2, arrows: "to" },
    about: { color: "#8a6d00", width: 1.2, arrows: "to" },
    post: { color: "#666666", width: 1.5, dashes: [8, 4], arrows: "to" },
    member_of: { color: "#aaaaaa", width: 1, dashes: [2, 4], arrows: "to" },
    part_of: { color: "#aaaaaa", width: 1, dashes: [2, 4], arrows: "to" },
    country: { color: "#cccccc", width: 1, dashes: [2, 6] },
    broader: { color: "#999933", width: 1, dashes: [2, 4], arrows: "to" },
    pair: { color: "#9a9a9a", width: 1 }
  };
  var PATH_COLOUR = "#000000";

  // ---- helpers --------------------------------------------------------------
  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function $(id) { return document.getElementById(id); }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function own(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }
  // The same folding as dipgraph.names.normalise_name.
  function norm(text) {
    return String(text).toLowerCase().normalize("NFKD").replace(/\p{Mn}/gu, "")
      .replace(/\u0671/g, "\u0627").replace(/\u0649/g, "\u064A").replace(/\u0629/g, "\u0647")
      .replace(/\u06CC/g, "\u064A").replace(/\u06A9/g, "\u0643").replace(/\u0640/g, "")
      .replace(/[-_]/g, " ").replace(/['\u2019.]/g, "").replace(/\s+/g, " ").trim();
  }
  function nameOf(id) {
    if (own(F.actors, id)) { return F.actors[id].name; }
    if (own(F.topics, id)) { return F.topics[id].name; }
    return id;
  }
  function button(text, onActivate, attrs) {
    var b = el("button", text, Object.assign({ type: "button", "class": "link" }, attrs || {}));
    b.addEventListener("click", onActivate);
    return b;
  }

  // ---- indexes --------------------------------------------------------------
  var contactIds = Object.keys(F.contacts);
  var actorContacts = {}, topicContacts = {}, statementsBy = {}, statementsAbout = {};
  function push(map, key, value) { (map[key] = map[key] || []).push(value); }
  function linkedActors(c) {
    var all = [];
    c.sides.forEach(function (side) { side.forEach(function (a) { all.push(a); }); });
    ["subjects", "hosts", "mediators"].forEach(function (role) {
      (c[role] || []).forEach(function (a) { all.push(a); });
    });
    return all;
  }
  contactIds.forEach(function (cid) {
    var c = F.contacts[cid];
    c.actors = linkedActors(c);
    var seen = {};
    c.actors.forEach(function (a) { if (!seen[a]) { seen[a] = true; push(actorContacts, a, cid); } });
    c.topics.forEach(function (t) { push(topicContacts, t, cid); });
  });
  Object.keys(F.statements).forEach(function (sid) {
    var s = F.statements[sid];
    push(statementsBy, s.speaker, sid);
    s.about.forEach(function (x) { push(statementsAbout, x, sid); });
  });
  function pairsOf(c) {
    var out = [];
    for (var i = 0; i < c.sides.length; i++) {
      for (var j = i + 1; j < c.sides.length; j++) {
        c.sides[i].forEach(function (a) {
          c.sides[j].forEach(function (b) { if (a !== b) { out.push([a, b]); } });
        });
      }
    }
    return out;
  }

  var byNode = {}, byEdge = {}, partyEdge = {}, pairEdge = {};
  data.nodes.forEach(function (n) { byNode[n.id] = n; });
  data.edges.forEach(function (e) {
    byEdge[e.id] = e;
    var style = EDGE_STYLE[e.kind] || {};
    Object.keys(style).forEach(function (k) { if (!own(e, k)) { e[k] = style[k]; } });
    var colour = e.kind === "pair" && e.secret ? "#222222" : style.color;
    e.color = { color: colour, highlight: "#000000", hover: "#000000", opacity: 1 };
    if (e.kind === "party") { partyEdge[e.from + "|" + e.to] = e.id; }
    if (e.kind === "pair") { pairEdge[e.from + "|" + e.to] = e.id; pairEdge[e.to + "|" + e.from] = e.id; }
  });
  var degreeOrder = data.nodes.filter(function (n) { return n.kind === "actor"; })
    .sort(function (a, b) { return (b.degree || 0) - (a.degree || 0); });

  // ---- view state -----------------------------------------------------------
  var ui = { selected: null, path: null, focus: 1, layers: Object.assign({}, DEFAULT_LAYERS) };
  var current = { f: null, contacts: {}, statements: {}, nodeHidden: {}, edgeHidden: {},
    counts: {} };

  // ---- controls -------------------------------------------------------------
  var dateFrom = $("date-from"), dateTo = $("date-to"), keepUndated = $("keep-undated");
  var countrySelect = $("country-filter"), focusSelect = $("focus-depth");
  var tableBox = $("table-view"), tableButton = $("show-table");
  function checkboxes(container, items, onChange) {
    items.forEach(function (item) {
      var label = el("label");
      var box = el("input", null, { type: "checkbox", value: item.id });
      box.checked = item.checked !== false;
      if (item.disabled) { box.disabled = true; }
      box.addEventListener("change", onChange);
      label.appendChild(box);
      label.appendChild(el("span", item.label));
      container.appendChild(label);
    });
  }
  checkboxes($("type-filter"), data.legend.contact_types.map(function (t) {
    return { id: t.id, label: t.label + (t.word !== t.label ? " (" + t.word + ")" : "") };
  }), changed);
  checkboxes($("status-filter"), data.legend.statuses.map(function (s) { return { id: s, label: s }; }),
    changed);
  checkboxes($("layers"), LAYERS.map(function (l) {
    return { id: l, label: LAYER_LABELS[l], checked: DEFAULT_LAYERS[l],
      disabled: l === "contacts" || large };
  }), changed);
  if (large) {
    $("layers-note").textContent = "This graph is large: it draws one line per pair of actors " +
      "who talked (click it for their contacts). Statements, topics, posts and countries are " +
      "listed in the panels, not drawn.";
  }
  var countriesSeen = {};
  Object.keys(F.actors).forEach(function (a) {
    var c = F.actors[a].country;
    if (c && !countriesSeen[c]) { countriesSeen[c] = true; }
  });
  Object.keys(countriesSeen).sort(function (a, b) { return nameOf(a).localeCompare(nameOf(b)); })
    .forEach(function (c) { countrySelect.appendChild(el("option", nameOf(c), { value: c })); });

  function checkedSet(id) {
    var set = {};
    document.querySelectorAll("#" + id + " input").forEach(function (box) {
      if (box.checked) { set[box.value] = true; }
    });
    return set;
  }

  var DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
  function readDate(input, end) {
    var text = input.value.trim();
    input.classList.remove("invalid");
    input.removeAttribute("aria-invalid");
    if (!text) { return { value: null }; }
    var m = DATE.exec(text);
    var year = m && Number(m[1]), month = m && m[2] ? Number(m[2]) : null;
    var day = m && m[3] ? Number(m[3]) : null;
    var lastDay = month ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 31;
    if (!m || (month !== null && (month < 1 || month > 12)) ||
        (day !== null && (day < 1 || day > lastDay))) {
      input.classList.add("invalid");
      input.setAttribute("aria-invalid", "true");
      return { error: "Cannot read \u201c" + text + "\u201d as a date: write YYYY, YYYY-MM " +
        "or YYYY-MM-DD (2022, 2022-03, 2022-03-14). The date filter ignores it until fixed." };
    }
    var mm = month || (end ? 12 : 1);
    var dd = day || (end ? new Date(Date.UTC(year, mm, 0)).getUTCDate() : 1);
    return { value: m[1] + "-" + String(mm).padStart(2, "0") + "-" + String(dd).padStart(2, "0"),
      text: text };
  }

  function readFilters() {
    var from = readDate(dateFrom, false), to = readDate(dateTo, true);
    var errors = [from.error, to.error].filter(Boolean);
    if (!errors.length && from.value && to.value && from.value > to.value) {
      errors.push("\u201cfrom\u201d " + from.text + " is after \u201cto\u201d " + to.text +
        ": no contact can match; the date filter ignores the range until fixed.");
      from = { value: null }; to = { value: null };
    }
    $("date-error").textContent = errors.join(" ");
    var layers = checkedSet("layers");
    layers.contacts = true;
    if (large) { layers = { contacts: true }; }
    return { from: from.value || null, to: to.value || null,
      fromText: from.value ? from.text : "", toText: to.value ? to.text : "",
      undated: keepUndated.checked, types: checkedSet("type-filter"),
      statuses: checkedSet("status-filter"), country: countrySelect.value, layers: layers };
  }

  // ---- which facts and marks are visible -------------------------------------
  function inRange(first, last, f) {
    if (!f.from && !f.to) { return true; }
    if (!first) { return f.undated; }
    if (f.from && last < f.from) { return false; }
    if (f.to && first > f.to) { return false; }
    return true;
  }
  function contactPasses(c, f) {
    if (!f.types[c.type] || !f.statuses[c.status]) { return false; }
    if (!inRange(c.first, c.last, f)) { return false; }
    if (f.country) {
      return c.actors.some(function (a) { return F.actors[a] && F.actors[a].country === f.country; });
    }
    return true;
  }
  function statementPasses(s, f) {
    if (!inRange(s.first, s.last, f)) { return false; }
    if (f.country) {
      return [s.speaker].concat(s.about).some(function (a) {
        return F.actors[a] && F.actors[a].country === f.country;
      });
    }
    return true;
  }
  var CONTEXT = { post: true, member_of: true, part_of: true, country: true, broader: true };

  function computeView(f) {
    var contacts = {}, statements = {}, nContacts = 0, nStatements = 0, undatedHidden = 0,
      outside = 0;
    contactIds.forEach(function (cid) {
      var c = F.contacts[cid];
      if (contactPasses(c, f)) { contacts[cid] = true; nContacts++; }
      else if ((f.from || f.to) && f.types[c.type] && f.statuses[c.status]) {
        if (!c.first) { undatedHidden++; } else if (!inRange(c.first, c.last, f)) { outside++; }
      }
    });
    if (f.layers.statements) {
      Object.keys(F.statements).forEach(function (sid) {
        if (statementPasses(F.statements[sid], f)) { statements[sid] = true; nStatements++; }
      });
    }
    var edgeShown = {}, nodeShown = {};
    data.edges.forEach(function (e) {
      var show;
      if (e.kind === "pair") {
        show = e.contacts.some(function (cid) { return contacts[cid]; });
      } else if (CONTEXT[e.kind]) {
        return;
      } else if (e.layer === "statements") {
        show = Boolean(statements[e.fact]);
      } else {
        show = Boolean(contacts[e.fact]) && Boolean(f.layers[e.layer]);
      }
      if (show) { edgeShown[e.id] = true; nodeShown[e.from] = true; nodeShown[e.to] = true; }
    });
    data.edges.forEach(function (e) {
      if (CONTEXT[e.kind] && f.layers[e.layer] && (nodeShown[e.from] || nodeShown[e.to])) {
        edgeShown[e.id] = true;
      }
    });
    data.edges.forEach(function (e) {
      if (CONTEXT[e.kind] && edgeShown[e.id]) { nodeShown[e.from] = true; nodeShown[e.to] = true; }
    });
    if (ui.selected && byNode[ui.selected]) { nodeShown[ui.selected] = true; }
    var nActors = 0;
    data.nodes.forEach(function (n) {
      if (n.kind === "contact") { nodeShown[n.id] = Boolean(contacts[n.fact]); }
      else if (n.kind === "statement") { nodeShown[n.id] = Boolean(statements[n.fact]); }
      if (nodeShown[n.id] && n.kind === "actor") { nActors++; }
    });
    return { f: f, contacts: contacts, statements: statements, nodeShown: nodeShown,
      edgeShown: edgeShown, counts: { actors: nActors, contacts: nContacts,
        statements: nStatements, undatedHidden: undatedHidden, outside: outside } };
  }

  // ---- the network ----------------------------------------------------------
  var first = computeView(readFiltersFromHash());
  data.nodes.forEach(function (n) { n.hidden = !first.nodeShown[n.id]; });
  data.edges.forEach(function (e) { e.hidden = !first.edgeShown[e.id]; });
  var nodes = new vis.DataSet(data.nodes);
  // A large graph's lines are not vis-network items: it draws, hides and picks them
  // itself (see "lines of a large graph"), which saves ~40 µs per line at every load
  // and every filter.
  var edges = new vis.DataSet(large ? [] : data.edges);
  performance.mark("dipgraph:datasets");
  var network = new vis.Network($("graph"), { nodes: nodes, edges: edges }, data.options);
  performance.mark("dipgraph:network");
  // vis-network's own frame takes the focus and the keys: name it for screen readers.
  var frame = document.querySelector("#graph .vis-network");
  if (frame) {
    frame.setAttribute("role", "application");
    frame.setAttribute("aria-label", "Graph: arrow keys pan, + and - (or Page Up/Down) zoom; " +
      "use search, the lists and the table of contacts to open facts.");
  }
  adopt(first);

  var status = { ready: false, readyMs: null };
  function markReady() {
    if (status.ready) { return; }
    status.ready = true;
    performance.mark("dipgraph:ready");
    status.readyMs = performance.now();
    applyHashSelection();
    document.body.setAttribute("data-ready", "true");
    // The search index is built right after the first drawing, before anyone types.
    setTimeout(function () { nameIndex(); status.indexedMs = performance.now(); }, 0);
  }
  if (large || !data.options.physics || !data.options.physics.enabled) {
    network.once("afterDrawing", markReady);
  } else {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.once("afterDrawing", function () {
        separateLabels();
        network.fit({ animation: false });
        markReady();
      });
      network.redraw();
    });
  }

  // Forces keep discs apart, not names: after they settle, push apart every two nodes
  // whose boxes (shape and name) overlap, a few passes, so that names can be read.
  function boxesOf(ids, margin) {
    var positions = network.getPositions(ids), boxes = {};
    ids.forEach(function (id) {
      var b = network.getBoundingBox(id), p = positions[id];
      boxes[id] = { x: p.x, y: p.y, l: b.left - p.x - margin, r: b.right - p.x + margin,
        t: b.top - p.y - margin, b: b.bottom - p.y + margin };
    });
    return boxes;
  }
  function labelOverlaps(boxes) {
    var ids = Object.keys(boxes), pairs = [];
    for (var i = 0; i < ids.length; i++) {
      for (var j = i + 1; j < ids.length; j++) {
        var a = boxes[ids[i]], b = boxes[ids[j]];
        var ox = Math.min(a.x + a.r, b.x + b.r) - Math.max(a.x + a.l, b.x + b.l);
        var oy = Math.min(a.y + a.b, b.y + b.b) - Math.max(a.y + a.t, b.y + b.t);
        if (ox > 0 && oy > 0) { pairs.push([a, b, ox, oy]); }
      }
    }
    return pairs;
  }
  function separateLabels() {
    if (large) { return 0; }
    var ids = data.nodes.filter(function (n) { return !current.nodeHidden[n.id]; })
      .map(function (n) { return n.id; });
    var boxes = boxesOf(ids, 6), pairs = [];
    for (var pass = 0; pass < 500; pass++) {
      pairs = labelOverlaps(boxes);
      if (!pairs.length) { break; }
      pairs.forEach(function (p) {
        var a = p[0], b = p[1];
        if (p[2] < p[3]) {  // push along the axis that needs the shorter move
          var dx = (p[2] / 2 + 1) * (a.x <= b.x ? -1 : 1);
          a.x += dx; b.x -= dx;
        } else {
          var dy = (p[3] / 2 + 1) * (a.y <= b.y ? -1 : 1);
          a.y += dy; b.y -= dy;
        }
      });
    }
    ids.forEach(function (id) { network.moveNode(id, boxes[id].x, boxes[id].y); });
    return pairs.length;
  }

  function adopt(view) {
    current = view;
    updateCounts();
    renderTimeline();
    if (tableShown()) { renderTable(); }
  }

  // Hiding goes straight to the network's items and one data-changed event: going
  // through the DataSets rebuilds every item's options (3 s for 30,000 edges).
  function setHidden(nodeUpdates, edgeUpdates) {
    if (large) { edgeUpdates = []; }
    if (!nodeUpdates.length) {
      if (large) { network.body.emitter.emit("_requestRedraw"); }
      if (!edgeUpdates.length) { return; }
    }
    nodeUpdates.forEach(function (u) {
      var item = network.body.nodes[u.id];
      if (item) { item.options.hidden = u.hidden; }
    });
    edgeUpdates.forEach(function (u) {
      var item = network.body.edges[u.id];
      if (item) { item.options.hidden = u.hidden; }
    });
    network.body.emitter.emit("_dataChanged");
  }
  function applyView(view) {
    var nodeUpdates = [], edgeUpdates = [];
    data.nodes.forEach(function (n) {
      var hide = !view.nodeShown[n.id];
      if (hide !== Boolean(current.nodeHidden[n.id])) { nodeUpdates.push({ id: n.id, hidden: hide }); }
      view.nodeHidden[n.id] = hide;
    });
    data.edges.forEach(function (e) {
      var hide = !view.edgeShown[e.id];
      if (hide !== Boolean(current.edgeHidden[e.id])) { edgeUpdates.push({ id: e.id, hidden: hide }); }
      view.edgeHidden[e.id] = hide;
    });
    setHidden(nodeUpdates, edgeUpdates);
    adopt(view);
  }
  first.nodeHidden = {}; first.edgeHidden = {};
  data.nodes.forEach(function (n) { first.nodeHidden[n.id] = Boolean(n.hidden); });
  data.edges.forEach(function (e) { first.edgeHidden[e.id] = Boolean(e.hidden); });

  // Any change of filters or layers: recompute, clear the path (it may no longer
  // exist), keep the selection only if it is still shown, and record it in the URL.
  // A small graph laid out without a layer has no place yet for that layer's nodes:
  // put each new node beside a neighbour already placed, then let the forces settle.
  function settleNewNodes(before) {
    if (large) { return; }
    var fresh = data.nodes.filter(function (n) { return before[n.id] && !current.nodeHidden[n.id]; });
    if (!fresh.length) { return; }
    var positions = network.getPositions();
    var isFresh = {};
    fresh.forEach(function (n) { isFresh[n.id] = true; });
    var moves = [];
    fresh.forEach(function (n, i) {
      var anchor = data.edges.filter(function (e) {
        return !current.edgeHidden[e.id] && (e.from === n.id || e.to === n.id);
      }).map(function (e) { return e.from === n.id ? e.to : e.from; })
        .filter(function (id) { return !isFresh[id]; })[0];
      if (anchor) {
        var angle = i * 2.4;
        moves.push([n.id, positions[anchor].x + 60 * Math.cos(angle), positions[anchor].y + 60 * Math.sin(angle)]);
      }
    });
    moves.forEach(function (m) { network.moveNode(m[0], m[1], m[2]); });
    network.setOptions({ physics: { enabled: true } });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.once("afterDrawing", function () { separateLabels(); });  // boxes drawn first
      network.redraw();
    });
    network.stabilize(200);
  }
  function changed() {
    var hiddenBefore = Object.assign({}, current.nodeHidden);
    ui.layers = readFilters().layers;
    if (ui.path) { clearPath("The path was cleared because the filters or layers changed."); }
    var view = computeView(readFilters());
    view.nodeHidden = {}; view.edgeHidden = {};
    applyView(view);
    if (ui.selected && !isShown(ui.selected)) { deselect(); }
    restyle();
    if (status && status.ready) { settleNewNodes(hiddenBefore); }
    writeHash();
  }
  function isShown(id) {
    if (byNode[id]) { return !current.nodeHidden[id]; }
    if (byEdge[id]) { return !current.edgeHidden[id]; }
    return false;
  }
  [dateFrom, dateTo].forEach(function (input) {
    input.addEventListener("change", changed);
    input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { changed(); } });
  });
  keepUndated.addEventListener("change", changed);
  countrySelect.addEventListener("change", changed);
  focusSelect.addEventListener("change", function () {
    ui.focus = Number(focusSelect.value); restyle(); writeHash();
  });

  function resetFilterControls() {
    dateFrom.value = ""; dateTo.value = ""; countrySelect.value = ""; keepUndated.checked = false;
    document.querySelectorAll("#type-filter input, #status-filter input").forEach(function (box) {
      box.checked = true;
    });
  }
  $("filters-reset").addEventListener("click", function () { resetFilterControls(); changed(); });

  function updateCounts() {
    var c = current.counts, total = contactIds.length;
    var text = c.actors + " actors \u00b7 " + c.contacts + " of " + total + " contacts shown";
    if (current.f.layers.statements) { text += " \u00b7 " + c.statements + " statements"; }
    $("counts").textContent = text;
    var help = $("date-help");
    if (current.f.from || current.f.to) {
      var range = (current.f.fromText || "the start") + " to " + (current.f.toText || "now");
      var parts = ["Dates " + range + ": " + c.contacts + " contacts kept"];
      if (c.outside) { parts.push(c.outside + " dated outside the range hidden"); }
      if (c.undatedHidden) {
        parts.push(c.undatedHidden + " undated hidden (tick \u201ckeep undated\u201d to show them)");
      }
      if (current.f.undated) { parts.push("undated contacts kept"); }
      help.textContent = parts.join("; ") + ".";
    } else {
      help.textContent = "A date range keeps contacts that may fall inside it (a contact dated " +
        "\u201c2022\u201d matches \u201c2022-03\u201d); undated contacts are hidden unless you keep them.";
    }
  }

  // ---- styling: path highlight and focus dimming -----------------------------
  var decorated = { nodes: {}, edges: {} };
  function baseNode(id) {
    var n = byNode[id];
    return { id: id, opacity: 1, borderWidth: n.borderWidth || 1, color: n.color,
      font: n.font || { color: "#343434" }, hidden: Boolean(current.nodeHidden[id]) };
  }
  function baseEdge(id) {
    var e = byEdge[id];
    return { id: id, width: e.width, color: e.color, hidden: Boolean(current.edgeHidden[id]) };
  }
  function neighbourhood(start, depth) {
    var keep = {}, keepEdges = {};
    keep[start] = true;
    var frontier = [start];
    var adjacency = {};
    data.edges.forEach(function (e) {
      if (current.edgeHidden[e.id]) { return; }
      push(adjacency, e.from, [e.to, e.id]);
      push(adjacency, e.to, [e.from, e.id]);
    });
    for (var step = 0; step < depth; step++) {
      var next = [];
      frontier.forEach(function (id) {
        (adjacency[id] || []).forEach(function (pair) {
          keepEdges[pair[1]] = true;
          if (!keep[pair[0]]) { keep[pair[0]] = true; next.push(pair[0]); }
        });
      });
      frontier = next;
    }
    return { nodes: keep, edges: keepEdges };
  }
  // A large graph is dimmed on the network's items directly, for the reason above.
  var dimmed = null;
  function dimLarge(near) {
    if (!near && !dimmed) { return false; }
    data.nodes.forEach(function (n) {
      var item = network.body.nodes[n.id];
      item.options.opacity = near && !near.nodes[n.id] ? 0.15 : 1;
    });
    dimmed = near;
    return true;
  }
  // A large graph's path: thick lines and rings drawn over the graph, no item changed.
  function drawPathOver(ctx) {
    if (!ui.path) { return; }
    var scale = network.getScale();
    ctx.save();
    ctx.strokeStyle = PATH_COLOUR;
    ctx.lineWidth = 5 / scale;
    ctx.beginPath();
    ui.path.hops.forEach(function (h) {
      var a = network.body.nodes[h.from], b = network.body.nodes[h.to];
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
    });
    ctx.stroke();
    ui.path.nodes.forEach(function (id) {
      var n = network.body.nodes[id];
      ctx.beginPath();
      ctx.arc(n.x, n.y, (byNode[id].size || 10) + 4 / scale, 0, 2 * Math.PI);
      ctx.lineWidth = 3 / scale;
      ctx.stroke();
    });
    ctx.restore();
  }
  function isDimmed(id) { return Boolean(dimmed && !dimmed.nodes[id]); }
  function restyle() {
    var wantNodes = {}, wantEdges = {};
    var focusOn = ui.selected && byNode[ui.selected] && ui.focus > 0 && !ui.path &&
      (byNode[ui.selected].kind === "actor" || byNode[ui.selected].kind === "topic");
    if (large) {
      // Dimming on the items, the path drawn over the graph (see drawPathOver).
      dimLarge(focusOn ? neighbourhood(ui.selected, ui.focus) : null);
      network.body.emitter.emit("_requestRedraw");  // one frame, however many changes
      return;
    }
    if (focusOn) {
      var depth = ui.focus * 2;
      var near = neighbourhood(ui.selected, depth);
      data.nodes.forEach(function (n) {
        if (!near.nodes[n.id] && !current.nodeHidden[n.id]) {
          wantNodes[n.id] = { id: n.id, opacity: 0.15,
            font: Object.assign({}, n.font || {}, { color: "rgba(60,60,60,0.25)" }) };
        }
      });
      data.edges.forEach(function (e) {
        if (!near.edges[e.id] && !current.edgeHidden[e.id]) {
          wantEdges[e.id] = { id: e.id, color: Object.assign({}, e.color, { opacity: 0.08 }) };
        }
      });
    }
    if (ui.path) {
      ui.path.nodes.forEach(function (id) {
        var n = byNode[id];
        var bg = typeof n.color === "object" ? n.color.background : n.color;
        wantNodes[id] = { id: id, opacity: 1, borderWidth: 5,
          color: { background: bg, border: PATH_COLOUR } };
      });
      ui.path.edges.forEach(function (id) {
        wantEdges[id] = { id: id, width: 6,
          color: { color: PATH_COLOUR, highlight: PATH_COLOUR, hover: PATH_COLOUR, opacity: 1 } };
      });
    }
    var nodeUpdates = [], edgeUpdates = [];
    Object.keys(decorated.nodes).forEach(function (id) {
      if (!wantNodes[id]) { nodeUpdates.push(baseNode(id)); }
    });
    Object.keys(decorated.edges).forEach(function (id) {
      if (!wantEdges[id]) { edgeUpdates.push(baseEdge(id)); }
    });
    Object.keys(wantNodes).forEach(function (id) {
      nodeUpdates.push(Object.assign(baseNode(id), wantNodes[id]));
    });
    Object.keys(wantEdges).forEach(function (id) {
      edgeUpdates.push(Object.assign(baseEdge(id), wantEdges[id]));
    });
    decorated = { nodes: wantNodes, edges: wantEdges };
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
  }

  // ---- panel ----------------------------------------------------------------
  var panel = $("panel");
  function sourceLine(id) {
    var s = F.sources[id] || {};
    var title = s.title_en || s.title || id;
    if (s.title && s.title_en && s.title !== s.title_en) { title += " (" + s.title + ")"; }
    var extra = [s.publisher, s.published].filter(Boolean).join(", ");
    return "\u2014 " + title + (extra ? " \u00b7 " + extra : "");
  }
  // The source under a quote: its English title, then the printed one in its own direction.
  function sourceCaption(id) {
    var s = F.sources[id] || {};
    var caption = el("figcaption", null, { "class": "source" });
    caption.appendChild(el("span", "\u2014 " + (s.title_en || s.title || id)));
    if (s.title && s.title_en && s.title !== s.title_en) {
      caption.appendChild(el("span", s.title, { dir: "auto", "class": "original-title" }));
    }
    var extra = [s.publisher, s.published].filter(Boolean).join(", ");
    if (extra) { caption.appendChild(el("span", extra, { "class": "publisher" })); }
    return caption;
  }
  function evidenceBlock(items, summary) {
    var box = el("div", null, { "class": "evidence" });
    (items || []).forEach(function (item) {
      var figure = el("figure", null, { "class": "cite" });
      figure.appendChild(el("blockquote", item.quote, { "class": "quote", dir: "auto" }));
      if (summary) { figure.appendChild(el("p", "In English: " + summary, { "class": "summary" })); }
      figure.appendChild(sourceCaption(item.source));
      box.appendChild(figure);
    });
    return box;
  }
  function factRows(rows) {
    var dl = el("dl");
    rows.forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === "" ||
          (Array.isArray(row[1]) && !row[1].length)) { return; }
      dl.appendChild(el("dt", row[0]));
      var dd = el("dd", null, { dir: "auto" });
      if (row[1] instanceof Node) { dd.appendChild(row[1]); } else { dd.textContent = String(row[1]); }
      dl.appendChild(dd);
    });
    return dl;
  }
  function actorLinks(ids) {
    var span = el("span");
    ids.forEach(function (id, i) {
      if (i) { span.appendChild(document.createTextNode(", ")); }
      span.appendChild(button(nameOf(id), function () { select(id, { focus: true }); }));
    });
    return span;
  }
  function dateOf(x) { return x.date || "undated"; }
  function byDate(a, b) {
    var x = a.first || "9999", y = b.first || "9999";
    return x < y ? -1 : x > y ? 1 : 0;
  }
  function placeText(c) { return c.place ? (c.place.en || c.place[Object.keys(c.place)[0]]) : null; }
  function contactRow(cid, who) {
    var c = F.contacts[cid];
    var bits = [dateOf(c), c.type_label, c.status];
    if (c.secret) { bits.push("SECRET"); }
    if (placeText(c)) { bits.push(placeText(c)); }
    function names_(ids) {
      return ids.slice(0, 6).map(nameOf).join(", ") + (ids.length > 6 ? "\u2026" : "");
    }
    var text = bits.join(" \u00b7 ") + " \u2014 ";
    var own = who ? c.sides.filter(function (side) { return side.indexOf(who) !== -1; })[0] : null;
    if (own) {
      var others = [];
      c.sides.forEach(function (side) { if (side !== own) { others = others.concat(side); } });
      var mates = own.filter(function (a) { return a !== who; });
      text += "with " + names_(others) + (mates.length ? " (alongside " + names_(mates) + ")" : "");
    } else if (who) {
      var role = ["subjects", "hosts", "mediators"].filter(function (r) { return c[r].indexOf(who) !== -1; })[0];
      text += (role ? role.slice(0, -1) + " of: " : "") + c.sides.map(names_).join(" \u21c4 ");
    } else {
      text += c.sides.map(names_).join(" \u21c4 ");
    }
    var li = el("li");
    var attrs = { "data-contact": cid };
    if (c.date_note) { attrs.title = "About the date: " + c.date_note; }
    li.appendChild(button(text, function () { select("contact:" + cid); }, attrs));
    return li;
  }
  function statementRow(sid) {
    var s = F.statements[sid];
    var li = el("li");
    li.appendChild(button(nameOf(s.speaker) + " " + s.kind_label + " (" + dateOf(s) + "): " +
      s.summary, function () { select("statement:" + sid); }, { "data-statement": sid }));
    return li;
  }
  var LIST_CAP = 200;
  function listSection(title, ids, row) {
    panel.appendChild(el("h4", title + " (" + ids.length + ")"));
    if (!ids.length) { panel.appendChild(el("p", "none", { "class": "muted" })); return; }
    var ul = el("ul", null, { "class": "links" });
    ids.slice(0, LIST_CAP).forEach(function (id) { ul.appendChild(row(id)); });
    panel.appendChild(ul);
    if (ids.length > LIST_CAP) {
      panel.appendChild(el("p", "\u2026 and " + (ids.length - LIST_CAP) + " more: narrow the " +
        "filters or use the table of contacts.", { "class": "muted" }));
    }
  }
  function sortedContacts(ids) {
    return (ids || []).slice().sort(function (a, b) {
      return byDate(F.contacts[a], F.contacts[b]) || (a < b ? -1 : 1);
    });
  }
  function sortedStatements(ids) {
    return (ids || []).slice().sort(function (a, b) {
      return byDate(F.statements[a], F.statements[b]) || (a < b ? -1 : 1);
    });
  }
  function names(record) {
    Object.keys(record.names).forEach(function (lang) {
      var name = record.names[lang];
      panel.appendChild(el("p", name + " (" + lang + ")", { lang: lang, dir: "auto" }));
    });
  }
  function hiddenNote(id) {
    if (byNode[id] && current.nodeHidden[id]) {
      panel.appendChild(el("p", "Not drawn with the current filters and layers.", { "class": "muted" }));
    }
  }
  function showActor(id) {
    var a = F.actors[id];
    panel.appendChild(el("h3", a.name));
    names(a);
    hiddenNote(id);
    panel.appendChild(factRows([["kind", a.kind], ["country", a.country ? nameOf(a.country) : null],
      ["member of", a.member_of.map(nameOf).join(", ")], ["part of", a.part_of ? nameOf(a.part_of) : null]]));
    listSection("Contacts", sortedContacts(actorContacts[id]), function (cid) {
      return contactRow(cid, id);
    });
    listSection("Statements made", sortedStatements(statementsBy[id]), statementRow);
    listSection("Statements about it", sortedStatements(statementsAbout[id]), statementRow);
    if (a.posts.length) {
      panel.appendChild(el("h4", "Posts (" + a.posts.length + ")"));
      a.posts.forEach(function (p) {
        var when = [p.from && "from " + p.from, p.until && "until " + p.until,
          p.as_of && "as of " + p.as_of].filter(Boolean).join(", ");
        var line = a.name + ": " + p.post + (p.organization ? ", " + p.organization.name : "") +
          (when ? " (" + when + ")" : "");
        panel.appendChild(el("p", line, { "class": "post" }));
        panel.appendChild(evidenceBlock(p.evidence, null));
      });
    }
  }
  function showTopic(id) {
    var t = F.topics[id];
    panel.appendChild(el("h3", t.name + " (topic)"));
    names(t);
    hiddenNote(id);
    if (t.broader) {
      panel.appendChild(factRows([["narrower topic of", actorLinks([t.broader])]]));
    }
    listSection("Contacts that discussed it", sortedContacts(topicContacts[id]), function (cid) {
      return contactRow(cid, null);
    });
    listSection("Statements about it", sortedStatements(statementsAbout[id]), statementRow);
  }
  function sidesNode(c) {
    var box = el("span");
    c.sides.forEach(function (side, i) {
      if (i) { box.appendChild(el("span", " \u21c4 ", { "aria-label": "talked with" })); }
      box.appendChild(actorLinks(side));
    });
    return box;
  }
  function showContact(cid) {
    var c = F.contacts[cid];
    panel.appendChild(el("h3", c.type_label + (c.secret ? " \u2014 secret" : "")));
    if (c.secret) { panel.appendChild(el("p", "SECRET: reported as secret by the source.", { "class": "badge" })); }
    panel.appendChild(factRows([
      ["date", c.date ? c.date + " (to the " + c.precision + ")" : "undated"],
      ["about the date", c.date_note], ["status", c.status], ["secret", c.secret ? "yes" : "no"],
      ["place", c.place ? Object.keys(c.place).map(function (l) { return c.place[l]; }).join(" / ") : null],
      ["sides", sidesNode(c)],
      ["subjects", c.subjects.length ? actorLinks(c.subjects) : null],
      ["hosts", c.hosts.length ? actorLinks(c.hosts) : null],
      ["mediators", c.mediators.length ? actorLinks(c.mediators) : null],
      ["initiated by", c.initiated_by ? nameOf(c.initiated_by) : null],
      ["topics", c.topics.length ? actorLinks(c.topics) : null],
      ["CAMEO", c.cameo], ["fact", cid]]));
    panel.appendChild(el("p", c.summary, { dir: "auto", "class": "summary-main" }));
    panel.appendChild(evidenceBlock(c.evidence, null));
  }
  function showStatement(sid) {
    var s = F.statements[sid];
    panel.appendChild(el("h3", nameOf(s.speaker) + " " + s.kind_label));
    panel.appendChild(factRows([["speaker", actorLinks([s.speaker])], ["date", dateOf(s)],
      ["about the date", s.date_note], ["about", actorLinks(s.about)], ["fact", sid]]));
    panel.appendChild(el("p", s.summary, { dir: "auto", "class": "summary-main" }));
    panel.appendChild(evidenceBlock(s.evidence, null));
  }
  function showPair(e) {
    panel.appendChild(el("h3", nameOf(e.from) + " \u21c4 " + nameOf(e.to)));
    var shown = e.contacts.filter(function (cid) { return current.contacts[cid]; });
    listSection("Contacts between them", sortedContacts(shown), function (cid) {
      return contactRow(cid, null);
    });
  }
  function showPost(e) {
    var posts = F.actors[e.from] ? F.actors[e.from].posts : [];
    posts.filter(function (p) { return p.id === e.fact; }).forEach(function (p) {
      var line = nameOf(e.from) + ": " + p.post + (p.organization ? ", " + p.organization.name : "");
      panel.appendChild(el("h3", "Post"));
      panel.appendChild(factRows([["holder", actorLinks([e.from])], ["post", p.post],
        ["in", p.organization ? actorLinks([p.organization.id]) : null],
        ["from", p.from], ["until", p.until], ["as of", p.as_of], ["about the date", p.date_note]]));
      panel.appendChild(evidenceBlock(p.evidence, line));
    });
  }

  // network.unselectAll() redraws at once; this asks for the next frame instead.
  function unselect() {
    network.selectionHandler.unselectAll();
    network.body.emitter.emit("_requestRedraw");
  }
  function deselect() {
    ui.selected = null;
    marked = [];
    unselect();
    clear(panel);
    panel.appendChild(el("p", "Click an actor, a topic or a contact to see its facts and evidence.",
      { "class": "muted" }));
    restyle();
    writeHash();
  }
  function openPanel(id) {
    clear(panel);
    if (own(F.actors, id)) { showActor(id); return true; }
    if (own(F.topics, id)) { showTopic(id); return true; }
    if (id.indexOf("contact:") === 0 && own(F.contacts, id.slice(8))) { showContact(id.slice(8)); return true; }
    if (id.indexOf("statement:") === 0 && own(F.statements, id.slice(10))) {
      showStatement(id.slice(10)); return true;
    }
    var e = byEdge[id];
    if (!e) { return false; }
    if (e.kind === "pair") { showPair(e); }
    else if (e.layer === "contacts" || e.kind === "topic") { showContact(e.fact); }
    else if (e.layer === "statements") { showStatement(e.fact); }
    else if (e.kind === "post") { showPost(e); }
    else if (own(F.actors, e.fact)) { showActor(e.fact); }
    else { showTopic(e.fact); }
    return true;
  }
  // Select what a click, a list or the API names: open its panel, select its mark,
  // and dim what is not near it. A contact of a large graph opens without a mark.
  function select(id, options) {
    options = options || {};
    if (large && id.indexOf("contact:") === 0 && !byNode[id]) {
      if (!openPanel(id)) { return false; }
      ui.selected = id;
      // Its mark at this scale: the lines of the pairs it joined.
      unselect();
      marked = pairsOf(F.contacts[id.slice(8)]).map(function (p) {
        return pairEdge[p[0] + "|" + p[1]];
      }).filter(Boolean);
      restyle(); writeHash();
      return true;
    }
    if (!openPanel(id)) { return false; }
    ui.selected = id;
    marked = [];
    if (byNode[id]) {
      if (current.nodeHidden[id]) {
        setHidden([{ id: id, hidden: false }], []);
        current.nodeHidden[id] = false;
        current.nodeShown[id] = true;
      }
      network.selectNodes([id], false);
      if (options.focus) {
        network.focus(id, { scale: Math.max(network.getScale(), large ? 0.8 : 1), animation: false });
      }
    } else if (byEdge[id] && large) {
      unselect();
      marked = [id];
    } else if (byEdge[id]) {
      network.setSelection({ nodes: [], edges: [id] }, { unselectAll: true, highlightEdges: false });
    }
    restyle();
    writeHash();
    return true;
  }

  network.on("click", function (params) {
    if (params.nodes.length) { select(params.nodes[0]); }
    else if (params.edges.length) { select(params.edges[0]); }
    else if (large) {
      var line = lineAt(params.pointer.canvas);
      if (line) { select(line); }
    }
  });

  // ---- search ---------------------------------------------------------------
  var search = $("search"), searchResult = $("search-result"), searchList = $("search-list");
  var names_ = null;
  function nameIndex() {
    if (names_) { return names_; }
    names_ = [];
    [[F.actors, "actor"], [F.topics, "topic"]].forEach(function (pair) {
      Object.keys(pair[0]).forEach(function (id) {
        var r = pair[0][id];
        var all = [id, r.name];
        Object.keys(r.names).forEach(function (l) { all.push(r.names[l]); });
        Object.keys(r.aliases || {}).forEach(function (l) {
          r.aliases[l].forEach(function (x) { all.push(x); });
        });
        var seen = {};
        all.forEach(function (name) {
          var key = norm(name);
          if (key && !seen[key]) { seen[key] = true; names_.push([key, id, pair[1]]); }
        });
      });
    });
    return names_;
  }
  // Every actor or topic a text names: exact names first, then names containing it.
  function matches(text) {
    var key = norm(text);
    if (!key) { return []; }
    var exact = [], partial = [], seen = {};
    nameIndex().forEach(function (entry) {
      if (entry[0] === key) { exact.push(entry[1]); }
      else if (entry[0].indexOf(key) !== -1) { partial.push(entry[1]); }
    });
    return exact.concat(partial).filter(function (id) {
      if (seen[id]) { return false; }
      seen[id] = true;
      return true;
    });
  }
  function describe(id) {
    if (own(F.topics, id)) { return F.topics[id].name + " (topic)"; }
    var a = F.actors[id];
    return a.name + " (" + a.kind + (a.country && a.country !== id ? ", " + nameOf(a.country) : "") + ")";
  }
  var SEARCH_CAP = 50;
  function runSearch() {
    clear(searchList);
    var found = matches(search.value);
    if (!found.length) {
      searchResult.textContent = search.value.trim() ? "Nothing matches \u201c" + search.value.trim() + "\u201d." : "";
      return found;
    }
    var key = norm(search.value);
    var exact = found.filter(function (id) {
      return nameIndex().some(function (e) { return e[1] === id && e[0] === key; });
    });
    if (found.length === 1 || exact.length === 1) {
      var hit = exact.length === 1 ? exact[0] : found[0];
      searchResult.textContent = "Found: " + nameOf(hit) + (found.length > 1 ?
        " (" + (found.length - 1) + " other name" + (found.length > 2 ? "s" : "") + " contain it: listed below)" : "");
      select(hit, { focus: true });
    } else {
      searchResult.textContent = found.length + " match" + " \u201c" + search.value.trim() +
        "\u201d: choose one" + (found.length > SEARCH_CAP ? " (first " + SEARCH_CAP + " listed)" : "") + ".";
    }
    found.slice(0, SEARCH_CAP).forEach(function (id) {
      var li = el("li");
      li.appendChild(button(describe(id), function () { select(id, { focus: true }); },
        { "data-id": id }));
      searchList.appendChild(li);
    });
    var back = el("li");
    back.appendChild(button("\u2190 Back to the whole graph", function () {
      clear(searchList); searchResult.textContent = ""; search.value = "";
      deselect(); network.fit({ animation: false });
    }, { "class": "link back" }));
    searchList.appendChild(back);
    return found;
  }
  $("search-go").addEventListener("click", runSearch);
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { runSearch(); } });

  // Datalist of names for the search and path boxes (English and Arabic).
  var datalist = $("actor-names");
  var options = document.createDocumentFragment();
  Object.keys(F.actors).forEach(function (id) {
    if (large && !byNode[id]) { return; }
    options.appendChild(el("option", null, { value: F.actors[id].name }));
    if (!large && F.actors[id].names.ar) {
      options.appendChild(el("option", null, { value: F.actors[id].names.ar }));
    }
  });
  datalist.appendChild(options);

  // ---- path -----------------------------------------------------------------
  var pathResult = $("path-result");
  function clearPath(message) {
    if (ui.path) {
      ui.path = null;
      restyle();
      if (ui.selected === "path") { ui.selected = null; }
      clear(panel);
      panel.appendChild(el("p", "Click an actor, a topic or a contact to see its facts and evidence.",
        { "class": "muted" }));
    }
    pathResult.textContent = message || "";
    writeHash();
  }
  function resolveActor(text) {
    if (own(F.actors, text)) { return { id: text }; }
    var found = matches(text).filter(function (id) { return own(F.actors, id); });
    if (!found.length) { return { error: "No actor is called \u201c" + text + "\u201d." }; }
    var key = norm(text);
    var exact = found.filter(function (id) {
      return nameIndex().some(function (e) { return e[1] === id && e[0] === key; });
    });
    if (exact.length === 1) { return { id: exact[0] }; }
    if (found.length === 1) { return { id: found[0] }; }
    return { error: "\u201c" + text + "\u201d matches " + found.length + " actors (" +
      found.slice(0, 5).map(nameOf).join(", ") + (found.length > 5 ? ", \u2026" : "") +
      "): type more of the name." };
  }
  function shortestPath(from, to) {
    var adjacency = {};
    Object.keys(current.contacts).forEach(function (cid) {
      pairsOf(F.contacts[cid]).forEach(function (p) {
        push(adjacency, p[0], [p[1], cid]);
        push(adjacency, p[1], [p[0], cid]);
      });
    });
    var parent = {}; parent[from] = null;
    var queue = [from], head = 0;
    while (head < queue.length && !own(parent, to)) {
      var node = queue[head++];
      (adjacency[node] || []).forEach(function (pair) {
        if (!own(parent, pair[0])) { parent[pair[0]] = [node, pair[1]]; queue.push(pair[0]); }
      });
    }
    if (!own(parent, to)) { return null; }
    var hops = [], step = to;
    while (parent[step]) { hops.unshift({ from: parent[step][0], to: step, contact: parent[step][1] }); step = parent[step][0]; }
    return hops;
  }
  function path(a, b) {
    clearPath();
    var from = resolveActor(String(a || "")), to = resolveActor(String(b || ""));
    if (from.error || to.error) {
      pathResult.textContent = [from.error, to.error].filter(Boolean).join(" ");
      return null;
    }
    if (from.id === to.id) { pathResult.textContent = "Choose two different actors."; return null; }
    var hops = shortestPath(from.id, to.id);
    if (!hops) {
      pathResult.textContent = "No path between " + nameOf(from.id) + " and " + nameOf(to.id) +
        " over the contacts shown.";
      return null;
    }
    var pathNodes = [from.id], pathEdges = [];
    hops.forEach(function (h) {
      if (large) {
        pathEdges.push(pairEdge[h.from + "|" + h.to]);
      } else {
        var node = "contact:" + h.contact;
        pathNodes.push(node);
        [partyEdge[h.from + "|" + node], partyEdge[h.to + "|" + node]].forEach(function (id) {
          if (id) { pathEdges.push(id); }
        });
      }
      pathNodes.push(h.to);
    });
    ui.path = { from: from.id, to: to.id, hops: hops, nodes: pathNodes, edges: pathEdges };
    ui.selected = null;
    unselect();
    restyle();
    network.fit({ nodes: pathNodes, animation: false });
    if (network.getScale() > 1.2) { network.moveTo({ scale: 1.2, animation: false }); }
    pathResult.textContent = [from.id].concat(hops.map(function (h) { return h.to; }))
      .map(nameOf).join(" \u2192 ");
    clear(panel);
    panel.appendChild(el("h3", "Path: " + hops.length + " hop" + (hops.length > 1 ? "s" : "")));
    var ol = el("ol", null, { "class": "hops" });
    hops.forEach(function (h) {
      var c = F.contacts[h.contact];
      var li = el("li");
      li.appendChild(el("p", nameOf(h.from) + " \u2014 " + c.type_label + " (" + dateOf(c) + ") \u2014 " +
        nameOf(h.to), { "class": "hop" }));
      li.appendChild(el("p", c.summary, { dir: "auto", "class": "summary-main" }));
      li.appendChild(evidenceBlock(c.evidence, null));
      li.appendChild(button("Open this contact", function () { select("contact:" + h.contact); }));
      ol.appendChild(li);
    });
    panel.appendChild(ol);
    writeHash();
    return hops.map(function (h) { return { from: h.from, to: h.to, contact: h.contact }; });
  }
  $("path-go").addEventListener("click", function () { path($("path-from").value, $("path-to").value); });
  $("path-clear").addEventListener("click", function () {
    $("path-from").value = ""; $("path-to").value = ""; clearPath();
  });
  ["path-from", "path-to"].forEach(function (id) {
    $(id).addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { path($("path-from").value, $("path-to").value); }
    });
  });

  // ---- fit, reset, layers toggle for narrow screens ---------------------------
  $("fit-all").addEventListener("click", function () { network.fit({ animation: false }); });
  function resetAll() {
    resetFilterControls();
    document.querySelectorAll("#layers input").forEach(function (box) {
      box.checked = Boolean(DEFAULT_LAYERS[box.value]);
    });
    focusSelect.value = "1"; ui.focus = 1;
    $("path-from").value = ""; $("path-to").value = "";
    search.value = ""; clear(searchList); searchResult.textContent = "";
    showTable(false);
    ui.path = null; pathResult.textContent = "";
    changed();
    deselect();
    network.fit({ animation: false });
  }
  $("reset-all").addEventListener("click", resetAll);
  var toggle = $("controls-toggle");
  toggle.addEventListener("click", function () {
    var open = !document.body.classList.contains("controls-open");
    document.body.classList.toggle("controls-open", open);
    toggle.setAttribute("aria-expanded", String(open));
  });

  // ---- timeline ---------------------------------------------------------------
  function renderTimeline() {
    var box = $("timeline");
    clear(box);
    var years = {}, undated = [];
    Object.keys(current.contacts).forEach(function (cid) {
      var c = F.contacts[cid];
      if (!c.first) { undated.push(cid); return; }
      var y = c.first.slice(0, 4);
      var bin = years[y] = years[y] || { n: 0, day: 0, month: 0, year: 0 };
      bin.n++; bin[c.precision] = (bin[c.precision] || 0) + 1;
    });
    var keys = Object.keys(years).sort();
    var lane = el("div", null, { "class": "lane dated", role: "group", "aria-label": "dated contacts by year" });
    lane.appendChild(el("span", "dated", { "class": "lane-name" }));
    if (!keys.length) { lane.appendChild(el("span", "no dated contacts shown", { "class": "muted" })); }
    var most = Math.max.apply(null, keys.map(function (k) { return years[k].n; }).concat([1]));
    var startYear = keys.length ? Number(keys[0]) : 0;
    var endYear = keys.length ? Number(keys[keys.length - 1]) : -1;
    for (var y = startYear; y <= endYear; y++) {
      var bin = years[String(y)] || { n: 0, day: 0, month: 0, year: 0 };
      var label = y + ": " + bin.n + " contact" + (bin.n === 1 ? "" : "s") +
        (bin.n ? " (" + [["day", "to the day"], ["month", "to the month"], ["year", "to the year"]]
          .filter(function (p) { return bin[p[0]]; })
          .map(function (p) { return bin[p[0]] + " " + p[1]; }).join(", ") + ")" : "");
      var bar = el("button", String(y), { type: "button", "class": "bin", title: label,
        "aria-label": label + ". Filter to this year." });
      bar.style.setProperty("--h", String(Math.round(4 + 30 * bin.n / most)) + "px");
      bar.addEventListener("click", (function (year) {
        return function () { dateFrom.value = String(year); dateTo.value = String(year); changed(); };
      })(y));
      lane.appendChild(bar);
    }
    box.appendChild(lane);
    var undatedLane = el("div", null, { "class": "lane undated" });
    undatedLane.appendChild(el("span", "undated", { "class": "lane-name" }));
    undatedLane.appendChild(button(undated.length + " undated contact" + (undated.length === 1 ? "" : "s") +
      " shown: list them", function () {
      clear(panel);
      panel.appendChild(el("h3", "Undated contacts shown"));
      listSection("Contacts", sortedContacts(undated), function (cid) { return contactRow(cid, null); });
    }, { "class": "link undated-list" }));
    box.appendChild(undatedLane);
  }

  // ---- table view -------------------------------------------------------------
  function tableShown() { return !tableBox.hidden; }
  var TABLE_CAP = 500;
  function visibleContactIds() { return sortedContacts(Object.keys(current.contacts)); }
  function sidesText(c) {
    return c.sides.map(function (side) { return side.map(nameOf).join(", "); }).join(" \u21c4 ");
  }
  function renderTable() {
    clear(tableBox);
    var ids = visibleContactIds();
    tableBox.appendChild(el("h2", "Contacts shown (" + ids.length + ")"));
    if (ids.length > TABLE_CAP) {
      tableBox.appendChild(el("p", "The first " + TABLE_CAP + " by date; the CSV export has all " +
        ids.length + ".", { "class": "muted" }));
    }
    var table = el("table");
    var head = el("tr");
    ["date", "type", "sides", "status", "secret", "place", "summary"].forEach(function (h) {
      head.appendChild(el("th", h, { scope: "col" }));
    });
    var thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
    var body = el("tbody");
    ids.slice(0, TABLE_CAP).forEach(function (cid) {
      var c = F.contacts[cid];
      var tr = el("tr");
      var cell = el("td");
      cell.appendChild(button(dateOf(c), function () { select("contact:" + cid); },
        { "data-contact": cid, "aria-label": "Open " + c.type_label + " " + dateOf(c) }));
      tr.appendChild(cell);
      [c.type_label, sidesText(c), c.status, c.secret ? "SECRET" : "", placeText(c) || "", c.summary]
        .forEach(function (text) { tr.appendChild(el("td", text, { dir: "auto" })); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    tableBox.appendChild(table);
  }
  function showTable(on) {
    tableBox.hidden = !on;
    tableButton.setAttribute("aria-pressed", String(on));
    tableButton.textContent = on ? "Back to the graph" : "Table of contacts";
    if (on) { renderTable(); }
    writeHash();
  }
  tableButton.addEventListener("click", function () { showTable(!tableShown()); });

  // ---- exports ------------------------------------------------------------------
  function download(blob, name) {
    var a = el("a", null, { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) { text = "'" + text; }  // no formula in a spreadsheet
    return /[",\n\r]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
  }
  function contactsCsv() {
    var header = ["id", "date", "date_note", "type", "status", "secret", "place", "sides",
      "subjects", "hosts", "mediators", "initiated_by", "topics", "summary", "citations"];
    var lines = [header.join(",")];
    visibleContactIds().forEach(function (cid) {
      var c = F.contacts[cid];
      var citations = c.evidence.map(function (e) {
        var s = F.sources[e.source] || {};
        return "\u201c" + e.quote + "\u201d " + sourceLine(e.source) + (s.url ? " <" + s.url + ">" : "");
      }).join(" | ");
      lines.push([cid, c.date, c.date_note, c.type_label, c.status, c.secret ? "yes" : "no",
        placeText(c), sidesText(c), c.subjects.map(nameOf).join("; "), c.hosts.map(nameOf).join("; "),
        c.mediators.map(nameOf).join("; "), c.initiated_by ? nameOf(c.initiated_by) : "",
        c.topics.map(nameOf).join("; "), c.summary, citations].map(csvCell).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }
  $("export-csv").addEventListener("click", function () {
    download(new Blob(["\ufeff" + contactsCsv()], { type: "text/csv;charset=utf-8" }), "dipgraph-contacts.csv");
  });
  $("export-png").addEventListener("click", function () {
    var source = document.querySelector("#graph canvas");
    var copy = document.createElement("canvas");
    copy.width = source.width; copy.height = source.height;
    var ctx = copy.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, copy.width, copy.height);
    ctx.drawImage(source, 0, 0);
    copy.toBlob(function (blob) { download(blob, "dipgraph-view.png"); }, "image/png");
  });

  // ---- lines of a large graph ------------------------------------------------------
  // vis-network builds an item per edge (~40 µs each) and strokes each on its own
  // (36,000 strokes: 1.5 s a frame in software rendering). A large graph's lines are
  // straight and not draggable, so the page keeps them itself: one path per style,
  // under the nodes; the ones selected drawn over them; a click picks the nearest.
  var marked = [];
  function lineDimmed(e) { return Boolean(dimmed && !dimmed.edges[e.id]); }
  function drawLines(ctx) {
    var groups = {}, nodesById = network.body.nodes;
    data.edges.forEach(function (e) {
      if (current.edgeHidden[e.id]) { return; }
      var key = (e.secret ? "#222222" : EDGE_STYLE.pair.color) + "|" + (lineDimmed(e) ? 0.06 : 1) +
        "|" + e.width + "|" + (e.dashes ? 1 : 0);
      (groups[key] = groups[key] || []).push(e);
    });
    // Zoomed out, thousands of lines would darken everything: they fade with the zoom.
    var fade = Math.min(1, 0.2 + 2 * network.getScale());
    ctx.save();
    Object.keys(groups).forEach(function (key) {
      var parts = key.split("|");
      ctx.strokeStyle = parts[0];
      ctx.globalAlpha = Number(parts[1]) * fade;
      ctx.lineWidth = Number(parts[2]);
      ctx.setLineDash(parts[3] === "1" ? [5, 5] : []);
      ctx.beginPath();
      groups[key].forEach(function (e) {
        var a = nodesById[e.from], b = nodesById[e.to];
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(b.x, b.y);
      });
      ctx.stroke();
    });
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
    ctx.strokeStyle = PATH_COLOUR;
    ctx.lineWidth = 4 / network.getScale();
    ctx.beginPath();
    marked.forEach(function (id) {
      var e = byEdge[id], a = nodesById[e.from], b = nodesById[e.to];
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
    });
    ctx.stroke();
    ctx.restore();
  }
  // The shown line nearest to a point of the canvas, within 6 screen pixels.
  function lineAt(point) {
    var best = null, bestDistance = 6 / network.getScale(), nodesById = network.body.nodes;
    data.edges.forEach(function (e) {
      if (current.edgeHidden[e.id]) { return; }
      var a = nodesById[e.from], b = nodesById[e.to];
      var dx = b.x - a.x, dy = b.y - a.y, length = dx * dx + dy * dy || 1;
      var t = Math.max(0, Math.min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / length));
      var distance = Math.hypot(point.x - (a.x + t * dx), point.y - (a.y + t * dy));
      if (distance < bestDistance) { bestDistance = distance; best = e.id; }
    });
    return best;
  }
  // The nodes of a large graph are drawn the same way: one path per fill; vis-network
  // only draws the one selected (and still finds the node under a click).
  function drawDiscs(ctx) {
    var groups = {}, nodesById = network.body.nodes, indices = network.body.nodeIndices;
    for (var i = 0; i < indices.length; i++) {
      var item = nodesById[indices[i]];
      if (item.selected) { continue; }
      var n = byNode[item.id];
      var key = n.color.background + "|" + (isDimmed(item.id) ? 0.15 : 1);
      (groups[key] = groups[key] || []).push(item);
    }
    ctx.save();
    ctx.lineWidth = 1;
    ctx.strokeStyle = "#444444";
    Object.keys(groups).forEach(function (key) {
      var parts = key.split("|");
      ctx.fillStyle = parts[0];
      ctx.globalAlpha = Number(parts[1]);
      ctx.beginPath();
      groups[key].forEach(function (item) {
        var r = byNode[item.id].size;
        ctx.moveTo(item.x + r, item.y);
        ctx.arc(item.x, item.y, r, 0, 2 * Math.PI);
      });
      ctx.fill();
      ctx.stroke();
    });
    ctx.restore();
  }
  if (large) {
    network.on("beforeDrawing", function (ctx) { drawLines(ctx); drawDiscs(ctx); });
    var nodeProto = Object.getPrototypeOf(network.body.nodes[data.nodes[0].id]);
    var drawIfSelected = function (ctx) {
      return this.selected ? nodeProto.draw.call(this, ctx) : {};
    };
    data.nodes.forEach(function (n) {
      var item = network.body.nodes[n.id];
      item.draw = drawIfSelected;
      // The box a click is tested against, as vis-network's own drawing would set it
      // (positions never change: nodes are not draggable).
      var shape = item.shape;
      shape.radius = n.size;
      shape.width = shape.height = 2 * n.size;
      shape.left = item.x - n.size;
      shape.top = item.y - n.size;
    });
  }

  // ---- labels of a large graph: only where they fit -------------------------------
  var lastLabels = null, labelWidths = {};
  if (large) {
    network.on("afterDrawing", function (ctx) {
      drawPathOver(ctx);
      var scale = network.getScale();
      var topLeft = network.DOMtoCanvas({ x: 0, y: 0 });
      var canvas = document.querySelector("#graph canvas");
      var bottomRight = network.DOMtoCanvas({ x: canvas.clientWidth, y: canvas.clientHeight });
      var font = 12 / scale;
      ctx.font = font + "px sans-serif";
      ctx.textBaseline = "top";
      var placed = [], tried = 0;
      lastLabels = [];
      var wanted = [];
      if (ui.selected && byNode[ui.selected]) { wanted.push(byNode[ui.selected]); }
      if (ui.path) { ui.path.nodes.forEach(function (id) { wanted.push(byNode[id]); }); }
      var candidates = wanted.concat(degreeOrder);
      for (var i = 0; i < candidates.length && placed.length < 80 && tried < 4000; i++) {
        var n = candidates[i];
        if (current.nodeHidden[n.id] || isDimmed(n.id)) { continue; }
        var body = network.body.nodes[n.id];
        if (!body || body.x < topLeft.x || body.x > bottomRight.x || body.y < topLeft.y ||
            body.y > bottomRight.y) { continue; }
        tried++;
        var text = F.actors[n.id].name;
        // Widths measured once at 12 px: a name's width scales with the font.
        if (!own(labelWidths, n.id)) {
          ctx.font = "12px sans-serif";
          labelWidths[n.id] = ctx.measureText(text).width;
          ctx.font = font + "px sans-serif";
        }
        var width = labelWidths[n.id] / scale;
        var box = { x: body.x - width / 2, y: body.y + n.size + 1 / scale, w: width, h: font * 1.2 };
        var clash = placed.some(function (b) {
          return box.x < b.x + b.w && b.x < box.x + box.w && box.y < b.y + b.h && b.y < box.y + box.h;
        });
        if (clash) { continue; }
        placed.push(box);
        lastLabels.push(n.id);
        ctx.lineWidth = 3 / scale;
        ctx.strokeStyle = "rgba(255,255,255,0.9)";
        ctx.strokeText(text, box.x, box.y);
        ctx.fillStyle = "#111111";
        ctx.fillText(text, box.x, box.y);
      }
    });
  }

  // ---- the view in the URL fragment ---------------------------------------------
  function hashParams() {
    var text = location.hash.replace(/^#/, "");
    try { return new URLSearchParams(text); } catch (err) { return new URLSearchParams(); }
  }
  function listParam(params, key, all) {
    if (!params.has(key)) { return null; }
    var set = {};
    params.get(key).split(",").forEach(function (v) { if (all.indexOf(v) !== -1) { set[v] = true; } });
    return set;
  }
  function setBoxes(id, set) {
    document.querySelectorAll("#" + id + " input").forEach(function (box) {
      if (!box.disabled) { box.checked = Boolean(set[box.value]); }
    });
  }
  // Fill the controls from the fragment, then read them back: the controls are the truth.
  function readFiltersFromHash() {
    var p = hashParams();
    if (p.has("from")) { dateFrom.value = p.get("from"); }
    if (p.has("to")) { dateTo.value = p.get("to"); }
    keepUndated.checked = p.get("undated") === "1";
    var types = listParam(p, "types", data.legend.contact_types.map(function (t) { return t.id; }));
    if (types) { setBoxes("type-filter", types); }
    var statuses = listParam(p, "status", data.legend.statuses);
    if (statuses) { setBoxes("status-filter", statuses); }
    if (p.has("country") && own(countriesSeen, p.get("country"))) { countrySelect.value = p.get("country"); }
    var layers = listParam(p, "layers", LAYERS);
    if (layers) { setBoxes("layers", layers); }
    if (p.has("focus") && /^[012]$/.test(p.get("focus"))) {
      focusSelect.value = p.get("focus"); ui.focus = Number(p.get("focus"));
    }
    var f = readFilters();
    ui.layers = f.layers;
    return f;
  }
  function applyHashSelection() {
    var p = hashParams();
    if (p.has("path")) {
      var ends = p.get("path").split("~");
      if (ends.length === 2) {
        $("path-from").value = nameOf(ends[0]); $("path-to").value = nameOf(ends[1]);
        path(ends[0], ends[1]);
      }
    }
    if (p.has("sel")) { select(p.get("sel")); }
    if (p.get("view") === "table") { showTable(true); }
  }
  var writing = false;
  function writeHash() {
    if (!status || !status.ready || writing) { return; }
    var f = current.f, p = new URLSearchParams();
    if (ui.selected) { p.set("sel", ui.selected); }
    if (ui.path) { p.set("path", ui.path.from + "~" + ui.path.to); }
    if (f.fromText) { p.set("from", f.fromText); }
    if (f.toText) { p.set("to", f.toText); }
    if (f.undated) { p.set("undated", "1"); }
    var types = Object.keys(f.types);
    if (types.length !== data.legend.contact_types.length) { p.set("types", types.join(",")); }
    var statuses = Object.keys(f.statuses);
    if (statuses.length !== data.legend.statuses.length) { p.set("status", statuses.join(",")); }
    if (f.country) { p.set("country", f.country); }
    var layers = LAYERS.filter(function (l) { return f.layers[l]; });
    if (layers.join(",") !== "contacts") { p.set("layers", layers.join(",")); }
    if (ui.focus !== 1) { p.set("focus", String(ui.focus)); }
    if (tableShown()) { p.set("view", "table"); }
    var text = p.toString();
    history.replaceState(null, "", text ? "#" + text : location.pathname + location.search);
  }
  window.addEventListener("hashchange", function () {
    writing = true;
    readFiltersFromHash();
    writing = false;
    changed();
    applyHashSelection();
  });

  // ---- legend ---------------------------------------------------------------
  var legend = $("legend");
  function legendItem(marker, text) {
    var row = el("div", null, { "class": "legend-item" });
    row.appendChild(marker);
    row.appendChild(el("span", text));
    legend.appendChild(row);
  }
  legend.appendChild(el("h3", "Actors (fill = country)"));
  [["\u25cf", "person"], ["\u25a0", "organization"], ["\u25c6", "state"], ["\u25b2", "topic"]]
    .forEach(function (s) { if (!large || s[1] === "person") { legendItem(el("span", s[0]), large ? "actor (size = actors met)" : s[1]); } });
  data.legend.countries.forEach(function (c) {
    if (c.color === data.legend.other_country) { return; }
    legendItem(el("span", null, { "class": "swatch", style: "background:" + c.color }), c.name);
  });
  legendItem(el("span", null, { "class": "swatch", style: "background:" + data.legend.other_country }),
    "other countries (named in the panel)");
  legendItem(el("span", null, { "class": "swatch", style: "background:#fff" }), "no country");
  legend.appendChild(el("h3", "Contacts"));
  if (large) {
    legendItem(el("span", null, { "class": "line", style: "border-color:#9a9a9a" }), "talked (thicker: more contacts)");
    legendItem(el("span", null, { "class": "line", style: "border-color:#222" }), "at least one secret contact");
    legendItem(el("span", null, { "class": "line", style: "border-color:#9a9a9a;border-top-style:dashed" }), "none known to have happened");
  } else {
    legendItem(el("span", "talks", { "class": "box" }), "a contact: its type is written on it");
    legendItem(el("span", "talks \u00b7 secret", { "class": "box secret" }), "a secret contact");
    legendItem(el("span", "visit (planned)", { "class": "box dashed" }), "did not (yet) happen");
    legendItem(el("span", null, { "class": "line", style: "border-color:#555" }), "a party (a side's member)");
    legendItem(el("span", null, { "class": "line", style: "border-color:#555;border-top-style:dashed" }), "subject / host / mediator");
    legendItem(el("span", "warned", { "class": "box statement" }), "a statement: speaker \u2192 it \u2192 about");
    legendItem(el("span", null, { "class": "line", style: "border-color:#666;border-top-style:dashed" }), "holds a post in / member of");
    legendItem(el("span", null, { "class": "line", style: "border-color:#ccc;border-top-style:dotted" }), "country");
  }

  window.dipgraph = {
    network: network, nodes: nodes, edges: edges, status: status,
    state: function () {
      var f = current.f;
      return {
        ready: status.ready,
        nodes: data.nodes.filter(function (n) { return !current.nodeHidden[n.id]; }).map(function (n) { return n.id; }),
        edges: data.edges.filter(function (e) { return !current.edgeHidden[e.id]; }).map(function (e) { return e.id; }),
        contacts: Object.keys(current.contacts).sort(),
        statements: Object.keys(current.statements).sort(),
        selected: ui.selected,
        filters: { from: f.fromText || null, to: f.toText || null, undated: f.undated,
          types: Object.keys(f.types).sort(), statuses: Object.keys(f.statuses).sort(),
          country: f.country || null },
        layers: LAYERS.filter(function (l) { return f.layers[l]; }),
        focus: ui.focus,
        path: ui.path ? { from: ui.path.from, to: ui.path.to, hops: ui.path.hops.slice(),
          nodes: ui.path.nodes.slice(), edges: ui.path.edges.slice() } : null,
        table: tableShown(),
        large: large
      };
    },
    select: function (id) { return select(String(id), { focus: true }); },
    setFilters: function (f) {
      f = f || {};
      if ("from" in f) { dateFrom.value = f.from || ""; }
      if ("to" in f) { dateTo.value = f.to || ""; }
      if ("undated" in f) { keepUndated.checked = Boolean(f.undated); }
      if ("country" in f) { countrySelect.value = f.country || ""; }
      function asSet(list) { var s = {}; (list || []).forEach(function (x) { s[x] = true; }); return s; }
      if (f.types) { setBoxes("type-filter", asSet(f.types)); }
      if (f.statuses) { setBoxes("status-filter", asSet(f.statuses)); }
      if (f.layers) { setBoxes("layers", asSet(f.layers)); }
      if ("focus" in f) { focusSelect.value = String(f.focus); ui.focus = Number(f.focus); }
      changed();
      return window.dipgraph.state().filters;
    },
    path: function (a, b) { return path(a, b); },
    clear: resetAll,
    item: function (id) {
      var record = byNode[id] || byEdge[id];
      return record ? JSON.parse(JSON.stringify(record)) : null;
    },
    tidy: function () { return separateLabels(); },
    labelOverlaps: function () {
      if (large) { return 0; }
      var ids = data.nodes.filter(function (n) { return !current.nodeHidden[n.id]; })
        .map(function (n) { return n.id; });
      return labelOverlaps(boxesOf(ids, 0)).length;
    },
    labels: function () {
      if (lastLabels) { return lastLabels.slice(); }
      return data.nodes.filter(function (n) { return !current.nodeHidden[n.id] && n.label; })
        .map(function (n) { return n.id; });
    },
    overlap: function () {
      var shown = data.nodes.filter(function (n) { return !current.nodeHidden[n.id]; });
      var boxes = shown.map(function (n) {
        var b = network.body.nodes[n.id];
        var r = b.shape.radius || Math.max(b.shape.width || 0, b.shape.height || 0) / 2 || n.size || 10;
        return { x: b.x, y: b.y, r: r };
      });
      var cell = 2 * Math.max.apply(null, boxes.map(function (b) { return b.r; }).concat([1]));
      var grid = {};
      boxes.forEach(function (b, i) {
        push(grid, Math.floor(b.x / cell) + "," + Math.floor(b.y / cell), i);
      });
      var bad = 0;
      boxes.forEach(function (b, i) {
        var cx = Math.floor(b.x / cell), cy = Math.floor(b.y / cell), hit = false;
        for (var dx = -1; dx <= 1 && !hit; dx++) {
          for (var dy = -1; dy <= 1 && !hit; dy++) {
            (grid[(cx + dx) + "," + (cy + dy)] || []).forEach(function (j) {
              if (j === i || hit) { return; }
              var o = boxes[j], ex = b.x - o.x, ey = b.y - o.y, m = b.r + o.r;
              if (ex * ex + ey * ey < m * m) { hit = true; }
            });
          }
        }
        if (hit) { bad++; }
      });
      return boxes.length ? bad / boxes.length : 0;
    }
  };
  updateCounts();
})();
