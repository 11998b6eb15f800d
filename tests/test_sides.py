"""Contacts have sides and roles: no output may pair two members of one side.

The fixture (tests/fixtures/sides) has a 2+2 meeting of two delegations hosted by a
third state, talks with a mediator, a prisoner exchange whose prisoners are subjects,
a call initiated by a state, and a contact of 1,000 parties (500 against 500).
"""

from __future__ import annotations

import csv
import functools
import itertools
from pathlib import Path

import pytest

import dipgraph
from dipgraph.graph.to_networkx import talked_pairs

SIDES = Path(__file__).parent / "fixtures" / "sides"
SAME_SIDE_PAIRS = {("ivan-lavrin", "oleg-shoin"), ("rex-tallis", "jim-mattock")}


@pytest.fixture(scope="module")
def kg() -> dipgraph.KnowledgeGraph:
    return dipgraph.load(SIDES)


@functools.cache
def _sides_of(contact: str) -> dict[str, int]:
    record = dipgraph.load(SIDES).facts.contacts[contact]
    return {actor: n for n, side in enumerate(record.sides) for actor in side}


def same_side(kg: dipgraph.KnowledgeGraph, a: str, b: str, contact: str) -> bool:
    """Whether a and b sit on one side of the contact."""
    sides = _sides_of(contact)
    return sides[a] == sides[b]


def all_cross_pairs(kg: dipgraph.KnowledgeGraph) -> set[tuple[str, str, str]]:
    return {(a, b, c.id) for c in kg.facts.contacts.values() for a, b in c.pairs}


# -- the model ---------------------------------------------------------------
def test_sides_and_roles_are_read(kg) -> None:
    meeting = kg.facts.contacts["two-plus-two-vienna"]
    assert meeting.sides == (("ivan-lavrin", "oleg-shoin"), ("rex-tallis", "jim-mattock"))
    assert meeting.hosts == ("austria",)
    assert set(meeting.pairs) == {
        ("ivan-lavrin", "rex-tallis"),
        ("ivan-lavrin", "jim-mattock"),
        ("oleg-shoin", "rex-tallis"),
        ("oleg-shoin", "jim-mattock"),
    }
    exchange = kg.facts.contacts["grey-boot-exchange"]
    assert exchange.pairs == (("russia", "usa"),)
    assert exchange.subjects == ("brenda-grey", "viktor-boot")
    assert kg.facts.contacts["qatar-mediated-talks"].mediators == ("qatar",)
    # participants: [a, b] is two sides of one actor each; a state may initiate.
    call = kg.facts.contacts["lavrin-tallis-call"]
    assert call.sides == (("ivan-lavrin",), ("rex-tallis",))
    assert call.initiated_by == "russia"
    big = kg.facts.contacts["assemblies-joint-session"]
    assert [len(side) for side in big.sides] == [500, 500]


# -- talks --------------------------------------------------------------------
def test_talks_json_gives_sides_roles_and_cross_pairs_only(cli) -> None:
    result = cli("talks", "Ivan Lavrin", "--facts", SIDES, "--format", "json")
    assert result.code == 0, result.err
    meeting = next(c for c in result.json() if c["id"] == "two-plus-two-vienna")
    assert meeting["sides"] == [
        [{"id": "ivan-lavrin", "name": "Ivan Lavrin"}, {"id": "oleg-shoin", "name": "Oleg Shoin"}],
        [{"id": "rex-tallis", "name": "Rex Tallis"}, {"id": "jim-mattock", "name": "Jim Mattock"}],
    ]
    assert meeting["hosts"] == [{"id": "austria", "name": "Austria"}]
    assert meeting["subjects"] == meeting["mediators"] == []
    assert len(meeting["pairs"]) == 4
    assert not {tuple(p) for p in meeting["pairs"]} & SAME_SIDE_PAIRS


def test_talks_with_matches_only_across_sides(kg) -> None:
    assert kg.talks("Ivan Lavrin", with_="Oleg Shoin") == []  # colleagues, one side
    ids = [c["id"] for c in kg.talks("Ivan Lavrin", with_="Rex Tallis")]
    assert sorted(ids) == ["lavrin-tallis-call", "two-plus-two-vienna"]
    assert kg.talks("delegate-ru-0001", with_="delegate-ru-0002") == []
    assert [c["id"] for c in kg.talks("delegate-ru-0001", with_="delegate-us-0007")] == [
        "assemblies-joint-session"
    ]


