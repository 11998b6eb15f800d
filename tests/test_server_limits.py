"""`dipgraph serve` at its limits (issue #26): stopped at any moment, clients that never
read, answers larger than the memory a query may use. Each test runs a real server on
127.0.0.1, bounded in time and in the requests it sends."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from test_server import free_port, http, wait_for
from test_server_safety import _workers

from conftest import CACHE_DIR, SMALL

HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


# -- stopping at any moment (item 12) ------------------------------------------------------
# SIGTERM (what systemd and container runtimes send) killed `serve` outright while its
# workers started, and a worker printed a traceback (BrokenPipeError, EOFError); a Ctrl-C
# reaches every process of the terminal's group, and a worker still starting printed one
# too (KeyboardInterrupt), or the server said it was "retrying".


def _start(port: int, *options: str) -> subprocess.Popen:
    env = {**os.environ, "DIPGRAPH_CACHE_DIR": str(CACHE_DIR)}
    command = [sys.executable, "-m", "dipgraph", "serve", "--facts", str(SMALL)]
    return subprocess.Popen(
        [*command, "--port", str(port), "--workers", "2", *(options or ("--timeout", "1"))],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # a group of its own, as a terminal or a service gives it
    )


def _stop(process: subprocess.Popen, signal_number: int, group: bool) -> None:
    """Send the signal, and check that the server stopped at once, cleanly and quietly."""
    try:
        if group:
            os.killpg(process.pid, signal_number)
        else:
            process.send_signal(signal_number)
        _, said = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    said = said.decode()
    assert process.returncode == 0, (process.returncode, said)
    lines = [line for line in said.splitlines() if not line.startswith(("serving", "note:"))]
    assert lines == [], said


@pytest.mark.parametrize(
    ("signal_number", "group", "after"),
    [
        (signal.SIGTERM, False, 0.0),
        (signal.SIGTERM, False, 0.5),
        (signal.SIGTERM, True, 0.2),
        (signal.SIGINT, True, 0.0),
        (signal.SIGINT, True, 0.5),
    ],
)
def test_a_stop_while_the_workers_start_is_clean(signal_number, group, after) -> None:
    """``after`` seconds once the first worker process exists (it takes a second or
    more to come up)."""
    process = _start(free_port())
    deadline = time.monotonic() + 60
    while not _workers(process.pid):
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    time.sleep(after)
    _stop(process, signal_number, group)


@pytest.mark.parametrize(
    ("signal_number", "group"),
    [(signal.SIGINT, True), (signal.SIGTERM, False), (signal.SIGTERM, True)],
)
def test_a_stop_while_a_worker_is_replaced_is_clean(signal_number: int, group: bool) -> None:
    """A query times out: its worker is killed and another one starts, then the stop."""
    port = free_port()
    process = _start(port)
    base = f"http://127.0.0.1:{port}"
    wait_for(base + "/", process=process)
    assert http(f"{base}/sparql?query=" + urllib.parse.quote(HEAVY))[0] == 503
    time.sleep(0.2)
    _stop(process, signal_number, group)


# -- clients that ask and never read (item 5) ----------------------------------------------
# Eight sockets that each sent two requests at once (pipelining) for a large answer, and
# read nothing, held every one of waitress's threads: a thread waits there until the
# first answer drains before it takes the second request, and waitress applies no idle
# timeout to a connection with requests. An `ASK {}` then got no answer in 90 s, and the
# answers stayed in deleted temporary files until the sockets closed.

BIG = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 100000"  # 43 MiB of JSON


def _pipelined(port: int, query: str, count: int) -> socket.socket:
    """A connection that sends ``count`` requests at once, then reads nothing."""
    target = "/sparql?query=" + urllib.parse.quote(query)
    request = f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(request * count)
    return sock


def test_clients_that_pipeline_and_never_read_do_not_freeze_the_server() -> None:
    port = free_port()
    process = _start(port, "--timeout", "60")
    sockets: list[socket.socket] = []
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/", process=process)
        sockets = [_pipelined(port, BIG, 2) for _ in range(8)]  # as many as its threads
        time.sleep(8)  # (their first answers made, two workers for eight)
        status, _, body = http(f"{base}/sparql?query=" + urllib.parse.quote("ASK {}"))
        assert status == 200 and "true" in body  # (it timed out: no thread took it)
    finally:
        for sock in sockets:
            sock.close()
        process.kill()
        process.wait()


def _deleted_files() -> list[str]:
    """The files this process holds open that no longer have a name (temporary files)."""
    found = []
    for fd in Path("/proc/self/fd").iterdir():
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.endswith(" (deleted)"):
                found.append(target)
    return found


def test_a_connection_that_reads_nothing_is_closed_and_its_answers_freed() -> None:
    """With an idle timeout of 2 s: each connection is closed by the server, and the
    files that held its answers are gone (the server runs in this process: its open
    files are ours)."""
    import dipgraph
    from dipgraph.sparql.server import make_server

    before = len(_deleted_files())
    server = make_server(dipgraph.load(SMALL), SMALL, port=0, workers=1, idle_timeout=2)
    threading.Thread(target=server.run, daemon=True).start()
    port = server.server_address[1]
    sockets = []
    try:
        sockets = [_pipelined(port, BIG, 3) for _ in range(3)]
        deadline = time.monotonic() + 60
        while len(_deleted_files()) == before:  # until an answer waits in a file
            assert time.monotonic() < deadline, "no answer was made"
            time.sleep(0.1)
        for sock in sockets:  # what the server sent, then the end: it closed them
            sock.settimeout(max(deadline - time.monotonic(), 0.1))
            with contextlib.suppress(ConnectionResetError):
                while sock.recv(1 << 20):
                    pass
        while len(_deleted_files()) > before:
            assert time.monotonic() < deadline, _deleted_files()
            time.sleep(0.1)
    finally:
        for sock in sockets:
            sock.close()
        server.close()


def test_answers_left_unread_past_the_budget_refuse_new_queries() -> None:
    """With --max-query-memory 50 and one worker, the answers waiting to be read may
    take 50 MiB in all: two connections that leave a 43 MiB answer each unread make a
    third client's query wait for them (503), until they are closed."""
    import dipgraph
    from dipgraph.sparql.server import make_server

    server = make_server(dipgraph.load(SMALL), SMALL, port=0, workers=1, max_query_memory=50 << 20)
    threading.Thread(target=server.run, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    ask = f"{base}/sparql?query=" + urllib.parse.quote("ASK {}")
    channels = server._server.active_channels

    def waiting() -> int:  # bytes of answers unread, as the server counts them
        return sum(channel.total_outbufs_len for channel in list(channels.values()))

    sockets = []
    try:
        deadline = time.monotonic() + 60
        for count in (1, 2):
            sockets.append(_pipelined(server.server_address[1], BIG, 1))
            while waiting() < count * (25 << 20):  # (its answer made: what the socket
                assert time.monotonic() < deadline  # buffers did not take waits)
                time.sleep(0.1)
        status, _, body = http(ask)
        assert status == 503 and "not yet read" in body, body
        for sock in sockets:
            sock.close()
        deadline = time.monotonic() + 30
        while (status := http(ask)[0]) != 200 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert status == 200
    finally:
        for sock in sockets:
            sock.close()
        server.close()


# -- the answers the server holds (item 9) -----------------------------------------------
# The server received each answer whole from its worker (one copy) and gave it to
# waitress, which copied it again before spooling it to a file: two 377 MB answers made
# it 1,472 MiB, and --max-query-memory bounded only the worker.

ALL = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"  # 104 MiB of JSON


def _peak_resident(pid: int) -> int:
    """The most memory ``pid`` has held, in bytes (Linux's VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) << 10
    raise AssertionError("no VmHWM")


def test_the_server_does_not_hold_the_answers_it_sends() -> None:
    port = free_port()
    process = _start(port, "--timeout", "60")
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/", process=process)
        assert http(f"{base}/sparql?query=" + urllib.parse.quote("ASK {}"))[0] == 200
        baseline = _peak_resident(process.pid)
        sizes: list[int] = []

        def fetch() -> None:
            with urllib.request.urlopen(
                f"{base}/sparql?query=" + urllib.parse.quote(ALL), timeout=120
            ) as answer:
                sizes.append(len(answer.read()))

        clients = [threading.Thread(target=fetch) for _ in range(2)]
        for client in clients:
            client.start()
        for client in clients:
            client.join(150)
        assert len(sizes) == 2 and min(sizes) > 100 << 20, sizes
        grown = _peak_resident(process.pid) - baseline
        assert grown < 48 << 20, f"the server grew by {grown >> 20} MiB for two answers"
    finally:
        process.kill()
        process.wait()


def test_an_answer_larger_than_the_query_memory_is_refused() -> None:
    port = free_port()
    process = _start(port, "--timeout", "60", "--max-query-memory", "30")
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/", process=process)
        status, _, body = http(f"{base}/sparql?query=" + urllib.parse.quote(ALL))
        assert status == 503 and "answer" in body and "30 MiB" in body, body
        assert http(f"{base}/sparql?query=" + urllib.parse.quote("ASK {}"))[0] == 200
    finally:
        process.kill()
        process.wait()
