"""Checks that need every file: ids, references, source texts and quotes."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from dipgraph.facts import Location, Source
from dipgraph.loader.fields import Pending, QuoteUse, targets_of, unresolved, with_field
from dipgraph.loader.problems import Problem, did_you_mean, with_article
from dipgraph.loader.quote_hint import quote_hint
from dipgraph.loader.quotes import SourceText, normalise_space
from dipgraph.loader.reading import TooLarge, read_bounded
from dipgraph.loader.records import Declared

# An article is kilobytes; a limit keeps a hostile or mistaken file from filling memory.
MAX_SOURCE_BYTES = 32 * 1024 * 1024
# Hints for failing quotes in one check, over all sources (each source allows its own
# few): a file declaring many sources on one large text cannot buy hours of alignment.
HINTS_PER_CHECK = 40


def _problem(where: Location, message: str, severity: str = "error") -> Problem:
    return Problem(where.path, where.line, where.col, message, severity)


class SourceTexts(Mapping[str, str]):
    """Each source's text, white space normalised on first need (1 s for the 24 MB of
    texts at 100k contacts: a check whose quotes are all known to be found needs none),
    and the SHA-256 of its bytes as read."""

    def __init__(self) -> None:
        self._read: dict[str, tuple[str, str]] = {}  # id -> (text as decoded, digest)
        self._normalised: dict[str, str] = {}

    def add(self, ident: str, text: str, digest: str) -> None:
        self._read[ident] = (text, digest)

    def digest_of(self, ident: str) -> str | None:
        found = self._read.get(ident)
        return None if found is None else found[1]

    def __getitem__(self, ident: str) -> str:
        text = self._normalised.get(ident)
        if text is None:
            text = self._normalised[ident] = normalise_space(self._read[ident][0])
        return text

    def __contains__(self, ident: object) -> bool:
        return ident in self._read

    def __iter__(self) -> Iterator[str]:
        return iter(self._read)

    def __len__(self) -> int:
        return len(self._read)


def unique_ids(declared: list[Declared], problems: list[Problem]) -> dict[str, Declared]:
    """Index declarations by id; a reused id is an error at its second place."""
    by_id: dict[str, Declared] = {}
    for item in declared:
        first = by_id.get(item.id)
        if first is not None:
            problems.append(
                _problem(
                    item.where,
                    f"duplicate id '{item.id}': already used by the {first.kind} at {first.where}",
                )
            )
            continue
        by_id[item.id] = item
    return by_id


def unique_wikidata(pending: Pending, problems: list[Problem]) -> None:
    """Two records claiming one Wikidata item are the same entity twice: an error."""
    first: dict[str, Location] = {}
    for item, where in pending.wikidata:
        if item in first:
            problems.append(
                _problem(where, f"Wikidata item {item} is already claimed at {first[item]}")
            )
        else:
            first[item] = where


def resolve_references(
    pending: Pending, by_id: dict[str, Declared], problems: list[Problem]
) -> None:
    """Every referenced id must exist and be of a kind the field accepts."""
    ids_of: dict[tuple[str, ...], list[str]] = {}  # the ids each range accepts, made once
    kinds = {ident: declared.kind for ident, declared in by_id.items()}
    for ref in unresolved(pending.references, kinds):
        target = by_id.get(ref.target)
        wanted = " or ".join(ref.range)
        article_wanted = " or ".join(with_article(k) for k in ref.range)
        if target is None:
            candidates = ids_of.get(tuple(ref.range))
            if candidates is None:
                candidates = [i for i, d in by_id.items() if d.kind in ref.range]
                ids_of[tuple(ref.range)] = candidates
            problems.append(
                _problem(
                    ref.where,
                    f"unknown {wanted} '{ref.target}'{did_you_mean(ref.target, candidates)}",
                )
            )
        else:
            problems.append(
                _problem(
                    ref.where,
                    f"'{ref.target}' is {with_article(target.kind)}, but {ref.field} takes "
                    f"{article_wanted}",
                )
            )


def read_source_texts(
    sources: list[Declared],
    files: dict[str, Path],
    root: Path,
    problems: list[Problem],
    max_bytes: int = MAX_SOURCE_BYTES,
    digests: dict[Path, str] | None = None,
) -> tuple[SourceTexts, dict[str, Source]]:
    """Each source's whitespace-normalised text, and the source with its file resolved.

    ``digests`` gets the SHA-256 of each text's bytes as read, under its resolved path."""
    texts = SourceTexts()
    resolved: dict[str, Source] = {}
    for item in sources:
        source: Source = item.record
        path = (files[item.where.path].parent / source.file).resolve()
        if not path.is_relative_to(root):
            problems.append(
                _problem(
                    item.where, f"source file '{source.file}' is outside the facts directory {root}"
                )
            )
            continue
        if not path.is_file():
            what = "is not a regular file" if path.exists() else "not found"  # a FIFO, /dev/…
            problems.append(
                _problem(item.where, f"source file '{source.file}' {what} (looked at {path})")
            )
            continue
        if source.format not in (None, "text"):  # a dataset: its statements are read by
            resolved[item.id] = replace(source, file=path)  # dipgraph.loader.citations
            continue
        try:
            data = read_bounded(path, max_bytes)
            digest = hashlib.sha256(data).hexdigest()
            if digests is not None:
                digests[path] = digest
            texts.add(item.id, data.decode("utf-8"), digest)
        except TooLarge as error:
            problems.append(
                _problem(
                    item.where,
                    f"source file '{source.file}' is {error.size_text}, over the "
                    f"{max_bytes // (1024 * 1024)} MiB limit for one source text",
                )
            )
            continue
        except OSError as error:
            reason = error.strerror or str(error)
            problems.append(
                _problem(item.where, f"cannot read source file '{source.file}' ({reason})")
            )
            continue
        except UnicodeDecodeError:
            problems.append(_problem(item.where, f"source file '{source.file}' is not UTF-8"))
            continue
        resolved[item.id] = replace(source, file=path)
    return texts, resolved


