/* dipgraph interactive graph. Every piece of fact text reaches the page through
   textContent or attribute values, never as markup. */
(function () {
  "use strict";

  performance.mark("dipgraph:start");
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  performance.mark("dipgraph:parsed");
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  performance.mark("dipgraph:datasets");
  var byNode = {};
  data.nodes.forEach(function (n) { byNode[n.id] = n; });
  var byEdge = {};
  data.edges.forEach(function (e) { byEdge[e.id] = e; });
  // Each fact's details are stored once, edges point at them, and the table is parsed
  // on first use: the first drawing of a large graph does not wait for it.
  var factTable = null;
  function factOf(edge) {
    if (factTable === null) {
      factTable = JSON.parse(document.getElementById("graph-facts").textContent);
    }
    return factTable[edge.meta.fact];
  }

  var network = new vis.Network(document.getElementById("graph"),
    { nodes: nodes, edges: edges }, data.options);
  performance.mark("dipgraph:network");
  var state = { ready: false, readyMs: null, path: null };
  window.dipgraph = { network: network, nodes: nodes, edges: edges, state: state };

  function markReady() {
    if (state.ready) { return; }
    state.ready = true;
    performance.mark("dipgraph:ready");
    state.readyMs = performance.now();
    document.body.setAttribute("data-ready", "true");
  }
  if (data.large || !data.options.physics || !data.options.physics.enabled) {
    network.once("afterDrawing", markReady);
  } else {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      markReady();
    });
  }

  // ---- helpers --------------------------------------------------------------
  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  var RTL = /[\u0590-\u08FF]/;
  function textDir(text) { return RTL.test(text || "") ? "rtl" : "ltr"; }

  // The same folding as dipgraph.names.normalise_name.
  function norm(text) {
    return String(text).toLowerCase().normalize("NFKD").replace(/\p{Mn}/gu, "")
      .replace(/\u0671/g, "\u0627").replace(/\u0649/g, "\u064A").replace(/\u0629/g, "\u0647")
      .replace(/\u06CC/g, "\u064A").replace(/\u06A9/g, "\u0643").replace(/\u0640/g, "")
      .replace(/[-_]/g, " ").replace(/['\u2019.]/g, "").replace(/\s+/g, " ").trim();
  }

  // ---- names ----------------------------------------------------------------
  var names = [];   // [normalised name, node id]
  var datalist = document.getElementById("actor-names");
  data.nodes.forEach(function (n) {
    if (n.meta.node_type !== "actor") { return; }
    var all = [n.id, n.label];
    Object.keys(n.meta.names).forEach(function (lang) { all.push(n.meta.names[lang]); });
    Object.keys(n.meta.aliases).forEach(function (lang) {
      n.meta.aliases[lang].forEach(function (a) { all.push(a); });
    });
    all.forEach(function (name) { names.push([norm(name), n.id]); });
    datalist.appendChild(el("option", null, { value: n.label }));
    if (n.meta.names.ar) { datalist.appendChild(el("option", null, { value: n.meta.names.ar })); }
  });

  function findActor(text) {
    var key = norm(text);
    if (!key) { return null; }
    var exact = names.filter(function (p) { return p[0] === key; });
    if (exact.length) { return exact[0][1]; }
    var partial = names.filter(function (p) { return p[0].indexOf(key) !== -1; });
    return partial.length ? partial[0][1] : null;
  }

  // ---- panel ----------------------------------------------------------------
  var panel = document.getElementById("panel");

  function evidenceList(items) {
    var box = el("div");
    (items || []).forEach(function (item) {
      var quote = el("blockquote", item.quote, { "class": "quote", dir: textDir(item.quote) });
      box.appendChild(quote);
      box.appendChild(el("div", "— " + (item.source_name || item.source), { "class": "source" }));
    });
    return box;
  }

  function facts(rows) {
    var dl = el("dl");
    rows.forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === "") { return; }
      dl.appendChild(el("dt", row[0]));
      dl.appendChild(el("dd", row[1], { dir: "auto" }));
    });
    return dl;
  }

  function showNode(id) {
    var n = byNode[id];
    if (!n) { return; }
    clear(panel);
    panel.appendChild(el("h3", n.label));
    Object.keys(n.meta.names).forEach(function (lang) {
      var name = n.meta.names[lang];
      panel.appendChild(el("p", name + " (" + lang + ")", { lang: lang, dir: textDir(name) }));
    });
    if (n.meta.node_type === "topic") {
      panel.appendChild(facts([["topic", "yes"], ["broader", n.meta.broader]]));
    } else {
      panel.appendChild(facts([["kind", n.meta.kind], ["country", n.meta.country_name]]));
      if (n.meta.posts.length) {
        panel.appendChild(el("h3", "Posts"));
        n.meta.posts.forEach(function (p) {
          var when = [p.from && "from " + p.from, p.until && "until " + p.until,
                      p.as_of && "as of " + p.as_of].filter(Boolean).join(", ");
          panel.appendChild(el("p", p.post + (p.organization ? " — " + p.organization.name : "") +
            (when ? " (" + when + ")" : "")));
          panel.appendChild(evidenceList(p.evidence));
        });
      }
    }
    var contacts = data.edges.filter(function (e) {
      return e.meta.relation === "contact" && (e.from === id || e.to === id);
    });
    var seen = {};
    if (contacts.length) {
      panel.appendChild(el("h3", "Contacts"));
      var list = el("ul");
      contacts.forEach(function (e) {
        if (seen[e.meta.fact]) { return; }
        seen[e.meta.fact] = true;
        var m = factOf(e);
        var item = el("li");
        var link = el("a", (m.date || "undated") + " · " + m.type_label + " · " +
          m.participants.join(", "), { "class": "link", role: "button", tabindex: "0" });
        link.addEventListener("click", function () { network.selectEdges([e.id]); showEdge(e.id); });
        item.appendChild(link);
        list.appendChild(item);
      });
      panel.appendChild(list);
    }
  }

  function showEdge(id) {
    var e = byEdge[id];
    if (!e) { return; }
    var m = factOf(e);
    clear(panel);
    if (m.relation === "contact") {
      panel.appendChild(el("h3", m.type_label + " (CAMEO " + m.cameo + ")"));
      panel.appendChild(facts([
        ["date", m.date || "undated"], ["about the date", m.date_note], ["status", m.status],
        ["secret", m.secret ? "yes" : "no"], ["place", m.place ? m.place.en : null],
        ["participants", m.participants.join(", ")], ["topics", m.topics.join(", ")],
        ["fact", m.fact]]));
      panel.appendChild(el("p", m.summary, { dir: "auto" }));
    } else {
      panel.appendChild(el("h3", m.relation.replace("_", " ")));
      panel.appendChild(facts([["from", byNode[e.from].label], ["to", byNode[e.to].label],
        ["post", m.post], ["kind", m.kind], ["date", m.date], ["fact", m.fact]]));
      if (m.summary) { panel.appendChild(el("p", m.summary, { dir: "auto" })); }
    }
    panel.appendChild(evidenceList(m.evidence));
  }

  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
  });

  // ---- search ---------------------------------------------------------------
  var search = document.getElementById("search");
  var searchResult = document.getElementById("search-result");
  function runSearch() {
    var id = findActor(search.value);
    if (!id) { searchResult.textContent = "No actor matches."; return; }
    searchResult.textContent = "Found: " + byNode[id].label;
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    showNode(id);
  }
  document.getElementById("search-go").addEventListener("click", runSearch);
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { runSearch(); } });

  // ---- filters --------------------------------------------------------------
  var dateFrom = document.getElementById("date-from");
  var dateTo = document.getElementById("date-to");
  var countrySelect = document.getElementById("country-filter");

  function checkboxes(container, items) {
    items.forEach(function (item) {
      var label = el("label");
      var box = el("input", null, { type: "checkbox", value: item.id });
      box.checked = true;
      box.addEventListener("change", applyFilters);
      label.appendChild(box);
      if (item.color) { label.appendChild(el("span", null, { "class": "swatch", style: "background:" + item.color })); }
      label.appendChild(el("span", item.label));
      container.appendChild(label);
    });
  }
  checkboxes(document.getElementById("type-filter"), data.legend.contact_types);
  checkboxes(document.getElementById("status-filter"),
    data.legend.statuses.map(function (s) { return { id: s, label: s }; }));
  data.legend.countries.forEach(function (c) {
    countrySelect.appendChild(el("option", c.name, { value: c.id }));
  });

  function parseDate(input, end) {
    var text = input.value.trim();
    input.classList.remove("invalid");
    if (!text) { return null; }
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
    if (!m) { input.classList.add("invalid"); return null; }
    var year = m[1], month = m[2], day = m[3];
    if (!end) { return year + "-" + (month || "01") + "-" + (day || "01"); }
    if (day) { return text; }
    var mm = month ? Number(month) : 12;
    var last = new Date(Date.UTC(Number(year), mm, 0)).getUTCDate();
    return year + "-" + String(mm).padStart(2, "0") + "-" + String(last).padStart(2, "0");
  }

  function checked(id) {
    var set = {};
    document.querySelectorAll("#" + id + " input").forEach(function (box) {
      if (box.checked) { set[box.value] = true; }
    });
    return set;
  }

  function edgeVisible(m, f) {
    if (m.relation !== "contact") { return true; }  // contact and discussed edges
    if (!f.types[m.type] || !f.statuses[m.status]) { return false; }
    if (f.from || f.to) {
      if (!m.first) { return false; }
      if (f.from && m.last < f.from) { return false; }
      if (f.to && m.first > f.to) { return false; }
    }
    return true;
  }

  function applyFilters() {
    var f = { from: parseDate(dateFrom, false), to: parseDate(dateTo, true),
              types: checked("type-filter"), statuses: checked("status-filter"),
              country: countrySelect.value };
    nodes.update(data.nodes.map(function (n) {
      var hide = Boolean(f.country) && n.meta.node_type === "actor" && n.meta.country !== f.country;
      return { id: n.id, hidden: hide };
    }));
    edges.update(data.edges.map(function (e) { return { id: e.id, hidden: !edgeVisible(factOf(e), f) }; }));
    updateCounts();
  }
  [dateFrom, dateTo].forEach(function (input) {
    input.addEventListener("change", applyFilters);
    input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { applyFilters(); } });
  });
  countrySelect.addEventListener("change", applyFilters);
  document.getElementById("filters-reset").addEventListener("click", function () {
    dateFrom.value = ""; dateTo.value = ""; countrySelect.value = "";
    document.querySelectorAll(".checks input").forEach(function (box) { box.checked = true; });
    applyFilters();
  });

  function updateCounts() {
    var shownNodes = nodes.get({ filter: function (n) { return !n.hidden; } }).length;
    var shownContacts = edges.get({ filter: function (e) {
      return !e.hidden && e.meta.relation === "contact";
    } }).length;
    document.getElementById("counts").textContent = shownNodes + " nodes, " + shownContacts +
      " contact links shown";
  }

  // ---- path -----------------------------------------------------------------
  var pathResult = document.getElementById("path-result");
  function clearPath() {
    if (!state.path) { return; }
    nodes.update(state.path.nodes.map(function (id) {
      return { id: id, borderWidth: 1, color: byNode[id].color };
    }));
    edges.update(state.path.edges.map(function (id) {
      return { id: id, width: byEdge[id].width, color: byEdge[id].color };
    }));
    state.path = null;
    pathResult.textContent = "";
  }

  function highlightPath() {
    clearPath();
    var from = findActor(document.getElementById("path-from").value);
    var to = findActor(document.getElementById("path-to").value);
    if (!from || !to) { pathResult.textContent = "Choose two known actors."; return; }
    var adjacency = {};
    edges.get({ filter: function (e) { return !e.hidden && e.meta.relation === "contact"; } })
      .forEach(function (e) {
        (adjacency[e.from] = adjacency[e.from] || []).push([e.to, e.id]);
        (adjacency[e.to] = adjacency[e.to] || []).push([e.from, e.id]);
      });
    var parent = {}; parent[from] = null;
    var queue = [from];
    while (queue.length && !(to in parent)) {
      var current = queue.shift();
      (adjacency[current] || []).forEach(function (pair) {
        if (!(pair[0] in parent) && !nodes.get(pair[0]).hidden) {
          parent[pair[0]] = [current, pair[1]];
          queue.push(pair[0]);
        }
      });
    }
    if (!(to in parent) || from === to) {
      pathResult.textContent = "No path over the contacts shown.";
      return;
    }
    var pathNodes = [to], pathEdges = [];
    var step = to;
    while (parent[step]) { pathEdges.unshift(parent[step][1]); step = parent[step][0]; pathNodes.unshift(step); }
    state.path = { nodes: pathNodes, edges: pathEdges };
    nodes.update(pathNodes.map(function (id) {
      return { id: id, borderWidth: 5, color: { background: byNode[id].color, border: "#ffbf00" } };
    }));
    edges.update(pathEdges.map(function (id) { return { id: id, width: 7, color: "#ffbf00" }; }));
    network.fit({ nodes: pathNodes, animation: false });
    pathResult.textContent = pathNodes.map(function (id) { return byNode[id].label; }).join(" → ");
    clear(panel);
    panel.appendChild(el("h3", "Path: " + (pathNodes.length - 1) + " hop(s)"));
    pathEdges.forEach(function (id, hop) {
      var m = factOf(byEdge[id]);
      panel.appendChild(el("p", byNode[pathNodes[hop]].label + " — " + m.type_label + " (" +
        (m.date || "undated") + ") — " + byNode[pathNodes[hop + 1]].label));
      panel.appendChild(evidenceList(m.evidence));
    });
  }
  document.getElementById("path-go").addEventListener("click", highlightPath);
  document.getElementById("path-clear").addEventListener("click", clearPath);

  // ---- legend ---------------------------------------------------------------
  var legend = document.getElementById("legend");
  var SYMBOLS = { dot: "●", square: "■", diamond: "◆", triangle: "▲" };
  function legendItem(marker, text) {
    var row = el("div", null, { "class": "legend-item" });
    row.appendChild(marker);
    row.appendChild(el("span", text));
    legend.appendChild(row);
  }
  legend.appendChild(el("h2", "Shapes"));
  data.legend.shapes.forEach(function (s) { legendItem(el("span", SYMBOLS[s.shape] || "?"), s.kind); });
  legend.appendChild(el("h2", "Countries"));
  data.legend.countries.forEach(function (c) {
    legendItem(el("span", null, { "class": "swatch", style: "background:" + c.color }), c.name);
  });
  legend.appendChild(el("h2", "Links"));
  legendItem(el("span", null, { "class": "line", style: "border-top-style:solid;border-color:#444" }),
    "contact (colour by type; dashed if not happened)");
  data.legend.edge_styles.forEach(function (s) {
    var style = s.dashes ? "dashed" : "solid";
    legendItem(el("span", null, { "class": "line", style: "border-top-style:" + style + ";border-color:" + s.color }), s.label);
  });

  updateCounts();
})();
