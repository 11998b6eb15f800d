"""One answer through every door: the same questions (who talked to whom, on which side,
with which status and roles, how many contacts, every shortest path between actors, who
held which post in which organization and when, who said what about whom) asked through
the Python API, the command line, the named SPARQL queries, NetworkX, GraphML, GEXF, CSV,
FollowTheMoney, JSON-LD and the page's data (unpacked here from the written page, as
templates/js/unpack.js does: tests/test_html_size.py proves in Chromium that the page
unpacks the same) give the same answers, on the bundled data and every fixture; and every
door names a contact's fields as its projection does (dipgraph/projection.py). The page's
path finder is compared with `path`'s in Chromium in tests/test_html_path.py.
"""

from __future__ import annotations

import copy
import csv
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import combinations
from pathlib import Path
from typing import Any, NamedTuple

import networkx as nx
import pytest

import dipgraph
from conftest import run_cli
from dipgraph.exports.html import page_data
from dipgraph.facts import DEFAULT_STATUSES, ROLES, status_counts
from dipgraph.graph.to_networkx import talked_pairs
from dipgraph.graph.to_rdf import class_name
from dipgraph.projection import CONTACT_FIELDS, NETWORK_CONTACT_FIELDS, ContactRecord
from dipgraph.schema.namespace import DG_NS
from dipgraph.sparql.results import render
from fixture_sets import EVERY_DATASET

pytestmark = pytest.mark.slow  # the whole module: see "slow" in pyproject.toml

# Pairs of actors whose paths are compared: every pair, but where a dataset has over
# this many actors (the sides fixture's 1,000-party contacts) the pairs from a few.
EVERY_PAIR_UP_TO = 80
Pair = tuple[str, str, str]  # (contact, actor, actor), the actors in id order


def pair(contact: str, a: str, b: str) -> Pair:
    return (contact, *sorted((a, b)))  # type: ignore[return-value]


@dataclass
class Answers:
    """What one door says."""

    pairs: set[Pair]  # the pairs of contacts that count by default (those that happened)
    all_pairs: set[Pair] | None  # every status (None: the door does not say)
    sides: dict[str, list[frozenset[str]]] | None  # contact -> side 1, side 2...
    statuses: dict[str, str]
    roles: set[tuple[str, str, str]] | None  # (contact, role, actor)
    reporters: dict[str, frozenset[str]] | None = None  # contact -> who reports it


def rows_of(text: str) -> list[dict[str, str]]:
    """The rows of SPARQL 1.1 Results JSON, each variable's value."""
    return [
        {name: value["value"] for name, value in row.items()}
        for row in json.loads(text)["results"]["bindings"]
    ]


def answered(kg: dipgraph.KnowledgeGraph, query: str, **params: str) -> list[dict[str, str]]:
    """The rows of a query asked through the Python API (kg.answer, as the CLI asks it)."""
    text = kg.answer(query, lambda found: render(found, "json").text, params)
    assert text is not None
    return rows_of(text)


@cache
def sparql(root: Path, query: str, *params: str) -> list[dict[str, str]]:
    """The rows of `dipgraph sparql QUERY [-p NAME=VALUE...] --format json`; on the
    1,000-party fixture (250,000 pairs: minutes of JSON on a loaded machine) its Python
    twin, kg.answer."""
    kg = dipgraph.load(root)
    if len(kg.facts.actors) > EVERY_PAIR_UP_TO:
        return answered(kg, query, **dict(p.split("=", 1) for p in params))
    bound = [arg for p in params for arg in ("--param", p)]
    result = run_cli("sparql", query, *bound, "--facts", root, "--format", "json")
    assert result.code == 0, result.err
    return rows_of(result.out)


def from_views(views: Iterable[dict[str, Any]], every: Iterable[dict[str, Any]]) -> Answers:
    """The answers in `talks` views (the Python API's and `talks --format json`'s)."""
    every = list(every)
    return Answers(
        pairs={pair(v["id"], a, b) for v in views for a, b in v["pairs"]},
        all_pairs={pair(v["id"], a, b) for v in every for a, b in v["pairs"]},
        sides={v["id"]: [frozenset(a["id"] for a in side) for side in v["sides"]] for v in every},
        statuses={v["id"]: v["status"] for v in every},
        roles={(v["id"], r, a["id"]) for v in every for r in ROLES for a in v[f"{r}s"]},
        reporters={v["id"]: frozenset(a["id"] for a in v["reported_by"]) for v in every},
    )


def from_party_edges(
    edges: Iterable[tuple[str, str, dict[str, Any]]], statuses: dict[str, str]
) -> Answers:
    """The answers in NetworkX-shaped edges (actor -> contact, relation, side)."""
    numbered: dict[str, dict[int, set[str]]] = {}
    roles = set()
    for actor, contact, data in edges:
        if data.get("relation") == "party":
            numbered.setdefault(contact, {}).setdefault(int(data["side"]), set()).add(actor)
        elif data.get("relation") in ROLES:
            roles.add((contact, data["relation"], actor))
    sides = {
        contact: [frozenset(by_number[n]) for n in range(1, len(by_number) + 1)]
        for contact, by_number in numbered.items()
    }
    all_pairs = {
        pair(contact, a, b)
        for contact, groups in sides.items()
        for i, j in combinations(range(len(groups)), 2)
        for a in groups[i]
        for b in groups[j]
    }
    return Answers(
        pairs={p for p in all_pairs if status_counts(statuses[p[0]])},
        all_pairs=all_pairs,
        sides=sides,
        statuses=statuses,
        roles=roles,
    )


def through_networkx(graph: nx.MultiDiGraph) -> Answers:
    statuses = {n: d["status"] for n, d in graph.nodes(data=True) if d["node_type"] == "contact"}
    answers = from_party_edges(graph.edges(data=True), statuses)
    named = {  # a contact node's `sides` (JSON text, as talks names them) says the same
        n: [frozenset(side) for side in json.loads(d["sides"])]
        for n, d in graph.nodes(data=True)
        if d["node_type"] == "contact"
    }
    assert named == answers.sides
    talked = {pair(c, a, b) for a, b, c in talked_pairs(graph)}
    assert talked == answers.all_pairs  # the module's own helper agrees
    answers.reporters = reporters_on_nodes(graph.nodes(data=True), statuses)
    return answers


