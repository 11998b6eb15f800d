"""Compiling the facts straight to N-Quads lines, for a store that loads as they come.

:class:`QuadsAsChecked` compiles each fact file's records as soon as the loader has
checked that file (see ``each_file`` in :func:`dipgraph.loader.check_in_stages`), so
that a cold SPARQL start loads its store while later files are still being read. Its
lines are, as a set, the quads ``compile_quads`` makes of the finished facts; their
order differs.

>>> import dipgraph
>>> from dipgraph.graph.to_rdf import compile_quads
>>> from dipgraph.loader import check_in_stages
>>> kg = dipgraph.load("tests/fixtures/small")
>>> lines = []
>>> quads = QuadsAsChecked(kg.model, lines.append, kg.base)
>>> staged = check_in_stages("tests/fixtures/small", each_file=quads.add_file)
>>> quads.finish(staged.facts) == len(lines)
True
>>> sorted(lines) == sorted(compile_quads(kg.facts, kg.model, kg.base).nquads_lines())
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

from dipgraph.facts import Facts
from dipgraph.graph.to_rdf import DEFAULT_BASE, QuadWriter, ontology_triples
from dipgraph.process_memory import without_collector
from dipgraph.schema.model import Model

_LOW_64 = (1 << 64) - 1


def _key(line: str) -> int:
    return (hash(line) << 64) ^ (hash(line + "\0") & _LOW_64)


class Selected(NamedTuple):
    """Lines to hand to ``write`` as well: those whose predicate is one of ``predicates``
    (IRIs in N-Triples form, ``<...>``), e.g. what a first query reads (see
    dipgraph.graph.sparql.footprint)."""

    predicates: frozenset[str]
    write: Callable[[str], None]


class _SeenQuads:
    """The quads written so far, remembered at the least cost, so that none goes out twice.

    Two records can write the same quad only about what they share, and that goes into
    the shared graphs: entities (a position, a publisher, a language, who held a
    position), the ontology and VoID. What a fact writes into a source's graph hangs off
    the fact's own IRI (its roles, derivations, interval), so a repeat there comes from
    the same record (a source cited twice). So shared quads are remembered for the whole
    run, by a 128-bit key; a fact's quads only until the next record starts
    (:meth:`new_record`). At 100k contacts that is half a million keys, not 3.8 million
    (300 MB). Two records with one id (an error) may repeat quads: the caller drops the
    lines of facts with errors.

    A key is Python's string hash (SipHash, keyed by a secret drawn at start) of the line
    and of the line with a NUL added: two different lines share one with odds of about
    10^-25 at that size.
    """

    def __init__(
        self,
        write: Callable[[str], None],
        shared_graphs: set[str],
        selected: Selected | None = None,
    ) -> None:
        self._shared: set[int] = set()
        self._record: set[str] = set()
        self._shared_graphs = shared_graphs
        self._write = write
        self._selected = selected
        self.per_graph: dict[str, int] = {}

    def new_record(self) -> None:
        """A record's quads begin: the last one's can no longer come again."""
        self._record.clear()

    def line(self, line: str, graph: str, predicate: str) -> None:
        """Write ``line`` (a quad in ``graph``) unless it was written before."""
        if graph in self._shared_graphs:
            key = (hash(line) << 64) ^ (hash(line + "\0") & _LOW_64)  # _key, inlined: hot
            if key in self._shared:
                return
            self._shared.add(key)
        elif line in self._record:
            return
        else:
            self._record.add(line)
        self.per_graph[graph] = self.per_graph.get(graph, 0) + 1
        self._write(line)
        if self._selected is not None and predicate in self._selected.predicates:
            self._selected.write(line)

    def __contains__(self, quad: tuple[str, str]) -> bool:
        line = f"{quad[0]} {quad[1]} .\n"
        if quad[1] in self._shared_graphs:
            return _key(line) in self._shared
        return line in self._record

    def __setitem__(self, quad: tuple[str, str], _: None) -> None:
        # (a triple's subject is an IRI or a blank node: no space before its predicate)
        self.line(f"{quad[0]} {quad[1]} .\n", quad[1], quad[0].split(" ", 2)[1])

    def __len__(self) -> int:
        return sum(self.per_graph.values())


class _StreamingQuadWriter(QuadWriter):
    """A :class:`QuadWriter` that hands each new quad's line to ``write`` as it goes."""

    def __init__(
        self,
        facts: Facts,
        model: Model,
        base: str,
        write: Callable[[str], None],
        selected: Selected | None = None,
    ):
        super().__init__(facts, model, base)
        self.seen = _SeenQuads(write, {self.entities, self.ontology, self.void}, selected)
        self.quads = self.seen  # type: ignore[assignment]

    def add(self, graph: str, subject: str, predicate: str, obj: str) -> None:
        self.seen.line(f"{subject} {predicate} {obj} {graph} .\n", graph, predicate)

    def graph_counts(self) -> dict[str, int]:
        return dict(self.seen.per_graph)


