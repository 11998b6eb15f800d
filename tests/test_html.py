"""The HTML graph: self-contained, safe, and working in a real browser (headless Chromium)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import dipgraph
from conftest import BUNDLED, SMALL, TESTS, run_cli
from dipgraph.exports.html import render_html

HOSTILE = TESTS / "fixtures" / "hostile"


@dataclass
class Page:
    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str) -> Any:
        return self.page.evaluate(expression)


@pytest.fixture
def open_page(browser, tmp_path: Path) -> Iterator[Any]:
    """Write the graph of a facts directory and open it from file:// in Chromium."""
    contexts = []

    def open_(facts: Path, *args: str) -> Page:
        out = tmp_path / f"{facts.name}.html"
        result = run_cli("html", "--facts", facts, "--out", out, *args)
        assert result.code == 0, result.err
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(context)
        page = Page(context.new_page())
        page.page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.page.on("request", lambda r: page.requests.append(r.url))
        page.page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.page.goto(out.as_uri())
        page.page.wait_for_selector("body[data-ready=true]", state="attached", timeout=30000)
        return page

    yield open_
    for context in contexts:
        context.close()


def visible_contacts(page: Page) -> list[str]:
    return sorted(
        page.js("""window.dipgraph.edges.get({filter: e => !e.hidden
        && e.meta.relation === 'contact'}).map(e => e.meta.fact)""")
    )


# ---- without a browser --------------------------------------------------------
def test_page_is_self_contained() -> None:
    page = render_html(dipgraph.load(BUNDLED))
    assert "http://" not in page and "https://" not in page
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=|@import", page)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_fact_text_is_escaped_in_the_file() -> None:
    page = render_html(dipgraph.load(HOSTILE))
    assert "</script><script>alert(2)" not in page
    assert "<img src=x" not in page and "<svg onload" not in page
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page


