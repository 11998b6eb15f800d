"""Who matters (`dipgraph rank`, KnowledgeGraph.rank): figures worked out by hand on
tests/fixtures/rank, cross-checked with networkx on every other dataset, and one answer
through the CLI and the Python API."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import dipgraph
from conftest import BUNDLED, REPO, SMALL, TESTS, run_cli
from dipgraph.graph.rank import brokerage, explain, ties

RANK = TESTS / "fixtures" / "rank"
SIDES = TESTS / "fixtures" / "sides"
DELEGATIONS = TESTS / "fixtures" / "delegations"


@pytest.fixture(scope="module")
def kg():
    return dipgraph.load(RANK)


def figures(rows: list[dict], *keys: str) -> dict[str, tuple]:
    return {row["id"]: tuple(row[k] for k in keys) for row in rows}


# ---- by hand, on the rank fixture -------------------------------------------------
# Contacts that happened: Arkin-Brand (Jan 2020), Arkin-Toprak (Feb 2020), Toprak-Byrd
# (Mar 2020), Arkin+Azarova / Brand (May 2021), Toprak-UN (undated). Azarova-Byrd was
# only proposed. The ties form a tree: Azarova - Brand - Arkin - Toprak - {Byrd, UN}.


def test_degree_counts_distinct_counterparts_then_contacts(kg) -> None:
    rows = kg.rank("degree")
    assert [(r["rank"], r["id"]) for r in rows] == [
        (1, "tamer-toprak"),  # Arkin, Byrd, the UN
        (2, "anton-arkin"),  # Brand (twice) and Toprak: 2 counterparts, 3 contacts
        (3, "bill-brand"),  # Arkin and Azarova, in 2 contacts
        (4, "alla-azarova"),  # ties share a rank; then by id
        (4, "beth-byrd"),
        (4, "united-nations"),
    ]
    assert figures(rows, "counterparts", "contacts") == {
        "tamer-toprak": (3, 3),
        "anton-arkin": (2, 3),
        "bill-brand": (2, 2),
        "alla-azarova": (1, 1),  # never tied to Arkin: they sat on one side
        "beth-byrd": (1, 1),  # the proposed meeting does not count
        "united-nations": (1, 1),
    }


def test_betweenness_on_a_tree_is_the_pairs_an_actor_separates(kg) -> None:
    # Toprak splits {Arkin, Brand, Azarova} | {Byrd} | {UN}: 3 + 3 + 1 pairs;
    # Arkin {Brand, Azarova} | {Toprak, Byrd, UN}: 2 x 3; Brand {Azarova} | the other 4.
    rows = kg.rank("betweenness")
    assert figures(rows, "rank", "betweenness") == {
        "tamer-toprak": (1, 7.0),
        "anton-arkin": (2, 6.0),
        "bill-brand": (3, 4.0),
        "alla-azarova": (4, 0.0),
        "beth-byrd": (4, 0.0),
        "united-nations": (4, 0.0),
    }


def test_brokerage_counts_untied_counterparts_of_different_countries(kg) -> None:
    # Toprak (Turkey): Arkin (Russia), Byrd (US), the UN (a group of its own): 3 pairs.
    # Arkin (Russia): Brand (US) and Toprak (Turkey). Brand: Arkin and Azarova, both Russian.
    rows = kg.rank("brokerage")
    assert figures(rows, "brokerage", "liaison", "gatekeeper") == {
        "tamer-toprak": (3, 3, 0),
        "anton-arkin": (1, 1, 0),
        "bill-brand": (0, 0, 0),
        "alla-azarova": (0, 0, 0),
        "beth-byrd": (0, 0, 0),
        "united-nations": (0, 0, 0),
    }
    assert [r["id"] for r in rows][:2] == ["tamer-toprak", "anton-arkin"]


def test_explain_lists_the_contacts_behind_each_figure(kg) -> None:
    degree = kg.explain_rank("Arkin", "degree")
    assert degree["measures"]["counterparts"] == 2
    assert degree["behind"] == [
        {"counterpart": "bill-brand", "contacts": ["arkin-brand-meeting", "delegation-meeting"]},
        {"counterpart": "tamer-toprak", "contacts": ["arkin-toprak-call"]},
    ]
    broker = kg.explain_rank("anton-arkin", "brokerage")["behind"]
    assert broker == [
        {
            "first": "bill-brand",
            "second": "tamer-toprak",
            "role": "liaison",
            "contacts": ["arkin-brand-meeting", "delegation-meeting", "arkin-toprak-call"],
            "other_brokers": [],
        }
    ]
    between = kg.explain_rank("Tamer Toprak", "betweenness")
    assert sum(p["share"] for p in between["behind"]) == between["measures"]["betweenness"] == 7
    pair = next(
        p for p in between["behind"] if (p["first"], p["second"]) == ("alla-azarova", "beth-byrd")
    )
    assert pair == {
        "first": "alla-azarova",
        "second": "beth-byrd",
        "share": 1.0,
        "hops": 4,
        "before": ["anton-arkin"],
        "after": ["beth-byrd"],
        "contacts": ["arkin-toprak-call", "toprak-byrd-call"],
    }


def test_gatekeeper_and_shared_shortest_paths() -> None:
    # b (x) between a (x) and c (y): a gatekeeper; a square a-b-c-d-a splits each pair's
    # two shortest paths, so each of b and d carries half of (a, c).
    contacts = [("ab", (("a",), ("b",))), ("bc", (("b",), ("c",)))]
    pairs = brokerage(ties(contacts), {"a": "x", "b": "x", "c": "y"}.get)["b"]
    assert [(p.first, p.second, p.role, p.contacts) for p in pairs] == [
        ("a", "c", "gatekeeper", ("ab", "bc"))
    ]
    square = [*contacts, ("cd", (("c",), ("d",))), ("da", (("d",), ("a",)))]
    shares = explain(square, lambda _: None, "b", "betweenness")
    assert [(p["first"], p["second"], p["share"]) for p in shares] == [("a", "c", 0.5)]


def test_status_is_what_happened_unless_asked(kg) -> None:
    default = figures(kg.rank(), "counterparts")
    everything = figures(kg.rank(any_status=True), "counterparts")
    proposed = figures(kg.rank(status="proposed"), "counterparts")
    assert default["alla-azarova"] == (1,) and everything["alla-azarova"] == (2,)
    assert proposed == {"alla-azarova": (1,), "beth-byrd": (1,)}


def test_dates_filter_as_talks_does(kg) -> None:
    # From 2021 only the delegation meeting (the proposal does not count; the undated
    # meeting is never inside a bounded window).
    assert figures(kg.rank(since="2021"), "counterparts", "contacts") == {
        "bill-brand": (2, 1),
        "alla-azarova": (1, 1),
        "anton-arkin": (1, 1),
    }
    assert figures(kg.rank(until="2020-02"), "counterparts") == {
        "anton-arkin": (2,),
        "bill-brand": (1,),
        "tamer-toprak": (1,),
    }


@pytest.mark.slow
@pytest.mark.parametrize("path", [BUNDLED, SMALL, SIDES], ids=["bundled", "small", "sides"])
def test_rank_counts_the_contacts_talks_lists(path: Path) -> None:
    """One filter rule: the contacts behind the figures are those `talks` lists."""
    graph = dipgraph.load(path)
    for filters in ({}, {"since": "2021"}, {"until": "2019"}, {"type": "meeting"}):
        listed = graph.talks(**filters, status="happened")
        counted = graph.ranked_contacts(**filters)
        assert [c for c, _ in counted] == [c["id"] for c in listed]
        held = {a["id"] for c in listed for a in c["participants"]}
        assert {r["id"] for r in graph.rank(**filters)} == held


@pytest.mark.parametrize(
    "path", [BUNDLED, SMALL, DELEGATIONS, RANK], ids=["bundled", "small", "delegations", "rank"]
)
def test_figures_agree_with_networkx(path: Path) -> None:
    """Degree from networkx's own who-talked-to-whom pairs, betweenness from its
    Brandes, on the graph of contacts of every status. (Not on the sides fixture: its
    500 x 500 assembly has 250,000 ties, and a search from each of 1,000 actors.)"""
    import networkx as nx

    from dipgraph.graph.to_networkx import talked_pairs

    graph = dipgraph.load(path)
    rows = {r["id"]: r for r in graph.rank("betweenness", any_status=True)}
    pairs = nx.Graph()
    for a, b, _ in talked_pairs(graph.networkx):
        pairs.add_edge(a, b)
    assert {a for a, r in rows.items() if r["counterparts"]} == set(pairs)
    assert {a: rows[a]["counterparts"] for a in pairs} == dict(pairs.degree)
    expected = nx.betweenness_centrality(pairs, normalized=False)
    assert {a: rows[a]["betweenness"] for a in pairs} == pytest.approx(expected, abs=1e-6)


def test_limit_and_bad_questions(kg) -> None:
    assert [r["id"] for r in kg.rank(limit=2)] == ["tamer-toprak", "anton-arkin"]
    with pytest.raises(dipgraph.QueryError, match="unknown measure 'fame'"):
        kg.rank("fame")
    with pytest.raises(dipgraph.QueryError, match="limit"):
        kg.rank(limit=-1)
    with pytest.raises(dipgraph.QueryError, match="unknown status"):
        kg.rank(status="rumoured")


# ---- one answer through every door ---------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("by", ["degree", "betweenness", "brokerage"])
def test_the_cli_prints_what_the_api_returns(by: str) -> None:
    for path, extra in ((RANK, []), (BUNDLED, ["--any-status"]), (BUNDLED, ["--since", "2021"])):
        done = run_cli(
            "rank", "--facts", path, "--by", by, "--limit", "0", "--format", "json", *extra
        )
        assert done.code == 0, done.err
        filters = {
            "any_status": "--any-status" in extra,
            "since": "2021" if "--since" in extra else None,
        }
        assert done.json() == dipgraph.load(path).rank(by, **filters)
    explained = run_cli(
        "rank", "--facts", RANK, "--by", by, "--explain", "Toprak", "--format", "json"
    )
    assert explained.json() == dipgraph.load(RANK).explain_rank("Toprak", by)


@pytest.mark.slow
def test_the_table_and_csv(kg) -> None:
    table = run_cli("rank", "--facts", RANK, "--by", "betweenness", "--limit", "2")
    assert table.code == 0, table.err
    assert "2 actor(s) by betweenness" in table.out
    assert "Tamer Toprak" in table.out and "Bill Brand" not in table.out
    csv = run_cli("rank", "--facts", RANK, "--format", "csv").out.splitlines()
    assert (
        csv[0]
        == "rank,id,name,country,counterparts,contacts,betweenness,brokerage,liaison,gatekeeper"
    )
    assert csv[1] == "1,tamer-toprak,Tamer Toprak,turkey,3,3,,3,3,0"  # betweenness: not asked
    assert "betweenness" not in run_cli("rank", "--facts", RANK).out
    for by in ("degree", "betweenness", "brokerage"):  # a grid, not records, at 80 columns
        narrow = run_cli("rank", "--facts", RANK, "--by", by, columns=80).out.splitlines()
        assert narrow[1].startswith("┏") and max(map(len, narrow)) <= 80
    behind = run_cli("rank", "--facts", RANK, "--by", "brokerage", "--explain", "Arkin")
    assert "Anton Arkin (anton-arkin): brokerage 1 pair(s) (1 as liaison" in behind.out
    assert "arkin-toprak-call" in behind.out


@pytest.mark.slow
def test_bad_input_exits_with_a_message() -> None:
    unknown = run_cli("rank", "--facts", RANK, "--explain", "Nobody Atall")
    assert unknown.code == 1 and "matches no actor" in unknown.err
    assert "Traceback" not in unknown.err
    status = run_cli("rank", "--facts", RANK, "--status", "rumoured")
    assert status.code == 1 and "unknown status 'rumoured'" in status.err
    dates = run_cli("rank", "--facts", RANK, "--since", "2022", "--until", "2020")
    assert dates.code == 1 and "before --since" in dates.err
    assert run_cli("rank", "--facts", RANK, "--by", "fame").code == 2
    assert run_cli("rank", "--facts", RANK, "--limit", "-1").code == 2
    empty = run_cli("rank", "--facts", RANK, "--since", "2030")
    assert empty.code == 0 and "no contacts match" in empty.out


def test_a_warm_rank_imports_no_heavy_library(tmp_path: Path) -> None:
    """Betweenness is pure Python: `rank` stays a light query command."""
    env = {**os.environ, "DIPGRAPH_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "dipgraph", "rank", "--by", "betweenness"]
    warm = subprocess.run(command, env=env, capture_output=True, timeout=300, cwd=REPO)
    assert warm.returncode == 0
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *command[1:], "--explain", "Putin"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    imported = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()]
    assert "dipgraph.graph.rank" in imported
    assert not [m for m in imported if m.split(".")[0] in ("rdflib", "networkx", "pyvis")]


@pytest.mark.slow
def test_a_broker_of_an_assembly_is_found_without_walking_its_pairs() -> None:
    # The last American delegate of the 500 x 500 assembly also called Carol Clark, who
    # met none of the 500 Russians: 500 pairs, each joining his own country to Russia.
    rows = dipgraph.load(SIDES).rank("brokerage", limit=1)
    assert [(r["id"], r["brokerage"], r["gatekeeper"]) for r in rows] == [
        ("delegate-us-0500", 500, 500)
    ]


def test_betweenness_is_computed_only_when_ranked_by(kg) -> None:
    assert {r["betweenness"] for r in kg.rank("degree")} == {None}
    assert kg.explain_rank("Arkin", "degree")["measures"]["betweenness"] is None
    assert kg.explain_rank("Arkin", "betweenness")["measures"]["betweenness"] == 6.0


# ---- exports and the page carry the same figures -------------------------------------
def expected_attributes(graph) -> dict[str, dict]:
    """Every actor's figures as `rank --by betweenness` gives them, 0 for the rest."""
    rows = {r["id"]: r for r in graph.rank("betweenness")}
    keys = ("counterparts", "contacts", "betweenness", "brokerage", "liaison", "gatekeeper")
    zero = dict.fromkeys(keys, 0)
    return {a: {k: rows[a][k] for k in keys} if a in rows else zero for a in graph.facts.actors}


