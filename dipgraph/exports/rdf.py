"""RDF exports: Turtle and N-Triples (triples); TriG, N-Quads, JSON-LD (quads).

Triple formats carry the union of all named graphs (each triple once); dataset
formats keep each fact in the named graph of the source it came from.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from dipgraph.exports.atomic import atomic_path

if TYPE_CHECKING:
    from dipgraph.graph.knowledge import KnowledgeGraph


def triples_ntriples(nquads: str) -> str:
    """The union of all graphs as N-Triples text, each triple once.

    Every N-Quads line ends with its graph IRI; the last `` <`` of a line starts it,
    because the graph term is the last one. String work keeps a million triples fast.
    """
    lines = (line[: line.rfind(" <")] for line in nquads.splitlines())
    return "".join(f"{line} .\n" for line in dict.fromkeys(lines))


def write_rdf(kg: KnowledgeGraph, target: Path, rdf_format: str) -> Path:
    """Serialise the graph in one format (an ``RdfFormat`` name), atomically.

    The compiler's own N-Quads text is already canonical line syntax, so N-Quads
    and N-Triples are written as text; Turtle streams the union through
    Oxigraph's serialiser, and the dataset formats dump an Oxigraph store.
    """
    if rdf_format in ("N_QUADS", "N_TRIPLES"):
        text = kg.nquads if rdf_format == "N_QUADS" else triples_ntriples(kg.nquads)
        with atomic_path(target) as temporary:
            temporary.write_bytes(text.encode("utf-8"))
        return target

    import pyoxigraph as ox

    from dipgraph.graph.to_rdf import PREFIXES

    chosen = getattr(ox.RdfFormat, rdf_format)
    prefixes = {**PREFIXES, "id": kg.base}
    with atomic_path(target) as temporary:
        if chosen.supports_datasets:
            kg.store.dump(str(temporary), chosen, prefixes=prefixes)
        else:
            union = triples_ntriples(kg.nquads).encode("utf-8")
            triples = ox.parse(union, format=ox.RdfFormat.N_TRIPLES)
            ox.serialize(triples, str(temporary), format=chosen, prefixes=prefixes)
    return target
