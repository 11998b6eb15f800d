"""Graph exports of the NetworkX graph: GraphML and GEXF (Gephi), and CSV node/edge tables.

Parallel facts between two actors stay separate edges, each with its fact id
as the edge id / key.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dipgraph.exports.atomic import atomic_path, atomic_text
from dipgraph.loader.characters import no_formula
from dipgraph.projection import When, post_record, when

if TYPE_CHECKING:
    import networkx

    from dipgraph.graph.knowledge import KnowledgeGraph


def actor_measures(
    kg: KnowledgeGraph, contacts: set[str] | None = None
) -> dict[str, dict[str, int | float]]:
    """Every actor's figures of `dipgraph rank` (its default: contacts that happened;
    of those, only ``contacts`` when given), 0 for an actor in none: node attributes
    Gephi and Kumu can size and filter by, and the page's ``facts.actors[id].measures``.
    Betweenness is left out of a graph too large to compute it in seconds."""
    from dipgraph.graph.rank import measures, zeros

    figures = measures(_counted(kg, contacts), kg.countries().get, between=None)
    between = any(f["betweenness"] is not None for f in figures.values())
    zero = zeros(between)  # 0.0, not 0: one type a GraphML key
    found = {actor: figures.get(actor, zero) for actor in kg.facts.actors}
    if not between:  # too large to compute (see rank.BETWEENNESS_WORK): left out
        found = {a: {k: v for k, v in f.items() if v is not None} for a, f in found.items()}
    return found


def _counted(kg: KnowledgeGraph, contacts: set[str] | None) -> list[Any]:
    """(id, sides) of the contacts `rank` counts by default, of ``contacts`` when given."""
    return [c for c in kg.ranked_contacts() if contacts is None or c[0] in contacts]


def actor_communities(
    kg: KnowledgeGraph, contacts: set[str] | None = None
) -> dict[str, int] | None:
    """Every actor's community (dipgraph/graph/communities.py) over the ties `rank`
    counts, 0 for an actor in none; None when the ties are too many to compute it in a
    second or two (communities.COMMUNITY_WORK)."""
    from dipgraph.graph.communities import affordable, communities
    from dipgraph.graph.rank import ties

    net = ties(_counted(kg, contacts))
    if not affordable(net):
        return None
    found = communities(net)
    return {actor: found.get(actor, 0) for actor in kg.facts.actors}


def _measured(kg: KnowledgeGraph, graph: Any) -> Any:
    """``graph`` (a copy: never kg.networkx itself) with the measures, and the community
    when computed, on actor nodes."""
    for actor, figures in actor_measures(kg).items():
        graph.nodes[actor].update(figures)  # copied in: a shared zero dict stays zero
    for actor, community in (actor_communities(kg) or {}).items():
        graph.nodes[actor]["community"] = community
    return graph


def write_graphml(kg: KnowledgeGraph, target: Path) -> Path:
    """GraphML of :attr:`KnowledgeGraph.networkx`, actors carrying the rank measures."""
    import networkx as nx

    with atomic_path(target) as temporary:
        nx.write_graphml(_measured(kg, kg.networkx.copy()), temporary, encoding="utf-8")
    return target


def _spell(first: dt.date | None, last: dt.date | None) -> dict[str, str]:
    """GEXF start/end (ISO days) of a span: its earliest possible day, its latest."""
    spell = {}
    if first is not None:
        spell["start"] = first.isoformat()
    if last is not None:
        spell["end"] = last.isoformat()
    return spell


def _dated(date: When | None) -> dict[str, str]:
    """The spell of a dated fact: the days its date may denote."""
    return {} if date is None else _spell(date.first, date.last)


def dynamic_graph(kg: KnowledgeGraph) -> networkx.MultiGraph:
    """The graph for Gephi's timeline: undirected, with start/end on contacts and posts.

    A contact is an event node; it and the edges of its parties and role-holders
    carry the contact's span, posts (holder–organization edges) the span of the
    holding (or the day it is attested on), statements their date. Undated facts
    get no spell, so they show at every time. GEXF readers (networkx among them)
    refuse graphs mixing directed and undirected edges, so every edge is
    undirected and ``relation`` says what it means (a ``post`` joins a holder to
    an organization, a ``statement`` a speaker to what was said about).
    """
    import networkx as nx

    # Edge by edge: nx.MultiGraph(directed) merges a->b and b->a and loses edges; and
    # copies of the attributes, so the spells never leak into kg.networkx.
    directed = kg.networkx
    graph = nx.MultiGraph(**directed.graph)
    graph.add_nodes_from(directed.nodes(data=True))
    graph.add_edges_from(directed.edges(keys=True, data=True))
    graph.graph["mode"] = "dynamic"
    _measured(kg, graph)
    facts = kg.facts
    spells = {c.id: _dated(when(c.date)) for c in facts.contacts.values()}
    spells.update({s.id: _dated(when(s.date)) for s in facts.statements.values()})
    for post in map(post_record, facts.posts.values()):  # a post edge: keyed by its id
        spells[post.id] = _spell(*post.span)
    for contact in facts.contacts.values():
        graph.nodes[contact.id].update(spells[contact.id])
    for _, _, key, data in graph.edges(keys=True, data=True):
        fact = key if data.get("relation") == "post" else data.get("fact")
        data.update(spells.get(fact, {}))
    return graph


def write_gexf(kg: KnowledgeGraph, target: Path) -> Path:
    """GEXF 1.2, mode dynamic (see :func:`dynamic_graph`), so Gephi can play it."""
    import networkx as nx

    with atomic_path(target) as temporary:
        nx.write_gexf(dynamic_graph(kg), temporary, encoding="utf-8")
    return target


def _cells(values: list[Any]) -> list[Any]:
    """Text cells a spreadsheet cannot take for formulas (numbers stay numbers)."""
    return [no_formula(v) if isinstance(v, str) else v for v in values]


def write_csv_tables(kg: KnowledgeGraph, target: Path) -> Path:
    """``target`` gets the nodes (actors with the rank measures); a sibling
    ``*-edges.csv`` the edges (one row a fact)."""
    graph = _measured(kg, kg.networkx.copy())
    node_keys = sorted({k for _, data in graph.nodes(data=True) for k in data})
    edge_keys = sorted({k for *_, data in graph.edges(keys=True, data=True) for k in data})
    edges_path = target.with_name(
        target.name.replace("-nodes", "").removesuffix(".csv") + "-edges.csv"
    )
    with atomic_text(target) as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["id", *node_keys])
        for node, data in graph.nodes(data=True):
            writer.writerow(_cells([node, *(data.get(k, "") for k in node_keys)]))
    with atomic_text(edges_path) as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["source", "target", "key", *edge_keys])
        for u, v, key, data in graph.edges(keys=True, data=True):
            writer.writerow(_cells([u, v, key, *(data.get(k, "") for k in edge_keys)]))
    return target
