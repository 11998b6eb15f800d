  // ---- lines of a large graph ------------------------------------------------------
  // vis-network builds an item per edge (~40 µs each) and strokes each on its own
  // (36,000 strokes: 1.5 s a frame in software rendering). A large graph's lines are
  // straight and not draggable, so the page keeps them itself: one path per style,
  // under the nodes; the ones selected drawn over them; a click picks the nearest.
  var marked = [];
  function lineDimmed(e) { return Boolean(dimmed && !dimmed.edges[e.id]); }
  function drawLines(ctx) {
    var groups = {}, nodesById = network.body.nodes;
    data.edges.forEach(function (e) {
      if (current.edgeHidden[e.id]) { return; }
      var key = (e.secret ? "#222222" : EDGE_STYLE.pair.color) + "|" + (lineDimmed(e) ? 0.06 : 1) +
        "|" + e.width + "|" + (e.dashes ? 1 : 0);
      (groups[key] = groups[key] || []).push(e);
    });
    // Zoomed out, thousands of lines would darken everything: they fade with the zoom.
    var fade = Math.min(1, 0.2 + 2 * network.getScale());
    ctx.save();
    Object.keys(groups).forEach(function (key) {
      var parts = key.split("|");
      ctx.strokeStyle = parts[0];
      ctx.globalAlpha = Number(parts[1]) * fade;
      ctx.lineWidth = Number(parts[2]);
      ctx.setLineDash(parts[3] === "1" ? [5, 5] : []);
      ctx.beginPath();
      groups[key].forEach(function (e) {
        var a = nodesById[e.from], b = nodesById[e.to];
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(b.x, b.y);
      });
      ctx.stroke();
    });
    ctx.globalAlpha = 1;
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
  // The nodes of a large graph are drawn the same way: one path per fill; vis-network
  // only draws the one selected (and still finds the node under a click).
  function drawDiscs(ctx) {
    var groups = {}, nodesById = network.body.nodes, indices = network.body.nodeIndices;
    for (var i = 0; i < indices.length; i++) {
      var item = nodesById[indices[i]];
      if (item.selected) { continue; }
      var n = byNode[item.id];
      var key = n.color.background + "|" + (isDimmed(item.id) ? 0.15 : 1);
      (groups[key] = groups[key] || []).push(item);
    }
    ctx.save();
    ctx.lineWidth = 1;
    ctx.strokeStyle = "#444444";
    Object.keys(groups).forEach(function (key) {
      var parts = key.split("|");
      ctx.fillStyle = parts[0];
      ctx.globalAlpha = Number(parts[1]);
      ctx.beginPath();
      groups[key].forEach(function (item) {
        var r = byNode[item.id].size;
        ctx.moveTo(item.x + r, item.y);
        ctx.arc(item.x, item.y, r, 0, 2 * Math.PI);
      });
      ctx.fill();
      ctx.stroke();
    });
    ctx.restore();
  }
  if (large) {
    network.on("beforeDrawing", function (ctx) { drawLines(ctx); drawDiscs(ctx); });
    var nodeProto = Object.getPrototypeOf(network.body.nodes[data.nodes[0].id]);
    var drawIfSelected = function (ctx) {
      return this.selected ? nodeProto.draw.call(this, ctx) : {};
    };
    data.nodes.forEach(function (n) {
      var item = network.body.nodes[n.id];
      item.draw = drawIfSelected;
      // The box a click is tested against, as vis-network's own drawing would set it
      // (positions never change: nodes are not draggable).
      var shape = item.shape;
      shape.radius = n.size;
      shape.width = shape.height = 2 * n.size;
      shape.left = item.x - n.size;
      shape.top = item.y - n.size;
    });
  }

