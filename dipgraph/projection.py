"""One projection of each fact kind: the typed records every door reads.

The loader's records (:mod:`dipgraph.facts`) keep what the curator wrote. These are
named tuples (immutable, and quick to make: a door builds them as it writes). Every door
(RDF, NetworkX and its GraphML/GEXF/CSV, FtM, JSON-LD through the RDF, the page's
data, `talks`/`path`/`show` and the Python API) used to turn them into its own dict,
numbering sides, naming roles, writing dates and listing evidence each its own way;
they now read these records, so the field names and the numbering are written once:

- a contact's ``links``: each party with its side, numbered from 1
  (:data:`dipgraph.facts.FIRST_SIDE`), then each role-holder with its role;
- a date's ``text`` as written (its precision kept), its ``precision`` and the first
  and last day it may denote;
- evidence as source and quote, and for a dataset citation the dataset's fields.

>>> from dipgraph.facts import Contact, Evidence
>>> from dipgraph.dates import PartialDate
>>> c = Contact("c", "meeting", (("a", "b"), ("c",)), "...", (Evidence("s1", "q"),),
...             hosts=("h",), date=PartialDate(2022, 11))
>>> record = contact_record(c, cameo="044")
>>> [(link.actor, link.role, link.side) for link in record.links]
[('a', 'party', 1), ('b', 'party', 1), ('c', 'party', 2), ('h', 'host', None)]
>>> record.date.text, record.date.precision, record.date.first.isoformat()
('2022-11', 'month', '2022-11-01')
>>> record.hosts, record.evidence[0].view()
(('h',), {'source': 's1', 'quote': 'q'})
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, NamedTuple

from dipgraph.dates import PartialDate
from dipgraph.facts import ROLES, Contact, Evidence, Post, Statement, numbered_sides

PARTY = "party"
#: How an actor is linked to a contact: a party (with its side) or a role-holder.
LINK_ROLES = (PARTY, *ROLES)


class When(NamedTuple):
    """A partial date: as written (its precision kept), and the days it may denote
    (each worked out when a door reads it: most read only the text).

    >>> date = when(PartialDate(2019))
    >>> date.text, date.precision, date.first.isoformat(), date.last.isoformat()
    ('2019', 'year', '2019-01-01', '2019-12-31')
    """

    date: PartialDate

    @property
    def text(self) -> str:
        """As written: 2022, 2022-11 or 2022-11-14."""
        return str(self.date)

    @property
    def precision(self) -> str:
        """year, month or day."""
        return self.date.precision

    @property
    def first(self) -> dt.date:
        return self.date.first_day

    @property
    def last(self) -> dt.date:
        return self.date.last_day

    def __str__(self) -> str:
        return self.text


def when(date: PartialDate | None) -> When | None:
    return None if date is None else When(date)


def date_text(date: When | None) -> str | None:
    """The date as written, or None: what every JSON door and GraphML write."""
    return None if date is None else date.text


class DatasetCitation(NamedTuple):
    """The dataset fields of a citation (see :mod:`dipgraph.loader.citations`)."""

    dataset: str  # the source holding the dataset file
    entity: str  # the Wikidata item or FtM entity id
    property: str  # the Wikidata property (P39) or FtM field
    value: str
    qualifiers: tuple[tuple[str, str], ...]
    retrieved: When
    address: str | None = None


class Cited(NamedTuple):
    """One piece of evidence: a quote of a source, or a dataset's statement written out."""

    source: str
    quote: str
    corroborating: bool = False  # added by another file (a ``corroborations:`` entry)
    dataset: DatasetCitation | None = None
    gloss: str | None = None  # the curator's English for the quote

    def view(self) -> dict[str, str]:
        """As JSON doors list it: ``{source, quote}``, and the curator's English
        ``gloss`` where the facts give one."""
        shown = {"source": self.source, "quote": self.quote}
        return {**shown, "gloss": self.gloss} if self.gloss else shown


def cited(evidence: tuple[Evidence, ...]) -> tuple[Cited, ...]:
    """A fact's evidence, dataset citations with their fields.

    >>> from dipgraph.facts import Citation
    >>> c = Citation("Q1", "P39", "Q2", {"P580": "2016"}, PartialDate(2026, 12, 1))
    >>> cited((Evidence("wd", "Q1 P39 Q2", cites=c),))[0].dataset.qualifiers
    (('P580', '2016'),)
    """
    return tuple(
        Cited(
            item.source,
            item.quote,
            item.corroborating,
            None
            if item.cites is None
            else DatasetCitation(
                item.source,
                item.cites.entity,
                item.cites.property,
                item.cites.value,
                tuple(item.cites.qualifiers.items()),
                when(item.cites.retrieved),  # type: ignore[arg-type]  # always dated
                item.cites.address,
            ),
            item.gloss,
        )
        for item in evidence
    )


