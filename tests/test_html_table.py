"""The table of contacts: sorted by any column (a click on its heading, again for the
other way), a page of 500 rows at a time with buttons to the others."""

from __future__ import annotations

import sys
from pathlib import Path

from html_browser import graph_page

import dipgraph
from conftest import REPO
from dipgraph.exports.html import write_html

sys.path.insert(0, str(REPO / "benchmarks"))
import synth

STATUS = 4  # the status column


def column(page, number: int) -> list[str]:
    return page.eval_on_selector_all(
        f"#table-view tbody tr td:nth-child({number})", "cs => cs.map(c => c.textContent)"
    )


def test_the_table_sorts_by_a_column_both_ways(page) -> None:
    page.click("#status-every")  # every status: the page opens on those `talks` counts
    page.click("#show-table")
    page.click("#table-view th button[data-sort=status]")
    statuses = column(page, STATUS)
    assert statuses == sorted(statuses) and len(set(statuses)) > 1
    assert page.get_attribute("#table-view th:nth-child(4)", "aria-sort") == "ascending"
    page.click("#table-view th button[data-sort=status]")
    assert column(page, STATUS) == sorted(statuses, reverse=True)


def test_the_table_pages_past_500_rows(browser, tmp_path: Path) -> None:
    synth.synthesize(tmp_path / "facts", 1300, 3000)  # a large page (1,820 actors)
    kg = dipgraph.load(tmp_path / "facts")
    with graph_page(browser, write_html(kg, tmp_path / "graph.html"), timeout=120000) as page:
        page.click("#status-every")  # every status: the page opens on those `talks` counts
        page.click("#show-table")
        total = len(page.evaluate("window.dipgraph.state().contacts"))
        assert total > 1000
        seen = []
        for number in range(3):
            page.click(f"#table-view .table-pages button[data-page='{number}']")
            seen += page.eval_on_selector_all(
                "#table-view tbody [data-contact]", "bs => bs.map(b => b.dataset.contact)"
            )
        assert len(seen) == total == len(set(seen))
