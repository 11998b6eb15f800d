"""A compile cache keyed by the content of the facts, so repeated queries do not recompile.

The cache stores and restores plain data; it knows nothing of the graph built
from it (see :mod:`dipgraph.cached_graph` for that). An entry is a folder named by a
key over dipgraph's version, the schema's data files, the base IRI, the facts
directory's path and the bytes of every fact file. It holds ``index.sqlite``
(named parts: lists, maps and the checked facts, as JSON values read lazily; see
:mod:`dipgraph.cache.tables`) and, once SPARQL has been asked for, the N-Quads that
an in-memory Oxigraph store loads: ``data.nq`` whole, or a set of files in ``quads/``
listed by ``quads/list.json`` (name and size), which a later entry shares file by file
(hard links: an edit writes only the files that changed, see :class:`QuadFiles`). The
entry also lists the source texts the facts were checked against, with their digests:
an edited source text makes the entry stale. Only facts that passed every check are cached.

Safety: nothing in an entry can run code when read (JSON in SQLite, N-Quads). The
cache folder, every entry and every file must belong to the user and be writable
by nobody else (they are created 0700 / 0600); otherwise, or when the folder cannot
be written (read-only, full), the command runs without the cache and says so once
on stderr. Every file is written under a temporary name and renamed into place; an
entry that cannot be read back is a miss, removed and rebuilt.

Location: ``$DIPGRAPH_CACHE_DIR``, else ``$XDG_CACHE_HOME/dipgraph``, else
``~/.cache/dipgraph``; ``DIPGRAPH_NO_CACHE=1`` turns it off. It keeps the 8 most
recently used entries within ``$DIPGRAPH_CACHE_MAX_MB`` (4096 by default), and the 64
newest key notes (``key-*.json``: a facts folder's key, remembered by its files' stat).
``files.sqlite`` keeps each fact file's own check (see :mod:`dipgraph.cache.file_checks`),
its curation findings and check's last report (see :mod:`dipgraph.cached_graph`), the most
recently used within a quarter of that size; ``compiled.sqlite`` what compiling each file
gave (see :mod:`dipgraph.cached_graph.file_parts`), within another quarter.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, BinaryIO

from dipgraph.cache.folder import (
    TEMP_PREFIX,
    UnsafeCache,
    building_dir,
    check_private_dir,
    check_private_file,
    clean_leftovers,
    private_root,
    warn_once,
    write_atomic,
)
from dipgraph.cache.parts import PartStore
from dipgraph.cache.tables import CacheDamaged, Tables, TableWriter
from dipgraph.process_memory import without_collector

__all__ = [
    "KEEP_ENTRIES",
    "KEEP_KEY_NOTES",
    "CacheDamaged",
    "CacheEntry",
    "QuadFiles",
    "cache_root",
    "compiled_store",
    "content_key",
    "entry_for",
    "part_store",
    "schema_digest",
    "warn_not_written",
]

KEEP_ENTRIES = 8
KEEP_KEY_NOTES = 64
_KEY_NOTE = re.compile(r"key-[0-9a-f]{24}\.json")  # see quick_key
_KEY_LENGTH = 32
_FORMAT = "11"  # 9: sources, actors and topics keep documented exceptions; 10: glosses;
# 11: an entry keeps each file's records in a row of its own (facts.files)
_INDEX = "index.sqlite"
_NQUADS = "data.nq"
_QUADS = "quads"  # a set of N-Quads files, listed in _QUAD_LIST
_QUAD_LIST = "list.json"
_QUAD_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}")
_WITHOUT = "running without the cache"
# A file changed this recently (ns) may change again within the clock's granularity
# unseen by its stat: it is hashed, not known by its stat.
RECENT_NS = 2_000_000_000


def _write(out: BinaryIO, data: bytes) -> None:
    out.write(data)


def cache_root() -> Path | None:
    """Where entries live, or None when caching is turned off."""
    if os.environ.get("DIPGRAPH_NO_CACHE"):
        return None
    if os.environ.get("DIPGRAPH_CACHE_DIR"):
        return Path(os.environ["DIPGRAPH_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "dipgraph"


def _schema_files() -> list[Path]:
    """The schema's data files (YAML, Turtle...), never code or bytecode: writing
    ``__pycache__`` must not change a key."""
    from dipgraph.schema.model import SCHEMA_DIR

    return sorted(
        p
        for p in SCHEMA_DIR.rglob("*")
        if p.is_file()
        and p.suffix not in (".py", ".pyc", ".pyo")
        and not any(part.startswith((".", "__")) for part in p.relative_to(SCHEMA_DIR).parts)
    )


def _schema_inputs() -> list[tuple[Path, Path]]:
    from dipgraph.schema.model import SCHEMA_DIR

    return [(SCHEMA_DIR, p) for p in _schema_files()]


def schema_digest() -> bytes:
    """A digest of the schema's data files (what a check is made against)."""
    digest = hashlib.sha256()
    for folder, path in _schema_inputs():
        name = str(path.relative_to(folder)).encode()
        digest.update(_framed(name, hashlib.sha256(path.read_bytes()).digest()))
    return digest.digest()


