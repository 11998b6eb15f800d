"""A pool of query worker processes, each killed when its query runs out of time.

Oxigraph cannot cancel a query, so a thread that times out keeps its CPU and its slot
until the query ends on its own (six heavy queries once held every slot for 36 s).
A process can be killed: each query runs in a worker process, and one that passes its
deadline is killed at once and replaced by a fresh worker started in the background.
Workers are started with ``spawn`` (no fork of a threaded server) and open their
store themselves (:func:`dipgraph.sparql.answer.open_store`).

Stopping the server (Ctrl-C, SIGTERM) is the server's work, at any moment: a worker is
started on a thread that no signal interrupts, with Ctrl-C and SIGTERM blocked, which
it then ignores (a terminal's Ctrl-C goes to every process of its group, and a worker
still starting died of it with a traceback); the server kills its workers as it stops.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing import resource_tracker
from pathlib import Path
from typing import Any

from dipgraph.errors import ServiceError
from dipgraph.sparql.answer import Reply, receive, serve

log = logging.getLogger("dipgraph.server")
MEMORY_CHECK_INTERVAL = 0.1  # seconds between two looks at a running query's memory
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}  # the server's to handle, never a worker's


class PoolError(ServiceError):
    """A query could not be answered: no worker in time, or the worker was lost."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class _WorkerLost(ServiceError):
    """The worker's end of the pipe closed before it answered."""


@dataclass(eq=False)
class Worker:
    process: Any  # multiprocessing.Process
    conn: Any  # multiprocessing.connection.Connection
    baseline: int = 0  # resident bytes once the store was open


