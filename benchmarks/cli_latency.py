"""Whole-process time of query commands on the bundled dataset (target: < 0.3 s).

Run: python benchmarks/cli_latency.py [--runs N]
Prints min / median / max wall time per command, each run a fresh process, as a
user at a shell would see it: `python -m dipgraph` from this checkout, bytecode written
(as an installed package has it), a private cache folder warmed by a first untimed run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

COMMANDS = {
    "talks": ["talks", "--format", "json"],
    "talks بوتين": ["talks", "بوتين"],
    "path trump biden": ["path", "Trump", "Biden", "--format", "json"],
    "path --all": [
        "path",
        "Sullivan",
        "Naryshkin",
        "--all",
        "--via",
        "all",
        "--max-hops",
        "4",
        "--format",
        "json",
    ],
    "show antonov": ["show", "Antonov", "--format", "json"],
    "sparql who-talked-to-whom": ["sparql", "who-talked-to-whom", "--format", "json"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    prefix = [sys.executable, "-m", "dipgraph"]
    baseline = [sys.executable, "-c", "pass"]
    cache = tempfile.mkdtemp(prefix="dipgraph-latency-")
    env = {**os.environ, "DIPGRAPH_CACHE_DIR": cache}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("DIPGRAPH_NO_CACHE", None)
    for command in COMMANDS.values():  # warm the cache and the bytecode
        subprocess.run([*prefix, *command], check=True, stdout=subprocess.DEVNULL, env=env)
    print(f"command: {' '.join(prefix)}   runs: {args.runs}")
    print(f"{'what':32} {'min s':>7} {'median s':>9} {'max s':>7}")
    for name, command in {"python -c pass (floor)": None, **COMMANDS}.items():
        argv = baseline if command is None else [*prefix, *command]
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env)
            times.append(time.perf_counter() - started)
        print(f"{name:32} {min(times):7.3f} {statistics.median(times):9.3f} {max(times):7.3f}")
    shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
