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
