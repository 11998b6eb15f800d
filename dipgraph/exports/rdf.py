"""RDF exports: Turtle and N-Triples (triples); TriG, N-Quads, JSON-LD (quads).

Triple formats carry the union of all named graphs (each triple once); dataset
formats keep each fact in the named graph of the source it came from.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from dipgraph.exports.atomic import atomic_path, atomic_text
from dipgraph.graph.line_stream import LineStream

if TYPE_CHECKING:
    from dipgraph.graph.knowledge import KnowledgeGraph


def write_ontology(kg: KnowledgeGraph, target: Path) -> Path:
    """The ontology as shipped (it is also the graph ``graph/ontology`` of every RDF export)."""
    from dipgraph.graph.to_rdf import ONTOLOGY_PATH

    with atomic_text(target) as stream:
        stream.write(ONTOLOGY_PATH.read_text(encoding="utf-8"))
    return target


def write_rdf(kg: KnowledgeGraph, target: Path, rdf_format: str) -> Path:
    """Serialise the graph in one format (an ``RdfFormat`` name), atomically.

    N-Quads and N-Triples are the compiler's own lines, streamed to the file;
    Turtle is written from the quads' triples (dipgraph.exports.turtle), straight from
    the compiler when the quads are not compiled yet (nothing else wants them); the
    dataset formats dump an Oxigraph store.
    """
    from dipgraph.graph.to_rdf import PREFIXES

    if rdf_format == "TURTLE":
        from dipgraph.exports.turtle import turtle_lines, write_turtle

        with atomic_text(target) as stream:
            if "quads" not in vars(kg):  # not compiled: written as they are, none held
                write_turtle(kg.facts, kg.model, kg.base, stream.write)
                return target
            # (each triple of the quads: Turtle is read as a set, so a triple in two graphs
            # would only be said twice; dipgraph writes a triple into one graph)
            stream.writelines(turtle_lines(kg.quads.triples(), {**PREFIXES, "id": kg.base}))
        return target
    if rdf_format in ("N_QUADS", "N_TRIPLES"):
        quads = kg.quads
        with atomic_text(target) as stream:
            stream.writelines(
                quads.nquads_lines() if rdf_format == "N_QUADS" else quads.ntriples_lines()
            )
        return target

    import pyoxigraph as ox

    chosen = getattr(ox.RdfFormat, rdf_format)
    prefixes = {**PREFIXES, "id": kg.base}
    with atomic_path(target) as temporary:
        if chosen.supports_datasets:
            kg.store.dump(str(temporary), chosen, prefixes=prefixes)
        else:
            union = io.BufferedReader(LineStream(kg.quads.ntriples_lines()), 1 << 20)
            triples = ox.parse(union, format=ox.RdfFormat.N_TRIPLES)
            ox.serialize(triples, str(temporary), format=chosen, prefixes=prefixes)
    return target
