  // ---- a large graph's fit ---------------------------------------------------
  // A large graph's fit frames the boxes adoptItems set, without vis-network's
  // "_resizeNodes" first: that measures all 10,000 nodes again (~25 ms, 50+ under load,
  // each fit) and changes none of their boxes (no labels of vis-network's, positions
  // fixed). The same arithmetic as Network.fit (vis-network 9.1.2, View.fit).
  // The box of every drawn node is kept while vis-network's nodeIndices (a new array
  // each time the hiding changes) and the nodes' boxes (adoptItems) stay the same: a
  // reset fitted the same 10,000 nodes twice in one task.
  var framedBox = null;
  function fitLarge(options) {
    options = options || {};
    var given = options.nodes && options.nodes.length;
    var ids = given ? options.nodes : network.body.nodeIndices;
    var canvas = network.canvas.frame.canvas, w = canvas.clientWidth, h = canvas.clientHeight;
    var minX = 1e9, maxX = -1e9, minY = 1e9, maxY = -1e9;
    if (!given && framedBox && framedBox.ids === ids && framedBox.epoch === boxEpoch) {
      minX = framedBox.box[0]; maxX = framedBox.box[1]; minY = framedBox.box[2]; maxY = framedBox.box[3];
      ids = [];
    }
    ids.forEach(function (id) {
      var item = network.body.nodes[id];
      if (!item) { return; }
      var box = item.shape.boundingBox;
      if (box.left < minX) { minX = box.left; }
      if (box.right > maxX) { maxX = box.right; }
      if (box.top < minY) { minY = box.top; }
      if (box.bottom > maxY) { maxY = box.bottom; }
    });
    if (minX === 1e9 && maxX === -1e9 && minY === 1e9 && maxY === -1e9) { minX = maxX = minY = maxY = 0; }
    if (!given) { framedBox = { ids: network.body.nodeIndices, epoch: boxEpoch, box: [minX, maxX, minY, maxY] }; }
    var most = options.maxZoomLevel !== undefined ? options.maxZoomLevel : 1;
    var least = options.minZoomLevel !== undefined ? options.minZoomLevel : Number.MIN_VALUE;
    var scale = 1;
    if (w && h) {
      var across = w / (1.1 * Math.abs(maxX - minX)), down = h / (1.1 * Math.abs(maxY - minY));
      scale = across <= down ? across : down;
    }
    if (scale > most) { scale = most; } else if (scale < least) { scale = least; }
    network.moveTo({ position: { x: 0.5 * (maxX + minX), y: 0.5 * (maxY + minY) }, scale: scale,
      animation: options.animation });
  }
  if (large) { network.fit = fitLarge; }
