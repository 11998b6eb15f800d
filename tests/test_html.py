"""The HTML graph: self-contained, safe, made for reading, and working in headless Chromium."""

from __future__ import annotations

import csv
import io
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import dipgraph
from conftest import BUNDLED, SMALL, TESTS, run_cli
from dipgraph.exports.html import render_html
from dipgraph.facts import DEFAULT_STATUSES

HOSTILE = TESTS / "fixtures" / "hostile"


@dataclass
class Page:
    page: Any
    path: Path
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def state(self) -> dict[str, Any]:
        return self.js("window.dipgraph.state()")

    def panel(self) -> str:
        return self.page.inner_text("#panel")


@pytest.fixture
def open_page(browser, tmp_path: Path) -> Iterator[Any]:
    """Write the graph of a facts directory and open it from file:// in Chromium."""
    contexts = []
    written: dict[Path, Path] = {}

    def open_(facts: Path, *args: str, size=(1400, 900), fragment: str = "") -> Page:
        out = written.get(facts) if not args else None
        if out is None:
            out = tmp_path / f"{facts.name}-{len(written)}.html"
            result = run_cli("html", "--facts", facts, "--out", out, *args)
            assert result.code == 0, result.err
            if not args:
                written[facts] = out
        context = browser.new_context(
            viewport={"width": size[0], "height": size[1]}, accept_downloads=True
        )
        contexts.append(context)
        page = Page(context.new_page(), out)
        page.page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.page.on("request", lambda r: page.requests.append(r.url))
        page.page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.page.goto(out.as_uri() + fragment)
        page.page.wait_for_selector("body[data-ready=true]", state="attached", timeout=30000)
        return page

    yield open_
    for context in contexts:
        context.close()


def click_node(page: Page, node: str) -> None:
    """Zoom onto a node and click it with the mouse, where a person would."""
    page.page.locator("#graph").scroll_into_view_if_needed()
    point = page.js(
        """(id) => { const n = window.dipgraph.network;
        n.moveTo({position: n.getPositions([id])[id], scale: 1.5, animation: false});
        const p = n.canvasToDOM(n.getPositions([id])[id]);
        const r = document.querySelector('#graph canvas').getBoundingClientRect();
        return [r.x + p.x, r.y + p.y]; }""",
        node,
    )
    page.page.mouse.click(*point)


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
    assert not list(tmp_path.glob(".*"))  # no temporary file left
    bad = cli("html", "--facts", SMALL, "--out", out, "--type", "telegram")
    assert bad.code == 1 and "unknown contact type" in bad.err


# ---- in Chromium: contacts first ------------------------------------------------
def test_loads_offline_with_no_error_and_no_request(open_page) -> None:
    page = open_page(BUNDLED)
    assert page.errors == []
    assert [url for url in page.requests if not url.startswith("file://")] == []


def test_every_contact_is_one_mark_joined_to_its_sides(open_page) -> None:
    page = open_page(BUNDLED)
    page.page.click("#status-every")  # every status: the page opens on those `talks` counts
    kg = dipgraph.load(BUNDLED)
    state = page.state()
    assert state["contacts"] == sorted(kg.facts.contacts)
    assert sorted(n for n in state["nodes"] if n.startswith("contact:")) == sorted(
        f"contact:{c}" for c in kg.facts.contacts
    )
    edges = page.js(
        """window.dipgraph.state().edges.map(id => window.dipgraph.edges.get(id))
        .map(e => [e.from, e.to, e.kind])"""
    )
    # Default layers: actors and contacts only, and no edge joins two actors.
    assert {kind for *_, kind in edges} <= {"party", "subject", "host", "mediator"}
    assert all(b.startswith("contact:") or a.startswith("contact:") for a, b, _ in edges)
    for contact in kg.facts.contacts.values():
        node = f"contact:{contact.id}"
        parties = sorted(a for a, b, kind in edges if b == node and kind == "party")
        assert parties == sorted(contact.participants)
        subjects = sorted(b for a, b, kind in edges if a == node and kind == "subject")
        assert subjects == sorted(contact.subjects)
    # The exchange: drawn between its parties, the people exchanged linked as subjects.
    exchange = kg.facts.contacts["griner-bout-prisoner-exchange"]
    assert exchange.subjects and not set(exchange.subjects) & set(exchange.participants)


