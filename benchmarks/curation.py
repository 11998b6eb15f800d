"""How much the curation rules add to `dipgraph check`, on a synthetic folder.

Prints the time of the loader's check and of the rules (dipgraph.curation), and their ratio,
measured in the same run: wall time, and the process's CPU time, which a loaded machine
(2 cores shared by many runs) disturbs far less. Run: python benchmarks/curation.py
--contacts 10000
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from synth import synthesize

from dipgraph.curation import curation_problems
from dipgraph.loader import check_facts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=10000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "facts"
        synthesize(root, args.contacts)
        began, cpu = time.perf_counter(), time.process_time()
        facts, _ = check_facts(root)
        checked = time.perf_counter() - began, time.process_time() - cpu
        began, cpu = time.perf_counter(), time.process_time()
        found = curation_problems(facts)
        rules = time.perf_counter() - began, time.process_time() - cpu
    for what, index in (("wall", 0), ("cpu", 1)):
        print(
            f"{args.contacts} contacts, {what}: check {checked[index]:.2f} s, curation rules "
            f"{rules[index]:.2f} s ({rules[index] / checked[index]:.2f}x the check; "
            f"{len(found)} findings)"
        )


if __name__ == "__main__":
    from dipgraph.process_memory import allow_tuning

    allow_tuning()  # as the command line does: collector paused while loading, heap trimmed
    main()
