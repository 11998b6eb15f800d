"""What the curation rules find, kept by what each finding reads, so that a ``check``
after an edit runs them over what changed only.

The rules of :data:`~dipgraph.curation.rules.LOCAL_RULES` read a fact, the actors,
topics and sources it names, the source texts and the general guide. A file's
findings are kept in the per-file store under a key
over all of these: the key of the file's compile parts (its bytes, every file
declaring a source, actor, topic or place, the quotes other files add to its facts,
dipgraph's version; see :mod:`dipgraph.cached_graph.file_parts`), the source texts as
read and the guide's bytes. The rules of names (:data:`~dipgraph.curation.rules.ENTITY_RULES`:
an actor's or topic's names printed in some source) read the record and the source
texts: kept by file under the same key. Rule 2 (passages no quote covers) reads one
source's record, its text and the quotes of it: kept by source, under those. The rules
that look across facts (shared quotes, unnamed office-holders, designations) and the
exceptions that excuse nothing run over all facts each time, as before.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any, TypeVar, cast

from dipgraph.cache import part_store, schema_digest
from dipgraph.cache.records import _ENCODER, _plain
from dipgraph.cached_graph.file_parts import FileRecords, file_records, salt_of
from dipgraph.curation import with_curation
from dipgraph.curation.guide import GUIDE_FILE
from dipgraph.curation.rules import (
    ENTITY_RULES,
    LOCAL_RULES,
    RULES,
    Curation,
    Fact,
    Finding,
    quotes_by_source,
    raw_findings,
    source_passages,
)
from dipgraph.facts import RECORD_TYPES, Actor, Facts, Location, Source, Topic
from dipgraph.loader import Problem, shown_path
from dipgraph.version import __version__

FORMAT = b"curation-parts-3"  # 3: a source's quotes keyed as one JSON list
Item = TypeVar("Item")
Made = TypeVar("Made")
# What decoding a damaged stored row raises: the row is then made again and kept anew.
_DAMAGED = (ValueError, KeyError, TypeError, IndexError, RecursionError)
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


def _finding(fact: Any, row: Any) -> Finding:
    rule, message = row
    if rule not in LOCAL_RULES or type(message) is not str:
        raise ValueError("a stored finding of the wrong shape")
    return Finding(rule, fact, message)


def _unplaced(value: Any) -> Any:
    """A record as :data:`_ENCODER` writes it, its places (and its parts') left out."""
    if type(value) is Location:
        return None
    return _plain(value)


_UNPLACED = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_unplaced)


def _only(facts: Facts, part: FileRecords) -> Facts:
    """The facts of one file, with every record its rules look up."""
    alone = Facts(root=facts.root)
    for kind in _READS:
        alone.by_kind(kind).update(facts.by_kind(kind))
    for kind in _FACTS:
        alone.by_kind(kind).update((r.id, r) for r in part.records.get(kind, ()))
    return alone


