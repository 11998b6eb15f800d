  // ---- contact marks and discs of a large graph, and its node items -------------------
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
  var boxEpoch = 0;  // counts the times the boxes below were set (large_fit.js keeps one)
  function adoptItems(list) {
    boxEpoch++;
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
