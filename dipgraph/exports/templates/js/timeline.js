  // ---- timeline ---------------------------------------------------------------
  function renderTimeline() {
    var box = $("timeline");
    clear(box);
    // The years are counted over the contacts the other filters keep, whatever the date
    // range: choosing a year keeps the others in sight (it had collapsed to one bar),
    // the chosen range marked. The undated lane counts the contacts shown.
    var years = dict(), undated = [], f = current.f, chosen = f.from || f.to;
    var undatedF = Object.assign(dict(), f, { from: null, to: null });
    Object.keys(current.contacts).forEach(function (cid) {
      if (!F.contacts[cid].first) { undated.push(cid); }
    });
    var explored = exploredContacts();  // exploring: the expanded actors' contacts only
    (explored ? Object.keys(explored) : contactIds).forEach(function (cid) {
      var c = F.contacts[cid];
      if (!c.first || !contactPasses(c, undatedF)) { return; }
      var y = c.first.slice(0, 4);
      var bin = years[y] = years[y] || { n: 0, day: 0, month: 0, year: 0 };
      bin.n++; bin[c.date_precision] = (bin[c.date_precision] || 0) + 1;
    });
    var keys = Object.keys(years).sort();
    var lane = el("div", null, { "class": "lane dated", role: "group", "aria-label": "dated contacts by year" });
    lane.appendChild(el("span", "dated", { "class": "lane-name" }));
    if (!keys.length) { lane.appendChild(el("span", "no dated contacts shown", { "class": "muted" })); }
    var most = Math.max.apply(null, keys.map(function (k) { return years[k].n; }).concat([1]));
    var startYear = keys.length ? Number(keys[0]) : 0;
    var endYear = keys.length ? Number(keys[keys.length - 1]) : -1;
    for (var y = startYear; y <= endYear; y++) {
      var bin = years[String(y)] || { n: 0, day: 0, month: 0, year: 0 };
      var label = y + ": " + bin.n + " contact" + (bin.n === 1 ? "" : "s") +
        (bin.n ? " (" + [["day", "to the day"], ["month", "to the month"], ["year", "to the year"]]
          .filter(function (p) { return bin[p[0]]; })
          .map(function (p) { return bin[p[0]] + " " + p[1]; }).join(", ") + ")" : "");
      var inside = chosen && inRange(y + "-01-01", y + "-12-31", f);
      var bar = el("button", String(y), { type: "button", "class": "bin" + (inside ? " chosen" : ""),
        title: label, "aria-pressed": String(Boolean(inside)),
        "aria-label": label + (inside ? ". In the date range." : ". Filter to this year.") });
      bar.style.setProperty("--h", String(Math.round(4 + 30 * bin.n / most)) + "px");
      bar.addEventListener("click", (function (year) {
        return function () { dateFrom.value = String(year); dateTo.value = String(year); changed(); };
      })(y));
      lane.appendChild(bar);
    }
    box.appendChild(lane);
    var undatedLane = undatedLaneOf(undated, explored, undatedF);
    box.appendChild(undatedLane);
    // Nothing dated shown: the undated count goes up beside "none" where it fits on that
    // line (not in a narrow window), leaving the articles more room below.
    var summary = undatedLane.querySelector(".undated-summary");
    if (!keys.length && summary) {
      var dot = lane.appendChild(el("span", "\u00a0\u00b7\u00a0", { "class": "muted" })), high = lane.offsetHeight;
      lane.appendChild(summary);
      if (lane.offsetHeight > high) {
        lane.removeChild(dot);
        undatedLane.insertBefore(summary, undatedLane.children[1]);
      }
    }
    fitChips(undatedLane);
  }
  // A large graph's whole-graph timeline is kept (its elements, their handlers with them)
  // while exploring: stopping puts it back instead of counting 30,000 contacts again
  // (40 ms, ~200 under load, in a task of its own).
  var wholeTimeline = null;
  function drawTimeline() {
    var box = $("timeline"), key = exploring() ? null : viewKey(current);
    if (key !== null && wholeTimeline && wholeTimeline.key === key) {
      box.replaceChildren.apply(box, wholeTimeline.nodes);
      return;
    }
    renderTimeline();
    if (key !== null) { wholeTimeline = { key: key, nodes: Array.prototype.slice.call(box.childNodes) }; }
  }
  // A window resized: the chips are fitted to the lane's new width.
  var timelineResize = null;
  window.addEventListener("resize", function () {
    clearTimeout(timelineResize);
    wholeTimeline = null;
    timelineResize = setTimeout(renderTimeline, 150);
  });
  // Article chips past the lane's width give way to "and N more" (the list button and
  // the panel still reach every undated contact).
  function fitChips(lane) {
    var chips = lane.querySelectorAll(".source-chip"), more = lane.querySelector(".more-articles");
    var dropped = Number(lane.getAttribute("data-more") || 0);
    for (var i = chips.length - 1; i >= 0 && lane.scrollWidth > lane.clientWidth; i--) {
      lane.removeChild(chips[i]);
      dropped++;
      if (!more) { more = lane.appendChild(moreButton(lane)); }
      more.textContent = i ? "and " + dropped + " more" : dropped + " article" + (dropped === 1 ? "" : "s");
    }
  }
  // ---- the undated lane: by the article that reports them -------------------------
  // An undated contact still has its sources: the lane groups the undated contacts the
  // other filters keep by the article reporting them, that article's publication date
  // (labelled as the article's, never the contact's) or why it has none. A date range
  // hides undated contacts unless kept: the lane then says how many it hides and keeps
  // their groups in sight, with a button to keep them.
  var SOURCE_CHIPS = 8;
  function shortTitle(id) {
    var t = sourceTitle(id);
    return t.length > 17 ? t.slice(0, 16).replace(/\s+$/, "") + "\u2026" : t;
  }
  function publishedText(s) {
    return s.published ? "published " + s.published + " (the article\u2019s date, not the contacts\u2019)" :
      "no publication date recorded" + (s.date_note ? ": " + s.date_note : "");
  }
  // Publisher (in its own direction) and publication date, under an article's title.
  function sourceDateLine(s) {
    var line = el("p", null, { "class": "muted source-date" });
    if (s.publisher) {
      line.appendChild(el("span", s.publisher, { dir: "auto" }));
      line.appendChild(document.createTextNode(" \u00b7 "));
    }
    line.appendChild(document.createTextNode(publishedText(s)));
    return line;
  }
  function undatedBySource(ids) {
    var bySource = dict();
    ids.forEach(function (cid) {
      var seen = dict();
      (F.contacts[cid].evidence || []).forEach(function (e) {
        if (seen[e.source]) { return; }
        seen[e.source] = true;
        push(bySource, e.source, cid);
      });
    });
    return Object.keys(bySource).sort(function (a, b) {
      var x = (F.sources[a] || dict()).published || "9999", y = (F.sources[b] || dict()).published || "9999";
      return x < y ? -1 : x > y ? 1 : bySource[b].length - bySource[a].length || (a < b ? -1 : 1);
    }).map(function (id) { return [id, bySource[id]]; });
  }
  function listUndatedOf(sourceId, ids) {
    showContactList("Undated contacts reported in \u201c" + sourceTitle(sourceId) + "\u201d", ids,
      { before: [sourceDateLine(F.sources[sourceId] || dict())], focus: true });
  }
  function undatedLaneOf(shown, explored, undatedF) {
    var lane = el("div", null, { "class": "lane undated", role: "group",
      "aria-label": "undated contacts, by the article reporting them" });
    lane.appendChild(el("span", "undated", { "class": "lane-name" }));
    var kept = [];  // the undated contacts the other filters keep, whatever the range
    (explored ? Object.keys(explored) : contactIds).forEach(function (cid) {
      var c = F.contacts[cid];
      if (!c.first && contactPasses(c, undatedF)) { kept.push(cid); }
    });
    if (!kept.length) {
      lane.appendChild(el("span", "no undated contacts shown", { "class": "muted" }));
      return lane;
    }
    var hidden = kept.length - shown.length, summary = el("span", null, { "class": "undated-summary" });
    lane.appendChild(summary);
    if (shown.length) {
      summary.appendChild(button(shown.length + " undated contact" + (shown.length === 1 ? "" : "s") +
        " shown: list them", function () {
        showContactList("Undated contacts shown", shown, { focus: true });
      }, { "class": "link undated-list" }));
    }
    if (hidden > 0) {
      summary.appendChild(el("span", (shown.length ? " \u00b7 " : "") + hidden +
        " hidden by the date range ", { "class": "muted undated-hidden" }));
      summary.appendChild(button("keep them", function () { keepUndated.checked = true; changed(); },
        { "class": "link keep-undated" }));
    }
    var groups = undatedBySource(kept);
    lane.appendChild(el("span", "by article:", { "class": "muted" }));
    groups.slice(0, SOURCE_CHIPS).forEach(function (g) {
      var s = F.sources[g[0]] || dict(), n = g[1].length;
      var label = n + " undated contact" + (n === 1 ? "" : "s") + " reported in \u201c" +
        sourceTitle(g[0]) + "\u201d" + (s.publisher ? " (" + s.publisher + ")" : "") +
        "; " + publishedText(s);
      var chip = button(shortTitle(g[0]) + (s.published ? " \u00b7 published " + s.published : "") + " \u00b7 " + n,
        function () { listUndatedOf(g[0], g[1]); },
        { "class": "source-chip" + (hidden > 0 && !g[1].some(function (cid) { return current.contacts[cid]; }) ? " outside" : ""),
          "data-source": g[0], title: label, "aria-label": label + ". List them." });
      lane.appendChild(chip);
    });
    lane.undatedGroups = groups;
    if (groups.length > SOURCE_CHIPS) {
      lane.setAttribute("data-more", String(groups.length - SOURCE_CHIPS));
      lane.appendChild(moreButton(lane)).textContent = "and " + (groups.length - SOURCE_CHIPS) + " more";
    }
    return lane;
  }
  // Every article reporting undated contacts, in the panel: its date (or why none) and
  // its undated contacts one click away.
  function moreButton(lane) {
    return button("", function () {
      clear(panel);
      panel.appendChild(el("h3", "Undated contacts, by the article reporting them"));
      listSection("Articles", lane.undatedGroups.map(function (g) { return g[0]; }), function (id) {
        var g = lane.undatedGroups.filter(function (x) { return x[0] === id; })[0];
        var s = F.sources[id] || dict(), li = el("li");
        li.appendChild(button(sourceTitle(id) + " (" + g[1].length + ")",
          function () { listUndatedOf(id, g[1]); }, { "data-source": id }));
        li.appendChild(sourceDateLine(s));
        return li;
      });
      panel.focus({ preventScroll: true });
    }, { "class": "link more-articles" });
  }