def reporters_on_nodes(
    nodes: Iterable[tuple[str, dict[str, Any]]], contacts: Iterable[str]
) -> dict[str, frozenset[str]]:
    """A contact node's ``reported_by`` (JSON text, as its sides; none: no reporter)."""
    wanted = set(contacts)
    return {
        node: frozenset(json.loads(data.get("reported_by") or "[]"))
        for node, data in nodes
        if node in wanted
    }


def through_csv(out: Path) -> Answers:
    with (out / "dipgraph-nodes.csv").open(encoding="utf-8") as handle:
        nodes = [(r["id"], r) for r in csv.DictReader(handle)]
    statuses = {node: r["status"] for node, r in nodes if r["status"]}
    with (out / "dipgraph-edges.csv").open(encoding="utf-8") as handle:
        edges = [(r["source"], r["target"], r) for r in csv.DictReader(handle)]
    answers = from_party_edges(edges, statuses)
    answers.reporters = reporters_on_nodes(nodes, statuses)
    return answers


def from_ftm(kind: str, entity: str | None) -> str:
    """The fact's id in an FtM entity id (``{kind}-{id}``, ``_`` written ``--``)."""
    assert entity is not None and entity.startswith(f"{kind}-"), entity
    return entity.removeprefix(f"{kind}-").replace("--", "_")


def ftm_entities(out: Path) -> dict[str, dict[str, Any]]:
    """The FtM export's entities by id."""
    with (out / "dipgraph.ftm.json").open(encoding="utf-8") as handle:
        entities = [json.loads(line) for line in handle]
    return {entity["id"]: entity for entity in entities}


def ftm_reporters(entities: dict[str, dict[str, Any]], kind: str) -> dict[str, set[str]]:
    """Who reports each fact of ``kind`` in FtM: an UnknownLink from the reporter
    (``subject``) to the fact (``object``), its ``role`` the projection's ``reported_by``."""
    found: dict[str, set[str]] = {}
    for entity in entities.values():
        if entity["schema"] != "UnknownLink":
            continue
        props = entity["properties"]
        assert props["role"] == ["reported_by"], entity["id"]
        ((fact,), (reporter,)) = props["object"], props["subject"]
        if fact.startswith(f"{kind}-"):
            found.setdefault(from_ftm(kind, fact), set()).add(from_ftm("actor", reporter))
    return found


def through_ftm(out: Path, kg: dipgraph.KnowledgeGraph) -> Answers:
    """FtM spells the sides and roles out by name in an Event's description ("side 1: A,
    B; side 2: C. subjects: D; hosts: E. Status: happened. CAMEO ..."), compared with the
    names of each side's and role's actors; ``organizer`` names the hosts by id and
    ``involved`` every party, subject and mediator by id; reporters are UnknownLinks."""
    entities = ftm_entities(out)
    events = {
        from_ftm("contact", entity["id"]): entity
        for entity in entities.values()
        if entity["schema"] == "Event" and entity["id"].startswith("contact-")
    }
    names = {a.id: a.name for a in kg.facts.actors.values()}
    sides: dict[str, list[frozenset[str]]] = {}
    statuses = {}
    roles = set()
    for contact, entity in events.items():
        (description,) = entity["properties"]["description"]
        # "... Status: happened. CAMEO 040; PLOVER CONSULT." (event codes follow)
        statuses[contact] = description.rsplit("Status: ", 1)[1].split(".", 1)[0]
        body = description.rsplit(". Status: ", 1)[0]  # (a name may hold ". ": "U.S. Army")
        fact = kg.facts.contacts[contact]
        spelled_sides = "; ".join(
            f"side {n}: " + ", ".join(names[a] for a in side)
            for n, side in enumerate(fact.sides, start=1)
        )
        holders = {role: ids for role, ids in fact.roles.items() if ids}
        spelled_roles = "; ".join(
            f"{role}s: " + ", ".join(names[a] for a in ids) for role, ids in holders.items()
        )
        assert body == (f"{spelled_sides}. {spelled_roles}" if holders else spelled_sides)
        sides[contact] = [frozenset(side) for side in fact.sides]  # as spelled: checked above
        roles |= {(contact, role, a) for role, ids in holders.items() for a in ids}  # likewise
        ids = {
            k: {from_ftm("actor", i) for i in v}
            for k, v in entity["properties"].items()
            if k in ("organizer", "involved")
        }
        assert ids.get("organizer", set()) == set(fact.hosts), contact
        assert ids.get("involved", set()) == {*fact.participants, *fact.subjects, *fact.mediators}
    answers = from_party_edges([], statuses)
    answers.sides = sides
    answers.pairs = answers.all_pairs = None  # type: ignore[assignment]
    answers.roles = roles
    reported = ftm_reporters(entities, "contact")
    answers.reporters = {c: frozenset(reported.get(c, ())) for c in events}
    return answers


def through_gexf(path: Path) -> Answers:
    """GEXF (undirected, with spells): a party's or role-holder's edge joins it to the
    contact node, whichever end GEXF lists first."""
    graph = nx.read_gexf(path)
    statuses = {n: d["status"] for n, d in graph.nodes(data=True) if d["node_type"] == "contact"}
    edges = [
        (u, v, data) if v in statuses else (v, u, data)
        for u, v, data in graph.edges(data=True)
        if data.get("relation") in ("party", *ROLES)
    ]
    answers = from_party_edges(edges, statuses)
    answers.reporters = reporters_on_nodes(graph.nodes(data=True), statuses)
    return answers


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def jsonld_nodes(path: Path) -> dict[str, dict[str, list[Any]]]:
    """Every node object of the compacted JSON-LD by id, its properties from every named
    graph merged (a fact is described in one graph and cited in others)."""
    nodes: dict[str, dict[str, list[Any]]] = {}
    for graph in json.loads(path.read_text(encoding="utf-8"))["@graph"]:
        for node in graph["@graph"]:
            merged = nodes.setdefault(node["@id"], {})
            for key, value in node.items():
                if key != "@id":
                    merged.setdefault(key, []).extend(_listed(value))
    return nodes


