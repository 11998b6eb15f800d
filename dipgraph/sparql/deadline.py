"""Running one query so that Ctrl-C and a time limit stop it at once.

Oxigraph evaluates in native code and cannot be cancelled; Python only handles
Ctrl-C between bytecodes of the main thread. So the query runs on a daemon thread
(Oxigraph releases the GIL while it works) and the main thread waits, interruptibly,
for the result or the deadline. The command then ends its process with
:func:`exit_now`, which is what really stops the query: no interpreter shutdown
runs while native code still reads the store.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

from dipgraph.errors import ServiceError

T = TypeVar("T")


class QueryTimeout(ServiceError):
    """The query was still running when its time ran out."""


def run_with_deadline(call: Callable[[], T], timeout: float | None, spent: float = 0.0) -> T:
    """``call()`` on a daemon thread: its result or its exception, or QueryTimeout once
    ``timeout`` seconds (None: no limit) have passed, ``spent`` of them before this call
    (checking the query, say). KeyboardInterrupt reaches the caller at once."""
    outcome: dict[str, object] = {}
    done = threading.Event()

    def target() -> None:
        try:
            outcome["value"] = call()
        except BaseException as error:  # re-raised in the waiting thread
            # Without traceback or chain: their frames hold Oxigraph results, which
            # must be freed on this thread (pyoxigraph refuses a drop on another).
            error.__traceback__ = error.__context__ = error.__cause__ = None
            outcome["error"] = error
        finally:
            done.set()

    threading.Thread(target=target, name="dipgraph-query", daemon=True).start()
    if not done.wait(None if timeout is None else max(timeout - spent, 0.0)):
        raise QueryTimeout(f"the query was stopped after {timeout:g} s (--timeout)")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def exit_now(code: int) -> None:
    """Flush and end the process without interpreter shutdown (a query thread may still
    be inside Oxigraph, reading memory that shutdown would free)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
