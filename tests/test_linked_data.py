"""The RDF says what the facts say: sides and roles, counts on the union graph, ORG
positions, comparable dates, stable IRIs, the ontology and VoID in the data, Wikidata."""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

import pyoxigraph as ox
import pytest

import dipgraph
from conftest import BUNDLED, SMALL
from dipgraph.graph.to_rdf import compile_quads
from fixture_sets import DELEGATIONS, EVERY_DATASET

PREFIXES = """
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX dg: <https://w3id.org/dipgraph/ns#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX void: <http://rdfs.org/ns/void#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
"""


def rows(kg: dipgraph.KnowledgeGraph, query: str, **params: str) -> list[dict[str, str]]:
    """A query's solutions as {variable: lexical value}."""
    results = kg.sparql(query if "SELECT" not in query else PREFIXES + query, params)
    names = [v.value for v in results.variables]
    return [
        {name: solution[name].value for name in names if solution[name] is not None}
        for solution in results
    ]


def sparql_csv(cli, *args: str | Path) -> list[dict[str, str]]:
    result = cli("sparql", *args, "--format", "csv")
    assert result.code == 0, result.err
    return list(csv.DictReader(io.StringIO(result.out)))


# -- issue 9: sides and roles ---------------------------------------------------------
def test_who_talked_to_whom_pairs_only_across_sides(cli) -> None:
    found = sparql_csv(cli, "who-talked-to-whom", "--facts", DELEGATIONS)
    assert list(found[0]) == [
        "contact", "date", "type", "cameo", "status", "actor1", "name1", "actor2", "name2"
    ]  # fmt: skip
    pairs = {(r["contact"], r["actor1"], r["actor2"]) for r in found}
    kg = dipgraph.load(DELEGATIONS)
    expected = {(c.id, *sorted(pair)) for c in kg.facts.contacts.values() for pair in c.pairs}
    assert pairs == expected
    cameo = {c.id: kg.cameo(c) for c in kg.facts.contacts.values()}
    assert {r["contact"]: r["cameo"] for r in found} == cameo
    assert len(found) == len(expected)  # no duplicate rows
    two_plus_two = {(a, b) for c, a, b in pairs if c == "two-plus-two"}
    assert two_plus_two == {
        ("anna-avdeeva", "carl-carter"),
        ("anna-avdeeva", "dana-dunn"),
        ("boris-bykov", "carl-carter"),
        ("boris-bykov", "dana-dunn"),
    }
    for contact in kg.facts.contacts.values():  # no same-side pair, anywhere
        for side in contact.sides:
            for a in side:
                for b in side:
                    assert (contact.id, *sorted((a, b))) not in pairs
    role_holders = {"neutralia", "erik-egede", "frank-fisher", "gleb-gromov"}
    assert not role_holders & ({r["actor1"] for r in found} | {r["actor2"] for r in found})


def test_contacts_of_lists_the_other_sides_only(cli) -> None:
    found = sparql_csv(cli, "contacts-of", "-p", "actor=Boris Bykov", "--facts", DELEGATIONS)
    assert sorted((r["contact"], r["other"]) for r in found) == [
        ("mediated-talks", "dana-dunn"),
        ("two-plus-two", "carl-carter"),
        ("two-plus-two", "dana-dunn"),
    ]
    assert sparql_csv(cli, "contacts-of", "-p", "actor=Gleb Gromov", "--facts", DELEGATIONS) == []


def test_role_holders_are_linked_with_their_role() -> None:
    kg = dipgraph.load(DELEGATIONS)
    found = rows(
        kg,
        """SELECT ?contact ?actor ?role ?side WHERE {
             ?c dcterms:identifier ?contact ; sem:hasActor ?r .
             ?r a sem:Role ; rdf:value/dcterms:identifier ?actor ; sem:roleType ?t .
             ?t rdfs:label ?role .
             OPTIONAL { ?r dg:side ?side } }""",
    )
    by_actor = {(r["contact"], r["actor"]): (r["role"], r.get("side")) for r in found}
    assert by_actor[("prisoner-swap", "frank-fisher")] == ("subject", None)
    assert by_actor[("prisoner-swap", "ostland")] == ("party", "1")
    assert by_actor[("prisoner-swap", "westland")] == ("party", "2")
    assert by_actor[("geneva-talks", "neutralia")] == ("host", None)
    assert by_actor[("mediated-talks", "erik-egede")] == ("mediator", None)
    assert by_actor[("two-plus-two", "boris-bykov")] == ("party", "1")
    assert by_actor[("two-plus-two", "dana-dunn")] == ("party", "2")
    assert len(found) == sum(
        len(c.participants) + sum(map(len, c.roles.values())) for c in kg.facts.contacts.values()
    )


