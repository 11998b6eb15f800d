"""`dipgraph serve` and `dipgraph push`, each against a real server on 127.0.0.1."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

import dipgraph
import dipgraph.graph.sparql
from conftest import CACHE_DIR, SMALL
from dipgraph.sparql.server import _path_text

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, seconds: float = 30, process: subprocess.Popen | None = None) -> None:
    """Until ``url`` answers (any HTTP status); fails early if ``process`` exits."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} did not come up in {seconds} s")


def http(
    url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None
) -> tuple[int, str, str]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read().decode()


@pytest.fixture
def served_process() -> Iterator[tuple[str, subprocess.Popen]]:
    port = free_port()
    env = {**os.environ, "DIPGRAPH_CACHE_DIR": str(CACHE_DIR)}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dipgraph",
            "serve",
            "--facts",
            str(SMALL),
            "--port",
            str(port),
            "--timeout",
            "1",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/")
        yield base, process
    finally:
        process.kill()
        process.wait()


@pytest.fixture
def served(served_process: tuple[str, subprocess.Popen]) -> str:
    return served_process[0]


def test_serve_answers_get_and_post_in_several_formats(served: str) -> None:
    query = urllib.parse.quote(COUNT)
    status, media, body = http(f"{served}/sparql?query={query}")
    assert status == 200 and media.startswith("application/sparql-results+json")
    expected = len(list(dipgraph.load(SMALL).store.quads_for_pattern(None, None, None)))
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(expected)
    status, media, body = http(
        f"{served}/sparql",
        COUNT.encode(),
        {"Content-Type": "application/sparql-query", "Accept": "text/csv"},
    )
    assert status == 200 and media.startswith("text/csv")
    assert body.split() == ["n", str(expected)]
    form = urllib.parse.urlencode({"query": "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 2"})
    status, media, body = http(
        f"{served}/sparql",
        form.encode(),
        {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/n-triples"},
    )
    assert status == 200 and media.startswith("application/n-triples")
    assert len(body.strip().splitlines()) == 2
    asks_for_results = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json",
    }
    status, media, body = http(f"{served}/sparql", form.encode(), asks_for_results)
    assert status == 406 and "text/turtle" in json.loads(body)["error"]  # not Turtle regardless


def test_serve_is_read_only_and_reports_bad_queries(served: str) -> None:
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    for data, kind in (
        (update, "application/sparql-update"),
        (urllib.parse.urlencode({"update": update}), "application/x-www-form-urlencoded"),
        (update, "application/sparql-query"),
    ):
        status, _, body = http(f"{served}/sparql", data.encode(), {"Content-Type": kind})
        assert status == 403, (kind, body)
    status, _, body = http(f"{served}/sparql?query=" + urllib.parse.quote("SELECT ?x WHERE {"))
    assert status == 400 and "syntax error" in body
    assert http(f"{served}/nowhere")[0] == 404


def test_serve_times_out_long_queries(served: str) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    started = time.monotonic()
    status, _, body = http(f"{served}/sparql?query=" + urllib.parse.quote(slow))
    assert status == 503 and "timed out" in body
    assert time.monotonic() - started < 30  # the query would run for days


def test_ctrl_c_does_not_wait_for_a_timed_out_query(served_process) -> None:
    """Oxigraph cannot cancel a query; stopping the server must not wait for it."""
    served, process = served_process
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    assert http(f"{served}/sparql?query=" + urllib.parse.quote(slow))[0] == 503
    started = time.monotonic()
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 0
    # The query would run for days; 30 s leaves room for a loaded machine (5 s failed
    # once while two other test suites ran beside this one).
    assert time.monotonic() - started < 30
    said = process.stderr.read().decode()
    assert "Traceback" not in said and "retrying" not in said, said  # a quiet stop


def test_serve_serves_the_html_graph(served: str) -> None:
    status, media, body = http(f"{served}/")
    assert status == 200 and media.startswith("text/html")
    assert "graph-data" in body and "https://" not in body


def test_serve_refuses_a_port_in_use(cli) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli("serve", "--facts", SMALL, "--port", str(port))
    assert result.code == 1 and "cannot listen on 127.0.0.1" in result.err


