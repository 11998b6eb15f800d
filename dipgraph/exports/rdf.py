"""RDF exports through rdflib: Turtle, N-Triples, JSON-LD (triples), TriG, N-Quads (quads).

Triple formats carry the union of all named graphs; quad formats keep each
fact in the named graph of the source it came from.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from dipgraph.exports.atomic import atomic_path

if TYPE_CHECKING:
    from dipgraph.graph.knowledge import KnowledgeGraph

QUAD_FORMATS = {"trig", "nquads"}


def _union(kg: KnowledgeGraph):  # -> rdflib.Graph
    from rdflib import Graph

    union = Graph()
    for prefix, namespace in kg.rdf.namespaces():
        union.bind(prefix, namespace)
    for triple in kg.rdf.triples((None, None, None)):
        union.add(triple)
    return union


def write_rdf(kg: KnowledgeGraph, target: Path, rdflib_format: str) -> Path:
    """Serialise the graph in one rdflib format, atomically."""
    graph = kg.rdf if rdflib_format in QUAD_FORMATS else _union(kg)
    with atomic_path(target) as temporary:
        graph.serialize(destination=str(temporary), format=rdflib_format, encoding="utf-8")
    return target
