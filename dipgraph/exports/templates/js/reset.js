  // ---- fit, reset, layers toggle for narrow screens ---------------------------
  $("fit-all").addEventListener("click", function () {
    if (ui.cluster) { ui.cluster = null; restyle(); }
    network.fit({ animation: false });
  });
  function resetAll() {
    resetFilterControls();
    document.querySelectorAll("#layers input").forEach(function (box) {
      box.checked = Boolean(DEFAULT_LAYERS[box.value]);
    });
    focusSelect.value = "1"; ui.focus = 1;
    applyLook(DEFAULT_SIZE, "country");
    setExpanded([]);
    overviewBox.checked = true;
    $("path-from").value = ""; $("path-to").value = ""; pathTemporal.checked = false; pathAll.checked = false;
    search.value = ""; clear(searchList); searchResult.textContent = "";
    showTable(false);
    ui.path = null; stopExplaining(); pathResult.textContent = "";
    changed();
    deselect();
    network.fit({ animation: false });
  }
  $("reset-all").addEventListener("click", resetAll);
  var toggle = $("controls-toggle");
  toggle.addEventListener("click", function () {
    var open = !document.body.classList.contains("controls-open");
    document.body.classList.toggle("controls-open", open);
    toggle.setAttribute("aria-expanded", String(open));
  });
  var narrowScreen = window.matchMedia("(max-width: 760px)");
  // On a narrow screen the open controls stand above the graph, a screen or two tall:
  // once a search, a list or the table has picked something to look at, fold them and
  // bring the graph (or table) to the top, the keyboard following to the panel.
  function showOnNarrow() {
    if (!narrowScreen.matches || !document.body.classList.contains("controls-open")) { return; }
    document.body.classList.remove("controls-open");
    toggle.setAttribute("aria-expanded", "false");
    if ($("controls").contains(document.activeElement)) { panel.focus({ preventScroll: true }); }
    $("main").scrollIntoView({ block: "start" });
  }

