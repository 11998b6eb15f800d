  // ---- exports ------------------------------------------------------------------
  function download(blob, name) {
    var a = el("a", null, { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) { text = "'" + text; }  // no formula in a spreadsheet
    return /[",\n\r]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
  }
  function contactsCsv() {
    var header = ["id", "date", "date_note", "type", "status", "secret", "place", "sides",
      "subjects", "hosts", "mediators", "initiated_by", "topics", "summary", "citations"];
    var lines = [header.join(",")];
    visibleContactIds().forEach(function (cid) {
      var c = F.contacts[cid];
      var citations = c.evidence.map(function (e) {
        var s = F.sources[e.source] || {};
        return "\u201c" + e.quote + "\u201d " + sourceLine(e.source) + (s.url ? " <" + s.url + ">" : "");
      }).join(" | ");
      lines.push([cid, c.date, c.date_note, c.type_label, c.status, c.secret ? "yes" : "no",
        placeText(c), sidesText(c), c.subjects.map(nameOf).join("; "), c.hosts.map(nameOf).join("; "),
        c.mediators.map(nameOf).join("; "), c.initiated_by ? nameOf(c.initiated_by) : "",
        c.topics.map(nameOf).join("; "), c.summary, citations].map(csvCell).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }
  $("export-csv").addEventListener("click", function () {
    download(new Blob(["\ufeff" + contactsCsv()], { type: "text/csv;charset=utf-8" }), "dipgraph-contacts.csv");
  });
  $("export-png").addEventListener("click", function () {
    viewPng(function (blob) { download(blob, "dipgraph-view.png"); });
  });
