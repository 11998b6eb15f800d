  // ---- word matching: how well words match a text, and texts searched at once ----
  // dipgraph.names.word_tier: how well folded words match a folded text, best first:
  // 0 each is a whole word of it, 1 each starts a word, 2 some is only inside a word;
  // null when one is missing. The CLI ranks names by it too.
  var WORD_CHAR = /[\p{L}\p{N}]/u;
  function wordChar(text, at) {
    if (at < 0 || at >= text.length) { return false; }
    var code = text.charCodeAt(at);  // ASCII without the regular expression: most text
    if (code < 128) { return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90); }
    return WORD_CHAR.test(text[at]);
  }
  function wordTier(words, text) {
    var worst = 0;
    for (var i = 0; i < words.length; i++) {
      var word = words[i], best = null, at = text.indexOf(word);
      while (at !== -1 && best !== 0) {
        var starts = !wordChar(text, at - 1);
        var tier = starts ? (wordChar(text, at + word.length) ? 1 : 0) : 2;
        best = best === null ? tier : Math.min(best, tier);
        at = text.indexOf(word, at + 1);
      }
      if (best === null) { return null; }
      worst = Math.max(worst, best);
    }
    return worst;
  }
  // Folded texts joined in one string, a line each, with where each line starts: a
  // search looks each word up once in it (indexOf) and ranks only the lines holding
  // every word, not each of 20,000 names and 30,000 contacts in turn (at 10k that walk
  // took 10-25 ms a search and as much again in garbage collection).
  function joinedTexts(texts) {
    var starts = new Int32Array(texts.length), at = 0;
    for (var i = 0; i < texts.length; i++) { starts[i] = at; at += texts[i].length + 1; }
    return { text: texts.join("\n"), starts: starts, count: texts.length };
  }
  // The lines (their indices, ascending) holding word.
  function linesHolding(joined, word) {
    var out = [], text = joined.text, starts = joined.starts, n = joined.count;
    var at = text.indexOf(word);
    while (at !== -1) {
      var lo = 0, hi = n - 1;  // the last line starting at or before the hit
      while (lo < hi) {
        var mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= at) { lo = mid; } else { hi = mid - 1; }
      }
      out.push(lo);
      if (lo + 1 >= n) { break; }
      at = text.indexOf(word, starts[lo + 1]);
    }
    return out;
  }
  // The lines that may hold every word: those holding the word found on fewest lines.
  function candidateLines(joined, words) {
    var best = null;
    for (var i = 0; i < words.length && (!best || best.length); i++) {
      var lines = linesHolding(joined, words[i]);
      if (!best || lines.length < best.length) { best = lines; }
    }
    return best || [];
  }