def test_no_two_names_overlap_at_first_fit(open_page) -> None:
    page = open_page(BUNDLED)
    page.js("window.dipgraph.network.redraw()")
    assert page.js("window.dipgraph.labelOverlaps()") == 0


def test_clicking_each_contact_mark_opens_that_contact(open_page) -> None:
    page = open_page(BUNDLED)
    page.page.click("#status-every")  # every status: the page opens on those `talks` counts
    contacts = dipgraph.load(BUNDLED).facts.contacts
    for ident in contacts:
        click_node(page, f"contact:{ident}")
        assert page.state()["selected"] == f"contact:{ident}", ident
        assert f"fact\t{ident}" in page.panel() or f"fact\n{ident}" in page.panel()
    secret = [c for c in contacts.values() if c.secret]
    assert secret
    click_node(page, f"contact:{secret[0].id}")
    assert "SECRET" in page.panel()


def test_layers_switch_statements_topics_posts_and_countries(open_page) -> None:
    page = open_page(BUNDLED)
    kg = dipgraph.load(BUNDLED)
    assert page.state()["layers"] == ["contacts"]
    assert not [n for n in page.state()["nodes"] if n.startswith("statement:")]
    page.page.check("#layers input[value=statements]")
    state = page.state()
    assert len([n for n in state["nodes"] if n.startswith("statement:")]) == len(
        kg.facts.statements
    )
    page.page.check("#layers input[value=topics]")
    assert set(kg.facts.topics) & set(page.state()["nodes"])
    page.page.check("#layers input[value=countries]")
    page.page.check("#layers input[value=posts]")
    kinds = set(
        page.js("window.dipgraph.state().edges.map(id => window.dipgraph.edges.get(id).kind)")
    )
    assert {"said", "about", "topic", "country", "post"} <= kinds
    page.page.click("#reset-all")
    assert page.state()["layers"] == ["contacts"]


# ---- filters that mean what they say ----------------------------------------------
def test_the_type_filter_offers_the_types_contacts_have_with_their_counts(open_page) -> None:
    """Types some contact has come first, each with its count; a type no contact has is
    listed last and greyed out, not offered as a choice that shows nothing."""
    page = open_page(BUNDLED)
    kg = dipgraph.load(BUNDLED)
    counts = Counter(c.type for c in kg.facts.contacts.values())
    rows = page.page.eval_on_selector_all(
        "#type-filter label",
        "ls => ls.map(l => [l.querySelector('input').value, l.querySelector('input').disabled,"
        " l.textContent])",
    )
    used = [t for t, disabled, _ in rows if not disabled]
    assert sorted(used) == sorted(counts) and [t for t, *_ in rows[: len(used)]] == used
    for t, disabled, text in rows:
        assert disabled == (t not in counts)
        assert text.endswith(
            f" \u00b7 {counts[t]}" if t in counts else " \u00b7 none in these facts"
        )
    assert len(rows) > len(used)  # the vocabulary has types the bundled facts do not use


def test_country_filter_keeps_cross_border_contacts_with_both_ends(open_page) -> None:
    page = open_page(BUNDLED)
    kg = dipgraph.load(BUNDLED)
    actors = kg.facts.actors

    def country(a: str) -> str | None:
        return a if actors[a].kind == "state" else actors[a].country

    page.page.select_option("#country-filter", "usa")
    state = page.state()
    expected = sorted(
        c.id
        for c in kg.facts.contacts.values()
        if any(country(a) == "usa" for a in (*c.participants, *c.subjects, *c.hosts, *c.mediators))
        and c.status in DEFAULT_STATUSES  # the statuses shown by default
    )
    assert state["contacts"] == expected
    cross = [
        c
        for c in expected
        if {"russia", "usa"} <= {country(a) for a in kg.facts.contacts[c].participants}
    ]
    assert cross, "the bundled data has Russia-US contacts"
    for ident in cross:
        assert set(kg.facts.contacts[ident].participants) <= set(state["nodes"])
    counts = page.page.text_content("#counts")
    assert f"{len(expected)} of {len(kg.facts.contacts)} contacts shown" in counts


