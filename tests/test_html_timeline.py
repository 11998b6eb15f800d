"""The timeline under the graph: a year chosen keeps the other years in sight, marked as
outside the range, and undated contacts keep their own lane."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from html_browser import graph_page

import dipgraph
from conftest import SMALL
from dipgraph.exports.html import write_html


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