def through_jsonld(path: Path, kg: dipgraph.KnowledgeGraph) -> Answers:
    """JSON-LD read as plain JSON, as a web developer would: a contact's ``hasActor``
    roles, each with its ``roleType``, ``actor`` and ``side``; its ``status``."""
    nodes = jsonld_nodes(path)
    status_of = {f"dg:Status{class_name(s)}": s for s in kg.model.vocabularies["contact_statuses"]}
    statuses, edges, reporters = {}, [], {}
    for node in nodes.values():
        if "dg:Contact" not in node.get("@type", []):
            continue
        (contact,) = node["identifier"]
        (status,) = node["status"]
        statuses[contact] = status_of[status]
        reporters[contact] = frozenset(
            identifier for a in node.get("reportedBy", []) for identifier in nodes[a]["identifier"]
        )
        for role in map(nodes.__getitem__, node["hasActor"]):
            ((actor,),) = [nodes[a]["identifier"] for a in role["actor"]]
            (kind,) = role["roleType"]
            side = role.get("side", [None])[0]
            edges.append((actor, contact, {"relation": kind.removeprefix("dg:").lower(),
                                           "side": side}))  # fmt: skip
    answers = from_party_edges(edges, statuses)
    answers.reporters = reporters
    return answers


def unpack_page(packed: dict[str, Any]) -> dict[str, Any]:
    """The page's data as templates/js/unpack.js rebuilds it (page_pack.py packs it)."""
    strings = packed["S"]
    absent = object()

    def rows_of(gaps: list[int]) -> list[int]:
        rows, at = [], -1
        for gap in gaps:
            at += gap
            rows.append(at)
        return rows

    def cells(col: dict[str, Any], count: int) -> list[Any]:
        if "c" in col:
            return [copy.deepcopy(col["c"]) for _ in range(count)]
        if "s" in col:
            return [None if i is None else strings[i] for i in col["s"]]
        if "f" in col:
            return [strings[col["f"] + i] for i in range(count)]
        if "l" in col:
            return [[strings[i] for i in cell] for cell in col["l"]]
        if "L" in col:
            return [[[strings[i] for i in inner] for inner in cell] for cell in col["L"]]
        if "q" in col:
            return [f"{col['q']}{i}" for i in range(count)]
        if "d" in col:
            dicts, nulls = iter(table(col["d"])), set(rows_of(col.get("z", [])))
            return [None if i in nulls else next(dicts) for i in range(count)]
        if "t" in col:
            items, at, found = table(col["t"]), 0, []
            for n in col["n"]:
                found.append(None if n < 0 else items[at : at + n])
                at += max(n, 0)
            return found
        return list(col["r"])

    def column(col: dict[str, Any], n: int) -> list[Any]:
        if "i" not in col:
            return cells(col, n)
        covered = rows_of(col["i"])
        by_row = dict(zip(covered, cells(col, len(covered)), strict=True))
        other = (lambda: copy.deepcopy(col["o"])) if "o" in col else (lambda: absent)
        return [by_row[r] if r in by_row else other() for r in range(n)]

    def table(packed_table: dict[str, Any]) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = [{} for _ in range(packed_table["n"])]
        for key, col in zip(packed_table["k"], packed_table["v"], strict=True):
            for row, value in zip(rows, column(col, packed_table["n"]), strict=True):
                if value is not absent:
                    row[key] = value
        return rows

    def keyed(packed_table: dict[str, Any]) -> dict[str, dict[str, Any]]:
        ids = column(packed_table["id"], packed_table["n"])
        return dict(zip(ids, table(packed_table), strict=True))

    return {
        "nodes": table(packed["nodes"]),
        "edges": table(packed["edges"]),
        "facts": {name: keyed(rows) for name, rows in packed["facts"].items()},
    }


def page_in(path: Path) -> dict[str, Any]:
    """The data a written page carries, unpacked."""
    text = path.read_text(encoding="utf-8")
    opening = '<script type="application/json" id="graph-data">'
    start = text.index(opening) + len(opening)
    return unpack_page(json.loads(text[start : text.index("</script>", start)]))


def through_page(path: Path) -> Answers:
    """The page's facts: each contact's sides (side n at index n - 1), role-holders and
    status, as the panels, table and path finder read them."""
    contacts = page_in(path)["facts"]["contacts"]
    edges = [
        (actor, contact, {"relation": "party", "side": number})
        for contact, fact in contacts.items()
        for number, side in enumerate(fact["sides"], start=1)
        for actor in side
    ]
    edges += [
        (actor, contact, {"relation": role})
        for contact, fact in contacts.items()
        for role in ROLES
        for actor in fact[f"{role}s"]
    ]
    answers = from_party_edges(edges, {c: fact["status"] for c, fact in contacts.items()})
    answers.reporters = {c: frozenset(fact["reported_by"]) for c, fact in contacts.items()}
    return answers


SIDES_QUERY = (
    f"PREFIX dg: <{DG_NS}>\n"
    + """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?contact ?actor ?role ?side ?status WHERE {
  ?event a dg:Contact ; dcterms:identifier ?contact ; sem:hasActor ?r ;
         dg:status/rdfs:label ?status .
  ?r sem:roleType/rdfs:label ?role ; rdf:value/dcterms:identifier ?actor .
  OPTIONAL { ?r dg:side ?side }
  FILTER (LANG(?role) = "en")
}"""
)


