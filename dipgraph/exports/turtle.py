"""Turtle written straight from the compiler's N-Triples lines, without a parser between.

The compiler keeps every triple as one N-Triples string (``<s> <p> <o>``, see
:class:`dipgraph.graph.to_rdf.Quads`); every N-Triples term is also a Turtle term, so
the Turtle text is those terms with three abbreviations, as Oxigraph's serialiser
writes them: consecutive triples of one subject share it (``;``), of one subject and
predicate share both (``,``), integers, decimals, doubles and booleans are bare
(``2``, ``true``), an IRI under a declared namespace is written as a
prefixed name (``dg:Contact``, ``id:actor\\/person-1``) where its local part allows it,
and ``rdf:type`` is ``a``. Nothing is parsed or re-escaped, so the triples stay
identical (tests/test_turtle.py parses both and compares the graphs). At 100k contacts
this took a fifth of the time Oxigraph's parse-and-serialise did (benchmarks/README.md).

>>> lines = turtle_lines(
...     ['<https://e.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://e.org/C>',
...      '<https://e.org/a> <https://e.org/p> "x y"@en',
...      '<https://e.org/a> <https://e.org/p> <https://e.org/b/c>',
...      '<https://e.org/b/c> <https://e.org/p> "2"^^<http://www.w3.org/2001/XMLSchema#integer>',
...      '<https://e.org/b/c> <https://e.org/q> "2024"^^<http://www.w3.org/2001/XMLSchema#gYear>'],
...     {"e": "https://e.org/", "xsd": "http://www.w3.org/2001/XMLSchema#"})
>>> print("".join(lines).expandtabs(4), end="")  # (a tab before each predicate)
@prefix e: <https://e.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
e:a a e:C ;
    e:p "x y"@en , e:b\\/c .
e:b\\/c e:p 2 ;
    e:q "2024"^^xsd:gYear .
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dipgraph.facts import Facts
    from dipgraph.schema.model import Model

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
# A local part written as is or with its slashes escaped (PN_LOCAL, kept to ASCII and
# to no escape but ``\/``): letters, digits, ``_`` ``-`` ``.`` ``/`` and ``:``, not
# starting with ``-`` or ``.`` nor ending with ``.``. Anything else keeps its <IRI>.
_LOCAL = r"(?:[A-Za-z0-9_:](?:[A-Za-z0-9_:./-]*[A-Za-z0-9_:/-])?)?"
# Numbers and booleans written bare, as Turtle allows, when their text is in the form
# Turtle's own INTEGER, DECIMAL, DOUBLE and BooleanLiteral read back as that datatype.
_XSD = "http://www.w3.org/2001/XMLSchema#"
_BARE = {
    f"<{_XSD}integer>": re.compile(r'"([+-]?[0-9]+)"').fullmatch,
    f"<{_XSD}decimal>": re.compile(r'"([+-]?[0-9]*\.[0-9]+)"').fullmatch,
    f"<{_XSD}double>": re.compile(
        r'"([+-]?(?:[0-9]+\.[0-9]*[eE][+-]?[0-9]+|\.?[0-9]+[eE][+-]?[0-9]+))"'
    ).fullmatch,
    f"<{_XSD}boolean>": re.compile(r'"(true|false)"').fullmatch,
}
# How many distinct IRIs keep their written form at once (predicates, classes, actors
# and datatypes recur; a fact's own IRIs come in runs): bounded, memory stays small.
_CACHE_MAX = 200_000


def _prefixed(prefixes: dict[str, str]) -> re.Pattern[str]:
    """``<namespace + local>`` for every namespace, the longest first, so a full match
    finds the longest namespace whose rest is a valid local part: group ``l{n}`` is the
    local part under the n-th of ``prefixes``."""
    namespaces = list(prefixes.values())
    order = sorted(range(len(namespaces)), key=lambda n: -len(namespaces[n]))
    choices = "|".join(f"{re.escape(namespaces[n])}(?P<l{n}>{_LOCAL})" for n in order)
    return re.compile(f"<(?:{choices})>" if choices else "(?!)")


class TurtleText:
    """Turtle text of triples handed over one by one (:meth:`triple`), passed to
    ``write`` in pieces: what a compiler calls as it goes, so that no list of the triples
    is held (see :func:`write_turtle`). :meth:`close` writes
    the end."""

    def __init__(self, prefixes: dict[str, str], write: Callable[[str], object]) -> None:
        self._names = {f"l{n}": name for n, name in enumerate(prefixes)}
        self._pattern = _prefixed(prefixes).fullmatch
        self._short: dict[str, str] = {}
        self._typed: dict[str, str] = {}
        self._write = write
        self._subject: str | None = None
        self._predicate: str | None = None
        self._batch: list[str] = []
        write("".join(f"@prefix {name}: <{namespace}> .\n" for name, namespace in prefixes.items()))

    def term(self, iri: str) -> str:
        """An IRI term as a prefixed name where it can be one."""
        written = self._short.get(iri)
        if written is None:
            match = self._pattern(iri)
            if match is None:
                written = iri
            else:
                group = match.lastgroup or ""
                written = f"{self._names[group]}:{match.group(group).replace('/', chr(92) + '/')}"
            if len(self._short) < _CACHE_MAX:
                self._short[iri] = written
        return written

    def obj(self, value: str) -> str:
        first = value[0]
        if first == "<":
            return self._short.get(value) or self.term(value)
        if first == '"' and value[-1] == ">":  # a typed literal: bare, or its datatype prefixed
            written = self._typed.get(value)
            if written is None:
                text, _, datatype = value.rpartition("^^")
                bare = _BARE.get(datatype)
                if bare is not None and (number := bare(text)) is not None:
                    written = number.group(1)
                else:
                    written = f"{text}^^{self.term(datatype)}"
                if len(self._typed) < _CACHE_MAX:  # (dates, numbers, booleans recur)
                    self._typed[value] = written
            return written
        return value  # a plain or language-tagged literal, or a blank node

    def triple(self, s: str, p: str, o: str) -> None:
        """One triple (N-Triples terms), after those given before. (Hot: a cached term
        is looked up here rather than through :meth:`term`.)"""
        batch, short = self._batch, self._short
        verb = "a" if p == RDF_TYPE else short.get(p) or self.term(p)
        if s == self._subject:
            if p == self._predicate:
                batch.append(f" , {self.obj(o)}")
            else:
                self._predicate = p
                batch.append(f" ;\n\t{verb} {self.obj(o)}")
        else:
            if self._subject is not None:
                batch.append(" .\n")
            self._subject, self._predicate = s, p
            subject = short.get(s) or self.term(s) if s[0] == "<" else s
            batch.append(f"{subject} {verb} {self.obj(o)}")
        if len(batch) >= 8192:
            self._write("".join(batch))
            batch.clear()

    def close(self) -> None:
        """The end of the text (after the last triple)."""
        if self._subject is not None:
            self._batch.append(" .\n")
        self._write("".join(self._batch))
        self._batch.clear()
        self._subject = self._predicate = None


def turtle_lines(triples: Iterable[str], prefixes: dict[str, str]) -> Iterator[str]:
    """Turtle text, in pieces, of ``triples`` (N-Triples terms ``s p o`` without the
    final `` .``, in the order given) under ``prefixes`` (name -> namespace IRI)."""
    pieces: list[str] = []
    text = TurtleText(prefixes, pieces.append)
    add = text.triple
    for triple in triples:
        add(*triple.split(" ", 2))
        if pieces:
            yield from pieces
            pieces.clear()
    text.close()
    yield from pieces


def write_turtle(facts: Facts, model: Model, base: str, write: Callable[[str], object]) -> int:
    """The Turtle export of ``facts`` passed to ``write`` in pieces as it is compiled:
    the text :func:`turtle_lines` makes of ``compile_quads(facts, model, base).triples()``,
    byte for byte, without holding the quads (see
    :func:`dipgraph.graph.quad_stream.stream_triples`). Returns how many quads it wrote.

    >>> import dipgraph
    >>> from dipgraph.graph.to_rdf import PREFIXES, compile_quads
    >>> kg = dipgraph.load("tests/fixtures/small")
    >>> pieces = []
    >>> count = write_turtle(kg.facts, kg.model, kg.base, pieces.append)
    >>> quads = compile_quads(kg.facts, kg.model, kg.base)
    >>> count == len(quads)
    True
    >>> "".join(pieces) == "".join(turtle_lines(quads.triples(), {**PREFIXES, "id": kg.base}))
    True
    """
    from dipgraph.graph.quad_stream import stream_triples
    from dipgraph.graph.to_rdf import PREFIXES

    text = TurtleText({**PREFIXES, "id": base}, write)
    count = stream_triples(facts, model, base, text.triple)
    text.close()
    return count
