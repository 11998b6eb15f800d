"""Graph exports of the NetworkX graph: GraphML and GEXF (Gephi), and CSV node/edge tables.

Parallel facts between two actors stay separate edges, each with its fact id
as the edge id / key.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from dipgraph.exports.atomic import atomic_path, atomic_text

if TYPE_CHECKING:
    from dipgraph.graph.knowledge import KnowledgeGraph


def write_graphml(kg: KnowledgeGraph, target: Path) -> Path:
    import networkx as nx

    with atomic_path(target) as temporary:
        nx.write_graphml(kg.networkx, temporary, encoding="utf-8")
    return target


def write_gexf(kg: KnowledgeGraph, target: Path) -> Path:
    import networkx as nx

    with atomic_path(target) as temporary:
        nx.write_gexf(kg.networkx, temporary, encoding="utf-8")
    return target


def write_csv_tables(kg: KnowledgeGraph, target: Path) -> Path:
    """``target`` gets the nodes; a sibling ``*-edges.csv`` the edges (one row a fact)."""
    graph = kg.networkx
    node_keys = sorted({k for _, data in graph.nodes(data=True) for k in data})
    edge_keys = sorted({k for *_, data in graph.edges(keys=True, data=True) for k in data})
    edges_path = target.with_name(
        target.name.replace("-nodes", "").removesuffix(".csv") + "-edges.csv"
    )
    with atomic_text(target) as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["id", *node_keys])
        for node, data in graph.nodes(data=True):
            writer.writerow([node, *(data.get(k, "") for k in node_keys)])
    with atomic_text(edges_path) as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["source", "target", "key", *edge_keys])
        for u, v, key, data in graph.edges(keys=True, data=True):
            writer.writerow([u, v, key, *(data.get(k, "") for k in edge_keys)])
    return target