REPORTERS_QUERY = (
    f"PREFIX dg: <{DG_NS}>\n"
    + """PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?contact ?reporter WHERE {
  ?event a dg:Contact ; dcterms:identifier ?contact .
  OPTIONAL { ?event prov:wasAttributedTo/dcterms:identifier ?reporter }
}"""
)


def through_sparql(root: Path) -> Answers:
    rows = sparql(root, SIDES_QUERY)
    statuses = {r["contact"]: r["status"] for r in rows}
    edges = [
        (r["actor"], r["contact"], {"relation": r["role"].lower(), "side": r.get("side")})
        for r in rows
    ]
    answers = from_party_edges(edges, statuses)
    reported: dict[str, set[str]] = {}
    for r in sparql(root, REPORTERS_QUERY):
        reported.setdefault(r["contact"], set()).update([r["reporter"]] if "reporter" in r else [])
    answers.reporters = {contact: frozenset(found) for contact, found in reported.items()}
    named = sparql(root, "who-talked-to-whom")
    assert {pair(r["contact"], r["actor1"], r["actor2"]) for r in named} == answers.pairs
    assert {r["status"] for r in named} <= DEFAULT_STATUSES
    return answers


class Dataset(NamedTuple):
    root: Path
    kg: dipgraph.KnowledgeGraph
    out: Path  # its GraphML, GEXF, CSV, FtM, JSON-LD and HTML exports


@pytest.fixture(scope="module", params=sorted(EVERY_DATASET))
def dataset(request, tmp_path_factory) -> Dataset:
    root = EVERY_DATASET[request.param]
    out = tmp_path_factory.mktemp(f"doors-{request.param}")
    formats = "graphml,gexf,csv,ftm,jsonld,html"
    built = run_cli("build", "--facts", root, "--out", out, "--formats", formats)
    assert built.code == 0, built.err
    return Dataset(root, dipgraph.load(root), out)


def test_the_compared_data_reports_and_dates_what_the_doors_must_carry() -> None:
    """The comparisons below are not vacuous: the bundled data and the delegations
    fixture have contacts and statements reported by someone else, and a dated statement."""
    for name in ("bundled", "delegations"):
        facts = dipgraph.load(EVERY_DATASET[name]).facts
        assert any(c.reported_by for c in facts.contacts.values()), name
        assert any(s.reported_by and s.about for s in facts.statements.values()), name
    statements = dipgraph.load(EVERY_DATASET["delegations"]).facts.statements.values()
    assert any(s.date and s.reported_by for s in statements)


def test_every_door_gives_the_same_pairs_sides_statuses_roles_and_reporters(dataset) -> None:
    root, kg, out = dataset
    api = from_views(kg.talks(), kg.talks(any_status=True))
    assert api.reporters == {c.id: frozenset(c.reported_by) for c in kg.facts.contacts.values()}
    listed = run_cli("talks", "--facts", root, "--format", "json")
    every = run_cli("talks", "--any-status", "--facts", root, "--format", "json")
    assert listed.code == every.code == 0, listed.err + every.err
    doors = {
        "cli": from_views(json.loads(listed.out), json.loads(every.out)),
        "sparql": through_sparql(root),
        "networkx": through_networkx(kg.networkx),
        "graphml": through_networkx(nx.read_graphml(out / "dipgraph.graphml")),
        "csv": through_csv(out),
        "ftm": through_ftm(out, kg),
        "gexf": through_gexf(out / "dipgraph.gexf"),
        "jsonld": through_jsonld(out / "dipgraph.jsonld", kg),
        "page": through_page(out / "dipgraph.html"),
    }
    assert api.all_pairs and len(api.statuses) == len(kg.facts.contacts)
    assert {p[0] for p in api.pairs} == {
        c.id for c in kg.facts.contacts.values() if c.status in DEFAULT_STATUSES
    }
    for door, answers in doors.items():
        assert answers.statuses == api.statuses, door
        assert answers.sides == api.sides, door
        if answers.pairs is not None:
            assert answers.pairs == api.pairs, door
            assert answers.all_pairs == api.all_pairs, door
        assert answers.roles == api.roles, door
        assert answers.reporters == api.reporters, door


def test_the_counts_agree(dataset) -> None:
    root, kg, out = dataset
    (count,) = sparql(
        root,
        f"PREFIX dg: <{DG_NS}> SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ ?c a dg:Contact }}",
    )
    graph = nx.read_graphml(out / "dipgraph.graphml")
    in_graphml = sum(d.get("node_type") == "contact" for _, d in graph.nodes(data=True))
    listed = len(kg.talks(any_status=True))
    assert int(count["n"]) == listed == in_graphml == kg.stats()["kinds"]["contacts"]


def _paths_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """Actors joined when they talked in a contact that counts by default."""
    counted = {n for n, d in graph.nodes(data=True) if d.get("node_type") == "contact"
               and status_counts(d["status"])}  # fmt: skip
    joined = nx.Graph()
    joined.add_edges_from((a, b) for a, b, c in talked_pairs(graph) if c in counted)
    return joined


def _pairs_to_compare(kg: dipgraph.KnowledgeGraph) -> list[tuple[str, str]]:
    actors = sorted(kg.facts.actors)
    if len(actors) <= EVERY_PAIR_UP_TO:
        return list(combinations(actors, 2))
    parties = sorted(kg.contact_index.contacts_by_actor)[:3]  # who is on some side
    return [(a, b) for a in parties for b in actors if b != a][:6]  # each `all`: 1-2 s


def _actors_to_ask(kg: dipgraph.KnowledgeGraph) -> list[str]:
    actors = sorted(kg.facts.actors)
    if len(actors) <= EVERY_PAIR_UP_TO:
        return actors
    return sorted({a for pair in _pairs_to_compare(kg) for a in pair})[:6]


