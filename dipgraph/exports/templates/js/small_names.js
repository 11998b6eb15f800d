  // ---- names the page draws when vis-network's would be too small (small graphs) ---
  // vis-network draws no name under 12 CSS px (a narrow window's first fit, the
  // statements layer). The page then names, at READABLE_PX on a white ground, the node
  // under the pointer, and the best-linked actors and topics, then contacts (the
  // selection and the path first; nothing the focus dims) wherever a name overlaps no
  // other name and no other shape. A contact's word is written over its box.
  var hoveredNode = null, pageNames = { hovered: null, placed: [] };
  if (!large) {
    network.on("hoverNode", function (e) { hoveredNode = e.node; });
    network.on("blurNode", function () { hoveredNode = null; });
    network.on("afterDrawing", drawSmallNames);
  }
  function shapeBox(id) {
    var item = network.body.nodes[id];
    var hw = item.shape.width ? item.shape.width / 2 : item.options.size;
    var hh = item.shape.height ? item.shape.height / 2 : item.options.size;
    if (item.options.shape !== "box") { hw = hh = item.options.size; }
    return { l: item.x - hw, r: item.x + hw, t: item.y - hh, b: item.y + hh };
  }
  function boxesMeet(a, b) { return a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b; }
  function nameBoxFor(ctx, id, scale) {
    var item = network.body.nodes[id], px = READABLE_PX / scale, pad = 2 / scale;
    var text = String(item.options.label).replace(/\s+/g, " ");
    var width = ctx.measureText(text).width, shape = shapeBox(id);
    var top = item.options.shape === "box" ? item.y - px * 0.6 : shape.b + 3 / scale;
    return { id: id, text: text, x: item.x, l: item.x - width / 2 - pad, r: item.x + width / 2 + pad,
      t: top - pad, b: top + px * 1.2 + pad, top: top };
  }
  function paintName(ctx, box) {
    ctx.fillStyle = "rgba(255,255,255,0.85)";
    ctx.fillRect(box.l, box.t, box.r - box.l, box.b - box.t);
    ctx.fillStyle = "#222222";
    ctx.fillText(box.text, box.x, box.top);
  }
  function drawSmallNames(ctx) {
    pageNames = { hovered: null, placed: [] };
    var any = network.body.nodes[network.body.nodeIndices[0]];
    if (!any || nameDrawn(any)) { return; }  // vis-network draws every name itself
    var scale = network.getScale(), ids = network.body.nodeIndices;
    ctx.save();
    ctx.font = READABLE_PX / scale + "px sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    var shapes = ids.map(shapeBox), placed = [];
    var view = { l: network.DOMtoCanvas({ x: 0, y: 0 }).x, t: network.DOMtoCanvas({ x: 0, y: 0 }).y };
    var corner = network.DOMtoCanvas({ x: network.canvas.frame.canvas.clientWidth,
      y: network.canvas.frame.canvas.clientHeight });
    view.r = corner.x; view.b = corner.y;
    var links = shownAdjacency(), first = [];
    if (ui.selected && byNode[ui.selected]) { first.push(ui.selected); }
    if (ui.path) { first = first.concat(ui.path.nodes); }
    var focus = focusNear(), near = focus ? focus.nodes : dict();
    var rank = function (id) {  // actors and topics, then contacts, each by lines
      var n = byNode[id], boxed = n.kind === "contact" || n.kind === "statement";
      return (boxed ? 1000 : 0) - Math.min(999, (links[id] || []).length);
    };
    var ranked = ids.filter(function (id) { return byNode[id] && first.indexOf(id) === -1; })
      .sort(function (a, b) { return rank(a) - rank(b); });
    first.concat(ranked).slice(0, 200).forEach(function (id) {
      if (!network.body.nodes[id] || !network.body.nodes[id].options.label ||
          (focus && !near[id]) || current.nodeHidden[id]) { return; }  // dimmed: unnamed
      var box = nameBoxFor(ctx, id, scale);
      if (box.l < view.l || box.r > view.r || box.t < view.t || box.b > view.b) { return; }
      if (placed.some(function (p) { return boxesMeet(p, box); }) ||
          shapes.some(function (s, i) { return ids[i] !== id && boxesMeet(s, box); })) { return; }
      placed.push(box);
      paintName(ctx, box);
    });
    var item = hoveredNode === null ? null : network.body.nodes[hoveredNode];
    if (item && item.options.label && !placed.some(function (p) { return p.id === hoveredNode; })) {
      var hovered = nameBoxFor(ctx, hoveredNode, scale);
      paintName(ctx, hovered);
      pageNames.hovered = { id: hoveredNode, px: READABLE_PX };
    }
    ctx.restore();
    pageNames.placed = placed.map(function (p) {
      var a = network.canvasToDOM({ x: p.l, y: p.t }), b = network.canvasToDOM({ x: p.r, y: p.b });
      return { id: p.id, px: READABLE_PX, box: { l: a.x, t: a.y, r: b.x, b: b.y } };
    });
  }
