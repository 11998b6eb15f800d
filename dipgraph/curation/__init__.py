"""The curation rules of facts/README.md, run by ``dipgraph check`` on any facts folder.

>>> from dipgraph.loader import load_facts
>>> curation_problems(load_facts("tests/fixtures/small"))
[]
"""

from __future__ import annotations

from pathlib import Path

from dipgraph.curation.rules import Curation, findings, message
from dipgraph.facts import Facts
from dipgraph.loader.problems import Problem

__all__ = ["curation_problems"]


def curation_problems(facts: Facts, root: Path | None = None) -> list[Problem]:
    """Each curation finding as a warning at the fact's place."""
    problems = []
    for finding in findings(Curation.of(facts, root)):
        where = getattr(finding.record, "location", None)
        path, line, col = (where.path, where.line, where.col) if where else (str(facts.root), 0, 0)
        problems.append(Problem(path, line, col, message(finding), "warning"))
    return problems
