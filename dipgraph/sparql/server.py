"""A read-only SPARQL 1.1 Protocol endpoint, plus the HTML graph, on loopback by default.

``GET /sparql?query=…`` and ``POST /sparql`` (``application/sparql-query`` or a
form with ``query=``) answer in the format the ``Accept`` header asks for
(SPARQL results JSON by default; CSV, TSV, XML; Turtle or N-Triples for
CONSTRUCT). Updates and SERVICE are refused with 403. ``GET /`` serves the graph.

HTTP is waitress's (HTTP/1.1, keep-alive, request parsing and limits: a bad or
negative Content-Length is a 400, a body over 1 MiB a 413). Queries run in worker
processes (:mod:`dipgraph.sparql.workers`): one past the timeout is killed, so it
stops using the CPU and frees its slot at once.

A client that does not read costs no thread and no memory (see :class:`_Channel`): an
answer is sent from the file it came in (or the bytes held once), never copied into
waitress's buffers; the next of several requests sent at once (pipelining) waits,
without a thread, until the client has read most of the answers before it; and a
connection that has let its answers wait ``IDLE_TIMEOUT`` seconds without reading
any of them is closed, which frees them. All the answers waiting to be read take at
most the workers' query memory together (``serve --max-query-memory`` each); a query
past that is refused until clients read.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO
from urllib.parse import parse_qs

from waitress.channel import HTTPChannel

from dipgraph.errors import InputError
from dipgraph.graph.sparql.messages import clip
from dipgraph.sparql.answer import error_reply
from dipgraph.sparql.hosts import HostPolicy, is_loopback
from dipgraph.sparql.workers import PoolError, QueryPool

if TYPE_CHECKING:
    from dipgraph.graph.knowledge import KnowledgeGraph

__all__ = ["SparqlApp", "is_loopback", "make_server"]

MAX_BODY = 1024 * 1024
IDLE_TIMEOUT = 30
BACKLOG = 1024
CONNECTION_LIMIT = 1000
QUEUE_WAIT = 30.0  # seconds a query may wait for a free worker
METHODS = "GET, HEAD, POST, OPTIONS"
Headers = list[tuple[str, str]]
Body = bytes | BinaryIO  # an answer in a file is sent from the file
_log = logging.getLogger("dipgraph.server")  # shown by `serve` as "dipgraph serve: ..."
_access = logging.getLogger("dipgraph.access")  # --verbose: one line a request


class SparqlApp:
    """The WSGI application: host and origin checks, routing, queries via the pool."""

    def __init__(
        self,
        page: Callable[[], bytes],
        pool: QueryPool,
        policy: HostPolicy,
        timeout: float,
        verbose: bool = False,
        waiting: Callable[[], int] = lambda: 0,
        max_waiting: int = 0,
    ) -> None:
        self.page = page
        self.pool = pool
        self.policy = policy
        self.timeout = timeout
        self.verbose = verbose
        self.waiting = waiting  # bytes of answers not yet read by their clients
        self.max_waiting = max_waiting  # past that, queries are refused (0: never)

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> Iterable[bytes]:
        try:
            status, headers, body = self.respond(environ)
        except Exception as error:  # never a traceback: one line, and a 500
            _log.error("internal error: %s", clip(repr(error)))
            status, headers, body = _json(500, "internal error")
        if isinstance(body, bytes):
            size, body = len(body), io.BytesIO(body)  # (the bytes shared, not copied)
        else:
            size = os.fstat(body.fileno()).st_size
        origin = self.policy.cors_origin(environ.get("HTTP_ORIGIN"))
        if origin is not None:
            headers += [("Access-Control-Allow-Origin", origin), ("Vary", "Origin")]
        headers += [("Content-Length", str(size)), ("X-Content-Type-Options", "nosniff")]
        if self.verbose:
            path = clip(_path_text(environ), 200)
            _access.info("%s %s %s", environ["REQUEST_METHOD"], path, status)
        try:
            start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        except BaseException:
            body.close()
            raise
        if environ["REQUEST_METHOD"] == "HEAD" or not size:
            body.close()
            return [b""]
        # The server sends from the file as the client reads, and closes it then (or with
        # the connection): the answer is never copied into its buffers.
        wrapper = environ.get("wsgi.file_wrapper")
        return wrapper(body) if wrapper is not None else _chunks(body)

    def respond(self, environ: dict[str, Any]) -> tuple[int, Headers, Body]:
        method = environ["REQUEST_METHOD"]
        host = environ.get("HTTP_HOST")
        if not self.policy.allows_host(host):
            return _json(
                403,
                f"this server does not answer for host {clip(host or '')!r} "
                "(serve --allow-host NAME adds a name)",
            )
        origin = environ.get("HTTP_ORIGIN")
        if origin and not self.policy.origin_allowed(origin, host or ""):
            return _json(403, f"origin {clip(origin)!r} is not allowed (see serve --cors)")
        path = environ.get("PATH_INFO", "")
        if path == "/sparql" and not origin and _cross_site_subresource(environ):
            # <img src=…/sparql?query=…> on any page sends no Origin: it could not read
            # the answer, but it would keep the workers busy (browsers say Sec-Fetch-Site).
            return _json(403, "a query from another site's page is refused (see serve --cors)")
        if method == "OPTIONS":
            return self._options(environ)
        if path in ("/", "/index.html"):
            if method not in ("GET", "HEAD"):
                return _not_allowed("GET, HEAD, OPTIONS")
            return 200, [("Content-Type", "text/html; charset=utf-8")], self.page()
        if path != "/sparql":
            return _json(404, f"no such path: {clip(_path_text(environ), 200)}")
        if method in ("GET", "HEAD"):
            return self._params(parse_qs(environ.get("QUERY_STRING", "")), environ)
        if method == "POST":
            return self._post(environ)
        return _not_allowed(METHODS)

    def _options(self, environ: dict[str, Any]) -> tuple[int, Headers, bytes]:
        headers = [("Allow", METHODS)]
        if self.policy.cors_origin(environ.get("HTTP_ORIGIN")) is not None:
            headers += [
                ("Access-Control-Allow-Methods", METHODS),
                ("Access-Control-Allow-Headers", "Content-Type, Accept"),
                ("Access-Control-Max-Age", "600"),
            ]
        return 204, headers, b""

    def _post(self, environ: dict[str, Any]) -> tuple[int, Headers, Body]:
        length = int(environ.get("CONTENT_LENGTH") or 0)  # waitress checked it
        body = environ["wsgi.input"].read(length).decode("utf-8", errors="replace")
        kind = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
        if kind == "application/sparql-update":
            return _json(403, "this endpoint is read-only")
        if kind == "application/sparql-query":
            if _names_a_dataset(parse_qs(environ.get("QUERY_STRING", ""))):
                return _json(400, _NO_DATASET)
            return self._query(body, environ)
        if kind == "application/x-www-form-urlencoded":
            return self._params(parse_qs(body), environ)
        return _json(415, f"unsupported content type {clip(kind)!r}")

    def _params(
        self, params: dict[str, list[str]], environ: dict[str, Any]
    ) -> tuple[int, Headers, Body]:
        """A query given as URL or form parameters (the protocol's two encodings)."""
        if "update" in params:
            return _json(403, "this endpoint is read-only")
        if "query" not in params:
            return _json(400, "missing query parameter")
        if _names_a_dataset(params):
            return _json(400, _NO_DATASET)
        return self._query(params["query"][0], environ)

    def _query(self, text: str, environ: dict[str, Any]) -> tuple[int, Headers, Body]:
        accept = environ.get("HTTP_ACCEPT", "")  # none: the default format
        if self.max_waiting and self.waiting() > self.max_waiting:
            return _json(
                503,
                f"answers not yet read by their clients take more than "
                f"{self.max_waiting >> 20} MiB; try again later",
            )
        body: Body
        try:
            status, body, media = self.pool.run(text, accept, self.timeout, QUEUE_WAIT)
        except PoolError as error:
            status, body, media = error_reply(error.status, str(error))
        return status, [("Content-Type", f"{media}; charset=utf-8"), ("Vary", "Accept")], body


_NO_DATASET = (
    "default-graph-uri and named-graph-uri are not supported: the default graph is the "
    "union of every graph; name a graph in the query instead (GRAPH <iri> { ... })"
)


def _names_a_dataset(params: dict[str, list[str]]) -> bool:
    """Whether a request names its own dataset, which this server would not honour (an
    answer over the union, silently, would not be the answer asked for)."""
    return "default-graph-uri" in params or "named-graph-uri" in params


def _cross_site_subresource(environ: dict[str, Any]) -> bool:
    """A browser request another site's page made (not a link the user followed): a
    subresource, or a frame (``<iframe src=…/sparql?query=…>`` is a navigation too, but
    a page can hold a hundred of them, each a query)."""
    if environ.get("HTTP_SEC_FETCH_SITE") != "cross-site":
        return False
    top_level = environ.get("HTTP_SEC_FETCH_DEST", "document") == "document"
    return environ.get("HTTP_SEC_FETCH_MODE") != "navigate" or not top_level


def _path_text(environ: dict[str, Any]) -> str:
    """The request's path as the client wrote it: WSGI hands over its bytes as Latin-1
    characters (PEP 3333), so "/é" in UTF-8 came out as "/Ã©"."""
    path = environ.get("PATH_INFO", "")
    try:
        return path.encode("latin-1").decode("utf-8", errors="replace")
    except UnicodeEncodeError:  # not bytes-as-Latin-1 (a server other than waitress)
        return path


def _chunks(body: BinaryIO) -> Iterator[bytes]:
    """The body, read a piece at a time (for a WSGI server without a file wrapper)."""
    with body:
        while chunk := body.read(1 << 16):
            yield chunk


def _json(status: int, message: str) -> tuple[int, Headers, bytes]:
    status, body, media = error_reply(status, message)
    return status, [("Content-Type", f"{media}; charset=utf-8")], body


def _not_allowed(allow: str) -> tuple[int, Headers, bytes]:
    status, headers, body = _json(405, f"method not allowed here; use {allow}")
    return status, [*headers, ("Allow", allow)], body


class GraphPage:
    """The HTML graph, rendered on the first request and kept: once, however many ask.

    Rendering a large graph takes seconds and a lot of memory; requests arriving
    before it is done (two tabs, or a page elsewhere loading ``/`` many times over)
    wait for that one rendering instead of each starting their own.
    """

    def __init__(self, kg: KnowledgeGraph) -> None:
        self._kg = kg
        self._page: bytes | None = None
        self._lock = threading.Lock()

    def __call__(self) -> bytes:
        with self._lock:
            if self._page is None:
                from dipgraph.exports.html import render_html

                self._page = render_html(self._kg).encode("utf-8")
            return self._page


class _Channel(HTTPChannel):
    """waitress's connection, made so that a client that does not read holds no thread.

    waitress has a thread wait until a connection's unsent answers drop below its high
    watermark (16 MiB) before it takes the connection's next request, and applies no
    idle timeout to a connection with requests left: eight connections that pipelined
    requests for large answers, and read none, held every thread for as long as they
    stayed open. Here that wait never blocks a thread: a request waits, the thread goes
    back to the pool, and the event loop queues the request again once the client has
    read enough. A connection whose answers wait ``channel_timeout`` seconds without
    any byte read is shut down (a socket that cannot be written to is never polled for
    writing, so waitress's own timeout, which waits for a write, never closed it): its
    answers are freed.
    """

    waiting_for_client = False  # a request waits until the client reads its answers
    will_close: bool  # (waitress's)

    def _flush_outbufs_below_high_watermark(self) -> None:
        """Never wait for the client here (waitress did, holding a thread)."""

    def service(self) -> None:
        with self.outbuf_lock:
            if self.connected and self.total_outbufs_len > self.adj.outbuf_high_watermark:
                self.waiting_for_client = True  # handle_write queues it again
                return
        super().service()

    def handle_write(self) -> None:
        super().handle_write()
        with self.outbuf_lock:
            resume = (
                self.waiting_for_client
                and self.connected
                and self.total_outbufs_len <= self.adj.outbuf_high_watermark
            )
            if resume:
                self.waiting_for_client = False
        if resume:
            self.server.add_task(self)

    def writable(self) -> bool:
        stalled = time.time() - self.last_activity > self.adj.channel_timeout
        if self.total_outbufs_len and stalled and not self.will_close:
            self.will_close = True  # the loop closes it: shut down, the socket is ready
            with contextlib.suppress(OSError):
                self.socket.shutdown(socket.SHUT_RDWR)
        return super().writable()


class Server:
    """A started server: ``run()`` serves until Ctrl-C; ``close()`` stops the workers."""

    def __init__(self, waitress_server: Any, pool: QueryPool) -> None:
        self._server = waitress_server
        self.pool = pool
        self.server_address = (waitress_server.effective_host, int(waitress_server.effective_port))

    def run(self) -> None:
        self._server.run()

    def close(self) -> None:
        self.pool.close()
        self._server.close()


def make_server(
    kg: KnowledgeGraph,
    facts_dir: Path,
    host: str = "127.0.0.1",
    port: int = 7800,
    timeout: float = 30.0,
    workers: int = 2,
    max_query_memory: int = 1024 << 20,
    allow_hosts: tuple[str, ...] = (),
    cors: tuple[str, ...] = (),
    verbose: bool = False,
    idle_timeout: int = IDLE_TIMEOUT,
) -> Server:
    """A server ready to ``run()``; port 0 picks a free port. ``kg`` serves the page;
    the workers load ``facts_dir`` themselves; a query that grows its worker by more than
    ``max_query_memory`` bytes, or whose answer is larger, is stopped (0: no limit), and
    the answers waiting to be read may take that times ``workers``. A connection idle, or
    whose answers wait unread, for ``idle_timeout`` seconds is closed. Raises OSError when
    the port is taken, InputError when waitress cannot use the host, and PoolError when a
    worker cannot open the graph. Logs go to the loggers ``dipgraph.server`` (problems)
    and ``dipgraph.access`` (one line a request, ``verbose``), and waitress's: their
    handlers are the program's to set (the command line's: dipgraph.cli.server_logs)."""
    pool = QueryPool(facts_dir, kg.base, workers, max_query_memory)
    # Bind first (a taken port fails fast), then start the workers.
    policy = HostPolicy.for_bind(host, port)
    waiting = max_query_memory * workers  # answers unread, all together, at most
    app = SparqlApp(GraphPage(kg), pool, policy, timeout, verbose, max_waiting=waiting)
    try:
        waitress_server = _create(app, host, port, workers, idle_timeout)
    except ValueError as error:  # waitress: a host it cannot resolve or parse
        raise InputError(f"cannot listen on {host}:{port}: {error}") from None
    if not hasattr(waitress_server, "effective_port"):
        waitress_server.close()
        raise OSError(f"{host} names several addresses; give one (127.0.0.1 or ::1)")
    waitress_server.channel_class = _Channel
    channels = waitress_server.active_channels
    app.waiting = lambda: sum(c.total_outbufs_len for c in list(channels.values()))
    try:
        app.policy = HostPolicy.for_bind(
            host, int(waitress_server.effective_port), allow_hosts, cors
        )
        pool.start()
    except BaseException:
        pool.close()
        waitress_server.close()
        raise
    return Server(waitress_server, pool)


def _create(app: SparqlApp, host: str, port: int, workers: int, idle_timeout: int) -> Any:
    """waitress's server for ``app``, with dipgraph's limits."""
    from waitress.server import create_server

    return create_server(
        app,
        host="127.0.0.1" if host.lower() == "localhost" else host,  # not both 127.0.0.1 and ::1
        port=port,
        threads=max(8, 4 * workers),  # requests waiting for a worker hold a thread
        backlog=BACKLOG,
        connection_limit=CONNECTION_LIMIT,
        channel_timeout=idle_timeout,
        cleanup_interval=max(1, min(idle_timeout, 5)),
        max_request_body_size=MAX_BODY,
        max_request_header_size=64 * 1024,
        ident="dipgraph",
        expose_tracebacks=False,
        clear_untrusted_proxy_headers=True,
    )
