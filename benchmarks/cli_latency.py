"""Whole-process time of query commands on the bundled dataset (target: < 0.3 s).

Run: python benchmarks/cli_latency.py [--runs N]
Prints min / median / max wall time per command, each run a fresh process, as a
user at a shell would see it.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
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
    script = shutil.which("dipgraph")
    prefix = [script] if script else [sys.executable, "-m", "dipgraph"]
    baseline = [sys.executable, "-c", "pass"]
    print(f"command: {' '.join(prefix)}   runs: {args.runs}")
    print(f"{'what':32} {'min s':>7} {'median s':>9} {'max s':>7}")
    for name, command in {"python -c pass (floor)": None, **COMMANDS}.items():
        argv = baseline if command is None else [*prefix, *command]
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - started)
        print(f"{name:32} {min(times):7.3f} {statistics.median(times):9.3f} {max(times):7.3f}")


if __name__ == "__main__":
    main()