def test_role_holders_are_linked_but_never_parties(kg, cli) -> None:
    assert kg.talks("Brenda Grey") == []  # a subject did not talk to anyone
    assert kg.talks("Brenda Grey", with_="Viktor Boot") == []
    assert [c["id"] for c in kg.talks("Brenda Grey", role="subject")] == ["grey-boot-exchange"]
    assert [c["id"] for c in kg.talks("Austria", role="host")] == ["two-plus-two-vienna"]
    assert [c["id"] for c in kg.talks("Qatar", role="any")] == ["qatar-mediated-talks"]
    assert kg.talks("Qatar", role="host") == []
    shown = cli("show", "Brenda Grey", "--facts", SIDES, "--format", "json").json()
    assert [(c["id"], c["role"]) for c in shown["contacts"]] == [("grey-boot-exchange", "subject")]
    wrong = cli("talks", "Qatar", "--role", "broker", "--facts", SIDES)
    assert wrong.code == 2 and "'broker' is not one of" in wrong.err  # bad usage


# -- path ---------------------------------------------------------------------
def test_a_path_never_hops_between_members_of_one_side(kg) -> None:
    for a, b in [*SAME_SIDE_PAIRS, ("delegate-ru-0001", "delegate-ru-0002")]:
        found = kg.path(a, b)["paths"][0]
        assert len(found["hops"]) == 2, found  # only through someone on the other side
        for hop in found["hops"]:
            assert not same_side(kg, hop["from"], hop["to"], hop["fact"])


@pytest.mark.slow
def test_a_path_through_a_contact_of_1000_parties(kg) -> None:
    found = kg.path("delegate-ru-0001", "Carol Clark")["paths"][0]
    assert found["actors"] == ["delegate-ru-0001", "delegate-us-0500", "carol-clark"]
    assert [hop["fact"] for hop in found["hops"]] == [
        "assemblies-joint-session",
        "last-delegate-calls-clark",
    ]
    every = kg.path("delegate-ru-0001", "Carol Clark", all=True, max_hops=4, limit=50)["paths"]
    assert len(every) == 50
    assert [len(p["hops"]) for p in every] == sorted(len(p["hops"]) for p in every)
    for path in every:
        for hop in path["hops"]:
            assert not same_side(kg, hop["from"], hop["to"], hop["fact"])


def test_role_holders_never_connect_a_path(kg) -> None:
    assert kg.path("Brenda Grey", "Viktor Boot")["paths"] == []
    assert kg.path("Austria", "Ivan Lavrin")["paths"] == []
    assert kg.path("Qatar", "Russia")["paths"] == []


@pytest.mark.slow
def test_the_event_search_is_as_short_as_a_pairwise_search(kg) -> None:
    """The bidirectional event search finds paths as short as a pairwise BFS, hop by
    hop across sides, on the fixture and on random contacts with sides."""
    import random

    from dipgraph.facts import cross_pairs
    from dipgraph.graph.paths import Link, build_adjacency, shortest_actor_path, shortest_path

    pairwise = build_adjacency(kg.links())
    actors = ["ivan-lavrin", "jim-mattock", "delegate-ru-0003", "delegate-us-0500", "russia"]
    for a, b in itertools.permutations([*actors, "carol-clark", "usa"], 2):
        expected = shortest_path(pairwise, a, b, max_hops=6)
        found = kg.path(a, b)["paths"]
        assert bool(found) == bool(expected), (a, b)
        if found:
            assert len(found[0]["hops"]) == len(expected), (a, b)
            for hop in found[0]["hops"]:
                assert not same_side(kg, hop["from"], hop["to"], hop["fact"])

    rng = random.Random(7)
    for _ in range(40):
        people = [f"p{n}" for n in range(rng.randint(5, 40))]
        events: dict[str, list] = {}
        links = []
        for number in range(rng.randint(3, 60)):
            chosen = rng.sample(people, rng.randint(2, min(6, len(people))))
            cut = sorted(rng.sample(range(1, len(chosen)), rng.randint(1, len(chosen) - 1)))
            sides = tuple(tuple(chosen[i:j]) for i, j in itertools.pairwise([0, *cut, len(chosen)]))
            for actor in chosen:
                events.setdefault(actor, []).append((f"c{number}", sides))
            links += [Link(x, y, "meeting", f"c{number}") for x, y in cross_pairs(sides)]
        adjacency = build_adjacency(links)
        for a, b in itertools.permutations(rng.sample(people, 5), 2):
            for hops in (1, 2, 3, 6):
                nodes = shortest_actor_path(events.get, a, b, hops)
                expected = shortest_path(adjacency, a, b, hops)
                assert (nodes is None) == (expected is None), (a, b, hops)
                if nodes:
                    assert len(nodes) - 1 == len(expected) <= hops
                    for x, y in itertools.pairwise(nodes):
                        assert y in adjacency[x]  # a real cross-side hop


