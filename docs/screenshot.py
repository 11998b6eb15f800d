"""Regenerate the screenshots of the HTML graph in docs/ (the README shows docs/graph.png).

Run from the repository root: PYTHONPATH=. python docs/screenshot.py [--skip-large]
Needs Chromium (apt-get install chromium) and Playwright (pip install -e '.[test]').

Writes, from the bundled facts:
  graph.png          the whole graph at first fit (actors and contacts)
  graph-path.png     the path Trump -> Biden, narrated hop by hop in the panel
  graph-contact.png  the prisoner exchange: two sides, the people exchanged as subjects
  graph-layers.png   statements and topics layers on, Lavrov selected (1-hop focus)
  graph-narrow.png   the page at 400x800
  graph-1280x720.png the first view on a laptop screen: every actor and contact named
  graph-1400x900.png, graph-1366x657.png  the first view on two more screens
  graph-evidence.png the Istanbul talks: quotes, sources, the article opened at its quote
  graph-sides.png    a 1,000-party assembly (tests/fixtures/sides): one contact mark,
                     selected, joined to each delegate
and, from synthetic data (benchmarks/synth.py, 10,000 actors / 30,000 contacts):
  graph-10k.png           the overview at first fit: countries as clusters
  graph-10k-country.png   one country opened (a click on its bubble)
  graph-10k-zoom.png      zoomed onto one actor, its contacts in focus
  graph-10k-statements.png  the statements layer switched on, around that actor
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import dipgraph
from dipgraph.browser import launch
from dipgraph.exports.html import write_html

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "benchmarks"))


def _open(browser, page_path: Path, width: int = 1500, height: int = 900):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(page_path.as_uri())
    page.wait_for_selector("body[data-ready=true]", state="attached", timeout=180000)
    return page


def _shoot(page, name: str) -> None:
    page.wait_for_timeout(300)
    page.screenshot(path=str(HERE / name))
    print(f"wrote {HERE / name}")


def bundled(browser, work: Path) -> None:
    page_path = write_html(dipgraph.load(HERE.parent / "facts"), work / "graph.html")
    page = _open(browser, page_path)
    _shoot(page, "graph.png")
    page.fill("#path-from", "Trump")
    page.fill("#path-to", "بايدن")
    page.click("#path-go")
    _shoot(page, "graph-path.png")
    page.click("#reset-all")
    page.evaluate("window.dipgraph.select('contact:griner-bout-prisoner-exchange')")
    _shoot(page, "graph-contact.png")
    page.click("#reset-all")
    page.evaluate(
        "window.dipgraph.setFilters({layers: ['contacts', 'statements', 'topics']}),"
        "window.dipgraph.select('sergey-lavrov')"
    )
    _shoot(page, "graph-layers.png")
    page.close()
    for width, height in ((1400, 900), (1366, 657)):  # the review's other two screens
        screen = _open(browser, page_path, width, height)
        _shoot(screen, f"graph-{width}x{height}.png")
        screen.close()
    laptop = _open(browser, page_path, 1280, 720)
    _shoot(laptop, "graph-1280x720.png")
    laptop.evaluate("window.dipgraph.select('contact:istanbul-secret-talks')")
    laptop.click("#panel details.article summary")
    _shoot(laptop, "graph-evidence.png")
    laptop.close()
    narrow = _open(browser, page_path, 400, 800)
    narrow.evaluate("window.dipgraph.select('vladimir-putin')")
    narrow.evaluate("window.scrollTo(0, 0)")
    _shoot(narrow, "graph-narrow.png")
    narrow.close()
    sides = write_html(dipgraph.load(HERE.parent / "tests" / "fixtures" / "sides"), work / "s.html")
    page = _open(browser, sides)
    page.evaluate(
        """(() => { const d = window.dipgraph, n = d.network;
        const id = 'contact:assemblies-joint-session';
        d.select(id);
        n.moveTo({position: n.getPositions([id])[id], scale: d.clusters().threshold * 1.3,
                  animation: false}); })()"""
    )
    _shoot(page, "graph-sides.png")
    page.close()


def large(browser, work: Path) -> None:
    import synth

    synth.synthesize(work / "facts", 30000, 10000)
    page_path = write_html(dipgraph.load(work / "facts"), work / "large.html")
    page = _open(browser, page_path, 1400, 900)
    _shoot(page, "graph-10k.png")
    page.evaluate("window.dipgraph.openCluster('state-3')")
    _shoot(page, "graph-10k-country.png")
    page.evaluate(
        """(() => { const n = window.dipgraph.network;
        window.dipgraph.select('person-5');
        n.moveTo({position: n.getPositions(['person-5'])['person-5'], scale: 0.5,
                  animation: false}); })()"""
    )
    _shoot(page, "graph-10k-zoom.png")
    page.evaluate(
        """(() => { const d = window.dipgraph, n = d.network;
        d.setFilters({layers: ['contacts', 'statements']});
        d.select('person-5');
        n.moveTo({position: n.getPositions(['person-5'])['person-5'], scale: 0.9,
                  animation: false}); })()"""
    )
    _shoot(page, "graph-10k-statements.png")
    page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-large", action="store_true", help="only the bundled facts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work, sync_playwright() as playwright:
        try:
            browser = launch(playwright)
        except RuntimeError as error:
            sys.exit(f"error: {error}")
        bundled(browser, Path(work))
        if not args.skip_large:
            large(browser, Path(work))
        browser.close()


if __name__ == "__main__":
    main()