def _inputs(root: Path) -> list[tuple[Path, Path]]:
    """(folder, file) for every file a compile reads but the source texts."""
    from dipgraph.loader import fact_files

    return _schema_inputs() + [(root, p) for p in fact_files(root)]


def _framed(*parts: bytes) -> bytes:
    """Each part behind its length: no content can pass for a boundary (joined with NUL
    bytes, a file holding NUL, the next file's name and bytes had the key of the pair)."""
    return b"".join(len(part).to_bytes(8, "big") + part for part in parts)


def _salt(root: Path, base_iri: str) -> bytes:
    from dipgraph.version import __version__

    return _framed(_FORMAT.encode(), __version__.encode(), base_iri.encode(), bytes(root))


def content_key(root: Path, base_iri: str, read: Mapping[Path, str | None] | None = None) -> str:
    """A digest of what a compile reads: the fact files and the schema's data files
    (source texts are checked against the digests an entry lists, see the module).

    It is a digest of each file's name and SHA-256, each framed by its length.
    ``read``: the fact files' digests as the loader read them (``Facts.digests``), and
    only those files: the key of what was read, whatever the disk says now."""
    digest = hashlib.sha256(_salt(root, base_iri))
    inputs = _inputs(root) if read is None else _schema_inputs() + [(root, p) for p in sorted(read)]
    for folder, path in inputs:
        name = str(path.relative_to(folder) if folder.is_dir() else path).encode()
        if read is not None and folder == root:
            sha = bytes.fromhex(read[path] or "")  # None: not read (the key then differs)
        else:
            sha = hashlib.sha256(path.read_bytes()).digest()
        digest.update(_framed(name, sha))
    return digest.hexdigest()[:_KEY_LENGTH]


def stat_print(paths: Iterable[Path]) -> str | None:
    """A digest of the files' size, times and inode, or None when one changed in the
    last two seconds (a later change within the clock's granularity could go unseen)."""
    digest = hashlib.sha256()
    recent = time.time_ns() - RECENT_NS
    for path in paths:
        info = path.stat()
        if max(info.st_ctime_ns, info.st_mtime_ns) > recent:
            return None
        digest.update(
            f"{path}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\0{info.st_ino}\n".encode()
        )
    return digest.hexdigest()


def quick_key(folder: Path, root: Path, base_iri: str) -> str:
    """:func:`content_key`, without reading the files again when none has changed since
    the last run: their sizes, times and inodes are remembered with the key (as git's
    index does). Hashing 70 MB of facts was a third of a warm query."""
    note = folder / f"key-{hashlib.sha256(_salt(root, base_iri)).hexdigest()[:24]}.json"
    paths = [path for _, path in _inputs(root)]
    now = stat_print(paths)
    try:
        check_private_file(note)
        remembered = json.loads(note.read_bytes())
        if now is not None and remembered["stat"] == now and _is_key(remembered["key"]):
            return remembered["key"]
    except (OSError, ValueError, TypeError, KeyError, RecursionError):  # damaged: hash again
        pass
    key = content_key(root, base_iri)
    if now is not None and stat_print(paths) == now:
        with suppress(OSError):
            write_atomic(
                note, lambda out: _write(out, json.dumps({"stat": now, "key": key}).encode())
            )
    return key


