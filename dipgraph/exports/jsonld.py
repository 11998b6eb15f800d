"""Compacted JSON-LD: named graphs of readable node objects under dipgraph's shipped context.

The context (``dipgraph/schema/context.jsonld``) names every property a web developer
meets (``label``, ``hasActor``, ``quote``...), keys language-tagged text by language
and types dates, so a contact reads as plain JSON. It is written inline (with an
``id:`` prefix for the build's base IRI), so the file needs no network to expand.

Compaction is done here, term by term, from the store's quads: a value that does not
fit its term's definition (a datatype the term does not declare, say) is written in
full under the compact IRI of its property, so no triple is ever lost; the tests
expand the file with rdflib and compare it with the N-Quads.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dipgraph.exports.atomic import atomic_text
from dipgraph.schema.model import SCHEMA_DIR

if TYPE_CHECKING:
    from dipgraph.graph.knowledge import KnowledgeGraph

CONTEXT_PATH = SCHEMA_DIR / "context.jsonld"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@cache
def shipped_context() -> dict[str, Any]:
    """The context as shipped (without the base-dependent ``id`` prefix)."""
    return json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]


class Compactor:
    """Turns RDF terms into compact JSON-LD under one context."""

    def __init__(self, context: dict[str, Any]) -> None:
        self.prefixes = sorted(
            (
                (name, value)
                for name, value in context.items()
                if isinstance(value, str)
                and value.endswith(("/", "#", ":"))
                and not name.startswith("@")
            ),
            key=lambda item: -len(item[1]),
        )
        self.terms: dict[str, tuple[str, dict[str, Any]]] = {}
        for name, definition in context.items():
            spec = definition if isinstance(definition, dict) else {"@id": definition}
            if name.startswith("@") or spec["@id"].endswith(("/", "#")):
                continue
            self.terms[self.expand(spec["@id"])] = (name, spec)

    def expand(self, value: str) -> str:
        prefix, _, rest = value.partition(":")
        for name, namespace in self.prefixes:
            if name == prefix:
                return namespace + rest
        return value

    def iri(self, value: str) -> str:
        """The shortest prefixed form of an IRI (a suffix never starts with '//')."""
        for name, namespace in self.prefixes:
            if value.startswith(namespace) and not value[len(namespace) :].startswith("//"):
                return f"{name}:{value[len(namespace) :]}"
        return value

    def datatype_of(self, spec: dict[str, Any]) -> str | None:
        kind = spec.get("@type")
        return None if kind in (None, "@id") else self.expand(kind)

    def fits(self, spec: dict[str, Any], term: Any) -> bool:
        """Whether a term can be written as a bare value of a property defined by ``spec``."""
        import pyoxigraph as ox

        if spec.get("@container") == "@language":
            return isinstance(term, ox.Literal) and term.language is not None
        if spec.get("@type") == "@id":
            return isinstance(term, ox.NamedNode)
        datatype = self.datatype_of(spec)
        if datatype is not None:
            return isinstance(term, ox.Literal) and term.datatype.value == datatype
        return True

    def value(self, term: Any) -> Any:
        """A term as a full JSON-LD value (node reference or value object)."""
        import pyoxigraph as ox

        if isinstance(term, ox.NamedNode):
            return {"@id": self.iri(term.value)}
        if isinstance(term, ox.BlankNode):
            return {"@id": f"_:{term.value}"}
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == XSD_STRING:
            return term.value
        return {"@value": term.value, "@type": self.iri(term.datatype.value)}

    def node(self, subject: Any, pairs: list[tuple[Any, Any]]) -> dict[str, Any]:
        """One node object: its types, then each property under its term."""
        node: dict[str, Any] = {"@id": self.value(subject)["@id"]}
        pairs = sorted(pairs, key=lambda pair: (pair[0].value, str(pair[1])))  # stable output
        types = sorted(self.iri(o.value) for p, o in pairs if p.value == RDF_TYPE)
        if types:
            node["@type"] = types[0] if len(types) == 1 else types
        for predicate, obj in pairs:
            if predicate.value == RDF_TYPE:
                continue
            name, spec = self.terms.get(predicate.value, (None, {}))
            if name is None or not self.fits(spec, obj):
                values = node.setdefault(self.iri(predicate.value), [])
                values.append(self.value(obj))
            elif spec.get("@container") == "@language":
                node.setdefault(name, {}).setdefault(obj.language, []).append(obj.value)
            elif spec.get("@type") == "@id":
                node.setdefault(name, []).append(self.iri(obj.value))
            elif self.datatype_of(spec) is not None:
                node.setdefault(name, []).append(obj.value)
            else:
                node.setdefault(name, []).append(self.value(obj))
        return {key: _single(value) for key, value in node.items()}


def _single(value: Any) -> Any:
    """Lists of one become the value; language maps keep one string a language."""
    if isinstance(value, list):
        return value[0] if len(value) == 1 else value
    if isinstance(value, dict) and all(isinstance(v, list) for v in value.values()):
        return {k: v[0] if len(v) == 1 else v for k, v in value.items()}
    return value


def write_jsonld(kg: KnowledgeGraph, target: Path) -> Path:
    """Every named graph as compacted JSON-LD, one node object a line, atomically."""
    context = {"id": kg.base, **shipped_context()}
    compactor = Compactor(context)
    store = kg.store
    graphs = sorted(store.named_graphs(), key=lambda g: g.value)
    with atomic_text(target) as stream:
        stream.write('{\n"@context": ')
        stream.write(json.dumps(context, ensure_ascii=False, indent=1))
        stream.write(',\n"@graph": [')
        for number, graph in enumerate(graphs):
            subjects: dict[Any, list[tuple[Any, Any]]] = {}
            for quad in store.quads_for_pattern(None, None, None, graph):
                subjects.setdefault(quad.subject, []).append((quad.predicate, quad.object))
            stream.write("," if number else "")
            stream.write(f'\n{{"@id": {json.dumps(compactor.iri(graph.value))}, "@graph": [')
            for index, (subject, pairs) in enumerate(subjects.items()):
                stream.write(",\n" if index else "\n")
                stream.write(json.dumps(compactor.node(subject, pairs), ensure_ascii=False))
            stream.write("\n]}")
        stream.write("\n]\n}\n")
    return target
