"""The cache folder: private to the user, written atomically, tidied after crashes.

Cache entries decide what queries answer, so a folder or file that someone else
owns or can write is refused (the command then runs without the cache and says so
once). Every file is written under a temporary name and renamed into place; a
writer holds an advisory lock on its temporary file or folder while it works, so
leftovers of a killed process (no lock held) can be told from work in progress.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from dipgraph.errors import CacheError, warn

TEMP_PREFIX = ".tmp-"
BUILDING_PREFIX = ".building-"
_warned: set[str] = set()
_DISCARDED = re.compile(r"[0-9a-f]{32}\.dead-[0-9]+")


class UnsafeCache(CacheError, OSError):
    """A cache folder or file that is not the user's own, or cannot be used."""


def warn_once(message: str) -> None:
    """One warning per process and message (the command line prints it on stderr;
    stdout stays the answer)."""
    if message not in _warned and "" not in _warned:
        _warned.add(message)
        warn(message)


def quiet_warnings() -> None:
    """No more cache warnings in this process (another one already gave them)."""
    _warned.add("")


def is_private(info: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else."""
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def check_private_dir(path: Path) -> None:
    """Raise UnsafeCache unless ``path`` (and the link it may be) is a private folder."""
    link = path.lstat()
    info = path.stat()
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafeCache(f"{path} is not a folder")
    for found in (link, info):
        if not is_private(found):
            raise UnsafeCache(f"{path} is not private (it must be yours and writable only by you)")


def check_private_file(path: Path) -> None:
    """Raise UnsafeCache unless ``path`` is a regular file (not a link) of this user's."""
    info = path.lstat()
    if not stat.S_ISREG(info.st_mode) or not is_private(info):
        raise UnsafeCache(f"{path} is not a private regular file")


def private_root(path: Path) -> Path:
    """``path`` as a usable cache folder, created 0700 when missing; UnsafeCache if not."""
    try:
        if not path.exists():
            path.mkdir(mode=0o700, parents=True)
        check_private_dir(path)
        if not os.access(path, os.W_OK | os.X_OK):
            raise UnsafeCache(f"{path} is not writable")
    except UnsafeCache:
        raise
    except OSError as error:
        raise UnsafeCache(f"{path}: {error.strerror or error}") from None
    return path


def _locked(fd: int) -> bool:
    """Take the lock; False when another live process holds it."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextmanager
def building_dir(root: Path) -> Iterator[Path]:
    """A new private folder under ``root``, locked while the block runs; removed after
    unless the block renamed it away."""
    path = Path(tempfile.mkdtemp(dir=root, prefix=BUILDING_PREFIX))
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        _locked(fd)
        yield path
    finally:
        os.close(fd)
        shutil.rmtree(path, ignore_errors=True)


def write_atomic(target: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write ``target`` through a locked temporary file renamed into place; on any
    failure (a full disk...) the temporary file is removed and the error raised."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=TEMP_PREFIX)
    try:
        _locked(fd)
        with os.fdopen(fd, "wb", closefd=False) as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(name, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(name)
        raise
    finally:
        os.close(fd)


def _dead(path: Path) -> bool:
    """A temporary file or folder whose writer is gone (nobody holds its lock)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        return _locked(fd)
    finally:
        os.close(fd)


def clean_leftovers(root: Path, is_entry: Callable[[Path], bool]) -> None:
    """Remove what killed processes left: building folders and temporary files, and
    the ``store-*`` folders and ``*.tmp`` files older versions left (when older than
    an hour). Nothing else in ``root`` is touched."""
    candidates = [p for p in root.iterdir() if p.name.startswith(BUILDING_PREFIX)]
    for dead in (p for p in root.iterdir() if _DISCARDED.fullmatch(p.name) and p.is_dir()):
        shutil.rmtree(dead, ignore_errors=True)  # discarded entries a kill left behind
    old = time.time() - 3600
    for entry in (p for p in root.iterdir() if is_entry(p)):
        for path in entry.iterdir():
            if path.name.startswith(TEMP_PREFIX):
                candidates.append(path)
            elif path.name.startswith("store-") or path.suffix == ".tmp":
                candidates += [path] if path.lstat().st_mtime < old else []
    for path in candidates:
        if _dead(path):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