def _is_key(text: Any) -> bool:
    return (
        isinstance(text, str)
        and len(text) == _KEY_LENGTH
        and all(c in "0123456789abcdef" for c in text)
    )


def file_digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _fresh(name: str, recorded: Any) -> bool:
    """Whether a source text still has the digest (and stat print) an entry lists."""
    path = Path(name)
    digest, printed = recorded
    if printed is not None and stat_print([path]) == printed:
        return True
    return file_digest(path) == digest


class CacheEntry:
    """One cached compile, under its key; it may not exist yet."""

    def __init__(self, directory: Path, root: Path, base_iri: str) -> None:
        self.directory = directory
        self.root = root
        self.base_iri = base_iri

    @property
    def index_path(self) -> Path:
        return self.directory / _INDEX

    @property
    def nquads_path(self) -> Path:
        return self.directory / _NQUADS

    # -- reading ---------------------------------------------------------------
    @without_collector
    def open(self) -> Tables | None:
        """The entry's tables, or None for a miss (absent, stale or damaged: a damaged
        or stale entry is removed so the caller's save rebuilds it). UnsafeCache when
        the entry is not the user's own."""
        if not self.directory.exists():
            return None
        try:
            check_private_dir(self.directory)
            check_private_file(self.index_path)
        except FileNotFoundError:
            return None
        try:
            tables = Tables(self.index_path)
            sources = tables.value("sources")
            if not all(_fresh(name, recorded) for name, recorded in dict(sources).items()):
                self.discard()  # a source text changed: the quotes must be checked again
                return None
        except (CacheDamaged, OSError, TypeError, ValueError):
            self.discard()
            return None
        with suppress(OSError):  # replaced meanwhile: the open file still reads
            os.utime(self.directory)  # most recently used
        return tables

    @property
    def quads_dir(self) -> Path:
        return self.directory / _QUADS

    def nquads_files(self) -> list[Path] | None:
        """The cached N-Quads, if written and safe to read: the files of the set, when
        every file its list names is there with its size, else ``data.nq``."""
        try:
            listed = self.quad_list()
            if listed is not None:
                return [self.quads_dir / name for name in listed]
            check_private_file(self.nquads_path)
        except FileNotFoundError:
            return None
        except UnsafeCache as error:
            warn_once(f"cache file refused: {error}; {_WITHOUT}")
            return None
        return [self.nquads_path]

    def quad_list(self) -> dict[str, int] | None:
        """The files of the entry's set of N-Quads and their sizes; None when there is no
        set, or it is not whole (a file missing or of another size, a list damaged).
        UnsafeCache when a file is not the user's own."""
        try:
            check_private_dir(self.quads_dir)
            check_private_file(self.quads_dir / _QUAD_LIST)
            listed = json.loads((self.quads_dir / _QUAD_LIST).read_bytes())
            if type(listed) is not dict or not all(
                type(name) is str
                and _QUAD_NAME.fullmatch(name)
                and name != _QUAD_LIST
                and type(size) is int
                for name, size in listed.items()
            ):
                return None
            for name, size in listed.items():
                path = self.quads_dir / name
                check_private_file(path)
                if path.lstat().st_size != size:
                    return None
        except (OSError, ValueError, RecursionError):  # (UnsafeCache is none of them)
            return None
        return listed

    # -- writing ---------------------------------------------------------------
    def discard(self) -> None:
        """Remove the entry (stale or damaged); others may hold it open, which is fine."""
        dead = self.directory.with_name(f"{self.directory.name}.dead-{os.getpid()}")
        try:
            self.directory.rename(dead)
        except OSError:
            return
        shutil.rmtree(dead, ignore_errors=True)

    @without_collector
    def save(
        self,
        fill: Callable[[TableWriter], None],
        sources: Iterable[Path],
        began: float,
        read: tuple[Mapping[Path, str | None], Mapping[Path, str]],
    ) -> bool:
        """Write a new entry with what ``fill`` adds, unless the facts changed since
        ``began`` (the moment their reading started) or ``read`` (their digests as read)
        is not what the key names: then the answer of this run comes from files that
        no longer exist as read, and is not kept (see :meth:`Draft.commit`)."""
        try:
            with self.draft() as draft:
                return draft.commit(fill, sources, began, read)
        except (OSError, sqlite3.Error) as error:
            warn_not_written(error)
            return False

    @contextmanager
    def draft(self) -> Iterator[Draft]:
        """A new entry in an unfinished private folder: its N-Quads may be written while
        the facts are still being checked, the rest by :meth:`Draft.commit`, which puts
        it in place whole. Left uncommitted (an error, bad facts), it is removed."""
        root = self.directory.parent
        clean_leftovers(root, _is_entry)
        with building_dir(root) as building:
            yield Draft(self, building)

    def keep_nquads(self, lines: Iterable[str]) -> Path | None:
        """Write the N-Quads into the entry, atomically; None when that fails (warned)."""
        if not self.index_path.exists():
            return None

        def write(stream: Any) -> None:
            batch: list[str] = []
            for line in lines:
                batch.append(line)
                if len(batch) == 10000:
                    stream.write("".join(batch).encode("utf-8"))
                    batch.clear()
            stream.write("".join(batch).encode("utf-8"))

        try:
            write_atomic(self.nquads_path, write)
            _evict(self.directory.parent)
        except OSError as error:
            warn_not_written(error)
            return None
        self.mark_nquads_wanted()
        return self.nquads_path

    def forget_nquads(self) -> None:
        """Remove the entry's N-Quads (damaged): the whole file and the set."""
        self.nquads_path.unlink(missing_ok=True)
        dead = self.directory / f"{TEMP_PREFIX}quads-{os.getpid()}"
        with suppress(OSError):
            self.quads_dir.rename(dead)  # gone at once for readers; then removed
        shutil.rmtree(dead, ignore_errors=True)

    def _wanted_key(self) -> str:
        digest = hashlib.sha256(_framed(b"nquads-wanted", bytes(self.root), self.base_iri.encode()))
        return f"wanted:{digest.hexdigest()}"

    def mark_nquads_wanted(self) -> None:
        """Remember that this facts folder's store was asked for: later entries of it are
        written with their N-Quads (see dipgraph.cached_graph.file_parts). Costs speed only."""
        store = compiled_store()
        if store is not None:
            with suppress(OSError, sqlite3.Error):
                store.put({self._wanted_key(): "1"})

    def nquads_wanted(self) -> bool:
        """Whether this facts folder's store was asked for (see :meth:`mark_nquads_wanted`)."""
        store = compiled_store()
        try:
            return store is not None and bool(store.get([self._wanted_key()]))
        except (OSError, sqlite3.Error):
            return False


