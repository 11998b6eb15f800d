"""JSON-ready views of facts: what commands print and the Python API returns.

Each view reads the fact's projection (:mod:`dipgraph.projection`) and adds the names
of the actors, topics and places it refers to."""

from __future__ import annotations

from typing import Any

from dipgraph import projection
from dipgraph.dates import PartialDate
from dipgraph.facts import Contact, Facts, Post, Statement, cross_pairs
from dipgraph.projection import Cited, contact_record, post_record, statement_record


def date_text(date: PartialDate | None) -> str | None:
    """A partial date as written (2022, 2022-11, 2022-11-14), keeping its precision."""
    return None if date is None else str(date)


def evidence_view(evidence: tuple[Cited, ...]) -> list[dict[str, str]]:
    """Evidence as JSON doors list it (see :meth:`dipgraph.projection.Cited.view`)."""
    return [item.view() for item in evidence]


def ref_view(facts: Facts, ident: str) -> dict[str, str]:
    """{id, name} of an actor or topic."""
    record = facts.actors.get(ident) or facts.topics.get(ident)
    return {"id": ident, "name": record.name if record else ident}


def place_view(facts: Facts, ident: str | None) -> dict[str, Any] | None:
    """{id, name, names} of a contact's place: printed by name, linked by id."""
    if ident is None:
        return None
    place = facts.places.get(ident)
    return {
        "id": ident,
        "name": place.name if place else ident,
        "names": dict(place.names) if place else {},
    }


def contact_view(facts: Facts, contact: Contact, cameo: str) -> dict[str, Any]:
    """A contact as `talks` prints it, read from its projection (names added)."""
    record = contact_record(contact, cameo)
    date = record.date
    return {
        "id": record.id,
        "type": record.type,
        "cameo": record.cameo,
        "date": projection.date_text(date),
        "date_precision": date.precision if date else None,
        "date_note": record.date_note,
        "status": record.status,
        "secret": record.secret,
        "place": place_view(facts, record.place),
        "initiated_by": record.initiated_by,
        "reported_by": [ref_view(facts, a) for a in record.reported_by],
        "sides": [[ref_view(facts, a) for a in side] for side in record.sides],
        "participants": [ref_view(facts, p) for p in record.participants],
        **{f"{role}s": [ref_view(facts, a) for a in ids] for role, ids in record.roles.items()},
        "topics": [ref_view(facts, t) for t in record.topics],
        "summary": record.summary,
        "evidence": evidence_view(record.evidence),
    }


def with_pairs(view: dict[str, Any]) -> dict[str, Any]:
    """A contact view with its cross-side ``pairs`` of ids, derived from its sides.

    Pairs are derived when a view is returned, not stored: a contact of 500 against
    500 parties has 250,000 of them.
    """
    sides = tuple(tuple(actor["id"] for actor in side) for side in view["sides"])
    return {**view, "pairs": [list(pair) for pair in cross_pairs(sides)]}


def post_view(facts: Facts, post: Post) -> dict[str, Any]:
    record = post_record(post)
    return {
        "id": record.id,
        "holder": record.holder,
        "post": record.title,
        "post_names": record.names,
        "organization": ref_view(facts, record.organization) if record.organization else None,
        "from": projection.date_text(record.start),
        "until": projection.date_text(record.end),
        "as_of": projection.date_text(record.as_of),
        "date_note": record.date_note,
        "evidence": evidence_view(record.evidence),
    }


def post_hop(facts: Facts, post: Post) -> dict[str, Any]:
    """A post as a hop of `path` names it: its interval, holder and title, evidence."""
    record = post_record(post)
    return {
        "date": record.interval,
        "summary": f"{facts.actors[record.holder].name}: {record.title}",
        "evidence": evidence_view(record.evidence),
    }


def statement_view(facts: Facts, statement: Statement) -> dict[str, Any]:
    record = statement_record(statement)
    return {
        "id": record.id,
        "speaker": ref_view(facts, record.speaker),
        "kind": record.kind,
        "reported_by": ref_view(facts, record.reported_by) if record.reported_by else None,
        "date": projection.date_text(record.date),
        "date_note": record.date_note,
        "about": [ref_view(facts, ident) for ident in record.about],
        "summary": record.summary,
        "evidence": evidence_view(record.evidence),
    }
