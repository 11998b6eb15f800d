"""Defects a newcomer's review found in the HTML graph (/work/coord/html-review.md), each
reproduced in headless Chromium the way the reviewer met it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from html_browser import open_graph

import dipgraph
from conftest import BUNDLED
from dipgraph.exports.html import write_html


@pytest.fixture(scope="module")
def bundled_html(tmp_path_factory) -> Path:
    return write_html(dipgraph.load(BUNDLED), tmp_path_factory.mktemp("review") / "graph.html")


@pytest.fixture
def page(browser, bundled_html) -> Iterator[Any]:
    context, opened = open_graph(browser, bundled_html, 60000)
    yield opened
    assert opened.errors == []
    context.close()


def drawn_selected(page) -> list[str]:
    """Ids of the nodes vis-network draws as selected (its items' own flag)."""
    return page.evaluate(
        """Object.values(window.dipgraph.network.body.nodes)
        .filter(n => n.selected).map(n => n.id)"""
    )


# ---- 1. Reset and "Back to the whole graph" leave nothing drawn selected ------------
def test_reset_view_draws_no_selection(page) -> None:
    page.fill("#search", "Lavrov")
    page.press("#search", "Enter")
    assert page.evaluate("window.dipgraph.state().selected") == "sergey-lavrov"
    assert drawn_selected(page) == ["sergey-lavrov"]
    page.click("#reset-all")
    assert page.evaluate("window.dipgraph.state().selected") is None
    assert drawn_selected(page) == []


def test_back_to_the_whole_graph_draws_no_selection(page) -> None:
    page.fill("#search", "Sergei")
    page.press("#search", "Enter")
    page.click("#search-list button[data-id]")
    assert drawn_selected(page)
    page.click("#search-list button.back")
    assert page.evaluate("window.dipgraph.state().selected") is None
    assert drawn_selected(page) == []