class Draft:
    """An entry being written (see :meth:`CacheEntry.draft`)."""

    def __init__(self, entry: CacheEntry, building: Path) -> None:
        self.entry = entry
        self.building = building

    @contextmanager
    def nquads(self) -> Iterator[BinaryIO]:
        """The entry's N-Quads file, open for writing."""
        path = self.building / _NQUADS
        with path.open("wb") as stream:
            yield stream
        os.chmod(path, 0o600)
        self.entry.mark_nquads_wanted()

    @contextmanager
    def quad_files(self) -> Iterator[QuadFiles]:
        """The entry's N-Quads as a set of files (see :class:`QuadFiles`), listed when
        the block ends without an error. A file is linked from any entry of the cache
        folder that holds it (a name is what the file is made from)."""
        folder = self.building / _QUADS
        folder.mkdir(mode=0o700)
        entry = self.entry
        others = [  # the most recently used first
            CacheEntry(path, entry.root, entry.base_iri)
            for path in _entries(entry.directory.parent)
            if path != entry.directory
        ]
        files = QuadFiles(folder, others)
        yield files
        files.close()
        self.entry.mark_nquads_wanted()

    def commit(
        self,
        fill: Callable[[TableWriter], None],
        sources: Iterable[Path],
        began: float,
        read: tuple[Mapping[Path, str | None], Mapping[Path, str]],
        patch_from: CacheEntry | None = None,
    ) -> bool:
        """Add what ``fill`` writes and the source texts' digests, and put the entry in
        place, unless what was read is not what the entry's key names. ``patch_from``:
        an entry whose tables are copied first, ``fill`` then writing only what differs
        (see :class:`~dipgraph.cache.tables.TableWriter`'s ``patch``): every part it does
        not keep or patch is written anew, the source texts' digests among them.
        ``read``: the SHA-256 of each fact file, and of each source text, as the loader
        read it; the first must give the key, and each source text must still have the
        digest read (and no change since ``began``). True when kept. OSError or
        sqlite3.Error when writing fails.

        Comparing the files on disk again is not enough: an edit undone while they
        were read (A, B, A) leaves them as keyed, and the facts read were B's."""
        entry, building = self.entry, self.building
        sources = sorted(set(sources))
        facts_read, sources_read = read
        if content_key(entry.root, entry.base_iri, facts_read) != entry.directory.name:
            return False  # edited while being read
        if any(p not in sources_read or p.stat().st_mtime >= began - 1 for p in sources):
            return False
        digests = {str(p): (file_digest(p), stat_print([p])) for p in sources}
        if any(digests[str(p)][0] != sources_read[p] for p in sources):
            return False  # a source text changed since it was read
        (building / _INDEX).unlink(missing_ok=True)  # (a patch that failed)
        if patch_from is not None:
            check_private_file(patch_from.index_path)
            shutil.copyfile(patch_from.index_path, building / _INDEX)
            os.chmod(building / _INDEX, 0o600)
        writer = TableWriter(building / _INDEX, patch=patch_from is not None)
        try:
            fill(writer)
            writer.add_value("sources", digests)
            writer.close()
        except BaseException:
            writer.abandon()
            raise
        os.chmod(building / _INDEX, 0o600)
        # The caller saves only when it found no usable entry (open() discards a stale
        # or damaged one), so an entry here now is another process's, of the same
        # content key, saved meanwhile: keep it. Replacing it would pull it from under
        # the processes reading it.
        try:
            building.rename(entry.directory)
        except OSError:
            return False  # another process saved the same entry first
        _evict(entry.directory.parent)
        return True


