"""Which parts of a knowledge graph a cache entry holds, under which names, both ways.

:func:`fill` writes what a graph built from the facts gives (the contact index, the
name indexes, the JSON views, the profiles, the facts); :func:`read_parts` and
:func:`stored_facts` read them back as the data a graph answers from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import groupby
from typing import Any, cast

from dipgraph.cache.records import _ENCODER, BadRecord, decode_facts, facts_json
from dipgraph.cache.tables import CacheDamaged, Tables, TableWriter
from dipgraph.facts import RECORD_TYPES, Facts
from dipgraph.graph.contact_index import ContactIndex
from dipgraph.graph.knowledge import KnowledgeGraph
from dipgraph.loader.problems import shown_path as location_path
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
        grouped = records_by_file(kg.facts)
        if grouped is None:  # (records without a place: the facts as one value)
            writer.add_json("facts", facts_json(kg.facts))
            return
        facts = kg.facts
        head = {"root": str(facts.root), "files": [str(p) for p in facts.files]}
        writer.add_value("facts.head", {**head, "order": [shown for shown, _ in grouped]})
        writer.add_encoded_map("facts.files", _FileFacts(grouped), tuples=False)

    return write


def records_by_file(facts: Facts) -> list[tuple[str, dict[str, list[Any]]]] | None:
    """Each file's records by kind (the files that hold some, in the facts' order, by
    the path their records' places show); None when a record has no place or the
    records of a kind are not in the files' order (the facts are then stored whole)."""
    order = {location_path(path): number for number, path in enumerate(facts.files)}
    grouped: dict[str, dict[str, list[Any]]] = {shown: {} for shown in order}
    for kind in RECORD_TYPES:
        records = list(facts.by_kind(kind).values())
        try:
            paths = [record.location.path for record in records]
        except AttributeError:  # a record without a place
            return None
        last = -1
        start = 0
        # each run of records of one file at once (runs, not records: 0.3 s a call at 100k)
        for path, run in groupby(paths):
            number = order.get(path, -1)
            if number < last or number < 0:
                return None
            last = number
            count = sum(1 for _ in run)
            grouped[path].setdefault(kind, []).extend(records[start : start + count])
            start += count
    return [(shown, kinds) for shown, kinds in grouped.items() if kinds]


def file_facts_text(bodies: Mapping[str, str]) -> str:
    """One file's records as an entry stores them: a JSON object of each kind's list
    (``bodies``: each list's items as JSON text, by kind, in the facts' order)."""
    return "{" + ",".join(f'"{kind}s":[{body}]' for kind, body in bodies.items()) + "}"


class _FileFacts(Sequence):
    """The (file, its records as JSON text) rows of an entry, encoded as they are read."""

    def __init__(self, grouped: list[tuple[str, dict[str, list[Any]]]]) -> None:
        self.grouped = grouped

    def __len__(self) -> int:
        return len(self.grouped)

    def __getitem__(self, position: int) -> Any:  # type: ignore[override]
        shown, kinds = self.grouped[position]
        bodies = {kind: _ENCODER.encode(items)[1:-1] for kind, items in kinds.items()}
        return shown, file_facts_text(bodies)


def stored_facts(tables: Tables) -> Callable[[], Facts]:
    """A function reading the facts back (CacheDamaged when they are damaged)."""

    def facts() -> Facts:
        try:
            if "value:facts" in tables.parts:
                return decode_facts(tables.value("facts"))
            head = tables.value("facts.head")
            by_file = dict(tables.map("facts.files").items())
            data = {"root": head["root"], "files": head["files"]}
            order = head["order"]
            if type(order) is not list or sorted(order) != sorted(by_file):  # each once
                raise BadRecord("stored facts of other files")
            rows = [by_file[shown] for shown in order]
            if not all(type(row) is dict for row in rows):
                raise BadRecord("stored facts of other files")
            for kind in RECORD_TYPES:
                data[f"{kind}s"] = [item for row in rows for item in row.get(f"{kind}s", ())]
            if any(set(row) - {f"{kind}s" for kind in RECORD_TYPES} for row in rows):
                raise BadRecord("stored facts of an unknown kind")
            return decode_facts(data)
        except (BadRecord, KeyError, TypeError) as error:
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
