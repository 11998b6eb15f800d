"""How the HTML graph of a large dataset reads and responds, measured in headless Chromium.

Writes a synthetic facts directory (10,000 actors and 30,000 contacts by default;
2,000/6,000 with --actors 2000 --contacts 6000), renders the page, opens it from
file:// and prints, each the median of --runs page loads:
- time from navigation until the graph is drawn and answering, and the JavaScript
  heap the page then holds;
- the fraction of drawn nodes whose disc overlaps another node's at first fit (< 5%);
- how many names the page draws at first fit (actors; and countries, when the
  overview of a large page shows them as clusters);
- search (a name shared by hundreds of actors, then a unique one), filter (a country,
  then a date range, then back), path between two far actors, and selecting an actor
  (1-hop focus), exploring from one actor (expand, expand a neighbour, collapse it, stop),
  each in ms, measured inside the page, drawing included.
Targets: search < 300 ms, filter < 1000 ms, path < 1000 ms, keystroke <= 50 ms, ready <= 3 s,
expand <= 200 ms.

Also: opening a country from the overview, and switching a layer on for the first
time (the page builds it then) and off again.

The page's size, by part (vis-network's script and stylesheet, the page's own, its
data: the string table and the rest), for this page and for the bundled dataset's.
With --baseline DIR (a checkout of dipgraph, e.g. /work/main), the same facts are
rendered by that code in a child process, and both pages are measured in the same
run, their loads interleaved (A B A B ...): sizes and timings side by side, with the
ratio of this code to the baseline.

Run: python benchmarks/html_scale.py [--actors 10000] [--contacts 30000] [--runs 3]
     python benchmarks/html_scale.py --baseline /work/main   (before/after in one run)
     python benchmarks/html_scale.py --facts tests/fixtures/sides   (a 1,000-party contact)
Needs Chromium (apt-get install chromium) and Playwright (pip install playwright).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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
    "explore from person-17 (only its contacts drawn)": "d.expand('person-17')",
    "expand a neighbour of it": "d.expand(neighbour)",
    "collapse that neighbour again": "d.expand(neighbour, false)",
    "stop exploring (the whole graph again)": "d.expand('person-17', false)",
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
# Run before a step's clock starts: what the step names, looked up.
SETUP = {
    "expand a neighbour of it": (
        "const neighbour = d.state().nodes.find(n => n !== 'person-17' && n !== 'person-5')"
    ),
    "collapse that neighbour again": "const neighbour = (d.state().expanded || [])[1]",
}
BASELINE = "d.network.redraw()"
NOTHING = "0"  # two frames and nothing else: the floor of every figure
OVERVIEW = "document.getElementById('overview-toggle').checked = {}"
MARK = "performance.getEntriesByName('dipgraph:{}')[0].startTime"


def measure(step: str, setup: str = "") -> str:
    """A function for page.evaluate that times one step (the page's CSP forbids eval),
    after ``setup`` (untimed)."""
    return f"""async () => {{
  const d = window.dipgraph;
  {setup};
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


# Renders a facts directory with the code on PYTHONPATH (run from a neutral directory,
# so that the checkout on PYTHONPATH is the dipgraph imported).
RENDER = """
import json, sys, time
import dipgraph
from dipgraph.exports.html import render_html
started = time.perf_counter()
kg = dipgraph.load(sys.argv[1])
loaded = time.perf_counter()
page = render_html(kg)
rendered = time.perf_counter()
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write(page)
print(json.dumps({"load": loaded - started, "render": rendered - loaded}))
"""
REPO = Path(__file__).resolve().parent.parent


def render(code: Path, facts: Path, out: Path, work: Path) -> dict[str, float]:
    """Render ``facts`` with the dipgraph in ``code`` in a child process."""
    env = {**os.environ, "PYTHONPATH": str(code), "DIPGRAPH_CACHE_DIR": str(work / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", RENDER, str(facts), str(out)],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def size_by_part(page: str) -> dict[str, int]:
    """Bytes (UTF-8) of each part of a page, old (per-item JSON) or packed."""
    size = {"page": len(page.encode())}
    parts: dict[str, int] = {}
    for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S):
        n = len(body.encode())
        if "application/json" in attrs:
            parts["data"] = parts.get("data", 0) + n
            if '"S":' in body[:10]:  # packed: the string table, then the columns
                table = json.loads(body)["S"]
                strings = len(json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode())
                parts["data: string table"] = strings
                parts["data: columns (the rest)"] = n - strings
        elif "@version" in body[:1000]:
            parts["vis-network script"] = n
        else:
            parts["page script"] = n
    styles = [len(s.encode()) for s in re.findall(r"<style>(.*?)</style>", page, re.S)]
    parts["vis-network stylesheet"], parts["page stylesheet"] = styles[0], sum(styles[1:])
    parts["markup (the rest)"] = size["page"] - sum(
        v for k, v in parts.items() if not k.startswith("data: ")
    )
    return {**size, **parts}


def print_sizes(title: str, sizes: dict[str, dict[str, int]]) -> None:
    labels = list(sizes)
    names = list(dict.fromkeys(k for s in sizes.values() for k in s))
    width = max(len(n) for n in names)
    print(f"{title} (MB):")
    print(
        f"  {'':<{width}}"
        + "".join(f"  {label:>12}" for label in labels)
        + ("      ratio" if len(labels) == 2 else "")
    )
    for name in names:
        cells = [sizes[label].get(name) for label in labels]
        line = f"  {name:<{width}}" + "".join(
            f"  {c / 1e6:12.3f}" if c is not None else f"  {'-':>12}" for c in cells
        )
        if len(labels) == 2 and all(cells):
            line += f"  {cells[0] / cells[1]:8.2f}x"
        print(line)


def measure_once(browser: Any, page_path: Path, facts_given: bool) -> dict[str, float]:
    """One page load and every step, timed in the page."""
    from playwright.sync_api import Error as PlaywrightError

    figures: dict[str, float] = {}
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(page_path.as_uri())
    page.wait_for_selector("body[data-ready=true]", state="attached", timeout=180000)
    page.wait_for_function("() => window.dipgraph.status.indexedMs", timeout=60000)
    state = page.evaluate("window.dipgraph.state()")
    cdp = page.context.new_cdp_session(page)
    cdp.send("HeapProfiler.collectGarbage")
    figures["JS heap once ready, after a garbage collection (MB)"] = (
        cdp.send("Runtime.getHeapUsage")["usedSize"] / 1e6
    )
    cdp.detach()
    figures["ready (s)"] = page.evaluate("window.dipgraph.status.readyMs") / 1000
    # Where the time to ready goes: the file read and parsed up to the page's script,
    # then its data read (JSON.parse, and unpacking when packed).
    figures["page's script starts (s)"] = page.evaluate(MARK.format("start")) / 1000
    figures["page's data read (ms)"] = page.evaluate(MARK.format("parsed")) - page.evaluate(
        MARK.format("start")
    )
    figures["search index built (s)"] = page.evaluate("window.dipgraph.status.indexedMs") / 1000
    figures["overlap at first fit (%)"] = 100 * page.evaluate("window.dipgraph.overlap()")
    figures["names drawn at first fit"] = page.evaluate("window.dipgraph.labels().length")
    overview = page.evaluate("window.dipgraph.clusters()")
    if overview:
        figures["countries in the overview at first fit"] = len(overview["list"])
        figures["countries named at first fit"] = len(overview["labels"])
    figures["nodes drawn"] = len(state["nodes"])
    figures["edges drawn"] = len(state["edges"])
    figures["floor: two frames, no step (ms)"] = page.evaluate(measure(NOTHING))
    # The baseline draws every line and disc: the overview (the picture at first fit)
    # is switched off for it, then measured on its own.
    page.evaluate(OVERVIEW.format("false"))
    baseline = page.evaluate(measure(BASELINE))
    page.evaluate(OVERVIEW.format("true"))
    figures["baseline: one redraw of every line and disc, overview off (ms)"] = baseline
    figures["one redraw of the country overview (ms)"] = page.evaluate(measure(BASELINE))
    # A keystroke in the search box, as a person types it: the key pressed, then the
    # next frame drawn (a datalist of 9,968 names made each take 0.5-1.4 s).
    page.click("#search")
    strokes = []
    for key in "Sofia":
        started = time.perf_counter()
        page.keyboard.press(key)
        page.evaluate("new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))")
        strokes.append((time.perf_counter() - started) * 1000)
    figures["keystroke in search, to the next frame (ms, slowest of 5)"] = max(strokes)
    page.fill("#search", "")
    for name, step in STEPS.items():
        if facts_given and name not in GENERIC:
            continue
        try:
            took = page.evaluate(measure(step, SETUP.get(name, "")))
        except PlaywrightError as error:  # a step a baseline's page lacks (d.expand)
            if "is not a function" not in str(error):
                raise
            continue
        figures[f"{name} (ms)"] = took
        figures[f"{name} (x baseline)"] = took / baseline
    page.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--actors", type=int, default=10000)
    parser.add_argument("--contacts", type=int, default=30000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--facts", type=Path, help="measure this facts directory instead of synthetic data"
    )
    parser.add_argument(
        "--baseline", type=Path, help="a dipgraph checkout to compare with (e.g. /work/main)"
    )
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="dipgraph-html-"))
    try:
        facts = args.facts or work / "facts"
        if args.facts is None:
            synth.synthesize(facts, args.contacts, args.actors)
        started = time.perf_counter()
        kg = dipgraph.load(facts)
        loaded = time.perf_counter()
        page_text = render_html(kg)
        rendered = time.perf_counter()
        pages = {"this code": work / "graph.html"}
        pages["this code"].write_text(page_text, encoding="utf-8")
        if args.facts:
            print(f"{args.facts}: {len(kg.facts.actors)} actors, {len(kg.facts.contacts)} contacts")
        else:
            print(f"{args.actors} actors, {args.contacts} contacts")
        print(
            f"this code: load + check {loaded - started:.2f} s; "
            f"render HTML (layout included) {rendered - loaded:.2f} s"
        )
        bundled = {"this code": render_html(dipgraph.load(REPO / "facts"))}
        if args.baseline:
            pages["baseline"] = work / "baseline.html"
            took = render(args.baseline.resolve(), facts.resolve(), pages["baseline"], work)
            print(
                f"baseline ({args.baseline}): load + check {took['load']:.2f} s; "
                f"render HTML (layout included) {took['render']:.2f} s (in a child process)"
            )
            # its own bundled facts: this checkout's may use fields the baseline does not know
            baseline_facts = args.baseline.resolve() / "facts"
            render(args.baseline.resolve(), baseline_facts, work / "bundled-baseline.html", work)
            bundled["baseline"] = (work / "bundled-baseline.html").read_text(encoding="utf-8")
        print_sizes(
            "page size by part",
            {k: size_by_part(p.read_text(encoding="utf-8")) for k, p in pages.items()},
        )
        print_sizes(
            "the bundled dataset's page (facts/) by part",
            {k: size_by_part(text) for k, text in bundled.items()},
        )
        figures: dict[str, dict[str, list[float]]] = {label: {} for label in pages}
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for _ in range(args.runs):
                for label, path in pages.items():  # interleaved: A B A B ...
                    for name, value in measure_once(browser, path, bool(args.facts)).items():
                        figures[label].setdefault(name, []).append(value)
            browser.close()
        names = list(figures["this code"])
        width = max(len(name) for name in names)
        print(f"median of {args.runs} page loads in headless Chromium (min-max):")
        header = "".join(f"  {label:>24}" for label in pages)
        print(f"  {'':<{width}}{header}" + ("      ratio" if len(pages) == 2 else ""))
        for name in names:
            cells = [figures[label].get(name) for label in pages]
            line = f"  {name:<{width}}" + "".join(
                f"  {statistics.median(v):9.2f} ({min(v):6.2f}-{max(v):6.2f})" if v else " " * 26
                for v in cells
            )
            if len(cells) == 2 and all(cells) and statistics.median(cells[1]):
                line += f"  {statistics.median(cells[0]) / statistics.median(cells[1]):8.2f}x"
            print(line)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    from dipgraph.process_memory import allow_tuning

    allow_tuning()  # as the command line does: collector paused while loading, heap trimmed
    main()
