"""Contacts with sides: what a contact of many parties costs, whole process.

Prints, from one run (medians of whole `python -m dipgraph` processes, warm cache):
- `path` through the 1,000-party contact of tests/fixtures/sides (500 against 500),
  against `path` through a two-party contact of the same dataset (the baseline);
- `path --all` through it, and `talks` of one delegate;
- with --synthetic N: warm `talks` and `path` on a synthetic set of N contacts written
  by synth.py (with delegations and subjects), path for a pair 3 hops apart.

Run: python benchmarks/sides.py [--synthetic 100000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import deque
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "sides"


def run(args: list[str], env: dict[str, str]) -> float:
    """Seconds for one whole process; fails loudly on a non-zero exit."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "dipgraph", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"failed: dipgraph {' '.join(args)}\n{done.stderr}")
    return elapsed


def median(args: list[str], env: dict[str, str], repeat: int) -> float:
    run(args, env)  # warm the cache
    return statistics.median(run(args, env) for _ in range(repeat))


def pair_at_distance(facts: Path, hops: int) -> tuple[str, str]:
    """Two actors ``hops`` apart, found with the library's own event search."""
    import dipgraph

    kg = dipgraph.load(facts)
    events_of = kg.events_of()
    source = kg.facts.contacts[next(iter(kg.facts.contacts))].participants[0]
    distance = {source: 0}
    frontier = deque([source])
    while frontier:
        node = frontier.popleft()
        if distance[node] == hops:
            return source, node
        for _, sides in events_of(node):
            for side in sides:
                for actor in side:
                    if actor not in distance:
                        distance[actor] = distance[node] + 1
                        frontier.append(actor)
    raise SystemExit(f"no actor {hops} hops from {source}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=0, help="also N synthetic contacts")
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    env = {**os.environ, "DIPGRAPH_CACHE_DIR": tempfile.mkdtemp(prefix="dipgraph-bench-")}
    fixture = ["--facts", str(FIXTURE), "--format", "json"]

    baseline = median(["path", "Ivan Lavrin", "Rex Tallis", *fixture], env, options.repeat)
    through = median(["path", "delegate-ru-0001", "Carol Clark", *fixture], env, options.repeat)
    same_side = median(
        ["path", "delegate-ru-0001", "delegate-ru-0002", *fixture], env, options.repeat
    )
    every = median(
        ["path", "delegate-ru-0001", "Carol Clark", "--all", "--max-hops", "4", *fixture],
        env,
        options.repeat,
    )
    talks = median(["talks", "delegate-ru-0001", *fixture], env, options.repeat)
    print(
        f"contact of 1,000 parties (500 x 500 = 250,000 cross-side pairs), warm, median of "
        f"{options.repeat}"
    )
    print(f"  path through a two-party contact (baseline)   {baseline:6.2f} s")
    print(
        f"  path through the 1,000-party contact           {through:6.2f} s "
        f"({through / baseline:.2f}x)"
    )
    print(
        f"  path between two members of one side (2 hops)  {same_side:6.2f} s "
        f"({same_side / baseline:.2f}x)"
    )
    print(
        f"  path --all --max-hops 4 (1,000 paths)          {every:6.2f} s ({every / baseline:.2f}x)"
    )
    print(
        f"  talks of one delegate (JSON, 250,000 pairs)    {talks:6.2f} s ({talks / baseline:.2f}x)"
    )

    if options.synthetic:
        out = Path(tempfile.mkdtemp(prefix="dipgraph-synth-"))
        subprocess.run(
            [
                sys.executable,
                str(REPO / "benchmarks" / "synth.py"),
                "--contacts",
                str(options.synthetic),
                "--out",
                str(out),
            ],
            check=True,
            capture_output=True,
        )
        start = time.perf_counter()
        run(["check", "--facts", str(out)], env)
        check = time.perf_counter() - start
        source, target = pair_at_distance(out, 3)
        facts = ["--facts", str(out)]
        talks_table = median(["talks", source, *facts], env, options.repeat)
        path_table = median(["path", source, target, *facts], env, options.repeat)
        path_json = median(
            ["path", source, target, *facts, "--format", "json"], env, options.repeat
        )
        print(
            f"synthetic {options.synthetic:,} contacts (delegations and subjects), "
            f"cold check {check:.1f} s; warm, median of {options.repeat}"
        )
        print(f"  talks {source} (table)              {talks_table:6.2f} s")
        print(f"  path {source} -> {target}, 3 hops (table) {path_table:6.2f} s")
        print(f"  same path (JSON)                    {path_json:6.2f} s")


if __name__ == "__main__":
    from dipgraph.process_memory import allow_tuning

    allow_tuning()  # as the command line does: collector paused while loading, heap trimmed
    main()
