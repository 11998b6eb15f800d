  // Forces keep discs apart, not names: after they settle, push apart every two nodes
  // whose boxes (shape and name) overlap, a few passes, so that names can be read.
  function boxesOf(ids, margin) {
    var positions = network.getPositions(ids), boxes = {};
    ids.forEach(function (id) {
      var b = network.getBoundingBox(id), p = positions[id];
      boxes[id] = { x: p.x, y: p.y, l: b.left - p.x - margin, r: b.right - p.x + margin,
        t: b.top - p.y - margin, b: b.bottom - p.y + margin };
    });
    return boxes;
  }
  function labelOverlaps(boxes) {
    var ids = Object.keys(boxes), pairs = [];
    for (var i = 0; i < ids.length; i++) {
      for (var j = i + 1; j < ids.length; j++) {
        var a = boxes[ids[i]], b = boxes[ids[j]];
        var ox = Math.min(a.x + a.r, b.x + b.r) - Math.max(a.x + a.l, b.x + b.l);
        var oy = Math.min(a.y + a.b, b.y + b.b) - Math.max(a.y + a.t, b.y + b.t);
        if (ox > 0 && oy > 0) { pairs.push([a, b, ox, oy]); }
      }
    }
    return pairs;
  }
  function separateLabels() {
    if (large) { return 0; }
    var ids = data.nodes.filter(function (n) { return !current.nodeHidden[n.id]; })
      .map(function (n) { return n.id; });
    var boxes = boxesOf(ids, 6), pairs = [];
    for (var pass = 0; pass < 500; pass++) {
      pairs = labelOverlaps(boxes);
      if (!pairs.length) { break; }
      pairs.forEach(function (p) {
        var a = p[0], b = p[1];
        if (p[2] < p[3]) {  // push along the axis that needs the shorter move
          var dx = (p[2] / 2 + 1) * (a.x <= b.x ? -1 : 1);
          a.x += dx; b.x -= dx;
        } else {
          var dy = (p[3] / 2 + 1) * (a.y <= b.y ? -1 : 1);
          a.y += dy; b.y -= dy;
        }
      });
    }
    ids.forEach(function (id) { network.moveNode(id, boxes[id].x, boxes[id].y); });
    return pairs.length;
  }

