"""Regenerate docs/graph.png, the README's picture of the bundled dataset's graph.

Run from the repository root: python docs/screenshot.py
Needs Chromium (apt-get install chromium) and Playwright (pip install -e '.[test]').
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import dipgraph
from dipgraph.browser import launch
from dipgraph.exports.html import write_html

HERE = Path(__file__).resolve().parent


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        page_path = write_html(dipgraph.load(HERE.parent / "facts"), Path(work) / "graph.html")
        with sync_playwright() as playwright:
            try:
                browser = launch(playwright)
            except RuntimeError as error:
                sys.exit(f"error: {error}")
            page = browser.new_page(viewport={"width": 1500, "height": 900})
            page.goto(page_path.as_uri())
            page.wait_for_selector("body[data-ready=true]", state="attached", timeout=60000)
            page.fill("#path-from", "Trump")
            page.fill("#path-to", "بايدن")
            page.click("#path-go")
            page.wait_for_timeout(300)
            page.screenshot(path=str(HERE / "graph.png"))
            browser.close()
    print(f"wrote {HERE / 'graph.png'}")


if __name__ == "__main__":
    main()
