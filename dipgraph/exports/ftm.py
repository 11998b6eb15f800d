"""FollowTheMoney entities, one JSON object a line, for Aleph and the ``ftm`` tool chain.

Mapping (FtM schema in brackets):

- persons [Person]; organizations [Organization], or [PublicBody] when part of a
  state; states [PublicBody] (FtM has no schema for a state as an actor);
  a Wikidata id as ``wikidataId``; other names as ``alias``;
- a position held [Position], minted once per title and organization as in the RDF,
  and each holding [Occupancy] with its ``startDate`` / ``endDate``;
- a place [Address]: its English name as ``full``, other names as ``alias``, a Wikidata
  id as ``wikidataId`` (FtM has no schema for a city or a building; Address is its
  "location associated with an entity");
- a contact [Event]: its place as ``location`` (the name) and ``addressEntity`` (the
  Address); ``involved`` lists its parties, subjects and mediators, a host
  is its ``organizer``; the sides are spelled out in ``description`` (FtM has no
  sides, and an Event is not a set of pairs, so no colleague is paired);
- a statement [Event]: FtM has no schema for something said. An Event is a dated
  happening with a summary, sources (``proof``) and quotes (Documentation, below),
  which a statement is; its speaker is the ``organizer`` (the one Event property
  naming who made it happen: a Note or a Mention names no author, and a Message is a
  document that needs a body and a sender who sent it), the actors it is about are
  ``involved``, the topics its ``keywords``; ``name`` gives the kind, and
  ``description`` spells speaker, reporter and what it is about out by name;
- who reports a contact or a statement when not a party or the speaker
  (``reported_by``) [UnknownLink]: ``subject`` the reporter, ``object`` the fact,
  ``role`` ``reported_by`` (FtM's link between two things whose nature it has no
  schema for; not ``involved``, which would make the reporter a participant);
- a source [Document]; each quote of a contact or a statement [Documentation] linking
  the document to the event (``summary`` = the verbatim quote); every fact's ``proof``
  names its documents. FtM documents only things, not intervals, so an occupancy
  keeps its quotes as its ``summary``.

Topics have no FtM schema: they become an event's ``keywords``.
Dates keep their precision (``2022``, ``2022-11``). Entity ids are ``{kind}-{id}``
(``_`` written ``--``: FtM ids take no underscore and dipgraph ids never hold ``--``);
a reporter's link is ``reported-{fact}.{actor}``.
The library is not needed to write the file; the tests validate it with it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dipgraph.exports.atomic import atomic_text
from dipgraph.projection import (
    Cited,
    ContactRecord,
    StatementRecord,
    contact_record,
    date_text,
    post_record,
    statement_record,
)
from dipgraph.slugs import iri_segment

if TYPE_CHECKING:
    from dipgraph.facts import Facts
    from dipgraph.graph.knowledge import KnowledgeGraph

# FtM languages are ISO 639-3; the codes of the languages dipgraph sources are in.
_LANGUAGES = {
    "ar": "ara", "en": "eng", "ru": "rus", "fr": "fra", "de": "deu", "es": "spa",
    "zh": "zho", "fa": "fas", "tr": "tur", "uk": "ukr", "he": "heb",
}  # fmt: skip


def ftm_id(kind: str, ident: str) -> str:
    """An FtM entity id: ``contact-putin-biden-call``."""
    return f"{kind}-{ident}".replace("_", "--")


def entity(kind: str, ident: str, schema: str, **properties: Any) -> dict[str, Any]:
    """One entity; properties with no value are left out, every value is a list of text."""
    cleaned = {}
    for name, value in properties.items():
        values = value if isinstance(value, list | tuple) else [value]
        values = [str(v) for v in values if v is not None and v != ""]
        if values:
            cleaned[name] = list(dict.fromkeys(values))
    return {"id": ftm_id(kind, ident), "schema": schema, "properties": cleaned}


def _actor_schema(facts: Facts, ident: str) -> str:
    actor = facts.actors[ident]
    if actor.kind == "person":
        return "Person"
    if actor.kind == "state":
        return "PublicBody"
    parent = facts.actors.get(actor.part_of or "")
    return "PublicBody" if parent is not None and parent.kind == "state" else "Organization"


def _names(names: dict[str, str], aliases: dict[str, tuple[str, ...]]) -> tuple[str, list[str]]:
    others = [text for lang, text in names.items() if lang != "en"]
    return names["en"], [*others, *(a for texts in aliases.values() for a in texts)]


def _evidence(fact_kind: str, fact_id: str, evidence: tuple[Cited, ...]) -> Iterator[dict]:
    for number, item in enumerate(evidence, start=1):
        yield entity(
            "evidence",
            f"{fact_id}.{number}",
            "Documentation",
            document=ftm_id("source", item.source),
            entity=ftm_id(fact_kind, fact_id),
            role="evidence",
            summary=item.quote,
        )


def ftm_entities(kg: KnowledgeGraph) -> Iterator[dict[str, Any]]:
    """Every entity, sources, actors and places first so references point backwards."""
    facts = kg.facts
    for source in facts.sources.values():
        yield entity(
            "source",
            source.id,
            "Document",
            title=[source.title, source.title_en],
            language=_LANGUAGES.get(source.language.split("-")[0]),
            publisher=source.publisher,
            publishedAt=str(source.published) if source.published else None,
            sourceUrl=source.url,
            fileName=Path(source.file).name,
        )
    for actor in facts.actors.values():
        name, aliases = _names(actor.names, actor.aliases)
        yield entity(
            "actor",
            actor.id,
            _actor_schema(facts, actor.id),
            name=name,
            alias=aliases,
            wikidataId=actor.wikidata,
            notes=actor.outside_knowledge,
        )
    for place in facts.places.values():
        name, aliases = _names(place.names, place.aliases)
        yield entity(
            "place",
            place.id,
            "Address",
            name=name,
            full=name,
            alias=aliases,
            wikidataId=place.wikidata,
            notes=place.outside_knowledge,
        )
    positions: set[str] = set()
    for post in map(post_record, facts.posts.values()):
        key = (
            f"{post.organization}.{iri_segment(post.title)}"
            if post.organization
            else iri_segment(post.title)
        )
        if key not in positions:
            positions.add(key)
            yield entity(
                "position",
                key,
                "Position",
                name=post.title,
                alias=[t for lang, t in post.names.items() if lang != "en"],
                organization=ftm_id("actor", post.organization) if post.organization else None,
            )
        starts, ends = post.start or post.as_of, post.end
        yield entity(
            "post",
            post.id,
            "Occupancy",
            holder=ftm_id("actor", post.holder),
            post=ftm_id("position", key),
            startDate=date_text(starts),
            endDate=date_text(ends),
            status="ended" if post.end else "unknown",
            description=post.date_note,
            summary=[e.quote for e in post.evidence],
            proof=[ftm_id("source", e.source) for e in post.evidence],
        )
    labels = kg.model.vocabularies["contact_types"]
    for contact in facts.contacts.values():
        record = contact_record(contact, kg.cameo(contact), kg.plover(contact))
        yield _event(facts, record, labels[record.type]["label"])
        yield from _evidence("contact", record.id, record.evidence)
        yield from _reporters("contact", record.id, record.reported_by)
    kinds = kg.model.vocabularies.get("statement_kinds", {})
    for said in map(statement_record, facts.statements.values()):
        yield _said(facts, said, kinds.get(said.kind, {}).get("label", said.kind))
        yield from _evidence("statement", said.id, said.evidence)
        yield from _reporters("statement", said.id, (said.reported_by,) if said.reported_by else ())


#: The ``role`` of the UnknownLink from a reporter to the fact it reports: the
#: projection's field name, as every door names it.
REPORTED_BY = "reported_by"


def _reporters(fact_kind: str, fact_id: str, reporters: tuple[str, ...]) -> Iterator[dict]:
    """Who reports a fact (not a party, not the speaker): a link from each to the fact."""
    for reporter in reporters:
        yield entity(
            "reported",
            f"{fact_id}.{reporter}",
            "UnknownLink",
            subject=ftm_id("actor", reporter),
            object=ftm_id(fact_kind, fact_id),
            role=REPORTED_BY,
        )


def _said(facts: Facts, record: StatementRecord, label: str) -> dict[str, Any]:
    """A statement as an FtM Event: its speaker the ``organizer``, the actors it is
    about ``involved``, its topics ``keywords``; all spelled out in ``description``."""

    def name(ident: str) -> str:
        known = facts.actors.get(ident) or facts.topics[ident]
        return known.name

    said = f"Said by {name(record.speaker)}"
    if record.reported_by:
        said += f", as reported by {name(record.reported_by)}"
    if record.about:
        said += ". About: " + ", ".join(map(name, record.about))
    return entity(
        "statement",
        record.id,
        "Event",
        name=f"{label}: {record.id}",
        summary=record.summary,
        description=f"{said}.",
        date=date_text(record.date),
        organizer=ftm_id("actor", record.speaker),
        involved=[ftm_id("actor", a) for a in record.about if a in facts.actors],
        keywords=[facts.topics[t].name for t in record.about if t in facts.topics],
        proof=[ftm_id("source", e.source) for e in record.evidence],
    )


def _event(facts: Facts, record: ContactRecord, label: str) -> dict[str, Any]:
    """A contact as an FtM Event: its parties and role-holders are ``involved`` (hosts
    also its ``organizer``), each side and role spelled out by name in ``description``."""
    name = {a: facts.actors[a].name for a in dict.fromkeys(link.actor for link in record.links)}
    sides = "; ".join(
        f"side {n}: " + ", ".join(name[a] for a in side) for n, side in record.numbered_sides
    )
    roles = "; ".join(
        f"{role}s: " + ", ".join(name[a] for a in holders)
        for role, holders in record.roles.items()
        if holders
    )
    return entity(
        "contact",
        record.id,
        "Event",
        name=f"{label}: {record.id}",
        summary=record.summary,
        description=f"{sides}. {roles}".rstrip(". ")
        + f". Status: {record.status}. {_event_codes(record)}",
        date=date_text(record.date),
        location=facts.places[record.place].name if record.place else None,
        addressEntity=ftm_id("place", record.place) if record.place else None,
        involved=[
            ftm_id("actor", a) for a in (*record.participants, *record.subjects, *record.mediators)
        ],
        organizer=[ftm_id("actor", a) for a in record.hosts],
        keywords=[facts.topics[t].name for t in record.topics],
        proof=[ftm_id("source", e.source) for e in record.evidence],
    )


def _event_codes(record: ContactRecord) -> str:
    """The event codes FtM has no property for: CAMEO, and PLOVER's event and mode."""
    event, mode = record.plover_event, record.plover_mode
    plover = f"; PLOVER {event}" + (f" ({mode})" if mode else "") if event else ""
    return f"CAMEO {record.cameo}{plover}."


def write_ftm(kg: KnowledgeGraph, target: Path) -> Path:
    """Line-delimited FtM JSON (``ftm`` reads it: ``ftm validate``, ``ftm export-gexf``...)."""
    with atomic_text(target) as stream:
        for item in ftm_entities(kg):
            stream.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
    return target
