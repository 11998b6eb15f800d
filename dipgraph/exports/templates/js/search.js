  // ---- search ---------------------------------------------------------------
  var search = $("search"), searchResult = $("search-result"), searchList = $("search-list");
  // Built once, right after the first drawing: every folded name of every actor and
  // topic, and a map from a folded name to the ids it names exactly.
  var names_ = null, exactNames = null;
  function nameIndex() {
    if (names_) { return names_; }
    names_ = [];
    exactNames = new Map();
    [[F.actors, "actor"], [F.topics, "topic"]].forEach(function (pair) {
      Object.keys(pair[0]).forEach(function (id) {
        var r = pair[0][id];
        var all = [id, r.name];
        Object.keys(r.names).forEach(function (l) { all.push(r.names[l]); });
        Object.keys(r.aliases || {}).forEach(function (l) {
          r.aliases[l].forEach(function (x) { all.push(x); });
        });
        var seen = dict();
        all.forEach(function (name) {
          var key = norm(name);
          if (!key || seen[key]) { return; }
          seen[key] = true;
          names_.push([key, id, pair[1]]);
          if (exactNames.has(key)) { exactNames.get(key).push(id); } else { exactNames.set(key, [id]); }
        });
      });
    });
    return names_;
  }
  // The ids a folded name names exactly.
  function exactly(key) {
    nameIndex();
    return exactNames.get(key) || [];
  }
  // Every actor or topic a text names: exact names first, then names containing it.
  function matches(text) {
    var key = norm(text);
    if (!key) { return []; }
    var entries = nameIndex(), found = exactly(key).slice(), seen = dict();
    found.forEach(function (id) { seen[id] = true; });
    for (var i = 0; i < entries.length; i++) {
      var entry = entries[i];
      if (!seen[entry[1]] && entry[0] !== key && entry[0].indexOf(key) !== -1) {
        seen[entry[1]] = true;
        found.push(entry[1]);
      }
    }
    return found;
  }
  function describe(id) {
    if (own(F.topics, id)) { return F.topics[id].name + " (topic)"; }
    var a = F.actors[id];
    return a.name + " (" + a.kind + (a.country && a.country !== id ? ", " + nameOf(a.country) : "") + ")";
  }
  var SEARCH_CAP = 50;
  function runSearch() {
    clear(searchList);
    var found = matches(search.value);
    if (!found.length) {
      searchResult.textContent = search.value.trim() ? "Nothing matches \u201c" + search.value.trim() + "\u201d." : "";
      return found;
    }
    var exact = exactly(norm(search.value));
    if (found.length === 1 || exact.length === 1) {
      var hit = exact.length === 1 ? exact[0] : found[0];
      searchResult.textContent = "Found: " + nameOf(hit) + (found.length > 1 ?
        " (" + (found.length - 1) + " other name" + (found.length > 2 ? "s" : "") + " contain it: listed below)" : "");
      select(hit, { focus: true });
    } else {
      searchResult.textContent = found.length + " matches for \u201c" + search.value.trim() +
        "\u201d: choose one" + (found.length > SEARCH_CAP ? " (first " + SEARCH_CAP + " listed)" : "") + ".";
      // The panel must not go on showing the previous selection beside a new choice.
      deselect();
      clear(panel);
      panel.appendChild(el("p", "Choose one of the " + found.length + " matches for \u201c" +
        search.value.trim() + "\u201d under the search box.", { "class": "muted" }));
    }
    found.slice(0, SEARCH_CAP).forEach(function (id) {
      var li = el("li");
      li.appendChild(button(describe(id), function () { select(id, { focus: true }); },
        { "data-id": id }));
      searchList.appendChild(li);
    });
    var back = el("li");
    back.appendChild(button("\u2190 Back to the whole graph", function () {
      clear(searchList); searchResult.textContent = ""; search.value = "";
      deselect(); network.fit({ animation: false });
    }, { "class": "link back" }));
    searchList.appendChild(back);
    return found;
  }
  $("search-go").addEventListener("click", runSearch);
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { runSearch(); } });

  // Datalist of names for the search and path boxes (English and Arabic).
  var datalist = $("actor-names");
  var options = document.createDocumentFragment();
  Object.keys(F.actors).forEach(function (id) {
    if (large && !byNode[id]) { return; }
    options.appendChild(el("option", null, { value: F.actors[id].name }));
    if (!large && F.actors[id].names.ar) {
      options.appendChild(el("option", null, { value: F.actors[id].names.ar }));
    }
  });
  datalist.appendChild(options);