class QuadFiles:
    """A set of N-Quads files being written into a new entry: each named by its
    writer (by what it is made from, so that one name holds the same bytes in every
    entry), written here or linked from another entry's set. The list of names and
    sizes is written last; a reader loads the set only when every file it names is there
    with that size.

    ``others``: the entries a file may be linked from, the first that holds it."""

    def __init__(self, folder: Path, others: list[CacheEntry]) -> None:
        self.folder = folder
        self.sizes: dict[str, int] = {}
        self._others = others
        self._held: dict[str, tuple[CacheEntry, int]] | None = None

    def _name(self, name: str) -> Path:
        if not _QUAD_NAME.fullmatch(name) or name == _QUAD_LIST or name in self.sizes:
            raise ValueError(f"not a new quad file name: {name!r}")
        return self.folder / name

    def write(self, name: str, chunks: Iterable[bytes]) -> None:
        """A file of the set, made of ``chunks``."""
        path = self._name(name)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as stream:
            for chunk in chunks:
                stream.write(chunk)
            self.sizes[name] = stream.tell()

    def _holders(self) -> dict[str, tuple[CacheEntry, int]]:
        """Which other entry holds each name, in a whole set (and its size there)."""
        if self._held is None:
            self._held = {}
            for other in reversed(self._others):  # (the first holder wins)
                try:
                    listed = other.quad_list()
                except UnsafeCache:
                    listed = None
                for name, size in (listed or {}).items():
                    self._held[name] = (other, size)
        return self._held

    def link(self, name: str) -> bool:
        """Share the file ``name`` of another entry's set (a hard link: no byte copied);
        False when no other entry has a whole set holding it (then write it)."""
        held = self._holders().get(name)
        if held is None:
            return False
        other, size = held
        path = self._name(name)
        try:
            os.link(other.quads_dir / name, path)
            check_private_file(path)
            if path.lstat().st_size == size:
                self.sizes[name] = size
                return True
        except (OSError, UnsafeCache):
            pass
        path.unlink(missing_ok=True)  # (replaced or gone meanwhile)
        return False

    def close(self) -> None:
        """Write the list: the set is whole from now on."""
        path = self.folder / _QUAD_LIST
        with open(path, "xb") as stream:
            stream.write(json.dumps(self.sizes, sort_keys=True).encode())
        os.chmod(path, 0o600)


