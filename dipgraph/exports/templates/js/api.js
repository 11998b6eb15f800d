  function linesByLayer() {
    var counts = dict();
    data.edges.forEach(function (e) {
      if (!current.edgeHidden[e.id]) { counts[e.layer] = (counts[e.layer] || 0) + 1; }
    });
    return counts;
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
          country: f.country || null, secret: f.secret ? f.secret === "1" : null,
          place: f.place || null, source: f.source || null, role: f.role || null },
        layers: LAYERS.filter(function (l) { return f.layers[l]; }),
        focus: ui.focus,
        expanded: ui.expanded.slice(),
        size: look.size,
        colour: look.colour,
        path: ui.path ? { from: ui.path.from, to: ui.path.to, hops: ui.path.hops.slice(),
          count: ui.path.paths.length, temporal: ui.path.temporal, all: ui.path.all,
          nodes: ui.path.nodes.slice(), edges: ui.path.edges.slice() } : null,
        table: tableShown(),
        lines: linesByLayer(),
        overview: large ? overviewBox.checked : null,
        // Work done: how many times the whole graph's view was computed; at scale, the
        // nodes a dimming leaves bright (null: none dimmed) and the lines the last frame
        // stroked at full ink.
        wholeViewsComputed: wholeViewsComputed,
        bright: large && dimmed ? Object.keys(dimmed.nodes).sort() : null,
        linesStroked: large ? status.linesStroked : null,
        large: large
      };
    },
    select: function (id) { return select(String(id), { focus: true }); },
    // Explore: expand an actor (its contacts drawn) or collapse it (on === false).
    expand: function (id, on) { return expand(String(id), on !== false); },
    setFilters: function (f) {
      f = f || {};
      if ("from" in f) { dateFrom.value = f.from || ""; }
      if ("to" in f) { dateTo.value = f.to || ""; }
      if ("undated" in f) { keepUndated.checked = Boolean(f.undated); }
      if ("country" in f) { countrySelect.value = f.country || ""; }
      if ("secret" in f) { secretSelect.value = f.secret === null || f.secret === undefined ? "" : (f.secret ? "1" : "0"); }
      if ("place" in f) { placeSelect.value = f.place || ""; }
      if ("source" in f) { sourceSelect.value = f.source || ""; }
      if ("role" in f) { roleSelect.value = f.role || ""; }
      function asSet(list) { var s = dict(); (list || []).forEach(function (x) { s[x] = true; }); return s; }
      if (f.types) { setBoxes("type-filter", asSet(f.types)); }
      if (f.statuses) { setBoxes("status-filter", asSet(f.statuses)); }
      if (f.layers) { setBoxes("layers", asSet(f.layers)); }
      if ("overview" in f) { overviewBox.checked = Boolean(f.overview); writeHash(); }
      if ("focus" in f) { focusSelect.value = String(f.focus); ui.focus = Number(f.focus); }
      if ("size" in f || "colour" in f) {
        applyLook("size" in f ? String(f.size) : look.size, "colour" in f ? String(f.colour) : look.colour);
      }
      changed();
      return window.dipgraph.state().filters;
    },
    path: function (a, b, anyStatus, options) { return path(a, b, anyStatus, options); },
    // Pairs' paths by the page's rule, without drawing them (tests compare them with
    // `dipgraph path`): for each [a, b], its hops [{from, to, contact}] or null; with
    // options.all, its list of paths. options: temporal, all, maxHops, limit.
    paths: function (pairs, anyStatus, options) {
      return pathsOf(pairs, Boolean(anyStatus), options || {});
    },
    // The folded names search knows, and those nearest a word (dipgraph.names's rule).
    nameKeys: function () { nameIndex(); return Array.from(exactNames.keys()); },
    fold: function (text) { return norm(text); },
    closeNames: function (word, n, cutoff) { return closeNames(String(word), n, cutoff); },
    // dipgraph.names.word_tier over folded words and text; the names a search finds, ranked.
    wordTier: function (words, text) { return wordTier(words.map(String), String(text)); },
    findNames: function (text) { return matches(String(text)).slice(); },
    clear: resetAll,
    unpacked: function (text) {
      return unpackPage(text === undefined ? $("graph-data").textContent : String(text));
    },
    item: function (id) {
      var record = byNode[id] || byEdge[id];
      return record ? JSON.parse(JSON.stringify(record)) : null;
    },
    tidy: function () { return separateLabels(); },
    // The PNG export's layout ({width, height, ratio, graph, box, scale, source}), made
    // as the button makes it, its longer graph side bounded by `maxSide` pixels if given.
    png: function (maxSide) {
      return new Promise(function (resolve) {
        viewPng(function () { resolve(JSON.parse(JSON.stringify(status.png))); }, maxSide);
      });
    },
    pageNames: function () { return JSON.parse(JSON.stringify(pageNames)); },
    labelOverlaps: function () {
      if (large) { return 0; }
      var ids = data.nodes.filter(function (n) { return !current.nodeHidden[n.id]; })
        .map(function (n) { return n.id; });
      return labelOverlaps(boxesOf(ids, 0)).length;
    },
    clusters: function () {
      if (!large) { return null; }
      return { shown: overviewShown(), labels: overviewShown() ? lastClusterLabels.slice() : [],
        threshold: overviewScale, open: ui.cluster,
        bubbles: overviewShown() ? drawnBubbles.map(function (b) {
          return { id: b.id, x: b.x, y: b.y, r: b.r };
        }) : [],
        list: clusters().list.map(function (c) {
          return { id: c.id, name: c.name, actors: c.members.length, contacts: c.contacts };
        }), links: clusters().links.slice(0, 50) };
    },
    visInternals: function () { return { pinned: VIS_PINNED, missing: visInternalsMissing(network) }; },
    openCluster: function (key) { return openCluster(String(key)); },
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
      var grid = dict();
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
