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
    var undatedLane = el("div", null, { "class": "lane undated" });
    undatedLane.appendChild(el("span", "undated", { "class": "lane-name" }));
    if (!undated.length) {
      undatedLane.appendChild(el("span", "no undated contacts shown", { "class": "muted" }));
    } else {
      undatedLane.appendChild(button(undated.length + " undated contact" + (undated.length === 1 ? "" : "s") +
        " shown: list them", function () {
        clear(panel);
        panel.appendChild(el("h3", "Undated contacts shown"));
        listSection("Contacts", sortedContacts(undated), function (cid) { return contactRow(cid, null); });
        panel.focus({ preventScroll: true });  // the keyboard follows to the list opened
      }, { "class": "link undated-list" }));
    }
    box.appendChild(undatedLane);
  }

