"""Small values by key in one SQLite file of the cache folder, least recently used
dropped first: the per-file results of ``check`` and the stat index that spares
re-reading unchanged files (see :mod:`dipgraph.cache.file_checks`).

The file is private like every cache file (created 0600, refused when it is not the
user's own). Any SQLite error is a miss, or a result not kept: it costs speed only
(a full disk is said once by the cache entry's own write). Values are JSON text, never
code.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from dipgraph.cache.folder import check_private_file

KEEP_PARTS = 20_000
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS parts "
    "(key TEXT PRIMARY KEY, value TEXT NOT NULL, used REAL NOT NULL, size INTEGER NOT NULL)"
)
# Which rows to drop is found from this index alone: summing the values' lengths read
# every value (the whole store, 0.03-0.06 s at 10k contacts, ten times that at 100k,
# at each of the half-dozen writes of a check).
_LRU = "CREATE INDEX IF NOT EXISTS parts_lru ON parts (used DESC, size, key)"
_SIZED = "ALTER TABLE parts ADD COLUMN size INTEGER NOT NULL DEFAULT -1"


class PartStore:
    """Text values by key; UnsafeCache when the file is not private, sqlite3.Error or
    OSError when it cannot be opened."""

    def __init__(self, path: Path, max_bytes: int) -> None:
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        check_private_file(path)
        self.path = path
        self.max_bytes = max_bytes
        self._db = sqlite3.connect(path, timeout=30, isolation_level=None)
        if not path.stat().st_size:  # new (a reader must not write)
            self._db.execute("PRAGMA auto_vacuum = FULL")  # shrinks as rows go
        tables = self._db.execute("SELECT name FROM sqlite_master WHERE name = 'parts'")
        if not tables.fetchall():
            self._db.execute(_SCHEMA)
        columns = [row[1] for row in self._db.execute("PRAGMA table_info(parts)")]
        if "size" not in columns:  # a store an earlier version wrote: sized once
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                columns = [row[1] for row in self._db.execute("PRAGMA table_info(parts)")]
                if "size" not in columns:
                    self._db.execute(_SIZED)
                    self._db.execute("UPDATE parts SET size = length(CAST(value AS BLOB))")
        self._db.execute(_LRU)

    def get(self, keys: Iterable[str]) -> dict[str, str]:
        """The values stored under ``keys`` (the missing ones left out)."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, str] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT key, value FROM parts WHERE key IN ({marks})"
            for key, value in self._db.execute(query, chunk):
                if isinstance(value, str):
                    found[key] = value
        return found

    def put(self, values: Mapping[str, str], used: Iterable[str] = ()) -> None:
        """Store ``values``, mark ``used`` keys as used now, and drop the least recently
        used past :data:`KEEP_PARTS` rows or ``max_bytes``, all in one transaction."""
        now = time.time()
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany(
                "INSERT OR REPLACE INTO parts (key, value, used, size) VALUES (?, ?, ?, ?)",
                [(key, value, now, len(value.encode())) for key, value in values.items()],
            )
            self._db.executemany(
                "UPDATE parts SET used = ? WHERE key = ?", [(now, key) for key in used]
            )
            self._db.execute(
                "DELETE FROM parts WHERE key NOT IN "
                "(SELECT key FROM parts ORDER BY used DESC, size, key LIMIT ?)",
                (KEEP_PARTS,),
            )
            self._db.execute(
                "DELETE FROM parts WHERE key IN (SELECT key FROM (SELECT key, "
                # (of the rows used at once, the smaller kept first: ordered by key, one
                # large row put first dropped all the others with it)
                "SUM(size) OVER (ORDER BY used DESC, size, key) AS total "
                "FROM parts) WHERE total > ?)",
                (self.max_bytes,),
            )

    def close(self) -> None:
        self._db.close()
