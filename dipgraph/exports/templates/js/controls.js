  // ---- view state -----------------------------------------------------------
  var ui = { selected: null, path: null, cluster: null, offered: null, focus: 1, layers: Object.assign(dict(), DEFAULT_LAYERS) };
  var current = { f: null, contacts: dict(), statements: dict(), nodeHidden: dict(), edgeHidden: dict(),
    counts: dict() };

  // ---- controls -------------------------------------------------------------
  var dateFrom = $("date-from"), dateTo = $("date-to"), keepUndated = $("keep-undated");
  var countrySelect = $("country-filter"), focusSelect = $("focus-depth");
  var tableBox = $("table-view"), tableButton = $("show-table");
  var overviewBox = $("overview-toggle"), overviewScale = null, clusterCache = null;
  function checkboxes(container, items, onChange) {
    items.forEach(function (item) {
      var label = el("label");
      var box = el("input", null, { type: "checkbox", value: item.id });
      box.checked = item.checked !== false;
      if (item.disabled) { box.disabled = true; }
      box.addEventListener("change", onChange);
      label.appendChild(box);
      label.appendChild(el("span", item.label));
      container.appendChild(label);
    });
  }
  // The statuses shown unless the reader asks for more: those `talks` and `path` count
  // by default (dipgraph.facts.DEFAULT_STATUSES, carried in the page's data).
  var DEFAULT_STATUS = dict();
  data.legend.default_statuses.forEach(function (s) { DEFAULT_STATUS[s] = true; });
  function sameSet(a, b) {
    var x = Object.keys(a), y = Object.keys(b);
    return x.length === y.length && x.every(function (k) { return own(b, k); });
  }
  function everyStatusSet() {
    var every = dict();
    data.legend.statuses.forEach(function (s) { every[s] = true; });
    return every;
  }
  function everyStatus(f) { return Object.keys(f.statuses).length === data.legend.statuses.length; }
  checkboxes($("status-filter"), data.legend.statuses.map(function (s) {
    return { id: s, label: s + (DEFAULT_STATUS[s] ? " (default)" : ""), checked: Boolean(DEFAULT_STATUS[s]) };
  }), changed);
  // Tick every status's box, or the default ones only (nothing applied yet).
  function tickStatuses(every) {
    document.querySelectorAll("#status-filter input").forEach(function (box) {
      box.checked = every || Boolean(DEFAULT_STATUS[box.value]);
    });
  }
  // Show every status (the CLI's --any-status), or go back to the default: a change of
  // the status filter, as ticking its boxes. Returns whether anything changed.
  function setEveryStatus(on) {
    if (on ? everyStatus(current.f) : sameSet(current.f.statuses, DEFAULT_STATUS)) { return false; }
    tickStatuses(on);
    changed();
    return true;
  }
  var statusEvery = $("status-every");
  // One click between every status and the default ones; the note says which is shown.
  statusEvery.addEventListener("click", function () { setEveryStatus(!everyStatus(current.f)); });
  function showStatusNote(f) {
    var every = everyStatus(f);
    var others = data.legend.statuses.filter(function (s) { return !DEFAULT_STATUS[s]; });
    $("status-note").textContent = sameSet(f.statuses, DEFAULT_STATUS) ?
      "Shown by default: contacts that " + data.legend.default_statuses.join(" or ") +
        (others.length ? " (" + others.join(", ") + " ones hidden, as `talks` and `path` leave them out)" : "") + "." :
      every ? "Every status shown: each contact listed says its status." :
        "Statuses shown: " + (Object.keys(f.statuses).join(", ") || "none") + ".";
    statusEvery.textContent = every ? "Only the default statuses" : "Show every status";
    statusEvery.setAttribute("aria-pressed", String(every));
    $("path-any").checked = every;
  }
  checkboxes($("layers"), LAYERS.map(function (l) {
    return { id: l, label: LAYER_LABELS[l], checked: DEFAULT_LAYERS[l],
      disabled: l === "contacts" };
  }), changed);
  var LARGE_LAYER_NOTE = "This graph is large: one line per pair of actors who talked " +
    "(click it for their contacts); a contact with many parties is a square joined to them. " +
    "Other layers are built when first switched on: statements take a second or more.";
  if (large) {
    $("layers-note").textContent = LARGE_LAYER_NOTE;
  }
  var countriesSeen = dict();
  Object.keys(F.actors).forEach(function (a) {
    var c = F.actors[a].country;
    if (c && !countriesSeen[c]) { countriesSeen[c] = true; }
  });
  // Countries with contacts first, each with its count; those with none apart, said so.
  var countryContacts = dict(), places = dict(), sourcesUsed = dict(), typeContacts = dict();
  contactIds.forEach(function (cid) {
    var c = F.contacts[cid], seen = dict();
    typeContacts[c.type] = (typeContacts[c.type] || 0) + 1;
    c.actors.forEach(function (a) {
      var k = F.actors[a] && F.actors[a].country;
      if (k && !seen[k]) { seen[k] = true; countryContacts[k] = (countryContacts[k] || 0) + 1; }
    });
    if (placeText(c)) { places[placeText(c)] = (places[placeText(c)] || 0) + 1; }
    (c.evidence || []).forEach(function (e) { sourcesUsed[e.source] = true; });
  });
  // Each type with how many contacts have it; a type no contact has is listed last,
  // greyed out, rather than offered as a choice that shows nothing.
  var typesUsed = data.legend.contact_types.filter(function (t) { return typeContacts[t.id]; });
  var typesUnused = data.legend.contact_types.filter(function (t) { return !typeContacts[t.id]; });
  checkboxes($("type-filter"), typesUsed.concat(typesUnused).map(function (t) {
    var n = typeContacts[t.id] || 0;
    return { id: t.id, disabled: !n,
      label: t.label + (t.word !== t.label ? " (" + t.word + ")" : "") +
        (n ? " \u00b7 " + n : " \u00b7 none in these facts") };
  }), changed);
  var byName = function (a, b) { return nameOf(a).localeCompare(nameOf(b)); };
  var talked = el("optgroup", null, { label: "with contacts" });
  var silent = el("optgroup", null, { label: "no contact in these facts" });
  Object.keys(countriesSeen).sort(byName).forEach(function (c) {
    var n = countryContacts[c] || 0;
    (n ? talked : silent).appendChild(el("option", nameOf(c) + (n ? " (" + n + ")" : ""), { value: c }));
  });
  [talked, silent].forEach(function (g) { if (g.children.length) { countrySelect.appendChild(g); } });
  var secretSelect = $("secret-filter"), placeSelect = $("place-filter"), sourceSelect = $("source-filter");
  Object.keys(places).sort().forEach(function (name) {
    placeSelect.appendChild(el("option", name + " (" + places[name] + ")", { value: name }));
  });
  Object.keys(sourcesUsed).sort().forEach(function (id) {
    sourceSelect.appendChild(el("option", sourceTitle(id), { value: id }));
  });
  // The roles the facts carry, each with how many contacts have someone in it.
  var ROLES = [["party", "a party (on a side)"], ["subject", "a subject (whom it is about)"],
    ["host", "a host"], ["mediator", "a mediator"], ["initiator", "the initiator"]];
  var roleSelect = $("role-filter"), roleCounts = dict();
  contactIds.forEach(function (cid) {
    ROLES.forEach(function (r) {
      if (holders(F.contacts[cid], r[0]).length) { roleCounts[r[0]] = (roleCounts[r[0]] || 0) + 1; }
    });
  });
  ROLES.forEach(function (r) {
    if (roleCounts[r[0]]) { roleSelect.appendChild(el("option", r[1] + " (" + roleCounts[r[0]] + ")", { value: r[0] })); }
  });
  [secretSelect, placeSelect, sourceSelect, roleSelect].forEach(function (s) { s.addEventListener("change", changed); });

  function checkedSet(id) {
    var set = dict();
    document.querySelectorAll("#" + id + " input").forEach(function (box) {
      if (box.checked) { set[box.value] = true; }
    });
    return set;
  }

  var DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
  function readDate(input, end) {
    var text = input.value.trim();
    input.classList.remove("invalid");
    input.removeAttribute("aria-invalid");
    if (!text) { return { value: null }; }
    var m = DATE.exec(text);
    var year = m && Number(m[1]), month = m && m[2] ? Number(m[2]) : null;
    var day = m && m[3] ? Number(m[3]) : null;
    var lastDay = month ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 31;
    if (!m || (month !== null && (month < 1 || month > 12)) ||
        (day !== null && (day < 1 || day > lastDay))) {
      input.classList.add("invalid");
      input.setAttribute("aria-invalid", "true");
      return { error: "Cannot read \u201c" + text + "\u201d as a date: write YYYY, YYYY-MM " +
        "or YYYY-MM-DD (2022, 2022-03, 2022-03-14). The date filter ignores it until fixed." };
    }
    var mm = month || (end ? 12 : 1);
    var dd = day || (end ? new Date(Date.UTC(year, mm, 0)).getUTCDate() : 1);
    return { value: m[1] + "-" + String(mm).padStart(2, "0") + "-" + String(dd).padStart(2, "0"),
      text: text };
  }

  function readFilters() {
    var from = readDate(dateFrom, false), to = readDate(dateTo, true);
    var errors = [from.error, to.error].filter(Boolean);
    if (!errors.length && from.value && to.value && from.value > to.value) {
      errors.push("\u201cfrom\u201d " + from.text + " is after \u201cto\u201d " + to.text +
        ": no contact can match; the date filter ignores the range until fixed.");
      from = { value: null }; to = { value: null };
    }
    $("date-error").textContent = errors.join(" ");
    var layers = checkedSet("layers");
    layers.contacts = true;
    return { from: from.value || null, to: to.value || null,
      fromText: from.value ? from.text : "", toText: to.value ? to.text : "",
      undated: keepUndated.checked, types: checkedSet("type-filter"),
      statuses: checkedSet("status-filter"), country: countrySelect.value, layers: layers,
      secret: secretSelect.value, place: placeSelect.value, source: sourceSelect.value,
      role: roleSelect.value };
  }

