"""dipgraph: a checked knowledge graph of diplomatic actors.

>>> import dipgraph
>>> kg = dipgraph.load("tests/fixtures/small")
>>> kg.actor("بوتين").id
'vladimir-putin'
"""

from __future__ import annotations

import os

from dipgraph.bundled import default_facts_dir
from dipgraph.facts import Facts
from dipgraph.graph.iris import check_base_iri
from dipgraph.graph.knowledge import KnowledgeGraph, QueryError
from dipgraph.loader import FactsError, Problem, check_facts, load_facts
from dipgraph.names import NameLookupError

# The function shadows its package's name on purpose (``dipgraph.suggest(...)``, as the
# other twins); import the package's modules with ``from dipgraph.suggest.x import y``.
from dipgraph.suggest import ArticleError, suggest

__version__ = "0.1.0"
__all__ = [
    "ArticleError",
    "FactsError",
    "KnowledgeGraph",
    "NameLookupError",
    "Problem",
    "QueryError",
    "check",
    "check_facts",
    "load",
    "load_facts",
    "suggest",
]


def load(
    facts_dir: str | os.PathLike[str] | None = None,
    base_iri: str | None = None,
    cache: bool = False,
) -> KnowledgeGraph:
    """Load and check a facts directory (default: ./facts, else the bundled dataset).

    ``base_iri`` sets where data IRIs live (``{base_iri}actor/{id}``...). With
    ``cache=True`` a compile of identical files is reused (see :mod:`dipgraph.cache`);
    the command line does this for every query.
    """
    from pathlib import Path

    from dipgraph.graph.iris import DEFAULT_BASE

    base = check_base_iri(base_iri) if base_iri else DEFAULT_BASE
    root = Path(facts_dir or default_facts_dir())
    if not cache:
        return KnowledgeGraph(load_facts(root), base)
    from dipgraph.cache import entry_for

    if not root.exists():
        raise FileNotFoundError(f"facts directory not found: {root}")
    entry = entry_for(root.resolve(), base)
    cached = entry.open(base) if entry else None
    if cached is not None:
        return cached
    kg = KnowledgeGraph(load_facts(root), base, entry)
    if entry:
        entry.save(kg)
    return kg


def check(
    facts_dir: str | os.PathLike[str] | None = None, cache: bool = False
) -> tuple[Facts, list[Problem]]:
    """Check a facts directory: what is valid, and every problem (``dipgraph check``).

    With ``cache=True`` clean facts are kept in the compile cache, so the query or
    build that usually follows a check starts warm instead of checking again.

    >>> facts, problems = check("tests/fixtures/small")
    >>> len(facts.actors), problems
    (8, [])
    """
    from pathlib import Path

    from dipgraph.graph.iris import DEFAULT_BASE

    root = Path(facts_dir or default_facts_dir())
    entry = None
    if cache and root.exists():
        from dipgraph.cache import entry_for

        entry = entry_for(root.resolve(), DEFAULT_BASE)  # keyed before reading, as load does
    facts, problems = check_facts(root)
    if entry is not None and not any(p.severity == "error" for p in problems):
        entry.save(KnowledgeGraph(facts, DEFAULT_BASE, entry))
    return facts, problems
