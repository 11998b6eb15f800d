"""Places are records with ids (issue #13): a contact names its place by id, the RDF mints
the place's IRI from that id, and Wikidata ids of places are checked like everyone's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_curation import curation, kg

import dipgraph
from conftest import BUNDLED
from dipgraph.curation.text import occurs
from dipgraph.graph.shacl import validate
from dipgraph.graph.to_rdf import Quads
from dipgraph.schema.jsonschema import fact_file_schema

ID = "https://w3id.org/dipgraph/id/"
HAS_PLACE = "<http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace>"
SAME_AS = "<http://www.w3.org/2002/07/owl#sameAs>"
SCHEMA_SAME_AS = "<https://schema.org/sameAs>"
CONTAINED = "<https://schema.org/containedInPlace>"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
PLACE_LINE = "    place: vienna\n"  # line 26 of the small fixture's facts.yaml, value at col 12


def with_place(facts: Path, value: str) -> None:
    """Rewrite the small fixture's one contact place (facts.yaml line 26)."""
    path = facts / "facts.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines(keepends=True)[25] == PLACE_LINE
    path.write_text(text.replace(PLACE_LINE, f"    place: {value}\n"), encoding="utf-8")


def errors(cli, facts: Path) -> list[str]:
    result = cli("check", "--facts", facts)
    assert "Traceback" not in result.err
    return [line for line in result.err.splitlines() if ": error: " in line]


# -- references ------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("vienne", "facts.yaml:26:12: error: unknown place 'vienne' (did you mean 'vienna'?)"),
        (
            "carol-clark",
            "facts.yaml:26:12: error: 'carol-clark' is an actor, but place takes a place",
        ),
        ("new-start", "facts.yaml:26:12: error: 'new-start' is a topic, but place takes a place"),
    ],
    ids=["unknown", "an-actor", "a-topic"],
)
def test_a_place_reference_is_checked_where_it_is_written(
    cli, small_copy: Path, value: str, message: str
) -> None:
    with_place(small_copy, value)
    found = errors(cli, small_copy)
    assert len(found) == 1 and found[0].endswith(message), found


@pytest.mark.slow
def test_the_old_inline_names_say_how_to_write_a_place_now(cli, small_copy: Path) -> None:
    with_place(small_copy, "{en: Vienna City, ar: فيينا}")
    result = cli("check", "--facts", small_copy)
    assert result.code == 1
    (found,) = errors(cli, small_copy)
    assert found.endswith(
        "facts.yaml:26:12: error: place takes the id of a place, not its names: define the "
        "place once under places: (e.g. in places.yaml: - id: vienna-city with names: "
        "{en: ..., ar: ...}) and write place: vienna-city"
    ), found


def test_the_advice_works_when_followed(cli, small_copy: Path) -> None:
    with_place(small_copy, "vienna-city")
    (small_copy / "places.yaml").write_text(
        "places:\n  - id: vienna-city\n    names: {en: Vienna City, ar: فيينا}\n", encoding="utf-8"
    )
    result = cli("check", "--facts", small_copy)
    assert result.code == 0, result.err
    assert "2 places" in result.out  # vienna (now unused, a warning) and vienna-city
    assert "warning: place 'vienna' is not used by any fact" in result.err


def test_a_place_lies_in_a_place_or_a_state_without_loops(cli, small_copy: Path) -> None:
    (small_copy / "places.yaml").write_text(
        "places:\n"
        "  - id: district\n"  # 2
        "    names: {en: District}\n"
        "    in: city\n"  # 4
        "  - id: city\n"  # 5
        "    names: {en: City}\n"
        "    in: district\n"  # 7: closes the loop
        "  - id: office\n"  # 8
        "    names: {en: Office}\n"
        "    in: boris-belov\n"  # 10: a person
        "  - id: hall\n"
        "    names: {en: Hall}\n"
        "    in: state-dept\n"  # 13: an organization
        "  - id: square\n"
        "    names: {en: Square}\n"
        "    in: new-start\n",  # 16: a topic
        encoding="utf-8",
    )
    found = [line.split("/facts/", 1)[1] for line in errors(cli, small_copy)]
    assert found == [
        "places.yaml:7:9: error: in makes a loop: district → city → district; "
        "a place cannot lie within itself",
        "places.yaml:10:9: error: 'boris-belov' is a person, but in takes a place or a state",
        "places.yaml:13:9: error: 'state-dept' is an organization, but in takes a place or a state",
        "places.yaml:16:9: error: 'new-start' is a topic, but in takes a place or an actor",
    ]