class _Local:
    """What the local rules find, file by file, and what :data:`ENTITY_RULES` find in
    each file's actors and topics and rule 2 in each source: from the store, or found
    and kept."""

    def __init__(self, facts: Facts, root: Path, files: list[FileRecords], store: Any) -> None:
        self.facts, self.root, self.files, self.store = facts, root, files, store
        self.made = 0
        self._common: str | None = None
        self._texts: dict[str, str] | None = None

    def common(self, cur: Curation) -> str:
        """The digest of what every finding reads beside its record: the guide and the
        source texts (each source's id and text)."""
        if self._common is None:
            texts = [
                part
                for ident, digest in sorted(self.text_digests(cur).items())
                for part in (ident.encode(), digest.encode())
            ]
            self._common = _digest(FORMAT, _tables(), *texts)
        return self._common

    def text_digests(self, cur: Curation) -> dict[str, str]:
        """The SHA-256 of each source's text as the rules read it."""
        if self._texts is None:
            self._texts = {
                ident: hashlib.sha256(text.encode()).hexdigest()
                for ident, text in cur.texts.items()
            }
        return self._texts

    def _stored(self, keys: list[str]) -> dict[str, str]:
        try:
            return cast(dict[str, str], self.store.get(keys))
        except sqlite3.Error:
            return {}

    def _keep(self, keys: list[str], new: dict[str, str]) -> None:
        with suppress(OSError, sqlite3.Error):  # costs speed only
            self.store.put(new, [k for k in keys if k not in new])

    def _kept_or_made(
        self,
        items: Sequence[Item],
        keys: list[str],
        decode: Callable[[str, Item], Made],
        make: Callable[[Item], Made],
        encode: Callable[[Made], str],
        new: dict[str, str] | None = None,
    ) -> list[Made]:
        """Each item's result: read from the store under its key, else (absent or
        damaged) made and kept there, in one write with ``new``'s other rows."""
        stored = self._stored(keys)
        new = {} if new is None else new
        results: list[Made] = []
        for item, key in zip(items, keys, strict=True):
            text = stored.get(key)
            if text is not None:
                try:
                    results.append(decode(text, item))
                    continue
                except _DAMAGED:
                    pass  # damaged: found again and kept anew
            made = make(item)
            results.append(made)
            new[key] = encode(made)
        self._keep(keys, new)
        return results

    def __call__(self, cur: Curation) -> list[Finding]:
        common = self.common(cur)
        parts = [p for p in self.files if any(k in p.records for k in _FACTS)]
        keys = [f"curation:{_digest(common.encode(), p.key.encode())}" for p in parts]
        by_facts: dict[str, str] = {}  # the rows _by_fact keeps, written with these
        found = self._kept_or_made(
            parts,
            keys,
            _decode,
            lambda part: self._by_fact(cur, common, part, by_facts),
            _encode,
            by_facts,
        )
        return [f for mine in found for f in mine]

    def _by_fact(
        self, cur: Curation, common: str, part: FileRecords, new: dict[str, str]
    ) -> list[Finding]:
        """The local rules' findings on a changed file: each fact's kept under the
        fact itself (its places aside: no local rule reads them) beside what all its
        facts read, so that an edit of one fact runs the rules on that fact alone."""
        place = _digest(common.encode(), part.context.encode(), part.shown.encode())
        key = f"curation-facts:{place}"
        facts = [r for kind in _FACTS for r in part.records.get(kind, ())]
        digests = [_digest(_UNPLACED.encode(r).encode()) for r in facts]
        kept: dict[str, Any] = {}
        text = self._stored([key]).get(key)
        if text is not None:
            with suppress(ValueError, RecursionError):
                loaded = json.loads(text)
                if type(loaded) is dict:
                    kept = loaded
        by_fact: dict[int, list[Finding]] = {}
        missing: dict[str, list[Any]] = {}
        for fact, digest in zip(facts, digests, strict=True):
            rows = kept.get(digest)
            known = None
            if rows is not None:
                with suppress(ValueError, TypeError):  # damaged: found again
                    known = [_finding(fact, row) for row in rows]
            by_fact[id(fact)] = known or []
            if known is None:
                missing.setdefault(_KIND_OF[type(fact)], []).append(fact)
        if missing:
            self.made += 1
            alone = FileRecords(part.shown, part.key, missing, part.context)
            for finding in raw_findings(cur.over(_only(self.facts, alone)), LOCAL_RULES):
                by_fact[id(finding.record)].append(finding)
        mine = [f for fact in facts for f in by_fact[id(fact)]]
        new[key] = json.dumps(
            {
                digest: [[f.rule, f.message] for f in by_fact[id(fact)]]
                for fact, digest in zip(facts, digests, strict=True)
            },
            ensure_ascii=False,
        )
        return mine

    def kept(self, cur: Curation) -> dict[str, list[Finding]]:
        """The findings of :data:`ENTITY_RULES` and of rule 2 (passages), each rule's
        in its own order."""
        return {**self._entities(cur), "passages": self._passages(cur)}

    def _entities(self, cur: Curation) -> dict[str, list[Finding]]:
        common = self.common(cur)
        parts = [p for p in self.files if any(k in p.records for k in _ENTITIES)]
        keys = [f"curation-names:{_digest(common.encode(), p.key.encode())}" for p in parts]

        def make(part: FileRecords) -> dict[str, list[Finding]]:
            self.made += 1
            alone = cur.names_view(_entities_of(self.facts, part))
            return {rule: list(RULES[rule][1](alone)) for rule in ENTITY_RULES}

        by_file = self._kept_or_made(parts, keys, _decode_entities, make, _encode_entities)
        # Each rule runs over the actors, then the topics, each in the facts' order.
        return {
            rule: [
                f
                for kind in (Actor, Topic)
                for mine in by_file
                for f in mine[rule]
                if type(f.record) is kind
            ]
            for rule in ENTITY_RULES
        }

    def _passages(self, cur: Curation) -> list[Finding]:
        quotes = quotes_by_source(cur)
        sources = list(self.facts.sources.values())
        keys = []
        for source in sources:
            of_it = quotes.get(source.id, [])
            keys.append(
                "curation-passages:"
                + _digest(
                    FORMAT,
                    _ENCODER.encode(source).encode(),
                    self.text_digests(cur).get(source.id, _NO_TEXT).encode(),
                    _ENCODER.encode(of_it).encode(),  # (one part: was one a quote)
                )
            )

        def make(source: Source) -> list[Finding]:
            self.made += 1
            return list(source_passages(cur, source, quotes.get(source.id, [])))

        found = self._kept_or_made(sources, keys, _decode_passages, make, _encode_passages)
        return [f for mine in found for f in mine]


