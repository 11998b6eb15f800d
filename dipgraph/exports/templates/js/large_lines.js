  // ---- lines of a large graph ------------------------------------------------------
  // vis-network builds an item per edge (~40 µs each) and strokes each on its own
  // (36,000 strokes: 1.5 s a frame in software rendering). A large graph's lines are
  // straight and not draggable, so the page keeps them itself: one path per style,
  // under the nodes; the ones selected drawn over them; a click picks the nearest.
  var marked = [];
  function lineDimmed(e) { return Boolean(dimmed && !dimmed.edges[e.id]); }
  // The part of the canvas on screen, in canvas units: lines and nodes wholly outside
  // it are not drawn, so a zoomed-in view draws only its neighbourhood.
  function viewBox() {
    var canvas = document.querySelector("#graph canvas");
    var a = network.DOMtoCanvas({ x: 0, y: 0 });
    var b = network.DOMtoCanvas({ x: canvas.clientWidth, y: canvas.clientHeight });
    return { left: a.x, top: a.y, right: b.x, bottom: b.y };
  }
  function offScreen(a, b, box) {
    return (a.x < box.left && b.x < box.left) || (a.x > box.right && b.x > box.right) ||
      (a.y < box.top && b.y < box.top) || (a.y > box.bottom && b.y > box.bottom);
  }
  // The part of a line on screen (a little past its edges), written into PART as
  // [x1, y1, x2, y2]; false if none. Zoomed in, a line's far end lies thousands of units off screen, and the
  // software rasteriser stroked (and dashed) every line whole: 2-4 s a frame at 10k
  // once a search zoomed onto an actor. A dashed line's part starts at a whole dash
  // period from its end, so its dashes stay where they were as the view moves. Dashes
  // are DASH_PX on screen at any zoom: 5 canvas units were 1 px at a search's zoom, and
  // ~10,000 dashed lines of 1 px dashes took seconds to rasterise.
  var DASH_PX = 5, DASHED_UP_TO = 2000, FADED_UP_TO = 4000;
  // Written by onScreenPart (a frame clips tens of thousands of lines: no array each).
  // With the style keys below: the page's redraw at a searched actor's zoom at 10k
  // (24,000 lines) took 17.3 ms of script against 27.8 ms with an array and a key
  // string per line (median of 120 redraws over 3 loads each, load 3.3-3.5).
  var PART = new Float64Array(4);
  // The dimmed lines on screen of a frame, [line index, x1, y1, x2, y2, ...]: drawn only
  // when few (FADED_UP_TO), so grouped by style only then.
  var FADED = [];
  function onScreenPart(a, b, box, period) {
    var dx = b.x - a.x, dy = b.y - a.y, t0 = 0, t1 = 1;
    // Liang and Barsky: each edge of the box as p * t <= q.
    for (var i = 0; i < 4; i++) {
      var p = i === 0 ? -dx : i === 1 ? dx : i === 2 ? -dy : dy;
      var q = i === 0 ? a.x - box.left : i === 1 ? box.right - a.x : i === 2 ? a.y - box.top : box.bottom - a.y;
      if (p === 0) {
        if (q < 0) { return false; }
        continue;
      }
      var t = q / p;
      if (p < 0) { t0 = Math.max(t0, t); } else { t1 = Math.min(t1, t); }
      if (t0 > t1) { return false; }
    }
    if (period && t0 > 0) {
      var length = Math.sqrt(dx * dx + dy * dy);
      t0 = Math.floor(t0 * length / period) * period / length;
    }
    PART[0] = a.x + t0 * dx; PART[1] = a.y + t0 * dy; PART[2] = a.x + t1 * dx; PART[3] = a.y + t1 * dy;
    return true;
  }
  // A line's style as one key ("colour|ink|width|dashed"), made once per style.
  var styleKeys = new Map();
  function styleKey(colour, faded, width, dashed) {
    var byWidth = styleKeys.get(colour);
    if (!byWidth) { byWidth = new Map(); styleKeys.set(colour, byWidth); }
    var keys = byWidth.get(width);
    if (!keys) { keys = []; byWidth.set(width, keys); }
    var at = (faded ? 2 : 0) + (dashed ? 1 : 0);
    return keys[at] || (keys[at] = colour + "|" + (faded ? 0.06 : 1) + "|" + width + "|" + (dashed ? 1 : 0));
  }
  // Each line's two node items, [from, to, ...] in the order of data.edges (a layer adds
  // lines at its end): a frame walks 36,000 lines, and looking both ends up by id took a
  // third of its time. Positions never change at scale.
  var LINE_ENDS = [];
  function lineEnds() {
    var nodesById = network.body.nodes;
    for (var i = LINE_ENDS.length / 2; i < data.edges.length; i++) {
      LINE_ENDS.push(nodesById[data.edges[i].from], nodesById[data.edges[i].to]);
    }
    return LINE_ENDS;
  }
  function drawLines(ctx) {
    var groups = dict(), nodesById = network.body.nodes, box = viewBox();
    var scale = network.getScale(), pad = 8 / scale, dashedShown = 0, fadedShown = 0;
    // Of the lines on screen, in canvas units (|dx| + |dy|: no root each): all, faded.
    var length = 0, fadedLength = 0;
    var margined = { left: box.left - pad, top: box.top - pad, right: box.right + pad,
      bottom: box.bottom + pad };
    var edgesNow = data.edges, ends = lineEnds();
    for (var i = 0; i < edgesNow.length; i++) {
      var e = edgesNow[i];
      if (current.edgeHidden[e.id]) { continue; }  // first: exploring hides nearly all
      var a = ends[2 * i], b = ends[2 * i + 1];
      if (offScreen(a, b, box)) { continue; }
      // A dimmed line (6% ink) is drawn whole: its dashes could not be seen.
      var faded = lineDimmed(e), dashed = Boolean(e.dashes) && !faded;
      if (!onScreenPart(a, b, margined, dashed ? 2 * DASH_PX / scale : 0)) { continue; }
      var part = Math.abs(PART[2] - PART[0]) + Math.abs(PART[3] - PART[1]);
      if (faded) {  // grouped below, if drawn at all
        fadedShown++; fadedLength += part;
        FADED.push(i, PART[0], PART[1], PART[2], PART[3]);
        continue;
      }
      var key = styleKey(e.secret ? "#222222" : e.color.color, false, e.width, dashed);
      var group = groups[key] || (groups[key] = []);
      group.push(PART[0], PART[1], PART[2], PART[3]);
      length += part;
      if (dashed) { dashedShown++; }
    }
    // A focus dims all but a neighbourhood: tens of thousands of lines at 6% ink are a
    // haze that cost a second a frame to rasterise. Past FADED_UP_TO they are left out
    // (the dimmed discs stay, as the context); fewer, they are drawn.
    if (fadedShown <= FADED_UP_TO) {
      var solid = groups;
      groups = dict();  // the dimmed lines first: under the others
      for (var f = 0; f < FADED.length; f += 5) {
        var dim = edgesNow[FADED[f]];
        var dimKey = styleKey(dim.secret ? "#222222" : dim.color.color, true, dim.width, false);
        (groups[dimKey] || (groups[dimKey] = [])).push(FADED[f + 1], FADED[f + 2], FADED[f + 3], FADED[f + 4]);
      }
      Object.assign(groups, solid);
      length += fadedLength;
    }
    FADED.length = 0;
    // Thousands of dashed lines on screen are a grey haze whose dashes no one can
    // follow, and cost the software rasteriser about as much as every other line
    // together: past DASHED_UP_TO they are drawn whole, at half their ink (lighter
    // lines, where the others are solid); zoomed closer, they are dashed again.
    if (dashedShown > DASHED_UP_TO) {
      Object.keys(groups).forEach(function (key) {
        var parts = key.split("|");
        if (parts[3] !== "1") { return; }
        var whole = [parts[0], Number(parts[1]) * 0.5, parts[2], 0].join("|");
        groups[whole] = (groups[whole] || []).concat(groups[key]);
        delete groups[key];
      });
    }
    // Zoomed out, thousands of lines would darken everything: they fade with the zoom.
    var fade = Math.min(1, 0.2 + 2 * network.getScale());
    // In device pixels; |dx| + |dy| is at most 1.41 times a line's length, ~1.25 on average.
    var onScreenPx = length * Math.hypot(ctx.getTransform().a, ctx.getTransform().b) / 1.25;
    var k = onScreenPx > HAZE_PX ? Math.max(HAZE_SCALE, HAZE_PX / onScreenPx) : 1;
    var lines = lineContext(ctx, k), stroked = 0;
    lines.save();
    Object.keys(groups).forEach(function (key) {
      var parts = key.split("|"), ends = groups[key];
      lines.strokeStyle = parts[0];
      lines.globalAlpha = Number(parts[1]) * fade;
      if (parts[1] !== "0.06") { stroked += ends.length / 4; }  // not dimmed
      lines.lineWidth = Number(parts[2]);
      lines.setLineDash(parts[3] === "1" ? [DASH_PX / scale, DASH_PX / scale] : []);
      lines.beginPath();
      for (var j = 0; j < ends.length; j += 4) {  // [x1, y1, x2, y2, ...]
        lines.moveTo(ends[j], ends[j + 1]);
        lines.lineTo(ends[j + 2], ends[j + 3]);
      }
      lines.stroke();
    });
    lines.restore();
    status.haze = k;
    status.linesStroked = stroked;
    ctx.save();
    if (lines !== ctx) { layHaze(ctx, k); }
    ctx.setLineDash([]);
    ctx.strokeStyle = PATH_COLOUR;
    ctx.lineWidth = 4 / network.getScale();
    ctx.beginPath();
    marked.forEach(function (id) {
      var e = byEdge[id], a = nodesById[e.from], b = nodesById[e.to];
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
    });
    ctx.stroke();
    ctx.restore();
  }
  // The shown line nearest to a point of the canvas, within 6 screen pixels.
  function lineAt(point) {
    var best = null, bestDistance = 6 / network.getScale(), nodesById = network.body.nodes;
    data.edges.forEach(function (e) {
      if (current.edgeHidden[e.id]) { return; }
      var a = nodesById[e.from], b = nodesById[e.to];
      var dx = b.x - a.x, dy = b.y - a.y, length = dx * dx + dy * dy || 1;
      var t = Math.max(0, Math.min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / length));
      var distance = Math.hypot(point.x - (a.x + t * dx), point.y - (a.y + t * dy));
      if (distance < bestDistance) { bestDistance = distance; best = e.id; }
    });
    return best;
  }
  // A contact mark of many parties: never smaller on screen than its party count asks
  // (6 px for a few parties, up to 20 px for a thousand), however far out the view is.
  // Drawn at its canvas size, a 1,000-party session was 3 px at the first fit.
  function markPixels(n) { return Math.min(20, 6 + 1.5 * Math.log2(Math.max(2, n.degree || 2))); }
  function drawnSize(n) {
    if (n.kind !== "contact") { return n.size; }
    return Math.max(n.size, markPixels(n) / network.getScale());
  }
  // The contact marks drawn over the country overview: the biggest, at most 12.
  var bigMarkList = null;
  function bigMarks() {
    if (!bigMarkList) {
      bigMarkList = data.nodes.filter(function (n) { return n.kind === "contact" && n.degree >= 20; })
        .sort(function (a, b) { return b.degree - a.degree; }).slice(0, 12);
    }
    return bigMarkList.filter(function (n) { return !current.nodeHidden[n.id]; });
  }
  // The contact mark under a point (canvas units), at the size it is drawn.
  function markAt(point) {
    var list = overviewShown() ? bigMarks() : data.nodes.filter(function (n) {
      return n.kind === "contact" && !current.nodeHidden[n.id];
    });
    var hit = null;
    list.forEach(function (n) {
      var item = network.body.nodes[n.id], r = drawnSize(n) + 2 / network.getScale();
      if (Math.abs(point.x - item.x) <= r && Math.abs(point.y - item.y) <= r) { hit = n.id; }
    });
    return hit;
  }
  // A contact mark stands out from the grey lines it sits on: white fill (black when
  // secret), a dark outline 2 px wide and a white halo around it.
  function drawMark(ctx, n, alpha) {
    var item = network.body.nodes[n.id], scale = network.getScale(), r = drawnSize(n);
    ctx.save();
    ctx.globalAlpha = alpha;
    ctx.setLineDash(n.dashed ? [4 / scale, 3 / scale] : []);
    ctx.lineWidth = 6 / scale;
    ctx.strokeStyle = "rgba(255,255,255,0.95)";
    ctx.strokeRect(item.x - r, item.y - r, 2 * r, 2 * r);
    ctx.fillStyle = n.color.background === "#F2F2F2" ? "#FFFFFF" : n.color.background;
    ctx.fillRect(item.x - r, item.y - r, 2 * r, 2 * r);
    ctx.lineWidth = (item.selected ? 4 : 2) / scale;
    ctx.strokeStyle = item.selected ? "#2B7CE9" : "#111111";
    ctx.strokeRect(item.x - r, item.y - r, 2 * r, 2 * r);
    ctx.restore();
  }
  // One outline of a node, by its kind: actors are discs, contacts and statements
  // squares, topics triangles.
  function outline(ctx, item, n) {
    var r = n.size;
    if (n.kind === "contact" || n.kind === "statement") {
      ctx.rect(item.x - r, item.y - r, 2 * r, 2 * r);
    } else if (n.kind === "topic") {
      ctx.moveTo(item.x, item.y - r);
      ctx.lineTo(item.x + r, item.y + r);
      ctx.lineTo(item.x - r, item.y + r);
      ctx.closePath();
    } else {
      ctx.moveTo(item.x + r, item.y);
      ctx.arc(item.x, item.y, r, 0, 2 * Math.PI);
    }
  }
  // The nodes of a large graph are drawn the same way: one path per fill; vis-network
  // only draws the one selected (and still finds the node under a click).
  var DISC_ALPHA = [1, 0.35, 0.15];  // drawn, faint (the overview's), dimmed
  var discKeys = new Map();  // a node's record: its keys at each alpha, then its colour
  function drawDiscs(ctx) {
    var groups = dict(), nodesById = network.body.nodes, indices = network.body.nodeIndices;
    var box = viewBox(), faint = overviewShown(), marks = [];
    for (var i = 0; i < indices.length; i++) {
      var item = nodesById[indices[i]];
      var n = byNode[item.id];
      var r = n.kind === "contact" ? drawnSize(n) : n.size;
      if (item.x + r < box.left || item.x - r > box.right ||
          item.y + r < box.top || item.y - r > box.bottom) { continue; }
      if (n.kind === "contact") { marks.push(n); continue; }  // drawn over the discs
      if (item.selected) { continue; }
      var alpha = isDimmed(item.id) ? 2 : faint ? 1 : 0;  // DISC_ALPHA's
      // Its keys made once (a string for each disc each frame was a third of the walk).
      var keys = discKeys.get(n);
      if (!keys || keys[3] !== n.color.background) {  // again after a change of colours
        keys = DISC_ALPHA.map(function (a) { return n.color.background + "|" + a + "|" + (n.dashed ? 1 : 0); });
        keys.push(n.color.background);
        discKeys.set(n, keys);
      }
      var key = keys[alpha];
      (groups[key] || (groups[key] = [])).push(item);
    }
    ctx.save();
    ctx.lineWidth = 1;
    ctx.strokeStyle = "#444444";
    Object.keys(groups).forEach(function (key) {
      var parts = key.split("|");
      ctx.fillStyle = parts[0];
      ctx.globalAlpha = Number(parts[1]);
      ctx.setLineDash(parts[2] === "1" ? [3, 2] : []);
      ctx.beginPath();
      groups[key].forEach(function (item) { outline(ctx, item, byNode[item.id]); });
      ctx.fill();
      ctx.stroke();
    });
    ctx.restore();
    // Over the discs; zoomed out, drawOverview draws the biggest over the bubbles.
    if (!faint) {
      marks.forEach(function (n) { drawMark(ctx, n, isDimmed(n.id) ? 0.15 : 1); });
    }
  }
  // A large graph's node items draw only when selected; their click box is set once
  // (positions never change: nodes are not draggable).
  var nodeProto = null;
  function drawIfSelected(ctx) {
    // A selected contact mark is drawn by drawMark (blue outline), at its drawn size.
    if (!this.selected || byNode[this.id].kind === "contact") { return dict(); }
    this.options.opacity = isDimmed(this.id) ? 0.15 : 1;
    return nodeProto.draw.call(this, ctx);
  }
  function adoptItems(list) {
    list.forEach(function (n) {
      var item = network.body.nodes[n.id];
      nodeProto = nodeProto || Object.getPrototypeOf(item);
      item.draw = drawIfSelected;
      var shape = item.shape;
      shape.radius = n.size;
      shape.width = shape.height = 2 * n.size;
      shape.left = item.x - n.size;
      shape.top = item.y - n.size;
      // What network.fit({nodes}) frames, which vis-network's own drawing would update.
      shape.boundingBox = { left: item.x - n.size, top: item.y - n.size,
        right: item.x + n.size, bottom: item.y + n.size };
    });
  }
  if (large) {
    network.on("beforeDrawing", function (ctx) {
      if (overviewShown()) { drawDiscs(ctx); return; }
      drawLines(ctx); drawDiscs(ctx);
    });
    adoptItems(data.nodes);
  }
