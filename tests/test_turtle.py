"""The Turtle export is written straight from the compiler's lines (dipgraph.exports.turtle):
it must read back as exactly the triples of the N-Triples union, and lay dipgraph's own
terms out as Oxigraph's serialiser did (the same text but for the order of the @prefix
lines)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

import dipgraph
from conftest import BUNDLED, SMALL, TESTS
from dipgraph.exports.rdf import write_rdf
from dipgraph.exports.turtle import turtle_lines
from dipgraph.graph.to_rdf import PREFIXES

XSD = "http://www.w3.org/2001/XMLSchema#"


def triples_of(text: str, fmt: ox.RdfFormat) -> set[str]:
    return {str(t) for t in ox.parse(text.encode("utf-8"), format=fmt)}


def oxigraph_turtle(ntriples: list[str], prefixes: dict[str, str]) -> str:
    """The Turtle Oxigraph writes of the same lines (what the export wrote before)."""
    text = "".join(f"{t} .\n" for t in ntriples).encode("utf-8")
    parsed = ox.parse(text, format=ox.RdfFormat.N_TRIPLES)
    return ox.serialize(parsed, format=ox.RdfFormat.TURTLE, prefixes=prefixes).decode("utf-8")


def body(turtle: str) -> list[str]:
    return [line for line in turtle.splitlines() if not line.startswith("@prefix ")]


@pytest.fixture(scope="module")
def small_graph():
    return dipgraph.load(SMALL)


def test_the_export_reads_back_as_the_union_and_as_oxigraph_wrote_it(
    small_graph, tmp_path: Path
) -> None:
    target = write_rdf(small_graph, tmp_path / "dipgraph.ttl", rdf_format="TURTLE")
    written = target.read_text(encoding="utf-8")
    union = list(small_graph.quads.union())
    assert triples_of(written, ox.RdfFormat.TURTLE) == triples_of(
        "".join(small_graph.quads.ntriples_lines()), ox.RdfFormat.N_TRIPLES
    )
    prefixes = {**PREFIXES, "id": small_graph.base}
    assert body(written) == body(oxigraph_turtle(union, prefixes))
    declared = [line for line in written.splitlines() if line.startswith("@prefix ")]
    assert declared == [f"@prefix {n}: <{ns}> ." for n, ns in prefixes.items()]


# Terms a prefixed name cannot hold, literals that look like terms, numbers that are
# not in Turtle's bare forms, blank nodes, rdf:type as subject and object.
AWKWARD = [
    '<https://e.org/id/a> <https://e.org/ns#p> "text with ^^<https://e.org/ns#q> in it"',
    '<https://e.org/id/a> <https://e.org/ns#p> "a \\"quote\\", a \\\\ and a\\nnew line"@en',
    '<https://e.org/id/a> <https://e.org/ns#p> "x"^^<https://e.org/ns#kind>',
    '<https://e.org/id/a> <https://e.org/ns#p> "007"^^<http://www.w3.org/2001/XMLSchema#integer>',
    '<https://e.org/id/a> <https://e.org/ns#p> "-3"^^<http://www.w3.org/2001/XMLSchema#integer>',
    '<https://e.org/id/a> <https://e.org/ns#p> "1."^^<http://www.w3.org/2001/XMLSchema#decimal>',
    '<https://e.org/id/a> <https://e.org/ns#p> ".5"^^<http://www.w3.org/2001/XMLSchema#decimal>',
    '<https://e.org/id/a> <https://e.org/ns#p> "1e3"^^<http://www.w3.org/2001/XMLSchema#double>',
    '<https://e.org/id/a> <https://e.org/ns#p> "INF"^^<http://www.w3.org/2001/XMLSchema#double>',
    '<https://e.org/id/a> <https://e.org/ns#p> "True"^^<http://www.w3.org/2001/XMLSchema#boolean>',
    '<https://e.org/id/a> <https://e.org/ns#p> "false"^^<http://www.w3.org/2001/XMLSchema#boolean>',
    '<https://e.org/id/a> <https://e.org/ns#p> "2024"^^<http://www.w3.org/2001/XMLSchema#gYear>',
    "<https://e.org/id/a> <https://e.org/ns#p> _:b1",
    '_:b1 <https://e.org/ns#p> "in a blank node"',
    "<https://e.org/id/ends.> <https://e.org/ns#p> <https://e.org/id/-starts>",
    "<https://e.org/id/.dot> <https://e.org/ns#p> <https://e.org/id/with~tilde>",
    "<https://e.org/id/per%20cent> <https://e.org/ns#p> <https://e.org/id/caf\u00e9>",
    "<https://e.org/id/q?x=1> <https://e.org/ns#p> <https://e.org/id/frag#x>",
    "<https://e.org/id/a/b/c> <https://e.org/ns#> <https://e.org/id/>",
    "<https://e.org/id/deeper/x> <https://e.org/ns#p> <https://e.org/ns#p>",
    "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://e.org/ns#p> "
    "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
    "<https://e.org/id/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://e.org/ns#C>",
    "<https://e.org/id/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://e.org/ns#D>",
    "<https://e.org/id/a> <https://e.org/ns#p> <https://other.org/x>",
]
NESTED = {  # one namespace inside another: the longest that leaves a local name wins
    "ns": "https://e.org/ns#",
    "id": "https://e.org/id/",
    "deep": "https://e.org/id/deeper/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": XSD,
}


def test_awkward_terms_read_back_as_the_same_triples() -> None:
    written = "".join(turtle_lines(AWKWARD, NESTED))
    expected = triples_of("".join(f"{t} .\n" for t in AWKWARD), ox.RdfFormat.N_TRIPLES)
    assert triples_of(written, ox.RdfFormat.TURTLE) == expected
    assert "deep:x" in written and "id:a\\/b\\/c" in written and "ns:p" in written
    assert " 007" in written and " -3" in written and " false" in written
    assert '"True"^^xsd:boolean' in written  # not Turtle's lower-case form: kept typed
    assert "<https://e.org/id/ends.>" in written and "<https://e.org/id/-starts>" in written
    # (Oxigraph escapes such local names, id:ends\\. or id:\\-starts; these stay IRIs)


def test_no_triples_and_no_prefixes() -> None:
    assert "".join(turtle_lines([], {})) == ""
    only = ["<https://e.org/a> <https://e.org/p> <https://e.org/b>"]
    written = "".join(turtle_lines(only, {}))
    assert written == "<https://e.org/a> <https://e.org/p> <https://e.org/b> .\n"


def test_a_triple_in_two_graphs_reads_back_once() -> None:
    from dipgraph.graph.to_rdf import Quads

    triple = "<https://e.org/id/a> <https://e.org/ns#p> <https://e.org/id/b>"
    other = '<https://e.org/id/a> <https://e.org/ns#p> "c"'
    quads = Quads({(triple, "<https://e.org/g1>"): None, (other, "<https://e.org/g1>"): None,
                   (triple, "<https://e.org/g2>"): None})  # fmt: skip
    written = "".join(turtle_lines(quads.triples(), NESTED))
    union = "".join(quads.ntriples_lines())
    assert union.count("\n") == 2
    assert triples_of(written, ox.RdfFormat.TURTLE) == triples_of(union, ox.RdfFormat.N_TRIPLES)


@pytest.mark.parametrize("name", ["small", "sides", "delegations", "rank", "bundled"])
def test_turtle_written_as_compiled_is_the_text_of_the_compiled_quads(name: str) -> None:
    """A build writes Turtle while the compiler runs (no quad held): byte for byte the
    text of the compiled quads' triples, on every fixture that loads and the bundled facts
    (dataset citations, corroborations, positions held twice, delegations)."""
    from dipgraph.exports.turtle import write_turtle
    from dipgraph.graph.to_rdf import compile_quads

    kg = dipgraph.load(BUNDLED if name == "bundled" else TESTS / "fixtures" / name)
    pieces: list[str] = []
    count = write_turtle(kg.facts, kg.model, kg.base, pieces.append)
    quads = compile_quads(kg.facts, kg.model, kg.base)
    assert count == len(quads)
    expected = "".join(turtle_lines(quads.triples(), {**PREFIXES, "id": kg.base}))
    assert "".join(pieces) == expected


def test_a_build_writes_the_same_turtle_alone_and_beside_other_rdf(tmp_path: Path) -> None:
    """Turtle alone is streamed; before N-Quads it is written from the quads compiled for
    both: the same file."""
    from dipgraph.build import build_exports

    build_exports(dipgraph.load(SMALL), tmp_path / "alone", "ttl")
    build_exports(dipgraph.load(SMALL), tmp_path / "beside", "ttl,nq")
    alone = (tmp_path / "alone" / "dipgraph.ttl").read_bytes()
    assert alone == (tmp_path / "beside" / "dipgraph.ttl").read_bytes()
    assert alone.count(b" .\n") > 50
