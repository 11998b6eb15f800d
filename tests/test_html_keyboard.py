"""Moving through the HTML graph from the keyboard (js/keyboard.js): the graph's frame
takes the focus, arrow keys move the selection along drawn lines, Enter opens, Escape
clears. Neighbours and positions are read through vis-network's public API, not the
page's own indexes, so the tests check the page against the network as drawn."""

from __future__ import annotations

import pytest

FRAME = "#graph .vis-network"
HINT = "Click an actor, a topic or a contact to see its facts and evidence."


def empty_panel(page) -> bool:
    """The panel shows nothing selected: the hint, then the path tool and the legend."""
    return page.evaluate(
        "[...document.getElementById('panel').children].map(c => c.id || c.textContent)"
    ) == [HINT, "path-tool", "legend"]


def selected_nodes(page) -> list[str]:
    return page.evaluate("window.dipgraph.network.getSelectedNodes()")


def drawn_neighbours(page, node: str) -> list[str]:
    """Nodes joined to ``node`` by a line drawn now (vis-network's own view)."""
    return page.evaluate(
        """(id) => {
          const d = window.dipgraph, state = d.state();
          const shown = new Set(state.nodes), lines = new Set(state.edges);
          return d.network.getConnectedEdges(id).filter(e => lines.has(e))
            .flatMap(e => d.network.getConnectedNodes(e)).filter(n => n !== id && shown.has(n));
        }""",
        node,
    )


def position(page, node: str) -> dict[str, float]:
    return page.evaluate("(id) => window.dipgraph.network.getPositions([id])[id]", node)


DIRECTIONS = {"ArrowRight": (1, 0), "ArrowLeft": (-1, 0), "ArrowUp": (0, -1), "ArrowDown": (0, 1)}


def test_the_graph_is_one_tab_stop_named_for_its_keys(page) -> None:
    page.focus("#search")
    for _ in range(80):  # bounded: every control of the side bar, then the graph
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('#graph .vis-network')"):
            break
    else:
        raise AssertionError("Tab never reaches the graph")
    label = page.get_attribute(FRAME, "aria-label")
    assert "arrow keys move between connected nodes" in label
    assert "Enter opens" in label and "Escape clears" in label
    assert (
        page.evaluate(f"getComputedStyle(document.querySelector({FRAME!r})).outlineStyle")
        == "solid"
    )
    # Only the frame inside #graph takes the focus: no second stop for the same graph.
    assert (
        page.evaluate("document.querySelectorAll('#graph [tabindex], #graph[tabindex]').length")
        == 1
    )


def test_an_arrow_selects_the_best_connected_node_first(page) -> None:
    page.focus(FRAME)
    assert selected_nodes(page) == []
    page.keyboard.press("ArrowRight")
    chosen = selected_nodes(page)
    assert len(chosen) == 1
    counts = {
        n: len(set(drawn_neighbours(page, n)))
        for n in page.evaluate("window.dipgraph.state().nodes")
    }
    assert len(set(drawn_neighbours(page, chosen[0]))) == max(counts.values())
    # Drawn as a click draws it, and named for a screen reader.
    assert page.evaluate("(id) => window.dipgraph.network.body.nodes[id].selected", chosen[0])
    count = len(set(drawn_neighbours(page, chosen[0])))
    assert page.inner_text("#graph-announce").endswith(
        f": {count} connected. Enter opens its facts."
    )
    assert page.get_attribute("#graph-announce", "role") == "status"


@pytest.mark.parametrize("filters", [{}, {"types": ["meeting", "phone_call", "video_call"]}])
def test_arrows_move_only_to_a_drawn_neighbour_in_that_direction(page, filters) -> None:
    if filters:
        page.evaluate("(f) => window.dipgraph.setFilters(f)", filters)
    shown = set(page.evaluate("window.dipgraph.state().nodes"))
    page.focus(FRAME)
    page.keyboard.press("ArrowDown")
    moves = 0
    for key in ["ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp"] * 4:
        before = selected_nodes(page)[0]
        page.keyboard.press(key)
        after = selected_nodes(page)
        assert len(after) == 1 and after[0] in shown
        if after[0] == before:
            assert page.inner_text("#graph-announce").startswith("Nothing connected")
            continue
        moves += 1
        assert after[0] in drawn_neighbours(page, before)
        a, b = position(page, before), position(page, after[0])
        dx, dy = DIRECTIONS[key]
        assert (b["x"] - a["x"]) * dx + (b["y"] - a["y"]) * dy > 0, (key, before, after[0])
    assert moves >= 4
    assert page.evaluate("window.dipgraph.state().selected") is None  # moving opens nothing


def test_the_node_moved_to_is_kept_in_view(page) -> None:
    page.focus(FRAME)
    page.keyboard.press("ArrowRight")
    hub = selected_nodes(page)[0]
    far = position(page, hub)
    # Zoomed in far from the hub: the next move must bring its node on screen.
    page.evaluate(
        "(p) => window.dipgraph.network.moveTo({position: p, scale: 3, animation: false})",
        {"x": far["x"] + 2000, "y": far["y"] + 2000},
    )
    for key in DIRECTIONS:  # the first direction the hub has a neighbour in
        page.keyboard.press(key)
        node = selected_nodes(page)[0]
        if node != hub:
            break
    assert node != hub
    spot = page.evaluate(
        "(id) => { const n = window.dipgraph.network; "
        "return n.canvasToDOM(n.getPositions([id])[id]); }",
        node,
    )
    box = page.evaluate(f"document.querySelector({FRAME!r}).getBoundingClientRect().toJSON()")
    assert 0 <= spot["x"] <= box["width"] and 0 <= spot["y"] <= box["height"]
    assert page.evaluate("window.dipgraph.network.getScale()") == pytest.approx(3)


def test_enter_and_space_open_the_panel_and_escape_clears(page) -> None:
    page.focus(FRAME)
    page.keyboard.press("ArrowRight")
    actor = selected_nodes(page)[0]
    name = page.inner_text("#graph-announce").split(":")[0]
    assert empty_panel(page)  # a move opens nothing
    page.keyboard.press("Enter")
    assert page.evaluate("window.dipgraph.state().selected") == actor
    assert page.locator("#panel h3").first.inner_text() == name
    assert page.evaluate("document.activeElement.matches('#graph .vis-network')")  # keys go on
    page.keyboard.press("ArrowRight")
    contact = selected_nodes(page)[0]
    assert contact.startswith("contact:") and contact in drawn_neighbours(page, actor)
    page.keyboard.press("Space")
    assert page.evaluate("window.dipgraph.state().selected") == contact
    type_label = page.inner_text("#graph-announce").removeprefix("Opened ").split(" (")[0]
    assert type_label and type_label in page.inner_text("#panel")
    page.keyboard.press("Escape")
    assert page.evaluate("window.dipgraph.state().selected") is None
    assert selected_nodes(page) == []
    assert (
        page.evaluate(
            "Object.values(window.dipgraph.network.body.nodes).filter(n => n.selected).length"
        )
        == 0
    )
    assert empty_panel(page)
    assert page.inner_text("#graph-announce") == "Selection cleared."
