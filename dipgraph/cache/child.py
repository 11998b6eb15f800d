"""A cold start's SPARQL store, loaded while a child process checks and compiles.

The first query after a change needs the facts checked, compiled to N-Quads, kept
in the cache and loaded into an in-memory Oxigraph store. A forked child does the
first three and streams each N-Quads line down a pipe as it is made, and this
process loads the store from that pipe at the same time: the two cores work
at once, and this process never holds the facts, only the store. The child goes on
to write the rest of the cache entry (views, indexes) while this process answers;
the entry appears whole or not at all (see :meth:`CacheEntry.draft`), and this
process waits for the child before it exits, after closing its standard output
so that a reader of the answer is not kept waiting.

The child says ``ok`` on a second pipe once it sent everything and the checks
across files passed. The store is returned as soon as it is loaded, with a function
that waits for that word: a caller may query the store meanwhile (the checks run
while the query does), but must not give the answer out before the word came. A
child that fails or dies midway leaves a store that is thrown away, and the caller
does the work itself (reporting any errors).
"""

from __future__ import annotations

import atexit
import fcntl
import gc
import os
import queue
import sys
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from dipgraph.cache.folder import quiet_warnings
from dipgraph.errors import CacheError

CHILD_FAILED, CHILD_NO_CACHE = 1, 3
_OK = b"ok"
_PIPE_BYTES = 1 << 20
_waiting: list[int] = []  # children still writing their cache entry
_ended: dict[int, int] = {}  # exit codes of the children waited for


class ParentGone(CacheError):
    """The parent closed its end of the pipe before the quads were all sent: it was
    killed, and nobody waits for the child's work. The child stops without a word (the
    terminal it shares may be another command's by then)."""


class ToParent:
    """The child's end: N-Quads bytes go to :meth:`write`; :meth:`end_data` says all
    went (the parent's store is then complete: it may start querying); :meth:`done`
    says every check passed (the parent may then give its answer out). Both of the
    first raise :class:`ParentGone` when the parent is gone."""

    def __init__(self, data_fd: int, status_fd: int) -> None:
        self._data = os.fdopen(data_fd, "wb", buffering=1 << 20)
        self._status = status_fd

    def write(self, chunk: bytes) -> None:
        try:
            self._data.write(chunk)
        except BrokenPipeError:
            raise ParentGone from None

    def end_data(self) -> None:
        if not self._data.closed:
            try:
                self._data.close()  # (what is still buffered goes now)
            except BrokenPipeError:
                raise ParentGone from None

    def done(self, answer_waits: bool = False) -> None:
        """``answer_waits``: the parent runs its query only once it hears this, so what
        is left is not made to give way. Said once (later calls do nothing)."""
        if self._status < 0:
            return
        self.end_data()
        with suppress(OSError):  # the parent gave up (--timeout): the entry is still kept
            os.write(self._status, _OK)
        os.close(self._status)
        self._status = -1
        if not answer_waits:
            with suppress(OSError):  # what is left (the entry) must not slow the answer down
                os.nice(10)


class WriterThread:
    """Writes chunks of bytes to each of ``outputs`` on a thread of its own, so that
    the system calls (a cache file, the parent's pipe: 1.4 s for 760 MB) run on the
    other core while the caller goes on compiling. Errors come back from
    :meth:`write` or :meth:`close`."""

    def __init__(self, outputs: list[Callable[[bytes], object]]) -> None:
        self._outputs = outputs
        self._chunks: queue.Queue[tuple[bytes, ...] | None] = queue.Queue(maxsize=4)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="dipgraph-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (chunks := self._chunks.get()) is not None:
            if self._error is None:
                try:
                    if len(chunks) == 1:
                        chunks *= len(self._outputs)
                    for output, chunk in zip(self._outputs, chunks, strict=True):
                        output(chunk)
                except BaseException as error:
                    self._error = error

    def write(self, *chunks: bytes) -> None:
        """One chunk for every output, or a chunk each, in the order of ``outputs``."""
        if self._error is not None:
            raise self._error
        self._chunks.put(chunks)

    def close(self) -> None:
        """Wait until every chunk is written (or raise what went wrong)."""
        self._chunks.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error


def store_from_child(work: Callable[[ToParent], int]) -> tuple[Any, Callable[[], bool]] | None:
    """An in-memory store loaded from what ``work`` (run in a forked child) writes, and
    a function that waits for the child's verdict: True when every check passed, so
    that the store may be trusted. None when loading did not work (no fork, a crash):
    the caller then does it all itself, as when the verdict is False (bad facts, no
    usable cache). ``work`` returns the child's exit code."""
    if not hasattr(os, "fork"):
        return None
    import pyoxigraph

    data_r, data_w = os.pipe()
    status_r, status_w = os.pipe()
    with suppress(OSError, AttributeError):  # fewer wake-ups: Linux pipes hold 64 KiB
        fcntl.fcntl(data_w, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
    sys.stdout.flush()
    sys.stderr.flush()
    child = os.fork()
    if child == 0:  # pragma: no cover (runs in the child; its effect is tested)
        code = CHILD_FAILED
        try:
            os.close(data_r)
            os.close(status_r)
            close_stdout()  # the answer is the parent's to write
            # It ends with os._exit: reference counting frees what it drops, and a cyclic
            # collection over the facts' millions of objects cost 1.5 s at 100k contacts.
            gc.disable()
            code = work(ToParent(data_w, status_w))
        except BaseException:  # ParentGone among them: ended without a word
            pass
        finally:
            with suppress(BaseException):
                sys.stderr.flush()
            os._exit(code)
    os.close(data_w)
    os.close(status_w)
    store: Any = pyoxigraph.Store()
    try:
        with os.fdopen(data_r, "rb", buffering=1 << 20) as data:
            store.load(data, format=pyoxigraph.RdfFormat.N_QUADS)
    except (OSError, SyntaxError, ValueError):
        store = None
    if not _waiting:
        atexit.register(_finish_at_exit)
    _waiting.append(child)  # waited for before this process exits, whatever happens
    verdict: list[bool] = []

    def passed() -> bool:
        if not verdict:
            with os.fdopen(status_r, "rb") as status:
                verdict.append(status.read() == _OK)
            if not verdict[0] and _wait_for(child) == CHILD_NO_CACHE:
                quiet_warnings()  # the child said why; the caller runs without the cache
        return verdict[0]

    if store is None:
        passed()
        return None
    return store, passed


def close_stdout(fd: int = 1) -> None:
    """Flush standard output and point ``fd`` (its descriptor) at /dev/null: readers of
    a pipe then see its end, though this process goes on."""
    with suppress(BaseException):
        sys.stdout.flush()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def _wait(child: int) -> int:
    try:
        _, status = os.waitpid(child, 0)
    except ChildProcessError:
        return CHILD_FAILED
    return os.waitstatus_to_exitcode(status)


def _wait_for(child: int) -> int:
    """The child's exit code, once it has ended."""
    if child in _waiting:
        _waiting.remove(child)
        _ended[child] = _wait(child)
    return _ended.get(child, CHILD_FAILED)


def finish_children() -> None:
    """Wait for every child still writing a cache entry."""
    while _waiting:
        _wait_for(_waiting[-1])


def _finish_at_exit() -> None:
    """Before exiting: end standard output (the answer is complete), then wait."""
    if _waiting:
        close_stdout()
        finish_children()
