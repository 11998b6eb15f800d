  // ---- path -----------------------------------------------------------------
  var pathResult = $("path-result");
  function clearPath(message) {
    if (ui.path) {
      ui.path = null;
      restyle();
      if (ui.selected === "path") { ui.selected = null; }
      clear(panel);
      panel.appendChild(el("p", "Click an actor, a topic or a contact to see its facts and evidence.",
        { "class": "muted" }));
    }
    pathResult.textContent = message || "";
    writeHash();
  }
  function resolveActor(text) {
    if (own(F.actors, text)) { return { id: text }; }
    var found = matches(text).filter(function (id) { return own(F.actors, id); });
    if (!found.length) { return { error: "No actor is called \u201c" + text + "\u201d." }; }
    var exact = exactly(norm(text)).filter(function (id) { return own(F.actors, id); });
    if (exact.length === 1) { return { id: exact[0] }; }
    if (found.length === 1) { return { id: found[0] }; }
    return { error: "\u201c" + text + "\u201d matches " + found.length + " actors (" +
      found.slice(0, 5).map(nameOf).join(", ") + (found.length > 5 ? ", \u2026" : "") +
      "): type more of the name." };
  }
  // The contacts shown, by the actors on their sides: built once a view (adopt resets it).
  var contactGraph = null;
  function sidesByActor() {
    if (contactGraph) { return contactGraph; }
    contactGraph = dict();
    Object.keys(current.contacts).forEach(function (cid) {
      F.contacts[cid].sides.forEach(function (side, i) {
        side.forEach(function (a) { push(contactGraph, a, [cid, i]); });
      });
    });
    return contactGraph;
  }
  // Breadth first over actors, through contacts: a contact reached from side i leads to
  // the members of every other side. A contact is opened at most from two sides (the
  // second reaches side i), so a 1,000-party contact costs 2,000 steps, not 250,000 pairs.
  function shortestPath(from, to) {
    var byActor = sidesByActor(), opened = dict();
    var parent = dict(); parent[from] = null;
    var queue = [from], head = 0;
    while (head < queue.length && !own(parent, to)) {
      var node = queue[head++];
      (byActor[node] || []).forEach(function (entry) {
        var cid = entry[0], side = entry[1], done = opened[cid] || (opened[cid] = []);
        if (done.length >= 2 || done.indexOf(side) !== -1) { return; }
        done.push(side);
        F.contacts[cid].sides.forEach(function (members, j) {
          if (j === side) { return; }
          members.forEach(function (b) {
            if (!own(parent, b)) { parent[b] = [node, cid]; queue.push(b); }
          });
        });
      });
    }
    if (!own(parent, to)) { return null; }
    var hops = [], step = to;
    while (parent[step]) { hops.unshift({ from: parent[step][0], to: step, contact: parent[step][1] }); step = parent[step][0]; }
    return hops;
  }
  // The roles an actor has in the contacts shown when it is on no side of any:
  // "a subject", "a host", "a mediator" (what the no-path message names).
  function rolesOnly(id) {
    var roles = [], party = false;
    Object.keys(current.contacts).forEach(function (cid) {
      var c = F.contacts[cid];
      if (c.sides.some(function (side) { return side.indexOf(id) !== -1; })) { party = true; }
      ["subject", "host", "mediator"].forEach(function (role) {
        if ((c[role + "s"] || []).indexOf(id) !== -1 && roles.indexOf("a " + role) === -1) {
          roles.push("a " + role);
        }
      });
    });
    return party ? [] : roles;
  }
  function path(a, b) {
    clearPath();
    var from = resolveActor(String(a || "")), to = resolveActor(String(b || ""));
    if (from.error || to.error) {
      pathResult.textContent = [from.error, to.error].filter(Boolean).join(" ");
      return null;
    }
    if (from.id === to.id) { pathResult.textContent = "Choose two different actors."; return null; }
    var hops = shortestPath(from.id, to.id);
    if (!hops) {
      var why = [from.id, to.id].map(function (id) {
        var roles = rolesOnly(id);
        return roles.length ? nameOf(id) + " is only " + roles.join(" or ") + " in the contacts shown" : "";
      }).filter(Boolean);
      pathResult.textContent = "No path between " + nameOf(from.id) + " and " + nameOf(to.id) +
        " over the contacts shown. " + (why.length ? why.join("; ") + ". " : "") +
        "A path follows who talked, the sides of each contact: subjects, hosts and mediators " +
        "are not counted as having talked.";
      return null;
    }
    var pathNodes = [from.id], pathEdges = [];
    hops.forEach(function (h) {
      if (large && !byNode["contact:" + h.contact]) {
        pathEdges.push(pairEdge[h.from + "|" + h.to]);
      } else {
        var node = "contact:" + h.contact;
        pathNodes.push(node);
        [partyEdge[h.from + "|" + node], partyEdge[h.to + "|" + node]].forEach(function (id) {
          if (id) { pathEdges.push(id); }
        });
      }
      pathNodes.push(h.to);
    });
    ui.path = { from: from.id, to: to.id, hops: hops, nodes: pathNodes, edges: pathEdges };
    ui.selected = null;
    unselect();
    restyle();
    network.fit({ nodes: pathNodes, animation: false });
    if (network.getScale() > 1.2) { network.moveTo({ scale: 1.2, animation: false }); }
    pathResult.textContent = [from.id].concat(hops.map(function (h) { return h.to; }))
      .map(nameOf).join(" \u2192 ");
    clear(panel);
    panel.appendChild(el("h3", "Path: " + hops.length + " hop" + (hops.length > 1 ? "s" : "")));
    var ol = el("ol", null, { "class": "hops" });
    hops.forEach(function (h) {
      var c = F.contacts[h.contact];
      var li = el("li");
      li.appendChild(el("p", nameOf(h.from) + " \u2014 " + c.type_label + " (" + dateOf(c) + ") \u2014 " +
        nameOf(h.to), { "class": "hop" }));
      li.appendChild(el("p", c.summary, { dir: "auto", "class": "summary-main" }));
      li.appendChild(evidenceBlock(c.evidence, null));
      li.appendChild(button("Open this contact", function () { select("contact:" + h.contact); }));
      ol.appendChild(li);
    });
    panel.appendChild(ol);
    writeHash();
    return hops.map(function (h) { return { from: h.from, to: h.to, contact: h.contact }; });
  }
  $("path-go").addEventListener("click", function () { path($("path-from").value, $("path-to").value); });
  $("path-clear").addEventListener("click", function () {
    $("path-from").value = ""; $("path-to").value = ""; clearPath(); fitShown();
  });
  ["path-from", "path-to"].forEach(function (id) {
    $(id).addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { path($("path-from").value, $("path-to").value); }
    });
  });

