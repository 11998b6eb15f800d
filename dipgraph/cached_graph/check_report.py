"""``dipgraph check``'s report through the cache: kept whole while no file changes.

A folder where no fact file, source text or the curation guide changed since a check
without errors (their stat, as git's index keeps it) gets that check's report back at
the cost of a stat of each file; otherwise :func:`dipgraph.cached_graph.check_and_keep`
checks it, re-reading only the files whose bytes changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dipgraph.cache import entry_for, part_store, schema_digest
from dipgraph.cached_graph import check_and_keep
from dipgraph.facts import RECORD_TYPES
from dipgraph.loader import Problem


@dataclass
class CheckReport:
    """What ``check`` says: every problem, and how many records of each kind and
    files were checked. ``unchanged``: no file changed since the last check, whose
    report this is; ``reread``: the fact files read again (the others' checks were
    kept from earlier runs), None without the cache."""

    problems: list[Problem]
    counts: dict[str, int]
    files: int
    unchanged: bool = False
    reread: int | None = None

    def as_json(self) -> str:
        return json.dumps(
            {
                # (field by field: dataclasses.astuple deep-copies, 0.5 s for 19k warnings)
                "problems": [[p.path, p.line, p.col, p.message, p.severity] for p in self.problems],
                "counts": self.counts,
                "files": self.files,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> CheckReport:
        data = json.loads(text)
        problems = [
            Problem(*map(_checked_type, p, (str, int, int, str, str))) for p in data["problems"]
        ]
        counts = {str(k): _checked_type(v, int) for k, v in dict(data["counts"]).items()}
        return cls(problems, counts, _checked_type(data["files"], int), unchanged=True, reread=0)


def _checked_type(value: Any, kind: type) -> Any:
    if type(value) is not kind:
        raise ValueError(f"expected {kind.__name__}")
    return value


def _folder_print(root: Path, report_sources: list[Path]) -> str | None:
    """The stat of every fact file and source text and of the curation rules' general
    guide (a fact carries its own exceptions), None when one
    changed within the last two seconds or cannot be read (see
    dipgraph.cache.file_checks.stat_text)."""
    from dipgraph.cache.file_checks import stat_text
    from dipgraph.curation.guide import GUIDE_FILE
    from dipgraph.loader.finding import find_fact_files

    listing_problems: list[Problem] = []  # a folder that cannot be read: check it all
    paths = [*find_fact_files(root, listing_problems), *report_sources, GUIDE_FILE]
    if listing_problems:
        return None
    printed = [stat_text(path) for path in paths]
    if any(p is None for p in printed):
        return None
    return json.dumps([[str(path), p] for path, p in zip(paths, printed, strict=True)])


def _report_key(root: Path, base: str) -> str:
    from dipgraph.version import __version__

    digest = hashlib.sha256()
    for part in (
        b"check-report-1",
        __version__.encode(),
        schema_digest(),
        os.fsencode(root),
        os.fsencode(Path.cwd()),
        base.encode(),
    ):
        digest.update(len(part).to_bytes(8, "big") + part)
    return f"report:{digest.hexdigest()}"


def check_report(root: Path, base: str) -> CheckReport:
    """:func:`check_cached`'s answer as a report; when no fact file or source text has
    changed since a check that found no error (their stat as git's index keeps it),
    that check's report, at the cost of a stat of each file."""
    store = part_store() if root.exists() else None
    key = None
    if store is not None:
        try:
            key = _report_key(root, base)
            kept = store.get([key]).get(key)
            if kept is not None:
                data = json.loads(kept)
                entry = entry_for(root, base)
                if (
                    entry is not None
                    and entry.directory.exists()
                    and _folder_print(root, [Path(p) for p in data["sources"]]) == data["stat"]
                ):
                    return CheckReport.from_json(data["report"])
        except (OSError, sqlite3.Error, ValueError, TypeError, KeyError, RecursionError):
            pass  # checked from the files
    from dipgraph.cached_graph.curation_parts import with_cached_curation

    facts, problems, checks = check_and_keep(root, base)
    problems = with_cached_curation(facts, problems, root, base)  # facts/README.md's rules
    report = CheckReport(
        problems,
        {kind: len(facts.by_kind(kind)) for kind in RECORD_TYPES},
        len(facts.files),
        reread=None if checks is None else checks.checked,
    )
    if store is not None and key is not None and not any(p.severity == "error" for p in problems):
        sources = sorted({str(s.file) for s in facts.sources.values()})
        printed = _folder_print(root, [Path(p) for p in sources])
        if printed is not None:
            value = json.dumps({"stat": printed, "sources": sources, "report": report.as_json()})
            with suppress(sqlite3.Error):
                store.put({key: value})
    return report
