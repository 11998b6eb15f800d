"""What `talks` and `path` need to know about every fact, as plain tuples.

Rebuilding hundreds of thousands of records from a pickle costs seconds; these
tuples load with :mod:`marshal` in a fraction of that. The full JSON view of a
fact is stored apart (see :class:`ViewStore`) and read only for the rows a
query returns.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dipgraph.dates import PartialDate
from dipgraph.facts import Facts, cross_pairs

# (id, type, status, sides, topics, first day ordinal, last day ordinal, role-holders)
# sides: one tuple of actor ids a side; role-holders: (role, actor id) pairs.
ContactRow = tuple[
    str,
    str,
    str,
    tuple[tuple[str, ...], ...],
    tuple[str, ...],
    int | None,
    int | None,
    tuple[tuple[str, str], ...],
]
# (source, target, relation, fact id, first ordinal, last ordinal)
LinkRow = tuple[str, str, str, str, int | None, int | None]


def _positions(rows: Iterable[tuple[int, Iterable[str]]]) -> dict[str, tuple[int, ...]]:
    """actor -> the positions of the rows naming it, in order."""
    found: dict[str, list[int]] = {}
    for position, actors in rows:
        for actor in dict.fromkeys(actors):
            found.setdefault(actor, []).append(position)
    # Tuples, not lists: marshal loads them faster.
    return {actor: tuple(positions) for actor, positions in found.items()}


def _pair_links(row: ContactRow) -> Iterator[LinkRow]:
    """One link per pair of actors on different sides, in side order (never two of one side)."""
    return ((a, b, row[1], row[0], row[5], row[6]) for a, b in cross_pairs(row[3]))


def _links_of_party(row: ContactRow, actor: str) -> list[LinkRow]:
    """The links of :func:`_pair_links` that touch ``actor``, in the same order, without
    enumerating every pair (a contact of 1,000 parties has 250,000 of them)."""
    sides = row[3]
    mine = next(n for n, side in enumerate(sides) if actor in side)
    kind, ident, first, last = row[1], row[0], row[5], row[6]
    before = [(b, actor, kind, ident, first, last) for side in sides[:mine] for b in side]
    after = [(actor, b, kind, ident, first, last) for side in sides[mine + 1 :] for b in side]
    return before + after


def _ordinals(date: PartialDate | None) -> tuple[int | None, int | None]:
    return (date.first_day.toordinal(), date.last_day.toordinal()) if date else (None, None)


@dataclass(slots=True)
class ContactIndex:
    """Every contact's filterable fields, the static links, and the topic tree."""

    contacts: list[ContactRow] = field(default_factory=list)
    statics: list[LinkRow] = field(default_factory=list)
    broader: dict[str, str] = field(default_factory=dict)
    # actor id -> positions in contacts / statics: a path search reads one actor's rows.
    contacts_by_actor: dict[str, tuple[int, ...]] = field(default_factory=dict)  # parties
    statics_by_actor: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # actor id -> positions of the contacts it holds a role in (subject, host, mediator).
    roles_by_actor: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @classmethod
    def from_facts(cls, facts: Facts) -> ContactIndex:
        index = cls()
        for c in facts.contacts.values():
            roles = tuple((role, a) for role, holders in c.roles.items() for a in holders)
            index.contacts.append(
                (c.id, c.type, c.status, c.sides, c.topics, *_ordinals(c.date), roles)
            )
        for post in facts.posts.values():
            if post.organization:
                index.statics.append(
                    (
                        post.holder,
                        post.organization,
                        "post",
                        post.id,
                        post.from_.first_day.toordinal() if post.from_ else None,
                        post.until.last_day.toordinal() if post.until else None,
                    )
                )
        for actor in facts.actors.values():
            for relation, targets in (
                ("member_of", actor.member_of),
                ("part_of", (actor.part_of,)),
                ("country", (actor.country,)),
            ):
                index.statics.extend(
                    (actor.id, t, relation, f"{relation}:{actor.id}:{t}", None, None)
                    for t in targets
                    if t
                )
        index.broader = {t.id: t.broader for t in facts.topics.values() if t.broader}
        index.contacts_by_actor = _positions(
            (n, (a for side in row[3] for a in side)) for n, row in enumerate(index.contacts)
        )
        index.roles_by_actor = _positions(
            (n, (a for _, a in row[7])) for n, row in enumerate(index.contacts)
        )
        index.statics_by_actor = _positions((n, row[:2]) for n, row in enumerate(index.statics))
        return index

    def as_tuple(self) -> tuple:
        """Everything, as plain data for :mod:`marshal` (see :meth:`from_tuple`)."""
        return (
            self.contacts,
            self.statics,
            self.broader,
            self.contacts_by_actor,
            self.statics_by_actor,
            self.roles_by_actor,
        )

    @classmethod
    def from_tuple(cls, data: tuple) -> ContactIndex:
        return cls(*data)

    def links_of(self, actor: str, any_status: bool) -> list[LinkRow]:
        """The contact links touching one actor, in the order :meth:`contact_pairs` gives."""
        contacts = self.contacts
        found = []
        for position in self.contacts_by_actor.get(actor, ()):
            row = contacts[position]
            if any_status or row[2] == "happened":
                found.extend(_links_of_party(row, actor))
        return found

    def statics_of(self, actor: str) -> list[LinkRow]:
        """The post, membership and country links touching one actor."""
        return [self.statics[position] for position in self.statics_by_actor.get(actor, ())]

    def contact_pairs(self, any_status: bool) -> list[LinkRow]:
        """One link per cross-side pair of every contact (that happened)."""
        return [
            link
            for row in self.contacts
            if any_status or row[2] == "happened"
            for link in _pair_links(row)
        ]


class ViewStore:
    """JSON views of facts, one line each, read by byte offset."""

    def __init__(self, path: Path, offsets: dict[str, tuple[int, int]]) -> None:
        self.path = path
        self.offsets = offsets

    @staticmethod
    def write(path: Path, views: dict[str, dict[str, Any]]) -> dict[str, tuple[int, int]]:
        offsets: dict[str, tuple[int, int]] = {}
        position = 0
        with path.open("wb") as stream:
            for ident, view in views.items():
                line = json.dumps(view, ensure_ascii=False).encode("utf-8") + b"\n"
                stream.write(line)
                offsets[ident] = (position, len(line))
                position += len(line)
        return offsets

    def get(self, idents: list[str]) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        with self.path.open("rb") as stream:
            for ident in sorted(
                set(idents) & self.offsets.keys(), key=lambda i: self.offsets[i][0]
            ):
                start, length = self.offsets[ident]
                stream.seek(start)
                found[ident] = json.loads(stream.read(length))
        return found
