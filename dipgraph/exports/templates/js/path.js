  // ---- path -----------------------------------------------------------------
  // The path tool over the contacts shown, by the rule of path_rule.js. Which statuses
  // it crosses is the status filter's (by default the ones `dipgraph path` counts);
  // "also planned, proposed, denied" shows every status, as --any-status; "in date
  // order" is --temporal; "every path" is --all (at most PATH_RULE.limit, shortest first).
  var pathResult = $("path-result");
  var pathAny = $("path-any"), pathTemporal = $("path-temporal"), pathAll = $("path-all");
  var PATHS_LISTED = 50;  // paths narrated in the panel (all are drawn)
  pathAll.parentNode.lastChild.textContent = " every path (at most " + PATH_RULE.limit +
    ", within " + PATH_RULE.max_hops + " hops), shortest first";
  function clearPath(message) {
    stopExplaining();
    if (ui.path) {
      ui.path = null;
      restyle();
      if (ui.selected === "path") { ui.selected = null; }
      showOrientation();
    }
    pathResult.textContent = message || "";
    writeHash();
  }
  function resolveActor(text) {
    if (own(F.actors, text)) { return { id: text }; }
    var found = matches(text).filter(function (id) { return own(F.actors, id); });
    if (!found.length) { return { error: "No actor is called \u201c" + text + "\u201d." }; }
    var exact = exactly(norm(text)).filter(function (id) { return own(F.actors, id); });
    if (exact.length === 1) { return { id: exact[0] }; }
    if (found.length === 1) { return { id: found[0] }; }
    return { error: "\u201c" + text + "\u201d matches " + found.length + " actors (" +
      found.slice(0, 5).map(nameOf).join(", ") + (found.length > 5 ? ", \u2026" : "") +
      "): type more of the name." };
  }
  // The contacts a path may cross, as a PathGraph: those the filters keep, of the
  // statuses given (default: the status filter's, i.e. the contacts shown). Made once a
  // view and status set (adopt resets contactGraph).
  var contactGraph = null;
  function pathGraph(statuses) {
    var key = statuses ? "status:" + Object.keys(statuses).sort().join(",") : "shown";
    var graphs = contactGraph || (contactGraph = dict());
    if (own(graphs, key)) { return graphs[key]; }
    var ids;
    if (!statuses) {
      ids = Object.keys(current.contacts);
    } else {
      var f = Object.assign(dict(), current.f, { statuses: statuses }), explored = exploredContacts();
      ids = (explored ? Object.keys(explored) : contactIds).filter(function (cid) {
        return contactPasses(F.contacts[cid], f);
      });
    }
    graphs[key] = new PathGraph(ids);
    return graphs[key];
  }
  // The roles ("a subject", "a host", "a mediator") an actor has in its contacts shown
  // when it is on no side of any (every contact shown walked: ~45 ms at 10k, twice).
  function rolesOnly(id) {
    var roles = [], party = false;
    (actorContacts[id] || []).forEach(function (cid) {
      if (!own(current.contacts, cid)) { return; }
      var c = F.contacts[cid];
      if (c.sides.some(function (side) { return side.indexOf(id) !== -1; })) { party = true; }
      ["subject", "host", "mediator"].forEach(function (role) {
        if ((c[role + "s"] || []).indexOf(id) !== -1 && roles.indexOf("a " + role) === -1) {
          roles.push("a " + role);
        }
      });
    });
    return party ? [] : roles;
  }
  // The statuses the path crosses, in words: "that happened", "of any status",
  // "planned or happened".
  function statusWords(f) {
    if (everyStatus(f)) { return "of any status"; }
    var shown = Object.keys(f.statuses);
    if (sameSet(f.statuses, DEFAULT_STATUS)) { return "that " + shown.join(" or "); }
    return shown.length ? "of status " + shown.join(" or ") : "of no status";
  }
  // " → " before a hop's actor, with its contact's status when the default would not
  // count it: " → (proposed) ".
  function arrow(cid) {
    var s = F.contacts[cid].status;
    return DEFAULT_STATUS[s] ? " \u2192 " : " \u2192 (" + s + ") ";
  }
  function pathText(hops) {
    return nameOf(hops[0].from) + hops.map(function (h) { return arrow(h.contact) + nameOf(h.to); }).join("");
  }
  function hopLine(h) {
    var c = F.contacts[h.contact];
    return nameOf(h.from) + " \u2014 " + c.type_label + " (" + dateOf(c) + ", " + c.status +
      (c.secret ? ", secret" : "") + ") \u2014 " + nameOf(h.to);
  }
  function hopsList(hops, full) {
    var ol = el("ol", null, { "class": "hops" });
    hops.forEach(function (h) {
      var c = F.contacts[h.contact];
      var li = el("li");
      li.appendChild(el("p", hopLine(h), { "class": "hop" }));
      if (full) {
        li.appendChild(el("p", c.summary, { dir: "auto", "class": "summary-main" }));
        li.appendChild(evidenceBlock(c.evidence, null));
      }
      li.appendChild(button("Open this contact", function () { select("contact:" + h.contact); }));
      ol.appendChild(li);
    });
    return ol;
  }
  // Why there is no path: each reason is a search over every contact (at 10k, 30,000
  // contacts: ~60 ms each, three of them held the page ~200-470 ms), so the answer is
  // said at once and the reasons are found afterwards, one task each, then said in the
  // same words as before. #path-result is aria-busy meanwhile; a newer path, or a
  // change of what is shown, drops the reasons still to come.
  var explaining = 0;
  function stopExplaining() {  // also called by adopt, before this part has run
    explaining = (explaining || 0) + 1;
    if (pathResult) { pathResult.removeAttribute("aria-busy"); }
  }
  function noPath(from, to, options) {
    var f = current.f, maxHops = PATH_RULE.max_hops, token = ++explaining;
    var why = [], widerStatus = false, untimed = false, every = everyStatusSet();
    var others = data.legend.statuses.filter(function (s) { return !f.statuses[s]; });
    function roles(id) {
      var found = rolesOnly(id);
      if (found.length) { why.push(nameOf(id) + " is only " + found.join(" or ") + " in the contacts shown"); }
    }
    var steps = [
      function () { roles(from); },
      function () { roles(to); },
      function () { if (others.length) { pathGraph(every); } },  // built apart from the search
      function () { widerStatus = others.length && findPaths(pathGraph(every), from, to, options).length; },
      function () {
        untimed = options.temporal &&
          findPaths(pathGraph(), from, to, { all: false, temporal: false }).length;
      }
    ];
    function say() {
      pathResult.textContent = "No path between " + nameOf(from) + " and " + nameOf(to) +
        " over the contacts shown " + statusWords(f) + " within " + maxHops + " hops" +
        (options.temporal ? " in date order" : "") + ". " + (why.length ? why.join("; ") + ". " : "") +
        (widerStatus ? "There is one through " + others.join(", ") + " contacts: tick " +
          "\u201calso planned, proposed, denied\u201d to see it. " : "") +
        (untimed ? "There is one if the dates need not follow one another: untick " +
          "\u201cin date order\u201d. " : "") +
        "A path follows who talked, the sides of each contact: subjects, hosts and mediators " +
        "are not counted as having talked.";
    }
    say();
    pathResult.setAttribute("aria-busy", "true");
    (function next() {
      setTimeout(function () {
        if (token !== explaining) { return; }
        steps.shift()();
        if (steps.length) { next(); return; }
        say();
        pathResult.removeAttribute("aria-busy");
      }, 0);
    })();
  }
  // A path between two actors (ids or names), drawn and narrated. `anyStatus` (when
  // given) first shows every status or only the default ones; options.temporal and
  // options.all (when given) set the boxes. Returns the hops {from, to, contact,
  // status} of the path (with options.all: a list of such paths), or null.
  // The box (canvas units) round nodes as drawn, their names and boxes included.
  function boxAround(ids) {
    var box = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
    ids.forEach(function (id) {
      if (!network.body.nodes[id]) { return; }
      var b = network.getBoundingBox(id);
      box.left = Math.min(box.left, b.left); box.right = Math.max(box.right, b.right);
      box.top = Math.min(box.top, b.top); box.bottom = Math.max(box.bottom, b.bottom);
    });
    return box;
  }
  // A path framed whole with a margin (PATH_MARGIN px) at a readable scale (at most 1.2),
  // as near the middle of the graph drawn as that allows: centred on the path alone,
  // the bundled Trump-Biden path pushed two contact boxes off the left edge of a graph
  // that fitted the canvas at that scale. A path wider than the canvas is centred.
  var PATH_MARGIN = 30;
  function framePath(ids) {
    network.fit({ nodes: ids, animation: false });
    var scale = Math.min(network.getScale(), 1.2);
    var canvas = network.canvas.frame.canvas;
    var p = boxAround(ids), g = boxAround(shownNodeIds()), m = PATH_MARGIN / scale;
    function centre(lo, hi, half, graphLo, graphHi) {
      var least = hi + m - half, most = lo - m + half;  // the centres keeping it in view
      if (least > most) { return (lo + hi) / 2; }
      return Math.min(most, Math.max(least, (graphLo + graphHi) / 2));
    }
    network.moveTo({ scale: scale, animation: false, position: {
      x: centre(p.left, p.right, canvas.clientWidth / (2 * scale), g.left, g.right),
      y: centre(p.top, p.bottom, canvas.clientHeight / (2 * scale), g.top, g.bottom) } });
  }
  function path(a, b, anyStatus, options) {
    options = options || {};
    if (anyStatus !== undefined && anyStatus !== null) { setEveryStatus(Boolean(anyStatus)); }
    if ("temporal" in options) { pathTemporal.checked = Boolean(options.temporal); }
    if ("all" in options) { pathAll.checked = Boolean(options.all); }
    clearPath();
    var chosen = { temporal: pathTemporal.checked, all: pathAll.checked };
    var from = resolveActor(String(a || "")), to = resolveActor(String(b || ""));
    if (from.error || to.error) {
      pathResult.textContent = [from.error, to.error].filter(Boolean).join(" ");
      return null;
    }
    if (from.id === to.id) { pathResult.textContent = "Choose two different actors."; return null; }
    var found = findPaths(pathGraph(), from.id, to.id, chosen);
    if (!found.length) {
      pathResult.textContent = noPath(from.id, to.id, chosen);
      return null;
    }
    var pathNodes = [from.id], pathEdges = [], seen = dict();
    function add(list, id) { if (id && !seen[id]) { seen[id] = true; list.push(id); } }
    seen[from.id] = true;
    found.forEach(function (hops) {
      hops.forEach(function (h) {
        if (large && !byNode["contact:" + h.contact]) {
          add(pathEdges, pairEdge[h.from + "|" + h.to]);
        } else {
          var node = "contact:" + h.contact;
          add(pathNodes, node);
          add(pathEdges, partyEdge[h.from + "|" + node]);
          add(pathEdges, partyEdge[h.to + "|" + node]);
        }
        add(pathNodes, h.to);
      });
    });
    ui.offered = null;
    ui.path = { from: from.id, to: to.id, temporal: chosen.temporal, all: chosen.all,
      paths: found, hops: found[0], nodes: pathNodes, edges: pathEdges };
    ui.selected = null;
    unselect();
    restyle();
    framePath(pathNodes);
    var f = current.f;
    var over = "Over the contacts shown " + statusWords(f) +
      (everyStatus(f) ? ": each hop says its status" : "") + (chosen.temporal ?
        ", in date order: each contact may have happened on or after the one before " +
        "(undated contacts are not crossed)" : "") + ".";
    clear(panel);
    if (chosen.all) {
      pathResult.textContent = found.length + " path" + (found.length > 1 ? "s" : "") +
        (found.length >= PATH_RULE.limit ? " (the first " + PATH_RULE.limit + ")" : "") +
        ", shortest first: " + pathText(found[0]) + (found.length > 1 ? "; \u2026" : "");
      panel.appendChild(el("h3", "Paths: " + found.length + ", shortest first"));
      panel.appendChild(el("p", over + (found.length > PATHS_LISTED ? " The first " + PATHS_LISTED +
        " are listed; all are drawn." : ""), { "class": "muted" }));
      var list = el("ol", null, { "class": "paths" });
      found.slice(0, PATHS_LISTED).forEach(function (hops) {
        var li = el("li");
        li.appendChild(el("p", pathText(hops) + " (" + hops.length + " hop" + (hops.length > 1 ? "s" : "") + ")",
          { "class": "path-line" }));
        li.appendChild(hopsList(hops, false));
        list.appendChild(li);
      });
      panel.appendChild(list);
    } else {
      pathResult.textContent = pathText(found[0]);
      panel.appendChild(el("h3", "Path: " + found[0].length + " hop" + (found[0].length > 1 ? "s" : "")));
      panel.appendChild(el("p", over, { "class": "muted" }));
      panel.appendChild(hopsList(found[0], true));
    }
    lendPathTool();  // the tool stays above its answer, to change an end or an option
    writeHash();
    var told = found.map(function (hops) {
      return hops.map(function (h) {
        return { from: h.from, to: h.to, contact: h.contact, status: F.contacts[h.contact].status };
      });
    });
    return chosen.all ? told : told[0];
  }
  // Pairs' paths by the page's rule, without drawing them (tests compare them with
  // `dipgraph path`): over the contacts the filters keep of the default statuses (any:
  // of every status); for each pair its hops, or null (options.all: its list of paths).
  function pathsOf(pairs, anyStatus, options) {
    options = options || {};
    var statuses = dict();
    data.legend.statuses.forEach(function (s) { if (anyStatus || DEFAULT_STATUS[s]) { statuses[s] = true; } });
    var graph = pathGraph(statuses);
    return pairs.map(function (p) {
      var found = findPaths(graph, p[0], p[1], options);
      return options.all ? found : found[0] || null;
    });
  }
  function pathAgain() {
    if (ui.path) { path(ui.path.from, ui.path.to); }
  }
  $("path-go").addEventListener("click", function () { path($("path-from").value, $("path-to").value); });
  $("path-clear").addEventListener("click", function () {
    $("path-from").value = ""; $("path-to").value = ""; clearPath(); fitShown();
  });
  pathAny.addEventListener("change", function () {
    var ends = ui.path ? [ui.path.from, ui.path.to] : null;
    setEveryStatus(pathAny.checked);
    if (ends) { path(ends[0], ends[1]); }
  });
  pathTemporal.addEventListener("change", pathAgain);
  pathAll.addEventListener("change", pathAgain);
  ["path-from", "path-to"].forEach(function (id) {
    $(id).addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { path($("path-from").value, $("path-to").value); }
    });
  });
