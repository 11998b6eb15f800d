"""Who matters: actors ranked by degree, betweenness and brokerage.

Plain functions over the actor–contact graph, so that `rank` needs no graph library.
Two actors are *tied* when they sat on different sides of one contact (members of one
side are never tied, as in `path`); each tie keeps the ids of the contacts behind it,
so every figure can be explained by contacts.

- **degree**: the distinct counterparts of an actor, and the contacts it was a party to;
- **betweenness**: over the unordered pairs of other actors, the share of each pair's
  shortest paths (fewest hops, as `path` finds them) that run through the actor
  (Brandes's algorithm; networkx's ``betweenness_centrality(normalized=False)``);
- **brokerage**: the pairs of the actor's counterparts that belong to different
  countries and have no tie to each other (they are joined through it, and perhaps
  through other brokers too, which :func:`explain` names). Each
  pair has a Gould–Fernandez role: *liaison* when the broker belongs to neither
  country, *gatekeeper* when it shares one of them.

>>> contacts = [("c1", (("a",), ("b",))), ("c2", (("b",), ("c",))), ("c3", (("b",), ("d",)))]
>>> net = ties(contacts)
>>> degree(net, contacts)["b"]
(3, 3)
>>> betweenness(net)["b"]
3.0
>>> groups = {"a": "x", "b": "x", "c": "y", "d": "z"}
>>> [(p.first, p.second, p.role) for p in brokerage(net, groups.get)["b"]]
[('a', 'c', 'gatekeeper'), ('a', 'd', 'gatekeeper'), ('c', 'd', 'liaison')]
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from typing import NamedTuple

Sides = tuple[tuple[str, ...], ...]
# actor -> counterpart -> ids of the contacts where the two sat on different sides
Ties = dict[str, dict[str, list[str]]]


def ties(contacts: Iterable[tuple[str, Sides]]) -> Ties:
    """Who sat across from whom, and in which contacts (ids in the order given).

    >>> ties([("m", (("a", "b"), ("c",)))])["c"]
    {'a': ['m'], 'b': ['m']}
    """
    found: Ties = {}
    for ident, sides in contacts:
        for number, side in enumerate(sides):
            for actor in side:
                mine = found.setdefault(actor, {})
                for other_side in sides[:number] + sides[number + 1 :]:
                    for other in other_side:
                        if other != actor:
                            held = mine.setdefault(other, [])
                            if not held or held[-1] != ident:
                                held.append(ident)
    return found


def contacts_of(contacts: Iterable[tuple[str, Sides]]) -> dict[str, list[str]]:
    """actor -> the ids of the contacts it was a party to, in the order given."""
    found: dict[str, list[str]] = {}
    for ident, sides in contacts:
        for actor in dict.fromkeys(a for side in sides for a in side):
            found.setdefault(actor, []).append(ident)
    return found


def degree(net: Ties, contacts: Iterable[tuple[str, Sides]]) -> dict[str, tuple[int, int]]:
    """actor -> (distinct counterparts, contacts it was a party to)."""
    return {
        actor: (len(net.get(actor, {})), len(held)) for actor, held in contacts_of(contacts).items()
    }


def _reach(net: Ties, source: str) -> tuple[dict[str, int], dict[str, int]]:
    """A breadth-first search from ``source``: each actor's distance from it, and the
    number of shortest paths that lead there."""
    distance = {source: 0}
    count = {source: 1}
    queue = deque([source])
    while queue:
        node = queue.popleft()
        for other in net.get(node, {}):
            if other not in distance:
                distance[other] = distance[node] + 1
                count[other] = 0
                queue.append(other)
            if distance[other] == distance[node] + 1:
                count[other] += count[node]
    return distance, count


def betweenness(net: Ties) -> dict[str, float]:
    """actor -> the sum, over unordered pairs of other actors, of the share of the
    pair's shortest paths that pass through it (Brandes 2001, unweighted).

    Actors are numbered and each search kept in flat lists: on a random graph of 300
    actors, a quarter of the time of networkx's. Still a search from every actor: on
    3,300 actors and 8,600 ties (10k synthetic contacts) 163 s on a loaded 2-core machine.

    >>> betweenness(ties([("c1", (("a",), ("b",))), ("c2", (("b",), ("c",)))]))
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    nodes = sorted(net)
    number = {node: n for n, node in enumerate(nodes)}
    adjacent = [[number[other] for other in sorted(net[node])] for node in nodes]
    size = len(nodes)
    score = [0.0] * size
    for source in range(size):
        count = [0] * size  # shortest paths from the source
        distance = [-1] * size
        owed = [0.0] * size  # the dependency of the source on each actor
        count[source], distance[source] = 1, 0
        order = [source]  # breadth-first: also the queue
        for node in order:
            further, paths = distance[node] + 1, count[node]
            for other in adjacent[node]:
                if distance[other] < 0:
                    distance[other] = further
                    order.append(other)
                if distance[other] == further:
                    count[other] += paths
        for node in reversed(order):
            closer, part = distance[node] - 1, (1 + owed[node]) / count[node]
            for other in adjacent[node]:
                if distance[other] == closer:
                    owed[other] += count[other] * part
            if node != source:
                score[node] += owed[node]
    return {node: score[n] / 2 for n, node in enumerate(nodes)}  # each pair seen twice


