"""Second red-team pass of 2026-11-24 (new angles): each test reproduces one attack that
got through, and fails without its fix.

The attacks of tests/test_redteam_2026_11_24.py and the other safety tests
(test_hostile_facts.py, test_cache_safety.py, test_sparql_safety.py,
test_cli_hardening.py, test_server_hardening.py, test_push_safety.py) are not repeated.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_redteam_2026_11_24 import _request

SMALL = Path(__file__).parent / "fixtures" / "small"


def _add(root: Path, name: str, text: str) -> None:
    (root / name).write_text(text, encoding="utf-8")


# -- check: a failing quote's hint cost the quote's length squared -------------------------
# The closest-span hint aligns the quote on its source (rapidfuzz): three 16,000-character
# quotes against a 41 kB source held `dipgraph check` for 4 min 8 s (0.4 s now); ten a
# source, and many source ids on one text, would hold a contributor's check or CI for hours.


class _Alignments:
    """Counts the alignments asked of rapidfuzz (the costly step of a hint)."""

    def __init__(self, monkeypatch) -> None:
        from rapidfuzz import fuzz

        self.calls: list[tuple[int, int]] = []
        real = fuzz.partial_ratio_alignment

        def counted(quote: str, text: str, **kwargs):
            self.calls.append((len(quote), len(text)))
            return real(quote, text, **kwargs)

        monkeypatch.setattr(fuzz, "partial_ratio_alignment", counted)


def test_an_overlong_quote_gets_no_alignment(monkeypatch) -> None:
    from dipgraph.loader.quote_hint import quote_hint

    aligned = _Alignments(monkeypatch)
    text = "Belov met Adams in Vienna. " * 2000
    quote = "Belov met Adams in Vienne. " * 200  # 5,400 characters
    assert quote_hint(quote, text) == ""
    assert quote_hint(quote, text, prefix="Belov met Adams in Vienn") == ""
    assert aligned.calls == []
    # a quote of a real length still gets its hint
    assert "Vienna" in quote_hint("Belov met Adams in Vienne", text)
    assert aligned.calls


def test_hints_in_one_check_are_bounded_over_all_sources(small_copy: Path, monkeypatch) -> None:
    """Sixty source ids on one text, one failing quote each: hints stop at the cap, every
    quote is still reported."""
    import dipgraph.loader.crosscheck as crosscheck
    from dipgraph.loader import check_facts

    given: list[str] = []
    real = crosscheck.quote_hint

    def counted(quote, source, prefix=""):
        given.append(quote)
        return real(quote, source, prefix)

    monkeypatch.setattr(crosscheck, "quote_hint", counted)
    lines = ["sources:"]
    for i in range(60):
        lines += [f"  - id: s{i}", "    language: en", "    file: sources/wire.txt"]
    lines.append("contacts:")
    for i in range(60):
        lines += [
            f"  - id: c{i}",
            "    type: meeting",
            "    participants: [alice-adams, boris-belov]",
            "    evidence:",
            f"      - {{source: s{i}, quote: Adams spoke by telephone with Minister Belof}}",
        ]
    _add(small_copy, "zz-many.yaml", "\n".join(lines) + "\n")
    problems = [str(p) for p in check_facts(small_copy)[1]]
    assert sum("quote not found" in p for p in problems) == 60
    assert len(given) == 40


# -- push: a password typed unescaped, or without the scheme, was printed -------------------
# redact() took the authority to end at the first "/": "http://admin:se/cret@host/store"
# was echoed whole in "is not a valid URL", and "admin:s3cret@host/store" (the scheme
# forgotten) too; "http://admin:12/34@host/store" even parses (host "admin", port 12),
# and every later message showed the password. CI logs keep such messages.


@pytest.mark.parametrize(
    "url",
    [
        "http://admin:se/cret@127.0.0.1:9/store",
        "admin:s3cret@127.0.0.1:9/store",
        "http://admin:s3?cret@127.0.0.1:9/store",
        "http://admin:s3#cret@127.0.0.1:9/store",
    ],
)
def test_push_never_prints_a_password_however_it_is_typed(cli, url: str) -> None:
    result = cli("push", url, "--facts", SMALL, "--timeout", "5")
    assert result.code == 1, result
    assert "cret" not in result.out + result.err, result.err
    assert "127.0.0.1:9" in result.err  # still says where


def test_a_url_that_parses_around_the_password_never_shows_it() -> None:
    from dipgraph.sparql.push import Endpoint

    shown = Endpoint.parse("http://admin:12/34@db.example/store").shown
    assert "34" not in shown and shown == "http://…@db.example/store"


def test_a_password_in_the_url_is_warned_about(cli) -> None:
    """A command line is readable by every user of the machine (ps, /proc/PID/cmdline)."""
    result = cli("push", "http://alice:s3cret@127.0.0.1:9/store", "--facts", SMALL)
    assert "other users of this machine" in result.err and "s3cret" not in result.err
    result = cli("push", "http://127.0.0.1:9/store", "--facts", SMALL)
    assert "other users" not in result.err


# -- build and html: exports were made world-readable whatever the umask ---------------------
# atomic_path chmod-ed every export to 0644: a user with umask 077 (secret contacts in the
# facts) found dipgraph.ttl, the CSV tables and the page readable by everyone on the machine.


@pytest.mark.parametrize(("umask", "mode"), [(0o077, 0o600), (0o027, 0o640), (0o022, 0o644)])
def test_exports_follow_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    import os
    import stat

    import dipgraph
    from dipgraph.build import build_exports

    graph = dipgraph.load(SMALL)
    out = tmp_path / "out"
    out.mkdir(mode=0o755)
    old = os.umask(umask)
    try:
        written = build_exports(graph, out, "ttl,csv,nq")
    finally:
        os.umask(old)
    assert {stat.S_IMODE(path.stat().st_mode) for path in written} == {mode}


# -- suggest --lexicon: a lexicon file that is not YAML text ended in a traceback -------------
# Brackets nested 50,000 deep gave a RecursionError, bytes that are not UTF-8 a
# UnicodeDecodeError; a YAML error named '<unicode string>' and no line.


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("contact_words.yaml", b"a: " + b"[" * 50_000 + b"]" * 50_000, "nested too deep"),
        ("dates.yaml", b"months:\n  en: [caf\xe9]\n", "dates.yaml:2:11: not UTF-8 (byte 0xe9)"),
        ("cues.yaml", b"a: {en: [x]}\n\x1b[31mb: [1]\n", "cues.yaml:2:1: a character YAML"),
        ("titles.yaml", b"a: [x\nb: 1\n", "titles.yaml:2:2: cannot read the lexicon"),
    ],
)
def test_a_bad_lexicon_file_is_a_located_message(
    cli, tmp_path: Path, name: str, content: bytes, says: str
) -> None:
    lexicon = tmp_path / "lexicon"
    lexicon.mkdir()
    (lexicon / name).write_bytes(content)
    article = tmp_path / "article.txt"
    article.write_text("Boris Belov met Alice Adams in Vienna.\n", encoding="utf-8")
    result = cli("suggest", article, "--facts", SMALL, "--lexicon", lexicon)
    assert result.code == 1 and "Traceback" not in result.err, result.err
    assert says in result.err and "\x1b" not in result.err, result.err


# -- serve: the page was rendered once per request that came before the first finished -----
# GET / rendered the HTML graph lazily with no lock: requests arriving during the first
# rendering (two tabs; any page elsewhere loading the address many times: only /sparql
# refuses cross-site subresources) each rendered the whole page, seconds and memory each.


def test_the_page_is_rendered_once_however_many_ask_at_first(monkeypatch) -> None:
    import http.client
    import threading
    import time

    import dipgraph
    import dipgraph.exports.html as html
    from dipgraph.sparql.server import make_server

    renders: list[int] = []

    def slow_render(kg) -> str:
        renders.append(1)
        time.sleep(0.5)
        return "<html>graph</html>"

    monkeypatch.setattr(html, "render_html", slow_render)
    server = make_server(dipgraph.load(SMALL), SMALL, port=0, workers=1)
    threading.Thread(target=server.run, daemon=True).start()
    host, port = server.server_address[:2]
    bodies: list[bytes] = []

    def fetch() -> None:
        connection = http.client.HTTPConnection(host, port, timeout=30)
        connection.request("GET", "/", headers={"Host": f"127.0.0.1:{port}"})
        bodies.append(connection.getresponse().read())
        connection.close()

    try:
        clients = [threading.Thread(target=fetch) for _ in range(6)]
        for client in clients:
            client.start()
        for client in clients:
            client.join(60)
    finally:
        server.close()
    assert bodies == [b"<html>graph</html>"] * 6
    assert len(renders) == 1


# -- serve --allow-host: a value with escape or bidi characters was accepted -----------------
# "--allow-host $'x\e[31m\u202e'" started the server with a name no browser can send.


@pytest.mark.parametrize("name", ["x\x1b[31m", "host\u202e", "a,b", "ex%41mple"])
def test_allow_host_takes_host_names_only(name: str) -> None:
    from dipgraph.sparql.hosts import option_problem

    assert option_problem((name,), ()) is not None
    assert option_problem(("my_host.lan", "xn--bcher-kva.de", "[::1]", "10.0.0.2"), ()) is None


# -- serve: another site's page framing queries ------------------------------------------
# The 403 for cross-site subresources (<img src=…/sparql?query=…>) let frames through: an
# <iframe> load is a navigation (Sec-Fetch-Mode: navigate), so a page holding a hundred
# hidden frames kept every worker busy up to --timeout, over and over.


@pytest.mark.parametrize("dest", ["iframe", "frame", "embed", "object"])
def test_a_query_framed_by_another_site_is_refused_before_it_runs(dest: str) -> None:
    status, ran = _request(
        {
            "HTTP_SEC_FETCH_SITE": "cross-site",
            "HTTP_SEC_FETCH_MODE": "navigate",
            "HTTP_SEC_FETCH_DEST": dest,
        }
    )
    assert status.startswith("403") and ran == []


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_SEC_FETCH_MODE": "navigate"},
        {
            "HTTP_SEC_FETCH_SITE": "cross-site",
            "HTTP_SEC_FETCH_MODE": "navigate",
            "HTTP_SEC_FETCH_DEST": "document",
        },  # a link the user followed
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_SEC_FETCH_DEST": "iframe"},
    ],
)
def test_links_and_own_frames_still_run(headers: dict[str, str]) -> None:
    status, ran = _request(headers)
    assert status.startswith("200") and ran == ["ASK{}"]


# -- check: a byte that is not UTF-8 was located in bytes, on "\n" lines only --------------
# After Arabic text (two bytes a letter) the column was past the byte; in a file with
# classic Mac line ends (CR, which YAML and editors take as a line end) every bad byte was
# reported on line 1.


@pytest.mark.parametrize(
    ("content", "place"),
    [
        (
            b"topics:\n  - id: zz-a\n    names: {en: Arms, ar: "
            + '"الحد \xff"}\n'.encode().replace(b"\xc3\xbf", b"\xff"),
            "3:33",
        ),
        (b'topics:\r  - id: zz-a\r    names: {en: "Arms\xff"}\r', "3:22"),
        (b"\xef\xbb\xbftopics: \xff\n", "1:9"),
    ],
)
def test_a_byte_that_is_not_utf8_is_located_in_characters(
    small_copy: Path, content: bytes, place: str
) -> None:
    from dipgraph.loader import check_facts

    (small_copy / "zz-bytes.yaml").write_bytes(content)
    problems = [str(p) for p in check_facts(small_copy)[1]]
    assert any(
        f"zz-bytes.yaml:{place}: error: file is not UTF-8 (byte 0xff" in p for p in problems
    ), problems


def test_a_query_file_with_a_byte_order_mark_names_the_right_byte(tmp_path: Path) -> None:
    """ "utf-8-sig" counts after the mark: the byte named was three bytes off."""
    from dipgraph.graph.sparql import SparqlError, resolve_query

    query = tmp_path / "q.rq"
    query.write_bytes(b'\xef\xbb\xbfSELECT * WHERE { ?s ?p "\xff" }')
    with pytest.raises(SparqlError, match=r"byte 0xff at byte 27\)"):
        resolve_query(f"@{query}")
    query.write_bytes(b"\xef\xbb\xbfASK {}")
    assert resolve_query(f"@{query}")[0] == "ASK {}"


# -- suggest: an article that never ends a sentence ---------------------------------------
# Each contact word looked over its whole sentence and quoted it whole, once a word: an
# 88 kB article with no full stop took 41 s and printed 176 MB of drafts; 352 kB did not
# finish in 5 minutes (now 0.4 s and 115 kB; 4 MB in about 8 s).


def test_a_run_on_article_drafts_in_time_and_size_that_grow_with_it(monkeypatch) -> None:
    import importlib

    import dipgraph
    from dipgraph.suggest.output import to_yaml
    from dipgraph.suggest.text import tokenise

    contacts = importlib.import_module("dipgraph.suggest.contacts")
    scanned: list[int] = []  # words each contact word's date search looks over
    real = contacts.find_when

    def counted(article, region):
        scanned.append(region.last - region.first)
        return real(article, region)

    monkeypatch.setattr(contacts, "find_when", counted)
    text = "Boris Belov met Alice Adams and Carol Clark " * 500  # 22 kB, one "sentence"
    drafts = dipgraph.suggest(text=text, facts=SMALL)
    printed = to_yaml(drafts)
    quotes = [span.quote for draft in drafts.contacts for span in draft.spans]
    assert quotes and all(quote in text for quote in quotes)
    assert len(printed) < 10 * len(text), len(printed)
    assert max(map(len, quotes)) < 2_000
    # each of the 500 contact words looked over the whole 4,000-word run (2 million)
    assert sum(scanned) < 50 * len(tokenise(text)), sum(scanned)


def test_real_sentences_are_not_cut() -> None:
    from dipgraph.suggest.text import MAX_SENTENCE_TOKENS, split, tokenise

    for path in Path(__file__).parent.parent.joinpath("facts", "sources").glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        sentences = split(text, tokenise(text))
        assert max(s.last - s.first for s in sentences) < MAX_SENTENCE_TOKENS / 2, path


# -- check: "did you mean" compared every unknown id with every known one in Python ---------
# difflib against thousands of ids: 6,000 unknown references among 3,000 actors held
# `check` for 355 s (1.6 s now). A fact file of typos costs nothing to write.


def test_did_you_mean_compares_in_python_with_a_shortlist_only(monkeypatch) -> None:
    import difflib

    from dipgraph.loader.problems import did_you_mean

    compared: list[int] = []
    real = difflib.get_close_matches

    def counted(word, possibilities, n=3, cutoff=0.6):
        compared.append(len(possibilities))
        return real(word, possibilities, n, cutoff)

    monkeypatch.setattr(difflib, "get_close_matches", counted)
    ids = [f"actor-number-{i:05d}" for i in range(3000)]
    assert did_you_mean("actor-numbr-01234", ids) == " (did you mean 'actor-number-01234'?)"
    assert did_you_mean("zzzz", ids) == ""
    assert max(compared) <= 5
    assert did_you_mean("persn", ("person", "organization", "state")) == (
        " (did you mean 'person'?)"
    )


def test_unknown_references_are_all_reported_with_their_hint(small_copy: Path) -> None:
    from dipgraph.loader import check_facts

    lines = ["actors:"]
    for i in range(60):
        lines += [f"  - id: actor-number-{i:03d}", "    kind: person", "    names: {en: P}"]
    lines.append("contacts:")
    for i in range(60):
        lines += [
            f"  - id: c-{i}",
            "    type: meeting",
            f"    participants: [actor-numbr-{i:03d}, alice-adams]",
            "    evidence:",
            "      - {source: wire, quote: Adams proposed to send a message}",
        ]
    _add(small_copy, "zz-typos.yaml", "\n".join(lines) + "\n")
    problems = [str(p) for p in check_facts(small_copy)[1]]
    for i in range(60):
        says = f"unknown actor 'actor-numbr-{i:03d}' (did you mean 'actor-number-{i:03d}'?)"
        assert any(says in p for p in problems), says


# -- the cache size limit: DIPGRAPH_CACHE_MAX_MB=inf ended every command in a traceback -----


@pytest.mark.parametrize(
    ("value", "limit"),
    [
        ("inf", (1 << 40) << 20),  # no limit, as one may write it
        ("-inf", 0),
        ("nan", 4096 << 20),
        ("abc", 4096 << 20),
        ("1e400", (1 << 40) << 20),
        ("0.5", 1 << 19),
    ],
)
def test_any_cache_size_limit_is_read_without_a_traceback(
    monkeypatch, value: str, limit: int
) -> None:
    from dipgraph.cache import size_limit

    monkeypatch.setenv("DIPGRAPH_CACHE_MAX_MB", value)
    assert size_limit() == limit


def test_an_infinite_cache_limit_runs_a_query(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "DIPGRAPH_CACHE_DIR": str(tmp_path / "c"), "DIPGRAPH_CACHE_MAX_MB": "inf"}
    repo = Path(__file__).parent.parent
    done = subprocess.run(
        [sys.executable, "-m", "dipgraph", "talks", "belov", "--facts", str(SMALL)],
        capture_output=True,
        text=True,
        cwd=repo,
        env={**env, "PYTHONPATH": str(repo)},
        timeout=120,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr


def test_citing_a_span_compares_its_words_once_not_with_every_span() -> None:
    """A draft cites each new span unless its words are cited already: compared with
    every span, 600 kB of distinct clauses took 48.7 s (1.75 s now)."""
    from dipgraph.suggest.drafts import Draft, Span

    splits: list[int] = []

    class Counted(str):
        def split(self, *args, **kwargs):  # type: ignore[override]
            splits.append(1)
            return super().split(*args, **kwargs)

    draft = Draft([Span(Counted("clause 0"), 0, 8)], 0.5)
    for i in range(1, 300):
        assert draft.cite(Span(Counted(f"clause {i}"), 10 * i, 10 * i + 8))
    assert not draft.cite(Span(Counted("clause  7"), 5000, 5009))  # the same words
    assert len(draft.spans) == 300
    assert len(splits) < 2 * 300, len(splits)
