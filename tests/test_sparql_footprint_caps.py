"""Reading a query for a cold first query's footprint (dipgraph.graph.sparql.footprint)
never holds up the cold start: the caps on length and parsed parts are proven by
counting rdflib's calls; benchmarks/footprint_parse.py prints the seconds."""

from __future__ import annotations

import pytest
import rdflib.plugins.sparql.algebra as algebra
import rdflib.plugins.sparql.parser as parser

from dipgraph.graph.sparql import footprint
from dipgraph.graph.sparql.footprint import MAX_QUERY_CHARS, predicates_read

X = "PREFIX x: <http://x/> "

SHAPES = {  # what each cost uncapped
    "object-list": lambda n: "SELECT * { ?s x:p " + ",".join(["1"] * n) + " }",  # 6 s
    "collection": lambda n: "SELECT * { ?s x:p (" + " 1" * n + " ) }",  # 66 s at 8,000 chars
    "filter-in": lambda n: "SELECT * { ?s x:p ?o FILTER(?o IN (" + ",".join(['"a"'] * n) + ")) }",
}


def largest(make, length: int) -> str:
    n = max(n for n in range(1, 4000) if len(X + make(n)) <= length)
    return X + make(n)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Counts the calls of rdflib's parser, of what resolves its parse's prefixes and of
    its algebra's translator, still calling them."""
    counted = {"parse": 0, "resolve": 0, "translate": 0}

    def counting(name: str, real):
        def call(*args, **kwargs):
            counted[name] += 1
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(parser, "parseQuery", counting("parse", parser.parseQuery))
    monkeypatch.setattr(
        algebra, "translatePrologue", counting("resolve", algebra.translatePrologue)
    )
    monkeypatch.setattr(algebra, "translateQuery", counting("translate", algebra.translateQuery))
    return counted


@pytest.mark.parametrize("shape", ["object-list", "collection"])
def test_a_query_with_too_many_parts_is_never_resolved(shape: str, calls) -> None:
    query = largest(SHAPES[shape], MAX_QUERY_CHARS)
    assert predicates_read(query) is None  # the store then holds every quad
    assert calls == {"parse": 1, "resolve": 0, "translate": 0}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_query_over_the_length_cap_is_never_parsed(shape: str, calls) -> None:
    query = largest(SHAPES[shape], 7_900)
    assert len(query) > MAX_QUERY_CHARS
    assert predicates_read(query) is None
    assert calls == {"parse": 0, "resolve": 0, "translate": 0}


def test_a_small_query_is_parsed_and_resolved_never_translated(calls) -> None:
    """The counters see the calls: the two tests above would pass vacuously otherwise."""
    assert predicates_read(X + "SELECT * { ?s x:p ?o }") == frozenset({"http://x/p"})
    assert calls == {"parse": 1, "resolve": 1, "translate": 0}
    assert footprint.MAX_PARSED_NODES >= 650  # the shipped queries' largest
