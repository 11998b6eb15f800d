"""The HTML graph at 10,000 actors and 30,000 contacts, in headless Chromium: readable and usable.

One synthetic page (benchmarks/synth.py) is built for the module: ~25 s of the suite.
"""

from __future__ import annotations

import difflib
import math
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from html_browser import open_graph

import dipgraph
from conftest import REPO
from dipgraph.exports.html import write_html
from dipgraph.exports.layout import without_overlap
from dipgraph.facts import DEFAULT_STATUSES
from dipgraph.names import normalise_name

sys.path.insert(0, str(REPO / "benchmarks"))
import synth

# English names of a few synthetic actors, read from the facts the page was made of.
NAMED = ("person-17", "person-1700")


@pytest.fixture(scope="module")
def large_site(tmp_path_factory) -> tuple[Any, dict[str, str], Any]:
    work = tmp_path_factory.mktemp("large")
    synth.synthesize(work / "facts", 30000, 10000)
    kg = dipgraph.load(work / "facts")
    names = {ident: kg.facts.actors[ident].name for ident in NAMED}
    return write_html(kg, work / "graph.html"), names, kg.facts


@pytest.fixture(scope="module")
def large_html(large_site) -> Any:
    return large_site[0]


@pytest.fixture(scope="module")
def large_page(browser, large_site) -> Iterator[Any]:
    context, page = open_graph(browser, large_site[0])
    page.facts = large_site[2]  # what the tests check the page against
    yield page
    context.close()


def test_under_five_percent_of_nodes_overlap_at_first_fit(large_page) -> None:
    state = large_page.evaluate("window.dipgraph.state()")
    assert state["large"] and len(state["nodes"]) > 9000
    assert large_page.evaluate("window.dipgraph.overlap()") < 0.05
    assert large_page.errors == []


def test_the_first_view_has_its_timeline_at_scale(large_page) -> None:
    """The first view's years are drawn once the page is ready (the timeline's token was
    set to 0 after the first view asked for it: the strip stayed empty, aria-busy)."""
    large_page.wait_for_selector("#timeline:not([aria-busy])", state="attached")
    assert large_page.locator("#timeline .bin").count() == 10  # the synthetic years
    assert large_page.locator("#overview-list li").count() == 20  # and the countries


def frame(page) -> None:
    """Wait for the redraw a change asked for (vis-network draws on the next frame)."""
    page.evaluate("new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)))")


def test_first_fit_shows_countries_as_labelled_clusters_that_do_not_overlap(large_page) -> None:
    large_page.evaluate("window.dipgraph.network.fit({animation: false})")
    frame(large_page)
    overview = large_page.evaluate("window.dipgraph.clusters()")
    assert overview["shown"] and len(overview["list"]) == 20  # the synthetic states
    assert sum(c["actors"] for c in overview["list"]) == len(
        [n for n in large_page.evaluate("window.dipgraph.state().nodes")]
    )
    assert len(overview["labels"]) == 20  # every country is named at first fit
    assert large_page.evaluate("window.dipgraph.labels()") == []  # no actor soup
    bubbles = overview["bubbles"]
    for i, a in enumerate(bubbles):
        for b in bubbles[i + 1 :]:
            assert math.dist((a["x"], a["y"]), (b["x"], b["y"])) >= a["r"] + b["r"]
    assert overview["links"] and overview["links"][0]["contacts"] > 0


