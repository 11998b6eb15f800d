"""#13: an actor's, topic's or place's Wikidata item appears in the HTML panel as a link.

The link is for the reader to follow; the page itself makes no request, and its
CSP is unchanged. The id is checked where it leaves (graph_view and the page).
"""

from __future__ import annotations

import pytest

import dipgraph
from conftest import BUNDLED
from dipgraph.exports.graph_view import wikidata_item
from dipgraph.exports.html import render_html, write_html


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("Q7747", "Q7747"),
        ("Q0", None),
        ("Q12 onclick=x", None),
        ("q5", None),
        (None, None),
        ("Q1\n", None),
        ("Q" + "9" * 20, None),
    ],
)
def test_only_well_formed_item_ids_leave_for_the_page(item, kept) -> None:
    assert wikidata_item(item) == kept


def test_the_panel_links_to_wikidata_and_the_page_requests_nothing(browser, tmp_path) -> None:
    kg = dipgraph.load(BUNDLED)
    page_text = render_html(kg)
    assert "https://" not in page_text and "default-src 'none'" in page_text
    out = write_html(kg, tmp_path / "graph.html")
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-ready=true]", state="attached", timeout=60000)
    with_item = [a for a in kg.facts.actors.values() if a.wikidata]
    assert with_item
    for actor in with_item:
        page.evaluate("(id) => window.dipgraph.select(id)", actor.id)
        link = page.locator("#panel a.wikidata")
        assert link.count() == 1
        assert link.get_attribute("href") == f"https://www.wikidata.org/wiki/{actor.wikidata}"
        assert link.inner_text() == actor.wikidata
        assert "noopener" in link.get_attribute("rel")
    without = next(a for a in kg.facts.actors.values() if not a.wikidata)
    page.evaluate("(id) => window.dipgraph.select(id)", without.id)
    assert page.locator("#panel a.wikidata").count() == 0
    # A contact's place links to its item too.
    placed = [
        c for c in kg.facts.contacts.values() if c.place and kg.facts.places[c.place].wikidata
    ]
    assert placed
    for contact in placed:
        page.evaluate("(id) => window.dipgraph.select('contact:' + id)", contact.id)
        item = kg.facts.places[contact.place].wikidata
        link = page.locator("#panel a.wikidata")
        assert link.count() == 1 and link.inner_text() == item
        assert link.get_attribute("href") == f"https://www.wikidata.org/wiki/{item}"
    assert [u for u in requests if not u.startswith("file://")] == []
    page.close()