class QuoteVerdicts(Protocol):
    """Which quotes of one file were not found, kept under a key over everything that
    decides it (see :func:`check_quotes`): a cache may answer for unchanged files."""

    def failing(self, key: str) -> list[int] | None:
        """The positions (in the file's quotes) of those not found; None if unknown."""

    def keep(self, key: str, failing: list[int]) -> None:
        """Remember ``failing`` under ``key``."""

    def found_in(self, key: str) -> set[str]:
        """The digests of the quotes known to be found in the text ``key`` names."""

    def keep_found(self, key: str, found: set[str]) -> None:
        """Remember that the quotes of digests ``found`` are in the text ``key`` names."""


def _verdict_key(shown: str, digest: str, uses: list[QuoteUse], digest_of: Any) -> str:
    """What decides which of one file's quotes are found: the file (its quotes come
    from its bytes and path alone) and the text of every source they name, as read."""
    digest_parts = hashlib.sha256()
    for part in (b"quote-verdicts-2", shown.encode(), digest.encode()):
        digest_parts.update(len(part).to_bytes(8, "big") + part)
    for source in sorted({use.source for use in uses}):
        text_digest = digest_of(source)
        for part in (source.encode(), (text_digest or "-").encode()):
            digest_parts.update(len(part).to_bytes(8, "big") + part)
    return digest_parts.hexdigest()


class _Sources:
    """Each source's text indexed for quotes (:class:`SourceText`), made on first need."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self.texts = texts
        self.made: dict[str, SourceText] = {}

    def get(self, ident: str) -> SourceText | None:
        made = self.made.get(ident)
        if made is None and ident in self.texts:
            made = self.made[ident] = SourceText(self.texts[ident])
        return made

    def digest_of(self, ident: str) -> str | None:
        """What the text is made from: its bytes' SHA-256 when known, else its own."""
        if ident not in self.texts:
            return None
        if isinstance(self.texts, SourceTexts):
            return self.texts.digest_of(ident)
        return hashlib.sha256(self.texts[ident].encode()).hexdigest()


def check_quotes(
    pending: Pending,
    texts: Mapping[str, str],
    problems: list[Problem],
    verdicts: QuoteVerdicts | None = None,
    file_digests: dict[str, str] | None = None,
) -> None:
    """Every quote must be a verbatim span of its source, up to white space.

    Each source is indexed once (:class:`SourceText`), so the work grows with the
    text and the quotes, not with their product. ``verdicts`` (with each file's
    digest by shown path, ``file_digests``) answers which quotes of an unchanged file
    against unchanged texts fail: only those are looked at again, for their message.
    """
    sources = _Sources(texts)
    found = _found_by_file(pending.quotes, sources, verdicts, file_digests or {})
    hints = 0
    for number, use in enumerate(pending.quotes):
        known = found[number]
        if known is True:
            continue  # (no text normalised, none indexed for it)
        source = sources.get(use.source)
        if source is None:
            continue  # the source is unknown or unreadable: reported already
        quote = normalise_space(use.quote)
        if known is None and source.contains(quote):
            continue
        prefix = source.matched_prefix(quote)
        hint = f"; it matches up to '{prefix[-30:]}' then differs" if len(prefix) >= 5 else ""
        if hints < HINTS_PER_CHECK:
            hints += 1
            hint += quote_hint(quote, source, prefix)
        problems.append(_problem(use.where, f"quote not found in source '{use.source}'{hint}"))


