"""The curation rules of facts/README.md, run by ``dipgraph check`` on any facts folder.

>>> from dipgraph.loader import load_facts
>>> curation_problems(load_facts("tests/fixtures/small"))
[]
"""

from __future__ import annotations

from dipgraph.curation.rules import Curation, findings, message
from dipgraph.facts import Facts
from dipgraph.loader.problems import Problem

__all__ = ["curation_problems", "with_curation"]


def curation_problems(facts: Facts) -> list[Problem]:
    """Each curation finding as a warning at its place: the fact's, or its own (a line of
    a source's text, a source's documented exception)."""
    problems = []
    for finding in findings(Curation.of(facts)):
        where = finding.where or getattr(finding.record, "location", None)
        path, line, col = (where.path, where.line, where.col) if where else (str(facts.root), 0, 0)
        problems.append(Problem(path, line, col, message(finding), "warning"))
    return problems


def with_curation(facts: Facts, problems: list[Problem]) -> list[Problem]:
    """``problems`` and, when none is an error, the curation warnings, in file order:
    what ``check`` reports, whichever way the facts were read."""
    if any(p.severity == "error" for p in problems):
        return problems
    found = [*problems, *curation_problems(facts)]
    return sorted(found, key=lambda p: (p.path, p.line, p.col))
