"""RDF exports through Oxigraph: Turtle and N-Triples (triples); TriG, N-Quads, JSON-LD (quads).

Triple formats carry the union of all named graphs (each triple once); dataset
formats keep each fact in the named graph of the source it came from.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from dipgraph.exports.atomic import atomic_path

if TYPE_CHECKING:
    from dipgraph.graph.knowledge import KnowledgeGraph


def write_rdf(kg: KnowledgeGraph, target: Path, rdf_format: str) -> Path:
    """Serialise the graph in one format (an ``RdfFormat`` name), atomically."""
    import pyoxigraph as ox

    from dipgraph.graph.to_rdf import PREFIXES

    chosen = getattr(ox.RdfFormat, rdf_format)
    prefixes = {**PREFIXES, "id": kg.base}
    with atomic_path(target) as temporary:
        if chosen.supports_datasets:
            kg.store.dump(str(temporary), chosen, prefixes=prefixes)
        else:
            triples = dict.fromkeys(
                ox.Triple(q.subject, q.predicate, q.object)
                for q in kg.store.quads_for_pattern(None, None, None)
            )
            ox.serialize(triples, str(temporary), chosen, prefixes=prefixes)
    return target
