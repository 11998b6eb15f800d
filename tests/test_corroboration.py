"""Corroboration: a new article's file adds quotes to a fact another file declares.

The fact then counts under both sources everywhere: its evidence (talks, show, HTML), the
stats, and the RDF named graph of each source. The file that declares it is not edited.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import dipgraph
from conftest import SMALL, run_cli
from dipgraph.graph.quad_stream import QuadsAsChecked
from dipgraph.graph.to_rdf import compile_quads
from dipgraph.loader import check_facts, check_in_stages
from dipgraph.schema.namespace import DEFAULT_BASE

BULLETIN_TEXT = (
    "EVENING BULLETIN (invented for dipgraph tests)\n\n"
    "Adams and Belov talked on the telephone in March 2020, officials said.\n"
    "Belov also repeated that New START would expire without talks, the bulletin adds.\n"
)
BULLETIN = """\
sources:
  - id: bulletin
    title: Evening bulletin
    language: en
    file: sources/bulletin.txt

corroborations:
  - fact: adams-belov-call
    evidence:
      - source: bulletin
        quote: Adams and Belov talked on the telephone in March 2020
  - fact: belov-warning
    note: The bulletin repeats the warning.
    evidence:
      - source: bulletin
        quote: Belov also repeated that New START would expire without talks
"""


def with_bulletin(tmp_path: Path, facts_file: str = BULLETIN) -> Path:
    root = tmp_path / "facts"
    shutil.copytree(SMALL, root)
    (root / "sources" / "bulletin.txt").write_text(BULLETIN_TEXT, encoding="utf-8")
    (root / "bulletin.yaml").write_text(facts_file, encoding="utf-8")
    return root


def test_the_fact_counts_under_both_sources(tmp_path: Path) -> None:
    root = with_bulletin(tmp_path)
    before = (SMALL / "facts.yaml").read_bytes()
    kg = dipgraph.load(root)
    call = kg.facts.contacts["adams-belov-call"]
    assert [e.source for e in call.evidence] == ["wire", "bulletin"]
    assert [e.corroborating for e in call.evidence] == [False, True]
    assert {e.source for e in kg.facts.statements["belov-warning"].evidence} == {"wire", "bulletin"}
    per_source = kg.stats()["per_source"]
    assert per_source["bulletin"] == {"posts": 0, "contacts": 1, "statements": 1}
    assert per_source["wire"]["contacts"] == 4  # unchanged: no fact moved
    assert (root / "facts.yaml").read_bytes() == before


def test_rdf_cites_the_fact_in_each_source_graph(tmp_path: Path) -> None:
    kg = dipgraph.load(with_bulletin(tmp_path))
    query = """
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?g WHERE { GRAPH ?g { ?fact prov:wasDerivedFrom ?source .
                                     ?fact dcterms:identifier "adams-belov-call" } }"""
    described = {row[0].value.rsplit("/", 1)[1] for row in kg.store.query(query)}
    assert described == {"wire"}, "the description stays in its own source's graph"
    cited = f"""
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?g WHERE {{ GRAPH ?g {{ <{DEFAULT_BASE}contact/adams-belov-call>
                                     prov:wasDerivedFrom ?source }} }}"""
    graphs = {row[0].value.rsplit("/", 1)[1] for row in kg.store.query(cited)}
    assert graphs == {"wire", "bulletin"}


def test_streamed_quads_are_the_compiled_ones(tmp_path: Path) -> None:
    root = with_bulletin(tmp_path)
    kg = dipgraph.load(root)
    lines: list[str] = []
    quads = QuadsAsChecked(kg.model, lines.append, kg.base)
    staged = check_in_stages(root, each_file=quads.add_file)
    assert not staged.finds_errors()
    quads.finish(staged.facts)
    assert sorted(lines) == sorted(compile_quads(kg.facts, kg.model, kg.base).nquads_lines())


@pytest.mark.slow
def test_talks_show_and_html_show_both_quotes(tmp_path: Path) -> None:
    root = with_bulletin(tmp_path)
    talks = run_cli("talks", "Adams", "--with", "Belov", "--facts", root, "--format", "json")
    assert talks.code == 0, talks.err
    (call,) = talks.json()
    assert {e["source"] for e in call["evidence"]} == {"wire", "bulletin"}
    page = tmp_path / "page.html"
    html = run_cli("html", "--facts", root, "--out", page)
    assert html.code == 0, html.err
    assert "Adams and Belov talked on the telephone in March 2020" in page.read_text("utf-8")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("fact: adams-belov-cal", "unknown post or contact or statement 'adams-belov-cal'"),
        ("fact: alice-adams", "'alice-adams' is an actor, but fact takes"),
    ],
)
def test_the_fact_must_exist(tmp_path: Path, entry: str, message: str) -> None:
    root = with_bulletin(tmp_path, BULLETIN.replace("fact: adams-belov-call", entry))
    _, problems = check_facts(root)
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1 and message in errors[0].message, errors
    assert (errors[0].path.endswith("bulletin.yaml"), errors[0].line) == (True, 8)


def test_its_quote_is_checked_like_any_quote(tmp_path: Path) -> None:
    root = with_bulletin(tmp_path, BULLETIN.replace("talked on the telephone", "spoke by phone"))
    result = run_cli("check", "--facts", root)
    assert result.code == 1
    assert "bulletin.yaml:11:" in result.err
    assert "quote not found in source 'bulletin'" in result.err


def test_a_quote_the_fact_already_has_is_refused(tmp_path: Path) -> None:
    again = BULLETIN + (
        "  - fact: adams-belov-call\n"
        "    evidence:\n"
        "      - source: wire\n"
        "        quote: Secretary Alice Adams spoke by telephone with Minister Boris Belov"
        " in March 2020. They discussed the renewal of the New START treaty.\n"
    )
    _, problems = check_facts(with_bulletin(tmp_path, again))
    (error,) = [p for p in problems if p.severity == "error"]
    assert "contact 'adams-belov-call' already quotes this from 'wire'" in error.message
