"""`dipgraph push` against slow, broken and hostile servers, and what it never prints.

Each server here is a raw socket on 127.0.0.1 that answers exactly what the test says.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator

import pytest

import dipgraph
from conftest import SMALL, run_cli
from dipgraph.sparql.push import PushError, plain_http_warning, redact
from dipgraph.sparql.push import push as push_facts

Behaviour = Callable[[socket.socket, bytes], None]


class RawServer:
    """Accepts connections; reads one request; then runs ``behaviour(conn, request)``."""

    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.requests: list[bytes] = []
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/store"
        self.stopped = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        self.sock.settimeout(0.2)
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(10)
            data = b""
            try:
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    data += chunk
                head, _, body = data.partition(b"\r\n\r\n")
                length = next(
                    (
                        int(line.split(b":")[1])
                        for line in head.split(b"\r\n")
                        if line.lower().startswith(b"content-length")
                    ),
                    0,
                )
                while len(body) < length:
                    body += conn.recv(65536)
                self.requests.append(head)
                self.behaviour(conn, head)
            except OSError:
                pass

    def close(self) -> None:
        self.stopped.set()
        self.sock.close()


@pytest.fixture
def serve_raw() -> Iterator[Callable[[Behaviour], RawServer]]:
    servers: list[RawServer] = []

    def start(behaviour: Behaviour) -> RawServer:
        servers.append(RawServer(behaviour))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def reply(raw: bytes) -> Behaviour:
    return lambda conn, _: conn.sendall(raw)


def accepted(conn: socket.socket, _: bytes) -> None:
    conn.sendall(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n")


def push(*args: str, env: dict[str, str] | None = None):
    saved = dict(os.environ)
    os.environ.pop("DIPGRAPH_PUSH_PASSWORD", None)
    os.environ.update(env or {})
    try:
        return run_cli("push", *args, "--facts", SMALL)
    finally:
        os.environ.clear()
        os.environ.update(saved)


@pytest.mark.slow
def test_a_server_dripping_headers_cannot_hold_push_past_its_timeout(serve_raw) -> None:
    def drip(conn: socket.socket, _: bytes) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\n")
        for _ in range(200):  # one header byte every 0.2 s: 40 s in all
            conn.sendall(b"X")
            time.sleep(0.2)

    server = serve_raw(drip)
    started = time.monotonic()
    result = push(server.url, "--timeout", "2")
    elapsed = time.monotonic() - started
    assert result.code == 1 and "within the 2 s allowed" in result.err, result.err
    assert "Traceback" not in result.err
    assert elapsed < 30, elapsed  # it would hang for ever; python start and load included


@pytest.mark.slow
@pytest.mark.parametrize(
    "answer",
    [
        b"this is not HTTP\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 100_000 + b"\r\n\r\n",
        b"HTTP/1.1 abc Fine\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nshort",
        b"",
    ],
    ids=["garbage", "long-header", "bad-status", "short-body", "closed"],
)
def test_malformed_answers_are_clear_errors(serve_raw, answer: bytes) -> None:
    server = serve_raw(reply(answer))
    result = push(server.url, "--timeout", "20")
    assert result.code == 1, result.out
    assert "Traceback" not in result.err and result.err.startswith("error: ")
    assert len(result.err) < 600


@pytest.mark.slow
def test_a_password_in_the_url_is_used_and_never_printed(serve_raw) -> None:
    server = serve_raw(accepted)
    url = server.url.replace("http://", "http://alice:s3cr%3At@")
    result = push(url)
    assert result.code == 0, result.err
    assert "s3cr" not in result.out + result.err and server.url in result.out
    token = base64.b64encode(b"alice:s3cr:t").decode()
    assert all(f"Authorization: Basic {token}".encode() in r for r in server.requests)
    refused = serve_raw(reply(b"HTTP/1.1 401 Unauthorized\r\nContent-Length: 6\r\n\r\nno way"))
    result = push(refused.url.replace("http://", "http://alice:s3cret@"))
    assert result.code == 1 and "401" in result.err and "s3cret" not in result.err
    closed = push("http://alice:s3cret@127.0.0.1:9/store")
    assert closed.code == 1 and "s3cret" not in closed.err
    assert "s3cret" not in push("ftp://alice:s3cret@host/store").err


def test_basic_auth_over_plain_http_is_warned_about() -> None:
    assert "plain http" in plain_http_warning("http://db.example/store", "bob")
    assert "plain http" in plain_http_warning("http://bob:pw@db.example/store", None)
    assert plain_http_warning("https://db.example/store", "bob") is None
    assert plain_http_warning("http://db.example/store", None) is None  # nothing to leak
    assert plain_http_warning("http://127.0.0.1:7878/store", "bob") is None  # never leaves
    assert redact("http://u:p@h:1/s?x=1") == "http://h:1/s?x=1"


@pytest.mark.slow
def test_an_unset_password_variable_is_an_error(serve_raw) -> None:
    server = serve_raw(accepted)
    result = push(server.url, "--user", "bob")
    assert result.code == 1 and "DIPGRAPH_PUSH_PASSWORD" in result.err
    result = push(server.url, "--user", "bob", "--password-env", "MY_SECRET")
    assert result.code == 1 and "MY_SECRET" in result.err
    assert server.requests == []  # nothing was sent without the password
    assert push(server.url, "--password-env", "MY_SECRET").code == 1  # without --user
    result = push(
        server.url, "--user", "bob", "--password-env", "MY_SECRET", env={"MY_SECRET": "pw"}
    )
    assert result.code == 0, result.err
    token = base64.b64encode(b"bob:pw").decode()
    assert f"Authorization: Basic {token}".encode() in server.requests[0]


def test_a_server_error_body_is_escaped_and_cut(serve_raw) -> None:
    body = b"\x1b[2J\x1b]0;owned\x07" + b"A" * 10_000 + b"\x00\x9b"
    head = f"HTTP/1.1 500 Oops\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    server = serve_raw(reply(head + body))
    result = push(server.url)
    assert result.code == 1 and "HTTP 500" in result.err
    assert "\x1b" not in result.err and "\x07" not in result.err and "\x00" not in result.err
    assert "\\x1b[2J" in result.err and len(result.err) < 600


def test_redirects_are_not_followed(serve_raw) -> None:
    """A redirect could carry the Authorization header to another host."""
    target = serve_raw(accepted)
    moved = f"HTTP/1.1 307 Moved\r\nLocation: {target.url}\r\nContent-Length: 0\r\n\r\n"
    server = serve_raw(reply(moved.encode()))
    result = push(server.url, "--user", "bob", env={"DIPGRAPH_PUSH_PASSWORD": "pw"})
    assert result.code == 1 and "redirects are not followed" in result.err
    assert target.requests == []


# -- a server that echoes the credential back (issue #26, item 8) -------------------------

SECRET = 's3cr"t p\\w/é'  # a quote, a space, a backslash, a slash and a non-ASCII letter


def _echoes(form: Callable[[bytes], bytes], status: bytes = b"401 Unauthorized") -> Behaviour:
    """Answers with ``form(request head)`` in the error body (or the status line)."""

    def behaviour(conn: socket.socket, head: bytes) -> None:
        body = b"denied: " + form(head) + b" (check your credentials)"
        conn.sendall(b"HTTP/1.1 " + status + b"\r\nContent-Length: %d\r\n\r\n" % len(body) + body)

    return behaviour


def _header(head: bytes) -> bytes:
    return next(line for line in head.split(b"\r\n") if line.lower().startswith(b"authorization"))


ECHOES = {
    "header": _header,
    "token": lambda head: _header(head).split()[-1],
    "token-unpadded": lambda head: _header(head).split()[-1].rstrip(b"="),
    "decoded": lambda head: base64.b64decode(_header(head).split()[-1]),
    "json": lambda head: json.dumps({"password": SECRET}).encode(),
    "percent-encoded": lambda head: urllib.parse.quote(SECRET, safe="").encode(),
    "form-encoded": lambda head: urllib.parse.quote_plus(SECRET).encode(),
    "upper-cased": lambda head: SECRET.upper().encode(),
    "padded-to-the-cut": lambda head: b"x" * 288 + SECRET.encode(),
}


@pytest.mark.slow
@pytest.mark.parametrize("form", ECHOES.values(), ids=ECHOES.keys())
def test_a_credential_the_server_echoes_is_never_printed(serve_raw, form) -> None:
    server = serve_raw(_echoes(form))
    result = push(server.url, "--user", "alice", env={"DIPGRAPH_PUSH_PASSWORD": SECRET})
    assert result.code == 1 and "HTTP 401" in result.err, result.err
    shown = result.out + result.err
    token = base64.b64encode(f"alice:{SECRET}".encode()).decode()
    for leak in ("s3cr", token[:12], token[-12:].rstrip("="), "S3CR", "s3cr%22"):
        assert leak not in shown, shown


def test_a_credential_in_a_bad_status_line_is_never_printed(serve_raw) -> None:
    server = serve_raw(_echoes(lambda head: b"", status=b"abc " + SECRET.encode()))
    url = server.url.replace("http://", "http://alice:" + urllib.parse.quote(SECRET, safe="") + "@")
    result = push(url)
    assert result.code == 1 and "malformed" in result.err, result.err
    assert "s3cr" not in result.out + result.err


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


@pytest.mark.slow
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


def test_a_user_name_with_a_colon_is_refused_before_anything_is_sent(cli, monkeypatch) -> None:
    """HTTP basic auth splits user:password at the first colon (RFC 7617)."""
    monkeypatch.setenv("DIPGRAPH_PUSH_PASSWORD", "secret")
    done = cli("push", "http://127.0.0.1:9/store", "--user", "ann:admin", "--facts", SMALL)
    assert done.code == 1 and "Traceback" not in done.err
    assert "has a ':'" in done.err and "secret" not in done.err
    with pytest.raises(PushError, match="has a ':'"):
        push_facts(
            dipgraph.load(SMALL), "http://ann:admin@127.0.0.1:9/store", user="a:b", password="x"
        )
