"""The graph as the HTML page draws it: vis-network nodes and edges, and the facts behind them.

Contacts come first. On a small graph every contact is its own node (an event),
joined to the actors of each of its sides, so no two facts share a click target
and members of one delegation are never drawn as having talked to each other.
Statements are event nodes too (speaker -> statement -> what it is about). On a
large graph (``large=True``) only actors are nodes and each pair of actors who
talked gets ONE edge, which opens the list of that pair's contacts; a contact
joining more than MARK_PAIRS pairs (an assembly) is still its own node, joined to
its parties. The page builds a large graph's other layers itself, when asked.

Every edge carries a ``kind`` and a ``layer`` (contacts, statements, topics,
posts, countries) the page switches on and off. Fact text travels only as data
(``facts``), never as markup.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from dipgraph.exports.network import actor_communities, actor_measures
from dipgraph.facts import DEFAULT_STATUSES, Contact, status_counts
from dipgraph.graph import views
from dipgraph.graph.paths import MAX_HOPS, PATH_LIMIT
from dipgraph.projection import (
    PARTY,
    Cited,
    ContactRecord,
    StatementRecord,
    contact_record,
    date_text,
    statement_record,
)
from dipgraph.schema.rules import WIKIDATA_ID, full_match

if TYPE_CHECKING:
    from dipgraph.graph.knowledge import KnowledgeGraph

# Article text the page carries at most (characters): a quote is shown in its
# article. Past it, the panel names the source without its text.
SOURCE_TEXT_BUDGET = 2_000_000
SHAPES = {"person": "dot", "organization": "square", "state": "diamond", "topic": "triangle"}
# Okabe & Ito's colour-blind-safe set, for the busiest countries only; every other
# country is one grey, named in the legend. Contacts are not colour-coded at all
# (their type is written on them), so a contact never shares a colour with a country.
COUNTRY_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00"]
# Fixed colour slots (index in COUNTRY_COLOURS) of states most pages show, by id and by
# Wikidata item: Russia blue, the United States vermilion, China green, Ukraine sky blue.
FIXED_SLOTS = {
    "russia": 0,
    "Q159": 0,
    "usa": 1,
    "Q30": 1,
    "china": 2,
    "Q148": 2,
    "ukraine": 4,
    "Q212": 4,
}
OTHER_COUNTRY = "#BBBBBB"
NO_COUNTRY = "#FFFFFF"
TOPIC_COLOUR = "#999933"
STATEMENT_COLOUR = "#FFF3C4"
CONTACT_FILL = "#F2F2F2"
SECRET_FILL = "#222222"
INK = "#444444"
SELECTED_OUTLINE = "#1F6FD6"
TYPE_WORDS = {
    "meeting": "meeting",
    "phone_call": "call",
    "video_call": "video call",
    "consultations": "consultations",
    "talks": "talks",
    "message": "message",
    "letter": "letter",
    "visit": "visit",
    "summit_meeting": "summit",
    "prisoner_exchange": "exchange",
    "interview": "interview",
}
# On a large graph, a contact joining more than this many pairs of actors is drawn as
# its own mark joined to its parties, not as one line per pair.
MARK_PAIRS = 6
MARK_SIZE = 24.0
LAYERS = ("contacts", "statements", "topics", "posts", "countries")


# ---- facts as the page reads them ----------------------------------------------------
def _evidence(evidence: tuple[Cited, ...]) -> list[dict[str, str]]:
    return views.evidence_view(evidence)


WIKIDATA_ITEM = full_match(WIKIDATA_ID)  # the rule `check` applies


def wikidata_item(item: str | None) -> str | None:
    """A Wikidata item id fit for a link (check validated it; the page is the exit)."""
    return item if item and WIKIDATA_ITEM.match(item) else None


def _only_if(key: str, value: str | None) -> dict[str, str]:
    """The pair when there is a value: 30,000 contacts with "place_wikidata": null
    would add 0.7 MB to a page."""
    return {key: value} if value else {}


def country_of(kg: KnowledgeGraph, ident: str) -> str | None:
    """The state an actor belongs to (a state is its own country)."""
    actor = kg.facts.actors.get(ident)
    if actor is None:
        return None
    return actor.id if actor.kind == "state" else actor.country


def _place_names(kg: KnowledgeGraph, place: str | None) -> dict[str, str] | None:
    """The names of a contact's place, which the page shows (the contact keeps its id)."""
    return dict(kg.facts.places[place].names) if place else None


