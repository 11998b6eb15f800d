  // ---- actors sized by a rank measure, coloured by country or community ----------
  // The figures are those of `dipgraph rank` (facts.actors[id].measures, computed in
  // Python over the contacts that happened); communities too (graph/communities.py).
  // A small graph is laid out at the default size; another size is applied on that
  // layout and its names made room for again, so a link opens on its sender's picture.
  var SIZE_MEASURES = {
    degree: { label: "degree (counterparts)", value: function (m) { return m.counterparts; } },
    betweenness: { label: "betweenness", value: function (m) { return m.betweenness; } },
    brokerage: { label: "brokerage (pairs of countries brokered)", value: function (m) { return m.brokerage; } }
  };
  // A small graph is laid out at one size, then sized by degree once ready (network.js):
  // laid out with discs grown by degree, the bundled first view at 1280x720 had no room
  // for its names (0 of 52 drawn); grown on the laid-out graph, every name stays drawn.
  // A large graph keeps its sizes (lines drawn to each actor) and lattice unless asked.
  var DEFAULT_SIZE = large ? "none" : "degree";
  var COMMUNITY_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00",
    "#F0E442", "#882255"];
  var OTHER_COMMUNITY = "#BBBBBB", NO_COMMUNITY = "#FFFFFF";
  var sizeSelect = $("size-by"), colourSelect = $("colour-by");
  var look = { size: "none", colour: "country" };
  var hasCommunities = Object.keys(F.actors).some(function (a) { return F.actors[a].community !== undefined; });
  var actorNodes = data.nodes.filter(function (n) { return n.kind === "actor"; });
  actorNodes.forEach(function (n) { n.baseSize = n.size; n.baseColor = n.color; });

  function measureOf(id, measure) {
    var m = F.actors[id] && F.actors[id].measures;
    var v = m ? SIZE_MEASURES[measure].value(m) : null;
    return typeof v === "number" ? v : 0;
  }
  function measureKnown(measure) {
    return Object.keys(F.actors).some(function (a) {
      var m = F.actors[a].measures;
      return m && typeof SIZE_MEASURES[measure].value(m) === "number";
    });
  }
  // Disc radius: 9 for none of it, up to 20 (small) or the layout's largest (large) for
  // the most; by the square root, so the area follows the figure.
  function sizesFor(measure) {
    var out = dict();
    if (measure === "none") {
      actorNodes.forEach(function (n) { out[n.id] = n.baseSize; });
      return out;
    }
    var most = 0, biggest = 0;
    actorNodes.forEach(function (n) {
      most = Math.max(most, measureOf(n.id, measure)); biggest = Math.max(biggest, n.baseSize);
    });
    var low = large ? 4 : 9, high = large ? biggest : 20;
    actorNodes.forEach(function (n) {
      var v = measureOf(n.id, measure);
      out[n.id] = most > 0 ? Math.round((low + (high - low) * Math.sqrt(v / most)) * 10) / 10 : low;
    });
    return out;
  }
  // Communities by size are numbered from 1: the first eight get a colour each.
  function communityColour(id) {
    var c = F.actors[id] && F.actors[id].community;
    if (!c) { return NO_COMMUNITY; }
    return c <= COMMUNITY_COLOURS.length ? COMMUNITY_COLOURS[c - 1] : OTHER_COMMUNITY;
  }
  function colourFor(n, colour) {
    if (colour !== "community") { return n.baseColor; }
    return Object.assign({}, n.baseColor, { background: communityColour(n.id) });
  }
  function networkReady() { return typeof network !== "undefined" && network !== undefined; }
  // The chosen size and colour, onto the data (before the network exists) or onto the
  // network's items. Returns whether anything changed.
  function applyLook(size, colour) {
    size = own(SIZE_MEASURES, size) && measureKnown(size) ? size : "none";
    colour = colour === "community" && hasCommunities ? "community" : "country";
    sizeSelect.value = size; colourSelect.value = colour;
    if (size === look.size && colour === look.colour) { return false; }
    var sizes = sizesFor(size), updates = [];
    actorNodes.forEach(function (n) {
      n.size = sizes[n.id];
      n.color = colourFor(n, colour);
      updates.push({ id: n.id, size: n.size, color: n.color });
    });
    var resized = size !== look.size;
    look = { size: size, colour: colour };
    showLookLegend();
    if (!networkReady()) { return true; }
    if (large) {
      actorNodes.forEach(function (n) {
        var item = network.body.nodes[n.id];
        if (item) { item.options.size = n.size; item.options.color.background = n.color.background; }
      });
      adoptItems(actorNodes);
      dropClusters();
      network.body.emitter.emit("_requestRedraw");
      return true;
    }
    nodes.update(updates);
    restyle();
    if (resized && status.ready) { roomForNames(); }
    return true;
  }
  // New sizes on the forces' layout, then names made room for (as after a resize).
  function roomForNames() {
    if (forcesPositions) {
      Object.keys(forcesPositions).forEach(function (id) {
        if (byNode[id]) { network.moveNode(id, forcesPositions[id].x, forcesPositions[id].y); }
      });
    }
    network.redraw();
    separateLabels();
    if (ui.path) { network.fit({ nodes: ui.path.nodes, animation: false }); }
    else if (ui.selected && byNode[ui.selected]) { frameAround(ui.selected); }
  }
  function lookChanged() {
    applyLook(sizeSelect.value, colourSelect.value);
    writeHash();
  }
  Object.keys(SIZE_MEASURES).forEach(function (m) {
    var option = el("option", SIZE_MEASURES[m].label, { value: m });
    if (!measureKnown(m)) {
      option.disabled = true;
      option.textContent += " \u2014 not computed for a graph this large";
    }
    sizeSelect.appendChild(option);
  });
  if (!hasCommunities) {
    colourSelect.querySelector("option[value=community]").disabled = true;
    colourSelect.querySelector("option[value=community]").textContent += " \u2014 not computed for a graph this large";
  }
  sizeSelect.addEventListener("change", lookChanged);
  colourSelect.addEventListener("change", lookChanged);

  // The legend says what size and fill mean now (the PNG's legend is read from it).
  function communityMembers() {
    var members = dict();
    Object.keys(F.actors).forEach(function (a) {
      var c = F.actors[a].community;
      if (c) { push(members, c, a); }
    });
    return members;
  }
  function communityLegend(box) {
    var members = communityMembers();
    Object.keys(members).map(Number).sort(function (a, b) { return a - b; }).forEach(function (c) {
      if (c > COMMUNITY_COLOURS.length) { return; }
      var ids = members[c].slice().sort(function (a, b) {
        return measureOf(b, "degree") - measureOf(a, "degree") || (a < b ? -1 : 1);
      });
      var names_ = ids.slice(0, 3).map(nameOf).join(", ") + (ids.length > 3 ? " and " + (ids.length - 3) + " more" : "");
      box.push([COMMUNITY_COLOURS[c - 1], "community " + c + ": " + names_]);
    });
    if (Object.keys(members).length > COMMUNITY_COLOURS.length) {
      box.push([OTHER_COMMUNITY, "smaller communities"]);
    }
    box.push([NO_COMMUNITY, "in no contact that happened"]);
  }
  function showLookLegend() {
    var holder = $("legend");
    if (!holder || !holder.querySelector(".country-key")) { return; }  // built later
    holder.querySelectorAll(".look-key").forEach(function (node) { node.remove(); });
    var community = look.colour === "community";
    holder.querySelectorAll(".country-key").forEach(function (node) { node.style.display = community ? "none" : ""; });
    var heading = holder.querySelector("h3.actors-key");
    heading.textContent = "Actors (fill = " + (community ? "community" : "country") + ")";
    var after = holder.querySelectorAll(".country-key");
    after = after[after.length - 1];
    var rows = [];
    if (community) { communityLegend(rows); }
    var items = rows.map(function (r) {
      var row = el("div", null, { "class": "legend-item look-key" });
      row.appendChild(el("span", null, { "class": "swatch", style: "background:" + r[0] }));
      row.appendChild(el("span", r[1]));
      return row;
    });
    if (look.size !== "none") {
      var row = el("div", null, { "class": "legend-item look-key" });
      row.appendChild(el("span", "\u25cf", { "class": "size-mark" }));
      row.appendChild(el("span", "size = " + SIZE_MEASURES[look.size].label + ", as dipgraph rank counts it"));
      items.unshift(row);
    }
    items.reverse().forEach(function (item) { after.after(item); });
  }