class PairShare(NamedTuple):
    """One pair of actors whose shortest paths run (in part) through an actor."""

    first: str
    second: str
    share: float  # of the pair's shortest paths, the part through the actor
    hops: int  # the length of those paths
    before: tuple[str, ...]  # the actor's counterparts on them, on the first's side
    after: tuple[str, ...]  # and on the second's side


def betweenness_of(net: Ties, actor: str) -> list[PairShare]:
    """The pairs behind one actor's betweenness: their shares add up to it.

    A search from every actor, as :func:`betweenness`, plus one from each counterpart
    (distances are symmetric: they give each pair's last step through the actor).

    >>> net = ties([("c1", (("a",), ("b",))), ("c2", (("b",), ("c",)))])
    >>> betweenness_of(net, "b")
    [PairShare(first='a', second='c', share=1.0, hops=2, before=('a',), after=('c',))]
    """
    if actor not in net:
        return []
    mine = sorted(net[actor])
    own, own_count = _reach(net, actor)
    near = {other: _reach(net, other)[0] for other in mine}
    found = []
    nodes = sorted(n for n in net if n != actor)
    for number, first in enumerate(nodes):
        distance, count = _reach(net, first)
        if actor not in distance:
            continue
        to_actor = distance[actor]
        for second in nodes[number + 1 :]:
            hops = distance.get(second)
            if hops is None or to_actor + own[second] != hops:
                continue
            found.append(
                PairShare(
                    first,
                    second,
                    count[actor] * own_count[second] / count[second],
                    hops,
                    tuple(n for n in mine if distance.get(n) == to_actor - 1),
                    tuple(n for n in mine if near[n].get(second) == own[second] - 1),
                )
            )
    return found


class BrokeredPair(NamedTuple):
    """Two counterparts of a broker, of different countries, with no tie to each other."""

    first: str
    second: str
    role: str  # liaison (the broker shares neither's country) or gatekeeper
    contacts: tuple[str, ...]  # the broker's contacts with the first, then the second


def group_of(country: Callable[[str], str | None]) -> Callable[[str], str]:
    """An actor's group for brokerage: its country, or itself when it has none (a
    state, an international organization)."""
    return lambda actor: country(actor) or actor


def brokerage(net: Ties, country: Callable[[str], str | None]) -> dict[str, list[BrokeredPair]]:
    """broker -> the pairs it brokers between countries, ``country`` giving an actor's
    country (None: the actor is a group of its own, see :func:`group_of`)."""
    group = group_of(country)
    return {broker: brokered_by(net, group, broker) for broker in sorted(net)}


def brokered_by(net: Ties, group: Callable[[str], str], broker: str) -> list[BrokeredPair]:
    """The pairs one broker brokers (see :func:`brokerage`), in id order.

    Counterparts are first sorted into their groups, so only pairs of different groups
    are looked at: the 500 compatriots a delegate of a 500 x 500 assembly sat across
    from make no pair, and cost no step.
    """
    mine = net.get(broker, {})
    home = group(broker)
    groups: dict[str, list[str]] = {}
    for other in sorted(mine):
        groups.setdefault(group(other), []).append(other)
    if len(groups) < 2:
        return []
    pairs = []
    names = sorted(groups)
    for number, first_group in enumerate(names):
        for second_group in names[number + 1 :]:
            role = "gatekeeper" if home in (first_group, second_group) else "liaison"
            for first in groups[first_group]:
                tied = net.get(first, {})
                for second in groups[second_group]:
                    if second not in tied:
                        pair = (first, second) if first < second else (second, first)
                        pairs.append(BrokeredPair(*pair, role, (*mine[pair[0]], *mine[pair[1]])))
    pairs.sort()
    return pairs


# ---- rows, as `dipgraph rank` prints them and the API returns them -------------------
MEASURES = ("degree", "betweenness", "brokerage")
FIGURES = ("counterparts", "contacts", "betweenness", "brokerage", "liaison", "gatekeeper")
ROW_KEYS = ("rank", "id", "name", "country", *FIGURES)  # a row of KnowledgeGraph.rank
Contacts = list[tuple[str, Sides]]


# Betweenness searches from every actor: past this many actors x ties it is left out
# unless asked for. 3,300 actors and 8,600 ties (10k synthetic contacts) took 163 s on a
# loaded 2-core machine; 2,000,000 is a few seconds there.
BETWEENNESS_WORK = 2_000_000


