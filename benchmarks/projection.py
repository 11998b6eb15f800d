"""What reading the projection costs the doors: NetworkX, RDF, the `talks` views and the
page's data, built from one synthetic dataset by two checkouts in the same run.

Each door is timed in a fresh process per checkout (best of ``--runs``), the baseline
checkout first, and the ratio printed (current / baseline).

Run: nice -n 10 python benchmarks/projection.py --baseline /work/main --contacts 10000
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import synthesize  # noqa: E402

DOORS = {
    "networkx": "from dipgraph.graph.to_networkx import to_networkx\n"
    "run = lambda: to_networkx(kg.facts, kg.cameo, kg.plover)",
    "rdf": "from dipgraph.graph.to_rdf import compile_quads\n"
    "run = lambda: compile_quads(kg.facts, kg.model, kg.base)",
    "views": "from dipgraph.graph import views\n"
    "run = lambda: [views.contact_view(kg.facts, c, kg.cameo(c)) "
    "for c in kg.facts.contacts.values()]",
    "page data": "from dipgraph.exports.graph_view import page_facts\n"
    "run = lambda: page_facts(kg, None)",
}

TIMER = """
import json, sys, time
import dipgraph
kg = dipgraph.load(sys.argv[1])
kg.facts
{door}
best = None
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    run()
    took = time.perf_counter() - start
    best = took if best is None else min(best, took)
print(json.dumps(best))
"""


def timed(checkout: Path, facts: Path, door: str, runs: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    done = subprocess.run(
        [sys.executable, "-c", TIMER.format(door=DOORS[door]), str(facts), str(runs)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(json.loads(done.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--baseline", type=Path, required=True, help="the checkout to compare")
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    current = HERE.parent
    with tempfile.TemporaryDirectory() as folder:
        facts = Path(folder) / "facts"
        synthesize(facts, args.contacts)
        print(f"{args.contacts} contacts, best of {args.runs}; load {os.getloadavg()[0]:.1f}")
        for door in DOORS:
            before = timed(args.baseline, facts, door, args.runs)
            after = timed(current, facts, door, args.runs)
            print(f"{door:10} baseline {before:7.3f} s  current {after:7.3f} s  "
                  f"ratio {after / before:5.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
