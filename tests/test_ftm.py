"""`build --formats ftm` writes entities the followthemoney library accepts unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from followthemoney import model

from fixture_sets import DELEGATIONS, EVERY_DATASET


def exported(cli, facts: Path, out: Path) -> list[dict]:
    result = cli("build", "--facts", facts, "--out", out, "--formats", "ftm")
    assert result.code == 0, result.err
    lines = (out / "dipgraph.ftm.json").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.mark.slow
@pytest.mark.parametrize("facts", EVERY_DATASET.values(), ids=EVERY_DATASET)
def test_every_entity_is_valid_ftm(cli, tmp_path: Path, facts: Path) -> None:
    entities = exported(cli, facts, tmp_path)
    by_id = {e["id"]: e for e in entities}
    assert len(by_id) == len(entities), "duplicate entity ids"
    for raw in entities:
        proxy = model.get_proxy(raw, cleaned=False)  # cleans every value; drops invalid ones
        assert proxy.id == raw["id"]
        cleaned = proxy.to_dict()["properties"]
        assert set(cleaned) == set(raw["properties"]), raw["id"]
        for name, values in raw["properties"].items():
            prop = proxy.schema.get(name)
            assert len(cleaned[name]) == len(values), (raw["id"], name, values)
            if prop.type.name == "entity":
                for target in values:  # references resolve, to an entity of the right schema
                    assert target in by_id, (raw["id"], name, target)
                    assert model.get(by_id[target]["schema"]).is_a(prop.range), (raw["id"], name)
            elif prop.type.name in ("date", "language"):
                assert cleaned[name] == values, (raw["id"], name)


def test_ftm_keeps_the_contact_model(cli, tmp_path: Path) -> None:
    by_id = {e["id"]: e for e in exported(cli, DELEGATIONS, tmp_path)}
    meeting = by_id["contact-two-plus-two"]
    assert meeting["schema"] == "Event"
    assert meeting["properties"]["date"] == ["2021-03"]
    assert sorted(meeting["properties"]["involved"]) == [
        "actor-anna-avdeeva", "actor-boris-bykov", "actor-carl-carter", "actor-dana-dunn"
    ]  # fmt: skip
    assert (
        "side 1: Anna Avdeeva, Boris Bykov; side 2: Carl Carter, Dana Dunn"
        in (meeting["properties"]["description"][0])
    )
    assert by_id["contact-geneva-talks"]["properties"]["organizer"] == ["actor-neutralia"]
    swap = by_id["contact-prisoner-swap"]["properties"]
    assert (
        "actor-frank-fisher" in swap["involved"]
        and "subjects: Frank Fisher" in (swap["description"][0])
    )
    assert by_id["actor-ostland"]["schema"] == "PublicBody"
    assert by_id["actor-ostland"]["properties"]["wikidataId"] == ["Q90001"]
    occupancies = [e for e in by_id.values() if e["schema"] == "Occupancy"]
    assert {o["properties"]["startDate"][0] for o in occupancies} == {"2019", "2020"}
    proof = [e for e in by_id.values() if e["schema"] == "Documentation"]
    assert {p["properties"]["entity"][0] for p in proof} >= {"contact-two-plus-two"}
    assert all(p["properties"]["document"] == ["source-report"] for p in proof)


@pytest.mark.slow
def test_the_ftm_tool_chain_reads_the_export(cli, tmp_path: Path) -> None:
    import shutil
    import subprocess

    entities = exported(cli, DELEGATIONS, tmp_path)
    ftm = shutil.which("ftm")
    assert ftm, "the followthemoney package installs the ftm command"
    source = tmp_path / "dipgraph.ftm.json"
    checked = tmp_path / "validated.json"
    run = subprocess.run([ftm, "validate", "-i", source, "-o", checked], capture_output=True)
    assert run.returncode == 0, run.stderr
    again = [json.loads(line) for line in checked.read_text(encoding="utf-8").splitlines()]
    assert sorted(e["id"] for e in again) == sorted(e["id"] for e in entities)
    gexf = tmp_path / "ftm.gexf"
    run = subprocess.run([ftm, "export-gexf", "-i", source, "-o", gexf], capture_output=True)
    assert run.returncode == 0, run.stderr
    assert "contact-two-plus-two" in gexf.read_text(encoding="utf-8")


def test_ftm_writes_statements_and_who_reports_facts() -> None:
    """A statement is an Event (speaker the organizer, the actors it is about involved,
    its topics keywords), its quotes Documentations; a reporter is an UnknownLink with the
    projection's field name as its role, to a contact or a statement alike."""
    import dipgraph
    from dipgraph.exports.ftm import ftm_entities

    by_id = {e["id"]: e for e in ftm_entities(dipgraph.load(DELEGATIONS))}
    said = by_id["statement-avdeeva-warns-on-security"]
    assert said["schema"] == "Event"
    assert said["properties"] == {
        "name": ["warned: avdeeva-warns-on-security"],
        "summary": ["Avdeeva warned Westland about security, as Carter told it."],
        "description": [
            "Said by Anna Avdeeva, as reported by Carl Carter. About: Westland, security."
        ],
        "date": ["2021-06-05"],
        "organizer": ["actor-anna-avdeeva"],
        "involved": ["actor-westland"],
        "keywords": ["security"],
        "proof": ["source-report"],
    }
    quotes = [
        e["properties"] for e in by_id.values()
        if e["schema"] == "Documentation" and e["properties"]["entity"] == [said["id"]]
    ]  # fmt: skip
    assert [q["summary"] for q in quotes] == [
        ["Carl Carter said on 5 June 2021 that Anna Avdeeva had warned Westland about security."]
    ]
    links = {
        (e["properties"]["subject"][0], e["properties"]["object"][0], e["properties"]["role"][0])
        for e in by_id.values()
        if e["schema"] == "UnknownLink"
    }
    assert links == {
        ("actor-carl-carter", said["id"], "reported_by"),
        ("actor-neutralia", "contact-prisoner-swap", "reported_by"),
    }
    assert "actor-neutralia" not in by_id["contact-prisoner-swap"]["properties"]["involved"]
