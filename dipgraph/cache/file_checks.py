"""One fact file's check, kept by the file's content: a later check re-reads only the
files that changed (as ruff's cache and mypy's incremental mode do).

A result is stored under a digest of the file's bytes, the path it is shown by (the
messages name it), the schema's data files and dipgraph's version; so whatever it
says is what checking those bytes would say. Which bytes a file holds is known from
a stat index, as git's is: a file whose size, times and inode are those recorded
with its digest is not read again; one changed in the last two seconds, or unknown,
is read and hashed (a later change within the clock's granularity could go unseen).
The checks across files always run again, over every file's result (see
:func:`dipgraph.loader.check_in_stages`).

Stored results are JSON rebuilt field by field by type (:mod:`dipgraph.cache.records`):
nothing read back chooses a class or runs code; anything of the wrong shape is a miss.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from dipgraph import cache
from dipgraph.cache.records import _ENCODER, BadRecord, decoder
from dipgraph.facts import DECLARED_TYPES, Citation, Location
from dipgraph.loader.citations import CitationUse
from dipgraph.loader.fields import (
    Initiator,
    Pending,
    QuoteUse,
    ReferenceColumns,
    References,
)
from dipgraph.loader.one_file import FileCheck, check_one_file
from dipgraph.loader.problems import Problem
from dipgraph.loader.reading import TooLarge, read_bounded
from dipgraph.loader.records import Declared
from dipgraph.schema.model import Model

_FORMAT = b"file-check-6"  # 2: dataset citations kept; 3: corroborations; 4: exceptions;
# 5: glosses; 6: references and quotes as columns, a quote as its evidence's number


def stat_text(path: Path) -> str | None:
    """Size, times and inode of ``path``; None when it changed in the last two seconds
    (or cannot be read: the check then reports why)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if max(info.st_ctime_ns, info.st_mtime_ns) > time.time_ns() - cache.RECENT_NS:
        return None
    return f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}"


