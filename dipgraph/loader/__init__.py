"""Loading fact files with every problem reported at ``path:line:col``.

>>> facts, problems = check_facts("tests/fixtures/small")
>>> len(facts.contacts), problems
(5, [])
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from dipgraph.errors import FactsNotFound
from dipgraph.facts import Facts
from dipgraph.loader import citations, crosscheck
from dipgraph.loader.corroborations import add_corroborations, split_corroborations
from dipgraph.loader.crosscheck import QuoteVerdicts
from dipgraph.loader.cycles import report_cycles
from dipgraph.loader.dataset import DATASET_FILE
from dipgraph.loader.fields import Pending
from dipgraph.loader.finding import find_fact_files
from dipgraph.loader.lookalikes import warn_lookalike_actors
from dipgraph.loader.one_file import FileCheck, add_pending, check_one_file
from dipgraph.loader.problems import FactsError, Problem, shown_path
from dipgraph.loader.reading import MAX_FILE_BYTES
from dipgraph.loader.records import Declared
from dipgraph.process_memory import collector_paused, without_collector
from dipgraph.schema.model import load_model

# What other records name: a file declaring any of these is read first (see each_file).
_NAMED_KINDS = re.compile(rb"^(sources|topics|places|actors)[ \t]*:", re.MULTILINE)

__all__ = [
    "FactsError",
    "FileCheck",
    "Problem",
    "Staged",
    "check_facts",
    "check_in_stages",
    "check_one_file",
    "fact_files",
    "files_read",
    "load_facts",
    "shown_path",
]


def fact_files(root: str | os.PathLike[str]) -> list[Path]:
    """Every fact file the loader reads under ``root`` (what a cache key should cover)."""
    return find_fact_files(Path(root).resolve(), [])


def files_read(facts: Facts) -> list[Path]:
    """Every file the loaded facts came from: the fact files, then each source's text."""
    return [*facts.files, *(source.file for source in facts.sources.values())]


@without_collector
def check_facts(
    root: str | os.PathLike[str],
    max_file_bytes: int = MAX_FILE_BYTES,
    max_source_bytes: int = crosscheck.MAX_SOURCE_BYTES,
    one_file: Callable[[Path, str, bool], FileCheck] | None = None,
    quote_verdicts: QuoteVerdicts | None = None,
) -> tuple[Facts, list[Problem]]:
    """Read and check every fact file; return what is valid and every problem found.

    ``max_file_bytes`` bounds one fact file, ``max_source_bytes`` one source text;
    ``one_file``, ``quote_verdicts``: see :func:`check_in_stages`.
    """
    staged = check_in_stages(
        root, max_file_bytes, max_source_bytes, one_file=one_file, quote_verdicts=quote_verdicts
    )
    return staged.facts, staged.finish()


@dataclass
class Staged:
    """Facts read and checked file by file, before the checks across files are done.

    A cold SPARQL start compiles these facts while :meth:`finish` is still to run (see
    dipgraph.cached_graph): it keeps its result only if ``finish`` then finds no error.
    """

    facts: Facts
    problems: list[Problem]  # found so far (all of them once finished)
    _unplaced: list[Problem]  # found too, added to ``problems`` in their turn by _rest
    _rest: Callable[[bool], None]  # the checks across files; False: only those that err
    _finished: bool = False
    _warned: bool = True  # whether the finished checks included those that only warn

    def has_errors(self) -> bool:
        """Whether an error is known already (``finish`` may find more)."""
        return any(p.severity == "error" for p in (*self.problems, *self._unplaced))

    def finish(self) -> list[Problem]:
        """Run the remaining checks; every problem, sorted by place (as check_facts)."""
        if not self._warned:
            raise RuntimeError("finds_errors() ran only the checks that find errors")
        self._run(warn=True)
        return self.problems

    def finds_errors(self) -> bool:
        """Whether the facts have an error, running only the remaining checks that can
        find one (not those that only warn): a verdict for a caller that reports
        nothing. :meth:`finish` may not be called after it."""
        self._run(warn=False)
        return self.has_errors()

    def _run(self, warn: bool) -> None:
        if not self._finished:
            with collector_paused():
                self._rest(warn)
            self._finished, self._warned = True, warn
            self._rest = _done  # let go of the pending checks and source texts it held


def _done(_: bool) -> None:
    pass


def _reading_order(files: list[Path], max_file_bytes: int) -> list[Path]:
    """The files that seem to declare sources, topics, places or actors first, the rest after,
    each group in its own order: records that cite a source or name a topic can then
    be compiled as soon as their file is checked. Only a guess: what is read, and what
    comes of it, is the same in any order."""
    first: list[Path] = []
    rest: list[Path] = []
    for path in files:
        try:
            with path.open("rb") as stream:
                head = stream.read(max_file_bytes + 1)
        except OSError:
            head = b""  # reading it again reports the problem
        (first if _NAMED_KINDS.search(head) else rest).append(path)
    return first + rest