def _reason(error: BaseException) -> str:
    return str(getattr(error, "strerror", None) or error)


def warn_not_written(error: BaseException) -> None:
    """Say once that the cache could not be written, and that the run goes on without."""
    warn_once(f"cache not written ({_reason(error)}); {_WITHOUT}")


def entry_for(root: Path, base_iri: str) -> CacheEntry | None:
    """The entry for a facts directory, or None when caching is off or the cache
    folder is unusable (warned once)."""
    configured = cache_root()
    if configured is None:
        return None
    try:
        folder = private_root(configured)
    except UnsafeCache as error:
        warn_once(f"cache folder refused: {error}; {_WITHOUT}")
        return None
    return CacheEntry(folder / quick_key(folder, root, base_iri), root, base_iri)


_PARTS = "files.sqlite"
_COMPILED = "compiled.sqlite"


def part_store() -> PartStore | None:
    """The store of per-file results in the cache folder, or None when caching is off
    or the folder or store is unusable (warned once)."""
    return _store(_PARTS)


def compiled_store() -> PartStore | None:
    """The store of what compiling each file gave (see dipgraph.cached_graph.file_parts), apart
    from the per-file checks so that neither pushes the other out; None as for
    :func:`part_store`."""
    return _store(_COMPILED)


def _store(name: str) -> PartStore | None:
    configured = cache_root()
    if configured is None:
        return None
    try:
        return PartStore(private_root(configured) / name, size_limit() // 4)
    except UnsafeCache as error:
        warn_once(f"cache folder refused: {error}; {_WITHOUT}")
    except (OSError, sqlite3.Error):
        pass  # costs speed only: an entry that cannot be written says so itself
    return None


def _is_entry(path: Path) -> bool:
    """A directory this cache made: named by a content key. Anything else in the cache
    directory (it may be one a user shares with other things) is never touched."""
    return _is_key(path.name) and path.is_dir() and not path.is_symlink()


def _size(entry: Path, seen: set[tuple[int, int]] | None = None) -> int:
    """The bytes of an entry's files, each counted once (``seen``: the files counted
    already, by device and inode: entries share their N-Quads files as hard links)."""
    seen = set() if seen is None else seen
    total = 0
    for path in entry.rglob("*"):
        info = path.lstat()
        if stat.S_ISREG(info.st_mode) and (info.st_dev, info.st_ino) not in seen:
            seen.add((info.st_dev, info.st_ino))
            total += info.st_size
    return total


def size_limit() -> int:
    """Bytes all entries may take together: ``$DIPGRAPH_CACHE_MAX_MB``, else 4096 MB."""
    try:
        megabytes = float(os.environ.get("DIPGRAPH_CACHE_MAX_MB", "4096"))
    except ValueError:
        megabytes = 4096.0
    if megabytes != megabytes:  # nan
        megabytes = 4096.0
    # "inf" (no limit, as one may write it) was an OverflowError traceback in every command
    return int(min(max(megabytes, 0.0), float(1 << 40)) * 1024 * 1024)


def _entries(cache: Path) -> list[Path]:
    """The cache folder's entries, the most recently used first."""
    found = []
    for path in cache.iterdir():
        if _is_entry(path):
            with suppress(OSError):  # (gone meanwhile)
                found.append((path.stat().st_mtime, path))
    return [path for _, path in sorted(found, reverse=True)]


def _evict(cache: Path) -> None:
    """Keep the most recently used entries: at most KEEP_ENTRIES, and no more bytes than
    :func:`size_limit` (the newest entry always stays)."""
    entries = _entries(cache)
    budget = size_limit()
    seen: set[tuple[int, int]] = set()
    for number, entry in enumerate(entries):
        budget -= _size(entry, seen)
        if number and (number >= KEEP_ENTRIES or budget < 0):
            shutil.rmtree(entry, ignore_errors=True)
    # The key notes (one a facts folder and base IRI) only spare hashing: keep the newest.
    notes = sorted(
        (p for p in cache.glob("key-*.json") if _KEY_NOTE.fullmatch(p.name) and p.is_file()),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for note in notes[KEEP_KEY_NOTES:]:
        note.unlink(missing_ok=True)
