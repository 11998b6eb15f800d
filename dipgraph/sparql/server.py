"""A read-only SPARQL 1.1 Protocol endpoint, plus the HTML graph, on loopback by default.

``GET /sparql?query=…`` and ``POST /sparql`` (``application/sparql-query`` or a
form with ``query=``) answer in the format the ``Accept`` header asks for
(SPARQL results JSON by default; CSV, TSV, XML; Turtle or N-Triples for
CONSTRUCT). Updates are refused with 403. ``GET /`` serves the interactive graph.
A query that runs past ``timeout`` seconds gets 503; Oxigraph cannot cancel it,
so it finishes in the background (on a daemon thread: Ctrl-C never waits for it),
and only ``workers`` queries run at once.
"""

from __future__ import annotations

import concurrent.futures
import ipaddress
import json
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

if TYPE_CHECKING:
    from dipgraph.graph.knowledge import KnowledgeGraph

MAX_BODY = 1024 * 1024
RESULT_TYPES = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
    "application/sparql-results+xml": "XML",
}
GRAPH_TYPES = {"text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES"}


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _choose(accept: str, table: dict[str, str], default: str) -> tuple[str, str]:
    """The first acceptable media type we can produce (no q-value ranking)."""
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        if media in table:
            return media, table[media]
    return default, table[default]


class SparqlHandler(BaseHTTPRequestHandler):
    """One request; the server object carries the graph, the page and the pool."""

    server: SparqlServer
    server_version = "dipgraph"

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            super().log_message(format, *args)

    def _send(self, status: int, body: bytes, media: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{media}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(body)

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, json.dumps({"error": message}).encode(), "application/json")

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, self.server.page(), "text/html")
        elif url.path == "/sparql":
            self._query_params(parse_qs(url.query))
        else:
            self._error(HTTPStatus.NOT_FOUND, f"no such path: {url.path}")

    def do_POST(self) -> None:
        if urlsplit(self.path).path != "/sparql":
            self._error(HTTPStatus.NOT_FOUND, "POST queries to /sparql")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "query too large")
            return
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/sparql-update":
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only")
        elif kind == "application/sparql-query":
            self._query(body)
        elif kind == "application/x-www-form-urlencoded":
            self._query_params(parse_qs(body))
        else:
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"unsupported content type {kind!r}")

    def _query_params(self, params: dict[str, list[str]]) -> None:
        """A query given as URL or form parameters (the protocol's two encodings)."""
        if "update" in params:
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only")
        elif "query" not in params:
            self._error(HTTPStatus.BAD_REQUEST, "missing query parameter")
        else:
            self._query(params["query"][0])

    def _query(self, text: str) -> None:
        from dipgraph.graph.sparql import SparqlError

        accept = self.headers.get("Accept") or "application/sparql-results+json"
        future = self.server.pool.submit(self.server.answer, text, accept)
        try:
            body, media = future.result(timeout=self.server.timeout)
        except concurrent.futures.TimeoutError:
            self._error(
                HTTPStatus.SERVICE_UNAVAILABLE, f"query timed out after {self.server.timeout:g} s"
            )
        except SparqlError as error:
            status = HTTPStatus.FORBIDDEN if "UPDATE" in str(error) else HTTPStatus.BAD_REQUEST
            self._error(status, str(error))
        else:
            self._send(HTTPStatus.OK, body, media)


class QueryRunner:
    """Runs calls on daemon threads, at most ``workers`` at once.

    A thread pool's workers are joined when the interpreter exits, so one query
    that timed out (and cannot be cancelled) would hold Ctrl-C until it ended.
    """

    def __init__(self, workers: int) -> None:
        self._slots = threading.BoundedSemaphore(workers)

    def submit(self, call: Callable[..., Any], *args: Any) -> concurrent.futures.Future:
        future: concurrent.futures.Future = concurrent.futures.Future()

        def run() -> None:
            with self._slots:
                if not future.set_running_or_notify_cancel():
                    return
                try:
                    future.set_result(call(*args))
                except BaseException as error:  # handed to the waiting request
                    future.set_exception(error)

        threading.Thread(target=run, name="dipgraph-query", daemon=True).start()
        return future


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; ``answer`` runs one query to bytes in a worker thread."""

    daemon_threads = True

    def __init__(
        self,
        kg: KnowledgeGraph,
        host: str,
        port: int,
        timeout: float = 30.0,
        workers: int = 4,
        verbose: bool = False,
    ) -> None:
        self.pool = QueryRunner(workers)
        self.kg = kg
        self.timeout = timeout
        self.verbose = verbose
        super().__init__((host, port), SparqlHandler)
        self._page: bytes | None = None
        kg.query_store  # noqa: B018  (compile before the first request)

    def page(self) -> bytes:
        if self._page is None:
            from dipgraph.exports.html import render_html

            self._page = render_html(self.kg).encode("utf-8")
        return self._page

    def answer(self, text: str, accept: str) -> tuple[bytes, str]:
        import pyoxigraph as ox

        from dipgraph.graph.sparql import run_query
        from dipgraph.graph.to_rdf import PREFIXES

        result = run_query(self.kg.query_store, text, {})
        if isinstance(result, ox.QueryTriples):
            media, name = _choose(accept, GRAPH_TYPES, "text/turtle")
            return ox.serialize(
                list(result), format=getattr(ox.RdfFormat, name), prefixes=PREFIXES
            ), media
        media, name = _choose(accept, RESULT_TYPES, "application/sparql-results+json")
        return result.serialize(format=getattr(ox.QueryResultsFormat, name)), media


def make_server(
    kg: KnowledgeGraph,
    host: str = "127.0.0.1",
    port: int = 7800,
    timeout: float = 30.0,
    verbose: bool = False,
) -> SparqlServer:
    """A server ready to ``serve_forever()``; port 0 picks a free port."""
    return SparqlServer(kg, host, port, timeout, verbose=verbose)