# -- graphs and exports ---------------------------------------------------------
def test_networkx_joins_parties_through_contact_nodes(kg) -> None:
    graph = kg.networkx
    assert set(talked_pairs(graph)) == all_cross_pairs(kg)
    for a, b, contact in talked_pairs(graph):
        assert not same_side(kg, a, b, contact)
    roles = {
        (u, v, d["relation"])
        for u, v, d in graph.edges(data=True)
        if d["relation"] in ("subject", "host", "mediator")
    }
    assert roles == {
        ("austria", "two-plus-two-vienna", "host"),
        ("qatar", "qatar-mediated-talks", "mediator"),
        ("brenda-grey", "grey-boot-exchange", "subject"),
        ("viktor-boot", "grey-boot-exchange", "subject"),
    }
    actors = {n for n, d in graph.nodes(data=True) if d["node_type"] == "actor"}
    assert not any(
        u in actors and v in actors
        for u, v, d in graph.edges(data=True)
        if d.get("fact") in kg.facts.contacts
    )


@pytest.mark.slow
def test_graph_exports_keep_the_sides_and_stay_small(cli, tmp_path: Path) -> None:
    import networkx as nx

    out = tmp_path / "out"
    formats = "ttl,nq,jsonld,graphml,gexf,csv"
    result = cli("build", "--facts", SIDES, "--out", out, "--formats", formats)
    assert result.code == 0, result.err
    # 15 KB of YAML used to become 700 MB of GraphML: N parties now cost N edges.
    assert max(path.stat().st_size for path in out.iterdir()) < 5_000_000
    for reader, name in ((nx.read_graphml, "dipgraph.graphml"), (nx.read_gexf, "dipgraph.gexf")):
        parsed = reader(out / name)
        sides: dict[tuple[str, str], str] = {
            (u, v): str(d["side"])
            for u, v, d in parsed.edges(data=True)
            if d["relation"] == "party"
        }
        assert (
            sides[("ivan-lavrin", "two-plus-two-vienna")]
            == sides[("oleg-shoin", "two-plus-two-vienna")]
        )
        assert (
            sides[("ivan-lavrin", "two-plus-two-vienna")]
            != sides[("rex-tallis", "two-plus-two-vienna")]
        )
        assert len(sides) == sum(
            len(c.participants) for c in dipgraph.load(SIDES).facts.contacts.values()
        )
    with (out / "dipgraph-edges.csv").open(encoding="utf-8") as handle:
        edges = list(csv.DictReader(handle))
    contact_ids = set(dipgraph.load(SIDES).facts.contacts)
    # every contact edge ends at its contact node: none joins two actors
    assert all(e["target"] in contact_ids for e in edges if e["relation"] == "party")
    assert {e["relation"] for e in edges if e["target"] == "grey-boot-exchange"} == {
        "party",
        "subject",
    }