def test_html_command_writes_atomically_and_filters(cli, tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    assert cli("html", "--facts", SMALL, "--out", out, "--since", "2021").code == 0
    page = out.read_text(encoding="utf-8")
    assert "belov-clark-meeting" in page and "adams-belov-call" not in page
    assert not list(tmp_path.glob(".*.tmp"))
    bad = cli("html", "--facts", SMALL, "--out", out, "--type", "telegram")
    assert bad.code == 1 and "unknown contact type" in bad.err


# ---- in Chromium ----------------------------------------------------------------
def test_loads_offline_with_no_error_and_no_request(open_page) -> None:
    page = open_page(BUNDLED)
    assert page.errors == []
    assert [url for url in page.requests if not url.startswith("file://")] == []


def test_drawn_nodes_and_edges_equal_the_graph(open_page) -> None:
    page = open_page(BUNDLED)
    kg = dipgraph.load(BUNDLED)
    graph = kg.networkx
    expected_nodes = [n for n, d in graph.nodes(data=True) if d["node_type"] in ("actor", "topic")]
    event_edges = {"party", "subject", "host", "mediator", "discussed"}
    other_edges = [
        k for *_, k, d in graph.edges(keys=True, data=True) if d["relation"] not in event_edges
    ]
    contact_edges = sum(len(c.pairs) for c in kg.facts.contacts.values())
    topic_edges = sum(len(c.participants) * len(c.topics) for c in kg.facts.contacts.values())
    drawn_nodes = page.js("window.dipgraph.network.body.nodeIndices.length")
    drawn_edges = page.js("window.dipgraph.network.body.edgeIndices.length")
    assert drawn_nodes == len(expected_nodes) == page.js("window.dipgraph.nodes.length")
    expected_edges = len(other_edges) + contact_edges + topic_edges
    assert drawn_edges == expected_edges == page.js("window.dipgraph.edges.length")


@pytest.mark.parametrize(
    ("query", "actor", "label"),
    [
        ("بوتين", "vladimir-putin", "Vladimir Putin"),
        ("انتونوف", "anatoly-antonov", "Anatoly Antonov"),  # typed without hamza
        ("naryshkin", "sergey-naryshkin", "Sergey Naryshkin"),
    ],
)
def test_search_finds_an_actor_by_arabic_or_english_name(open_page, query, actor, label):
    page = open_page(BUNDLED)
    page.page.fill("#search", query)
    page.page.click("#search-go")
    assert page.page.text_content("#search-result") == f"Found: {label}"
    assert page.js("window.dipgraph.network.getSelectedNodes()") == [actor]
    panel = page.page.text_content("#panel")
    assert label in panel


def test_date_filter_hides_contacts_outside_the_range(open_page) -> None:
    page = open_page(SMALL)
    assert len(visible_contacts(page)) == 5
    page.page.fill("#date-from", "2021")
    page.page.fill("#date-to", "2021-12")
    page.page.press("#date-to", "Enter")
    assert visible_contacts(page) == ["belov-clark-meeting"]
    page.page.click("#filters-reset")
    assert len(visible_contacts(page)) == 5


def test_type_and_country_filters(open_page) -> None:
    page = open_page(SMALL)
    page.page.uncheck("#type-filter input[value=phone_call]")
    assert "adams-belov-call" not in visible_contacts(page)
    page.page.select_option("#country-filter", "russia")
    hidden = page.js("window.dipgraph.nodes.get({filter: n => n.hidden}).map(n => n.id)")
    assert sorted(hidden) == ["alice-adams", "carol-clark", "state-dept", "usa"]


def test_path_is_highlighted_with_its_evidence(open_page) -> None:
    page = open_page(BUNDLED)
    page.page.fill("#path-from", "Trump")
    page.page.fill("#path-to", "بايدن")
    page.page.click("#path-go")
    assert page.page.text_content("#path-result") == "Donald Trump → Vladimir Putin → Joe Biden"
    panel = page.page.text_content("#panel")
    assert "Donald Trump — meeting (undated) — Vladimir Putin" in panel
    assert "عشية أول لقاء بين الرئيسين" in panel
    assert page.js("window.dipgraph.state.path.edges.length") == 2


def test_clicking_a_node_shows_names_in_both_scripts(open_page) -> None:
    page = open_page(BUNDLED)
    point = page.js("""(() => { const n = window.dipgraph.network;
        n.moveTo({position: n.getPositions(['vladimir-putin'])['vladimir-putin'], scale: 1.5,
                  animation: false});
        const p = n.canvasToDOM(n.getPositions(['vladimir-putin'])['vladimir-putin']);
        const r = document.querySelector('#graph canvas').getBoundingClientRect();
        return [r.x + p.x, r.y + p.y]; })()""")
    page.page.mouse.click(*point)
    arabic = page.page.locator("#panel p[lang=ar]")
    assert arabic.text_content() == "فلاديمير بوتين (ar)"
    assert arabic.get_attribute("dir") == "rtl"
    assert "President of Russia" in page.page.text_content("#panel")


def test_hostile_text_renders_as_text_and_runs_no_script(open_page) -> None:
    page = open_page(HOSTILE)
    page.page.fill("#search", "<img src=x")
    page.page.click("#search-go")
    assert page.page.text_content("#search-result") == "Found: <img src=x onerror=alert(1)>"
    panel = page.page.text_content("#panel")
    assert "<img src=x onerror=alert(1)>" in panel and "<script>alert(3)</script>" in panel
    edge = page.js("window.dipgraph.edges.get({filter: e => e.meta.relation === 'contact'})[0].id")
    page.js(f"window.dipgraph.network.selectEdges(['{edge}'])")
    page.page.fill("#path-from", "evil")
    page.page.fill("#path-to", "Normal Person")
    page.page.click("#path-go")
    panel = page.page.text_content("#panel")
    assert "</script><script>alert(2)</script>" in panel
    page.page.wait_for_timeout(300)
    assert page.dialogs == []
    assert (
        page.js("document.querySelectorAll('#app img, #app svg, #app iframe, #app b').length") == 0
    )
    assert page.errors == []
