"""A contact with many parties on a large page: one mark, not a line per pair.

tests/fixtures/sides holds a joint session of two 500-delegate assemblies (1,000
parties, 250,000 cross-side pairs). Drawn as pair lines it made a 51 MB page; as
one contact mark joined to its parties it stays small and is one click target.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from html_browser import open_graph

import dipgraph
from conftest import TESTS
from dipgraph.exports.graph_view import pair_count
from dipgraph.exports.html import write_html

SIDES = TESTS / "fixtures" / "sides"
SESSION = "assemblies-joint-session"


@pytest.fixture(scope="module")
def sides_page(browser, tmp_path_factory) -> Iterator[Any]:
    out = write_html(dipgraph.load(SIDES), tmp_path_factory.mktemp("sides") / "graph.html")
    context, page = open_graph(browser, out, 60000)
    page.out = out
    yield page
    context.close()


def test_pair_count_without_listing_pairs() -> None:
    kg = dipgraph.load(SIDES)
    for contact in kg.facts.contacts.values():
        assert pair_count(contact) == len(contact.pairs)
    assert pair_count(kg.facts.contacts[SESSION]) == 250_000


def test_the_page_stays_small(sides_page) -> None:
    size = Path(sides_page.out).stat().st_size
    assert size < 2_500_000, f"{size / 1e6:.1f} MB"  # 51.6 MB when drawn pair by pair
    assert sides_page.evaluate("window.dipgraph.state().large")


def test_the_session_is_one_mark_joined_to_each_party(sides_page) -> None:
    mark = sides_page.evaluate(f"window.dipgraph.item('contact:{SESSION}')")
    assert mark and mark["kind"] == "contact" and mark["fact"] == SESSION
    edges = sides_page.evaluate(
        """window.dipgraph.state().edges.map(id => window.dipgraph.item(id))"""
    )
    parties = [e for e in edges if e["to"] == f"contact:{SESSION}"]
    assert len(parties) == 1000 and {e["kind"] for e in parties} == {"party"}
    # No pair line carries it, and the small contacts keep their pair lines.
    assert not [e for e in edges if SESSION in e.get("contacts", [])]
    assert any(e["kind"] == "pair" for e in edges)


def test_clicking_the_mark_opens_the_session(sides_page) -> None:
    point = sides_page.evaluate(
        """(id) => { const d = window.dipgraph, n = d.network;
        n.moveTo({position: n.getPositions([id])[id], scale: d.clusters().threshold * 2,
                  animation: false});
        const p = n.canvasToDOM(n.getPositions([id])[id]);
        const r = document.querySelector('#graph canvas').getBoundingClientRect();
        return [r.x + p.x, r.y + p.y]; }""",
        f"contact:{SESSION}",
    )
    sides_page.mouse.click(*point)
    assert sides_page.evaluate("window.dipgraph.state().selected") == f"contact:{SESSION}"
    assert "joint session" in sides_page.inner_text("#panel")
    sides_page.evaluate("window.dipgraph.clear()")


def test_a_path_goes_through_the_mark(sides_page) -> None:
    hops = sides_page.evaluate("window.dipgraph.path('delegate-ru-0007', 'delegate-us-0123')")
    assert hops == [
        {
            "from": "delegate-ru-0007",
            "to": "delegate-us-0123",
            "contact": SESSION,
            "status": "happened",
        }
    ]
    path = sides_page.evaluate("window.dipgraph.state().path")
    assert f"contact:{SESSION}" in path["nodes"] and len(path["edges"]) == 2
    # Delegates of one side never talked to each other through it.
    hops = sides_page.evaluate("window.dipgraph.path('delegate-ru-0007', 'delegate-ru-0008')")
    assert hops is None or len(hops) > 1
    sides_page.evaluate("window.dipgraph.clear()")
    assert sides_page.errors == []


def test_the_vis_network_internals_a_large_page_relies_on_are_there(sides_page) -> None:
    found = sides_page.evaluate("window.dipgraph.visInternals()")
    assert found == {"pinned": "9.1.2", "missing": []}
