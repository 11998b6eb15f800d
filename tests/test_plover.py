"""PLOVER beside CAMEO: each contact's PLOVER event type and mode, from its CAMEO code by
the PLOVER project's crosswalk (a data table that cites it), in the ontology, the RDF,
GraphML and FtM."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import yaml

import dipgraph
from conftest import BUNDLED, REPO, SMALL
from dipgraph.graph.iris import DG_NS
from dipgraph.schema.model import load_model

TABLE = REPO / "dipgraph" / "schema" / "vocabularies" / "cameo_plover.yaml"
# PLOVER's event types, as its manual and the crosswalk name them.
PLOVER_EVENTS = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "DEMAND", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
    "ASSAULT",
}  # fmt: skip


def crosswalk() -> dict[str, dict[str, str]]:
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))


def test_every_cameo_code_a_contact_can_get_has_a_row() -> None:
    vocabularies = load_model().vocabularies
    codes = set()
    for row in vocabularies["contact_types"].values():
        codes |= {row["cameo"], row.get("cameo_hosted")}
    codes |= {row.get("cameo") for row in vocabularies["contact_statuses"].values()}
    codes.discard(None)
    assert codes - set(crosswalk()) == set()


def test_the_table_cites_the_crosswalk_and_uses_plover_terms() -> None:
    text = TABLE.read_text(encoding="utf-8")
    assert "CAMEO2PLOVER-2021.txt" in text and "openeventdata/PLOVER" in text
    for code, row in crosswalk().items():
        assert row.get("plover_event", "AGREE") in PLOVER_EVENTS, code
        assert set(row) <= {"label", "plover_event", "plover_mode", "plover_context"}, code
    # CAMEO 01x (statements) has no PLOVER event: none is invented.
    assert "plover_event" not in crosswalk()["010"]


def test_each_contact_carries_its_plover_event_and_mode_in_rdf() -> None:
    kg = dipgraph.load(BUNDLED)
    query = f"""
        SELECT ?id ?cameo ?event ?mode WHERE {{
          ?c a <{DG_NS}Contact> ; <http://purl.org/dc/terms/identifier> ?id ;
             <{DG_NS}cameoCode> ?cameo .
          OPTIONAL {{ ?c <{DG_NS}ploverEvent> ?event }}
          OPTIONAL {{ ?c <{DG_NS}ploverMode> ?mode }}
        }}"""
    found = {
        row["id"].value: tuple(row[n].value if row[n] else None for n in ("cameo", "event", "mode"))
        for row in kg.sparql(query)
    }
    assert len(found) == len(kg.facts.contacts)
    table = crosswalk()
    for contact in kg.facts.contacts.values():
        cameo = kg.cameo(contact)
        row = table[cameo]
        assert found[contact.id] == (cameo, row.get("plover_event"), row.get("plover_mode"))
    events = {event for _, event, _ in found.values()}
    assert {"CONSULT", "AGREE", "RETREAT"} <= events  # the bundled data has all three
    modes = {mode for _, _, mode in found.values()}
    assert "phone" in modes


def test_the_ontology_gives_each_contact_type_its_plover_event() -> None:
    from rdflib import Graph, Literal, URIRef

    from dipgraph.graph.to_rdf import class_name

    ontology = Graph().parse(REPO / "dipgraph" / "schema" / "ontology.ttl")
    table = crosswalk()
    for term, row in load_model().vocabularies["contact_types"].items():
        cls = URIRef(DG_NS + class_name(term))
        expected = table[row["cameo"]]
        for key, prop in (("plover_event", "ploverEvent"), ("plover_mode", "ploverMode")):
            value = ontology.value(cls, URIRef(DG_NS + prop))
            want = expected.get(key)
            assert value == (Literal(want) if want else None), (term, prop)


def test_graphml_and_ftm_carry_the_plover_event(cli, tmp_path: Path) -> None:
    result = cli("build", "--facts", SMALL, "--out", tmp_path, "--formats", "graphml,ftm")
    assert result.code == 0, result.err
    kg = dipgraph.load(SMALL)
    graph = nx.read_graphml(tmp_path / "dipgraph.graphml")
    entities = [json.loads(line) for line in (tmp_path / "dipgraph.ftm.json").open()]
    events = {  # statements are Events too, their ids "statement-..."
        e["id"]: e for e in entities if e["schema"] == "Event" and e["id"].startswith("contact-")
    }
    assert len(events) == len(kg.facts.contacts)
    for contact in kg.facts.contacts.values():
        event, mode = kg.plover(contact)
        node = graph.nodes[contact.id]
        assert node.get("plover_event") == event
        assert node.get("plover_mode") == mode
        (ftm,) = [e for e in events.values() if contact.id in e["properties"]["name"][0]]
        description = ftm["properties"]["description"][0]
        assert f"CAMEO {kg.cameo(contact)}" in description
        shown = f"PLOVER {event}" + (f" ({mode})" if mode else "") if event else "PLOVER"
        assert (shown in description) == bool(event)
