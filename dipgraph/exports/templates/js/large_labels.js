  // ---- labels of a large graph: only where they fit -------------------------------
  var lastLabels = null, labelWidths = dict();
  // A contact mark is named by its type and party count, an actor by its name.
  function labelOf(n) {
    if (n.kind === "statement") {
      var st = F.statements[n.fact];
      return nameOf(st.speaker) + " " + st.kind_label;
    }
    if (n.kind !== "contact") { return nameOf(n.id); }
    var c = F.contacts[n.fact];
    return c.type_label + " (" + c.sides.reduce(function (t, s) { return t + s.length; }, 0) +
      " parties)";
  }
  if (large) {
    network.on("afterDrawing", function (ctx) {
      var overview = overviewShown();
      if (overview) { drawOverview(ctx); }
      drawPathOver(ctx);
      var scale = network.getScale();
      var topLeft = network.DOMtoCanvas({ x: 0, y: 0 });
      var canvas = document.querySelector("#graph canvas");
      var bottomRight = network.DOMtoCanvas({ x: canvas.clientWidth, y: canvas.clientHeight });
      var font = 12 / scale;
      ctx.font = font + "px sans-serif";
      ctx.textBaseline = "top";
      ctx.lineJoin = "round";
      var placed = [], tried = 0;
      lastLabels = [];
      var wanted = [];
      if (ui.selected && byNode[ui.selected]) { wanted.push(byNode[ui.selected]); }
      if (ui.path) { ui.path.nodes.forEach(function (id) { wanted.push(byNode[id]); }); }
      // Zoomed out, the countries are named, and the contacts drawn over them.
      var candidates = overview ? wanted.concat(bigMarks()) : wanted.concat(degreeOrder);
      for (var i = 0; i < candidates.length && placed.length < 80 && tried < 4000; i++) {
        var n = candidates[i];
        if (current.nodeHidden[n.id] || isDimmed(n.id)) { continue; }
        var body = network.body.nodes[n.id];
        if (!body || body.x < topLeft.x || body.x > bottomRight.x || body.y < topLeft.y ||
            body.y > bottomRight.y) { continue; }
        tried++;
        var text = labelOf(n);
        // Widths measured once at 12 px: a name's width scales with the font.
        if (!own(labelWidths, n.id)) {
          ctx.font = "12px sans-serif";
          labelWidths[n.id] = ctx.measureText(text).width;
          ctx.font = font + "px sans-serif";
        }
        var width = labelWidths[n.id] / scale;
        var box = { x: body.x - width / 2, y: body.y + drawnSize(n) + 3 / scale, w: width,
          h: font * 1.2 };
        var clash = placed.some(function (b) {
          return box.x < b.x + b.w && b.x < box.x + box.w && box.y < b.y + b.h && b.y < box.y + box.h;
        });
        if (clash) { continue; }
        placed.push(box);
        lastLabels.push(n.id);
        ctx.lineWidth = 3 / scale;
        ctx.strokeStyle = "rgba(255,255,255,0.9)";
        ctx.strokeText(text, box.x, box.y);
        ctx.fillStyle = "#111111";
        ctx.fillText(text, box.x, box.y);
      }
    });
  }

