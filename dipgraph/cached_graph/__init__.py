"""Loading a knowledge graph through the compile cache: the one place that knows both.

The cache (:mod:`dipgraph.cache`) stores and restores plain data and knows no graph;
the graph (:class:`~dipgraph.graph.knowledge.KnowledgeGraph`) answers questions from
the data it is given and knows no cache. This package wires them: it checks the
facts or finds their entry, says which parts of a graph are stored under which names
(:mod:`~dipgraph.cached_graph.parts`), gives a graph those parts back, recovers
when they turn out damaged and takes a cold start's store
(:mod:`~dipgraph.cached_graph.graph`), and keeps
``check``'s report (:mod:`~dipgraph.cached_graph.check_report`).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from dipgraph.cache import CacheEntry, entry_for, part_store, schema_digest, warn_not_written
from dipgraph.cache.child import (
    CHILD_FAILED,
    CHILD_NO_CACHE,
    ToParent,
    WriterThread,
    finish_children,
    store_from_child,
)
from dipgraph.cached_graph import parts
from dipgraph.cached_graph.file_parts import save_entry
from dipgraph.cached_graph.graph import CachedGraph, open_entry
from dipgraph.facts import Facts
from dipgraph.graph.knowledge import KnowledgeGraph
from dipgraph.loader import (
    FactsError,
    Problem,
    check_facts,
    check_in_stages,
    fact_files,
    load_facts,
)
from dipgraph.process_memory import give_back_memory

if TYPE_CHECKING:
    from dipgraph.cache.file_checks import FileChecks

__all__ = ["FIRST_QUERY_FROM_BYTES", "check_and_keep", "check_cached", "load_cached"]


def _reload(root: Path) -> Callable[[], Facts]:
    """Reading the facts from their files again (what a damaged entry gives way to)."""
    return lambda: load_facts(root)


def load_cached(
    root: Path, base: str, prepare_store: bool = False, first_query: str | None = None
) -> KnowledgeGraph:
    """The graph of ``root``: from its cache entry when there is a usable one, else
    checked from the files and stored for next time. FactsError on errors.

    ``prepare_store``: the caller wants the SPARQL store; on a cold cache it is loaded
    from a child process that checks and compiles the facts (see
    :mod:`dipgraph.cache.child`). ``first_query`` (a named query, ``@FILE`` or SPARQL
    text): the query the caller will ask first; a cold start then loads only the quads
    it can read, for it alone (see :mod:`dipgraph.graph.sparql.footprint`), when the
    fact files take :data:`FIRST_QUERY_FROM_BYTES` or more.
    """

    finish_children()  # an entry still being written by an earlier call: let it land
    entry = entry_for(root, base)
    tables = open_entry(entry)
    cold = entry is not None and tables is None and not entry.directory.exists()
    if prepare_store and cold:
        assert entry is not None
        text, reads = None, None
        if first_query and _fact_bytes(root) >= FIRST_QUERY_FROM_BYTES:
            text, reads = _predicates_read(first_query)
        loaded = store_from_child(lambda parent: _save_streaming(root, base, entry, parent, reads))
        if loaded is not None:
            only_for = None if reads is None else text  # (a store of what it reads)
            return _waiting_graph(root, base, entry, *loaded, only_for)
        tables = open_entry(entry)
    if entry is not None and tables is not None:
        return CachedGraph.from_entry(tables, entry, base, _reload(root))
    began = time.time()
    kg = CachedGraph(_load_checked(root), base, _reload(root))
    if entry is not None and tables is None and not entry.directory.exists():
        _save(entry, kg, began)
    return kg


# Fact files under this size load whole for a first query too: reading the query with
# rdflib's parser takes 0.11 s (a cold query on the bundled data: 0.25 -> 0.36 s), and
# the whole store is small (10k contacts, 7 MB of facts: 0.12 GiB).
FIRST_QUERY_FROM_BYTES = 16 << 20


def _fact_bytes(root: Path) -> int:
    """The size of the fact files, 0 when they cannot be listed (the load will say why)."""
    try:
        return sum(path.stat().st_size for path in fact_files(root))
    except OSError:
        return 0


def _predicates_read(query: str) -> tuple[str | None, frozenset[str] | None]:
    """The text ``query`` names and the predicates it reads; None when it may read any,
    or is not a query (its error is then reported when it is asked)."""
    from dipgraph.graph.sparql import SparqlError, resolve_query
    from dipgraph.graph.sparql.footprint import predicates_read

    try:
        text, _ = resolve_query(query)
    except SparqlError:
        return None, None
    return text, predicates_read(text)


def _waiting_graph(
    root: Path,
    base: str,
    entry: CacheEntry,
    store: Any,
    passed: Callable[[], bool],
    only_for: str | None = None,
) -> KnowledgeGraph:
    """A graph whose store is loaded, to be trusted once ``passed()`` says the child's
    checks passed; anything else it is asked waits for the child to finish the entry,
    then answers from it (or from the facts, read again: the errors, if any).
    ``only_for``: the store holds only what that query text reads, and the child says its
    checks passed only when it has little left to do (see ``_save_streaming``); the
    whole store, if wanted later, is read from the entry."""
    kg = CachedGraph.waiting(entry, base, _reload(root))
    kg.hold_unchecked_store(store, passed, only_for)
    return kg


class _KeptLines:
    """The entry's N-Quads file, written for as long as writing works: a full disk
    costs the cache, not the answer (the lines still go to the parent)."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.error: OSError | None = None

    def write(self, chunk: bytes) -> None:
        if self.error is None:
            try:
                self.stream.write(chunk)
            except OSError as error:
                self.error = error

    def close(self) -> None:
        try:
            self.stream.close()
        except OSError as error:
            self.error = self.error or error


