"""Checking fact files on two cores: the later files in a forked child.

Each file is read and checked on its own; only the checks that need every file
(references, quotes, ids) wait for all of them. So a forked child checks the
later files while this process checks the earlier ones, and sends back what it
found (records, problems, pending checks) pickled through a pipe, in file order:
the merged result is exactly what one process finds. Pickle is safe here: the
bytes come from a fork of this very process, through a pipe only the two hold.

The child also pays for pickling (about half as much again as checking), so it
takes fewer bytes of YAML than this process. When the child fails, this process
checks its files itself.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dipgraph.loader.fields import Pending
from dipgraph.loader.problems import Problem

# The share of the YAML bytes this process checks: the child checks the rest and
# pickles what it found, which costs it about half its checking time again.
_OWN_SHARE = 0.6
_MIN_BYTES = 4 * 1024 * 1024  # below this a fork costs more than it saves


@dataclass(slots=True)
class FilesChecked:
    """What checking some files found, before the checks that need every file."""

    declared: list[Any]
    pending: Pending
    problems: list[Problem]

    def extend(self, later: FilesChecked) -> None:
        """Append what the files after these found, keeping file order."""
        self.declared.extend(later.declared)
        self.problems.extend(later.problems)
        for name in ("references", "quotes", "wikidata", "initiators"):
            getattr(self.pending, name).extend(getattr(later.pending, name))


Check = Callable[[list[Path], Any, int], FilesChecked]


def _sizes(files: list[Path]) -> list[int]:
    sizes = []
    for path in files:
        try:
            sizes.append(path.stat().st_size)
        except OSError:
            sizes.append(0)  # the check itself reports it
    return sizes


def _split_at(sizes: list[int]) -> int:
    """How many of the first files make up this process's share of the bytes."""
    total, running = sum(sizes), 0
    for number, size in enumerate(sizes):
        if running + size / 2 > total * _OWN_SHARE:
            return number
        running += size
    return len(sizes)


def check_files_split(files: list[Path], model: Any, max_bytes: int, check: Check) -> FilesChecked:
    """``check(files, model, max_bytes)``, the later files checked in a forked child."""
    sizes = _sizes(files)
    cut = _split_at(sizes)
    if not hasattr(os, "fork") or sum(sizes) < _MIN_BYTES or cut in (0, len(files)):
        return check(files, model, max_bytes)
    mine, theirs = files[:cut], files[cut:]
    reading, writing = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    child = os.fork()
    if child == 0:  # pragma: no cover (runs in the child; its effect is tested)
        code = 1
        try:
            os.close(reading)
            data = pickle.dumps(check(theirs, model, max_bytes), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(writing, "wb") as out:
                out.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(writing)
    checked = check(mine, model, max_bytes)
    with os.fdopen(reading, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(child, 0)
    later = None
    if os.waitstatus_to_exitcode(status) == 0:
        with suppress(pickle.UnpicklingError, EOFError, ValueError):
            later = pickle.loads(data)
    del data
    checked.extend(later if isinstance(later, FilesChecked) else check(theirs, model, max_bytes))
    return checked
