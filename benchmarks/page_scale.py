"""The 10k page's responsiveness targets, measured in headless Chromium with the browser's
own long-task monitor.

Targets (issue #27; 10,000 actors, 30,000 contacts, this machine): ready <= 3 s, no
main-thread task over 200 ms after ready, a keystroke in search <= 50 ms, search to
drawn <= 300 ms, expand <= 200 ms.

Each load of a page is watched from its first byte by a PerformanceObserver for
'longtask' (every main-thread task over 50 ms, with its start and duration) installed
before the page's own script. Once the page says it is ready, a person types into the
search box at once (while the page still does its work after ready): each keystroke is
timed in the page from the key's event time (the moment the browser received it, so
the wait behind a busy main thread counts) until the next frame has been drawn. Then
Enter: search to drawn is the same, from Enter to two frames after the answer; "answered"
is from Enter to the end of the page's own handler (the answer in the page, not yet
drawn: what the search itself costs, without drawing the graph). Searches:
an exact name, a name with a typo (the page offers the nearest names), a word many
names hold. The page is watched for 6 s after ready for long tasks.

Then, through the page's API, each timed from the call until two frames have been drawn,
with the longest main-thread task it caused: exploring from an actor and expanding a
neighbour (the expand target), and the path between two far actors by each of the path
tool's rules (shortest, in date order, every path, every path in date order: --temporal
and --all of `dipgraph path`, up to its hop and path limits).

Measured in the same run, loads interleaved (A B C A B C ...):
- "floor": a page that inlines the same vis-network bundle and draws an empty network
  (what any page carrying vis-network costs on this machine now);
- "this code": the 10k page rendered by this checkout;
- with --baseline DIR, the same facts rendered by that checkout (e.g. /work/main):
  before and after in one run.
The load average is printed before and after.

Run: nice -n 10 python benchmarks/page_scale.py [--runs 3] [--baseline /work/main]
Needs Chromium (apt-get install chromium) and Playwright.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import synth
from html_scale import render

from dipgraph.browser import launch
from dipgraph.exports.html import _vis_assets

AFTER_READY_S = 6.0  # long tasks are watched this long after ready
FAR = ("person-17", "person-1700")  # two far actors of the synthetic facts
STEPS = {
    "expand: explore from person-17": "d.expand('person-17')",
    "expand: a neighbour of it": "d.expand(neighbour)",
    "expand: stop exploring": "d.expand('person-17', false); d.clear()",
    "path: shortest": f"d.path('{FAR[0]}', '{FAR[1]}', null, {{temporal: false, all: false}})",
    "path: in date order": f"d.path('{FAR[0]}', '{FAR[1]}', null, {{temporal: true, all: false}})",
    "path: every path": f"d.path('{FAR[0]}', '{FAR[1]}', null, {{temporal: false, all: true}})",
    "path: every path in date order": (
        f"d.path('{FAR[0]}', '{FAR[1]}', null, {{temporal: true, all: true}})"
    ),
}
# Run before a step's clock starts: what the step names, looked up.
SETUP = {
    "expand: a neighbour of it": (
        "const neighbour = d.state().nodes.find(n => n.startsWith('person-') && n !== 'person-17')"
    ),
}
# One step, timed in the page from the call to two frames later (the page's CSP forbids
# eval: the step is written into the function); the longest task that began meanwhile.
STEP = """async () => {{
  const d = window.dipgraph;
  {setup};
  const frame = () => new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
  await frame();
  const start = performance.now();
  const answer = {step};
  await frame();
  await frame();
  const took = performance.now() - start;
  await new Promise(done => setTimeout(done, 300));  // a long task is reported late
  const tasks = (window.__longtasks || []).filter(t => t.start >= start - 1);
  return [took, Math.max(0, ...tasks.map(t => t.duration)),
          Array.isArray(answer) ? answer.length : answer ? 1 : 0];
}}"""
TYPED = "Sofia Ivnova 1"  # typed as a person types it, right after ready
SEARCHES = {
    "exact name 'person-17'": "person-17",
    "typo 'Sofia Ivnova 17' (nearest names offered)": "Sofia Ivnova 17",
    "many names hold 'Sofia'": "Sofia",
}

# Installed before any script of the page: long tasks, and each key's time to the
# next drawn frame (from event.timeStamp, when the browser received the key).
WATCH = """(() => {
  window.__longtasks = [];
  window.__keys = [];
  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) {
        window.__longtasks.push({start: e.startTime, duration: e.duration});
      }
    }).observe({type: 'longtask', buffered: true});
  } catch (e) { window.__longtasks = null; }
  document.addEventListener('keydown', ev => {
    const key = {key: ev.key, at: ev.timeStamp, drawn: null};
    window.__keys.push(key);
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
      key.drawn = performance.now() - key.at;
    }, 0)));
  }, true);
  // Bubbling to the document, after the search box's own handler: the answer is in the
  // page (list, panel, selection), not yet drawn.
  document.addEventListener('keydown', ev => {
    const key = window.__keys.find(k => k.at === ev.timeStamp);
    if (key) { key.handled = performance.now() - ev.timeStamp; }
  });
})();"""

FLOOR = """<!doctype html><html><head><meta charset="utf-8"><style>{css}</style></head>
<body><div id="graph" style="width:1400px;height:800px"></div>
<script>{js}</script>
<script>
var net = new vis.Network(document.getElementById('graph'),
  {{nodes: new vis.DataSet([]), edges: new vis.DataSet([])}}, {{}});
