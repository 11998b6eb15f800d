  // ---- evidence: each source's line, the article opened at its quote, glosses ----
  function sourceLine(id) {
    var s = F.sources[id] || {};
    var title = sourceTitle(id);
    if (s.title && s.title_en && s.title !== s.title_en) { title += " (" + s.title + ")"; }
    var extra = [s.publisher, s.published].filter(Boolean).join(", ");
    return "\u2014 " + title + (extra ? " \u00b7 " + extra : "");
  }
  // The source under a quote: its English title, the printed one in its own direction,
  // publisher, date (or why there is none), its address, and the article itself, the
  // quote highlighted, one click away (the page carries the texts: graph_view.py).
  function sourceCaption(id, quote) {
    var s = F.sources[id] || dict();
    var caption = el("figcaption", null, { "class": "source" });
    caption.appendChild(el("span", "\u2014 " + sourceTitle(id), { "class": "source-title" }));
    if (s.title && s.title_en && s.title !== s.title_en) {
      caption.appendChild(el("span", s.title, { dir: "auto", "class": "original-title" }));
    }
    var extra = [s.publisher, s.published].filter(Boolean);
    if (extra.length) { caption.appendChild(el("span", extra.join(", "), { "class": "publisher", dir: "auto" })); }
    // Why a publisher or a date is missing, as the curator put it; else say so plainly.
    if (s.date_note) { caption.appendChild(el("span", s.date_note, { "class": "date-note" })); }
    else if (!s.published) { caption.appendChild(el("span", "no publication date recorded", { "class": "date-note" })); }
    var address = webLink(s.url);
    if (address) { caption.appendChild(address); }
    if (s.text) { caption.appendChild(articleBlock(s, quote)); }
    return caption;
  }
  // An address the reader may follow (http or https only; the page fetches nothing).
  function webLink(url) {
    if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) { return null; }
    return el("a", url, { href: url, target: "_blank", rel: "noopener noreferrer external",
      "class": "source-url", title: "Open the article (leaves this offline page)" });
  }
  // Where a quote sits in its article: the same match as the loader's (loader/quotes.py),
  // white space of any run and kind counting as one space.
  function quoteSpan(text, quote) {
    var words = String(quote).trim().split(/\s+/).filter(Boolean).map(function (w) {
      return w.replace(/[.*+?^$|()[\]\\\x7b\x7d]/g, "\\$&");
    });
    if (!words.length) { return null; }
    var m = new RegExp(words.join("\\s+"), "u").exec(text);
    return m ? { start: m.index, end: m.index + m[0].length } : null;
  }
  function articleBlock(s, quote) {
    var box = el("details", null, { "class": "article" });
    box.appendChild(el("summary", "Read the article (the quote highlighted)"));
    var body = el("div", null, { "class": "article-text", dir: "auto", lang: s.language || "" });
    box.appendChild(body);
    box.addEventListener("toggle", function () {
      if (!box.open || body.firstChild) { return; }
      var at = quoteSpan(s.text, quote);
      if (!at) { body.textContent = s.text; return; }
      body.appendChild(document.createTextNode(s.text.slice(0, at.start)));
      var mark = el("mark", s.text.slice(at.start, at.end));
      body.appendChild(mark);
      body.appendChild(document.createTextNode(s.text.slice(at.end)));
      mark.scrollIntoView({ block: "center" });
    });
    return box;
  }
  // `english`: an English line to show with a quote in another language (a post's).
  function evidenceBlock(items, english) {
    var box = el("div", null, { "class": "evidence" });
    (items || []).forEach(function (item) {
      var figure = el("figure", null, { "class": "cite" });
      figure.appendChild(el("blockquote", item.quote, { "class": "quote", dir: "auto" }));
      if (item.gloss) {  // the curator's English translation, under the quote
        var gloss = el("p", null, { "class": "gloss", lang: "en" });
        gloss.appendChild(el("span", "English gloss (the curator's, not the source's words): ", { "class": "muted" }));
        gloss.appendChild(el("span", item.gloss));
        figure.appendChild(gloss);
      }
      var s = F.sources[item.source] || dict();
      if (english && s.language && s.language !== "en") {
        figure.appendChild(el("p", "In English (the fact's summary): " + english, { "class": "summary" }));
      }
      figure.appendChild(sourceCaption(item.source, item.quote));
      box.appendChild(figure);
    });
    return box;
  }
