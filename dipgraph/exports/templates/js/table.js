  // ---- table view -------------------------------------------------------------
  function tableShown() { return !tableBox.hidden; }
  var TABLE_CAP = 500;
  function visibleContactIds() { return sortedContacts(Object.keys(current.contacts)); }
  function sidesText(c) {
    return c.sides.map(function (side) { return side.map(nameOf).join(", "); }).join(" \u21c4 ");
  }
  function renderTable() {
    clear(tableBox);
    var ids = visibleContactIds();
    tableBox.appendChild(el("h2", "Contacts shown (" + ids.length + ")"));
    if (ids.length > TABLE_CAP) {
      tableBox.appendChild(el("p", "The first " + TABLE_CAP + " by date; the CSV export has all " +
        ids.length + ".", { "class": "muted" }));
    }
    var table = el("table");
    var head = el("tr");
    ["date", "type", "sides", "status", "secret", "place", "summary"].forEach(function (h) {
      head.appendChild(el("th", h, { scope: "col" }));
    });
    var thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
    var body = el("tbody");
    ids.slice(0, TABLE_CAP).forEach(function (cid) {
      var c = F.contacts[cid];
      var tr = el("tr");
      var cell = el("td");
      cell.appendChild(button(dateOf(c), function () { select("contact:" + cid); },
        { "data-contact": cid, "aria-label": "Open " + c.type_label + " " + dateOf(c) }));
      tr.appendChild(cell);
      [c.type_label, sidesText(c), c.status, c.secret ? "SECRET" : "", placeText(c) || "", c.summary]
        .forEach(function (text) { tr.appendChild(el("td", text, { dir: "auto" })); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    tableBox.appendChild(table);
  }
  function showTable(on) {
    tableBox.hidden = !on;
    tableButton.setAttribute("aria-pressed", String(on));
    tableButton.textContent = on ? "Back to the graph" : "Table of contacts";
    if (on) { renderTable(); showOnNarrow(); }
    writeHash();
  }
  tableButton.addEventListener("click", function () { showTable(!tableShown()); });

