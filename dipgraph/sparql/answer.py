"""The query worker: a process that holds a store and answers one query at a time.

``serve`` runs in each worker process of :class:`dipgraph.sparql.workers.QueryPool`.
The store comes from one library call (:func:`open_store`), so the worker does not
care how the store is built or cached. Before answering anything the worker cuts
itself off the network where Linux allows it (a user and network namespace of its
own, with no interface up): even a SERVICE clause that slipped past the check in
:func:`dipgraph.graph.sparql.run_query` could reach no address.

An answer is serialised as the results are read, into memory up to :data:`IN_MEMORY`
bytes and past that into a temporary file without a name; the file itself (its
descriptor) is what the worker hands to the server, which sends it from there: no
process holds a large answer in memory, and it leaves the disk once sent or once its
connection is closed. An answer larger than the server's limit
(``serve --max-query-memory``) is stopped as it is written.
"""

from __future__ import annotations

import ctypes
import io
import json
import os
import signal
import tempfile
import threading
import time
from multiprocessing import reduction
from pathlib import Path
from typing import IO, Any, BinaryIO, cast

from dipgraph.errors import ServiceError

RESULT_TYPES = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
    "application/sparql-results+xml": "XML",
}
GRAPH_TYPES = {"text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES"}
_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
IN_MEMORY = 1 << 20  # bytes of an answer kept in memory; past that it goes to a file

Reply = tuple[int, bytes | BinaryIO, str]  # status, body (bytes, or a file to send), media


class AnswerTooLarge(ServiceError):
    """The answer passed the limit while it was written."""


def open_store(facts_dir: str, base_iri: str) -> Any:
    """The store to query for a facts directory: the library's own query store."""
    import dipgraph

    return dipgraph.load(facts_dir, base_iri, cache=True).store


def isolate_network() -> bool:
    """Move this process into a network namespace with no interface up; False when the
    kernel refuses (then the SERVICE check is the only guard). Must run while the
    process has one thread, so before the store is opened; the user keeps its own ids
    inside, so files (the cache) are read and written as before."""
    uid, gid = os.getuid(), os.getgid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) != 0:
            return False
        for name, text in (
            ("setgroups", "deny"),
            ("uid_map", f"{uid} {uid} 1"),
            ("gid_map", f"{gid} {gid} 1"),
        ):
            Path("/proc/self", name).write_text(text)
    except (OSError, AttributeError):
        return False
    return True


def _die_with_parent() -> None:
    """End this worker when the server is gone (even killed by SIGKILL), though a query
    is running: a thread watches for the worker being handed to another parent. (Linux's
    PR_SET_PDEATHSIG follows the parent *thread*, and workers are started from
    short-lived threads.)"""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="dipgraph-orphan-watch", daemon=True).start()


def serve(conn: Any, facts_dir: str, base_iri: str, limit: int = 0) -> None:
    """Worker main loop: report ("ready", isolated) or ("error", message), then answer
    every (query, accept) received with (status, body, media type) (see :func:`receive`),
    an answer of more than ``limit`` bytes (0: none) with an error. A server gone (its
    end of the pipe closed) ends the worker without a word."""
    stops = (signal.SIGINT, signal.SIGTERM)
    for number in stops:  # Ctrl-C and SIGTERM are the server's to handle: it kills workers
        signal.signal(number, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, stops)  # (blocked while it started)
    from dipgraph.process_memory import allow_tuning

    allow_tuning()  # this process is the worker's own
    isolated = isolate_network()  # while this process has one thread
    _die_with_parent()
    try:
        store = open_store(facts_dir, base_iri)
    except Exception as error:  # reported to the server, which shows it
        _send(conn, ("error", f"{type(error).__name__}: {error}"))
        return
    if not _send(conn, ("ready", isolated)):
        return
    while True:
        try:
            text, accept = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = answer(store, text, accept, limit)
        except Exception as error:  # a bug, not the query's fault: say so, keep serving
            reply = error_reply(500, f"internal error: {type(error).__name__}")
        if not _reply(conn, reply):
            return


def _send(conn: Any, message: Any) -> bool:
    """Send to the server; False when it is gone (stopped, or killed)."""
    try:
        conn.send(message)
    except OSError:  # BrokenPipeError, mostly
        return False
    return True


def _reply(conn: Any, reply: Reply) -> bool:
    """Send a reply; a body in a file goes as None, the file's descriptor after it
    (this process then closes the file). False when the server is gone."""
    status, body, media = reply
    if not isinstance(body, io.IOBase):
        return _send(conn, reply)
    with body:
        if not _send(conn, (status, None, media)):
            return False
        try:
            reduction.send_handle(conn, body.fileno(), os.getppid())
        except OSError:
            return False
    return True


