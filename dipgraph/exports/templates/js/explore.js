  // ---- exploring from one actor: its neighbours drawn on demand, put away again ----
  // A 10k graph drawn whole is a grey cloud; an analyst starts from one name. "Explore
  // from here" draws only that actor's contacts (those the filters keep) and who took
  // part in them; "expand" on any actor drawn adds its contacts, "collapse" takes them
  // back (what another expanded actor also brought stays). The filters still apply.
  // ui.expanded lists the actors expanded, in order; none means the whole graph. The
  // link keeps them (#expand=a,b).
  ui.expanded = [];
  function exploring() { return ui.expanded.length > 0; }
  function isExpanded(id) { return ui.expanded.indexOf(id) !== -1; }
  // The contacts the expanded actors bring (before the filters), or null when none is.
  function exploredContacts() {
    if (!exploring()) { return null; }
    var out = dict();
    ui.expanded.forEach(function (a) {
      (actorContacts[a] || []).forEach(function (cid) { out[cid] = true; });
    });
    return out;
  }
  // A statement stays in view when an expanded actor said it or is what it is about.
  function statementExplored(s) {
    return isExpanded(s.speaker) || s.about.some(isExpanded);
  }
  function setExpanded(list) {
    var seen = dict();
    ui.expanded = list.filter(function (a) {
      if (!own(F.actors, a) || seen[a]) { return false; }
      seen[a] = true;
      return true;
    });
  }
  // Frame what exploring draws (with the selection kept, fitShown would not), with room
  // for the names drawn beside the outer discs. Exploring, a large graph never turns to
  // its country overview (overview.js): the few actors drawn are the point.
  function fitExplored() {
    var ids = shownNodeIds();
    if (!ids.length) { return; }
    network.fit({ nodes: ids, animation: false, maxZoomLevel: large ? 1.5 : 1.2 });
    network.moveTo({ scale: network.getScale() * 0.8, animation: false });
  }
  // on: expand the actor (exploring from it when nothing is expanded yet); off: collapse
  // it. False for an id that is no actor.
  function expand(id, on) {
    if (!own(F.actors, id)) { return false; }
    var without = ui.expanded.filter(function (a) { return a !== id; });
    setExpanded(on ? without.concat([id]) : without);
    var ready = Boolean(status && status.ready);
    changeView(ready);
    if (ready) { fitExplored(); }
    if (ui.selected === id) { reopenPanel(); }
    return true;
  }
  function stopExploring() {
    setExpanded([]);
    changed();
    if (ui.selected && own(F.actors, ui.selected)) { reopenPanel(); }
  }
  // The panel drawn again with its new buttons; a keyboard on the button pressed stays in
  // the panel (the button itself is gone).
  function reopenPanel() {
    var focusInPanel = panel.contains(document.activeElement);
    openPanel(ui.selected);
    if (focusInPanel) { panel.focus({ preventScroll: true }); }
  }
  // Its contacts the filters keep, and of those the ones not drawn now; all: every
  // contact of it (the panel's "Contacts (N)"); byStatus: the status filter alone keeps
  // fewer (the others pass with every status ticked).
  function exploreCounts(id) {
    var all = actorContacts[id] || [];
    var kept = all.filter(function (cid) { return contactPasses(F.contacts[cid], current.f); });
    var anyStatus = Object.assign(dict(), current.f, { statuses: everyStatusSet() });
    return { kept: kept.length, all: all.length,
      byStatus: all.filter(function (cid) { return contactPasses(F.contacts[cid], anyStatus); })
        .length === all.length,
      fresh: kept.filter(function (cid) { return !current.contacts[cid]; }).length };
  }
  function contactsWord(n) { return n + " contact" + (n === 1 ? "" : "s"); }
  // "its 4 contacts shown by the status filter (of 8)": the panel lists all 8, and the
  // button must not seem to count the same thing differently.
  function keptWords(n) {
    if (n.kept === n.all) { return "its " + contactsWord(n.kept); }
    return "its " + contactsWord(n.kept) + " shown by the " + (n.byStatus ? "status filter" : "filters") +
      " (of " + n.all + ")";
  }
  // The actor panel's buttons: explore from it, expand it, or collapse it.
  function exploreButtons(id) {
    var box = el("p", null, { "class": "explore" });
    var n = exploreCounts(id);
    if (isExpanded(id)) {
      box.appendChild(el("span", "Expanded: " + keptWords(n) + " drawn. "));
      if (ui.expanded.length > 1) {
        box.appendChild(button("Collapse", function () { expand(id, false); },
          { "class": "explore-collapse", title: "Put away the contacts only it brought in" }));
        box.appendChild(document.createTextNode(" "));
      }
      box.appendChild(button("Stop exploring", stopExploring, { "class": "explore-stop" }));
    } else if (exploring()) {
      if (n.kept) {
        box.appendChild(button("Expand: " + (n.fresh ? "draw " + contactsWord(n.fresh) + " more" :
          keptWords(n) + ", all drawn"), function () { expand(id, true); },
        { "class": "explore-expand" }));
        box.appendChild(document.createTextNode(" "));
      }
      box.appendChild(button("Stop exploring", stopExploring, { "class": "explore-stop" }));
    } else {
      if (!n.kept) { return null; }
      box.appendChild(button("Explore from here: only " + keptWords(n),
        function () { expand(id, true); }, { "class": "explore-expand" }));
    }
    return box;
  }
  // A new view (a filter changed) counts the selected actor's contacts again: the
  // buttons said the counts of the view before.
  function refreshExploreButtons() {
    var old = panel ? panel.querySelector("p.explore") : null;  // none before the panel is made
    if (!old || !ui.selected || !own(F.actors, ui.selected)) { return; }
    var box = exploreButtons(ui.selected), focused = old.contains(document.activeElement);
    if (box) { old.replaceWith(box); } else { old.remove(); }
    if (focused) { panel.focus({ preventScroll: true }); }  // its button is gone
  }
  // In the banner: whose neighbourhoods are drawn.
  function exploreWords() {
    return "exploring from " + ui.expanded.map(nameOf).join(", ");
  }
