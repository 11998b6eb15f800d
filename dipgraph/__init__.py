"""dipgraph: a checked knowledge graph of diplomatic actors.

>>> import dipgraph
>>> kg = dipgraph.load("tests/fixtures/small")
>>> kg.actor("بوتين").id
'vladimir-putin'
"""

from __future__ import annotations

import os

from dipgraph.bundled import default_facts_dir
from dipgraph.graph.knowledge import KnowledgeGraph, QueryError
from dipgraph.loader import FactsError, Problem, check_facts, load_facts
from dipgraph.names import NameLookupError

__version__ = "0.1.0"
__all__ = [
    "FactsError",
    "KnowledgeGraph",
    "NameLookupError",
    "Problem",
    "QueryError",
    "check_facts",
    "load",
    "load_facts",
]


def load(facts_dir: str | os.PathLike[str] | None = None) -> KnowledgeGraph:
    """Load and check a facts directory (default: ./facts, else the bundled dataset)."""
    return KnowledgeGraph(load_facts(facts_dir or default_facts_dir()))
