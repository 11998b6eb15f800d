"""Red-team findings on the first query's footprint (dipgraph.graph.sparql.footprint):
reading a query with rdflib must never hold up a cold start. (The other finding, an
@FILE saved again during a cold start, is test_first_query_footprint's
test_a_query_file_changed_after_loading_gets_the_whole_store.)"""

from __future__ import annotations

import time

import pytest

from dipgraph.graph.sparql.footprint import predicates_read

X = "PREFIX x: <http://x/> "


@pytest.mark.parametrize(
    ("make", "length"),
    [
        (lambda n: "SELECT * { ?s x:p " + ",".join(["1"] * n) + " }", 3_000),  # was 6 s
        (lambda n: "SELECT * { ?s x:p (" + " 1" * n + " ) }", 3_000),  # 66 s at 8,000 chars
        (lambda n: "SELECT * { ?s x:p ?o FILTER(?o IN (" + ",".join(['"a"'] * n) + ")) }", 7_900),
    ],
)
def test_rdflib_never_holds_up_a_cold_start(make, length: int) -> None:
    """rdflib orders a pattern's triples in quadratic time, and parses about 0.15 ms
    a character: a query too large for it is not parsed (the store then holds every
    quad), and the largest it parses take well under a second."""
    n = max(n for n in range(1, 4000) if len(X + make(n)) <= length)
    began = time.perf_counter()
    assert predicates_read(X + make(n)) is None
    assert time.perf_counter() - began < 1.0
