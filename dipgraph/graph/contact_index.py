"""What `talks` and `path` need to know about every fact, as plain tuples.

Rebuilding hundreds of thousands of records from a pickle costs seconds; these
tuples load with :mod:`marshal` in a fraction of that. The full JSON view of a
fact is stored apart (see :class:`ViewStore`) and read only for the rows a
query returns.
"""

from __future__ import annotations

import json
import marshal
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from dipgraph.dates import PartialDate
from dipgraph.facts import Facts

# (id, type, status, participants, topics, first day ordinal, last day ordinal)
ContactRow = tuple[str, str, str, tuple[str, ...], tuple[str, ...], int | None, int | None]
# (source, target, relation, fact id, first ordinal, last ordinal)
LinkRow = tuple[str, str, str, str, int | None, int | None]


def _ordinals(date: PartialDate | None) -> tuple[int | None, int | None]:
    return (date.first_day.toordinal(), date.last_day.toordinal()) if date else (None, None)


@dataclass(slots=True)
class ContactIndex:
    """Every contact's filterable fields, the static links, and the topic tree."""

    contacts: list[ContactRow] = field(default_factory=list)
    statics: list[LinkRow] = field(default_factory=list)
    broader: dict[str, str] = field(default_factory=dict)

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
        return index

    def contact_pairs(self, any_status: bool) -> list[LinkRow]:
        """One link per pair of participants of every contact (that happened)."""
        return [
            (a, b, row[1], row[0], row[5], row[6])
            for row in self.contacts
            if any_status or row[2] == "happened"
            for a, b in combinations(row[3], 2)
        ]

    def dump(self, path: Path) -> None:
        path.write_bytes(marshal.dumps((self.contacts, self.statics, self.broader)))

    @classmethod
    def load(cls, path: Path) -> ContactIndex:
        contacts, statics, broader = marshal.loads(path.read_bytes())
        return cls(contacts, statics, broader)


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
