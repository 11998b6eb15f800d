"""The timeline under the graph: a year chosen keeps the other years in sight, marked as
outside the range, and undated contacts keep their own lane, grouped by the article
reporting them (its publication date said to be the article's, never the contact's)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from html_browser import graph_page

import dipgraph
from conftest import BUNDLED, SMALL
from dipgraph.exports.html import write_html
from dipgraph.facts import DEFAULT_STATUSES


def test_choosing_a_year_keeps_the_others(browser, tmp_path: Path) -> None:
    kg = dipgraph.load(SMALL)
    years = sorted({c.date.first_day.year for c in kg.facts.contacts.values() if c.date})
    with graph_page(browser, write_html(kg, tmp_path / "graph.html")) as page:
        page.click("#status-every")  # every status: the page opens on those `talks` counts
        bins = page.locator("#timeline .bin")
        assert bins.all_inner_texts() == [str(y) for y in range(years[0], years[-1] + 1)]
        page.click("#timeline .bin:text('2021')")
        assert page.evaluate("window.dipgraph.state().filters")["from"] == "2021"
        assert bins.all_inner_texts() == [str(y) for y in range(years[0], years[-1] + 1)]
        chosen = page.eval_on_selector_all(
            "#timeline .bin.chosen", "bs => bs.map(b => b.textContent)"
        )
        assert chosen == ["2021"]
        shown = page.evaluate("window.dipgraph.state().contacts")
        assert shown == sorted(
            c.id for c in kg.facts.contacts.values() if c.date and c.date.first_day.year == 2021
        )
        page.check("#keep-undated")
        assert "1 undated contact shown" in page.inner_text("#timeline")


def test_each_year_and_each_contact_say_how_precisely_they_are_dated(
    browser, tmp_path: Path
) -> None:
    """The page's data names a date's precision as `talks` does (date_precision): the
    timeline counts each year's contacts by it, and a contact's panel shows it."""
    kg = dipgraph.load(SMALL)
    dated = [c for c in kg.facts.contacts.values() if c.date]
    by_year: dict[int, Counter[str]] = {}
    for c in dated:
        by_year.setdefault(c.date.first_day.year, Counter())[c.date.precision] += 1
    assert {c.date.precision for c in dated} == {"day", "month", "year"}
    with graph_page(browser, write_html(kg, tmp_path / "graph.html")) as page:
        page.click("#status-every")  # every status: the page opens on those `talks` counts
        titles = page.eval_on_selector_all("#timeline .bin", "bs => bs.map(b => b.title)")
        for year, counts in by_year.items():
            (title,) = [t for t in titles if t.startswith(f"{year}:")]
            for precision, n in counts.items():
                assert f"{n} to the {precision}" in title, title
        for c in dated:
            page.evaluate("id => window.dipgraph.select(id)", f"contact:{c.id}")
            assert f"{c.date} (to the {c.date.precision})" in page.inner_text("#panel")


def shown_by_default(kg) -> list:
    """The contacts the page opens on: those of the default statuses (as `talks`)."""
    return [c for c in kg.facts.contacts.values() if c.status in DEFAULT_STATUSES]


def undated_by_source(kg) -> dict[str, list[str]]:
    """The undated contacts shown at first, by each article reporting them."""
    groups: dict[str, list[str]] = {}
    for c in shown_by_default(kg):
        if not c.date:
            for source in dict.fromkeys(e.source for e in c.evidence):
                groups.setdefault(source, []).append(c.id)
    return groups


def listed(page) -> list[str]:
    return sorted(
        page.eval_on_selector_all("#panel [data-contact]", "bs => bs.map(b => b.dataset.contact)")
    )


@pytest.mark.slow
def test_undated_contacts_by_article_keep_their_context_in_a_range(browser, bundled_html) -> None:
    """The bundled contacts are all undated: at 1280x720 the lane groups them by the
    article reporting them, each group one click from its list and the article's date
    (none printed, as the panel says); a range chosen hides them but not their groups,
    and the lane offers to keep them."""
    kg = dipgraph.load(BUNDLED)
    assert not any(c.date for c in kg.facts.contacts.values())
    groups = undated_by_source(kg)
    context = browser.new_context(viewport={"width": 1280, "height": 720})  # opened at it
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(bundled_html.as_uri())
    page.wait_for_selector("body[data-ready=true]", state="attached", timeout=60000)
    try:
        chips = page.locator("#timeline .source-chip")
        assert chips.count() >= 2
        for i in range(chips.count()):  # every chip inside the lane, none cut off
            box, lane = (
                chips.nth(i).bounding_box(),
                page.locator("#timeline .lane.undated").bounding_box(),
            )
            assert box["x"] + box["width"] <= lane["x"] + lane["width"]
        first = chips.first.get_attribute("data-source")
        assert chips.first.inner_text().endswith(f"· {len(groups[first])}")
        chips.first.click()
        assert listed(page) == sorted(groups[first])
        assert "no publication date recorded" in page.inner_text("#panel")
        page.click("#timeline .more-articles")  # every article, the ones cut off too
        articles = page.eval_on_selector_all(
            "#panel button[data-source]", "bs => bs.map(b => b.dataset.source)"
        )
        assert sorted(articles) == sorted(groups)
        before = chips.count()
        page.set_viewport_size({"width": 780, "height": 700})  # a narrower lane: chips give way
        page.wait_for_function(
            """(n) => { const lane = document.querySelector('#timeline .lane.undated');
              return lane.querySelectorAll('.source-chip').length < n
                && lane.scrollWidth <= lane.clientWidth; }""",
            arg=before,
        )
        assert page.locator("#timeline .more-articles").is_visible()
        page.fill("#date-from", "2020")
        page.press("#date-from", "Enter")
        assert page.evaluate("window.dipgraph.state().contacts") == []
        timeline = page.inner_text("#timeline")
        assert f"{len(shown_by_default(kg))} hidden by the date range" in timeline
        assert chips.count() >= 1 and "outside" in (chips.first.get_attribute("class") or "")
        page.click("#timeline .keep-undated")
        assert page.evaluate("window.dipgraph.state().filters")["undated"] is True
        shown = page.evaluate("window.dipgraph.state().contacts")
        assert sorted(shown) == sorted(c.id for c in shown_by_default(kg))
        assert errors == []
    finally:
        context.close()


def test_an_articles_publication_date_is_never_a_contacts(browser, small_copy) -> None:
    """The small fixture's undated call is reported in an article given a publication
    date here: the lane and the panel say it is the article's; the contact stays undated."""
    sources = small_copy / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(
        text.replace("  - id: arabic-note\n", "  - id: arabic-note\n    published: 2021-06\n"),
        encoding="utf-8",
    )
    kg = dipgraph.load(small_copy)
    assert str(kg.facts.sources["arabic-note"].published) == "2021-06"
    with graph_page(browser, write_html(kg, small_copy / "graph.html")) as page:
        chip = page.locator("#timeline .source-chip[data-source=arabic-note]")
        assert "published 2021-06" in chip.inner_text()
        assert "the article’s date, not the contacts’" in chip.get_attribute("title")
        chip.click()
        assert listed(page) == ["putin-belov-video"]
        assert "published 2021-06 (the article’s date, not the contacts’)" in page.inner_text(
            "#panel"
        )
        page.click("#panel [data-contact=putin-belov-video]")
        date = page.evaluate(
            """() => [...document.querySelectorAll('#panel dt')]
              .find(dt => dt.textContent === 'date').nextElementSibling.textContent"""
        )
        assert date == "undated"