# -- check: every new rule at its file:line:col ---------------------------------
CONTACT = """contacts:
  - id: extra-contact
    type: meeting
    {parties}
    summary: A contact added by a test.
    evidence:
      - source: wire
        quote: On 2 May 2021 Belov met Carol Clark
"""
SIDE_CASES = {
    "three-participants": (
        "participants: [alice-adams, boris-belov, carol-clark]",
        "4:19: error: participants takes at most 2 actors, found 3: with more than two "
        "parties, say who was on which side: write sides: [[a, b], [c, d]]",
    ),
    "sides-and-participants": (
        "participants: [alice-adams, boris-belov]\n    sides: [alice-adams, boris-belov]",
        "4:19: error: write either sides or participants, not both",
    ),
    "actor-on-two-sides": (
        "sides: [[alice-adams, boris-belov], [boris-belov]]",
        "4:42: error: 'boris-belov' is also on side 1: an actor takes one side",
    ),
    "actor-twice-on-a-side": (
        "sides: [[alice-adams, alice-adams], [boris-belov]]",
        "4:27: error: 'alice-adams' is twice on this side: an actor takes one side",
    ),
    "one-side": (
        "sides: [[alice-adams, boris-belov]]",
        "4:12: error: sides needs at least 2 sides, found 1",
    ),
    "empty-side": (
        "sides: [[alice-adams], []]",
        "4:28: error: side 2 of sides is empty",
    ),
    "sides-not-a-list": (
        "sides: alice-adams",
        "4:12: error: sides must be a list, not a single value",
    ),
    "unknown-side-member": (
        "sides: [[alice-adams], [boris-belof]]",
        "4:29: error: unknown actor 'boris-belof' (did you mean 'boris-belov'?)",
    ),
    "party-also-subject": (
        "participants: [alice-adams, boris-belov]\n    subjects: [boris-belov]",
        "5:15: error: 'boris-belov' is a party to this contact, so it cannot also be one of "
        "its subjects",
    ),
    "initiator-outside": (
        "participants: [alice-adams, boris-belov]\n    initiated_by: carol-clark",
        "5:19: error: initiated_by 'carol-clark' is not a party to this contact (nor a state "
        "one of its parties belongs to)",
    ),
    "initiator-state-of-no-party": (
        "participants: [alice-adams, carol-clark]\n    initiated_by: russia",
        "5:19: error: initiated_by 'russia' is not a party to this contact",
    ),
    "no-parties": ("place: {en: Vienna}", "2:5: error: a contact is missing its parties"),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SIDE_CASES))
def test_side_mistakes_are_located(cli, small_copy: Path, name: str) -> None:
    parties, expected = SIDE_CASES[name]
    bad = small_copy / "zz-bad.yaml"
    bad.write_text(CONTACT.format(parties=parties), encoding="utf-8")
    result = cli("check", "--facts", small_copy)
    assert result.code == 1, result.err
    assert f"{bad.resolve()}:{expected}" in result.err, result.err
    assert "Traceback" not in result.err


def test_a_state_a_party_belongs_to_may_initiate(cli, small_copy: Path) -> None:
    good = small_copy / "zz-good.yaml"
    parties = "sides: [[boris-belov, dmitri-dorin], alice-adams]\n    initiated_by: russia"
    good.write_text(CONTACT.format(parties=parties), encoding="utf-8")
    result = cli("check", "--facts", small_copy)
    assert result.code == 0, result.err


def test_the_json_schema_describes_sides_and_roles(cli) -> None:
    import json

    import jsonschema
    import yaml

    validator = jsonschema.Draft202012Validator(json.loads(cli("schema").out))
    for path in sorted(SIDES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert not [e.message for e in validator.iter_errors(data)], path

    def errors(**parties: object) -> list[str]:
        evidence = [{"source": "wire", "quote": "a quote long enough"}]
        contact = {"id": "x", "type": "meeting", "summary": "s", "evidence": evidence, **parties}
        return [e.message for e in validator.iter_errors({"contacts": [contact]})]

    assert errors(sides=[["a", "b"], "c"], subjects=["d"], hosts=["e"], mediators=["f"]) == []
    assert errors(participants=["a", "b", "c"])  # three or more: write sides
    assert errors(sides=[["a", "b"]])  # one side
    assert errors(sides=[["a"], []])  # an empty side
    assert errors(participants=["a", "b"], sides=[["a"], ["b"]])  # both forms
    assert errors()  # no parties
