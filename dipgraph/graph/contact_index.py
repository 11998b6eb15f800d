"""What `talks` and `path` need to know about every fact, as plain tuples.

Rebuilding hundreds of thousands of records costs seconds; a query needs a few
of these rows. The compile cache stores each part of :meth:`ContactIndex.as_tuple`
as plain data, and each ``*_by_actor`` part together with the rows it points at
(see :data:`ContactIndex.POSITIONS`), so a warm ``talks`` or ``path`` reads only the
rows of the actors it visits. The full JSON view of a fact is stored apart and read
only for the rows a query returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from itertools import combinations
from typing import ClassVar

from dipgraph.dates import PartialDate
from dipgraph.facts import Facts

# (id, type, status, participants, topics, first day ordinal, last day ordinal)
ContactRow = tuple[str, str, str, tuple[str, ...], tuple[str, ...], int | None, int | None]
# (source, target, relation, fact id, first ordinal, last ordinal)
LinkRow = tuple[str, str, str, str, int | None, int | None]


def _positions(rows: Iterable[tuple[int, Iterable[str]]]) -> dict[str, tuple[int, ...]]:
    """actor -> the positions of the rows naming it, in order."""
    found: dict[str, list[int]] = {}
    for position, actors in rows:
        for actor in dict.fromkeys(actors):
            found.setdefault(actor, []).append(position)
    return {actor: tuple(positions) for actor, positions in found.items()}


def _pair_links(row: ContactRow) -> Iterator[LinkRow]:
    """One link per pair of a contact's participants, in participant order."""
    return ((a, b, row[1], row[0], row[5], row[6]) for a, b in combinations(row[3], 2))


def _ordinals(date: PartialDate | None) -> tuple[int | None, int | None]:
    return (date.first_day.toordinal(), date.last_day.toordinal()) if date else (None, None)


@dataclass(slots=True)
class ContactIndex:
    """Every contact's filterable fields, the static links, and the topic tree."""

    contacts: list[ContactRow] = field(default_factory=list)
    statics: list[LinkRow] = field(default_factory=list)
    broader: dict[str, str] = field(default_factory=dict)
    # actor id -> positions in contacts / statics: a path search reads one actor's rows.
    contacts_by_actor: dict[str, tuple[int, ...]] = field(default_factory=dict)
    statics_by_actor: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @classmethod
    def from_facts(cls, facts: Facts) -> ContactIndex:
        index = cls()
        for c in facts.contacts.values():
            index.contacts.append(
                (c.id, c.type, c.status, c.participants, c.topics, *_ordinals(c.date))
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
        index.contacts_by_actor = _positions((n, row[3]) for n, row in enumerate(index.contacts))
        index.statics_by_actor = _positions((n, row[:2]) for n, row in enumerate(index.statics))
        return index

    #: Parts listing positions in another part, by field name: the cache keeps the rows
    #: with each key, so reading an actor's positions also gives its rows.
    POSITIONS: ClassVar[dict[str, str]] = {
        "contacts_by_actor": "contacts",
        "statics_by_actor": "statics",
    }

    @classmethod
    def part_names(cls) -> tuple[str, ...]:
        """The names of :meth:`as_tuple`'s parts, in order."""
        return tuple(f.name for f in fields(cls))

    def as_tuple(self) -> tuple:
        """Everything, as plain data (lists, dicts, tuples, strings, numbers, None), in
        the order of :meth:`part_names` (see :meth:`from_tuple`)."""
        return (
            self.contacts,
            self.statics,
            self.broader,
            self.contacts_by_actor,
            self.statics_by_actor,
        )

    @classmethod
    def from_tuple(cls, data: tuple) -> ContactIndex:
        return cls(*data)

    def contacts_of(self, actor: str) -> list[ContactRow]:
        """The rows of the contacts naming ``actor``, in index order."""
        contacts = self.contacts
        return [contacts[position] for position in self.contacts_by_actor.get(actor, ())]

    def links_of(self, actor: str, any_status: bool) -> list[LinkRow]:
        """The contact links touching one actor, in the order :meth:`contact_pairs` gives."""
        contacts = self.contacts
        found = []
        for position in self.contacts_by_actor.get(actor, ()):
            row = contacts[position]
            if any_status or row[2] == "happened":
                found.extend(link for link in _pair_links(row) if actor in link[:2])
        return found

    def statics_of(self, actor: str) -> list[LinkRow]:
        """The post, membership and country links touching one actor."""
        return [self.statics[position] for position in self.statics_by_actor.get(actor, ())]

    def contact_pairs(self, any_status: bool) -> list[LinkRow]:
        """One link per pair of participants of every contact (that happened)."""
        return [
            link
            for row in self.contacts
            if any_status or row[2] == "happened"
            for link in _pair_links(row)
        ]
