  // ---- the PNG of the view: a title band, the graph, the legend -------------------
  // A PNG pasted into a report must say what it shows: the page's title, the filters
  // in effect, the day it was made, and what the colours and shapes mean.
  var PNG_PAD = 16;
  function pngFont(size, bold) {
    return (bold ? "bold " : "") + size + "px " + getComputedStyle(document.body).fontFamily;
  }
  // `text` in lines no wider than `width`, broken between words (a longer word is cut).
  function wrapText(ctx, text, width) {
    var lines = [], line = "";
    String(text).split(/\s+/).filter(Boolean).forEach(function (word) {
      var next = line ? line + " " + word : word;
      if (ctx.measureText(next).width <= width) { line = next; return; }
      if (line) { lines.push(line); }
      while (word.length > 1 && ctx.measureText(word).width > width) {
        var n = word.length - 1;
        while (n > 1 && ctx.measureText(word.slice(0, n)).width > width) { n--; }
        lines.push(word.slice(0, n)); word = word.slice(n);
      }
      line = word;
    });
    if (line) { lines.push(line); }
    return lines;
  }
  // The filters, path and selection of the view, in words.
  function viewSummary() {
    var f = current.f, parts = [];
    function subset(all, set, label, name) {
      var kept = all.filter(function (x) { return set[x.id || x]; });
      if (kept.length !== all.length) { parts.push(label + ": " + (kept.map(name).join(", ") || "none")); }
    }
    if (f.fromText || f.toText) {
      parts.push("dates " + dateRange(f) + (f.undated ? " (and undated)" : ""));
    }
    subset(data.legend.contact_types, f.types, "types", function (t) { return t.label; });
    subset(data.legend.statuses, f.statuses, "status", String);
    if (f.country) { parts.push("country: " + nameOf(f.country)); }
    if (f.role) { parts.push(roleWords(f)); }
    var layers = LAYERS.filter(function (l) { return l !== "contacts" && f.layers[l]; });
    if (layers.length) { parts.push("also " + layers.map(function (l) { return LAYER_LABELS[l]; }).join(", ")); }
    if (ui.path) {
      parts.push((ui.path.all ? "every path " : "path ") + nameOf(ui.path.from) + " \u2192 " +
        nameOf(ui.path.to) + (ui.path.temporal ? " in date order" : ""));
    }
    if (ui.selected && (own(F.actors, ui.selected) || own(F.topics, ui.selected))) {
      parts.push("selected: " + nameOf(ui.selected));
    }
    return parts.length ? "Filters: " + parts.join("; ") : "No filter: every contact";
  }
  // The band's lines, each [text, font, colour], wrapped to `width`.
  function titleBand(ctx, width) {
    var now = new Date().toISOString();
    var rows = [[$("counts").textContent + " \u00b7 " + viewSummary(), pngFont(13), "#333333"],
      ["exported " + now.slice(0, 10) + " " + now.slice(11, 16) + " UTC", pngFont(12), "#555555"]];
    rows.unshift([document.querySelector("h1").textContent, pngFont(20, true), "#111111"]);
    var lines = [];
    rows.forEach(function (row) {
      ctx.font = row[1];
      var size = parseInt(row[1].replace("bold ", ""), 10);
      wrapText(ctx, row[0], width - 2 * PNG_PAD).forEach(function (text) {
        lines.push({ text: text, font: row[1], colour: row[2], height: Math.round(size * 1.35) });
      });
    });
    var height = PNG_PAD + lines.reduce(function (h, l) { return h + l.height; }, 0) + PNG_PAD / 2;
    return { lines: lines, height: height };
  }
  function drawBand(ctx, band, width) {
    var y = PNG_PAD;
    ctx.textBaseline = "top";
    band.lines.forEach(function (l) {
      ctx.font = l.font; ctx.fillStyle = l.colour;
      ctx.fillText(l.text, PNG_PAD, y);
      y += l.height;
    });
    ctx.fillStyle = "#cccccc";
    ctx.fillRect(0, band.height - 1, width, 1);
  }
  // The page's note on an empty graph is not on the canvas: it is written into the PNG.
  function drawNote(ctx, text, width, middle) {
    ctx.font = pngFont(14); ctx.fillStyle = "#222222"; ctx.textBaseline = "top";
    var lines = wrapText(ctx, text, width * 0.7);
    lines.forEach(function (line, n) {
      ctx.fillText(line, (width - ctx.measureText(line).width) / 2, middle + (n - lines.length / 2) * 19);
    });
  }
  // ---- the whole graph, drawn at 2x -----------------------------------------------
  // Not a crop of the screen: the network's canvas is made, for one synchronous task
  // (nothing is painted meanwhile), as large as the whole graph's box at scale 1 (every
  // name at its own size) and twice as dense, drawn there, copied, and put back.
  var PNG_RATIO = 2, PNG_MAX_SIDE = 6000, PNG_MARGIN = 20;  // 6000 px: 36 Mpx, 144 MB
  // The box (canvas units) of every node drawn, with its name.
  function drawnBox() {
    var box = null;
    data.nodes.forEach(function (n) {
      if (current.nodeHidden[n.id] || !network.body.nodes[n.id]) { return; }
      var b = network.getBoundingBox(n.id);
      if (!b) { return; }
      box = box ? { left: Math.min(box.left, b.left), top: Math.min(box.top, b.top),
        right: Math.max(box.right, b.right), bottom: Math.max(box.bottom, b.bottom) } : b;
    });
    return box;
  }
  // Draws the graph on its own canvas at `scale`, `ratio` pixels a CSS px; returns
  // {canvas, width, height} (CSS px), the canvas a copy, the network put back as it was.
  function wholeGraph(maxSide) {
    var canvas = network.canvas, frame = canvas.frame, options = canvas.options;
    var saved = { width: options.width, height: options.height, position: network.getViewPosition(),
      scale: network.getScale() };
    var box = drawnBox(), copy = document.createElement("canvas");
    if (!box) { return null; }
    var fit = null;
    canvas._determinePixelRatio = function () { return PNG_RATIO; };
    try {
      // Twice: names not drawn at the old scale are measured at the first drawing.
      for (var pass = 0; pass < 2; pass++) {
        var w = box.right - box.left, h = box.bottom - box.top;
        var scale = Math.min(1, (maxSide / PNG_RATIO - 2 * PNG_MARGIN) / Math.max(w, h, 1));
        fit = { box: box, scale: scale, width: Math.ceil(w * scale) + 2 * PNG_MARGIN,
          height: Math.ceil(h * scale) + 2 * PNG_MARGIN };
        network.setSize(fit.width + "px", fit.height + "px");
        network.moveTo({ position: { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 },
          scale: scale, animation: false });
        network.redraw();
        box = drawnBox();
      }
      copy.width = frame.canvas.width; copy.height = frame.canvas.height;
      copy.getContext("2d").drawImage(frame.canvas, 0, 0);
    } finally {
      delete canvas._determinePixelRatio;
      network.setSize(saved.width, saved.height);
      network.moveTo({ position: saved.position, scale: saved.scale, animation: false });
      network.redraw();
    }
    return { canvas: copy, width: fit.width, height: fit.height, scale: fit.scale, box: fit.box };
  }
  // Under the legend: where the data comes from, when the page was built, how many sources.
  function pngSourceLine() {
    var d = data.legend.dataset || dict(), bits = [d.title || document.querySelector("h1").textContent];
    if (d.publisher) { bits[0] += " (" + d.publisher + ")"; }
    if (d.built) { bits.push("built " + d.built); }
    if (typeof d.sources === "number") { bits.push(d.sources + " source" + (d.sources === 1 ? "" : "s") + " quoted"); }
    if (d.licence) { bits.push("licence " + d.licence); }
    return "Source: " + bits.join(" \u00b7 ");
  }
  // The whole graph as a PNG blob, given to `done`: the title band above, the legend
  // and the source line below. `maxSide` bounds the image's longer side (pixels).
  function viewPng(done, maxSide) {
    var graph = wholeGraph(maxSide || PNG_MAX_SIDE);
    var gw = graph ? graph.width : 560, gh = graph ? graph.height : 200;
    var width = Math.max(gw, 560), ratio = PNG_RATIO;
    var copy = document.createElement("canvas"), ctx = copy.getContext("2d");
    var band = titleBand(ctx, width), key = legendLayout(ctx, width);
    ctx.font = pngFont(12);
    var source = wrapText(ctx, pngSourceLine(), width - 2 * PNG_PAD), sourceHeight = 16 * source.length + PNG_PAD;
    var height = band.height + gh + key.height + sourceHeight;
    copy.width = Math.round(width * ratio); copy.height = Math.round(height * ratio);
    ctx.scale(ratio, ratio);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    drawBand(ctx, band, width);
    var left = Math.round((width - gw) / 2);
    if (graph) { ctx.drawImage(graph.canvas, left, band.height, gw, gh); }
    if (!$("graph-empty").hidden) { drawNote(ctx, $("graph-empty").textContent, width, band.height + gh / 2); }
    drawLegend(ctx, key, band.height + gh, width);
    ctx.textBaseline = "top"; ctx.font = pngFont(12); ctx.fillStyle = "#333333";
    source.forEach(function (line, n) { ctx.fillText(line, PNG_PAD, band.height + gh + key.height + n * 16); });
    status.png = { width: copy.width, height: copy.height, ratio: ratio,
      graph: { left: left * ratio, top: band.height * ratio, width: gw * ratio, height: gh * ratio },
      box: graph ? graph.box : null, scale: graph ? graph.scale : null, source: source.join(" ") };
    copy.toBlob(done, "image/png");
  }
