  // ---- the empty panel: how to read the graph, and the path tool ---------------
  // With nothing selected, the panel borrows two parts of the controls, the path tool
  // and the legend, so that the first screen shows them (each stays one element: the
  // PNG's legend is read from #legend); a path's narration keeps the tool above it.
  // clear() (helpers.js) puts a borrowed part back in the controls first.
  var PANEL_HINT = "Click an actor, a topic or a contact to see its facts and evidence.";
  var pathTool = $("path-tool"), legendPart = $("legend");
  [pathTool, legendPart].forEach(function (node) {
    borrowed.push({ node: node, home: node.parentNode, before: node.nextElementSibling });
  });
  // Under the graph (middle widths, graph.css) the strip holds the legend alone, in
  // columns: with the path tool it needed three times its height and scrolled.
  var stripPanel = window.matchMedia("(min-width: 761px) and (max-width: 1099px)");
  function showOrientation() {
    clear(panel);
    panel.appendChild(el("p", PANEL_HINT, { "class": "muted panel-hint" }));
    if (!pathTool) { return; }  // the page is still starting: below
    if (!stripPanel.matches) { moveKeepingFocus(pathTool, panel); }
    moveKeepingFocus(legendPart, panel);
  }
  stripPanel.addEventListener("change", function () {
    if (panel.firstChild && panel.firstChild.classList.contains("panel-hint")) { showOrientation(); }
  });
  function lendPathTool() { moveKeepingFocus(pathTool, panel, panel.firstChild); }
  if (!panel.firstChild || panel.firstChild.classList.contains("panel-hint")) { showOrientation(); }
