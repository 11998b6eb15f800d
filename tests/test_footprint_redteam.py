"""Red-team findings on the first query's footprint (dipgraph.graph.sparql.footprint):
each test is a way the partial store once answered differently from the whole one."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import dipgraph
from dipgraph.graph.sparql.footprint import predicates_read
from dipgraph.sparql.results import render

RDFS = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
X = "PREFIX x: <http://x/> "


def test_a_query_file_edited_during_a_cold_start_is_answered_as_it_was_read(
    small_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    """The store holds what the file's query read when the command started: a file
    saved again meanwhile must not be answered from that part (rdfs:comment rows
    from a store of rdfs:label quads were 0, for 50)."""
    monkeypatch.setenv("DIPGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    query = tmp_path / "q.rq"
    labels = RDFS + "SELECT (COUNT(*) AS ?n) { ?s rdfs:label ?o }"
    query.write_text(labels, encoding="utf-8")
    spec = f"@{query}"
    kg = dipgraph.load(small_copy, cache=True, prepare_store=True, first_query=spec)
    assert kg._unchecked is not None and kg._unchecked.only_for == spec  # a part
    query.write_text(RDFS + "SELECT (COUNT(*) AS ?n) { ?s rdfs:comment ?o }", encoding="utf-8")
    answered = kg.answer(spec, lambda r: render(r, "csv").text)
    whole = dipgraph.load(small_copy)
    assert answered == whole.answer(labels, lambda r: render(r, "csv").text)
    assert answered != "n\r\n0\r\n"


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
