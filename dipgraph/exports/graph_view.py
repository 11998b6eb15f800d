"""The graph as the HTML page draws it: vis-network nodes and edges with their facts.

Built from the compiled NetworkX graph (actors and topics; sources are not
drawn). Every edge of that graph between drawn nodes is drawn, so the page and
the graph agree on counts. Each node and edge carries a ``meta`` object the page
shows in its side panel; fact text travels only as data, never as markup.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from dipgraph.dates import PartialDate
from dipgraph.facts import Evidence, Post
from dipgraph.graph import views

if TYPE_CHECKING:
    from dipgraph.graph.knowledge import KnowledgeGraph

SHAPES = {"person": "dot", "organization": "square", "state": "diamond", "topic": "triangle"}
COUNTRY_COLOURS = [
    "#d62728",
    "#1f77b4",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#17becf",
    "#bcbd22",
    "#e377c2",
]
NO_COUNTRY = "#7f7f7f"
TOPIC_COLOUR = "#2ca02c"
CONTACT_COLOURS = [
    "#1f77b4",
    "#d62728",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#17becf",
    "#e377c2",
    "#bcbd22",
    "#393b79",
    "#637939",
    "#843c39",
]
EDGE_STYLES: dict[str, dict[str, Any]] = {
    "post": {"color": "#555555", "dashes": [8, 4], "width": 1.5, "label": "holds a post in"},
    "statement": {
        "color": "#e377c2",
        "dashes": [10, 3, 2, 3],
        "width": 1,
        "label": "statement about",
    },
    "discussed": {"color": "#98df8a", "dashes": False, "width": 0.5, "label": "discussed topic"},
    "member_of": {"color": "#bbbbbb", "dashes": [2, 4], "width": 0.5, "label": "member of"},
    "part_of": {"color": "#bbbbbb", "dashes": [2, 4], "width": 0.5, "label": "part of"},
    "country": {"color": "#dddddd", "dashes": [2, 6], "width": 0.5, "label": "country"},
    "broader": {
        "color": TOPIC_COLOUR,
        "dashes": [2, 4],
        "width": 0.5,
        "label": "narrower topic of",
    },
}


def _country_colours(kg: KnowledgeGraph) -> dict[str, str]:
    """A colour per state, busiest first, so the two main actors get the clearest hues."""
    counts: dict[str, int] = {}
    for actor in kg.facts.actors.values():
        country = actor.id if actor.kind == "state" else actor.country
        if country:
            counts[country] = counts.get(country, 0) + 1
    ranked = sorted(counts, key=lambda c: (-counts[c], c))
    return {c: COUNTRY_COLOURS[i % len(COUNTRY_COLOURS)] for i, c in enumerate(ranked)}


def _evidence(kg: KnowledgeGraph, evidence: tuple[Evidence, ...]) -> list[dict[str, str]]:
    """Quotes with their source's display name, as the side panel shows them."""
    return [
        {**item, "source_name": kg.facts.sources[item["source"]].name}
        for item in views.evidence_view(evidence)
    ]


def _span(date: PartialDate | None) -> tuple[str | None, str | None]:
    """The first and last day a partial date may denote, as ISO text (for the filters)."""
    if date is None:
        return None, None
    return date.first_day.isoformat(), date.last_day.isoformat()


def _actor_node(
    kg: KnowledgeGraph, ident: str, colours: dict[str, str], held: list[Post]
) -> dict[str, Any]:
    actor = kg.facts.actors[ident]
    country = actor.id if actor.kind == "state" else actor.country
    posts = [{**views.post_view(kg.facts, p), "evidence": _evidence(kg, p.evidence)} for p in held]
    return {
        "id": ident,
        "label": actor.name,
        "shape": SHAPES[actor.kind],
        "color": colours.get(country or "", NO_COUNTRY),
        "size": 14 if actor.kind == "person" else 12,
        "meta": {
            "node_type": "actor",
            "kind": actor.kind,
            "names": actor.names,
            "aliases": {k: list(v) for k, v in actor.aliases.items()},
            "country": country,
            "country_name": kg.facts.actors[country].name if country else None,
            "posts": posts,
        },
    }


def _topic_node(kg: KnowledgeGraph, ident: str) -> dict[str, Any]:
    topic = kg.facts.topics[ident]
    return {
        "id": ident,
        "label": topic.name,
        "shape": SHAPES["topic"],
        "color": TOPIC_COLOUR,
        "size": 8,
        "font": {"size": 11, "color": "#2b6b2b"},
        "meta": {
            "node_type": "topic",
            "names": topic.names,
            "broader": topic.broader,
            "aliases": {k: list(v) for k, v in topic.aliases.items()},
        },
    }


def _fact_id(relation: str, key: str, data: dict[str, Any]) -> str:
    """The id under which an edge's details are stored once in the page's fact table."""
    if relation == "contact":
        return key
    if relation == "discussed":
        return data["fact"]  # filtered like its contact
    return f"{relation}:{key}"