# -- counts on the union default graph --------------------------------------------------
@pytest.mark.parametrize("facts", EVERY_DATASET.values(), ids=EVERY_DATASET)
def test_each_triple_sits_in_one_graph(facts: Path) -> None:
    kg = dipgraph.load(facts)
    quads = list(kg.store.quads_for_pattern(None, None, None, None))
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    assert len(triples) == len(quads) == len(kg.quads)


def test_union_graph_counts_facts_once_on_the_bundled_data() -> None:
    kg = dipgraph.load(BUNDLED)
    facts = kg.facts
    multi = [c for c in facts.contacts.values() if len({e.source for e in c.evidence}) > 1]
    assert multi, "the bundled data has a contact cited by two sources"
    counted = rows(kg, "SELECT (COUNT(?c) AS ?n) WHERE { ?c a dg:Contact }")
    assert counted == [{"n": str(len(facts.contacts))}]
    counted = rows(kg, "SELECT (COUNT(?s) AS ?n) WHERE { ?s a dg:Statement }")
    assert counted == [{"n": str(len(facts.statements))}]
    cited = max(facts.posts.values(), key=lambda p: len({e.source for e in p.evidence}))
    three = rows(
        kg,
        """SELECT ?m ?holder ?org WHERE {
             ?m dcterms:identifier ?id ; org:member ?holder ; org:organization ?org }""",
    )
    assert len([r for r in three if r["m"].endswith("/post/" + cited.id)]) == 1
    per_source = rows(
        kg,
        """SELECT ?g (COUNT(?c) AS ?n) WHERE {
             GRAPH ?g { ?c a dg:Contact } } GROUP BY ?g""",
    )
    assert sum(int(r["n"]) for r in per_source) == len(facts.contacts)
    homes = {c.id: min(e.source for e in c.evidence) for c in facts.contacts.values()}
    assert {r["g"].rsplit("/", 1)[1]: int(r["n"]) for r in per_source} == {
        source: list(homes.values()).count(source) for source in set(homes.values())
    }
    cites = rows(
        kg,
        """SELECT (COUNT(*) AS ?n) WHERE {
             ?c a dg:Contact . GRAPH ?g { ?c prov:wasDerivedFrom ?s } }""",
    )
    assert cites == [
        {"n": str(sum(len({e.source for e in c.evidence}) for c in facts.contacts.values()))}
    ]


def test_void_counts_the_data() -> None:
    kg = dipgraph.load(SMALL)
    found = rows(kg, "SELECT ?n WHERE { ?d a void:Dataset ; void:uriSpace ?u ; void:triples ?n }")
    void_graph = ox.NamedNode(kg.base + "graph/void")
    described = len(kg.quads) - len(list(kg.store.quads_for_pattern(None, None, None, void_graph)))
    assert found == [{"n": str(described)}]
    subsets = rows(
        kg,
        "SELECT ?g ?n WHERE { ?d void:uriSpace ?u ; void:subset ?g . ?g void:triples ?n }",
    )
    for subset in subsets:
        graph = ox.NamedNode(subset["g"])
        assert int(subset["n"]) == len(list(kg.store.quads_for_pattern(None, None, None, graph)))
    assert {s["g"].rsplit("/", 1)[1] for s in subsets} >= {
        "ontology", "entities", "wire", "arabic-note"
    }  # fmt: skip


# -- W3C ORG, dates ----------------------------------------------------------------------
def test_a_position_is_minted_once_with_one_membership_a_holding() -> None:
    kg = dipgraph.load(BUNDLED)
    found = rows(
        kg,
        """SELECT ?post (COUNT(DISTINCT ?m) AS ?holdings) (COUNT(DISTINCT ?p) AS ?posts) WHERE {
             ?p a org:Post ; rdfs:label "White House spokeswoman"@en .
             ?m a org:Membership ; dg:post ?p ; org:member ?holder .
             ?holder org:holds ?p . ?p org:heldBy ?holder ; org:postIn ?org .
           } GROUP BY ?post""",
    )
    assert found == [{"holdings": "2", "posts": "1"}]


