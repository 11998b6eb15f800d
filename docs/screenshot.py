"""Regenerate docs/graph.png, the README's picture of the bundled dataset's graph.

Run from the repository root: python docs/screenshot.py
Needs Chromium (apt-get install chromium) and Playwright (pip install -e '.[test]').
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import dipgraph
from dipgraph.exports.html import write_html

HERE = Path(__file__).resolve().parent
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("error: Chromium not found (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as work:
        page_path = write_html(dipgraph.load(HERE.parent / "facts"), Path(work) / "graph.html")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
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
