"""Reporting as data: who reports a fact (``reported_by``) and disputed contacts.

The bundled facts are re-curated where the articles say so: what Biden and Putin said in
their call is Ushakov's account (src-002), and the Sullivan channel is reported by the WSJ,
confirmed by Sullivan and denied by the Kremlin's spokesman (src-003): disputed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import dipgraph
from conftest import BUNDLED, SMALL, run_cli
from dipgraph.curation.rules import Curation, findings
from dipgraph.loader import check_facts
from dipgraph.schema.namespace import DEFAULT_BASE, DG_NS

PROV = "http://www.w3.org/ns/prov#"
DG = DG_NS


@pytest.fixture(scope="module")
def kg() -> dipgraph.KnowledgeGraph:
    return dipgraph.load(BUNDLED)


def test_statements_that_are_ushakovs_account_say_so(kg) -> None:
    accounts = {s.id for s in kg.facts.statements.values() if s.reported_by == "yuri-ushakov"}
    assert "biden-nuclear-war-must-not-be-started" in accounts
    assert {kg.facts.statements[s].speaker for s in accounts} == {"joe-biden", "vladimir-putin"}
    call = kg.facts.contacts["putin-biden-phone-call-security-guarantees"]
    assert call.reported_by == ("yuri-ushakov",) and call.status == "happened"


def test_a_contact_one_side_confirms_and_the_other_denies_is_disputed(kg) -> None:
    channel = kg.facts.contacts["sullivan-patrushev-ushakov-secret-talks"]
    assert (channel.status, channel.reported_by) == ("disputed", ("wall-street-journal",))
    quotes = " ".join(e.quote for e in channel.evidence)
    assert "لينفي الأمر" in quotes and "بينما أكد مستشار الأمن القومي الأمريكي" in quotes


@pytest.mark.slow
def test_talks_and_show_carry_who_reports(tmp_path: Path) -> None:
    disputed = run_cli("talks", "--status", "disputed", "--format", "json")
    assert disputed.code == 0, disputed.err
    (channel,) = disputed.json()
    assert channel["reported_by"] == [
        {"id": "wall-street-journal", "name": "The Wall Street Journal"}
    ]
    biden = run_cli("show", "Biden", "--format", "json")
    assert biden.code == 0, biden.err
    said = {s["id"]: s for s in biden.json()["statements"]}
    assert said["biden-raises-sanctions"]["reported_by"]["id"] == "yuri-ushakov"
    path = run_cli("path", "Sullivan", "Ushakov", "--format", "json")
    assert path.json()["found"] is False  # a disputed contact is no evidence they talked
    assert run_cli("path", "Sullivan", "Ushakov", "--any-status", "--format", "json").json()[
        "found"
    ]


def test_rdf_attributes_the_account_with_prov(kg) -> None:
    query = f"""SELECT ?fact WHERE {{ GRAPH ?g {{
        ?fact <{PROV}wasAttributedTo> <{DEFAULT_BASE}actor/yuri-ushakov> }} }}"""
    attributed = {row[0].value.rsplit("/", 1)[1] for row in kg.store.query(query)}
    assert "putin-biden-phone-call-security-guarantees" in attributed
    assert "biden-raises-sanctions" in attributed
    channel = f"<{DEFAULT_BASE}contact/sullivan-patrushev-ushakov-secret-talks>"
    status = f"SELECT ?s WHERE {{ GRAPH ?g {{ {channel} <{DG}status> ?s }} }}"
    assert [row[0].value for row in kg.store.query(status)] == [f"{DG}StatusDisputed"]


def small_with(tmp_path: Path, facts: str) -> Path:
    root = tmp_path / "facts"
    shutil.copytree(SMALL, root)
    (root / "more.yaml").write_text(facts, encoding="utf-8")
    return root


STATEMENT = """statements:
  - id: clark-account
    speaker: carol-clark
    kind: said
    reported_by: {reporter}
    summary: Clark's words, as reported.
    evidence:
      - source: wire
        quote: In 2019 Clark held talks with Dmitri Dorin about arms control.
"""
CONTACT = """contacts:
  - id: clark-dorin-disputed
    type: talks
    participants: [carol-clark, dmitri-dorin]
    reported_by: [{reporter}]
    status: disputed
    summary: Talks one side reports.
    evidence:
      - source: wire
        quote: In 2019 Clark held talks with Dmitri Dorin about arms control.
"""


@pytest.mark.parametrize(
    ("facts", "line", "message"),
    [
        (STATEMENT.format(reporter="carol-clark"), 5, "reported_by 'carol-clark' is the speaker"),
        (CONTACT.format(reporter="dmitri-dorin"), 5, "reported_by 'dmitri-dorin' is a party"),
        (CONTACT.format(reporter="alice-adams"), 6, "a disputed contact quotes both the report"),
    ],
)
def test_reporting_mistakes_are_located(
    tmp_path: Path, facts: str, line: int, message: str
) -> None:
    _, problems = check_facts(small_with(tmp_path, facts))
    (error,) = [p for p in problems if p.severity == "error"]
    assert error.path.endswith("more.yaml") and error.line == line and message in error.message


def test_a_reporter_not_named_beside_a_quote_is_a_curation_finding(tmp_path: Path) -> None:
    root = small_with(tmp_path, STATEMENT.format(reporter="alice-adams"))
    facts, problems = check_facts(root)
    assert not [p for p in problems if p.severity == "error"]
    found = [f for f in findings(Curation.of(facts)) if f.rule == "reporter"]
    assert [f.record.id for f in found] == ["clark-account"]
