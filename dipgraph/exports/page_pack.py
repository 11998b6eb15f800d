"""The page's data, packed small: columns instead of per-item objects, one table of strings.

A 10,000-actor page written as per-item JSON objects was 35 MB: every contact
repeated its nineteen keys, every edge its "layer": "contacts", every id and
date its full text at each mention. Packed, a list of records becomes one
column per key; a string becomes its index in one table ``S`` (most frequent
strings first, so they get the shortest indexes); a value most rows share is
written once. ``templates/js/unpack.js`` rebuilds exactly the objects the
per-item JSON gave (``tests/test_html_size.py`` checks the round trip in the
browser), so the rest of the page's script is unchanged.

A column is an object with one tag key, and optionally ``i`` and ``o``:

- ``i``: the rows it covers, as gaps between row numbers; rows it does not cover
  get a copy of ``o``, or no key at all when there is no ``o``;
- ``c``: one value for every covered row;
- ``s``: a string or null per covered row, as an index into ``S``;
- ``f``: row n's string is ``S[f + n]`` (a run of the table);
- ``l``: a list of strings per covered row, as indexes into ``S``;
- ``L``: a list of lists of strings per covered row (a contact's sides), the same way;
- ``q``: the text prefix + row number (ids such as "e0", "e1", ...);
- ``d``: a dict per covered row, as a nested table (``z``: gaps of the null rows);
- ``t``: a list of dicts per covered row, as one nested table of all their items
  and ``n`` the length of each list (-1 for null);
- ``r``: plain JSON values.

A table is ``{"n": rows, "k": [keys], "v": [columns]}``; a keyed table (a dict of
records by id) adds ``"id"``, a column of its keys.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Any

_ABSENT = object()
_NO_KEY = ("absent",)
# A value this share of the rows have is written once, as the column's default.
DEFAULT_SHARE = 0.3
# What the page's JSON may not carry raw inside a <script> element, and lone
# surrogates (which UTF-8 cannot encode).
_UNSAFE = re.compile("[<>&\ud800-\udfff]")


class Packer:
    """Packs tables against one shared string table."""

    def __init__(self) -> None:
        self._counts: Counter[str] = Counter()
        self._pending: list[list[Any]] = []  # string cells, rewritten to indexes at the end
        self._runs: list[dict[str, Any]] = []  # "s" columns, written as "f" if a run

    # ---- strings ---------------------------------------------------------------
    def _strings(self, values: Iterable[str | None]) -> list[Any]:
        cells: list[Any] = list(values)
        self._counts.update(v for v in cells if v is not None)
        self._pending.append(cells)
        return cells

    def _string_lists(self, values: Sequence[list[str]]) -> list[Any]:
        """Copies of the lists, their strings rewritten as indexes at the end."""
        cells = [list(v) for v in values]
        self._counts.update(chain.from_iterable(cells))
        self._pending.extend(cells)
        return cells

    def finish(self, packed: dict[str, Any]) -> dict[str, Any]:
        """The string table and every string cell as its index. Most frequent strings
        come first (short indexes); equally frequent ones in the order they were first
        met, so a column of strings met nowhere before (quotes, summaries) is a run of
        the table, written as its first index."""
        order = sorted(self._counts.items(), key=lambda kv: -kv[1])  # stable: first met
        table = [s for s, _ in order]
        index = {s: i for i, s in enumerate(table)}
        for cells in self._pending:
            for n, value in enumerate(cells):
                if isinstance(value, str):
                    cells[n] = index[value]
        for spec in self._runs:
            cells = spec["s"]
            if (
                len(cells) > 1
                and None not in cells
                and cells == list(range(cells[0], cells[0] + len(cells)))
            ):
                del spec["s"]
                spec["f"] = cells[0]
        return {"S": table, **packed}

    # ---- tables ----------------------------------------------------------------
    def table(self, rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
        """A list of records as columns; keys sorted, as the page's per-item JSON had them."""
        keys = sorted({key for row in rows for key in row})
        return {
            "n": len(rows),
            "k": list(keys),
            "v": [self._column([row.get(key, _ABSENT) for row in rows]) for key in keys],
        }

    def keyed(self, records: dict[str, dict[str, Any]]) -> dict[str, Any]:
        """A dict of records by id, in id order: a table and a column of the ids."""
        ids = sorted(records)
        packed = self.table([records[i] for i in ids])
        packed["id"] = self._column(ids)
        return packed

    def _column(self, values: list[Any]) -> dict[str, Any]:
        keys = [_key(v) for v in values]
        default, covered = _default(values, keys)
        if covered is None:
            return self._cells(values, keys, sequential=True)
        rows = sorted(covered)
        spec = self._cells([values[n] for n in rows], [keys[n] for n in rows], sequential=False)
        spec["i"] = _gaps(rows)
        if default is not _ABSENT:
            spec["o"] = default
        return spec

    def _cells(self, cells: list[Any], keys: list[Any], sequential: bool) -> dict[str, Any]:
        if cells and all(k == keys[0] for k in keys):
            return {"c": cells[0]}
        if all(c is None or isinstance(c, str) for c in cells):
            prefix = _sequence_prefix(cells) if sequential else None
            if prefix is not None:
                return {"q": prefix}
            run: dict[str, Any] = {"s": self._strings(cells)}
            self._runs.append(run)
            return run
        if all(isinstance(c, list) and all(isinstance(x, str) for x in c) for c in cells):
            return {"l": self._string_lists(cells)}
        if all(
            isinstance(c, list)
            and all(isinstance(x, list) and all(isinstance(y, str) for y in x) for x in c)
            for c in cells
        ):
            inner = self._string_lists(list(chain.from_iterable(cells)))
            at = 0
            lists = []
            for c in cells:
                lists.append(inner[at : at + len(c)])
                at += len(c)
            return {"L": lists}
        if all(c is None or isinstance(c, dict) for c in cells):
            present = [c for c in cells if c is not None]
            spec: dict[str, Any] = {"d": self.table(present)}
            nulls = [n for n, c in enumerate(cells) if c is None]
            if nulls:
                spec["z"] = _gaps(nulls)
            return spec
        if all(
            c is None or (isinstance(c, list) and all(isinstance(x, dict) for x in c))
            for c in cells
        ):
            items = [x for c in cells if c is not None for x in c]
            return {"t": self.table(items), "n": [-1 if c is None else len(c) for c in cells]}
        return {"r": cells}


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _key(value: Any) -> Any:
    """A hashable stand-in for a cell, equal for equal scalars and lists of scalars
    (True, 1 and 1.0 kept apart). A dict, or a list holding one, is its own: a nested
    table finds what such cells share."""
    kind = type(value)
    if kind is str or value is None:
        return value
    if kind in _SCALARS:
        return (kind, value)
    if value is _ABSENT:
        return _NO_KEY
    if kind is list:
        if all(type(x) is str for x in value):
            return ("strings", *value)
        if all(type(x) in _SCALARS for x in value):
            return ("list", *((type(x), x) for x in value))
    return ("own", id(value))