def test_date_filter_explains_what_it_hides_and_reports_bad_input(open_page) -> None:
    page = open_page(SMALL)
    everything = page.state()["contacts"]
    page.page.fill("#date-from", "2021")
    page.page.fill("#date-to", "2021-12")
    page.page.press("#date-to", "Enter")
    assert page.state()["contacts"] == ["belov-clark-meeting"]
    help_text = page.page.text_content("#date-help")
    assert "undated hidden" in help_text and "dated outside the range hidden" in help_text
    page.page.check("#keep-undated")
    undated = [c for c in everything if c == "putin-belov-video"]
    assert page.state()["contacts"] == sorted(["belov-clark-meeting", *undated])
    page.page.fill("#date-to", "2021-13")
    page.page.press("#date-to", "Enter")
    assert "Cannot read \u201c2021-13\u201d" in page.page.text_content("#date-error")
    assert page.page.get_attribute("#date-to", "aria-invalid") == "true"
    page.page.click("#filters-reset")
    assert page.state()["contacts"] == everything
    assert page.page.text_content("#date-error") == ""


def test_no_stale_state_after_filters_a_failed_path_or_clear(open_page) -> None:
    page = open_page(BUNDLED)
    initial = page.state()
    page.page.fill("#path-from", "Trump")
    page.page.fill("#path-to", "بايدن")
    page.page.click("#path-go")
    assert page.state()["path"] is not None
    page.page.uncheck("#type-filter input[value=meeting]")
    assert page.state()["path"] is None
    assert "Path:" not in page.panel()
    assert "cleared" in page.page.text_content("#path-result")
    page.page.click("#filters-reset")
    page.page.click("#path-go")
    assert "Path:" in page.panel()
    page.page.fill("#path-to", "nobody-at-all")
    page.page.click("#path-go")
    assert page.state()["path"] is None and "Path:" not in page.panel()
    page.js("window.dipgraph.select('vladimir-putin')")
    page.page.select_option("#country-filter", "usa")
    page.page.click("#reset-all")
    after = page.state()
    assert after["nodes"] == initial["nodes"] and after["edges"] == initial["edges"]
    assert after["selected"] is None and after["path"] is None
    assert after["filters"] == initial["filters"]


def test_timeline_has_an_undated_lane(open_page) -> None:
    page = open_page(SMALL)
    page.page.click("#status-every")  # every status: the page opens on those `talks` counts
    bins = page.page.locator("#timeline .bin")
    assert bins.count() >= 4  # 2019 .. 2022
    assert "2021: 1 contact" in bins.nth(2).get_attribute("aria-label")
    assert bins.nth(2).text_content() == "2021"  # years in full
    page.page.click("#timeline .undated-list")
    assert "putin-belov-video" in page.js(
        "[...document.querySelectorAll('#panel [data-contact]')].map(b => b.dataset.contact)"
    )
    bins.nth(2).click()
    assert page.state()["contacts"] == ["belov-clark-meeting"]


# ---- evidence first -------------------------------------------------------------------
def test_actor_panel_lists_contacts_and_statements_with_details(open_page) -> None:
    page = open_page(BUNDLED)
    kg = dipgraph.load(BUNDLED)
    page.js("window.dipgraph.select('russia')")
    panel = page.panel()
    assert (
        "Contacts (" in panel and "Statements made (" in panel and "Statements about it (" in panel
    )
    assert "SECRET" in panel and "Istanbul" in panel and "planned" in panel
    rows = page.js(
        "[...document.querySelectorAll('#panel [data-contact]')].map(b => b.textContent)"
    )
    assert len(rows) == len(set(rows)), "two different contacts read the same"
    topic = next(t for c in kg.facts.contacts.values() for t in c.topics)
    page.js(f"window.dipgraph.select('{topic}')")
    assert "Contacts that discussed it (" in page.panel()
    assert page.page.locator("#panel [data-contact]").count() >= 1


def test_path_narrates_each_hop_with_summary_quote_and_source(open_page) -> None:
    page = open_page(BUNDLED)
    kg = dipgraph.load(BUNDLED)
    page.page.fill("#path-from", "Trump")
    page.page.fill("#path-to", "بايدن")
    page.page.click("#path-go")
    assert page.page.text_content("#path-result") == "Donald Trump → Vladimir Putin → Joe Biden"
    panel = page.panel()
    hops = page.state()["path"]["hops"]
    assert len(hops) == 2
    for hop in hops:
        contact = kg.facts.contacts[hop["contact"]]
        assert contact.summary in panel
        assert contact.evidence[0].quote in panel
        assert kg.facts.sources[contact.evidence[0].source].name in panel