def _place_wikidata(kg: KnowledgeGraph, place: str | None) -> str | None:
    """The Wikidata item of a contact's place, for the panel's link."""
    return wikidata_item(kg.facts.places[place].wikidata) if place else None


def _contact_fact(kg: KnowledgeGraph, record: ContactRecord) -> dict[str, Any]:
    """A contact as the panels, filters and table read it: its projection, the place
    by its names (the page shows them; the contact keeps the id)."""
    date = record.date
    vocab = kg.model.vocabularies["contact_types"][record.type]
    return {
        "type": record.type,
        "type_label": vocab["label"],
        "cameo": record.cameo,
        "date": date_text(date),
        "date_precision": date.precision if date else None,
        "date_note": record.date_note,
        "first": date.first.isoformat() if date else None,
        "last": date.last.isoformat() if date else None,
        "status": record.status,
        "secret": record.secret,
        "place": _place_names(kg, record.place),
        **_only_if("place_wikidata", _place_wikidata(kg, record.place)),
        "summary": record.summary,
        "sides": [list(side) for side in record.sides],
        **{f"{role}s": list(ids) for role, ids in record.roles.items()},
        "initiated_by": record.initiated_by,
        "reported_by": list(record.reported_by),
        "topics": list(record.topics),
        "evidence": _evidence(record.evidence),
    }


def _statement_fact(kg: KnowledgeGraph, record: StatementRecord) -> dict[str, Any]:
    statement_kinds = kg.model.vocabularies.get("statement_kinds", {})
    date = record.date
    return {
        "speaker": record.speaker,
        "kind": record.kind,
        "kind_label": statement_kinds.get(record.kind, {}).get("label", record.kind),
        "date": date_text(date),
        "date_note": record.date_note,
        "first": date.first.isoformat() if date else None,
        "last": date.last.isoformat() if date else None,
        "about": list(record.about),
        "reported_by": record.reported_by,
        "summary": record.summary,
        "evidence": _evidence(record.evidence),
    }


def project(kg: KnowledgeGraph, contact: Contact) -> ContactRecord:
    """A contact's projection, with its codes."""
    return contact_record(contact, kg.cameo(contact), kg.plover(contact))


def page_facts(kg: KnowledgeGraph, contacts: set[str] | None) -> dict[str, Any]:
    """Everything the side panels, filters, lists and exports read, keyed by id."""
    facts = kg.facts
    kept = [c for c in facts.contacts.values() if contacts is None or c.id in contacts]
    posts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for post in facts.posts.values():
        posts[post.holder].append(views.post_view(facts, post))
    figures = actor_measures(kg, contacts)
    groups = actor_communities(kg, contacts) or {}
    return {
        "actors": {
            a.id: {
                "name": a.name,
                "names": a.names,
                "aliases": {k: list(v) for k, v in a.aliases.items()},
                "kind": a.kind,
                "country": country_of(kg, a.id),
                "member_of": list(a.member_of),
                "part_of": a.part_of,
                "posts": posts.get(a.id, []),
                **_only_if("wikidata", wikidata_item(a.wikidata)),
                "measures": figures[a.id],  # what `dipgraph rank` gives, to size actors by
                **({"community": groups[a.id]} if groups else {}),  # to colour them by
            }
            for a in facts.actors.values()
        },
        "topics": {
            t.id: {
                "name": t.name,
                "names": t.names,
                "aliases": {k: list(v) for k, v in t.aliases.items()},
                "broader": t.broader,
                **_only_if("wikidata", wikidata_item(t.wikidata)),
            }
            for t in facts.topics.values()
        },
        "contacts": {c.id: _contact_fact(kg, project(kg, c)) for c in kept},
        "statements": {
            s.id: _statement_fact(kg, statement_record(s)) for s in facts.statements.values()
        },
        "sources": {
            s.id: {
                "title": s.title,
                "title_en": s.title_en,
                "publisher": s.publisher,
                "published": views.date_text(s.published),
                "date_note": s.date_note,
                "language": s.language,
                "url": s.url,
                "text": text,
            }
            for s, text in zip(facts.sources.values(), source_texts(facts), strict=True)
        },
    }


