"""The bundled dataset: faithful to its sources, complete, and answering real questions.

The quote check here is written independently of dipgraph's loader, so a loader
bug cannot hide an unfaithful quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

import dipgraph
from conftest import BUNDLED, REPO

SHARED_SOURCES = REPO.parent / "shared" / "sources"


def fact_files() -> list[Path]:
    return sorted(BUNDLED.rglob("*.yaml"))


def sections() -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (section, entry) of every bundled fact file, read as plain YAML text."""
    for path in fact_files():
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        for section, entries in data.items():
            for entry in entries or []:
                yield section, entry


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def source_texts() -> dict[str, str]:
    texts = {}
    for section, entry in sections():
        if section == "sources":
            texts[entry["id"]] = squash((BUNDLED / entry["file"]).read_text(encoding="utf-8"))
    return texts


EVIDENCED = ("posts", "contacts", "statements")


def test_every_fact_has_evidence_and_every_quote_is_verbatim() -> None:
    texts = source_texts()
    checked = 0
    for section, entry in sections():
        if section not in EVIDENCED:
            continue
        assert entry.get("evidence"), f"{entry['id']} has no evidence"
        for item in entry["evidence"]:
            assert squash(item["quote"]) in texts[item["source"]], (entry["id"], item["quote"])
            checked += 1
    assert checked >= 100


def test_source_copies_are_byte_identical_to_the_shared_corpus() -> None:
    copies = sorted((BUNDLED / "sources").glob("*.txt"))
    assert len(copies) == 5
    if not SHARED_SOURCES.is_dir():  # a checkout without ../shared: the copies stand alone
        return
    for copy in copies:
        assert copy.read_bytes() == (SHARED_SOURCES / copy.name).read_bytes(), copy.name


def test_dataset_checks_clean_without_warnings(cli) -> None:
    result = cli("check", "--strict")
    assert result.code == 0, result.err
    assert result.err == ""


def test_each_source_contributes_contacts_and_statements() -> None:
    stats = dipgraph.load(BUNDLED).stats()
    assert len(stats["per_source"]) == 5
    for source, counts in stats["per_source"].items():
        assert counts["contacts"] >= 1 and counts["statements"] >= 1, source


def test_every_actor_and_topic_appears_in_a_fact() -> None:
    kg = dipgraph.load(BUNDLED)
    used: set[str] = set()
    for contact in kg.facts.contacts.values():
        used |= {*contact.participants, *contact.topics}
        used |= {actor for holders in contact.roles.values() for actor in holders}
    for post in kg.facts.posts.values():
        used |= {post.holder, post.organization}
    for statement in kg.facts.statements.values():
        used |= {statement.speaker, *statement.about}
    assert set(kg.facts.actors) - used == set()
    topics_used = used | {t.broader for t in kg.facts.topics.values()}
    assert set(kg.facts.topics) - topics_used == set()


def test_dates_are_only_as_precise_as_the_text() -> None:
    """A recorded date's year must appear in a quote; undated facts explain why."""
    for section, entry in sections():
        if section not in EVIDENCED:
            continue
        quotes = " ".join(item["quote"] for item in entry["evidence"])
        for field in ("date", "from", "until", "as_of"):
            if field in entry:
                assert entry[field][:4] in quotes, (entry["id"], field)
        happened = entry.get("status", "happened") in ("happened", "planned")
        if section == "contacts" and happened and "date" not in entry:
            assert entry.get("date_note"), f"undated contact {entry['id']} needs a date_note"


def test_outside_knowledge_is_never_evidence() -> None:
    texts = " ".join(source_texts().values())
    for section, entry in sections():
        if "outside_knowledge" in entry and section in EVIDENCED:
            assert squash(entry["outside_knowledge"]) not in texts
            assert "date" not in entry or entry["date"][:4] in " ".join(
                e["quote"] for e in entry["evidence"]
            )


def test_talks_lists_every_contact(cli) -> None:
    listed = cli("talks", "--any-status", "--format", "json").json()
    in_files = [entry["id"] for section, entry in sections() if section == "contacts"]
    assert sorted(c["id"] for c in listed) == sorted(in_files)


