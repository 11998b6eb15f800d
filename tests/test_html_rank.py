"""The page sizes actors by a rank measure (the figures of `dipgraph rank`) chosen in a
control, and can colour them by community (graph/communities.py); both are in the link."""

from __future__ import annotations

import pytest
from html_browser import graph_page

import dipgraph
from conftest import BUNDLED
from dipgraph.exports.network import actor_communities

WINDOW = {"width": 1280, "height": 720}
DRAWN = """() => {
  const net = window.dipgraph.network, out = {};
  for (const id of net.body.nodeIndices) {
    const n = net.body.nodes[id], rec = window.dipgraph.item(id);
    if (rec.kind === 'actor') {
      out[id] = {size: n.options.size, fill: n.options.color.background, x: n.x, y: n.y};
    }
  }
  return out;
}"""


@pytest.fixture(scope="module")
def kg():
    return dipgraph.load(BUNDLED)


def figures(kg, measure: str) -> dict[str, float]:
    """Each actor's figure as `dipgraph rank --by measure` gives it (0 when unranked)."""
    key = {"degree": "counterparts"}.get(measure, measure)
    rows = {row["id"]: row[key] for row in kg.rank(measure)}
    return {a: rows.get(a, 0) for a in kg.facts.actors}


def same_order(sizes: dict[str, float], values: dict[str, float]) -> list[tuple[str, str]]:
    """Pairs of actors whose sizes do not follow their figures."""
    ids = sorted(sizes)
    return [
        (a, b)
        for a in ids
        for b in ids
        if (values[a] > values[b] and not sizes[a] > sizes[b])
        or (values[a] == values[b] and sizes[a] != sizes[b])
    ]


@pytest.mark.parametrize("measure", ["degree", "betweenness", "brokerage"])
def test_actors_are_sized_by_the_chosen_measure(browser, bundled_html, kg, measure) -> None:
    values = figures(kg, measure)
    assert len(set(values.values())) >= 2, "the bundled data must tell actors apart"
    with graph_page(browser, bundled_html, viewport=WINDOW) as page:
        if measure == "degree":  # the default
            assert page.evaluate("window.dipgraph.state().size") == "degree"
        else:
            page.select_option("#size-by", measure)
        drawn = page.evaluate(DRAWN)
        assert page.evaluate("location.hash").count(f"size={measure}") == (measure != "degree")
        legend = page.inner_text("#legend")
    sizes = {a: d["size"] for a, d in drawn.items()}
    assert same_order(sizes, values) == []
    assert max(sizes.values()) > 1.5 * min(sizes.values())
    assert "size = " in legend


def test_one_size_again_and_the_link_keeps_the_measure(browser, bundled_html, kg) -> None:
    with graph_page(browser, bundled_html, viewport=WINDOW) as page:
        page.select_option("#size-by", "none")
        plain = page.evaluate(DRAWN)
        assert {d["size"] for a, d in plain.items() if kg.facts.actors[a].kind == "person"} == {14}
        page.select_option("#size-by", "brokerage")
        page.select_option("#colour-by", "community")
        link, sent = page.url, page.evaluate(DRAWN)
    assert "size=brokerage" in link and "colour=community" in link
    context = browser.new_context(viewport=WINDOW)
    try:
        again = context.new_page()
        again.goto(link)
        again.wait_for_selector("body[data-ready=true]", state="attached", timeout=60000)
        state = again.evaluate("window.dipgraph.state()")
        assert (state["size"], state["colour"]) == ("brokerage", "community")
        got = again.evaluate(DRAWN)
        for actor, seen in sent.items():
            assert got[actor]["size"] == seen["size"] and got[actor]["fill"] == seen["fill"]
            assert abs(got[actor]["x"] - seen["x"]) < 0.5 and abs(got[actor]["y"] - seen["y"]) < 0.5
    finally:
        context.close()


def test_actors_are_coloured_by_their_community(page, kg) -> None:
    groups = actor_communities(kg)
    assert groups is not None and len(set(groups.values()) - {0}) >= 3
    country = page.evaluate(DRAWN)
    page.select_option("#colour-by", "community")
    drawn = page.evaluate(DRAWN)
    fill = {a: d["fill"] for a, d in drawn.items()}
    assert fill != {a: d["fill"] for a, d in country.items()}
    for a in fill:
        for b in fill:
            if groups[a] and groups[b]:
                assert (fill[a] == fill[b]) == (groups[a] == groups[b]), (a, b)
    assert {fill[a] for a in fill if groups[a] == 0} == {"#FFFFFF"}
    legend = page.inner_text("#legend")
    assert "Actors (fill = community)" in legend and "community 1: " in legend
    assert "no country" not in legend  # the country key is put away
    page.select_option("#colour-by", "country")
    assert page.evaluate(DRAWN) == country
    assert "no country" in page.inner_text("#legend")
