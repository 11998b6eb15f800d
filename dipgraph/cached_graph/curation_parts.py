"""What the curation rules that read one fact alone find in each fact file, kept by
file, so that a ``check`` after an edit runs them over the changed files only.

The rules of :data:`~dipgraph.curation.rules.LOCAL_RULES` read a fact, the actors,
topics and sources it names, the source texts and the general guide. A file's
findings are kept in the per-file store under a key
over all of these: the key of the file's compile parts (its bytes, every file
declaring a source, actor, topic or place, the quotes other files add to its facts,
dipgraph's version; see :mod:`dipgraph.cached_graph.file_parts`), the source texts as
read and the guide's bytes. The rules that look across facts (shared quotes, printed
names and aliases, unnamed office-holders) and the exceptions that excuse nothing run
over all facts each time, as before.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import suppress
from pathlib import Path
from typing import Any, cast

from dipgraph.cache import part_store, schema_digest
from dipgraph.cached_graph.file_parts import FileRecords, file_records, salt_of
from dipgraph.curation import with_curation
from dipgraph.curation.guide import GUIDE_FILE
from dipgraph.curation.rules import LOCAL_RULES, Curation, Fact, Finding, raw_findings
from dipgraph.facts import RECORD_TYPES, Facts
from dipgraph.loader import Problem
from dipgraph.version import __version__

FORMAT = b"curation-parts-1"
_READS = ("source", "actor", "topic", "place")  # what a fact's rules look up
_FACTS = ("post", "contact", "statement")


def _digest(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def _tables() -> bytes:
    """The digest of the general guide the rules read (a fact carries its own
    exceptions; the folder's README.md is prose)."""
    return _digest(GUIDE_FILE.read_bytes()).encode()


_KIND_OF = {record_type: kind for kind, record_type in RECORD_TYPES.items()}


def _encode(found: list[Finding]) -> str:
    rows = []
    for finding in found:
        fact = cast(Fact, finding.record)  # (the local rules find facts only)
        rows.append([_KIND_OF[type(fact)], fact.id, finding.rule, finding.message])
    return json.dumps(rows, ensure_ascii=False)


def _decode(text: str, part: FileRecords) -> list[Finding]:
    """A file's stored findings, on its own records; ValueError if not what was stored."""
    own = {kind: {r.id: r for r in part.records.get(kind, ())} for kind in _FACTS}
    found = []
    for row in json.loads(text):
        kind, ident, rule, message = row
        if rule not in LOCAL_RULES or type(message) is not str:
            raise ValueError("a stored finding of the wrong shape")
        found.append(Finding(rule, own[kind][ident], message))
    return found


def _only(facts: Facts, part: FileRecords) -> Facts:
    """The facts of one file, with every record its rules look up."""
    alone = Facts(root=facts.root)
    for kind in _READS:
        alone.by_kind(kind).update(facts.by_kind(kind))
    for kind in _FACTS:
        alone.by_kind(kind).update((r.id, r) for r in part.records.get(kind, ()))
    return alone


class _Local:
    """What the local rules find, file by file, from the store or found and kept."""

    def __init__(self, facts: Facts, root: Path, files: list[FileRecords], store: Any) -> None:
        self.facts, self.root, self.files, self.store = facts, root, files, store
        self.made = 0

    def __call__(self, cur: Curation) -> list[Finding]:
        texts = sorted(cur.texts.items())
        common = _digest(FORMAT, _tables(), json.dumps(texts).encode())
        parts = [p for p in self.files if any(k in p.records for k in _FACTS)]
        keys = [f"curation:{_digest(common.encode(), p.key.encode())}" for p in parts]
        try:
            stored = self.store.get(keys)
        except sqlite3.Error:
            stored = {}
        found: list[Finding] = []
        new: dict[str, str] = {}
        for part, key in zip(parts, keys, strict=True):
            text = stored.get(key)
            if text is not None:
                try:
                    found.extend(_decode(text, part))
                    continue
                except (ValueError, KeyError, TypeError, RecursionError):
                    pass  # damaged: found again and kept anew
            mine = raw_findings(cur.over(_only(self.facts, part)), LOCAL_RULES)
            self.made += 1
            found.extend(mine)
            new[key] = _encode(mine)
        with suppress(OSError, sqlite3.Error):  # costs speed only
            self.store.put(new, [k for k in keys if k not in new])
        return found


def with_cached_curation(
    facts: Facts, problems: list[Problem], root: Path, base: str
) -> list[Problem]:
    """:func:`dipgraph.curation.with_curation`, the local rules' findings of the files
    that did not change taken from the store; the same problems in the same order."""
    store = part_store()
    files = None
    if store is not None:
        with suppress(OSError):
            files = file_records(facts, salt_of(__version__, schema_digest(), base, facts.root))
    if store is None or files is None:
        return with_curation(facts, problems)
    return with_curation(facts, problems, _Local(facts, root, files, store))