def test_dates_are_comparable_xsd_dates() -> None:
    kg = dipgraph.load(DELEGATIONS)
    found = rows(
        kg,
        """SELECT ?id ?begin ?end WHERE {
             ?x dcterms:identifier ?id .
             OPTIONAL { ?x sem:hasEarliestBeginTimeStamp ?begin }
             OPTIONAL { ?x sem:hasLatestEndTimeStamp ?end }
             FILTER (BOUND(?begin) || BOUND(?end))
             FILTER (DATATYPE(COALESCE(?begin, ?end)) = xsd:date) }""",
    )
    spans = {r["id"]: (r.get("begin"), r.get("end")) for r in found}
    assert spans == {
        "two-plus-two": ("2021-03-01", "2021-03-31"),
        "geneva-talks": ("2021-06-04", "2021-06-04"),
        "mediated-talks": ("2022-01-01", "2022-12-31"),
        "prisoner-swap": ("2022-12-01", "2022-12-31"),
        "avdeeva-foreign-minister": ("2019-01-01", "2023-12-31"),
        "carter-foreign-minister": ("2020-01-01", None),
        "avdeeva-warns-on-security": ("2021-06-05", "2021-06-05"),  # a statement
    }
    later = rows(
        kg,
        """SELECT ?id WHERE { ?c a dg:Contact ; dcterms:identifier ?id ;
             sem:hasEarliestBeginTimeStamp ?b . FILTER (?b > "2021-06-01"^^xsd:date) }""",
    )
    assert sorted(r["id"] for r in later) == ["geneva-talks", "mediated-talks", "prisoner-swap"]


@pytest.mark.slow
def test_posts_held_on_compares_dates(cli) -> None:
    def held(date: str) -> list[str]:
        found = sparql_csv(cli, "posts-held-on", "-p", f"date={date}", "--facts", DELEGATIONS)
        return [r["post"] for r in found]

    assert held("2019-12-31") == ["avdeeva-foreign-minister"]
    assert held("2020") == ["avdeeva-foreign-minister", "carter-foreign-minister"]
    assert held("2024-02") == ["carter-foreign-minister"]
    assert held("2018") == []


# -- IRIs, ontology, vocabulary -------------------------------------------------------------
def test_evidence_iris_do_not_move_when_evidence_is_reordered() -> None:
    kg = dipgraph.load(BUNDLED)
    facts = kg.facts
    before = set(compile_quads(facts, kg.model).nquads_lines())
    for ident, contact in list(facts.contacts.items()):
        facts.contacts[ident] = dataclasses.replace(contact, evidence=contact.evidence[::-1])
    assert any(len(c.evidence) > 1 for c in facts.contacts.values())
    assert set(compile_quads(facts, kg.model).nquads_lines()) == before


def test_the_ontology_travels_with_the_data() -> None:
    kg = dipgraph.load(SMALL)
    statuses = rows(
        kg,
        """SELECT ?s ?label WHERE { ?s a dg:ContactStatus, owl:NamedIndividual ;
             rdfs:label ?label }""",
    )
    assert sorted(r["label"] for r in statuses) == sorted(kg.model.vocabularies["contact_statuses"])
    kinds = rows(kg, "SELECT ?s WHERE { ?s a dg:StatementKind ; rdfs:label ?l }")
    assert len(kinds) == len(kg.model.vocabularies["statement_kinds"])
    assert rows(kg, "SELECT ?t WHERE { dg:cameoCode a ?t }") == [
        {"t": "http://www.w3.org/2002/07/owl#AnnotationProperty"}
    ]
    classes = rows(kg, "SELECT ?c WHERE { ?c rdfs:subClassOf dg:Contact . ?c a ?t }")
    assert {r["c"] for r in classes} == {
        r["c"] for r in rows(kg, "SELECT ?c WHERE { ?c rdfs:subClassOf dg:Contact ; a owl:Class }")
    }
    assert rows(kg, "SELECT ?c WHERE { ?c a rdfs:Class }") == []