def test_clicking_a_cluster_opens_it_and_names_its_actors_where_they_fit(large_page) -> None:
    large_page.evaluate("window.dipgraph.network.fit({animation: false})")
    frame(large_page)
    bubble = next(
        b for b in large_page.evaluate("window.dipgraph.clusters().bubbles") if b["id"] == "state-3"
    )
    point = large_page.evaluate(
        """(b) => { const p = window.dipgraph.network.canvasToDOM({x: b.x, y: b.y});
        const r = document.querySelector('#graph canvas').getBoundingClientRect();
        return [r.x + p.x, r.y + p.y]; }""",
        bubble,
    )
    large_page.mouse.click(*point)
    frame(large_page)
    overview = large_page.evaluate("window.dipgraph.clusters()")
    assert overview["open"] == "state-3" and not overview["shown"]
    assert large_page.inner_text("#panel h3") == "State 3 (country)"
    labelled = large_page.evaluate("window.dipgraph.labels()")
    assert 10 <= len(labelled) <= 80  # a readable view, not 500 names
    nodes = large_page.evaluate(
        "Object.fromEntries(window.dipgraph.nodes.get().map(n => [n.id, [n.degree, n.country]]))"
    )
    members = sorted(d for d, c in nodes.values() if c == "state-3")
    # Only the open country's actors are named, its best-connected first.
    assert all(nodes[n][1] == "state-3" for n in labelled)
    assert sum(nodes[n][0] for n in labelled) / len(labelled) > members[len(members) // 2]
    # Its panel lists its busiest actors and the countries it talked with, as buttons.
    large_page.click("#panel [data-cluster]")
    assert large_page.evaluate("window.dipgraph.clusters().open") not in (None, "state-3")
    large_page.evaluate("window.dipgraph.clear()")


def test_a_click_opens_the_node_under_the_pointer(large_page) -> None:
    # The timeline of the view before is drawn in a task after it: the page's layout,
    # and so the canvas's place, settled first.
    large_page.wait_for_selector("#timeline:not([aria-busy])", state="attached")
    for ident in ("person-5", "person-4321", "org-17"):
        point = large_page.evaluate(
            """(id) => { const d = window.dipgraph, n = d.network;
            n.fit({animation: false});
            // Zoomed just past the overview, as after opening a country.
            n.moveTo({position: n.getPositions([id])[id], scale: d.clusters().threshold * 1.25,
                      animation: false});
            const p = n.canvasToDOM(n.getPositions([id])[id]);
            const r = document.querySelector('#graph canvas').getBoundingClientRect();
            return [r.x + p.x, r.y + p.y]; }""",
            ident,
        )
        large_page.mouse.click(*point)
        assert large_page.evaluate("window.dipgraph.state().selected") == ident
    large_page.evaluate("window.dipgraph.clear()")


def test_every_layer_switched_on_at_scale_draws_its_lines(large_page) -> None:
    assert set(large_page.evaluate("window.dipgraph.state().lines")) == {"contacts"}
    for layer in ("statements", "topics", "posts", "countries"):
        large_page.evaluate(f"window.dipgraph.setFilters({{layers: ['contacts', '{layer}']}})")
        lines = large_page.evaluate("window.dipgraph.state().lines")
        assert set(lines) == {"contacts", layer} and lines[layer] > 100, (layer, lines)
        # The layer note says what building it cost.
        assert f"Built the {layer}" in large_page.inner_text("#layers-note")
    state = large_page.evaluate("window.dipgraph.state()")
    assert any(
        n.startswith("statement:")
        for n in large_page.evaluate(
            "window.dipgraph.setFilters({layers: ['contacts', 'statements']}),"
            "window.dipgraph.state().nodes"
        )
    )
    assert state["layers"] == ["contacts", "countries"]
    # A statement drawn at scale opens its panel.
    assert large_page.evaluate("window.dipgraph.select('statement:statement-3')")
    assert "statement-3" in large_page.inner_text("#panel")
    large_page.evaluate("window.dipgraph.clear()")
    assert set(large_page.evaluate("window.dipgraph.state().lines")) == {"contacts"}
    assert large_page.errors == []


def test_clicking_a_pair_line_opens_the_list_of_its_contacts(large_page) -> None:
    edge = large_page.evaluate(
        """window.dipgraph.state().edges.map(id => window.dipgraph.item(id))
        .filter(e => e.contacts.length > 1)[0]"""
    )
    # 35,000 straight lines cross everywhere: a person zooms in until the line stands
    # clear of the other lines and nodes, then clicks it. Find its clearest point,
    # zoom, click.
    point = large_page.evaluate(
        """(e) => { const d = window.dipgraph, n = d.network;
        const pos = n.getPositions();
        const others = d.state().edges.map(id => d.item(id)).filter(o => o.id !== e.id);
        const discs = d.state().nodes.map(id => d.item(id));
        function gap(q) {
          let best = Infinity;
          for (const disc of discs) {  // a node's box over the line would take the click
            const p = pos[disc.id];
            best = Math.min(best, Math.max(Math.abs(q.x - p.x), Math.abs(q.y - p.y)) - disc.size);
          }
          for (const o of others) {
            const a = pos[o.from], b = pos[o.to], dx = b.x - a.x, dy = b.y - a.y;
            const t = Math.max(0, Math.min(1, ((q.x - a.x) * dx + (q.y - a.y) * dy) /
                                               (dx * dx + dy * dy || 1)));
            best = Math.min(best, Math.hypot(q.x - a.x - t * dx, q.y - a.y - t * dy));
          }
          return best;
        }
        let middle = null, clearest = -1;
        for (let i = 0; i <= 60; i++) {
          const t = 0.2 + 0.6 * i / 60, q = {x: pos[e.from].x + t * (pos[e.to].x - pos[e.from].x),
                                 y: pos[e.from].y + t * (pos[e.to].y - pos[e.from].y)};
          const g = gap(q);
          if (g > clearest) { clearest = g; middle = q; }
        }
        // Zoomed in until the nearest other line is 4 screen pixels away.
        n.moveTo({position: middle, scale: Math.max(2, 4 / clearest), animation: false});
        const dom = n.canvasToDOM(middle);
        const r = document.querySelector('#graph canvas').getBoundingClientRect();
        return [r.x + dom.x, r.y + dom.y]; }""",
        edge,
    )
    large_page.mouse.click(*point)
    assert large_page.evaluate("window.dipgraph.state().selected") == edge["id"]
    listed = large_page.evaluate(
        "[...document.querySelectorAll('#panel [data-contact]')].map(b => b.dataset.contact)"
    )
    # The pair's contacts shown: those of the statuses shown (by default, `talks`'s).
    shown = set(large_page.evaluate("window.dipgraph.state().contacts"))
    assert listed and sorted(listed) == sorted(c for c in edge["contacts"] if c in shown)
    large_page.click(f"#panel [data-contact='{listed[0]}']")
    assert large_page.evaluate("window.dipgraph.state().selected") == f"contact:{listed[0]}"


def test_country_filter_and_path_at_scale(large_page) -> None:
    large_page.evaluate("window.dipgraph.setFilters({country: 'state-3'})")
    state = large_page.evaluate("window.dipgraph.state()")
    assert 0 < len(state["contacts"]) < 30000
    filtered = large_page.evaluate("window.dipgraph.path('person-17', 'person-9000')") or []
    # A path over a filtered view only uses the contacts shown.
    assert {hop["contact"] for hop in filtered} <= set(state["contacts"])
    large_page.evaluate("window.dipgraph.clear()")
    hops = large_page.evaluate("window.dipgraph.path('person-17', 'person-9000')")
    assert hops and hops[0]["from"] == "person-17" and hops[-1]["to"] == "person-9000"
    assert large_page.evaluate("window.dipgraph.state().path.hops.length") == len(hops)


def test_lattice_placement_never_overlaps() -> None:
    rng = __import__("random").Random(3)
    positions = {str(i): (rng.gauss(0, 50), rng.gauss(0, 50)) for i in range(2000)}
    radii = {k: rng.uniform(4, 20) for k in positions}
    placed = without_overlap(positions, radii)
    items = list(placed.items())
    cell: dict[tuple[int, int], list[str]] = {}
    for key, (x, y) in items:
        cell.setdefault((int(x // 50), int(y // 50)), []).append(key)
    for key, (x, y) in items:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for other in cell.get((int(x // 50) + dx, int(y // 50) + dy), []):
                    if other != key:
                        assert math.dist(placed[key], placed[other]) >= radii[key] + radii[other]


def test_the_address_keeps_layers_and_the_overview_at_scale(large_page) -> None:
    large_page.evaluate(
        "window.dipgraph.setFilters({layers: ['contacts', 'countries'], overview: false})"
    )
    address = large_page.url
    assert "overview=0" in address and "countries" in address
    large_page.goto("about:blank")
    large_page.goto(address)
    large_page.wait_for_selector("body[data-ready=true]", state="attached", timeout=120000)
    state = large_page.evaluate("window.dipgraph.state()")
    assert state["overview"] is False and state["layers"] == ["contacts", "countries"]
    assert state["lines"]["countries"] > 1000  # built at load, because the address asked
    assert not large_page.evaluate("window.dipgraph.clusters().shown")
    large_page.evaluate("window.dipgraph.clear()")
    assert large_page.evaluate("window.dipgraph.state().overview") is True


# ---- search at 10k: a capped list, typos, and a page that answers as soon as it is ready --


def search(page, text: str) -> None:
    page.fill("#search", text)
    page.press("#search", "Enter")


def typo(name: str) -> str:
    """The name with the second letter of its second word dropped ("Ivanova" -> "Ianova")."""
    words = name.split(" ")
    words[1] = words[1][0] + words[1][2:]
    return " ".join(words)


def test_a_search_lists_at_most_fifty_names_and_a_typo_finds_the_actor(
    large_page, large_site
) -> None:
    search(large_page, "Sofia")  # hundreds of actors hold it
    listed = large_page.eval_on_selector_all("#search-list button[data-id]", "bs => bs.length")
    assert listed == 50
    assert "(first 50 listed)" in large_page.inner_text("#search-result")
    search(large_page, typo(large_site[1]["person-17"]))
    offered = large_page.eval_on_selector_all(
        "#search-list button.near", "bs => bs.map(b => b.dataset.id)"
    )
    assert "person-17" in offered
    large_page.click("#search-list button[data-id=person-17]")
    assert large_page.evaluate("window.dipgraph.state().selected") == "person-17"
    assert large_page.errors == []


def test_near_names_at_scale_are_difflibs(large_page, large_site) -> None:
    """The page scores only names whose upper bounds reach the cutoff (and the 8th best
    so far): the answer must stay difflib's over all 10,000 actors' names."""
    keys = large_page.evaluate("window.dipgraph.nameKeys()")
    assert len(keys) > 20000
    words = [normalise_name(typo(name)) for name in large_site[1].values()]
    words += ["state 3", "agncy 12"]
    mine = large_page.evaluate("(ws) => ws.map(w => window.dipgraph.closeNames(w, 8, 0.5))", words)
    theirs = [difflib.get_close_matches(w, keys, n=8, cutoff=0.5) for w in words]
    assert mine == theirs


def test_the_page_answers_a_search_as_soon_as_it_is_ready(browser, large_site) -> None:
    """Right at ready the search index is still being built in idle slices: a search
    then finishes it at once and finds the actor; the indexes complete on their own."""
    context, page = open_graph(browser, large_site[0])
    try:
        search(page, "person-17")
        assert page.evaluate("window.dipgraph.state().selected") == "person-17"
        assert large_site[1]["person-17"] in page.inner_text("#panel")
        page.wait_for_function("() => window.dipgraph.status.textsMs", timeout=120000)
        assert page.evaluate("window.dipgraph.status.indexedMs") <= page.evaluate(
            "window.dipgraph.status.textsMs"
        )
        assert page.errors == []
    finally:
        context.close()


def test_exploring_from_a_searched_actor_draws_only_its_neighbourhood(large_page) -> None:
    """Found by search, one actor of 10,000 is explored: only its contacts and who was
    on their other sides are drawn; a neighbour expanded adds its own, collapsed takes
    them back; stopping draws the whole graph again."""
    page, facts = large_page, large_page.facts
    page.evaluate("window.dipgraph.clear()")
    whole = set(page.evaluate("window.dipgraph.state().nodes"))

    def drawn() -> tuple[set[str], set[str]]:
        state = page.evaluate("window.dipgraph.state()")
        return set(state["nodes"]), set(state["contacts"])

    def around(actors: list[str]) -> tuple[set[str], set[str]]:
        contacts = {
            c.id
            for c in facts.contacts.values()
            if {*c.participants, *c.subjects, *c.hosts, *c.mediators} & set(actors)
            and c.status in DEFAULT_STATUSES  # the filters still apply: the default statuses
        }
        parties = {a for cid in contacts for pair in facts.contacts[cid].pairs for a in pair}
        return parties | set(actors), contacts

    page.fill("#search", facts.actors["person-17"].names["en"])
    page.press("#search", "Enter")
    page.wait_for_function("() => window.dipgraph.state().selected === 'person-17'")
    page.click("#panel .explore-expand")
    first = around(["person-17"])
    assert drawn() == first and 1 < len(first[0]) < 100

    def dated_in_timeline() -> int:  # drawn in a task after the graph's (aria-busy till then)
        page.wait_for_selector("#timeline:not([aria-busy])", state="attached")
        by_year = page.eval_on_selector_all(
            "#timeline .bin", "bs => bs.map(b => Number(b.title.split(': ')[1].split(' ')[0]))"
        )
        return sum(by_year)

    # the timeline counts what exploring keeps
    assert dated_in_timeline() == len([c for c in first[1] if facts.contacts[c].date])
    page.evaluate("window.dipgraph.network.moveTo({scale: 0.001, animation: false})")
    frame(page)
    assert not page.evaluate("window.dipgraph.clusters().shown")  # its actors, not bubbles
    neighbour = sorted(first[0] - {"person-17"})[0]
    page.evaluate(f"window.dipgraph.select('{neighbour}')")
    page.click("#panel .explore-expand")
    both = around(["person-17", neighbour])
    assert drawn() == both and both[1] > first[1]
    page.click("#panel .explore-collapse")
    assert drawn() == first
    page.click("#panel .explore-stop")
    assert drawn()[0] == whole and page.errors == []
    assert dated_in_timeline() == len([c for c in drawn()[1] if facts.contacts[c].date])
    page.wait_for_function(  # the country list is back, drawn in a task of its own
        "() => document.querySelectorAll('#overview-list li').length"
        " === window.dipgraph.clusters().list.length"
    )


# The share of the graph's pixels with visible ink (luminance under 230 of 255).
INKED_SHARE = """(() => {
  const canvas = window.dipgraph.network.canvas.frame.canvas;
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let inked = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const alpha = pixels[i + 3] / 255;  // a transparent pixel shows the white page
    const grey = 0.3 * pixels[i] + 0.59 * pixels[i + 1] + 0.11 * pixels[i + 2];
    const lum = 255 - alpha * (255 - grey);
    if (lum < 230) { inked++; }
  }
  return inked / (pixels.length / 4);
})()"""


# The share of the canvas the discs and marks on screen could cover at most (their areas
# with outline and halo summed, overlaps counted twice; the few names drawn are left out).
DISC_SHARE = """(() => {
  const net = window.dipgraph.network, canvas = net.canvas.frame.canvas, s = net.getScale();
  const a = net.DOMtoCanvas({x: 0, y: 0});
  const b = net.DOMtoCanvas({x: canvas.clientWidth, y: canvas.clientHeight});
  let area = 0;
  for (const id of net.body.nodeIndices) {
    const n = net.body.nodes[id], r = n.shape.radius || 10;
    if (n.x + r < a.x || n.x - r > b.x || n.y + r < a.y || n.y - r > b.y) continue;
    const kind = window.dipgraph.item(id).kind;
    const px = kind === 'contact' ? Math.max(r * s, 20) + 4 : r * s + 1;  // outline, halo
    area += kind === 'contact' ? 4 * px * px : Math.PI * px * px;
  }
  return area / (canvas.clientWidth * canvas.clientHeight);
})()"""


def test_tens_of_thousands_of_lines_on_screen_are_still_drawn(large_page) -> None:
    """Past a budget of line pixels on screen the lines are stroked at a lower resolution
    and laid over the graph (large_haze.js): they must still ink the canvas, far beyond
    what the discs and marks on screen could cover by themselves."""
    page = large_page
    page.evaluate("window.dipgraph.clear(); window.dipgraph.setFilters({overview: false})")
    at = page.evaluate("window.dipgraph.network.getPositions(['person-17'])['person-17']")
    page.evaluate(
        "([x, y]) => window.dipgraph.network.moveTo("
        "{position: {x, y}, scale: 0.27, animation: false})",
        [at["x"], at["y"]],
    )
    frame(page)
    haze = page.evaluate("window.dipgraph.status.haze")
    inked, discs = page.evaluate(INKED_SHARE), page.evaluate(DISC_SHARE)
    page.evaluate("window.dipgraph.clear(); window.dipgraph.setFilters({overview: true})")
    assert haze < 1  # the lines went through the haze
    assert inked > 1.5 * discs, (inked, discs)
    assert page.errors == []


# ---- search to drawn and stopping exploring at 10k: the work they do (issue #27) ------


def test_a_search_at_scale_draws_the_found_neighbourhood_or_the_names_offered(
    large_page, large_site
) -> None:
    """Selecting one actor of 10,000 by search computes no view of the graph again and
    strokes at full ink only the lines of its neighbourhood; a search that offers names
    to choose from (a typo, a common word) dims everything but those names, so the
    frame strokes no line at full ink (undimmed, 24,000 lines at that zoom)."""
    page = large_page
    page.evaluate("window.dipgraph.clear()")
    before = page.evaluate("window.dipgraph.state().wholeViewsComputed")
    search(page, large_site[1]["person-17"])
    frame(page)
    state = page.evaluate("window.dipgraph.state()")
    assert state["selected"] == "person-17"
    assert set(state["bright"]) >= {"person-17"} and len(state["bright"]) < 200
    assert 0 < state["linesStroked"] < 200 < len(state["edges"])  # its lines, of 36,000
    search(page, typo(large_site[1]["person-17"]))
    frame(page)
    offered = page.eval_on_selector_all(
        "#search-list button.near", "bs => bs.map(b => b.dataset.id)"
    )
    state = page.evaluate("window.dipgraph.state()")
    assert state["selected"] is None and "person-17" in offered
    assert state["bright"] == sorted(offered) and state["linesStroked"] == 0
    search(page, "Sofia")
    frame(page)
    listed = page.eval_on_selector_all(
        "#search-list button[data-id]", "bs => bs.map(b => b.dataset.id)"
    )
    state = page.evaluate("window.dipgraph.state()")
    assert len(listed) == 50 and state["bright"] == sorted(listed)
    assert state["linesStroked"] == 0
    assert state["wholeViewsComputed"] == before  # no search recomputed the view
    page.click("#search-list button.back")  # back to the whole graph: nothing dimmed
    assert page.evaluate("window.dipgraph.state().bright") is None
    assert page.errors == []


def test_stopping_exploring_at_scale_computes_the_whole_view_at_most_once(large_page) -> None:
    """Stopping exploring comes back to the whole graph's view kept from before, and a
    reset right after (nothing left to change) computes nothing again: it was one task
    of two whole-view computations of 30,000 contacts and 36,000 lines."""
    page = large_page
    page.evaluate("window.dipgraph.clear()")
    whole = page.evaluate("window.dipgraph.state()")
    page.evaluate("window.dipgraph.select('person-17'); window.dipgraph.expand('person-17')")
    assert len(page.evaluate("window.dipgraph.state().nodes")) < 100
    page.click("#panel .explore-stop")
    after = page.evaluate("window.dipgraph.state()")
    assert after["expanded"] == [] and after["nodes"] == whole["nodes"]
    assert after["contacts"] == whole["contacts"] and after["edges"] == whole["edges"]
    page.evaluate("window.dipgraph.expand('person-17'); window.dipgraph.expand('person-17', false)")
    page.evaluate("window.dipgraph.clear()")
    end = page.evaluate("window.dipgraph.state()")
    assert end["nodes"] == whole["nodes"] and end["edges"] == whole["edges"]
    assert end["wholeViewsComputed"] == whole["wholeViewsComputed"]
    assert page.errors == []


def test_stopping_exploring_at_scale_puts_the_whole_timeline_back(large_page) -> None:
    """The whole graph's timeline is kept while exploring and put back when it stops
    (not counted again): the same years and counts, its bars still filter, and the lines
    drawn while exploring are only the explored contacts'."""
    page = large_page
    page.evaluate("window.dipgraph.clear()")
    idle = "() => !document.getElementById('timeline').hasAttribute('aria-busy')"
    page.wait_for_function(idle)
    whole = page.inner_text("#timeline")
    page.evaluate("window.dipgraph.expand('person-17')")
    page.wait_for_function(idle)
    state = page.evaluate("window.dipgraph.state()")
    assert page.inner_text("#timeline") != whole
    drawn = {e for e in state["edges"] if not e.startswith("L")}
    assert 0 < len(drawn) < 200  # the explored neighbourhood's lines, not the 10k graph's
    page.evaluate("window.dipgraph.expand('person-17', false)")
    page.wait_for_function(idle)
    assert page.inner_text("#timeline") == whole
    bar = page.locator("#timeline .bin").first
    year = bar.inner_text()
    bar.click()
    assert page.input_value("#date-from") == year and page.input_value("#date-to") == year
    page.evaluate("window.dipgraph.clear()")
    assert page.errors == []
