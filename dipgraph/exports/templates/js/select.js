  // network.unselectAll() redraws at once; this asks for the next frame instead.
  function unselect() {
    network.selectionHandler.unselectAll();
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
    var bubble = overviewShown() ? bubbleAt(params.pointer.canvas) : null;
    if (bubble) { openCluster(bubble); }
    else if (params.nodes.length) { select(params.nodes[0]); }
    else if (params.edges.length) { select(params.edges[0]); }
    else if (large) {
      var line = lineAt(params.pointer.canvas);
      if (line) { select(line); }
    }
  });