def _key(kind: str, *parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big") + part)
    return f"{kind}:{digest.hexdigest()}"


# -- the stored form -----------------------------------------------------------------


def encode(result: FileCheck) -> str:
    """``result`` as JSON text (its path and digest are in the key, not here).

    Kept compact, as every unchanged file's check is read back at each check after an
    edit (most of that time went to parsing this JSON): a declaration whose place is its
    record's own location says so (0); the references are columns (targets, one
    (range, field) pair's number each, lines, columns); a quote that is one of the
    file's records' evidence is its number among them (its text is written once)."""
    pending = result.pending
    declared = []
    evidence_at: dict[tuple[str, str], int] = {}  # (source, quote) -> its first number
    number = 0  # of the evidence, counted over the records in order
    for d in result.declared:
        where = d.where
        declared.append(
            [d.kind, d.id, 0 if where == getattr(d.record, "location", None) else where, d.record]
        )
        for e in _evidence(d.record):
            evidence_at.setdefault((e.source, e.quote), number)
            number += 1
    table: dict[tuple[tuple[str, ...], str], int] = {}
    which = [table.setdefault((r.range, r.field), len(table)) for r in pending.references]
    quoted = [evidence_at.get((q.source, q.quote), [q.source, q.quote]) for q in pending.quotes]
    return _ENCODER.encode(
        {
            "composed": result.composed,
            "problems": [[p.path, p.line, p.col, p.message, p.severity] for p in result.problems],
            "declared": declared,
            "references": [
                [r.target for r in pending.references],
                [[list(kinds), name] for kinds, name in table],
                which,
                [r.line for r in pending.references],
                [r.col for r in pending.references],
            ],
            "quotes": [
                quoted,
                [q.line for q in pending.quotes],
                [q.col for q in pending.quotes],
            ],
            "wikidata": [[item, where] for item, where in pending.wikidata],
            "initiators": [[i.actor, i.parties, i.where] for i in pending.initiators],
            "citations": [[c.source, c.cites, c.line, c.col] for c in pending.citations],
        }
    )


def _evidence(record: Any) -> Any:
    """A record's evidence, in order (none for a record that has none, or is None)."""
    found = getattr(record, "evidence", None)
    return found if type(found) is tuple else ()


def _str(value: Any) -> str:
    if type(value) is not str:
        raise BadRecord("expected text")
    return value


def _int(value: Any) -> int:
    if type(value) is not int:
        raise BadRecord("expected a number")
    return value


def _list(value: Any) -> list:
    if type(value) is not list:
        raise BadRecord("expected a list")
    return value


_location = decoder(Location)
_citation = decoder(Citation)


def _maker(cls: type) -> Any:
    """A function building a ``cls`` (a frozen dataclass with slots, no ``__post_init__``)
    from its field values in order, each slot set directly as pickle does: the
    dataclass's ``__init__`` sets each field through ``object.__setattr__``, and a kept
    file's references and quotes are made by the ten thousand (a third of decoding a
    contacts file). The caller checks the values' types."""
    names = [f.name for f in dataclasses.fields(cls)]
    env: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    values = ", ".join(f"v{i}" for i in range(len(names)))
    body = [f"def make({values}):", "    made = _new(_cls)"]
    for i, name in enumerate(names):
        env[f"set{i}"] = vars(cls)[name].__set__  # the slot's own setter
        body.append(f"    set{i}(made, v{i})")
    body.append("    return made")
    exec("\n".join(body), env)  # (code from the class's fields, never from data)
    return env["make"]


_quote_use = _maker(QuoteUse)
_declared = _maker(Declared)


def _all(kind: type, values: Any) -> list:
    """``values``, a list of ``kind`` values only (bool is no int here)."""
    if type(values) is not list or not set(map(type, values)) <= {kind}:
        raise BadRecord(f"expected a list of {kind.__name__}")
    return values


def _references(columns: list, shown: str) -> References:
    """The stored references (the most numerous part), kept as columns: a reference is
    made only when a check across files asks for it (see ReferenceColumns)."""
    targets, table, which, lines, cols = _list(columns)
    pairs = []
    for kinds, name in _list(table):
        pairs.append((tuple(map(_str, _list(kinds))), _str(name)))
    targets, which = _all(str, targets), _all(int, which)
    lines, cols = _all(int, lines), _all(int, cols)
    if not len(targets) == len(which) == len(lines) == len(cols):
        raise BadRecord("stored references of unequal columns")
    if which and (min(which) < 0 or max(which) >= len(pairs)):
        raise BadRecord("a stored reference of no known field")
    references = References()
    if targets:
        references.extend(ReferenceColumns(shown, targets, pairs, which, lines, cols))
    return references


def _quotes(columns: list, shown: str, declared: list[Declared]) -> list[QuoteUse]:
    """The stored quotes, those that are the records' evidence taken from it."""
    quoted, lines, cols = _list(columns)
    quoted, lines, cols = _list(quoted), _all(int, lines), _all(int, cols)
    if not len(quoted) == len(lines) == len(cols):
        raise BadRecord("stored quotes of unequal columns")
    evidence = [e for d in declared for e in _evidence(d.record)]
    quotes = []
    make = _quote_use
    for at, line, col in zip(quoted, lines, cols, strict=True):
        if type(at) is int:
            if not 0 <= at < len(evidence):
                raise BadRecord("a stored quote of no known evidence")
            source, quote = evidence[at].source, evidence[at].quote
        else:
            source, quote = _list(at)
            if type(source) is not str or type(quote) is not str:
                raise BadRecord("a stored quote of the wrong shape")
        quotes.append(make(source, quote, shown, line, col))
    return quotes


def decode(text: str, shown: str, digest: str) -> FileCheck:
    """The :class:`FileCheck` :func:`encode` wrote; BadRecord when the text is not one."""
    try:
        data = json.loads(text)
        if type(data) is not dict or type(data["composed"]) is not bool:
            raise BadRecord("not a stored file check")
        result = FileCheck(shown, digest, data["composed"])
        result.problems = [
            Problem(_str(p), _int(line), _int(col), _str(message), _str(severity))
            for p, line, col, message, severity in _list(data["problems"])
        ]
        declared = []
        for kind, ident, where, record in _list(data["declared"]):
            if kind not in DECLARED_TYPES:
                raise BadRecord(f"unknown kind {kind!r}")
            rebuilt = None if record is None else decoder(DECLARED_TYPES[kind])(record)
            if type(where) is int and where == 0:  # the record's own location
                place = getattr(rebuilt, "location", None)
                if type(place) is not Location:
                    raise BadRecord("a stored place of no record")
            else:
                place = _location(where)
            declared.append(_declared(kind, _str(ident), place, rebuilt))
        result.declared = declared
        result.pending = Pending(
            _references(data["references"], shown),
            _quotes(data["quotes"], shown, declared),
            [(_str(item), _location(where)) for item, where in _list(data["wikidata"])],
            [
                Initiator(_str(a), tuple(map(_str, _list(p))), _location(w))
                for a, p, w in _list(data["initiators"])
            ],
            [
                CitationUse(_str(s), _citation(cites), shown, _int(ln), _int(c))
                for s, cites, ln, c in _list(data["citations"])
            ],
        )
    except (KeyError, TypeError, ValueError, RecursionError) as error:
        raise BadRecord(f"stored file check is damaged: {error}") from None
    return result


# -- answering one_file from the store -------------------------------------------------


class FileChecks:
    """``one_file`` for :func:`dipgraph.loader.check_in_stages`: each file's check from
    ``store`` when its bytes were checked before, else checked and kept by
    :meth:`save`. ``reused`` and ``checked`` count the two."""

    def __init__(self, store: Any, model: Model, max_file_bytes: int, schema: bytes) -> None:
        from dipgraph.version import __version__

        self.store = store
        self.model = model
        self.max_file_bytes = max_file_bytes
        self.salt = (_FORMAT, __version__.encode(), schema, str(max_file_bytes).encode())
        self.new: dict[str, str] = {}
        self.used: list[str] = []
        self.reused = 0
        self.checked = 0

    def _digest(self, path: Path, printed: str | None) -> str | None:
        """The digest of the bytes ``path`` holds: from the stat index when its stat
        is the one recorded, else by reading it (None when it cannot be read)."""
        if printed is not None:
            row = self._get(_key("stat", os.fsencode(path)))
            if row is not None:
                with_stat = json.loads(row)
                if (
                    isinstance(with_stat, list)
                    and len(with_stat) == 2
                    and with_stat[0] == printed
                    and isinstance(with_stat[1], str)
                ):
                    return with_stat[1]
        try:
            digest = hashlib.sha256(read_bounded(path, self.max_file_bytes)).hexdigest()
        except (OSError, TooLarge):
            return None
        self._remember_stat(path, printed, digest)
        return digest

    def _remember_stat(self, path: Path, printed: str | None, digest: str) -> None:
        if printed is not None and stat_text(path) == printed:
            self.new[_key("stat", os.fsencode(path))] = json.dumps([printed, digest])

    def _get(self, key: str) -> str | None:
        try:
            return self.store.get([key]).get(key)
        except sqlite3.Error:
            return None

    def __call__(self, path: Path, shown: str, dataset_file: bool) -> FileCheck:
        printed = stat_text(path)
        digest = self._digest(path, printed)
        role = b"dataset" if dataset_file else b"facts"  # a dataset.yaml is read as one
        if digest is not None:
            key = _key("file", *self.salt, role, shown.encode(), digest.encode())
            text = self._get(key)
            if text is not None:
                try:
                    result = decode(text, shown, digest)
                except BadRecord:
                    pass  # checked again and stored anew
                else:
                    self.used.append(key)
                    self.reused += 1
                    return result
        result = check_one_file(path, shown, dataset_file, self.model, self.max_file_bytes)
        self.checked += 1
        if result.digest is not None:
            key = _key("file", *self.salt, role, shown.encode(), result.digest.encode())
            self.new[key] = encode(result)
            if result.digest != digest:
                self.new.pop(_key("stat", os.fsencode(path)), None)  # changed while read
        return result

    # -- which quotes of a file fail (a QuoteVerdicts for check_in_stages) -----------

    def failing(self, key: str) -> list[int] | None:
        """The positions stored under ``key`` (the loader's key over a file and the
        source texts its quotes name); None when none are, or they are damaged."""
        stored = _key("quotes", *self.salt, key.encode())
        text = self._get(stored)
        if text is None:
            return None
        try:
            failing = json.loads(text)
        except (ValueError, RecursionError):
            return None
        if type(failing) is not list or not all(type(f) is int for f in failing):
            return None
        self.used.append(stored)
        return failing

    def keep(self, key: str, failing: list[int]) -> None:
        self.new[_key("quotes", *self.salt, key.encode())] = json.dumps(failing)

    def found_in(self, key: str) -> set[str]:
        """The quote digests stored under ``key`` (none when damaged)."""
        stored = _key("found", *self.salt, key.encode())
        text = self._get(stored)
        if text is None:
            return set()
        try:
            found = json.loads(text)
        except (ValueError, RecursionError):
            return set()
        if type(found) is not list or not all(type(f) is str for f in found):
            return set()
        self.used.append(stored)
        return set(found)

    def keep_found(self, key: str, found: set[str]) -> None:
        self.new[_key("found", *self.salt, key.encode())] = json.dumps(sorted(found))

    def save(self) -> None:
        """Keep what was checked anew (and mark what was reused as recently used)."""
        if self.new or self.used:
            self.store.put(self.new, self.used)
        self.new, self.used = {}, []
