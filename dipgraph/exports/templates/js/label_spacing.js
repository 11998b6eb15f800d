  // ---- names readable at the first fit (small graphs) -------------------------
  // Forces keep discs apart, not names, and vis-network's fit frames the whole graph
  // however small that draws the names (8 px on the bundled facts at 1400x900). After
  // a layout the page squeezes the positions toward LAYOUT_FRAME's shape and pushes
  // apart every two nodes whose boxes (shape and name) overlap, a few rounds, until
  // the fit of what is shown in that frame draws every name at READABLE_PX or more
  // with no two boxes overlapping. Where that cannot be (the statements layer), the
  // forces' layout is stretched to the frame's shape with shapes kept apart;
  // vis-network draws no name under 12 px (nodes.scaling.label.drawThreshold in
  // html.py) and the page draws those that fit itself (small_names.js).
  // The frame is fixed, not the window's graph area: the positions are the same at
  // any window size (a link opens on its sender's layout; only the fit differs: a
  // timeline 3 px taller gave another layout). It is smaller than the graph area at
  // 1280x720, 1366x657 and 1024x700 (710x664, 796x601 and 774x490 CSS px), so the fit
  // names every actor there; a narrower window shows the same layout smaller.
  var LAYOUT_FRAME = { w: 700, h: 480 };
  var SQUEEZE_COSTS = [1, 3, 8];  // tried in turn (squeezed)
  var SIDEWAYS_UP_TO = 80;  // marks shown
  var READABLE_PX = 12.1;  // CSS px at the fit: drawn unfaded (NAME_THRESHOLD)
  var NAME_THRESHOLD = 12;  // vis-network draws no name under this minus 1 px
  var FIT_MARGIN = 1.1;  // vis-network's fit frames the range of the boxes times 1.1
  // A node's box: its shape and its name as last drawn (`names` true: every name,
  // false: none, else the names drawn now). vis-network's own box (getBoundingBox)
  // stops a name below a disc ~11 units short of where it is drawn.
  function boxesOf(ids, margin, names) {
    var positions = network.getPositions(ids), boxes = dict();
    ids.forEach(function (id) {
      var b = network.getBoundingBox(id), p = positions[id], item = network.body.nodes[id];
      var name = item.labelModule.size, l = b.left, r = b.right, t = b.top, bottom = b.bottom;
      if (name.width > 0 && names !== false && (names || nameDrawn(item))) {
        l = Math.min(l, name.left); r = Math.max(r, name.left + name.width);
        t = Math.min(t, name.top); bottom = Math.max(bottom, name.top + name.height);
      }
      boxes[id] = { x: p.x, y: p.y, l: l - p.x - margin, r: r - p.x + margin,
        t: t - p.y - margin, b: bottom - p.y + margin };
    });
    return boxes;
  }
  function copyBoxes(boxes) {
    var out = dict();
    Object.keys(boxes).forEach(function (id) { out[id] = Object.assign({}, boxes[id]); });
    return out;
  }
  // Every two boxes that overlap, [a, b, overlap x, overlap y], in the order of a loop
  // over every pair of ids (pushApart moves them in that order). Boxes are swept by
  // their left edges, so only boxes whose x ranges meet are compared: every pair took
  // pushApart's 500 rounds 2 minutes at 2,600 nodes.
  function labelOverlaps(boxes) {
    var ids = Object.keys(boxes), n = ids.length, order = new Array(n), left = new Array(n);
    for (var k = 0; k < n; k++) {
      var x = boxes[ids[k]].x + boxes[ids[k]].l;
      order[k] = k; left[k] = x === x ? x : Infinity;  // NaN overlaps nothing
    }
    order.sort(function (p, q) { return left[p] - left[q] || p - q; });
    var found = [];
    for (var s = 0; s < n; s++) {
      var i = order[s], a = boxes[ids[i]], right = a.x + a.r;
      for (var t = s + 1; t < n && left[order[t]] < right; t++) {
        var j = order[t], b = boxes[ids[j]];
        var oy = Math.min(a.y + a.b, b.y + b.b) - Math.max(a.y + a.t, b.y + b.t);
        if (oy > 0) { found.push(i < j ? [i, j] : [j, i]); }
      }
    }
    found.sort(function (p, q) { return p[0] - q[0] || p[1] - q[1]; });
    return found.map(function (pair) {
      var a = boxes[ids[pair[0]]], b = boxes[ids[pair[1]]];
      return [a, b, Math.min(a.x + a.r, b.x + b.r) - Math.max(a.x + a.l, b.x + b.l),
        Math.min(a.y + a.b, b.y + b.b) - Math.max(a.y + a.t, b.y + b.t)];
    }).filter(function (p) { return p[2] > 0; });
  }
  // Pushes overlapping boxes apart, each along the axis that needs the shorter move.
  function pushApart(boxes, costX, costY) {
    var pairs = [];
    costX = costX || 1; costY = costY || 1;
    for (var pass = 0; pass < 500; pass++) {
      pairs = labelOverlaps(boxes);
      if (!pairs.length) { break; }
      pairs.forEach(function (p) {
        var a = p[0], b = p[1];
        if (p[2] * costX < p[3] * costY) {
          var dx = (p[2] / 2 + 1) * (a.x <= b.x ? -1 : 1);
          a.x += dx; b.x -= dx;
        } else {
          var dy = (p[3] / 2 + 1) * (a.y <= b.y ? -1 : 1);
          a.y += dy; b.y -= dy;
        }
      });
    }
    return pairs.length;
  }
  function rangeOf(boxes) {
    var r = { l: Infinity, r: -Infinity, t: Infinity, b: -Infinity };
    Object.keys(boxes).forEach(function (id) {
      var a = boxes[id];
      r.l = Math.min(r.l, a.x + a.l); r.r = Math.max(r.r, a.x + a.r);
      r.t = Math.min(r.t, a.y + a.t); r.b = Math.max(r.b, a.y + a.b);
    });
    return r;
  }
  // The scale the fit would pick for these boxes in a frame (the graph area's, unless
  // given), and the one every name needs.
  function canvasFrame() {
    var canvas = network.canvas.frame.canvas;
    return { w: canvas.clientWidth, h: canvas.clientHeight };
  }
  function fitScale(boxes, frame) {
    var r = rangeOf(boxes);
    frame = frame || canvasFrame();
    return Math.min(1, frame.w / (FIT_MARGIN * (r.r - r.l)), frame.h / (FIT_MARGIN * (r.b - r.t)));
  }
  function neededScale(ids) {
    var smallest = Infinity;
    ids.forEach(function (id) {
      var item = network.body.nodes[id];
      if (item.options.label) { smallest = Math.min(smallest, item.options.font.size); }
    });
    return smallest === Infinity ? 0 : READABLE_PX / smallest;
  }
  // Moves every box toward the middle, each axis by what it lacks for the needed scale.
  function squeeze(boxes, need) {
    var r = rangeOf(boxes), cx = (r.l + r.r) / 2, cy = (r.t + r.b) / 2;
    var kx = Math.min(1, LAYOUT_FRAME.w / (FIT_MARGIN * need * (r.r - r.l)));
    var ky = Math.min(1, LAYOUT_FRAME.h / (FIT_MARGIN * need * (r.b - r.t)));
    Object.keys(boxes).forEach(function (id) {
      var a = boxes[id];
      a.x = cx + (a.x - cx) * kx * 0.97;
      a.y = cy + (a.y - cy) * ky * 0.97;
    });
    return { x: kx, y: ky };
  }
  // A node's box (network.getBoundingBox) takes in its name where the name was drawn
  // the frame before: after a move, two frames give the box where the node is.
  function drawTwice() { network.redraw(); network.redraw(); }
  // A name too small to draw at this scale has no box yet (vis-network measures a
  // name when it draws it): measured with every name drawn, in frames nobody sees,
  // framing every node (vis-network draws none off screen, and one moved off screen
  // kept its old box: a window where the view framed less gave another layout).
  function nameDrawn(item) {  // a name not drawn keeps the box of where it was last drawn
    return item.options.font.size * network.getScale() >= NAME_THRESHOLD - 1;
  }
  function measuredBoxes(ids) {
    network.setOptions({ nodes: { scaling: { label: { drawThreshold: 0 } } } });
    network.fit({ nodes: ids, animation: false });
    drawTwice();
    var boxes = boxesOf(ids, 2, true);
    network.setOptions({ nodes: { scaling: { label: { drawThreshold: NAME_THRESHOLD } } } });
    return boxes;
  }
  // Where no name can be drawn, only shapes need room: the layout is stretched to
  // the frame's shape and shapes pushed apart.
  function toFrameShape(boxes, ids) {
    var r = rangeOf(boxes);
    var shapes = boxesOf(ids, 2, false), cx = (r.l + r.r) / 2, cy = (r.t + r.b) / 2;
    var ax = (r.r - r.l) / LAYOUT_FRAME.w, ay = (r.b - r.t) / LAYOUT_FRAME.h;
    ids.forEach(function (id) {
      var a = shapes[id];
      a.x = cx + (boxes[id].x - cx) * Math.min(1, ay / ax);
      a.y = cy + (boxes[id].y - cy) * Math.min(1, ax / ay);
    });
    pushApart(shapes);
    return shapes;
  }
  // Frames the boxes as vis-network's fit would, and draws them there at once (a fit
  // right after reads the boxes of the last frame).
  function frameBoxes(boxes) {
    var canvas = network.canvas.frame.canvas;
    if (!Object.keys(boxes).length || !canvas.clientWidth || !canvas.clientHeight) { return; }
    var r = rangeOf(boxes);
    network.moveTo({ position: { x: (r.l + r.r) / 2, y: (r.t + r.b) / 2 },
      scale: fitScale(boxes), animation: false });
    drawTwice();
  }
  // Squeezes toward the needed scale, pushing apart what overlaps; null if it cannot.
  // `cost` > 1 makes a push along the tighter axis dearer, so boxes slide sideways
  // into the room the other axis has (a wide, short canvas fills from the sides).
  function squeezed(start, need, cost, rounds) {
    var boxes = copyBoxes(start), left, best = 0, bestRound = 0;
    for (var round = 0; round < rounds; round++) {
      var fit = fitScale(boxes, LAYOUT_FRAME);
      if (fit >= need) { return { boxes: boxes, best: fit }; }
      // Jammed (40 rounds without a better fit), or hopeless (a narrow window still far
      // from the scale after 20): counted in rounds, so a page is the same on any machine.
      if (fit > best * 1.001) { best = fit; bestRound = round; }
      if (round - bestRound >= 40 || (round >= 20 && best < need * 0.8)) { break; }
      var k = squeeze(boxes, need);
      left = pushApart(boxes, k.x < k.y ? cost : 1, k.y < k.x ? cost : 1);
      if (left) { break; }
    }
    return { boxes: null, best: best };
  }
  // The squeeze for the names as they are now: {boxes, unsqueezed, left, reached}
  // (boxes null when no squeeze reached the scale names need; reached: the best fit
  // it got to, as a share of that scale).
  function placeNames(ids, need) {
    var boxes = measuredBoxes(ids);
    var left = pushApart(boxes), unsqueezed = copyBoxes(boxes), found = null, best = 0;
    // Sideways tries only for a first view's few dozen marks: each costs n² a push.
    var few = ids.length <= SIDEWAYS_UP_TO, tries = few ? SQUEEZE_COSTS.length : 1;
    for (var i = 0; !left && !found && i < tries; i++) {
      var tried = squeezed(unsqueezed, need, SQUEEZE_COSTS[i], few ? 200 : 20);
      found = tried.boxes;
      best = Math.max(best, tried.best);
      // Far from the scale names need (a narrow window): no sideways try gets there.
      if (tried.best < need * 0.8) { break; }
    }
    return { boxes: found, unsqueezed: unsqueezed, left: left, reached: best / need };
  }
  function separateLabels() {
    if (large) { return 0; }
    var started = performance.now();
    var ids = data.nodes.filter(function (n) { return !current.nodeHidden[n.id]; })
      .map(function (n) { return n.id; });
    var need = neededScale(ids), how = "squeezed";
    restoreNames();
    var placed = placeNames(ids, need), boxes = placed.boxes, left = placed.left;
    // A first view's few dozen marks: set down, then names shortened.
    if (!boxes && ids.length <= SIDEWAYS_UP_TO) {
      how = "set down";
      boxes = spiralPlaced(placed.unsqueezed, need);
      for (var tries = 0; !boxes && tries < SHORTEN_TRIES; tries++) {
        var id = nameToShorten(ids);
        if (id === null) { break; }
        var text = String(network.body.nodes[id].options.label);
        if (!(id in shortened)) { shortened[id] = text; }
        setName(id, shorterName(text));
        var start = measuredBoxes(ids);
        pushApart(start);
        boxes = spiralPlaced(start, need);
      }
      if (boxes) { left = 0; }
    }
    if (!boxes) {  // no room for names: the forces' layout, every name whole again
      how = "no room";
      var whole = placed.unsqueezed;
      if (Object.keys(shortened).length) {
        restoreNames();
        whole = measuredBoxes(ids);
        pushApart(whole);
      }
      boxes = toFrameShape(whole, ids);
      left = labelOverlaps(boxes).length;
    }
    ids.forEach(function (id) { network.moveNode(id, boxes[id].x, boxes[id].y); });
    frameBoxes(boxes);
    status.spacing = { ms: performance.now() - started, how: how, reached: placed.reached,
      shortened: Object.assign(dict(), shortened) };
    return left;
  }

  // A window resized: the positions stay (they do not depend on the window), and what
  // was in view (the selection, the path, else everything shown) is framed again.
  var resizeTimer = null, forcesPositions = null;
  function exactPositions() {  // network.getPositions() rounds to whole units
    var out = dict();
    network.body.nodeIndices.forEach(function (id) {
      var item = network.body.nodes[id];
      out[id] = { x: item.x, y: item.y };
    });
    return out;
  }
  window.addEventListener("resize", function () {
    if (large) { return; }
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      if (!status.ready) { return; }
      if (ui.path) { network.fit({ nodes: ui.path.nodes, animation: false }); }
      else if (ui.selected && byNode[ui.selected]) { frameAround(ui.selected); }
      else { frameBoxes(boxesOf(shownNodeIds(), 2)); }
      status.resized = (status.resized || 0) + 1;
    }, 150);
  });
