  // ---- moving through the graph from the keyboard -----------------------------
  // vis-network's frame (#graph .vis-network) is the graph's one tab stop. With it
  // focused, the arrow keys move the selection to the connected mark drawn in that
  // direction (the best-connected mark first), Enter or Space opens it as a click
  // does, Escape clears as "Reset view" does; Shift+arrows pan, which the arrows alone
  // did before. A move only marks the node and names it in a short live region: the
  // panel, itself read aloud, is rewritten only on Enter.
  var keyFrame = document.querySelector("#graph .vis-network");
  var announcer = $("graph-announce");
  var ARROWS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  var ARROW_WORDS = { ArrowRight: "right of", ArrowLeft: "left of", ArrowUp: "above", ArrowDown: "below" };
  function drawnNode(id) { return Boolean(byNode[id]) && !current.nodeHidden[id]; }
  function drawnNeighbours(id) {
    var seen = dict(), out = [];
    (shownAdjacency()[id] || []).forEach(function (pair) {
      var other = pair[0];
      if (other !== id && !seen[other] && drawnNode(other)) { seen[other] = true; out.push(other); }
    });
    return out;
  }
  function keyboardNode() {
    var id = network.getSelectedNodes()[0];
    return id !== undefined && drawnNode(id) ? id : null;
  }
  // Where to start: the drawn node with the most drawn neighbours.
  function firstNode() {
    var best = null, bestCount = -1;
    data.nodes.forEach(function (n) {
      if (!drawnNode(n.id)) { return; }
      var count = drawnNeighbours(n.id).length;
      if (count > bestCount) { best = n.id; bestCount = count; }
    });
    return best;
  }
  // The neighbour best lying in direction `dir` on screen: distance along the arrow
  // plus twice the distance across it, among those ahead of the node at all.
  function neighbourToward(id, dir) {
    var others = drawnNeighbours(id);
    if (!others.length) { return null; }
    var pos = network.getPositions([id].concat(others)), from = pos[id];
    var best = null, bestScore = Infinity;
    others.forEach(function (other) {
      var dx = pos[other].x - from.x, dy = pos[other].y - from.y;
      var along = dx * dir[0] + dy * dir[1], across = Math.abs(dx * dir[1] - dy * dir[0]);
      if (along <= 0) { return; }
      var score = along + 2 * across;
      if (score < bestScore) { best = other; bestScore = score; }
    });
    return best;
  }
  function markName(id) { return labelOf(byNode[id]); }
  function announce(text) { announcer.textContent = text; }
  // Keep the node on screen: re-centred only when it is outside the frame's margin,
  // at the same zoom (a large graph is brought closer than its country overview).
  function keepInView(id) {
    var spot = network.getPositions([id])[id];
    var dom = network.canvasToDOM(spot), margin = 40;
    var zoomIn = overviewShown();
    if (!zoomIn && dom.x >= margin && dom.y >= margin &&
        dom.x <= keyFrame.clientWidth - margin && dom.y <= keyFrame.clientHeight - margin) { return; }
    var move = { position: spot, animation: false };
    if (zoomIn) { move.scale = overviewScale * 1.05; }
    network.moveTo(move);
  }
  function markByKey(id) {
    network.selectNodes([id], false);
    keepInView(id);
    var count = drawnNeighbours(id).length;
    announce(markName(id) + ": " + count + " connected. Enter opens its facts.");
  }
  function onGraphKey(ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) { return; }
    var dir = ARROWS[ev.key];
    if (dir && ev.shiftKey) {  // panning, by a tenth of the frame
      var view = network.getViewPosition(), step = keyFrame.clientWidth / 10 / network.getScale();
      network.moveTo({ position: { x: view.x + dir[0] * step, y: view.y + dir[1] * step }, animation: false });
    } else if (dir) {
      var at = keyboardNode(), next = at === null ? firstNode() : neighbourToward(at, dir);
      if (next !== null) { markByKey(next); }
      else if (at !== null) { announce("Nothing connected " + ARROW_WORDS[ev.key] + " " + markName(at) + "."); }
      else { announce("No node is drawn: change the filters."); }
    } else if ((ev.key === "Enter" || ev.key === " ") && !ev.shiftKey) {
      var chosen = keyboardNode();
      if (chosen === null) { return; }
      select(chosen);
      announce("Opened " + markName(chosen) + ": its facts are in the panel.");
    } else if (ev.key === "Escape") {
      deselect();
      announce("Selection cleared.");
    } else {
      return;
    }
    // Kept from vis-network's own key handler on the frame (it would pan as well).
    ev.preventDefault();
    ev.stopPropagation();
  }
  if (keyFrame && announcer) { $("graph").addEventListener("keydown", onGraphKey, true); }
