  // ---- the legend, drawn onto the PNG -------------------------------------------
  // The entries are read from the page's own #legend, so the PNG says what it says.
  var PNG_COLUMN = 240, PNG_GAP = 20, PNG_DASHES = { dashed: [6, 4], dotted: [2, 3] };
  function legendEntries() {
    var entries = [];
    $("legend").querySelectorAll("h3, .legend-item").forEach(function (node) {
      if (node.hidden || getComputedStyle(node).display === "none") { return; }
      if (node.tagName === "H3") { entries.push({ heading: node.textContent }); return; }
      entries.push({ marker: node.firstElementChild, text: node.lastElementChild.textContent });
    });
    return entries;
  }
  // How wide a marker is drawn: a box fits its words, a line or a swatch is fixed.
  function markerWidth(ctx, marker) {
    if (marker.classList.contains("line")) { return 28; }
    if (!marker.classList.contains("box")) { return 16; }
    ctx.font = pngFont(10);
    return Math.ceil(ctx.measureText(marker.textContent).width) + 8;
  }
  function drawMarker(ctx, marker, x, y) {
    var s = getComputedStyle(marker), is = function (c) { return marker.classList.contains(c); };
    ctx.save();
    ctx.setLineDash(PNG_DASHES[s.borderTopStyle] || []);
    if (is("line")) {
      ctx.strokeStyle = s.borderTopColor; ctx.lineWidth = 3;
      ctx.beginPath(); ctx.moveTo(x, y); ctx.lineTo(x + 28, y); ctx.stroke();
    } else if (is("swatch") || is("box")) {
      var w = is("box") ? markerWidth(ctx, marker) : 14;
      ctx.fillStyle = s.backgroundColor; ctx.strokeStyle = s.borderTopColor;
      ctx.lineWidth = is("box") ? 1.5 : 1;
      ctx.beginPath();
      if (is("round")) { ctx.arc(x + 7, y, 7, 0, 2 * Math.PI); } else { ctx.rect(x, y - 7, w, 14); }
      ctx.fill(); ctx.stroke();
      ctx.fillStyle = s.color; ctx.textBaseline = "middle";
      if (is("box")) { ctx.fillText(marker.textContent, x + 4, y + 1); }
    } else {
      ctx.font = pngFont(15); ctx.fillStyle = s.color; ctx.textBaseline = "middle";
      ctx.fillText(marker.textContent, x + 7 - ctx.measureText(marker.textContent).width / 2, y);
    }
    ctx.restore();
  }
  // Entries placed in as many columns as the width holds, the columns about even.
  function legendLayout(ctx, width) {
    var cols = Math.max(1, Math.floor((width - 2 * PNG_PAD + PNG_GAP) / (PNG_COLUMN + PNG_GAP)));
    var colWidth = (width - 2 * PNG_PAD - (cols - 1) * PNG_GAP) / cols;
    var entries = legendEntries(), total = 0;
    entries.forEach(function (e) {
      if (e.heading) { ctx.font = pngFont(13, true); e.lines = wrapText(ctx, e.heading, colWidth); e.height = 8 + 17 * e.lines.length; }
      else {
        e.indent = markerWidth(ctx, e.marker) + 8;
        ctx.font = pngFont(12);
        e.lines = wrapText(ctx, e.text, colWidth - e.indent);
        e.height = Math.max(20, 15 * e.lines.length + 5);
      }
      total += e.height;
    });
    // Columns break between groups when the largest group is not much taller than even.
    var target = total / cols, group = 0, largest = 0, col = 0, y = 0, bottom = 0;
    entries.forEach(function (e) { group = e.heading ? e.height : group + e.height; largest = Math.max(largest, group); });
    if (largest <= 1.5 * target) { target = largest; }
    entries.forEach(function (e, i) {
      var keep = e.heading && entries[i + 1] ? entries[i + 1].height : 0;  // a heading goes with its first entry
      var full = y + e.height + keep > target + 10;
      if (y > 0 && full && col < cols - 1) { col++; y = 0; }
      e.x = PNG_PAD + col * (colWidth + PNG_GAP); e.y = y;
      y += e.height; bottom = Math.max(bottom, y);
    });
    return { entries: entries, height: 30 + bottom + PNG_PAD };
  }
  function drawLegend(ctx, key, top, width) {
    ctx.fillStyle = "#cccccc";
    ctx.fillRect(0, top, width, 1);
    ctx.textBaseline = "top"; ctx.font = pngFont(14, true); ctx.fillStyle = "#111111";
    ctx.fillText("Legend", PNG_PAD, top + 8);
    key.entries.forEach(function (e) {
      var y = top + 30 + e.y;
      if (!e.heading) { drawMarker(ctx, e.marker, e.x, y + 10); }
      ctx.textBaseline = "top"; ctx.fillStyle = e.heading ? "#111111" : "#222222";
      ctx.font = e.heading ? pngFont(13, true) : pngFont(12);
      e.lines.forEach(function (line, n) {
        ctx.fillText(line, e.x + (e.indent || 0), y + (e.heading ? 6 : 3) + n * (e.heading ? 17 : 15));
      });
    });
  }
