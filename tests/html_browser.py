"""Opening a written HTML graph in the tests' headless Chromium, its errors collected."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def open_graph(browser, page_path: Path, timeout: float = 120000) -> tuple[Any, Any]:
    """(context, page) at 1400x900, once the page says it is ready; ``page.errors``
    lists the script errors it raised."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(page_path.as_uri())
    page.wait_for_selector("body[data-ready=true]", state="attached", timeout=timeout)
    page.errors = errors
    return context, page


@contextmanager
def graph_page(
    browser, page_path: Path, timeout: float = 60000, viewport: dict | None = None
) -> Iterator[Any]:
    """The page of :func:`open_graph` (resized to ``viewport`` if given); on leaving,
    the page must have raised no script error, and its context is closed."""
    context, page = open_graph(browser, page_path, timeout)
    try:
        if viewport:
            page.set_viewport_size(viewport)
        yield page
        assert page.errors == []
    finally:
        context.close()