def source_texts(facts: Any, budget: int = SOURCE_TEXT_BUDGET) -> list[str | None]:
    """Each source's article text, in order, while the page's budget lasts (None after,
    or when the file cannot be read): the evidence panel shows a quote inside its
    article, offline. The bundled five articles are 40 kB."""
    texts: list[str | None] = []
    left = budget
    for source in facts.sources.values():
        try:
            text = source.file.read_text(encoding="utf-8")
        except (OSError, UnicodeError):
            text = None
        if text is not None and len(text) > left:
            text = None
        left -= len(text or "")
        texts.append(text)
    return texts


def cluster_of(kg: KnowledgeGraph, ident: str) -> str | None:
    """The country an actor is grouped under in a large graph's overview: its own, or
    else that of what it is part of (an agency of a state)."""
    country = country_of(kg, ident)
    actor = kg.facts.actors.get(ident)
    if country is None and actor is not None and actor.part_of:
        country = country_of(kg, actor.part_of)
    return country


def colour_slot(kg: KnowledgeGraph, country: str) -> int:
    """A country's preferred place in COUNTRY_COLOURS, the same on every page: fixed for
    a few states most pages show (by id or Wikidata item), else from a hash of its id."""
    fixed = _fixed_slot(kg, country)
    if fixed is not None:
        return fixed
    return hashlib.sha256(country.encode("utf-8")).digest()[0] % len(COUNTRY_COLOURS)


def _fixed_slot(kg: KnowledgeGraph, country: str) -> int | None:
    wikidata = getattr(kg.facts.actors.get(country), "wikidata", None)
    return FIXED_SLOTS.get(country, FIXED_SLOTS.get(wikidata or ""))


def country_colours(kg: KnowledgeGraph) -> dict[str, str]:
    """A colour for each of the busiest countries; the rest go grey.

    The rule, so that a country keeps its colour from page to page (a reader comparing
    two exports must not see Russia blue in one and vermilion in the other) while the
    colours on one page stay distinct:

    - which countries get a colour: the len(COUNTRY_COLOURS) with most actors (ties by
      id); every other country is OTHER_COUNTRY grey, named in the panel;
    - which colour: the country's preferred slot (``colour_slot``: fixed for the states
      in FIXED_SLOTS, matched by id or Wikidata item; else the first byte of the SHA-256
      of its id, modulo the number of colours); when another coloured country of the
      page holds that slot, the next free one. Countries with fixed slots choose first,
      then the others, most actors first.

    So Russia is always blue and the United States always vermilion; another country
    keeps its colour on every page where its preferred slot is free.
    """
    counts: dict[str, int] = defaultdict(int)
    for actor in kg.facts.actors.values():
        country = country_of(kg, actor.id)
        if country:
            counts[country] += 1
    ranked = sorted(counts, key=lambda c: (-counts[c], c))
    coloured = ranked[: len(COUNTRY_COLOURS)]
    slots = {c: colour_slot(kg, c) for c in coloured}
    taken: dict[int, str] = {}
    fixed_first = sorted(coloured, key=lambda c: _fixed_slot(kg, c) is None)  # stable
    for country in fixed_first:
        slot = slots[country]
        while slot in taken:
            slot = (slot + 1) % len(COUNTRY_COLOURS)
        taken[slot] = country
    chosen = {country: COUNTRY_COLOURS[slot] for slot, country in taken.items()}
    return {c: chosen.get(c, OTHER_COUNTRY) for c in ranked}


# ---- vis nodes and edges ----------------------------------------------------------------
def _actor_node(kg: KnowledgeGraph, ident: str, colours: dict[str, str]) -> dict[str, Any]:
    actor = kg.facts.actors[ident]
    country = country_of(kg, ident)
    fill = colours.get(country or "", NO_COUNTRY)
    return {
        "id": ident,
        "label": actor.name,
        "shape": SHAPES[actor.kind],
        "color": {"background": fill, "border": INK},
        "size": 14 if actor.kind == "person" else 12,
        "kind": "actor",
    }


def _event_node(ident: str, label: str, fill: str, dashed: bool, ink: str) -> dict[str, Any]:
    return {
        "id": ident,
        "label": label,
        "shape": "box",
        # Selected or hovered, a box keeps its fill and gains a blue outline: vis-network's
        # light-blue highlight fill put white text ("talks · secret") on a pale box.
        "color": {
            "background": fill,
            "border": INK,
            "highlight": {"background": fill, "border": SELECTED_OUTLINE},
            "hover": {"background": fill, "border": SELECTED_OUTLINE},
        },
        "font": {"size": 14, "color": ink, "strokeWidth": 0, "background": "none"},  # in a box
        "margin": 4,
        "borderWidth": 1.5,
        "borderWidthSelected": 3,
        "shapeProperties": {"borderDashes": [4, 3] if dashed else False},
    }


