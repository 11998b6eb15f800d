"""Which parts of a knowledge graph a cache entry holds, under which names, both ways.

:func:`fill` writes what a graph built from the facts gives (the contact index, the
name indexes, the JSON views, the profiles, the facts); :func:`read_parts` and
:func:`stored_facts` read them back as the data a graph answers from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, cast

from dipgraph.cache.records import BadRecord, decode_facts, facts_json
from dipgraph.cache.tables import CacheDamaged, Tables, TableWriter
from dipgraph.facts import Facts
from dipgraph.graph.contact_index import ContactIndex
from dipgraph.graph.knowledge import KnowledgeGraph
from dipgraph.names import NameIndex

_NAMES = ("actor_names", "topic_names")


def fill(kg: KnowledgeGraph, before_facts: Callable[[], None] | None = None) -> Callable[..., Any]:
    """What an entry holds: the contact index by part, the name indexes, the JSON
    views of contacts and posts, and the checked facts (the last part, 1.2 s of 4.4 s
    at 100k contacts: ``before_facts()`` is called before it)."""

    def write(writer: TableWriter) -> None:
        index_parts = ContactIndex.part_names()
        wanted = [name for name in index_parts if not writer.kept(f"index.{name}")]  # else kept
        parts = {}
        if wanted:  # (the index is made only then)
            parts = dict(zip(index_parts, kg.contact_index.as_tuple(), strict=True))
        for name in wanted:
            value = parts[name]
            rows_of = ContactIndex.POSITIONS.get(name)
            if rows_of is not None:
                writer.add_shards(f"index.{name}", value, f"index.{rows_of}", parts[rows_of])
            elif isinstance(value, dict):
                writer.add_map(f"index.{name}", value)
            else:
                writer.add_list(f"index.{name}", value)
        for name in _NAMES:
            if writer.kept(f"{name}.exact") & writer.kept(f"{name}.display"):
                continue
            names: NameIndex = getattr(kg, name)
            writer.add_map(f"{name}.exact", {k: sorted(v) for k, v in names.exact.items()})
            writer.add_map(f"{name}.display", names.display)
        writer.add_map("views", kg.all_views(), tuples=False)
        writer.add_map("profiles", kg.all_profiles(), tuples=False)
        if not writer.kept("source_titles"):
            writer.add_map("source_titles", kg.source_titles())
        if before_facts is not None:
            before_facts()
        writer.add_json("facts", facts_json(kg.facts))

    return write


def stored_facts(tables: Tables) -> Callable[[], Facts]:
    """A function reading the facts back (CacheDamaged when they are damaged)."""

    def facts() -> Facts:
        try:
            return decode_facts(tables.value("facts"))
        except BadRecord as error:
            raise CacheDamaged(f"{tables.path}: {error}") from None

    return facts


def _index_part(tables: Tables, name: str) -> Any:
    stored = f"index.{name}"
    if tables.parts.get(stored, ("",))[0] != "list":
        return tables.map(stored)
    row = ContactIndex.ROW_TYPES.get(name)  # its rows come back with their names
    return tables.list(stored, None if row is None else row._make)


def read_parts(
    tables: Tables,
) -> tuple[ContactIndex, NameIndex, NameIndex, Mapping, Mapping, Mapping]:
    """What :meth:`KnowledgeGraph.use_parts` takes, read lazily from ``tables``."""
    # (The lists first: a shard part gives the rows of the list it points into.)
    index = ContactIndex.from_tuple(
        tuple(_index_part(tables, name) for name in ContactIndex.part_names())
    )
    # Stored maps read like the dicts NameIndex holds (by key, lazily).
    actor_names, topic_names = (
        NameIndex(cast(dict, tables.map(f"{n}.exact")), cast(dict, tables.map(f"{n}.display")))
        for n in _NAMES
    )
    return (
        index,
        actor_names,
        topic_names,
        tables.map("views"),
        tables.map("profiles"),
        tables.map("source_titles"),
    )
