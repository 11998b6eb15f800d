"""Checking one fact file alone: what it declares, the problems in it, and what it
leaves to the checks across files.

The result depends only on the file's bytes, the path it is shown by and the model,
so a cache may keep it under those (see :mod:`dipgraph.cache.file_checks`) and a
later check re-reads only the files that changed; the checks across files then run
over every file's result exactly as a full run does (see
:func:`dipgraph.loader.check_in_stages`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dipgraph.loader.fields import FieldChecker, Pending
from dipgraph.loader.nodes import NodeReader
from dipgraph.loader.problems import Problem
from dipgraph.loader.reading import read_yaml_nodes
from dipgraph.loader.records import Declared, check_file
from dipgraph.schema.model import Model


@dataclass(slots=True)
class FileCheck:
    """What checking one fact file alone found."""

    shown: str  # the path as messages show it
    digest: str | None  # SHA-256 of the bytes read; None when they could not be read
    composed: bool  # read as YAML: what the file uses is known
    problems: list[Problem] = field(default_factory=list)
    declared: list[Declared] = field(default_factory=list)
    pending: Pending = field(default_factory=Pending)


def check_one_file(
    path: Path, shown: str, dataset_file: bool, model: Model, max_file_bytes: int
) -> FileCheck:
    """Read and check ``path`` against ``model``, every problem located in it
    (``dataset_file``: it is the facts' own dataset.yaml, see :func:`check_file`)."""
    problems: list[Problem] = []
    digests: dict[Path, str] = {}
    node, read_problems = read_yaml_nodes(path, shown, max_file_bytes, digests)
    problems.extend(read_problems)
    result = FileCheck(shown, digests.get(path), node is not None, problems)
    if node is not None:
        reader = NodeReader(shown, problems, not getattr(node, "plain_text", False))
        checker = FieldChecker(reader, model, result.pending)
        result.declared = check_file(checker, node, dataset_file)
    return result


def add_pending(into: Pending, part: Pending) -> None:
    """Append one file's pending checks to the run's, in order."""
    into.references.extend(part.references)
    into.quotes.extend(part.quotes)
    into.wikidata.extend(part.wikidata)
    into.initiators.extend(part.initiators)
    into.citations.extend(part.citations)
