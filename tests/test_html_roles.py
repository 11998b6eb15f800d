"""The page's role filter: contacts where someone (of the chosen country, when one is)
held the role (party, subject, host, mediator, initiator), said in the banner and kept in
the link."""

from __future__ import annotations

import pytest

import dipgraph
from conftest import BUNDLED
from dipgraph.exports.graph_view import country_of
from dipgraph.facts import DEFAULT_STATUSES


@pytest.fixture(scope="module")
def kg():
    return dipgraph.load(BUNDLED)


def holders(contact, role: str) -> list[str]:
    if role == "party":
        return [a for side in contact.sides for a in side]
    if role == "initiator":
        return [contact.initiated_by] if contact.initiated_by else []
    return list(contact.roles.get(role, ()))


def expected(kg, role: str, country: str | None = None) -> list[str]:
    return sorted(
        c.id
        for c in kg.facts.contacts.values()
        if any(country is None or country_of(kg, a) == country for a in holders(c, role))
        and c.status in DEFAULT_STATUSES  # the statuses the page shows by default
    )


def state(page) -> dict:
    return page.evaluate("window.dipgraph.state()")


def test_the_roles_offered_are_those_the_facts_carry(page, kg) -> None:
    offered = page.eval_on_selector_all("#role-filter option", "os => os.map(o => o.value)")
    carried = [r for r in ("party", "subject", "host", "mediator", "initiator") if expected(kg, r)]
    assert offered == ["", *carried]
    assert {"party", "subject", "host", "initiator"} <= set(carried)


@pytest.mark.parametrize("role", ["subject", "host", "initiator"])
def test_a_role_keeps_the_contacts_where_someone_held_it(page, kg, role) -> None:
    page.select_option("#role-filter", role)
    shown = state(page)
    assert shown["contacts"] == expected(kg, role)
    assert 0 < len(shown["contacts"]) < len(kg.facts.contacts)
    assert shown["filters"]["role"] == role
    assert page.is_visible("#filters-active") and f"role: {role}" in page.inner_text(
        "#filters-active"
    )
    assert f"role={role}" in page.evaluate("location.hash")
    page.click("#filters-reset")  # back to the default filters: the default statuses
    assert state(page)["filters"]["role"] is None
    assert state(page)["contacts"] == sorted(
        c.id for c in kg.facts.contacts.values() if c.status in DEFAULT_STATUSES
    )


def test_with_a_country_the_role_is_its_actors(page, kg) -> None:
    page.evaluate("window.dipgraph.setFilters({country: 'turkey', role: 'host'})")
    assert state(page)["contacts"] == expected(kg, "host", "turkey") != []
    assert "role: host (held by Turkey)" in page.inner_text("#filters-active")
    page.evaluate("window.dipgraph.setFilters({country: 'usa', role: 'initiator'})")
    initiated = expected(kg, "initiator", "usa")
    assert state(page)["contacts"] == initiated
    assert initiated != expected(kg, "initiator") and initiated  # some, not every one
    page.evaluate("window.dipgraph.setFilters({role: 'party'})")
    assert state(page)["contacts"] == expected(kg, "party", "usa")


def test_a_link_with_a_role_shows_it(browser, page, kg) -> None:
    page.evaluate("window.dipgraph.setFilters({role: 'subject'})")
    link = page.url
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        again = context.new_page()
        again.goto(link)
        again.wait_for_selector("body[data-ready=true]", state="attached", timeout=60000)
        assert state(again)["contacts"] == expected(kg, "subject")
        assert again.input_value("#role-filter") == "subject"
        assert "role: subject" in again.inner_text("#filters-active")
    finally:
        context.close()
