"""Validating the compiled RDF against dipgraph's SHACL shapes (pySHACL).

The shapes (``dipgraph/schema/shapes.ttl``) state what every build guarantees:
contacts with parties on two sides or more, one role per linked actor, one
source at least behind every fact, xsd:date bounds in order, Wikidata links of
the right form, and each cited dataset record part of its dataset, with its entity,
field, value and the date it was retrieved. ``dipgraph build --validate`` and the
tests run this check.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dipgraph.schema.model import SCHEMA_DIR

if TYPE_CHECKING:
    from dipgraph.graph.to_rdf import Quads

SHAPES_PATH = SCHEMA_DIR / "shapes.ttl"


@dataclass(frozen=True, slots=True)
class Violation:
    """One failed constraint: the node, the property path, and what is wrong."""

    focus: str
    path: str | None
    message: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.focus}{where}: {self.message}"


def validate(quads: Quads) -> list[Violation]:
    """Every violation of the shapes by the union of all graphs (empty when it conforms)."""
    import pyshacl
    from rdflib import Graph
    from rdflib.namespace import SH

    data = Graph()
    data.parse(data="".join(quads.ntriples_lines()), format="nt")
    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    conforms, report, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", allow_warnings=False
    )
    if conforms:
        return []
    found = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        value = report.value(result, SH.value)
        text = str(message) if message is not None else "constraint violated"
        if value is not None:
            text += f" (value: {value})"
        found.append(Violation(str(report.value(result, SH.focusNode)), path and str(path), text))
    return sorted(found, key=lambda v: (v.focus, v.path or "", v.message))
