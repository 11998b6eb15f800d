"""Typed records of checked facts.

Records are frozen dataclasses with slots (a dict an instance cost 0.1 GiB at 100k
contacts, most of it in the locations). The compile cache stores them as JSON and rebuilds
them field by field by declared type (dipgraph/cache/records.py), never by
unpickling, so a planted cache entry cannot run code.

The loader builds these only from input that passed every check, so the rest
of dipgraph can trust ids, references and dates without re-validating.
Field names follow the schema YAML (``from`` becomes ``from_``); a test keeps
the two in step.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dipgraph.dates import PartialDate

Names = dict[str, str]
Aliases = dict[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Location:
    """Where a fact was written: for messages and for editors to jump to."""

    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True, slots=True)
class Citation:
    """A statement of a structured dataset (see dipgraph.loader.citations)."""

    entity: str
    property: str
    value: str
    qualifiers: dict[str, str]
    retrieved: PartialDate
    address: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A verbatim quote from a source file; or, with ``cites``, a statement of a dataset
    source, ``quote`` then being that statement written out.

    ``corroborating`` marks a quote another file added (a ``corroborations:`` entry): the
    fact counts under its source all the same, but is still described where it was declared.
    """

    source: str
    quote: str
    cites: Citation | None = None
    corroborating: bool = False
    gloss: str | None = None  # the curator's English translation of the quote


@dataclass(frozen=True, slots=True)
class Designation:
    """A phrase one source uses for actors it names elsewhere ("the Russian official"):
    in quotes from that source the phrase names them (curation rule 1)."""

    phrase: str
    actors: tuple[str, ...]
    why: str
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Unrecorded:
    """A passage of a source that no fact quotes on purpose, and why (curation rule 2)."""

    passage: str
    why: str
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    language: str
    file: Path
    title: str | None = None
    title_en: str | None = None
    publisher: str | None = None
    published: PartialDate | None = None
    date_note: str | None = None
    url: str | None = None
    outside_knowledge: str | None = None
    format: str | None = None  # text (None), or a dataset: wikidata-json, ftm-json
    designations: tuple[Designation, ...] = ()
    not_recorded: tuple[Unrecorded, ...] = ()
    location: Location | None = field(default=None, compare=False)

    @property
    def name(self) -> str:
        """The English title, else the printed one, else the id."""
        return self.title_en or self.title or self.id


class Named:
    """A record with names per language (actors, topics, places)."""

    __slots__ = ()  # its dataclasses keep slots, not a dict an instance
    names: Names

    @property
    def name(self) -> str:
        """The English name, the one tables show; else the first given."""
        return self.names.get("en") or next(iter(self.names.values()))


@dataclass(frozen=True, slots=True)
class Actor(Named):
    id: str
    kind: str
    names: Names
    aliases: Aliases = field(default_factory=dict)
    country: str | None = None
    member_of: tuple[str, ...] = ()
    part_of: str | None = None
    wikidata: str | None = None
    outside_knowledge: str | None = None
    not_printed: dict[str, str] = field(default_factory=dict)  # name or alias -> why
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Topic(Named):
    id: str
    names: Names
    aliases: Aliases = field(default_factory=dict)
    wikidata: str | None = None
    broader: str | None = None
    not_printed: dict[str, str] = field(default_factory=dict)  # name or alias -> why
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Place(Named):
    """Where contacts happen; contacts refer to it by id, so a renamed label keeps its IRI."""

    id: str
    names: Names
    aliases: Aliases = field(default_factory=dict)
    in_: str | None = None  # the place or state it lies in
    wikidata: str | None = None
    outside_knowledge: str | None = None
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Post:
    id: str
    holder: str
    post: Names
    evidence: tuple[Evidence, ...]
    organization: str | None = None
    from_: PartialDate | None = None
    until: PartialDate | None = None
    as_of: PartialDate | None = None
    date_note: str | None = None
    outside_knowledge: str | None = None
    exceptions: tuple[str, ...] = ()  # curation rules broken on purpose, 'rule: why'
    location: Location | None = field(default=None, compare=False)

    @property
    def title(self) -> str:
        return self.post.get("en") or next(iter(self.post.values()))


ROLES = ("subject", "host", "mediator")
#: The statuses every question counts unless the user asks for more (``any_status``, a
#: chosen ``status``): `talks`, `path`, the named SPARQL queries and the page's path
#: finder alike. Planned, proposed and denied contacts did not put anyone in touch.
DEFAULT_STATUSES = frozenset({"happened"})


def status_counts(status: str, any_status: bool = False) -> bool:
    """Whether a contact of this status counts (see :data:`DEFAULT_STATUSES`).

    >>> status_counts("happened"), status_counts("proposed"), status_counts("proposed", True)
    (True, False, True)
    """
    return any_status or status in DEFAULT_STATUSES


