"""Loading a knowledge graph through the compile cache: the one place that knows both.

The cache (:mod:`dipgraph.cache`) stores and restores plain data; the graph
(:class:`~dipgraph.graph.knowledge.KnowledgeGraph`) answers questions. This module
says which parts of a graph are stored under which names, and puts a graph back
together from them.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dipgraph.cache import CacheEntry, entry_for
from dipgraph.cache.folder import UnsafeCache, quiet_warnings, warn_once
from dipgraph.cache.records import BadRecord, decode_facts, encode_facts
from dipgraph.cache.tables import CacheDamaged, Tables, TableWriter
from dipgraph.facts import Facts
from dipgraph.graph.contact_index import ContactIndex
from dipgraph.graph.knowledge import KnowledgeGraph
from dipgraph.loader import Problem, check_facts, load_facts
from dipgraph.names import NameIndex

_NAMES = ("actor_names", "topic_names")


def _fill(kg: KnowledgeGraph) -> Callable[..., Any]:
    """What an entry holds: the contact index by part, the name indexes, the JSON
    views of contacts and posts, and the checked facts."""

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
        writer.add_json("facts", encode_facts(kg.facts))

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
    kg.use_stored(
        index,
        *(NameIndex(tables.map(f"{n}.exact"), tables.map(f"{n}.display")) for n in _NAMES),
        tables.map("views"),
    )


def _open(entry: CacheEntry | None) -> Tables | None:
    if entry is None:
        return None
    try:
        return entry.open()
    except UnsafeCache as error:
        warn_once(f"cache entry refused: {error}; running without the cache")
        return None


def load_cached(root: Path, base: str, prepare_store: bool = False) -> KnowledgeGraph:
    """The graph of ``root``: from its cache entry when there is a usable one, else
    checked from the files and stored for next time. FactsError on errors.

    ``prepare_store``: the caller wants the SPARQL store; on a cold cache the check,
    the entry and the N-Quads are then made in a child process (see
    :func:`_prepare_in_child`).
    """
    entry = entry_for(root, base)
    tables = _open(entry)
    cold = entry is not None and tables is None and not entry.directory.exists()
    if prepare_store and cold and _prepare_in_child(root, base):
        tables = _open(entry)
    if entry is not None and tables is not None:
        return _from_entry(tables, entry, root, base)
    began = time.time()
    kg = KnowledgeGraph(load_facts(root), base)
    if entry is not None and tables is None and not entry.directory.exists():
        _save(entry, kg, began)
    return kg


def _prepare_in_child(root: Path, base: str) -> bool:
    """Check, store and compile ``root`` in a forked child. At 100k contacts the facts
    and their quads take 1.2 GiB and the store as much again; the child's memory goes
    back to the system when it exits, so this process only ever holds the store.
    False when that did not work (no fork, bad facts, no usable cache): the caller then
    does it all itself (and reports the errors)."""
    if not hasattr(os, "fork"):
        return False
    sys.stdout.flush()
    sys.stderr.flush()
    child = os.fork()
    if child == 0:  # pragma: no cover (runs in the child; its effect is tested)
        code = _CHILD_FAILED
        try:
            kg = load_cached(root, base)
            if kg.rdf_file is None:
                code = _CHILD_NO_CACHE
            elif kg.rdf_file.keep_nquads(kg.quads.nquads_lines()) is not None:
                code = 0
            else:
                code = _CHILD_NO_CACHE
        except BaseException:
            pass
        finally:
            sys.stderr.flush()
            os._exit(code)
    _, status = os.waitpid(child, 0)
    code = os.waitstatus_to_exitcode(status)
    if code == _CHILD_NO_CACHE:
        quiet_warnings()  # the child said why; the parent runs without the cache silently
    return code == 0


_CHILD_FAILED, _CHILD_NO_CACHE = 1, 3


def _save(entry: CacheEntry, kg: KnowledgeGraph, began: float) -> None:
    sources = [s.file for s in kg.facts.sources.values()]
    if entry.save(_fill(kg), sources, began):
        tables = _open(entry)
        if tables is not None:  # answer from the entry too: the parts built here can go
            _attach(kg, tables, entry, kg.facts.root)


def check_cached(root: Path, base: str) -> tuple[Facts, list[Problem]]:
    """Check ``root``; clean facts go into the cache unless already there (a warm
    check writes nothing)."""
    entry = entry_for(root, base) if root.exists() else None
    began = time.time()
    facts, problems = check_facts(root)
    if (
        entry is not None
        and not any(p.severity == "error" for p in problems)
        and _open(entry) is None
        and not entry.directory.exists()
    ):
        _save(entry, KnowledgeGraph(facts, base), began)
    return facts, problems
