"""Compiling facts into a NetworkX MultiDiGraph.

Nodes are actors, topics, sources and **contacts** (keyed by id, ``node_type``
says which). A contact is an event node, not a set of actor–actor edges: each
party has an edge to it (``relation='party'``, ``side`` = its side's number, from 1
as everywhere: see :data:`dipgraph.facts.FIRST_SIDE`),
each role-holder too (``relation='subject'``, ``'host'`` or ``'mediator'``), and
the contact has an edge to each topic (``'discussed'``). Members of one side are
never joined, and a contact of N parties costs N edges, not N² pairs; use
:func:`talked_pairs` for who talked to whom. Posts join holder and organization,
statements join speaker and what they are about. Attribute values are plain
strings, numbers and booleans (lists as JSON text: a contact's ``sides``,
``reported_by`` and ``evidence``, named as in `talks`) so GraphML and GEXF can carry
them unchanged; a contact's and a statement's come from their projections
(:func:`dipgraph.projection.network_contact`, :func:`~dipgraph.projection.network_statement`),
so the names and the side numbers are those of every other door.

>>> import dipgraph
>>> g = dipgraph.load("tests/fixtures/small").networkx
>>> g.nodes["vladimir-putin"]["name_ar"]
'فلاديمير بوتين'
>>> sorted(k for _, _, k in g.edges("alice-adams", keys=True))[:2]
['adams-belov-call:alice-adams', 'adams-dorin-message:alice-adams']
>>> ("alice-adams", "boris-belov", "adams-belov-call") in set(talked_pairs(g))
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import networkx as nx

from dipgraph.facts import Contact, Facts, cross_pairs
from dipgraph.graph import views
from dipgraph.projection import (
    contact_record,
    date_text,
    evidence_json,
    network_contact,
    network_statement,
    post_record,
    statement_record,
)


def _names(prefix: str, names: dict[str, str]) -> dict[str, str]:
    return {f"{prefix}_{lang}": text for lang, text in names.items()}


def _clean(attributes: dict[str, Any]) -> dict[str, Any]:
    """Drop unknown values: GraphML has no null."""
    return {k: v for k, v in attributes.items() if v is not None}


def to_networkx(
    facts: Facts,
    cameo: Callable[[Contact], str],
    plover: Callable[[Contact], tuple[str | None, str | None]] = lambda _: (None, None),
) -> nx.MultiDiGraph:
    """The whole dataset as one MultiDiGraph (``cameo``: a contact's CAMEO code;
    ``plover``: its PLOVER event and mode)."""
    graph = nx.MultiDiGraph(name="dipgraph")
    for actor in facts.actors.values():
        graph.add_node(
            actor.id,
            **_clean(
                {
                    "node_type": "actor",
                    "kind": actor.kind,
                    "label": actor.name,
                    "country": actor.country,
                    **_names("name", actor.names),
                }
            ),
        )
    for topic in facts.topics.values():
        graph.add_node(topic.id, node_type="topic", label=topic.name, **_names("name", topic.names))
    for source in facts.sources.values():
        graph.add_node(
            source.id,
            **_clean(
                {
                    "node_type": "source",
                    "label": source.name,
                    "publisher": source.publisher,
                    "published": views.date_text(source.published),
                }
            ),
        )

    for contact in facts.contacts.values():
        record = contact_record(contact, cameo(contact), plover(contact))
        graph.add_node(
            record.id,
            node_type="contact",
            label=record.summary,
            **network_contact(record),
        )
        for link in record.links:
            # A party's edge carries its side; a role-holder's, none.
            graph.add_edge(
                link.actor,
                record.id,
                key=f"{record.id}:{link.actor}",
                relation=link.role,
                **({"side": link.side} if link.side is not None else {}),
                fact=record.id,
            )
        for subject in record.topics:
            graph.add_edge(
                record.id,
                subject,
                key=f"{record.id}:{subject}",
                relation="discussed",
                fact=record.id,
            )
    for post in map(post_record, facts.posts.values()):
        if post.organization:
            graph.add_edge(
                post.holder,
                post.organization,
                key=post.id,
                **_clean(
                    {
                        "relation": "post",
                        "post": post.title,
                        "from": date_text(post.start),
                        "until": date_text(post.end),
                        "as_of": date_text(post.as_of),
                        "evidence": evidence_json(post.evidence),
                    }
                ),
            )
    for statement in map(statement_record, facts.statements.values()):
        for target in statement.about:
            graph.add_edge(
                statement.speaker,
                target,
                key=f"{statement.id}:{target}",
                relation="statement",
                **network_statement(statement),
            )
    for member in facts.actors.values():
        for relation, targets in (
            ("member_of", member.member_of),
            ("part_of", (member.part_of,)),
            ("country", (member.country,)),
        ):
            for other in targets:
                if other:
                    graph.add_edge(
                        member.id, other, key=f"{relation}:{member.id}:{other}", relation=relation
                    )
    for topic in facts.topics.values():
        if topic.broader:
            graph.add_edge(topic.id, topic.broader, key=f"broader:{topic.id}", relation="broader")
    return graph


def talked_pairs(graph: nx.MultiDiGraph) -> Iterator[tuple[str, str, str]]:
    """Who talked to whom: ``(actor, actor, contact)`` for every pair of parties of a
    contact node that sit on different sides (never two members of one side)."""
    for node, data in graph.nodes(data=True):
        if data.get("node_type") != "contact":
            continue
        sides: dict[int, list[str]] = {}
        for actor, _, edge in graph.in_edges(node, data=True):
            if edge["relation"] == "party":
                sides.setdefault(edge["side"], []).append(actor)
        for a, b in cross_pairs(tuple(tuple(sides[n]) for n in sorted(sides))):
            yield a, b, node
