"""Selecting, framing and clearing in the HTML graph, in headless Chromium: what a
selection draws and dims, what a reset or a filter frames, colours that hold from page
to page, a secret contact's name, messages for choices, empty views and no path, and a
narrow screen that brings a result into view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from html_browser import graph_page

import dipgraph
from dipgraph.exports.html import write_html


def drawn_selected(page) -> list[str]:
    """Ids of the nodes vis-network draws as selected (its items' own flag)."""
    return page.evaluate(
        """Object.values(window.dipgraph.network.body.nodes)
        .filter(n => n.selected).map(n => n.id)"""
    )


# ---- Reset and "Back to the whole graph" leave nothing drawn selected ------------
def test_reset_view_draws_no_selection(page) -> None:
    page.fill("#search", "Lavrov")
    page.press("#search", "Enter")
    assert page.evaluate("window.dipgraph.state().selected") == "sergey-lavrov"
    assert drawn_selected(page) == ["sergey-lavrov"]
    page.click("#reset-all")
    assert page.evaluate("window.dipgraph.state().selected") is None
    assert drawn_selected(page) == []


def test_back_to_the_whole_graph_draws_no_selection(page) -> None:
    page.fill("#search", "Sergei")
    page.press("#search", "Enter")
    page.click("#search-list button[data-id]")
    assert drawn_selected(page)
    page.click("#search-list button.back")
    assert page.evaluate("window.dipgraph.state().selected") is None
    assert drawn_selected(page) == []


# ---- A selection frames its neighbourhood, and dims the rest ----------------------
NEIGHBOURS = """(id) => {
  const d = window.dipgraph, shown = d.state().edges.map(e => d.item(e));
  const next = (n) => shown.filter(e => e.from === n || e.to === n)
    .map(e => (e.from === n ? e.to : e.from));
  let near = next(id);
  if (!id.startsWith("contact:")) { near = near.concat(...near.map(next)); }
  return [...new Set(near)].filter(n => n !== id);
}"""
OFF_SCREEN = """(ids) => {
  const n = window.dipgraph.network, c = n.canvas.frame.canvas;
  const w = c.clientWidth, h = c.clientHeight, pos = n.getPositions(ids);
  return ids.filter(id => { const p = n.canvasToDOM(pos[id]);
    return !(p.x >= 0 && p.x <= w && p.y >= 0 && p.y <= h); });
}"""


@pytest.mark.parametrize(
    "ident", ["contact:istanbul-secret-talks", "vladimir-putin", "russia", "sergey-lavrov"]
)
def test_selecting_frames_every_neighbour(page, ident: str) -> None:
    near = page.evaluate(NEIGHBOURS, ident)
    assert len(near) >= 2
    assert page.evaluate("(id) => window.dipgraph.select(id)", ident)
    assert page.evaluate(OFF_SCREEN, near) == []
    assert page.evaluate(OFF_SCREEN, [ident]) == []


def test_selecting_a_contact_dims_the_rest(page) -> None:
    ident = "contact:istanbul-secret-talks"
    near = set(page.evaluate(NEIGHBOURS, ident)) | {ident}
    page.evaluate("(id) => window.dipgraph.select(id)", ident)
    opacity = page.evaluate(
        """Object.fromEntries(window.dipgraph.state().nodes
        .map(id => [id, window.dipgraph.nodes.get(id).opacity]))"""
    )
    dimmed = {n for n, o in opacity.items() if o is not None and o < 0.5}
    assert dimmed and not dimmed & near
    assert set(opacity) - near == dimmed


# ---- A search hit the layers leave out is drawn beside what it is linked to --------
def opacity(page, ident: str) -> float:
    value = page.evaluate("(id) => window.dipgraph.nodes.get(id).opacity", ident)
    return 1.0 if value is None else value


def test_a_topic_found_by_search_sits_by_the_contact_that_discussed_it(page) -> None:
    assert page.evaluate("window.dipgraph.state().layers") == ["contacts"]
    page.fill("#search", "risk reduction")
    page.press("#search", "Enter")
    state = page.evaluate("window.dipgraph.state()")
    assert state["selected"] == "risk-reduction" and "risk-reduction" in state["nodes"]
    talks = "contact:istanbul-secret-talks"
    links = page.evaluate(
        """(t) => window.dipgraph.state().edges.map(e => window.dipgraph.item(e))
        .filter(e => e.from === 'risk-reduction' || e.to === 'risk-reduction')
        .map(e => e.from === 'risk-reduction' ? e.to : e.from)"""
    )
    assert links == [talks]
    gap = page.evaluate(
        """(ids) => { const p = window.dipgraph.network.getPositions(ids);
        return Math.hypot(p[ids[0]].x - p[ids[1]].x, p[ids[0]].y - p[ids[1]].y); }""",
        ["risk-reduction", talks],
    )
    assert gap < 200
    assert opacity(page, talks) == 1 and opacity(page, "russia") == 1
    assert page.evaluate(OFF_SCREEN, ["risk-reduction", talks]) == []
    # A filter change keeps it drawn beside the talks while it stays selected.
    page.evaluate("window.dipgraph.setFilters({undated: true})")
    assert page.evaluate("window.dipgraph.state().selected") == "risk-reduction"
    again = page.evaluate(
        """() => window.dipgraph.state().edges.map(e => window.dipgraph.item(e))
        .filter(e => e.from === 'risk-reduction' || e.to === 'risk-reduction').length"""
    )
    assert again == 1
    # The selection moves on: the topics layer is still off, the topic goes again.
    page.evaluate("window.dipgraph.select('sergey-lavrov')")
    assert "risk-reduction" not in page.evaluate("window.dipgraph.state().nodes")


def test_the_panel_never_says_not_drawn_of_a_node_drawn(page) -> None:
    page.fill("#search", "Sergei")
    page.press("#search", "Enter")
    page.click("#search-list button[data-id=sergei-ryabkov]")
    assert "sergei-ryabkov" in page.evaluate("window.dipgraph.state().nodes")
    assert "Not drawn" not in page.inner_text("#panel")
    assert page.evaluate("window.dipgraph.network.getSelectedNodes()") == ["sergei-ryabkov"]


# ---- The 1,000-party contact is plainly visible at first view ---------------------
SESSION = "contact:assemblies-joint-session"


@pytest.fixture(scope="module")
def sides_html(tmp_path_factory) -> Path:
    from conftest import TESTS

    out = tmp_path_factory.mktemp("review-sides") / "graph.html"
    return write_html(dipgraph.load(TESTS / "fixtures" / "sides"), out)


@pytest.fixture
def sides(browser, sides_html) -> Iterator[Any]:
    with graph_page(browser, sides_html) as opened:
        yield opened


MARK_PIXELS = """(id) => {
  const n = window.dipgraph.network, c = n.canvas.frame.canvas, ratio = n.canvas.pixelRatio;
  const p = n.canvasToDOM(n.getPositions([id])[id]);
  const ctx = c.getContext('2d');
  const at = (x, y) => Array.from(ctx.getImageData(Math.round(x * ratio),
                                                   Math.round(y * ratio), 1, 1).data);
  const centre = at(p.x, p.y);
  let edge = 0;  // screen pixels from the centre to the first dark pixel, rightwards
  for (let dx = 1; dx < 60; dx++) {
    const q = at(p.x + dx, p.y);
    if (q[0] + q[1] + q[2] < 200) { edge = dx; break; }
  }
  return {centre: centre, edge: edge};
}"""


def test_the_big_contact_mark_is_plain_at_first_view(sides) -> None:
    sides.evaluate("window.dipgraph.network.redraw()")
    assert sides.evaluate("window.dipgraph.clusters().shown")  # the country overview
    mark = sides.evaluate(MARK_PIXELS, SESSION)
    assert min(mark["centre"][:3]) > 240, mark  # a white square, not grey on grey
    assert mark["edge"] >= 8, mark  # at least 16 px wide, with a dark outline
    assert SESSION in sides.evaluate("window.dipgraph.labels()")
    # A click where it is drawn opens it.
    point = sides.evaluate(
        """(id) => { const n = window.dipgraph.network, p = n.canvasToDOM(n.getPositions([id])[id]);
        const r = n.canvas.frame.canvas.getBoundingClientRect();
        return [r.x + p.x + 5, r.y + p.y - 5]; }""",
        SESSION,
    )
    sides.mouse.click(*point)
    assert sides.evaluate("window.dipgraph.state().selected") == SESSION


# ---- A filter that leaves fewer nodes, and path Clear, refit the view -------------
def shown_off_screen(page) -> list[str]:
    return page.evaluate(OFF_SCREEN, page.evaluate("window.dipgraph.state().nodes"))


def test_a_country_filter_frames_what_is_left(page) -> None:
    before = page.evaluate("window.dipgraph.network.getScale()")
    page.select_option("#country-filter", "turkey")
    state = page.evaluate("window.dipgraph.state()")
    assert 0 < len(state["nodes"]) < 10
    assert shown_off_screen(page) == []
    # Zoomed in, up to the fit's cap of 1 (names are drawn at 13 px at the first fit).
    assert page.evaluate("window.dipgraph.network.getScale()") >= min(1, 1.5 * before)
    # Back to every country: the whole graph is framed again.
    page.select_option("#country-filter", "")
    # (the nodes back are settled by the forces first, then framed)
    for _ in range(75):
        if not shown_off_screen(page):
            break
        page.wait_for_timeout(200)
    assert shown_off_screen(page) == []


def test_clearing_a_path_frames_the_graph_again(page) -> None:
    assert page.evaluate("window.dipgraph.path('vladimir-putin', 'joe-biden')")
    # Zoomed in on the path (a path is framed near the graph's middle now: the bundled
    # graph fits whole round this one).
    page.evaluate(
        "(() => { const n = window.dipgraph.network;"
        " n.moveTo({position: n.getPositions(['joe-biden'])['joe-biden'], scale: 3,"
        " animation: false}); })()"
    )
    assert shown_off_screen(page)
    page.click("#path-clear")
    assert page.evaluate("window.dipgraph.state().path") is None
    assert shown_off_screen(page) == []


# ---- A country keeps its colour from page to page -----------------------------------
LEGEND = """[...document.querySelectorAll('#legend .legend-item')]
  .filter(row => row.querySelector('.swatch'))
  .map(row => [row.querySelector('span:last-child').textContent,
               getComputedStyle(row.querySelector('.swatch')).backgroundColor])"""


def test_a_country_has_the_same_colour_on_every_page(page, sides) -> None:
    bundled = dict(page.evaluate(LEGEND))
    other = dict(sides.evaluate(LEGEND))
    for country in ("Russia", "United States"):
        assert bundled[country] == other[country], country
    for legend in (bundled, other):
        countries = [c for c in legend if c not in ("no country",) and "other" not in c]
        assert len({legend[c] for c in countries}) == len(countries)  # distinct on a page
    # The nodes are filled as the legend says.
    fill = page.evaluate("window.dipgraph.item('sergey-lavrov').color.background")
    assert fill == sides.evaluate("window.dipgraph.item('ivan-lavrin').color.background")


# ---- A selected secret contact's label stays readable ------------------------------
CONTRAST = """(id) => {
  const o = window.dipgraph.network.body.nodes[id].options;
  const rgb = (c) => { const m = c.match(/^#(..)(..)(..)$/);
    return m ? m.slice(1).map(h => parseInt(h, 16) / 255)
             : c.match(/[\\d.]+/g).slice(0, 3).map(v => Number(v) / 255); };
  const lum = (c) => { const [r, g, b] = rgb(c).map(v =>
    v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const a = lum(o.color.highlight.background), b = lum(o.font.color);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def test_a_selected_secret_contact_label_is_readable(page) -> None:
    ident = "contact:istanbul-secret-talks"
    page.evaluate("(id) => window.dipgraph.select(id)", ident)
    assert page.evaluate("window.dipgraph.network.getSelectedNodes()") == [ident]
    assert page.evaluate(CONTRAST, ident) >= 4.5


# ---- A list of matches says so, and clears the previous selection ---------------
def test_a_choice_of_matches_replaces_the_previous_panel(page) -> None:
    page.evaluate("window.dipgraph.select('vladimir-putin')")
    assert "Vladimir Putin" in page.inner_text("#panel")
    page.fill("#search", "Sergei")
    page.press("#search", "Enter")
    assert page.inner_text("#search-result").startswith("4 matches for")
    assert page.evaluate("window.dipgraph.state().selected") is None
    assert "Vladimir Putin" not in page.inner_text("#panel")
    assert "Choose one of the 4 matches" in page.inner_text("#panel")
    assert drawn_selected(page) == []


# ---- A filter that leaves nothing says so, and lists nothing ----------------------
def test_a_country_with_no_contact_says_so(page) -> None:
    assert page.is_hidden("#graph-empty")
    page.select_option("#country-filter", "china")
    assert page.evaluate("window.dipgraph.state().contacts") == []
    note = page.inner_text("#graph-empty")
    assert page.is_visible("#graph-empty") and "No contact involving China" in note
    assert page.locator("#timeline button.undated-list").count() == 0
    assert "no undated contacts shown" in page.inner_text("#timeline")
    page.click("#filters-reset")
    assert page.is_hidden("#graph-empty")
    assert page.locator("#timeline button.undated-list").count() == 1


# ---- "No path" says subjects, hosts and mediators did not talk --------------------
def test_no_path_names_the_roles_not_counted_as_talking(page) -> None:
    assert page.evaluate("window.dipgraph.path('brittney-griner', 'viktor-bout')") is None
    page.wait_for_selector("#path-result:not([aria-busy])", state="attached")
    text = page.inner_text("#path-result")
    assert text.startswith("No path between Brittney Griner and Viktor Bout")
    assert "Brittney Griner is only a subject" in text and "Viktor Bout is only a subject" in text
    assert "not counted as having talked" in text
    assert page.evaluate("window.dipgraph.path('donald-trump', 'turkey')") is None
    page.wait_for_selector("#path-result:not([aria-busy])", state="attached")
    assert "Turkey is only a host" in page.inner_text("#path-result")


# ---- The keyboard follows to the panel a list item opens -------------------------
def test_keyboard_focus_follows_into_the_panel(page) -> None:
    page.focus("#timeline button.undated-list")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "panel"
    first = page.locator("#panel [data-contact]").first
    contact = first.get_attribute("data-contact")
    first.focus()
    page.keyboard.press("Space")
    assert page.evaluate("window.dipgraph.state().selected") == f"contact:{contact}"
    assert page.evaluate("document.getElementById('panel').contains(document.activeElement)")


# ---- At 400x800, a search or the table brings its result into view -----------------
@pytest.fixture
def narrow(browser, bundled_html) -> Iterator[Any]:
    with graph_page(browser, bundled_html, viewport={"width": 400, "height": 800}) as opened:
        yield opened


def top_of(page, selector: str) -> float:
    return page.evaluate(f"document.querySelector({selector!r}).getBoundingClientRect().top")


def test_a_search_on_a_narrow_screen_folds_the_controls_and_shows_the_graph(narrow) -> None:
    narrow.click("#controls-toggle")
    assert narrow.evaluate("document.body.classList.contains('controls-open')")
    narrow.fill("#search", "Lavrov")
    narrow.press("#search", "Enter")
    assert narrow.evaluate("window.dipgraph.state().selected") == "sergey-lavrov"
    assert not narrow.evaluate("document.body.classList.contains('controls-open')")
    assert narrow.get_attribute("#controls-toggle", "aria-expanded") == "false"
    assert abs(top_of(narrow, "#main")) < 2  # the graph at the top of the screen
    assert top_of(narrow, "#panel") < 800  # and the panel starts on screen below it
    assert narrow.evaluate("document.activeElement.id") == "panel"


def test_the_table_on_a_narrow_screen_comes_into_view(narrow) -> None:
    narrow.click("#controls-toggle")
    narrow.click("#show-table")
    assert not narrow.evaluate("document.body.classList.contains('controls-open')")
    assert narrow.is_visible("#table-view")
    assert 0 <= top_of(narrow, "#table-view") < 200  # on screen, not below the controls


def test_a_wide_screen_keeps_its_controls(page) -> None:
    page.fill("#search", "Lavrov")
    page.press("#search", "Enter")
    assert top_of(page, "#controls") == 0
    assert page.evaluate("document.activeElement.id") == "search"
