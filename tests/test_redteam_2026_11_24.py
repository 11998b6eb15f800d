"""Red-team pass of 2026-11-24: each test reproduces one attack that got through.

The attacks already covered (tests/test_hostile_facts.py, test_cache_safety.py,
test_sparql_safety.py, test_cli_hardening.py, test_server_hardening.py,
test_push_safety.py) are not repeated here.
"""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import suppress
from pathlib import Path

import pytest

from dipgraph.cache.tables import CacheDamaged, Tables, TableWriter

# -- the cache: a damaged or planted entry is a miss, never a traceback or a silent loss --


def _written(path: Path, fill) -> Path:
    writer = TableWriter(path)
    fill(writer)
    writer.close()
    return path


def _set_rows(path: Path, part: str, sql: str, *args: object) -> None:
    with sqlite3.connect(path) as db:
        (table,) = db.execute("SELECT tab FROM parts WHERE name=?", (part,)).fetchone()
        db.execute(sql.format(table=table), args)


@pytest.mark.parametrize("part", ["rows", "keyed", "value:whole"])
def test_json_nested_past_the_recursion_limit_is_damage_not_a_traceback(
    tmp_path: Path, part: str
) -> None:
    def fill(writer: TableWriter) -> None:
        writer.add_list("rows", [[1]])
        writer.add_map("keyed", {"k": [1]})
        writer.add_value("whole", [1])

    path = _written(tmp_path / "index.sqlite", fill)
    _set_rows(path, part, "UPDATE {table} SET data=?", "[" * 100_000 + "]" * 100_000)
    tables = Tables(path)
    with pytest.raises(CacheDamaged):
        if part == "rows":
            tables.list("rows")[0]
        elif part == "keyed":
            tables.map("keyed")["k"]
        else:
            tables.value("whole")


def test_json_just_under_the_limit_is_damage_when_tupled(tmp_path: Path) -> None:
    """json.loads may just manage a depth that turning lists to tuples cannot."""
    import sys

    path = _written(tmp_path / "index.sqlite", lambda w: w.add_list("rows", [[1]]))
    for depth in range(sys.getrecursionlimit() - 60, sys.getrecursionlimit(), 5):
        _set_rows(path, "rows", "UPDATE {table} SET data=?", "[" * depth + "]" * depth)
        tables = Tables(path)
        with suppress(CacheDamaged):  # or a tuple: never a RecursionError
            tables.list("rows")[0]


def test_a_lost_piece_of_a_stored_value_is_damage_not_fewer_facts(tmp_path: Path) -> None:
    """The facts are stored in pieces of records; a piece lost between two others still
    reads as JSON: every contact of the piece silently gone."""
    pieces = ['{"contacts":[', '"a","b"', ',"c"', "]}"]
    path = _written(tmp_path / "index.sqlite", lambda w: w.add_json("facts", pieces))
    assert Tables(path).value("facts") == {"contacts": ["a", "b", "c"]}
    _set_rows(path, "value:facts", "DELETE FROM {table} WHERE rowid=3")
    with pytest.raises(CacheDamaged):
        Tables(path).value("facts")


def test_a_piece_added_to_a_stored_value_is_damage(tmp_path: Path) -> None:
    pieces = ['{"contacts":[', '"a"', "]}"]
    path = _written(tmp_path / "index.sqlite", lambda w: w.add_json("facts", pieces))
    _set_rows(path, "value:facts", "INSERT INTO {table} (rowid, data) VALUES (9, ' ')")
    with pytest.raises(CacheDamaged):
        Tables(path).value("facts")


# -- fact files: a pattern ending in "$" lets a trailing newline through ---------------------
# Python's "$" also matches before a final "\n": "Q42\n" passed as a Wikidata id, then
# every query command and build died on it with a traceback (IriError).


def _add(root: Path, name: str, text: str) -> None:
    (root / name).write_text(text, encoding="utf-8")


def _problems(root: Path) -> list[str]:
    from dipgraph.loader import check_facts

    return [str(problem) for problem in check_facts(root)[1]]