@pytest.fixture
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    """A real Oxigraph server (the `oxigraph` package on PyPI) on 127.0.0.1."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    assert Path(binary).exists(), "install the test extras: pip install -e '.[test]'"
    port = free_port()
    process = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "store"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/query?query=" + urllib.parse.quote("ASK {}"))
        yield base
    finally:
        process.kill()
        process.wait()


def server_count(base: str, query: str = COUNT) -> int:
    _, _, body = http(
        f"{base}/query",
        urllib.parse.urlencode({"query": query}).encode(),
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
    )
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_push_to_a_real_oxigraph_server(cli, oxigraph_server: str) -> None:
    kg = dipgraph.load(SMALL)
    expected = len(list(kg.store.quads_for_pattern(None, None, None)))
    result = cli("push", f"{oxigraph_server}/store", "--facts", SMALL)
    assert result.code == 0, result.err
    assert server_count(oxigraph_server) == expected
    wire = "https://w3id.org/dipgraph/id/graph/wire"
    per_graph = server_count(
        oxigraph_server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + wire + "> { ?s ?p ?o } }"
    )
    assert per_graph == len(list(kg.store.quads_for_pattern(None, None, None, NamedNode(wire))))
    # Pushing again replaces each graph: nothing doubles.
    assert cli("push", f"{oxigraph_server}/store", "--facts", SMALL).code == 0
    assert server_count(oxigraph_server) == expected
    # The pushed data answers dipgraph's own named query the same way.
    query = dipgraph.graph.sparql.named_queries()["who-talked-to-whom"].text
    _, _, body = http(
        f"{oxigraph_server}/query",
        urllib.parse.urlencode({"query": query, "union-default-graph": ""}).encode(),
        {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"},
    )
    local = cli("sparql", "who-talked-to-whom", "--facts", SMALL, "--format", "csv").out
    assert body.splitlines() == local.splitlines()


def test_push_reports_an_unreachable_server(cli) -> None:
    result = cli("push", f"http://127.0.0.1:{free_port()}/store", "--facts", SMALL)
    assert result.code == 1 and "cannot reach" in result.err
    assert cli("push", "ftp://example/store", "--facts", SMALL).code == 1


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


_LOGGERS = ("", "waitress", "waitress.queue", "dipgraph.server", "dipgraph.access")


def _logging_state() -> list[tuple[int, list, bool]]:
    import logging

    return [
        (logger.level, list(logger.handlers), logger.propagate)
        for logger in map(logging.getLogger, _LOGGERS)
    ]


def test_a_server_built_from_python_leaves_the_logging_as_found() -> None:
    """The library logs to named loggers only: the root logger, waitress's and its own
    keep the handlers and levels the program gave them."""
    from dipgraph.sparql.server import make_server

    before = _logging_state()
    server = make_server(dipgraph.load(SMALL), SMALL, port=0, workers=1, verbose=True)
    try:
        assert _logging_state() == before
    finally:
        server.close()
    assert _logging_state() == before


def test_the_command_line_shows_the_server_logs_as_lines(capsys) -> None:
    import logging

    from dipgraph.cli.server_logs import show_server_logs

    loggers = [logging.getLogger(name) for name in _LOGGERS]
    saved = _logging_state()
    try:
        show_server_logs()
        logging.getLogger("dipgraph.server").warning("a worker went (a test)")
        logging.getLogger("dipgraph.access").info("GET /sparql 200")
        logging.getLogger("waitress").info("not shown: below warning")
    finally:
        for logger, (level, handlers, propagate) in zip(loggers, saved, strict=True):
            logger.setLevel(level)
            logger.handlers = handlers
            logger.propagate = propagate
    err = capsys.readouterr().err
    assert err == "dipgraph serve: a worker went (a test)\nGET /sparql 200\n"
    assert logging.getLogger().handlers == saved[0][1]  # the root logger untouched


def test_a_served_path_is_logged_as_the_client_wrote_it() -> None:
    """WSGI hands the path's bytes over as Latin-1 characters (PEP 3333)."""
    wsgi = "/سؤال/é".encode().decode("latin-1")
    assert _path_text({"PATH_INFO": wsgi}) == "/سؤال/é"
    assert _path_text({"PATH_INFO": "/\udcff"}) == "/\udcff"  # not bytes-as-Latin-1: as is
