"""The value rules of fact files are written once (dipgraph/schema/rules.py): what
`check` accepts, the generated JSON Schema accepts, and the page shows."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import REPO, SMALL
from dipgraph import check_facts
from dipgraph.dates import _PATTERN as DATE_PATTERN
from dipgraph.exports.graph_view import wikidata_item
from dipgraph.schema import rules
from dipgraph.schema.jsonschema import fact_file_schema
from fixture_sets import EVERY_DATASET

jsonschema = pytest.importorskip("jsonschema")
VALIDATOR = jsonschema.Draft202012Validator(fact_file_schema())


class DatesAsText(yaml.SafeLoader):
    """YAML as editors read it (YAML 1.2): 2021-05-02 is text, not a date object."""


DatesAsText.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def schema_errors(path: Path) -> list[str]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=DatesAsText) or {}
    return [error.message for error in VALIDATOR.iter_errors(data)]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EVERY_DATASET))
def test_every_file_check_accepts_the_json_schema_accepts(name: str) -> None:
    root = EVERY_DATASET[name]
    _, problems = check_facts(root)
    refused = {Path(p.path).name for p in problems if p.severity == "error"}
    files = [p for p in sorted(root.rglob("*.yaml")) if p.name not in refused]
    assert files
    assert {str(p.relative_to(root)): schema_errors(p) for p in files if schema_errors(p)} == {}


ACTOR = "actors:\n  - id: {id}\n    kind: person\n    names: {{en: Probe, {lang}: Probe}}\n"


@pytest.mark.parametrize(
    ("ident", "lang", "wikidata"),
    [
        ("a" * rules.MAX_ID_CHARS, "ru", "Q1"),
        ("a" * (rules.MAX_ID_CHARS + 1), "ru", "Q1"),
        ("probe", "ru", "Q" + "9" * 12),
        ("probe", "ru", "Q" + "9" * 13),
        ("probe", "ru", "Q012"),
        ("probe", "ru", "Q42\n"),
        ("probe", "pt-BR", "Q42"),
        ("probe", "english", "Q42"),
        ("Probe", "ru", "Q42"),
        ("probe-", "ru", "Q42"),
    ],
)
def test_check_and_the_json_schema_give_one_verdict(
    tmp_path: Path, ident: str, lang: str, wikidata: str
) -> None:
    root = tmp_path / "facts"
    shutil.copytree(SMALL, root)
    text = ACTOR.format(id=ident, lang=lang) + f"    wikidata: {json.dumps(wikidata)}\n"
    probe = root / "zz-probe.yaml"
    probe.write_text(text, encoding="utf-8")
    _, problems = check_facts(root)
    accepted = not [p for p in problems if p.severity == "error" and "zz-probe" in p.path]
    assert accepted == (schema_errors(probe) == []), (problems, schema_errors(probe))
    # The page shows the Wikidata link of every item `check` accepts.
    if accepted:
        assert wikidata_item(wikidata) == wikidata


def test_the_page_script_applies_the_same_wikidata_rule() -> None:
    panel = (REPO / "dipgraph/exports/templates/js/panel.js").read_text(encoding="utf-8")
    (pattern,) = re.findall(r"/\^(Q[^/]*)\$/\.test\(item\)", panel)
    assert pattern == rules.WIKIDATA_ID


@pytest.mark.parametrize("text", ["2021", "2021-05", "2021-05-02", "21", "2021-5", "2021-05-02x"])
def test_dates_and_the_date_rule_agree(text: str) -> None:
    assert bool(DATE_PATTERN.match(text)) == bool(rules.full_match(rules.DATE).match(text))


def test_the_json_schema_carries_the_limits() -> None:
    actor = fact_file_schema()["properties"]["actors"]["items"]["properties"]
    assert actor["id"]["maxLength"] == rules.MAX_ID_CHARS
    evidence = fact_file_schema()["properties"]["contacts"]["items"]["properties"]["evidence"]
    assert evidence["items"]["properties"]["quote"]["minLength"] == rules.MIN_QUOTE_CHARS
    assert evidence["items"]["properties"]["gloss"]["maxLength"] == rules.MAX_GLOSS_CHARS


# ---- documented exceptions: the same shapes for check and the JSON Schema ---------------
SOURCE = "sources:\n  - id: probe-source\n    language: en\n    file: sources/wire.txt\n"
TOPIC = "topics:\n  - id: probe-topic\n    names: {en: Probe topic}\n    aliases: {en: [Probing]}\n"
STATEMENT = (
    "statements:\n  - id: probe-statement\n    speaker: boris-belov\n    kind: warned\n"
    "    summary: Belov warned that the treaty would expire.\n"
    "    evidence:\n      - source: wire\n        quote: Belov warned that New START would\n"
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            SOURCE + "    designations:\n      - {phrase: the minister, actors: [boris-belov], "
            "why: named before}\n",
            None,
        ),
        (
            SOURCE + "    designations:\n      - {phrase: the minister, actors: [boris-belov]}\n",
            "a designation is missing 'why'",
        ),
        (
            SOURCE + "    designations:\n      - {phrase: the minister, actors: [], why: x}\n",
            "needs at least one entry",
        ),
        (
            SOURCE + "    designations:\n      - {phrase: the minister, actor: [boris-belov], "
            "why: x}\n",
            "unknown field 'actor' in a designation (did you mean 'actors'?)",
        ),
        (SOURCE + "    not_recorded:\n      - {passage: WIRE REPORT, why: a heading}\n", None),
        (SOURCE + "    not_recorded:\n      - {passage: WIRE REPORT, why: ''}\n", "why is empty"),
        (SOURCE + "    not_recorded:\n      - WIRE REPORT\n", "must be a mapping"),
        (TOPIC + "    not_printed: {Probing: a reader's form}\n", None),
        (TOPIC + "    not_printed: {Probing: ''}\n", "is empty"),
        (TOPIC + "    not_printed: [Probing]\n", "must be a mapping"),
        (STATEMENT + "    exceptions: ['kind: an invented sentence']\n", None),
        (
            STATEMENT + "    exceptions: ['kind an invented sentence']\n",
            "an exception is written 'rule: why'",
        ),
        (STATEMENT + "    exceptions: ['kind:']\n", "an exception is written 'rule: why'"),
    ],
)
def test_documented_exceptions_check_and_the_json_schema_agree(
    tmp_path: Path, text: str, message: str | None
) -> None:
    root = tmp_path / "facts"
    shutil.copytree(SMALL, root)
    probe = root / "zz-probe.yaml"
    probe.write_text(text, encoding="utf-8")
    _, problems = check_facts(root)
    errors = [p for p in problems if p.severity == "error" and "zz-probe" in p.path]
    assert (errors == []) == (schema_errors(probe) == []), (errors, schema_errors(probe))
    if message is None:
        assert errors == []
    else:
        assert [p for p in errors if message in p.message and p.line > 1], errors


def test_not_printed_names_only_the_records_own_names(tmp_path: Path) -> None:
    """A reason for a name the record does not carry is refused, at that name."""
    root = tmp_path / "facts"
    shutil.copytree(SMALL, root)
    (root / "zz-probe.yaml").write_text(
        TOPIC + "    not_printed:\n      Probing: a reader's form\n      Probed: a typo\n",
        encoding="utf-8",
    )
    _, problems = check_facts(root)
    (error,) = [p for p in problems if p.severity == "error"]
    assert (error.line, error.col) == (7, 7)
    assert "not_printed 'Probed' is not one of this record's names or aliases" in error.message


QUOTE = "        quote: On 2 May 2021 Belov met Carol Clark, the American envoy, in Vienna.\n"


@pytest.mark.parametrize(
    "gloss",
    [
        "Belov met Clark in Vienna.",
        "x" * rules.MAX_GLOSS_CHARS,
        "x" * (rules.MAX_GLOSS_CHARS + 1),
        "",
    ],
)
def test_check_and_the_json_schema_agree_on_a_gloss(tmp_path: Path, gloss: str) -> None:
    """A quote's optional English gloss: text, at most MAX_GLOSS_CHARS; one verdict."""
    root = tmp_path / "facts"
    shutil.copytree(SMALL, root)
    facts = root / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    assert QUOTE in text
    facts.write_text(text.replace(QUOTE, QUOTE + f"        gloss: {json.dumps(gloss)}\n"), "utf-8")
    found, problems = check_facts(root)
    errors = [p for p in problems if p.severity == "error"]
    assert (errors == []) == (schema_errors(facts) == [])
    assert (errors == []) == (0 < len(gloss) <= rules.MAX_GLOSS_CHARS)
    if errors:
        assert errors[0].line > 1 and "gloss" in errors[0].message  # located, named
    else:
        (evidence,) = found.contacts["belov-clark-meeting"].evidence
        assert evidence.gloss == gloss and evidence.quote.startswith("On 2 May 2021")
