  // ---- layers of a large graph, built when first switched on ---------------------
  // A large page ships only actors and contacts as marks (contacts first, and a fast
  // first load). Statements, topics, posts and countries are built from the facts the
  // first time their layer is switched on, placed beside what they link:
  //   statements  a small square beside its speaker: speaker -> it -> what it is about
  //   topics      a triangle on a ring around the graph, at the angle of the actors
  //               who discussed it; one line per actor and topic (opens their contacts)
  //   posts       holder -> organization, member of, part of
  //   countries   actor -> its state (a state not drawn yet sits amid its actors)
  // A missing end (an organization or state in no contact) is made a node beside the
  // node it links to. The layer stays built: switching it off only hides it.
  var builtLayers = dict(), layerStats = dict();
  var LAYER_FILL = { statement: "#FFF3C4", topic: "#999933" };
  var countryFill = dict();
  data.legend.countries.forEach(function (c) { countryFill[c.id] = c.color; });
  function hashAngle(text) {
    var h = 0;
    for (var i = 0; i < text.length; i++) { h = (h * 31 + text.charCodeAt(i)) | 0; }
    return (h >>> 0) % 6283 / 1000;
  }
  function positionOf(id) {
    var item = network.body.nodes[id];
    if (item) { return { x: item.x, y: item.y }; }
    return byNode[id] ? { x: byNode[id].x, y: byNode[id].y } : null;
  }
  function graphFrame() {
    var xs = 0, ys = 0, n = 0, far = 0;
    data.nodes.forEach(function (d) { if (d.kind === "actor") { xs += d.x; ys += d.y; n++; } });
    var cx = xs / (n || 1), cy = ys / (n || 1);
    data.nodes.forEach(function (d) {
      if (d.kind === "actor") { far = Math.max(far, Math.hypot(d.x - cx, d.y - cy)); }
    });
    return { x: cx, y: cy, r: far };
  }
  function builder() {
    var fresh = [], added = [];
    function node(id, kind, x, y, extra) {
      if (byNode[id]) { return byNode[id]; }
      var n = Object.assign({ id: id, kind: kind, x: x, y: y, shape: "dot", size: 6,
        hidden: true, color: { background: LAYER_FILL[kind] || "#BBBBBB", border: "#444444" } },
      extra || {});
      byNode[id] = n;
      data.nodes.push(n);
      current.nodeHidden[id] = true;
      fresh.push(n);
      return n;
    }
    // An actor in no contact, drawn for a layer: beside the node it is linked to.
    function actorBeside(id, anchor) {
      if (byNode[id] || !own(F.actors, id)) { return byNode[id]; }
      var p = positionOf(anchor) || { x: 0, y: 0 }, angle = hashAngle(id);
      var amid = F.actors[id].kind === "state" && clusters().byKey[id];
      if (amid) { p = { x: amid.x, y: amid.y }; }  // a state sits amid its actors
      var country = F.actors[id].country;
      return node(id, "actor", p.x + 40 * Math.cos(angle), p.y + 40 * Math.sin(angle),
        { size: 7, degree: 0, country: country,
          color: { background: countryFill[country] || data.legend.other_country, border: "#444444" } });
    }
    function edge(from, to, kind, fact, layer, extra) {
      var e = Object.assign({ id: "L" + data.edges.length, from: from, to: to, kind: kind,
        fact: fact, layer: layer }, extra || {});
      data.edges.push(e);
      current.edgeHidden[e.id] = true;
      styleEdge(e);
      added.push(e);
      return e;
    }
    function done() {
      if (fresh.length) { nodes.add(fresh); adoptItems(fresh); }
      return { nodes: fresh.length, edges: added.length };
    }
    return { node: node, actorBeside: actorBeside, edge: edge, done: done };
  }
  // Topic triangles on a ring, each at the mean angle of the actors who discussed it.
  function topicNodes(b) {
    if (builtLayers.topicNodes) { return; }
    builtLayers.topicNodes = true;
    var frame = graphFrame(), sums = dict();
    contactIds.forEach(function (cid) {
      var c = F.contacts[cid];
      c.topics.forEach(function (t) {
        var s = sums[t] || (sums[t] = { x: 0, y: 0 });
        c.sides[0].forEach(function (a) {
          var p = positionOf(a);
          if (p) { s.x += p.x - frame.x; s.y += p.y - frame.y; }
        });
      });
    });
    var ids = Object.keys(F.topics).sort(function (a, b) {
      var sa = sums[a] || { x: 0, y: 0 }, sb = sums[b] || { x: 0, y: 0 };
      return Math.atan2(sa.y, sa.x) - Math.atan2(sb.y, sb.x) || (a < b ? -1 : 1);
    });
    var ring = frame.r * 1.12 + 60;
    ids.forEach(function (t, i) {
      var angle = 2 * Math.PI * i / ids.length;
      var n = b.node(t, "topic", frame.x + ring * Math.cos(angle), frame.y + ring * Math.sin(angle),
        { size: 12 });
      degreeOrder.unshift(n);  // a topic's name is drawn before actors' names
    });
    Object.keys(F.topics).forEach(function (t) {
      if (F.topics[t].broader) { b.edge(t, F.topics[t].broader, "broader", t, "topics"); }
    });
  }
  var BUILD = {
    topics: function (b) {
      topicNodes(b);
      var lines = dict();
      contactIds.forEach(function (cid) {
        var c = F.contacts[cid], mark = byNode["contact:" + cid];
        c.topics.forEach(function (t) {
          if (mark) { b.edge(mark.id, t, "topic", cid, "topics"); return; }
          c.sides.forEach(function (side) {
            side.forEach(function (a) {
              if (!byNode[a]) { return; }
              var key = a + "|" + t;
              if (lines[key]) { lines[key].contacts.push(cid); return; }
              lines[key] = b.edge(a, t, "discussed", cid, "topics", { contacts: [cid] });
            });
          });
        });
      });
    },
    statements: function (b) {
      topicNodes(b);
      Object.keys(F.statements).forEach(function (sid) {
        var s = F.statements[sid];
        var speaker = b.actorBeside(s.speaker, s.about[0]) || byNode[s.speaker];
        var p = positionOf(s.speaker) || { x: 0, y: 0 }, angle = hashAngle(sid);
        var reach = (speaker ? speaker.size : 10) + 16;
        var id = "statement:" + sid;
        b.node(id, "statement", p.x + reach * Math.cos(angle), p.y + reach * Math.sin(angle),
          { fact: sid, size: 5 });
        b.edge(s.speaker, id, "said", sid, "statements");
        s.about.forEach(function (target) {
          b.actorBeside(target, id);
          if (byNode[target]) { b.edge(id, target, "about", sid, "statements"); }
        });
      });
    },
    posts: function (b) {
      Object.keys(F.actors).forEach(function (a) {
        var actor = F.actors[a];
        if (!byNode[a]) { return; }
        actor.posts.forEach(function (p) {
          if (!p.organization) { return; }
          b.actorBeside(p.organization.id, a);
          b.edge(a, p.organization.id, "post", p.id, "posts");
        });
        actor.member_of.forEach(function (o) { b.actorBeside(o, a); b.edge(a, o, "member_of", a, "posts"); });
        if (actor.part_of) {
          b.actorBeside(actor.part_of, a);
          b.edge(a, actor.part_of, "part_of", a, "posts");
        }
      });
    },
    countries: function (b) {
      data.nodes.slice().forEach(function (n) {
        var c = n.kind === "actor" && F.actors[n.id] && F.actors[n.id].country;
        if (!c || c === n.id) { return; }
        if (!byNode[c]) {
          b.actorBeside(c, n.id);
          if (byNode[c]) {
            Object.assign(byNode[c], { size: 16 });
            degreeOrder.unshift(byNode[c]);
          }
        }
        if (byNode[c]) { b.edge(n.id, c, "country", n.id, "countries"); }
      });
    }
  };
  // Build the layers a filter asks for that are not built yet; says what it cost.
  function ensureLayers(layers) {
    if (!large) { return; }
    var started = performance.now(), built = [];
    Object.keys(BUILD).forEach(function (layer) {
      if (!layers[layer] || builtLayers[layer]) { return; }
      builtLayers[layer] = true;
      var b = builder();
      BUILD[layer](b);
      var made = b.done();
      layerStats[layer] = made;
      built.push(layer + " (" + made.nodes + " nodes, " + made.edges + " lines)");
    });
    if (built.length) {
      adjacencyCache = null;
      $("layers-note").textContent = "Built the " + built.join(", ") + " in " +
        Math.round(performance.now() - started) + " ms. " + LARGE_LAYER_NOTE;
    }
  }
