"""The knowledge graph API: one loaded dataset, every question asked of it.

The CLI is a thin layer over this class; a notebook uses it the same way::

    >>> import dipgraph
    >>> kg = dipgraph.load("tests/fixtures/small")
    >>> [c["id"] for c in kg.talks("Belov", since="2021")]
    ['belov-clark-meeting']
    >>> [hop["to"] for hop in kg.path("Alice Adams", "Carol Clark")["paths"][0]["hops"]]
    ['boris-belov', 'carol-clark']

Heavy libraries (networkx, rdflib) load only when ``.networkx`` or ``.rdf`` is
first used, so answering a question stays fast.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from dipgraph.dates import DateError, PartialDate, may_overlap
from dipgraph.errors import InputError
from dipgraph.facts import ROLES, Actor, Contact, Facts, Post, Statement, status_counts
from dipgraph.graph import views
from dipgraph.graph.cameo import contact_cameo, contact_plover
from dipgraph.graph.contact_index import ContactIndex
from dipgraph.graph.iris import DEFAULT_BASE, fact_iri
from dipgraph.graph.line_stream import LineStream
from dipgraph.graph.paths import (
    MAX_HOPS,
    PATH_LIMIT,
    Adjacency,
    LazyAdjacency,
    Link,
    all_paths,
    hops_along,
    shortest_actor_path,
    shortest_path,
)
from dipgraph.names import NameIndex
from dipgraph.schema.model import load_model

if TYPE_CHECKING:
    import networkx
    import pyoxigraph
    import rdflib

    from dipgraph.graph.contact_index import ContactRow
    from dipgraph.graph.sparql import NamedQuery
    from dipgraph.graph.to_rdf import Quads

VIA_CHOICES = ("contacts", "all")
ROLE_CHOICES = ("party", "subject", "host", "mediator", "any")
T = TypeVar("T")


class _AllViews(Mapping[str, dict[str, Any]]):
    """The view of every contact and post of a graph, built as it is read."""

    def __init__(self, kg: KnowledgeGraph) -> None:
        self._kg = kg
        self._facts = kg.facts

    def __len__(self) -> int:
        return len(self._facts.contacts) + len(self._facts.posts)

    def __iter__(self) -> Iterator[str]:
        return itertools.chain(self._facts.contacts, self._facts.posts)

    def __getitem__(self, ident: str) -> dict[str, Any]:
        view = self._kg._build_view(ident)
        if view is None:
            raise KeyError(ident)
        return view


class _Built(Mapping[str, dict[str, Any]]):
    """A value for each key of ``keys``, built by ``build`` when read."""

    def __init__(self, keys: Mapping[str, Any], build: Callable[[str], dict[str, Any]]) -> None:
        self._keys = keys
        self._build = build

    def __len__(self) -> int:
        return len(self._keys)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __getitem__(self, ident: str) -> dict[str, Any]:
        if ident not in self._keys:
            raise KeyError(ident)
        return self._build(ident)


_PROFILE_HEAD = ("id", "kind", "names", "aliases", "wikidata", "country", "member_of", "part_of")


class QueryError(InputError):
    """A question that cannot be asked as put (bad date, unknown type...)."""


def _window(since: str | None, until: str | None) -> tuple[dt.date | None, dt.date | None]:
    try:
        start = PartialDate.parse(since).first_day if since else None
        end = PartialDate.parse(until).last_day if until else None
    except DateError as error:
        raise QueryError(str(error)) from None
    if start and end and end < start:
        raise QueryError(f"--until {until} is before --since {since}")
    return start, end


def _choice(value: str, allowed: dict[str, Any], what: str) -> str:
    key = value.strip().lower().replace(" ", "_").replace("-", "_")
    if key in allowed:
        return key
    raise QueryError(f"unknown {what} '{value}'; choose from: {', '.join(allowed)}")


def _check_via(via: str) -> None:
    if via not in VIA_CHOICES:
        raise QueryError(f"--via must be one of {', '.join(VIA_CHOICES)}, not '{via}'")


def _across(sides: tuple[tuple[str, ...], ...], a: str | None, b: str) -> bool:
    """Whether a and b are parties on different sides (a None: b is any party)."""
    side_a = next((n for n, side in enumerate(sides) if a in side), None)
    side_b = next((n for n, side in enumerate(sides) if b in side), None)
    if a is None:
        return side_b is not None
    return side_a is not None and side_b is not None and side_a != side_b


def _chronological(date: PartialDate | None, ident: str) -> tuple:
    return (date is None, date.first_day if date else dt.date.max, ident)


class KnowledgeGraph:
    """Checked facts plus the indexes and compiled graphs built from them."""

    def __init__(self, facts: Facts | Callable[[], Facts], base: str = DEFAULT_BASE) -> None:
        """``facts`` or a function giving them on first use (and again, if they were
        let go: see :meth:`let_go`)."""
        self._facts = facts if isinstance(facts, Facts) else None
        self._load_facts = None if isinstance(facts, Facts) else facts
        self.base = base
        self.model = load_model()
        self.views: Mapping[str, dict[str, Any]] | None = None
        self.profiles: Mapping[str, dict[str, Any]] | None = None  # see all_profiles
        self.titles: Mapping[str, str] | None = None  # see source_titles

    @property
    def facts(self) -> Facts:
        """Every checked record (read on first use when given as a function)."""
        if self._facts is None:
            assert self._load_facts is not None
            self._facts = self._load_facts()
        return self._facts

    def read_facts_with(self, read: Callable[[], Facts]) -> None:
        """Read the facts with ``read`` from now on, when they are not in memory."""
        self._load_facts = read

    def let_go(self) -> None:
        """Drop the compiled quads, and the facts when they can be read again (given as a
        function): what a caller does before something large is built from a copy."""
        self.__dict__.pop("quads", None)
        if self._load_facts is not None:
            self._facts = None

    def use_parts(
        self,
        index: ContactIndex,
        actor_names: NameIndex,
        topic_names: NameIndex,
        views: Mapping[str, dict[str, Any]],
        profiles: Mapping[str, dict[str, Any]] | None = None,
        titles: Mapping[str, str] | None = None,
    ) -> None:
        """Answer from these parts (which may be read lazily) instead of building them
        from the facts: what :meth:`all_views`, :meth:`all_profiles` and
        :meth:`source_titles` gave, for a graph of the same facts."""
        self.contact_index = index
        self.actor_names = actor_names
        self.topic_names = topic_names
        self.views = views
        self.profiles = profiles
        self.titles = titles

    def answer_from(self, facts: Facts) -> None:
        """Answer from ``facts`` alone from now on: every part given by
        :meth:`use_parts` is dropped, and built again from them when asked for."""
        self._facts = facts
        self._load_facts = None
        for name in ("contact_index", "actor_names", "topic_names"):
            self.__dict__.pop(name, None)
        self.views = self.profiles = self.titles = None

    @cached_property
    def contact_index(self) -> ContactIndex:
        """The tuples `talks` and `path` scan (see :mod:`dipgraph.graph.contact_index`)."""
        return ContactIndex.from_facts(self.facts)

    def fact_views(self, idents: list[str]) -> dict[str, dict[str, Any]]:
        """JSON views of contacts (as `talks` prints them) and posts (for path hops)."""
        if self.views is not None:
            views = self.views
            return {ident: views[ident] for ident in idents if ident in views}
        return {ident: view for ident in idents if (view := self._build_view(ident)) is not None}

    def _build_view(self, ident: str) -> dict[str, Any] | None:
        contact = self.facts.contacts.get(ident)
        if contact is not None:
            return views.contact_view(self.facts, contact, self.cameo(contact))
        post = self.facts.posts.get(ident)
        if post is not None:
            return views.post_hop(self.facts, post)
        return None

    def all_views(self) -> Mapping[str, dict[str, Any]]:
        """Views of every contact and post (what a cache may store). Each is built when
        read (all at once, they took 0.2 GiB at 100k contacts)."""
        return _AllViews(self)

    # -- names ---------------------------------------------------------------
    @cached_property
    def actor_names(self) -> NameIndex:
        return NameIndex.build(
            (a.id, a.name, [*a.names.values(), *(x for v in a.aliases.values() for x in v)])
            for a in self.facts.actors.values()
        )

    @cached_property
    def topic_names(self) -> NameIndex:
        return NameIndex.build(
            (t.id, t.name, [*t.names.values(), *(x for v in t.aliases.values() for x in v)])
            for t in self.facts.topics.values()
        )

    def actor(self, name: str) -> Actor:
        """The actor an id, name or alias denotes (any language, any case)."""
        return self.facts.actors[self.actor_names.resolve(name)]

    def cameo(self, contact: Contact) -> str:
        """The contact's CAMEO code (see :mod:`dipgraph.graph.cameo`)."""
        return contact_cameo(self.model.vocabularies, contact)

    def plover(self, contact: Contact) -> tuple[str | None, str | None]:
        """The contact's PLOVER (event, mode), from its CAMEO code (see
        :mod:`dipgraph.graph.cameo`); None where PLOVER gives none."""
        return contact_plover(self.model.vocabularies, contact)

    # -- actors --------------------------------------------------------------
    def actors(self, text: str | None = None, kind: str | None = None) -> list[dict[str, Any]]:
        """Actors whose names contain ``text`` (all when None): best matched first
        (:func:`dipgraph.names.word_tier`), then by English name."""
        idents = (
            self.actor_names.search(text)
            if text
            else sorted(self.facts.actors, key=lambda i: self.facts.actors[i].name.casefold())
        )
        if kind:
            kind = _choice(kind, self.model.vocabularies["actor_kinds"], "actor kind")
        rows = []
        for ident in idents:
            actor = self.facts.actors[ident]
            if kind and actor.kind != kind:
                continue
            rows.append(
                {
                    "id": actor.id,
                    "kind": actor.kind,
                    "name": actor.name,
                    "names": actor.names,
                    "country": actor.country,
                }
            )
        return rows

    # -- talks ---------------------------------------------------------------
    def _narrower(self, topic: str) -> set[str]:
        """A topic and every topic below it (New START under arms control)."""
        broader = self.contact_index.broader
        found = {topic}
        changed = True
        while changed:
            more = {child for child, parent in broader.items() if parent in found}
            changed = not more <= found
            found |= more
        return found

    def _positions(self, first: str | None, second: str | None, role: str) -> list[int]:
        """Positions of the contacts to scan: those naming the actor(s) in ``role``."""
        index = self.contact_index
        if first is None and second is None:
            return list(range(len(index.contacts)))
        if second is not None:  # --with: both are parties, on different sides
            anchor = first or second
            return list(index.contacts_by_actor.get(anchor, ()))
        assert first is not None
        found: set[int] = set()
        if role in ("party", "any"):
            found.update(index.contacts_by_actor.get(first, ()))
        if role != "party":
            held = index.roles_by_actor.get(first, ())
            found.update(n for n in held if role == "any" or (role, first) in index.row(n).roles)
        return sorted(found)

    def talks(
        self,
        actor: str | None = None,
        with_: str | None = None,
        *,
        role: str = "party",
        since: str | None = None,
        until: str | None = None,
        type: str | None = None,
        topic: str | None = None,
        status: str | None = None,
        any_status: bool = False,
    ) -> list[dict[str, Any]]:
        """Contacts (who talked to whom), filtered, in date order (undated last).

        ``actor`` alone: the contacts it was a party to (``role`` 'subject', 'host',
        'mediator' or 'any' also reaches contacts it holds a role in). With ``with_``:
        contacts where both were parties on different sides. Only contacts that
        happened, as :meth:`path` crosses, unless ``any_status`` or a ``status`` asks
        for others (see :data:`dipgraph.facts.DEFAULT_STATUSES`).
        """
        chosen = self.selected_contacts(
            actor,
            with_,
            role=role,
            since=since,
            until=until,
            type=type,
            topic=topic,
            status=status,
            any_status=any_status,
        )
        found = self.fact_views([row.id for row in chosen])
        return [views.with_pairs(found[row.id]) for row in chosen]

    def selected_contacts(
        self,
        actor: str | None = None,
        with_: str | None = None,
        *,
        role: str = "party",
        since: str | None = None,
        until: str | None = None,
        type: str | None = None,
        topic: str | None = None,
        status: str | None = None,
        any_status: bool = False,
    ) -> list[ContactRow]:
        """The rows of :attr:`contact_index` of the contacts :meth:`talks` lists, in its
        order: the one rule for the talks filters (`rank` uses it too); those that
        happened unless ``status`` or ``any_status`` asks for others."""
        if role not in ROLE_CHOICES:
            raise QueryError(f"--role must be one of {', '.join(ROLE_CHOICES)}, not '{role}'")
        first = self.actor_names.resolve(actor) if actor else None
        second = self.actor_names.resolve(with_) if with_ else None
        start, end = _window(since, until)
        low = start.toordinal() if start else None
        high = end.toordinal() if end else None
        vocab = self.model.vocabularies
        kind = _choice(type, vocab["contact_types"], "contact type") if type else None
        state = _choice(status, vocab["contact_statuses"], "status") if status else None
        topics = self._narrower(self.topic_names.resolve(topic, "topic")) if topic else None
        index = self.contact_index
        contacts = index.contacts
        chosen = []
        positions = self._positions(first, second, role)
        if len(positions) == len(contacts):
            contacts = list(contacts)  # every row: one sequential read when stored
        for position in positions:
            row = contacts[position]
            first_day, last_day = row.first_day, row.last_day
            if second and not _across(row.sides, first, second):
                continue
            if kind and row.type != kind:
                continue
            if state and row.status != state:
                continue
            if not state and not status_counts(row.status, any_status):
                continue
            if topics is not None and not topics.intersection(row.topics):
                continue
            if (low is not None or high is not None) and (
                first_day is None
                or (low is not None and last_day is not None and last_day < low)
                or (high is not None and first_day > high)
            ):
                continue  # the same rule as dates.may_overlap, on day ordinals
            chosen.append((first_day is None, first_day or 0, row.id, row))
        chosen.sort(key=lambda found: found[:3])  # ids are unique: rows never compared
        return [row for *_, row in chosen]

    # -- who matters ------------------------------------------------------------
    def ranked_contacts(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        type: str | None = None,
        topic: str | None = None,
        status: str | None = None,
        any_status: bool = False,
    ) -> list[tuple[str, tuple[tuple[str, ...], ...]]]:
        """(id, sides) of the contacts `rank` measures: those the talks filters select,
        of those that happened (as `path` crosses) unless ``status`` names another or
        ``any_status`` admits every one."""
        chosen = self.selected_contacts(
            since=since, until=until, type=type, topic=topic, status=status, any_status=any_status
        )
        return [(row.id, row.sides) for row in chosen]

    def countries(self) -> dict[str, str]:
        """actor -> its country as the facts give it (a state and an actor with none are
        left out), read from the contact index: no fact is decoded."""
        statics = self.contact_index.statics
        return {link.source: link.target for link in statics if link.relation == "country"}

    def rank(
        self,
        by: str = "degree",
        *,
        since: str | None = None,
        until: str | None = None,
        type: str | None = None,
        topic: str | None = None,
        status: str | None = None,
        any_status: bool = False,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Actors ranked by ``by`` (degree, betweenness or brokerage; see
        :mod:`dipgraph.graph.rank`) over the contacts of :meth:`ranked_contacts`, the
        first ``limit`` (all when None). Each row has every measure, but betweenness
        (a search from every actor: minutes at 10k contacts) is None unless ranked by.

        >>> import dipgraph
        >>> [(r["id"], r["counterparts"]) for r in dipgraph.load("tests/fixtures/small").rank()][:2]
        [('boris-belov', 3), ('carol-clark', 2)]
        """
        from dipgraph.graph import rank as rank_measures

        by = _choice(by, dict.fromkeys(rank_measures.MEASURES), "measure")
        if limit is not None and limit < 0:
            raise QueryError("--limit must be 0 or more")
        contacts = self.ranked_contacts(
            since=since, until=until, type=type, topic=topic, status=status, any_status=any_status
        )
        countries = self.countries()
        rows = rank_measures.ranked(contacts, countries.get, by)[: limit or None]
        names = self.actor_names.display
        for row in rows:
            row.update(name=names[row["id"]], country=countries.get(row["id"]))
        return [{key: row[key] for key in rank_measures.ROW_KEYS} for row in rows]

    def explain_rank(
        self,
        actor: str,
        by: str = "degree",
        *,
        since: str | None = None,
        until: str | None = None,
        type: str | None = None,
        topic: str | None = None,
        status: str | None = None,
        any_status: bool = False,
    ) -> dict[str, Any]:
        """The contacts behind one actor's figure in :meth:`rank` (same arguments):
        ``{id, name, by, measures, behind}``, ``behind`` as
        :func:`dipgraph.graph.rank.explain` gives it."""
        from dipgraph.graph import rank as rank_measures

        by = _choice(by, dict.fromkeys(rank_measures.MEASURES), "measure")
        ident = self.actor_names.resolve(actor)
        contacts = self.ranked_contacts(
            since=since, until=until, type=type, topic=topic, status=status, any_status=any_status
        )
        between = by == "betweenness"
        countries = self.countries()
        figures = rank_measures.measures(contacts, countries.get, between).get(ident)
        return {
            "id": ident,
            "name": self.actor_names.display[ident],
            "by": by,
            "measures": figures or rank_measures.zeros(between),
            "behind": rank_measures.explain(contacts, countries.get, ident, by),
        }

    # -- paths ---------------------------------------------------------------
    def links(self, via: str = "contacts", any_status: bool = False) -> list[Link]:
        """The links paths may use: contacts, plus posts and memberships with via='all'.

        Only contacts that happened connect actors, unless ``any_status`` also admits
        planned, proposed and denied ones.
        """
        _check_via(via)
        index = self.contact_index
        links = index.contact_pairs(any_status)
        if via == "all":
            links += index.statics
        return links

    def adjacency(
        self,
        via: str = "contacts",
        any_status: bool = False,
        low: int | None = None,
        high: int | None = None,
    ) -> Adjacency:
        """The links of :meth:`links` that may fall between day numbers ``low`` and
        ``high``, indexed by actor lazily (each actor's links on first visit)."""
        _check_via(via)
        index = self.contact_index

        def links_of(actor: str) -> list[Link]:
            links = index.links_of(actor, any_status)
            if via == "all":
                links += index.statics_of(actor)
            return [link for link in links if may_overlap(link.start, link.end, low, high)]

        return LazyAdjacency(links_of)

    def events_of(
        self,
        via: str = "contacts",
        any_status: bool = False,
        low: int | None = None,
        high: int | None = None,
    ) -> Callable[[str], list[tuple[str, tuple[tuple[str, ...], ...]]]]:
        """For :func:`shortest_actor_path`: each actor's contacts as (id, sides), plus
        (with via='all') its posts and memberships as events of two one-actor sides."""
        _check_via(via)
        index = self.contact_index

        def events_of(actor: str) -> list[tuple[str, tuple[tuple[str, ...], ...]]]:
            found = []
            for position in index.contacts_by_actor.get(actor, ()):
                row = index.row(position)
                if status_counts(row.status, any_status) and may_overlap(
                    row.first_day, row.last_day, low, high
                ):
                    found.append((row.id, row.sides))
            if via == "all":
                found.extend(
                    (link.fact, ((link.source,), (link.target,)))
                    for link in index.statics_of(actor)
                    if may_overlap(link.start, link.end, low, high)
                )
            return found

        return events_of

    def _hop_view(
        self, link: Link, adjacency: Adjacency, known: dict[str, dict[str, Any]]
    ) -> dict[str, Any]:
        view = known.get(link.fact)
        hop: dict[str, Any] = {
            "from": link.source,
            "to": link.target,
            "relation": link.relation,
            "status": view.get("status") if view else None,  # a contact's; None for a post
            "fact": link.fact if view else None,
            "date": view["date"] if view else None,
            "summary": view["summary"] if view else None,
            "evidence": view["evidence"] if view else [],
        }
        hop["other_facts"] = [
            other.fact
            for other in adjacency[link.source][link.target]
            if other.fact != link.fact and other.fact in known
        ]
        return hop

    def path(
        self,
        source: str,
        target: str,
        *,
        max_hops: int = MAX_HOPS,
        all: bool = False,
        via: str = "contacts",
        since: str | None = None,
        until: str | None = None,
        temporal: bool = False,
        any_status: bool = False,
        limit: int = PATH_LIMIT,
    ) -> dict[str, Any]:
        """Shortest path (or all paths) between two actors, with each hop's evidence:
        ``{from, to, paths, found}``, the keys `path --format json` prints."""
        if max_hops < 1:
            raise QueryError("--max-hops must be at least 1")
        first, second = self.actor_names.resolve(source), self.actor_names.resolve(target)
        if first == second:
            raise QueryError("FROM and TO are the same actor")
        start, end = _window(since, until)
        low = start.toordinal() if start else None
        high = end.toordinal() if end else None
        adjacency = self.adjacency(via, any_status, low, high)
        if all:
            found = all_paths(adjacency, first, second, max_hops, temporal, limit)
        elif temporal:
            one = shortest_path(adjacency, first, second, max_hops, temporal)
            found = [one] if one else []
        else:
            events_of = self.events_of(via, any_status, low, high)
            nodes = shortest_actor_path(events_of, first, second, max_hops)
            found = [hops_along(adjacency, nodes)] if nodes else []
        wanted = {
            other.fact
            for path in found
            for hop in path
            for other in adjacency[hop.source][hop.target]
        }
        known = self.fact_views(sorted(wanted))
        return {
            "from": first,
            "to": second,
            "paths": [
                {
                    "actors": [first, *(hop.target for hop in path)],
                    "hops": [self._hop_view(hop, adjacency, known) for hop in path],
                }
                for path in found
            ],
            "found": bool(found),  # as `path --format json` prints it
        }

    # -- profile -------------------------------------------------------------
    def show(self, name: str) -> dict[str, Any]:
        """An actor's profile: names, posts over time, contacts, statements, sources.

        All but the contacts come from :meth:`all_profiles` when stored, the contacts
        from the contact index (as `talks`): a warm `show` decodes no fact."""
        ident = self.actor_names.resolve(name)
        part = self.profiles[ident] if self.profiles is not None else self._profile(ident)
        contacts = self.talks(ident, role="any", any_status=True)  # each with its status
        for contact in contacts:
            contact["role"] = next(
                (role for role in ROLES if ident in (r["id"] for r in contact[f"{role}s"])),
                "party",
            )
        cited = set(part["cited"]) | {e["source"] for c in contacts for e in c["evidence"]}
        titles = self.titles if self.titles is not None else self.source_titles()
        return {
            **{key: part[key] for key in _PROFILE_HEAD},
            "posts": part["posts"],
            "contacts": contacts,
            "statements": part["statements"],
            "mentioned_in": part["mentioned_in"],
            "sources": [{"id": s, "title": titles[s]} for s in sorted(cited)],
        }

    def _profile(self, ident: str) -> dict[str, Any]:
        facts = self.facts
        return self._profile_part(
            facts.actors[ident],
            [p for p in facts.posts.values() if p.holder == ident],
            [s for s in facts.statements.values() if s.speaker == ident],
            [s for s in facts.statements.values() if ident in s.about and s.speaker != ident],
        )

    def _profile_part(
        self, actor: Actor, posts: list[Post], said: list[Statement], about: list[Statement]
    ) -> dict[str, Any]:
        """What `show` says of ``actor`` but its contacts, and the sources it cites."""
        facts = self.facts
        posts = sorted(posts, key=lambda p: _chronological(p.from_ or p.as_of, p.id))
        quoted: list[Post | Statement] = [*posts, *said, *about]

        def statements(items: list[Statement]) -> list[dict[str, Any]]:
            ordered = sorted(items, key=lambda s: _chronological(s.date, s.id))
            return [views.statement_view(facts, s) for s in ordered]

        return {
            "id": actor.id,
            "kind": actor.kind,
            "names": actor.names,
            "aliases": {k: list(v) for k, v in actor.aliases.items()},
            "wikidata": actor.wikidata,
            "country": views.ref_view(facts, actor.country) if actor.country else None,
            "member_of": [views.ref_view(facts, m) for m in actor.member_of],
            "part_of": views.ref_view(facts, actor.part_of) if actor.part_of else None,
            "posts": [views.post_view(facts, p) for p in posts],
            "statements": statements(said),
            "mentioned_in": statements(about),
            "cited": sorted({e.source for fact in quoted for e in fact.evidence}),
        }

    def all_profiles(self) -> Mapping[str, dict[str, Any]]:
        """Every actor's profile but its contacts (what a cache may store for `show`),
        each built when read; the facts are grouped by actor once."""
        facts = self.facts
        posts: dict[str, list[Post]] = defaultdict(list)
        said: dict[str, list[Statement]] = defaultdict(list)
        about: dict[str, list[Statement]] = defaultdict(list)
        for post in facts.posts.values():
            posts[post.holder].append(post)
        for statement in facts.statements.values():
            said[statement.speaker].append(statement)
            for ident in dict.fromkeys(statement.about):
                if ident != statement.speaker:
                    about[ident].append(statement)
        return _Built(
            facts.actors,
            lambda a: self._profile_part(facts.actors[a], posts[a], said[a], about[a]),
        )

    def source_titles(self) -> dict[str, str]:
        """Each source's title as `show` lists it (what a cache may store)."""
        return {ident: source.name for ident, source in self.facts.sources.items()}

    # -- counts ----------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        """Facts per kind, and posts / contacts / statements citing each source."""
        kinds = {
            f"{k}s": len(self.facts.by_kind(k))
            for k in ("source", "actor", "topic", "place", "post", "contact", "statement")
        }
        per_source: dict[str, dict[str, int]] = {
            s: {"posts": 0, "contacts": 0, "statements": 0} for s in self.facts.sources
        }
        for plural in ("posts", "contacts", "statements"):
            for fact in getattr(self.facts, plural).values():
                for source in dict.fromkeys(e.source for e in fact.evidence):
                    per_source[source][plural] += 1
        return {"kinds": kinds, "per_source": per_source}

    # -- compiled graphs -------------------------------------------------------
    @cached_property
    def networkx(self) -> networkx.MultiDiGraph:
        """The facts as a NetworkX MultiDiGraph (built on first use)."""
        from dipgraph.graph.to_networkx import to_networkx

        return to_networkx(self.facts, self.cameo, self.plover)

    @cached_property
    def quads(self) -> Quads:
        """The facts as RDF quads, one named graph a source (compiled on first use)."""
        from dipgraph.graph.to_rdf import compile_quads

        return compile_quads(self.facts, self.model, self.base)

    @cached_property
    def nquads(self) -> str:
        """The facts as RDF, N-Quads text, one named graph a source."""
        return self.quads.nquads()

    @cached_property
    def store(self) -> pyoxigraph.Store:
        """An in-memory Oxigraph store of the graph: fast SPARQL and serialisation.

        Compiled from the quads (see :meth:`new_store`).
        """
        return self.new_store()

    def new_store(self) -> pyoxigraph.Store:
        """A store loaded from :attr:`quads` (a subclass may load it from elsewhere: see
        dipgraph.cached_graph). ``Store.load`` rather than ``bulk_load``: into a memory
        store it took 9.5 s against 11.8 s for 3.8 million quads, with a lower peak."""
        import pyoxigraph

        store = pyoxigraph.Store()
        lines = LineStream(self.quads.nquads_lines())  # a readable stream of bytes
        store.load(lines, format=pyoxigraph.RdfFormat.N_QUADS)  # type: ignore[arg-type]
        return store

    def forget_rdf(self) -> None:
        """Drop the compiled quads and what was made of them (built again if asked for):
        a build writes the page after the RDF exports, and at 100k contacts the quads
        held a gigabyte the page does not need."""
        for name in ("quads", "nquads", "store", "rdf"):
            self.__dict__.pop(name, None)

    def prepare_store(self) -> None:
        """Load :attr:`store` now: what a caller does before it starts timing a query."""
        self.store  # noqa: B018

    @cached_property
    def rdf(self) -> rdflib.Dataset:
        """The same RDF as an rdflib Dataset (default graph = union), for rdflib users."""
        from rdflib import Dataset

        from dipgraph.graph.to_rdf import PREFIXES

        dataset = Dataset(default_union=True)
        for prefix, namespace in PREFIXES.items():
            dataset.bind(prefix, namespace)
        dataset.parse(data=self.nquads, format="nquads")
        return dataset

    def _term(self, kind: str, value: str) -> Any:
        """A parameter value as the RDF term its declared kind calls for."""
        from pyoxigraph import Literal, NamedNode

        from dipgraph.graph.to_rdf import date_datatype

        if kind == "actor":
            return NamedNode(fact_iri(self.base, "actor", self.actor(value).id))
        if kind == "fact":
            for fact_kind in ("contact", "post", "statement", "actor", "topic", "source"):
                if value in self.facts.by_kind(fact_kind):
                    return NamedNode(fact_iri(self.base, fact_kind, value))
            raise QueryError(f"no fact with id '{value}'")
        if kind == "date":
            try:
                date = PartialDate.parse(value)
            except DateError as error:
                raise QueryError(str(error)) from None
            return Literal(str(date), datatype=NamedNode(date_datatype(date)))
        return Literal(value)

    def sparql(
        self, query: str, params: dict[str, str] | None = None, allow_service: bool = False
    ) -> Any:
        """Run a read-only SPARQL query over :attr:`store`; returns Oxigraph results.

        ``query`` is a named query (see ``dipgraph sparql --list``), ``@FILE`` or SPARQL
        text. ``params`` bind variables: a named query's declared parameters are
        converted by kind (an actor name becomes the actor's IRI); others bind as text.
        SERVICE clauses are refused unless ``allow_service`` (they send HTTP requests).
        """
        return self._query(self.store, query, params, allow_service)

    def answer(
        self,
        query: str,
        read: Callable[[Any], T],
        params: dict[str, str] | None = None,
        allow_service: bool = False,
        run: Callable[[Callable[[], T]], T] = lambda evaluate: evaluate(),
    ) -> T:
        """``read`` applied to the results of :meth:`sparql` (``read`` evaluates them
        in full, as dipgraph.sparql.results.render does). ``run`` runs the evaluation
        (the CLI's runs it under --timeout); loading the store is not part of it. (A
        graph loaded through the cache answers a cold start's first query while the
        last checks of the facts run: see dipgraph.cached_graph.)

        >>> from dipgraph.sparql.results import render
        >>> import dipgraph
        >>> kg = dipgraph.load("tests/fixtures/small")
        >>> print(kg.answer("ASK { ?s ?p ?o }", lambda r: render(r, "json").text))
        {"head":{},"boolean":true}
        <BLANKLINE>
        """
        self.store  # noqa: B018  (loaded or compiled outside ``run``)
        return run(lambda: read(self.sparql(query, params, allow_service)))

    def _query(
        self,
        store: pyoxigraph.Store,
        query: str,
        params: dict[str, str] | None,
        allow_service: bool,
        resolved: tuple[str, NamedQuery | None] | None = None,
    ) -> Any:
        """``resolved``: what ``query`` names (its text and named query), if read already."""
        from dipgraph.graph.sparql import require_params, resolve_query, run_query

        text, named = resolved or resolve_query(query)
        declared = dict(named.params) if named else {}
        params = params or {}
        require_params(query, named, params)
        bindings = {
            name: self._term(declared.get(name, "text"), value) for name, value in params.items()
        }
        return run_query(store, text, bindings, allow_service)
