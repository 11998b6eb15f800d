"""Path search: shortest, all, temporal; checked against networkx on the same graph."""

from __future__ import annotations

import datetime as dt
import random

import networkx as nx
import pytest

from dipgraph.graph.paths import Link, all_paths, build_adjacency, shortest_path


def day(n: int) -> int:
    """Day ``n`` of 2020 as a day number, the unit links carry."""
    return (dt.date(2020, 1, 1) + dt.timedelta(days=n)).toordinal()


def link(a: str, b: str, fact: str, when: int | None) -> Link:
    return Link(
        a,
        b,
        "meeting",
        fact,
        day(when) if when is not None else None,
        day(when) if when is not None else None,
    )


def test_shortest_path_picks_fewest_hops() -> None:
    adjacency = build_adjacency(
        [
            link("a", "b", "1", 1),
            link("b", "c", "2", 2),
            link("a", "x", "3", 1),
            link("x", "y", "4", 1),
            link("y", "c", "5", 1),
        ]
    )
    path = shortest_path(adjacency, "a", "c", max_hops=5)
    assert [hop.fact for hop in path] == ["1", "2"]
    assert shortest_path(adjacency, "a", "c", max_hops=1) is None


def test_temporal_path_needs_dates_in_order() -> None:
    # a-b on day 5, b-c on day 3 (too early), b-d-c later: the temporal path detours.
    adjacency = build_adjacency(
        [
            link("a", "b", "ab", 5),
            link("b", "c", "bc", 3),
            link("b", "d", "bd", 6),
            link("d", "c", "dc", 7),
        ]
    )
    assert [h.fact for h in shortest_path(adjacency, "a", "c", 5)] == ["ab", "bc"]
    assert [h.fact for h in shortest_path(adjacency, "a", "c", 5, temporal=True)] == [
        "ab",
        "bd",
        "dc",
    ]


def test_a_loosely_dated_hop_does_not_move_the_clock_back() -> None:
    # a-b on day 100; b-c some day of days 1-365 (a year); c-d on days 50-60. After a-b the
    # clock stands at day 100 whatever b-c's span: c-d, over by day 60, cannot follow.
    loose = Link("b", "c", "meeting", "bc", day(1), day(365))
    adjacency = build_adjacency(
        [link("a", "b", "ab", 100), loose, Link("c", "d", "meeting", "cd", day(50), day(60))]
    )
    assert [h.fact for h in shortest_path(adjacency, "a", "d", 5)] == ["ab", "bc", "cd"]
    assert shortest_path(adjacency, "a", "d", 5, temporal=True) is None
    assert all_paths(adjacency, "a", "d", 5, temporal=True) == []
    assert [h.fact for h in shortest_path(adjacency, "a", "c", 5, temporal=True)] == ["ab", "bc"]


def test_temporal_path_skips_undated_links() -> None:
    adjacency = build_adjacency([link("a", "b", "ab", None), link("b", "c", "bc", 2)])
    assert shortest_path(adjacency, "a", "c", 3) is not None
    assert shortest_path(adjacency, "a", "c", 3, temporal=True) is None


def test_all_paths_are_simple_and_shortest_first() -> None:
    adjacency = build_adjacency(
        [
            link("a", "b", "1", 1),
            link("b", "c", "2", 2),
            link("a", "c", "3", 3),
            link("a", "d", "4", 1),
            link("d", "c", "5", 1),
        ]
    )
    found = all_paths(adjacency, "a", "c", max_hops=3)
    assert [[h.target for h in p] for p in found] == [["c"], ["b", "c"], ["d", "c"]]
    assert all_paths(adjacency, "a", "c", max_hops=3, limit=1) == [found[0]]


def test_shortest_lengths_agree_with_networkx_on_random_graphs() -> None:
    rng = random.Random(7)
    for _ in range(20):
        nodes = [f"n{i}" for i in range(30)]
        links = [link(*rng.sample(nodes, 2), str(i), i) for i in range(45)]
        graph = nx.Graph([(item.source, item.target) for item in links])
        adjacency = build_adjacency(links)
        for source, target in [rng.sample(list(graph), 2) for _ in range(10)]:
            ours = shortest_path(adjacency, source, target, max_hops=30)
            if nx.has_path(graph, source, target):
                assert len(ours) == nx.shortest_path_length(graph, source, target)
                assert ours[0].source == source and ours[-1].target == target
            else:
                assert ours is None


@pytest.mark.parametrize("hops", [2, 3, 4])
def test_all_paths_match_networkx_simple_paths(hops: int) -> None:
    rng = random.Random(hops)
    nodes = [f"n{i}" for i in range(12)]
    links = [link(*rng.sample(nodes, 2), str(i), i) for i in range(25)]
    graph = nx.Graph([(item.source, item.target) for item in links])
    source, target = "n0", "n1"
    assert source in graph and target in graph, "these seeds always include both ends"
    expected = {tuple(p) for p in nx.all_simple_paths(graph, source, target, cutoff=hops)}
    ours = {
        (source, *(h.target for h in p))
        for p in all_paths(build_adjacency(links), source, target, hops)
    }
    assert ours == expected


@pytest.mark.parametrize("facts", [None, "tests/fixtures/small"])  # bundled, and dated
@pytest.mark.parametrize(
    ("via", "any_status", "low", "high"),
    [
        ("contacts", False, None, None),
        ("all", True, None, None),
        ("all", False, dt.date(2021, 1, 1).toordinal(), dt.date(2022, 12, 31).toordinal()),
    ],
)
def test_the_lazy_adjacency_equals_one_built_from_every_link(
    facts, via, any_status, low, high
) -> None:
    """Paths search an adjacency filled per actor on first visit; it must hold exactly the
    neighbours and links, in the same order, that indexing every link gives."""
    import dipgraph
    from dipgraph.dates import may_overlap

    kg = dipgraph.load(facts)
    eager = build_adjacency(
        link for link in kg.links(via, any_status) if may_overlap(link.start, link.end, low, high)
    )
    lazy = kg.adjacency(via, any_status, low, high)
    assert eager or (facts is None and low is not None)  # bundled facts carry no dates
    for actor in kg.facts.actors:
        assert lazy.get(actor, {}) == eager.get(actor, {}), actor
