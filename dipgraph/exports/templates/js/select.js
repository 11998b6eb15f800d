  // network.unselectAll() redraws at once; this asks for the next frame instead.
  // unselectAll() only empties the pending selection: the commit is what clears each
  // item's "selected" flag, without which the old mark stays drawn selected.
  function unselect() {
    network.selectionHandler.unselectAll();
    network.selectionHandler.commitWithoutEmitting();
    network.body.emitter.emit("_requestRedraw");
  }
  // A node the current filters and layers do not draw (a topic found by search with the
  // topics layer off; a person known only for what they said) is drawn while it is
  // selected, beside the marks drawn that it is linked to and with those lines: alone
  // at its old place it floated over other names, linked to nothing, and focus dimmed
  // the very contacts that discussed it. Hidden again once the selection moves on.
  var guest = null;
  function guestSpot(id, linked) {
    var pos = network.getPositions(), cx = 0, cy = 0;
    linked.forEach(function (n) { cx += pos[n].x; cy += pos[n].y; });
    cx /= linked.length; cy /= linked.length;
    var others = Object.keys(pos).filter(function (n) { return n !== id && !current.nodeHidden[n]; });
    var best = null, bestRoom = -1;
    // Around the middle of what it is linked to, the free-est of 12 directions.
    for (var k = 0; k < 12; k++) {
      var angle = k * Math.PI / 6, x = cx + 110 * Math.cos(angle), y = cy + 110 * Math.sin(angle);
      var room = Infinity;
      others.forEach(function (n) {
        var dx = (pos[n].x - x) / 2, dy = pos[n].y - y;  // names are wide: count x half
        room = Math.min(room, dx * dx + dy * dy);
      });
      if (room > bestRoom) { bestRoom = room; best = [x, y]; }
    }
    return best;
  }
  function showGuest(id) {
    var links = data.edges.filter(function (e) {
      if (e.from !== id && e.to !== id) { return false; }
      var other = e.from === id ? e.to : e.from;
      return other !== id && byNode[other] && !current.nodeHidden[other];
    });
    var linked = links.map(function (e) { return e.from === id ? e.to : e.from; });
    guest = { node: id, edges: links.map(function (e) { return e.id; }), linked: linked.length };
    if (linked.length) {
      var spot = guestSpot(id, linked);
      network.moveNode(id, spot[0], spot[1]);
    }
    setHidden([{ id: id, hidden: false }], guest.edges.map(function (e) { return { id: e, hidden: false }; }));
    // Drawn: current.nodeHidden says so (its nodeShown, a computed view's, is not written).
    current.nodeHidden[id] = false;
    guest.edges.forEach(function (e) { current.edgeHidden[e] = false; });
    adjacencyCache = null;
  }
  function dismissGuest() {
    if (!guest) { return; }
    var g = guest;
    guest = null;
    setHidden([{ id: g.node, hidden: true }], g.edges.map(function (e) { return { id: e, hidden: true }; }));
    current.nodeHidden[g.node] = true;
    g.edges.forEach(function (e) { current.edgeHidden[e] = true; });
    adjacencyCache = null;
  }
  // offered: the names a search offers to choose from (a large graph dims the rest).
  function deselect(offered) {
    dismissGuest();
    ui.selected = null;
    ui.cluster = null;
    ui.offered = offered || null;
    marked = [];
    unselect();
    showOrientation();
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
    if (e.contacts) { showPair(e); }
    else if (e.layer === "contacts" || e.kind === "topic") { showContact(e.fact); }
    else if (e.layer === "statements") { showStatement(e.fact); }
    else if (e.kind === "post") { showPost(e); }
    else if (own(F.actors, e.fact)) { showActor(e.fact); }
    else { showTopic(e.fact); }
    return true;
  }
  // What a selection from search, a list or the API shows: the mark and what is one
  // hop from it (a contact's sides; an actor's contacts and who was on their other
  // sides), fitted with a margin, never closer than a comfortable reading scale.
  // Zooming to the mark alone left its own neighbours off screen. A large graph stays
  // closer than its country overview, which would otherwise replace the marks.
  function frameAround(id) {
    var kind = byNode[id].kind;
    var near = neighbourhood(id, (kind === "actor" || kind === "topic") && !large ? 2 : 1);
    var ids = Object.keys(near.nodes).filter(function (n) { return !current.nodeHidden[n]; });
    network.fit({ nodes: ids, animation: false, maxZoomLevel: large ? 1.5 : 1.2 });
    var scale = network.getScale() * 0.9;
    if (large && overviewScale !== null && overviewBox.checked) {
      scale = Math.max(scale, overviewScale * 1.05);
    }
    network.moveTo({ scale: scale, animation: false });
  }
  // Select what a click, a list or the API names: open its panel, select its mark,
  // and dim what is not near it. A contact of a large graph opens without a mark.
  function select(id, options) {
    options = options || {};
    ui.cluster = null;
    ui.offered = null;
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
    dismissGuest();
    // Drawn before the panel opens: the panel says whether it is drawn.
    if (byNode[id] && current.nodeHidden[id]) {
      if (large) {
        setHidden([{ id: id, hidden: false }], []);
        current.nodeHidden[id] = false;
      } else {
        showGuest(id);
      }
    }
    // A link inside the panel is replaced by the panel it opens: the keyboard focus
    // moves to that panel rather than falling back to the page's body.
    var focusInPanel = panel.contains(document.activeElement);
    if (!openPanel(id)) { dismissGuest(); return false; }
    if (focusInPanel) { panel.focus({ preventScroll: true }); }
    ui.selected = id;
    marked = [];
    if (byNode[id]) {
      network.selectNodes([id], false);
      if (options.focus) { frameAround(id); }
    } else if (byEdge[id] && large) {
      unselect();
      marked = [id];
    } else if (byEdge[id]) {
      network.setSelection({ nodes: [], edges: [id] }, { unselectAll: true, highlightEdges: false });
    }
    restyle();
    writeHash();
    if (options.focus) { showOnNarrow(); }
    return true;
  }

  network.on("click", function (params) {
    var mark = large ? markAt(params.pointer.canvas) : null;
    var bubble = !mark && overviewShown() ? bubbleAt(params.pointer.canvas) : null;
    if (mark) { select(mark); }
    else if (bubble) { openCluster(bubble); }
    else if (params.nodes.length) { select(params.nodes[0]); }
    else if (params.edges.length) { select(params.edges[0]); }
    else if (large) {
      var line = lineAt(params.pointer.canvas);
      if (line) { select(line); }
    }
  });

