"""Uploading the graph to any SPARQL server with the SPARQL 1.1 Graph Store HTTP Protocol.

Each named graph (one a source, plus ``graph/entities``) is sent with
``PUT {endpoint}?graph={iri}`` as N-Triples, which replaces that graph on the
server: pushing twice leaves the same data, and graphs of other tools are left alone.
Graphs are replaced one by one, not atomically: a push that fails midway leaves the
graphs sent so far replaced and the others as they were (push again to finish).

The whole push has one deadline: a server that answers byte by byte cannot hold it
longer (a per-read socket timeout would restart with every byte). Credentials may
come in the URL (``http://user:pass@host/store``) or as arguments; they are sent as
HTTP basic auth and never printed: every message shows the URL without them, and
what a server sends back (an error body, a status line) is shown with the credential
taken out, in every form a server may echo it (see :func:`hider`).
"""

from __future__ import annotations

import base64
import contextlib
import html
import http.client
import json
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, quote, quote_plus, unquote, urlsplit, urlunsplit

from dipgraph.errors import ServiceError
from dipgraph.graph.sparql.messages import clip
from dipgraph.sparql.hosts import is_loopback

if TYPE_CHECKING:
    from dipgraph.graph.knowledge import KnowledgeGraph

ERROR_BODY_LIMIT = 300  # characters of a server's error message shown
READ_LIMIT = 64 * 1024  # bytes of an answer read at most
HIDDEN = "[credential hidden]"


class PushError(ServiceError):
    """The server refused, could not be reached, or answered nonsense; says which graph."""


@dataclass(frozen=True, slots=True)
class Pushed:
    graph: str
    triples: int
    status: int


@dataclass(frozen=True, slots=True)
class Endpoint:
    """A Graph Store endpoint with its credentials taken out of the URL."""

    scheme: str
    host: str
    port: int | None
    target: str  # path and query
    shown: str  # the URL without credentials: what messages print
    user: str | None
    password: str | None

    @classmethod
    def parse(cls, url: str) -> Endpoint:
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            raise PushError(f"'{redact(url)}' is not a valid URL") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise PushError(f"'{redact(url)}' is not an http(s) URL")
        if any(char <= " " or char == "\x7f" for char in url):
            raise PushError(f"'{redact(url)}' is not a valid URL: a space or control character")
        if {"graph", "default"} & parse_qs(parts.query, keep_blank_values=True).keys():
            # push adds ?graph= itself: a second one names the graph every PUT replaces
            raise PushError(f"'{redact(url)}' names a graph already: give the endpoint alone")
        netloc = parts.netloc.rpartition("@")[2]
        shown = redact(urlunsplit((parts.scheme, netloc, parts.path, parts.query, "")))
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        user = unquote(parts.username) if parts.username is not None else None
        password = unquote(parts.password) if parts.password is not None else None
        return cls(parts.scheme, parts.hostname, port, target, shown, user, password)


def redact(url: str) -> str:
    """The URL for messages, with whatever may be a user or password left out.

    Everything up to the last ``@`` goes: a password typed unescaped may hold ``/``,
    ``?`` or ``#`` (``http://bob:se/cret@host/``), and a URL typed without its scheme
    (``bob:secret@host/store``) has no authority to find. An ``@`` past the host is
    shown as ``…@``, so that the message says something was left out.

    >>> redact("http://bob:se/cret@db.example/store")
    'http://…@db.example/store'
    >>> redact("bob:secret@db.example/store"), redact("https://bob:pw@db.example/a")
    ('…@db.example/store', 'https://db.example/a')
    """
    scheme, sep, rest = url.partition("://")
    if not sep:
        scheme, rest = "", url
    at = rest.rfind("@")
    if at >= 0:
        ends = [i for i in (rest.find(c) for c in "/?#") if i >= 0]
        in_authority = not sep or not ends or at < min(ends)
        rest = ("" if in_authority and sep else "…@") + rest[at + 1 :]
    return clip(f"{scheme}{sep}{rest}", 200)


def check_user(user: str | None) -> None:
    """PushError for a user name HTTP basic auth cannot carry: the server splits
    ``user:password`` at the first colon (RFC 7617), so a colon in the name would send
    a different user with part of the name as the password."""
    if user is not None and ":" in user:
        raise PushError(f"user name '{clip(user)}' has a ':', which HTTP basic auth cannot carry")


def hider(user: str, password: str) -> Callable[[str], str]:
    """A function that takes the credential out of a text a server sent (an error body
    may echo the request's headers, or the password it refused): the password as sent,
    URL-, form-, JSON- or HTML-escaped, or as UTF-8 read as Latin-1; the basic-auth token,
    with or without its padding, and the ``user:password`` it decodes to; in any case.

    >>> hide = hider("bob", "pa ss")
    >>> hide("Authorization: Basic Ym9iOnBhIHNz; password=pa+ss; PA%20SS")
    'Authorization: Basic [credential hidden]; password=[credential hidden]; [credential hidden]'
    """
    token = basic_token(user, password)
    forms = {token, token.rstrip("=")}
    if password:
        forms |= {
            password,
            quote(password, safe=""),
            quote(password),
            quote_plus(password),
            json.dumps(password)[1:-1],
            json.dumps(password, ensure_ascii=False)[1:-1],
            html.escape(password),
            password.encode().decode("latin-1"),
        }
    pattern = re.compile(
        "|".join(map(re.escape, sorted(forms, key=len, reverse=True))), re.IGNORECASE
    )
    return lambda text: pattern.sub(HIDDEN, text)


