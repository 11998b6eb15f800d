"""Plain data in one SQLite file, read lazily: a query touches only the rows it needs.

A warm ``talks`` or ``path`` at 100k contacts reads a few dozen rows; loading the
whole index (19 MB) took longer than the query. Lists are stored row by row,
mappings key by key, every value as JSON (nothing in the file can run code when
read). A *shard* map stores, for each key, the positions it lists in another list
part together with those rows, so one read gives an actor's rows.

Damage (a truncated file, a bad row) raises :class:`CacheDamaged`, whenever found.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from dipgraph.errors import CacheError

FORMAT = "tables-4"  # 4: a text part records how many pieces it has
# One table a part: a list's rows by rowid (position + 1), a map's values by key
# (indexed once all are in). Rowid tables: values are hundreds of bytes.
_SCHEMA = """
PRAGMA page_size=8192;
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE parts (name TEXT PRIMARY KEY, kind TEXT NOT NULL, size INTEGER NOT NULL,
                    rows_of TEXT, tuples INTEGER NOT NULL, tab TEXT NOT NULL);
"""
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


_TABLE = re.compile(r"p[0-9]+")


class CacheDamaged(CacheError, RuntimeError):
    """A cache file that cannot be read back as written."""


def _one_encoder() -> Callable[[Any], str]:
    """``_ENCODER.encode`` without its per-call set-up: the C encoder made once (the
    cache encodes half a million small values at 100k contacts: 0.55 -> 0.35 s a
    200k). Without circular-reference checks: the values are trees of JSON data."""
    from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]

    if c_make_encoder is None:  # no C accelerator: the plain encoder
        return _ENCODER.encode
    chunks = c_make_encoder(
        None, _ENCODER.default, encode_basestring, None, ":", ",", False, False, True
    )
    return lambda value: "".join(chunks(value, 0))


_json = _one_encoder()
encode_value = _json  # a value as a part stores it (see TableWriter.add_encoded_map)


def tupled(value: Any) -> Any:
    """JSON arrays back to the tuples they were written from (nested too)."""
    if type(value) is not list:
        return value
    return tuple([tupled(item) if type(item) is list else item for item in value])


class TableWriter:
    """Writes parts into a new SQLite file (the caller renames it into place).

    ``patch``: the file is a copy of an earlier one (see :meth:`dipgraph.cache.Draft.commit`);
    a part added again replaces its earlier table, :meth:`keep` keeps one as it is,
    :meth:`patch_map` changes some keys of a map; closing refuses (ValueError) to leave
    a part that was neither written, kept nor patched."""

    def __init__(self, path: Path, patch: bool = False) -> None:
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")  # the file is renamed into place when done
        self._count = 0
        self._earlier: dict[str, tuple] = {}  # patch: the parts not yet seen to
        self._kept: dict[str, tuple] = {}  # patch: the parts kept as they were
        if patch:
            self.db.execute("PRAGMA trusted_schema=OFF")
            format_row = self.db.execute("SELECT value FROM meta WHERE name='format'").fetchone()
            if format_row != (FORMAT,):
                raise CacheDamaged(f"{path} is not in format {FORMAT}")
            rows = self.db.execute("SELECT name, kind, size, rows_of, tuples, tab FROM parts")
            for name, *rest in rows.fetchall():
                if not _TABLE.fullmatch(str(rest[-1])):
                    raise CacheDamaged(f"{path} names a table that this cache never makes")
                self._earlier[name] = tuple(rest)
                self._count = max(self._count, int(str(rest[-1])[1:]) + 1)
            self.db.execute("BEGIN")
            return
        self.db.executescript(_SCHEMA)
        self.db.execute("BEGIN")
        self.db.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))

    def _part(
        self, name: str, kind: str, size: int, rows_of: str | None = None, tuples: bool = True
    ) -> str:
        earlier = self._earlier.pop(name, None) or self._kept.pop(name, None)
        if earlier is not None:  # (patch) written again: the earlier table goes
            self.db.execute(f"DROP TABLE {earlier[-1]}")
            self.db.execute("DELETE FROM parts WHERE name = ?", (name,))
        table = f"p{self._count}"
        self._count += 1
        self.db.execute(
            "INSERT INTO parts VALUES (?, ?, ?, ?, ?, ?)",
            (name, kind, size, rows_of, tuples, table),
        )
        keyed = kind in ("map", "shards")
        columns = "key TEXT NOT NULL, data TEXT NOT NULL" if keyed else "data TEXT NOT NULL"
        self.db.execute(f"CREATE TABLE {table} ({columns})")
        return table

    def kept(self, name: str) -> bool:
        """Whether the part ``name`` is kept as an earlier entry had it (so that its
        writer need not make it): never here; a caller's writer may say otherwise (see
        dipgraph.cached_graph.file_parts.PartsWriter)."""
        return False

    def has(self, name: str, kind: str | None = None) -> bool:
        """(patch) Whether the earlier file holds a part ``name`` (of ``kind``) not yet
        written again."""
        found = self._earlier.get(name)
        return found is not None and kind in (None, found[0])

    def keep(self, name: str) -> None:
        """(patch) Keep the earlier file's part ``name`` as it is (KeyError if none)."""
        self._kept[name] = self._earlier.pop(name)

    def patch_map(
        self, name: str, removed: Iterable[str], items: Sequence[tuple[str, str]]
    ) -> None:
        """(patch) Drop the keys ``removed`` from the earlier file's map ``name``, then
        put ``items`` (values already encoded, see :data:`encode_value`)."""
        kind, size, _, _, table = self._earlier.pop(name)
        if kind != "map":
            raise ValueError(f"part {name} is not a map")
        gone = [(key,) for key in removed]
        deleted = self.db.executemany(f"DELETE FROM {table} WHERE key = ?", gone).rowcount
        self.db.executemany(f"INSERT INTO {table} VALUES (?, ?)", items)
        size = int(size) - max(deleted, 0) + len(items)  # (counting the rows read them all)
        self.db.execute("UPDATE parts SET size = ? WHERE name = ?", (size, name))

    def _map(self, table: str, items: Iterable[tuple[str, str]]) -> None:
        self.db.executemany(f"INSERT INTO {table} VALUES (?, ?)", items)
        self.db.execute(f"CREATE UNIQUE INDEX {table}_key ON {table} (key)")

    def add_list(self, name: str, rows: Sequence[Any]) -> None:
        table = self._part(name, "list", len(rows))
        self.db.executemany(f"INSERT INTO {table} VALUES (?)", ((_json(row),) for row in rows))

    def add_map(self, name: str, mapping: Mapping[str, Any], tuples: bool = True) -> None:
        """Store ``mapping``; ``tuples`` reads arrays back as tuples (else as lists)."""
        table = self._part(name, "map", len(mapping), None, tuples)
        self._map(table, ((key, _json(value)) for key, value in mapping.items()))

    def add_encoded_map(
        self, name: str, items: Sequence[tuple[str, str]], tuples: bool = True
    ) -> None:
        """:meth:`add_map` of values already encoded by :data:`encode_value` (kept so)."""
        table = self._part(name, "map", len(items), None, tuples)
        self._map(table, items)

    def add_shards(
        self, name: str, positions: Mapping[str, Iterable[int]], rows_of: str, rows: Sequence[Any]
    ) -> None:
        """Store ``positions`` (key -> positions in the list part ``rows_of``) with the rows."""
        table = self._part(name, "shards", len(positions), rows_of)
        self._map(
            table,
            ((key, _json([[p, rows[p]] for p in places])) for key, places in positions.items()),
        )

    def add_value(self, name: str, value: Any) -> None:
        """One JSON value, read whole (lists stay lists)."""
        self.add_json(name, [_json(value)])

    def add_json(self, name: str, pieces: Iterable[str]) -> None:
        """One value already written as JSON text, in pieces whose concatenation it is:
        a large value is never one string here (the facts at 100k contacts, 55 million
        characters, cost 0.2 GiB at once)."""
        table = self._part(f"value:{name}", "text", 0)
        self.db.executemany(f"INSERT INTO {table} VALUES (?)", ((piece,) for piece in pieces))
        # The count, checked on reading: a lost piece between two records still reads
        # as JSON (every contact gone, and nothing said).
        (count,) = self.db.execute(f"SELECT count(*) FROM {table}").fetchone()
        self.db.execute("UPDATE parts SET size=? WHERE tab=?", (count, table))

    def close(self) -> None:
        if self._earlier:
            raise ValueError(f"parts neither written nor kept: {sorted(self._earlier)}")
        self.db.execute("COMMIT")
        self.db.close()

    def abandon(self) -> None:
        self.db.close()


