"""Every build conforms to the shipped SHACL shapes, and the shapes catch what they claim."""

from __future__ import annotations

from pathlib import Path

import pytest

import dipgraph
from dipgraph.graph.shacl import validate
from dipgraph.graph.to_rdf import Quads
from fixture_sets import DELEGATIONS, EVERY_DATASET

pytestmark = pytest.mark.slow  # the whole module: see "slow" in pyproject.toml

ID = "https://w3id.org/dipgraph/id/"
DG = "https://w3id.org/dipgraph/ns#"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
RDF_VALUE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#value>"


@pytest.mark.parametrize("facts", EVERY_DATASET.values(), ids=EVERY_DATASET)
def test_every_build_conforms(facts: Path) -> None:
    assert validate(dipgraph.load(facts).quads) == []


def changed(facts: Path, drop: str = "", add: tuple[str, ...] = ()) -> Quads:
    """The compiled quads of ``facts`` without the triples containing ``drop``, plus ``add``."""
    kept = {
        (triple, graph): None
        for triple, graph in dipgraph.load(facts).quads._quads
        if not (drop and drop in triple)
    }
    kept.update({(triple, f"<{ID}graph/entities>"): None for triple in add})
    return Quads(kept)


def messages(quads: Quads) -> list[str]:
    return [str(v) for v in validate(quads)]


def test_a_contact_with_one_side_is_refused() -> None:
    swap = f"<{ID}contact/two-plus-two/party/carl-carter>"
    found = messages(
        changed(
            DELEGATIONS,
            drop="/two-plus-two/party/",
            add=(
                f"<{ID}contact/two-plus-two> <{SEM}hasActor> {swap}",
                f"{swap} a <{SEM}Role>".replace(
                    " a ", " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                ),
                f"{swap} {RDF_VALUE} <{ID}actor/carl-carter>",
                f"{swap} <{SEM}roleType> <{DG}Party>",
                f'{swap} <{DG}side> "1"^^<http://www.w3.org/2001/XMLSchema#integer>',
            ),
        )
    )
    assert any("parties on at least two sides" in m and "two-plus-two" in m for m in found)


def test_an_actor_on_two_sides_and_a_subject_with_a_side_are_refused() -> None:
    role = f"<{ID}contact/two-plus-two/party/anna-avdeeva>"
    subject = f"<{ID}contact/prisoner-swap/subject/frank-fisher>"
    found = messages(
        changed(
            DELEGATIONS,
            add=(
                f'{role} <{DG}side> "2"^^<http://www.w3.org/2001/XMLSchema#integer>',
                f'{subject} <{DG}side> "1"^^<http://www.w3.org/2001/XMLSchema#integer>',
            ),
        )
    )
    two_sides = "an actor is a party on one side of a contact only"
    assert f"{ID}contact/two-plus-two: {two_sides} (value: {ID}actor/anna-avdeeva)" in found
    side = "a party has one side (dg:side); a subject, host or mediator has none"
    assert f"{subject[1:-1]}: {side} (value: {subject[1:-1]})" in found


def test_a_fact_without_a_source_and_a_bad_wikidata_link_are_refused() -> None:
    found = messages(
        changed(
            DELEGATIONS,
            drop="wasDerivedFrom",
            add=(
                f"<{ID}actor/westland> <http://www.w3.org/2002/07/owl#sameAs> <http://example.org/Q1>",
            ),
        )
    )
    assert any("every fact cites at least one source" in m for m in found)
    assert any("one Wikidata entity" in m and "westland" in m for m in found)


def test_a_span_that_ends_before_it_begins_is_refused() -> None:
    found = messages(
        changed(
            DELEGATIONS,
            drop=f"/post/avdeeva-foreign-minister> <{SEM}hasLatestEnd",
            add=(
                f"<{ID}post/avdeeva-foreign-minister> <{SEM}hasLatestEndTimeStamp> "
                '"2018-12-31"^^<http://www.w3.org/2001/XMLSchema#date>',
            ),
        )
    )
    assert any("avdeeva-foreign-minister" in m and "hasEarliestBeginTimeStamp" in m for m in found)


def test_build_validate_reports_and_passes(cli, tmp_path: Path) -> None:
    result = cli(
        "build", "--facts", DELEGATIONS, "--out", tmp_path, "--formats", "nt", "--validate"
    )
    assert result.code == 0, result.err
    assert "SHACL: conforms" in result.err + result.out