# ---- share, export, accessibility -------------------------------------------------------
def test_url_fragment_round_trips_the_view(open_page) -> None:
    page = open_page(BUNDLED)
    page.js(
        """window.dipgraph.setFilters({country: 'usa', types: ['meeting', 'talks', 'message'],
        layers: ['contacts', 'statements'], focus: 2})"""
    )
    page.js("window.dipgraph.path('Trump', 'Putin')")
    page.js("window.dipgraph.select('vladimir-putin')")
    fragment = page.js("location.hash")
    before = page.state()
    again = open_page(BUNDLED, fragment=fragment)
    after = again.state()
    for key in ("filters", "layers", "focus", "selected", "contacts", "nodes", "edges"):
        assert after[key] == before[key], key
    assert after["path"]["hops"] == before["path"]["hops"]


def test_keyboard_reaches_search_results_and_lists(open_page) -> None:
    page = open_page(BUNDLED)
    page.page.focus("#search")
    page.page.keyboard.type("Serge")
    page.page.keyboard.press("Enter")
    results = page.page.locator("#search-list button[data-id]")
    assert results.count() >= 3  # Sergey Lavrov, Sergei Shoigu, Sergey Naryshkin...
    page.page.keyboard.press("Tab")  # the Find button
    page.page.keyboard.press("Tab")  # the first result
    chosen = page.js("document.activeElement.dataset.id")
    page.page.keyboard.press("Enter")
    assert page.state()["selected"] == chosen
    page.js("window.dipgraph.select('vladimir-putin')")
    first_row = page.page.locator("#panel [data-contact]").first
    contact = first_row.get_attribute("data-contact")
    first_row.focus()
    page.page.keyboard.press("Space")
    assert page.state()["selected"] == f"contact:{contact}"
    # Every control is reachable: nothing focusable is hidden from Tab.
    assert page.js("document.querySelectorAll('#app [tabindex=\"-1\"]:not(#panel)').length") == 0


def test_keyboard_pans_the_graph(open_page) -> None:
    page = open_page(BUNDLED)
    frame = page.page.locator("#graph .vis-network")
    assert frame.get_attribute("aria-label")
    frame.focus()
    before = page.js("window.dipgraph.network.getViewPosition()")
    page.page.keyboard.press("Shift+ArrowRight")  # the arrows alone move the selection
    after = page.js("window.dipgraph.network.getViewPosition()")
    assert after["x"] > before["x"] and after["y"] == before["y"]
    assert page.js("window.dipgraph.network.getSelectedNodes()") == []


def test_search_lists_every_match_finds_topics_and_goes_back(open_page) -> None:
    page = open_page(BUNDLED)
    page.page.fill("#search", "Serge")
    page.page.click("#search-go")
    ids = page.js("[...document.querySelectorAll('#search-list [data-id]')].map(b => b.dataset.id)")
    assert {"sergey-lavrov", "sergei-shoigu"} <= set(ids)
    page.page.fill("#search", "arms control")
    page.page.click("#search-go")
    assert page.state()["selected"] == "arms-control"
    page.page.click("#search-list button.back")
    assert page.state()["selected"] is None


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
    assert label in page.panel()


def test_clicking_a_node_shows_names_in_both_scripts(open_page) -> None:
    page = open_page(BUNDLED)
    click_node(page, "vladimir-putin")
    arabic = page.page.locator("#panel p[lang=ar]")
    assert arabic.text_content() == "فلاديمير بوتين (ar)"
    assert (
        page.js("getComputedStyle(document.querySelector('#panel p[lang=ar]')).direction") == "rtl"
    )
    assert "President of Russia" in page.panel()


def test_narrow_screen_keeps_a_usable_graph(open_page) -> None:
    page = open_page(BUNDLED, size=(400, 800))
    box = page.page.locator("#graph").bounding_box()
    assert box["width"] >= 380 and box["height"] >= 400
    assert not page.page.is_visible("#search")
    page.page.click("#controls-toggle")
    assert page.page.is_visible("#search")
    click_node(page, "vladimir-putin")
    assert "Vladimir Putin" in page.panel()
    assert page.js("document.documentElement.scrollWidth") <= 400


