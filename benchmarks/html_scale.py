"""How the HTML graph of a large dataset reads and responds, measured in headless Chromium.

Writes a synthetic facts directory (10,000 actors and 30,000 contacts by default;
2,000/6,000 with --actors 2000 --contacts 6000), renders the page, opens it from
file:// and prints, each the median of --runs page loads:
- time from navigation until the graph is drawn and answering;
- the fraction of drawn nodes whose disc overlaps another node's at first fit (< 5%);
- how many names the page draws at first fit (actors; and countries, when the
  overview of a large page shows them as clusters);
- search (a name shared by hundreds of actors, then a unique one), filter (a country,
  then a date range, then back), path between two far actors, and selecting an actor
  (1-hop focus), each in ms, measured inside the page, drawing included.
Targets: search < 300 ms, filter < 1000 ms, path < 1000 ms.

Also: opening a country from the overview, and switching a layer on for the first
time (the page builds it then) and off again.

Run: python benchmarks/html_scale.py [--actors 10000] [--contacts 30000] [--runs 3]
     python benchmarks/html_scale.py --facts tests/fixtures/sides   (a 1,000-party contact)
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

# Each step runs inside the page and is timed there until two animation frames have
# passed, so the figure includes drawing the result. The baseline, measured the same
# way in the same page, is one redraw of the whole graph: no step can beat it, and
# the ratio to it stays meaningful when the machine's speed drifts.
STEPS = {
    "search 'Sofia' (many matches)": "search('Sofia')",
    "search 'person-17' (one match)": "search('person-17')",
    "filter: one country": "d.setFilters({country: 'state-3'})",
    "filter: dates 2020-2021": "d.setFilters({country: '', from: '2020', to: '2021'})",
    "filter: back to all": "d.setFilters({from: '', to: ''})",
    "path person-17 -> person-1700": "d.path('person-17', 'person-1700')",
    "select an actor (1-hop focus)": "d.select('person-5')",
    "clear": "d.clear()",
    "open a country (overview click)": "d.openCluster('state-3')",
    "layer on: topics (first time: built)": "d.setFilters({layers: ['contacts', 'topics']})",
    "layer on: statements (first time: built)": (
        "d.setFilters({layers: ['contacts', 'statements']})"
    ),
    "layers off again": "d.setFilters({layers: ['contacts']})",
}
# With --facts, the steps that name synthetic ids are skipped.
GENERIC = {"filter: back to all", "clear", "layers off again"}
BASELINE = "d.network.redraw()"
NOTHING = "0"  # two frames and nothing else: the floor of every figure
OVERVIEW = "document.getElementById('overview-toggle').checked = {}"


def measure(step: str) -> str:
    """A function for page.evaluate that times one step (the page's CSP forbids eval)."""
    return f"""async () => {{
  const d = window.dipgraph;
  function search(text) {{
    document.getElementById('search').value = text;
    document.getElementById('search-go').click();
  }}
  const frame = () => new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
  await frame();
  const start = performance.now();
  {step};
  await frame();
  await frame();
  return performance.now() - start;
}}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--actors", type=int, default=10000)
    parser.add_argument("--contacts", type=int, default=30000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--facts", type=Path, help="measure this facts directory instead of synthetic data"
    )
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="dipgraph-html-"))
    try:
        if args.facts is None:
            synth.synthesize(work / "facts", args.contacts, args.actors)
        started = time.perf_counter()
        kg = dipgraph.load(args.facts or work / "facts")
        loaded = time.perf_counter()
        page_text = render_html(kg)
        rendered = time.perf_counter()
        page_path = work / "graph.html"
        page_path.write_text(page_text, encoding="utf-8")
        if args.facts:
            print(f"{args.facts}: {len(kg.facts.actors)} actors, {len(kg.facts.contacts)} contacts")
        else:
            print(f"{args.actors} actors, {args.contacts} contacts")
        print(
            f"load + check: {loaded - started:.2f} s; render HTML (layout included): "
            f"{rendered - loaded:.2f} s; file size: {len(page_text.encode()) / 1e6:.1f} MB"
        )
        figures: dict[str, list[float]] = {}
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for _ in range(args.runs):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.goto(page_path.as_uri())
                page.wait_for_selector("body[data-ready=true]", state="attached", timeout=180000)
                page.wait_for_function("window.dipgraph.status.indexedMs", timeout=60000)
                state = page.evaluate("window.dipgraph.state()")
                figures.setdefault("ready (s)", []).append(
                    page.evaluate("window.dipgraph.status.readyMs") / 1000
                )
                figures.setdefault("search index built (s)", []).append(
                    page.evaluate("window.dipgraph.status.indexedMs") / 1000
                )
                figures.setdefault("overlap at first fit (%)", []).append(
                    100 * page.evaluate("window.dipgraph.overlap()")
                )
                figures.setdefault("names drawn at first fit", []).append(
                    page.evaluate("window.dipgraph.labels().length")
                )
                overview = page.evaluate("window.dipgraph.clusters()")
                if overview:
                    figures.setdefault("countries in the overview at first fit", []).append(
                        len(overview["list"])
                    )
                    figures.setdefault("countries named at first fit", []).append(
                        len(overview["labels"])
                    )
                figures.setdefault("nodes drawn", []).append(len(state["nodes"]))
                figures.setdefault("edges drawn", []).append(len(state["edges"]))
                figures.setdefault("floor: two frames, no step (ms)", []).append(
                    page.evaluate(measure(NOTHING))
                )
                # The baseline draws every line and disc: the overview (the picture at
                # first fit) is switched off for it, then measured on its own.
                page.evaluate(OVERVIEW.format("false"))
                baseline = page.evaluate(measure(BASELINE))
                page.evaluate(OVERVIEW.format("true"))
                figures.setdefault(
                    "baseline: one redraw of every line and disc, overview off (ms)", []
                ).append(baseline)
                figures.setdefault("one redraw of the country overview (ms)", []).append(
                    page.evaluate(measure(BASELINE))
                )
                for name, step in STEPS.items():
                    if args.facts and name not in GENERIC:
                        continue
                    took = page.evaluate(measure(step))
                    figures.setdefault(f"{name} (ms)", []).append(took)
                    figures.setdefault(f"{name} (x baseline)", []).append(took / baseline)
                page.close()
            browser.close()
        width = max(len(name) for name in figures)
        print(f"median of {args.runs} page loads in headless Chromium (min-max):")
        for name, values in figures.items():
            print(
                f"  {name:<{width}}  {statistics.median(values):9.2f}"
                f"   ({min(values):.2f}-{max(values):.2f})"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
