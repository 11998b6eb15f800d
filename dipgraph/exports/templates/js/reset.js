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
    overviewBox.checked = true;
    $("path-from").value = ""; $("path-to").value = "";
    search.value = ""; clear(searchList); searchResult.textContent = "";
    showTable(false);
    ui.path = null; pathResult.textContent = "";
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