def evidence_json(evidence: tuple[Cited, ...]) -> str:
    """Evidence as JSON text (``[{source, quote}]``): the attribute value of NetworkX,
    GraphML, GEXF and CSV, which carry no lists."""
    return json.dumps([item.view() for item in evidence], ensure_ascii=False)


class Link(NamedTuple):
    """An actor linked to a contact: a ``party`` on side ``side`` (from 1), or a
    ``subject``, ``host`` or ``mediator`` (no side: role-holders are not parties)."""

    actor: str
    role: str
    side: int | None = None


class ContactRecord(NamedTuple):
    """A contact as every door presents it (``sides[n - 1]`` is side n)."""

    id: str
    type: str
    status: str
    secret: bool
    sides: tuple[tuple[str, ...], ...]
    links: tuple[Link, ...]
    initiated_by: str | None
    reported_by: tuple[str, ...]
    place: str | None
    date: When | None
    date_note: str | None
    topics: tuple[str, ...]
    summary: str
    evidence: tuple[Cited, ...]
    outside_knowledge: str | None
    cameo: str
    plover_event: str | None = None
    plover_mode: str | None = None

    def holders(self, role: str) -> tuple[str, ...]:
        """The actors linked in ``role`` (``party``: every party, side after side)."""
        return tuple(link.actor for link in self.links if link.role == role)

    @property
    def numbered_sides(self) -> tuple[tuple[int, tuple[str, ...]], ...]:
        """Each side with its number, from 1, as its parties' links carry it."""
        return tuple(numbered_sides(self.sides))

    @property
    def roles(self) -> dict[str, tuple[str, ...]]:
        """Role-holders by role (subject, host, mediator), as the facts name them."""
        return {role: self.holders(role) for role in ROLES}

    @property
    def subjects(self) -> tuple[str, ...]:
        return self.holders("subject")

    @property
    def hosts(self) -> tuple[str, ...]:
        return self.holders("host")

    @property
    def mediators(self) -> tuple[str, ...]:
        return self.holders("mediator")

    @property
    def participants(self) -> tuple[str, ...]:
        return self.holders(PARTY)


#: Every field of a contact's record, in order: the names every door uses.
CONTACT_FIELDS = ContactRecord._fields
#: The fields NetworkX, GraphML, GEXF and CSV carry on a contact node (plain values:
#: ``sides``, ``reported_by`` and ``evidence`` as JSON text), in this order.
NETWORK_CONTACT_FIELDS = (
    "type",
    "cameo",
    "plover_event",
    "plover_mode",
    "date",
    "status",
    "secret",
    "sides",
    "initiated_by",
    "reported_by",
    "summary",
    "evidence",
)


def contact_record(
    contact: Contact, cameo: str = "", plover: tuple[str | None, str | None] = (None, None)
) -> ContactRecord:
    """The projection of a contact (``cameo``, ``plover``: its codes, which come from
    the vocabularies: see :mod:`dipgraph.graph.cameo`)."""
    links = [Link(a, PARTY, n) for n, side in numbered_sides(contact.sides) for a in side]
    links += [Link(a, role, None) for role, ids in contact.roles.items() for a in ids]
    return ContactRecord(
        id=contact.id,
        type=contact.type,
        status=contact.status,
        secret=contact.secret,
        sides=contact.sides,
        links=tuple(links),
        initiated_by=contact.initiated_by,
        reported_by=contact.reported_by,
        place=contact.place,
        date=when(contact.date),
        date_note=contact.date_note,
        topics=contact.topics,
        summary=contact.summary,
        evidence=cited(contact.evidence),
        outside_knowledge=contact.outside_knowledge,
        cameo=cameo,
        plover_event=plover[0],
        plover_mode=plover[1],
    )


