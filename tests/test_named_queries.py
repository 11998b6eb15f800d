"""The named SPARQL queries count the default statuses of `talks` and `path`
(:data:`dipgraph.facts.DEFAULT_STATUSES`), written once: the line of a query marked
``# status:`` is written from that constant when the query is read, and the shipped
.rq files (plain SPARQL for any store) hold it written out the same."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

import dipgraph
from conftest import BUNDLED, SMALL
from dipgraph import facts
from dipgraph.graph.iris import status_iri
from dipgraph.graph.sparql import (
    QUERY_DIR,
    STATUS_LINE,
    named_queries,
    status_filter,
    with_default_statuses,
)
from dipgraph.sparql.results import render

# The named queries that count contacts, each with its one line of default statuses.
COUNTING = {"contacts-of", "topics-discussed", "who-talked-to-whom"}


def rows(kg: dipgraph.KnowledgeGraph, query: str, **params: str) -> list[dict[str, str]]:
    """The rows of a named query asked through the Python API, each variable's value."""
    text = kg.answer(query, lambda found: render(found, "json").text, params)
    assert text is not None
    return [
        {name: value["value"] for name, value in row.items()}
        for row in json.loads(text)["results"]["bindings"]
    ]


def filtered(text: str) -> set[frozenset[str]]:
    """The statuses each marked line of a query keeps, as full IRIs."""
    prefix = "https://w3id.org/dipgraph/ns#"
    return {
        frozenset(prefix + term.removeprefix("dg:") for term in re.findall(r"dg:\w+", m[0]))
        for m in STATUS_LINE.finditer(text)
    }


def test_every_query_that_reads_a_status_marks_its_default_line() -> None:
    shipped = {path.stem: path.read_text(encoding="utf-8") for path in QUERY_DIR.glob("*.rq")}
    reading = {name for name, text in shipped.items() if "dg:status" in text}
    assert reading == COUNTING
    for name, text in shipped.items():
        marked = [line for line in text.splitlines() if "# status:" in line]
        assert len(marked) == (name in COUNTING), name
        assert len(STATUS_LINE.findall(text)) == len(marked), f"{name}: {marked}"
        assert "StatusHappened" not in text.replace(marked[0] if marked else "", ""), name


def test_the_shipped_files_write_the_default_statuses_out() -> None:
    """A query run from the file (curl, another store) keeps what dipgraph keeps."""
    defaults = frozenset(status_iri(s) for s in facts.DEFAULT_STATUSES)
    for path in QUERY_DIR.glob("*.rq"):
        text = path.read_text(encoding="utf-8")
        assert with_default_statuses(text) == text, f"{path.name}: rewrite its '# status:' line"
        assert filtered(text) <= {defaults}, path.name
        assert named_queries()[path.stem].text == text


def test_the_default_statuses_are_read_from_the_one_constant(monkeypatch) -> None:
    """With 'proposed' among the defaults, the named queries, `talks` and the facts
    agree on a proposal (the small fixture's adams-dorin-message)."""
    wider = frozenset({"happened", "proposed"})
    assert status_filter("s", wider) == "FILTER (?s IN (dg:StatusHappened, dg:StatusProposed))"
    monkeypatch.setattr(facts, "DEFAULT_STATUSES", wider)
    for name in COUNTING:
        assert filtered(named_queries()[name].text) == {frozenset(map(status_iri, wider))}
    kg = dipgraph.load(SMALL)
    counted = {c.id for c in kg.facts.contacts.values() if c.status in wider and c.pairs}
    assert "adams-dorin-message" in counted
    assert {r["contact"] for r in rows(kg, "who-talked-to-whom")} == counted
    assert {v["id"] for v in kg.talks() if v["pairs"]} == counted


@pytest.fixture(scope="module")
def bundled() -> dipgraph.KnowledgeGraph:
    return dipgraph.load(BUNDLED)


def test_over_the_bundled_data_the_named_queries_answer_what_talks_lists(bundled) -> None:
    """Pairs, an actor's counterparts and the contacts of each topic, by default."""
    shown = bundled.talks()
    assert len(shown) < len(bundled.talks(any_status=True))  # some status is left out
    pairs = {(v["id"], *sorted(p)) for v in shown for p in v["pairs"]}
    named = {
        (r["contact"], *sorted((r["actor1"], r["actor2"])))
        for r in rows(bundled, "who-talked-to-whom")
    }
    assert named == pairs
    actor = "sergey-lavrov"
    others = {
        (v["id"], b if a == actor else a) for v in shown for a, b in v["pairs"] if actor in (a, b)
    }
    assert others, "the comparison is not vacuous"
    assert {(r["contact"], r["other"]) for r in rows(bundled, "contacts-of", actor=actor)} == others
    with_topic = Counter(t["id"] for v in shown for t in v["topics"])
    topics = {r["topic"]: int(r["contacts"]) for r in rows(bundled, "topics-discussed")}
    assert topics == {topic: with_topic[topic] for topic in bundled.facts.topics}
