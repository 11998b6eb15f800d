"""Communities of actors over the ties `rank` counts (graph/communities.py): the same on
every build, numbered largest first, carried by the page's data and by GraphML and GEXF."""

from __future__ import annotations

from pathlib import Path

import pytest

import dipgraph
from conftest import TESTS
from dipgraph.graph.communities import communities
from dipgraph.graph.rank import ties

RANK = TESTS / "fixtures" / "rank"


@pytest.fixture(scope="module")
def kg():
    return dipgraph.load(RANK)


def two_triangles_and_a_bridge() -> list:
    """Two groups who talk among themselves, one contact between them."""
    pairs = [("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")]
    pairs += [("w", "x")]  # the second group is the larger
    return [(f"c{n}", ((a,), (b,))) for n, (a, b) in enumerate(pairs)]


def test_groups_that_talk_among_themselves_are_found_largest_first() -> None:
    found = communities(ties(two_triangles_and_a_bridge()))
    assert found == {"w": 1, "x": 1, "y": 1, "z": 1, "a": 2, "b": 2, "c": 2}


def test_the_same_communities_whatever_the_order_of_the_facts() -> None:
    contacts = two_triangles_and_a_bridge()
    assert communities(ties(contacts)) == communities(ties(list(reversed(contacts))))


def test_the_page_data_graphml_and_gexf_carry_the_community(kg, tmp_path: Path) -> None:
    import networkx as nx

    from dipgraph.exports.html import page_data
    from dipgraph.exports.network import actor_communities, write_gexf, write_graphml

    groups = actor_communities(kg)
    assert groups is not None
    # only contacts that happened count, as in `rank`: the states took part in none
    assert groups["russia"] == 0 and groups["anton-arkin"] > 0
    assert groups["anton-arkin"] == groups["bill-brand"] != groups["tamer-toprak"]
    actors = page_data(kg)["facts"]["actors"]
    assert {a: actors[a]["community"] for a in actors} == groups
    for read in (
        nx.read_graphml(write_graphml(kg, tmp_path / "g.graphml")),
        nx.read_gexf(write_gexf(kg, tmp_path / "g.gexf")),
    ):
        assert {a: read.nodes[a]["community"] for a in groups} == groups
        assert "community" not in read.nodes["arkin-brand-meeting"]  # actors only


def test_too_many_ties_leave_the_communities_out(kg, tmp_path: Path, monkeypatch) -> None:
    import networkx as nx

    from dipgraph.exports.html import page_data
    from dipgraph.exports.network import actor_communities, write_graphml
    from dipgraph.graph import communities as module

    monkeypatch.setattr(module, "COMMUNITY_WORK", 0)
    assert actor_communities(kg) is None
    assert not [a for a, v in page_data(kg)["facts"]["actors"].items() if "community" in v]
    read = nx.read_graphml(write_graphml(kg, tmp_path / "g.graphml"))
    assert not [a for a in kg.facts.actors if "community" in read.nodes[a]]
