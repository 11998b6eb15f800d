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
    if (ui.path) { parts.push("path " + nameOf(ui.path.from) + " \u2192 " + nameOf(ui.path.to)); }
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
  // The view as a PNG blob, given to `done`: the band above the graph, the legend below.
  function viewPng(done) {
    var source = document.querySelector("#graph canvas");
    var gw = source.clientWidth, gh = source.clientHeight;
    var ratio = source.width / Math.max(1, gw), width = Math.max(gw, 560);
    var copy = document.createElement("canvas"), ctx = copy.getContext("2d");
    var band = titleBand(ctx, width), key = legendLayout(ctx, width);
    var height = band.height + gh + key.height;
    copy.width = Math.round(width * ratio); copy.height = Math.round(height * ratio);
    ctx.scale(ratio, ratio);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    drawBand(ctx, band, width);
    ctx.drawImage(source, Math.round((width - gw) / 2), band.height, gw, gh);
    if (!$("graph-empty").hidden) { drawNote(ctx, $("graph-empty").textContent, width, band.height + gh / 2); }
    drawLegend(ctx, key, band.height + gh, width);
    copy.toBlob(done, "image/png");
  }
