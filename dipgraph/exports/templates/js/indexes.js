  // ---- indexes --------------------------------------------------------------
  var contactIds = Object.keys(F.contacts);
  var actorContacts = dict(), topicContacts = dict(), statementsBy = dict(), statementsAbout = dict();
  function push(map, key, value) { (map[key] = map[key] || []).push(value); }
  function linkedActors(c) {
    var all = [];
    c.sides.forEach(function (side) { side.forEach(function (a) { all.push(a); }); });
    ["subjects", "hosts", "mediators"].forEach(function (role) {
      (c[role] || []).forEach(function (a) { all.push(a); });
    });
    return all;
  }
  contactIds.forEach(function (cid) {
    var c = F.contacts[cid];
    c.actors = linkedActors(c);
    var seen = dict();
    c.actors.forEach(function (a) { if (!seen[a]) { seen[a] = true; push(actorContacts, a, cid); } });
    c.topics.forEach(function (t) { push(topicContacts, t, cid); });
  });
  Object.keys(F.statements).forEach(function (sid) {
    var s = F.statements[sid];
    push(statementsBy, s.speaker, sid);
    s.about.forEach(function (x) { push(statementsAbout, x, sid); });
  });
  // Cross-side pairs: only for contacts drawn as pair lines (a handful of pairs each).
  function pairsOf(c) {
    var out = [];
    for (var i = 0; i < c.sides.length; i++) {
      for (var j = i + 1; j < c.sides.length; j++) {
        c.sides[i].forEach(function (a) {
          c.sides[j].forEach(function (b) { if (a !== b) { out.push([a, b]); } });
        });
      }
    }
    return out;
  }

  var byNode = dict(), byEdge = dict(), partyEdge = dict(), pairEdge = dict();
  data.nodes.forEach(function (n) { byNode[n.id] = n; });
  // An edge's style by its kind, and its place in the indexes (also for the lines a
  // large graph's layers add later).
  function styleEdge(e) {
    byEdge[e.id] = e;
    var style = EDGE_STYLE[e.kind] || {};
    Object.keys(style).forEach(function (k) { if (!own(e, k)) { e[k] = style[k]; } });
    var colour = e.kind === "pair" && e.secret ? "#222222" : style.color;
    e.color = { color: colour, highlight: "#000000", hover: "#000000", opacity: 1 };
    if (e.kind === "party") { partyEdge[e.from + "|" + e.to] = e.id; }
    if (e.kind === "pair") { pairEdge[e.from + "|" + e.to] = e.id; pairEdge[e.to + "|" + e.from] = e.id; }
  }
  data.edges.forEach(styleEdge);
  // Names drawn first on a large graph: contact marks and the best-connected actors.
  var degreeOrder = data.nodes.filter(function (n) { return n.kind === "actor" || n.kind === "contact"; })
    .sort(function (a, b) { return (b.degree || 0) - (a.degree || 0); });

