"""The curation rules of facts/README.md, run by ``dipgraph check`` on any facts folder.

>>> from dipgraph.loader import load_facts
>>> curation_problems(load_facts("tests/fixtures/small"))
[]
"""

from __future__ import annotations

from collections.abc import Callable

from dipgraph.curation.rules import Curation, Finding, findings, findings_with, message
from dipgraph.facts import Facts
from dipgraph.loader.problems import Problem

__all__ = ["curation_problems", "with_curation"]


#: What :data:`~dipgraph.curation.rules.LOCAL_RULES` find, given the rules' view of the
#: facts (a cache gives it from each file's kept findings).
LocalFindings = Callable[[Curation], list[Finding]]
#: What some other rules find, by rule name (a cache gives those it kept, see
#: :data:`~dipgraph.curation.rules.ENTITY_RULES` and rule 2's findings by source).
KeptFindings = Callable[[Curation], dict[str, list[Finding]]]


def curation_problems(
    facts: Facts, local: LocalFindings | None = None, kept: KeptFindings | None = None
) -> list[Problem]:
    """Each curation finding as a warning at its place: the fact's, or its own (a line of
    a source's text, a source's documented exception)."""
    cur = Curation.of(facts)
    problems = []
    found = (
        findings(cur)
        if local is None
        else findings_with(cur, local(cur), None if kept is None else kept(cur))
    )
    for finding in found:
        where = finding.where or getattr(finding.record, "location", None)
        path, line, col = (where.path, where.line, where.col) if where else (str(facts.root), 0, 0)
        problems.append(Problem(path, line, col, message(finding), "warning"))
    return problems


def with_curation(
    facts: Facts,
    problems: list[Problem],
    local: LocalFindings | None = None,
    kept: KeptFindings | None = None,
) -> list[Problem]:
    """``problems`` and, when none is an error, the curation warnings, in file order:
    what ``check`` reports, whichever way the facts were read."""
    if any(p.severity == "error" for p in problems):
        return problems
    found = [*problems, *curation_problems(facts, local, kept)]
    return sorted(found, key=lambda p: (p.path, p.line, p.col))