def _save_streaming(
    root: Path,
    base: str,
    entry: CacheEntry,
    parent: ToParent,
    reads: frozenset[str] | None = None,
) -> int:
    """In the child: check ``root`` and compile it at once, file by file, each chunk of
    N-Quads lines written into a new entry and sent to ``parent`` (only the lines whose
    predicate IRI is in ``reads``, unless it is None); when every check passed, tell
    ``parent`` so and finish the entry. Returns the exit code.

    The checks across files (references, quotes...) run once the last file is
    checked: the parent's store counts only when they pass.
    """
    from dipgraph.graph.quad_stream import QuadsAsChecked, Selected
    from dipgraph.schema.model import load_model

    began = time.time()
    try:
        with entry.draft() as draft:
            with draft.nquads() as file:
                kept = _KeptLines(file)
                batch: list[str] = []
                sent: list[str] = []  # when the parent wants only some of the lines
                writer = WriterThread([kept.write, parent.write])

                def flush() -> None:
                    if reads is None:
                        writer.write("".join(batch).encode("utf-8"))
                    else:
                        writer.write("".join(batch).encode(), "".join(sent).encode())
                        sent.clear()
                    batch.clear()

                def write(line: str) -> None:
                    batch.append(line)
                    if len(batch) == 4096:
                        flush()

                selected = None
                if reads is not None:
                    selected = Selected(frozenset(f"<{iri}>" for iri in reads), sent.append)
                quads = QuadsAsChecked(load_model(), write, base, selected)
                checks = _file_checks()
                staged = check_in_stages(
                    root, each_file=quads.add_file, one_file=checks, quote_verdicts=checks
                )
                _keep(checks)
                if staged.has_errors():
                    return CHILD_FAILED  # the parent checks again and reports every error
                quads.finish(staged.facts)
                flush()
                writer.close()
                kept.close()
                parent.end_data()  # the parent queries its store while the checks go on
                del quads  # the records it saw and its keys of shared quads: needed no more
                give_back_memory()
                if staged.finds_errors():
                    return CHILD_FAILED  # no "done": the parent drops its store
            if reads is None:
                parent.done()  # the parent's store is complete and checked: it may answer now
            if kept.error is not None:
                parent.done(answer_waits=True)
                warn_not_written(kept.error)
                return CHILD_NO_CACHE
            kg = KnowledgeGraph(staged.facts, base)
            sources = [s.file for s in staged.facts.sources.values()]
            # A store for one query: the parent runs it only when this process has little
            # left to do (the facts to write), as the query's memory grows as it runs. At
            # 100k contacts the tree's peak was 1.60 GiB with the query run beside the whole
            # entry, 1.45 GiB with it started before the facts, 1.39 GiB after the exit.
            fill = parts.fill(kg, None if reads is None else lambda: parent.done(answer_waits=True))
            try:
                put = draft.commit(fill, sources, began, _read(staged.facts))
                return 0 if put else CHILD_NO_CACHE
            finally:
                parent.done(answer_waits=True)  # (if not said yet: nothing was written)
    except (OSError, sqlite3.Error) as error:
        warn_not_written(error)
        return CHILD_NO_CACHE