@without_collector
def check_in_stages(
    root: str | os.PathLike[str],
    max_file_bytes: int = MAX_FILE_BYTES,
    max_source_bytes: int = crosscheck.MAX_SOURCE_BYTES,
    each_file: Callable[[list[tuple[str, Any]]], None] | None = None,
    one_file: Callable[[Path, str, bool], FileCheck] | None = None,
    quote_verdicts: QuoteVerdicts | None = None,
) -> Staged:
    """:func:`check_facts` in two steps: every file, ids and source texts now; the
    checks across files (references, quotes, cycles...) when the result's ``finish``
    is called. The problems come out the same, in the same order.

    ``each_file`` is handed each file's valid records, as (kind, record) pairs, as
    soon as the file is checked (in an order that puts files declaring sources, topics,
    places or actors first); a record may still be rejected by a check across files.

    ``one_file(path, shown, dataset_file)`` checks one file alone (by default
    :func:`check_one_file`): a cache may answer it for a file it has seen
    (dipgraph.cached_graph). ``quote_verdicts`` may say which quotes of a file fail
    against the source texts as read (see :func:`crosscheck.check_quotes`)."""
    root_path = Path(root).resolve()
    if not root_path.exists():
        raise FactsNotFound(f"facts directory not found: {root}")
    model = load_model()
    problems: list[Problem] = []
    pending = Pending()
    files = find_fact_files(root_path, problems, shown_path)
    shown_files: dict[str, Path] = {shown_path(path): path for path in files}
    in_file: dict[Path, list[Declared]] = {}
    unread = False  # a file that could not be read: what it uses is unknown
    source_dir = root_path if root_path.is_dir() else root_path.parent
    digests: dict[Path, str] = {}
    if one_file is None:
        one_file = partial(check_one_file, model=model, max_file_bytes=max_file_bytes)
    for path in _reading_order(files, max_file_bytes) if each_file else files:
        alone = one_file(path, shown_path(path), path == source_dir / DATASET_FILE)
        problems.extend(alone.problems)
        add_pending(pending, alone.pending)
        unread = unread or not alone.composed
        if alone.digest is not None:
            digests[path] = alone.digest
        if alone.composed:
            in_file[path] = alone.declared
            if each_file is not None:
                each_file([(d.kind, d.record) for d in alone.declared if d.record is not None])
    declared = [item for path in files for item in in_file.get(path, ())]  # files' order
    if not files:
        problems.append(Problem(shown_path(root_path), 1, 1, "no .yaml fact files found here"))

    declared, corroborations = split_corroborations(declared)
    by_id = crosscheck.unique_ids(declared, problems)
    sources = [d for d in by_id.values() if d.kind == "source" and d.record is not None]
    source_problems: list[Problem] = []
    texts, resolved = crosscheck.read_source_texts(
        sources, shown_files, source_dir, source_problems, max_source_bytes, digests
    )
    facts = Facts(root=root_path, files=tuple(files), digests=digests)
    for item in by_id.values():
        if item.record is not None:
            record = resolved.get(item.id, item.record)
            facts.by_kind(item.kind)[item.id] = record
    add_corroborations(corroborations, by_id, facts, problems)

    def rest(warn: bool) -> None:  # in check_facts' order, so that problems sort the same
        crosscheck.resolve_references(pending, by_id, problems)
        crosscheck.unique_wikidata(pending, problems)
        crosscheck.check_initiators(pending, by_id, problems)
        crosscheck.check_place_containers(pending, by_id, problems)
        problems.extend(source_problems)
        read = {shown_path(path): digests[path] for path in files if path in digests}
        crosscheck.check_quotes(pending, texts, problems, quote_verdicts, read)
        citations.check_quoted_datasets(pending.quotes, resolved, problems)
        citations.check_citations(pending.citations, resolved, problems)
        if warn and not unread:  # else "not used" would blame records the file uses
            crosscheck.warn_unused(list(by_id.values()), pending, problems)
        report_cycles(facts, pending, problems)
        if warn:
            warn_lookalike_actors(list(facts.actors.values()), problems)
            problems.sort(key=lambda p: (p.path, p.line, p.col))

    return Staged(facts, problems, source_problems, rest)


def load_facts(root: str | os.PathLike[str], max_file_bytes: int = MAX_FILE_BYTES) -> Facts:
    """Load checked facts, or raise FactsError listing every error."""
    facts, problems = check_facts(root, max_file_bytes)
    if any(p.severity == "error" for p in problems):
        raise FactsError(problems)
    return facts
