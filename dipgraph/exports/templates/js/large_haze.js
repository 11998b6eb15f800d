  // ---- a large graph's lines as a haze: fewer pixels where they cannot be told apart ----
  // Tens of thousands of lines across the view are a haze whose cost is their length
  // in pixels: at a searched actor's zoom at 10k, ~24,000 lines of ~440 px each crossed
  // every pixel ~15 times, and the software rasteriser took 90-200 ms a frame to stroke
  // them. Past HAZE_PX of line on screen they are stroked onto a canvas of their own at
  // a resolution that keeps them near HAZE_PX (down to HAZE_SCALE of the screen's),
  // into its top left corner, then laid over the graph at full size: the same ink over
  // fewer pixels. The marked lines (a selection, a path) and the discs stay at full
  // resolution. The canvas is the graph's size, made once and used once right after
  // ready: making it on the first search that needed it cost that search ~150 ms.
  var HAZE_PX = 2.5e6, HAZE_SCALE = 0.4, hazeCanvas = null;
  // Where a frame strokes its lines: the graph's own context, or the haze canvas's
  // corner cleared and given the graph's transform at resolution k.
  function lineContext(ctx, k) {
    if (k >= 1) { return ctx; }
    hazeCanvas = hazeCanvas || document.createElement("canvas");
    if (hazeCanvas.width !== ctx.canvas.width || hazeCanvas.height !== ctx.canvas.height) {
      hazeCanvas.width = ctx.canvas.width; hazeCanvas.height = ctx.canvas.height;
    }
    var haze = hazeCanvas.getContext("2d"), m = ctx.getTransform();
    haze.setTransform(1, 0, 0, 1, 0, 0);
    haze.clearRect(0, 0, Math.ceil(ctx.canvas.width * k) + 1, Math.ceil(ctx.canvas.height * k) + 1);
    haze.setTransform(m.a * k, m.b * k, m.c * k, m.d * k, m.e * k, m.f * k);
    return haze;
  }
  // Lays the corner of the haze canvas drawn at resolution k over the whole graph.
  function layHaze(ctx, k) {
    var view = ctx.getTransform(), w = ctx.canvas.width, h = ctx.canvas.height;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(hazeCanvas, 0, 0, w * k, h * k, 0, 0, w, h);
    ctx.setTransform(view);
  }
  // The haze canvas made and drawn once, off screen, while nobody waits.
  if (large) {
    network.once("afterDrawing", function () {
      setTimeout(function () {
        var scratch = document.createElement("canvas").getContext("2d");
        var haze = lineContext(network.canvas.frame.canvas.getContext("2d"), HAZE_SCALE);
        haze.beginPath(); haze.moveTo(0, 0); haze.lineTo(1, 1); haze.stroke();
        scratch.drawImage(hazeCanvas, 0, 0);
      }, 0);
    });
  }