def _save(entry: CacheEntry, kg: CachedGraph, began: float) -> None:
    sources = [s.file for s in kg.facts.sources.values()]
    # (the views, index and facts from the files' parts: see cached_graph.file_parts)
    if save_entry(entry, kg, parts.fill, sources, began, _read(kg.facts)):
        tables = open_entry(entry)
        if tables is not None:  # answer from the entry too: the parts built here can go
            kg.attach(tables, entry)


def _read(facts: Facts) -> tuple[dict[Path, str | None], dict[Path, str]]:
    """The digests of the fact files and of the source texts as the loader read them:
    what an entry of ``facts`` is made from (see :meth:`dipgraph.cache.Draft.commit`)."""
    sources = {s.file for s in facts.sources.values()}
    return {p: facts.digests.get(p) for p in facts.files}, {
        p: d for p, d in facts.digests.items() if p in sources
    }


def _file_checks() -> FileChecks | None:
    """Each file's check answered by the store of per-file results, when usable."""
    from dipgraph.cache.file_checks import FileChecks
    from dipgraph.loader.reading import MAX_FILE_BYTES
    from dipgraph.schema.model import load_model

    store = part_store()
    if store is None:
        return None
    try:
        schema = schema_digest()
    except OSError:
        return None
    return FileChecks(store, load_model(), MAX_FILE_BYTES, schema)


def _keep(checks: FileChecks | None) -> None:
    """Store the per-file checks; failing costs speed only, not said (a full disk is
    said once, by the entry's own write)."""
    if checks is not None:
        with suppress(sqlite3.Error, OSError):
            checks.save()


def _load_checked(root: Path) -> Facts:
    """:func:`load_facts`, re-reading only the files changed since they were checked."""
    checks = _file_checks()
    facts, problems = check_facts(root, one_file=checks, quote_verdicts=checks)
    _keep(checks)
    if any(p.severity == "error" for p in problems):
        raise FactsError(problems)
    return facts


def check_cached(root: Path, base: str) -> tuple[Facts, list[Problem]]:
    """Check ``root``, re-reading only the files that changed since they were last
    checked; clean facts go into the cache unless already there (a warm check writes
    no entry)."""
    facts, problems, _ = check_and_keep(root, base)
    return facts, problems


def check_and_keep(root: Path, base: str) -> tuple[Facts, list[Problem], FileChecks | None]:
    """:func:`check_cached`, and the per-file checks it used (None without the cache)."""
    entry = entry_for(root, base) if root.exists() else None
    began = time.time()
    checks = _file_checks() if root.exists() else None
    facts, problems = check_facts(root, one_file=checks, quote_verdicts=checks)
    _keep(checks)
    if (
        entry is not None
        and not any(p.severity == "error" for p in problems)
        and open_entry(entry) is None
        and not entry.directory.exists()
    ):
        _save(entry, CachedGraph(facts, base, _reload(root)), began)
    return facts, problems, checks
