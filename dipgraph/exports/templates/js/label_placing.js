  // ---- where the squeeze jams: each box set down in turn, as near its place as it fits --
  // The squeeze is all or nothing, and chaotic: one contact's name two characters
  // longer ("consultations (disputed) · secret") moved the forces' layout enough that
  // no squeeze found room, and the 1280x720 first view named no node at all. Then the
  // boxes (shape and name) are set down one by one, largest first, inside the frame
  // the needed scale allows, each at the free spot nearest its place in the forces'
  // layout (scaled to that frame), searched along a spiral. It fails only when the
  // frame has no free spot left for a box.
  var SPIRAL_STEP = 4;  // units between two spots tried
  function spiralPlaced(start, need) {
    var ids = Object.keys(start);
    if (!ids.length || need > 1) { return null; }
    var w = LAYOUT_FRAME.w / (FIT_MARGIN * need * 1.01);
    var h = LAYOUT_FRAME.h / (FIT_MARGIN * need * 1.01);
    var r = rangeOf(start), cx = (r.l + r.r) / 2, cy = (r.t + r.b) / 2;
    var frame = { l: cx - w / 2, r: cx + w / 2, t: cy - h / 2, b: cy + h / 2 };
    var sx = Math.min(1, w / (r.r - r.l)), sy = Math.min(1, h / (r.b - r.t));
    var area = function (a) { return (a.r - a.l) * (a.b - a.t); };
    var order = ids.slice().sort(function (a, b) { return area(start[b]) - area(start[a]); });
    var placed = [], out = dict(), limit = Math.sqrt(w * w + h * h);
    var clamp = function (v, lo, hi) { return lo > hi ? NaN : Math.max(lo, Math.min(hi, v)); };
    var free = function (a, x, y) {
      for (var i = 0; i < placed.length; i++) {
        var b = placed[i];
        if (Math.min(x + a.r, b.x + b.r) - Math.max(x + a.l, b.x + b.l) > 0 &&
            Math.min(y + a.b, b.y + b.b) - Math.max(y + a.t, b.y + b.t) > 0) { return false; }
      }
      return true;
    };
    for (var n = 0; n < order.length; n++) {
      var a = start[order[n]], tx = cx + (a.x - cx) * sx, ty = cy + (a.y - cy) * sy, spot = null;
      for (var turn = 0, radius = 0; radius <= limit; ) {
        var x = clamp(tx + radius * Math.cos(turn), frame.l - a.l, frame.r - a.r);
        var y = clamp(ty + radius * Math.sin(turn), frame.t - a.t, frame.b - a.b);
        if (isNaN(x) || isNaN(y)) { return null; }  // the box is larger than the frame
        if (free(a, x, y)) { spot = [x, y]; break; }
        turn += SPIRAL_STEP / Math.max(radius, SPIRAL_STEP);
        radius = SPIRAL_STEP * turn / (2 * Math.PI);
      }
      if (!spot) { return null; }
      out[order[n]] = { x: spot[0], y: spot[1], l: a.l, r: a.r, t: a.t, b: a.b };
      placed.push(out[order[n]]);
    }
    return fitScale(out) >= need ? out : null;
  }
  // ---- a name too long gives way, not every other name ----------------------------
  // Where even that finds no room (a first view), the largest name of a box (a contact's,
  // before any actor's) is shortened, first its words in brackets, then to a few words
  // and an ellipsis, and the boxes set down again, up to SHORTEN_TRIES times. A
  // shortened name keeps its full text in `shortened` (the panel says it whole) and
  // gets it back at the next layout (a wider window may have room for it).
  var SHORTEN_TRIES = 4, SHORT_CHARS = 14;
  var shortened = dict();  // id -> the full name, while a shorter one is drawn
  function shorterName(text) {
    var plain = text.replace(/\s*\([^)]*\)/g, "").replace(/\s+/g, " ").trim();
    if (plain && plain !== text) { return plain; }
    if (text.length <= SHORT_CHARS) { return null; }
    var cut = text.slice(0, SHORT_CHARS - 1), space = cut.lastIndexOf(" ");
    if (space >= SHORT_CHARS / 2) { cut = cut.slice(0, space); }
    return cut.replace(/[\s\u00b7,;:-]+$/, "") + "\u2026";
  }
  function setName(id, text) { nodes.update({ id: id, label: text }); }
  function restoreNames() {
    Object.keys(shortened).forEach(function (id) {
      if (network.body.nodes[id]) { setName(id, shortened[id]); }
    });
    shortened = dict();
  }
  // The largest name that can still be shortened, boxes' before the others'.
  function nameToShorten(ids) {
    var pick = null, pickRank = -Infinity;
    ids.forEach(function (id) {
      var item = network.body.nodes[id], text = item.options.label;
      if (!text || shorterName(String(text)) === null) { return; }
      var size = item.labelModule.size, boxed = item.options.shape === "box" ? 1e9 : 0;
      var rank = boxed + size.width * size.height;
      if (rank > pickRank) { pick = id; pickRank = rank; }
    });
    return pick;
  }
