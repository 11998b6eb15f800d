"""The timeline under the graph: a year chosen keeps the other years in sight, marked as
outside the range, and undated contacts keep their own lane."""

from __future__ import annotations

from pathlib import Path

from html_browser import graph_page

import dipgraph
from conftest import SMALL
from dipgraph.exports.html import write_html


def test_choosing_a_year_keeps_the_others(browser, tmp_path: Path) -> None:
    kg = dipgraph.load(SMALL)
    years = sorted({c.date.first_day.year for c in kg.facts.contacts.values() if c.date})
    with graph_page(browser, write_html(kg, tmp_path / "graph.html")) as page:
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
