"""SPARQL against hostile queries: SERVICE (SSRF), runaway queries, Ctrl-C, bad syntax.

Issue #10 items 9 and 13. A real HTTP listener on 127.0.0.1 stands in for an address
a query must not reach: it records every request it receives.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from test_server import http
from test_server_safety import start_server, stop

import dipgraph
from conftest import CACHE_DIR, REPO, SMALL
from dipgraph.graph.sparql import SparqlError

HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
ANSWER = {
    "head": {"vars": ["x"]},
    "results": {"bindings": [{"x": {"type": "literal", "value": "from-the-listener"}}]},
}


class Listener:
    """An HTTP server that records requests and answers with ``body``."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.body = json.dumps(ANSWER).encode()
        self.status = 200
        listener = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                listener.requests.append(f"{self.command} {self.path}")
                self.send_response(listener.status)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(listener.body)))
                self.end_headers()
                self.wfile.write(listener.body)

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.server.shutdown()
    server.server.server_close()


def evasions(url: str) -> list[str]:
    """SERVICE spelled every way a parser accepts it (and a naive check misses)."""
    host = url.rsplit("/", 1)[0] + "/"
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SeRvIcE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"PREFIX x: <{host}> SELECT * WHERE {{ SERVICE x:sparql {{ ?s ?p ?o }} }}",
        f"PREFIX x: <{host}> SELECT * WHERE {{ SERVICEx:sparql {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND(<{url}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE<{url}>{{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE#comment\n<{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND(1 AS ?v)SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND(true AS ?v) BIND(1 AS ?w)FILTER(true)SERVICE <{url}> {{}} }}",
        f'SELECT * WHERE {{ BIND("# \\" not a comment" AS ?v) SERVICE <{url}> {{}} }}',
        f"SELECT * WHERE {{ BIND('''it''s''' AS ?v) SERVICE <{url}> {{}} }}",
        f"# a comment with a quote: it's\nSELECT * WHERE {{ SERVICE <{url}> {{}} }}",
        f"SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{url}> {{}} }} }} }}",
        f"ASK {{ FILTER EXISTS {{ SERVICE <{url}> {{}} }} }}",
        "SELECT * WHERE { BIND(1 AS ?a) BIND(2 AS ?b) FILTER(?a<?b)SERVICEx:y#>\n{} }",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{}} }}",
        f"SELECT * WHERE {{ ?s ?p ?o.SERVICE<{url}> {{}} }}",
        f"SELECT * WHERE {{ ?s ?p 'x'@en.SERVICE<{url}> {{}} }}",
        f"SELECT * WHERE {{ ?s ?p 1.SERVICE<{url}> {{}} }}",
        f"SELECT * WHERE {{ ?s ?p trueSERVICE<{url}> {{}} }}",
    ]


def test_every_spelling_of_service_is_refused_and_nothing_is_sent(listener: Listener) -> None:
    kg = dipgraph.load(SMALL)
    for query in evasions(listener.url):
        with pytest.raises(SparqlError, match="SERVICE is refused"):
            list(kg.sparql(query))
    assert listener.requests == []


def test_service_in_comments_strings_and_names_is_not_a_service(listener: Listener) -> None:
    kg = dipgraph.load(SMALL)
    for query in (
        "# uses no SERVICE\nSELECT ?service WHERE { ?service ?p ?o } LIMIT 1",
        'SELECT * WHERE { BIND("SERVICE <http://127.0.0.1:9/> {}" AS ?x) }',
        "PREFIX ex: <urn:ex:> SELECT * WHERE { ?s ex:SERVICE ?o }",
        "SELECT * WHERE { ?s ?p <https://w3id.org/dipgraph/id/actor/security-service> }",
    ):
        list(kg.sparql(query))
    assert listener.requests == []


def test_cli_refuses_service_unless_allowed(cli, listener: Listener) -> None:
    query = f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?x ?p ?o }} }}"
    refused = cli("sparql", query, "--facts", SMALL)
    assert refused.code == 1 and "SERVICE is refused" in refused.err
    assert listener.requests == []
    # The listener does answer: federation works when asked for explicitly.
    allowed = cli(
        "sparql",
        "SELECT ?x WHERE { SERVICE <" + listener.url + "> { ?x ?p ?o } }",
        "--facts",
        SMALL,
        "--allow-service",
        "--format",
        "csv",
    )
    assert allowed.code == 0, allowed.err
    assert "from-the-listener" in allowed.out and len(listener.requests) == 1


def test_a_failing_service_is_a_clear_error(cli, listener: Listener) -> None:
    listener.status, listener.body = 500, b"\x1b[31mboom\x00" * 100
    result = cli(
        "sparql",
        f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?x ?p ?o }} }}",
        "--facts",
        SMALL,
        "--allow-service",
    )
    assert result.code == 1 and "query failed" in result.err
    assert "Traceback" not in result.err and "\x1b" not in result.err


