"""Exporters, one a format: each writes the compiled graph to one file, atomically."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from dipgraph.exports.network import write_csv_tables, write_gexf, write_graphml
from dipgraph.exports.rdf import write_ontology, write_rdf


def _write_jsonld(kg: KnowledgeGraph, target: Path) -> Path:
    from dipgraph.exports.jsonld import write_jsonld

    return write_jsonld(kg, target)


def _write_ftm(kg: KnowledgeGraph, target: Path) -> Path:
    from dipgraph.exports.ftm import write_ftm

    return write_ftm(kg, target)


def _write_html(kg: KnowledgeGraph, target: Path) -> Path:
    from dipgraph.exports.html import write_html

    return write_html(kg, target)


if TYPE_CHECKING:
    from dipgraph.graph.knowledge import KnowledgeGraph


@dataclass(frozen=True, slots=True)
class Exporter:
    """A named output format and the function that writes it."""

    name: str
    filename: str
    description: str
    write: Callable[[KnowledgeGraph, Path], Path]
    also_writes: tuple[str, ...] = ()  # files written beside ``filename`` (CSV's edges)


EXPORTERS: dict[str, Exporter] = {
    exporter.name: exporter
    for exporter in (
        Exporter(
            "ttl",
            "dipgraph.ttl",
            "RDF Turtle (all graphs merged)",
            partial(write_rdf, rdf_format="TURTLE"),
        ),
        Exporter(
            "nt",
            "dipgraph.nt",
            "RDF N-Triples (all graphs merged)",
            partial(write_rdf, rdf_format="N_TRIPLES"),
        ),
        Exporter(
            "jsonld",
            "dipgraph.jsonld",
            "JSON-LD, compacted with dipgraph's context, named graphs kept",
            _write_jsonld,
        ),
        Exporter(
            "trig",
            "dipgraph.trig",
            "RDF TriG, one named graph a source",
            partial(write_rdf, rdf_format="TRIG"),
        ),
        Exporter(
            "html", "dipgraph.html", "interactive graph, one self-contained file", _write_html
        ),
        Exporter(
            "nq",
            "dipgraph.nq",
            "RDF N-Quads, one named graph a source",
            partial(write_rdf, rdf_format="N_QUADS"),
        ),
        Exporter(
            "graphml", "dipgraph.graphml", "GraphML (yEd, Cytoscape, networkx)", write_graphml
        ),
        Exporter("gexf", "dipgraph.gexf", "GEXF (Gephi)", write_gexf),
        Exporter(
            "ontology",
            "ontology.ttl",
            "the dipgraph ontology (Turtle), also inside every RDF export",
            write_ontology,
        ),
        Exporter(
            "ftm",
            "dipgraph.ftm.json",
            "FollowTheMoney entities, one a line (Aleph, the ftm tools)",
            _write_ftm,
        ),
        Exporter(
            "csv",
            "dipgraph-nodes.csv",
            "CSV tables: nodes, and edges beside them",
            write_csv_tables,
            also_writes=("dipgraph-edges.csv",),
        ),
    )
}
DEFAULT_FORMATS = ("ttl", "html")
