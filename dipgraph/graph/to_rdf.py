"""Compiling facts into RDF with standard vocabularies; each triple in exactly one graph.

The output is a set of quads in N-Quads line syntax (:class:`Quads`): exports
stream its lines, Oxigraph loads it for fast SPARQL, and rdflib can parse it for
notebook users. Writing lines directly keeps a million triples to seconds. Every
term is documented in ``dipgraph/schema/ontology.ttl`` and checked by the SHACL
shapes in ``dipgraph/schema/shapes.ttl``.

Named graphs (each triple in one, so that a union default graph counts every fact
once, whatever the server's semantics):

- ``graph/ontology``: the ontology itself (classes, CAMEO codes, statuses...);
- ``graph/entities``: actors, topics, sources, publishers, languages, places, and
  positions (``org:Post``) with who held them;
- ``graph/{source-id}``: the citations of one source (``prov:wasDerivedFrom`` and a
  ``prov:Derivation`` keeping the verbatim quote; for a dataset, also the cited record:
  see :meth:`QuadWriter.dataset_record`), and the description of each fact
  (a holding, contact or statement) whose first-by-id source it is: a fact cited by
  two sources is described once, in one of their graphs, and cited in both;
- ``graph/void``: a VoID description of the dataset, with triple counts.

Vocabularies:

- Actors: schema.org ``Person`` / ``Organization`` (states also ``dg:State`` and
  ``schema:Country``); names as language-tagged ``rdfs:label``, ``skos:prefLabel``,
  ``skos:altLabel``; a Wikidata id as ``owl:sameAs`` and ``schema:sameAs``.
- Posts: W3C ORG. A position (``org:Post`` in an organisation, with its
  ``org:Role``) is minted once; each holding is an ``org:Membership`` with its
  ``org:memberDuring`` interval (OWL-Time, dates typed by precision).
- Places: ``sem:Place`` and ``schema:Place``, IRI from the place's id; labels as for
  actors; ``schema:containedInPlace`` the place or state it lies in; Wikidata as above.
- Facts are written from their projection (:mod:`dipgraph.projection`), as every
  other door reads them: sides numbered from 1, the same roles, dates and evidence.
- Contacts and statements: SEM events, one ``dg:`` class per contact type carrying
  its CAMEO code. A contact links each actor through SEM's role pattern: a
  ``sem:Role`` with ``rdf:value`` the actor and ``sem:roleType`` ``dg:Party`` (with
  ``dg:side`` its side number), ``dg:Subject``, ``dg:Host`` or ``dg:Mediator``.
- Dates: ``sem:hasTimeStamp`` typed by precision, plus
  ``sem:hasEarliestBeginTimeStamp`` / ``sem:hasLatestEndTimeStamp`` as ``xsd:date``,
  which SPARQL compares.

>>> line = literal('say "hi"\\n', lang="en")
>>> line
'"say \\\\"hi\\\\"\\\\n"@en'
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from dipgraph.dates import PartialDate
from dipgraph.facts import Evidence, Facts, Post
from dipgraph.graph.cameo import contact_cameo, plover_of
from dipgraph.graph.iris import (
    DEFAULT_BASE,
    DG_NS,
    SEM_NS,
    check_base_iri,
    class_name,
    fact_iri,
    iri_term,
    status_iri,
)
from dipgraph.loader.dataset import dataset_of
from dipgraph.process_memory import without_collector
from dipgraph.projection import (
    Cited,
    ContactRecord,
    DatasetCitation,
    PostRecord,
    StatementRecord,
    When,
    cited,
    contact_record,
    post_record,
    statement_record,
)
from dipgraph.schema.model import SCHEMA_DIR, Model
from dipgraph.schema.rules import WIKIDATA_ID, full_match
from dipgraph.slugs import iri_segment

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
LANGUAGE = XSD_NS + "language"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
SDO_NS = "https://schema.org/"
ORG_NS = "http://www.w3.org/ns/org#"
PROV_NS = "http://www.w3.org/ns/prov#"
TIME_NS = "http://www.w3.org/2006/time#"
DCT_NS = "http://purl.org/dc/terms/"
OWL_NS = "http://www.w3.org/2002/07/owl#"
VOID_NS = "http://rdfs.org/ns/void#"
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
WIKIDATA_DIRECT = "http://www.wikidata.org/prop/direct/"  # wdt: a statement's main value
WIKIDATA_QUALIFIER = "http://www.wikidata.org/prop/qualifier/"  # pq: a qualifier's
WIKIDATA_ITEM = full_match(WIKIDATA_ID)
WIKIDATA_PROPERTY = full_match(r"P[1-9][0-9]{0,11}")
ONTOLOGY_PATH = SCHEMA_DIR / "ontology.ttl"
PREFIXES = {
    "dg": DG_NS,
    "sem": SEM_NS,
    "org": ORG_NS,
    "prov": PROV_NS,
    "skos": SKOS_NS,
    "schema": SDO_NS,
    "time": TIME_NS,
    "dcterms": DCT_NS,
    "rdf": RDF_NS,
    "rdfs": RDFS_NS,
    "xsd": XSD_NS,
    "owl": OWL_NS,
    "void": VOID_NS,
    "wd": WIKIDATA_ENTITY,
}


# An IRI term in N-Triples syntax, refused (IriError) unless a well-formed absolute IRI.
iri = iri_term


def literal(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    """A literal term in N-Triples syntax, escaped."""
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    )
    if lang:
        return f'"{escaped}"@{lang}'
    if datatype:
        return f'"{escaped}"^^<{datatype}>'
    return f'"{escaped}"'


_DATE_TYPES = {"year": "gYear", "month": "gYearMonth", "day": "date"}
_INSTANT = {"year": "inXSDgYear", "month": "inXSDgYearMonth", "day": "inXSDDate"}


def date_datatype(date: PartialDate | When) -> str:
    """The XSD datatype IRI for a date's precision: xsd:gYear, xsd:gYearMonth or xsd:date."""
    return XSD_NS + _DATE_TYPES[date.precision]


