"""Exploring from one actor in the page (templates/js/explore.js): only its contacts and
who took part are drawn, a neighbour's are added on demand and put away again, the link
keeps what is expanded, and stopping brings the whole graph back."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

import dipgraph
from conftest import BUNDLED

SEED, NEIGHBOUR = "sergey-lavrov", "james-mattis"


@pytest.fixture(scope="module")
def facts():
    return dipgraph.load(BUNDLED).facts


def drawn(page) -> tuple[set[str], set[str]]:
    """(actors drawn, contacts shown) as the page reports them."""
    state = page.evaluate("window.dipgraph.state()")
    actors = {n for n in state["nodes"] if not n.startswith(("contact:", "statement:"))}
    return actors, set(state["contacts"])


def around(facts, actors: list[str], kept: set[str]) -> tuple[set[str], set[str]]:
    """What exploring from ``actors`` should draw: their contacts among ``kept`` (those
    the filters pass), the actors linked to those, and the expanded actors themselves."""
    contacts = {
        c.id
        for c in facts.contacts.values()
        if c.id in kept and {*c.participants, *c.subjects, *c.hosts, *c.mediators} & set(actors)
    }
    linked = {
        a
        for cid in contacts
        for c in (facts.contacts[cid],)
        for a in (*c.participants, *c.subjects, *c.hosts, *c.mediators)
    }
    return linked | set(actors), contacts


def expanded_in_link(page) -> list[str]:
    fragment = parse_qs(urlsplit(page.url).fragment)
    return fragment["expand"][0].split(",") if "expand" in fragment else []


def test_explore_expand_collapse_and_stop(page, facts) -> None:
    page.click("#status-every")  # every status: the page opens on those `talks` counts
    whole = drawn(page)
    kept = whole[1]
    page.evaluate(f"window.dipgraph.select('{SEED}')")
    page.click("#panel .explore-expand")  # "Explore from here"
    first = around(facts, [SEED], kept)
    assert drawn(page) == first
    assert len(first[0]) < len(whole[0]) and NEIGHBOUR in first[0]
    assert expanded_in_link(page) == [SEED]
    assert "exploring from Sergey Lavrov" in page.inner_text("#filters-active")

    page.evaluate(f"window.dipgraph.select('{NEIGHBOUR}')")
    page.click("#panel .explore-expand")  # "Expand"
    both = around(facts, [SEED, NEIGHBOUR], kept)
    assert drawn(page) == both and both[1] > first[1]  # Mattis's own contact came in
    assert expanded_in_link(page) == [SEED, NEIGHBOUR]

    page.click("#panel .explore-collapse")
    assert drawn(page) == first  # what only Mattis brought went; he stays, a neighbour
    assert page.evaluate("window.dipgraph.state().expanded") == [SEED]

    page.evaluate(f"window.dipgraph.select('{SEED}')")
    page.click("#panel .explore-stop")
    assert drawn(page) == whole and expanded_in_link(page) == []


def test_the_filters_still_apply_while_exploring(page, facts) -> None:
    page.evaluate("window.dipgraph.setFilters({statuses: ['happened']})")
    happened = drawn(page)[1]
    page.evaluate(f"window.dipgraph.expand('{SEED}')")
    assert drawn(page) == around(facts, [SEED], happened)
    assert {facts.contacts[c].status for c in drawn(page)[1]} <= {"happened"}


def test_a_link_opens_the_same_exploration(page, facts) -> None:
    whole = drawn(page)[1]
    base = page.url.split("#")[0]
    page.goto(f"{base}#expand={SEED},{NEIGHBOUR}&sel={NEIGHBOUR}")
    page.wait_for_function("() => window.dipgraph.state().expanded.length === 2")
    assert drawn(page) == around(facts, [SEED, NEIGHBOUR], whole)
    assert page.evaluate("window.dipgraph.state().selected") == NEIGHBOUR
    assert page.is_visible("#panel .explore-collapse")
    page.goto(f"{base}#sel={SEED}")  # another link: the exploration goes with the old view
    page.wait_for_function("() => window.dipgraph.state().expanded.length === 0")
    assert drawn(page)[1] == whole


def test_the_buttons_work_from_the_keyboard(page) -> None:
    """Enter on "Explore from here" explores, on "Stop exploring" stops; each time the
    keyboard stays in the panel (the button pressed is gone), not back on the page."""
    page.evaluate(f"window.dipgraph.select('{SEED}')")
    page.focus("#panel .explore-expand")
    page.keyboard.press("Enter")
    assert page.evaluate("window.dipgraph.state().expanded") == [SEED]
    assert page.evaluate("document.activeElement.id") == "panel"
    page.focus("#panel .explore-stop")
    page.keyboard.press("Enter")
    assert page.evaluate("window.dipgraph.state().expanded") == []
    assert page.evaluate("document.activeElement.id") == "panel"


def test_the_button_counts_what_the_panel_counts(page, facts) -> None:
    """The panel lists every contact of the actor ("Contacts (7)"); the button explores
    only those the status filter shows, and says so with both numbers, which hold."""
    actor = "usa"
    every = {
        c.id
        for c in facts.contacts.values()
        if actor in {*c.participants, *c.subjects, *c.hosts, *c.mediators}
    }
    happened = {cid for cid in every if facts.contacts[cid].status == "happened"}
    assert 0 < len(happened) < len(every)  # the default filter shows happened contacts only
    page.evaluate(f"window.dipgraph.select('{actor}')")
    assert f"Contacts ({len(every)})" in page.inner_text("#panel")
    button = page.inner_text("#panel .explore-expand")
    assert button == (
        f"Explore from here: only its {len(happened)} contacts shown by the status filter "
        f"(of {len(every)})"
    )
    page.click("#panel .explore-expand")
    assert drawn(page)[1] == happened
    assert f"its {len(happened)} contacts shown by the status filter" in page.inner_text("#panel")
    page.click("#status-every")  # every status: the button counts all of them, plainly
    assert page.evaluate("window.dipgraph.state().expanded") == [actor]
    assert f"Expanded: its {len(every)} contacts drawn." in page.inner_text("#panel")