def _resident(worker: Worker) -> int:
    """Resident memory of a worker in bytes (Linux /proc; 0 where unknown)."""
    try:
        pages = int(Path(f"/proc/{worker.process.pid}/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * PAGE_SIZE


class QueryPool:
    """``size`` worker processes over the facts in ``facts_dir``. A running query is
    watched: past its time, or past ``max_memory`` bytes more than its worker held when
    ready, its worker is killed (a query can fill memory well before its timeout). An
    answer of more than ``max_memory`` bytes is refused (0: no limit): the answer comes
    as a file when it is large (see dipgraph.sparql.answer), so none is held in memory."""

    def __init__(self, facts_dir: Path, base_iri: str, size: int = 2, max_memory: int = 0) -> None:
        self._context = multiprocessing.get_context("spawn")
        self._args = (str(facts_dir), base_iri, max_memory)
        self._size = size
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._live: set[Worker] = set()  # guarded by _lock
        self._lock = threading.Lock()
        self._starting = threading.Lock()  # held while a worker process is being started
        self._closed = False
        self.isolated = False  # whether workers run without network
        self.max_memory = max_memory  # bytes a query may add to a worker; 0: no limit

    def start(self, wait: float = 600.0) -> None:
        """Start the workers; the first must come up (its error is raised) before the
        others start, so they find the cache it filled. Ctrl-C (KeyboardInterrupt)
        may cut this short; a worker being started is started whole all the same."""
        spawned: queue.Queue[Worker | BaseException | None] = queue.Queue()

        def spawn() -> None:  # off the main thread, where a signal's handler would cut in
            try:
                spawned.put(self._spawn())
            except BaseException as error:
                spawned.put(error)

        threading.Thread(target=spawn, name="dipgraph-spawn", daemon=True).start()
        first = spawned.get()
        if isinstance(first, BaseException):
            raise first
        if first is None:
            raise PoolError(503, "the query pool is closed")
        self._await_ready(first, wait)
        self._idle.put(first)
        for _ in range(self._size - 1):
            self._replace()

    def _spawn(self) -> Worker | None:
        """Start a worker, or None once the pool is closing. A start is never cut short
        by ``close()`` (it waits for ``_starting``): a child left without its start-up
        data, when the server exits mid-start, printed a traceback of its own."""
        with self._starting:
            if self._closed:
                return None
            parent, child = self._context.Pipe()
            process = self._context.Process(
                target=serve, args=(child, *self._args), name="dipgraph-query", daemon=True
            )
            # (multiprocessing unblocks both once it has started its resource tracker:
            # have that done first.)
            resource_tracker.ensure_running()
            blocked = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
            try:
                process.start()  # (the child inherits this thread's mask)
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
            child.close()
            worker = Worker(process, parent)
            with self._lock:
                self._live.add(worker)
            return worker

    def _await_ready(self, worker: Worker, wait: float) -> None:
        try:
            if not worker.conn.poll(wait):
                raise PoolError(503, f"a query worker did not start within {wait:g} s")
            status, detail = worker.conn.recv()
        except (EOFError, OSError):
            status, detail = "error", "the query worker exited while starting"
        if status != "ready":
            self._kill(worker)
            raise PoolError(500, f"a query worker could not open the graph: {detail}")
        self.isolated = bool(detail)
        worker.baseline = _resident(worker)

    def _replace(self) -> None:
        """Bring up one worker in the background (retrying, less and less often, on failure:
        the facts may have been broken while the server runs)."""

        def bring_up() -> None:
            pause = 1.0
            while (worker := self._spawn()) is not None:
                try:
                    self._await_ready(worker, 600.0)
                except PoolError as error:
                    if self._closed:  # killed by close(): not a failure to report
                        return
                    log.warning("%s; retrying in %g s", error, pause)
                    time.sleep(pause)
                    pause = min(pause * 2, 60.0)
                    continue
                if self._closed:
                    self._kill(worker)
                else:
                    self._idle.put(worker)
                return

        threading.Thread(target=bring_up, name="dipgraph-spawn", daemon=True).start()

    def _kill(self, worker: Worker) -> None:
        """Kill a worker once: ``close()`` and the thread starting a worker can both reach
        here for the same one, and closing its pipe twice closes another thread's file
        (or fails: Ctrl-C then ended in a traceback, about one stop in seven)."""
        with self._lock:
            if worker not in self._live:
                return
            self._live.discard(worker)
        worker.process.kill()
        worker.process.join(5)
        worker.conn.close()

    def _retire(self, worker: Worker) -> None:
        self._kill(worker)
        if not self._closed:
            self._replace()

    def run(self, text: str, accept: str, timeout: float, wait: float) -> Reply:
        """Answer one query within ``timeout`` seconds of running and ``max_memory``
        bytes of growth, else kill the worker running it and raise PoolError(503).
        Waiting for a free worker (while others run or restart) may take ``wait`` more.
        A worker found dead before it got the query (killed while idle) is replaced and
        the query goes to the next, however many there are; a worker that dies under the
        query gets it retried once on another, and a query that kills two is refused (500)."""
        until = time.monotonic() + wait
        for attempt in (1, 2):
            try:
                return self._run_once(text, accept, timeout, until)
            except _WorkerLost:
                if attempt == 2:
                    break
        raise PoolError(500, "the query worker died twice; the query was not answered")

    def _run_once(self, text: str, accept: str, timeout: float, until: float) -> Reply:
        worker = self._deliver(text, accept, until)
        deadline = time.monotonic() + timeout
        try:
            while (left := deadline - time.monotonic()) > 0:
                if worker.conn.poll(min(left, MEMORY_CHECK_INTERVAL)):
                    reply = receive(worker.conn)
                    self._idle.put(worker)
                    return reply
                if self.max_memory and _resident(worker) > worker.baseline + self.max_memory:
                    self._retire(worker)
                    raise PoolError(
                        503,
                        f"query stopped: it used more than {self.max_memory >> 20} MiB "
                        "of memory (serve --max-query-memory)",
                    )
        except (EOFError, OSError):
            self._retire(worker)
            raise _WorkerLost from None
        self._retire(worker)
        raise PoolError(503, f"query timed out after {timeout:g} s and was stopped")

    def _deliver(self, text: str, accept: str, until: float) -> Worker:
        """Hand the query to a live worker; one whose pipe is already broken (it died
        idle, and ``is_alive`` had not seen it yet) never got it, so try the next."""
        while True:
            worker = self._take(until)
            try:
                worker.conn.send((text, accept))
            except OSError:
                self._retire(worker)
                continue
            return worker

    def _take(self, until: float) -> Worker:
        """An idle worker that is still alive (one that died while idle, killed by the
        OOM killer say, is replaced, and the query goes to the next), by ``until``."""
        while True:
            try:
                worker = self._idle.get(timeout=max(0.0, until - time.monotonic()))
            except queue.Empty:
                raise PoolError(503, "every query worker is busy; try again later") from None
            if worker.process.is_alive():
                return worker
            self._retire(worker)

    def close(self) -> None:
        """Kill every worker (running queries included)."""
        self._closed = True
        with self._starting:  # a start under way finishes, and its worker is killed below
            pass
        with self._lock:
            workers = list(self._live)
        for worker in workers:
            self._kill(worker)