def test_one_wikidata_item_is_claimed_once_across_every_kind(cli, small_copy: Path) -> None:
    (small_copy / "ids.yaml").write_text(
        "actors:\n"
        "  - id: ostland\n"
        "    kind: state\n"
        "    names: {en: Ostland}\n"
        "    wikidata: Q101\n"  # 5
        "places:\n"
        "  - id: ostburg\n"
        "    names: {en: Ostburg}\n"
        "    in: ostland\n"
        "    wikidata: Q101\n"  # 10: the state's item
        "  - id: westburg\n"
        "    names: {en: Westburg}\n"
        "    wikidata: Q202\n"  # 13
        "  - id: nowhere\n"
        "    names: {en: Nowhere}\n"
        "    wikidata: Q0202\n"  # 16: malformed
        "topics:\n"
        "  - id: westburg-question\n"
        "    names: {en: The Westburg question}\n"
        "    wikidata: Q202\n",  # 20: the place's item
        encoding="utf-8",
    )
    found = [line.split("/facts/", 1)[1] for line in errors(cli, small_copy)]
    assert found[0].startswith(
        "ids.yaml:10:15: error: Wikidata item Q101 is already claimed at "
    ) and found[0].endswith("ids.yaml:5:15")
    assert found[1] == (
        "ids.yaml:16:15: error: 'Q0202' is not a Wikidata item id (Q followed by at most 12 digits)"
    )
    assert found[2].startswith(
        "ids.yaml:20:15: error: Wikidata item Q202 is already claimed at "
    ) and found[2].endswith("ids.yaml:13:15")
    assert len(found) == 3


# -- RDF -------------------------------------------------------------------------------------
def place_triples(quads: Quads) -> set[str]:
    return {triple for triple, _ in quads._quads if "/id/place/" in triple}


def test_the_place_iri_comes_from_the_id_not_the_label(small_copy: Path) -> None:
    before = dipgraph.load(small_copy).quads
    topics = small_copy / "topics.yaml"
    topics.write_text(
        topics.read_text(encoding="utf-8").replace("{en: Vienna}", "{en: Wien, de: Wien}"),
        encoding="utf-8",
    )
    after = dipgraph.load(small_copy).quads
    contact = f"<{ID}contact/belov-clark-meeting>"
    place = f"<{ID}place/vienna>"
    for quads in (before, after):
        assert f"{contact} {HAS_PLACE} {place}" in {t for t, _ in quads._quads}
    assert {t for t in place_triples(before) if "Vienna" not in t} <= place_triples(after)
    assert f'{place} <http://www.w3.org/2000/01/rdf-schema#label> "Wien"@de' in place_triples(after)
    assert not [t for t in place_triples(after) if "Vienna" in t]


def test_a_place_is_typed_labelled_linked_and_same_as_wikidata() -> None:
    quads = dipgraph.load(BUNDLED).quads
    triples = {t for t, _ in quads._quads}
    istanbul, white_house = f"<{ID}place/istanbul>", f"<{ID}place/white-house-building>"
    wikidata = "<http://www.wikidata.org/entity/Q406>"
    assert {
        f"{istanbul} {TYPE} <http://semanticweb.cs.vu.nl/2009/11/sem/Place>",
        f"{istanbul} {TYPE} <https://schema.org/Place>",
        f'{istanbul} <http://www.w3.org/2000/01/rdf-schema#label> "إسطنبول"@ar',
        f"{istanbul} {SAME_AS} {wikidata}",
        f"{istanbul} {SCHEMA_SAME_AS} {wikidata}",
        f"{istanbul} {CONTAINED} <{ID}actor/turkey>",
        f"{white_house} {CONTAINED} <{ID}place/washington>",
        f"<{ID}contact/istanbul-secret-talks> {HAS_PLACE} {istanbul}",
    } <= triples
    # One place, one set of triples, whichever contacts name it; the actor is not the place.
    assert f"<{ID}actor/white-house> {SAME_AS} <http://www.wikidata.org/entity/Q35525>" not in (
        triples
    )


@pytest.mark.slow
def test_places_conform_to_the_shapes_and_the_shapes_catch_a_bad_one() -> None:
    quads = dipgraph.load(BUNDLED).quads
    assert validate(quads) == []
    kept = dict(quads._quads)
    istanbul = f"<{ID}place/istanbul>"
    kept[(f"{istanbul} {CONTAINED} <{ID}actor/vladimir-putin>", f"<{ID}graph/entities>")] = None
    kept[(f"{istanbul} {CONTAINED} <{ID}place/geneva>", f"<{ID}graph/entities>")] = None
    kept[(f"{istanbul} {SAME_AS} <http://www.wikidata.org/entity/Q1>", f"<{ID}graph/entities>")] = (
        None
    )
    found = [str(v) for v in validate(Quads(kept))]
    assert any("a place lies in one place or state" in v for v in found), found
    assert any("owl:sameAs links to one Wikidata entity" in v for v in found), found


