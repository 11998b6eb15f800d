"""What compiling one fact file gives (its views, index rows, checked records as JSON
and N-Quads), kept per file, so that after an edit a compile entry is assembled from
the stored parts of the files that did not change and the new parts of those that did.

A file's part is stored under a key over everything it is made from: the file's
bytes (their SHA-256 as the loader read them) and the path it is shown by; the
*context*, every file declaring a source, actor, topic or place (what a view or a quad
looks up in other files: names, kinds, a source's language), by path and digest; the
quotes other files added to its facts (corroborations); dipgraph's version, the
schema and the base IRI. A record of one file reads nothing of another file's posts,
contacts or statements. So a part is what compiling those inputs gives, never a stale
one; an edited actor file changes the context, and every part is made again.

What spans files is assembled afresh: the index's positions by actor and the topic
tree, the positions held (``define_position``, first holding in the facts' order), the
sources, the ontology and VoID (counts from the parts). Once the store was asked for,
an entry's N-Quads are a file per fact file (its lines, those of the shared graphs
included: a store holds a quad once) and one of what spans files; a file another entry
holds is linked, not written (see :func:`Parts.write_quads`). VoID counts the shared
graphs' distinct quads by keys kept per file.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from dipgraph.cache import (
    CacheEntry,
    QuadFiles,
    compiled_store,
    schema_digest,
    warn_not_written,
)
from dipgraph.cache.records import _ENCODER
from dipgraph.cache.tables import CacheDamaged, TableWriter, encode_value
from dipgraph.cached_graph.parts import file_facts_text, records_by_file
from dipgraph.facts import RECORD_TYPES, Facts
from dipgraph.graph.contact_index import ContactIndex
from dipgraph.graph.to_rdf import QuadWriter
from dipgraph.loader import shown_path
from dipgraph.version import __version__

FORMAT = b"file-parts-3"  # 3: a part in two lines, its records and views apart
CONTEXT_KINDS = ("source", "actor", "topic", "place")
_FACT_KINDS = ("post", "contact", "statement")
_ADD = {
    "actor": QuadWriter.add_actor,
    "topic": QuadWriter.add_topic,
    "place": QuadWriter.add_place,
    "post": QuadWriter.add_post,
    "contact": QuadWriter.add_contact,
    "statement": QuadWriter.add_statement,
}


def _digest(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


@dataclass
class FileRecords:
    """One file's records by kind (in the facts' order) and the key of its parts;
    ``context``: the part of that key that other files and the settings make (every
    file declaring what a record looks up, the version, schema and base)."""

    shown: str
    key: str
    records: dict[str, list[Any]]
    context: str = ""


def file_records(facts: Facts, salt: bytes) -> list[FileRecords] | None:
    """Each fact file's records with the key of its parts, in the files' order; None
    when the facts do not say where each record comes from in an order that files keep
    (then nothing is taken from parts: the entry is compiled whole)."""
    grouped = records_by_file(facts)
    digest_of = {shown_path(path): facts.digests.get(path) for path in facts.files}
    if grouped is None or any(digest_of[shown] is None for shown, _ in grouped):
        return None  # unlocated, or not in files' order: no part can be told apart
    context = [
        f"{shown}\0{digest_of[shown]}".encode()
        for shown, kinds in grouped
        if any(kind in kinds for kind in CONTEXT_KINDS)
    ]
    common = _digest(salt, *context).encode()
    found = []
    for shown, kinds in grouped:
        added = [  # quotes other files added: part of what this file's facts say
            _ENCODER.encode([record.id, record.evidence])
            for kind in _FACT_KINDS
            for record in kinds.get(kind, ())
            if any(e.corroborating for e in record.evidence)
        ]
        digest = str(digest_of[shown]).encode()
        key = _digest(common, shown.encode(), digest, *(a.encode() for a in added))
        found.append(FileRecords(shown, key, kinds, common.decode()))
    return found


def salt_of(version: str, schema: bytes, base: str, root: Path) -> bytes:
    return _digest(FORMAT, version.encode(), schema, base.encode(), str(root).encode()).encode()


# -- one file's parts -------------------------------------------------------------------


def _only(facts: Facts, records: dict[str, list[Any]]) -> Facts:
    """A Facts holding only ``records`` (for what is built record by record)."""
    alone = Facts(root=facts.root)
    for kind, items in records.items():
        alone.by_kind(kind).update((r.id, r) for r in items)
    return alone


def compile_part(kg: Any, part: FileRecords) -> tuple[str, str, str]:
    """One file's part (see :class:`CompiledPart`): its first lines (the kinds of its
    records, the digest and text of its index rows, the ids of its views, the digest of
    its records), its records and its views, each stored apart (an entry patched after an
    edit reads the records and views of the changed files only)."""
    facts: Facts = kg.facts
    records = part.records
    alone = ContactIndex.from_facts(_only(facts, records))
    idents = [r.id for kind in ("contact", "post") for r in records.get(kind, ())]
    views = kg.fact_views(idents)
    rows = encode_value(
        {
            "contacts": alone.contacts,
            # from_facts lists the posts' links first, then the actors': kept apart, so
            # that the files' lists join in the same order
            "post_statics": [row for row in alone.statics if row[2] == "post"],
            "actor_statics": [row for row in alone.statics if row[2] != "post"],
        }
    )
    # each kind's records as the JSON text of a list's items, a line each (JSON text
    # holds no raw newline: a string's is written \n)
    bodies = "\n".join(_ENCODER.encode(items)[1:-1] for items in records.values())
    head = {
        "kinds": list(records),
        "rows": _digest(rows.encode()),
        "idents": idents,
        # the records are pasted into an entry unparsed: their digest tells damage
        "facts": _digest(bodies.encode()),
    }
    views_text = encode_value([[ident, encode_value(views[ident])] for ident in idents])
    return encode_value(head) + "\n" + rows, bodies, views_text


Fetch = Callable[["CompiledPart"], Any]


class CompiledPart:
    """One file's stored part, read as far as it is needed: its first line (the kinds
    of its records, the digest of its index rows, the ids of its views), the index rows
    (a line of JSON, parsed when asked for); its records (each kind's as the JSON text
    of a list's items, never parsed here) and its views, stored apart and fetched when
    asked for."""

    def __init__(
        self,
        text: str,
        facts: Fetch | str,
        views: Fetch | list,
        remade: Callable[[], CompiledPart] | None = None,
    ) -> None:
        head_text, newline, rows_text = text.partition("\n")
        head = json.loads(head_text)
        kinds, digest, idents = head["kinds"], head["rows"], head["idents"]
        facts_digest = head["facts"]
        if (
            not newline
            or type(facts_digest) is not str
            or "\n" in rows_text
            or type(kinds) is not list
            or len(set(kinds)) != len(kinds)
            or not all(kind in RECORD_TYPES for kind in kinds)
            or type(digest) is not str
            or type(idents) is not list
            or not all(type(ident) is str for ident in idents)
        ):
            raise ValueError("a part of the wrong shape")
        self.kinds: list[str] = kinds
        self.rows_digest: str = digest
        self.facts_digest: str = facts_digest
        self.idents: list[str] = idents
        self._rows_text = rows_text
        self._rows: dict[str, list] | None = None
        self._facts = self.read_facts(facts) if type(facts) is str else facts
        self._views = views
        self._remade = remade  # the part made again, when its rows turn out damaged

    def _read_rows(self) -> dict[str, list]:
        try:
            if _digest(self._rows_text.encode()) != self.rows_digest:
                raise ValueError("rows of another part")
            rows = json.loads(self._rows_text)
            for key in ("contacts", "post_statics", "actor_statics"):
                _rows(rows[key])
            return rows
        except (ValueError, KeyError, TypeError, RecursionError):
            if self._remade is None:
                raise
        again = self._remade()
        if again.rows_digest != self.rows_digest:  # (what the index digest was made of)
            raise PartsDisagree(again.rows_digest)
        return again._read_rows()

    def read_facts(self, text: str) -> dict[str, str]:
        """Each kind's records as JSON text, from the stored lines; ValueError if not
        (lines that are not those the part's first line names included)."""
        lines = text.split("\n")
        if _digest(text.encode()) != self.facts_digest:
            raise ValueError("records of another part, or damaged")
        if len(lines) != len(self.kinds) or not all(lines):
            raise ValueError("records of another part")
        return dict(zip(self.kinds, lines, strict=True))

    def release(self, name: str, fetch: Fetch) -> None:
        """Hold ``name`` (views or facts) no more: ``fetch`` gets it if asked again."""
        if name == "views":
            self._views = fetch
        elif name == "facts":
            self._facts = fetch

    def __getitem__(self, name: str) -> Any:
        if name in ("contacts", "post_statics", "actor_statics"):
            if self._rows is None:
                self._rows = self._read_rows()
            return self._rows[name]
        if name == "views":
            if callable(self._views):
                self._views = self._views(self)
            return self._views
        if name == "facts":
            if callable(self._facts):
                self._facts = self._facts(self)
            return self._facts
        raise KeyError(name)


def _read_views(text: str, idents: list[str]) -> list:
    """What :func:`compile_part` wrote as views, for these ids; ValueError if not."""
    views = _rows(json.loads(text), 2)
    if [ident for ident, _ in views] != idents:
        raise ValueError("views of other records")
    return views


def compile_nquads(kg: Any, part: FileRecords) -> tuple[str, str]:
    """One file's quads: a line of JSON (how many lines each own graph has, the keys of
    the quads of shared graphs by graph: what VoID's count of distinct quads is made
    from, see :func:`write_nquads`), and its N-Quads lines, those of shared graphs (which
    another file may write too: a store holds each quad once) included."""
    writer = QuadWriter(kg.facts, kg.model, kg.base)
    for kind, items in part.records.items():
        add = _ADD.get(kind)
        if add is not None:
            for record in items:
                add(writer, record)
    shared = {writer.entities, writer.ontology, writer.void}
    lines: list[str] = []
    counts: dict[str, int] = {}
    keys: dict[str, list[bytes]] = {}
    for triple, graph in writer.quads:
        lines.append(f"{triple} {graph} .\n")
        if graph in shared:
            keys.setdefault(graph, []).append(_quad_key(triple, graph))
        else:
            counts[graph] = counts.get(graph, 0) + 1
    head = {
        "counts": counts,
        "keys": {g: base64.b64encode(b"".join(sorted(k))).decode() for g, k in keys.items()},
    }
    return encode_value(head), "".join(lines)


def _quad_key(triple: str, graph: str) -> bytes:
    """A quad's key: 128 bits of its BLAKE2b (two distinct quads share one with odds of
    about 10^-27 among the half million shared quads of 100k contacts)."""
    return hashlib.blake2b(f"{triple} {graph}".encode(), digest_size=_KEY_BYTES).digest()


_KEY_BYTES = 16
# What a file of an entry's set of N-Quads holds (and the stored line of JSON beside
# it), by format: a file of another format is never linked (see write_quads).
QUADS_FORMAT = b"quads-2"  # 2: a file's lines with those of shared graphs


def _rows(value: Any, size: int | None = None) -> list:
    """``value`` if a list of lists (of ``size`` strings), else ValueError."""
    if type(value) is not list or not all(type(row) is list for row in value):
        raise ValueError("a part of the wrong shape")
    if size is not None and not all(
        len(row) == size and all(type(item) is str for item in row) for row in value
    ):
        raise ValueError("a part of the wrong shape")
    return value


def _read_nquads(text: str) -> dict[str, Any]:
    """The line of JSON :func:`compile_nquads` wrote, the keys as lists of bytes;
    ValueError (or KeyError, TypeError) if not."""
    data = json.loads(text)
    if not all(type(k) is str and type(v) is int for k, v in data["counts"].items()):
        raise ValueError("a part of the wrong shape")
    keys = {}
    for graph, encoded in data["keys"].items():
        raw = base64.b64decode(encoded, validate=True)
        if type(graph) is not str or len(raw) % _KEY_BYTES:
            raise ValueError("a part of the wrong shape")
        keys[graph] = [raw[i : i + _KEY_BYTES] for i in range(0, len(raw), _KEY_BYTES)]
    data["keys"] = keys
    return data


# -- the entry, assembled -------------------------------------------------------------


class _Counted(dict):
    """The quads written here; counted as every distinct quad of the facts (see
    :meth:`_Assembly.graph_counts`)."""

    def __init__(self, writer: _Assembly) -> None:
        super().__init__()
        self.writer = writer

    def __len__(self) -> int:
        return sum(self.writer.graph_counts().values())


class _Assembly(QuadWriter):
    """Writes what spans files (ontology, sources, positions, VoID); VoID counts the
    files' own lines and the distinct quads of the shared graphs, by their keys."""

    def __init__(self, kg: Any, own: dict[str, int], keys: dict[str, set[bytes]]) -> None:
        super().__init__(kg.facts, kg.model, kg.base)
        self.own = own
        self.keys = keys
        self.quads = _Counted(self)

    def graph_counts(self) -> dict[str, int]:
        counts = dict(self.own)
        added: dict[str, set[bytes]] = {}
        for triple, where in dict.keys(self.quads):
            if where in self.keys:
                added.setdefault(where, set()).add(_quad_key(triple, where))
            else:
                counts[where] = counts.get(where, 0) + 1
        for where, keys in self.keys.items():
            more = added.get(where, set())
            counts[where] = counts.get(where, 0) + len(keys) + len(more - keys)
        return counts


PUT_AT = 32 << 20  # characters of new parts held before they are put (see Parts._add)


class Parts:
    """Every file's parts, for one entry: got from ``store`` or compiled (and kept)."""

    def __init__(self, kg: Any, files: list[FileRecords], store: Any) -> None:
        self.kg = kg
        self.files = files
        self.store = store
        self.new: dict[str, str] = {}
        self.used: list[str] = []  # kept values reused beside the parts (the profiles)
        self.reused = 0
        self.made = 0
        self._held = 0  # characters in ``new``
        self._failed = False

    def _add(self, values: dict[str, str]) -> None:
        """Keep ``values`` (new parts): put into the store once :data:`PUT_AT` characters
        are held, not at the end only. At 100k contacts the parts' JSON text, held
        until ``keep()`` beside its decoded form, was 0.65 GiB of the entry's peak."""
        self.new.update(values)
        self._held += sum(len(text) for text in values.values())
        if self._held >= PUT_AT and not self._failed:
            self._put()

    def _put(self) -> None:
        """Put ``new`` now, each part of this entry marked used with it (so that the
        store's least-recently-used trim keeps the parts read from it earlier); a store
        that fails keeps ``new`` for ``keep()`` (whose failure costs speed only)."""
        kinds = ("part", "facts", "views", f"quads:{QUADS_FORMAT.decode()}")
        keys = [f"{p}:{f.key}" for f in self.files for p in kinds]
        try:
            self.store.put(self.new, [k for k in [*keys, *self.used] if k not in self.new])
        except (sqlite3.Error, OSError):
            self._failed = True
            return
        self.new, self._held = {}, 0

    def compiled(self) -> list[CompiledPart]:
        """Every file's part: its records and views fetched only when asked for (and
        made again, the part with them, when they turn out missing or damaged then)."""
        keys = [f"part:{file.key}" for file in self.files]
        stored = self.store.get(keys)
        found = []
        for file, key in zip(self.files, keys, strict=True):
            text = stored.get(key)
            if text is not None:
                try:
                    later = self._later
                    part = CompiledPart(
                        text, later(file, "facts"), later(file, "views"), partial(self._make, file)
                    )
                except (ValueError, KeyError, TypeError, RecursionError):
                    pass  # damaged: a miss, made again and stored anew
                else:
                    self.reused += 1
                    found.append(part)
                    continue
            found.append(self._make(file))
        return found

    def _make(self, file: FileRecords) -> CompiledPart:
        text, facts, views = compile_part(self.kg, file)
        made = CompiledPart(text, facts, json.loads(views))
        key = file.key
        self._add({f"part:{key}": text, f"facts:{key}": facts, f"views:{key}": views})
        self.made += 1
        return made

    def _later(self, file: FileRecords, name: str) -> Fetch:
        """Reading the part's records or views when first asked for."""

        def fetch(part: CompiledPart) -> Any:
            key = f"{name}:{file.key}"
            text = self.new.get(key)  # (made here, not put yet)
            if text is None:
                text = self.store.get([key]).get(key)
            if text is not None:
                try:
                    if name == "facts":
                        return part.read_facts(text)
                    return _read_views(text, part.idents)
                except (ValueError, KeyError, TypeError, RecursionError):
                    pass  # damaged or gone: the part made again, with its records and views
            return self._make(file)[name]

        return fetch

    def write_quads(self, out: QuadFiles) -> list[dict[str, Any]]:
        """Every file's N-Quads into ``out``, a file each named by its part's key: linked
        from another entry's set when one holds that file, else compiled (its line of
        JSON kept in the store). Returns each file's line of JSON (see
        :func:`compile_nquads`)."""
        heads = []
        for part in self.files:
            name = _digest(QUADS_FORMAT, part.key.encode())[:48] + ".nq"
            head_key = f"quads:{QUADS_FORMAT.decode()}:{part.key}"
            head = self._stored(head_key, _read_nquads)
            if head is None or not out.link(name):
                head_text, text = compile_nquads(self.kg, part)
                self._add({head_key: head_text})
                head = _read_nquads(head_text)
                out.write(name, [text.encode("utf-8")])
                self.made += 1
            else:
                self.reused += 1
            heads.append(head)
        return heads

    def _stored(self, key: str, read: Callable[[str], Any]) -> Any:
        """``read`` of the value kept under ``key`` (made here or in the store); None
        when there is none, or it is damaged."""
        text = self.new.get(key)
        if text is None:
            text = self.store.get([key]).get(key)
        if text is None:
            return None
        try:
            return read(text)
        except (ValueError, KeyError, TypeError, RecursionError):
            return None  # damaged: a miss, made again and stored anew

    def keep(self) -> None:
        """Put what ``new`` still holds, every other part of the entry marked used."""
        kinds = ("part", "facts", "views", f"quads:{QUADS_FORMAT.decode()}")
        keys = [f"{p}:{f.key}" for f in self.files for p in kinds]
        self.store.put(self.new, [k for k in [*keys, *self.used] if k not in self.new])
        self.new, self.used, self._held = {}, [], 0


def assembled_index(kg: Any, compiled: list[Any]) -> ContactIndex:
    facts: Facts = kg.facts
    # (rows as read from JSON, lists: they are written back to the entry as such)
    contacts = [row for part in compiled for row in part["contacts"]]
    statics = [
        row for key in ("post_statics", "actor_statics") for part in compiled for row in part[key]
    ]
    broader = {t.id: t.broader for t in facts.topics.values() if t.broader}
    return ContactIndex.from_rows(contacts, statics, broader)


def write_nquads(kg: Any, parts: list[Any], write: Callable[[bytes], Any]) -> None:
    """The quads that span files (the ontology, the sources, the positions held, VoID):
    with every file's lines, what :func:`compile_quads` gives, as a set. ``parts``: each
    file's line of JSON (see :func:`compile_nquads`)."""
    own: dict[str, int] = {}
    keys: dict[str, set[bytes]] = {}
    for part in parts:
        for graph, count in part["counts"].items():
            own[graph] = own.get(graph, 0) + count
        for graph, found in part["keys"].items():
            keys.setdefault(graph, set()).update(found)
    writer = _Assembly(kg, own, keys)
    writer.add_ontology()
    writer.add_scheme()
    facts: Facts = kg.facts
    for source in facts.sources.values():
        writer.add_source(source)
    for post in facts.posts.values():
        writer.define_position(post)
    writer.add_void()
    write("".join(f"{t} {g} .\n" for t, g in dict.keys(writer.quads)).encode("utf-8"))


def profiles_key(files: list[FileRecords]) -> str:
    """The key of the actors' profiles: what a profile reads is the actors, topics,
    sources and places (the context of every part) and the posts and statements (the
    files declaring them, by their parts' keys), never a contact."""
    made_from = [
        f.key.encode() for f in files if any(k in f.records for k in ("post", "statement"))
    ]
    context = files[0].context.encode() if files else b""
    return "profiles:" + _digest(PROFILES_FORMAT, context, *made_from)


PROFILES_FORMAT = b"profiles-1"


def _profile_lines(items: Iterable[tuple[str, str]]) -> str:
    """Encoded profiles as lines: the actor's id as JSON, a tab, the profile's JSON
    (neither holds a raw newline or tab outside a string)."""
    return "".join(f"{encode_value(ident)}\t{text}\n" for ident, text in items)


def _read_profile_lines(text: str, actors: Any) -> list[tuple[str, str]]:
    """What :func:`_profile_lines` wrote, one row an actor of ``actors`` in their
    order; ValueError if not."""
    items = []
    for line in text.split("\n")[:-1]:
        ident, tab, profile = line.partition("\t")
        key = json.loads(ident)
        if not tab or type(key) is not str or not profile.startswith("{"):
            raise ValueError("a stored profile of the wrong shape")
        items.append((key, profile))
    if [ident for ident, _ in items] != list(actors):
        raise ValueError("stored profiles of other actors")
    return items


class PartsWriter:
    """A TableWriter for an entry's ``fill`` that writes the views and the facts from
    the parts instead of encoding them again, and the profiles kept under what they
    are made from (see :func:`profiles_key`); everything else goes through."""

    def __init__(
        self,
        writer: TableWriter,
        kg: Any,
        compiled: list[Any],
        parts: Parts | None = None,
        earlier: Earlier | None = None,
        index: str = "",
    ) -> None:
        self.writer = writer
        self.kg = kg
        self.compiled = compiled
        self.parts = parts
        self.earlier = earlier
        self.index = index  # (see index_digest)

    def kept(self, name: str) -> bool:
        """Keep the earlier entry's part ``name`` when what it is made from did not
        change: the contact index while its rows (and the topic tree) are the same, the
        name indexes and source titles while the context is (every file declaring an
        actor, topic, source or place)."""
        earlier, files = self.earlier, self.parts.files if self.parts is not None else []
        if earlier is None or not self.writer.has(name):
            return False
        if name.startswith("index."):
            same = earlier.index == self.index
        else:
            same = name in _BY_CONTEXT and earlier.context == _context(files)
        if same:
            self.writer.keep(name)
        return same

    def add_map(self, name: str, mapping: Any, tuples: bool = True) -> None:
        earlier = self.earlier
        if name == "profiles" and self.parts is not None:
            key = profiles_key(self.parts.files)
            if earlier is not None and earlier.profiles == key and self.writer.has(name, "map"):
                self.parts.used.append(key)
                return self.writer.keep(name)  # made from the same files as before
            return self.writer.add_encoded_map(name, self._profiles(mapping), tuples)
        if name != "views":
            return self.writer.add_map(name, mapping, tuples)
        if earlier is not None and self.parts is not None and self.writer.has(name, "map"):
            # the views of the files whose parts changed, in place of those they had
            removed: list[str] = []
            items: list[tuple[str, str]] = []
            for file, part in zip(self.parts.files, self.compiled, strict=True):
                if earlier.files.get(file.shown, ("",))[0] != file.key:
                    items.extend((ident, text) for ident, text in part["views"])
            kept = {file.shown: file.key for file in self.parts.files}
            for shown, (key, idents) in earlier.files.items():
                if kept.get(shown) != key:
                    removed.extend(idents)
            self.writer.patch_map(name, removed, items)
            return self._release("views")
        items = [(ident, text) for part in self.compiled for ident, text in part["views"]]
        self.writer.add_encoded_map(name, items, tuples)
        del items
        self._release("views")

    def _profiles(self, mapping: Any) -> list[tuple[str, str]]:
        parts = self.parts
        assert parts is not None
        key = profiles_key(parts.files)
        text = parts.store.get([key]).get(key)
        if text is not None:
            try:
                items = _read_profile_lines(text, self.kg.facts.actors)
            except (ValueError, RecursionError):
                pass  # damaged: made again and kept anew
            else:
                parts.used.append(key)
                return items
        items = [(ident, encode_value(mapping[ident])) for ident in mapping]
        parts._add({key: _profile_lines(items)})
        return items

    def add_encoded_map(
        self, name: str, items: Sequence[tuple[str, str]], tuples: bool = True
    ) -> None:
        if name != "facts.files" or self.parts is None:
            return self.writer.add_encoded_map(name, items, tuples)
        # each file's records from its part: in a patched entry, those of the files whose
        # parts changed only, in place of those they had
        files = self.parts.files
        earlier = self.earlier
        if earlier is not None and self.writer.has(name, "map"):
            changed = [
                (file, part)
                for file, part in zip(files, self.compiled, strict=True)
                if earlier.files.get(file.shown, ("",))[0] != file.key
            ]
            kept = {file.shown: file.key for file in files}
            removed = [s for s, (key, _) in earlier.files.items() if kept.get(s) != key]
            rows = [(file.shown, file_facts_text(part["facts"])) for file, part in changed]
            self.writer.patch_map(name, removed, rows)
            return self._release("facts")
        # (each file's text made as it is written, its part's records let go then: at
        # 100k contacts the records' JSON text is 0.25 GiB held at once)
        self.writer.add_encoded_map(name, _PartFacts(self, files), tuples)
        self._release("facts")

    def _release(self, name: str) -> None:
        """Let go of each part's ``name`` (views or facts), written: read again from the
        store (or the part made again) if asked for later."""
        parts = self.parts
        if parts is not None:
            for file, part in zip(parts.files, self.compiled, strict=True):
                part.release(name, parts._later(file, name))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.writer, name)


class _PartFacts(Sequence):
    """The (file, its records as JSON text) rows of an entry from the files' parts,
    each text made as it is read, the part's records let go once it is."""

    def __init__(self, writer: PartsWriter, files: list[FileRecords]) -> None:
        self.writer = writer
        self.files = files

    def __len__(self) -> int:
        return len(self.files)

    def __getitem__(self, position: int) -> Any:  # type: ignore[override]
        file, part = self.files[position], self.writer.compiled[position]
        text = file_facts_text(part["facts"])
        parts = self.writer.parts
        if parts is not None:
            part.release("facts", parts._later(file, "facts"))
        return file.shown, text


@dataclass
class Earlier:
    """An entry of the same facts folder written from parts: the key of each file's
    parts and the ids of the views they gave, and the key of its profiles. A later entry
    copies its tables and writes only what differs (the views of the files whose parts
    changed; the profiles if their key did), every other part anew."""

    entry: CacheEntry
    files: dict[str, tuple[str, list[str]]]
    profiles: str
    index: str = ""
    context: str = ""

    def encode(self) -> str:
        return encode_value(
            {
                "files": {k: [v[0], v[1]] for k, v in self.files.items()},
                "profiles": self.profiles,
                "index": self.index,
                "context": self.context,
            }
        )

    @classmethod
    def decode(cls, entry: CacheEntry, text: str) -> Earlier:
        """ValueError (or KeyError, TypeError) when ``text`` is not what encode wrote."""
        data = json.loads(text)
        files = {}
        for shown, (key, idents) in data["files"].items():
            if type(key) is not str or type(idents) is not list:
                raise ValueError("a note of the wrong shape")
            if not all(type(ident) is str for ident in idents):
                raise ValueError("a note of the wrong shape")
            files[shown] = (key, idents)
        made_from = [data["profiles"], data["index"], data["context"]]
        if not all(type(key) is str for key in made_from):
            raise ValueError("a note of the wrong shape")
        return cls(entry, files, *made_from)


_BY_CONTEXT = frozenset(
    {"actor_names.exact", "actor_names.display", "topic_names.exact", "topic_names.display"}
    | {"source_titles"}
)


def _context(files: list[FileRecords]) -> str:
    """What every part's key shares (see :class:`FileRecords`): '' without files."""
    return files[0].context if files else ""


def index_digest(kg: Any, compiled: list[CompiledPart]) -> str:
    """A digest of what the contact index is made from: the files' rows, in order (by
    the digest each part keeps of its own), and the topic tree."""
    digest = hashlib.sha256(b"index-2\0")
    for part in compiled:
        digest.update(part.rows_digest.encode() + b"\0")
    facts: Facts = kg.facts
    broader = {t.id: t.broader for t in facts.topics.values() if t.broader}
    digest.update(encode_value(broader).encode())
    return digest.hexdigest()


PATCH_AT_MOST = 0.5  # of the files changed since the earlier entry: else written whole


def _latest_key(entry: CacheEntry) -> str:
    return "latest-entry:" + _digest(
        b"latest-entry-1", str(entry.root).encode(), entry.base_iri.encode()
    )


def _note_key(name: str) -> str:
    return f"entry-files:{name}"


def _earlier(entry: CacheEntry, store: Any, files: list[FileRecords]) -> Earlier | None:
    """The last entry written from parts for this facts folder, when it is still there
    and few enough files changed since (None otherwise: the entry is written whole)."""
    try:
        name = store.get([_latest_key(entry)]).get(_latest_key(entry))
        if name is None or name == entry.directory.name or "/" in name or name.startswith("."):
            return None
        text = store.get([_note_key(name)]).get(_note_key(name))
        if text is None:
            return None
        earlier = Earlier.decode(
            CacheEntry(entry.directory.parent / name, entry.root, entry.base_iri), text
        )
    except (sqlite3.Error, ValueError, KeyError, TypeError, RecursionError):
        return None
    if not earlier.entry.index_path.is_file():
        return None
    changed = sum(earlier.files.get(f.shown, ("",))[0] != f.key for f in files)
    if changed > PATCH_AT_MOST * max(len(files), 1):
        return None
    return earlier


def _remember(
    entry: CacheEntry, store: Any, index: str, files: list[FileRecords], compiled: list[Any]
) -> None:
    """Note what the new entry was written from, for the next one (see :class:`Earlier`)."""
    note = Earlier(
        entry,
        {f.shown: (f.key, part.idents) for f, part in zip(files, compiled, strict=True)},
        profiles_key(files),
        index,
        _context(files),
    )
    with suppress(OSError, sqlite3.Error):  # costs speed only
        store.put(
            {
                _note_key(entry.directory.name): note.encode(),
                _latest_key(entry): entry.directory.name,
            }
        )


def save_entry(
    entry: CacheEntry,
    kg: Any,
    fill_of: Callable[[Any], Callable[[Any], None]],
    sources: Iterable[Path],
    began: float,
    read: Any,
) -> bool:
    """:meth:`CacheEntry.save` of ``fill_of(kg)``, the views, index and facts taken from
    the files' parts (and the N-Quads written too, once the folder's store was asked
    for): the parts of unchanged files are read, the others compiled and kept.
    Without a usable store of parts, the entry is compiled whole."""
    store = compiled_store()
    files = None
    if store is not None:
        try:
            salt = salt_of(__version__, schema_digest(), kg.base, kg.facts.root)
        except OSError:
            salt = None
        files = None if salt is None else file_records(kg.facts, salt)
    if store is None or files is None:
        return entry.save(fill_of(kg), sources, began, read)
    parts = Parts(kg, files, store)
    try:
        return _save_from_parts(entry, kg, fill_of, sources, began, read, parts)
    except (sqlite3.Error, PartsDisagree):  # (a part read lazily that turned out damaged)
        return entry.save(fill_of(kg), sources, began, read)
    finally:
        # Closed now: the parts and their lazy readers form cycles, which a command
        # (collector off) would keep with the connection's cache (67 MiB at 100k).
        with suppress(sqlite3.Error):
            store.close()


class PartsDisagree(CacheDamaged):
    """A stored part whose index rows are not those its first line names, and the part
    made again has others: the entry is then compiled whole."""


def _save_from_parts(
    entry: CacheEntry,
    kg: Any,
    fill_of: Callable[[Any], Callable[[Any], None]],
    sources: Iterable[Path],
    began: float,
    read: Any,
    parts: Parts,
) -> bool:
    store, files = parts.store, parts.files
    compiled = parts.compiled()
    had_index = "contact_index" in kg.__dict__
    earlier = _earlier(entry, store, files)
    index = index_digest(kg, compiled)
    if earlier is None or earlier.index != index:  # (else the earlier entry's is kept)
        kg.__dict__["contact_index"] = assembled_index(kg, compiled)  # (a cached_property)
    try:
        with entry.draft() as draft:
            if entry.nquads_wanted():  # each file's own lines in a file of its own
                with draft.quad_files() as out:
                    heads = parts.write_quads(out)
                    chunks: list[bytes] = []
                    write_nquads(kg, heads, chunks.append)
                    out.write("spanning.nq", chunks)
                del heads, chunks
            fill = fill_of(kg)
            kept = None
            if earlier is not None:
                try:
                    kept = draft.commit(
                        lambda writer: fill(
                            PartsWriter(writer, kg, compiled, parts, earlier, index)
                        ),
                        sources,
                        began,
                        read,
                        patch_from=earlier.entry,
                    )
                except (OSError, sqlite3.Error, ValueError, KeyError, CacheDamaged):
                    kept = None  # (the earlier entry gone or damaged meanwhile) written whole
            if kept is None:
                kg.__dict__["contact_index"] = assembled_index(kg, compiled)
                kept = draft.commit(
                    lambda writer: fill(PartsWriter(writer, kg, compiled, parts)),
                    sources,
                    began,
                    read,
                )
    except (OSError, sqlite3.Error) as error:
        warn_not_written(error)
        kept = False
    finally:
        if not had_index:  # its rows are lists: the graph builds its own if it needs one
            kg.__dict__.pop("contact_index", None)
    if kept:
        _remember(entry, store, index, files, compiled)
    with suppress(OSError, sqlite3.Error):  # costs speed only
        parts.keep()
    return kept
