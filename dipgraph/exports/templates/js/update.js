  function adopt(view) {
    current = view;
    adjacencyCache = null;
    contactGraph = null;
    stopExplaining();  // a no-path's reasons were for the view before
    clusterCache = wholeClusters && wholeClusters.key === viewKey(view) ? wholeClusters.value : null;
    updateCounts();
    refreshExploreButtons();
    if (tableShown()) { renderTable(); }
    if (large) { drawAsideLater(); return; }
    renderTimeline();
  }
  // A large graph's timeline and country list are drawn in tasks of their own once a
  // view is adopted: at 10k they cost ~90 and ~170 ms, and with the hiding they made
  // one task of 400-600 ms when exploring stopped (issue #27). The graph is drawn
  // first; #timeline is aria-busy until its years are there. A newer view drops the
  // drawing still to come for the one before.
  // No initial value: network.js adopts the first view before this line runs, and
  // "= 0" here then made that first drawing stale (the 10k timeline stayed empty).
  var asideToken;
  function drawAsideLater() {
    asideToken = (asideToken || 0) + 1;
    var token = asideToken, timeline = $("timeline");
    timeline.setAttribute("aria-busy", "true");
    // After the next frame: a timer alone often ran before the graph was drawn.
    requestAnimationFrame(function () { setTimeout(drawAside, 0); });
    function drawAside() {
      if (token !== asideToken) { return; }
      drawTimeline();
      timeline.removeAttribute("aria-busy");
      if (overviewScale === null) { return; }
      setTimeout(function () {
        if (token !== asideToken) { return; }
        renderClusterList();
      }, 0);
    }
  }
  // The whole graph's countries (nothing explored) are kept past the view that made
  // them: stopping exploring comes back to them (~170 ms at 10k to count again).
  var wholeClusters = null;
  function viewKey(view) {
    return JSON.stringify([view.f, ui.expanded, view.keptForSelection]);
  }
  function keepWholeClusters() {
    if (!exploring() && clusterCache) { wholeClusters = { key: viewKey(current), value: clusterCache }; }
  }
  function dropClusters() { clusterCache = null; wholeClusters = null; }

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
    if (large) {
      // "_dataChanged" also re-reads physics, vis-network's clusters, value ranges and
      // every edge: 90-150 ms at 10k, for nothing a large graph uses (no physics, no
      // edges of vis-network's, sizes set by the page). Only which nodes are drawn and
      // answer clicks (body.nodeIndices) follows the hiding.
      network._updateVisibleIndices();
      network.body.emitter.emit("_requestRedraw");
      return;
    }
    edgeUpdates.forEach(function (u) {
      var item = network.body.edges[u.id];
      if (item) { item.options.hidden = u.hidden; }
    });
    network.body.emitter.emit("_dataChanged");
  }
  function applyView(view) {
    var nodeUpdates = [], edgeUpdates = [];
    data.nodes.forEach(function (n) {
      var hide = !view.nodeShown[n.id] && n.id !== view.alsoShown;
      if (hide !== Boolean(current.nodeHidden[n.id])) { nodeUpdates.push({ id: n.id, hidden: hide }); }
      view.nodeHidden[n.id] = hide;
    });
    if (large) {  // its lines are the page's: no updates, only the map they are drawn by
      view.edgeHidden = largeEdgeHidden(view.edgeShown);
    } else {
      data.edges.forEach(function (e) {
        var hide = !view.edgeShown[e.id];
        if (hide !== Boolean(current.edgeHidden[e.id])) { edgeUpdates.push({ id: e.id, hidden: hide }); }
        view.edgeHidden[e.id] = hide;
      });
    }
    setHidden(nodeUpdates, edgeUpdates);
    adopt(view);
    return nodeUpdates.length;  // nodes drawn or hidden anew
  }
  first.nodeHidden = dict(); first.edgeHidden = dict();
  data.nodes.forEach(function (n) { first.nodeHidden[n.id] = Boolean(n.hidden); });
  data.edges.forEach(function (e) { first.edgeHidden[e.id] = Boolean(e.hidden); });

  // Any change of filters or layers: recompute, clear the path (it may no longer
  // exist), keep the selection only if it is still shown, and record it in the URL.
  // A small graph laid out without a layer has no place yet for that layer's nodes:
  // put each new node beside a neighbour already placed, then let the forces settle.
  function settleNewNodes(before, then) {
    if (large) { return false; }
    var fresh = data.nodes.filter(function (n) { return before[n.id] && !current.nodeHidden[n.id]; });
    if (!fresh.length) { return false; }
    var positions = network.getPositions();
    var isFresh = dict();
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
      network.once("afterDrawing", function () {  // boxes drawn first
        forcesPositions = exactPositions();
        separateLabels();
        if (then) { then(); }
      });
      network.redraw();
    });
    network.stabilize(200);
    return true;
  }
  function shownNodeIds() {
    return data.nodes.filter(function (n) { return !current.nodeHidden[n.id]; })
      .map(function (n) { return n.id; });
  }
  // After a filter, a layer or the path changes what is drawn, the view frames what is
  // drawn now (at the old zoom, three actors left were specks, or off screen), unless
  // a selection is there to keep in view.
  function fitShown() {
    if (ui.selected || ui.path) { return; }
    // A large graph's drawn nodes are vis-network's nodeIndices: fitLarge frames those
    // (and keeps the frame for the fit after it, as a reset makes).
    if (large) { network.fit({ animation: false }); return; }
    var ids = shownNodeIds();
    if (ids.length) { network.fit({ nodes: ids, animation: false }); }
  }
  function changed() { changeView(false); }
  // framed: the caller frames the new view itself (exploring: fitExplored), so the
  // graph is not framed twice (each fit of a 10k graph ~50 ms).
  // What a view is computed from: the same key, the same view (a reset after exploring
  // stopped computed the whole 10k graph a second time, in the same task).
  function computedFrom(f) {
    return JSON.stringify([f, ui.expanded, ui.selected && byNode[ui.selected] ? ui.selected : null]);
  }
  function changeView(framed) {
    var f = readFilters(), key = computedFrom(f);
    ui.cluster = null;
    ui.offered = null;
    if (current.key === key) {  // nothing it depends on changed: drawn as it is
      restyle();
      writeHash();
      return;
    }
    // A small graph places the nodes it draws anew; a large one knows where they are.
    var hiddenBefore = large ? null : Object.assign(dict(), current.nodeHidden);
    var shownBefore = framed || large ? "" : shownNodeIds().join("|");
    ui.layers = f.layers;
    ensureLayers(ui.layers);
    if (ui.path) { clearPath("The path was cleared because the filters or layers changed."); }
    var view = computeView(f);
    view.key = key;
    view.nodeHidden = dict(); view.edgeHidden = dict();
    guest = null;  // the new view decides what is drawn (it keeps the selection)
    var moved = applyView(view);
    if (ui.selected && !isShown(ui.selected)) { deselect(); }
    // Selected, but left out by the new view: drawn beside what it is linked to again.
    if (!large && view.keptForSelection && ui.selected === view.keptForSelection) {
      showGuest(ui.selected);
    }
    restyle();
    if (status && status.ready && !settleNewNodes(hiddenBefore, fitShown) && !framed &&
        (large ? moved > 0 : shownNodeIds().join("|") !== shownBefore)) {
      fitShown();
    }
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
    secretSelect.value = ""; placeSelect.value = ""; sourceSelect.value = ""; roleSelect.value = "";
    document.querySelectorAll("#type-filter input").forEach(function (box) { box.checked = true; });
    tickStatuses(false);
  }
  $("filters-reset").addEventListener("click", function () { resetFilterControls(); changed(); });

  // An empty canvas says why: which filters left nothing, and how to undo them.
  // The date filter in words: "2019 to now".
  function dateRange(f) { return (f.fromText || "the start") + " to " + (f.toText || "now"); }
  function emptyNote() {
    var note = $("graph-empty"), f = current.f;
    if (current.counts.contacts || !contactIds.length) { note.hidden = true; return; }
    note.textContent = "No contact" + (exploring() ? " of " + ui.expanded.map(nameOf).join(", ") : "") +
      (f.country ? " involving " + nameOf(f.country) : "") +
      " passes the current filters" + (f.from || f.to ? " (dates " + dateRange(f) + ")" : "") +
      ". Change them, or press \u201cReset filters\u201d.";
    note.hidden = false;
  }
  // Active filters said at the top, and their folded sections opened: a link with a
  // status filter showed fewer contacts, the filter itself hidden in a closed section.
  function activeFilters(f) {
    var out = [];
    var types = Object.keys(f.types), statuses = Object.keys(f.statuses);
    if (types.length !== data.legend.contact_types.length) {
      out.push("types: " + (types.length ? types.join(", ") : "none"));
    }
    if (!sameSet(f.statuses, DEFAULT_STATUS) && !everyStatus(f)) {
      out.push("status: " + (statuses.length ? statuses.join(", ") : "none"));
    }
    if (f.from || f.to) { out.push("dates " + dateRange(f) + (f.undated ? " (and undated)" : "")); }
    if (f.country) { out.push("country: " + nameOf(f.country)); }
    if (f.role) { out.push(roleWords(f)); }
    if (f.secret) { out.push(f.secret === "1" ? "secret only" : "not secret"); }
    if (f.place) { out.push("place: " + f.place); }
    if (f.source) { out.push("source: " + sourceTitle(f.source)); }
    if (exploring()) { out.push(exploreWords()); }
    return out;
  }
  // "role: host" alone; "role: host (from Turkey)" with a country.
  function roleWords(f) {
    return "role: " + f.role + (f.country ? " (held by " + nameOf(f.country) + ")" : "");
  }
  // Every contact of every status, no filter, nothing explored: what "Show all contacts"
  // and a search's "N more hidden by the filters" do.
  function showAllContacts() {
    resetFilterControls(); setExpanded([]);
    tickStatuses(true);
    changed();
  }
  function showActiveFilters() {
    var f = current.f, active = activeFilters(f), box = $("filters-active");
    clear(box);
    box.hidden = !active.length;
    if (active.length) {
      box.appendChild(el("span", "Filtered — " + active.join("; ") + ". "));
      box.appendChild(button("Show all contacts", showAllContacts, { "class": "link" }));
    }
    [["type-filter", Object.keys(f.types).length !== data.legend.contact_types.length],
      ["status-filter", !sameSet(f.statuses, DEFAULT_STATUS)]]
      .forEach(function (pair) {
        var details = $(pair[0]).closest("details");
        if (details && pair[1]) { details.open = true; }
      });
  }
  function updateCounts() {
    emptyNote();
    showActiveFilters();
    showStatusNote(current.f);
    var c = current.counts, total = contactIds.length;
    var text = c.actors + " actors \u00b7 " + c.contacts + " of " + total + " contacts shown";
    if (current.f.layers.statements) { text += " \u00b7 " + c.statements + " statements"; }
    $("counts").textContent = text;
    var help = $("date-help");
    if (current.f.from || current.f.to) {
      var parts = ["Dates " + dateRange(current.f) + ": " + c.contacts + " contacts kept"];
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