def _fact_details(
    kg: KnowledgeGraph, relation: str, key: str, data: dict[str, Any]
) -> dict[str, Any]:
    """What the side panel and the filters need to know about one fact."""
    meta: dict[str, Any] = {"relation": relation}
    if relation in ("contact", "discussed"):
        contact = kg.facts.contacts[key if relation == "contact" else data["fact"]]
        date = views.date_text(contact.date)
        first, last = _span(contact.date)
        meta.update(
            relation="contact",
            fact=contact.id,
            type=contact.type,
            type_label=kg.model.vocabularies["contact_types"][contact.type]["label"],
            cameo=kg.cameo(contact),
            date=date,
            date_note=contact.date_note,
            first=first,
            last=last,
            status=contact.status,
            secret=contact.secret,
            summary=contact.summary,
            topics=[kg.facts.topics[t].name for t in contact.topics],
            participants=[kg.facts.actors[p].name for p in contact.participants],
            place=contact.place,
            evidence=_evidence(kg, contact.evidence),
        )
    elif relation == "post":
        post = kg.facts.posts[key]
        meta.update(
            fact=key,
            post=post.title,
            date=views.interval_text(post.from_, post.until),
            evidence=_evidence(kg, post.evidence),
        )
    elif relation == "statement":
        meta.update(
            fact=data["fact"],
            kind=data["kind"],
            date=data.get("date"),
            summary=data["summary"],
            evidence=_evidence(kg, kg.facts.statements[data["fact"]].evidence),
        )
    return meta


def _edge(
    kg: KnowledgeGraph,
    u: str,
    v: str,
    key: str,
    data: dict[str, Any],
    contact_colours: dict[str, str],
    facts: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    """A vis edge; its fact's details go once into ``facts`` (a contact has many pairs)."""
    relation = data["relation"]
    fact = _fact_id(relation, key, data)
    if fact not in facts:
        facts[fact] = _fact_details(kg, relation, key, data)
    edge: dict[str, Any] = {
        "id": "",  # numbered by graph_view: short ids keep large pages small
        "from": u,
        "to": v,
        "meta": {"relation": relation, "fact": fact},
    }
    if relation == "contact":
        edge.update(
            color=contact_colours[data["type"]], width=2.5, dashes=data["status"] != "happened"
        )
    else:
        edge.update({k: EDGE_STYLES[relation][k] for k in ("color", "dashes", "width")})
    return edge


def kept_nodes(kg: KnowledgeGraph, contacts: set[str] | None) -> set[str] | None:
    """The actors and topics a selection of contacts draws (None: the whole graph)."""
    if contacts is None:
        return None
    return {
        x
        for c in contacts
        for x in (*kg.facts.contacts[c].participants, *kg.facts.contacts[c].topics)
    }


LARGE_GRAPH_RELATIONS = frozenset({"contact"})
_EVENT_RELATIONS = frozenset({"party", "subject", "host", "mediator", "discussed"})


def _drawable_edges(kg: KnowledgeGraph) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """Actor-to-actor edges for the page: one per cross-side pair of a contact (never
    two members of one side), topic links from its parties, and every other fact."""
    for contact in kg.facts.contacts.values():
        data = {"relation": "contact", "type": contact.type, "status": contact.status}
        for a, b in contact.pairs:
            yield a, b, contact.id, data
        for party in contact.participants:
            for topic in contact.topics:
                yield (
                    party,
                    topic,
                    f"{contact.id}:{topic}",
                    {"relation": "discussed", "fact": contact.id},
                )
    for u, v, key, data in kg.networkx.edges(keys=True, data=True):
        if data["relation"] not in _EVENT_RELATIONS:
            yield u, v, key, data


def graph_view(
    kg: KnowledgeGraph, contacts: set[str] | None = None, relations: frozenset[str] | None = None
) -> dict[str, Any]:
    """Nodes, edges, facts and legend for the page.

    ``contacts`` limits the page to those contacts and their actors and topics;
    ``relations`` limits which kinds of edge are drawn (all when None).
    """
    graph = kg.networkx
    types = list(kg.model.vocabularies["contact_types"])
    contact_colours = {t: CONTACT_COLOURS[i % len(CONTACT_COLOURS)] for i, t in enumerate(types)}
    keep = kept_nodes(kg, contacts)
    drawn = [
        n
        for n, d in graph.nodes(data=True)
        if d["node_type"] in ("actor", "topic") and (keep is None or n in keep)
    ]
    drawn_set = set(drawn)
    colours = _country_colours(kg)
    held: dict[str, list[Post]] = {}
    for post in kg.facts.posts.values():
        held.setdefault(post.holder, []).append(post)
    nodes = [
        _actor_node(kg, n, colours, held.get(n, []))
        if graph.nodes[n]["node_type"] == "actor"
        else _topic_node(kg, n)
        for n in drawn
    ]
    edges = []
    facts: dict[str, dict[str, Any]] = {}
    for u, v, key, data in _drawable_edges(kg):
        if u not in drawn_set or v not in drawn_set:
            continue
        if relations is not None and data["relation"] not in relations:
            continue
        fact = key if data["relation"] == "contact" else data.get("fact")
        if (
            contacts is not None
            and data["relation"] in ("contact", "discussed")
            and fact not in contacts
        ):
            continue
        edge = _edge(kg, u, v, key, data, contact_colours, facts)
        edge["id"] = f"e{len(edges)}"
        edges.append(edge)
    countries = sorted({n["meta"]["country"] for n in nodes if n["meta"].get("country")})
    legend = {
        "shapes": [{"kind": k, "shape": s} for k, s in SHAPES.items()],
        "countries": [
            {"id": c, "name": kg.facts.actors[c].name, "color": colours[c]} for c in countries
        ],
        "contact_types": [
            {
                "id": t,
                "label": kg.model.vocabularies["contact_types"][t]["label"],
                "color": contact_colours[t],
            }
            for t in types
        ],
        "statuses": list(kg.model.vocabularies["contact_statuses"]),
        "edge_styles": [
            {"relation": r, **s}
            for r, s in EDGE_STYLES.items()
            if relations is None or r in relations
        ],
    }
    return {"nodes": nodes, "edges": edges, "facts": facts, "legend": legend}
