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
  // ---- the path rule: the same as `dipgraph path` (dipgraph/graph/paths.py) ----------
  // A hop joins two actors on different sides of one contact; only contacts that
  // happened count, unless "also planned, proposed, denied" is ticked (the CLI's
  // --any-status); subjects, hosts and mediators did not talk. Here over the contacts
  // shown (the filters), at most PATH_MAX_HOPS hops (the CLI's --max-hops default).
  // shortestActorPath and hopsAlong follow shortest_actor_path and hops_along step for
  // step, ties included; tests/test_html_path.py compares every pair with Python's.
  var PATH_MAX_HOPS = 6;
  var contactGraph = null;  // built once a view and status choice (adopt resets it)
  function pathContacts(anyStatus) {
    if (contactGraph && contactGraph.any === anyStatus) { return contactGraph.byActor; }
    var byActor = dict();
    Object.keys(current.contacts).forEach(function (cid) {
      var c = F.contacts[cid], seen = dict();
      if (!anyStatus && c.status !== "happened") { return; }
      c.sides.forEach(function (side) {
        side.forEach(function (a) { if (!seen[a]) { seen[a] = true; push(byActor, a, cid); } });
      });
    });
    contactGraph = { any: anyStatus, byActor: byActor };
    return byActor;
  }
  function sideOf(c, actor) {
    for (var n = 0; n < c.sides.length; n++) { if (c.sides[n].indexOf(actor) !== -1) { return n; } }
    return -1;
  }
  // One side of a bidirectional search (paths.py's _Search).
  function PathSearch(byActor, root) {
    this.byActor = byActor;
    this.parents = dict(); this.parents[root] = null;
    this.depth = dict(); this.depth[root] = 0;
    this.frontier = [root]; this.level = 0; this.released = dict();
  }
  PathSearch.prototype.grow = function () {
    var self = this, reached = [];
    this.level++;
    this.frontier.forEach(function (node) {
      var found = dict();
      (self.byActor[node] || []).forEach(function (cid) {
        var sides = F.contacts[cid].sides, done = self.released[cid] || (self.released[cid] = []);
        if (done.length === sides.length) { return; }
        var mine = sideOf(F.contacts[cid], node);
        sides.forEach(function (side, number) {
          if (number !== mine && done.indexOf(number) === -1) {
            side.forEach(function (a) { found[a] = true; });
            done.push(number);
          }
        });
      });
      Object.keys(found).sort().forEach(function (n) {
        if (!own(self.parents, n)) {
          self.parents[n] = node; self.depth[n] = self.level; reached.push(n);
        }
      });
    });
    this.frontier = reached;
  };
  PathSearch.prototype.chain = function (node) {
    var nodes = [node];
    while (this.parents[nodes[nodes.length - 1]] !== null) { nodes.push(this.parents[nodes[nodes.length - 1]]); }
    return nodes;
  };
  // The actors of one shortest path, or null (paths.py's shortest_actor_path).
  function shortestActorPath(byActor, source, target, maxHops) {
    if (source === target) { return null; }
    var forward = new PathSearch(byActor, source), backward = new PathSearch(byActor, target);
    while (forward.level + backward.level < maxHops && forward.frontier.length && backward.frontier.length) {
      var growing = forward.frontier.length <= backward.frontier.length ? forward : backward;
      var other = growing === forward ? backward : forward;
      growing.grow();
      var meetings = growing.frontier.filter(function (n) { return own(other.parents, n); });
      if (meetings.length) {
        var middle = meetings.reduce(function (best, n) {
          var a = other.depth[n], b = other.depth[best];
          return a < b || (a === b && n < best) ? n : best;
        });
        var nodes = forward.chain(middle).reverse().concat(backward.chain(middle).slice(1));
        return nodes.length - 1 <= maxHops ? nodes : null;
      }
    }
    return null;
  }
  // Each hop's contact (paths.py's hops_along): of the contacts joining the two across
  // sides, the most recently dated (by first day, then id), else the first by id.
  function hopsAlong(byActor, nodes) {
    var hops = [];
    for (var i = 0; i + 1 < nodes.length; i++) {
      var a = nodes[i], b = nodes[i + 1], dated = null, undated = null;
      (byActor[a] || []).forEach(function (cid) {
        var c = F.contacts[cid], sa = sideOf(c, a), sb = sideOf(c, b);
        if (sb === -1 || sa === sb) { return; }
        if (c.first) {
          if (!dated || c.first > F.contacts[dated].first ||
              (c.first === F.contacts[dated].first && cid > dated)) { dated = cid; }
        } else if (!undated || cid < undated) { undated = cid; }
      });
      hops.push({ from: a, to: b, contact: dated || undated });
    }
    return hops;
  }
  function shortestPath(from, to, anyStatus) {
    var byActor = pathContacts(Boolean(anyStatus));
    var nodes = shortestActorPath(byActor, from, to, PATH_MAX_HOPS);
    return nodes ? hopsAlong(byActor, nodes) : null;
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
  var pathAny = $("path-any");
  // A path between two actors (ids or names). `anyStatus` (else the box) also crosses
  // planned, proposed and denied contacts, as `dipgraph path --any-status`.
  function path(a, b, anyStatus) {
    clearPath();
    if (anyStatus !== undefined) { pathAny.checked = Boolean(anyStatus); }
    var any = pathAny.checked;
    var from = resolveActor(String(a || "")), to = resolveActor(String(b || ""));
    if (from.error || to.error) {
      pathResult.textContent = [from.error, to.error].filter(Boolean).join(" ");
      return null;
    }
    if (from.id === to.id) { pathResult.textContent = "Choose two different actors."; return null; }
    var hops = shortestPath(from.id, to.id, any);
    if (!hops) {
      var other = shortestPath(from.id, to.id, !any);
      var why = [from.id, to.id].map(function (id) {
        var roles = rolesOnly(id);
        return roles.length ? nameOf(id) + " is only " + roles.join(" or ") + " in the contacts shown" : "";
      }).filter(Boolean);
      pathResult.textContent = "No path between " + nameOf(from.id) + " and " + nameOf(to.id) +
        " over the contacts shown" + (any ? "" : " that happened") +
        " within " + PATH_MAX_HOPS + " hops. " + (why.length ? why.join("; ") + ". " : "") +
        (!any && other ? "There is one through planned, proposed or denied contacts: tick " +
          "\u201calso planned, proposed, denied\u201d to see it. " : "") +
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
    ui.path = { from: from.id, to: to.id, any: any, hops: hops, nodes: pathNodes, edges: pathEdges };
    ui.selected = null;
    unselect();
    restyle();
    network.fit({ nodes: pathNodes, animation: false });
    if (network.getScale() > 1.2) { network.moveTo({ scale: 1.2, animation: false }); }
    pathResult.textContent = nameOf(from.id) + hops.map(function (h) {
      var s = F.contacts[h.contact].status;
      return (s === "happened" ? " \u2192 " : " \u2192 (" + s + ") ") + nameOf(h.to);
    }).join("");
    clear(panel);
    panel.appendChild(el("h3", "Path: " + hops.length + " hop" + (hops.length > 1 ? "s" : "")));
    panel.appendChild(el("p", any ? "Over contacts of any status: each hop says whether it happened." :
      "Over contacts that happened (planned, proposed and denied ones are not crossed).",
      { "class": "muted" }));
    var ol = el("ol", null, { "class": "hops" });
    hops.forEach(function (h) {
      var c = F.contacts[h.contact];
      var li = el("li");
      li.appendChild(el("p", nameOf(h.from) + " \u2014 " + c.type_label + " (" + dateOf(c) + ", " +
        c.status + (c.secret ? ", secret" : "") + ") \u2014 " + nameOf(h.to), { "class": "hop" }));
      li.appendChild(el("p", c.summary, { dir: "auto", "class": "summary-main" }));
      li.appendChild(evidenceBlock(c.evidence, null));
      li.appendChild(button("Open this contact", function () { select("contact:" + h.contact); }));
      ol.appendChild(li);
    });
    panel.appendChild(ol);
    writeHash();
    return hops.map(function (h) {
      return { from: h.from, to: h.to, contact: h.contact, status: F.contacts[h.contact].status };
    });
  }
  $("path-go").addEventListener("click", function () { path($("path-from").value, $("path-to").value); });
  $("path-clear").addEventListener("click", function () {
    $("path-from").value = ""; $("path-to").value = ""; clearPath(); fitShown();
  });
  pathAny.addEventListener("change", function () {
    if (ui.path) { path(ui.path.from, ui.path.to); }
  });
  ["path-from", "path-to"].forEach(function (id) {
    $(id).addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { path($("path-from").value, $("path-to").value); }
    });
  });

