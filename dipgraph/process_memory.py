"""The process's garbage collector and allocator, tuned only when the process's owner says so.

Loading 10k contacts allocates millions of YAML nodes, strings and records that
all stay alive until the load ends. Each allocation burst triggers a collection
that rescans every live container, so with the collector running, loading took
three times as long as the work itself (3.9 s against 1.3 s for 10k contacts).
Nothing built here forms reference cycles, so reference counting frees it all
the same: the collector may be paused meanwhile, and switched back on afterwards.
Once a large structure is gone, its heap pages may go back to the system
(glibc's ``malloc_trim``).

Both reach into state that belongs to the whole process, so a library must not
touch them in a program that merely imports it: they act only once the process's
owner (the command line, a query worker's main loop) called :func:`allow_tuning`.

>>> import gc
>>> with collector_paused():  # not allowed here: the collector keeps running
...     gc.isenabled()
True
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_allowed = False


def allow_tuning() -> None:
    """Let :func:`collector_paused` and :func:`give_back_memory` act in this process.
    Only a process's owner calls this."""
    global _allowed
    _allowed = True


def tuning_allowed() -> bool:
    """Whether the process's owner called :func:`allow_tuning`."""
    return _allowed


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block without cyclic collections when allowed (see the module
    docstring); nests, and restores the prior state."""
    if not _allowed:
        yield
        return
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def without_collector(function: Callable[P, R]) -> Callable[P, R]:
    """Decorate a function that builds large acyclic data (see :func:`collector_paused`)."""

    @wraps(function)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        with collector_paused():
            return function(*args, **kwargs)

    return paused


def give_back_memory() -> None:
    """Return freed heap pages to the system (glibc): once a large structure is gone,
    so that what comes next (a store, another process) can use them. Nothing unless
    allowed (:func:`allow_tuning`)."""
    if not _allowed:
        return
    import ctypes
    import ctypes.util

    with suppress(OSError, AttributeError):
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
