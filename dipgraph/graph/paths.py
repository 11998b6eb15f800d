"""How two actors are connected: path search over a light adjacency of links.

Plain functions over a mapping ``actor -> neighbour -> [Link]``, so a query
needs no graph library at start-up. A *temporal* path only uses links whose
dates may follow one another: each link's end is not before the previous
link's start (dates are intervals, so partial dates stay honest).

>>> import datetime as dt
>>> links = [Link("a", "b", "call", "c1", dt.date(2020, 1, 1), dt.date(2020, 1, 31)),
...          Link("b", "c", "meeting", "c2", dt.date(2019, 1, 1), dt.date(2019, 12, 31))]
>>> adjacency = build_adjacency(links)
>>> [hop.fact for hop in shortest_path(adjacency, "a", "c", max_hops=3)]
['c1', 'c2']
>>> shortest_path(adjacency, "a", "c", max_hops=3, temporal=True) is None
True
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

Adjacency = dict[str, dict[str, list["Link"]]]


@dataclass(frozen=True, slots=True)
class Link:
    """One fact joining two actors, with the span of days it may have happened in."""

    source: str
    target: str
    relation: str
    fact: str
    start: dt.date | None = None
    end: dt.date | None = None

    def reversed(self) -> Link:
        return Link(self.target, self.source, self.relation, self.fact, self.start, self.end)


def build_adjacency(links: Iterable[Link]) -> Adjacency:
    """Index links both ways (contacts and posts connect in both directions)."""
    adjacency: Adjacency = {}
    for link in links:
        for hop in (link, link.reversed()):
            adjacency.setdefault(hop.source, {}).setdefault(hop.target, []).append(hop)
    for neighbours in adjacency.values():
        for hops in neighbours.values():
            hops.sort(key=_chronological)
    return adjacency


def _chronological(link: Link) -> tuple:
    return (link.start is None, link.start or dt.date.min, link.fact)


def _representative(links: list[Link]) -> Link:
    """For an untimed path: the most recent dated link, else the first."""
    dated = [link for link in links if link.start is not None]
    return dated[-1] if dated else links[0]


def _earliest_after(links: list[Link], arrival: dt.date) -> Link | None:
    """The earliest dated link that may come at or after ``arrival``."""
    for link in links:
        if link.start is not None and link.end is not None and link.end >= arrival:
            return link
    return None


def _arrival(previous: dt.date, link: Link) -> dt.date:
    assert link.start is not None
    return max(previous, link.start)


def shortest_path(
    adjacency: Adjacency, source: str, target: str, max_hops: int, temporal: bool = False
) -> list[Link] | None:
    """One shortest path (fewest hops) from source to target, or None."""
    if temporal:
        return _temporal_shortest(adjacency, source, target, max_hops)
    parents: dict[str, str | None] = {source: None}
    frontier = deque([(source, 0)])
    while frontier:
        node, depth = frontier.popleft()
        if node == target:
            break
        if depth == max_hops:
            continue
        for neighbour in sorted(adjacency.get(node, {})):
            if neighbour not in parents:
                parents[neighbour] = node
                frontier.append((neighbour, depth + 1))
    if target not in parents or source == target:
        return None
    nodes = [target]
    while (parent := parents[nodes[-1]]) is not None:
        nodes.append(parent)
    nodes.reverse()
    return [_representative(adjacency[a][b]) for a, b in itertools.pairwise(nodes)]


def _temporal_shortest(
    adjacency: Adjacency, source: str, target: str, max_hops: int
) -> list[Link] | None:
    """Fewest hops with dates in order; keeps the earliest arrival at each actor."""
    best: dict[str, dt.date] = {source: dt.date.min}
    layer: dict[str, list[Link]] = {source: []}
    for _ in range(max_hops):
        next_layer: dict[str, list[Link]] = {}
        for node in sorted(layer):
            path = layer[node]
            arrival = _arrival(dt.date.min, path[-1]) if path else dt.date.min
            for neighbour, links in sorted(adjacency.get(node, {}).items()):
                link = _earliest_after(links, arrival)
                if link is None or any(hop.source == neighbour for hop in path):
                    continue
                when = _arrival(arrival, link)
                if neighbour in best and best[neighbour] <= when:
                    continue
                best[neighbour] = when
                next_layer[neighbour] = [*path, link]
        if target in next_layer:
            return next_layer[target]
        if not next_layer:
            return None
        layer = next_layer
    return None


def all_paths(
    adjacency: Adjacency,
    source: str,
    target: str,
    max_hops: int,
    temporal: bool = False,
    limit: int = 1000,
) -> list[list[Link]]:
    """Simple paths of at most ``max_hops`` hops, shortest first, at most ``limit``.

    Iterative deepening keeps "shortest first" true even when ``limit`` cuts the list.
    """
    found: list[list[Link]] = []

    def walk(node: str, visited: set[str], path: list[Link], arrival: dt.date, length: int) -> None:
        if len(found) >= limit:
            return
        if node == target:
            if len(path) == length:
                found.append(list(path))
            return
        if len(path) == length:
            return
        for neighbour, links in sorted(adjacency.get(node, {}).items()):
            if neighbour in visited:
                continue
            link = _earliest_after(links, arrival) if temporal else _representative(links)
            if link is None:
                continue
            visited.add(neighbour)
            path.append(link)
            walk(neighbour, visited, path, _arrival(arrival, link) if temporal else arrival, length)
            path.pop()
            visited.discard(neighbour)

    if source != target:
        for length in range(1, max_hops + 1):
            walk(source, {source}, [], dt.date.min, length)
    return found