class _TripleWriter(QuadWriter):
    """A :class:`QuadWriter` that hands the triple of each new quad to ``triple`` as it
    goes, each record's quads remembered until the next record (see
    :class:`_SeenQuads`), so that no quad is held."""

    def __init__(
        self, facts: Facts, model: Model, base: str, triple: Callable[[str, str, str], object]
    ) -> None:
        super().__init__(facts, model, base)
        self.seen = _SeenQuads(_nowhere, {self.entities, self.ontology, self.void})
        self.quads = self.seen  # type: ignore[assignment]
        self._triple = triple
        self._record: set[tuple[str, str, str, str]] = set()  # (see _SeenQuads.new_record)

    def add(self, graph: str, subject: str, predicate: str, obj: str) -> None:
        seen = self.seen  # (what _SeenQuads.line does, inlined: this runs for every quad)
        if graph in seen._shared_graphs:
            line = f"{subject} {predicate} {obj} {graph} .\n"
            key = (hash(line) << 64) ^ (hash(line + "\0") & _LOW_64)
            if key in seen._shared:
                return
            seen._shared.add(key)
        else:  # (a record's own quads, as terms: no line is made of them)
            quad = (subject, predicate, obj, graph)
            if quad in self._record:
                return
            self._record.add(quad)
        seen.per_graph[graph] = seen.per_graph.get(graph, 0) + 1
        self._triple(subject, predicate, obj)

    def add_ontology(self) -> None:
        for triple in ontology_triples():
            self.add(self.ontology, *triple.split(" ", 2))

    # Each record's quads begin: those of the one before cannot come again.
    def add_actor(self, actor: Any) -> None:
        self._record.clear()
        super().add_actor(actor)

    def add_topic(self, topic: Any) -> None:
        self._record.clear()
        super().add_topic(topic)

    def add_place(self, place: Any) -> None:
        self._record.clear()
        super().add_place(place)

    def add_source(self, source: Any) -> None:
        self._record.clear()
        super().add_source(source)

    def add_post(self, held: Any) -> None:
        self._record.clear()
        super().add_post(held)

    def add_contact(self, fact: Any) -> None:
        self._record.clear()
        super().add_contact(fact)

    def add_statement(self, fact: Any) -> None:
        self._record.clear()
        super().add_statement(fact)

    def graph_counts(self) -> dict[str, int]:
        return dict(self.seen.per_graph)


def _nowhere(line: str) -> None:
    """(a quad goes to the triple function, not as a line)"""


@without_collector
def stream_triples(
    facts: Facts, model: Model, base: str, triple: Callable[[str, str, str], object]
) -> int:
    """Hand ``triple`` the subject, predicate and object terms (N-Triples syntax) of each
    quad ``compile_quads(facts, model, base)`` makes, in its order, once each, without
    holding the quads (3.8 million at 100k contacts, 1.4 GiB): checked facts, whose
    records never write one quad into a source's graph twice (see :class:`_SeenQuads`).
    Returns how many quads there were. The Turtle export is written this way (see
    :func:`dipgraph.exports.turtle.write_turtle`).

    >>> import dipgraph
    >>> from dipgraph.graph.to_rdf import compile_quads
    >>> kg = dipgraph.load("tests/fixtures/small")
    >>> triples = []
    >>> count = stream_triples(kg.facts, kg.model, kg.base, lambda *t: triples.append(t))
    >>> quads = compile_quads(kg.facts, kg.model, kg.base)
    >>> count == len(quads) == len(triples)
    True
    """
    writer = _TripleWriter(facts, model, base, triple)
    writer.build()
    return len(writer.seen)


