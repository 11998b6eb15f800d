"""How long the HTML graph of a large dataset takes to build and to become interactive.

Writes a synthetic facts directory (10,000 actors, 30,000 contacts by default),
renders the page, opens it from file:// in headless Chromium and prints the time
from navigation start until the graph is drawn and answering (target: < 3 s),
plus the file size and how long the build took.

Run: python benchmarks/html_scale.py [--actors 10000] [--contacts 30000] [--runs 3]
Needs Chromium (apt-get install chromium) and Playwright (pip install playwright).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import synth

import dipgraph
from dipgraph.browser import launch
from dipgraph.exports.html import render_html


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--actors", type=int, default=10000)
    parser.add_argument("--contacts", type=int, default=30000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="dipgraph-html-"))
    try:
        synth.synthesize(work / "facts", args.contacts, args.actors)
        started = time.perf_counter()
        kg = dipgraph.load(work / "facts")
        loaded = time.perf_counter()
        page_text = render_html(kg)
        rendered = time.perf_counter()
        page_path = work / "graph.html"
        page_path.write_text(page_text, encoding="utf-8")
        graph = kg.networkx
        nodes = sum(1 for _, d in graph.nodes(data=True) if d["node_type"] != "source")
        print(
            f"graph: {nodes} nodes drawn, {graph.number_of_edges()} edges "
            f"({args.actors} actors, {args.contacts} contacts)"
        )
        print(
            f"load + check: {loaded - started:.2f} s; render HTML (layout included): "
            f"{rendered - loaded:.2f} s; file size: {len(page_text.encode()) / 1e6:.1f} MB"
        )
        ready_times = []
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for _ in range(args.runs):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.goto(page_path.as_uri())
                page.wait_for_selector("body[data-ready=true]", state="attached", timeout=120000)
                ready_ms = page.evaluate("window.dipgraph.state.readyMs")
                marks = page.evaluate(
                    "performance.getEntriesByType('mark').map("
                    "m => m.name.split(':')[1] + ' ' + Math.round(m.startTime))"
                )
                print("  marks (ms since navigation):", ", ".join(marks))
                # Interactive: a search answers right after the first drawing.
                page.fill("#search", "person-17")
                page.click("#search-go")
                answer = page.text_content("#search-result")
                ready_times.append(ready_ms / 1000)
                page.close()
            browser.close()
        print(
            f"time to interactive in headless Chromium (navigation start to drawn), "
            f"{args.runs} runs: min {min(ready_times):.2f} s, median "
            f"{statistics.median(ready_times):.2f} s, max {max(ready_times):.2f} s "
            f"(target < 3 s); search answered: {answer!r}"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
