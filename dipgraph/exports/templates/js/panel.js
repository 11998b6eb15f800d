  // ---- panel ----------------------------------------------------------------
  var panel = $("panel");
  function factRows(rows) {
    var dl = el("dl");
    rows.forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === "" ||
          (Array.isArray(row[1]) && !row[1].length)) { return; }
      dl.appendChild(el("dt", row[0]));
      var dd = el("dd", null, { dir: "auto" });
      if (row[1] instanceof Node) { dd.appendChild(row[1]); } else { dd.textContent = String(row[1]); }
      dl.appendChild(dd);
    });
    return dl;
  }
  function actorLinks(ids) {
    var span = el("span");
    ids.forEach(function (id, i) {
      if (i) { span.appendChild(document.createTextNode(", ")); }
      span.appendChild(button(nameOf(id), function () { select(id, { focus: true }); }));
    });
    return span;
  }
  function dateOf(x) { return x.date || "undated"; }
  function byDate(a, b) {
    var x = a.first || "9999", y = b.first || "9999";
    return x < y ? -1 : x > y ? 1 : 0;
  }
  function placeText(c) { return c.place ? (c.place.en || c.place[Object.keys(c.place)[0]]) : null; }
  function contactRow(cid, who) {
    var c = F.contacts[cid];
    var bits = [dateOf(c), c.type_label, c.status];
    if (c.secret) { bits.push("SECRET"); }
    if (placeText(c)) { bits.push(placeText(c)); }
    function names_(ids) {
      return ids.slice(0, 6).map(nameOf).join(", ") + (ids.length > 6 ? "\u2026" : "");
    }
    var text = bits.join(" \u00b7 ") + " \u2014 ";
    var own = who ? c.sides.filter(function (side) { return side.indexOf(who) !== -1; })[0] : null;
    if (own) {
      var others = [];
      c.sides.forEach(function (side) { if (side !== own) { others = others.concat(side); } });
      var mates = own.filter(function (a) { return a !== who; });
      text += "with " + names_(others) + (mates.length ? " (alongside " + names_(mates) + ")" : "");
    } else if (who) {
      var role = ["subjects", "hosts", "mediators"].filter(function (r) { return c[r].indexOf(who) !== -1; })[0];
      text += (role ? role.slice(0, -1) + " of: " : "") + c.sides.map(names_).join(" \u21c4 ");
    } else {
      text += c.sides.map(names_).join(" \u21c4 ");
    }
    var li = el("li");
    var attrs = { "data-contact": cid };
    if (c.date_note) { attrs.title = "About the date: " + c.date_note; }
    li.appendChild(button(text, function () { select("contact:" + cid); }, attrs));
    return li;
  }
  function statementRow(sid) {
    var s = F.statements[sid];
    var li = el("li");
    li.appendChild(button(nameOf(s.speaker) + " " + s.kind_label + " (" + dateOf(s) + "): " +
      s.summary, function () { select("statement:" + sid); }, { "data-statement": sid }));
    return li;
  }
  var LIST_CAP = 200;
  function listSection(title, ids, row) {
    panel.appendChild(el("h4", title + " (" + ids.length + ")"));
    if (!ids.length) { panel.appendChild(el("p", "none", { "class": "muted" })); return; }
    var ul = el("ul", null, { "class": "links" });
    ids.slice(0, LIST_CAP).forEach(function (id) { ul.appendChild(row(id)); });
    panel.appendChild(ul);
    if (ids.length > LIST_CAP) {
      panel.appendChild(el("p", "\u2026 and " + (ids.length - LIST_CAP) + " more: narrow the " +
        "filters or use the table of contacts.", { "class": "muted" }));
    }
  }
  // A list of contacts in the panel in place of a selection (a search's, the timeline's
  // undated ones): the selection is let go, since the panel no longer shows it; a title,
  // the lines given under it, the contacts by date (then `more` [title, ids] lists, as
  // given), the lines given after them. With
  // `focus`, the keyboard follows to the list (a click opened it; a search keeps its box).
  function showContactList(title, ids, options) {
    options = options || {};
    deselect();
    clear(panel);
    panel.appendChild(el("h3", title));
    (options.before || []).forEach(function (node) { panel.appendChild(node); });
    listSection("Contacts", sortedContacts(ids), function (cid) { return contactRow(cid, null); });
    (options.more || []).forEach(function (more) {
      if (more[1].length) { listSection(more[0], more[1], function (cid) { return contactRow(cid, null); }); }
    });
    (options.after || []).forEach(function (node) { panel.appendChild(node); });
    if (options.focus) { panel.focus({ preventScroll: true }); }
  }
  function sortedContacts(ids) {
    return (ids || []).slice().sort(function (a, b) {
      return byDate(F.contacts[a], F.contacts[b]) || (a < b ? -1 : 1);
    });
  }
  function sortedStatements(ids) {
    return (ids || []).slice().sort(function (a, b) {
      return byDate(F.statements[a], F.statements[b]) || (a < b ? -1 : 1);
    });
  }
  function names(record) {
    Object.keys(record.names).forEach(function (lang) {
      var name = record.names[lang];
      panel.appendChild(el("p", name + " (" + lang + ")", { lang: lang, dir: "auto" }));
    });
  }
  function hiddenNote(id) {
    if (guest && guest.node === id) {
      panel.appendChild(el("p", "Drawn while selected" + (guest.linked ?
        ", beside what it is linked to" : " (nothing it is linked to is drawn)") +
        ": the current filters and layers leave it out.", { "class": "muted" }));
    } else if (byNode[id] && current.nodeHidden[id]) {
      panel.appendChild(el("p", "Not drawn with the current filters and layers.", { "class": "muted" }));
    }
  }
  // A link the reader may follow to the Wikidata item (the page itself fetches nothing;
  // the id is checked again here, and the split keeps the page free of scheme-slash text).
  var WIKIDATA = "https:" + "//www.wikidata.org/wiki/";
  function wikidataLink(item) {
    if (!item || !/^Q[1-9][0-9]{0,11}$/.test(item)) { return null; }
    var a = el("a", item, { href: WIKIDATA + item, target: "_blank",
      rel: "noopener noreferrer external", "class": "wikidata",
      title: "Open " + item + " on Wikidata (leaves this offline page)" });
    return a;
  }
  function showActor(id) {
    var a = F.actors[id];
    panel.appendChild(el("h3", a.name));
    names(a);
    hiddenNote(id);
    panel.appendChild(factRows([["kind", a.kind], ["country", a.country ? nameOf(a.country) : null],
      ["member of", a.member_of.map(nameOf).join(", ")], ["part of", a.part_of ? nameOf(a.part_of) : null],
      ["Wikidata", wikidataLink(a.wikidata)]]));
    var explore = exploreButtons(id);
    if (explore) { panel.appendChild(explore); }
    listSection("Contacts", sortedContacts(actorContacts[id]), function (cid) {
      return contactRow(cid, id);
    });
    listSection("Statements made", sortedStatements(statementsBy[id]), statementRow);
    listSection("Statements about it", sortedStatements(statementsAbout[id]), statementRow);
    if (a.posts.length) {
      panel.appendChild(el("h4", "Posts (" + a.posts.length + ")"));
      a.posts.forEach(function (p) {
        var when = [p.from && "from " + p.from, p.until && "until " + p.until,
          p.as_of && "as of " + p.as_of].filter(Boolean).join(", ");
        var line = a.name + ": " + p.post + (p.organization ? ", " + p.organization.name : "") +
          (when ? " (" + when + ")" : "");
        panel.appendChild(el("p", line, { "class": "post" }));
        // when it was held, as the text puts it: "the former ambassador" carries no date
        if (p.date_note) { panel.appendChild(el("p", "when: " + p.date_note, { "class": "date-note" })); }
        panel.appendChild(evidenceBlock(p.evidence, null));
      });
    }
  }
  function showTopic(id) {
    var t = F.topics[id];
    panel.appendChild(el("h3", t.name + " (topic)"));
    names(t);
    hiddenNote(id);
    if (t.broader || t.wikidata) {
      panel.appendChild(factRows([["narrower topic of", t.broader ? actorLinks([t.broader]) : null],
        ["Wikidata", wikidataLink(t.wikidata)]]));
    }
    listSection("Contacts that discussed it", sortedContacts(topicContacts[id]), function (cid) {
      return contactRow(cid, null);
    });
    listSection("Topics of the same contacts", topicsBeside(id), function (other) {
      var li = el("li"), n = topicContacts[other].length;
      li.appendChild(button(nameOf(other), function () { select(other, { focus: true }); },
        { "data-id": other }));
      li.appendChild(document.createTextNode(" (" + n + " contact" + (n === 1 ? "" : "s") + ")"));
      return li;
    });
    listSection("Statements about it", sortedStatements(statementsAbout[id]), statementRow);
  }
  // The other topics of a topic's contacts, those sharing most contacts with it first:
  // "prisoner exchange" leads to "Americans detained in Russia", which a word search
  // for "prisoner" cannot reach.
  function topicsBeside(id) {
    var shared = dict();
    (topicContacts[id] || []).forEach(function (cid) {
      F.contacts[cid].topics.forEach(function (t) {
        if (t !== id && own(F.topics, t)) { shared[t] = (shared[t] || 0) + 1; }
      });
    });
    return Object.keys(shared).sort(function (a, b) {
      return shared[b] - shared[a] || nameOf(a).localeCompare(nameOf(b));
    });
  }
  var SIDE_CAP = 12;
  function sidesNode(c) {
    var box = el("span");
    c.sides.forEach(function (side, i) {
      if (i) { box.appendChild(el("span", " \u21c4 ", { "aria-label": "talked with" })); }
      // A delegation of hundreds: its first members, then how many more (the CSV has all).
      box.appendChild(actorLinks(side.slice(0, SIDE_CAP)));
      if (side.length > SIDE_CAP) {
        box.appendChild(el("span", " \u2026 and " + (side.length - SIDE_CAP) + " more (" +
          side.length + " on this side; the CSV of contacts lists them all)", { "class": "muted" }));
      }
    });
    return box;
  }
  function showContact(cid) {
    var c = F.contacts[cid];
    panel.appendChild(el("h3", c.type_label + (c.secret ? " \u2014 secret" : "")));
    if (c.secret) { panel.appendChild(el("p", "SECRET: reported as secret by the source.", { "class": "badge" })); }
    panel.appendChild(factRows([
      ["date", c.date ? c.date + " (to the " + c.date_precision + ")" : "undated"],
      ["about the date", c.date_note], ["status", c.status], ["secret", c.secret ? "yes" : "no"],
      ["place", c.place ? Object.keys(c.place).map(function (l) { return c.place[l]; }).join(" / ") : null],
      ["place on Wikidata", wikidataLink(c.place_wikidata)],
      ["sides", sidesNode(c)],
      ["subjects", c.subjects.length ? actorLinks(c.subjects) : null],
      ["hosts", c.hosts.length ? actorLinks(c.hosts) : null],
      ["mediators", c.mediators.length ? actorLinks(c.mediators) : null],
      ["initiated by", c.initiated_by ? nameOf(c.initiated_by) : null],
      ["reported by", c.reported_by.length ? actorLinks(c.reported_by) : null],
      ["topics", c.topics.length ? actorLinks(c.topics) : null],
      ["CAMEO", c.cameo], ["fact", cid]]));
    panel.appendChild(el("p", c.summary, { dir: "auto", "class": "summary-main" }));
    panel.appendChild(evidenceBlock(c.evidence, null));
  }
  function showStatement(sid) {
    var s = F.statements[sid];
    panel.appendChild(el("h3", nameOf(s.speaker) + " " + s.kind_label));
    panel.appendChild(factRows([["speaker", actorLinks([s.speaker])], ["date", dateOf(s)],
      ["about the date", s.date_note], ["about", actorLinks(s.about)],
      ["as reported by", s.reported_by ? actorLinks([s.reported_by]) : null], ["fact", sid]]));
    panel.appendChild(el("p", s.summary, { dir: "auto", "class": "summary-main" }));
    panel.appendChild(evidenceBlock(s.evidence, null));
  }
  function showPair(e) {
    panel.appendChild(el("h3", nameOf(e.from) + (e.kind === "discussed" ? " \u2014 discussed \u2014 " :
      " \u21c4 ") + nameOf(e.to)));
    var shown = e.contacts.filter(function (cid) { return current.contacts[cid]; });
    listSection("Contacts between them", sortedContacts(shown), function (cid) {
      return contactRow(cid, null);
    });
  }
  function showPost(e) {
    var posts = F.actors[e.from] ? F.actors[e.from].posts : [];
    posts.filter(function (p) { return p.id === e.fact; }).forEach(function (p) {
      var line = nameOf(e.from) + ": " + p.post + (p.organization ? ", " + p.organization.name : "");
      panel.appendChild(el("h3", "Post"));
      panel.appendChild(factRows([["holder", actorLinks([e.from])], ["post", p.post],
        ["in", p.organization ? actorLinks([p.organization.id]) : null],
        ["from", p.from], ["until", p.until], ["as of", p.as_of], ["about the date", p.date_note]]));
      panel.appendChild(evidenceBlock(p.evidence, line));
    });
  }

