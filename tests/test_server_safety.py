"""`dipgraph serve` against hostile and faulty clients: limits, cross-site requests,
host and origin checks.

Each test attacks a real server process on 127.0.0.1 with raw sockets or urllib.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_server import free_port, http, wait_for

from conftest import CACHE_DIR, SMALL

LIGHT = "ASK { ?s ?p ?o }"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@dataclass
class Served:
    base: str
    port: int
    process: subprocess.Popen
    log: Path

    def stderr(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def start_server(tmp: Path, *options: str) -> Served:
    port = free_port()
    log = tmp / f"serve-{port}.log"
    env = {**os.environ, "DIPGRAPH_CACHE_DIR": str(CACHE_DIR)}
    command = [sys.executable, "-m", "dipgraph", "serve", "--facts", str(SMALL)]
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [*command, "--port", str(port), *options],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    base = f"http://127.0.0.1:{port}"
    wait_for(base + "/sparql?query=" + urllib.parse.quote(LIGHT))
    return Served(base, port, process, log)


def stop(served: Served) -> None:
    served.process.kill()
    served.process.wait()


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[Served]:
    server = start_server(tmp_path_factory.mktemp("serve"), "--timeout", "2", "--workers", "2")
    yield server
    stop(server)


@pytest.fixture(scope="module")
def served_cors(tmp_path_factory) -> Iterator[Served]:
    server = start_server(
        tmp_path_factory.mktemp("cors"),
        "--cors",
        "https://app.example",
        "--allow-host",
        "mylaptop.local",
    )
    yield server
    stop(server)


def raw(port: int, request: bytes, timeout: float = 10) -> bytes:
    """Send bytes as they are and read the whole answer (the server closes)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(request)
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    return b"".join(chunks)


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def query_url(served: Served, query: str = LIGHT) -> str:
    return f"{served.base}/sparql?query={urllib.parse.quote(query)}"


# -- item 10: Host header (DNS rebinding), Origin and CORS, OPTIONS and HEAD ----------


def test_a_rebound_host_name_is_refused(served: Served) -> None:
    port = served.port
    for host in ("evil.example", f"evil.example:{port}", "localhost.evil.example", "[::2]"):
        status, _, body = http(query_url(served), headers={"Host": host})
        assert status == 403 and "does not answer for host" in body, host
    assert http(query_url(served), headers={"Host": f"localhost:{port + 1}"})[0] == 403
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}", "LOCALHOST."):
        assert http(query_url(served), headers={"Host": host})[0] == 200, host
    request = b"GET /sparql?query=ASK%7B%7D HTTP/1.0\r\n\r\n"
    assert status_of(raw(port, request)) == 403  # no Host at all


