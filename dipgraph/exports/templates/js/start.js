/* dipgraph interactive graph. Every piece of fact text reaches the page through
   textContent or attribute values, never as markup.

   Read-only API for automation and tests, on window.dipgraph:
     state()            -> {nodes, edges, contacts, statements, selected, filters, layers, path,
                           lines (visible lines by layer), overview (large graphs)}
                           (ids of what is visible now, and the view's settings)
     select(id)         -> opens an actor, topic, "contact:<id>", "statement:<id>" or edge id
     setFilters({...})  -> from, to, undated, types, statuses, country, layers, focus,
                           overview (large graphs: group by country when zoomed out)
     path(a, b[, any[, {temporal, all}]])
                        -> highlights the shortest path over the contacts shown, by
                           `dipgraph path`'s rule (ids or names); any true/false first
                           shows every status / the default ones (--any-status), temporal
                           is --temporal, all is --all (every path drawn); returns its hops
                           {from, to, contact, status} (all: a list of paths), or null
     paths(pairs[, any[, {temporal, all, maxHops, limit}]])
                        -> for each [a, b] (ids), `dipgraph path`'s answer over the
                           contacts the filters keep of the default statuses (any: of
                           every one): hops or null (all: a list of paths); nothing drawn
     expand(id[, on])   -> explore: draw only the expanded actors' contacts (those the
                           filters keep) and who took part; on === false collapses it
                           (the last one collapsed: the whole graph); state().expanded
     clear()            -> back to the whole graph (filters, layers, selection, path)
     item(id)           -> a copy of a node's or an edge's record (a pair's contacts...)
     overlap()          -> fraction of visible nodes whose disc overlaps another one
     labels()           -> ids of the nodes whose names are drawn
     labelOverlaps()    -> how many pairs of drawn nodes' boxes (shape and name) overlap
     clusters()         -> large graphs: {shown, labels, bubbles, list, links, open, threshold}
                           (the country overview drawn when zoomed out)
     openCluster(id)    -> large graphs: zoom onto a country's actors, dim the rest
     visInternals()     -> {pinned, missing}: the vis-network internals the page relies on
                           that this vis-network lacks (see vis_internals.js)
     tidy()             -> pushes apart nodes whose boxes overlap and squeezes the layout
                           until the fit draws names at 13 px (done after each layout);
                           returns the overlaps left
     pageNames()        -> {hovered: {id, px} | null, placed: [{id, px, box}]}: the names
                           the page drew itself last frame because vis-network's were
                           under 12 px (box: CSS px from the canvas's corner)
     fold(text)         -> the text folded as names are matched (dipgraph.names.normalise_name)
     unpacked([text])   -> {data, facts}: the page's data (or the packed text given) as
                           unpack.js rebuilds it, afresh (data: nodes, edges, options,
                           legend, large; facts: actors, topics, contacts...)
     network, nodes, edges: the vis-network objects (read them, do not change them)
*/
(function () {
  "use strict";

  // Every map keyed by an id, a name or anything else from the data or the address is
  // made here, with no prototype: a plain {} answers "constructor" or "toString" with
  // Object's own function, so a fact id "constructor" or #sel=__proto__ broke the page.
  function dict() { return Object.create(null); }
  performance.mark("dipgraph:start");
  var unpacked = unpackPage(document.getElementById("graph-data").textContent);
  var data = unpacked.data, F = unpacked.facts;
  // Let the unpacked wrapper go: the closure would otherwise keep it for the page's life.
  unpacked = null; // eslint-disable-line no-useless-assignment
  performance.mark("dipgraph:parsed");
  var large = Boolean(data.large);
  var LAYERS = ["contacts", "statements", "topics", "posts", "countries"];
  var LAYER_LABELS = { contacts: "contacts (always)", statements: "statements",
    topics: "topics", posts: "posts and memberships", countries: "countries" };
  var DEFAULT_LAYERS = { contacts: true, statements: false, topics: false, posts: false,
    countries: false };
  var EDGE_STYLE = {
    party: { color: "#555555", width: 2 },
    subject: { color: "#555555", width: 1.5, dashes: [6, 4], arrows: "to", label: "subject" },
    host: { color: "#555555", width: 1.5, dashes: [2, 4], label: "host" },
    mediator: { color: "#555555", width: 1.5, dashes: [2, 4], label: "mediator" },
    topic: { color: "#999933", width: 1 },
    said: { color: "#8a6d00", width: 1.2, arrows: "to" },
    about: { color: "#8a6d00", width: 1.2, arrows: "to" },
    post: { color: "#666666", width: 1.5, dashes: [8, 4], arrows: "to" },
    member_of: { color: "#aaaaaa", width: 1, dashes: [2, 4], arrows: "to" },
    part_of: { color: "#aaaaaa", width: 1, dashes: [2, 4], arrows: "to" },
    country: { color: "#cccccc", width: 1, dashes: [2, 6] },
    broader: { color: "#999933", width: 1, dashes: [2, 4], arrows: "to" },
    pair: { color: "#9a9a9a", width: 1 },
    discussed: { color: "#999933", width: 1 }
  };
  var PATH_COLOUR = "#000000";

