"""How two actors are connected: path search over a light adjacency of links.

Plain functions over a mapping ``actor -> neighbour -> [Link]``, so a query
needs no graph library at start-up. A link's dates are day numbers
(``date.toordinal()``): the span of days it may have happened in. A *temporal*
path only uses links whose dates may follow one another: each link's end is not
before the previous link's start (dates are intervals, so partial dates stay honest).

>>> import datetime as dt
>>> day = lambda *ymd: dt.date(*ymd).toordinal()
>>> links = [Link("a", "b", "call", "c1", day(2020, 1, 1), day(2020, 1, 31)),
...          Link("b", "c", "meeting", "c2", day(2019, 1, 1), day(2019, 12, 31))]
>>> adjacency = build_adjacency(links)
>>> [hop.fact for hop in shortest_path(adjacency, "a", "c", max_hops=3)]
['c1', 'c2']
>>> shortest_path(adjacency, "a", "c", max_hops=3, temporal=True) is None
True
"""

from __future__ import annotations

import functools
import itertools
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

Adjacency = dict[str, dict[str, list["Link"]]]
NEVER = 0  # before every day number (ordinals start at 1)
#: The longest path `path` considers, and how many paths `path --all` lists, unless
#: asked otherwise: the CLI, the Python API and the page share them.
MAX_HOPS = 6
PATH_LIMIT = 1000


class Link(NamedTuple):
    """One fact joining two actors, with the span of days it may have happened in.

    A named tuple: paths over 100k contacts create a link per pair of participants.
    """

    source: str
    target: str
    relation: str
    fact: str
    start: int | None = None  # first day it may have happened, as a day number
    end: int | None = None

    def reversed(self) -> Link:
        return Link(self.target, self.source, self.relation, self.fact, self.start, self.end)


def build_adjacency(links: Iterable[Link]) -> Adjacency:
    """Index each link under both its ends (contacts and posts connect both ways).

    A link is stored once, as given; :func:`oriented` turns it the way a path walks it.
    """
    adjacency: Adjacency = {}
    get = adjacency.get
    for link in links:
        a, b = link[0], link[1]
        for here, there in ((a, b), (b, a)):
            neighbours = get(here)
            if neighbours is None:
                adjacency[here] = {there: [link]}
            elif there in neighbours:
                neighbours[there].append(link)
            else:
                neighbours[there] = [link]
    return adjacency


class LazyAdjacency(dict):
    """An adjacency filled one actor at a time, when a search first visits it.

    A path search visits a small part of a large graph; indexing all 120k links of
    100k contacts first took longer than the search. ``links_of(actor)`` returns the
    links touching that actor in the order :func:`build_adjacency` would see them,
    so both give the same neighbours and the same paths.

    >>> links = [Link("a", "b", "call", "c1"), Link("b", "c", "call", "c2")]
    >>> lazy = LazyAdjacency(lambda actor: [x for x in links if actor in x[:2]])
    >>> lazy["b"] == build_adjacency(links)["b"], lazy.get("nobody", {})
    (True, {})
    """

    def __init__(self, links_of: Callable[[str], Iterable[Link]]) -> None:
        super().__init__()
        self._links_of = links_of

    def __missing__(self, actor: str) -> dict[str, list[Link]]:
        neighbours: dict[str, list[Link]] = {}
        for link in self._links_of(actor):
            there = link[1] if link[0] == actor else link[0]
            neighbours.setdefault(there, []).append(link)
        self[actor] = neighbours
        return neighbours

    def get(self, actor: str, default: Any = None) -> Any:  # type: ignore[override]
        return self[actor] or default


def oriented(link: Link, source: str) -> Link:
    """The link as walked from ``source``."""
    return link if link.source == source else link.reversed()


def _representative(links: list[Link]) -> Link:
    """For an untimed path: the most recent dated link, else the first by id."""
    dated = [link for link in links if link.start is not None]
    if dated:
        return max(dated, key=lambda link: (link.start, link.fact))
    return min(links, key=lambda link: link.fact)


def _earliest_after(links: list[Link], arrival: int) -> Link | None:
    """The earliest dated link that may come at or after ``arrival``."""
    feasible = [
        link
        for link in links
        if link.start is not None and link.end is not None and link.end >= arrival
    ]
    return min(feasible, key=lambda link: (link.start, link.fact)) if feasible else None


def _arrival(previous: int, link: Link) -> int:
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
    return hops_along(adjacency, nodes)


Sides = tuple[tuple[str, ...], ...]


class _Search:
    """One side of a bidirectional search over the actor–event graph."""

    def __init__(self, events_of: Callable[[str], Iterable[tuple[str, Sides]]], root: str):
        self.events_of = events_of
        self.parents: dict[str, str | None] = {root: None}
        self.depth: dict[str, int] = {root: 0}
        self.frontier = [root]
        self.level = 0
        self.released: dict[str, set[int]] = {}

    def grow(self) -> None:
        """Visit the next layer: every actor one hop beyond the frontier."""
        reached: list[str] = []
        self.level += 1
        for node in self.frontier:
            found: set[str] = set()
            for event, sides in self.events_of(node) or ():
                done = self.released.setdefault(event, set())
                if len(done) == len(sides):
                    continue
                mine = next(n for n, side in enumerate(sides) if node in side)
                for number, side in enumerate(sides):
                    if number != mine and number not in done:
                        found.update(side)
                        done.add(number)
            for neighbour in sorted(found):
                if neighbour not in self.parents:
                    self.parents[neighbour] = node
                    self.depth[neighbour] = self.level
                    reached.append(neighbour)
        self.frontier = reached

    def chain(self, node: str) -> list[str]:
        """The actors from ``node`` back to this search's root."""
        nodes = [node]
        while (parent := self.parents[nodes[-1]]) is not None:
            nodes.append(parent)
        return nodes


