  // ---- legend ---------------------------------------------------------------
  var legend = $("legend");
  function legendItem(marker, text, kind) {
    var row = el("div", null, { "class": "legend-item" + (kind ? " " + kind : "") });
    row.appendChild(marker);
    row.appendChild(el("span", text));
    legend.appendChild(row);
  }
  legend.appendChild(el("h3", "Actors (fill = country)", { "class": "actors-key" }));
  [["\u25cf", "person"], ["\u25a0", "organization"], ["\u25c6", "state"], ["\u25b2", "topic"]]
    .forEach(function (s) {
      if (!large || s[1] === "person") { legendItem(el("span", s[0]), large ? "actor (size = lines drawn to it)" : s[1], "half"); }
    });
  data.legend.countries.forEach(function (c) {
    if (c.color === data.legend.other_country) { return; }
    legendItem(el("span", null, { "class": "swatch", style: "background:" + c.color }), c.name, "country-key");
  });
  legendItem(el("span", null, { "class": "swatch", style: "background:#fff" }), "no country", "country-key");
  legendItem(el("span", null, { "class": "swatch", style: "background:" + data.legend.other_country }),
    "other countries (named in the panel)", "country-key wide");
  legend.appendChild(el("h3", "Contacts"));
  if (large) {
    legendItem(el("span", null, { "class": "line", style: "border-color:#9a9a9a" }), "talked (thicker: more contacts)");
    legendItem(el("span", null, { "class": "line", style: "border-color:#222" }), "at least one secret contact");
    legendItem(el("span", null, { "class": "line", style: "border-color:#9a9a9a;border-top-style:dashed" }), "none known to have happened");
    legendItem(el("span", null, { "class": "swatch", style: "background:#F2F2F2" }),
      "a contact with many parties (an assembly): one square joined to each of them");
    legend.appendChild(el("h3", "Zoomed out"));
    legendItem(el("span", null, { "class": "swatch round", style: "background:#BBBBBB" }),
      "a country: size = its actors; click it to open");
    legendItem(el("span", null, { "class": "line", style: "border-color:#333" }),
      "its strongest links: width = contacts between the two countries");
  } else {
    var unsure = data.legend.statuses.filter(function (s) { return data.legend.default_statuses.indexOf(s) === -1; });
    legendItem(el("span", "talks", { "class": "box" }), "a contact that " + data.legend.default_statuses.join(" or ") +
      ": its type is written on it");
    legendItem(el("span", "talks \u00b7 secret", { "class": "box secret" }), "a secret contact");
    legendItem(el("span", "visit (planned)", { "class": "box dashed" }), "dashed: " + unsure.join(", "));
    legendItem(el("span", null, { "class": "line", style: "border-color:#555" }), "a party (a side's member)");
    legendItem(el("span", null, { "class": "line", style: "border-color:#555;border-top-style:dashed" }), "subject / host / mediator");
    legendItem(el("span", "warned", { "class": "box statement" }), "a statement: speaker \u2192 it \u2192 about");
    legendItem(el("span", null, { "class": "line", style: "border-color:#666;border-top-style:dashed" }), "holds a post in / member of");
    legendItem(el("span", null, { "class": "line", style: "border-color:#ccc;border-top-style:dotted" }), "country");
  }
  showLookLegend();  // size and community entries (look.js)
