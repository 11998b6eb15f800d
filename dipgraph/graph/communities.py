"""Communities of actors: who talks mostly among themselves, for the page's colours.

Over the same ties as :mod:`dipgraph.graph.rank` (two actors sat on different sides of
a contact; a tie weighs as many contacts as it holds), by modularity (Louvain, networkx's
``louvain_communities``) with a fixed seed and the actors in id order: the same
communities on every build of the same facts. Numbered from 1, the largest first (ties
by their first member's id); 0 is "in no contact counted".

>>> from dipgraph.graph.rank import ties
>>> net = ties([("c1", (("a",), ("b",))), ("c2", (("b",), ("c",))),
...             ("c3", (("x",), ("y",))), ("c4", (("y",), ("z",)))])
>>> communities(net)
{'a': 1, 'b': 1, 'c': 1, 'x': 2, 'y': 2, 'z': 2}
"""

from __future__ import annotations

from dipgraph.graph.rank import Ties

SEED = 7
# Louvain over networkx's graph took 30 s on 25,755 ties (10k synthetic contacts) on a
# loaded 2-core machine; past this many ties the page goes without communities.
COMMUNITY_WORK = 6_000


def affordable(net: Ties) -> bool:
    """Whether :func:`communities` of ``net`` takes a second or two, not half a minute."""
    return sum(map(len, net.values())) // 2 <= COMMUNITY_WORK


def communities(net: Ties) -> dict[str, int]:
    """actor -> its community's number (1 the largest), for each actor with a tie."""
    import networkx as nx

    graph = nx.Graph()
    actors = sorted(net)
    graph.add_nodes_from(actors)
    graph.add_weighted_edges_from(
        (a, b, len(held)) for a in actors for b, held in sorted(net[a].items()) if a < b
    )
    found = nx.community.louvain_communities(graph, weight="weight", seed=SEED)
    ordered = sorted((sorted(group) for group in found), key=lambda g: (-len(g), g[0]))
    return {actor: number for number, group in enumerate(ordered, 1) for actor in group}
