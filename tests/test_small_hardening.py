"""Small things a red-team pass found: each message names what the user gave."""

from __future__ import annotations

from pathlib import Path

import pytest

import dipgraph
from conftest import SMALL
from dipgraph.exports.atomic import PARTIAL
from dipgraph.sparql.push import PushError, push
from dipgraph.sparql.server import _path_text


def test_a_folder_where_an_export_goes_is_named_not_the_temporary_file(cli, tmp_path: Path) -> None:
    (tmp_path / "dipgraph.ttl").mkdir()
    done = cli("build", "--facts", SMALL, "--out", tmp_path, "--formats", "ttl")
    assert done.code == 1 and "Traceback" not in done.err
    assert str(tmp_path / "dipgraph.ttl") in done.err
    assert ".tmp" not in done.err and PARTIAL not in done.err
    assert [p.name for p in tmp_path.iterdir()] == ["dipgraph.ttl"]  # nothing left beside it


def test_a_user_name_with_a_colon_is_refused_before_anything_is_sent(cli, monkeypatch) -> None:
    """HTTP basic auth splits user:password at the first colon (RFC 7617)."""
    monkeypatch.setenv("DIPGRAPH_PUSH_PASSWORD", "secret")
    done = cli("push", "http://127.0.0.1:9/store", "--user", "ann:admin", "--facts", SMALL)
    assert done.code == 1 and "Traceback" not in done.err
    assert "has a ':'" in done.err and "secret" not in done.err
    with pytest.raises(PushError, match="has a ':'"):
        push(dipgraph.load(SMALL), "http://ann:admin@127.0.0.1:9/store", user="a:b", password="x")


def test_a_served_path_is_logged_as_the_client_wrote_it() -> None:
    """WSGI hands the path's bytes over as Latin-1 characters (PEP 3333)."""
    wsgi = "/سؤال/é".encode().decode("latin-1")
    assert _path_text({"PATH_INFO": wsgi}) == "/سؤال/é"
    assert _path_text({"PATH_INFO": "/\udcff"}) == "/\udcff"  # not bytes-as-Latin-1: as is


def test_close_names_are_difflib_s_at_a_fraction_of_the_cost() -> None:
    """A long list is narrowed by rapidfuzz first; the matches (their scores, in order:
    names that tie may differ) are difflib's own, for 300 random typos."""
    import difflib
    import random

    from dipgraph.names import close_matches

    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz "
    names = sorted(
        {"".join(rng.choice(letters) for _ in range(rng.randint(5, 18))) for _ in range(400)}
    )
    for _ in range(300):
        word = list(rng.choice(names))
        word[rng.randrange(len(word))] = rng.choice(letters)
        typo = "".join(word)
        ours = close_matches(typo, names, n=8, cutoff=0.5)
        theirs = difflib.get_close_matches(typo, names, n=8, cutoff=0.5)

        def scores(found: list[str], typo: str = typo) -> list[float]:
            return [difflib.SequenceMatcher(None, typo, name).ratio() for name in found]

        assert scores(ours) == scores(theirs)


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("SELECT ?x WHERE { ?x }", "line 1"),
        ("contacts-of", "needs --param actor=VALUE"),
        ("INSERT DATA { <a:b> <a:c> <a:d> }", "UPDATE is refused"),
    ],
)
def test_a_query_that_cannot_run_is_refused_before_the_facts_are_read(
    cli, tmp_path: Path, query: str, said: str
) -> None:
    """A cold start checks and compiles every fact before it queries (20 s at 100k
    contacts): a bad query is told at once, before the facts folder is even looked at
    (here there is none)."""
    done = cli("sparql", query, "--facts", tmp_path / "no-such-folder")
    assert done.code == 1 and "Traceback" not in done.err
    assert said in done.err and "not found" not in done.err
