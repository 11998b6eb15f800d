"""What `talks` and `path` need to know about every fact, as named tuples.

Rebuilding hundreds of thousands of records costs seconds; a query needs a few
of these rows. A cache may store each part of :meth:`ContactIndex.as_tuple` as plain
data, and each ``*_by_actor`` part together with the rows it points at (see
:data:`ContactIndex.POSITIONS`), so a warm ``talks`` or ``path`` reads only the rows
of the actors it visits; it gives the rows back as :class:`ContactRow` and
:class:`~dipgraph.graph.paths.Link` (see :data:`ContactIndex.ROW_TYPES`). The full
JSON view of a fact is stored apart and read only for the rows a query returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from typing import ClassVar, NamedTuple

from dipgraph.dates import PartialDate
from dipgraph.facts import Facts, cross_pairs, status_counts
from dipgraph.graph.paths import Link


class ContactRow(NamedTuple):
    """A contact as `talks` and `path` filter it (a cache stores it as a plain array
    and gives it back as a ContactRow: see :data:`ContactIndex.ROW_TYPES`)."""

    id: str
    type: str
    status: str
    sides: tuple[tuple[str, ...], ...]  # one tuple of actor ids a side, in side order
    topics: tuple[str, ...]
    first_day: int | None  # the first day it may have happened on (date.toordinal())
    last_day: int | None  # the last such day
    roles: tuple[tuple[str, str], ...]  # (role, actor id): subjects, hosts, mediators


# A post, membership or country link, or one pair of a contact: (source, target,
# relation, fact id, first ordinal, last ordinal).
LinkRow = Link


def _positions(rows: Iterable[tuple[int, Iterable[str]]]) -> dict[str, tuple[int, ...]]:
    """actor -> the positions of the rows naming it, in order."""
    found: dict[str, list[int]] = {}
    for position, actors in rows:
        for actor in dict.fromkeys(actors):
            found.setdefault(actor, []).append(position)
    return {actor: tuple(positions) for actor, positions in found.items()}


def _pair_links(row: ContactRow) -> Iterator[LinkRow]:
    """One link per pair of actors on different sides, in side order (never two of one side)."""
    kind, ident, first, last = row.type, row.id, row.first_day, row.last_day
    return (Link(a, b, kind, ident, first, last) for a, b in cross_pairs(row.sides))


def _links_of_party(row: ContactRow, actor: str) -> list[LinkRow]:
    """The links of :func:`_pair_links` that touch ``actor``, in the same order, without
    enumerating every pair (a contact of 1,000 parties has 250,000 of them)."""
    sides = row.sides
    mine = next(n for n, side in enumerate(sides) if actor in side)
    kind, ident, first, last = row.type, row.id, row.first_day, row.last_day
    before = [Link(b, actor, kind, ident, first, last) for side in sides[:mine] for b in side]
    after = [Link(actor, b, kind, ident, first, last) for side in sides[mine + 1 :] for b in side]
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
                ContactRow(c.id, c.type, c.status, c.sides, c.topics, *_ordinals(c.date), roles)
            )
        for post in facts.posts.values():
            if post.organization:
                index.statics.append(
                    Link(
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
                    Link(actor.id, t, relation, f"{relation}:{actor.id}:{t}", None, None)
                    for t in targets
                    if t
                )
        broader = {t.id: t.broader for t in facts.topics.values() if t.broader}
        return cls.from_rows(index.contacts, index.statics, broader)

    @classmethod
    def from_rows(
        cls, contacts: list[ContactRow], statics: list[LinkRow], broader: dict[str, str]
    ) -> ContactIndex:
        """The index of these rows: the positions by actor are found here (the rows may
        come from the parts of several files, see dipgraph.cached_graph.file_parts)."""
        index = cls(contacts, statics, broader)
        # (a stored row is a plain tuple: sides at 3, roles at 7)
        index.contacts_by_actor = _positions(
            (n, (a for side in row[3] for a in side)) for n, row in enumerate(contacts)
        )
        index.roles_by_actor = _positions(
            (n, (a for _, a in row[7])) for n, row in enumerate(contacts)
        )
        index.statics_by_actor = _positions((n, row[:2]) for n, row in enumerate(statics))
        return index

    #: Parts listing positions in another part, by field name: the cache keeps the rows
    #: with each key, so reading an actor's positions also gives its rows.
    POSITIONS: ClassVar[dict[str, str]] = {
        "contacts_by_actor": "contacts",
        "statics_by_actor": "statics",
        "roles_by_actor": "contacts",
    }

    #: List parts whose rows have a type, by field name: a cache storing a row as a plain
    #: array gives it back through the type's ``_make``.
    ROW_TYPES: ClassVar[dict[str, type[ContactRow] | type[Link]]] = {
        "contacts": ContactRow,
        "statics": Link,
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
            self.roles_by_actor,
        )

    @classmethod
    def from_tuple(cls, data: tuple) -> ContactIndex:
        return cls(*data)

    def row(self, position: int) -> ContactRow:
        """The contact at ``position``."""
        return self.contacts[position]

    def rows(self) -> Iterator[ContactRow]:
        """Every contact, in order."""
        return iter(self.contacts)

    def links_of(self, actor: str, any_status: bool) -> list[LinkRow]:
        """The contact links touching one actor, in the order :meth:`contact_pairs` gives."""
        found = []
        for position in self.contacts_by_actor.get(actor, ()):
            row = self.row(position)
            if status_counts(row.status, any_status):
                found.extend(_links_of_party(row, actor))
        return found

    def statics_of(self, actor: str) -> list[LinkRow]:
        """The post, membership and country links touching one actor."""
        return [self.statics[position] for position in self.statics_by_actor.get(actor, ())]

    def contact_pairs(self, any_status: bool) -> list[LinkRow]:
        """One link per cross-side pair of every contact (that happened)."""
        return [
            link
            for row in self.rows()
            if status_counts(row.status, any_status)
            for link in _pair_links(row)
        ]
