  // ---- the name of the node under the pointer, when names are too small ----------
  // vis-network draws no name under 12 CSS px (a narrow window's first fit draws none):
  // the node under the pointer still says who or what it is, over the graph, at
  // READABLE_PX on a white ground, until the pointer leaves it.
  var hoveredNode = null;
  if (!large) {
    network.on("hoverNode", function (e) { hoveredNode = e.node; });
    network.on("blurNode", function () { hoveredNode = null; });
    network.on("afterDrawing", drawHoveredName);
  }
  function drawHoveredName(ctx) {
    var item = hoveredNode === null ? null : network.body.nodes[hoveredNode];
    if (!item || !item.options.label) { return; }
    if (nameDrawn(item)) { return; }  // vis-network draws it
    var scale = network.getScale(), px = READABLE_PX / scale, text = String(item.options.label).replace(/\s+/g, " ");
    var half = item.shape.height ? item.shape.height / 2 : item.options.size;
    ctx.save();
    ctx.font = px + "px sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    var width = ctx.measureText(text).width, pad = 3 / scale, top = item.y + half + 4 / scale;
    ctx.fillStyle = "rgba(255,255,255,0.92)";
    ctx.fillRect(item.x - width / 2 - pad, top - pad, width + 2 * pad, px + 2 * pad);
    ctx.fillStyle = "#222222";
    ctx.fillText(text, item.x, top);
    ctx.restore();
    lastHoverName = { id: hoveredNode, px: px * scale };
  }
  var lastHoverName = null;  // for tests: what drawHoveredName drew last