def test_source_publisher_and_language_have_their_ranges() -> None:
    kg = dipgraph.load(SMALL)
    found = rows(
        kg,
        """SELECT ?source ?publisher ?language WHERE {
             ?s dcterms:identifier ?source ; dcterms:language ?l .
             ?l a dcterms:LinguisticSystem . BIND (STR(?l) AS ?language)
             OPTIONAL { ?s dcterms:publisher ?p . ?p a dcterms:Agent ; rdfs:label ?publisher } }
           ORDER BY ?source""",
    )
    assert found == [
        {"source": "arabic-note", "language": "http://id.loc.gov/vocabulary/iso639-1/ar"},
        {
            "source": "wire",
            "publisher": "Fixture Wire",
            "language": "http://id.loc.gov/vocabulary/iso639-1/en",
        },
    ]


# -- Wikidata -------------------------------------------------------------------------------
@pytest.mark.slow
def test_wikidata_ids_become_same_as_links(cli) -> None:
    kg = dipgraph.load(DELEGATIONS)
    found = rows(
        kg,
        "SELECT ?id ?o ?s WHERE { ?x dcterms:identifier ?id ; owl:sameAs ?o ; schema:sameAs ?s }",
    )
    assert sorted((r["id"], r["o"]) for r in found) == [
        ("ostland", "http://www.wikidata.org/entity/Q90001"),
        ("security", "http://www.wikidata.org/entity/Q90002"),
    ]
    assert all(r["o"] == r["s"] for r in found)
    shown = cli("show", "Putin", "--format", "json")
    assert shown.json()["wikidata"] == "Q7747"
    assert "wikidata: Q7747" in cli("show", "Putin").out


def test_wikidata_ids_are_checked_where_they_are_written(cli, tmp_path: Path) -> None:
    facts = tmp_path / "facts"
    facts.mkdir()
    (facts / "actors.yaml").write_text(
        "actors:\n"
        "  - id: a\n    kind: person\n    names: {en: A}\n    wikidata: Q0123\n"
        "  - id: b\n    kind: person\n    names: {en: B}\n    wikidata: Q42\n"
        "  - id: c\n    kind: person\n    names: {en: C}\n    wikidata: Q42\n"
        "  - id: d\n    kind: person\n    names: {en: D}\n    wikidata: https://wikidata.org/Q1\n",
        encoding="utf-8",
    )
    result = cli("check", "--facts", facts)
    assert result.code == 1 and "Traceback" not in result.err
    assert "actors.yaml:5:15: error: 'Q0123' is not a Wikidata item id" in result.err
    assert "actors.yaml:13:15: error: Wikidata item Q42 is already claimed at " in result.err
    assert "actors.yaml:17:15: error: 'https://wikidata.org/Q1' is not a Wikidata" in result.err


# -- JSON-LD -------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("facts", [SMALL, DELEGATIONS], ids=["small", "deleg"])
def test_jsonld_is_compacted_and_round_trips(cli, tmp_path: Path, facts: Path) -> None:
    import json

    import rdflib

    assert cli("build", "--facts", facts, "--out", tmp_path, "--formats", "jsonld").code == 0
    path = tmp_path / "dipgraph.jsonld"
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["@context"]["label"] == {"@id": "rdfs:label", "@container": "@language"}
    nodes: dict[str, dict] = {}
    for graph in document["@graph"]:  # a fact's citations sit in its sources' graphs
        for node in graph["@graph"]:
            nodes.setdefault(node["@id"], {}).update(node)
    parsed = rdflib.Dataset()
    parsed.parse(path, format="json-ld")
    expected = rdflib.Dataset()
    expected.parse(data=dipgraph.load(facts).nquads, format="nquads")
    assert set(parsed.quads()) == set(expected.quads())
    every_key = {key for node in nodes.values() for key in node}
    assert not {k for k in every_key if k.startswith("http")}, "a property left expanded"
    if facts == DELEGATIONS:
        contact = nodes["id:contact/two-plus-two"]
        assert contact["@type"] == ["dg:Contact", "dg:Meeting", "sem:Event"]
        assert contact["earliestBegin"] == "2021-03-01"
        assert contact["timeStamp"] == {"@value": "2021-03", "@type": "xsd:gYearMonth"}
        assert contact["about"] == "id:topic/security"
        role = nodes["id:contact/two-plus-two/party/dana-dunn"]
        assert (role["actor"], role["roleType"], role["side"]) == (
            "id:actor/dana-dunn", "dg:Party", "2"
        )  # fmt: skip
        assert nodes["id:actor/ostland"]["sameAs"] == "wd:Q90001"
        assert nodes["id:actor/anna-avdeeva"]["label"] == {"en": "Anna Avdeeva"}