@pytest.mark.parametrize(
    ("field", "value", "column", "says"),
    [
        ("id", '"zed\\n"', 9, "is not a valid id"),
        ("wikidata", '"Q42\\n"', 15, "is not a Wikidata item id"),
        ("names", '{"en\\n": Zed}', 13, "is not a language code"),
    ],
)
def test_a_trailing_newline_is_not_part_of_a_valid_id(
    small_copy: Path, field: str, value: str, column: int, says: str
) -> None:
    lines = ["actors:", "  - id: zed", "    kind: person", "    names: {en: Zed}"]
    row = {"id": 1, "names": 3}.get(field)
    if row is None:
        lines.append(f"    {field}: {value}")
        row = 4
    else:
        lines[row] = f"    {field}: {value}" if field == "names" else f"  - id: {value}"
    _add(small_copy, "zz-newline.yaml", "\n".join(lines) + "\n")
    problems = _problems(small_copy)
    assert any(
        f"zz-newline.yaml:{row + 1}:{column}: error:" in p and says in p for p in problems
    ), problems


def test_an_overlong_id_is_refused_at_its_place(small_copy: Path) -> None:
    long_id = "z" * 121
    _add(
        small_copy,
        "zz-long.yaml",
        f"actors:\n  - id: {long_id}\n    kind: person\n    names: {{en: Zed}}\n",
    )
    problems = _problems(small_copy)
    says = "zz-long.yaml:2:9: error: an id of 121 characters is too long"
    assert any(says in p for p in problems), problems
    assert all(long_id not in p for p in problems), problems  # not echoed whole


@pytest.mark.parametrize("text", ["٢٠٢٠-٠٣", "2020-٠٣", "２０２０"])
def test_a_date_is_ascii_digits_to_the_end(text: str) -> None:
    from dipgraph.dates import DateError, PartialDate

    with pytest.raises(DateError):
        PartialDate.parse(text)


def test_a_wikidata_id_with_a_newline_gives_no_traceback(cli, small_copy: Path) -> None:
    _add(
        small_copy,
        "zz-newline.yaml",
        'actors:\n  - id: zed\n    kind: person\n    names: {en: Zed}\n    wikidata: "Q42\\n"\n',
    )
    for command in (["talks", "belov"], ["build", "--out", small_copy / "out"]):
        result = cli(*command, "--facts", small_copy)
        assert result.code == 1 and "Traceback" not in result.err, result.err
        assert "zz-newline.yaml:5:15: error:" in result.err


# -- CSV: a cell a spreadsheet would run as a formula ----------------------------------------
# The HTML page's CSV export guarded it (test_html.py); the CLI's CSV and build's CSV
# tables did not: a name '=HYPERLINK("http://evil/","x")' in a fact file became a live
# formula in the analyst's spreadsheet.

FORMULA = '=HYPERLINK("http://evil/","click")'


def _formula_named(root: Path) -> None:
    actors = root / "people" / "actors.yaml"
    text = actors.read_text(encoding="utf-8")
    escaped = FORMULA.replace('"', '\\"')
    text = text.replace("names: {en: Alice Adams}", f'names: {{en: "{escaped}"}}')
    actors.write_text(text, encoding="utf-8")
    _add(root, "zz-summary.yaml", CONTACT_WITH_SUMMARY)


CONTACT_WITH_SUMMARY = """contacts:
  - id: zz-formula
    type: meeting
    participants: [alice-adams, boris-belov]
    summary: "@SUM(1+1)*cmd|' /C calc'!A0"
    evidence:
      - source: wire
        quote: Secretary Alice Adams spoke by telephone with Minister Boris Belov in March 2020.
"""


def _cells(text: str) -> list[str]:
    import csv
    import io

    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_cli_csv_cells_cannot_become_formulas(cli, small_copy: Path) -> None:
    _formula_named(small_copy)
    for command in (["actors"], ["talks", "belov"], ["show", "belov"]):
        result = cli(*command, "--facts", small_copy, "--format", "csv")
        assert result.code == 0, result.err
        cells = _cells(result.out)
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")], (command, cells)
    actors = _cells(cli("actors", "--facts", small_copy, "--format", "csv").out)
    assert "'" + FORMULA in actors  # kept, readable, as text


def test_build_csv_cells_cannot_become_formulas(cli, small_copy: Path) -> None:
    _formula_named(small_copy)
    out = small_copy / "out"
    result = cli("build", "--facts", small_copy, "--out", out, "--formats", "csv")
    assert result.code == 0, result.err
    for name in ("dipgraph-nodes.csv", "dipgraph-edges.csv"):
        cells = _cells((out / name).read_text(encoding="utf-8"))
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")], (name, cells)
    nodes = _cells((out / "dipgraph-nodes.csv").read_text(encoding="utf-8"))
    assert "'" + FORMULA in nodes and "'@SUM(1+1)*cmd|' /C calc'!A0" in nodes


