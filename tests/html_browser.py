"""Opening a written HTML graph in the tests' headless Chromium, its errors collected."""

from __future__ import annotations

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
