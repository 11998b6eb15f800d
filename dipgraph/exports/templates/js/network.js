  // ---- the network ----------------------------------------------------------
  // A small graph is laid out whole (the forces are seeded: the same positions every
  // time), and the address's filters applied once it is ready, as if chosen then: a
  // link opens on the positions its sender saw. A large graph's positions come laid out.
  var first = computeView(large ? readFiltersFromHash() : readFilters());
  data.nodes.forEach(function (n) { n.hidden = !first.nodeShown[n.id] && n.id !== first.alsoShown; });
  data.edges.forEach(function (e) { e.hidden = !first.edgeShown[e.id]; });
  var nodes = new vis.DataSet(data.nodes);
  // A large graph's lines are not vis-network items: it draws, hides and picks them
  // itself (see "lines of a large graph"), which saves ~40 µs per line at every load
  // and every filter.
  var edges = new vis.DataSet(large ? [] : data.edges);
  performance.mark("dipgraph:datasets");
  // Made empty, its id-keyed objects freed of Object's prototype, then given the data.
  var network = new vis.Network($("graph"), {}, data.options);
  var visMissing = prototypeFree(network).map(function (k) { return "prototype-free " + k; });
  network.setData({ nodes: nodes, edges: edges });
  performance.mark("dipgraph:network");
  visMissing = visMissing.concat(visInternalsMissing(network));
  if (visMissing.length) {
    throw new Error("dipgraph: the page needs vis-network " + VIS_PINNED + "; missing: " +
      visMissing.join(", "));
  }
  // vis-network's own frame takes the focus and the keys: name it for screen readers.
  var frame = document.querySelector("#graph .vis-network");
  if (frame) {
    frame.setAttribute("role", "application");
    frame.setAttribute("aria-label", "Graph: arrow keys move between connected nodes, " +
      "Enter opens, Escape clears; Shift+arrow keys pan, + and - (or Page Up/Down) zoom.");
  }
  adopt(first);

  var status = { ready: false, readyMs: null };
  function markReady() {
    if (status.ready) { return; }
    status.ready = true;
    performance.mark("dipgraph:ready");
    status.readyMs = performance.now();
    if (large) {
      overviewScale = network.getScale() * 1.6;  // the first fit, and a little closer
      renderClusterList();
      // Layers asked for by the address: built now that every part of the page is there.
      if (LAYERS.some(function (l) { return l !== "contacts" && current.f.layers[l]; })) { changed(); }
      network.body.emitter.emit("_requestRedraw");
    }
    writing = true;
    try {
      if (!large && location.hash.length > 1) { readFiltersFromHash(); changed(); }
      else { applyLook(DEFAULT_SIZE, "country"); }  // sized once laid out (look.js)
      applyHashSelection();
    } finally { writing = false; }
    document.body.setAttribute("data-ready", "true");
    // The search index is built right after the first drawing, before anyone types,
    // in idle slices (search.js): names, then contacts' words.
    inIdleSlices(buildNames, function () {
      status.indexedMs = performance.now();
      setTimeout(namesJoined, 0);  // a few milliseconds each, in tasks of their own
      setTimeout(allAdjacency, 0);
      if (large) { setTimeout(everyEdgeHiddenMap, 0); }
      buildContactTextsLater();
    });
  }
  if (large || !data.options.physics || !data.options.physics.enabled) {
    network.once("afterDrawing", markReady);
  } else {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.once("afterDrawing", function () {
        forcesPositions = exactPositions();
        separateLabels();  // and frames the graph
        markReady();
      });
      network.redraw();
    });
  }