# -- GEXF for Gephi's timeline -----------------------------------------------------------------
@pytest.mark.slow
def test_gexf_is_dynamic_and_networkx_reads_the_spells(cli, tmp_path: Path) -> None:
    import networkx as nx

    assert cli("build", "--facts", DELEGATIONS, "--out", tmp_path, "--formats", "gexf").code == 0
    text = (tmp_path / "dipgraph.gexf").read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'defaultedgetype="undirected"' in text
    graph = nx.read_gexf(tmp_path / "dipgraph.gexf")
    assert graph.graph["mode"] == "dynamic" and not graph.is_directed()
    swap = graph.nodes["prisoner-swap"]
    assert (swap["node_type"], swap["start"], swap["end"]) == (
        "contact", "2022-12-01", "2022-12-31"
    )  # fmt: skip
    assert graph.nodes["geneva-talks"]["start"] == "2021-06-04"
    parties = [d for _, _, d in graph.edges("two-plus-two", data=True) if d["relation"] == "party"]
    assert len(parties) == 4 and all(d["start"] == "2021-03-01" for d in parties)
    assert {d["side"] for d in parties} == {1, 2}
    posts = {
        d["fact"] if "fact" in d else d["id"]: d
        for _, _, d in graph.edges(data=True)
        if d["relation"] == "post"
    }
    spans = sorted((d.get("start"), d.get("end")) for d in posts.values())
    assert spans == [("2019-01-01", "2023-12-31"), ("2020-01-01", None)]
    undated = dipgraph.load(SMALL)
    assert undated.facts.contacts["putin-belov-video"].date is None
    assert cli("build", "--facts", SMALL, "--out", tmp_path, "--formats", "gexf").code == 0
    small = nx.read_gexf(tmp_path / "dipgraph.gexf")
    assert "start" not in small.nodes["putin-belov-video"]  # undated: shown at every time
    assert small.nodes["adams-belov-call"]["start"] == "2020-03-01"
    bundled = dipgraph.load(BUNDLED)  # no edge lost when a->b and b->a both exist
    assert cli("build", "--facts", BUNDLED, "--out", tmp_path, "--formats", "gexf").code == 0
    written = nx.read_gexf(tmp_path / "dipgraph.gexf")
    assert written.number_of_edges() == bundled.networkx.number_of_edges()
    from dipgraph.exports.network import dynamic_graph

    assert dynamic_graph(bundled).number_of_edges() == bundled.networkx.number_of_edges()
    assert not any("start" in d for *_, d in bundled.networkx.edges(data=True))  # no leak


def test_a_gloss_is_the_english_beside_its_quote() -> None:
    """A quote's curator-written English (evidence ``gloss:``) rides on the same
    derivation as the verbatim quote, tagged @en; the quote stays the one dg:quote."""
    kg = dipgraph.load(BUNDLED)
    glossed = {
        (c.id, e.quote): e.gloss for c in kg.facts.contacts.values() for e in c.evidence if e.gloss
    }
    assert len(glossed) >= 3
    found = rows(
        kg,
        """SELECT ?c ?quote ?gloss (LANG(?quote) AS ?ql) (LANG(?gloss) AS ?gl) WHERE {
             GRAPH ?g { ?fact prov:qualifiedDerivation ?d . ?d dg:quote ?quote ; dg:gloss ?gloss }
             ?fact dcterms:identifier ?c }""",
    )
    assert {(r["c"], r["quote"]): r["gloss"] for r in found} == glossed
    assert {(r["ql"], r["gl"]) for r in found} == {("ar", "en")}


def test_json_ld_compacts_a_gloss_beside_its_quote(cli, tmp_path: Path) -> None:
    """The context names dg:gloss: a derivation reads {"quote": {"ar": …}, "gloss": {"en": …}}."""
    import json

    assert cli("build", "--facts", BUNDLED, "--out", tmp_path, "--formats", "jsonld").code == 0
    document = json.loads((tmp_path / "dipgraph.jsonld").read_text(encoding="utf-8"))
    found = {
        node["quote"]["ar"]: node["gloss"]["en"]
        for graph in document["@graph"]
        for node in graph["@graph"]
        if "gloss" in node
    }
    facts = dipgraph.load(BUNDLED).facts
    glossed = {e.quote: e.gloss for c in facts.contacts.values() for e in c.evidence if e.gloss}
    assert found == glossed and glossed