def test_print_stylesheet_hides_controls(open_page) -> None:
    page = open_page(BUNDLED)
    page.page.emulate_media(media="print")
    assert not page.page.is_visible("#controls")
    assert page.page.is_visible("#panel") and page.page.is_visible("#graph")


def test_exports_csv_with_citations_and_a_png(open_page) -> None:
    page = open_page(HOSTILE)
    with page.page.expect_download() as download:
        page.page.click("#export-csv")
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(r["id"] for r in rows) == page.state()["contacts"]
    assert all(r["citations"] for r in rows)
    assert not any(cell.startswith(("=", "+", "@")) for r in rows for cell in r.values())
    with page.page.expect_download() as download:
        page.page.click("#export-png")
    assert Path(download.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert [url for url in page.requests if not url.startswith(("file://", "blob:"))] == []


def test_csv_cells_cannot_become_spreadsheet_formulas(open_page, tmp_path: Path) -> None:
    facts = tmp_path / "facts"
    shutil.copytree(SMALL, facts)
    data = facts / "facts.yaml"
    text = data.read_text(encoding="utf-8")
    formula = '=HYPERLINK("x","y")'
    text = text.replace(
        "summary: Adams and Belov discussed renewing New START by telephone.",
        f"summary: '{formula}'",
    )
    data.write_text(text, encoding="utf-8")
    page = open_page(facts)
    with page.page.expect_download() as download:
        page.page.click("#export-csv")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text("utf-8-sig"))))
    call = next(r for r in rows if r["id"] == "adams-belov-call")
    assert call["summary"] == "'" + formula


def test_table_view_lists_the_visible_contacts(open_page) -> None:
    page = open_page(SMALL)
    page.page.click("#show-table")
    rows = page.page.locator("#table-view tbody tr")
    assert rows.count() == len(page.state()["contacts"])
    page.page.uncheck("#type-filter input[value=phone_call]")
    assert rows.count() == len(page.state()["contacts"])
    page.page.locator("#table-view [data-contact]").first.press("Enter")
    assert page.state()["selected"].startswith("contact:")


def test_palette_keeps_contact_types_and_countries_apart(open_page) -> None:
    page = open_page(BUNDLED)
    colours = page.js(
        """(() => { const d = window.dipgraph; const c = {actor: new Set(), contact: new Set()};
        d.nodes.get().forEach(n => { if (c[n.kind]) c[n.kind].add(n.color.background); });
        return {actor: [...c.actor], contact: [...c.contact]}; })()"""
    )
    assert not set(colours["actor"]) & set(colours["contact"])
    assert set(colours["contact"]) == {"#F2F2F2", "#222222"}  # plain, and secret


def test_hostile_text_renders_as_text_and_runs_no_script(open_page) -> None:
    page = open_page(HOSTILE)
    page.page.fill("#search", "<img src=x")
    page.page.click("#search-go")
    assert page.page.text_content("#search-result") == "Found: <img src=x onerror=alert(1)>"
    panel = page.panel()
    assert "<img src=x onerror=alert(1)>" in panel and "<script>alert(3)</script>" in panel
    contact = page.state()["contacts"][0]
    page.js(f"window.dipgraph.select('contact:{contact}')")
    page.page.fill("#path-from", "evil")
    page.page.fill("#path-to", "Normal Person")
    page.page.click("#path-go")
    panel = page.panel()
    assert "</script><script>alert(2)</script>" in panel
    page.page.wait_for_timeout(300)
    assert page.dialogs == []
    assert (
        page.js("document.querySelectorAll('#app img, #app svg, #app iframe, #app b').length") == 0
    )
    assert page.errors == []


def test_actor_panel_says_when_an_undated_post_was_held(open_page) -> None:
    """Burns is "the former ambassador" (السابق): his panel listed the post bare."""
    page = open_page(BUNDLED)
    page.js("window.dipgraph.select('william-burns')")
    panel = page.panel()
    assert "William Burns: US Ambassador to Russia, United States" in panel
    assert 'when: Described as the former ("السابق") US ambassador in Moscow' in panel
