"""Compiling facts into RDF with standard vocabularies, one named graph a source.

Actors are schema.org Persons / Organizations (states also ``dg:State``), names
are language-tagged ``rdfs:label`` / ``skos:prefLabel`` / ``skos:altLabel``.
Posts use W3C ORG (``org:Post``, ``org:Membership``, ``org:memberDuring`` an
OWL-Time interval). Contacts and statements are SEM events with a dipgraph
class per type that carries its CAMEO code. Evidence is PROV-O: the fact
``prov:wasDerivedFrom`` its source, and a ``prov:Derivation`` keeps the quote.
Every fact's triples sit in the named graph of each source it cites, so TriG and
N-Quads keep where a triple came from; actors, topics and sources sit in the
``entities`` graph. Every term is documented in ``dipgraph/schema/ontology.ttl``.
"""

from __future__ import annotations

from typing import Any

from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD

from dipgraph.dates import PartialDate
from dipgraph.facts import Evidence, Facts
from dipgraph.graph.iris import DEFAULT_BASE, DG_NS, SEM_NS, fact_iri
from dipgraph.schema.model import Model

DG = Namespace(DG_NS)
SEM = Namespace(SEM_NS)
PREFIXES = {
    "dg": DG,
    "sem": SEM,
    "org": ORG,
    "prov": PROV,
    "skos": SKOS,
    "schema": SDO,
    "time": TIME,
    "dcterms": DCTERMS,
}

_ACTOR_CLASSES = {
    "person": (SDO.Person,),
    "organization": (SDO.Organization, ORG.Organization),
    "state": (DG.State, SDO.Country, ORG.Organization),
}
_DATE_TYPES = {"year": XSD.gYear, "month": XSD.gYearMonth, "day": XSD.date}
_INSTANT_PROPERTY = {"year": TIME.inXSDgYear, "month": TIME.inXSDgYearMonth, "day": TIME.inXSDDate}


def class_name(term: str) -> str:
    """'phone_call' -> 'PhoneCall': the dipgraph class or individual for a vocabulary term."""
    return "".join(part.capitalize() for part in term.split("_"))


def date_literal(date: PartialDate) -> Literal:
    """A date typed by its precision: xsd:gYear, xsd:gYearMonth or xsd:date."""
    return Literal(str(date), datatype=_DATE_TYPES[date.precision])


