"""Filters for what the facts carry: secret, place, source (beside type, status, country
and dates), each the same in the page as in the facts, in the link, and said at the top;
the country list says which countries have no contact."""

from __future__ import annotations

import dipgraph
from conftest import BUNDLED
from dipgraph.facts import DEFAULT_STATUSES


def shown(page) -> list[str]:
    return page.evaluate("window.dipgraph.state().contacts")


def test_secret_place_and_source_filters(page) -> None:
    kg = dipgraph.load(BUNDLED)
    # What the page shows by default: the statuses `talks` and `path` count.
    contacts = [c for c in kg.facts.contacts.values() if c.status in DEFAULT_STATUSES]
    page.evaluate("window.dipgraph.setFilters({secret: true})")
    assert shown(page) == sorted(c.id for c in contacts if c.secret)
    assert "secret only" in page.inner_text("#filters-active")
    assert "secret=1" in page.url
    page.reload()
    page.wait_for_selector("body[data-ready=true]", state="attached", timeout=60000)
    assert shown(page) == sorted(c.id for c in contacts if c.secret)
    page.evaluate("window.dipgraph.setFilters({secret: false})")
    assert shown(page) == sorted(c.id for c in contacts if not c.secret)
    page.evaluate("window.dipgraph.setFilters({secret: null, place: 'Istanbul'})")
    istanbul = sorted(
        c.id for c in contacts if c.place and kg.facts.places[c.place].names.get("en") == "Istanbul"
    )
    assert istanbul and shown(page) == istanbul
    source = "src-002-ushakov-call"
    page.evaluate(f"window.dipgraph.setFilters({{place: null, source: '{source}'}})")
    cited = sorted(c.id for c in contacts if any(e.source == source for e in c.evidence))
    assert cited and shown(page) == cited
    page.click("#filters-active button")  # "Show all contacts": every status too
    assert len(shown(page)) == len(kg.facts.contacts)


def test_countries_without_contacts_are_set_apart(page) -> None:
    groups = page.evaluate(
        """[...document.querySelectorAll('#country-filter optgroup')]
        .map(g => [g.label, [...g.children].map(o => o.value)])"""
    )
    assert [label for label, _ in groups] == ["with contacts", "no contact in these facts"]
    assert "russia" in groups[0][1] and "china" in groups[1][1]
    assert page.inner_text("#country-filter option[value=russia]").startswith("Russia (")
