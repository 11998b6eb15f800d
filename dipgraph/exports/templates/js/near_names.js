  // ---- near names: dipgraph.names.close_matches (difflib's ratio, cutoff 0.5, 8 best) --
  // Ratcliff and Obershelp's ratio as difflib computes it (no junk: names are short):
  // twice the matched characters over both lengths. tests/test_html_search.py compares
  // it with Python's on typos of every name.
  function longestMatch(a, b, alo, ahi, blo, bhi, b2j) {
    var besti = alo, bestj = blo, bestsize = 0, j2len = new Map();
    for (var i = alo; i < ahi; i++) {
      var next = new Map(), js = b2j.get(a[i]) || [];
      for (var k = 0; k < js.length; k++) {
        var j = js[k];
        if (j < blo) { continue; }
        if (j >= bhi) { break; }
        var size = (j2len.get(j - 1) || 0) + 1;
        next.set(j, size);
        if (size > bestsize) { besti = i - size + 1; bestj = j - size + 1; bestsize = size; }
      }
      j2len = next;
    }
    return [besti, bestj, bestsize];
  }
  function nameRatio(option, word) {
    var a = Array.from(option), b = Array.from(word), b2j = new Map(), matched = 0;
    b.forEach(function (ch, j) { if (!b2j.has(ch)) { b2j.set(ch, []); } b2j.get(ch).push(j); });
    var queue = [[0, a.length, 0, b.length]];
    while (queue.length) {
      var q = queue.pop(), m = longestMatch(a, b, q[0], q[1], q[2], q[3], b2j);
      if (!m[2]) { continue; }
      matched += m[2];
      if (q[0] < m[0] && q[2] < m[1]) { queue.push([q[0], m[0], q[2], m[1]]); }
      if (m[0] + m[2] < q[1] && m[1] + m[2] < q[3]) { queue.push([m[0] + m[2], q[1], m[1] + m[2], q[3]]); }
    }
    var total = a.length + b.length;
    return total ? 2 * matched / total : 0;
  }
  // Every folded name once (nameList), its length in letters, and for each letter the
  // names holding it with how many times (flat [name, count, ...]): built with the names,
  // in idle slices. A typo's letters in common with every name are then a walk over
  // its letters' lists, not a tally per name (~60 ms a typo at 10,000 actors).
  var nameList = [], nameLengths = [], namesWithLetter = new Map();
  function indexLetters(key) {
    var letters = Array.from(key), counts = new Map(), at = nameList.length;
    nameList.push(key);
    nameLengths.push(letters.length);
    letters.forEach(function (ch) { counts.set(ch, (counts.get(ch) || 0) + 1); });
    counts.forEach(function (count, ch) {
      var list = namesWithLetter.get(ch);
      if (!list) { list = []; namesWithLetter.set(ch, list); }
      list.push(at, count);
    });
  }
  // The folded names nearest a folded word, best first (ties: the later name first,
  // as difflib's heap gives them). As difflib's get_close_matches, a name's ratio is
  // bounded by the letters it has in common with the word (its quick_ratio, which also
  // bounds the lengths' real_quick_ratio); names are scored from the highest bound
  // down, and scoring stops once the bound is under the cutoff or the n-th best score
  // so far: the same names, in the same order, as scoring every name.
  function closeNames(word, n, cutoff) {
    nameIndex();
    var wordLetters = Array.from(word), counts = new Map(), scored = [], floor = cutoff;
    var common = new Int32Array(nameList.length), bounds = [];
    wordLetters.forEach(function (ch) { counts.set(ch, (counts.get(ch) || 0) + 1); });
    counts.forEach(function (have, ch) {
      var list = namesWithLetter.get(ch) || [];
      for (var i = 0; i < list.length; i += 2) { common[list[i]] += Math.min(have, list[i + 1]); }
    });
    for (var k = 0; k < nameList.length; k++) {
      var total = nameLengths[k] + wordLetters.length, bound = total ? 2 * common[k] / total : 0;
      if (bound >= cutoff) { bounds.push([bound, k]); }
    }
    bounds.sort(function (x, y) { return y[0] - x[0]; });
    var byScore = function (x, y) { return y[0] - x[0] || (x[1] < y[1] ? 1 : x[1] > y[1] ? -1 : 0); };
    for (var b = 0; b < bounds.length && bounds[b][0] >= floor; b++) {
      var key = nameList[bounds[b][1]], r = nameRatio(key, word);
      if (r < floor) { continue; }
      scored.push([r, key]);
      if (scored.length >= n) {  // the n best so far; the n-th is the score to reach
        scored.sort(byScore);
        scored.length = n;
        floor = Math.max(cutoff, scored[n - 1][0]);
      }
    }
    scored.sort(byScore);
    return scored.slice(0, n).map(function (s) { return s[1]; });
  }
  // Actors and topics a mistyped name may mean: the CLI's "closest" list.
  function nearNames(text) {
    var ids = [];
    closeNames(norm(text), 8, 0.5).forEach(function (key) {
      exactly(key).slice().sort().forEach(function (id) { if (ids.indexOf(id) === -1) { ids.push(id); } });
    });
    return ids.slice(0, 5);
  }