@pytest.mark.parametrize(
    ("name", "posts"),
    [
        ("Antonov", {"antonov-ambassador-to-us"}),
        ("أنتونوف", {"antonov-ambassador-to-us"}),
        ("William Burns", {"burns-cia-director", "burns-ambassador-to-russia"}),
        ("أوشاكوف", {"ushakov-presidential-aide"}),
    ],
)
def test_show_gives_posts(cli, name: str, posts: set[str]) -> None:
    profile = cli("show", name, "--format", "json").json()
    assert {p["id"] for p in profile["posts"]} == posts


def test_every_post_holder_shows_their_posts() -> None:
    kg = dipgraph.load(BUNDLED)
    for post in kg.facts.posts.values():
        assert post.id in {p["id"] for p in kg.show(post.holder)["posts"]}


def test_path_between_presidents_of_different_years(cli) -> None:
    result = cli("path", "ترامب", "Biden", "--format", "json").json()
    (path,) = result["paths"]
    assert path["actors"] == ["donald-trump", "vladimir-putin", "joe-biden"]
    assert path["hops"][0]["fact"] == "putin-trump-hamburg-meeting"
    assert all(hop["evidence"] for hop in path["hops"])


@pytest.mark.slow
def test_example_questions_from_the_readme(cli) -> None:
    burns = cli("talks", "بيرنز", "--format", "json").json()
    assert [c["id"] for c in burns] == ["burns-message-to-naryshkin"]
    arms = cli("talks", "--topic", "arms control", "--format", "json").json()
    assert [c["id"] for c in arms] == ["biden-abc-news-interview"]  # via New START
    strategic = cli(
        "talks", "--topic", "الاستقرار الاستراتيجي", "--any-status", "--format", "json"
    ).json()
    assert {c["id"] for c in strategic} == {
        "biden-abc-news-interview",
        "burns-message-to-naryshkin",
        "geneva-strategic-security-talks",
        "putin-biden-phone-call-security-guarantees",
        "security-councils-contacts-proposed",
        "sullivan-patrushev-ushakov-secret-talks",
        "us-three-stage-plan-denied",  # denied by Antonov; its reported content is strategic
    }
    every = cli("talks", "--any-status", "--format", "json").json()
    secret = [c["id"] for c in every if c["secret"]]
    assert sorted(secret) == ["istanbul-secret-talks", "sullivan-patrushev-ushakov-secret-talks"]


@pytest.mark.slow
def test_roles_from_the_readme(cli) -> None:
    """Detained Americans are subjects of contacts, Turkey hosts Istanbul; none is a party."""
    whelan = cli("talks", "ويلان", "--role", "subject", "--format", "json").json()
    assert [c["id"] for c in whelan] == ["burns-message-to-naryshkin"]
    griner = cli("talks", "Griner", "--role", "subject", "--format", "json").json()
    assert sorted(c["id"] for c in griner) == [
        "burns-message-to-naryshkin",
        "griner-bout-prisoner-exchange",
    ]
    assert cli("talks", "Griner", "--format", "json").json() == []
    turkey = cli("talks", "Turkey", "--role", "host", "--format", "json").json()
    assert [c["id"] for c in turkey] == ["istanbul-secret-talks"]


@pytest.mark.slow
def test_two_plus_two_pairs_only_across_delegations(cli) -> None:
    (contact,) = [
        c
        for c in cli("talks", "Lavrov", "--any-status", "--format", "json").json()
        if c["id"] == "two-plus-two-meetings-proposed"
    ]
    pairs = {frozenset(pair) for pair in contact["pairs"]}
    assert frozenset({"sergey-lavrov", "sergei-shoigu"}) not in pairs
    assert frozenset({"rex-tillerson", "james-mattis"}) not in pairs
    assert len(pairs) == 4


def test_unnamed_office_holder_is_shown_by_the_office(cli) -> None:
    profile = cli("show", "السفير الأمريكي لدى روسيا", "--format", "json").json()
    assert profile["id"] == "us-ambassador-to-russia-unnamed"
    assert [p["id"] for p in profile["posts"]] == ["us-ambassador-to-russia-post"]
    assert [s["id"] for s in profile["mentioned_in"]] == ["psaki-ambassador-still-in-russia"]


def test_show_says_when_an_undated_post_was_held_as_the_text_puts_it(cli) -> None:
    """Burns is "the former ambassador" (السابق): the table listed the post as if he held
    it, because the post's date note was not shown."""
    table = cli("show", "Burns", "--format", "csv").out
    row = next(line for line in table.splitlines() if line.startswith("post,burns-ambassador"))
    assert "US Ambassador to Russia (United States); when: Described as the former" in row
