"""`dipgraph suggest` rules on sentences written for these tests: sentence ends, hostile
text, status cues, titles and new people, speakers, delegations and hosts, page furniture.
Each draft must claim only what its own quote says."""

from __future__ import annotations

import pytest
import yaml

import dipgraph
from conftest import TESTS
from dipgraph.loader import load_facts
from dipgraph.suggest.output import comment, to_yaml
from dipgraph.suggest.text import split, tokenise

WORLD = TESTS / "fixtures" / "suggest"


@pytest.fixture(scope="module")
def world():
    return load_facts(WORLD)


def drafts(text: str, facts):
    return dipgraph.suggest(text=text, facts=facts)


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split(text, tokenise(text))]


# --- sentence ends ----------------------------------------------------------------------


def test_a_full_stop_without_a_space_ends_an_arabic_sentence() -> None:
    text = "قال الوزير إن اللقاء كان مفيدا.وأضاف أن الحوار سيستمر"
    assert sentences(text) == ["قال الوزير إن اللقاء كان مفيدا.", "وأضاف أن الحوار سيستمر"]


def test_abbreviations_and_decimals_do_not_end_a_sentence() -> None:
    text = "The U.S. President said growth was 3.5 percent. He left."
    assert sentences(text) == ["The U.S. President said growth was 3.5 percent.", "He left."]


def test_a_run_of_marks_ends_one_sentence() -> None:
    text = "هل التقيا؟!؟ نعم" + "." * 5000 + "لا"
    assert sentences(text) == ["هل التقيا؟!؟", "نعم" + "." * 5000, "لا"]


# --- hostile text -----------------------------------------------------------------------


def test_a_noncharacter_in_a_comment_leaves_valid_yaml(world) -> None:
    text = "التقى بوتين\ufffe بايدن في جنيف وقال الكرملين\uffff إن اللقاء مفيد."
    found = drafts(text, world)
    rendered = to_yaml(found)
    assert "\ufffe" not in rendered and "\uffff" not in rendered
    parsed = yaml.safe_load(rendered)  # raised "unacceptable character" before
    quotes = [e["quote"] for draft in parsed["contacts"] for e in draft["evidence"]]
    assert any("\ufffe" in q for q in quotes)  # escaped in the file, exact once read
    assert comment("a\ufffeb\uffffc") == "a b c"


@pytest.mark.parametrize(
    "text",
    [
        "." * 20000,
        "؟!" * 10000,
        "كلمة.أخرى." * 2000,
        "اقرأ أيضاً: https://example.org/news/1.html\n" * 300,
    ],
)
def test_punctuation_runs_and_link_pages_draft_nothing(world, text: str) -> None:
    found = drafts(text, world)
    assert (found.contacts, found.statements, found.posts) == ([], [], [])