def test_serve_refuses_service_and_its_workers_have_no_network(
    tmp_path, listener: Listener
) -> None:
    served = start_server(tmp_path)
    try:
        for query in evasions(listener.url)[:6]:
            status, _, body = http(f"{served.base}/sparql?query=" + urllib.parse.quote(query))
            assert status == 403 and "SERVICE is refused" in body
        assert "could not be cut off the network" not in served.stderr()
    finally:
        stop(served)
    assert listener.requests == []
    # The second guard on its own: a worker's network namespace reaches nothing.
    port = listener.url.split(":")[2].split("/")[0]
    probe = (
        "import socket, sys\n"
        "from dipgraph.sparql.answer import isolate_network\n"
        "assert isolate_network(), 'no namespace'\n"
        "try:\n"
        f"    socket.create_connection(('127.0.0.1', {port}), timeout=2)\n"
        "except OSError:\n"
        "    sys.exit(0)\n"
        "sys.exit(3)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert listener.requests == []


def test_cli_timeout_stops_a_heavy_query(cli) -> None:
    started = time.monotonic()
    result = cli("sparql", HEAVY, "--facts", SMALL, "--timeout", "1")
    assert result.code == 1 and "stopped after 1 s" in result.err
    assert "Traceback" not in result.err
    assert time.monotonic() - started < 15


def as_typed_in_a_terminal() -> None:
    """Start the command with Ctrl-C's default handling, as a shell's foreground job has
    it: a run launched in the background (`pytest &`, nohup) ignores SIGINT, its children
    inherit that, and Python then installs no KeyboardInterrupt handler."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_stops_a_running_query(cli) -> None:
    assert cli("sparql", "ASK {}", "--facts", SMALL).code == 0  # warm cache
    # This checkout's code, as run_cli runs it (the installed one may be another checkout's,
    # whose cache entry the warm-up above did not make: a cold start).
    path = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "DIPGRAPH_CACHE_DIR": str(CACHE_DIR), "PYTHONPATH": path}
    process = subprocess.Popen(
        [sys.executable, "-m", "dipgraph", "sparql", HEAVY, "--facts", str(SMALL)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=as_typed_in_a_terminal,
    )
    try:
        # Wait until the query runs: its thread exists (the store is open), then a bit more.
        deadline = time.monotonic() + 60
        while len(os.listdir(f"/proc/{process.pid}/task")) < 2:
            assert process.poll() is None and time.monotonic() < deadline, process.communicate()
            time.sleep(0.05)
        time.sleep(1)
        assert process.poll() is None, process.communicate()
        started = time.monotonic()
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
        assert time.monotonic() - started < 20  # the query itself would run for days
        assert process.returncode == 130 and "interrupted" in err and "Traceback" not in err
    finally:
        process.kill()  # never left running (it would take a core for days)
        process.communicate()


def test_syntax_errors_are_short_and_located(cli) -> None:
    result = cli("sparql", "SELECT ?x WHERE { ?x ?y ?z } GROUP", "--facts", SMALL)
    assert result.code == 1
    assert (
        result.err.strip()
        == "error: SPARQL syntax error at line 1, column 35, at the end of the query"
    )
    result = cli("sparql", "SELECT ?x WHERE {\n ?x ?y ?z } LIMIT x", "--facts", SMALL)
    assert result.err == "error: SPARQL syntax error at line 2, column 19, at 'x'\n"


GLUE = [
    "",
    "?o",
    "?o.",
    "'x'",
    "'x'@en",
    "'x'@en.",
    "1",
    "1.",
    "1.5",
    "1e5",
    "true",
    "x:a",
    "x:a.",
    "_:b",
    "_:b.",
    "<u>",
    "<u>.",
    ")",
    "]",
    "}",
    "{}",
    "a",
    ";",
    ",",
    ".",
    "-",
    "^^x:t",
    '"x"^^<t>',
    "#c\n",
    "UNDEF",
    "-1",
    "x:",
    ":",
    "()",
    "[]",
    "$v",
    "?o-",
    "x:a-",
    "FILTER(?o<?o)",
    "BIND(1 AS ?z)",
    "OPTIONAL{}",
    "x:a\\.",
    "%41",
    "'''a'''",
]
WRAPPERS = [
    "SELECT * WHERE {{ ?s ?p {X}SERVICE<http://127.0.0.1:1/>{{}} }}",
    "SELECT * WHERE {{ {X}SERVICE<http://127.0.0.1:1/>{{}} }}",
    "SELECT * WHERE {{ ?s ?p ?o . {X}SERVICE x:b {{}} }}",
    "SELECT * WHERE {{ ?s ?p {X}SERVICE?v{{}} }}",
    "SELECT * WHERE {{ ?s {X}SERVICE<http://127.0.0.1:1/>{{}} }}",
]


def test_the_service_check_agrees_with_oxigraphs_parser() -> None:
    """Wherever Oxigraph's parser reads SERVICE as the keyword (the query parses, and
    no longer does with SERVIXE), the check must see it: every pair of glue tokens."""
    import itertools

    import pyoxigraph as ox

    from dipgraph.graph.sparql.keywords import uses_service

    store = ox.Store()

    def parses(query: str) -> bool:
        try:
            store.query(query)
        except SyntaxError:
            return False
        except (OSError, RuntimeError, ValueError):
            pass  # parsed, then failed while evaluating
        return True

    keyword_uses, missed = 0, []
    for wrapper, (a, b) in itertools.product(WRAPPERS, itertools.product(GLUE, repeat=2)):
        query = "PREFIX x: <urn:x:> " + wrapper.format(X=a + b)
        if parses(query) and not parses(query.replace("SERVICE", "SERVIXE")):
            keyword_uses += 1
            if not uses_service(query):
                missed.append(query)
    assert keyword_uses > 300 and missed == []


def test_query_results_reach_the_terminal_without_control_characters(cli) -> None:
    """A SPARQL string escape makes any character; none may reach a terminal raw."""
    import pyoxigraph as ox

    value = r'"a\u001b[2J\u0007b\u202ec\u0085d"'
    select = f"SELECT ?x WHERE {{ BIND({value} AS ?x) }}"
    construct = f"CONSTRUCT {{ <urn:a> <urn:b> ?x }} WHERE {{ BIND({value} AS ?x) }}"
    raw = "a\x1b[2J\x07b\u202ec\x85d"
    outputs = {}
    for name, args in {
        "table": (select,),
        "csv": (select, "--format", "csv"),
        "json": (select, "--format", "json"),
        "turtle": (construct,),
    }.items():
        result = cli("sparql", *args, "--facts", SMALL)
        assert result.code == 0, result.err
        assert not any(c in result.out for c in "\x1b\x07\u202e\x85"), name
        outputs[name] = result.out
    # JSON and Turtle stay exact: read back, they hold the same value.
    assert json.loads(outputs["json"])["results"]["bindings"][0]["x"]["value"] == raw
    triples = list(ox.parse(outputs["turtle"].encode(), format=ox.RdfFormat.TURTLE))
    assert triples[0].object.value == raw
    assert "a\\x1b[2J\\x07b\\u202ec\\x85d" in outputs["csv"]


# -- the pre-check's reading of the prologue (issue #26, item 11) ------------------------
# A regex over the PREFIX/BASE prologue backtracked quadratically: "PREFIX" and 64 kB of
# spaces with no line end took 19 s, before `--timeout` started counting.

PADDED = "PREFIX" + " " * 64_000 + "x: <http://x/> SELECT * WHERE { ?s x:p ?o }"


@pytest.mark.parametrize(
    "text",
    [
        PADDED,
        "BASE" + "\t" * 64_000 + "<http://x/> ASK {}",
        "PREFIX x: " * 8_000,
        ("# comment\r" + "PREFIX  " * 50) * 200,
        "PREFIX" + " " * 1_000_000,  # the most the server takes
    ],
)
def test_reading_the_prologue_is_linear(text: str) -> None:
    from dipgraph.graph.sparql import is_update

    began = time.perf_counter()
    assert not is_update(text)
    assert time.perf_counter() - began < 0.5


@pytest.mark.parametrize(
    ("text", "update"),
    [
        ("PREFIX x: <http://x/> INSERT DATA { x:a x:b x:c }", True),  # one line
        ("BASE <http://x/>\nPREFIX : <y>  # a comment\rDELETE WHERE { ?s ?p ?o }", True),
        ("prefix x:<http://x/>with <http://g/> delete { ?s ?p ?o } where { ?s ?p ?o }", True),
        ("# INSERT\nSELECT * { ?s ?p ?o }", False),
        ("PREFIX insert: <http://x/> SELECT * { ?s insert:p ?o }", False),
        ("SELECT ?insert { ?insert ?p ?o }", False),
    ],
)
def test_an_update_is_told_after_any_prologue(text: str, update: bool) -> None:
    from dipgraph.graph.sparql import is_update

    assert is_update(text) is update


def test_a_padded_prologue_is_answered_within_the_timeout(cli, tmp_path) -> None:
    """(It took 19 s, past --timeout 1, before the query's timer started.)"""
    query = tmp_path / "padded.rq"
    query.write_text(PADDED, encoding="utf-8")
    done = cli("sparql", f"@{query}", "--facts", SMALL, "--timeout", "1", "--format", "json")
    assert done.code == 0 and done.json()["results"]["bindings"] == []


def test_checking_a_query_counts_in_the_timeout(cli, tmp_path) -> None:
    """8 MiB of brackets take the pre-check some 20 s to read: --timeout stops it."""
    query = tmp_path / "brackets.rq"
    query.write_text("ASK { FILTER(" + "()" * ((4 << 20) - 16) + ") }", encoding="utf-8")
    began = time.monotonic()
    done = cli("sparql", f"@{query}", "--facts", SMALL, "--timeout", "1")
    assert done.code == 1 and "stopped after 1 s" in done.err, done.err
    assert "Traceback" not in done.err
    assert time.monotonic() - began < 20  # (it took 98 s: the check ran before the timer)


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
