"""The page's link reproduces the view (templates/js/hash.js): the same positions at any
window size, the selection named, active filters visible; the back button walks views; a
link pasted into an open tab replaces the old view."""

from __future__ import annotations

from html_browser import graph_page

from dipgraph.facts import DEFAULT_STATUSES

WINDOW = {"width": 1280, "height": 720}


def state(page) -> dict:
    return page.evaluate("window.dipgraph.state()")


def positions(page) -> dict:
    return page.evaluate("window.dipgraph.network.getPositions()")


def opened(browser, url: str):
    context = browser.new_context(viewport=WINDOW)
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]", state="attached", timeout=60000)
    return context, page


def name_drawn(page, ident: str) -> bool:
    """vis-network draws the node's name now, at 12 px or more."""
    return page.evaluate(
        """(id) => { const n = window.dipgraph.network.body.nodes[id];
        return n.labelModule.visible() &&
          n.labelModule.fontOptions.size * window.dipgraph.network.getScale() >= 12; }""",
        ident,
    )


def test_a_link_shows_the_same_picture(browser, bundled_html) -> None:
    with graph_page(browser, bundled_html, viewport=WINDOW) as page:  # opened at 1400x900
        page.wait_for_function("() => (window.dipgraph.status.resized || 0) >= 1")
        page.evaluate("window.dipgraph.setFilters({secret: false})")
        page.evaluate("window.dipgraph.select('sergey-lavrov')")
        link, before, where = page.url, state(page), positions(page)
    context, again = opened(browser, link)
    try:
        after = state(again)
        for key in ("filters", "selected", "contacts", "nodes", "focus", "layers"):
            assert after[key] == before[key], key
        moved = [
            n
            for n, p in positions(again).items()
            if abs(p["x"] - where[n]["x"]) > 0.5 or abs(p["y"] - where[n]["y"]) > 0.5
        ]
        assert moved == []  # a seeded, stable layout
        assert name_drawn(again, "sergey-lavrov")
        banner = again.inner_text("#filters-active")
        assert again.is_visible("#filters-active") and "not secret" in banner
        assert again.evaluate("document.getElementById('status-filter').closest('details').open")
    finally:
        context.close()


def moved_between(one: dict, other: dict) -> list[str]:
    """The nodes drawn at another place (in the graph's own units) in ``other``."""
    assert set(one) == set(other)
    return [
        n
        for n, p in one.items()
        if abs(p["x"] - other[n]["x"]) > 0.5 or abs(p["y"] - other[n]["y"]) > 0.5
    ]


def test_a_link_opens_on_the_same_positions_at_any_window_size(browser, bundled_html) -> None:
    """The layout is made in the graph's own units, not the window's: one link opened at
    1280x720, 1400x900 and 400x800 places every node at the same point, and a resize
    moves none; only the fit (zoom, centre) differs."""
    with graph_page(browser, bundled_html) as page:  # 1400x900
        page.evaluate("window.dipgraph.setFilters({secret: false})")
        page.evaluate("window.dipgraph.select('sergey-lavrov')")
        link = page.url
    seen = {}
    for width, height in ((1280, 720), (1400, 900), (400, 800)):
        context = browser.new_context(viewport={"width": width, "height": height})
        try:
            page = context.new_page()
            page.goto(link)
            page.wait_for_selector("body[data-ready=true]", state="attached", timeout=60000)
            assert state(page)["selected"] == "sergey-lavrov"
            seen[width] = positions(page)
            if width == 1280:
                page.set_viewport_size({"width": 1024, "height": 700})
                page.wait_for_function("() => (window.dipgraph.status.resized || 0) >= 1")
                assert moved_between(seen[width], positions(page)) == []
        finally:
            context.close()
    assert len(seen[1280]) >= 20
    assert moved_between(seen[1280], seen[1400]) == []
    assert moved_between(seen[1280], seen[400]) == []


def test_the_back_button_walks_views(page) -> None:
    start = page.url
    page.evaluate("window.dipgraph.select('sergey-lavrov')")
    page.evaluate("window.dipgraph.select('william-burns')")
    page.evaluate("window.dipgraph.path('Trump', 'Biden')")
    assert state(page)["path"] is not None
    page.go_back()
    page.wait_for_function("() => window.dipgraph.state().path === null")
    assert state(page)["selected"] == "william-burns"
    page.go_back()
    page.wait_for_function("() => window.dipgraph.state().selected === 'sergey-lavrov'")
    page.go_back()
    page.wait_for_function("() => window.dipgraph.state().selected === null")
    assert page.url == start
    page.go_forward()
    page.wait_for_function("() => window.dipgraph.state().selected === 'sergey-lavrov'")


def test_a_pasted_link_replaces_the_old_view(page) -> None:
    base = page.url.split("#")[0]
    page.evaluate("window.dipgraph.select('sergey-lavrov')")
    page.goto(base + "#sel=joe-biden")  # pasted into the same tab: only the fragment changes
    page.wait_for_function("() => window.dipgraph.state().selected === 'joe-biden'")
    assert "Joe Biden" in page.inner_text("#panel h3")
    page.goto(base + "#status=proposed")
    page.wait_for_function("() => window.dipgraph.state().selected === null")
    assert state(page)["filters"]["statuses"] == ["proposed"]
    assert page.is_visible("#filters-active")
    page.goto(base + "#path=donald-trump~joe-biden")
    page.wait_for_function("() => window.dipgraph.state().path !== null")
    # The old filter went too: a link without a status shows the default ones.
    assert state(page)["filters"]["statuses"] == sorted(DEFAULT_STATUSES)
