"""The source one click away: a contact's evidence names the source's title (English and
printed), publisher, date or why there is none, its address, and opens the article text
the page carries, the quote highlighted where the loader finds it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from html_browser import graph_page

import dipgraph
from conftest import BUNDLED, SMALL
from dipgraph.exports.html import write_html
from dipgraph.loader.quotes import normalise_space


def open_article(page) -> list[str]:
    """Open every article of the panel; the highlighted text of each."""
    for summary in page.locator("#panel details.article summary").all():
        summary.click()
    page.wait_for_function(  # the text is laid out on the "toggle" event, a task later
        """() => [...document.querySelectorAll('#panel details.article')]
        .every(d => d.querySelector('.article-text').firstChild)"""
    )
    return page.eval_on_selector_all(
        "#panel details.article mark", "ms => ms.map(m => m.textContent)"
    )


def test_a_bundled_contact_shows_its_article_with_the_quote_marked(page) -> None:
    kg = dipgraph.load(BUNDLED)
    contact = kg.facts.contacts["istanbul-secret-talks"]
    page.evaluate("window.dipgraph.select('contact:istanbul-secret-talks')")
    panel = page.inner_text("#panel")
    for evidence in contact.evidence:
        source = kg.facts.sources[evidence.source]
        assert source.title_en in panel and source.title in panel
        assert source.date_note.split(".")[0] in panel  # why no publisher or date
    marked = open_article(page)
    assert [normalise_space(m) for m in marked] == [
        normalise_space(e.quote) for e in contact.evidence
    ]
    article = page.inner_text("#panel .article-text")
    assert normalise_space(article) == normalise_space(
        kg.facts.sources[contact.evidence[0].source].file.read_text(encoding="utf-8")
    )


def test_publisher_date_and_address_are_shown(browser, tmp_path: Path) -> None:
    facts = tmp_path / "facts"
    shutil.copytree(SMALL, facts)
    listing = facts / "sources.yaml"
    text = listing.read_text(encoding="utf-8")
    listing.write_text(
        re.sub(r"(  - id: wire\n)", r"\1    url: https://wire.example/report-1\n", text),
        encoding="utf-8",
    )
    kg = dipgraph.load(facts)
    page_path = write_html(kg, tmp_path / "graph.html")
    with graph_page(browser, page_path) as page:
        page.evaluate("window.dipgraph.select('contact:belov-clark-meeting')")
        caption = page.inner_text("#panel figcaption")
        assert "Wire report" in caption and "Fixture Wire, 2022-02" in caption
        link = page.locator("#panel figcaption a.source-url")
        assert link.get_attribute("href") == "https://wire.example/report-1"
        assert link.get_attribute("rel") == "noopener noreferrer external"
        # The quote's line breaks differ from the article's: still found and marked.
        assert open_article(page) == [
            "On 2 May 2021 Belov met Carol Clark, the American envoy, in Vienna."
        ]


def test_article_texts_stop_at_the_budget() -> None:
    from dipgraph.exports.graph_view import source_texts

    kg = dipgraph.load(BUNDLED)
    texts = [s.file.read_text(encoding="utf-8") for s in kg.facts.sources.values()]
    assert source_texts(kg.facts) == texts
    budget = len(texts[0]) + len(texts[1])
    assert source_texts(kg.facts, budget) == texts[:2] + [None] * (len(texts) - 2)


def test_a_quote_with_a_gloss_shows_the_english_under_it(page) -> None:
    """The curator's English translation (evidence ``gloss:``) stands under its Arabic
    quote; a quote without one gets none."""
    contact = dipgraph.load(BUNDLED).facts.contacts["putin-biden-phone-call-security-guarantees"]
    page.evaluate("window.dipgraph.select('contact:putin-biden-phone-call-security-guarantees')")
    figures = page.eval_on_selector_all(
        "#panel figure.cite",
        """fs => fs.map(f => ({quote: f.querySelector('blockquote').textContent,
            next: f.querySelector('blockquote').nextElementSibling.className,
            gloss: f.querySelector('.gloss') ? f.querySelector('.gloss').textContent : null,
            lang: f.querySelector('.gloss') ? f.querySelector('.gloss').lang : null}))""",
    )
    assert [f["quote"] for f in figures] == [e.quote for e in contact.evidence]
    glossed = 0
    for figure, evidence in zip(figures, contact.evidence, strict=True):
        if evidence.gloss:
            glossed += 1
            assert figure["next"] == "gloss" and figure["lang"] == "en"
            assert figure["gloss"].endswith(evidence.gloss)
        else:
            assert figure["gloss"] is None
    assert 0 < glossed < len(figures)