# -- suggest: an article is hostile text, and its drafts are printed to a terminal ----------
# ESC was escaped, but bidi overrides (U+202E...) and C1 controls (U+009B, a CSI on some
# terminals) reached the terminal raw, in YAML quotes, YAML comments and JSON.

HOSTILE_ARTICLE = (
    "The ambassador John Smith met Boris Belov in Vienna.\u009b31m "
    "Belov said \u202e that the talks were useful.\n"
)
RAW = re.compile("[\x1b\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_suggest_prints_no_raw_bidi_or_c1_character(cli, small_copy: Path, fmt: str) -> None:
    import json

    import yaml

    article = small_copy / "article.txt"
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    result = cli("suggest", article, "--facts", small_copy, "--format", fmt)
    assert result.code == 0, result.err
    assert not RAW.search(result.out), [m.group() for m in RAW.finditer(result.out)]
    drafts = yaml.safe_load(result.out) if fmt == "yaml" else json.loads(result.out)
    quotes = [
        e["quote"]
        for kind in ("contacts", "statements")
        for item in drafts.get(kind) or []
        for e in item["evidence"]
    ]
    assert any("\u202e" in q for q in quotes), quotes  # still the article's exact text


# -- CLI: an output or address that cannot be used is a message, not a traceback -----------


@pytest.mark.parametrize(
    "command",
    [
        ["build", "--formats", "ttl"],
        ["html"],
    ],
)
def test_an_output_path_that_cannot_be_made_is_a_message(
    cli, small_copy: Path, command: list[str]
) -> None:
    blocker = small_copy / "facts.yaml"  # a file where a folder would have to be
    out = blocker / ("out" if command[0] == "build" else "page.html")
    result = cli(*command, "--out", out, "--facts", small_copy)
    assert result.code == 1, result
    assert "Traceback" not in result.err, result.err
    assert f"error: cannot write {out}" in result.err


def test_a_host_serve_cannot_use_is_a_message(cli, small_copy: Path) -> None:
    result = cli("serve", "--host", "no such\x1b[31mhost", "--port", "0", "--facts", small_copy)
    assert result.code == 1, result
    assert "Traceback" not in result.err, result.err
    assert "cannot listen on no such\\x1b[31mhost" in result.err
    assert "\x1b" not in result.err


# -- serve: content negotiation honours q-values ---------------------------------------------
# "application/sparql-results+json;q=0, text/csv" (JSON refused, CSV wanted) got JSON.


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("application/sparql-results+json;q=0, text/csv", "text/csv"),
        ("text/csv;q=0.4, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("text/csv, text/tab-separated-values", "text/csv"),  # equal: the first
        ("text/csv;q=oops, text/tab-separated-values", "text/tab-separated-values"),
        ("", "application/sparql-results+json"),  # no Accept header: the default
        ("*/*", "application/sparql-results+json"),
        (
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",  # a browser
            "application/sparql-results+json",
        ),
        ("text/*", "text/csv"),  # a range (it got the JSON default, which is not text)
        ("text/*;q=0.2, text/tab-separated-values", "text/tab-separated-values"),
        ("application/*, text/csv;q=0.5", "application/sparql-results+json"),
        ("*/*;q=0.1, text/csv;q=0", "application/sparql-results+json"),  # CSV refused
    ],
)
def test_the_server_answers_in_the_best_ranked_media_type(accept: str, media: str) -> None:
    status, body, chosen = _answer("SELECT ?o WHERE { ?s ?p ?o }", accept)
    assert (status, chosen) == (200, media), body


def _answer(query: str, accept: str) -> tuple[int, bytes, str]:
    import pyoxigraph as ox

    from dipgraph.sparql.answer import answer

    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), ox.Literal("o")))
    return answer(store, query, accept)


@pytest.mark.parametrize(
    ("query", "accept", "media"),
    [
        ("CONSTRUCT WHERE { ?s ?p ?o }", "", "text/turtle"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "text/*", "text/turtle"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "application/*", "application/n-triples"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "application/sparql-results+json", None),
        ("SELECT * { ?s ?p ?o }", "image/png", None),
        ("SELECT * { ?s ?p ?o }", "text/turtle", None),
        ("ASK { ?s ?p ?o }", "text/csv;q=0, application/sparql-results+json;q=0", None),
    ],
)
def test_an_accept_the_server_cannot_meet_gets_406(query: str, accept: str, media: str) -> None:
    """As Oxigraph's server: 406 naming the formats it can make (it answered in its default
    format, so a client asking for results JSON on a CONSTRUCT got Turtle it could not read)."""
    status, body, chosen = _answer(query, accept)
    if media is not None:
        assert (status, chosen) == (200, media), body
        return
    assert (status, chosen) == (406, "application/json"), body
    message = json.loads(body)["error"]
    formats = "text/turtle" if query.startswith("CONSTRUCT") else "application/sparql-results+json"
    assert message.startswith("the Accept header allows none of ") and formats in message


