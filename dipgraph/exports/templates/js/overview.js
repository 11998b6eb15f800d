  // ---- overview of a large graph: countries as clusters -------------------------
  // Zoomed out, 10,000 discs and 30,000 lines read as one grey disc. Below a zoom
  // threshold (the first fit, and a little closer) the page draws each country as one
  // bubble (size = its actors shown) and one line per pair of countries that talked
  // (width = contacts between them); the actors stay as faint dots underneath. A click
  // on a bubble, or its button under "Countries", opens it: the view zooms onto its
  // actors, past the threshold, where names, lines and single nodes answer clicks.


  // Shown zoomed out, when there are at least two countries to tell apart.
  function overviewShown() {
    return large && overviewScale !== null && overviewBox.checked && !exploring() &&
      network.getScale() < overviewScale && clusters().list.length > 1;
  }
  function clusterName(key) { return key === "none" ? "no country" : nameOf(key); }
  var clusterColours = dict();
  data.legend.countries.forEach(function (c) { clusterColours[c.id] = c.color; });
  // Bubbles and links for the current view: built once a view (adopt resets it).
  function clusters() {
    if (clusterCache) { return clusterCache; }
    var byKey = dict(), clusterOf = dict();
    data.nodes.forEach(function (n) {
      if (n.kind !== "actor" || current.nodeHidden[n.id]) { return; }
      var key = n.country || "none", item = network.body.nodes[n.id];
      var c = byKey[key] || (byKey[key] = { id: key, name: clusterName(key), members: [],
        x: 0, y: 0, contacts: 0 });
      c.members.push(n.id);
      c.x += item.x; c.y += item.y;
      clusterOf[n.id] = key;
    });
    var list = Object.keys(byKey).map(function (k) {
      var c = byKey[k];
      c.x /= c.members.length; c.y /= c.members.length;
      return c;
    }).sort(function (a, b) { return b.members.length - a.members.length; });
    var links = dict();
    Object.keys(current.contacts).forEach(function (cid) {
      var sides = F.contacts[cid].sides.map(function (side) {
        var keys = dict();
        side.forEach(function (a) { if (clusterOf[a]) { keys[clusterOf[a]] = true; } });
        return Object.keys(keys);
      });
      var seen = dict();
      for (var i = 0; i < sides.length; i++) {
        for (var j = i + 1; j < sides.length; j++) {
          sides[i].forEach(function (a) {
            sides[j].forEach(function (b) {
              var key = a < b ? a + "|" + b : b + "|" + a;
              if (seen[key]) { return; }
              seen[key] = true;
              links[key] = (links[key] || 0) + 1;
              if (a !== b) { byKey[a].contacts++; byKey[b].contacts++; } else { byKey[a].contacts++; }
            });
          });
        }
      }
    });
    var linkList = Object.keys(links).map(function (k) {
      var ends = k.split("|");
      return { from: ends[0], to: ends[1], contacts: links[k] };
    }).filter(function (l) { return l.from !== l.to; })
      .sort(function (a, b) { return b.contacts - a.contacts; });
    clusterCache = { list: list, byKey: byKey, links: linkList };
    keepWholeClusters();
    return clusterCache;
  }
  // A bubble's radius in screen pixels.
  function bubbleRadius(c, most) { return 9 + 19 * Math.sqrt(c.members.length / most); }
  // Bubbles at their countries' centres, pushed apart until none overlaps another
  // (a few dozen bubbles: cheap at every frame, cached for one zoom level and view).
  var bubbleCache = { key: null, list: null };
  function bubbles(scale) {
    var all = clusters();
    if (bubbleCache.key === scale && bubbleCache.of === all) { return bubbleCache.list; }
    var most = all.list.length ? all.list[0].members.length : 1, gap = 6 / scale;
    var list = all.list.map(function (c, i) {
      return { id: c.id, c: c, x: c.x + 0.01 * Math.cos(i), y: c.y + 0.01 * Math.sin(i),
        r: bubbleRadius(c, most) / scale };
    });
    for (var pass = 0; pass < 80; pass++) {
      var moved = false;
      for (var i = 0; i < list.length; i++) {
        for (var j = i + 1; j < list.length; j++) {
          var a = list[i], b = list[j], dx = b.x - a.x, dy = b.y - a.y;
          var d = Math.hypot(dx, dy) || 0.01, need = a.r + b.r + gap;
          if (d >= need) { continue; }
          var push = (need - d) / 2 + 0.01;
          a.x -= dx / d * push; a.y -= dy / d * push;
          b.x += dx / d * push; b.y += dy / d * push;
          moved = true;
        }
      }
      if (!moved) { break; }
    }
    bubbleCache = { key: scale, of: all, list: list };
    return list;
  }
  var drawnBubbles = [];
  function drawOverview(ctx) {
    var scale = network.getScale(), all = clusters(), list = bubbles(scale), at = dict();
    list.forEach(function (b) { at[b.id] = b; });
    var strongest = all.links.length ? all.links[0].contacts : 1;
    ctx.save();
    ctx.strokeStyle = "#333333";
    // The strongest links only, so the picture keeps its shape: at most 3 per country.
    var perCluster = dict();
    all.links.forEach(function (l) {
      if ((perCluster[l.from] || 0) >= 3 || (perCluster[l.to] || 0) >= 3) { return; }
      perCluster[l.from] = (perCluster[l.from] || 0) + 1;
      perCluster[l.to] = (perCluster[l.to] || 0) + 1;
      var a = at[l.from], b = at[l.to], share = l.contacts / strongest;
      ctx.globalAlpha = 0.15 + 0.55 * share * share;
      ctx.lineWidth = (1 + 8 * share) / scale;
      ctx.beginPath();
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
      ctx.stroke();
    });
    drawnBubbles = list;
    list.forEach(function (b) {
      ctx.globalAlpha = 0.92;
      ctx.fillStyle = clusterColours[b.id] || data.legend.other_country;
      ctx.lineWidth = 1.5 / scale;
      ctx.beginPath();
      ctx.arc(b.x, b.y, b.r, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    });
    // The contacts of many parties, over the bubbles and links they would hide under.
    bigMarks().forEach(function (n) { drawMark(ctx, n, 1); });
    // Names on the bubbles where they fit, biggest countries first.
    ctx.globalAlpha = 1;
    ctx.lineJoin = "round";  // a mitred halo spikes at the sharp corners of "4"
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    var placed = [], font = 12 / scale;
    lastClusterLabels = [];
    list.forEach(function (b) {
      var lines = [b.c.name, String(b.c.members.length)];
      ctx.font = "600 " + font + "px sans-serif";
      var w = Math.max.apply(null, lines.map(function (t) { return ctx.measureText(t).width; }));
      var box = { x: b.x - w / 2, y: b.y - 1.2 * font, w: w, h: 2.4 * font };
      if (placed.some(function (o) {
        return box.x < o.x + o.w && o.x < box.x + box.w && box.y < o.y + o.h && o.y < box.y + box.h;
      })) { return; }
      placed.push(box);
      lastClusterLabels.push(b.id);
      lines.forEach(function (text, i) {
        ctx.font = (i ? "" : "600 ") + font + "px sans-serif";
        var y = box.y + (i + 0.5) * 1.2 * font;
        ctx.lineWidth = 3 / scale;
        ctx.strokeStyle = "rgba(255,255,255,0.95)";
        ctx.strokeText(text, b.x, y);
        ctx.fillStyle = "#111111";
        ctx.fillText(text, b.x, y);
      });
    });
    ctx.restore();
  }
  var lastClusterLabels = [];
  function bubbleAt(point) {
    var hit = null;
    drawnBubbles.forEach(function (b) {
      if (Math.hypot(point.x - b.x, point.y - b.y) <= b.r) { hit = b.id; }
    });
    return hit;
  }
  // Open a country: zoom onto its actors (past the overview threshold), and list its
  // busiest actors and the countries it talked with most in the panel.
  function openCluster(key) {
    var c = clusters().byKey[key];
    if (!c) { return false; }
    if (ui.selected) { deselect(); }
    ui.cluster = key;
    restyle();
    // Fit its core (the 85% of its actors nearest its centre: a few outliers would
    // otherwise set the frame), at least just past the overview's threshold.
    var core = c.members.map(function (id) {
      var item = network.body.nodes[id];
      return [Math.hypot(item.x - c.x, item.y - c.y), id];
    }).sort(function (a, b) { return a[0] - b[0]; })
      .slice(0, Math.max(1, Math.ceil(c.members.length * 0.85))).map(function (p) { return p[1]; });
    network.fit({ nodes: core, animation: false });
    if (network.getScale() < overviewScale * 1.25) {
      network.moveTo({ scale: overviewScale * 1.25, animation: false });
    }
    clear(panel);
    panel.appendChild(el("h3", c.name + " (country)"));
    panel.appendChild(el("p", c.members.length + " actors shown \u00b7 " + c.contacts +
      " contacts involve them.", { "class": "muted" }));
    var top = c.members.slice().sort(function (a, b) {
      return (byNode[b].degree || 0) - (byNode[a].degree || 0);
    });
    listSection("Busiest actors", top.slice(0, 15), function (id) {
      var li = el("li");
      li.appendChild(button(nameOf(id) + " (" + byNode[id].degree + ")", function () {
        select(id, { focus: true });
      }, { "data-id": id }));
      return li;
    });
    var partners = clusters().links.filter(function (l) { return l.from === key || l.to === key; });
    listSection("Talked most with", partners.slice(0, 10), function (l) {
      var other = l.from === key ? l.to : l.from, li = el("li");
      li.appendChild(button(clusterName(other) + ": " + l.contacts + " contacts", function () {
        openCluster(other);
      }, { "data-cluster": other }));
      return li;
    });
    return true;
  }
  // An open country: its actors and their lines stay bright, the rest is dimmed.
  function clusterNear(key) {
    var c = clusters().byKey[key], keep = dict(), keepEdges = dict(), adjacency = shownAdjacency();
    if (!c) { return null; }
    c.members.forEach(function (id) {
      keep[id] = true;
      (adjacency[id] || []).forEach(function (pair) { keepEdges[pair[1]] = true; });
    });
    return { nodes: keep, edges: keepEdges };
  }
  // Keyboard and screen-reader twin of the bubbles: a button per country.
  function renderClusterList() {
    var box = $("overview-list");
    clear(box);
    if (!large) { return; }
    clusters().list.forEach(function (c) {
      var li = el("li");
      li.appendChild(button(c.name + " (" + c.members.length + ")", function () {
        openCluster(c.id);
      }, { "data-cluster": c.id }));
      box.appendChild(li);
    });
  }
  if (large) {
    $("overview-controls").hidden = false;
    overviewBox.addEventListener("change", function () {
      network.body.emitter.emit("_requestRedraw"); writeHash();
    });
  }