def test_no_cors_by_default_and_foreign_origins_are_refused(served: Served) -> None:
    request = urllib.request.Request(query_url(served), headers={"Origin": "http://evil.example"})
    try:
        urllib.request.urlopen(request, timeout=10)
    except urllib.error.HTTPError as error:
        assert error.code == 403 and "Access-Control-Allow-Origin" not in error.headers
    else:
        raise AssertionError("a foreign origin was answered")
    # The page's own origin may query (a form on / would send it).
    same = {"Origin": f"http://127.0.0.1:{served.port}"}
    assert http(query_url(served), headers=same)[0] == 200
    answer = raw(served.port, b"OPTIONS /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    head = answer.decode().lower()
    assert status_of(answer) == 204 and "allow: get, head, post, options" in head
    assert "access-control-allow-origin" not in head


def test_cors_allows_the_named_origin_only(served_cors: Served) -> None:
    preflight = (
        b"OPTIONS /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://app.example\r\n"
        b"Access-Control-Request-Method: POST\r\nConnection: close\r\n\r\n"
    )
    head = raw(served_cors.port, preflight).decode().lower()
    assert head.startswith("http/1.1 204")
    assert "access-control-allow-origin: https://app.example" in head
    assert "access-control-allow-methods: get, head, post, options" in head
    request = urllib.request.Request(
        query_url(served_cors), headers={"Origin": "https://app.example"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Access-Control-Allow-Origin"] == "https://app.example"
    assert http(query_url(served_cors), headers={"Origin": "https://other.example"})[0] == 403


def test_allow_host_adds_a_name(served: Served, served_cors: Served) -> None:
    host = {"Host": "mylaptop.local"}
    assert http(query_url(served_cors), headers=host)[0] == 200
    status, _, body = http(query_url(served), headers=host)
    assert status == 403 and "--allow-host" in body


def test_head_answers_like_get_without_a_body(served: Served) -> None:
    for path in ("/", "/sparql?query=" + urllib.parse.quote(LIGHT)):
        get = raw(
            served.port,
            f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode(),
        )
        head = raw(
            served.port,
            f"HEAD {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode(),
        )
        _, get_body = get.split(b"\r\n\r\n", 1)
        head_head, head_body = head.split(b"\r\n\r\n", 1)
        assert status_of(head) == 200 and head_body == b""
        length = [h for h in head_head.split(b"\r\n") if h.lower().startswith(b"content-length")]
        assert length == [b"Content-Length: " + str(len(get_body)).encode()], path


def test_a_request_naming_its_own_dataset_is_refused_not_answered_from_the_union(
    served: Served,
) -> None:
    """default-graph-uri / named-graph-uri would narrow the dataset; answering over the
    union instead would give another answer than the one asked for."""
    graph = urllib.parse.quote("https://w3id.org/dipgraph/id/graph/entities")
    form = f"query={urllib.parse.quote(LIGHT)}&default-graph-uri={graph}"
    requests = [
        f"GET /sparql?{form} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        f"POST /sparql HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(form)}\r\n\r\n{form}",
        f"POST /sparql?named-graph-uri={graph} HTTP/1.1\r\nHost: localhost\r\n"
        "Connection: close\r\nContent-Type: application/sparql-query\r\n"
        f"Content-Length: {len(LIGHT)}\r\n\r\n{LIGHT}",
    ]
    for request in requests:
        answer = raw(served.port, request.encode())
        assert status_of(answer) == 400 and b"graph-uri are not supported" in answer, request
    plain = raw(
        served.port,
        f"GET /sparql?query={urllib.parse.quote(LIGHT)} HTTP/1.1\r\nHost: localhost\r\n"
        "Connection: close\r\n\r\n".encode(),
    )
    assert status_of(plain) == 200


# -- item 12: request parsing and limits, slow and vanishing clients ------------------


def test_bad_content_lengths_are_answered_not_buffered(served: Served) -> None:
    post = "POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\n"
    for length, expected in (("-1", 400), ("abc", 400), ("1e3", 400), ("300000000", 413)):
        answer = raw(served.port, f"{post}Content-Length: {length}\r\n\r\nASK {{}}".encode())
        assert status_of(answer) == expected, (length, answer[:200])
    huge = f"GET /sparql HTTP/1.1\r\nHost: localhost\r\nX-Big: {'a' * 100_000}\r\n\r\n"
    # Refused with 431, or the connection is reset while the rest still arrives.
    with contextlib.suppress(ConnectionResetError):
        assert status_of(raw(served.port, huge.encode())) == 431
    assert http(query_url(served))[0] == 200


def test_slow_header_clients_do_not_starve_others(served: Served) -> None:
    """200 connections that never finish their headers, then a normal query."""
    slow = []
    try:
        for _ in range(200):
            sock = socket.create_connection(("127.0.0.1", served.port), timeout=10)
            sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: local")
            slow.append(sock)
        started = time.monotonic()
        assert http(query_url(served))[0] == 200
        assert time.monotonic() - started < 30  # blocked, it would wait for ever
        # They cost a buffer each, not a thread each.
        assert len(list(Path(f"/proc/{served.process.pid}/task").iterdir())) < 40
    finally:
        for sock in slow:
            sock.close()


def test_64_concurrent_clients_are_all_answered(served: Served) -> None:
    results: list[int] = []
    barrier = threading.Barrier(64)

    def client() -> None:
        barrier.wait()
        try:
            results.append(http(query_url(served))[0])
        except OSError as error:  # a reset connection
            results.append(-1)
            print(error)

    threads = [threading.Thread(target=client) for _ in range(64)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert results == [200] * 64


def test_keep_alive_serves_several_requests_on_one_connection(served: Served) -> None:
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
    for _ in range(3):
        connection.request("GET", "/sparql?query=" + urllib.parse.quote(LIGHT))
        response = connection.getresponse()
        assert response.status == 200 and response.version == 11
        response.read()
    connection.close()


def test_client_disconnects_print_no_traceback(served: Served) -> None:
    for request in (
        b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: localhost\r\n\r\n",
        b"POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\nASK",
        b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n",
    ):
        with socket.create_connection(("127.0.0.1", served.port)) as sock:
            sock.sendall(request)
            sock.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
            )
    time.sleep(1)
    assert http(query_url(served))[0] == 200
    assert "Traceback" not in served.stderr()


def test_a_worker_that_died_while_idle_is_replaced(served: Served) -> None:
    import signal

    for pid in _workers(served.process.pid):
        os.kill(pid, signal.SIGKILL)
    time.sleep(0.5)
    assert [http(query_url(served))[0] for _ in range(3)] == [200, 200, 200]
    assert "Traceback" not in served.stderr()
    _wait_for_workers(served, 2)  # leave the pool whole for the tests that follow


# -- item 11: a query past the timeout is stopped, and the server stays responsive ----


def _tree(pid: int) -> list[int]:
    """Every descendant of ``pid`` (Linux /proc). A thread or process that ends while
    it is read has no children left to list (its file went: FileNotFoundError)."""
    found = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return found
    for task in tasks:
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            found += [child, *_tree(child)]
    return found


def _workers(pid: int) -> set[int]:
    """The query workers among them (not multiprocessing's resource tracker)."""
    found = set()
    for child in _tree(pid):
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in command:
            found.add(child)
    return found


def _wait_for_workers(served: Served, count: int) -> set[int]:
    """The server's workers once there are ``count`` of them (replacements start)."""
    deadline = time.monotonic() + 60
    while len(workers := _workers(served.process.pid)) < count:
        assert time.monotonic() < deadline, f"only {len(workers)} workers"
        time.sleep(0.1)
    time.sleep(1)  # started is not ready: give them time to open the store
    return workers


def _cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone
        total += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def test_heavy_queries_are_killed_and_a_light_one_answers_promptly(served: Served) -> None:
    workers_before = _wait_for_workers(served, 2)
    statuses: list[int] = []

    def heavy() -> None:
        statuses.append(http(query_url(served, HEAVY))[0])

    started = time.monotonic()
    threads = [threading.Thread(target=heavy) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    heavy_seconds = time.monotonic() - started
    assert statuses == [503] * 6
    light_started = time.monotonic()
    status, _, body = http(query_url(served))
    light_seconds = time.monotonic() - light_started
    assert status == 200 and "true" in body
    # The workers that ran the heavy queries were killed, not left running.
    after = _tree(served.process.pid)
    assert not workers_before & _workers(served.process.pid)
    cpu = _cpu_seconds(after)
    time.sleep(1.0)
    assert _cpu_seconds(_tree(served.process.pid)) - cpu < 0.5
    print(f"6 heavy queries: {heavy_seconds:.1f} s; light query after them: {light_seconds:.2f} s")
    assert light_seconds < 30  # behind a heavy query it would wait out the 60 s timeout


def test_workers_end_with_a_killed_server_even_mid_query(tmp_path: Path) -> None:
    server = start_server(tmp_path, "--timeout", "60")
    workers = _workers(server.process.pid)

    def heavy() -> None:
        with contextlib.suppress(OSError):  # the server dies under it
            http(query_url(server, HEAVY))

    threading.Thread(target=heavy, daemon=True).start()
    time.sleep(1)
    server.process.kill()  # SIGKILL: no cleanup code runs in the server
    server.process.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in workers):
        time.sleep(0.1)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]


def test_a_query_filling_memory_is_stopped(tmp_path: Path) -> None:
    server = start_server(tmp_path, "--timeout", "60", "--max-query-memory", "50")
    try:
        hungry = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?f ?i LIMIT 1"
        started = time.monotonic()
        status, _, body = http(query_url(server, hungry))
        assert status == 503 and "more than 50 MiB" in body, body
        assert time.monotonic() - started < 30  # long before its 60 s timeout
        assert http(query_url(server))[0] == 200
    finally:
        stop(server)


# -- stopping the pool: each worker killed once, no start cut short ------------------------
# Ctrl-C ended `serve` with a traceback (exit 1) about one time in seven: close() and the
# thread starting a replacement both closed one worker's pipe (EBADF), and a child whose
# start-up data the exiting server never sent printed "EOFError: Ran out of input".


class _FakeConn:
    def __init__(self, overlap: threading.Barrier | None = None) -> None:
        self.closes = 0
        self._overlap = overlap

    def close(self) -> None:
        self.closes += 1
        if self._overlap is not None:
            with contextlib.suppress(threading.BrokenBarrierError):
                self._overlap.wait(timeout=0.5)  # let a second closer arrive meanwhile


class _FakeProcess:
    def __init__(self, start_takes: float = 0.0) -> None:
        self.started = self.killed = False
        self._start_takes = start_takes

    def start(self) -> None:
        time.sleep(self._start_takes)
        self.started = True

    def kill(self) -> None:
        self.killed = True

    def join(self, timeout: float | None = None) -> None:
        pass


class _FakeContext:
    def __init__(self, start_takes: float) -> None:
        self.processes: list[_FakeProcess] = []
        self._start_takes = start_takes

    def Pipe(self) -> tuple[_FakeConn, _FakeConn]:
        return _FakeConn(), _FakeConn()

    def Process(self, **_: object) -> _FakeProcess:
        self.processes.append(_FakeProcess(self._start_takes))
        return self.processes[-1]


def test_a_worker_is_killed_and_its_pipe_closed_once_however_many_ask() -> None:
    from dipgraph.sparql.workers import QueryPool, Worker

    pool = QueryPool(SMALL, "https://dipgraph.example/")
    conn = _FakeConn(threading.Barrier(2))
    worker = Worker(_FakeProcess(), conn)
    pool._live.add(worker)
    killers = [threading.Thread(target=pool._kill, args=(worker,)) for _ in range(2)]
    for killer in killers:
        killer.start()
    for killer in killers:
        killer.join()
    assert conn.closes == 1 and worker.process.killed


def test_close_waits_for_a_worker_being_started_and_kills_it() -> None:
    from dipgraph.sparql.workers import QueryPool

    pool = QueryPool(SMALL, "https://dipgraph.example/")
    pool._context = _FakeContext(start_takes=0.3)
    starter = threading.Thread(target=pool._spawn)
    starter.start()
    time.sleep(0.1)  # the start is under way
    pool.close()
    (process,) = pool._context.processes
    assert process.started and process.killed  # not left half started, nor left running
    starter.join()
    assert pool._spawn() is None and len(pool._context.processes) == 1  # none after close


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


@pytest.mark.parametrize("name", ["x\x1b[31m", "host\u202e", "a,b", "ex%41mple"])
def test_allow_host_takes_host_names_only(name: str) -> None:
    from dipgraph.sparql.hosts import option_problem

    assert option_problem((name,), ()) is not None
    assert option_problem(("my_host.lan", "xn--bcher-kva.de", "[::1]", "10.0.0.2"), ()) is None


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