def test_graphml_gexf_and_csv_carry_the_measures(kg, tmp_path: Path) -> None:
    import csv

    import networkx as nx

    from dipgraph.exports.network import write_csv_tables, write_gexf, write_graphml

    expected = expected_attributes(kg)
    assert expected["tamer-toprak"]["betweenness"] == 7.0 and expected["russia"]["contacts"] == 0
    graphml = nx.read_graphml(write_graphml(kg, tmp_path / "g.graphml"))
    gexf = nx.read_gexf(write_gexf(kg, tmp_path / "g.gexf"))
    for read in (graphml, gexf):
        for actor, figures in expected.items():
            assert {k: read.nodes[actor][k] for k in figures} == figures, actor
        assert "betweenness" not in read.nodes["arkin-brand-meeting"]  # actors only
    assert isinstance(graphml.nodes["russia"]["betweenness"], float)  # one type a key
    with write_csv_tables(kg, tmp_path / "nodes.csv").open(encoding="utf-8") as stream:
        table = {row["id"]: row for row in csv.DictReader(stream)}
    assert (
        table["tamer-toprak"]["brokerage"] == "3" and table["anton-arkin"]["betweenness"] == "6.0"
    )
    assert "betweenness" not in kg.networkx.nodes["tamer-toprak"]  # the graph itself unchanged