def basic_token(user: str, password: str) -> str:
    """What HTTP basic auth sends for ``user`` and ``password`` (RFC 7617)."""
    return base64.b64encode(f"{user}:{password}".encode()).decode()


def plain_http_warning(url: str, user: str | None) -> str | None:
    """A warning when a password would cross the network unencrypted, else None."""
    endpoint = Endpoint.parse(url)
    if (user or endpoint.user) is None or endpoint.scheme == "https":
        return None
    if is_loopback(endpoint.host):
        return None
    return (
        f"the password goes to {endpoint.host} over plain http: anyone on the network "
        "path can read it; use an https URL"
    )


def password_in_url_warning(url: str) -> str | None:
    """A warning when the URL itself holds a password: a command line is not private."""
    if Endpoint.parse(url).password is None:
        return None
    return (
        "the password in the URL can be read by other users of this machine while push "
        "runs (ps, /proc) and stays in your shell history; use --user with "
        "DIPGRAPH_PUSH_PASSWORD instead"
    )


def push(
    kg: KnowledgeGraph,
    endpoint: str,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 300.0,
) -> list[Pushed]:
    """PUT every named graph to a Graph Store Protocol endpoint within ``timeout``
    seconds in all; returns what was sent. ``user``/``password`` override any in the URL."""
    import pyoxigraph as ox

    target = Endpoint.parse(endpoint)
    user = user if user is not None else target.user
    check_user(user)
    if user is not None:
        password = password if password is not None else target.password
        if password is None:
            raise PushError(f"no password for user '{clip(user)}'")
    headers = {"Content-Type": "application/n-triples"}
    hide: Callable[[str], str] = str
    if user is not None:
        headers["Authorization"] = f"Basic {basic_token(user, password or '')}"
        hide = hider(user, password or "")
    deadline = time.monotonic() + timeout
    separator = "&" if "?" in target.target else "?"
    sent = []
    for graph in sorted(kg.store.named_graphs(), key=lambda g: g.value):
        triples = [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in kg.store.quads_for_pattern(None, None, None, graph)
        ]
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        assert body is not None  # no output file given: the bytes
        path = f"{target.target}{separator}graph={quote(graph.value, safe='')}"
        status = _put(target, path, body, headers, deadline, timeout, graph.value, hide)
        sent.append(Pushed(graph.value, len(triples), status))
    return sent


def _put(
    target: Endpoint,
    path: str,
    body: bytes,
    headers: dict[str, str],
    deadline: float,
    timeout: float,
    graph: str,
    hide: Callable[[str], str] = str,
) -> int:
    """One PUT, cut off at ``deadline`` whatever the server does; returns the status.
    ``hide`` takes the credential out of what the server sent, before it is cut short
    for a message (a cut could leave the start of a password)."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise PushError(f"push to {target.shown} did not finish within {timeout:g} s")
    kind = http.client.HTTPSConnection if target.scheme == "https" else http.client.HTTPConnection
    connection = kind(target.host, target.port, timeout=remaining)
    cut = threading.Event()
    watchdog = threading.Timer(remaining, _cut, (connection, cut))
    watchdog.daemon = True
    watchdog.start()
    late = PushError(
        f"{target.shown} gave no complete answer for graph {graph} within the "
        f"{timeout:g} s allowed (--timeout)"
    )
    try:
        connection.request("PUT", path, body=body, headers=headers)
        response = connection.getresponse()
        answer = response.read(READ_LIMIT)
        if response.length and len(answer) < READ_LIMIT:  # read(n) does not check this
            raise http.client.IncompleteRead(answer, response.length)
        status = response.status
    except (http.client.HTTPException, OSError) as error:
        if cut.is_set():
            raise late from None
        if isinstance(error, http.client.HTTPException):
            raise PushError(
                f"{target.shown} sent a malformed answer for graph {graph}: "
                f"{type(error).__name__} {clip(hide(str(error)), 100)}"
            ) from None
        raise PushError(f"cannot reach {target.shown}: {clip(hide(str(error)), 200)}") from None
    finally:
        watchdog.cancel()
        connection.close()
    if cut.is_set():  # what was read before the cut may parse, but is not the answer
        raise late
    if not 200 <= status < 300:
        detail = clip(hide(answer.decode("utf-8", errors="replace").strip()), ERROR_BODY_LIMIT)
        note = " (redirects are not followed)" if 300 <= status < 400 else ""
        raise PushError(f"{target.shown} refused graph {graph}: HTTP {status}{note} {detail}")
    return status


def _cut(connection: http.client.HTTPConnection, cut: threading.Event) -> None:
    """The deadline passed: wake the blocked read by shutting the socket."""
    cut.set()
    sock = connection.sock
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