_ENTITIES = ("actor", "topic")
_NO_TEXT = hashlib.sha256(b"").hexdigest()  # (a source the rules read no text of)


def _entities_of(facts: Facts, part: FileRecords) -> Facts:
    """The actors and topics of one file (all the rules of names read)."""
    alone = Facts(root=facts.root)
    for kind in _ENTITIES:
        alone.by_kind(kind).update((r.id, r) for r in part.records.get(kind, ()))
    return alone


def _encode_entities(found: dict[str, list[Finding]]) -> str:
    return json.dumps(
        {
            rule: [[_KIND_OF[type(f.record)], cast(Any, f.record).id, f.message, f.how] for f in fs]
            for rule, fs in found.items()
        },
        ensure_ascii=False,
    )


def _decode_entities(text: str, part: FileRecords) -> dict[str, list[Finding]]:
    """A file's stored findings of names, on its own records; ValueError if damaged."""
    own = {kind: {r.id: r for r in part.records.get(kind, ())} for kind in _ENTITIES}
    data = json.loads(text)
    if type(data) is not dict or sorted(data) != sorted(ENTITY_RULES):
        raise ValueError("stored findings of the wrong shape")
    found: dict[str, list[Finding]] = {}
    for rule, rows in data.items():
        found[rule] = []
        for kind, ident, message, how in rows:
            if type(message) is not str or type(how) is not str:
                raise ValueError("a stored finding of the wrong shape")
            found[rule].append(Finding(rule, own[kind][ident], message, None, how))
    return found


def _encode_passages(found: list[Finding]) -> str:
    """Rule 2's findings on one source: a gap by its line and column (its path is the
    source text's as shown from where check runs), an entry of the source's
    ``not_recorded`` by its whole place (the key covers the record, places included)."""
    rows = []
    for f in found:
        where = f.where
        gap = f.how == ""
        if where is None:
            rows.append([gap, f.message, None, 0, 0, f.how])
        else:
            rows.append([gap, f.message, None if gap else where.path, where.line, where.col, f.how])
    return json.dumps(rows, ensure_ascii=False)


def _decode_passages(text: str, source: Source) -> list[Finding]:
    found = []
    for gap, message, path, line, col, how in json.loads(text):
        if not (
            type(gap) is bool
            and type(message) is str
            and type(how) is str
            and type(line) is int
            and type(col) is int
            and (path is None or type(path) is str)
        ):
            raise ValueError("a stored finding of the wrong shape")
        if gap:
            where: Location | None = Location(shown_path(Path(source.file)), line, col)
        else:
            where = None if path is None else Location(path, line, col)
        found.append(Finding("passages", source, message, where, how))
    return found


def with_cached_curation(
    facts: Facts, problems: list[Problem], root: Path, base: str
) -> list[Problem]:
    """:func:`dipgraph.curation.with_curation`, the local rules' findings of the files
    that did not change taken from the store, and the rules of names and of passages
    where what they read did not change; the same problems in the same order."""
    store = part_store()
    files = None
    if store is not None:
        with suppress(OSError):
            files = file_records(facts, salt_of(__version__, schema_digest(), base, facts.root))
    if store is None or files is None:
        return with_curation(facts, problems)
    local = _Local(facts, root, files, store)
    return with_curation(facts, problems, local, local.kept)
