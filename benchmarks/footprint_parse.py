"""How long reading a query for the first query's footprint can hold up a cold start.

Run: python benchmarks/footprint_parse.py [--runs N]
Prints, for the largest query of each hostile shape that predicates_read still
accepts (MAX_QUERY_CHARS characters) and for one just over the cap, the time of
predicates_read, as a ratio against a one-pattern query measured in the same run.
tests/test_sparql_footprint_caps.py proves the caps structurally; this prints the seconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dipgraph.graph.sparql.footprint import MAX_QUERY_CHARS, predicates_read

X = "PREFIX x: <http://x/> "
SHAPES = {
    "object-list": lambda n: "SELECT * { ?s x:p " + ",".join(["1"] * n) + " }",
    "collection": lambda n: "SELECT * { ?s x:p (" + " 1" * n + " ) }",
    "filter-in": lambda n: "SELECT * { ?s x:p ?o FILTER(?o IN (" + ",".join(['"a"'] * n) + ")) }",
}


def largest(make, length: int) -> str:
    return X + make(max(n for n in range(1, 4000) if len(X + make(n)) <= length))


def seconds(query: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        predicates_read(query)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    seconds(X + "SELECT * { ?s x:p ?o }", 1)  # imports rdflib's parser, untimed
    baseline = seconds(X + "SELECT * { ?s x:p ?o }", runs)
    print(f"one-pattern query: {baseline * 1000:.1f} ms (median of {runs})")
    for name, make in SHAPES.items():
        for label, length in (("at the cap", MAX_QUERY_CHARS), ("over it", 7_900)):
            query = largest(make, length)
            took = seconds(query, runs)
            print(
                f"{name:12} {label:10} {len(query):5} chars: {took * 1000:7.1f} ms "
                f"({took / baseline:6.1f}x the one-pattern query)"
            )


if __name__ == "__main__":
    main()