# -- serve: --allow-host and --cors values that could never match are refused ---------------
# "--cors app.example" (no scheme) or "--allow-host http://myhost" were accepted, and every
# request from that page or name was then refused, with nothing saying why.


@pytest.mark.parametrize(
    "option",
    [
        ["--cors", "app.example"],
        ["--cors", "https://app.example/path"],
        ["--cors", "https://app.example\r\nX-Evil: 1"],
        ["--allow-host", "http://myhost"],
        ["--allow-host", "myhost:8080"],
    ],
)
def test_serve_refuses_options_that_never_match(cli, small_copy: Path, option: list[str]) -> None:
    result = cli("serve", *option, "--port", "0", "--facts", small_copy)
    assert result.code == 1, result
    assert "Traceback" not in result.err and f"error: {option[0]} " in result.err, result.err


def test_a_cors_origin_matches_whatever_its_case() -> None:
    from dipgraph.sparql.hosts import HostPolicy, option_problem

    assert option_problem(("myhost.lan",), ("https://App.Example:8443/", "*")) is None
    policy = HostPolicy.for_bind("127.0.0.1", 7800, cors=("https://App.Example",))
    assert policy.cors_origin("https://app.example") == "https://app.example"


# -- push: a URL that already names a graph, or holds a space or line break ----------------
# push appends ?graph=IRI; "…/store?graph=X" sent "?graph=X&graph=IRI" for every graph (a
# server taking the first would replace X eight times), and a line break in the URL was
# reported as "sent a malformed answer" although nothing was sent.


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("http://127.0.0.1:1/store?graph=http%3A%2F%2Fx%2Fvictim", "names a graph already"),
        ("http://127.0.0.1:1/store?default", "names a graph already"),
        ("http://127.0.0.1:1/a\r\nX-Evil: 1", "is not a valid URL"),
        ("http://127.0.0.1:1/a b", "is not a valid URL"),
    ],
)
def test_push_refuses_a_url_it_cannot_use_before_sending(url: str, says: str) -> None:
    from dipgraph.sparql.push import Endpoint, PushError

    with pytest.raises(PushError, match=says):
        Endpoint.parse(url)


def test_push_keeps_other_query_parameters() -> None:
    from dipgraph.sparql.push import Endpoint

    assert Endpoint.parse("http://127.0.0.1:1/store?token=1").target == "/store?token=1"