def receive(conn: Any) -> Reply:
    """What :func:`serve` sent for a query, in the server: a body in a file comes as
    the file, open for reading from its start."""
    status, body, media = conn.recv()
    if body is None:
        body = os.fdopen(reduction.recv_handle(conn), "rb")
    return status, body, media


def error_reply(status: int, message: str) -> tuple[int, bytes, str]:
    return status, json.dumps({"error": message}).encode(), "application/json"


def answer(store: Any, text: str, accept: str, limit: int = 0) -> Reply:
    """One query, evaluated to the media type ``accept`` asks for: the bytes, or a file
    holding them when they are many; an error past ``limit`` bytes (0: no limit)."""
    from dipgraph.graph.sparql import SparqlError, run_query
    from dipgraph.graph.sparql.messages import clip

    try:
        result = run_query(store, text, {})
        return _serialize(result, accept, limit)
    except AnswerTooLarge:
        return error_reply(
            503,
            f"query stopped: its answer is larger than {limit >> 20} MiB "
            "(serve --max-query-memory)",
        )
    except SparqlError as error:
        message = str(error)
        return error_reply(403 if "refused" in message else 400, message)
    except (RuntimeError, ValueError, OSError) as error:  # raised while evaluating
        return error_reply(400, f"query failed: {clip(str(error))}")


def _serialize(result: Any, accept: str, limit: int = 0) -> Reply:
    import pyoxigraph as ox

    from dipgraph.graph.to_rdf import PREFIXES

    graph = isinstance(result, ox.QueryTriples)
    table = GRAPH_TYPES if graph else RESULT_TYPES
    media = choose(accept, table)
    if media is None:  # as Oxigraph's server: say what we can make, do not guess
        return error_reply(406, f"the Accept header allows none of {', '.join(table)}")
    name = table[media]
    output = _AnswerFile(limit)
    try:
        if graph:
            ox.serialize(
                result, cast(IO[bytes], output), getattr(ox.RdfFormat, name), prefixes=PREFIXES
            )
        else:
            result.serialize(output, getattr(ox.QueryResultsFormat, name))
    except BaseException:
        output.close()
        raise
    return 200, output.body(), media


class _AnswerFile:
    """Where an answer is written as it is serialised: in memory up to
    :data:`IN_MEMORY` bytes, then in a temporary file without a name (gone once closed);
    AnswerTooLarge past ``limit`` bytes (0: no limit)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self._file: BinaryIO = io.BytesIO()

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.limit and self.size > self.limit:
            raise AnswerTooLarge
        if self.size > IN_MEMORY and isinstance(self._file, io.BytesIO):
            spilled = tempfile.TemporaryFile()  # noqa: SIM115  (closed by whoever sends it)
            spilled.write(self._file.getbuffer())
            self._file = spilled
        return self._file.write(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self._file.close()

    def body(self) -> bytes | BinaryIO:
        """The answer: its bytes, or the file holding them, read from its start."""
        if isinstance(self._file, io.BytesIO):
            return self._file.getvalue()
        self._file.seek(0)
        return self._file


def choose(accept: str, table: dict[str, str]) -> str | None:
    """The media type of ``table`` that ``accept`` ranks highest, or None if it allows
    none of them.

    A type takes the q-value of the most specific range that matches it (``text/csv``
    over ``text/*`` over ``*/*``, as RFC 9110 says); ``q=0`` refuses it. Ties go to the
    range the client wrote first, then to ``table``'s order (its first is the default,
    what an empty header or ``*/*`` gets).

    >>> table = {"application/json": "J", "text/csv": "C", "text/tab-separated-values": "T"}
    >>> choose("application/json;q=0, text/csv", table)
    'text/csv'
    >>> choose("text/csv;q=0.5, text/tab-separated-values", table)
    'text/tab-separated-values'
    >>> choose("text/*, */*;q=0.1", table), choose("", table), choose("image/png", table)
    ('text/csv', 'application/json', None)
    """
    ranges = []  # (specificity, weight, order, range)
    for order, part in enumerate(accept.split(",")):
        media, *params = (piece.strip().lower() for piece in part.split(";"))
        if not media:
            continue
        weight = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    weight = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    weight = 0.0
        kind, _, sub = media.partition("/")
        specificity = 0 if media == "*/*" else 1 if sub == "*" else 2
        ranges.append((specificity, weight, order, kind, media))
    if not ranges:
        return next(iter(table))
    ranked = []
    for position, offered in enumerate(table):
        kind = offered.partition("/")[0]
        matching = [
            r for r in ranges if r[0] == 0 or (r[0] == 1 and r[3] == kind) or r[4] == offered
        ]
        if matching:
            specificity, weight, order, _, _ = max(matching, key=lambda r: (r[0], -r[2]))
            if weight > 0:
                ranked.append((-weight, order, position, offered))
    return min(ranked)[3] if ranked else None
