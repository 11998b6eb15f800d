"""A dataset citation in RDF is data, not only text: the fact is derived from a record
(prov:Entity, dg:DatasetRecord) that is part of the dataset source, with the entity,
property and value as the dataset writes them, its qualifiers, its address and the day
it was retrieved; a Wikidata statement is reified with its wd:/wdt: IRIs; the SHACL
shapes hold, and the cold start's streamed quads are the compiled ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import dipgraph
from conftest import add_file
from dipgraph.graph.shacl import validate
from dipgraph.schema.namespace import DG_NS

WIKIDATA_FILE = {
    "entities": {
        "Q90000005": {
            "type": "item",
            "id": "Q90000005",
            "labels": {"en": {"language": "en", "value": "Alice Adams"}},
            "claims": {
                "P39": [
                    {
                        "type": "statement",
                        "rank": "normal",
                        "mainsnak": {
                            "snaktype": "value",
                            "property": "P39",
                            "datavalue": {
                                "type": "wikibase-entityid",
                                "value": {"entity-type": "item", "id": "Q90000050"},
                            },
                        },
                        "qualifiers": {
                            "P580": [
                                {
                                    "snaktype": "value",
                                    "property": "P580",
                                    "datavalue": {
                                        "type": "time",
                                        "value": {
                                            "time": "+2019-00-00T00:00:00Z",
                                            "precision": 9,
                                            "timezone": 0,
                                        },
                                    },
                                }
                            ]
                        },
                    }
                ]
            },
        }
    }
}

CITING = """sources:
  - id: officials
    title: Officials (a Wikidata extract written for this test)
    language: en
    format: wikidata-json
    file: datasets/officials.json

posts:
  - id: adams-envoy
    holder: alice-adams
    post: {en: Special Envoy}
    from: 2019
    evidence:
      - dataset: officials
        entity: Q90000005
        property: P39
        value: Q90000050
        qualifiers: {P580: "2019"}
        address: https://www.wikidata.org/wiki/Q90000005#P39
        retrieved: 2026-11-30
"""

WD = "http://www.wikidata.org/"


@pytest.fixture
def kg(small_copy: Path) -> dipgraph.KnowledgeGraph:
    (small_copy / "datasets").mkdir()
    add_file(small_copy, "datasets/officials.json", json.dumps(WIKIDATA_FILE))
    add_file(small_copy, "cited.yaml", CITING)
    return dipgraph.load(small_copy)


RECORD_QUERY = f"""PREFIX dg: <{DG_NS}>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?dataset ?entity ?field ?value ?url ?retrieved ?subject ?predicate ?object
       ?qfield ?qvalue ?qpredicate WHERE {{
  ?post dcterms:identifier "adams-envoy" ; prov:wasDerivedFrom ?record .
  ?record a dg:DatasetRecord, prov:Entity, rdf:Statement ;
          dcterms:isPartOf/dcterms:identifier ?dataset ;
          dg:entityId ?entity ; dg:field ?field ; rdf:value ?value ;
          schema:url ?url ; dcterms:date ?retrieved ;
          rdf:subject ?subject ; rdf:predicate ?predicate ; rdf:object ?object ;
          dg:qualifier ?q .
  ?q dg:field ?qfield ; rdf:value ?qvalue ; rdf:predicate ?qpredicate .
}}"""


def test_a_dataset_citation_is_a_record_in_standard_vocabularies(kg) -> None:
    solutions = kg.store.query(RECORD_QUERY, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    (row,) = [{name: solution[name].value for name in names} for solution in solutions]
    assert row == {
        "dataset": "officials",
        "entity": "Q90000005",
        "field": "P39",
        "value": "Q90000050",
        "url": "https://www.wikidata.org/wiki/Q90000005#P39",
        "retrieved": "2026-11-30",
        "subject": WD + "entity/Q90000005",
        "predicate": WD + "prop/direct/P39",
        "object": WD + "entity/Q90000050",
        "qfield": "P580",
        "qvalue": "2019",
        "qpredicate": WD + "prop/qualifier/P580",
    }
    # The record sits in the dataset source's graph, with the citation's derivation.
    graph = f"<{kg.base}graph/officials>"
    record_lines = [line for line in kg.nquads.splitlines() if "/record>" in line]
    assert record_lines and all(line.endswith(f"{graph} .") for line in record_lines)
    # The retrieval date keeps its precision (a day) as a typed literal.
    assert '"2026-11-30"^^<http://www.w3.org/2001/XMLSchema#date>' in kg.nquads


def test_the_record_satisfies_the_shapes_and_a_broken_one_does_not(kg) -> None:
    assert validate(kg.quads) == []
    from dipgraph.graph.to_rdf import Quads

    broken = Quads(
        {
            (line.rsplit(" ", 2)[0], line.rsplit(" ", 2)[1]): None
            for line in kg.quads.nquads_lines()
            if f"<{DG_NS}entityId>" not in line  # a record without its entity
        }
    )
    found = validate(broken)
    assert found and all(v.path == f"{DG_NS}entityId" for v in found)


def test_a_text_source_writes_no_record(small_copy: Path) -> None:
    typed = f"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{DG_NS}DatasetRecord>"
    lines = list(dipgraph.load(small_copy).quads.nquads_lines())
    assert lines and not [line for line in lines if "/record>" in line or typed in line]


def test_the_cold_starts_streamed_quads_are_the_compiled_ones(kg, small_copy: Path) -> None:
    from dipgraph.graph.quad_stream import QuadsAsChecked
    from dipgraph.loader import check_in_stages

    lines: list[str] = []
    streamed = QuadsAsChecked(kg.model, lines.append, kg.base)
    streamed.finish(check_in_stages(small_copy, each_file=streamed.add_file).facts)
    assert any("/record>" in line for line in lines)
    assert sorted(lines) == sorted(kg.quads.nquads_lines())