def shortest_actor_path(
    events_of: Callable[[str], Iterable[tuple[str, Sides]]],
    source: str,
    target: str,
    max_hops: int,
) -> list[str] | None:
    """The actors of one shortest path, searched through contact events.

    ``events_of(actor)`` gives ``(event id, sides)`` for every event the actor is a
    party to. A hop joins actors on different sides of one event. The search walks
    the bipartite actor–event graph: entering an event from one side releases every
    other side once, so an event of N parties costs O(N), not the N² of its pairs.
    It grows from both ends, a layer at a time on the side with the smaller
    frontier, and stops at the first layer where the two meet: in a large graph it
    visits a few hundred actors where a one-sided search visits thousands. Layers
    are visited in id order, so the answer is the same on every run.

    >>> events = {"a": [("m", (("a", "b"), ("c",)))], "b": [("m", (("a", "b"), ("c",)))],
    ...           "c": [("m", (("a", "b"), ("c",))), ("k", (("c",), ("d",)))],
    ...           "d": [("k", (("c",), ("d",)))]}
    >>> shortest_actor_path(events.get, "a", "d", max_hops=3)
    ['a', 'c', 'd']
    >>> shortest_actor_path(events.get, "a", "b", max_hops=3)  # one side: only via c
    ['a', 'c', 'b']
    >>> shortest_actor_path(events.get, "a", "d", max_hops=1) is None
    True
    """
    if source == target:
        return None
    forward, backward = _Search(events_of, source), _Search(events_of, target)
    while forward.level + backward.level < max_hops and forward.frontier and backward.frontier:
        # No meeting yet means every path is longer than both levels together.
        growing, other = (
            (forward, backward)
            if len(forward.frontier) <= len(backward.frontier)
            else (backward, forward)
        )
        growing.grow()
        meetings = [node for node in growing.frontier if node in other.parents]
        if meetings:
            middle = min(meetings, key=lambda node: (other.depth[node], node))
            nodes = forward.chain(middle)[::-1] + backward.chain(middle)[1:]
            return nodes if len(nodes) - 1 <= max_hops else None
    return None


def hops_along(adjacency: Adjacency, nodes: list[str]) -> list[Link]:
    """The representative link of each hop of a path of actors (see shortest_path)."""
    return [oriented(_representative(adjacency[a][b]), a) for a, b in itertools.pairwise(nodes)]


def _temporal_shortest(
    adjacency: Adjacency, source: str, target: str, max_hops: int
) -> list[Link] | None:
    """Fewest hops with dates in order; keeps the earliest arrival at each actor."""
    best: dict[str, int] = {source: NEVER}
    layer: dict[str, list[Link]] = {source: []}
    for _ in range(max_hops):
        next_layer: dict[str, list[Link]] = {}
        for node in sorted(layer):
            path = layer[node]
            arrival = functools.reduce(_arrival, path, NEVER)  # the latest start so far
            for neighbour, links in sorted(adjacency.get(node, {}).items()):
                found = _earliest_after(links, arrival)
                if found is None or any(hop.source == neighbour for hop in path):
                    continue
                link = oriented(found, node)
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
    A step is only taken towards an actor from which the target is still within reach
    (its hop distance to the target fits the hops left), so the work follows the paths
    found, not every partial path: a contact of 500 against 500 parties has 10¹⁰ walks
    of four hops, of which only a few reach the target.
    """
    found: list[list[Link]] = []
    distance = _distances(adjacency, target, max_hops)

    def walk(node: str, visited: set[str], path: list[Link], arrival: int, length: int) -> None:
        if len(found) >= limit:
            return
        if node == target:
            if len(path) == length:
                found.append(list(path))
            return
        if len(path) == length:
            return
        left = length - len(path) - 1  # hops left after this step
        for neighbour, links in sorted(adjacency.get(node, {}).items()):
            if neighbour in visited or distance.get(neighbour, max_hops + 1) > left:
                continue
            chosen = _earliest_after(links, arrival) if temporal else _representative(links)
            if chosen is None:
                continue
            link = oriented(chosen, node)
            visited.add(neighbour)
            path.append(link)
            walk(neighbour, visited, path, _arrival(arrival, link) if temporal else arrival, length)
            path.pop()
            visited.discard(neighbour)

    if source != target:
        for length in range(1, max_hops + 1):
            walk(source, {source}, [], NEVER, length)
    return found


def _distances(adjacency: Adjacency, target: str, max_hops: int) -> dict[str, int]:
    """Hop distance to ``target`` of every actor within ``max_hops`` of it (links are
    undirected, so a search from the target measures the distance to it)."""
    distance = {target: 0}
    frontier = [target]
    for depth in range(1, max_hops + 1):
        reached = []
        for node in frontier:
            for neighbour in adjacency.get(node, {}):
                if neighbour not in distance:
                    distance[neighbour] = depth
                    reached.append(neighbour)
        frontier = reached
    return distance
