  // ---- styling: path highlight and focus dimming -----------------------------
  var decorated = { nodes: dict(), edges: dict() };
  function baseNode(id) {
    var n = byNode[id];
    return { id: id, opacity: 1, borderWidth: n.borderWidth || 1, color: n.color,
      font: n.font || { color: "#343434" }, hidden: Boolean(current.nodeHidden[id]) };
  }
  function baseEdge(id) {
    var e = byEdge[id];
    return { id: id, width: e.width, color: e.color, hidden: Boolean(current.edgeHidden[id]) };
  }
  // Who is linked to whom over the lines shown, built once a view (adopt resets it).
  var adjacencyCache = null;
  function shownAdjacency() {
    if (adjacencyCache) { return adjacencyCache; }
    adjacencyCache = dict();
    data.edges.forEach(function (e) {
      if (current.edgeHidden[e.id]) { return; }
      push(adjacencyCache, e.from, [e.to, e.id]);
      push(adjacencyCache, e.to, [e.from, e.id]);
    });
    return adjacencyCache;
  }
  // Every line at each node, drawn or not ([other end, line id]): built once (and for
  // the lines a layer adds later), not again for each view as shownAdjacency is: a
  // search selecting one actor of 10,000 spent 13 ms rebuilding it for a few hops.
  var linesAt = dict(), linesIndexed = 0;
  function allAdjacency() {
    for (; linesIndexed < data.edges.length; linesIndexed++) {
      var e = data.edges[linesIndexed];
      push(linesAt, e.from, [e.to, e.id]);
      push(linesAt, e.to, [e.from, e.id]);
    }
    return linesAt;
  }
  // Nodes and lines within `depth` hops of a node, over the lines drawn. On a large
  // graph a contact mark is walked through, not counted: its parties are one hop from
  // each other.
  function neighbourhood(start, depth) {
    var keep = dict(), keepEdges = dict();
    keep[start] = true;
    var frontier = [start];
    var adjacency = allAdjacency();
    for (var step = 0; step < depth; step++) {
      var next = [];
      for (var k = 0; k < frontier.length; k++) {
        var id = frontier[k];
        (adjacency[id] || []).forEach(function (pair) {
          if (current.edgeHidden[pair[1]]) { return; }
          keepEdges[pair[1]] = true;
          if (keep[pair[0]]) { return; }
          keep[pair[0]] = true;
          if (large && byNode[pair[0]] && byNode[pair[0]].kind === "contact") {
            frontier.push(pair[0]);  // walked through in this same step
          } else {
            next.push(pair[0]);
          }
        });
      }
      frontier = next;
    }
    return { nodes: keep, edges: keepEdges };
  }
  // A large graph is dimmed on the network's items directly, for the reason above.
  var dimmed = null;
  // The page draws a large graph's nodes itself (drawDiscs, by isDimmed); vis-network
  // draws only the one selected, its opacity set as it is drawn (drawIfSelected).
  function dimLarge(near) {
    if (!near && !dimmed) { return false; }
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
    ui.path.edges.forEach(function (id) {
      var e = byEdge[id], a = network.body.nodes[e.from], b = network.body.nodes[e.to];
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
  // What a small graph's focus leaves undimmed. Actors and topics reach each other
  // through contact marks; a contact's own sides are one step away.
  function focusNear() {
    var n = ui.selected && byNode[ui.selected];
    if (!n || !(ui.focus > 0) || ui.path || ["actor", "topic", "contact"].indexOf(n.kind) === -1) {
      return null;
    }
    return neighbourhood(ui.selected, ui.focus * 2 - (n.kind === "contact" ? 1 : 0));
  }
  // A search that offers names to choose from, at scale: those names stay bright (and
  // named where they are on screen), the rest is dimmed until one is chosen. Undimmed,
  // the 24,000 lines at a searched actor's zoom cost the software rasteriser 60-120 ms
  // a frame for a view nobody asked for; dimmed they are left out (drawLines).
  function offeredNear(ids) {
    var keep = dict();
    ids.forEach(function (id) { if (byNode[id]) { keep[id] = true; } });
    return { nodes: keep, edges: dict() };
  }
  function isDimmed(id) { return Boolean(dimmed && !dimmed.nodes[id]); }
  function restyle() {
    var wantNodes = dict(), wantEdges = dict();
    var focusOn = ui.selected && byNode[ui.selected] && ui.focus > 0 && !ui.path &&
      ["actor", "topic", "contact"].indexOf(byNode[ui.selected].kind) !== -1;
    if (large) {
      // Dimming on the items, the path drawn over the graph (see drawPathOver).
      dimLarge(focusOn ? neighbourhood(ui.selected, ui.focus) :
        ui.cluster && !ui.selected && !ui.path ? clusterNear(ui.cluster) :
          ui.offered && !ui.selected && !ui.path ? offeredNear(ui.offered) : null);
      network.body.emitter.emit("_requestRedraw");  // one frame, however many changes
      return;
    }
    if (focusOn) {
      var near = focusNear();
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