class QuadsAsChecked:
    """Compiles checked records file by file, handing each new N-Quads line to ``write``.

    A record is compiled when it arrives if what its quads name is known by then (the
    sources it cites, for their language; whether an id it refers to is a topic, an
    actor or a place); otherwise it waits for :meth:`finish`, as do sources and the
    description of each position (taken from its first holding in the facts' order).
    The caller keeps the lines only if the facts turn out free of errors: records that
    a later check rejects may have been compiled. ``selected`` also hands the lines
    with some predicates to a second function.
    """

    def __init__(
        self,
        model: Model,
        write: Callable[[str], None],
        base: str = DEFAULT_BASE,
        selected: Selected | None = None,
    ):
        self.seen = Facts(root=Path("."))  # every record received so far, by kind and id
        self.writer = _StreamingQuadWriter(self.seen, model, base, write, selected)
        self.waiting: list[tuple[str, Any]] = []
        self.corroborations: list[Any] = []
        self.writer.add_ontology()
        self.writer.add_scheme()

    def add_file(self, records: Iterable[tuple[str, Any]]) -> None:
        """The checked records of one file, as (kind, record) pairs."""
        arrived = list(records)
        for kind, record in arrived:
            if kind != "corroboration":
                self.seen.by_kind(kind).setdefault(record.id, record)
        for kind, record in arrived:
            if kind == "source":
                continue  # compiled by finish, from the finished facts
            if kind == "corroboration":  # its fact may come later: cited by finish
                self.corroborations.append(record)
                continue
            if self._ready(kind, record):
                self._compile(kind, record)
            else:
                self.waiting.append((kind, record))

    def finish(self, facts: Facts) -> int:
        """Compile what waited, from ``facts`` (every file checked): returns how many
        quads were written in all."""
        writer = self.writer
        writer.facts = facts
        for kind, record in self.waiting:
            if all(item.source in facts.sources for item in getattr(record, "evidence", ())):
                self._compile(kind, record)  # (citing an unknown source: an error, reported)
        self.waiting = []
        for corroboration in self.corroborations:
            self._cite(corroboration, facts)
        self.corroborations = []
        for source in facts.sources.values():
            writer.add_source(source)
        for post in facts.posts.values():
            writer.define_position(post)
        writer.add_void()
        return len(writer.seen)

    def _cite(self, corroboration: Any, facts: Facts) -> None:
        """A corroboration's quotes, cited as its fact's evidence (the fact compiled from
        its own file has cited only its own)."""
        kind = next(
            (k for k in ("post", "contact", "statement") if corroboration.fact in facts.by_kind(k)),
            None,
        )
        if kind is None or not all(e.source in facts.sources for e in corroboration.evidence):
            return  # an unknown fact or source: an error, reported
        self.writer.seen.new_record()
        self.writer.provenance(self.writer.node(kind, corroboration.fact), corroboration.evidence)

    def _named(self, ident: str) -> bool:
        seen = self.seen
        return ident in seen.actors or ident in seen.topics or ident in seen.places

    def _ready(self, kind: str, record: Any) -> bool:
        if kind in ("actor", "topic"):
            return True
        if kind == "place":
            return not record.in_ or self._named(record.in_)
        if not all(item.source in self.seen.sources for item in record.evidence):
            return False
        return kind != "statement" or all(self._named(t) for t in record.about)

    def _compile(self, kind: str, record: Any) -> None:
        writer = self.writer
        compile_one: Callable[[Any], None] = {
            "actor": writer.add_actor,
            "topic": writer.add_topic,
            "place": writer.add_place,
            "post": writer.add_post,
            "contact": writer.add_contact,
            "statement": writer.add_statement,
        }[kind]
        writer.seen.new_record()
        compile_one(record)