def test_a_key_note_nested_past_the_recursion_limit_is_ignored(
    small_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    """The note remembering a facts folder's key is JSON too: deep nesting in it made
    every query command end in a RecursionError traceback."""
    import time

    import dipgraph.cache as cache

    later = time.time_ns() + 60_000_000_000  # the files look a minute old: a note is kept
    monkeypatch.setattr(cache.time, "time_ns", lambda: later)
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    key = cache.quick_key(folder, small_copy, "https://x.example/")
    (note,) = folder.glob("key-*.json")
    note.write_text("[" * 100_000 + "]" * 100_000)
    assert cache.quick_key(folder, small_copy, "https://x.example/") == key


# -- a raw NUL (or other character YAML refuses) is located where it is ---------------------
# libyaml's mark for it counts bytes and reads ahead: a NUL on line 5 after Arabic text
# was reported at another line and column (1:1 with the pure-Python reader).


def test_a_raw_nul_is_located_at_its_line_and_column(small_copy: Path) -> None:
    text = (
        "topics:\n"
        "  - id: zz-a\n"
        "    names: {en: Arms, ar: الحد من التسلح والأسلحة النووية الاستراتيجية}\n"
        "  - id: zz-b\n"
        "    names: {en: Bad\x00name}\n"
    )
    _add(small_copy, "zz-nul.yaml", text)
    problems = _problems(small_copy)
    assert any("zz-nul.yaml:5:20: error: YAML syntax error" in p for p in problems), problems


# -- sparql @FILE: a query file that is not UTF-8 text -------------------------------------
# read_text(encoding="utf-8") raised UnicodeDecodeError: a traceback.


def test_a_query_file_that_is_not_utf8_is_a_message(cli, small_copy: Path) -> None:
    query = small_copy / "query.rq"
    query.write_bytes(b'SELECT * WHERE { ?s ?p "\xff" }')
    result = cli("sparql", f"@{query}", "--facts", small_copy)
    assert result.code == 1 and "Traceback" not in result.err, result.err
    assert "is not UTF-8 (byte 0xff at byte 24)" in result.err


def test_a_query_file_that_is_not_a_file_is_said_so(small_copy: Path) -> None:
    from dipgraph.graph.sparql import SparqlError, resolve_query

    with pytest.raises(SparqlError, match="is not a file"):
        resolve_query(f"@{small_copy}")


# -- sparql: brackets nested thousands deep crash Oxigraph's parser -------------------------
# 'SELECT * WHERE ' + '{' * 50000 + '}' * 50000 ended `dipgraph sparql` with SIGSEGV (exit
# 139, no message); a served one cost its worker (503) each time.


def test_a_query_nested_past_the_parsers_depth_is_refused_not_a_crash(
    cli, small_copy: Path
) -> None:
    query = small_copy / "deep.rq"
    query.write_text("SELECT * WHERE " + "{" * 50_000 + "}" * 50_000, encoding="utf-8")
    result = cli("sparql", f"@{query}", "--facts", small_copy)
    assert result.code == 1, result
    assert "nests brackets more than 256 levels deep" in result.err


def test_nesting_counts_brackets_of_the_query_only() -> None:
    from dipgraph.graph.sparql.keywords import nesting_depth

    assert nesting_depth('SELECT * { ?s ?p "{{{{((((" . <http://x/a((b> ?p ?o } # ((((') == 1
    assert nesting_depth("SELECT * WHERE " + "{" * 300 + "}" * 300) == 300


def test_a_source_file_that_is_a_fifo_is_not_called_missing(small_copy: Path) -> None:
    import os

    os.mkfifo(small_copy / "sources" / "pipe.txt")
    sources = small_copy / "sources.yaml"
    sources.write_text(
        sources.read_text(encoding="utf-8").replace("sources/wire.txt", "sources/pipe.txt"),
        encoding="utf-8",
    )
    problems = _problems(small_copy)
    assert any("source file 'sources/pipe.txt' is not a regular file" in p for p in problems), (
        problems
    )


# -- serve: another site's page can make the server work without sending an Origin ---------
# <img src="http://127.0.0.1:7800/sparql?query=…heavy…"> sends no Origin header: the page
# cannot read the answer, but each such request kept a worker busy up to --timeout.


class _Pool:
    def __init__(self) -> None:
        self.queries: list[str] = []

    def run(self, text: str, accept: str, timeout: float, wait: float):
        self.queries.append(text)
        return 200, b"{}", "application/sparql-results+json"


def _request(headers: dict[str, str]) -> tuple[str, list[str]]:
    import io

    from dipgraph.sparql.hosts import HostPolicy
    from dipgraph.sparql.server import SparqlApp

    pool = _Pool()
    app = SparqlApp(lambda: b"<html>", pool, HostPolicy.for_bind("127.0.0.1", 7800), 5.0)  # type: ignore[arg-type]
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/sparql",
        "QUERY_STRING": "query=ASK%7B%7D",
        "HTTP_HOST": "127.0.0.1:7800",
        "wsgi.input": io.BytesIO(b""),
        **headers,
    }
    statuses = []
    app(environ, lambda status, _headers: statuses.append(status))
    return statuses[0], pool.queries


def test_a_cross_site_subresource_query_is_refused_before_it_runs() -> None:
    status, ran = _request({"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_SEC_FETCH_MODE": "no-cors"})
    assert status.startswith("403") and ran == []


@pytest.mark.parametrize(
    "headers",
    [
        {},  # curl, scripts
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_SEC_FETCH_MODE": "cors"},  # the graph page
        {"HTTP_SEC_FETCH_SITE": "none", "HTTP_SEC_FETCH_MODE": "navigate"},  # typed in
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_SEC_FETCH_MODE": "navigate"},  # a link
    ],
)
def test_other_requests_still_run(headers: dict[str, str]) -> None:
    status, ran = _request(headers)
    assert status.startswith("200") and ran == ["ASK{}"]
