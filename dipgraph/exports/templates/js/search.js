  // ---- search ---------------------------------------------------------------
  var search = $("search"), searchResult = $("search-result"), searchList = $("search-list");
  var names_ = null;
  function nameIndex() {
    if (names_) { return names_; }
    names_ = [];
    [[F.actors, "actor"], [F.topics, "topic"]].forEach(function (pair) {
      Object.keys(pair[0]).forEach(function (id) {
        var r = pair[0][id];
        var all = [id, r.name];
        Object.keys(r.names).forEach(function (l) { all.push(r.names[l]); });
        Object.keys(r.aliases || {}).forEach(function (l) {
          r.aliases[l].forEach(function (x) { all.push(x); });
        });
        var seen = {};
        all.forEach(function (name) {
          var key = norm(name);
          if (key && !seen[key]) { seen[key] = true; names_.push([key, id, pair[1]]); }
        });
      });
    });
    return names_;
  }
  // Every actor or topic a text names: exact names first, then names containing it.
  function matches(text) {
    var key = norm(text);
    if (!key) { return []; }
    var exact = [], partial = [], seen = {};
    nameIndex().forEach(function (entry) {
      if (entry[0] === key) { exact.push(entry[1]); }
      else if (entry[0].indexOf(key) !== -1) { partial.push(entry[1]); }
    });
    return exact.concat(partial).filter(function (id) {
      if (seen[id]) { return false; }
      seen[id] = true;
      return true;
    });
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
    var key = norm(search.value);
    var exact = found.filter(function (id) {
      return nameIndex().some(function (e) { return e[1] === id && e[0] === key; });
    });
    if (found.length === 1 || exact.length === 1) {
      var hit = exact.length === 1 ? exact[0] : found[0];
      searchResult.textContent = "Found: " + nameOf(hit) + (found.length > 1 ?
        " (" + (found.length - 1) + " other name" + (found.length > 2 ? "s" : "") + " contain it: listed below)" : "");
      select(hit, { focus: true });
    } else {
      searchResult.textContent = found.length + " match" + " \u201c" + search.value.trim() +
        "\u201d: choose one" + (found.length > SEARCH_CAP ? " (first " + SEARCH_CAP + " listed)" : "") + ".";
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

