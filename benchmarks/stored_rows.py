"""What naming the stored contact rows costs: each row read from a cache entry comes
back as a ContactRow (see dipgraph.graph.contact_index.ContactIndex.ROW_TYPES), where
it used to come back as a plain tuple.

Run: python benchmarks/stored_rows.py [--contacts 10000] [--runs 5]
Prints, for reading every stored contact row of a warm entry (what `talks` with no
actor and `rank` do), the time as plain tuples (the baseline, measured in the same
run) and as named rows, and their ratio; then a warm `talks` over every contact and
a warm `rank`, whole, through the cache.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import synthesize

import dipgraph
from dipgraph.cache import entry_for
from dipgraph.graph.contact_index import ContactRow


def best(runs: int, work: Callable[[], object]) -> tuple[float, float]:
    """(min, median) seconds of ``runs`` calls."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        os.environ["DIPGRAPH_CACHE_DIR"] = str(Path(work) / "cache")
        facts = Path(work) / "facts"
        synthesize(facts, args.contacts, None, 1)
        time.sleep(3)  # files changed in the last two seconds are not cached (a race)
        kg = dipgraph.load(facts, cache=True)  # cold: writes the entry
        entry = entry_for(facts.resolve(), kg.base)
        assert entry is not None

        def read_rows(make: Callable | None) -> Callable[[], object]:
            def read() -> object:
                tables = entry.open()
                assert tables is not None
                return list(tables.list("index.contacts", make))

            return read

        plain_times: list[float] = []
        named_times: list[float] = []
        for _ in range(args.runs):  # interleaved: a busy machine's drift hits both alike
            plain_times.append(best(1, read_rows(None))[0])
            named_times.append(best(1, read_rows(ContactRow._make))[0])
        plain = min(plain_times), statistics.median(plain_times)
        named = min(named_times), statistics.median(named_times)
        print(f"{args.contacts} contacts, {args.runs} runs, load {os.getloadavg()[0]:.1f}")
        print(f"every stored row, plain tuples: min {plain[0]:.3f} s, median {plain[1]:.3f} s")
        print(f"every stored row, named rows:   min {named[0]:.3f} s, median {named[1]:.3f} s")
        print(f"ratio named / plain (min): {named[0] / plain[0]:.2f}")
        talks = best(args.runs, lambda: dipgraph.load(facts, cache=True).talks(any_status=True))
        rank = best(args.runs, lambda: dipgraph.load(facts, cache=True).rank())
        print(f"warm load + talks (every contact): min {talks[0]:.3f} s, median {talks[1]:.3f} s")
        print(f"warm load + rank:                  min {rank[0]:.3f} s, median {rank[1]:.3f} s")


if __name__ == "__main__":
    from dipgraph.process_memory import allow_tuning

    allow_tuning()  # as the command line does
    main()
