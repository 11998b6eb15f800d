  // ---- the path rule: the same as `dipgraph path` (dipgraph/graph/paths.py) ----------
  // A hop joins two actors on different sides of one contact; subjects, hosts and
  // mediators did not talk. Which contacts count is the caller's (the contacts shown,
  // whose statuses the status filter chooses: by default the ones `path` counts).
  // Each function below follows its namesake in paths.py step for step, ties included:
  // shortestActorPath (shortest_actor_path), hopsAlong (hops_along), temporalShortest
  // (_temporal_shortest), allPaths (all_paths); tests/test_html_path.py compares every
  // pair with Python's, for every option. A link's dates are a contact's first and last
  // days as ISO text ("2020-01-31"), which sort as paths.py's day numbers do; "" is
  // paths.py's NEVER (before every day).
  var PATH_RULE = data.legend.path;  // {max_hops, limit}: `path`'s defaults
  var NEVER = "";

  // The contacts a path may cross, by actor, and each actor's neighbours across sides
  // (paths.py's adjacency: neighbour -> the contacts joining them), made on first visit.
  function PathGraph(contactIds) {
    var byActor = dict();
    contactIds.forEach(function (cid) {
      var seen = dict();
      F.contacts[cid].sides.forEach(function (side) {
        side.forEach(function (a) { if (!seen[a]) { seen[a] = true; push(byActor, a, cid); } });
      });
    });
    this.byActor = byActor;
    this.adjacency = dict();
    this.distances = dict();  // distancesTo's answers, by target and hops
  }
  function sideOf(c, actor) {
    for (var n = 0; n < c.sides.length; n++) { if (c.sides[n].indexOf(actor) !== -1) { return n; } }
    return -1;
  }
  PathGraph.prototype.neighbours = function (actor) {
    var known = this.adjacency[actor];
    if (known) { return known; }
    var out = dict();
    (this.byActor[actor] || []).forEach(function (cid) {
      var c = F.contacts[cid], mine = sideOf(c, actor);
      c.sides.forEach(function (side, number) {
        if (number !== mine) { side.forEach(function (b) { push(out, b, cid); }); }
      });
    });
    this.adjacency[actor] = out;
    return out;
  };
  // A hop as walked: from, to, the contact, and its first and last days (or null).
  function hopOf(from, to, cid) {
    var c = F.contacts[cid];
    return { from: from, to: to, contact: cid, start: c.first || null, end: c.last || null };
  }
  // (_representative) For an untimed path: the most recent dated contact, else the
  // first by id.
  function representative(cids) {
    var dated = null, undated = null;
    cids.forEach(function (cid) {
      var start = F.contacts[cid].first;
      if (start) {
        if (dated === null || start > F.contacts[dated].first ||
            (start === F.contacts[dated].first && cid > dated)) { dated = cid; }
      } else if (undated === null || cid < undated) { undated = cid; }
    });
    return dated !== null ? dated : undated;
  }
  // (_earliest_after) The earliest dated contact that may come at or after `arrival`.
  function earliestAfter(cids, arrival) {
    var best = null;
    cids.forEach(function (cid) {
      var c = F.contacts[cid];
      if (!c.first || !c.last || c.last < arrival) { return; }
      if (best === null || c.first < F.contacts[best].first ||
          (c.first === F.contacts[best].first && cid < best)) { best = cid; }
    });
    return best;
  }
  function arrivalAt(previous, hop) { return hop.start > previous ? hop.start : previous; }
  function sortedKeys(map) { return Object.keys(map).sort(); }

  // One side of a bidirectional search (paths.py's _Search).
  function PathSearch(graph, root) {
    this.graph = graph;
    this.parents = dict(); this.parents[root] = null;
    this.depth = dict(); this.depth[root] = 0;
    this.frontier = [root]; this.level = 0; this.released = dict();
  }
  PathSearch.prototype.grow = function () {
    var self = this, reached = [];
    this.level++;
    this.frontier.forEach(function (node) {
      var found = dict();
      (self.graph.byActor[node] || []).forEach(function (cid) {
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
      sortedKeys(found).forEach(function (n) {
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
  // The actors of one shortest path, or null (shortest_actor_path).
  function shortestActorPath(graph, source, target, maxHops) {
    if (source === target) { return null; }
    var forward = new PathSearch(graph, source), backward = new PathSearch(graph, target);
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
  // Each hop's contact along a path of actors (hops_along).
  function hopsAlong(graph, nodes) {
    var hops = [];
    for (var i = 0; i + 1 < nodes.length; i++) {
      hops.push(hopOf(nodes[i], nodes[i + 1], representative(graph.neighbours(nodes[i])[nodes[i + 1]])));
    }
    return hops;
  }
  // Fewest hops with dates in order; keeps the earliest arrival at each actor
  // (_temporal_shortest).
  function temporalShortest(graph, source, target, maxHops) {
    var best = dict(), layer = dict();
    best[source] = NEVER; layer[source] = [];
    for (var step = 0; step < maxHops; step++) {
      var next = dict(), reached = false;
      sortedKeys(layer).forEach(function (node) {
        var path = layer[node];
        var arrival = path.reduce(arrivalAt, NEVER);  // the latest start so far, not the last hop's
        var around = graph.neighbours(node);
        sortedKeys(around).forEach(function (neighbour) {
          var found = earliestAfter(around[neighbour], arrival);
          if (found === null || path.some(function (hop) { return hop.from === neighbour; })) { return; }
          var hop = hopOf(node, neighbour, found), when = arrivalAt(arrival, hop);
          if (own(best, neighbour) && best[neighbour] <= when) { return; }
          best[neighbour] = when;
          next[neighbour] = path.concat([hop]);
          reached = true;
        });
      });
      if (own(next, target)) { return next[target]; }
      if (!reached) { return null; }
      layer = next;
    }
    return null;
  }
  // (_distances) The hop distance to `target` of every actor within maxHops of it.
  // Breadth first over the contacts, each side of a contact opened once (as
  // PathSearch.grow does): the neighbours' maps of every actor within reach (most of a
  // 10k graph) cost 90-150 ms, 0.8 s under load, in one task; the distances are the same.
  function distancesTo(graph, target, maxHops) {
    var key = maxHops + " " + target;  // every path, then in date order: the same distances
    if (own(graph.distances, key)) { return graph.distances[key]; }
    var distance = graph.distances[key] = dict(), frontier = [target], released = dict();
    distance[target] = 0;
    for (var depth = 1; depth <= maxHops && frontier.length; depth++) {
      var reached = [];
      for (var i = 0; i < frontier.length; i++) {
        var node = frontier[i], cids = graph.byActor[node] || [];
        for (var j = 0; j < cids.length; j++) {
          var c = F.contacts[cids[j]], done = released[cids[j]] || (released[cids[j]] = []);
          if (done.length === c.sides.length) { continue; }  // before sideOf: a side may be long
          var mine = sideOf(c, node);
          for (var n = 0; n < c.sides.length; n++) {
            if (n === mine || done.indexOf(n) !== -1) { continue; }
            done.push(n);
            for (var k = 0; k < c.sides[n].length; k++) {
              var b = c.sides[n][k];
              if (!own(distance, b)) { distance[b] = depth; reached.push(b); }
            }
          }
        }
      }
      frontier = reached;
    }
    return distance;
  }
  // Simple paths of at most maxHops hops, shortest first, at most `limit` (all_paths):
  // iterative deepening, a step taken only towards an actor still within reach.
  function allPaths(graph, source, target, maxHops, temporal, limit) {
    var found = [], distance = distancesTo(graph, target, maxHops), visited = dict(), path = [];
    function walk(node, arrival, length) {
      if (found.length >= limit) { return; }
      if (node === target) {
        if (path.length === length) { found.push(path.slice()); }
        return;
      }
      if (path.length === length) { return; }
      var left = length - path.length - 1, around = graph.neighbours(node);
      sortedKeys(around).forEach(function (neighbour) {
        var far = own(distance, neighbour) ? distance[neighbour] : maxHops + 1;
        if (visited[neighbour] || far > left) { return; }
        var chosen = temporal ? earliestAfter(around[neighbour], arrival) : representative(around[neighbour]);
        if (chosen === null) { return; }
        var hop = hopOf(node, neighbour, chosen);
        visited[neighbour] = true;
        path.push(hop);
        walk(neighbour, temporal ? arrivalAt(arrival, hop) : arrival, length);
        path.pop();
        visited[neighbour] = false;
      });
    }
    if (source !== target) {
      visited[source] = true;
      for (var length = 1; length <= maxHops; length++) { walk(source, NEVER, length); }
    }
    return found;
  }
  // The paths `dipgraph path` gives over these contacts: a list of paths, each a list of
  // hops {from, to, contact}; options: temporal (--temporal), all (--all), maxHops, limit.
  function findPaths(graph, source, target, options) {
    var maxHops = options.maxHops || PATH_RULE.max_hops, limit = options.limit || PATH_RULE.limit;
    var found;
    if (options.all) {
      found = allPaths(graph, source, target, maxHops, Boolean(options.temporal), limit);
    } else if (options.temporal) {
      var one = temporalShortest(graph, source, target, maxHops);
      found = one ? [one] : [];
    } else {
      var nodes = shortestActorPath(graph, source, target, maxHops);
      found = nodes ? [hopsAlong(graph, nodes)] : [];
    }
    return found.map(function (hops) {
      return hops.map(function (h) { return { from: h.from, to: h.to, contact: h.contact }; });
    });
  }
