  // network.unselectAll() redraws at once; this asks for the next frame instead.
  // unselectAll() only empties the pending selection: the commit is what clears each
  // item's "selected" flag, without which the old mark stays drawn selected.
  function unselect() {
    network.selectionHandler.unselectAll();
    network.selectionHandler.commitWithoutEmitting();
    network.body.emitter.emit("_requestRedraw");
  }
  function deselect() {
    ui.selected = null;
    ui.cluster = null;
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
      if (options.focus) { frameAround(id); }
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
    var bubble = overviewShown() ? bubbleAt(params.pointer.canvas) : null;
    if (bubble) { openCluster(bubble); }
    else if (params.nodes.length) { select(params.nodes[0]); }
    else if (params.edges.length) { select(params.edges[0]); }
    else if (large) {
      var line = lineAt(params.pointer.canvas);
      if (line) { select(line); }
    }
  });

