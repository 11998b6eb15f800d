  // ---- table view -------------------------------------------------------------
  function tableShown() { return !tableBox.hidden; }
  // Sorted by any column (a click on its heading; again: the other way), a page of
  // TABLE_PAGE rows at a time with buttons to the others.
  var TABLE_PAGE = 500;
  var tableSort = { column: "date", down: false }, tablePage = 0;
  function visibleContactIds() { return sortedContacts(Object.keys(current.contacts)); }
  function sidesText(c) {
    return c.sides.map(function (side) { return side.map(nameOf).join(", "); }).join(" \u21c4 ");
  }
  var TABLE_COLUMNS = [
    ["date", function (c) { return c.first || "\uffff"; }],
    ["type", function (c) { return c.type_label; }],
    ["sides", sidesText],
    ["status", function (c) { return c.status; }],
    ["secret", function (c) { return c.secret ? "SECRET" : ""; }],
    ["place", function (c) { return placeText(c) || ""; }],
    ["summary", function (c) { return c.summary; }]
  ];
  function sortedRows() {
    var ids = visibleContactIds();  // by date, then id: ties keep that order
    var key = TABLE_COLUMNS.filter(function (col) { return col[0] === tableSort.column; })[0][1];
    var keyed = ids.map(function (cid, n) { return [key(F.contacts[cid]), n, cid]; });
    keyed.sort(function (a, b) {
      var order = a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
      return (tableSort.down ? -order : order) || a[1] - b[1];
    });
    return keyed.map(function (k) { return k[2]; });
  }
  function renderTable() {
    clear(tableBox);
    var ids = sortedRows(), pages = Math.max(1, Math.ceil(ids.length / TABLE_PAGE));
    tablePage = Math.min(tablePage, pages - 1);
    var from = tablePage * TABLE_PAGE, shownIds = ids.slice(from, from + TABLE_PAGE);
    tableBox.appendChild(el("h2", "Contacts shown (" + ids.length + ")"));
    if (pages > 1) {
      var nav = el("p", "Rows " + (from + 1) + "\u2013" + (from + shownIds.length) + " of " + ids.length +
        ". ", { "class": "muted table-pages" });
      for (var n = 0; n < pages; n++) {
        nav.appendChild(button(String(n + 1), (function (page) {
          return function () { tablePage = page; renderTable(); };
        })(n), { "aria-current": n === tablePage ? "page" : "false", "data-page": String(n) }));
        nav.appendChild(document.createTextNode(" "));
      }
      tableBox.appendChild(nav);
    }
    var table = el("table");
    var head = el("tr");
    TABLE_COLUMNS.forEach(function (col) {
      var on = tableSort.column === col[0];
      var th = el("th", null, { scope: "col",
        "aria-sort": on ? (tableSort.down ? "descending" : "ascending") : "none" });
      th.appendChild(button(col[0] + (on ? (tableSort.down ? " \u25bc" : " \u25b2") : ""), function () {
        tableSort = { column: col[0], down: on ? !tableSort.down : false };
        tablePage = 0;
        renderTable();
      }, { "data-sort": col[0] }));
      head.appendChild(th);
    });
    var thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
    var body = el("tbody");
    shownIds.forEach(function (cid) {
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

