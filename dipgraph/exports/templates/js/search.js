  // ---- search ---------------------------------------------------------------
  var search = $("search"), searchResult = $("search-result"), searchList = $("search-list");
  // Built right after the first drawing, in slices of the browser's idle time (30,000
  // names folded in one go held a large page ~0.3 s after it was ready), finished at
  // once if a search comes first: every folded name of every actor and topic, and a
  // map from a folded name to the ids it names exactly.
  var names_ = [], exactNames = new Map(), nameSources = null, namesBuilt = 0;
  function indexNamesOf(id, kind) {
    var r = kind === "actor" ? F.actors[id] : F.topics[id];
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
      names_.push([key, id, kind]);
      if (exactNames.has(key)) { exactNames.get(key).push(id); } else {
        exactNames.set(key, [id]);
        indexLetters(key);
      }
    });
  }
  // Folds names while more() says so; true once every name is in.
  function buildNames(more) {
    if (!nameSources) {
      nameSources = Object.keys(F.actors).map(function (id) { return [id, "actor"]; })
        .concat(Object.keys(F.topics).map(function (id) { return [id, "topic"]; }));
    }
    for (; namesBuilt < nameSources.length && more(); namesBuilt++) {
      indexNamesOf(nameSources[namesBuilt][0], nameSources[namesBuilt][1]);
    }
    return namesBuilt === nameSources.length;
  }
  function nameIndex() {
    buildNames(function () { return true; });
    return names_;
  }
  // Runs build(more) in slices of a few milliseconds until it says it is done, then
  // done(): as background tasks where the browser has them (any input or frame goes
  // first; idle callbacks came one an idle period, ~50 ms apart), else in idle time. A
  // slice ends at once when input waits: slices of 15 ms made a keystroke typed at 10k
  // wait one or two of them before its frame (a load's median 60 ms under load).
  var scheduling = navigator.scheduling, background = window.scheduler && window.scheduler.postTask;
  function inputWaits() {
    return Boolean(scheduling && scheduling.isInputPending && scheduling.isInputPending());
  }
  function inIdleSlices(build, done) {
    function slice(deadline) {
      var started = performance.now(), asked = 0;
      var more = function () {  // input asked after every 8 items (a name is a few µs)
        if (deadline.timeRemaining() <= 1 || performance.now() - started >= 6) { return false; }
        return ++asked % 8 !== 0 || !inputWaits();
      };
      if (build(more)) { done(); } else { inIdleSlices(build, done); }
    }
    var always = { timeRemaining: function () { return 6; } };
    if (background) {
      window.scheduler.postTask(function () { slice(always); }, { priority: "background" });
    } else if (window.requestIdleCallback) {
      window.requestIdleCallback(slice);
    } else {
      setTimeout(function () { slice(always); }, 50);
    }
  }
  // The ids a folded name names exactly.
  function exactly(key) {
    nameIndex();
    return exactNames.get(key) || [];
  }
  var joinedNames = null;
  function namesJoined() {
    var entries = nameIndex();
    if (!joinedNames || joinedNames.count !== entries.length) {
      joinedNames = joinedTexts(entries.map(function (e) { return e[0]; }));
    }
    return joinedNames;
  }
  // Every actor or topic a text names: exact names first, then by how well a name
  // holds its words (wordTier, as `dipgraph actors TEXT` ranks them). found.tiers[id]
  // is the id's tier (-1 for an exact name).
  function matches(text) {
    var key = norm(text), words = key.split(" ").filter(Boolean);
    var found = [];
    found.tiers = dict();
    if (!key) { return found; }
    var entries = nameIndex(), tiers = found.tiers, ranked = [];
    var lines = candidateLines(namesJoined(), words);
    exactly(key).forEach(function (id) { if (!own(tiers, id)) { tiers[id] = -1; found.push(id); } });
    for (var l = 0; l < lines.length; l++) {
      var entry = entries[lines[l]];
      if (tiers[entry[1]] === -1) { continue; }
      var tier = wordTier(words, entry[0]);
      if (tier === null) { continue; }
      if (!own(tiers, entry[1])) { ranked.push(entry[1]); tiers[entry[1]] = tier; }
      else if (tier < tiers[entry[1]]) { tiers[entry[1]] = tier; }
    }
    ranked.forEach(function (id, i) { ranked[i] = [tiers[id], i, id]; });
    ranked.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    ranked.forEach(function (r) { found.push(r[2]); });
    return found;
  }
  function describe(id) {
    if (own(F.topics, id)) { return F.topics[id].name + " (topic)"; }
    var a = F.actors[id];
    return a.name + " (" + a.kind + (a.country && a.country !== id ? ", " + nameOf(a.country) : "") + ")";
  }
  // ---- contacts by their words: summary, quotes, place, topics, type, status -----
  // Folded once, in slices after the first drawing (a large graph's 30,000 contacts
  // would hold the page for a second in one go), finished at once if a search comes first.
  var contactTexts = new Map(), textsBuilt = 0;
  function foldedContact(cid) {
    // "secret" finds the contacts reported as secret, as their rows and panel say.
    var c = F.contacts[cid], parts = [c.summary, c.type_label, c.status, c.secret ? "secret" : ""];
    (c.evidence || []).forEach(function (e) { parts.push(e.quote); });
    if (c.place) { Object.keys(c.place).forEach(function (l) { parts.push(c.place[l]); }); }
    c.topics.forEach(function (t) {
      var r = F.topics[t];
      if (!r) { return; }
      Object.keys(r.names).forEach(function (l) { parts.push(r.names[l]); });
      Object.keys(r.aliases || dict()).forEach(function (l) { parts = parts.concat(r.aliases[l]); });
    });
    return norm(parts.filter(Boolean).join(" \u2029 "));
  }
  function buildContactTexts(more) {
    for (; textsBuilt < contactIds.length && more(); textsBuilt++) {
      contactTexts.set(contactIds[textsBuilt], foldedContact(contactIds[textsBuilt]));
    }
    return textsBuilt === contactIds.length;
  }
  // In the browser's idle time, a few milliseconds at a time: a keystroke never waits
  // for a slice (slices of 500 contacts held the page ~0.4 s at 10k).
  function buildContactTextsLater() {
    inIdleSlices(buildContactTexts, function () {
      setTimeout(function () { contactsJoined(); status.textsMs = performance.now(); }, 0);
    });
  }
  var joinedContacts = null;
  function contactsJoined() {
    buildContactTexts(function () { return true; });
    if (!joinedContacts) {
      joinedContacts = joinedTexts(contactIds.map(function (cid) { return contactTexts.get(cid); }));
    }
    return joinedContacts;
  }
  // Contacts whose words hold every word of the text, best matched first (wordTier:
  // "secret" puts the contacts reported secret before a quote's "Secretary"): those
  // shown, grouped by tier (by date in each once listed); how many more the filters hide (the
  // default statuses among them: a search must not answer "which contacts were
  // secret" with only those shown); the best tier among all, shown or hidden.
  function contactsMatching(text) {
    var words = norm(text).split(" ").filter(Boolean);
    var out = { shown: [], tiers: [[], [], []], hidden: 0, best: null };
    if (!words.length) { return out; }
    candidateLines(contactsJoined(), words).forEach(function (line) {
      var cid = contactIds[line], tier = wordTier(words, contactTexts.get(cid));
      if (tier === null) { return; }
      out.best = out.best === null ? tier : Math.min(out.best, tier);
      if (own(current.contacts, cid)) { out.tiers[tier].push(cid); } else { out.hidden++; }
    });
    // Put in date order only when listed (thousands of contacts mention a common word).
    out.shown = [].concat(out.tiers[0], out.tiers[1], out.tiers[2]);
    return out;
  }
  function hiddenButton(count, said) {
    return button(count + " more contact" + (count === 1 ? "" : "s") + " mention " + said +
      " but the filters hide " + (count === 1 ? "it" : "them") + ": show every contact",
      function () { showAllContacts(); runSearch(); }, { "class": "link hidden-hits" });
  }
  // The contacts a search found, in the panel: the best matched first, the others
  // under them, each group by date.
  var TIER_TITLES = [null, "Also, a longer word starting with it", "Also, inside a word"];
  function listMatching(said, matching) {
    if (!matching.sorted) { matching.tiers = matching.tiers.map(sortedContacts); matching.sorted = true; }
    var after = [], best = matching.tiers.findIndex(function (ids) { return ids.length; });
    if (matching.hidden) { after.push(el("p")); after[0].appendChild(hiddenButton(matching.hidden, said)); }
    showContactList("Contacts mentioning " + said, best === -1 ? [] : matching.tiers[best], {
      after: after,
      more: best === -1 ? [] : [1, 2].filter(function (t) { return t > best; }).map(function (t) {
        return [TIER_TITLES[t], matching.tiers[t]];
      })
    });
  }
  var SEARCH_CAP = 50;
  function searchListItem(node) { var li = el("li"); li.appendChild(node); searchList.appendChild(li); }
  function runSearch() {
    clear(searchList);
    var text = search.value.trim(), found = matches(text);
    var matching = contactsMatching(text), contacts = matching.shown, hidden = matching.hidden;
    var said = "\u201c" + text + "\u201d";
    function listContacts() {
      if (contacts.length) {
        searchListItem(button(contacts.length + " contact" + (contacts.length === 1 ? "" : "s") +
          " shown mention " + said + ": list them", function () {
          listMatching(said, matching);
        }, { "class": "link contacts-hit" }));
      }
      if (hidden) { searchListItem(hiddenButton(hidden, said)); }
    }
    if (!text) { searchResult.textContent = ""; return found; }
    // A name matched exactly, or as well as the best contact, is selected or listed;
    // contacts that hold the words better than any name does ("secret" as a word; no name
    // but "Secretary") are listed in the panel, the names under the search box.
    var nameTier = found.length ? found.tiers[found[0]] : null;
    var wordsFirst = matching.best !== null && (nameTier === null || matching.best < nameTier);
    if (wordsFirst) {
      var names = found.length ? "; " + found.length + " name" + (found.length === 1 ? "" : "s") +
        " holding it in a longer word: listed below" : "";
      searchResult.textContent = (found.length ? "" : "No actor or topic is called " + said + "; ") +
        contacts.length + " contact" + (contacts.length === 1 ? "" : "s") + " shown mention " +
        (found.length ? said : "it") + ": listed in the panel" +
        (hidden ? " (" + hidden + " more hidden by the filters)" : "") + names + ".";
      listMatching(said, matching);
      if (!found.length) { listContacts(); return found; }
    } else if (!found.length) {
      var near = nearNames(text);
      searchResult.textContent = "Nothing is called " + said +
        (near.length ? ". Did you mean:" : ", and no contact shown mentions it.");
      deselect(near.length ? near : null);
      clear(panel);
      panel.appendChild(el("p", near.length ? "Choose one of the names under the search box." :
        "Nothing matches " + said + ".", { "class": "muted" }));
      near.forEach(function (id) {
        searchListItem(button(describe(id), function () { select(id, { focus: true }); },
          { "data-id": id, "class": "link near" }));
      });
      return near;
    } else {
      var exact = exactly(norm(search.value));
      var atBest = found.filter(function (id) { return found.tiers[id] === nameTier; });
      if (atBest.length === 1 || exact.length === 1) {
        var hit = exact.length === 1 ? exact[0] : found[0];
        searchResult.textContent = "Found: " + nameOf(hit) + (found.length > 1 ?
          " (" + (found.length - 1) + " other name" + (found.length > 2 ? "s" : "") + " contain it: listed below)" : "");
        select(hit, { focus: true });
      } else {
        searchResult.textContent = found.length + " matches for " + said +
          ": choose one" + (found.length > SEARCH_CAP ? " (first " + SEARCH_CAP + " listed)" : "") + ".";
        // The panel must not go on showing the previous selection beside a new choice.
        deselect(found.slice(0, SEARCH_CAP));
        clear(panel);
        panel.appendChild(el("p", "Choose one of the " + found.length + " matches for " + said +
          " under the search box.", { "class": "muted" }));
      }
    }
    found.slice(0, SEARCH_CAP).forEach(function (id) {
      searchListItem(button(describe(id), function () { select(id, { focus: true }); }, { "data-id": id }));
    });
    listContacts();
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
  // A large graph has none: 9,968 options cost Chromium 0.5-1.4 s per keystroke.
  var datalist = $("actor-names");
  var options = document.createDocumentFragment();
  Object.keys(F.actors).forEach(function (id) {
    if (large) { return; }
    options.appendChild(el("option", null, { value: F.actors[id].name }));
    if (!large && F.actors[id].names.ar) {
      options.appendChild(el("option", null, { value: F.actors[id].names.ar }));
    }
  });
  datalist.appendChild(options);

