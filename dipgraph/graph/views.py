"""JSON-ready views of facts: what commands print and the Python API returns."""

from __future__ import annotations

from typing import Any

from dipgraph.dates import PartialDate
from dipgraph.facts import Contact, Evidence, Facts, Post, Statement, cross_pairs


def date_text(date: PartialDate | None) -> str | None:
    """A partial date as written (2022, 2022-11, 2022-11-14), keeping its precision."""
    return None if date is None else str(date)


def interval_text(start: PartialDate | None, end: PartialDate | None) -> str | None:
    """An ISO 8601 interval ('2019/2021', '2019/..'), or None when both ends are unknown."""
    if start is None and end is None:
        return None
    return f"{date_text(start) or '..'}/{date_text(end) or '..'}"


def evidence_view(evidence: tuple[Evidence, ...]) -> list[dict[str, str]]:
    """{source, quote}, and the curator's English ``gloss`` where the facts give one."""
    return [
        {
            "source": item.source,
            "quote": item.quote,
            **({"gloss": item.gloss} if item.gloss else {}),
        }
        for item in evidence
    ]


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
    return {
        "id": contact.id,
        "type": contact.type,
        "cameo": cameo,
        "date": date_text(contact.date),
        "date_precision": contact.date.precision if contact.date else None,
        "date_note": contact.date_note,
        "status": contact.status,
        "secret": contact.secret,
        "place": place_view(facts, contact.place),
        "initiated_by": contact.initiated_by,
        "reported_by": [ref_view(facts, a) for a in contact.reported_by],
        "sides": [[ref_view(facts, a) for a in side] for side in contact.sides],
        "participants": [ref_view(facts, p) for p in contact.participants],
        "subjects": [ref_view(facts, a) for a in contact.subjects],
        "hosts": [ref_view(facts, a) for a in contact.hosts],
        "mediators": [ref_view(facts, a) for a in contact.mediators],
        "topics": [ref_view(facts, t) for t in contact.topics],
        "summary": contact.summary,
        "evidence": evidence_view(contact.evidence),
    }


def with_pairs(view: dict[str, Any]) -> dict[str, Any]:
    """A contact view with its cross-side ``pairs`` of ids, derived from its sides.

    Pairs are derived when a view is returned, not stored: a contact of 500 against
    500 parties has 250,000 of them.
    """
    sides = tuple(tuple(actor["id"] for actor in side) for side in view["sides"])
    return {**view, "pairs": [list(pair) for pair in cross_pairs(sides)]}


def post_view(facts: Facts, post: Post) -> dict[str, Any]:
    return {
        "id": post.id,
        "holder": post.holder,
        "post": post.title,
        "post_names": post.post,
        "organization": ref_view(facts, post.organization) if post.organization else None,
        "from": date_text(post.from_),
        "until": date_text(post.until),
        "as_of": date_text(post.as_of),
        "date_note": post.date_note,
        "evidence": evidence_view(post.evidence),
    }


def statement_view(facts: Facts, statement: Statement) -> dict[str, Any]:
    return {
        "id": statement.id,
        "speaker": ref_view(facts, statement.speaker),
        "kind": statement.kind,
        "reported_by": ref_view(facts, statement.reported_by) if statement.reported_by else None,
        "date": date_text(statement.date),
        "date_note": statement.date_note,
        "about": [ref_view(facts, ident) for ident in statement.about],
        "summary": statement.summary,
        "evidence": evidence_view(statement.evidence),
    }
