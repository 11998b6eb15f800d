  // ---- which facts and marks are visible -------------------------------------
  function inRange(first, last, f) {
    if (!f.from && !f.to) { return true; }
    if (!first) { return f.undated; }
    if (f.from && last < f.from) { return false; }
    if (f.to && first > f.to) { return false; }
    return true;
  }
  // The actors holding a role in a contact: on a side, subjects, hosts, mediators, or
  // the one who initiated it.
  function holders(c, role) {
    if (role === "party") { return [].concat.apply([], c.sides); }
    if (role === "initiator") { return c.initiated_by ? [c.initiated_by] : []; }
    return c[role + "s"] || [];
  }
  function contactPasses(c, f) {
    if (!f.types[c.type] || !f.statuses[c.status]) { return false; }
    if (!inRange(c.first, c.last, f)) { return false; }
    if (f.secret && String(Number(Boolean(c.secret))) !== f.secret) { return false; }
    if (f.place && placeText(c) !== f.place) { return false; }
    if (f.source && !(c.evidence || []).some(function (e) { return e.source === f.source; })) {
      return false;
    }
    var who = f.role ? holders(c, f.role) : c.actors;
    if (f.role && !who.length) { return false; }
    if (f.country) {
      return who.some(function (a) { return F.actors[a] && F.actors[a].country === f.country; });
    }
    return true;
  }
  function statementPasses(s, f) {
    if (!inRange(s.first, s.last, f)) { return false; }
    if (f.country) {
      return [s.speaker].concat(s.about).some(function (a) {
        return F.actors[a] && F.actors[a].country === f.country;
      });
    }
    return true;
  }
  var CONTEXT = { post: true, member_of: true, part_of: true, country: true, broader: true };

  // What the filters draw, with what the selection keeps drawn. The whole graph's part
  // (nothing explored) is kept for the filters last asked: stopping exploring comes
  // back to it (at 10k, 30,000 contacts and 36,000 lines walked again: 30-75 ms).
  var wholeView = null, wholeViewsComputed = 0;
  function computeView(f) {
    // A layer built since (large_layers.js) adds nodes and lines: a view of its own.
    var explored = exploredContacts();
    var fKey = explored ? null : JSON.stringify([f, data.nodes.length, data.edges.length]);
    var base = wholeView && wholeView.key === fKey ? wholeView.view : null;
    if (!base) {
      base = filteredView(f, explored);
      if (!explored) { wholeView = { key: fKey, view: base }; }
    }
    // The base's maps are shared, never written (copying them cost as much as the walk):
    // the selection kept is drawn as alsoShown.
    var counts = Object.assign(dict(), base.counts), keptForSelection = null, alsoShown = null;
    var sel = ui.selected && byNode[ui.selected];
    if (sel && !base.nodeShown[ui.selected]) {
      keptForSelection = ui.selected;  // drawn only because it is selected
      if (sel.kind !== "contact" && sel.kind !== "statement") {  // those follow their facts
        alsoShown = ui.selected;
        if (sel.kind === "actor") { counts.actors++; }
      }
    }
    return { f: f, contacts: base.contacts, statements: base.statements, nodeShown: base.nodeShown,
      alsoShown: alsoShown, keptForSelection: keptForSelection, edgeShown: base.edgeShown,
      counts: counts };
  }
  function filteredView(f, explored) {
    if (!explored) { wholeViewsComputed++; }
    var contacts = dict(), statements = dict(), nContacts = 0, nStatements = 0, undatedHidden = 0,
      outside = 0;
    // Exploring, only the expanded actors' contacts are candidates (a few, of 30,000).
    (explored ? Object.keys(explored) : contactIds).forEach(function (cid) {
      var c = F.contacts[cid];
      if (contactPasses(c, f)) { contacts[cid] = true; nContacts++; }
      else if ((f.from || f.to) && f.types[c.type] && f.statuses[c.status]) {
        if (!c.first) { undatedHidden++; } else if (!inRange(c.first, c.last, f)) { outside++; }
      }
    });
    if (f.layers.statements) {
      Object.keys(F.statements).forEach(function (sid) {
        var s = F.statements[sid];
        if (statementPasses(s, f) && (!explored || statementExplored(s))) {
          statements[sid] = true; nStatements++;
        }
      });
    }
    var edgeShown = dict(), nodeShown = dict();
    data.edges.forEach(function (e) {
      var show;
      if (e.contacts) {  // a pair's line, or an actor's line to a topic: many contacts
        show = Boolean(f.layers[e.layer]) && e.contacts.some(function (cid) { return contacts[cid]; });
      } else if (CONTEXT[e.kind]) {
        return;
      } else if (e.layer === "statements") {
        show = Boolean(statements[e.fact]);
      } else {
        show = Boolean(contacts[e.fact]) && Boolean(f.layers[e.layer]);
      }
      if (show) { edgeShown[e.id] = true; nodeShown[e.from] = true; nodeShown[e.to] = true; }
    });
    data.edges.forEach(function (e) {
      if (CONTEXT[e.kind] && f.layers[e.layer] && (nodeShown[e.from] || nodeShown[e.to])) {
        edgeShown[e.id] = true;
      }
    });
    data.edges.forEach(function (e) {
      if (CONTEXT[e.kind] && edgeShown[e.id]) { nodeShown[e.from] = true; nodeShown[e.to] = true; }
    });
    ui.expanded.forEach(function (a) { if (byNode[a]) { nodeShown[a] = true; } });  // even alone
    var nActors = 0;
    data.nodes.forEach(function (n) {
      if (n.kind === "contact") { nodeShown[n.id] = Boolean(contacts[n.fact]); }
      else if (n.kind === "statement") { nodeShown[n.id] = Boolean(statements[n.fact]); }
      if (nodeShown[n.id] && n.kind === "actor") { nActors++; }
    });
    return { contacts: contacts, statements: statements, nodeShown: nodeShown,
      edgeShown: edgeShown, counts: { actors: nActors, contacts: nContacts,
        statements: nStatements, undatedHidden: undatedHidden, outside: outside } };
  }

  // A large graph's hidden lines (large_lines.js reads current.edgeHidden), made once a
  // computed view: the whole graph's is kept with its view, so stopping exploring reads
  // it again (walking 30,000 lines each view change took a third of the task). Exploring
  // shows a few lines: every line hidden (made once) underneath, those shown on top.
  var hiddenByShown = new WeakMap(), everyEdgeHidden = null;
  function largeEdgeHidden(shown) {
    var known = hiddenByShown.get(shown), count = data.edges.length, hidden;
    if (known && known.count === count) { return known.hidden; }  // a layer built adds lines
    var ids = Object.keys(shown);
    if (ids.length * 4 < count) {
      hidden = Object.create(everyEdgeHiddenMap());
      ids.forEach(function (id) { hidden[id] = false; });
    } else {
      hidden = dict();
      data.edges.forEach(function (e) { hidden[e.id] = !shown[e.id]; });
    }
    hiddenByShown.set(shown, { count: count, hidden: hidden });
    return hidden;
  }
  // Made after ready (network.js), before anyone explores: 30,000 lines, ~10 ms.
  function everyEdgeHiddenMap() {
    var count = data.edges.length;
    if (!everyEdgeHidden || everyEdgeHidden.count !== count) {
      everyEdgeHidden = { count: count, hidden: dict() };
      data.edges.forEach(function (e) { everyEdgeHidden.hidden[e.id] = true; });
    }
    return everyEdgeHidden.hidden;
  }