def date_literal(date: PartialDate | When) -> str:
    """A date typed by its precision, in N-Triples syntax."""
    return literal(str(date), datatype=date_datatype(date))


def day_literal(day: Any) -> str:
    """A ``datetime.date`` as an ``xsd:date`` literal: comparable with any other."""
    return literal(day.isoformat(), datatype=XSD_NS + "date")


@cache
def ontology_triples(path: Path = ONTOLOGY_PATH) -> tuple[str, ...]:
    """The ontology's triples in N-Triples syntax (parsed once; it ships with the code)."""
    import pyoxigraph as ox

    with path.open("rb") as handle:
        return tuple(str(t) for t in ox.parse(handle, format=ox.RdfFormat.TURTLE))


A = iri(RDF_NS + "type")
VALUE = iri(RDF_NS + "value")
LABEL, COMMENT = iri(RDFS_NS + "label"), iri(RDFS_NS + "comment")
PREF, ALT = iri(SKOS_NS + "prefLabel"), iri(SKOS_NS + "altLabel")
IDENT = iri(DCT_NS + "identifier")
SUBJECT = iri(DCT_NS + "subject")
INTEGER = XSD_NS + "integer"
_ACTOR_CLASSES = {
    "person": (SDO_NS + "Person",),
    "organization": (SDO_NS + "Organization", ORG_NS + "Organization"),
    "state": (DG_NS + "State", SDO_NS + "Country", ORG_NS + "Organization"),
}
# Role types of a contact's links (dg:Party with its dg:side; issue #9 for the others),
# one for each of the projection's link roles.
ROLE_TYPES = {"party": "Party", "subject": "Subject", "host": "Host", "mediator": "Mediator"}


