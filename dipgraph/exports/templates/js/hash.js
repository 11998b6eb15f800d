  // ---- the view in the URL fragment ---------------------------------------------
  function hashParams() {
    var text = location.hash.replace(/^#/, "");
    try { return new URLSearchParams(text); } catch { return new URLSearchParams(); }
  }
  function listParam(params, key, all) {
    if (!params.has(key)) { return null; }
    var set = dict();
    params.get(key).split(",").forEach(function (v) { if (all.indexOf(v) !== -1) { set[v] = true; } });
    return set;
  }
  function setBoxes(id, set) {
    document.querySelectorAll("#" + id + " input").forEach(function (box) {
      if (!box.disabled) { box.checked = Boolean(set[box.value]); }
    });
  }
  // Fill the controls from the fragment, then read them back: the controls are the truth.
  function readFiltersFromHash() {
    var p = hashParams();
    // What the fragment leaves out is the default, not what the last link set.
    resetFilterControls();
    setBoxes("layers", DEFAULT_LAYERS);
    focusSelect.value = "1"; ui.focus = 1;
    if (p.has("from")) { dateFrom.value = p.get("from"); }
    if (p.has("to")) { dateTo.value = p.get("to"); }
    keepUndated.checked = p.get("undated") === "1";
    var types = listParam(p, "types", data.legend.contact_types.map(function (t) { return t.id; }));
    if (types) { setBoxes("type-filter", types); }
    // No status in the link: the default ones; an older link's path "any=1": every one.
    var statuses = listParam(p, "status", data.legend.statuses);
    if (!statuses && p.get("any") === "1") { statuses = Object.assign(dict(), everyStatusSet()); }
    if (statuses) { setBoxes("status-filter", statuses); }
    if (p.has("country") && own(countriesSeen, p.get("country"))) { countrySelect.value = p.get("country"); }
    if (p.has("role") && own(roleCounts, p.get("role"))) { roleSelect.value = p.get("role"); }
    if (p.get("secret") === "1" || p.get("secret") === "0") { secretSelect.value = p.get("secret"); }
    if (p.has("place") && own(places, p.get("place"))) { placeSelect.value = p.get("place"); }
    if (p.has("source") && own(sourcesUsed, p.get("source"))) { sourceSelect.value = p.get("source"); }
    var layers = listParam(p, "layers", LAYERS);
    if (layers) { setBoxes("layers", layers); }
    applyLook(p.get("size") || DEFAULT_SIZE, p.get("colour") || "country");
    setExpanded(p.has("expand") ? p.get("expand").split(",") : []);
    overviewBox.checked = p.get("overview") !== "0";
    if (p.has("focus") && /^[012]$/.test(p.get("focus"))) {
      focusSelect.value = p.get("focus"); ui.focus = Number(p.get("focus"));
    }
    var f = readFilters();
    ui.layers = f.layers;
    return f;
  }
  // What the fragment selects, replacing what was selected: a pasted link or the back
  // button shows that link's selection, path and view, not the old one's.
  function applyHashSelection() {
    var p = hashParams(), ends = p.has("path") ? p.get("path").split("~") : [];
    if (ends.length === 2) {
      $("path-from").value = nameOf(ends[0]); $("path-to").value = nameOf(ends[1]);
      path(ends[0], ends[1], null, { temporal: p.get("temporal") === "1", all: p.get("all") === "1" });
    } else if (ui.path) {
      $("path-from").value = ""; $("path-to").value = ""; clearPath();
    }
    if (p.has("sel")) {
      if (!select(p.get("sel"), { focus: true }) && ui.selected) { deselect(); }
    } else if (ui.selected && !ui.path) { deselect(); }
    if ((p.get("view") === "table") !== tableShown()) { showTable(p.get("view") === "table"); }
  }
  // Each change of view is one entry of the browser's history (the back button walks
  // views), written once the change is done: a path clears the old one first, and that
  // step is no view of its own. While a fragment is being applied, nothing is written.
  var writing = false, hashPending = false;
  function viewHash() {
    var f = current.f, p = new URLSearchParams();
    if (ui.selected) { p.set("sel", ui.selected); }
    if (ui.path) { p.set("path", ui.path.from + "~" + ui.path.to); }
    if (ui.path && ui.path.temporal) { p.set("temporal", "1"); }
    if (ui.path && ui.path.all) { p.set("all", "1"); }
    if (f.fromText) { p.set("from", f.fromText); }
    if (f.toText) { p.set("to", f.toText); }
    if (f.undated) { p.set("undated", "1"); }
    var types = Object.keys(f.types);
    if (types.length !== data.legend.contact_types.length) { p.set("types", types.join(",")); }
    var statuses = data.legend.statuses.filter(function (s) { return f.statuses[s]; });
    if (!sameSet(f.statuses, DEFAULT_STATUS)) { p.set("status", statuses.join(",")); }
    if (f.country) { p.set("country", f.country); }
    if (f.role) { p.set("role", f.role); }
    if (ui.expanded.length) { p.set("expand", ui.expanded.join(",")); }
    if (f.secret) { p.set("secret", f.secret); }
    if (f.place) { p.set("place", f.place); }
    if (f.source) { p.set("source", f.source); }
    var layers = LAYERS.filter(function (l) { return f.layers[l]; });
    if (layers.join(",") !== "contacts") { p.set("layers", layers.join(",")); }
    if (ui.focus !== 1) { p.set("focus", String(ui.focus)); }
    if (look.size !== DEFAULT_SIZE) { p.set("size", look.size); }
    if (look.colour !== "country") { p.set("colour", look.colour); }
    if (large && !overviewBox.checked) { p.set("overview", "0"); }
    if (tableShown()) { p.set("view", "table"); }
    return p.toString();
  }
  function flushHash() {
    hashPending = false;
    if (writing) { return; }
    var text = viewHash();
    if (text === location.hash.replace(/^#/, "")) { return; }
    history.pushState(null, "", text ? "#" + text : location.pathname + location.search);
  }
  function writeHash() {
    if (!status || !status.ready || writing || hashPending) { return; }
    hashPending = true;
    queueMicrotask(flushHash);
  }
  // The fragment applied in full (filters, layers, then selection and path), and
  // written back as the page reads it, in place (no new history entry).
  function applyHash() {
    writing = true;
    try {
      readFiltersFromHash();
      changed();
      applyHashSelection();
    } finally {
      writing = false;
    }
    var text = viewHash();
    history.replaceState(null, "", text ? "#" + text : location.pathname + location.search);
  }
  window.addEventListener("hashchange", applyHash);