net.once('afterDrawing', function () {{
  window.floorReadyMs = performance.now();
  document.body.setAttribute('data-ready', 'true');
}});
net.redraw();
</script></body></html>
"""


def floor_page(path: Path) -> None:
    js, css = _vis_assets()
    path.write_text(FLOOR.format(js=js, css=css), encoding="utf-8")


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def settle(page: Any, ms: int) -> None:
    page.wait_for_timeout(ms)


def measure_once(browser: Any, path: Path, floor: bool) -> dict[str, float]:
    """One load of a page: ready, long tasks after it, keystrokes and searches."""
    figures: dict[str, float] = {}
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(WATCH)
    page = context.new_page()
    try:
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=180000)
        ready = page.evaluate("window.floorReadyMs || window.dipgraph.status.readyMs")
        figures["ready: navigation to first drawing (s)"] = ready / 1000
        if not floor:
            page.click("#search")
            for ch in TYPED:
                page.keyboard.press(ch)
                settle(page, 120)
            page.wait_for_function(
                "() => window.__keys.every(k => k.drawn !== null)", timeout=60000
            )
            strokes = page.evaluate("window.__keys.map(k => k.drawn)")
            figures["keystroke to next frame, typed at ready (ms, slowest)"] = max(strokes)
            figures["keystroke to next frame, typed at ready (ms, median)"] = statistics.median(
                strokes
            )
        rest = AFTER_READY_S * 1000 - (page.evaluate("performance.now()") - ready)
        if rest > 0:
            settle(page, int(rest))
        tasks = page.evaluate("window.__longtasks")
        if tasks is None:
            raise RuntimeError("this Chromium has no 'longtask' PerformanceObserver")
        before = [t["duration"] for t in tasks if t["start"] < ready]
        after = [t["duration"] for t in tasks if t["start"] >= ready]
        figures["longest task before ready (ms)"] = max(before, default=0.0)
        figures["longest task after ready (ms)"] = max(after, default=0.0)
        figures["tasks over 200 ms after ready"] = sum(d > 200 for d in after)
        figures["tasks over 50 ms after ready"] = len(after)
        if not floor:
            for label, text in SEARCHES.items():
                page.fill("#search", text)
                settle(page, 300)
                page.evaluate("window.__keys = []")
                page.focus("#search")
                page.keyboard.press("Enter")
                page.wait_for_function(
                    "() => window.__keys.length && window.__keys[0].drawn !== null"
                )
                figures[f"search to drawn: {label} (ms)"] = page.evaluate("window.__keys[0].drawn")
                figures[f"search answered, not yet drawn: {label} (ms)"] = page.evaluate(
                    "window.__keys[0].handled"
                )
            answered = page.evaluate("document.getElementById('search-list').children.length")
            figures["search list entries for 'Sofia' (capped)"] = answered
            for label, step in STEPS.items():
                took, longest, found = page.evaluate(
                    STEP.format(step=step, setup=SETUP.get(label, ""))
                )
                figures[f"{label}: to drawn (ms)"] = took
                figures[f"{label}: longest task (ms)"] = longest
                if label.startswith("path"):
                    figures[f"{label}: paths found"] = found
    finally:
        context.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--actors", type=int, default=10000)
    parser.add_argument("--contacts", type=int, default=30000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--baseline", type=Path, help="a dipgraph checkout to compare with (e.g. /work/main)"
    )
    parser.add_argument("--facts", type=Path, help="synthetic facts already written (reused)")
    parser.add_argument("--page", type=Path, help="measure this page as 'this code' (not rendered)")
    parser.add_argument("--baseline-page", type=Path, help="measure this page as the baseline")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    repo = Path(__file__).resolve().parent.parent
    work = Path(tempfile.mkdtemp(prefix="dipgraph-page-"))
    try:
        facts = args.facts or work / "facts"
        if args.facts is None and args.page is None:
            synth.synthesize(facts, args.contacts, args.actors)
        pages = {"floor": work / "floor.html", "this code": work / "graph.html"}
        floor_page(pages["floor"])
        print(f"{args.actors} actors, {args.contacts} contacts")
        if args.page:
            pages["this code"] = args.page.resolve()
        else:
            took = render(repo, facts.resolve(), pages["this code"], work)
            print(f"this code: render HTML {took['render']:.2f} s")
        if args.baseline_page:
            pages["baseline"] = args.baseline_page.resolve()
        elif args.baseline:
            pages["baseline"] = work / "baseline.html"
            took = render(args.baseline.resolve(), facts.resolve(), pages["baseline"], work)
            print(f"baseline ({args.baseline}): render HTML {took['render']:.2f} s")
        print(f"load average before: {load_average()}")
        figures: dict[str, dict[str, list[float]]] = {label: {} for label in pages}
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for _ in range(args.runs):
                for label, path in pages.items():  # interleaved: A B C A B C ...
                    for name, value in measure_once(browser, path, label == "floor").items():
                        figures[label].setdefault(name, []).append(value)
            browser.close()
        print(f"load average after: {load_average()}")
        report(figures, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(figures: dict[str, dict[str, list[float]]], runs: int) -> None:
    labels = list(figures)
    names = list(dict.fromkeys(n for label in labels for n in figures[label]))
    width = max(len(n) for n in names)
    print(f"median of {runs} loads each, headless Chromium (min-max):")
    print(
        f"  {'':<{width}}"
        + "".join(f"  {label:>24}" for label in labels)
        + "  this/floor"
        + ("  this/baseline" if "baseline" in figures else "")
    )
    for name in names:
        cells = [figures[label].get(name) for label in labels]
        line = f"  {name:<{width}}" + "".join(
            f"  {statistics.median(v):9.1f} ({min(v):6.1f}-{max(v):6.1f})" if v else " " * 26
            for v in cells
        )
        mine = figures["this code"].get(name)
        for other in ("floor", "baseline"):
            theirs = figures.get(other, {}).get(name)
            if mine and theirs and statistics.median(theirs):
                line += f"  {statistics.median(mine) / statistics.median(theirs):9.2f}x"
            elif other in figures:
                line += " " * 11
        print(line)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
