"""Compiling facts into a NetworkX MultiDiGraph.

Nodes are actors, topics and sources (keyed by id, ``node_type`` says which).
Every fact is an edge keyed by the fact's id, so parallel facts stay distinct:
contacts join each pair of participants (``relation='contact'``), posts join
holder and organization, statements join speaker and what they are about.
Attribute values are plain strings, numbers and booleans (lists as JSON text)
so GraphML and GEXF can carry them unchanged.

>>> import dipgraph
>>> g = dipgraph.load("tests/fixtures/small").networkx
>>> g.nodes["vladimir-putin"]["name_ar"]
'فلاديمير بوتين'
>>> sorted(k for _, _, k in g.edges("alice-adams", keys=True))[:3]
['adams-belov-call', 'adams-belov-call:new-start', 'adams-dorin-message']
"""

from __future__ import annotations

import json
from itertools import combinations
from typing import TYPE_CHECKING, Any

import networkx as nx

from dipgraph.graph import views

if TYPE_CHECKING:
    from dipgraph.graph.knowledge import KnowledgeGraph


def _names(prefix: str, names: dict[str, str]) -> dict[str, str]:
    return {f"{prefix}_{lang}": text for lang, text in names.items()}


def _evidence(fact: Any) -> str:
    return json.dumps(views.evidence_view(fact.evidence), ensure_ascii=False)


def _clean(attributes: dict[str, Any]) -> dict[str, Any]:
    """Drop unknown values: GraphML has no null."""
    return {k: v for k, v in attributes.items() if v is not None}


def to_networkx(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """The whole dataset as one MultiDiGraph."""
    facts = kg.facts
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
        attributes = _clean(
            {
                "relation": "contact",
                "type": contact.type,
                "cameo": kg.cameo(contact.type),
                "date": views.date_text(contact.date),
                "status": contact.status,
                "secret": contact.secret,
                "summary": contact.summary,
                "topics": json.dumps(list(contact.topics)),
                "evidence": _evidence(contact),
            }
        )
        for a, b in combinations(contact.participants, 2):
            graph.add_edge(a, b, key=contact.id, **attributes)
        for participant in contact.participants:
            for topic in contact.topics:
                graph.add_edge(
                    participant,
                    topic,
                    key=f"{contact.id}:{topic}",
                    relation="discussed",
                    fact=contact.id,
                )
    for post in facts.posts.values():
        if post.organization:
            graph.add_edge(
                post.holder,
                post.organization,
                key=post.id,
                **_clean(
                    {
                        "relation": "post",
                        "post": post.title,
                        "from": views.date_text(post.from_),
                        "until": views.date_text(post.until),
                        "as_of": views.date_text(post.as_of),
                        "evidence": _evidence(post),
                    }
                ),
            )
    for statement in facts.statements.values():
        for target in statement.about:
            graph.add_edge(
                statement.speaker,
                target,
                key=f"{statement.id}:{target}",
                **_clean(
                    {
                        "relation": "statement",
                        "kind": statement.kind,
                        "fact": statement.id,
                        "date": views.date_text(statement.date),
                        "summary": statement.summary,
                        "evidence": _evidence(statement),
                    }
                ),
            )
    for actor in facts.actors.values():
        for relation, targets in (
            ("member_of", actor.member_of),
            ("part_of", (actor.part_of,)),
            ("country", (actor.country,)),
        ):
            for target in targets:
                if target:
                    graph.add_edge(
                        actor.id, target, key=f"{relation}:{actor.id}:{target}", relation=relation
                    )
    for topic in facts.topics.values():
        if topic.broader:
            graph.add_edge(topic.id, topic.broader, key=f"broader:{topic.id}", relation="broader")
    return graph