def _default(values: list[Any], keys: list[Any]) -> tuple[Any, set[int] | None]:
    """What rows a column leaves out, and what they get: the rows without the key (they
    get none); else the value a good share of rows have (written once as ``o``).
    ``(_ABSENT, None)`` when the column writes every row."""
    if _NO_KEY in keys:
        return _ABSENT, {n for n, k in enumerate(keys) if k != _NO_KEY}
    ((common, count),) = Counter(keys).most_common(1) or [(None, 0)]
    if count == len(values) or count < max(2, DEFAULT_SHARE * len(values)):
        return _ABSENT, None
    first = next(v for v, k in zip(values, keys, strict=True) if k == common)
    return first, {n for n, k in enumerate(keys) if k != common}


def _sequence_prefix(cells: list[Any]) -> str | None:
    """The prefix when cell n is prefix + n for every n (edge ids "e0", "e1", ...)."""
    first = cells[0] if cells else None
    if not isinstance(first, str) or not first.endswith("0"):
        return None
    prefix = first[:-1]
    if all(c == f"{prefix}{n}" for n, c in enumerate(cells)):
        return prefix
    return None


def _gaps(rows: list[int]) -> list[int]:
    """Ascending row numbers as differences from the previous (shorter to write)."""
    return [n - p for n, p in zip(rows, [-1, *rows[:-1]], strict=True)]


def script_json(value: Any) -> str:
    """JSON to sit inside ``<script type="application/json">``: compact, UTF-8, and no
    ``<``, ``>``, ``&`` or lone surrogate raw (so no ``</script>`` or ``<!--``)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
