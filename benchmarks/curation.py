"""How much the curation rules add to `dipgraph check`, on a synthetic folder.

Prints the time of the loader's check and of the rules (dipgraph.curation), and their ratio,
measured in the same run. Run: python benchmarks/curation.py --contacts 10000
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
        began = time.perf_counter()
        facts, _ = check_facts(root)
        checked = time.perf_counter() - began
        began = time.perf_counter()
        found = curation_problems(facts)
        rules = time.perf_counter() - began
    print(
        f"{args.contacts} contacts: check {checked:.2f} s, curation rules {rules:.2f} s "
        f"({rules / checked:.2f}x the check; {len(found)} findings)"
    )


if __name__ == "__main__":
    from dipgraph.process_memory import allow_tuning

    allow_tuning()  # as the command line does: collector paused while loading, heap trimmed
    main()
