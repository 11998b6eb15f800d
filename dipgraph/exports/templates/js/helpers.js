  // ---- helpers --------------------------------------------------------------
  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function $(id) { return document.getElementById(id); }
  // Parts of the controls the empty panel borrows (orientation.js): {node, home, before}.
  // clear() puts each back where it came from before emptying what held it, the focus
  // staying on the control that had it.
  var borrowed = [];
  function moveKeepingFocus(node, parent, before) {
    var focused = node.contains(document.activeElement) ? document.activeElement : null;
    parent.insertBefore(node, before || null);
    if (focused) { focused.focus({ preventScroll: true }); }
  }
  function clear(node) {
    borrowed.forEach(function (b) {
      if (b.node !== node && node.contains(b.node)) { moveKeepingFocus(b.node, b.home, b.before); }
    });
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }
  function own(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }
  // The same folding as dipgraph.names.normalise_name: marks and invisible format
  // characters dropped, and its table of Arabic letters (LETTER_FOLDS), which comes in
  // the page's data rather than as a copy here.
  var folds = data.folds || dict();
  var foldable = Object.keys(folds).length ?
    new RegExp("[" + Object.keys(folds).join("") + "]", "g") : null;
  function foldLetter(letter) { return folds[letter]; }
  function norm(text) {
    var t = String(text).toLowerCase().normalize("NFKD").replace(/[\p{Mn}\p{Cf}]/gu, "");
    if (foldable) { t = t.replace(foldable, foldLetter); }
    return t.replace(/[-_]/g, " ").replace(/['\u2019.]/g, "").replace(/\s+/g, " ").trim();
  }
  function nameOf(id) {
    if (own(F.actors, id)) { return F.actors[id].name; }
    if (own(F.topics, id)) { return F.topics[id].name; }
    return id;
  }
  function button(text, onActivate, attrs) {
    var b = el("button", text, Object.assign({ type: "button", "class": "link" }, attrs || {}));
    b.addEventListener("click", onActivate);
    return b;
  }
  // A source as the page names it: its English title, else the title as printed, else its id.
  function sourceTitle(id) {
    var s = F.sources[id] || dict();
    return s.title_en || s.title || id;
  }