def _check_header(path: Path) -> None:
    """Refuse a file that is not a whole SQLite database (truncated, or something else)."""
    with path.open("rb") as handle:
        header = handle.read(100)
        size = handle.seek(0, 2)
    if len(header) < 100 or header[:16] != b"SQLite format 3\0":
        raise CacheDamaged(f"{path} is not an SQLite database")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if size != page_size * pages:
        raise CacheDamaged(f"{path} has {size} bytes where its header says {page_size * pages}")


class Tables:
    """A read-only view of a file :class:`TableWriter` wrote."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            _check_header(path)
            # immutable: entries are replaced by rename, never changed in place.
            self.db = sqlite3.connect(
                f"file:{quote(str(path))}?mode=ro&immutable=1", uri=True, check_same_thread=False
            )
            self.db.execute("PRAGMA trusted_schema=OFF")
            format_row = self.db.execute("SELECT value FROM meta WHERE name='format'").fetchone()
            self.parts = {row[0]: row[1:] for row in self.db.execute("SELECT * FROM parts")}
            if not all(_TABLE.fullmatch(str(part[-1])) for part in self.parts.values()):
                raise CacheDamaged(f"{path} names a table that this cache never makes")
        except (OSError, sqlite3.Error) as error:
            raise CacheDamaged(f"{path}: {error}") from None
        if format_row != (FORMAT,):
            raise CacheDamaged(f"{path} is not in format {FORMAT}")
        self._lists: dict[str, StoredList] = {}

    def fetch(self, sql: str, args: tuple) -> list[tuple]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.Error as error:
            raise CacheDamaged(f"{self.path}: {error}") from None

    def _kind(self, name: str, kind: str) -> tuple:
        found = self.parts.get(name)
        if found is None or found[0] != kind:
            raise CacheDamaged(f"{self.path} has no {kind} part '{name}'")
        return found

    def list(self, name: str, make: Callable[[Any], Any] | None = None) -> StoredList:
        """A list part; ``make`` (a named tuple's ``_make``, say) turns each stored row
        back into what was stored, as rows are read (give it on the first call)."""
        if name not in self._lists:
            _, size, _, _, table = self._kind(name, "list")
            self._lists[name] = StoredList(self, table, size, make)
        return self._lists[name]

    def map(self, name: str) -> StoredMap:
        found = self.parts.get(name)
        if found is not None and found[0] == "shards":
            return StoredShards(self, found[4], found[1], self.list(found[2]))
        _, size, _, tuples, table = self._kind(name, "map")
        return StoredMap(self, table, size, bool(tuples))

    def value(self, name: str) -> Any:
        """A value :meth:`TableWriter.add_json` stored, read whole."""
        _, size, _, _, table = self._kind(f"value:{name}", "text")
        pieces = self.fetch(f"SELECT rowid, data FROM {table} ORDER BY rowid", ())
        whole = len(pieces) == size and (not pieces or pieces[-1][0] == size)
        if not whole or not all(type(piece) is str for _, piece in pieces):
            raise CacheDamaged(f"{self.path}: a damaged value ('{name}')")
        return self.decode("".join(piece for _, piece in pieces), False)

    def decode(self, text: str, tuples: bool) -> Any:
        try:  # RecursionError: a planted "[[[[...": deeper than json (or tupled) can go
            value = json.loads(text)
            return tupled(value) if tuples else value
        except (ValueError, RecursionError) as error:
            raise CacheDamaged(f"{self.path}: a damaged value ({error})") from None


class StoredList(Sequence):
    """A list part: rows read one at a time, or all at once when iterated."""

    def __init__(
        self, tables: Tables, name: str, size: int, make: Callable[[Any], Any] | None = None
    ) -> None:
        self._tables, self._name, self._size = tables, name, size
        self._make = make
        self.known: dict[int, Any] = {}
        self._all: list[Any] | None = None

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, position: int) -> Any:  # type: ignore[override]
        if self._all is not None:
            return self._all[position]
        if position < 0:
            position += self._size
        if position in self.known:
            return self.known[position]
        found = self._tables.fetch(f"SELECT data FROM {self._name} WHERE rowid=?", (position + 1,))
        if not found:
            raise IndexError(position)
        row = self.known[position] = self.row(self._tables.decode(found[0][0], True))
        return row

    def row(self, decoded: Any) -> Any:
        """A decoded row as the caller wants it (see :meth:`Tables.list`)."""
        return decoded if self._make is None else self._make(decoded)

    def __iter__(self) -> Iterator[Any]:
        if self._all is None:
            rows = self._tables.fetch(f"SELECT rowid, data FROM {self._name} ORDER BY rowid", ())
            if len(rows) != self._size or (rows and rows[-1][0] != self._size):
                raise CacheDamaged(f"{self._tables.path}: part {self._name} is incomplete")
            self._all = [self.row(self._tables.decode(data, True)) for _, data in rows]
        return iter(self._all)


class StoredMap(Mapping):
    """A map part: values read by key, or all at once when iterated."""

    def __init__(self, tables: Tables, name: str, size: int, tuples: bool) -> None:
        self._tables, self._name, self._size, self._tuples = tables, name, size, tuples
        self._known: dict[str, Any] = {}
        self._all: dict[str, Any] | None = None

    def __len__(self) -> int:
        return self._size

    def _value(self, text: str) -> Any:
        return self._tables.decode(text, self._tuples)

    def __getitem__(self, key: str) -> Any:
        if self._all is not None:
            return self._all[key]
        if key not in self._known:
            found = self._tables.fetch(f"SELECT data FROM {self._name} WHERE key=?", (key,))
            self._known[key] = self._value(found[0][0]) if found else KeyError
        value = self._known[key]
        if value is KeyError:
            raise KeyError(key)
        return value

    def _everything(self) -> dict[str, Any]:
        if self._all is None:
            rows = self._tables.fetch(f"SELECT key, data FROM {self._name}", ())
            if len(rows) != self._size:
                raise CacheDamaged(f"{self._tables.path}: part {self._name} is incomplete")
            self._all = {key: self._value(data) for key, data in rows}
        return self._all

    def __iter__(self) -> Iterator[str]:
        return iter(self._everything())

    def items(self):  # type: ignore[override]
        return self._everything().items()

    def values(self):  # type: ignore[override]
        return self._everything().values()


class StoredShards(StoredMap):
    """Key -> positions in a list part; reading a key also reads those rows."""

    def __init__(self, tables: Tables, name: str, size: int, rows: StoredList) -> None:
        super().__init__(tables, name, size, True)
        self._rows = rows

    def _value(self, text: str) -> Any:
        shard = self._tables.decode(text, True)
        try:
            for position, row in shard:
                self._rows.known[position] = self._rows.row(row)
            return tuple(position for position, _ in shard)
        except (TypeError, ValueError):
            raise CacheDamaged(f"{self._tables.path}: a damaged shard") from None