#: Sides are numbered from 1, in the order the facts give them, wherever a number is
#: written: RDF ``dg:side``, the NetworkX/GraphML/GEXF/CSV ``side``, FtM's "side 1: ...".
#: JSON views list the sides in that order (side n at index n - 1).
FIRST_SIDE = 1


def numbered_sides(
    sides: tuple[tuple[str, ...], ...],
) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Each side with its number (see :data:`FIRST_SIDE`).

    >>> list(numbered_sides((("a", "b"), ("c",))))
    [(1, ('a', 'b')), (2, ('c',))]
    """
    return enumerate(sides, start=FIRST_SIDE)


@dataclass(frozen=True, slots=True)
class Contact:
    """Two or more sides in touch; who talked to whom is every pair across sides.

    >>> c = Contact("c", "meeting", (("lavrov", "shoigu"), ("tillerson", "mattis")), "…", ())
    >>> c.pairs[:2], c.side_of("mattis")
    ((('lavrov', 'tillerson'), ('lavrov', 'mattis')), 2)
    >>> c.participants
    ('lavrov', 'shoigu', 'tillerson', 'mattis')
    """

    id: str
    type: str
    sides: tuple[tuple[str, ...], ...]
    summary: str
    evidence: tuple[Evidence, ...]
    subjects: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()
    mediators: tuple[str, ...] = ()
    initiated_by: str | None = None
    reported_by: tuple[str, ...] = ()  # who reports it, when not a party
    date: PartialDate | None = None
    date_note: str | None = None
    place: str | None = None  # a place id
    topics: tuple[str, ...] = ()
    secret: bool = False
    status: str = "happened"
    outside_knowledge: str | None = None
    exceptions: tuple[str, ...] = ()  # curation rules broken on purpose, 'rule: why'
    location: Location | None = field(default=None, compare=False)

    @property
    def participants(self) -> tuple[str, ...]:
        """Every party, side after side (role-holders are not parties)."""
        return tuple(actor for side in self.sides for actor in side)

    @property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        """The pairs who talked: one actor from each of two different sides."""
        return cross_pairs(self.sides)

    def side_of(self, actor: str) -> int | None:
        """The number of the actor's side (from 1), or None when it is not a party."""
        return next((n for n, side in numbered_sides(self.sides) if actor in side), None)

    @property
    def roles(self) -> dict[str, tuple[str, ...]]:
        """Role-holders by role: actors linked to the contact without being a party."""
        return {"subject": self.subjects, "host": self.hosts, "mediator": self.mediators}


def cross_pairs(sides: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, str], ...]:
    """Every pair of actors on different sides, side order then member order.

    >>> cross_pairs((("a", "b"), ("c",), ("d",)))
    (('a', 'c'), ('a', 'd'), ('b', 'c'), ('b', 'd'), ('c', 'd'))
    """
    return tuple(
        (a, b)
        for i, side in enumerate(sides)
        for a in side
        for later in sides[i + 1 :]
        for b in later
    )


@dataclass(frozen=True, slots=True)
class Statement:
    id: str
    speaker: str
    kind: str
    summary: str
    evidence: tuple[Evidence, ...]
    reported_by: str | None = None  # whose account it is, when not the speaker's own words
    date: PartialDate | None = None
    date_note: str | None = None
    about: tuple[str, ...] = ()
    outside_knowledge: str | None = None
    exceptions: tuple[str, ...] = ()  # curation rules broken on purpose, 'rule: why'
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Corroboration:
    """Quotes a file adds to a post, contact or statement declared in another file.

    The loader appends them to that fact's evidence (marked ``corroborating``) and keeps
    no record of its own: every projection then sees one fact with every source.
    """

    fact: str
    evidence: tuple[Evidence, ...]
    note: str | None = None
    location: Location | None = field(default=None, compare=False)


RECORD_TYPES: dict[str, type] = {
    "source": Source,
    "actor": Actor,
    "topic": Topic,
    "place": Place,
    "post": Post,
    "contact": Contact,
    "statement": Statement,
}
# What a fact file can declare: every record type, and corroborations of them.
DECLARED_TYPES: dict[str, type] = {**RECORD_TYPES, "corroboration": Corroboration}


@dataclass(slots=True)
class Facts:
    """Every checked fact, keyed by id within its kind, in file order."""

    root: Path
    sources: dict[str, Source] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    posts: dict[str, Post] = field(default_factory=dict)
    contacts: dict[str, Contact] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    files: tuple[Path, ...] = ()
    # The SHA-256 of each fact file and source text as the loader read it: what these
    # facts were made from (a cache entry of them is keyed by it). Empty when restored.
    digests: dict[Path, str] = field(default_factory=dict, compare=False)

    def by_kind(self, kind: str) -> dict:
        """The records of one kind ('actor', 'contact'...)."""
        return getattr(self, f"{kind}s")
