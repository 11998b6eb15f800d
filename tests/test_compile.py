"""The compiled NetworkX and RDF graphs say what the facts say, in standard terms."""

from __future__ import annotations

import dataclasses
import keyword
from pathlib import Path

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import ORG, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD

import dipgraph
from conftest import BUNDLED, SMALL
from dipgraph.facts import DECLARED_TYPES
from dipgraph.graph.iris import DG_NS, SEM_NS
from dipgraph.schema import load_model

ID = "https://w3id.org/dipgraph/id/"
DG, SEM = Namespace(DG_NS), Namespace(SEM_NS)


def test_schema_yaml_and_records_agree() -> None:
    model = load_model()
    for name, kind in model.kinds.items():
        fields = {f.name for f in dataclasses.fields(DECLARED_TYPES[name])} - {"location"}
        props = {
            f"{p}_" if keyword.iskeyword(p) else p
            for p, prop in kind.properties.items()
            if not prop.shorthand_for
        }
        assert fields == props, name


def test_networkx_graph() -> None:
    graph = dipgraph.load(SMALL).networkx
    assert graph.nodes["alice-adams"]["node_type"] == "actor"
    assert graph.nodes["new-start"]["node_type"] == "topic"
    assert graph.nodes["wire"]["node_type"] == "source"
    call = graph.nodes["adams-belov-call"]
    assert (call["node_type"], call["type"], call["cameo"], call["date"]) == (
        "contact",
        "phone_call",
        "041",
        "2020-03",
    )
    edge = graph.edges["alice-adams", "adams-belov-call", "adams-belov-call:alice-adams"]
    assert (edge["relation"], edge["side"]) == ("party", 1)  # sides count from 1
    assert graph.edges["alice-adams", "state-dept", "adams-secretary"]["relation"] == "post"
    assert graph.edges["new-start", "arms-control", "broader:new-start"]["relation"] == "broader"
    contacts = {n for n, d in graph.nodes(data=True) if d["node_type"] == "contact"}
    assert contacts == set(dipgraph.load(SMALL).facts.contacts)


def test_rdf_uses_standard_vocabularies() -> None:
    rdf = dipgraph.load(SMALL).rdf
    putin = URIRef(ID + "actor/vladimir-putin")
    assert (putin, RDF.type, SDO.Person) in rdf
    assert (putin, SKOS.prefLabel, Literal("فلاديمير بوتين", lang="ar")) in rdf
    assert (putin, SKOS.altLabel, Literal("بوتين", lang="ar")) in rdf
    assert (putin, RDFS.label, Literal("Vladimir Putin", lang="en")) in rdf

    call = URIRef(ID + "contact/adams-belov-call")
    assert (call, RDF.type, SEM.Event) in rdf
    assert (call, RDF.type, DG.PhoneCall) in rdf
    assert (DG.PhoneCall, DG.cameoCode, Literal("041")) in rdf
    assert (call, SEM.hasTimeStamp, Literal("2020-03", datatype=XSD.gYearMonth)) in rdf
    role = URIRef(ID + "contact/adams-belov-call/party/alice-adams")
    assert (call, SEM.hasActor, role) in rdf
    assert (role, RDF.value, URIRef(ID + "actor/alice-adams")) in rdf
    assert (role, SEM.roleType, DG.Party) in rdf
    assert (call, PROV.wasDerivedFrom, URIRef(ID + "source/wire")) in rdf
    derivation = rdf.value(call, PROV.qualifiedDerivation)
    assert str(rdf.value(derivation, DG.quote)).startswith("Secretary Alice Adams")

    membership = URIRef(ID + "post/adams-secretary")
    position = URIRef(ID + "position/state-dept/secretary-of-state")
    assert (position, RDF.type, ORG.Post) in rdf
    assert (membership, RDF.type, ORG.Membership) in rdf
    assert (URIRef(ID + "actor/alice-adams"), ORG.holds, position) in rdf
    interval = rdf.value(membership, ORG.memberDuring)
    start = rdf.value(interval, TIME.hasBeginning)
    assert rdf.value(start, TIME.inXSDgYear) == Literal("2019", datatype=XSD.gYear)

    topic = URIRef(ID + "topic/new-start")
    assert (topic, RDF.type, SKOS.Concept) in rdf
    assert (topic, SKOS.broader, URIRef(ID + "topic/arms-control")) in rdf


def test_citations_sit_in_the_named_graph_of_their_source() -> None:
    rdf = dipgraph.load(SMALL).rdf
    call = URIRef(ID + "contact/putin-belov-video")
    graphs = {str(g) for _, _, _, g in rdf.quads((call, PROV.wasDerivedFrom, None, None))}
    assert graphs == {ID + "graph/arabic-note"}
    graphs = {str(g) for _, _, _, g in rdf.quads((call, RDF.type, None, None))}
    assert graphs == {ID + "graph/arabic-note"}  # described once, in its first source


def test_every_dg_term_in_the_output_is_documented_in_the_ontology() -> None:
    import re

    from rdflib import Graph
    from rdflib.namespace import RDFS

    ontology = Graph().parse(Path(dipgraph.__file__).parent / "schema" / "ontology.ttl")
    documented = {str(s) for s in ontology.subjects(RDFS.comment, None)}
    used: set[str] = set()
    for facts in (SMALL, BUNDLED):
        used |= set(
            re.findall(r"<(" + re.escape(DG_NS) + r"[A-Za-z]+)>", dipgraph.load(facts).nquads)
        )
    model = load_model()
    from dipgraph.graph.to_rdf import class_name

    used |= {DG_NS + class_name(t) for t in model.vocabularies["contact_types"]}
    used |= {DG_NS + "Status" + class_name(t) for t in model.vocabularies["contact_statuses"]}
    used |= {DG_NS + "Statement" + class_name(t) for t in model.vocabularies["statement_kinds"]}
    assert used - documented == set()
    for term in model.vocabularies["contact_types"]:
        cameo = ontology.value(URIRef(DG_NS + class_name(term)), DG.cameoCode)
        assert str(cameo) == model.vocabularies["contact_types"][term]["cameo"], term


def test_base_iri_is_configurable_and_checked(cli, tmp_path) -> None:
    kg = dipgraph.load(SMALL, base_iri="https://example.org/kg/")
    assert "<https://example.org/kg/actor/vladimir-putin>" in kg.nquads
    assert "dipgraph.example/id/" not in kg.nquads
    out = tmp_path / "out"
    assert (
        cli(
            "build",
            "--facts",
            SMALL,
            "--out",
            out,
            "--formats",
            "nt",
            "--base-iri",
            "urn:dipgraph:",
        ).code
        == 0
    )
    assert "<urn:dipgraph:actor/alice-adams>" in (out / "dipgraph.nt").read_text()
    bad = cli("build", "--facts", SMALL, "--out", out, "--base-iri", "not an iri")
    assert bad.code == 1 and "base IRI 'not an iri'" in bad.err
