"""A compile cache keyed by the content of the facts, so repeated queries do not recompile.

The key hashes dipgraph's version and schema, the base IRI, the facts directory's
path and every file under it (YAML and source texts). A changed, added or removed
file gives a new key, so the cache can never answer from stale facts. An entry
holds what `talks` and `path` scan (plain tuples and the name indexes, loaded
with marshal), the JSON view of every contact and post (read by offset for the
rows a query returns), the checked facts (pickled, loaded only by commands that
need every record) and, once SPARQL has been asked for, an Oxigraph store on
disk. Only facts that passed every check are cached.

Location: ``$DIPGRAPH_CACHE_DIR``, else ``$XDG_CACHE_HOME/dipgraph``, else
``~/.cache/dipgraph``; ``DIPGRAPH_NO_CACHE=1`` turns it off. It keeps the 8 most
recently used entries within ``$DIPGRAPH_CACHE_MAX_MB`` (4096 by default). The cache holds
pickles: it must be a directory only you can write to (the default is).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from dipgraph.collector import without_collector
from dipgraph.graph.contact_index import ContactIndex, ViewStore

if TYPE_CHECKING:
    from dipgraph.facts import Facts
    from dipgraph.graph.knowledge import KnowledgeGraph

KEEP_ENTRIES = 8
_KEY_LENGTH = 32
_FORMAT = "4"


def cache_root() -> Path | None:
    """Where entries live, or None when caching is turned off."""
    if os.environ.get("DIPGRAPH_NO_CACHE"):
        return None
    if os.environ.get("DIPGRAPH_CACHE_DIR"):
        return Path(os.environ["DIPGRAPH_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "dipgraph"


def content_key(root: Path, base_iri: str) -> str:
    """A digest of everything the compiled result depends on."""
    from dipgraph import __version__
    from dipgraph.schema.model import SCHEMA_DIR

    digest = hashlib.sha256(f"{_FORMAT}\0{__version__}\0{base_iri}\0{root}\0".encode())
    for folder in (SCHEMA_DIR, root):
        files = (
            [root]
            if folder.is_file()
            else sorted(
                p
                for p in folder.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(folder).parts)
            )
        )
        for path in files:
            digest.update(str(path.relative_to(folder) if folder.is_dir() else path).encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()[:_KEY_LENGTH]


class CacheEntry:
    """One cached compile: the facts and, later, an Oxigraph store."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @property
    def facts_path(self) -> Path:
        return self.directory / "facts.pickle"

    @property
    def store_path(self) -> Path:
        return self.directory / "store"

    @property
    def index_path(self) -> Path:
        return self.directory / "index.marshal"

    @property
    def views_path(self) -> Path:
        return self.directory / "views.jsonl"

    @without_collector
    def save(self, kg: KnowledgeGraph) -> None:
        """Write everything a later query process needs; the index file is written last,
        so its presence means the entry is complete."""
        self.save_facts(kg.facts)
        offsets = ViewStore.write(self.views_path, kg.all_views())
        index = kg.contact_index
        # Tuples, not sets: marshal loads them five times faster.
        names = (
            {key: tuple(sorted(ids)) for key, ids in kg.actor_names.exact.items()},
            kg.actor_names.display,
            {key: tuple(sorted(ids)) for key, ids in kg.topic_names.exact.items()},
            kg.topic_names.display,
        )
        handle, name = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(marshal.dumps((index.as_tuple(), names, offsets)))
        os.replace(name, self.index_path)
        _evict(self.directory.parent)

    @without_collector
    def open(self, base: str) -> KnowledgeGraph | None:
        """A graph answering from the cache (facts unpickled only if asked for)."""
        from dipgraph.graph.knowledge import KnowledgeGraph
        from dipgraph.names import NameIndex

        try:
            index, names, offsets = marshal.loads(self.index_path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return None
        os.utime(self.directory)  # most recently used

        def facts() -> Facts:
            loaded = self.load_facts()
            if loaded is None:
                raise RuntimeError(f"the cache entry {self.directory} is damaged; delete it")
            return loaded

        kg = KnowledgeGraph(facts, base, self)
        kg.contact_index = ContactIndex.from_tuple(index)
        kg.actor_names = NameIndex(names[0], names[1])
        kg.topic_names = NameIndex(names[2], names[3])
        kg.view_store = ViewStore(self.views_path, offsets)
        return kg

    @without_collector
    def load_facts(self) -> Facts | None:
        """The cached facts, or None when the entry is damaged."""
        try:
            with self.facts_path.open("rb") as handle:
                return pickle.load(handle)
        except (
            OSError,
            pickle.UnpicklingError,
            EOFError,
            AttributeError,
            ImportError,
            TypeError,
            ValueError,
        ):
            return None

    def save_facts(self, facts: Facts) -> None:
        """Pickle the facts, file locations included (``show`` can point at them)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(facts, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(name, self.facts_path)

    def open_store(self, nquads: Callable[[], str]):  # -> pyoxigraph.Store
        """The cached store, or a new one built from ``nquads()`` and kept for next time."""
        import pyoxigraph

        if self.store_path.is_dir():
            try:
                return pyoxigraph.Store.read_only(str(self.store_path))
            except OSError:
                shutil.rmtree(self.store_path, ignore_errors=True)
        building = Path(tempfile.mkdtemp(dir=self.directory, prefix="store-"))
        store = pyoxigraph.Store(str(building))
        store.bulk_load(nquads().encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
        store.flush()
        del store
        try:
            building.rename(self.store_path)
        except OSError:  # another process won the race: use its store
            shutil.rmtree(building, ignore_errors=True)
        _evict(self.directory.parent)
        return pyoxigraph.Store.read_only(str(self.store_path))


def entry_for(root: Path, base_iri: str) -> CacheEntry | None:
    cache = cache_root()
    if cache is None:
        return None
    return CacheEntry(cache / content_key(root, base_iri))


def _is_entry(path: Path) -> bool:
    """A directory this cache made: named by a content key. Anything else in the cache
    directory (it may be one a user shares with other things) is never touched."""
    return (
        path.is_dir()
        and len(path.name) == _KEY_LENGTH
        and all(c in "0123456789abcdef" for c in path.name)
    )


def _size(entry: Path) -> int:
    return sum(p.stat().st_size for p in entry.rglob("*") if p.is_file())


def size_limit() -> int:
    """Bytes all entries may take together: ``$DIPGRAPH_CACHE_MAX_MB``, else 4096 MB."""
    try:
        return int(float(os.environ.get("DIPGRAPH_CACHE_MAX_MB", "4096")) * 1024 * 1024)
    except ValueError:
        return 4096 * 1024 * 1024


def _evict(cache: Path) -> None:
    """Keep the most recently used entries: at most KEEP_ENTRIES, and no more bytes than
    :func:`size_limit` (the newest entry always stays)."""
    entries = sorted(
        (p for p in cache.iterdir() if _is_entry(p)), key=lambda p: p.stat().st_mtime, reverse=True
    )
    budget = size_limit()
    for number, entry in enumerate(entries):
        budget -= _size(entry)
        if number and (number >= KEEP_ENTRIES or budget < 0):
            shutil.rmtree(entry, ignore_errors=True)