def _found_by_file(
    uses: list[QuoteUse],
    sources: _Sources,
    verdicts: QuoteVerdicts | None,
    file_digests: dict[str, str],
) -> list[bool | None]:
    """For each use, whether its quote is found (False: not found; None: to look up
    in place); known from ``verdicts`` file by file, else looked up and kept."""
    found: list[bool | None] = [None] * len(uses)
    if verdicts is None:
        return found
    by_file: dict[str, list[int]] = {}
    for number, use in enumerate(uses):
        by_file.setdefault(use.path, []).append(number)
    text_digests: dict[str, str | None] = {}

    def digest_of(source: str) -> str | None:
        if source not in text_digests:
            text_digests[source] = sources.digest_of(source)
        return text_digests[source]

    found_in: dict[str, set[str]] = {}  # by source: the quotes known to be in its text
    added: dict[str, set[str]] = {}
    for shown, numbers in by_file.items():
        digest = file_digests.get(shown)
        if digest is None:
            continue  # (not read as bytes: looked up in place)
        mine = [uses[n] for n in numbers]
        key = _verdict_key(shown, digest, mine, digest_of)
        failing = verdicts.failing(key)
        if failing is None or any(type(f) is not int or not 0 <= f < len(mine) for f in failing):
            failing = []
            for place, use in enumerate(mine):
                if digest_of(use.source) is None:
                    continue  # unknown or unreadable: reported already
                quote = normalise_space(use.quote)
                quote_digest = hashlib.blake2b(quote.encode(), digest_size=16).hexdigest()
                known = found_in.get(use.source)
                if known is None:
                    text_key = f"{FOUND_FORMAT}:{digest_of(use.source)}"
                    known = found_in[use.source] = verdicts.found_in(text_key)
                if quote_digest in known:
                    continue
                source = sources.get(use.source)
                assert source is not None
                if source.contains(quote):
                    known.add(quote_digest)
                    added.setdefault(use.source, set()).add(quote_digest)
                else:
                    failing.append(place)
            verdicts.keep(key, failing)
        bad = set(failing)
        for place, number in enumerate(numbers):
            found[number] = place not in bad
    for ident, new in added.items():
        known = found_in[ident]
        if len(known) > MAX_FOUND:  # quotes edited away pile up: start again from these
            known = new
        verdicts.keep_found(f"{FOUND_FORMAT}:{digest_of(ident)}", known)
    return found


# The quotes of a text known to be found in it, by their digest: a changed file's quotes
# that were found before (against the same text) are not looked up again. Bounded, as
# the quotes edited away stay in it.
FOUND_FORMAT = "quotes-found-2"
MAX_FOUND = 500_000


def warn_unused(declared: list[Declared], pending: Pending, problems: list[Problem]) -> None:
    """Sources nobody cites and actors no fact mentions are likely mistakes."""
    used = targets_of(pending.references)
    for item in declared:
        if item.kind in ("source", "actor", "topic", "place") and item.id not in used:
            problems.append(
                _problem(item.where, f"{item.kind} '{item.id}' is not used by any fact", "warning")
            )


def check_initiators(pending: Pending, by_id: dict[str, Declared], problems: list[Problem]) -> None:
    """``initiated_by`` names a party, or a state one of the parties belongs to."""
    for use in pending.initiators:
        target = by_id.get(use.actor)
        if target is None or target.kind != "actor" or target.record is None:
            continue  # unknown or invalid: reported already
        countries = {getattr(by_id[p].record, "country", None) for p in use.parties if p in by_id}
        if target.record.kind == "state" and use.actor in countries:
            continue
        problems.append(
            _problem(
                use.where,
                f"initiated_by '{use.actor}' is not a party to this contact (nor a state "
                "one of its parties belongs to)",
            )
        )


def check_place_containers(
    pending: Pending, by_id: dict[str, Declared], problems: list[Problem]
) -> None:
    """A place's ``in`` names a place or a state: a person or a ministry contains no place."""
    for ref in with_field(pending.references, "in", "place"):
        target = by_id.get(ref.target)
        if target is None or target.kind != "actor" or target.record is None:
            continue  # unknown, a place, or invalid: resolved or reported already
        if target.record.kind != "state":
            problems.append(
                _problem(
                    ref.where,
                    f"'{ref.target}' is {with_article(target.record.kind)}, but in takes a "
                    "place or a state",
                )
            )
