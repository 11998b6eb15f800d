"""Loading a knowledge graph through the compile cache: the one place that knows both.

The cache (:mod:`dipgraph.cache`) stores and restores plain data; the graph
(:class:`~dipgraph.graph.knowledge.KnowledgeGraph`) answers questions. This module
says which parts of a graph are stored under which names, and puts a graph back
together from them.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import weakref
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, cast

from dipgraph.cache import CacheEntry, entry_for, part_store, schema_digest, warn_not_written
from dipgraph.cache.child import (
    CHILD_FAILED,
    CHILD_NO_CACHE,
    ToParent,
    WriterThread,
    finish_children,
    store_from_child,
)
from dipgraph.cache.folder import UnsafeCache, warn_once
from dipgraph.cache.records import BadRecord, decode_facts, facts_json
from dipgraph.cache.tables import CacheDamaged, Tables, TableWriter
from dipgraph.collector import give_back_memory
from dipgraph.facts import RECORD_TYPES, Facts
from dipgraph.graph.contact_index import ContactIndex
from dipgraph.graph.file_parts import save_entry
from dipgraph.graph.knowledge import KnowledgeGraph
from dipgraph.loader import (
    FactsError,
    Problem,
    check_facts,
    check_in_stages,
    fact_files,
    load_facts,
)
from dipgraph.names import NameIndex

if TYPE_CHECKING:
    from dipgraph.cache.file_checks import FileChecks

_NAMES = ("actor_names", "topic_names")


def _fill(kg: KnowledgeGraph, before_facts: Callable[[], None] | None = None) -> Callable[..., Any]:
    """What an entry holds: the contact index by part, the name indexes, the JSON
    views of contacts and posts, and the checked facts (the last part, 1.2 s of 4.4 s
    at 100k contacts: ``before_facts()`` is called before it)."""

    def fill(writer: TableWriter) -> None:
        index = kg.contact_index
        parts = dict(zip(ContactIndex.part_names(), index.as_tuple(), strict=True))
        for name, value in parts.items():
            rows_of = ContactIndex.POSITIONS.get(name)
            if rows_of is not None:
                writer.add_shards(f"index.{name}", value, f"index.{rows_of}", parts[rows_of])
            elif isinstance(value, dict):
                writer.add_map(f"index.{name}", value)
            else:
                writer.add_list(f"index.{name}", value)
        for name in _NAMES:
            names: NameIndex = getattr(kg, name)
            writer.add_map(f"{name}.exact", {k: sorted(v) for k, v in names.exact.items()})
            writer.add_map(f"{name}.display", names.display)
        writer.add_map("views", kg.all_views(), tuples=False)
        writer.add_map("profiles", kg.all_profiles(), tuples=False)
        writer.add_map("source_titles", kg.source_titles())
        if before_facts is not None:
            before_facts()
        writer.add_json("facts", facts_json(kg.facts))

    return fill


def _stored_facts(tables: Tables) -> Callable[..., Any]:
    def facts() -> Facts:
        try:
            return decode_facts(tables.value("facts"))
        except BadRecord as error:
            raise CacheDamaged(f"{tables.path}: {error}") from None

    return facts


def _from_entry(tables: Tables, entry: CacheEntry, root: Path, base: str) -> KnowledgeGraph:
    """A graph answering from the stored parts (the facts decoded only if asked for)."""
    kg = KnowledgeGraph(_stored_facts(tables), base)
    _attach(kg, tables, entry, root)
    return kg


def _attach(kg: KnowledgeGraph, tables: Tables, entry: CacheEntry, root: Path) -> None:
    """Point ``kg`` at the stored parts; facts it holds may then be dropped and read back."""
    kg.rdf_file = entry

    def recover() -> Facts:
        entry.discard()  # damaged: the next run builds it again
        return load_facts(root)

    kg.set_fact_sources(_stored_facts(tables), recover)
    index = ContactIndex.from_tuple(
        tuple(
            tables.list(f"index.{name}")
            if tables.parts.get(f"index.{name}", ("",))[0] == "list"
            else tables.map(f"index.{name}")
            for name in ContactIndex.part_names()
        )
    )
    # Stored maps read like the dicts NameIndex holds (by key, lazily).
    actor_names, topic_names = (
        NameIndex(cast(dict, tables.map(f"{n}.exact")), cast(dict, tables.map(f"{n}.display")))
        for n in _NAMES
    )
    kg.use_stored(
        index,
        actor_names,
        topic_names,
        tables.map("views"),
        tables.map("profiles"),
        tables.map("source_titles"),
    )


def _open(entry: CacheEntry | None) -> Tables | None:
    if entry is None:
        return None
    try:
        return entry.open()
    except UnsafeCache as error:
        warn_once(f"cache entry refused: {error}; running without the cache")
        return None


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
    tables = _open(entry)
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
        tables = _open(entry)
    if entry is not None and tables is not None:
        return _from_entry(tables, entry, root, base)
    began = time.time()
    kg = KnowledgeGraph(_load_checked(root), base)
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

    def facts() -> Facts:
        finish_children()
        tables = _open(entry)
        if tables is None:
            return load_facts(root)
        graph = weak()
        if graph is not None:
            _attach(graph, tables, entry, root)
        return _stored_facts(tables)()

    kg = KnowledgeGraph(facts, base, entry, recover=lambda: load_facts(root))
    # Weak: the graph holds ``facts``; a strong cycle would keep the store (1.5 GiB at
    # 100k contacts) alive until a cyclic collection, past the answer.
    weak = weakref.ref(kg)
    kg.hold_unchecked_store(store, passed, only_for)
    if only_for is not None:
        kg.rdf_file = _WrittenByChild(entry)
    return kg


class _WrittenByChild:
    """The entry's N-Quads (see dipgraph.graph.knowledge.RdfFile) once the child has put
    the entry in place: the whole store, when a store made for one query will not do."""

    def __init__(self, entry: CacheEntry) -> None:
        self.entry = entry

    def nquads_file(self) -> Path | None:
        finish_children()
        return self.entry.nquads_file()

    def keep_nquads(self, lines: Iterable[str]) -> Path | None:
        finish_children()
        return self.entry.keep_nquads(lines)

    def forget_nquads(self) -> None:
        self.entry.forget_nquads()


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
                staged = check_in_stages(root, each_file=quads.add_file, one_file=checks)
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
            fill = _fill(kg, None if reads is None else lambda: parent.done(answer_waits=True))
            try:
                put = draft.commit(fill, sources, began, _read(staged.facts))
                return 0 if put else CHILD_NO_CACHE
            finally:
                parent.done(answer_waits=True)  # (if not said yet: nothing was written)
    except (OSError, sqlite3.Error) as error:
        warn_not_written(error)
        return CHILD_NO_CACHE


def _save(entry: CacheEntry, kg: KnowledgeGraph, began: float) -> None:
    sources = [s.file for s in kg.facts.sources.values()]
    if save_entry(entry, kg, _fill, sources, began, _read(kg.facts)):  # from files' parts
        tables = _open(entry)
        if tables is not None:  # answer from the entry too: the parts built here can go
            _attach(kg, tables, entry, kg.facts.root)


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
    facts, problems = check_facts(root, one_file=checks)
    _keep(checks)
    if any(p.severity == "error" for p in problems):
        raise FactsError(problems)
    return facts


def check_cached(root: Path, base: str) -> tuple[Facts, list[Problem]]:
    """Check ``root``, re-reading only the files that changed since they were last
    checked; clean facts go into the cache unless already there (a warm check writes
    no entry)."""
    facts, problems, _ = _check_and_keep(root, base)
    return facts, problems


def _check_and_keep(root: Path, base: str) -> tuple[Facts, list[Problem], FileChecks | None]:
    entry = entry_for(root, base) if root.exists() else None
    began = time.time()
    checks = _file_checks() if root.exists() else None
    facts, problems = check_facts(root, one_file=checks)
    _keep(checks)
    if (
        entry is not None
        and not any(p.severity == "error" for p in problems)
        and _open(entry) is None
        and not entry.directory.exists()
    ):
        _save(entry, KnowledgeGraph(facts, base), began)
    return facts, problems, checks


@dataclass
class CheckReport:
    """What ``check`` says: every problem, and how many records of each kind and
    files were checked. ``unchanged``: no file changed since the last check, whose
    report this is; ``reread``: the fact files read again (the others' checks were
    kept from earlier runs), None without the cache."""

    problems: list[Problem]
    counts: dict[str, int]
    files: int
    unchanged: bool = False
    reread: int | None = None

    def as_json(self) -> str:
        return json.dumps(
            {
                # (field by field: dataclasses.astuple deep-copies, 0.5 s for 19k warnings)
                "problems": [[p.path, p.line, p.col, p.message, p.severity] for p in self.problems],
                "counts": self.counts,
                "files": self.files,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> CheckReport:
        data = json.loads(text)
        problems = [
            Problem(*map(_checked_type, p, (str, int, int, str, str))) for p in data["problems"]
        ]
        counts = {str(k): _checked_type(v, int) for k, v in dict(data["counts"]).items()}
        return cls(problems, counts, _checked_type(data["files"], int), unchanged=True, reread=0)


def _checked_type(value: Any, kind: type) -> Any:
    if type(value) is not kind:
        raise ValueError(f"expected {kind.__name__}")
    return value


def _folder_print(root: Path, report_sources: list[Path]) -> str | None:
    """The stat of every fact file and source text, None when one changed within the
    last two seconds or cannot be read (see dipgraph.cache.file_checks.stat_text)."""
    from dipgraph.cache.file_checks import stat_text
    from dipgraph.loader.finding import find_fact_files

    listing_problems: list[Problem] = []  # a folder that cannot be read: check it all
    paths = [*find_fact_files(root, listing_problems), *report_sources]
    if listing_problems:
        return None
    printed = [stat_text(path) for path in paths]
    if any(p is None for p in printed):
        return None
    return json.dumps([[str(path), p] for path, p in zip(paths, printed, strict=True)])


def _report_key(root: Path, base: str) -> str:
    from dipgraph.version import __version__

    digest = hashlib.sha256()
    for part in (
        b"check-report-1",
        __version__.encode(),
        schema_digest(),
        os.fsencode(root),
        os.fsencode(Path.cwd()),
        base.encode(),
    ):
        digest.update(len(part).to_bytes(8, "big") + part)
    return f"report:{digest.hexdigest()}"


def check_report(root: Path, base: str) -> CheckReport:
    """:func:`check_cached`'s answer as a report; when no fact file or source text has
    changed since a check that found no error (their stat as git's index keeps it),
    that check's report, at the cost of a stat of each file."""
    store = part_store() if root.exists() else None
    key = None
    if store is not None:
        try:
            key = _report_key(root, base)
            kept = store.get([key]).get(key)
            if kept is not None:
                data = json.loads(kept)
                entry = entry_for(root, base)
                if (
                    entry is not None
                    and entry.directory.exists()
                    and _folder_print(root, [Path(p) for p in data["sources"]]) == data["stat"]
                ):
                    return CheckReport.from_json(data["report"])
        except (OSError, sqlite3.Error, ValueError, TypeError, KeyError, RecursionError):
            pass  # checked from the files
    from dipgraph.curation import with_curation  # the rules of facts/README.md

    facts, problems, checks = _check_and_keep(root, base)
    problems = with_curation(facts, problems, root)
    report = CheckReport(
        problems,
        {kind: len(facts.by_kind(kind)) for kind in RECORD_TYPES},
        len(facts.files),
        reread=None if checks is None else checks.checked,
    )
    if store is not None and key is not None and not any(p.severity == "error" for p in problems):
        sources = sorted({str(s.file) for s in facts.sources.values()})
        printed = _folder_print(root, [Path(p) for p in sources])
        if printed is not None:
            value = json.dumps({"stat": printed, "sources": sources, "report": report.as_json()})
            with suppress(sqlite3.Error):
                store.put({key: value})
    return report
