"""The query commands, run for real, in every output format."""

from __future__ import annotations

import csv
import io

import pytest

from conftest import SMALL


def ids(rows: list[dict]) -> list[str]:
    return [row["id"] for row in rows]


def test_talks_lists_contacts_in_date_order_with_json_shape(cli) -> None:
    result = cli("talks", "--any-status", "--facts", SMALL, "--format", "json")
    assert result.code == 0, result.err
    rows = result.json()
    assert ids(rows) == [
        "clark-dorin-talks",
        "adams-belov-call",
        "belov-clark-meeting",
        "adams-dorin-message",
        "putin-belov-video",
    ]
    # By default only what happened, as `path` crosses: the proposed message is left out.
    happened = cli("talks", "--facts", SMALL, "--format", "json")
    assert ids(happened.json()) == [i for i in ids(rows) if i != "adams-dorin-message"]
    first = rows[1]
    assert {"id", "type", "cameo", "date", "status", "participants", "topics", "evidence"} <= set(
        first
    )
    assert first["cameo"] == "041"
    assert first["date"] == "2020-03" and first["date_precision"] == "month"
    assert first["participants"] == [
        {"id": "alice-adams", "name": "Alice Adams"},
        {"id": "boris-belov", "name": "Boris Belov"},
    ]
    assert first["evidence"][0]["source"] == "wire"


@pytest.mark.slow
def test_talks_filters(cli) -> None:
    def talks(*args: str) -> list[str]:
        result = cli("talks", "--facts", SMALL, "--format", "json", *args)
        assert result.code == 0, result.err
        return ids(result.json())

    assert talks("belov", "--with", "clark") == ["belov-clark-meeting"]
    assert talks("--since", "2021", "--until", "2021-12") == ["belov-clark-meeting"]
    assert talks("--since", "2020-03-15", "--until", "2020-03-20") == ["adams-belov-call"]
    assert talks("--type", "phone call") == ["adams-belov-call"]
    assert talks("--topic", "arms control") == ["clark-dorin-talks", "adams-belov-call"]
    assert talks("--status", "proposed") == ["adams-dorin-message"]


def test_arabic_and_english_names_give_the_same_answer(cli) -> None:
    arabic = cli("talks", "بوتين", "--facts", SMALL, "--format", "json")
    english = cli("talks", "PUTIN", "--facts", SMALL, "--format", "json")
    assert arabic.code == english.code == 0
    assert arabic.out == english.out
    assert ids(arabic.json()) == ["putin-belov-video"]


def test_unknown_and_ambiguous_names_exit_1_with_candidates(cli) -> None:
    unknown = cli("talks", "Belof", "--facts", SMALL)
    assert unknown.code == 1
    assert "'Belof' matches no actor; closest: Boris Belov (boris-belov)" in unknown.err
    assert "Traceback" not in unknown.err
    ambiguous = cli("path", "russia", "alice", "--facts", SMALL)  # 'russia' is an id: fine
    assert ambiguous.code == 0


@pytest.mark.slow
def test_bad_options_exit_1_with_a_message(cli) -> None:
    for args, message in [
        (("--since", "2022-13"), "'2022-13' has month 13"),
        (("--type", "telegram"), "unknown contact type 'telegram'"),
        (("--status", "maybe"), "unknown status 'maybe'"),
        (("--since", "2022", "--until", "2021"), "--until 2021 is before --since 2022"),
    ]:
        result = cli("talks", "--facts", SMALL, *args)
        assert result.code == 1, args
        assert message in result.err
        assert "Traceback" not in result.err


