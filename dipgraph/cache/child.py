"""A cold start's SPARQL store, loaded while a child process checks and compiles.

The first query after a change needs the facts checked, compiled to N-Quads, kept
in the cache and loaded into an in-memory Oxigraph store. A forked child does the
first three and streams each N-Quads line down a pipe as it is made, and this
process loads the store from that pipe at the same time: the two cores work
at once, and this process never holds the facts, only the store. The child goes on
to write the rest of the cache entry (views, indexes) while this process answers;
the entry appears whole or not at all (see :meth:`CacheEntry.save`), and this
process waits for the child before it exits, after closing its standard output
so that a reader of the answer is not kept waiting.

The store is used only when the child says it sent everything (``ok`` on a second
pipe, after closing the first): a child that fails or dies midway leaves a store
that is thrown away, and the caller does the work itself (reporting any errors).
"""

from __future__ import annotations

import atexit
import fcntl
import os
import sys
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from dipgraph.cache.folder import quiet_warnings

CHILD_FAILED, CHILD_NO_CACHE = 1, 3
_OK = b"ok"
_PIPE_BYTES = 1 << 20
_waiting: list[int] = []  # children still writing their cache entry


class ToParent:
    """The child's end: N-Quads bytes go to :meth:`write`; :meth:`done` says all went."""

    def __init__(self, data_fd: int, status_fd: int) -> None:
        self._data = os.fdopen(data_fd, "wb", buffering=1 << 20)
        self._status = status_fd

    def write(self, chunk: bytes) -> None:
        self._data.write(chunk)

    def done(self) -> None:
        self._data.close()
        os.write(self._status, _OK)
        os.close(self._status)
        with suppress(OSError):  # what is left (the entry) must not slow the answer down
            os.nice(10)


def store_from_child(work: Callable[[ToParent], int]) -> Any | None:
    """An in-memory store loaded from what ``work`` (run in a forked child) writes, or
    None when that did not work (no fork, bad facts, no usable cache, a crash): the
    caller then does it all itself. ``work`` returns the child's exit code."""
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
            _close_stdout()  # the answer is the parent's to write
            code = work(ToParent(data_w, status_w))
        except BaseException:
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
    with os.fdopen(status_r, "rb") as status:
        said = status.read()
    if store is not None and said == _OK:
        if not _waiting:
            atexit.register(_finish_at_exit)
        _waiting.append(child)
        return store
    if _wait(child) == CHILD_NO_CACHE:
        quiet_warnings()  # the child said why; the caller runs without the cache silently
    return None


def _close_stdout() -> None:
    """Point file descriptor 1 at /dev/null (readers of a pipe then see its end)."""
    with suppress(BaseException):
        sys.stdout.flush()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)


def _wait(child: int) -> int:
    try:
        _, status = os.waitpid(child, 0)
    except ChildProcessError:
        return CHILD_FAILED
    return os.waitstatus_to_exitcode(status)


def finish_children() -> None:
    """Wait for every child still writing a cache entry."""
    while _waiting:
        _wait(_waiting.pop())


def _finish_at_exit() -> None:
    """Before exiting: end standard output (the answer is complete), then wait."""
    if _waiting:
        _close_stdout()
        finish_children()