class QuadWriter:
    """Builds the N-Quads of one dataset; IRIs are stable: ``{base}{kind}/{id}``."""

    def __init__(self, facts: Facts, model: Model, base: str = DEFAULT_BASE) -> None:
        self.facts = facts
        self.model = model
        self.base = check_base_iri(base)
        # Insertion-ordered set of (triple, graph). A triple is written into one graph
        # only (see the module docstring), so the union graph counts it once.
        self.quads: dict[tuple[str, str], None] = {}
        self.entities = iri(base + "graph/entities")
        # The graph the fact being written describes itself in (see :meth:`home`).
        self.fact_graph = self.entities
        self.ontology = iri(base + "graph/ontology")
        self.void = iri(base + "graph/void")
        self.scheme = iri(base + "topics")

    def node(self, kind: str, ident: str) -> str:
        return iri(fact_iri(self.base, kind, ident))

    def ref(self, ident: str) -> str:
        """The IRI of an actor or topic id."""
        return self.node("topic" if ident in self.facts.topics else "actor", ident)

    def add(self, graph: str, subject: str, predicate: str, obj: str) -> None:
        self.quads[(f"{subject} {predicate} {obj}", graph)] = None

    def home(self, evidence: tuple[Cited, ...]) -> str:
        """Make the graph of a fact's first source (by id) the one its description goes to.

        Each fact is described once, in one source's graph, so graphs stay source-sized
        (a Graph Store PUT a graph) and the union counts it once; whichever order the
        evidence is listed in, the same graph. Quotes another file adds (corroborating)
        are cited in their sources' graphs but move no description there.
        """
        own = [e.source for e in evidence if not e.corroborating] or [e.source for e in evidence]
        self.fact_graph = iri(f"{self.base}graph/{min(own)}")
        return self.fact_graph

    def labels(
        self,
        graph: str,
        subject: str,
        names: dict[str, str],
        aliases: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        for lang, text in names.items():
            term = literal(text, lang=lang)
            self.add(graph, subject, LABEL, term)
            self.add(graph, subject, PREF, term)
        for lang, texts in (aliases or {}).items():
            for text in texts:
                self.add(graph, subject, ALT, literal(text, lang=lang))

    def outside_knowledge(self, graph: str, subject: str, text: str | None) -> None:
        """What a curator added from outside the sources, marked as such."""
        if text:
            self.add(graph, subject, iri(DG_NS + "outsideKnowledge"), literal(text, lang="en"))

    def same_as(self, subject: str, wikidata: str | None) -> None:
        """A Wikidata id as owl:sameAs (reasoners) and schema:sameAs (schema.org users)."""
        if wikidata:
            entity = iri(WIKIDATA_ENTITY + wikidata)
            self.add(self.entities, subject, iri(OWL_NS + "sameAs"), entity)
            self.add(self.entities, subject, iri(SDO_NS + "sameAs"), entity)

    def provenance(self, subject: str, evidence: tuple[Evidence, ...]) -> None:
        """Each citation in its source's graph; the derivation IRI hashes source and quote,
        so reordering a fact's evidence changes no IRI."""
        self.cite(subject, cited(evidence))

    def cite(self, subject: str, evidence: tuple[Cited, ...]) -> None:
        """:meth:`provenance` of a projection's evidence."""
        for item in evidence:
            graph = iri(f"{self.base}graph/{item.source}")
            source = self.node("source", item.source)
            digest = hashlib.sha256(f"{item.source}\n{item.quote}".encode()).hexdigest()[:16]
            derivation = f"{subject[:-1]}/evidence/{digest}>"
            self.add(graph, subject, iri(PROV_NS + "wasDerivedFrom"), source)
            self.add(graph, subject, iri(PROV_NS + "qualifiedDerivation"), derivation)
            self.add(graph, derivation, A, iri(PROV_NS + "Derivation"))
            self.add(graph, derivation, iri(PROV_NS + "entity"), source)
            language = self.facts.sources[item.source].language
            self.add(graph, derivation, iri(DG_NS + "quote"), literal(item.quote, lang=language))
            if item.dataset is not None:
                self.dataset_record(graph, subject, f"{derivation[:-1]}/record>", item.dataset)
            if item.gloss:  # the curator's English, beside the verbatim quote
                self.add(graph, derivation, iri(DG_NS + "gloss"), literal(item.gloss, lang="en"))

    def dataset_record(self, graph: str, fact: str, record: str, cites: DatasetCitation) -> None:
        """A dataset citation as data, not only as its written-out quote: the fact
        ``prov:wasDerivedFrom`` the record (a ``prov:Entity``, ``dg:DatasetRecord``) that
        is ``dcterms:isPartOf`` the dataset source, with the entity, the property or field
        and the value as the dataset writes them (``dg:entityId``, ``dg:field``,
        ``rdf:value``), each qualifier, the ``schema:url`` of its address and the
        ``dcterms:date`` it was retrieved. A Wikidata statement is also reified with its
        IRIs: ``rdf:subject`` the item, ``rdf:predicate`` the direct property (wdt:P39),
        ``rdf:object`` the value when it is an item. The record hangs off the fact's
        derivation, so each fact's quads stay its own (see quad_stream)."""
        add = self.add
        wikidata = self.facts.sources[cites.dataset].format == "wikidata-json"
        add(graph, fact, iri(PROV_NS + "wasDerivedFrom"), record)
        add(graph, record, A, iri(PROV_NS + "Entity"))
        add(graph, record, A, iri(DG_NS + "DatasetRecord"))
        add(graph, record, iri(DCT_NS + "isPartOf"), self.node("source", cites.dataset))
        add(graph, record, iri(DG_NS + "entityId"), literal(cites.entity))
        add(graph, record, iri(DG_NS + "field"), literal(cites.property))
        add(graph, record, VALUE, literal(cites.value))
        add(graph, record, iri(DCT_NS + "date"), date_literal(cites.retrieved))
        if cites.address:
            add(graph, record, iri(SDO_NS + "url"), iri(cites.address))
        if wikidata and WIKIDATA_ITEM.match(cites.entity):
            add(graph, record, A, iri(RDF_NS + "Statement"))
            add(graph, record, iri(RDF_NS + "subject"), iri(WIKIDATA_ENTITY + cites.entity))
        if wikidata and WIKIDATA_PROPERTY.match(cites.property):
            direct = iri(WIKIDATA_DIRECT + cites.property)
            add(graph, record, iri(RDF_NS + "predicate"), direct)
        if wikidata and WIKIDATA_ITEM.match(cites.value):
            add(graph, record, iri(RDF_NS + "object"), iri(WIKIDATA_ENTITY + cites.value))
        for name, value in cites.qualifiers:
            qualifier = f"{record[:-1]}/qualifier/{iri_segment(name)}>"
            add(graph, record, iri(DG_NS + "qualifier"), qualifier)
            add(graph, qualifier, iri(DG_NS + "field"), literal(name))
            add(graph, qualifier, VALUE, literal(value))
            if wikidata and WIKIDATA_PROPERTY.match(name):
                add(graph, qualifier, iri(RDF_NS + "predicate"), iri(WIKIDATA_QUALIFIER + name))

    def span(self, subject: str, first: When | None, last: When | None) -> None:
        """Comparable bounds: the earliest day it may begin, the latest it may end."""
        if first is not None:
            self.add(
                self.fact_graph,
                subject,
                iri(SEM_NS + "hasEarliestBeginTimeStamp"),
                day_literal(first.first),
            )
        if last is not None:
            self.add(
                self.fact_graph,
                subject,
                iri(SEM_NS + "hasLatestEndTimeStamp"),
                day_literal(last.last),
            )

    def common(self, subject: str, fact: ContactRecord | PostRecord | StatementRecord) -> None:
        """Identifier, date, notes, summary and evidence: what every fact's projection
        carries."""
        graph = self.fact_graph
        self.add(graph, subject, IDENT, literal(fact.id))
        date = getattr(fact, "date", None)
        if date is not None:
            self.add(graph, subject, iri(SEM_NS + "hasTimeStamp"), date_literal(date))
            self.span(subject, date, date)
        for attribute, name in (
            ("date_note", "dateNote"),
            ("outside_knowledge", "outsideKnowledge"),
        ):
            text = getattr(fact, attribute, None)
            if text:
                self.add(graph, subject, iri(DG_NS + name), literal(text, lang="en"))
        summary = getattr(fact, "summary", None)
        if summary:
            self.add(graph, subject, COMMENT, literal(summary, lang="en"))
        self.cite(subject, fact.evidence)

    # -- ontology and entities -------------------------------------------------
    def add_ontology(self) -> None:
        """The ontology travels with the data: classes, CAMEO codes, statuses, kinds."""
        for triple in ontology_triples():
            self.quads[(triple, self.ontology)] = None

    def add_entities(self) -> None:
        self.add_scheme()
        for actor in self.facts.actors.values():
            self.add_actor(actor)
        for topic in self.facts.topics.values():
            self.add_topic(topic)
        for place in self.facts.places.values():
            self.add_place(place)
        for source in self.facts.sources.values():
            self.add_source(source)

    def add_scheme(self) -> None:
        """The SKOS concept scheme every topic is in."""
        self.add(self.entities, self.scheme, A, iri(SKOS_NS + "ConceptScheme"))
        self.add(self.entities, self.scheme, LABEL, literal("dipgraph topics", lang="en"))

    def add_actor(self, actor: Any) -> None:
        graph = self.entities
        subject = self.node("actor", actor.id)
        for cls in _ACTOR_CLASSES[actor.kind]:
            self.add(graph, subject, A, iri(cls))
        self.add(graph, subject, IDENT, literal(actor.id))
        self.labels(graph, subject, actor.names, actor.aliases)
        self.same_as(subject, getattr(actor, "wikidata", None))
        if actor.country:
            self.add(graph, subject, iri(DG_NS + "country"), self.node("actor", actor.country))
        for organization in actor.member_of:
            self.add(graph, subject, iri(ORG_NS + "memberOf"), self.node("actor", organization))
        if actor.part_of:
            self.add(
                graph,
                subject,
                iri(ORG_NS + "subOrganizationOf"),
                self.node("actor", actor.part_of),
            )
        self.outside_knowledge(graph, subject, actor.outside_knowledge)

    def add_topic(self, topic: Any) -> None:
        graph = self.entities
        subject = self.node("topic", topic.id)
        self.add(graph, subject, A, iri(SKOS_NS + "Concept"))
        self.add(graph, subject, iri(SKOS_NS + "inScheme"), self.scheme)
        self.add(graph, subject, IDENT, literal(topic.id))
        self.labels(graph, subject, topic.names, topic.aliases)
        self.same_as(subject, getattr(topic, "wikidata", None))
        if topic.broader:
            self.add(graph, subject, iri(SKOS_NS + "broader"), self.node("topic", topic.broader))

    def add_place(self, place: Any) -> None:
        """A place by its id (a renamed label keeps the IRI), typed SEM and schema.org."""
        graph = self.entities
        subject = self.node("place", place.id)
        self.add(graph, subject, A, iri(SEM_NS + "Place"))
        self.add(graph, subject, A, iri(SDO_NS + "Place"))
        self.add(graph, subject, IDENT, literal(place.id))
        self.labels(graph, subject, place.names, place.aliases)
        self.same_as(subject, place.wikidata)
        if place.in_:
            # A state is a schema:Country, itself a schema:Place.
            kind = "place" if place.in_ in self.facts.places else "actor"
            self.add(graph, subject, iri(SDO_NS + "containedInPlace"), self.node(kind, place.in_))
        self.outside_knowledge(graph, subject, place.outside_knowledge)

    def add_source(self, source: Any) -> None:
        graph = self.entities
        subject = self.node("source", source.id)
        self.add(graph, subject, A, iri(PROV_NS + "Entity"))
        self.add(graph, subject, A, iri(SDO_NS + "CreativeWork"))
        self.add(graph, subject, IDENT, literal(source.id))
        if source.title:
            self.add(
                graph, subject, iri(DCT_NS + "title"), literal(source.title, lang=source.language)
            )
        if source.title_en:
            self.add(graph, subject, iri(DCT_NS + "title"), literal(source.title_en, lang="en"))
        self.add(
            graph,
            subject,
            LABEL,
            literal(source.name, lang="en" if source.title_en else source.language),
        )
        # dcterms:language ranges over dcterms:LinguisticSystem: the Library of Congress
        # ISO 639 IRI of the primary subtag; the full BCP 47 tag as schema:inLanguage.
        primary = source.language.split("-")[0].lower()
        part = "iso639-1" if len(primary) == 2 else "iso639-2"
        language = iri(f"http://id.loc.gov/vocabulary/{part}/{primary}")
        self.add(graph, subject, iri(DCT_NS + "language"), language)
        self.add(graph, language, A, iri(DCT_NS + "LinguisticSystem"))
        self.add(graph, subject, iri(SDO_NS + "inLanguage"), literal(source.language))
        if source.publisher:
            # dcterms:publisher ranges over dcterms:Agent: one agent a publisher name.
            publisher = self.node("publisher", iri_segment(source.publisher))
            self.add(graph, subject, iri(DCT_NS + "publisher"), publisher)
            self.add(graph, publisher, A, iri(DCT_NS + "Agent"))
            self.add(graph, publisher, LABEL, literal(source.publisher))
        if source.published:
            self.add(graph, subject, iri(DCT_NS + "issued"), date_literal(source.published))
        if source.url:
            self.add(graph, subject, iri(SDO_NS + "url"), iri(source.url))

    # -- facts -----------------------------------------------------------------
    def position(self, post: PostRecord) -> tuple[str, str]:
        """The IRIs of the org:Post (a position in an organisation) and its org:Role, one
        for every holding of the same title in the same organisation."""
        key = (
            f"{post.organization}/{iri_segment(post.title)}"
            if post.organization
            else iri_segment(post.title)
        )
        position = self.node("position", key)
        return position, f"{position[:-1]}/role>"

    def define_position(self, held: Post) -> None:
        """The position of ``held``, described the first time it is met (with the
        labels of the first of its holdings in the facts' order)."""
        post = post_record(held)
        position, role = self.position(post)
        graph = self.entities
        if (f"{position} {A} {iri(ORG_NS + 'Post')}", graph) not in self.quads:
            self.add(graph, position, A, iri(ORG_NS + "Post"))
            self.labels(graph, position, post.names)
            self.add(graph, position, iri(ORG_NS + "role"), role)
            self.add(graph, role, A, iri(ORG_NS + "Role"))
            self.labels(graph, role, post.names)
            if post.organization:
                organization = self.node("actor", post.organization)
                self.add(graph, position, iri(ORG_NS + "postIn"), organization)

    def add_posts(self) -> None:
        for post in self.facts.posts.values():
            self.define_position(post)
            self.add_post(post)

    def add_post(self, held: Any) -> None:
        """A holding: an org:Membership with its interval (its position is described by
        :meth:`define_position`)."""
        add = self.add
        post = post_record(held)
        membership = self.node("post", post.id)
        stem = membership[:-1]
        holder = self.node("actor", post.holder)
        position, role = self.position(post)
        # Who held a position, undated, is shared by every holding: an entity triple.
        add(self.entities, position, iri(ORG_NS + "heldBy"), holder)
        add(self.entities, holder, iri(ORG_NS + "holds"), position)
        graph = self.home(post.evidence)
        add(graph, membership, A, iri(ORG_NS + "Membership"))
        add(graph, membership, iri(ORG_NS + "member"), holder)
        add(graph, membership, iri(ORG_NS + "role"), role)
        add(graph, membership, iri(DG_NS + "post"), position)
        if post.organization:
            organization = self.node("actor", post.organization)
            add(graph, membership, iri(ORG_NS + "organization"), organization)
        if post.start or post.end:
            interval = f"{stem}/interval>"
            add(graph, membership, iri(ORG_NS + "memberDuring"), interval)
            add(graph, interval, A, iri(TIME_NS + "Interval"))
            for date, end, name in (
                (post.start, "hasBeginning", "beginning"),
                (post.end, "hasEnd", "end"),
            ):
                if date:
                    instant = f"{stem}/{name}>"
                    add(graph, interval, iri(TIME_NS + end), instant)
                    add(graph, instant, A, iri(TIME_NS + "Instant"))
                    add(
                        graph,
                        instant,
                        iri(TIME_NS + _INSTANT[date.precision]),
                        date_literal(date),
                    )
            self.span(membership, post.start, post.end)
        if post.as_of:
            add(graph, membership, iri(DG_NS + "attestedOn"), date_literal(post.as_of))
        self.common(membership, post)

    def role(self, contact: str, role_type: str, actor: str, side: int | None = None) -> None:
        """SEM's role pattern: the contact has a sem:Role whose rdf:value is the actor."""
        graph = self.fact_graph
        node = f"{contact[:-1]}/{role_type.lower()}/{actor}>"
        self.add(graph, contact, iri(SEM_NS + "hasActor"), node)
        self.add(graph, node, A, iri(SEM_NS + "Role"))
        self.add(graph, node, VALUE, self.node("actor", actor))
        self.add(graph, node, iri(SEM_NS + "roleType"), iri(DG_NS + role_type))
        if side is not None:
            self.add(graph, node, iri(DG_NS + "side"), literal(str(side), datatype=INTEGER))

    def add_contacts(self) -> None:
        for contact in self.facts.contacts.values():
            self.add_contact(contact)

    def add_contact(self, fact: Any) -> None:
        """A contact, from its projection: a SEM event with its roles, codes, status."""
        add = self.add
        vocabularies = self.model.vocabularies
        # The contact's own code: its type's, unless hosted (044) or only intended (036).
        cameo = contact_cameo(vocabularies, fact)
        contact = contact_record(fact, cameo, plover_of(vocabularies, cameo))
        event, contact_class = iri(SEM_NS + "Event"), iri(DG_NS + "Contact")
        subject = self.node("contact", contact.id)
        graph = self.home(contact.evidence)
        add(graph, subject, A, event)
        add(graph, subject, A, contact_class)
        add(graph, subject, A, iri(DG_NS + class_name(contact.type)))
        add(graph, subject, iri(DG_NS + "cameoCode"), literal(contact.cameo))
        if contact.plover_event:
            add(graph, subject, iri(DG_NS + "ploverEvent"), literal(contact.plover_event))
        if contact.plover_mode:
            add(graph, subject, iri(DG_NS + "ploverMode"), literal(contact.plover_mode))
        for link in contact.links:  # parties with their side (from 1), then role-holders
            self.role(subject, ROLE_TYPES[link.role], link.actor, link.side)
        if contact.initiated_by:
            add(
                graph,
                subject,
                iri(DG_NS + "initiatedBy"),
                self.node("actor", contact.initiated_by),
            )
        for topic in contact.topics:
            add(graph, subject, SUBJECT, self.node("topic", topic))
        self.attributed(graph, subject, contact.reported_by)
        if contact.place:
            add(graph, subject, iri(SEM_NS + "hasPlace"), self.node("place", contact.place))
        add(
            graph,
            subject,
            iri(DG_NS + "secret"),
            literal("true" if contact.secret else "false", datatype=XSD_NS + "boolean"),
        )
        add(
            graph,
            subject,
            iri(DG_NS + "status"),
            iri(status_iri(contact.status)),
        )
        self.common(subject, contact)

    def add_statements(self) -> None:
        for statement in self.facts.statements.values():
            self.add_statement(statement)

    def add_statement(self, fact: Any) -> None:
        statement = statement_record(fact)
        subject = self.node("statement", statement.id)
        graph = self.home(statement.evidence)
        speaker = self.node("actor", statement.speaker)
        self.add(graph, subject, A, iri(SEM_NS + "Event"))
        self.add(graph, subject, A, iri(DG_NS + "Statement"))
        self.add(graph, subject, iri(DG_NS + "speaker"), speaker)
        self.add(
            graph,
            subject,
            iri(DG_NS + "statementKind"),
            iri(DG_NS + "Statement" + class_name(statement.kind)),
        )
        for target in statement.about:
            self.add(graph, subject, SUBJECT, self.ref(target))
        if statement.reported_by:
            self.attributed(graph, subject, (statement.reported_by,))
        self.common(subject, statement)

    def attributed(self, graph: str, subject: str, reporters: tuple[str, ...]) -> None:
        """Who reports a fact, when not its speaker or a party: prov:wasAttributedTo (the
        fact as an account ascribed to that agent)."""
        for reporter in reporters:
            self.add(graph, subject, iri(PROV_NS + "wasAttributedTo"), self.node("actor", reporter))

    def add_void(self) -> None:
        """A VoID description: the dataset as its dataset.yaml describes it (title,
        publisher, licence, languages), its named graphs as subsets, triple counts."""
        graph, add = self.void, self.add
        dataset = iri(self.base + "dataset")
        total = literal(str(len(self.quads)), datatype=INTEGER)  # the data, not this
        per_graph = self.graph_counts()
        about = dataset_of(self.facts.root)
        add(graph, dataset, A, iri(VOID_NS + "Dataset"))
        add(graph, dataset, iri(DCT_NS + "title"), literal(about.title, lang="en"))
        if about.description:
            add(graph, dataset, iri(DCT_NS + "description"), literal(about.description, lang="en"))
        if about.publisher:
            add(graph, dataset, iri(DCT_NS + "publisher"), literal(about.publisher))
        if about.licence:
            add(graph, dataset, iri(DCT_NS + "license"), iri(about.licence))
        for language in about.languages:
            add(graph, dataset, iri(DCT_NS + "language"), literal(language, datatype=LANGUAGE))
        add(graph, dataset, iri(VOID_NS + "triples"), total)
        add(graph, dataset, iri(VOID_NS + "uriSpace"), literal(self.base))
        for namespace in (DG_NS, SEM_NS, ORG_NS, PROV_NS, SKOS_NS, SDO_NS, TIME_NS, DCT_NS):
            add(graph, dataset, iri(VOID_NS + "vocabulary"), iri(namespace))
        for kind, plural in (("actor", "actors"), ("contact", "contacts")):
            first = next(iter(getattr(self.facts, plural)), None)
            if first is not None:
                add(graph, dataset, iri(VOID_NS + "exampleResource"), self.node(kind, first))
        for subset, count in per_graph.items():
            add(graph, dataset, iri(VOID_NS + "subset"), subset)
            add(graph, subset, A, iri(VOID_NS + "Dataset"))
            add(graph, subset, iri(VOID_NS + "triples"), literal(str(count), datatype=INTEGER))

    def graph_counts(self) -> dict[str, int]:
        """How many quads each graph holds so far, graphs in order of first use."""
        per_graph: dict[str, int] = {}
        for _, where in self.quads:
            per_graph[where] = per_graph.get(where, 0) + 1
        return per_graph

    def build(self) -> Quads:
        self.add_ontology()
        self.add_entities()
        self.add_posts()
        self.add_contacts()
        self.add_statements()
        self.add_void()
        return Quads(self.quads)


class Quads:
    """A compiled dataset: each quad once, its terms in N-Triples syntax, in writing order.

    Exports stream lines from here instead of building one text of the whole
    dataset (half a gigabyte at 100k contacts) and cutting it up again.

    >>> quads = Quads({("<s> <p> <o>", "<g1>"): None, ("<s> <p> <o>", "<g2>"): None})
    >>> len(quads), list(quads.ntriples_lines())
    (2, ['<s> <p> <o> .\\n'])
    """

    def __init__(self, quads: dict[tuple[str, str], None]) -> None:
        self._quads = quads

    def __len__(self) -> int:
        return len(self._quads)

    def nquads_lines(self) -> Iterator[str]:
        """Every quad as an N-Quads line."""
        return (f"{triple} {graph} .\n" for triple, graph in self._quads)

    def triples(self) -> Iterator[str]:
        """Every quad's triple (``s p o``) in writing order, a triple written into two
        graphs twice: for a format whose reader makes a set of them (Turtle), without the
        cost of :meth:`union` (2.9 s of CPU at 100k contacts)."""
        return map(itemgetter(0), self._quads)

    def union(self) -> Iterable[str]:
        """The union of all graphs, each triple once (``s p o``, without the final ``.``),
        in writing order."""
        return dict.fromkeys(map(itemgetter(0), self._quads))

    def ntriples_lines(self) -> Iterator[str]:
        """The union of all graphs as N-Triples lines, each triple once."""
        return (f"{triple} .\n" for triple in self.union())

    def nquads(self) -> str:
        """The whole dataset as one N-Quads text."""
        return "".join(self.nquads_lines())


@without_collector
def compile_quads(facts: Facts, model: Model, base: str = DEFAULT_BASE) -> Quads:
    """The whole dataset as quads, each triple in one named graph (see the module
    docstring: ontology, entities, facts, one graph of citations a source, VoID)."""
    return QuadWriter(facts, model, base).build()