def test_the_page_data_carries_the_measures(kg) -> None:
    """The page can size actors by facts.actors[id].measures (the figures of `rank`)."""
    from dipgraph.exports.html import page_data

    actors = page_data(kg)["facts"]["actors"]
    assert {a: actors[a]["measures"] for a in actors} == expected_attributes(kg)
    # A page of some contacts measures those: here the 2020 calls and meetings alone.
    some = {c["id"] for c in kg.talks(until="2020")}
    only = page_data(kg, some)["facts"]["actors"]
    assert only["anton-arkin"]["measures"]["counterparts"] == 2
    assert only["bill-brand"]["measures"]["counterparts"] == 1
    assert only["united-nations"]["measures"]["contacts"] == 0


def test_a_graph_too_large_for_betweenness_leaves_it_out(kg, tmp_path: Path, monkeypatch) -> None:
    import networkx as nx

    from dipgraph.exports.network import write_graphml
    from dipgraph.graph import rank

    monkeypatch.setattr(rank, "BETWEENNESS_WORK", 0)
    read = nx.read_graphml(write_graphml(kg, tmp_path / "g.graphml"))
    assert read.nodes["tamer-toprak"]["brokerage"] == 3
    assert not [a for a in kg.facts.actors if "betweenness" in read.nodes[a]]
    assert kg.rank("betweenness")[0]["betweenness"] == 7.0  # asked for: computed anyway
