"""Ways in from datasets: ``dipgraph import wikidata|ftm`` drafts actors and posts whose
evidence cites the dataset, matched to known actors by Wikidata id or name; ``check``
reads the draft and proves every cited value is in the dataset file. The files here are
small ones written for these tests, in each format's shape (invented people and ids)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

RETRIEVED = "2026-12-01"


def item(ident: str) -> dict:
    return {"type": "wikibase-entityid", "value": {"entity-type": "item", "id": ident}}


def time(text: str, precision: int = 11) -> dict:
    return {"type": "time", "value": {"time": text, "precision": precision, "timezone": 0}}


def claim(prop: str, value: dict, **qualifiers: dict) -> dict:
    snak = {"snaktype": "value", "property": prop, "datavalue": value}
    made = {"type": "statement", "rank": "normal", "mainsnak": snak}
    if qualifiers:
        made["qualifiers"] = {
            key: [{"snaktype": "value", "property": key, "datavalue": v}]
            for key, v in qualifiers.items()
        }
    return made


def entity(ident: str, label: str, **claims: list) -> dict:
    return {
        "type": "item",
        "id": ident,
        "labels": {"en": {"language": "en", "value": label}},
        "claims": claims,
    }


WIKIDATA = {
    "entities": {
        # Known by name (the facts give Boris Belov no Wikidata id).
        "Q90000001": entity(
            "Q90000001", "Boris Belov",
            P31=[claim("P31", item("Q5"))],
            P39=[claim("P39", item("Q90000010"), P580=time("+2016-03-14T00:00:00Z"),
                       P582=time("+2020-01-01T00:00:00Z", 9))],
        ),
        # Known by Wikidata id (the test gives dmitri-dorin this id), under another label.
        "Q90000002": entity(
            "Q90000002", "D. Dorin",
            P31=[claim("P31", item("Q5"))],
            P39=[claim("P39", item("Q90000010"), P580=time("+2021-00-00T00:00:00Z", 9))],
        ),
        # Unknown: drafted as a new actor; its post's position is not in the file.
        "Q90000003": entity(
            "Q90000003", "Erin Ellis",
            P31=[claim("P31", item("Q5"))],
            P39=[claim("P39", item("Q90000011"))],
        ),
        "Q90000010": entity(
            "Q90000010", "Deputy Foreign Minister", P1001=[claim("P1001", item("Q90000020"))]
        ),
    }
}  # fmt: skip


@pytest.fixture
def facts(small_copy: Path) -> Path:
    """The small facts, two actors given Wikidata ids, the dataset file beside them."""
    actors = small_copy / "people" / "actors.yaml"
    text = actors.read_text(encoding="utf-8")
    text = text.replace(
        "names: {en: Dmitri Dorin}", "names: {en: Dmitri Dorin}\n    wikidata: Q90000002"
    )
    text = text.replace(
        "names: {en: Russia, ar: روسيا}", "names: {en: Russia, ar: روسيا}\n    wikidata: Q90000020"
    )
    actors.write_text(text, encoding="utf-8")
    (small_copy / "datasets").mkdir()
    (small_copy / "datasets" / "officials.json").write_text(json.dumps(WIKIDATA), encoding="utf-8")
    return small_copy


def imported(cli, facts: Path, kind: str, name: str) -> dict:
    out = facts / "imported.yaml"
    result = cli(
        "import", kind, facts / "datasets" / name, "--facts", facts,
        "--retrieved", RETRIEVED, "--out", out,
    )  # fmt: skip
    assert result.code == 0, result.err
    return yaml.safe_load(out.read_text(encoding="utf-8"))


def test_wikidata_posts_are_drafted_with_dates_and_matched_holders(cli, facts: Path) -> None:
    draft = imported(cli, facts, "wikidata", "officials.json")
    (source,) = draft["sources"]
    assert source["format"] == "wikidata-json" and source["file"] == "datasets/officials.json"
    posts = {p["holder"]: p for p in draft["posts"]}
    belov = posts["boris-belov"]  # matched by name
    assert belov["post"] == {"en": "Deputy Foreign Minister"}
    assert belov["organization"] == "russia"  # the position's P1001, a known actor's id
    assert (belov["from"], belov["until"]) == ("2016-03-14", "2020")
    cited = belov["evidence"][0]
    assert cited == {
        "dataset": source["id"], "entity": "Q90000001", "property": "P39", "value": "Q90000010",
        "qualifiers": {"P580": "2016-03-14", "P582": "2020"},
        "address": "https://www.wikidata.org/wiki/Q90000001#P39", "retrieved": RETRIEVED,
    }  # fmt: skip
    assert posts["dmitri-dorin"]["from"] == "2021"  # matched by Wikidata id, not by label
    (new,) = draft["actors"]  # only the unknown one is drafted
    assert (new["id"], new["kind"], new["wikidata"]) == ("erin-ellis", "person", "Q90000003")
    assert posts["erin-ellis"]["post"] == {"en": "Q90000011"}
    assert "Q90000011 is not in the file" in (facts / "imported.yaml").read_text()


@pytest.mark.slow
def test_check_reads_the_draft_and_proves_each_cited_value(cli, facts: Path) -> None:
    imported(cli, facts, "wikidata", "officials.json")
    result = cli("check", "--facts", facts)
    assert result.code == 0, result.err
    kg_posts = cli("show", "boris-belov", "--facts", facts, "--format", "json").json()
    assert any(p["post"] == "Deputy Foreign Minister" for p in kg_posts["posts"])


def test_a_value_the_dataset_does_not_hold_is_an_error(cli, facts: Path) -> None:
    imported(cli, facts, "wikidata", "officials.json")
    draft = facts / "imported.yaml"
    text = draft.read_text(encoding="utf-8")
    assert text.count('P580: "2016-03-14"') == 1
    draft.write_text(text.replace('P580: "2016-03-14"', 'P580: "2016-03-15"'), encoding="utf-8")
    result = cli("check", "--facts", facts, "--format", "json")
    assert result.code == 1
    (problem,) = result.json()["problems"]
    line = next(n for n, row in enumerate(draft.read_text().splitlines(), 1) if "Q90000001" in row)
    assert Path(problem["path"]).name == "imported.yaml" and problem["line"] == line - 1
    assert "no statement Q90000001 P39 = Q90000010 with P580 = 2016-03-15" in problem["message"]


@pytest.mark.slow
def test_a_dataset_file_changed_under_the_draft_is_caught(cli, facts: Path) -> None:
    imported(cli, facts, "wikidata", "officials.json")
    changed = json.loads(json.dumps(WIKIDATA))
    del changed["entities"]["Q90000002"]
    (facts / "datasets" / "officials.json").write_text(json.dumps(changed), encoding="utf-8")
    result = cli("check", "--facts", facts)
    assert result.code == 1
    assert "no entity Q90000002 with P39" in result.err


@pytest.mark.slow
def test_a_quote_cannot_cite_a_dataset_nor_a_citation_a_text(cli, facts: Path) -> None:
    imported(cli, facts, "wikidata", "officials.json")
    (facts / "zz.yaml").write_text(
        "posts:\n"
        "  - id: quoting-json\n"
        "    holder: carol-clark\n"
        "    post: {en: Envoy}\n"
        "    evidence:\n"
        "      - source: wikidata-officials\n"
        '        quote: "Deputy Foreign Minister"\n'
        "  - id: citing-text\n"
        "    holder: carol-clark\n"
        "    post: {en: Envoy}\n"
        "    evidence:\n"
        "      - dataset: wire\n"
        "        entity: Q1\n"
        "        property: P39\n"
        "        value: Q2\n"
        f"        retrieved: {RETRIEVED}\n",
        encoding="utf-8",
    )
    result = cli("check", "--facts", facts)
    assert result.code == 1
    assert "zz.yaml:7:16: error: source 'wikidata-officials' is a dataset" in result.err
    assert "zz.yaml:12:18: error: 'wire' is a text source, not a dataset" in result.err


def test_import_refuses_a_file_outside_the_facts(cli, facts: Path, tmp_path: Path) -> None:
    stray = tmp_path / "stray.json"
    stray.write_text(json.dumps(WIKIDATA), encoding="utf-8")
    result = cli("import", "wikidata", stray, "--facts", facts, "--retrieved", RETRIEVED)
    assert result.code == 1
    assert "is not inside the facts directory" in result.err
    assert "Traceback" not in result.err


def test_import_refuses_a_file_that_is_not_wikidata_json(cli, facts: Path) -> None:
    bad = facts / "datasets" / "bad.json"
    bad.write_text('{"entities": {"Q1": ', encoding="utf-8")
    result = cli("import", "wikidata", bad, "--facts", facts, "--retrieved", RETRIEVED)
    assert result.code == 1
    assert "bad.json: not JSON" in result.err and "line 1" in result.err
    assert "Traceback" not in result.err


FTM = [
    {"id": "p-belov", "schema": "Person", "properties": {"name": ["Boris Belov"]}},
    {"id": "p-ellis", "schema": "Person",
     "properties": {"name": ["Erin Ellis"], "wikidataId": ["Q90000003"]}},
    {"id": "o-russia", "schema": "Organization", "properties": {"name": ["Russia"]}},
    {"id": "pos-deputy", "schema": "Position",
     "properties": {"name": ["Deputy Foreign Minister"], "organization": ["o-russia"]}},
    {"id": "occ-1", "schema": "Occupancy",
     "properties": {"holder": ["p-belov"], "post": ["pos-deputy"],
                    "startDate": ["2016-03-14"], "endDate": ["2020"]}},
    {"id": "occ-2", "schema": "Occupancy",
     "properties": {"holder": ["p-ellis"], "post": ["pos-deputy"], "startDate": ["2021-06"]}},
]  # fmt: skip


def write_ftm(facts: Path, entities: list[dict], name: str = "pep.ftm.json") -> Path:
    path = facts / "datasets" / name
    path.write_text("".join(json.dumps(e) + "\n" for e in entities), encoding="utf-8")
    return path


@pytest.mark.slow
def test_ftm_occupancies_become_posts_that_check_proves(cli, facts: Path) -> None:
    write_ftm(facts, FTM)
    draft = imported(cli, facts, "ftm", "pep.ftm.json")
    assert draft["sources"][0]["format"] == "ftm-json"
    posts = {p["holder"]: p for p in draft["posts"]}
    belov = posts["boris-belov"]
    assert (belov["from"], belov["until"], belov["organization"]) == (
        "2016-03-14",
        "2020",
        "russia",
    )
    assert belov["evidence"][0]["entity"] == "occ-1"
    assert belov["evidence"][0]["qualifiers"] == {
        "holder": "p-belov", "startDate": "2016-03-14", "endDate": "2020"
    }  # fmt: skip
    (new,) = draft["actors"]
    assert (new["names"], new["wikidata"]) == ({"en": "Erin Ellis"}, "Q90000003")
    assert posts[new["id"]]["from"] == "2021-06"
    result = cli("check", "--facts", facts)
    assert result.code == 0, result.err


@pytest.mark.slow
def test_ftm_input_is_validated_with_followthemoney(cli, facts: Path) -> None:
    bad_date = {"holder": ["p-belov"], "startDate": ["someday"]}
    wrong = [*FTM[:4], {"id": "occ-x", "schema": "Occupancy", "properties": bad_date}]
    path = write_ftm(facts, wrong)
    result = cli("import", "ftm", path, "--facts", facts, "--retrieved", RETRIEVED)
    assert result.code == 1
    assert "pep.ftm.json:5: 'someday' is not a valid date for Occupancy.startDate" in result.err
    unknown = [*FTM[:1], {"id": "x", "schema": "Persn", "properties": {}}]
    result = cli("import", "ftm", write_ftm(facts, unknown), "--facts", facts,
                 "--retrieved", RETRIEVED)  # fmt: skip
    assert result.code == 1 and "pep.ftm.json:2: unknown FtM schema 'Persn'" in result.err


@pytest.mark.slow
def test_wikidata_memberships_join_drafted_actors_and_list_known_ones(cli, facts: Path) -> None:
    """P463 "member of": a drafted member gets member_of with the statement in a comment;
    a known member's file is not edited (the membership is listed for the curator); an
    organization the facts lack is named, not drafted from a bare id."""
    data = json.loads(json.dumps(WIKIDATA))
    people = data["entities"]
    people["Q90000003"]["claims"]["P463"] = [
        claim("P463", item("Q90000030"), P580=time("+2019-05-00T00:00:00Z", 10))
    ]
    people["Q90000001"]["claims"]["P463"] = [
        claim("P463", item("Q90000030")),
        claim("P463", item("Q90000099")),
    ]
    people["Q90000030"] = entity("Q90000030", "State Department")  # known by name
    (facts / "datasets" / "members.json").write_text(json.dumps(data), encoding="utf-8")
    draft = imported(cli, facts, "wikidata", "members.json")
    text = (facts / "imported.yaml").read_text(encoding="utf-8")
    (new,) = draft["actors"]
    assert new["id"] == "erin-ellis" and new["member_of"] == ["state-dept"]
    assert "member_of state-dept: Q90000003 P463 Q90000030 (P580 2019-05)" in text
    assert "https://www.wikidata.org/wiki/Q90000003#P463" in text
    assert "#   boris-belov member_of state-dept: Q90000001 P463 Q90000030" in text
    assert "Q90000001 is a member of Q90000099 (P463), not a known actor" in text
    assert "member_of" not in (facts / "people" / "actors.yaml").read_text(encoding="utf-8")
    result = cli("check", "--facts", facts)
    assert result.code == 0, result.err


@pytest.mark.slow
def test_ftm_memberships_join_drafted_actors_and_list_known_ones(cli, facts: Path) -> None:
    memberships = [
        {"id": "m-1", "schema": "Membership",
         "properties": {"member": ["p-ellis"], "organization": ["o-russia"],
                        "startDate": ["2019"]}},
        {"id": "m-2", "schema": "Membership",
         "properties": {"member": ["p-belov"], "organization": ["o-russia"]}},
    ]  # fmt: skip
    write_ftm(facts, [*FTM, *memberships])
    result = cli(
        "import", "ftm", facts / "datasets" / "pep.ftm.json", "--facts", facts,
        "--retrieved", RETRIEVED, "--out", facts / "imported.yaml",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "2 membership(s)" in result.out
    text = (facts / "imported.yaml").read_text(encoding="utf-8")
    draft = yaml.safe_load(text)
    (new,) = draft["actors"]
    assert new["member_of"] == ["russia"]
    assert "member_of russia: m-1 organization o-russia (member p-ellis, startDate 2019)" in text
    assert "#   boris-belov member_of russia: m-2 organization o-russia" in text
    result = cli("check", "--facts", facts)
    assert result.code == 0, result.err
