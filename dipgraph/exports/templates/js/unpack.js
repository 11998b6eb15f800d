  // ---- the packed data --------------------------------------------------------
  // The page's data comes packed (dipgraph/exports/page_pack.py says how): columns
  // instead of per-item objects, strings as indexes into one table. unpackPage
  // rebuilds the very objects the per-item JSON gave, so nothing else changes.
  function unpackPage(text) {
    var P = JSON.parse(text), S = P.S;
    // A key from the data (an id, a language) becomes an own property, even "__proto__".
    function put(obj, key, value) {
      if (key === "__proto__") {
        Object.defineProperty(obj, key, { value: value, writable: true, enumerable: true,
          configurable: true });
      } else { obj[key] = value; }
    }
    // Each row gets its own copy of a shared value (the page may change one row's).
    function copier(value) {
      if (value === null || typeof value !== "object") { return function () { return value; }; }
      var json = JSON.stringify(value);
      if (json === "[]") { return function () { return []; }; }
      if (json === "{}") { return function () { return {}; }; }
      return function () { return JSON.parse(json); };
    }
    function rowsOf(gaps) {
      var rows = new Array(gaps.length), at = -1;
      for (var i = 0; i < gaps.length; i++) { at += gaps[i]; rows[i] = at; }
      return rows;
    }
    function str(i) { return i === null ? null : S[i]; }
    function strs(list) { return list.map(str); }
    // The values of one column, for the rows it covers (count of them).
    function cells(col, count) {
      var out = new Array(count), i;
      if ("c" in col) {
        var copy = copier(col.c);
        for (i = 0; i < count; i++) { out[i] = copy(); }
      } else if ("s" in col) {
        for (i = 0; i < count; i++) { out[i] = str(col.s[i]); }
      } else if ("f" in col) {
        for (i = 0; i < count; i++) { out[i] = S[col.f + i]; }
      } else if ("l" in col) {
        for (i = 0; i < count; i++) { out[i] = strs(col.l[i]); }
      } else if ("L" in col) {
        for (i = 0; i < count; i++) { out[i] = col.L[i].map(strs); }
      } else if ("q" in col) {
        for (i = 0; i < count; i++) { out[i] = col.q + i; }
      } else if ("d" in col) {
        var dicts = table(col.d), nulls = dict(), k = 0;
        if (col.z) { rowsOf(col.z).forEach(function (r) { nulls[r] = true; }); }
        for (i = 0; i < count; i++) { out[i] = nulls[i] ? null : dicts[k++]; }
      } else if ("t" in col) {
        var items = table(col.t), at = 0;
        for (i = 0; i < count; i++) {
          var n = col.n[i];
          out[i] = n < 0 ? null : items.slice(at, at + n);
          at += Math.max(n, 0);
        }
      } else if ("r" in col) {
        out = col.r;
      } else {
        throw new Error("dipgraph: unknown column in the page's data");
      }
      return out;
    }
    // Each row's value of one column: rows the column does not cover get a copy of its
    // default, or NONE (no key at all).
    var NONE = {};
    function column(col, n) {
      if (!col.i) { return cells(col, n); }
      var covered = rowsOf(col.i), values = cells(col, covered.length), c = 0;
      var other = "o" in col ? copier(col.o) : null, out = new Array(n);
      for (var r = 0; r < n; r++) {
        if (c < covered.length && covered[c] === r) { out[r] = values[c++]; }
        else { out[r] = other ? other() : NONE; }
      }
      return out;
    }
    function table(t) {
      var rows = new Array(t.n), r;
      for (r = 0; r < t.n; r++) { rows[r] = {}; }
      t.k.forEach(function (key, j) {
        var values = column(t.v[j], t.n), value;
        for (r = 0; r < t.n; r++) {
          value = values[r];
          if (value === NONE) { continue; }
          if (key === "__proto__") { put(rows[r], key, value); } else { rows[r][key] = value; }
        }
      });
      return rows;
    }
    function keyed(t) {
      var rows = table(t), ids = column(t.id, t.n), out = dict();
      for (var r = 0; r < t.n; r++) { put(out, ids[r], rows[r]); }
      return out;
    }
    var facts = dict();
    Object.keys(P.facts).forEach(function (name) { put(facts, name, keyed(P.facts[name])); });
    return {
      data: { nodes: table(P.nodes), edges: table(P.edges), options: P.options,
        legend: P.legend, large: P.large, folds: P.folds },
      facts: facts
    };
  }