class RdfBuilder:
    """Writes one dataset; IRIs are stable: ``{base}{kind}/{id}``."""

    def __init__(self, facts: Facts, model: Model, base: str = DEFAULT_BASE) -> None:
        self.facts = facts
        self.model = model
        self.base = Namespace(base)
        self.dataset = Dataset(default_union=True)
        for prefix, namespace in PREFIXES.items():
            self.dataset.bind(prefix, namespace)
        self.dataset.bind("id", self.base)
        self.entities = self.dataset.graph(self.base["graph/entities"])

    def iri(self, kind: str, ident: str) -> URIRef:
        return URIRef(fact_iri(str(self.base), kind, ident))

    def ref(self, ident: str) -> URIRef:
        """The IRI of an actor or topic id."""
        return self.iri("topic" if ident in self.facts.topics else "actor", ident)

    def graphs_for(self, evidence: tuple[Evidence, ...]) -> list[Graph]:
        sources = dict.fromkeys(item.source for item in evidence)
        return [self.dataset.graph(self.base[f"graph/{s}"]) for s in sources]

    def labels(
        self,
        graph: Graph,
        subject: URIRef,
        names: dict[str, str],
        aliases: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        for lang, text in names.items():
            graph.add((subject, RDFS.label, Literal(text, lang=lang)))
            graph.add((subject, SKOS.prefLabel, Literal(text, lang=lang)))
        for lang, texts in (aliases or {}).items():
            for text in texts:
                graph.add((subject, SKOS.altLabel, Literal(text, lang=lang)))

    def provenance(self, graph: Graph, subject: URIRef, evidence: tuple[Evidence, ...]) -> None:
        for number, item in enumerate(evidence, start=1):
            source = self.iri("source", item.source)
            derivation = URIRef(f"{subject}/evidence/{number}")
            language = self.facts.sources[item.source].language
            graph.add((subject, PROV.wasDerivedFrom, source))
            graph.add((subject, PROV.qualifiedDerivation, derivation))
            graph.add((derivation, RDF.type, PROV.Derivation))
            graph.add((derivation, PROV.entity, source))
            graph.add((derivation, DG.quote, Literal(item.quote, lang=language)))

    def common(self, graph: Graph, subject: URIRef, fact: Any) -> None:
        """Identifier, date, notes and evidence: what every fact carries."""
        graph.add((subject, DCTERMS.identifier, Literal(fact.id)))
        date = getattr(fact, "date", None)
        if date is not None:
            graph.add((subject, SEM.hasTimeStamp, date_literal(date)))
        for attribute, predicate in (
            ("date_note", DG.dateNote),
            ("outside_knowledge", DG.outsideKnowledge),
        ):
            if getattr(fact, attribute, None):
                graph.add((subject, predicate, Literal(getattr(fact, attribute), lang="en")))
        summary = getattr(fact, "summary", None)
        if summary:
            graph.add((subject, RDFS.comment, Literal(summary, lang="en")))
        self.provenance(graph, subject, fact.evidence)

    # -- entities --------------------------------------------------------------
    def add_vocabulary(self) -> None:
        graph = self.entities
        for term, spec in self.model.vocabularies["contact_types"].items():
            cls = DG[class_name(term)]
            graph.add((cls, RDF.type, RDFS.Class))
            graph.add((cls, RDFS.subClassOf, DG.Contact))
            graph.add((cls, RDFS.label, Literal(spec["label"], lang="en")))
            graph.add((cls, DG.cameoCode, Literal(spec["cameo"])))
        graph.add((DG.Contact, RDFS.subClassOf, SEM.Event))
        graph.add((DG.Statement, RDFS.subClassOf, SEM.Event))
        scheme = self.base["topics"]
        graph.add((scheme, RDF.type, SKOS.ConceptScheme))
        graph.add((scheme, RDFS.label, Literal("dipgraph topics", lang="en")))

    def add_entities(self) -> None:
        graph = self.entities
        for actor in self.facts.actors.values():
            subject = self.iri("actor", actor.id)
            for cls in _ACTOR_CLASSES[actor.kind]:
                graph.add((subject, RDF.type, cls))
            graph.add((subject, DCTERMS.identifier, Literal(actor.id)))
            self.labels(graph, subject, actor.names, actor.aliases)
            if actor.country:
                graph.add((subject, DG.country, self.iri("actor", actor.country)))
            for organization in actor.member_of:
                graph.add((subject, ORG.memberOf, self.iri("actor", organization)))
            if actor.part_of:
                graph.add((subject, ORG.subOrganizationOf, self.iri("actor", actor.part_of)))
            if actor.outside_knowledge:
                graph.add(
                    (subject, DG.outsideKnowledge, Literal(actor.outside_knowledge, lang="en"))
                )
        for topic in self.facts.topics.values():
            subject = self.iri("topic", topic.id)
            graph.add((subject, RDF.type, SKOS.Concept))
            graph.add((subject, SKOS.inScheme, self.base["topics"]))
            graph.add((subject, DCTERMS.identifier, Literal(topic.id)))
            self.labels(graph, subject, topic.names, topic.aliases)
            if topic.broader:
                graph.add((subject, SKOS.broader, self.iri("topic", topic.broader)))
        for source in self.facts.sources.values():
            subject = self.iri("source", source.id)
            graph.add((subject, RDF.type, PROV.Entity))
            graph.add((subject, RDF.type, SDO.CreativeWork))
            graph.add((subject, DCTERMS.identifier, Literal(source.id)))
            if source.title:
                graph.add((subject, DCTERMS.title, Literal(source.title, lang=source.language)))
            if source.title_en:
                graph.add((subject, DCTERMS.title, Literal(source.title_en, lang="en")))
            graph.add(
                (
                    subject,
                    RDFS.label,
                    Literal(source.name, lang="en" if source.title_en else source.language),
                )
            )
            graph.add((subject, DCTERMS.language, Literal(source.language)))
            if source.publisher:
                graph.add((subject, DCTERMS.publisher, Literal(source.publisher)))
            if source.published:
                graph.add((subject, DCTERMS.issued, date_literal(source.published)))
            if source.url:
                graph.add((subject, SDO.url, URIRef(source.url)))

    # -- facts -----------------------------------------------------------------
    def add_instant(
        self, graph: Graph, subject: URIRef, predicate: URIRef, date: PartialDate
    ) -> None:
        instant = URIRef(f"{subject}/{'beginning' if predicate == TIME.hasBeginning else 'end'}")
        graph.add((subject, predicate, instant))
        graph.add((instant, RDF.type, TIME.Instant))
        graph.add((instant, _INSTANT_PROPERTY[date.precision], date_literal(date)))

    def add_posts(self) -> None:
        for post in self.facts.posts.values():
            subject = self.iri("post", post.id)
            holder = self.iri("actor", post.holder)
            role = URIRef(f"{subject}/role")
            membership = URIRef(f"{subject}/membership")
            for graph in self.graphs_for(post.evidence):
                graph.add((subject, RDF.type, ORG.Post))
                self.labels(graph, subject, post.post)
                graph.add((subject, ORG.heldBy, holder))
                graph.add((holder, ORG.holds, subject))
                graph.add((subject, ORG.role, role))
                graph.add((role, RDF.type, ORG.Role))
                self.labels(graph, role, post.post)
                graph.add((membership, RDF.type, ORG.Membership))
                graph.add((membership, ORG.member, holder))
                graph.add((membership, ORG.role, role))
                if post.organization:
                    organization = self.iri("actor", post.organization)
                    graph.add((subject, ORG.postIn, organization))
                    graph.add((membership, ORG.organization, organization))
                if post.from_ or post.until:
                    interval = URIRef(f"{subject}/interval")
                    graph.add((membership, ORG.memberDuring, interval))
                    graph.add((interval, RDF.type, TIME.Interval))
                    if post.from_:
                        self.add_instant(graph, interval, TIME.hasBeginning, post.from_)
                    if post.until:
                        self.add_instant(graph, interval, TIME.hasEnd, post.until)
                if post.as_of:
                    graph.add((subject, DG.attestedOn, date_literal(post.as_of)))
                self.common(graph, subject, post)
                self.provenance(graph, membership, post.evidence)

    def add_contacts(self) -> None:
        for contact in self.facts.contacts.values():
            subject = self.iri("contact", contact.id)
            for graph in self.graphs_for(contact.evidence):
                graph.add((subject, RDF.type, SEM.Event))
                graph.add((subject, RDF.type, DG.Contact))
                graph.add((subject, RDF.type, DG[class_name(contact.type)]))
                for participant in contact.participants:
                    graph.add((subject, SEM.hasActor, self.iri("actor", participant)))
                if contact.initiated_by:
                    graph.add((subject, DG.initiatedBy, self.iri("actor", contact.initiated_by)))
                for topic in contact.topics:
                    graph.add((subject, DCTERMS.subject, self.iri("topic", topic)))
                if contact.place:
                    place = self.base[f"place/{contact.place['en'].lower().replace(' ', '-')}"]
                    graph.add((subject, SEM.hasPlace, place))
                    graph.add((place, RDF.type, SEM.Place))
                    self.labels(graph, place, contact.place)
                graph.add((subject, DG.secret, Literal(contact.secret)))
                graph.add((subject, DG.status, DG[class_name(contact.status)]))
                self.common(graph, subject, contact)

    def add_statements(self) -> None:
        for statement in self.facts.statements.values():
            subject = self.iri("statement", statement.id)
            for graph in self.graphs_for(statement.evidence):
                graph.add((subject, RDF.type, SEM.Event))
                graph.add((subject, RDF.type, DG.Statement))
                graph.add((subject, SEM.hasActor, self.iri("actor", statement.speaker)))
                graph.add((subject, DG.speaker, self.iri("actor", statement.speaker)))
                graph.add((subject, DG.statementKind, DG[class_name(statement.kind)]))
                for target in statement.about:
                    graph.add((subject, DCTERMS.subject, self.ref(target)))
                self.common(graph, subject, statement)

    def build(self) -> Dataset:
        self.add_vocabulary()
        self.add_entities()
        self.add_posts()
        self.add_contacts()
        self.add_statements()
        return self.dataset


def to_rdf(facts: Facts, model: Model, base: str = DEFAULT_BASE) -> Dataset:
    """The whole dataset as an rdflib Dataset whose default graph is the union."""
    return RdfBuilder(facts, model, base).build()


__all__ = ["DEFAULT_BASE", "DG", "PREFIXES", "SEM", "to_rdf"]
