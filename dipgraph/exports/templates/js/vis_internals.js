  // ---- vis-network internals --------------------------------------------------
  // A large graph bypasses vis-network's public API where it costs seconds (its
  // DataSet updates rebuild every item's options; it strokes every edge on its own).
  // These are the internals of vis-network 9.1.2 (pinned: html.py refuses another
  // version, and tests/test_html_vis.py fails if pyvis ships another one) the page
  // relies on, each checked once the network exists (visInternalsMissing):
  //   network.body.nodes[id]            the Node item of each node id; the page reads
  //                                     item.x, item.y, item.selected, item.id
  //   network.body.nodeIndices          ids of the nodes drawn (hidden ones excluded)
  //   network.body.edges[id]            the Edge item of each edge id (small graphs)
  //   item.options.hidden / .opacity    written directly, then one "_dataChanged"
  //   item.shape.radius/width/height/left/top
  //                                     the box a click is tested against; set once
  //                                     because the page draws large nodes itself
  //   item.shape.boundingBox            what network.fit({nodes}) frames (NetworkUtil
  //                                     .getRange reads it); set once for the same reason
  //   Object.getPrototypeOf(item).draw  Node.prototype.draw: a large graph's node item
  //                                     draws only when selected (drawIfSelected)
  //   item.labelModule.size {left, top, width, height}
  //                                     a small graph's name as last drawn: where
  //                                     names are pushed apart (label_spacing.js)
  //   item.options.label/.font.size/.size/.shape, item.shape.width/height
  //                                     what a small graph's names and shapes measure
  //   network.body.emitter.emit("_dataChanged" | "_requestRedraw")
  //                                     re-read items / redraw on the next frame
  //   network._updateVisibleIndices()   a large graph's hiding: body.nodeIndices re-read
  //                                     from item.options.hidden, nothing else
  //   network.canvas.frame.canvas       the canvas a large graph's fit frames for
  //   network.selectionHandler.unselectAll() then .commitWithoutEmitting()
  //                                     unselect without an immediate redraw (the
  //                                     commit clears each item's "selected" flag)
  var VIS_PINNED = "9.1.2";
  function visInternalsMissing(net) {
    var missing = [];
    var body = net.body || {};
    if (!body.nodes || typeof body.nodes !== "object") { missing.push("body.nodes"); }
    if (!Array.isArray(body.nodeIndices)) { missing.push("body.nodeIndices"); }
    if (!body.edges || typeof body.edges !== "object") { missing.push("body.edges"); }
    if (!body.emitter || typeof body.emitter.emit !== "function") { missing.push("body.emitter.emit"); }
    if (typeof net._updateVisibleIndices !== "function") { missing.push("_updateVisibleIndices"); }
    if (!net.canvas || !net.canvas.frame || !net.canvas.frame.canvas) { missing.push("canvas.frame.canvas"); }
    if (!net.selectionHandler || typeof net.selectionHandler.unselectAll !== "function") {
      missing.push("selectionHandler.unselectAll");
    }
    if (!net.selectionHandler || typeof net.selectionHandler.commitWithoutEmitting !== "function") {
      missing.push("selectionHandler.commitWithoutEmitting");
    }
    var ids = Object.keys(body.nodes || {});
    if (ids.length) {
      var item = body.nodes[ids[0]];
      ["x", "y", "id", "options", "shape"].forEach(function (k) {
        if (!(k in item)) { missing.push("Node." + k); }
      });
      if (item.shape && !item.shape.boundingBox) { missing.push("Node.shape.boundingBox"); }
      if (typeof Object.getPrototypeOf(item).draw !== "function") { missing.push("Node.prototype.draw"); }
      if (item.options && !("hidden" in item.options)) { missing.push("Node.options.hidden"); }
      if (!item.labelModule || !item.labelModule.size) { missing.push("Node.labelModule.size"); }
      if (item.options && !(item.options.font && "size" in item.options.font)) {
        missing.push("Node.options.font.size");
      }
    }
    return missing;
  }

  // vis-network keeps its items in plain objects keyed by id, and reads some before
  // writing them ("void 0 === velocities[id]"): a node "constructor" found Object's
  // own function there, got no velocity, a position of NaN, and the physics recursed
  // until the stack ran out. Before any data arrives, each such object vis-network
  // makes becomes prototype-free: the holder's property turns into an accessor that
  // strips the prototype of whatever object vis-network puts there, now or later.
  //   body.nodes, body.edges                  items by id (reset by every setData)
  //   physics.physicsBody.forces, .velocities forces and speeds by node id
  //   selectionHandler.hoverObj.nodes, .edges what the pointer is over, by id
  function keepPrototypeFree(holder, key) {
    var value = holder[key];
    function strip(v) {
      if (v && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
        Object.setPrototypeOf(v, null);
      }
      return v;
    }
    strip(value);
    Object.defineProperty(holder, key, { configurable: true, enumerable: true,
      get: function () { return value; }, set: function (v) { value = strip(v); } });
  }
  function prototypeFree(net) {
    var missing = [];
    [[net.body, ["nodes", "edges"]],
      [net.physics && net.physics.physicsBody, ["forces", "velocities"]],
      [net.selectionHandler && net.selectionHandler.hoverObj, ["nodes", "edges"]]]
      .forEach(function (spec) {
        spec[1].forEach(function (key) {
          if (!spec[0] || !spec[0][key] || typeof spec[0][key] !== "object") { missing.push(key); return; }
          keepPrototypeFree(spec[0], key);
        });
      });
    return missing;
  }