def test_talks_csv_has_one_row_per_contact(cli) -> None:
    result = cli("talks", "--any-status", "--facts", SMALL, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert len(rows) == 5
    assert rows[1]["participants"] == "alice-adams; boris-belov"
    assert rows[1]["evidence"].startswith("[wire] Secretary Alice Adams")


def test_talks_table_shows_fact_text_literally(cli) -> None:
    result = cli("talks", "belov", "--facts", SMALL)
    assert result.code == 0
    assert "Adams and Belov discussed" in result.out
    assert "undated" in result.out


def test_path_json_has_hops_with_evidence(cli) -> None:
    result = cli("path", "Alice Adams", "Dmitri Dorin", "--facts", SMALL, "--format", "json")
    data = result.json()
    assert data["found"] is True
    (path,) = data["paths"]
    assert path["actors"] == ["alice-adams", "boris-belov", "carol-clark", "dmitri-dorin"]
    assert [hop["fact"] for hop in path["hops"]] == [
        "adams-belov-call",
        "belov-clark-meeting",
        "clark-dorin-talks",
    ]
    assert all(hop["evidence"] and hop["date"] for hop in path["hops"])


@pytest.mark.slow
def test_path_options(cli) -> None:
    def paths(*args: str) -> list[list[str]]:
        result = cli("path", "alice", "dorin", "--facts", SMALL, "--format", "json", *args)
        assert result.code == 0, result.err
        return [p["actors"] for p in result.json()["paths"]]

    # The proposed message does not connect them unless asked for.
    assert paths("--any-status") == [["alice-adams", "dmitri-dorin"]]
    assert paths("--all", "--any-status", "--max-hops", "3") == [
        ["alice-adams", "dmitri-dorin"],
        ["alice-adams", "boris-belov", "carol-clark", "dmitri-dorin"],
    ]
    assert paths("--temporal") == []  # 2020 call, 2021 meeting, then 2019 talks: out of order
    assert paths("--max-hops", "2") == []
    assert paths("--since", "2020") == []  # the 2019 talks fall outside the window


@pytest.mark.slow
def test_via_all_crosses_posts_and_memberships(cli) -> None:
    def hops(*args: str) -> list[list[tuple[str, str]]]:
        result = cli(
            "path", "alice", "State Department", "--facts", SMALL, "--format", "json", *args
        )
        assert result.code == 0, result.err
        return [[(h["relation"], h["to"]) for h in p["hops"]] for p in result.json()["paths"]]

    assert hops() == []  # no contact reaches the department
    assert hops("--via", "all") == [[("post", "state-dept")]]
    wrong = cli("path", "alice", "dorin", "--facts", SMALL, "--via", "posts")
    assert wrong.code == 2 and "'posts' is not one of" in wrong.err  # bad usage, as --role


def test_no_path_is_an_explicit_result(cli) -> None:
    table = cli("path", "alice", "dorin", "--facts", SMALL, "--temporal")
    assert table.code == 0
    assert "no path between Alice Adams and Dmitri Dorin" in table.out
    data = cli("path", "alice", "dorin", "--facts", SMALL, "--temporal", "--format", "json").json()
    assert data["found"] is False and data["paths"] == []


def test_show_profile(cli) -> None:
    result = cli("show", "Alice Adams", "--facts", SMALL, "--format", "json")
    profile = result.json()
    assert profile["id"] == "alice-adams" and profile["kind"] == "person"
    assert profile["posts"] == [
        {
            "id": "adams-secretary",
            "holder": "alice-adams",
            "post": "Secretary of State",
            "post_names": {"en": "Secretary of State"},
            "organization": {"id": "state-dept", "name": "State Department"},
            "from": "2019",
            "until": "2021",
            "as_of": None,
            "date_note": None,
            "evidence": [
                {
                    "source": "wire",
                    "quote": "Alice Adams served as Secretary of State from 2019 until 2021.",
                }
            ],
        }
    ]
    assert ids(profile["contacts"]) == ["adams-belov-call", "adams-dorin-message"]
    assert [s["id"] for s in profile["sources"]] == ["wire"]
    table = cli("show", "بيلوف", "--facts", SMALL)
    assert table.code == 0 and "warned: Belov warned" in table.out


def test_actors_list_and_search(cli) -> None:
    everyone = cli("actors", "--facts", SMALL, "--format", "json").json()
    assert len(everyone) == 8
    found = cli("actors", "بوتين", "--facts", SMALL, "--format", "json").json()
    assert ids(found) == ["vladimir-putin"]
    states = cli("actors", "--kind", "state", "--facts", SMALL, "--format", "csv")
    assert states.out.splitlines()[1:] == [
        "russia,state,Russia,روسيا,",
        "usa,state,United States,الولايات المتحدة,",
    ]


def test_stats_counts(cli) -> None:
    data = cli("stats", "--facts", SMALL, "--format", "json").json()
    assert data["kinds"] == {
        "sources": 2,
        "actors": 8,
        "topics": 2,
        "places": 1,
        "posts": 1,
        "contacts": 5,
        "statements": 1,
    }
    assert data["per_source"]["wire"] == {"posts": 1, "contacts": 4, "statements": 1}


def test_default_facts_is_the_bundled_dataset(cli, tmp_path) -> None:
    result = cli("stats", "--format", "json", cwd=tmp_path)
    assert result.code == 0, result.err
    assert result.json()["kinds"]["sources"] == 5
