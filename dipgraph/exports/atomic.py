"""Writing outputs all-or-nothing: a temporary file in the same folder, then a rename.

A crash or a bad input half way never leaves a truncated export behind that a
later tool would read as complete.

A process killed while writing (SIGKILL, the OOM killer, a power cut) cannot remove
its temporary file: each is named ``.NAME.XXXXXXXX.dipgraph-partial`` beside the
export ``NAME`` and locked (``flock``) while written, so the next write into the folder
removes those that no live process holds, and leaves everything else alone.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

PARTIAL = ".dipgraph-partial"  # how a temporary file's name ends
_PARTIAL_NAME = re.compile(r"\..+\.[A-Za-z0-9_]{8}" + re.escape(PARTIAL))
_OLDER = re.compile(r"\.(dipgraph.*|ontology\.ttl)\.[a-z0-9_]{8}\.tmp")  # left unlocked before
_OLDER_AGE = 3600  # seconds: an older version's file may be still in use until then


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
    remove_abandoned(target.parent)
    handle, temporary = _locked_temporary(target)
    try:
        yield temporary
        os.chmod(temporary, 0o666 & ~_umask())  # as open() would have made it
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
        os.close(handle)  # (the lock goes with it)


def _locked_temporary(target: Path) -> tuple[int, Path]:
    """A new temporary file beside ``target``, locked: its descriptor and path. A
    process cleaning the folder may have taken the file for abandoned between its
    making and the lock (it removes only what it holds locked): then make another."""
    while True:
        handle, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=PARTIAL, dir=target.parent
        )
        fcntl.flock(handle, fcntl.LOCK_EX)  # waits only while a cleaner looks at it
        with contextlib.suppress(FileNotFoundError):
            if os.path.samestat(os.fstat(handle), os.stat(name)):
                return handle, Path(name)
        os.close(handle)


def remove_abandoned(folder: Path) -> None:
    """Remove the temporary files of writers killed in ``folder``: those named as
    :func:`atomic_path` names them and locked by no live process (and those that older
    versions left beside build's exports, without a lock, once an hour old)."""
    old = time.time() - _OLDER_AGE
    try:
        with os.scandir(folder) as entries:
            found = [
                entry.path
                for entry in entries
                if _PARTIAL_NAME.fullmatch(entry.name)
                or (
                    _OLDER.fullmatch(entry.name)
                    and entry.stat(follow_symlinks=False).st_mtime < old
                )
            ]
    except OSError:
        return  # the folder (or a file in it) changed while read: the next write will look
    for path in found:
        _remove_if_unlocked(path)


def _remove_if_unlocked(path: str) -> None:
    """Remove the regular file ``path`` if no process holds its lock (it is removed
    while this one holds it, so a writer never loses a file it has locked)."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return  # gone already, a link, or not ours to read
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if stat.S_ISREG(os.fstat(handle).st_mode):
            os.unlink(path)
    except OSError:
        pass  # locked: being written
    finally:
        os.close(handle)


@contextlib.contextmanager
def atomic_text(target: Path) -> Iterator[IO[str]]:
    """Open a text stream whose content replaces ``target`` only when the block succeeds."""
    with (
        atomic_path(target) as temporary,
        temporary.open("w", encoding="utf-8", newline="\n") as stream,
    ):
        yield stream