def network_contact(record: ContactRecord) -> dict[str, Any]:
    """A contact node's attributes in NetworkX (and so GraphML, GEXF, CSV): the
    :data:`NETWORK_CONTACT_FIELDS` as plain values, unknown ones left out (GraphML has
    no null).

    >>> c = Contact("c", "meeting", (("a",), ("b",)), "...", (), reported_by=("r",))
    >>> shown = network_contact(contact_record(c, "040"))
    >>> shown["sides"], shown["reported_by"]
    ('[["a"], ["b"]]', '["r"]')
    """
    plain: dict[str, Any] = {
        "date": date_text(record.date),
        "sides": json.dumps([list(side) for side in record.sides]),
        "reported_by": json.dumps(list(record.reported_by)) if record.reported_by else None,
        "evidence": evidence_json(record.evidence),
    }
    values = {name: plain.get(name, getattr(record, name, None)) for name in NETWORK_CONTACT_FIELDS}
    return {name: value for name, value in values.items() if value is not None}


class PostRecord(NamedTuple):
    """A post held (a holding of a position): dates as :class:`When`."""

    id: str
    holder: str
    title: str
    names: dict[str, str]
    organization: str | None
    start: When | None  # the facts' ``from``
    end: When | None  # the facts' ``until``
    as_of: When | None  # a day it is attested on
    date_note: str | None
    evidence: tuple[Cited, ...]
    outside_knowledge: str | None = None

    @property
    def span(self) -> tuple[dt.date | None, dt.date | None]:
        """The earliest and latest day of the holding; a post known only ``as_of`` a
        day spans that day (when no other end is known).

        >>> record = post_record(Post("p", "a", {"en": "x"}, (), as_of=PartialDate(2020)))
        >>> [d.isoformat() for d in record.span]
        ['2020-01-01', '2020-12-31']
        """
        first = self.start or (None if self.end else self.as_of)
        last = self.end or (None if self.start else self.as_of)
        return (first.first if first else None, last.last if last else None)

    @property
    def interval(self) -> str | None:
        """An ISO 8601 interval ('2019/2021', '2019/..'), None when both ends are unknown."""
        if self.start is None and self.end is None:
            return None
        return f"{date_text(self.start) or '..'}/{date_text(self.end) or '..'}"


def post_record(post: Post) -> PostRecord:
    return PostRecord(
        id=post.id,
        holder=post.holder,
        title=post.title,
        names=post.post,
        organization=post.organization,
        start=when(post.from_),
        end=when(post.until),
        as_of=when(post.as_of),
        date_note=post.date_note,
        evidence=cited(post.evidence),
        outside_knowledge=post.outside_knowledge,
    )


class StatementRecord(NamedTuple):
    """What an actor said (or was reported to have said) about actors or topics."""

    id: str
    speaker: str
    kind: str
    reported_by: str | None
    date: When | None
    date_note: str | None
    about: tuple[str, ...]
    summary: str
    evidence: tuple[Cited, ...]
    outside_knowledge: str | None = None


def statement_record(statement: Statement) -> StatementRecord:
    return StatementRecord(
        id=statement.id,
        speaker=statement.speaker,
        kind=statement.kind,
        reported_by=statement.reported_by,
        date=when(statement.date),
        date_note=statement.date_note,
        about=statement.about,
        summary=statement.summary,
        evidence=cited(statement.evidence),
        outside_knowledge=statement.outside_knowledge,
    )


#: The fields NetworkX, GraphML, GEXF and CSV carry on a statement's edges (one edge from
#: the speaker to each actor or topic it is about; ``fact`` is the statement's id), in
#: this order: the speaker and what it is about are the edge's ends.
NETWORK_STATEMENT_FIELDS = ("kind", "fact", "reported_by", "date", "summary", "evidence")


def network_statement(record: StatementRecord) -> dict[str, Any]:
    """A statement edge's attributes (:data:`NETWORK_STATEMENT_FIELDS`), unknown ones
    left out (GraphML has no null).

    >>> s = Statement("s", "a", "warned", "...", (Evidence("src", "q"),), reported_by="r")
    >>> shown = network_statement(statement_record(s))
    >>> shown["fact"], shown["reported_by"], shown["evidence"]
    ('s', 'r', '[{"source": "src", "quote": "q"}]')
    """
    fields = NETWORK_STATEMENT_FIELDS
    plain: dict[str, Any] = {
        "fact": record.id,
        "date": date_text(record.date),
        "evidence": evidence_json(record.evidence),
    }
    values = {name: plain.get(name, getattr(record, name, None)) for name in fields}
    return {name: value for name, value in values.items() if value is not None}