def test_every_shortest_path_is_the_same_through_the_api_and_networkx(dataset) -> None:
    _, kg, out = dataset
    joined = _paths_graph(kg.networkx)
    from_graphml = _paths_graph(nx.read_graphml(out / "dipgraph.graphml"))
    assert {frozenset(e) for e in from_graphml.edges} == {frozenset(e) for e in joined.edges}
    compared = 0
    for a, b in _pairs_to_compare(kg):
        found = kg.path(a, b, max_hops=50)
        reachable = a in joined and b in joined and nx.has_path(joined, a, b)
        assert found["found"] == reachable == bool(found["paths"]), (a, b)
        if not reachable:
            continue
        expected = sorted(nx.all_shortest_paths(joined, a, b))
        hops = len(expected[0]) - 1
        assert len(found["paths"][0]["hops"]) == hops, (a, b)
        every = kg.path(a, b, max_hops=hops, all=True)["paths"]
        assert sorted({tuple(p["actors"]) for p in every}) == [tuple(p) for p in expected]
        compared += 1
    assert compared or not joined.number_of_edges()


def test_the_command_line_path_is_the_api_path(dataset) -> None:
    root, kg, _ = dataset
    joined = _paths_graph(kg.networkx)
    chosen = [(a, b) for a, b in _pairs_to_compare(kg) if a in joined and b in joined][:2]
    chosen.append(_pairs_to_compare(kg)[-1])
    for n, (a, b) in enumerate(chosen):
        more = (("--temporal",), ("--via", "all", "--since", "2019")) if n == 0 else ()
        for extra in ((), ("--all",), ("--any-status",), *more):
            shown = run_cli("path", a, b, *extra, "--facts", root, "--format", "json")
            assert shown.code == 0, shown.err
            asked = kg.path(
                a,
                b,
                all="--all" in extra,
                any_status="--any-status" in extra,
                temporal="--temporal" in extra,
                via="all" if "--via" in extra else "contacts",
                since="2019" if "--since" in extra else None,
            )
            assert json.loads(shown.out) == asked, extra


def test_talks_path_and_the_named_queries_count_the_same_statuses(dataset) -> None:
    root, kg, _ = dataset
    for any_status in (False, True):
        talked = {v["id"] for v in kg.talks(any_status=any_status) if v["pairs"]}
        crossed = {link.fact for link in kg.links(any_status=any_status)}
        assert talked == crossed, any_status
    named = {r["contact"] for r in sparql(root, "who-talked-to-whom")}
    assert named == {v["id"] for v in kg.talks() if v["pairs"]}


def test_the_named_queries_list_and_count_what_talks_lists(dataset) -> None:
    """`contacts-of` and `topics-discussed` count the statuses `talks` counts by default:
    each actor's contacts and the others in them (every actor; a few on the 1,000-party
    fixture) are `talks`'s, and each topic's contacts are those `talks` lists with it."""
    root, kg, _ = dataset
    shown = kg.talks()
    others: dict[str, set[tuple[str, str]]] = {}
    for view in shown:
        for a, b in view["pairs"]:
            others.setdefault(a, set()).add((view["id"], b))
            others.setdefault(b, set()).add((view["id"], a))
    asked = _actors_to_ask(kg)
    assert any(actor in others for actor in asked)  # the comparison is not vacuous
    for actor in asked:
        rows = answered(kg, "contacts-of", actor=actor)
        assert {(r["contact"], r["other"]) for r in rows} == others.get(actor, set()), actor
        assert {r["status"] for r in rows} <= DEFAULT_STATUSES
    listed = next(actor for actor in asked if actor in others)
    through_cli = sparql(root, "contacts-of", f"actor={listed}")
    assert {(r["contact"], r["other"]) for r in through_cli} == others[listed]
    with_topic = Counter(t["id"] for view in shown for t in view["topics"])
    counted = {r["topic"]: int(r["contacts"]) for r in sparql(root, "topics-discussed")}
    assert counted == {topic: with_topic[topic] for topic in kg.facts.topics}


def test_a_proposed_meeting_is_no_path_unless_asked_and_then_says_so() -> None:
    kg = dipgraph.load(EVERY_DATASET["bundled"])
    assert kg.path("Lavrov", "Shoigu")["found"] is False
    asked = kg.path("Lavrov", "Shoigu", any_status=True)
    assert asked["found"] is True
    statuses = {hop["status"] for path in asked["paths"] for hop in path["hops"]}
    assert statuses - DEFAULT_STATUSES  # the hop through the proposed 2+2 says it
    assert not any(v["id"] == "two-plus-two-meetings-proposed" for v in kg.talks("Lavrov"))


def test_the_page_carries_the_data_it_was_given(dataset) -> None:
    """The Python unpacking above is the page's: the written page's facts are page_data's."""
    _, kg, out = dataset
    given = json.loads(json.dumps(page_data(kg)["facts"]))
    assert page_in(out / "dipgraph.html")["facts"] == given


# What each door writes of a contact beyond its projection's fields and properties: the
# date's precision (`talks` and the page alike), the page's vocabulary label, its date's
# first and last day for the filters, the place's Wikidata item; NetworkX's node kind and
# label; GEXF's spell.
RECORD_NAMES = set(CONTACT_FIELDS) | {
    name for name, value in vars(ContactRecord).items() if isinstance(value, property)
}
EXTRA_NAMES = {
    "talks": {"date_precision", "pairs"},
    "page": {"type_label", "date_precision", "first", "last", "place_wikidata"},
    "network": {"node_type", "label"},
    "gexf": {"node_type", "label", "start", "end"},
}