def contact_label(contact: Contact) -> str:
    """What a contact's node says: its type, its status when it did not happen, and
    "· secret" when it was secret (its box is black, and dashed when it did not
    happen). A long one ("consultations (disputed) · secret") is made room for, or
    shortened where there is none, by the page (label_spacing.js)."""
    word = TYPE_WORDS.get(contact.type, contact.type.replace("_", " "))
    label = word if status_counts(contact.status) else f"{word} ({contact.status})"
    return f"{label} · secret" if contact.secret else label


def _edge(source: str, target: str, kind: str, fact: str, layer: str) -> dict[str, Any]:
    return {"id": "", "from": source, "to": target, "kind": kind, "fact": fact, "layer": layer}


def _small_graph(
    kg: KnowledgeGraph, kept: list[Contact], colours: dict[str, str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    facts = kg.facts
    nodes: list[dict[str, Any]] = [_actor_node(kg, a, colours) for a in facts.actors]
    nodes += [
        {
            "id": t.id,
            "label": t.name,
            "shape": SHAPES["topic"],
            "color": {"background": TOPIC_COLOUR, "border": INK},
            "size": 8,
            "font": {"size": 14, "color": "#55551a"},
            "kind": "topic",
        }
        for t in facts.topics.values()
    ]
    edges: list[dict[str, Any]] = []
    for contact in kept:
        ident = f"contact:{contact.id}"
        node = _event_node(
            ident,
            contact_label(contact),
            SECRET_FILL if contact.secret else CONTACT_FILL,
            not status_counts(contact.status),
            "#ffffff" if contact.secret else "#222222",
        )
        nodes.append({**node, "kind": "contact", "fact": contact.id})
        for link in contact_record(contact).links:  # parties to the contact, it to roles
            ends = (link.actor, ident) if link.role == PARTY else (ident, link.actor)
            edges.append(_edge(*ends, link.role, contact.id, "contacts"))
        edges += [_edge(ident, t, "topic", contact.id, "topics") for t in contact.topics]
    for s in facts.statements.values():
        ident = f"statement:{s.id}"
        node = _event_node(ident, s.kind.replace("_", " "), STATEMENT_COLOUR, False, "#222222")
        nodes.append({**node, "kind": "statement", "fact": s.id})
        edges.append(_edge(s.speaker, ident, "said", s.id, "statements"))
        edges += [_edge(ident, target, "about", s.id, "statements") for target in s.about]
    for post in facts.posts.values():
        if post.organization:
            edges.append(_edge(post.holder, post.organization, "post", post.id, "posts"))
    for actor in facts.actors.values():
        edges += [_edge(actor.id, o, "member_of", actor.id, "posts") for o in actor.member_of]
        if actor.part_of:
            edges.append(_edge(actor.id, actor.part_of, "part_of", actor.id, "posts"))
        if actor.kind != "state" and actor.country:
            edges.append(_edge(actor.id, actor.country, "country", actor.id, "countries"))
    for topic in facts.topics.values():
        if topic.broader:
            edges.append(_edge(topic.id, topic.broader, "broader", topic.id, "topics"))
    # Parallel edges (two posts in one organization) get their own curve each.
    seen: dict[tuple[str, str], int] = defaultdict(int)
    for edge in edges:
        pair = (min(edge["from"], edge["to"]), max(edge["from"], edge["to"]))
        if seen[pair]:
            edge["smooth"] = {"type": "curvedCW", "roundness": 0.25 * seen[pair]}
        seen[pair] += 1
    return nodes, edges


def node_size(degree: int) -> float:
    """Disc radius (canvas units) from the number of actors met: hubs stand out."""
    return round(5 + 2.5 * math.sqrt(degree), 1)


def pair_count(contact: Contact) -> int:
    """How many cross-side pairs a contact joins, without listing them (a 500 x 500
    assembly joins 250,000)."""
    sizes = [len(side) for side in contact.sides]
    return (sum(sizes) ** 2 - sum(n * n for n in sizes)) // 2


def _contact_mark(contact: Contact, parties: int) -> dict[str, Any]:
    """A large graph's node for a contact with many parties, joined to each of them."""
    return {
        "id": f"contact:{contact.id}",
        "kind": "contact",
        "fact": contact.id,
        "shape": "square",
        "color": {"background": SECRET_FILL if contact.secret else CONTACT_FILL, "border": INK},
        "size": min(node_size(parties), MARK_SIZE),
        "degree": parties,
        "dashed": not status_counts(contact.status),
    }


def _large_graph(
    kg: KnowledgeGraph, kept: list[Contact], colours: dict[str, str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Actors who took part in a kept contact; one edge per pair that talked, except
    that a contact joining more than MARK_PAIRS pairs is its own mark, joined to its
    parties (a line per pair would be 250,000 lines for a 500 x 500 assembly)."""
    by_pair: dict[tuple[str, str], list[str]] = defaultdict(list)
    marks: list[Contact] = []
    for contact in kept:
        if pair_count(contact) > MARK_PAIRS:
            marks.append(contact)
            continue
        for a, b in contact.pairs:
            pair = (a, b) if a < b else (b, a)
            if not by_pair[pair] or by_pair[pair][-1] != contact.id:
                by_pair[pair].append(contact.id)
    # Degree = lines drawn to the node: the actors it met one to one, and its marks.
    degree: dict[str, int] = defaultdict(int)
    for a, b in by_pair:
        degree[a] += 1
        degree[b] += 1
    for contact in marks:
        for ident in set(contact.participants):
            degree[ident] += 1
    nodes = []
    for ident in kg.facts.actors:
        if degree[ident]:
            node = _actor_node(kg, ident, colours)
            node.update(
                shape="dot",
                size=node_size(degree[ident]),
                degree=degree[ident],
                country=cluster_of(kg, ident),
            )
            nodes.append(node)
    contacts = kg.facts.contacts
    edges = []
    for (a, b), ids in by_pair.items():
        secret = any(contacts[c].secret for c in ids)
        happened = any(status_counts(contacts[c].status) for c in ids)
        edge = _edge(a, b, "pair", ids[0], "contacts")
        edge.update(contacts=ids, width=round(1 + math.log2(len(ids)), 2))
        if secret:
            edge["secret"] = True
        if not happened:
            edge["dashes"] = True
        edges.append(edge)
    for contact in marks:
        mark = _contact_mark(contact, len(contact.participants))
        nodes.append(mark)
        edges += [
            _edge(a, mark["id"], "party", contact.id, "contacts") for a in contact.participants
        ]
    return nodes, edges


def graph_view(
    kg: KnowledgeGraph, contacts: set[str] | None = None, large: bool = False
) -> dict[str, Any]:
    """Nodes, edges, facts and legend for the page.

    ``contacts`` limits the page to those contacts (all when None); ``large`` draws
    one edge per pair of actors instead of one node per contact.
    """
    kept = [c for c in kg.facts.contacts.values() if contacts is None or c.id in contacts]
    colours = country_colours(kg)
    nodes, edges = (_large_graph if large else _small_graph)(kg, kept, colours)
    for number, edge in enumerate(edges):
        edge["id"] = f"e{number}"
    types = kg.model.vocabularies["contact_types"]
    statuses = list(kg.model.vocabularies["contact_statuses"])
    shown_countries = {country_of(kg, a) for c in kept for a in c.participants}
    legend = {
        "countries": [
            {"id": c, "name": kg.facts.actors[c].name, "color": colour}
            for c, colour in colours.items()
            if c in shown_countries or not large
        ],
        "other_country": OTHER_COUNTRY,
        "contact_types": [
            {"id": t, "label": v["label"], "word": TYPE_WORDS.get(t, t)} for t, v in types.items()
        ],
        "statuses": statuses,
        # What the page shows and its path finder crosses unless asked for more: the
        # statuses `talks`, `path` and the named queries count by default.
        "default_statuses": [s for s in statuses if s in DEFAULT_STATUSES],
        # `path`'s longest path and --all's count, for the page's path finder.
        "path": {"max_hops": MAX_HOPS, "limit": PATH_LIMIT},
    }
    return {
        "nodes": nodes,
        "edges": edges,
        "facts": page_facts(kg, contacts),
        "legend": legend,
        "large": large,
    }