# -- what people see ---------------------------------------------------------------------------
@pytest.mark.slow
def test_talks_and_show_print_the_place_name(cli) -> None:
    found = cli("talks", "Turkey", "--role", "host", "--format", "json").json()
    (istanbul,) = [c for c in found if c["id"] == "istanbul-secret-talks"]
    assert istanbul["place"] == {
        "id": "istanbul",
        "name": "Istanbul",
        "names": {"en": "Istanbul", "ar": "إسطنبول"},
    }
    csv = cli("talks", "Trump", "--format", "csv").out.splitlines()
    header = csv[0].split(",")
    row = next(line for line in csv if line.startswith("putin-trump-hamburg-meeting,"))
    assert row.split(",")[header.index("place")] == "Hamburg"
    shown = cli("show", "Trump", "--format", "csv").out
    assert "meeting with Vladimir Putin in Hamburg" in shown


def test_exports_name_the_place(cli, tmp_path: Path) -> None:
    result = cli("build", "--out", tmp_path, "--formats", "ftm,jsonld")
    assert result.code == 0, result.err
    lines = (tmp_path / "dipgraph.ftm.json").read_text(encoding="utf-8").splitlines()
    by_id = {e["id"]: e for e in map(json.loads, lines)}
    assert by_id["place-istanbul"]["schema"] == "Address"
    assert by_id["place-istanbul"]["properties"]["wikidataId"] == ["Q406"]
    talks = by_id["contact-istanbul-secret-talks"]["properties"]
    assert talks["location"] == ["Istanbul"] and talks["addressEntity"] == ["place-istanbul"]
    document = json.loads((tmp_path / "dipgraph.jsonld").read_text(encoding="utf-8"))
    nodes = [n for graph in document["@graph"] for n in graph.get("@graph", [graph])]
    (istanbul,) = [n for n in nodes if n.get("@id", "").endswith("place/istanbul")]
    assert istanbul["containedInPlace"].endswith("actor/turkey")
    assert istanbul["sameAs"] == "wd:Q406"


def test_the_html_page_gets_the_place_names() -> None:
    from dipgraph.exports.graph_view import page_facts

    facts = page_facts(dipgraph.load(BUNDLED), None)
    contact = facts["contacts"]["geneva-strategic-security-talks"]
    assert contact["place"] == {"en": "Geneva", "ar": "جنيف"}


def test_the_json_schema_knows_places() -> None:
    schema = fact_file_schema(ID)["properties"]
    place = schema["places"]["items"]
    assert place["required"] == ["id", "names"]
    assert set(place["properties"]) >= {"id", "names", "aliases", "in", "wikidata"}
    contact_place = schema["contacts"]["items"]["properties"]["place"]
    assert contact_place["type"] == "string" and "place" in contact_place["description"]


def test_suggest_drafts_place_ids(cli, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "Secretary Alice Adams met Minister Boris Belov in Geneva on 2 May 2021.\n"
        "Carol Clark met Boris Belov in Vienna on 3 May 2021.\n",
        encoding="utf-8",
    )
    drafted = cli("suggest", article, "--facts", "tests/fixtures/small").out
    assert "    place: vienna\n" in drafted  # the fixture's place, by its name
    assert "places:\n  - id: geneva\n" in drafted and "    place: geneva\n" in drafted


# -- curation (facts/README.md) -----------------------------------------------------------------
def test_bundled_places_are_named_in_their_contacts_quotes() -> None:
    facts = kg().facts
    unnamed = []
    for contact in facts.contacts.values():
        if contact.place:
            place = facts.places[contact.place]
            names = [*place.names.values(), *(a for v in place.aliases.values() for a in v)]
            if not any(occurs(n, e.quote) for n in names for e in contact.evidence):
                unnamed.append(contact.id)
    assert unnamed == []
    assert {c.place for c in facts.contacts.values() if c.place} == {
        "istanbul", "geneva", "hamburg", "white-house-building"
    }  # fmt: skip


def test_bundled_place_arabic_names_are_printed_in_a_source() -> None:
    """Rule 5 for places: the Arabic name is as an article prints it."""
    texts = " ".join(curation().texts.values())
    unprinted = [
        f"{place.id}: {place.names.get('ar')}"
        for place in kg().facts.places.values()
        if not occurs(place.names.get("ar", ""), texts)
    ]
    assert unprinted == []
