"""Writing outputs all-or-nothing: a temporary file in the same folder, then a rename.

A crash or a bad input half way never leaves a truncated export behind that a
later tool would read as complete.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


def _umask() -> int:
    """The process's umask: a temporary file is made 0600, the export must be what the
    user's umask says (0644 for everyone made a private umask's exports world-readable).
    Linux shows it in /proc; elsewhere it is set and put back (never changed for long)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it over ``target`` on success.
    IsADirectoryError, naming ``target``, when a folder stands where it would go."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_dir():  # (else the rename fails at the end, naming the temporary file)
        raise IsADirectoryError(errno.EISDIR, "a folder of that name is in the way", str(target))
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, 0o666 & ~_umask())  # as open() would have made it
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_text(target: Path) -> Iterator[IO[str]]:
    """Open a text stream whose content replaces ``target`` only when the block succeeds."""
    with (
        atomic_path(target) as temporary,
        temporary.open("w", encoding="utf-8", newline="\n") as stream,
    ):
        yield stream
