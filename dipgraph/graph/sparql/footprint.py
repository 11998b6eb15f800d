"""Which predicates a query can read, so that a cold start loads only those quads.

A triple pattern whose predicate is an IRI (or a property path made of IRIs) matches
only quads with that predicate. So when every pattern of a query names its
predicates, a store holding only the quads with those predicates gives the same
answer as the whole store, and takes a fraction of its memory: 2.4 of the 3.8 million
quads for ``who-talked-to-whom`` at 100k contacts. The first query after a change
loads such a store (see ``dipgraph.load``'s ``first_query``); any other query then
gets the whole store.

The answer is None, "it may read any quad", for: a variable or a negated property
set in the predicate place; a path that may have length zero (``?c rdfs:subClassOf* ?d``
pairs every term of the graph with itself); DESCRIBE (it returns all that is said about a resource);
SERVICE; a GRAPH pattern that can match without reading a triple (``GRAPH ?g {}``
lists every graph, and a graph exists while it holds a quad); a BASE, a relative IRI
or a backslash escape (where two parsers could read an IRI differently); and a query
rdflib's parser cannot read, that is longer than :data:`MAX_QUERY_CHARS` or that has
more than :data:`MAX_PARSED_NODES` terms and patterns (rdflib's parser is pure Python:
a cold start must not wait on it).

The query is read as rdflib parses it, its prefixed names and paths resolved, not as
rdflib's algebra: turning the parse into algebra drops a FILTER inside an EXISTS pattern
(``FILTER NOT EXISTS { ?s x:r ?w FILTER NOT EXISTS { ?s x:q ?z } }`` kept ``x:r``
alone), and it ordered a pattern's triples in quadratic time (38 s for
``?s x:p 1,1,1...`` in 8,000 characters).

rdflib must read the text as Oxigraph will. The one place their lexers part is where a
``#`` comment ends: at a line feed or a carriage return for Oxigraph (as SPARQL 1.1, 19.4,
says), at a line feed only for rdflib, which read a pattern after ``# note\r`` as part
of the comment. Each carriage return is read as a line feed: outside a comment it is
white space to both, or a character of a long string (a value, never a predicate); no
other character of the Basic Multilingual Plane ends a comment or separates tokens
differently for the two (tests/test_first_query_footprint.py compares them).

>>> sorted(predicates_read("SELECT ?n WHERE { ?a <http://schema.org/name> ?n }"))
['http://schema.org/name']
>>> predicates_read("SELECT * WHERE { ?s ?p ?o }") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from dipgraph.errors import DipgraphError

MAX_QUERY_CHARS = 3_000  # rdflib's parser is pure Python: 1.2 s for an 8,000-character FILTER
MAX_PARSED_NODES = 1_000  # the shipped queries have up to 650
_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


class _AnyPredicate(DipgraphError):
    """The query may read quads whatever their predicate."""


def predicates_read(text: str) -> frozenset[str] | None:
    """The IRIs of every predicate ``text`` (a SPARQL query) can match, or None when
    it may read any quad (see the module's docstring)."""
    if len(text) > MAX_QUERY_CHARS or "\\" in text:
        return None
    text = text.replace("\r", "\n")  # where a comment ends, as Oxigraph reads it
    try:
        query = _parsed(text)
    except Exception:  # rdflib raises many kinds; Oxigraph has the last word on errors
        return None
    if query is None:
        return None
    found: set[str] = set()
    try:
        _walk(query, found)
    except (_AnyPredicate, RecursionError):
        return None
    return frozenset(found)


def _parsed(text: str) -> Any:
    """The query as rdflib's parser reads it, its prefixed names and property paths
    resolved; None when it is too large to read, or has a BASE. (Not rdflib's algebra:
    turning the parse into algebra drops a FILTER inside an EXISTS pattern, and with it
    the patterns that FILTER reads.)"""
    from functools import partial

    from rdflib.plugins.sparql.algebra import (
        translatePath,
        translatePName,
        translatePrologue,
        traverse,
    )
    from rdflib.plugins.sparql.parser import parseQuery

    prologue_part, query = parseQuery(text)
    if _nodes(query, MAX_PARSED_NODES) > MAX_PARSED_NODES:
        return None
    prologue = translatePrologue(prologue_part, None)
    if prologue.base:
        return None
    query = traverse(query, visitPost=partial(translatePName, prologue=prologue))
    return traverse(query, visitPost=translatePath)


def _nodes(node: Any, budget: int) -> int:
    """How many terms and grammar nodes ``node`` (rdflib's parse) holds, counted up to
    just past ``budget``."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue
    from rdflib.term import Identifier

    if isinstance(node, Identifier):
        return 1
    items: Iterable[Any]
    if isinstance(node, CompValue):
        count, items = 1, node.values()
    elif isinstance(node, list | tuple | ParseResults):
        count, items = 0, node
    else:
        return 0
    for item in items:
        count += _nodes(item, budget - count)
        if count > budget:
            break
    return count


def _walk(node: Any, found: set[str]) -> None:
    """Collect the predicates of every triple pattern under ``node`` (the parse)."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        name = node.name
        if name in ("DescribeQuery", "ServiceGraphPattern"):
            raise _AnyPredicate
        if name == "GraphGraphPattern" and not _reads_a_triple(node.get("graph")):
            raise _AnyPredicate
        for key, value in node.items():
            if key == "triples":  # flat lists: s p o s p o ...
                for triples in value or ():
                    if len(triples) % 3:
                        raise _AnyPredicate
                    for predicate in triples[1::3]:
                        _predicate(predicate, found)
            elif key != "template":  # (what CONSTRUCT makes, not what it reads)
                _walk(value, found)
    elif isinstance(node, list | tuple):
        for item in node:
            _walk(item, found)
    elif isinstance(node, dict):
        for value in node.values():
            _walk(value, found)


def _reads_a_triple(group: Any) -> bool:
    """True when every solution of ``group`` (a parsed ``{ ... }``) comes from matching
    a triple: one of its parts is a non-empty basic graph pattern (the others are joined
    to it, or filter it), a union of such groups, or a group in a GRAPH that is one."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if not isinstance(group, CompValue):
        return False
    for part in group.get("part") or ():
        if not isinstance(part, CompValue):
            continue
        if part.name == "TriplesBlock" and any(part.get("triples") or ()):
            return True
        if part.name == "GroupOrUnionGraphPattern" and all(
            _reads_a_triple(branch) for branch in part.get("graph") or [None]
        ):
            return True
        if part.name == "GraphGraphPattern" and _reads_a_triple(part.get("graph")):
            return True
    return False


def _predicate(predicate: Any, found: set[str]) -> None:
    """Add the IRIs ``predicate`` (an IRI or a property path) can match."""
    from rdflib.paths import AlternativePath, InvPath, MulPath, SequencePath
    from rdflib.term import URIRef

    if isinstance(predicate, URIRef):
        if not _ABSOLUTE.match(predicate):
            raise _AnyPredicate
        found.add(str(predicate))
    elif isinstance(predicate, SequencePath | AlternativePath):
        for part in predicate.args:
            _predicate(part, found)
    elif isinstance(predicate, InvPath):
        _predicate(predicate.arg, found)
    elif isinstance(predicate, MulPath) and predicate.mod == "+":
        _predicate(predicate.path, found)
    else:  # a variable, a negated property set, a path of length zero (``p*``, ``p?``
        raise _AnyPredicate  # match every term of the graph), or a form not known here