def test_every_door_names_a_contacts_fields_as_its_projection_does(dataset) -> None:
    _, kg, out = dataset
    contacts = set(kg.facts.contacts)
    talks = {key for view in kg.talks(any_status=True) for key in view}
    page = {key for fact in page_in(out / "dipgraph.html")["facts"]["contacts"].values()
            for key in fact}  # fmt: skip
    assert talks - RECORD_NAMES == EXTRA_NAMES["talks"]
    assert {"type_label", "first", "last"} <= page - RECORD_NAMES <= EXTRA_NAMES["page"]
    graphs = {
        "networkx": kg.networkx,
        "graphml": nx.read_graphml(out / "dipgraph.graphml"),
        "gexf": nx.read_gexf(out / "dipgraph.gexf"),
    }
    always = {"type", "cameo", "status", "secret", "sides", "summary", "evidence"}
    for door, graph in graphs.items():
        keys = {k for n, d in graph.nodes(data=True) if n in contacts for k in d}
        extra = EXTRA_NAMES["gexf" if door == "gexf" else "network"]
        assert always <= keys - extra <= set(NETWORK_CONTACT_FIELDS), door
    with (out / "dipgraph-nodes.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["id"] in contacts]
    written = {key for row in rows for key, value in row.items() if value} - {"id"}
    assert always <= written - EXTRA_NAMES["network"] <= set(NETWORK_CONTACT_FIELDS)


def _ids(value: Any) -> Any:
    """A `talks` view's value with each reference ({id, name...}) reduced to its id."""
    if isinstance(value, dict) and "id" in value and set(value) <= {"id", "name", "names"}:
        return value["id"]
    if isinstance(value, dict):
        return {key: _ids(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_ids(item) for item in value]
    return value


def test_a_name_talks_and_the_page_both_write_holds_the_same_value(dataset) -> None:
    """The page names actors and topics by id where `talks` gives {id, name}, and its
    ``place`` is the place's names (the panel shows them), `talks`'s ``place.names``."""
    _, kg, out = dataset
    page = page_in(out / "dipgraph.html")["facts"]["contacts"]
    views = kg.talks(any_status=True)
    assert set(page) == {view["id"] for view in views}
    for view in views:
        shown = page[view["id"]]
        shared = set(view) & set(shown) - {"place"}
        assert shared >= {"sides", "status", "date", "date_precision", "subjects", "hosts"}
        assert {k: _ids(view[k]) for k in shared} == {k: shown[k] for k in shared}, view["id"]
        assert shown["place"] == (view["place"] and view["place"]["names"]), view["id"]


# ---- posts: who held which post in which organization, when --------------------------
Held = tuple[str, str, str | None, str | None, str | None, str | None]
# (holder, post title, organization, from, until, as of): dates as written
DATED = ("from", "until", "as_of")


def held_in_views(views: Iterable[dict[str, Any]]) -> dict[str, Held]:
    """Posts as `show` (the Python API and `show --format json`) and the page list them."""
    return {
        v["id"]: (
            v["holder"],
            v["post"],
            v["organization"] and v["organization"]["id"],
            v["from"],
            v["until"],
            v["as_of"],
        )
        for v in views
    }


def held_on_edges(edges: Iterable[tuple[str, str, str, dict[str, Any]]]) -> dict[str, Held]:
    """Posts as NetworkX, GraphML and CSV carry them: an edge from the holder to the
    organization, keyed by the post's id."""
    return {
        key: (holder, d["post"], organization, *(d.get(n) or None for n in DATED))
        for holder, organization, key, d in edges
        if d.get("relation") == "post"
    }


POSTS_QUERY = (
    f"PREFIX dg: <{DG_NS}>\n"
    + """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?post ?holder ?title ?organization ?from ?until ?asOf WHERE {
  ?m a org:Membership ; dcterms:identifier ?post ; org:member/dcterms:identifier ?holder ;
     dg:post/rdfs:label ?title .
  FILTER (LANG(?title) = "en")
  OPTIONAL { ?m org:organization/dcterms:identifier ?organization }
  OPTIONAL { ?m org:memberDuring/time:hasBeginning ?b .
             ?b time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate ?from }
  OPTIONAL { ?m org:memberDuring/time:hasEnd ?e .
             ?e time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate ?until }
  OPTIONAL { ?m dg:attestedOn ?asOf }
}"""
)


def test_every_door_gives_the_same_posts(dataset) -> None:
    """Holder, post, organization and dates of every post held, through the Python API
    (`show`), the command line, the page's data, SPARQL, NetworkX, GraphML, GEXF, CSV
    and FtM (an Occupancy: its start the post's ``from``, else the day it is attested
    on; its Position names the post and the organization)."""
    root, kg, out = dataset
    holders = sorted({post.holder for post in kg.facts.posts.values()})
    api = held_in_views(v for h in holders for v in kg.show(h)["posts"])
    assert set(api) == set(kg.facts.posts)
    page = page_in(out / "dipgraph.html")["facts"]["actors"]
    assert held_in_views(v for a in page.values() for v in a["posts"]) == api
    for holder in holders[:1]:
        shown = run_cli("show", holder, "--facts", root, "--format", "json")
        assert shown.code == 0, shown.err
        assert json.loads(shown.out)["posts"] == json.loads(json.dumps(kg.show(holder)["posts"]))
    rows = sparql(root, POSTS_QUERY)
    assert {
        r["post"]: (
            r["holder"],
            r["title"],
            r.get("organization"),
            *map(r.get, ("from", "until", "asOf")),
        )
        for r in rows
    } == api
    assert len(rows) == len(api)  # one row a post: a date is not written twice
    with_organization = {post: held for post, held in api.items() if held[2]}
    graphml = nx.read_graphml(out / "dipgraph.graphml", force_multigraph=True)
    with (out / "dipgraph-edges.csv").open(encoding="utf-8") as handle:
        in_csv = [(r["source"], r["target"], r["key"], r) for r in csv.DictReader(handle)]
    for door, edges in {
        "networkx": kg.networkx.edges(keys=True, data=True),
        "graphml": graphml.edges(keys=True, data=True),
        "csv": in_csv,
    }.items():
        assert held_on_edges(edges) == with_organization, door
    # GEXF is undirected, and networkx reads the post's id (the edge's key) back only
    # where two edges join the same two nodes: compared without it, the holder being
    # the end that holds a post in the other.
    held = {(h[0], h[2]) for h in api.values()}
    in_gexf = [
        ((u, v) if (u, v) in held else (v, u), d)
        for u, v, d in nx.read_gexf(out / "dipgraph.gexf").edges(data=True)
        if d.get("relation") == "post"
    ]
    assert sorted(
        held_on_edges((u, v, str(n), d) for n, ((u, v), d) in enumerate(in_gexf)).values()
    ) == sorted(with_organization.values())
    entities = {}
    with (out / "dipgraph.ftm.json").open(encoding="utf-8") as handle:
        for line in handle:
            entity = json.loads(line)
            entities[entity["id"]] = entity

    def one(entity: dict[str, Any], name: str) -> str | None:
        (value,) = entity["properties"].get(name, [None])
        return value

    occupancies = {
        from_ftm("post", e["id"]): e for e in entities.values() if e["schema"] == "Occupancy"
    }
    in_ftm = {}
    for post, occupancy in occupancies.items():
        position = entities[one(occupancy, "post")]
        organization = one(position, "organization")
        in_ftm[post] = (
            from_ftm("actor", one(occupancy, "holder")),
            one(position, "name"),
            organization and from_ftm("actor", organization),
            one(occupancy, "startDate"),
            one(occupancy, "endDate"),
        )
    assert in_ftm == {post: (*held[:3], held[3] or held[5], held[4]) for post, held in api.items()}


# ---- statements: who said what kind of thing about whom, reported by whom, when --------
Sources = tuple[tuple[str, int], ...]  # each source with the number of its quotes, by id
Said = tuple[str, str, str | None, str | None, frozenset[str], Sources]
# (speaker, kind, reported by, date as written, what it is about, sources)


def counted(sources: Iterable[str]) -> Sources:
    return tuple(sorted(Counter(sources).items()))


def quoted(evidence: str | list[dict[str, str]]) -> Sources:
    """The sources of evidence as a view lists it, or as JSON text (the network doors)."""
    items = json.loads(evidence) if isinstance(evidence, str) else evidence
    return counted(item["source"] for item in items)


def said_on_edges(edges: Iterable[tuple[str, str, dict[str, Any]]]) -> dict[str, Said]:
    """Statements as NetworkX, GraphML, GEXF and CSV carry them: an edge from the
    speaker to each actor or topic it is about, with the statement's id as ``fact``, its
    ``reported_by`` (none: no reporter) and its evidence; every edge of a statement
    says the same of it."""
    found: dict[str, Said] = {}
    for speaker, target, d in edges:
        if d.get("relation") != "statement":
            continue
        said = (
            speaker,
            d["kind"],
            d.get("reported_by") or None,
            d.get("date") or None,
            frozenset(),
            quoted(d["evidence"]),
        )
        before = found.get(d["fact"], said)
        assert before[:4] + before[5:] == said[:4] + said[5:], d["fact"]
        found[d["fact"]] = (*said[:4], before[4] | {target}, said[5])
    return found


STATEMENTS_QUERY = (
    f"PREFIX dg: <{DG_NS}>\n"
    + """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?statement ?speaker ?kind ?reporter ?date ?about ?quote ?source WHERE {
  ?s a dg:Statement ; dcterms:identifier ?statement ; dg:speaker/dcterms:identifier ?speaker ;
     dg:statementKind ?kind .
  OPTIONAL { ?s dcterms:subject/dcterms:identifier ?about }
  OPTIONAL { ?s prov:wasAttributedTo/dcterms:identifier ?reporter }
  OPTIONAL { ?s sem:hasTimeStamp ?date }
  OPTIONAL { ?s prov:qualifiedDerivation ?quote .
             ?quote prov:entity/dcterms:identifier ?source }
}"""
)


def said_in_sparql(root: Path, kinds: dict[str, str]) -> dict[str, Said]:
    """Statements through SPARQL: one row for each thing it is about and each quote."""
    rows = sparql(root, STATEMENTS_QUERY)
    about: dict[str, set[str]] = {}
    quotes: dict[str, set[tuple[str, str]]] = {}
    found = {}
    for r in rows:
        s = r["statement"]
        found[s] = (r["speaker"], kinds[r["kind"]], r.get("reporter"), r.get("date"))
        about.setdefault(s, set()).update([r["about"]] if "about" in r else [])
        quotes.setdefault(s, set()).update([(r["quote"], r["source"])] if "quote" in r else [])
    assert len({(r["statement"], r.get("reporter"), r.get("date")) for r in rows}) == len(found)
    return {
        s: (*head, frozenset(about[s]), counted(source for _, source in quotes[s]))
        for s, head in found.items()
    }


def said_in_ftm(out: Path, kg: dipgraph.KnowledgeGraph) -> dict[str, Said]:
    """Statements as FtM Events (``statement-{id}``): the speaker the ``organizer``, the
    actors it is about ``involved`` and its topics ``keywords`` (by name), the kind in
    ``name`` ("{kind's label}: {id}"); its reporter an UnknownLink; each quote a
    Documentation of its source, every source in ``proof``."""
    entities = ftm_entities(out)
    labels = {v["label"]: k for k, v in kg.model.vocabularies["statement_kinds"].items()}
    topics = {t.name: t.id for t in kg.facts.topics.values()}
    assert len(topics) == len(kg.facts.topics), "topic names are not unique"
    reported = ftm_reporters(entities, "statement")
    quotes: dict[str, list[str]] = {}
    for entity in entities.values():
        if entity["schema"] == "Documentation":
            props = entity["properties"]
            ((fact,), (document,)) = props["entity"], props["document"]
            if fact.startswith("statement-"):
                quotes.setdefault(from_ftm("statement", fact), []).append(
                    from_ftm("source", document)
                )
    found = {}
    for entity in entities.values():
        if entity["schema"] != "Event" or not entity["id"].startswith("statement-"):
            continue
        statement, props = from_ftm("statement", entity["id"]), entity["properties"]
        (name,) = props["name"]
        label, ident = name.rsplit(": ", 1)
        assert ident == statement
        (speaker,) = props["organizer"]
        ((reporter,),) = [sorted(reported[statement])] if statement in reported else [[None]]
        assert set(props.get("proof", [])) == {f"source-{s}" for s in quotes.get(statement, [])}
        found[statement] = (
            from_ftm("actor", speaker),
            labels[label],
            reporter,
            props.get("date", [None])[0],
            frozenset(
                [from_ftm("actor", a) for a in props.get("involved", [])]
                + [topics[t] for t in props.get("keywords", [])]
            ),
            counted(quotes.get(statement, [])),
        )
    return found


def said_in_jsonld(path: Path, kinds: dict[str, str]) -> dict[str, Said]:
    """Statements in JSON-LD, read as plain JSON: ``speaker``, ``statementKind``,
    ``reportedBy``, ``timeStamp``, ``about``, and each ``derivation``'s ``source``."""
    nodes = jsonld_nodes(path)

    def ids(references: list[str]) -> list[str]:
        return [i for ref in references for i in nodes[ref]["identifier"]]

    found = {}
    for node in nodes.values():
        if "dg:Statement" not in node.get("@type", []):
            continue
        (statement,) = node["identifier"]
        (speaker,) = ids(node["speaker"])
        (kind,) = node["statementKind"]
        reporters = ids(node.get("reportedBy", []))
        assert len(reporters) <= 1, statement
        stamps = [s["@value"] if isinstance(s, dict) else s for s in node.get("timeStamp", [])]
        derivations = set(node.get("derivation", []))
        found[statement] = (
            speaker,
            kinds[kind],
            reporters[0] if reporters else None,
            stamps[0] if stamps else None,
            frozenset(ids(node.get("about", []))),
            counted(i for d in derivations for i in ids(nodes[d]["source"])),
        )
    return found


def test_every_door_gives_the_same_statements(dataset) -> None:
    """Speaker, kind, reporter, date, what it is about and the sources (with the number
    of quotes of each) of every statement, through the Python API (`show` of its
    speaker), the command line, the page's data, SPARQL, JSON-LD, FtM, NetworkX,
    GraphML, GEXF and CSV."""
    root, kg, out = dataset
    speakers = sorted({s.speaker for s in kg.facts.statements.values()})
    views = [v for a in speakers for v in kg.show(a)["statements"] if v["speaker"]["id"] == a]
    api = {
        v["id"]: (
            v["speaker"]["id"],
            v["kind"],
            v["reported_by"] and v["reported_by"]["id"],
            v["date"],
            frozenset(ref["id"] for ref in v["about"]),
            quoted(v["evidence"]),
        )
        for v in views
    }
    assert set(api) == set(kg.facts.statements) and len(views) == len(api)
    assert {s: said[2] for s, said in api.items()} == {
        s.id: s.reported_by for s in kg.facts.statements.values()
    }
    for speaker in speakers[:1]:
        shown = run_cli("show", speaker, "--facts", root, "--format", "json")
        assert shown.code == 0, shown.err
        said = json.loads(json.dumps(kg.show(speaker)["statements"]))
        assert json.loads(shown.out)["statements"] == said
    page = page_in(out / "dipgraph.html")["facts"]["statements"]
    in_page = {
        s: (
            f["speaker"],
            f["kind"],
            f["reported_by"],
            f["date"],
            frozenset(f["about"]),
            quoted(f["evidence"]),
        )
        for s, f in page.items()
    }
    kinds = {f"dg:Statement{class_name(k)}": k for k in kg.model.vocabularies["statement_kinds"]}
    full_kinds = {f"{DG_NS}{name.removeprefix('dg:')}": k for name, k in kinds.items()}
    doors = {
        "page": in_page,
        "sparql": said_in_sparql(root, full_kinds),
        "jsonld": said_in_jsonld(out / "dipgraph.jsonld", kinds),
        "ftm": said_in_ftm(out, kg),
    }
    for door, found in doors.items():
        assert found == api, door
    # An edge joins the speaker to what was said about: a statement about nothing named
    # has none (the NetworkX graph's statements are not nodes).
    with_edges = {s: said for s, said in api.items() if said[4]}
    graphml = nx.read_graphml(out / "dipgraph.graphml")
    with (out / "dipgraph-edges.csv").open(encoding="utf-8") as handle:
        in_csv = [(r["source"], r["target"], r) for r in csv.DictReader(handle)]
    in_gexf = [  # undirected: the speaker is the end the statement names as such
        (u, v, d) if u == api[d["fact"]][0] else (v, u, d)
        for u, v, d in nx.read_gexf(out / "dipgraph.gexf").edges(data=True)
        if d.get("relation") == "statement"
    ]
    for door, edges in {
        "networkx": kg.networkx.edges(data=True),
        "graphml": graphml.edges(data=True),
        "gexf": in_gexf,
        "csv": in_csv,
    }.items():
        assert said_on_edges(edges) == with_edges, door


def test_every_listing_of_contacts_says_each_ones_status(dataset) -> None:
    """`talks --any-status` as a table (in blocks, on an 80-column terminal) and as CSV
    names each contact's status (and whether it was secret), as the JSON views do."""
    root, kg, _ = dataset
    statuses = {c.id: (c.status, c.secret) for c in kg.facts.contacts.values()}
    table = run_cli("talks", "--any-status", "--facts", root, columns=80)
    spreadsheet = run_cli("talks", "--any-status", "--facts", root, "--format", "csv")
    assert table.code == spreadsheet.code == 0, table.err + spreadsheet.err
    in_table, contact = {}, None
    for line in table.out.splitlines():
        if re.fullmatch(r"\S+ ─+", line):
            contact = line.split(" ", 1)[0]
        elif contact and (said := re.fullmatch(r"status +([^,]+)(, secret)?", line)):
            in_table[contact] = (said[1], bool(said[2]))
    assert in_table == statuses
    rows = csv.DictReader(spreadsheet.out.splitlines())
    assert {row["id"]: (row["status"], row["secret"] == "yes") for row in rows} == statuses