def affordable(net: Ties) -> bool:
    """Whether :func:`betweenness` of ``net`` takes seconds, not minutes."""
    return len(net) * sum(map(len, net.values())) // 2 <= BETWEENNESS_WORK


def measures(
    contacts: Contacts, country: Callable[[str], str | None], between: bool | None = True
) -> dict[str, dict]:
    """actor -> every measure, for each actor party to one of ``contacts``:
    counterparts, contacts, betweenness, brokerage, and its liaison and gatekeeper
    pairs. Betweenness is rounded to 6 decimals (sums of shares: 2.9999999 is 3); it is
    None unless ``between`` (None: when :func:`affordable`)."""
    net = ties(contacts)
    held = degree(net, contacts)
    if between is None:
        between = affordable(net)
    shares = betweenness(net) if between else {}
    brokered = brokerage(net, country)
    found = {}
    for actor in sorted(held):
        pairs = brokered.get(actor, [])
        liaison = sum(p.role == "liaison" for p in pairs)
        found[actor] = {
            "counterparts": held[actor][0],
            "contacts": held[actor][1],
            "betweenness": round(shares.get(actor, 0.0), 6) if between else None,
            "brokerage": len(pairs),
            "liaison": liaison,
            "gatekeeper": len(pairs) - liaison,
        }
    return found


def _primary(by: str, row: dict) -> tuple:
    if by == "degree":
        return (row["counterparts"], row["contacts"])
    return (row[by],)


def ranked(contacts: Contacts, country: Callable[[str], str | None], by: str) -> list[dict]:
    """Rows of :func:`measures`, highest ``by`` first (degree: counterparts, then
    contacts), then by degree and id; ``rank`` is shared by equal figures (1, 2, 2, 4).
    Betweenness is computed (else None) only when ranking by it: it costs a search
    from every actor.

    >>> rows = ranked([("c1", (("a",), ("b",))), ("c2", (("b",), ("c",)))], str, "degree")
    >>> [(r["rank"], r["id"], r["counterparts"]) for r in rows]
    [(1, 'b', 2), (2, 'a', 1), (2, 'c', 1)]
    """
    if by not in MEASURES:
        raise ValueError(f"unknown measure '{by}'; choose from: {', '.join(MEASURES)}")
    found = measures(contacts, country, between=by == "betweenness")
    rows = [{"id": actor, **values} for actor, values in found.items()]
    rows.sort(key=lambda r: (*(-v for v in _primary(by, r)), -r["counterparts"], -r["contacts"]))
    previous: tuple | None = None
    for number, row in enumerate(rows, 1):
        here = _primary(by, row)
        if here != previous:
            place, previous = number, here
        row["rank"] = place
    return rows


def explain(
    contacts: Contacts, country: Callable[[str], str | None], actor: str, by: str
) -> list[dict]:
    """The contacts behind one actor's figure for ``by``:

    - degree: each counterpart, with the contacts they had;
    - betweenness: each pair of actors whose shortest paths run through it, with the
      share that does, the counterparts before and after it on those paths, and the
      contacts with them;
    - brokerage: each pair it brokers, its role, its contacts with the two, and the
      pair's other common counterparts (brokers of the same pair).

    >>> contacts = [("c1", (("a",), ("b",))), ("c2", (("b",), ("c",))), ("c3", (("c",), ("d",)))]
    >>> pair = explain([*contacts, ("c4", (("d",), ("a",)))], str, "b", "brokerage")[0]
    >>> pair["first"], pair["second"], pair["role"], pair["contacts"], pair["other_brokers"]
    ('a', 'c', 'liaison', ['c1', 'c2'], ['d'])
    """
    net = ties(contacts)
    mine = net.get(actor, {})
    if by == "degree":
        return [
            {"counterpart": other, "contacts": list(mine[other])}
            for other in sorted(mine, key=lambda other: (-len(mine[other]), other))
        ]
    if by == "betweenness":
        shares = sorted(betweenness_of(net, actor), key=lambda p: (-p.share, p.first, p.second))
        return [
            {
                "first": p.first,
                "second": p.second,
                "share": round(p.share, 6),
                "hops": p.hops,
                "before": list(p.before),
                "after": list(p.after),
                "contacts": list(dict.fromkeys(c for b in p.before + p.after for c in mine[b])),
            }
            for p in shares
        ]
    if by == "brokerage":
        pairs = brokered_by(net, group_of(country), actor)
        return [
            {
                "first": p.first,
                "second": p.second,
                "role": p.role,
                "contacts": list(p.contacts),
                "other_brokers": sorted(set(net[p.first]) & set(net[p.second]) - {actor}),
            }
            for p in pairs
        ]
    raise ValueError(f"unknown measure '{by}'; choose from: {', '.join(MEASURES)}")


def zeros(between: bool = True) -> dict[str, int | float | None]:
    """The figures of an actor in none of the contacts counted (betweenness None when
    it is not computed)."""
    return dict.fromkeys(FIGURES, 0) | {"betweenness": 0.0 if between else None}
